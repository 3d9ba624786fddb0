"""The developer set-up (scripts/dev.py): what each command installs, the locks it installs from, and pip's output
kept off the screen unless a step fails."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import ROOT

tomllib = pytest.importorskip("tomllib")  # Python 3.11 and newer
sys.path.insert(0, str(ROOT / "scripts"))
import dev  # type: ignore[import-untyped]  # noqa: E402

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^ ]+)$")


def names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


@pytest.mark.parametrize("lock", [dev.RUN_LOCK, dev.TEST_LOCK], ids=["run.lock", "test.lock"])
def test_every_pin_is_exact_and_hashed(lock: Path) -> None:
    pins = dev._pins(lock)
    assert pins
    for name, pin in pins.items():
        head, *hashes = pin.split(" --hash=")
        assert PIN.match(head), f"{lock.name}: {head} is not name==version"
        assert hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), f"{lock.name}: {name}"


def test_the_run_lock_is_the_test_lock_cut_down_to_running() -> None:
    run, test = dev._pins(dev.RUN_LOCK), dev._pins(dev.TEST_LOCK)
    assert {name: pin for name, pin in run.items() if test.get(name) != pin} == {}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    backend = names(project["build-system"]["requires"])
    assert names(project["project"]["dependencies"]) | backend <= set(run)  # running, and building pathfinder
    tools = names(project["project"]["optional-dependencies"]["test"]) - backend
    assert tools <= set(test) and not tools & set(run), "the run lock holds no test tool"


def test_the_suite_has_a_time_limit_per_test() -> None:
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    assert 0 < options["timeout"] <= 600
    assert "pytest-timeout" in names(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
                                     ["optional-dependencies"]["test"])


@pytest.mark.parametrize(("command", "lock", "tools"), [
    ("quiz", "run", False), ("run", "run", False), ("test", "test", True), ("lint", "test", False),
    ("bench", "test", False),
])
def test_each_command_installs_what_it_needs(command: str, lock: str, tools: bool,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    done: list[Any] = []
    monkeypatch.setattr(dev, "setup", lambda kind: done.append(("setup", kind)))
    monkeypatch.setattr(dev, "ensure_test_tools", lambda: done.append("system tools"))
    monkeypatch.setattr(dev, "ensure_node_packages", lambda: done.append("node packages"))
    monkeypatch.setattr(dev, "lint", lambda: 0)
    monkeypatch.setattr(dev.os, "execv", lambda path, args: done.append(("run", Path(args[0]).name)))
    monkeypatch.setattr(dev.subprocess, "call", lambda args: 0)  # after a real execv, nothing would run
    monkeypatch.chdir(ROOT)
    dev.main([command])
    assert done[0] == ("setup", lock)
    assert ("system tools" in done) is tools and ("node packages" in done) is tools


def test_a_quiet_step_shows_its_output_only_when_it_fails(capsys: pytest.CaptureFixture[str]) -> None:
    dev._run([sys.executable, "-c", "print('WARNING: noise')"], timeout=60, quiet=True)
    assert "noise" not in capsys.readouterr().err
    with pytest.raises(dev.SetupError, match="exit code 3"):
        dev._run([sys.executable, "-c", "print('the reason'); raise SystemExit(3)"], timeout=60, quiet=True)
    assert "the reason" in capsys.readouterr().err

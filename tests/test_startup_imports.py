"""Start-up guards: which modules each command loads. Nothing here is timed.

A command runs in a fresh interpreter (``python -m pathfinder``) and reports ``sys.modules``
when it ends. questionary belongs to the interactive quiz alone; rich is for drawing to a
person, so not for --version, --help or JSON; --version and --help load no pydantic and no
pathfinder core module. (Typer 0.29 imports pydantic itself when any other command runs.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json, os, runpy, sys
def leave(code):  # pathfinder ends with os._exit (no teardown): end here with the same code instead
    raise SystemExit(code)
os._exit = leave
report, args = sys.argv[1], sys.argv[2:]
sys.argv = ["pathfinder", *args]
code = 0
try:
    runpy.run_module("pathfinder", run_name="__main__", alter_sys=True)
except SystemExit as exc:
    code = exc.code or 0
with open(report, "w") as handle:
    json.dump({"code": code, "modules": sorted(sys.modules)}, handle)
"""


def loaded(tmp_path: Path, *args: str, stdin: bytes = b"") -> set[str]:
    report = tmp_path / "modules.json"
    env = {key: value for key, value in os.environ.items() if key not in {"FORCE_COLOR", "PY_COLORS"}}
    env["COLUMNS"] = "100"
    done = subprocess.run([sys.executable, "-c", PROBE, str(report), *args], input=stdin, capture_output=True,
                          env=env, timeout=120, check=False)
    assert report.exists(), done.stderr.decode()
    found = json.loads(report.read_text())
    assert found["code"] == 0, done.stderr.decode()
    return set(found["modules"])


def top(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_version_loads_nothing_but_typer(tmp_path: Path) -> None:
    modules = loaded(tmp_path, "--version")
    assert {"questionary", "prompt_toolkit", "rich", "pydantic", "pydantic_core"}.isdisjoint(top(modules))
    assert {"pathfinder.core.programs", "pathfinder.core.catalog", "pathfinder.core.scoring"}.isdisjoint(modules)


def test_version_through_typer_loads_no_catalog(tmp_path: Path) -> None:
    modules = loaded(tmp_path, "--no-color", "--version")
    assert {"questionary", "rich", "pydantic"}.isdisjoint(top(modules))
    assert "pathfinder.core.programs" not in modules


def test_help_is_plain_and_light(tmp_path: Path) -> None:
    modules = loaded(tmp_path, "--help")
    assert {"questionary", "prompt_toolkit", "rich", "pydantic", "pydantic_core"}.isdisjoint(top(modules))
    assert "typer.rich_utils" not in modules
    assert "pathfinder.core.programs" not in modules


def test_compare_json_draws_nothing(tmp_path: Path) -> None:
    modules = loaded(tmp_path, "compare", "--json")
    assert {"questionary", "prompt_toolkit", "rich"}.isdisjoint(top(modules))
    assert "pathfinder.core.programs" in modules  # the catalog was validated
    assert "pathfinder.core.result" not in modules  # the result's models are never built for the catalog


def test_compare_table_uses_rich_but_not_questionary(tmp_path: Path) -> None:
    modules = loaded(tmp_path, "compare")
    assert "rich" in top(modules)
    assert {"questionary", "prompt_toolkit"}.isdisjoint(top(modules))
    assert "pathfinder.core.result" not in modules


def test_quiz_json_without_a_terminal_needs_no_prompts(tmp_path: Path) -> None:
    modules = loaded(tmp_path, "quiz", "--defaults", "--json")
    assert {"questionary", "prompt_toolkit", "rich"}.isdisjoint(top(modules))


@pytest.mark.parametrize("output", ["jsonl", "csv"])
def test_score_loads_no_prompts_and_no_rich_off_a_terminal(tmp_path: Path, output: str) -> None:
    modules = loaded(tmp_path, "score", "-", "--format", output, stdin=b'{"goal": "billing"}\n')
    assert {"questionary", "prompt_toolkit", "rich"}.isdisjoint(top(modules))


def test_importtime_agrees_for_version(tmp_path: Path) -> None:
    """The same guard read from -X importtime, through the console entry point's module."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "pathfinder", "--version"], capture_output=True,
                          timeout=120, check=True)
    names = {line.split("|")[-1].strip() for line in done.stderr.decode().splitlines() if "|" in line}
    assert done.stdout.decode().startswith("pathfinder ")
    assert {"questionary", "rich", "pydantic", "pydantic_core"}.isdisjoint({name.split(".")[0] for name in names})

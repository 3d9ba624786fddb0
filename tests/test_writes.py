"""Every file pathfinder writes, written through the real command, when the write fails.

The three writers (``quiz --save-answers``, ``quiz --export`` and ``score --output``) must leave the old file
exactly as it was and no temporary file behind, and say what went wrong, with exit code 2. Two failures are
made for real, as a person would meet them:

- a full disk: the command runs with a file-size limit (RLIMIT_FSIZE, with SIGXFSZ ignored), so the write into
  the temporary file fails with "File too large" partway, as it would with ENOSPC;
- a rename that fails: ``os.replace`` refuses (as across devices, or when the folder turns read-only), with the
  command run in this process so the failure can be injected.

A writer that wrote the file in place (``Path.write_text``) fails both: the full disk leaves a truncated file,
and the rename is never tried, so the old content is gone.
"""

from __future__ import annotations

import errno
import json
import os
import resource
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pathfinder.cli.app import app
from test_reliability import pathfinder_bin

OLD = "the old file, which must survive\n"
CLASS = "Name,goal,budget_usd\n" + "".join(f"Student {n},billing,{4000 + n}\n" for n in range(300))
FILE_LIMIT = 120  # bytes: more than the old file, less than anything pathfinder writes


def _commands(folder: Path) -> dict[str, tuple[list[str], Path]]:
    """Each writer: its arguments and the file it writes (which holds OLD before the run)."""
    (folder / "class.csv").write_text(CLASS)
    return {
        "save-answers": (["quiz", "--defaults", "--set", "goal=billing", "--save-answers", "answers.json"],
                         folder / "answers.json"),
        "export-html": (["quiz", "--defaults", "--export", "report.html"], folder / "report.html"),
        "export-md": (["quiz", "--defaults", "--export", "report.md"], folder / "report.md"),
        "score-output": (["score", "class.csv", "--format", "csv", "--output", "results.csv"],
                         folder / "results.csv"),
    }


WRITERS = ["save-answers", "export-html", "export-md", "score-output"]


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of killing the process
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT, FILE_LIMIT))


def _left_alone(folder: Path, target: Path) -> None:
    assert target.read_text() == OLD
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".")]
    assert leftovers == [], f"temporary files left behind: {leftovers}"


@pytest.mark.parametrize("writer", WRITERS)
def test_a_full_disk_leaves_the_old_file_whole(tmp_path: Path, writer: str) -> None:
    args, target = _commands(tmp_path)[writer]
    target.write_text(OLD)
    # No bytecode files, and no coverage measurement (its data file would meet the same limit).
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    env.update(COLUMNS="80", NO_COLOR="1", PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run([pathfinder_bin(), *args], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120, preexec_fn=_limit_file_size)
    assert done.returncode == 2, done.stderr
    assert f"{target.name}: could not be written (File too large)" in done.stderr
    assert "Traceback" not in done.stderr
    _left_alone(tmp_path, target)


def _refuse_rename(real: Callable[..., None]) -> Callable[..., None]:
    def replace(source: object, destination: object) -> None:
        if str(destination).endswith((".json", ".html", ".md", ".csv")):
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
        real(source, destination)

    return replace


@pytest.mark.parametrize("writer", WRITERS)
def test_a_failed_rename_leaves_the_old_file_whole(tmp_path: Path, writer: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    args, target = _commands(tmp_path)[writer]
    target.write_text(OLD)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "replace", _refuse_rename(os.replace))
    done = CliRunner().invoke(app, args, env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 2, done.output
    assert f"{target.name}: could not be written ({os.strerror(errno.EXDEV)})" in done.stderr
    _left_alone(tmp_path, target)


@pytest.mark.parametrize("writer", WRITERS)
def test_a_write_that_works_replaces_the_file_whole(tmp_path: Path, writer: str) -> None:
    args, target = _commands(tmp_path)[writer]
    target.write_text(OLD)
    target.chmod(0o640)
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    done = subprocess.run([pathfinder_bin(), *args], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    written = target.read_text()
    assert written != OLD and written.endswith("\n")
    if writer == "save-answers":
        assert json.loads(written)["goal"] == "billing"
    if writer == "score-output":
        assert len(written.splitlines()) == 301
    assert target.stat().st_mode & 0o777 == 0o640  # the file keeps its permissions
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []

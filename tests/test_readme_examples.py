"""The README's command examples run: every `$ pathfinder ...` line that needs no terminal and no file of yours."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from insight_helpers import run

README = Path(__file__).resolve().parent.parent / "README.md"
EXAMPLES = [line.removeprefix("$ pathfinder ").strip() for line in README.read_text(encoding="utf-8").splitlines()
            if line.startswith("$ pathfinder ")]


def _runnable(command: str) -> bool:
    if "my-answers.json" in command and "--save-answers" not in command:
        return False  # reads a file the reader has made
    words = shlex.split(command.split(" | ")[0].split(" > ")[0])
    return "quiz" not in words or "--defaults" in words


def test_the_readme_has_examples() -> None:
    assert len([c for c in EXAMPLES if _runnable(c)]) >= 10


@pytest.mark.parametrize("command", [c for c in EXAMPLES if _runnable(c)])
def test_readme_example_runs(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").symlink_to(README.parent / "data")  # examples are run from a clone's top folder
    monkeypatch.chdir(tmp_path)
    words = shlex.split(re.split(r" \| | > ", command)[0])
    result = run(*words)
    assert result.exit_code == 0, (command, result.output)

"""The summary's last line when no menu follows it: a hint that works as it is, naming the answers file so
following it answers nothing again."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

from insight_helpers import run
from pathfinder.core.questions import defaults


def test_a_run_from_flags_says_to_add_details() -> None:
    result = run("quiz", "--defaults")
    assert result.exit_code == 0
    assert "More: add --details for the whole report" in " ".join(result.stdout.split())


def test_a_run_from_an_answers_file_names_it(tmp_path: Path) -> None:
    path = tmp_path / "my answers.json"
    path.write_text(json.dumps(defaults()), encoding="utf-8")
    result = run("quiz", "--answers", str(path))
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    command = f"pathfinder quiz --answers {shlex.quote(str(path))} --details"
    assert command in text
    # Following the hint needs no answer: it runs as it is and prints the whole report.
    again = run(*shlex.split(command)[1:])
    assert again.exit_code == 0 and "Assumptions" in again.stdout


def test_saved_answers_are_named_in_the_hint(tmp_path: Path) -> None:
    path = tmp_path / "saved.json"
    result = run("quiz", "--defaults", "--save-answers", str(path))
    assert result.exit_code == 0, result.output
    assert f"pathfinder quiz --answers {path} --details" in " ".join(result.stdout.split())
    assert json.loads(path.read_text(encoding="utf-8")) == defaults()

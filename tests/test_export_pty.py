"""quiz --export in a real pseudo-terminal: the questions are asked, then the report is written; a bad export
path stops before the first question."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect

QUESTIONS = 11


def _spawn(*args: str) -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "LINES": "40", "NO_COLOR": "1",
           "PROMPT_TOOLKIT_NO_CPR": "1"}  # a pseudo-terminal never answers cursor-position requests
    return pexpect.spawn(sys.executable, ["-m", "pathfinder", *args], env=env, encoding="utf-8", timeout=30,
                         dimensions=(40, 100))


def test_interactive_quiz_then_export(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    child = _spawn("quiz", "--export", str(report))
    for number in range(1, QUESTIONS + 1):
        child.expect(f"\\({number} of {QUESTIONS}\\)")
        child.send("\r")  # every default
    child.expect("Review your answers")
    child.send("\r")
    child.expect("wrote the report to")
    child.expect("What next?")
    child.send("\r")  # Done
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Your pathfinder recommendation") and "## Money and time over 10 years" in text


def test_bad_export_path_stops_before_the_first_question(tmp_path: Path) -> None:
    child = _spawn("quiz", "--export", str(tmp_path / "nowhere" / "report.html"))
    index = child.expect(["does not exist", "of 11"])
    assert index == 0
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2

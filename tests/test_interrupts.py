"""Ctrl-C and SIGTERM at every step of the quiz, in a real pseudo-terminal.

The quiz runs under a shell that prints its exit status and the terminal's echo setting
afterwards, so each test sees what a person's terminal is left in. Keys are sent only once the
screen shows the prompt they answer (the prompt is drawn after the terminal is switched to reading
keys), never after a fixed sleep; a signal goes to the quiz's own process id, which the shell prints
before it becomes the quiz.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
from pathlib import Path

import pexpect
import pytest

from pathfinder.core.questions import QUESTIONS, defaults
from test_reliability import pathfinder_bin

CURSOR_HIDE = "\x1b[?25l"
CURSOR_SHOW = "\x1b[?25h"


def spawn_quiz(extra: str = "") -> pexpect.spawn:
    # The subshell prints its own pid, then becomes the quiz (exec keeps the pid).
    command = (
        f"( echo \"PID=$BASHPID\"; exec {shlex.quote(pathfinder_bin())} quiz {extra} ); echo \"RC=$?\"; "
        "stty -a | grep -o -- '-\\?echo ' | head -1; echo END"
    )
    # Nothing in the pty answers cursor-position requests; a real terminal does.
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40", "PROMPT_TOOLKIT_NO_CPR": "1"}
    env.pop("NO_COLOR", None)
    return pexpect.spawn("bash", ["-c", command], env=env, dimensions=(40, 100), timeout=30, encoding="utf-8")


def finish(child: pexpect.spawn) -> tuple[int, str, str]:
    """Exit status of the quiz, the echo setting afterwards, and everything shown."""
    seen = ""
    child.expect(r"RC=(\d+)")
    seen += str(child.before)
    status = int(child.match.group(1))
    child.expect("END")
    echo = str(child.before).strip()
    child.expect(pexpect.EOF)
    return status, echo, seen


def _cursor_left_visible(screen: str) -> bool:
    hidden = screen.rfind(CURSOR_HIDE)
    return hidden == -1 or screen.rfind(CURSOR_SHOW) > hidden


@pytest.mark.parametrize("position", range(1, len(QUESTIONS) + 1))
def test_ctrl_c_at_each_question(position: int) -> None:
    child = spawn_quiz()
    for step in range(1, position):
        child.expect(rf"\({step} of {len(QUESTIONS)}\)")
        child.send("\r")  # take the default
    child.expect(rf"\({position} of {len(QUESTIONS)}\)")
    child.send("\x03")
    status, echo, screen = finish(child)
    assert status == 130
    assert echo == "echo"  # not "-echo": the terminal echoes again
    assert "Traceback" not in screen
    assert _cursor_left_visible(screen)


def test_ctrl_c_at_the_review_screen(tmp_path: Path) -> None:
    saved = tmp_path / "answers.json"
    saved.write_text('{"keep": true}\n')
    child = spawn_quiz(f"--save-answers {shlex.quote(str(saved))}")
    for step in range(1, len(QUESTIONS) + 1):
        child.expect(rf"\({step} of {len(QUESTIONS)}\)")
        child.send("\r")
    child.expect("Review your answers")
    child.send("\x03")
    status, echo, screen = finish(child)
    assert status == 130
    assert echo == "echo"
    assert "Traceback" not in screen
    assert _cursor_left_visible(screen)
    # Each answer was saved as it was given, in one step: the file holds them all, and no temporary file is left.
    assert json.loads(saved.read_text()) == defaults()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.json"]


def test_sigterm_ends_cleanly() -> None:
    child = spawn_quiz()
    child.expect(r"PID=(\d+)")
    quiz = int(child.match.group(1))
    child.expect(r"\(1 of ")
    os.kill(quiz, signal.SIGTERM)
    status, echo, screen = finish(child)
    assert status == 143
    assert echo == "echo"
    assert "Traceback" not in screen
    assert re.search("terminated", screen)
    assert _cursor_left_visible(screen)


def test_terminal_resized_mid_quiz() -> None:
    child = spawn_quiz("--set budget_usd=4000")
    child.expect(r"\(1 of ")
    child.setwinsize(20, 45)
    child.send("\r")
    child.expect(r"\(3 of ")
    child.setwinsize(50, 140)
    child.send("\r")
    for position in range(4, len(QUESTIONS) + 1):
        child.expect(rf"\({position} of ")
        child.send("\r")
    child.expect("Review your answers")
    child.send("\r")
    child.expect("What next?")
    shown = str(child.before)
    child.send("\r")  # Done
    status, echo, screen = finish(child)
    assert status == 0
    assert "Your recommendation" in shown

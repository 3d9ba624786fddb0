"""Ctrl-C and SIGTERM at every step of the quiz, in a real pseudo-terminal.

The quiz runs under a shell that prints its exit status and the terminal's echo setting
afterwards, so each test sees what a person's terminal is left in.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import time
from pathlib import Path

import pexpect
import pytest

from pathfinder.questions import QUESTIONS
from test_reliability import pathfinder_bin

CURSOR_HIDE = "\x1b[?25l"
CURSOR_SHOW = "\x1b[?25h"


def spawn_quiz(extra: str = "") -> pexpect.spawn:
    command = (
        f"{shlex.quote(pathfinder_bin())} quiz {extra}; echo \"RC=$?\"; "
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
        time.sleep(0.15)
        child.send("\r")  # take the default
    child.expect(rf"\({position} of {len(QUESTIONS)}\)")
    time.sleep(0.15)
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
        time.sleep(0.15)
        child.send("\r")
    child.expect("Review your answers")
    time.sleep(0.15)
    child.send("\x03")
    status, echo, screen = finish(child)
    assert status == 130
    assert echo == "echo"
    assert "Traceback" not in screen
    assert _cursor_left_visible(screen)
    assert saved.read_text() == '{"keep": true}\n'  # nothing half-written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.json"]


def _quiz_pid() -> int:
    for _ in range(50):
        found = subprocess.run(["pgrep", "-f", f"{pathfinder_bin()} quiz"], capture_output=True, text=True).stdout
        for pid in found.split():
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            if not cmdline[0].endswith(b"bash"):
                return int(pid)
        time.sleep(0.1)
    raise AssertionError("quiz process not found")


def test_sigterm_ends_cleanly() -> None:
    child = spawn_quiz()
    child.expect(r"\(1 of ")
    time.sleep(0.2)
    os.kill(_quiz_pid(), signal.SIGTERM)
    status, echo, screen = finish(child)
    assert status == 143
    assert echo == "echo"
    assert "Traceback" not in screen
    assert re.search("terminated", screen)
    assert _cursor_left_visible(screen)


def test_terminal_resized_mid_quiz() -> None:
    child = spawn_quiz("--set budget_usd=4000")
    child.expect(r"\(1 of ")
    time.sleep(0.15)
    child.setwinsize(20, 45)
    child.send("\r")
    child.expect(r"\(3 of ")
    time.sleep(0.15)
    child.setwinsize(50, 140)
    for _ in range(8):
        time.sleep(0.2)
        child.send("\r")
    child.expect("Review your answers")
    time.sleep(0.15)
    child.send("\r")
    status, echo, screen = finish(child)
    assert status == 0
    assert "Your recommendation" in screen

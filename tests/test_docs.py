"""The README's examples run.

Every line in a fenced code block of README.md that starts with ``$ pathfinder`` is an example. They are run
in order, with bash (``set -o pipefail``, so a failing ``pathfinder`` in a pipe fails the example), in one
temporary folder holding a copy of ``data/`` (so ``--data data/programs.json`` works and files an example
writes, such as ``--save-answers my-answers.json``, are there for the next example but never land in the
repository). The installed ``pathfinder`` (next to the running Python) comes first on PATH.

Rules an example line can rely on:

- It must exit 0, print something on stdout (or into the file it redirects to) and never a traceback.
- A line ending in a comment ``# exits N`` must exit with code N instead (for examples of errors).
- ``pathfinder quiz`` with neither ``--defaults`` nor ``--answers`` is interactive: it runs in a
  pseudo-terminal, must show the first question ``(1 of 11)``, and is then stopped with Ctrl-C (exit 130).
- Examples may pipe into ``jq``; jq must be installed (CI installs it), and the test fails, saying so, if not.
- Lines after an example, up to the next ``$`` line or the end of the block, are its output as a terminal
  would show it (standard output, or the file it redirects to, then standard error): the test compares them
  line for line, trailing spaces aside. A line ``...`` stands for any number of lines, so ``...`` alone says
  "prints something" without quoting it. An example followed by no lines shows no output and is only run.

The test fails if the README has no examples at all: a docs test with nothing to run proves nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pexpect
import pytest

from helpers import ROOT, find_pathfinder

README = ROOT / "README.md"
EXIT_MARKER = re.compile(r"#\s*exits\s+(\d+)\s*$")
TIMEOUT = 60


def readme_examples(text: str) -> list[str]:
    """Every ``$ pathfinder ...`` line inside a fenced code block, without the ``$ ``."""
    return [command for command, _ in readme_blocks(text)]


def readme_blocks(text: str) -> list[tuple[str, list[str]]]:
    """Every example with the output lines shown under it (an empty list when none are)."""
    examples: list[tuple[str, list[str]]] = []
    fence: str | None = None
    shown: list[str] | None = None  # the output lines of the example being read, if any
    for line in text.splitlines():
        stripped = line.strip()
        marker = re.match(r"^(`{3,}|~{3,})", stripped)
        if marker:
            if fence is None:
                fence = marker.group(1)
            elif stripped.startswith(fence) and stripped.strip("`~") == "":
                fence = None
                shown = None
            continue
        if fence is None:
            continue
        if stripped.startswith("$ "):
            shown = None
            if stripped.startswith("$ pathfinder"):
                examples.append((stripped[2:], []))
                shown = examples[-1][1]
        elif shown is not None:
            shown.append(line.rstrip())
    return examples


def output_matches(expected: list[str], actual: list[str]) -> bool:
    """Line for line, where a line ``...`` in ``expected`` stands for any number of lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(output_matches(expected[1:], actual[start:]) for start in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and output_matches(expected[1:], actual[1:])


def expected_exit(command: str) -> int:
    found = EXIT_MARKER.search(command)
    return int(found.group(1)) if found else 0


def is_interactive(command: str) -> bool:
    words = command.split("#", 1)[0].split()
    return "quiz" in words and "--defaults" not in words and "--answers" not in words and "|" not in words


@dataclass
class Ran:
    command: str
    status: int | None
    stdout: str
    stderr: str


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(find_pathfinder()).parent), env.get("PATH", "")])
    env.update(COLUMNS="80", NO_COLOR="1", TERM="dumb")
    return env


def _run_interactive(command: str, cwd: Path) -> Ran:
    env = {**_env(), "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn("bash", ["-c", command], cwd=str(cwd), env=env, dimensions=(40, 100), encoding="utf-8",
                          codec_errors="replace", timeout=TIMEOUT)
    seen = child.expect_exact(["(1 of 11)", pexpect.EOF])
    if seen == 0:
        child.send("\x03")
    out = child.read() if seen == 0 else ""
    child.close()
    shown = (child.before or "") + out
    return Ran(command, child.exitstatus if seen == 0 else -1, shown, "")


REDIRECT = re.compile(r">\s*(\S+)\s*(#.*)?$")


def _run(command: str, cwd: Path) -> Ran:
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=cwd, env=_env(), capture_output=True,
                          text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    stdout = done.stdout
    target = REDIRECT.search(command)
    if target and (cwd / target.group(1)).is_file():
        stdout = (cwd / target.group(1)).read_text(encoding="utf-8", errors="replace")  # what went to the file
    return Ran(command, done.returncode, stdout, done.stderr)


BLOCKS = readme_blocks(README.read_text(encoding="utf-8")) if README.exists() else []
EXAMPLES = [command for command, _ in BLOCKS]


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Ran]:
    """Run every example once, in README order, in one shared folder."""
    work = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "data", work / "data")
    (work / "docs").mkdir()
    for example in (ROOT / "docs").glob("example-class*"):  # the example class files the README scores
        shutil.copy(example, work / "docs" / example.name)
    results: dict[int, Ran] = {}
    for index, command in enumerate(EXAMPLES):
        results[index] = _run_interactive(command, work) if is_interactive(command) else _run(command, work)
    return results


def test_the_readme_has_examples() -> None:
    assert README.exists(), "README.md is missing"
    assert len(EXAMPLES) >= 3, "README.md should show `$ pathfinder ...` examples in ```console blocks"
    assert any(e.startswith("pathfinder compare") for e in EXAMPLES)
    assert any(e.startswith("pathfinder quiz") for e in EXAMPLES)


def test_jq_is_installed_when_the_readme_uses_it() -> None:
    if any("jq" in re.split(r"[\s|]+", e) for e in EXAMPLES):
        assert shutil.which("jq"), "README examples pipe into jq: install jq (apt-get install jq) to run them"


@pytest.mark.parametrize("index", range(len(EXAMPLES)), ids=[e[:60] for e in EXAMPLES])
def test_readme_example_runs(ran: dict[int, Ran], index: int) -> None:
    result = ran[index]
    command = result.command
    if is_interactive(command):
        assert result.status == 130, f"{command!r} did not show its first question:\n{result.stdout}"
        assert "Traceback" not in result.stdout
        return
    wanted = expected_exit(command)
    assert result.status == wanted, f"{command!r} exited {result.status}, not {wanted}:\n{result.stderr}"
    assert "Traceback" not in result.stderr + result.stdout
    if wanted == 0:
        assert result.stdout.strip() or BLOCKS[index][1], f"{command!r} printed nothing"
    else:
        assert result.stderr.strip(), f"{command!r} failed without a message"
    expected = BLOCKS[index][1]
    if expected:
        actual = [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]
        while actual and not actual[-1]:
            actual.pop()
        assert output_matches(expected, actual), (
            f"{command!r} does not print what the README shows.\nREADME:\n" + "\n".join(expected)
            + "\nprinted:\n" + "\n".join(actual))


# --- the rules above, checked on their own -------------------------------------------------------


def test_example_extraction() -> None:
    text = "\n".join([
        "$ pathfinder outside a block",
        "```console",
        "$ pathfinder compare",
        "  $ pathfinder quiz --defaults --json | jq .recommendation",
        "pathfinder not an example",
        "```",
        "~~~",
        "$ pathfinder schema bogus  # exits 2",
        "~~~",
    ])
    assert readme_examples(text) == [
        "pathfinder compare",
        "pathfinder quiz --defaults --json | jq .recommendation",
        "pathfinder schema bogus  # exits 2",
    ]


def test_output_under_an_example_is_read_and_matched() -> None:
    text = "\n".join(["```console", "$ pathfinder a", "one", "two  ", "$ pathfinder b", "$ echo c", "c",
                      "$ pathfinder d", "...", "```", "after"])
    assert readme_blocks(text) == [("pathfinder a", ["one", "two"]), ("pathfinder b", []), ("pathfinder d", ["..."])]
    assert output_matches(["one", "two"], ["one", "two"])
    assert not output_matches(["one", "two"], ["one", "two", "three"])
    assert not output_matches(["one"], ["One"])
    assert output_matches(["one", "...", "four"], ["one", "two", "three", "four"])
    assert output_matches(["one", "...", "two"], ["one", "two"])
    assert output_matches(["..."], [])
    assert not output_matches(["...", "x"], ["y"])


def test_exit_markers_and_interactive_examples() -> None:
    assert expected_exit("pathfinder schema bogus  # exits 2") == 2
    assert expected_exit("pathfinder compare") == 0
    assert is_interactive("pathfinder quiz")
    assert is_interactive("pathfinder quiz --save-answers a.json")
    assert not is_interactive("pathfinder quiz --defaults --json")
    assert not is_interactive("pathfinder quiz --answers my-answers.json")
    assert not is_interactive("pathfinder compare")


def test_a_failing_command_in_a_pipe_fails_the_example(tmp_path: Path) -> None:
    result = _run("pathfinder schema bogus | cat", tmp_path)
    assert result.status == 2


def test_the_examples_use_the_pathfinder_next_to_this_python(tmp_path: Path) -> None:
    result = _run("command -v pathfinder", tmp_path)
    assert Path(result.stdout.strip()).parent == Path(find_pathfinder()).parent, sys.executable

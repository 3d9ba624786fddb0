"""The installed command in a real pseudo-terminal (pexpect), as a person would use it."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pexpect
import pytest

from helpers import find_pathfinder, strip_ansi
from pathfinder.core.advice import advise as score
from pathfinder.core.catalog import load_catalog
from pathfinder.core.questions import defaults

DOWN = "\x1b[B"
LEFT = "\x1b[D"
ENTER = "\r"
CTRL_B = "\x02"
BACKSPACE = "\x7f"
CTRL_C = "\x03"
TIMEOUT = 30


def _env(**extra: str | None) -> dict[str, str]:
    # pexpect is not a terminal emulator: it never answers prompt_toolkit's cursor-position request, which
    # would then wait about a second per prompt. PROMPT_TOOLKIT_NO_CPR tells prompt_toolkit not to ask.
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="100", LINES="40", PROMPT_TOOLKIT_NO_CPR="1")
    env.pop("NO_COLOR", None)
    for key, value in extra.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def spawn(*args: str, cwd: Path, **env: str | None) -> pexpect.spawn:
    child = pexpect.spawn(find_pathfinder(), list(args), env=_env(**env), cwd=str(cwd), dimensions=(40, 100),
                          encoding="utf-8", codec_errors="replace", timeout=TIMEOUT)
    return child


def finish(child: pexpect.spawn) -> str:
    """Read to the end, wait for the exit and return everything printed."""
    rest: str = child.read()
    child.close()
    return rest


def review_and_finish(child: pexpect.spawn) -> str:
    """Enter on the review screen, then Done on the menu after the result; the run must end well."""
    child.expect_exact("Review your answers")
    child.send(ENTER)
    child.expect_exact("Your recommendation")
    child.expect_exact("What next?")
    child.send(ENTER)
    out = finish(child)
    assert child.exitstatus == 0, out
    return out


def answer_example_1(child: pexpect.spawn) -> None:
    """goal billing (5 down), budget 4000, timeline 12, hands_on (2 down), the rest at their defaults."""
    child.expect_exact("(1 of 11)")
    child.send(DOWN * 5 + ENTER)
    child.expect_exact("(2 of 11)")
    child.send("4000" + ENTER)
    child.expect_exact("(3 of 11)")
    child.expect_exact("48 months")  # the default, as a hint in the empty field
    child.send("12" + ENTER)
    child.expect_exact("(4 of 11)")
    child.send(DOWN * 2 + ENTER)
    for position in range(5, 12):
        child.expect_exact(f"({position} of 11)")
        child.send(ENTER)


def test_the_whole_quiz_in_a_terminal(tmp_path: Path) -> None:
    child = spawn("quiz", cwd=tmp_path)
    answer_example_1(child)
    child.expect_exact("Review your answers")
    child.expect(r"Budget: \$4,000")
    child.expect(r"Timeline: 12 months")
    child.send(ENTER)
    child.expect_exact("Your recommendation")
    child.expect_exact("Medical Billing and Coding")
    child.expect_exact("What next?")
    before = strip_ansi(child.before)
    child.send(ENTER)  # Done
    out = finish(child)
    assert child.exitstatus == 0, out
    assert "Traceback" not in out
    assert "Next step" in before
    assert "--details" not in before  # the menu offers it: no line says to run the quiz again


def test_going_back_with_ctrl_b_and_the_left_arrow(tmp_path: Path) -> None:
    child = spawn("quiz", "--json", cwd=tmp_path)
    child.expect_exact("(1 of 11)")
    child.send(DOWN * 5 + ENTER)  # billing
    child.expect_exact("(2 of 11)")
    child.expect_exact("Ctrl-B goes back")
    child.send("$4.5k" + ENTER)
    child.expect_exact("(3 of 11)")
    child.send(CTRL_B)  # back to the budget, which shows its answer as the hint
    child.expect_exact("(2 of 11)")
    child.expect_exact("$4,500")
    child.send(ENTER)  # Enter keeps it
    child.expect_exact("(3 of 11)")
    child.send("1 year" + ENTER)
    child.expect_exact("(4 of 11)")
    child.expect_exact("Left arrow or Ctrl-B goes back")
    child.send(LEFT)  # back to the timeline
    child.expect_exact("(3 of 11)")
    child.expect_exact("12 months")
    child.send("18" + ENTER)
    child.expect_exact("(4 of 11)")
    child.send(DOWN * 2 + ENTER)  # hands_on
    for position in range(5, 12):
        child.expect_exact(f"({position} of 11)")
        child.send(ENTER)
    child.expect_exact("Review your answers")
    child.expect(r"Budget: \$4,500")
    child.expect(r"Timeline: 18 months")
    child.send(ENTER)
    out = finish(child)
    assert child.exitstatus == 0, out
    result = json.loads(out[out.index('{\r\n  "schema_version"'):].replace("\r\n", "\n"))
    assert {key: result["answers"][key] for key in ("goal", "budget_usd", "timeline_months", "learning_style")} == {
        "goal": "billing", "budget_usd": 4500, "timeline_months": 18, "learning_style": "hands_on"}


def test_only_missing_questions_are_asked_and_a_bad_value_is_asked_again(tmp_path: Path) -> None:
    given = {**defaults(), "goal": "billing", "timeline_months": 12, "learning_style": "hands_on"}
    del given["budget_usd"]
    answers = tmp_path / "partial.json"
    answers.write_text(json.dumps(given), encoding="utf-8")
    child = spawn("quiz", "--answers", str(answers), cwd=tmp_path)
    # Only the budget is missing, so the first prompt is question 2 of 11.
    index = child.expect_exact(["(1 of 11)", "(2 of 11)"])
    assert index == 1, "a question that was already answered was asked"
    child.send("lots" + ENTER)
    child.expect_exact("Enter a number from 0 to 1,000,000")
    child.send(BACKSPACE * 4 + "$4,000" + ENTER)
    child.expect_exact("Review your answers")
    child.expect(r"Budget: \$4,000")
    # Change it again from the review screen (the budget is the second answer listed).
    child.send(DOWN * 2 + ENTER)
    child.expect_exact("(2 of 11)")
    child.send(BACKSPACE * 4 + "3500" + ENTER)
    child.expect_exact("Review your answers")
    child.expect(r"Budget: \$3,500")
    child.send(ENTER)
    child.expect_exact("Your recommendation")
    child.expect_exact("Medical Billing and Coding")
    child.expect_exact("What next?")
    child.send(ENTER)
    out = finish(child)
    assert child.exitstatus == 0, out


def test_save_answers_from_a_terminal_session_replays(tmp_path: Path) -> None:
    saved = tmp_path / "answers.json"
    child = spawn("quiz", "--save-answers", str(saved), cwd=tmp_path)
    answer_example_1(child)
    review_and_finish(child)
    expected = {**defaults(), "goal": "billing", "budget_usd": 4000, "timeline_months": 12,
                "learning_style": "hands_on"}
    assert json.loads(saved.read_text(encoding="utf-8")) == expected
    # Replaying the file scores the same answers.
    replay = subprocess.run([find_pathfinder(), "quiz", "--answers", str(saved), "--json"], env=_env(),
                            cwd=tmp_path, capture_output=True, text=True, timeout=TIMEOUT)
    assert replay.returncode == 0, replay.stderr
    result = json.loads(replay.stdout)
    assert result["answers"] == expected
    assert result["recommendation"] == score(expected, load_catalog()).model_dump(mode="json")["recommendation"]


@pytest.mark.parametrize("where", [1, 2, "review"])
def test_ctrl_c_exits_130_without_a_traceback_keeping_the_answers_given(tmp_path: Path, where: int | str) -> None:
    saved = tmp_path / "answers.json"
    child = spawn("quiz", "--save-answers", str(saved), cwd=tmp_path)
    child.expect_exact("(1 of 11)")
    if where == 2:
        child.send(ENTER)
        child.expect_exact("(2 of 11)")
    elif where == "review":
        child.send(ENTER * 11)
        child.expect_exact("Review your answers")
    child.send(CTRL_C)
    out = finish(child)
    assert child.exitstatus == 130, out
    assert child.signalstatus is None
    assert "Traceback" not in out
    assert "Your recommendation" not in out
    if where == 1:  # nothing answered yet: no file
        assert not saved.exists()
    else:  # the answers given, each saved as it was given
        given = json.loads(saved.read_text(encoding="utf-8"))
        assert given == (defaults() if where == "review" else {"goal": None})
        assert f"pathfinder quiz --answers {saved}" in strip_ansi(out)


def test_missing_answers_with_stdin_not_a_terminal_is_an_error_not_a_prompt(tmp_path: Path) -> None:
    text, status = pexpect.run(f"/bin/sh -c '{find_pathfinder()} quiz < /dev/null'", env=_env(), cwd=str(tmp_path),
                               timeout=TIMEOUT, withexitstatus=True, encoding="utf-8")
    assert status == 2, text
    assert "--answers" in text and "--defaults" in text
    assert "(1 of 11)" not in text


# --- colour in a real terminal ---------------------------------------------------------------


def test_colour_is_used_in_a_real_terminal(tmp_path: Path) -> None:
    """The control for the tests below: with nothing said, Rich does style the output."""
    out = finish(child := spawn("compare", cwd=tmp_path))
    assert child.exitstatus == 0
    assert "\x1b[" in out


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--no-color", "compare"], {}),
        (["compare"], {"NO_COLOR": "1"}),
        (["--no-color", "quiz", "--defaults"], {}),
        (["quiz", "--defaults"], {"NO_COLOR": "1"}),
    ],
    ids=["flag-compare", "env-compare", "flag-quiz", "env-quiz"],
)
def test_no_color_means_no_escape_codes_in_a_real_terminal(tmp_path: Path, args: list[str],
                                                           env: dict[str, str]) -> None:
    child = spawn(*args, cwd=tmp_path, **env)
    out = finish(child)
    assert child.exitstatus == 0, out
    assert "\x1b[" not in out, repr(out[:300])


# --- see more without a retake ----------------------------------------------------------------------------


def test_a_quiz_stopped_half_way_picks_up_at_the_first_unanswered_question(tmp_path: Path) -> None:
    saved = tmp_path / "progress.json"
    child = spawn("quiz", "--save-answers", str(saved), cwd=tmp_path)
    child.expect_exact("saved in")  # said before the first question: no file appears unannounced
    child.expect_exact("(1 of 11)")
    child.send(DOWN * 5 + ENTER)  # billing
    child.expect_exact("(2 of 11)")
    child.send("4000" + ENTER)
    child.expect_exact("(3 of 11)")
    child.send("12" + ENTER)
    child.expect_exact("(4 of 11)")
    child.send(DOWN * 2 + ENTER)  # hands_on
    child.expect_exact("(5 of 11)")
    child.send(DOWN + ENTER)  # the second interest
    child.expect_exact("(6 of 11)")
    child.send(CTRL_C)
    out = finish(child)
    assert child.exitstatus == 130, out
    given = json.loads(saved.read_text(encoding="utf-8"))
    assert list(given) == ["goal", "budget_usd", "timeline_months", "learning_style", "interest"]
    assert given["goal"] == "billing" and given["budget_usd"] == 4000 and given["timeline_months"] == 12

    child = spawn("quiz", "--answers", str(saved), cwd=tmp_path)
    first = child.expect_exact(["(1 of 11)", "(5 of 11)", "(6 of 11)", "(7 of 11)"])
    assert first == 2, "the quiz did not resume at the first unanswered question, the sixth"
    for position in range(6, 12):
        if position > 6:
            child.expect_exact(f"({position} of 11)")
        child.send(ENTER)
    review_and_finish(child)
    # The file now holds all eleven answers: the five from before and the six given now.
    assert json.loads(saved.read_text(encoding="utf-8")) == {**defaults(), **given}


def test_the_menu_after_the_result_shows_and_saves_without_a_retake(tmp_path: Path) -> None:
    child = spawn("quiz", "--set", "budget_usd=4000", cwd=tmp_path)
    for position in [1, *range(3, 12)]:
        child.expect_exact(f"({position} of 11)")
        child.send(ENTER)
    child.expect_exact("Review your answers")
    child.send(ENTER)
    child.expect_exact("What next?")
    child.send(DOWN + ENTER)  # the whole report
    child.expect_exact("Assumptions")
    child.expect_exact("What next?")
    child.send(DOWN + ENTER)  # save the report (the whole report is no longer offered)
    child.expect_exact("Save the report as")
    child.send(DOWN + ENTER)  # Markdown
    child.expect_exact("Save the Markdown as")
    child.send("nowhere/r.md" + ENTER)
    child.expect_exact("cannot save nowhere/r.md: folder nowhere does not exist")  # in words; the prompt stays
    child.send(BACKSPACE * 12 + ENTER)  # Enter takes the default, in the current folder
    child.expect_exact("wrote the report to pathfinder-report.md")
    child.expect_exact("What next?")
    child.send(DOWN * 2 + ENTER)  # save the answers (after saving the report)
    child.expect_exact("Save your answers as")
    child.send(ENTER)
    child.expect_exact("pathfinder quiz --answers pathfinder-answers.json shows this result again")
    child.expect_exact("What next?")
    child.send("\x1b")  # Esc ends
    out = finish(child)
    assert child.exitstatus == 0, out
    assert (tmp_path / "pathfinder-report.md").read_text(encoding="utf-8").startswith("# Your pathfinder")
    assert json.loads((tmp_path / "pathfinder-answers.json").read_text(encoding="utf-8")) == {
        **defaults(), "budget_usd": 4000}

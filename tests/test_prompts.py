"""The prompts, driven through prompt_toolkit's pipe input (keys sent as text, output discarded)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from pathfinder import prompts
from pathfinder.answers import parse_typed
from pathfinder.errors import PathfinderError
from pathfinder.questions import QUESTIONS, QUESTIONS_BY_ID, defaults

DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
CTRL_C = "\x03"
BACKSPACE = "\x7f"


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe:
        yield pipe


def send(pipe: PipeInput, text: str) -> None:
    """Send every key, then close the pipe: a prompt wanting more keys fails with EOFError instead of hanging."""
    pipe.send_text(text)
    pipe.close()


def ask(pipe: PipeInput, question_id: str, current: Any, text: str, position: int = 1) -> Any:
    send(pipe, text)
    return prompts.ask_question(QUESTIONS_BY_ID[question_id], position, len(QUESTIONS), current,
                                input=pipe, output=DummyOutput())


# --- choice questions ----------------------------------------------------------------------


def test_enter_on_a_choice_keeps_the_current_answer(keys: PipeInput) -> None:
    assert ask(keys, "learning_style", "blended", ENTER) == "blended"


def test_arrows_then_enter_select_a_choice(keys: PipeInput) -> None:
    # goal: Not sure yet, management, informatics, compliance, coding, billing, fast_entry
    assert ask(keys, "goal", None, DOWN * 5 + ENTER) == "billing"


def test_arrows_move_from_the_current_answer(keys: PipeInput) -> None:
    # learning_style: blended, analytical, hands_on; starting on analytical, one down is hands_on.
    assert ask(keys, "learning_style", "analytical", DOWN + ENTER) == "hands_on"


def test_up_wraps_around_to_the_last_choice(keys: PipeInput) -> None:
    assert ask(keys, "goal", None, UP + ENTER) == "fast_entry"


def test_the_not_sure_choice_is_none(keys: PipeInput) -> None:
    # Starting on billing, going back to the first line ("Not sure yet") gives None, not a marker string.
    assert ask(keys, "goal", "billing", UP * 5 + ENTER) is None


# --- typed numbers -------------------------------------------------------------------------


def test_a_typed_budget(keys: PipeInput) -> None:
    assert ask(keys, "budget_usd", None, "4000" + ENTER, position=2) == 4000


def test_a_budget_with_dollar_sign_and_commas(keys: PipeInput) -> None:
    assert ask(keys, "budget_usd", None, "$45,000" + ENTER, position=2) == 45000


def test_an_invalid_budget_is_refused_and_asked_again(keys: PipeInput) -> None:
    # "abc" is refused (the prompt stays), it is erased, then a valid figure is accepted.
    assert ask(keys, "budget_usd", None, "abc" + ENTER + BACKSPACE * 3 + "4000" + ENTER, position=2) == 4000


def test_an_out_of_range_timeline_is_refused_and_asked_again(keys: PipeInput) -> None:
    # The prompt starts with the current answer (48); 0 is below the minimum of 1.
    typed = BACKSPACE * 2 + "0" + ENTER + BACKSPACE + "121" + ENTER + BACKSPACE * 3 + "12" + ENTER
    assert ask(keys, "timeline_months", 48, typed, position=3) == 12


def test_a_fractional_timeline_is_refused(keys: PipeInput) -> None:
    typed = BACKSPACE * 2 + "1.5" + ENTER + BACKSPACE * 3 + "18" + ENTER
    assert ask(keys, "timeline_months", 48, typed, position=3) == 18


def test_enter_keeps_the_shown_timeline(keys: PipeInput) -> None:
    assert ask(keys, "timeline_months", 48, ENTER, position=3) == 48


def test_a_blank_budget_is_none(keys: PipeInput) -> None:
    assert ask(keys, "budget_usd", None, ENTER, position=2) is None


def test_erasing_a_budget_makes_it_none(keys: PipeInput) -> None:
    assert ask(keys, "budget_usd", 4000, BACKSPACE * 4 + ENTER, position=2) is None


def test_not_sure_typed_is_none(keys: PipeInput) -> None:
    assert ask(keys, "budget_usd", None, "not sure" + ENTER, position=2) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("4000", 4000), ("$4,000", 4000), ("  12_500 ", 12500), ("", None), ("?", None), ("4000.5", 4000.5)],
)
def test_parse_typed_budget(text: str, expected: Any) -> None:
    assert parse_typed(QUESTIONS_BY_ID["budget_usd"], text) == expected


@pytest.mark.parametrize("text", ["abc", "-1", "1000001", "nan", "inf"])
def test_parse_typed_refuses_with_what_is_allowed(text: str) -> None:
    with pytest.raises(PathfinderError) as caught:
        parse_typed(QUESTIONS_BY_ID["budget_usd"], text)
    assert caught.value.message.startswith("Enter a number from 0 to 1,000,000")


# --- what the person sees ------------------------------------------------------------------


def test_the_prompt_shows_progress_and_help() -> None:
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=40, columns=100), term="xterm")
    with create_pipe_input() as pipe:
        send(pipe, ENTER)
        prompts.ask_question(QUESTIONS_BY_ID["timeline_months"], 3, 10, 48, input=pipe, output=output)
    text = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", screen.getvalue())
    assert "(3 of 10) Months until you want to be working?" in text
    assert "48 (four years) leaves room for every pathway." in " ".join(text.split())


# --- the review screen and ask_missing -------------------------------------------------------


def test_review_enter_goes_on_unchanged(keys: PipeInput) -> None:
    answers = {**defaults(), "budget_usd": 4000}
    send(keys, ENTER)
    assert prompts.review(dict(answers), input=keys, output=DummyOutput()) == answers


def test_review_choosing_an_answer_re_asks_it_then_returns(keys: PipeInput) -> None:
    answers = {**defaults(), "budget_usd": 4000}
    # Review lines: "Looks right", then one per question in order; budget_usd is the second question.
    send(keys, DOWN * 2 + ENTER + BACKSPACE * 4 + "9000" + ENTER + ENTER)
    changed = prompts.review(dict(answers), input=keys, output=DummyOutput())
    assert changed == {**answers, "budget_usd": 9000}


def test_review_can_change_a_choice_answer_twice(keys: PipeInput) -> None:
    answers = defaults()
    # Change goal to management, then again to billing, then go on.
    send(keys, DOWN + ENTER + DOWN + ENTER + DOWN + ENTER + DOWN * 4 + ENTER + ENTER)
    changed = prompts.review(dict(answers), input=keys, output=DummyOutput())
    assert changed == {**answers, "goal": "billing"}


def test_ask_missing_asks_only_what_is_missing_then_reviews(keys: PipeInput) -> None:
    given = {k: v for k, v in defaults().items() if k not in {"goal", "budget_usd"}}
    send(keys, DOWN + ENTER + "7000" + ENTER + ENTER)
    result = prompts.ask_missing(dict(given), input=keys, output=DummyOutput())
    assert result == {**given, "goal": "management", "budget_usd": 7000}


def test_ask_missing_with_nothing_missing_shows_only_the_review(keys: PipeInput) -> None:
    send(keys, ENTER)
    assert prompts.ask_missing(defaults(), input=keys, output=DummyOutput()) == defaults()


def test_ask_missing_the_whole_questionnaire(keys: PipeInput) -> None:
    # goal billing, budget 4000, timeline 12, learning style hands_on, everything else Enter, then review Enter.
    send(keys, DOWN * 5 + ENTER + "4000" + ENTER + BACKSPACE * 2 + "12" + ENTER + DOWN * 2 + ENTER
                   + ENTER * 6 + ENTER)
    result = prompts.ask_missing({}, input=keys, output=DummyOutput())
    assert result == {**defaults(), "goal": "billing", "budget_usd": 4000, "timeline_months": 12,
                      "learning_style": "hands_on"}


# --- Ctrl-C ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("question_id", "current"), [("goal", None), ("budget_usd", None), ("timeline_months", 48)])
def test_ctrl_c_at_a_question_raises_keyboard_interrupt(keys: PipeInput, question_id: str, current: Any) -> None:
    with pytest.raises(KeyboardInterrupt):
        ask(keys, question_id, current, CTRL_C)


def test_ctrl_c_at_the_review_raises_keyboard_interrupt(keys: PipeInput) -> None:
    send(keys, DOWN + CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        prompts.review(defaults(), input=keys, output=DummyOutput())


def test_ctrl_c_part_way_through_ask_missing_raises(keys: PipeInput) -> None:
    answers: dict[str, Any] = {}
    send(keys, DOWN + ENTER + CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        prompts.ask_missing(answers, input=keys, output=DummyOutput())

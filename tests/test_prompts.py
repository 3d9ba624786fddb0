"""The prompts, driven through prompt_toolkit's pipe input (keys sent as text, output discarded)."""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from pathfinder.cli import prompts
from pathfinder.core.answers import accepted, parse_typed
from pathfinder.core.questions import QUESTIONS, QUESTIONS_BY_ID, defaults
from pathfinder.errors import PathfinderError

DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
LEFT = "\x1b[D"
CTRL_B = "\x02"
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


def ask(pipe: PipeInput, question_id: str, current: Any, text: str, position: int = 1, back: bool = False) -> Any:
    send(pipe, text)
    return prompts.ask_question(QUESTIONS_BY_ID[question_id], position, len(QUESTIONS), current, back=back,
                                input=pipe, output=DummyOutput())


def screen_of(question_id: str, current: Any, text: str, back: bool = False) -> tuple[Any, str]:
    """Ask one question on a 100-column terminal; the answer and the text drawn, escape codes removed."""
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=40, columns=100), term="xterm")
    with create_pipe_input() as pipe:
        send(pipe, text)
        answer = prompts.ask_question(QUESTIONS_BY_ID[question_id], 3, 10, current, back=back, input=pipe,
                                      output=output)
    return answer, re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", screen.getvalue())


class ExpectingScreen(io.StringIO):
    """A screen that types more keys once some text has been drawn on it, as pexpect's expect does.

    If the text never shows, the pipe is closed after a while, so the prompt fails instead of hanging.
    """

    def __init__(self, pipe: PipeInput, wait_for: str, then: str) -> None:
        super().__init__()
        self.pipe, self.wait_for, self.then = pipe, wait_for, then
        self.seen = False
        self.timer = threading.Timer(20, pipe.close)
        self.timer.start()

    def text(self) -> str:
        return " ".join(re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", self.getvalue()).split())

    def write(self, data: str) -> int:
        written = super().write(data)
        if not self.seen and self.wait_for in self.text():
            self.seen = True
            self.timer.cancel()
            send(self.pipe, self.then)
        return written


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
    # 0 is below the minimum of 1 (the backspaces first, on an empty field, change nothing).
    typed = BACKSPACE * 2 + "0" + ENTER + BACKSPACE + "121" + ENTER + BACKSPACE * 3 + "12" + ENTER
    assert ask(keys, "timeline_months", 48, typed, position=3) == 12


def test_a_fractional_timeline_is_refused(keys: PipeInput) -> None:
    typed = BACKSPACE * 2 + "1.5" + ENTER + BACKSPACE * 3 + "18" + ENTER
    assert ask(keys, "timeline_months", 48, typed, position=3) == 18


def test_enter_keeps_the_shown_timeline(keys: PipeInput) -> None:
    assert ask(keys, "timeline_months", 48, ENTER, position=3) == 48


def test_a_blank_budget_is_none(keys: PipeInput) -> None:
    assert ask(keys, "budget_usd", None, ENTER, position=2) is None


def test_enter_keeps_the_current_budget(keys: PipeInput) -> None:
    # Re-asked from the review screen: the field is empty, the current answer is the hint.
    assert ask(keys, "budget_usd", 4000, ENTER, position=2) == 4000


def test_a_question_mark_over_a_current_budget_makes_it_none(keys: PipeInput) -> None:
    assert ask(keys, "budget_usd", 4000, "?" + ENTER, position=2) is None


def test_not_sure_typed_is_none(keys: PipeInput) -> None:
    assert ask(keys, "budget_usd", None, "not sure" + ENTER, position=2) is None


def test_a_number_field_starts_empty_so_typing_9_gives_9(keys: PipeInput) -> None:
    # The default (48) is a hint, not text in the field: typing 9 gives 9, not 489.
    assert ask(keys, "timeline_months", 48, "9" + ENTER, position=3) == 9


def test_enter_on_an_empty_field_takes_the_default(keys: PipeInput) -> None:
    assert ask(keys, "timeline_months", QUESTIONS_BY_ID["timeline_months"].default, ENTER, position=3) == 48


@pytest.mark.parametrize(
    ("question_id", "typed", "expected"),
    [("budget_usd", "5k", 5000), ("budget_usd", "$5,000", 5000), ("budget_usd", "4.5k", 4500),
     ("timeline_months", "12 months", 12), ("timeline_months", "2 years", 24), ("timeline_months", "not sure", 48)],
)
def test_numbers_are_read_as_people_type_them(keys: PipeInput, question_id: str, typed: str, expected: Any) -> None:
    assert ask(keys, question_id, QUESTIONS_BY_ID[question_id].default, typed + ENTER) == expected


def test_the_default_is_shown_as_a_hint_in_an_empty_field() -> None:
    with create_pipe_input() as pipe:
        screen = ExpectingScreen(pipe, "> 48 months", "9" + ENTER)  # the hint where the answer goes
        output = Vt100_Output(screen, lambda: Size(rows=40, columns=100), term="xterm")
        answer = prompts.ask_question(QUESTIONS_BY_ID["timeline_months"], 3, 10, 48, input=pipe, output=output)
    assert screen.seen, screen.text()
    assert answer == 9
    assert "Enter takes 48 months." in screen.text()
    assert "489" not in screen.text()


def test_a_refused_value_shows_the_plain_message_under_the_field() -> None:
    question = QUESTIONS_BY_ID["budget_usd"]
    message = accepted(question)
    assert message == "Enter a number from 0 to 1,000,000, like 5000, 5,000, $5,000 or 5k, or ? if you are not sure."
    with create_pipe_input() as pipe:
        screen = ExpectingScreen(pipe, message, BACKSPACE * 4 + "4000" + ENTER)
        output = Vt100_Output(screen, lambda: Size(rows=40, columns=120), term="xterm")
        pipe.send_text("lots" + ENTER)
        answer = prompts.ask_question(question, 2, 10, None, input=pipe, output=output)
    assert screen.seen, screen.text()
    assert answer == 4000
    assert "budget_usd" not in screen.text()  # the message a person reads names no id


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


# --- going back -------------------------------------------------------------------------------


@pytest.mark.parametrize(("question_id", "current", "key"),
                         [("budget_usd", None, CTRL_B), ("timeline_months", 12, CTRL_B), ("goal", "billing", CTRL_B),
                          ("learning_style", "blended", LEFT)])
def test_the_back_key_returns_back(keys: PipeInput, question_id: str, current: Any, key: str) -> None:
    assert ask(keys, question_id, current, key, back=True) is prompts.BACK


def test_without_a_question_before_the_keys_do_their_usual_work(keys: PipeInput) -> None:
    # Ctrl-B moves the cursor one to the left in a text field: "12", back one, "3" gives 132.
    assert ask(keys, "budget_usd", None, "12" + CTRL_B + "3" + ENTER) == 132


def test_left_in_a_list_without_a_question_before_does_nothing(keys: PipeInput) -> None:
    assert ask(keys, "learning_style", "analytical", LEFT + ENTER) == "analytical"


def test_the_help_line_names_the_back_key_only_when_there_is_somewhere_to_go() -> None:
    _, text = screen_of("timeline_months", 48, ENTER, back=True)
    assert "Ctrl-B goes back." in " ".join(text.split())
    _, text = screen_of("goal", None, ENTER, back=True)
    assert "Left arrow or Ctrl-B goes back." in " ".join(text.split())
    _, text = screen_of("timeline_months", 48, ENTER)
    assert "goes back" not in text


def test_back_returns_to_the_previous_question_with_its_answer(keys: PipeInput) -> None:
    # goal billing; at the budget, back to the goal (the pointer is on billing), one down: fast_entry;
    # budget 4000; at the timeline, back to the budget (4000 is the hint) and Enter keeps it; timeline 12;
    # at learning style, Left goes back to the timeline, Enter keeps 12; then every default and the review.
    send(keys, DOWN * 5 + ENTER + CTRL_B + DOWN + ENTER + "4000" + ENTER + CTRL_B + ENTER + "12" + ENTER
         + LEFT + ENTER + ENTER * 8 + ENTER)
    result = prompts.ask_missing({}, input=keys, output=DummyOutput())
    assert result == {**defaults(), "goal": "fast_entry", "budget_usd": 4000, "timeline_months": 12}


def test_back_skips_answers_given_beforehand(keys: PipeInput) -> None:
    # The budget came from a file or a flag, so back from the timeline goes to the goal.
    given = {k: v for k, v in defaults().items() if k not in {"goal", "timeline_months"}}
    given["budget_usd"] = 4000
    send(keys, DOWN + ENTER + CTRL_B + DOWN + ENTER + "12" + ENTER + ENTER)
    result = prompts.ask_missing(dict(given), input=keys, output=DummyOutput())
    assert result == {**given, "goal": "informatics", "timeline_months": 12}


def test_back_on_the_first_question_goes_nowhere(keys: PipeInput) -> None:
    send(keys, LEFT + CTRL_B + DOWN + ENTER + ENTER * 10 + ENTER)
    result = prompts.ask_missing({}, input=keys, output=DummyOutput())
    assert result == {**defaults(), "goal": "management"}


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
                   + ENTER * 7 + ENTER)
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

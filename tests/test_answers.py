"""pathfinder.core.answers: how written answers are read, refused, gathered, and how a CSV header is matched.

Expected values are worked out by hand from the spelling, not from the parser.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pathfinder.core.answers import (
    NOT_SURE,
    accepted,
    close_match,
    gather_answers,
    in_order,
    match_header,
    parse_typed,
    read_answers_file,
    read_number,
    read_set_value,
    read_sets,
    read_text,
)
from pathfinder.core.questions import QUESTIONS, QUESTIONS_BY_ID, defaults
from pathfinder.errors import PathfinderError

BUDGET = QUESTIONS_BY_ID["budget_usd"]
TIMELINE = QUESTIONS_BY_ID["timeline_months"]
GOAL = QUESTIONS_BY_ID["goal"]
STYLE = QUESTIONS_BY_ID["learning_style"]


# --- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5000", 5000), ("5,000", 5000), ("$5,000", 5000), ("$5k", 5000), ("5k", 5000), ("5K", 5000),
        ("4.5k", 4500), ("$4.5K", 4500), ("$45,000", 45000), ("  5000  ", 5000), ("$ 5,000", 5000),
        ("1,000,000", 1_000_000), ("12_500", 12500), ("4000.5", 4000.5), ("$5,000.50", 5000.5), ("0", 0),
        ("5000 USD", 5000), ("5000 dollars", 5000), (".5k", 500),
    ],
)
def test_budgets_as_people_write_them(text: str, expected: int | float) -> None:
    answer = read_text(BUDGET, text)
    assert answer == expected
    assert type(answer) is type(expected)  # whole amounts are ints, as in a JSON file


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12), ("12 months", 12), ("12 Months", 12), ("1 month", 1), ("12 mo", 12), ("12mo", 12),
        ("1 year", 12), ("2 years", 24), ("1.5 years", 18), ("10 yrs", 120), ("12.0", 12), (" 18 ", 18),
    ],
)
def test_timelines_as_people_write_them(text: str, expected: int) -> None:
    answer = read_text(TIMELINE, text)
    assert answer == expected
    assert type(answer) is int


@pytest.mark.parametrize(
    "text", ["lots", "5 000", "4,5", "5,00", "1e3", "nan", "inf", "5m", "$5kk", "five", "5k months", "12 weeks"]
)
def test_what_is_not_a_number_is_refused_saying_what_is_accepted(text: str) -> None:
    with pytest.raises(PathfinderError) as caught:
        read_text(BUDGET, text)
    message = caught.value.message
    assert message.startswith(f"budget_usd: {text.strip()!r} is not a number")
    assert "allowed: a number from 0 to 1,000,000" in message
    assert "written like 5000, 5,000, $5,000 or 5k" in message


@pytest.mark.parametrize("text", ["$12", "1k", "12 dollars", "12 weeks"])
def test_money_words_are_not_months(text: str) -> None:
    with pytest.raises(PathfinderError, match="written like 12, 12 months or 1 year"):
        read_text(TIMELINE, text)


@pytest.mark.parametrize(
    ("question_id", "text", "problem"),
    [
        ("budget_usd", "-1", "-1 is out of range"),
        ("budget_usd", "$1,000,001", "1000001 is out of range"),
        ("budget_usd", "2000k", "2000000 is out of range"),
        ("timeline_months", "0", "0 is out of range"),
        ("timeline_months", "121 months", "121 is out of range"),
        ("timeline_months", "11 years", "132 is out of range"),
        ("timeline_months", "12.5", "12.5 is not a whole number"),
        ("timeline_months", "1.3 years", "15.6 is not a whole number"),
    ],
)
def test_numbers_out_of_range_are_refused_by_the_one_validation(question_id: str, text: str, problem: str) -> None:
    with pytest.raises(PathfinderError) as caught:
        read_text(QUESTIONS_BY_ID[question_id], text)
    assert caught.value.message.startswith(f"{question_id}: {problem} (allowed: ")


def test_read_number_leaves_the_range_alone() -> None:
    assert read_number(BUDGET, "-5k") == -5000
    assert read_number(TIMELINE, "20 years") == 240
    assert read_number(BUDGET, "x" * 200) is None


# --- not sure --------------------------------------------------------------------------------

NOT_SURE_SPELLINGS = ["", "   ", "not sure", "Not Sure", "NOT SURE", "n/a", "N/A", "na", "NA", "none", "None", "?",
                      "unsure", "don't know", "Don't know", "don\u2019t know", "null", "NULL", "notsure",
                      # Spanish, with or without the accent
                      "no sé", "No Sé", "no se", "no lo sé", "no lo se", "no estoy seguro", "no estoy segura",
                      "No estoy seguro/a", "  no   sé  "]


@pytest.mark.parametrize("text", NOT_SURE_SPELLINGS)
def test_not_sure_is_null_where_null_is_allowed(text: str) -> None:
    assert read_text(BUDGET, text) is None
    assert read_text(GOAL, text) is None


@pytest.mark.parametrize("text", NOT_SURE_SPELLINGS)
def test_not_sure_is_the_default_where_null_is_not_allowed(text: str) -> None:
    assert read_text(TIMELINE, text) == 48
    assert read_text(STYLE, text) == "blended"


def test_every_listed_not_sure_word_is_tested() -> None:
    assert {" ".join(t.replace("\u2019", "'").casefold().split()) for t in NOT_SURE_SPELLINGS} >= NOT_SURE - {
        "dont know"}


# --- choices ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question_id", "text", "expected"),
    [
        ("learning_style", "hands_on", "hands_on"),
        ("learning_style", "hands-on", "hands_on"),
        ("learning_style", "hands on", "hands_on"),
        ("learning_style", "  Hands_On ", "hands_on"),
        ("learning_style", "Hands-on practice with real tasks", "hands_on"),
        ("learning_style", "hands-on PRACTICE with  real tasks", "hands_on"),
        ("goal", "fast-entry", "fast_entry"),
        ("goal", "Medical coding", "coding"),
        ("goal", "Not sure yet", None),
        ("education", "Bachelor's degree or higher", "bachelor"),
        ("education", "Bachelor\u2019s degree or higher", "bachelor"),  # a form's curly apostrophe
        ("education", "Prefer not to say", None),
        ("remote", "no preference", "no_preference"),
    ],
)
def test_choices_by_id_or_label(question_id: str, text: str, expected: Any) -> None:
    assert read_text(QUESTIONS_BY_ID[question_id], text) == expected


@pytest.mark.parametrize("question", [q for q in QUESTIONS if q.kind == "choice"], ids=lambda q: q.id)
def test_every_choice_reads_back_from_its_id_and_its_label(question: Any) -> None:
    for choice in question.choices:
        assert read_text(question, choice.label) == choice.value
        assert read_text(question, choice.label.upper()) == choice.value
        if choice.value is not None:
            assert read_text(question, choice.value) == choice.value
            assert read_text(question, choice.value.replace("_", " ")) == choice.value


def test_a_word_that_is_no_choice_is_refused_naming_the_choices() -> None:
    with pytest.raises(PathfinderError) as caught:
        read_text(GOAL, "astronaut")
    assert caught.value.message == ("goal: 'astronaut' is not a choice (allowed: one of null, management, "
                                    "informatics, compliance, coding, billing, fast_entry)")


# --- typed at a prompt -----------------------------------------------------------------------


def test_a_typed_refusal_says_plainly_what_to_enter() -> None:
    with pytest.raises(PathfinderError) as caught:
        parse_typed(BUDGET, "lots")
    assert caught.value.message == accepted(BUDGET)
    assert caught.value.message == ("Enter a number from 0 to 1,000,000, like 5000, 5,000, $5,000 or 5k, "
                                    "or ? if you are not sure.")
    with pytest.raises(PathfinderError) as caught:
        parse_typed(TIMELINE, "soon")
    assert caught.value.message == "Enter a whole number from 1 to 120, like 12, 12 months or 1 year."


# --- --set -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question_id", "text", "expected"),
    [
        ("budget_usd", "null", None), ("budget_usd", "4000", 4000), ("budget_usd", "4000.5", 4000.5),
        ("budget_usd", "$4,000", 4000), ("budget_usd", '"$4,000"', 4000), ("budget_usd", "5k", 5000),
        ("budget_usd", "not sure", None), ("budget_usd", "", None),
        ("timeline_months", "12.0", 12), ("timeline_months", "1 year", 12), ("timeline_months", "not sure", 48),
        ("goal", "billing", "billing"), ('goal', '"billing"', "billing"), ("goal", "null", None),
        ("goal", "Billing and insurance claims", "billing"), ("learning_style", "hands-on", "hands_on"),
    ],
)
def test_set_values(question_id: str, text: str, expected: Any) -> None:
    answer = read_set_value(QUESTIONS_BY_ID[question_id], text)
    assert answer == expected
    assert type(answer) is type(expected)


@pytest.mark.parametrize(
    ("question_id", "text"),
    [("timeline_months", "null"), ("budget_usd", "true"), ("budget_usd", "NaN"), ("budget_usd", "1e400"),
     ("goal", "3"), ("remote", "[1]"), ("budget_usd", "abc")],
)
def test_set_values_that_parse_as_json_are_taken_as_json(question_id: str, text: str) -> None:
    # JSON null for a question that does not allow it is refused, not turned into the default.
    with pytest.raises(PathfinderError, match=f"^{question_id}: .*allowed"):
        read_set_value(QUESTIONS_BY_ID[question_id], text)


def test_read_sets_reports_every_problem_at_once() -> None:
    with pytest.raises(PathfinderError) as caught:
        read_sets(["goal=astronaut", "budjet_usd=5k", "timeline_months=0", "budget_usd=$5k"])
    lines = caught.value.lines
    assert len(lines) == 3
    assert lines[0].startswith("goal: 'astronaut' is not a choice")
    assert lines[1] == "'budjet_usd': unknown question id; did you mean 'budget_usd'?"
    assert lines[2].startswith("timeline_months: 0 is out of range")


def test_read_sets_later_pairs_win_and_names_the_flag() -> None:
    assert read_sets(["goal=billing", "goal = Medical coding"]) == {"goal": "coding"}
    with pytest.raises(PathfinderError, match="--what-if 'goal': expected id=value"):
        read_sets(["goal"], "--what-if")


# --- gathering -------------------------------------------------------------------------------


def test_gather_from_a_file_then_sets_then_defaults(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"goal": "management", "budget_usd": 4000}), encoding="utf-8")
    answers, missing = gather_answers(str(path), ["goal=billing"], use_defaults=False)
    assert answers == {"goal": "billing", "budget_usd": 4000}
    assert missing == [q.id for q in QUESTIONS if q.id not in {"goal", "budget_usd"}]
    answers, missing = gather_answers(str(path), ["timeline_months=2 years"], use_defaults=True)
    assert answers == {**defaults(), "goal": "management", "budget_usd": 4000, "timeline_months": 24}
    assert missing == []


def test_gather_reads_standard_input_given_to_it() -> None:
    stdin = io.BytesIO(b'{"goal": "coding"}')
    answers, _ = gather_answers("-", [], use_defaults=True, stdin=stdin)
    assert answers["goal"] == "coding"


def test_an_answers_file_is_json_and_strict() -> None:
    # A file is the machine format: its strings are not read as typed text.
    with pytest.raises(PathfinderError, match="budget_usd: '\\$4,000' is not a number"):
        gather_answers("-", [], use_defaults=True, stdin=io.BytesIO(b'{"budget_usd": "$4,000"}'))
    with pytest.raises(PathfinderError, match="not a JSON array"):
        read_answers_file("-", io.BytesIO(b"[1]"))
    with pytest.raises(PathfinderError, match="larger than 1 MB"):
        read_answers_file("-", io.BytesIO(b" " * (1024 * 1024 + 1)))


def test_in_order_follows_the_questionnaire() -> None:
    shuffled = dict(reversed(list(defaults().items())))
    assert list(in_order(shuffled)) == [q.id for q in QUESTIONS]


# --- CSV headers ------------------------------------------------------------------------------


def test_header_cells_match_by_id_title_or_prompt_ignoring_case_spaces_and_separators() -> None:
    cells = ["budget_usd", "Career goal", "TIMELINE", "learning-style", " Education so far ", "what_matters_most",
             "Remote work", "How demanding a program do you want?", "Strength", "INTEREST"]
    columns, unknown, problems = match_header(cells)
    assert unknown == [] and problems == []
    assert [columns[i].id for i in range(len(cells))] == [
        "budget_usd", "goal", "timeline_months", "learning_style", "education", "priority", "remote", "challenge",
        "strength", "interest"]


def test_unknown_columns_are_returned_apart_not_refused() -> None:
    columns, unknown, problems = match_header(["Timestamp", "Budget (USD)", "Email address", "goal"])
    assert {i: q.id for i, q in columns.items()} == {1: "budget_usd", 3: "goal"}
    assert unknown == [0, 2]
    assert problems == []


def test_header_problems_unnamed_and_repeated_columns() -> None:
    columns, unknown, problems = match_header(["goal", "", "Career goal", "goal"])
    assert list(columns) == [0]
    assert unknown == []
    assert problems == ["column 2 has no name", "'Career goal': more than one column for goal ('goal' too)",
                        "'goal': more than one column for goal"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("budget", "budget_usd"), ("budjet", "budget_usd"), ("Budjet USD", "budget_usd"), ("learningstyle",
     "learning_style"), ("Carer goal", "goal"), ("timelin", "timeline_months"), ("Email", None), ("zzz", None)],
)
def test_close_match(name: str, expected: str | None) -> None:
    assert close_match(name) == expected


# --- the shape of the house ------------------------------------------------------------------


def test_answers_imports_no_terminal_library() -> None:
    code = ("import sys, pathfinder.core.answers; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'rich', 'questionary', "
            "'prompt_toolkit', 'pydantic'}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"

"""Typed answers in Spanish: month and year words, read whatever language pathfinder speaks.

The oracle is the rule restated: a Spanish month word counts 1 and a year word 12, as "month" and "year" do.
(The Spanish ways of saying "not sure" are in test_answers.py, with the English ones.)
"""

from __future__ import annotations

import pytest

from pathfinder.core.answers import parse_typed, read_number, read_text
from pathfinder.core.questions import QUESTIONS_BY_ID
from pathfinder.errors import PathfinderError

TIMELINE = QUESTIONS_BY_ID["timeline_months"]
BUDGET = QUESTIONS_BY_ID["budget_usd"]
GOAL = QUESTIONS_BY_ID["goal"]


@pytest.mark.parametrize(("text", "months"), [
    ("12 meses", 12), ("1 mes", 1), ("18meses", 18), ("1 año", 12), ("2 años", 24), ("1.5 años", 18),
    ("2 anos", 24), ("1 ano", 12), ("3 AÑOS", 36), ("6 Meses", 6),
])
def test_spanish_month_and_year_words(text: str, months: int) -> None:
    assert read_text(TIMELINE, text) == months
    assert parse_typed(TIMELINE, text) == months


@pytest.mark.parametrize("text", ["2 años", "5 meses", "5k meses"])
def test_time_words_are_not_money(text: str) -> None:
    assert read_number(BUDGET, text) is None
    with pytest.raises(PathfinderError, match="is not a number"):
        read_text(BUDGET, text)


def test_spanish_year_words_keep_the_range() -> None:
    with pytest.raises(PathfinderError, match="132 is out of range"):
        read_text(TIMELINE, "11 años")


def test_other_words_are_still_refused() -> None:
    for text in ("12 semanas", "sí sé", "no", "12 mesas"):
        with pytest.raises(PathfinderError):
            read_text(TIMELINE, text)

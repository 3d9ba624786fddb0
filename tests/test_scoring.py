"""The scorer on the shipped data: the required examples, neutral defaults, limits first, confidence.

The expected results are worked out from data/programs.json by hand (see each test), not copied
from the program's output.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import raw_catalog, third_program

from pathfinder.catalog import load_catalog, validate_catalog
from pathfinder.models import Catalog
from pathfinder.results import Result
from pathfinder.questions import QUESTIONS, defaults, validate_answers
from pathfinder.scoring import CLEAR_MARGIN, LEAN_MARGIN, confidence_for, score


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def answers(**given: Any) -> dict[str, Any]:
    """Defaults for everything, then the given answers, validated like any other answers."""
    merged = {**defaults(), **given}
    return validate_answers(merged, partial=False)


def entry(result: Result, program_id: str) -> Any:
    return next(e for e in result.ranking if e.program_id == program_id)


# --- the required examples -------------------------------------------------------------

# budget 4000, timeline 12: HIM's cheapest pathway (associate) starts at $7,000 and lasts 24 months, so
# HIM fits neither limit. MBC's certificate is $2,500 + $500 extras = $3,000 and 9 months: it fits.
# MBC also fits the goal (billing 1.0 vs 0.1) and the learning style (hands_on 1.0 vs 0.4).
EXAMPLE_1 = {"budget_usd": 4000, "timeline_months": 12, "goal": "billing", "learning_style": "hands_on"}
# budget 45000, timeline 40: both programs fit. HIM bachelor's (the pathway listing management in its goals):
# $45,000 covers $20,000-$50,000 partly (fit 0.6 + 0.4 * 25/30 = 0.9333, 14.0 of 15 points), 24 <= 40 months;
# management 1.0 vs 0.3; analytical 1.0 vs 0.4. HIM 88 points, MBC 69. The HIM associate scores 85: its goal
# fit is discounted to 0.8 because the bachelor's serves management more directly.
EXAMPLE_2 = {"budget_usd": 45000, "timeline_months": 40, "goal": "management", "learning_style": "analytical"}
# budget 5000, timeline 12: HIM scores higher on goal and style (about 72.9 vs 61.9) but fits neither limit
# ($7,000 > $5,000, 24 > 12 months); MBC's $3,000, 9-month certificate fits, so MBC comes first.
EXAMPLE_3 = {"budget_usd": 5000, "timeline_months": 12, "goal": "informatics", "learning_style": "analytical"}


def test_example_budget_4000_billing_hands_on_recommends_mbc(catalog: Catalog) -> None:
    result = score(answers(**EXAMPLE_1), catalog)
    assert result.recommendation.program_id == "mbc"
    assert result.recommendation.pathway == "certificate"
    assert [e.program_id for e in result.ranking] == ["mbc", "him"]
    assert entry(result, "mbc").eligible is True
    assert entry(result, "him").eligible is False
    assert result.recommendation.confidence == "clear"


def test_example_budget_45000_management_analytical_recommends_him(catalog: Catalog) -> None:
    result = score(answers(**EXAMPLE_2), catalog)
    assert result.recommendation.program_id == "him"
    assert result.recommendation.pathway == "bachelor"
    assert entry(result, "him").eligible and entry(result, "mbc").eligible
    assert entry(result, "him").score == pytest.approx(88.0, abs=0.01)
    assert {p.id: p.score for p in entry(result, "him").pathways}["associate"] == pytest.approx(85.0, abs=0.01)
    assert entry(result, "mbc").score == pytest.approx(69.0, abs=0.01)
    assert result.recommendation.margin == pytest.approx(19.0, abs=0.01)
    assert result.recommendation.confidence == "clear"
    assert not any("ruled out" in w for w in result.warnings)


def test_example_budget_5000_informatics_recommends_mbc_and_warns_about_him(catalog: Catalog) -> None:
    result = score(answers(**EXAMPLE_3), catalog)
    assert result.recommendation.program_id == "mbc"
    assert result.recommendation.pathway == "certificate"
    him, mbc = entry(result, "him"), entry(result, "mbc")
    # Limits come first: HIM has the higher score but does not fit.
    assert him.score > mbc.score
    assert not him.eligible and mbc.eligible
    about_him = [w for w in result.warnings if "Health Information Management" in w or "HIM" in w]
    assert about_him, result.warnings
    assert any("$7,000" in w and "24 months" in w for w in about_him), about_him
    # The reasons tell the person why the higher-scoring program lost.
    assert any("Health Information Management" in r for r in result.recommendation.reasons)
    assert result.recommendation.confidence == "clear"


@pytest.mark.parametrize(
    ("given", "expected"),
    [(EXAMPLE_1, "mbc"), (EXAMPLE_2, "him"), (EXAMPLE_3, "mbc")],
    ids=["example-1", "example-2", "example-3"],
)
def test_examples_hold_with_every_other_question_left_at_its_default(catalog: Catalog, given: dict[str, Any],
                                                                     expected: str) -> None:
    """Setting a non-contract question to its default explicitly or leaving it out gives the same result."""
    full = answers(**given)
    baseline = score(full, catalog)
    assert baseline.recommendation.program_id == expected
    for question in QUESTIONS:
        if question.id in given:
            continue
        again = score(answers(**given, **{question.id: question.default}), catalog)
        assert again.model_dump() == baseline.model_dump(), question.id
    assert set(baseline.answers) == {q.id for q in QUESTIONS}


# --- neutral defaults ------------------------------------------------------------------


def test_every_program_scores_the_same_at_the_defaults(catalog: Catalog) -> None:
    result = score(defaults(), catalog)
    scores = {e.program_id: e.score for e in result.ranking}
    assert set(scores) == {"him", "mbc"}
    assert len(set(scores.values())) == 1, scores
    assert result.recommendation.confidence == "toss-up"
    assert result.recommendation.margin == 0


def test_defaults_stay_neutral_with_a_third_program() -> None:
    data = raw_catalog()
    data["programs"].append(third_program(data))
    result = score(defaults(), validate_catalog(data))
    assert len(result.ranking) == 3
    assert len({e.score for e in result.ranking}) == 1, [(e.program_id, e.score) for e in result.ranking]


def test_defaults_are_neutral_criterion_by_criterion(catalog: Catalog) -> None:
    """Not only the totals: every weighted criterion gives each program the same points."""
    result = score(defaults(), catalog)
    first, second = result.ranking
    theirs = {c.id: c for c in second.criteria}
    for criterion in first.criteria:
        if criterion.weight > 0:
            assert criterion.contribution == theirs[criterion.id].contribution, criterion.id


# --- limits first ------------------------------------------------------------------------


def test_a_program_that_fits_no_limit_is_ranked_after_one_that_fits_even_with_a_higher_score(catalog: Catalog) -> None:
    # Everything else favours HIM strongly; only the limits rule it out.
    result = score(answers(budget_usd=3000, timeline_months=9, goal="management", learning_style="analytical",
                           interest="data_management", strength="advanced_it"), catalog)
    him, mbc = entry(result, "him"), entry(result, "mbc")
    assert him.score > mbc.score
    assert [e.program_id for e in result.ranking] == ["mbc", "him"]
    assert result.recommendation.program_id == "mbc"
    failed = {c.id for c in him.constraints if not c.ok}
    assert failed == {"budget", "timeline"}


def test_timeline_alone_rules_a_program_out(catalog: Catalog) -> None:
    # No budget given; 12 months leaves HIM (24 months at least) out.
    result = score(answers(timeline_months=12, goal="management", learning_style="analytical"), catalog)
    him = entry(result, "him")
    assert not him.eligible
    assert [c.id for c in him.constraints if not c.ok] == ["timeline"]
    assert result.ranking[0].program_id == "mbc"


def test_admission_rules_out_the_bachelor_pathway_only(catalog: Catalog) -> None:
    # A high-school graduate cannot enter the HIM bachelor's, but the associate degree is open.
    result = score(answers(education="high_school", budget_usd=45000, goal="management"), catalog)
    him = entry(result, "him")
    assert him.eligible
    pathways = {p.id: p for p in him.pathways}
    assert not pathways["bachelor"].eligible
    assert pathways["associate"].eligible
    assert him.pathway == "associate"


def test_nothing_fits_is_said_and_everything_is_still_ranked(catalog: Catalog) -> None:
    result = score(answers(budget_usd=100, timeline_months=1), catalog)
    assert not any(e.eligible for e in result.ranking)
    assert len(result.ranking) == 2
    assert any("No program fits" in w for w in result.warnings)
    scores = [e.score for e in result.ranking]
    assert scores == sorted(scores, reverse=True)


def test_unknown_cost_never_fits_a_budget(catalog: Catalog) -> None:
    # The MBC associate degree has no published cost: with a budget it cannot count as fitting.
    result = score(answers(budget_usd=1_000_000, timeline_months=120), catalog)
    mbc = entry(result, "mbc")
    associate = next(p for p in mbc.pathways if p.id == "associate")
    assert not associate.eligible
    assert mbc.pathway == "certificate"


# --- confidence ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("margin", "runner_up_counts", "expected"),
    [
        (None, True, "clear"),
        (CLEAR_MARGIN + 5, True, "clear"),
        (CLEAR_MARGIN, True, "clear"),
        (CLEAR_MARGIN - 0.01, True, "lean"),
        (LEAN_MARGIN, True, "lean"),
        (LEAN_MARGIN - 0.01, True, "toss-up"),
        (0.0, True, "toss-up"),
        (0.0, False, "clear"),
    ],
)
def test_confidence_labels_follow_the_margins(margin: float | None, runner_up_counts: bool, expected: str) -> None:
    assert confidence_for(margin, runner_up_counts) == expected


def test_margins_are_the_documented_ones() -> None:
    assert (CLEAR_MARGIN, LEAN_MARGIN) == (10.0, 4.0)


def test_confidence_from_real_answers(catalog: Catalog) -> None:
    # Interest alone: data_management is 1.0 for HIM and 0.3 for MBC at 12 points of weight -> 8.4 ahead: lean.
    result = score(answers(interest="data_management"), catalog)
    assert result.recommendation.program_id == "him"
    assert result.recommendation.margin == pytest.approx(8.4, abs=0.001)
    assert result.recommendation.confidence == "lean"
    # Goal alone: compliance is 1.0 for HIM and 0.5 for MBC at 20 points -> 10 ahead: clear.
    result = score(answers(goal="compliance"), catalog)
    assert result.recommendation.margin == pytest.approx(10.0, abs=0.001)
    assert result.recommendation.confidence == "clear"
    # Remote nice to have: 0.5 + 0.9/2 for MBC vs 0.5 + 0.6/2 for HIM at 9 points -> 1.35 ahead: toss-up.
    result = score(answers(remote="nice_to_have"), catalog)
    assert result.recommendation.program_id == "mbc"
    assert result.recommendation.margin == pytest.approx(1.35, abs=0.001)
    assert result.recommendation.confidence == "toss-up"


# --- a catalog with three programs ----------------------------------------------------------


def test_a_third_program_is_scored_with_no_code_change() -> None:
    data = raw_catalog()
    extra = third_program(data)
    extra["fit"]["goals"]["billing"] = 0.2  # so it does not tie with mbc
    data["programs"].append(extra)
    result = score(answers(**EXAMPLE_1), validate_catalog(data))
    assert {e.program_id for e in result.ranking} == {"him", "mbc", "mcb"}
    assert result.recommendation.program_id == "mbc"
    assert entry(result, "mcb").eligible
    assert entry(result, "mcb").score < entry(result, "mbc").score

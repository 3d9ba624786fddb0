"""What would change the advice: every suggestion is checked by re-scoring with it, and a slightly smaller
change is checked not to be enough."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from insight_helpers import COMPLIANCE_ON_COST, INFORMATICS_ON_A_BUDGET, MANAGEMENT, answers, catalog

from pathfinder.changes import what_if, what_would_change
from pathfinder.results import Change, Result
from pathfinder.questions import QUESTIONS, QUESTIONS_BY_ID
from pathfinder.scoring import score, weights

CATALOG = catalog()


def _first(result: Result) -> tuple[str, bool]:
    return result.ranking[0].program_id, result.ranking[0].eligible


def _flips(before: Result, after: Result) -> bool:
    first, eligible = _first(after)
    return first != before.ranking[0].program_id and (eligible or not before.ranking[0].eligible)


def _rescore(given: dict, change: Change, value: object) -> Result:
    if change.answer is not None:
        return score({**given, change.answer: value}, CATALOG)
    assert change.weight is not None
    return score(given, CATALOG, weight_override={**weights(given), change.weight: value})


def check_change(given: dict, change: Change) -> None:
    """The change flips the advice to its program; one step less does not."""
    before = score(given, CATALOG)
    after = _rescore(given, change, change.to)
    assert _flips(before, after), change
    assert after.ranking[0].program_id == change.new_program_id
    if change.answer is not None and QUESTIONS_BY_ID[change.answer].kind == "choice":
        for value in change.also:
            assert _flips(before, _rescore(given, change, value)), (change, value)
        return
    assert isinstance(change.to, int | float)
    start = change.from_
    if start is None:  # from "not sure": the value just past the reported edge does not flip
        step = 1
        nearer = change.to + step
        if nearer <= QUESTIONS_BY_ID[change.answer or ""].maximum:  # type: ignore[operator]
            assert not _flips(before, _rescore(given, change, nearer)), change
        return
    assert isinstance(start, int | float)
    step = 1 if change.answer is not None else 0.1
    nearer = change.to - step if change.to > start else change.to + step
    if (nearer - start) * (change.to - start) > 0:  # still a change in the same direction
        assert not _flips(before, _rescore(given, change, round(nearer, 4))), change
    if change.until is not None:
        assert _flips(before, _rescore(given, change, change.until))
        beyond = change.until + (1 if change.until > change.to else -1)
        question = QUESTIONS_BY_ID[change.answer or ""]
        if question.minimum <= beyond <= question.maximum:  # type: ignore[operator]
            past = _rescore(given, change, beyond)
            assert not (_flips(before, past) and past.ranking[0].program_id == change.new_program_id), change


@pytest.mark.parametrize("given", [answers(), answers(**MANAGEMENT), answers(**COMPLIANCE_ON_COST),
                                   answers(**INFORMATICS_ON_A_BUDGET), answers(goal="coding", budget_usd=9000)])
def test_every_suggested_change_flips_and_a_smaller_one_does_not(given: dict) -> None:
    for change in what_would_change(score(given, CATALOG), CATALOG):
        check_change(given, change)


def test_management_example_in_plain_sentences() -> None:
    given = answers(**MANAGEMENT)
    changes = {c.answer or c.weight: c for c in what_would_change(score(given, CATALOG), CATALOG)}
    timeline, budget = changes["timeline_months"], changes["budget_usd"]
    # HIM's shortest pathway takes 24 months and MBC's 9; HIM starts at $7,000, MBC at $3,000.
    assert (timeline.to, timeline.until, timeline.new_program_id) == (23, 9, "mbc")
    assert timeline.sentence == "If your timeline were from 9 to 23 months, MBC would rank first."
    assert (budget.to, budget.until) == (6999, 3000)
    assert budget.sentence == "If your budget were from $3,000 to $6,999, MBC would rank first."
    assert changes["goal"].to == "coding" and changes["goal"].also == ["billing", "fast_entry"]
    ordered = what_would_change(score(given, CATALOG), CATALOG)
    assert [c.distance for c in ordered] == sorted(c.distance for c in ordered)
    assert ordered[0].answer == "timeline_months"  # 17/40 is nearer than 38,001/45,000


def test_a_budget_raise_toward_a_cost_edge() -> None:
    # HIM fits a $7,000 budget at the earliest; with a 24-month timeline and a management goal it then wins.
    given = answers(budget_usd=5000, timeline_months=24, goal="management", learning_style="analytical")
    before = score(given, CATALOG)
    assert before.recommendation.program_id == "mbc"
    change = next(c for c in what_would_change(before, CATALOG) if c.answer == "budget_usd")
    assert (change.to, change.until, change.new_program_id) == (7000, None, "him")
    assert change.sentence == "If your budget were $7,000 or more, HIM would rank first."
    check_change(given, change)


def test_weight_change_is_the_exact_crossing() -> None:
    given = answers(**COMPLIANCE_ON_COST)
    result = score(given, CATALOG)
    change = next(c for c in what_would_change(result, CATALOG) if c.weight == "career_goal")
    # Solve sum(w_i * (f_him,i - f_mbc,i)) + t * (f_him,k - f_mbc,k) = 0 for t, the other weights fixed.
    him, mbc = ({c.id: c for c in entry.criteria} for entry in result.ranking)
    rest = sum(him[i].weight * (him[i].fit - mbc[i].fit) for i in him if i != "career_goal")
    crossing = -rest / (him["career_goal"].fit - mbc["career_goal"].fit)
    assert change.to == math.floor(crossing * 10) / 10  # the first 0.1 step below the crossing
    assert change.from_ == pytest.approx(100 * 20 / 120, abs=1e-4)
    assert change.sentence.startswith("If career goal counted for 6.4 points instead of 16.7 (other weights unchanged)")
    check_change(given, change)


def test_no_single_change_when_the_runner_up_fails_two_limits() -> None:
    # HIM needs both more budget ($7,000) and more time (24 months); one answer cannot give both.
    given = answers(**INFORMATICS_ON_A_BUDGET)
    assert what_would_change(score(given, CATALOG), CATALOG) == []
    from pathfinder.formats import change_lines

    result = score(given, CATALOG)
    lines = change_lines(result)
    assert lines[0].startswith("No single change")
    assert "ruled out by your budget and your timeline at once" in lines[1]


def test_what_if_rescores_with_the_changed_answers() -> None:
    given = answers(**INFORMATICS_ON_A_BUDGET)
    result = score(given, CATALOG)
    again = what_if(result, {"budget_usd": 8000, "timeline_months": 24}, CATALOG)
    direct = score({**given, "budget_usd": 8000, "timeline_months": 24}, CATALOG)
    assert again.changed == {"budget_usd": {"from": 5000, "to": 8000}, "timeline_months": {"from": 12, "to": 24}}
    assert again.recommendation == direct.recommendation and again.ranking == direct.ranking
    assert again.recommendation.program_id == "him"


def test_change_serialises_from_as_from() -> None:
    change = what_would_change(score(answers(**MANAGEMENT), CATALOG), CATALOG)[0]
    dumped = change.model_dump(mode="json")
    assert "from" in dumped and "from_" not in dumped
    assert set(dumped) >= {"answer", "weight", "from", "to", "new_program_id", "sentence"}


_CHOICES = {q.id: st.sampled_from([c.value for c in q.choices]) for q in QUESTIONS if q.kind == "choice"}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    budget=st.one_of(st.none(), st.integers(0, 60_000)),
    timeline=st.integers(1, 120),
    picks=st.fixed_dictionaries(_CHOICES),
)
def test_property_every_change_is_real(budget: int | None, timeline: int, picks: dict) -> None:
    given = answers(budget_usd=budget, timeline_months=timeline, **picks)
    for change in what_would_change(score(given, CATALOG), CATALOG):
        check_change(given, change)

"""What would change the advice, what would decide a toss-up, and the nearest step when nothing fits,
against values worked out by hand. (Every claim is also re-checked at both ends in test_properties.py.)"""

from __future__ import annotations

from typing import Any

import pytest

from pathfinder.core.advice import advise
from pathfinder.core.catalog import load_catalog
from pathfinder.core.questions import defaults, validate_answers
from pathfinder.core.result import Result


def result_for(**given: Any) -> Result:
    return advise(validate_answers({**defaults(), **given}, partial=False), load_catalog())


def change(result: Result, key: str) -> Any:
    return next(c for c in result.what_would_change if key in (c.answer, c.weight))


def leads(given: dict[str, Any], key: str, value: float, program: str, pathway: str) -> bool:
    """The claim's condition restated: with ``key`` at ``value`` (an answer, or a weight's share in tenths), the
    named program and pathway come first, fit the limits, and are not a toss-up."""
    from pathfinder.core.changes import shifted_weights
    from pathfinder.core.scoring import INDEX, Scorer

    answers = validate_answers({**defaults(), **given}, partial=False)
    scorer = Scorer(load_catalog())
    if key in INDEX:
        ranking = scorer.rank(answers, shifted_weights(scorer.weights(answers), INDEX[key], int(value)))
    else:
        ranking = scorer.rank({**answers, key: value})
    return ((ranking.first.program.id, ranking.first.best.pathway.id) == (program, pathway) and ranking.fits
            and ranking.confidence != "toss-up")


def tight(given: dict[str, Any], found: Any, key: str, step: float, low: float, high: float) -> None:
    """The claim holds at both ends of its stated range and not one shown step beyond either (unless the range
    ends where the answer does)."""
    scale = 10 if found.weight is not None else 1
    ends = sorted((found.to, found.until if found.until is not None else (high if found.to > found.from_ else low)))
    for end in ends:
        assert leads(given, key, end * scale, found.new_program_id, found.new_pathway), (found.sentence, end)
    if ends[0] > low:
        assert not leads(given, key, (ends[0] - step) * scale, found.new_program_id, found.new_pathway)
    if ends[1] < high:
        assert not leads(given, key, (ends[1] + step) * scale, found.new_program_id, found.new_pathway)


def test_more_budget_makes_the_better_suited_program_fit_and_the_edge_is_real() -> None:
    # HIM's associate starts at $7,000 ("$7,000 to $25,000"): at $7,000 it fits only at the very bottom of its range,
    # so it leads without being a toss-up only once enough of its range fits: found by search, not at $7,000.
    given = {"goal": "informatics", "budget_usd": 6999, "timeline_months": 36, "learning_style": "analytical"}
    first = advise(validate_answers({**defaults(), **given}, partial=False), load_catalog()).what_would_change[0]
    assert (first.answer, first.new_program_id, first.new_pathway) == ("budget_usd", "him", "associate")
    assert first.makes_fit and isinstance(first.to, int | float) and first.to > 7000
    tight(given, first, "budget_usd", 1, 0, 1_000_000)


def test_a_month_more_on_the_timeline() -> None:
    # "Associate degrees typically requiring two years": at 24 months HIM's associate fits, and informatics is HIM's
    result = result_for(goal="informatics", timeline_months=23, learning_style="analytical")
    found = change(result, "timeline_months")
    assert (found.to, found.until, found.new_program_id) == (24, None, "him")
    assert found.sentence == "If your timeline were 24 months or more, HIM would fit your limits and lead."
    tight({"goal": "informatics", "timeline_months": 23, "learning_style": "analytical"}, found, "timeline_months",
          1, 1, 120)


def test_a_budget_range_that_ends_where_the_claim_stops_holding() -> None:
    # Unknown budget, management, some college: the HIM bachelor's leads. Below $20,000 it no longer fits, and the
    # associate takes over (a lean) down to where too little of its range fits.
    given = {"goal": "management", "education": "some_college"}
    result = result_for(**given)
    assert (result.recommendation.program_id, result.recommendation.pathway) == ("him", "bachelor")
    found = change(result, "budget_usd")
    assert (found.from_, found.to, found.new_program_id, found.new_pathway) == (None, 19999, "him", "associate")
    assert found.until is not None and 7000 <= found.until < 19999
    tight(given, found, "budget_usd", 1, 0, 1_000_000)


def test_the_weight_claim_holds_at_its_real_ends_and_not_one_tenth_beyond() -> None:
    # Defaults: 25 points each, a toss-up. More weight on job growth (16% against 9%) puts HIM first.
    found = change(result_for(), "job_growth")
    assert (found.from_, found.new_program_id) == (25.0, "him") and found.to > 25.0
    tight({}, found, "job_growth", 0.1, 0.0, 100.0)


def test_nothing_fits_names_the_nearest_step() -> None:
    # "$2,500 and $15,000" plus "$500 to $2,000"; 9 months of school and "usually within four to six months"
    result = result_for(goal="management", budget_usd=2000, timeline_months=6)
    fit = result.nearest_fit
    assert fit is not None and (fit.program_id, fit.pathway, fit.leads) == ("mbc", "certificate", True)
    assert fit.changes == {"budget_usd": {"from": 2000, "to": 3000}, "timeline_months": {"from": 6, "to": 13}}
    assert fit.sentence == ("$1,000 more budget (a budget of $3,000) and 7 months more time (a timeline of 13 months) "
                            "would make the MBC certificate or diploma fit, and it would lead.")


def test_a_graduate_is_never_told_to_change_her_goal() -> None:
    """A bachelor's holder aiming at management with $4,000 and 12 months: every HIM pathway costs more, and the
    certificate needs 13 months. The nearest step is a month more, not another goal; with it the certificate fits,
    below her degree, with a sentence on why it can still make sense."""
    result = result_for(goal="management", education="bachelor", budget_usd=4000, timeline_months=12)
    assert not result.recommendation.fits_limits
    fit = result.nearest_fit
    assert fit is not None and (fit.program_id, fit.pathway) == ("mbc", "certificate")
    assert fit.changes == {"timeline_months": {"from": 12, "to": 13}}
    assert all(c.answer != "goal" or c.makes_fit is False for c in result.what_would_change)
    again = result_for(goal="management", education="bachelor", budget_usd=4000, timeline_months=13)
    assert again.recommendation.fits_limits and again.recommendation.program_id == "mbc"
    assert any("you already hold; it can still make sense" in w for w in again.warnings)


def test_one_dollar_short_is_one_dollar() -> None:
    fit = result_for(goal="billing", budget_usd=2999, timeline_months=13).nearest_fit
    assert fit is not None and fit.sentence.startswith("$1 more budget (a budget of $3,000)")


def test_the_only_fit_that_suits_less_names_what_would_make_the_other_fit() -> None:
    result = result_for(goal="informatics", budget_usd=5000, timeline_months=13, learning_style="analytical")
    assert result.recommendation.confidence == "lean"
    fit = result.nearest_fit
    assert fit is not None and (fit.program_id, fit.pathway) == ("him", "associate")
    assert {k: v["to"] for k, v in fit.changes.items()} == {"budget_usd": 7000, "timeline_months": 24}


def test_a_toss_up_says_what_would_decide_it() -> None:
    result = result_for()
    goal = next(d for d in result.what_would_decide if d.answer == "goal")
    assert set(goal.values["him"]) == {"management", "informatics", "compliance"}
    assert set(goal.values["mbc"]) == {"coding", "billing", "fast_entry"}
    priority = next(d for d in result.what_would_decide if d.answer == "priority")
    # salary first: HIM pays more in most draws ("$50,000 to $65,000" against "$42,000 to $58,000")
    assert set(priority.values["him"]) == {"job_growth", "salary"} and set(priority.values["mbc"]) == {"cost", "speed"}


def test_a_clear_result_has_no_deciders() -> None:
    assert result_for(goal="coding").what_would_decide == []


@pytest.mark.parametrize("given", [{}, {"goal": "management", "budget_usd": 45000}, {"goal": "billing"}])
def test_change_serialises_from_as_from(given: dict[str, Any]) -> None:
    data = result_for(**given).model_dump(mode="json", by_alias=True)
    for item in data["what_would_change"]:
        assert "from" in item and "from_" not in item

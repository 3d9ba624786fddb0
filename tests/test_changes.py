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


def test_one_dollar_more_makes_the_better_suited_program_fit_and_comes_first() -> None:
    result = result_for(goal="informatics", budget_usd=6999, timeline_months=36, learning_style="analytical")
    first = result.what_would_change[0]
    assert (first.answer, first.to, first.until, first.new_program_id, first.new_pathway) == \
        ("budget_usd", 7000, None, "him", "associate")
    assert first.makes_fit
    assert first.sentence == "If your budget were $7,000 or more, HIM would fit your limits and lead."


def test_a_month_more_on_the_timeline() -> None:
    result = result_for(goal="informatics", timeline_months=23, learning_style="analytical")
    found = change(result, "timeline_months")
    assert (found.to, found.until, found.new_program_id) == (24, None, "him")
    assert found.sentence == "If your timeline were 24 months or more, HIM would fit your limits and lead."


def test_a_budget_range_that_ends_where_the_claim_stops_holding() -> None:
    # Unknown budget, management, some college: the HIM bachelor's leads. Below $20,000 it no longer fits, and the
    # associate takes over (a lean) until $7,000; below that only MBC fits.
    result = result_for(goal="management", education="some_college")
    assert (result.recommendation.program_id, result.recommendation.pathway) == ("him", "bachelor")
    found = change(result, "budget_usd")
    assert (found.from_, found.to, found.until, found.new_program_id, found.new_pathway) == \
        (None, 19999, 7000, "him", "associate")
    assert found.sentence == "If your budget were from $7,000 to $19,999, the HIM associate degree would lead."


def test_the_weight_claim_is_in_the_points_the_result_shows() -> None:
    # Defaults: 25 points each. Giving job growth x tenths and the others (1000 - x)/3 each, HIM's lead over MBC is
    # 0.4375x - 0.185688(1000 - x) tenths. A claim keeps 24 tenths of room for rounding beyond the 5-point lean:
    # 0.623188x - 185.688 >= 74 at x = 416.7, so 41.7 points. It stops where HIM's associate and bachelor's come
    # within 24 tenths of each other: (1000 - x)/3 x (0.3393 + 0.1375) = 24 at x = 849.
    found = change(result_for(), "job_growth")
    assert (found.from_, found.to, found.new_program_id) == (25.0, 41.7, "him")
    assert found.until is not None and 84.7 <= found.until <= 84.9
    assert found.sentence.startswith(f"If job growth counted for 41.7 to {found.until} of the 100 points (now 25.0")


def test_no_claim_where_the_new_winner_would_only_be_a_toss_up() -> None:
    # Defaults: priority salary makes HIM first by 2.8 points, a toss-up: not a change of advice.
    result = result_for()
    assert all(c.to != "salary" for c in result.what_would_change if c.answer == "priority")


def test_nothing_fits_names_the_nearest_step() -> None:
    result = result_for(goal="management", budget_usd=2000, timeline_months=6)
    fit = result.nearest_fit
    assert fit is not None and (fit.program_id, fit.pathway, fit.leads) == ("mbc", "certificate", True)
    assert fit.changes == {"budget_usd": {"from": 2000, "to": 3000}, "timeline_months": {"from": 6, "to": 9}}
    assert fit.sentence == ("$1,000 more budget (a budget of $3,000) and 3 months more time (a timeline of 9 months) "
                            "would make the MBC certificate or diploma fit, and it would lead.")


def test_a_graduate_below_her_level_is_told_which_goal_would_make_the_certificate_fit() -> None:
    """A bachelor's holder aiming at management with $4,000 and 12 months: every HIM pathway costs more, and the
    MBC certificate is below her degree, which is allowed only as the direct route to a goal (coding or billing,
    or a fast start). Changing the goal is the one step that mends it; coding comes first in the question's
    order; with it the certificate fits."""
    result = result_for(goal="management", education="bachelor", budget_usd=4000, timeline_months=12)
    assert not result.recommendation.fits_limits
    fit = result.nearest_fit
    assert fit is not None and (fit.program_id, fit.pathway) == ("mbc", "certificate")
    assert fit.changes == {"goal": {"from": "management", "to": "coding"}}
    assert fit.sentence.startswith("A goal it is the direct route to (medical coding, billing and claims or a fast "
                                   "start) would make the MBC certificate or diploma fit")
    again = result_for(goal="coding", education="bachelor", budget_usd=4000, timeline_months=12)
    assert again.recommendation.fits_limits and again.recommendation.program_id == "mbc"


def test_one_dollar_short_is_one_dollar() -> None:
    fit = result_for(goal="billing", budget_usd=2999, timeline_months=12).nearest_fit
    assert fit is not None and fit.sentence.startswith("$1 more budget (a budget of $3,000)")


def test_the_only_fit_that_suits_less_names_what_would_make_the_other_fit() -> None:
    result = result_for(goal="informatics", budget_usd=5000, timeline_months=12, learning_style="analytical")
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
    assert set(priority.values["him"]) == {"job_growth"} and set(priority.values["mbc"]) == {"cost", "speed"}


def test_a_clear_result_has_no_deciders() -> None:
    assert result_for(goal="coding").what_would_decide == []


@pytest.mark.parametrize("given", [{}, {"goal": "management", "budget_usd": 45000}, {"goal": "billing"}])
def test_change_serialises_from_as_from(given: dict[str, Any]) -> None:
    data = result_for(**given).model_dump(mode="json", by_alias=True)
    for item in data["what_would_change"]:
        assert "from" in item and "from_" not in item


def test_the_weight_range_named_holds_at_both_ends_and_starts_near_the_change() -> None:
    """For the defaults, job growth at 41.7 to 84.8 of the 100 points puts HIM first and not a toss-up, at both
    ends, with the real scoring; at 37 points HIM is still only a toss-up, so the range starts within the
    guard (2.4 points past the lean) of where the lead really changes."""
    from pathfinder.core.advice import advise
    from pathfinder.core.catalog import load_catalog
    from pathfinder.core.changes import shifted_weights
    from pathfinder.core.questions import defaults
    from pathfinder.core.scoring import INDEX, Scorer

    catalog = load_catalog()
    result = advise(defaults(), catalog)
    change = next(c for c in result.what_would_change if c.weight == "job_growth")
    assert (change.from_, change.to, change.until) == (25.0, 41.7, 84.8)
    assert change.distance == round((41.7 - 25.0) / 25.0, 4)  # a weight change counts by its relative size
    scorer = Scorer(catalog)
    now = scorer.weights(defaults())

    def him_leads(tenths: int) -> bool:
        ranking = scorer.rank(defaults(), shifted_weights(now, INDEX["job_growth"], tenths))
        return ranking.first.program.id == "him" and ranking.confidence != "toss-up"

    assert [him_leads(t) for t in (250, 370, 417, 848)] == [False, False, True, True]

"""Money and time: the arithmetic, checked against figures worked out by hand from the article's ranges.

Default answers pick HIM's associate degree and MBC's certificate:
- HIM associate: 24 months, $7,000-$25,000 (no extras given), $50,000-$65,000 a year, no job-search figure.
- MBC certificate: 9-18 months, $2,500-$15,000 + $500-$2,000 extras = $3,000-$17,000, a job "usually within four
  to six months" (so 4-6, read as written), $42,000-$58,000 a year.
Middle: HIM pays 57,500/yr from month 24 after 16,000; MBC pays 50,000/yr from month 13.5 + 5 = 18.5 after 10,000.
"""

from __future__ import annotations

from typing import Any

import pytest

from insight_helpers import INFORMATICS_ON_A_BUDGET, answers, catalog, custom_catalog
from pathfinder.core.programs import Catalog
from pathfinder.core.projection import CashFlow, Options, break_even_year, pathway_inputs, project, stackable_path
from pathfinder.core.result import ProgramProjection, StackablePath
from pathfinder.core.scoring import Ranking, Scorer


def score(given: dict[str, Any], cat: Catalog) -> Ranking:
    return Scorer(cat).rank(given)


def _projection(options: Options | None = None, **changes: Any) -> dict[str, Any]:
    if options is None:
        options = Options()
    cat = catalog()
    ranking = score(answers(**changes), cat)
    projections, notes = project(ranking, options)
    return {"by_id": {p.program_id: p for p in projections}, "assumptions": notes, "result": ranking}


def _years(projection: ProgramProjection) -> dict[int, tuple[int | None, int | None, int | None]]:
    return {y.year: (y.low, y.mid, y.high) for y in projection.years}


def test_cash_flow_pays_up_front_and_earns_by_the_month() -> None:
    flow = CashFlow(payments=((0.0, 12_000.0),), incomes=((6.0, float("inf"), 24_000.0),))
    assert flow.net_at(0) == -12_000
    assert flow.net_at(6) == -12_000
    assert flow.net_at(12) == -12_000 + 12_000  # six months at 2,000 a month
    assert flow.net_at(30) == -12_000 + 48_000


def test_inputs_take_each_range_at_the_same_end() -> None:
    cat = catalog()
    mbc = cat.program("mbc")
    assert mbc is not None
    inputs = pathway_inputs(mbc, mbc.pathways[0])
    low, mid, high = inputs["low"], inputs["mid"], inputs["high"]
    assert (low.school_months, mid.school_months, high.school_months) == (18, 13.5, 9)
    assert (low.job_search_months, mid.job_search_months, high.job_search_months) == (6, 5, 4)
    assert (low.cost_usd, mid.cost_usd, high.cost_usd) == (17_000, 10_000, 3_000)
    assert (low.salary_usd, mid.salary_usd, high.salary_usd) == (42_000, 50_000, 58_000)


def test_default_answers_year_by_year_match_the_hand_calculation() -> None:
    found = _projection()["by_id"]
    him, mbc = _years(found["him"]), _years(found["mbc"])
    # HIM: nothing earned in the first two years; then 57,500 a year (middle), 50,000 (low), 65,000 (high).
    assert him[1] == him[2] == (-25_000, -16_000, -7_000)
    assert him[3] == (25_000, 41_500, 58_000)
    assert him[6] == (175_000, 214_000, 253_000)
    assert him[10] == (375_000, 444_000, 513_000)
    # MBC middle: 50,000/12 a month from month 18.5: year 2 = 5.5 months = 22,916.67 - 10,000. High: from month 13.
    assert mbc[1] == (-17_000, -10_000, -3_000)  # nobody is working yet at month 12
    assert mbc[2] == (-17_000, 12_917, 50_167)  # high: 11 months at 58,000/12 - 3,000
    assert mbc[3] == (25_000, 62_917, 108_167)  # low: 12 months at 42,000/12 - 17,000 (school and search end at 24)
    assert mbc[10] == (319_000, 412_917, 514_167)  # 96, 101.5 and 107 months of pay


def test_break_even_is_where_the_dearer_path_catches_up() -> None:
    found = _projection()["by_id"]
    him, mbc = found["him"], found["mbc"]
    # Middle, in months T: -16,000 + 57,500(T - 24)/12 = -10,000 + 50,000(T - 18.5)/12 at T = 70.3, so HIM is ahead
    # from the end of year 6.
    assert him.compared_with == "mbc" and him.break_even_year == 6
    # Low: both reach 25,000 at the end of year 3 (a tie counts); high: -7,000 + 65,000(T - 24)/12 =
    # -3,000 + 58,000(T - 13)/12 at T = 122 months, in year 11: past 10.
    assert (him.break_even.low, him.break_even.mid, him.break_even.high) == (3, 6, None)
    assert mbc.compared_with is None and mbc.break_even_year is None


def test_a_longer_horizon_shows_the_high_end_catching_up_in_year_11() -> None:
    him = _projection(Options(years=14))["by_id"]["him"]
    assert len(him.years) == 14
    assert him.break_even.high == 11


def test_break_even_in_the_last_year_of_the_horizon_is_found() -> None:
    # The same crossing (month 122, in year 11) with a horizon that ends in year 11 exactly.
    him = _projection(Options(years=11))["by_id"]["him"]
    assert him.break_even.high == 11
    assert _projection(Options(years=10))["by_id"]["him"].break_even.high is None


def test_part_time_income_counts_only_while_in_school() -> None:
    mbc = _projection(Options(part_time_income_usd=12_000))["by_id"]["mbc"]
    years = _years(mbc)
    # Middle: 13.5 months of school at 1,000 a month, then 5 months looking, then 50,000 a year from month 18.5.
    assert years[1][1] == -10_000 + 12_000
    assert years[2][1] == round(-10_000 + 13_500 + 50_000 * 5.5 / 12)


@pytest.mark.parametrize("years", [1, 5, 40])
def test_horizon_sets_the_number_of_years(years: int) -> None:
    for projection in _projection(Options(years=years))["by_id"].values():
        assert [y.year for y in projection.years] == list(range(1, years + 1))


def test_break_even_year_needs_the_lead_to_last() -> None:
    ahead = CashFlow(incomes=((0.0, float("inf"), 12_000.0),))
    behind_then_ahead = CashFlow(payments=((0.0, 30_000.0),), incomes=((0.0, float("inf"), 24_000.0),))
    assert break_even_year(behind_then_ahead, ahead, 10) == 3  # -30,000 + 24,000y >= 12,000y from y = 2.5
    ahead_then_behind = CashFlow(incomes=((0.0, 24.0, 24_000.0),))
    assert break_even_year(ahead_then_behind, ahead, 10) is None
    assert break_even_year(None, ahead, 10) is None


def test_assumptions_name_every_figure_and_what_flatters_whom() -> None:
    text = "\n".join(_projection()["assumptions"])
    assert "paid up front" in text and "no raises" in text and "Living costs are left out" in text
    assert "No earnings while in school" in text
    assert ("After the MBC certificate or diploma: the first job comes 4-6 months after school ends (the usual "
            "search; it can come sooner).") in text
    assert "After the HIM associate degree: no source gives how long the job search takes" in text
    assert "This flatters it." in text
    assert "$2,500-$15,000 tuition plus $500-$2,000 for books and fees" in text
    assert "HIM early-career pay: $50,000-$65,000 a year." in text


def test_a_pathway_without_a_cost_is_not_projected() -> None:
    def drop_cost(data: dict[str, Any]) -> None:
        cost = data["programs"][1]["pathways"][0]["cost_usd"]
        cost.update(low=None, high=None, note="No figure, for the test.")

    cat = custom_catalog(drop_cost)
    ranking = score(answers(), cat)
    projections, _ = project(ranking)
    mbc = next(p for p in projections if p.program_id == "mbc")
    assert mbc.pathway == "certificate"
    assert all(y.low is None and y.mid is None and y.high is None for y in mbc.years)
    assert mbc.notes and "cannot be projected" in mbc.notes[0]
    him = next(p for p in projections if p.program_id == "him")
    assert him.compared_with is None  # nothing priced to compare with


# --- the two-step path ----------------------------------------------------------------------------


def _stack(cat: Catalog | None = None, **changes: Any) -> tuple[StackablePath | None, list[str]]:
    cat = cat or catalog()
    return stackable_path(score(answers(**changes), cat))


def test_informatics_on_a_small_budget_gets_a_two_step_path() -> None:
    path, extra = _stack(**INFORMATICS_ON_A_BUDGET)
    assert path is not None
    assert (path.goal_program_id, path.first_program_id, path.compared_with) == ("him", "mbc", "mbc")
    assert [s.program_id for s in path.steps] == ["mbc", "him"]
    assert [s.pathway for s in path.steps] == ["certificate", "associate"]
    assert "$2,000 over your $5,000 budget" in path.reason and path.source == "article#faq"
    # Middle: working at 18.5 months, HIM starts 12 months later (30.5) and ends at 54.5.
    assert (path.steps[1].starts_month.mid, path.steps[1].ends_month.mid) == (30.5, 54.5)
    years = {y.year: (y.low, y.mid, y.high) for y in path.years}
    # Year 10, middle: -10,000 - 16,000 + 50,000 x 36/12 + 57,500 x 65.5/12 = 437,854.17.
    # Low: working at 24, HIM from 36 to 60: -17,000 - 25,000 + 42,000 x 36/12 + 50,000 x 60/12 = 334,000.
    assert years[10][:2] == (334_000, round(437_854.17))
    # Catches up with MBC alone where 124,000 + 4,791.67(T - 54.5) = 4,166.67(T - 18.5) - 10,000: T = 80.1 months.
    # Low: 84,000 + 4,166.67(T - 60) = 3,500(T - 24) - 17,000 at T = 97.5; high: 164,000 + 5,416.67(T - 49) =
    # 4,833.33(T - 13) - 3,000 at T = 61.
    assert path.break_even_year == 7
    assert (path.break_even.low, path.break_even.high) == (9, 6)
    assert any("12 months in the first job" in line for line in extra)
    # The steps in words: 9-18 months and $3,000-$17,000, working 13-24 months from now (4-6 months of job
    # search); then 24 months of HIM from month 25-36 (after a year of work), done 49-60 months from now.
    assert [s.summary for s in path.steps] == [
        "Now: the MBC certificate or diploma (9-18 months, $3,000-$17,000); working in the field 13-24 months "
        "from now.",
        "After a year in that job: the HIM associate degree (24 months, $7,000-$25,000 in tuition), studied "
        "part-time while you keep working, done 49-60 months from now.",
    ]
    assert (path.steps[0].starts_month.low, path.steps[0].starts_month.mid) == (0, 0)


@pytest.mark.parametrize(("goal", "second"), [("management", "bachelor"), ("informatics", "associate"),
                                              ("compliance", "associate")])
def test_the_second_step_is_the_goals_own_route(goal: str, second: str) -> None:
    """Management roles and the RHIA point to the bachelor's; for the other HIM goals the associate degree (the
    RHIT's route) is the nearer second step."""
    path, _ = _stack(goal=goal, budget_usd=4000, timeline_months=12)
    assert path is not None
    assert [(s.program_id, s.pathway) for s in path.steps] == [("mbc", "certificate"), ("him", second)]


def test_part_time_income_counts_in_the_two_step_path_only_during_the_first_school() -> None:
    ranking = score(answers(**INFORMATICS_ON_A_BUDGET), catalog())
    plain, _ = stackable_path(ranking)
    paid, _ = stackable_path(ranking, Options(part_time_income_usd=12_000))
    assert plain is not None and paid is not None
    gain = {y.year: (y.mid or 0) - (p.mid or 0) for y, p in zip(paid.years, plain.years, strict=True)}
    # Middle: the certificate takes 13.5 months, so $1,000 a month for 12 months by year 1 and 13.5 by year 2,
    # and nothing more after it (the second step is studied while working, with no part-time pay added).
    assert gain[1] == 12_000 and gain[2] == 13_500 and gain[10] == 13_500


@pytest.mark.parametrize(
    "changes",
    [
        {},  # no goal
        {"budget_usd": 4000, "timeline_months": 12, "goal": "billing"},  # the goal points to the recommended MBC
        {"budget_usd": 45000, "timeline_months": 40, "goal": "management"},  # HIM fits: recommended directly
        {"budget_usd": 5000, "timeline_months": 12, "goal": "fast_entry"},  # a fast start points to no one program
    ],
)
def test_no_two_step_path_where_it_does_not_apply(changes: dict[str, Any]) -> None:
    path, extra = _stack(**changes)
    assert path is None and extra == []


def test_no_two_step_path_without_a_sourced_link() -> None:
    def unlink(data: dict[str, Any]) -> None:
        data["programs"][1]["stacks_into"] = []

    path, _ = _stack(custom_catalog(unlink), **INFORMATICS_ON_A_BUDGET)
    assert path is None


def test_a_link_to_an_unknown_program_is_refused() -> None:
    from pathfinder.errors import PathfinderError

    def bad_link(data: dict[str, Any]) -> None:
        data["programs"][1]["stacks_into"][0]["program_id"] = "nope"

    with pytest.raises(PathfinderError) as caught:
        custom_catalog(bad_link)
    assert "stacks into 'nope'" in str(caught.value)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pathfinder.core.questions import QUESTIONS  # noqa: E402

_CHOICES = {q.id: st.sampled_from([c.value for c in q.choices]) for q in QUESTIONS if q.kind == "choice"}


@settings(max_examples=40, deadline=None)
@given(budget=st.one_of(st.none(), st.integers(0, 80_000)), timeline=st.integers(1, 120),
       picks=st.fixed_dictionaries(_CHOICES), years=st.integers(1, 40))
def test_property_scenarios_stay_in_order(budget: int | None, timeline: int, picks: dict[str, Any], years: int) -> None:
    """With no part-time pay, the low scenario never beats the middle, nor the middle the high, in any year."""
    cat = catalog()
    ranking = score(answers(budget_usd=budget, timeline_months=timeline, **picks), cat)
    projections, _ = project(ranking, Options(years=years))
    for projection in projections:
        assert len(projection.years) == years
        if projection.cost_usd.mid is None:  # a pathway no source prices is not projected at all
            assert projection.notes and all(y.low is y.mid is y.high is None for y in projection.years)
            continue
        for year in projection.years:
            assert year.low is not None and year.mid is not None and year.high is not None
            assert year.low <= year.mid <= year.high
        mid = projection.break_even.mid
        if mid is not None and projection.compared_with is not None:
            other = next(p for p in projections if p.program_id == projection.compared_with)
            assert all(mine.mid is not None and theirs.mid is not None and mine.mid >= theirs.mid - 1
                       for mine, theirs in zip(projection.years[mid - 1:], other.years[mid - 1:], strict=True))


def test_the_assumptions_say_each_pathways_figures_in_words() -> None:
    # Management, high school, $45,000, 60 months: the HIM bachelor's with its general-education step, against
    # the MBC certificate; each figure restated from the article's ranges (and the judgement of 12-24 months).
    found = _projection(goal="management", education="high_school", budget_usd=45000, timeline_months=60)
    lines = found["assumptions"]
    assert ("The HIM bachelor's degree: $20,000-$50,000 tuition over 24-36 months; no source gives a figure for "
            "books, fees and exams, so none is counted. This flatters it.") in lines
    assert ("Before the HIM bachelor's degree: 12-24 months of general-education college courses (a judgement: no "
            "source gives the time), with no cost counted for them.") in lines
    assert ("After the HIM bachelor's degree: no source gives how long the job search takes, so none is counted "
            "and pay starts the month school ends. This flatters it.") in lines
    assert ("The MBC certificate or diploma: $2,500-$15,000 tuition plus $500-$2,000 for books and fees, "
            "$3,000-$17,000 in all, over 9-18 months.") in lines
    assert ("After the MBC certificate or diploma: the first job comes 4-6 months after school ends (the usual "
            "search; it can come sooner).") in lines
    assert "HIM early-career pay: $50,000-$65,000 a year." in lines
    assert "MBC early-career pay: $42,000-$58,000 a year." in lines

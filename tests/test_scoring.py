"""The method, rule by rule, against figures worked out by hand (docs/method.md).

Shipped figures used below (data/programs.json):
- total cost, middle of the range: MBC certificate $10,000 ($3,000-$17,000), HIM associate $16,000, HIM bachelor's
  $35,000, MBC associate unknown;
- months to a first job, middle: MBC certificate 16.5 (9-24), HIM associate 24, HIM bachelor's 30 (24-36; 48 with
  12-24 months of general education first), MBC associate 24;
- salary, middle: HIM $57,500, MBC $50,000; growth: HIM 16%, MBC 9%.
"""

from __future__ import annotations

from typing import Any

import pytest

from helpers import raw_catalog, third_program
from pathfinder.core.advice import advise
from pathfinder.core.catalog import load_catalog, validate_catalog
from pathfinder.core.programs import Catalog
from pathfinder.core.questions import defaults, validate_answers
from pathfinder.core.result import Result
from pathfinder.core.scoring import (
    CRITERIA,
    INDEX,
    NOTHING_FITS,
    Ranking,
    Scorer,
    confidence_of,
    roc_weights,
    weights,
)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def answers(**given: Any) -> dict[str, Any]:
    return validate_answers({**defaults(), **given}, partial=False)


def ranked(catalog: Catalog, **given: Any) -> Ranking:
    return Scorer(catalog).rank(answers(**given))


def entry(result: Result, program_id: str) -> Any:
    return next(e for e in result.ranking if e.program_id == program_id)


def criterion(result: Result, program_id: str, criterion_id: str) -> Any:
    return next(c for c in entry(result, program_id).criteria if c.id == criterion_id)


def roc(n: int) -> list[float]:
    """Rank-order centroid weights for n ranked criteria, restated from the formula: w_k = (1/n) sum_{i>=k} 1/i."""
    return [sum(1 / i for i in range(k, n + 1)) / n for k in range(1, n + 1)]


# --- weights -----------------------------------------------------------------------------------------

FIGURES = ("cost", "time_to_work", "salary", "job_growth")


def test_balanced_weighs_every_figure_evenly_salary_and_growth_included() -> None:
    w = weights(answers())
    assert [w[INDEX[c]] for c in FIGURES] == [250, 250, 250, 250]
    assert sum(w) == 1000


@pytest.mark.parametrize("priority, first", [("cost", "cost"), ("speed", "time_to_work"), ("salary", "salary"),
                                             ("job_growth", "job_growth")])
def test_each_priority_ranks_its_criterion_first(priority: str, first: str) -> None:
    # Four criteria weighed; the priority is ranked first and the other three tie for second. Shown weights
    # are rounded to tenths by largest remainder, so each is within a tenth of a point of the formula.
    w = weights(answers(priority=priority))
    ranks = roc(4)
    assert w[INDEX[first]] / 1000 == pytest.approx(ranks[0], abs=0.001)  # 52.1 of 100
    for other in FIGURES:
        if other != first:
            assert w[INDEX[other]] / 1000 == pytest.approx(sum(ranks[1:]) / 3, abs=0.001)  # 16.0 each
    assert sum(w) == 1000


def test_a_goal_ranks_right_after_the_priority_and_before_the_rest() -> None:
    w = weights(answers(goal="management"))  # five criteria: the goal first, four figures tied second
    ranks = roc(5)
    assert w[INDEX["career_goal"]] / 1000 == pytest.approx(ranks[0], abs=0.001)
    w = weights(answers(goal="management", priority="salary"))  # salary first, the goal second, three tied third
    assert w[INDEX["salary"]] / 1000 == pytest.approx(ranks[0], abs=0.001)
    assert w[INDEX["career_goal"]] / 1000 == pytest.approx(ranks[1], abs=0.001)
    assert w[INDEX["cost"]] / 1000 == pytest.approx(sum(ranks[2:]) / 3, abs=0.001)


def test_a_fast_start_goal_weighs_time_not_the_goal_table() -> None:
    w = weights(answers(goal="fast_entry"))
    assert w[INDEX["career_goal"]] == 0
    assert w[INDEX["time_to_work"]] / 1000 == pytest.approx(roc(4)[0], abs=0.001)


def test_remote_work_that_is_only_nice_to_have_ranks_last() -> None:
    w = weights(answers(remote="nice_to_have"))
    ranks = roc(5)
    assert w[INDEX["remote_work"]] / 1000 == pytest.approx(ranks[4], abs=0.001)
    assert (weights(answers(remote="important"))[INDEX["remote_work"]]
            == weights(answers(remote="important"))[INDEX["cost"]])


def test_criteria_with_no_answer_are_not_weighed() -> None:
    w = weights(answers())
    for name in ("career_goal", "learning", "remote_work", "difficulty"):
        assert w[INDEX[name]] == 0


def test_tied_ranks_share_the_mean_of_their_centroid_weights() -> None:
    assert roc_weights((1, 2, 2, None)) == (611, 195, 194, 0) or roc_weights((1, 2, 2, None)) == (611, 194, 195, 0)
    assert sum(roc_weights((1, 1, 2, 3, 3))) == 1000


# --- values, on ratio scales -------------------------------------------------------------------------


def test_the_figures_are_scored_in_proportion(catalog: Catalog) -> None:
    result = advise(answers(), catalog)
    assert criterion(result, "mbc", "cost").fit == 1.0
    assert criterion(result, "him", "cost").fit == pytest.approx(10_000 / 16_000, abs=0.006)
    assert criterion(result, "mbc", "time_to_work").fit == 1.0
    # the quickest is the certificate: 9-18 months and the usual 4-6 to a job, 18.5 in the middle
    assert criterion(result, "him", "time_to_work").fit == pytest.approx(18.5 / 24, abs=0.006)
    assert criterion(result, "him", "salary").fit == 1.0
    assert criterion(result, "mbc", "salary").fit == pytest.approx(50_000 / 57_500, abs=0.006)
    assert criterion(result, "him", "job_growth").fit == 1.0
    assert criterion(result, "mbc", "job_growth").fit == pytest.approx(9 / 16, abs=0.006)


def test_default_scores_by_hand(catalog: Catalog) -> None:
    # 25 points each: MBC 25 + 25 + 21.7 + 14.1 = 85.8; HIM 15.6 + 19.3 (18.5/24) + 25 + 25 = 84.9: a 0.9-point
    # lead on the typical figures, which the ranges easily overturn: a toss-up.
    result = advise(answers(), catalog)
    assert (entry(result, "mbc").score, entry(result, "him").score) == (85.8, 84.9)
    assert result.recommendation.margin == 0.9
    assert result.recommendation.confidence == "toss-up"


def test_low_cost_scores_the_actual_cost_with_no_budget_given(catalog: Catalog) -> None:
    result = advise(answers(priority="cost"), catalog)
    assert result.answers["budget_usd"] is None
    assert criterion(result, "mbc", "cost").contribution > criterion(result, "him", "cost").contribution
    assert result.recommendation.program_id == "mbc"


def test_speed_scores_the_months_to_a_first_job_with_the_job_search(catalog: Catalog) -> None:
    result = advise(answers(priority="speed"), catalog)
    mbc = next(p for p in entry(result, "mbc").pathways if p.id == "certificate")
    # 9-18 months, then "usually within four to six months" to a job, read as written: 13-24
    assert (mbc.time_to_work_months.low, mbc.time_to_work_months.high) == (13, 24)
    assert "4-6 months to find a job (the usual; it can come sooner)" in criterion(result, "mbc", "time_to_work").reason


def test_a_score_is_the_exact_sum_of_its_shown_contributions(catalog: Catalog) -> None:
    result = advise(answers(goal="compliance", learning_style="analytical", remote="important", challenge="lighter"),
                    catalog)
    for program in result.ranking:
        assert round(sum(c.contribution for c in program.criteria), 1) == program.score
        assert round(sum(c.weight for c in program.criteria), 1) == 100.0


# --- pathways that fit the person --------------------------------------------------------------------


def test_general_education_comes_before_the_bachelors_clock_for_a_person_without_college(catalog: Catalog) -> None:
    result = advise(answers(goal="management", education="high_school"), catalog)
    bachelor = next(p for p in entry(result, "him").pathways if p.id == "bachelor")
    assert (bachelor.time_to_work_months.low, bachelor.time_to_work_months.high) == (36, 60)
    # some college covers part of the general education: up to a year is left (0-12 months)
    result = advise(answers(goal="management", education="some_college"), catalog)
    bachelor = next(p for p in entry(result, "him").pathways if p.id == "bachelor")
    assert (bachelor.time_to_work_months.low, bachelor.time_to_work_months.high) == (24, 48)
    assert "0-12 months of general-education college courses (what is left if your credits transfer)" in \
        criterion(result, "him", "time_to_work").reason
    # an associate degree covers it: the bachelor's is its own two to three years
    result = advise(answers(goal="management", education="associate"), catalog)
    bachelor = next(p for p in entry(result, "him").pathways if p.id == "bachelor")
    assert (bachelor.time_to_work_months.low, bachelor.time_to_work_months.high) == (24, 36)


def test_a_credential_below_one_held_still_fits_and_the_result_says_why(catalog: Catalog) -> None:
    ranking = ranked(catalog, goal="management", budget_usd=30000, timeline_months=36, education="bachelor")
    him = next(p for p in ranking.programs if p.program.id == "him")
    associate = next(p for p in him.pathways if p.pathway.id == "associate")
    assert associate.fits and not associate.misses and him.best.pathway.id == "bachelor"
    result = advise(answers(goal="informatics", budget_usd=10000, timeline_months=24, education="bachelor"), catalog)
    assert (result.recommendation.program_id, result.recommendation.pathway) == ("him", "associate")
    assert any("below the bachelor's degree you already hold; it can still make sense" in w
               for w in result.warnings)
    assert not any("goal" in c.sentence and "change" in c.sentence for c in result.what_would_change)


def test_nothing_fits_ranks_by_how_far_each_misses(catalog: Catalog) -> None:
    # $0 and 1 month: the certificate misses by $3,000 and 12 months (13 at the quickest), the HIM associate by
    # $7,000 and 23 months. Shortfalls are counted in units of the catalog's largest starting cost ($20,000) and
    # earliest start (24 months): MBC 0.15 + 0.5, HIM 0.35 + 0.96. MBC is nearer, whatever it scores.
    ranking = ranked(catalog, goal="management", budget_usd=0, timeline_months=1)
    assert not ranking.fits
    assert [p.program.id for p in ranking.programs] == ["mbc", "him"]
    assert ranking.programs[0].best.distance == round(1_000_000 * (3000 / 20000 + 12 / 24))
    assert ranking.programs[1].best.distance == round(1_000_000 * (7000 / 20000 + 23 / 24))
    assert ranking.confidence == "none"  # nothing fits: a state of its own, not a toss-up


def test_a_dollar_short_is_still_a_miss_and_budgets_are_whole_dollars(catalog: Catalog) -> None:
    one_short = ranked(catalog, goal="billing", budget_usd=2999)
    assert not one_short.fits and one_short.first.best.distance >= 1
    assert ranked(catalog, goal="billing", budget_usd=2999.5).fits  # shown as $3,000, decided as $3,000
    assert not ranked(catalog, goal="billing", budget_usd=2999.4).fits  # shown as $2,999


def test_equal_pathways_fall_to_the_goals_direct_route_and_the_result_says_so(catalog: Catalog) -> None:
    # Answers found where the two HIM pathways' shown scores meet (79.0 each); the rule under test is the tie-break.
    given = {"goal": "management", "timeline_months": 60, "priority": "salary", "interest": "data_management",
             "strength": "advanced_it", "education": "high_school", "remote": "important", "challenge": "lighter"}
    ranking = ranked(catalog, **given)
    him = next(p for p in ranking.programs if p.program.id == "him")
    scores = {p.pathway.id: p.score for p in him.pathways}
    assert scores["associate"] == scores["bachelor"]
    assert him.best.pathway.id == "bachelor"  # the one management needs
    warnings = advise(answers(**given), catalog).warnings
    assert any("scores the same as the HIM bachelor's degree" in w and "direct route to your goal" in w
               for w in warnings)


def test_an_unknown_cost_never_fits_a_budget(catalog: Catalog) -> None:
    ranking = ranked(catalog, budget_usd=1_000_000)
    mbc = next(p for p in ranking.programs if p.program.id == "mbc")
    associate = next(p for p in mbc.pathways if p.pathway.id == "associate")
    assert associate.misses["budget"].need is None


# --- each limit on a small custom catalog ------------------------------------------------------------


def _custom(mutate: Any) -> Catalog:
    data = raw_catalog()
    mutate(data)
    return validate_catalog(data)


def test_admission_without_a_prerequisite_step_rules_a_pathway_out() -> None:
    def no_step(data: dict[str, Any]) -> None:
        del data["programs"][0]["pathways"][1]["prerequisite"]

    ranking = ranked(_custom(no_step), goal="management", education="high_school", budget_usd=45000)
    him = next(p for p in ranking.programs if p.program.id == "him")
    bachelor = next(p for p in him.pathways if p.pathway.id == "bachelor")
    assert set(bachelor.misses) == {"admission"}
    assert him.best.pathway.id == "associate"


def test_every_pathway_failing_admission_rules_the_program_out() -> None:
    def all_need_college(data: dict[str, Any]) -> None:
        for pathway in data["programs"][0]["pathways"]:
            pathway["min_education"] = "bachelor"
            pathway.pop("prerequisite", None)

    ranking = ranked(_custom(all_need_college), goal="management", education="high_school")
    him = next(p for p in ranking.programs if p.program.id == "him")
    assert not him.fits and all("admission" in p.misses for p in him.pathways)
    assert ranking.first.program.id == "mbc"


def test_budget_and_timeline_each_rule_a_pathway_out_and_together_too(catalog: Catalog) -> None:
    ranking = ranked(catalog, budget_usd=5000, timeline_months=12)
    him = next(p for p in ranking.programs if p.program.id == "him")
    assert set(him.best.misses) == {"budget", "timeline"}
    assert him.best.misses["budget"].short == 2000 and him.best.misses["timeline"].short == 12


# --- confidence --------------------------------------------------------------------------------------


def _twin_catalog(**changes: Any) -> Catalog:
    data = raw_catalog()
    twin = third_program(data, program_id="twin", name="Medical Coding Bootcamp", short_name="MCB")
    twin["outcomes"]["salary_usd"].update(changes)
    data["programs"].append(twin)
    return validate_catalog(data)


def test_an_exact_copy_is_a_tie_and_a_toss_up_whatever_its_id() -> None:
    for twin_id in ("aaa", "zzz"):
        data = raw_catalog()
        data["programs"].append(third_program(data, program_id=twin_id, name="Medical Billing and Coding",
                                              short_name="MBC"))
        ranking = ranked(validate_catalog(data), goal="billing")
        assert ranking.margin == 0 and ranking.confidence == "toss-up"
        assert {p.program.id for p in ranking.programs[:2]} == {"mbc", twin_id}


@pytest.mark.parametrize("fit, win, margin, better, expected", [
    (0.5, 0.8, 10, False, "clear"), (0.49, 0.8, 10, False, "lean"), (0.5, 0.79, 10, False, "lean"),
    (1.0, 1.0, 10, True, "lean"), (1.0, 0.6, 10, False, "lean"), (1.0, 0.59, 300, False, "toss-up"),
    (1.0, 1.0, 0, False, "toss-up"), (0.004, 0.995, None, False, "lean"), (0.5, 0.795, 10, False, "clear"),
])
def test_confidence_is_read_on_the_shown_chances(fit: float, win: float, margin: int | None, better: bool,
                                                 expected: str) -> None:
    # The rule restated: clear from 0.50 fit and 0.80 win (two decimals, as shown), a toss-up under 0.60 win or on
    # a tie of shown scores, a lean between; never clear while a program ruled out would suit the person better.
    assert confidence_of(True, fit, win, margin, better) == expected
    assert confidence_of(False, fit, win, margin, better) == NOTHING_FITS


def test_clear_and_lean_only_for_a_program_that_fits(catalog: Catalog) -> None:
    only = ranked(catalog, goal="informatics", budget_usd=5000, timeline_months=13, learning_style="analytical")
    assert only.first.fits and only.margin is None
    assert only.first.win_chance == 1.0  # the only program that fits in any draw
    assert only.confidence == "lean"  # the only program within the limits, while HIM would suit better
    nothing = ranked(catalog, goal="billing", budget_usd=0)
    assert not nothing.fits and nothing.confidence == "none"


def test_a_third_program_is_scored_with_no_code_change() -> None:
    catalog = _twin_catalog(low=60000, high=70000)
    result = advise(answers(priority="salary"), catalog)
    assert [e.program_id for e in result.ranking][0] == "twin"
    assert len(result.ranking) == 3
    assert all(len(e.criteria) == len(CRITERIA) for e in result.ranking)


# --- each criterion's value and each limit's distance, by hand (what mutation testing found unguarded) ----------

LEARNING_BY_HAND = [
    # learning style, strength -> (HIM, MBC) from the fit tables: analytical HIM 1 / MBC 0, hands-on 0.5 / 1,
    # advanced IT 1 / 0.5, precision 0.5 / 1; a blended style and no strength say nothing.
    ("analytical", None, (1.0, 0.0)),
    ("hands_on", None, (0.5, 1.0)),
    ("blended", "advanced_it", (1.0, 0.5)),
    ("hands_on", "precision", (0.5, 1.0)),
    ("analytical", "precision", (0.75, 0.5)),
    ("blended", None, (None, None)),
]


@pytest.mark.parametrize("style, strength, expected", LEARNING_BY_HAND)
def test_the_learning_criterion_reads_style_and_strength(catalog: Catalog, style: str, strength: str | None,
                                                       expected: tuple[float | None, float | None]) -> None:
    ranking = ranked(catalog, learning_style=style, strength=strength)
    found = {p.program.id: p.best.values[INDEX["learning"]] for p in ranking.programs}
    assert (found["him"], found["mbc"]) == expected


def test_each_fit_criterion_takes_its_own_table(catalog: Catalog) -> None:
    # analytical: HIM 1, MBC 0; remote important: HIM 0.5, MBC 1; lighter: HIM 0, MBC 1 (docs/method.md).
    ranking = ranked(catalog, learning_style="analytical", remote="important", challenge="lighter")
    values = {p.program.id: p.best.values for p in ranking.programs}
    assert [values["him"][INDEX[c]] for c in ("learning", "remote_work", "difficulty")] == [1.0, 0.5, 0.0]
    assert [values["mbc"][INDEX[c]] for c in ("learning", "remote_work", "difficulty")] == [0.0, 1.0, 1.0]


@pytest.mark.parametrize("given, criterion", [
    ({"learning_style": "analytical"}, "learning"), ({"strength": "precision"}, "learning"),
    ({"remote": "important"}, "remote_work"), ({"challenge": "lighter"}, "difficulty"),
    ({"challenge": "demanding"}, "difficulty"), ({"goal": "coding"}, "career_goal"),
    ({"interest": "it_systems"}, "career_goal"),
])
def test_an_answer_with_a_view_brings_its_criterion_in(catalog: Catalog, given: dict[str, Any], criterion: str) -> None:
    assert Scorer(catalog).weights(answers())[INDEX[criterion]] == 0  # the defaults say nothing about it
    assert Scorer(catalog).weights(answers(**given))[INDEX[criterion]] > 0


def test_how_far_a_pathway_misses_is_worked_out_as_documented(catalog: Catalog) -> None:
    # Dollars short over the largest starting cost ($20,000, the HIM bachelor's) plus months short over the latest
    # earliest start (24), plus 1 for each other miss; shown in millionths.
    nothing = ranked(catalog, budget_usd=0, timeline_months=1)
    distance = {p.program.id: p.best.distance for p in nothing.programs}
    assert distance["mbc"] == round(1e6 * (3000 / 20000 + 12 / 24))  # the certificate: $3,000 and 13 months
    assert distance["him"] == round(1e6 * (7000 / 20000 + 23 / 24))  # the associate: $7,000 and 24 months
    holder = ranked(catalog, education="bachelor", budget_usd=10000, timeline_months=24)
    misses = {(p.program.id, s.pathway.id): (s.distance, sorted(s.misses)) for p in holder.programs
              for s in p.pathways}
    assert misses[("him", "bachelor")] == (500_000, ["budget"])  # $10,000 short of $20,000
    assert misses[("mbc", "certificate")] == (0, [])  # below the bachelor's held, and it fits: more never hurts
    assert misses[("mbc", "associate")] == (1_000_000, ["budget"])  # no cost given counts 1


def test_a_pathway_that_no_step_admits_misses_admission(catalog: Catalog) -> None:
    def no_general_education_step(data: dict[str, Any]) -> None:
        del data["programs"][0]["pathways"][1]["prerequisite"]

    data = raw_catalog()
    no_general_education_step(data)
    custom = validate_catalog(data)
    ranking = ranked(custom, education="high_school", goal="management", budget_usd=45000, timeline_months=60)
    bachelor = next(s for p in ranking.programs for s in p.pathways if s.pathway.id == "bachelor")
    assert not bachelor.fits and bachelor.distance == 1_000_000
    (miss,) = bachelor.misses.values()
    assert (miss.limit, miss.need, miss.have) == ("admission", None, None)


def test_a_figure_no_source_gives_scores_nothing(catalog: Catalog) -> None:
    data = raw_catalog()
    data["programs"][1]["outcomes"]["job_growth"]["percent"] = None
    ranking = ranked(validate_catalog(data))
    growth = {p.program.id: p.best.values[INDEX["job_growth"]] for p in ranking.programs}
    assert growth == {"him": 1.0, "mbc": 0.0}


def test_a_scorer_that_has_to_forget_weight_sets_still_scores_as_a_fresh_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Scorer numbers each set of weights it meets and keeps each pathway's figure points under that number;
    past its limit it forgets them all and starts again. With the limit at 3, cycling through more weight sets
    than that (and back) must still give a fresh Scorer's scores."""
    from pathfinder.core import scoring
    from pathfinder.core.questions import QUESTIONS_BY_ID

    monkeypatch.setattr(scoring, "_REMEMBER_WEIGHTS", 3)
    catalog = load_catalog()
    reused = Scorer(catalog)
    priorities = [c.value for c in QUESTIONS_BY_ID["priority"].choices]
    assert len(priorities) > 3
    for _ in range(2):
        for priority in priorities:
            for education in ("high_school", "bachelor"):  # with and without a prerequisite step
                given = answers(priority=priority, education=education, goal="management")
                mine, fresh = reused.rank(given), Scorer(catalog).rank(given)
                assert [(p.program.id, p.best.pathway.id, p.score) for p in mine.programs] == \
                    [(p.program.id, p.best.pathway.id, p.score) for p in fresh.programs]
    assert len(reused._weight_numbers) <= 3

"""Properties of the scorer (hypothesis), with answers generated from the question specs themselves."""

from __future__ import annotations

import copy
import math
from typing import Any

from helpers import raw_catalog, third_program
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathfinder.catalog import validate_catalog
from pathfinder.models import Catalog, Pathway
from pathfinder.results import Result
from pathfinder.questions import EDUCATION_ORDER, QUESTIONS, Question, validate_answers
from pathfinder.scoring import CLEAR_MARGIN, CRITERIA, LEAN_MARGIN, score

# Set per test rather than as a global profile, so other test modules keep their own settings.
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _catalog_with_three() -> Catalog:
    """The shipped programs plus two more: an exact copy of mbc (ties broken by id) and a different one."""
    data = raw_catalog()
    twin = third_program(data, program_id="aaa-coding", name="Coding Twin", short_name="TWIN")
    other = third_program(data, program_id="zz-records", name="Records Academy", short_name="RA")
    other["pathways"][0]["cost_usd"].update(low=6000, high=9000)
    other["pathways"][0]["duration_months"].update(low=14, high=20)
    other["fit"]["goals"].update(management=0.7, informatics=0.9, billing=0.3)
    other["fit"]["learning_styles"].update(analytical=0.8, hands_on=0.6)
    other["outcomes"]["salary_usd"].update(low=45000, high=70000)
    other["outcomes"]["job_growth"]["percent"] = 12
    other["difficulty"]["score"] = 0.6
    other["remote_work"]["score"] = 0.5
    data["programs"] += [twin, other]
    return validate_catalog(data)


SHIPPED = validate_catalog(raw_catalog())
THREE = _catalog_with_three()
CATALOGS = st.sampled_from([SHIPPED, THREE])


def answer_for(question: Question) -> st.SearchStrategy[Any]:
    """Every value the question accepts: its choices, its range (ints and floats), null when nullable."""
    if question.kind == "choice":
        return st.sampled_from([c.value for c in question.choices])
    assert question.minimum is not None and question.maximum is not None
    low, high = question.minimum, question.maximum
    if question.kind == "integer":
        values = st.integers(int(math.ceil(low)), int(math.floor(high)))
    else:
        values = st.one_of(
            st.integers(int(low), int(high)),
            st.floats(low, high, allow_nan=False, allow_infinity=False),
            st.sampled_from([low, high, 2999.99, 3000, 7000, 17000, 25000]).filter(lambda v: low <= v <= high),
        )
    return st.one_of(st.none(), values) if question.nullable else values


ANSWERS = st.fixed_dictionaries({q.id: answer_for(q) for q in QUESTIONS}).map(
    lambda raw: validate_answers(raw, partial=False)
)
BUDGET = next(q for q in QUESTIONS if q.id == "budget_usd")


def _comparable(result: Result) -> dict[str, Any]:
    return result.model_dump(mode="json")


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS)
def test_scores_are_between_0_and_100(answers: dict[str, Any], catalog: Catalog) -> None:
    result = score(answers, catalog)
    assert 0 <= result.recommendation.score <= 100
    assert result.recommendation.score == result.ranking[0].score
    for entry in result.ranking:
        assert 0 <= entry.score <= 100
        for pathway in entry.pathways:
            assert 0 <= pathway.score <= 100
        for criterion in entry.criteria:
            assert 0 <= criterion.fit <= 1
            assert criterion.weight >= 0


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS)
def test_contributions_add_up_to_the_score(answers: dict[str, Any], catalog: Catalog) -> None:
    result = score(answers, catalog)
    for entry in result.ranking:
        assert abs(sum(c.contribution for c in entry.criteria) - entry.score) <= 1e-6, entry.program_id
        for criterion in entry.criteria:
            assert abs(criterion.weight * criterion.fit - criterion.contribution) <= 1e-3, criterion.id
        assert abs(sum(c.weight for c in entry.criteria) - 100) <= 1e-3
        assert [c.id for c in entry.criteria] == [c.id for c in CRITERIA]


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS, data=st.data())
def test_the_order_of_programs_in_the_catalog_does_not_matter(answers: dict[str, Any], catalog: Catalog,
                                                              data: st.DataObject) -> None:
    shuffled = catalog.model_copy(update={"programs": data.draw(st.permutations(catalog.programs))})
    before, after = score(answers, catalog), score(answers, shuffled)
    assert after.recommendation.program_id == before.recommendation.program_id
    assert [(e.program_id, e.score, e.eligible, e.pathway) for e in after.ranking] == [
        (e.program_id, e.score, e.eligible, e.pathway) for e in before.ranking
    ]
    assert _comparable(after) == _comparable(before)


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS, data=st.data())
def test_the_order_of_pathways_in_a_program_does_not_matter(answers: dict[str, Any], catalog: Catalog,
                                                            data: st.DataObject) -> None:
    programs = [p.model_copy(update={"pathways": data.draw(st.permutations(p.pathways))}) for p in catalog.programs]
    shuffled = catalog.model_copy(update={"programs": programs})
    before, after = score(answers, catalog), score(answers, shuffled)
    assert [(e.program_id, e.pathway, e.score) for e in after.ranking] == [
        (e.program_id, e.pathway, e.score) for e in before.ranking
    ]
    assert after.recommendation == before.recommendation


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS, budgets=st.lists(answer_for(BUDGET).filter(lambda b: b is not None),
                                                            min_size=2, max_size=2))
def test_raising_the_budget_never_lowers_any_pathways_affordability(answers: dict[str, Any], catalog: Catalog,
                                                                    budgets: list[float]) -> None:
    low_budget, high_budget = sorted(budgets)
    affordability = next(c for c in CRITERIA if c.id == "affordability")
    poorer = {**answers, "budget_usd": low_budget}
    richer = {**answers, "budget_usd": high_budget}
    for program in catalog.programs:
        for pathway in program.pathways:
            fit_low, _ = affordability.fit(poorer, program, pathway, catalog)
            fit_high, _ = affordability.fit(richer, program, pathway, catalog)
            assert fit_low <= fit_high + 1e-12, (program.id, pathway.id, low_budget, high_budget)
    # The same holds for what the result reports, and a program that fits never stops fitting.
    before, after = score(poorer, catalog), score(richer, catalog)
    after_by_id = {e.program_id: e for e in after.ranking}
    for entry in before.ranking:
        later = after_by_id[entry.program_id]
        assert not (entry.eligible and not later.eligible), entry.program_id
        budget_ok = {c.id: c.ok for c in entry.constraints}.get("budget")
        later_ok = {c.id: c.ok for c in later.constraints}.get("budget")
        assert not (budget_ok and not later_ok), entry.program_id
        if entry.pathway == later.pathway:
            fit = {c.id: c.fit for c in entry.criteria}["affordability"]
            later_fit = {c.id: c.fit for c in later.criteria}["affordability"]
            assert fit <= later_fit, entry.program_id


RANGE_FIGURE = st.one_of(st.none(), st.integers(0, 200_000))


@st.composite
def pathways(draw: st.DrawFn) -> Pathway:
    """Pathways with any cost and extra-cost ranges the catalog accepts."""
    base = copy.deepcopy(raw_catalog()["programs"][1]["pathways"][0])
    for key in ("cost_usd", "extra_costs_usd"):
        low, high = draw(RANGE_FIGURE), draw(RANGE_FIGURE)
        if low is not None and high is not None and low > high:
            low, high = high, low
        base[key].update(low=low, high=high, note="generated")
    return Pathway.model_validate(base)


@PROPERTY
@given(pathway=pathways(), budgets=st.lists(st.floats(0, 1_000_000), min_size=2, max_size=2))
def test_affordability_is_monotone_for_any_cost_range(pathway: Pathway, budgets: list[float]) -> None:
    low_budget, high_budget = sorted(budgets)
    affordability = next(c for c in CRITERIA if c.id == "affordability")
    program = SHIPPED.programs[1]
    fit_low, _ = affordability.fit({"budget_usd": low_budget}, program, pathway, SHIPPED)
    fit_high, _ = affordability.fit({"budget_usd": high_budget}, program, pathway, SHIPPED)
    assert 0 <= fit_low <= fit_high <= 1


def _fits(answers: dict[str, Any], pathway: Pathway) -> bool:
    """The documented rule, worked out independently: lowest known cost with extras within the budget,
    shortest length within the timeline, and the admission level met when education is given."""
    budget = answers["budget_usd"]
    if budget is not None:
        if not pathway.cost_usd.known:
            return False
        extras = pathway.extra_costs_usd
        extra = (extras.low if extras.low is not None else extras.high or 0) if extras is not None else 0
        cost = pathway.cost_usd.low if pathway.cost_usd.low is not None else pathway.cost_usd.high
        if cost + extra > budget:
            return False
    length = pathway.duration_months.low if pathway.duration_months.low is not None else pathway.duration_months.high
    if length > answers["timeline_months"]:
        return False
    education = answers["education"]
    return education is None or EDUCATION_ORDER.index(education) >= EDUCATION_ORDER.index(pathway.min_education)


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS)
def test_programs_that_fit_come_first_then_by_score(answers: dict[str, Any], catalog: Catalog) -> None:
    result = score(answers, catalog)
    for entry in result.ranking:
        program = catalog.program(entry.program_id)
        assert program is not None
        assert entry.eligible == any(_fits(answers, p) for p in program.pathways), entry.program_id
    flags = [e.eligible for e in result.ranking]
    assert flags == sorted(flags, reverse=True), "a program that fits is ranked after one that does not"
    for group in (True, False):
        scores = [e.score for e in result.ranking if e.eligible is group]
        assert scores == sorted(scores, reverse=True)
    if any(flags):
        assert result.ranking[0].eligible
        assert result.recommendation.program_id == result.ranking[0].program_id


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS)
def test_confidence_follows_the_margins(answers: dict[str, Any], catalog: Catalog) -> None:
    result = score(answers, catalog)
    first, second = result.ranking[0], result.ranking[1]
    margin = first.score - second.score
    assert result.recommendation.margin is not None
    assert abs(result.recommendation.margin - margin) <= 1e-6
    if first.eligible and not second.eligible:
        expected = "clear"
    elif margin >= CLEAR_MARGIN:
        expected = "clear"
    elif margin >= LEAN_MARGIN:
        expected = "lean"
    else:
        expected = "toss-up"
    assert result.recommendation.confidence == expected


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS)
def test_the_result_echoes_complete_answers_and_is_deterministic(answers: dict[str, Any], catalog: Catalog) -> None:
    result = score(answers, catalog)
    assert result.answers == answers
    assert set(result.answers) == {q.id for q in QUESTIONS}
    assert _comparable(score(answers, catalog)) == _comparable(result)
    assert result.recommendation.reasons

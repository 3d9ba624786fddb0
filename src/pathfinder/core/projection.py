"""Money and time: cumulative earnings net of school costs, year by year, and a two-step path.

Pure arithmetic on the catalog's ranges; no typer, rich or questionary. Three scenarios each
take every range at the same end: ``low`` is the least money (the longest school, the longest
job search, the highest cost, the lowest salary), ``high`` the most (the shortest, quickest,
cheapest and best paid), ``mid`` the midpoint of every range. Every assumption is returned in
plain words with the figures, so the person can see what the lines rest on.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from pathfinder.core import explain
from pathfinder.core.explain import path_name
from pathfinder.core.limits import DEFAULT_YEARS
from pathfinder.core.pathways import (
    Span,
    job_search_months,
    prerequisite_months,
    school_months,
    total_cost,
    unpriced_extras,
)
from pathfinder.core.programs import Pathway, Program
from pathfinder.core.result import (
    BreakEven,
    ProgramProjection,
    ProjectionYear,
    ScenarioValues,
    StackablePath,
    StackStep,
)
from pathfinder.core.scoring import ProgramScore, Ranking, ScoredPathway

WORK_BEFORE_SECOND_STEP_MONTHS = 12
SCENARIOS = ("low", "mid", "high")
_EPSILON = 1e-6


@dataclass(frozen=True)
class Options:
    """What the person can change: the horizon and part-time earnings while in school."""

    years: int = DEFAULT_YEARS
    part_time_income_usd: float = 0.0


@dataclass(frozen=True)
class CashFlow:
    """One path in one scenario: payments at given months and incomes over spans of months."""

    payments: tuple[tuple[float, float], ...] = ()
    incomes: tuple[tuple[float, float, float], ...] = ()  # (from month, to month, USD a year)

    def net_at(self, month: float) -> float:
        """Cumulative earnings minus costs paid, at ``month`` months after school starts."""
        total = -sum(usd for when, usd in self.payments if when <= month)
        for start, end, per_year in self.incomes:
            span = min(month, end) - start
            if span > 0:
                total += per_year * span / 12
        return total


@dataclass(frozen=True)
class Inputs:
    """The figures one pathway gives in one scenario; None where no source gives them."""

    school_months: float
    job_search_months: float
    cost_usd: float | None
    salary_usd: float | None


@dataclass
class _Path:
    flows: dict[str, CashFlow | None] = field(default_factory=dict)

    def yearly(self, years: int) -> list[ProjectionYear]:
        def at(scenario: str, year: int) -> int | None:
            flow = self.flows.get(scenario)
            return None if flow is None else round(flow.net_at(12 * year))

        return [ProjectionYear(year=y, low=at("low", y), mid=at("mid", y), high=at("high", y))
                for y in range(1, years + 1)]


class _Entry(NamedTuple):
    score: ScoredPathway
    inputs: dict[str, Inputs]
    path: _Path


# --- the figures in each scenario ---------------------------------------------------------


def _spread(span: Span, more_is_better: bool) -> dict[str, float | None]:
    """The low, middle and high scenario's figure from a range: the low scenario takes the worse end."""
    if span.low is None or span.high is None:
        return dict.fromkeys(SCENARIOS)
    worse, better = (span.low, span.high) if more_is_better else (span.high, span.low)
    return {"low": worse, "mid": (span.low + span.high) / 2, "high": better}


def _salary(program: Program) -> Span:
    rng = program.outcomes.salary_usd
    known = [v for v in (rng.low, rng.high) if v is not None]
    return Span(min(known), max(known)) if known else Span(None, None)


def pathway_inputs(program: Program, pathway: Pathway, prerequisite: int = 0) -> dict[str, Inputs]:
    """The months before work starts (any prerequisite step and school), the job search, the cost and the
    salary of each scenario for one pathway."""
    school = school_months(pathway) + prerequisite_months(pathway, prerequisite)
    months = _spread(school, more_is_better=False)
    search = _spread(job_search_months(pathway), more_is_better=False)
    cost = _spread(total_cost(pathway), more_is_better=False)
    salary = _spread(_salary(program), more_is_better=True)
    result = {}
    for s in SCENARIOS:
        in_school = months[s]
        assert in_school is not None  # validated: every pathway has a length
        result[s] = Inputs(in_school, search[s] or 0.0, cost[s], salary[s])
    return result


def _values(inputs: dict[str, Inputs], name: str) -> ScenarioValues:
    return ScenarioValues(**{s: getattr(inputs[s], name) for s in SCENARIOS})


def _one_step(inputs: Inputs, options: Options) -> CashFlow | None:
    if inputs.cost_usd is None or inputs.salary_usd is None:
        return None
    incomes = [(inputs.school_months + inputs.job_search_months, math.inf, inputs.salary_usd)]
    if options.part_time_income_usd > 0:
        incomes.append((0.0, inputs.school_months, options.part_time_income_usd))
    return CashFlow(payments=((0.0, inputs.cost_usd),), incomes=tuple(incomes))


def break_even_year(behind: CashFlow | None, ahead: CashFlow | None, years: int) -> int | None:
    """The first year from which ``behind`` stays at or above ``ahead`` to the end of the horizon; None if never."""
    if behind is None or ahead is None:
        return None
    found: int | None = None
    for year in range(1, years + 1):
        caught_up = behind.net_at(12 * year) >= ahead.net_at(12 * year) - _EPSILON
        if caught_up and found is None:
            found = year
        elif not caught_up:
            found = None
    return found


def _break_even(behind: _Path, ahead: _Path, years: int) -> BreakEven:
    return BreakEven(**{s: break_even_year(behind.flows.get(s), ahead.flows.get(s), years) for s in SCENARIOS})


# --- per program ------------------------------------------------------------------------------


def project(ranking: Ranking, options: Options | None = None) -> tuple[list[ProgramProjection], list[str]]:
    """Each ranked program through the pathway it is scored by, year by year, with the assumptions behind it."""
    options = options or Options()
    entries = []
    for program in ranking.programs:
        best = program.best
        inputs = pathway_inputs(best.program, best.pathway, best.prerequisite)
        entries.append(_Entry(best, inputs, _Path({s: _one_step(inputs[s], options) for s in SCENARIOS})))

    priced = [e for e in entries if e.path.flows["mid"] is not None]
    # The reference is the cheapest path, then the one paid soonest, then by name: never by id or list order.
    reference = min(priced, key=lambda e: (e.inputs["mid"].cost_usd, _first_pay(e.inputs["mid"]),
                                           e.score.program.name_as_written()), default=None)
    projections = []
    for e in entries:
        compared = (reference if reference is not None and reference is not e and e.path.flows["mid"] is not None
                    else None)
        spread = (_break_even(e.path, compared.path, options.years) if compared
                  else BreakEven(low=None, mid=None, high=None))
        notes = []
        if e.path.flows["mid"] is None:
            notes.append(explain.unprojected_note(path_name(e.score.program, e.score.pathway),
                                                  cost_missing=e.inputs["mid"].cost_usd is None))
        shown, pathway = e.score.program, e.score.pathway
        projections.append(ProgramProjection(
            program_id=shown.id, program_name=shown.name, pathway=pathway.id, pathway_name=pathway.name,
            school_months=_values(e.inputs, "school_months"), job_search_months=_values(e.inputs, "job_search_months"),
            cost_usd=_values(e.inputs, "cost_usd"), salary_usd=_values(e.inputs, "salary_usd"),
            years=e.path.yearly(options.years), compared_with=compared.score.program.id if compared else None,
            break_even_year=spread.mid, break_even=spread, notes=notes,
        ))
    return projections, assumptions([e.score for e in entries], options)


def _first_pay(inputs: Inputs) -> float:
    return inputs.school_months + inputs.job_search_months


def assumptions(paths: Sequence[ScoredPathway], options: Options) -> list[str]:
    """Every assumption behind the lines, in plain words, with the figures (core/explain.py words them)."""
    lines = explain.projection_assumptions(options.part_time_income_usd)
    for score in paths:
        lines.extend(explain.projection_pathway_lines(score))
    return lines


# --- the two-step path ------------------------------------------------------------------------


def goal_program(ranking: Ranking) -> Program | None:
    """The one program the person's goal points to most (its goal fit is highest), or None."""
    goal = ranking.answers.get("goal")
    if goal is None:
        return None
    fits = {p.program.id: (p.program.fit.goals[str(goal)].value if str(goal) in p.program.fit.goals else 0.0)
            for p in ranking.programs}
    best = max(fits.values())
    leaders = [p.program for p in ranking.programs if fits[p.program.id] == best]
    return leaders[0] if len(leaders) == 1 and best > 0 else None


def stackable_path(ranking: Ranking, options: Options | None = None) -> tuple[StackablePath | None, list[str]]:
    """When the goal points to a program the budget or timeline rules out now, a first step that leads to it.

    The first step is the program ranked first (it fits, or is the nearest when nothing fits), and it must
    list the goal program under ``stacks_into`` (with a source). Returns the path (or None) and the
    assumptions it adds.
    """
    options = options or Options()
    target = goal_program(ranking)
    first = ranking.first
    if target is None or first.program.id == target.id:
        return None, []
    target_entry = next(p for p in ranking.programs if p.program.id == target.id)
    blocking = [m for m in target_entry.best.misses.values() if m.limit in ("budget", "timeline")]
    if target_entry.fits or not blocking:
        return None, []
    link = next((link for link in first.program.stacks_into if link.program_id == target.id), None)
    second = _second_step(target_entry, ranking.answers.get("goal"))
    if link is None or second is None:
        return None, []

    first_score = first.best
    one = pathway_inputs(first_score.program, first_score.pathway, first_score.prerequisite)
    two = pathway_inputs(target, second.pathway, second.prerequisite)
    stack = _Path()
    alone = _Path({s: _one_step(one[s], options) for s in SCENARIOS})
    starts: dict[str, dict[str, float]] = {"work": {}, "second": {}, "second_end": {}}
    for s in SCENARIOS:
        a, b = one[s], two[s]
        work = a.school_months + a.job_search_months
        begin = work + WORK_BEFORE_SECOND_STEP_MONTHS
        end = begin + b.school_months
        starts["work"][s], starts["second"][s], starts["second_end"][s] = work, begin, end
        if a.cost_usd is None or a.salary_usd is None or b.cost_usd is None or b.salary_usd is None:
            stack.flows[s] = None
            continue
        incomes = [(work, end, a.salary_usd), (end, math.inf, b.salary_usd)]
        if options.part_time_income_usd > 0:
            incomes.append((0.0, a.school_months, options.part_time_income_usd))
        stack.flows[s] = CashFlow(payments=((0.0, a.cost_usd), (begin, b.cost_usd)), incomes=tuple(incomes))

    spread = _break_even(stack, alone, options.years)
    first_name = path_name(first_score.program, first_score.pathway)
    second_name = path_name(target, second.pathway)
    reason = explain.two_step_reason(ranking.answers.get("goal"), target, target_entry.best,
                                     first.program.short_name, link.note)
    working = ScenarioValues(**starts["work"])
    school_one = school_months(first_score.pathway)
    school_two = school_months(second.pathway)
    steps = [
        StackStep(
            program_id=first.program.id, pathway=first_score.pathway.id, pathway_name=first_score.pathway.name,
            starts_month=ScenarioValues(low=0, mid=0, high=0), ends_month=_values(one, "school_months"),
            summary=explain.first_step_summary(first_name, school_one, first_score.cost, working),
        ),
        StackStep(
            program_id=target.id, pathway=second.pathway.id, pathway_name=second.pathway.name,
            starts_month=ScenarioValues(**starts["second"]), ends_month=ScenarioValues(**starts["second_end"]),
            summary=explain.second_step_summary(
                second_name, school_two, second.cost, starts["second_end"]["low"], starts["second_end"]["high"],
                second.pathway.prerequisite.name.lower() if second.pathway.prerequisite is not None else None,
                prerequisite_months(second.pathway, second.prerequisite), unpriced_extras(second.pathway)),
        ),
    ]
    notes = [explain.two_step_compared(first.program.short_name)]
    extra = explain.two_step_assumptions(second_name, first.program.short_name, target.short_name, school_two,
                                         WORK_BEFORE_SECOND_STEP_MONTHS)
    path = StackablePath(
        goal_program_id=target.id, first_program_id=first.program.id, reason=reason, source=link.source, steps=steps,
        years=stack.yearly(options.years), compared_with=first.program.id, break_even_year=spread.mid,
        break_even=spread, notes=notes,
    )
    return path, extra


def _second_step(entry: ProgramScore, goal: object) -> ScoredPathway | None:
    """The goal program's pathway for the second step: one the person could be admitted to, the goal's direct
    route first (a bachelor's for management), then in ranking order."""
    open_ = [p for p in entry.pathways if "admission" not in p.misses and "level" not in p.misses]
    return next((p for p in open_ if goal in p.pathway.goals), open_[0] if open_ else None)

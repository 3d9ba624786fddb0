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

from pathfinder.factsheet import cite, money, money_span, month_range
from pathfinder.formats import span
from pathfinder.models import Catalog, Pathway, Program
from pathfinder.results import (
    BreakEven,
    ProgramProjection,
    ProjectionYear,
    RankedProgram,
    Result,
    ScenarioValues,
    StackablePath,
    StackStep,
)
from pathfinder.questions import QUESTIONS_BY_ID
from pathfinder.scoring import pathway_problems, total_cost

DEFAULT_YEARS = 10
MAX_YEARS = 40
MAX_PART_TIME_INCOME_USD = 1_000_000
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

        return [ProjectionYear(year=y, low=at("low", y), mid=at("mid", y), high=at("high", y)) for y in range(1, years + 1)]


class _Entry(NamedTuple):
    program_id: str
    program: Program
    pathway: Pathway
    inputs: dict[str, Inputs]
    path: _Path


# --- the figures in each scenario ---------------------------------------------------------


def _ends(low: float | None, high: float | None) -> tuple[float, float] | None:
    known = [v for v in (low, high) if v is not None]
    return (min(known), max(known)) if known else None


def _spread(ends: tuple[float, float] | None, more_is_better: bool) -> dict[str, float | None]:
    """The low, middle and high scenario's figure from a range: the low scenario takes the worse end."""
    if ends is None:
        return dict.fromkeys(SCENARIOS)
    least, most = ends
    worse, better = (least, most) if more_is_better else (most, least)
    return {"low": worse, "mid": (least + most) / 2, "high": better}


def pathway_inputs(program: Program, pathway: Pathway) -> dict[str, Inputs]:
    """The school length, job search, cost and salary of each scenario for one pathway."""
    school = _spread(_ends(pathway.duration_months.low, pathway.duration_months.high), more_is_better=False)
    search_range = program.outcomes.months_to_first_job
    search = _spread(_ends(search_range.low, search_range.high) if search_range else None, more_is_better=False)
    cost = _spread(_ends(*total_cost(pathway)), more_is_better=False)
    salary = _spread(_ends(program.outcomes.salary_usd.low, program.outcomes.salary_usd.high), more_is_better=True)
    result = {}
    for s in SCENARIOS:
        months = school[s]
        assert months is not None  # validated: every pathway has a length
        result[s] = Inputs(months, search[s] or 0.0, cost[s], salary[s])
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


def _pathway_of(catalog: Catalog, entry: RankedProgram) -> tuple[Program, Pathway]:
    program = catalog.program(entry.program_id)
    assert program is not None
    return program, next(p for p in program.pathways if p.id == entry.pathway)


def project(result: Result, catalog: Catalog, options: Options | None = None) -> tuple[list[ProgramProjection], list[str]]:
    """Each ranked program's best-fitting pathway, year by year, with the assumptions behind it."""
    options = options or Options()
    entries = []
    for entry in result.ranking:
        program, pathway = _pathway_of(catalog, entry)
        inputs = pathway_inputs(program, pathway)
        entries.append(_Entry(entry.program_id, program, pathway, inputs,
                              _Path({s: _one_step(inputs[s], options) for s in SCENARIOS})))

    priced = [e for e in entries if e.path.flows["mid"] is not None]
    reference = min(priced, key=lambda e: (e.inputs["mid"].cost_usd, _first_pay(e.inputs["mid"]), e.program_id), default=None)
    projections = []
    for e in entries:
        compared = reference if reference is not None and reference is not e and e.path.flows["mid"] is not None else None
        spread = _break_even(e.path, compared.path, options.years) if compared else BreakEven(low=None, mid=None, high=None)
        notes = []
        if e.path.flows["mid"] is None:
            missing = "cost" if e.inputs["mid"].cost_usd is None else "salary"
            notes.append(f"No source gives the {missing} of the {e.program.short_name} {e.pathway.name}, "
                         "so its earnings cannot be projected.")
        projections.append(ProgramProjection(
            program_id=e.program_id, program_name=e.program.name, pathway=e.pathway.id, pathway_name=e.pathway.name,
            school_months=_values(e.inputs, "school_months"), job_search_months=_values(e.inputs, "job_search_months"),
            cost_usd=_values(e.inputs, "cost_usd"), salary_usd=_values(e.inputs, "salary_usd"),
            years=e.path.yearly(options.years), compared_with=compared.program_id if compared else None,
            break_even_year=spread.mid, break_even=spread, notes=notes,
        ))
    return projections, assumptions([(e.program, e.pathway) for e in entries], options)


def _first_pay(inputs: Inputs) -> float:
    return inputs.school_months + inputs.job_search_months


def assumptions(paths: Sequence[tuple[Program, Pathway]], options: Options) -> list[str]:
    """Every assumption behind the lines, in plain words, with the figures and their sources."""
    lines = [
        "Years are counted from the day school starts; each figure is the running total at the end of that year.",
        "Low, middle and high take every range at the same end. Low: the longest school, the longest job search, "
        "the highest cost and the lowest salary. High: the shortest, quickest, cheapest and best paid. "
        "Middle: the midpoint of each range.",
        "The whole cost (tuition plus extras) is paid up front, when school starts: no loans, interest, grants or financial aid.",
        "Pay is the early-career salary range, the same every year of the horizon: no raises, promotions or inflation, "
        "before tax, full-time from the first month of the first job, with no gaps.",
        "Living costs are left out: they are the same whichever path you take, so they would lower every line by the "
        "same amount and change neither the order nor the break-even year.",
    ]
    if options.part_time_income_usd > 0:
        lines.append(f"While in school you earn {money(options.part_time_income_usd)} a year from part-time work "
                     "(--part-time-income); nothing while looking for the first job.")
    else:
        lines.append("No earnings while in school or while looking for the first job "
                     "(--part-time-income adds part-time earnings while in school).")
    lines.append("Each program is projected through the pathway that fits you best (the ranking's pathway).")
    seen: set[str] = set()
    known_search = [p.short_name for p, _ in paths if _search_known(p)]
    for program, pathway in paths:
        if program.id not in seen:
            seen.add(program.id)
            lines.append(_search_line(program, known_search))
        lines.extend(_pathway_lines(program, pathway))
    return lines


def _search_known(program: Program) -> bool:
    rng = program.outcomes.months_to_first_job
    return rng is not None and rng.known


def _search_line(program: Program, known_elsewhere: list[str]) -> str:
    rng = program.outcomes.months_to_first_job
    if rng is not None and rng.known:
        low, high = _ends(rng.low, rng.high) or (0.0, 0.0)
        span = f"{low:g}" if low == high else f"{low:g}-{high:g}"
        return f"{program.short_name}: the first job comes {span} months after school ends ({cite(rng.source)})."
    others = [name for name in known_elsewhere if name != program.short_name]
    carried = f"; the {', '.join(others)} figure is not carried over to it" if others else ""
    return (f"{program.short_name}: no source gives how long the job search takes, so none is counted and pay starts "
            f"the month school ends{carried}. This flatters {program.short_name}.")


def _pathway_lines(program: Program, pathway: Pathway) -> list[str]:
    lines = []
    low, high = total_cost(pathway)
    if low is None or high is None:
        lines.append(f"{program.short_name} {pathway.name}: no source gives its cost, so it is not projected.")
        return lines
    source = cite(pathway.cost_usd.source)
    extras = pathway.extra_costs_usd
    if extras is not None and extras.known:
        lines.append(f"{program.short_name} {pathway.name}: {money_span(pathway.cost_usd.floor, pathway.cost_usd.ceiling)} "
                     f"tuition plus {money_span(extras.floor, extras.ceiling)} extras ({source}), "
                     f"{money_span(low, high)} in all, over {month_range(pathway.duration_months)}.")
    else:
        lines.append(f"{program.short_name} {pathway.name}: {money_span(low, high)} tuition ({source}) over {month_range(pathway.duration_months)}; "
                     "no source gives a figure for books, fees and exams, so none is counted. This flatters it.")
    salary = program.outcomes.salary_usd
    lines.append(f"{program.short_name} early-career pay: {money_span(salary.low, salary.high)} a year ({cite(salary.source)}).")
    return lines


# --- the two-step path ------------------------------------------------------------------------


def goal_program(result: Result, catalog: Catalog) -> Program | None:
    """The one program the person's goal points to most (its fit tag is highest), or None."""
    goal = result.answers.get("goal")
    if goal is None:
        return None
    tags = {p.id: p.fit.goals.get(str(goal), 0.0) for p in catalog.programs}
    best = max(tags.values())
    leaders = [pid for pid, value in tags.items() if value == best]
    return catalog.program(leaders[0]) if len(leaders) == 1 and best > 0 else None


def stackable_path(result: Result, catalog: Catalog, options: Options | None = None) -> tuple[StackablePath | None, list[str]]:
    """When the goal points to a program the budget or timeline rules out now, a first step that leads to it.

    Needs the recommended program to list the goal program under ``stacks_into`` (with a source).
    Returns the path (or None) and the assumptions it adds.
    """
    options = options or Options()
    target = goal_program(result, catalog)
    first = result.ranking[0]
    if target is None or first.program_id == target.id or not first.eligible:
        return None, []
    target_entry = next(e for e in result.ranking if e.program_id == target.id)
    blocking = [c for c in target_entry.constraints if not c.ok and c.id in ("budget", "timeline", "combined")]
    if target_entry.eligible or not blocking:
        return None, []
    first_program, first_pathway = _pathway_of(catalog, first)
    link = next((link for link in first_program.stacks_into if link.program_id == target.id), None)
    second_pathway = _second_step(result, target, target_entry)
    if link is None or second_pathway is None:
        return None, []

    one = pathway_inputs(first_program, first_pathway)
    two = pathway_inputs(target, second_pathway)
    stack = _Path()
    alone = _Path({s: _one_step(one[s], options) for s in SCENARIOS})
    starts: dict[str, dict[str, float]] = {"work": {}, "second": {}, "second_end": {}}
    for s in SCENARIOS:
        a, b = one[s], two[s]
        work = a.school_months + a.job_search_months
        second = work + WORK_BEFORE_SECOND_STEP_MONTHS
        second_end = second + b.school_months
        starts["work"][s], starts["second"][s], starts["second_end"][s] = work, second, second_end
        if None in (a.cost_usd, a.salary_usd, b.cost_usd, b.salary_usd):
            stack.flows[s] = None
            continue
        assert a.cost_usd is not None and a.salary_usd is not None and b.cost_usd is not None and b.salary_usd is not None
        incomes = [(work, second_end, a.salary_usd), (second_end, math.inf, b.salary_usd)]
        if options.part_time_income_usd > 0:
            incomes.append((0.0, a.school_months, options.part_time_income_usd))
        stack.flows[s] = CashFlow(payments=((0.0, a.cost_usd), (second, b.cost_usd)), incomes=tuple(incomes))

    spread = _break_even(stack, alone, options.years)
    goal_label = QUESTIONS_BY_ID["goal"].label_for(result.answers.get("goal"))
    limits = " ".join(c.message for c in blocking)
    reason = (f"Your goal ({goal_label}) points to {target.name}, but it does not fit your limits now: {limits} "
              f"A first step in {first_program.short_name} can lead there: {link.note} ({cite(link.source)})")
    school_one = month_range(first_pathway.duration_months)
    work = ScenarioValues(**starts["work"])
    steps = [
        StackStep(
            program_id=first_program.id, pathway=first_pathway.id, pathway_name=first_pathway.name,
            starts_month=ScenarioValues(low=0, mid=0, high=0), ends_month=_values(one, "school_months"),
            summary=(f"Now: the {first_program.short_name} {first_pathway.name} ({school_one}, "
                     f"{span(*total_cost(first_pathway), 'usd')}); working in the field "
                     f"{span(work.low, work.high)} months from now."),
        ),
        StackStep(
            program_id=target.id, pathway=second_pathway.id, pathway_name=second_pathway.name,
            starts_month=ScenarioValues(**starts["second"]), ends_month=ScenarioValues(**starts["second_end"]),
            summary=(f"After a year in that job: the {target.short_name} {second_pathway.name} ({month_range(second_pathway.duration_months)}, "
                     f"{span(*total_cost(second_pathway), 'usd')}), studied part-time while you keep working, "
                     f"done {span(starts['second_end']['low'], starts['second_end']['high'])} months from now."),
        ),
    ]
    notes = [
        f"Compared with staying in {first_program.short_name} after the first step.",
    ]
    extra = [
        f"Two-step path: the second step starts after {WORK_BEFORE_SECOND_STEP_MONTHS} months in the first job.",
        f"Two-step path: the {target.short_name} {second_pathway.name} is studied part-time alongside the "
        f"{first_program.short_name} job and takes its listed length ({month_range(second_pathway.duration_months)}); "
        "no source gives a part-time length, so it may take longer.",
        "Two-step path: its cost is paid when it starts; no credit from the first step is counted toward it "
        "(no source says credits transfer).",
        f"Two-step path: {target.short_name} pay starts the month the second step ends, with no job search, "
        "since you are already working in the field.",
    ]
    path = StackablePath(
        goal_program_id=target.id, first_program_id=first_program.id, reason=reason, source=link.source, steps=steps,
        years=stack.yearly(options.years), compared_with=first_program.id, break_even_year=spread.mid,
        break_even=spread, notes=notes,
    )
    return path, extra


def _second_step(result: Result, target: Program, entry: RankedProgram) -> Pathway | None:
    """The goal program's best-ranked pathway that the person could be admitted to."""
    order = [p.id for p in entry.pathways]
    for pathway_id in order:
        pathway = next(p for p in target.pathways if p.id == pathway_id)
        if "admission" not in pathway_problems(result.answers, pathway):
            return pathway
    return None

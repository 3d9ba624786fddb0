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

from pathfinder.core import wording
from pathfinder.core.explain import label, path_name
from pathfinder.core.pathways import Span, job_search_months, prerequisite_months, school_months, total_cost
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
from pathfinder.i18n import _, ngettext

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
            missing = (_("No source gives the cost of {pathway}, so its earnings cannot be projected.")
                       if e.inputs["mid"].cost_usd is None
                       else _("No source gives the salary of {pathway}, so its earnings cannot be projected."))
            notes.append(missing.format(pathway=path_name(e.score.program, e.score.pathway)))
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
    """Every assumption behind the lines, in plain words, with the figures."""
    lines = [
        _("Years are counted from today; each figure is the running total at the end of that year."),
        _("Low, middle and high take every range at the same end. Low: the longest school, the longest job search, "
          "the highest cost and the lowest salary. High: the shortest, quickest, cheapest and best paid. "
          "Middle: the midpoint of each range."),
        _("The whole cost (tuition plus extras) is paid up front, when school starts: no loans, interest, grants or "
          "financial aid."),
        _("Pay is the early-career salary range, the same every year of the horizon: no raises, promotions or "
          "inflation, before tax, full-time from the first month of the first job, with no gaps."),
        _("Living costs are left out: they are the same whichever path you take, so they would lower every line by "
          "the same amount and change neither the order nor the break-even year."),
    ]
    if options.part_time_income_usd > 0:
        lines.append(_("While in school you earn {income} a year from part-time work; nothing while looking for the "
                       "first job.").format(income=wording.money(options.part_time_income_usd)))
    else:
        lines.append(_("No earnings while in school or while looking for the first job."))
    for score in paths:
        lines.extend(_pathway_lines(score))
    return lines


def _pathway_lines(score: ScoredPathway) -> list[str]:
    program, pathway = score.program, score.pathway
    name = path_name(program, pathway)
    lines = []
    cost = total_cost(pathway)
    extras = pathway.extra_costs_usd
    school = school_months(pathway)
    capital = f"{name[0].upper()}{name[1:]}"
    if cost.low is None:
        lines.append(_("{pathway}: no source gives its cost, so it is not projected.").format(pathway=capital))
    elif extras is not None and extras.known:
        lines.append(_("{pathway}: {tuition} tuition plus {extras} for books and fees, {cost} in all, over "
                       "{months}.").format(
            pathway=capital, tuition=wording.money_span(pathway.cost_usd.floor, pathway.cost_usd.ceiling),
            extras=wording.money_span(extras.floor, extras.ceiling), cost=wording.money_span(cost.low, cost.high),
            months=wording.month_span(school.low, school.high)))
    else:
        lines.append(_("{pathway}: {cost} tuition over {months}; no source gives a figure for books, fees and "
                       "exams, so none is counted. This flatters it.").format(
            pathway=capital, cost=wording.money_span(cost.low, cost.high),
            months=wording.month_span(school.low, school.high)))
    if score.prerequisite and pathway.prerequisite is not None:
        pre = prerequisite_months(pathway, score.prerequisite)
        lines.append(_("Before {pathway}: {months} of {step} (a judgement: no source gives the time), with no cost "
                       "counted for them.").format(pathway=name, months=wording.month_span(pre.low, pre.high),
                                                  step=pathway.prerequisite.name.lower()))
    rng = pathway.job_search_months
    if rng is not None and rng.known:
        search = job_search_months(pathway)
        if search.low:
            lines.append(_("After {pathway}: the first job comes {months} after school ends (the usual search; it "
                           "can come sooner).").format(pathway=name,
                                                       months=wording.month_span(search.low, search.high)))
        else:
            lines.append(_("After {pathway}: the first job comes within {months} after school ends.").format(
                pathway=name, months=wording.months(search.high)))
    else:
        lines.append(_("After {pathway}: no source gives how long the job search takes, so none is counted and pay "
                       "starts the month school ends. This flatters it.").format(pathway=name))
    salary = program.outcomes.salary_usd
    lines.append(_("{program} early-career pay: {pay} a year.").format(
        program=program.short_name, pay=wording.money_span(salary.low, salary.high)))
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
    from pathfinder.core.explain import misses_sentence

    first_name = path_name(first_score.program, first_score.pathway)
    second_name = path_name(target, second.pathway)
    reason = _("Your goal ({answer}) points to {program}, but it does not fit your limits now. {misses} A first step "
               "in {first} can lead there: {note}").format(
        answer=label("goal", ranking.answers.get("goal")), program=target.name,
        misses=misses_sentence(target_entry.best), first=first.program.short_name, note=link.note)
    working = ScenarioValues(**starts["work"])
    school_one = school_months(first_score.pathway)
    school_two = school_months(second.pathway)
    steps = [
        StackStep(
            program_id=first.program.id, pathway=first_score.pathway.id, pathway_name=first_score.pathway.name,
            starts_month=ScenarioValues(low=0, mid=0, high=0), ends_month=_values(one, "school_months"),
            summary=_("Now: {pathway} ({months}, {cost}); working in the field {working} from now.").format(
                pathway=first_name, months=wording.month_span(school_one.low, school_one.high),
                cost=wording.money_span(first_score.cost.low, first_score.cost.high),
                working=wording.span(working.low, working.high, "months")),
        ),
        StackStep(
            program_id=target.id, pathway=second.pathway.id, pathway_name=second.pathway.name,
            starts_month=ScenarioValues(**starts["second"]), ends_month=ScenarioValues(**starts["second_end"]),
            summary=_("After a year in that job: {pathway} ({months}, {cost}), studied part-time while you keep "
                      "working, done {done} from now.").format(
                pathway=second_name, months=wording.month_span(school_two.low, school_two.high),
                cost=wording.money_span(second.cost.low, second.cost.high),
                done=wording.span(starts["second_end"]["low"], starts["second_end"]["high"], "months")),
        ),
    ]
    notes = [_("Compared with staying in {program} after the first step.").format(program=first.program.short_name)]
    extra = [
        ngettext("Two-step path: the second step starts after {count} month in the first job.",
                 "Two-step path: the second step starts after {count} months in the first job.",
                 WORK_BEFORE_SECOND_STEP_MONTHS).format(count=WORK_BEFORE_SECOND_STEP_MONTHS),
        _("Two-step path: {pathway} is studied part-time alongside the {program} job and takes its listed length "
          "({months}); no source gives a part-time length, so it may take longer.").format(
            pathway=second_name, program=first.program.short_name,
            months=wording.month_span(school_two.low, school_two.high)),
        _("Two-step path: its cost is paid when it starts; no credit from the first step is counted toward it "
          "(no source says credits transfer)."),
        _("Two-step path: {program} pay starts the month the second step ends, with no job search, since you are "
          "already working in the field.").format(program=target.short_name),
    ]
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

"""Score answers against a catalog: pure and deterministic, generic over the programs.

Each program is scored through each of its pathways; the best-fitting pathway gives the
program's score. A score is the sum of its criteria contributions, ``weight * fit``, where
the weights add up to 100 and each fit is in 0-1, so a score is in 0-100.

Neutral defaults: every criterion gives the same fit to every program when its question
is left at the default, so unanswered questions never tip the result.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pathfinder.models import (
    Catalog,
    Constraint,
    CriterionScore,
    PathwayScore,
    Pathway,
    Program,
    RankedProgram,
    Recommendation,
    Result,
)
from pathfinder.questions import EDUCATION_ORDER, QUESTIONS_BY_ID, Answer

NEUTRAL = 0.5
CLEAR_MARGIN = 10.0
LEAN_MARGIN = 4.0
PRIORITY_BOOST = 20.0
PATHWAY_GOAL_DISCOUNT = 0.8  # a pathway's goal fit when another pathway of the program lists the goal

Answers = Mapping[str, Answer]


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    base_weight: float
    priorities: tuple[str, ...]
    fit: Callable[[Answers, Program, Pathway, Catalog], tuple[float, str]]
    per_pathway: bool = False  # False: the fit is the same for every pathway of a program


def money(value: float | None) -> str:
    return "unknown" if value is None else f"${value:,.0f}"


def months(value: float | None) -> str:
    return "unknown" if value is None else f"{value:g} months"


def total_cost(pathway: Pathway) -> tuple[float | None, float | None]:
    """Tuition plus extra costs, low and high; None where no source gives tuition."""
    if not pathway.cost_usd.known:
        return None, None
    extra_low = extra_high = 0.0
    if pathway.extra_costs_usd is not None:
        extra_low = pathway.extra_costs_usd.floor or 0.0
        extra_high = pathway.extra_costs_usd.ceiling or 0.0
    low, high = pathway.cost_usd.floor, pathway.cost_usd.ceiling
    assert low is not None and high is not None
    return low + extra_low, high + extra_high


def shortest_months(pathway: Pathway) -> float:
    value = pathway.duration_months.floor
    assert value is not None  # validated: a duration has at least one figure
    return value


# --- criteria ----------------------------------------------------------------------


def _affordability(answers: Answers, program: Program, pathway: Pathway, catalog: Catalog) -> tuple[float, str]:
    budget = answers.get("budget_usd")
    low, high = total_cost(pathway)
    if budget is None:
        return NEUTRAL, "You are not sure of your budget, so cost does not separate the programs."
    assert isinstance(budget, int | float)
    if low is None or high is None:
        return 0.0, f"No source gives a cost for the {pathway.name}, so it cannot be shown to fit your budget of {money(budget)}."
    if budget >= high:
        return 1.0, f"Your budget of {money(budget)} covers even the top of the {pathway.name} range ({money(high)})."
    if budget >= low:
        share = (budget - low) / (high - low) if high > low else 1.0
        return 0.6 + 0.4 * share, (
            f"Your budget of {money(budget)} covers the low end of the {pathway.name} ({money(low)}) "
            f"but not the top ({money(high)})."
        )
    return 0.6 * budget / low, f"The {pathway.name} starts at {money(low)}, {money(low - budget)} above your budget of {money(budget)}."


def _time_to_work(answers: Answers, program: Program, pathway: Pathway, catalog: Catalog) -> tuple[float, str]:
    timeline = answers.get("timeline_months")
    length = shortest_months(pathway)
    assert isinstance(timeline, int | float)
    if length <= timeline:
        return 1.0, f"The {pathway.name} can be done in {months(length)}, within your {months(timeline)}."
    over = length - timeline
    return max(0.0, 1.0 - over / length), f"The {pathway.name} takes at least {months(length)}, {months(over)} more than your {months(timeline)}."


def _tag_fit(question_id: str, tags_of: Callable[[Program], Mapping[str, float]], what: str) -> Callable[..., tuple[float, str]]:
    def fit(answers: Answers, program: Program, pathway: Pathway, catalog: Catalog) -> tuple[float, str]:
        value = answers.get(question_id)
        question = QUESTIONS_BY_ID[question_id]
        if value is None or value == question.default:
            return NEUTRAL, f"You left {what} open, so it does not separate the programs."
        score = float(tags_of(program).get(str(value), 0.0))
        label = question.label_for(value).lower()
        strength = "strongly" if score >= 0.8 else "partly" if score >= 0.45 else "weakly"
        return score, f"{program.short_name} serves your {what} ({label}) {strength}."

    return fit


def _remote(answers: Answers, program: Program, pathway: Pathway, catalog: Catalog) -> tuple[float, str]:
    wish = answers.get("remote")
    rated = program.remote_work
    if wish == "important":
        return rated.score, f"Remote work matters to you; in {program.short_name} it is {rated.level}."
    if wish == "nice_to_have":
        return 0.5 + rated.score / 2, f"Remote work would be nice for you; in {program.short_name} it is {rated.level}."
    return 1.0, "You have no preference about remote work."


def _difficulty(answers: Answers, program: Program, pathway: Pathway, catalog: Catalog) -> tuple[float, str]:
    wish = answers.get("challenge")
    rated = program.difficulty
    if wish == "lighter":
        return 1.0 - rated.score, f"You want a lighter program; {program.short_name}'s difficulty is {rated.level}."
    if wish == "demanding":
        return rated.score, f"You want a demanding program; {program.short_name}'s difficulty is {rated.level}."
    return 1.0, "Either level of difficulty suits you."


def _relative(value: float | None, values: list[float]) -> float:
    """0.5-1 by where a figure stands between the catalog's lowest and highest."""
    if value is None or not values:
        return NEUTRAL
    low, high = min(values), max(values)
    return 1.0 if high == low else 0.5 + 0.5 * (value - low) / (high - low)


def _outlook(answers: Answers, program: Program, pathway: Pathway, catalog: Catalog) -> tuple[float, str]:
    priority = answers.get("priority")
    outcomes = program.outcomes
    if priority == "job_growth":
        growth = outcomes.job_growth.percent
        values = [p.outcomes.job_growth.percent for p in catalog.programs if p.outcomes.job_growth.percent is not None]
        shown = "unknown" if growth is None else f"{growth:g}% ({outcomes.job_growth.period or 'no period given'})"
        return _relative(growth, values), f"Job growth matters most to you; {program.short_name} is projected at {shown}."
    salary = _midpoint(program)
    values = [m for m in (_midpoint(p) for p in catalog.programs) if m is not None]
    rng = outcomes.salary_usd
    shown = f"{money(rng.low)}-{money(rng.high)}"
    if priority == "salary":
        return _relative(salary, values), f"Salary matters most to you; {program.short_name} starts around {shown} a year."
    return _relative(salary, values), f"Not weighed: you did not pick salary or job growth as what matters most ({program.short_name}: {shown})."


def _midpoint(program: Program) -> float | None:
    rng = program.outcomes.salary_usd
    if rng.low is None or rng.high is None:
        return rng.floor
    return (rng.low + rng.high) / 2


_goal_tags = _tag_fit("goal", lambda p: p.fit.goals, "career goal")


def _career_goal(answers: Answers, program: Program, pathway: Pathway, catalog: Catalog) -> tuple[float, str]:
    """The program's goal tag, less where a sibling pathway serves the goal more directly (its ``goals``)."""
    fit, reason = _goal_tags(answers, program, pathway, catalog)
    goal = answers.get("goal")
    if goal is None or goal in pathway.goals:
        return fit, reason
    direct = next((p for p in program.pathways if goal in p.goals), None)
    if direct is None:
        return fit, reason
    return fit * PATHWAY_GOAL_DISCOUNT, f"{reason} The {direct.name} serves it more directly than the {pathway.name}."


CRITERIA: tuple[Criterion, ...] = (
    Criterion("affordability", "Affordability", 15, ("cost",), _affordability, per_pathway=True),
    Criterion("time_to_work", "Time to work", 15, ("speed",), _time_to_work, per_pathway=True),
    Criterion("career_goal", "Career goal", 20, (), _career_goal, per_pathway=True),
    Criterion("interests", "Interests", 12, (), _tag_fit("interest", lambda p: p.fit.interests, "interest")),
    Criterion("learning_style", "Learning style", 10, (), _tag_fit("learning_style", lambda p: p.fit.learning_styles, "learning style")),
    Criterion("strengths", "Strengths", 10, (), _tag_fit("strength", lambda p: p.fit.strengths, "strength")),
    Criterion("remote_work", "Remote work", 9, (), _remote),
    Criterion("difficulty", "Difficulty", 9, (), _difficulty),
    Criterion("salary_growth", "Salary and growth", 0, ("salary", "job_growth"), _outlook),
)


def weights(answers: Answers) -> dict[str, float]:
    """Default weights, with the person's top priority boosted, scaled to add up to 100."""
    priority = answers.get("priority")
    raw = {c.id: c.base_weight + (PRIORITY_BOOST if priority in c.priorities else 0.0) for c in CRITERIA}
    return _scaled(raw)


def _scaled(raw: Mapping[str, float]) -> dict[str, float]:
    total = sum(raw.values())
    return {c.id: 100.0 * raw.get(c.id, 0.0) / total for c in CRITERIA}


# --- constraints ---------------------------------------------------------------------


def pathway_problems(answers: Answers, pathway: Pathway) -> dict[str, str]:
    problems: dict[str, str] = {}
    budget = answers.get("budget_usd")
    if budget is not None:
        assert isinstance(budget, int | float)
        low, _ = total_cost(pathway)
        if low is None:
            problems["budget"] = f"{pathway.name}: no source gives its cost"
        elif low > budget:
            problems["budget"] = f"{pathway.name}: from {money(low)}, {money(low - budget)} over your budget"
    timeline = answers.get("timeline_months")
    assert isinstance(timeline, int | float)
    length = shortest_months(pathway)
    if length > timeline:
        problems["timeline"] = f"{pathway.name}: at least {months(length)}, {months(length - timeline)} over your timeline"
    education = answers.get("education")
    if education is not None and EDUCATION_ORDER.index(str(education)) < EDUCATION_ORDER.index(pathway.min_education):
        problems["admission"] = f"{pathway.name}: admission expects {pathway.min_education.replace('_', ' ')}"
    return problems


def _constraints(answers: Answers, program: Program, problems: dict[str, dict[str, str]]) -> list[Constraint]:
    """One line per limit: does any pathway pass it, and if not, by how much the nearest misses."""
    result: list[Constraint] = []
    budget = answers.get("budget_usd")
    if budget is not None:
        assert isinstance(budget, int | float)
        costs = [c for c in (total_cost(p)[0] for p in program.pathways) if c is not None]
        if costs and min(costs) <= budget:
            result.append(Constraint(id="budget", ok=True, unit="USD", message=f"A pathway starts within your {money(budget)} budget."))
        elif costs:
            gap = min(costs) - budget
            result.append(Constraint(id="budget", ok=False, shortfall=gap, unit="USD",
                                     message=f"{program.short_name}'s lowest known cost is {money(min(costs))}, {money(gap)} over your {money(budget)} budget."))
        else:
            result.append(Constraint(id="budget", ok=False, unit="USD", message=f"No source gives a cost for any {program.short_name} pathway."))
    timeline = answers.get("timeline_months")
    assert isinstance(timeline, int | float)
    shortest = min(shortest_months(p) for p in program.pathways)
    if shortest <= timeline:
        result.append(Constraint(id="timeline", ok=True, unit="months", message=f"A pathway fits within your {months(timeline)}."))
    else:
        result.append(Constraint(id="timeline", ok=False, shortfall=shortest - timeline, unit="months",
                                 message=f"{program.short_name}'s shortest pathway takes {months(shortest)}, {months(shortest - timeline)} more than your {months(timeline)}."))
    if all("admission" in problems[p.id] for p in program.pathways):
        result.append(Constraint(id="admission", ok=False, message=f"Every {program.short_name} pathway expects more prior education than you have."))
    # Each limit can pass on a different pathway while no single pathway passes them all.
    if all(c.ok for c in result) and all(problems[p.id] for p in program.pathways):
        detail = "; ".join("; ".join(problems[p.id].values()) for p in program.pathways)
        result.append(Constraint(id="combined", ok=False, message=f"No single {program.short_name} pathway fits all your limits: {detail}."))
    return result


# --- scoring -------------------------------------------------------------------------


def _fit(criterion: Criterion, answers: Answers, program: Program, pathway: Pathway, catalog: Catalog) -> tuple[float, str]:
    fit, reason = criterion.fit(answers, program, pathway, catalog)
    return round(min(1.0, max(0.0, fit)), 4), reason


def pathway_fits(answers: Answers, catalog: Catalog) -> dict[str, list[tuple[str, bool, dict[str, float]]]]:
    """For each program, each pathway's (id, fits the limits, fit per criterion): what a score is a weighted sum of."""
    return {
        program.id: [
            (pathway.id, not pathway_problems(answers, pathway),
             {c.id: _fit(c, answers, program, pathway, catalog)[0] for c in CRITERIA})
            for pathway in program.pathways
        ]
        for program in catalog.programs
    }


Entry = tuple[str, str, float, float, float, str]  # id, label, weight, fit, contribution, reason


def _score_pathway(answers: Answers, program: Program, pathway: Pathway, catalog: Catalog, w: dict[str, float],
                   shared: dict[str, tuple[float, str]]) -> list[Entry]:
    """Each criterion's entry for one pathway; ``shared`` keeps the fits that are the same for every pathway."""
    entries = []
    for criterion in CRITERIA:
        if criterion.per_pathway:
            fit, reason = _fit(criterion, answers, program, pathway, catalog)
        else:
            if criterion.id not in shared:
                shared[criterion.id] = _fit(criterion, answers, program, pathway, catalog)
            fit, reason = shared[criterion.id]
        weight = w[criterion.id]
        entries.append((criterion.id, criterion.label, weight, fit, round(weight * fit, 4), reason))
    return entries


def _total(entries: list[Entry]) -> float:
    return round(min(100.0, max(0.0, sum(entry[4] for entry in entries))), 4)


def _rank_program(answers: Answers, program: Program, catalog: Catalog, w: dict[str, float]) -> RankedProgram:
    problems = {p.id: pathway_problems(answers, p) for p in program.pathways}
    shared: dict[str, tuple[float, str]] = {}
    scored = []
    for pathway in program.pathways:
        entries = _score_pathway(answers, program, pathway, catalog, w, shared)
        total = _total(entries)
        total_low, _ = total_cost(pathway)
        key = (bool(problems[pathway.id]), -total, answers.get("goal") not in pathway.goals, shortest_months(pathway),
               total_low if total_low is not None else float("inf"), pathway.id)
        scored.append((key, pathway, entries, total))
    scored.sort(key=lambda item: item[0])
    _, best, entries, total = scored[0]
    criteria = [CriterionScore(id=i, label=label, weight=weight, fit=fit, contribution=contribution, reason=reason)
                for i, label, weight, fit, contribution, reason in entries]
    pathway_scores = [
        PathwayScore(id=p.id, name=p.name, score=t, eligible=not problems[p.id],
                     problems=list(problems[p.id].values()))
        for _, p, _, t in scored
    ]
    return RankedProgram(
        program_id=program.id, name=program.name, score=total, eligible=not problems[best.id],
        pathway=best.id, pathway_name=best.name, constraints=_constraints(answers, program, problems),
        criteria=criteria, pathways=pathway_scores,
    )


def confidence_for(margin: float | None, runner_up_eligible: bool) -> str:
    if margin is None or not runner_up_eligible:
        return "clear"
    if margin >= CLEAR_MARGIN:
        return "clear"
    return "lean" if margin >= LEAN_MARGIN else "toss-up"


def score(answers: Answers, catalog: Catalog, weight_override: Mapping[str, float] | None = None) -> Result:
    """Rank every program in the catalog for these (complete, validated) answers.

    ``weight_override`` replaces the weights (any non-negative figures; they are scaled to add up to 100).
    """
    w = weights(answers) if weight_override is None else _scaled(weight_override)
    w = {key: round(value, 4) for key, value in w.items()}
    ranked = [_rank_program(answers, program, catalog, w) for program in catalog.programs]
    ranked.sort(key=lambda r: (not r.eligible, -r.score, r.program_id))
    first = ranked[0]
    second = ranked[1] if len(ranked) > 1 else None
    margin = round(first.score - second.score, 4) if second else None
    runner_up_counts = second is not None and (second.eligible or not first.eligible)
    confidence = confidence_for(margin, runner_up_counts)
    program = catalog.program(first.program_id)
    assert program is not None
    recommendation = Recommendation(
        program_id=first.program_id, program_name=first.name, pathway=first.pathway, pathway_name=first.pathway_name,
        score=first.score, confidence=confidence, margin=margin,  # type: ignore[arg-type]
        reasons=_reasons(first, second, ranked), next_steps=_next_steps(program, first.pathway),
    )
    return Result(answers=dict(answers), recommendation=recommendation, ranking=ranked,
                  warnings=_warnings(answers, ranked, catalog))


def _reasons(first: RankedProgram, second: RankedProgram | None, ranked: list[RankedProgram]) -> list[str]:
    """The criteria where the winner gains most over the runner-up, in the person's terms.

    A runner-up that scores the same on every criterion (a copy, say) explains nothing, so the
    comparison is with the nearest program that differs.
    """
    reasons: list[str] = []
    if second is not None and first.eligible and not second.eligible:
        failed = [c.message for c in second.constraints if not c.ok]
        reasons.append(f"{second.name} does not fit your limits: {' '.join(failed)}")
    mine = [c.contribution for c in first.criteria]
    different = next((r for r in ranked[1:] if [c.contribution for c in r.criteria] != mine), None)
    if second is not None and different is not None and different is not second:
        reasons.append(f"{second.name} scores the same as {first.name} on every criterion.")
        second = different
    theirs = {c.id: c.contribution for c in second.criteria} if second else {}
    gains = sorted(first.criteria, key=lambda c: (-(c.contribution - theirs.get(c.id, 0.0)), c.id))
    for criterion in gains:
        if len(reasons) >= 4:
            break
        if criterion.weight > 0 and (criterion.contribution - theirs.get(criterion.id, 0.0) > 0.01 or second is None):
            reasons.append(criterion.reason)
    if not reasons:
        reasons.append("Your answers do not separate the programs; the ranking is a toss-up. Try answering more questions.")
    return reasons


def _next_steps(program: Program, pathway_id: str) -> list[str]:
    pathway = next(p for p in program.pathways if p.id == pathway_id)
    steps = []
    names = [c.name for c in (program.certification(cid) for cid in pathway.certifications) if c is not None]
    if names:
        steps.append(f"Certifications to aim for after the {pathway.name}: {', '.join(names)}.")
    steps.extend(program.next_steps)
    return steps


def _warnings(answers: Answers, ranked: list[RankedProgram], catalog: Catalog) -> list[str]:
    warnings = []
    for entry in ranked:
        if not entry.eligible:
            failed = " ".join(c.message for c in entry.constraints if not c.ok)
            warnings.append(f"{entry.name} is ruled out by your limits: {failed}")
    if not any(entry.eligible for entry in ranked):
        warnings.append("No program fits your limits; they are ranked by score anyway. Consider a larger budget or a longer timeline.")
    first = ranked[0]
    program = catalog.program(first.program_id)
    assert program is not None
    pathway = next(p for p in program.pathways if p.id == first.pathway)
    if answers.get("education") is None and pathway.min_education != "high_school":
        warnings.append(f"The {pathway.name} in {program.short_name} expects {pathway.min_education.replace('_', ' ')} before admission.")
    if not pathway.cost_usd.known:
        warnings.append(f"No source gives a cost for the {program.short_name} {pathway.name}; ask schools directly.")
    return warnings

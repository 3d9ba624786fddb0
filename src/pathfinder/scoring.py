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
from operator import itemgetter
from typing import Any

from pydantic_core import to_json

from pathfinder.models import SCHEMA_VERSION, Catalog, Pathway, Program
from pathfinder.results import Result
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
    question: str  # the one answer the fit reads
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
    Criterion("affordability", "Affordability", 15, ("cost",), "budget_usd", _affordability, per_pathway=True),
    Criterion("time_to_work", "Time to work", 15, ("speed",), "timeline_months", _time_to_work, per_pathway=True),
    Criterion("career_goal", "Career goal", 20, (), "goal", _career_goal, per_pathway=True),
    Criterion("interests", "Interests", 12, (), "interest", _tag_fit("interest", lambda p: p.fit.interests, "interest")),
    Criterion("learning_style", "Learning style", 10, (), "learning_style",
              _tag_fit("learning_style", lambda p: p.fit.learning_styles, "learning style")),
    Criterion("strengths", "Strengths", 10, (), "strength", _tag_fit("strength", lambda p: p.fit.strengths, "strength")),
    Criterion("remote_work", "Remote work", 9, (), "remote", _remote),
    Criterion("difficulty", "Difficulty", 9, (), "challenge", _difficulty),
    Criterion("salary_growth", "Salary and growth", 0, ("salary", "job_growth"), "priority", _outlook),
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


def budget_problem(budget: Answer, pathway: Pathway) -> str | None:
    if budget is None:
        return None
    assert isinstance(budget, int | float)
    low, _ = total_cost(pathway)
    if low is None:
        return f"{pathway.name}: no source gives its cost"
    if low > budget:
        return f"{pathway.name}: from {money(low)}, {money(low - budget)} over your budget"
    return None


def timeline_problem(timeline: Answer, pathway: Pathway) -> str | None:
    assert isinstance(timeline, int | float)
    length = shortest_months(pathway)
    if length > timeline:
        return f"{pathway.name}: at least {months(length)}, {months(length - timeline)} over your timeline"
    return None


def admission_problem(education: Answer, pathway: Pathway) -> str | None:
    if education is not None and EDUCATION_ORDER.index(str(education)) < EDUCATION_ORDER.index(pathway.min_education):
        return f"{pathway.name}: admission expects {pathway.min_education.replace('_', ' ')}"
    return None


# Each limit: its id, the one answer it reads, and how a pathway can miss it.
LIMITS: tuple[tuple[str, str, Callable[[Answer, Pathway], str | None]], ...] = (
    ("budget", "budget_usd", budget_problem),
    ("timeline", "timeline_months", timeline_problem),
    ("admission", "education", admission_problem),
)


def pathway_problems(answers: Answers, pathway: Pathway) -> dict[str, str]:
    """The limits the pathway misses (``budget``, ``timeline``, ``admission``), each with a short message."""
    problems = {}
    for limit, question, check in LIMITS:
        problem = check(answers.get(question), pathway)
        if problem is not None:
            problems[limit] = problem
    return problems


def _constraint(id: str, ok: bool, message: str, unit: str = "", shortfall: float | None = None) -> dict[str, Any]:
    """A constraint as plain data, in the shape (and field order) of ``results.Constraint``."""
    return {"id": id, "ok": ok, "shortfall": None if shortfall is None else float(shortfall), "unit": unit, "message": message}


def budget_line(budget: Answer, program: Program) -> dict[str, Any] | None:
    """Does any pathway start within the budget, and if not, by how much the cheapest misses (None: not sure)."""
    if budget is None:
        return None
    assert isinstance(budget, int | float)
    costs = [c for c in (total_cost(p)[0] for p in program.pathways) if c is not None]
    if costs and min(costs) <= budget:
        return _constraint("budget", True, f"A pathway starts within your {money(budget)} budget.", "USD")
    if costs:
        gap = min(costs) - budget
        return _constraint("budget", False, f"{program.short_name}'s lowest known cost is {money(min(costs))}, "
                           f"{money(gap)} over your {money(budget)} budget.", "USD", gap)
    return _constraint("budget", False, f"No source gives a cost for any {program.short_name} pathway.", "USD")


def timeline_line(timeline: Answer, program: Program) -> dict[str, Any]:
    """Does any pathway fit the timeline, and if not, by how much the shortest misses."""
    assert isinstance(timeline, int | float)
    shortest = min(shortest_months(p) for p in program.pathways)
    if shortest <= timeline:
        return _constraint("timeline", True, f"A pathway fits within your {months(timeline)}.", "months")
    return _constraint("timeline", False, f"{program.short_name}'s shortest pathway takes {months(shortest)}, "
                       f"{months(shortest - timeline)} more than your {months(timeline)}.", "months", shortest - timeline)


def _constraints(program: Program, problems: Mapping[str, dict[str, str]], budget: dict[str, Any] | None,
                 timeline: dict[str, Any]) -> list[dict[str, Any]]:
    """One line per limit: does any pathway pass it, and if not, by how much the nearest misses."""
    result = [line for line in (budget, timeline) if line is not None]
    if all("admission" in problems[p.id] for p in program.pathways):
        result.append(_constraint("admission", False, f"Every {program.short_name} pathway expects more prior education than you have."))
    # Each limit can pass on a different pathway while no single pathway passes them all.
    if all(c["ok"] for c in result) and all(problems[p.id] for p in program.pathways):
        detail = "; ".join("; ".join(problems[p.id].values()) for p in program.pathways)
        result.append(_constraint("combined", False, f"No single {program.short_name} pathway fits all your limits: {detail}."))
    return result


# --- scoring -------------------------------------------------------------------------

# Pieces a Scorer remembers; a full memo starts again, so memory stays bounded: at most about 6 MB, reached
# when nearly every answer set brings a budget or timeline not seen before.
MEMO_LIMIT = 10_000

Data = dict[str, Any]  # a result, or part of one, as plain data in the shape of its model in pathfinder.results


def _fit(criterion: Criterion, answers: Answers, program: Program, pathway: Pathway, catalog: Catalog) -> tuple[float, str]:
    fit, reason = criterion.fit(answers, program, pathway, catalog)
    return round(float(min(1.0, max(0.0, fit))), 4), reason


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


def confidence_for(margin: float | None, runner_up_eligible: bool) -> str:
    if margin is None or not runner_up_eligible:
        return "clear"
    if margin >= CLEAR_MARGIN:
        return "clear"
    return "lean" if margin >= LEAN_MARGIN else "toss-up"


# A pathway's entries are its own criteria, then those shared by every pathway of its program.
_PER_PATHWAY = tuple(i for i, c in enumerate(CRITERIA) if c.per_pathway)
_SHARED = tuple(i for i, c in enumerate(CRITERIA) if not c.per_pathway)
assert _PER_PATHWAY + _SHARED == tuple(range(len(CRITERIA))), "per-pathway criteria come first in CRITERIA"


class Scorer:
    """Scores answer sets against one catalog.

    Reuse one Scorer for many answer sets (``pathfinder score``, the search for what would change the
    advice). Every criterion's fit and reason reads one answer, and so does every limit, so the same
    pieces come back again and again; they are remembered, per program and criterion, by the answer
    they read, instead of worked out anew. The memo holds at most ``MEMO_LIMIT`` pieces (plus those of
    the answer set being scored), so memory stays flat however many answer sets go through.

    A piece is remembered by the answer's value alone: 5000 and 5000.0 give the same piece, which is
    right because every text shows a number the same way whatever its type. The answers themselves
    are echoed as given.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        # What never changes between answer sets: each pathway's goals and its tie-breaks after the score.
        self._plan = [
            (program, [(pathway, pathway.goals, shortest_months(pathway), _low_or_inf(pathway)) for pathway in program.pathways])
            for program in catalog.programs
        ]
        self._forget()

    def _forget(self) -> None:
        self._count = 0
        # weights -> per program: (shared criteria tables, per pathway: its own criteria tables); a table maps an answer to an entry
        self._entries: dict[Any, list[tuple[list[dict[Any, Data]], list[list[dict[Any, Data]]]]]] = {}
        # per program: one table per limit (answer -> each pathway's problem), then the budget and timeline lines
        self._limit_tables: list[list[dict[Any, Any]]] = [[{} for _ in range(len(LIMITS) + 2)] for _ in self._plan]
        self._weight_table: dict[Any, list[float]] = {}
        self._next_steps: dict[tuple[str, str], list[str]] = {}

    @property
    def remembered(self) -> int:
        """How many pieces the memo holds now."""
        return self._count

    # -- the pieces ---------------------------------------------------------------------

    def _weights(self, answers: Answers, weight_override: Mapping[str, float] | None) -> tuple[Any, list[float]]:
        """A key for the weights, and the weights in the order of CRITERIA, rounded as they are shown."""
        if weight_override is not None:
            scaled = _scaled(weight_override)
            w = [round(scaled[c.id], 4) for c in CRITERIA]
            return ("override", *w), w
        priority = answers.get("priority")
        found = self._weight_table.get(priority)
        if found is None:
            scaled = weights({"priority": priority})
            found = self._weight_table[priority] = [round(scaled[c.id], 4) for c in CRITERIA]
        return priority, found

    def _entry(self, table: dict[Any, Entry], index: int, answers: Answers, program: Program, pathway: Pathway,
               weight: float) -> Entry:
        """One criterion's line for one pathway (``results.CriterionScore``), its JSON and its contribution;
        remembered in ``table``."""
        criterion = CRITERIA[index]
        fit, reason = _fit(criterion, answers, program, pathway, self.catalog)
        contribution = round(weight * fit, 4)
        data = {"id": criterion.id, "label": criterion.label, "weight": weight, "fit": fit,
                "contribution": contribution, "reason": reason}
        found = table[answers.get(criterion.question)] = (data, to_json(data), contribution)
        self._count += 1
        return found

    def _limits(self, answers: Answers, index: int, program: Program) -> tuple[list[dict[str, str]], list[Data]]:
        """Each pathway's problems with the person's limits (in the program's order), and the program's
        constraint lines."""
        pathways = program.pathways
        tables = self._limit_tables[index]
        problems: list[dict[str, str]] = [{} for _ in pathways]
        for table, (limit, question, check) in zip(tables, LIMITS):
            value = answers.get(question)
            found = table.get(value)
            if found is None:
                found = table[value] = [check(value, pathway) for pathway in pathways]
                self._count += 1
            for problem, into in zip(found, problems):
                if problem is not None:
                    into[limit] = problem
        lines = []
        for table, make, question in ((tables[-2], budget_line, "budget_usd"), (tables[-1], timeline_line, "timeline_months")):
            value = answers.get(question)
            if value in table:
                lines.append(table[value])
            else:
                line = table[value] = make(value, program)
                self._count += 1
                lines.append(line)
        by_id = {pathway.id: found for pathway, found in zip(pathways, problems)}
        return problems, _constraints(program, by_id, lines[0], lines[1])

    def _rank_program(self, answers: Answers, values: list[Answer], index: int, w: list[float],
                      tables: Tables) -> tuple[Data, bytes]:
        """The program scored through its best-fitting pathway (``results.RankedProgram``), and the JSON of its
        criteria. ``values`` holds the answer each criterion reads, in the order of CRITERIA."""
        program, pathways = self._plan[index]
        problems, constraints = self._limits(answers, index, program)
        shared_tables, own_tables = tables
        # The lookups are written out: this is the innermost loop of ``pathfinder score``.
        first = program.pathways[0]
        shared = [table.get(values[i]) or self._entry(table, i, answers, program, first, w[i])
                  for table, i in zip(shared_tables, _SHARED)]
        goal = answers.get("goal")
        scored = []
        for (pathway, goals, shortest, low), found, pathway_tables in zip(pathways, problems, own_tables):
            entries = [table.get(values[i]) or self._entry(table, i, answers, program, pathway, w[i])
                       for table, i in zip(pathway_tables, _PER_PATHWAY)] + shared
            total = round(min(100.0, max(0.0, float(sum(map(_contribution, entries))))), 4)
            key = (bool(found), -total, goal not in goals, shortest, low, pathway.id)
            scored.append((key, pathway, entries, total, found))
        scored.sort(key=_first)
        _, best, entries, total, found = scored[0]
        ranked = {
            "program_id": program.id, "name": program.name, "score": total, "eligible": not found,
            "pathway": best.id, "pathway_name": best.name, "constraints": constraints,
            "criteria": list(map(_first, entries)),
            "pathways": [{"id": p.id, "name": p.name, "score": t, "eligible": not f, "problems": list(f.values())}
                         for _, p, _, t, f in scored],
        }
        return ranked, b",".join(map(_second, entries))

    def _ranked(self, answers: Answers, weight_override: Mapping[str, float] | None) -> list[tuple[Data, bytes]]:
        if self._count >= MEMO_LIMIT:
            self._forget()
        wkey, w = self._weights(answers, weight_override)
        tables = self._entries.get(wkey)
        if tables is None:
            tables = self._entries[wkey] = [([{} for _ in _SHARED], [[{} for _ in _PER_PATHWAY] for _ in pathways])
                                            for _, pathways in self._plan]
        values = [answers.get(question) for question in _QUESTIONS]
        ranked = [self._rank_program(answers, values, index, w, program_tables) for index, program_tables in enumerate(tables)]
        ranked.sort(key=lambda r: (not r[0]["eligible"], -r[0]["score"], r[0]["program_id"]))
        return ranked

    def ranking(self, answers: Answers, weight_override: Mapping[str, float] | None = None) -> list[Data]:
        """Every program (``results.RankedProgram``), best first: programs that fit the limits, then by score, then by id.

        Read it, do not change it: the criteria and constraint lines in it are the memo's own (``data`` and
        ``result`` give copies)."""
        return [ranked for ranked, _ in self._ranked(answers, weight_override)]

    # -- the whole result -----------------------------------------------------------------

    def _summary(self, answers: Answers, ranked: list[Data]) -> tuple[Data, list[str]]:
        """The recommendation (``results.Recommendation``) and the warnings for a ranking."""
        first = ranked[0]
        second = ranked[1] if len(ranked) > 1 else None
        margin = round(first["score"] - second["score"], 4) if second else None
        runner_up_counts = second is not None and (second["eligible"] or not first["eligible"])
        program = self.catalog.program(first["program_id"])
        assert program is not None
        key = (program.id, first["pathway"])
        next_steps = self._next_steps.get(key)
        if next_steps is None:
            next_steps = self._next_steps[key] = _next_steps(program, first["pathway"])
        recommendation = {
            "program_id": first["program_id"], "program_name": first["name"], "pathway": first["pathway"],
            "pathway_name": first["pathway_name"], "score": first["score"],
            "confidence": confidence_for(margin, runner_up_counts), "margin": margin,
            "reasons": _reasons(first, second, ranked), "next_steps": next_steps,
        }
        return recommendation, _warnings(answers, ranked, program)

    def data(self, answers: Answers, weight_override: Mapping[str, float] | None = None) -> Data:
        """The result as plain data, in the shape (and field order) of ``results.Result``; the caller's to change."""
        ranked = self.ranking(answers, weight_override)
        recommendation, warnings = self._summary(answers, ranked)
        recommendation["next_steps"] = list(recommendation["next_steps"])
        for program in ranked:  # copies of the remembered lines, so a change to them cannot reach the memo
            program["criteria"] = [dict(line) for line in program["criteria"]]
            program["constraints"] = [dict(line) for line in program["constraints"]]
        return {
            "schema_version": SCHEMA_VERSION, "answers": dict(answers), "recommendation": recommendation,
            "ranking": ranked, "warnings": warnings, **_advice_left_out(),
        }

    def json(self, answers: Answers) -> bytes:
        """The JSON of ``data(answers)``, byte for byte what ``Result.model_dump_json()`` gives for it
        (tested), written from remembered pieces: ``pathfinder score`` writes one a line."""
        pairs = self._ranked(answers, None)
        ranked = [data for data, _ in pairs]
        recommendation, warnings = self._summary(answers, ranked)
        head = to_json({"schema_version": SCHEMA_VERSION, "answers": dict(answers), "recommendation": recommendation})
        parts = [head[:-1], b',"ranking":[']
        for index, (data, criteria) in enumerate(pairs):
            # The fields up to the criteria, the criteria from their pieces, then the pathways.
            program = to_json({key: data[key] for key in _BEFORE_CRITERIA})
            parts += [b"," if index else b"", program[:-1], b',"criteria":[', criteria, b'],"pathways":',
                      to_json(data["pathways"]), b"}"]
        parts += [b'],"warnings":', to_json(warnings), _ADVICE_LEFT_OUT_JSON]
        return b"".join(parts)

    def result(self, answers: Answers, weight_override: Mapping[str, float] | None = None) -> Result:
        return Result.model_validate(self.data(answers, weight_override))


Entry = tuple[Data, bytes, float]  # a criterion's line, its JSON and its contribution
_first, _second, _contribution = itemgetter(0), itemgetter(1), itemgetter(2)
_QUESTIONS = tuple(c.question for c in CRITERIA)
Tables = tuple[list[dict[Any, Entry]], list[list[dict[Any, Entry]]]]  # one program's: shared criteria, each pathway's own
_BEFORE_CRITERIA = ("program_id", "name", "score", "eligible", "pathway", "pathway_name", "constraints")


def _advice_left_out() -> Data:
    """The parts of a Result that only the quiz's whole advice fills in (``advice.advise``), left empty; new each call."""
    return {"projection": [], "assumptions": [], "what_would_change": [], "stackable_path": None, "what_if": None}


_ADVICE_LEFT_OUT_JSON = b"," + to_json(_advice_left_out())[1:]


def _low_or_inf(pathway: Pathway) -> float:
    low, _ = total_cost(pathway)
    return low if low is not None else float("inf")


def score(answers: Answers, catalog: Catalog, weight_override: Mapping[str, float] | None = None) -> Result:
    """Rank every program in the catalog for these (complete, validated) answers.

    ``weight_override`` replaces the weights (any non-negative figures; they are scaled to add up to 100).
    To score many answer sets, keep one ``Scorer`` instead.
    """
    return Scorer(catalog).result(answers, weight_override)


def _reasons(first: Data, second: Data | None, ranked: list[Data]) -> list[str]:
    """The criteria where the winner gains most over the runner-up, in the person's terms.

    A runner-up that scores the same on every criterion (a copy, say) explains nothing, so the
    comparison is with the nearest program that differs.
    """
    reasons: list[str] = []
    if second is not None and first["eligible"] and not second["eligible"]:
        failed = [c["message"] for c in second["constraints"] if not c["ok"]]
        reasons.append(f"{second['name']} does not fit your limits: {' '.join(failed)}")
    mine = [c["contribution"] for c in first["criteria"]]
    different = next((r for r in ranked[1:] if [c["contribution"] for c in r["criteria"]] != mine), None)
    if second is not None and different is not None and different is not second:
        reasons.append(f"{second['name']} scores the same as {first['name']} on every criterion.")
        second = different
    theirs = {c["id"]: c["contribution"] for c in second["criteria"]} if second else {}
    gains = sorted(first["criteria"], key=lambda c: (-(c["contribution"] - theirs.get(c["id"], 0.0)), c["id"]))
    for criterion in gains:
        if len(reasons) >= 4:
            break
        if criterion["weight"] > 0 and (criterion["contribution"] - theirs.get(criterion["id"], 0.0) > 0.01 or second is None):
            reasons.append(criterion["reason"])
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


def _warnings(answers: Answers, ranked: list[Data], program: Program) -> list[str]:
    """What the person should know: programs ruled out by their limits, and what the first one expects or lacks."""
    warnings = []
    for entry in ranked:
        if not entry["eligible"]:
            failed = " ".join(c["message"] for c in entry["constraints"] if not c["ok"])
            warnings.append(f"{entry['name']} is ruled out by your limits: {failed}")
    if not any(entry["eligible"] for entry in ranked):
        warnings.append("No program fits your limits; they are ranked by score anyway. Consider a larger budget or a longer timeline.")
    pathway = next(p for p in program.pathways if p.id == ranked[0]["pathway"])
    if answers.get("education") is None and pathway.min_education != "high_school":
        warnings.append(f"The {pathway.name} in {program.short_name} expects {pathway.min_education.replace('_', ' ')} before admission.")
    if not pathway.cost_usd.known:
        warnings.append(f"No source gives a cost for the {program.short_name} {pathway.name}; ask schools directly.")
    return warnings

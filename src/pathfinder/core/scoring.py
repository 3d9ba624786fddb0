"""Rank the programs for one person's answers: pure, typed, deterministic, generic over the catalog.

The method is written out in docs/method.md. In short:

- **Limits first.** A pathway fits when the person can afford its lowest cost (budget), can be
  working within their timeline at its fastest (school, any prerequisite, and the job search where a
  source gives one), is admitted (or can take the prerequisite step), and is not below a credential
  the person already holds (unless it is the direct route to their goal). Programs with a pathway
  that fits come first; the others follow, nearest first.
- **Then a weighted sum (SMART).** Each criterion gives a value from 0 to 1 on a ratio scale (cost,
  time, salary and growth) or from the fit tables (goal, interests, learning, remote work,
  difficulty); weights come from rank-order centroid weights over the person's priorities and add
  up to 100 points. A criterion the person has no view on is not weighed.
- **Decided on what is shown.** Weights, contributions and scores are kept in whole tenths of a
  point, the precision shown, so a score is the exact sum of its shown parts and two programs level
  on screen are level here. Nothing is decided by an id or by the order of the catalog.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Literal, NamedTuple

from pathfinder.core.chances import Draws, PathwayDraws
from pathfinder.core.pathways import (
    EDUCATION_RANK,
    NO_STEP,
    PART_STEP,
    WHOLE_STEP,
    Span,
    admits,
    span,
    step_for,
    time_to_work,
    total_cost,
)
from pathfinder.core.programs import Catalog, Pathway, Program
from pathfinder.core.questions import Answer
from pathfinder.core.wording import whole_dollars
from pathfinder.i18n import N_

Answers = Mapping[str, Answer]
Confidence = Literal["clear", "lean", "toss-up", "none"]
# The confidence when nothing fits the person's limits: a state of its own, which every output shows alike.
NOTHING_FITS: Confidence = "none"

# The chances that set the confidence (docs/method.md, section 7, explains the choice).
CLEAR_WIN = 0.8  # clear: first in at least 80% of the draws ...
CLEAR_FIT = 0.5  # ... and fits in at least half of its cost x time range
LEAN_WIN = 0.6  # under 60% of the draws: a toss-up
TOTAL = 1000  # 100 points, in tenths (``wording.to_points`` turns tenths into the points shown)
MILLION = 1_000_000

LIMITS = ("budget", "timeline", "admission")
MAX_CONTENDERS = 6  # programs compared in the draws (the first six by the ranking's order)


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str


CRITERIA: tuple[Criterion, ...] = (
    Criterion("cost", N_("Cost")),
    Criterion("time_to_work", N_("Time to a first job")),
    Criterion("salary", N_("Early salary")),
    Criterion("job_growth", N_("Job growth")),
    Criterion("career_goal", N_("The work you want")),
    Criterion("learning", N_("How you learn")),
    Criterion("remote_work", N_("Remote work")),
    Criterion("difficulty", N_("How demanding")),
)
INDEX = {c.id: i for i, c in enumerate(CRITERIA)}
COST, TIME, SALARY, GROWTH, GOAL, LEARNING, REMOTE, DIFFICULTY = range(len(CRITERIA))
PRIORITY_CRITERION = {"cost": COST, "speed": TIME, "salary": SALARY, "job_growth": GROWTH}


# --- weights ------------------------------------------------------------------------------------


def active(answers: Answers) -> tuple[bool, ...]:
    """Which criteria the person has a view on. The four figures always count; a fit criterion only
    when its answers are given (a default that favours no program is no view)."""
    goal = answers.get("goal")
    on = [True] * 4
    on.append((goal is not None and goal != "fast_entry") or answers.get("interest") is not None)
    on.append(answers.get("learning_style") not in (None, "blended") or answers.get("strength") is not None)
    on.append(answers.get("remote") in ("important", "nice_to_have"))
    on.append(answers.get("challenge") in ("lighter", "demanding"))
    return tuple(on)


def ranks(answers: Answers) -> tuple[int | None, ...]:
    """Each criterion's rank (1 first; ties share a rank), or None when it is not weighed.

    1: what matters most, if the person named it. Next: the work they want (or time to a first job,
    for a goal of getting in fast). Next: every other criterion they have a view on. Last: remote work
    that is only nice to have.
    """
    on = active(answers)
    tier = [3 if is_on else None for is_on in on]
    if answers.get("goal") == "fast_entry":
        tier[TIME] = 2
    if on[GOAL]:
        tier[GOAL] = 2
    if answers.get("remote") == "nice_to_have":
        tier[REMOTE] = 4
    top = PRIORITY_CRITERION.get(str(answers.get("priority")))
    if top is not None:
        tier[top] = 1
    used = sorted({t for t in tier if t is not None})
    return tuple(None if t is None else used.index(t) + 1 for t in tier)


def weights(answers: Answers) -> tuple[int, ...]:
    """Rank-order centroid weights in tenths of a point, adding up to exactly 1000 (100 points).

    The criterion at position k of n gets (1/n)(1/k + ... + 1/n); criteria that share a rank share the
    mean of their positions' weights. Rounded to tenths by largest remainder, so the shown weights
    add up to 100.
    """
    return roc_weights(ranks(answers))


def roc_weights(rank_of: tuple[int | None, ...]) -> tuple[int, ...]:
    weighed = sorted((r, i) for i, r in enumerate(rank_of) if r is not None)
    n = len(weighed)
    centroid = [sum(1 / j for j in range(k, n + 1)) / n for k in range(1, n + 1)]
    exact = [0.0] * len(rank_of)
    position = 0
    while position < n:
        rank = weighed[position][0]
        group = [i for r, i in weighed if r == rank]
        share = sum(centroid[position:position + len(group)]) / len(group)
        for i in group:
            exact[i] = share * TOTAL
        position += len(group)
    return _largest_remainder(exact)


def _largest_remainder(exact: list[float]) -> tuple[int, ...]:
    floors = [int(v) for v in exact]
    left = TOTAL - sum(floors) if any(exact) else 0
    # Remainders are compared at a fixed precision, and ties go to the earlier criterion in CRITERIA.
    order = sorted(range(len(exact)), key=lambda i: (-round(exact[i] - floors[i], 9), i))
    for i in order[:left]:
        floors[i] += 1
    return tuple(floors)


# --- the ranking ----------------------------------------------------------------------------------


class Miss(NamedTuple):
    """A limit a pathway misses: what the pathway needs against what the person has."""

    limit: Literal["budget", "timeline", "admission"]
    need: float | None = None  # USD or months; None where no source gives it, and for admission
    have: float | None = None

    @property
    def short(self) -> float | None:
        """How far short the person is (USD or months); None for admission, or an unknown need."""
        if self.need is None or self.have is None:
            return None
        return self.need - self.have

    def distance(self, scale: float) -> float:
        """How far the miss is, in units of ``scale`` (the catalog's largest starting cost or earliest start, so
        dollars and months weigh alike for every pathway); a miss no answer can shrink counts 1."""
        short = self.short
        if short is None or scale <= 0:
            return 1.0
        return short / scale


class ScoredPathway(NamedTuple):
    """One pathway scored for the person: its values and points per criterion, and the limits it misses.
    (A named tuple: the batch makes hundreds of thousands of them.)"""

    program: Program
    pathway: Pathway
    values: tuple[float | None, ...]  # per criterion (order of CRITERIA), 0-1; None when not weighed
    points: tuple[int, ...]  # tenths of a point per criterion
    fits: bool  # the pathway fits every limit the person set
    cost: Span
    time_to_work: Span
    prerequisite: int  # how much of the prerequisite step the person takes: NO_STEP, PART_STEP or WHOLE_STEP
    distance: int  # how far it misses the person's limits, in millionths (0 when it fits, at least 1 when not)
    score: int  # tenths of a point, 0-1000: the exact sum of the shown contributions
    key: tuple[object, ...]  # how it sorts, see below
    missed: tuple[Miss, ...]  # the limits it misses, in the order of LIMITS
    figures: _Figures

    @property
    def misses(self) -> dict[str, Miss]:
        """The limits the pathway misses, keyed by limit (budget, timeline, admission)."""
        return {m.limit: m for m in self.missed}

    # The sort key, within a program and between programs: fitting first by score, then the nearest misses.
    # Level scores fall to the goal's direct route, then the cheaper, the sooner, then the name: never to an id
    # or list order.


def _tail(program: Program, pathway: Pathway, cost: Span, time: Span) -> tuple[object, ...]:
    return (_inf(cost.mid), _inf(time.mid), program.name_as_written(), pathway.name_as_written())  # any language


def _inf(value: float | None) -> float:
    return float("inf") if value is None else value


class ProgramScore(NamedTuple):
    program: Program
    best: ScoredPathway  # the pathway the program is scored through
    pathways: tuple[ScoredPathway, ...]  # best first
    win_chance: float = 0.0  # how often it comes out first when every range is drawn (exact; shown to two decimals)
    fit_chance: float = 0.0  # the share of its pathway's cost x time range within the person's limits (two decimals)

    @property
    def fits(self) -> bool:
        return self.best.fits

    @property
    def score(self) -> int:
        return self.best.score


class Ranking(NamedTuple):
    """Every program for one person's answers, best first, with the confidence in the first (``rank_of`` works
    out the confidence, the margin and the rival once)."""

    answers: Mapping[str, Answer]
    weights: tuple[int, ...]  # tenths of a point per criterion, adding up to 1000
    programs: tuple[ProgramScore, ...]
    contender: ProgramScore | None  # the nearest rival: the best other program that fits, or the next one
    margin: int | None  # the first's lead in tenths over the best other that fits; None when no other fits
    confidence: Confidence

    @property
    def first(self) -> ProgramScore:
        return self.programs[0]

    @property
    def fits(self) -> bool:
        """Does the first program fit the person's limits (if not, nothing does)."""
        return self.programs[0].best.fits


def confidence_of(fits: bool, fit_chance: float, win_chance: float, margin: int | None,
                  better_ruled_out: bool) -> Confidence:
    """The confidence in a first program, from its chances (docs/method.md, section 7), read at the two decimals
    shown. Nothing fits: NOTHING_FITS. Clear: it fits in at least half of its cost x time range, comes out first in
    at least 80% of the draws, and no program ruled out suits the person better. Toss-up: it comes out first in
    under 60% of the draws, or its score ties the best other that fits. Otherwise a lean."""
    if not fits:
        return NOTHING_FITS
    fit, win = round(fit_chance, 2), round(win_chance, 2)
    if win < LEAN_WIN or margin == 0:
        return "toss-up"
    if win >= CLEAR_WIN and fit >= CLEAR_FIT and not better_ruled_out:
        return "clear"
    return "lean"


def rank_of(answers: Answers, weights: tuple[int, ...], programs: tuple[ProgramScore, ...]) -> Ranking:
    """The ranking of programs already sorted, with its rival, margin and confidence (docs/method.md, section 7).

    The margin is the lead over the best other program that fits, never negative; the confidence reads the first
    program's chances (``confidence_of``).
    """
    first, others = programs[0], programs[1:]
    if not first.best.fits:
        return Ranking(answers, weights, programs, others[0] if others else None, None, NOTHING_FITS)
    rival = next((p for p in others if p.best.fits), None)
    better = any(p.best.score > first.best.score for p in others if not p.best.fits)
    margin = None if rival is None else first.best.score - rival.best.score
    confidence = confidence_of(True, first.fit_chance, first.win_chance, margin, better)
    return Ranking(answers, weights, programs, rival, margin, confidence)


def fit_chance_for(score: ScoredPathway, answers: Answers) -> float:
    """``fit_chance`` for any pathway and a person's answers (for the words about a program's other pathways)."""
    return fit_chance(score, _Person.of(answers))


def fit_chance(score: ScoredPathway, person: _Person) -> float:
    """The share of the pathway's cost x time-to-work range within the person's budget and timeline, every figure
    in a range equally likely and the two independent (the area of the rectangle the two limits cut), at the two
    decimals shown."""
    cost, time = score.cost, score.time_to_work
    return round(share_within(cost.low, cost.high, person.budget) * share_within(time.low, time.high, person.timeline),
                 2)


def share_within(low: float | None, high: float | None, limit: float | None) -> float:
    """The share of a range [low, high], every value equally likely, that is at most ``limit`` (exact). No limit:
    all of it; a figure no source gives: none of it."""
    if limit is None:
        return 1.0
    if low is None or high is None:
        return 0.0
    if high <= limit:
        return 1.0
    if low > limit or high <= low:
        return 0.0
    return (limit - low) / (high - low)


# --- the scorer ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Figures:
    """What never changes between answer sets for one pathway, and what its fits give for answers seen."""

    index: int  # its place among the catalog's pathways (the draws' tables are kept by it)
    program: Program
    pathway: Pathway
    cost: Span
    times: tuple[Span, Span, Span]  # by step: no prerequisite, the part left, the whole step
    static: tuple[float, float, float]  # the cost, salary and growth values
    time_values: tuple[float, float, float]  # by step
    keys: tuple[tuple[tuple[object, ...], ...], ...]  # sort tails [step][serves the goal directly]
    entry: int  # EDUCATION_RANK of min_education
    steps: tuple[int, ...]  # the step a person takes, by EDUCATION_RANK (and -1: education not given, last)
    admitted: tuple[bool, ...]  # admitted, by EDUCATION_RANK (and -1 last)
    goals: frozenset[str]
    fit_values: dict[tuple[object, ...], tuple[float | None, float | None, float | None, float | None]]
    figure_points: dict[int, tuple[tuple[float | None, ...], tuple[int, ...], int]]  # by 3 * weights' number + step
    remote: dict[str, float]
    challenge: dict[str, float]
    draws: PathwayDraws


_REMEMBER_FITS = 20_000  # fit values kept per pathway (every combination of the answers they read is 7,560)
_REMEMBER_WEIGHTS = 2_000  # sets of weights numbered, each with its figures' points per pathway


class Scorer:
    """Scores answer sets against one catalog; keep one for many answer sets (``pathfinder score``, the
    search for what would change). What depends on the catalog alone is worked out once, and what each
    pathway's fit tables give for an answer is remembered (a few hundred values at most)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        pathways = [(program, pathway) for program in catalog.programs for pathway in program.pathways]
        costs = {id(pw): total_cost(pw) for _, pw in pathways}
        times = {id(pw): time_to_work(pw) for _, pw in pathways}
        best_cost = min((c.mid for c in costs.values() if c.mid is not None), default=None)
        best_time = min(t.mid for t in times.values() if t.mid is not None)
        salaries = [_salary(p) for p in catalog.programs]
        top_salary = max((s for s in salaries if s is not None), default=None)
        growths = [p.outcomes.job_growth.percent for p in catalog.programs]
        top_growth = max((g for g in growths if g is not None), default=None)
        # Shortfalls are measured against the catalog's largest starting cost and earliest start, the same
        # yardstick for every pathway: so the nearest program changes at most once as a limit is raised.
        self._scales = (
            max((c.low for c in costs.values() if c.low is not None), default=0.0),
            max((t.low for t in times.values() if t.low is not None), default=0.0),
        )
        self.draws = Draws(catalog)
        self._plan: list[tuple[Program, list[_Figures]]] = []
        index = 0
        for program in catalog.programs:
            figures = []
            for pathway in program.pathways:
                cost = costs[id(pathway)]
                by_step = (time_to_work(pathway, NO_STEP), time_to_work(pathway, PART_STEP),
                           time_to_work(pathway, WHOLE_STEP))
                ranks = [*range(len(EDUCATION_RANK)), -1]
                education = {r: e for e, r in EDUCATION_RANK.items()}
                figures.append(_Figures(
                    index, program, pathway, cost, by_step,
                    static=(_less_is_better(cost.mid, best_cost), _more_is_better(_salary(program), top_salary),
                            _more_is_better(program.outcomes.job_growth.percent, top_growth)),
                    time_values=tuple(_less_is_better(t.mid, best_time) for t in by_step),  # type: ignore[arg-type]
                    keys=tuple((((True, *_tail(program, pathway, cost, t)), (False, *_tail(program, pathway, cost, t))))
                               for t in by_step),
                    entry=EDUCATION_RANK[pathway.min_education],
                    steps=tuple(step_for(pathway, education.get(r)) for r in ranks),
                    admitted=tuple(admits(pathway, education.get(r)) for r in ranks),
                    goals=frozenset(pathway.goals),
                    fit_values={}, figure_points={},
                    remote={k: f.value for k, f in program.fit.remote.items()},
                    challenge={k: f.value for k, f in program.fit.challenge.items()},
                    draws=self.draws.of(index),
                ))
                index += 1
            self._plan.append((program, figures))
        self._weights: dict[tuple[object, ...], tuple[int, ...]] = {}
        self._weight_numbers: dict[tuple[int, ...], int] = {}  # each set of weights seen, numbered (a cheap key)

    def weights(self, answers: Answers) -> tuple[int, ...]:
        """The person's weights, remembered by the few answers they depend on."""
        get = answers.get
        goal = get("goal")
        key = (get("priority"), goal if goal in (None, "fast_entry") else "", get("interest") is None,
               get("learning_style") in (None, "blended"), get("strength") is None, get("remote"), get("challenge"))
        found = self._weights.get(key)
        if found is None:
            found = self._weights[key] = weights(answers)
        return found

    def rank(self, answers: Answers, weight_override: tuple[int, ...] | None = None, chances: bool = True) -> Ranking:
        """Every program, best first, each with its chances. ``weight_override`` (tenths per criterion, adding up
        to 1000) replaces the person's weights; the search for what would change uses it, and ``chances=False``
        to see first who leads (the chances are then 0 and the confidence is not read)."""
        w = weight_override if weight_override is not None else self.weights(answers)
        number = self._weight_numbers.get(w)
        if number is None:
            if len(self._weight_numbers) >= _REMEMBER_WEIGHTS:  # the what-if search tries many: start again
                self._weight_numbers.clear()
                for _, pathways in self._plan:
                    for pathway in pathways:
                        pathway.figure_points.clear()
            number = self._weight_numbers[w] = len(self._weight_numbers)
        person = _Person.of(answers)
        score = self._score
        scored_programs = []
        for program, figures in self._plan:
            scored = [score(answers, person, f, w, number) for f in figures]
            scored.sort(key=_by_key)
            scored_programs.append((program, scored))
        wins = [0.0] * len(scored_programs)
        if chances:
            # The draws compare the programs that lead on the typical figures; in a large catalog the rest, far
            # behind, are left out of them (chance 0) so that ranking stays fast.
            contenders: Sequence[int] = range(len(scored_programs))
            if len(scored_programs) > MAX_CONTENDERS:
                contenders = sorted(contenders, key=lambda i: scored_programs[i][1][0].key)[:MAX_CONTENDERS]
            found = self.draws.win_chances([scored_programs[i][1] for i in contenders], person.budget, person.timeline,
                                            person.held, w)
            for i, chance in zip(contenders, found, strict=True):
                wins[i] = chance
        programs = [ProgramScore(program, scored[0], tuple(scored), chance, fit_chance(scored[0], person))
                    for (program, scored), chance in zip(scored_programs, wins, strict=True)]
        programs.sort(key=_best_key)
        return rank_of(answers, w, tuple(programs))

    def _score(self, answers: Answers, person: _Person, f: _Figures, w: tuple[int, ...], number: int) -> ScoredPathway:
        """One pathway for one person. Written out plainly: this is the innermost loop of ``pathfinder score``."""
        step = f.steps[person.held]
        # The four fits depend on a few answers (person.fits): remembered per pathway, a few thousand at most.
        fit = f.fit_values.get(person.fits)
        if fit is None:
            if len(f.fit_values) >= _REMEMBER_FITS:
                f.fit_values.clear()
            fit = f.fit_values[person.fits] = (
                career_goal_value(answers, f.program, f.pathway), learning_value(answers, f.program),
                None if person.remote is None else f.remote.get(person.remote, 0.0),
                None if person.challenge is None else f.challenge.get(person.challenge, 0.0))
        # The four figures depend only on the weights and on the prerequisite step: remembered per weights.
        figures = f.figure_points.get(3 * number + step)
        if figures is None:
            values = (f.static[0], f.time_values[step], f.static[1], f.static[2])
            points = tuple(int(weight * v + 0.5) for v, weight in zip(values, w[:4], strict=True))
            figures = f.figure_points[3 * number + step] = (
                tuple(v if weight else None for v, weight in zip(values, w[:4], strict=True)), points, sum(points))
        w4, w5, w6, w7 = w[4], w[5], w[6], w[7]
        v4 = fit[0] if w4 else None
        v5 = fit[1] if w5 else None
        v6 = fit[2] if w6 else None
        v7 = fit[3] if w7 else None
        p4 = 0 if v4 is None else int(w4 * v4 + 0.5)
        p5 = 0 if v5 is None else int(w5 * v5 + 0.5)
        p6 = 0 if v6 is None else int(w6 * v6 + 0.5)
        p7 = 0 if v7 is None else int(w7 * v7 + 0.5)
        total = figures[2] + p4 + p5 + p6 + p7
        time = f.times[step]
        missed = _misses(person, f, time)
        if missed:
            budget_scale, time_scale = self._scales
            far = sum(m.distance(budget_scale if m.limit == "budget" else time_scale) for m in missed)
            distance = max(1, round(MILLION * far))
        else:
            distance = 0
        tail = f.keys[step][person.goal in f.goals]
        order = (1, distance, -total, tail) if distance else (0, -total, tail)
        return ScoredPathway(f.program, f.pathway, figures[0] + (v4, v5, v6, v7), figures[1] + (p4, p5, p6, p7),
                             not distance, f.cost, time, step, distance, total, order, missed, f)


class _Person(NamedTuple):
    """What the scoring reads from one person's answers, read once per ranking."""

    goal: Answer
    remote: str | None
    challenge: str | None
    held: int  # EDUCATION_RANK of their education, -1 when not given
    budget: int | None  # in whole dollars, as a budget is shown
    timeline: float | None
    fits: tuple[object, ...]  # the answers the fit tables read: goal, interest, style, strength, remote, challenge

    @classmethod
    def of(cls, answers: Answers) -> _Person:
        get = answers.get
        education, budget, timeline = get("education"), get("budget_usd"), get("timeline_months")
        remote, challenge = get("remote"), get("challenge")
        goal, interest, style, strength = get("goal"), get("interest"), get("learning_style"), get("strength")
        return cls(
            goal,
            None if remote is None else str(remote), None if challenge is None else str(challenge),
            EDUCATION_RANK.get(education, -1) if isinstance(education, str) else -1,
            whole_dollars(budget) if isinstance(budget, int | float) else None,
            float(timeline) if isinstance(timeline, int | float) else None,
            (goal, interest, style, strength, remote, challenge),
        )


_by_key = attrgetter("key")
_best_key = attrgetter("best.key")


def _misses(person: _Person, f: _Figures, time: Span) -> tuple[Miss, ...]:
    """The one statement of the limits: the person's limits the pathway misses, in the order of LIMITS.

    Budget: the lowest cost (with the extras a source prices) is above the budget (in whole dollars, as shown), or
    no source gives a cost. Timeline: the earliest the person could be working is after their timeline.
    Admission: their education is below the entry and no prerequisite step lifts it. Nothing else: more
    education, budget or time never removes a fit.
    """
    misses: tuple[Miss, ...] = ()
    budget = person.budget
    if budget is not None:
        low = f.cost.low
        if low is None or low > budget:
            misses += (Miss("budget", low, float(budget)),)
    timeline, earliest = person.timeline, time.low
    if timeline is not None and earliest is not None and earliest > timeline:
        misses += (Miss("timeline", earliest, timeline),)
    if not f.admitted[person.held]:
        misses += (Miss("admission"),)
    return misses


# --- values ---------------------------------------------------------------------------------------


def _salary(program: Program) -> float | None:
    return span(program.outcomes.salary_usd.low, program.outcomes.salary_usd.high).mid


def _less_is_better(value: float | None, best: float | None) -> float:
    """Ratio scale: the best figure in the catalog gets 1; one twice as large gets 0.5; unknown gets 0."""
    if value is None or best is None:
        return 0.0
    return 1.0 if value <= 0 or value <= best else best / value


def _more_is_better(value: float | None, top: float | None) -> float:
    """Ratio scale: the highest figure in the catalog gets 1; half of it gets 0.5; unknown or none gets 0."""
    if value is None or top is None or top <= 0:
        return 1.0 if value is not None and value == top else 0.0
    return max(0.0, min(1.0, value / top))


def _table_value(table: Mapping[str, object], answer: Answer) -> float | None:
    if answer is None:
        return None
    fit = table.get(str(answer))
    return float(getattr(fit, "value", 0.0)) if fit is not None else 0.0


def goal_fit(program: Program, pathway: Pathway, goal: str) -> float:
    """The pathway's own fit for the goal where it has one, else the program's; 0 where neither lists it."""
    fit = pathway.goal_fit.get(goal) or program.fit.goals.get(goal)
    return fit.value if fit is not None else 0.0


def career_goal_value(answers: Answers, program: Program, pathway: Pathway) -> float | None:
    """The mean of what the goal and the interest say (each counted once: they describe one wish).
    A goal of getting in fast is about time, which the time criterion weighs, so it adds nothing here."""
    goal, interest = answers.get("goal"), answers.get("interest")
    parts = []
    if goal is not None and goal != "fast_entry":
        parts.append(goal_fit(program, pathway, str(goal)))
    if interest is not None:
        parts.append(_table_value(program.fit.interests, interest) or 0.0)
    return sum(parts) / len(parts) if parts else None


def learning_value(answers: Answers, program: Program) -> float | None:
    """The mean of what the learning style and the strongest skill say."""
    style, strength = answers.get("learning_style"), answers.get("strength")
    parts = []
    if style not in (None, "blended"):
        parts.append(_table_value(program.fit.learning_styles, style) or 0.0)
    if strength is not None:
        parts.append(_table_value(program.fit.strengths, strength) or 0.0)
    return sum(parts) / len(parts) if parts else None

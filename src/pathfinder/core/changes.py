"""What would change the advice, what would decide a toss-up, and the nearest step when nothing fits.
Pure: no typer, rich or questionary.

A claim is made only where it holds: the named program then leads, fits the person's limits and is not a
toss-up. Each claim states the range where it really holds, at the precision shown:

- **Budget, timeline and weights**: values are tried at the figures' own edges and on a grid, and each end
  of a claim is found by bisection with the real scoring, to the whole dollar, month or tenth of a point.
  Just beyond either end the claim no longer holds. (Budget and timeline move the chances too, so a claim
  can end inside a pathway's range, where the pick stops being clear enough.)
- **Choices**: every other value is tried.
- **Weights**: one criterion is given a new share of the 100 points and the others share the rest in
  proportion (tenths, largest remainder).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from pathfinder.core import explain, wording
from pathfinder.core.explain import path_name
from pathfinder.core.questions import QUESTIONS, Answer, Question
from pathfinder.core.result import Change, Decider, NearestFit
from pathfinder.core.scoring import CRITERIA, TOTAL, Ranking, ScoredPathway, Scorer
from pathfinder.core.wording import whole_dollars

MAX_DECIDERS = 4
# The answers that most often settle a toss-up come first: what the person wants to do and what matters most.
DECIDER_ORDER = ("goal", "priority", "interest", "learning_style", "strength", "challenge", "remote")
# Answers that state facts about the person, not wishes: advice never suggests changing them.
FACTS = frozenset({"education"})


@dataclass
class _Trials:
    """Ranks the answers with one change, remembering each trial."""

    scorer: Scorer
    ranking: Ranking
    cache: dict[tuple[str, Answer], Ranking] = field(default_factory=dict)

    @property
    def answers(self) -> Mapping[str, Answer]:
        return self.ranking.answers

    def with_answer(self, question_id: str, value: Answer) -> Ranking:
        key = (question_id, value)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self.scorer.rank({**self.answers, question_id: value})
        return found

    def lead_with(self, answers: Mapping[str, Answer], weights: tuple[int, ...] | None = None) -> Lead | None:
        """``leader`` for changed answers or weights, working out the chances only where the first program or
        pathway changes and fits (most tried values do not)."""
        quick = self.scorer.rank(answers, weights, chances=False)
        now = self.ranking.first
        first = quick.first
        if not quick.fits or (first.program.id, first.best.pathway.id) == (now.program.id, now.best.pathway.id):
            return None
        return self.leader(self.scorer.rank(answers, weights))

    def leader(self, ranking: Ranking) -> Lead | None:
        """The program and pathway a trial puts first, if they differ from now, fit, and are not a toss-up."""
        first = ranking.first
        lead = (first.program.id, first.best.pathway.id)
        now = self.ranking.first
        if lead == (now.program.id, now.best.pathway.id) or not ranking.fits or ranking.confidence == "toss-up":
            return None
        return lead

    def fits_now(self, lead: Lead) -> bool:
        program = next(p for p in self.ranking.programs if p.program.id == lead[0])
        return next(p.fits for p in program.pathways if p.pathway.id == lead[1])

    def name(self, lead: Lead) -> str:
        """'HIM', or 'the HIM bachelor's degree' when the program stays first with another pathway."""
        program = next(p for p in self.ranking.programs if p.program.id == lead[0])
        if lead[0] != self.ranking.first.program.id:
            return program.program.short_name
        pathway = next(p.pathway for p in program.pathways if p.pathway.id == lead[1])
        return path_name(program.program, pathway)


Lead = tuple[str, str]  # program id, pathway id


def short_name(ranking: Ranking, program_id: str) -> str:
    return next(p.program.short_name for p in ranking.programs if p.program.id == program_id)


# --- the search for a claim's real edges ----------------------------------------------------------


GRID = 48  # evenly spaced values tried besides the figures' own edges, before bisection finds the exact edges
EDGE_WINDOW = 100  # values tried one by one inside each end of a claim
ROUNDING = 3  # tenths: how far apart two shown scores can be from their unrounded lines' difference
NEAR_TIE_SCAN = 60  # at most this many tenths tried one by one where two scores run level


def _claim(low: int, high: int, current: int | None, at: Callable[[int], Lead | None],
           hints: Iterable[float]) -> tuple[int, int, Lead, int] | None:
    """The stretch of whole values nearest ``current`` (from the top when it is None) over which ``at`` gives one
    new lead throughout: (near end, far end, lead, direction). Values are tried at the figures' edges (``hints``)
    and on a grid; each end is then found exactly by bisection, so the claim holds to its last shown value and not
    one step beyond (between tried values one change at most is assumed)."""
    points = {low, high, *(low + (high - low) * k // GRID for k in range(GRID + 1))}
    for hint in hints:
        for v in (math.floor(hint), math.ceil(hint), math.floor(hint) - 1, math.ceil(hint) + 1):
            if low <= v <= high:
                points.add(v)
    seen: dict[int, Lead | None] = {}

    def get(v: int) -> Lead | None:
        if v not in seen:
            seen[v] = at(v)
        return seen[v]

    def edge(inside: int, outside: int, lead: Lead) -> int:
        """The last value from ``inside`` toward ``outside`` where ``lead`` still holds."""
        while abs(outside - inside) > 1:
            middle = (inside + outside) // 2
            if get(middle) == lead:
                inside = middle
            else:
                outside = middle
        return inside

    ordered = sorted(points)
    found: list[tuple[int, int, Lead, int]] = []
    directions = (-1,) if current is None else (1, -1)
    for direction in directions:
        start = high if current is None else current
        run = [v for v in ordered if (v > start if direction > 0 else v < start)]
        if direction < 0:
            run.reverse()
        if current is None:
            run = [high, *run]
        previous = start
        for i, v in enumerate(run):
            lead = get(v)
            if lead is None:
                previous = v
                continue
            near = v if (current is None and v == high) else edge(v, previous, lead)
            far = v
            for w in run[i + 1:]:
                if get(w) != lead:
                    far = edge(far, w, lead)
                    break
                far = w
            # Near an edge the lead can flicker (a chance on the line between two confidences): every value within
            # one grid step of each end is tried, and an end moves inward past any value where the claim fails.
            step = 1 if far >= near else -1
            reach = min(max(1, (high - low) // GRID), EDGE_WINDOW)
            for _round in range(2):
                for x in range(near, near + step * min(reach, abs(far - near)) + step, step):
                    if get(x) != lead:
                        near = x + step
                for x in range(far, far - step * min(reach, abs(far - near)) - step, -step):
                    if get(x) != lead:
                        far = x - step
                if (far - near) * step < 0:
                    break
            if (far - near) * step >= 0:
                found.append((near, far, lead, direction))
            break
    if not found:
        return None
    return min(found, key=lambda c: (abs(c[0] - (current if current is not None else high)), -c[3]))


# --- answers: numbers --------------------------------------------------------------------------


def _number_change(question: Question, trials: _Trials) -> Change | None:
    assert question.minimum is not None and question.maximum is not None
    current = trials.answers.get(question.id)
    low, high = int(question.minimum), int(question.maximum)
    hints = []
    for program in trials.ranking.programs:
        for score in program.pathways:
            if question.id == "budget_usd":
                hints += [v for v in (score.cost.low, score.cost.high) if v is not None]
            else:
                hints += [v for t in score.figures.times for v in (t.low, t.high) if v is not None]
    # From the answer as the scoring reads it: a budget in whole dollars, half up (round() goes to the even dollar,
    # one below the dollar read from $6,500.50, and that dollar would never be tried); a timeline is whole already.
    here = None if current is None else whole_dollars(float(current))
    claim = _claim(low, high, here, lambda v: trials.lead_with({**trials.answers, question.id: v}), hints)
    if claim is None:
        return None
    near, far, new, direction = claim
    end = question.maximum if direction > 0 else question.minimum
    until = None if far == end else far
    return _answer_change(question, trials, near, until, new, (), upward=direction > 0)


# --- answers: choices --------------------------------------------------------------------------


def _choice_change(question: Question, trials: _Trials) -> Change | None:
    current = trials.answers.get(question.id)
    found: list[tuple[Answer, Lead]] = []
    for choice in question.choices:
        if choice.value == current:
            continue
        new = trials.leader(trials.with_answer(question.id, choice.value))
        if new is not None:
            found.append((choice.value, new))
    if not found:
        return None
    found.sort(key=lambda item: item[0] is None)  # "not sure" only when nothing else does it
    value, new = found[0]
    also = tuple(v for v, p in found[1:] if p == new)
    return _answer_change(question, trials, value, None, new, also)


def _answer_change(question: Question, trials: _Trials, to: Answer, until: Answer, new: Lead,
                   also: tuple[Answer, ...], upward: bool = True) -> Change:
    current = trials.answers.get(question.id)
    name = trials.name(new)
    makes_fit = not trials.fits_now(new)
    sentence = explain.answer_change_sentence(question, to, until, upward, name, makes_fit)
    if question.kind == "choice":
        distance = 1.0
    else:
        distance = 1.0 if current is None else abs(float(to) - float(current)) / max(abs(float(current)), 1.0)  # type: ignore[arg-type]
    return Change(answer=question.id, from_=current, to=to, until=until if isinstance(until, int | float) else None,
                  new_program_id=new[0], new_pathway=new[1], also=list(also), distance=round(distance, 4),
                  makes_fit=makes_fit, sentence=sentence)


# --- weights -----------------------------------------------------------------------------------


def shifted_weights(weights: tuple[int, ...], index: int, share: int) -> tuple[int, ...]:
    """Give criterion ``index`` a share of ``share`` tenths; the other weighed criteria share the rest in
    proportion to their weights now (rounded to tenths by largest remainder, adding up to 1000)."""
    rest = TOTAL - weights[index]
    exact = [0.0] * len(weights)
    for i, w in enumerate(weights):
        exact[i] = float(share) if i == index else (w * (TOTAL - share) / rest if rest else 0.0)
    floors = [int(v) for v in exact]
    left = TOTAL - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (-round(exact[i] - floors[i], 9), i))
    for i in order[:left]:
        floors[i] += 1
    return tuple(floors)


def _crossings(ranking: Ranking, index: int) -> list[float]:
    """The shares of criterion ``index`` (tenths) where two pathways' scores on the typical figures cross: the
    first program can change only there, so they are tried besides the grid. A pathway's score is a straight
    line in the share: score(x) = x * v + (TOTAL - x) / rest * others."""
    weights = ranking.weights
    rest = TOTAL - weights[index]
    lines = []
    for program in ranking.programs:
        for score in program.pathways:
            values = [v or 0.0 for v in score.values]
            others = sum(w * v for i, (w, v) in enumerate(zip(weights, values, strict=True)) if i != index)
            lines.append((TOTAL * others / rest if rest else 0.0, values[index] - (others / rest if rest else 0.0)))
    found: list[float] = []
    for i, (a1, b1) in enumerate(lines):
        for a2, b2 in lines[i + 1:]:
            if b1 == b2:
                continue
            x = (a2 - a1) / (b1 - b2)
            if 0 < x < TOTAL:
                found.append(x)
            # Where two scores stay within the rounding of shown tenths of each other, the first can flicker
            # between them: every tenth of that stretch is tried.
            ends = sorted(((a2 - a1 - ROUNDING) / (b1 - b2), (a2 - a1 + ROUNDING) / (b1 - b2)))
            start, stop = max(0, math.floor(ends[0])), min(TOTAL, math.ceil(ends[1]))
            found.extend(range(start, min(stop, start + NEAR_TIE_SCAN) + 1))
    return found


def _weight_change(index: int, trials: _Trials) -> Change | None:
    ranking = trials.ranking
    weights = ranking.weights
    if weights[index] == 0 or weights[index] == TOTAL or not ranking.fits:
        return None
    now = weights[index]
    current = (ranking.first.program.id, ranking.first.best.pathway.id)
    # Weights change no fit, so the first program under other weights is the fitting pathway with the highest
    # score, each score worked out from its values exactly as the scorer does (``int(weight * value + 0.5)`` a
    # criterion), level scores falling to the same sort tail. Only where that differs from now is the whole ranking
    # (with its chances) worked out.
    fitting = [(program.program.id, score.pathway.id, tuple(v or 0.0 for v in score.values), score.key[-1])
               for program in ranking.programs for score in program.pathways if score.fits]

    def at(share: int) -> Lead | None:
        shifted = shifted_weights(weights, index, share)
        first = min(fitting, key=lambda f: (-sum(int(w * v + 0.5) for w, v in zip(shifted, f[2], strict=True)), f[3]))
        if (first[0], first[1]) == current:
            return None
        return trials.leader(trials.scorer.rank(trials.answers, shifted))

    claim = _claim(0, TOTAL, now, at, _crossings(ranking, index))
    if claim is None:
        return None
    to, until, new, direction = claim
    criterion = CRITERIA[index]
    end = TOTAL if direction > 0 else 0
    if to == until != end:
        return None  # a knife edge (another pathway leads at one shown weight alone, between two near-level scores)
    name = trials.name(new)
    sentence = explain.weight_change_sentence(criterion.label, to, until, now, end, direction > 0, name)
    return Change(weight=criterion.id, from_=wording.to_points(now), to=wording.to_points(to),
                  until=None if until == end else wording.to_points(until),
                  new_program_id=new[0], new_pathway=new[1], distance=round(abs(to - now) / max(now, 10), 4),
                  sentence=sentence)


# --- together ----------------------------------------------------------------------------------


def what_would_change(ranking: Ranking, scorer: Scorer) -> list[Change]:
    """Each answer's and each weight's nearest change that puts another program first. Changes that make a
    ruled-out program fit come first, then the nearest."""
    trials = _Trials(scorer, ranking)
    found: list[tuple[int, int, Change]] = []
    for index, question in enumerate(QUESTIONS):
        if question.id in FACTS:
            continue
        change = _choice_change(question, trials) if question.kind == "choice" else _number_change(question, trials)
        if change is not None:
            found.append((0, index, change))
    for index in range(len(CRITERIA)):
        change = _weight_change(index, trials)
        if change is not None:
            found.append((1, index, change))
    found.sort(key=lambda item: (not item[2].makes_fit, item[2].distance, item[0], item[1]))
    return [item[2] for item in found]


def what_would_decide(ranking: Ranking, scorer: Scorer) -> list[Decider]:
    """For a toss-up: the answers whose values would settle it (a lean or clearer), for this person. Answers that
    split the programs come first; then answers that would settle it one way only."""
    if ranking.confidence != "toss-up" or not ranking.fits:
        return []
    trials = _Trials(scorer, ranking)
    both: list[Decider] = []
    one: list[Decider] = []
    # A goal the person gave is theirs: another goal is never offered as what would settle it (only a goal left
    # as "not sure" is one of the answers still open).
    given_goal = {"goal"} if trials.answers.get("goal") is not None else set()
    for question in sorted((q for q in QUESTIONS if q.kind == "choice" and q.id not in FACTS | given_goal),
                           key=lambda q: DECIDER_ORDER.index(q.id) if q.id in DECIDER_ORDER else len(DECIDER_ORDER)):
        by_program: dict[str, list[Answer]] = {}
        for choice in question.choices:
            if choice.value == trials.answers.get(question.id):
                continue
            again = trials.with_answer(question.id, choice.value)
            if again.fits and again.confidence != "toss-up":
                by_program.setdefault(again.first.program.id, []).append(choice.value)
        if not by_program:
            continue
        values = {pid: tuple(vals)
                  for pid, vals in sorted(by_program.items(), key=lambda item: short_name(ranking, item[0]))}
        sentence = explain.decider_sentence(question, [(list(vals), short_name(ranking, pid))
                                                       for pid, vals in values.items()])
        (both if len(values) > 1 else one).append(Decider(answer=question.id,
                                                          values={pid: list(vals) for pid, vals in values.items()},
                                                          sentence=sentence))
    return (both + one)[:MAX_DECIDERS]


def nearest_fit(ranking: Ranking, scorer: Scorer) -> NearestFit | None:
    """What would make a ruled-out pathway fit (more budget, more months; never another goal): when nothing fits, the
    nearest one; when the only program that fits is not the one the person's answers favour, that one."""
    if ranking.fits:
        favoured = max((p for p in ranking.programs[1:] if not p.fits), key=lambda p: p.score, default=None)
        if ranking.confidence != "lean" or ranking.margin is not None or favoured is None:
            return None
        best: ScoredPathway = favoured.best
    else:
        best = ranking.first.best
    answers = dict(ranking.answers)
    changes: dict[str, dict[str, Answer]] = {}
    for miss in best.misses.values():
        if miss.limit == "budget" and miss.need is not None:
            changes["budget_usd"] = {"from": answers.get("budget_usd"), "to": _whole(miss.need)}
        elif miss.limit == "timeline" and miss.need is not None:
            changes["timeline_months"] = {"from": answers.get("timeline_months"), "to": _whole(miss.need)}
        else:
            return None  # no change to one's answers can mend it (admission, or a cost no source gives)
    again = scorer.rank({**answers, **{k: change["to"] for k, change in changes.items()}})
    fitted = next(p for p in again.programs if p.program.id == best.program.id)
    if not fitted.fits:
        return None
    leads = again.first.program.id == best.program.id and again.confidence != "toss-up"
    sentence = explain.nearest_fit_sentence([(m.limit, m.short or 0.0, _whole(m.need or 0.0))
                                             for m in best.misses.values()], path_name(best.program, best.pathway),
                                            leads)
    return NearestFit(program_id=best.program.id, pathway=best.pathway.id, changes=changes, leads=leads,
                      sentence=sentence)


def _whole(value: float) -> int:
    return math.ceil(value)


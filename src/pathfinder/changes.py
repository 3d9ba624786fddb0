"""What would change the advice: the nearest single change to one answer or one weight that puts
another program first, and ``--what-if`` re-scoring. Pure: no typer, rich or questionary.

Answers: every other value of a choice is tried. A number is searched over its whole allowed range,
segment by segment between the catalog's edges (each pathway's total cost for a budget, its shortest
length for a timeline: where fits and limits change), sampling each segment and bisecting to the exact
whole dollar or month; then the same search finds where the flip stops holding.

Weights: a pathway's score is a weighted sum, so with the other weights kept as they are it is a straight
line in one criterion's weight. The weights where two lines cross are solved exactly; between them the
order cannot change, so the ranking is checked once in each interval. The scoring then rescales all weights
to add up to 100, which multiplies every score by the same factor and leaves the order as it is.

A change counts only if the new first program fits the person's limits (a program first only because
nothing fits is no advice), unless nothing fits now.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from itertools import combinations
from typing import Any

from pathfinder.factsheet import money
from pathfinder.models import Catalog
from pathfinder.results import Change, Result, WhatIf
from pathfinder.questions import QUESTIONS, Answer, Question
from pathfinder.scoring import CRITERIA, Scorer, pathway_fits, shortest_months, total_cost, weights

SHOWN = 3
SAMPLES_PER_SEGMENT = 16
WEIGHT_MAX = 100.0
WEIGHT_STEP = 0.1


class _Flips:
    """Re-scores with one change and says which program would then be first (None: no change of advice)."""

    def __init__(self, answers: Mapping[str, Answer], catalog: Catalog, current: Result, scorer: Scorer) -> None:
        self.answers = dict(answers)
        self.catalog = catalog
        self.scorer = scorer
        self.current = current.ranking[0].program_id
        self.nothing_fits = not current.ranking[0].eligible
        self._cache: dict[tuple[str, Any], str | None] = {}

    def _judge(self, ranking: list[dict[str, Any]]) -> str | None:
        first = ranking[0]
        if first["program_id"] == self.current or not (first["eligible"] or self.nothing_fits):
            return None
        return first["program_id"]  # type: ignore[no-any-return]

    def answer(self, question_id: str, value: Answer) -> str | None:
        key = (question_id, value)
        if key not in self._cache:
            self._cache[key] = self._judge(self.scorer.ranking({**self.answers, question_id: value}))
        return self._cache[key]

    def weight(self, overrides: Mapping[str, float]) -> str | None:
        return self._judge(self.scorer.ranking(self.answers, weight_override=overrides))


def _short(catalog: Catalog, program_id: str) -> str:
    program = catalog.program(program_id)
    return program.short_name if program else program_id


# --- answers --------------------------------------------------------------------------------------


def _choice_change(question: Question, flips: _Flips) -> Change | None:
    current = flips.answers.get(question.id)
    found = [(c.value, new) for c in question.choices if c.value != current
             for new in [flips.answer(question.id, c.value)] if new is not None]
    if not found:
        return None
    found.sort(key=lambda item: item[0] is None)  # "not sure" only when nothing else flips it
    value, new = found[0]
    sentence = (f'If you answered "{question.label_for(value)}" to "{question.prompt}", '
                f"{_short(flips.catalog, new)} would rank first.")
    return Change(answer=question.id, from_=current, to=value, new_program_id=new, distance=1.0, sentence=sentence,
                  also=[v for v, _ in found[1:]])


def _edges(question: Question, catalog: Catalog) -> list[float]:
    """Where a number's effect on the scores bends or a limit starts or stops fitting."""
    points: list[float] = []
    for program in catalog.programs:
        for pathway in program.pathways:
            if question.unit == "usd":
                points.extend(v for v in total_cost(pathway) if v is not None)
            elif question.unit == "months":
                points.append(shortest_months(pathway))
    return points


def _scan(start: float, end: int, holds: Callable[[int], bool], edges: list[float], include_start: bool = False) -> int | None:
    """The first whole number from ``start`` toward ``end`` where ``holds`` is true, or None."""
    step = 1 if end >= start else -1
    first = math.ceil(start) if step > 0 else math.floor(start)
    if not include_start and first == start:
        first += step
    if (end - first) * step < 0:
        return None
    inside = sorted({math.ceil(e) if step > 0 else math.floor(e) for e in edges if (e - first) * step > 0 and (end - e) * step > 0},
                    reverse=step < 0)
    last_clear = first - step
    for stop in [*inside, end]:
        length = abs(stop - last_clear)
        count = min(SAMPLES_PER_SEGMENT, length)
        samples = sorted({last_clear + step * math.ceil(length * i / count) for i in range(1, count + 1)}, key=lambda v: v * step)
        for sample in samples:
            if holds(sample):
                return _bisect(last_clear, sample, holds) if abs(sample - last_clear) > 1 else sample
            last_clear = sample
    return None


def _bisect(clear: int, holding: int, holds: Callable[[int], bool]) -> int:
    """The whole number next to ``clear`` (where ``holds`` is false) at which it becomes true."""
    while abs(holding - clear) > 1:
        middle = (clear + holding) // 2
        if holds(middle):
            holding = middle
        else:
            clear = middle
    return holding


def _number_change(question: Question, flips: _Flips) -> Change | None:
    assert question.minimum is not None and question.maximum is not None
    low, high = int(question.minimum), int(question.maximum)
    current = flips.answers.get(question.id)
    edges = _edges(question, flips.catalog)

    def flipped(value: int) -> bool:
        return flips.answer(question.id, value) is not None

    if current is None:  # from "not sure": the largest value that changes the advice
        candidates = [(_scan(high, low, flipped, edges, include_start=True), low)]
    else:
        assert isinstance(current, int | float)
        candidates = [(_scan(current, high, flipped, edges), high), (_scan(current, low, flipped, edges), low)]
    found = [(to, end) for to, end in candidates if to is not None]
    if not found:
        return None
    distance = (lambda to: 1.0) if current is None else (lambda to: abs(to - current) / max(abs(current), 1.0))  # type: ignore[operator]
    to, end = min(found, key=lambda item: (distance(item[0]), -item[0]))
    new = flips.answer(question.id, to)
    assert new is not None
    stop = _scan(to, end, lambda v: flips.answer(question.id, v) != new, edges)
    until = None if stop is None else stop - (1 if end > to else -1)
    noun = question.noun or f'your answer to "{question.prompt}"'
    where = _where(question, to, until, end)
    sentence = f"If {noun} were {where}, {_short(flips.catalog, new)} would rank first."
    return Change(answer=question.id, from_=current, to=to, until=until, new_program_id=new,
                  distance=round(distance(to), 4), sentence=sentence)


def _where(question: Question, to: int, until: int | None, end: int) -> str:
    """'$7,000 or more', 'from 9 to 23 months', '120 months'."""
    shown: Callable[[float], str] = money if question.unit == "usd" else (lambda v: f"{v:g}")
    unit = " months" if question.unit == "months" else ""
    if until is None:
        return f"{shown(to)}{unit}" if to == end else f"{shown(to)}{unit} or {'more' if end > to else 'less'}"
    return f"from {shown(min(to, until))} to {shown(max(to, until))}{unit}"


# --- weights --------------------------------------------------------------------------------------


def _crossings(answers: Mapping[str, Answer], catalog: Catalog, w: Mapping[str, float], criterion: str) -> list[float]:
    """Weights of ``criterion`` (others fixed) where two pathways' scores are equal: the only places the order can change."""
    lines = []
    for pathways in pathway_fits(answers, catalog).values():
        group = [p for p in pathways if p[1]] or pathways  # a program's score comes from its best pathway that fits
        for _, _, fits in group:
            lines.append((sum(w[c] * fits[c] for c in fits if c != criterion), fits[criterion]))
    points = {0.0, WEIGHT_MAX}
    for (c1, s1), (c2, s2) in combinations(lines, 2):
        if s1 != s2:
            t = (c2 - c1) / (s1 - s2)
            if 0 < t < WEIGHT_MAX:
                points.add(t)
    return sorted(points)


def _weight_change(criterion_id: str, label: str, flips: _Flips) -> Change | None:
    w = weights(flips.answers)
    now = w[criterion_id]
    points = _crossings(flips.answers, flips.catalog, w, criterion_id)

    def at(t: float) -> str | None:
        return flips.weight({**w, criterion_id: t})

    options = []
    for direction in (1, -1):
        bounds = [p for p in points if (p - now) * direction >= 0] if direction > 0 else [p for p in reversed(points) if p <= now]
        edges = [now, *(p for p in bounds if p != now)]
        for near, far in zip(edges, edges[1:]):
            if at((near + far) / 2) is None:
                continue
            options.append(_round_toward(near, far, direction, now, at))
            break
    found = [o for o in options if o is not None]
    if not found:
        return None
    to, new = min(found, key=lambda item: abs(item[0] - now))
    sentence = (f"If {label.lower()} counted for {to:.1f} points instead of {now:.1f} (other weights unchanged), "
                f"{_short(flips.catalog, new)} would rank first.")
    return Change(weight=criterion_id, from_=round(now, 4), to=to, new_program_id=new,
                  distance=round(abs(to - now) / max(now, 1.0), 4), sentence=sentence)


def _round_toward(near: float, far: float, direction: int, now: float, at: Callable[[float], str | None]) -> tuple[float, str] | None:
    """The first weight on the 0.1 grid past the crossing ``near`` (toward ``far``) that flips the order."""
    rounding = math.ceil if direction > 0 else math.floor
    t = rounding(round(near / WEIGHT_STEP, 6)) * WEIGHT_STEP
    while (far - t) * direction > 0 or math.isclose(t, far):
        t = round(t, 1)
        if (t - now) * direction > 0 and 0 <= t <= WEIGHT_MAX:
            new = at(t)
            if new is not None:
                return t, new
        t += direction * WEIGHT_STEP
    middle = round((near + far) / 2, 4)
    new = at(middle)
    return (middle, new) if new is not None else None


# --- together -------------------------------------------------------------------------------------


def what_would_change(result: Result, catalog: Catalog, scorer: Scorer | None = None) -> list[Change]:
    """Each answer's and each weight's smallest change that puts another program first, nearest first.

    ``scorer`` (for ``catalog``) is reused when given; the search re-scores the answers many times.
    """
    flips = _Flips(result.answers, catalog, result, scorer or Scorer(catalog))
    found: list[tuple[int, int, Change]] = []
    for index, question in enumerate(QUESTIONS):
        change = _choice_change(question, flips) if question.kind == "choice" else _number_change(question, flips)
        if change is not None:
            found.append((0, index, change))
    for index, criterion in enumerate(CRITERIA):
        change = _weight_change(criterion.id, criterion.label, flips)
        if change is not None:
            found.append((1, index, change))
    found.sort(key=lambda item: (item[2].distance, item[0], item[1]))
    return [change for _, _, change in found]


def what_if(result: Result, changes: Mapping[str, Answer], catalog: Catalog, scorer: Scorer | None = None) -> WhatIf:
    """The result again with some answers changed; ``changes`` must already be validated."""
    answers = {**result.answers, **changes}
    again = (scorer or Scorer(catalog)).result(answers)
    changed = {key: {"from": result.answers.get(key), "to": value} for key, value in changes.items()}
    return WhatIf(changed=changed, answers=again.answers, recommendation=again.recommendation,
                  ranking=again.ranking, warnings=again.warnings)

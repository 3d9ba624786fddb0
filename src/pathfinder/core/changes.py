"""What would change the advice, what would decide a toss-up, and the nearest step when nothing fits.
Pure: no typer, rich or questionary.

A claim is made only when it holds over its whole stated range: the named program then leads, fits the
person's limits and is not a toss-up. The ranges are found exactly, not sampled:

- **Budget and timeline** only decide which pathways fit (the scores do not read them), so the ranking
  is the same between two neighbouring pathway costs (or earliest start dates). Each stretch between
  them is ranked once, and a claim spans whole stretches.
- **Choices**: every other value is tried.
- **Weights**, in the points the result shows: one criterion is given a new share of the 100 points and
  the others share the rest in proportion. Each pathway's score is then a straight line in that share, so
  the ranking can change only where two lines cross, or where two come within 5 points of each other;
  between those places nothing changes. The stretch is checked with the real scoring at both ends.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from pathfinder.core import wording
from pathfinder.core.explain import label, path_name
from pathfinder.core.questions import QUESTIONS, QUESTIONS_BY_ID, Answer, Question
from pathfinder.core.result import Change, Decider, NearestFit
from pathfinder.core.scoring import CRITERIA, LEAN_FROM, TOTAL, Ranking, ScoredPathway, Scorer

MAX_DECIDERS = 4
# Shown scores round each contribution to a tenth, with weights rounded to tenths too: a score can differ from
# its unrounded line by up to 1.5 tenths per criterion, so two scores by up to 24 tenths. A weight claim keeps
# that much room, so it holds at every share in its range, not only where it was checked.
GUARD = 24
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


# --- answers: numbers --------------------------------------------------------------------------


def _stretches(question: Question, trials: _Trials) -> list[tuple[int, int]]:
    """Whole-number stretches of a budget or timeline within which the ranking cannot change."""
    assert question.minimum is not None and question.maximum is not None
    low, high = int(question.minimum), int(question.maximum)
    edges = set()
    for program in trials.ranking.programs:
        for score in program.pathways:
            figure = score.cost.low if question.id == "budget_usd" else score.time_to_work.low
            if figure is not None:
                edges.add(math.ceil(figure))
    starts = sorted({low, *(e for e in edges if low < e <= high)})
    return [(start, (starts[i + 1] - 1) if i + 1 < len(starts) else high) for i, start in enumerate(starts)]


def _number_change(question: Question, trials: _Trials) -> Change | None:
    current = trials.answers.get(question.id)
    stretches = _stretches(question, trials)
    leaders = [trials.leader(trials.with_answer(question.id, start)) for start, _ in stretches]
    if current is None:
        # From "not sure": the largest value that changes the advice, so search down from the top.
        order = [(i, -1) for i in range(len(stretches) - 1, -1, -1)]
    else:
        assert isinstance(current, int | float)
        here = max(i for i, (start, _) in enumerate(stretches) if start <= current)
        order = _nearest_first(here, stretches, current)
    for index, step in order:
        new = leaders[index]
        if new is None:
            continue
        # The run of neighbouring stretches with the same leader, away from the current answer.
        far = index
        while 0 <= far + step < len(stretches) and leaders[far + step] == new:
            far += step
        if current is None:
            near_end, far_end = stretches[index][1], stretches[far][0]
        else:
            near_end = stretches[index][0] if step > 0 else stretches[index][1]
            far_end = stretches[far][1] if step > 0 else stretches[far][0]
        until = None if far_end == (question.maximum if step > 0 else question.minimum) else far_end
        return _answer_change(question, trials, near_end, until, new, (), upward=step > 0)
    return None


def _nearest_first(here: int, stretches: list[tuple[int, int]], current: float) -> list[tuple[int, int]]:
    """Stretches above and below the current one, nearest first (each with its direction)."""
    def gap(index: int) -> float:
        start, end = stretches[index]
        return start - current if start > current else current - end

    others = [(i, 1) for i in range(here + 1, len(stretches))] + [(i, -1) for i in range(here - 1, -1, -1)]
    return sorted(others, key=lambda item: (gap(item[0]), -item[1]))


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
    if question.kind == "choice":
        sentence = f'If you answered "{question.label_for(to)}" to "{question.prompt}", {name} would lead.'
        distance = 1.0
    else:
        sentence = f"If {question.noun} were {_where(question, to, until, upward)}, {name} would lead."
        distance = 1.0 if current is None else abs(float(to) - float(current)) / max(abs(float(current)), 1.0)  # type: ignore[arg-type]
    makes_fit = not trials.fits_now(new)
    if makes_fit:
        sentence = sentence.replace(" would lead.", " would fit your limits and lead.")
    return Change(answer=question.id, from_=current, to=to, until=until if isinstance(until, int | float) else None,
                  new_program_id=new[0], new_pathway=new[1], also=list(also), distance=round(distance, 4),
                  makes_fit=makes_fit, sentence=sentence)


def _where(question: Question, to: Answer, until: Answer, upward: bool) -> str:
    """'$7,000 or more', 'from 9 to 23 months', '$6,999 or less'."""
    assert isinstance(to, int | float)
    shown = wording.money if question.unit == "usd" else wording.number
    unit = " months" if question.unit == "months" else ""
    if until is None:
        return f"{shown(to)}{unit} or {'more' if upward else 'less'}"
    assert isinstance(until, int | float)
    low, high = sorted((to, until))
    return f"from {shown(low)} to {shown(high)}{unit}"


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


def _lines(ranking: Ranking, index: int) -> list[tuple[Lead, float, float]]:
    """Each fitting pathway's score as a line in criterion ``index``'s share x (tenths): a + b*x."""
    weights = ranking.weights
    rest = TOTAL - weights[index]
    lines = []
    for program in ranking.programs:
        for score in program.pathways:
            if not score.fits:
                continue
            values = [v or 0.0 for v in score.values]
            others = sum(w * v for i, (w, v) in enumerate(zip(weights, values, strict=True)) if i != index)
            # score(x) = x * v_i + (TOTAL - x) / rest * others
            slope = values[index] - (others / rest if rest else 0.0)
            lines.append(((program.program.id, score.pathway.id), TOTAL * others / rest if rest else 0.0, slope))
    return lines


def _weight_change(index: int, trials: _Trials) -> Change | None:
    ranking = trials.ranking
    weights = ranking.weights
    if weights[index] == 0 or weights[index] == TOTAL or not ranking.fits:
        return None
    lines = _lines(ranking, index)
    points = {0.0, float(TOTAL)}
    for (lead1, a1, b1), (lead2, a2, b2) in ((l1, l2) for i, l1 in enumerate(lines) for l2 in lines[i + 1:]):
        if b1 != b2:
            gap = GUARD if lead1[0] == lead2[0] else LEAN_FROM + GUARD
            for offset in (0.0, gap, -gap, GUARD, -GUARD):
                x = (a2 - a1 + offset) / (b1 - b2)
                if 0 < x < TOTAL:
                    points.add(x)
    cuts = sorted(points)
    now = weights[index]

    def leader_at(x: float) -> Lead | None:
        """The first (program, pathway) at share x, if it changes and leads with room to spare: by a lean plus
        GUARD over every other program, and by GUARD over its own other pathways, on the unrounded scores."""
        best: dict[str, list[tuple[float, Lead]]] = {}
        for lead, a, b in lines:
            best.setdefault(lead[0], []).append((a + b * x, lead))
        for scores in best.values():
            scores.sort(key=lambda item: -item[0])
        order = sorted(best.values(), key=lambda scores: -scores[0][0])
        top, lead = order[0][0]
        current = trials.ranking.first
        if lead == (current.program.id, current.best.pathway.id):
            return None
        if len(order[0]) > 1 and top - order[0][1][0] < GUARD:
            return None
        if len(order) > 1 and top - order[1][0][0] < LEAN_FROM + GUARD:
            return None
        return lead

    pieces = [(cuts[i], cuts[i + 1], leader_at((cuts[i] + cuts[i + 1]) / 2)) for i in range(len(cuts) - 1)]
    options: list[tuple[int, int, Lead]] = []
    for direction in (1, -1):
        ordered = [p for p in pieces if (p[0] >= now if direction > 0 else p[1] <= now)]
        if direction < 0:
            ordered.reverse()
        for k, (start, end, new) in enumerate(ordered):
            if new is None:
                continue
            near, far = (start, end) if direction > 0 else (end, start)
            for start2, end2, new2 in ordered[k + 1:]:
                if new2 != new:
                    break
                far = end2 if direction > 0 else start2
            near_t = math.ceil(near) if direction > 0 else math.floor(near)
            far_t = math.floor(far) if direction > 0 else math.ceil(far)
            checked = _check_weight_range(trials, index, near_t, far_t, new, direction)
            if checked is not None:
                options.append((*checked, new))
            break
    if not options:
        return None
    to, until, new = min(options, key=lambda o: abs(o[0] - now))
    criterion = CRITERIA[index]
    name = trials.name(new)
    end = TOTAL if to > now else 0
    if until == end:
        where = f"{wording.points(to)} or {'more' if to > now else 'less'}"
    elif until == to:  # the claim holds at this one share only: say so, not "82.5 to 82.5"
        where = f"exactly {wording.points(to)}"
    else:
        where = f"{wording.points(min(to, until))} to {wording.points(max(to, until))}"
    sentence = (f"If {criterion.label.lower()} counted for {where} of the 100 points (now {wording.points(now)}, the "
                f"other criteria sharing the rest in proportion), {name} would lead.")
    return Change(weight=criterion.id, from_=wording.to_points(now), to=wording.to_points(to),
                  until=None if until == end else wording.to_points(until),
                  new_program_id=new[0], new_pathway=new[1], distance=round(abs(to - now) / max(now, 10), 4),
                  sentence=sentence)


def _check_weight_range(trials: _Trials, index: int, near: int, far: int, new: Lead,
                        direction: int) -> tuple[int, int] | None:
    """Check the stretch with the real scoring at both ends (the guard makes this a formality), moving an end
    inward if it does not hold there."""

    def holds(share: int) -> bool:
        again = trials.scorer.rank(trials.answers,
                                   weight_override=shifted_weights(trials.ranking.weights, index, share))
        return trials.leader(again) == new

    for _ in range(20):
        if (far - near) * direction < 0:
            return None
        if holds(near):
            break
        near += direction
    else:
        return None
    for _ in range(20):
        if (far - near) * direction < 0:
            return None
        if holds(far):
            return near, far
        far -= direction
    return None


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
    return [change for _, _, change in found]


def what_would_decide(ranking: Ranking, scorer: Scorer) -> list[Decider]:
    """For a toss-up: the answers whose values would settle it (a lean or clearer), for this person. Answers that
    split the programs come first; then answers that would settle it one way only."""
    if ranking.confidence != "toss-up" or not ranking.fits:
        return []
    trials = _Trials(scorer, ranking)
    both: list[Decider] = []
    one: list[Decider] = []
    for question in sorted((q for q in QUESTIONS if q.kind == "choice" and q.id not in FACTS),
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
        parts = [f"{wording.listing([label(question.id, v) for v in vals], 'or')} would point to "
                 f"{short_name(ranking, pid)}"
                 for pid, vals in values.items()]
        (both if len(values) > 1 else one).append(Decider(answer=question.id,
                                                          values={pid: list(vals) for pid, vals in values.items()},
                                                          sentence=f"{question.title}: {'; '.join(parts)}."))
    return (both + one)[:MAX_DECIDERS]


def nearest_fit(ranking: Ranking, scorer: Scorer) -> NearestFit | None:
    """What would make a ruled-out pathway fit (more budget, more months, another goal): when nothing fits, the
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
    words = []
    for miss in best.misses.values():
        if miss.limit == "budget" and miss.need is not None:
            changes["budget_usd"] = {"from": answers.get("budget_usd"), "to": _whole(miss.need)}
            words.append(f"{wording.money(miss.short)} more budget (a budget of {wording.money(_whole(miss.need))})")
        elif miss.limit == "timeline" and miss.need is not None:
            changes["timeline_months"] = {"from": answers.get("timeline_months"), "to": _whole(miss.need)}
            words.append(f"{wording.months(math.ceil(miss.short or 0))} more time "
                         f"(a timeline of {wording.months(_whole(miss.need))})")
        elif miss.limit == "level" and best.pathway.goals:
            # The direct-route goals in the questionnaire's order (never the data file's list order).
            direct = [c.value for c in QUESTIONS_BY_ID["goal"].choices if c.value in best.pathway.goals]
            changes["goal"] = {"from": answers.get("goal"), "to": direct[0]}
            words.append("a goal it is the direct route to "
                         f"({wording.listing([label('goal', g) for g in direct], 'or')})")
        else:
            return None  # no change to one's answers can mend it (admission, or a cost no source gives)
    again = scorer.rank({**answers, **{k: change["to"] for k, change in changes.items()}})
    fitted = next(p for p in again.programs if p.program.id == best.program.id)
    if not fitted.fits:
        return None
    leads = again.first.program.id == best.program.id and again.confidence != "toss-up"
    name = path_name(best.program, best.pathway)
    sentence = f"{wording.listing(words)} would make {name} fit" + (", and it would lead." if leads else ".")
    return NearestFit(program_id=best.program.id, pathway=best.pathway.id, changes=changes, leads=leads,
                      sentence=sentence[0].upper() + sentence[1:])


def _whole(value: float) -> int:
    return math.ceil(value)


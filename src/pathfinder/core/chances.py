"""How often each program comes out first when every range is drawn: stochastic multicriteria acceptability
analysis (SMAA; Lahdelma and Salminen, 2001), on a fixed sample, so the same answers give the same chances on any
machine. docs/method.md, section 7, states the method and its assumptions.

- **The draws.** Every figure that is a range (each pathway's total cost and months to work, each program's
  salary) is drawn uniformly within its range, independently: a Latin hypercube of ``DRAWS`` points, each range's
  positions shuffled by a generator seeded from the range's own names and figures (not from the catalog's order).
- **In each draw** the pathways are scored as the ranking scores them (the same weights; cost, time and salary
  values on the same ratio scales, against the cheapest, quickest and best paid in that draw; growth and the fit
  tables as they are). A pathway fits in a draw when its drawn cost and months are within the person's budget and
  timeline and the person is admitted. A program comes first in a draw when one of its pathways that fits scores
  above every fitting pathway of every other program; a tie is shared.
- **Draws in which nothing fits are set aside**: the win chance is about which program comes out ahead, the fit
  chance (``scoring.share_within``) about whether it fits. When nothing fits in any draw, the pathways that fit at
  the very end of their ranges count as fitting in every draw, or, if none does, every pathway, so the chances
  still say which program the answers favour. The chances add up to 1.

Fast enough for ``pathfinder score``: each draw's comparison of two pathways is kept as sorted differences with a
bit mask of the draws above each, remembered by the weights and steps once they are asked for twice; a person then
costs a few bisections and integer bit operations. Weights tried once (the search for what would change) are
compared draw by draw instead, without sorting.
"""

from __future__ import annotations

import random
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pathfinder.core.pathways import NO_STEP, PART_STEP, WHOLE_STEP, span, time_to_work, total_cost
from pathfinder.core.programs import Catalog

if TYPE_CHECKING:
    from pathfinder.core.scoring import ScoredPathway

DRAWS = 128
ALL = (1 << DRAWS) - 1
STEPS = (NO_STEP, PART_STEP, WHOLE_STEP)
_REMEMBER_PAIRS = 20_000  # pairs of pathways and weights remembered (each about 10 kB once sorted)
_REMEMBER_CHANCES = 2_000  # answer sets' chances remembered (each about 1 kB; few repeat across a class)


def uniforms(seed_text: str) -> list[float]:
    """``DRAWS`` positions in [0, 1], one in each of ``DRAWS`` equal strata, shuffled by a generator seeded from
    ``seed_text`` (a Latin hypercube column): the same on any machine."""
    order = list(range(DRAWS))
    random.Random(zlib.crc32(seed_text.encode())).shuffle(order)
    return [(k + 0.5) / DRAWS for k in order]


def _masks(values: list[float]) -> tuple[list[float], list[int]]:
    """The values sorted, and for each k the bit mask of the draws holding the k smallest (prefix masks)."""
    order = sorted(range(len(values)), key=values.__getitem__)
    masks = [0]
    for d in order:
        masks.append(masks[-1] | (1 << d))
    return [values[d] for d in order], masks


@dataclass(frozen=True)
class PathwayDraws:
    cost: tuple[list[float], list[int]] | None  # sorted drawn costs and prefix masks; None where no source prices it
    times: tuple[tuple[list[float], list[int]], ...]  # by step
    cost_value: list[float]  # per draw
    time_value: tuple[list[float], ...]  # by step, per draw
    salary_value: list[float]  # per draw (the program's)
    growth_value: float


class Draws:
    """The fixed draws for one catalog, and the chances each answer set gives."""

    def __init__(self, catalog: Catalog) -> None:
        pathways = [(program, pathway) for program in catalog.programs for pathway in program.pathways]
        costs, times = [], []
        for program, pathway in pathways:
            # Seeded by the names as the programs file writes them: the same draws in every language.
            name = f"{program.name_as_written()}|{pathway.name_as_written()}"
            cost = total_cost(pathway)
            u = uniforms(f"{name}|cost|{cost.low}|{cost.high}")
            costs.append(None if cost.low is None or cost.high is None
                         else [cost.low + x * (cost.high - cost.low) for x in u])
            u = uniforms(f"{name}|time|{pathway.duration_months.low}|{pathway.duration_months.high}")
            by_step = []
            for step in STEPS:
                t = time_to_work(pathway, step)
                assert t.low is not None and t.high is not None  # validated: every pathway has a length
                by_step.append([t.low + x * (t.high - t.low) for x in u])
            times.append(by_step)
        salaries = {}
        for program in catalog.programs:
            salary = span(program.outcomes.salary_usd.low, program.outcomes.salary_usd.high)
            u = uniforms(f"{program.name_as_written()}|salary|{salary.low}|{salary.high}")
            salaries[program.id] = (None if salary.low is None or salary.high is None
                                    else [salary.low + x * (salary.high - salary.low) for x in u])
        priced = [c for c in costs if c is not None]
        cheapest = [min(c[d] for c in priced) for d in range(DRAWS)] if priced else [0.0] * DRAWS
        quickest = [min(t[NO_STEP][d] for t in times) for d in range(DRAWS)]
        paid = [s for s in salaries.values() if s is not None]
        best_paid = [max(s[d] for s in paid) for d in range(DRAWS)] if paid else [0.0] * DRAWS
        growths = [p.outcomes.job_growth.percent for p in catalog.programs]
        top_growth = max((g for g in growths if g is not None), default=None)
        self._of: list[PathwayDraws] = []
        for (program, _), drawn, by_step in zip(pathways, costs, times, strict=True):
            pay = salaries[program.id]
            growth = program.outcomes.job_growth.percent
            self._of.append(PathwayDraws(
                cost=None if drawn is None else _masks(drawn),
                times=tuple(_masks(t) for t in by_step),
                cost_value=[0.0] * DRAWS if drawn is None else
                [1.0 if c <= 0 or c <= low else low / c for c, low in zip(drawn, cheapest, strict=True)],
                time_value=tuple([1.0 if t <= 0 or t <= q else q / t for t, q in zip(by_step[s], quickest, strict=True)]
                                 for s in STEPS),
                salary_value=[0.0] * DRAWS if pay is None else
                [0.0 if top <= 0 else min(1.0, p / top) for p, top in zip(pay, best_paid, strict=True)],
                growth_value=0.0 if growth is None or top_growth is None or top_growth <= 0
                else max(0.0, min(1.0, growth / top_growth)),
            ))
        self._pairs: dict[tuple[int, ...], tuple[list[float], list[int]]] = {}
        self._seen: set[tuple[int, ...]] = set()  # pairs of pathways and weights asked for once
        self._chances: dict[tuple[object, ...], list[float]] = {}  # by weights and each pathway's step, score, fits

    def of(self, index: int) -> PathwayDraws:
        return self._of[index]

    def _above(self, p: int, sp: int, q: int, sq: int, w: tuple[int, ...], gap: float) -> tuple[int, int]:
        """The draws where pathway p (taken at step sp) scores above q (at step sq), and those where q scores above
        p, when the parts of their scores that are not drawn differ by ``gap`` (q's minus p's): p is above q in a
        draw when its drawn part (cost, time, salary) exceeds q's by more than ``gap``.

        The drawn parts' differences, sorted with prefix masks, are remembered by the pathways, their steps and the
        three weights they read, from the second time they are asked for; a person then costs two bisections. The
        first time, as in the search for what would change (which tries many weights once each), they are only
        compared with ``gap``."""
        key = (p, sp, q, sq, w[0], w[1], w[2])
        found = self._pairs.get(key)
        if found is None:
            a, b = self._of[p], self._of[q]
            w0, w1, w2 = w[0], w[1], w[2]
            ta, tb = a.time_value[sp], b.time_value[sq]
            diffs = [w0 * (ca - cb) + w1 * (xa - xb) + w2 * (sa - sb) for ca, cb, xa, xb, sa, sb in
                     zip(a.cost_value, b.cost_value, ta, tb, a.salary_value, b.salary_value, strict=True)]
            if key not in self._seen:
                if len(self._seen) >= _REMEMBER_PAIRS:
                    self._seen.clear()
                self._seen.add(key)
                over = under = 0
                bit = 1
                for value in diffs:
                    if value > gap:
                        over |= bit
                    elif value < gap:
                        under |= bit
                    bit <<= 1
                return over, under
            if len(self._pairs) >= _REMEMBER_PAIRS:
                self._pairs.clear()
            found = self._pairs[key] = _masks(diffs)
        values, prefix = found
        return ALL ^ prefix[bisect_right(values, gap)], prefix[bisect_left(values, gap)]

    def win_chances(self, programs: Sequence[Sequence[ScoredPathway]], budget: float | None, timeline: float | None,
                    held: int, w: tuple[int, ...]) -> list[float]:
        """Each program's share of the draws (those in which something fits) where it comes out first, exact (the
        result shows two decimals; the shares add up to 1). ``budget`` and ``timeline`` are the person's limits
        (None: not given) and ``held`` the rank of the education they hold (-1: not given)."""
        entries: list[tuple[int, ScoredPathway, int]] = []  # (program, pathway, the draws in which it fits)
        anything = 0
        for i, scored in enumerate(programs):
            for score in scored:
                f = score.figures
                if not f.admitted[held]:
                    mask = 0
                else:
                    drawn = self._of[f.index]
                    if budget is None:
                        mask = ALL
                    elif drawn.cost is None:
                        mask = 0
                    else:
                        mask = drawn.cost[1][bisect_right(drawn.cost[0], budget)]
                    if mask and timeline is not None:
                        times = drawn.times[score.prerequisite]
                        mask &= times[1][bisect_right(times[0], timeline)]
                entries.append((i, score, mask))
                anything |= mask
        if not anything:  # a pathway that fits only at the very end of its ranges, or nothing that fits at all
            edge = any(score.fits for _, score, _ in entries)
            entries = [(i, score, ALL if score.fits or not edge else 0) for i, score, _ in entries]
            anything = ALL
        holders = {i for i, _, mask in entries if mask}
        if len(holders) == 1:  # only one program fits in any draw: it comes out first in all of them
            (only,) = holders
            return [1.0 if i == only else 0.0 for i in range(len(programs))]
        key = (w, tuple((s.figures.index, s.prerequisite, s.score, m) for _, s, m in entries))
        found = self._chances.get(key)
        if found is not None:
            return found
        # What each fitting pathway scores apart from the drawn figures (cost, time, salary): the fit criteria's
        # points and growth's.
        growth = w[3]
        fitting = [(i, s.figures.index, s, m, sum(s.points[4:]) + growth * self._of[s.figures.index].growth_value)
                   for i, s, m in entries if m]
        # Each pair of fitting pathways of different programs is compared once: a pathway comes out first in the
        # draws where it fits and no pathway of another program that fits there scores above it (or level).
        beaten = [0] * len(fitting)
        for x, (i, pa, score, mask, own_a) in enumerate(fitting):
            for y in range(x + 1, len(fitting)):
                j, pb, other, theirs, own_b = fitting[y]
                if j == i:
                    continue
                if pa < pb:  # the pair is remembered in one order: the catalog's
                    over, under = self._above(pa, score.prerequisite, pb, other.prerequisite, w, own_b - own_a)
                else:
                    under, over = self._above(pb, other.prerequisite, pa, score.prerequisite, w, own_a - own_b)
                beaten[x] |= theirs & ~over
                beaten[y] |= mask & ~under
        wins = [0] * len(programs)
        for (i, _, _, mask, _), lost in zip(fitting, beaten, strict=True):
            wins[i] |= mask & ~lost
        won = 0
        for mine in wins:
            won |= mine
        shared = [0.0] * len(programs)
        tied = anything & ~won
        while tied:  # draws where the top programs tie (rare): shared by the programs that fit in them
            bit = tied & -tied
            tied ^= bit
            among = sorted({i for i, _, m in entries if m & bit})
            for i in among:
                shared[i] += 1 / len(among)
        total = anything.bit_count()
        chances = [(mine.bit_count() + extra) / total for mine, extra in zip(wins, shared, strict=True)]
        if len(self._chances) >= _REMEMBER_CHANCES:
            self._chances.clear()
        self._chances[key] = chances
        return chances

"""Facts about one pathway: its total cost, its months to work, what it admits and what a person's education
already covers. Below scoring and projection, which both read these and nothing else for a pathway's figures.

Pure: reads the catalog's models only.
"""

from __future__ import annotations

from dataclasses import dataclass

from pathfinder.core.programs import Pathway
from pathfinder.core.questions import EDUCATION_ORDER, Answer

EDUCATION_RANK = {level: i for i, level in enumerate(EDUCATION_ORDER)}
LEVEL_RANK = {"certificate": 0, "associate": 1, "bachelor": 2, "master": 3}
HELD_LEVEL = {"associate": 1, "bachelor": 2}  # the credential each education answer means the person holds

# How much of a pathway's prerequisite step the person takes: none, the part their education leaves (``credit``
# in the data), or all of it.
NO_STEP, PART_STEP, WHOLE_STEP = 0, 1, 2


@dataclass(frozen=True)
class Span:
    """A low-high figure; ``None`` throughout where no source gives it."""

    low: float | None
    high: float | None

    @property
    def mid(self) -> float | None:
        if self.low is None or self.high is None:
            return None
        return (self.low + self.high) / 2

    @property
    def known(self) -> bool:
        return self.low is not None

    def __add__(self, other: Span) -> Span:
        if self.low is None or self.high is None or other.low is None or other.high is None:
            return Span(None, None)
        return Span(self.low + other.low, self.high + other.high)


NO_SPAN = Span(None, None)
ZERO = Span(0.0, 0.0)


def span(low: float | None, high: float | None) -> Span:
    """A Span from a source's low and high, either of which may be missing (then the other stands for both)."""
    known = [v for v in (low, high) if v is not None]
    return Span(min(known), max(known)) if known else NO_SPAN


def total_cost(pathway: Pathway) -> Span:
    """Tuition plus any extras a source gives; unknown where no source gives the tuition."""
    tuition = span(pathway.cost_usd.low, pathway.cost_usd.high)
    extras = pathway.extra_costs_usd
    if not tuition.known:
        return NO_SPAN
    if extras is None or not extras.known:
        return tuition
    return tuition + span(extras.low, extras.high)


def unpriced_extras(pathway: Pathway) -> bool:
    """A source names extras (books, lab and exam fees) on top of the priced tuition, without a figure."""
    extras = pathway.extra_costs_usd
    return pathway.cost_usd.known and extras is not None and not extras.known


def school_months(pathway: Pathway) -> Span:
    return span(pathway.duration_months.low, pathway.duration_months.high)


def job_search_months(pathway: Pathway) -> Span:
    """The job search after school where a source gives one; none is counted otherwise."""
    rng = pathway.job_search_months
    return span(rng.low, rng.high) if rng is not None and rng.known else ZERO


def prerequisite_months(pathway: Pathway, step: int = WHOLE_STEP) -> Span:
    """The months of the prerequisite step the person takes: all of it, the part their education leaves, or none."""
    pre = pathway.prerequisite
    if pre is None or step == NO_STEP:
        return ZERO
    if step == PART_STEP:
        for credit in pre.credit:
            return span(credit.months.low, credit.months.high)
        return ZERO
    return span(pre.months.low, pre.months.high)


def step_for(pathway: Pathway, education: Answer) -> int:
    """How much of the prerequisite step a person with this education takes. Unknown education: none (the
    result warns instead); below the entry: all of it, if a step lifts them to it; at an education the data gives
    credit for: the part it leaves; otherwise none."""
    pre = pathway.prerequisite
    held = EDUCATION_RANK.get(str(education), -1) if isinstance(education, str) else -1
    if pre is None or held < 0:
        return NO_STEP
    if held < EDUCATION_RANK[pathway.min_education]:
        return WHOLE_STEP if EDUCATION_RANK[pre.gives] >= EDUCATION_RANK[pathway.min_education] else NO_STEP
    if any(credit.education == education for credit in pre.credit):
        return PART_STEP
    return NO_STEP


def admits(pathway: Pathway, education: Answer) -> bool:
    """Can a person with this education enter, directly or after the prerequisite step? Unknown education: yes
    (the result warns instead)."""
    held = EDUCATION_RANK.get(str(education), -1) if isinstance(education, str) else -1
    if held < 0 or held >= EDUCATION_RANK[pathway.min_education]:
        return True
    pre = pathway.prerequisite
    return pre is not None and EDUCATION_RANK[pre.gives] >= EDUCATION_RANK[pathway.min_education]


def time_to_work(pathway: Pathway, step: int = NO_STEP) -> Span:
    """Months from now until working: the prerequisite step taken, school, and the job search."""
    return prerequisite_months(pathway, step) + school_months(pathway) + job_search_months(pathway)


def _against_held(pathway: Pathway, education: Answer) -> int | None:
    """The pathway's credential level less the one the person holds (negative: below it); None when they hold
    none or the pathway's level is not ranked."""
    held = HELD_LEVEL.get(str(education)) if education is not None else None
    level = LEVEL_RANK.get(pathway.level)
    return None if held is None or level is None else level - held


def same_as_held(pathway: Pathway, education: Answer) -> bool:
    """Is the pathway's credential at the level the person already holds (a second associate degree for an
    associate's holder)? Allowed, but never named as the surer way in (docs/method.md, section 5b)."""
    return _against_held(pathway, education) == 0


def below_held(pathway: Pathway, education: Answer) -> bool:
    """Is the pathway's credential below one the person already holds? Allowed (more education never removes a
    fit); the result says why it can still make sense."""
    difference = _against_held(pathway, education)
    return difference is not None and difference < 0

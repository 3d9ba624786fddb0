"""The one writer of the sentences a person reads about a result: the verdict, the headline, the reasons
(with the sources each rests on), the warnings, the next step, the what-if sentence, and each criterion and
limit in words.

Pure: reads the typed ranking and the catalog, writes plain sentences through ``wording``; the result carries
them and every layout (JSON, terminal, Markdown, HTML, the tables) prints them as they are. Built only for
what is printed, so ranking many answer sets never pays for text nobody reads.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

from pathfinder.core import wording
from pathfinder.core.pathways import (
    PART_STEP,
    Span,
    below_held,
    job_search_months,
    prerequisite_months,
    school_months,
    unpriced,
)
from pathfinder.core.programs import Pathway, Program
from pathfinder.core.questions import QUESTIONS_BY_ID, Answer
from pathfinder.core.scoring import (
    CLEAR_WIN,
    COST,
    DIFFICULTY,
    GOAL,
    GROWTH,
    LEAN_WIN,
    LEARNING,
    REMOTE,
    SALARY,
    TIME,
    Confidence,
    Miss,
    ProgramScore,
    Ranking,
    ScoredPathway,
    goal_fit,
)

if TYPE_CHECKING:
    from pathfinder.core.result import StackablePath

EDUCATION_WORDS = {"high_school": "a high school diploma", "some_college": "some college coursework",
                   "associate": "an associate degree", "bachelor": "a bachelor's degree"}


VERDICTS: dict[Confidence, str] = {"clear": "A clear choice", "lean": "A lean", "toss-up": "A toss-up",
                                   "none": "Nothing fits your limits yet"}
REASONS = 3  # the most reasons a result gives (the summary shows them all when they fit one screen)


class Reason(NamedTuple):
    """A sentence, and the catalog's source references it rests on."""

    text: str
    sources: tuple[str, ...] = ()


def path_name(program: Program, pathway: Pathway) -> str:
    """'the HIM associate degree', 'the MBC certificate or diploma'."""
    return f"the {wording.pathway(program.short_name, pathway.name)}"


def label(question_id: str, value: Answer) -> str:
    """An answer as it reads inside a sentence: 'management', 'a fast start', 'hands-on'."""
    return QUESTIONS_BY_ID[question_id].words_for(value)


def _cap(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


# --- figures --------------------------------------------------------------------------------------


def cost_words(cost: Span, pathway: Pathway) -> str:
    """'$3,000-$17,000 with books and fees' or '$7,000-$25,000 in tuition (no source gives the extras)'."""
    if cost.low is None:
        return "a cost no source gives"
    extras = pathway.extra_costs_usd
    if extras is not None and extras.known:
        return f"{wording.money_span(cost.low, cost.high)} with books and fees"
    return f"{wording.money_span(cost.low, cost.high)} in tuition (no source gives the other costs)"


def time_words(score: ScoredPathway) -> str:
    """'9-24 months: 9-18 months of school, then up to 6 months to find a job'."""
    pathway = score.pathway
    parts = []
    if score.prerequisite and pathway.prerequisite is not None:
        pre = prerequisite_months(pathway, score.prerequisite)
        left = " (what is left if your credits transfer)" if score.prerequisite == PART_STEP else ""
        parts.append(f"{wording.month_span(pre.low, pre.high)} of {pathway.prerequisite.name.lower()}{left}")
    school = school_months(pathway)
    parts.append(f"{wording.month_span(school.low, school.high)} of school")
    search = job_search_months(pathway)
    rng = pathway.job_search_months
    if rng is not None and rng.known:
        searching = (f"up to {wording.months(search.high)}" if not search.low
                     else wording.month_span(search.low, search.high))
        parts.append(f"{searching} to find a job" + (" (the usual; it can come sooner)" if search.low else ""))
    else:
        parts.append("no job-search time counted (no source gives one)")
    total = score.time_to_work
    return f"{wording.month_span(total.low, total.high)}: {wording.listing(parts, 'then')}"


# --- criteria -------------------------------------------------------------------------------------


_READS: dict[int, tuple[str, ...]] = {GOAL: ("goal", "interest"), LEARNING: ("learning_style", "strength"),
                                     REMOTE: ("remote",), DIFFICULTY: ("challenge",)}
# Reason sentences, remembered by what they depend on (a batch writes the same few thousand again and again).
# Each entry holds its pathway, so the id in its key cannot be reused by another object while it is remembered.
_REMEMBERED: dict[tuple[object, ...], tuple[Pathway, str]] = {}
_REMEMBER_AT_MOST = 4096


def criterion_reason(index: int, score: ScoredPathway, answers: Mapping[str, Answer] | None = None) -> str:
    """One criterion for one pathway, in the person's terms."""
    answers = answers or {}
    key = (index, id(score.pathway), score.prerequisite, score.values[index] is None,
           *(answers.get(q) for q in _READS.get(index, ())))
    found = _REMEMBERED.get(key)
    if found is not None and found[0] is score.pathway:
        return found[1]
    text = _criterion_reason(index, score, answers)
    if len(_REMEMBERED) >= _REMEMBER_AT_MOST:
        _REMEMBERED.clear()
    _REMEMBERED[key] = (score.pathway, text)
    return text


def _criterion_reason(index: int, score: ScoredPathway, answers: Mapping[str, Answer]) -> str:
    program, pathway = score.program, score.pathway
    name = path_name(program, pathway)
    if index == COST:
        return f"{_cap(name)} costs {cost_words(score.cost, pathway)}."
    if index == TIME:
        return f"With {name} you could be working in {time_words(score)}."
    if index == SALARY:
        rng = program.outcomes.salary_usd
        if not rng.known:
            return f"No source gives early-career pay for {program.short_name}."
        return f"{program.short_name} pays {wording.money_span(rng.low, rng.high)} a year early in a career."
    if index == GROWTH:
        growth = program.outcomes.job_growth
        if growth.percent is None:
            return f"No source gives job growth for {program.short_name}."
        period = f" ({growth.period})" if growth.period else ""
        return f"{program.short_name} jobs are projected to grow {wording.percent(growth.percent)}{period}."
    if score.values[index] is None:
        return _not_weighed(index)
    if index == GOAL:
        parts = []
        goal, interest = answers.get("goal"), answers.get("interest")
        if goal is not None and goal != "fast_entry":
            fit = pathway.goal_fit.get(str(goal)) or program.fit.goals.get(str(goal))
            parts.append(f"your goal ({label('goal', goal)}): {_fit_words(goal_fit(program, pathway, str(goal)))}"
                         + (f"; {_lower(fit.note).rstrip('.')}" if fit else ""))
        if interest is not None:
            fit = program.fit.interests.get(str(interest))
            parts.append(f"your interest ({label('interest', interest)}): {_fit_words(fit.value if fit else 0.0)}"
                         + (f"; {_lower(fit.note).rstrip('.')}" if fit else ""))
        return f"{_cap(name)} and " + "; ".join(parts).rstrip(".") + "."
    if index == LEARNING:
        parts = []
        style, strength = answers.get("learning_style"), answers.get("strength")
        if style not in (None, "blended"):
            fit = program.fit.learning_styles.get(str(style))
            parts.append(f"how you learn ({label('learning_style', style)}): {_fit_words(fit.value if fit else 0.0)}"
                         + (f"; {_lower(fit.note).rstrip('.')}" if fit else ""))
        if strength is not None:
            fit = program.fit.strengths.get(str(strength))
            parts.append(f"your strength ({label('strength', strength)}): {_fit_words(fit.value if fit else 0.0)}"
                         + (f"; {_lower(fit.note).rstrip('.')}" if fit else ""))
        return f"{program.short_name} and " + "; ".join(parts).rstrip(".") + "."
    table, question = (program.fit.remote, "remote") if index == REMOTE else (program.fit.challenge, "challenge")
    value = answers.get(question)
    fit = table.get(str(value))
    what = "Remote work" if index == REMOTE else "A program's difficulty"
    return (f"{what} ({label(question, value)}): {program.short_name} {_fit_words(fit.value if fit else 0.0)}"
            + (f"; {_lower(fit.note)}" if fit else "") + ("" if fit and fit.note.endswith(".") else "."))


def _lower(text: str) -> str:
    return text[0].lower() + text[1:] if text and not text[:2].isupper() else text


# How well a fit value matches, as a noun ("a direct match") and as an adverb ("directly"): the same four levels.
_FIT_LEVELS = (("a direct match", "directly"), ("a partial match", "in part"),
               ("a match only through a later step", "only through a later step"), ("no match", "poorly"))


def _fit_level(value: float) -> tuple[str, str]:
    return _FIT_LEVELS[0 if value >= 1 else 1 if value >= 0.5 else 2 if value > 0 else 3]


def _fit_words(value: float) -> str:
    return _fit_level(value)[0]


def _not_weighed(index: int) -> str:
    return {
        GOAL: "Not weighed: you have not said what work you want or what interests you.",
        LEARNING: "Not weighed: you learn both ways and named no strongest skill.",
        REMOTE: "Not weighed: remote work makes no difference to you.",
        DIFFICULTY: "Not weighed: either level of difficulty suits you.",
    }[index]


# --- limits ---------------------------------------------------------------------------------------


def miss_words(miss: Miss, score: ScoredPathway, brief: bool = False) -> str:
    """'it starts at $3,000, $1,000 over your $2,000 budget', 'the earliest you could be working is 9 months, 3
    months more than your 6 months', ...; ``brief``: '$1,000 over your budget', '3 months over your timeline'."""
    pathway = score.pathway
    if brief:
        if miss.limit == "budget":
            short = miss.short
            return "no source gives its cost" if short is None else f"{wording.money(short)} over your budget"
        if miss.limit == "timeline":
            return f"{wording.months(miss.short)} over your timeline"
        if miss.limit == "admission":
            return "its admission asks for more education than you have"
        return "it is below a credential you already hold"
    if miss.limit == "budget":
        if miss.need is None:
            return "no source gives its cost, so it cannot be shown to fit your budget"
        return (f"it starts at {wording.money(miss.need)}, {wording.money(miss.short)} over your "
                f"{wording.money(miss.have)} budget")
    if miss.limit == "timeline":
        return (f"the earliest you could be working is {wording.months(miss.need)}, "
                f"{wording.months(miss.short)} more than your {wording.months(miss.have)}")
    if miss.limit == "admission":
        return f"admission expects {EDUCATION_WORDS.get(pathway.min_education, pathway.min_education)}"
    return "it is below a credential you already hold"


def misses_sentence(score: ScoredPathway) -> str:
    """'The HIM associate degree does not fit: it starts at $7,000, ...; the earliest ...'."""
    parts = [miss_words(m, score) for m in score.misses.values()]
    return f"{_cap(path_name(score.program, score.pathway))} does not fit: {'; '.join(parts)}."


def constraint_message(limit: str, score: ScoredPathway, answers: dict[str, Answer]) -> str:
    miss = score.misses.get(limit)
    if miss is not None:
        return f"{_cap(path_name(score.program, score.pathway))}: {miss_words(miss, score)}."
    name = path_name(score.program, score.pathway)
    if limit == "budget":
        return f"{_cap(name)} starts within your {wording.money(answers.get('budget_usd'))} budget."  # type: ignore[arg-type]
    if limit == "timeline":
        return f"With {name} you could be working within your {wording.months(answers.get('timeline_months'))}."  # type: ignore[arg-type]
    if limit == "admission":
        return (f"Your education meets {name}'s admission"
                + (" once you take its prerequisite step." if score.prerequisite else "."))
    return f"{_cap(name)} is not below a credential you hold."


# --- the recommendation ---------------------------------------------------------------------------


def verdict(confidence: Confidence) -> str:
    """'A clear choice', 'A lean', 'A toss-up', 'Nothing fits your limits yet'."""
    return VERDICTS[confidence]


def rival(ranking: Ranking) -> ProgramScore | None:
    """The program a person compares the first with: the best other that fits, else the next one."""
    return ranking.contender or (ranking.programs[1] if len(ranking.programs) > 1 else None)


def _brief_misses(score: ScoredPathway) -> str:
    """'$2,000 over your budget and 12 months over your timeline'."""
    return wording.listing([miss_words(m, score, brief=True) for m in score.misses.values()])


def headline(ranking: Ranking) -> str:
    """How close the call is, in a sentence; the thresholds are the scoring's own."""
    first, other_program = ranking.first, rival(ranking)
    short = first.program.short_name
    name = path_name(first.program, first.best.pathway)
    other = other_program.program.short_name if other_program is not None else ""
    margin = ranking.margin
    if ranking.confidence == "none":
        return f"The nearest is {name}."
    if margin is None:
        condition = fit_condition(ranking)
        if ranking.confidence == "clear":
            line = f"{_cap(name)} is the only program within your limits, and it suits your answers best."
        else:
            line = (f"{_cap(name)} is the only program within your limits, but {other} would suit your answers "
                    "better if you could stretch them.")
        return f"{line} {condition}" if condition else line
    lead = f"{short} leads {other} by {wording.points(margin)} points on the typical figures"
    wins = _percent(first.win_chance)
    if ranking.confidence == "toss-up":
        line = (f"Too close to call: {lead}, but comes out first in only {wins} of the draws across the ranges, "
                f"under the {_percent(LEAN_WIN)} that would make it a lean.")
    elif ranking.confidence == "lean":
        line = (f"{lead}, and comes out first in {wins} of the draws across the ranges: ahead, but not by the "
                f"{_percent(CLEAR_WIN)} that would make it clear.")
    else:
        line = f"{lead}, and comes out first in {wins} of the draws across the ranges."
    condition = fit_condition(ranking)
    return f"{line} {condition}" if condition else line


def reasons(ranking: Ranking, limit: int = REASONS) -> list[Reason]:
    """Why, in at most ``limit`` sentences: what the nearest misses by when nothing fits, or a rival ruled out by the
    limits, then where the first program gains most on its rival, each set against the rival's figure, and for a
    toss-up the rival's strongest point after the pick's. ``reasons(r, n)`` is always the first n of
    ``reasons(r)``."""
    return list(itertools.islice(_reasons(ranking), limit)) or [Reason("Your answers do not separate the programs.")]


def first_reason(ranking: Ranking) -> str:
    """The first of ``reasons``, built alone (one column of ``score --format csv``, written for every student)."""
    return reasons(ranking, limit=1)[0].text


def _reasons(ranking: Ranking) -> Iterator[Reason]:
    first, against = ranking.first, rival(ranking)
    answers = ranking.answers
    # What undercuts the verdict comes first: a budget or timeline met only at the cheap or quick end, costs no
    # source prices that could break the budget.
    undercut = caveats(ranking)
    for caveat in undercut:
        yield Reason(caveat)
    if not first.fits:  # nothing fits: what the nearest misses by
        yield Reason(f"{_cap(path_name(first.program, first.best.pathway))} does not fit: {_brief_misses(first.best)}.")
    elif against is not None and not against.fits:
        yield Reason(f"{against.program.short_name} does not fit: {_brief_misses(against.best)}.")
    # In a toss-up the other program's strongest point is given too, but after the pick's own reasons (as the
    # last of the REASONS a summary shows), so a summary with room for fewer keeps the reasons for the pick.
    theirs = None
    if ranking.confidence == "toss-up" and against is not None:
        theirs = next((_reason(i, against, first, answers) for i in _gains(against, first)[:1]), None)
    given: set[str] = set()
    count = len(undercut) + (0 if first.fits and (against is None or against.fits) else 1)
    for index in _gains(first, against):
        if theirs is not None and count >= REASONS - 1:
            given.add(theirs.text)
            yield theirs
            theirs = None
        reason = _reason(index, first, against, answers)
        if reason.text not in given:
            given.add(reason.text)
            count += 1
            yield reason
    if theirs is not None and theirs.text not in given:
        yield theirs


def _gains(first: ProgramScore, other: ProgramScore | None) -> list[int]:
    """Criteria where ``first`` scores more points than ``other``, largest gain first (ties in criteria order)."""
    mine = first.best.points
    theirs = other.best.points if other is not None else (0,) * len(mine)
    values = first.best.values
    return [i for loss, i in sorted([(theirs[i] - mine[i], i) for i in range(len(mine)) if values[i] is not None])
            if loss < 0]


def _reason(index: int, first: ProgramScore, rival: ProgramScore | None, answers: Mapping[str, Answer]) -> Reason:
    """One short reason for ``first`` on one criterion, set against the rival where it helps."""
    program, mine = first.program, first.best
    other = rival.program if rival is not None else None
    short = program.short_name
    if index == COST:
        cost = wording.money_span(mine.cost.low, mine.cost.high)
        text = f"{_cap(path_name(program, mine.pathway))} costs {cost} in all"
        if rival is not None:
            theirs = rival.best.cost
            text += f", against {wording.money_span(theirs.low, theirs.high)} for {rival.program.short_name}"
        return Reason(text + ".", mine.pathway.cost_sources())
    if index == TIME:
        time = mine.time_to_work
        text = (f"You could be working in {wording.span(time.low, time.high, 'months')} with "
                f"{path_name(program, mine.pathway)}")
        if rival is not None:
            theirs = rival.best.time_to_work
            text += f", against {wording.span(theirs.low, theirs.high, 'months')} with {rival.program.short_name}"
        return Reason(text + ".", mine.pathway.time_sources())
    if index == SALARY:
        pay = program.outcomes.salary_usd
        text = f"{short} pays {wording.money_span(pay.low, pay.high)} a year early in a career"
        if other is not None:
            text += f", against {wording.money_span(other.outcomes.salary_usd.low, other.outcomes.salary_usd.high)}"
        return Reason(text + ".", (pay.source,))
    if index == GROWTH:
        growth = program.outcomes.job_growth
        text = f"{short} jobs are projected to grow {wording.percent(growth.percent)}"
        text += f" ({growth.period})" if growth.period else ""
        if other is not None:
            text += f", against {wording.percent(other.outcomes.job_growth.percent)}"
        return Reason(text + ".", (growth.source,))
    value = mine.values[index]
    degree = "" if value is None else _fit_level(value)[1]
    if index == GOAL:
        goal, interest = answers.get("goal"), answers.get("interest")
        wish = [f"your goal ({label('goal', goal)})" if goal not in (None, "fast_entry") else "",
                f"your interest ({label('interest', interest)})" if interest else ""]
        return Reason(f"{short} matches {wording.listing(wish)} {degree}.")
    if index == LEARNING:
        style, strength = answers.get("learning_style"), answers.get("strength")
        how = [f"how you learn ({label('learning_style', style)})" if style not in (None, "blended") else "",
               f"your strength ({label('strength', strength)})" if strength else ""]
        return Reason(f"{short} matches {wording.listing(how)} {degree}.")
    if index == REMOTE:
        return Reason(f"Remote work, which you want, is {program.remote_work.level} in {short}.",
                      (program.remote_work.source,))
    return Reason(f"{short} is of {program.difficulty.level} difficulty: it suits the "
                  f"{label('challenge', answers.get('challenge'))} program you want.", (program.difficulty.source,))


def next_step(ranking: Ranking, stack: StackablePath | None, credential_step: str | None = None) -> Reason:
    """The one next step: the two-step path where the goal points to a program the limits rule out now, else the
    first credential within reach (``credential_step``), else the recommended program's first next step."""
    first = ranking.first
    if stack is not None:
        names = {p.program.id: p.program.short_name for p in ranking.programs}
        steps = [f"the {wording.pathway(names[s.program_id], s.pathway_name)}" for s in stack.steps]
        return Reason(f"Your goal points to {names[stack.goal_program_id]}. A two-step path gets there: {steps[0]} "
                      f"now, then {steps[1]} part-time after a year of work.", (stack.source,))
    if credential_step:
        return Reason(credential_step)
    program = first.program
    return Reason(program.next_steps[0] if program.next_steps else next_steps(program, first.best.pathway)[0])


def what_if_sentence(before: Ranking, after: Ranking, changed: Mapping[str, Mapping[str, Answer]]) -> str:
    """The what-if answer in a sentence, short enough for the one-screen summary. An answer counts as changed when
    it reads differently ($5,000.40 is the $5,000 the person gave); only those are named, and past two only their
    number."""
    def words(key: str, value: Answer) -> str:
        shown = QUESTIONS_BY_ID[key].label_for(value)
        return _lower(shown)

    changes = []
    for key, change in changed.items():
        to, was_given = words(key, change["to"]), words(key, change["from"])
        if to != was_given:
            changes.append(f"{_lower(QUESTIONS_BY_ID[key].title)}: {to} (you said {was_given})")
    now_first, was_first = after.first, before.first
    after_name = f"the {wording.pathway(now_first.program.short_name, now_first.best.pathway.name)}"
    if not changes:
        return f"The what-if answers are the ones you gave, so the recommendation stays: {after_name}."
    was, now = verdict(before.confidence).lower(), verdict(after.confidence).lower()
    if (now_first.program.id, now_first.best.pathway.id) != (was_first.program.id, was_first.best.pathway.id):
        outcome = (f"the recommendation changes: {after_name} ({now}), instead of the "
                   f"{wording.pathway(was_first.program.short_name, was_first.best.pathway.name)}.")
    elif after.fits and not before.fits:
        outcome = f"the recommendation stays {after_name}, and it fits your limits: {now}."
    elif before.fits and not after.fits:
        outcome = f"the recommendation stays {after_name}, but nothing fits your limits any more."
    else:
        outcome = f"the recommendation stays: {after_name}" + (f", {now} instead of {was}." if now != was else ".")
    if len(changes) > 2:  # kept to a sentence that fits the one-screen summary
        return f"With your {len(changes)} what-if answers (the whole report lists them), {outcome}"
    return f"With {' and '.join(changes)}, {outcome}"


def what_if_outcome(before: Ranking, after: Ranking) -> str:
    """Whether the what-if answers change the recommendation, for the whole report's side-by-side table."""
    now, was = after.first, before.first
    now_pathway, was_pathway = now.best.pathway.name.lower(), was.best.pathway.name.lower()
    if (now.program.id, now.best.pathway.id) == (was.program.id, was.best.pathway.id):
        return f"The recommendation stays: {now.program.name}, {now_pathway}."
    if now.program.id == was.program.id:
        return f"The recommendation changes: {now.program.name}, {now_pathway} instead of {was_pathway}."
    return f"The recommendation changes: {now.program.name} instead of {was.program.name}."


def warnings(ranking: Ranking) -> list[str]:
    """What the person should know besides the reasons: nothing fits, a step below what they hold,
    a budget that covers only the cheapest programs, a timeline met only at the fastest, and gaps in the data."""
    return list(_warnings(ranking))


def first_warning(ranking: Ranking) -> str:
    """The first of ``warnings`` alone, or "" (one column of ``score --format csv``)."""
    return next(_warnings(ranking), "")


def _warnings(ranking: Ranking) -> Iterator[str]:
    answers = ranking.answers
    first = ranking.first.best
    program, pathway = first.program, first.pathway
    name = path_name(program, pathway)
    if not ranking.fits:
        yield "No program fits your limits; the programs are ranked by how near they come."
    for sibling in ranking.first.pathways[1:]:
        if sibling.fits and sibling.score == first.score and first.fits:
            yield (f"{_cap(path_name(program, sibling.pathway))} scores the same as {name} "
                   f"({wording.points(sibling.score)} points); {name} comes first "
                   f"{_tie_reason(first, sibling, answers)}.")
    if below_held(pathway, answers.get("education")):
        yield below_held_sentence(first, answers)
    budget = answers.get("budget_usd")
    cost = first.cost
    if (isinstance(budget, int | float) and cost.low is not None and cost.high is not None
            and cost.low <= budget < cost.high):
        yield (f"Your {wording.money(budget)} covers only the cheaper {program.short_name} programs: "
               f"{name} costs {cost_words(cost, pathway)}, so compare prices.")
    timeline = answers.get("timeline_months")
    time = first.time_to_work
    if (isinstance(timeline, int | float) and time.low is not None and time.high is not None
            and time.low <= timeline < time.high):
        yield (f"You could be working within your {wording.months(timeline)} only on the quicker end: "
               f"{name} takes {time_words(first)}.")
    if answers.get("education") is None and pathway.prerequisite is not None:
        pre = prerequisite_months(pathway)
        yield (f"{_cap(name)} expects {EDUCATION_WORDS.get(pathway.min_education, pathway.min_education)} first; "
               f"without it, add {wording.month_span(pre.low, pre.high)} of {pathway.prerequisite.name.lower()}.")
    if first.cost.low is None:
        yield f"No source gives a cost for {name}; ask schools directly."
    priced_out = unpriced_sentence(first, answers)
    if priced_out:
        yield priced_out
    if isinstance(timeline, int | float) and time.low is not None and time.low > timeline:
        for note in program.notes:
            if note.about == "length" and note.high is not None and note.low is None:
                yield f"{program.short_name}: {note.note}"


def _tie_reason(first: ScoredPathway, other: ScoredPathway, answers: Mapping[str, Answer]) -> str:
    """Why the first of two pathways with the same score comes first: the sort key's next difference, in words."""
    goal = answers.get("goal")
    if goal in first.pathway.goals and goal not in other.pathway.goals:
        return f"as the direct route to your goal ({label('goal', goal)})"
    if (first.cost.mid or 0) < (other.cost.mid or float("inf")):
        return "as it costs less"
    if (first.time_to_work.mid or 0) < (other.time_to_work.mid or float("inf")):
        return "as you could be working sooner"
    return "by name"


def next_steps(program: Program, pathway: Pathway) -> list[str]:
    steps = []
    names = [c.name for c in (program.certification(cid) for cid in pathway.certifications) if c is not None]
    if names:
        steps.append(f"Certifications to aim for after {path_name(program, pathway)}: {wording.listing(names)}.")
    steps.extend(program.next_steps)
    return steps


# --- the advice across the ranges (conditions, caveats) ----------------------------------------------


def _percent(share: float) -> str:
    return f"{round(share * 100):.0f}%"


def fit_condition(ranking: Ranking) -> str | None:
    """When the first program fits only at the cheap or quick end of its ranges, the condition in words: 'The MBC
    certificate or diploma fits only if your program costs $4,000 or less with books and fees: 7% of its range.'
    (the share of its cost x time range, every figure in it equally likely). None when it fits across its ranges,
    or nothing fits."""
    if not ranking.fits:
        return None
    best = ranking.first.best
    answers = ranking.answers
    budget, timeline = answers.get("budget_usd"), answers.get("timeline_months")
    cost, time = best.cost, best.time_to_work
    parts = []
    if (isinstance(budget, int | float) and cost.low is not None and cost.high is not None
            and cost.low <= budget < cost.high):
        with_extras = " with books and fees" if unpriced(best.pathway) == [] else " in tuition"
        parts.append(f"your program costs {wording.money(budget)} or less{with_extras}")
    if (isinstance(timeline, int | float) and time.low is not None and time.high is not None
            and time.low <= timeline < time.high):
        parts.append(f"you are working within {wording.months(timeline)}")
    if not parts:
        return None
    chance = ranking.first.fit_chance
    share = "under 1%" if 0 < chance < 0.005 else _percent(chance)
    return f"{_cap(path_name(best.program, best.pathway))} fits only if {wording.listing(parts)}: {share} of its range."


def unpriced_sentence(score: ScoredPathway, answers: Mapping[str, Answer]) -> str | None:
    """Costs the pathway has that no source prices, named; and where they could break the budget, said so."""
    missing = unpriced(score.pathway, score.prerequisite)
    if not missing or score.cost.low is None:
        return None
    name = path_name(score.program, score.pathway)
    text = (f"No source prices the {wording.listing(missing)} for {name}: they come on top of "
            f"{wording.money_span(score.cost.low, score.cost.high)}")
    budget = answers.get("budget_usd")
    if isinstance(budget, int | float) and score.cost.high is not None and budget < score.cost.high:
        return text + f", and could take it over your {wording.money(budget)} budget."
    return text + "."


def below_held_sentence(score: ScoredPathway, answers: Mapping[str, Answer]) -> str:
    """A credential below one the person holds: allowed, with why it can make sense and what to ask a school."""
    name = path_name(score.program, score.pathway)
    held = EDUCATION_WORDS.get(str(answers.get("education")), "a degree")
    goal = answers.get("goal")
    why = (f"it is the direct route to your goal ({label('goal', goal)})" if goal in score.pathway.goals
           else "it is a shorter, cheaper way into this work than a second degree at your level")
    return (f"{_cap(name)} is below the {held.removeprefix('a ').removeprefix('an ')} you already hold; it can "
            f"still make sense, as {why}. Ask the school which of your credits count toward it.")


def caveats(ranking: Ranking) -> list[str]:
    """The warnings that undercut the verdict, for the summary: a budget that covers only the cheaper programs, a
    timeline met only at the quick end (unless the headline's condition says so), costs no source prices that
    could break the budget."""
    # The headline's condition ("fits only if ...") already says the first two when it is there.
    marks = (("could take it over your",) if fit_condition(ranking)
             else ("covers only the cheaper", "only on the quicker end", "could take it over your"))
    return [w for w in warnings(ranking) if any(m in w for m in marks)]

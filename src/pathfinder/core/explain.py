"""The one writer of the sentences a person reads about a result: the verdict, the headline, the reasons
(with the sources each rests on), the warnings, the next step, the what-if sentence, and each criterion and
limit in words.

Pure: reads the typed ranking and the catalog, writes plain sentences through ``wording``; the result carries
them and every layout (JSON, terminal, Markdown, HTML, the tables) prints them as they are. Built only for
what is printed, so ranking many answer sets never pays for text nobody reads.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

from pathfinder import i18n
from pathfinder.core import wording
from pathfinder.core.pathways import (
    NO_STEP,
    PART_STEP,
    WHOLE_STEP,
    Span,
    below_held,
    job_search_months,
    prerequisite_months,
    same_as_held,
    school_months,
    total_cost,
    unpriced_extras,
)
from pathfinder.core.programs import Pathway, Program
from pathfinder.core.questions import QUESTIONS_BY_ID, Answer, Question
from pathfinder.core.scoring import (
    CLEAR_FIT,
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
    fit_chance_for,
    goal_fit,
)
from pathfinder.i18n import N_, _, ngettext, pgettext

if TYPE_CHECKING:
    from pathfinder.core.result import ScenarioValues, StackablePath

EDUCATION_WORDS = {"high_school": N_("a high school diploma"), "some_college": N_("some college coursework"),
                   "associate": N_("an associate degree"), "bachelor": N_("a bachelor's degree")}
# The same, as a noun after "the" ("below the associate degree you already hold").
EDUCATION_NOUNS = {"high_school": N_("high school diploma"), "some_college": N_("some college coursework"),
                   "associate": N_("associate degree"), "bachelor": N_("bachelor's degree")}


VERDICTS: dict[Confidence, str] = {"clear": N_("A clear choice"), "lean": N_("A lean"), "toss-up": N_("A toss-up"),
                                   "none": N_("Nothing fits your limits yet")}
REASONS = 3  # the most reasons a result gives (the summary shows them all when they fit one screen)


class Reason(NamedTuple):
    """A sentence, and the catalog's source references it rests on."""

    text: str
    sources: tuple[str, ...] = ()


def path_name(program: Program, pathway: Pathway) -> str:
    """'the HIM associate degree', 'the MBC certificate or diploma'."""
    return _the(wording.pathway(program.short_name, pathway.name))


def _the(pathway_words: str) -> str:
    # TRANSLATORS: a program's pathway inside a sentence, with its article: "the HIM associate degree".
    return _("the {pathway}").format(pathway=pathway_words)


def education_words(level: str) -> str:
    """'a high school diploma', 'an associate degree'; an unknown level as it is written."""
    words = EDUCATION_WORDS.get(level)
    return _(words) if words else level


def label(question_id: str, value: Answer) -> str:
    """An answer as it reads inside a sentence: 'management', 'a fast start', 'hands-on'."""
    return QUESTIONS_BY_ID[question_id].words_for(value)


def _cap(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


# --- figures --------------------------------------------------------------------------------------


def cost_words(cost: Span, pathway: Pathway) -> str:
    """'$3,000-$17,000 with books and fees' or '$7,000-$25,000 in tuition (no source gives the extras)'."""
    if cost.low is None:
        return _("a cost no source gives")
    extras = pathway.extra_costs_usd
    if extras is not None and extras.known:
        return _("{cost} with books and fees").format(cost=wording.money_span(cost.low, cost.high))
    return _("{cost} in tuition (no source gives the other costs)").format(
        cost=wording.money_span(cost.low, cost.high))


def time_words(score: ScoredPathway) -> str:
    """'13-24 months: 9-18 months of school, then 4-6 months to find a job ...' (a sentence that uses it has no
    colon of its own before it)."""
    pathway = score.pathway
    parts = []
    if score.prerequisite and pathway.prerequisite is not None:
        pre = prerequisite_months(pathway, score.prerequisite)
        step = (_("{months} of {step} (what is left if your credits transfer)") if score.prerequisite == PART_STEP
                else _("{months} of {step}"))
        parts.append(step.format(months=wording.month_span(pre.low, pre.high), step=pathway.prerequisite.name.lower()))
    school = school_months(pathway)
    parts.append(_("{months} of school").format(months=wording.month_span(school.low, school.high)))
    search = job_search_months(pathway)
    rng = pathway.job_search_months
    if rng is not None and rng.known:
        searching = (pgettext("figure", "up to {figure}").format(figure=wording.months(search.high)) if not search.low
                     else wording.month_span(search.low, search.high))
        finding = _("{months} to find a job (the usual; it can come sooner)") if search.low else _(
            "{months} to find a job")
        parts.append(finding.format(months=searching))
    else:
        parts.append(_("no job-search time counted (no source gives one)"))
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
    key = (i18n.language(), index, id(score.pathway), score.prerequisite, score.values[index] is None,
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
    short = program.short_name
    if index == COST:
        return _("{pathway} costs {cost}.").format(pathway=_cap(name), cost=cost_words(score.cost, pathway))
    if index == TIME:
        return _("With {pathway} you could be working in {time}.").format(pathway=name, time=time_words(score))
    if index == SALARY:
        rng = program.outcomes.salary_usd
        if not rng.known:
            return _("No source gives early-career pay for {program}.").format(program=short)
        return _("{program} pays {pay} a year early in a career.").format(
            program=short, pay=wording.money_span(rng.low, rng.high))
    if index == GROWTH:
        growth = program.outcomes.job_growth
        if growth.percent is None:
            return _("No source gives job growth for {program}.").format(program=short)
        if growth.period:
            return _("{program} jobs are projected to grow {percent} ({period}).").format(
                program=short, percent=wording.percent(growth.percent), period=growth.period)
        return _("{program} jobs are projected to grow {percent}.").format(
            program=short, percent=wording.percent(growth.percent))
    if score.values[index] is None:
        return _not_weighed(index)
    if index == GOAL:
        parts = []
        goal, interest = answers.get("goal"), answers.get("interest")
        if goal is not None and goal != "fast_entry":
            fit = pathway.goal_fit.get(str(goal)) or program.fit.goals.get(str(goal))
            parts.append(_noted(_("your goal ({answer}): {fit}").format(
                answer=label('goal', goal), fit=_fit_words(goal_fit(program, pathway, str(goal)))), fit))
        if interest is not None:
            fit = program.fit.interests.get(str(interest))
            parts.append(_noted(_("your interest ({answer}): {fit}").format(
                answer=label('interest', interest), fit=_fit_words(fit.value if fit else 0.0)), fit))
        return _("{subject} and {matches}.").format(subject=_cap(name), matches="; ".join(parts).rstrip("."))
    if index == LEARNING:
        parts = []
        style, strength = answers.get("learning_style"), answers.get("strength")
        if style not in (None, "blended"):
            fit = program.fit.learning_styles.get(str(style))
            parts.append(_noted(_("how you learn ({answer}): {fit}").format(
                answer=label('learning_style', style), fit=_fit_words(fit.value if fit else 0.0)), fit))
        if strength is not None:
            fit = program.fit.strengths.get(str(strength))
            parts.append(_noted(_("your strength ({answer}): {fit}").format(
                answer=label('strength', strength), fit=_fit_words(fit.value if fit else 0.0)), fit))
        return _("{subject} and {matches}.").format(subject=short, matches="; ".join(parts).rstrip("."))
    table, question = (program.fit.remote, "remote") if index == REMOTE else (program.fit.challenge, "challenge")
    value = answers.get(question)
    fit = table.get(str(value))
    what = (_("Remote work ({answer}): {program} {fit}") if index == REMOTE
            else _("A program's difficulty ({answer}): {program} {fit}"))
    text = what.format(answer=label(question, value), program=short, fit=_fit_words(fit.value if fit else 0.0))
    return text + (f"; {_lower(fit.note)}" if fit else "") + ("" if fit and fit.note.endswith(".") else ".")


def _noted(part: str, fit: object) -> str:
    """A match in words, with the catalog's note on it after a semicolon when there is one."""
    note = getattr(fit, "note", None)
    return f"{part}; {_lower(note).rstrip('.')}" if fit and isinstance(note, str) else part


def _lower(text: str) -> str:
    return text[0].lower() + text[1:] if text and not text[:2].isupper() else text


# How well a fit value matches, as a noun ("a direct match") and as an adverb ("directly"): the same four levels.
_FIT_LEVELS = ((N_("a direct match"), N_("directly")), (N_("a partial match"), N_("in part")),
               (N_("a match only through a later step"), N_("only through a later step")),
               (N_("no match"), N_("poorly")))


def _fit_level(value: float) -> tuple[str, str]:
    noun, adverb = _FIT_LEVELS[0 if value >= 1 else 1 if value >= 0.5 else 2 if value > 0 else 3]
    return _(noun), _(adverb)


def _fit_words(value: float) -> str:
    return _fit_level(value)[0]


def _not_weighed(index: int) -> str:
    return {
        GOAL: _("Not weighed: you have not said what work you want or what interests you."),
        LEARNING: _("Not weighed: you learn both ways and named no strongest skill."),
        REMOTE: _("Not weighed: remote work makes no difference to you."),
        DIFFICULTY: _("Not weighed: either level of difficulty suits you."),
    }[index]


# --- limits ---------------------------------------------------------------------------------------


def miss_words(miss: Miss, score: ScoredPathway, brief: bool = False) -> str:
    """'it starts at $3,000, $1,000 over your $2,000 budget', 'the earliest you could be working is 9 months, 3
    months more than your 6 months', ...; ``brief``: '$1,000 over your budget', '3 months over your timeline'."""
    pathway = score.pathway
    if brief:
        if miss.limit == "budget":
            short = miss.short
            return (_("no source gives its cost") if short is None
                    else _("{amount} over your budget").format(amount=wording.money(short)))
        if miss.limit == "timeline":
            return _("{months} over your timeline").format(months=wording.months(miss.short))
        if miss.limit == "admission":
            return _("its admission asks for more education than you have")
        return _("it is below a credential you already hold")
    if miss.limit == "budget":
        if miss.need is None:
            return _("no source gives its cost, so it cannot be shown to fit your budget")
        return _("it starts at {need}, {short} over your {have} budget").format(
            need=wording.money(miss.need), short=wording.money(miss.short), have=wording.money(miss.have))
    if miss.limit == "timeline":
        return _("the earliest you could be working is {need}, {short} more than your {have}").format(
            need=wording.months(miss.need), short=wording.months(miss.short), have=wording.months(miss.have))
    if miss.limit == "admission":
        return _("admission expects {education}").format(education=education_words(pathway.min_education))
    return _("it is below a credential you already hold")


def misses_sentence(score: ScoredPathway) -> str:
    """'The HIM associate degree does not fit: it starts at $7,000, ...; the earliest ...'."""
    parts = [miss_words(m, score) for m in score.misses.values()]
    return _("{pathway} does not fit: {misses}.").format(pathway=_cap(path_name(score.program, score.pathway)),
                                                        misses="; ".join(parts))


def constraint_message(limit: str, score: ScoredPathway, answers: dict[str, Answer]) -> str:
    miss = score.misses.get(limit)
    if miss is not None:
        return f"{_cap(path_name(score.program, score.pathway))}: {miss_words(miss, score)}."
    name = path_name(score.program, score.pathway)
    if limit == "budget":
        return _("{pathway} starts within your {budget} budget.").format(
            pathway=_cap(name), budget=wording.money(answers.get("budget_usd")))  # type: ignore[arg-type]
    if limit == "timeline":
        return _("With {pathway} you could be working within your {timeline}.").format(
            pathway=name, timeline=wording.months(answers.get("timeline_months")))  # type: ignore[arg-type]
    if limit == "admission":
        meets = (_("Your education meets {pathway}'s admission once you take its prerequisite step.")
                 if score.prerequisite else _("Your education meets {pathway}'s admission."))
        return meets.format(pathway=name)
    return _("{pathway} is not below a credential you hold.").format(pathway=_cap(name))


# --- the recommendation ---------------------------------------------------------------------------


def verdict(confidence: Confidence) -> str:
    """'A clear choice', 'A lean', 'A toss-up', 'Nothing fits your limits yet'."""
    return _(VERDICTS[confidence])


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
        return _("The nearest is {pathway}.").format(pathway=name)
    if margin is None:
        condition = fit_condition(ranking)
        # A program ruled out by the limits that scores above the first: the one to stretch the limits for.
        better = next((p for p in ranking.programs[1:] if not p.best.fits and p.best.score > first.best.score), None)
        if better is None:
            only = _("{pathway} is the only program within your limits, and it suits your answers best.")
        else:
            only = _("{pathway} is the only program within your limits, but {other} would suit your answers "
                     "better if you could stretch them.")
        line = only.format(pathway=_cap(name), other=better.program.short_name if better is not None else "")
        return f"{line} {condition}" if condition else line
    figures = {"program": short, "other": other, "points": wording.points(margin), "wins": _percent(first.win_chance)}
    assert other_program is not None  # a margin is the lead over another program that fits
    if round(first.win_chance, 2) < round(other_program.win_chance, 2):
        # Ahead on the typical figures, but the other comes out first in more of the draws: not close, divided.
        line = _("{program} leads {other} by {points} points on the typical figures, but {other} comes out first in "
                 "more of the draws across the ranges ({other_wins}, against {wins}).").format(
                     other_wins=_percent(other_program.win_chance), **figures)
    elif ranking.confidence == "toss-up":
        line = _("Too close to call: {program} leads {other} by {points} points on the typical figures, but comes "
                 "out first in only {wins} of the draws across the ranges, under the {lean} that would make it a "
                 "lean.").format(lean=_percent(LEAN_WIN), **figures)
    elif ranking.confidence == "lean" and round(first.win_chance, 2) >= CLEAR_WIN:
        # First in enough of the draws, but it fits in too little of its range to be clear.
        line = _("{program} leads {other} by {points} points on the typical figures, and comes out first in {wins} "
                 "of the draws across the ranges, but fits your limits in less than the {fit} of its range that "
                 "would make it clear.").format(fit=_percent(CLEAR_FIT), **figures)
    elif ranking.confidence == "lean":
        line = _("{program} leads {other} by {points} points on the typical figures, and comes out first in {wins} "
                 "of the draws across the ranges: ahead, but not by the {clear} that would make it clear.").format(
                     clear=_percent(CLEAR_WIN), **figures)
    else:
        line = _("{program} leads {other} by {points} points on the typical figures, and comes out first in {wins} "
                 "of the draws across the ranges.").format(**figures)
    condition = fit_condition(ranking)
    return f"{line} {condition}" if condition else line


def reasons(ranking: Ranking, limit: int = REASONS) -> list[Reason]:
    """Why, in at most ``limit`` sentences: what the nearest misses by when nothing fits, or a rival ruled out by the
    limits, then where the first program gains most on its rival, each set against the rival's figure, and for a
    toss-up the rival's strongest point after the pick's. ``reasons(r, n)`` is always the first n of
    ``reasons(r)``."""
    return list(itertools.islice(_reasons(ranking), limit)) or [Reason(_("Your answers do not separate the programs."))]


def first_reason(ranking: Ranking) -> str:
    """The first of ``reasons`` that is not a caveat (one column of ``score --format csv``, written for every
    student): a caveat is a warning, and the table's warning column already says it. The first reason when every
    reason is a caveat."""
    said = set(warnings(ranking))  # the caveats, and the surer pathway: the warning column says them
    for reason in _reasons(ranking):
        if reason.text not in said:
            return reason.text
    return reasons(ranking, limit=1)[0].text


def _reasons(ranking: Ranking) -> Iterator[Reason]:
    first, against = ranking.first, rival(ranking)
    answers = ranking.answers
    # What undercuts the verdict comes first: a budget or timeline met only at the cheap or quick end, costs no
    # source prices that could break the budget.
    undercut = caveats(ranking)
    if not first.fits:  # nothing fits: what the nearest misses by comes first, then what undercuts it
        yield Reason(_("{pathway} does not fit: {misses}.").format(
            pathway=_cap(path_name(first.program, first.best.pathway)), misses=_brief_misses(first.best)))
    for caveat in undercut:
        yield Reason(caveat)
    if first.fits and against is not None and not against.fits:
        yield Reason(_("{pathway} does not fit: {misses}.").format(pathway=against.program.short_name,
                                                                    misses=_brief_misses(against.best)))
    passed = surer_sibling_sentence(ranking)
    if passed is not None:
        yield Reason(passed)
    # In a toss-up the other program's strongest point is given too, but after the pick's own reasons (as the
    # last of the REASONS a summary shows), so a summary with room for fewer keeps the reasons for the pick.
    theirs = None
    if ranking.confidence == "toss-up" and against is not None:
        theirs = next((_reason(i, against, first, answers) for i in _gains(against, first)[:1]), None)
    given: set[str] = set()
    count = len(undercut) + (0 if first.fits and (against is None or against.fits) else 1) + (passed is not None)
    own = 0  # the pick's own reasons given: the rival's point never takes the place of the first of them
    for index in _gains(first, against):
        if theirs is not None and count >= REASONS - 1 and own:
            given.add(theirs.text)
            yield theirs
            theirs = None
        reason = _reason(index, first, against, answers)
        if reason.text not in given:
            given.add(reason.text)
            count += 1
            own += 1
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
        theirs = rival.best if rival is not None and rival.best.cost.low is not None else None
        # "In all" only for a cost every part of which a source prices; otherwise what it leaves out is named.
        missing = wording.listing(unpriced(mine.pathway, mine.prerequisite))
        their_missing = wording.listing(unpriced(theirs.pathway, theirs.prerequisite)) if theirs is not None else ""
        if theirs is None:
            line = (_("{pathway} costs {cost} plus {unpriced}, which no source prices.") if missing
                    else _("{pathway} costs {cost} in all."))
        elif missing and their_missing:
            line = _("{pathway} costs {cost} plus {unpriced}, against {other_cost} plus {other_unpriced} for {other}.")
        elif missing:
            line = _("{pathway} costs {cost} plus {unpriced}, against {other_cost} in all for {other}.")
        elif their_missing:
            line = _("{pathway} costs {cost} in all, against {other_cost} plus {other_unpriced} for {other}.")
        else:
            line = _("{pathway} costs {cost} in all, against {other_cost} for {other}.")
        text = line.format(
            pathway=_cap(path_name(program, mine.pathway)), cost=wording.money_span(mine.cost.low, mine.cost.high),
            unpriced=missing, other_unpriced=their_missing,
            other_cost=wording.money_span(theirs.cost.low, theirs.cost.high) if theirs is not None else "",
            other=rival.program.short_name if rival is not None else "")
        return Reason(text, mine.pathway.cost_sources())
    if index == TIME:
        time, rival_time = mine.time_to_work, rival.best.time_to_work if rival is not None else None
        text = (_("You could be working in {time} with {pathway}, against {other_time} with {other}.")
                if rival_time is not None else _("You could be working in {time} with {pathway}.")).format(
            time=wording.span(time.low, time.high, "months"), pathway=path_name(program, mine.pathway),
            other_time=wording.span(rival_time.low, rival_time.high, "months") if rival_time is not None else "",
            other=rival.program.short_name if rival is not None else "")
        return Reason(text, mine.pathway.time_sources())
    if index == SALARY:
        pay = program.outcomes.salary_usd
        text = (_("{program} pays {pay} a year early in a career, against {other_pay}.") if other is not None
                else _("{program} pays {pay} a year early in a career.")).format(
            program=short, pay=wording.money_span(pay.low, pay.high),
            other_pay=(wording.money_span(other.outcomes.salary_usd.low, other.outcomes.salary_usd.high)
                       if other is not None else ""))
        return Reason(text, (pay.source,))
    if index == GROWTH:
        growth = program.outcomes.job_growth
        if growth.period:
            grows = (_("{program} jobs are projected to grow {percent} ({period}), against {other_percent}.")
                     if other is not None else _("{program} jobs are projected to grow {percent} ({period})."))
        else:
            grows = (_("{program} jobs are projected to grow {percent}, against {other_percent}.")
                     if other is not None else _("{program} jobs are projected to grow {percent}."))
        text = grows.format(program=short, percent=wording.percent(growth.percent), period=growth.period,
                            other_percent=wording.percent(other.outcomes.job_growth.percent) if other else "")
        return Reason(text, (growth.source,))
    value = mine.values[index]
    degree = "" if value is None else _fit_level(value)[1]
    if index == GOAL:
        goal, interest = answers.get("goal"), answers.get("interest")
        wish = [_("your goal ({answer})").format(answer=label("goal", goal)) if goal not in (None, "fast_entry")
                else "",
                _("your interest ({answer})").format(answer=label("interest", interest)) if interest else ""]
        return Reason(_("{program} matches {wishes} {degree}.").format(
            program=short, wishes=wording.listing(wish), degree=degree))
    if index == LEARNING:
        style, strength = answers.get("learning_style"), answers.get("strength")
        how = [_("how you learn ({answer})").format(answer=label("learning_style", style))
               if style not in (None, "blended") else "",
               _("your strength ({answer})").format(answer=label("strength", strength)) if strength else ""]
        return Reason(_("{program} matches {wishes} {degree}.").format(
            program=short, wishes=wording.listing(how), degree=degree))
    if index == REMOTE:
        return Reason(_("Remote work, which you want, is {level} in {program}.").format(
            level=program.remote_work.level, program=short), (program.remote_work.source,))
    return Reason(_("{program} is of {level} difficulty: it suits the {challenge} program you want.").format(
        program=short, level=program.difficulty.level, challenge=label("challenge", answers.get("challenge"))),
        (program.difficulty.source,))


def next_step(ranking: Ranking, stack: StackablePath | None, credential_step: str | None = None) -> Reason:
    """The one next step: the two-step path where the goal points to a program the limits rule out now, else the
    first credential within reach (``credential_step``), else the recommended program's first next step."""
    first = ranking.first
    if stack is not None:
        names = {p.program.id: p.program.short_name for p in ranking.programs}
        steps = [_the(wording.pathway(names[s.program_id], s.pathway_name)) for s in stack.steps]
        return Reason(_("Your goal points to {program}. A two-step path gets there: {first} now, then {second} "
                        "part-time after a year of work.").format(program=names[stack.goal_program_id],
                                                                  first=steps[0], second=steps[1]), (stack.source,))
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
            changes.append(_("{question}: {answer} (you said {was})").format(
                question=_lower(QUESTIONS_BY_ID[key].title), answer=to, was=was_given))
    now_first, was_first = after.first, before.first
    after_name = path_name(now_first.program, now_first.best.pathway)
    if not changes:
        return _("The what-if answers are the ones you gave, so the recommendation stays: {pathway}.").format(
            pathway=after_name)
    was, now = verdict(before.confidence).lower(), verdict(after.confidence).lower()
    if (now_first.program.id, now_first.best.pathway.id) != (was_first.program.id, was_first.best.pathway.id):
        outcome = _("the recommendation changes: {pathway} ({verdict}), instead of {was_pathway}.").format(
            pathway=after_name, verdict=now, was_pathway=path_name(was_first.program, was_first.best.pathway))
    elif after.fits and not before.fits:
        outcome = _("the recommendation stays {pathway}, and it fits your limits: {verdict}.").format(
            pathway=after_name, verdict=now)
    elif before.fits and not after.fits:
        outcome = _("the recommendation stays {pathway}, but nothing fits your limits any more.").format(
            pathway=after_name)
    elif now != was:
        outcome = _("the recommendation stays: {pathway}, {verdict} instead of {was_verdict}.").format(
            pathway=after_name, verdict=now, was_verdict=was)
    else:
        outcome = _("the recommendation stays: {pathway}.").format(pathway=after_name)
    if len(changes) > 2:  # kept to a sentence that fits the one-screen summary
        return _("With your {count} what-if answers (the whole report lists them), {outcome}").format(
            count=len(changes), outcome=outcome)
    said = (changes[0] if len(changes) == 1
            else pgettext("listing", "{items} and {last}").format(items=changes[0], last=changes[1]))
    return _("With {changes}, {outcome}").format(changes=said, outcome=outcome)


def what_if_outcome(before: Ranking, after: Ranking) -> str:
    """Whether the what-if answers change the recommendation, for the whole report's side-by-side table."""
    now, was = after.first, before.first
    now_pathway, was_pathway = now.best.pathway.name.lower(), was.best.pathway.name.lower()
    if (now.program.id, now.best.pathway.id) == (was.program.id, was.best.pathway.id):
        return _("The recommendation stays: {program}, {pathway}.").format(program=now.program.name,
                                                                           pathway=now_pathway)
    if now.program.id == was.program.id:
        return _("The recommendation changes: {program}, {pathway} instead of {was_pathway}.").format(
            program=now.program.name, pathway=now_pathway, was_pathway=was_pathway)
    return _("The recommendation changes: {program} instead of {was_program}.").format(
        program=now.program.name, was_program=was.program.name)


def warnings(ranking: Ranking) -> list[str]:
    """What the person should know besides the reasons: nothing fits, a step below what they hold,
    a budget that covers only the cheapest programs, a timeline met only at the fastest, and gaps in the data."""
    return [text for _kind, text in _warnings(ranking)]


def first_warning(ranking: Ranking) -> str:
    """The first of ``warnings`` alone, or "" (one column of ``score --format csv``)."""
    return next((text for _kind, text in _warnings(ranking)), "")


# The kinds of warning that undercut the verdict (see ``caveats``).
_CHEAPER_ONLY, _QUICKER_ONLY, _OVER_BUDGET, _NO_SEARCH = "cheaper only", "quicker only", "over budget", "no search"
_UNSAID_EDUCATION = "education unsaid"  # the fit assumes an education the person did not give


def _warnings(ranking: Ranking) -> Iterator[tuple[str, str]]:
    """Each warning with its kind ("" for those that do not undercut the verdict)."""
    answers = ranking.answers
    first = ranking.first.best
    program, pathway = first.program, first.pathway
    name = path_name(program, pathway)
    if not ranking.fits:
        yield "", _("No program fits your limits; the programs are ranked by how near they come.")
    for sibling in ranking.first.pathways[1:]:
        if sibling.fits and sibling.score == first.score and first.fits:
            yield "", _("{pathway} scores the same as {first} ({points} points); {first} comes first {why}.").format(
                pathway=_cap(path_name(program, sibling.pathway)), first=name, points=wording.points(sibling.score),
                why=_tie_reason(first, sibling, answers))
    surer = surer_sibling_sentence(ranking)
    if surer is not None:
        yield "", surer
    if below_held(pathway, answers.get("education")):
        yield "", below_held_sentence(first, answers)
    budget = answers.get("budget_usd")
    cost = first.cost
    if (isinstance(budget, int | float) and cost.low is not None and cost.high is not None
            and cost.low <= budget < cost.high):
        yield _CHEAPER_ONLY, _("Your {budget} covers only the cheaper {program} programs: {pathway} costs {cost}, "
                               "so compare prices.").format(budget=wording.money(budget), program=program.short_name,
                                                            pathway=name, cost=cost_words(cost, pathway))
    timeline = answers.get("timeline_months")
    time = first.time_to_work
    if (isinstance(timeline, int | float) and time.low is not None and time.high is not None
            and time.low <= timeline < time.high):
        yield _QUICKER_ONLY, _("You could be working within your {timeline} only on the quicker end, as {pathway} "
                               "takes {time}.").format(timeline=wording.months(timeline), pathway=name,
                                                       time=time_words(first))
    if ranking.fits:
        searching = unsearched_sentence(first, answers, _shortest_search(ranking))
        if searching:
            yield _NO_SEARCH, searching
    credited = credit_sentence(first, answers)
    if credited:
        whole, taken = prerequisite_months(pathway), prerequisite_months(pathway, first.prerequisite)
        # A caveat when the fit rests on the credit: without it, even the quickest route would miss the timeline.
        tight = (isinstance(timeline, int | float) and time.low is not None and whole.low is not None
                 and time.low - (taken.low or 0) + whole.low > timeline)
        yield (_UNSAID_EDUCATION if tight and first.fits else ""), credited
    if answers.get("education") is None and pathway.prerequisite is not None:
        pre = prerequisite_months(pathway)
        yield _UNSAID_EDUCATION, _("{pathway} expects {education} first; without it, add {months} of {step}.").format(
            pathway=_cap(name), education=education_words(pathway.min_education),
            months=wording.month_span(pre.low, pre.high), step=pathway.prerequisite.name.lower())
    if first.cost.low is None:
        yield "", _("No source gives a cost for {pathway}; ask schools directly.").format(pathway=name)
    priced_out = unpriced_sentence(first, answers)
    if priced_out:
        yield _OVER_BUDGET if _over_budget(first, answers) else "", priced_out
    if isinstance(timeline, int | float) and time.low is not None and time.low > timeline:
        for note in program.notes:
            if note.about == "length" and note.high is not None and note.low is None:
                yield "", f"{program.short_name}: {note.note}"


def surer_sibling_sentence(ranking: Ranking) -> str | None:
    """When the first program's pathway fits in less than CLEAR_FIT of its range and another of its pathways fits
    in at least that much (and is not a second of the credential the person holds): that one, named with both
    shares, as the surer way into the program. The pick stays the pathway that suits the answers best
    (docs/method.md, section 5b). None otherwise."""
    first, answers = ranking.first.best, ranking.answers
    if not first.fits or round(ranking.first.fit_chance, 2) >= CLEAR_FIT:
        return None
    surer = [(round(fit_chance_for(s, answers), 2), s) for s in ranking.first.pathways[1:]
             if s.fits and not same_as_held(s.pathway, answers.get("education"))]
    share, sibling = max(surer, key=lambda found: found[0], default=(0.0, None))
    if sibling is None or share < CLEAR_FIT:
        return None
    return _("{other} fits your limits more surely: {share} of its range, against {first_share} for {first}.").format(
        other=_cap(path_name(sibling.program, sibling.pathway)), share=_percent(share),
        first_share=_percent(ranking.first.fit_chance), first=path_name(first.program, first.pathway))


def _tie_reason(first: ScoredPathway, other: ScoredPathway, answers: Mapping[str, Answer]) -> str:
    """Why the first of two pathways with the same score comes first: the sort key's next difference, in words."""
    goal = answers.get("goal")
    if goal in first.pathway.goals and goal not in other.pathway.goals:
        return _("as the direct route to your goal ({answer})").format(answer=label("goal", goal))
    if (first.cost.mid or 0) < (other.cost.mid or float("inf")):
        return _("as it costs less")
    if (first.time_to_work.mid or 0) < (other.time_to_work.mid or float("inf")):
        return _("as you could be working sooner")
    return _("by name")


def next_steps(program: Program, pathway: Pathway) -> list[str]:
    steps = []
    names = [c.name for c in (program.certification(cid) for cid in pathway.certifications) if c is not None]
    if names:
        steps.append(_("Certifications to aim for after {pathway}: {certifications}.").format(
            pathway=path_name(program, pathway), certifications=wording.listing(names)))
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
        costs = (_("your program costs {budget} or less with books and fees") if unpriced(best.pathway) == []
                 else _("your program costs {budget} or less in tuition"))
        parts.append(costs.format(budget=wording.money(budget)))
    if (isinstance(timeline, int | float) and time.low is not None and time.high is not None
            and time.low <= timeline < time.high):
        parts.append(_("you are working within {months}").format(months=wording.months(timeline)))
    if not parts:
        return None
    chance = ranking.first.fit_chance
    share = pgettext("figure", "under {figure}").format(figure="1%") if 0 < chance < 0.005 else _percent(chance)
    return _("{pathway} fits only if {conditions}: {share} of its range.").format(
        pathway=_cap(path_name(best.program, best.pathway)), conditions=wording.listing(parts), share=share)


def unpriced(pathway: Pathway, step: int = NO_STEP) -> list[str]:
    """What a person on this pathway pays that no source prices, named: the extras a source names without a
    figure, and the prerequisite step's courses when they take it. Empty when every cost is priced."""
    out = []
    if unpriced_extras(pathway):
        out.append(_("books, lab and exam fees"))
    if step != NO_STEP and pathway.prerequisite is not None:
        out.append(pathway.prerequisite.name[0].lower() + pathway.prerequisite.name[1:])
    return out


def unpriced_sentence(score: ScoredPathway, answers: Mapping[str, Answer]) -> str | None:
    """Costs the pathway has that no source prices, named; and where they could break the budget, said so."""
    missing = unpriced(score.pathway, score.prerequisite)
    if not missing or score.cost.low is None:
        return None
    figures = {"costs": wording.listing(missing), "pathway": path_name(score.program, score.pathway),
               "cost": wording.money_span(score.cost.low, score.cost.high)}
    budget = answers.get("budget_usd")
    if _over_budget(score, answers):
        return _("No source prices the {costs} for {pathway}: they come on top of {cost}, and could take it over "
                 "your {budget} budget.").format(budget=wording.money(budget), **figures)  # type: ignore[arg-type]
    return _("No source prices the {costs} for {pathway}: they come on top of {cost}.").format(**figures)


_SHORTEST: dict[tuple[int, ...], tuple[tuple[Program, ...], float | None]] = {}  # by the programs' identities


def _shortest_search(ranking: Ranking) -> float | None:
    """The shortest job search any source gives for the programs ranked (None when no source gives one); the same
    for every answer set of a catalog, so worked out once for its programs."""
    programs = tuple(p.program for p in ranking.programs)
    key = tuple(map(id, programs))
    found = _SHORTEST.get(key)
    if found is None or any(a is not b for a, b in zip(found[0], programs, strict=True)):
        lows = [job_search_months(pathway).low for program in programs for pathway in program.pathways
                if pathway.job_search_months is not None and pathway.job_search_months.known]
        if len(_SHORTEST) >= 64:
            _SHORTEST.clear()
        found = _SHORTEST[key] = (programs, min((low for low in lows if low is not None), default=None))
    return found[1]


def unsearched_sentence(score: ScoredPathway, answers: Mapping[str, Answer], shortest: float | None) -> str | None:
    """No source gives the job search after the pathway, so none is counted; when the person's timeline leaves less
    time after school than the shortest search any source gives (or none at all), said, with the months left."""
    search = score.pathway.job_search_months
    timeline = answers.get("timeline_months")
    time = score.time_to_work
    if (search is not None and search.known) or not isinstance(timeline, int | float) or time.high is None:
        return None
    room = timeline - time.high
    if room >= (shortest if shortest is not None else 1):
        return None
    name = path_name(score.program, score.pathway)
    if room < 0:
        return _("No source gives how long finding a job takes after {pathway}, so none is counted: at its longest, "
                 "school alone runs past your {timeline}.").format(pathway=name, timeline=wording.months(timeline))
    if room == 0:
        return _("No source gives how long finding a job takes after {pathway}, so none is counted: at its longest, "
                 "school alone fills your {timeline}.").format(pathway=name, timeline=wording.months(timeline))
    return _("No source gives how long finding a job takes after {pathway}, so none is counted: your {timeline} "
             "leave {room} after school to find one.").format(pathway=name, timeline=wording.months(timeline),
                                                               room=wording.months(room))


def _over_budget(score: ScoredPathway, answers: Mapping[str, Answer]) -> bool:
    """Whether the costs no source prices could take the pathway over the person's budget."""
    budget = answers.get("budget_usd")
    return (bool(unpriced(score.pathway, score.prerequisite)) and score.cost.low is not None
            and isinstance(budget, int | float) and score.cost.high is not None and budget < score.cost.high)


def credit_sentence(score: ScoredPathway, answers: Mapping[str, Answer]) -> str | None:
    """What the person's education counts for toward the pathway's prerequisite step, if their credits transfer
    (None when the pathway has no such step, or they take all of it, or their education is unknown)."""
    pre = score.pathway.prerequisite
    education = answers.get("education")
    if pre is None or score.prerequisite == WHOLE_STEP or not isinstance(education, str):
        return None
    held = _CREDITED.get(education)
    if held is None:
        return None
    name, step = path_name(score.program, score.pathway), pre.name.lower()
    whole = prerequisite_months(score.pathway)
    if score.prerequisite == PART_STEP:
        left = prerequisite_months(score.pathway, PART_STEP)
        said = _("{held} counts as part of the {step} before {pathway} if your credits transfer, leaving {left}; "
                 "ask the school, as without them the {step} take {months}.")
        return said.format(held=_(held), step=step, pathway=name, left=wording.month_span(left.low, left.high),
                           months=wording.month_span(whole.low, whole.high))
    return _("{held} counts as the {step} before {pathway} if your credits transfer; ask the school, as without "
             "them add {months}.").format(held=_(held), step=step, pathway=name,
                                          months=wording.month_span(whole.low, whole.high))


# What an education counts for toward a prerequisite step, as the subject of a sentence.
_CREDITED = {"some_college": N_("Your college coursework"), "associate": N_("Your associate degree"),
             "bachelor": N_("Your bachelor's degree")}


def below_held_sentence(score: ScoredPathway, answers: Mapping[str, Answer]) -> str:
    """A credential below one the person holds: allowed, with why it can make sense and what to ask a school."""
    name = path_name(score.program, score.pathway)
    held = _(EDUCATION_NOUNS.get(str(answers.get("education")), N_("degree")))
    goal = answers.get("goal")
    why = (_("it is the direct route to your goal ({answer})").format(answer=label("goal", goal))
           if goal in score.pathway.goals
           else _("it is a shorter, cheaper way into this work than a second degree at your level"))
    return _("{pathway} is below the {held} you already hold; it can still make sense, as {why}. Ask the school "
             "which of your credits count toward it.").format(pathway=_cap(name), held=held, why=why)


def caveats(ranking: Ranking) -> list[str]:
    """The warnings that undercut the verdict, for the summary: a budget that covers only the cheaper programs, a
    timeline met only at the quick end (unless the headline's condition says so), costs no source prices that
    could break the budget, a timeline that leaves less time to find a job than any source gives, a fit that
    assumes an education the person did not give."""
    # The headline's condition ("fits only if ...") already says the first two when it is there.
    kinds = ((_OVER_BUDGET, _NO_SEARCH, _UNSAID_EDUCATION) if fit_condition(ranking)
             else (_CHEAPER_ONLY, _QUICKER_ONLY, _OVER_BUDGET, _NO_SEARCH, _UNSAID_EDUCATION))
    return [text for kind, text in _warnings(ranking) if kind in kinds]


# --- what would change it (core/changes.py finds the changes; these are their sentences) -----------------------


def answer_change_sentence(question: Question, to: Answer, until: Answer, upward: bool, pathway: str,
                           makes_fit: bool) -> str:
    """'If your budget were $7,000 or more, HIM would fit your limits and lead.'; for a choice, 'If you answered
    "..." to "...", HIM would lead.'"""
    if question.kind == "choice":
        said = (_('If you answered "{answer}" to "{question}", {pathway} would fit your limits and lead.') if makes_fit
                else _('If you answered "{answer}" to "{question}", {pathway} would lead.'))
        return said.format(answer=question.label_for(to), question=question.prompt, pathway=pathway)
    were = (_("If {noun} were {where}, {pathway} would fit your limits and lead.") if makes_fit
            else _("If {noun} were {where}, {pathway} would lead."))
    return were.format(noun=question.noun, where=_where(question, to, until, upward), pathway=pathway)


def _where(question: Question, to: Answer, until: Answer, upward: bool) -> str:
    """'$7,000 or more', 'from 9 to 23 months', '$6,999 or less'."""
    assert isinstance(to, int | float)
    shown = wording.money if question.unit == "usd" else wording.number
    in_months = question.unit == "months"
    if until is None:
        if in_months:
            limit = _("{count} months or more") if upward else _("{count} months or less")
            return limit.format(count=shown(to))
        return _bound(shown(to), upward)
    assert isinstance(until, int | float)
    low, high = sorted((to, until))
    if low == high:
        return (_("exactly {count} months").format(count=shown(low)) if in_months
                else _("exactly {figure}").format(figure=shown(low)))
    return (_("from {low} to {high} months") if in_months else _("from {low} to {high}")).format(
        low=shown(low), high=shown(high))


def _bound(figure: str, upward: bool) -> str:
    """'$7,000 or more', '30.0 or less'."""
    return (_("{figure} or more") if upward else _("{figure} or less")).format(figure=figure)


def weight_change_sentence(criterion_label: str, to: int, until: int, now: int, end: int, upward: bool,
                           pathway: str) -> str:
    """'If job growth counted for 30.0 or more of the 100 points (now 25.0, ...), HIM would lead.' (``to``,
    ``until``, ``now`` and ``end`` in tenths; ``end`` is 0 or 1000, where the claim runs to the bound)."""
    where = (_bound(wording.points(to), upward) if until == end
             else _("exactly {figure}").format(figure=wording.points(to)) if until == to
             else _("{low} to {high}").format(low=wording.points(min(to, until)), high=wording.points(max(to, until))))
    return _("If {criterion} counted for {where} of the 100 points (now {now}, the other criteria sharing the "
             "rest in proportion), {pathway} would lead.").format(
        criterion=_(criterion_label).lower(), where=where, now=wording.points(now), pathway=pathway)


def decider_sentence(question: Question, pointers: list[tuple[list[Answer], str]]) -> str:
    """'What matters most: Salary or Job growth would point to HIM; Cost would point to MBC.' (each group of
    answers and the program it would point to)."""
    parts = [_("{answers} would point to {program}").format(
        answers=wording.listing([label(question.id, v) for v in values], "or"), program=program)
        for values, program in pointers]
    return f"{question.title}: {'; '.join(parts)}."


def nearest_fit_sentence(misses: list[tuple[str, float, int]], pathway: str, leads: bool) -> str:
    """'$1 more budget (a budget of $3,000) would make the MBC certificate or diploma fit.' from each missed limit
    (budget or timeline), how far short and what it needs."""
    words = []
    for limit, short, need in misses:
        if limit == "budget":
            words.append(_("{amount} more budget (a budget of {budget})").format(
                amount=wording.money(short), budget=wording.money(need)))
        else:
            words.append(_("{months} more time (a timeline of {timeline})").format(
                months=wording.months(math.ceil(short)), timeline=wording.months(need)))
    # (the count, for languages whose verb agrees with one change or two)
    sentence = (ngettext("{changes} would make {pathway} fit, and it would lead.",
                         "{changes} would make {pathway} fit, and it would lead.", len(words)) if leads
                else ngettext("{changes} would make {pathway} fit.", "{changes} would make {pathway} fit.",
                              len(words))).format(changes=wording.listing(words), pathway=pathway)
    return sentence[0].upper() + sentence[1:]


# --- credentials (core/credentials.py says which a person can reach; these are their words) ------------------

CREDENTIAL_RULES = {
    "cca": N_("A high school diploma or equivalent; six months of coding work or an approved coding program is "
              "recommended, not required."),
    "cpc": N_("Anyone may sit it: AAPC needs no proof of education or experience. Until the person has two years of "
              "verified coding work (or one year plus an 80-hour coding course or AAPC's Practicode), a pass gives "
              "the CPC-A, the apprentice mark, which is removed once that work is shown."),
    "ccs": N_("A high school diploma; recommended: coding coursework plus a year of coding work, or two years of "
              "coding work, or the CCA plus a year, or the RHIT or RHIA."),
    "rhit": N_("The academic requirements of an associate degree in a CAHIIM-accredited HIM program; students in "
               "their final term may test early."),
    "rhia": N_("A CAHIIM-accredited bachelor's or master's HIM program, or a CAHIIM-approved post-baccalaureate HIM "
               "certificate."),
}
_CREDENTIAL_WHEN = {
    ("cca", "now"): N_("now"),
    ("cca", "diploma first"): N_("with a high school diploma or equivalent"),
    ("cpc", "apprentice, coder"): N_("now (as CPC-A, the apprentice mark, until two years of coding work, which your "
                                     "coding work may count toward)"),
    ("cpc", "apprentice"): N_("now (as CPC-A, the apprentice mark, until two years of coding work)"),
    ("ccs", "coder"): N_("now; AHIMA recommends two years of coding work (or one with coding coursework), which "
                         "yours counts toward"),
    ("ccs", "now, preparation recommended"): N_("now, though AHIMA recommends coding coursework and a year of coding "
                                                "work first"),
    ("ccs", "diploma first"): N_("with a high school diploma or equivalent"),
    ("rhit", "final term"): N_("in the final term of the HIM associate degree, if the program is CAHIIM-accredited"),
    ("rhit", "associate first"): N_("after a CAHIIM-accredited HIM associate degree"),
    ("rhia", "after this bachelor's"): N_("after the HIM bachelor's degree, if the program is CAHIIM-accredited"),
    ("rhia", "after this bachelor's, or a certificate"): N_(
        "after the HIM bachelor's degree, if the program is CAHIIM-accredited, or sooner after a CAHIIM-approved "
        "post-baccalaureate HIM certificate, which your bachelor's degree admits you to"),
    ("rhia", "post-baccalaureate certificate"): N_("after a CAHIIM-approved post-baccalaureate HIM certificate"),
    ("rhia", "bachelor's first"): N_("after a CAHIIM-accredited HIM bachelor's degree"),
}


def credential_rule(credential: str) -> str:
    """Who may sit the credential, in the certifying body's terms."""
    return _(CREDENTIAL_RULES[credential])


def credential_when(credential: str, situation: str) -> str:
    """When the person can sit the credential, from their situation toward it (see core/credentials.py)."""
    return _(_CREDENTIAL_WHEN[(credential, situation)])


def credential_step(name: str, when: str) -> str:
    """The next step's sentence about the first credential within reach."""
    return _("First certification within reach: the {certification}, {when}.").format(certification=name, when=when)


# --- money and time (core/projection.py works out the lines; these are their words) ---------------------------


def unprojected_note(pathway: str, cost_missing: bool) -> str:
    """Why a pathway's earnings are not projected: no cost, or no salary."""
    missing = (_("No source gives the cost of {pathway}, so its earnings cannot be projected.") if cost_missing
               else _("No source gives the salary of {pathway}, so its earnings cannot be projected."))
    return missing.format(pathway=pathway)


def projection_assumptions(part_time_income_usd: float) -> list[str]:
    """The assumptions behind every projection, with the part-time income the person gave."""
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
    if part_time_income_usd > 0:
        lines.append(_("While in school you earn {income} a year from part-time work; nothing while looking for the "
                       "first job.").format(income=wording.money(part_time_income_usd)))
    else:
        lines.append(_("No earnings while in school or while looking for the first job."))
    return lines


def projection_pathway_lines(score: ScoredPathway) -> list[str]:
    """A projected pathway's figures, as the projection uses them: cost, school, any prerequisite step, the job
    search, the pay."""
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


def two_step_reason(goal: Answer, target: Program, missed: ScoredPathway, first_program: str, note: str) -> str:
    """Why the two-step path is shown: the goal's program does not fit now, and a first step can lead there."""
    return _("Your goal ({answer}) points to {program}, but it does not fit your limits now. {misses} A first step "
             "in {first} can lead there: {note}").format(
        answer=label("goal", goal), program=target.name, misses=misses_sentence(missed), first=first_program,
        note=note)


def first_step_summary(pathway: str, school: Span, cost: Span, working: ScenarioValues) -> str:
    """'Now: the MBC certificate or diploma (9-18 months, $3,000-$17,000); working in the field 13-24 months from
    now.' (``working``: the months to the first job, low to high)."""
    return _("Now: {pathway} ({months}, {cost}); working in the field {working} from now.").format(
        pathway=pathway, months=wording.month_span(school.low, school.high),
        cost=wording.money_span(cost.low, cost.high), working=wording.span(working.low, working.high, "months"))


def second_step_summary(pathway: str, school: Span, cost: Span, done_low: float, done_high: float,
                        step: str | None = None, before: Span | None = None, tuition_only: bool = False) -> str:
    """The second step of the two-step path, studied part-time while working, and when it is done; with the
    prerequisite ``step`` (``before`` months of it) first, when the person takes one. ``tuition_only``: a source
    prices the tuition alone (the cost says so)."""
    if step is not None and before is not None and before.high:
        said = _("After a year in that job: {before} of {step}, then {pathway} ({months}, {cost}), studied "
                 "part-time while you keep working, done {done} from now.")
    else:
        said = _("After a year in that job: {pathway} ({months}, {cost}), studied part-time while you keep "
                 "working, done {done} from now.")
    return said.format(
        pathway=pathway, months=wording.month_span(school.low, school.high), step=step,
        before=wording.month_span(before.low, before.high) if before is not None else "",
        cost=wording.cost_span(cost.low, cost.high, tuition_only), done=wording.span(done_low, done_high, "months"))


def two_step_compared(first_program: str) -> str:
    return _("Compared with staying in {program} after the first step.").format(program=first_program)


def two_step_assumptions(second: str, first_program: str, goal_program: str, school: Span,
                         months_first: int) -> list[str]:
    """What the two-step path assumes, in words."""
    return [
        ngettext("Two-step path: the second step starts after {count} month in the first job.",
                 "Two-step path: the second step starts after {count} months in the first job.",
                 months_first).format(count=months_first),
        _("Two-step path: {pathway} is studied part-time alongside the {program} job and takes its listed length "
          "({months}); no source gives a part-time length, so it may take longer.").format(
            pathway=second, program=first_program, months=wording.month_span(school.low, school.high)),
        _("Two-step path: its cost is paid when it starts; no credit from the first step is counted toward it "
          "(no source says credits transfer)."),
        _("Two-step path: {program} pay starts the month the second step ends, with no job search, since you are "
          "already working in the field.").format(program=goal_program),
    ]


# --- the report's sentences about a result (report/document.py lays them out) ---------------------------------


def no_fitting_change() -> str:
    return _("No change to your answers alone makes a program fit.")


def no_single_change(weights_too: bool = False) -> str:
    """No change to one answer (or, in the whole report, one weight) puts another program first."""
    if weights_too:
        return _("No single change to one answer or one weight would put another program first.")
    return _("No single change to your answers would put another program first.")


def plan_pointer(step: str, below: bool) -> str:
    """The next step of a two-step path, and where its whole plan is."""
    where = _("{step} The whole plan is below.") if below else _("{step} The whole plan is in the full report.")
    return where.format(step=step)


def catch_up_sentence(name: str, other: str, low: int | None, mid: int | None, high: int | None, years: int) -> str:
    """When one path's earnings catch up with another's, at the middle and both ends of the ranges."""
    def when(value: int | None) -> str:
        return (_("year {number}").format(number=value) if value is not None
                else _("not within {years}").format(years=wording.years(years)))

    values = {"name": name, "other": other, "year": mid, "years": wording.years(years), "low": when(low),
              "high": when(high)}
    if mid is not None:
        return _("The {name} catches up with {other} in year {year} in the middle of the ranges ({low} at the low "
                 "end, {high} at the high end).").format(**values)
    return _("The {name} does not catch up with {other} within {years} in the middle of the ranges ({low} at the "
             "low end, {high} at the high end).").format(**values)


def two_step_total(years: int, low: float | None, mid: float | None, high: float | None, first_program: str,
                   catch_low: int | None, catch_mid: int | None, catch_high: int | None) -> str:
    """What the two-step path comes to at the horizon, and when it catches up with staying in the first program."""
    catch_up = catch_up_sentence(_("two-step path"), _("staying in {program}").format(program=first_program),
                                 catch_low, catch_mid, catch_high, years)
    return _("After {years}, the two steps come to {middle} in the middle of the ranges ({low} to {high}). "
             "{catch_up}").format(years=wording.years(years), middle=wording.money(mid), low=wording.money(low),
                                  high=wording.money(high), catch_up=catch_up)


def money_intro() -> str:
    return _("Earnings so far minus school costs, at the end of each year from today: the middle of the ranges in "
             "the chart, the low and high ends in the table. Every assumption is listed under Assumptions.")


def money_chart_description(years: int, ends: list[str]) -> str:
    return _("Earnings so far minus school costs at the end of each year from today, middle of the ranges. "
             "After {years}: {ends}.").format(years=wording.years(years), ends=wording.listing(ends))


def before_work(school: str, search: str | None) -> str:
    """'13.5 months of school, then 4-6 months to a job'; no search when no source gives one."""
    if search is None:
        return _("{school} of school; no job search counted (no source gives one)").format(school=school)
    return _("{school} of school, then {search} to a job").format(school=school, search=search)


def settle_intro() -> str:
    return _("What would settle the toss-up, for you:")


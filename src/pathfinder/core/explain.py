"""Why, in words: the sentences behind a ranking (criteria, limits, reasons, warnings, next steps).

Pure: reads the typed ranking and the catalog, writes plain sentences through ``wording``. Built only
for what is printed, so ranking many answer sets never pays for text nobody reads.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

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
    COST,
    DIFFICULTY,
    GOAL,
    GROWTH,
    LEAN_WIN,
    LEARNING,
    REMOTE,
    SALARY,
    TIME,
    Miss,
    PathwayScore,
    ProgramScore,
    Ranking,
    goal_fit,
)

EDUCATION_WORDS = {"high_school": "a high school diploma", "some_college": "some college coursework",
                   "associate": "an associate degree", "bachelor": "a bachelor's degree"}


def path_name(program: Program, pathway: Pathway) -> str:
    """'the HIM associate degree', 'the MBC certificate or diploma'."""
    return f"the {program.short_name} {pathway.name[0].lower()}{pathway.name[1:]}"


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


def time_words(score: PathwayScore) -> str:
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


def criterion_reason(index: int, score: PathwayScore, answers: Mapping[str, Answer] | None = None) -> str:
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


def _criterion_reason(index: int, score: PathwayScore, answers: Mapping[str, Answer]) -> str:
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


def _fit_words(value: float) -> str:
    if value >= 1:
        return "a direct match"
    if value >= 0.5:
        return "a partial match"
    if value > 0:
        return "a match only through a later step"
    return "no match"


def _not_weighed(index: int) -> str:
    return {
        GOAL: "Not weighed: you have not said what work you want or what interests you.",
        LEARNING: "Not weighed: you learn both ways and named no strongest skill.",
        REMOTE: "Not weighed: remote work makes no difference to you.",
        DIFFICULTY: "Not weighed: either level of difficulty suits you.",
    }[index]


# --- limits ---------------------------------------------------------------------------------------


def miss_words(miss: Miss, score: PathwayScore) -> str:
    """'$1,000 over your $2,000 budget', '3 months more than your 6 months', ..."""
    pathway = score.pathway
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


def misses_sentence(score: PathwayScore) -> str:
    """'The HIM associate degree does not fit: it starts at $7,000, ...; the earliest ...'."""
    parts = [miss_words(m, score) for m in score.misses.values()]
    return f"{_cap(path_name(score.program, score.pathway))} does not fit: {'; '.join(parts)}."


def constraint_message(limit: str, score: PathwayScore, answers: dict[str, Answer]) -> str:
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


def reasons(ranking: Ranking, limit: int = 3) -> list[str]:
    """The reasons that matter: fit with the limits first, then where the first program gains most."""
    first = ranking.first
    answers = dict(ranking.answers)
    out: list[str] = []
    if not ranking.fits:
        out.append(_nearest_sentence(first))
    else:
        ruled_out = [p for p in ranking.programs[1:] if not p.fits]
        for other in ruled_out:
            out.append(misses_sentence(other.best))
    rival = ranking.contender or (ranking.programs[1] if len(ranking.programs) > 1 else None)
    if ranking.confidence == "toss-up" and ranking.fits and rival is not None:
        out.append(toss_up_sentence(ranking, rival))
    gains = _gains(first, rival)
    for index in gains:
        if len(out) >= limit + (1 if out else 0):
            break
        out.append(criterion_reason(index, first.best, answers))
    if ranking.confidence == "toss-up" and ranking.fits and rival is not None:
        theirs = _gains(rival, first)
        if theirs:
            out.append(f"For {rival.program.short_name}: " + _lower(criterion_reason(theirs[0], rival.best, answers)))
    if not out:
        out.append("Your answers do not separate the programs.")
    return out


def first_reason(ranking: Ranking) -> str:
    """The first of ``reasons``, built alone (one column of ``score --format csv``, written for every student)."""
    if not ranking.fits:
        return _nearest_sentence(ranking.first)
    ruled_out = next((p for p in ranking.programs[1:] if not p.fits), None)
    if ruled_out is not None:
        return misses_sentence(ruled_out.best)
    if ranking.confidence != "toss-up":  # the criterion the first program gains most on
        gains = _gains(ranking.first, ranking.contender)
        if gains:
            return criterion_reason(gains[0], ranking.first.best, ranking.answers)
    return reasons(ranking, limit=1)[0]


def _nearest_sentence(first: ProgramScore) -> str:
    return "No program fits your limits. " + misses_sentence(first.best).replace(" does not fit:", " is the nearest:")


def _gains(first: ProgramScore, other: ProgramScore | None) -> list[int]:
    """Criteria where ``first`` scores more points than ``other``, largest gain first (ties in criteria order)."""
    mine = first.best.points
    theirs = other.best.points if other is not None else (0,) * len(mine)
    values = first.best.values
    return [i for loss, i in sorted([(theirs[i] - mine[i], i) for i in range(len(mine)) if values[i] is not None])
            if loss < 0]


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
                   f"({sibling.score / 10:.1f} points); {name} comes first {_tie_reason(first, sibling, answers)}.")
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


def _tie_reason(first: PathwayScore, other: PathwayScore, answers: Mapping[str, Answer]) -> str:
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


def toss_up_sentence(ranking: Ranking, rival: ProgramScore) -> str:
    """Why a fitting first program is only a toss-up, in the chances it rests on."""
    first = ranking.first
    if ranking.margin == 0:
        return (f"{first.program.short_name} and {rival.program.short_name} score the same on the typical figures: "
                "your answers do not separate them.")
    return (f"{first.program.short_name} leads {rival.program.short_name} by {wording.points(ranking.margin)} points "
            f"on the typical figures, but comes out first in only {_percent(first.win_chance)} of the draws across "
            f"the ranges, under the {_percent(LEAN_WIN)} that would make it a lean: your answers do not separate them.")


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


def unpriced_sentence(score: PathwayScore, answers: Mapping[str, Answer]) -> str | None:
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


def below_held_sentence(score: PathwayScore, answers: Mapping[str, Answer]) -> str:
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

"""The whole advice for one person: the ranking, then money and time, what would change it, what would
decide a toss-up, the nearest step when nothing fits, a two-step path where one applies, and any
``--what-if`` answers. Pure: no typer, rich or questionary.

This is where the typed ranking becomes the result's models (``pathfinder.core.result``): every output
(JSON, terminal, reports, batch lines) reads those models or the ranking, never a copy of either.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pathfinder import i18n
from pathfinder.core import explain
from pathfinder.core.credentials import first_step, reachable
from pathfinder.core.programs import Catalog
from pathfinder.core.projection import Options
from pathfinder.core.questions import Answer
from pathfinder.core.result import (
    Constraint,
    Credential,
    CriterionScore,
    LineRanked,
    LineRecommendation,
    MissedLimit,
    PathwayScore,
    RankedProgram,
    Recommendation,
    Result,
    Spread,
    StackablePath,
    WhatIf,
)
from pathfinder.core.scoring import CRITERIA, LIMITS, MILLION, ProgramScore, Ranking, ScoredPathway, Scorer
from pathfinder.core.wording import to_points
from pathfinder.i18n import _

UNITS = {"budget": "USD", "timeline": "months", "admission": ""}


def advise(answers: Mapping[str, Answer], catalog: Catalog, options: Options | None = None,
           what_if_answers: Mapping[str, Answer] | None = None, scorer: Scorer | None = None) -> Result:
    """Rank complete, validated answers and add everything the person needs to decide with eyes open.

    ``scorer`` (for ``catalog``) is reused when given, as ``pathfinder score --full`` does for a whole run.
    """
    from pathfinder.core.changes import nearest_fit, what_would_change, what_would_decide
    from pathfinder.core.projection import project, stackable_path

    options = options or Options()
    scorer = scorer or Scorer(catalog)
    ranking = scorer.rank(answers)
    projection, assumptions = project(ranking, options)
    stack, stack_assumptions = stackable_path(ranking, options)
    what_if = None
    if what_if_answers:
        again = scorer.rank({**answers, **what_if_answers})
        changed = {key: {"from": answers.get(key), "to": value} for key, value in what_if_answers.items()}
        recommendation, ranked, warnings = summary(again)
        what_if = WhatIf(changed=changed, answers=dict(again.answers), recommendation=recommendation,
                         ranking=ranked, warnings=warnings, sentence=explain.what_if_sentence(ranking, again, changed),
                         outcome=explain.what_if_outcome(ranking, again))
    credentials = reachable(answers, ranking.first.program, ranking.first.best.pathway)
    recommendation, ranked, warnings = summary(ranking, stack, first_step(credentials))
    return Result(
        answers=dict(answers), recommendation=recommendation, ranking=ranked, warnings=warnings,
        projection=projection, assumptions=assumptions + stack_assumptions,
        what_would_change=what_would_change(ranking, scorer), what_would_decide=what_would_decide(ranking, scorer),
        nearest_fit=nearest_fit(ranking, scorer), stackable_path=stack, what_if=what_if,
        credentials=[Credential(id=c.id, name=c.name, now=c.now, when=c.when, rule=c.rule, source=c.source)
                     for c in credentials],
    )


def result(answers: Mapping[str, Answer], catalog: Catalog, scorer: Scorer | None = None) -> Result:
    """The ranking part of the result only (recommendation, ranking, warnings): what ``score`` writes."""
    recommendation, ranked, warnings = summary((scorer or Scorer(catalog)).rank(answers))
    return Result(answers=dict(answers), recommendation=recommendation, ranking=ranked, warnings=warnings)


def summary(ranking: Ranking, stack: StackablePath | None = None,
            credential_step: str | None = None) -> tuple[Recommendation, list[RankedProgram], list[str]]:
    """The recommendation (with its words), every ranked program with its criteria and limits, and the warnings.
    ``stack``: the two-step path, when there is one (the next step names it); ``credential_step``: the first
    credential within reach, which is the next step otherwise."""
    first = ranking.first
    best = first.best
    margin = ranking.margin
    reasons = explain.reasons(ranking)
    step = explain.next_step(ranking, stack, credential_step)
    rival = explain.rival(ranking)
    recommendation = Recommendation(
        program_id=first.program.id, program_name=first.program.name, pathway=best.pathway.id,
        pathway_name=best.pathway.name, score=to_points(best.score), confidence=ranking.confidence,
        margin=None if margin is None else to_points(margin), fits_limits=ranking.fits,
        rival_program_id=None if rival is None else rival.program.id,
        verdict=explain.verdict(ranking.confidence), headline=explain.headline(ranking),
        fits_if=explain.fit_condition(ranking), caveats=explain.caveats(ranking),
        reasons=[r.text for r in reasons], reason_sources=[list(r.sources) for r in reasons],
        next_step=step.text, next_step_sources=list(step.sources),
        next_steps=[*([credential_step] if credential_step else []), *explain.next_steps(first.program, best.pathway)],
    )
    return recommendation, [_ranked(ranking, p) for p in ranking.programs], explain.warnings(ranking)


# The lean line's parts repeat across a class (a few hundred programs, pathways and scores): each is built once, by
# its model, and its dump shared; a line is then only a dict of them, as fast to write as a hand-made one.
_LEAN_PARTS: dict[tuple[object, ...], dict[str, Any]] = {}
_LEAN_AT_MOST = 20_000


def score_line(line: int, columns: dict[str, Any], answers: Mapping[str, Answer], ranking: Ranking) -> dict[str, Any]:
    """One line of ``pathfinder score`` without ``--full``, as ``ScoreLine`` declares it: the lean parts of the
    recommendation and the ranking (``LineRecommendation`` and ``LineRanked``, the bases of the result's
    ``Recommendation`` and ``RankedProgram``), and the warnings."""
    if len(_LEAN_PARTS) >= _LEAN_AT_MOST:
        _LEAN_PARTS.clear()
    first = ranking.first
    best = first.best
    # Keyed by the language too: the names in these parts are in the run's language.
    language = i18n.language()
    key = (language, first.program.id, best.pathway.id, best.score, ranking.confidence, ranking.margin)
    recommendation = _LEAN_PARTS.get(key)
    if recommendation is None:
        margin = ranking.margin
        recommendation = _LEAN_PARTS[key] = LineRecommendation(
            program_id=first.program.id, program_name=first.program.name, pathway=best.pathway.id,
            pathway_name=best.pathway.name, score=to_points(best.score), confidence=ranking.confidence,
            margin=None if margin is None else to_points(margin)).model_dump()
    ranked = []
    for program in ranking.programs:
        part = (language, program.program.id, program.best.pathway.id, program.best.score, program.fits,
                program.fit_chance, program.win_chance)
        entry = _LEAN_PARTS.get(part)
        if entry is None:
            entry = _LEAN_PARTS[part] = LineRanked(program_id=program.program.id, pathway=program.best.pathway.id,
                                                   score=to_points(program.best.score), eligible=program.fits,
                                                   fit_chance=program.fit_chance,
                                                   win_chance=round(program.win_chance, 2)).model_dump()
        ranked.append(entry)
    return {"line": line, "columns": columns, "answers": answers, "recommendation": recommendation,
            "ranking": ranked, "warnings": explain.warnings(ranking)}


def _ranked(ranking: Ranking, program: ProgramScore) -> RankedProgram:
    best = program.best
    answers = dict(ranking.answers)
    criteria = [
        CriterionScore(id=c.id, label=_(c.label), weight=to_points(ranking.weights[i]),
                       fit=None if best.values[i] is None else round(best.values[i] or 0.0, 2),
                       contribution=to_points(best.points[i]), reason=explain.criterion_reason(i, best, answers))
        for i, c in enumerate(CRITERIA)
    ]
    return RankedProgram(
        program_id=program.program.id, name=program.program.name, score=to_points(best.score), eligible=program.fits,
        distance=round(best.distance / MILLION, 6), pathway=best.pathway.id, pathway_name=best.pathway.name,
        fit_chance=program.fit_chance, win_chance=round(program.win_chance, 2),
        constraints=_constraints(best, answers), criteria=criteria,
        pathways=[_pathway(p) for p in program.pathways],
    )


def _constraints(best: ScoredPathway, answers: dict[str, Answer]) -> list[Constraint]:
    """One line per limit the person set, for the program's pathway."""
    given = {"budget": answers.get("budget_usd") is not None, "timeline": answers.get("timeline_months") is not None,
             "admission": answers.get("education") is not None}
    lines = []
    for limit in LIMITS:
        miss = best.misses.get(limit)
        if not given[limit] and miss is None:
            continue
        lines.append(Constraint(id=limit, ok=miss is None, shortfall=None if miss is None else miss.short,
                                unit=UNITS[limit], message=explain.constraint_message(limit, best, answers)))
    return lines


def _pathway(score: ScoredPathway) -> PathwayScore:
    return PathwayScore(
        id=score.pathway.id, name=score.pathway.name, score=to_points(score.score), eligible=score.fits,
        problems=[explain.miss_words(m, score) for m in score.misses.values()],
        misses={k: MissedLimit(need=m.need, have=m.have, shortfall=m.short, unit=UNITS[k])
                for k, m in score.misses.items()},
        cost_usd=Spread(low=score.cost.low, high=score.cost.high),
        time_to_work_months=Spread(low=score.time_to_work.low, high=score.time_to_work.high),
        prerequisite_first=bool(score.prerequisite),
    )

"""The whole advice for one person: the ranking, then money and time, what would change it, what would
decide a toss-up, the nearest step when nothing fits, a two-step path where one applies, and any
``--what-if`` answers. Pure: no typer, rich or questionary.

This is where the typed ranking becomes the result's models (``pathfinder.core.result``): every output
(JSON, terminal, reports, batch lines) reads those models or the ranking, never a copy of either.
"""

from __future__ import annotations

from collections.abc import Mapping

from pathfinder.core import explain
from pathfinder.core.credentials import first_step, reachable
from pathfinder.core.programs import Catalog
from pathfinder.core.projection import Options
from pathfinder.core.questions import Answer
from pathfinder.core.result import (
    Change,
    Constraint,
    Credential,
    CriterionScore,
    Decider,
    Miss,
    NearestFit,
    PathwayScore,
    RankedProgram,
    Recommendation,
    Result,
    Spread,
    WhatIf,
)
from pathfinder.core.scoring import CRITERIA, LIMITS, MILLION, ProgramScore, Ranking, Scorer
from pathfinder.core.scoring import PathwayScore as ScoredPathway

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
                         ranking=ranked, warnings=warnings)
    recommendation, ranked, warnings = summary(ranking)
    credentials = reachable(answers, ranking.first.program, ranking.first.best.pathway)
    step = first_step(credentials)
    if step:
        recommendation.next_steps.insert(0, step)
    fit = nearest_fit(ranking, scorer)
    return Result(
        answers=dict(answers), recommendation=recommendation, ranking=ranked, warnings=warnings,
        projection=projection, assumptions=assumptions + stack_assumptions,
        what_would_change=[_change(c) for c in what_would_change(ranking, scorer)],
        what_would_decide=[Decider(answer=d.answer, values={k: list(v) for k, v in d.values.items()},
                                   sentence=d.sentence)
                           for d in what_would_decide(ranking, scorer)],
        nearest_fit=None if fit is None else NearestFit(
            program_id=fit.program_id, pathway=fit.pathway, leads=fit.leads, sentence=fit.sentence,
            changes={k: {"from": a, "to": b} for k, (a, b) in fit.changes.items()}),
        stackable_path=stack, what_if=what_if,
        credentials=[Credential(id=c.id, name=c.name, now=c.now, when=c.when, rule=c.rule, source=c.source)
                     for c in credentials],
    )


def result(answers: Mapping[str, Answer], catalog: Catalog, scorer: Scorer | None = None) -> Result:
    """The ranking part of the result only (recommendation, ranking, warnings): what ``score`` writes."""
    recommendation, ranked, warnings = summary((scorer or Scorer(catalog)).rank(answers))
    return Result(answers=dict(answers), recommendation=recommendation, ranking=ranked, warnings=warnings)


def summary(ranking: Ranking) -> tuple[Recommendation, list[RankedProgram], list[str]]:
    """The recommendation, every ranked program with its criteria and limits, and the warnings."""
    first = ranking.first
    best = first.best
    margin = ranking.margin
    recommendation = Recommendation(
        program_id=first.program.id, program_name=first.program.name, pathway=best.pathway.id,
        pathway_name=best.pathway.name, score=best.score / 10, confidence=ranking.confidence,
        margin=None if margin is None else margin / 10, fits_limits=ranking.fits,
        fits_if=explain.fit_condition(ranking), caveats=explain.caveats(ranking),
        reasons=explain.reasons(ranking), next_steps=explain.next_steps(first.program, best.pathway),
    )
    return recommendation, [_ranked(ranking, p) for p in ranking.programs], explain.warnings(ranking)


def _ranked(ranking: Ranking, program: ProgramScore) -> RankedProgram:
    best = program.best
    answers = dict(ranking.answers)
    criteria = [
        CriterionScore(id=c.id, label=c.label, weight=ranking.weights[i] / 10,
                       fit=None if best.values[i] is None else round(best.values[i] or 0.0, 2),
                       contribution=best.points[i] / 10, reason=explain.criterion_reason(i, best, answers))
        for i, c in enumerate(CRITERIA)
    ]
    return RankedProgram(
        program_id=program.program.id, name=program.program.name, score=best.score / 10, eligible=program.fits,
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
        id=score.pathway.id, name=score.pathway.name, score=score.score / 10, eligible=score.fits,
        problems=[explain.miss_words(m, score) for m in score.misses.values()],
        misses={k: Miss(need=m.need, have=m.have, shortfall=m.short, unit=UNITS[k]) for k, m in score.misses.items()},
        cost_usd=Spread(low=score.cost.low, high=score.cost.high),
        time_to_work_months=Spread(low=score.time_to_work.low, high=score.time_to_work.high),
        prerequisite_first=bool(score.prerequisite),
    )


def _change(change: object) -> Change:
    from pathfinder.core.changes import Change as Found

    assert isinstance(change, Found)
    return Change(
        answer=change.key if change.kind == "answer" else None, weight=change.key if change.kind == "weight" else None,
        from_=change.before, to=change.to, until=change.until, new_program_id=change.new_program_id,
        new_pathway=change.new_pathway,
        also=list(change.also), distance=change.distance, makes_fit=change.makes_fit, sentence=change.sentence,
    )

"""The whole advice for one person: the ranking, then money and time, what would change it, a two-step
path where one applies, and any ``--what-if`` answers. Pure: no typer, rich or questionary."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from pathfinder.models import Catalog
from pathfinder.results import Result
from pathfinder.projection import Options
from pathfinder.questions import Answer

if TYPE_CHECKING:
    from pathfinder.scoring import Scorer


def advise(answers: Mapping[str, Answer], catalog: Catalog, options: Options | None = None,
           what_if_answers: Mapping[str, Answer] | None = None, scorer: Scorer | None = None) -> Result:
    """Score complete, validated answers and add everything the person needs to decide with eyes open.

    ``scorer`` (for ``catalog``) is reused when given, as ``pathfinder score --full`` does for a whole run.
    """
    from pathfinder.changes import what_if, what_would_change
    from pathfinder.projection import project, stackable_path
    from pathfinder.scoring import Scorer

    options = options or Options()
    scorer = scorer or Scorer(catalog)
    result = scorer.result(answers)
    projection, assumptions = project(result, catalog, options)
    stack, stack_assumptions = stackable_path(result, catalog, options)
    return result.model_copy(update={
        "projection": projection,
        "assumptions": assumptions + stack_assumptions,
        "what_would_change": what_would_change(result, catalog, scorer),
        "stackable_path": stack,
        "what_if": what_if(result, what_if_answers, catalog, scorer) if what_if_answers else None,
    })

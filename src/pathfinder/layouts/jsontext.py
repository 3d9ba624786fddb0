"""JSON documents for scripts: the quiz's result, the programs file as compare shows it, and the questions.

Written straight as text (never through Rich, which would wrap long strings), from the typed models.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathfinder.core.programs import Catalog, Program
    from pathfinder.core.questions import Question
    from pathfinder.core.result import Result


def result_json(result: Result, catalog: Catalog, **_: Any) -> str:
    """``quiz --json``: the whole result, whatever ``--details`` says."""
    return result.model_dump_json(indent=2)


def catalog_json(catalog: Catalog, programs: Sequence[Program], **_: Any) -> str:
    """``compare --json``: the full profiles of the programs shown, in the shape of the programs file and in its
    own words, whatever the language (docs/i18n.md)."""
    # The programs file's own words: a run in another language has a translated copy (core/catalog_text.py).
    catalog = catalog.original()
    programs = [english for p in programs if (english := catalog.program(p.id)) is not None]
    shown = catalog if list(programs) == list(catalog.programs) else catalog.model_copy(
        update={"programs": list(programs)})
    return shown.model_dump_json(indent=2)


def questions_json(questions: Sequence[Question]) -> str:
    """Every question as JSON, to build an answers file (``pathfinder questions --json``)."""
    payload = {
        "schema_version": 1,
        "questions": [
            {
                "id": q.id, "title": q.title, "prompt": q.prompt, "kind": q.kind, "help": q.help, "default": q.default,
                "nullable": q.nullable, "minimum": q.minimum, "maximum": q.maximum,
                "also_read_as": list(q.also_read_as),
                "choices": [{"value": c.value, "label": c.label} for c in q.choices],
            }
            for q in questions
        ],
    }
    from pydantic_core import to_json  # already loaded with Typer's option conversion; json would load more

    return to_json(payload, indent=2).decode()

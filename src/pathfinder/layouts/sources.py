"""``pathfinder sources``: every source with the figures that rest on it, as plain text or as JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pathfinder.i18n import _

if TYPE_CHECKING:
    from pathfinder.core.programs import Catalog


def sources_json(catalog: Catalog, **_: Any) -> str:
    """Every source, with the figures that rest on it."""
    from pydantic_core import to_json

    from pathfinder.report.factsheet import source_uses

    uses = source_uses(catalog)
    listed = [{**s.model_dump(exclude={"sections"}), "figures": uses.get(s.id, [])} for s in catalog.sources]
    return to_json({"schema_version": 1, "sources": listed}, indent=2).decode()


def sources_text(catalog: Catalog, width: int = 80) -> str:
    """Every source as a short block of plain text, each marked official, secondary or a judgement."""
    import textwrap

    from pathfinder.report.factsheet import source_title, source_uses

    uses = source_uses(catalog)
    blocks = []
    for source in catalog.sources:
        title = source_title(source.title)
        if source.official:
            lines = [_("{title} (official)").format(title=title)]
        elif source.quotes:
            lines = [_("{title} (secondary: quotes {body})").format(title=title, body=source.quotes)]
        elif source.id == "judgement":  # its title says what it is: no source at all
            lines = [title]
        else:
            lines = [_("{title} (secondary)").format(title=title)]
        lines.append("  " + " | ".join(part for part in (source.publisher, source.url or _("no link")) if part))
        lines.append("  " + _("Figures as of: {as_of}; read {retrieved}").format(as_of=source.as_of,
                                                                                 retrieved=source.retrieved))
        figures = uses.get(source.id, [])
        rests = "; ".join(figures) if figures else _("nothing shown (kept for reference)")
        lines += textwrap.wrap(_("Rests on it: {figures}.").format(figures=rests), width, initial_indent="  ",
                               subsequent_indent="    ", break_on_hyphens=False, break_long_words=False)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"

"""Every output pathfinder writes, in every format, and the layout that writes it: the one table the CLI reads.

A writer is named by ``module:function`` and imported only when it is used, so this table costs nothing at
start-up. Adding a format is one layout module (or function) and one line here. The writers of one output take
the same arguments (the comment above each output says which); a ``screen`` writer returns a Rich renderable for
the terminal's console (it is given ``console=``), any other returns the text to write (or, for ``score``, a
streaming writer with ``encode``, ``join``, ``emit`` and ``close``). Pure: imports nothing it does not need.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any, NamedTuple


class Layout(NamedTuple):
    writer: str  # "module:function", imported when first used
    screen: bool = False  # a Rich renderable, printed through the console; else text for stdout or a file
    suffixes: tuple[str, ...] = ()  # for `export`: the file suffixes that ask for this format

    def load(self) -> Any:
        module, name = self.writer.split(":")
        return getattr(import_module(module), name)


LAYOUTS: dict[str, dict[str, Layout]] = {
    # quiz's result on standard output: writer(result, catalog, details=, more=) (json needs neither)
    "quiz": {
        "terminal": Layout("pathfinder.layouts.terminal:result_view", screen=True),
        "json": Layout("pathfinder.layouts.jsontext:result_json"),
    },
    # quiz --export FILE, chosen by FILE's suffix: writer(report) -> the whole report as text
    "export": {
        "html": Layout("pathfinder.layouts.html:to_html", suffixes=(".html", ".htm")),
        "svg": Layout("pathfinder.layouts.html:chart_only", suffixes=(".svg",)),
        "markdown": Layout("pathfinder.layouts.markdown:to_markdown", suffixes=(".md",)),
        "text": Layout("pathfinder.layouts.terminal:plain_text", suffixes=(".txt",)),
    },
    # compare: writer(catalog, programs, sources=, details=)
    "compare": {
        "table": Layout("pathfinder.layouts.terminal:compare_table", screen=True),
        "json": Layout("pathfinder.layouts.jsontext:catalog_json"),
        "markdown": Layout("pathfinder.layouts.markdown:compare_markdown"),
        "csv": Layout("pathfinder.layouts.csvtext:compare_csv"),
    },
    # sources: writer(catalog, width=)
    "sources": {
        "text": Layout("pathfinder.layouts.sources:sources_text"),
        "json": Layout("pathfinder.layouts.sources:sources_json"),
    },
    # questions: writer(questions)
    "questions": {
        "table": Layout("pathfinder.layouts.terminal:questions_table", screen=True),
        "json": Layout("pathfinder.layouts.jsontext:questions_json"),
    },
    # score: writer(out, catalog) -> a streaming writer over a binary file
    # (suffixes: what an --output file may end in for this format; the first format whose suffix it has is
    # the one --output asks for when --format is not given)
    "score": {
        "jsonl": Layout("pathfinder.layouts.tables:JsonLines", suffixes=(".jsonl", ".ndjson", ".json")),
        "csv": Layout("pathfinder.layouts.tables:CsvTable", suffixes=(".csv",)),
        "xlsx": Layout("pathfinder.layouts.tables:Workbook", suffixes=(".xlsx",)),
    },
}


def formats(output: str) -> tuple[str, ...]:
    """The formats ``output`` can be written in, in the order of the table (the first is the default)."""
    return tuple(LAYOUTS[output])


def layout(output: str, fmt: str) -> Layout:
    return LAYOUTS[output][fmt]


def writer(output: str, fmt: str) -> Any:
    """The function (or class) that writes ``output`` in ``fmt``, imported now."""
    return LAYOUTS[output][fmt].load()


def export_format(path: Path) -> str:
    """The export format a file name asks for, by its suffix; anything else is a usage error."""
    suffix = path.suffix.lower()
    for fmt, entry in LAYOUTS["export"].items():
        if suffix in entry.suffixes:
            return fmt
    from pathfinder.errors import PathfinderError
    from pathfinder.i18n import _

    known = ", ".join(s for entry in LAYOUTS["export"].values() for s in entry.suffixes)
    if not path.suffix:
        raise PathfinderError(_("--export {path}: a file name without a suffix is not a format pathfinder writes; "
                                "use one of {suffixes}").format(path=path, suffixes=known))
    raise PathfinderError(_("--export {path}: {suffix} is not a format pathfinder writes; use one of "
                            "{suffixes}").format(path=path, suffix=path.suffix, suffixes=known))


def score_format(chosen: str | None, path: Path | None) -> str:
    """The format ``score`` writes: the one chosen with --format, else the one --output's suffix names, else the
    first. An --output whose suffix belongs to another format (or to none; a text format may have no suffix) is
    a usage error, so a spreadsheet is never written as JSON Lines, nor JSON Lines into a .xlsx file."""
    entries = LAYOUTS["score"]
    suffix = path.suffix.lower() if path is not None else ""
    named = next((fmt for fmt, entry in entries.items() if suffix in entry.suffixes), None)
    fmt = chosen or named or next(iter(entries))
    if path is None or suffix in entries[fmt].suffixes or (not suffix and fmt != "xlsx"):
        return fmt
    from pathfinder.errors import PathfinderError
    from pathfinder.i18n import _

    wanted = ", ".join(entries[fmt].suffixes)
    if named is not None:
        raise PathfinderError(_("--output {path}: {suffix} names the {named} format, but --format is {fmt}; drop "
                                "--format (the suffix chooses it) or name the file with {suffixes}").format(
            path=path, suffix=path.suffix, named=named, fmt=fmt, suffixes=wanted))
    raise PathfinderError(_("--output {path}: score writes {fmt} here, and {fmt} files end in {suffixes}; name the "
                            "file so, or choose another --format").format(path=path, fmt=fmt, suffixes=wanted))


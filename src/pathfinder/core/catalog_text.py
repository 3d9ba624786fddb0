"""The programs file's words: which of its strings a person reads as sentences (translated through the message
catalog) and which stay as written (ids, references, names), and the translated copy of a catalog.

Every string field of the catalog's models is listed here by its path, in one of two lists: ``TRANSLATED`` (its
text goes into the ``.pot``, extracted by ``scripts/catalogs.py``, under the context ``programs.json``) or ``KEPT``
(with the reason it stays). A path is written as in the file, ``[]`` for any item of a list and ``*`` for any key
of a mapping: ``programs[].fit.*.*.note`` is the note of every fit table's every answer. A test walks the models
and fails on a string field in neither list, so a new field is decided once, here.

A catalog is translated when it is loaded (``core/catalog.py``): each translated field goes through
``pgettext("programs.json", text)``, so a sentence the Spanish catalog has comes out in Spanish, and any other
text (a ``--data`` file of one's own) comes out as its author wrote it. The translated copy keeps the catalog it
was made from: ``Catalog.original()`` is what ``compare --json`` prints, the programs file's own words. A translated
program or pathway keeps its name as written too (``name_as_written()``): a tie is broken by it, so a decision
never depends on the language.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel  # loaded already: this module is imported once a catalog has been validated

from pathfinder.core.programs import Named
from pathfinder.i18n import ENGLISH, language, pgettext

if TYPE_CHECKING:
    from pathfinder.core.programs import Catalog

CONTEXT = "programs.json"  # the msgctxt of the programs file's messages: never mixed up with the code's words
FILE = "data/programs.json"  # the file the .pot's references name

Path = tuple[str, ...]  # ("programs", "[]", "pathways", "[]", "admission", "[]")

# Fields a person reads as words. The Spanish follows src/pathfinder/locale/GLOSSARY.md; the article's quotes
# inside a sentence stay English, marked "(en inglés)".
TRANSLATED = (
    "sources[].as_of",
    "sources[].sections.*",
    # What an abbreviation stands for; an organization's, a law's or a code set's name is its own translation.
    "glossary.*",
    # The program's name follows the glossary ("Gestión de Información de Salud"); its short name (HIM, MBC)
    # stays, so the program is known by it in both languages.
    "programs[].name",
    "programs[].summary",
    "programs[].pathways[].name",
    "programs[].pathways[].admission[]",
    "programs[].pathways[].prerequisite.name",
    "programs[].outcomes.roles[].title",
    "programs[].outcomes.roles[].description",
    "programs[].outcomes.advancement",
    "programs[].certifications[].eligibility",
    "programs[].certifications[].exam",
    "programs[].certifications[].fee",
    "programs[].skills[]",
    "programs[].curriculum[]",
    "programs[].work_environment",
    "programs[].difficulty.level",
    "programs[].remote_work.level",
    "programs[].next_steps[]",
    "programs[].occupations[].why",
    "programs[].flags[].text",
    "occupations[].name",
    "occupations[].short_name",
    "occupations[].education",
    "occupations[].not_found",
    "occupations[].pay[].as_of",
    # Every note (a source's, a figure's, a fit's, a certification's...) and every period a figure covers
    # ("a year", "by 2030"), wherever it sits.
    "**.note",
    "**.period",
)

# Fields that stay as the file writes them, and why.
KEPT = {
    "**.id": "an id: the contract of the file and of every output",
    "**.source": "a reference to a source (article#cost), not words",
    "**.*_source": "a reference to a source, not words",
    "sources[].title": "a source's title stays in its own language (the article's title is English)",
    "sources[].publisher": "a person's or an organization's name",
    "sources[].url": "a link",
    "sources[].retrieved": "a date, YYYY-MM-DD",
    "sources[].quotes": "the official body a secondary source quotes: an organization's name (as its publisher)",
    "reviewed": "a date, YYYY-MM-DD: when the figures were last checked",
    "programs[].short_name": "the acronym a program is known by in both languages (HIM, MBC)",
    "programs[].pathways[].level": "a level's id (certificate, associate, ...)",
    "programs[].pathways[].min_education": "an education level's id",
    "programs[].pathways[].prerequisite.gives": "an education level's id",
    "programs[].pathways[].prerequisite.credit[].education": "an education level's id",
    "programs[].pathways[].certifications[]": "certifications' ids",
    "programs[].pathways[].goals[]": "goals' ids",
    "programs[].certifications[].name": "a certification's name stays English (the glossary's rule)",
    "programs[].certifications[].body": "the certifying organization's acronym",
    "programs[].notes[].about": "what a note is about, as an id (cost, length, ...)",
    "programs[].flags[].about": "what a flag is about, as an id (salary, growth, pass_rate)",
    "programs[].occupations[].occupation": "an occupation's id",
    "programs[].stacks_into[].program_id": "a program's id",
    "occupations[].code": "the Standard Occupational Classification code",
}


def _parse(pattern: str) -> Path:
    parts: list[str] = []
    for part in pattern.split("."):
        name = part.removesuffix("[]")
        parts.append(name)
        if name != part:
            parts.append("[]")
    return tuple(parts)


_TRANSLATED = tuple(_parse(p) for p in TRANSLATED)
_KEPT = tuple(_parse(p) for p in KEPT)


def _matches(pattern: Path, path: Path) -> bool:
    """``**`` at the start stands for any path before the rest; ``*`` for one key, ``*_source`` for a key ending
    so; ``[]`` for a list's item."""
    if pattern and pattern[0] == "**":
        rest = pattern[1:]
        return len(path) >= len(rest) and _matches(rest, path[len(path) - len(rest):])
    if len(pattern) != len(path):
        return False
    for want, got in zip(pattern, path, strict=True):
        if want == "*":
            if got == "[]":
                return False
        elif want.startswith("*"):
            if not got.endswith(want[1:]):
                return False
        elif want != got:
            return False
    return True


@cache
def classify(path: Path) -> str | None:
    """``translated``, ``kept`` or None (a string field not decided yet) for a field's path. A rule naming the
    whole path beats a ``**`` one (``glossary.*`` translates a key named ``source`` too); between two rules of
    the same kind, KEPT wins."""
    for broad in (False, True):
        if any(_matches(pattern, path) for pattern in _KEPT if (pattern[0] == "**") == broad):
            return "kept"
        if any(_matches(pattern, path) for pattern in _TRANSLATED if (pattern[0] == "**") == broad):
            return "translated"
    return None


def texts(data: Any) -> Iterator[tuple[str, str]]:
    """Each translated string of a programs file's JSON ``data`` that holds a word (a period such as
    ``2023-2033`` reads the same in every language), with where it is as a JSON Pointer (RFC 6901,
    ``/programs/0/summary``), in the file's order."""
    def walk(node: Any, path: Path, pointer: str) -> Iterator[tuple[str, str]]:
        if isinstance(node, dict):
            for key, value in node.items():
                yield from walk(value, (*path, str(key)), f"{pointer}/{_escape(str(key))}")
        elif isinstance(node, list):
            for index, item in enumerate(node):
                yield from walk(item, (*path, "[]"), f"{pointer}/{index}")
        elif isinstance(node, str) and any(ch.isalpha() for ch in node) and classify(path) == "translated":
            yield pointer, node

    yield from walk(data, (), "")


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def translated(catalog: Catalog) -> Catalog:
    """``catalog`` in the run's language: each translated field as the message catalog has it (as written when
    it has none). English gets ``catalog`` itself; another language a copy that remembers it
    (``Catalog.original()``)."""
    if language() == ENGLISH:
        return catalog
    copy: Catalog = _translate(catalog, ())
    if copy is catalog:
        copy = catalog.model_copy()
    copy._english = catalog
    return copy


def _translate(node: Any, path: Path) -> Any:
    """``node`` with its translated strings replaced, sharing every part that did not change."""
    if isinstance(node, str):
        return pgettext(CONTEXT, node) if node and classify(path) == "translated" else node
    if isinstance(node, list):
        items = [_translate(item, (*path, "[]")) for item in node]
        return node if all(a is b for a, b in zip(items, node, strict=True)) else items
    if isinstance(node, dict):
        values = {key: _translate(value, (*path, str(key))) for key, value in node.items()}
        return node if all(values[key] is node[key] for key in node) else values
    if isinstance(node, BaseModel):
        updates = {}
        for name in type(node).model_fields:
            value = getattr(node, name)
            new = _translate(value, (*path, name))
            if new is not value:
                updates[name] = new
        if not updates:
            return node
        copy = node.model_copy(update=updates)
        if "name" in updates and isinstance(node, Named) and isinstance(copy, Named):  # ties are broken by it
            copy._written_name = node.name_as_written()
        return copy
    return node

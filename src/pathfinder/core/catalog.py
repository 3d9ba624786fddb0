"""Load and validate programs.json: the shipped one, or a custom file given with --data."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pathfinder.errors import PathfinderError
from pathfinder.i18n import _, ngettext

if TYPE_CHECKING:
    from pydantic import ValidationError

    from pathfinder.core.programs import Catalog

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_REPORTED_PROBLEMS = 20


def shipped_path() -> Path:
    """programs.json inside the installed package, or in the source checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "data" / "programs.json"
    if installed.is_file():
        return installed
    return package.parent.parent / "data" / "programs.json"


def read_json_file(path: Path, label: str, max_bytes: int = MAX_FILE_BYTES) -> Any:
    """Read a JSON file, turning every way it can fail into a PathfinderError; ``label`` names it in messages
    ("answers file a.json", in the run's language)."""
    from pathfinder.files import open_input

    with open_input(path, label) as handle:
        try:
            raw = handle.read(max_bytes + 1)
        except OSError as exc:
            raise PathfinderError(_("{label}: cannot be read ({reason})").format(
                label=label, reason=exc.strerror or exc)) from None
    if len(raw) > max_bytes:
        raise PathfinderError(_("{label}: larger than {size} MB").format(label=label, size=max_bytes // (1024 * 1024)))
    return parse_json_bytes(raw, label)


def parse_json_bytes(raw: bytes, label: str) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PathfinderError(_("{label}: not valid UTF-8 (byte {position})").format(
            label=label, position=exc.start)) from None
    if not text.strip():
        raise PathfinderError(_("{label}: is empty").format(label=label))
    from pydantic_core import from_json

    try:
        return from_json(text, allow_inf_nan=False)  # the fast parser, already loaded with pydantic
    except ValueError:
        pass  # not plain JSON, or nested deeper than it goes: the standard parser decides, and words the problem
    import json

    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except ValueError as exc:
        # TRANSLATORS: {reason} is Python's own description of the mistake, in English.
        raise PathfinderError(_("{label}: not valid JSON ({reason})").format(label=label, reason=exc)) from None
    except RecursionError:
        raise PathfinderError(_("{label}: nested too deeply").format(label=label)) from None


def _refuse_constant(name: str) -> Any:
    raise ValueError(_("{name} is not allowed in JSON").format(name=name))


def load_catalog(path: Path | None = None) -> Catalog:
    """Load and validate a catalog, in the run's language; every problem is reported with its JSON path.

    In a language other than English, the sentences the message catalog has come out translated, the rest as
    the file writes them (core/catalog_text.py); ``original()`` gives the file's own words back."""
    from pathfinder.core.catalog_text import translated

    source = path or shipped_path()
    data = read_json_file(source, _("programs file {path}").format(path=source))
    return translated(validate_catalog(data, str(source)))


def validate_catalog(data: Any, label: str | None = None) -> Catalog:
    from pydantic import ValidationError

    from pathfinder.core.programs import MAX_PROGRAMS, Catalog

    label = _("programs file") if label is None else label
    invalid = _("{label}: invalid programs file").format(label=label)
    # Refuse an oversized list before pydantic walks every item of it.
    if isinstance(data, dict) and isinstance(data.get("programs"), list) and len(data["programs"]) > MAX_PROGRAMS:
        raise PathfinderError(invalid, [_("programs: at most {limit} programs are allowed, found {count}").format(
            limit=MAX_PROGRAMS, count=len(data["programs"]))])
    try:
        catalog = Catalog.model_validate(data)
    except ValidationError as exc:
        raise PathfinderError(invalid, _error_lines(exc, data)) from None
    except RecursionError:
        raise PathfinderError(_("{label}: nested too deeply").format(label=label)) from None
    problems = _unknown_sources(data)
    if problems:
        raise PathfinderError(invalid, problems)
    return catalog


def json_path(loc: tuple[int | str, ...]) -> str:
    """('programs', 1, 'pathways', 0, 'cost_usd', 'low') -> programs[1].pathways[0].cost_usd.low"""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or _("(top level)")


DUPLICATE = r"duplicate (program|source|pathway|certification) id '([^']*)'"  # compiled only when reporting errors
STACK_LINK = r"program '([^']*)' stacks into '([^']*)'"
LIST_OF = {"program": "programs", "source": "sources", "pathway": "pathways", "certification": "certifications"}


def _error_lines(exc: ValidationError, data: Any) -> list[str]:
    lines = []
    for error in exc.errors(include_url=False)[:MAX_REPORTED_PROBLEMS]:
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-after[")))
        message = str(error["msg"]).removeprefix("Value error, ")
        found = re.fullmatch(DUPLICATE, message)
        if found:
            loc = _duplicate_loc(data, loc, LIST_OF[found.group(1)], found.group(2))
        found = re.match(STACK_LINK, message)
        if found:
            loc = _stack_link_loc(data, found.group(1), found.group(2)) or loc
        lines.append(f"{json_path(loc)}: {message}")
    extra = exc.error_count() - MAX_REPORTED_PROBLEMS
    if extra > 0:
        lines.append(ngettext("... and {count} more problem", "... and {count} more problems", extra).format(
            count=extra))
    return lines


def _duplicate_loc(data: Any, loc: tuple[int | str, ...], key: str, dup: str) -> tuple[int | str, ...]:
    """Point a duplicate-id error (raised for the whole list's owner) at the second occurrence."""
    node = data
    try:
        for part in loc:
            node = node[part]
        seen = 0
        for index, item in enumerate(node[key]):
            if isinstance(item, dict) and item.get("id") == dup:
                seen += 1
                if seen == 2:
                    return (*loc, key, index, "id")
    except (KeyError, IndexError, TypeError):
        pass
    return loc


def _stack_link_loc(data: Any, program_id: str, target: str) -> tuple[int | str, ...] | None:
    """Point a broken ``stacks_into`` link (checked across the whole catalog) at the link itself."""
    try:
        for index, program in enumerate(data["programs"]):
            if program.get("id") == program_id:
                for link_index, link in enumerate(program.get("stacks_into", [])):
                    if link.get("program_id") == target:
                        return ("programs", index, "stacks_into", link_index, "program_id")
    except (KeyError, TypeError, AttributeError):
        pass
    return None


def _unknown_sources(data: dict[str, Any]) -> list[str]:
    """Every ``source`` (and ``*_source``) must name a source listed under ``sources``."""
    known = {s["id"] for s in data["sources"]}
    problems: list[str] = []

    def walk(node: Any, loc: tuple[int | str, ...]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if (key == "source" or key.endswith("_source")) and isinstance(value, str) and loc != ("sources",):
                    if value.split("#", 1)[0] not in known and len(problems) < MAX_REPORTED_PROBLEMS:
                        problems.append(_("{path}: unknown source {source}").format(
                            path=json_path((*loc, key)), source=repr(value)))
                else:
                    walk(value, (*loc, key))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, (*loc, index))

    walk(data["programs"], ("programs",))
    walk(data.get("occupations", []), ("occupations",))
    return problems

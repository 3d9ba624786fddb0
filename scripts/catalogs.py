#!/usr/bin/env python3
"""The message catalogs' workflow with Babel; `python3 scripts/dev.py i18n COMMAND` runs it inside .venv.

    extract   collect every wrapped string of src/pathfinder, and the sentences of data/programs.json (the
              fields src/pathfinder/core/catalog_text.py lists, under the context "programs.json", each
              referenced by its JSON Pointer), into src/pathfinder/locale/pathfinder.pot (rewritten only
              when the messages changed, so its date does not churn)
    update    extract, then merge the .pot into each language's .po (new entries empty, changed ones marked
              fuzzy for a translator to check, removed ones dropped), then compile
    compile   compile each .po into the .mo beside it, which is what pathfinder reads (git ignores it)
    check     fail on a .pot that differs from the code, and on a .po entry that is missing, untranslated,
              fuzzy, or whose {placeholders} differ from the English

Wrapping a string in the code: see the docstring of src/pathfinder/i18n.py. The words of the field and the
tone (US Spanish, "usted", as O*NET's Mi Próximo Paso writes) are in src/pathfinder/locale/GLOSSARY.md.
"""

from __future__ import annotations

import string
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "pathfinder" / "locale"
POT = LOCALE / "pathfinder.pot"
DOMAIN = "pathfinder"
MAPPING = ROOT / "babel.cfg"
# The functions of pathfinder.i18n, as Babel's keyword specs: ngettext's 1st and 2nd arguments are the singular
# and the plural; pgettext's 1st is the context ("c") and the 2nd the message.
KEYWORDS = ("_", "N_", "ngettext:1,2", "pgettext:1c,2")
HEADER = """\
# The English messages of pathfinder, extracted from the code by `python3 scripts/dev.py i18n extract`.
# Do not edit: wrap the string in the code, then run `python3 scripts/dev.py i18n update`.
#"""
COMMENT_TAG = "TRANSLATORS:"  # a comment starting so, just above a call, goes into the .pot for the translator


def _babel(*args: str) -> None:
    from babel.messages.frontend import CommandLineInterface

    code = CommandLineInterface().run(["pybabel", "-q", *args])
    if code:
        raise SystemExit(code)


def extract_to(target: Path) -> None:
    """Extract every wrapped string from the sources into the template ``target``."""
    from pathfinder import __version__

    keywords = [arg for keyword in KEYWORDS for arg in ("-k", keyword)]
    _babel("extract", "-F", str(MAPPING), "--no-default-keywords", *keywords, f"--add-comments={COMMENT_TAG}",
           "--strip-comment-tags", "--add-location=file", "--project=pathfinder", f"--version={__version__}",
           "--copyright-holder=the pathfinder authors", f"--header-comment={HEADER}", "--no-wrap",
           "-o", str(target), str(ROOT / "src"))
    # Locations relative to the repository, whatever the working directory was.
    text = target.read_text(encoding="utf-8").replace(f"{ROOT.as_posix()}/", "")
    target.write_text(text + programs_messages(), encoding="utf-8")


def programs_messages() -> str:
    """The programs file's sentences as .pot entries (no header), after the code's: one per distinct text, with
    a reference to each place it is used, ``data/programs.json#/programs/0/summary``."""
    import io
    import json

    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    from pathfinder.core.catalog_text import CONTEXT, FILE, texts

    data = json.loads((ROOT / FILE).read_text(encoding="utf-8"))
    catalog = Catalog()
    for pointer, text in texts(data):
        catalog.add(text, context=CONTEXT, locations=[(f"{FILE}#{pointer}", None)])
    out = io.BytesIO()
    write_po(out, catalog, width=None, omit_header=True, include_lineno=False)
    return "\n" + out.getvalue().decode("utf-8")


def _read(path: Path, locale: str | None = None) -> Any:
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def _key(message: Any) -> tuple[str | None, str | tuple[str, ...]]:
    return message.context, message.id


def _messages(catalog: Any) -> dict[tuple[str | None, Any], tuple[str, ...]]:
    """A catalog's entries (the header left out) with what a translator sees besides the words: the comments."""
    return {_key(m): tuple(m.auto_comments) for m in catalog if m.id}


def pot_problems() -> list[str]:
    """How the committed .pot differs from what the code holds now (messages and their comments; not the
    line numbers or the date)."""
    if not POT.is_file():
        return [f"{POT.relative_to(ROOT)} is missing: run `python3 scripts/dev.py i18n extract`"]
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "fresh.pot"
        extract_to(fresh)
        now, committed = _messages(_read(fresh)), _messages(_read(POT))
    problems = [f"not in the .pot yet: {_show(key)}" for key in now if key not in committed]
    problems += [f"in the .pot but no longer in the code: {_show(key)}" for key in committed if key not in now]
    problems += [f"its translator comment changed: {_show(key)}" for key in now
                 if key in committed and now[key] != committed[key]]
    if problems:
        problems.append("run `python3 scripts/dev.py i18n update`, then translate what it marks")
    return problems


def _fields(text: str) -> set[str]:
    """The {placeholders} of a message (``{count}``, ``{name!r}`` counts as ``name``)."""
    try:
        return {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(text)
                if field is not None}
    except ValueError:
        return {"<unbalanced braces>"}


def po_problems(po: Path, template: Any) -> list[str]:
    """What keeps the catalog ``po`` from being complete for ``template`` (the .pot): entries missing,
    untranslated or fuzzy, and translations whose placeholders are not the English ones."""
    catalog = _read(po, locale=po.parent.parent.name)
    name = po.relative_to(ROOT) if po.is_relative_to(ROOT) else po
    problems = []
    for message in template:
        if message.id and catalog.get(message.id, message.context) is None:
            problems.append(f"{name}: missing (run `python3 scripts/dev.py i18n update`): {_show(_key(message))}")
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            problems.append(f"{name}: fuzzy (check the translation, then remove the fuzzy flag): "
                            f"{_show(_key(message))}")
        forms = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        if not all(forms):
            problems.append(f"{name}: untranslated: {_show(_key(message))}")
            continue
        english = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        wanted = set().union(*(_fields(text) for text in english))
        for form in forms:
            found = _fields(form)
            if found != wanted and not (len(english) > 1 and found <= wanted):
                problems.append(f"{name}: the placeholders {sorted(found)} are not the English "
                                f"{sorted(wanted)}: {_show(_key(message))}")
    return problems


def catalogs() -> list[Path]:
    """The .po file of every language pathfinder speaks besides English (pathfinder.i18n.LANGUAGES)."""
    from pathfinder.i18n import ENGLISH, LANGUAGES

    return [LOCALE / code / "LC_MESSAGES" / f"{DOMAIN}.po" for code in LANGUAGES if code != ENGLISH]


def _show(key: tuple[str | None, Any]) -> str:
    context, msgid = key
    text = msgid[0] if isinstance(msgid, (list, tuple)) else msgid
    return (f"[{context}] " if context else "") + repr(text)


def extract() -> int:
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "fresh.pot"
        extract_to(fresh)
        changed = not POT.is_file() or _messages(_read(fresh)) != _messages(_read(POT))
        if changed:
            POT.write_bytes(fresh.read_bytes())
    count = len(_messages(_read(POT)))
    print(f"{POT.relative_to(ROOT)}: {count} messages" + ("" if changed else " (unchanged)"))
    return 0


def update() -> int:
    extract()
    for po in catalogs():
        if not po.is_file():  # a new language in pathfinder.i18n.LANGUAGES: start its catalog
            _babel("init", "-i", str(POT), "-o", str(po), "-l", po.parent.parent.name, "--no-wrap")
        _babel("update", "-i", str(POT), "-o", str(po), "-l", po.parent.parent.name, "--ignore-obsolete",
               "--no-wrap")
        print(f"{po.relative_to(ROOT)}: merged; translate its empty and fuzzy entries, then "
              "`python3 scripts/dev.py i18n check`")
    return compile_all()


def compile_all() -> int:
    sys.path.insert(0, str(ROOT))
    from hatch_build import compile_catalogs

    for mo in compile_catalogs(ROOT):
        print(f"{mo.relative_to(ROOT)}: compiled")
    return 0


def check() -> int:
    problems = pot_problems()
    template = _read(POT) if POT.is_file() else []
    for po in catalogs():
        problems += po_problems(po, template)
    for problem in problems:
        print(f"i18n check: {problem}", file=sys.stderr)
    if not problems:
        print(f"i18n check: {POT.relative_to(ROOT)} matches the code; "
              + ", ".join(str(po.relative_to(ROOT)) for po in catalogs()) + " complete")
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    commands = {"extract": extract, "update": update, "compile": compile_all, "check": check}
    if len(argv) != 1 or argv[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    return commands[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The languages: choosing one, the catalogs' upkeep, Typer's own words, and a pseudo-locale run of every command.

The pseudo-locale test builds a catalog from the .pot in which every message is its English wrapped in ⟦ ⟧
(placeholders left outside the marks, so a value put into a sentence is checked on its own), runs each command
and output format with it, and fails on English left outside the marks: a word someone forgot to wrap. What may
stay is defined in ``english_left``. Commands whose words are not wrapped yet are marked ``xfail(strict=True)``:
when the wrapping lands, the test passes, strict xfail fails, and the mark is removed.
"""

from __future__ import annotations

import ast
import csv
import gettext
import html.parser
import importlib.util
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pexpect
import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from typer.testing import CliRunner

from helpers import ROOT, find_pathfinder, raw_catalog, strip_ansi
from pathfinder import i18n
from pathfinder.cli import click_words
from pathfinder.cli.app import app

POT = ROOT / "src" / "pathfinder" / "locale" / "pathfinder.pot"
ES_PO = ROOT / "src" / "pathfinder" / "locale" / "es" / "LC_MESSAGES" / "pathfinder.po"
OPEN, CLOSE = "⟦", "⟧"


def _catalogs_script() -> Any:
    """scripts/catalogs.py, the Babel workflow `dev.py i18n` runs, loaded as a module."""
    spec = importlib.util.spec_from_file_location("pathfinder_catalogs_script", ROOT / "scripts" / "catalogs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


catalogs = _catalogs_script()


# --- choosing the language ------------------------------------------------------------------


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "en"),
    ({"LANG": "es_US.UTF-8"}, "es"),
    ({"LANG": "es"}, "es"),
    ({"LANG": "es_MX"}, "es"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({"LANG": "estonian"}, "en"),  # "es" must be the whole language part, not a prefix
    ({"LC_MESSAGES": "es_ES.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
    ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, "en"),
    ({"LC_ALL": "", "LANG": "es_US"}, "es"),  # set but empty counts as unset
    ({"LANGUAGE": "es:en", "LANG": "en_US.UTF-8"}, "es"),
    ({"LANGUAGE": "fr:es", "LANG": "en_US.UTF-8"}, "es"),  # a language pathfinder does not speak is skipped
    ({"LANGUAGE": "en", "LANG": "es_US.UTF-8"}, "en"),
    ({"LANGUAGE": "fr", "LANG": "es_US.UTF-8"}, "es"),  # nothing usable in LANGUAGE: on to the others
    ({"LANGUAGE": "xx", "LANG": "es_US"}, "es"),  # the pseudo language only with its switch
], ids=lambda value: str(value))
def test_the_language_comes_from_the_environment_as_gettext_reads_it(environ: dict[str, str], expected: str) -> None:
    assert i18n.language_from_environment(environ) == expected


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        i18n.set_language("fr")
    assert i18n.language() == "en"


def test_spanish_translates_and_english_is_the_source() -> None:
    try:
        i18n.set_language("es")
        assert i18n.language() == "es"
        assert i18n._("Options:") == "Opciones:"
        assert i18n._("a sentence the catalog does not have") == "a sentence the catalog does not have"
        assert i18n.N_("Options:") == "Options:"  # marked only
        i18n.set_language("en")
        assert i18n._("Options:") == "Options:"
    finally:
        i18n.set_language("en")


def test_plurals_and_contexts_follow_the_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ngettext picks the form by the catalog's own plural rule; pgettext keeps two senses of one English apart."""
    spanish = Catalog(locale="es")
    spanish.add(("{count} line failed", "{count} lines failed"), ("falló {count} línea", "fallaron {count} líneas"))
    spanish.add("Cost", "Costo", context="table heading")
    spanish.add("Cost", "Cuánto cuesta")
    mo = tmp_path / "plural.mo"
    with mo.open("wb") as handle:
        write_mo(handle, spanish)
    monkeypatch.setenv(i18n.PSEUDO_VARIABLE, str(mo))
    try:
        i18n.set_language(i18n.PSEUDO)
        forms = [i18n.ngettext("{count} line failed", "{count} lines failed", n).format(count=n) for n in (0, 1, 2)]
        assert forms == ["fallaron 0 líneas", "falló 1 línea", "fallaron 2 líneas"]
        assert i18n.pgettext("table heading", "Cost") == "Costo"
        assert i18n._("Cost") == "Cuánto cuesta"
        assert i18n.pgettext("another place", "Cost") == "Cost"
    finally:
        i18n.set_language("en")


def run(args: list[str], **env: str) -> Any:
    return CliRunner().invoke(app, args, env=env)


def test_lang_es_speaks_spanish_in_typers_errors_and_help() -> None:
    done = run(["--lang", "es", "quiz", "--years", "0"])
    assert done.exit_code == 2
    assert done.stderr == ("Uso: pathfinder quiz [OPCIONES]\nPara ver la ayuda: 'pathfinder quiz -h'.\n\n"
                           "Error: Valor no válido para '--years': Debe ser mayor o igual que 1\n")
    helped = run(["--lang=es", "--help"])
    assert helped.exit_code == 0
    assert helped.stdout.startswith("Uso: pathfinder [OPCIONES] COMANDO [ARGUMENTOS]...\n")
    shown = " ".join(helped.stdout.split())
    for heading in ("Opciones:", "Comandos:", "Ejemplos:", "-h, --help Muestra esta ayuda y termina."):
        assert heading in shown


def test_help_follows_lang_given_after_it() -> None:
    """--help is handled before any callback runs, so the group reads --lang first, wherever it stands."""
    assert run(["--help", "--lang", "es"]).stdout.startswith("Uso: ")
    assert run(["--lang", "es", "schema", "--help"]).stdout.startswith("Uso: pathfinder schema [OPCIONES]")


def test_the_option_beats_the_environment_and_the_environment_is_read() -> None:
    assert run(["--bogus"], LANGUAGE="", LANG="es_US.UTF-8").stderr.endswith("Error: No existe la opción --bogus\n")
    assert run(["--lang", "en", "--bogus"], LANG="es_US.UTF-8").stderr.endswith("Error: No such option: --bogus\n")
    assert run(["--bogus"], LANGUAGE="en", LANG="es_US.UTF-8").stderr.endswith("No such option: --bogus\n")


def test_a_language_pathfinder_does_not_speak_is_refused_by_typer() -> None:
    done = run(["--lang", "fr", "compare", "--json"])
    assert done.exit_code == 2
    assert "Invalid value for '--lang': Value error, 'fr' is not one of 'en', 'es'." in done.stderr


def test_a_subcommand_word_after_the_command_is_not_taken_for_the_language() -> None:
    """Only the group's own --lang counts; `quiz --lang es` is the quiz's unknown option, said in English."""
    done = run(["quiz", "--lang", "es"])
    assert done.exit_code == 2
    assert done.stderr.endswith("Error: No such option: --lang\n")


def test_each_run_starts_from_the_environment_again() -> None:
    run(["--lang", "es", "--bogus"])
    assert i18n.language() == "en"
    assert run(["--bogus"]).stderr.endswith("Error: No such option: --bogus\n")


def test_a_missing_catalog_is_said_and_english_shown(tmp_path: Path) -> None:
    done = run(["compare", "--bogus"], PATHFINDER_PSEUDO=str(tmp_path / "missing.mo"), LANGUAGE="xx")
    assert done.exit_code == 2
    assert "pathfinder: the xx catalog" in done.stderr and "cannot be read" in done.stderr
    assert done.stderr.endswith("Error: No such option: --bogus\n")


def test_typers_words_are_matched_by_the_pattern_that_copies_least() -> None:
    try:
        i18n.set_language("es")
        # 'NAME' is the schema command's argument, named as its help names it.
        assert click_words.translate("Invalid value for 'NAME': Value error, 'x' is not one of 'a', 'b'.") == (
            "Valor no válido para 'NOMBRE': 'x' no es ninguna de estas opciones: 'a', 'b'.")
        assert click_words.translate("No such option: --jsn (Possible options: --json)") == (
            "No existe la opción --jsn (opciones parecidas: --json)")
        assert click_words.translate("Something Typer never said") == "Something Typer never said"
    finally:
        i18n.set_language("en")


# --- the catalogs ---------------------------------------------------------------------------


def test_the_pot_matches_the_code() -> None:
    """Every wrapped string is in the .pot and nothing else is (`python3 scripts/dev.py i18n update` fixes it)."""
    assert catalogs.pot_problems() == []


def test_the_spanish_catalog_is_complete() -> None:
    """No entry of es.po is missing, empty or fuzzy, and each keeps the English placeholders."""
    assert catalogs.po_problems(ES_PO, _pot()) == []


def test_the_catalog_check_finds_fuzzy_empty_missing_and_wrong_placeholders(tmp_path: Path) -> None:
    broken = read_po(ES_PO.open("rb"), locale="es")
    entries = [m for m in broken if m.id]
    entries[0].flags.add("fuzzy")
    entries[1].string = ""
    with_placeholder = next(m for m in entries[2:] if "{" in m.id)
    with_placeholder.string = "sin marcador"
    dropped = entries[-1]
    broken.delete(dropped.id, context=dropped.context)
    po = tmp_path / "es" / "LC_MESSAGES" / "pathfinder.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as handle:
        write_po(handle, broken)
    problems = "\n".join(catalogs.po_problems(po, _pot()))
    assert f"fuzzy (check the translation, then remove the fuzzy flag): {entries[0].id!r}" in problems
    assert f"untranslated: {entries[1].id!r}" in problems
    assert "are not the English" in problems and repr(with_placeholder.id) in problems
    missing = catalogs._show((dropped.context, dropped.id))
    assert f"missing (run `python3 scripts/dev.py i18n update`): {missing}" in problems


def test_the_compiled_catalog_is_the_po_of_today() -> None:
    """pathfinder reads the .mo; `dev.py` compiles it again when the .po is newer, and so does every install."""
    with i18n.catalog_path("es").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    po = read_po(ES_PO.open("rb"), locale="es")
    plain = next(m for m in po if m.id and isinstance(m.id, str) and not m.context)
    assert compiled[plain.id] == plain.string
    fresh = io.BytesIO()
    write_mo(fresh, po)  # the .po compiled now (contexts and plurals too)
    fresh.seek(0)
    written = gettext.GNUTranslations(fresh)._catalog  # type: ignore[attr-defined]
    assert {key: value for key, value in compiled.items() if key} == {k: v for k, v in written.items() if k}


@cache
def _pot() -> Catalog:
    with POT.open("rb") as handle:
        return read_po(handle)


# --- start-up -------------------------------------------------------------------------------

# pathfinder leaves through os._exit once its output is flushed (cli/app.py `_leave`), running only the atexit
# handlers: the probe writes its list from one.
PROBE = """
import atexit, json, runpy, sys
report, args = sys.argv[1], sys.argv[2:]
sys.argv = ["pathfinder", *args]

def write_modules():  # pathfinder ends with os._exit once its atexit handlers have run: write the list then
    with open(report, "w") as handle:
        json.dump(sorted(sys.modules), handle)

atexit.register(write_modules)
try:
    runpy.run_module("pathfinder", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
"""


@pytest.mark.parametrize("args", [["--lang", "es", "--help"], ["--lang", "es", "compare", "--json"],
                                  ["--lang", "es", "--version"]], ids=" ".join)
def test_spanish_loads_no_babel_and_help_stays_light(tmp_path: Path, args: list[str]) -> None:
    report = tmp_path / "modules.json"
    subprocess.run([sys.executable, "-c", PROBE, str(report), *args], capture_output=True, timeout=120, check=True)
    modules = {name.split(".")[0] for name in json.loads(report.read_text())}
    assert "babel" not in modules
    if "--help" in args:
        assert {"pydantic", "rich", "questionary"}.isdisjoint(modules)


# --- the pseudo-locale run ------------------------------------------------------------------

_FIELD = re.compile(r"(\{[^{}]*\})")
_PIECES = re.compile(r"(\{[^{}]*\}|\n\n)")  # placeholders, and paragraph breaks (a summary is the first paragraph)


def pseudo(message: str) -> str:
    """``message`` with each stretch of its own words marked and its placeholders left outside the marks:
    ``{label}: no such file`` -> ``{label}⟦: no such file⟧``; each paragraph is marked on its own."""
    return "".join(piece if _PIECES.fullmatch(piece) or not re.search(r"[A-Za-z]", piece)
                   else f"{OPEN}{piece}{CLOSE}" for piece in _PIECES.split(message))


@pytest.fixture(scope="module")
def pseudo_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a pseudo-locale run: a catalog built from the .pot in which every message is marked."""
    marked = Catalog(locale="en")  # English's plural rule: two forms
    for message in _pot():
        if message.id:
            english = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
            marked.add(message.id, [pseudo(text) for text in english] if len(english) > 1 else pseudo(english[0]),
                       context=message.context)
    mo = tmp_path_factory.mktemp("pseudo") / "xx.mo"
    with mo.open("wb") as handle:
        write_mo(handle, marked)
    return {i18n.PSEUDO_VARIABLE: str(mo), "LANGUAGE": i18n.PSEUDO}


STOP_WORDS = frozenset("""
the and for you your are not was but with this that from have has had can could would should will what when
where which who why how all any each every more most other some such only own same than too very just also into
over under about after before again once here there then them they their these those our out off its yes one two
three four five six seven eight nine ten year years month months week day first last next per none
use used using see show shown add added give given take taken write written read make made find found keep kept
need needs want wants may might must let get got set like least less much many few well good best better
""".split())
NAMES = {"pathfinder", "typer", "click", "json", "jsonl", "csv", "xlsx", "html", "htm", "svg", "txt", "md", "markdown",
         "null", "true", "false", "usd"}


@cache
def english_words() -> frozenset[str]:
    """English this program can say: a short stop-word list, the words of every message in the .pot, and the words
    of every string written in the package's code (the sentences not wrapped yet), 3 letters or more."""
    texts = [m.id if isinstance(m.id, str) else " ".join(m.id) for m in _pot() if m.id]
    package = ROOT / "src" / "pathfinder"
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr)
                      and isinstance(node.body[0].value, ast.Constant)}
        texts += [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                  and isinstance(node.value, str) and id(node) not in docstrings]
    texts += [path.read_text(encoding="utf-8") for path in (package / "layouts" / "templates").glob("*")]
    words = {word.casefold() for text in texts for word in re.findall(r"[A-Za-z]{3,}", _FIELD.sub(" ", text))}
    return frozenset((words | STOP_WORDS) - NAMES)


@cache
def may_stay() -> tuple[frozenset[str], tuple[str, ...]]:
    """Identifiers (as written, lower case) and phrases that stay in English in every language: the ids of questions,
    choices, programs and pathways; the command names; program names and short names (HIM, MBC), certifications'
    names and bodies, and the article's and other sources' titles and publishers (the article's quotes too, but
    those are in quotation marks)."""
    from pathfinder.core.questions import QUESTIONS

    data = raw_catalog()
    ids = {q.id for q in QUESTIONS} | {c.value for q in QUESTIONS for c in q.choices if isinstance(c.value, str)}
    phrases = [wording for q in QUESTIONS for wording in q.also_read_as]  # form headers, read in either language
    ids |= {"quiz", "score", "compare", "questions", "sources", "schema", "result", "answers", "programs",
            "score-line", "table", "auto"}
    for program in data["programs"]:
        ids |= {program["id"], *(pathway["id"] for pathway in program["pathways"])}
        phrases += [program["name"], program["short_name"]]
        for cert in program["certifications"]:
            phrases += [cert["name"], *([cert["body"]] if cert["body"] else [])]
            phrases += re.findall(r"\(([A-Z][A-Za-z0-9-]+)\)", cert["name"])  # its abbreviation, shown alone too
            phrases.append(re.sub(r"\s*\([^)]*\)$", "", cert["name"]))  # and its words, shown apart from it
    for source in data["sources"]:
        ids.add(source["id"])
        phrases += [source["title"], source["publisher"]]
    # A certification's name wrapped inside a table's cell is split by the cell's borders: each run of two or more
    # of its words stays too, and each of its longer words alone.
    for program in data["programs"]:
        for cert in program["certifications"]:
            words = cert["name"].split()
            phrases += [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)]
            ids |= {word for word in re.findall(r"[A-Za-z]+", cert["name"]) if len(word) > 3}
    # The class file's own headers (CLASS_CSV), which a run names as the counselor wrote them.
    ids |= set(CLASS_CSV.splitlines()[0].split(","))
    return frozenset(ids), tuple(sorted(phrases, key=len, reverse=True))


_MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_STAYS = [
    re.compile(r"https?://\S+|\S+@\S+\.\w+"),  # links and addresses
    re.compile(r"\S*[/\\]\S*"),  # paths
    re.compile(r"\S+\.(?:html?|md|txt|svg|csv|jsonl?|xlsx|po|mo)\b"),  # file names
    re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*"),  # options
    re.compile(r"\"[^\"\n]*\"|“[^”\n]*”"),  # quotations (the article's words stay English)
    re.compile(r"'[^'\s]*'|`[^`\n]*`"),  # a quoted value, an id in code marks
    re.compile(r"\b\w+_\w+\b"),  # snake_case ids
]


def english_left(text: str) -> list[str]:
    """Each word of the English dictionary left in ``text`` once what may stay is taken out (once, with a little of
    what surrounds it)."""
    while (unmarked := _MARKED.sub(" ", text)) != text:  # marks nest: a message placed inside another
        text = unmarked
    ids, phrases = may_stay()
    text = re.sub(r"[ \t]*\n[ \t]*", " ", text)  # a name wrapped across lines is still the name
    for phrase in phrases:
        text = text.replace(phrase, " ")
    for pattern in _STAYS:
        text = pattern.sub(" ", text)
    dictionary = english_words()
    found: dict[str, str] = {}
    for match in re.finditer(r"[A-Za-z][A-Za-z'-]*", text):
        word = match.group()
        if word in ids or word.casefold() in NAMES or word.casefold() in found:
            continue
        pieces = [piece for piece in re.split(r"['-]", word) if len(piece) >= 3]
        if any(piece.casefold() in dictionary for piece in pieces):
            around = " ".join(text[max(0, match.start() - 25): match.end() + 25].split())
            found[word.casefold()] = f"{word} (in: {around})"
    return list(found.values())


class _HtmlText(html.parser.HTMLParser):
    """The words of an HTML or SVG page a person reads or hears: text (not styles or scripts) and the attributes
    read aloud or shown (alt, title, aria-label, placeholder)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skip += 1
        self.parts += [value for name, value in attrs
                       if name in ("alt", "title", "aria-label", "placeholder") and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_words(markup: str) -> str:
    reader = _HtmlText()
    reader.feed(markup)
    return "\n".join(reader.parts)


def json_sentences(text: str) -> str:
    """The sentences of a JSON document: its string values of more than one word. Keys, ids and other one-word
    values are the document's contract and stay as they are."""
    def strings(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            if len(value.split()) > 1:
                yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    try:
        documents = [json.loads(text)]
    except ValueError:  # JSON Lines
        documents = [json.loads(line) for line in text.splitlines() if line.strip()]
    return "\n".join(s for document in documents for s in strings(document))


def xlsx_words(path: Path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    cells = [str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for cell in row
             if isinstance(cell, str)]
    book.close()
    return "\n".join(cells)


def csv_words(text: str) -> str:
    return "\n".join(cell for row in csv.reader(io.StringIO(text)) for cell in row)


CLASS_CSV = "name,Budget,timeline_months,goal,learning_style\nAna,$4k,12 months,billing,hands_on\nBo,lots,12,,\n"


@dataclass
class Case:
    """One command run in the pseudo-locale, and how to read what it wrote."""

    args: list[str]
    file: str | None = None  # an output file to read besides stdout and stderr
    reader: Callable[[str], str] = lambda text: text
    stdin: str | None = None
    exit_code: int = 0
    env: dict[str, str] = field(default_factory=dict)
    marks: list[Any] = field(default_factory=list)


def _file_reader(name: str) -> Callable[[str], str]:
    return {"html": html_words, "svg": html_words, "json": json_sentences}.get(name.rsplit(".", 1)[-1], lambda t: t)


CASES: dict[str, Case] = {
    "version": Case(["--version"]),
    "quiz summary": Case(["quiz", "--defaults"]),
    "quiz --details": Case(["quiz", "--defaults", "--details"]),
    "quiz --json": Case(["quiz", "--defaults", "--json"], reader=json_sentences),
    "quiz --what-if --json": Case(["quiz", "--defaults", "--what-if", "budget_usd=20000", "--json"],
                                  reader=json_sentences),
    "quiz --export html": Case(["quiz", "--defaults", "--export", "{tmp}/report.html"], file="report.html"),
    "quiz --export md": Case(["quiz", "--defaults", "--export", "{tmp}/report.md"], file="report.md"),
    "quiz --export txt": Case(["quiz", "--defaults", "--export", "{tmp}/report.txt"], file="report.txt"),
    "quiz --export svg": Case(["quiz", "--defaults", "--export", "{tmp}/chart.svg"], file="chart.svg"),
    "quiz --save-answers": Case(["quiz", "--defaults", "--save-answers", "{tmp}/answers.json"], file="answers.json"),
    "compare table": Case(["compare"]),
    "compare --sources": Case(["compare", "--sources"]),
    "compare markdown": Case(["compare", "--format", "markdown"]),
    "compare csv": Case(["compare", "--format", "csv"], reader=csv_words),
    "sources text": Case(["sources"]),
    "sources json": Case(["sources", "--json"], reader=json_sentences),
    # Wide enough that no form wording (data read in both languages, shown as written) is wrapped across lines.
    "questions table": Case(["questions"], env={"COLUMNS": "1000"}),
    "questions json": Case(["questions", "--json"], reader=json_sentences),
    "score jsonl": Case(["score", "-"], stdin=CLASS_CSV, reader=json_sentences, exit_code=1),
    "score csv": Case(["score", "-", "--format", "csv"], stdin=CLASS_CSV, reader=csv_words, exit_code=1),
    "score xlsx": Case(["score", "-", "--format", "xlsx", "--output", "{tmp}/class.xlsx"], stdin=CLASS_CSV,
                       file="class.xlsx", exit_code=1),
    "score --summary-only": Case(["score", "-", "--summary-only"], stdin=CLASS_CSV, exit_code=1),
    "--help": Case(["--help"]),
    **{f"{command} --help": Case([command, "--help"])
       for command in ("quiz", "score", "compare", "questions", "sources", "schema")},
    # Mistakes a person can make; Typer's words are translated through cli/click_words.py.
    "error: unknown option": Case(["--bogus"], exit_code=2),
    "error: unknown command option": Case(["quiz", "--bogus"], exit_code=2),
    "error: unknown command": Case(["quz"], exit_code=2),
    "error: number out of range": Case(["quiz", "--years", "0"], exit_code=2),
    "error: not a number": Case(["quiz", "--part-time-income", "lots"], exit_code=2),
    "error: option without its value": Case(["quiz", "--set"], exit_code=2),
    "error: flag given a value": Case(["--no-color=yes"], exit_code=2),
    "error: extra argument": Case(["compare", "xyzzy"], exit_code=2),
    "error: folder does not exist": Case(["quiz", "--defaults", "--export", "{tmp}/nowhere/report.html"], exit_code=2),
    "error: not one of the choices": Case(["schema", "bogus"], exit_code=2),  # the NAME metavar
    "error: missing argument": Case(["score"], exit_code=2),  # the FILE metavar
    "error: no such answers file": Case(["quiz", "--defaults", "--answers", "{tmp}/missing.json"], exit_code=2),
    "error: unreadable answer": Case(["quiz", "--defaults", "--set", "budget_usd=lots"], exit_code=2),
    "error: unknown export format": Case(["quiz", "--defaults", "--export", "{tmp}/report.doc"], exit_code=2),
    "error: export without a suffix": Case(["quiz", "--defaults", "--export", "{tmp}/report"], exit_code=2),
    "error: unknown program": Case(["compare", "--programs", "xyz"], exit_code=2),
    "error: no terminal to ask in": Case(["quiz"], exit_code=2),
    "error: bad programs file": Case(["--data", "{tmp}/missing.json", "compare"], exit_code=2),
    "error: invalid answers file": Case(["quiz", "--defaults", "--answers", "{tmp}/bad.json"], exit_code=2),
}


# Outputs that read the same in every language, by decision (docs/i18n.md): the programs file as `compare --json`
# prints it (the file's own words, as a --data file would be written), and the JSON Schemas (their descriptions are
# for developers). Instead of the check for English, each must come out byte for byte as in an English run.
SAME_IN_EVERY_LANGUAGE: dict[str, list[str]] = {
    "compare json": ["compare", "--json"],
    "compare json, one program": ["compare", "--json", "--programs", "mbc"],
    **{f"schema {name}": ["schema", name] for name in ("result", "answers", "programs", "score-line")},
}


@pytest.mark.parametrize("name", list(SAME_IN_EVERY_LANGUAGE))
def test_outputs_for_programs_read_the_same_in_every_language(name: str, pseudo_env: dict[str, str]) -> None:
    args = SAME_IN_EVERY_LANGUAGE[name]
    english = CliRunner().invoke(app, args)
    assert english.exit_code == 0, english.output
    for env in (pseudo_env, {}):
        other = CliRunner().invoke(app, ["--lang", "es", *args] if not env else args, env=env)
        assert other.exit_code == 0, other.output
        assert other.stdout == english.stdout


@pytest.mark.parametrize("name", [pytest.param(name, marks=case.marks) for name, case in CASES.items()])
def test_pseudo_locale_leaves_no_english(name: str, pseudo_env: dict[str, str], tmp_path: Path) -> None:
    case = CASES[name]
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in case.args]
    (tmp_path / "bad.json").write_text('{"budget_usd": "lots", "goal": 3, "timeline": 12, "remote": null}')
    done = CliRunner().invoke(app, args, input=case.stdin, env={**pseudo_env, **case.env})
    assert done.exit_code == case.exit_code, done.output
    texts = [case.reader(done.stdout), done.stderr]
    if case.file is not None:
        path = tmp_path / case.file
        texts.append(xlsx_words(path) if path.suffix == ".xlsx" else _file_reader(path.name)(path.read_text()))
    left = [word for text in texts for word in english_left(text)]
    assert not left, f"English outside the catalog in `pathfinder {' '.join(case.args)}`: {left[:15]}"


def test_pseudo_locale_interactive_quiz_first_screen(pseudo_env: dict[str, str], tmp_path: Path) -> None:
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="100", LINES="40", PROMPT_TOOLKIT_NO_CPR="1", **pseudo_env)
    child = pexpect.spawn(find_pathfinder(), ["quiz"], env=env, cwd=str(tmp_path), dimensions=(40, 100),
                          encoding="utf-8", codec_errors="replace", timeout=30)
    try:
        child.expect(r"1\D{1,12}11")  # the progress, "(1 of 11)" in English, however it is worded
        child.expect(pexpect.TIMEOUT, timeout=1.5)  # the rest of the first screen
        screen = strip_ansi(str(child.before) + (child.after if isinstance(child.after, str) else ""))
    finally:
        child.sendcontrol("c")
        child.close(force=True)
    left = english_left(screen)
    assert not left, f"English outside the catalog on the quiz's first screen: {left[:15]}"


def test_the_pseudo_locale_check_finds_english(pseudo_env: dict[str, str]) -> None:
    """The checker itself: what is marked, an id, a path, an option or a quotation passes; a plain English word
    outside the marks, or put into a marked sentence through a placeholder, does not."""
    assert english_left("⟦Usage:⟧ pathfinder ⟦[OPTIONS]⟧ --years 'budget_usd' /tmp/a.html \"the article says\"") == []
    assert english_left("⟦Budget⟧: $4,000 (him, mbc, hands_on)") == []
    assert english_left("answers file⟦: no such file⟧")  # the label came from outside the catalog
    assert english_left("⟦Usage:⟧ pathfinder score ⟦[OPTIONS]⟧ FILE")  # a metavar is a word too
    assert english_left("Your recommendation")
    done = CliRunner().invoke(app, ["--bogus"], env=pseudo_env)
    assert OPEN in done.stderr and english_left(done.stderr) == []


def test_pseudo_locale_covers_every_command_and_output(pseudo_env: dict[str, str]) -> None:
    """Each command of the app is run at least once, with --help; each output format of quiz, compare, sources,
    questions and score too. (A new command or format must be added to CASES.)"""
    from pathfinder.cli.app import commands

    run_commands = {case.args[0] for case in CASES.values()} | {args[0] for args in SAME_IN_EVERY_LANGUAGE.values()}
    assert set(commands.apps) <= run_commands
    assert {f"{command} --help" for command in commands.apps} <= set(CASES)
    formats = {"quiz": {"--details", "--json", "html", "md", "txt", "svg"}, "compare": {"markdown", "csv", "json"},
               "score": {"jsonl", "csv", "xlsx"}}
    for command, wanted in formats.items():
        covered = {word for name in [*CASES, *SAME_IN_EVERY_LANGUAGE] if name.startswith(command)
                   for word in name.replace(",", "").split()}
        assert wanted <= covered, (command, wanted - covered)

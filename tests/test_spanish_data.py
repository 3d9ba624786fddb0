"""The programs file in Spanish: which of its fields are words (all of them extracted into the .pot, each with
its JSON path), a Spanish run showing them in Spanish, and a programs file of one's own shown in its own words.
Also how figures become words in Spanish (core/wording.py).

The oracles: the models' own fields, walked here independently of the extraction; the shipped file's strings,
read with the json module; Spanish sentences worked out by hand with the glossary (src/pathfinder/locale/GLOSSARY.md).
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from typer.testing import CliRunner

from helpers import ROOT, raw_catalog, third_program
from pathfinder import i18n
from pathfinder.cli.app import app
from pathfinder.core import wording
from pathfinder.core.advice import advise
from pathfinder.core.catalog import load_catalog, validate_catalog
from pathfinder.core.catalog_text import CONTEXT, FILE, KEPT, TRANSLATED, classify, texts, translated
from pathfinder.core.programs import Catalog
from pathfinder.core.questions import QUESTIONS, validate_answers
from pathfinder.core.result import Result

POT = ROOT / "src" / "pathfinder" / "locale" / "pathfinder.pot"




# --- every string field is decided, and every translated one is in the .pot ----------------------------------


def _string_fields(model: type[BaseModel], path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The path of every string a catalog can hold, from the models' annotations: a list's item is ``[]``, a
    mapping's value ``*`` (its key is an id or an abbreviation)."""
    for name, info in model.model_fields.items():
        yield from _strings_in(info.annotation, (*path, name))


def _strings_in(annotation: Any, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _strings_in(typing.get_args(annotation)[0], path)
    elif origin in (typing.Union, types.UnionType):
        for arm in typing.get_args(annotation):
            yield from _strings_in(arm, path)
    elif origin is list:
        yield from _strings_in(typing.get_args(annotation)[0], (*path, "[]"))
    elif origin is dict:
        yield from _strings_in(typing.get_args(annotation)[1], (*path, "*"))
    elif origin is typing.Literal:
        if any(isinstance(value, str) for value in typing.get_args(annotation)):
            yield path
    elif annotation is str:
        yield path
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from _string_fields(annotation, path)


MODEL_FIELDS = sorted(set(_string_fields(Catalog)))


def test_the_walk_of_the_models_finds_the_fields_it_should() -> None:
    """The oracle itself: a few fields known by hand, of each kind (nested, in a list, in a mapping, a Literal)."""
    for path in [("programs", "[]", "summary"), ("programs", "[]", "pathways", "[]", "admission", "[]"),
                 ("programs", "[]", "fit", "goals", "*", "note"), ("glossary", "*"), ("programs", "[]", "flags", "[]",
                 "about"), ("programs", "[]", "pathways", "[]", "cost_usd", "alternates", "[]", "period")]:
        assert path in MODEL_FIELDS
    assert len(MODEL_FIELDS) > 80


@pytest.mark.parametrize("path", MODEL_FIELDS, ids=".".join)
def test_every_string_field_of_the_models_is_translated_or_kept_with_a_reason(path: tuple[str, ...]) -> None:
    assert classify(path) in ("translated", "kept"), (
        f"{'.'.join(path)}: add it to TRANSLATED or KEPT in src/pathfinder/core/catalog_text.py")


def test_the_rules_name_fields_that_exist() -> None:
    """A rule that matches no field of the models is a typo (and would leave its field undecided)."""
    from pathfinder.core.catalog_text import _matches, _parse

    for rule in [*TRANSLATED, *KEPT]:
        assert any(_matches(_parse(rule), path) for path in MODEL_FIELDS), rule


def test_sentences_are_translated_and_names_ids_and_references_kept() -> None:
    """The decision, restated for fields a person can tell apart by hand."""
    for path in ["programs.[].summary", "programs.[].name", "programs.[].pathways.[].name", "glossary.*",
                 "programs.[].fit.remote.*.note", "occupations.[].short_name", "programs.[].outcomes.roles.[].title",
                 "programs.[].difficulty.level", "sources.[].note", "sources.[].sections.*"]:
        assert classify(tuple(path.split("."))) == "translated", path
    for path in ["programs.[].short_name", "programs.[].certifications.[].name", "sources.[].title",
                 "sources.[].publisher", "programs.[].id", "programs.[].pathways.[].level",
                 "programs.[].outcomes.salary_usd.source", "programs.[].skills_source", "sources.[].url",
                 "programs.[].pathways.[].formats.[].id", "programs.[].flags.[].about"]:
        assert classify(tuple(path.split("."))) == "kept", path


def _leaves(node: Any, path: tuple[str, ...] = (), pointer: str = "") -> Iterator[tuple[tuple[str, ...], str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key), f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _leaves(item, (*path, "[]"), f"{pointer}/{index}")
    elif isinstance(node, str):
        yield path, pointer, node


@pytest.fixture(scope="module")
def pot_messages() -> dict[str, set[str]]:
    """The programs file's messages in the .pot: text -> the references (``#:``) it is given."""
    with POT.open("rb") as handle:
        catalog = read_po(handle)
    return {str(m.id): {location for location, _ in m.locations} for m in catalog if m.context == CONTEXT}


def test_every_sentence_of_the_programs_file_is_in_the_pot_with_its_json_path(
        pot_messages: dict[str, set[str]]) -> None:
    shipped = json.loads((ROOT / FILE).read_text(encoding="utf-8"))
    checked = 0
    for path, pointer, text in _leaves(shipped):
        decided = classify(path)
        assert decided is not None, pointer
        if decided == "translated" and any(ch.isalpha() for ch in text):
            assert f"{FILE}#{pointer}" in pot_messages.get(text, set()), (pointer, text)
            checked += 1
    # Nothing else: each message of the file in the .pot is one of its sentences.
    assert set(pot_messages) == {text for _, text in texts(shipped)}
    assert checked == sum(len(references) for references in pot_messages.values()) > 250


NAMES = st.text(st.characters(codec="utf-8", categories=["L", "N", "Zs", "P"]), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(NAMES, min_size=1, max_size=5), which=st.randoms(use_true_random=False))
def test_a_string_anywhere_in_a_catalog_is_extracted_exactly_when_its_field_is_translated(
        words: list[str], which: Any) -> None:
    """A property over the file's JSON paths: put new words into strings picked at random; texts() finds each
    exactly where its field is translated (with a letter in it), at its JSON Pointer."""
    data = raw_catalog()
    leaves = list(_leaves(data))
    chosen = which.sample(leaves, k=min(len(words), len(leaves)))
    expected = set()
    for (path, pointer, _), word in zip(chosen, words, strict=True):
        node = data
        parts = pointer.split("/")[1:]
        for part in parts[:-1]:
            node = node[int(part)] if isinstance(node, list) else node[part]
        last = parts[-1]
        node[int(last) if isinstance(node, list) else last] = word
        if classify(path) == "translated" and any(ch.isalpha() for ch in word):
            expected.add((pointer, word))
    found = set(texts(data))
    placed = {(pointer, word) for (_, pointer, _), word in zip(chosen, words, strict=True)}
    assert expected <= found
    assert not (placed - expected) & found  # a word put in a kept field (an id, a name) is not extracted


# --- a Spanish run ---------------------------------------------------------------------------------------------


def test_the_catalog_loaded_in_spanish_says_its_sentences_in_spanish(spanish: None) -> None:
    catalog = load_catalog()
    him, mbc = catalog.program("him"), catalog.program("mbc")
    assert him is not None and mbc is not None
    assert him.summary == ("Una formación amplia para administrar los expedientes de pacientes: tecnología de la "
                           "información de salud y expedientes electrónicos, calidad y análisis de datos, leyes de "
                           "privacidad y cumplimiento normativo, y gestión.")
    assert (him.name, him.short_name) == ("Gestión de Información de Salud", "HIM")  # the glossary's name
    assert [p.name for p in mbc.pathways] == ["Certificado o diploma", "Título asociado"]
    assert mbc.outcomes.roles[0].description == "Asigna códigos estándar a diagnósticos y procedimientos."
    # Names that stay English, and the article's quotes marked as English beside their Spanish.
    assert mbc.certifications[0].name == "Certified Professional Coder (CPC)"
    assert catalog.sources[0].title == "HIM vs. Medical Billing and Coding: Explaining the Difference in 2026"
    assert mbc.outcomes.salary_usd.note == ('Los salarios de nivel inicial van de $42,000 a $58,000 ("range from '
                                            '$42,000 to $58,000", en inglés).')
    assert catalog.glossary["EHR"] == "expediente médico electrónico"
    assert catalog.glossary["AAPC"] == "American Academy of Professional Coders"
    # The file's own words are kept beside the translation.
    english = catalog.original()
    assert [p.summary[:40] for p in english.programs] == ["Broad training in running patient record",
                                                          "Focused training in turning diagnoses an"]
    assert english.original() is english


def test_english_gets_the_catalog_as_the_file_writes_it() -> None:
    catalog = load_catalog()
    assert catalog.original() is catalog
    assert translated(catalog) is catalog
    assert catalog.model_dump(mode="json", exclude_unset=True) == validate_catalog(raw_catalog()).model_dump(
        mode="json", exclude_unset=True)


def _run(*args: str) -> str:
    done = CliRunner().invoke(app, list(args))
    assert done.exit_code == 0, done.output
    return done.stdout


def test_a_spanish_report_shows_the_programs_next_steps_and_roles_in_spanish(tmp_path: Path) -> None:
    _run("--lang", "es", "quiz", "--defaults", "--export", str(tmp_path / "report.md"))
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert ("Elija un programa con práctica de codificación en los manuales de ICD-10, CPT y HCPCS y con prácticas "
            "externas o simulaciones de codificación.") in report
    assert "Pick a program with coding practice" not in report
    table = _run("--lang", "es", "compare", "--details", "--format", "markdown")
    assert "Codificador(a) médico(a)<br>Facturador(a) médico(a)<br>Analista de reclamaciones" in table


def _custom_file(tmp_path: Path) -> Path:
    """The shipped file with MBC's summary, first next step and a role in its author's own words, and HIM left as
    shipped."""
    data = raw_catalog()
    mbc = next(p for p in data["programs"] if p["id"] == "mbc")
    mbc["summary"] = "Our own summary of the coding course."
    mbc["next_steps"][1] = "Ask our front desk about the evening class."
    mbc["outcomes"]["roles"][0]["title"] = "Coding clerk"
    path = tmp_path / "ours.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_programs_file_of_ones_own_shows_in_its_own_words(tmp_path: Path, spanish: None) -> None:
    catalog = load_catalog(_custom_file(tmp_path))
    mbc, him = catalog.program("mbc"), catalog.program("him")
    assert mbc is not None and him is not None
    assert mbc.summary == "Our own summary of the coding course."
    assert mbc.outcomes.roles[0].title == "Coding clerk"
    assert mbc.outcomes.roles[1].title == "Facturador(a) médico(a)"  # a sentence the catalog has: translated
    assert him.summary.startswith("Una formación amplia")


def test_a_programs_file_of_ones_own_passes_through_a_spanish_run(tmp_path: Path) -> None:
    path = _custom_file(tmp_path)
    _run("--lang", "es", "--data", str(path), "quiz", "--defaults", "--set", "goal=coding", "--export",
         str(tmp_path / "report.md"))
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "Ask our front desk about the evening class." in report
    table = _run("--lang", "es", "--data", str(path), "compare", "--details", "--format", "markdown")
    assert "Coding clerk<br>Facturador(a) médico(a)" in table


# --- the decision does not depend on the language ------------------------------------------------------------


def _three() -> Catalog:
    """The shipped programs plus a copy of MBC under a name of its own, which sorts before MBC's in English and after
    it in Spanish (Facturación...); its figures tie with MBC's, so the names break the tie."""
    data = raw_catalog()
    data["programs"].append(third_program(data, program_id="records", name="Health Records Academy", short_name="HRA"))
    return validate_catalog(data)


CATALOGS = [validate_catalog(raw_catalog()), _three()]


def _decision(result: Result) -> tuple[Any, ...]:
    rec = result.recommendation
    return (rec.program_id, rec.pathway, rec.confidence, rec.margin, rec.fits_limits,
            tuple((e.program_id, e.pathway, e.score, e.eligible) for e in result.ranking))


def _answers() -> st.SearchStrategy[dict[str, Any]]:
    def one(question: Any) -> st.SearchStrategy[Any]:
        if question.kind == "choice":
            return st.sampled_from([c.value for c in question.choices])
        assert question.minimum is not None and question.maximum is not None
        values = st.integers(int(question.minimum), int(min(question.maximum, 60_000)))
        return st.one_of(st.none(), values) if question.nullable else values

    return st.fixed_dictionaries({q.id: one(q) for q in QUESTIONS}).map(lambda a: validate_answers(a, partial=False))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=_answers(), which=st.sampled_from([0, 1]))
def test_a_spanish_run_decides_as_an_english_one(answers: dict[str, Any], which: int) -> None:
    """Names break a tie after cost and time (core/scoring.py), and names are translated: the ranking must not
    change with the language, for the shipped programs and for a third whose figures tie with MBC's."""
    english = CATALOGS[which]
    before = _decision(advise(answers, english))
    i18n.set_language("es")
    try:
        after = _decision(advise(answers, translated(english)))
    finally:
        i18n.set_language("en")
    assert after == before


# --- figures in words ----------------------------------------------------------------------------------------


def test_figures_in_spanish_keep_the_us_form(spanish: None) -> None:
    assert wording.money(5000) == "$5,000"
    assert wording.money_span(60000, None) == "$60,000 o más"
    assert wording.money_span(None, 20000) == "hasta $20,000"
    assert wording.money_span(None, None) == "no se indica"
    assert wording.months(1) == "1 mes"
    assert wording.months(13.5) == "13.5 meses"
    assert wording.month_span(9, 18) == "9-18 meses"
    assert wording.month_span(None, 6) == "hasta 6 meses"
    assert wording.month_span(None, 6, below="under") == "menos de 6 meses"
    assert wording.month_span(12, None) == "12 meses o más"
    assert wording.years(1) == "1 año"
    assert wording.years(10) == "10 años"
    assert wording.percent(16) == "16%"
    assert wording.percent(None) == "no se indica"
    assert wording.points(825) == "82.5"
    assert wording.pathway("HIM", "Título asociado") == "título asociado de HIM"


def test_lists_in_spanish_say_y_e_o_u_and_luego(spanish: None) -> None:
    assert wording.listing(["costo", "tiempo"]) == "costo y tiempo"
    assert wording.listing(["gestión", "informática"]) == "gestión e informática"
    assert wording.listing(["gestión", "hielo"]) == "gestión y hielo"  # "hie" starts with the sound ye
    assert wording.listing(["siete", "ocho"], "or") == "siete u ocho"
    assert wording.listing(["uno", "dos"], "or") == "uno o dos"
    assert wording.listing(["a, b", "c"]) == "a, b y c"
    assert wording.listing(["a, b", "c", "d"]) == "a, b; c; y d"
    assert wording.listing(["el certificado", "el título", "la licenciatura"], "then") == (
        "el certificado, luego el título, luego la licenciatura")


def test_figures_in_english_read_as_before() -> None:
    assert wording.months(1) == "1 month"
    assert wording.months(13.5) == "13.5 months"
    assert wording.month_span(None, 6, below="under") == "under 6 months"
    assert wording.years(1) == "1 year"
    assert wording.listing(["insurance", "billing", "informatics"]) == "insurance, billing and informatics"
    assert wording.listing(["a", "over"], "or") == "a or over"
    assert wording.listing(["a, b", "c"]) == "a, b and c"
    assert wording.listing(["a, b", "c", "d"]) == "a, b; c; and d"
    assert wording.listing(["x", "y", "z"], "then") == "x, then y, then z"
    assert wording.pathway("MBC", "Certificate or diploma") == "MBC certificate or diploma"


@pytest.mark.parametrize("answers", [[], ["--set", "goal=management", "--set", "budget_usd=25000"],
                                     ["--set", "education=bachelor", "--set", "timeline_months=24"]],
                         ids=["defaults", "management", "bachelor"])
def test_the_chances_are_the_same_in_every_language(answers: list[str]) -> None:
    """The draws are seeded by the names as the programs file writes them, so a Spanish run (whose names are
    translated) draws the same figures: the same chances, the same confidence."""
    import json
    import subprocess
    import sys

    def chances(lang: str) -> list[tuple[str, float, float, str]]:
        done = subprocess.run([sys.executable, "-m", "pathfinder", "--lang", lang, "quiz", "--defaults", *answers,
                               "--json"], capture_output=True, text=True, check=True)
        result = json.loads(done.stdout)
        return [(r["program_id"], r["win_chance"], r["fit_chance"], result["recommendation"]["confidence"])
                for r in result["ranking"]]

    assert chances("es") == chances("en")


def test_the_lean_lines_remembered_parts_follow_the_language() -> None:
    """score remembers the parts of its lean lines; a run in another language in the same process (a test, a
    notebook) must not get the names remembered in the first."""
    from pathfinder.core.advice import score_line
    from pathfinder.core.questions import defaults
    from pathfinder.core.scoring import Scorer

    def first_name() -> str:
        catalog = load_catalog()
        line = score_line(1, {}, defaults(), Scorer(catalog).rank(defaults()))
        return str(line["recommendation"]["program_name"])

    assert first_name() == "Medical Billing and Coding"
    i18n.set_language("es")
    try:
        assert first_name() == "Facturación y Codificación Médica"
    finally:
        i18n.set_language("en")

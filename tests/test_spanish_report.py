"""The report, compare, sources and score in Spanish: the words of the report's own layers (headings, row labels,
captions, the counselors' table, the messages of a class run) said in US Spanish, as the glossary words them.

The sentences written by core/explain.py and the programs file's text are not checked here: they are
translated in their own layers. Expected words are written from the glossary (src/pathfinder/locale/GLOSSARY.md)
and the article's figures, not copied from output.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from insight_helpers import INFORMATICS_ON_A_BUDGET, run, set_args

CLASS_CSV = ("name,Budget,timeline_months,goal,learning_style\n"
             "Ana,$4k,18 months,billing,hands_on\n"
             "Bo,lots,12,,\n"
             "Cy,20000,24,,\n")




def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# --- compare -------------------------------------------------------------------------------------------


def test_compare_csv_names_its_rows_in_spanish() -> None:
    """The quick table's eight facts, as the glossary names them, and the article's salaries 'al año'."""
    done = run("--lang", "es", "compare", "--format", "csv")
    assert done.exit_code == 0, done.output
    rows = _csv(done.stdout)
    assert rows[0][0] == "Dato"
    assert [row[0] for row in rows[1:]] == [
        "Costo", "Duración", "Tiempo hasta el primer empleo", "Salario inicial",
        "Crecimiento del empleo", "Admisión", "Credenciales", "Dónde se trabaja"]
    salaries = {row[0]: row[1:] for row in rows}["Salario inicial"]
    # The article: HIM $50,000-$65,000 (two pathways), MBC $42,000-$58,000 (two pathways).
    assert salaries == ["$50,000-$65,000 al año"] * 2 + ["$42,000-$58,000 al año"] * 2


def test_compare_table_ends_on_the_spanish_hint_and_names_the_acronyms() -> None:
    done = run("--lang", "es", "compare")
    assert done.exit_code == 0, done.output
    text = " ".join(done.stdout.split())
    assert "HIM es Gestión de Información de Salud; MBC es Facturación y Codificación Médica." in text
    assert text.endswith("Más: pathfinder compare --details muestra cada programa completo (otras cifras, notas, las "
                         "oficiales); --sources indica de dónde viene cada cifra.")


def test_compare_sources_csv_heads_each_sources_column_in_spanish() -> None:
    done = run("--lang", "es", "compare", "--format", "csv", "--sources")
    assert done.exit_code == 0, done.output
    header = _csv(done.stdout)[0]
    assert header[0] == "Dato"
    assert [h for h in header if h.startswith("Fuentes: ")] == [f"Fuentes: {h}" for h in header[1:5]]


def test_compare_markdown_titles_the_table_in_spanish() -> None:
    done = run("--lang", "es", "compare", "--format", "markdown")
    assert done.exit_code == 0, done.output
    assert done.stdout.startswith("# Los programas lado a lado\n")
    assert "| Costo |" in done.stdout


# --- the report ----------------------------------------------------------------------------------------


def test_the_report_headings_and_date_in_spanish(spanish: None) -> None:
    from pathfinder.core.advice import advise
    from pathfinder.core.catalog import load_catalog
    from pathfinder.core.questions import defaults
    from pathfinder.layouts.markdown import to_markdown
    from pathfinder.report import document

    catalog = load_catalog()
    report = document.build(advise(defaults(), catalog), catalog, details=True, today=date(2026, 12, 7))
    text = to_markdown(report)
    assert text.startswith("# Su recomendación de pathfinder\n\nHecho el 7 de diciembre de 2026.\n")
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    # The defaults are a toss-up (the what-if and nearest-fit sections do not apply).
    assert headings[:5] == ["Su recomendación", "Por qué", "Cifras clave", "Qué decidiría el empate",
                            "Siguiente paso"]
    for heading in ("Sus respuestas", "Los programas lado a lado", "La puntuación de cada programa",
                    "Qué cambiaría la recomendación", "Supuestos", "Fuentes"):
        assert heading in headings
    assert headings[-1] == "Fuentes"
    assert report.decision is not None and report.decision.title == "Su decisión de un vistazo"
    assert all("de 100 puntos, se ajusta a sus límites" in bar.label for bar in report.decision.bars)


def test_the_key_figures_rows_in_spanish(spanish: None) -> None:
    from pathfinder.core.advice import advise
    from pathfinder.core.catalog import load_catalog
    from pathfinder.core.questions import defaults
    from pathfinder.report import document

    catalog = load_catalog()
    figures = document.build(advise(defaults(), catalog), catalog).section("figures")
    assert figures is not None and figures.heading == "Cifras clave"
    table = figures.blocks[0]
    assert isinstance(table, document.Table)
    assert [label for label, _cells in table.rows] == [
        "Costo", "Tiempo hasta el primer empleo", "Salario inicial", "Crecimiento del empleo"]


def test_an_html_export_says_it_is_spanish(tmp_path: Path) -> None:
    target = tmp_path / "informe.html"
    done = run("--lang", "es", "quiz", "--defaults", "--export", str(target))
    assert done.exit_code == 0, done.output
    page = target.read_text(encoding="utf-8")
    assert '<html lang="es">' in page
    assert "<title>Su recomendación de pathfinder</title>" in page
    assert '<h2 id="recommendation">Su recomendación</h2>' in page
    assert "Todo se calculó en su propia computadora; no se envió nada a ninguna parte." in page
    assert 'aria-label="fuente 1"' in page  # a footnote mark's name, read aloud
    english = tmp_path / "report.html"
    assert run("quiz", "--defaults", "--export", str(english)).exit_code == 0
    assert '<html lang="en">' in english.read_text(encoding="utf-8")


def test_a_spanish_html_export_passes_the_accessibility_audit(tmp_path: Path) -> None:
    """axe-core, at a desktop's and a phone's width, on the Spanish page: no violations, and the page says it is
    Spanish (a screen reader reads it with a Spanish voice)."""
    from test_html_report import _audit

    target = tmp_path / "informe.html"
    done = run("--lang", "es", "quiz", "--defaults", *set_args(INFORMATICS_ON_A_BUDGET), "--export", str(target))
    assert done.exit_code == 0, done.output
    assert '<html lang="es">' in target.read_text(encoding="utf-8")
    audit: dict[str, Any] = _audit(target, 1200, 390)
    for view in audit["views"]:
        assert view["violations"] == [], (view["width"], view["violations"])


# --- sources --------------------------------------------------------------------------------------------


def test_sources_text_in_spanish() -> None:
    done = run("--lang", "es", "sources")
    assert done.exit_code == 0, done.output
    assert "  Cifras con fecha: " in done.stdout and "; consultada el 2026-" in done.stdout
    assert "Se basan en ella: " in done.stdout
    assert "(oficial)" in done.stdout


# --- score -----------------------------------------------------------------------------------------------


def test_score_csv_in_spanish_heads_and_cells(tmp_path: Path) -> None:
    done = run("--lang", "es", "score", "-", "--format", "csv", input=CLASS_CSV)
    assert done.exit_code == 1, done.output  # Bo's budget cannot be read
    rows = _csv(done.stdout)
    header = rows[0]
    assert header[5:] == ["programa_recomendado", "opción_de_estudio", "confianza", "margen",
                          "se_ajusta_a_sus_límites", "razón", "advertencia", "puntuación de HIM", "puntuación de MBC",
                          "error", "línea"]
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    # Ana: $4,000 and 18 months fit only the MBC certificate, and only its cheap and quick end ($1,000 of its
    # $3,000-$17,000, 5 of its 13-24 months to work): it fits her limits, a lean ("inclinación"), not clear.
    assert (by_name["Ana"]["confianza"], by_name["Ana"]["se_ajusta_a_sus_límites"]) == ("inclinación", "sí")
    assert by_name["Bo"]["confianza"] == "" and by_name["Bo"]["línea"] == "3"
    assert "Resumen de la clase" in done.stderr
    assert "pathfinder: se puntuaron 2 conjuntos de respuestas; 1 fila no se pudo puntuar (en la línea 3) y se " \
           "escribió con su error\n" in done.stderr


def test_score_summary_only_in_spanish() -> None:
    done = run("--lang", "es", "score", "-", "--summary-only", input=CLASS_CSV)
    assert done.exit_code == 1, done.output
    lines = done.stdout.splitlines()
    assert lines[0] == "Resumen de la clase"
    assert lines[1].split() == ["Programa", "clara", "inclinación", "empate", "ninguna", "total"]
    totals = {line.rstrip(" 0123456789").strip(): line.split()[-1] for line in lines[2:7]}
    assert totals["Estudiantes puntuados"] == "2"
    assert totals["No se pudieron puntuar"] == "1"
    assert totals["Total de la clase"] == "3"


def test_score_xlsx_sheets_in_spanish(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "clase.xlsx"
    done = run("--lang", "es", "score", "-", "--format", "xlsx", "--output", str(target), input=CLASS_CSV)
    assert done.exit_code == 1, done.output
    book = load_workbook(target, read_only=True)
    assert book.sheetnames == ["Recomendaciones", "Resumen de la clase"]
    book.close()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_spanish_class_table_is_read_back_by_score(tmp_path: Path, lang: str) -> None:
    """A counselor's table written in Spanish is a class file again, in either language: its question columns are
    read as the questions (the same answers, the same recommendations) and its result columns carried."""
    first = tmp_path / "resultados.csv"
    assert run("--lang", "es", "score", "-", "--format", "csv", "--output", str(first),
               input=CLASS_CSV).exit_code == 1
    again = run("--lang", lang, "score", str(first), "--format", "csv")
    assert again.exit_code == 1, again.output  # Bo again, and only Bo
    before, after = _csv(first.read_text(encoding="utf-8")), _csv(again.stdout)
    word = {"en": "question", "es": "pregunta"}[lang]
    read_as = [line.split()[0] for line in again.stderr.splitlines() if f"  {word} '" in line]
    assert len(read_as) == 4, again.stderr  # Budget, Timeline, Career goal, Learning style: the questions again
    recommended = {"en": "recommended_program", "es": "programa_recomendado"}[lang]
    rows = [dict(zip(after[0], row, strict=True)) for row in after[1:]]
    # The programs' names follow the language (the glossary's Spanish names), the recommendations do not.
    english = {"Facturación y Codificación Médica": "Medical Billing and Coding",
               "Gestión de Información de Salud": "Health Information Management"}
    assert [row[recommended] for row in rows] == [english.get(row[5], row[5]) if lang == "en" else row[5]
                                                  for row in before[1:]]
    budget = {"en": "Budget", "es": "Presupuesto"}[lang]  # the question's title in the run's language
    assert [row[budget] for row in rows] == ["$4,000", "lots", "$20,000"]


def test_score_messages_written_in_batch_in_spanish(spanish: None) -> None:
    """The messages of a class run that batch/ words (the CLI prints them): the column report's first line, a row's
    problem, the progress bar's label, and the summary line with the file written."""
    from pathfinder.batch.read import Column, Plan
    from pathfinder.batch.run import Outcome, plan_lines, problem_line, progress_label
    from pathfinder.core.questions import QUESTIONS_BY_ID

    columns = [Column(0, "name", "name", None, "x"), Column(1, "Budget", "Budget", QUESTIONS_BY_ID["budget_usd"], "y")]
    plan = Plan("separado por comas (detectado)", 1, columns)
    assert plan_lines("clase.csv", plan).splitlines()[0] == (
        "clase.csv: separado por comas (detectado); el encabezado de la línea 1 se leyó así:")
    assert problem_line("clase.csv", 3, "Bo", "algo") == "clase.csv, línea 3 (Bo): algo"
    assert problem_line("clase.csv", 3, "", "algo") == "clase.csv, línea 3: algo"
    assert progress_label("clase.csv") == "Puntuando clase.csv"
    assert Outcome(scored=1).summary() == "se puntuó 1 conjunto de respuestas"
    assert Outcome(scored=1_200, failed=2, first_failure=7).summary("r.csv") == (
        "se puntuaron 1,200 conjuntos de respuestas; 2 filas no se pudieron puntuar (la primera en la línea 7) y "
        "cada una se escribió con su error; se escribió r.csv")
    assert Outcome(scored=4, failed=1, first_failure=5, stopped=True).summary() == (
        "se detuvo en la línea 5 (--strict), que no se pudo puntuar; antes se puntuaron 4 conjuntos de respuestas")


def test_a_source_written_in_english_says_so_in_spanish_only() -> None:
    """The article and the official pages are in English: a Spanish reader is told so beside each title, once."""
    title = "HIM vs. Medical Billing and Coding: Explaining the Difference in 2026"
    spanish, english = run("--lang", "es", "sources"), run("--lang", "en", "sources")
    # (and, in both languages, that the article is a secondary source: a review that cites others' figures)
    assert spanish.stdout.splitlines()[0] == f"{title} (en inglés) (fuente secundaria)"
    assert english.stdout.splitlines()[0] == f"{title} (secondary)"
    markdown = run("--lang", "es", "compare", "--sources", "--format", "markdown").stdout
    assert markdown.count(f"{title} (Imed Bouchrika, PhD) (en inglés)") == 1

"""`pathfinder compare` as the quick table: one screen at 80 columns, one column per pathway, one figure a cell;
the alternates, notes and official figures only with --details, footnotes only with --sources. The expected
figures are worked out by hand from the article (see the comments)."""

from __future__ import annotations

import csv
import io
import subprocess

import pytest

from helpers import find_pathfinder
from insight_helpers import run

PATHWAYS = ["HIM associate degree", "HIM bachelor's degree", "MBC certificate or diploma", "MBC associate degree"]


def _compare_at(columns: int, *args: str, lang: str = "en") -> str:
    done = subprocess.run([find_pathfinder(), "--no-color", "--lang", lang, "compare", *args], capture_output=True,
                          text=True,
                          env={"COLUMNS": str(columns), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_one_screen_at_80_columns_with_a_column_per_pathway() -> None:
    out = _compare_at(80)
    lines = out.splitlines()
    assert len(lines) <= 40, len(lines)
    assert max(len(line) for line in lines) <= 80
    # A grid, not a stacked list: the row of cost figures holds every pathway's figure on one line.
    # MBC certificate: tuition $2,500-$15,000 plus $500-$2,000 for books and fees = $3,000-$17,000 in all. HIM's
    # figures are tuition alone (the article names its extras without a figure), and the cell says so.
    at = next(i for i, line in enumerate(lines) if line.startswith("Cost "))
    assert lines[at].split()[1:] == ["$7,000-$25,000", "$20,000-$50,000", "$3,000-$17,000", "not", "given"]
    assert lines[at + 1].split() == ["in", "tuition", "in", "tuition"]
    assert "Also reported" not in out and "Official" not in out and "Note:" not in out
    assert "[1]" not in out and "Sources" not in out
    assert "pathfinder compare --details" in out


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("columns", [80, 100])
def test_one_screen_in_either_language_and_no_word_cut(lang: str, columns: int) -> None:
    """At most 40 lines at 80 columns in English and in Spanish, and every word of the table whole: a table whose
    longest words need every column of the screen must not lose its last column's last letter."""
    from pathfinder import i18n
    from pathfinder.core.catalog import load_catalog
    from pathfinder.report.factsheet import quick_table

    out = _compare_at(columns, lang=lang)
    lines = out.splitlines()
    if columns == 80:
        assert len(lines) <= 40, len(lines)
    assert max(len(line) for line in lines) <= columns
    i18n.set_language(lang)
    try:
        headings, rows = quick_table(load_catalog().programs)
        words = {word for row in rows for cell in row.cells for line in cell for word in line.text.split()}
    finally:
        i18n.set_language("en")
    shown = set(out.split())
    assert words <= shown, sorted(words - shown)
    table_lines = out.split("\nHIM ")[0]  # the table, down to the line that spells out the programs' names
    whole = words | {word for text in (*headings, *(row.label for row in rows)) for word in text.split()}
    assert set(table_lines.split()) <= whole, sorted(set(table_lines.split()) - whole)


def test_the_figures_per_pathway_in_csv() -> None:
    rows = list(csv.reader(io.StringIO(run("compare", "--format", "csv").stdout)))
    assert rows[0] == ["Fact", *PATHWAYS]
    facts = {row[0]: row[1:] for row in rows[1:]}
    assert list(facts) == ["Cost", "Length", "Time to a first job", "Early salary", "Job growth", "Admission",
                           "Credentials", "Where people work"]
    # MBC certificate: 9-18 months of school, then the article's usual 4-6 months to a first job = 13-24 months.
    assert facts["Time to a first job"][2] == "13-24 months"
    # No source gives HIM graduates a job search: it is said, not counted as zero.
    assert facts["Time to a first job"][0] == "24 months, plus a job search (not given)"
    assert facts["Early salary"][:3] == ["$50,000-$65,000 a year"] * 2 + ["$42,000-$58,000 a year"]
    assert facts["Job growth"][0] == "16% (2023-2033)" and facts["Job growth"][3] == "9% (2023-2033)"
    assert facts["Admission"][1] == "Some college coursework"  # the bachelor's asks for college courses first
    assert facts["Credentials"][2] == "CPC, CCA, CBCS"
    assert all(len(cell.splitlines()) == 1 for row in rows for cell in row)  # one figure a cell


def test_markdown_follows_the_same_rows() -> None:
    markdown = run("compare", "--format", "markdown").stdout
    table = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert table[0] == "|  | " + " | ".join(PATHWAYS) + " |"
    labels = [line.split(" | ")[0].removeprefix("| ") for line in table[2:]]
    csv_labels = [row[0] for row in csv.reader(io.StringIO(run("compare", "--format", "csv").stdout))][1:]
    assert labels == csv_labels


def test_details_add_the_alternates_notes_and_official_figures() -> None:
    out = _compare_at(200, "--details")
    assert "Also reported" in out and "Official, medical records specialists" in out
    assert "pathfinder compare --details" not in out


def test_sources_number_the_quick_table() -> None:
    out = _compare_at(100, "--sources")
    assert "[1]" in out and "Sources" in out


def test_a_table_whose_words_need_every_column_keeps_its_last_column_whole() -> None:
    """The quick table's longest words (12 + 4 x 15 letters, and two spaces between columns) need exactly 80
    columns, and its text much more. Rich alone shrank such a table's columns evenly, one below its longest word,
    and cut the last column's lines ("Trabajo enfocad"): every word must be printed whole. The table is compare's
    in the Spanish of an earlier version, which did this."""
    import io

    from rich.console import Console

    from pathfinder.layouts.terminal import _table
    from pathfinder.report.document import Table, Text

    def row(label: str, *texts: str) -> tuple[str, tuple[tuple[Text, ...], ...]]:
        return label, tuple((Text(t),) for t in (texts * 4 if len(texts) == 1 else texts))

    school = "Diploma de escuela secundaria (high school) o su equivalente (GED)"
    him = ("Hospitales, clínicas y organizaciones de salud, en gestión, gobierno de datos y cumplimiento normativo, "
           "trabajando con varios departamentos.")
    mbc = ("Trabajo enfocado en reclamaciones, software de facturación y comunicación con las aseguradoras, en "
           "centros de salud, aseguradoras y empresas de facturación, a veces a distancia.")
    search = "24 meses, más una búsqueda de empleo (no se indica)"
    rows = (
        row("Costo total", "$7,000-$25,000", "$20,000-$50,000", "$3,000-$17,000", "no se indica"),
        row("Duración", "24 meses", "24-36 meses, después de 12-24 meses de los cursos que pide la admisión",
            "9-18 meses", "24 meses"),
        row("Tiempo hasta el primer trabajo", search, "24-36 meses, más una búsqueda de empleo (no se indica)",
            "13-24 meses", search),
        row("Salario al comenzar la carrera", "$50,000-$65,000 al año", "$50,000-$65,000 al año",
            "$42,000-$58,000 al año", "$42,000-$58,000 al año"),
        row("Crecimiento del empleo", "16% (2023-2033)", "16% (2023-2033)", "9% (2023-2033)", "9% (2023-2033)"),
        row("Admisión", school, "Algunos estudios universitarios", school, school),
        row("Credenciales", "RHIT, RHIA, CCS", "RHIT, RHIA, CCS", "CPC, CCA, CBCS", "CPC, CCA, CBCS"),
        row("Dónde se trabaja", him, him, mbc, mbc),
    )
    table = Table("", ("", "título asociado de HIM", "licenciatura de HIM", "certificado o diploma de MBC",
                       "título asociado de MBC"), rows, key="quick")
    out = io.StringIO()
    console = Console(file=out, width=80, color_system=None)
    console.print(_table(table, console, 80))
    printed = set(out.getvalue().split())
    words = {word for _label, cells in rows for c in cells for line in c for word in line.text.split()}
    assert words <= printed, sorted(words - printed)
    # and nothing printed but whole words (a cut word is a word no cell holds: "enfocad", "(hig")
    whole = words | {word for text in (*table.columns, *(label for label, _cells in rows)) for word in text.split()}
    assert printed <= whole, sorted(printed - whole)

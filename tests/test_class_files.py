"""``pathfinder score`` on class files as counselors have them: form titles as headers, semicolons, workbooks,
students whose answers cannot be read, duplicate headers, and cells that a spreadsheet would run as formulas.

Expected values are worked out by hand: a student on $4,000 and 18 months can afford only the MBC certificate
($3,000 at its cheapest; HIM starts at $7,000 and takes 24 months), and only at its cheap and quick end
($1,000 of its $3,000-$17,000 and 5 of its 13-24 months to work: a fit chance of 1/14 x 5/11, about 0.03), so
MBC, lean (under half its range fits), with no rival that fits; every row of the input
has a row in the output; a cell written "5000-8000" names the budget, what it said and how to write it.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import find_pathfinder, raw_catalog
from pathfinder.cli.app import app
from pathfinder.core.questions import QUESTIONS, validate_answer
from pathfinder.errors import PathfinderError

RUNNER = CliRunner()
ENV = {"NO_COLOR": "1", "COLUMNS": "100", "TERMINAL_WIDTH": "100"}
MBC = "Medical Billing and Coding"
RESULT = ["recommended_program", "pathway", "confidence", "margin", "fits_limits", "reason", "warning",
          "HIM score", "MBC score"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # restated from the OWASP advice on CSV injection


def invoke(*args: str, input: str | bytes | None = None) -> Any:
    return RUNNER.invoke(app, list(args), input=input, env=ENV)


def table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def sheet_rows(path: Path, name: str | None = None) -> list[list[Any]]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book[name] if name else book.worksheets[0]
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


# --- 1. how every column was read -----------------------------------------------------------------------------------

FORM = ("Timestamp,Name,How much money can you spend?,When do you want to start working?\n"
        "2026-11-02 09:14,Ana,$4k,18 months\n"
        "2026-11-02 09:20,Ben,$45000,48\n")


def test_a_forms_own_titles_are_read_as_the_questions_and_said_so(tmp_path: Path) -> None:
    source = tmp_path / "form.csv"
    source.write_text(FORM)
    done = subprocess.run([find_pathfinder(), "score", str(source)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    ana, ben = (json.loads(line) for line in done.stdout.splitlines())
    assert (ana["answers"]["budget_usd"], ana["answers"]["timeline_months"]) == (4000, 18)
    assert (ben["answers"]["budget_usd"], ben["answers"]["timeline_months"]) == (45000, 48)
    # $4,000 buys only the MBC certificate, and 18 months only its quicker end: MBC, lean, with no rival that fits.
    assert (ana["recommendation"]["program_id"], ana["recommendation"]["confidence"]) == ("mbc", "lean")
    report = done.stderr.splitlines()
    assert "comma-separated" in report[0] and "line 1" in report[0]
    read = {line.split("  ")[1].strip(): line.rsplit("  ", 1)[1].strip() for line in report[1:5]}
    assert read == {"Timestamp": "carried as the class's own", "Name": "carried as the class's own",
                    "How much money can you spend?": "question 'Budget'",
                    "When do you want to start working?": "question 'Timeline'"}


def test_every_wording_listed_for_a_question_reads_as_that_question_alone() -> None:
    from pathfinder.core.answers import question_named

    listed = json.loads(invoke("questions", "--json").stdout)["questions"]
    assert all(q["also_read_as"] for q in listed)  # every question has the words forms use for it
    for question in listed:
        for words in question["also_read_as"]:
            assert question_named(words) == question["id"], words
            assert question_named(words.upper().rstrip("?") + " ") == question["id"]  # case and punctuation
    shown = RUNNER.invoke(app, ["questions"], env={**ENV, "COLUMNS": "400"}).stdout
    assert "How much money can you spend?" in shown and "When do you want to start working?" in shown


def test_no_column_read_as_a_question_scores_nothing_and_says_what_was_expected(tmp_path: Path) -> None:
    source = tmp_path / "form.csv"
    source.write_text("Timestamp,Name,Money,Start\n2026-11-02,Ana,4000,12\n")
    out = tmp_path / "results.csv"
    done = invoke("score", str(source), "--format", "csv", "--output", str(out))
    assert done.exit_code == 2
    assert done.stdout == "" and not out.exists()
    assert "no column is read as a question, so nothing was scored" in done.stderr
    assert "headers found: 'Timestamp', 'Name', 'Money', 'Start'" in done.stderr
    assert "Budget (budget_usd)" in done.stderr and "--map" in done.stderr


def test_map_reads_any_header_as_a_question_by_id_or_title(tmp_path: Path) -> None:
    source = tmp_path / "form.csv"
    source.write_text("Name,Money,Start\nAna,4000,12\n")
    done = invoke("score", str(source), "--map", "Money=budget_usd", "--map", "Start=Timeline")
    assert done.exit_code == 0, done.output
    (line,) = (json.loads(x) for x in done.stdout.splitlines())
    assert (line["answers"]["budget_usd"], line["answers"]["timeline_months"]) == (4000, 12)
    assert "question 'Budget' (--map)" in done.stderr and line["columns"] == {"Name": "Ana"}
    unknown = invoke("score", str(source), "--map", "Money=wealth")
    assert unknown.exit_code == 2 and "'wealth' is not a question" in unknown.stderr
    missing = invoke("score", str(source), "--map", "Cash=budget_usd")
    assert missing.exit_code == 2 and "no column with this header" in missing.stderr and "'Money'" in missing.stderr


# --- 2. every student accounted for ---------------------------------------------------------------------------------

MIXED = ("Name,Email,Budget,Timeline,Career goal\n"
         "Ana,ana@example.org,$4k,18 months,Billing and insurance claims\n"
         "Ben,ben@example.org,5000-8000,12,Medical coding\n"
         "Cy,cy@example.org,$4k,ASAP,\n"
         "Di,di@example.org,about $10k,24,Medical coding\n"
         "Ed,ed@example.org,$4k,18,Billing and insurance claims\n")


def test_every_row_has_a_row_in_every_format_with_the_error_in_words(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text(MIXED)
    as_csv = invoke("score", str(source), "--format", "csv")
    assert as_csv.exit_code == 1  # some rows could not be scored (the README's exit-code table)
    rows = table(as_csv.stdout)
    assert [r["Name"] for r in rows] == ["Ana", "Ben", "Cy", "Di", "Ed"]
    failed = {r["Name"]: r["error"] for r in rows if r["error"]}
    assert set(failed) == {"Ben", "Cy", "Di"}
    assert failed["Ben"].startswith("Budget: '5000-8000' is not an amount (write one amount from $0 to $1,000,000")
    assert failed["Cy"].startswith("Timeline: 'ASAP' is not a number (write a number of months from 1 to 120")
    assert "leave it blank for 48 months" in failed["Cy"]
    assert failed["Di"].startswith("Budget: 'about $10k' is not an amount")
    for row in rows:
        if row["error"]:
            assert all(row[c] == "" for c in RESULT), row  # marked: no result
        else:
            assert row["recommended_program"] == MBC and row["confidence"] == "lean"
    # The answers as the student wrote them stay beside the error, so the counselor sees what to correct.
    assert rows[1]["Budget"] == "5000-8000" and rows[2]["Timeline"] == "ASAP"
    # Messages name the student by the class's own Name column, and the line.
    assert "class.csv line 3 (Ben): Budget: '5000-8000'" in as_csv.stderr
    assert "class.csv line 4 (Cy): Timeline: 'ASAP'" in as_csv.stderr
    assert "scored 2 answer sets; 3 rows could not be scored (the first at line 3)" in as_csv.stderr
    summary = {line.split("  ")[0]: line.split()[-1] for line in as_csv.stderr.splitlines()
               if line.startswith(("All students scored", "Could not be scored", "Class total"))}
    assert summary == {"All students scored": "2", "Could not be scored": "3", "Class total": "5"}

    as_jsonl = invoke("score", str(source))
    written = [json.loads(x) for x in as_jsonl.stdout.splitlines()]
    assert [w["line"] for w in written] == [2, 3, 4, 5, 6]
    assert [w.get("error") == failed.get(w["columns"]["Name"]) for w in written] == [True] * 5
    assert list(written[1]) == ["line", "columns", "error"]
    from pathfinder.core.result import ScoreError

    assert ScoreError.model_validate(written[1], strict=True).model_dump() == written[1]  # as its schema says

    book = tmp_path / "results.xlsx"
    assert invoke("score", str(source), "--format", "xlsx", "--output", str(book)).exit_code == 1
    got = sheet_rows(book)
    heads = got[0]
    assert [dict(zip(heads, r, strict=True))["Name"] for r in got[1:]] == ["Ana", "Ben", "Cy", "Di", "Ed"]
    assert [dict(zip(heads, r, strict=True))["error"] for r in got[1:]] == [
        failed.get(name) for name in ("Ana", "Ben", "Cy", "Di", "Ed")]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_json_lines_that_fail_before_the_first_good_line_keep_their_place_and_the_columns(
        tmp_path: Path, fmt: str) -> None:
    lines = 'not json\n{"Name": "Ana", "budget_usd": "lots"}\n[1]\n{"Name": "Bo", "budget_usd": 4000}\n'
    out = tmp_path / f"results.{fmt}"
    done = invoke("score", "-", "--input-format", "jsonl", "--format", fmt, "--output", str(out), input=lines)
    assert done.exit_code == 1, done.output
    if fmt == "csv":
        rows = [[c or "" for c in r] for r in csv.reader(io.StringIO(out.read_text(encoding="utf-8")))]
    else:
        rows = [["" if c is None else str(c) for c in r] for r in sheet_rows(out)]
    heads = rows[0]
    assert heads[0] == "Name"  # the class's own column, from the first line that names it
    got = [(r[0], r[heads.index("recommended_program")] != "", r[heads.index("line")]) for r in rows[1:]]
    assert got == [("", False, "1"), ("Ana", False, "2"), ("", False, "3"), ("Bo", True, "4")]


def test_strict_stops_at_the_first_row_that_cannot_be_scored(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text(MIXED)
    done = invoke("score", str(source), "--format", "csv", "--strict")
    assert done.exit_code == 1
    assert [(r["Name"], bool(r["error"])) for r in table(done.stdout)] == [("Ana", False), ("Ben", True)]
    assert "stopped at line 3 (--strict)" in done.stderr


def test_a_multi_choice_answer_is_refused_in_the_forms_words(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text('Name,Career goal\nAna,"Medical coding;Billing and insurance claims"\nBo,"coding, billing"\n')
    rows = table(invoke("score", str(source), "--format", "csv").stdout)
    assert rows[0]["error"] == ("Career goal: 'Medical coding;Billing and insurance claims' picks 2 answers "
                                "(Medical coding and Billing and insurance claims): choose one of them")
    assert "(Medical coding and Billing and insurance claims): choose one of them" in rows[1]["error"]
    # The quiz's --set reads it the same way, and a long refused value is cut inside its quotes.
    done = invoke("quiz", "--defaults", "--json", "--set", "goal=Medical coding;Billing and insurance claims")
    assert done.exit_code == 2 and "picks 2 answers (Medical coding and Billing and insurance claims)" in done.stderr
    long = invoke("quiz", "--defaults", "--json", "--set", "goal=" + "x" * 60)
    assert long.exit_code == 2 and f"goal: '{'x' * 34}...' is not a choice" in long.stderr


def test_the_quick_check_keeps_exactly_what_the_quiz_keeps() -> None:
    """batch.checked takes common answers without the quiz's full validation: it must agree with it always."""
    from pathfinder.batch.run import checked

    values: list[Any] = [None, True, False, 0, 1, -1, 12, 48, 120, 121, 1_000_000, 1_000_001, 4.5, 12.0, "",
                         "12", "billing", "analytical", float("nan"), [], {}]
    for question in QUESTIONS:
        for value in [*values, *(c.value for c in question.choices)]:
            try:
                expected: Any = validate_answer(question, value)
            except PathfinderError:
                expected = PathfinderError
            try:
                got: Any = checked({question.id: value}, {})[question.id]
            except PathfinderError:
                got = PathfinderError
            assert (got, type(got)) == (expected, type(expected)), (question.id, value)


# --- 3. what spreadsheets and forms write ---------------------------------------------------------------------------


@pytest.mark.parametrize(("sep", "name"), [(";", "semicolon"), ("\t", "tab"), (",", "comma")])
def test_the_separator_is_told_from_the_file(tmp_path: Path, sep: str, name: str) -> None:
    source = tmp_path / "class.csv"
    source.write_text(sep.join(["Name", "Budget", "Timeline"]) + "\n" + sep.join(["Ana", "$4k", "12 months"]) + "\n"
                      + sep.join(["Bo", '"$45,000"', "40"]) + "\n")
    done = invoke("score", str(source), "--format", "csv")
    assert done.exit_code == 0, done.output
    assert f"{name}-separated (detected)" in done.stderr
    assert [(r["Name"], r["Budget"], r["Timeline"]) for r in table(done.stdout)] == [
        ("Ana", "$4,000", "12 months"), ("Bo", "$45,000", "40 months")]


def test_a_separator_that_cannot_be_told_falls_back_to_a_comma_and_says_so(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text("Career goal\nMedical coding\n")
    done = invoke("score", str(source))
    assert done.exit_code == 0, done.output
    assert "a comma is assumed; --delimiter says it outright" in done.stderr
    forced = tmp_path / "other.txt"
    forced.write_text("Name|x;Career goal\nA|b;coding\n")
    given = invoke("score", str(forced), "--delimiter", "semicolon", "--format", "csv")
    assert given.exit_code == 0 and "semicolon-separated (--delimiter)" in given.stderr
    assert table(given.stdout)[0]["Name|x"] == "A|b"
    assert invoke("score", str(forced), "--delimiter", "pipe").exit_code == 2


def _workbook(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "Form responses 1"
    sheet.append(["Timestamp", "Name", "How much money can you spend?", "When do you want to start working?"])
    sheet.append([datetime.datetime(2026, 11, 2, 9, 14), "Ana", 4000, 12])
    sheet.append([datetime.datetime(2026, 11, 2, 9, 20), "Ben", "ASAP", 12.0])
    sheet.append([])  # an empty row of a sheet is no student
    sheet.append([datetime.date(2026, 11, 3), "Cy", 45000.0])  # the sheet leaves the empty last cell out
    other = book.create_sheet("Second class")
    other.append(["Name", "Budget"])
    other.append(["Di", "$4k"])
    book.save(path)


def test_a_workbook_is_read_directly_with_dates_and_numbers_as_typed(tmp_path: Path) -> None:
    source = tmp_path / "class.xlsx"
    _workbook(source)
    done = invoke("score", str(source), "--format", "csv")
    assert done.exit_code == 1, done.output  # Ben's "ASAP"
    rows = table(done.stdout)
    assert [(r["Timestamp"], r["Name"], r["Budget"], r["Timeline"]) for r in rows] == [
        ("2026-11-02 09:14", "Ana", "$4,000", "12 months"), ("2026-11-02 09:20", "Ben", "ASAP", "12"),
        ("2026-11-03", "Cy", "$45,000", "48 months")]
    assert [r["line"] for r in rows] == ["2", "3", "5"]  # the sheet's row numbers
    assert "sheet 'Form responses 1' (the first)" in done.stderr
    second = invoke("score", str(source), "--sheet", "Second class", "--format", "csv")
    assert second.exit_code == 0 and table(second.stdout)[0]["Budget"] == "$4,000"
    missing = invoke("score", str(source), "--sheet", "Nope")
    assert missing.exit_code == 2 and "'Form responses 1', 'Second class'" in missing.stderr
    piped = invoke("score", "-", "--format", "csv", input=source.read_bytes())  # told by its content
    assert [r["Name"] for r in table(piped.stdout)] == ["Ana", "Ben", "Cy"]


# --- 4. the workbook ------------------------------------------------------------------------------------------------


def test_the_workbook_holds_own_columns_answers_in_words_results_and_a_summary_sheet(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text(MIXED)
    book = tmp_path / "results.xlsx"
    assert invoke("score", str(source), "--format", "xlsx", "--output", str(book)).exit_code == 1
    rows = sheet_rows(book)
    assert rows[0] == ["Name", "Email", "Budget", "Timeline", "Career goal", *RESULT, "error", "line"]
    ana = dict(zip(rows[0], rows[1], strict=True))
    assert (ana["Budget"], ana["Timeline"], ana["Career goal"]) == ("$4,000", "18 months",
                                                                    "Billing and insurance claims")
    assert (ana["recommended_program"], ana["confidence"], ana["error"], ana["line"]) == (MBC, "lean", None, 2)
    summary = sheet_rows(book, "Class summary")
    assert summary[0][0] == "Program"
    counts = {row[0]: row[-1] for row in summary[1:] if row and row[0]}
    assert (counts["All students scored"], counts["Could not be scored"], counts["Class total"]) == (2, 3, 5)


# --- 5. safe to open ------------------------------------------------------------------------------------------------

HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]


def _hostile_class(path: Path, count: int = 150) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Name", HOSTILE[0], "Budget", "Career goal"])
        for n in range(count):
            bad = HOSTILE[n % len(HOSTILE)]
            goal = bad if n % 7 == 3 else "Medical coding"  # every seventh student: a formula as the answer
            writer.writerow([f"{bad} {n}", bad, "$4k", goal])


def _assert_csv_safe(text: str) -> None:
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(FORMULA_START), repr(cell)


def _assert_xlsx_text(path: Path, rows: int) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path)
    seen = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    if cell.value.startswith(FORMULA_START):
                        seen += 1
    assert seen >= rows  # the hostile text is there, every row of it, as text


def test_a_hostile_class_file_opens_as_text_on_every_row(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    _hostile_class(source)
    done = invoke("score", str(source), "--format", "csv")
    rows = table(done.stdout)
    assert len(rows) == 150
    _assert_csv_safe(done.stdout)
    assert rows[149]["Name"] == "'" + f"{HOSTILE[149 % 6]} 149"  # past the 100th row too
    assert list(rows[0])[1] == "'" + HOSTILE[0]  # the header
    book = tmp_path / "results.xlsx"
    assert invoke("score", str(source), "--format", "xlsx", "--output", str(book)).exit_code == 1
    got = sheet_rows(book)
    assert got[0][1] == HOSTILE[0]
    # Unchanged, as text (XML reads a carriage return back as a line feed: the text is not run either way).
    assert [r[0] for r in got[1:]] == [f"{HOSTILE[n % 6]} {n}".replace("\r", "\n") for n in range(150)]
    _assert_xlsx_text(book, 150)


def _hostile_catalog(tmp_path: Path) -> Path:
    data = raw_catalog()
    data["programs"][1]["name"] = '=HYPERLINK("http://evil.example","MBC") <script>alert(1)</script> [x](javascript:y)'
    data["programs"][1]["pathways"][0]["name"] = "@SUM(1) <b>cert</b>"
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data))
    return path


def test_a_hostile_catalog_stays_text_in_every_table_and_layout(tmp_path: Path) -> None:
    catalog = _hostile_catalog(tmp_path)
    source = tmp_path / "class.csv"
    source.write_text("Name,Budget,Timeline,Career goal\n" + "".join(f"S{n},$4k,12,Medical coding\n"
                                                                    for n in range(150)))
    done = invoke("--data", str(catalog), "score", str(source), "--format", "csv")
    assert done.exit_code == 0, done.output
    rows = table(done.stdout)
    assert len(rows) == 150 and all(r["recommended_program"].startswith("'=HYPERLINK") for r in rows)
    _assert_csv_safe(done.stdout)
    book = tmp_path / "results.xlsx"
    done = invoke("--data", str(catalog), "score", str(source), "--format", "xlsx", "--output", str(book))
    assert done.exit_code == 0, done.output
    _assert_xlsx_text(book, 150 * 2 + 1)  # program and pathway on every row, and the summary sheet
    compared = invoke("--data", str(catalog), "compare", "--format", "csv", "--sources")
    assert compared.exit_code == 0, compared.output
    _assert_csv_safe(compared.stdout)  # the quick table: its columns name the pathways
    compared = invoke("--data", str(catalog), "compare", "--format", "csv", "--sources", "--details")
    assert compared.exit_code == 0, compared.output
    _assert_csv_safe(compared.stdout)
    assert "'=HYPERLINK" in compared.stdout.splitlines()[0]  # the whole profiles' header names the program
    report = tmp_path / "report.html"
    quiz = ["--data", str(catalog), "quiz", "--defaults", "--set", "budget_usd=4000", "--set", "goal=coding"]
    assert invoke(*quiz, "--export", str(report)).exit_code == 0
    html = report.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html and "<b>cert" not in html
    markdown = tmp_path / "report.md"
    assert invoke(*quiz, "--export", str(markdown)).exit_code == 0
    text = markdown.read_text(encoding="utf-8")
    assert "[x](javascript:y)" not in text and "\\[x\\](javascript:y)" in text and "<script>" not in text


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd",
                                 "https://ok.example/a b", "https://ok.example/\"onmouseover=", "//evil.example"])
def test_a_source_link_must_be_http_or_https(tmp_path: Path, url: str) -> None:
    data = raw_catalog()
    data["sources"][2]["url"] = url
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    done = invoke("--data", str(path), "compare")
    assert done.exit_code == 2
    assert "sources[2].url:" in done.stderr


# --- 6. duplicate headers -------------------------------------------------------------------------------------------


def test_two_columns_with_the_same_name_stay_apart(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text("Name,Name,Name (2),Budget\nAna,Díaz,x,$4k\nBo,Li,y,$5k\n")
    done = invoke("score", str(source), "--format", "csv")
    assert done.exit_code == 0, done.output
    rows = table(done.stdout)
    assert list(rows[0])[:4] == ["Name", "Name (3)", "Name (2)", "Budget"]
    assert [(r["Name"], r["Name (3)"], r["Name (2)"]) for r in rows] == [("Ana", "Díaz", "x"), ("Bo", "Li", "y")]
    assert "carried as Name (3): a second column named 'Name'" in done.stderr
    lines = [json.loads(x) for x in invoke("score", str(source)).stdout.splitlines()]
    assert lines[0]["columns"] == {"Name": "Ana", "Name (3)": "Díaz", "Name (2)": "x"}

"""``pathfinder score``: a class's answers in, as a form tool exports them; lean lines, a table or a workbook out.

The expected values are worked out from the article's figures (docs/method.md) or restated from the issue's
rules, never copied from the output: an MBC-leaning student on $4,000 and 12 months can only afford the MBC
certificate (HIM starts at $7,000), a management-minded student with $45,000 and 40 months gets HIM, and a
student with $500 and 3 months fits nothing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import shlex
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pexpect
import pytest
from typer.testing import CliRunner

from helpers import find_pathfinder, strip_ansi
from pathfinder.cli.app import app
from pathfinder.core.questions import QUESTIONS, QUESTIONS_BY_ID
from pathfinder.errors import Stopped

RUNNER = CliRunner()
ENV = {"NO_COLOR": "1", "COLUMNS": "100", "TERMINAL_WIDTH": "100"}

MBC_CASE = {"budget_usd": 4000, "timeline_months": 12, "goal": "billing", "learning_style": "hands_on"}
HIM_CASE = {"budget_usd": 45000, "timeline_months": 40, "goal": "management", "learning_style": "analytical"}
NOTHING_FITS = {"budget_usd": 500, "timeline_months": 3, "goal": "billing"}
FULL_CASE = {
    "goal": "compliance", "budget_usd": 12500.5, "timeline_months": 30, "learning_style": "blended",
    "interest": "it_systems", "strength": "regulations", "priority": "job_growth", "education": "some_college",
    "remote": "important", "challenge": "demanding",
}
LEAN_KEYS = ["line", "columns", "answers", "recommendation", "ranking", "warnings"]
RECOMMENDATION_KEYS = ["program_id", "program_name", "pathway", "pathway_name", "score", "confidence", "margin"]
RESULT_COLUMNS = ["recommended_program", "pathway", "confidence", "margin", "fits_limits", "reason", "warning",
                  "HIM score", "MBC score"]
MBC = "Medical Billing and Coding"
HIM = "Health Information Management"


def invoke(*args: str, input: bytes | str | None = None) -> Any:
    return RUNNER.invoke(app, list(args), input=input, env=ENV)


def jsonl(*objects: dict[str, Any]) -> str:
    return "".join(json.dumps(o) + "\n" for o in objects)


def lines(stdout: str) -> list[dict[str, Any]]:
    rows = stdout.splitlines()
    assert all(row.startswith("{") and row.endswith("}") for row in rows), "one compact object a line"
    return [json.loads(row) for row in rows]


def table(stdout: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(stdout)))


def quiz_json(tmp_path: Path, answers: dict[str, Any]) -> dict[str, Any]:
    path = tmp_path / "quiz-answers.json"
    path.write_text(json.dumps(answers))
    done = invoke("quiz", "--answers", str(path), "--defaults", "--json")
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def same(a: Any, b: Any) -> bool:
    """Equal, with the same JSON types (15 and 15.0 differ) and keys in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


# --- the lean line and --full -----------------------------------------------------------------------------------


@pytest.mark.parametrize("answers", [MBC_CASE, HIM_CASE, NOTHING_FITS, FULL_CASE, {}],
                         ids=["mbc", "him", "nothing-fits", "full", "empty"])
def test_the_lean_line_is_the_quiz_result_cut_to_the_documented_keys(tmp_path: Path, answers: dict[str, Any]) -> None:
    source = tmp_path / "answers.jsonl"
    source.write_text(jsonl(answers))
    done = invoke("score", str(source))
    assert done.exit_code == 0, done.output
    (line,) = lines(done.stdout)
    quiz = quiz_json(tmp_path, answers)
    assert list(line) == LEAN_KEYS
    assert line["line"] == 1 and line["columns"] == {}
    assert same(line["answers"], quiz["answers"])
    assert list(line["recommendation"]) == RECOMMENDATION_KEYS
    assert same(line["recommendation"], {k: quiz["recommendation"][k] for k in RECOMMENDATION_KEYS})
    assert same(line["ranking"], [{k: r[k] for k in ("program_id", "pathway", "score", "eligible", "fit_chance",
                                                     "win_chance")}
                                  for r in quiz["ranking"]])
    assert line["warnings"] == quiz["warnings"]


def test_the_lean_line_follows_its_published_schema(tmp_path: Path) -> None:
    schema = json.loads(invoke("schema", "score-line").stdout)
    assert schema["anyOf"] == [{"$ref": "#/$defs/ScoreLine"}, {"$ref": "#/$defs/ScoreError"}]
    assert schema["$defs"]["ScoreLine"]["required"] == LEAN_KEYS
    assert schema["$defs"]["ScoreError"]["required"] == ["line", "columns", "error"]
    recommendation = schema["$defs"]["LineRecommendation"]
    assert list(recommendation["properties"]) == RECOMMENDATION_KEYS
    assert set(schema["$defs"]["LineRanked"]["properties"]) == {"program_id", "pathway", "score", "eligible",
                                                                 "fit_chance", "win_chance"}
    from pathfinder.core.result import ScoreLine

    for line in lines(invoke("score", "-", input=jsonl(MBC_CASE, HIM_CASE, NOTHING_FITS, {})).stdout):
        assert ScoreLine.model_validate(line, strict=True).model_dump(mode="json") == line


@pytest.mark.parametrize("answers", [MBC_CASE, HIM_CASE, FULL_CASE, {}], ids=["mbc", "him", "full", "empty"])
def test_full_is_exactly_the_quiz_result_with_line_and_columns_first(tmp_path: Path, answers: dict[str, Any]) -> None:
    source = tmp_path / "answers.jsonl"
    source.write_text(jsonl({"Name": "Ana", **answers}))
    done = invoke("score", "--full", str(source))
    assert done.exit_code == 0, done.output
    (line,) = lines(done.stdout)
    assert list(line)[:2] == ["line", "columns"]
    assert line.pop("line") == 1 and line.pop("columns") == {"Name": "Ana"}
    assert same(line, quiz_json(tmp_path, answers))


def test_full_needs_json_lines() -> None:
    done = invoke("score", "-", "--full", "--format", "csv", input=jsonl(MBC_CASE))
    assert done.exit_code == 2
    assert "--full" in done.stderr and "--format jsonl" in done.stderr


# --- reading what forms export ----------------------------------------------------------------------------------


def _spellings(name: str) -> list[str]:
    """The same header as a form tool or a person might write it: case, spaces, underscores and hyphens."""
    words = name.replace("_", " ").split()
    return [name, name.upper(), " ".join(words).title(), "-".join(words), "_".join(w.upper() for w in words),
            "".join(words), f"  {' '.join(words)}  "]


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_a_header_names_a_question_by_id_or_title_in_any_spelling(question: Any) -> None:
    from pathfinder.core.answers import question_named

    for name in (*_spellings(question.id), *_spellings(question.title)):
        assert question_named(name) == question.id, name


@pytest.mark.parametrize("question", [q for q in QUESTIONS if q.kind == "choice"], ids=lambda q: q.id)
def test_a_cell_may_hold_a_choice_by_value_or_label_in_any_case(tmp_path: Path, question: Any) -> None:
    source = tmp_path / "form.csv"
    rows = [[question.title]]
    expected = []
    for choice in question.choices:
        for written in ([choice.label, choice.label.upper()] if choice.value is None
                        else [choice.value, choice.value.upper(), choice.label, choice.label.lower()]):
            rows.append([written])
            expected.append(choice.value)
    with source.open("w", newline="") as out:
        csv.writer(out).writerows(rows)
    done = invoke("score", str(source))
    assert done.exit_code == 0, done.output
    assert [line["answers"][question.id] for line in lines(done.stdout)] == expected


def test_numbers_and_not_sure_as_people_write_them(tmp_path: Path) -> None:
    source = tmp_path / "form.csv"
    source.write_bytes(
        "\ufeffBudget,Timeline,Career goal\r\n"
        '$4k,12 months,Billing and insurance claims\r\n'
        '"$45,000",40,not sure\r\n'
        "n/a,N/A,Not Sure\r\n"
        ",,\r\n".encode()
    )
    done = invoke("score", str(source))
    assert done.exit_code == 0, done.output
    found = [(line["answers"]["budget_usd"], line["answers"]["timeline_months"], line["answers"]["goal"])
             for line in lines(done.stdout)]
    budget, timeline = QUESTIONS_BY_ID["budget_usd"].default, QUESTIONS_BY_ID["timeline_months"].default
    assert found == [(4000, 12, "billing"), (45000, 40, None), (budget, timeline, None), (budget, timeline, None)]
    assert [line["line"] for line in lines(done.stdout)] == [2, 3, 4, 5]


def test_every_bad_cell_of_a_row_is_reported_at_once(tmp_path: Path) -> None:
    source = tmp_path / "form.csv"
    source.write_text("budget_usd,timeline_months,goal\nlots,soon,astronaut\n")
    done = invoke("score", str(source))
    assert done.exit_code == 1
    line = next(x for x in done.stderr.splitlines() if "line 2:" in x)
    # Which answer (the question's title and the column's own header), what it said and what is accepted.
    assert "Budget ('budget_usd'): 'lots' is not an amount (write one amount from $0 to $1,000,000" in line
    assert "Timeline ('timeline_months'): 'soon' is not a number (write a number of months from 1 to 120" in line
    assert "Career goal ('goal'): 'astronaut' is not one of the answers (choose one of: Managing health" in line
    (row,) = lines(done.stdout)  # the student is still there, with the same words
    assert row == {"line": 2, "columns": {}, "error": line.split("line 2: ", 1)[1]}


# --- the class's own columns ------------------------------------------------------------------------------------

CLASS = (
    "Name,Student ID,Email,Career goal,Budget,Timeline,Learning style\r\n"
    "Ana Díaz,007,ana@example.org,Billing and insurance claims,$4k,18 months,hands on\r\n"
    '"Bo, Jr.",S-2,,management,"$45,000",40,analytical\r\n'
    "Cy,S-3,cy@example.org,billing,$500,3,\r\n"
)


def test_columns_that_are_not_questions_are_carried_first_and_unchanged(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text(CLASS, encoding="utf-8")
    rows = table(invoke("score", str(source), "--format", "csv").stdout)
    assert list(rows[0]) == ["Name", "Student ID", "Email", "Career goal", "Budget", "Timeline", "Learning style",
                             *RESULT_COLUMNS, "error", "line"]
    assert [(r["Name"], r["Student ID"], r["Email"]) for r in rows] == [
        ("Ana Díaz", "007", "ana@example.org"), ("Bo, Jr.", "S-2", ""), ("Cy", "S-3", "cy@example.org")]
    as_json = lines(invoke("score", str(source)).stdout)
    assert [line["columns"] for line in as_json] == [
        {"Name": "Ana Díaz", "Student ID": "007", "Email": "ana@example.org"},
        {"Name": "Bo, Jr.", "Student ID": "S-2", "Email": ""},
        {"Name": "Cy", "Student ID": "S-3", "Email": "cy@example.org"},
    ]


def test_json_lines_carry_their_own_keys_too(tmp_path: Path) -> None:
    done = invoke("score", "-", "--format", "csv",
                  input=jsonl({"Name": "Ana", "Group": 3, **MBC_CASE}, {"Name": "Bo", **HIM_CASE}))
    assert done.exit_code == 0, done.output
    rows = table(done.stdout)
    assert list(rows[0])[:2] == ["Name", "Group"]  # the first line's own keys, in its order
    assert [(r["Name"], r["Group"]) for r in rows] == [("Ana", "3"), ("Bo", "")]


def test_a_column_close_to_a_question_is_a_mistake_unless_kept(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text("Name,Budjet,Goal\nAna,4000,billing\n")
    refused = invoke("score", str(source))
    assert refused.exit_code == 2
    assert "'Budjet'" in refused.stderr and "did you mean 'budget_usd'" in refused.stderr
    assert "--keep-unknown" in refused.stderr
    assert refused.stdout == ""
    kept = invoke("score", str(source), "--keep-unknown", "--format", "csv")
    assert kept.exit_code == 0, kept.output
    (row,) = table(kept.stdout)
    assert row["Budjet"] == "4000" and row["Name"] == "Ana"


def test_a_column_without_a_name_is_carried_by_its_position(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text("Name,,goal\nAna,x,billing\n")
    (row,) = table(invoke("score", str(source), "--format", "csv").stdout)
    assert row["column 2"] == "x"


def test_a_cell_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text('Name,goal\n"=HYPERLINK(""http://x"")",billing\n')
    (row,) = table(invoke("score", str(source), "--format", "csv").stdout)
    assert row["Name"] == "'=HYPERLINK(\"http://x\")"  # quoted, so a spreadsheet shows it instead of running it
    book = tmp_path / "out.xlsx"
    assert invoke("score", str(source), "--format", "xlsx", "--output", str(book)).exit_code == 0
    from openpyxl import load_workbook
    from openpyxl.worksheet.worksheet import Worksheet

    sheet = load_workbook(book).active
    assert isinstance(sheet, Worksheet)
    cell = sheet["A2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")


# --- the table and the workbook -----------------------------------------------------------------------------------


def test_the_csv_table_reads_as_advice(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text(CLASS, encoding="utf-8")
    done = invoke("score", str(source), "--format", "csv")
    assert done.exit_code == 0, done.output
    ana, bo, cy = table(done.stdout)
    # Ana: $4,000 buys only the MBC certificate (HIM's cheapest start is $7,000), and only its cheapest programs
    # (1,000 of its 14,000-dollar range) and quicker end (18 of 13-24 months): the only fit, a lean.
    assert (ana["recommended_program"], ana["pathway"], ana["confidence"], ana["margin"], ana["fits_limits"]) == (
        MBC, "Certificate or diploma", "lean", "", "yes")
    # The caveat takes the warning column; the first reason says what HIM misses by: its nearest, the associate
    # degree, starts at $7,000 ($3,000 over) and takes 24 months with no job search given (6 over).
    assert ana["reason"] == "HIM does not fit: $3,000 over your budget and 6 months over your timeline."
    assert "$4,000" in ana["warning"]
    # Bo: management, $45,000, 40 months: the HIM bachelor's degree, clearly.
    assert (bo["recommended_program"], bo["pathway"], bo["confidence"], bo["fits_limits"]) == (
        HIM, "Bachelor's degree", "clear", "yes")
    assert float(bo["margin"]) >= 10
    # Cy: $500 and 3 months fit nothing; the nearest is named and the warning says so.
    assert (cy["fits_limits"], cy["confidence"]) == ("no", "none")
    assert cy["reason"] == ("The MBC certificate or diploma does not fit: $2,500 over your budget and 10 months over "
                            "your timeline.")  # $3,000 with fees; 9 + 4 = 13 months at the fastest
    assert cy["warning"].startswith("No program fits your limits")
    for row in (ana, bo, cy):
        for column in ("HIM score", "MBC score", *(["margin"] if row["margin"] else [])):
            whole, _, tenth = row[column].partition(".")
            assert whole.isdigit() and len(tenth) == 1, (column, row[column])  # as shown: one decimal
    quiz = lines(invoke("score", str(source)).stdout)
    assert [float(r["MBC score"]) for r in (ana, bo, cy)] == [
        next(p["score"] for p in q["ranking"] if p["program_id"] == "mbc") for q in quiz]
    assert [r["line"] for r in (ana, bo, cy)] == ["2", "3", "4"]
    assert done.stdout_bytes.count(b"\r\n") == 4  # CRLF, as spreadsheets expect


def test_the_workbook_is_the_same_table_with_a_frozen_bold_filtered_header(tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    source = tmp_path / "class.csv"
    source.write_text(CLASS, encoding="utf-8")
    book = tmp_path / "results.xlsx"
    done = invoke("score", str(source), "--format", "xlsx", "--output", str(book))
    assert done.exit_code == 0, done.output
    assert done.stdout == ""
    sheet = load_workbook(book).active
    assert isinstance(sheet, Worksheet)
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    expected = table(invoke("score", str(source), "--format", "csv").stdout)
    assert rows[0] == list(expected[0])
    for got, want in zip(rows[1:], expected, strict=True):
        # a number is a number in the workbook (a whole 36.0 reads back as 36); the table writes it with one decimal
        assert ["" if v is None else f"{float(v):.1f}" if isinstance(v, float) or (
            isinstance(v, int) and "." in w) else str(v) for v, w in zip(got, want.values(), strict=True)] == list(
            want.values())
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(rows[0]))}{len(rows)}"
    widths = {letter: dim.width for letter, dim in sheet.column_dimensions.items()}
    assert widths["A"] >= len("Ana Díaz") and all(6 <= w <= 62 for w in widths.values())


def test_a_workbook_is_refused_on_a_terminal_without_output(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text(CLASS, encoding="utf-8")
    child = _spawn(["score", str(source), "--format", "xlsx"], tmp_path)
    child.expect_exact("add --output FILE")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2


# --- the class summary ----------------------------------------------------------------------------------------------


def _summary_rows(text: str) -> dict[str, list[int]]:
    """Program -> [clear, lean, toss-up, none, total], read from the summary table."""
    found = {}
    for row in text.splitlines():
        for name in (HIM, MBC, "All students scored", "Could not be scored", "Class total"):
            if row.startswith(name):
                found[name] = [int(n) for n in row[len(name):].split()]
    return found


def test_the_class_summary_counts_programs_by_confidence(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text(CLASS, encoding="utf-8")
    done = invoke("score", str(source), "--format", "csv")
    assert done.exit_code == 0
    assert "Class summary" in done.stderr and "Class summary" not in done.stdout
    counts = _summary_rows(done.stderr)
    rows = table(done.stdout)
    # Restated from the table itself: each student counted once, under their program and the confidence their
    # row says (none exactly for those who fit no program: the summary and the rows say the same).
    assert all((r["confidence"] == "none") == (r["fits_limits"] == "no") for r in rows)
    expected: Counter[tuple[str, str]] = Counter((r["recommended_program"], r["confidence"]) for r in rows)
    for name in (HIM, MBC):
        assert counts[name] == [expected[(name, c)] for c in ("clear", "lean", "toss-up", "none")] + [
            sum(n for (p, _), n in expected.items() if p == name)]
    # Worked out by hand: Ana (MBC) a lean, Bo (HIM) clear; Cy fits nothing, nearest to MBC's certificate
    # ($2,500 and 10 months short of it, against $6,500 and 21 months short of HIM's associate degree).
    assert counts == {HIM: [1, 0, 0, 0, 1], MBC: [0, 1, 0, 1, 2], "All students scored": [1, 1, 0, 1, 3],
                      "Could not be scored": [0], "Class total": [3]}


def test_summary_only_prints_just_the_table(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text(CLASS, encoding="utf-8")
    done = invoke("score", str(source), "--summary-only")
    assert done.exit_code == 0, done.output
    assert done.stdout.startswith("Class summary")
    assert "{" not in done.stdout and "recommended_program" not in done.stdout
    assert _summary_rows(done.stdout)["All students scored"][-1] == 3
    assert "Class summary" not in done.stderr


# --- output, errors and streams -------------------------------------------------------------------------------------


def test_output_writes_the_file_whole_and_leaves_it_alone_on_failure(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text(CLASS, encoding="utf-8")
    out = tmp_path / "results.csv"
    done = invoke("score", str(source), "--format", "csv", "--output", str(out))
    assert done.exit_code == 0, done.output
    assert done.stdout == "" and f"wrote {out}" in done.stderr
    assert [r["Name"] for r in table(out.read_text(encoding="utf-8"))] == ["Ana Díaz", "Bo, Jr.", "Cy"]
    before = out.read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Budjet\nAna,4000\n")  # refused at the header
    refused = invoke("score", str(bad), "--format", "csv", "--output", str(out))
    assert refused.exit_code == 2
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "class.csv", "results.csv"]  # no temp file


def test_bad_lines_are_reported_counted_and_skipped(tmp_path: Path) -> None:
    source = tmp_path / "mixed.jsonl"
    source.write_text(
        jsonl(MBC_CASE)
        + "not json\n"
        + "[1, 2]\n"
        + jsonl({"budjet": 4000})
        + jsonl({"timeline_months": 500})
        + "\n"  # a blank line is skipped, not an error
        + jsonl(HIM_CASE)
    )
    done = invoke("score", str(source))
    assert done.exit_code == 1
    written = lines(done.stdout)
    assert [r["line"] for r in written] == [1, 2, 3, 4, 5, 7]  # every line but the blank one
    assert [r["line"] for r in written if "error" not in r] == [1, 7]
    for row in written:
        if "error" in row:
            assert list(row) == ["line", "columns", "error"] and row["error"] in done.stderr
    err = done.stderr
    assert "line 2: not valid JSON" in err
    assert "line 3: expected a JSON object" in err and "array" in err
    assert "line 4: 'budjet'" in err and "did you mean 'budget_usd'" in err
    assert "line 5:" in err and "timeline_months" in err
    assert "line 6" not in err
    assert "scored 2 answer sets; 4 rows could not be scored (the first at line 2)" in err


def test_strict_stops_at_the_first_bad_line(tmp_path: Path) -> None:
    source = tmp_path / "mixed.jsonl"
    source.write_text(jsonl(MBC_CASE) + jsonl({"goal": "astronaut"}) + jsonl(HIM_CASE))
    done = invoke("score", str(source), "--strict")
    assert done.exit_code == 1
    assert [(r["line"], "error" in r) for r in lines(done.stdout)] == [(1, False), (2, True)]  # the row it stopped at
    assert "stopped at line 2 (--strict), which could not be scored; scored 1 answer set before it" in done.stderr


def test_input_format_is_detected_or_forced(tmp_path: Path) -> None:
    source = tmp_path / "export.txt"
    source.write_text("goal,learning_style\nbilling,hands_on\n")
    assert invoke("score", str(source)).exit_code == 0  # detected from the first line
    forced = invoke("score", str(source), "--input-format", "jsonl")
    assert forced.exit_code == 1
    assert "line 1: not valid JSON" in forced.stderr
    piped = invoke("score", "-", input="\ufeffgoal\r\nbilling\r\n")
    assert [line["answers"]["goal"] for line in lines(piped.stdout)] == ["billing"]


def test_rows_of_the_wrong_width_are_bad_lines(tmp_path: Path) -> None:
    source = tmp_path / "form.csv"
    source.write_text("budget_usd,goal\n4000,billing,extra\n4000,billing\n")
    done = invoke("score", str(source))
    assert done.exit_code == 1
    assert "line 2: 3 cells, but the header has 2 columns" in done.stderr
    assert [(r["line"], "error" in r) for r in lines(done.stdout)] == [(2, True), (3, False)]


def test_missing_file_and_empty_input(tmp_path: Path) -> None:
    missing = invoke("score", str(tmp_path / "nope.csv"))
    assert missing.exit_code == 2
    assert "no such file" in missing.stderr
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    done = invoke("score", str(empty))
    assert done.exit_code == 2
    assert done.stdout == "" and "empty, so nothing was scored" in done.stderr
    header_only = tmp_path / "header.csv"
    header_only.write_text("budget_usd,goal\n")
    done = invoke("score", str(header_only))
    assert done.exit_code == 2 and "no answer sets to score" in done.stderr


def test_help_shows_the_counselor_workflow() -> None:
    done = invoke("score", "--help")
    assert done.exit_code == 0
    for text in ("FILE", "--format", "--output", "--summary-only", "--keep-unknown", "--full", "Examples:"):
        assert text in done.stdout


# --- in a terminal ---------------------------------------------------------------------------------------------------


def _spawn(args: list[str], cwd: Path, shell: str | None = None) -> pexpect.spawn:
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="100", LINES="40")
    env.pop("NO_COLOR", None)
    if shell is not None:
        return pexpect.spawn("/bin/sh", ["-c", shell], env=env, cwd=str(cwd), dimensions=(40, 100),
                             encoding="utf-8", codec_errors="replace", timeout=60)
    return pexpect.spawn(find_pathfinder(), args, env=env, cwd=str(cwd), dimensions=(40, 100), encoding="utf-8",
                         codec_errors="replace", timeout=60)


def test_the_progress_bar_moves_on_the_terminal_and_never_reaches_the_file(tmp_path: Path) -> None:
    _class_file(tmp_path / "class.csv", 6000)
    command = f"{shlex.quote(find_pathfinder())} score class.csv --format csv > out.csv"
    child = _spawn([], tmp_path, shell=command)
    screen = child.read()
    child.close()
    assert child.exitstatus == 1, screen  # three bad goals
    shown = [int(p) for p in re.findall(r"Scoring class\.csv\S*\s.*?(\d+)%", strip_ansi(screen))]
    assert len(set(shown)) >= 2 and max(shown) > min(shown), screen[-2000:]  # it moves
    assert "Class summary" in screen and "line 7 (Student 5): Career goal: 'astronaut'" in strip_ansi(screen)
    written = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert "\x1b" not in written and "Scoring" not in written
    bad = sum(1 for n in range(6000) if n % 997 == 5)
    assert written.startswith("Name,Student ID,") and len(written.splitlines()) == 6000 + 1  # every student
    assert sum(1 for row in table(written) if row["error"]) == bad


def test_no_progress_bar_when_the_results_go_to_the_terminal(tmp_path: Path) -> None:
    _class_file(tmp_path / "class.csv", 1500)
    child = _spawn(["score", "class.csv", "--format", "csv"], tmp_path)
    screen = strip_ansi(child.read())
    child.close()
    assert "Scoring class.csv" not in screen and "\u2501" not in screen  # no bar, no bar glyphs
    assert screen.count("\nStudent ") == 1500  # every row, untouched by a bar


# --- helper processes ------------------------------------------------------------------------------------------------


def _class_file(path: Path, count: int, seed: int = 7) -> None:
    """A long class export: carried columns, titles as headers, form-style values and a few bad rows."""
    rng = random.Random(seed)
    goal = 2 + next(i for i, q in enumerate(QUESTIONS) if q.id == "goal")
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Name", "Student ID", *(q.title for q in QUESTIONS)])
        for n in range(count):
            row = [f"Student {n}", f"{n:05d}"]
            for q in QUESTIONS:
                if q.kind == "choice":
                    choice = rng.choice(q.choices)
                    row.append(rng.choice([choice.label, choice.value or "", "not sure"]))
                elif q.id == "budget_usd":
                    row.append(rng.choice([f"${rng.randrange(0, 60000):,}", f"{rng.randrange(1, 60)}k", ""]))
                else:
                    row.append(str(rng.randrange(1, 120)))
            if n % 997 == 5:
                row[goal] = "astronaut"  # a bad line
            writer.writerow(row)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_helper_processes_write_exactly_what_one_process_writes(tmp_path: Path, fmt: str) -> None:
    from pathfinder.batch.run import CHUNK, open_source, run
    from pathfinder.core.catalog import load_catalog
    from pathfinder.layouts import registry

    source = tmp_path / "class.csv"
    _class_file(source, 4 * CHUNK + 17)
    catalog = load_catalog()
    outcomes = []
    for helpers in (0, 2):
        opened = open_source(str(source), "auto")
        out = io.BytesIO()
        writer = registry.writer("score", fmt)(out, catalog)
        problems: list[tuple[int, str]] = []
        outcome = run(opened, catalog, writer, on_problem=lambda *problem: problems.append(problem),  # noqa: B023
                      helpers=helpers)
        writer.close()
        opened.close()
        outcomes.append((out.getvalue(), problems, outcome.tally, outcome.scored, outcome.failed))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][4] == 3 and outcomes[0][3] == 4 * CHUNK + 14


def test_helper_processes_stop_where_one_process_stops(tmp_path: Path) -> None:
    from pathfinder.batch.run import CHUNK, open_source, run
    from pathfinder.core.catalog import load_catalog
    from pathfinder.layouts import registry

    source = tmp_path / "class.csv"
    _class_file(source, 4 * CHUNK)
    catalog = load_catalog()
    seen = []
    for helpers in (0, 2):
        opened = open_source(str(source), "auto")
        out = io.BytesIO()
        writer = registry.writer("score", "jsonl")(out, catalog)
        outcome = run(opened, catalog, writer, strict=True, on_problem=lambda *_: None, helpers=helpers)
        writer.close()
        opened.close()
        seen.append((out.getvalue(), outcome.first_failure, outcome.scored, outcome.stopped))
    assert seen[0] == seen[1]
    assert seen[0][1] == 7 and seen[0][2] == 5 and seen[0][3]  # row 5 (line 7) holds the first bad goal


def test_the_readme_shows_what_the_example_class_gives() -> None:
    from helpers import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(readme) if line.startswith("| Name | recommended_program |"))
    heads = [cell.strip() for cell in readme[start].strip("|").split("|")]
    shown = []
    for line in readme[start + 2:]:
        if not line.startswith("|"):
            break
        shown.append([cell.strip() for cell in line.strip("|").split("|")])
    done = invoke("score", str(ROOT / "docs" / "example-class.csv"), "--format", "csv")
    assert done.exit_code == 1, done.output  # three students whose answers cannot be read, each in the table
    assert shown == [[row[head] for head in heads] for row in table(done.stdout)]
    assert [row["Name"] for row in table(done.stdout) if row["error"]] == ["Hana Kim", "Ivan Petrov", "Jo Park"]
    # The semicolon and workbook versions of the same class give the same table.
    for other in ("example-class-semicolon.csv", "example-class.xlsx"):
        assert invoke("score", str(ROOT / "docs" / other), "--format", "csv").stdout == done.stdout, other


# --- what a form export can hold ----------------------------------------------------------------------------------

# Restated from the README ("How written answers are read"), not read from the code.
NOT_SURE_WORDS = ["not sure", "Not Sure", "unsure", "n/a", "N/A", "na", "none", "null", "?", "don't know",
                  "dont know", "  "]


@pytest.mark.parametrize("word", NOT_SURE_WORDS)
def test_every_not_sure_word_takes_the_default(tmp_path: Path, word: str) -> None:
    source = tmp_path / "class.csv"
    with source.open("w", newline="") as out:
        csv.writer(out).writerows([["Name", "goal", "budget_usd", "timeline_months", "learning_style"],
                                   ["Ana", word, word, word, word]])
    done = invoke("score", str(source))
    assert done.exit_code == 0, done.output
    (line,) = lines(done.stdout)
    # null where the question takes it, the question's default where it does not
    assert line["answers"]["goal"] is None and line["answers"]["budget_usd"] is None
    assert line["answers"]["timeline_months"] == 48 and line["answers"]["learning_style"] == "blended"
    assert line["columns"] == {"Name": "Ana"}


BOM = "\ufeff"


@pytest.mark.parametrize("where", ["stdin", "stdin-csv", "txt-file", "csv-file"])
def test_a_byte_order_mark_is_dropped_wherever_the_class_comes_from(tmp_path: Path, where: str) -> None:
    text = BOM + "Name,goal\r\nAna,billing\r\n"
    if where.startswith("stdin"):
        args = ["score", "-", *(["--input-format", "csv"] if where == "stdin-csv" else [])]
        done = invoke(*args, input=text.encode())
    else:
        source = tmp_path / ("class.txt" if where == "txt-file" else "class.csv")
        source.write_bytes(text.encode())
        done = invoke("score", str(source))
    assert done.exit_code == 0, done.output
    (line,) = lines(done.stdout)
    assert line["columns"] == {"Name": "Ana"}  # not "\ufeffName"
    assert line["answers"]["goal"] == "billing"


def test_a_byte_order_mark_before_json_lines_is_dropped() -> None:
    done = invoke("score", "-", input=(BOM + json.dumps({"Name": "Ana", "goal": "billing"}) + "\n").encode())
    assert done.exit_code == 0, done.output
    assert lines(done.stdout)[0]["columns"] == {"Name": "Ana"}


def test_bad_utf8_is_a_bad_line_and_the_rest_are_scored(tmp_path: Path) -> None:
    source = tmp_path / "class.jsonl"
    source.write_bytes(jsonl(MBC_CASE).encode() + b'{"goal": "bil\xffling"}\n' + jsonl(HIM_CASE).encode())
    done = invoke("score", str(source))
    assert done.exit_code == 1
    assert "line 2: not valid UTF-8" in done.stderr
    assert [(r["line"], "error" in r) for r in lines(done.stdout)] == [(1, False), (2, True), (3, False)]
    table_file = tmp_path / "class.csv"
    table_file.write_bytes(b"Name,goal\nAna,billing\nBo,bil\xffling\nCy,coding\n")
    done = invoke("score", str(table_file))
    assert done.exit_code == 1
    assert "line 3 (Bo): Career goal ('goal'): 'bil\ufffdling' is not one of the answers" in done.stderr
    assert [(r["columns"]["Name"], "error" in r) for r in lines(done.stdout)] == [
        ("Ana", False), ("Bo", True), ("Cy", False)]


def test_deep_nesting_is_a_bad_line() -> None:
    deep = '{"goal": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
    done = invoke("score", "-", input=jsonl(MBC_CASE) + deep + jsonl(HIM_CASE))
    assert done.exit_code == 1
    assert "line 2: nested too deeply" in done.stderr
    assert [(r["line"], "error" in r) for r in lines(done.stdout)] == [(1, False), (2, True), (3, False)]


def test_a_csv_error_mid_file_is_a_bad_line_and_reading_goes_on(tmp_path: Path) -> None:
    source = tmp_path / "class.csv"
    source.write_text('Name,goal\nAna,billing\n"Bo"x,coding\nCy,coding\n')
    done = invoke("score", str(source))
    assert done.exit_code == 1
    assert "line 3: not valid CSV" in done.stderr
    # The row cannot be split into cells, so its name is unknown: it is written by its line, with the error.
    assert [(r["line"], r["columns"].get("Name"), "error" in r) for r in lines(done.stdout)] == [
        (2, "Ana", False), (3, None, True), (4, "Cy", False)]


def test_a_helper_that_dies_ends_the_run_with_an_error_instead_of_waiting(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from pathfinder.batch import run as batch
    from pathfinder.core.catalog import load_catalog
    from pathfinder.layouts import registry

    real = batch._work

    def dies_on_the_third_chunk(records: list[Any]) -> Any:
        if records[0][0] > 2 * batch.CHUNK:
            os._exit(1)  # as the system's out-of-memory killer would end it
        return real(records)

    # Sent to the helpers by name, as pathfinder.batch.run._work, which the forked helpers find patched.
    dies_on_the_third_chunk.__module__, dies_on_the_third_chunk.__qualname__ = "pathfinder.batch.run", "_work"
    monkeypatch.setattr(batch, "_work", dies_on_the_third_chunk)
    source = tmp_path / "class.csv"
    _class_file(source, 6 * batch.CHUNK)
    catalog = load_catalog()
    opened = batch.open_source(str(source), "auto")
    out = io.BytesIO()
    outcome: list[BaseException | None] = []

    def score() -> None:
        try:
            batch.run(opened, catalog, registry.writer("score", "jsonl")(out, catalog), on_problem=lambda *_: None,
                      helpers=2)
            outcome.append(None)
        except BaseException as error:  # noqa: BLE001 - handed to the test's thread
            outcome.append(error)

    runner = threading.Thread(target=score, daemon=True)  # a run that waits for ever must fail, not hang the suite
    runner.start()
    runner.join(120)
    opened.close()
    assert outcome, "the run was still waiting for a helper that had died"
    assert isinstance(outcome[0], Stopped)
    assert "a helper process scoring the lines stopped unexpectedly" in str(outcome[0])


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the helpers through Linux's /proc")
def test_helpers_leave_when_the_main_process_is_killed(tmp_path: Path) -> None:
    """SIGKILL (or the out-of-memory killer) gives the main process no chance to stop its helpers: they notice
    their parent has gone and exit instead of waiting for work for ever."""
    import signal
    import subprocess
    import sys
    import time

    source = tmp_path / "class.csv"
    _class_file(source, 20 * 500)  # 20 chunks; the pipe, no longer read, holds the main process mid-run
    driver = ("import sys; from pathfinder.batch import run as batch; "
              "from pathfinder.core.catalog import load_catalog; "
              "from pathfinder.layouts.registry import writer; c = load_catalog(); w = writer('score', 'jsonl'); "
              f"batch.run(batch.open_source({str(source)!r}, 'auto'), c, w(sys.stdout.buffer, c), "
              "on_problem=lambda *_: None, helpers=2)")
    main = subprocess.Popen([sys.executable, "-c", driver], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        assert main.stdout is not None
        for _ in range(600):  # past the first chunk, scored in the main process; the helpers start after it
            assert main.stdout.readline()
        def children() -> list[int]:
            found = []
            for stat in Path("/proc").glob("[0-9]*/stat"):
                try:
                    fields = stat.read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == main.pid:
                    found.append(int(stat.parent.name))
            return found

        deadline = time.monotonic() + 30
        helpers: list[int] = []
        while len(helpers) < 2 and time.monotonic() < deadline:
            helpers = children()
        assert len(helpers) == 2, helpers
        main.send_signal(signal.SIGKILL)
        main.wait(30)

        def running(pid: int) -> bool:
            try:
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except (FileNotFoundError, ProcessLookupError):
                return False
            return state not in ("Z", "X")

        deadline = time.monotonic() + 10
        while any(running(pid) for pid in helpers) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [pid for pid in helpers if running(pid)]
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        assert not left, "helpers were still running 10 seconds after the main process was killed"
    finally:
        main.kill()
        main.wait()

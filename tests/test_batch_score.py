"""``pathfinder score``: JSON Lines and CSV in, one result a line out, bad lines reported and counted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pathfinder.cli import app
from pathfinder.questions import QUESTIONS

RUNNER = CliRunner()
ENV = {"NO_COLOR": "1", "COLUMNS": "100", "TERMINAL_WIDTH": "100"}

MBC_CASE = {"budget_usd": 4000, "timeline_months": 12, "goal": "billing", "learning_style": "hands_on"}
HIM_CASE = {"budget_usd": 45000, "timeline_months": 40, "goal": "management", "learning_style": "analytical"}
WARN_CASE = {"budget_usd": 5000, "timeline_months": 12, "goal": "informatics", "learning_style": "analytical"}
FULL_CASE = {
    "goal": "compliance", "budget_usd": 12500.5, "timeline_months": 30, "learning_style": "blended",
    "interest": "it_systems", "strength": "regulations", "priority": "job_growth", "education": "some_college",
    "remote": "important", "challenge": "demanding",
}


def invoke(*args: str, input: bytes | str | None = None) -> Any:
    return RUNNER.invoke(app, list(args), input=input, env=ENV)


def jsonl(*objects: dict[str, Any]) -> str:
    return "".join(json.dumps(o) + "\n" for o in objects)


def results(stdout: str) -> list[dict[str, Any]]:
    lines = stdout.splitlines()
    assert all(line.startswith("{") and line.endswith("}") for line in lines), "one compact object a line"
    return [json.loads(line) for line in lines]


def quiz_json(tmp_path: Path, answers: dict[str, Any]) -> dict[str, Any]:
    path = tmp_path / "quiz-answers.json"
    path.write_text(json.dumps(answers))
    done = invoke("quiz", "--answers", str(path), "--defaults", "--json")
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def same(a: Any, b: Any) -> bool:
    """Equal, with the same JSON types (15 and 15.0 differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def test_jsonl_file_gives_one_result_a_line(tmp_path: Path) -> None:
    source = tmp_path / "answers.jsonl"
    source.write_text(jsonl(MBC_CASE, HIM_CASE, WARN_CASE))
    done = invoke("score", str(source))
    assert done.exit_code == 0, done.output
    found = results(done.stdout)
    assert [r["line"] for r in found] == [1, 2, 3]
    assert [r["recommendation"]["program_id"] for r in found] == ["mbc", "him", "mbc"]
    assert any("HIM associate degree does not fit" in r for r in found[2]["recommendation"]["reasons"])
    assert "scored 3 answer sets" in done.stderr


QUIZ_EXTRAS = ("projection", "assumptions", "what_would_change", "what_would_decide", "nearest_fit", "stackable_path",
               "what_if")


@pytest.mark.parametrize("answers", [MBC_CASE, HIM_CASE, WARN_CASE, FULL_CASE, {}], ids=["mbc", "him", "warn", "full", "empty"])
def test_score_gives_the_same_result_as_quiz_json(tmp_path: Path, answers: dict[str, Any]) -> None:
    source = tmp_path / "answers.jsonl"
    source.write_text(jsonl(answers))
    quiz = quiz_json(tmp_path, answers)
    done = invoke("score", "--full", str(source))
    assert done.exit_code == 0, done.output
    (line,) = results(done.stdout)
    assert line.pop("line") == 1
    assert same(line, quiz)
    # Without --full, the scoring result alone: every key the same, the quiz's extras left empty.
    (quick,) = results(invoke("score", str(source)).stdout)
    del quick["line"]
    assert list(quick) == list(quiz)
    for key in quiz:
        if key not in QUIZ_EXTRAS:
            assert same(quick[key], quiz[key]), key
    assert quiz["projection"] and not quick["projection"]


def test_complete_answers_match_quiz_without_defaults(tmp_path: Path) -> None:
    path = tmp_path / "complete.json"
    path.write_text(json.dumps(FULL_CASE))
    quiz = invoke("quiz", "--answers", str(path), "--json")
    assert quiz.exit_code == 0, quiz.output
    source = tmp_path / "one.jsonl"
    source.write_text(jsonl(FULL_CASE))
    (line,) = results(invoke("score", "--full", str(source)).stdout)
    del line["line"]
    assert same(line, json.loads(quiz.stdout))


def test_csv_file_reads_like_a_form_export(tmp_path: Path) -> None:
    source = tmp_path / "form.csv"
    source.write_text(
        "\ufeffbudget_usd,timeline_months,goal,learning_style,strength\r\n"
        '"$4,000",12,billing,hands_on,\r\n'
        "45000,40,management,analytical,null\r\n"
        ",,,,\r\n"  # nothing answered: every default
        "5000,12,informatics,analytical,precision\r\n",
        encoding="utf-8",
    )
    done = invoke("score", str(source))
    assert done.exit_code == 0, done.output
    found = results(done.stdout)
    assert [r["line"] for r in found] == [2, 3, 4, 5]
    assert [r["recommendation"]["program_id"] for r in found] == ["mbc", "him", "mbc", "mbc"]
    assert found[2]["recommendation"]["confidence"] == "toss-up"  # nothing answered: the defaults are a toss-up
    assert found[0]["answers"]["budget_usd"] == 4000
    assert found[0]["answers"]["strength"] is None  # empty cell: the default (not sure)
    assert found[2]["answers"] == {q.id: q.default for q in QUESTIONS}
    as_json = tmp_path / "same.jsonl"
    as_json.write_text(jsonl(MBC_CASE))
    (expected,) = results(invoke("score", str(as_json)).stdout)
    del expected["line"], found[0]["line"]
    assert same(found[0], expected)


def test_csv_headers_by_title_and_cells_as_people_write_them(tmp_path: Path) -> None:
    # A form tool's export: question titles (any case) as headers, money and time in words, labels as choices.
    source = tmp_path / "form.csv"
    source.write_text(
        "Budget,TIMELINE,Career goal,learning-style,Strength\n"
        "$4k,1 year,Billing and insurance claims,hands on,not sure\n"
        '"$45,000",40 months,management,"Analysing, reading and working with systems",N/A\n'
        "5000,12,billing,osmosis,\n",
        encoding="utf-8",
    )
    done = invoke("score", str(source))
    assert done.exit_code == 1, done.output
    found = results(done.stdout)
    assert [r["line"] for r in found] == [2, 3]
    shown = ("budget_usd", "timeline_months", "goal", "learning_style", "strength")
    assert [{k: r["answers"][k] for k in shown} for r in found] == [
        {"budget_usd": 4000, "timeline_months": 12, "goal": "billing", "learning_style": "hands_on", "strength": None},
        {"budget_usd": 45000, "timeline_months": 40, "goal": "management", "learning_style": "analytical",
         "strength": None},
    ]
    assert [r["recommendation"]["program_id"] for r in found] == ["mbc", "him"]
    assert "line 4: learning_style: 'osmosis' is not a choice" in done.stderr


def test_every_bad_cell_of_a_row_is_reported_at_once(tmp_path: Path) -> None:
    source = tmp_path / "form.csv"
    source.write_text("budget_usd,timeline_months,goal\nlots,soon,astronaut\n")
    done = invoke("score", str(source))
    assert done.exit_code == 1
    line = next(x for x in done.stderr.splitlines() if "line 2:" in x)
    assert "budget_usd: 'lots' is not a number" in line and "written like 5000, 5,000, $5,000 or 5k" in line
    assert "timeline_months: 'soon' is not a number" in line
    assert "goal: 'astronaut' is not a choice" in line


def test_standard_input_is_read_and_its_format_detected() -> None:
    as_jsonl = invoke("score", "-", input=jsonl(MBC_CASE, HIM_CASE))
    assert as_jsonl.exit_code == 0, as_jsonl.output
    as_csv = invoke("score", "-", input="budget_usd,timeline_months,goal,learning_style\n4000,12,billing,hands_on\n")
    assert as_csv.exit_code == 0, as_csv.output
    first = results(as_jsonl.stdout)[0]
    (from_csv,) = results(as_csv.stdout)
    assert first.pop("line") == 1 and from_csv.pop("line") == 2
    assert same(first, from_csv)


def test_bad_lines_are_reported_counted_and_skipped(tmp_path: Path) -> None:
    source = tmp_path / "mixed.jsonl"
    source.write_text(
        jsonl(MBC_CASE)
        + "not json\n"
        + "[1, 2]\n"
        + jsonl({"budget": 4000})
        + jsonl({"timeline_months": 500})
        + "\n"  # a blank line is skipped, not an error
        + jsonl(HIM_CASE)
    )
    done = invoke("score", str(source))
    assert done.exit_code == 1
    assert [r["line"] for r in results(done.stdout)] == [1, 7]
    err = done.stderr
    assert "line 2: not valid JSON" in err
    assert "line 3: expected a JSON object" in err and "array" in err
    assert "line 4:" in err and "unknown question id" in err and "budget_usd" in err
    assert "line 5:" in err and "timeline_months" in err and "out of range" in err
    assert "line 6" not in err
    assert "scored 2 answer sets; 4 lines failed (the first at line 2)" in err


def test_strict_stops_at_the_first_bad_line(tmp_path: Path) -> None:
    source = tmp_path / "mixed.jsonl"
    source.write_text(jsonl(MBC_CASE) + jsonl({"goal": "astronaut"}) + jsonl(HIM_CASE))
    done = invoke("score", str(source), "--strict")
    assert done.exit_code == 1
    assert [r["line"] for r in results(done.stdout)] == [1]
    assert "line 2:" in done.stderr and "astronaut" in done.stderr
    assert "stopped at line 2 (--strict); scored 1 answer set before it" in done.stderr


def test_csv_output_is_a_table_of_recommendations(tmp_path: Path) -> None:
    source = tmp_path / "answers.jsonl"
    source.write_text(jsonl(MBC_CASE, HIM_CASE))
    done = invoke("score", str(source), "--format", "csv")
    assert done.exit_code == 0, done.output
    rows = done.stdout.splitlines()
    assert rows[0] == "line,program_id,pathway,score,confidence,margin,runner_up,runner_up_score"
    first = rows[1].split(",")
    assert first[:3] == ["1", "mbc", "certificate"]
    full = results(invoke("score", str(source)).stdout)[0]
    assert float(first[3]) == full["recommendation"]["score"]
    assert first[4] == full["recommendation"]["confidence"]
    assert first[5] == "" and full["recommendation"]["margin"] is None  # the only program that fits: no margin
    assert first[6] == full["ranking"][1]["program_id"] and float(first[7]) == full["ranking"][1]["score"]
    assert rows[2].split(",")[:2] == ["2", "him"]


def test_input_format_can_be_forced(tmp_path: Path) -> None:
    source = tmp_path / "export.txt"
    source.write_text("goal,learning_style\nbilling,hands_on\n")
    assert invoke("score", str(source)).exit_code == 0  # detected from the first line
    assert invoke("score", str(source), "--input-format", "csv").exit_code == 0
    forced = invoke("score", str(source), "--input-format", "jsonl")
    assert forced.exit_code == 1
    assert "line 1: not valid JSON" in forced.stderr


def test_csv_header_must_name_questions(tmp_path: Path) -> None:
    source = tmp_path / "form.csv"
    source.write_text("Timestamp,budjet,goal,goal\n1,4000,billing,billing\n")
    done = invoke("score", str(source))
    assert done.exit_code == 2
    assert "line 1" in done.stderr and "'Timestamp'" in done.stderr
    assert "did you mean 'budget_usd'" in done.stderr
    assert "'goal': more than one column" in done.stderr
    assert done.stdout == ""


def test_csv_rows_with_the_wrong_width_or_values_are_bad_lines(tmp_path: Path) -> None:
    source = tmp_path / "form.csv"
    source.write_text("budget_usd,goal\n4000,billing,extra\nlots,billing\n4000,billing\n")
    done = invoke("score", str(source))
    assert done.exit_code == 1
    assert "line 2: 3 cells, but the header has 2 columns" in done.stderr
    assert "line 3:" in done.stderr and "'lots' is not a number" in done.stderr
    assert [r["line"] for r in results(done.stdout)] == [4]


def test_missing_file_and_empty_input(tmp_path: Path) -> None:
    missing = invoke("score", str(tmp_path / "nope.jsonl"))
    assert missing.exit_code == 2
    assert "no such file" in missing.stderr
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    done = invoke("score", str(empty))
    assert done.exit_code == 0
    assert done.stdout == "" and "scored 0 answer sets" in done.stderr


def test_a_bad_catalog_stops_before_any_line(tmp_path: Path) -> None:
    catalog = tmp_path / "programs.json"
    catalog.write_text('{"schema_version": 1}')
    source = tmp_path / "answers.jsonl"
    source.write_text(jsonl(MBC_CASE))
    done = RUNNER.invoke(app, ["--data", str(catalog), "score", str(source)], env=ENV)
    assert done.exit_code == 2
    assert "programs: Field required" in done.stderr


def test_many_lines_stream_through() -> None:
    lines = "".join(jsonl({"budget_usd": n * 250, "timeline_months": 1 + n % 120}) for n in range(3000))
    done = invoke("score", "-", "--format", "csv", input=lines)
    assert done.exit_code == 0, done.output
    assert len(done.stdout.splitlines()) == 3001
    assert "scored 3,000 answer sets" in done.stderr


def test_help_explains_the_command() -> None:
    done = invoke("score", "--help")
    assert done.exit_code == 0
    for text in ("FILE", "JSON Lines", "CSV", "--input-format", "--format", "--strict", "exit code is 1"):
        assert text in done.stdout
    assert "score" in invoke("--help").stdout


def test_an_overlong_line_is_refused_without_being_held(tmp_path: Path) -> None:
    source = tmp_path / "long.jsonl"
    with source.open("w") as out:
        out.write(jsonl(MBC_CASE))
        out.write('{"goal": "' + "x" * (2 * 1024 * 1024) + '"}\n')
        out.write(jsonl(HIM_CASE))
    done = invoke("score", str(source))
    assert done.exit_code == 1
    assert "line 2: longer than 1 MB" in done.stderr
    assert [r["line"] for r in results(done.stdout)] == [1, 3]


def test_byte_order_mark_and_blank_lines_are_fine(tmp_path: Path) -> None:
    source = tmp_path / "exported.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + jsonl(MBC_CASE).encode() + b"\r\n  \n" + jsonl(HIM_CASE).encode())
    done = invoke("score", str(source))
    assert done.exit_code == 0, done.output
    assert [r["line"] for r in results(done.stdout)] == [1, 4]

"""Every command through Typer's CliRunner: help, JSON contracts, answers from files, flags and stdin."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from helpers import ROOT, raw_catalog, squash, third_program
from pathfinder import __version__
from pathfinder.cli.app import app
from pathfinder.core.questions import QUESTIONS, defaults

COMMANDS = ["quiz", "compare", "questions", "schema", "score", "sources"]
IDS = [q.id for q in QUESTIONS]
EXAMPLE_1 = ["--set", "budget_usd=4000", "--set", "timeline_months=18", "--set", "goal=billing",
             "--set", "learning_style=hands_on"]


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result


def quiz_json(runner: CliRunner, *args: str, input: str | None = None) -> dict[str, Any]:
    result = ok(runner.invoke(app, ["quiz", *args, "--json"], input=input))
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# --- version and help ----------------------------------------------------------------------


def test_version(runner: CliRunner) -> None:
    result = ok(runner.invoke(app, ["--version"]))
    assert result.stdout == f"pathfinder {__version__}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_python_dash_m_version() -> None:
    done = subprocess.run([sys.executable, "-m", "pathfinder", "--version"], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"pathfinder {__version__}\n"


def test_python_dash_m_help_names_the_program() -> None:
    done = subprocess.run([sys.executable, "-m", "pathfinder", "--help"], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "Usage: pathfinder " in done.stdout
    assert "__main__" not in done.stdout


def test_no_arguments_shows_help(runner: CliRunner) -> None:
    result = runner.invoke(app, [])
    assert "Usage: pathfinder" in result.output
    assert all(command in result.output for command in COMMANDS)


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_top_level_help_lists_every_command(runner: CliRunner, flag: str) -> None:
    result = ok(runner.invoke(app, [flag]))
    text = squash(result.stdout)
    assert "Usage: pathfinder [OPTIONS] COMMAND [ARGS]..." in text
    for command in COMMANDS:
        assert command in text
    for option in ("--data", "--no-color", "--version", "--help"):
        assert option in text


def _click_command() -> Any:
    return typer.main.get_command(app)


def test_every_command_and_option_has_help_text() -> None:
    group = _click_command()
    assert sorted(group.commands) == sorted(COMMANDS)
    for param in group.params:
        assert (param.help or "").strip(), f"global option {param.name} has no help"
    for name, command in group.commands.items():
        assert (command.help or "").strip(), f"command {name} has no help"
        for param in command.params:
            assert (getattr(param, "help", None) or "").strip(), f"{name} {param.name} has no help"


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_shows_the_help_text_of_the_command_and_each_option(runner: CliRunner, command: str) -> None:
    result = ok(runner.invoke(app, [command, "--help"]))
    text = squash(result.stdout)
    assert f"Usage: pathfinder {command}" in text
    click_command = _click_command().commands[command]
    assert squash(click_command.help) in text
    for param in click_command.params:
        assert squash(param.help) in text, param.name
        for opt in getattr(param, "opts", []):
            if opt.startswith("-"):
                assert opt in text


# --- compare, questions, schema --------------------------------------------------------------


def test_compare_shows_both_programs_side_by_side(runner: CliRunner) -> None:
    result = ok(runner.invoke(app, ["compare", "--details"], env={"COLUMNS": "160"}))
    text = result.stdout
    for expected in ("Health Information Management (HIM)", "Medical Billing and Coding (MBC)", "Cost", "Length",
                     "$7,000-$25,000", "$2,500-$15,000", "16% (2023-2033)", "9% (2023-2033)", "Certifications"):
        assert expected in text, expected
    assert result.stderr == ""


def test_compare_json(runner: CliRunner) -> None:
    result = ok(runner.invoke(app, ["compare", "--json"]))
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    assert [p["id"] for p in data["programs"]] == ["him", "mbc"]
    assert data["sources"]
    # The same shape as programs.json: it can be fed back with --data.
    assert data["programs"][0]["pathways"][0]["cost_usd"]["low"] == 7000


def test_compare_json_is_a_valid_catalog(runner: CliRunner, write_json: Callable[..., Path]) -> None:
    dumped = ok(runner.invoke(app, ["compare", "--json"])).stdout
    again = ok(runner.invoke(app, ["--data", str(write_json(dumped, "again.json")), "compare", "--json"]))
    assert json.loads(again.stdout) == json.loads(dumped)


def test_questions_table(runner: CliRunner) -> None:
    result = ok(runner.invoke(app, ["questions"]))
    for question_id in IDS:
        assert question_id in result.stdout


def test_questions_json(runner: CliRunner) -> None:
    data = json.loads(ok(runner.invoke(app, ["questions", "--json"])).stdout)
    assert data["schema_version"] == 1
    assert [q["id"] for q in data["questions"]] == IDS
    by_id = {q["id"]: q for q in data["questions"]}
    assert by_id["budget_usd"]["nullable"] is True and by_id["budget_usd"]["kind"] == "number"
    assert by_id["timeline_months"]["kind"] == "integer"
    assert (by_id["budget_usd"]["title"], by_id["priority"]["title"]) == ("Budget", "What matters most")
    assert (by_id["timeline_months"]["minimum"], by_id["timeline_months"]["maximum"]) == (1, 120)
    assert {c["value"] for c in by_id["learning_style"]["choices"]} == {"analytical", "hands_on", "blended"}
    assert {c["value"] for c in by_id["goal"]["choices"]} == {
        None, "management", "informatics", "compliance", "coding", "billing", "fast_entry"}
    assert {q["id"]: q["default"] for q in data["questions"]} == defaults()


def _is_json_schema(schema: Any) -> None:
    assert isinstance(schema, dict)
    assert schema.get("type") == "object"
    assert isinstance(schema.get("properties"), dict) and schema["properties"]
    for ref in re.findall(r'"\$ref": "([^"]+)"', json.dumps(schema)):
        assert ref.startswith("#/$defs/") and ref.split("/")[-1] in schema["$defs"], ref


def test_schema_result(runner: CliRunner) -> None:
    schema = json.loads(ok(runner.invoke(app, ["schema", "result"])).stdout)
    _is_json_schema(schema)
    assert {"schema_version", "answers", "recommendation", "ranking", "warnings"} <= set(schema["properties"])
    ranked = schema["$defs"]["RankedProgram"]["properties"]
    assert {"program_id", "score", "eligible", "criteria"} <= set(ranked)
    assert {"id", "weight", "fit", "contribution"} <= set(schema["$defs"]["CriterionScore"]["properties"])


def test_schema_answers(runner: CliRunner) -> None:
    schema = json.loads(ok(runner.invoke(app, ["schema", "answers"])).stdout)
    _is_json_schema(schema)
    assert list(schema["properties"]) == IDS
    assert schema.get("additionalProperties") is False
    timeline = schema["properties"]["timeline_months"]
    assert timeline["minimum"] == 1 and timeline["maximum"] == 120


def test_schema_programs(runner: CliRunner) -> None:
    schema = json.loads(ok(runner.invoke(app, ["schema", "programs"])).stdout)
    _is_json_schema(schema)
    assert {"schema_version", "sources", "programs"} <= set(schema["properties"])
    assert "Program" in schema["$defs"] and "Pathway" in schema["$defs"]


def test_schema_bogus_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema", "bogus"])
    assert result.exit_code == 2
    assert "bogus" in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_an_unknown_command_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["frobnicate"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# --- quiz: where answers come from ---------------------------------------------------------


def test_quiz_defaults_json_has_the_whole_contract(runner: CliRunner) -> None:
    data = quiz_json(runner, "--defaults")
    assert data["schema_version"] == 2  # 2: confidence none, and the recommendation's own words
    assert data["answers"] == defaults()
    assert list(data["answers"]) == IDS
    rec = data["recommendation"]
    assert rec["program_id"] in {"him", "mbc"}
    assert isinstance(rec["pathway"], str) and rec["pathway"]
    assert 0 <= rec["score"] <= 100
    assert rec["confidence"] in {"clear", "lean", "toss-up", "none"}
    assert isinstance(rec["reasons"], list) and rec["reasons"]
    assert len(rec["reason_sources"]) == len(rec["reasons"])
    assert rec["verdict"] and rec["headline"] and rec["next_step"]
    assert isinstance(data["warnings"], list)
    assert [entry["program_id"] for entry in data["ranking"]] in (["him", "mbc"], ["mbc", "him"])
    for entry in data["ranking"]:
        assert isinstance(entry["eligible"], bool)
        assert 0 <= entry["score"] <= 100
        assert entry["criteria"]
        for criterion in entry["criteria"]:
            assert {"id", "weight", "fit", "contribution"} <= set(criterion)
        assert abs(sum(c["contribution"] for c in entry["criteria"]) - entry["score"]) <= 1e-6


def test_quiz_json_for_the_first_example(runner: CliRunner) -> None:
    data = quiz_json(runner, "--defaults", *EXAMPLE_1)
    assert data["recommendation"]["program_id"] == "mbc"
    assert data["answers"]["budget_usd"] == 4000
    assert data["answers"]["goal"] == "billing"
    assert {e["program_id"]: e["eligible"] for e in data["ranking"]} == {"mbc": True, "him": False}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"budget_usd": 4000, "timeline_months": 12, "goal": "billing", "learning_style": "hands_on"}, "mbc"),
        ({"budget_usd": 45000, "timeline_months": 40, "goal": "management", "learning_style": "analytical"}, "him"),
        ({"budget_usd": 5000, "timeline_months": 12, "goal": "informatics", "learning_style": "analytical"}, "mbc"),
    ],
)
def test_the_examples_through_every_way_of_answering(runner: CliRunner, write_json: Callable[..., Path],
                                                     given: dict[str, Any], expected: str) -> None:
    sets = [arg for key, value in given.items() for arg in ("--set", f"{key}={json.dumps(value)}")]
    by_flags = quiz_json(runner, "--defaults", *sets)
    by_file = quiz_json(runner, "--defaults", "--answers", str(write_json(given, "answers.json")))
    by_stdin = quiz_json(runner, "--defaults", "--answers", "-", input=json.dumps(given))
    full = {**defaults(), **given}
    complete = quiz_json(runner, "--answers", str(write_json(full, "full.json")))
    assert by_flags["recommendation"]["program_id"] == expected
    assert by_flags == by_file == by_stdin == complete


def test_answers_from_stdin(runner: CliRunner) -> None:
    data = quiz_json(runner, "--answers", "-", input=json.dumps({**defaults(), "goal": "management"}))
    assert data["answers"]["goal"] == "management"
    assert data["recommendation"]["program_id"] == "him"


def test_set_overrides_the_answers_file(runner: CliRunner, write_json: Callable[..., Path]) -> None:
    path = write_json({"goal": "management"}, "answers.json")
    data = quiz_json(runner, "--defaults", "--answers", str(path), "--set", "goal=billing")
    assert data["answers"]["goal"] == "billing"


@pytest.mark.parametrize(
    ("pair", "question_id", "expected"),
    [
        ("budget_usd=4000", "budget_usd", 4000),
        ("budget_usd=4000.5", "budget_usd", 4000.5),
        ("budget_usd=null", "budget_usd", None),
        ("timeline_months=12", "timeline_months", 12),
        ("timeline_months=12.0", "timeline_months", 12),
        ("goal=billing", "goal", "billing"),
        ('goal="billing"', "goal", "billing"),
        ("goal=null", "goal", None),
        ("learning_style=hands_on", "learning_style", "hands_on"),
        ("education=some_college", "education", "some_college"),
        # Text that is not JSON is read as a typed answer is.
        ("budget_usd=$5k", "budget_usd", 5000),
        ("budget_usd=$45,000", "budget_usd", 45000),
        ("budget_usd=not sure", "budget_usd", None),
        ("timeline_months=18 months", "timeline_months", 18),
        ("timeline_months=2 years", "timeline_months", 24),
        ("goal=Medical coding", "goal", "coding"),
        ("goal=fast-entry", "goal", "fast_entry"),
        ("learning_style=Hands on", "learning_style", "hands_on"),
    ],
)
def test_set_values_are_json_where_they_parse_and_strings_otherwise(runner: CliRunner, pair: str, question_id: str,
                                                                    expected: Any) -> None:
    data = quiz_json(runner, "--defaults", "--set", pair)
    assert data["answers"][question_id] == expected
    assert type(data["answers"][question_id]) is type(expected)


@pytest.mark.parametrize(
    ("pair", "question_id"),
    [
        ("budget_usd=-1", "budget_usd"),
        ("budget_usd=abc", "budget_usd"),
        ("budget_usd=1e400", "budget_usd"),
        ("budget_usd=NaN", "budget_usd"),
        ("budget_usd=true", "budget_usd"),
        ("timeline_months=0", "timeline_months"),
        ("timeline_months=121", "timeline_months"),
        ("timeline_months=12.5", "timeline_months"),
        ("timeline_months=null", "timeline_months"),
        ("goal=astronaut", "goal"),
        ("goal=3", "goal"),
        ("learning_style=null", "learning_style"),
        ("remote=[1]", "remote"),
    ],
)
def test_a_bad_value_exits_2_naming_the_id(runner: CliRunner, pair: str, question_id: str) -> None:
    result = runner.invoke(app, ["quiz", "--defaults", "--json", "--set", pair])
    assert result.exit_code == 2, result.output
    assert question_id in result.stderr
    assert "allowed" in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_a_bad_value_in_an_answers_file_exits_2_naming_the_id(runner: CliRunner,
                                                               write_json: Callable[..., Path]) -> None:
    path = write_json({"timeline_months": "soon"}, "answers.json")
    result = runner.invoke(app, ["quiz", "--defaults", "--answers", str(path)])
    assert result.exit_code == 2, result.output
    assert "timeline_months" in result.stderr


def test_every_problem_is_reported_at_once(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quiz", "--defaults", "--set", "goal=astronaut", "--set", "timeline_months=0"])
    assert result.exit_code == 2
    assert "goal" in result.stderr and "timeline_months" in result.stderr


@pytest.mark.parametrize(
    ("typo", "nearest"),
    [("budjet_usd", "budget_usd"), ("timeline", "timeline_months"), ("learningstyle", "learning_style"),
     ("goals", "goal")],
)
def test_an_unknown_id_exits_2_suggesting_the_nearest(runner: CliRunner, typo: str, nearest: str) -> None:
    result = runner.invoke(app, ["quiz", "--defaults", "--set", f"{typo}=1"])
    assert result.exit_code == 2, result.output
    assert typo in result.stderr
    assert f"did you mean {nearest!r}" in result.stderr
    assert "Traceback" not in result.output


def test_an_unknown_id_in_an_answers_file_suggests_the_nearest(runner: CliRunner,
                                                               write_json: Callable[..., Path]) -> None:
    path = write_json({"budget": 5000}, "answers.json")
    result = runner.invoke(app, ["quiz", "--defaults", "--answers", str(path)])
    assert result.exit_code == 2
    assert "budget_usd" in result.stderr


@pytest.mark.parametrize("pair", ["goal", "=billing", ""])
def test_a_set_without_id_and_value_exits_2(runner: CliRunner, pair: str) -> None:
    result = runner.invoke(app, ["quiz", "--defaults", "--set", pair])
    assert result.exit_code == 2
    assert "id=value" in result.stderr


def test_missing_answers_without_a_terminal_exit_2_naming_them_and_the_flags(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quiz", "--set", "goal=billing"], input="")
    assert result.exit_code == 2, result.output
    message = result.stderr
    for question_id in IDS[1:]:
        assert question_id in message
    assert "goal," not in message and "goal:" not in message
    assert "--answers" in message and "--defaults" in message
    assert result.stdout == ""


def test_partial_answers_on_stdin_cannot_be_completed_by_prompts(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quiz", "--answers", "-"], input=json.dumps({"goal": "billing"}))
    assert result.exit_code == 2
    assert "budget_usd" in result.stderr and "--defaults" in result.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [("[1, 2]", "JSON object"), ('"goal"', "JSON object"), ("{oops", "not valid JSON"), ("", "empty")],
)
def test_answers_that_are_not_a_json_object_exit_2(runner: CliRunner, content: str, expected: str) -> None:
    result = runner.invoke(app, ["quiz", "--defaults", "--answers", "-"], input=content)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_answers_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["quiz", "--defaults", "--answers", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert "nope.json" in result.stderr


def test_save_answers_then_replay_gives_the_same_result(runner: CliRunner, tmp_path: Path) -> None:
    saved = tmp_path / "answers.json"
    first = quiz_json(runner, "--defaults", *EXAMPLE_1, "--set", "priority=cost", "--save-answers", str(saved))
    on_disk = json.loads(saved.read_text(encoding="utf-8"))
    assert on_disk == first["answers"]
    assert list(on_disk) == IDS
    replay = quiz_json(runner, "--answers", str(saved))
    assert replay == first
    # Saving again over the file keeps it valid.
    quiz_json(runner, "--answers", str(saved), "--save-answers", str(saved))
    assert json.loads(saved.read_text(encoding="utf-8")) == on_disk


def test_save_answers_into_a_missing_folder_exits_2_before_anything_else(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "answers.json"
    result = runner.invoke(app, ["quiz", "--save-answers", str(target)])
    assert result.exit_code == 2
    assert "no-such-folder" in result.stderr
    assert not target.parent.exists()


def test_quiz_text_shows_the_recommendation(runner: CliRunner) -> None:
    result = ok(runner.invoke(app, ["quiz", "--defaults", *EXAMPLE_1]))
    text = squash(result.stdout)
    # $4,000 and 18 months: only the MBC certificate fits, and only its cheaper programs and quicker end: a lean
    assert "Your recommendation Medical Billing and Coding (MBC): Certificate or diploma A lean." in text
    assert "fits only if your program costs $4,000 or less with books and fees and you are working within" in text
    assert "Why" in text and "Key figures" in text and "Next step" in text
    assert "HIM does not fit: $3,000 over your budget and 6 months over your timeline." in text


# --- a third program, markup and colour -----------------------------------------------------


def test_a_third_program_is_scored_and_rendered_with_no_code_change(runner: CliRunner,
                                                                    write_json: Callable[..., Path]) -> None:
    data = raw_catalog()
    data["programs"].append(third_program(data, program_id="mcb", name="Coding Bootcamp", short_name="CB"))
    path = str(write_json(data, "three.json"))
    compared = ok(runner.invoke(app, ["--data", path, "compare", "--details"], env={"COLUMNS": "160"}))
    assert "Coding Bootcamp (CB)" in compared.stdout
    assert "Health Information Management (HIM)" in compared.stdout
    as_json = json.loads(ok(runner.invoke(app, ["--data", path, "compare", "--json"])).stdout)
    assert [p["id"] for p in as_json["programs"]] == ["him", "mbc", "mcb"]
    result = json.loads(ok(runner.invoke(app, ["--data", path, "quiz", "--defaults", "--json", *EXAMPLE_1])).stdout)
    assert {e["program_id"] for e in result["ranking"]} == {"him", "mbc", "mcb"}
    # mcb is an exact copy of mbc, so it ties: a toss-up, listed by name (never by id), and both fit.
    assert [e["program_id"] for e in result["ranking"]] == ["mcb", "mbc", "him"]
    assert result["recommendation"]["confidence"] == "toss-up" and result["recommendation"]["margin"] == 0
    text = ok(runner.invoke(app, ["--data", path, "quiz", "--defaults", *EXAMPLE_1], env={"COLUMNS": "160"}))
    assert "Coding Bootcamp (CB): Certificate or diploma" in text.stdout
    assert "CB certificate or diploma" in text.stdout and "MBC certificate or diploma" in text.stdout


MARKUP = ["[red]x[/red]", "[link=http://x]y", "[bold]", "[/]"]


def test_rich_markup_in_a_custom_catalog_prints_literally(runner: CliRunner, write_json: Callable[..., Path]) -> None:
    data = raw_catalog()
    data["programs"][0]["name"] = "[red]x[/red]"
    data["programs"][0]["short_name"] = "[bold]"
    data["programs"][1]["skills"][0] = "[link=http://x]y"
    data["programs"][1]["outcomes"]["roles"][0]["title"] = "[/]"
    path = str(write_json(data, "markup.json"))
    result = ok(runner.invoke(app, ["--data", path, "compare", "--details"], env={"COLUMNS": "160"}))
    for literal in MARKUP:
        assert literal in result.stdout, literal
    quiz = ok(runner.invoke(app, ["--data", path, "quiz", "--defaults", "--set", "goal=management"],
                            env={"COLUMNS": "160"}))
    assert "[red]x[/red] ([bold]): Bachelor's degree" in quiz.stdout


def test_the_no_color_flag_wins_over_forced_colour(runner: CliRunner) -> None:
    """--no-color is the user's explicit choice: no ANSI codes at all, even with FORCE_COLOR set."""
    env = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": None}
    for args in (["--no-color", "compare"], ["--no-color", "quiz", "--defaults"]):
        result = ok(runner.invoke(app, args, env=env))
        assert "\x1b[" not in result.stdout, args


def test_forced_colour_does_emit_escape_codes(runner: CliRunner) -> None:
    """The control for the test above: the check can see escape codes when they are there."""
    result = ok(runner.invoke(app, ["compare"], env={"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": None}))
    assert "\x1b[" in result.stdout


def test_json_output_never_has_escape_codes_even_when_forced(runner: CliRunner) -> None:
    env = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": None}
    for args in (["compare", "--json"], ["quiz", "--defaults", "--json"], ["questions", "--json"]):
        result = ok(runner.invoke(app, args, env=env))
        assert "\x1b" not in result.stdout
        json.loads(result.stdout)


def test_an_unexpected_error_is_one_line_and_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    import pathfinder.core.advice

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the scoring broke")

    monkeypatch.setattr(pathfinder.core.advice, "advise", broken)
    done = CliRunner().invoke(app, ["quiz", "--defaults"], env={"NO_COLOR": "1"})
    assert done.exit_code == 1
    assert done.stderr == "pathfinder: unexpected error: RuntimeError: the scoring broke\n"
    assert "Traceback" not in done.output

"""The shipped catalog validates and cites its sources; a broken catalog is refused with its JSON path."""

from __future__ import annotations

import copy
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import SHIPPED_DATA, find_pathfinder, raw_catalog
from pathfinder.cli.app import app
from pathfinder.core.catalog import load_catalog, shipped_path, validate_catalog
from pathfinder.errors import PathfinderError

# --- the shipped data ----------------------------------------------------------------------


def test_the_shipped_catalog_validates() -> None:
    catalog = load_catalog()
    assert {p.id for p in catalog.programs} == {"him", "mbc"}
    assert shipped_path().resolve() == SHIPPED_DATA.resolve()


def test_the_shipped_file_is_what_load_catalog_reads() -> None:
    assert load_catalog().model_dump(mode="json", exclude_unset=True) == validate_catalog(raw_catalog()).model_dump(
        mode="json", exclude_unset=True
    )


def _numbers_with_their_source(node: Any, source: str | None, path: str) -> list[tuple[str, str | None]]:
    """Every number in the file, with the source of the nearest enclosing object that names one."""
    found: list[tuple[str, str | None]] = []
    if isinstance(node, dict):
        here = node.get("source", source) if isinstance(node.get("source"), str) else source
        for key, value in node.items():
            found += _numbers_with_their_source(value, here, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += _numbers_with_their_source(item, source, f"{path}[{index}]")
    elif isinstance(node, int | float) and not isinstance(node, bool):
        found.append((path, source))
    return found


def test_every_figure_in_the_shipped_data_names_a_listed_source() -> None:
    data = raw_catalog()
    known = {s["id"] for s in data["sources"]}
    figures = _numbers_with_their_source(data["programs"], None, "programs")
    assert len(figures) > 50  # costs, lengths, salaries, growth, pass rates, ratings, fit weights
    for path, source in figures:
        assert source is not None, f"{path} has no source"
        assert source.split("#", 1)[0] in known, f"{path} cites {source!r}, which is not under sources"


def test_every_citation_in_the_shipped_data_is_a_listed_source() -> None:
    data = raw_catalog()
    known = {s["id"] for s in data["sources"]}
    cited: list[tuple[str, str]] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if (key == "source" or key.endswith("_source")) and isinstance(value, str):
                    cited.append((f"{path}.{key}", value))
                else:
                    walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, f"{path}[{index}]")

    walk(data["programs"], "programs")
    assert cited
    for path, source in cited:
        assert source.split("#", 1)[0] in known, f"{path}: {source!r}"


def test_missing_figures_are_null_with_a_note() -> None:
    """A figure no source gives is null and says why, so the renderer can show 'not given'."""
    data = raw_catalog()
    mbc_associate = data["programs"][1]["pathways"][1]
    assert mbc_associate["cost_usd"]["low"] is None and mbc_associate["cost_usd"]["note"]


# --- broken catalogs -----------------------------------------------------------------------


def _pathway_cost(data: dict[str, Any]) -> dict[str, Any]:
    cost: dict[str, Any] = data["programs"][1]["pathways"][0]["cost_usd"]
    return cost


def _low_above_high(data: dict[str, Any]) -> None:
    _pathway_cost(data).update(low=9000, high=100)


def _negative(data: dict[str, Any]) -> None:
    data["programs"][1]["outcomes"]["salary_usd"]["low"] = -5


def _duplicate_program(data: dict[str, Any]) -> None:
    data["programs"].append(copy.deepcopy(data["programs"][0]))


def _duplicate_source(data: dict[str, Any]) -> None:
    data["sources"].append(dict(data["sources"][0]))


def _missing_field(data: dict[str, Any]) -> None:
    del data["programs"][1]["pathways"][0]["duration_months"]


def _empty_programs(data: dict[str, Any]) -> None:
    data["programs"] = []


def _unknown_field(data: dict[str, Any]) -> None:
    data["programs"][1]["colour"] = "red"


def _control_character(data: dict[str, Any]) -> None:
    data["programs"][1]["name"] = "Billing\x1b[2J and coding"


def _unknown_source(data: dict[str, Any]) -> None:
    _pathway_cost(data)["source"] = "nowhere#cost"


def _unknown_named_source(data: dict[str, Any]) -> None:
    data["programs"][0]["skills_source"] = "hearsay"


def _bad_certification_reference(data: dict[str, Any]) -> None:
    data["programs"][0]["pathways"][0]["certifications"] = ["nope"]


def _fit_weight_above_one(data: dict[str, Any]) -> None:
    data["programs"][0]["fit"]["goals"]["management"]["value"] = 1.5


def _wrong_schema_version(data: dict[str, Any]) -> None:
    data["schema_version"] = 2


def _empty_admission_entry(data: dict[str, Any]) -> None:
    data["programs"][1]["pathways"][0]["admission"] = [""]  # compare once failed on it with an IndexError


def _empty_pathway_name(data: dict[str, Any]) -> None:
    data["programs"][0]["pathways"][0]["name"] = ""


# (break the data, the JSON path the one problem line must start with, a word the message must contain)
BREAKAGES: list[tuple[Callable[[dict[str, Any]], None], str, str]] = [
    (_low_above_high, "programs[1].pathways[0].cost_usd", "above"),
    (_negative, "programs[1].outcomes.salary_usd", "negative"),
    (_duplicate_program, "programs", "duplicate"),
    (_duplicate_source, "sources", "duplicate"),
    (_missing_field, "programs[1].pathways[0].duration_months", "required"),
    (_empty_programs, "programs", "at least 1"),
    (_unknown_field, "programs[1].colour", "not permitted"),
    (_control_character, "programs[1].name", "control character"),
    (_unknown_source, "programs[1].pathways[0].cost_usd.source", "nowhere"),
    (_unknown_named_source, "programs[0].skills_source", "hearsay"),
    (_bad_certification_reference, "programs[0]", "nope"),
    (_fit_weight_above_one, "programs[0].fit.goals.management.value", "1"),
    (_wrong_schema_version, "schema_version", "1"),
    (_empty_admission_entry, "programs[1].pathways[0].admission[0]", "at least 1 character"),
    (_empty_pathway_name, "programs[0].pathways[0].name", "at least 1 character"),
]


@pytest.mark.parametrize(("breakage", "path", "word"), BREAKAGES, ids=[b[0].__name__.strip("_") for b in BREAKAGES])
def test_a_broken_catalog_exits_2_with_one_line_naming_the_json_path(
    runner: CliRunner, write_json: Callable[..., Path], breakage: Callable[[dict[str, Any]], None], path: str, word: str
) -> None:
    data = raw_catalog()
    breakage(data)
    bad = write_json(data, "bad.json")
    result = runner.invoke(app, ["--data", str(bad), "compare"])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr
    assert str(bad) in result.stderr
    problems = [line.strip() for line in result.stderr.splitlines()[1:] if line.strip()]
    assert len(problems) == 1, result.stderr
    assert problems[0].startswith(path), f"expected a line starting with {path!r}, got {problems[0]!r}"
    assert word.lower() in problems[0].lower(), problems[0]


def test_the_same_problems_reach_python_callers_as_lines(write_json: Callable[..., Path]) -> None:
    data = raw_catalog()
    _low_above_high(data)
    _unknown_field(data)
    with pytest.raises(PathfinderError) as caught:
        load_catalog(write_json(data, "bad.json"))
    assert caught.value.lines == [
        "programs[1].pathways[0].cost_usd: low (9000) is above high (100)",
        "programs[1].colour: Extra inputs are not permitted",
    ]


def test_every_problem_is_listed_at_once(runner: CliRunner, write_json: Callable[..., Path]) -> None:
    data = raw_catalog()
    _low_above_high(data)
    _negative(data)
    _unknown_field(data)
    result = runner.invoke(app, ["--data", str(write_json(data, "bad.json")), "compare"])
    assert result.exit_code == 2, result.output
    problems = [line.strip() for line in result.stderr.splitlines()[1:]]
    assert len(problems) == 3, result.stderr
    assert {p.split(":")[0] for p in problems} == {
        "programs[1].pathways[0].cost_usd", "programs[1].outcomes.salary_usd", "programs[1].colour"
    }


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "not valid JSON"),
        (b"", "empty"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (json.dumps(raw_catalog()).replace('"low": 7000', '"low": NaN', 1).encode(), "NaN"),
        (b"[]", "(top level)"),
    ],
    ids=["not-json", "empty", "not-utf8", "nan", "array"],
)
def test_a_file_that_is_not_a_catalog_exits_2(runner: CliRunner, write_json: Callable[..., Path], content: bytes,
                                              expected: str) -> None:
    result = runner.invoke(app, ["--data", str(write_json(content, "bad.json")), "compare"])
    assert result.exit_code == 2, result.output
    assert expected in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_a_missing_catalog_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    result = runner.invoke(app, ["--data", str(missing), "compare"])
    assert result.exit_code == 2, result.output
    assert str(missing) in result.stderr and "no such file" in result.stderr
    assert "Traceback" not in result.output


def test_a_folder_as_catalog_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["--data", str(tmp_path), "compare"])
    assert result.exit_code == 2, result.output
    assert "folder" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [["compare"], ["compare", "--json"], ["quiz", "--defaults", "--json"]])
def test_every_command_that_reads_the_catalog_refuses_a_broken_one(
    runner: CliRunner, write_json: Callable[..., Path], command: list[str]
) -> None:
    data = raw_catalog()
    _control_character(data)
    result = runner.invoke(app, ["--data", str(write_json(data, "bad.json")), *command])
    assert result.exit_code == 2, result.output
    assert "programs[1].name" in result.stderr
    assert result.stdout == ""


def test_the_real_command_refuses_a_control_character_without_echoing_it(tmp_path: Path) -> None:
    data = raw_catalog()
    _control_character(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    done = subprocess.run([find_pathfinder(), "--data", str(bad), "compare"], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert "\x1b" not in done.stderr
    lines = done.stderr.splitlines()
    assert sum("programs[1].name" in line for line in lines) == 1, done.stderr


def test_a_valid_custom_catalog_is_accepted(runner: CliRunner, write_json: Callable[..., Path]) -> None:
    data = raw_catalog()
    data["programs"][1]["name"] = "Billing & Coding, renamed"
    result = runner.invoke(app, ["--data", str(write_json(data)), "compare", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["programs"][1]["name"] == "Billing & Coding, renamed"

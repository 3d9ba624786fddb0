"""Fuzzing: arbitrary answers and catalogs end in a result or in pathfinder's own error.

Never another exception: a crash here would be a traceback for a user.
"""

from __future__ import annotations

import contextlib
import copy
import json
import math
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pathfinder.cli.app import app
from pathfinder.core.advice import advise as score
from pathfinder.core.catalog import load_catalog, validate_catalog
from pathfinder.core.questions import QUESTIONS, defaults, validate_answers
from pathfinder.core.result import Result
from pathfinder.errors import PathfinderError
from pathfinder.layouts.terminal import make_console, report_view
from pathfinder.report.document import build, compare_report

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = json.loads((ROOT / "data" / "programs.json").read_text())
CATALOG = load_catalog()

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
question_ids = st.sampled_from([q.id for q in QUESTIONS])
plausible = st.one_of(json_values, *(st.sampled_from([c.value for c in q.choices]) for q in QUESTIONS if q.choices))
answer_maps = st.dictionaries(st.one_of(question_ids, st.text(max_size=12)), plausible, max_size=12)


def _score_or_own_error(raw: Any, catalog: Any = CATALOG) -> None:
    try:
        if not isinstance(raw, dict):
            raise PathfinderError("answers must be a JSON object")
        answers = {**defaults(), **validate_answers(raw)}
    except PathfinderError:
        return
    result = score(answers, catalog)
    assert isinstance(result, Result)
    for entry in result.ranking:
        assert 0 <= entry.score <= 100
        assert math.isclose(entry.score, sum(c.contribution for c in entry.criteria), abs_tol=1e-6)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_any_json_value_as_answers(raw: Any) -> None:
    _score_or_own_error(raw)


@settings(max_examples=400, deadline=None)
@given(answer_maps)
def test_answer_shaped_objects(raw: dict[str, Any]) -> None:
    _score_or_own_error(raw)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, (*prefix, index)))
    return found


SHIPPED_PATHS = [p for p in _paths(SHIPPED) if p]


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    data = copy.deepcopy(data)
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return data


def _load_or_own_error(data: Any) -> None:
    try:
        catalog = validate_catalog(data, "fuzzed")
    except PathfinderError as exc:
        assert exc.lines or exc.message
        return
    result = score(defaults(), catalog)
    console = make_console(None, no_color=True, width=60)
    with console.capture():
        console.print(report_view(build(result, catalog, details=True)))
        console.print(report_view(compare_report(catalog, catalog.programs, sources=True)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(SHIPPED_PATHS), json_values), min_size=1, max_size=3))
def test_schema_shaped_catalogs(mutations: list[tuple[tuple[Any, ...], Any]]) -> None:
    data = SHIPPED
    for path, value in mutations:
        try:
            data = _replace(data, path, value)
        except (KeyError, IndexError, TypeError):
            continue
    _load_or_own_error(data)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_arbitrary_catalogs(data: Any) -> None:
    _load_or_own_error(data)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(SHIPPED_PATHS), min_size=1, max_size=3))
def test_catalogs_with_fields_removed(paths: list[tuple[Any, ...]]) -> None:
    data = copy.deepcopy(SHIPPED)
    for path in paths:
        node = data
        try:
            for part in path[:-1]:
                node = node[part]
            del node[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue
    _load_or_own_error(data)


# --- the command line with random argument lists ---------------------------------------

OPTION_VALUES = {
    "--answers": st.sampled_from(["-", "missing.json", "answers.json", ".", ""]),
    "--set": st.one_of(
        st.builds(lambda k, v: f"{k}={v}", st.sampled_from([q.id for q in QUESTIONS] + ["bogus"]),
                  st.sampled_from(["5000", "null", "billing", "-1", "NaN", "12", "1e308", "[1]", '"x"', ""])),
        st.text(max_size=10),
    ),
    "--save-answers": st.sampled_from(["out.json", "no/such/dir/out.json", "."]),
    "--data": st.sampled_from(["programs.json", "missing.json", "."]),
}
FLAGS = ["--defaults", "--json", "--no-color", "--version", "--help", "-h"]
COMMANDS = ["quiz", "compare", "questions", "schema", "result", "answers", "programs", "bogus"]

tokens = st.one_of(
    st.sampled_from(FLAGS + COMMANDS),
    st.sampled_from(sorted(OPTION_VALUES)).flatmap(lambda name: OPTION_VALUES[name].map(lambda v: [name, v])),
    st.text(max_size=8),
)


@contextlib.contextmanager
def _chdir(folder: Path) -> Any:
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _flatten(items: list[Any]) -> list[str]:
    out: list[str] = []
    for item in items:
        out.extend(item if isinstance(item, list) else [item])
    return out


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(tokens, max_size=7))
def test_random_command_lines(tmp_path: Path, args: list[Any]) -> None:
    argv = _flatten(args)
    (tmp_path / "programs.json").write_text(json.dumps(SHIPPED))
    (tmp_path / "answers.json").write_text('{"goal": "billing"}')
    with _chdir(tmp_path):
        result = CliRunner().invoke(app, argv, input='{"budget_usd": 100}', env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert result.exit_code in (0, 2), (argv, result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), (argv, repr(result.exception))

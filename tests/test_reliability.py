"""Hostile input and faults, run against the real installed command in a subprocess.

Each case ends in a short message and the documented exit code, never a traceback,
and leaves the user's files untouched. docs/reliability.md lists every case with its test.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data" / "programs.json"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|9[0-7]|38;[0-9;]+)m")


def pathfinder_bin() -> str:
    found = Path(sys.executable).parent / "pathfinder"
    return str(found) if found.exists() else shutil.which("pathfinder") or "pathfinder"


def run(args: list[str], *, stdin: bytes | None = None, env: dict[str, str] | None = None,
        cwd: Path | None = None, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    full_env = {k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "PY_COLORS"}}
    full_env.update({"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"})
    full_env.update(env or {})
    return subprocess.run([pathfinder_bin(), *args], input=stdin if stdin is not None else b"",
                          capture_output=True, env=full_env, cwd=cwd, timeout=timeout)


def assert_clean(proc: subprocess.CompletedProcess[bytes], code: int, *needles: str) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == code, (proc.returncode, err, proc.stdout[:500])
    assert "Traceback" not in err and "Traceback" not in proc.stdout.decode("utf-8", "replace")
    for needle in needles:
        assert needle in err, (needle, err)
    if code != 0:
        assert len(err.strip().splitlines()) <= 25, err
    return err


def shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SHIPPED.read_text())
    return data


def many_programs(count: int) -> dict[str, Any]:
    """The shipped catalog with its programs copied ``count`` times under new ids (links dropped)."""
    data = shipped()
    programs = []
    for index in range(count):
        program = copy.deepcopy(data["programs"][index % 2])
        program["id"] = f"p{index}"
        program.pop("stacks_into", None)
        programs.append(program)
    data["programs"] = programs
    return data


# --- bad answers ---------------------------------------------------------------------

ANSWER_FILES: list[tuple[str, bytes, str]] = [
    ("not-json", b"{budget: 5}", "not valid JSON"),
    ("empty", b"", "is empty"),
    ("whitespace-only", b"  \n ", "is empty"),
    ("array", b"[1, 2]", "not a JSON array"),
    ("string", b'"billing"', "not a JSON string"),
    ("number", b"42", "JSON"),
    ("unknown-id", b'{"budgt_usd": 5000}', "did you mean 'budget_usd'"),
    ("wrong-type-budget", b'{"budget_usd": "lots"}', "budget_usd"),
    ("wrong-type-timeline-bool", b'{"timeline_months": true}', "timeline_months"),
    ("wrong-type-goal", b'{"goal": 3}', "goal"),
    ("choice-not-in-list", b'{"goal": "astronaut"}', "goal"),
    ("negative-budget", b'{"budget_usd": -1}', "budget_usd"),
    ("nan-budget", b'{"budget_usd": NaN}', "NaN"),
    ("infinity-budget", b'{"budget_usd": Infinity}', "Infinity"),
    ("huge-budget", b'{"budget_usd": 1e308}', "budget_usd"),
    ("timeline-zero", b'{"timeline_months": 0}', "timeline_months"),
    ("timeline-10000", b'{"timeline_months": 10000}', "timeline_months"),
    ("timeline-fraction", b'{"timeline_months": 12.5}', "timeline_months"),
    ("invalid-utf8", b'{"goal": "\xff\xfe"}', "UTF-8"),
    ("deeply-nested", b"[" * 100000 + b"]" * 100000, "answers"),
]


@pytest.mark.parametrize(("name", "content", "needle"), ANSWER_FILES, ids=[c[0] for c in ANSWER_FILES])
def test_bad_answers_file(tmp_path: Path, name: str, content: bytes, needle: str) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(content)
    assert_clean(run(["quiz", "--answers", str(path), "--defaults", "--json"]), 2, needle)


@pytest.mark.parametrize(("name", "content", "needle"), ANSWER_FILES[:8], ids=[c[0] for c in ANSWER_FILES[:8]])
def test_bad_answers_on_stdin(name: str, content: bytes, needle: str) -> None:
    assert_clean(run(["quiz", "--answers", "-", "--defaults", "--json"], stdin=content), 2, needle)


SETS = [
    ("nan", "budget_usd=NaN", "budget_usd"),
    ("infinity", "budget_usd=Infinity", "budget_usd"),
    ("negative", "budget_usd=-5", "budget_usd"),
    ("1e308", "budget_usd=1e308", "budget_usd"),
    ("timeline-0", "timeline_months=0", "timeline_months"),
    ("timeline-10000", "timeline_months=10000", "timeline_months"),
    ("string-timeline", "timeline_months=soon", "timeline_months"),
    ("bad-choice", "learning_style=osmosis", "learning_style"),
    ("unknown-id", "gaol=billing", "did you mean 'goal'"),
    ("no-equals", "budget_usd", "expected id=value"),
    ("empty-id", "=5", "expected id=value"),
    ("escape-in-id", "\x1b]0;pwned\x07=1", "unknown question id"),
]


@pytest.mark.parametrize(("name", "pair", "needle"), SETS, ids=[c[0] for c in SETS])
def test_bad_set_values(name: str, pair: str, needle: str) -> None:
    err = assert_clean(run(["quiz", "--set", pair, "--defaults", "--json"]), 2, needle)
    assert "\x1b" not in err and "\x07" not in err


def test_answers_file_of_50_mb_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.write(b'{"goal": "' + b"x" * (50 * 1024 * 1024) + b'"}')
    assert_clean(run(["quiz", "--answers", str(path), "--defaults"], timeout=30), 2, "larger than 1 MB")


def test_answers_path_is_a_folder(tmp_path: Path) -> None:
    assert_clean(run(["quiz", "--answers", str(tmp_path), "--defaults"]), 2, "is a folder")


def test_answers_path_is_missing(tmp_path: Path) -> None:
    assert_clean(run(["quiz", "--answers", str(tmp_path / "nope.json"), "--defaults"]), 2, "no such file")


def test_answers_path_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root can read any file, so the refusal is simulated where the file is opened.
    from pathfinder.core.catalog import read_json_file
    from pathfinder.errors import PathfinderError

    path = tmp_path / "answers.json"
    path.write_text("{}")

    def deny(self: Path, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(PathfinderError, match="permission denied"):
        read_json_file(path, "answers file")


def test_answers_path_gives_an_io_error() -> None:
    # /proc/self/mem exists but reading it from offset 0 fails with an I/O error.
    assert_clean(run(["quiz", "--answers", "/proc/self/mem", "--defaults"]), 2, "cannot be read")


def test_answers_that_are_a_fifo_with_nothing_are_empty(tmp_path: Path) -> None:
    assert_clean(run(["quiz", "--answers", "/dev/null", "--defaults"]), 2, "is empty")


# --- bad catalogs --------------------------------------------------------------------


def _catalog_case(name: str) -> tuple[Any, str]:
    data = shipped()
    program = data["programs"][1]
    pathway = program["pathways"][0]
    if name == "duplicate-program-ids":
        data["programs"][1]["id"] = data["programs"][0]["id"]
        return data, "duplicate program id 'him'"
    if name == "low-above-high":
        pathway["cost_usd"]["low"] = 90000
        return data, "programs[1].pathways[0].cost_usd: low (90000) is above high (15000)"
    if name == "negative-figure":
        program["outcomes"]["salary_usd"]["low"] = -5
        return data, "programs[1].outcomes.salary_usd: low must not be negative"
    if name == "absurd-figure":
        pathway["cost_usd"]["high"] = 1e15
        return data, "programs[1].pathways[0].cost_usd: high"
    if name == "absurd-duration":
        pathway["duration_months"]["high"] = 5000
        return data, "programs[1].pathways[0]: duration_months must be between 1 and 240"
    if name == "absurd-growth":
        program["outcomes"]["job_growth"]["percent"] = 1e9
        return data, "programs[1].outcomes.job_growth: percent must be between -100 and 1000"
    if name == "fit-above-one":
        program["fit"]["goals"]["billing"] = 7
        return data, "programs[1].fit.goals.billing"
    if name == "missing-required-field":
        del program["name"]
        return data, "programs[1].name: Field required"
    if name == "missing-schema-version":
        del data["schema_version"]
        return data, "schema_version: Field required"
    if name == "empty-program-list":
        data["programs"] = []
        return data, "programs: List should have at least 1 item"
    if name == "unknown-field":
        pathway["cots_usd"] = 5
        return data, "programs[1].pathways[0].cots_usd: Extra inputs are not permitted"
    if name == "unknown-source":
        pathway["cost_usd"]["source"] = "blog#cost"
        return data, "programs[1].pathways[0].cost_usd.source: unknown source 'blog#cost'"
    if name == "escape-sequence":
        program["name"] = "MBC\x1b[2J\x1b[H"
        return data, "programs[1].name: control character 0x1b is not allowed"
    if name == "bell-and-title":
        program["summary"] = "\x1b]0;owned\x07"
        return data, "programs[1].summary: control character 0x1b is not allowed"
    if name == "carriage-return":
        program["skills"][0] = "visible\rhidden"
        return data, "programs[1].skills[0]: control character 0x0d is not allowed"
    if name == "escape-in-key":
        program["fit"]["goals"]["bill\x1bing"] = 1
        return data, "programs[1].fit.goals"
    if name == "wrong-top-level":
        return [1, 2, 3], "Input should be a valid dictionary"
    if name == "wrong-type":
        pathway["cost_usd"]["low"] = "cheap"
        return data, "programs[1].pathways[0].cost_usd.low"
    raise AssertionError(name)


CATALOG_CASES = [
    "duplicate-program-ids", "low-above-high", "negative-figure", "absurd-figure", "absurd-duration", "absurd-growth",
    "fit-above-one", "missing-required-field", "missing-schema-version", "empty-program-list", "unknown-field",
    "unknown-source", "escape-sequence", "bell-and-title", "carriage-return", "escape-in-key", "wrong-top-level",
    "wrong-type",
]


@pytest.mark.parametrize("name", CATALOG_CASES)
@pytest.mark.parametrize("command", [["compare"], ["quiz", "--defaults", "--json"]], ids=["compare", "quiz"])
def test_bad_catalog(tmp_path: Path, name: str, command: list[str]) -> None:
    data, needle = _catalog_case(name)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    err = assert_clean(run(["--data", str(path), *command]), 2, needle)
    assert "\x1b" not in err and "\x07" not in err and "\r" not in err


@pytest.mark.parametrize(("content", "needle"), [(b"{", "not valid JSON"), (b"", "is empty"), (b"\xff", "UTF-8")],
                         ids=["not-json", "empty", "invalid-utf8"])
def test_catalog_file_that_is_not_json(tmp_path: Path, content: bytes, needle: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert_clean(run(["--data", str(path), "compare"]), 2, needle)


def test_catalog_path_missing_or_folder(tmp_path: Path) -> None:
    assert_clean(run(["--data", str(tmp_path / "none.json"), "compare"]), 2, "no such file")
    assert_clean(run(["--data", str(tmp_path), "compare"]), 2, "is a folder")


def test_rich_markup_in_data_prints_literally(tmp_path: Path) -> None:
    data = shipped()
    data["programs"][0]["short_name"] = "[red]HIM[/red]"
    data["programs"][0]["skills"][0] = "[link=http://example.com]click me[/link] [bold"
    path = tmp_path / "markup.json"
    path.write_text(json.dumps(data))
    proc = run(["--data", str(path), "compare", "--details"], env={"COLUMNS": "200"})
    assert_clean(proc, 0)
    out = proc.stdout.decode()
    assert "[red]HIM[/red]" in out
    assert "[link=http://example.com]click me[/link] [bold" in out
    proc = run(["--data", str(path), "quiz", "--defaults", "--details"], env={"COLUMNS": "200"})
    assert_clean(proc, 0)
    assert "[link=http://example.com]click me[/link]" in proc.stdout.decode()


def test_thousands_of_programs_end_quickly_with_a_clear_error(tmp_path: Path) -> None:
    data = many_programs(5_000)  # about 60 MB: under the 100 MB file limit, so the count is what is refused
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(data))
    assert_clean(run(["--data", str(path), "compare", "--json"], timeout=60), 2, "at most 100 programs")


def test_a_hundred_programs_still_work(tmp_path: Path) -> None:
    data = many_programs(100)
    path = tmp_path / "many.json"
    path.write_text(json.dumps(data))
    proc = run(["--data", str(path), "compare", "--json"], timeout=120)
    assert_clean(proc, 0)
    assert len(json.loads(proc.stdout)["programs"]) == 100
    # The quiz re-scores the catalog to find what would change: with the largest catalog it still ends.
    proc = run(["--data", str(path), "quiz", "--defaults", "--set", "goal=billing", "--json"], timeout=120)
    assert_clean(proc, 0)
    assert len(json.loads(proc.stdout)["ranking"]) == 100


# --- output and terminal ---------------------------------------------------------------


def test_a_reader_that_has_gone_ends_the_run_quietly(tmp_path: Path) -> None:
    # As `pathfinder ... | head -1` when head has gone before the output comes: the reading end of the pipe
    # is closed before pathfinder writes (it takes far longer to start than this takes), so its write fails
    # with a broken pipe every time: exit 1, with nothing on standard error.
    data = many_programs(100)
    path = tmp_path / "many.json"
    path.write_text(json.dumps(data))
    for command in (["compare", "--json"], ["compare"], ["quiz", "--defaults", "--json"]):
        proc = subprocess.Popen([pathfinder_bin(), "--data", str(path), *command], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "80"})
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=120) == 1, err
        assert err == "", err


def test_stdout_closed() -> None:
    proc = subprocess.run(["bash", "-c", f"{pathfinder_bin()} compare --json >&-"], capture_output=True, timeout=30)
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "standard output is closed" in err and "Traceback" not in err


def test_term_dumb_has_no_escape_codes() -> None:
    proc = run(["quiz", "--defaults"], env={"TERM": "dumb", "NO_COLOR": ""})
    assert_clean(proc, 0)
    assert not ANSI.search(proc.stdout.decode())


def _in_pty(args: list[str], env: dict[str, str]) -> str:
    import pexpect

    child = pexpect.spawn(pathfinder_bin(), args, env={**os.environ, **env}, dimensions=(50, 120), timeout=30,
                          encoding="utf-8")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return str(child.before)


def test_no_color_removes_colour_in_a_terminal() -> None:
    base = {"TERM": "xterm-256color", "COLUMNS": "120"}
    coloured = _in_pty(["quiz", "--defaults"], {**base, "NO_COLOR": ""})
    assert COLOUR.search(coloured), "a terminal without NO_COLOR should get colour"
    plain = _in_pty(["quiz", "--defaults"], {**base, "NO_COLOR": "1"})
    assert not COLOUR.search(plain)
    flag = _in_pty(["--no-color", "quiz", "--defaults"], {**base, "NO_COLOR": ""})
    assert not COLOUR.search(flag)


@pytest.mark.parametrize("width", [40, 60, 140])
def test_narrow_and_wide_terminals(width: int) -> None:
    for command in (["compare"], ["quiz", "--defaults", "--set", "budget_usd=5000"]):
        proc = run(command, env={"COLUMNS": str(width)})
        assert_clean(proc, 0)
        lines = proc.stdout.decode().splitlines()
        assert max(len(line) for line in lines) <= width


def test_ascii_only_terminal_falls_back_to_ascii_boxes() -> None:
    proc = run(["quiz", "--defaults"], env={"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"})
    assert_clean(proc, 0)
    proc.stdout.decode("ascii")  # every byte is ASCII
    assert b"+-" in proc.stdout and b"|" in proc.stdout


def test_c_locale_runs() -> None:
    proc = run(["compare"], env={"LANG": "C", "LC_ALL": "C"})
    assert_clean(proc, 0)
    assert b"Medical Billing and Coding" in proc.stdout


def test_read_only_current_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        proc = run(["quiz", "--defaults", "--json"], cwd=folder)
        assert_clean(proc, 0)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)
    # /proc refuses new files even for root: the save is refused before any question.
    proc = run(["quiz", "--set", "goal=billing", "--save-answers", "answers.json"], cwd=Path("/proc"))
    assert_clean(proc, 2, "not writable")


def test_home_unset() -> None:
    env = {k: v for k, v in os.environ.items() if k != "HOME"}
    env.update({"COLUMNS": "80", "NO_COLOR": "1"})
    proc = subprocess.run([pathfinder_bin(), "quiz", "--defaults"], capture_output=True, env=env, timeout=30)
    assert_clean(proc, 0)


# --- files pathfinder writes ---------------------------------------------------------


def test_save_answers_to_missing_folder_fails_before_questions(tmp_path: Path) -> None:
    target = tmp_path / "nope" / "answers.json"
    assert_clean(run(["quiz", "--save-answers", str(target)]), 2, "does not exist")
    assert not target.parent.exists()


def test_save_answers_folder_not_writable_fails_before_questions() -> None:
    assert_clean(run(["quiz", "--save-answers", "/proc/answers.json"]), 2, "not writable")


def test_save_answers_onto_a_folder(tmp_path: Path) -> None:
    assert_clean(run(["quiz", "--defaults", "--save-answers", str(tmp_path)]), 2, "is a folder")


def test_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pathfinder.errors import PathfinderError
    from pathfinder.files import write_atomic

    target = tmp_path / "answers.json"
    target.write_text('{"old": true}\n')

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(PathfinderError, match="No space left on device"):
        write_atomic(target, "x" * 100_000, "--save-answers")
    assert target.read_text() == '{"old": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["answers.json"]


def test_interrupted_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pathfinder.files import write_atomic

    target = tmp_path / "answers.json"
    target.write_text('{"old": true}\n')

    def interrupted(_src: str, _dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, '{"new": true}\n')
    assert target.read_text() == '{"old": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["answers.json"]


def test_successful_write_replaces_and_keeps_mode(tmp_path: Path) -> None:
    target = tmp_path / "answers.json"
    target.write_text("old")
    target.chmod(0o640)
    proc = run(["quiz", "--defaults", "--save-answers", str(target)])
    assert_clean(proc, 0)
    assert json.loads(target.read_text())["timeline_months"] == 48
    assert target.stat().st_mode & 0o777 == 0o640


# --- found by a new-user review ---------------------------------------------------------


def test_json_stays_utf8_on_an_ascii_terminal(tmp_path: Path) -> None:
    data = shipped()
    data["programs"][0]["name"] = "Caf\u00e9 \u00fcnicode"
    path = tmp_path / "uni.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    proc = run(["--data", str(path), "compare", "--json"], env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"})
    assert_clean(proc, 0)
    assert json.loads(proc.stdout.decode("utf-8"))["programs"][0]["name"] == "Caf\u00e9 \u00fcnicode"


def test_bidirectional_override_is_refused(tmp_path: Path) -> None:
    data = shipped()
    data["programs"][0]["name"] = "abc\u202edef"
    path = tmp_path / "bidi.json"
    path.write_text(json.dumps(data))
    assert_clean(run(["--data", str(path), "compare"]), 2, "programs[0].name: control character 0x202e")


def test_saved_files_follow_the_umask_and_symlinks(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    link = tmp_path / "link.json"
    proc = subprocess.run(["bash", "-c", f"umask 022; {pathfinder_bin()} quiz --defaults --save-answers {target}"],
                          capture_output=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert target.stat().st_mode & 0o777 == 0o644
    link.symlink_to(target)
    assert_clean(run(["quiz", "--defaults", "--set", "goal=billing", "--save-answers", str(link)]), 0)
    assert link.is_symlink()
    assert json.loads(target.read_text())["goal"] == "billing"


def test_set_reads_numbers_as_the_prompt_does() -> None:
    proc = run(["quiz", "--defaults", "--set", "budget_usd=$4,000", "--set", "timeline_months=12", "--json"])
    assert_clean(proc, 0)
    assert json.loads(proc.stdout)["answers"]["budget_usd"] == 4000


def test_score_with_a_bad_csv_header_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "typo.csv"
    path.write_text("Budjet USD,Goal\n1,billing\n")  # Budget_USD and Goal would match, case and all
    proc = run(["score", str(path), "--format", "csv"])
    assert_clean(proc, 2, "did you mean 'budget_usd'")
    assert proc.stdout == b""

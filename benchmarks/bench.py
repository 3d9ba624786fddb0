#!/usr/bin/env python3
"""pathfinder benchmarks: start-up against the floors of the stack, batch throughput, memory.

    python3 scripts/dev.py bench             everything (several minutes)
    python3 scripts/dev.py bench --quick     smaller inputs, fewer runs (about a minute)
    .venv/bin/python benchmarks/bench.py --runs 30

Standard library only. Run it with the Python of the environment to measure (dev.py uses
.venv): the commands measured are that environment's ``pathfinder`` and ``python``.

- Start-up: every command is run as a whole process, interleaved run for run with its
  reference: F, ``python -c "import typer"`` (for --version and --help); R, a Typer app whose
  one command has one value option, not given (Typer 0.29 imports pydantic to convert such an
  option, so R is the floor of any command that takes a value); Rr, R that also imports rich
  and prints a table (the floor of ``compare``); Rq, R that imports questionary and prints a
  marker. A command that prints and exits is timed until it has exited; the quiz and Rq, in a
  pseudo-terminal, until the first question (the marker) is on the screen. A ratio is the
  median of the per-run ratios to the reference measured in the same round.
- Throughput: ``pathfinder score FILE`` against a bare loop that reads the same file,
  ``json.loads`` each line and ``json.dumps`` it back, both as whole processes, run in
  pairs; the ratio is the median of the pairs' ratios. 100,000 random answer sets (budgets
  any whole amount) for JSON Lines and CSV out; a fifth of them for xlsx; fewer for ``--full``,
  which is slower.
- Memory: the peak resident set (ru_maxrss: the largest of the process and its helper
  processes) of ``pathfinder score -`` for 10,000 and 100,000 lines on standard input.
Prints a Markdown table and the machine it ran on. These are figures to report, not tests.

The measured processes run without PYTHONDONTWRITEBYTECODE, so Python keeps its bytecode
caches as on any ordinary install (scripts/dev.py installs without compiling: each module is
compiled when first imported). Every command is run once before timing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pty
import random
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

BIN = Path(sys.executable).parent
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
PYTHON = str(BIN / "python")
PATHFINDER = str(BIN / "pathfinder")
FLOOR = [PYTHON, "-c", "import typer"]

# The references, each what a command of its kind cannot go below on this machine (Typer 0.29 converts the value of
# every parameter that is not a flag holding a bool through a pydantic TypeAdapter, even one not given, so a
# command with a value option, as every measured command has, imports pydantic and builds an adapter):
# - R: a one-command Typer app with one value option, not given;
# - Rr: R whose command imports rich and prints a small table (what `compare` must do at least);
# - Rq: R whose command imports questionary and prints a marker, timed in a pseudo-terminal until the marker is
#   on screen, as the quiz is timed until its first question is (what any quiz drawn with questionary costs).
REFERENCE_APP = """
from typing import Optional
import typer
app = typer.Typer(add_completion=False)
@app.command()
def run(name: Optional[str] = typer.Option(None, "--name")) -> None:
{body}
app([], prog_name="floor")
"""
R_BODY = "    pass"
RR_BODY = """\
    from rich.console import Console
    from rich.table import Table
    table = Table("program", "cost")
    table.add_row("HIM", "$7,000-$25,000")
    Console().print(table)"""
RQ_BODY = """\
    import sys
    import questionary
    sys.stderr.write("1 of 10\\n")
    sys.stderr.flush()
    import time
    time.sleep(30)"""

FLOOR_LOOP = """
import json, sys
with open(sys.argv[1], "rb") as source, open(sys.argv[2], "w") as out:
    for line in source:
        out.write(json.dumps(json.loads(line)) + "\\n")
"""

# name -> (reference, goal): at most ``goal`` times the reference's time, as medians of interleaved runs.
STARTUP_GOALS = {
    "--version": ("F", 1.0), "--help": ("F", 1.05), "questions --json": ("R", 1.0), "compare --json": ("R", 1.0),
    "compare": ("Rr", 1.05), "quiz": ("Rq", 1.1),
}
REFERENCES = {"R": "F", "Rr": "R", "Rq": "R"}  # each reference's ratio is shown to the one below it
THROUGHPUT_GOALS = {"jsonl": 0.30, "csv": 0.25, "xlsx": 0.10, "full": 0.02}  # at least this ratio to the floor loop
MEMORY_GOAL_MB = 10.0


def run_quiet(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env or ENV, check=False)
    return time.perf_counter() - start


def first_question(env: dict[str, str], cmd: list[str] | None = None, marker: bytes = b"1 of ",
                   timeout: float = 30.0) -> float:
    """Seconds from starting ``cmd`` (``pathfinder quiz``) in a pseudo-terminal until ``marker`` is on screen."""
    cmd = cmd or [PATHFINDER, "quiz"]
    import fcntl
    import struct
    import termios

    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: become pathfinder
        try:
            os.execve(cmd[0], cmd, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    seen = b""
    elapsed = float("nan")
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            seen += data
            if marker in seen:
                elapsed = time.perf_counter() - start
                break
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    if elapsed != elapsed:
        raise RuntimeError(f"the first question never appeared; the screen showed: {seen[-500:]!r}")
    return elapsed


def startup(runs: int, workdir: Path) -> dict[str, tuple[float, float]]:
    """Median seconds and median per-run ratio to the command's reference (for a reference, to the one below it).
    Commands that print and exit are timed until they have exited (their output is complete only then), the quiz
    and Rq until their marker is on screen; every round runs each once, in the same order."""
    apps = {}
    for name, body in (("R", R_BODY), ("Rr", RR_BODY), ("Rq", RQ_BODY)):
        apps[name] = workdir / f"reference_{name}.py"
        apps[name].write_text(REFERENCE_APP.format(body=body))
    env = {**ENV, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40"}
    env.pop("NO_COLOR", None)
    commands = {
        "R": [PYTHON, str(apps["R"])],
        "Rr": [PYTHON, str(apps["Rr"])],
        "--version": [PATHFINDER, "--version"],
        "--help": [PATHFINDER, "--help"],
        "questions --json": [PATHFINDER, "questions", "--json"],
        "compare --json": [PATHFINDER, "compare", "--json"],
        "compare": [PATHFINDER, "compare"],
    }
    rq = [PYTHON, str(apps["Rq"])]
    for cmd in [FLOOR, *commands.values(), [PATHFINDER, "quiz", "--defaults", "--json"]]:
        run_quiet(cmd, env)  # warm the file cache and the bytecode caches once
    first_question(env)
    first_question(env, rq)
    times: dict[str, list[float]] = {"F": [], **{name: [] for name in commands}, "Rq": [], "quiz": []}
    ratios: dict[str, list[float]] = {name: [] for name in times}
    for _ in range(runs):
        took = {"F": run_quiet(FLOOR, env)}
        for name, cmd in commands.items():
            took[name] = run_quiet(cmd, env)
        took["Rq"] = first_question(env, rq)
        took["quiz"] = first_question(env)
        for name, seconds in took.items():
            reference = STARTUP_GOALS[name][0] if name in STARTUP_GOALS else REFERENCES.get(name, "F")
            times[name].append(seconds)
            ratios[name].append(seconds / took[reference])
    return {name: (statistics.median(times[name]), statistics.median(ratios[name])) for name in times}


def question_specs() -> list[dict[str, object]]:
    out = subprocess.run([PATHFINDER, "questions", "--json"], capture_output=True, check=True, text=True,
                         env=ENV).stdout
    return json.loads(out)["questions"]  # type: ignore[no-any-return]


def answer_lines(count: int, seed: int = 4) -> Iterator[bytes]:
    """``count`` random valid answer sets, one JSON object a line, the same for the same seed. Budgets are
    any whole amount (so rarely the same twice), and 15% of them not sure."""
    specs = question_specs()
    rng = random.Random(seed)
    for _ in range(count):
        answers: dict[str, object] = {}
        for q in specs:
            if q["kind"] == "choice":
                answers[str(q["id"])] = rng.choice([c["value"] for c in q["choices"]])  # type: ignore[attr-defined]
            elif q["kind"] == "integer":
                answers[str(q["id"])] = rng.randint(int(q["minimum"]), int(q["maximum"]))  # type: ignore[call-overload]
            else:  # budgets, sometimes not sure
                answers[str(q["id"])] = None if rng.random() < 0.15 else rng.randrange(0, 60001)
        yield (json.dumps(answers) + "\n").encode()


def throughput(lines: int, full_lines: int, repeats: int, workdir: Path) -> dict[str, tuple[float, float, int]]:
    """For each way of scoring: lines a second (median), the median ratio to the floor loop run beside it on the
    same file, and the number of lines."""
    sizes = {"jsonl": lines, "csv": lines, "xlsx": max(1, lines // 5), "full": full_lines}
    files: dict[int, Path] = {}
    for size in set(sizes.values()):
        files[size] = workdir / f"answers-{size}.jsonl"
        with files[size].open("wb") as out:
            for line in answer_lines(size):
                out.write(line)
    floor_script = workdir / "floor_loop.py"
    floor_script.write_text(FLOOR_LOOP)
    options = {"jsonl": [], "csv": ["--format", "csv"], "xlsx": ["--format", "xlsx"], "full": ["--full"]}
    found: dict[str, tuple[float, float, int]] = {}
    for name, size in sizes.items():
        cmd = [PATHFINDER, "score", str(files[size]), *options[name]]
        floor = [PYTHON, str(floor_script), str(files[size]), os.devnull]
        check = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV, check=False)
        if check.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd[1:])} failed: {check.stderr[-500:]}")
        bases: list[float] = []
        ours: list[float] = []
        for _ in range(repeats):
            bases.append(run_quiet(floor))
            ours.append(run_quiet(cmd))
        ratio = statistics.median(base / took for base, took in zip(bases, ours, strict=True))
        found[name] = (size / statistics.median(ours), ratio, size)
        found[f"floor {name}"] = (size / statistics.median(bases), 1.0, size)
    return found


def peak_memory_mb(lines: int) -> float:
    """Peak resident set of ``pathfinder score -`` fed ``lines`` answer sets on standard input."""
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen([PATHFINDER, "score", "-"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=errors, env=ENV)
        assert proc.stdin is not None
        batch: list[bytes] = []
        for line in answer_lines(lines, seed=5):
            batch.append(line)
            if len(batch) >= 1000:
                proc.stdin.write(b"".join(batch))
                batch.clear()
        proc.stdin.write(b"".join(batch))
        proc.stdin.close()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"pathfinder score - failed: {errors.read()[-500:]!r}")
    return usage.ru_maxrss / 1024  # kilobytes on Linux


def machine() -> list[str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = []
    from importlib import metadata

    for name in ("typer", "pydantic", "pydantic-core", "rich", "questionary"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    return [
        f"- Platform: {platform.platform()}",
        f"- CPU: {cpu}, {os.cpu_count()} logical cores",
        f"- Python: {platform.python_version()} ({platform.python_implementation()})",
        f"- Packages: {', '.join(versions)}",
    ]


def verdict(ok: bool) -> str:
    return "met" if ok else "missed"


def helper_count() -> str:
    try:
        out = subprocess.run([PYTHON, "-c", "from pathfinder.batch.run import helpers_available as h; print(h())"],
                             capture_output=True, text=True, check=True, env=ENV).stdout.strip()
    except (subprocess.CalledProcessError, OSError):
        return "unknown"
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=None, help="start-up runs per command (default 21; 7 with --quick)")
    parser.add_argument("--quick", action="store_true", help="smaller inputs and fewer runs")
    parser.add_argument("--lines", type=int, default=None,
                        help="lines for the throughput runs (default 100000; 20000 with --quick)")
    parser.add_argument("--full-lines", type=int, default=None,
                        help="lines for the --full run (default 5000; 1000 with --quick)")
    parser.add_argument("--repeats", type=int, default=None,
                        help="pairs per throughput run (default 5; 3 with --quick)")
    parser.add_argument("--skip-memory", action="store_true", help="leave out the memory runs")
    args = parser.parse_args(argv)
    runs = args.runs or (7 if args.quick else 21)
    lines = args.lines or (20_000 if args.quick else 100_000)
    full_lines = args.full_lines or (1_000 if args.quick else 5_000)
    repeats = args.repeats or (3 if args.quick else 5)
    small, large = 10_000, 100_000
    if not Path(PATHFINDER).exists():
        print(f"bench: {PATHFINDER} not found; run it with the environment's Python (python3 scripts/dev.py bench)",
              file=sys.stderr)
        return 2

    print(f"bench: start-up, {runs} interleaved runs each ...", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="pathfinder-bench-") as temp:
        workdir = Path(temp)
        started = startup(runs, workdir)
        print(f"bench: throughput on {lines:,} lines ({full_lines:,} for --full), {repeats} pairs each ...",
              file=sys.stderr)
        rates = throughput(lines, full_lines, repeats, workdir)
    memory = None
    if not args.skip_memory:
        print(f"bench: peak memory for {small:,} and {large:,} lines ...", file=sys.stderr)
        memory = (peak_memory_mb(small), peak_memory_mb(large))

    rows = ["| measurement | median | ratio | goal | |", "| --- | ---: | ---: | ---: | --- |"]
    reference_labels = {
        "F": "F: `python -c \"import typer\"`",
        "R": "R: a Typer command with one value option, not given",
        "Rr": "Rr: R that imports rich and prints a table",
        "Rq": "Rq: R that imports questionary and prints a marker (pty, to the marker)",
    }
    for name, label in reference_labels.items():
        seconds, ratio = started[name]
        shown = "1.00" if name == "F" else f"{ratio:.2f} of {REFERENCES[name]}"
        rows.append(f"| {label} | {seconds * 1000:.0f} ms | {shown} | | |")
    labels = {
        "questions --json": "`pathfinder questions --json`", "compare --json": "`pathfinder compare --json`",
        "compare": "`pathfinder compare` (Rich table)", "quiz": "`pathfinder quiz`: first question on screen (pty)",
        "--help": "`pathfinder --help`", "--version": "`pathfinder --version`",
    }
    for name, (reference, goal) in STARTUP_GOALS.items():
        seconds, ratio = started[name]
        rows.append(f"| {labels[name]} | {seconds * 1000:.0f} ms | {ratio:.2f} of {reference} | <= {goal} | "
                    f"{verdict(round(ratio, 2) <= goal)} |")  # decided on the figure shown
    score_labels = {"jsonl": "`pathfinder score` (lean JSON lines)", "csv": "`pathfinder score --format csv`",
                    "xlsx": "`pathfinder score --format xlsx`", "full": "`pathfinder score --full`"}
    for name, label in score_labels.items():
        rate, ratio, size = rates[name]
        floor_rate = rates[f"floor {name}"][0]
        goal = THROUGHPUT_GOALS[name]
        rows.append(f"| {label}, {size:,} lines (floor loop: {floor_rate:,.0f} lines/s) | {rate:,.0f} lines/s | "
                    f"{ratio:.3f} of the floor loop | >= {goal} | {verdict(round(ratio, 3) >= goal)} |")
    if memory is not None:
        low, high = memory
        rows.append(f"| peak memory, `pathfinder score -` of {small:,} lines | {low:.1f} MB | | | |")
        rows.append(f"| peak memory, `pathfinder score -` of {large:,} lines | {high:.1f} MB | {high - low:+.1f} MB | "
                    f"<= +{MEMORY_GOAL_MB:g} MB | {verdict(round(high - low, 1) <= MEMORY_GOAL_MB)} |")
    print("\n".join(rows))
    print()
    print(f"Measured {time.strftime('%Y-%m-%d')}; start-up: {runs} interleaved runs, medians of per-run ratios; "
          f"throughput: whole processes, median of {repeats} pairs with the floor loop.")
    print("\n".join([*machine(), f"- Helper processes for a long `score`: {helper_count()}"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

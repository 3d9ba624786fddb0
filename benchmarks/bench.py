#!/usr/bin/env python3
"""pathfinder benchmarks: start-up against the floor of the stack, batch throughput, memory.

    python3 scripts/dev.py bench             everything (a few minutes: memory scores 1,000,000 lines)
    python3 scripts/dev.py bench --quick     smaller sizes, fewer runs (about a minute)
    .venv/bin/python benchmarks/bench.py --runs 30

Standard library only. Run it with the Python of the environment to measure (dev.py uses
.venv): the commands measured are that environment's ``pathfinder`` and ``python``.

- Start-up: each command is run as a whole process, interleaved run for run with the floor,
  ``python -c "import typer"``; a ratio is the median of the per-run ratios.
- Quiz: time from starting ``pathfinder quiz`` in a pseudo-terminal until the first question's
  text is on the screen.
- Throughput: ``pathfinder score FILE`` against a bare loop that reads the same file,
  ``json.loads`` each line and ``json.dumps`` it back, both as whole processes, side by side,
  on 100,000 random answer sets: enough that the fixed start-up (measured above) weighs little.
  Budgets are any whole amount (rarely the same twice, the worst case for what ``score``
  remembers between lines), and again rounded to $250.
- Memory: the peak resident set (ru_maxrss) of ``pathfinder score`` for a small and a large
  input (whole-dollar budgets), streamed in on standard input.
Prints a Markdown table and the machine it ran on. These are figures to report, not tests.

The measured processes run without PYTHONDONTWRITEBYTECODE, so Python keeps its bytecode
caches as on any ordinary install (pip compiles installed packages; an editable install
compiles pathfinder's own modules on first use). Every command is run once before timing.
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
from pathlib import Path

BIN = Path(sys.executable).parent
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
PYTHON = str(BIN / "python")
PATHFINDER = str(BIN / "pathfinder")
FLOOR = [PYTHON, "-c", "import typer"]

# Two Typer 0.29 apps for reference. Typer converts the value of every parameter that is not a flag holding
# a bool through a pydantic TypeAdapter, even a parameter that was not given: so a command with one option
# that takes a value (as every measured pathfinder command has) imports pydantic and builds an adapter.
# Typer's own --help counts as such a parameter (its value is None when not given), so the flags-only app
# declares --help as a plain flag, to show that the cost comes from the value option alone.
TYPER_VALUE_OPTION_APP = """
from typing import Optional
import typer
app = typer.Typer(add_completion=False)
@app.command()
def run(name: Optional[str] = typer.Option(None, "--name")) -> None:
    pass
app([], prog_name="floor")
"""

TYPER_FLAGS_ONLY_APP = """
import typer
def show_help(ctx: typer.Context, value: bool) -> None:
    if value:
        print(ctx.get_help())
        raise typer.Exit()
app = typer.Typer(add_completion=False, add_help_option=False)
@app.command(add_help_option=False)
def run(
    quiet: bool = typer.Option(False, "--quiet"),
    help: bool = typer.Option(False, "--help", is_eager=True, expose_value=False, callback=show_help),
) -> None:
    pass
app([], prog_name="floor")
"""

FLOOR_LOOP = """
import json, sys
with open(sys.argv[1], "rb") as source, open(sys.argv[2], "w") as out:
    for line in source:
        out.write(json.dumps(json.loads(line)) + "\\n")
"""

STARTUP_GOALS = {"--version": 1.15, "compare --json": 2.0, "compare": 2.6, "--help": 2.2, "quiz": 3.5}
THROUGHPUT_GOAL = 0.25
MEMORY_GOAL_MB = 10.0


def run_quiet(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env or ENV, check=False)
    return time.perf_counter() - start


def first_question(env: dict[str, str], marker: bytes = b"1 of ", timeout: float = 30.0) -> float:
    """Seconds from starting ``pathfinder quiz`` in a pseudo-terminal until ``marker`` is on screen."""
    import fcntl
    import struct
    import termios

    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: become pathfinder
        try:
            os.execve(PATHFINDER, [PATHFINDER, "quiz"], env)
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
    """Median seconds and median per-run ratio to the floor, for every start-up measurement."""
    value_app = workdir / "typer_value_option.py"
    value_app.write_text(TYPER_VALUE_OPTION_APP)
    flags_app = workdir / "typer_flags_only.py"
    flags_app.write_text(TYPER_FLAGS_ONLY_APP)
    env = {**ENV, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40"}
    env.pop("NO_COLOR", None)
    commands = {
        "typer value option": [PYTHON, str(value_app)],
        "typer flags only": [PYTHON, str(flags_app)],
        "--version": [PATHFINDER, "--version"],
        "compare --json": [PATHFINDER, "compare", "--json"],
        "compare": [PATHFINDER, "compare"],
        "--help": [PATHFINDER, "--help"],
    }
    times: dict[str, list[float]] = {"floor": [], **{name: [] for name in commands}, "quiz": []}
    ratios: dict[str, list[float]] = {name: [] for name in times}
    for name in commands:  # warm the file cache and the bytecode caches once
        run_quiet(commands[name], env)
    run_quiet(FLOOR)
    run_quiet([PATHFINDER, "quiz", "--defaults", "--json"])
    first_question(env)
    for _ in range(runs):
        floor = run_quiet(FLOOR)
        times["floor"].append(floor)
        ratios["floor"].append(1.0)
        for name, cmd in commands.items():
            took = run_quiet(cmd, env)
            times[name].append(took)
            ratios[name].append(took / floor)
        floor = run_quiet(FLOOR)
        took = first_question(env)
        times["quiz"].append(took)
        ratios["quiz"].append(took / floor)
    return {name: (statistics.median(times[name]), statistics.median(ratios[name])) for name in times}


def question_specs() -> list[dict[str, object]]:
    out = subprocess.run([PATHFINDER, "questions", "--json"], capture_output=True, check=True, text=True,
                         env=ENV).stdout
    return json.loads(out)["questions"]  # type: ignore[no-any-return]


def answer_lines(count: int, seed: int = 4, budget_step: int = 1) -> object:
    """``count`` random valid answer sets, one JSON object a line, the same for the same seed. Budgets are
    any whole amount by default (so rarely the same twice: the worst case for what ``score`` remembers), or
    multiples of ``budget_step``."""
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
                answers[str(q["id"])] = None if rng.random() < 0.15 else rng.randrange(0, 60001, budget_step)
        yield (json.dumps(answers) + "\n").encode()


def throughput(lines: int, repeats: int, workdir: Path) -> dict[str, float]:
    """Lines a second for the floor and for ``score``, on whole-dollar budgets and on budgets rounded to $250
    (each against the floor on its own file), and for ``score --format csv`` on whole-dollar budgets."""
    files = {"whole": workdir / "answers.jsonl", "rounded": workdir / "answers-250.jsonl"}
    for name, path in files.items():
        with path.open("wb") as out:
            for line in answer_lines(lines, budget_step=1 if name == "whole" else 250):
                out.write(line)
    floor_script = workdir / "floor_loop.py"
    floor_script.write_text(FLOOR_LOOP)
    pairs = {  # each measurement, and the floor run beside it
        "jsonl": ([PATHFINDER, "score", str(files["whole"])], "floor"),
        "csv": ([PATHFINDER, "score", str(files["whole"]), "--format", "csv"], "floor"),
        "jsonl rounded": ([PATHFINDER, "score", str(files["rounded"])], "floor rounded"),
    }
    floors = {"floor": [PYTHON, str(floor_script), str(files["whole"]), os.devnull],
              "floor rounded": [PYTHON, str(floor_script), str(files["rounded"]), os.devnull]}
    check = subprocess.run(pairs["jsonl"][0], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV,
                           check=False)
    if check.returncode != 0:
        raise RuntimeError(f"pathfinder score failed: {check.stderr[-500:]}")
    found: dict[str, list[float]] = {name: [] for name in (*pairs, *floors)}
    for _ in range(repeats):
        for name, (cmd, floor) in pairs.items():
            found[floor].append(run_quiet(floors[floor]))
            found[name].append(run_quiet(cmd))
    return {name: lines / statistics.median(seconds) for name, seconds in found.items()}


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


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=None, help="start-up runs per command (default 21; 7 with --quick)")
    parser.add_argument("--quick", action="store_true", help="smaller inputs and fewer runs")
    parser.add_argument("--lines", type=int, default=None,
                        help="lines for the throughput run (default 100000; 20000 with --quick)")
    parser.add_argument("--skip-memory", action="store_true", help="leave out the memory runs")
    args = parser.parse_args(argv)
    runs = args.runs or (7 if args.quick else 21)
    lines = args.lines or (20_000 if args.quick else 100_000)
    small, large = (10_000, 100_000) if args.quick else (10_000, 1_000_000)
    if not Path(PATHFINDER).exists():
        print(f"bench: {PATHFINDER} not found; run it with the environment's Python (python3 scripts/dev.py bench)",
              file=sys.stderr)
        return 2

    print(f"bench: start-up, {runs} interleaved runs each ...", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="pathfinder-bench-") as temp:
        workdir = Path(temp)
        started = startup(runs, workdir)
        print(f"bench: throughput on {lines:,} lines ...", file=sys.stderr)
        rates = throughput(lines, 3, workdir)
    memory = None
    if not args.skip_memory:
        print(f"bench: peak memory for {small:,} and {large:,} lines ...", file=sys.stderr)
        memory = (peak_memory_mb(small), peak_memory_mb(large))

    rows = ["| measurement | median | ratio to the floor | goal | |", "| --- | ---: | ---: | ---: | --- |"]
    floor_ms = started["floor"][0] * 1000
    rows.append(f"| floor: `python -c \"import typer\"` | {floor_ms:.0f} ms | 1.00 | | |")
    labels = {
        "--version": "`pathfinder --version`", "compare --json": "`pathfinder compare --json`",
        "compare": "`pathfinder compare` (Rich table)", "--help": "`pathfinder --help`",
        "quiz": "`pathfinder quiz`: first question on screen (pty)",
        "typer value option": "for reference: a Typer command with one option that takes a value, not given",
        "typer flags only": "for reference: a Typer command with only flags (`--help` declared as one)",
    }
    for name in ("--version", "compare --json", "compare", "--help", "quiz", "typer value option", "typer flags only"):
        seconds, ratio = started[name]
        goal = STARTUP_GOALS.get(name)
        goal_text = f"<= {goal}" if goal else ""
        mark = verdict(ratio <= goal) if goal else ""
        rows.append(f"| {labels[name]} | {seconds * 1000:.0f} ms | {ratio:.2f} | {goal_text} | {mark} |")
    floor_rate = rates["floor"]
    rows.append(f"| floor: read, `json.loads`, `json.dumps` a line ({lines:,} lines) | {floor_rate:,.0f} lines/s "
                "| 1.00 | | |")
    for name, label in (("jsonl", "`pathfinder score` (JSON Lines out), any whole-dollar budget"),
                        ("csv", "`pathfinder score --format csv`, any whole-dollar budget"),
                        ("jsonl rounded", "`pathfinder score` (JSON Lines out), budgets rounded to $250")):
        ratio = rates[name] / rates["floor rounded" if name == "jsonl rounded" else "floor"]
        goal_text = f">= {THROUGHPUT_GOAL}" if name == "jsonl" else ""
        mark = verdict(ratio >= THROUGHPUT_GOAL) if name == "jsonl" else ""
        rows.append(f"| {label} | {rates[name]:,.0f} lines/s | {ratio:.2f} | {goal_text} | {mark} |")
    if memory is not None:
        low, high = memory
        rows.append(f"| peak memory, `pathfinder score` of {small:,} lines | {low:.1f} MB | | | |")
        rows.append(f"| peak memory, `pathfinder score` of {large:,} lines | {high:.1f} MB | {high - low:+.1f} MB | "
                    f"<= +{MEMORY_GOAL_MB:g} MB | {verdict(high - low <= MEMORY_GOAL_MB)} |")
    print("\n".join(rows))
    print()
    print(f"Measured {time.strftime('%Y-%m-%d')}; {runs} runs for start-up, medians; "
          f"throughput as whole processes, median of 3.")
    print("\n".join(machine()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Set up a local virtual environment (once) and run pathfinder, its tests or its linters in it.

    python3 scripts/dev.py quiz [OPTIONS]    set up what running needs, then start `pathfinder quiz`
    python3 scripts/dev.py run  [ARGS]       set up what running needs, then run `pathfinder ARGS`
    python3 scripts/dev.py test [PYTEST ARGS] set up the test tools too, then run the whole test suite
    python3 scripts/dev.py bench [ARGS]      set up, then run the benchmarks
    python3 scripts/dev.py lint              set up, then run `ruff check`, `mypy` and `vulture` (dead code)
    python3 scripts/dev.py coverage [ARGS]   set up, then run the tests under coverage (branches, and every
                                             pathfinder process the tests start) and report it
    python3 scripts/dev.py mutation [ARGS]   set up, then mutation-test scoring, projection and the
                                             what-would-change search with mutmut, and report the score
    python3 scripts/dev.py lock [--upgrade]  write requirements/run.lock and test.lock again from pyproject.toml
    python3 scripts/dev.py i18n COMMAND      set up, then the message catalogs' workflow (Babel): extract
                                             (the .pot from the code), update (the .po files from the .pot),
                                             compile (.po to .mo) or check (fails on a stale .pot, or on an
                                             untranslated or fuzzy entry); see scripts/catalogs.py

Safe to run again: .venv is installed from a lock file (exact versions, each file checked against its
hash) and only reinstalled when pyproject.toml or that lock changes; a .venv whose pip does not work is
made again. `quiz` and `run` install requirements/run.lock (pathfinder's dependencies and the build
backend); the other commands requirements/test.lock (the same, plus the test, lint and measuring tools).
pip's own output is kept off the screen and shown only when a step fails. Needs only python3 and a
reachable package index. For `test`, the system tools the suite uses are installed with apt-get when
missing (Debian's chromium, for the browser tests; jq, for the README's examples; poppler-utils, to read
the printed report's pages), as root or through `sudo -n`, never waiting for a password; and the browser
tests' node packages (tests/browser) are installed with `npm ci` when node and npm exist. Every step that
reaches the network has a time limit, so a set-up never waits for ever.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".pathfinder-installed"
PYPROJECT = ROOT / "pyproject.toml"
RUN_LOCK = ROOT / "requirements" / "run.lock"
TEST_LOCK = ROOT / "requirements" / "test.lock"
LOCKS = {"run": RUN_LOCK, "test": TEST_LOCK}  # test.lock holds every pin of run.lock, at the same version
BROWSER_TESTS = ROOT / "tests" / "browser"
NODE_MODULES = BROWSER_TESTS / "node_modules"
NODE_STAMP = NODE_MODULES / ".pathfinder-installed"

# Time limits in seconds: generous for a slow network, but a stuck step ends and says so.
QUICK = 120
INSTALL = 1800

# command -> Debian package, for the tools the test suite runs besides Python.
TEST_TOOLS = {"chromium": "chromium", "jq": "jq", "pdftotext": "poppler-utils", "pdfinfo": "poppler-utils"}


class SetupError(Exception):
    """A set-up step failed; the message says which and what to do."""


def say(message: str) -> None:
    print(f"pathfinder: {message}", file=sys.stderr, flush=True)


def _bin(name: str, env: Path = VENV) -> Path:
    folder = "Scripts" if os.name == "nt" else "bin"
    return env / folder / name


def _digest(*files: Path) -> str:
    """One hash of several files' names and contents (a missing file counts as empty)."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode() + b"\0")
        digest.update(file.read_bytes() if file.is_file() else b"")
        digest.update(b"\0")
    return digest.hexdigest()


def _run(args: list[str], *, timeout: int, cwd: Path | None = None, env: dict[str, str] | None = None,
         capture: bool = False, quiet: bool = False) -> str:
    """Run a set-up step with no standard input and a time limit; return its output if captured. A ``quiet``
    step's output (pip's notes and warnings) is kept, and printed only if the step fails."""
    kept = subprocess.PIPE if capture or quiet else None
    try:
        done = subprocess.run(args, cwd=cwd, env=env, stdin=subprocess.DEVNULL, timeout=timeout, check=True,
                              stdout=kept, stderr=subprocess.STDOUT if quiet else None, text=True)
    except subprocess.TimeoutExpired as exc:
        _show(exc.output)
        raise SetupError(f"`{' '.join(args[:4])} ...` took longer than {timeout} s and was stopped") from None
    except subprocess.CalledProcessError as exc:
        _show(exc.output)
        raise SetupError(f"`{' '.join(args[:4])} ...` failed with exit code {exc.returncode}") from None
    except OSError as exc:
        raise SetupError(f"`{args[0]}` could not be run: {exc}") from None
    return done.stdout or ""


def _show(output: str | bytes | None) -> None:
    """What a failed step printed, so the reason is on screen."""
    if output:
        text = output.decode(errors="replace") if isinstance(output, bytes) else output
        sys.stderr.write(text if text.endswith("\n") else text + "\n")


def _pip_works(env: Path) -> bool:
    try:
        done = subprocess.run([str(_bin("python", env)), "-m", "pip", "--version"], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=QUICK)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def _make_venv(env: Path) -> None:
    """Create (or empty and re-create) a virtual environment with a working pip."""
    try:
        venv.EnvBuilder(with_pip=True, clear=True, symlinks=os.name != "nt").create(env)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise SetupError(f"could not create a virtual environment in {env.name} ({exc}); "
                         "on Debian or Ubuntu install python3-venv") from None
    if not _pip_works(env):
        raise SetupError(f"the new virtual environment in {env.name} has no working pip; "
                         "on Debian or Ubuntu install python3-venv")


def _pip(env: Path) -> list[str]:
    return [str(_bin("python", env)), "-m", "pip", "--disable-pip-version-check", "--no-input", "-q"]


def _stamp(kind: str) -> str:
    return _digest(PYPROJECT, LOCKS[kind]) + " " + kind


def setup(kind: str = "test") -> None:
    """Make .venv hold pathfinder (editable) and the packages of ``kind``'s lock (run or test), hash-checked.

    test.lock holds everything run.lock does, so a .venv set up for the tests also serves ``quiz`` and ``run``.
    """
    lock = LOCKS[kind]
    python = _bin("python")
    installed = STAMP.read_text().strip() if STAMP.is_file() else ""
    current = {other for other in LOCKS if installed == _stamp(other)}
    if (kind in current or (kind == "run" and "test" in current)) and _bin("pathfinder").exists() \
            and python.resolve().exists():
        return
    if not lock.is_file():
        raise SetupError(f"{lock.relative_to(ROOT)} is missing; `python3 scripts/dev.py lock` writes it")
    if not python.exists():
        say("creating .venv")
        _make_venv(VENV)
    elif not _pip_works(VENV):
        say(".venv has no working pip (`.venv/bin/python -m pip --version` fails); making it again")
        _make_venv(VENV)
    what = "pathfinder's dependencies" if kind == "run" else "pathfinder's dependencies and its test tools"
    say(f"installing {what} into .venv (exact versions and hashes from {lock.relative_to(ROOT)})")
    STAMP.unlink(missing_ok=True)
    try:
        # --no-compile: Python writes each module's bytecode when it is first imported, so the quiz does not wait
        # for every module of every package (pygments' hundreds of lexers, say) to be compiled first.
        _run([*_pip(VENV), "install", "--require-hashes", "--no-compile", "-r", str(lock)], timeout=INSTALL,
             quiet=True)
    except SetupError:
        say(f"{lock.relative_to(ROOT)} was made with Python {_lock_python(lock)}; on Python "
            f"{platform.python_version()} a package it needs may be missing from it (pip says which, above): "
            "`python3 scripts/dev.py lock` writes the locks again for this Python")
        raise
    # The pinned build backend (hatchling, from the lock) builds pathfinder: nothing unpinned is fetched.
    _run([*_pip(VENV), "install", "--no-deps", "--no-build-isolation", "--no-index", "-e", str(ROOT)],
         timeout=INSTALL, quiet=True)
    STAMP.write_text(_stamp(kind) + "\n")


def _lock_python(lock: Path) -> str:
    for line in lock.read_text(encoding="utf-8").splitlines()[:5]:
        if "with Python" in line:
            return line.split("with Python", 1)[1].strip()
    return "another version"


def _apt_prefix() -> tuple[list[str] | None, str]:
    """How to run apt-get with no one to type a password: as root, or through `sudo -n`; else None and why not."""
    if shutil.which("apt-get") is None:
        return None, "there is no apt-get here"
    if os.name != "posix" or os.geteuid() == 0:
        return [], ""
    sudo = shutil.which("sudo")
    if sudo is None:
        return None, "apt-get needs root, and there is no sudo"
    try:
        allowed = subprocess.run([sudo, "-n", "true"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, timeout=QUICK).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        allowed = False
    return ([sudo, "-n"], "") if allowed else (None, "apt-get needs root, and sudo would ask for a password")


def ensure_test_tools() -> None:
    """Install the Debian packages of the system tools the suite runs, when missing and allowed."""
    missing = list(dict.fromkeys(package for command, package in TEST_TOOLS.items() if shutil.which(command) is None))
    if not missing:
        return
    prefix, why_not = _apt_prefix()
    if prefix is None:
        say(f"the tests need the system packages {', '.join(missing)}, which are missing, and {why_not}. Install "
            f"them yourself (as root on Debian or Ubuntu: `apt-get install -y {' '.join(missing)}`); until then "
            "the tests that use them fail, saying what is missing.")
        return
    say(f"installing {', '.join(missing)} with apt-get")
    # sudo does not pass the environment on, so the setting goes on the command line, through env.
    apt_get = [*prefix, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "-o", "DPkg::Lock::Timeout=300"]
    _run([*apt_get, "update", "-qq"], timeout=INSTALL)
    _run([*apt_get, "install", "-y", "-qq", *missing], timeout=INSTALL)


def ensure_node_packages() -> None:
    """`npm ci` the browser tests' node packages (axe-core, puppeteer-core) when their lock file changed."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        say("the browser tests need node and npm to install their packages (axe-core, puppeteer-core) "
            "into tests/browser/node_modules; install node 18 or newer with npm, then run this again.")
        return
    wanted = _digest(BROWSER_TESTS / "package.json", BROWSER_TESTS / "package-lock.json")
    if NODE_STAMP.is_file() and NODE_STAMP.read_text().strip() == wanted:
        return
    say("installing the browser tests' node packages into tests/browser/node_modules (npm ci)")
    # The browser is Debian's chromium: puppeteer must not download one of its own.
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    _run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=BROWSER_TESTS, env=env, timeout=INSTALL)
    NODE_STAMP.write_text(wanted + "\n")


def _pins(lock: Path) -> dict[str, str]:
    """A lock's pins, ``name==version`` by name, with each one's hashes, as written."""
    pins: dict[str, str] = {}
    name = ""
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            name = line.split("==")[0].strip().lower()
            pins[name] = line.rstrip(" \\")
        elif name and line.strip().startswith("--hash="):
            pins[name] += " " + line.strip().rstrip(" \\")
    return pins


def lock(upgrade: bool = False) -> None:
    """Write requirements/test.lock (everything: the extras test and quality, and the build backend) and
    requirements/run.lock (pathfinder's dependencies and the build backend) with pip-compile, every file's
    hash included. Versions already locked are kept unless ``upgrade``; run.lock takes test.lock's versions."""
    with tempfile.TemporaryDirectory(prefix="pathfinder-lock-") as folder:
        env = Path(folder) / "venv"
        say("installing pip-tools (pip-compile) into a temporary virtual environment")
        _make_venv(env)
        _run([*_pip(env), "install", "pip-tools>=7.4"], timeout=INSTALL, quiet=True)
        compile_env = {**os.environ, "CUSTOM_COMPILE_COMMAND": "python3 scripts/dev.py lock"}
        common = [str(_bin("pip-compile", env)), "--quiet", "--generate-hashes", "--allow-unsafe", "--strip-extras",
                  "--no-emit-find-links", "--no-emit-index-url", "--no-emit-trusted-host",
                  "--build-deps-for", "editable"]
        TEST_LOCK.parent.mkdir(exist_ok=True)
        say(f"resolving {TEST_LOCK.relative_to(ROOT)}" + (" (newest releases)" if upgrade else ""))
        _run([*common, *(["--upgrade"] if upgrade else []), "--extra", "test", "--extra", "quality",
              "-o", str(TEST_LOCK.relative_to(ROOT)), "pyproject.toml"], cwd=ROOT, env=compile_env,
             timeout=INSTALL, quiet=True)
        # Seeded with test.lock, pip-compile keeps its versions: the two locks never disagree.
        shutil.copyfile(TEST_LOCK, RUN_LOCK)
        say(f"resolving {RUN_LOCK.relative_to(ROOT)} from the same versions")
        _run([*common, "-o", str(RUN_LOCK.relative_to(ROOT)), "pyproject.toml"], cwd=ROOT, env=compile_env,
             timeout=INSTALL, quiet=True)
    run_pins, test_pins = _pins(RUN_LOCK), _pins(TEST_LOCK)
    differ = [name for name, pin in run_pins.items() if test_pins.get(name) != pin]
    if differ:
        raise SetupError(f"run.lock and test.lock disagree on {', '.join(differ)}; run `python3 scripts/dev.py "
                         "lock` again")
    say(f"wrote {RUN_LOCK.relative_to(ROOT)} ({len(run_pins)} packages) and {TEST_LOCK.relative_to(ROOT)} "
        f"({len(test_pins)}); the next set-up reinstalls .venv from them")


def lint() -> int:
    """`ruff check`, `mypy` and `vulture` with the settings in pyproject.toml; non-zero when any finds anything."""
    os.chdir(ROOT)
    failed = []
    for name, args in (("ruff check", [str(_bin("ruff")), "check"]), ("mypy", [str(_bin("python")), "-m", "mypy"]),
                       ("vulture", [str(_bin("vulture"))])):
        print(f"$ {name}", flush=True)
        try:
            code = subprocess.call(args)
        except KeyboardInterrupt:
            return 130
        if code != 0:
            failed.append(name)
    if failed:
        say(f"lint: {', '.join(failed)} found problems (above)")
        return 1
    return 0


def coverage(args: list[str]) -> int:
    """The whole suite under coverage.py: branches, and every Python process the tests start (the settings are
    in pyproject.toml); then the combined report, with the lines and branches never run."""
    os.chdir(ROOT)
    python = str(_bin("python"))
    for old in [*ROOT.glob(".coverage"), *ROOT.glob(".coverage.*")]:  # data files only, never a .coveragerc
        old.unlink()
    tests = subprocess.call([python, "-m", "coverage", "run", "-m", "pytest", "-q", *args])
    subprocess.call([python, "-m", "coverage", "combine", "-q"])
    report = subprocess.call([python, "-m", "coverage", "report"])
    say("coverage: the table above (also `.venv/bin/python -m coverage html` for pages); the tests "
        + ("passed" if tests == 0 else f"exited {tests}"))
    return tests or report


def mutation(args: list[str]) -> int:
    """mutmut over the modules named in pyproject.toml ([tool.mutmut]); prints the survivors and the score.
    ``--sample N`` tests every Nth mutant only (in a fixed order), for a quicker, repeatable estimate."""
    os.chdir(ROOT)
    mutmut = str(_bin("mutmut"))
    env = {**os.environ, "HYPOTHESIS_PROFILE": "mutation"}  # fewer, fixed examples: the tests run once per mutant
    sample = 1
    if args[:1] == ["--sample"] and len(args) > 1 and args[1].isdigit():
        sample, args = max(1, int(args[1])), args[2:]
    names: list[str] = []
    if sample > 1:
        listed = subprocess.run([mutmut, "results", "--all", "true"], capture_output=True, text=True, env=env).stdout
        names = sorted(line.split(":")[0].strip() for line in listed.splitlines() if ":" in line)[::sample]
        if not names:  # mutmut lists mutants once a run has made them
            say("mutation: no mutants yet: start `.venv/bin/mutmut run` once (stop it with Ctrl-C when it starts "
                "testing mutants), then run this again")
            return 1
    try:
        code = subprocess.call([mutmut, "run", *args, *names], env=env)
    except KeyboardInterrupt:
        return 130
    results = subprocess.run([mutmut, "results", "--all", "true"], capture_output=True, text=True).stdout
    status = {line.split(":")[0].strip(): line.rsplit(":", 1)[1].strip() for line in results.splitlines()
              if ":" in line}
    chosen = names or sorted(status)
    counts: dict[str, int] = {}
    for name in chosen:
        counts[status.get(name, "not checked")] = counts.get(status.get(name, "not checked"), 0) + 1
    for name in chosen:
        if status.get(name) == "survived":
            print(f"survived: {name}")
    killed = counts.get("killed", 0)
    judged = sum(n for state, n in counts.items() if state in {"killed", "survived", "timeout", "suspicious"})
    if judged:
        say(f"mutation: {killed} of {judged} mutants killed ({100 * killed / judged:.1f}%)"
            + (f", every {sample}th of {len(status)}" if sample > 1 else "") + "; "
            + ", ".join(f"{n} {state}" for state, n in sorted(counts.items()))
            + "; `.venv/bin/mutmut show NAME` shows one")
    return code


# --- message catalogs: scripts/catalogs.py does the work, with Babel, inside .venv -------------

CATALOGS = ROOT / "scripts" / "catalogs.py"
LOCALE = ROOT / "src" / "pathfinder" / "locale"


def i18n(args: list[str]) -> int:
    """`i18n extract|update|compile|check` (scripts/catalogs.py, run by .venv's Python)."""
    try:
        return subprocess.call([str(_bin("python")), str(CATALOGS), *args])
    except KeyboardInterrupt:
        return 130


def compile_stale_catalogs() -> None:
    """Compile each .po whose .mo is missing or older: the editable install compiled them when it was made, but a
    .po changed since (a pull, an edit) would otherwise leave pathfinder reading the old words."""
    stale = [po for po in LOCALE.glob("*/LC_MESSAGES/*.po")
             if not po.with_suffix(".mo").is_file() or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime]
    if stale:
        _run([str(_bin("python")), str(CATALOGS), "compile"], timeout=QUICK)


def main(argv: list[str]) -> int:
    commands = {"quiz", "test", "run", "bench", "lint", "lock", "coverage", "mutation", "i18n"}
    if (not argv or argv[0] not in commands or (argv[0] == "lint" and len(argv) > 1)
            or (argv[0] == "lock" and argv[1:] not in ([], ["--upgrade"]))):
        print(__doc__, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    try:
        if command == "lock":
            lock(upgrade=rest == ["--upgrade"])
            return 0
        setup("run" if command in {"quiz", "run"} else "test")
        compile_stale_catalogs()
        if command in {"test", "coverage"}:
            ensure_test_tools()
            ensure_node_packages()
    except SetupError as exc:
        say(f"set-up failed: {exc}")
        return 1
    if command == "lint":
        return lint()
    if command == "i18n":
        return i18n(rest)
    if command == "coverage":
        return coverage(rest)
    if command == "mutation":
        return mutation(rest)
    if command == "quiz":
        args = [str(_bin("pathfinder")), "quiz", *rest]
    elif command == "run":
        args = [str(_bin("pathfinder")), *rest]
    elif command == "test":
        args = [str(_bin("python")), "-m", "pytest", *rest]
    else:
        args = [str(_bin("python")), str(ROOT / "benchmarks" / "bench.py"), *rest]
    if command in {"test", "bench"}:
        os.chdir(ROOT)
    if os.name == "posix":
        os.execv(args[0], args)  # the terminal and signals go straight to pathfinder
    try:
        return subprocess.call(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

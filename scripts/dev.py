#!/usr/bin/env python3
"""Set up a local virtual environment (once) and run pathfinder or its tests in it.

    python3 scripts/dev.py quiz [OPTIONS]    set up, then start `pathfinder quiz`
    python3 scripts/dev.py test [PYTEST ARGS] set up, then run the whole test suite
    python3 scripts/dev.py run  [ARGS]       set up, then run `pathfinder ARGS`
    python3 scripts/dev.py bench [ARGS]      set up, then run the benchmarks

Safe to run again: the environment is only (re)installed when pyproject.toml changes.
Needs only python3 and a reachable package index. For `test`, two system tools the suite
uses are installed with apt-get when missing (Debian's chromium, for the HTML report test,
and jq, for the README's examples); elsewhere, install them yourself.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".pathfinder-installed"


def _bin(name: str) -> Path:
    folder = "Scripts" if os.name == "nt" else "bin"
    return VENV / folder / name


def setup() -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.is_file() and STAMP.read_text().strip() == wanted and _bin("pathfinder").exists():
        return
    if not _bin("python").exists():
        print("pathfinder: creating .venv", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    print("pathfinder: installing pathfinder and its test tools into .venv", file=sys.stderr)
    pip = [str(_bin("python")), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted + "\n")


# command -> Debian package, for the tools the test suite runs besides Python.
TEST_TOOLS = {"chromium": "chromium", "jq": "jq"}


def ensure_test_tools() -> None:
    missing = [package for command, package in TEST_TOOLS.items() if shutil.which(command) is None]
    if not missing:
        return
    apt = shutil.which("apt-get")
    is_root = os.name == "posix" and os.geteuid() == 0
    sudo: list[str] | None = [] if is_root else ["sudo"] if shutil.which("sudo") else None
    if apt is None or sudo is None:
        print(f"pathfinder: the tests need {', '.join(missing)}; install them (the tests that use them fail without)",
              file=sys.stderr)
        return
    print(f"pathfinder: installing {', '.join(missing)} with apt-get", file=sys.stderr)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, apt, "update", "-qq"], check=True, env=env)
    subprocess.run([*sudo, apt, "install", "-y", "-qq", *missing], check=True, env=env)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"quiz", "test", "run", "bench"}:
        print(__doc__, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    try:
        setup()
        if command == "test":
            ensure_test_tools()
    except subprocess.CalledProcessError as exc:
        print(f"pathfinder: setup failed ({exc})", file=sys.stderr)
        return 1
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

"""The package finds its data after a real, non-editable install from a built wheel.

Builds a wheel of this checkout with the build backend already in the test environment (hatchling, from
the lock file; no build isolation, so nothing is fetched while the tests run), installs it into a bare
folder and runs it from an unrelated working directory with only that folder on PYTHONPATH, so neither the
source tree nor the editable install can supply programs.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers import ROOT
from pathfinder import __version__
from pathfinder.core.catalog import load_catalog


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wheels = tmp_path_factory.mktemp("wheels")
    target = tmp_path_factory.mktemp("site")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", "-q", "-w", str(wheels), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = wheels.glob("pathfinder_career_advisor-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert "pathfinder/data/programs.json" in archive.namelist()
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--disable-pip-version-check", "-q",
         "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return target


def run_installed(target: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env["PYTHONPATH"] = str(target)
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_the_installed_package_is_the_one_imported(installed: Path, tmp_path: Path) -> None:
    code = "import pathfinder, pathfinder.core.catalog as c; print(pathfinder.__file__); print(c.shipped_path())"
    done = run_installed(installed, tmp_path, "-c", code)
    assert done.returncode == 0, done.stderr
    module_file, data_file = done.stdout.splitlines()
    assert Path(module_file).resolve().is_relative_to(installed.resolve())
    assert Path(data_file).resolve().is_relative_to(installed.resolve())


def test_load_catalog_works_after_install(installed: Path, tmp_path: Path) -> None:
    done = run_installed(installed, tmp_path, "-c",
                         "from pathfinder.core.catalog import load_catalog; print(len(load_catalog().programs))")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2"


def test_compare_json_works_after_install(installed: Path, tmp_path: Path) -> None:
    done = run_installed(installed, tmp_path, "-m", "pathfinder", "compare", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [p["id"] for p in data["programs"]] == ["him", "mbc"]
    # The installed copy of programs.json is the one in this checkout.
    assert data == json.loads(load_catalog().model_dump_json())


def test_quiz_and_version_work_after_install(installed: Path, tmp_path: Path) -> None:
    version = run_installed(installed, tmp_path, "-m", "pathfinder", "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout == f"pathfinder {__version__}\n"
    quiz = run_installed(installed, tmp_path, "-m", "pathfinder", "quiz", "--defaults", "--set", "goal=billing",
                         "--json")
    assert quiz.returncode == 0, quiz.stderr
    assert json.loads(quiz.stdout)["recommendation"]["program_id"] == "mbc"


def test_spanish_works_after_install(installed: Path, tmp_path: Path) -> None:
    """The wheel carries the compiled Spanish catalog (the build hook made it; git ignores it in the checkout)."""
    done = run_installed(installed, tmp_path, "-m", "pathfinder", "--lang", "es", "--bogus")
    assert done.returncode == 2
    assert done.stderr.endswith("Error: No existe la opción --bogus\n"), done.stderr
    assert "cannot be read" not in done.stderr
    mo = installed / "pathfinder" / "locale" / "es" / "LC_MESSAGES" / "pathfinder.mo"
    assert mo.is_file()

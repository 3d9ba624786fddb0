"""The house's layers: each package imports only from the layers below it, and the core from no drawing,
prompting or command-line library. Read from the code itself (every import statement of every module, including
those inside functions), so a new module or a late import is covered without listing it here."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "pathfinder"

# Lowest first: a layer may import itself and any layer before it, never one after it. The shared base
# (errors, files, the language, the version) sits below everything.
LAYERS = ("base", "core", "report", "layouts", "batch", "cli", "entry")
BASE = {"errors", "files", "i18n", "__init__"}
# Libraries the core must never import: it has to run in a notebook, a test or another program.
NOT_IN_CORE = ("typer", "click", "rich", "questionary", "prompt_toolkit", "jinja2", "openpyxl")
# Where each library may be used at all.
ONLY_IN = {"rich": {"layouts", "cli"}, "questionary": {"cli"}, "prompt_toolkit": {"cli"}, "typer": {"cli"},
           "jinja2": {"layouts"}, "openpyxl": {"layouts", "batch"}}


def _layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    if len(parts) == 1:
        return "entry" if path.stem == "__main__" else "base" if path.stem in BASE else "top"
    return parts[0]


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py"))


def _imports(path: Path, package: tuple[str, ...] | None = None) -> list[tuple[int, str]]:
    """Every module an import statement names (absolute, or relative made absolute), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = package or ("pathfinder", *path.relative_to(PACKAGE).parent.parts)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], *([base] if base else [])])
            found.append((node.lineno, base))
            if base in ("pathfinder", *(f"pathfinder.{layer}" for layer in LAYERS)):
                found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def _target_layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "pathfinder" or len(parts) == 1:
        return None
    if parts[1] in LAYERS:
        return parts[1]
    return "base" if parts[1] in BASE else None


def test_every_module_sits_in_a_layer() -> None:
    strays = [str(p.relative_to(PACKAGE)) for p in _modules() if _layer(p) == "top"]
    assert not strays, f"modules outside the layers: {strays}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_nothing_imports_upward(path: Path) -> None:
    mine = LAYERS.index(_layer(path))
    upward = [f"line {line}: {module}" for line, module in _imports(path)
              if (target := _target_layer(module)) is not None and LAYERS.index(target) > mine]
    assert not upward, f"{path.relative_to(PACKAGE)} imports a layer above its own: {upward}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_libraries_stay_in_their_layers(path: Path) -> None:
    layer = _layer(path)
    wrong = [f"line {line}: {module}" for line, module in _imports(path)
             if module.split(".")[0] in ONLY_IN and layer not in ONLY_IN[module.split(".")[0]]]
    assert not wrong, f"{path.relative_to(PACKAGE)} ({layer}) imports a library not meant for it: {wrong}"


def test_the_core_loads_none_of_the_drawing_or_prompting_libraries() -> None:
    """Import every core module for real (their own imports run too) and look at what got loaded."""
    names = sorted(f"pathfinder.core.{p.stem}" for p in (PACKAGE / "core").glob("*.py") if p.stem != "__init__")
    code = ("import sys\n" + "".join(f"import {n}\n" for n in names)
            + f"print(sorted(m for m in {NOT_IN_CORE!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_layering_check_notices_an_upward_import(tmp_path: Path) -> None:
    """The reader of imports itself: a core module that imports a layout is caught, even inside a function."""
    module = tmp_path / "bad.py"
    module.write_text("def f():\n    from pathfinder.layouts import terminal\n    import rich.console\n"
                      "    from ..report import document\n")
    found = {m for _, m in _imports(module, ("pathfinder", "core"))}
    assert {"pathfinder.layouts.terminal", "rich.console", "pathfinder.report.document"} <= found
    assert _target_layer("pathfinder.layouts.terminal") == "layouts"


# The core modules that work a result out. What a person reads about it is written by core/explain.py alone;
# these call it for their words (questions, answers and the catalog's messages are the questionnaire's and the
# data's own words, not sentences about a result).
WORKING = ("advice", "changes", "chances", "credentials", "projection", "result", "scoring", "pathways")


@pytest.mark.parametrize("name", WORKING)
def test_the_sentences_about_a_result_are_written_in_explain_alone(name: str) -> None:
    """No gettext call on a literal sentence in the modules that work the result out: a literal of several words
    passed to ``_``, ``ngettext`` or ``pgettext`` is a sentence written outside core/explain.py."""
    tree = ast.parse((PACKAGE / "core" / f"{name}.py").read_text(encoding="utf-8"))
    written = [
        (node.lineno, arg.value) for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext",
                                                                                               "pgettext")
        for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        and len(arg.value.split()) > 3
    ]
    assert not written, written

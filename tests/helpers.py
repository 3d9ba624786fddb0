"""Plain helpers shared by the tests (fixtures live in conftest.py)."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_DATA = ROOT / "data" / "programs.json"
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\-_]")


def raw_catalog() -> dict[str, Any]:
    """A fresh, mutable copy of the shipped programs.json."""
    data: dict[str, Any] = json.loads(SHIPPED_DATA.read_text(encoding="utf-8"))
    return data


def third_program(data: dict[str, Any], program_id: str = "mcb", name: str = "Medical Coding Bootcamp",
                  short_name: str = "MCB") -> dict[str, Any]:
    """A copy of the mbc program under a new id and name."""
    mbc = next(p for p in data["programs"] if p["id"] == "mbc")
    new: dict[str, Any] = copy.deepcopy(mbc)
    new.update(id=program_id, name=name, short_name=short_name)
    return new


def find_pathfinder() -> str:
    """The installed console script next to the running interpreter (works in any venv), else on PATH."""
    beside = Path(sys.executable).parent / ("pathfinder.exe" if os.name == "nt" else "pathfinder")
    if beside.exists():
        return str(beside)
    found = shutil.which("pathfinder")
    assert found, f"the pathfinder console script is not installed next to {sys.executable} nor on PATH"
    return found


def strip_ansi(text: str) -> str:
    return ANSI.sub("", text)


def squash(text: str) -> str:
    """Help or table text with box drawing removed and whitespace collapsed, to find wrapped phrases."""
    text = re.sub(r"[│╭╮╰╯─┬┴┼├┤|+]", " ", text)
    return " ".join(text.split())

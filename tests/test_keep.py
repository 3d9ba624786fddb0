"""Answers kept as they are given: which file, what it holds, and a file that cannot be written said in words."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pathfinder.cli import keep


def test_the_save_answers_file_first_then_the_answers_file_being_completed(tmp_path: Path) -> None:
    said: list[str] = []
    given, saved = tmp_path / "given.json", tmp_path / "saved.json"
    first = keep.keeper_for(str(given), saved, said.append)
    assert first is not None and first.path == saved
    second = keep.keeper_for(str(given), None, said.append)
    assert second is not None and second.path == given
    assert keep.keeper_for("-", None, said.append) is None  # standard input is no file to save to
    assert keep.keeper_for(None, None, said.append) is None  # no file named: none appears
    assert said == []


def test_an_answers_file_that_cannot_be_written_is_read_but_not_kept(tmp_path: Path) -> None:
    said: list[str] = []
    assert keep.keeper_for(str(tmp_path / "gone" / "a.json"), None, said.append) is None
    assert len(said) == 1 and "cannot be written, so the answers you give now are not saved" in said[0]


def test_the_file_holds_the_answers_given_in_the_questionnaire_order(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    keeper = keep.Keeper(path)
    keeper({"timeline_months": 12, "goal": "billing"})
    assert list(json.loads(path.read_text(encoding="utf-8")).items()) == [("goal", "billing"),
                                                                         ("timeline_months", 12)]
    keeper({"timeline_months": 12, "goal": "billing", "budget_usd": None})
    assert json.loads(path.read_text(encoding="utf-8")) == {"goal": "billing", "budget_usd": None,
                                                             "timeline_months": 12}
    assert os.listdir(tmp_path) == ["progress.json"]  # written in one step: no temporary file left


def test_a_file_name_is_checked_in_words(tmp_path: Path) -> None:
    check = keep._check_name("html", "pathfinder-report.html")
    assert check(str(tmp_path / "r.html")) is None
    assert "ends in .html or .htm" in (check(str(tmp_path / "r.pdf")) or "")
    assert (check(str(tmp_path / "nowhere" / "r.html")) or "").startswith("cannot save ")


def test_a_default_name_never_replaces_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pathfinder-report.html").write_text("mine")
    assert keep._free_name("pathfinder-report.html") == "pathfinder-report-2.html"

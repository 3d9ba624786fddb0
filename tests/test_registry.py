"""The layout registry is the one place formats are chosen: every (output, format) it lists is reached through the
real CLI, by its writer there and no other, and the CLI's format choices are the registry's."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import ROOT
from pathfinder.cli.app import CompareFormat, OutputFormat, app
from pathfinder.layouts import registry

PAIRS = [(output, fmt) for output in registry.LAYOUTS for fmt in registry.formats(output)]
CLASS_FILE = ROOT / "docs" / "example-class.csv"  # three of its ten students cannot be scored: exit 1 (a partial run)


def cli_args(output: str, fmt: str, tmp: Path) -> tuple[list[str], Path | None]:
    """How a person asks for ``output`` in ``fmt``: the command line, and the file it writes (None: stdout). Only
    the option that names the format is per output; no format is named here."""
    default = registry.formats(output)[0]
    json_flag = [] if fmt == default else ["--json"]
    if output == "quiz":
        return ["quiz", "--defaults", *json_flag], None
    if output == "export":
        target = tmp / f"report{registry.layout(output, fmt).suffixes[0]}"
        return ["quiz", "--defaults", "--export", str(target)], target
    if output == "compare":
        return ["compare", "--format", fmt], None
    if output == "score":
        target = tmp / f"results.{fmt}"
        return ["score", str(CLASS_FILE), "--format", fmt, "--output", str(target)], target
    assert fmt in (default, "json"), f"{output} has only its default and --json: {fmt} needs an option"
    return [output, *json_flag], None


def looks_like(fmt: str, data: bytes) -> None:
    """What a file in ``fmt`` must look like, by the format's own rules (not pathfinder's output)."""
    text = data.decode("utf-8", errors="replace")
    if fmt == "json":
        json.loads(text)
    elif fmt == "jsonl":
        assert all(json.loads(line) for line in text.splitlines())
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) >= 2 and len({len(r) for r in rows}) == 1
    elif fmt == "xlsx":
        assert "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    elif fmt == "html":
        assert text.lstrip().lower().startswith("<!doctype html")
    elif fmt == "svg":
        assert "<svg" in text and text.rstrip().endswith("</svg>")
    elif fmt == "markdown":
        assert text.startswith("#") and "| --- |" in text.replace(":", "")
    else:  # a screen or plain text: words, no escape codes (the tests' console has no colour)
        assert text.strip() and "\x1b" not in text


class Probe(registry.Layout):
    """The same layout, noting each time its writer is used."""

    calls: list[tuple[str, str]] = []
    where: tuple[str, str] = ("", "")

    def load(self) -> Any:
        real = registry.Layout.load(self)
        where = self.where

        def write(*args: Any, **options: Any) -> Any:
            Probe.calls.append(where)
            return real(*args, **options)

        return write


@pytest.mark.parametrize(("output", "fmt"), PAIRS, ids=[f"{o}-{f}" for o, f in PAIRS])
def test_every_registered_format_is_written_through_the_cli_by_its_writer(
        output: str, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    probes = {o: {f: _probe(layout, (o, f)) for f, layout in formats.items()}
              for o, formats in registry.LAYOUTS.items()}
    monkeypatch.setattr(registry, "LAYOUTS", probes)
    Probe.calls = []
    args, target = cli_args(output, fmt, tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == (1 if output == "score" else 0), result.output
    also = [("quiz", registry.formats("quiz")[0])] if output == "export" else []  # the export and the summary
    assert Probe.calls == [(output, fmt), *also]  # this writer, once, and no other layout
    looks_like(fmt, target.read_bytes() if target is not None else result.stdout_bytes)


def _probe(layout: registry.Layout, where: tuple[str, str]) -> Probe:
    probe = Probe(*layout)
    probe.where = where
    return probe


def test_the_clis_format_choices_are_the_registrys() -> None:
    assert [f.value for f in CompareFormat] == list(registry.formats("compare"))
    assert [f.value for f in OutputFormat] == list(registry.formats("score"))


@pytest.mark.parametrize(("command", "output"), [("compare", "compare"), ("score", "score"), ("quiz", "export")])
def test_help_names_every_format(command: str, output: str) -> None:
    shown = " ".join(CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"}).stdout.split())
    if output == "export":
        names = [s for layout in registry.LAYOUTS[output].values() for s in layout.suffixes]
    else:
        names = list(registry.formats(output))
    missing = [name for name in names if name not in shown]
    assert not missing, f"{command} --help does not name {missing}"


def test_an_unknown_export_suffix_names_every_known_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["quiz", "--defaults", "--export", str(tmp_path / "report.pdf")])
    assert result.exit_code == 2
    for suffix in (".html", ".htm", ".svg", ".md", ".txt"):
        assert suffix in result.stderr


def test_the_dead_code_whitelist_names_every_registered_writer() -> None:
    """vulture cannot see a writer the registry imports by name: the whitelist must name each one, so a writer
    removed from the registry (and so really dead) is noticed when its line is taken out, and a new one is not
    reported as dead."""
    whitelist = (Path(__file__).resolve().parent.parent / "scripts" / "vulture_whitelist.py").read_text()
    named = set(re.findall(r"^(\w+\.\w+)$", whitelist, flags=re.M))
    writers = {f"{layout.writer.split(':')[0].rsplit('.', 1)[1]}.{layout.writer.split(':')[1]}"
               for formats in registry.LAYOUTS.values() for layout in formats.values()}
    used_directly = {"html.to_html", "markdown.to_markdown", "terminal.plain_text", "tables.Workbook"}
    assert writers - used_directly <= named

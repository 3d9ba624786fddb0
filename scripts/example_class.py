#!/usr/bin/env python3
"""Remake the other versions of the README's example class from docs/example-class.csv.

    .venv/bin/python scripts/example_class.py

docs/example-class-semicolon.csv: the same class as a spreadsheet saves it where the comma is the decimal
    separator (cells separated by semicolons, quoted only where a cell holds one).
docs/example-class.xlsx: the same class as a workbook, as a form tool's spreadsheet holds it: the timestamps
    as dates, the student ids as numbers, the answers as typed, on a sheet named "Form responses 1".

`pathfinder score` gives the same rows for all three (a test checks it).
"""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main() -> None:
    with (DOCS / "example-class.csv").open(newline="", encoding="utf-8") as source:
        rows = list(csv.reader(source))
    with (DOCS / "example-class-semicolon.csv").open("w", newline="", encoding="utf-8") as out:
        csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Form responses 1"
    sheet.append(rows[0])
    for row in rows[1:]:
        stamp = datetime.datetime.strptime(row[0], "%Y-%m-%d %H:%M")
        sheet.append([stamp, row[1], int(row[2]), *row[3:]])
    sheet.column_dimensions["A"].width = 18
    fixed = datetime.datetime(2026, 11, 2, 11, 0)  # the same file every time it is made
    book.properties.created = book.properties.modified = fixed
    book.save(DOCS / "example-class.xlsx")


if __name__ == "__main__":
    main()

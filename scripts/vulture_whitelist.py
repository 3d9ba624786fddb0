"""Names vulture takes for dead code that something outside Python's own calls reads. Each says who reads it.

vulture reads this file with the code (`[tool.vulture]` in pyproject.toml); nothing imports it at run time.
"""

from html.parser import HTMLParser

from openpyxl.packaging.core import DocumentProperties

from pathfinder.cli import app, prompts
from pathfinder.cli import help as cli_help
from pathfinder.core import programs, result
from pathfinder.layouts import csvtext, html, jsontext, markdown, sources, tables, terminal

# Typer (Click) calls these to write a command's help and usage line.
cli_help.PlainCommand.format_help
cli_help.PlainGroup.format_help
cli_help.PlainCommand.format_usage
cli_help.PlainGroup.format_usage
# Click's words for -h/--help, marked for the catalog (extraction reads the file, not the name).
cli_help.HELP_OPTION_HELP

# Typer declares, documents and checks --lang by these names; the group reads its value ahead of Typer.
app.Language.en
app.Language.es

# html.parser.HTMLParser calls these as it reads a page (the pseudo-locale test's reader).
HTMLParser.handle_starttag
HTMLParser.handle_endtag
HTMLParser.handle_data

# The layout registry (layouts/registry.py) imports each writer by its name when it is used;
# tests/test_registry.py checks that this list names every writer there.
csvtext.compare_csv
html.chart_only
jsontext.result_json
jsontext.catalog_json
jsontext.questions_json
markdown.compare_markdown
sources.sources_json
sources.sources_text
tables.JsonLines
tables.CsvTable
terminal.result_view
terminal.compare_table
terminal.questions_table

# prompt_toolkit calls a key binding's handler when its keys are pressed.
prompts.interrupt

# pydantic reads a model's configuration.
programs._Model.model_config
result.Change.model_config

# Fields of the catalog's contract (programs.json, `pathfinder schema programs`): read and checked when the
# catalog loads, and there for the people who keep the data, though no output shows them yet.
programs.Occupation.not_found
programs.Outcomes.advancement
programs.Certification.eligibility
programs.Certification.exam
programs.Program.curriculum
programs.Program.work_environment
programs.Catalog.schema_version

# Fields of the result's JSON contract (`pathfinder schema result`): scripts read them; no layout needs to.
result.Constraint.shortfall
result.MissedLimit.shortfall
result.RankedProgram.constraints
result.Result.schema_version

# openpyxl reads the workbook's properties when it saves the file.
DocumentProperties.creator

# A test renames its stand-in for the batch's helper function, so the forked helpers find it by that name.
object.__module__
object.__qualname__

"""Typer's and Click's own words (usage errors), in the chosen language.

Typer 0.29 vendors Click with its gettext calls taken out: its messages are plain English f-strings, and the
dozen strings Typer itself marks go through ``gettext.gettext``, the process-wide default domain, which reads
the environment and knows nothing of ``--lang``. So pathfinder translates the finished message instead: each
English pattern below is a message of the catalog, matched against the text Typer produced, and its
``{placeholders}`` carried over. A ``{reason}`` is itself translated the same way (``Invalid value for '--years':
Input should be ...``). A message no pattern matches stays as Typer wrote it; the pseudo-locale test runs the
errors a person can cause, so a new one shows up there.
"""

from __future__ import annotations

import re
from functools import cache

from pathfinder.i18n import N_, _

# The patterns Typer (with its copy of Click, and pydantic for numbers) uses for usage errors.
PATTERNS = (
    # TRANSLATORS: Typer's usage errors. Keep every {placeholder}: {name} is an option or argument as typed,
    # {reason} a sentence translated on its own.
    N_("No such option: {name}"),
    N_("No such option: {name} (Possible options: {options})"),
    N_("No such command {name}."),
    N_("No such command {name}. Did you mean {suggestions}?"),
    N_("Missing command."),
    N_("Missing argument {name}."),
    N_("Missing argument {name}. {reason}"),
    N_("Missing option {name}."),
    N_("Missing option {name}. {reason}"),
    N_("Missing parameter: {name}"),
    N_("Choose from:\n\t{choices}"),
    N_("Option {name} requires an argument."),
    N_("Option {name} requires {count} arguments."),
    N_("Option {name} does not take a value."),
    N_("Argument {name} takes {count} values."),
    N_("Got unexpected extra argument(s) ({arguments})"),
    N_("Invalid value for {name}: {reason}"),
    N_("Invalid value: {reason}"),
    N_("Value error, {reason}"),
    N_("{value} is not one of {choices}."),
    N_("Value {value} is not a valid {kind}."),
    N_("Value must be an iterable."),
    N_("Input should be greater than or equal to {limit}"),
    N_("Input should be less than or equal to {limit}"),
    N_("Input should be greater than {limit}"),
    N_("Input should be less than {limit}"),
    N_("Input should be a valid integer, unable to parse string as an integer"),
    N_("Input should be a valid integer, got a number with a fractional part"),
    N_("Input should be a valid number, unable to parse string as a number"),
    N_("Input should be a finite number"),
    N_("Could not open file {name}: {reason}"),
    N_("Aborted!"),
)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@cache
def _compiled() -> list[tuple[re.Pattern[str], str]]:
    """The patterns as regular expressions: fixed text as written, each placeholder any text."""
    compiled = []
    for pattern in PATTERNS:
        pieces = _PLACEHOLDER.split(pattern)  # text, name, text, name, ..., text
        regex = "".join(re.escape(piece) if i % 2 == 0 else f"(?P<{piece}>.+?)" for i, piece in enumerate(pieces))
        compiled.append((re.compile(regex, re.DOTALL), pattern))
    return compiled


def translate(message: str) -> str:
    """Typer's English ``message`` in the chosen language, when it is one of the known patterns. Of the patterns
    that match, the one that leaves the least text to copy as it is wins: ``Value error, {reason}`` rather than
    ``{value} is not one of {choices}.`` with ``Value error, 'x'`` as the value."""
    best: tuple[int, str, dict[str, str]] | None = None
    for regex, pattern in _compiled():
        match = regex.fullmatch(message)
        if match is not None:
            values = match.groupdict()
            copied = sum(len(value) for name, value in values.items() if name != "reason")
            if best is None or copied < best[0]:
                best = (copied, pattern, values)
    if best is None:
        return message
    _copied, pattern, values = best
    return _(pattern).format(**{name: _value(name, value) for name, value in values.items()})


def _value(name: str, value: str) -> str:
    """A reason is a message of its own; an argument's name (``'FILE'``) is the metavar the help shows."""
    if name == "reason":
        return translate(value)
    if name == "name" and len(value) > 2 and value[0] == value[-1] == "'" and not value.startswith("'-"):
        return f"'{_(value[1:-1])}'"
    return value

"""Help that reads well: plain text, whole words, and examples.

Typer's default help prints type tokens (``<str>``, ``<bool>``, ``{FILE}``) and cuts command summaries with
"..."; these command and group classes (Typer's public ``cls=`` hook) write the help themselves: options with
their value's name, every summary whole, words never split at a hyphen, and an Examples section taken from
each command's epilog (one example a line).
"""

from __future__ import annotations

import textwrap
from typing import Any

from typer.core import TyperCommand, TyperGroup

INDENT = 2


def _wrap(text: str, width: int, indent: int = INDENT, hang: int | None = None) -> list[str]:
    first = " " * indent
    rest = " " * (indent if hang is None else hang)
    lines: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        if lines:
            lines.append("")
        lines += textwrap.wrap(" ".join(paragraph.split()), max(20, width), initial_indent=first,
                               subsequent_indent=rest, break_on_hyphens=False, break_long_words=False)
    return lines


def _rows(rows: list[tuple[str, str]], width: int) -> list[str]:
    """Two columns: names, then their help wrapped beside them (under them when a name is long)."""
    column = min(max((len(name) for name, _ in rows), default=0) + INDENT + 2, 30)
    lines: list[str] = []
    for name, help_text in rows:
        head = " " * INDENT + name
        body = _wrap(help_text, width, indent=column, hang=column)
        if len(head) + 2 <= column and body:
            lines.append(head + body[0][len(head):])
            lines += body[1:]
        else:
            lines.append(head)
            lines += body
    return lines


def _param_rows(ctx: Any, command: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    arguments, options = [], []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        help_text = (getattr(param, "help", None) or "").strip()
        if param.param_type_name == "argument":
            arguments.append(((param.metavar or param.name or "").upper(),
                              help_text + (" Required." if param.required else "")))
            continue
        name = ", ".join(sorted(param.opts, key=len))
        if not param.is_flag:
            name += f" {param.metavar or (param.name or 'value').upper()}"
        if param.multiple:
            help_text += " Repeatable."
        options.append((name, help_text))
    return arguments, options


def _examples(command: Any) -> list[str]:
    lines = [line.strip() for line in (command.epilog or "").strip().splitlines() if line.strip()]
    return [" " * INDENT + line for line in lines]


def _usage(ctx: Any, command: Any) -> str:
    pieces = ["[OPTIONS]"]
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            pieces.append((param.metavar or param.name or "").upper())
    if isinstance(command, TyperGroup):
        pieces.append("COMMAND [ARGS]...")
    return f"Usage: {ctx.command_path} {' '.join(pieces)}"


def help_text(ctx: Any, command: Any, width: int) -> str:
    lines = [_usage(ctx, command), ""]
    if command.help:
        lines += _wrap(command.help, width) + [""]
    arguments, options = _param_rows(ctx, command)
    if arguments:
        lines += ["Arguments:", *_rows(arguments, width), ""]
    if options:
        lines += ["Options:", *_rows(options, width), ""]
    if isinstance(command, TyperGroup):
        commands = []
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                summary = (sub.short_help or (sub.help or "").strip().split("\n\n")[0]).strip()
                commands.append((name, " ".join(summary.split())))
        lines += ["Commands:", *_rows(commands, width), ""]
    examples = _examples(command)
    if examples:
        lines += ["Examples:", *examples, ""]
    return "\n".join(lines)


class PlainCommand(TyperCommand):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(help_text(ctx, self, formatter.width or 80))


class PlainGroup(TyperGroup):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(help_text(ctx, self, formatter.width or 80))

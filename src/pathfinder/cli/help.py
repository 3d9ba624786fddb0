"""Help that reads well, and commands built only when they run.

Typer's default help prints type tokens (``<str>``, ``<bool>``, ``{FILE}``) and cuts command summaries with
"..."; these command and group classes (Typer's public ``cls=`` hook) write the help themselves: options with
their value's name, every summary whole, words never split at a hyphen, and an Examples section taken from
each command's epilog (one example a line).

The group also loads its subcommands lazily, as Click documents ("Lazily Loading Subcommands"): each command
is a one-command Typer app, turned into a Click command with ``typer.main.get_command`` the first time it is
asked for, so a run builds the options of the one command it runs, and the top-level help none.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

import typer
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
            summary = _summary(command, ctx, name)
            if summary is not None:
                commands.append((name, summary))
        lines += ["Commands:", *_rows(commands, width), ""]
    examples = _examples(command)
    if examples:
        lines += ["Examples:", *examples, ""]
    return "\n".join(lines)


def summary_of(text: str | None) -> str:
    """A command's summary: the first paragraph of its help, on one line."""
    return " ".join((text or "").strip().split("\n\n")[0].split())


def _summary(group: Any, ctx: Any, name: str) -> str | None:
    """A subcommand's summary (None if hidden), without building a lazy one."""
    commands = group.commands
    if isinstance(commands, LazyCommands) and not commands.built(name):
        return commands.summary(name)
    sub = group.get_command(ctx, name)
    if sub is None or sub.hidden:
        return None
    return summary_of(sub.short_help or sub.help)


class LazyCommands(MutableMapping[str, Any]):
    """A group's commands by name: each one-command Typer app in ``apps`` is made a Click command when it is
    first looked up; the names (for the help and for "did you mean") need nothing built."""

    def __init__(self, built: MutableMapping[str, Any], apps: dict[str, tuple[typer.Typer, str]]) -> None:
        self._built = dict(built)
        self._apps = apps  # name -> (app, summary)

    def built(self, name: str) -> bool:
        return name in self._built or name not in self._apps

    def summary(self, name: str) -> str:
        return self._apps[name][1]

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in self._apps:
                raise KeyError(name)
            self._built[name] = typer.main.get_command(self._apps[name][0])
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        self._built.pop(name, None)
        self._apps.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter({**dict.fromkeys(self._apps), **dict.fromkeys(self._built)})

    def __len__(self) -> int:
        return len(set(self._apps) | set(self._built))


class LazyCommandsRegistry:
    """Where ``command`` puts each command's one-command app, for a ``PlainGroup`` to load lazily."""

    def __init__(self, **settings: Any) -> None:
        self.apps: dict[str, tuple[typer.Typer, str]] = {}
        self.settings = settings

    def command(self, name: str, **options: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Like ``Typer.command``: registers the function as the command ``name``, in its own app."""

        def register(function: Callable[..., Any]) -> Callable[..., Any]:
            sub = typer.Typer(**self.settings)
            sub.command(name, cls=PlainCommand, **options)(function)
            self.apps[name] = (sub, summary_of(function.__doc__))
            return function

        return register


class PlainCommand(TyperCommand):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(help_text(ctx, self, formatter.width or 80))


class PlainGroup(TyperGroup):
    registry: LazyCommandsRegistry | None = None  # set on a subclass: its commands, loaded lazily

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.registry is not None:
            self.commands = LazyCommands(self.commands, dict(self.registry.apps))

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # the names, in the order the commands were made, building none

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(help_text(ctx, self, formatter.width or 80))

"""Help that reads well, and commands built only when they run.

Typer's default help prints type tokens (``<str>``, ``<bool>``, ``{FILE}``) and cuts command summaries with
"..."; these command and group classes (Typer's public ``cls=`` hook) write the help themselves: options with
their value's name, every summary whole, words never split at a hyphen, and an Examples section taken from
each command's epilog (one example a line).

Every word of the help is shown in the chosen language: the headings and Click's own words are wrapped here, and
each help text, option name and example the commands give is looked up in the catalog as it is shown (mark them
with ``N_()`` where they are written). The group chooses the language as a run starts, before anything is parsed
or shown (the ``--lang`` option, which Typer declares and checks, is read from the arguments ahead of Typer
because ``--help`` and usage errors are written before any callback runs), and writes Typer's usage errors
through ``click_words``.

The group also loads its subcommands lazily, as Click documents ("Lazily Loading Subcommands"): each command
is a one-command Typer app, turned into a Click command with ``typer.main.get_command`` the first time it is
asked for, so a run builds the options of the one command it runs, and the top-level help none.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from typing import Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from pathfinder import i18n
from pathfinder.i18n import N_, _

INDENT = 2
LANGUAGE_OPTION = "--lang"
HELP_OPTION_HELP = N_("Show this message and exit.")  # Click's words for -h/--help, shown through _words


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
        help_text = _words(getattr(param, "help", None))
        if param.param_type_name == "argument":
            arguments.append((_metavar(param), help_text + (_(" Required.") if param.required else "")))
            continue
        name = ", ".join(sorted(param.opts, key=len))
        if not param.is_flag:
            name += f" {_metavar(param)}"
        if param.multiple:
            help_text += _(" Repeatable.")
        options.append((name, help_text))
    return arguments, options


def _words(text: str | None) -> str:
    """A help text, option name or example block as written in the code, in the chosen language. The catalog's
    entry is the text as extracted (a docstring or a triple-quoted epilog keeps its indentation), so the text is
    looked up as written, then trimmed."""
    return _(text).strip() if text else ""


def _metavar(param: Any) -> str:
    return _words(param.metavar) or (param.name or "value").upper()


def _examples(command: Any) -> list[str]:
    lines = [line.strip() for line in _words(command.epilog).splitlines() if line.strip()]
    return [" " * INDENT + line for line in lines]


def _usage(ctx: Any, command: Any) -> str:
    pieces = [_("[OPTIONS]")]
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            pieces.append(_metavar(param))
    if isinstance(command, TyperGroup):
        pieces.append(_("COMMAND [ARGS]..."))
    return " ".join([_("Usage:"), ctx.command_path, *pieces])


def help_text(ctx: Any, command: Any, width: int) -> str:
    lines = [_usage(ctx, command), ""]
    if command.help:
        lines += _wrap(_words(command.help), width) + [""]
    arguments, options = _param_rows(ctx, command)
    if arguments:
        lines += [_("Arguments:"), *_rows(arguments, width), ""]
    if options:
        lines += [_("Options:"), *_rows(options, width), ""]
    if isinstance(command, TyperGroup):
        commands = []
        for name in command.list_commands(ctx):
            summary = _summary(command, ctx, name)
            if summary is not None:
                commands.append((name, summary))
        lines += [_("Commands:"), *_rows(commands, width), ""]
    examples = _examples(command)
    if examples:
        lines += [_("Examples:"), *examples, ""]
    return "\n".join(lines)


def summary_of(text: str | None) -> str:
    """A command's summary: the first paragraph of its help (in the chosen language), on one line."""
    return " ".join(_words(text).split("\n\n")[0].split())


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
        self._apps = apps  # name -> (app, help text)

    def built(self, name: str) -> bool:
        return name in self._built or name not in self._apps

    def summary(self, name: str) -> str:
        return summary_of(self._apps[name][1])

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
            self.apps[name] = (sub, options.get("help") or function.__doc__ or "")
            return function

        return register


class PlainCommand(TyperCommand):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(help_text(ctx, self, formatter.width or 80))

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write(_usage(ctx, self) + "\n")


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

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write(_usage(ctx, self) + "\n")

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        if parent is None:  # a run starts: its language, before anything is parsed or shown
            try:
                i18n.choose_language(_given(self, args, LANGUAGE_OPTION))
            except i18n.MissingCatalog as exc:
                sys.stderr.write(f"pathfinder: {exc}\n")
        return super().make_context(info_name, args, parent=parent, **extra)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        """Typer's main, with its usage errors written in the chosen language; the language in use before the run
        is put back after it (a program or a test that runs the app twice starts each run afresh)."""
        standalone = standalone_mode
        before = i18n.language()
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False,
                                windows_expand_args=windows_expand_args, **extra)
        except typer.Abort:
            if not standalone:
                raise
            sys.stderr.write(_("Aborted!") + "\n")
            sys.exit(1)
        except typer.TyperException as exc:  # Click's usage errors (ClickException)
            if not standalone:
                raise
            _show_error(exc)
        finally:
            if i18n.language() != before:
                i18n.set_language(before)
        if not standalone:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def _given(group: Any, args: Sequence[str], name: str) -> str | None:
    """The value given to the group's own option ``name`` (``--lang es`` or ``--lang=es``; the last one wins, as in
    Click), read from the arguments before the subcommand's name; None if not given. Typer still parses and checks
    the option: this only lets the language apply to what Typer writes before any callback runs."""
    takes_value = {opt for param in group.params if param.param_type_name == "option" and not param.is_flag
                   for opt in param.opts}
    value = None
    index = 0
    while index < len(args):
        key, equals, rest = args[index].partition("=")
        if key == "--" or not key.startswith("-"):
            break  # the subcommand's name: what follows is its own
        if key == name:
            value = rest if equals else (args[index + 1] if index + 1 < len(args) else None)
        index += 2 if key in takes_value and not equals else 1
    return value


def _show_error(exc: Any) -> NoReturn:
    """A usage error as Click writes it (usage, where to find help, the error), in the chosen language."""
    from pathfinder.cli.click_words import translate

    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError":  # no arguments: the help itself, already in the language
        sys.stderr.write(exc.format_message().rstrip("\n") + "\n")
        sys.exit(exc.exit_code)
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage().rstrip("\n"))
        if ctx.command.get_help_option(ctx) is not None:
            command = f"{ctx.command_path} {ctx.help_option_names[0]}"
            lines.append(_("Try '{command}' for help.").format(command=command))
        lines.append("")
    lines.append(_("Error: {message}").format(message=translate(exc.format_message())))
    sys.stderr.write("\n".join(lines) + "\n")
    sys.exit(exc.exit_code)

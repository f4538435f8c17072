"""The ``citeexport`` command: argument plumbing only; the work is in :mod:`citeexport.pipeline`.

One sub-command per registered writer (``citeexport bibtex FILE…``), plus ``convert`` for
several formats in one pass and ``formats`` to list what is available.  Each command offers
the options it uses, composed from :mod:`citeexport.cli_params`; its help and examples come
from :mod:`citeexport.cli_help`.

A format's command (and ``convert``) is made when it is first looked up (:class:`LazyGroup`):
making it needs its writer's options, so ``citeexport ris …`` imports the RIS writer and no
other; the top-level help, completion and "did you mean" look every command up.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

import typer
import typer.core
import typer.main
import typer.models

from . import exitcodes
from .cli_help import CONVERT_EXAMPLES, FORMATS_EXAMPLES, MAIN_EXAMPLES, HelpCommand, epilog, format_examples, listings
from .cli_params import job_from, main_signature, signature
from .pipeline import Job, run
from .registry import get_writer, readers, writer_names, writers
from .report import Report


class LazyCommands(MutableMapping[str, Any]):
    """A group's commands by name, in the order given; a pending one is made when first looked up."""

    def __init__(self, made: Mapping[str, Any], pending: Mapping[str, Callable[[], Any]], order: list[str]) -> None:
        self._made = dict(made)
        self._pending = dict(pending)
        self._order = [name for name in dict.fromkeys(order) if name in self._made or name in self._pending]
        self._order += [name for name in self._made if name not in self._order]

    def __getitem__(self, name: str) -> Any:
        if name not in self._made:
            if name not in self._pending:
                raise KeyError(name)
            self._made[name] = self._pending.pop(name)()
        return self._made[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._pending.pop(name, None)
        self._made[name] = command
        if name not in self._order:
            self._order.append(name)

    def __delitem__(self, name: str) -> None:
        if name not in self._made and name not in self._pending:
            raise KeyError(name)
        self._made.pop(name, None)
        self._pending.pop(name, None)
        self._order.remove(name)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._order))

    def __len__(self) -> int:
        return len(self._order)


#: Commands made when first looked up: name -> the command's settings (typer's ``app.command`` arguments).
_LAZY: dict[str, Callable[[], typer.models.CommandInfo]] = {}
#: The order of the commands in the help: ``convert``, ``formats``, then the formats.
_ORDER: list[str] = ["convert", "formats"]
#: Epilogs made when a command's help is shown (their lists of values ask every writer).
_EPILOGS: dict[str, Callable[[], str]] = {}


class LazyGroup(typer.core.TyperGroup):
    """The top-level group: the commands of :data:`_LAZY` are made on demand (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        pending = {name: functools.partial(_make_lazy, name) for name in _LAZY if name not in self.commands}
        self.commands = LazyCommands(self.commands, pending, [*_ORDER, *sorted(_LAZY)])


def _make(info: typer.models.CommandInfo) -> Any:
    return typer.main.get_command_from_info(
        info, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=app.rich_markup_mode
    )


def _make_lazy(name: str) -> Any:
    command = _make(_LAZY[name]())
    if name in _EPILOGS:
        command.epilog_factory = _EPILOGS[name]
    return command


app = typer.Typer(
    cls=LazyGroup,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Turn journal article records into citations: BibTeX, RIS, EndNote, RefWorks, CSL-JSON, GB/T 7714 text."
    "\n\nRun 'citeexport COMMAND -h' for a command's options and examples.",
    epilog=epilog(MAIN_EXAMPLES),
)

_QUIET_KEY = "citeexport.quiet"
_VERBOSE_KEY = "citeexport.verbose"


def _main(ctx: typer.Context, **values: bool) -> None:
    ctx.meta[_QUIET_KEY] = values["quiet"]
    ctx.meta[_VERBOSE_KEY] = values["verbose"]


_main.__signature__ = main_signature()  # type: ignore[attr-defined]
app.callback()(_main)


def _execute(job: Job, quiet: bool, verbose: bool, debug: bool) -> None:
    report = Report(quiet=quiet, verbose=verbose)
    raise typer.Exit(exitcodes.exit_code(lambda: run(job, report), report, debug=debug))


def _run(ctx: typer.Context, formats: list[str], values: dict[str, Any]) -> None:
    """One conversion from a command's values; ``-q``/``-v`` may also come before the command."""
    quiet = values.pop("quiet") or ctx.meta.get(_QUIET_KEY, False)
    verbose = values.pop("verbose") or ctx.meta.get(_VERBOSE_KEY, False)
    if quiet and verbose:
        ctx.fail("-q and -v: choose one (-q says less, -v more)")
    _execute(job_from(formats, values), quiet, verbose, values["debug"])


def _format_command(fmt: str) -> Callable[..., None]:
    def command(ctx: typer.Context, **values: Any) -> None:
        _run(ctx, [fmt], values)

    command.__signature__ = signature([fmt])  # type: ignore[attr-defined]
    return command


def _convert(ctx: typer.Context, **values: Any) -> None:
    formats = [f.strip() for f in values.pop("to").split(",") if f.strip()]
    if len(formats) > 1 and values["output"] is not None:
        ctx.fail("-o writes one format: give --out-dir DIR for several")
    _run(ctx, formats, values)


def _convert_command() -> typer.models.CommandInfo:
    _convert.__signature__ = signature(None)  # type: ignore[attr-defined]
    return typer.models.CommandInfo(
        "convert",
        cls=HelpCommand,
        callback=_convert,
        help="Write one or several formats in one pass: several go into --out-dir, one to -o FILE or stdout.",
    )


_LAZY["convert"] = _convert_command
_EPILOGS["convert"] = lambda: epilog(CONVERT_EXAMPLES, listings(writers()))


@app.command("formats", cls=HelpCommand, help="List the input and output formats.", epilog=epilog(FORMATS_EXAMPLES))
def formats() -> None:
    rows = [("in", name, cls.description) for name, cls in sorted(readers().items())]
    rows += [("out", name, writer.description) for name, writer in sorted(writers().items())]
    width = max(len(name) for _, name, _ in rows)  # the longest name sets the column
    for way, name, description in rows:
        typer.echo(f"{way:<4} {name:<{width}}  {description}")


def _writer_command(fmt: str) -> typer.models.CommandInfo:
    return typer.models.CommandInfo(
        fmt,
        cls=HelpCommand,
        callback=_format_command(fmt),
        help=f"Write {get_writer(fmt).description}.",
    )


def _writer_epilog(fmt: str) -> str:
    return epilog(format_examples(fmt), listings([fmt]))


for _name in writer_names():
    _LAZY[_name] = functools.partial(_writer_command, _name)
    _EPILOGS[_name] = functools.partial(_writer_epilog, _name)


def main() -> None:
    exitcodes.prepare_process()  # closed standard streams, signals (see exitcodes.py)
    try:
        app(prog_name="citeexport")  # also as `python -m citeexport`: usage lines and completion name the command
    except BrokenPipeError:  # `citeexport --help | head -1`: not an error
        sys.exit(exitcodes.broken_pipe())

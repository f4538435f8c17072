"""The ``citeexport`` command: argument plumbing only; the work is in :mod:`citeexport.pipeline`.

One sub-command per registered writer (``citeexport bibtex FILE…``), plus ``convert`` for
several formats in one pass and ``formats`` to list what is available.  Each command offers
the options it uses, composed from :mod:`citeexport.cli_params`; its help and examples come
from :mod:`citeexport.cli_help`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import typer

from . import exitcodes
from .cli_help import CONVERT_EXAMPLES, FORMATS_EXAMPLES, MAIN_EXAMPLES, HelpCommand, epilog, format_examples, listings
from .cli_params import job_from, main_signature, signature
from .pipeline import Job, run
from .registry import readers, writers
from .report import Report

app = typer.Typer(
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


_convert.__signature__ = signature(None)  # type: ignore[attr-defined]

app.command(
    "convert",
    cls=HelpCommand,
    help="Write one or several formats in one pass: several go into --out-dir, one to -o FILE or stdout.",
    epilog=epilog(CONVERT_EXAMPLES, listings(writers())),
)(_convert)


@app.command("formats", cls=HelpCommand, help="List the input and output formats.", epilog=epilog(FORMATS_EXAMPLES))
def formats() -> None:
    for name, cls in sorted(readers().items()):
        typer.echo(f"in   {name:<10} {cls.description}")
    for name, writer in sorted(writers().items()):
        typer.echo(f"out  {name:<10} {writer.description}")


for _name, _writer in sorted(writers().items()):
    app.command(
        _name, cls=HelpCommand, help=f"Write {_writer.description}.", epilog=epilog(format_examples(_name), listings([_name]))
    )(_format_command(_name))


def main() -> None:
    exitcodes.prepare_process()  # closed standard streams, signals (see exitcodes.py)
    try:
        app(prog_name="citeexport")  # also as `python -m citeexport`: usage lines and completion name the command
    except BrokenPipeError:  # `citeexport --help | head -1`: not an error
        sys.exit(exitcodes.broken_pipe())

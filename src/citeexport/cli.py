"""The ``citeexport`` command: argument plumbing only; the work is in :mod:`citeexport.pipeline`.

One sub-command per registered writer (``citeexport bibtex FILE…``), plus ``convert`` for
several formats in one pass and ``formats`` to list what is available.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from . import __version__, exitcodes
from .options import ReadOptions, WriteOptions
from .pipeline import Job, run
from .registry import readers, writers
from .report import Report

EXAMPLES = """

Examples:

\b
  citeexport bibtex examples/article.txt            # BibTeX to stdout, Chinese and English entries
  citeexport ris --lang zh article.txt -o out.ris   # RIS of the Chinese record, written atomically
  cat issue.txt | citeexport text --numbered -      # GB/T 7714 reference list from stdin
  citeexport convert --to bibtex,ris,text --out-dir out/ -r dumps/
"""


class Lang(StrEnum):
    zh = "zh"
    en = "en"
    both = "both"


class OnError(StrEnum):
    skip = "skip"
    stop = "stop"


class Split(StrEnum):
    file = "file"
    record = "record"


app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Turn journal article records into citations: BibTeX, RIS, EndNote, RefWorks, CSL-JSON, GB/T 7714 text." + EXAMPLES,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"citeexport {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool | None, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """citeexport: journal article records in, citations out."""


InputsArg = Annotated[
    list[str], typer.Argument(help="Input files or folders; - for stdin.", show_default=False, metavar="FILE...")
]
OutputOpt = Annotated[str | None, typer.Option("-o", "--output", help="Write to this file (atomically) instead of stdout.")]
LangOpt = Annotated[
    Lang,
    typer.Option("--lang", help="Language of the records to write: zh, en, or both (each article in every language it has)."),
]
FromOpt = Annotated[str | None, typer.Option("--from", help="Input format (default: by extension, then by content).")]
AsciiOpt = Annotated[bool, typer.Option("--ascii", help="BibTeX: LaTeX-encoded ASCII instead of UTF-8.")]
StyleOpt = Annotated[
    str,
    typer.Option(
        "--style",
        help="Text: gb7714-2015 (default), gb7714-2015-author-date, gb7714-2025, gb7714-2025-author-date, or a CSL file.",
    ),
]
NumberedOpt = Annotated[bool, typer.Option("--numbered", help="Text: number the references [1], [2], …")]
AccessedOpt = Annotated[
    dt.datetime | None,
    typer.Option("--accessed", formats=["%Y-%m-%d"], help="Text: cite as online with this access date (YYYY-MM-DD)."),
]
EncodingOpt = Annotated[
    str | None, typer.Option("--encoding", help="Input encoding (default: detect; UTF-8, UTF-16 with BOM, GB18030 …).")
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Treat tolerated input defects as errors.")]
OnErrorOpt = Annotated[OnError, typer.Option("--on-error", help="skip: report a bad record and go on; stop: end at the first.")]
OutDirOpt = Annotated[
    str | None,
    typer.Option("--out-dir", help="Write one file per input (or per record with --split record) into this folder."),
]
SplitOpt = Annotated[Split, typer.Option("--split", help="With --out-dir: one output file per input file or per record.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite existing output files.")]
RecursiveOpt = Annotated[bool, typer.Option("-r", "--recursive", help="Read folders recursively.")]
GlobOpt = Annotated[str, typer.Option("--glob", help="With folders: only files matching this pattern.")]
QuietOpt = Annotated[bool, typer.Option("-q", "--quiet", help="No warnings and no summary on stderr (errors still shown).")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks of unexpected errors.")]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "-j", "--jobs", min=1, help="Worker processes for dump inputs (default: all cores for inputs over 8 MB, else 1)."
    ),
]
ProgressOpt = Annotated[
    bool | None,
    typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: on a terminal, for large inputs)."),
]


def _execute(job: Job, quiet: bool, debug: bool) -> None:
    report = Report(quiet=quiet)
    raise typer.Exit(exitcodes.exit_code(lambda: run(job, report), report, debug=debug))


def _run(formats: list[str], options: dict[str, Any]) -> None:
    """One conversion from a command's parameters (both commands name them alike)."""
    accessed = options.get("accessed")
    job = Job(
        inputs=options["inputs"],
        formats=formats,
        read_options=ReadOptions(encoding=options["encoding"], strict=options["strict"]),
        write_options=WriteOptions(
            lang=options["lang"].value,
            ascii=options["ascii_only"],
            style=options["style"],
            numbered=options["numbered"],
            accessed=accessed.date() if accessed else None,
        ),
        from_format=options["from_format"],
        output=options.get("output"),
        out_dir=options["out_dir"],
        split=options["split"].value,
        force=options["force"],
        on_error=options["on_error"].value,
        recursive=options["recursive"],
        glob=options["glob"],
        debug=options["debug"],
        jobs=options["jobs"],
        progress=options["progress"],
    )
    _execute(job, options["quiet"], options["debug"])


def _make_command(fmt: str):
    def command(
        inputs: InputsArg,
        output: OutputOpt = None,
        lang: LangOpt = Lang.both,
        from_format: FromOpt = None,
        ascii_only: AsciiOpt = False,
        style: StyleOpt = "gb7714-2015",
        numbered: NumberedOpt = False,
        accessed: AccessedOpt = None,
        encoding: EncodingOpt = None,
        strict: StrictOpt = False,
        on_error: OnErrorOpt = OnError.skip,
        out_dir: OutDirOpt = None,
        split: SplitOpt = Split.file,
        force: ForceOpt = False,
        recursive: RecursiveOpt = False,
        glob: GlobOpt = "*",
        quiet: QuietOpt = False,
        debug: DebugOpt = False,
        jobs: JobsOpt = None,
        progress: ProgressOpt = None,
    ) -> None:
        _run([fmt], locals())

    return command


@app.command("convert", help="Write several formats in one pass into --out-dir." + EXAMPLES)
def convert(
    inputs: InputsArg,
    to: Annotated[str, typer.Option("--to", help="Comma-separated output formats, e.g. bibtex,ris,enw,refworks,text.")],
    out_dir: Annotated[str, typer.Option("--out-dir", help="Folder for the output files.")],
    lang: LangOpt = Lang.both,
    from_format: FromOpt = None,
    ascii_only: AsciiOpt = False,
    style: StyleOpt = "gb7714-2015",
    numbered: NumberedOpt = False,
    encoding: EncodingOpt = None,
    strict: StrictOpt = False,
    on_error: OnErrorOpt = OnError.skip,
    split: SplitOpt = Split.file,
    force: ForceOpt = False,
    recursive: RecursiveOpt = False,
    glob: GlobOpt = "*",
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
    jobs: JobsOpt = None,
    progress: ProgressOpt = None,
) -> None:
    _run([f.strip() for f in to.split(",") if f.strip()], locals())


@app.command("formats", help="List the input and output formats.")
def formats() -> None:
    for name, cls in sorted(readers().items()):
        typer.echo(f"in   {name:<10} {cls.description}")
    for name, writer in sorted(writers().items()):
        typer.echo(f"out  {name:<10} {writer.description}")


for _name, _writer in sorted(writers().items()):
    app.command(_name, help=f"Write {_writer.description}." + EXAMPLES)(_make_command(_name))


def main() -> None:
    exitcodes.prepare_process()  # closed standard streams, signals (see exitcodes.py)
    try:
        app()
    except BrokenPipeError:  # `citeexport --help | head -1`: not an error
        sys.exit(exitcodes.broken_pipe())

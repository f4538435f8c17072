"""Every command-line option, defined once, and the signatures of the commands made from them.

typer reads a command's options from its function signature.  Instead of one signature with
every option copied into every command, each option is a :class:`Param` here, and a command's
signature is composed from the ones it uses (:func:`signature`): the options every command has
(inputs, output, reading, messages), then the writer options its formats declare
(``Writer.options_used``: ``bibtex`` takes ``--ascii``, ``text`` takes ``--style``,
``--numbered`` and ``--accessed``; ``convert`` takes those of every format).  A parameter is
named after the field it fills (of :class:`~citeexport.pipeline.Job`, :class:`ReadOptions` or
:class:`WriteOptions`), so the values go where they belong by name (:func:`job_from`).

A new writer option: a field in ``WriteOptions``, its ``Param`` in :data:`WRITE_PARAMS`, and its
name in the ``options_used`` of the writers that read it.  ``tests/cli`` checks the three agree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
from collections.abc import Callable, Iterable
from enum import Enum, StrEnum
from typing import Annotated, Any

import typer

from . import __version__
from .options import ReadOptions, WriteOptions
from .pipeline import Job
from .registry import get_writer, writers
from .registry import reader_names as _reader_names
from .registry import writer_names as _writer_names


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


def _date(value: str | dt.date) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: give it as YYYY-MM-DD, e.g. 2026-11-25") from None


def _positive(value: str | int) -> int:
    try:
        number = int(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a number") from None
    if number < 1:
        raise typer.BadParameter(f"{value!r}: give 1 or more")
    return number


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"citeexport {__version__}")
        raise typer.Exit()


def _completing(names: Callable[[], Iterable[str]], *, listed: bool = False) -> Callable[[str], list[str]]:
    """Shell completion from a list of names (``listed``: the last of comma-separated names)."""

    def complete(incomplete: str) -> list[str]:
        done, _, last = incomplete.rpartition(",") if listed else ("", "", incomplete)
        prefix = f"{done}," if done else ""
        return [prefix + name for name in names() if name.startswith(last)]

    return complete


def reader_names() -> list[str]:
    return sorted(_reader_names())


def writer_names() -> list[str]:
    return sorted(_writer_names())


def option_values(option: str) -> list[tuple[str, str]]:
    """The values a writer option takes, as the writers that read it list them (``[]``: any value)."""
    for cls in writers().values():
        if option in cls.options_used and (values := cls.option_values(option)):
            return values
    return []


def style_names() -> list[str]:
    return [name for name, _ in option_values("style")]


@dataclasses.dataclass(frozen=True)
class Param:
    """One command-line parameter: what typer needs to offer it, and where its value goes (``name``)."""

    name: str
    type: Any
    flags: tuple[str, ...]
    help: str
    default: Any = None
    metavar: str | None = None
    argument: bool = False
    #: A command line showing the option, ``{command}`` for the command's name, and what it does.
    example: tuple[str, str] | None = None
    #: The values the option takes, listed under the help: (title, function giving (value, what it is) pairs).
    listing: tuple[str, Callable[[], list[tuple[str, str]]]] | None = None
    settings: dict[str, Any] = dataclasses.field(default_factory=dict)  # more typer.Option settings

    def parameter(self, help: str | None = None) -> inspect.Parameter:
        if self.argument:
            info = typer.Argument(help=help or self.help, metavar=self.metavar, show_default=False, **self.settings)
        else:
            info = typer.Option(*self.flags, help=help or self.help, metavar=self.metavar, **self.settings)
        default = inspect.Parameter.empty if self.default is ... else self.default
        return inspect.Parameter(
            self.name, inspect.Parameter.KEYWORD_ONLY, annotation=Annotated[self.type, info], default=default
        )


def _write_default(name: str) -> Any:
    return WriteOptions.model_fields[name].default


INPUTS = Param(
    "inputs",
    list[str],
    (),
    "Input files or folders, - for stdin; any mix of the formats citeexport reads.",
    default=...,
    metavar="FILE…",
    argument=True,
)
OUTPUT = Param("output", str | None, ("-o", "--output"), "Write to FILE (when complete) instead of stdout.", metavar="FILE")
FORMATS_TO = Param(
    "to",
    str,
    ("--to",),
    f"Output formats, comma-separated: {', '.join(writer_names())}.",
    default=...,
    metavar="FORMAT,…",
    settings={"autocompletion": _completing(writer_names, listed=True)},
)
OUT_DIR = Param(
    "out_dir",
    str | None,
    ("--out-dir",),
    "Write one file per input (per record with --split record) into DIR.",
    metavar="DIR",
)
SPLIT = Param(
    "split", Split, ("--split",), "With --out-dir: one output file per input file, or per record.", Split.file, "file|record"
)
FORCE = Param("force", bool, ("--force",), "Overwrite existing output files.", False)
LANG = Param(
    "lang",
    Lang,
    ("--lang",),
    "Language of the articles to write: zh, en, or both (each article in every language it has).",
    Lang.both,
    "zh|en|both",
)
FROM = Param(
    "from_format",
    str | None,
    ("--from",),
    f"Read the inputs as FORMAT: {', '.join(reader_names())} (default: by extension, then by content).",
    metavar="FORMAT",
    settings={"autocompletion": _completing(reader_names)},
)
ENCODING = Param(
    "encoding",
    str | None,
    ("--encoding",),
    "Input encoding, e.g. gb18030 (default: detected: UTF-8, UTF-16 with a BOM, GB18030 …).",
    metavar="NAME",
)
STRICT = Param("strict", bool, ("--strict",), "Treat tolerated input defects (repaired with a warning) as errors.", False)
ON_ERROR = Param(
    "on_error",
    OnError,
    ("--on-error",),
    "skip: report a bad record and go on; stop: end at the first, writing no partial file.",
    OnError.skip,
    "skip|stop",
)
RECURSIVE = Param("recursive", bool, ("-r", "--recursive"), "Read folders recursively.", False)
GLOB = Param("glob", str, ("--glob",), "With folders: only files matching PATTERN, e.g. '*.txt'.", "*", "PATTERN")
JOBS = Param(
    "jobs",
    int | None,
    ("-j", "--jobs"),
    "Worker processes for dump inputs (default: all cores for inputs over 8 MB, else 1).",
    metavar="N",
    settings={"parser": _positive},
)
PROGRESS = Param(
    "progress",
    bool | None,
    ("--progress/--no-progress",),
    "Progress bar on stderr (default: on a terminal, for large inputs).",
)
QUIET = Param("quiet", bool, ("-q", "--quiet"), "No warnings and no summary on stderr; errors are still shown.", False)
VERBOSE = Param(
    "verbose", bool, ("-v", "--verbose"), "Every warning of every record, and the summary even when stderr is no terminal.", False
)
DEBUG = Param("debug", bool, ("--debug",), "Show the traceback of an internal error.", False)
VERSION = Param(
    "version",
    bool | None,
    ("-V", "--version"),
    "Show the version and exit.",
    settings={"callback": _show_version, "is_eager": True, "expose_value": False},
)

#: Writer options, by the WriteOptions field they fill.
WRITE_PARAMS: dict[str, Param] = {
    "ascii": Param(
        "ascii",
        bool,
        ("--ascii",),
        "LaTeX-encoded ASCII instead of UTF-8 (accented letters as {\\'e}), for 8-bit BibTeX.",
        _write_default("ascii"),
        example=("citeexport {command} --ascii refs.ris -o legacy.bib", "accented letters as LaTeX, for 8-bit BibTeX"),
    ),
    "style": Param(
        "style",
        str,
        ("--style",),
        "A bundled style (listed below), or the path of a .csl file (APA, Vancouver, a journal's own).",
        _write_default("style"),
        "STYLE",
        example=("citeexport {command} --style gb7714-2025-author-date issue.txt", "GB/T 7714-2025, author-date, sorted"),
        listing=("Styles (--style)", lambda: option_values("style")),
        settings={"autocompletion": _completing(style_names)},
    ),
    "numbered": Param(
        "numbered",
        bool,
        ("--numbered",),
        "Number the references: [1], [2], …",
        _write_default("numbered"),
        example=("citeexport {command} --numbered --lang zh issue.txt", "a numbered list of the Chinese records"),
    ),
    "accessed": Param(
        "accessed",
        dt.date | None,
        ("--accessed",),
        "The access DATE (YYYY-MM-DD) for online items that have none of their own (2015: [J/OL], the date, the URL).",
        _write_default("accessed"),
        "DATE",
        example=("citeexport {command} --accessed 2026-11-25 article.txt", "the online form, with the access date"),
        settings={"parser": _date},
    ),
    "print_form": Param(
        "print_form",
        bool,
        ("--print-form",),
        "The print form for every item: no /OL, access date, URL or DOI (what a platform's 引用本文 shows).",
        _write_default("print_form"),
        example=("citeexport {command} --print-form article.txt", "the print form, without URL and DOI"),
    ),
}

#: What every conversion command offers besides its writer options, in the order of its help.
BEFORE_WRITE_PARAMS = (OUTPUT, OUT_DIR, SPLIT, FORCE, LANG)
AFTER_WRITE_PARAMS = (FROM, ENCODING, STRICT, ON_ERROR, RECURSIVE, GLOB, JOBS, PROGRESS, QUIET, VERBOSE, DEBUG, VERSION)


def write_params(formats: Iterable[str]) -> list[tuple[Param, list[str]]]:
    """The writer options of ``formats``, each with the formats that read it, in WriteOptions order."""
    users: dict[str, list[str]] = {}
    for fmt in formats:
        for name in get_writer(fmt).options_used:
            users.setdefault(name, []).append(fmt)
    return [(WRITE_PARAMS[name], users[name]) for name in WriteOptions.model_fields if name in users]


def _lowered(sentence: str) -> str:
    """``sentence`` to follow a colon: its first word in lower case unless it is a name (``LaTeX``)."""
    first = sentence.split(maxsplit=1)[0]
    return sentence[0].lower() + sentence[1:] if len(first) == 1 or first[1:].islower() else sentence


def signature(formats: Iterable[str] | None) -> inspect.Signature:
    """The signature of the command for one format, or of ``convert`` (``formats=None``: all of them)."""
    context = inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)
    head = [INPUTS.parameter()]
    if formats is None:
        head.append(FORMATS_TO.parameter())
        output = OUTPUT.parameter("With one --to format: write to FILE (when complete) instead of stdout.")
        offered = [output, *(p.parameter() for p in BEFORE_WRITE_PARAMS[1:])]
        options = [
            param.parameter(f"{', '.join(users)}: {_lowered(param.help)}") for param, users in write_params(writer_names())
        ]
    else:
        offered = [p.parameter() for p in BEFORE_WRITE_PARAMS]
        options = [param.parameter() for param, _ in write_params(formats)]
    rest = [p.parameter() for p in AFTER_WRITE_PARAMS]
    return inspect.Signature([context, *head, *offered, *options, *rest])


def main_signature() -> inspect.Signature:
    """The options before the command: ``citeexport -V``, ``citeexport -q ris …``."""
    context = inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)
    return inspect.Signature([context, VERSION.parameter(), QUIET.parameter(), VERBOSE.parameter()])


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def job_from(formats: list[str], values: dict[str, Any]) -> Job:
    """The run a command's values ask for: each value goes to the field of its name."""
    values = {name: _plain(value) for name, value in values.items()}
    job_fields = {f.name for f in dataclasses.fields(Job)} - {"formats", "read_options", "write_options"}
    return Job(
        formats=formats,
        read_options=ReadOptions(**{k: v for k, v in values.items() if k in ReadOptions.model_fields}),
        write_options=WriteOptions(**{k: v for k, v in values.items() if k in WriteOptions.model_fields}),
        **{k: v for k, v in values.items() if k in job_fields},
    )

"""What ``citeexport COMMAND -h`` shows: readable placeholders and the command's own examples.

typer prints a parameter's Python type where a placeholder belongs (``{FILE...}...``,
``<list[str]>``); :class:`HelpCommand` prints the placeholder a parameter names (``FILE…``)
instead.  Examples are per command: a format's command shows the everyday ones for that format
and one for each of its writer options (``Param.example``).  ``tests/cli`` runs every example.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from typing import Any

import typer.core

from .cli_params import write_params
from .registry import get_writer, writer_names

#: Shown under the top-level help.
MAIN_EXAMPLES = (
    ("citeexport bibtex article.txt", "BibTeX to stdout: each article in Chinese and in English"),
    ("citeexport ris --lang zh issue.txt -o issue.ris", "the Chinese records as RIS, in a file"),
    ("cat refs.bib | citeexport text --numbered -", "a GB/T 7714 reference list from stdin"),
    ("citeexport convert --to bibtex,ris,text --out-dir out/ -r dumps/", "three files per input"),
)

CONVERT_EXAMPLES = (
    ("citeexport convert --to bibtex,ris,text --out-dir out/ -r dumps/", "three files per input, subfolders too"),
    ("citeexport convert --to ris -o issue.ris issue.txt", "one format: -o FILE, or stdout"),
    (
        "citeexport convert --to bibtex,text --ascii --style gb7714-2025 --out-dir out/ issue.txt",
        "each option goes to its format",
    ),
)

FORMATS_EXAMPLES = (("citeexport formats", "what can be read and written"),)


def format_examples(fmt: str) -> list[tuple[str, str]]:
    """Everyday examples for the command of format ``fmt``, then one per writer option it takes."""
    extension = get_writer(fmt).extension
    other = "refs.bib" if fmt == "ris" else "refs.ris"
    examples = [
        (f"citeexport {fmt} article.txt", "each article in every language it has, to stdout"),
        (f"citeexport {fmt} --lang zh issue.txt -o issue-zh.{extension}", "the Chinese records, in a file written when complete"),
        (f"cat {other} | citeexport {fmt} -", "from stdin, in any format citeexport reads"),
    ]
    for param, _ in write_params([fmt]):
        if param.example is not None:
            line, comment = param.example
            examples.append((line.format(command=fmt), comment))
    return examples


def epilog(examples: Iterable[tuple[str, str]], listings: Iterable[tuple[str, list[tuple[str, str]]]] = ()) -> str:
    """Lists of option values, then an "Examples" block (each command line, then what it does),
    kept as written by click (``\\b``: no rewrapping, which would cut names at their hyphens)."""
    blocks = []
    for title, rows in listings:
        width = max(len(value) for value, _ in rows)
        blocks.append(f"{title}:\n\n\b\n" + "\n".join(f"  {value.ljust(width)}  {what}" for value, what in rows))
    body = "\n".join(f"  {line}\n      {comment}" for line, comment in examples)
    blocks.append(f"Examples:\n\n\b\n{body}")
    return "\n\n".join(blocks)


def listings(formats: Iterable[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The value lists of the writer options of ``formats`` (the bundled styles for ``text``)."""
    return [(param.listing[0], param.listing[1]()) for param, _ in write_params(formats) if param.listing is not None]


def example_lines(examples: Iterable[tuple[str, str]]) -> list[str]:
    return [line for line, _ in examples]


def all_examples() -> dict[str, list[tuple[str, str]]]:
    """Every command's examples by command name (the top-level help under ``""``)."""
    found: dict[str, list[tuple[str, str]]] = {"": list(MAIN_EXAMPLES), "convert": list(CONVERT_EXAMPLES)}
    found["formats"] = list(FORMATS_EXAMPLES)
    for fmt in sorted(writer_names()):
        found[fmt] = format_examples(fmt)
    return found


def _options(command: Any) -> list[str]:
    return [opt for param in command.params if param.param_type_name == "option" for opt in (*param.opts, *param.secondary_opts)]


#: How alike a mistyped option must be to one suggested (difflib's ratio; click's 0.6 offers --help for --styel).
SUGGEST_CUTOFF = 0.75


def _no_such_option(ctx: Any, command: Any, name: str) -> str:
    """A "No such option" message with the likely option meant: this command's, or another command's (named)."""
    own = difflib.get_close_matches(name, _options(command), n=1, cutoff=SUGGEST_CUTOFF)
    if own:
        return f"No such option: {name} (did you mean {own[0]}?)"
    group = ctx.parent.command if ctx.parent is not None else None
    siblings = {other: _options(cmd) for other, cmd in getattr(group, "commands", {}).items() if cmd is not command}
    meant = difflib.get_close_matches(
        name, sorted({opt for opts in siblings.values() for opt in opts}), n=1, cutoff=SUGGEST_CUTOFF
    )
    if not meant:
        return f"No such option: {name}"
    owners = ", ".join(other for other, opts in siblings.items() if meant[0] in opts)
    return f"No such option for {ctx.info_name}: {name} ({meant[0]} is an option of {owners})"


_NO_BREAK_HYPHEN = "\u2011"


def _unbreakable(text: str) -> str:
    return text.replace("-", _NO_BREAK_HYPHEN)


class HelpCommand(typer.core.TyperCommand):
    """A typer command whose usage line and help name arguments by their placeholder (``FILE…``).

    Its epilog may be made when the help is shown (``epilog_factory``): the lists of option values
    ask the writers, which a run does not need to import."""

    epilog_factory: Callable[[], str] | None = None

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        if self.epilog is None and self.epilog_factory is not None:
            self.epilog = self.epilog_factory()
        super().format_epilog(ctx, formatter)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        pieces += [param.metavar or param.name.upper() for param in self.get_params(ctx) if param.param_type_name == "argument"]
        return pieces

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except Exception as error:  # click's NoSuchOption: better suggestions, other commands' options named
            name = getattr(error, "option_name", None)
            if name and hasattr(error, "possibilities"):
                error.message, error.possibilities = _no_such_option(ctx, self, name), None  # type: ignore[attr-defined]
            raise

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The help, wrapped without cutting words at their hyphens (``csl-json``, ``gb7714-2015-author-date``,
        ``--out-dir`` stay whole): hyphens are non-breaking while click wraps, then plain again."""
        help_text = self.help
        self.help = _unbreakable(help_text) if help_text else help_text
        try:
            super().format_help(ctx, formatter)
        finally:
            self.help = help_text
        formatter.buffer[:] = [piece.replace(_NO_BREAK_HYPHEN, "-") for piece in formatter.buffer]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments = [
            (param.metavar or param.name.upper(), _unbreakable(getattr(param, "help", "") or ""))
            for param in self.get_params(ctx)
            if param.param_type_name == "argument"
        ]
        options = [
            (record[0], _unbreakable(record[1]))
            for param in self.get_params(ctx)
            if param.param_type_name == "option" and (record := param.get_help_record(ctx)) is not None
        ]
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)

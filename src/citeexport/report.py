"""Counting what happened, telling the user on stderr, and the exit code.

What is said, and when (nothing ever goes to stdout):

* errors: always, one line each, as they happen;
* warnings: one line per input and kind, with the number of records, the first record numbers
  and every name involved (:mod:`citeexport.record_warnings`), printed when the input is done;
  ``verbose``: one line per record and warning instead, as they happen; ``quiet``: none;
* the summary (records read / converted / failed / warnings): ``verbose`` always; by default only
  when stderr is a terminal and the run has something to tell (a failed record, a warning, a
  progress bar that ran); ``quiet`` never.  A clean run is silent, as pandoc is, and a pipe
  ``a | b`` does not print two summaries: the exit code says how it went.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import CiteexportError
from .record_warnings import kind_of, names_of

if TYPE_CHECKING:
    from rich.console import Console

    from .formats.base import Record

#: Record numbers listed in a grouped warning before "…".
LISTED_RECORDS = 5


@dataclass
class FileCounts:
    read: int = 0
    converted: int = 0
    failed: int = 0
    warnings: int = 0


@dataclass
class _Group:
    """The warnings of one kind in one input."""

    kind: str
    first: str  # the first record's full message, said as it is when only one record has it
    first_where: str
    count: int = 0
    numbers: list[int] = field(default_factory=list)
    names: dict[str, int] = field(default_factory=dict)  # name -> records it occurs in, in order of appearance

    def add(self, number: int, names: tuple[str, ...]) -> None:
        self.count += 1
        if len(self.numbers) < LISTED_RECORDS:
            self.numbers.append(number)
        for name in dict.fromkeys(names):
            self.names[name] = self.names.get(name, 0) + 1

    def line(self) -> str:
        if self.count == 1:
            return f"{self.first_where}: {self.first}"
        listed = ", ".join(str(n) for n in self.numbers) + (", …" if self.count > len(self.numbers) else "")
        text = f"{self.count} records ({listed}): {self.kind}"
        if self.names:
            text += ": " + ", ".join(name if n == self.count else f"{name} ({n})" for name, n in self.names.items())
        return text


def escape(text: str) -> str:
    """``text`` printed as it is by rich (its markup escaped): rich is imported only to say something."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


class StderrConsole:
    """The rich console on stderr, made when first used: a run that says nothing never imports rich."""

    def __init__(self) -> None:
        self._console: Console | None = None

    @property
    def rich(self) -> Console:
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=True, highlight=False, soft_wrap=True)
        return self._console

    @property
    def is_terminal(self) -> bool:
        return self.rich.is_terminal

    def print(self, *objects: Any, **options: Any) -> None:
        self.rich.print(*objects, **options)


def _record_where(record: Record) -> str:
    return f"record {record.number}" + (f" (line {record.line})" if record.line else "")


@dataclass
class Report:
    console: Console | StderrConsole = field(default_factory=StderrConsole)
    quiet: bool = False
    verbose: bool = False
    files: dict[str, FileCounts] = field(default_factory=dict)
    fatal: bool = False  # an input could not be read at all, or the output could not be written
    progress_shown: bool = False
    _groups: dict[str, dict[str, _Group]] = field(default_factory=dict)

    def counts(self, name: str) -> FileCounts:
        return self.files.setdefault(name, FileCounts())

    def error(self, error: CiteexportError) -> None:
        if error.exit_code >= 2:
            self.fatal = True
        self.console.print(f"[bold red]error[/]: {escape(str(error))}")

    def warning(self, where: str, message: str) -> None:
        """A warning about a whole input or the run (said at once), not about one record."""
        if not self.quiet:
            self.console.print(f"[yellow]warning[/]: {escape(where)}: {escape(message)}")

    def record_read(self, name: str, record: Record) -> None:
        """Count one record of input ``name``; say its error now, keep its warnings for the input's end.

        A warning that a ``--strict`` error already quotes is not said a second time.
        """
        counts = self.counts(name)
        counts.read += 1
        counts.warnings += len(record.warnings)
        if not record.ok:
            counts.failed += 1
        if record.error is not None:
            self.error(record.error)
        quoted = str(record.error) if record.error is not None else ""
        self._said(name, record, [warning for warning in record.warnings if not (quoted and str(warning) in quoted)])

    def writer_warnings(self, name: str, record: Record, writer: str, warnings: list[str]) -> None:
        """What writer ``writer`` said of a record of input ``name`` it wrote: counted, and grouped
        like a reader's warnings, each kind named by the format (``ris: type the format cannot hold …``)."""
        self.counts(name).warnings += len(warnings)
        self._said(name, record, warnings, prefix=f"{writer}: ")

    def _said(self, name: str, record: Record, warnings: list[str], prefix: str = "") -> None:
        if self.quiet:
            return
        for warning in warnings:
            if self.verbose:
                self.warning(f"{name}: {_record_where(record)}", prefix + warning)
                continue
            groups = self._groups.setdefault(name, {})
            kind = prefix + kind_of(warning)
            group = groups.get(kind)
            if group is None:
                group = groups[kind] = _Group(kind, prefix + str(warning), _record_where(record))
            group.add(record.number, names_of(warning))

    def input_done(self, name: str) -> None:
        """Say the grouped warnings of input ``name``."""
        for group in self._groups.pop(name, {}).values():
            self.warning(name, group.line())

    @property
    def failed(self) -> int:
        return sum(c.failed for c in self.files.values())

    @property
    def exit_code(self) -> int:
        if self.fatal:
            return 2
        return 1 if self.failed else 0

    def _total(self) -> FileCounts:
        total = FileCounts()
        for counts in self.files.values():
            total.read += counts.read
            total.converted += counts.converted
            total.failed += counts.failed
            total.warnings += counts.warnings
        return total

    def rich_console(self) -> Console:
        """The rich console itself (for a progress bar)."""
        return self.console.rich if isinstance(self.console, StderrConsole) else self.console

    def summary_wanted(self) -> bool:
        if self.quiet:
            return False
        if self.verbose:
            return True
        total = self._total()
        news = total.failed or total.warnings or self.progress_shown or (self.fatal and total.read)
        return bool(news) and self.console.is_terminal

    def summary(self) -> None:
        """The end of a run: warnings not said yet, then the summary when it is wanted."""
        for name in list(self._groups):
            self.input_done(name)
        if not self.summary_wanted():
            return
        total = self._total()
        if len(self.files) > 1:
            from rich.table import Table

            table = Table("input", "read", "converted", "failed", "warnings", box=None, header_style="bold")
            for name, c in self.files.items():
                table.add_row(escape(name), str(c.read), str(c.converted), str(c.failed), str(c.warnings))
            self.console.print(table)
        style = "red" if total.failed else "green"
        self.console.print(
            f"[{style}]{total.converted} of {total.read} records converted[/], {total.failed} failed, "
            f"{total.warnings} warnings ({len(self.files)} input{'s' if len(self.files) != 1 else ''})"
        )

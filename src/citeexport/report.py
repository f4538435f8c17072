"""Counting what happened, telling the user on stderr, and the exit code.

Errors and warnings are printed as they happen, one line each; the summary at the end
gives records read / converted / failed / warnings per input file.  Nothing goes to stdout.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .errors import CiteexportError


@dataclass
class FileCounts:
    read: int = 0
    converted: int = 0
    failed: int = 0
    warnings: int = 0


@dataclass
class Report:
    console: Console = field(default_factory=lambda: Console(stderr=True, highlight=False, soft_wrap=True))
    quiet: bool = False
    files: dict[str, FileCounts] = field(default_factory=dict)
    fatal: bool = False  # an input could not be read at all, or the output could not be written

    def counts(self, name: str) -> FileCounts:
        return self.files.setdefault(name, FileCounts())

    def error(self, error: CiteexportError) -> None:
        if error.exit_code >= 2:
            self.fatal = True
        self.console.print(f"[bold red]error[/]: {escape(str(error))}")

    def warning(self, where: str, message: str) -> None:
        if not self.quiet:
            self.console.print(f"[yellow]warning[/]: {escape(where)}: {escape(message)}")

    @property
    def failed(self) -> int:
        return sum(c.failed for c in self.files.values())

    @property
    def exit_code(self) -> int:
        if self.fatal:
            return 2
        return 1 if self.failed else 0

    def summary(self) -> None:
        if self.quiet:
            return
        total = FileCounts()
        for counts in self.files.values():
            total.read += counts.read
            total.converted += counts.converted
            total.failed += counts.failed
            total.warnings += counts.warnings
        if len(self.files) > 1:
            table = Table("input", "read", "converted", "failed", "warnings", box=None, header_style="bold")
            for name, c in self.files.items():
                table.add_row(escape(name), str(c.read), str(c.converted), str(c.failed), str(c.warnings))
            self.console.print(table)
        style = "red" if total.failed else "green"
        self.console.print(
            f"[{style}]{total.converted} of {total.read} records converted[/], {total.failed} failed, "
            f"{total.warnings} warnings ({len(self.files)} input{'s' if len(self.files) != 1 else ''})"
        )

"""A progress bar on stderr for long runs: records, records/s, and the ETA from bytes read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


@contextmanager
def progress_bar(
    console: Callable[[], Console], total_bytes: int, *, enabled: bool
) -> Iterator[Callable[[int, int, Callable[[], int]], None]]:
    """Yields ``advance(records, bytes_before, bytes_read)``: the bytes done are ``bytes_before +
    bytes_read()``, asked only when the bar is redrawn (a file position costs a system call).
    A no-op when not enabled (``console`` gives the console to draw on, asked only when enabled:
    rich is imported for a bar only)."""
    if not enabled:
        yield lambda records, before, read: None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[records]:,} records"),
        TextColumn("{task.fields[rate]:,.0f}/s"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console(), transient=False) as progress:
        task = progress.add_task("converting", total=total_bytes or None, records=0, rate=0.0)
        count = 0

        def advance(records: int, before: int, read: Callable[[], int]) -> None:
            nonlocal count
            count += records
            if count % 64 == 0:
                elapsed = progress.tasks[0].elapsed or 0.0
                progress.update(task, completed=before + read(), records=count, rate=count / elapsed if elapsed else 0.0)

        yield advance
        elapsed = progress.tasks[0].elapsed or 0.0
        progress.update(task, completed=total_bytes, records=count, rate=count / elapsed if elapsed else 0.0)

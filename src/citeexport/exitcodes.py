"""How a run ends: its exit code and at most one line on stderr; and the process's edges
(standard streams that are closed or go away, signals).

=====  ==========================================================================================
code   meaning
=====  ==========================================================================================
0      every record converted
1      some records failed (each reported in one line); the others are written
2      usage error, an input that cannot be read, an output that cannot be written (a full disk,
       a read-only folder, a name that exists, stdout or stdin closed): one line naming the file
3      a bug in citeexport: one line, ``--debug`` shows the traceback
129    interrupted by SIGHUP, 130 by SIGINT (Ctrl-C), 143 by SIGTERM: no output file written
141    the reader of stdout went away (``| head``): nothing on stderr, as ``cat`` or pandoc
=====  ==========================================================================================
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from collections.abc import Callable
from typing import Any, TextIO

from . import interrupts
from .errors import CiteexportError, WorkerError
from .output import PipeClosed
from .report import Report, escape

OK = 0
RECORDS_FAILED = 1
FATAL = 2
BUG = 3
BROKEN_PIPE = 128 + signal.SIGPIPE


class _Messages:
    """stderr for messages: when its reader goes away (``2>&1 | head``), messages are dropped
    and the run goes on (its files are still worth writing), instead of failing on the next line."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._gone = False

    def write(self, text: str) -> int:
        if not self._gone:
            try:
                return self._stream.write(text)
            except OSError as exc:
                if exc.errno not in (errno.EPIPE, errno.EBADF, errno.EIO):
                    raise
                self._gone = True
        return len(text)

    def flush(self) -> None:
        if not self._gone:
            try:
                self._stream.flush()
            except OSError as exc:
                if exc.errno not in (errno.EPIPE, errno.EBADF, errno.EIO):
                    raise
                self._gone = True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _occupy_closed_descriptors() -> None:
    """A process started with 0, 1 or 2 closed (``>&-``) gets ``/dev/null`` there, so that no file
    it opens later takes that number (a temp file on fd 1 would receive whatever writes to
    "stdout").  ``sys.stdin``/``sys.stdout`` stay None: reading or writing them is an error."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)


def prepare_process() -> None:
    """Before the command runs: closed descriptors occupied, a stderr that cannot fail, signals
    that raise :class:`~citeexport.interrupts.Interrupted`."""
    _occupy_closed_descriptors()
    stderr = sys.stderr if sys.stderr is not None else open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    sys.stderr = _Messages(stderr)  # a TextIO by delegation
    interrupts.install()


def broken_pipe() -> int:
    """The reader of stdout went away: end quietly.  stdout is pointed at ``/dev/null`` so that
    the interpreter's flush at exit has nothing to complain about."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.close(null)
    return BROKEN_PIPE


def exit_code(run: Callable[[], int], report: Report, *, debug: bool = False) -> int:
    """Run ``run`` (a conversion, which returns 0, 1 or 2) and turn whatever ends it into an exit code."""
    try:
        return run()
    except (PipeClosed, BrokenPipeError):
        return broken_pipe()
    except interrupts.Interrupted as stop:
        report.console.print(f"[red]interrupted[/] ({stop.name}): no output file written")
        return 128 + stop.signum
    except KeyboardInterrupt:
        report.console.print("[red]interrupted[/]: no output file written")
        return 128 + signal.SIGINT
    except CiteexportError as error:
        report.error(error)
        return error.exit_code
    except WorkerError as error:
        report.console.print(f"[bold red]error[/]: {escape(str(error))}")
        return FATAL
    except OSError as error:  # a file system error not caught where it happened: still the system's, not a bug
        where = f"{error.filename}: " if error.filename else ""
        report.console.print(f"[bold red]error[/]: {escape(where)}{escape(error.strerror or str(error))}")
        return FATAL
    except Exception as error:  # a bug: one line unless --debug
        if debug:
            raise
        report.console.print(
            f"[bold red]internal error[/]: {type(error).__name__}: {escape(str(error))} (run with --debug for the traceback)"
        )
        return BUG

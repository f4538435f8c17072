"""Signals that end a run (Ctrl-C, ``kill``, a closed terminal) as one exception, and the
moments when they must wait: committing or removing a run's outputs.

:func:`install` makes SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` (a
``KeyboardInterrupt``), so an interrupted run unwinds through its ``finally`` blocks and
removes its temp files, then exits ``128 + signal number`` (130, 143, 129).  Inside
:func:`deferred` a signal is only noted; it is raised when the block ends, unless the block
called :func:`discard_pending` (a signal that arrives while the outputs are being committed
comes too late to undo them).  After the commit point (:func:`past_commit_point`) the signals are
ignored: the files are complete, and the exit code still tells what the run did.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal (``signum``)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


_installed = False
_deferring = 0
_pending: int | None = None


def _handler(signum: int, frame: FrameType | None) -> None:
    global _pending
    if _deferring:
        _pending = _pending or signum
        return
    raise Interrupted(signum)


def install() -> None:
    """SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` in the main thread (the CLI calls this)."""
    global _installed
    for signum in SIGNALS:
        signal.signal(signum, _handler)
    _installed = True


def past_commit_point() -> None:
    """The run's outputs are committed: a signal now is too late to undo them, and ignored (also
    while the interpreter shuts down, which restores the default action of Python handlers)."""
    global _pending
    _pending = None
    if _installed:
        for signum in SIGNALS:
            signal.signal(signum, signal.SIG_IGN)


def pending() -> int | None:
    """The signal that arrived inside :func:`deferred`, if any."""
    return _pending


def discard_pending() -> None:
    global _pending
    _pending = None


@contextmanager
def deferred() -> Iterator[None]:
    """Hold signals for the duration of the block; one that arrived is raised at its end."""
    global _deferring, _pending
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1
        if not _deferring and _pending is not None:
            signum, _pending = _pending, None
            raise Interrupted(signum)

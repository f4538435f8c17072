"""Worker processes for ``--jobs``: results in the order the work was given, and workers that
never outlive their parent or an interrupt.

Why not ``concurrent.futures.ProcessPoolExecutor``: when the run is interrupted its shutdown can
wait for workers blocked sending results nobody reads, and its feeder thread can block on a full
pipe (the interpreter then hangs at exit); and when the parent is killed (SIGKILL) its workers
live on, holding the caller's stderr open.  Here:

* each worker has its own task pipe and result pipe; work goes round robin and is taken back in
  order, so the results of one worker arrive in the order of its tasks (``2 × jobs`` in flight);
* a thread in each worker takes tasks off the pipe as they come, so neither side waits for the
  other to read (no deadlock with large tasks and large results);
* a worker dies with its parent: ``PR_SET_PDEATHSIG`` (SIGKILL) on Linux, and everywhere a
  watchdog that checks the parent every second;
* workers ignore SIGINT (Ctrl-C goes to the whole process group: the parent alone decides), and
  :meth:`WorkerPool.kill` ends them at once (SIGKILL), which leaving the ``with`` block by an
  exception (an interrupt, an error, a generator closed early) does.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

from . import interrupts
from .errors import WorkerError

#: Seconds between a worker's checks that its parent is alive (where no parent-death signal exists).
WATCHDOG_SECONDS = 1.0
_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def _worker(tasks: Connection, results: Connection, parent: int) -> None:
    """A worker's life: take tasks (a thread), run them in order, send each outcome back."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    inbox: queue.SimpleQueue[tuple[Callable[..., Any], tuple[Any, ...]] | None] = queue.SimpleQueue()

    def receive() -> None:
        receiving = True
        while True:
            if os.getppid() != parent:
                os._exit(1)
            if not receiving:
                time.sleep(WATCHDOG_SECONDS)
                continue
            try:
                if not tasks.poll(WATCHDOG_SECONDS):
                    continue
                task = tasks.recv()
            except (EOFError, OSError):
                task = None
            inbox.put(task)
            receiving = task is not None

    threading.Thread(target=receive, daemon=True).start()
    while (task := inbox.get()) is not None:
        function, args = task
        try:
            outcome: tuple[bool, Any] = (True, function(*args))
        except BaseException as error:  # sent to the parent, which raises it
            outcome = (False, error)
        try:
            results.send(outcome)
        except OSError:  # the parent is gone
            os._exit(1)
        except Exception as error:  # the result or the error does not pickle: say so
            results.send((False, WorkerError(f"{type(error).__name__} sending a result: {error}")))
    os._exit(0)  # no interpreter teardown: nothing of the parent's to flush or run


class Task:
    """One piece of work given to a worker: :meth:`result` waits for it (results come in order)."""

    def __init__(self, worker: _Worker) -> None:
        self._worker = worker
        self._done = False
        self._cancelled = False
        self._outcome: tuple[bool, Any] = (False, None)

    def cancel(self) -> None:
        """The result is not wanted (the work runs anyway; its result is dropped when it comes)."""
        self._cancelled = True

    def result(self) -> Any:
        while not self._done:
            self._worker.receive_one()
        ok, value = self._outcome
        if not ok:
            raise value
        return value


class _Worker:
    def __init__(self, context: Any) -> None:
        task_reader, self.tasks = context.Pipe(duplex=False)
        self.results, result_writer = context.Pipe(duplex=False)
        self.process = context.Process(target=_worker, args=(task_reader, result_writer, os.getpid()), daemon=True)
        self.process.start()
        task_reader.close()  # the parent keeps only its own ends: a dead worker is an EOF here
        result_writer.close()
        self.waiting: deque[Task] = deque()

    def submit(self, function: Callable[..., Any], args: tuple[Any, ...]) -> Task:
        task = Task(self)
        try:
            self.tasks.send((function, args))
        except OSError:  # a broken pipe here is a dead worker, not a reader of stdout gone
            raise self._ended() from None
        self.waiting.append(task)
        return task

    def receive_one(self) -> None:
        """The outcome of this worker's oldest task still waiting."""
        try:
            outcome = self.results.recv()
        except (EOFError, OSError):
            raise self._ended() from None
        task = self.waiting.popleft()
        task._outcome, task._done = outcome, True
        if task._cancelled:
            task._outcome = (True, None)

    def _ended(self) -> BaseException:
        """What to raise for a worker gone: the group's SIGTERM or SIGHUP is the run's interruption."""
        self.process.join(timeout=1)
        code = self.process.exitcode
        if code is not None and -code in (signal.SIGTERM, signal.SIGHUP):
            return interrupts.Interrupted(-code)
        how = f"was killed ({signal.Signals(-code).name})" if code is not None and code < 0 else "ended"
        return WorkerError(f"worker process {self.process.pid} {how} before sending its result")


class WorkerPool:
    """``jobs`` worker processes; :meth:`submit` gives them work round robin.  Use as a context
    manager: a normal end lets the workers finish and exit, any exception kills them at once."""

    def __init__(self, jobs: int) -> None:
        context = multiprocessing.get_context()
        self._workers: list[_Worker] = []
        try:
            for _ in range(max(1, jobs)):
                self._workers.append(_Worker(context))
        except BaseException:
            self.kill()
            raise
        self._next = 0

    def submit(self, function: Callable[..., Any], *args: Any) -> Task:
        worker = self._workers[self._next % len(self._workers)]
        self._next += 1
        return worker.submit(function, args)

    def close(self) -> None:
        """Tell the workers there is no more work and wait for them: results not taken (cancelled
        tasks) are read and dropped; a worker that does not end within a few seconds is killed."""
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.tasks.send(None)
        for worker in self._workers:
            while worker.waiting:
                worker.receive_one()
        for worker in self._workers:
            worker.process.join(timeout=5)
        self.kill()

    def kill(self) -> None:
        """End every worker now (SIGKILL) and release the pipes."""
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.kill()
        for worker in self._workers:
            worker.process.join()
            worker.tasks.close()
            worker.results.close()
            worker.process.close()
        self._workers.clear()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if kind is None:
            self.close()
        else:
            self.kill()

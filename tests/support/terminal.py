"""Running ``citeexport`` as a user meets it: through pipes (a script, a log, ``a | b``) and on a
pseudo-terminal (someone at a shell), each bounded in time.

:func:`run_piped` gives stdout and stderr as bytes; :func:`run_on_terminal` runs the command with
its stderr (and, unless ``stdout="pipe"``, its stdout) on a pty and gives what the terminal showed,
escape sequences removed.  The environment is cleared of what would make rich guess otherwise
(``FORCE_COLOR``, ``TTY_COMPATIBLE``, ``NO_COLOR`` …), with a wide terminal so lines do not wrap.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from dataclasses import dataclass
from pathlib import Path

COMMAND = [sys.executable, "-m", "citeexport"]
#: Seconds a run may take before the test fails (a hung command must not hang the suite).
TIMEOUT = 60.0
COLUMNS = 200
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r")
_RICH_HINTS = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "NO_COLOR", "CLICOLOR_FORCE", "COLUMNS", "LINES")


def environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in _RICH_HINTS}
    env.update(COLUMNS=str(COLUMNS), TERM="xterm-256color", PYTHONIOENCODING="utf-8", **extra)
    return env


@dataclass
class Piped:
    returncode: int
    stdout: bytes
    stderr: bytes

    @property
    def messages(self) -> str:
        return self.stderr.decode("utf-8")


def run_piped(*args: str, stdin: bytes | None = None, cwd: Path | None = None, shell: bool = False) -> Piped:
    """``citeexport ARGS`` (or, with ``shell``, one shell command line) with stdin, stdout and stderr on pipes."""
    command: list[str] | str = " ".join(args) if shell else [*COMMAND, *args]
    done = subprocess.run(
        command, input=stdin, capture_output=True, cwd=cwd, timeout=TIMEOUT, env=environment(), shell=shell, check=False
    )
    return Piped(done.returncode, done.stdout, done.stderr)


@dataclass
class OnTerminal:
    returncode: int
    screen: str  # what the terminal showed (stderr, and stdout unless it was a pipe), escapes removed
    stdout: bytes  # stdout when it was a pipe, else b""

    @property
    def lines(self) -> list[str]:
        return [line for line in self.screen.split("\n") if line.strip()]


def run_on_terminal(
    *args: str, stdout: str = "terminal", stdin: bytes | None = None, cwd: Path | None = None, shell: bool = False
) -> OnTerminal:
    """``citeexport ARGS`` (or one shell command line, ``shell``) with stderr on a pseudo-terminal;
    stdout on the same terminal, or on a pipe (``stdout="pipe"``: ``citeexport … > file`` at a shell)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, COLUMNS, 0, 0))
    command: list[str] | str = " ".join(args) if shell else [*COMMAND, *args]
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE if stdout == "pipe" else slave,
        stderr=slave,
        cwd=cwd,
        env=environment(),
        shell=shell,
        start_new_session=True,
    )
    os.close(slave)
    if stdin is not None:
        assert process.stdin is not None
        process.stdin.write(stdin)
        process.stdin.close()
    screen, out = bytearray(), bytearray()
    streams = {master: screen}
    if process.stdout is not None:
        streams[process.stdout.fileno()] = out
    deadline = time.monotonic() + TIMEOUT
    try:
        while streams:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{command!r} still running after {TIMEOUT} s")
            ready, _, _ = select.select(list(streams), [], [], left)
            for fd in ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:  # EIO: the terminal's other end is closed (the command ended)
                    data = b""
                if data:
                    streams[fd].extend(data)
                else:
                    del streams[fd]
        returncode = process.wait(timeout=max(deadline - time.monotonic(), 1))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)
        if process.stdout is not None:
            process.stdout.close()
    text = _ESCAPES.sub("", screen.decode("utf-8", errors="replace"))
    return OnTerminal(returncode, text, bytes(out))

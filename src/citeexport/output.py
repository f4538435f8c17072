"""Writing outputs safely: one transaction per run, files committed only when complete.

Every output of a run is opened through one :class:`Outputs` object, which decides what kind of
target a name is when it is opened (:class:`Target`):

* ``-`` or no name: stdout, written as data comes (a pipe cannot be un-written);
* a non-regular file (character device, FIFO, socket, ``/dev/stdout``, ``/dev/fd/N``, a
  process substitution ``>(…)``, a symlink to one of them): written through, never replaced,
  no ``--force`` needed;
* a name that does not exist: written to a temp file next to it (``.<name>.<random>.part``,
  synced to the disk before the commit)
  and, at commit, linked to its name exclusively (``link`` fails if the name appeared during
  the run: concurrent runs never overwrite each other), then the temp file is removed (with
  ``--force``: renamed onto it, whatever appeared meanwhile);
* an existing regular file: refused without ``--force``; with it, the temp file gets the old
  file's mode and owner (where the user may set them) and is renamed over it.  A symlink is
  followed: the file it points to is replaced, the link stays.

Never over an input (by device and inode, so a hard link or a symlink to one is caught),
never outside ``root`` (``--out-dir``).  Nothing is committed until :meth:`Outputs.commit`,
called once when the run has succeeded; leaving the ``with`` block any other way (an
interrupt, a failed write, ``--on-error stop``) removes every temp file.  A partial file
never carries a final name: a run killed with SIGKILL (which nothing can catch) leaves hidden
``.part`` files, and when killed in the middle of the commits some outputs committed and others
not, each complete.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import stat
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Literal, TextIO

from . import interrupts
from .errors import OutputError

_UNSAFE = re.compile(r"[^\w.\-]+")
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)(\..*)?$", re.IGNORECASE)
#: Bytes of UTF-8 a stem may take: file systems allow 255 per name, and room is left for
#: the extension, a ``-N`` de-duplication suffix and the ``.<name>.<random>.part`` temp file.
MAX_STEM_BYTES = 160


def _truncate_utf8(text: str, limit: int) -> str:
    """The longest prefix of ``text`` whose UTF-8 form fits in ``limit`` bytes (never half a character)."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def safe_filename(stem: str, extension: str, *, fallback: str = "record") -> str:
    """A file name from untrusted text (a record id, a key): no separators, no ``..``, no NUL.

    Only letters, digits, ``_``, ``.`` and ``-`` survive (after NFKC, so full-width ``／``
    is a separator too); no leading dot (hidden file, ``..``) or dash (read as an option by
    the next tool), no trailing dot; Windows device names get a ``_`` prefix; at most
    :data:`MAX_STEM_BYTES` bytes, as CJK stems would otherwise exceed the 255-byte limit.
    """
    stem = unicodedata.normalize("NFKC", stem)
    stem = _truncate_utf8(_UNSAFE.sub("_", stem), MAX_STEM_BYTES).strip("._-") or fallback
    if _WINDOWS_RESERVED.match(stem):
        stem = f"_{stem}"
    return f"{stem}.{extension}"


def _umask() -> int:
    """The process umask (read by setting and restoring it: there is no other portable way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class PipeClosed(Exception):
    """The reader of stdout (or of a pipe written through) went away: the run ends quietly."""


FileId = tuple[int, int]  # (st_dev, st_ino)


def file_ids(paths: Collection[str]) -> frozenset[FileId]:
    """Device and inode of each existing path (``-`` and missing paths are left out)."""
    ids: set[FileId] = set()
    for path in paths:
        if path == "-":
            continue
        with contextlib.suppress(OSError):
            st = os.stat(path)
            ids.add((st.st_dev, st.st_ino))
    return frozenset(ids)


#: ``/proc/self/fd/N``, ``/proc/<pid>/fd/N``, ``/proc/thread-self/fd/N``, ``/dev/fd/N`` once the
#: folder part is resolved (``/dev/stdout`` is a link to ``/proc/self/fd/1``).
_FD_PATH = re.compile(r"^/(?:proc/(?:self|thread-self|(?P<pid>\d+))(?:/task/\d+)?/fd|dev/fd)/(?P<fd>\d+)$")


def descriptor_behind(path: str) -> int | None:
    """The file descriptor of this process that ``path`` names (``/dev/stdout``, ``/dev/fd/63``
    of a process substitution, a symlink to ``/proc/self/fd/1`` …), or None."""
    current = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on symlinks followed
        try:
            current = os.path.join(os.path.realpath(os.path.dirname(current)), os.path.basename(current))
        except OSError:
            return None
        match = _FD_PATH.match(current)
        if match and (match["pid"] is None or int(match["pid"]) == os.getpid()):
            return int(match["fd"])
        if not os.path.islink(current):
            return None
        try:
            current = os.path.join(os.path.dirname(current), os.readlink(current))
        except OSError:  # a link we may not read (another process's /proc entry): a path like any other
            return None
    return None


def _failure(exc: OSError) -> str:
    return f"cannot write: {exc.strerror or exc}"


@dataclass(frozen=True)
class Target:
    """Where one output goes: ``shown`` in messages; ``path`` the file created or replaced (symlinks
    resolved), or the special file written through; ``fd`` a descriptor written through."""

    shown: str
    kind: Literal["stdout", "through", "new", "replace"]
    path: Path | None = None
    fd: int | None = None
    old: os.stat_result | None = None  # the file a "replace" target replaces


class Output:
    """One output of a run; text goes in with :meth:`write`, and :meth:`close` ends it.

    A file output is a temp file until its :class:`Outputs` commits it.  Errors are typed:
    :class:`OutputError` naming the output (a full disk, an I/O error), :class:`PipeClosed`.
    """

    def __init__(self, target: Target, stream: TextIO, temp: str | None) -> None:
        self.target = target
        self.shown = target.shown
        self._stream: TextIO | None = stream
        self._temp = temp
        self.state: Literal["open", "closed", "committed", "removed"] = "open"

    @property
    def streamed(self) -> bool:
        """Written as it comes (stdout, a special file): it cannot be taken back."""
        return self._temp is None

    def _error(self, exc: OSError) -> Exception:
        if isinstance(exc, BrokenPipeError):
            return PipeClosed(self.shown)
        if exc.errno == errno.EBADF and self.streamed:
            return OutputError("cannot write: the stream is closed", file=self.shown)
        return OutputError(_failure(exc), file=self.shown)

    def write(self, text: str) -> None:
        assert self._stream is not None, f"{self.shown} written after close"
        try:
            self._stream.write(text)
        except OSError as exc:
            raise self._error(exc) from None

    def close(self) -> None:
        """All text is in: flush it (a full disk or an I/O error is found here at the latest)."""
        if self._stream is None:
            return
        stream, self._stream = self._stream, None
        try:
            stream.flush()
        except OSError as exc:
            with contextlib.suppress(OSError):
                stream.close()
            raise self._error(exc) from None
        try:
            stream.close()
        except OSError as exc:
            raise self._error(exc) from None
        self.state = "closed"

    def _sync(self) -> None:
        """The temp file's data on the disk (``fsync``), so that a crash after the commit cannot
        leave an empty or cut file under the final name."""
        assert self._temp is not None
        try:
            handle = os.open(self._temp, os.O_RDONLY)
            try:
                os.fsync(handle)
            finally:
                os.close(handle)
        except OSError as exc:
            raise self._error(exc) from None

    def _remove(self) -> None:
        """Not to be committed: close without flushing errors, remove the temp file."""
        if self._stream is not None:
            stream, self._stream = self._stream, None
            with contextlib.suppress(OSError, ValueError):
                stream.close()
        if self._temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temp)
            self._temp = None
        self.state = "removed"

    def _commit(self, inputs: frozenset[FileId]) -> None:
        if self._temp is None:  # streamed: nothing to do
            self.state = "committed"
            return
        path, temp = self.target.path, self._temp
        assert path is not None and self.state == "closed"
        if self.target.kind == "new":
            _link_exclusively(temp, path, self.shown)
        else:
            try:
                now = os.stat(path)
            except FileNotFoundError:
                now = None
            except OSError as exc:
                raise OutputError(_failure(exc), file=self.shown) from None
            if now is not None and (now.st_dev, now.st_ino) in inputs:
                raise OutputError("refusing to overwrite an input file", file=self.shown)
            if now is not None and not stat.S_ISREG(now.st_mode):
                raise OutputError("is no longer a regular file; not replaced", file=self.shown)
            try:
                os.replace(temp, path)
            except OSError as exc:
                raise OutputError(_failure(exc), file=self.shown) from None
        self._temp = None
        self.state = "committed"


def _link_exclusively(temp: str, path: Path, shown: str) -> None:
    """Give the temp file its final name only if the name is still free (no clobbering a file that
    appeared during the run, e.g. from a concurrent run): ``link`` then ``unlink``."""
    exists = OutputError("exists (created while this run was writing); not overwritten: use --force", file=shown)
    try:
        os.link(temp, path)
    except FileExistsError:
        raise exists from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK):
            raise OutputError(_failure(exc), file=shown) from None
        # A file system without hard links (FAT, some network mounts): reserve the name
        # exclusively, then rename over the empty reservation.
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            os.replace(temp, path)
        except FileExistsError:
            raise exists from None
        except OSError as exc:
            raise OutputError(_failure(exc), file=shown) from None
        return
    with contextlib.suppress(OSError):
        os.unlink(temp)


class Outputs:
    """Every output of one run (see the module docstring); use as a context manager and call
    :meth:`commit` once the run has succeeded.

    ``force`` allows replacing existing regular files; ``inputs`` are the run's input files
    (:func:`file_ids`), never written; ``root`` is the folder outputs must stay inside;
    ``warn(where, message)`` is told about replaced files that had other hard links.
    """

    def __init__(
        self,
        *,
        force: bool = False,
        inputs: frozenset[FileId] = frozenset(),
        root: Path | None = None,
        warn: Callable[[str, str], None] | None = None,
    ) -> None:
        self.force = force
        self.inputs = inputs
        self.root = root
        self.warn = warn
        self._outputs: list[Output] = []
        self._committed = False

    def __enter__(self) -> Outputs:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if not self._committed:
            self.abort()

    # -- planning ---------------------------------------------------------------------------

    def plan(self, path: str | Path | None) -> Target:
        """What writing to ``path`` means (see the module docstring); raises :class:`OutputError`
        for a name that must not be written."""
        if path is None or str(path) == "-":
            return Target("<stdout>", "stdout", fd=None)
        shown = str(path)
        name = os.fspath(path)
        try:
            real = Path(os.path.realpath(name))
        except OSError as exc:
            raise OutputError(_failure(exc), file=shown) from None
        if self.root is not None and not real.is_relative_to(self.root.resolve()):
            raise OutputError(f"refusing to write outside {self.root}", file=shown)
        fd = descriptor_behind(name)
        if fd is not None:
            return Target(shown, "through", fd=fd)
        try:
            old = os.stat(name)
        except FileNotFoundError:
            old = None
        except NotADirectoryError:
            raise OutputError("cannot write: a parent is not a folder", file=shown) from None
        except OSError as exc:
            raise OutputError(_failure(exc), file=shown) from None
        if old is None:  # with --force a file that appears meanwhile is replaced, else it is kept
            return Target(shown, "replace" if self.force else "new", path=real)
        if (old.st_dev, old.st_ino) in self.inputs:
            raise OutputError("refusing to overwrite an input file", file=shown)
        if stat.S_ISDIR(old.st_mode):
            raise OutputError("is a folder", file=shown)
        if not stat.S_ISREG(old.st_mode):  # a device, a FIFO, a socket: written through
            return Target(shown, "through", path=Path(name))
        if not self.force:
            raise OutputError("exists; use --force to overwrite", file=shown)
        return Target(shown, "replace", path=real, old=old)

    # -- opening ----------------------------------------------------------------------------

    def open(self, path: str | Path | None) -> Output:
        """Open one output of the run (``None`` or ``-``: stdout)."""
        target = self.plan(path)
        if target.kind == "stdout":
            output = Output(target, _stdout(), None)
        elif target.kind == "through":
            output = Output(target, _through(target), None)  # a FIFO waits for its reader: interruptible
        else:
            with interrupts.deferred():  # a temp file created is a temp file known, to be removed
                stream, temp = self._temp_file(target)
                output = Output(target, stream, temp)
                self._outputs.append(output)
            return output
        self._outputs.append(output)
        return output

    def _temp_file(self, target: Target) -> tuple[TextIO, str]:
        assert target.path is not None
        folder = target.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=f".{target.path.name[:64]}.", suffix=".part", dir=folder)
        except FileExistsError:
            raise OutputError("cannot write: a parent is not a folder", file=target.shown) from None
        except OSError as exc:
            raise OutputError(_failure(exc), file=target.shown) from None
        old = target.old
        try:
            if old is None:
                # mkstemp makes the file 0600; a finished output gets the mode any new file would get.
                os.fchmod(handle, 0o666 & ~_umask())
            else:
                # The replaced file's owner and mode (the owner first: chown clears set-id bits).
                if (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
                    with contextlib.suppress(PermissionError):
                        os.fchown(handle, old.st_uid, old.st_gid)
                os.fchmod(handle, stat.S_IMODE(old.st_mode) & 0o777)
                if old.st_nlink > 1 and self.warn is not None:
                    self.warn(target.shown, f"had {old.st_nlink} hard links; the other names keep the old content")
        except OSError as exc:
            os.close(handle)
            os.unlink(temp)
            raise OutputError(_failure(exc), file=target.shown) from None
        return open(handle, "w", encoding="utf-8", newline=""), temp

    # -- the end ----------------------------------------------------------------------------

    def discard(self, output: Output) -> None:
        """This output is not to be committed (its input could not be read to its end)."""
        with interrupts.deferred():
            output._remove()

    def commit(self) -> list[OutputError]:
        """Give every closed output its name; the errors of those that could not be committed
        (a name taken during the run).  Outputs still open are closed and every file is synced
        to the disk first: a failure there (a full disk) raises, and nothing is committed.  A
        signal during the commits is too late to undo them."""
        for output in self._outputs:
            if output.state == "open":
                output.close()
        _make_durable([output for output in self._outputs if output.state == "closed" and not output.streamed])
        with interrupts.deferred():
            if interrupts.pending() is not None:
                return []  # interrupted just before: the signal is raised as the block ends
            errors: list[OutputError] = []
            folders: set[Path] = set()
            for output in self._outputs:
                if output.state != "closed":
                    continue
                try:
                    output._commit(self.inputs)
                except OutputError as error:
                    output._remove()
                    errors.append(error)
                    continue
                if output.target.path is not None and not output.streamed:
                    folders.add(output.target.path.parent)
            for folder in folders:
                _sync_folder(folder)
            self._committed = True
            interrupts.past_commit_point()
        return errors

    def abort(self) -> None:
        """Remove every output not committed yet (temp files); streams are closed."""
        with interrupts.deferred():
            for output in self._outputs:
                if output.state != "committed":
                    output._remove()
            interrupts.discard_pending()  # a second Ctrl-C while cleaning up changes nothing


#: Above this many files, one ``syncfs`` per file system instead of one ``fsync`` per file
#: (``--split record`` writes a file per record: a journal commit each would dominate the run).
MANY_FILES = 16


def _syncfs() -> Callable[[int], int] | None:
    """Linux's ``syncfs(fd)`` (flush the file system holding ``fd``), or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function: Callable[[int], int] = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    return function


def _make_durable(files: list[Output]) -> None:
    syncfs = _syncfs() if len(files) > MANY_FILES else None
    if syncfs is None:
        for output in files:
            output._sync()
        return
    done: set[int] = set()
    for output in files:
        assert output.target.path is not None
        folder = output.target.path.parent
        try:
            device = os.stat(folder).st_dev
            if device in done:
                continue
            handle = os.open(folder, os.O_RDONLY)
            try:
                if syncfs(handle) != 0:
                    code = ctypes.get_errno()
                    raise OSError(code, os.strerror(code))
            finally:
                os.close(handle)
        except OSError as exc:
            raise OutputError(_failure(exc), file=output.shown) from None
        done.add(device)


def _sync_folder(folder: Path) -> None:
    """Make the new names durable (best effort: some file systems cannot sync a folder)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _stdout() -> TextIO:
    stream = sys.stdout
    if stream is None:  # started with stdout closed (``>&-``)
        raise OutputError("cannot write: standard output is closed", file="<stdout>")
    try:
        stream.flush()
        fd = stream.fileno()
        os.fstat(fd)
    except (OSError, ValueError):
        raise OutputError("cannot write: standard output is closed", file="<stdout>") from None
    return open(fd, "w", encoding="utf-8", newline="", closefd=False)


def _through(target: Target) -> TextIO:
    """A stream straight to a special file: its descriptor duplicated, or the file opened
    (a FIFO waits here for its reader, as the shell's ``>`` does)."""
    try:
        if target.fd is not None:
            fd = os.dup(target.fd)
        else:
            assert target.path is not None
            fd = os.open(target.path, os.O_WRONLY | os.O_NOCTTY)
    except OSError as exc:
        if exc.errno == errno.EBADF:
            raise OutputError(f"cannot write: file descriptor {target.fd} is not open", file=target.shown) from None
        raise OutputError(_failure(exc), file=target.shown) from None
    return open(fd, "w", encoding="utf-8", newline="")

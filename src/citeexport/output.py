"""Writing outputs safely: through a temp file renamed into place, never over an input,
never outside ``--out-dir``, never over an existing file without ``--force``."""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import unicodedata
from pathlib import Path
from types import TracebackType
from typing import TextIO

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


class AtomicOutput:
    """A text output that appears only when complete.

    ``path=None`` writes to stdout as data comes (a pipe cannot be un-written).  Otherwise
    the text goes to a temp file in the same folder, renamed over ``path`` on success and
    removed on failure or interruption.
    """

    def __init__(
        self, path: str | Path | None, *, force: bool = False, inputs: tuple[str, ...] = (), root: Path | None = None
    ) -> None:
        self.path = Path(path) if path is not None else None
        self._file: TextIO | None = None
        self._temp: str | None = None
        if self.path is None:
            return
        if root is not None and not self.path.resolve().is_relative_to(root.resolve()):
            raise OutputError(f"refusing to write outside {root}", file=str(self.path))
        for name in inputs:
            if name != "-" and os.path.exists(name) and self.path.exists() and os.path.samefile(name, self.path):
                raise OutputError("refusing to overwrite an input file", file=str(self.path))
        if self.path.exists() and not force:
            raise OutputError("exists; use --force to overwrite", file=str(self.path))

    def __enter__(self) -> TextIO:
        if self.path is None:
            stream = sys.stdout
            self._file = open(stream.fileno(), "w", encoding="utf-8", newline="", closefd=False)
            return self._file
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, self._temp = tempfile.mkstemp(prefix=f".{self.path.name[:64]}.", suffix=".part", dir=self.path.parent)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", file=str(self.path)) from None
        # mkstemp makes the file 0600; a finished output gets the mode any new file would get.
        os.chmod(self._temp, 0o666 & ~_umask())
        self._file = open(handle, "w", encoding="utf-8", newline="")
        return self._file

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        assert self._file is not None
        if self._temp is None:  # stdout
            with contextlib.suppress(BrokenPipeError):
                self._file.flush()
            with contextlib.suppress(BrokenPipeError):
                self._file.close()
            return
        try:
            try:
                self._file.close()  # flushes: a full disk fails here
            except OSError as exc:
                if kind is None:
                    raise OutputError(f"cannot write: {exc.strerror or exc}", file=str(self.path)) from None
            if kind is None:
                try:
                    os.replace(self._temp, self.path)  # type: ignore[arg-type]  # a temp file exists only for a path
                except OSError as exc:
                    raise OutputError(f"cannot write: {exc.strerror or exc}", file=str(self.path)) from None
                self._temp = None
        finally:
            if self._temp is not None:  # failed or interrupted: no half file, no temp file left
                with contextlib.suppress(OSError):
                    os.unlink(self._temp)
                self._temp = None

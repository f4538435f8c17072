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
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


def safe_filename(stem: str, extension: str, *, fallback: str = "record") -> str:
    """A file name from untrusted text (a record id, a key): no separators, no ``..``, no NUL."""
    stem = unicodedata.normalize("NFKC", stem)
    stem = _UNSAFE.sub("_", stem).strip("._")[:100] or fallback
    if _WINDOWS_RESERVED.match(stem):
        stem = f"_{stem}"
    return f"{stem}.{extension}"


class AtomicOutput:
    """A text output that appears only when complete.

    ``path=None`` writes to stdout as data comes (a pipe cannot be un-written).  Otherwise
    the text goes to a temp file in the same folder, renamed over ``path`` on success and
    removed on failure or interruption.
    """

    def __init__(self, path: str | Path | None, *, force: bool = False, inputs: tuple[str, ...] = (), root: Path | None = None) -> None:
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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, self._temp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent)
        self._file = open(handle, "w", encoding="utf-8", newline="")
        return self._file

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        assert self._file is not None
        try:
            self._file.flush()
        except BrokenPipeError:
            pass
        finally:
            if self.path is None:
                with contextlib.suppress(BrokenPipeError):
                    self._file.close()
            else:
                self._file.close()
        if self._temp is None:
            return
        if kind is None:
            os.replace(self._temp, self.path)  # type: ignore[arg-type]
        else:
            os.unlink(self._temp)

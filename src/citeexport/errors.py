"""One exception hierarchy for everything citeexport reports to a user.

Every error carries where it happened (file, record number, field, line, byte or
character offset) so that the CLI can print it in one line:

    examples/bad.txt: record 3 (line 41, offset 18233), field ArticleExt.columnId: expected a number
"""

from __future__ import annotations


class CiteexportError(Exception):
    """Base class: a problem with the input, the options or the output, never a bug."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        record: int | None = None,
        field: str | None = None,
        line: int | None = None,
        offset: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.record = record
        self.field = field
        self.line = line
        self.offset = offset

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled whole (location included), whatever the subclass's ``__init__`` takes: errors
        cross process boundaries (``--jobs`` workers, Dask or Spark partitions)."""
        return (_rebuilt, (type(self), self.args, dict(self.__dict__)))

    def located(self, **where: object) -> CiteexportError:
        """Fill in location parts that are still unknown; returns self."""
        for key, value in where.items():
            if getattr(self, key, None) is None and value is not None:
                setattr(self, key, value)
        return self

    def __str__(self) -> str:
        where: list[str] = []
        if self.record is not None:
            position = [
                f"line {self.line}" if self.line is not None else "",
                f"offset {self.offset}" if self.offset is not None else "",
            ]
            detail = ", ".join(p for p in position if p)
            where.append(f"record {self.record}" + (f" ({detail})" if detail else ""))
        elif self.line is not None:
            where.append(f"line {self.line}")
        elif self.offset is not None:
            where.append(f"offset {self.offset}")
        if self.field:
            where.append(f"field {self.field}")
        prefix = f"{self.file}: " if self.file else ""
        return prefix + ", ".join(where) + (": " if where else "") + self.message


class ParseError(CiteexportError):
    """A record could not be read."""


class InputError(CiteexportError):
    """An input cannot be opened or decoded at all."""

    exit_code = 2


class DecodeError(InputError):
    """The bytes of an input are not text in the encoding it is read in."""

    def __init__(self, encoding: str, offset: int, *, file: str | None = None, given: bool = False) -> None:
        hint = "as --encoding says; leave it out to detect the encoding" if given else "use --encoding"
        super().__init__(f"cannot decode as {encoding} at byte {offset} ({hint})", file=file, offset=offset)
        self.encoding = encoding

    def given(self) -> DecodeError:
        """The same error when the encoding was the user's ``--encoding`` (not to be suggested again)."""
        return DecodeError(self.encoding, self.offset or 0, file=self.file, given=True)


class UnknownFormatError(CiteexportError):
    """No reader or writer of that name, or the input's format cannot be detected."""

    exit_code = 2


class WriteError(CiteexportError):
    """A record could not be written (e.g. it lacks what the format requires)."""


class OutputError(CiteexportError):
    """The output cannot be written (exists without --force, outside --out-dir, …)."""

    exit_code = 2


def _rebuilt(cls: type[CiteexportError], args: tuple[object, ...], state: dict[str, object]) -> CiteexportError:
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class WorkerError(RuntimeError):
    """A worker process ended without sending its result (killed, out of memory): the system's
    doing, reported as a failed run (exit 2), not as a bug.  Here, not in :mod:`.workers`, so that
    a run without ``--jobs`` does not import :mod:`multiprocessing` to know it."""

"""What every reader is: text in, a stream of :class:`Record` out, one per input record."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from ..errors import CiteexportError
from ..model import Citation
from ..options import ReadOptions


@dataclass(slots=True)
class Record:
    """One input record: its citation, or the error that stopped it, and any warnings.

    ``number`` counts records from 1 within one input; ``line`` is the 1-based line
    where the record starts; ``offset`` is the character offset of that line.
    """

    source: str
    number: int
    line: int | None = None
    offset: int | None = None
    citation: Citation | None = None
    error: CiteexportError | None = None
    warnings: list[str] = field(default_factory=list)
    #: ``--jobs``: the record already written by worker processes, by format (see
    #: :meth:`Writer.write_detached`); the citation itself is then not sent back.
    written: dict[str, object] | None = None

    @property
    def ok(self) -> bool:
        return (self.citation is not None or self.written is not None) and self.error is None


class Reader(ABC):
    """A format reader.  Subclasses set the class attributes and implement :meth:`read`.

    ``read`` receives the input as an iterable of lines (each keeping its line end),
    so a reader can stream a file of any size, and yields one :class:`Record` per
    input record, in order.  A record that cannot be read is yielded with ``error``
    set; reading goes on with the next record.
    """

    name: ClassVar[str]
    description: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]] = ()
    #: ``read`` takes pieces of several whole lines each, not only single lines.
    line_blocks: ClassVar[bool] = False
    #: ``read_encoded`` takes the raw bytes of inputs in a byte-safe encoding
    #: (:func:`citeexport.readers.dump_chunks.byte_safe`), skipping the decoded lines.
    reads_bytes: ClassVar[bool] = False

    def __init__(self, options: ReadOptions | None = None) -> None:
        self.options = options or ReadOptions()

    @classmethod
    def sniff(cls, head: str) -> bool:
        """True when ``head`` (the start of an input, BOM removed) looks like this format."""
        return False

    @abstractmethod
    def read(self, lines: Iterable[str], source: str = "<input>") -> Iterator[Record]:
        """Yield the records of one input."""

    def read_encoded(self, blocks: Iterable[bytes], encoding: str, source: str = "<input>") -> Iterator[Record]:
        """Yield the records of one input given as raw bytes (readers with ``reads_bytes``)."""
        raise NotImplementedError(f"{self.name} reads decoded text only")

"""What every format is: a reader (text in, a stream of :class:`Record` out), a writer (citations
in, one output stream out), or both; and the optional protocols a format may offer on top.

A reader receives the input as an iterable of lines (each keeping its line end), so it can
stream a file of any size, and yields one :class:`Record` per input record, in order.  A record
that cannot be read is yielded with ``error`` set; reading goes on with the next record.

A writer is made once per output (a file or stdout) and used as::

    writer = get_writer("ris")(WriteOptions(lang="zh"))
    out.write(writer.start())
    for citation in citations:
        out.write(writer.write(citation))   # all requested languages of one article
    out.write(writer.finish())

State that spans records (unique citation keys, reference numbers, sorted author-date lists)
lives in the writer object.  ``write`` returns text only for complete records, so no input can
leave half a record in the output.

Writer warnings: a type or a field the format cannot hold goes to the nearest one the writer
has, and the writer says so with :meth:`Writer.warn` while it writes the record (``type the
format cannot hold, written as JOUR: thesis``; ``fields the format cannot hold, not written:
isbn``; helpers :meth:`Writer.warn_type` and :meth:`Writer.warn_unwritten`).  Whoever calls ``write``
collects them with :meth:`Writer.take_warnings` right after it: the pipeline reports them as
warnings of the record being written, as it reports a reader's.

Optional protocols, each a base class a format adds when it can (the core checks with
``isinstance``/``issubclass`` and never names a format):

* :class:`InputReading` — a reader that reads an opened input its own way (the dump finds its
  records in the raw bytes when the encoding allows), instead of line by line.
* :class:`ParallelReading` — a reader that reads one input in several processes (``--jobs``).
* :class:`DetachedWriting` — a writer whose records can be written in those processes: workers
  call :meth:`~DetachedWriting.write_detached` (no shared state), and the main process turns
  each result into text with :meth:`~DetachedWriting.attach`, in input order, where the shared
  state lives (keys, numbers).  Such records come back as :class:`WrittenRecord`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar, Protocol

from ..errors import CiteexportError, ParseError
from ..model import Citation, Lang
from ..options import ReadOptions, WriteOptions
from ..record_warnings import RecordWarning


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

    @property
    def ok(self) -> bool:
        return self.citation is not None and self.error is None


@dataclass(slots=True)
class WrittenRecord(Record):
    """A record already written by worker processes (:class:`DetachedWriting`): what each writer's
    :meth:`~DetachedWriting.write_detached` gave, and the warnings it said, by writer name; the
    citation is not sent back."""

    written: dict[str, object] = field(default_factory=dict)
    writer_warnings: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None


def given_fields(*fields: dict[str, Any], **more: Any) -> dict[str, Any]:
    """The model fields of ``fields`` and ``more`` that hold a value, for a reader's model call: None,
    ``()`` and ``{}`` are the defaults of every field they can be, and each field given costs a
    validation (the type tests keep a model object from being compared with ``{}``)."""
    merged = {key: value for part in fields for key, value in part.items()} | more
    return {
        key: value
        for key, value in merged.items()
        if value is not None and (value or (type(value) is not tuple and type(value) is not dict))
    }


def finish_record(record: Record, strict: bool) -> Record:
    """Under ``--strict`` a record with warnings fails, its warnings the message (they stay listed)."""
    if strict and record.warnings and record.error is None:
        record.citation = None
        record.error = ParseError(
            "; ".join(record.warnings) + " (--strict)",
            file=record.source,
            record=record.number,
            line=record.line,
            offset=record.offset,
        )
    return record


class Reader(ABC):
    """A format reader.  Subclasses set the class attributes and implement :meth:`read`."""

    name: ClassVar[str]
    description: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]] = ()

    def __init__(self, options: ReadOptions | None = None) -> None:
        self.options = options or ReadOptions()

    @classmethod
    def sniff(cls, head: str) -> bool:
        """True when ``head`` (the start of an input, BOM removed) looks like this format."""
        return False

    @abstractmethod
    def read(self, lines: Iterable[str], source: str = "<input>") -> Iterator[Record]:
        """Yield the records of one input."""


#: Model fields every writer may leave out without a warning: not part of a reference as formats
#: print it (the source's id, the PDF link, the China serial number), or an alternative of a field
#: written (the electronic ISSN), or the online-first facts most formats have no place for (the
#: README's table says which formats keep them).
QUIETLY_OMITTED = frozenset({"id", "pdf_url", "cn", "eissn", "available_date", "status", "language"})
#: The kinds of the writers' own warnings (the names follow: the fields, the type).
FIELDS_NOT_HELD = "fields the format cannot hold, not written"
TYPE_NOT_HELD = "type the format cannot hold"


def present_fields(citation: Citation, lang: Lang) -> list[str]:
    """The model fields ``citation`` has a value for in ``lang``: Citation fields, LocalizedText fields,
    and each name role (``author``, ``editor`` …), by their model names."""
    return _fields_except(citation, lang, _NOT_VALUES)


def _fields_except(citation: Citation, lang: Lang, skipped: frozenset[str]) -> list[str]:
    """:func:`present_fields` without those in ``skipped`` (which holds :data:`_NOT_VALUES`), in one pass."""
    # The models' own attributes (``extra="forbid"``: exactly their fields), not pydantic's slower
    # iteration; empty is falsy (None, "", (), {}, False), as a value can be nothing else empty.
    found = [field for field, value in vars(citation).items() if value and field not in skipped]
    if citation.extra:
        found += [name for name in (f"extra:{key}" for key in citation.extra) if name not in skipped]
    text = citation.texts.get(lang)
    if text is not None:
        found += [field for field, value in vars(text).items() if value and field not in skipped]
        found += [role for role, names in text.names.items() if names and role not in skipped]
    return found


#: Model fields that are no value of the reference: the type (said by its own warning), and the
#: texts, extra and names mappings (their items are named instead).
_NOT_VALUES = frozenset({"texts", "extra", "type", "names"})


#: The model's date fields.
DATE_FIELDS = ("issued", "accessed", "original_date", "event_date", "available_date", "submitted")
#: The parts of a date a format may be unable to say, by their names in a warning.
_DATE_PARTS = {"circa": lambda d: d.circa, "season": lambda d: d.season is not None, "range end": lambda d: d.end is not None}


def lost_date_parts(citation: Citation, written: Iterable[str], parts: tuple[str, ...] = ("circa", "range end")) -> list[str]:
    """``issued (circa)``, ``accessed (range end)`` …: for each date in ``written`` that ``citation`` has,
    the ``parts`` it says (``circa``, ``season``, ``range end``) that the writer's date cannot."""
    fields = written if isinstance(written, (set, frozenset)) else set(written)
    lost: list[str] = []
    for name in DATE_FIELDS:
        date = getattr(citation, name)
        if date is not None and (date.circa or date.season is not None or date.end is not None) and name in fields:
            lost += [f"{name} ({part})" for part in parts if _DATE_PARTS[part](date)]
    return lost


def unwritten_fields(citation: Citation, lang: Lang, written: frozenset[str]) -> list[str]:
    """The fields of :func:`present_fields` that are neither in ``written`` nor :data:`QUIETLY_OMITTED`, in
    its order: what :meth:`Writer.warn_unwritten` names (one pass, with no list of every field made)."""
    return _fields_except(citation, lang, _skipped(written))


@lru_cache(maxsize=256)
def _skipped(written: frozenset[str]) -> frozenset[str]:
    """What :func:`unwritten_fields` leaves out: ``written``, the quietly omitted fields, and the model
    fields that are no value (the type, the texts, the extra and names mappings: their items are named)."""
    return written | QUIETLY_OMITTED | _NOT_VALUES


class Writer(ABC):
    """A format writer (see the module docstring)."""

    name: ClassVar[str]
    description: ClassVar[str]
    extension: ClassVar[str]  # file suffix without the dot, for --out-dir
    newline: ClassVar[str] = "\n"  # the format's line end, used by the writer itself
    #: The :class:`WriteOptions` fields this writer reads besides ``lang``: its command offers
    #: exactly these options, and ``convert`` those of every writer.
    options_used: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def option_values(cls, option: str) -> list[tuple[str, str]]:
        """The values one of its ``options_used`` takes, each with what it is, when the writer can
        list them (for help and shell completion); ``[]`` when any value goes."""
        return []

    def __init__(self, options: WriteOptions | None = None) -> None:
        self.options = options or WriteOptions()
        self.warnings: list[str] = []

    def warn(self, kind: str, names: Iterable[str] = ()) -> None:
        """Say what the record being written loses or changes: ``kind`` is the same words for every
        record (``fields not held by RIS, not written``), ``names`` what it happened to here (``isbn``)."""
        self.warnings.append(RecordWarning.named(kind, dict.fromkeys(names)))  # grouped by kind in the report

    def warn_unwritten(self, citation: Citation, lang: Lang, written: frozenset[str], also: Iterable[str] = ()) -> None:
        """Warn about the fields of ``citation`` in ``lang`` that are neither in ``written`` (what this
        writer writes, model field names and roles) nor :data:`QUIETLY_OMITTED`, and the parts of written
        fields named in ``also`` (:func:`lost_date_parts`), in one warning."""
        lost = unwritten_fields(citation, lang, written)
        lost += also
        if lost:
            self.warn(FIELDS_NOT_HELD, lost)

    def warn_type(self, citation: Citation, held: frozenset[str], written_as: str) -> None:
        """Warn when ``citation``'s type is not one of ``held`` (the types this writer writes as themselves)."""
        if citation.type not in held:
            self.warn(f"{TYPE_NOT_HELD}, written as {written_as}", [citation.type])

    def take_warnings(self) -> list[str]:
        """The warnings said since the last call (for the record just written), and forget them."""
        taken, self.warnings = self.warnings, []
        return taken

    def start(self) -> str:
        """Text before the first record (a header, ``[`` …)."""
        return ""

    def write(self, citation: Citation) -> str:
        """The complete text of one article, in each requested language."""
        return "".join(self.write_one(citation, lang) for lang in self.options.languages(citation))

    @abstractmethod
    def write_one(self, citation: Citation, lang: Lang) -> str:
        """The complete text of one article in one language."""

    def finish(self) -> str:
        """Text after the last record (a footer, ``]``, a sorted list …)."""
        return ""


# -- optional protocols ---------------------------------------------------------------------------


class Source(Protocol):
    """An opened input as a reader with :class:`InputReading` sees it (:class:`citeexport.inputs.OpenedInput`).

    The views share one stream: a reader consumes one of them.
    """

    name: str  # for messages
    path: str  # the path given, ``-`` for stdin
    encoding: str
    lines: Iterator[str]  # the decoded text, one line at a time (line ends kept)
    line_blocks: Iterator[str]  # the decoded text in pieces of whole lines
    blocks: Iterator[bytes] | None  # the raw bytes; None when they may not be read instead of the text


class InputReading(ABC):
    """A reader that reads an opened input its own way rather than line by line."""

    @abstractmethod
    def read_input(self, source: Source) -> Iterator[Record]:
        """The records of ``source``, the same as :meth:`Reader.read` of its lines."""


#: What worker processes write each record with: (writer classes, write options); see
#: :class:`DetachedWriting`.  None: the workers send the citations back.
WorkerWriting = tuple[tuple[type["Writer"], ...], WriteOptions]


class ParallelReading(ABC):
    """A reader that can read one input in several processes, in order (``--jobs``)."""

    @abstractmethod
    def read_parallel(
        self, source: Source, jobs: int, writing: WorkerWriting | None
    ) -> tuple[Iterator[Record], Callable[[], int] | None]:
        """The records of ``source`` read by ``jobs`` processes, the same as a serial read, and
        (when it can tell) a function giving the bytes read so far.  With ``writing``, records
        come back as :class:`WrittenRecord`."""


class DetachedWriting(ABC):
    """A writer whose records can be written in worker processes, then attached in input order."""

    def can_detach(self) -> bool:
        """Whether :meth:`write_detached` in another process + :meth:`attach` here equals ``write``."""
        return True

    @abstractmethod
    def write_detached(self, citation: Citation) -> object:
        """What a worker process sends back for one article (picklable)."""

    @abstractmethod
    def attach(self, detached: object) -> str:
        """The text of one article from what :meth:`write_detached` gave, in input order."""


class StatelessWriter(Writer, DetachedWriting):
    """A writer with no state across records (RIS, EndNote, RefWorks): a worker's text is the text."""

    def write_detached(self, citation: Citation) -> object:
        return self.write(citation)

    def attach(self, detached: object) -> str:
        assert isinstance(detached, str)
        return detached

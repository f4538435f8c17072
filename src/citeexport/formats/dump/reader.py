"""Reader for the journal platform's article dump (Lombok ``Article(...)`` lines + page text).

A file holds one or many records::

    Article(id=…, …, reference=null)      ← the dump, usually one line (values may hold newlines)
    药物分析杂志                              ← the article page's text, ignored
    …
    Article(id=…, …)                      ← the next record

Records are found and parsed one at a time, so memory does not grow with the file.  A line
starting ``Article(`` is only a *candidate* start (page text and abstracts can contain one):
a chunk that does not parse is retried joined with the following chunks (a value that held
``\\nArticle(``).  A chunk that never parses is a broken record when it starts like one
(``Article(id=<digits>, ``) and is reported; otherwise it is page text and is ignored.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from ...errors import CiteexportError, ParseError
from ..base import InputReading, ParallelReading, Reader, Record, Source, WorkerWriting
from . import chunks as record_chunks  # its MAX_RECORD_CHARS read when used: a test or a caller may lower it
from .chunks import RECORD_START, Chunk, EncodedSplitter, byte_safe, split_chunks
from .fast import parse_fast
from .lombok import LombokParser, LombokSyntaxError, Obj
from .mapping import citation_from_tree

_LOOKS_LIKE_RECORD = re.compile(r"Article\(id=-?\d+, ")
#: How many chunks one record may span (values holding lines that start "Article(": a journal
#: title is printed in about ten places of a record).
MAX_JOINED_CHUNKS = 16


#: Records the careful parser reads before the fast path's program is compiled (per process):
#: compiling it costs what the careful parser takes for a few records, so a run of one or two
#: records (a single article converted) never pays for it.  The answers are the same either way.
CAREFUL_FIRST = 4
_careful_left = CAREFUL_FIRST


def parse_record_text(text: str, *, fast: bool | None = None) -> tuple[Obj, list[str]]:
    """Parse the ``Article(...)`` at the start of ``text``; (tree, warnings).

    The compiled fast path answers most records; whatever it does not match (hazards that
    need backtracking, schema drift, unknown classes) goes to the careful parser.  ``fast``:
    True or False to choose; None (the reader's way) for the careful parser alone on the
    first :data:`CAREFUL_FIRST` records of a process, the fast path after them.
    """
    global _careful_left
    if fast is None:
        fast = _careful_left <= 0
        _careful_left -= not fast
    if not text.endswith("\n"):
        text += "\n"
    if fast:
        tree = parse_fast(text)
        if tree is not None:
            return tree, []
    parser = LombokParser(text)
    tree, _end = parser.parse_top("Article")
    return tree, parser.warnings


def _parse_alone(chunk: Chunk) -> tuple[Obj, list[str]] | LombokSyntaxError:
    """The chunk read on its own (remembered: a chunk may be looked at twice)."""
    if chunk.parsed is None:
        try:
            chunk.parsed = parse_record_text(chunk.text)
        except LombokSyntaxError as exc:
            chunk.parsed = exc
    return chunk.parsed


def _starts_record(pending: deque[Chunk], index: int) -> bool:
    """Whether ``pending[index]`` begins a complete record, alone or with the chunks after it."""
    if not _LOOKS_LIKE_RECORD.match(pending[index].text):
        return False
    if not isinstance(_parse_alone(pending[index]), LombokSyntaxError):
        return True
    text = pending[index].text
    for chunk in list(pending)[index + 1 :]:
        text += chunk.text
        try:
            parse_record_text(text)
        except LombokSyntaxError:
            continue
        return True
    return False


class DumpReader(Reader, InputReading, ParallelReading):
    name = "dump"
    description = "journal platform article dump (Java/Lombok toString + page text)"
    extensions = ("txt", "dump")

    @classmethod
    def sniff(cls, head: str) -> bool:
        return any(line.startswith(RECORD_START) for line in head.lstrip("\ufeff").splitlines()[:50])

    def read(self, lines: Iterable[str], source: str = "<input>") -> Iterator[Record]:
        return self._numbered(split_chunks(lines), source)

    def read_encoded(self, blocks: Iterable[bytes], encoding: str, source: str = "<input>") -> Iterator[Record]:
        """The records of raw bytes in a byte-safe encoding (see :mod:`.chunks`): the same
        records as :meth:`read` of the decoded text, found without slicing decoded text."""
        return self._numbered(EncodedSplitter(encoding, source).chunks(blocks), source)

    def read_input(self, source: Source) -> Iterator[Record]:
        """From the raw bytes when the encoding allows (:func:`.chunks.byte_safe`), else from blocks
        of decoded lines (no per-line work in Python: the splitter finds the record starts)."""
        if source.blocks is not None and byte_safe(source.encoding):
            return self.read_encoded(source.blocks, source.encoding, source.name)
        return self.read(source.line_blocks, source.name)

    def read_parallel(
        self, source: Source, jobs: int, writing: WorkerWriting | None
    ) -> tuple[Iterator[Record], Callable[[], int] | None]:
        """``--jobs``: see :mod:`.parallel` (imported here: process pools are for --jobs only)."""
        from .parallel import parallel_records

        return parallel_records(source.path, source.encoding, source.line_blocks, source.name, self.options, jobs, writing)

    def _numbered(self, chunks: Iterable[Chunk], source: str) -> Iterator[Record]:
        number = 0
        for _used, record in self.scan(chunks, source):
            if record is not None:
                number += 1
                yield number_record(record, number)

    def scan(self, chunks: Iterable[Chunk], source: str) -> Iterator[tuple[int, Record | None]]:
        """(chunks used, record or None for page text), in order; records are not numbered yet."""
        chunks = iter(chunks)
        pending: deque[Chunk] = deque()
        exhausted = False
        while True:
            while not exhausted and len(pending) < MAX_JOINED_CHUNKS:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    pending.append(chunk)
            if not pending:
                return
            first = pending[0]
            looks_like_record = bool(_LOOKS_LIKE_RECORD.match(first.text))
            failure: LombokSyntaxError | None = None
            alone = _parse_alone(first)
            if isinstance(alone, LombokSyntaxError):
                failure = alone
            else:
                pending.popleft()
                yield 1, self._record(*alone, source, first)
                continue
            text = first.text
            for joined in range(2, len(pending) + 1 if looks_like_record and not first.cut else 1):
                # A value may hold a line starting "Article(", never a whole record: a chunk
                # that starts a record of its own is not absorbed by a broken one before it.
                if _starts_record(pending, joined - 1):
                    break
                text += pending[joined - 1].text
                try:
                    tree, warnings = parse_record_text(text)
                except LombokSyntaxError:
                    continue
                for _ in range(joined):
                    pending.popleft()
                yield joined, self._record(tree, warnings, source, first)
                break
            else:
                pending.popleft()
                yield 1, (self._failed(failure, source, first) if looks_like_record else None)
                continue
            if pending and pending[0] is first:  # stopped joining at a complete record
                pending.popleft()
                yield 1, (self._failed(failure, source, first) if looks_like_record else None)

    def read_batch(
        self,
        chunks: Iterable[Chunk],
        own: int | Callable[[], int | None],
        source: str,
        finish: Callable[[Record], Record] | None = None,
    ) -> tuple[list[Record], int]:
        """Records starting in the first ``own`` chunks (the rest is context a record may run into).

        ``own`` may be a function that says None while the chunks are still coming and not all
        of the own ones have been taken (a stream: a record is yielded with at most
        ``MAX_JOINED_CHUNKS`` chunks taken past its start, so it is an own one then).
        ``finish`` is applied to each record as it is read (a worker writes it at once).
        Returns the records, unnumbered, and how many context chunks the last one used.
        For ``--jobs``: batches are read in other processes, then numbered in order.
        """

        def limit() -> int | None:
            return own() if callable(own) else own

        records: list[Record] = []
        position = 0
        for used, record in self.scan(chunks, source):
            known = limit()
            if known is not None and position >= known:
                break
            position += used
            if record is not None:
                records.append(finish(record) if finish else record)
        known = limit()
        assert known is not None, "the own chunks are all taken once the scan stops"
        return records, max(0, position - known)

    def _record(self, tree: Obj, warnings: list[str], source: str, chunk: Chunk) -> Record:
        record = Record(source=source, number=0, line=chunk.line, offset=chunk.offset, warnings=list(warnings))
        try:
            record.citation = citation_from_tree(tree)
        except CiteexportError as exc:
            record.error = exc.located(file=source, line=chunk.line, offset=chunk.offset)
        except ValueError as exc:  # pydantic validation of a value the dump holds
            record.error = ParseError(f"invalid value: {exc}", file=source, line=chunk.line, offset=chunk.offset)
        if self.options.strict and record.warnings and record.error is None:
            record.error = ParseError("; ".join(record.warnings), file=source, line=chunk.line, offset=chunk.offset)
        return record

    def _failed(self, failure: LombokSyntaxError, source: str, chunk: Chunk) -> Record:
        text = chunk.text
        inner = min(failure.offset, len(text))
        line = chunk.line + text.count("\n", 0, inner)
        message = failure.message
        if chunk.cut:
            message += f" (the record is longer than {record_chunks.MAX_RECORD_CHARS // (1 << 20)} MB: read that far only)"
        error = ParseError(message, file=source, field=failure.field, line=line, offset=chunk.offset + inner)
        return Record(source=source, number=0, line=chunk.line, offset=chunk.offset, error=error)


def number_record(record: Record, number: int) -> Record:
    """Give a record (and its error) its 1-based number within its input."""
    record.number = number
    if record.error is not None:
        record.error.record = number
    return record

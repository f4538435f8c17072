"""``--jobs N``: read the records of one dump in N worker processes, in order.

Files are cut into byte ranges of about ``BATCH_BYTES``, each starting at a line that starts
``Article(`` (the main process looks only near each cut, never scans the file); each worker
reads, decodes, parses and writes the records of its own range (``DetachedWriting.write_detached``), and
the main process attaches them in order, so citation keys, numbering and author-date sorting
see every record, in order.  Inputs that cannot be cut in bytes (stdin, UTF-16) are split into
chunks by the main process and sent to the workers.

A record may run into the next chunks (a value holding a line that starts ``Article(``):
each batch carries the following chunks as context, and reports how many of them its last
record used.  When that is not zero, the next batch was read from the wrong start, so it is
read again here, serially, from the right one: the output is the serial reader's, always.
At most ``2 × jobs`` batches are in flight, so memory stays flat however large the input.
The workers (:mod:`citeexport.workers`) never outlive the main process, and stop at once when
it is interrupted or leaves the records unread.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import BinaryIO

from ...errors import CiteexportError
from ...options import ReadOptions
from ...workers import Task, WorkerPool
from ..base import DetachedWriting, Record, WorkerWriting, Writer, WrittenRecord
from .chunks import RECORD_START, Chunk, EncodedSplitter, byte_safe, split_chunks
from .reader import MAX_JOINED_CHUNKS, DumpReader, number_record

BATCH_CHUNKS = 256
CONTEXT_CHUNKS = MAX_JOINED_CHUNKS - 1


def _read_batch(options: ReadOptions, source: str, chunks: list[Chunk], own: int) -> tuple[list[Record], int]:
    return DumpReader(options).read_batch(chunks, own, source)


def _batches(chunks: Iterator[Chunk]) -> Iterator[tuple[list[Chunk], int]]:
    """(own chunks + context chunks, number of own chunks), consecutive, context overlapping."""
    window = list(islice(chunks, BATCH_CHUNKS + CONTEXT_CHUNKS))
    while window:
        own = min(BATCH_CHUNKS, len(window))
        yield window, own
        window = window[own:] + list(islice(chunks, own))


def read_parallel(lines: Iterable[str], source: str, options: ReadOptions, jobs: int) -> Iterator[Record]:
    """The records of a dump, read by ``jobs`` processes; the same as ``DumpReader.read``."""
    reader = DumpReader(options)
    number = 0
    skip = 0  # chunks of the next batch already used by the previous batch's last record
    with WorkerPool(jobs) as pool:
        in_flight: deque[tuple[Task, list[Chunk], int]] = deque()
        batches = _batches(split_chunks(lines))

        def submit() -> bool:
            batch = next(batches, None)
            if batch is None:
                return False
            chunks, own = batch
            in_flight.append((pool.submit(_read_batch, options, source, chunks, own), chunks, own))
            return True

        while len(in_flight) < 2 * jobs and submit():
            pass
        while in_flight:
            future, chunks, own = in_flight.popleft()
            submit()
            if skip:
                records, extra = reader.read_batch(chunks[skip:], own - skip, source) if skip < own else ([], skip - own)
                future.cancel()
            else:
                records, extra = future.result()
            for record in records:
                number += 1
                yield number_record(record, number)
            skip = extra


# -- file ranges ------------------------------------------------------------------------------

_START = b"\n" + RECORD_START.encode()

#: Bytes of the file each worker is given to read (its own records; it reads past the end
#: as far as the records starting there need).
BATCH_BYTES = 4 << 20
#: Bytes read at a time when looking for a line that starts "Article(".
_SEARCH_BLOCK = 1 << 16

Batch = tuple[int, int]  # start, end of the own chunks (byte offsets; the start is a chunk start)
RangeResult = tuple[list[Record], int, int, int]  # records, context chunks used, characters, lines


def _next_chunk_start(handle: BinaryIO, at: int, size: int) -> int:
    """The first byte offset ``>= at`` that starts a line beginning ``Article(``; ``size`` if none."""
    base = at - 1  # the line feed before a chunk start at ``at`` is read too
    handle.seek(base)
    data = b""
    while block := handle.read(_SEARCH_BLOCK):
        data += block
        found = data.find(_START)
        if found != -1:
            return base + found + 1
        keep = len(_START) - 1  # a marker cut by the block's end is found with the next block
        base += max(len(data) - keep, 0)
        data = data[-keep:]
    return size


def _file_batches(path: str) -> Iterator[Batch]:
    """Consecutive byte ranges of about ``BATCH_BYTES``, each starting at a chunk start (or 0).

    Only the bytes near each range's nominal start are searched: the main process does not
    scan the file, the workers do, each its own range.
    """
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        start = 0
        while start < size:
            end = _next_chunk_start(handle, start + BATCH_BYTES, size) if start + BATCH_BYTES < size else size
            yield start, end
            start = end


#: What workers write with, when every output format can be written in a worker; None to
#: send the citations back instead.
WriteSpec = WorkerWriting | None


def _writing_in_worker(spec: WriteSpec) -> Callable[[Record], Record] | None:
    """What a worker does with each record it reads: write it (a :class:`WrittenRecord`), or nothing."""
    if spec is None:
        return None
    classes, options = spec
    writers: dict[str, DetachedWriting] = {}
    for cls in classes:
        writer = cls(options)
        assert isinstance(writer, DetachedWriting), f"{cls.name} cannot write in a worker"
        writers[cls.name] = writer

    def write(record: Record) -> Record:
        if record.citation is None or record.error is not None:
            return record
        written: dict[str, object] = {}
        said: dict[str, list[str]] = {}
        try:
            for fmt, writer in writers.items():
                written[fmt] = writer.write_detached(record.citation)
                if isinstance(writer, Writer) and writer.warnings:
                    said[fmt] = writer.take_warnings()
        except CiteexportError as error:
            record.error = error
            record.citation = None  # not needed any more: do not pickle it back
            return record
        # the citation is not needed any more: not pickled back
        return WrittenRecord(record.source, record.number, record.line, record.offset, None, None, record.warnings, written, said)

    return write


class _RangeChunks:
    """The chunks of a byte range, then up to ``CONTEXT_CHUNKS`` after it, split as they are read.

    ``own`` is the number of the range's own chunks, None until they have all been taken;
    ``line``/``offset`` say, then, where the range's text ended (relative to its start).
    """

    def __init__(self, handle: BinaryIO, path: str, encoding: str, start: int, own_end: int) -> None:
        self.handle, self.path, self.encoding, self.start, self.own_end = handle, path, encoding, start, own_end
        self.own: int | None = None
        self.line = self.offset = 0

    def __iter__(self) -> Iterator[Chunk]:
        self.handle.seek(self.start)
        own_part = EncodedSplitter(self.encoding, self.path, at_start=self.start == 0, byte=self.start)
        count = 0
        for chunk in own_part.chunks(self._own_blocks()):
            count += 1
            yield chunk
        self.own, self.line, self.offset = count, own_part.line - 1, own_part.offset
        context = EncodedSplitter(
            self.encoding, self.path, at_start=False, byte=self.own_end, line=own_part.line, offset=own_part.offset
        )
        yield from islice(context.chunks(iter(lambda: self.handle.read(_SEARCH_BLOCK), b"")), CONTEXT_CHUNKS)

    def _own_blocks(self) -> Iterator[bytes]:
        """The range's bytes in small blocks (what stays in the processor's caches)."""
        left = self.own_end - self.start
        while left > 0 and (block := self.handle.read(min(_SEARCH_BLOCK, left))):
            left -= len(block)
            yield block


def _read_range(
    path: str, encoding: str, batch: Batch, skip: int, options: ReadOptions, source: str, spec: WriteSpec = None
) -> RangeResult:
    """Records starting in the batch's own chunks (from chunk ``skip``), with relative lines and offsets."""
    gc.disable()  # a batch's objects are acyclic and freed by reference counting; collections only cost
    try:
        return _read_range_unsafe(path, encoding, batch, skip, options, source, spec)
    finally:
        gc.enable()


def _read_range_unsafe(
    path: str, encoding: str, batch: Batch, skip: int, options: ReadOptions, source: str, spec: WriteSpec
) -> RangeResult:
    """Records are read, mapped and written one at a time, as the serial reader does: a range's
    records are never all held at once (that made workers slower per record than one process)."""
    start, own_end = batch
    with open(path, "rb") as handle:
        chunks = _RangeChunks(handle, path, encoding, start, own_end)

        def own_left() -> int | None:  # own chunks after the ``skip`` already used by the previous range
            return None if chunks.own is None else max(chunks.own - skip, 0)

        records, extra = DumpReader(options).read_batch(islice(chunks, skip, None), own_left, source, _writing_in_worker(spec))
        if chunks.own is not None and skip > chunks.own:
            extra = skip - chunks.own
        return records, extra, chunks.offset, chunks.line


def _shift(record: Record, lines: int, chars: int) -> Record:
    """Relative to the range → relative to the file."""
    if record.line is not None:
        record.line += lines
    if record.offset is not None:
        record.offset += chars
    if record.error is not None:
        if record.error.line is not None:
            record.error.line += lines
        if record.error.offset is not None:
            record.error.offset += chars
    return record


class FileRangeReader:
    """The records of a dump file read by ``jobs`` processes, each from its own byte range."""

    def __init__(self, path: str, encoding: str, source: str, options: ReadOptions, jobs: int, spec: WriteSpec = None) -> None:
        self.path, self.encoding, self.source, self.options, self.jobs = path, encoding, source, options, jobs
        self.spec = spec
        self.position = 0  # bytes of the file read so far (for progress)

    def __iter__(self) -> Iterator[Record]:
        number = lines = chars = 0
        skip = 0
        with WorkerPool(self.jobs) as pool:
            in_flight: deque[tuple[Task, Batch]] = deque()
            batches = _file_batches(self.path)

            def submit() -> bool:
                batch = next(batches, None)
                if batch is None:
                    return False
                work = pool.submit(_read_range, self.path, self.encoding, batch, 0, self.options, self.source, self.spec)
                in_flight.append((work, batch))
                return True

            while len(in_flight) < 2 * self.jobs and submit():
                pass
            while in_flight:
                future, batch = in_flight.popleft()
                submit()
                if skip:  # the previous batch's last record ran into this one: read it again from there
                    future.cancel()
                    result = _read_range(self.path, self.encoding, batch, skip, self.options, self.source, self.spec)
                else:
                    result = future.result()
                records, skip, range_chars, range_lines = result
                for record in records:
                    number += 1
                    yield number_record(_shift(record, lines, chars), number)
                lines += range_lines
                chars += range_chars
                self.position = batch[1]


def parallel_records(
    path: str, encoding: str, lines: Iterable[str], source: str, options: ReadOptions, jobs: int, spec: WriteSpec = None
) -> tuple[Iterator[Record], Callable[[], int] | None]:
    """Records read by ``jobs`` processes, and (for files) a function telling the bytes read.

    With a ``spec``, file records come back already written (:class:`WrittenRecord`).
    """
    if path != "-" and byte_safe(encoding) and os.path.isfile(path):
        reader = FileRangeReader(path, encoding.lower(), source, options, jobs, spec)
        return iter(reader), lambda: reader.position
    return read_parallel(lines, source, options, jobs), None

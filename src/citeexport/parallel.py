"""``--jobs N``: read the records of one dump in N worker processes, in order.

Files are cut into byte ranges at lines starting ``Article(`` (one ``mmap`` scan, at memory
speed); each worker reads, decodes and parses its own range, so the main process only merges
records in order and writes them.  Writing stays in the main process, so citation keys,
numbering and author-date sorting see every record, in order.  Inputs that cannot be cut in
bytes (stdin, UTF-16) are split into chunks by the main process and sent to the workers.

A record may run into the next chunks (a value holding a line that starts ``Article(``):
each batch carries the following chunks as context, and reports how many of them its last
record used.  When that is not zero, the next batch was read from the wrong start, so it is
read again here, serially, from the right one: the output is the serial reader's, always.
At most ``2 × jobs`` batches are in flight, so memory stays flat however large the input.
"""

from __future__ import annotations

import mmap
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from .errors import InputError
from .inputs import split_lines
from .options import ReadOptions
from .readers.base import Reader, Record
from .readers.dump import MAX_JOINED_CHUNKS, RECORD_START, Chunk, DumpReader, number_record, split_chunks

BATCH_CHUNKS = 256
CONTEXT_CHUNKS = MAX_JOINED_CHUNKS - 1


def supports_parallel(reader: type[Reader]) -> bool:
    """Readers whose input splits into chunks cheaply (the platform dump)."""
    return issubclass(reader, DumpReader)


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
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        in_flight: deque[tuple[Future[tuple[list[Record], int]], list[Chunk], int]] = deque()
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

#: Encodings in which a line feed followed by "Article(" is always those ASCII characters.
RANGE_ENCODINGS = frozenset({"utf-8", "utf-8-sig", "gb18030", "ascii"})
_START = b"\n" + RECORD_START.encode()
_BOM = b"\xef\xbb\xbf"

Batch = tuple[int, int, int]  # start, end of own chunks, end of context (byte offsets)
RangeResult = tuple[list[Record], int, int, int]  # records, context chunks used, characters, lines


def _chunk_starts(path: str) -> Iterator[int]:
    """Byte offsets of the lines that start with ``Article(``, then the file size."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size == 0:
            return
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            first = 3 if data[:3] == _BOM else 0
            if data[first : first + len(RECORD_START)] == RECORD_START.encode():
                yield 0
            pos = data.find(_START)
            while pos != -1:
                yield pos + 1
                pos = data.find(_START, pos + 1)
    yield size


def _file_batches(path: str) -> Iterator[Batch]:
    starts = _chunk_starts(path)
    window = list(islice(starts, BATCH_CHUNKS + CONTEXT_CHUNKS + 1))
    while len(window) > 1:
        own = min(BATCH_CHUNKS, len(window) - 1)
        yield window[0], window[own], window[-1]
        window = window[own:] + list(islice(starts, own))


def _decode(data: bytes, encoding: str, at_start: bool, base: int, path: str) -> str:
    codec = encoding if at_start or encoding != "utf-8-sig" else "utf-8"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot decode as {encoding} at byte {base + exc.start} (use --encoding)", file=path, offset=base + exc.start) from None


def _read_range(path: str, encoding: str, batch: Batch, skip: int, options: ReadOptions, source: str) -> RangeResult:
    """Records starting in the batch's own chunks (from chunk ``skip``), with relative lines and offsets."""
    start, own_end, end = batch
    with open(path, "rb") as handle:
        handle.seek(start)
        data = handle.read(end - start)
    own_text = _decode(data[: own_end - start], encoding, start == 0, start, path)
    text = own_text + _decode(data[own_end - start :], encoding, False, own_end, path)
    chunks = list(split_chunks(split_lines(text)))
    own = sum(1 for chunk in chunks if chunk.offset < len(own_text))
    records, extra = DumpReader(options).read_batch(chunks[skip:], own - skip, source) if skip < own else ([], skip - own)
    return records, extra, len(own_text), own_text.count("\n")


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

    def __init__(self, path: str, encoding: str, source: str, options: ReadOptions, jobs: int) -> None:
        self.path, self.encoding, self.source, self.options, self.jobs = path, encoding, source, options, jobs
        self.position = 0  # bytes of the file read so far (for progress)

    def __iter__(self) -> Iterator[Record]:
        number = lines = chars = 0
        skip = 0
        with ProcessPoolExecutor(max_workers=self.jobs) as pool:
            in_flight: deque[tuple[Future[RangeResult], Batch]] = deque()
            batches = _file_batches(self.path)

            def submit() -> bool:
                batch = next(batches, None)
                if batch is None:
                    return False
                work = pool.submit(_read_range, self.path, self.encoding, batch, 0, self.options, self.source)
                in_flight.append((work, batch))
                return True

            while len(in_flight) < 2 * self.jobs and submit():
                pass
            while in_flight:
                future, batch = in_flight.popleft()
                submit()
                if skip:  # the previous batch's last record ran into this one: read it again from there
                    future.cancel()
                    result = _read_range(self.path, self.encoding, batch, skip, self.options, self.source)
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
    path: str, encoding: str, lines: Iterable[str], source: str, options: ReadOptions, jobs: int
) -> tuple[Iterator[Record], Callable[[], int] | None]:
    """Records read by ``jobs`` processes, and (for files) a function telling the bytes read."""
    if path != "-" and encoding.lower() in RANGE_ENCODINGS and os.path.isfile(path):
        reader = FileRangeReader(path, encoding.lower(), source, options, jobs)
        return iter(reader), lambda: reader.position
    return read_parallel(lines, source, options, jobs), None

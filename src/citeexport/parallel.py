"""``--jobs N``: read the records of one dump in N worker processes, in order.

The main process splits the input into chunks (cheap: a scan for lines starting
``Article(``), hands batches of chunks to a process pool, and yields the records back in
input order, numbered as a serial read numbers them.  Writing stays in the main process, so
citation keys, numbering and author-date sorting see every record, in order.

A record may run into the next chunks (a value holding a line that starts ``Article(``):
each batch carries the following chunks as context, and reports how many of them its last
record used.  When that is not zero, the next batch was read from the wrong start, so it is
read again here, serially, from the right one: the output is the serial reader's, always.
At most ``2 × jobs`` batches are in flight, so memory stays flat however large the input.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from .options import ReadOptions
from .readers.base import Reader, Record
from .readers.dump import MAX_JOINED_CHUNKS, Chunk, DumpReader, number_record, split_chunks

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

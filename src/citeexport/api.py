"""The library API: iterators in, iterators out.

>>> from citeexport import api
>>> records = api.read("examples/article.txt")            # Iterator[Record]
>>> text = "".join(api.write((r.citation for r in records if r.ok), "bibtex"))

For distributed engines (Dask bag ``map_partitions``, Spark ``mapPartitions``),
:func:`convert` takes the raw text of whole records and yields output text, one item per
input record, so each partition converts independently::

    bag.map_partitions(lambda part: list(api.convert(part, "ris")))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .errors import CiteexportError
from .formats.base import Record
from .inputs import open_input, split_lines
from .model import Citation
from .options import ReadOptions, WriteOptions
from .registry import get_reader, get_writer


def read(path: str, fmt: str | None = None, options: ReadOptions | None = None) -> Iterator[Record]:
    """Stream the records of a file (``-`` for stdin); the format is detected unless given."""
    options = options or ReadOptions()
    opened = open_input(path, fmt=fmt, encoding=options.encoding)
    yield from opened.read(options)


def read_text(text: str, fmt: str = "dump", source: str = "<string>", options: ReadOptions | None = None) -> Iterator[Record]:
    """Stream the records held in a string."""
    yield from get_reader(fmt)(options).read(split_lines(text), source)


def write(
    citations: Iterable[Citation],
    fmt: str,
    options: WriteOptions | None = None,
    on_warning: Callable[[Citation, str], None] | None = None,
) -> Iterator[str]:
    """Stream the output text of ``citations`` in format ``fmt`` (header, records, footer).

    ``on_warning(citation, message)`` hears what the writer could not hold of a citation
    (``type thesis written as JOUR``; see :meth:`~citeexport.formats.base.Writer.warn`).
    """
    writer = get_writer(fmt)(options or WriteOptions())
    yield writer.start()
    for citation in citations:
        text = writer.write(citation)
        for warning in writer.take_warnings():
            if on_warning is not None:
                on_warning(citation, warning)
        yield text
    yield writer.finish()


def convert(
    records: Iterable[str],
    to: str,
    *,
    from_format: str = "dump",
    options: WriteOptions | None = None,
    on_error: str = "skip",
) -> Iterator[str]:
    """Convert raw record texts to ``to``, one output string per citation read.

    Bad records are skipped (``on_error="skip"``) or raise their :class:`CiteexportError`
    (``"stop"``).  Headers/footers of the format are not included: a partition's output is
    a run of records that can be concatenated with other partitions' output.  Citation keys
    are unique within one call.
    """
    reader = get_reader(from_format)()
    writer = get_writer(to)(options or WriteOptions())
    for index, text in enumerate(records, start=1):
        for record in reader.read(split_lines(text), f"<record {index}>"):
            if record.citation is not None and record.error is None:
                text = writer.write(record.citation)
                writer.take_warnings()  # a partition's output has no channel for them (api.write has one)
                yield text
            elif on_error == "stop" and record.error is not None:
                raise record.error
    tail = writer.finish()
    if tail:
        yield tail


__all__ = ["CiteexportError", "convert", "read", "read_text", "write"]

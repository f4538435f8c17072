"""The library API: iterators in, iterators out.

>>> from citeexport import api
>>> records = api.read("examples/article.txt")            # Iterator[Record]
>>> text = "".join(api.write((r.citation for r in records if r.ok), "bibtex"))

For distributed engines (Dask bag ``map_partitions``, Spark ``mapPartitions``),
:func:`convert` takes the raw text of whole records and yields output text, one item per
input record, so each partition converts independently; a bad record raises, or is handed to
``on_error`` (``examples/dask_ris.py`` returns them with each partition's output).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Literal

from .errors import CiteexportError, ParseError
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


#: What :func:`convert` does with a record it cannot convert: raise its error (``"stop"``), drop
#: it (``"skip"``), or hand the error to a function and go on (``errors.append``, a logger …).
OnError = Literal["skip", "stop"] | Callable[[CiteexportError], object]


def convert(
    records: Iterable[str | tuple[str, str]],
    to: str,
    *,
    from_format: str = "dump",
    options: WriteOptions | None = None,
    on_error: OnError = "stop",
    on_warning: Callable[[Citation, str], None] | None = None,
) -> Iterator[str]:
    """Convert raw record texts to ``to``, one output string per citation read.

    A text may hold any number of whole records (one article's dump, a whole issue), and may come
    with its name, as a ``(name, text)`` pair (Spark's ``wholeTextFiles`` gives those).  A record
    that cannot be read or written raises its :class:`CiteexportError` (``on_error="stop"``, the
    default: nothing is lost silently), is dropped (``"skip"``), or is given to ``on_error`` when
    it is a function, and the conversion goes on::

        failed = []
        ris = "".join(api.convert(texts, "ris", on_error=failed.append))   # failed: the errors

    The error names the text (its name, or ``<record 3>`` for the third of ``records``) and the
    record, line and field in it.  ``on_warning(citation, message)`` hears what the writer could
    not hold of a citation, as in :func:`write`.  Headers/footers of the format are not included:
    a partition's output is a run of records that can be concatenated with other partitions'
    output.  Citation keys are unique within one call.
    """
    reader = get_reader(from_format)()
    writer = get_writer(to)(options or WriteOptions())

    def failed(error: CiteexportError) -> None:
        if on_error == "stop":
            raise error
        if callable(on_error):
            on_error(error)

    for index, item in enumerate(records, start=1):
        name, text = item if isinstance(item, tuple) else (f"<record {index}>", item)
        for record in reader.read(split_lines(text), name):
            if record.error is not None or record.citation is None:
                failed(record.error or ParseError("no citation read", file=record.source, record=record.number))
                continue
            try:
                written = writer.write(record.citation)
            except CiteexportError as error:
                failed(error.located(file=record.source, record=record.number, line=record.line))
                continue
            for warning in writer.take_warnings():
                if on_warning is not None:
                    on_warning(record.citation, warning)
            yield written
    tail = writer.finish()
    if tail:
        yield tail


__all__ = ["CiteexportError", "OnError", "convert", "read", "read_text", "write"]

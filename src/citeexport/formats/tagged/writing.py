"""What the tagged writers (RIS, EndNote, RefWorks) share: one field per line, one line per value.

In all three formats a field ends at the end of its line and any line that starts with
a tag starts a new field, or a new record.  A title holding ``"\\nER  - "`` or
``"\\n%0 "`` would therefore end its record early and inject a forged one.  So every
value is folded onto one line before it is written (:func:`one_line`): line breaks of
any kind (including the ones Python's ``str.splitlines`` and XML readers honour) and
tabs become one space, and the remaining control characters, which no reader
displays and which make bibutils' MODS XML invalid, are removed.  Absent or empty
values produce no line at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import ClassVar

from ...model import Citation, DateParts, Lang
from ...oneline import one_line
from ...values import LANGUAGE_CODES
from ..base import StatelessWriter
from .table import Field, TagTable


def article_values(citation: Citation, lang: Lang) -> dict[Field, tuple[str, ...]]:
    """The values every tagged format writes the same way, by field (unfolded).

    An article number with no pages takes the page slot, as GB/T 7714 and CSL print it.
    """
    text = citation.text(lang)
    page_first, page_last = citation.page_first, citation.page_last
    if not page_first and not page_last and citation.number:
        page_first = citation.number
    optional: dict[Field, str | None] = {
        "title": text.title,
        "journal": text.container_title,
        "journal_abbreviation": text.container_title_short,
        "year": str(citation.year) if citation.year else None,
        "volume": citation.volume,
        "issue": citation.issue,
        "pages": citation.pages or page_first,
        "page_first": page_first or page_last,
        "page_last": page_last if page_first and page_last != page_first else None,
        "article_number": citation.number,
        "issn": citation.issn or citation.eissn,
        "doi": citation.doi,
        "url": text.url,
        "abstract": text.abstract,
    }
    values: dict[Field, tuple[str, ...]] = {field: (value,) for field, value in optional.items() if value}
    values["author"] = tuple(name.inverted for name in text.authors)
    values["keyword"] = text.keywords
    return values


def tag_lines(table: TagTable, values: Mapping[Field, Iterable[str]]) -> Iterator[tuple[str, str]]:
    """(tag, folded value) in the table's order, one per value; empty values are skipped."""
    for field, tag in table:
        for value in values.get(field, ()):
            folded = one_line(value)
            if folded:
                yield tag, folded


def join_lines(lines: Iterable[tuple[str, str]], line_format: str, newline: str) -> str:
    """The lines of one record, each ended by ``newline``."""
    parts: list[str] = []
    for tag, value in lines:
        before, after = _line_around(line_format, tag, newline)
        parts += (before, value, after)
    return "".join(parts)


@lru_cache(maxsize=1024)
def _line_around(line_format: str, tag: str, newline: str) -> tuple[str, str]:
    """What ``line_format`` puts before and after a value of ``tag`` (``str.format`` once per tag, not per line)."""
    before, _, after = line_format.format(tag=tag, value="\x00").partition("\x00")
    return before, after + newline


class TaggedWriter(StatelessWriter):
    """A tagged format's writer: its syntax and tag table as class attributes, and how it spells
    a date; one record per article and language, every value folded onto its own line."""

    #: ``str.format`` pattern of one line, with ``{tag}`` and ``{value}``.
    line_format: ClassVar[str]
    #: The first line of a record: (type tag, the type of a journal article).
    type_line: ClassVar[tuple[str, str]]
    #: The lines of one record, in this order (:data:`~.table.TagTable`).
    tags: ClassVar[TagTable]
    #: The last line of a record (RIS ``ER  - ``), if the format has one.
    end_line: ClassVar[tuple[str, str] | None] = None
    #: A blank line after each record (EndNote, RefWorks).
    blank_line_after: ClassVar[bool] = False

    def date(self, date: DateParts) -> str:
        """The ``date`` tag's value for a date with at least a month (a year alone has the ``year`` tag)."""
        return date.iso()

    def values(self, citation: Citation, lang: Lang) -> dict[Field, tuple[str, ...]]:
        """What each field of the table holds for ``citation`` in ``lang`` (unfolded)."""
        values = article_values(citation, lang)
        values["language"] = (LANGUAGE_CODES[lang],)
        if citation.issued and citation.issued.month:
            values["date"] = (self.date(citation.issued),)
        return values

    def write_one(self, citation: Citation, lang: Lang) -> str:
        lines = [self.type_line, *tag_lines(self.tags, self.values(citation, lang))]
        if self.end_line is not None:
            lines.append(self.end_line)
        text = join_lines(lines, self.line_format, self.newline)
        return text + self.newline if self.blank_line_after else text

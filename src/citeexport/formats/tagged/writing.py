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

from ...markup import to_unicode
from ...model import Citation, Date, Lang
from ...oneline import one_line
from ...projection import Carries, Mode
from ...values import language_code
from ..base import StatelessWriter
from .table import Field, TagTable


def article_values(citation: Citation, lang: Lang) -> dict[Field, tuple[str, ...]]:
    """The values every tagged format writes the same way, by field (unfolded).

    An article number with no pages takes the page slot, as GB/T 7714 and CSL print it.  Markup is
    plain text with Unicode sub- and superscripts where they exist (``H₂O``): none of the three
    formats has markup.  A year that is no number (a literal date, ``In press``) goes in the year
    tag as written.
    """
    text = citation.text(lang)
    page_first, page_last = citation.page_first, citation.page_last
    if not page_first and not page_last and citation.number:
        page_first = citation.number
    optional: dict[Field, str | None] = {
        "title": to_unicode(text.title),
        "journal": to_unicode(text.container_title),
        "journal_abbreviation": to_unicode(text.container_title_short),
        "year": year_text(citation.issued),
        "volume": citation.volume,
        "issue": citation.issue,
        "pages": citation.pages or page_first,
        "page_first": page_first or page_last,
        "page_last": page_last if page_first and page_last != page_first else None,
        "article_number": citation.number,
        "issn": citation.issn or citation.eissn,
        "doi": citation.doi,
        "url": text.url,
        "abstract": to_unicode(text.abstract),
    }
    values: dict[Field, tuple[str, ...]] = {field: (value,) for field, value in optional.items() if value}
    values["author"] = tuple(name.inverted for name in text.authors)
    values["keyword"] = tuple(keyword for keyword in map(to_unicode, text.keywords) if keyword)
    return values


def year_text(date: Date | None) -> str | None:
    """The year tag's value: the year (``2025``; ``-0876`` BCE), or a literal date as written."""
    if date is None:
        return None
    if date.literal is not None:
        return date.literal
    return str(date.year) if date.year and date.year > 0 else date.iso()


#: What a tagged record carries of a journal article (:mod:`citeexport.projection`), field by field;
#: each format adjusts it.  Every type is written as a journal article, so only that type comes back.
TAGGED_FIELDS: dict[str, Mode] = {
    "title": "one line",
    "authors": "printed whole, organisations unmarked",
    "container_title": "one line",
    "container_title_short": "one line",
    "abstract": "one line",
    "keywords": "split at ; ；",
    "url": "yes",
    "issued": "yes",
    "volume": "one line",
    "issue": "one line",
    "pages": "first and last page",
    "doi": "yes",
    "issn": "yes",
    "language": "yes",
}


def journal_article_carries(fields: dict[str, Mode]) -> Carries:
    """``fields`` for every type, and the type itself for journal articles (the one type written)."""
    return {"*": fields, "article-journal": {"type": "yes", **fields}}


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
    #: The model fields (and name roles) the tag table writes; any other a record has is warned about.
    written_fields: ClassVar[frozenset[str]] = frozenset(
        {"title", "author", "container_title", "container_title_short", "issued", "volume", "issue", "page_first",
         "page_last", "number", "issn", "doi", "url", "abstract", "keywords"}
    )  # fmt: skip
    #: The CSL types written as themselves (the rest are written as a journal article, with a warning).
    held_types: ClassVar[frozenset[str]] = frozenset({"article-journal"})

    def date(self, date: Date) -> str:
        """The ``date`` tag's value for a date with at least a month (a year alone has the ``year`` tag)."""
        return date.iso() or ""

    def values(self, citation: Citation, lang: Lang) -> dict[Field, tuple[str, ...]]:
        """What each field of the table holds for ``citation`` in ``lang`` (unfolded)."""
        values = article_values(citation, lang)
        values["language"] = (language_code(lang),)
        if citation.issued and citation.issued.month:
            values["date"] = (self.date(citation.issued),)
        return values

    def write_one(self, citation: Citation, lang: Lang) -> str:
        self.warn_type(citation, self.held_types, self.type_line[1])
        self.warn_unwritten(citation, lang, self.written_fields)
        lines = [self.type_line, *tag_lines(self.tags, self.values(citation, lang))]
        if self.end_line is not None:
            lines.append(self.end_line)
        text = join_lines(lines, self.line_format, self.newline)
        return text + self.newline if self.blank_line_after else text

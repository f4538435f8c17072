"""RefWorks tagged format (Ex Libris "RefWorks Tagged Format"): tags for a journal article, reader and writer.

Every line is a two-character upper-case tag, one space, the value; a record starts
with ``RT Journal Article`` and is followed by one blank line.  Zotero appends any line
that does not match ``^[A-Z][A-Z0-9] `` to the previous field, which is how CNKI's
lower-case ``vo 49`` ends up inside the issue: tags here are upper case only.
``SP`` is the first page and ``OP`` ("other pages") the last one, never the range.
``UL`` is the URL tag (RefWorks and Zotero).  ``SR`` is the source type.
RefWorks has no article-number tag; the writer prints it in ``SP`` when there are no pages.

Reading: ``RT`` … blank line records, one Citation each, in the record's one language.  The
tag table is the writer's, inverted, plus ``T2`` (Zotero's journal), ``LK`` and ``UR`` (URLs).
Repaired, each with a warning on the record: lower-case tags (CNKI's ``vo 49``, read as ``VO``
only when it is a known tag, so a continuation line starting "in …" stays text); several
authors in one ``A1`` line; ``;``-joined keywords in one ``K1``; the whole page range in
``OP`` or ``SP`` (CNKI's ``OP 1106-1111+1117``).  ``FD`` is read as ISO (``2025-01-31``, Zotero
and the writer) or as "month day" (``August 12``, the year from ``YR``).  ``SR`` is derived,
not read.

Writing: ``RT Journal Article``, upper-case two-letter tags, a blank line after each record.
Choices (evidence in the team's format notes, §3):

* LF line ends: ``@citation-js/plugin-refworks`` splits records on ``\\n\\n``, which a
  CR LF file never contains; Zotero reads both.
* ``FD`` is ISO 8601 (``2025-01-31``): Zotero, the main importer of this format
  today, writes it and parses it, while it would store ``January 31`` as a date with
  no year (``FD`` goes straight to Zotero's date field, ``YR`` is only a fallback).
  Only the year: no ``FD``.
* ``SR Electronic(1)`` when the record carries a URL or a DOI (it points the reader at
  an online copy), ``SR Print(0)`` otherwise.
* ``LA`` is ``zh``/``en``.
"""

from __future__ import annotations

import re

from ...model import Citation, Lang
from ...values import split_pages
from .reading import (
    Dialect,
    TaggedReader,
    TaggedRecord,
    citation_from_values,
    common_parts,
    field_values,
    first_line,
    single,
)
from .table import Field, TagTable, fields_by_tag
from .writing import TAGGED_FIELDS, TaggedWriter, journal_article_carries

# -- the tag table ---------------------------------------------------------------------------

LINE_FORMAT = "{tag} {value}"

TYPE_TAG = "RT"
JOURNAL_ARTICLE_TYPE = "Journal Article"

JOURNAL_ARTICLE_TAGS: TagTable = (
    ("author", "A1"),
    ("title", "T1"),
    ("journal", "JF"),
    ("journal_abbreviation", "JO"),
    ("year", "YR"),
    ("date", "FD"),  # ISO 8601, 2025-01-31
    ("volume", "VO"),
    ("issue", "IS"),
    ("page_first", "SP"),
    ("page_last", "OP"),
    ("issn", "SN"),
    ("doi", "DO"),
    ("url", "UL"),
    ("abstract", "AB"),
    ("keyword", "K1"),
    ("language", "LA"),
    ("source_type", "SR"),
)

#: ``SR`` values, spelled as RefWorks documents them.
SOURCE_PRINT = "Print(0)"
SOURCE_ELECTRONIC = "Electronic(1)"

#: Reader-only aliases, never written: Zotero exports the journal as ``T2``; CNKI puts the
#: URL in ``LK`` (links); ``@citation-js/plugin-refworks`` and some exporters use ``UR``.
READ_ALIASES: dict[str, Field] = {"T2": "journal", "LK": "url", "UR": "url"}

#: Tags a reader consumes without a model field: the reference type and the source type
#: (``SR``: print or electronic, which the writer derives from the URL and DOI).
READ_IGNORED: frozenset[str] = frozenset({TYPE_TAG, "SR"})


# -- reading -------------------------------------------------------------------------------------

DIALECT = Dialect(
    name="RefWorks",
    tag_line=re.compile(r"^(?P<tag>[A-Za-z][A-Za-z0-9])(?: (?P<value>.*)|\s*)$"),
    start_tag=TYPE_TAG,
    end_tag=None,
    fields={**fields_by_tag(JOURNAL_ARTICLE_TAGS), **READ_ALIASES},
    ignored_tags=READ_IGNORED,
)


def pages(values: dict[Field, list[str]], warnings: list[str]) -> tuple[str | None, str | None]:
    """``SP`` + ``OP``; a range in either one (CNKI puts it in ``OP``) is split, with a warning."""
    start, other = single(values, "page_first", warnings), single(values, "page_last", warnings)
    if other and not start:
        first, last = split_pages(other)
        if last is not None:
            warnings.append(f"page range in OP without SP: read as pages {first}-{last}")
            return first, last
        return other, None  # "other pages" alone: keep it, in the first slot it prints in
    first, last = split_pages(start)
    if last is not None:
        if other:
            warnings.append(f"SP holds a page range and OP is given too: OP {other!r} kept")
            return first, other
        warnings.append(f"page range in SP: read as pages {first}-{last}")
    return first, other or last


def citation_from_record(record: TaggedRecord) -> Citation:
    warnings = record.warnings
    values = field_values(record, DIALECT)
    parsed = common_parts(values, warnings, pages(values, warnings))
    return citation_from_values(values, DIALECT, parsed, warnings)


class RefworksReader(TaggedReader):
    name = "refworks"
    description = "RefWorks tagged format (RefWorks, Zotero, CNKI)"
    extensions = ("txt", "rwt")
    dialect = DIALECT
    citation_from_record = staticmethod(citation_from_record)

    @classmethod
    def sniff(cls, head: str) -> bool:
        return bool(re.match(r"^RT\s+\S", first_line(head), re.IGNORECASE))


# -- writing -------------------------------------------------------------------------------------


class RefworksWriter(TaggedWriter):
    name = "refworks"
    description = "RefWorks tagged format"
    extension = "txt"
    newline = "\n"
    line_format = LINE_FORMAT
    type_line = (TYPE_TAG, JOURNAL_ARTICLE_TYPE)
    tags = JOURNAL_ARTICLE_TAGS
    blank_line_after = True

    def values(self, citation: Citation, lang: Lang) -> dict[Field, tuple[str, ...]]:
        values = super().values(citation, lang)  # FD: ISO 8601, the default date
        electronic = "url" in values or "doi" in values
        values["source_type"] = (SOURCE_ELECTRONIC if electronic else SOURCE_PRINT,)
        return values


#: What a record carries of the model (:mod:`citeexport.projection`).
CARRIES = journal_article_carries({**TAGGED_FIELDS, "number": "in the page slot when there are no pages"})

READER = RefworksReader
WRITER = RefworksWriter

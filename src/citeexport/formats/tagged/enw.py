"""EndNote tagged import format (``.enw``): tags for a journal article, reader and writer.

Every line is ``%`` + one character + one space + value; a record starts with
``%0 Journal Article`` (the exact EndNote reference type name) and is followed by one
blank line.  Tags from EndNote's own "EndNote Import" filter (X8.2 field table):
``%J`` journal, ``%O`` alternate journal (abbreviation), ``%D`` year, ``%8`` date,
``%P`` the whole page range, ``%@`` ISSN, ``%R`` DOI, ``%X`` abstract, ``%K`` one
keyword per line, ``%G`` language.

EndNote's article-number tag ``%]`` is deliberately absent: bibutils 7.2 ``end2xml``
does not know it and glues ``%] e123`` onto the end of the previous field (observed:
the end page became ``3 %] e123``).  The writer prints an article number in ``%P``
when the article has no pages instead.

Reading: ``%0`` … blank line records, one Citation each, in the record's one language.  The
tag table is the writer's, inverted, plus ``%B`` for the journal.  What MagTech and CNKI
exports get wrong is repaired, each with a warning on the record: all authors in one ``%A``
joined by ``;`` ``；`` ``，`` or ``、``; ``%A`` glued to the end of the ``%X`` line; ``;``-joined
keywords in one ``%K``; the URL in braces or with a space after ``https:``; an empty ``%R``
padded with spaces; no space after the tag (``%R10.19462/…``).  A name ending with a comma
is an organisation (EndNote's rule, the writer's spelling).  ``%8`` is read as EndNote writes
it (``January 31``, the year from ``%D``) and as MagTech does (``2005-04-25``); ``%P`` holds
the whole page range.

Writing: ``%0 Journal Article``, one ``%`` tag per line, a blank line after each record.
Choices (evidence in the team's format notes, §2):

* LF line ends.  The format does not specify any; EndNote, Zotero and bibutils read
  both, but ``@citation-js/plugin-enw`` 0.3 returns an empty record for a CR LF file
  (observed), so LF is the one every known reader accepts.  (Zotero and MagTech write
  CR LF; nothing we found needs it.)
* ``%8`` is month and day, ``January 31``: EndNote's convention for its Date field, and
  what bibutils writes (``xml2end``) and reads back correctly (it prepends ``%D``:
  ``2025-01-31``).  An ISO date there becomes ``2025-2025-01-31`` in bibutils; the only
  reader known to misread ``January 31`` is citation-js (year 31).  Only the year: no
  ``%8``.
* Corporate authors (:attr:`Name.literal`) end with a comma, the EndNote rule that
  keeps them from being split into family and given names.
* ``%R`` only ever holds a DOI, ``%U`` a bare URL, ``%G`` ``zh``/``en``.
"""

from __future__ import annotations

import calendar
import re

from ...model import Citation, Date, Lang
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

TYPE_TAG = "%0"
JOURNAL_ARTICLE_TYPE = "Journal Article"

JOURNAL_ARTICLE_TAGS: TagTable = (
    ("author", "%A"),
    ("title", "%T"),
    ("journal", "%J"),
    ("journal_abbreviation", "%O"),
    ("year", "%D"),
    ("date", "%8"),  # month and day, "January 31"
    ("volume", "%V"),
    ("issue", "%N"),
    ("pages", "%P"),
    ("issn", "%@"),
    ("doi", "%R"),
    ("url", "%U"),
    ("abstract", "%X"),
    ("keyword", "%K"),
    ("language", "%G"),
)

#: Reader-only aliases: EndNote's "Secondary Title" ``%B`` holds the journal of a journal
#: article in older exports; never written.
READ_ALIASES: dict[str, Field] = {"%B": "journal"}

#: Tags a reader consumes without a model field: the reference type (every type is read
#: as a journal article).
READ_IGNORED: frozenset[str] = frozenset({TYPE_TAG})


# -- reading -------------------------------------------------------------------------------------

_FIELDS = {**fields_by_tag(JOURNAL_ARTICLE_TAGS), **READ_ALIASES}
#: A known tag right after the end of a Chinese sentence (the line break before it lost, MagTech's
#: ``…育性。%A 刘航``); anywhere else a tag-like ``%G `` is text (``95%A rise``, ``in %T values``, a
#: title ``:%G {``), as EndNote reads it: our own .enw output must read back as written.
_GLUED = re.compile(r"(?<=[。！？；])(" + "|".join(re.escape(tag) for tag in _FIELDS) + r") (?=\S)")

DIALECT = Dialect(
    name="EndNote",
    tag_line=re.compile(r"^(?P<tag>%[0-9A-Z@!#$&()*+,\-./:;<=>?\[\]^_{|}~])(?: ?(?P<value>.*))?$"),
    start_tag=TYPE_TAG,
    end_tag=None,
    fields=_FIELDS,
    glued_tag=_GLUED,
    ignored_tags=READ_IGNORED,
    corporate_comma=True,
)


def citation_from_record(record: TaggedRecord) -> Citation:
    warnings = record.warnings
    values = field_values(record, DIALECT)
    parsed = common_parts(values, warnings, split_pages(single(values, "pages", warnings)))
    return citation_from_values(values, DIALECT, parsed, warnings)


class EnwReader(TaggedReader):
    name = "enw"
    description = "EndNote tagged import format (.enw; MagTech's and CNKI's EndNote exports)"
    extensions = ("enw",)
    dialect = DIALECT
    citation_from_record = staticmethod(citation_from_record)

    @classmethod
    def sniff(cls, head: str) -> bool:
        return first_line(head).startswith(TYPE_TAG)


# -- writing -------------------------------------------------------------------------------------


class EnwWriter(TaggedWriter):
    name = "enw"
    description = "EndNote tagged import format (.enw)"
    extension = "enw"
    newline = "\n"
    line_format = LINE_FORMAT
    type_line = (TYPE_TAG, JOURNAL_ARTICLE_TYPE)
    tags = JOURNAL_ARTICLE_TAGS
    blank_line_after = True
    written_fields = TaggedWriter.written_fields | {"page"}  # %P holds the page text whole

    def date(self, date: Date) -> str:
        """``January 31``, ``January`` (the year is ``%D``)."""
        month = calendar.month_name[date.month or 0]
        return f"{month} {date.day}" if date.day else month

    def values(self, citation: Citation, lang: Lang) -> dict[Field, tuple[str, ...]]:
        values = super().values(citation, lang)
        values["author"] = tuple(f"{name.literal}," if name.literal else name.inverted for name in citation.text(lang).authors)
        return values


#: What a record carries of the model (:mod:`citeexport.projection`).
CARRIES = journal_article_carries(
    {**TAGGED_FIELDS, "authors": "family/given, organisations marked", "number": "in the page slot when there are no pages"}
)

READER = EnwReader
WRITER = EnwWriter

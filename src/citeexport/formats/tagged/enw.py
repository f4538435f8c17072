"""EndNote tagged import format (``.enw``): every EndNote reference type, reader and writer.

Every line is ``%`` + one character + one space + value; a record starts with ``%0 <type>`` (the
exact EndNote reference type name: :data:`TYPES`, EndNote's types and the CSL type each is read
as) and is followed by one blank line.  A CSL type EndNote has no type for is written as the
nearest one, with a warning.

Tags (:data:`TAGS`, per-type changes in :data:`TYPES`), from EndNote's "EndNote Import" filter
(X8.2 field table) and the field names of its types: ``%A`` authors, ``%E`` editors (a book's series
editor, ``%Y`` its editor, as EndNote's Book type names them), ``%Y`` series editors (a thesis's
advisors, read as contributors: CNKI's supervisors), ``%?`` translators, ``%T`` title, ``%!`` short
title, ``%J`` the journal (magazine, newspaper) and ``%B`` any other type's container (book title,
conference name; a book's or report's series), ``%O`` alternate journal (abbreviation), ``%S`` the
series, ``%D`` year, ``%8`` date, ``%[`` access date, ``%(`` original date, ``%7`` edition (a program's
version), ``%V`` volume, ``%N`` issue, ``%P`` the whole page range, ``%@`` ISBN or ISSN (told apart by
shape when read; a report's, patent's or standard's number, EndNote's "Report Number" lives there),
``%I`` publisher (university, institution, assignee), ``%C`` place (a patent's country: the
authority; a conference paper's location), ``%9`` genre (thesis kind), ``%6`` number of volumes,
``%&`` section, ``%L`` call number, ``%W``/``%M`` archive and its location (``%~`` read as the
archive), ``%R`` DOI, ``%U`` URL, ``%X`` abstract, ``%K`` one keyword per line, ``%Z`` note, ``%G``
language (the BCP 47 tag).

EndNote's article-number tag ``%]`` is deliberately absent: bibutils 7.2 ``end2xml`` does not know
it and glues ``%] e123`` onto the end of the previous field (observed: the end page became ``3 %]
e123``).  The writer prints an article number in ``%P`` when the article has no pages instead.

Reading: ``%0`` … records (a record ends at the next ``%0``; a blank line inside one, CNKI's broken
abstracts, is read through when a tag follows), one Citation each, in the record's one language.
What MagTech and CNKI exports get wrong is repaired, each with a warning on the record: all authors
in one ``%A`` joined by ``;`` ``；`` ``，`` or ``、``; ``%A`` glued to the end of the ``%X`` line;
``;``-joined keywords in one ``%K``; the URL in braces or with a space after ``https:``; an empty
``%R`` padded with spaces; no space after the tag (``%R10.19462/…``).  A name ending with a comma is
an organisation (EndNote's rule, the writer's spelling).  ``%8`` is read as EndNote writes it
(``January 31``, the year from ``%D``) and as MagTech does (``2005-04-25``); ``%P`` holds the whole
page range.

Writing: ``%0 <type>``, one ``%`` tag per line, a blank line after each record.
Choices (evidence in the team's format notes, §2):

* LF line ends.  The format does not specify any; EndNote, Zotero and bibutils read
  both, but ``@citation-js/plugin-enw`` 0.3 returns an empty record for a CR LF file
  (observed), so LF is the one every known reader accepts.  (Zotero and MagTech write
  CR LF; nothing we found needs it.)
* ``%8`` is month and day, ``January 31`` (a season: ``Spring``): EndNote's convention for its Date
  field, and what bibutils writes (``xml2end``) and reads back correctly (it prepends ``%D``:
  ``2025-01-31``).  An ISO date there becomes ``2025-2025-01-31`` in bibutils; the only
  reader known to misread ``January 31`` is citation-js (year 31).  Only the year: no
  ``%8``.  ``%[`` (access date) is ISO 8601, a date of its own.
* Corporate authors (:attr:`Name.literal`) end with a comma, the EndNote rule that
  keeps them from being split into family and given names.
* ``%R`` only ever holds a DOI, ``%U`` a bare URL, ``%G`` the language tag.
"""

from __future__ import annotations

import calendar
import re
from typing import Any

from ...model import Citation, Date, Name
from ...record_warnings import RecordWarning
from .reading import Dialect, RecordType, TaggedReader, TaggedRecord, first_line, pages_of, read_citation, single
from .table import ENDNOTE_NEAREST, SERIAL_TYPES, Field, TagTable, TypeTable, endnote_name, endnote_rows, every_tag
from .writing import TAGGED_FIELDS, TaggedWriter, carries, inverted

# -- the tables -------------------------------------------------------------------------------------

LINE_FORMAT = "{tag} {value}"

TYPE_TAG = "%0"

#: Every tag written, in the order of a record's lines (slot, tag); :data:`TYPES` changes some per type.
TAGS: TagTable = (
    ("author", "%A"),
    ("editor", "%E"),
    ("collection-editor", "%Y"),
    ("translator", "%?"),
    ("title", "%T"),
    ("title_short", "%!"),
    ("container_title", "%B"),
    ("container_title_short", "%O"),
    ("collection_title", "%S"),
    ("year", "%D"),
    ("date", "%8"),  # month and day, "January 31"
    ("accessed", "%["),
    ("original_date", "%("),
    ("edition", "%7"),
    ("volume", "%V"),
    ("issue", "%N"),
    ("pages", "%P"),
    ("isbn", "%@"),
    ("issn", "%@"),
    ("publisher", "%I"),
    ("publisher_place", "%C"),
    ("genre", "%9"),
    ("number_of_volumes", "%6"),
    ("section", "%&"),
    ("call_number", "%L"),
    ("archive", "%W"),
    ("archive_location", "%M"),
    ("doi", "%R"),
    ("url", "%U"),
    ("abstract", "%X"),
    ("keyword", "%K"),
    ("note", "%Z"),
    ("language", "%G"),
)

_NUMBERED: dict[Field, str | None] = {"number": "%@"}

#: EndNote's reference types (and the newer ones of EndNote 20) and the per-type tags.
TYPES = TypeTable(
    rows=endnote_rows(
        1,
        (
            ("Interview", "interview", None),
            ("Television Episode", "broadcast", None),
            ("Podcast", "broadcast", "podcast"),
            ("Social Media", "post", None),
            ("Discussion Forum", "post", "discussion forum"),
            ("Press Release", "document", "press release"),
            ("Serial Publication", "periodical", None),
            ("Conference Proceeding", "paper-conference", None),
        ),
    ),
    nearest={csl: endnote_name(code) for csl, code in ENDNOTE_NEAREST.items() if csl not in ("interview", "broadcast", "post")},
    fallback="Generic",
    overrides={
        **{csl: {"container_title": "%J"} for csl in sorted(SERIAL_TYPES)},
        "book": {"editor": "%Y", "collection-editor": "%E", "collection_title": "%B", "container_title": None},
        "report": {**_NUMBERED, "collection_title": "%B", "container_title": None},
        "standard": _NUMBERED,
        "patent": {**_NUMBERED, "authority": "%C", "publisher_place": None},
        "thesis": {"contributor": "%Y", "collection-editor": None},
        "paper-conference": {"event_place": "%C", "publisher_place": None},
        "software": {"version": "%7", "edition": None},
        "dataset": {"version": "%7", "edition": None},
        "legal_case": {"authority": "%I", "publisher": None},
    },
)
#: Reader-only aliases: EndNote's journal ``%J`` and "Secondary Title" ``%B`` each hold the container
#: in one exporter or another; ``%~`` (name of database) is CNKI's archive.
ALIASES: dict[str, Field] = {"%J": "container_title", "%~": "archive"}

#: Tags a reader consumes without a model field: the reference type.
READ_IGNORED: frozenset[str] = frozenset({TYPE_TAG})


# -- reading -------------------------------------------------------------------------------------

_FIELDS = every_tag(TAGS, TYPES, ALIASES)
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
    types=TYPES,
    tags=TAGS,
    aliases=ALIASES,
    serial_tag="%@",
    implicit_type="Book",  # Zotero's reading of a record with no %0
)


def citation_from_record(record: TaggedRecord) -> Citation:
    def own(values: dict[Field, list[str]], kind: RecordType, warnings: list[str]) -> dict[str, Any]:
        fixed: dict[str, Any] = pages_of(single(values, "pages", warnings))
        values.pop("pages", None)
        journal = [tag for tag, _ in record.tags if tag == "%J"]
        if kind.csl == "thesis" and journal and "publisher" not in values:
            fixed["publisher"] = single(values, "container_title", warnings)  # CNKI: the university in %J
            values.pop("container_title", None)
            warnings.append(
                RecordWarning("a thesis's %J read as its university (publisher)", "a thesis's %J read as its university")
            )
        return fixed

    return read_citation(record, DIALECT, own)


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


#: The months' names (``calendar.month_name``, read once: it formats a date each time it is asked).
_MONTH_NAMES: tuple[str, ...] = tuple(calendar.month_name)


class EnwWriter(TaggedWriter):
    name = "enw"
    description = "EndNote tagged import format (.enw)"
    extension = "enw"
    newline = "\n"
    line_format = LINE_FORMAT
    type_tag = TYPE_TAG
    types = TYPES
    tags = TAGS
    blank_line_after = True

    def date(self, date: Date) -> str:
        """``January 31``, ``January``, ``Spring`` (the year is ``%D``)."""
        if date.month is None:
            return date.season_name or ""
        month = _MONTH_NAMES[date.month]
        return f"{month} {date.day}" if date.day else month

    def name_text(self, name: Name) -> str:
        return f"{name.literal}," if name.literal else inverted(name)


#: What a record carries of the model (:mod:`citeexport.projection`), per type.
CARRIES = carries(
    TYPES,
    TAGS,
    {**TAGGED_FIELDS, "authors": "family/given, organisations marked", "number": "in the page slot when there are no pages"},
)

READER = EnwReader
WRITER = EnwWriter

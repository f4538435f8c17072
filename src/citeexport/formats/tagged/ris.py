"""RIS (RIS Format Specifications, 2011 revision): tags for a journal article, reader and writer.

Every line is ``XX  - value`` (two characters, two spaces, hyphen, space).  A record
starts with ``TY  - JOUR`` and ends with ``ER  - `` (the trailing space is part of the
tag).  The journal goes in ``T2``, as EndNote and Zotero write it for ``JOUR`` (the
Zotero maintainers call ``JO``/``JF`` made-up tags; Zotero reads ``JO`` as an
abbreviation); ``J2`` holds the abbreviation.  Pages are ``SP`` + ``EP`` (start, end),
which every reader we checked joins into a range.  ``C7`` is the article number in
EndNote's own RIS export of a journal article.

Reading: ``TY  - `` … ``ER  - `` records, one Citation each, in the record's one language.
The tag table is the writer's, inverted, plus the 2001 specification's and other exporters'
aliases (``T1``, ``A1``, ``JF``, ``N2``, ``Y1``).  Tolerated, each with a warning on the
record: several authors in one ``AU`` line; a journal only in ``JO``/``JA``/``J2`` instead of
``T2``/``JF``; a record without ``ER``; empty tags; tags the model has no field for.
Silently accepted: one or two spaces before the hyphen and no space after it (``ER  -``, as
editors that strip trailing blanks leave it), a BOM, CR LF.  Dates: ``DA`` or ``PY``/``Y1`` in
the spellings of both specifications (``2025/01/31/``, ``2025///``).  Pages: ``SP`` + ``EP``,
or the whole range in ``SP`` (EndNote's 2011 export).  An article number in ``C7`` that the
writer also put in the empty page slot is read as the article number only.

Writing: ``TY  - JOUR`` ... ``ER  - ``, CR LF line ends, one record per article and language.
Choices (evidence in the team's format notes, §1):

* CR LF: the specification requires it ("preceded by a carriage return/line feed
  (ANSI 13 10)"); Zotero writes it; rispy, bibutils and pandoc read it.
* No blank line between records (the specification's reading on Wikipedia); every
  reader also accepts one.
* ``DA`` is ``YYYY/MM/DD`` (``YYYY/MM`` for a month), trailing parts omitted as the
  specification allows; Zotero writes a trailing slash (``2025/01/31/``) but splits on
  ``/`` when reading, so both read the same.  Only the year: no ``DA``, ``PY`` says it.
* ``LA`` is ``zh``/``en`` (:data:`citeexport.values.LANGUAGE_CODES`).
* The text is returned as ``str``; the output must be encoded as UTF-8 *without* a BOM
  (rispy reads zero records from a file with one) and written with ``newline=""`` so
  that the CR LF is not doubled on Windows.
"""

from __future__ import annotations

import re

from ...model import Citation, Date
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

LINE_FORMAT = "{tag}  - {value}"

TYPE_TAG = "TY"
JOURNAL_ARTICLE_TYPE = "JOUR"
END_TAG = "ER"

JOURNAL_ARTICLE_TAGS: TagTable = (
    ("title", "TI"),
    ("author", "AU"),
    ("journal", "T2"),
    ("journal_abbreviation", "J2"),
    ("year", "PY"),
    ("date", "DA"),  # YYYY/MM/DD
    ("volume", "VL"),
    ("issue", "IS"),
    ("page_first", "SP"),
    ("page_last", "EP"),
    ("article_number", "C7"),
    ("issn", "SN"),
    ("doi", "DO"),
    ("url", "UR"),
    ("abstract", "AB"),
    ("keyword", "KW"),
    ("language", "LA"),
)

#: Tags other exporters use for the same fields (2001 specification, EndNote, Zotero);
#: for readers only, never written.
READ_ALIASES: dict[str, Field] = {
    "T1": "title",
    "A1": "author",
    "JF": "journal",
    "JO": "journal_abbreviation",
    "JA": "journal_abbreviation",
    "N2": "abstract",
}

#: Reader-only: the year tag of the 2001 specification (``Y1  - 2025///``).
READ_ALIASES["Y1"] = "year"

#: Tags a reader consumes without a model field: the record type (only journal articles
#: are modelled; other types are read as articles) and the reference id.
READ_IGNORED: frozenset[str] = frozenset({"TY", "ID"})

#: Journal-name tags in the order a reader prefers them when ``T2`` is missing (``JF`` is
#: the full name in the 2001 specification; ``JO``/``JA`` are abbreviations that some
#: exporters fill with the full name).
JOURNAL_FALLBACK_TAGS: tuple[str, ...] = ("T2", "JF", "JO", "JA", "J2")


# -- reading -------------------------------------------------------------------------------------

DIALECT = Dialect(
    name="RIS",
    tag_line=re.compile(r"^(?P<tag>[A-Z][A-Z0-9]) {1,2}-(?: (?P<value>.*)|\s*)$"),
    start_tag=TYPE_TAG,
    end_tag=END_TAG,
    fields={**fields_by_tag(JOURNAL_ARTICLE_TAGS), **READ_ALIASES},
    ignored_tags=READ_IGNORED,
)


def journal_name(record: TaggedRecord, warnings: list[str]) -> str | None:
    """``T2`` (or ``JF``), else an abbreviation tag standing in for the full name, with a warning."""
    present = {tag: value for tag, value in reversed(record.tags) if value}
    for tag in JOURNAL_FALLBACK_TAGS:
        if tag in present:
            if DIALECT.fields[tag] != "journal":
                warnings.append(f"no T2 or JF journal name: took the {tag} value {present[tag]!r}")
            return present[tag]
    return None


def citation_from_record(record: TaggedRecord) -> Citation:
    warnings = record.warnings
    values = field_values(record, DIALECT)
    first, last = split_pages(single(values, "page_first", warnings))
    if last is not None and values.get("page_last"):
        warnings.append(f"SP holds a page range and EP is given too: EP {values['page_last'][0]!r} kept")
    last = single(values, "page_last", warnings) or last
    number = single(values, "article_number", warnings)
    if number and first == number and last is None:
        first = None  # the writer's article number in the empty page slot
    parsed = common_parts(values, warnings, (first, last), number=number, journal=lambda: journal_name(record, warnings))
    return citation_from_values(values, DIALECT, parsed, warnings)


class RisReader(TaggedReader):
    name = "ris"
    description = "RIS (EndNote, Zotero, Mendeley, publishers)"
    extensions = ("ris",)
    dialect = DIALECT
    citation_from_record = staticmethod(citation_from_record)

    @classmethod
    def sniff(cls, head: str) -> bool:
        first = first_line(head)
        return bool(DIALECT.tag_line.match(first.rstrip("\r"))) and first.startswith(TYPE_TAG)


# -- writing -------------------------------------------------------------------------------------


class RisWriter(TaggedWriter):
    name = "ris"
    description = "RIS (EndNote, Zotero, Mendeley, Reference Manager)"
    extension = "ris"
    newline = "\r\n"
    line_format = LINE_FORMAT
    type_line = (TYPE_TAG, JOURNAL_ARTICLE_TYPE)
    tags = JOURNAL_ARTICLE_TAGS
    end_line = (END_TAG, "")

    def date(self, date: Date) -> str:
        """``2025/01/31``, ``2025/01``."""
        return "/".join([f"{date.year:04d}", *(f"{part:02d}" for part in (date.month, date.day) if part)])


#: What a record carries of the model (:mod:`citeexport.projection`).
CARRIES = journal_article_carries({**TAGGED_FIELDS, "number": "yes"})

READER = RisReader
WRITER = RisWriter

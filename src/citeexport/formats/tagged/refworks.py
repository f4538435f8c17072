"""RefWorks tagged format (Ex Libris "RefWorks Tagged Format"): every RefWorks reference type, reader and writer.

Every line is a two-character upper-case tag (a few longer ones: ``PMID``, ``U10``, CNKI's ``URL``),
one space, the value; a record starts with ``RT <type>`` (:data:`TYPES`: RefWorks' types, Zotero's
spellings, CNKI's ``Dissertation/Thesis``, ``Conference Proceeding``, ``Standard``, ``Other Article``)
and is followed by one blank line.  Tags (:data:`TAGS`, per-type changes in :data:`TYPES`), as
RefWorks' export legend and Zotero's translator name them: ``A1``-``A4`` authors, editors, series
editors (a thesis's advisors, read as contributors), translators; ``T1`` title, ``ST`` short title,
``JF`` journal (``T2`` the container of other types, a book's series), ``JO`` abbreviation, ``T3``
series, ``YR``/``FD`` year and date, ``RD`` access date, ``ED`` edition (a program's version), ``VO``,
``IS``, ``SP``/``OP``, ``SN`` ISSN or ISBN (by shape when read; a report's, patent's or standard's
number), ``PB``, ``PP`` place (a patent's country: the authority), ``CL`` genre (Zotero's choice),
``CN``, ``DB`` archive, ``DO``, ``UL``, ``AB``, ``K1``, ``NO`` note, ``LA``.  Zotero appends any line
that does not match ``^[A-Z][A-Z0-9] `` to the previous field, which is how CNKI's
lower-case ``vo 49`` ends up inside the issue: tags here are upper case only.
``SP`` is the first page and ``OP`` ("other pages") the last one, never the range.
``UL`` is the URL tag (RefWorks and Zotero).  ``SR`` is the source type.
RefWorks has no article-number tag; the writer prints it in ``SP`` when there are no pages.

Reading: ``RT`` … records (ended by the next ``RT``; a blank line inside one is read through when a
tag follows; RefWorks' own export header and tag legend before the first ``RT`` are skipped), one Citation each, in the record's one language.  The
tag table is the writer's, inverted, plus ``T2`` (Zotero's journal), ``LK`` and ``UR`` (URLs).
Repaired, each with a warning on the record: a tag glued to its value (CNKI's ``A1林行众``);
lower-case tags (CNKI's ``vo 49``, read as ``VO``
only when it is a known tag, so a continuation line starting "in …" stays text); several
authors in one ``A1`` line; ``;``-joined keywords in one ``K1``; the whole page range in
``OP`` or ``SP`` (CNKI's ``OP 1106-1111+1117``).  ``FD`` is read as ISO (``2025-01-31``, Zotero
and the writer) or as "month day" (``August 12``, the year from ``YR``).  ``SR`` is derived,
not read.

Writing: ``RT <type>``, upper-case two-letter tags, a blank line after each record.
Choices (evidence in the team's format notes, §3):

* LF line ends: ``@citation-js/plugin-refworks`` splits records on ``\\n\\n``, which a
  CR LF file never contains; Zotero reads both.
* ``FD`` is ISO 8601 (``2025-01-31``): Zotero, the main importer of this format
  today, writes it and parses it, while it would store ``January 31`` as a date with
  no year (``FD`` goes straight to Zotero's date field, ``YR`` is only a fallback).
  Only the year: no ``FD``.
* ``SR Electronic(1)`` when the record carries a URL or a DOI (it points the reader at
  an online copy), ``SR Print(0)`` otherwise.
* ``LA`` is the language tag; ``RD`` (access date) ISO 8601.
"""

from __future__ import annotations

import re
from typing import Any

from ...model import Citation, Date, Lang, LocalizedText
from ...values import split_pages
from .reading import Dialect, RecordType, TaggedReader, TaggedRecord, first_line, pages_of, read_citation, single
from .table import SERIAL_TYPES, Field, TagTable, TypeRow, TypeTable, every_tag, rows
from .writing import TAGGED_FIELDS, RecordPlan, TaggedWriter, carries

# -- the tables -------------------------------------------------------------------------------------

LINE_FORMAT = "{tag} {value}"

TYPE_TAG = "RT"

#: Every tag written, in the order of a record's lines (slot, tag); :data:`TYPES` changes some per type.
TAGS: TagTable = (
    ("author", "A1"),
    ("editor", "A2"),
    ("collection-editor", "A3"),
    ("translator", "A4"),
    ("title", "T1"),
    ("title_short", "ST"),
    ("container_title", "T2"),
    ("container_title_short", "JO"),
    ("collection_title", "T3"),
    ("year", "YR"),
    ("date", "FD"),  # ISO 8601, 2025-01-31
    ("accessed", "RD"),
    ("edition", "ED"),
    ("volume", "VO"),
    ("issue", "IS"),
    ("page_first", "SP"),
    ("page_last", "OP"),
    ("isbn", "SN"),
    ("issn", "SN"),
    ("publisher", "PB"),
    ("publisher_place", "PP"),
    ("genre", "CL"),
    ("call_number", "CN"),
    ("archive", "DB"),
    ("doi", "DO"),
    ("url", "UL"),
    ("abstract", "AB"),
    ("keyword", "K1"),
    ("note", "NO"),
    ("language", "LA"),
    ("source_type", "SR"),
)

_NUMBERED: dict[Field, str | None] = {"number": "SN"}

#: RefWorks' reference types (Ex Libris' list, Zotero's spellings, CNKI's) and the per-type tags.  Where
#: Ex Libris names a pair (``Dissertation/Thesis``, ``Laws/Statutes``), the writer uses the name both
#: importers of the format read, Zotero and citation-js (``Dissertation``, ``Statutes``): Zotero reads
#: ``Dissertation/Thesis`` as a journal article and citation-js as a document.
TYPES = TypeTable(
    rows=(
        *rows("article-journal", "Journal Article", "Journal, Electronic", "Journal"),
        TypeRow("Abstract", "article-journal", "abstract"),
        *rows("book", "Book, Whole", "Book, Edited", "Monograph", "Book"),
        *rows("chapter", "Book, Section"),
        *rows("paper-conference", "Conference Proceedings", "Conference Proceeding", "Conference Paper"),
        *rows(
            "thesis", "Dissertation", "Dissertation/Thesis", "Thesis", "Dissertation/Thesis, Unpublished", "Thesis, Unpublished"
        ),
        *rows("report", "Report"),
        *rows("document", "Generic", "Other Article"),
        TypeRow("Grant", "document", "grant"),
        *rows("hearing", "Hearing"),
        *rows("legislation", "Statutes", "Laws/Statutes", "Laws", "Statute"),
        *rows("bill", "Bills", "Bills/Resolutions", "Resolutions", "Bill"),
        *rows("legal_case", "Case", "Case/Court Decisions", "Court Decisions"),
        *rows("software", "Computer Program"),
        *rows("article-magazine", "Magazine Article"),
        *rows("article-newspaper", "Newspaper Article"),
        *rows("map", "Map"),
        *rows("motion_picture", "Motion Picture"),
        TypeRow("Video", "motion_picture", "video recording"),
        TypeRow("Video/DVD", "motion_picture", "video recording", writes=False),
        TypeRow("DVD", "motion_picture", "video recording", writes=False),
        *rows("musical_score", "Music Score"),
        *rows("song", "Sound Recording"),
        *rows("patent", "Patent"),
        *rows("personal_communication", "Personal Communication"),
        *rows("manuscript", "Unpublished Material"),
        *rows("webpage", "Web Page"),
        *rows("post-weblog", "Online Discussion Forum", "Online Discussion Forum/Blogs", "Blogs"),
        *rows("graphic", "Artwork"),
        TypeRow("Standard", "standard", writes=False),  # CNKI's, not a RefWorks type
    ),
    nearest={
        "article": "Unpublished Material",
        "standard": "Report",
        "dataset": "Generic",
        "broadcast": "Motion Picture",
        "entry": "Book, Section",
        "entry-dictionary": "Book, Section",
        "entry-encyclopedia": "Book, Section",
        "classic": "Book, Whole",
        "collection": "Book, Whole",
        "pamphlet": "Book, Whole",
        "event": "Conference Proceedings",
        "speech": "Conference Proceedings",
        "figure": "Artwork",
        "interview": "Personal Communication",
        "periodical": "Journal Article",
        "review": "Journal Article",
        "review-book": "Journal Article",
        "post": "Online Discussion Forum",
        "regulation": "Statutes",
        "treaty": "Statutes",
    },
    fallback="Generic",
    overrides={
        **{csl: {"container_title": "JF"} for csl in sorted(SERIAL_TYPES)},
        "book": {"editor": "A3", "collection-editor": "A2", "collection_title": "T2", "container_title": None},
        "report": {**_NUMBERED, "collection_title": "T2", "container_title": None},
        "standard": _NUMBERED,
        "patent": {**_NUMBERED, "authority": "PP", "publisher_place": None},
        "thesis": {"contributor": "A3", "collection-editor": None},
        "software": {"version": "ED", "edition": None},
        "dataset": {"version": "ED", "edition": None},
        "legal_case": {"authority": "PB", "publisher": None},
    },
)

#: ``SR`` values, spelled as RefWorks documents them.
SOURCE_PRINT = "Print(0)"
SOURCE_ELECTRONIC = "Electronic(1)"

#: Reader-only aliases, never written: Zotero exports the journal as ``T2``; CNKI puts the URL in
#: ``LK`` (links) and ``URL``; ``@citation-js/plugin-refworks`` and some exporters use ``UR``;
#: ``WT`` is the website title, ``A6`` its editor, ``WP`` the date of electronic publication.
ALIASES: dict[str, Field] = {
    "JF": "container_title",
    "LK": "url",
    "UR": "url",
    "URL": "url",
    "WT": "container_title",
    "A6": "editor",
    "WP": "available_date",
    "AN": "archive_location",
    "DS": "archive",
    "SF": "archive",
}

#: Tags a reader consumes without a model field: the reference type, the source type (``SR``: print
#: or electronic, which the writer derives from the URL and DOI), the reference id and RefWorks'
#: output language (``OL Unknown(0)``), as the RIS reader ignores ``ID``.
READ_IGNORED: frozenset[str] = frozenset({TYPE_TAG, "SR", "ID", "OL"})


# -- reading -------------------------------------------------------------------------------------

DIALECT = Dialect(
    name="RefWorks",
    tag_line=re.compile(r"^(?P<tag>[A-Za-z][A-Za-z0-9]{1,4})(?: (?P<value>.*)|\s*)$"),
    start_tag=TYPE_TAG,
    end_tag=None,
    fields=every_tag(TAGS, TYPES, ALIASES),
    ignored_tags=READ_IGNORED,
    glued_value=re.compile(r"^(?P<tag>[A-Z][A-Z0-9])(?P<value>[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef].*)$"),
    types=TYPES,
    tags=TAGS,
    aliases=ALIASES,
    serial_tag="SN",
)


def pages(values: dict[Field, list[str]], warnings: list[str]) -> dict[str, str | None]:
    """``SP`` + ``OP``; a range in either one (CNKI puts it in ``OP``) is split, with a warning."""
    start, other = single(values, "page_first", warnings), single(values, "page_last", warnings)
    if other and not start:
        if split_pages(other)[1] is not None:
            warnings.append(f"page range in OP without SP: read as pages {other}")
            return pages_of(other)
        return {"page_first": other}  # "other pages" alone: keep it, in the first slot it prints in
    found = pages_of(start)
    if found["page_last"] is not None or found["page"] is not None:
        if other:
            warnings.append(f"SP holds a page range and OP is given too: OP {other!r} kept")
            return {"page_first": found["page_first"], "page_last": other}
        warnings.append(f"page range in SP: read as pages {start}")
        return found
    if other:
        found["page_last"] = other
    return found


def citation_from_record(record: TaggedRecord) -> Citation:
    def own(values: dict[Field, list[str]], kind: RecordType, warnings: list[str]) -> dict[str, Any]:
        found = pages(values, warnings)
        values.pop("page_first", None)
        values.pop("page_last", None)
        return found

    return read_citation(record, DIALECT, own)


#: RefWorks' own export starts with a header (``RefWorks Export Tagged Format``) and a tag legend.
_EXPORT_HEADER = re.compile(r"^\s*refworks export", re.IGNORECASE)
_RT_LINE = re.compile(r"^RT\s+\S", re.IGNORECASE | re.MULTILINE)


class RefworksReader(TaggedReader):
    name = "refworks"
    description = "RefWorks tagged format (RefWorks, Zotero, CNKI)"
    extensions = ("txt", "rwt")
    dialect = DIALECT
    citation_from_record = staticmethod(citation_from_record)

    @classmethod
    def sniff(cls, head: str) -> bool:
        first = first_line(head)
        return bool(_RT_LINE.match(first)) or bool(_EXPORT_HEADER.match(first) and _RT_LINE.search(head))


# -- writing -------------------------------------------------------------------------------------


class RefworksWriter(TaggedWriter):
    name = "refworks"
    description = "RefWorks tagged format"
    extension = "txt"
    newline = "\n"
    line_format = LINE_FORMAT
    type_tag = TYPE_TAG
    types = TYPES
    tags = TAGS
    blank_line_after = True

    def date(self, date: Date) -> str:
        """``2025-01-31``, ``2025-01`` (ISO 8601), ``Spring 2025``."""
        if date.month is None:
            return f"{date.season_name} {(date.iso() or '')}" if date.season is not None else date.iso() or ""
        return date.iso() or ""

    def values(
        self, citation: Citation, lang: Lang, text: LocalizedText, plan: RecordPlan, written_type: str
    ) -> dict[Field, tuple[str, ...]]:
        values = super().values(citation, lang, text, plan, written_type)  # FD: ISO 8601, the default date
        electronic = "url" in values or "doi" in values
        values["source_type"] = (SOURCE_ELECTRONIC if electronic else SOURCE_PRINT,)
        return values


#: What a record carries of the model (:mod:`citeexport.projection`), per type.
CARRIES = carries(TYPES, TAGS, {**TAGGED_FIELDS, "number": "in the page slot when there are no pages"})

READER = RefworksReader
WRITER = RefworksWriter

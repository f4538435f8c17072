"""RIS (RIS Format Specifications, 2011 revision): every reference type, reader and writer.

Every line is ``XX  - value`` (two characters, two spaces, hyphen, space).  A record starts
with ``TY  - <type>`` and ends with ``ER  - `` (the trailing space is part of the tag).

Types: every ``TY`` code of the specification (:data:`TYPES`: EndNote's types, which its RIS
export names with these codes, plus ``ABST``, ``ELEC``, ``ICOMM``, ``INPR``, ``JFULL``, ``SLIDE``,
``SOUND``, ``UNBILL``, ``VIDEO``), each read as a CSL type (and genre, for the codes CSL has no
type for: ``AGGR`` is a dataset of genre "aggregated database").  A CSL type with no code of its
own is written as the nearest (``interview`` as ``PCOMM``), with a warning.

Tags (:data:`TAGS`, with the per-type changes of :data:`TYPES`), as EndNote's RIS export and
Zotero's RIS translator use them: ``TI`` title, ``ST`` short title, ``AU`` authors, ``A2``
editors, ``A3`` series editors, ``A4`` translators (for ``BOOK`` ``A2`` is the series editor and
``A3`` the editor, EndNote's and Zotero's reading; for ``THES`` ``A3`` is the advisor, read as a
contributor), ``T2`` the container (journal, book of a chapter, proceedings, website; a book's or
report's series), ``J2`` its abbreviation, ``T3`` the series, ``PY`` the year, ``DA`` the date, ``Y2``
the access date, ``OP`` the original date, ``ET`` edition (a program's version), ``VL``, ``IS``,
``SP``/``EP``, ``C7`` a journal article's number, ``M1`` any other type's number, ``SN`` ISBN or
ISSN (told apart by their shape when read; a report's, patent's or standard's number, as
EndNote's export has it), ``PB`` publisher, ``CY`` place (a patent's country: the authority; a
conference paper's conference location, its place of publication in ``C1``), ``M3`` genre (thesis
or report kind), ``NV``, ``SE``, ``SV``, ``CN``, ``DB``/``AN`` archive and its location, ``DO``,
``UR``, ``L1`` (a PDF link, read only), ``AB``, ``KW``, ``N1`` note, ``LA`` language (the BCP 47 tag).

Reading: ``TY  - `` … ``ER  - `` records, one Citation each, in the record's one language.  The
tag tables are the writer's, inverted, plus the 2001 specification's and other exporters'
aliases (``T1``, ``A1``, ``ED``, ``JF``, ``JO``, ``JA``, ``BT``, ``N2``, ``Y1``).  Tolerated, each with
a warning on the record: several authors in one ``AU`` line; a journal only in ``JO``/``JA``/``J2``
instead of ``T2``/``JF``; a record without ``ER``; empty tags; tags the model has no field for;
an unknown ``TY`` (read as ``document``, the code kept as its genre).  Silently accepted: one or
two spaces before the hyphen and no space after it (``ER  -``), a BOM, CR LF, continuation lines.
Dates: ``DA`` or ``PY``/``Y1`` in the spellings of both specifications (``2025/01/31/``,
``1998///Spring``, ``In press``, ``c. 1900``: :func:`citeexport.values.parse_date`).  Pages: ``SP`` +
``EP``, or the whole range in ``SP`` (EndNote's 2011 export).  An article number in ``C7`` that
the writer also put in the empty page slot is read as the article number only.

Writing: ``TY  - <code>`` ... ``ER  - ``, CR LF line ends, one record per article and language.
Choices (evidence in the team's format notes, §1):

* CR LF: the specification requires it ("preceded by a carriage return/line feed
  (ANSI 13 10)"); Zotero writes it; rispy, bibutils and pandoc read it.
* No blank line between records (the specification's reading on Wikipedia); every
  reader also accepts one.
* ``DA`` is ``YYYY/MM/DD`` (``YYYY/MM`` for a month, ``YYYY///Spring`` for a season), trailing
  parts omitted as the specification allows; Zotero writes a trailing slash (``2025/01/31/``)
  but splits on ``/`` when reading, so both read the same.  Only the year: no ``DA``, ``PY``
  says it; a literal date (``In press``) is ``PY`` as written.
* ``LA`` is the text's language tag (``zh``, ``en``, ``de``, ``zh-TW``).
* The text is returned as ``str``; the output must be encoded as UTF-8 *without* a BOM
  (rispy reads zero records from a file with one) and written with ``newline=""`` so
  that the CR LF is not doubled on Windows.
"""

from __future__ import annotations

import re
from typing import Any

from ...model import Citation, Date
from .reading import Dialect, RecordType, TaggedReader, TaggedRecord, first_line, pages_of, read_citation, single
from .table import ENDNOTE_NEAREST, Field, TagTable, TypeTable, endnote_rows, every_tag
from .writing import TAGGED_FIELDS, TaggedWriter, carries

# -- the tables -------------------------------------------------------------------------------------

LINE_FORMAT = "{tag}  - {value}"

TYPE_TAG = "TY"
END_TAG = "ER"

#: Every tag written, in the order of a record's lines (slot, tag); :data:`TYPES` changes some per type.
TAGS: TagTable = (
    ("title", "TI"),
    ("title_short", "ST"),
    ("author", "AU"),
    ("editor", "A2"),
    ("collection-editor", "A3"),
    ("translator", "A4"),
    ("container_title", "T2"),
    ("container_title_short", "J2"),
    ("collection_title", "T3"),
    ("year", "PY"),
    ("date", "DA"),  # YYYY/MM/DD
    ("accessed", "Y2"),
    ("original_date", "OP"),
    ("edition", "ET"),
    ("volume", "VL"),
    ("issue", "IS"),
    ("page_first", "SP"),
    ("page_last", "EP"),
    ("number", "M1"),
    ("isbn", "SN"),
    ("issn", "SN"),
    ("publisher", "PB"),
    ("publisher_place", "CY"),
    ("genre", "M3"),
    ("number_of_volumes", "NV"),
    ("section", "SE"),
    ("collection_number", "SV"),
    ("call_number", "CN"),
    ("archive", "DB"),
    ("archive_location", "AN"),
    ("doi", "DO"),
    ("url", "UR"),
    ("abstract", "AB"),
    ("keyword", "KW"),
    ("note", "N1"),
    ("language", "LA"),
)

_BOOK: dict[Field, str | None] = {"editor": "A3", "collection-editor": "A2", "collection_title": "T2", "container_title": None}
_NUMBERED: dict[Field, str | None] = {"number": "SN"}

#: The RIS codes (EndNote's types, then the specification's codes EndNote lacks) and the per-type tags.
TYPES = TypeTable(
    rows=endnote_rows(
        0,
        (
            ("ABST", "article-journal", "abstract"),
            ("ELEC", "webpage", None),
            ("ICOMM", "personal_communication", "internet communication"),
            ("INPR", "article-journal", None),
            ("JFULL", "periodical", None),
            ("SLIDE", "speech", None),
            ("SOUND", "song", None),
            ("UNBILL", "bill", "unenacted bill"),
            ("VIDEO", "motion_picture", "video recording"),
        ),
    ),
    nearest={csl: code for csl, code in ENDNOTE_NEAREST.items() if csl not in ("song", "speech")},
    fallback="GEN",
    overrides={
        "article-journal": {"number": "C7"},
        "book": _BOOK,
        "report": {**_NUMBERED, "collection_title": "T2", "container_title": None},
        "standard": _NUMBERED,
        "patent": {**_NUMBERED, "authority": "CY", "publisher_place": None},
        "thesis": {"contributor": "A3", "collection-editor": None},
        "paper-conference": {"event_place": "CY", "publisher_place": "C1"},
        "software": {"version": "ET", "edition": None},
        "dataset": {"version": "ET", "edition": None},
        "legal_case": {"authority": "PB", "publisher": None},
    },
)

#: Tags other exporters use for the same fields (2001 specification, EndNote, Zotero); read, never written.
ALIASES: dict[str, Field] = {
    "T1": "title",
    "CT": "title",
    "A1": "author",
    "ED": "editor",
    "JF": "container_title",
    "BT": "container_title",
    "JO": "container_title_short",
    "JA": "container_title_short",
    "N2": "abstract",
    "Y1": "year",
    "L1": "pdf_url",
    "C7": "number",
    "VO": "volume",
    "DP": "archive",
    "L2": "url",
    "RN": "note",
    "M2": "note",
}

#: Tags a reader consumes without a model field: the record type and the reference id.
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
    fields=every_tag(TAGS, TYPES, ALIASES),
    ignored_tags=READ_IGNORED,
    types=TYPES,
    tags=TAGS,
    aliases=ALIASES,
    serial_tag="SN",
)


def journal_name(record: TaggedRecord, warnings: list[str]) -> str | None:
    """``T2`` (or ``JF``), else an abbreviation tag standing in for the full name, with a warning."""
    present = {tag: value for tag, value in reversed(record.tags) if value}
    for tag in JOURNAL_FALLBACK_TAGS:
        if tag in present:
            if DIALECT.fields[tag] != "container_title":
                warnings.append(f"no T2 or JF journal name: took the {tag} value {present[tag]!r}")
            return present[tag]
    return None


def citation_from_record(record: TaggedRecord) -> Citation:
    def own(values: dict[Field, list[str]], kind: RecordType, warnings: list[str]) -> dict[str, Any]:
        fixed: dict[str, Any] = {}
        if "container_title" not in values and values.get("container_title_short") and kind.csl not in ("book", "report"):
            fixed["container_title"] = journal_name(record, warnings)
        first = single(values, "page_first", warnings)
        pages = pages_of(first)
        last = single(values, "page_last", warnings)
        if pages["page_last"] is not None and last:
            warnings.append(f"SP holds a page range and EP is given too: EP {last!r} kept")
            pages["page_last"] = last
        elif last:
            pages["page_last"] = last
        number = single(values, "number", warnings)
        if number and pages["page_first"] == number and not pages["page_last"]:
            pages["page_first"] = None  # the writer's article number in the empty page slot
        fixed.update(pages)
        values.pop("page_first", None)
        values.pop("page_last", None)
        return fixed

    return read_citation(record, DIALECT, own)


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
    type_tag = TYPE_TAG
    types = TYPES
    tags = TAGS
    end_line = (END_TAG, "")

    def date(self, date: Date) -> str:
        """``2025/01/31``, ``2025/01``, ``2025///Spring`` (the year as ``Date.iso`` spells it: ``-0876``)."""
        year = "" if date.year is None else f"-{-date.year:04d}" if date.year < 0 else f"{date.year:04d}"
        if date.month is None:
            return f"{year}///{date.season_name}" if date.season is not None else year
        return f"{year}/{date.month:02d}/{date.day:02d}" if date.day else f"{year}/{date.month:02d}"

    def whole_date(self, date: Date) -> str:
        return date.literal if date.literal is not None else self.date(date)


#: What a record carries of the model (:mod:`citeexport.projection`), per type; a journal abbreviation
#: with no journal comes back as the journal too (the reader's J2 fallback, which real exports need).
CARRIES = {
    csl_type: {**row, "container_title": "one line, entities decoded, the abbreviation when there is none"}
    if "container_title" in row and "container_title_short" in row
    else row
    for csl_type, row in carries(TYPES, TAGS, {**TAGGED_FIELDS, "number": "yes"}).items()
}

READER = RisReader
WRITER = RisWriter

"""EndNote XML as data: its reference types by name and number, and which element holds which model
field for each CSL type, shared by the reader and the writer.

Reference types: EndNote writes ``<ref-type name="Journal Article">17</ref-type>``.  The numbers
are EndNote's own (the pairs as Zotero's "Endnote XML" translator and bibutils know them); the
reader trusts the name when name and number disagree (other exporters write wrong numbers), and
the number when the name is missing or unknown.  :data:`WRITTEN_TYPES` is the CSL type -> EndNote
type the writer uses; a CSL type whose EndNote type reads back as another CSL type is written as the
nearest one, with a warning (:data:`HELD_TYPES` are those that come back as themselves).

Fields: EndNote's elements change meaning with the type, as its own field labels do ("Secondary
Title" is the journal of a Journal Article, the book of a Book Section, the series of a Book;
"Number" is the issue of a journal article, the report number of a report; "ISBN" is the ISSN of a
periodical and the patent number of a patent).  :func:`slots` gives, for one CSL type, element path
-> model field; the reader reads through it and the writer writes through its inverse.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ...model import CSL_TYPES

#: EndNote reference types: name -> number.
ENDNOTE_TYPES: Mapping[str, int] = MappingProxyType(
    {
        "Artwork": 2,
        "Audiovisual Material": 3,
        "Bill": 4,
        "Book Section": 5,
        "Book": 6,
        "Case": 7,
        "Catalog": 8,
        "Computer Program": 9,
        "Conference Proceedings": 10,
        "Web Page": 12,
        "Generic": 13,
        "Hearing": 14,
        "Journal Article": 17,
        "Magazine Article": 19,
        "Map": 20,
        "Film or Broadcast": 21,
        "Newspaper Article": 23,
        "Pamphlet": 24,
        "Patent": 25,
        "Personal Communication": 26,
        "Report": 27,
        "Edited Book": 28,
        "Statute": 31,
        "Thesis": 32,
        "Unpublished Work": 34,
        "Manuscript": 36,
        "Figure": 37,
        "Chart or Table": 38,
        "Equation": 39,
        "Electronic Article": 43,
        "Electronic Book": 44,
        "Online Database": 45,
        "Government Document": 46,
        "Conference Paper": 47,
        "Online Multimedia": 48,
        "Classical Work": 49,
        "Legal Rule or Regulation": 50,
        "Ancient Text": 51,
        "Dictionary": 52,
        "Encyclopedia": 53,
        "Grant": 54,
        "Aggregated Database": 55,
        "Blog": 56,
        "Serial": 57,
        "Standard": 58,
        "Dataset": 59,
        "Electronic Book Section": 60,
        "Music": 61,
    }
)
ENDNOTE_NAMES_BY_NUMBER: Mapping[int, str] = MappingProxyType({number: name for name, number in ENDNOTE_TYPES.items()})

#: CSL type -> the EndNote type it is written as (every CSL type has one).
WRITTEN_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "article": "Electronic Article",
        "article-journal": "Journal Article",
        "article-magazine": "Magazine Article",
        "article-newspaper": "Newspaper Article",
        "bill": "Bill",
        "book": "Book",
        "broadcast": "Audiovisual Material",
        "chapter": "Book Section",
        "classic": "Classical Work",
        "collection": "Catalog",
        "dataset": "Dataset",
        "document": "Generic",
        "entry": "Encyclopedia",  # nearest: read back as entry-encyclopedia
        "entry-dictionary": "Dictionary",
        "entry-encyclopedia": "Encyclopedia",
        "event": "Generic",  # nearest
        "figure": "Figure",
        "graphic": "Artwork",
        "hearing": "Hearing",
        "interview": "Personal Communication",  # nearest (Zotero's choice too)
        "legal_case": "Case",
        "legislation": "Statute",
        "manuscript": "Manuscript",
        "map": "Map",
        "motion_picture": "Film or Broadcast",
        "musical_score": "Music",  # nearest: read back as song
        "pamphlet": "Pamphlet",
        "paper-conference": "Conference Proceedings",
        "patent": "Patent",
        "performance": "Generic",  # nearest
        "periodical": "Serial",
        "personal_communication": "Personal Communication",
        "post": "Blog",  # nearest: read back as post-weblog
        "post-weblog": "Blog",
        "regulation": "Legal Rule or Regulation",
        "report": "Report",
        "review": "Journal Article",  # nearest
        "review-book": "Journal Article",  # nearest
        "software": "Computer Program",
        "song": "Music",
        "speech": "Conference Paper",
        "standard": "Standard",
        "thesis": "Thesis",
        "treaty": "Legal Rule or Regulation",  # nearest
        "webpage": "Web Page",
    }
)

#: EndNote type -> CSL type, for reading: the inverse of the written types where it is one, plus
#: EndNote types no CSL type is written as (each read as the nearest CSL type).
READ_TYPES: Mapping[str, str] = MappingProxyType(
    {
        **{
            endnote: csl
            for csl, endnote in WRITTEN_TYPES.items()
            if csl
            not in ("entry", "event", "interview", "musical_score", "performance", "post", "review", "review-book", "treaty")
        },
        "Edited Book": "book",  # its authors are the editors
        "Electronic Book": "book",
        "Electronic Book Section": "chapter",
        "Ancient Text": "classic",
        "Chart or Table": "figure",
        "Equation": "figure",
        "Government Document": "report",
        "Grant": "document",
        "Online Database": "webpage",
        "Aggregated Database": "dataset",
        "Online Multimedia": "webpage",
        "Unpublished Work": "manuscript",
        # Names of newer EndNote versions and other exporters (read by name only).
        "Interview": "interview",
        "Podcast": "broadcast",
        "Television Episode": "broadcast",
        "Press Release": "article-newspaper",
        "Social Media": "post",
        "Discussion Forum": "post",
        "Multimedia Application": "software",
        "Conference Proceeding": "paper-conference",
        "Dissertation": "thesis",
        "Unused 1": "document",
        "Unused 2": "document",
        "Unused 3": "document",
    }
)

#: The CSL types written as an EndNote type that reads back as the same CSL type.
HELD_TYPES: frozenset[str] = frozenset(csl for csl, endnote in WRITTEN_TYPES.items() if READ_TYPES.get(endnote) == csl)

#: The EndNote type of a book given by its editors (no authors): its ``authors`` are the editors.
EDITED_BOOK = "Edited Book"

# -- elements and the model fields they hold ---------------------------------------------------

#: Types whose secondary title is their container (journal, book, proceedings, website …) and
#: whose secondary authors are the container's editors; for every other type the secondary title
#: is the series and the secondary authors the series editors.
CONTAINED_TYPES: frozenset[str] = frozenset(
    {
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "chapter",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "paper-conference",
        "post",
        "post-weblog",
        "review",
        "review-book",
        "webpage",
        "figure",
        "legal_case",
    }
)
#: Types whose ``number`` element is the issue and ``isbn`` the ISSN (EndNote's periodicals).
PERIODICAL_TYPES: frozenset[str] = frozenset(
    {"article", "article-journal", "article-magazine", "article-newspaper", "periodical", "review", "review-book"}
)

#: Elements of every type: element path -> model field.  Names are the role (``author`` …),
#: ``pages`` the page fields, ``dates`` the issued date, ``keywords`` one keyword per element.
_COMMON: dict[str, str] = {
    "contributors/authors": "author",
    "contributors/subsidiary-authors": "translator",
    "titles/title": "title",
    "titles/short-title": "title_short",
    "titles/alt-title": "container_title_short",
    "pages": "pages",
    "volume": "volume",
    "number": "number",
    "issue": "issue",
    "num-vols": "number_of_volumes",
    "edition": "edition",
    "section": "section",
    "keywords": "keywords",
    "dates": "issued",
    "orig-pub": "original_date",
    "pub-location": "publisher_place",
    "publisher": "publisher",
    "isbn": "isbn",
    "accession-num": "archive_location",
    "call-num": "call_number",
    "label": "id",
    "work-type": "genre",
    "urls/related-urls": "url",
    "urls/web-urls": "url",
    "urls/pdf-urls": "pdf_url",
    "electronic-resource-num": "doi",
    "abstract": "abstract",
    "notes": "note",
    "research-notes": "note",  # appended to the notes
    "remote-database-name": "archive",
    "language": "language",
    "access-date": "accessed",
}
_CONTAINED: dict[str, str] = {
    "contributors/secondary-authors": "editor",
    "contributors/tertiary-authors": "collection-editor",
    "titles/secondary-title": "container_title",
    "titles/tertiary-title": "collection_title",
    "periodical/full-title": "container_title",  # the same again, as EndNote writes it
    "periodical/abbr-1": "container_title_short",
}
_SERIES: dict[str, str] = {
    "contributors/secondary-authors": "collection-editor",
    "titles/secondary-title": "collection_title",
}
_PERIODICAL: dict[str, str] = {"number": "issue", "isbn": "issn"}
#: Per-type overrides (EndNote's field labels of that type).
_BY_TYPE: dict[str, dict[str, str]] = {
    "article-journal": {"custom7": "number"},  # EndNote's "Article Number"
    "patent": {"isbn": "number", "number": "issue"},  # "Patent Number" is the ISBN slot
    "speech": {
        "titles/secondary-title": "event_title",
        "pub-location": "event_place",
    },  # "Conference Name", "Conference Location"
    "software": {"edition": "version"},  # "Version"
    "thesis": {"contributors/secondary-authors": "contributor"},  # EndNote's "Advisor"
}

#: The record's second language (EndNote's "Translated Title" and "Translated Author" fields):
#: element path -> the model field of that language's text.  The writer writes every language as a
#: record of its own, so it writes neither; the reader reads them as the language they are in.
TRANSLATED: Mapping[str, str] = MappingProxyType(
    {"titles/translated-title": "title", "contributors/translated-authors": "author"}
)

#: Elements written for every record from the reference, not from a model field.
BOOKKEEPING = ("database", "source-app", "rec-number", "foreign-keys", "ref-type")

#: The order of elements in a record (EndNote's own).
ELEMENT_ORDER: tuple[str, ...] = (
    "database",
    "source-app",
    "rec-number",
    "foreign-keys",
    "ref-type",
    "contributors",
    "titles",
    "periodical",
    "pages",
    "volume",
    "number",
    "issue",
    "num-vols",
    "edition",
    "section",
    "keywords",
    "dates",
    "orig-pub",
    "pub-location",
    "publisher",
    "isbn",
    "accession-num",
    "call-num",
    "label",
    "work-type",
    "urls",
    "electronic-resource-num",
    "abstract",
    "notes",
    "remote-database-name",
    "language",
    "access-date",
    "custom7",
)
#: Children in their order: contributors, titles, periodical, urls.
CHILD_ORDER: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "contributors": ("authors", "secondary-authors", "tertiary-authors", "subsidiary-authors"),
        "titles": ("title", "secondary-title", "tertiary-title", "alt-title", "short-title"),
        "periodical": ("full-title", "abbr-1"),
        "urls": ("related-urls", "web-urls", "pdf-urls"),
    }
)


def slots(csl_type: str) -> dict[str, str]:
    """Element path -> model field for records of ``csl_type`` (what each element holds)."""
    out = dict(_COMMON)
    out.update(_CONTAINED if csl_type in CONTAINED_TYPES else _SERIES)
    if csl_type in PERIODICAL_TYPES:
        out.update(_PERIODICAL)
    out.update(_BY_TYPE.get(csl_type, {}))
    return out


def elements_of(csl_type: str) -> dict[str, str]:
    """Model field -> the element path the writer puts it in, for records of ``csl_type``; the first
    element of a field wins (``alt-title`` before ``periodical/abbr-1`` is read first, both written)."""
    out: dict[str, str] = {}
    for path, field in slots(csl_type).items():
        out.setdefault(field, path)
    return out


#: The reader's map for every type, computed once.
SLOTS: Mapping[str, Mapping[str, str]] = MappingProxyType({csl: MappingProxyType(slots(csl)) for csl in CSL_TYPES})

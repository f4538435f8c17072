"""The BibTeX and biblatex tables the reader and the writer share: entry types, fields, inheritance.

Two dialects (issue 16):

* ``bibtex`` — classic BibTeX: the entry types and fields the standard styles (``plain.bst`` and
  its family) know, plus what ``gbt7714.bst`` (zepinglee/gbt7714-bibtex-style, the common
  choice for Chinese theses) adds: ``@standard``, ``@patent``, ``@newspaper``, ``@online``,
  ``@dataset``, ``@software``, ``@periodical``, ``@collection``, ``@map``, ``@archive`` and the
  ``translator`` and ``urldate`` fields.
* ``biblatex`` — biblatex's data model (what biber validates), its types (``@online``,
  ``@report``, ``@thesis`` with ``type``, ``@dataset``, ``@software``, ``@patent``, ``@standard``
  — which biblatex-gb7714-2015 styles — ``@mvbook``, ``@periodical`` …) and fields (``date``,
  ``langid``, ``journaltitle``, ``location``, ``origdate``, ``eventtitle``, ``eventdate``,
  ``venue``, ``related``/``relatedtype`` …).

The reader reads both dialects with one table (:data:`ENTRY_TYPES`, :data:`FIELD_ROLES`); each
dialect's writer has its own (:data:`BIBTEX_TYPES`, :data:`BIBLATEX_TYPES`).
"""

from __future__ import annotations

from typing import Literal

from ...model import CslType, Role

Dialect = Literal["bibtex", "biblatex"]

#: Entry types of both dialects (and of common exporters) -> CSL item types.  A type not listed is
#: read as ``document`` (never as a journal article), with a warning.
ENTRY_TYPES: dict[str, CslType] = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "bookinbook": "chapter",
    "booklet": "pamphlet",
    "collection": "book",
    "mvcollection": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "suppbook": "chapter",
    "suppcollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "proceedings": "book",
    "mvproceedings": "book",
    "reference": "book",
    "mvreference": "book",
    "inreference": "entry-encyclopedia",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "masterthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "manual": "report",
    "misc": "document",
    "unpublished": "manuscript",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "webpage": "webpage",
    "patent": "patent",
    "standard": "standard",
    "dataset": "dataset",
    "database": "dataset",
    "software": "software",
    "program": "software",
    "periodical": "periodical",
    "suppperiodical": "article-journal",
    "newspaper": "article-newspaper",
    "map": "map",
    "archive": "document",
    "legislation": "legislation",
    "legal": "legislation",
    "jurisdiction": "legal_case",
    "letter": "personal_communication",
    "review": "review",
    "artwork": "graphic",
    "image": "graphic",
    "audio": "song",
    "music": "song",
    "video": "motion_picture",
    "movie": "motion_picture",
    "performance": "performance",
    "preprint": "article",
}

#: ``entrysubtype`` of a biblatex ``@article`` -> CSL type.
ARTICLE_SUBTYPES: dict[str, CslType] = {"magazine": "article-magazine", "newspaper": "article-newspaper"}

#: The ``genre`` a thesis type implies when the entry gives no ``type`` of its own.
THESIS_GENRES: dict[str, str] = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis", "masterthesis": "Master's thesis"}
#: biblatex's localisation keys for ``type`` (``type = {phdthesis}``) -> the genre they print.
TYPE_KEYS: dict[str, str] = {
    "phdthesis": "PhD thesis",
    "mathesis": "Master's thesis",
    "candthesis": "Candidate thesis",
    "techreport": "Technical report",
    "resreport": "Research report",
    "software": "Software",
    "datacd": "CD-ROM",
    "audiocd": "Audio CD",
    "patent": "Patent",
}
_GENRE_KEYS = {genre.lower(): key for key, genre in TYPE_KEYS.items()}

#: Name fields -> CSL roles (``bookauthor`` is the author of the book a chapter is in).
NAME_ROLES: dict[str, Role] = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "bookauthor": "container-author",
    "origauthor": "original-author",
    "commentator": "contributor",
    "annotator": "contributor",
    "holder": "contributor",
}

#: CSL type -> classic BibTeX entry type (standard styles and gbt7714.bst); any other type is
#: written as ``@misc`` with a warning.
BIBTEX_TYPES: dict[str, str] = {
    "article-journal": "article",
    "article-magazine": "article",
    "article": "article",
    "review": "article",
    "review-book": "article",
    "article-newspaper": "newspaper",
    "book": "book",
    "classic": "book",
    "chapter": "incollection",
    "entry-encyclopedia": "incollection",
    "entry-dictionary": "incollection",
    "entry": "incollection",
    "paper-conference": "inproceedings",
    "thesis": "phdthesis",
    "report": "techreport",
    "standard": "standard",
    "patent": "patent",
    "webpage": "online",
    "post": "online",
    "post-weblog": "online",
    "dataset": "dataset",
    "software": "software",
    "periodical": "periodical",
    "pamphlet": "booklet",
    "manuscript": "unpublished",
    "map": "map",
    "document": "misc",
}

#: CSL type -> biblatex entry type; any other type is written as ``@misc`` with a warning.  Types biber's
#: data model lists no fields for (``@artwork``, ``@audio``, ``@letter``, ``@legislation``, ``@review`` …:
#: biblatex's standard styles print them as ``@misc``) are written as ``@misc`` or ``@article``, so that
#: every entry validates.
BIBLATEX_TYPES: dict[str, str] = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "article": "online",
    "review": "article",
    "review-book": "article",
    "book": "book",
    "classic": "book",
    "chapter": "incollection",
    "entry-encyclopedia": "inreference",
    "entry-dictionary": "inreference",
    "entry": "inreference",
    "paper-conference": "inproceedings",
    "thesis": "thesis",
    "report": "report",
    "standard": "standard",
    "patent": "patent",
    "webpage": "online",
    "post": "online",
    "post-weblog": "online",
    "dataset": "dataset",
    "software": "software",
    "periodical": "periodical",
    "pamphlet": "booklet",
    "manuscript": "unpublished",
    "document": "misc",
}
#: biblatex ``entrysubtype`` for CSL types written as ``@article``.
BIBLATEX_SUBTYPES: dict[str, str] = {"article-magazine": "magazine", "article-newspaper": "newspaper"}

#: Types whose ``number`` is the issue (journals); elsewhere ``number`` is the report, patent or
#: standard number (:data:`NUMBERED_TYPES`) or the number in a series.
ISSUE_NUMBER_TYPES = frozenset({"article", "periodical", "suppperiodical", "newspaper"})
NUMBERED_TYPES = frozenset({"techreport", "report", "patent", "standard", "manual", "online", "dataset", "software", "misc"})
#: CSL types written as an entry whose ``number`` is the document's own number.
CSL_NUMBERED_TYPES = frozenset({"report", "patent", "standard", "webpage", "dataset", "software", "document", "post"})
#: CSL types whose ``container_title`` is a journal (``journal``/``journaltitle``), not a book (``booktitle``).
JOURNAL_TYPES = frozenset({"article-journal", "article-magazine", "article-newspaper", "article", "review", "review-book"})

#: Classic BibTeX's fields (standard styles and gbt7714.bst) the writer may write.
BIBTEX_FIELDS = frozenset(
    {"author", "editor", "translator", "title", "journal", "booktitle", "publisher", "address", "year", "month", "volume",
     "number", "pages", "chapter", "edition", "series", "school", "institution", "organization", "howpublished", "type",
     "note", "isbn", "issn", "doi", "url", "urldate", "language", "keywords", "abstract"}
)  # fmt: skip

#: Fields a child never inherits through ``crossref``/``xdata`` (biblatex's default inheritance rules).
NOT_INHERITED = frozenset(
    {"ids", "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label", "options", "presort", "related",
     "relatedoptions", "relatedstring", "relatedtype", "shorthand", "shorthandintro", "sortkey"}
)  # fmt: skip
#: Parent types whose title becomes the child's ``booktitle``, and the child types that take it.
BOOK_PARENTS = frozenset(
    {"book", "collection", "proceedings", "reference", "mvbook", "mvcollection", "mvproceedings", "mvreference"}
)
BOOK_CHILDREN = frozenset({"inbook", "bookinbook", "suppbook", "incollection", "suppcollection", "inproceedings", "conference",
                           "inreference"})  # fmt: skip
#: Title fields of a parent and where a child of a book (``*title`` → ``book*``) or of a multivolume
#: work (``*title`` → ``main*``) or of a periodical (``*title`` → ``journal*``) gets them.
TITLE_FIELDS = ("title", "subtitle", "titleaddon")
NEVER_INHERITED_TITLES = frozenset({"shorttitle", "sorttitle", "indextitle", "indexsorttitle"})


def thesis_entry_type(genre: str | None) -> str:
    """Classic BibTeX's thesis type for a genre: ``mastersthesis`` for a master's thesis, else ``phdthesis``."""
    lowered = (genre or "").lower()
    return (
        "mastersthesis" if any(word in lowered for word in ("master", "硕士", "mathesis", "m.a.", "m.sc", "msc")) else "phdthesis"
    )


def genre_type_key(genre: str | None) -> str | None:
    """biblatex's localisation key for a genre it has one for (``PhD thesis`` → ``phdthesis``), else None."""
    return _GENRE_KEYS.get((genre or "").lower())

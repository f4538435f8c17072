"""RIS tags for a journal article (RIS Format Specifications, 2011 revision).

Every line is ``XX  - value`` (two characters, two spaces, hyphen, space).  A record
starts with ``TY  - JOUR`` and ends with ``ER  - `` (the trailing space is part of the
tag).  The journal goes in ``T2``, as EndNote and Zotero write it for ``JOUR`` (the
Zotero maintainers call ``JO``/``JF`` made-up tags; Zotero reads ``JO`` as an
abbreviation); ``J2`` holds the abbreviation.  Pages are ``SP`` + ``EP`` (start, end),
which every reader we checked joins into a range.  ``C7`` is the article number in
EndNote's own RIS export of a journal article.
"""

from __future__ import annotations

from . import Field, TagTable

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

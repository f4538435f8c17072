"""RefWorks tagged format tags for a journal article (Ex Libris "RefWorks Tagged Format").

Every line is a two-character upper-case tag, one space, the value; a record starts
with ``RT Journal Article`` and is followed by one blank line.  Zotero appends any line
that does not match ``^[A-Z][A-Z0-9] `` to the previous field, which is how CNKI's
lower-case ``vo 49`` ends up inside the issue: tags here are upper case only.
``SP`` is the first page and ``OP`` ("other pages") the last one, never the range.
``UL`` is the URL tag (RefWorks and Zotero).  ``SR`` is the source type.
RefWorks has no article-number tag; the writer prints it in ``SP`` when there are no pages.
"""

from __future__ import annotations

from . import Field, TagTable

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

"""EndNote tagged import format (``.enw``) tags for a journal article.

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
"""

from __future__ import annotations

from . import Field, TagTable

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

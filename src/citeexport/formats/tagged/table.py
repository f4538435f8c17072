"""What a tag table is: the fields a tagged format's tags carry, and tables as data.

Each tagged format module (:mod:`.ris`, :mod:`.enw`, :mod:`.refworks`) maps the same field
names (:data:`Field`) to its own tags, in the order its writer emits them, so that its reader
can invert the same table (:func:`fields_by_tag`) instead of keeping a second copy that could
drift.  Values are plain strings; how a date or a name is spelled in each format is the
writer's business and is documented there.
"""

from __future__ import annotations

from typing import Literal

#: What a tag can carry, independent of the format.  ``author`` and ``keyword`` repeat
#: (one tag per name or keyword); every other field appears at most once.
Field = Literal[
    "title",
    "author",
    "journal",
    "journal_abbreviation",
    "year",
    "date",
    "volume",
    "issue",
    "pages",  # the whole range, ``1-3`` (EndNote %P)
    "page_first",
    "page_last",
    "article_number",
    "issn",
    "doi",
    "url",
    "abstract",
    "keyword",
    "language",
    "source_type",  # RefWorks SR: print or electronic
]

#: One row per field: (field, tag).  A tuple, not a dict, because the order is the
#: order of the lines in a record.
TagTable = tuple[tuple[Field, str], ...]


def fields_by_tag(table: TagTable) -> dict[str, Field]:
    """Invert a writer's table for a reader: tag -> field."""
    return {tag: field for field, tag in table}

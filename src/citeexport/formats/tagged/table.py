"""What a tag table is: the fields a tagged format's tags carry, and tables as data.

Each tagged format module (:mod:`.ris`, :mod:`.enw`, :mod:`.refworks`) maps the same field
names (:data:`Field`) to its own tags, in the order its writer emits them, so that its reader
can invert the same table (:func:`fields_by_tag`) instead of keeping a second copy that could
drift.  Values are plain strings; how a date or a name is spelled in each format is the
writer's business and is documented there.
"""

from __future__ import annotations

from typing import Literal

from ...model import Lang

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

#: Value of the language tag (RIS ``LA``, EndNote ``%G``, RefWorks ``LA``).  ISO 639-1
#: codes: what Zotero writes (its RIS export of the seed has ``LA  - zh``) and what its
#: CSL processor understands as a locale; EndNote stores the field as free text, so a
#: code costs nothing there.  bibutils and pandoc keep the code as given.
LANGUAGE_CODES: dict[Lang, str] = {"zh": "zh", "en": "en"}


def fields_by_tag(table: TagTable) -> dict[str, Field]:
    """Invert a writer's table for a reader: tag -> field."""
    return {tag: field for field, tag in table}

"""EndNote tagged (``.enw``) writer: ``%0 Journal Article``, one ``%`` tag per line, a blank line after each record.

Choices (evidence in /work/shared/reference/formats.md §2):

* LF line ends.  The format does not specify any; EndNote, Zotero and bibutils read
  both, but ``@citation-js/plugin-enw`` 0.3 returns an empty record for a CR LF file
  (observed), so LF is the one every known reader accepts.  (Zotero and MagTech write
  CR LF; nothing we found needs it.)
* ``%8`` is month and day, ``January 31``: EndNote's convention for its Date field, and
  what bibutils writes (``xml2end``) and reads back correctly (it prepends ``%D``:
  ``2025-01-31``).  An ISO date there becomes ``2025-2025-01-31`` in bibutils; the only
  reader known to misread ``January 31`` is citation-js (year 31).  Only the year: no
  ``%8``.
* Corporate authors (:attr:`Name.literal`) end with a comma, the EndNote rule that
  keeps them from being split into family and given names.
* ``%R`` only ever holds a DOI, ``%U`` a bare URL, ``%G`` ``zh``/``en``.
"""

from __future__ import annotations

import calendar

from ..mappings import LANGUAGE_CODES, Field
from ..mappings import enw as tags
from ..model import Citation, Lang
from ..registry import register_writer
from ..tagged import article_values, join_lines, tag_lines
from .base import Writer


@register_writer
class EnwWriter(Writer):
    name = "enw"
    description = "EndNote tagged import format (.enw)"
    extension = "enw"
    stateless = True
    newline = "\n"

    def write_one(self, citation: Citation, lang: Lang) -> str:
        values: dict[Field, tuple[str, ...]] = article_values(citation, lang)
        values["author"] = tuple(f"{name.literal}," if name.literal else name.inverted for name in citation.text(lang).authors)
        values["language"] = (LANGUAGE_CODES[lang],)
        date = citation.issued
        if date and date.month:
            month = calendar.month_name[date.month]
            values["date"] = (f"{month} {date.day}" if date.day else month,)
        lines = [(tags.TYPE_TAG, tags.JOURNAL_ARTICLE_TYPE), *tag_lines(tags.JOURNAL_ARTICLE_TAGS, values)]
        return join_lines(lines, tags.LINE_FORMAT, self.newline) + self.newline

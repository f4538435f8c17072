"""RefWorks tagged writer: ``RT Journal Article``, upper-case two-letter tags, a blank line after each record.

Choices (evidence in /work/shared/reference/formats.md §3):

* LF line ends: ``@citation-js/plugin-refworks`` splits records on ``\\n\\n``, which a
  CR LF file never contains; Zotero reads both.
* ``FD`` is ISO 8601 (``2025-01-31``): Zotero, the main importer of this format
  today, writes it and parses it, while it would store ``January 31`` as a date with
  no year (``FD`` goes straight to Zotero's date field, ``YR`` is only a fallback).
  Only the year: no ``FD``.
* ``SR Electronic(1)`` when the record carries a URL or a DOI (it points the reader at
  an online copy), ``SR Print(0)`` otherwise.
* ``LA`` is ``zh``/``en``.
"""

from __future__ import annotations

from ..mappings import LANGUAGE_CODES, Field
from ..mappings import refworks as tags
from ..model import Citation, Lang
from ..registry import register_writer
from ..tagged import article_values, join_lines, tag_lines
from .base import Writer


@register_writer
class RefworksWriter(Writer):
    name = "refworks"
    description = "RefWorks tagged format"
    extension = "txt"
    stateless = True
    newline = "\n"

    def write_one(self, citation: Citation, lang: Lang) -> str:
        values: dict[Field, tuple[str, ...]] = article_values(citation, lang)
        values["language"] = (LANGUAGE_CODES[lang],)
        if citation.issued and citation.issued.month:
            values["date"] = (citation.issued.iso(),)
        electronic = "url" in values or "doi" in values
        values["source_type"] = (tags.SOURCE_ELECTRONIC if electronic else tags.SOURCE_PRINT,)
        lines = [(tags.TYPE_TAG, tags.JOURNAL_ARTICLE_TYPE), *tag_lines(tags.JOURNAL_ARTICLE_TAGS, values)]
        return join_lines(lines, tags.LINE_FORMAT, self.newline) + self.newline

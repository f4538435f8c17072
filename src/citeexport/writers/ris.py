"""RIS writer: ``TY  - JOUR`` ... ``ER  - ``, CR LF line ends, one record per article and language.

Choices (evidence in /work/shared/reference/formats.md §1):

* CR LF: the specification requires it ("preceded by a carriage return/line feed
  (ANSI 13 10)"); Zotero writes it; rispy, bibutils and pandoc read it.
* No blank line between records (the specification's reading on Wikipedia); every
  reader also accepts one.
* ``DA`` is ``YYYY/MM/DD`` (``YYYY/MM`` for a month), trailing parts omitted as the
  specification allows; Zotero writes a trailing slash (``2025/01/31/``) but splits on
  ``/`` when reading, so both read the same.  Only the year: no ``DA``, ``PY`` says it.
* ``LA`` is ``zh``/``en`` (:data:`citeexport.mappings.LANGUAGE_CODES`).
* The text is returned as ``str``; the output must be encoded as UTF-8 *without* a BOM
  (rispy reads zero records from a file with one) and written with ``newline=""`` so
  that the CR LF is not doubled on Windows.
"""

from __future__ import annotations

from ..mappings import LANGUAGE_CODES, Field
from ..mappings import ris as tags
from ..model import Citation, Lang
from ..registry import register_writer
from ..tagged import article_values, join_lines, tag_lines
from .base import Writer


@register_writer
class RisWriter(Writer):
    name = "ris"
    description = "RIS (EndNote, Zotero, Mendeley, Reference Manager)"
    extension = "ris"
    stateless = True
    newline = "\r\n"

    def write_one(self, citation: Citation, lang: Lang) -> str:
        values: dict[Field, tuple[str, ...]] = article_values(citation, lang)
        values["language"] = (LANGUAGE_CODES[lang],)
        date = citation.issued
        if date and date.month:
            values["date"] = ("/".join([f"{date.year:04d}", *(f"{part:02d}" for part in (date.month, date.day) if part)]),)
        lines = [
            (tags.TYPE_TAG, tags.JOURNAL_ARTICLE_TYPE),
            *tag_lines(tags.JOURNAL_ARTICLE_TAGS, values),
            (tags.END_TAG, ""),
        ]
        return join_lines(lines, tags.LINE_FORMAT, self.newline)

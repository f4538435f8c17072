"""RefWorks tagged reader: ``RT`` … blank line records, one Citation each, in the record's one language.

The tag table is the writer's (:mod:`citeexport.mappings.refworks`) inverted, plus ``T2``
(Zotero's journal), ``LK`` and ``UR`` (URLs).  Repaired, each with a warning on the
record: lower-case tags (CNKI's ``vo 49``, read as ``VO`` only when it is a known tag, so a
continuation line starting "in …" stays text); several authors in one ``A1`` line;
``;``-joined keywords in one ``K1``; the whole page range in ``OP`` or ``SP`` (CNKI's
``OP 1106-1111+1117``).  ``FD`` is read as ISO (``2025-01-31``, Zotero and the writer) or
as "month day" (``August 12``, the year from ``YR``).  ``SR`` is derived, not read.
"""

from __future__ import annotations

import re

from ..mappings import Field, fields_by_tag
from ..mappings import refworks as tags
from ..model import Citation
from ..registry import register_reader
from ..tagged_input import (
    Dialect,
    TaggedReader,
    TaggedRecord,
    citation_from_values,
    common_parts,
    field_values,
    first_line,
    single,
    split_pages,
)

DIALECT = Dialect(
    name="RefWorks",
    tag_line=re.compile(r"^(?P<tag>[A-Za-z][A-Za-z0-9])(?: (?P<value>.*)|\s*)$"),
    start_tag=tags.TYPE_TAG,
    end_tag=None,
    fields={**fields_by_tag(tags.JOURNAL_ARTICLE_TAGS), **tags.READ_ALIASES},
    ignored_tags=tags.READ_IGNORED,
)


def pages(values: dict[Field, list[str]], warnings: list[str]) -> tuple[str | None, str | None]:
    """``SP`` + ``OP``; a range in either one (CNKI puts it in ``OP``) is split, with a warning."""
    start, other = single(values, "page_first", warnings), single(values, "page_last", warnings)
    if other and not start:
        first, last = split_pages(other)
        if last is not None:
            warnings.append(f"page range in OP without SP: read as pages {first}-{last}")
            return first, last
        return other, None  # "other pages" alone: keep it, in the first slot it prints in
    first, last = split_pages(start)
    if last is not None:
        if other:
            warnings.append(f"SP holds a page range and OP is given too: OP {other!r} kept")
            return first, other
        warnings.append(f"page range in SP: read as pages {first}-{last}")
    return first, other or last


def citation_from_record(record: TaggedRecord) -> Citation:
    warnings = record.warnings
    values = field_values(record, DIALECT)
    parsed = common_parts(values, warnings, pages(values, warnings))
    return citation_from_values(values, DIALECT, parsed, warnings)


@register_reader
class RefworksReader(TaggedReader):
    name = "refworks"
    description = "RefWorks tagged format (RefWorks, Zotero, CNKI)"
    extensions = ("txt", "rwt")
    dialect = DIALECT
    citation_from_record = staticmethod(citation_from_record)

    @classmethod
    def sniff(cls, head: str) -> bool:
        return bool(re.match(r"^RT\s+\S", first_line(head), re.IGNORECASE))

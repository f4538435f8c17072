"""RIS reader: ``TY  - `` … ``ER  - `` records, one Citation each, in the record's one language.

The tag table is the writer's (:mod:`citeexport.mappings.ris`) inverted, plus the 2001
specification's and other exporters' aliases (``T1``, ``A1``, ``JF``, ``N2``, ``Y1``).
Tolerated, each with a warning on the record: several authors in one ``AU`` line; a
journal only in ``JO``/``JA``/``J2`` instead of ``T2``/``JF``; a record without ``ER``;
empty tags; tags the model has no field for.  Silently accepted: one or two spaces
before the hyphen and no space after it (``ER  -``, as editors that strip trailing
blanks leave it), a BOM, CR LF.  Dates: ``DA`` or ``PY``/``Y1`` in the spellings of both
specifications (``2025/01/31/``, ``2025///``).  Pages: ``SP`` + ``EP``, or the whole
range in ``SP`` (EndNote's 2011 export).  An article number in ``C7`` that the writer
also put in the empty page slot is read as the article number only.
"""

from __future__ import annotations

import re

from ..mappings import fields_by_tag
from ..mappings import ris as tags
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
    name="RIS",
    tag_line=re.compile(r"^(?P<tag>[A-Z][A-Z0-9]) {1,2}-(?: (?P<value>.*)|\s*)$"),
    start_tag=tags.TYPE_TAG,
    end_tag=tags.END_TAG,
    fields={**fields_by_tag(tags.JOURNAL_ARTICLE_TAGS), **tags.READ_ALIASES},
    ignored_tags=tags.READ_IGNORED,
)


def journal_name(record: TaggedRecord, warnings: list[str]) -> str | None:
    """``T2`` (or ``JF``), else an abbreviation tag standing in for the full name, with a warning."""
    present = {tag: value for tag, value in reversed(record.tags) if value}
    for tag in tags.JOURNAL_FALLBACK_TAGS:
        if tag in present:
            if DIALECT.fields[tag] != "journal":
                warnings.append(f"no T2 or JF journal name: took the {tag} value {present[tag]!r}")
            return present[tag]
    return None


def citation_from_record(record: TaggedRecord) -> Citation:
    warnings = record.warnings
    values = field_values(record, DIALECT)
    first, last = split_pages(single(values, "page_first", warnings))
    if last is not None and values.get("page_last"):
        warnings.append(f"SP holds a page range and EP is given too: EP {values['page_last'][0]!r} kept")
    last = single(values, "page_last", warnings) or last
    number = single(values, "article_number", warnings)
    if number and first == number and last is None:
        first = None  # the writer's article number in the empty page slot
    parsed = common_parts(values, warnings, (first, last), number=number, journal=lambda: journal_name(record, warnings))
    return citation_from_values(values, DIALECT, parsed, warnings)


@register_reader
class RisReader(TaggedReader):
    name = "ris"
    description = "RIS (EndNote, Zotero, Mendeley, publishers)"
    extensions = ("ris",)
    dialect = DIALECT
    citation_from_record = staticmethod(citation_from_record)

    @classmethod
    def sniff(cls, head: str) -> bool:
        first = first_line(head)
        return bool(DIALECT.tag_line.match(first.rstrip("\r"))) and first.startswith(tags.TYPE_TAG)

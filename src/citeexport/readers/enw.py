"""EndNote tagged (``.enw``) reader: ``%0`` … blank line records, one Citation each, in the record's one language.

The tag table is the writer's (:mod:`citeexport.mappings.enw`) inverted, plus ``%B`` for the
journal.  What MagTech and CNKI exports get wrong is repaired, each with a warning on the
record: all authors in one ``%A`` joined by ``;`` ``；`` ``，`` or ``、``; ``%A`` glued to the
end of the ``%X`` line; ``;``-joined keywords in one ``%K``; the URL in braces or with a
space after ``https:``; an empty ``%R`` padded with spaces; no space after the tag
(``%R10.19462/…``).  A name ending with a comma is an organisation (EndNote's rule, the
writer's spelling).  ``%8`` is read as EndNote writes it (``January 31``, the year from
``%D``) and as MagTech does (``2005-04-25``); ``%P`` holds the whole page range.
"""

from __future__ import annotations

import re

from ..mappings import enw as tags
from ..mappings import fields_by_tag
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

_FIELDS = {**fields_by_tag(tags.JOURNAL_ARTICLE_TAGS), **tags.READ_ALIASES}
#: A known tag right after the end of a Chinese sentence (the line break before it lost, MagTech's
#: ``…育性。%A 刘航``); anywhere else a tag-like ``%G `` is text (``95%A rise``, ``in %T values``, a
#: title ``:%G {``), as EndNote reads it: our own .enw output must read back as written.
_GLUED = re.compile(r"(?<=[。！？；])(" + "|".join(re.escape(tag) for tag in _FIELDS) + r") (?=\S)")

DIALECT = Dialect(
    name="EndNote",
    tag_line=re.compile(r"^(?P<tag>%[0-9A-Z@!#$&()*+,\-./:;<=>?\[\]^_{|}~])(?: ?(?P<value>.*))?$"),
    start_tag=tags.TYPE_TAG,
    end_tag=None,
    fields=_FIELDS,
    glued_tag=_GLUED,
    ignored_tags=tags.READ_IGNORED,
    corporate_comma=True,
)


def citation_from_record(record: TaggedRecord) -> Citation:
    warnings = record.warnings
    values = field_values(record, DIALECT)
    parsed = common_parts(values, warnings, split_pages(single(values, "pages", warnings)))
    return citation_from_values(values, DIALECT, parsed, warnings)


@register_reader
class EnwReader(TaggedReader):
    name = "enw"
    description = "EndNote tagged import format (.enw; MagTech's and CNKI's EndNote exports)"
    extensions = ("enw",)
    dialect = DIALECT
    citation_from_record = staticmethod(citation_from_record)

    @classmethod
    def sniff(cls, head: str) -> bool:
        return first_line(head).startswith(tags.TYPE_TAG)

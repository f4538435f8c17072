"""EndNote XML: EndNote's lossless exchange format (``<xml><records><record>``), read and written.

* :mod:`.table` — reference types (names, numbers, CSL types both ways) and which element holds
  which model field for each type: the data the reader and the writer share.
* :mod:`.records` — the records of an input cut and parsed one at a time (flat memory, safe parsing).
* :mod:`.styles` — ``<style face="…">`` runs and the model's markup.
* :mod:`.reader`, :mod:`.writer`.
"""

from __future__ import annotations

from ...projection import Carries, Mode
from .reader import EndnoteXmlReader
from .table import HELD_TYPES, WRITTEN_TYPES, elements_of
from .writer import EndnoteXmlWriter

#: How each projected field comes back (:mod:`citeexport.projection`), where the type has an element for it.
_MODES: dict[str, Mode] = {
    "title": "one line",
    "authors": "family/given, organisations marked",
    "container_title": "one line",
    "container_title_short": "one line",
    "abstract": "one line",
    "keywords": "split at ; ；",
    "url": "yes",
    "pdf_url": "yes",
    "issued": "yes",
    "volume": "one line",
    "issue": "one line",
    "pages": "first and last page",
    "number": "one line",
    "doi": "yes",
    "issn": "one line",
    "id": "one line",
    "language": "yes",
}
#: The model field (or role) a projected field is.
_MODEL_FIELD = {"authors": "author"}


def carried(csl_type: str) -> dict[str, Mode]:
    """What a record of ``csl_type`` carries: the fields its type has an element for, and its type
    when that reads back as itself."""
    held = elements_of(csl_type)
    row: dict[str, Mode] = {"type": "yes"} if csl_type in HELD_TYPES else {}
    row.update({field: mode for field, mode in _MODES.items() if _MODEL_FIELD.get(field, field) in held or field == "language"})
    return row


CARRIES: Carries = {"*": carried("document"), **{csl: carried(csl) for csl in WRITTEN_TYPES}}

READER = EndnoteXmlReader
WRITER = EndnoteXmlWriter

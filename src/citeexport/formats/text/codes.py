"""GB/T 7714 document type codes (2015 表1 / 2025 表4) and carrier codes, from a CSL item.

The mapping is the inverse of the one the golden cases use (``tests/samples/gbt7714/README.md``):

==========================  =======================================================
code                        CSL item
==========================  =======================================================
M                           ``book``, ``chapter`` (a part of a book: ``[M]//``)
C                           ``book`` + genre ``proceedings``; ``paper-conference``
G                           ``book`` + genre ``compilation``
N / J                       ``article-newspaper`` / ``article-journal``, ``article-magazine``, ``periodical``
D, R, S, P                  ``thesis``, ``report``, ``standard``, ``patent``
DB / DS                     ``dataset`` + genre ``database`` / other ``dataset``
CP, EB                      ``software``; ``webpage``, ``post``, ``post-weblog``
A                           ``document`` with archive data, ``collection``, ``personal_communication``
CM                          ``map``
PP                          ``article`` (a preprint; 2025 only, 2015 has no code: ``[Z]``)
Z                           anything else
==========================  =======================================================

A ``GB/T type: X`` line in ``note`` overrides the type (what the item's source printed).
"""

from __future__ import annotations

import re
from typing import Any

_DIRECT: dict[str, str] = {
    "chapter": "M",
    "paper-conference": "C",
    "article-newspaper": "N",
    "article-journal": "J",
    "article-magazine": "J",
    "periodical": "J",
    "thesis": "D",
    "report": "R",
    "standard": "S",
    "patent": "P",
    "software": "CP",
    "webpage": "EB",
    "post": "EB",
    "post-weblog": "EB",
    "collection": "A",
    "personal_communication": "A",
    "map": "CM",
}
_BOOK_GENRES = {"proceedings": "C", "compilation": "G"}
_OVERRIDE = re.compile(r"^GB/T type:\s*([A-Z]{1,2})\s*$", re.MULTILINE)
#: CSL ``medium`` values -> carrier code (2015 表2, 2025 表5; MM is new in 2025).
MEDIUM_CARRIERS: dict[str, str] = {
    "online": "OL",
    "cd-rom": "CD",
    "cd": "CD",
    "disk": "DK",
    "magnetic tape": "MT",
    "microform": "MM",
}
ARCHIVE_FIELDS = ("archive", "archive_location", "archive-place")


def type_code(item: dict[str, Any], edition: int) -> str:
    """The document type code GB/T 7714 prints for ``item``."""
    override = _OVERRIDE.search(str(item.get("note") or ""))
    if override:
        return override.group(1)
    csl_type = str(item.get("type") or "")
    genre = str(item.get("genre") or "").lower()
    if csl_type == "book":
        return _BOOK_GENRES.get(genre, "M")
    if csl_type == "dataset":
        return "DB" if genre == "database" else "DS"
    if csl_type == "article":
        return "PP" if edition == 2025 else "Z"
    if csl_type in ("document", "manuscript"):
        return "A" if any(item.get(key) for key in ARCHIVE_FIELDS) else "Z"
    return _DIRECT.get(csl_type, "Z")


def medium_carrier(item: dict[str, Any]) -> str | None:
    """The carrier code the item's ``medium`` names (``CD-ROM`` -> ``CD``), else None."""
    medium = str(item.get("medium") or "").strip().lower()
    return MEDIUM_CARRIERS.get(medium)

"""The bundled GB/T 7714 styles as data: edition, citation system and punctuation width.

Each bundled style name has a CSL file in ``styles/<name>.csl`` (rendered by citeproc-py)
and a :class:`GbtProfile` here, which the data preparation (:mod:`.items`) and the fast
renderer (:mod:`.fastpath`) read.  The two must agree; ``tests/formats/text/test_text_fastpath.py``
proves it on every golden case and on generated citations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Edition = Literal[2015, 2025]
System = Literal["numeric", "author-date"]


@dataclass(frozen=True, slots=True)
class Punctuation:
    """The separators that GB/T 7714 puts *before* elements (2015 §7, 2025 §6)."""

    comma: str
    colon: str
    open_paren: str
    close_paren: str


#: 2015 examples and the 2025 "half" variant: ASCII punctuation followed by a space.
HALF = Punctuation(comma=", ", colon=": ", open_paren="(", close_paren=")")
#: The 2025 standard's own examples: full-width ，：（） with no space (8.5.3, 9.3).
FULL = Punctuation(comma="，", colon="：", open_paren="（", close_paren="）")


@dataclass(frozen=True, slots=True)
class GbtProfile:
    name: str
    edition: Edition
    system: System
    punctuation: Punctuation

    @property
    def author_date(self) -> bool:
        return self.system == "author-date"


def _profiles() -> dict[str, GbtProfile]:
    table: list[tuple[str, Edition, System, Punctuation]] = [
        ("gb7714-2015", 2015, "numeric", HALF),
        ("gb7714-2015-author-date", 2015, "author-date", HALF),
        ("gb7714-2025", 2025, "numeric", FULL),
        ("gb7714-2025-author-date", 2025, "author-date", FULL),
        ("gb7714-2025-halfwidth", 2025, "numeric", HALF),
        ("gb7714-2025-author-date-halfwidth", 2025, "author-date", HALF),
    ]
    return {name: GbtProfile(name, edition, system, punct) for name, edition, system, punct in table}


#: Bundled style name -> profile.  ``gb7714-2015`` is the default (WriteOptions.style).
GBT_PROFILES: dict[str, GbtProfile] = _profiles()

#: The words GB/T 7714 prints by item language: after three authors (2015 8.1.2, 2025 7.1.2)
#: and for a missing author in the author-date system (2015 8.1.3, 2025 7.1.3).
ET_AL: dict[str, str] = {"zh": "等", "en": "et al."}
ANONYMOUS: dict[str, str] = {"zh": "佚名", "en": "Anon"}

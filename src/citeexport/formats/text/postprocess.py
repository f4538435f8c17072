"""The last touches on a rendered reference, the same for citeproc-py and the fast path.

* A period that closes an element is not doubled when the element already ends with one
  (``Online Computer Library Center, Inc.`` + ``. `` -> ``Inc. ``; 2015 §7.2 a: one ``.``).
* Runs of white space (from empty affixes) become one space; the ends are stripped.
* Every reference ends with ``.`` (2015 §7.2 a, 2025 §6).
"""

from __future__ import annotations

import re

_DOUBLE_PERIOD = re.compile(r"(?<!\.)\.\.(?=\s|$)")
_SPACES = re.compile(r"[ \t]{2,}")


def finish_reference(text: str) -> str:
    text = _SPACES.sub(" ", text.replace("\n", " ")).strip()
    text = _DOUBLE_PERIOD.sub(".", text)
    if text and not text.endswith("."):
        text += "."
    return text

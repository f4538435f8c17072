"""One line per value: what every line-based output needs from untrusted text.

A value holding a line break would end its field (RIS, EndNote, RefWorks) or split a
reference in two (plain text), letting input forge a record.  :func:`one_line` folds line
breaks of every kind (the set ``str.splitlines`` and XML readers honour) and tabs into one
space, and removes the other control characters, which no reader displays.
"""

from __future__ import annotations

import re

# Every character that some reader treats as the end of a line (str.splitlines' set).
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_FOLD = re.compile(f"[ \\t]*(?:[{_LINE_BREAKS}][ \\t]*)+")
# C0/C1 controls and DEL (tab and line breaks are already gone), the BOM used as a
# zero-width space, lone surrogates (no UTF-8 file can hold them) and the XML non-characters.
_DROP = re.compile("[\x00-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")


_SPECIAL = re.compile(f"[\t{_LINE_BREAKS}\x00-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")


def one_line(value: str) -> str:
    """``value`` as a single line: breaks and tabs become one space, other controls go."""
    # The common case, nothing to replace: every character _SPECIAL names is unprintable
    # (Cc, Cf, Cs, Cn, Zl, Zp), and ``isprintable`` is a cheaper scan than the regex.
    if value.isprintable() or _SPECIAL.search(value) is None:
        return value.strip()
    return _DROP.sub("", _FOLD.sub(" ", value).replace("\t", " ")).strip()

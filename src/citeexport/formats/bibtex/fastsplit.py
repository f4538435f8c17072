"""A fast reading of the plain entries most ``.bib`` files are made of, answered only where it gives
exactly what bibtexparser's splitter and default middleware give; anything else is bibtexparser's.

A plain entry: ``@type{key,`` then ``name = {value}`` or ``name = 2020`` / ``name = jan`` (a bare
word that no ``@string`` defines) separated by commas, an optional trailing comma, ``}`` and
nothing after it but white space.  Values are taken as bibtexparser takes them: the text between
the outer braces, verbatim (braces inside balanced).  :func:`plain_entry` answers None, and the
reader hands the block to bibtexparser, for a quoted value, ``#`` concatenation, a backslash before
a brace or a quote (bibtexparser's escapes), a macro, a repeated field, a parenthesised entry,
``@string``/``@comment``/``@preamble``, text after the entry, or any other shape.
``tests/formats/bibtex/test_bibtex_fastsplit.py`` checks that where it answers, bibtexparser agrees.

Why: bibtexparser's splitter walks every brace, comma and newline through a generator of regex
marks; on ordinary records it was half of the BibTeX reader's time (issue 17).
"""

from __future__ import annotations

import re
from collections.abc import Container

_HEAD = re.compile(r"[ \t]*@([A-Za-z]\w*)[ \t]*\{[ \t]*([^\s,{}()\"=#%\\]+)[ \t]*,")
_FIELD_NAME = r"[A-Za-z][\w\-.:+]*"
_BARE_WORD = r"[A-Za-z0-9][\w\-.:+/]*"
_NAME = re.compile(rf"\s*({_FIELD_NAME})\s*=\s*")
_BARE = re.compile(_BARE_WORD)
_SEPARATOR = re.compile(r"\s*(,?)\s*")
_SPACE = re.compile(r"\s*")
#: One field whose value is a brace group without braces inside or a bare word, and the separator
#: after it: :data:`_NAME`, the value, :data:`_SEPARATOR` in one match (the common field, read the
#: long way otherwise).
_SIMPLE_FIELD = re.compile(rf"\s*({_FIELD_NAME})\s*=\s*(?:\{{([^{{}}]*)\}}|({_BARE_WORD}))\s*(,?)\s*")
_BRACE = re.compile(r"[{}]")
_ESCAPED = re.compile(r"\\[{}\"]")
#: Block types bibtexparser gives meaning to beyond an entry.
SPECIAL_TYPES = frozenset({"string", "comment", "preamble"})


def plain_entry(text: str, macros: Container[str]) -> tuple[str, str, dict[str, str]] | None:
    """(entry type lower case, key, fields by lower-case name) of a plain entry, else None.

    ``macros``: the ``@string`` names defined so far (lower case): a bare word that is one is
    bibtexparser's to resolve.
    """
    if '"' in text or "#" in text or ("\\" in text and _ESCAPED.search(text)):
        return None
    head = _HEAD.match(text)
    if head is None:
        return None
    entry_type = head.group(1).lower()
    if entry_type in SPECIAL_TYPES:
        return None
    fields: dict[str, str] = {}
    position = head.end()
    end = len(text)
    while True:
        simple = _SIMPLE_FIELD.match(text, position)
        if simple is not None:
            key, braced, bare, comma = simple.groups()
            key = key.lower()
            if key in fields or (bare is not None and bare.lower() in macros):
                return None
            fields[key] = braced if bare is None else bare
            position = simple.end()
            if not comma:
                break
            continue
        name = _NAME.match(text, position)
        if name is None:
            break
        key = name.group(1).lower()
        if key in fields:
            return None
        position = name.end()
        if position < end and text[position] == "{":
            close = _closing_brace(text, position)
            if close < 0:
                return None
            fields[key] = text[position + 1 : close]
            position = close + 1
        else:
            bare = _BARE.match(text, position)
            if bare is None or bare.group(0).lower() in macros:
                return None
            fields[key] = bare.group(0)
            position = bare.end()
        separator = _SEPARATOR.match(text, position)
        assert separator is not None  # it matches the empty string
        position = separator.end()
        if not separator.group(1):
            break
    position = _SPACE.match(text, position).end()  # type: ignore[union-attr]  # it matches the empty string
    if position >= end or text[position] != "}" or text[position + 1 :].strip():
        return None
    return entry_type, head.group(2), fields


def _closing_brace(text: str, opening: int) -> int:
    """The index of the brace that closes the one at ``opening``; -1 when none does."""
    depth = 0
    for match in _BRACE.finditer(text, opening):
        depth += 1 if match.group(0) == "{" else -1
        if depth == 0:
            return match.start()
    return -1

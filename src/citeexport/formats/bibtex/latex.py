"""Plain text and source HTML to LaTeX for BibTeX field values: escaping, accents, markup, case protection.

Why a module of its own: every value a BibTeX writer emits must stay inside its braces
whatever the input holds, and must mean the same to BibTeX, biber, pybtex and
bibtexparser.  The rules that guarantee that live here, as data:

* :data:`TEXT_ESCAPES` — the LaTeX specials.  Braces need care: BibTeX (and btparse, so
  biber) count a brace even after a backslash, bibtexparser does not.  A value whose own
  braces balance (``a {b} c``) gets ``\\{``/``\\}``, balanced for every reader and decoded
  everywhere; a value whose braces do not (``a { b``, ``x}``) gets ``{\\textbraceleft}`` /
  ``{\\textbraceright}`` (:data:`UNBALANCED_BRACE_ESCAPES`), since a lone ``\\{`` would end the
  field in one reader and not in another.  Every brace this module emits is thus part of
  a balanced pair for BibTeX, biber, pybtex and bibtexparser alike, so no input can break
  out of its field or open an entry (``}``, ``@article{x,``, ``\\input{…}``, ``%`` all come out
  as inert text).
* :data:`ACCENT_COMMANDS` / :data:`LETTER_COMMANDS` / :data:`ASCII_PUNCTUATION` — the
  ``--ascii`` table (``é`` → ``{\\'e}``), precomputed once and applied by :class:`Escaper`, as
  bibtexparser's ``LatexEncodingMiddleware`` (pylatexenc) is too slow for whole archives.
  Characters outside the table — CJK above all — have no ASCII LaTeX spelling and are
  kept as UTF-8 even with ``--ascii``; a legacy 8-bit BibTeX passes them through as bytes.
* Markup: the model's rich-text subset (``<i>``, ``<sub>``, ``<sup>``, ``<b>``, small caps,
  ``nocase``) becomes commands (:data:`citeexport.markup.LATEX_COMMANDS`) around escaped text.

Title case protection: a word with an upper-case letter after its first character (AAV,
HPV16, RT-qPCR, mRNA, McDonald) or a capitalised word with a digit (E6, Cas9) is wrapped in braces so that styles which lower-case
titles keep it; ordinary capitalised words are left alone and the title as a whole is
never braced (TeX FAQ "Capitalisation in BibTeX").
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from ... import markup

#: LaTeX specials in running text and their escapes (Zotero's choices; see module docstring for braces).
TEXT_ESCAPES: dict[str, str] = {
    "\\": "{\\textbackslash}",
    "{": "\\{",
    "}": "\\}",
    "&": "\\&",
    "%": "\\%",
    "$": "\\$",
    "#": "\\#",
    "_": "\\_",
    "~": "{\\textasciitilde}",
    "^": "{\\textasciicircum}",
}

#: Brace escapes for a value whose braces do not balance (see module docstring).
UNBALANCED_BRACE_ESCAPES: dict[str, str] = {"{": "{\\textbraceleft}", "}": "{\\textbraceright}"}

#: Whitespace that would start a new line (or is invisible layout) folds to one space.
FOLDED_WHITESPACE = "\t\n\r\v\f\x85\u2028\u2029"

#: Combining accents and the LaTeX accent command that puts them on a letter.
ACCENT_COMMANDS: dict[str, str] = {
    "\u0300": "`",  # grave
    "\u0301": "'",  # acute
    "\u0302": "^",  # circumflex
    "\u0303": "~",  # tilde
    "\u0304": "=",  # macron
    "\u0306": "u",  # breve
    "\u0307": ".",  # dot above
    "\u0308": '"',  # diaeresis
    "\u030a": "r",  # ring above
    "\u030b": "H",  # double acute
    "\u030c": "v",  # caron
    "\u0327": "c",  # cedilla
    "\u0328": "k",  # ogonek
}

#: Latin letters that are not base letter + accent, as LaTeX letter commands.
LETTER_COMMANDS: dict[str, str] = {
    "ß": "{\\ss}",
    "æ": "{\\ae}",
    "Æ": "{\\AE}",
    "œ": "{\\oe}",
    "Œ": "{\\OE}",
    "ø": "{\\o}",
    "Ø": "{\\O}",
    "ł": "{\\l}",
    "Ł": "{\\L}",
    "ı": "{\\i}",
}

#: Typographic characters with a well-known ASCII LaTeX spelling (``--ascii`` only).
ASCII_PUNCTUATION: dict[str, str] = {
    "\u2013": "--",  # en dash
    "\u2014": "---",  # em dash
    "\u00a0": "~",  # no-break space
    "\u2026": "{\\ldots}",
}


def _accented_latin_letters() -> dict[str, str]:
    """``é`` → ``{\\'e}`` for every precomposed Latin letter (U+00C0–U+024F) that is one base letter plus one accent."""
    table: dict[str, str] = {}
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        decomposed = unicodedata.normalize("NFD", char)
        if len(decomposed) != 2 or not decomposed[0].isascii() or not decomposed[0].isalpha():
            continue
        command = ACCENT_COMMANDS.get(decomposed[1])
        if command is None:
            continue
        base = decomposed[0]
        # A letter-named accent needs a brace group (``\c{c}``); a symbol accent does not (``\'e``).
        table[char] = f"{{\\{command}{{{base}}}}}" if command.isalpha() else f"{{\\{command}{base}}}"
    return table


#: Everything ``--ascii`` encodes beyond :data:`TEXT_ESCAPES`.
ASCII_ENCODINGS: dict[str, str] = {**_accented_latin_letters(), **LETTER_COMMANDS, **ASCII_PUNCTUATION}


class Escaper:
    """One precomputed escaping table, applied by a regex that stops only at the characters it maps.

    Splitting on a character class runs in C and maps only the specials; ``str.translate`` with
    a dict, or ``re.sub`` with a callback, costs more on abstracts of the generated corpus.
    """

    def __init__(self, mapping: dict[str, str]) -> None:
        self.mapping = mapping
        specials = "".join(re.escape(char) for char in sorted(mapping))
        self.pattern = re.compile(f"([{specials}])")
        # With a TeX ligature in the source (``--``, ``''``, ``````) its second character is
        # matched too, and written after an empty group: ``a-{}-b`` stays two hyphens.  A
        # pattern of its own: the lookbehinds slow every scan down.
        self.ligature_pattern = re.compile(f"([{specials}]|(?<=-)-|(?<=')'|(?<=`)`)")
        self._lookup = {**{char: "{}" + char for char in "-'`"}, **mapping}

    def __call__(self, text: str) -> str:
        pattern = self.ligature_pattern if ("--" in text or "''" in text or "``" in text) else self.pattern
        parts = pattern.split(text)  # text, special, text, special, …, text (one scan; [text] if none)
        if len(parts) == 1:
            out = text
        else:
            lookup = self._lookup
            parts[1::2] = [lookup[char] for char in parts[1::2]]
            out = "".join(parts)
        return _SPACE_RUNS.sub(" ", out) if "  " in out else out


_SPACE_RUNS = re.compile(r"  +")  # not " {2,}": a literal prefix lets ``re`` skip ahead
_CONTROL_CHARACTERS = {chr(code): "" for code in (*range(0x00, 0x20), 0x7F) if chr(code) not in FOLDED_WHITESPACE}
_UTF8 = {**TEXT_ESCAPES, **dict.fromkeys(FOLDED_WHITESPACE, " "), **_CONTROL_CHARACTERS}
_ASCII = {**_UTF8, **ASCII_ENCODINGS}
#: Escapers by (ascii, braces balance).
_ESCAPERS: dict[tuple[bool, bool], Escaper] = {
    (False, True): Escaper(_UTF8),
    (True, True): Escaper(_ASCII),
    (False, False): Escaper({**_UTF8, **UNBALANCED_BRACE_ESCAPES}),
    (True, False): Escaper({**_ASCII, **UNBALANCED_BRACE_ESCAPES}),
}


def braces_balance(text: str) -> bool:
    """True when every ``}`` closes an earlier ``{`` and none stays open (BibTeX's rule).

    The braces are visited in order with ``str.find`` (a C scan; a regex over every character
    of an abstract cost three times as much).
    """
    depth = 0
    opening, closing = text.find("{"), text.find("}")
    while closing != -1:
        if opening != -1 and opening < closing:
            depth += 1
            opening = text.find("{", opening + 1)
        else:
            depth -= 1
            if depth < 0:
                return False
            closing = text.find("}", closing + 1)
    return depth == 0 and opening == -1


def _escaper(visible: str, ascii: bool) -> Escaper:
    """The escaper for one whole value: brace escapes depend on the braces the value shows."""
    return _ESCAPERS[ascii, braces_balance(visible) if "{" in visible or "}" in visible else True]


def escape(text: str, ascii: bool = False) -> str:
    """Text as a LaTeX-safe value: specials escaped, newlines folded, control characters removed.

    With ``ascii`` the Latin letters and punctuation of :data:`ASCII_ENCODINGS` are spelled
    in LaTeX too; anything else non-ASCII (CJK) stays UTF-8.  No HTML handling: see
    :func:`to_latex`.
    """
    balanced = braces_balance(text) if "{" in text or "}" in text else True
    return _ESCAPERS[ascii, balanced](text)


#: A word with an upper-case letter after its first character (AAV, HPV16, RT-qPCR, mRNA, McDonald),
#: or a capitalised word with a digit (E6, Cas9): a style's lower-casing would corrupt it.
#: A tag slot (NUL) separates words like a space.
CASE_SENSITIVE_WORD = re.compile(
    r"(?<![^\s\x00])(?:[^\s\x00][^\s\x00A-ZÀ-ÖØ-Þ]*[A-ZÀ-ÖØ-Þ]|[A-ZÀ-ÖØ-Þ][^\s\x000-9]*[0-9])[^\s\x00]*"
)


#: Anything :func:`to_latex` would change (besides ``--ascii`` letters and case protection).
_NEEDS_WORK = re.compile(r"[\\{}&%$#_~^<\x00-\x1f\x7f\x85\u2028\u2029]|^ | $|  |--|''|``")
#: :data:`_NEEDS_WORK`'s characters: one character class is a fast scan, the alternation is not
#: (:func:`_needs_work` tests the rest with ``in``).
_SPECIAL_CHARACTERS = re.compile(r"[\\{}&%$#_~^<\x00-\x1f\x7f\x85\u2028\u2029]")
_UPPER = re.compile("[A-ZÀ-ÖØ-Þ]")
_DIGIT = re.compile("[0-9]")


def _needs_work(text: str) -> bool:
    """``_NEEDS_WORK.search(text) is not None``, a third of the time (`` $`` is an ending space: a
    newline after it is a special character)."""
    return (
        _SPECIAL_CHARACTERS.search(text) is not None
        or "  " in text
        or "--" in text
        or "''" in text
        or "``" in text
        or text.startswith(" ")
        or text.endswith(" ")
    )


def _may_protect_case(text: str) -> bool:
    """False when :data:`CASE_SENSITIVE_WORD` cannot match (its regex is slow on a long title): each of
    its words needs an upper-case letter after the word's first character, or one with a digit after it.
    A sentence-case title (upper case only at its start, no digit) has neither."""
    first = _UPPER.search(text)
    if first is None:
        return False
    if first.start() == 0 and _UPPER.search(text, 1) is None:
        return _DIGIT.search(text) is not None
    return True


def _protect_case(text: str, escape_text: Escaper) -> str:
    """Escape ``text`` and brace each case-sensitive word (decided on the raw word, before escaping)."""
    pieces: list[str] = []
    position = 0
    for match in CASE_SENSITIVE_WORD.finditer(text):
        pieces.append(escape_text(text[position : match.start()]))
        pieces.append("{" + escape_text(match.group()) + "}")
        position = match.end()
    if not pieces:
        return escape_text(text)
    pieces.append(escape_text(text[position:]))
    return "".join(pieces)


def to_latex(text: str, ascii: bool = False, protect_case: bool = False) -> str:
    """A field value from model text, which holds the CSL rich-text subset (:mod:`citeexport.markup`).

    ``<i>`` → ``\\textit{}``, ``<b>`` → ``\\textbf{}``, ``<sub>`` → ``\\textsubscript{}``, ``<sup>`` →
    ``\\textsuperscript{}``, small caps → ``\\textsc{}``, ``nocase`` → a brace group; every other
    character is text, escaped (a literal ``<`` or ``&`` too).  ``protect_case`` braces
    case-sensitive words (titles).  Platform HTML is the readers' to convert
    (:func:`citeexport.markup.from_html`), not this function's.
    """
    if text.isalnum() and not protect_case and (not ascii or text.isascii()):
        return text  # a number, a word: no special, no space (every character _NEEDS_WORK names is neither)
    if (
        not _needs_work(text)
        and (not ascii or text.isascii())
        and (not protect_case or not _may_protect_case(text) or CASE_SENSITIVE_WORD.search(text) is None)
    ):
        return text  # the common case: nothing to escape, encode or protect
    nodes = markup.parse(text) if "<" in text else (text,)
    if all(isinstance(node, str) for node in nodes):
        escape_text = _escaper(text, ascii)
        out = _protect_case(text, escape_text) if protect_case else escape_text(text)
        return out.strip(" ")
    escaper = _escaper(markup.to_plain(text) or "", ascii)  # the brace escapes follow the braces the value shows

    def escape_piece(piece: str) -> str:
        return _protect_case(piece, escaper) if protect_case else escaper(piece)

    value = markup.render_latex(nodes, escape_piece)
    return (_SPACE_RUNS.sub(" ", value) if "  " in value else value).strip(" ")


#: Characters a URL or DOI may not carry raw inside a braced BibTeX value.
_URL_UNSAFE = re.compile(r"[{}\\\s\x00-\x1f\x7f]|%(?![0-9A-Fa-f]{2})")
_URL_UNSAFE_ASCII = re.compile(r"[{}\\\s\x00-\x1f\x7f]|%(?![0-9A-Fa-f]{2})|[^\x00-\x7f]")


def safe_url(value: str, ascii: bool = False) -> str:
    """A URL or DOI written raw (``_ % ~ #`` untouched, as ``\\url`` and biblatex expect) but inert.

    Braces, backslashes, whitespace and control characters are percent-encoded (UTF-8), so
    the value can neither close its field nor run a macro; a ``%`` that does not start a
    percent-escape becomes ``%25``, so every ``%`` left is part of a valid one; with ``ascii``
    every non-ASCII character is percent-encoded too.
    """
    pattern = _URL_UNSAFE_ASCII if ascii else _URL_UNSAFE
    return pattern.sub(lambda match: quote(match.group(), safe=""), value)

"""BibTeX field values back to model text: LaTeX decoded, markup commands back to the model's rich-text subset.

:func:`decode_latex` is a table-driven decoder whose tables are the BibTeX writer's escape
tables (:mod:`.latex`) inverted, plus common text macros; it agrees with bibtexparser's
``LatexDecodingMiddleware`` (pylatexenc, too slow for whole archives) on every spelling
the writer emits and on the usual Google Scholar / Zotero ones (``{\\"u}``, ``\\&``,
``{\\textasciitilde}``, ``\\'{e}``).  A macro outside those tables that pylatexenc knows
(``\\textdegree``, ``\\texteuro``, ``\\alpha`` …) is looked up in pylatexenc's own table, so
the decoder knows every macro pylatexenc knows, while the common path stays table-driven.

Where it differs from pylatexenc, deliberately (issue 12):

* ``\\textit{x}``/``\\emph{x}``/``{\\em x}`` (and bold, sub/superscript, small caps) become the markup
  the model holds (``<i>x</i>``), as the writer turned that markup into them.
* Math becomes Unicode where it exists: ``$\\beta$`` → ``β``, ``H$_2$O`` → ``H<sub>2</sub>O``,
  ``$^{13}$C`` → ``<sup>13</sup>C``; math with a macro that has no Unicode form is kept as written
  (``$\\frac{a}{b}$``), and said (:attr:`Decoded.kept`).
* ``\\TeX``, ``\\LaTeX``, ``\\BibTeX`` print their names; ``\\~{}`` and ``\\^{}`` the accent itself (``~``).
* A macro nobody knows is kept as written, with its brace arguments (``\\foo{bar}``), never dropped,
  and named in :attr:`Decoded.unknown` (the reader warns).
* With ``nocase``, a brace group that protects letters (``{DNA}``, ``Te{X}niques``) becomes a
  ``nocase`` span, unless it is a word the writer brace-protects anyway (``{AAV}``, ``{HPV16}``: the
  writer's own protection reads back as the plain text it wrote).
* ``\\\\`` and line breaks are a space, as everywhere in BibTeX.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ...markup import LATEX_COMMANDS, Kind, close_tag, open_tag
from .latex import (
    ACCENT_COMMANDS,
    ASCII_PUNCTUATION,
    CASE_SENSITIVE_WORD,
    LETTER_COMMANDS,
    TEXT_ESCAPES,
    UNBALANCED_BRACE_ESCAPES,
)


def _commands(table: dict[str, str]) -> dict[str, str]:
    """Inverse of a writer table, for entries spelled as a command: ``{\\ss}`` -> ``ss``: ``ß``; ``\\&`` -> ``&``: ``&``."""
    out: dict[str, str] = {}
    for char, latex in table.items():
        match = re.fullmatch(r"\{?\\([A-Za-z]+|[^A-Za-z])\}?", latex)
        if match:
            out.setdefault(match.group(1), char)
    return out


#: ``\name`` -> the character it prints: the writer's tables inverted, then common text macros.
SYMBOL_COMMANDS: dict[str, str] = {
    **_commands(TEXT_ESCAPES),
    **_commands(UNBALANCED_BRACE_ESCAPES),
    **_commands(LETTER_COMMANDS),
    **_commands(ASCII_PUNCTUATION),
    "aa": "å",
    "AA": "Å",
    "dots": "…",
    "textendash": "–",
    "textemdash": "—",
    "textquoteleft": "‘",
    "textquoteright": "’",
    "textquotedblleft": "“",
    "textquotedblright": "”",
    "textquotesingle": "'",
    "textquotedbl": '"',
    "textasciigrave": "`",
    "textunderscore": "_",
    "textless": "<",
    "textgreater": ">",
    "textbar": "|",
    "textregistered": "®",
    "texttrademark": "™",
    "textcopyright": "©",
    "copyright": "©",
    "textdegree": "°",
    "pounds": "£",
    "textbullet": "•",
    "TeX": "TeX",
    "LaTeX": "LaTeX",
    "LaTeXe": "LaTeX2ε",
    "BibTeX": "BibTeX",
    "XeTeX": "XeTeX",
    "LuaTeX": "LuaTeX",
    "j": "ȷ",
    " ": " ",
    ",": " ",
    ";": " ",
    "\\": " ",  # a line break
    "-": "",  # a discretionary hyphen
    "/": "",  # an italic correction
    "@": "",  # a space factor hint
}
#: Accent command -> combining character (``\\'`` -> U+0301, ``\\c`` -> U+0327), inverse of the writer's table.
ACCENTS: dict[str, str] = {command: combining for combining, command in ACCENT_COMMANDS.items()} | {"d": "\u0323", "b": "\u0331"}
#: An accent on nothing (``\\~{}``) prints the accent itself.
SPACING_ACCENTS: dict[str, str] = {
    "~": "~", "^": "^", "`": "`", "'": "´", '"': "¨", "=": "¯", ".": "˙", "u": "˘", "v": "ˇ", "H": "˝", "c": "¸", "k": "˛", "r": "˚",
}  # fmt: skip
#: Markup commands -> the kind of markup the model holds (inverse of the writer's table; ``\\emph`` and biblatex's too).
MARKUP: dict[str, Kind] = {command.lstrip("\\"): kind for kind, command in LATEX_COMMANDS.items()} | {
    "emph": "i",
    "textsl": "i",
    "mkbibemph": "i",
    "mkbibitalic": "i",
    "mkbibbold": "b",
    "mkbibsuperscript": "sup",
    "mkbibsubscript": "sub",
    "mathit": "i",
    "mathbf": "b",
}
#: Font declarations: they turn the rest of their group into markup (``{\\em x}``, ``{\\sc x}``).
DECLARATIONS: dict[str, Kind] = {
    "em": "i", "it": "i", "itshape": "i", "sl": "i", "slshape": "i", "bf": "b", "bfseries": "b", "sc": "sc", "scshape": "sc",
}  # fmt: skip
#: Commands whose argument is kept as text.
TRANSPARENT = frozenset(
    {"url", "text", "textrm", "textnormal", "textup", "textmd", "textsf", "texttt", "mbox", "hbox", "mathrm", "mathsf", "mathtt",
     "mathnormal", "ensuremath", "NoCaseChange", "protect", "textnohyphenation", "mkbibquote", "enquote"}
)  # fmt: skip
#: Declarations that change nothing the model holds (``{\\rm x}``).
IGNORED_DECLARATIONS = frozenset({"rm", "normalfont", "upshape", "mdseries", "sf", "tt", "relax", "selectlanguage", "nobreak"})
#: Ligatures of LaTeX's text fonts.
LIGATURES: dict[str, str] = {"---": "—", "--": "–", "``": "“", "''": "”", "~": "\u00a0"}
#: Unicode sub/superscript needs no table here: math sub/superscripts become ``<sub>``/``<sup>`` markup.

_PLAIN = re.compile(r"[^\\{}\-`'~%$]+")
_MATH_END = re.compile(r"(?<!\\)\$")
_LIGATURE = re.compile("|".join(re.escape(lig) for lig in sorted(LIGATURES, key=len, reverse=True)))
_CONTROL = re.compile(r"\\(?:([A-Za-z]+)\s*|(.))", re.DOTALL)
_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")
_DOTLESS = {"ı": "i", "ȷ": "j"}


@lru_cache(maxsize=1)
def _pylatexenc_context() -> Any:
    """pylatexenc's table of macros and what they print (imported on first use: the common path never needs it)."""
    from pylatexenc.latex2text import get_default_latex_context_db

    return get_default_latex_context_db()


@lru_cache(maxsize=4096)
def pylatexenc_text(name: str) -> str | None:
    """What pylatexenc prints for ``\\name`` with no argument, when it knows the macro and it takes none; else None."""
    spec = _pylatexenc_context().get_macro_spec(name)
    replacement = getattr(spec, "simplify_repl", None) if spec is not None else None
    if isinstance(replacement, str) and "%" not in replacement:
        return replacement
    return None


@dataclass
class Decoded:
    """What one decoding met besides text: macros nobody knows (kept as written), math kept as written."""

    unknown: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


class _Decoder:
    def __init__(self, text: str, nocase: bool, notes: Decoded | None) -> None:
        self.text = text
        self.nocase = nocase
        self.notes = notes

    def unknown(self, name: str) -> None:
        if self.notes is not None:
            self.notes.unknown.append("\\" + name)

    def argument(self, i: int) -> tuple[str, int]:
        """The decoded argument of a command at ``i``: a brace group, a command, or one character."""
        text = self.text
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        if i >= len(text):
            return "", i
        if text[i] == "{":
            return self.decode(i + 1, in_group=True, depth=2)
        if text[i] == "\\":
            pieces: list[str] = []
            end = self.command(i, pieces, depth=2)
            return "".join(pieces), end
        return text[i], i + 1

    def command(self, i: int, out: list[str], depth: int) -> int:
        """Decode the command at ``text[i]`` (a backslash) into ``out``; returns the index after it."""
        text = self.text
        match = _CONTROL.match(text, i)
        if match is None:  # a backslash at the very end
            return i + 1
        name = match.group(1) or match.group(2)
        end = match.end()
        if name in ACCENTS:
            argument, end = self.argument(end)
            out.append(_accent(argument, ACCENTS[name], name))
        elif name in SYMBOL_COMMANDS:
            out.append(SYMBOL_COMMANDS[name])
        elif name in MARKUP or name in TRANSPARENT:
            argument, end = self.argument(end) if end < len(text) and text[end] == "{" else ("", end)
            out.append(open_tag(MARKUP[name]) + argument + close_tag(MARKUP[name]) if name in MARKUP else argument)
        elif match.group(2) is not None:
            out.append(name)  # an escaped character with no meaning of its own (\@, \"…)
        elif (known := pylatexenc_text(name)) is not None:
            out.append(known)
        else:
            self.unknown(name)
            out.append("\\" + name)
            while end < len(text) and text[end] == "{":  # its arguments kept with their braces
                argument, end = self.decode(end + 1, in_group=True, depth=depth + 1)
                out.append("{" + argument + "}")
        return end

    def decode(self, i: int, in_group: bool, depth: int) -> tuple[str, int]:
        text = self.text
        out: list[str] = []
        while i < len(text):
            plain = _PLAIN.match(text, i)
            if plain:
                out.append(plain.group())
                i = plain.end()
                continue
            char = text[i]
            if char == "{":
                i = self.group(i, out, depth)
            elif char == "}":
                if in_group:
                    return "".join(out), i + 1
                i += 1  # a stray closing brace
            elif char == "\\":
                declaration = _CONTROL.match(text, i)
                name = declaration.group(1) if declaration else None
                if name in DECLARATIONS or name in IGNORED_DECLARATIONS:
                    rest, i = self.decode(declaration.end() if declaration else i + 1, in_group, depth)
                    kind = DECLARATIONS.get(name or "")
                    out.append(open_tag(kind) + rest + close_tag(kind) if kind and rest.strip() else rest)
                    return "".join(out), i
                i = self.command(i, out, depth)
            elif char == "$":
                i = self.math(i, out)
            elif char == "%":  # a TeX comment runs to the end of the line
                newline = text.find("\n", i)
                i = len(text) if newline == -1 else newline
            else:
                ligature = _LIGATURE.match(text, i)
                if ligature:
                    out.append(LIGATURES[ligature.group()])
                    i = ligature.end()
                else:
                    out.append(char)
                    i += 1
        return "".join(out), i

    def group(self, i: int, out: list[str], depth: int) -> int:
        """A brace group at ``text[i]``: its text, a ``nocase`` span when it protects letters (see module docstring)."""
        content, end = self.decode(i + 1, in_group=True, depth=depth + 1)
        raw = self.text[i + 1 : end - 1]
        protects = (
            self.nocase
            and depth == 1
            and not raw.startswith("\\")
            and any(char.isalpha() for char in content)
            and "<" not in content
            and CASE_SENSITIVE_WORD.fullmatch(content) is None
        )
        out.append(open_tag("nocase") + content + close_tag("nocase") if protects else content)
        return end

    def math(self, i: int, out: list[str]) -> int:
        """``$…$``: Unicode and sub/superscript markup when every piece has them, else kept as written."""
        close = _MATH_END.search(self.text, i + 1)
        end = close.end() if close else len(self.text)
        source = self.text[i:end]
        converted = math_text(source[1:-1] if close else source[1:])
        if converted is None:
            if self.notes is not None:
                self.notes.kept.append(source)
            out.append(source)
        else:
            out.append(converted)
        return end


def _accent(base: str, combining: str, name: str) -> str:
    if not base:
        return SPACING_ACCENTS.get(name, combining)
    first = _DOTLESS.get(base[0], base[0])
    return unicodedata.normalize("NFC", first + combining) + base[1:]


# -- math ---------------------------------------------------------------------------------------

_MATH_TOKEN = re.compile(r"\\([A-Za-z]+)\s*|\\(.)|([_^])|(\{)|(\})|([^\\_^{}])", re.DOTALL)


def math_text(source: str) -> str | None:
    """Inline math as model text (``\\beta`` → ``β``, ``_2`` → ``<sub>2</sub>``), or None when a piece has no Unicode form."""
    try:
        text, end = _math(source, 0, in_group=False)
    except ValueError:
        return None
    return text if end >= len(source) else None


def _math_atom(source: str, i: int) -> tuple[str, int]:
    """One argument in math: a group, a command, or one character (white space skipped)."""
    while i < len(source) and source[i] in " \t\r\n":
        i += 1
    if i >= len(source):
        raise ValueError("a script without an argument")
    if source[i] == "{":
        return _math(source, i + 1, in_group=True)
    piece, end = _math(source, i, in_group=False, single=True)
    return piece, end


def _math(source: str, i: int, in_group: bool, single: bool = False) -> tuple[str, int]:
    out: list[str] = []
    while i < len(source):
        match = _MATH_TOKEN.match(source, i)
        assert match is not None  # the pattern matches any character
        name, symbol, script, opening, closing, char = match.groups()
        i = match.end()
        if closing:
            if in_group:
                return "".join(out), i
            raise ValueError("a stray brace")
        if opening:
            piece, i = _math(source, i, in_group=True)
            out.append(piece)
        elif script:
            piece, i = _math_atom(source, i)
            kind: Kind = "sub" if script == "_" else "sup"
            out.append(open_tag(kind) + piece + close_tag(kind))
        elif name is not None:
            if name in MARKUP or name in TRANSPARENT:
                piece, i = _math_atom(source, i)
                out.append(open_tag(MARKUP[name]) + piece + close_tag(MARKUP[name]) if name in MARKUP else piece)
            elif name in SYMBOL_COMMANDS and name not in ("j",):
                out.append(SYMBOL_COMMANDS[name])
            elif (known := pylatexenc_text(name)) is not None and known.strip():
                out.append(known)
            else:
                raise ValueError(name)
        elif symbol is not None:
            out.append(SYMBOL_COMMANDS.get(symbol, symbol) if symbol not in " ,;!" else " ")
        else:
            out.append(char)
        if single:
            return "".join(out), i
    if in_group:
        raise ValueError("an unclosed group")
    return "".join(out), i


# -- entry points -------------------------------------------------------------------------------


#: What makes a value more than its text, stripped: a character the decoder reads, the first
#: character of a ligature, white space to fold into one space.
_NOT_PLAIN = re.compile("[" + re.escape("\\{}%$" + "".join(sorted({ligature[0] for ligature in LIGATURES}))) + "\t\n\r\f\v]|  ")
#: What only the decoder reads: commands, groups, comments, math.  A value without them holds at
#: most ligatures (``--``, ``~`` …), which :func:`_ligatures` replaces as the decoder would.
_MARKUP = re.compile(r"[\\{}%$]")
#: The escaped characters the decoder prints as themselves (``\\%`` is ``%``): a value whose only
#: markup they are is answered by :func:`_escapes_and_ligatures`.  A backslash the pattern pairs
#: otherwise than the decoder would (``\\\\%``) is left behind, and the value goes to the decoder.
_ESCAPE = re.compile(r"\\([%&_#$])")
#: The ligatures, longest first (the decoder's order: ``---`` before ``--``).
_LIGATURE_ORDER = sorted(LIGATURES, key=len, reverse=True)


def decode_latex(value: str, nocase: bool = False, notes: Decoded | None = None) -> str:
    """A BibTeX field value as model text (the rich-text subset for markup commands); runs of white space become one space.

    ``nocase``: protecting brace groups become ``nocase`` spans (titles).  ``notes``: collects the
    macros nobody knows and the math kept as written, for the reader's warnings.

    Most values are plain text, or plain text with a ligature (``1--3``) or an escaped character
    (``98\\%``): those are answered without the decoder, as it answers them (:func:`decode_fully`; ``tests/formats/bibtex/test_bibtex_fast_paths.py``).
    """
    if is_plain(value):
        return value.strip()
    if _MARKUP.search(value) is None:
        return _WHITESPACE.sub(" ", _ligatures(value)).strip()
    if "\\" in value and _MARKUP.search(_ESCAPE.sub("", value)) is None:
        return _WHITESPACE.sub(" ", _escapes_and_ligatures(value)).strip()
    return decode_fully(value, nocase, notes)


def is_plain(value: str) -> bool:
    """Nothing in ``value`` to decode and no white space to fold (no brace either): it decodes to
    itself, stripped, and so does any part of it."""
    return _NOT_PLAIN.search(value) is None


def decode_fully(value: str, nocase: bool = False, notes: Decoded | None = None) -> str:
    """:func:`decode_latex` by the decoder, whatever the value holds."""
    decoded, _ = _Decoder(value, nocase, notes).decode(0, in_group=False, depth=1)
    return _WHITESPACE.sub(" ", decoded).strip()


def _escapes_and_ligatures(value: str) -> str:
    """``value`` (no markup in it but :data:`_ESCAPE`'s) with its escapes and its ligatures replaced: the
    escaped characters as they are, the ligatures between them (no ligature spans an escape)."""
    pieces = _ESCAPE.split(value)  # text, escaped character, text, …
    pieces[::2] = map(_ligatures, pieces[::2])
    return "".join(pieces)


def _ligatures(value: str) -> str:
    """``value`` (no command, group, comment or math in it) with its ligatures replaced as the decoder
    replaces them, left to right: no two ligatures overlap but ``---`` and ``--``, and the longer is first."""
    for ligature in _LIGATURE_ORDER:
        if ligature in value:
            value = value.replace(ligature, LIGATURES[ligature])
    return value


_URL_ESCAPE = re.compile(r"\\([_%&#~$])")


def decode_url(value: str) -> str:
    """A raw ``url``/``doi`` value: no LaTeX decoding (``_ % ~`` are literal), only ``\\_``-style escapes removed."""
    return _WHITESPACE.sub("", _URL_ESCAPE.sub(r"\1", value))

"""BibTeX field values back to model text: LaTeX decoded, markup commands back to the model's rich-text subset.

:func:`decode_latex` is a table-driven decoder whose tables are the BibTeX writer's escape
tables (:mod:`.latex`) inverted, plus common text macros; it agrees with bibtexparser's
``LatexDecodingMiddleware`` (pylatexenc, too slow for whole archives) on every spelling
the writer emits and on the usual Google Scholar / Zotero ones (``{\\"u}``, ``\\&``,
``{\\textasciitilde}``, ``\\'{e}``).  Two deliberate differences: ``\\textit{x}``/``\\emph{x}``
(and bold, sub/superscript, small caps) become the markup the model holds (``<i>x</i>``), as the
writer turned that markup into them; ``\\\\`` and line breaks are a space, as everywhere in BibTeX.
"""

from __future__ import annotations

import re
import unicodedata

from ...markup import LATEX_COMMANDS, Kind, close_tag, open_tag
from .latex import ACCENT_COMMANDS, ASCII_PUNCTUATION, LETTER_COMMANDS, TEXT_ESCAPES, UNBALANCED_BRACE_ESCAPES


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
    "textregistered": "®",
    "texttrademark": "™",
    "textcopyright": "©",
    "copyright": "©",
    "textdegree": "°",
    "pounds": "£",
    "textbullet": "•",
    "j": "ȷ",
    " ": " ",
    ",": " ",
    ";": " ",
    "\\": " ",  # a line break
    "-": "",  # a discretionary hyphen
    "/": "",  # an italic correction
}
#: Accent command -> combining character (``\\'`` -> U+0301, ``\\c`` -> U+0327), inverse of the writer's table.
ACCENTS: dict[str, str] = {command: combining for combining, command in ACCENT_COMMANDS.items()} | {"d": "\u0323", "b": "\u0331"}
#: Markup commands -> the kind of markup the model holds (inverse of the writer's table; ``\\emph`` too).
MARKUP: dict[str, Kind] = {command.lstrip("\\"): kind for kind, command in LATEX_COMMANDS.items()} | {"emph": "i"}
#: Commands whose argument is kept as text.
TRANSPARENT = frozenset(
    {"url", "text", "textrm", "textnormal", "textup", "textmd", "mbox", "hbox", "mathrm", "NoCaseChange", "protect"}
)
#: Ligatures of LaTeX's text fonts.
LIGATURES: dict[str, str] = {"---": "—", "--": "–", "``": "“", "''": "”", "~": "\u00a0"}

_PLAIN = re.compile(r"[^\\{}\-`'~%$]+")
_SPECIAL = re.compile(r"[\\{}\-`'~%$]")
_MATH_END = re.compile(r"(?<!\\)\$")
_LIGATURE = re.compile("|".join(re.escape(lig) for lig in sorted(LIGATURES, key=len, reverse=True)))
_CONTROL = re.compile(r"\\(?:([A-Za-z]+)\s*|(.))", re.DOTALL)
_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")
_DOTLESS = {"ı": "i", "ȷ": "j"}


def _argument(text: str, i: int) -> tuple[str, int]:
    """The decoded argument of a command at ``i``: a brace group, a command, or one character."""
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    if i >= len(text):
        return "", i
    if text[i] == "{":
        return _decode(text, i + 1, in_group=True)
    if text[i] == "\\":
        pieces: list[str] = []
        end = _command(text, i, pieces)
        return "".join(pieces), end
    return text[i], i + 1


def _accent(base: str, combining: str) -> str:
    if not base:
        return combining
    first = _DOTLESS.get(base[0], base[0])
    return unicodedata.normalize("NFC", first + combining) + base[1:]


def _command(text: str, i: int, out: list[str]) -> int:
    """Decode the command at ``text[i]`` (a backslash) into ``out``; returns the index after it."""
    match = _CONTROL.match(text, i)
    if match is None:  # a backslash at the very end
        return i + 1
    name = match.group(1) or match.group(2)
    end = match.end()
    if name in ACCENTS:
        argument, end = _argument(text, end)
        out.append(_accent(argument, ACCENTS[name]))
    elif name in SYMBOL_COMMANDS:
        out.append(SYMBOL_COMMANDS[name])
    elif name in MARKUP or name in TRANSPARENT:
        argument, end = _argument(text, end) if end < len(text) and text[end] == "{" else ("", end)
        out.append(open_tag(MARKUP[name]) + argument + close_tag(MARKUP[name]) if name in MARKUP else argument)
    elif match.group(2) is not None:
        out.append(name)  # an escaped character with no meaning of its own (\@, \"…)
    return end  # an unknown command word is dropped; its argument, a group, is read as text


def _decode(text: str, i: int, in_group: bool) -> tuple[str, int]:
    out: list[str] = []
    while i < len(text):
        plain = _PLAIN.match(text, i)
        if plain:
            out.append(plain.group())
            i = plain.end()
            continue
        char = text[i]
        if char == "{":
            group, i = _decode(text, i + 1, in_group=True)
            out.append(group)
        elif char == "}":
            if in_group:
                return "".join(out), i + 1
            i += 1  # a stray closing brace
        elif char == "\\":
            i = _command(text, i, out)
        elif char == "$":  # math is kept as written (pylatexenc's verbatim math mode)
            close = _MATH_END.search(text, i + 1)
            end = close.end() if close else len(text)
            out.append(text[i:end])
            i = end
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


def decode_latex(value: str) -> str:
    """A BibTeX field value as model text (the rich-text subset for markup commands); runs of white space become one space."""
    if not _SPECIAL.search(value):
        return _WHITESPACE.sub(" ", value).strip()
    decoded, _ = _decode(value, 0, in_group=False)
    return _WHITESPACE.sub(" ", decoded).strip()


_URL_ESCAPE = re.compile(r"\\([_%&#~$])")


def decode_url(value: str) -> str:
    """A raw ``url``/``doi`` value: no LaTeX decoding (``_ % ~`` are literal), only ``\\_``-style escapes removed."""
    return _WHITESPACE.sub("", _URL_ESCAPE.sub(r"\1", value))

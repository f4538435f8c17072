"""Markup in text fields: the CSL rich-text subset, parsed into a tree and rendered for each format.

The model's text fields hold the subset CSL defines for its input (CSL-JSON "rich text"):

=====================================  ===============  =====================
markup                                  kind             meaning
=====================================  ===============  =====================
``<i>…</i>``                           ``i``            italics
``<b>…</b>``                           ``b``            bold
``<sub>…</sub>``                       ``sub``          subscript
``<sup>…</sup>``                       ``sup``          superscript
``<span style="font-variant:small-caps;">…</span>``  ``sc``  small capitals
``<span class="nocase">…</span>``      ``nocase``       never case-changed
=====================================  ===============  =====================

Exactly these spellings, properly nested: an open tag is markup only when its close tag follows
with everything opened between them closed; any other ``<``, ``>`` or ``&`` is literal text
(``p < 0.05``, ``R&D``, a stray ``</i>``, an unclosed ``<b>``).  So :func:`parse` never fails
and :func:`serialize` gives back the very string parsed: the tree is a lossless view.  As in CSL
itself, a literal text that spells a balanced subset element (``<i>x</i>``) is markup.

Renderers: :func:`to_plain` (tags dropped, text kept), :func:`to_unicode` (plain, with Unicode
sub- and superscripts where every character has one: ``H₂O``, ``Ca²⁺``), :func:`to_html`
(escaped; :func:`from_html` reads it back to the same markup), :func:`render_latex` (commands
around text escaped by the caller's function: the BibTeX writer's escaper).

Readers convert their format's markup into the subset: :func:`from_html` for platform HTML
(entities decoded; ``<I>``, ``<em>``, ``<strong>``, ``<sc>``, styled spans mapped; block
elements become a space; any other tag dropped with its text kept; unclosed elements closed at
the end, stray closing tags ignored).  LaTeX → subset belongs to the BibTeX reader
(:mod:`citeexport.formats.bibtex.latex_decode`), which emits :func:`open_tag`/:func:`close_tag`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, get_args

#: The kinds of markup the subset has.
Kind = Literal["i", "b", "sub", "sup", "sc", "nocase"]
KINDS: tuple[Kind, ...] = get_args(Kind)

#: Each kind's opening tag, as the subset spells it.
OPEN_TAGS: dict[Kind, str] = {
    "i": "<i>",
    "b": "<b>",
    "sub": "<sub>",
    "sup": "<sup>",
    "sc": '<span style="font-variant:small-caps;">',
    "nocase": '<span class="nocase">',
}
#: Each kind's closing tag.
CLOSE_TAGS: dict[Kind, str] = {"i": "</i>", "b": "</b>", "sub": "</sub>", "sup": "</sup>", "sc": "</span>", "nocase": "</span>"}

#: LaTeX commands for the kinds (``nocase`` is a brace group, see :func:`render_latex`).
LATEX_COMMANDS: dict[Kind, str] = {
    "i": "\\textit",
    "b": "\\textbf",
    "sub": "\\textsubscript",
    "sup": "\\textsuperscript",
    "sc": "\\textsc",
}


def open_tag(kind: Kind) -> str:
    return OPEN_TAGS[kind]


def close_tag(kind: Kind) -> str:
    return CLOSE_TAGS[kind]


def wrap(kind: Kind, text: str) -> str:
    """``text`` (already markup) inside one element of ``kind``: ``wrap("i", "x")`` = ``<i>x</i>``."""
    return OPEN_TAGS[kind] + text + CLOSE_TAGS[kind]


@dataclass(frozen=True, slots=True)
class Element:
    """One element of the subset and what it holds."""

    kind: Kind
    children: tuple[Node, ...]


Node = str | Element
Nodes = tuple[Node, ...]

# -- parsing -------------------------------------------------------------------------------------

_OPEN_BY_TAG: dict[str, Kind] = {tag: kind for kind, tag in OPEN_TAGS.items()}
_CLOSE_KINDS: dict[str, tuple[Kind, ...]] = {
    "</i>": ("i",),
    "</b>": ("b",),
    "</sub>": ("sub",),
    "</sup>": ("sup",),
    "</span>": ("sc", "nocase"),
}
_SUBSET_TAG = re.compile(
    "(" + "|".join(re.escape(tag) for tag in sorted({*OPEN_TAGS.values(), *CLOSE_TAGS.values()}, key=len, reverse=True)) + ")"
)


def has_markup(text: str | None) -> bool:
    """Whether ``text`` holds any subset element (cheap: most text has no ``<`` at all)."""
    return text is not None and "<" in text and any(isinstance(node, Element) for node in _walk(parse(text)))


def _walk(nodes: Nodes) -> Iterable[Node]:
    for node in nodes:
        yield node
        if isinstance(node, Element):
            yield from _walk(node.children)


def parse(text: str) -> Nodes:
    """The tree of ``text`` (see the module docstring): text pieces and elements, never an error."""
    if "<" not in text:
        return (text,) if text else ()
    pieces = _SUBSET_TAG.split(text)  # text, tag, text, tag, …, text
    # pair opening and closing tags (positions in ``pieces``: tags at odd indices)
    partner: dict[int, int] = {}
    stack: list[tuple[Kind, int]] = []
    for position in range(1, len(pieces), 2):
        tag = pieces[position]
        kind = _OPEN_BY_TAG.get(tag)
        if kind is not None:
            stack.append((kind, position))
            continue
        kinds = _CLOSE_KINDS[tag]
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] in kinds:
                opened = stack[depth][1]
                partner[opened], partner[position] = position, opened
                del stack[depth:]  # anything opened inside and not closed is literal text
                break
    # build the tree: unpaired tags are text
    root: list[Node] = []
    frames: list[tuple[Kind, list[Node]]] = []
    current = root

    def add_text(piece: str) -> None:
        if not piece:
            return
        if current and isinstance(current[-1], str):
            current[-1] += piece
        else:
            current.append(piece)

    for position, piece in enumerate(pieces):
        if position % 2 == 0 or position not in partner:
            add_text(piece)
        elif partner[position] > position:  # an opening tag
            frames.append((_OPEN_BY_TAG[piece], current))
            current = []
        else:
            kind, parent = frames.pop()
            parent.append(Element(kind, tuple(current)))
            current = parent
    return tuple(root)


def serialize(nodes: Iterable[Node]) -> str:
    """The markup text of a tree (the inverse of :func:`parse`)."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        else:
            out += (OPEN_TAGS[node.kind], serialize(node.children), CLOSE_TAGS[node.kind])
    return "".join(out)


# -- rendering -----------------------------------------------------------------------------------


def _plain(nodes: Iterable[Node]) -> str:
    return "".join(node if isinstance(node, str) else _plain(node.children) for node in nodes)


def to_plain(text: str | None) -> str | None:
    """The text without its markup: ``H<sub>2</sub>O`` -> ``H2O`` (literal ``<``/``&`` kept)."""
    if not text or "<" not in text:
        return text
    return _plain(parse(text))


#: Characters with a Unicode superscript / subscript form (digits, signs, parentheses, a few letters).
SUPERSCRIPTS: dict[str, str] = dict(zip("0123456789+-=()ni\u2212", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ⁻", strict=True))
SUBSCRIPTS: dict[str, str] = dict(zip("0123456789+-=()aehijklmnoprstuvx\u2212", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ₋", strict=True))


def _scripted(text: str, table: dict[str, str]) -> str | None:
    if text and all(char in table for char in text):
        return "".join(table[char] for char in text)
    return None


def _unicode(nodes: Iterable[Node]) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
            continue
        inner = _unicode(node.children)
        if node.kind in ("sub", "sup"):
            inner = _scripted(inner, SUBSCRIPTS if node.kind == "sub" else SUPERSCRIPTS) or inner
        out.append(inner)
    return "".join(out)


def to_unicode(text: str | None) -> str | None:
    """Plain text, with sub/superscripts in Unicode where every character has a form (``H₂O``, ``10⁻³``)."""
    if not text or "<" not in text:
        return text
    return _unicode(parse(text))


def _html(nodes: Iterable[Node]) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(html.escape(node, quote=False))
        else:
            out += (OPEN_TAGS[node.kind], _html(node.children), CLOSE_TAGS[node.kind])
    return "".join(out)


def to_html(text: str | None) -> str | None:
    """HTML: the elements as the subset spells them, literal ``& < >`` escaped (:func:`from_html` inverts it)."""
    if not text:
        return text
    if "<" not in text and "&" not in text and ">" not in text:
        return text
    return _html(parse(text))


def render_latex(nodes: Iterable[Node], escape: Callable[[str], str]) -> str:
    """LaTeX: ``\\textit{…}`` etc., ``nocase`` as a brace group, each text piece through ``escape``."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(escape(node))
        elif node.kind == "nocase":
            out += ("{", render_latex(node.children, escape), "}")
        else:
            out += (LATEX_COMMANDS[node.kind], "{", render_latex(node.children, escape), "}")
    return "".join(out)


# -- platform HTML to the subset --------------------------------------------------------------------

#: HTML elements and the subset kind they become (matched case-insensitively).
HTML_KINDS: dict[str, Kind] = {
    "i": "i",
    "em": "i",
    "var": "i",
    "cite": "i",
    "dfn": "i",
    "b": "b",
    "strong": "b",
    "sub": "sub",
    "sup": "sup",
    "sc": "sc",
    "smallcaps": "sc",
}
#: Elements that separate words: their tags become a space.
HTML_BREAKS = frozenset({"br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "hr"})
#: Elements that have no content and no closing tag.
HTML_VOID = frozenset({"br", "hr", "img", "wbr", "input", "meta", "link", "area", "base", "col", "embed", "source", "track"})

_HTML_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9]*)"
    r"((?:\s+[^\s<>=/\"']+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'<>=]+))?)*)\s*(/?)>"
)
_SMALL_CAPS_STYLE = re.compile(r"font-variant\s*:\s*small-caps", re.IGNORECASE)
_NOCASE_CLASS = re.compile(r"""class\s*=\s*["']?[^"'>]*\bnocase\b""", re.IGNORECASE)


def _span_kind(attributes: str) -> Kind | None:
    if _SMALL_CAPS_STYLE.search(attributes):
        return "sc"
    if _NOCASE_CLASS.search(attributes):
        return "nocase"
    return None


def from_html(text: str | None) -> str | None:
    """Platform HTML as subset markup (see the module docstring); text without ``<`` or ``&`` is returned as is."""
    if not text or ("<" not in text and "&" not in text):
        return text
    root: list[Node] = []
    # open HTML elements: (tag name, kind or None for a dropped element, the parent's children)
    stack: list[tuple[str, Kind | None, list[Node]]] = []
    current = root

    def add_text(piece: str) -> None:
        if not piece:
            return
        piece = html.unescape(piece) if "&" in piece else piece
        if current and isinstance(current[-1], str):
            current[-1] += piece
        else:
            current.append(piece)

    def close_to(depth: int) -> None:
        nonlocal current
        while len(stack) > depth:
            _name, kind, parent = stack.pop()
            if kind is not None:
                parent.append(Element(kind, tuple(current)))
            else:
                parent.extend(current)  # a dropped element's content stays where it was
                _merge_text(parent)
            current = parent

    position = 0
    for match in _HTML_TAG.finditer(text):
        add_text(text[position : match.start()])
        position = match.end()
        closing, name, attributes, self_closing = match.group(1) == "/", match.group(2).lower(), match.group(3), match.group(4)
        if name in HTML_BREAKS:
            add_text(" ")
        if closing:
            depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == name), None)
            if depth is not None:
                close_to(depth)
            continue
        if self_closing or name in HTML_VOID:
            continue
        kind = _span_kind(attributes) if name == "span" else HTML_KINDS.get(name)
        stack.append((name, kind, current))
        current = []
    add_text(text[position:])
    close_to(0)
    return serialize(root)


def _merge_text(nodes: list[Node]) -> None:
    """Join adjacent text pieces in place."""
    index = 1
    while index < len(nodes):
        if isinstance(nodes[index], str) and isinstance(nodes[index - 1], str):
            nodes[index - 1] = nodes[index - 1] + nodes[index]  # type: ignore[operator]
            del nodes[index]
        else:
            index += 1

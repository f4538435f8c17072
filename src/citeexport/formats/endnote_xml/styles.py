"""EndNote's styled text (``<style face="bold italic" font="…" size="…">…</style>`` runs) and the
model's markup (:mod:`citeexport.markup`), both ways.

Faces: ``bold`` ``italic`` ``superscript`` ``subscript`` ``smallcaps`` map to the model's ``b``
``i`` ``sup`` ``sub`` ``sc``; ``normal`` is none; ``underline`` has no markup in the model, so its
text is kept plain with a warning.  Fonts and sizes are the look of a library, not markup: they are
not read, except that text in the Symbol font is said in a warning (EndNote shows its Latin letters
as Greek ones; they are kept as written, as Zotero does).  The model's ``nocase`` (no case change)
has no EndNote face: its text is written plain, with a warning.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from ...markup import Element, Kind, Node, parse, wrap

#: EndNote faces -> model kinds (in the order the writer lists them in a ``face``).
FACES: dict[str, Kind] = {"bold": "b", "italic": "i", "superscript": "sup", "subscript": "sub", "smallcaps": "sc"}
KIND_FACES: dict[Kind, str] = {kind: face for face, kind in FACES.items()}
#: Faces read without markup: ``normal`` is none; ``underline`` has none in the model (warned).
PLAIN_FACES = frozenset({"normal", "plain", "underline"})

UNDERLINE_WARNING = "underlined text kept without its underline (the model has no underline)"
SYMBOL_FONT_WARNING = "text in the Symbol font kept as its letters"
UNKNOWN_FACE_WARNING = "text styles with no markup in the model, kept as plain text"
NOCASE_WARNING = "markup the format cannot hold, written as plain text"


def styled_text(element: ET.Element, warnings: set[str]) -> str:
    """The text of an element whose children are ``style`` runs (or plain text), as model markup.
    Any other child element contributes its text (EndNote writes none).  Literal ``< > &`` stay as
    they are: the model reads them as text unless they spell a subset element (:mod:`citeexport.markup`)."""
    parts: list[str] = [element.text or ""]
    for child in element:
        text = "".join(child.itertext())
        parts.append(_run(text, child.attrib, warnings) if child.tag == "style" else text)
        parts.append(child.tail or "")
    return "".join(parts)


def _run(text: str, attributes: dict[str, str], warnings: set[str]) -> str:
    faces = attributes.get("face", "normal").lower().split()
    if attributes.get("font", "").lower() == "symbol" and text.strip():
        warnings.add(SYMBOL_FONT_WARNING)
    kinds = [FACES[face] for face in faces if face in FACES]
    if "underline" in faces and text.strip():
        warnings.add(UNDERLINE_WARNING)
    unknown = [face for face in faces if face not in FACES and face not in PLAIN_FACES]
    if unknown and text.strip():
        warnings.add(f"{UNKNOWN_FACE_WARNING}: {', '.join(unknown)}")
    if not text.strip():
        return text
    for kind in reversed(kinds):  # bold italic -> <b><i>…</i></b>
        text = wrap(kind, text)
    return text


# -- writing ----------------------------------------------------------------------------------

_STYLE = 'font="default" size="100%"'
#: Characters some reader ends a line at (``str.splitlines``' set that XML allows), written as references.
_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")


def xml_text(value: str) -> str:
    """``value`` as XML character data: ``& < >`` escaped; line ends as references, so a record
    stays one line and a CR is not read as LF (XML's line-end rule)."""
    escaped = escape(value)
    return escaped if escaped.isprintable() else _BREAKS.sub(lambda m: f"&#{ord(m.group())};", escaped)


def xml_attribute(value: str) -> str:
    return quoteattr(value).replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#9;")


def _runs(nodes: Iterable[Node], kinds: tuple[Kind, ...], out: list[tuple[tuple[Kind, ...], str]], lost: set[str]) -> None:
    for node in nodes:
        if isinstance(node, Element):
            if node.kind in KIND_FACES:
                _runs(node.children, (*kinds, node.kind), out, lost)
            else:
                lost.add(node.kind)
                _runs(node.children, kinds, out, lost)
        elif out and out[-1][0] == kinds:
            out[-1] = (kinds, out[-1][1] + node)
        else:
            out.append((kinds, node))


def styled_xml(value: str, lost: set[str]) -> str:
    """The XML content of an element holding ``value`` (model markup): plain escaped text when it
    has no markup, else one ``<style>`` run per stretch of the same faces (as EndNote writes it);
    kinds with no face (``nocase``) are added to ``lost``."""
    if "<" not in value:
        return xml_text(value)
    runs: list[tuple[tuple[Kind, ...], str]] = []
    _runs(parse(value), (), runs, lost)
    if all(not kinds for kinds, _ in runs):
        return xml_text("".join(text for _, text in runs))
    out = []
    for kinds, text in runs:
        face = " ".join(KIND_FACES[kind] for kind in dict.fromkeys(kinds)) or "normal"
        out.append(f'<style face="{face}" {_STYLE}>{xml_text(text)}</style>')
    return "".join(out)

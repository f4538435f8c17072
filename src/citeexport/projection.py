"""What each format carries of the model, as data: for each CSL type, each model field it keeps and how.

A format module declares ``CARRIES`` (a :data:`Carries`): CSL type -> model field -> :data:`Mode`,
with ``"*"`` for every type it has no row of its own for.  A field that is absent is lost by the
writer (or not in the format); a mode says how the field comes back after model -> format ->
model (the projection both sides are compared through).  The round-trip property tests compare
through it (``tests/roundtrip/test_roundtrip.py``) and the README's table is made from it
(:func:`readme_table`), so what the documentation says a format keeps is what is tested.

Example, a format that keeps titles on one line and the type of books only::

    CARRIES = {
        "*": {"title": "one line", "issued": "yes"},
        "book": {"type": "yes", "title": "one line", "issued": "yes", "publisher": "one line"},
    }
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from typing import Any, Literal

from .cjk import has_cjk
from .model import Citation, Lang, Name
from .oneline import one_line

#: How a field comes back (the README's cell text).
Mode = Literal[
    "yes",
    "one line",
    "one line, spaces squeezed",
    "one line, entities decoded",
    "one line, spaces squeezed, entities decoded",
    "family/given, organisations marked",
    "printed whole, organisations unmarked",
    "split at ; ；",
    "split at , ; ， ；",
    "first and last page",
    "in the page slot when there are no pages",
]
#: CSL type (or ``"*"``) -> model field -> mode.
Carries = Mapping[str, Mapping[str, Mode]]
#: Every type without a row of its own.
ANY_TYPE = "*"

_SPACES = re.compile(r" {2,}")


def _line(value: str | None) -> str | None:
    return (one_line(value) or None) if value else None


def _squeezed(value: str | None) -> str | None:
    """What the BibTeX writer keeps of text: one line, runs of spaces made one."""
    folded = _line(value)
    return (_SPACES.sub(" ", folded) or None) if folded else None


def _decoded(value: str | None) -> str | None:
    """What a tagged reader keeps of text: one line, HTML entities decoded (platform HTML: ``&amp;`` is ``&``)."""
    folded = _line(value)
    return (html.unescape(folded) or None) if folded and "&" in folded else folded


def _squeezed_decoded(value: str | None) -> str | None:
    squeezed = _squeezed(value)
    return (html.unescape(squeezed) or None) if squeezed and "&" in squeezed else squeezed


def _split_keywords(separators: str) -> Callable[[tuple[str, ...]], tuple[str, ...]]:
    pattern = re.compile(f"\\s*[{separators}]\\s*")

    def split(keywords: tuple[str, ...]) -> tuple[str, ...]:
        pieces = (piece for keyword in keywords for piece in pattern.split(_SPACES.sub(" ", one_line(keyword))))
        return tuple(piece for piece in pieces if piece)

    return split


def _name_parts(name: Name) -> tuple[str | None, ...]:
    """Family/given, organisations marked; a CJK name (person or organisation) whole, as every format prints it."""
    if name.literal is not None and not has_cjk(name.literal):
        return ("organisation", _line(name.literal))
    if has_cjk(name.whole):
        return ("whole", _line(name.whole))
    return ("person", _line(name.family), _line(name.given))


def _name_whole(name: Name) -> tuple[str | None, ...]:
    """Formats with no organisation marker: the printed name (family/given split where a comma says so)."""
    return ("whole", _line(name.whole))


#: How a field is compared, by mode.
MODES: dict[str, Callable[[Any], Any]] = {
    "yes": lambda value: value,
    "one line": _line,
    "one line, spaces squeezed": _squeezed,
    "one line, entities decoded": _decoded,
    "one line, spaces squeezed, entities decoded": _squeezed_decoded,
    "family/given, organisations marked": lambda names: tuple(_name_parts(n) for n in names),
    "printed whole, organisations unmarked": lambda names: tuple(_name_whole(n) for n in names),
    "split at ; ；": _split_keywords(";；"),
    "split at , ; ， ；": _split_keywords(",;，；"),
    "first and last page": lambda pages: pages,
    "in the page slot when there are no pages": lambda number: number,
}
#: For two formats in a row, the weaker mode of each field wins (later in a tuple = weaker).
WEAKER: tuple[tuple[str, ...], ...] = (
    ("yes", "one line", "one line, spaces squeezed", "one line, spaces squeezed, entities decoded"),
    ("yes", "one line", "one line, entities decoded", "one line, spaces squeezed, entities decoded"),
    ("family/given, organisations marked", "printed whole, organisations unmarked"),
    ("split at ; ；", "split at , ; ， ；"),
)

#: Model fields by what they are read from (a Citation and one of its languages), in the README's order.
FIELDS: dict[str, Callable[[Citation, Lang], Any]] = {
    "type": lambda c, lang: c.type,
    "title": lambda c, lang: c.text(lang).title,
    "authors": lambda c, lang: c.text(lang).authors,
    "container_title": lambda c, lang: c.text(lang).container_title,
    "container_title_short": lambda c, lang: c.text(lang).container_title_short,
    "abstract": lambda c, lang: c.text(lang).abstract,
    "keywords": lambda c, lang: c.text(lang).keywords,
    "url": lambda c, lang: c.text(lang).url,
    "pdf_url": lambda c, lang: c.text(lang).pdf_url,
    "issued": lambda c, lang: c.issued,
    "available_date": lambda c, lang: c.available_date,
    "status": lambda c, lang: c.status,
    "volume": lambda c, lang: c.volume,
    "issue": lambda c, lang: c.issue,
    "pages": lambda c, lang: (c.page_first, c.page_last if c.page_last != c.page_first else None),
    "number": lambda c, lang: c.number,
    "doi": lambda c, lang: c.doi,
    "issn": lambda c, lang: c.issn,
    "eissn": lambda c, lang: c.eissn,
    "cn": lambda c, lang: c.cn,
    "id": lambda c, lang: c.id,
    "language": lambda c, lang: lang,
}


def for_type(carries: Carries, csl_type: str) -> Mapping[str, Mode]:
    """The fields a format carries for records of ``csl_type``."""
    return carries.get(csl_type) or carries.get(ANY_TYPE) or {}


def _weaker(first: str, second: str) -> str:
    if {first, second} == {"one line, spaces squeezed", "one line, entities decoded"}:
        return "one line, spaces squeezed, entities decoded"
    for order in WEAKER:
        if first in order and second in order:
            return max(first, second, key=order.index)
    if first != second and not {first, second} <= {"yes", "first and last page", "in the page slot when there are no pages"}:
        raise ValueError(f"modes {first!r} and {second!r} do not compare")
    return first if first != "yes" else second


def carried_by(carries: list[Mapping[str, Mode]]) -> dict[str, str]:
    """The fields every one of several formats carries (each format's row for one type), with the weakest mode."""
    fields = [field for field in FIELDS if all(field in row for row in carries)]
    out = {}
    for field in fields:
        mode: str = carries[0][field]
        for row in carries[1:]:
            mode = _weaker(mode, row[field])
        out[field] = mode
    return out


def project(citation: Citation, lang: Lang, carried: Mapping[str, str]) -> dict[str, Any]:
    """``citation`` in ``lang`` reduced to what ``carried`` keeps."""
    out = {
        field: MODES[mode](FIELDS[field](citation, lang)) for field, mode in carried.items() if field not in ("pages", "number")
    }
    first, last = FIELDS["pages"](citation, lang)
    if carried.get("number") == "in the page slot when there are no pages":
        first = first or (citation.number if not last else None)
    elif "number" in carried:
        out["number"] = citation.number
    out["pages"] = (_line(first or last), _line(last) if first and last else None)
    return out


def readme_table(carries: Mapping[str, Carries], csl_type: str = ANY_TYPE) -> str:
    """The README's table of what each format carries for ``csl_type``, one column per format."""
    formats = list(carries)
    rows = ["| model field | " + " | ".join(formats) + " |", "|" + "---|" * (len(formats) + 1)]
    for field in FIELDS:
        cells = [for_type(carries[fmt], csl_type).get(field, "—") for fmt in formats]
        rows.append(f"| `{field}` | " + " | ".join(cells) + " |")
    return "\n".join(rows)

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
from typing import Any, Literal, cast

from .cjk import has_cjk
from .model import LOCALIZED_FIELDS, ROLES, Citation, Date, Lang, Name, Role
from .oneline import one_line

#: How a field comes back (the README's cell text).
Mode = Literal[
    "yes",
    "one line",
    "one line, spaces squeezed",
    "family/given/suffix, organisations marked",
    "one line, entities decoded",
    "one line, spaces squeezed, entities decoded",
    "family/given, organisations marked",
    "printed whole, organisations unmarked",
    "printed whole without suffix, organisations unmarked",
    "split at ; ；",
    "split at , ; ， ；",
    "split at ; ；, entities decoded",
    "split at , ; ， ；, entities decoded",
    "first and last page",
    "in the page slot when there are no pages",
    "year and month",
    "one line, entities decoded, the abbreviation when there is none",
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
    return _line(html.unescape(folded)) if folded and "&" in folded else folded  # an entity may be a line break


def _squeezed_decoded(value: str | None) -> str | None:
    squeezed = _squeezed(value)
    return _squeezed(html.unescape(squeezed)) if squeezed and "&" in squeezed else squeezed


def _year_month(date: Date | None) -> Date | None:
    """What classic BibTeX keeps of a date (``year``, ``month``): the start's year and month, or a literal
    as written; no day, season, circa or range end."""
    if date is None or date.literal is not None:
        return date
    return Date(year=date.year, month=date.month)


def _split_keywords(separators: str, decoded: bool = False) -> Callable[[tuple[str, ...]], tuple[str, ...]]:
    """Keywords split at ``separators``, one line each; ``decoded``: HTML entities decoded first (a tagged
    writer prints a keyword's ``&amp;`` as ``&``, and a reader decodes what it reads)."""
    pattern = re.compile(f"\\s*[{separators}]\\s*")

    def split(keywords: tuple[str, ...]) -> tuple[str, ...]:
        if decoded:
            keywords = tuple(html.unescape(keyword) if "&" in keyword else keyword for keyword in keywords)
        pieces = (piece for keyword in keywords for piece in pattern.split(_SPACES.sub(" ", one_line(keyword))))
        return tuple(piece for piece in pieces if piece)

    return split


def _name_parts(name: Name, suffix: bool = False) -> tuple[str | None, ...]:
    """Family/given (particles with them, wherever the reader put them), organisations marked; the
    suffix when the format carries it; a CJK name (person or organisation) whole, as every format prints it."""
    if name.literal is not None and not has_cjk(name.literal):
        return ("organisation", _line(name.literal))
    if has_cjk(name.whole):
        return ("whole", _line(name.whole))
    parts = ("person", _line(name.family_full), _line(name.given_full))
    return (*parts, _line(name.suffix)) if suffix else parts


def _name_whole(name: Name, suffix: bool = True) -> tuple[str | None, ...]:
    """Formats with no organisation marker: the printed name (family/given split where a comma says so)."""
    if not suffix and name.suffix:
        name = name.model_copy(update={"suffix": None})
    return ("whole", _line(name.whole))


#: The name modes by what they keep: (family and given names apart, the suffix).
NAME_MODES: dict[str, tuple[bool, bool]] = {
    "family/given/suffix, organisations marked": (True, True),
    "family/given, organisations marked": (True, False),
    "printed whole, organisations unmarked": (False, True),
    "printed whole without suffix, organisations unmarked": (False, False),
}
#: The keyword modes by what they do: (split at commas too, entities decoded).
KEYWORD_MODES: dict[str, tuple[bool, bool]] = {
    "split at ; ；": (False, False),
    "split at , ; ， ；": (True, False),
    "split at ; ；, entities decoded": (False, True),
    "split at , ; ， ；, entities decoded": (True, True),
}


#: How a field is compared, by mode.
MODES: dict[str, Callable[[Any], Any]] = {
    "yes": lambda value: value,
    "one line": _line,
    "one line, spaces squeezed": _squeezed,
    "family/given/suffix, organisations marked": lambda names: tuple(_name_parts(n, suffix=True) for n in names),
    "one line, entities decoded": _decoded,
    "one line, spaces squeezed, entities decoded": _squeezed_decoded,
    "family/given, organisations marked": lambda names: tuple(_name_parts(n) for n in names),
    "printed whole, organisations unmarked": lambda names: tuple(_name_whole(n) for n in names),
    "printed whole without suffix, organisations unmarked": lambda names: tuple(_name_whole(n, suffix=False) for n in names),
    "split at ; ；": _split_keywords(";；"),
    "split at , ; ， ；": _split_keywords(",;，；"),
    "split at ; ；, entities decoded": _split_keywords(";；", decoded=True),
    "split at , ; ， ；, entities decoded": _split_keywords(",;，；", decoded=True),
    "first and last page": lambda pages: pages,
    "in the page slot when there are no pages": lambda number: number,
    "year and month": _year_month,
}
#: For two formats in a row, the weaker mode of each field wins (later in a tuple = weaker).
WEAKER: tuple[tuple[str, ...], ...] = (
    ("yes", "one line", "one line, spaces squeezed", "one line, spaces squeezed, entities decoded"),
    ("yes", "one line", "one line, entities decoded", "one line, spaces squeezed, entities decoded"),
    ("yes", "year and month"),
)


def _text_field(name: str) -> Callable[[Citation, Lang], Any]:
    return lambda c, lang: getattr(c.text(lang), name)


def _citation_field(name: str) -> Callable[[Citation, Lang], Any]:
    return lambda c, lang: getattr(c, name)


def _role_field(role: Role) -> Callable[[Citation, Lang], Any]:
    return lambda c, lang: c.text(lang).name_list(role)


#: The text fields of a journal article, named first in :data:`FIELDS`.
_JOURNAL_TEXT = frozenset({"title", "container_title", "container_title_short", "abstract", "url", "pdf_url"})
#: Model fields by what they are read from (a Citation and one of its languages), in the README's order.
#: The journal article's fields first, then the other types' (books, chapters, proceedings, theses,
#: reports, patents …), then the name roles other than ``author`` (by CSL role, ``-`` as ``_``).
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
    **{field: _text_field(field) for field in LOCALIZED_FIELDS if field not in _JOURNAL_TEXT},
    **{
        field: _citation_field(field)
        for field in (
            "page",
            "isbn",
            "collection_number",
            "chapter_number",
            "number_of_pages",
            "number_of_volumes",
            "section",
            "version",
            "call_number",
            "accessed",
            "event_date",
            "original_date",
            "submitted",
            "extra",
        )
    },
    **{role.replace("-", "_"): _role_field(role) for role in cast("tuple[Role, ...]", ROLES) if role != "author"},
}
#: The fields that hold names (compared with a name mode).
NAME_FIELDS = frozenset({"authors", *(role.replace("-", "_") for role in ROLES if role != "author")})


def for_type(carries: Carries, csl_type: str) -> Mapping[str, Mode]:
    """The fields a format carries for records of ``csl_type``."""
    return carries.get(csl_type) or carries.get(ANY_TYPE) or {}


_PAGE_SLOT = "in the page slot when there are no pages"
#: The end of a journal's mode when a format reads a journal abbreviation with no journal as the journal (RIS's J2).
OR_ABBREVIATION = ", the abbreviation when there is none"
_TEXT_MODES = frozenset(
    {"yes", "one line", "one line, spaces squeezed", "one line, entities decoded", "one line, spaces squeezed, entities decoded"}
)


def _weaker(first: str, second: str) -> str:
    if first in NAME_MODES and second in NAME_MODES:
        kept = tuple(a and b for a, b in zip(NAME_MODES[first], NAME_MODES[second], strict=True))
        return next(mode for mode, keeps in NAME_MODES.items() if keeps == kept)
    if first in KEYWORD_MODES and second in KEYWORD_MODES:
        does = tuple(a or b for a, b in zip(KEYWORD_MODES[first], KEYWORD_MODES[second], strict=True))
        return next(mode for mode, did in KEYWORD_MODES.items() if did == does)
    if {first, second} == {"one line, spaces squeezed", "one line, entities decoded"}:
        return "one line, spaces squeezed, entities decoded"
    for order in WEAKER:
        if first in order and second in order:
            return max(first, second, key=order.index)
    if _PAGE_SLOT in (first, second) and {first, second} - {_PAGE_SLOT} <= _TEXT_MODES:
        return _PAGE_SLOT  # a number kept as text by one format, in the page slot by the other: in the page slot
    if first != second and not {first, second} <= {"yes", "first and last page", "in the page slot when there are no pages"}:
        raise ValueError(f"modes {first!r} and {second!r} do not compare")
    return first if first != "yes" else second


def carried_by(carries: list[Mapping[str, Mode]]) -> dict[str, str]:
    """The fields every one of several formats carries (each format's row for one type), with the weakest mode.

    The rows are in the order a record goes through the formats: an article number one of them puts
    in the page slot is a page from then on, kept by every later format that keeps pages, whether or
    not it has a place for a number; a journal abbreviation one of them reads as the journal (RIS)
    is the journal only if every format before it keeps the abbreviation."""
    fields = [field for field in FIELDS if all(field in row for row in carries)]
    out = {}
    for field in fields:
        mode: str = carries[0][field].removesuffix(OR_ABBREVIATION)
        for row in carries[1:]:
            mode = _weaker(mode, row[field].removesuffix(OR_ABBREVIATION))
        out[field] = mode
    if "container_title" in out and any(
        row["container_title"].endswith(OR_ABBREVIATION) and all("container_title_short" in before for before in carries[:index])
        for index, row in enumerate(carries)
    ):
        out["container_title"] += OR_ABBREVIATION
    number = _number_through(carries)
    if number is None:
        out.pop("number", None)
    else:
        out["number"] = number
    return out


def _number_through(carries: list[Mapping[str, Mode]]) -> str | None:
    """How an article number comes back through several formats in a row (None: lost)."""
    mode: str | None = carries[0].get("number") if carries else None
    for row in carries[1:]:
        if mode is None:
            return None
        if mode == _PAGE_SLOT:
            mode = mode if "pages" in row else None  # a page now
        else:
            found = row.get("number")
            mode = _weaker(mode, found) if found is not None else None
    return mode


def project(citation: Citation, lang: Lang, carried: Mapping[str, str]) -> dict[str, Any]:
    """``citation`` in ``lang`` reduced to what ``carried`` keeps."""
    out = {
        field: MODES[mode.removesuffix(OR_ABBREVIATION)](FIELDS[field](citation, lang))
        for field, mode in carried.items()
        if field not in ("pages", "number")
    }
    mode = carried.get("container_title", "")
    if mode.endswith(OR_ABBREVIATION) and out["container_title"] is None:
        out["container_title"] = MODES[mode.removesuffix(OR_ABBREVIATION)](citation.text(lang).container_title_short)
    first, last = FIELDS["pages"](citation, lang)
    in_page_slot = carried.get("number") == "in the page slot when there are no pages"
    if in_page_slot:
        first = first or (citation.number if not last else None)
    elif "number" in carried:
        out["number"] = citation.number
    if "pages" in carried:  # (a format of the chain with no pages field: the page slot is not compared)
        out["pages"] = (_line(first or last), _line(last) if first and last else None)
    return out


def readme_table(carries: Mapping[str, Carries], csl_type: str = ANY_TYPE) -> str:
    """The README's table of what each format carries for ``csl_type``, one column per format; the
    fields no format carries are named in one line under it."""
    formats = list(carries)
    rows = ["| model field | " + " | ".join(formats) + " |", "|" + "---|" * (len(formats) + 1)]
    nowhere = []
    for field in FIELDS:
        cells = [for_type(carries[fmt], csl_type).get(field, "—") for fmt in formats]
        if all(cell == "—" for cell in cells):
            nowhere.append(f"`{field}`")
            continue
        rows.append(f"| `{field}` | " + " | ".join(cells) + " |")
    if nowhere:
        rows += ["", "Carried by no format: " + ", ".join(nowhere) + "."]
    return "\n".join(rows)


def readme_types_table(carries: Mapping[str, Carries], types: tuple[str, ...]) -> str:
    """The README's table of the CSL types each format keeps (``yes``: the type comes back as itself)."""
    formats = list(carries)
    rows = ["| CSL type | " + " | ".join(formats) + " |", "|" + "---|" * (len(formats) + 1)]
    for csl_type in types:
        cells = ["yes" if "type" in for_type(carries[fmt], csl_type) else "—" for fmt in formats]
        rows.append(f"| `{csl_type}` | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def fields_by_type_document(carries: Mapping[str, Carries], types: tuple[str, ...]) -> str:
    """``docs/carries.md``: for each format, each CSL type and the model fields it keeps through the
    format (``type`` first when the type comes back as itself); made from ``CARRIES``, as the README's tables."""
    out = [
        "# What each format carries, by CSL type",
        "",
        "Made from each format's `CARRIES` by `projection.fields_by_type_document`; `tests/roundtrip/test_roundtrip.py`",
        "checks this file is what they say and round-trips one record of every type with every field through every",
        "pair of formats against it.  A field not listed for a type is named in the writer's warning when a record has it.",
        "How each field is compared (one line, names, keywords …): the README's table for journal articles.",
    ]
    for fmt, rows in carries.items():
        out += ["", f"## {fmt}", "", "| CSL type | fields kept |", "|---|---|"]
        for csl_type in types:
            kept = [field for field in FIELDS if field in for_type(rows, csl_type)]
            out.append(f"| `{csl_type}` | " + ", ".join(f"`{field}`" for field in kept) + " |")
    return "\n".join(out) + "\n"

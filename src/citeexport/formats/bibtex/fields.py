"""How the model becomes entry fields, per dialect: one table of slots (:data:`SLOTS`), data the writer
follows and from which what each dialect carries (``CARRIES``) is derived, so the two cannot disagree.

A :class:`Slot` names an entry field (or several, the first the entry type may hold wins: a
publisher is ``publisher`` in a book, ``school`` in a classic thesis, ``institution`` in a report),
the model field it holds, how that field comes back (:data:`citeexport.projection.Mode`) and how its
value is made.  A slot is used for an entry type when its dialect's data model lets the type hold
the field (:mod:`.datamodel`) and the slot's own condition on the type holds.  A model field no
slot of an entry's type takes is warned about by the writer, never dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from ...model import CSL_TYPES, Citation, Date, Lang, LocalizedText, Name, Role
from ...projection import Carries, Mode
from ...values import language_code
from .datamodel import biblatex_allows, bibtex_allows
from .latex import safe_url, to_latex
from .tables import (
    BIBLATEX_SUBTYPES,
    BIBLATEX_TYPES,
    BIBTEX_TYPES,
    ENTRY_TYPES,
    ISSUE_NUMBER_TYPES,
    NUMBERED_TYPES,
    TYPE_KEYS,
    Dialect,
    genre_type_key,
    thesis_entry_type,
)

#: Bare BibTeX month macros, by month number.
MONTH_MACROS: dict[int, str] = dict(
    enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
)

#: ``langid`` values (babel/polyglossia language names, what biblatex reads) per language; a language
#: not listed is written as biblatex ``language`` (its BCP 47 code).
LANGIDS: dict[Lang, str] = {
    "zh": "chinese",
    "en": "english",
    "ja": "japanese",
    "ko": "korean",
    "de": "german",
    "fr": "french",
    "ru": "russian",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "pl": "polish",
    "sv": "swedish",
    "da": "danish",
    "fi": "finnish",
    "cs": "czech",
    "hu": "magyar",
    "el": "greek",
    "tr": "turkish",
    "la": "latin",
}

NAME_SEPARATOR = " and "
_NAMES: Mode = "family/given/suffix, organisations marked"
_TEXT: Mode = "one line, spaces squeezed"


class Entry(NamedTuple):
    """What a slot's value is made from: one language of one citation, and the entry it goes into (a
    named tuple: one is made per entry, and a frozen dataclass costs more to make)."""

    citation: Citation
    text: LocalizedText
    lang: Lang
    entry_type: str
    ascii: bool


@dataclass(frozen=True)
class Slot:
    """One entry field (the first of ``fields`` the entry type may hold) made from one model field."""

    fields: tuple[str, ...]
    #: The model field, as :data:`citeexport.projection.FIELDS` names it (the CARRIES key).
    carries: str
    mode: Mode
    #: The model fields the value is made of, as the writer's warnings name them.
    model: tuple[str, ...]
    value: Callable[[Entry], str | None]
    #: The dialects that have the slot.
    dialects: tuple[Dialect, ...] = ("bibtex", "biblatex")
    #: The entry types the slot is for (None: every type whose data model has the field).
    when: Callable[[str], bool] | None = None
    #: Written without braces (a month macro).
    bare: bool = False


def format_name(name: Name, ascii: bool) -> str:
    """One name as BibTeX reads it: ``von Last, Jr, First`` (``van Gogh, Vincent``,
    ``King, Jr., Martin Luther``); CJK whole; organisations braced."""
    if name.literal is not None:
        return "{" + to_latex(name.literal, ascii) + "}"
    if name.is_cjk:
        whole = to_latex((name.family or "") + (name.given or ""), ascii)  # Name.whole of a CJK name
        return "{" + whole + "}" if _needs_braces(whole) or " " in whole else whole
    family, given, suffix = (_name_part(value, ascii) for value in (name.family, name.given, name.suffix))
    dropping, non_dropping = name.dropping_particle, name.non_dropping_particle
    particles = " ".join(to_latex(p, ascii) for p in (dropping, non_dropping) if p) if dropping or non_dropping else ""
    last = " ".join(part for part in (particles, family) if part)
    if suffix and last:
        return f"{last}, {suffix}, {given}".rstrip() if given else f"{last}, {suffix}, {{}}"
    if last and given:
        return f"{last}, {given}"
    return last or "{" + given + "}"


def _name_part(value: str | None, ascii: bool) -> str:
    """A family name, given names or suffix in LaTeX, braced when BibTeX would split it; ``""`` for none."""
    if not value:
        return ""
    part = to_latex(value, ascii)
    return "{" + part + "}" if _needs_braces(part) else part


def _needs_braces(part: str) -> bool:
    """A name part BibTeX would split: it holds a comma or a stand-alone ``and`` (which only a part
    holding ``and`` in some case can: the test of every word is for those)."""
    return "," in part or ("and" in part.lower() and any(word.lower() == "and" for word in part.split()))


def format_pages(citation: Citation, ascii: bool = False) -> str | None:
    """``1--3`` (the en dash is ours, the page numbers are escaped); a page text that is no range as written."""
    if citation.page:
        return to_latex(citation.page, ascii)
    if citation.page_first and citation.page_last and citation.page_first != citation.page_last:
        return f"{to_latex(citation.page_first, ascii)}--{to_latex(citation.page_last, ascii)}"
    single = citation.page_first or citation.page_last
    return to_latex(single, ascii) if single else None


def year_value(issued: Date | None, ascii: bool) -> str | None:
    """Classic ``year``: the year (``-876`` BCE), or a literal date as written (``n.d.``)."""
    if issued is None:
        return None
    if issued.literal is not None:
        return to_latex(issued.literal, ascii)
    return str(issued.year)


def date_value(date: Date | None, ascii: bool) -> str | None:
    """biblatex's EDTF date (``2025-01-31``, ``1900~``, ``2004-21`` spring, ``2001-03/2001-05``); a
    season in words as its year; a literal as written (for ``year``, see :data:`SLOTS`)."""
    if date is None or date.literal is not None:
        return None
    return date.edtf() or date.iso()


def _literal(date: Date | None, ascii: bool) -> str | None:
    return to_latex(date.literal, ascii) if date is not None and date.literal is not None else None


def _text(name: str, protect_case: bool = False) -> Callable[[Entry], str | None]:
    def value(entry: Entry) -> str | None:
        text = getattr(entry.text, name)
        return to_latex(text, entry.ascii, protect_case=protect_case) if text else None

    return value


def _number(name: str) -> Callable[[Entry], str | None]:
    def value(entry: Entry) -> str | None:
        number = getattr(entry.citation, name)
        return to_latex(number, entry.ascii) if number else None

    return value


def _names(role: Role) -> Callable[[Entry], str | None]:
    def value(entry: Entry) -> str | None:
        names = entry.text.name_list(role)
        return (NAME_SEPARATOR.join([format_name(name, entry.ascii) for name in names]) or None) if names else None

    return value


def _date(name: str) -> Callable[[Entry], str | None]:
    return lambda entry: (
        date_value(getattr(entry.citation, name), entry.ascii) or _literal(getattr(entry.citation, name), entry.ascii)
    )


def _genre(dialect: Dialect) -> Callable[[Entry], str | None]:
    """``type``: the genre; biblatex's localisation key where the genre is exactly its text (``PhD thesis`` → ``phdthesis``)."""

    def value(entry: Entry) -> str | None:
        genre = entry.text.genre
        if not genre:
            return None
        key = genre_type_key(genre) if dialect == "biblatex" else None
        return key if key and TYPE_KEYS[key] == genre else to_latex(genre, entry.ascii)

    return value


def _number_in_page_slot(entry: Entry) -> str | None:
    """Classic BibTeX: an article number in ``pages`` when there are none (GB/T 7714 prints it there)."""
    citation = entry.citation
    has_pages = citation.page or citation.page_first or citation.page_last
    return to_latex(citation.number, entry.ascii) if citation.number and not has_pages else None


def _month(entry: Entry) -> str | None:
    issued = entry.citation.issued
    return MONTH_MACROS.get(issued.month) if issued is not None and issued.month else None


def _language(entry: Entry) -> str | None:
    return language_code(entry.lang)


def _keywords(entry: Entry) -> str | None:
    return ", ".join(to_latex(keyword, entry.ascii) for keyword in entry.text.keywords) or None


def _url(name: str) -> Callable[[Entry], str | None]:
    def value(entry: Entry) -> str | None:
        url = getattr(entry.text, name) if name == "url" else getattr(entry.citation, name)
        return safe_url(url, entry.ascii) if url else None

    return value


def _journal(entry_type: str) -> bool:
    return entry_type in ISSUE_NUMBER_TYPES


_BOTH: tuple[Dialect, ...] = ("bibtex", "biblatex")
_CLASSIC: tuple[Dialect, ...] = ("bibtex",)
_BIBLATEX: tuple[Dialect, ...] = ("biblatex",)

#: Every slot of both dialects, in output order.
# fmt: off
SLOTS: tuple[Slot, ...] = (
    Slot(("author",), "authors", _NAMES, ("author",), _names("author")),
    Slot(("editor",), "editor", _NAMES, ("editor",), _names("editor")),
    Slot(("translator",), "translator", _NAMES, ("translator",), _names("translator")),
    Slot(("bookauthor",), "container_author", _NAMES, ("container-author",), _names("container-author"), _BIBLATEX),
    Slot(("title",), "title", _TEXT, ("title",), _text("title", protect_case=True)),
    Slot(("subtitle",), "subtitle", _TEXT, ("subtitle",), _text("subtitle", protect_case=True), _BIBLATEX),
    Slot(("shorttitle",), "title_short", _TEXT, ("title_short",), _text("title_short", protect_case=True), _BIBLATEX),
    Slot(("journal",), "container_title", _TEXT, ("container_title",), _text("container_title"), _CLASSIC),
    Slot(("journaltitle",), "container_title", _TEXT, ("container_title",), _text("container_title"), _BIBLATEX),
    Slot(("booktitle",), "container_title", _TEXT, ("container_title",), _text("container_title", protect_case=True)),
    Slot(("shortjournal",), "container_title_short", _TEXT, ("container_title_short",), _text("container_title_short"),
         _BIBLATEX),
    Slot(("eventtitle",), "event_title", _TEXT, ("event_title",), _text("event_title", protect_case=True), _BIBLATEX),
    Slot(("venue",), "event_place", _TEXT, ("event_place",), _text("event_place"), _BIBLATEX),
    Slot(("eventdate",), "event_date", "yes", ("event_date",), _date("event_date"), _BIBLATEX),
    Slot(("series",), "collection_title", _TEXT, ("collection_title",), _text("collection_title", protect_case=True)),
    Slot(("year",), "issued", "year and month", ("issued",), lambda e: year_value(e.citation.issued, e.ascii),
         _CLASSIC),
    Slot(("month",), "issued", "year and month", ("issued",), _month, _CLASSIC, bare=True),
    Slot(("date",), "issued", "yes", ("issued",), lambda e: date_value(e.citation.issued, e.ascii), _BIBLATEX),
    Slot(("year",), "issued", "yes", ("issued",), lambda e: _literal(e.citation.issued, e.ascii), _BIBLATEX),
    Slot(("origdate",), "original_date", "yes", ("original_date",), _date("original_date"), _BIBLATEX),
    Slot(("edition",), "edition", _TEXT, ("edition",), _text("edition")),
    Slot(("volume",), "volume", _TEXT, ("volume",), _number("volume")),
    Slot(("volumes",), "number_of_volumes", _TEXT, ("number_of_volumes",), _number("number_of_volumes"), _BIBLATEX),
    Slot(("number",), "issue", _TEXT, ("issue",), _number("issue"), when=_journal),
    Slot(("number",), "number", _TEXT, ("number",), _number("number"), when=lambda t: t in NUMBERED_TYPES),
    Slot(("number",), "collection_number", _TEXT, ("collection_number",), _number("collection_number"),
         when=lambda t: not _journal(t) and t not in NUMBERED_TYPES),
    Slot(("pages",), "pages", "first and last page", ("page_first", "page_last", "page"), lambda e: format_pages(e.citation, e.ascii)),
    Slot(("pages",), "number", "in the page slot when there are no pages", ("number",), _number_in_page_slot, _CLASSIC,
         when=_journal),
    Slot(("eid",), "number", _TEXT, ("number",), _number("number"), _BIBLATEX, when=lambda t: t not in NUMBERED_TYPES),
    Slot(("chapter",), "chapter_number", _TEXT, ("chapter_number",), _number("chapter_number")),
    Slot(("pagetotal",), "number_of_pages", _TEXT, ("number_of_pages",), _number("number_of_pages"), _BIBLATEX),
    Slot(("publisher", "school", "institution", "organization", "howpublished"), "publisher", _TEXT, ("publisher",),
         _text("publisher")),
    Slot(("address",), "publisher_place", _TEXT, ("publisher_place",), _text("publisher_place"), _CLASSIC),
    Slot(("location",), "publisher_place", _TEXT, ("publisher_place",), _text("publisher_place"), _BIBLATEX,
         when=lambda t: t != "patent"),
    Slot(("location",), "authority", _TEXT, ("authority",), _text("authority"), _BIBLATEX, when=lambda t: t == "patent"),
    Slot(("type",), "genre", _TEXT, ("genre",), _genre("bibtex"), _CLASSIC),
    Slot(("type",), "genre", _TEXT, ("genre",), _genre("biblatex"), _BIBLATEX),
    Slot(("version",), "version", _TEXT, ("version",), _number("version"), _BIBLATEX),
    Slot(("pubstate",), "status", _TEXT, ("status",), _number("status"), _BIBLATEX),
    Slot(("isbn",), "isbn", _TEXT, ("isbn",), _number("isbn")),
    Slot(("issn",), "issn", "yes", ("issn",), _number("issn")),
    Slot(("doi",), "doi", "yes", ("doi",), _url("doi")),
    Slot(("url",), "url", "yes", ("url",), _url("url")),
    Slot(("urldate",), "accessed", "yes", ("accessed",), _date("accessed")),
    Slot(("note",), "note", _TEXT, ("note",), _text("note")),
    Slot(("abstract",), "abstract", _TEXT, ("abstract",), _text("abstract")),
    Slot(("keywords",), "keywords", "split at , ; ， ；", ("keywords",), _keywords),
    Slot(("language",), "language", "yes", (), _language, _CLASSIC),
    Slot(("langid",), "language", "yes", (), lambda e: LANGIDS.get(e.lang), _BIBLATEX),
    Slot(("language",), "language", "yes", (), lambda e: None if e.lang in LANGIDS else language_code(e.lang), _BIBLATEX),
)
# fmt: on

#: CSL roles biblatex has an editor type for (``editora`` … with ``editoratype``), and the type's key:
#: the keys biblatex's standard styles print (``english.lbx``); the reader reads them back.
EDITOR_TYPE_KEYS: dict[Role, str] = {
    "compiler": "compiler",
    "director": "director",
    "organizer": "organizer",
    "contributor": "collaborator",
}
_EDITOR_SLOTS = ("editora", "editorb", "editorc")


def editor_slots(entry: Entry) -> list[tuple[str, str, str, Role]]:
    """biblatex ``editora``–``editorc``: (field, names, editor type key, role) for each role of the entry's
    text that biblatex has an editor type for, at most three (the rest are warned about by the writer)."""
    if not biblatex_allows(entry.entry_type, "editora"):
        return []
    roles = [role for role in EDITOR_TYPE_KEYS if entry.text.name_list(role)]
    return [
        (slot, _names(role)(entry) or "", EDITOR_TYPE_KEYS[role], role) for slot, role in zip(_EDITOR_SLOTS, roles, strict=False)
    ]


_ALLOWS: dict[Dialect, Callable[[str, str], bool]] = {"bibtex": bibtex_allows, "biblatex": biblatex_allows}


@cache
def slots_for(dialect: Dialect, entry_type: str) -> tuple[tuple[str, Slot], ...]:
    """The slots an ``@entry_type`` of ``dialect`` is made of, each with the entry field it writes, in output order."""
    out = []
    for slot in SLOTS:
        if dialect not in slot.dialects or (slot.when is not None and not slot.when(entry_type)):
            continue
        field = next((name for name in slot.fields if _ALLOWS[dialect](entry_type, name)), None)
        if field is not None:
            out.append((field, slot))
    return tuple(out)


def entry_type_for(csl_type: str, genre: str | None, dialect: Dialect) -> str:
    """The entry type a CSL type is written as (``misc`` for a type the dialect has none for)."""
    if dialect == "bibtex":
        entry_type = BIBTEX_TYPES.get(csl_type, "misc")
        return thesis_entry_type(genre) if entry_type == "phdthesis" else entry_type
    return BIBLATEX_TYPES.get(csl_type, "misc")


def keeps_type(csl_type: str, dialect: Dialect) -> bool:
    """Whether a CSL type comes back as itself from its entry type (and biblatex ``entrysubtype``)."""
    entry_type = entry_type_for(csl_type, None, dialect)
    if dialect == "biblatex" and csl_type in BIBLATEX_SUBTYPES:
        return True
    return ENTRY_TYPES.get(entry_type) == csl_type


#: Classic BibTeX: a thesis with no genre is written ``@phdthesis``, which reads back as a PhD thesis.
_GENRE_IMPLIED = frozenset({"phdthesis", "mastersthesis"})


def carries(dialect: Dialect) -> Carries:
    """What ``dialect`` carries per CSL type, derived from :data:`SLOTS` and the data model."""
    rows: dict[str, dict[str, Mode]] = {}
    for csl_type in (*CSL_TYPES, "*"):
        entry_type = entry_type_for(csl_type, None, dialect)
        row: dict[str, Mode] = {"type": "yes"} if csl_type != "*" and keeps_type(csl_type, dialect) else {}
        for _, slot in slots_for(dialect, entry_type):
            row.setdefault(slot.carries, slot.mode)
        if dialect == "bibtex" and entry_type in _GENRE_IMPLIED:
            row.pop("genre", None)
        rows[csl_type] = row
    return rows

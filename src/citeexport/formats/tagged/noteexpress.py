"""NoteExpress tagged format (``.net``; CNKI's, Wanfang's, VIP's and yiigle's "NoteExpress" export): reader and writer.

Every line is ``{Field Name}: value``; a record starts with ``{Reference Type}: Journal Article``
(the NoteExpress type name) and runs to the next ``{Reference Type}:`` line.  A field's meaning
depends on the type, as in EndNote, whose generic field names NoteExpress uses: ``{Secondary
Title}`` is the conference of a conference paper, the newspaper of a newspaper article and the
book of a book section; ``{Tertiary Author}`` is a thesis's supervisor.  :data:`TYPES` and
:data:`TYPE_FIELDS` hold that, as data the reader inverts and the writer follows.

Reading, as the exporters write it (``tests/samples/cnki/noteexpress``, ``tests/samples/wanfang``):

* blank lines between records (one, two, or none: a record starts at each ``{Reference Type}:``)
  and inside a record (CNKI's ``{Author Address}`` broken by 7 blank lines); a line that is no
  field line continues the previous value;
* a full-width colon or no space after the tag (yiigle's ``{Abstract}：``, ``{ISBN/ISSN}:0253``),
  a comma inside the braces (CNKI's ``{Subsidiary Author,}``), a leading space on repeats (Wanfang);
* authors one per line (Wanfang, yiigle) or joined by ``;``, ``;;`` or ``,`` with a trailing ``;`` (CNKI),
  keywords one per line or joined by ``;``, ``;;``, ``；``, or by ``,`` with a trailing ``,``
  (CNKI's yearbooks and news), each split with a warning;
* ``{Translated Title}``, ``{Translated Author}``, ``{Translated Journal}``, ``{Translated
  Abstract}``, ``{Translated Keywords}`` as the record's second language (en beside zh);
* CNKI's ``{Date}: 202311`` (year and month, no separator) as ``2023-11``;
* CNKI's ``(#br)`` line-break marks in abstracts (and the ``Abstract`` label before the first) as line breaks;
* ``{Notes}`` holding a China serial number (``11-1949/U``) as ``cn``; ``{ISBN}`` holding a
  standard's number (CNKI) as its ``number``, ``{图书印刷版ISBN}`` as the ISBN;
* a type NoteExpress has that the table lacks as ``document`` with the name as its genre, warned;
  fields the model has no place for (``{Author Address}``, ``{Subject}``, ``{TryDate}`` …) named in
  one warning per record, grouped by the report.

Writing: one record per article and language (as every tagged writer), the type's fields in
:data:`TYPE_FIELDS` order, one value per line (authors and keywords one per line, as Wanfang and
NoteExpress itself write them), every value folded onto its line (:mod:`.writing`), so no value
can start a field or a record; a blank line after each record; LF line ends and UTF-8 (CNKI's
exports are both).  A CSL type NoteExpress has no type for goes to the nearest (:data:`NEAREST`),
with a warning; a field the type's row cannot hold is named in the writer's warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Literal, cast, get_args

from ...csl import full_title
from ...markup import to_unicode
from ...model import LOCALIZED_FIELDS, NEUTRAL_FIELDS, Citation, CslType, Date, Lang, LocalizedText, Name, Role
from ...projection import Carries, Mode
from ...record_warnings import RecordWarning
from ...values import (
    clean_doi,
    clean_url,
    is_cn_number,
    language_code,
    parse_date,
    parse_pages,
    record_language,
    split_keywords,
    translation_language,
)
from ..base import StatelessWriter
from .reading import Dialect, TaggedReader, TaggedRecord, first_line, names_from_lines
from .writing import LinePlan, line_around, line_plan, render_lines, year_text

# -- the tables -------------------------------------------------------------------------------------

TYPE_TAG = "Reference Type"
LINE_FORMAT = "{{{tag}}}: {value}"

#: NoteExpress reference type -> CSL type.  The first name of a CSL type is the one written; the
#: rest are read only (other spellings exporters and NoteExpress versions use).
TYPES: tuple[tuple[str, CslType], ...] = (
    ("Journal Article", "article-journal"),
    ("Book", "book"),
    ("Book Section", "chapter"),
    ("Thesis", "thesis"),
    ("Conference Proceedings", "paper-conference"),
    ("Report", "report"),
    ("Patent", "patent"),
    ("Standard", "standard"),
    ("Newspaper Article", "article-newspaper"),
    ("Magazine Article", "article-magazine"),
    ("Web Page", "webpage"),
    ("Dataset", "dataset"),
    ("Computer Program", "software"),
    ("Manuscript", "manuscript"),
    ("Map", "map"),
    ("Generic", "document"),
    ("Electronic Resource", "webpage"),
    ("Electronic Source", "webpage"),
    ("Conference Paper", "paper-conference"),
    ("Dissertation", "thesis"),
    ("Edited Book", "book"),
)
GENERIC = "Generic"

#: A CSL type with no NoteExpress type of its own -> the one it is written as (with a warning).
NEAREST: dict[str, str] = {
    "article": "Journal Article",
    "review": "Journal Article",
    "review-book": "Journal Article",
    "periodical": "Journal Article",
    "entry": "Book Section",
    "entry-dictionary": "Book Section",
    "entry-encyclopedia": "Book Section",
    "classic": "Book",
    "collection": "Book",
    "post": "Web Page",
    "post-weblog": "Web Page",
    "pamphlet": "Report",
}

#: Where a value goes in the model: a model field name, a name role, or one of ``year``, ``date``,
#: ``pages`` (the range), ``keyword`` (one per value), ``language``.
Slot = Literal[
    "title",
    "title_short",
    "container_title",
    "container_title_short",
    "collection_title",
    "event_title",
    "event_place",
    "publisher",
    "publisher_place",
    "genre",
    "medium",
    "authority",
    "abstract",
    "note",
    "url",
    "archive",
    "edition",
    "keyword",
    "author",
    "editor",
    "translator",
    "contributor",
    "organizer",
    "collection-editor",
    "year",
    "date",
    "accessed",
    "pages",
    "volume",
    "issue",
    "number",
    "number_of_pages",
    "number_of_volumes",
    "section",
    "version",
    "doi",
    "isbn",
    "issn",
    "call_number",
    "language",
]
#: (slot, NoteExpress field name), in the order a record's lines are written.
FieldTable = tuple[tuple[Slot, str], ...]

_HEAD: FieldTable = (("title", "Title"), ("author", "Author"))
_TAIL: FieldTable = (
    ("year", "Year"),
    ("date", "Date"),
    ("keyword", "Keywords"),
    ("abstract", "Abstract"),
    ("note", "Notes"),
    ("url", "URL"),
    ("doi", "DOI"),
    ("title_short", "Short Title"),
    ("call_number", "Call Number"),
    ("archive", "Database Provider"),
    ("language", "Language"),
)
_PUBLISHED: FieldTable = (("publisher", "Publisher"), ("publisher_place", "Place Published"))

#: The fields of each NoteExpress type between the title/author lines and the common tail.
_OWN_FIELDS: dict[str, FieldTable] = {
    "Journal Article": (
        ("container_title", "Journal"),
        ("container_title_short", "Alternate Title"),
        ("volume", "Volume"),
        ("issue", "Issue"),
        ("pages", "Pages"),
        ("issn", "ISBN/ISSN"),
    ),
    "Magazine Article": (
        ("container_title", "Secondary Title"),
        ("volume", "Volume"),
        ("issue", "Issue"),
        ("pages", "Pages"),
        ("issn", "ISBN/ISSN"),
    ),
    "Newspaper Article": (
        ("container_title", "Secondary Title"),
        *_PUBLISHED,
        ("issue", "Issue"),
        ("section", "Section"),
        ("pages", "Pages"),
        ("issn", "ISBN/ISSN"),
    ),
    "Book": (
        ("editor", "Secondary Author"),
        ("translator", "Subsidiary Author"),
        ("collection_title", "Secondary Title"),
        *_PUBLISHED,
        ("edition", "Edition"),
        ("volume", "Volume"),
        ("number_of_volumes", "Number of Volumes"),
        ("number_of_pages", "Number of Pages"),
        ("isbn", "ISBN/ISSN"),
    ),
    "Book Section": (
        ("editor", "Secondary Author"),
        ("translator", "Subsidiary Author"),
        ("container_title", "Secondary Title"),
        ("collection_title", "Tertiary Title"),
        *_PUBLISHED,
        ("edition", "Edition"),
        ("volume", "Volume"),
        ("pages", "Pages"),
        ("isbn", "ISBN/ISSN"),
    ),
    "Thesis": (
        ("contributor", "Tertiary Author"),
        ("publisher", "Publisher"),
        ("publisher_place", "Place Published"),
        ("genre", "Type of Work"),
        ("section", "Section"),
        ("number_of_pages", "Number of Pages"),
    ),
    "Conference Proceedings": (
        ("editor", "Secondary Author"),
        ("container_title", "Tertiary Title"),
        ("event_title", "Secondary Title"),
        ("event_place", "Place Published"),
        ("organizer", "Subsidiary Author"),
        ("publisher", "Publisher"),
        ("volume", "Volume"),
        ("pages", "Pages"),
        ("isbn", "ISBN/ISSN"),
    ),
    "Report": (
        ("collection_title", "Secondary Title"),
        *_PUBLISHED,
        ("genre", "Type of Work"),
        ("number", "Issue"),
        ("number_of_pages", "Number of Pages"),
        ("isbn", "ISBN/ISSN"),
    ),
    "Patent": (
        ("contributor", "Subsidiary Author"),
        ("authority", "Place Published"),
        ("number", "Type of Work"),
        ("publisher", "Publisher"),
    ),
    "Standard": (("number", "ISBN"), *_PUBLISHED, ("number_of_pages", "Number of Pages"), ("isbn", "ISBN/ISSN")),
    "Web Page": (
        ("container_title", "Secondary Title"),
        ("publisher", "Publisher"),
        ("accessed", "Access Date"),
        ("medium", "Type of Work"),
    ),
    "Dataset": (
        ("container_title", "Secondary Title"),
        *_PUBLISHED,
        ("genre", "Type of Work"),
        ("version", "Edition"),
        ("medium", "Medium"),
        ("accessed", "Access Date"),
    ),
    "Computer Program": (*_PUBLISHED, ("version", "Edition"), ("genre", "Type of Work"), ("accessed", "Access Date")),
    "Manuscript": (
        ("container_title", "Secondary Title"),
        ("publisher_place", "Place Published"),
        ("genre", "Type of Work"),
        ("number", "Issue"),
        ("pages", "Pages"),
    ),
    "Map": (
        ("editor", "Secondary Author"),
        *_PUBLISHED,
        ("genre", "Type of Work"),
        ("edition", "Edition"),
        ("medium", "Medium"),
        ("isbn", "ISBN/ISSN"),
    ),
    "Generic": (
        ("editor", "Secondary Author"),
        ("container_title", "Secondary Title"),
        ("collection_title", "Tertiary Title"),
        *_PUBLISHED,
        ("genre", "Type of Work"),
        ("volume", "Volume"),
        ("issue", "Issue"),
        ("number", "Number"),
        ("pages", "Pages"),
        ("isbn", "ISBN/ISSN"),
        ("accessed", "Access Date"),
    ),
}

_PAGES: FieldTable = (("pages", "Pages"),)


def _row(own: FieldTable) -> FieldTable:
    """A type's whole row: title and authors, its own fields, ``{Pages}`` (every type may cite pages), the common tail."""
    pages = () if any(slot == "pages" for slot, _ in own) else _PAGES
    return (*_HEAD, *own, *pages, *_TAIL)


#: Each written NoteExpress type's whole row.
TYPE_FIELDS: dict[str, FieldTable] = {name: _row(own) for name, own in _OWN_FIELDS.items()}

#: Read-only field names (other exporters' spellings), for every type unless the type's row has the name.
READ_ALIASES: dict[str, Slot] = {
    "Journal": "container_title",
    "Secondary Title": "container_title",
    "ISBN": "isbn",
    "ISSN": "issn",
    "图书印刷版ISBN": "isbn",  # CNKI's book records
    "Access Date": "accessed",
    "Date Accessed": "accessed",
}

#: The prefix of a field in the record's second language (Wanfang, VIP, yiigle).
TRANSLATED = "Translated "
#: Slots a translated field can fill (what is written in one language).
_LOCALIZED: frozenset[str] = frozenset(
    {"title", "container_title", "container_title_short", "collection_title", "publisher", "abstract", "keyword", "author"}
)
#: The name roles a row can hold, in the order a record's names are kept.
_ROLES: tuple[Role, ...] = ("author", "editor", "translator", "contributor", "organizer", "collection-editor")
#: The slots that are LocalizedText's own text fields (read one value each; abstract and URL are cleaned).
_TEXT_SLOTS: tuple[str, ...] = tuple(
    field for field in LOCALIZED_FIELDS if field in get_args(Slot) and field not in ("abstract", "url")
)
#: The slots that are the citation's own text fields (the DOI is cleaned).
_NEUTRAL: frozenset[str] = frozenset(NEUTRAL_FIELDS).intersection(get_args(Slot)) - {"doi"}

_CSL_TYPE: dict[str, CslType] = {name.casefold(): csl for name, csl in TYPES}
_WRITTEN_TYPE: dict[str, str] = {csl: name for name, csl in reversed(TYPES)}
#: The CSL types written as themselves.
HELD_TYPES: frozenset[str] = frozenset(_WRITTEN_TYPE)


def _key(name: str) -> str:
    return name.casefold()


def _fields_by_name(table: FieldTable) -> dict[str, Slot]:
    """A type's row inverted for the reader (case-folded field name -> slot), with the aliases."""
    by_name = {_key(name): slot for name, slot in READ_ALIASES.items()}
    by_name.update({_key(name): slot for slot, name in table})
    return by_name


_READ_FIELDS: dict[str, dict[str, Slot]] = {name: _fields_by_name(table) for name, table in TYPE_FIELDS.items()}


def tag_key(tag: str) -> str:
    """A field name as compared: spaces trimmed and squeezed, a stray comma dropped (``{Subsidiary Author,}``)."""
    return " ".join(tag.replace("，", ",").strip(" ,").split())


DIALECT = Dialect(
    name="NoteExpress",
    tag_line=re.compile(r"^\{(?P<tag>[^{}\r\n]{1,80})\}[ \t]*[:：](?P<value>.*)$"),
    start_tag=TYPE_TAG,
    end_tag=None,
    fields={},  # field names depend on the type: TYPE_FIELDS
    tag_key=tag_key,
    blank_line_ends_record=False,
)


# -- reading ----------------------------------------------------------------------------------------


def record_type(name: str, warnings: list[str]) -> tuple[CslType, str, str | None]:
    """(CSL type, the NoteExpress type whose row reads the fields, a genre for an unknown type)."""
    csl = _CSL_TYPE.get(_key(name))
    if csl is not None:
        return csl, _WRITTEN_TYPE[csl], None
    warnings.append(
        RecordWarning(f"unknown {{Reference Type}} {name!r}: read as document", "unknown types read as document", (name,))
    )
    return "document", GENERIC, name or None


def _keywords(lines: Iterable[str], tag: str, warnings: list[str]) -> tuple[str, ...]:
    """One keyword per line; ``;``-joined (``;;`` too) split, and a comma list ending with a comma (CNKI) split at commas."""
    keywords: list[str] = []
    for line in lines:
        commas = not re.search(r"[;；]", line) and line.rstrip().endswith((",", "，"))
        parts = split_keywords(line, commas=commas)
        if len(parts) > 1:
            kind = f"keywords joined in one {{{tag}}} line, split at {'commas' if commas else 'semicolons'}"
            warnings.append(RecordWarning(f"{len(parts)} {kind}: {line!r}", kind))
        keywords.extend(parts)
    return tuple(keywords)


#: CNKI's line-break mark in abstracts (``Abstract(#br)This paper …``, ``… ideas.(#br)Here we …``), with the
#: English label it puts before the first one.
_BREAK_MARK = re.compile(r"^(?:Abstract)?\(#br\)\s*|\s*\(#br\)\s*")


def _abstract(value: str | None, warnings: list[str]) -> str | None:
    """The abstract with CNKI's ``(#br)`` marks read as the line breaks they stand for (one space, as every line break)."""
    if value is None or "(#br)" not in value:
        return value
    kind = "CNKI's (#br) line-break marks in the abstract read as line breaks"
    warnings.append(RecordWarning(kind, kind))
    return _BREAK_MARK.sub(lambda match: "" if match.start() == 0 else " ", value)


#: CNKI's dates with no separators: ``202311`` (a book's month), ``20190109``.
_DIGITS_DATE = re.compile(r"^(\d{4})(0[1-9]|1[0-2])((?:0[1-9]|[12]\d|3[01])?)$")


def _date(value: str | None, warnings: list[str]) -> str | None:
    """``{Date}`` as :func:`~citeexport.values.parse_date` reads it: CNKI's ``202311`` is ``2023-11``."""
    match = _DIGITS_DATE.match(value.strip()) if value else None
    if match is None:
        return value
    kind = "dates without separators (CNKI's YYYYMM) read as year and month"
    warnings.append(RecordWarning(f"{kind}: {value!r}", kind))
    return "-".join(part for part in match.groups() if part)


class _Values:
    """A record's values by slot, for one language, with the tag each came from (for messages)."""

    def __init__(self) -> None:
        self.values: dict[Slot, list[str]] = {}
        self.tags: dict[Slot, str] = {}

    def add(self, slot: Slot, tag: str, value: str) -> None:
        self.values.setdefault(slot, []).append(value)
        self.tags.setdefault(slot, tag)

    def one(self, slot: Slot, warnings: list[str]) -> str | None:
        found = self.values.get(slot) or []
        if len(set(found)) > 1:
            tag = f"{{{self.tags[slot]}}}"
            warnings.append(
                RecordWarning(
                    f"{tag} given {len(found)} times: kept the first, {found[0]!r}",
                    "fields given more than once, the first kept",
                    (tag,),
                )
            )
        return found[0] if found else None

    def names(self, role: Slot, warnings: list[str]) -> tuple[Name, ...]:
        tag = f"{{{self.tags.get(role, role)}}}"
        said: list[str] = []
        names = names_from_lines(self.values.get(role, []), tag, said)
        warnings.extend(RecordWarning(text, f"names joined in one {tag} line, split") for text in said)
        return names

    def localized(self, warnings: list[str], language: str | None) -> LocalizedText:
        text = {slot: self.one(slot, warnings) for slot in _TEXT_SLOTS if slot in self.values}
        names: dict[Role, tuple[Name, ...]] = {}
        for role in _ROLES:
            if role in self.values:
                names[role] = self.names(role, warnings)
        return LocalizedText(
            language=language,
            **text,
            names=names,
            abstract=_abstract(self.one("abstract", warnings), warnings),
            keywords=_keywords(self.values.get("keyword", []), self.tags.get("keyword", "Keywords"), warnings),
            url=clean_url(self.one("url", warnings), warnings),
        )


def _sort(record: TaggedRecord, row: Mapping[str, Slot]) -> tuple[_Values, _Values, list[str]]:
    """The record's values: (its own language, the translated fields, field names the model has no place for)."""
    own, translated, unknown = _Values(), _Values(), []
    warnings = record.warnings
    for tag, value in record.tags[1:]:
        target, name = own, tag
        if tag.startswith(TRANSLATED) and row.get(_key(tag[len(TRANSLATED) :])) in _LOCALIZED:
            target, name = translated, tag[len(TRANSLATED) :]
        slot = row.get(_key(name))
        if slot is None:
            if tag not in unknown:
                unknown.append(tag)
            continue
        if not value:
            warnings.append(RecordWarning(f"empty {{{tag}}} ignored", "empty tags ignored", (f"{{{tag}}}",)))
            continue
        target.add(slot, tag, value)
    return own, translated, unknown


def citation_from_record(record: TaggedRecord) -> Citation:
    warnings = record.warnings
    csl_type, row_type, genre = record_type(record.tags[0][1], warnings)
    own, translated, unknown = _sort(record, _READ_FIELDS[row_type])
    if unknown:
        warnings.append(RecordWarning.named("fields with no place in the model, not read", [f"{{{t}}}" for t in unknown]))
    if genre and "genre" not in own.values:
        own.add("genre", TYPE_TAG, genre)
    title = own.one("title", warnings)
    lang, tag = record_language(own.one("language", warnings), title, warnings)
    texts = {lang: own.localized(warnings, tag)}
    if translated.values:
        other = translation_language(v for vs in translated.values.values() for v in vs)
        if other == lang:
            names = sorted({f"{{{TRANSLATED}{t}}}" for t in translated.tags.values()})
            warnings.append(RecordWarning.named("translated fields in the record's own language, not read", names))
        else:
            texts[other] = translated.localized(warnings, None)
    neutral = {slot: own.one(slot, warnings) for slot in _NEUTRAL if slot in own.values}
    note, cn = texts[lang].note, None
    if csl_type in ("article-journal", "article-newspaper", "article-magazine") and note and is_cn_number(note):
        note, cn = None, texts[lang].note  # CNKI's {Notes}: 11-1949/U
    if note and note == neutral.get("number"):
        note = None  # CNKI's patents: the number in {Notes} and {Type of Work}
    if note != texts[lang].note:
        texts[lang] = texts[lang].model_copy(update={"note": note})
    first, last, page = parse_pages(own.one("pages", warnings))
    return Citation(
        type=csl_type,
        issued=parse_date(_date(own.one("date", warnings), warnings), own.one("year", warnings), warnings),
        accessed=parse_date(own.one("accessed", warnings), None, warnings),
        page_first=first,
        page_last=last,
        page=page,
        doi=clean_doi(own.one("doi", warnings), warnings),
        cn=cn,
        **neutral,  # type: ignore[arg-type]  # the slots are Citation's own str fields
        texts=texts,
    )


class NoteExpressReader(TaggedReader):
    name = "noteexpress"
    description = "NoteExpress (.net; CNKI's, Wanfang's and VIP's NoteExpress export)"
    extensions = ("net",)
    dialect = DIALECT
    citation_from_record = staticmethod(citation_from_record)

    @classmethod
    def sniff(cls, head: str) -> bool:
        match = DIALECT.tag_line.match(first_line(head).lstrip("\ufeff").strip())
        return match is not None and tag_key(match.group("tag")) == TYPE_TAG


# -- writing ----------------------------------------------------------------------------------------


def written_type(csl_type: str) -> str:
    """The NoteExpress type a CSL type is written as."""
    return _WRITTEN_TYPE.get(csl_type) or NEAREST.get(csl_type) or GENERIC


def _model_fields(table: FieldTable) -> frozenset[str]:
    """The model fields (and roles) a type's row writes (for :meth:`Writer.warn_unwritten`)."""
    fields: set[str] = set()
    for slot, _ in table:
        fields |= {
            "year": {"issued"},
            "date": {"issued"},
            "pages": {"page_first", "page_last", "page"},
            "keyword": {"keywords"},
            "title": {"title", "subtitle"},
        }.get(slot, {slot})
    if "pages" in dict(table) and "number" not in dict(table):
        fields.add("number")  # in the page slot when there are no pages
    if "note" in dict(table):
        fields.add("cn")
    return frozenset(fields)


_WRITTEN_FIELDS: dict[str, frozenset[str]] = {name: _model_fields(table) for name, table in TYPE_FIELDS.items()}


def _full_date(date: Date | None) -> str | None:
    """``{Date}``: the date when it says more than the ``{Year}`` (a month, a season, circa, a range), in EDTF
    (``2025-01-31``, ``1998-21``, ``1900~``, ``2001/2003``), which :func:`~citeexport.values.parse_date` reads back."""
    if date is None or date.literal is not None:
        return None
    edtf = date.edtf() or date.iso()
    return edtf if edtf != year_text(date) else None


def slot_values(citation: Citation, lang: Lang, table: FieldTable) -> dict[str, tuple[str, ...]]:
    """What each slot of ``table`` holds for ``citation`` in ``lang`` (unfolded; markup as plain Unicode)."""
    text = citation.text(lang)
    slots = dict(table)
    values: dict[str, tuple[str, ...]] = {}
    for slot in slots:
        value: object
        if slot in _ROLES:
            values[slot] = tuple(name.inverted for name in text.names.get(cast(Role, slot), ()))
            continue
        if slot == "keyword":
            values[slot] = tuple(k for k in map(to_unicode, text.keywords) if k)
            continue
        if slot == "title":
            value = full_title(text.title, text.subtitle)
        elif slot == "year":
            value = year_text(citation.issued)
        elif slot == "date":
            value = _full_date(citation.issued)
        elif slot == "accessed":
            value = citation.accessed and (citation.accessed.edtf() or citation.accessed.literal)
        elif slot == "pages":
            value = citation.pages or citation.page_first or (citation.number if "number" not in slots else None)
        elif slot == "language":
            value = language_code(lang)
        elif slot == "note":
            value = text.note or (citation.cn if citation.type.startswith("article-") else None)
        elif slot in _NEUTRAL or slot == "doi":
            value = getattr(citation, slot)
        else:
            value = getattr(text, slot)
        if isinstance(value, str) and value:
            values[slot] = (to_unicode(value) or "",)
    return values


@cache
def _line_plan(type_name: str, newline: str) -> LinePlan:
    """The lines of a record of ``type_name`` (:func:`~.writing.line_plan`), made once per type."""
    return line_plan(TYPE_FIELDS[type_name], LINE_FORMAT, newline)


class NoteExpressWriter(StatelessWriter):
    name = "noteexpress"
    description = "NoteExpress (.net), as CNKI and Wanfang export it"
    extension = "net"
    newline = "\n"

    def write_one(self, citation: Citation, lang: Lang) -> str:
        type_name = written_type(citation.type)
        self.warn_type(citation, HELD_TYPES, type_name)
        table = TYPE_FIELDS[type_name]
        self.warn_unwritten(citation, lang, _WRITTEN_FIELDS[type_name])
        values = slot_values(citation, lang, table)
        before, after = line_around(LINE_FORMAT, TYPE_TAG, self.newline)
        parts = [before, type_name, after]
        render_lines(parts, _line_plan(type_name, self.newline), values)  # slots, not tagged Fields
        parts.append(self.newline)
        return "".join(parts)


# -- what it carries --------------------------------------------------------------------------------

_ONE_LINE: Mode = "one line"
_NAMES: Mode = "printed whole, organisations unmarked"
#: How each slot comes back, as the projection's field and mode.
_MODES: dict[str, tuple[str, Mode]] = {
    "title": ("title", _ONE_LINE),
    "author": ("authors", _NAMES),
    "abstract": ("abstract", _ONE_LINE),
    "keyword": ("keywords", "split at , ; ， ；"),  # CNKI joins them with commas too (a trailing comma says so)
    "url": ("url", "yes"),
    "year": ("issued", "yes"),
    "pages": ("pages", "first and last page"),
    "number": ("number", "yes"),
    "doi": ("doi", "yes"),
    "isbn": ("isbn", "yes"),
    "issn": ("issn", "yes"),
    "accessed": ("accessed", "yes"),
    "language": ("language", "yes"),
    **{role: (role.replace("-", "_"), _NAMES) for role in _ROLES if role != "author"},
    **{slot: (slot, _ONE_LINE) for slot in _TEXT_SLOTS if slot != "title"},
    **{slot: (slot, _ONE_LINE) for slot in ("volume", "issue", "number_of_pages", "number_of_volumes", "section", "version",
                                           "call_number")},
}  # fmt: skip
#: Types whose ``{Notes}`` may be taken for something else: a China serial number (periodicals), the number (patents).
_NOTES_READ_OTHERWISE = frozenset({"article-journal", "article-newspaper", "article-magazine", "patent"})


def _carries(csl_type: str, table: FieldTable, *, typed: bool) -> dict[str, Mode]:
    """What a record of ``csl_type`` written with ``table`` carries (``typed``: it comes back as that type)."""
    row: dict[str, Mode] = {"type": "yes"} if typed else {}
    row.update(dict(_MODES[slot] for slot, _ in table if slot in _MODES))
    if "pages" in row and "number" not in row:
        row["number"] = "in the page slot when there are no pages"
    if csl_type in _NOTES_READ_OTHERWISE:
        row.pop("note", None)
    return row


#: What a record carries of the model (:mod:`citeexport.projection`), by CSL type: the types of the table
#: as themselves, the nearest-written ones and every other type (written as Generic) without their type.
CARRIES: Carries = {
    "*": _carries("document", TYPE_FIELDS[GENERIC], typed=False),
    **{csl: _carries(csl, TYPE_FIELDS[name], typed=False) for csl, name in NEAREST.items()},
    **{csl: _carries(csl, TYPE_FIELDS[name], typed=True) for csl, name in _WRITTEN_TYPE.items()},
}

READER = NoteExpressReader
WRITER = NoteExpressWriter

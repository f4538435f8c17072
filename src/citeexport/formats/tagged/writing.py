"""What the tagged writers share: one field per line, one line per value, the tables of :mod:`.table`.

In every tagged format a field ends at the end of its line and any line that starts with a tag
starts a new field, or a new record.  A title holding ``"\\nER  - "`` or ``"\\n%0 "`` would therefore
end its record early and inject a forged one.  So every value is folded onto one line before it
is written (:func:`one_line`): line breaks of any kind (including the ones Python's
``str.splitlines`` and XML readers honour) and tabs become one space, and the remaining control
characters, which no reader displays and which make bibutils' MODS XML invalid, are removed.
Absent or empty values produce no line at all.

A record's type is written with the format's :class:`~.table.TypeTable` (a type it cannot hold goes to
the nearest, with a warning) and its fields with the tag table of that type; what the table has
no tag for is named in one warning (:meth:`~citeexport.formats.base.Writer.warn_unwritten`), and
so is a value of the tag several fields share (RIS ``SN``: ISSN or ISBN, a report's number) that a
reader would take for another of them (:func:`unreadable_serials`): not written.
Markup is plain text with Unicode sub- and superscripts where they exist (``H₂O``): no tagged
format has markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar, Literal

from ...cjk import has_cjk
from ...csl import full_title
from ...markup import from_html, to_unicode
from ...model import CSL_TYPES, ROLES, Citation, Date, Lang, LocalizedText, Name
from ...oneline import one_line
from ...projection import FIELDS, Carries, Mode
from ...values import serial_number
from ..base import TYPE_NOT_HELD, StatelessWriter, lost_date_parts
from .table import (
    DATE_SLOTS,
    NEUTRAL_SLOTS,
    NUMBERED_TYPES,
    SERIAL_TYPES,
    TEXT_SLOTS,
    Field,
    TagTable,
    TypeTable,
    model_field,
)


def year_text(date: Date | None) -> str | None:
    """The year tag's value: the year (``2025``; ``-0876`` BCE), or a literal date as written."""
    if date is None:
        return None
    if date.literal is not None:
        return date.literal
    return str(date.year) if date.year and date.year > 0 else date.iso()


def plain(text: str | None) -> str | None:
    """A text value as a tagged format holds it: the model's markup as plain text with Unicode sub- and
    superscripts (``H₂O``), and platform HTML a reader left in it (``&amp;``, ``<span data-x="1">``)
    decoded and dropped, its text kept, so that none of it reaches the output."""
    if text and ("&" in text or "<" in text):
        text = from_html(text)
    return to_unicode(text)


def inverted(name: Name) -> str:
    """``name.inverted`` (``Family, Given[, Suffix]``, CJK names and organisations whole), asking once
    whether the name is CJK (the property asks twice, and it is a regex search)."""
    if name.literal is not None:
        return name.literal
    if has_cjk(name.family):
        return (name.family or "") + (name.given or "")  # Name.whole of a CJK name
    family, given = name.family_full, name.given_full
    out = (f"{family}, {given}" if family else given) if given else (family or "")
    return f"{out}, {name.suffix}" if name.suffix else out


def page_values(citation: Citation, *, number_in_page_slot: bool = True) -> dict[Field, str]:
    """The page slots: ``pages`` (the whole text), ``page_first``/``page_last`` (a range; the whole
    text in ``page_first`` when it is no simple range).  An article number with no pages takes the
    page slot, as GB/T 7714 and CSL print it."""
    first, last, page = citation.page_first, citation.page_last, citation.page
    if number_in_page_slot and not first and not last and not page and citation.number:
        first = citation.number
    out: dict[Field, str] = {}
    if whole := citation.pages or first:
        out["pages"] = whole
    if start := page or first or last:
        out["page_first"] = start
    if not page and first and last and last != first:
        out["page_last"] = last
    return out


def tag_lines(table: TagTable, values: Mapping[Field, Iterable[str]]) -> Iterator[tuple[str, str]]:
    """(tag, folded value) in the table's order, one per value; empty values are skipped."""
    for field, tag in table:
        for value in values.get(field, ()):
            folded = one_line(value)
            if folded:
                yield tag, folded


def join_lines(lines: Iterable[tuple[str, str]], line_format: str, newline: str) -> str:
    """The lines of one record, each ended by ``newline``."""
    parts: list[str] = []
    for tag, value in lines:
        before, after = line_around(line_format, tag, newline)
        parts += (before, value, after)
    return "".join(parts)


@lru_cache(maxsize=1024)
def line_around(line_format: str, tag: str, newline: str) -> tuple[str, str]:
    """What ``line_format`` puts before and after a value of ``tag`` (``str.format`` once per tag, not per line)."""
    before, _, after = line_format.format(tag=tag, value="\x00").partition("\x00")
    return before, after + newline


#: One line of a record's plan: (slot, what comes before its value, what comes after, newline included).
LinePlan = tuple[tuple[Field, str, str], ...]


def line_plan(table: TagTable, line_format: str, newline: str) -> LinePlan:
    """``table``'s lines as (slot, before, after): :func:`join_lines` of :func:`tag_lines` with the
    ``str.format`` done once per table, for :func:`render_lines`."""
    return tuple((slot, *line_around(line_format, tag, newline)) for slot, tag in table)


def render_lines(parts: list[str], plan: LinePlan, values: Mapping[Field, Iterable[str]]) -> None:
    """Append the pieces of ``plan``'s lines to ``parts``: what ``join_lines(tag_lines(table, values), …)``
    makes, value by value, folded onto one line (:func:`one_line`; most values need only ``strip``).
    Every row is visited: sorting a record's few slots by their rows costs more."""
    for slot, before, after in plan:
        held = values.get(slot)
        if held:
            for value in held:
                folded = value.strip() if value.isprintable() else one_line(value)
                if folded:
                    parts += (before, folded, after)


#: What a tagged record carries of a journal article (:mod:`citeexport.projection`), field by field;
#: each format adjusts it.
TAGGED_FIELDS: dict[str, Mode] = {
    "title": "one line, entities decoded",
    "authors": "printed whole, organisations unmarked",
    "container_title": "one line, entities decoded",
    "container_title_short": "one line, entities decoded",
    "abstract": "one line, entities decoded",
    "keywords": "split at ; ；, entities decoded",
    "url": "yes",
    "issued": "yes",
    "volume": "one line",
    "issue": "one line",
    "pages": "first and last page",
    "doi": "yes",
    "issn": "yes",
    "language": "yes",
}

#: The projection's fields (:data:`citeexport.projection.FIELDS`) and the slots that write them.
_PROJECTED_SLOTS: dict[str, tuple[Field, ...]] = {
    "title": ("title",),
    "authors": ("author",),
    "container_title": ("container_title",),
    "container_title_short": ("container_title_short",),
    "abstract": ("abstract",),
    "keywords": ("keyword",),
    "url": ("url",),
    "issued": ("year",),
    "volume": ("volume",),
    "issue": ("issue",),
    "pages": ("page_first", "pages"),
    "doi": ("doi",),
    "issn": ("issn",),
    "number": ("number",),
    "language": ("language",),
}


def written_as(types: TypeTable, csl_type: str, genre: str | None = None) -> tuple[str, bool, str]:
    """(the code a record of ``csl_type`` is written with, whether it reads back as ``csl_type``, the CSL
    type it reads back as: the type whose tag table the writer and the reader use)."""
    code, held = types.code_for(csl_type, genre)
    row = types.read(code)
    return code, held, row.csl if row is not None else csl_type


def number_in_page_slot(written_type: str) -> bool:
    """Whether an article number with no pages goes in the page slot of a record read back as
    ``written_type``: a periodical's article (a journal article, as a review is written too)."""
    return written_type in SERIAL_TYPES


#: The slots that may share one tag (RIS ``SN``, EndNote ``%@``: "ISSN or ISBN", a report's number).
_SERIAL_SLOTS: frozenset[Field] = frozenset({"issn", "isbn", "number"})


@lru_cache(maxsize=4096)
def serial_slot(value: str, written_type: str) -> Field:
    """The slot a reader puts a value of the shared ISSN/ISBN tag in, for a record read back as
    ``written_type`` (as :func:`~.reading.citation_from_values` does): by the value's shape, else the
    type's own (a report's number, a journal's ISSN, anything else's ISBN).  Cached: a journal's ISSN
    is in every article of it."""
    kind, _number = serial_number(value)
    if kind is not None:
        return "issn" if kind == "eissn" else kind
    return "number" if written_type in NUMBERED_TYPES else "issn" if written_type in SERIAL_TYPES else "isbn"


def shared_serial_slots(table: TagTable) -> frozenset[Field]:
    """The slots of ``table`` whose tag another of the ISSN/ISBN/number slots has too (RIS ``SN``)."""
    tags = {slot: tag for slot, tag in table if slot in _SERIAL_SLOTS}
    return frozenset(slot for slot, tag in tags.items() if list(tags.values()).count(tag) > 1)


def unreadable_serials(values: Mapping[Field, tuple[str, ...]], table: TagTable, written_type: str) -> frozenset[Field]:
    """The slots of ``values`` written in a tag they share with another (``SN``: ISBN and ISSN) that a
    reader would put in another slot (a journal article's ISBN ``12`` read as its ISSN): not written, so
    that nothing comes back as something else."""
    shared = shared_serial_slots(table)
    return frozenset(slot for slot in shared if any(serial_slot(value, written_type) != slot for value in values.get(slot, ())))


def carries(types: TypeTable, base: TagTable, fields: Mapping[str, Mode]) -> Carries:
    """What a format carries, per CSL type, from its tables: ``fields`` (its modes) kept to those the
    tag table of the type a record is written as has a tag for (a type with no code of its own goes
    to the nearest, and its record has that type's tags), and the type itself for the types it holds."""
    out: dict[str, dict[str, Mode]] = {"*": _carried(types, base, fields, "document", typed=False)}
    for csl_type in CSL_TYPES:
        _code, held, written = written_as(types, csl_type)
        out[csl_type] = _carried(types, base, fields, written, typed=held)
    return out


def _carried(types: TypeTable, base: TagTable, fields: Mapping[str, Mode], written: str, *, typed: bool) -> dict[str, Mode]:
    """One row of :func:`carries`: a record written (and read back) as ``written``."""
    slots = {slot for slot, _ in types.tags(base, written)}
    row: dict[str, Mode] = {"type": "yes"} if typed else {}
    for name, mode in fields.items():
        wanted = _PROJECTED_SLOTS.get(name, (name,))
        if mode == "in the page slot when there are no pages" and name in slots:
            row[name] = "yes"  # the type has a tag of its own for the number
        elif mode == "in the page slot when there are no pages":
            if slots & {"pages", "page_first"} and number_in_page_slot(written):  # what write() does
                row[name] = mode
        elif name not in FIELDS or any(slot in slots for slot in wanted):
            row[name] = mode
    return row


@lru_cache(maxsize=256)
def _written_fields(table: TagTable) -> frozenset[str]:
    """The model fields (and roles) ``table`` writes (once per table)."""
    written = {model_field(slot) for slot, _ in table}
    if "title" in written:
        written.add("subtitle")  # written into the title
    if "page_first" in written:
        written |= {"page_last", "page"}
    if "page" in written:
        written |= {"page_first", "page_last"}
    return frozenset(written)


_ROLES = frozenset(ROLES)


def _serial_value(citation: Citation, slot: Field) -> str | None:
    return (citation.issn or citation.eissn) if slot == "issn" else getattr(citation, slot)


#: What a slot's value is made from: the writer (its date and name spellings), the citation and its text
#: in the language written, the language: a value, a tuple of values (names, keywords), or None.
Getter = Callable[["TaggedWriter", Citation, LocalizedText, Lang], "str | tuple[str, ...] | None"]
#: The page slots: their values come from :func:`page_values`, made once per record.
_PAGE_SLOTS: frozenset[Field] = frozenset({"pages", "page_first", "page_last"})


def _title(_writer: TaggedWriter, _citation: Citation, text: LocalizedText, _lang: Lang) -> str | None:
    return plain(full_title(text.title, text.subtitle))


def _url(_writer: TaggedWriter, _citation: Citation, text: LocalizedText, _lang: Lang) -> str | None:
    return text.url


def _year(_writer: TaggedWriter, citation: Citation, _text: LocalizedText, _lang: Lang) -> str | None:
    return year_text(citation.issued)


def _date(writer: TaggedWriter, citation: Citation, _text: LocalizedText, _lang: Lang) -> str | None:
    issued = citation.issued
    if issued is not None and issued.literal is None and (issued.month or issued.season is not None):
        return writer.date(issued)
    return None


def _keywords(_writer: TaggedWriter, _citation: Citation, text: LocalizedText, _lang: Lang) -> tuple[str, ...]:
    return tuple(keyword for keyword in map(plain, text.keywords) if keyword)


def _language(_writer: TaggedWriter, citation: Citation, text: LocalizedText, lang: Lang) -> str | None:
    return citation.language_tag(lang) if text.language else lang


def _nothing(_writer: TaggedWriter, _citation: Citation, _text: LocalizedText, _lang: Lang) -> None:
    return None


def _issn(_writer: TaggedWriter, citation: Citation, _text: LocalizedText, _lang: Lang) -> str | None:
    return citation.issn or citation.eissn


_FIXED_GETTERS: dict[Field, Getter] = {"title": _title, "url": _url}
_LATE_GETTERS: dict[Field, Getter] = {"issn": _issn, "year": _year, "date": _date, "keyword": _keywords, "language": _language}


#: How a slot's value is made, by kind (:func:`slot_kind`): a text field of the language's text as plain
#: text, a citation field as it is, the names of a role, or a getter of its own.
SlotKind = Literal["text", "citation", "names", "getter", "pages"]


def slot_kind(slot: Field) -> SlotKind:
    """Where a slot's value comes from (the first that applies, in this order)."""
    if slot in _FIXED_GETTERS:
        return "getter"
    if slot in TEXT_SLOTS:
        return "text"
    if slot == "issn":
        return "getter"  # the ISSN, else the electronic ISSN
    if slot in _SERIAL_SLOTS or slot in NEUTRAL_SLOTS:
        return "citation"
    if slot in DATE_SLOTS:
        return "getter"
    if slot in _ROLES:
        return "names"
    if slot in _PAGE_SLOTS:
        return "pages"
    return "getter"


def slot_getter(slot: Field) -> Getter:
    """The getter of a slot of kind ``getter``."""
    if slot in _FIXED_GETTERS:
        return _FIXED_GETTERS[slot]
    if slot in DATE_SLOTS:
        return lambda writer, citation, _t, _l: _whole_date(writer, getattr(citation, slot))
    return _LATE_GETTERS.get(slot, _nothing)


def _whole_date(writer: TaggedWriter, date: Date | None) -> str | None:
    return writer.whole_date(date) if date is not None else None


@dataclass(frozen=True)
class RecordPlan:
    """How a tagged writer writes a record read back as one CSL type, made once per writer class and type:
    its tag table, each slot's getter, the pieces of its lines, and what it writes (for the warnings)."""

    table: TagTable
    #: The slots by kind (:func:`slot_kind`), each once; getters with their slots.
    text_slots: tuple[Field, ...]
    citation_slots: tuple[Field, ...]
    name_slots: tuple[Field, ...]
    page_slots: tuple[Field, ...]
    getters: tuple[tuple[Field, Getter], ...]
    lines: LinePlan
    #: Whether an article number with no pages goes in the page slot.
    number_in_pages: bool
    #: The slots sharing the ISSN/ISBN tag (:func:`unreadable_serials`).
    shared_serials: frozenset[Field]
    #: The model fields written (:meth:`TaggedWriter.written_fields`), and with the article number in the page slot.
    written: frozenset[str]
    written_with_number: frozenset[str]
    #: The fields whose dates a tagged date cannot say all of (the year is written whatever the table).
    dated: frozenset[str]
    #: What comes before and after the type's code on the first line, and what ends the record.
    type_line: tuple[str, str]
    tail: str


class TaggedWriter(StatelessWriter):
    """A tagged format's writer: its syntax and tables as class attributes, and how it spells dates
    and names; one record per article and language, every value folded onto its own line."""

    #: ``str.format`` pattern of one line, with ``{tag}`` and ``{value}``.
    line_format: ClassVar[str]
    #: The tag of the first line, which holds the record's type (TY, %0, RT).
    type_tag: ClassVar[str]
    #: The format's reference types.
    types: ClassVar[TypeTable]
    #: The lines of one record, in this order, before the type's overrides (:data:`~.table.TagTable`).
    tags: ClassVar[TagTable]
    #: The last line of a record (RIS ``ER  - ``), if the format has one.
    end_line: ClassVar[tuple[str, str] | None] = None
    #: A blank line after each record (EndNote, RefWorks).
    blank_line_after: ClassVar[bool] = False
    #: Whether an article number with no pages goes in the page slot.
    number_in_page_slot: ClassVar[bool] = True
    #: Each class's record plans, by the CSL type a record is read back as (:meth:`plan`).
    _plans: ClassVar[dict[str, RecordPlan]]
    #: Each class's (code, held, written type) of a CSL type with no genre (:meth:`record_type`).
    _record_types: ClassVar[dict[str, tuple[str, bool, str]]]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls._plans = {}
        cls._record_types = {}

    def date(self, date: Date) -> str:
        """The ``date`` tag's value for a date with a month or a season (a year alone has the ``year`` tag)."""
        if date.month is None:
            return date.season_name or ""
        return date.iso() or ""

    def whole_date(self, date: Date) -> str:
        """A date in a tag of its own (accessed, original date): ISO 8601, or the literal as written."""
        return date.literal if date.literal is not None else (date.iso() or "")

    def name_text(self, name: Name) -> str:
        """A name as one tag value: ``Family, Given[, Suffix]``, CJK names and organisations whole."""
        return inverted(name)

    def record_type(self, csl_type: str, genre: str | None) -> tuple[str, bool, str]:
        """:func:`written_as` with this writer's types, kept per CSL type for records with no genre."""
        if genre:
            return written_as(self.types, csl_type, genre)
        known = self._record_types.get(csl_type)
        if known is None:
            known = self._record_types[csl_type] = written_as(self.types, csl_type)
        return known

    def plan(self, written_type: str) -> RecordPlan:
        """The plan of a record read back as ``written_type`` (made once per writer class and type)."""
        plan = self._plans.get(written_type)
        if plan is None:
            plan = self._plans[written_type] = self._make_plan(written_type)
        return plan

    def _make_plan(self, written_type: str) -> RecordPlan:
        table = self.types.tags(self.tags, written_type)  # as the reader will read it
        slots = list(dict.fromkeys(slot for slot, _tag in table))
        written = self.written_fields(table)
        number_in_pages = self.number_in_page_slot and number_in_page_slot(written_type)
        return RecordPlan(
            table=table,
            text_slots=tuple(slot for slot in slots if slot_kind(slot) == "text"),
            citation_slots=tuple(slot for slot in slots if slot_kind(slot) == "citation"),
            name_slots=tuple(slot for slot in slots if slot_kind(slot) == "names"),
            page_slots=tuple(slot for slot in slots if slot_kind(slot) == "pages"),
            getters=tuple((slot, slot_getter(slot)) for slot in slots if slot_kind(slot) == "getter"),
            lines=line_plan(table, self.line_format, self.newline),
            number_in_pages=number_in_pages,
            shared_serials=shared_serial_slots(table),
            written=written,
            written_with_number=written | {"number"} if number_in_pages else written,
            dated=written | {"issued"},
            type_line=line_around(self.line_format, self.type_tag, self.newline),
            tail=self._tail(),
        )

    def _tail(self) -> str:
        """The end of a record: its end line (RIS ``ER  - ``), its blank line."""
        tail = join_lines([self.end_line], self.line_format, self.newline) if self.end_line is not None else ""
        return tail + self.newline if self.blank_line_after else tail

    def values(
        self, citation: Citation, lang: Lang, text: LocalizedText, plan: RecordPlan, written_type: str
    ) -> dict[Field, tuple[str, ...]]:
        """What each slot of ``plan`` holds for ``citation`` in ``lang`` (``text``), unfolded; only slots
        with a value, a slot of the shared ISSN/ISBN tag a reader would take for another left out."""
        out: dict[Field, tuple[str, ...]] = {}
        fields = vars(text)  # the models' attributes: exactly their fields
        for slot in plan.text_slots:
            value = fields[slot]
            if value:
                value = plain(value) if "&" in value or "<" in value else value
                if value:
                    out[slot] = (value,)
        fields = vars(citation)
        for slot in plan.citation_slots:
            value = fields[slot]
            if value:
                out[slot] = (value,)
        names = text.names
        for slot in plan.name_slots:
            held = names.get(slot)  # type: ignore[call-overload]  # a Role
            if held:
                out[slot] = tuple(map(self.name_text, held))
        for slot, get in plan.getters:
            value = get(self, citation, text, lang)
            if value:
                out[slot] = value if isinstance(value, tuple) else (value,)
        if plan.page_slots:
            pages = page_values(citation, number_in_page_slot=plan.number_in_pages)
            for slot in plan.page_slots:
                if slot in pages:
                    out[slot] = (pages[slot],)
        for slot in plan.shared_serials:  # what :func:`unreadable_serials` names, slot by slot
            held = out.get(slot)
            if held and any(serial_slot(value, written_type) != slot for value in held):
                del out[slot]
        return out

    def written_fields(self, table: TagTable) -> frozenset[str]:
        """The model fields (and roles) ``table`` writes."""
        return _written_fields(table)

    def write_one(self, citation: Citation, lang: Lang) -> str:
        text = citation.text(lang)
        code, held, written_type = self.record_type(citation.type, text.genre)
        if not held:
            self.warn(f"{TYPE_NOT_HELD}, written as {code}", [citation.type])
        plan = self.plan(written_type)
        values = self.values(citation, lang, text, plan, written_type)
        written = plan.written if citation.pages else plan.written_with_number  # the number in the page slot
        dropped = [slot for slot in plan.shared_serials if slot not in values and _serial_value(citation, slot)]
        if dropped:  # not written: it would read back as another field
            written = written.difference(dropped)
        # a tagged date is a year or year/month/day: no circa, no range end (the year is written whatever the table)
        self.warn_unwritten(citation, lang, written, also=lost_date_parts(citation, plan.dated))
        before, after = plan.type_line
        parts = [before, code, after]
        render_lines(parts, plan.lines, values)
        parts.append(plan.tail)
        return "".join(parts)

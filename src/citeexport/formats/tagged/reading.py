"""What the tagged readers share: tag lines into records, the defects real exporters emit, and records into Citations.

The tagged formats are one field per line, ``<tag><separator><value>``; they differ in the tag
syntax, how a record starts and ends, and their tables (a :class:`Dialect` holds all of it, as
data).  :func:`tagged_records` turns the lines of an input into :class:`TaggedRecord` s, one pass
per line, repairing what exporters get wrong and saying so in ``warnings``:

* a UTF-8 BOM on the first line, CR LF or LF line ends;
* a line that is not a tag line continues the previous value (wrapped abstracts, RIS continuation lines);
* a lower-case tag (CNKI's RefWorks ``vo 49``) is read as the upper-case one, when it is a known tag;
* a tag glued to its value (CNKI's RefWorks ``A1林行众``) or to the end of the previous value after a
  Chinese sentence end (MagTech's ``…育性。%A 刘航;李丹``), each only when a cheap test says the line
  can hold one;
* a blank line inside a record (CNKI's EndNote abstracts) when a tag of the record follows it;
* empty tags (MagTech's ``%R`` padded with spaces) are dropped;
* a record not closed by its end tag (RIS ``ER``) ends at the next start tag;
* text before the first record (RefWorks' export header and tag legend) is skipped.

:func:`read_citation` then maps the record's tags through the format's tables (:mod:`.table`):
the type row of its type tag, the slots of its tags for that type; every tag either reaches the
model or is named in one warning of its kind (``tags with no field in the model, not read: L1``).
HTML from platforms (``&amp;``, ``<sub>``, ``<I>``) becomes the model's markup
(:func:`citeexport.markup.from_html`).  Dates, pages, identifiers and languages are
:mod:`citeexport.values`; names :mod:`citeexport.names`.  How a warning becomes an error under
``--strict`` is :func:`~citeexport.formats.base.finish_record`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar, cast

from pydantic import ValidationError

from ...errors import ParseError
from ...markup import from_html
from ...model import ROLES, Citation, Name, Role, new_citation, new_text
from ...names import parse_name, split_joined_names
from ...record_warnings import RecordWarning
from ...values import (
    clean_doi,
    clean_url,
    date_from_text,
    parse_date,
    parse_pages,
    record_language,
    serial_number,
    split_keywords,
)
from ..base import Reader, Record, finish_record
from .table import (
    DATE_SLOTS,
    NEUTRAL_SLOTS,
    NUMBERED_TYPES,
    SERIAL_SLOT,
    SERIAL_TYPES,
    TEXT_SLOTS,
    Field,
    TagTable,
    TypeTable,
    fields_by_tag,
)


@dataclass(frozen=True)
class Dialect:
    """The syntax and tables of one tagged format."""

    name: str  # for messages
    tag_line: re.Pattern[str]  # groups "tag" and "value"; matched against a line without its end
    start_tag: str  # the tag that opens a record (TY, %0, RT)
    end_tag: str | None  # the tag that closes it (RIS ER); None: the next start tag
    fields: Mapping[str, Field]  # upper-case tag -> slot for any type (the writer's table plus reader aliases)
    glued_tag: re.Pattern[str] | None = None  # a known tag inside a value, where a line break was lost
    ignored_tags: frozenset[str] = frozenset()  # tags read on purpose and dropped (record type, source type)
    corporate_comma: bool = False  # EndNote: a name ending with a comma is an organisation
    #: A known tag glued to its value with no separator (``A1林行众``): groups "tag" and "value".
    glued_value: re.Pattern[str] | None = None
    #: The form a tag is compared in (NoteExpress trims and squeezes its field names); None: upper case.
    tag_key: Callable[[str], str] | None = None
    #: A blank line ends a record unless a tag of the record follows (EndNote, RefWorks); False: blank
    #: lines are only spacing, and records end at the next start tag (NoteExpress).
    blank_line_ends_record: bool = True
    types: TypeTable | None = None  # the format's reference types (None: a format read as it reads itself)
    tags: TagTable = ()  # the writer's tag table (slot -> tag), before the per-type overrides
    aliases: Mapping[str, Field] = field(default_factory=dict)  # tags read but never written
    #: The type of a record whose tags come with no start tag (Zotero reads such an EndNote record as a
    #: Book); None: tags before the first start tag are skipped (a header, a legend).
    implicit_type: str | None = None
    serial_tag: str | None = None  # the tag holding "ISSN or ISBN" (and a report's number): read by the value's shape

    def knows(self, tag: str) -> bool:
        return tag in self.fields or tag in self.ignored_tags or tag in (self.start_tag, self.end_tag)

    def key(self, raw_tag: str) -> str:
        return self.tag_key(raw_tag) if self.tag_key is not None else raw_tag.upper()

    @cached_property
    def _fields_by_type(self) -> dict[str, dict[str, Field]]:
        return {}

    def fields_for(self, csl_type: str) -> Mapping[str, Field]:
        """Tag -> slot for a record of ``csl_type``: the type's own table, then the aliases, then any type's."""
        cache = self._fields_by_type
        found = cache.get(csl_type)
        if found is None:
            found = fields_by_tag(self.types.tags(self.tags, csl_type)) if self.types is not None else {}
            for tag, slot in (*self.aliases.items(), *self.fields.items()):
                found.setdefault(tag, slot)
            if self.serial_tag is not None:
                found[self.serial_tag] = SERIAL_SLOT
            cache[csl_type] = found
        return found


@dataclass(slots=True)
class TaggedRecord:
    line: int  # 1-based line of the start tag
    offset: int  # character offset of that line
    tags: list[tuple[str, str]] = field(default_factory=list)  # (tag as compared, value) in input order
    warnings: list[str] = field(default_factory=list)


#: Characters after which MagTech lost a line break before a glued tag (the cheap test for :data:`Dialect.glued_tag`).
_SENTENCE_ENDS = "。！？；"
_SENTENCE_END = re.compile(f"[{_SENTENCE_ENDS}]")


def _join_continuation(record: TaggedRecord, pieces: list[str]) -> None:
    """Add the continuation lines of the record's last value to it, all at once (line by line is quadratic)."""
    if pieces:
        tag, value = record.tags[-1]
        record.tags[-1] = (tag, " ".join([value, *pieces] if value else pieces))
        pieces.clear()


def tagged_records(lines: Iterable[str], dialect: Dialect) -> Iterator[TaggedRecord]:
    """The records of an input, in order, as tag/value lists (see the module docstring)."""
    record: TaggedRecord | None = None
    continuation: list[str] = []  # lines continuing the record's last value, not joined yet
    after_blank = False  # a blank line since the last tag line of ``record``
    implicit = False  # ``record`` started with no start tag (Dialect.implicit_type): a blank line ends it
    match_line = dialect.tag_line.match
    glued_value = dialect.glued_value
    glued_tag = dialect.glued_tag
    start_tag, end_tag = dialect.start_tag, dialect.end_tag
    key = dialect.key
    upper = dialect.tag_key is None  # tags compared in upper case (every format but NoteExpress)
    offset = 0
    for number, line in enumerate(lines, start=1):
        start = offset
        offset += len(line)
        if number == 1 and line.startswith("\ufeff"):
            line = line[1:]
        text = line.rstrip("\r\n")
        match = match_line(text)
        tag = raw_tag = ""
        if match is not None:
            raw_tag = match.group("tag")
            tag = raw_tag.upper() if upper else key(raw_tag)
            if upper and (raw_tag != tag or len(tag) > 2) and not dialect.knows(tag):
                match = None  # "in this study …", "DNA analysis …": a word, not a tag
        if match is None and glued_value is not None and record is not None:
            glued = glued_value.match(text)
            if glued is not None and dialect.knows(key(glued.group("tag"))):
                match, raw_tag = glued, glued.group("tag")
                tag = key(raw_tag)
                record.warnings.append(
                    RecordWarning(
                        f"no space after the tag {tag} on line {number}", "tags glued to their value, read apart", (tag,)
                    )
                )
        if match is None:
            stripped = text.strip()
            if not stripped:
                if record is not None and implicit:
                    _join_continuation(record, continuation)
                    yield record
                    record, implicit = None, False
                elif record is not None and record.tags:
                    after_blank = True
                continue
            if record is not None and record.tags:
                if after_blank and dialect.blank_line_ends_record:
                    record.warnings.append(
                        RecordWarning(
                            "blank line inside the record, text after it read as part of the previous value",
                            "blank lines inside records",
                        )
                    )
                    after_blank = False
                continuation.append(stripped)
            continue
        if continuation and record is not None:
            _join_continuation(record, continuation)
        value = (match.group("value") or "").strip()
        if tag == start_tag:
            if record is not None:
                if end_tag is not None:
                    record.warnings.append(f"record not closed by {end_tag}: ended at the next {tag} (line {number})")
                yield record
            record = TaggedRecord(number, start)
            after_blank = implicit = False
        elif record is None:
            if dialect.implicit_type is None or not dialect.knows(tag):
                continue  # text before the first record (a header, a tag legend, a stray tag)
            record = TaggedRecord(number, start, tags=[(start_tag, dialect.implicit_type)])
            record.warnings.append(
                RecordWarning(
                    f"record with no {start_tag} line: read as {dialect.implicit_type}",
                    f"records with no {start_tag} line, read as {dialect.implicit_type}",
                )
            )
            implicit = True
        elif end_tag is not None and tag == end_tag:
            yield record
            record = None
            continue
        elif after_blank:
            after_blank = False
            if dialect.blank_line_ends_record:
                record.warnings.append(RecordWarning(f"blank line inside the record before {tag}", "blank lines inside records"))
        if raw_tag != tag and upper and raw_tag.upper() == tag:
            record.warnings.append(f"lower-case tag {raw_tag!r} on line {number}: read as {tag}")
        if glued_tag is not None and not value.isascii() and _SENTENCE_END.search(value):
            _split_glued(glued_tag, tag, value, record)
        else:
            record.tags.append((tag, value))
    if record is not None:
        _join_continuation(record, continuation)
        if end_tag is not None:
            record.warnings.append(f"record not closed by {end_tag} at the end of the input")
        yield record


def _split_glued(glued_tag: re.Pattern[str], tag: str, value: str, record: TaggedRecord) -> None:
    """Add ``tag``/``value`` to ``record``, first splitting off any tags glued into the value."""
    pieces = glued_tag.split(value)
    record.tags.append((tag, pieces[0]))
    for glued, glued_value in zip(pieces[1::2], pieces[2::2], strict=True):
        record.warnings.append(f"tag {glued} glued to the end of the {tag} value: read as a line of its own")
        record.tags.append((glued, glued_value))


def field_values(record: TaggedRecord, dialect: Dialect, fields: Mapping[str, Field] | None = None) -> dict[Field, list[str]]:
    """The record's values by slot, in input order; empty and unknown tags reported in its warnings."""
    fields = dialect.fields if fields is None else fields
    values: dict[Field, list[str]] = {}
    unknown: list[str] = []
    for tag, value in record.tags[1:]:  # the first is the start tag
        if tag in dialect.ignored_tags:
            continue
        slot = fields.get(tag)
        if slot is None:
            if tag not in unknown:
                unknown.append(tag)
            continue
        if not value:
            record.warnings.append(RecordWarning(f"empty {tag} ignored", "empty tags ignored", (tag,)))
            continue
        values.setdefault(slot, []).append(value)
    if unknown:
        record.warnings.append(RecordWarning.named("tags with no field in the model, not read", unknown))
    return values


def single(values: Mapping[Field, list[str]], name: Field, warnings: list[str]) -> str | None:
    """The one value of a field that may appear once; later repeats are reported and dropped."""
    found = values.get(name) or []
    if len(found) > 1 and any(other != found[0] for other in found[1:]):
        warnings.append(
            RecordWarning(
                f"{name} given {len(found)} times: kept the first, {found[0]!r}", "repeated fields, first kept", (name,)
            )
        )
    return found[0] if found else None


# -- names and keywords ---------------------------------------------------------------------------


def names_from_lines(lines: Iterable[str], tag: str, warnings: list[str], *, corporate_comma: bool = False) -> tuple[Name, ...]:
    """One name per line; a line holding several names (``刘航;李丹``) is split, with a warning.

    ``corporate_comma``: EndNote's rule that a name ending with a comma is an organisation.
    """
    names: list[Name] = []
    for line in lines:
        line = line.strip()
        if "&" in line:
            line = html.unescape(line)
        if corporate_comma and line.endswith(","):
            name = parse_name(line.rstrip(", "), literal=True)
            names.extend([name] if name else [])
            continue
        parts = split_joined_names(line)
        if len(parts) > 1:
            warnings.append(f"{len(parts)} names in one {tag} line, split: {line!r}")
        names.extend(name for name in map(parse_name, parts) if name is not None)
    return tuple(names)


def keywords_from_lines(lines: Iterable[str], tag: str, warnings: list[str]) -> tuple[str, ...]:
    """One keyword per line; a line of ``;``-joined keywords (CNKI ``小麦;抗旱;转基因``) is split, with a warning."""
    keywords: list[str] = []
    for line in lines:
        parts = split_keywords(line)
        if len(parts) > 1:
            warnings.append(f"{len(parts)} keywords in one {tag} line, split at ';': {line!r}")
        keywords.extend(part for part in map(from_html, parts) if part)
    return tuple(keywords)


# -- records ----------------------------------------------------------------------------------------


def tag_of(dialect: Dialect, name: Field, fields: Mapping[str, Field] | None = None) -> str:
    """The tag a slot is read from, for messages."""
    return _tags_by_slot(fields or dialect.fields).get(name, name)


_TAGS_BY_SLOT: dict[int, tuple[Mapping[str, Field], dict[Field, str]]] = {}


def _tags_by_slot(fields: Mapping[str, Field]) -> dict[Field, str]:
    """Slot -> its first tag in ``fields``, computed once per table (the tables live as long as the process)."""
    cached = _TAGS_BY_SLOT.get(id(fields))
    if cached is None or cached[0] is not fields:
        inverse: dict[Field, str] = {}
        for tag, slot in fields.items():
            inverse.setdefault(slot, tag)
        cached = _TAGS_BY_SLOT[id(fields)] = (fields, inverse)
    return cached[1]


def first_line(head: str) -> str:
    """The first non-blank line of an input's head (what format sniffing looks at)."""
    return next((line for line in head.splitlines() if line.strip()), "")


@dataclass(frozen=True)
class RecordType:
    """A record's reference type as read: its CSL type, the genre its type name implies, and the name."""

    csl: str
    genre: str | None
    code: str


def record_type(record: TaggedRecord, dialect: Dialect) -> RecordType:
    """The record's type from its start tag's value; a type the table lacks is read as ``document``
    with the name kept as its genre, and said once per kind."""
    code = record.tags[0][1] if record.tags else ""
    row = dialect.types.read(code) if dialect.types is not None and code else None
    if row is not None:
        return RecordType(row.csl, row.genre, code)
    if dialect.types is not None:
        shown = code or "(none)"
        record.warnings.append(
            RecordWarning(
                f"reference type {shown!r} not known: read as document", "reference types not known, read as document", (shown,)
            )
        )
    return RecordType("document", code or None, code)


def _text(value: str | None) -> str | None:
    return from_html(value) if value else value


def _plain(value: str | None) -> str | None:
    """A value that is no text (an identifier, a number): entities decoded, nothing else."""
    return html.unescape(value) if value and "&" in value else value


def _serial_numbers(lines: Iterable[str], default: Field, warnings: list[str]) -> dict[str, str]:
    """``SN``/``%@`` values: an ISSN or an ISBN by its shape (``2277-9175 (Print)``: the print ISSN,
    ``(Electronic)``: the electronic one), else the type's own slot for the tag (``default``)."""
    out: dict[str, str] = {}
    for line in lines:
        kind, number = serial_number(_plain(line) or "")
        slot = kind or default
        if slot in out:
            if out[slot] != number:
                warnings.append(
                    RecordWarning(f"{slot} given twice: kept the first, {out[slot]!r}", "repeated fields, first kept", (slot,))
                )
            continue
        out[slot] = number
    return out


_ROLES = frozenset(ROLES)


def citation_from_values(
    values: Mapping[Field, list[str]],
    dialect: Dialect,
    kind: RecordType,
    warnings: list[str],
    fields: Mapping[str, Field],
    fixed: Mapping[str, Any] | None = None,
) -> Citation:
    """A one-language Citation from a record's values by slot; ``fixed`` holds the model fields the
    format read its own way (pages, an article number, the journal), which the slots do not touch."""
    fixed = dict(fixed or {})
    neutral: dict[str, Any] = {}
    text: dict[str, Any] = {}
    names: dict[Role, tuple[Name, ...]] = {}
    for slot, lines in values.items():
        if slot in TEXT_SLOTS:
            if slot in ("abstract", "note"):
                joined = (" " if slot == "abstract" else "\n").join(dict.fromkeys(lines))  # AB and N2 often repeat each other
                text[slot] = _text(joined)
            elif slot == "url":
                text[slot] = clean_url(_plain(single(values, slot, warnings)), warnings)
            else:
                text[slot] = _text(single(values, slot, warnings))
        elif slot == SERIAL_SLOT:
            default = "number" if kind.csl in NUMBERED_TYPES else "issn" if kind.csl in SERIAL_TYPES else "isbn"
            for found, number in _serial_numbers(lines, default, warnings).items():
                neutral.setdefault(found, number)
        elif slot in NEUTRAL_SLOTS:
            value = _plain(single(values, slot, warnings))
            neutral[slot] = clean_doi(value, warnings) if slot == "doi" else value
        elif slot in DATE_SLOTS:
            neutral[slot] = date_from_text(single(values, slot, warnings))
        elif slot in _ROLES:
            role = cast(Role, slot)
            names[role] = names.get(role, ()) + _names(lines, slot, dialect, fields, warnings)
    for key in ("issn", "isbn", "eissn"):
        if key in neutral and neutral[key] is None:
            del neutral[key]
    title = text.get("title")
    language = single(values, "language", warnings)
    lang, tag = record_language(language.strip(" ;；,，") if language else None, title, warnings)  # CNKI's "中文;"
    if kind.genre and not text.get("genre"):
        text["genre"] = kind.genre
    text.update({key: value for key, value in fixed.items() if key in TEXT_SLOTS})
    localized = new_text(
        {
            "language": tag,
            "names": names,
            "keywords": keywords_from_lines(values.get("keyword", []), tag_of(dialect, "keyword", fields), warnings),
            **text,
        }
    )
    neutral.update({key: value for key, value in fixed.items() if key not in TEXT_SLOTS})
    if "issued" not in neutral:
        neutral["issued"] = parse_date(single(values, "date", warnings), single(values, "year", warnings), warnings)
    return new_citation({"type": kind.csl, "texts": {lang: localized}, **neutral})  # a table's type: a CSL type


def _names(lines: list[str], slot: Field, dialect: Dialect, fields: Mapping[str, Field], warnings: list[str]) -> tuple[Name, ...]:
    return names_from_lines(lines, tag_of(dialect, slot, fields), warnings, corporate_comma=dialect.corporate_comma)


def pages_of(text: str | None) -> dict[str, str | None]:
    """The page fields of one page value: ``1-3`` first and last, ``1106-1111+1117`` kept whole as ``page``."""
    first, last, page = parse_pages(text)
    return {"page_first": first, "page_last": last, "page": page}


def read_citation(
    record: TaggedRecord,
    dialect: Dialect,
    own: Callable[[dict[Field, list[str]], RecordType, list[str]], Mapping[str, Any]] | None = None,
) -> Citation:
    """A record as a Citation through the format's tables; ``own`` reads what the format spells its
    own way (from the values by slot, which it may consume) into model fields."""
    kind = record_type(record, dialect)
    fields = dialect.fields_for(kind.csl)
    values = field_values(record, dialect, fields)
    fixed = own(values, kind, record.warnings) if own is not None else {}
    return citation_from_values(values, dialect, kind, record.warnings, fields, fixed)


def read_records(
    lines: Iterable[str], source: str, dialect: Dialect, to_citation: Callable[[TaggedRecord], Citation], strict: bool
) -> Iterator[Record]:
    """The reader loop of every tagged format: one Record per tagged record; a bad one gets ``error``, reading goes on."""
    for number, tagged in enumerate(tagged_records(lines, dialect), start=1):
        record = Record(source, number, line=tagged.line, offset=tagged.offset, warnings=tagged.warnings)
        try:
            record.citation = to_citation(tagged)
        except ParseError as exc:
            record.error = exc.located(file=source, record=number, line=tagged.line, offset=tagged.offset)
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(part) for part in error["loc"])
            record.error = ParseError(
                error["msg"], file=source, record=number, field=where or None, line=tagged.line, offset=tagged.offset
            )
        except ValueError as exc:
            record.error = ParseError(str(exc), file=source, record=number, line=tagged.line, offset=tagged.offset)
        yield finish_record(record, strict)


class TaggedReader(Reader):
    """A tagged format's reader: its dialect, and how one tagged record becomes a Citation."""

    dialect: ClassVar[Dialect]

    @staticmethod
    def citation_from_record(record: TaggedRecord) -> Citation:
        raise NotImplementedError

    def read(self, lines: Iterable[str], source: str = "<input>") -> Iterator[Record]:
        return read_records(lines, source, self.dialect, self.citation_from_record, self.options.strict)

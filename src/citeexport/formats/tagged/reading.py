"""What the tagged readers (RIS, EndNote, RefWorks) share: tag lines into records, and the defects real exporters emit.

The three formats are one field per line, ``<tag><separator><value>``; they differ in the
tag syntax, how a record starts and ends, and the tag table (a :class:`Dialect` holds all
three, as data).  :func:`tagged_records` turns the lines of an input into
:class:`TaggedRecord` s, one at a time, repairing what exporters get wrong and saying so
in ``warnings``:

* a UTF-8 BOM on the first line, CR LF or LF line ends;
* a line that is not a tag line continues the previous value (wrapped abstracts);
* a lower-case tag (CNKI's RefWorks ``vo 49``) is read as the upper-case one;
* a tag glued to the end of the previous value after a Chinese sentence end (MagTech's ``…育性。%A 刘航;李丹``);
* empty tags (MagTech's ``%R`` padded with spaces) are dropped;
* a record not closed by its end tag (RIS ``ER``) ends at the next start tag.

:func:`field_values` then groups the values by :data:`~.table.Field`, and the helpers
below parse what all three spell alike (names joined in one line, keywords joined in one
line); dates, page ranges and the language are :mod:`citeexport.values`.  How a warning
becomes an error under ``--strict`` is :func:`~citeexport.formats.base.finish_record`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from pydantic import ValidationError

from ...errors import ParseError
from ...model import Citation, Date, LocalizedText, Name
from ...names import parse_name, split_joined_names
from ...record_warnings import RecordWarning
from ...values import clean_doi, clean_url, parse_date, record_language, split_keywords
from ..base import Reader, Record, finish_record
from .table import Field


@dataclass(frozen=True)
class Dialect:
    """The syntax of one tagged format."""

    name: str  # for messages
    tag_line: re.Pattern[str]  # groups "tag" and "value"; matched against a line without its end
    start_tag: str  # the tag that opens a record (TY, %0, RT)
    end_tag: str | None  # the tag that closes it (RIS ER); None: a blank line or the next start
    fields: Mapping[str, Field]  # upper-case tag -> field (the writer's table plus reader aliases)
    glued_tag: re.Pattern[str] | None = None  # a known tag inside a value, where a line break was lost
    ignored_tags: frozenset[str] = frozenset()  # tags read on purpose and dropped (record type, source type)
    corporate_comma: bool = False  # EndNote: a name ending with a comma is an organisation
    #: How a tag is compared, for formats whose tags are words (NoteExpress ``{Subsidiary Author,}``:
    #: trimmed, a stray comma dropped, case folded); None: upper-cased, a lower-case tag warned about.
    tag_key: Callable[[str], str] | None = None
    #: With no end tag, a blank line ends a record (EndNote, RefWorks); False: only the next start
    #: tag does, and blank lines are skipped (NoteExpress exports have them inside a record, or none between).
    blank_line_ends_record: bool = True

    def knows(self, tag: str) -> bool:
        return tag in self.fields or tag in self.ignored_tags or tag in (self.start_tag, self.end_tag)


@dataclass(slots=True)
class TaggedRecord:
    line: int  # 1-based line of the start tag
    offset: int  # character offset of that line
    tags: list[tuple[str, str]] = field(default_factory=list)  # (upper-case tag, value) in input order
    warnings: list[str] = field(default_factory=list)


def _physical_lines(lines: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """(1-based number, character offset, text without its line end); a BOM on the first line removed."""
    offset = 0
    for number, line in enumerate(lines, start=1):
        text = line[1:] if number == 1 and line.startswith("\ufeff") else line
        yield number, offset, text.rstrip("\r\n")
        offset += len(line)


def _split_glued(dialect: Dialect, tag: str, value: str, record: TaggedRecord) -> None:
    """Add ``tag``/``value`` to ``record``, first splitting off any tags glued into the value."""
    pieces = dialect.glued_tag.split(value) if dialect.glued_tag else [value]
    record.tags.append((tag, pieces[0]))
    for glued, glued_value in zip(pieces[1::2], pieces[2::2], strict=True):
        record.warnings.append(f"tag {glued} glued to the end of the {tag} value: read as a line of its own")
        record.tags.append((glued, glued_value))


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
    for number, offset, text in _physical_lines(lines):
        match = dialect.tag_line.match(text)
        if (
            match is not None
            and dialect.tag_key is None
            and match.group("tag") != match.group("tag").upper()
            and not dialect.knows(match.group("tag").upper())
        ):
            match = None  # "in this study …": a lower-case word, not a lower-case tag
        if match is None:
            if not text.strip():
                if record is not None and dialect.end_tag is None and dialect.blank_line_ends_record and record.tags:
                    _join_continuation(record, continuation)
                    yield record
                    record = None
            elif record is not None and record.tags:
                continuation.append(text.strip())
            continue
        if record is not None:
            _join_continuation(record, continuation)
        raw_tag, value = match.group("tag"), (match.group("value") or "").strip()
        tag = raw_tag.upper() if dialect.tag_key is None else dialect.tag_key(raw_tag)
        if tag == dialect.start_tag:
            if record is not None:
                if dialect.end_tag is not None:
                    record.warnings.append(f"record not closed by {dialect.end_tag}: ended at the next {tag} (line {number})")
                yield record
            record = TaggedRecord(number, offset)
        elif record is None:
            continue  # text before the first record (a header, a stray tag)
        elif dialect.end_tag is not None and tag == dialect.end_tag:
            yield record
            record = None
            continue
        if raw_tag != tag and dialect.tag_key is None:
            record.warnings.append(f"lower-case tag {raw_tag!r} on line {number}: read as {tag}")
        _split_glued(dialect, tag, value, record)
    if record is not None:
        _join_continuation(record, continuation)
        if dialect.end_tag is not None:
            record.warnings.append(f"record not closed by {dialect.end_tag} at the end of the input")
        yield record


def field_values(record: TaggedRecord, dialect: Dialect) -> dict[Field, list[str]]:
    """The record's values by field, in input order; empty and unknown tags reported in its warnings."""
    values: dict[Field, list[str]] = {}
    unknown: list[str] = []
    for tag, value in record.tags[1:]:  # the first is the start tag
        if tag in dialect.ignored_tags:
            continue
        if tag not in dialect.fields:
            if tag not in unknown:
                unknown.append(tag)
            continue
        if not value:
            record.warnings.append(RecordWarning(f"empty {tag} ignored", "empty tags ignored", (tag,)))
            continue
        values.setdefault(dialect.fields[tag], []).append(value)
    if unknown:
        record.warnings.append(RecordWarning.named("tags with no field in the model, not read", unknown))
    return values


def single(values: Mapping[Field, list[str]], name: Field, warnings: list[str]) -> str | None:
    """The one value of a field that may appear once; later repeats are reported and dropped."""
    found = values.get(name) or []
    if len(found) > 1:
        warnings.append(f"{name} given {len(found)} times: kept the first, {found[0]!r}")
    return found[0] if found else None


# -- names and keywords ---------------------------------------------------------------------------


def names_from_lines(lines: Iterable[str], tag: str, warnings: list[str], *, corporate_comma: bool = False) -> tuple[Name, ...]:
    """One name per line; a line holding several names (``刘航;李丹``) is split, with a warning.

    ``corporate_comma``: EndNote's rule that a name ending with a comma is an organisation.
    """
    names: list[Name] = []
    for line in lines:
        line = line.strip()
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
        keywords.extend(parts)
    return tuple(keywords)


# -- records ----------------------------------------------------------------------------------------


def tag_of(dialect: Dialect, name: Field) -> str:
    """The tag a field is written with, for messages."""
    return next((tag for tag, mapped in dialect.fields.items() if mapped == name), name)


@dataclass(frozen=True)
class Parsed:
    """What a format reads its own way (dates, pages, URL), handed to :func:`citation_from_values`."""

    issued: Date | None = None
    page_first: str | None = None
    page_last: str | None = None
    number: str | None = None
    journal: str | None = None
    url: str | None = None


def common_parts(
    values: Mapping[Field, list[str]],
    warnings: list[str],
    pages: tuple[str | None, str | None],
    *,
    number: str | None = None,
    journal: Callable[[], str | None] | None = None,
) -> Parsed:
    """What every tagged format reads alike (the date from date/year, the journal, the URL), with
    the pages and what else the format reads its own way."""
    issued = parse_date(single(values, "date", warnings), single(values, "year", warnings), warnings)
    return Parsed(
        issued=issued,
        page_first=pages[0],
        page_last=pages[1],
        number=number,
        journal=journal() if journal is not None else single(values, "journal", warnings),
        url=single(values, "url", warnings),
    )


def first_line(head: str) -> str:
    """The first non-blank line of an input's head (what format sniffing looks at)."""
    return next((line for line in head.splitlines() if line.strip()), "")


def citation_from_values(values: Mapping[Field, list[str]], dialect: Dialect, parsed: Parsed, warnings: list[str]) -> Citation:
    """A one-language Citation from a tagged record's values; the format-specific parts come in ``parsed``."""
    title = single(values, "title", warnings)
    lang, tag = record_language(single(values, "language", warnings), title, warnings)
    text = LocalizedText(
        language=tag,
        title=title,
        names={
            "author": names_from_lines(
                values.get("author", []), tag_of(dialect, "author"), warnings, corporate_comma=dialect.corporate_comma
            )
        },
        container_title=parsed.journal,
        container_title_short=single(values, "journal_abbreviation", warnings),
        abstract=" ".join(dict.fromkeys(values.get("abstract", []))) or None,  # AB and N2 often repeat each other
        keywords=keywords_from_lines(values.get("keyword", []), tag_of(dialect, "keyword"), warnings),
        url=clean_url(parsed.url, warnings),
    )
    return Citation(
        issued=parsed.issued,
        volume=single(values, "volume", warnings),
        issue=single(values, "issue", warnings),
        page_first=parsed.page_first,
        page_last=parsed.page_last,
        number=parsed.number,
        doi=clean_doi(single(values, "doi", warnings), warnings),
        issn=single(values, "issn", warnings),
        texts={lang: text},
    )


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

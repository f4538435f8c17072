"""Reading EndNote XML: each ``<record>`` one :class:`Citation`, in the record's language, and its
``translated-title`` and ``translated-authors`` (EndNote's "Translated Title", "Translated Author")
as a second language when they are in another one (zh when they hold CJK characters, else en; in
the record's own language they are named in a warning, not read).  The writer writes each language
as a record of its own, so what it writes reads back as it was.

The records are cut from the input and parsed one at a time (:mod:`.records`), from the raw bytes
decoded in blocks when the input offers them, so memory stays flat for any library size and a
broken record does not stop the ones after it.  Each element reaches the model through the type's
slots (:func:`.table.slots`); an element with no slot is named in one warning per record (the
report groups them by kind over the file, with a count).  Bookkeeping elements (``database``,
``source-app``, ``rec-number``, ``foreign-keys``) identify the record in its EndNote library and
are not read.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from typing import Any, cast

from pydantic import ValidationError

from ...errors import DecodeError, ParseError
from ...markup import to_plain
from ...model import Citation, CslType, LocalizedText, Name, Role
from ...names import parse_name
from ...record_warnings import RecordWarning
from ...values import (
    clean_doi,
    clean_url,
    date_from_text,
    parse_date,
    parse_pages,
    record_language,
    translation_language,
)
from ..base import InputReading, Reader, Record, Source
from .records import RawRecord, parse_record, raw_records
from .styles import styled_text
from .table import BOOKKEEPING, EDITED_BOOK, ENDNOTE_NAMES_BY_NUMBER, ENDNOTE_TYPES, READ_TYPES, SLOTS, TRANSLATED

UNREAD = "elements with no field in the model, not read"
#: Children that group repeated values: their values are their children's.
_GROUPS = frozenset({"contributors", "titles", "periodical", "urls"})
#: Model fields of the localized text (the rest are the citation's).
_LOCALIZED = frozenset(LocalizedText.model_fields) - {"names", "language"}
#: Localized fields kept as plain text (no markup): links.
_PLAIN = frozenset({"url", "pdf_url"})
_DATE_FIELDS = frozenset({"issued", "accessed", "original_date"})
#: Fields whose repeated elements are joined (one note from notes and research notes).
_JOINED = {"note": "\n\n"}
#: Encodings whose raw bytes the reader decodes itself: white space is the same bytes as in ASCII
#: (what tells the input is not empty, :mod:`citeexport.inputs`).
_ASCII_COMPATIBLE = frozenset({"utf-8", "utf-8-sig", "ascii", "gb18030", "gbk", "big5", "iso8859-1", "cp1252"})
_SNIFF = re.compile(r"(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<xml>\s*<records>", re.IGNORECASE | re.DOTALL)


def record_type(record: ET.Element, warnings: list[str]) -> tuple[CslType, str | None]:
    """(CSL type, genre): by the ``ref-type`` name, else its number; an unknown type is a document
    with the type's name as its genre."""
    element = record.find("ref-type")
    if element is None:
        warnings.append("no ref-type: read as a journal article")
        return "article-journal", None
    name = (element.get("name") or "").strip()
    number_text = (element.text or "").strip()
    number = int(number_text) if number_text.isdigit() else None
    if name in READ_TYPES:
        if number is not None and ENDNOTE_TYPES.get(name, number) != number:
            warnings.append(
                RecordWarning.named("ref-type numbers that contradict their names, read by the name", [f"{name} {number}"])
            )
        return cast(CslType, READ_TYPES[name]), None
    by_number = ENDNOTE_NAMES_BY_NUMBER.get(number) if number is not None else None
    if by_number is not None and by_number in READ_TYPES:
        if name:
            warnings.append(RecordWarning.named("unknown ref-type names, read by their number", [f"{name} {number}"]))
        return cast(CslType, READ_TYPES[by_number]), None
    shown = name or number_text or "(empty)"
    warnings.append(RecordWarning.named("unknown ref-types, read as a document with the type as its genre", [shown]))
    return "document", name or None


def _values(record: ET.Element) -> Iterator[tuple[str, ET.Element]]:
    """(element path, element) of each value of a record: grouped values one by one."""
    for child in record:
        if child.tag in _GROUPS:
            for grandchild in child:
                path = f"{child.tag}/{grandchild.tag}"
                if child.tag == "urls":
                    for url in grandchild:
                        yield path, url
                else:
                    yield path, grandchild
        elif child.tag == "dates":
            yield "dates", child
        else:
            yield child.tag, child


def _date_texts(dates: ET.Element, warnings: set[str]) -> tuple[str | None, str | None]:
    """(date text, year text) of a ``dates`` element."""
    year = dates.find("year")
    date = dates.find("pub-dates/date")
    return (
        to_plain(styled_text(date, warnings)) if date is not None else None,
        to_plain(styled_text(year, warnings)) if year is not None else None,
    )


def _name(text: str) -> Name | None:
    """``Family, Given`` as EndNote writes it; a trailing comma marks an organisation (EndNote's rule)."""
    text = text.strip()
    if text.endswith(","):
        stripped = text.rstrip(", ")
        return Name(literal=stripped) if stripped else None
    return parse_name(text)


class _Language:
    """The values of one language of a record as read: fields by model field, names by role."""

    def __init__(self) -> None:
        self.fields: dict[str, Any] = {}
        self.names: dict[str, list[Name]] = {}

    def __bool__(self) -> bool:
        return bool(self.fields or self.names)

    def texts(self) -> list[str]:
        """Its title and names as plain text (what tells its language)."""
        names = (" ".join(filter(None, (n.family, n.given, n.literal))) for found in self.names.values() for n in found)
        return [to_plain(self.fields.get("title")) or "", *names]


def citation_from_element(record: ET.Element, warnings: list[str]) -> Citation:
    csl_type, genre = record_type(record, warnings)
    slots = SLOTS[csl_type]
    ref_type = record.find("ref-type")
    edited = ref_type is not None and (ref_type.get("name") or "").strip() == EDITED_BOOK  # its authors are editors
    styles: set[str] = set()
    unread: dict[str, None] = {}
    own, translated = _Language(), _Language()
    differing: dict[str, None] = {}
    for path, element in _values(record):
        if path in BOOKKEEPING:
            continue
        if len(element) == 0 and not (element.text or "").strip():
            continue  # an empty element: <periodical/>, <keywords/>, <urls/>
        into = translated if path in TRANSLATED else own
        field = TRANSLATED.get(path) or slots.get(path)
        if field is None:
            unread[path] = None
            continue
        fields = into.fields
        if path.startswith("contributors/"):
            role = "editor" if edited and field == "author" and into is own else field
            for author in element:
                name = _name(to_plain(styled_text(author, styles)) or "")
                if name is not None:
                    into.names.setdefault(role, []).append(name)
            continue
        if field == "keywords":
            keywords = [to_plain(styled_text(keyword, styles)) for keyword in element]
            fields.setdefault("keywords", []).extend(k for k in keywords if k)
            continue
        if field == "issued":
            fields["issued"] = _date_texts(element, styles)
            continue
        value = styled_text(element, styles)
        if field not in _LOCALIZED or field in _PLAIN:
            value = to_plain(value) or ""
        if not value.strip():
            continue
        if field in _JOINED and field in fields:
            fields[field] += _JOINED[field] + value
        elif field in fields:
            if fields[field].strip() != value.strip():
                differing[path] = None
        else:
            fields[field] = value
    if unread:
        warnings.append(RecordWarning.named(UNREAD, unread))
    if differing:
        warnings.append(RecordWarning.named("elements repeating a field with another value, not read", differing))
    warnings.extend(sorted(styles))
    return _citation(csl_type, genre, own, translated, warnings)


def _citation(csl_type: CslType, genre: str | None, own: _Language, translated: _Language, warnings: list[str]) -> Citation:
    fields = own.fields
    title = fields.get("title")
    lang, tag = record_language(fields.pop("language", None), to_plain(title), warnings)
    neutral: dict[str, Any] = {}
    localized: dict[str, Any] = {}
    for field, value in fields.items():
        if field == "pages":
            neutral["page_first"], neutral["page_last"], neutral["page"] = parse_pages(value)
        elif field == "issued":
            neutral["issued"] = parse_date(value[0], value[1], warnings)
        elif field == "accessed":
            neutral["accessed"] = parse_date(value, None, warnings)
        elif field == "original_date":
            neutral["original_date"] = date_from_text(value)
        elif field == "doi":
            neutral["doi"] = clean_doi(value, warnings)
        elif field in ("url", "pdf_url"):
            localized[field] = clean_url(value, warnings)
        elif field == "keywords":
            localized["keywords"] = tuple(value)
        elif field in _LOCALIZED:
            localized[field] = value
        else:
            neutral[field] = value
    if genre and not localized.get("genre"):
        localized["genre"] = genre
    texts = {lang: LocalizedText(language=tag, names=_roles(own.names), **localized)}
    if translated:
        other = translation_language(translated.texts())
        if other == lang:
            shown = [path for path, field in TRANSLATED.items() if field in translated.fields or field in translated.names]
            warnings.append(RecordWarning.named("translated elements in the record's own language, not read", shown))
        else:
            texts[other] = LocalizedText(names=_roles(translated.names), **translated.fields)
    return Citation(type=csl_type, texts=texts, **neutral)


def _roles(names: dict[str, list[Name]]) -> dict[Role, tuple[Name, ...]]:
    return {cast(Role, role): tuple(found) for role, found in names.items()}


def decoded_pieces(blocks: Iterable[bytes], encoding: str, name: str) -> Iterator[str]:
    """The text of raw ``blocks`` in ``encoding``, piece by piece (no line is ever joined whole)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    consumed = 0
    for block in blocks:
        held = len(decoder.getstate()[0])
        try:
            text = decoder.decode(block)
        except UnicodeDecodeError as exc:
            raise DecodeError(encoding, consumed - held + exc.start, file=name) from None
        consumed += len(block)
        if text:
            yield text
    try:
        rest = decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise DecodeError(encoding, consumed - len(decoder.getstate()[0]) + exc.start, file=name) from None
    if rest:
        yield rest


class EndnoteXmlReader(Reader, InputReading):
    name = "endnote-xml"
    description = "EndNote XML (the XML export of EndNote, Zotero and Mendeley)"
    extensions = ("xml",)

    @classmethod
    def sniff(cls, head: str) -> bool:
        return _SNIFF.match(head.lstrip("\ufeff \t\r\n")) is not None

    def read_input(self, source: Source) -> Iterator[Record]:
        """From the raw bytes decoded in blocks (no line is joined whole: an export is often one
        line) when the encoding is ASCII-compatible, else from blocks of whole lines (UTF-16, UTF-32)."""
        if source.blocks is not None and codecs.lookup(source.encoding).name in _ASCII_COMPATIBLE:
            return self._records(decoded_pieces(source.blocks, source.encoding, source.name), source.name)
        return self._records(source.line_blocks, source.name)

    def read(self, lines: Iterable[str], source: str = "<input>") -> Iterator[Record]:
        return self._records(lines, source)

    def _records(self, pieces: Iterable[str], source: str) -> Iterator[Record]:
        for raw in raw_records(pieces):
            yield self._record(raw, source)

    def _record(self, raw: RawRecord, source: str) -> Record:
        record = Record(source, raw.number, line=raw.line, offset=raw.offset)

        def error(message: str) -> ParseError:
            return ParseError(message, file=source, record=raw.number, line=raw.line, offset=raw.offset)

        if raw.problem is not None:
            record.error = error(f"malformed EndNote XML: {raw.problem}")
            return record
        try:
            element = parse_record(raw)
        except ET.ParseError as exc:
            line, column = exc.position
            message = str(exc).split(":", 1)[0]
            at = f"line {raw.line + line - 1}, column {column + 1}" if line > 1 else f"offset {raw.offset + column}"
            record.error = error(f"malformed EndNote XML record: {message} (at {at})")
            return record
        record.warnings.extend(raw.warnings)
        try:
            record.citation = citation_from_element(element, record.warnings)
        except ParseError as exc:
            record.error = exc.located(file=source, record=raw.number, line=raw.line, offset=raw.offset)
        except (ValidationError, ValueError) as exc:
            record.error = error(f"bad EndNote XML record: {exc}")
        return record

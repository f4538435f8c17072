"""CSL-JSON: an array of CSL items, read and written, every CSL 1.0.2 variable both ways.

Reading: an array of CSL items (or one item) -> one Citation per item, in one language.
The item's language is its ``language`` field (any BCP 47 tag, or a language's name); without
one, an item whose title, journal or authors contain CJK characters is Chinese, any other is
English.  Every CSL 1.0.2 variable is read (:data:`TEXT_VARIABLES`, :data:`NUMBER_VARIABLES`,
:data:`DATE_VARIABLES`, every name variable of :data:`~citeexport.model.ROLES`); those the model
has no field for (``PMID``, ``original-title``, ``references``, ``custom`` …,
:data:`EXTRA_VARIABLES`) are kept in ``Citation.extra`` and written back as they came.  Names keep
every part (``family``, ``given``, ``literal``, both particles, ``suffix``, ``comma-suffix``).
Dates: ``date-parts`` (numbers or numeric strings, a range as two parts, months 13-24 as
seasons), ``season``, ``circa``, ``literal``, ``raw`` and EDTF strings (``-0876``, ``1900~``,
``2004-21``, ``2001/2003``); an invalid month or day makes the date a literal of its parts, with a
warning (never a crash, never a rejected record).  ``page`` -> first/last, or the whole text for
what is no simple range.  A key that is no CSL variable is named in one warning per kind
(``keys that are no CSL 1.0.2 variable, not read``); Zotero's ``journalAbbreviation`` and
``shortTitle`` and CSL 1.0.1's ``event`` are read as what they mean.  An unknown type is
``document`` with the type kept as its genre.  An item id written as ``<id>-<lang>`` gives back
the article id.

Writing: a JSON array of CSL items, one per article and language, streamed.  ``start``
writes ``[``, each article adds its items, ``finish`` writes ``]``, so the output is a valid
array at the end however many records arrive, one item per line.  UTF-8 is written as is
(no ``\\u`` escapes).  Item ids are ``<article id>-<lang>`` (stable for the same input); an
id already used in this output gets ``-2``, ``-3`` …, so ids are unique.

Exact both ways: an item as this writer writes it (ids ``<id>-<lang>``, a ``language``, ``page-first``
the first page of ``page``, keywords joined with ``, ``, numbers as strings) reads and writes back
equal, for every CSL type (``tests/formats/csljson``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, cast

from pydantic import ValidationError

from ..errors import ParseError
from ..model import (
    CSL_TYPES,
    DATE_FIELDS,
    LOCALIZED_FIELDS,
    NEUTRAL_FIELDS,
    ROLES,
    Citation,
    CslType,
    Date,
    Lang,
    Name,
    Role,
    has_cjk,
    new_citation,
    new_name,
    new_text,
)
from ..names import parse_name
from ..options import WriteOptions
from ..projection import FIELDS, NAME_FIELDS, Carries, Mode
from ..record_warnings import RecordWarning
from ..values import SEASON_WORDS, date_from_parts, date_from_text, language_tag, parse_pages, split_keywords
from .base import InputReading, Reader, Record, Source, Writer, given_fields


def item_language(item: dict[str, Any]) -> tuple[Lang, str | None]:
    """(language, BCP 47 tag as given): the item's ``language``, else zh when its title, journal or
    authors hold CJK characters, else en."""
    parsed = language_tag(str(item.get("language") or ""))
    if parsed is not None:
        return parsed
    names = " ".join(str(v) for n in item.get("author") or [] if isinstance(n, dict) for v in n.values())
    probe = " ".join(str(item.get(key) or "") for key in ("title", "container-title")) + names
    return ("zh" if has_cjk(probe) else "en"), None


def csl_date(value: Any, field: str, warnings: list[str] | None = None) -> Date | None:
    """A CSL date object: its ``date-parts`` (with ``season``, ``circa``), else its ``literal``, else
    its ``raw`` or EDTF text, parsed as any date is (:func:`~citeexport.values.date_from_text`).
    A string or a number is read as date text; anything else is kept as a literal of its JSON text,
    with a warning."""
    if value is None or value in ("", [], {}):
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return date_from_text(str(value))
    if isinstance(value, list) and value and all(isinstance(part, (int, str)) for part in value):
        value = {"date-parts": [value]}  # a bare [2020, 5]: some producers write date-parts so
    if not isinstance(value, dict):
        if warnings is not None:
            warnings.append(RecordWarning.named("dates that are no CSL date object, kept as text", (field,)))
        return date_from_text(json.dumps(value, ensure_ascii=False))
    parts = value.get("date-parts")
    date: Date | None = None
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        date, problem = date_from_parts(parts[0])
        if problem and warnings is not None:
            warnings.append(f"{field}: {problem}")
        if date is not None and date.literal is None and len(parts) > 1 and isinstance(parts[1], list) and parts[1]:
            end, problem = date_from_parts(parts[1])
            if end is not None and end.literal is None and end.season is None:
                date = date.model_copy(update={"end": end})
            elif warnings is not None:
                warnings.append(f"{field}: range end {parts[1]!r} not read")
    if date is None:
        if _text(value.get("literal")):
            return Date(literal=_text(value["literal"]))  # a literal is kept as written, never parsed
        raw = value.get("raw") or value.get("edtf")
        return date_from_text(str(raw)) if raw else None
    update: dict[str, Any] = {}
    season = value.get("season")
    if season not in (None, "") and date.literal is None and date.month is None and date.season is None:
        update["season"] = _season(season)
    if value.get("circa") not in (None, False, "", 0, "false") and date.literal is None:
        update["circa"] = True
    if date.end is None and not update:
        return date  # as date_from_parts built it: validated
    return Date.model_validate(date.model_dump() | update)


def _season(value: Any) -> int | str:
    text = str(value).strip()
    if text.isdigit() and 1 <= int(text) <= 4:
        return int(text)
    if text.isdigit() and 13 <= int(text) <= 24:
        return (int(text) - 13) % 4 + 1
    return SEASON_WORDS.get(text.lower(), text)


def csl_name(value: Any, field: str = "author") -> Name:
    """One CSL name object, every part kept: ``family``, ``given``, ``literal``, both particles,
    ``suffix``, ``comma-suffix``; a plain string (some producers write one) is parsed as printed."""
    if isinstance(value, str):
        parsed = parse_name(value)
        if parsed is None:
            raise ParseError("empty name", field=field)
        return parsed
    if not isinstance(value, dict):
        raise ParseError("expected a name object", field=field)
    if value.get("literal"):
        return Name(literal=_text(value["literal"]))
    parts: dict[str, Any] = {
        _NAME_KEYS[key]: text for key, raw in value.items() if key in _NAME_KEYS and (text := _text(raw)) is not None
    }
    if not parts:
        raise ParseError("a name object with no name part", field=field)
    if "suffix" in parts and value.get("comma-suffix") not in (None, False, "", 0, "false"):
        parts["comma_suffix"] = True
    return new_name(parts)


#: Model name part -> CSL-JSON key.
_NAME_PARTS = {
    "family": "family",
    "given": "given",
    "non_dropping_particle": "non-dropping-particle",
    "dropping_particle": "dropping-particle",
    "suffix": "suffix",
}
#: CSL-JSON key -> model name part.
_NAME_KEYS = {csl: part for part, csl in _NAME_PARTS.items()}


def parse_names(value: Any, field: str = "author") -> tuple[Name, ...]:
    if not value:
        return ()
    if not isinstance(value, list):
        raise ParseError("expected a list of names", field=field)
    return tuple(csl_name(name, field) for name in value)


def item_pages(item: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(first, last, page text): ``page`` as :func:`~citeexport.values.parse_pages` reads it, else ``page-first``."""
    page = _text(item.get("page"))
    if not page:
        return _text(item.get("page-first")), None, None
    first, last, whole = parse_pages(page)
    explicit_first = _text(item.get("page-first"))
    if whole is not None and explicit_first:
        first = explicit_first
    return first, last, whole


def _text(value: Any) -> str | None:
    if type(value) is str:
        return value or None
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def item_type(item: dict[str, Any], warnings: list[str]) -> tuple[CslType, str | None]:
    """(CSL type, genre): an unknown type is ``document`` with the type kept as its genre, with a warning."""
    raw = _text(item.get("type"))
    if raw is None:
        return "article-journal", None
    if raw in CSL_TYPES:
        return cast(CslType, raw), None
    warnings.append(RecordWarning.named("unknown CSL types, read as document with the type kept as its genre", (raw,)))
    return "document", raw


#: CSL text variables -> LocalizedText fields (``keyword`` is split apart).
TEXT_VARIABLES: dict[str, str] = {csl: field for field, csl in LOCALIZED_FIELDS.items() if field not in ("subtitle", "pdf_url")}
#: CSL number and text variables of the citation -> Citation fields (``page``, ``page-first``: :func:`item_pages`).
NUMBER_VARIABLES: dict[str, str] = {
    csl: field for field, csl in NEUTRAL_FIELDS.items() if field not in ("page", "page_first", "eissn", "cn")
}
#: CSL date variables -> Citation fields.
DATE_VARIABLES: dict[str, str] = {csl: field for field, csl in DATE_FIELDS.items()}
#: Other spellings producers write: CSL 1.0.1 ``event``, Zotero's ``journalAbbreviation``,
#: ``shortTitle``, ``archive-location``.
ALIASES: dict[str, str] = {
    "event": "event-title",
    "journalAbbreviation": "container-title-short",
    "shortTitle": "title-short",
    "archive-location": "archive_location",
}
#: CSL 1.0.2 variables the model has no field for: kept in ``Citation.extra`` and written back.
EXTRA_VARIABLES = frozenset(
    {
        "annote",
        "archive_collection",
        "archive-place",
        "categories",
        "citation-key",
        "citation-label",
        "citation-number",
        "custom",
        "dimensions",
        "division",
        "first-reference-note-number",
        "jurisdiction",
        "license",
        "locator",
        "original-publisher",
        "original-publisher-place",
        "original-title",
        "part",
        "part-title",
        "PMCID",
        "PMID",
        "printing",
        "references",
        "reviewed-genre",
        "reviewed-title",
        "scale",
        "source",
        "supplement",
        "volume-title",
        "volume-title-short",
        "year-suffix",
    }
)
#: Extra variables whose CSL value is a list or an object: kept as their JSON text, written back decoded.
STRUCTURED_EXTRA = frozenset({"categories", "custom"})
#: Keys read apart.
_STRUCTURE_KEYS = frozenset({"id", "type", "language", "page", "page-first", "keyword"})


def citation_from_item(item: dict[str, Any], warnings: list[str] | None = None) -> Citation:
    if not isinstance(item, dict):
        raise ParseError("expected a CSL item (a JSON object)")
    warnings = [] if warnings is None else warnings
    lang, tag = item_language(item)
    csl_type, genre = item_type(item, warnings)
    texts: dict[str, Any] = {}
    neutral: dict[str, Any] = {}
    names: dict[Role, tuple[Name, ...]] = {}
    extra: dict[str, str] = {}
    unknown: list[str] = []
    for key, value in item.items():
        variable = ALIASES.get(key, key)
        if variable in _STRUCTURE_KEYS:
            continue
        if variable in TEXT_VARIABLES:
            field, value_text = TEXT_VARIABLES[variable], _text(value)
            if texts.get(field) not in (None, value_text) and value_text is not None:
                warnings.append(RecordWarning.named("variables given twice, the first kept", (f"{key}={value_text!r}",)))
                continue
            texts[field] = texts.get(field) or value_text
        elif variable in NUMBER_VARIABLES:
            neutral[NUMBER_VARIABLES[variable]] = _text(value)
        elif variable in DATE_VARIABLES:
            neutral[DATE_VARIABLES[variable]] = csl_date(value, variable, warnings)
        elif variable in ROLES:
            names[cast(Role, variable)] = parse_names(value, variable)
        elif variable in EXTRA_VARIABLES:
            if (kept := _text(value)) is not None:
                extra[variable] = kept
        elif value not in (None, "", [], {}):
            unknown.append(key)
    if unknown:
        warnings.append(RecordWarning.named("keys that are no CSL 1.0.2 variable, not read", unknown))
    keywords = item.get("keyword")
    if isinstance(keywords, list):
        keyword_list = [keyword for keyword in map(_text, keywords) if keyword]
    else:
        keyword_list = split_keywords(_text(keywords), commas=True)
    text = new_text(
        given_fields(texts, language=tag, names=names, keywords=tuple(keyword_list), genre=texts.get("genre") or genre)
    )
    item_id = _text(item.get("id"))
    if item_id and item_id.endswith(f"-{lang}"):
        item_id = item_id[: -len(lang) - 1]
    page_first, page_last, page = item_pages(item)
    return new_citation(
        given_fields(
            neutral,
            id=item_id,
            type=csl_type,
            page_first=page_first,
            page_last=page_last,
            page=page,
            extra=extra,
            texts={lang: text},
        )
    )


class CslJsonReader(Reader, InputReading):
    name = "csl-json"
    description = "CSL-JSON: an array of CSL items (Zotero, citeproc-js, pandoc)"
    extensions = ("json",)

    def read_input(self, source: Source) -> Iterator[Record]:
        """An opened input read in pieces of whole lines: pretty-printed JSON (Zotero's, pandoc's) has a
        line per value, and the decoder needs none of them apart."""
        return self.read(source.line_blocks, source.name)

    @classmethod
    def sniff(cls, head: str) -> bool:
        return head.lstrip()[:1] in ("[", "{")

    def read(self, lines: Iterable[str], source: str = "<input>") -> Iterator[Record]:
        """Items of a JSON array (or one object), decoded one at a time as the input arrives."""
        number = 0
        try:
            for number, (item, line, offset) in enumerate(_json_items(iter(lines)), start=1):
                record = Record(source, number, line=line, offset=offset)
                try:
                    record.citation = citation_from_item(item, record.warnings)
                except ParseError as exc:
                    record.error = exc.located(file=source, record=number, line=line, offset=offset)
                except (ValidationError, ValueError, TypeError, LookupError, AttributeError) as exc:
                    record.error = ParseError(f"bad CSL item: {exc}", file=source, record=number, line=line, offset=offset)
                yield record
        except _JsonError as exc:
            number += 1
            error = ParseError(f"invalid JSON: {exc.message}", file=source, record=number, line=exc.line, offset=exc.offset)
            yield Record(source, number, line=exc.line, offset=exc.offset, error=error)


class _JsonError(Exception):
    def __init__(self, message: str, line: int, offset: int) -> None:
        super().__init__(message)
        self.message, self.line, self.offset = message, line, offset


_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n\ufeff"


def _json_items(lines: Iterator[str]) -> Iterator[tuple[Any, int, int]]:
    """(item, line, offset) for each element of a top-level JSON array, or the one top-level object.

    The buffer holds the input not yet decoded, and at most :data:`_KEEP` characters already
    decoded (dropped in one slice when there are more), so memory follows the largest item, not
    the file, and no item costs a copy of the buffer.  Line numbers are counted once over the text.
    """
    buffer = ""
    consumed = 0  # characters dropped from the front of the buffer
    counted, counted_line = 0, 1  # a buffer position and its 1-based line
    exhausted = False

    def more() -> bool:
        nonlocal buffer, exhausted
        for line in lines:
            buffer += line
            if len(buffer) > 1 << 16 or line.endswith(("]", "]\n", "}\n")):
                return True
        exhausted = True
        return False

    def skip(pos: int) -> int:
        while True:
            while pos < len(buffer) and buffer[pos] in _SPACE:
                pos += 1
            if pos < len(buffer) or exhausted:
                return pos
            more()  # then skip what it brought (white space only: no item, as for every format)

    def line_at(pos: int) -> int:
        nonlocal counted, counted_line
        if pos < counted:
            return counted_line - buffer.count("\n", pos, counted)
        counted_line += buffer.count("\n", counted, pos)
        counted = pos
        return counted_line

    def fail(message: str, pos: int) -> _JsonError:
        return _JsonError(message, line_at(pos), consumed + pos)

    def decode(pos: int) -> tuple[Any, int]:
        while True:
            try:
                return _DECODER.raw_decode(buffer, pos)
            except json.JSONDecodeError as exc:
                if exhausted or not more():
                    raise fail(exc.msg, exc.pos) from None
            except RecursionError:
                raise fail("nested too deeply", pos) from None

    pos = skip(0)
    if pos >= len(buffer):
        return
    if buffer[pos] != "[":
        item, end = decode(pos)
        yield item, line_at(pos), consumed + pos
        if skip(end) < len(buffer):
            raise fail("extra data after the JSON value", skip(end))
        return
    pos = skip(pos + 1)
    if buffer.startswith("]", pos):
        return
    while True:
        item, end = decode(pos)
        yield item, line_at(pos), consumed + pos
        pos = skip(end)
        if pos > _KEEP:  # drop what is decoded
            line_at(pos)
            buffer, consumed, counted, pos = buffer[pos:], consumed + pos, 0, 0
        if buffer.startswith(",", pos):
            pos = skip(pos + 1)
            continue
        if buffer.startswith("]", pos):
            if skip(pos + 1) < len(buffer):
                raise fail("extra data after the JSON array", skip(pos + 1))
            return
        raise fail("expected , or ] after an item", pos)


#: Characters already decoded the CSL-JSON reader's buffer may hold before it drops them.
_KEEP = 1 << 16


# -- writing -------------------------------------------------------------------------------------


def item_id(citation: Citation, lang: Lang, number: int) -> str:
    return f"{citation.id or f'item{number}'}-{lang}"


def _structured(value: Any) -> Any:
    """An extra variable's JSON text back as its list or object (kept as text when it is no JSON)."""
    try:
        return json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return value


class CslJsonWriter(Writer):
    name = "csl-json"
    description = "CSL-JSON (citeproc-js, Zotero, pandoc): a JSON array of items"
    extension = "json"

    def __init__(self, options: WriteOptions | None = None) -> None:
        super().__init__(options)
        self.items_written = 0
        self.articles = 0
        self.used_ids: set[str] = set()
        self.next_suffix: dict[str, int] = {}

    def start(self) -> str:
        return "["

    def write(self, citation: Citation) -> str:
        self.articles += 1
        return super().write(citation)

    def write_one(self, citation: Citation, lang: Lang) -> str:
        wanted = item_id(citation, lang, self.articles)
        unique, n = wanted, self.next_suffix.get(wanted, 1)
        while unique in self.used_ids:  # from where the last search for this id stopped: linear overall
            n += 1
            unique = f"{wanted}-{n}"
        self.next_suffix[wanted] = n
        self.used_ids.add(unique)
        # one item per line: the C encoder (``indent`` would take the much slower pure-Python one)
        item = citation.csl_item(lang, unique)
        for key in STRUCTURED_EXTRA & item.keys():
            item[key] = _structured(item[key])
        text = json.dumps(item, ensure_ascii=False, separators=(", ", ": "))
        separator = "\n" if self.items_written == 0 else ",\n"
        self.items_written += 1
        return separator + text

    def finish(self) -> str:
        return "\n]\n" if self.items_written else "]\n"


_FIELDS: dict[str, Mode] = {
    **{field: "yes" for field in FIELDS if field not in ("pdf_url", "eissn", "cn", "subtitle", "id")},
    **{field: "family/given/suffix, organisations marked" for field in NAME_FIELDS},
    "keywords": "split at , ; ， ；",
    "pages": "first and last page",
}
#: What an item carries of the model (:mod:`citeexport.projection`), the same for every type.
CARRIES: Carries = {"*": _FIELDS}

READER = CslJsonReader
WRITER = CslJsonWriter

"""CSL-JSON: an array of CSL items, read and written.

Reading: an array of CSL items (or one item) -> one Citation per item, in one language.
The item's language is its ``language`` field (``zh…`` or ``en…``); without one, an item
whose title, journal or authors contain CJK characters is Chinese, any other is English.
The inverse of the writer for everything CSL carries: names
(family/given/literal), ``issued`` and ``available-date`` date-parts, ``page`` ``1-3`` ->
first/last (``page-first`` when there is no range), ``status: online-first``, DOI, ISSN …
An item id written as ``<id>-<lang>`` gives back the article id.

Writing: a JSON array of CSL items, one per article and language, streamed.  ``start``
writes ``[``, each article adds its items, ``finish`` writes ``]``, so the output is a valid
array at the end however many records arrive, one item per line.  UTF-8 is written as is
(no ``\\u`` escapes).  Item ids are ``<article id>-<lang>`` (stable for the same input); an
id already used in this output gets ``-2``, ``-3`` …, so ids are unique.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, cast

from pydantic import ValidationError

from ..errors import ParseError
from ..model import CSL_TYPES, Citation, CslType, Date, Lang, LocalizedText, Name, has_cjk
from ..names import parse_name
from ..options import WriteOptions
from ..projection import Carries, Mode
from ..values import SEASON_WORDS, date_from_parts, date_from_text, language_tag, split_keywords, split_pages
from .base import Reader, Record, Writer


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
    its ``raw`` or EDTF text, parsed as any date is (:func:`~citeexport.values.parse_date`)."""
    if not value:
        return None
    if isinstance(value, str):
        return date_from_text(value)
    if not isinstance(value, dict):
        raise ParseError("expected a CSL date object", field=field)
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
        literal = value.get("literal") or value.get("raw") or value.get("edtf")
        return date_from_text(str(literal)) if literal else None
    season = value.get("season")
    if season not in (None, "") and date.literal is None and date.month is None and date.season is None:
        date = date.model_copy(update={"season": _season(season)})
    if value.get("circa") not in (None, False, "", 0, "false") and date.literal is None:
        date = date.model_copy(update={"circa": True})
    return Date.model_validate(date.model_dump())


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
    parts = {key: _text(value.get(csl)) for key, csl in _NAME_PARTS.items()}
    comma = value.get("comma-suffix") not in (None, False, "", 0, "false")
    if not any(parts.values()):
        raise ParseError("a name object with no name part", field=field)
    return Name(**parts, comma_suffix=comma and parts["suffix"] is not None)


#: Model name part -> CSL-JSON key.
_NAME_PARTS = {
    "family": "family",
    "given": "given",
    "non_dropping_particle": "non-dropping-particle",
    "dropping_particle": "dropping-particle",
    "suffix": "suffix",
}


def parse_names(value: Any, field: str = "author") -> tuple[Name, ...]:
    if not value:
        return ()
    if not isinstance(value, list):
        raise ParseError("expected a list of names", field=field)
    return tuple(csl_name(name, field) for name in value)


def item_pages(item: dict[str, Any]) -> tuple[str | None, str | None]:
    """``page`` split into first and last (``page-first`` when there is no ``page``)."""
    page = str(item.get("page") or "").strip()
    if not page:
        first = item.get("page-first")
        return (str(first) if first else None), None
    return split_pages(page)


def _text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def item_type(item: dict[str, Any], warnings: list[str]) -> tuple[CslType, str | None]:
    """(CSL type, genre): an unknown type is ``document`` with the type kept as its genre, with a warning."""
    raw = _text(item.get("type"))
    if raw is None:
        return "article-journal", None
    if raw in CSL_TYPES:
        return cast(CslType, raw), None
    warnings.append(f"unknown CSL type {raw!r}: read as document, the type kept as its genre")
    return "document", raw


def citation_from_item(item: dict[str, Any], warnings: list[str] | None = None) -> Citation:
    if not isinstance(item, dict):
        raise ParseError("expected a CSL item (a JSON object)")
    warnings = [] if warnings is None else warnings
    lang, tag = item_language(item)
    keywords = item.get("keyword")
    csl_type, genre = item_type(item, warnings)
    text = LocalizedText(
        language=tag,
        title=_text(item.get("title")),
        names={"author": parse_names(item.get("author"))},
        container_title=_text(item.get("container-title")),
        container_title_short=_text(item.get("container-title-short") or item.get("journalAbbreviation")),
        abstract=_text(item.get("abstract")),
        keywords=tuple(split_keywords(str(keywords), commas=True)) if keywords else (),
        url=_text(item.get("URL")),
        genre=_text(item.get("genre")) or genre,
    )
    item_id = _text(item.get("id"))
    if item_id and item_id.endswith(f"-{lang}"):
        item_id = item_id[: -len(lang) - 1]
    page_first, page_last = item_pages(item)
    return Citation(
        id=item_id,
        type=csl_type,
        issued=csl_date(item.get("issued"), "issued", warnings),
        available_date=csl_date(item.get("available-date"), "available-date", warnings),
        status=_text(item.get("status")),
        volume=_text(item.get("volume")),
        issue=_text(item.get("issue")),
        page_first=page_first,
        page_last=page_last,
        number=_text(item.get("number")),
        doi=_text(item.get("DOI")),
        issn=_text(item.get("ISSN")),
        texts={lang: text},
    )


class CslJsonReader(Reader):
    name = "csl-json"
    description = "CSL-JSON: an array of CSL items (Zotero, citeproc-js, pandoc)"
    extensions = ("json",)

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

    The buffer holds the input not yet decoded, so memory follows the largest item, not the file.
    """
    buffer = ""
    consumed = 0  # characters dropped from the front of the buffer
    lines_consumed = 1
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

    def fail(message: str, pos: int) -> _JsonError:
        return _JsonError(message, lines_consumed + buffer.count("\n", 0, pos), consumed + pos)

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
        yield item, lines_consumed + buffer.count("\n", 0, pos), consumed + pos
        if skip(end) < len(buffer):
            raise fail("extra data after the JSON value", skip(end))
        return
    pos = skip(pos + 1)
    if buffer.startswith("]", pos):
        return
    while True:
        item, end = decode(pos)
        yield item, lines_consumed + buffer.count("\n", 0, pos), consumed + pos
        # drop what is decoded, so the buffer holds only what is still to come
        lines_consumed += buffer.count("\n", 0, end)
        consumed += end
        buffer = buffer[end:]
        pos = skip(0)
        if buffer.startswith(",", pos):
            pos = skip(pos + 1)
            continue
        if buffer.startswith("]", pos):
            if skip(pos + 1) < len(buffer):
                raise fail("extra data after the JSON array", skip(pos + 1))
            return
        raise fail("expected , or ] after an item", pos)


# -- writing -------------------------------------------------------------------------------------


def item_id(citation: Citation, lang: Lang, number: int) -> str:
    return f"{citation.id or f'item{number}'}-{lang}"


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
        text = json.dumps(citation.csl_item(lang, unique), ensure_ascii=False, separators=(", ", ": "))
        separator = "\n" if self.items_written == 0 else ",\n"
        self.items_written += 1
        return separator + text

    def finish(self) -> str:
        return "\n]\n" if self.items_written else "]\n"


_FIELDS: dict[str, Mode] = {
    "type": "yes",
    "title": "yes",
    "authors": "family/given/suffix, organisations marked",
    "container_title": "yes",
    "container_title_short": "yes",
    "abstract": "yes",
    "keywords": "split at , ; ， ；",
    "url": "yes",
    "issued": "yes",
    "available_date": "yes",
    "status": "yes",
    "volume": "yes",
    "issue": "yes",
    "pages": "first and last page",
    "number": "yes",
    "doi": "yes",
    "issn": "yes",
    "language": "yes",
}
#: What an item carries of the model (:mod:`citeexport.projection`), the same for every type.
CARRIES: Carries = {"*": _FIELDS}

READER = CslJsonReader
WRITER = CslJsonWriter

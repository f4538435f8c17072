"""From the parsed dump tree (:class:`~.lombok.Obj`) to a :class:`Citation`.

The rules are those of the team's dump-format notes §4: per language L in ``Article.ext``
(CN → zh, EN → en), title and journal title from ``ext[L]``, authors from
``Article.authors`` by ``orderNo`` with names from ``Author.ext[L]``, year/volume/issue from
``Issue{}``, pages from ``Article.startPage/endPage`` (never the issue's page range), the
date from ``pubDateStr`` (never ``onlineDateStr``, the platform's upload date).

Beyond the notes' table: ``AuthorExt.suffix`` is the name's suffix (``Jr.``); ``Article.pmid`` is
kept as the CSL variable ``PMID`` (``Citation.extra``); ``receivedDateStr`` (else ``receivedDate``)
is the ``submitted`` date.  An article
with an online-first date and no volume and issue is ``status`` online-first with the date as
``available_date`` (and as ``issued`` when there is no publication date).  Not mapped, because the
model has no place for them or their values are unknown: ``columnName`` (the journal's column,
``专栏``; CSL's ``section`` is a newspaper's), ``acceptedDate``/``revisedDate`` (no CSL variable),
``AuthorExt.prefix`` (an honorific), ``Journal.abbrevIsoEn`` (the seed's repeats the full title, and
the reader skims the journal after ``cn``: ``schema.SKIM_AFTER``), ``Author.authorType`` (only ``1``, author, has been seen: no
other role can be read from it yet).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ...cjk import has_cjk
from ...errors import ParseError
from ...markup import from_html
from ...model import ONLINE_FIRST, Citation, Date, Lang, LocalizedText, Name, clean_text, new_citation, new_name, new_text
from ...names import cjk_person, looks_like_organisation, parse_unmarked_name, split_name_list
from ...values import clean_doi, iso_date
from .lombok import Obj

#: Map keys / ``language`` values of the platform → our language codes.
PLATFORM_LANGUAGES: dict[str, Lang] = {"CN": "zh", "ZH": "zh", "EN": "en"}

_CHINA_TIME = dt.timezone(dt.timedelta(hours=8))


def _text(value: Any) -> str | None:
    return clean_text(value) if isinstance(value, str) else None


def _rich(value: Any) -> str | None:
    """A text field that may hold the platform's HTML (titles, abstracts, journal titles, keywords), as
    the model's markup: entities decoded, ``<i>``/``<sub>``/``<sup>``/``<b>`` kept, other tags dropped."""
    text = _text(value)
    return clean_text(from_html(text)) if text else None


def _obj(value: Any, cls: str | None = None) -> Obj | None:
    if isinstance(value, Obj) and (cls is None or value.cls == cls):
        return value
    return None


def _date(text: str | None, millis: str | None) -> Date | None:
    """The ISO date string, else the epoch milliseconds (the platform's time zone)."""
    date = iso_date(text)
    if date is not None:
        return date
    if millis and re.fullmatch(r"-?\d{1,15}", millis):
        moment = dt.datetime.fromtimestamp(int(millis) / 1000, tz=_CHINA_TIME)
        return Date(year=moment.year, month=moment.month, day=moment.day)
    return None


def _person(family: str | None, given: str | None, whole: str | None, suffix: str | None = None) -> Name | None:
    """A name from its parts, already cleaned (:func:`_text`); the rules are :mod:`citeexport.names`."""
    name = _person_name(family, given, whole)
    if name is not None and suffix and name.literal is None and not name.is_cjk:
        return name.model_copy(update={"suffix": suffix})
    return name


def _person_name(family: str | None, given: str | None, whole: str | None) -> Name | None:
    if whole and not (family or given) and looks_like_organisation(whole):
        return Name(literal=whole)
    if whole and has_cjk(whole) and not (family and given):
        return cjk_person(whole)
    if family or given:
        if has_cjk(family) and not given:
            return cjk_person(family or "")
        return new_name({"family": family, "given": given}) if family else new_name({"family": given})
    if whole:
        return parse_unmarked_name(whole)
    return None


def _given(first: Any, middle: Any) -> str | None:
    """First and middle names joined, cleaned."""
    first, middle = _text(first), _text(middle)
    if first and middle:
        return f"{first} {middle}"
    return first or middle


def _author_name(platform_key: str, exts: dict[str, Any]) -> Name | None:
    ext = exts.get(platform_key)
    if isinstance(ext, Obj) and ext.cls == "AuthorExt":
        fields = ext.fields
        given = _given(fields.get("firstName"), fields.get("middleName"))
        return _person(_text(fields.get("lastName")), given, _text(fields.get("stringName")), _text(fields.get("suffix")))
    return None


def _top_level_name(author: Obj, lang: Lang) -> Name | None:
    if lang == "zh":
        return _person(None, None, _text(author.get("nameCn")))
    given = _given(author.get("firstName"), author.get("middleName"))
    return _person(_text(author.get("lastName")), given, None)


def _ordered_authors(article: Obj) -> list[Obj]:
    """``Article.authors`` in ``orderNo`` order (printed order for equal or missing numbers)."""
    value = article.get("authors")
    authors = [a for a in value if _obj(a, "Author")] if isinstance(value, list) else []

    def order(item: tuple[int, Obj]) -> tuple[int, int, int]:
        raw = item[1].get("orderNo")
        return (0, int(raw), item[0]) if isinstance(raw, str) and raw.lstrip("-").isdigit() else (1, 0, item[0])

    return [author for _, author in sorted(enumerate(authors), key=order)]


#: Per language: the platform keys of its names, and the other language's key.
_NAME_KEYS: dict[Lang, tuple[tuple[str, ...], str]] = {
    lang: (
        tuple(k for k, v in PLATFORM_LANGUAGES.items() if v == lang),
        next(k for k, v in PLATFORM_LANGUAGES.items() if v != lang),
    )
    for lang in ("zh", "en")
}


def _authors(authors: list[Obj], lang: Lang, ext: Obj) -> tuple[Name, ...]:
    if authors:
        names: list[Name] = []
        keys, other_key = _NAME_KEYS[lang]
        for author in authors:
            exts = author.get("ext")
            if not isinstance(exts, dict):
                exts = {}
            name = None
            for key in keys:
                if name := _author_name(key, exts):
                    break
            name = name or _top_level_name(author, lang)
            if name is None:  # this language has no name for the author: use the other's
                name = _author_name(other_key, exts) or _top_level_name(author, "en" if lang == "zh" else "zh")
            if name is not None:
                names.append(name)
        return tuple(names)
    listed = _text(ext.get("authorsList"))
    if not listed:
        return ()
    return tuple(name for name in map(parse_unmarked_name, split_name_list(listed)) if name is not None)


def _keywords(article: Obj) -> dict[Lang, tuple[str, ...]]:
    """Keywords by language, each list in ``orderNo`` order.

    Two shapes: objects with ``language``/``keyword`` (or ``name``), or a language map of bare
    lists (``{CN=[a, b], EN=[c]}``).
    """
    value = article.get("keywords")
    if isinstance(value, dict):
        return {
            lang: tuple(k for k in (_rich(i) for i in items if isinstance(i, str)) if k)
            for key, items in value.items()
            if isinstance(items, list) and (lang := PLATFORM_LANGUAGES.get(key.upper()))
        }
    found: dict[Lang, list[tuple[int, int, str]]] = {}
    if isinstance(value, list):
        for index, item in enumerate(value):
            if not isinstance(item, Obj):
                continue
            fields = item.fields
            language = _text(fields.get("language"))
            keyword = _rich(fields.get("keyword")) or _rich(fields.get("name"))
            lang = PLATFORM_LANGUAGES.get(language.upper()) if language else None
            if keyword and lang:
                raw = fields.get("orderNo")
                order = int(raw) if isinstance(raw, str) and raw.lstrip("-").isdigit() else 1 << 30
                found.setdefault(lang, []).append((order, index, keyword))
    return {key: tuple(k for _, _, k in sorted(items)) for key, items in found.items()}


#: A record printed right after another on the same line lands in the last field.
_GLUED_RECORD = re.compile(r"Article\(id=-?\d+, tenantId=")


def citation_from_tree(article: Obj) -> Citation:
    """Map a parsed ``Article(...)`` to the model."""
    if article.cls != "Article":
        raise ParseError(f"expected an Article, found {article.cls}", field="Article")
    last = article.get("reference")
    if isinstance(last, str) and _GLUED_RECORD.search(last):
        raise ParseError("another record follows on the same line (a missing line break?)", field="Article.reference")
    issue = _obj(article.get("issue")) or Obj("Issue")
    journal = _obj(article.get("journal")) or Obj("Journal")
    exts = article.get("ext") if isinstance(article.get("ext"), dict) else {}

    texts: dict[Lang, LocalizedText] = {}
    keywords = _keywords(article)
    authors = _ordered_authors(article)
    for key, ext in exts.items():
        lang = PLATFORM_LANGUAGES.get(key.upper())
        if lang is None or not isinstance(ext, Obj) or ext.cls != "ArticleExt" or lang in texts:
            continue
        journal_title = _rich(ext.get("journalTitle")) or _rich(journal.get("nameCn" if lang == "zh" else "nameEn"))
        journal_title = journal_title or _rich(journal.get("nameEn" if lang == "zh" else "nameCn"))
        texts[lang] = new_text(
            {
                "title": _rich(ext.get("title")),
                "names": {"author": _authors(authors, lang, ext)},
                "container_title": journal_title,
                "abstract": _rich(ext.get("articleAbstract")),
                "keywords": keywords.get(lang, ()),
                "url": _text(article.get("detailUrlCn" if lang == "zh" else "detailUrlEn")),
                "pdf_url": _text(article.get("pdfUrlCn" if lang == "zh" else "pdfUrlEn")),
            }
        )
    if not texts:
        raise ParseError("the record has neither Chinese nor English metadata (Article.ext)", field="Article.ext")

    issued = _date(_text(article.get("pubDateStr")), _text(article.get("pubDate")))
    online = _date(_text(article.get("onlineFirstDateStr")), _text(article.get("onlineFirstDate")))
    year_text = _text(issue.get("year"))
    if year_text and year_text.isdigit() and (issued is None or issued.year != int(year_text)):
        issued = Date(year=int(year_text))
    volume, number = _text(issue.get("volume")), _text(issue.get("issue"))
    doi = clean_doi(_text(article.get("doi")))
    pmid = _text(article.get("pmid"))
    return new_citation(
        {
            "id": _text(article.get("id")),
            "issued": issued or online,
            "available_date": online,
            "submitted": _date(_text(article.get("receivedDateStr")), _text(article.get("receivedDate"))),
            "status": ONLINE_FIRST if online and not volume and not number else None,
            "volume": volume,
            "issue": number,
            "page_first": _text(article.get("startPage")),
            "page_last": _text(article.get("endPage")),
            "number": _text(article.get("articleNumber")),
            "doi": doi,
            "issn": _text(journal.get("issn")),
            "eissn": _text(journal.get("eissn")),
            "cn": _text(journal.get("cn")),
            "extra": {"PMID": pmid} if pmid else {},
            "texts": texts,
        }
    )

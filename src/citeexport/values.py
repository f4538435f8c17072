"""Values as exporters spell them: dates, page ranges, language names, DOIs and URLs.

Every reader parses these the same way, whatever the format they come in.
"""

from __future__ import annotations

import calendar
import re

from .model import DateParts, Lang, has_cjk

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_NUMERIC_DATE = re.compile(r"^\s*(\d{4})(?:\s*[/\-.年]\s*(\d{1,2})?(?:\s*[/\-.月]\s*(\d{1,2})?)?)?")
_MONTH_DAY = re.compile(r"^\s*([A-Za-z]+)\.?(?:\s+(\d{1,2}))?(?:,?\s+(\d{4}))?\s*$")


def parse_date(text: str | None, year_text: str | None = None) -> DateParts | None:
    """A date from a date field and a year field, in the spellings exporters use.

    ``2025/01/31`` ``2025/01/31/`` ``2025///Spring`` (RIS), ``2025-01-31`` (ISO, MagTech,
    Zotero), ``January 31`` / ``Jan 31`` / ``august`` (EndNote, bibutils, RefWorks: the
    year comes from ``year_text``).  Raises ValueError for a date that names no year.
    """
    year = _year(year_text)
    if not text and year_text and _NUMERIC_DATE.match(year_text) and len(year_text.strip()) > 4:
        text = year_text  # the 2001 RIS year tag holds the whole date: PY  - 2025/01/31/
    if text:
        numeric = _NUMERIC_DATE.match(text)
        if numeric:
            parts = [int(g) if g else None for g in numeric.groups()]
            return _date(parts[0], parts[1], parts[2])  # type: ignore[arg-type]
        month_day = _MONTH_DAY.match(text)
        if month_day and month_day.group(1).lower() in _MONTHS:
            month = _MONTHS[month_day.group(1).lower()]
            day = int(month_day.group(2)) if month_day.group(2) else None
            year = int(month_day.group(3)) if month_day.group(3) else year
            if year is None:
                raise ValueError(f"date {text!r} has no year")
            return _date(year, month, day)
        if year is None:
            raise ValueError(f"cannot read the date {text!r}")
    return DateParts(year=year) if year is not None else None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    match = re.match(r"^\s*(\d{4})", text)
    if match is None:
        raise ValueError(f"cannot read the year {text!r}")
    return int(match.group(1))


def _date(year: int, month: int | None, day: int | None) -> DateParts:
    if month is not None and not 1 <= month <= 12:
        month, day = None, None
    if day is not None and (month is None or not 1 <= day <= 31):
        day = None
    return DateParts(year=year, month=month, day=day)


_PAGE_RANGE = re.compile(r"^\s*([^\s\-\u2010-\u2015]+)\s*(?:-+|[\u2010-\u2015])\s*(\S.*?)\s*$")


def split_pages(text: str | None) -> tuple[str | None, str | None]:
    """``1-3`` / ``1--3`` / ``1–3`` -> (``1``, ``3``); ``e123`` -> (``e123``, None); ``1106-1111+1117`` keeps the tail."""
    if not text:
        return None, None
    match = _PAGE_RANGE.match(text)
    if match:
        return match.group(1), match.group(2)
    return text.strip() or None, None


#: Language field values (lower case) and the model language they mean.
LANGUAGE_NAMES: dict[str, Lang] = {
    **{name: "zh" for name in ("zh", "zh-cn", "zh-hans", "zh-tw", "zh-hant", "chi", "zho", "chinese", "中文", "汉语", "cn")},
    **{name: "en" for name in ("en", "en-us", "en-gb", "eng", "english", "英文", "英语")},
}


def record_language(language: str | None, title: str | None, warnings: list[str]) -> Lang:
    """The format's language tag if it names zh or en, else zh when the title has CJK characters, else en."""
    if language:
        lang = LANGUAGE_NAMES.get(language.strip().lower()) or LANGUAGE_NAMES.get(language.strip().lower()[:2])
        if lang is not None:
            return lang
        warnings.append(f"unknown language {language!r}: guessed from the title")
    return "zh" if has_cjk(title) else "en"


_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_URL_SCHEME_SPACE = re.compile(r"^(https?):\s+//", re.IGNORECASE)


def clean_doi(value: str | None, warnings: list[str]) -> str | None:
    """A bare DOI: a ``https://doi.org/`` or ``doi:`` prefix is removed, with a warning."""
    if value and _DOI_PREFIX.match(value):
        warnings.append(f"DOI given as {value!r}: prefix removed")
        return _DOI_PREFIX.sub("", value)
    return value


def clean_url(value: str | None, warnings: list[str]) -> str | None:
    """A URL as exporters mangle it: in braces (MagTech ``{http://…}``) or with a space after the scheme (CNKI ``https: //``)."""
    if not value:
        return value
    if value.startswith("{") and value.endswith("}"):
        warnings.append(f"URL in braces: {value!r}")
        value = value[1:-1].strip()
    if _URL_SCHEME_SPACE.match(value):
        warnings.append(f"space after the URL scheme removed: {value!r}")
        value = _URL_SCHEME_SPACE.sub(r"\1://", value)
    return value

"""Values as exporters spell them, parsed in one place for every reader: dates, page ranges,
DOIs and URLs, keyword lists, language codes, and the letters that tell equal stems apart.

Readers differ in where a value comes from, never in how it is read: the dump, BibTeX, the
tagged formats and CSL-JSON all call these.  Functions that repair an exporter's defect say
so in ``warnings`` when they are given a list.
"""

from __future__ import annotations

import calendar
import re
from string import ascii_lowercase

from .cjk import has_cjk
from .model import DateParts, Lang

# -- dates --------------------------------------------------------------------------------------

#: English month names and their three-letter abbreviations, lower case -> month number.
MONTHS: dict[str, int] = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
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
            year_part, month_part, day_part = numeric.groups()
            return date_parts(int(year_part), int(month_part) if month_part else None, int(day_part) if day_part else None)
        month_day = _MONTH_DAY.match(text)
        if month_day and month_day.group(1).lower() in MONTHS:
            month = MONTHS[month_day.group(1).lower()]
            day = int(month_day.group(2)) if month_day.group(2) else None
            year = int(month_day.group(3)) if month_day.group(3) else year
            if year is None:
                raise ValueError(f"date {text!r} has no year")
            return date_parts(year, month, day)
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


def date_parts(year: int, month: int | None = None, day: int | None = None) -> DateParts:
    """A date from its numbers; a month outside 1-12 drops month and day, a day outside 1-31 the day."""
    if month is not None and not 1 <= month <= 12:
        month, day = None, None
    if day is not None and (month is None or not 1 <= day <= 31):
        day = None
    return DateParts(year=year, month=month, day=day)


_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def iso_date(text: str | None) -> DateParts | None:
    """``2025``, ``2025-01``, ``2025-01-31`` (and what follows, a time); None when ``text`` does not
    start so or names no valid month or day (the caller may have another source of the date)."""
    match = _ISO_DATE.match(text) if text else None
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if not year or (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    return DateParts(year=year, month=month, day=day if month else None)


def month_number(text: str | None) -> int | None:
    """A month field: ``3``, ``mar``, ``March``, ``Mar.`` -> 3 (the first three letters decide)."""
    if not text:
        return None
    text = text.strip().lower()
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    return MONTHS.get(text[:3])


# -- pages -------------------------------------------------------------------------------------

_PAGE_RANGE = re.compile(r"^\s*([^\s\-\u2010-\u2015]+)\s*(?:-+|[\u2010-\u2015])\s*(\S.*?)\s*$")


def split_pages(text: str | None) -> tuple[str | None, str | None]:
    """``1-3`` / ``1--3`` / ``1–3`` -> (``1``, ``3``); ``e123`` -> (``e123``, None); ``1106-1111+1117`` keeps the tail."""
    if not text:
        return None, None
    match = _PAGE_RANGE.match(text)
    if match:
        return match.group(1), match.group(2)
    return text.strip() or None, None


# -- languages ---------------------------------------------------------------------------------

#: What the writers put in a language field (RIS ``LA``, EndNote ``%G``, RefWorks ``LA``, BibTeX
#: ``language``): ISO 639-1 codes, what Zotero writes (its RIS export of the seed has ``LA  - zh``)
#: and what its CSL processor understands as a locale; EndNote stores the field as free text, so
#: a code costs nothing there.  bibutils and pandoc keep the code as given.
LANGUAGE_CODES: dict[Lang, str] = {"zh": "zh", "en": "en"}

#: Language field values (lower case) and the model language they mean.
LANGUAGE_NAMES: dict[str, Lang] = {
    **{name: "zh" for name in ("zh", "zh-cn", "zh-hans", "zh-tw", "zh-hant", "chi", "zho", "chinese", "中文", "汉语", "cn")},
    **{name: "en" for name in ("en", "en-us", "en-gb", "eng", "english", "英文", "英语")},
}


def language_of(value: str | None) -> Lang | None:
    """zh or en from a language field (``zh``, ``zh-CN``, ``chi``, ``Chinese``, ``中文``, ``en-US`` …);
    None when it names neither (a code is matched whole, then by its first two letters)."""
    if not value:
        return None
    key = value.strip().lower()
    return LANGUAGE_NAMES.get(key) or LANGUAGE_NAMES.get(key[:2])


def record_language(language: str | None, title: str | None, warnings: list[str]) -> Lang:
    """The format's language tag if it names zh or en, else zh when the title has CJK characters, else en."""
    if language:
        lang = language_of(language)
        if lang is not None:
            return lang
        warnings.append(f"unknown language {language!r}: guessed from the title")
    return "zh" if has_cjk(title) else "en"


# -- keywords ----------------------------------------------------------------------------------

#: Between keywords joined in one value: semicolons (one keyword per tag line, the tagged
#: formats, where a comma may belong to a keyword) or also commas (BibTeX, CSL-JSON).
_KEYWORDS_BY_SEMICOLONS = re.compile(r"\s*[;；]\s*")
_KEYWORDS_BY_COMMAS_TOO = re.compile(r"\s*[,;，；]\s*")


def split_keywords(value: str | None, *, commas: bool = False) -> list[str]:
    """Keywords joined in one value (CNKI ``小麦;抗旱;转基因``), in order, empty ones dropped."""
    if not value:
        return []
    separators = _KEYWORDS_BY_COMMAS_TOO if commas else _KEYWORDS_BY_SEMICOLONS
    return [keyword for keyword in separators.split(value.strip()) if keyword]


# -- identifiers and links ---------------------------------------------------------------------


_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_URL_SCHEME_SPACE = re.compile(r"^(https?):\s+//", re.IGNORECASE)


def clean_doi(value: str | None, warnings: list[str] | None = None) -> str | None:
    """A bare DOI: a ``https://doi.org/``, ``http://dx.doi.org/`` or ``doi:`` prefix is removed
    (with a warning when ``warnings`` is given); nothing left is None."""
    if value and _DOI_PREFIX.match(value):
        if warnings is not None:
            warnings.append(f"DOI given as {value!r}: prefix removed")
        return _DOI_PREFIX.sub("", value) or None
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


# -- suffix letters ----------------------------------------------------------------------------


def suffix_letters(n: int) -> str:
    """1 -> ``a``, 26 -> ``z``, 27 -> ``aa``, 28 -> ``ab`` (bijective base 26): what tells equal
    citation keys apart, and works of one author in one year."""
    letters = ""
    while n > 0:
        n, remainder = divmod(n - 1, 26)
        letters = ascii_lowercase[remainder] + letters
    return letters

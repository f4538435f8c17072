"""Values as exporters spell them, parsed in one place for every reader: dates, page ranges,
DOIs and URLs, keyword lists, language codes, and the letters that tell equal stems apart.

Readers differ in where a value comes from, never in how it is read: the dump, BibTeX, the
tagged formats and CSL-JSON all call these.  Functions that repair an exporter's defect say
so in ``warnings`` when they are given a list.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from string import ascii_lowercase

from .cjk import has_cjk
from .model import Date, Lang, clean_text, primary_subtag

# -- dates --------------------------------------------------------------------------------------

#: English month names and their three-letter abbreviations (and ``sept``), lower case -> month number.
MONTHS: dict[str, int] = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
#: Season words (English, Chinese) -> CSL season number (1 spring … 4 winter).
SEASON_WORDS: dict[str, int] = {
    "spring": 1,
    "summer": 2,
    "autumn": 3,
    "fall": 3,
    "winter": 4,
    "春": 1,
    "春季": 1,
    "夏": 2,
    "夏季": 2,
    "秋": 3,
    "秋季": 3,
    "冬": 4,
    "冬季": 4,
}

_YEAR = r"(-?\d{1,4}|\d{5,})"
_CIRCA = re.compile(r"^(?:(?:circa|approximately|approx|about|ca|c)\b\.?|大约|约)\s*(?=\S)", re.IGNORECASE)
_BRACKETED = re.compile(r"^\[\s*(.+?)\s*\]$")
_QUALIFIER = re.compile(r"^(.+?)\s*([~?%]|\?~|~\?)$")
_YEAR_ONLY = re.compile(rf"^{_YEAR}$")
_BCE = re.compile(r"^(\d{1,4})\s*(?:BC|BCE|B\.C\.|B\.C\.E\.|公元前)$|^公元前\s*(\d{1,4})\s*年?$", re.IGNORECASE)
#: ``2025-01-31``, ``2025/01/31/``, ``2025.1.31``, ``2025年1月31日``, ``2025-21`` (EDTF spring), with an optional
#: RIS "other" part after a third slash (``1998///Spring``) or a time after the day.
_NUMERIC = re.compile(
    rf"^{_YEAR}\s*(?:[/\-.年]\s*(\d{{1,2}})?\s*(?:[/\-.月]\s*(\d{{1,2}})?\s*日?\s*(?:/\s*(.*?))?)?\s*(?:[T ]\d{{1,2}}:\d{{2}}.*|/)?)?$"
)
#: Words and numbers in any order: ``January 31, 2025``, ``31 Jan. 2025``, ``2025 Jan 31``, ``Spring 1998``, ``August``.
_WORDS = re.compile(r"[A-Za-z]+\.?|\d+|[春夏秋冬]季?")
_WORD_SEPARATORS = re.compile(r"^[\s,./]*$")
_INTERVAL = re.compile(r"^(.+?)\s*(?:/|--|–|—|\s-\s|\s+to\s+)\s*(.+)$")
_YEAR_RANGE = re.compile(r"^(\d{3,4})\s*[-–—]\s*(\d{3,4})$")


def parse_date(text: str | None, year_text: str | None = None, warnings: list[str] | None = None) -> Date | None:
    """A date from a date field and a year field, in every spelling exporters and users write.

    ISO and EDTF (``2025-01-31``, ``-0876``, ``1900~``, ``2004-21`` a season, ``2001/2003`` a range),
    ``2025/01/31/`` and ``1998///Spring`` (RIS), ``January 31`` / ``Jan 31`` / ``august`` (EndNote,
    bibutils, RefWorks: the year comes from ``year_text``), ``31 January 2025``, ``2025 Jan 31``
    (PubMed), ``Spring 1998``, ``2025年1月31日``, ``c. 1900``, ``[1887]``, ``877 BC``, ``1999-2001``.
    Never raises: what cannot be read is kept as the date's literal (``In press``, ``n.d.``, ``20uu``,
    ``2025-13-01``), so no record is rejected for its date; a date text dropped for a readable year
    is said in ``warnings``.  None when both are empty.
    """
    text = clean_text(text)
    year_text = clean_text(year_text)
    if not text:
        return date_from_text(year_text) if year_text else None
    date = date_from_text(text)
    if date is not None and date.literal is None:
        return date
    partial = _month_day(text)
    year = date_from_text(year_text) if year_text else None
    if partial is not None and year is not None and year.literal is None and year.month is None and year.end is None:
        month, day, season = partial
        return Date(year=year.year, month=month, day=day, season=season, circa=year.circa)
    if year is not None and year.literal is None:
        if warnings is not None:
            warnings.append(f"date {text!r} not read as a date: the year {year_text!r} kept")
        return year  # the year field's date; the date field is kept as a literal only when there is no year
    return date


def date_from_text(text: str | None) -> Date | None:
    """One date spelled in one value (see :func:`parse_date`); a literal when it reads as none."""
    text = clean_text(text)
    if not text:
        return None
    return _read(text) or Date(literal=text)


def _read(text: str, depth: int = 0) -> Date | None:
    """The date ``text`` spells, or None."""
    bracketed = _BRACKETED.match(text)
    if bracketed:
        return _read(bracketed.group(1), depth + 1)
    circa = _CIRCA.match(text)
    if circa:
        date = _read(text[circa.end() :], depth + 1)
        return date.model_copy(update={"circa": True}) if date is not None and date.end is None else date
    qualified = _QUALIFIER.match(text)
    if qualified:
        date = _read(qualified.group(1), depth + 1)
        return date.model_copy(update={"circa": True}) if date is not None and date.end is None else date
    date = _single(text)
    if date is not None:
        return date
    years = _YEAR_RANGE.match(text)
    if years and int(years.group(2)) > int(years.group(1)):
        return Date(year=int(years.group(1)), end=Date(year=int(years.group(2))))
    interval = _INTERVAL.match(text)
    if interval and depth == 0:
        start, end = _single(interval.group(1)), _single(interval.group(2))
        if start is not None and end is not None and start.season is None and end.season is None:
            return start.model_copy(update={"end": end})
    return None


def _single(text: str) -> Date | None:
    """One point in time (no range): numeric, a year, BCE, or words."""
    if _YEAR_ONLY.match(text):
        return Date(year=int(text))
    bce = _BCE.match(text)
    if bce:
        return Date(year=1 - int(bce.group(1) or bce.group(2)))
    numeric = _NUMERIC.match(text)
    if numeric:
        year, month, day, other = numeric.groups()
        if month and 21 <= int(month) <= 24 and not day:
            return Date(year=int(year), season=int(month) - 20)  # EDTF season
        season = SEASON_WORDS.get(other.strip().lower()) if other and other.strip() else None
        if other and other.strip() and season is None:
            return None  # RIS "other" text that is no season: kept whole as a literal
        return _valid(int(year), int(month) if month else None, int(day) if day else None, season)
    return _words(text)


def _valid(year: int, month: int | None, day: int | None, season: int | None = None) -> Date | None:
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (month is None or not 1 <= day <= _days_in(year, month)):
        return None
    return Date(year=year, month=month, day=day, season=season if month is None else None)


def _days_in(year: int, month: int) -> int:
    if 1 <= year <= 9999:
        return calendar.monthrange(year, month)[1]
    return 31


def _month_day(text: str) -> tuple[int | None, int | None, int | None] | None:
    """A month (and day) or a season with no year: ``January 31``, ``Jan``, ``Spring``; None otherwise."""
    words = _tokens(text)
    if words is None or not words or len(words) > 2:
        return None
    month = season = day = None
    for word in words:
        key = word.rstrip(".").lower()
        if key in MONTHS and month is None and season is None:
            month = MONTHS[key]
        elif key in SEASON_WORDS and month is None and season is None:
            season = SEASON_WORDS[key]
        elif word.isdigit() and day is None and month is not None and 1 <= int(word) <= 31:
            day = int(word)
        else:
            return None
    if month is None and season is None:
        return None
    return month, day, season


def _tokens(text: str) -> list[str] | None:
    """The words and numbers of ``text`` when only spaces, commas, dots and slashes separate them."""
    words, position = [], 0
    for match in _WORDS.finditer(text):
        if not _WORD_SEPARATORS.match(text[position : match.start()]):
            return None
        words.append(match.group())
        position = match.end()
    if not _WORD_SEPARATORS.match(text[position:]):
        return None
    return words


def _words(text: str) -> Date | None:
    """``January 31, 2025``, ``31 Jan. 2025``, ``2025 Jan 31``, ``Jan. 2025``, ``Spring 1998``."""
    words = _tokens(text)
    if not words or len(words) > 3:
        return None
    year = month = day = season = None
    numbers: list[int] = []
    for word in words:
        key = word.rstrip(".").lower()
        if key in MONTHS and month is None and season is None:
            month = MONTHS[key]
        elif key in SEASON_WORDS and month is None and season is None:
            season = SEASON_WORDS[key]
        elif word.isdigit():
            numbers.append(int(word))
        else:
            return None
    if month is None and season is None:
        return None
    for number, word in zip(numbers, [w for w in words if w.isdigit()], strict=True):
        if len(word) >= 3 and year is None:
            year = number
        elif len(word) <= 2 and day is None and month is not None:
            day = number
        else:
            return None
    if year is None:
        return None
    return _valid(year, month, day, season)


def date_from_parts(parts: list[object] | tuple[object, ...]) -> tuple[Date | None, str | None]:
    """A CSL ``date-parts`` entry ``[year, month?, day?]`` (numbers or numeric strings) as a date.

    Months 13-24 are seasons, as citeproc-js and the CSL test suite read them (13 and 21 spring …
    16 and 24 winter); a negative year counts BCE (CSL's ``-44`` is the model's astronomical ``-43``); a part that is no number, or a month or day out of range, makes the whole
    date a literal of its parts (so nothing is lost), with the reason as the second value.
    """
    numbers: list[int] = []
    for part in parts[:3]:
        try:
            numbers.append(part if type(part) is int else int(str(part).strip()))
        except ValueError:
            return Date(literal=_joined_parts(parts)), f"date part {part!r} is not a number"
    if not numbers:
        return None, None
    year, month, day = [*numbers, None, None][:3]
    if year is not None and year < 0:
        year += 1  # CSL's -44 is 44 BC: the model's years are astronomical (EDTF), -43 (see Date.parts)
    if month is not None and 13 <= month <= 24:
        season = Date(year=year, season=(month - 13) % 4 + 1)
        return season, (f"day {day} of season {month} dropped" if day else None)
    if month == 0 and not day:
        month = None  # [2025, 0]: no month
    date = _valid(year, month or None, day or None) if year is not None else None
    if date is None:
        raw = _joined_parts(parts)
        return Date(literal=raw), f"no such date: {raw}"
    return date, None


def _joined_parts(parts: list[object] | tuple[object, ...]) -> str:
    """Date parts as the literal that keeps them: ``2025-13-40``."""
    return "-".join(str(part) for part in parts)


def date_parts(year: int, month: int | None = None, day: int | None = None) -> Date:
    """A date from its numbers; a month outside 1-12 drops month and day, a day outside 1-31 the day."""
    if month is not None and not 1 <= month <= 12:
        month, day = None, None
    if day is not None and (month is None or not 1 <= day <= 31):
        day = None
    return Date(year=year, month=month, day=day)


_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def iso_date(text: str | None) -> Date | None:
    """``2025``, ``2025-01``, ``2025-01-31`` (and what follows, a time); None when ``text`` does not
    start so or names no valid month or day (the caller may have another source of the date)."""
    match = _ISO_DATE.match(text) if text else None
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if not year or (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    return Date(year=year, month=month, day=day if month else None)


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


def parse_pages(text: str | None) -> tuple[str | None, str | None, str | None]:
    """(first, last, page): ``1-3`` -> (``1``, ``3``, None); ``e123`` -> (``e123``, None, None); anything
    that is no simple range keeps its whole text as ``page`` with its first page: ``1106-1111+1117`` ->
    (``1106``, None, ``1106-1111+1117``), ``iii-xii, 1-200`` -> (``iii``, None, ``iii-xii, 1-200``)."""
    text = clean_text(text)
    if not text:
        return None, None, None
    match = _PAGE_RANGE.match(text)
    if match and _SIMPLE_PAGE.match(match.group(2)):
        return match.group(1), match.group(2), None
    if _SIMPLE_PAGE.match(text):
        return text, None, None
    first = _FIRST_PAGE.match(text)
    return (first.group() if first else None), None, text


_SIMPLE_PAGE = re.compile(r"^[^\s,;+&\-\u2010-\u2015]+$")
_FIRST_PAGE = re.compile(r"^[^\s,;+&\-\u2010-\u2015]+")


# -- languages ---------------------------------------------------------------------------------

#: Language field values that are no BCP 47 tag (names, ISO 639-2 codes, exporters' codes), lower
#: case, and the primary subtag they mean.
LANGUAGE_NAMES: dict[str, Lang] = {
    **dict.fromkeys(("chi", "zho", "chinese", "中文", "汉语", "漢語", "简体中文", "繁體中文", "cn", "chs", "cht"), "zh"),
    **dict.fromkeys(("eng", "english", "英文", "英语", "英語"), "en"),
    **dict.fromkeys(("jpn", "japanese", "日文", "日语", "日本語"), "ja"),
    **dict.fromkeys(("kor", "korean", "韩文", "韩语", "한국어"), "ko"),
    **dict.fromkeys(("ger", "deu", "german", "deutsch", "德文", "德语"), "de"),
    **dict.fromkeys(("fre", "fra", "french", "français", "francais", "法文", "法语"), "fr"),
    **dict.fromkeys(("rus", "russian", "русский", "俄文", "俄语"), "ru"),
    **dict.fromkeys(("spa", "spanish", "español", "espanol", "西班牙文", "西班牙语"), "es"),
    **dict.fromkeys(("ita", "italian", "italiano", "意大利文", "意大利语"), "it"),
    **dict.fromkeys(("por", "portuguese", "português", "portugues", "葡萄牙文", "葡萄牙语"), "pt"),
    **dict.fromkeys(("dut", "nld", "dutch", "nederlands"), "nl"),
    **dict.fromkeys(("pol", "polish", "polski"), "pl"),
    **dict.fromkeys(("swe", "swedish", "svenska"), "sv"),
    **dict.fromkeys(("dan", "danish", "dansk"), "da"),
    **dict.fromkeys(("nor", "norwegian", "norsk"), "no"),
    **dict.fromkeys(("fin", "finnish", "suomi"), "fi"),
    **dict.fromkeys(("cze", "ces", "czech", "čeština"), "cs"),
    **dict.fromkeys(("hun", "hungarian", "magyar"), "hu"),
    **dict.fromkeys(("gre", "ell", "greek", "ελληνικά"), "el"),
    **dict.fromkeys(("tur", "turkish", "türkçe"), "tr"),
    **dict.fromkeys(("ara", "arabic", "العربية"), "ar"),
    **dict.fromkeys(("heb", "hebrew", "עברית"), "he"),
    **dict.fromkeys(("per", "fas", "persian", "farsi"), "fa"),
    **dict.fromkeys(("hin", "hindi"), "hi"),
    **dict.fromkeys(("vie", "vietnamese", "tiếng việt"), "vi"),
    **dict.fromkeys(("tha", "thai"), "th"),
    **dict.fromkeys(("ind", "indonesian"), "id"),
    **dict.fromkeys(("ukr", "ukrainian"), "uk"),
    **dict.fromkeys(("lat", "latin"), "la"),
}
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def language_of(value: str | None) -> Lang | None:
    """The primary language subtag a language field names (``zh-CN`` -> ``zh``, ``Chinese`` -> ``zh``,
    ``ger`` -> ``de``, ``de-AT`` -> ``de``); None when it names no language we can tell."""
    parsed = language_tag(value)
    return parsed[0] if parsed else None


def language_tag(value: str | None) -> tuple[Lang, str | None] | None:
    """(primary subtag, the BCP 47 tag as given or None when the value was a name or an ISO 639-2 code)."""
    if not value:
        return None
    text = value.strip()
    key = text.lower()
    if key in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[key], None
    if _TAG.match(text):
        head = primary_subtag(text)
        if head in LANGUAGE_NAMES and len(head) == 3:  # chi-CN, eng-GB
            return LANGUAGE_NAMES[head], None
        return head, text.replace("_", "-")
    return None


def record_language(language: str | None, title: str | None, warnings: list[str]) -> tuple[Lang, str | None]:
    """(language, its BCP 47 tag or None) of a one-language record: the format's language field if it
    names a language, else zh when the title has CJK characters, else en (with a warning when the
    field said something else)."""
    if language:
        parsed = language_tag(language)
        if parsed is not None:
            return parsed
        warnings.append(f"unknown language {language!r}: guessed from the title")
    return ("zh" if has_cjk(title) else "en"), None


def translation_language(values: Iterable[str]) -> Lang:
    """The language of a record's translated fields (NoteExpress's ``{Translated Title}``, EndNote
    XML's ``translated-title``), which no format names: zh when one has CJK characters, else en."""
    return "zh" if any(has_cjk(value) for value in values) else "en"


def language_code(lang: Lang) -> str:
    """What the writers put in a language field (RIS ``LA``, EndNote ``%G``, RefWorks ``LA``, BibTeX
    ``language``): the ISO 639-1 code (the primary subtag), which is what Zotero writes (its RIS export
    of the seed has ``LA  - zh``) and what its CSL processor understands as a locale; EndNote stores the
    field as free text, so a code costs nothing there.  bibutils and pandoc keep the code as given."""
    return lang


#: The codes of the two languages the platform has (:func:`language_code`).
LANGUAGE_CODES: dict[Lang, str] = {"zh": "zh", "en": "en"}


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


#: Full-width punctuation exporters put inside DOIs (Wanfang's ``10.3969／j.issn.1672－187X``), as ASCII.
_FULL_WIDTH_DOI = str.maketrans({"／": "/", "－": "-", "．": ".", "：": ":", "＿": "_"})


def clean_doi(value: str | None, warnings: list[str] | None = None) -> str | None:
    """A bare DOI: a ``https://doi.org/``, ``http://dx.doi.org/`` or ``doi:`` prefix is removed and
    full-width punctuation made ASCII (each with a warning when ``warnings`` is given); nothing left is None."""
    if value and value.translate(_FULL_WIDTH_DOI) != value:
        if warnings is not None:
            warnings.append(f"DOI with full-width punctuation {value!r}: read as ASCII")
        value = value.translate(_FULL_WIDTH_DOI)
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


_CN_NUMBER = re.compile(r"^CN\s*\d{2}-\d{4}(?:/[A-Z0-9.]{1,8})?$|^\d{2}-\d{4}(?:/[A-Z0-9.]{1,8})?$", re.IGNORECASE)


def is_cn_number(value: str | None) -> bool:
    """True for a China serial number (国内统一连续出版物号), ``11-1949/U``, ``CN 11-2224/R``, ``11-0096``."""
    return value is not None and _CN_NUMBER.match(value.strip()) is not None


_ISSN = re.compile(r"^\d{4}-?\d{3}[\dXx]$")
_ISBN = re.compile(r"^(?:ISBN(?:-1[03])?:?\s*)?((?:\d[\s-]?){9}[\dXx]|(?:\d[\s-]?){12}\d)$", re.IGNORECASE)
_SERIAL_QUALIFIER = re.compile(r"\s*\(([^()]{1,40})\)\s*$")
_ELECTRONIC = {"electronic", "online", "ebook", "e-book"}


def serial_number(value: str) -> tuple[str | None, str]:
    """What a field that holds "ISSN or ISBN" (RIS ``SN``, EndNote ``%@``, RefWorks ``SN``) holds, by its
    shape: (``issn``, ``eissn`` or ``isbn``, the number), or (None, the value) when it is neither.
    PubMed's ``2277-9175 (Print)`` is the print ISSN, ``(Electronic)`` the electronic one; an ISBN's
    ``(pbk.)`` or ``(paperback)`` is dropped."""
    text = value.strip()
    qualifier = _SERIAL_QUALIFIER.search(text)
    bare = text[: qualifier.start()] if qualifier else text
    if _ISSN.match(bare):
        electronic = qualifier is not None and qualifier.group(1).lower() in _ELECTRONIC
        return ("eissn" if electronic else "issn"), bare.upper()
    isbn = _ISBN.match(bare)
    if isbn:
        return "isbn", isbn.group(1).strip()
    return None, text


# -- suffix letters ----------------------------------------------------------------------------


def suffix_letters(n: int) -> str:
    """1 -> ``a``, 26 -> ``z``, 27 -> ``aa``, 28 -> ``ab`` (bijective base 26): what tells equal
    citation keys apart, and works of one author in one year."""
    letters = ""
    while n > 0:
        n, remainder = divmod(n - 1, 26)
        letters = ascii_lowercase[remainder] + letters
    return letters

"""The normalized citation model: one reference of any CSL type, in one or more languages.

The model is CSL-shaped (CSL 1.0.2 item types and variables), so CSL-JSON is a rename and every
other format maps to and from it through its own tables.  ``docs/model.md`` is the guide; in short:

* :class:`Citation` holds the language-neutral facts (type, dates, volume, pages, numbers,
  identifiers, status) and one :class:`LocalizedText` per language, keyed by the primary
  language subtag (``"zh"``, ``"en"``, ``"de"`` …), each with its full BCP 47 tag.
* :class:`LocalizedText` holds what is written in one language: titles, container and
  collection titles, event, publisher and place, genre, medium, authority, abstract,
  keywords, note, links, archive, edition, and the names by role (:data:`Role`).
* :class:`Name` is a person (family, given, particles, suffix) or an organisation (literal).
* :class:`Date` is every date variable: parts (negative years allowed, ranges), a season,
  ``circa``, or a literal (``In press``, ``n.d.``).  Parsing is :mod:`citeexport.values`.
* Text fields hold the CSL rich-text subset (:mod:`citeexport.markup`): ``<i> <b> <sub> <sup>``,
  small caps and ``nocase`` spans; any other ``<``, ``>`` or ``&`` is literal text.

Validation normalises (NFC, trimmed, empty becomes absent) and checks structure (a known CSL
type, a month 1-12, a role that CSL names); it never rewrites what a reader chose.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .cjk import has_cjk

__all__ = [
    "CSL_TYPES",
    "LANGS",
    "ROLES",
    "Citation",
    "CslType",
    "Date",
    "Lang",
    "LocalizedText",
    "Name",
    "Role",
    "clean_text",
    "has_cjk",
    "new_citation",
    "new_name",
    "new_text",
    "primary_subtag",
]

# -- types, roles, languages -------------------------------------------------------------------

#: The CSL 1.0.2 item types, as CSL spells them.
CslType = Literal[
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
]
CSL_TYPES: tuple[str, ...] = get_args(CslType)

#: The CSL 1.0.2 name variables (the roles a name can have), as CSL spells them.
Role = Literal[
    "author",
    "chair",
    "collection-editor",
    "compiler",
    "composer",
    "container-author",
    "contributor",
    "curator",
    "director",
    "editor",
    "editorial-director",
    "editor-translator",
    "executive-producer",
    "guest",
    "host",
    "illustrator",
    "interviewer",
    "narrator",
    "organizer",
    "original-author",
    "performer",
    "producer",
    "recipient",
    "reviewed-author",
    "script-writer",
    "series-creator",
    "translator",
]
ROLES: tuple[str, ...] = get_args(Role)

#: A language: its primary subtag, lower case (``zh``, ``en``, ``de``, ``ja`` …).
Lang = str
#: The languages put first, in this order; any other follows in the order it was read.
LANGS: tuple[Lang, ...] = ("zh", "en")
#: The full tag of a language read without one (CSL-JSON ``language``, when nothing else is known).
DEFAULT_LANGUAGE_TAGS: dict[Lang, str] = {"zh": "zh-CN", "en": "en-US"}
#: Kept for the text renderer; the same table.
LANGUAGE_TAGS = DEFAULT_LANGUAGE_TAGS

_PRIMARY_SUBTAG = re.compile(r"^[A-Za-z]{2,8}$")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$")


@lru_cache(maxsize=512)
def primary_subtag(tag: str) -> Lang:
    """``zh-Hans-CN`` -> ``zh``; ``EN_us`` -> ``en``.  Raises ValueError for what is no language tag."""
    head = tag.strip().replace("_", "-").split("-", 1)[0].lower()
    if not _PRIMARY_SUBTAG.match(head):
        raise ValueError(f"not a language tag: {tag!r}")
    return head


def language_order(languages: Any) -> list[Lang]:
    """``languages`` with zh first, en second, then the others in their order."""
    present = list(languages)
    return [lang for lang in LANGS if lang in present] + [lang for lang in present if lang not in LANGS]


# -- text --------------------------------------------------------------------------------------

_EDGE_SPACE = " \t\r\n\u3000\ufeff"


#: Invisible format characters no value keeps: the bidirectional embeddings, overrides and isolates
#: (U+202A-202E, U+2066-2069: they reorder how the text after them is displayed, so a title, a DOI
#: or a URL would read differently from what it is, the "Trojan Source" trick), the deprecated
#: format controls U+206A-206F, zero-width space and word joiner (line-break hints only), the soft
#: hyphen, invisible mathematical operators, interlinear annotation controls, the BOM used as a
#: zero-width no-break space, and the tag characters (invisible ASCII).
_INVISIBLE = "\u00ad\u200b\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f"
#: Zero-width (non-)joiners spell words in Persian, Indic scripts and emoji sequences: kept between
#: two non-ASCII letters, marks or symbols, removed anywhere else (in Latin text, beside a space or
#: punctuation, at an edge), where they only make equal-looking strings differ.
_JOINERS = "\u200c\u200d"
_FORMAT_CHARS = re.compile(f"[{_INVISIBLE}{_JOINERS}]")
_JOINED = frozenset(("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "So", "Sk"))


def _joins(ch: str) -> bool:
    return ch > "\x7f" and unicodedata.category(ch) in _JOINED


def _without_format_chars(value: str) -> str:
    def keep(match: re.Match[str]) -> str:
        at, ch = match.start(), match.group()
        if ch in _JOINERS and 0 < at < len(value) - 1 and _joins(value[at - 1]) and _joins(value[at + 1]):
            return ch
        return ""

    return _FORMAT_CHARS.sub(keep, value)


def clean_text(value: str | None) -> str | None:
    """Remove invisible format characters (bidi controls …, see ``_INVISIBLE``), NFC-normalize and
    strip (ASCII and ideographic spaces); empty becomes None.  Every reader's values pass here."""
    if value is None:
        return None
    if value.isascii():  # no format character, NFC already (str.isascii reads a flag: no scan)
        if value and (value[0] in _EDGE_SPACE or value[-1] in _EDGE_SPACE):
            value = value.strip(_EDGE_SPACE)
        return value or None
    if not value.isprintable() and _FORMAT_CHARS.search(value):  # every such character is unprintable (Cf)
        value = _without_format_chars(value)
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    if value and (value[0] in _EDGE_SPACE or value[-1] in _EDGE_SPACE):
        value = value.strip(_EDGE_SPACE)
    return value or None


def _clean_value(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


def _cleaned(data: Any) -> Any:
    """A model's input with every text value cleaned (:func:`clean_text`), in one pass: one
    validator call per object, not one per field (what the readers' throughput rests on)."""
    if not isinstance(data, dict):
        return data
    return {key: clean_text(value) if isinstance(value, str) else value for key, value in data.items()}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# -- names -------------------------------------------------------------------------------------


class Name(_Frozen):
    """A person or an organisation, with CSL's name parts.

    * Western person: ``family="King", given="Martin Luther", suffix="Jr."``; particles apart:
      ``given="Vincent", non_dropping_particle="van", family="Gogh"`` (kept with the family name),
      ``given="Ludwig", dropping_particle="van", family="Beethoven"`` (kept with the given name).
    * Chinese (CJK) person: ``family="饶", given="春明"``; writers print it whole and without a
      space (``饶春明``), never as ``饶, 春明``.  See :attr:`is_cjk`.
    * Organisation, or a name that cannot be split: ``literal="World Health Organization"``;
      never inverted by any writer.
    """

    family: str | None = None
    given: str | None = None
    literal: str | None = None
    non_dropping_particle: str | None = None
    dropping_particle: str | None = None
    suffix: str | None = None
    comma_suffix: bool = False  # CSL comma-suffix: "Martin Luther King, Jr." in display order

    @model_validator(mode="before")
    @classmethod
    def _clean(cls, data: Any) -> Any:
        return _cleaned(data)

    @property
    def is_cjk(self) -> bool:
        """A personal name written in CJK characters (printed whole, no space)."""
        return self.literal is None and has_cjk(self.family)

    @property
    def family_full(self) -> str | None:
        """The family name with its non-dropping particle: ``van Gogh``."""
        if self.non_dropping_particle and self.family:
            return f"{self.non_dropping_particle} {self.family}"
        return self.family or self.non_dropping_particle

    @property
    def given_full(self) -> str | None:
        """The given names with the dropping particle after them: ``Ludwig van``."""
        if self.dropping_particle:
            return " ".join(part for part in (self.given, self.dropping_particle) if part)
        return self.given

    @property
    def whole(self) -> str:
        """The name as one string, in display order: ``饶春明``, ``Martin Luther King Jr.``, the literal."""
        if self.literal is not None:
            return self.literal
        if self.is_cjk:
            return (self.family or "") + (self.given or "")
        out = " ".join(part for part in (self.given, self.dropping_particle, self.family_full) if part)
        if self.suffix:
            out = f"{out}, {self.suffix}" if self.comma_suffix else f"{out} {self.suffix}"
        return out

    @property
    def inverted(self) -> str:
        """``Family, Given`` (``van Gogh, Vincent``; ``King, Martin Luther, Jr.``); CJK names and literals whole."""
        if self.literal is not None or self.is_cjk:
            return self.whole
        family, given = self.family_full, self.given_full
        out = (f"{family}, {given}" if family else given) if given else (family or "")
        return f"{out}, {self.suffix}" if self.suffix else out

    def csl(self) -> dict[str, Any]:
        """The CSL-JSON name object."""
        if self.literal is not None:
            return {"literal": self.literal}
        out: dict[str, Any] = {}
        for key, value in (
            ("family", self.family),
            ("given", self.given),
            ("non-dropping-particle", self.non_dropping_particle),
            ("dropping-particle", self.dropping_particle),
            ("suffix", self.suffix),
        ):
            if value:
                out[key] = value
        if self.comma_suffix and self.suffix:
            out["comma-suffix"] = True
        return out


# -- dates -------------------------------------------------------------------------------------

#: Season numbers (CSL ``season`` 1-4) and their English names.
SEASONS: dict[int, str] = {1: "Spring", 2: "Summer", 3: "Autumn", 4: "Winter"}


def _edtf_year(year: int) -> str:
    """EDTF year: four digits at least, ``-0876`` for 877 BCE (astronomical numbering)."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


class Date(_Frozen):
    """Any CSL date variable, as CSL holds it.

    * Parts: ``year`` (any integer: 0 and negative years are astronomical, ``-876`` = 877 BCE),
      ``month`` (1-12) and ``day`` (1-31, only with a month); ``end`` for a range (parts only).
    * ``season``: 1-4 (spring, summer, autumn, winter) or the season's own words (``Lent term``),
      with a year and no month.
    * ``circa``: the date is approximate (``c. 1900``, EDTF ``1900~``).
    * ``literal``: text that is no date the parser could read (``In press``, ``n.d.``, ``20uu``),
      kept as written; a literal date has no parts.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: int | str | None = None
    circa: bool = False
    end: Date | None = None
    literal: str | None = None

    @field_validator("literal", mode="before")
    @classmethod
    def _clean(cls, value: Any) -> Any:
        return _clean_value(value)

    @field_validator("season", mode="before")
    @classmethod
    def _clean_season(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = clean_text(value)
            if value is not None and value.isdigit():
                return int(value)
        return value

    @model_validator(mode="after")
    def _check(self) -> Date:
        if self.literal is not None:
            if self.year is not None or self.month or self.day or self.season is not None or self.end is not None:
                raise ValueError("a literal date has no parts")
            return self
        if self.year is None:
            raise ValueError("a date needs a year or a literal")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not 1-12")
        if self.day is not None and (self.month is None or not 1 <= self.day <= 31):
            raise ValueError(f"day {self.day} needs a month and must be 1-31")
        if isinstance(self.season, int) and (not 1 <= self.season <= 4 or self.month is not None):
            raise ValueError(f"season {self.season} must be 1-4, in a date without a month")
        if self.end is not None and (self.end.end is not None or self.end.literal is not None):
            raise ValueError("a range ends with date parts")
        return self

    @property
    def is_literal(self) -> bool:
        return self.literal is not None

    @property
    def season_name(self) -> str | None:
        """``Spring`` … for a season number, the season's words as given, None without a season."""
        if isinstance(self.season, int):
            return SEASONS[self.season]
        return self.season

    def iso(self) -> str | None:
        """The start of the date, ``2025``, ``2025-01``, ``2025-01-31`` (``-0876`` BCE); None for a literal."""
        if self.year is None:
            return None
        out = _edtf_year(self.year)
        if self.month:
            out += f"-{self.month:02d}"
            if self.day:
                out += f"-{self.day:02d}"
        return out

    def edtf(self) -> str | None:
        """The whole date in EDTF (level 1): ``1900~``, ``2004-21`` (spring), ``2001-03/2001-05``; None
        for a literal or a season in words."""
        start = self.iso()
        if start is None or isinstance(self.season, str):
            return None
        if isinstance(self.season, int):
            start += f"-{self.season + 20}"
        if self.circa:
            start += "~"
        if self.end is not None:
            return f"{start}/{self.end.iso()}"
        return start

    def parts(self) -> list[int]:
        """CSL date-parts of the start: ``[2025, 1, 31]`` (empty for a literal).  CSL counts years before
        1 as BCE, with no year 0 (the CSL test suite's ``[-44, 3, 15]`` is the Ides of March, 44 BC): the
        model's astronomical ``-43`` is CSL's ``-44``, its ``0`` CSL's ``-1``."""
        if self.year is None:
            return []
        out = [self.year if self.year > 0 else self.year - 1]
        if self.month:
            out.append(self.month)
            if self.day:
                out.append(self.day)
        return out

    def csl(self) -> dict[str, Any]:
        """The CSL-JSON date object."""
        if self.literal is not None:
            return {"literal": self.literal}
        out: dict[str, Any] = {"date-parts": [self.parts()] + ([self.end.parts()] if self.end is not None else [])}
        if self.season is not None:
            out["season"] = self.season
        if self.circa:
            out["circa"] = True
        return out


# -- text in one language ----------------------------------------------------------------------

#: LocalizedText fields and their CSL variables (names are :attr:`LocalizedText.names`, by role).
LOCALIZED_FIELDS: dict[str, str] = {
    "title": "title",
    "subtitle": "subtitle",  # not a CSL 1.0.2 variable: CSL-JSON writes it into the title (docs/model.md)
    "title_short": "title-short",
    "container_title": "container-title",
    "container_title_short": "container-title-short",
    "collection_title": "collection-title",
    "event_title": "event-title",  # CSL 1.0.2 "event"; 1.0.2 readers also take "event-title"
    "event_place": "event-place",
    "publisher": "publisher",
    "publisher_place": "publisher-place",
    "genre": "genre",
    "medium": "medium",
    "authority": "authority",
    "abstract": "abstract",
    "note": "note",
    "url": "URL",
    "pdf_url": "pdf-url",  # no CSL variable: not written to CSL-JSON
    "archive": "archive",
    "archive_location": "archive_location",
    "edition": "edition",
}


@lru_cache(maxsize=1024)
def _language_field(tag: str) -> str | None:
    """:attr:`LocalizedText.language` for ``tag`` (a file holds a handful of tags: each is checked once)."""
    if not _LANGUAGE_TAG.match(tag):
        raise ValueError(f"not a BCP 47 language tag: {tag!r}")
    tag = tag.replace("_", "-")
    default = DEFAULT_LANGUAGE_TAGS.get(primary_subtag(tag))
    return None if default is not None and tag.lower() == default.lower() else tag


class LocalizedText(_Frozen):
    """Everything about a reference that is written in one language.

    ``names`` holds the names by role (CSL name variables); :attr:`authors` is ``names["author"]``.
    For the common case the constructor also takes ``authors=(…)``.
    """

    language: str | None = None  # the BCP 47 tag as read (zh-TW, en-GB, de); None: the key's default (zh-CN, en-US)
    title: str | None = None
    subtitle: str | None = None
    title_short: str | None = None
    container_title: str | None = None  # journal, book of a chapter, proceedings, website
    container_title_short: str | None = None  # journal abbreviation
    collection_title: str | None = None  # series
    event_title: str | None = None  # conference name
    event_place: str | None = None
    publisher: str | None = None
    publisher_place: str | None = None
    genre: str | None = None  # the kind within a type: "博士学位论文", "PhD thesis", "技术报告"
    medium: str | None = None
    authority: str | None = None  # patent office, court
    abstract: str | None = None
    keywords: tuple[str, ...] = ()
    note: str | None = None
    url: str | None = None  # landing page in this language
    pdf_url: str | None = None
    archive: str | None = None
    archive_location: str | None = None
    edition: str | None = None  # as text: "2nd", "第2版", "3"
    names: dict[Role, tuple[Name, ...]] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _authors_argument(cls, data: Any) -> Any:
        """``authors=(…)`` is ``names={"author": (…)}``; then every text value is cleaned."""
        if isinstance(data, dict) and "authors" in data:
            data = dict(data)
            authors = data.pop("authors")
            names = dict(data.get("names") or {})
            if "author" in names and authors:
                raise ValueError("authors given twice (authors= and names['author'])")
            names["author"] = authors
            data["names"] = names
        return _cleaned(data)

    @field_validator("language", mode="after")
    @classmethod
    def _check_language(cls, value: str | None) -> str | None:
        """A BCP 47 tag, ``_`` read as ``-``; the default tag of its language (zh-CN, en-US) is None,
        so that a text reads the same whether or not its source spelled the default out."""
        return None if value is None else _language_field(value)

    @field_validator("keywords", mode="before")
    @classmethod
    def _clean_keywords(cls, value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            cleaned = [clean_text(v) if isinstance(v, str) else v for v in value]
            return tuple([k for k in cleaned if k])
        return value

    @field_validator("names", mode="after")
    @classmethod
    def _drop_empty_roles(cls, value: dict[Role, tuple[Name, ...]]) -> dict[Role, tuple[Name, ...]]:
        if all(value.values()):
            return value
        return {role: names for role, names in value.items() if names}

    @property
    def authors(self) -> tuple[Name, ...]:
        return self.names.get("author", ())

    def name_list(self, role: Role) -> tuple[Name, ...]:
        """The names in ``role`` (empty when none)."""
        return self.names.get(role, ())


# -- the citation ------------------------------------------------------------------------------

#: Citation date fields and their CSL variables.
DATE_FIELDS: dict[str, str] = {
    "issued": "issued",
    "accessed": "accessed",
    "original_date": "original-date",
    "event_date": "event-date",
    "available_date": "available-date",
    "submitted": "submitted",
}
#: Citation text and number fields and their CSL variables (``page_first``/``page_last`` make ``page``).
NEUTRAL_FIELDS: dict[str, str] = {
    "volume": "volume",
    "issue": "issue",
    "page": "page",
    "page_first": "page-first",
    "number": "number",
    "number_of_pages": "number-of-pages",
    "number_of_volumes": "number-of-volumes",
    "chapter_number": "chapter-number",
    "collection_number": "collection-number",
    "section": "section",
    "version": "version",
    "doi": "DOI",
    "isbn": "ISBN",
    "issn": "ISSN",
    "eissn": "eissn",  # no CSL variable: CSL-JSON keeps it in "note"-free custom data (docs/model.md)
    "cn": "cn",  # China serial number; no CSL variable
    "call_number": "call-number",
    "status": "status",
}

#: The ``status`` of an article published online ahead of its issue.
ONLINE_FIRST = "online-first"


class Citation(_Frozen):
    """One reference: its CSL type, language-neutral facts, and text per language."""

    id: str | None = None  # the source's id (the platform's article id, a CSL item id)
    type: CslType = "article-journal"
    issued: Date | None = None  # publication date
    accessed: Date | None = None
    original_date: Date | None = None
    event_date: Date | None = None
    available_date: Date | None = None  # online-first date
    submitted: Date | None = None
    volume: str | None = None
    issue: str | None = None
    page_first: str | None = None
    page_last: str | None = None
    page: str | None = None  # the page text when it is no simple first-last range: "1106-1111+1117", "iii-xii, 1-200"
    number: str | None = None  # article number (e-locator); report, standard, patent, bill number
    number_of_pages: str | None = None
    number_of_volumes: str | None = None
    chapter_number: str | None = None
    collection_number: str | None = None
    section: str | None = None
    version: str | None = None
    doi: str | None = None
    isbn: str | None = None
    issn: str | None = None
    eissn: str | None = None
    cn: str | None = None  # China serial number, e.g. 11-2224/R
    call_number: str | None = None
    status: str | None = None  # "online-first", "in press", free text
    extra: dict[str, str] = Field(default_factory=dict)  # CSL variables carried but not modelled (CSL name -> value)
    texts: dict[Lang, LocalizedText] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _online_first_argument(cls, data: Any) -> Any:
        """``online_first=True`` is ``status="online-first"`` (what the model held before ``status``)."""
        if isinstance(data, dict) and "online_first" in data:
            data = dict(data)
            if data.pop("online_first") and not data.get("status"):
                data["status"] = ONLINE_FIRST
        return _cleaned(data)

    @field_validator("extra", mode="after")
    @classmethod
    def _clean_extra(cls, value: dict[str, str]) -> dict[str, str]:
        cleaned = {key: clean_text(text) for key, text in value.items()}
        return {key: text for key, text in cleaned.items() if text is not None}

    @field_validator("texts", mode="after")
    @classmethod
    def _order_languages(cls, value: dict[Lang, LocalizedText]) -> dict[Lang, LocalizedText]:
        for key, text in value.items():
            if key not in LANGS and primary_subtag(key) != key:
                raise ValueError(f"language key {key!r} is not a lower-case primary subtag")
            if text.language is not None and primary_subtag(text.language) != key:
                raise ValueError(f"language {text.language!r} filed under {key!r}")
        if len(value) == 1:
            return value
        order = language_order(value)
        if order == list(value):
            return value
        return {lang: value[lang] for lang in order}

    # -- views -----------------------------------------------------------------------------

    @property
    def languages(self) -> tuple[Lang, ...]:
        """Languages present: zh first, en second, then the others in the order read."""
        return tuple(self.texts)

    def text(self, lang: Lang) -> LocalizedText:
        """The text in ``lang``; an empty :class:`LocalizedText` when absent."""
        return self.texts.get(lang) or LocalizedText()

    def language_tag(self, lang: Lang) -> str:
        """The BCP 47 tag of ``lang``'s text: as read, else ``zh-CN``/``en-US``, else the subtag itself."""
        text = self.texts.get(lang)
        if text is not None and text.language:
            return text.language
        return DEFAULT_LANGUAGE_TAGS.get(lang, lang)

    @property
    def year(self) -> int | None:
        return self.issued.year if self.issued else None

    @property
    def online_first(self) -> bool:
        """Published online ahead of an issue (``status`` online-first)."""
        return self.status is not None and self.status.lower() == ONLINE_FIRST

    @property
    def pages(self) -> str | None:
        """``page`` when set, else ``1-3``, ``1`` or None (hyphen-minus; writers choose their own dash)."""
        if self.page:
            return self.page
        if self.page_first and self.page_last and self.page_last != self.page_first:
            return f"{self.page_first}-{self.page_last}"
        return self.page_first or self.page_last

    def csl_item(self, lang: Lang, item_id: str | None = None) -> dict[str, Any]:
        """The CSL-JSON item for the reference in one language (:func:`citeexport.csl.csl_item`)."""
        from .csl import csl_item

        return csl_item(self, lang, item_id)


# -- building on the readers' hot paths ----------------------------------------------------------

#: ``Name(**fields)``, ``LocalizedText(**fields)``, ``Citation(**fields)`` for a dict of fields:
#: the same validation (the same schema, before- and after-validators), called without the Python
#: frames of ``BaseModel.__init__`` — what a reader does a few times per record, thousands of times
#: a second (issue 17).  A validation error is raised as the constructor raises it.
new_name: Callable[[dict[str, Any]], Name] = Name.__pydantic_validator__.validate_python
new_text: Callable[[dict[str, Any]], LocalizedText] = LocalizedText.__pydantic_validator__.validate_python
new_citation: Callable[[dict[str, Any]], Citation] = Citation.__pydantic_validator__.validate_python

"""The normalized citation model: one journal article, in one or more languages.

Field names follow CSL-JSON variables where one exists (``container_title`` for
``container-title``, ``issued``, ``page_first`` …), so :meth:`Citation.csl_item`
is a rename, not a translation.

A :class:`Citation` holds the language-neutral facts of an article (year, volume,
pages, DOI, ISSN …) and one :class:`LocalizedText` per language (title, authors,
journal title, abstract, keywords, URLs).  Readers produce citations; writers
consume them, one language at a time or side by side.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from .cjk import has_cjk

__all__ = ["LANGS", "Citation", "DateParts", "Lang", "LocalizedText", "Name", "clean_text", "has_cjk"]

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

#: BCP 47 tag written to CSL-JSON ``language`` and similar fields.
LANGUAGE_TAGS: dict[str, str] = {"zh": "zh-CN", "en": "en-US"}


_EDGE_SPACE = " \t\r\n\u3000\ufeff"


def clean_text(value: str | None) -> str | None:
    """NFC-normalize and strip (ASCII and ideographic spaces); empty becomes None."""
    if value is None:
        return None
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    if value and (value[0] in _EDGE_SPACE or value[-1] in _EDGE_SPACE):
        value = value.strip(_EDGE_SPACE)
    return value or None


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Name(_Frozen):
    """A person or an organisation.

    * Western person: ``family="RAO", given="Chun-ming"``.
    * Chinese (CJK) person: ``family="饶", given="春明"``; writers print it whole and
      without a space (``饶春明``), never as ``饶, 春明``.  See :attr:`is_cjk`.
    * Organisation, or a name that cannot be split: ``literal="国家药典委员会"``.
    """

    family: str | None = None
    given: str | None = None
    literal: str | None = None

    @field_validator("family", "given", "literal", mode="before")
    @classmethod
    def _clean(cls, value: Any) -> Any:
        return clean_text(value) if isinstance(value, str) else value

    @property
    def is_cjk(self) -> bool:
        """A personal name written in CJK characters (printed whole, no space)."""
        return self.literal is None and has_cjk(self.family)

    @property
    def whole(self) -> str:
        """The name as one string: ``饶春明``, ``Chun-ming RAO``, or the literal."""
        if self.literal is not None:
            return self.literal
        if self.is_cjk:
            return (self.family or "") + (self.given or "")
        return " ".join(part for part in (self.given, self.family) if part)

    @property
    def inverted(self) -> str:
        """``Family, Given`` for Western names; CJK names and literals whole."""
        if self.literal is not None or self.is_cjk or not self.given:
            return self.whole
        return f"{self.family}, {self.given}" if self.family else self.given

    def csl(self) -> dict[str, str]:
        if self.literal is not None:
            return {"literal": self.literal}
        out: dict[str, str] = {}
        if self.family:
            out["family"] = self.family
        if self.given:
            out["given"] = self.given
        return out


class DateParts(_Frozen):
    """A possibly partial calendar date (CSL ``date-parts`` of one date)."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """``2025``, ``2025-01`` or ``2025-01-31``."""
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
            if self.day:
                out += f"-{self.day:02d}"
        return out

    def csl(self) -> dict[str, list[list[int]]]:
        parts = [self.year]
        if self.month:
            parts.append(self.month)
            if self.day:
                parts.append(self.day)
        return {"date-parts": [parts]}


class LocalizedText(_Frozen):
    """Everything about an article that is written in one language."""

    title: str | None = None
    authors: tuple[Name, ...] = ()
    container_title: str | None = None  # journal title
    container_title_short: str | None = None  # journal abbreviation
    abstract: str | None = None
    keywords: tuple[str, ...] = ()
    url: str | None = None  # landing page in this language
    pdf_url: str | None = None

    @field_validator("title", "container_title", "container_title_short", "abstract", "url", "pdf_url", mode="before")
    @classmethod
    def _clean(cls, value: Any) -> Any:
        return clean_text(value) if isinstance(value, str) else value

    @field_validator("keywords", mode="before")
    @classmethod
    def _clean_keywords(cls, value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return tuple(k for k in (clean_text(v) if isinstance(v, str) else v for v in value) if k)
        return value


class Citation(_Frozen):
    """One journal article: language-neutral facts plus text per language."""

    id: str | None = None  # the platform's article id
    type: str = "article-journal"  # a CSL item type
    issued: DateParts | None = None  # publication date
    available_date: DateParts | None = None  # online-first date
    online_first: bool = False  # published online ahead of an issue
    volume: str | None = None
    issue: str | None = None
    page_first: str | None = None
    page_last: str | None = None
    number: str | None = None  # article number (e-locator), printed in the page slot
    doi: str | None = None
    issn: str | None = None
    eissn: str | None = None
    cn: str | None = None  # China serial number, e.g. 11-2224/R
    texts: dict[Lang, LocalizedText] = {}

    @field_validator("id", "volume", "issue", "page_first", "page_last", "number", "doi", "issn", "eissn", "cn", mode="before")
    @classmethod
    def _clean(cls, value: Any) -> Any:
        return clean_text(value) if isinstance(value, str) else value

    # -- views -----------------------------------------------------------------------------

    @property
    def languages(self) -> tuple[Lang, ...]:
        """Languages present, Chinese first."""
        return tuple(lang for lang in LANGS if lang in self.texts)

    def text(self, lang: Lang) -> LocalizedText:
        """The text in ``lang``; an empty :class:`LocalizedText` when absent."""
        return self.texts.get(lang) or LocalizedText()

    @property
    def year(self) -> int | None:
        return self.issued.year if self.issued else None

    @property
    def pages(self) -> str | None:
        """``1-3``, ``1`` or None (hyphen-minus; writers choose their own dash)."""
        if self.page_first and self.page_last and self.page_last != self.page_first:
            return f"{self.page_first}-{self.page_last}"
        return self.page_first or self.page_last

    def csl_item(self, lang: Lang, item_id: str | None = None) -> dict[str, Any]:
        """A CSL-JSON item for the article in one language."""
        text = self.text(lang)
        item: dict[str, Any] = {"id": item_id or self.id or "item", "type": self.type, "language": LANGUAGE_TAGS[lang]}
        if text.authors:
            item["author"] = [name.csl() for name in text.authors]
        optional: dict[str, Any] = {
            "title": text.title,
            "container-title": text.container_title,
            "container-title-short": text.container_title_short,
            "abstract": text.abstract,
            "keyword": ", ".join(text.keywords) if text.keywords else None,
            "URL": text.url,
            "volume": self.volume,
            "issue": self.issue,
            "page": self.pages,
            "page-first": self.page_first,
            "number": self.number,
            "DOI": self.doi,
            "ISSN": self.issn,
            "issued": self.issued.csl() if self.issued else None,
            "available-date": self.available_date.csl() if self.available_date else None,
            "status": "online-first" if self.online_first else None,
        }
        item.update({key: value for key, value in optional.items() if value})
        return item

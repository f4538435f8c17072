"""The model as CSL-JSON: the one model → CSL conversion (the CSL-JSON writer and the text renderer use it).

The model's fields are CSL variables under Python names (``container_title`` is
``container-title``), so this is a rename driven by the tables in :mod:`citeexport.model`
(:data:`~citeexport.model.LOCALIZED_FIELDS`, :data:`~citeexport.model.NEUTRAL_FIELDS`,
:data:`~citeexport.model.DATE_FIELDS`); names go out by role, dates as CSL date objects
(``date-parts``, ``season``, ``circa``, ``literal``), text as the rich-text subset it already is.
"""

from __future__ import annotations

from typing import Any

from .model import DATE_FIELDS, Citation, Lang

#: Model fields no CSL 1.0.2 processor reads, left out of the item.
NOT_CSL = frozenset({"pdf_url", "eissn", "cn"})

#: The order of an item's first keys (what the writer has always written for a journal article).
_LEADING_TEXT = ("title", "container_title", "container_title_short", "abstract")
_TRAILING_TEXT = (
    "title_short",
    "collection_title",
    "event_title",
    "event_place",
    "publisher",
    "publisher_place",
    "genre",
    "medium",
    "authority",
    "note",
    "archive",
    "archive_location",
    "edition",
)
_NUMBERS = (
    "number_of_pages",
    "number_of_volumes",
    "chapter_number",
    "collection_number",
    "section",
    "version",
    "isbn",
    "call_number",
)
_CSL_NAMES = {
    "title": "title",
    "container_title": "container-title",
    "container_title_short": "container-title-short",
    "abstract": "abstract",
    "title_short": "title-short",
    "collection_title": "collection-title",
    "event_title": "event-title",
    "event_place": "event-place",
    "publisher": "publisher",
    "publisher_place": "publisher-place",
    "genre": "genre",
    "medium": "medium",
    "authority": "authority",
    "note": "note",
    "archive": "archive",
    "archive_location": "archive_location",
    "edition": "edition",
    "number_of_pages": "number-of-pages",
    "number_of_volumes": "number-of-volumes",
    "chapter_number": "chapter-number",
    "collection_number": "collection-number",
    "section": "section",
    "version": "version",
    "isbn": "ISBN",
    "call_number": "call-number",
}


def full_title(title: str | None, subtitle: str | None) -> str | None:
    """The title with its subtitle, as formats without a subtitle field write it: ``Title: Sub``
    (``题名：副题名`` when the subtitle is CJK text)."""
    if not subtitle:
        return title
    if not title:
        return subtitle
    from .cjk import has_cjk

    return f"{title}：{subtitle}" if has_cjk(subtitle) else f"{title}: {subtitle}"


def csl_item(citation: Citation, lang: Lang, item_id: str | None = None) -> dict[str, Any]:
    """A CSL-JSON item for ``citation`` in one language; absent values are left out."""
    text = citation.text(lang)
    item: dict[str, Any] = {
        "id": item_id or citation.id or "item",
        "type": citation.type,
        "language": citation.language_tag(lang),
    }
    for role, names in text.names.items():
        item[role] = [name.csl() for name in names]
    values: dict[str, Any] = {
        "title": full_title(text.title, text.subtitle),
        **{_CSL_NAMES[field]: getattr(text, field) for field in _LEADING_TEXT[1:]},
        "keyword": ", ".join(text.keywords) if text.keywords else None,
        "URL": text.url,
        "volume": citation.volume,
        "issue": citation.issue,
        "page": citation.pages,
        "page-first": citation.page_first,
        "number": citation.number,
        "DOI": citation.doi,
        "ISSN": citation.issn,
        "issued": citation.issued.csl() if citation.issued else None,
        "available-date": citation.available_date.csl() if citation.available_date else None,
        "status": citation.status,
        **{_CSL_NAMES[field]: getattr(text, field) for field in _TRAILING_TEXT},
        **{_CSL_NAMES[field]: getattr(citation, field) for field in _NUMBERS},
        **{
            variable: getattr(citation, field).csl()
            for field, variable in DATE_FIELDS.items()
            if field not in ("issued", "available_date") and getattr(citation, field) is not None
        },
    }
    item.update({key: value for key, value in values.items() if value})
    for key, value in citation.extra.items():
        item.setdefault(key, value)
    return item

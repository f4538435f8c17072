"""The model as CSL-JSON: the one model → CSL conversion (the CSL-JSON writer and the text renderer use it).

The model's fields are CSL variables under Python names (``container_title`` is
``container-title``), so this is a rename driven by the tables in :mod:`citeexport.model`
(:data:`~citeexport.model.LOCALIZED_FIELDS`, :data:`~citeexport.model.NEUTRAL_FIELDS`,
:data:`~citeexport.model.DATE_FIELDS`); names go out by role, dates as CSL date objects
(``date-parts``, ``season``, ``circa``, ``literal``), text as the rich-text subset it already is.
"""

from __future__ import annotations

from typing import Any

from .model import DATE_FIELDS, LOCALIZED_FIELDS, NEUTRAL_FIELDS, Citation, Lang

#: Model fields no CSL 1.0.2 processor reads, left out of the item.
NOT_CSL = frozenset({"pdf_url", "eissn", "cn"})

#: The order of an item's first keys (what the writer has always written for a journal article).
_LEADING_TEXT = ("title", "container_title", "container_title_short", "abstract")
#: Fields :func:`csl_item` writes by name, before the rest.
_WRITTEN_FIRST = frozenset(
    {*_LEADING_TEXT, "subtitle", "url", "volume", "issue", "page", "page_first", "number", "doi", "issn", "status"}
)
#: The other text and number fields, in the model's order, after those.
_TRAILING_TEXT = tuple(field for field in LOCALIZED_FIELDS if field not in _WRITTEN_FIRST | NOT_CSL)
_NUMBERS = tuple(field for field in NEUTRAL_FIELDS if field not in _WRITTEN_FIRST | NOT_CSL)


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
        **{LOCALIZED_FIELDS[field]: getattr(text, field) for field in _LEADING_TEXT[1:]},
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
        **{LOCALIZED_FIELDS[field]: getattr(text, field) for field in _TRAILING_TEXT},
        **{NEUTRAL_FIELDS[field]: getattr(citation, field) for field in _NUMBERS},
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

"""The CSL-JSON item handed to the renderer: the data half of the GB/T 7714 fixes.

citeproc-py renders what it is given, so several rules are settled here, once, for both
the citeproc-py path and the fast path (they consume the very same item):

* CJK personal names become ``literal`` names, printed whole and without a space
  (``饶春明``; citeproc-py would print ``饶 春明``).
* 2025 surnames lose their capitals (``RAO`` -> ``Rao``, 2025 §7.1.1); CSL has no text-case
  for that.
* Online or print form: URL, ``accessed`` and DOI are included only when the user asked for
  the online form (``WriteOptions.accessed``) and the item has a URL or a DOI; otherwise the
  reference is the print form ``[J]`` that the platforms' "引用本文" shows.
* The DOI is left out when the URL already contains it (2015 §8.7, 2025 §7.9.1 "may";
  standard examples 2015 8.5 [5] Dunbar, 2025 7.7 Maurya).
* A page range uses the hyphen-minus (2015 §7.2 i); an en dash in the input is normalised.
* An article number stands in the page slot when there are no pages (2025 §7.7).
* The subtitle separator in a title (``: `` or ``：``) follows the style's punctuation width
  (2015 8.8.2 ``蓝田生物群: 一个…``, 2025 9.3.1.3 ``信息计量学（二）：第二讲…``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ...markup import to_plain
from ...model import Citation, Date, Lang, Name
from .names import surname_2025
from .profiles import GbtProfile

_SUBTITLE_SEPARATOR = re.compile(r"\s*：\s*|(?<=\S):\s+")
_DASHES = re.compile(r"\s*[\u2010-\u2015\u2212～~]\s*")


def csl_date(date: Date | dt.date) -> dict[str, Any]:
    if isinstance(date, dt.date):
        return {"date-parts": [[date.year, date.month, date.day]]}
    return date.csl()


def normalized_pages(citation: Citation) -> str | None:
    pages = citation.pages
    return _DASHES.sub("-", pages) if pages else None


def is_online(citation: Citation, lang: Lang, accessed: dt.date | None) -> bool:
    """Online form only when asked (an access date) and there is a path to give (URL or DOI)."""
    return accessed is not None and bool(citation.text(lang).url or citation.doi)


def doi_to_print(url: str | None, doi: str | None) -> str | None:
    """The DOI, unless the URL already carries it (compared case-insensitively, as DOIs are)."""
    if not doi:
        return None
    if url and doi.lower() in url.lower():
        return None
    return doi


def _gbt_name(name: Name, profile: GbtProfile) -> dict[str, str]:
    if name.literal is not None or name.is_cjk or not name.family:
        return {"literal": name.whole}
    family = surname_2025(name.family) if profile.edition == 2025 else name.family
    out = {"family": family}
    if name.given:
        out["given"] = name.given
    return out


def gbt_title(title: str, profile: GbtProfile) -> str:
    """The title with its subtitle separator in the style's width (other punctuation kept, 7.2.1)."""
    return _SUBTITLE_SEPARATOR.sub(profile.punctuation.colon, title)


def gbt_item(
    citation: Citation,
    lang: Lang,
    profile: GbtProfile,
    *,
    accessed: dt.date | None = None,
    year_suffix: str | None = None,
    item_id: str = "item",
) -> dict[str, Any]:
    """The CSL-JSON item for one language of ``citation`` under a bundled GB/T profile."""
    text = citation.text(lang)
    item: dict[str, Any] = {"id": item_id, "type": "article-journal", "language": citation.language_tag(lang)}
    if text.authors:
        item["author"] = [_gbt_name(name, profile) for name in text.authors]
    title = to_plain(text.title)
    if title:
        item["title"] = gbt_title(title, profile)
    container_title = to_plain(text.container_title)
    if container_title:
        item["container-title"] = container_title
    issued = citation.issued or citation.available_date
    if issued and issued.year is not None:
        item["issued"] = {"date-parts": [[issued.year]]}
    elif issued and issued.literal:
        item["issued"] = {"literal": issued.literal}
    if year_suffix:
        item["year-suffix"] = year_suffix
    for key, value in (("volume", citation.volume), ("issue", citation.issue)):
        if value:
            item[key] = value
    pages = normalized_pages(citation)
    if pages:
        item["page"] = pages
    elif citation.number:
        item["number"] = citation.number
    if citation.online_first and (citation.available_date or citation.issued):
        online_date = citation.available_date or citation.issued
        assert online_date is not None
        if online_date.day:
            item["status"] = "online-first"
            item["available-date"] = {"date-parts": [online_date.parts()]}
    if is_online(citation, lang, accessed):
        assert accessed is not None
        item["accessed"] = csl_date(accessed)
        if text.url:
            item["URL"] = text.url
        doi = doi_to_print(text.url, citation.doi)
        if doi:
            item["DOI"] = doi
    return item


def general_item(citation: Citation, lang: Lang, *, accessed: dt.date | None = None, item_id: str = "item") -> dict[str, Any]:
    """The item for a user's own CSL style: everything CSL carries, CJK names whole."""
    item = citation.csl_item(lang, item_id)
    for key in ("title", "container-title", "container-title-short", "collection-title", "abstract"):
        if key in item:
            item[key] = to_plain(item[key])
    text = citation.text(lang)
    if text.authors:
        item["author"] = [{"literal": name.whole} if name.is_cjk else name.csl() for name in text.authors]
    pages = normalized_pages(citation)
    if pages:
        item["page"] = pages
    if accessed is not None:
        item["accessed"] = csl_date(accessed)
    return item

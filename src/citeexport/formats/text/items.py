"""The CSL-JSON item handed to the renderers: the data half of the GB/T 7714 rules.

:func:`gbt_item` takes the model's own CSL item (:meth:`Citation.csl_item`, every field) and
:func:`prepare` settles, once, what the edition prints of it (the golden tests feed CSL items
straight to :func:`prepare`):

* Online form from the item's own data.  2015 (§8.6, §8.4.4): ``/OL``, the access date, the URL
  and the DOI whenever the item has a URL or DOI *and* an access date; ``--accessed`` gives the
  date only to items that lack one.  2025 (§7.8, §7.9): ``/OL``, URL and DOI whenever the item has
  them; the access date only for websites, datasets, preprints, software and databases (§7.6).
  ``medium`` gives ``/OL``, ``/CD``, ``/DK``, ``/MT``, ``/MM`` too.  ``print_form``: the print form
  for everything (what a platform's 引用本文 shows).
* The DOI (and a CSTR from ``note``) is left out when the URL already contains it (2015 §8.7,
  2025 §7.9.1).
* A separate subtitle follows the title after the edition's colon (``: `` 2015, ``：`` 2025); a title
  that holds its subtitle is printed as given.
* Markup becomes plain text (the HTML writer keeps it: ``rich=True``).
* A page range uses the hyphen-minus (2015 §7.2 i); an en dash in the input is normalised.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ...cjk import has_cjk
from ...markup import to_plain
from ...model import ROLES, Citation, Lang
from .codes import medium_carrier, type_code
from .profiles import GbtProfile

_DASHES = re.compile(r"\s*[\u2010-\u2015\u2212～~]\s*")
_CSTR = re.compile(r"^CSTR:\s*(\S+)\s*$", re.MULTILINE)
#: 2025 §7.6: the codes that keep an access date.
ACCESS_DATED_2025 = frozenset({"EB", "DS", "PP", "CP", "DB"})
_RICH_KEYS = ("title", "container-title", "container-title-short", "collection-title", "event-title", "abstract")


def csl_date(date: dt.date) -> dict[str, Any]:
    return {"date-parts": [[date.year, date.month, date.day]]}


def normalized_pages(citation: Citation) -> str | None:
    pages = citation.pages
    return _DASHES.sub("-", pages) if pages else None


def doi_to_print(url: str | None, doi: str | None) -> str | None:
    """The DOI, unless the URL already carries it (compared case-insensitively, as DOIs are)."""
    if not doi:
        return None
    if url and doi.lower() in url.lower():
        return None
    return doi


def prepare(
    item: dict[str, Any],
    profile: GbtProfile,
    *,
    accessed: dt.date | None = None,
    print_form: bool = False,
    year_suffix: str | None = None,
) -> tuple[dict[str, Any], str | None]:
    """(the item as the edition prints it, its carrier code or None)."""
    item = dict(item)
    if item.get("page"):
        item["page"] = _DASHES.sub("-", str(item["page"]))
    cstr = _CSTR.search(str(item.get("note") or ""))
    if cstr:
        item["CSTR"] = cstr.group(1)
    carrier = medium_carrier(item)
    has_path = bool(item.get("URL") or item.get("DOI"))
    if print_form:
        for key in ("URL", "DOI", "CSTR", "accessed"):
            item.pop(key, None)
        carrier = None if carrier == "OL" else carrier
    elif profile.edition == 2015:
        if has_path and not item.get("accessed") and accessed is not None:
            item["accessed"] = csl_date(accessed)
        if has_path and item.get("accessed"):
            carrier = "OL"
        elif has_path:  # no access date: the print form (2015 prints no URL without one)
            for key in ("URL", "DOI", "CSTR"):
                item.pop(key, None)
    else:
        if has_path:
            carrier = "OL"
        if type_code(item, 2025) not in ACCESS_DATED_2025:
            item.pop("accessed", None)
        elif carrier == "OL" and not item.get("accessed") and accessed is not None:
            item["accessed"] = csl_date(accessed)
    url = str(item.get("URL") or "")
    for key in ("DOI", "CSTR"):
        if item.get(key) and url and str(item[key]).lower() in url.lower():
            del item[key]
    if year_suffix:
        item["year-suffix"] = year_suffix
    return item, carrier


def gbt_item(
    citation: Citation,
    lang: Lang,
    profile: GbtProfile,
    *,
    accessed: dt.date | None = None,
    print_form: bool = False,
    year_suffix: str | None = None,
    item_id: str = "item",
    rich: bool = False,
) -> tuple[dict[str, Any], str | None]:
    """The prepared CSL item for one language of ``citation`` under a bundled GB/T profile, and its carrier."""
    item = citation.csl_item(lang, item_id)
    text = citation.text(lang)
    if text.title and text.subtitle:  # the separator before 其他题名信息 is the edition's (2015 §7.1, 2025 §6)
        item["title"] = text.title + profile.punctuation.colon + text.subtitle
    if not rich:
        for key in _RICH_KEYS:
            if key in item:
                item[key] = to_plain(item[key])
    pages = normalized_pages(citation)
    if pages:
        item["page"] = pages
    if citation.online_first and citation.available_date is None and citation.issued is not None:
        item["available-date"] = citation.issued.csl()
    return prepare(item, profile, accessed=accessed, print_form=print_form, year_suffix=year_suffix)


def user_style_item(item: dict[str, Any]) -> dict[str, Any]:
    """A CSL item for a user's own style (citeproc-py): CJK personal names whole (``饶春明``, which
    citeproc-py would print ``饶 春明``), page dashes normalised; everything else as CSL has it."""
    item = dict(item)
    for role, names in item.items():
        if role in ROLES and isinstance(names, list):
            item[role] = [_whole_if_cjk(name) for name in names]
    if item.get("page"):
        item["page"] = _DASHES.sub("-", str(item["page"]))
    return item


def _whole_if_cjk(name: Any) -> Any:
    if isinstance(name, dict) and "literal" not in name and has_cjk(str(name.get("family") or "")):
        return {"literal": str(name.get("family") or "") + str(name.get("given") or "")}
    return name


def general_item(citation: Citation, lang: Lang, *, accessed: dt.date | None = None, item_id: str = "item") -> dict[str, Any]:
    """The item for a user's own CSL style: everything CSL carries, markup as plain text, CJK names whole."""
    item = citation.csl_item(lang, item_id)
    for key in _RICH_KEYS:
        if key in item:
            item[key] = to_plain(item[key])
    pages = normalized_pages(citation)
    if pages:
        item["page"] = pages
    if accessed is not None and "accessed" not in item:  # --accessed fills only the items lacking one
        item["accessed"] = csl_date(accessed)
    return user_style_item(item)

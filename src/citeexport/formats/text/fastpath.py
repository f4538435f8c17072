"""A direct renderer for the bundled GB/T 7714 styles, much faster than citeproc-py (``benchmarks/``).

It reads the same prepared CSL-JSON item (:mod:`.items`) and follows the same layout as
``styles/gb7714-*.csl``, element for element, then the same post-processing.  It is used
only for bundled style names; a user's CSL file always goes through citeproc-py.
``tests/formats/text/test_text_fastpath.py`` checks that both give identical text for every golden case
and for hypothesis-generated citations, so the CSL files stay the specification.
"""

from __future__ import annotations

from typing import Any

from .citeproc_patches import expand_last_page
from .names import initials
from .postprocess import finish_reference
from .profiles import ANONYMOUS, ET_AL, GbtProfile


def _lang(item: dict[str, Any]) -> str:
    return "zh" if str(item.get("language", "")).startswith("zh") else "en"


def _name(name: dict[str, str], profile: GbtProfile) -> str:
    if "literal" in name:
        return name["literal"]
    family = name.get("family", "")
    if profile.edition == 2015:
        family = family.upper()
    given = name.get("given")
    if given:
        given = initials(given, " ", keep_hyphen=profile.edition == 2025)
    return " ".join(part for part in (family, given) if part)


def _authors(item: dict[str, Any], profile: GbtProfile) -> str | None:
    names = item.get("author") or []
    if not names:
        return None
    comma = profile.punctuation.comma
    if len(names) >= 4:
        return comma.join([*(_name(n, profile) for n in names[:3]), ET_AL[_lang(item)]])
    return comma.join(_name(n, profile) for n in names)


def _date(date: dict[str, Any], full: bool) -> str:
    if "date-parts" not in date:
        return str(date.get("literal", ""))
    parts = date["date-parts"][0]
    if not full:
        return str(parts[0])
    return "-".join([str(parts[0]), *(f"{part:02d}" for part in parts[1:3])])


def _source(item: dict[str, Any], profile: GbtProfile) -> str:
    punct = profile.punctuation
    out = [item.get("container-title", "")]
    pages = item.get("page")
    if pages and pages.count("-") == 1:  # page-range-format="expanded"
        first, last = (part.strip() for part in pages.split("-"))
        pages = f"{first}-{expand_last_page(first, last)}"
    pages = pages or item.get("number")
    pages_text = punct.colon + pages if pages else ""
    if profile.edition == 2025 and "available-date" in item:
        out += [punct.comma + _date(item["available-date"], full=True), pages_text]
    else:
        if not profile.author_date and "issued" in item:
            out.append(punct.comma + _date(item["issued"], full=False))
        if item.get("volume"):
            out.append(punct.comma + item["volume"])
        if item.get("issue"):
            out.append(punct.open_paren + item["issue"] + punct.close_paren)
        out.append(pages_text)
    if profile.edition == 2015 and "accessed" in item:
        out.append("[" + _date(item["accessed"], full=True) + "]")
    return "".join(out)


def render_fast(item: dict[str, Any], profile: GbtProfile) -> str:
    """The reference for ``item`` exactly as citeproc-py renders ``styles/<profile.name>.csl``."""
    authors = _authors(item, profile)
    elements: list[str] = []
    if profile.author_date:
        year = ""
        if "issued" in item:
            year = _date(item["issued"], full=False) + item.get("year-suffix", "")
        first = [authors or ANONYMOUS[_lang(item)], year]
        elements.append(profile.punctuation.comma.join(part for part in first if part))
    elif authors:
        elements.append(authors)
    type_code = "[J/OL]" if "accessed" in item else "[J]"
    elements.append(item.get("title", "") + type_code)
    elements.append(_source(item, profile))
    if item.get("URL"):
        elements.append(item["URL"])
    if item.get("DOI"):
        elements.append("DOI:" + item["DOI"])
    return finish_reference(". ".join(element for element in elements if element) + ".")

"""Rendering one CSL-JSON item with citeproc-py: parsed styles are cached per (file, locale)."""

from __future__ import annotations

import warnings
from functools import cache
from pathlib import Path
from typing import Any

from citeproc import Citation as CiteprocCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from ...errors import WriteError
from . import citeproc_patches
from .postprocess import finish_reference

#: The locale for an item's language: terms such as 等 / et al come from it (one locale per
#: item language stands in for CSL-M's per-item locales).
LOCALES: dict[str, str] = {"zh-CN": "zh-CN", "en-US": "en-US"}


@cache
def parsed_style(path: Path, locale: str) -> CitationStylesStyle:
    """Parse a CSL file once per locale (parsing costs far more than rendering one item)."""
    citeproc_patches.apply()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns on CSL 1.0.2 features its schema lacks
        try:
            return CitationStylesStyle(str(path), locale=locale, validate=False)
        except Exception as exc:  # lxml and citeproc-py raise many kinds for a broken file
            raise WriteError(f"cannot read CSL style {path}: {exc}") from exc


def render_with_citeproc(path: Path, item: dict[str, Any], *, html: bool = False) -> str:
    """The bibliography entry for ``item``: plain text, or with ``html`` citeproc-py's HTML (the
    style's own italics, bold, small caps; the text escaped), post-processed."""
    locale = LOCALES.get(item.get("language", ""), "en-US")
    style = parsed_style(path, locale)
    key = str(item["id"]).lower()
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.html if html else formatter.plain)
    bibliography.register(CiteprocCitation([CitationItem(key)]))
    entries = bibliography.bibliography()
    if not entries:
        raise WriteError(f"style {path.name} rendered nothing for item {item['id']}")
    return finish_reference(str(entries[0]))

"""One reference: a CSL style (bundled GB/T or a user's file) rendered for one language.

``render_reference(style, citation, lang, …)`` is the one entry point the text and HTML writers use.
A bundled style (by name, or a CSL file identical to a bundled one) is rendered by the GB/T
renderer (:mod:`.fastpath`); any other CSL file by citeproc-py.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

from ...model import Citation, Lang
from .fastpath import render_gbt
from .items import gbt_item, general_item, prepare, user_style_item
from .lookup import StyleRef


def _same(text: str) -> str:
    return text


#: CSL keys that are no text to print (citeproc-py's HTML formatter escapes nothing itself).
_STRUCTURAL = frozenset({"id", "type", "language"})


def _escaped(value: Any, key: str = "") -> Any:
    """Every printed string of a CSL item HTML-escaped, for citeproc-py's HTML formatter."""
    if isinstance(value, str):
        return value if key in _STRUCTURAL else html.escape(value, quote=False)
    if isinstance(value, dict):
        return {k: _escaped(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_escaped(v, key) for v in value]
    return value


def render_reference(
    style: StyleRef,
    citation: Citation,
    lang: Lang,
    *,
    accessed: dt.date | None = None,
    print_form: bool = False,
    year_suffix: str | None = None,
    value: Callable[[str], str] | None = None,
    literal: Callable[[str], str] | None = None,
) -> str:
    """One reference as plain text (or, with ``value``/``literal`` renderers and rich values, HTML)."""
    rich = value is not None
    if style.profile is None:
        from .engine import render_with_citeproc  # citeproc-py: for a user's CSL file only

        item = general_item(citation, lang, accessed=accessed, item_id=citation.id or "item")
        return render_with_citeproc(style.path, _escaped(item) if rich else item, html=rich)
    item, carrier = gbt_item(
        citation,
        lang,
        style.profile,
        accessed=accessed,
        print_form=print_form,
        year_suffix=year_suffix,
        item_id=citation.id or "item",
        rich=rich,
    )
    return render_gbt(item, style.profile, carrier=carrier, value=value or _same, literal=literal or _same)


def render_csl_item(style: StyleRef, item: dict[str, Any], *, accessed: dt.date | None = None, print_form: bool = False) -> str:
    """One CSL-JSON item as plain text (the golden cases are CSL items)."""
    if style.profile is None:
        from .engine import render_with_citeproc

        return render_with_citeproc(style.path, user_style_item(item))
    prepared, carrier = prepare(item, style.profile, accessed=accessed, print_form=print_form)
    return render_gbt(prepared, style.profile, carrier=carrier)

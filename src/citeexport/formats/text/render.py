"""One plain-text reference: a CSL style (bundled GB/T or a user's file) rendered for one language.

``render_reference(style, citation, lang, …)`` is the one entry point the text writer uses.
"""

from __future__ import annotations

import datetime as dt

from ...model import Citation, Lang
from .engine import render_with_citeproc
from .fastpath import render_fast
from .items import gbt_item, general_item
from .lookup import StyleRef


def render_reference(
    style: StyleRef,
    citation: Citation,
    lang: Lang,
    *,
    accessed: dt.date | None = None,
    year_suffix: str | None = None,
    engine: str = "auto",
) -> str:
    """One reference as plain text.

    ``engine``: ``auto`` (the fast path for bundled GB/T styles, citeproc-py otherwise),
    ``citeproc`` (always citeproc-py; the reference implementation), or ``fast``.
    """
    if style.profile is None:
        return render_with_citeproc(style.path, general_item(citation, lang, accessed=accessed, item_id=citation.id or "item"))
    item = gbt_item(citation, lang, style.profile, accessed=accessed, year_suffix=year_suffix, item_id=citation.id or "item")
    if engine == "citeproc":
        return render_with_citeproc(style.path, item)
    return render_fast(item, style.profile)

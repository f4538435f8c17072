"""Fixes for citeproc-py 0.11 defects that the GB/T 7714 styles hit, applied in one place.

Each fix replaces one function of citeproc-py with a corrected one and has its own test in
``tests/formats/text/test_text_citeproc_patches.py`` (the test fails on unpatched citeproc-py):

1. ``Name.initialize``: a lower-case part after a hyphen is taken for a particle, so
   ``Chun-ming`` becomes ``C ming`` (CSL spec: "Chun-ming" initialises to "C-M" / "C M").
2. ``Name_Part.format_part``: ``text-case`` on the family name part also upper-cases
   ``literal`` names (``AMERICAN CHEMICAL SOCIETY``); CSL applies name-part formatting to
   the parts of personal names only, and GB/T 7714 §8.1.4 prints organisations as given.
3. ``FormatNumber._format_last_page``: ``page-range-format="expanded"`` returns an
   abbreviated last page unchanged (``356-63``); expanded means ``356-363``.
4. ``available-date`` (CSL 1.0.2) is not in citeproc-py's list of date variables, so it is
   read as a string and cannot be rendered with ``cs:date``.

Import :func:`apply` before parsing a style; it is idempotent.
"""

from __future__ import annotations

from contextvars import ContextVar

import citeproc
from citeproc import model

from .names import initials
from .pages import expand_last_page

_applied = False
#: Set by ``Name.parts`` for the name being rendered: citeproc-py loses any mark on the
#: strings themselves (it re-joins them) before ``Name_Part.format_part`` sees them.
_rendering_literal: ContextVar[bool] = ContextVar("_rendering_literal", default=False)


def _initialize(self: model.Name, given: str, mark: str, context: object) -> str:
    return initials(given, mark=mark, keep_hyphen=self.get_option("initialize-with-hyphen", context))


def _format_part(self: model.Name_Part, given: str | None, family: str | None) -> tuple[str | None, str | None]:
    if _rendering_literal.get():
        return given, family
    return _original_format_part(self, given, family)


def _parts(self: citeproc.source.Name) -> tuple[str | None, ...]:
    _rendering_literal.set("literal" in self)
    return _original_parts(self)


def _format_last_page(self: model.FormatNumber, first: str, last: str) -> str:
    if self.get_root().get_option("page-range-format") == "expanded":
        return expand_last_page(first, last)
    return _original_format_last_page(self, first, last)


_original_initialize = model.Name.initialize
_original_format_part = model.Name_Part.format_part
_original_parts = citeproc.source.Name.parts
_original_format_last_page = model.FormatNumber._format_last_page


def apply() -> None:
    """Install the fixes into citeproc-py (once per process)."""
    global _applied
    if _applied:
        return
    model.Name.initialize = _initialize
    model.Name_Part.format_part = _format_part
    citeproc.source.Name.parts = _parts
    model.FormatNumber._format_last_page = _format_last_page
    if "available_date" not in citeproc.DATES:
        citeproc.DATES.append("available_date")  # parsed as a date (source/json.py)
        citeproc.VARIABLES.append("available_date")  # accepted by Reference without a warning
    _applied = True

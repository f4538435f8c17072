"""One test per citeproc-py defect fixed in citeexport.formats.text.citeproc_patches.

Each test shows the defect with citeproc-py's original function and the fix with ours.
"""

from __future__ import annotations

import citeproc
import pytest
from citeproc import model

from citeexport.formats.text import citeproc_patches
from citeexport.formats.text.engine import render_with_citeproc
from citeexport.formats.text.lookup import resolve_style
from citeexport.formats.text.names import initials, surname_2025

STYLE_2015 = resolve_style("gb7714-2015").path
citeproc_patches.apply()  # before any test swaps an original back in for a moment


def item(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {"id": "t", "type": "article-journal", "language": "en-US", "title": "T", "container-title": "J"}
    base.update(fields)
    return base


def test_hyphenated_given_name_is_fully_initialised(monkeypatch: pytest.MonkeyPatch) -> None:
    rao = item(author=[{"family": "Rao", "given": "Chun-ming"}])
    with monkeypatch.context() as unpatched:
        unpatched.setattr(model.Name, "initialize", citeproc_patches._original_initialize)
        assert render_with_citeproc(STYLE_2015, rao).startswith("RAO C ming. ")  # the defect
    assert render_with_citeproc(STYLE_2015, item(author=[{"family": "Rao", "given": "Chun-ming"}])).startswith("RAO C M. ")


def test_literal_names_are_not_upper_cased(monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as unpatched:
        unpatched.setattr(model.Name_Part, "format_part", citeproc_patches._original_format_part)
        got = render_with_citeproc(STYLE_2015, item(author=[{"literal": "American Chemical Society"}]))
        assert got.startswith("AMERICAN CHEMICAL SOCIETY. ")  # the defect
    got = render_with_citeproc(STYLE_2015, item(author=[{"literal": "American Chemical Society"}]))
    assert got.startswith("American Chemical Society. T[J]")


def test_expanded_page_range_is_expanded() -> None:
    assert citeproc_patches._original_format_last_page(resolve_fake_root("expanded"), "356", "63") == "63"  # the defect
    assert render_with_citeproc(STYLE_2015, item(page="356-63")).endswith("J: 356-363.")
    assert citeproc_patches.expand_last_page("1024", "31") == "1031"
    assert citeproc_patches.expand_last_page("98", "102") == "102"


def test_available_date_is_a_date() -> None:
    style = resolve_style("gb7714-2025").path
    online_first = item(language="zh-CN", status="online-first", **{"available-date": {"date-parts": [[2024, 5, 9]]}})
    assert render_with_citeproc(style, online_first) == "T[J]. J，2024-05-09."
    assert "available_date" in citeproc.DATES


def test_patches_are_applied_once() -> None:
    citeproc_patches.apply()
    citeproc_patches.apply()
    assert citeproc.DATES.count("available_date") == 1


def test_initials_rules() -> None:
    assert initials("Chun-ming") == "C M"
    assert initials("Chun-ming", keep_hyphen=True) == "C-M"
    assert initials("Jean-Luc", keep_hyphen=True) == "J-L"
    assert initials("E. W.") == "E W"
    assert surname_2025("RAO") == "Rao"
    assert surname_2025("DE MORGAN") == "De Morgan"
    assert surname_2025("WILLIAMS-ELLIS") == "Williams-Ellis"
    assert surname_2025("McDonald") == "McDonald"


class resolve_fake_root:
    def __init__(self, range_format: str) -> None:
        self.range_format = range_format

    def get_root(self) -> resolve_fake_root:
        return self

    def get_option(self, name: str) -> str:
        return self.range_format

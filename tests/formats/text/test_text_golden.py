"""Golden references from the GB/T 7714-2015 and -2025 standards' own examples.

Each ``tests/formats/text/golden/<case>.json`` holds a citation, the clause or example it comes from,
and the exact expected reference per style (typed from the standard, not from our output).
The examples of every document type are in ``tests/golden/text/`` (test_text_standard_cases.py).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from citeexport.formats.text.lookup import resolve_style
from citeexport.formats.text.render import render_reference
from citeexport.model import Citation

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("*.json"))


def load(path: Path) -> tuple[Citation, str, dt.date | None, dict[str, str], str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    accessed = dt.date.fromisoformat(data["accessed"]) if data["accessed"] else None
    return Citation.model_validate(data["citation"]), data["lang"], accessed, data["expected"], data["clause"]


PARAMS = [
    pytest.param(path, style, id=f"{path.stem}-{style}")
    for path in CASES
    for style in json.loads(path.read_text(encoding="utf-8"))["expected"]
]


def test_golden_cases_exist() -> None:
    assert len(CASES) >= 25
    styles = {style for path in CASES for style in json.loads(path.read_text(encoding="utf-8"))["expected"]}
    assert {"gb7714-2015", "gb7714-2015-author-date", "gb7714-2025", "gb7714-2025-author-date"} <= styles


@pytest.mark.parametrize(("path", "style"), PARAMS)
def test_golden_reference(path: Path, style: str) -> None:
    citation, lang, accessed, expected, clause = load(path)
    got = render_reference(resolve_style(style), citation, lang, accessed=accessed)
    assert got == expected[style], clause

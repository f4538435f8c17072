"""Every example printed in GB/T 7714-2015 and -2025, numeric and author-date (``tests/golden/text/``).

``cases.jsonl`` there holds one case per (example, edition, system) with its clause, CSL item and
expected line (built from ``tests/samples/gbt7714/`` by ``build_cases.py``).  Each case is rendered
twice: by the bundled style's name and by the path of its CSL file (one renderer contract).
``known_failures.txt`` lists the cases still failing, each with its reason; a listed case that
passes fails the test, so the list can only shrink.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from citeexport.formats.text.lookup import resolve_style, styles_dir
from citeexport.formats.text.render import render_csl_item

GOLDEN = Path(__file__).parents[2] / "golden" / "text"
CASES: list[dict[str, Any]] = [
    json.loads(line) for line in (GOLDEN / "cases.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
]
KNOWN_FAILURES: dict[str, str] = dict(
    line.split(" ", 1)
    for line in (GOLDEN / "known_failures.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


def style_name(case: dict[str, Any]) -> str:
    return f"gb7714-{case['edition']}" + ("-author-date" if case["system"] == "author-date" else "")


def matches(case: dict[str, Any], line: str) -> bool:
    """An element example is found inside the line; a full example is the line."""
    return case["expected"] in line if case.get("fragment") else line == case["expected"]


def test_every_edition_system_and_code_is_covered() -> None:
    assert len(CASES) == 1008
    codes = {(case["edition"], case["system"], case["type_code"]) for case in CASES}
    for code in ("M", "C", "G", "N", "J", "D", "R", "S", "P", "DB", "CP", "EB", "A", "CM", "DS", "Z"):
        assert ("2015", "numeric", code) in codes
        assert ("2025", "numeric", code) in codes or code == "DB"
    assert ("2025", "numeric", "PP") in codes


def test_known_failures_name_real_cases() -> None:
    ids = {case["id"] for case in CASES}
    assert set(KNOWN_FAILURES) <= ids
    assert all(reason.strip() for reason in KNOWN_FAILURES.values())


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_standard_example(case: dict[str, Any]) -> None:
    by_name = render_csl_item(resolve_style(style_name(case)), case["csl"])
    by_file = render_csl_item(resolve_style(str(styles_dir() / f"{style_name(case)}.csl")), case["csl"])
    assert by_name == by_file, "the bundled CSL file and the style name disagree"
    if case["id"] in KNOWN_FAILURES:
        assert not matches(case, by_name), f"listed in known_failures.txt but passes: {case['id']}"
        return
    assert matches(case, by_name), f"{case['clause']}: {case['expected']!r} != {by_name!r}"

"""The README's tables of the tagged formats' types and fields are made from the formats' own tables."""

from __future__ import annotations

from pathlib import Path

from citeexport.formats.tagged import enw, refworks, ris
from citeexport.formats.tagged.table import fields_markdown, types_markdown

README = Path(__file__).resolve().parents[3] / "README.md"


def test_readme_has_the_types_table() -> None:
    table = types_markdown({"ris": ris.TYPES, "enw": enw.TYPES, "refworks": refworks.TYPES})
    assert table in README.read_text(encoding="utf-8")


def test_readme_has_the_fields_table() -> None:
    table = fields_markdown(
        {"ris": (ris.TYPES, ris.TAGS), "enw": (enw.TYPES, enw.TAGS), "refworks": (refworks.TYPES, refworks.TAGS)}
    )
    assert table in README.read_text(encoding="utf-8")


def test_the_types_table_says_when_a_type_is_not_held() -> None:
    assert "| `interview` | → `PCOMM` | `Interview` | → `Personal Communication` |" in types_markdown(
        {"ris": ris.TYPES, "enw": enw.TYPES, "refworks": refworks.TYPES}
    )

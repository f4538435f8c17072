"""Issue 15's names, through the CLI on pipes: a suffix (``Jr.``, ``III``) is kept by every writer
(the BibTeX writer has tests of its own), and an organisation is never inverted.

The input is CSL-JSON on stdin; each output is read back by citeexport's reader of that format
(where there is one), and the text and HTML writers' GB/T 7714 form is checked as the standard
prints a suffix (2015 §8.1.1 and 2025 8.2.2 example 6: ``PEEBLES P Z, Jr``).
"""

from __future__ import annotations

import json

import pytest

from citeexport.api import read_text
from citeexport.registry import reader_names
from support.terminal import run_piped

ITEM = {
    "id": "dream",
    "type": "article-journal",
    "language": "en",
    "title": "A dream",
    "container-title": "Journal of Tests",
    "issued": {"date-parts": [[2020]]},
    "volume": "1",
    "page": "1-5",
    "author": [
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
        {"literal": "World Health Organization"},
        {"family": "Smith", "given": "John", "suffix": "III"},
        {"literal": "中华医学会"},
    ],
}
STDIN = json.dumps([ITEM]).encode("utf-8")
#: (family, given, suffix, literal) as written.
AUTHORS = [
    ("King", "Martin Luther", "Jr.", None),
    (None, None, None, "World Health Organization"),
    ("Smith", "John", "III", None),
    (None, None, None, "中华医学会"),
]
READ_BACK = ["ris", "enw", "refworks", "noteexpress", "endnote-xml", "csl-json"]


def _convert(fmt: str) -> str:
    done = run_piped(fmt, "--from", "csl-json", "-", stdin=STDIN)
    assert done.returncode == 0 and done.stderr == b"", done.messages
    return done.stdout.decode("utf-8")


@pytest.mark.parametrize("fmt", READ_BACK)
def test_suffix_and_organisations_survive_a_writer_and_its_reader(fmt: str) -> None:
    written = _convert(fmt)
    assert "Organization, World" not in written and "Organization World" not in written
    assert fmt in reader_names()
    records = list(read_text(written, fmt))
    assert len(records) == 1
    authors = records[0].citation.texts["en"].authors
    assert [(n.family, n.given, n.suffix, n.literal) for n in authors] == AUTHORS


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_gbt_references_print_the_suffix_after_the_initials_and_organisations_as_named(fmt: str) -> None:
    written = _convert(fmt)
    # the fourth author is "et al." (GB/T 7714: three names, then et al.)
    assert "KING M L, Jr, World Health Organization, SMITH J, III, et al. A dream[J]" in written

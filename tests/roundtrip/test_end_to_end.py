"""The whole chain of issue 2 at once: random model → platform dump → dump reader → BibTeX →
an independent reader (bibtexparser v2 with a LaTeX decoder) → the same fields."""

from __future__ import annotations

import html
import re

import bibtexparser
from hypothesis import HealthCheck, given, settings

from citeexport import api
from citeexport.model import Citation
from citeexport.oneline import one_line
from citeexport.options import WriteOptions
from support.dumpgen import render_record
from support.latex_decoding import decode
from support.strategies import dump_citations


def _plain(text: str | None) -> str | None:
    """What a BibTeX value shows of a model value: HTML markup rendered (tags gone, entities as
    characters), one line, single spaces."""
    if not text:
        return None
    shown = " ".join(one_line(html.unescape(_TAG.sub("", text))).split())
    return shown or None


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dump_citations())
def test_model_through_the_dump_and_bibtex_reads_back(citation: Citation) -> None:
    [record] = list(api.read_text(render_record(citation), "dump", "gen.txt"))
    assert record.error is None and record.citation is not None
    bib = "".join(api.write([record.citation], "bibtex", WriteOptions(lang="both")))
    library = bibtexparser.parse_string(bib)
    assert not library.failed_blocks
    entries = {entry.fields_dict["language"].value: entry for entry in library.entries}
    assert set(entries) == set(record.citation.languages)
    for lang, entry in entries.items():
        fields = {key: field.value for key, field in entry.fields_dict.items()}
        text = record.citation.text(lang)
        title = decode(fields["title"]) if "title" in fields else None
        assert _plain(title) == _plain(text.title)
        assert fields.get("year") == (str(record.citation.year) if record.citation.year else None)
        assert _plain(decode(fields["volume"]) if "volume" in fields else None) == _plain(record.citation.volume)
        authors = fields.get("author")
        assert (len(authors.split(" and ")) if authors else 0) == len(text.authors)

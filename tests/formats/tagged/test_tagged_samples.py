"""Real exporters' RIS, EndNote and RefWorks files (tests/samples: CNKI, Wanfang, MagTech, Zotero's and
citation-js' and rispy's test inputs) read exactly: every record's citation, warnings and error.

Golden: ``tests/formats/<format>/golden/samples.json`` (sample path -> records).  After a deliberate
change: ``CITEEXPORT_UPDATE_GOLDEN=1 pytest tests/formats/tagged/test_tagged_samples.py``, review the
diff.  The tests below the golden pin what the issue names, so a golden rewrite cannot hide it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from citeexport.formats.base import Record
from citeexport.inputs import open_input
from citeexport.model import Date, Name
from citeexport.options import ReadOptions
from citeexport.record_warnings import kind_of, names_of

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FORMATS = ("ris", "enw", "refworks")


def _sample_paths() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {fmt: [] for fmt in FORMATS}
    for path in sorted(SAMPLES.rglob("*")):
        if path.suffix not in (".ris", ".enw", ".txt") or not path.is_file():
            continue
        name = path.relative_to(SAMPLES).as_posix()
        if name.startswith(("csl-test-suite/", "gbt7714/", "magtech/cite-this-article", "cnki/custom-format")):
            continue
        found[open_input(str(path)).reader.name].append(name)
    return found


PATHS = _sample_paths()


def read(name: str) -> list[Record]:
    opened = open_input(str(SAMPLES / name))
    return list(opened.reader(ReadOptions()).read(opened.lines, name))


def snapshot(record: Record) -> dict[str, Any]:
    return {
        "line": record.line,
        "citation": record.citation.model_dump(mode="json", exclude_defaults=True) if record.citation else None,
        "warnings": [str(w) for w in record.warnings],
        "error": str(record.error) if record.error else None,
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt: str) -> None:
    got = {name: [snapshot(r) for r in read(name)] for name in PATHS[fmt]}
    path = Path(__file__).resolve().parents[1] / fmt / "golden" / "samples.json"
    if os.environ.get("CITEEXPORT_UPDATE_GOLDEN"):
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(path.read_text(encoding="utf-8"))


def test_every_sample_is_read_by_its_format_with_no_error() -> None:
    assert {fmt: len(names) for fmt, names in PATHS.items()} == {"ris": 20, "enw": 13, "refworks": 15}
    for names in PATHS.values():
        for name in names:
            records = read(name)
            assert records and [r.error for r in records] == [None] * len(records), name


def _only(name: str) -> Record:
    (record,) = read(name)
    assert record.citation is not None
    return record


def test_cnki_refworks_glued_a1_url_tag_and_entities() -> None:
    record = _only("cnki/zotero-cnki-refworks/thesis-masters-glued-A1-supervisor-A3.refworks.txt")
    citation = record.citation
    assert citation is not None and citation.type == "thesis"
    zh = citation.texts["zh"]
    assert zh.authors == (Name(family="林", given="行众"),)
    assert [n.whole for n in zh.name_list("contributor")] == ["黄三文", "杨清"]  # A3: the supervisors
    assert zh.genre == "硕士" or zh.genre is not None
    assert "tags glued to their value, read apart" in [kind_of(w) for w in record.warnings]
    standard = _only("cnki/zotero-cnki-refworks/yearbook-entry-as-RT-Standard.refworks.txt").citation
    assert standard is not None and standard.type == "standard"
    url = standard.texts["zh"].url
    assert url is not None and url.endswith("&uniplatform=NZKPT&language=CHS") and "&amp;" not in url  # URL tag, entities


def test_cnki_conference_paper_entities_decoded() -> None:
    citation = _only("cnki/zotero-cnki-refworks/conference-proceeding-amp-entities.refworks.txt").citation
    assert citation is not None and citation.type == "paper-conference"
    assert "&amp;" not in json.dumps(citation.model_dump(mode="json"), ensure_ascii=False)


def test_refworks_export_header_and_legend_skipped() -> None:
    record = _only("zotero-refworks/refworks-export-header-tag-legend-FD-mm-dd.txt")
    citation = record.citation
    assert citation is not None and citation.texts["en"].title == "The Empire's New Clothes"
    assert (citation.volume, citation.issue, citation.page_first, citation.page_last) == ("29", "2", "337", "367")


def test_cnki_endnote_blank_lines_inside_the_abstract() -> None:
    record = _only("cnki/zotero-cnki-refer/thesis-masters-traditional-chinese-blank-lines-in-abstract.enw")
    citation = record.citation
    assert citation is not None and citation.type == "thesis"
    assert "blank lines inside records" in [kind_of(w) for w in record.warnings]
    abstract = citation.texts["zh"].abstract
    assert abstract is not None and len(abstract) > 200 and citation.texts["zh"].keywords


def test_endnote_record_without_a_type_line_is_a_book() -> None:
    record = _only("zotero-refer/no-type-line-defaults-to-book.enw")
    assert record.citation is not None and record.citation.type == "book"
    assert record.citation.texts["en"].publisher is not None


def test_cnki_thesis_degree_supervisors_and_patent_number() -> None:
    thesis = _only("cnki/zotero-cnki-refer/thesis-doctoral-Y-supervisors-9-degree-truncated-abstract.enw").citation
    assert thesis is not None and thesis.type == "thesis"
    zh = thesis.texts["zh"]
    assert zh.genre and zh.publisher and [n.whole for n in zh.name_list("contributor")] == ["谢明勇", "聂少平"]
    patent = _only("cnki/zotero-cnki-refworks/patent-spaced-authors.refworks.txt").citation
    assert patent is not None and patent.type == "patent"
    assert [n.whole for n in patent.texts["zh"].authors] == ["施吉庆", "杨亮华"]


def test_ris_types_isbn_not_issn_and_print_issn() -> None:
    isbn = _only("citation-js-ris/aggr-sn-isbn.ris").citation
    issn = _only("citation-js-ris/aggr-sn-issn.ris").citation
    assert isbn is not None and issn is not None
    assert (isbn.isbn, isbn.issn) != (None, None) and isbn.issn is None  # an ISBN never lands in ISSN
    assert issn.issn is not None and issn.isbn is None
    every = read("zotero-ris/endnote-ris-export-every-reference-type.ris")
    assert len(every) == 48 and all(r.citation is not None for r in every)
    assert not [r for r in every if "reference types not known, read as document" in map(kind_of, r.warnings)]
    patent = _only("zotero-ris/patent-reference-manager-Y1-slash-date.ris").citation
    assert patent is not None and patent.type == "patent"


def test_unread_tags_are_named_once_per_record_with_their_names() -> None:
    record = _only("cnki/zotero-cnki-refworks/thesis-masters-glued-A1-supervisor-A3.refworks.txt")
    unread = [w for w in record.warnings if kind_of(w) == "tags with no field in the model, not read"]
    assert len(unread) <= 1 and all(names_of(w) for w in unread)


def test_pubmed_print_issn_qualifier() -> None:
    from citeexport.formats.tagged.ris import RisReader
    from citeexport.inputs import split_lines

    text = "TY  - JOUR\r\nTI  - T\r\nSN  - 2277-9175 (Print)\r\nSN  - 2277-9183 (Electronic)\r\nPY  - In press\r\nER  - \r\n"
    (record,) = RisReader().read(split_lines(text))
    assert record.citation is not None
    assert (record.citation.issn, record.citation.eissn) == ("2277-9175", "2277-9183")
    assert record.citation.issued == Date(literal="In press")

"""EndNote XML: Zotero's test files read as Zotero expects, broken records isolated, bibutils reads our output."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeexport.errors import CiteexportError
from citeexport.formats.base import Record
from citeexport.inputs import open_input, split_lines
from citeexport.model import Citation, Date, LocalizedText, Name
from citeexport.options import WriteOptions
from citeexport.registry import get_reader, get_writer

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "zotero-endnote-xml"
#: Zotero item types -> the CSL types the reader gives.
ZOTERO_TYPES = {"journalArticle": "article-journal", "book": "book", "bookSection": "chapter", "report": "report"}
ZOTERO_TYPES |= {"patent": "patent", "webpage": "webpage"}


def read_file(path: Path) -> list[Record]:
    opened = open_input(str(path))
    assert opened.reader.name == "endnote-xml"
    return list(opened.read())


@pytest.mark.parametrize("name", sorted(p.stem for p in SAMPLES.glob("*.xml")))
def test_zotero_samples_read_as_zotero_expects(name: str) -> None:
    expected = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    records = read_file(SAMPLES / f"{name}.xml")
    assert [r.error for r in records] == [None] * len(expected)
    for record, item in zip(records, expected, strict=True):
        citation = record.citation
        assert citation is not None
        text = citation.text("en")
        assert citation.type == ZOTERO_TYPES[item["itemType"]]
        assert text.title == item["title"]
        creators = [(n.family, (n.given or "").replace(".", "")) for role in text.names for n in text.names[role]]
        assert creators == [(c["lastName"], c["firstName"].replace(".", "")) for c in item["creators"]]  # Zotero adds dots
        assert (str(citation.issued.year) if citation.issued else None) == (item.get("date") or item.get("issueDate"))
        assert citation.isbn == item.get("ISBN") and citation.number == item.get("patentNumber")
        assert text.publisher == item.get("publisher")
        notes = " ".join(note["note"] for note in item["notes"])  # what Zotero has no field for, we keep
        assert text.publisher_place == item.get("place") or f"pub-location: {text.publisher_place}" in notes
        assert text.url == item.get("url") and text.abstract == item.get("abstractNote")
        assert text.title_short == item.get("shortTitle")
        container = item.get("publicationTitle") or item.get("bookTitle") or item.get("websiteTitle")
        assert text.container_title == container


def test_a_malformed_record_is_an_error_and_the_others_convert() -> None:
    doc = (
        '<?xml version="1.0"?><xml><records>\n<record><ref-type name="Book">6</ref-type><titles><title>A</title></titles></record>\n'
        "<record><titles><title>B &bogus; </title></titles></record>\n"
        '<record><ref-type name="Book">6</ref-type><titles><title>C</title></record>\n'
        '<record><ref-type name="Thesis">32</ref-type><titles><title>D</title></titles></record>\n</records></xml>\n'
    )
    records = list(get_reader("endnote-xml")().read(split_lines(doc), "lib.xml"))
    assert [r.citation.text("en").title if r.citation else None for r in records] == ["A", None, None, "D"]
    assert [r.line for r in records] == [2, 3, 4, 5]
    assert "lib.xml: record 2" in str(records[1].error) and "undefined entity" in str(records[1].error)
    assert "mismatched tag" in str(records[2].error)


CHINESE = Citation(
    type="thesis",
    issued=Date(year=2014),
    texts={
        "zh": LocalizedText(
            title="基于<i>H</i><sub>2</sub>O的研究：第一部分 & </record><script>alert(1)</script>",
            authors=(Name(family="欧阳", given="修"), Name(literal="国家药典委员会")),
            publisher="南昌大学",
            genre="博士学位论文",
        )
    },
)


def write(items: list[Citation]) -> str:
    writer = get_writer("endnote-xml")(WriteOptions(lang="both"))
    return writer.start() + "".join(writer.write(c) for c in items) + writer.finish()


def test_chinese_text_and_markup_round_trip_exactly() -> None:
    out = write([CHINESE])
    assert out.count("<record>") == 1 and "<script>" not in out and "&lt;/record&gt;" in out
    (record,) = get_reader("endnote-xml")().read(split_lines(out))
    assert record.citation == CHINESE


@pytest.mark.skipif(shutil.which("endx2xml") is None, reason="bibutils (endx2xml) is not installed")
def test_bibutils_reads_every_record_title_and_author(tmp_path: Path) -> None:
    from support.seed import seed_citation
    from support.tagged_readers import rich_citation

    items = [seed_citation(), rich_citation(), CHINESE]
    path = tmp_path / "out.xml"
    path.write_text(write(items), encoding="utf-8")
    mods = subprocess.run(["endx2xml", "-i", "utf8", str(path)], capture_output=True, check=True, text=True).stdout
    assert mods.count("<mods ") == 5
    for title in ("干细胞产品质量研究与检测专栏", "Special Column for Quality Research", "间充质干细胞端粒酶"):
        assert title in mods
    for name in ("饶春明", "Chun-ming", "欧阳修", "国家药典委员会"):
        assert name in mods


_XMLISH = st.sampled_from(
    [
        "<record>",
        "</record>",
        "<titles>",
        "</titles>",
        "<title>",
        "</title>",
        "<style face='bold'>",
        "</style>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "&amp;",
        "&bogus;",
        "&#1;",
        "<",
        ">",
        "&",
        '"',
        "x",
        "题",
        "\n",
        "<ref-type name='Book'>6</ref-type>",
        "<xml>",
        "<records>",
        "</records>",
        "<!DOCTYPE x [<!ENTITY a 'b'>]>",
        "<author>",
        "</author>",
        "<contributors><authors>",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_XMLISH, max_size=40).map("".join), st.integers(min_value=1, max_value=7))
def test_xmlish_input_gives_records_or_typed_errors_only(text: str, cut: int) -> None:
    pieces = [text[i : i + cut] for i in range(0, len(text), cut)]  # cut anywhere: the same records
    whole = list(get_reader("endnote-xml")().read([text], "x.xml"))
    cut_up = list(get_reader("endnote-xml")().read(pieces, "x.xml"))
    assert [(r.number, r.line, r.offset, str(r.error), r.citation) for r in whole] == [
        (r.number, r.line, r.offset, str(r.error), r.citation) for r in cut_up
    ]
    for record in whole:
        assert record.citation is not None or isinstance(record.error, CiteexportError)


#: Record and element starters and ends of EndNote XML, a CDATA section, entities, controls, markup.
HOSTILE = (
    'x </style></title></titles></record><record><ref-type name="Book">6</ref-type><titles><title>forged</title>'
    '</titles></record> <![CDATA[ ]]> & &amp; &#1; <style face="bold">b</style> <script>s</script> \x01\x0b\x1f y'
)


def test_a_hostile_value_in_every_field_is_one_inert_record_read_back_as_written() -> None:
    import xml.etree.ElementTree as ET

    people = (Name(family=HOSTILE, given="Ann"), Name(literal=HOSTILE))
    text = LocalizedText(
        title=HOSTILE,
        container_title=HOSTILE,
        publisher=HOSTILE,
        note=HOSTILE,
        abstract=HOSTILE,
        keywords=(HOSTILE,),
        names={"author": people, "editor": people},
    )
    citation = Citation(type="chapter", issued=Date(year=2020), volume=HOSTILE, isbn=HOSTILE, texts={"en": text})
    writer = get_writer("endnote-xml")(WriteOptions(lang="both"))
    out = writer.start() + writer.write(citation) + writer.finish()
    assert [str(w) for w in writer.take_warnings()] == [
        "characters XML cannot hold (control characters), removed from: "
        "author, editor, title, container_title, publisher, abstract, note, keywords, volume, isbn"
    ]
    assert len(ET.fromstring(out).findall("records/record")) == 1 and "forged</title>" not in out
    (record,) = get_reader("endnote-xml")().read(split_lines(out))
    assert record.error is None and record.warnings == []
    kept = HOSTILE.replace("\x01", "").replace("\x0b", "\n").replace("\x1f", "")  # a vertical tab is a line end
    back = record.citation
    assert back is not None and back.type == "chapter" and back.volume == back.isbn == kept
    fields = ("title", "container_title", "publisher", "note", "abstract")
    assert back.text("en") == text.model_copy(
        update={**dict.fromkeys(fields, kept), "keywords": (kept,), "names": back.text("en").names}
    )
    for role in ("author", "editor"):
        person, organisation = back.text("en").name_list(role)
        assert organisation == Name(literal=kept)
        assert person.given == "Ann" and (person.family or "").split() == kept.split()  # a name is one line


def test_a_record_end_inside_cdata_or_a_comment_cuts_no_record() -> None:
    doc = (
        '<xml><records><record><ref-type name="Book">6</ref-type><titles><title><![CDATA[a </record><record> & <b>]]>'
        "</title></titles><!-- </record> --><notes>n</notes></record></records></xml>"
    )
    (record,) = get_reader("endnote-xml")().read(split_lines(doc))
    assert record.citation is not None
    assert record.citation.text("en").title == "a </record><record> & <b>"
    assert record.citation.text("en").note == "n"

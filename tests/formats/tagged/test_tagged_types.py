"""Every reference type through RIS, EndNote and RefWorks: golden bytes, types kept, nothing lost silently.

Golden files: ``tests/formats/<format>/golden/types/<case>.<ext>`` (the record) and ``warnings.json``
(what the writer said of each case).  After a deliberate change: ``UPDATE_GOLDEN=1 pytest
tests/formats/tagged/test_tagged_types.py`` and review the diff.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeexport.formats.base import Writer
from citeexport.formats.tagged import enw, refworks, ris
from citeexport.formats.tagged.reading import TaggedReader
from citeexport.formats.tagged.writing import TaggedWriter
from citeexport.inputs import split_lines
from citeexport.markup import to_unicode
from citeexport.model import CSL_TYPES, Citation, Date, LocalizedText, Name
from citeexport.oneline import one_line
from citeexport.record_warnings import kind_of, names_of
from support.tagged_types import TYPE_CASES, kept_fields, written_and_read_back

FORMATS: dict[str, tuple[type[TaggedWriter], type[TaggedReader]]] = {
    "ris": (ris.RisWriter, ris.RisReader),
    "enw": (enw.EnwWriter, enw.EnwReader),
    "refworks": (refworks.RefworksWriter, refworks.RefworksReader),
}
ROOT = Path(__file__).resolve().parents[1]


def write(fmt: str, citation: Citation) -> tuple[str, list[str]]:
    writer: Writer = FORMATS[fmt][0]()
    text = writer.write(citation)
    return text, writer.take_warnings()


def read(fmt: str, text: str) -> list[Citation]:
    records = list(FORMATS[fmt][1]().read(split_lines(text)))
    assert [r.error for r in records] == [None] * len(records)
    return [r.citation for r in records if r.citation is not None]


CASES = [(fmt, case) for fmt in FORMATS for case in TYPE_CASES]


@pytest.mark.parametrize(("fmt", "case"), CASES, ids=[f"{f}-{c}" for f, c in CASES])
def test_golden_bytes(fmt: str, case: str) -> None:
    text, _ = write(fmt, TYPE_CASES[case])
    path = ROOT / fmt / "golden" / "types" / f"{case}.{FORMATS[fmt][0].extension}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == path.read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden_warnings(fmt: str) -> None:
    said = {case: [str(w) for w in write(fmt, citation)[1]] for case, citation in TYPE_CASES.items()}
    path = ROOT / fmt / "golden" / "types" / "warnings.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(said, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert said == json.loads(path.read_text(encoding="utf-8"))


def _text(value: Any) -> Any:
    """What a tagged format keeps of text: plain (Unicode sub/superscripts), one line, entities decoded."""
    if isinstance(value, str):
        return html.unescape(one_line(to_unicode(value) or ""))
    if isinstance(value, tuple) and all(isinstance(v, Name) for v in value):
        return tuple(_text(name.whole) for name in value)
    if isinstance(value, tuple):
        return tuple(_text(v) for v in value)
    return value


@pytest.mark.parametrize(("fmt", "case"), CASES, ids=[f"{f}-{c}" for f, c in CASES])
def test_every_field_comes_back_or_is_named_in_a_warning(fmt: str, case: str) -> None:
    citation = TYPE_CASES[case]
    back, warned = written_and_read_back(citation, lambda c: write(fmt, c), lambda text: read(fmt, text))
    for field, original, found in kept_fields(citation, back, warned):
        if field == "issued" and ("issued (circa)" in warned or "issued (range end)" in warned):
            original = original.model_copy(update={"circa": False, "end": None})
        if field == "subtitle":
            continue  # written into the title
        assert _text(found) == _text(original), field


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_circa_and_range_end_of_every_written_date_are_named(fmt: str) -> None:
    """A tagged date is a year or year/month/day: what else a written date says is warned about, date by date."""
    citation = Citation(
        type="webpage",
        issued=Date(year=2001, end=Date(year=2002)),
        accessed=Date(year=2020, month=5, circa=True),
        texts={"en": LocalizedText(title="T", url="https://example.org")},
    )
    _, warnings = write(fmt, citation)
    (back,) = read(fmt, write(fmt, citation)[0])
    warned = {name for warning in warnings for name in names_of(warning)}
    assert {"issued (range end)", "accessed (circa)"} <= warned
    assert back.accessed == Date(year=2020, month=5) and back.issued == Date(year=2001)


def test_a_type_the_format_cannot_hold_is_written_as_the_nearest_with_one_warning() -> None:
    citation = TYPE_CASES["interview"]
    text, warnings = write("enw", Citation(type="review-book", texts=citation.texts))
    assert text.startswith("%0 Journal Article\n")
    assert [w for w in warnings if "type the format cannot hold" in w] == [
        "type the format cannot hold, written as Journal Article: review-book"
    ]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("csl_type", "field", "value"),
    [("article-journal", "isbn", "12"), ("patent", "isbn", "q"), ("report", "number", "0513-4870")],
)
def test_a_value_the_shared_serial_tag_would_read_as_another_field_is_not_written_but_named(
    fmt: str, csl_type: str, field: str, value: str
) -> None:
    """Found by the round-trip property test: ``SN``/``%@`` holds "ISSN or ISBN" (and a report's number),
    read by shape, else as the type's own: a journal article's ISBN ``12`` came back as its ISSN."""
    citation = Citation.model_validate({"type": csl_type, field: value, "texts": {"en": {"title": "T"}}})
    text, warnings = write(fmt, citation)
    (back,) = read(fmt, text)
    assert (back.issn, back.isbn, back.number) == (None, None, None)
    assert field in {name for warning in warnings for name in names_of(warning)}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("csl_type", CSL_TYPES)
def test_every_csl_type_is_written_as_itself_or_said_to_be_not(fmt: str, csl_type: str) -> None:
    citation = Citation.model_validate({"type": csl_type, "texts": {"en": {"title": "T"}}})
    text, warnings = write(fmt, citation)
    (back,) = read(fmt, text)
    type_warnings = [w for w in warnings if "type the format cannot hold" in w]
    assert (back.type == csl_type) == (type_warnings == []), (back.type, type_warnings)


#: The RIS specification's reference types (the TY list of the RIS Format Specifications, 2011).
RIS_SPEC_CODES = (
    "ABST", "ADVS", "AGGR", "ANCIENT", "ART", "BILL", "BLOG", "BOOK", "CASE", "CHAP", "CHART", "CLSWK", "COMP", "CONF", "CPAPER", "CTLG", "DATA", "DBASE", "DICT", "EBOOK", "ECHAP", "EDBOOK", "EJOUR", "ELEC", "ENCYC", "EQUA", "FIGURE", "GEN", "GOVDOC", "GRANT", "HEAR", "ICOMM", "INPR", "JFULL", "JOUR", "LEGAL", "MANSCPT", "MAP", "MGZN", "MPCT", "MULTI", "MUSIC", "NEWS", "PAMP", "PAT", "PCOMM", "RPRT", "SER", "SLIDE", "SOUND", "STAND", "STAT", "THES", "UNBILL", "UNPB", "VIDEO", "WEB",
)  # fmt: skip
#: EndNote's reference types (its manual's list of %0 names, and EndNote 20's additions).
ENDNOTE_TYPE_NAMES = (
    "Aggregated Database", "Ancient Text", "Artwork", "Audiovisual Material", "Bill", "Blog", "Book", "Book Section",
    "Case", "Catalog", "Chart or Table", "Classical Work", "Computer Program", "Conference Paper",
    "Conference Proceedings", "Dataset", "Dictionary", "Edited Book", "Electronic Article", "Electronic Book",
    "Electronic Book Section", "Encyclopedia", "Equation", "Figure", "Film or Broadcast", "Generic",
    "Government Document", "Grant", "Hearing", "Journal Article", "Legal Rule or Regulation", "Magazine Article",
    "Manuscript", "Map", "Music", "Newspaper Article", "Online Database", "Online Multimedia", "Pamphlet", "Patent",
    "Personal Communication", "Report", "Serial", "Standard", "Statute", "Thesis", "Unpublished Work", "Web Page",
    "Interview", "Podcast", "Press Release", "Social Media", "Television Episode",
)  # fmt: skip
#: RefWorks' reference types (Ex Libris' list) and the spellings Zotero and CNKI write.
REFWORKS_TYPE_NAMES = (
    "Abstract", "Artwork", "Bills/Resolutions", "Book, Edited", "Book, Section", "Book, Whole", "Case/Court Decisions",
    "Computer Program", "Conference Proceedings", "Dissertation/Thesis", "Dissertation/Thesis, Unpublished",
    "Generic", "Grant", "Hearing", "Journal Article", "Journal, Electronic", "Laws/Statutes", "Magazine Article",
    "Map", "Monograph", "Motion Picture", "Music Score", "Newspaper Article", "Online Discussion Forum/Blogs",
    "Patent", "Personal Communication", "Report", "Sound Recording", "Unpublished Material", "Video/DVD", "Web Page",
    "Bills", "Dissertation", "Statutes", "Video", "Online Discussion Forum", "Conference Proceeding", "Standard",
)  # fmt: skip


@pytest.mark.parametrize(
    ("fmt", "code"),
    [("ris", c) for c in RIS_SPEC_CODES]
    + [("enw", n) for n in ENDNOTE_TYPE_NAMES]
    + [("refworks", n) for n in REFWORKS_TYPE_NAMES],
)
def test_every_type_name_of_the_format_is_read_as_a_csl_type(fmt: str, code: str) -> None:
    row = FORMATS[fmt][1].dialect.types.read(code)  # type: ignore[union-attr]
    assert row is not None and row.csl in CSL_TYPES


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_unknown_type_is_read_as_a_document_that_keeps_the_name(fmt: str) -> None:
    start = {"ris": "TY  - XYZW\r\nTI  - T\r\nER  - \r\n", "enw": "%0 Fancy Type\n%T T\n", "refworks": "RT Fancy Type\nT1 T\n"}
    (record,) = FORMATS[fmt][1]().read(split_lines(start[fmt]))
    assert record.citation is not None and record.citation.type == "document"
    assert record.citation.texts["en"].genre in ("XYZW", "Fancy Type")
    assert [kind_of(w) for w in record.warnings] == ["reference types not known, read as document"]


# -- dates ---------------------------------------------------------------------------------------------

_PARTS = st.builds(
    lambda year, month, day, season, circa: (year, month, day if month else None, None if month else season, circa),
    st.integers(-9999, 99999),
    st.none() | st.integers(1, 12),
    st.none() | st.integers(1, 31),
    st.none() | st.integers(1, 4) | st.sampled_from(["Lent term", "Michaelmas"]),
    st.booleans(),
)


@st.composite
def dates(draw: st.DrawFn) -> Date:
    if draw(st.booleans()):
        return Date(literal=draw(st.sampled_from(["In press", "n.d.", "20uu", "2025-13-01", "forthcoming", "Lent term 1620s"])))
    year, month, day, season, circa = draw(_PARTS)
    end = draw(st.none() | st.builds(lambda y: Date(year=y), st.integers(-9999, 99999)))
    return Date(year=year, month=month, day=day, season=season, circa=circa, end=end if season is None else None)


@settings(max_examples=150, deadline=None)
@given(date=dates(), fmt=st.sampled_from(sorted(FORMATS)), field=st.sampled_from(["issued", "accessed", "original_date"]))
def test_any_date_the_model_accepts_is_written_and_read_without_a_crash(date: Date, fmt: str, field: str) -> None:
    citation = Citation.model_validate({"type": "book", field: date, "texts": {"en": LocalizedText(title="T")}})
    text, _ = write(fmt, citation)
    (back,) = read(fmt, text)
    if (
        field == "issued"
        and date.literal is None
        and date.year is not None
        and 0 < date.year < 10000
        and not date.circa
        and date.end is None
    ):
        assert back.issued is not None and back.issued.year == date.year and back.issued.month == date.month
    if date.literal is not None and field == "issued":
        assert back.issued == date


@pytest.mark.parametrize("fmt", FORMATS)
def test_markup_is_plain_text_and_platform_html_never_reaches_the_output(fmt: str) -> None:
    title = 'CO<sub>2</sub> &amp; Ca<sup>2+</sup> in <i>E. coli</i> <span data-x="1">cells</span>'
    citation = Citation(
        type="book", texts={"en": LocalizedText(title=title, publisher="R&amp;D <b>Press</b>", keywords=("H<sub>2</sub>O",))}
    )
    text, _ = write(fmt, citation)
    assert "CO₂ & Ca²⁺ in E. coli cells" in text and "R&D Press" in text and "H₂O" in text
    assert "&amp;" not in text and "<" not in text
    (back,) = read(fmt, text)
    assert back.texts["en"].title == "CO₂ & Ca²⁺ in E. coli cells"

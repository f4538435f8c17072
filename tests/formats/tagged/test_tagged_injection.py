"""Injection: line breaks, record starts and control characters inside values stay inside their field.

A value that reaches the output with a line break could end its record (``ER  - ``),
start a forged one (``TY  - JOUR``, ``%0``, ``RT``), or break the XML of a MODS-based
reader (NUL, ESC).  Every writer must produce exactly one record per article and
language, with the text intact except that breaks and tabs became single spaces —
checked on the raw lines and by every real reader.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from citeexport.formats.base import Writer
from citeexport.formats.tagged.enw import EnwWriter
from citeexport.formats.tagged.refworks import RefworksWriter
from citeexport.formats.tagged.ris import RisWriter
from citeexport.model import Citation, Date, LocalizedText, Name
from citeexport.oneline import one_line
from support.tagged_readers import expected, read_bibutils, read_citation_js, read_pandoc, read_rispy, squeeze_spaces

PAYLOADS = {
    "ris-end-and-start": "Title\nER  - \nTY  - JOUR\nTI  - forged",
    "ris-crlf-blank-line": "Title\r\nER  - \r\n\r\nTY  - JOUR\r\nAU  - Mallory, Eve",
    "bare-cr": "Title\rER  - \rTY  - JOUR",
    "enw-record": "Title\n\n%0 Journal Article\n%A Mallory, Eve\n%T forged",
    "refworks-record": "Title\n\nRT Journal Article\nA1 Mallory, Eve\nT1 forged",
    "unicode-breaks": "Title\u2028ER  - \u2029TY  - JOUR\x85%0 Journal Article\x0bRT Journal Article\x0c",
    "tabs-and-controls": "Ti\ttle\x00 with\x07 bell\x1b[31m and\x7f DEL\x9b",
    "blank-lines": "\n\nTitle\n\n\n",
}

#: (reader, writer, reader function, fields the reader does not carry or reinterprets).  Readers
#: other than rispy parse ``Family, Given`` on spaces, commas and (bibutils) `` and ``, so a
#: poisoned name comes back re-split; for them only the unpoisoned last author is compared.
READERS: list[tuple[str, type[Writer], Callable[[str], list[dict]], tuple[str, ...]]] = [
    ("rispy", RisWriter, read_rispy, ()),
    ("bibutils-ris2xml", RisWriter, lambda text: read_bibutils("ris2xml", text), ("doi", "authors")),
    (
        "pandoc-ris",
        RisWriter,
        read_pandoc,
        ("date", "keywords", "keyword_text", "authors"),
    ),
    ("bibutils-end2xml", EnwWriter, lambda text: read_bibutils("end2xml", text), ("doi", "authors")),
    ("citation-js-enw", EnwWriter, lambda text: read_citation_js("@enw/file", text), ("year", "date", "authors")),
    (
        "citation-js-refworks",
        RefworksWriter,
        lambda text: read_citation_js("@refworks/file", text),
        ("url", "keyword_text", "authors"),
    ),
]


def poisoned(payload: str) -> Citation:
    """The payload in every free-text field: title, names, journal, abstract, keyword, volume."""
    return Citation(
        issued=Date(year=2025, month=1, day=31),
        volume=f"45{payload}",
        page_first="1",
        page_last="3",
        doi="10.1000/xyz",
        texts={
            "zh": LocalizedText(
                title=payload,
                authors=(Name(family=f"饶{payload}", given="春明"), Name(family="庞", given="琳")),
                container_title=f"药物分析杂志{payload}",
                abstract=f"第一段。{payload}第二段。",
                keywords=(f"干细胞{payload}", "质量"),
                url="https://example.org/a?b=1",
            ),
            "en": LocalizedText(
                title=payload,
                authors=(Name(family="RAO", given=f"Chun-ming{payload}"), Name(family="PANG", given="Lin")),
                container_title="Chinese Journal of Pharmaceutical Analysis",
                abstract=f"First paragraph.{payload}Second paragraph.",
                keywords=("stem cells", f"quality{payload}"),
            ),
        },
    )


def test_folding_keeps_the_text() -> None:
    assert one_line(PAYLOADS["ris-end-and-start"]) == "Title ER  - TY  - JOUR TI  - forged"
    assert one_line(PAYLOADS["tabs-and-controls"]) == "Ti tle with bell[31m and DEL"
    assert one_line(PAYLOADS["blank-lines"]) == "Title"
    assert one_line("a \r\n\t b") == "a b"


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
@pytest.mark.parametrize("writer", [RisWriter, EnwWriter, RefworksWriter], ids=["ris", "enw", "refworks"])
def test_raw_output_has_one_record_per_language(writer: type[Writer], payload: str) -> None:
    text = writer().write(poisoned(payload))
    lines = text.split(writer.newline)
    assert text.splitlines() == lines[:-1], "a line break other than the format's own"
    starts = {RisWriter: "TY  - ", EnwWriter: "%0 ", RefworksWriter: "RT "}[writer]
    assert [line for line in lines if line.startswith(starts)] == [
        starts + ("JOUR" if writer is RisWriter else "Journal Article")
    ] * 2
    if writer is RisWriter:
        assert lines.count("ER  - ") == 2
    else:
        assert lines.count("") == 3  # one blank line after each record, and the end of the text


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
@pytest.mark.parametrize(("writer", "read", "missing"), [r[1:] for r in READERS], ids=[r[0] for r in READERS])
def test_real_readers_see_one_record_with_the_text_intact(
    writer: type[Writer], read: Callable[[str], list[dict]], missing: tuple[str, ...], payload: str
) -> None:
    citation = poisoned(payload)
    got = read(writer().write(citation))
    want = [expected(citation, lang) for lang in citation.languages]
    if read is read_pandoc:  # pandoc squeezes runs of spaces
        want = [squeeze_spaces(fields) for fields in want]
    assert len(got) == 2
    for record, fields in zip(got, want, strict=True):
        shared = [key for key in record if key in fields and key not in missing]
        assert {key: record[key] for key in shared} == {key: fields[key] for key in shared}
        assert {"title", "journal", "abstract", "volume"} <= set(shared)
        assert record["authors"][-1] == fields["authors"][-1]


def poisoned_every_field(csl_type: str, payload: str) -> Citation:
    """The payload in every text and number field a type has (publisher, place, editors, series, note …)."""
    text = {
        field: f"v{payload}"
        for field in LocalizedText.model_fields
        if field not in ("language", "keywords", "names", "url", "pdf_url", "subtitle")
    }
    names = {role: (Name(family=f"Doe{payload}", given="Jane"),) for role in ("author", "editor", "translator", "contributor")}
    neutral = {field: f"1{payload}" for field in ("volume", "issue", "number", "isbn", "issn", "edition", "section")
               if field in Citation.model_fields}  # fmt: skip
    return Citation.model_validate(
        {"type": csl_type, "issued": {"literal": f"In press{payload}"}, **neutral, "texts": {"en": {**text, "names": names}}}
    )


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
@pytest.mark.parametrize("csl_type", ["book", "chapter", "thesis", "report", "patent", "paper-conference", "webpage"])
@pytest.mark.parametrize("writer", [RisWriter, EnwWriter, RefworksWriter], ids=["ris", "enw", "refworks"])
def test_every_field_of_every_type_stays_in_its_line(writer: type[Writer], csl_type: str, payload: str) -> None:
    """Values with line breaks, ``ER  -``, ``%0`` or ``RT`` at a line start give one inert record, read back as one."""
    from citeexport.formats.tagged.enw import EnwReader
    from citeexport.formats.tagged.refworks import RefworksReader
    from citeexport.formats.tagged.ris import RisReader
    from citeexport.inputs import split_lines

    text = writer().write(poisoned_every_field(csl_type, payload))
    lines = text.split(writer.newline)
    assert text.splitlines() == lines[:-1], "a line break other than the format's own"
    start = {RisWriter: "TY  - ", EnwWriter: "%0 ", RefworksWriter: "RT "}[writer]
    assert len([line for line in lines if line.startswith(start)]) == 1
    reader = {RisWriter: RisReader, EnwWriter: EnwReader, RefworksWriter: RefworksReader}[writer]
    records = list(reader().read(split_lines(text)))
    assert len(records) == 1 and records[0].citation is not None
    assert records[0].citation.texts["en"].title == one_line(f"v{payload}")

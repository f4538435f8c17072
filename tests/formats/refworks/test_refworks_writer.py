"""RefWorks tagged writer: exact bytes of the seed, line grammar, every field read back by citation-js."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeexport.formats.tagged.refworks import RefworksWriter
from citeexport.model import Citation, Date, LocalizedText
from citeexport.registry import get_writer
from support.seed import seed_citation
from support.tagged_readers import citations, expected, read_citation_js, rich_citation, without

GOLDEN = Path(__file__).parent / "golden"
#: Zotero's "RefWorks Tagged" line pattern; a line that does not match is glued to the previous field.
LINE = re.compile(r"[A-Z][A-Z0-9] \S.*")


def write(*citations: Citation) -> str:
    writer = RefworksWriter()
    return writer.start() + "".join(writer.write(c) for c in citations) + writer.finish()


def records(text: str) -> list[list[str]]:
    assert text.endswith("\n\n")
    return [block.split("\n") for block in text[:-2].split("\n\n")]


def read_back(text: str) -> list[dict]:
    """citation-js's reading, minus the URL it cannot read; its keywords stay one ``,``-joined string."""
    return [
        {**without(r, "url", "keywords", "keyword_text"), "keyword_text": r.get("keyword_text")}
        for r in read_citation_js("@refworks/file", text)
    ]


def expected_all(*citations: Citation) -> list[dict]:
    """What citation-js must find: everything but the URL (it reads UR, not UL) and the dates."""
    out = []
    for citation in citations:
        for lang in citation.languages:
            fields = expected(citation, lang)
            keywords = ",".join(fields["keywords"]) or None
            out.append({**without(fields, "url", "year", "date", "keywords"), "keyword_text": keywords})
    return out


def test_registered_under_its_name() -> None:
    assert get_writer("refworks") is RefworksWriter
    assert (RefworksWriter.name, RefworksWriter.extension, RefworksWriter.newline) == ("refworks", "txt", "\n")


@pytest.mark.parametrize("case", ["seed", "rich"])
def test_golden_bytes(case: str) -> None:
    citation = seed_citation() if case == "seed" else rich_citation()
    data = write(citation).encode("utf-8")
    path = GOLDEN / f"{case}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(data)
    assert data == path.read_bytes()


def test_seed_golden_says_what_the_issue_asks() -> None:
    zh, en = records((GOLDEN / "seed.txt").read_bytes().decode("utf-8"))
    assert zh[0] == en[0] == "RT Journal Article"
    for line in ("A1 饶春明", "A1 庞琳", "T1 干细胞产品质量研究与检测专栏", "JF 药物分析杂志", "YR 2025", "FD 2025-01-31", "VO 45",
                 "IS 1", "SP 1", "OP 3", "SN 0254-1793", "UL https://castjournals.cast.org.cn/joweb/ywfxzz/CN/Y2025/V45/I1/1",
                 "LA zh", "SR Electronic(1)"):  # fmt: skip
        assert line in zh
    assert [line for line in en if line.startswith("A1 ")] == ["A1 RAO, Chun-ming", "A1 PANG, Lin"]


@pytest.mark.parametrize("citation", [seed_citation(), rich_citation()], ids=["seed", "rich"])
def test_every_line_is_an_upper_case_tag_line(citation: Citation) -> None:
    """LF only, no BOM, ``RT`` first, a blank line after each record, no lower-case tag (CNKI's ``vo``)."""
    text = write(citation)
    assert not text.startswith("\ufeff") and "\r" not in text
    blocks = records(text)
    assert len(blocks) == 2 and all(block[0] == "RT Journal Article" for block in blocks)
    assert [line for block in blocks for line in block if not LINE.fullmatch(line)] == []


def test_source_type_and_end_page() -> None:
    """``OP`` is the end page only; ``SR`` is Print(0) without URL or DOI, Electronic(1) with either."""
    print_only = Citation(page_first="11", page_last="14", texts={"zh": LocalizedText(title="题名")})
    assert write(print_only) == "RT Journal Article\nT1 题名\nSP 11\nOP 14\nLA zh\nSR Print(0)\n\n"
    with_doi = print_only.model_copy(update={"doi": "10.1000/x"})
    assert "\nDO 10.1000/x\nLA zh\nSR Electronic(1)\n\n" in write(with_doi)
    dated = print_only.model_copy(update={"issued": Date(year=2023, month=7)})
    assert "\nYR 2023\nFD 2023-07\n" in write(dated)


@pytest.mark.parametrize("citation", [seed_citation(), rich_citation()], ids=["seed", "rich"])
def test_citation_js_reads_every_field_it_knows(citation: Citation) -> None:
    assert read_back(write(citation)) == expected_all(citation)


def test_many_citations_make_one_file_read_in_order() -> None:
    many = [seed_citation().model_copy(update={"volume": str(n)}) for n in range(1, 31)]
    got = [(r["volume"], r["title"]) for r in read_back(write(*many))]
    assert got == [(e["volume"], e["title"]) for e in expected_all(*many)]
    assert len(got) == 60


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(citations(), min_size=1, max_size=6))
def test_random_citations_survive_citation_js(many: list[Citation]) -> None:
    """Several random records per file: one node start per example keeps this fast."""
    assert read_back(write(*many)) == expected_all(*many)

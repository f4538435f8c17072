"""EndNote tagged (.enw) writer: exact bytes of the seed, every field read back by bibutils' end2xml."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeexport.formats.tagged.enw import EnwWriter
from citeexport.model import Citation, Date, LocalizedText, Name
from citeexport.registry import get_writer
from support.seed import seed_citation
from support.tagged_readers import citations, expected, read_bibutils, read_citation_js, rich_citation, without

GOLDEN = Path(__file__).parent / "golden"
LINE = re.compile(r"%[A-Z0-9@!#$&()*+\[\]^~|<>?:;'\"-] \S.*")


def write(*citations: Citation) -> str:
    writer = EnwWriter()
    return writer.start() + "".join(writer.write(c) for c in citations) + writer.finish()


def read_back(text: str) -> list[dict]:
    """bibutils' end2xml; it loses the DOI (see tagged_readers.read_bibutils)."""
    return read_bibutils("end2xml", text)


def expected_all(*citations: Citation) -> list[dict]:
    return [without(expected(c, lang), "doi") for c in citations for lang in c.languages]


def records(text: str) -> list[list[str]]:
    assert text.endswith("\n\n")
    return [block.split("\n") for block in text[:-2].split("\n\n")]


def test_registered_under_its_name() -> None:
    assert get_writer("enw") is EnwWriter
    assert (EnwWriter.name, EnwWriter.extension, EnwWriter.newline) == ("enw", "enw", "\n")


@pytest.mark.parametrize("case", ["seed", "rich"])
def test_golden_bytes(case: str) -> None:
    citation = seed_citation() if case == "seed" else rich_citation()
    data = write(citation).encode("utf-8")
    path = GOLDEN / f"{case}.enw"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(data)
    assert data == path.read_bytes()


def test_seed_golden_says_what_the_issue_asks() -> None:
    text = (GOLDEN / "seed.enw").read_bytes().decode("utf-8")
    zh, en = records(text)
    assert zh[0] == en[0] == "%0 Journal Article"
    for line in ("%A 饶春明", "%A 庞琳", "%T 干细胞产品质量研究与检测专栏", "%J 药物分析杂志", "%D 2025", "%8 January 31",
                 "%V 45", "%N 1", "%P 1-3", "%@ 0254-1793", "%G zh"):  # fmt: skip
        assert line in zh
    assert "%A RAO, Chun-ming" in en and "%A PANG, Lin" in en and "%G en" in en


@pytest.mark.parametrize("citation", [seed_citation(), rich_citation()], ids=["seed", "rich"])
def test_every_line_is_a_tag_line_and_records_end_with_a_blank_line(citation: Citation) -> None:
    """LF only, no BOM, ``%0`` first, ``%`` + one character + one space + a non-empty value."""
    text = write(citation)
    assert not text.startswith("\ufeff") and "\r" not in text
    blocks = records(text)
    assert len(blocks) == 2 and all(block[0] == "%0 Journal Article" for block in blocks)
    assert [line for block in blocks for line in block if not LINE.fullmatch(line)] == []


def test_the_platforms_defects_are_absent() -> None:
    """MagTech: authors joined by ``;`` in one %A glued to %X, empty padded %R, URL in braces."""
    text = write(rich_citation())
    zh = records(text)[0]
    assert [line for line in zh if line.startswith("%A ")] == ["%A 欧阳修", "%A 国家药典委员会,"]
    assert "%X 目的: 建立方法。 结果: 线性良好 (r = 0.999)。" in zh
    assert "%R 10.16438/j.0513-4870.2024-0417" in zh
    assert "%U https://example.org/zh/abs/1?x=1&y=2" in zh
    assert not any(line.startswith("%R") for line in records(write(seed_citation()))[0])
    assert "{" not in text and ";" not in "".join(line for line in zh if line.startswith("%A"))


@pytest.mark.parametrize("citation", [seed_citation(), rich_citation()], ids=["seed", "rich"])
def test_bibutils_reads_every_field_but_the_doi(citation: Citation) -> None:
    assert read_back(write(citation)) == expected_all(citation)


def test_partial_dates() -> None:
    """``%8`` is month (and day) only: bibutils prepends ``%D``; nothing when only the year is known."""

    def dated(**parts: int) -> Citation:
        return Citation(issued=Date(**parts), texts={"en": LocalizedText(title="t", authors=(Name(family="A", given="B"),))})

    assert "%8 March\n" in write(dated(year=2020, month=3))
    assert "%8" not in write(dated(year=2020))
    assert [r["date"] for r in read_back(write(dated(year=2020, month=3), dated(year=2021, month=12, day=9)))] == [
        "2020-03",
        "2021-12-09",
    ]


def test_many_citations_make_one_file_read_in_order() -> None:
    many = [seed_citation().model_copy(update={"volume": str(n)}) for n in range(1, 31)]
    got = [(r["volume"], r["title"]) for r in read_back(write(*many))]
    assert got == [(e["volume"], e["title"]) for e in expected_all(*many)]
    assert len(got) == 60


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(citations())
def test_random_citations_survive_bibutils(citation: Citation) -> None:
    assert read_back(write(citation)) == expected_all(citation)


def read_citation_js_enw(text: str) -> list[dict]:
    """citation-js (it reads the DOI that bibutils drops); dates not compared: it reads ``%8 January 31`` as year 31."""
    return read_citation_js("@enw/file", text)


def expected_by_citation_js(*citations: Citation) -> list[dict]:
    """Everything but the dates; a corporate author keeps the comma EndNote needs (citation-js does not strip it)."""
    out = []
    for citation in citations:
        for lang in citation.languages:
            fields = without(expected(citation, lang), "year", "date")
            names = citation.text(lang).authors
            fields["authors"] = [f"{n.literal}," if n.literal else a for n, a in zip(names, fields["authors"], strict=True)]
            out.append(fields)
    return out


@pytest.mark.parametrize("citation", [seed_citation(), rich_citation()], ids=["seed", "rich"])
def test_citation_js_reads_every_field_but_the_dates(citation: Citation) -> None:
    assert read_citation_js_enw(write(citation)) == expected_by_citation_js(citation)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(citations(), min_size=1, max_size=6))
def test_random_citations_survive_citation_js(many: list[Citation]) -> None:
    assert read_citation_js_enw(write(*many)) == expected_by_citation_js(*many)

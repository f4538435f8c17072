"""RIS writer: exact bytes of the seed, and every field read back by rispy, bibutils and pandoc."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from citeexport.formats.tagged.ris import RisWriter
from citeexport.model import Citation, Date, LocalizedText
from citeexport.registry import get_writer
from support.seed import seed_citation
from support.tagged_readers import (
    citations,
    expected,
    read_bibutils,
    read_pandoc,
    read_rispy,
    rich_citation,
    squeeze_spaces,
    without,
)

GOLDEN = Path(__file__).parent / "golden"
LINE = re.compile(r"[A-Z][A-Z0-9]  - \S.*")


def write(*citations: Citation) -> str:
    writer = RisWriter()
    return writer.start() + "".join(writer.write(c) for c in citations) + writer.finish()


def expected_all(*citations: Citation) -> list[dict]:
    return [expected(c, lang) for c in citations for lang in c.languages]


def test_registered_under_its_name() -> None:
    assert get_writer("ris") is RisWriter
    assert (RisWriter.name, RisWriter.extension, RisWriter.newline) == ("ris", "ris", "\r\n")


@pytest.mark.parametrize("case", ["seed", "rich"])
def test_golden_bytes(case: str) -> None:
    citation = seed_citation() if case == "seed" else rich_citation()
    data = write(citation).encode("utf-8")
    path = GOLDEN / f"{case}.ris"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(data)
    assert data == path.read_bytes()


def test_seed_golden_says_what_the_issue_asks() -> None:
    """A hand check of the golden file: the lines the issue names, byte for byte."""
    text = (GOLDEN / "seed.ris").read_bytes().decode("utf-8")
    assert text.startswith("TY  - JOUR\r\n")
    for line in ("AU  - 饶春明", "AU  - 庞琳", "AU  - RAO, Chun-ming", "T2  - 药物分析杂志", "PY  - 2025", "DA  - 2025/01/31",
                 "VL  - 45", "IS  - 1", "SP  - 1", "EP  - 3", "SN  - 0254-1793", "LA  - zh", "LA  - en"):  # fmt: skip
        assert f"\r\n{line}\r\n" in text
    assert text.count("ER  - \r\n") == 2 and text.endswith("ER  - \r\n")


@pytest.mark.parametrize("citation", [seed_citation(), rich_citation()], ids=["seed", "rich"])
def test_every_line_is_a_tag_line_with_crlf(citation: Citation) -> None:
    """CR LF only, no BOM, ``TY  - JOUR`` opens and ``ER  - `` closes each record, nothing else but ``XX  - value``."""
    text = write(citation)
    assert not text.startswith("\ufeff")
    assert text.endswith("\r\nER  - \r\n")
    records = [record.split("\r\n") for record in text.split("\r\nER  - \r\n")[:-1]]
    assert len(records) == 2
    assert all(record[0] == "TY  - JOUR" for record in records)
    assert [line for record in records for line in record[1:] if not LINE.fullmatch(line)] == []


@pytest.mark.parametrize("citation", [seed_citation(), rich_citation()], ids=["seed", "rich"])
def test_rispy_reads_every_field(citation: Citation) -> None:
    assert read_rispy(write(citation)) == expected_all(citation)


@pytest.mark.parametrize("citation", [seed_citation(), rich_citation()], ids=["seed", "rich"])
def test_bibutils_reads_every_field_but_the_doi(citation: Citation) -> None:
    assert read_bibutils("ris2xml", write(citation)) == [without(e, "doi") for e in expected_all(citation)]


@pytest.mark.parametrize("citation", [seed_citation(), rich_citation()], ids=["seed", "rich"])
def test_pandoc_reads_every_field_it_knows(citation: Citation) -> None:
    """pandoc keeps only the year of the dates and joins keywords into one string."""
    got = read_pandoc(write(citation))
    want = expected_all(citation)
    assert [without(g, "keyword_text") for g in got] == [without(w, "date", "keywords") for w in want]
    for g, w in zip(got, want, strict=True):
        assert sorted((g["keyword_text"] or "").split(", ")) == sorted(w["keywords"]) or not w["keywords"]


def test_rich_record_lines() -> None:
    """Journal abbreviation in J2, article number in C7, month-only date, DOI bare, abstract on one line."""
    text = write(rich_citation())
    for line in ("J2  - Acta Pharm Sin", "C7  - e2024017", "SP  - e2024017", "DA  - 2024/11", "DO  - 10.16438/j.0513-4870.2024-0417",
                 "AB  - Objective: to establish a method. Results: r = 0.999; 95% recovery.", "KW  - telomerase",
                 "AU  - 国家药典委员会", "AU  - Smith, Mary Ann"):  # fmt: skip
        assert f"\r\n{line}\r\n" in text
    assert "EP  - " not in text


def test_year_only_has_no_date_tag_and_absent_fields_no_tags() -> None:
    bare = Citation(issued=Date(year=1999), texts={"en": LocalizedText(title="Only a title")})
    assert write(bare) == "TY  - JOUR\r\nTI  - Only a title\r\nPY  - 1999\r\nLA  - en\r\nER  - \r\n"


def test_many_citations_make_one_file_read_in_order() -> None:
    many = [seed_citation().model_copy(update={"volume": str(n)}) for n in range(1, 31)]
    text = write(*many)
    want = [(e["volume"], e["title"]) for e in expected_all(*many)]
    assert len(want) == 60
    assert [(r["volume"], r["title"]) for r in read_rispy(text)] == want
    assert [(r["volume"], r["title"]) for r in read_bibutils("ris2xml", text)] == want
    assert [(r["volume"], r["title"]) for r in read_pandoc(text)] == want


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(citations())
def test_random_citations_survive_rispy_and_bibutils(citation: Citation) -> None:
    text = write(citation)
    want = expected_all(citation)
    assert read_rispy(text) == want
    assert read_bibutils("ris2xml", text) == [without(e, "doi") for e in want]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(citations())
def test_random_citations_survive_pandoc(citation: Citation) -> None:
    got = read_pandoc(write(citation))
    assert [without(g, "keyword_text") for g in got] == [
        squeeze_spaces(without(e, "date", "keywords")) for e in expected_all(citation)
    ]

"""Hand-written samples in the shapes real exporters produce (tests/formats/<format>/golden/readers/), read with their defects repaired and warned.

Each ``<case>.<ext>`` has ``<case>.<ext>.json``: every record's citation (non-default fields),
warnings and error.  After a deliberate change: ``CITEEXPORT_UPDATE_GOLDEN=1 pytest
tests/formats/test_readers_golden.py`` and review the diff.  The tests below the goldens pin each
tolerated defect by itself, so a golden rewrite cannot hide one.
"""

from __future__ import annotations

import json
import os

import pytest

from citeexport.formats.base import Record
from citeexport.inputs import open_input
from citeexport.model import Date, Name
from citeexport.options import ReadOptions
from support.goldens import reader_samples

PATHS = reader_samples()
CASES = sorted(PATHS)


def read_file(name: str, strict: bool = False) -> list[Record]:
    """As the CLI reads a file: encoding and format detected from the bytes and the extension."""
    opened = open_input(str(PATHS[name]))
    return list(opened.reader(ReadOptions(strict=strict)).read(opened.lines, name))


def snapshot(record: Record) -> dict:
    return {
        "line": record.line,
        "citation": record.citation.model_dump(mode="json", exclude_defaults=True) if record.citation else None,
        "warnings": record.warnings,
        "error": str(record.error) if record.error else None,
    }


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str) -> None:
    got = [snapshot(record) for record in read_file(case)]
    path = PATHS[case].with_name(f"{case}.json")
    if os.environ.get("CITEEXPORT_UPDATE_GOLDEN"):
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(path.read_text(encoding="utf-8"))


def test_every_case_is_detected_as_its_format() -> None:
    formats = {case: open_input(str(PATHS[case])).reader.name for case in CASES}
    assert formats == {
        "bom-crlf.ris": "ris",
        "cnki.enw": "enw",
        "lowercase-refworks.txt": "refworks",
        "magtech.bib": "bibtex",
        "magtech.enw": "enw",
        "scholar.bib": "bibtex",
    }


@pytest.mark.parametrize("case", CASES)
def test_strict_turns_every_warned_record_into_an_error_and_keeps_the_rest(case: str) -> None:
    lenient, strict = read_file(case), read_file(case, strict=True)
    assert [bool(r.warnings) or r.error is not None for r in lenient] == [r.error is not None for r in strict]
    assert [r.citation for r in lenient if not r.warnings and r.error is None] == [r.citation for r in strict if r.error is None]
    for record in strict:
        if record.error is not None and record.warnings:
            assert "(--strict)" in str(record.error) and record.warnings[0] in str(record.error)


# -- one test per tolerated defect -------------------------------------------------------------------


def _warned(record: Record, fragment: str) -> bool:
    return any(fragment in warning for warning in record.warnings)


def test_magtech_enw_glued_authors_joined_by_semicolons() -> None:
    first, second = read_file("magtech.enw")
    zh = first.citation.texts["zh"]  # type: ignore[union-attr]
    assert [n.whole for n in zh.authors] == ["刘航", "李丹", "李绍波"]
    assert zh.abstract.endswith("不能正常发育。")  # type: ignore[union-attr]  # the glued %A is gone from the abstract
    assert zh.title == "黄瓜双二倍体染色体组间交换重组的细胞学研究"  # %T after %A
    assert _warned(first, "tag %A glued to the end of the %X value") and _warned(first, "3 names in one %A line")
    assert first.citation.doi is None and _warned(first, "empty %R ignored")  # type: ignore[union-attr]
    assert zh.url == "http://www.whzwxyj.cn/CN/abstract/article_978.shtml" and _warned(first, "URL in braces")
    assert first.citation.issued == Date(year=2005, month=4, day=25)  # type: ignore[union-attr]  # ISO %8
    assert (first.citation.page_first, first.citation.page_last) == ("107", "110")  # type: ignore[union-attr]
    assert "<i>Cucumis hytivus</i>" in zh.abstract  # type: ignore[operator]  # platform HTML as the model's markup
    assert [n.whole for n in second.citation.texts["zh"].authors] == ["王小明", "张三", "李四"]  # type: ignore[union-attr]  # ； and 、


def test_cnki_enw_keywords_url_and_doi_without_space() -> None:
    first, second = read_file("cnki.enw")
    zh = first.citation.texts["zh"]  # type: ignore[union-attr]
    assert zh.keywords == ("小麦", "抗旱", "转基因") and _warned(first, "3 keywords in one %K line")
    assert zh.url == "https://link.cnki.net/doi/10.19904/j.cnki.cn14-1160/s.2023.17.004" and _warned(
        first, "space after the URL scheme"
    )
    assert first.citation.doi == "10.19904/j.cnki.cn14-1160/s.2023.17.004"  # type: ignore[union-attr]  # %R10.… with no space
    assert first.citation.issn == "1005-2690"  # type: ignore[union-attr]
    assert _warned(first, "not read: %+") and zh.archive == "CNKI"  # %W: the database provider
    en = second.citation.texts["en"]  # type: ignore[union-attr]
    assert en.authors == (
        Name(family="Smith", given="John"),
        Name(literal="World Health Organization"),
        Name(family="van der Berg", given="Anna"),
    )
    assert second.citation.issued == Date(year=2021, month=3, day=3)  # type: ignore[union-attr]  # %8 March 3 + %D


def test_cnki_refworks_lower_case_tags_and_page_range_in_op() -> None:
    first, second = read_file("lowercase-refworks.txt")
    citation = first.citation
    assert citation is not None and citation.volume == "49" and citation.issue == "12"
    assert _warned(first, "lower-case tag 'vo' on line 9: read as VO")
    assert (citation.page_first, citation.page) == ("1106", "1106-1111+1117") and _warned(first, "page range in OP without SP")
    assert [n.whole for n in citation.texts["zh"].authors] == ["辛宁", "陈建康", "陈艳", "杨洁"]
    assert citation.texts["zh"].abstract == "目的 筛选2型糖尿病相关基因。 方法 数据挖掘。"  # continuation line, CR LF gone
    assert citation.texts["zh"].url == "https://link.cnki.net/urlid/21.1227.R.20201202.1234.022"  # LK
    other = second.citation
    assert other is not None and other.texts["en"].container_title == "Journal of Tests"  # t2
    assert other.issued == Date(year=2019, month=7, day=14) and (other.page_first, other.page_last) == ("5", "9")


def test_ris_bom_crlf_journal_aliases_and_missing_end() -> None:
    records = read_file("bom-crlf.ris")
    assert len(records) == 4 and all(r.error is None for r in records)
    first, second, third, fourth = (r.citation for r in records)
    assert first.texts["zh"].container_title == "药物分析杂志" and _warned(records[0], "took the JO value")  # type: ignore[union-attr]
    assert first.issued == Date(year=2025, month=1, day=31) and (first.page_first, first.page_last) == ("1", "3")  # type: ignore[union-attr]
    assert [n.whole for n in first.texts["zh"].authors] == ["饶春明", "庞琳"]  # type: ignore[union-attr]  # joined by ，
    assert second.texts["en"].container_title == "Chinese Journal of Pharmaceutical Analysis"  # type: ignore[union-attr]  # JF
    assert second.texts["en"].container_title_short == "Chin J Pharm Anal"  # type: ignore[union-attr]  # JA
    assert second.texts["en"].abstract == "An abstract wrapped over two lines."  # type: ignore[union-attr]  # N2 + continuation
    assert _warned(records[2], "record not closed by ER") and third.doi == "10.1038/xyz"  # type: ignore[union-attr]
    assert (fourth.number, fourth.page_first) == ("e123", None)  # type: ignore[union-attr]  # C7 in the page slot


def test_magtech_bibtex_comma_joined_authors_full_width_key_and_numpages() -> None:
    first, second = read_file("magtech.bib")
    zh = first.citation.texts["zh"]  # type: ignore[union-attr]
    assert [n.whole for n in zh.authors] == ["罗浩", "何超", "陈彪", "路颜萍", "张欣", "张利"]
    assert (
        _warned(first, "6 names joined by commas")
        and _warned(first, "citation key")
        and _warned(first, "publisher is the journal")
    )
    assert zh.keywords == ("拉普拉斯小波卷积核", "双向门控循环单元", "标签平滑", "故障诊断", "少量样本")  # ; and ；
    assert (first.citation.page_first, first.citation.page_last, first.citation.number) == ("41", "49", None)  # type: ignore[union-attr]
    assert [n.whole for n in second.citation.texts["zh"].authors] == ["何贤敏", "李茂西", "何彦青"]  # type: ignore[union-attr]  # ASCII commas


def test_scholar_bibtex_latex_names_strings_and_a_broken_entry() -> None:
    first, second, broken, after = read_file("scholar.bib")
    en = first.citation.texts["en"]  # type: ignore[union-attr]
    assert en.title == "Über die AAV-Vektoren: ~50% Ausbeute & mehr"
    assert en.authors == (
        Name(family="Müller", given="Jörg"),
        Name(family="van Beethoven", given="Ludwig"),
        Name(family="King", given="Martin Luther", suffix="Jr."),
        Name(literal="World Health Organization"),
        Name(family="Dupont", given="François"),
        Name(family="de la Fontaine", given="Jean"),
    )
    assert en.container_title == "Journal of Physics A"  # @string + # concatenation
    assert first.citation.issued == Date(year=2019, month=3)  # type: ignore[union-attr]  # month = mar
    assert first.citation.doi == "10.1088/1751-8121/ab_1234" and en.url == "https://example.org/a_b?x=1&y=2%20z"  # type: ignore[union-attr]
    zh = second.citation.texts["zh"]  # type: ignore[union-attr]
    assert zh.authors == (Name(family="王", given="小明"), Name(literal="国家药典委员会"), Name(family="饶", given="春明"))
    assert zh.title == "<i>In vitro</i> 研究" and zh.keywords == ("干细胞", "端粒酶", "RT-qPCR")
    assert (second.citation.number, second.citation.page_first) == ("e2020017", None)  # type: ignore[union-attr]
    assert broken.error is not None and broken.line == 31 and "record 3" in str(broken.error)
    assert after.citation is not None and after.citation.texts["en"].title == "Still read"

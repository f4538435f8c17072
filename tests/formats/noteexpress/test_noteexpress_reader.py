"""NoteExpress reader: real CNKI, Wanfang and yiigle exports (tests/samples) read exactly, each tolerated defect pinned.

Each sample's whole reading (every record's citation, warnings and error) is a golden file in
``golden/readers/<sample>.json``.  After a deliberate change: ``CITEEXPORT_UPDATE_GOLDEN=1 pytest
tests/formats/noteexpress`` and review the diff.  The tests below the goldens pin each repair by
itself, so a golden rewrite cannot hide one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeexport.errors import CiteexportError
from citeexport.formats.base import Record
from citeexport.formats.tagged.noteexpress import NoteExpressReader
from citeexport.inputs import open_input, split_lines
from citeexport.model import Date, Name
from citeexport.options import ReadOptions
from citeexport.record_warnings import kind_of
from support.seed import ROOT

SAMPLES = ROOT / "tests" / "samples"
GOLDEN = Path(__file__).parent / "golden" / "readers"
#: Every NoteExpress export in tests/samples (see tests/samples/SOURCES.md).
REAL = {
    "cnki-all-types": "cnki/noteexpress/all-types-15-records.net",
    "cnki-blank-lines": "cnki/noteexpress/blank-lines-inside-address-mixed-13-records.net",
    "cnki-continuation": "cnki/noteexpress/journal-address-continuation-line.net",
    "cnki-double-semicolons": "cnki/noteexpress/english-authors-double-semicolons-5-records.net",
    "yiigle": "cnki/noteexpress/yiigle-fullwidth-colons-corporate-authors.net",
    "wanfang": "wanfang/journal-articles-excerpt.noteexpress.net",
    "derived-gb18030": "noteexpress/derived-cnki-3-records.gb18030-crlf.net",
    "derived-utf8-bom": "noteexpress/derived-cnki-3-records.utf8-bom-crlf.net",
}


def read_sample(case: str, strict: bool = False) -> list[Record]:
    """As the CLI reads a file: encoding and format detected from the bytes and the extension."""
    opened = open_input(str(SAMPLES / REAL[case]))
    assert opened.reader is NoteExpressReader
    return list(opened.reader(ReadOptions(strict=strict)).read(opened.lines, REAL[case]))


def read_text(text: str) -> list[Record]:
    return list(NoteExpressReader().read(split_lines(text), "<test>"))


def snapshot(record: Record) -> dict:
    return {
        "line": record.line,
        "citation": record.citation.model_dump(mode="json", exclude_defaults=True) if record.citation else None,
        "warnings": record.warnings,
        "error": str(record.error) if record.error else None,
    }


@pytest.mark.parametrize("case", sorted(REAL))
def test_real_export_read_as_its_golden(case: str) -> None:
    got = [snapshot(record) for record in read_sample(case)]
    path = GOLDEN / f"{case}.json"
    if os.environ.get("CITEEXPORT_UPDATE_GOLDEN"):
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", sorted(REAL))
def test_every_record_of_a_real_export_is_read(case: str) -> None:
    records = read_sample(case)
    text = (SAMPLES / REAL[case]).read_bytes()
    assert len(records) == text.count(b"{Reference Type}") > 0
    assert all(r.error is None and r.citation is not None and r.citation.text(r.citation.languages[0]).title for r in records)


@pytest.mark.parametrize("case", sorted(REAL))
def test_strict_turns_every_warned_record_into_an_error(case: str) -> None:
    lenient, strict = read_sample(case), read_sample(case, strict=True)
    assert [bool(r.warnings) for r in lenient] == [r.error is not None for r in strict]


# -- one test per tolerated defect -------------------------------------------------------------------


def _warned(record: Record, fragment: str) -> bool:
    return any(fragment in warning for warning in record.warnings)


def test_cnki_types_and_their_fields() -> None:
    records = read_sample("cnki-all-types")
    types = [r.citation.type for r in records]  # type: ignore[union-attr]
    assert (
        types
        == ["article-journal"] * 2
        + ["thesis"] * 2
        + ["paper-conference", "article-newspaper", "book"]
        + ["standard"] * 2
        + ["patent"]
        + ["standard"] * 2
        + ["article-journal"] * 3
    )
    thesis = records[2].citation.texts["zh"]  # type: ignore[union-attr]
    assert (thesis.publisher, thesis.genre, thesis.names["contributor"]) == (
        "北京交通大学",
        "博士",
        (Name(family="何", given="世伟"),),
    )
    conference = records[4].citation
    assert conference is not None
    zh = conference.texts["zh"]
    assert zh.container_title == "共享与品质——2018中国城市规划年会论文集（01城市安全与防灾规划）"  # {Tertiary Title}
    assert (zh.event_title, zh.event_place) == ("2018中国城市规划年会", "中国浙江杭州")  # {Secondary Title}, {Place Published}
    assert zh.names["organizer"] == (Name(literal="中国城市规划学会"), Name(literal="杭州市人民政府"))  # {Subsidiary Author,}
    newspaper = records[5].citation
    assert newspaper is not None and newspaper.issued == Date(year=2019, month=1, day=9) and newspaper.page_first == "A01"
    assert records[6].citation.isbn == "9780429834646"  # type: ignore[union-attr]  # {图书印刷版ISBN}
    patent = records[9].citation
    assert patent is not None and patent.number == "CN108722921A" and patent.texts["zh"].note is None  # {Type of Work} = {Notes}
    assert patent.texts["zh"].names["contributor"] == (Name(literal="芜湖华佳新能源技术有限公司"),)
    standard = records[10].citation
    assert standard is not None and standard.number == "GB/T 7178.1-1996" and standard.isbn is None  # {ISBN} of a standard
    assert _warned(records[10], "not read: {TryDate}, {SrcDatabase}")


def test_cnki_cn_serial_number_in_notes_and_joined_names_and_keywords() -> None:
    record = read_sample("cnki-all-types")[1]
    citation = record.citation
    assert citation is not None and citation.cn == "11-1949/U" and citation.texts["zh"].note is None
    assert [n.whole for n in citation.texts["zh"].authors] == ["唐力", "刘启钢", "孙文桥"]
    assert _warned(record, "3 names in one {Author} line")
    assert citation.texts["zh"].keywords == ("铁路物流", "服务方案", "评价指标", "灰色关联分析法", "实例分析")
    thesis = read_sample("cnki-all-types")[2]
    assert len(thesis.citation.texts["zh"].keywords) == 8 and _warned(thesis, "split at semicolons")  # type: ignore[union-attr]  # ;;


def test_cnki_comma_keyword_list_with_a_trailing_comma() -> None:
    record = read_sample("cnki-all-types")[13]
    assert record.citation.texts["zh"].keywords[:3] == ("巴拿马", "习近平", "巴雷拉")  # type: ignore[union-attr]
    assert _warned(record, "split at commas")
    keywords = (
        read_text("{Reference Type}: Journal Article\n{Title}: T\n{Keywords}: a, b; c,d\n")[0].citation.texts["en"].keywords
    )  # type: ignore[union-attr]
    assert keywords == ("a, b", "c,d")  # with a semicolon, commas belong to the keywords


def test_cnki_blank_lines_inside_a_record_and_a_continuation_line() -> None:
    records = read_sample("cnki-blank-lines")
    assert len(records) == 12
    text = "{Reference Type}: Journal Article\n{Title}: 题名\n{Abstract}: 第一段\n\n\n\n,第二段\n{Year}: 2005\n"
    (record,) = read_text(text)
    assert record.citation.texts["zh"].abstract == "第一段 ,第二段" and record.citation.issued == Date(year=2005)  # type: ignore[union-attr]


def test_cnki_double_semicolons_between_western_names_and_break_marks_in_abstracts() -> None:
    first = read_sample("cnki-double-semicolons")[0]
    en = first.citation.texts["en"]  # type: ignore[union-attr]
    assert [n.whole for n in en.authors] == ["Alaa Alhaj-Ismail", "Sami Adwan", "John Stittle"]
    assert en.abstract.startswith("This paper contributes") and _warned(first, "(#br)")  # type: ignore[union-attr]
    (record,) = read_text("{Reference Type}: Journal Article\n{Title}: T\n{Abstract}: One.(#br)Two.\n")
    assert record.citation.texts["en"].abstract == "One. Two."  # type: ignore[union-attr]


def test_cnki_dates_without_separators() -> None:
    text = "{Reference Type}: Book\n{Title}: 算法导论\n{Date}: 202311\n\n{Reference Type}: Book\n{Title}: B\n{Date}: 20190109\n"
    first, second = read_text(text)
    assert first.citation.issued == Date(year=2023, month=11) and second.citation.issued == Date(year=2019, month=1, day=9)  # type: ignore[union-attr]
    assert _warned(first, "YYYYMM")
    (plain,) = read_text("{Reference Type}: Book\n{Title}: C\n{Year}: 2019\n")
    assert plain.citation.issued == Date(year=2019) and plain.warnings == []  # type: ignore[union-attr]


def test_a_value_wrapped_over_100000_lines_reads_whole() -> None:
    """Continuation lines are joined once per value (joining them line by line is quadratic in their number)."""
    lines = [
        "{Reference Type}: Journal Article\n",
        "{Title}: T\n",
        "{Abstract}: a\n",
        *["词语 word\n"] * 100_000,
        "{Year}: 2020\n",
    ]
    (record,) = NoteExpressReader().read(iter(lines), "<test>")
    assert record.citation.texts["en"].abstract == "a" + " 词语 word" * 100_000 and record.citation.issued == Date(year=2020)  # type: ignore[union-attr]


def test_no_blank_line_between_records() -> None:
    text = "{Reference Type}: Book\n{Title}: A\n{Reference Type}: Thesis\n{Title}: B\n"
    assert [(r.citation.type, r.citation.texts["en"].title) for r in read_text(text)] == [("book", "A"), ("thesis", "B")]  # type: ignore[union-attr]


def test_yiigle_full_width_colons_and_translated_fields() -> None:
    (record,) = read_sample("yiigle")
    citation = record.citation
    assert citation is not None and citation.issn == "0253-3766"  # {ISBN/ISSN}:0253-3766
    assert citation.texts["zh"].url == "https://rs.yiigle.com/CN112152201604/889113.htm"  # {URL}：
    assert citation.texts["zh"].abstract.startswith("软组织肉瘤是")  # type: ignore[union-attr]  # {Abstract}：
    assert citation.texts["zh"].authors == (Name(literal="中国抗癌协会肉瘤专业委员会"), Name(literal="中国临床肿瘤学会"))
    en = citation.texts["en"]
    assert en.title.startswith("Chinese expert consensus") and en.container_title == "Chinese Journal of Oncology"  # type: ignore[union-attr]


def test_wanfang_translated_authors_and_full_width_doi() -> None:
    records = read_sample("wanfang")
    first = records[0].citation
    assert first is not None
    assert [n.whole for n in first.texts["en"].authors] == ["Wenjie JIANG", "Chao HAN", "Damin GU"]  # leading space on repeats
    assert first.texts["zh"].archive == "北京万方数据股份有限公司"
    last = records[-1]
    assert last.citation.doi == "10.3969/j.issn.1672-187X.2020.01.017" and _warned(last, "full-width")  # type: ignore[union-attr]


def test_gb18030_and_utf8_bom_exports_read_the_same() -> None:
    gb, bom = open_input(str(SAMPLES / REAL["derived-gb18030"])), open_input(str(SAMPLES / REAL["derived-utf8-bom"]))
    assert (gb.encoding, bom.encoding) == ("gb18030", "utf-8-sig")
    assert [r.citation for r in read_sample("derived-gb18030")] == [r.citation for r in read_sample("derived-utf8-bom")]
    assert read_sample("derived-gb18030")[0].citation == read_sample("cnki-all-types")[1].citation


def test_a_short_gb18030_export_is_detected_and_read(tmp_path: Path) -> None:
    path = tmp_path / "cnki.net"
    path.write_bytes("{Reference Type}: Thesis\r\n{Title}: 题名\r\n{Author}: 张三\r\n{Type of Work}: 硕士\r\n".encode("gb18030"))
    opened = open_input(str(path))
    (record,) = opened.reader().read(opened.lines, "cnki.net")
    assert opened.encoding == "gb18030" and record.citation is not None
    assert (record.citation.texts["zh"].title, record.citation.texts["zh"].genre) == ("题名", "硕士")


def test_unknown_type_is_a_document_with_its_name_as_genre() -> None:
    (record,) = read_text("{Reference Type}: Ancient Text\n{Title}: 论语\n")
    assert record.citation.type == "document" and record.citation.texts["zh"].genre == "Ancient Text"  # type: ignore[union-attr]
    assert kind_of(record.warnings[0]) == "unknown types read as document"


def test_unknown_and_empty_fields_are_named_in_one_warning_each() -> None:
    (record,) = read_text("{Reference Type}: Journal Article\n{Title}: T\n{Foo}: x\n{Bar}: y\n{Foo}: z\n{Volume}: \n")
    kinds = {kind_of(w): w for w in record.warnings}
    assert kinds["fields with no place in the model, not read"].endswith(": {Foo}, {Bar}")
    assert "empty tags ignored" in kinds


def test_a_lower_case_word_with_braces_is_still_a_field_and_text_before_the_first_record_is_skipped() -> None:
    (record,) = read_text("exported by X\n{Reference Type}: journal article\n{title}: T\n")
    assert record.citation.type == "article-journal" and record.citation.texts["en"].title == "T"  # type: ignore[union-attr]


#: What another converter makes of the same CNKI file: Vopaaz/CNKI_2_BibTeX's expected output
#: (``tests/assets/Classic5Test.bib`` @ 2ebd1557ce5eb8d2fd57fd7e570b206c56bd3ac6), per record: authors
#: (its ``author`` split at `` and ``), title, journal, year (``Null`` there: none), volume, issue, pages.
CNKI_2_BIBTEX = [
    ("Alaa Alhaj-Ismail and Sami Adwan and John Stittle",
     "Share-option based compensation expense, shareholder returns and financial crisis",
     "Journal of Contemporary Accounting & Economics", "2019", "15", "1", None),
    ("Natalia Sieti and Ximena C. Schmidt Rivera and Laurence Stamford and Adisa Azapagic",
     "Environmental impacts of baby food: Ready-made porridge products", "Journal of Cleaner Production", "2019", "212",
     None, None),
    ("齐淑霞 and 刘圣 and 李鹏 and 韩磊 and 程华超 and 吴东京 and 赵建林", "高效产生任意矢量光场的一种方法", "物理学报", None, None, None, "1-7"),
    ("张海丰 and 李颖 and 程汉池 and 裴魏魏 and 刘明达 and 韩海生", "斜入射时Salisbury屏电磁参数匹配规律研究",
     "信阳师范学院学报(自然科学版)", "2019", None, "01", "1-3"),
    ("黎克波 and 梁彦刚 and 苏文山 and 陈磊", "三维真比例导引律大气层外拦截真任意机动目标的性能分析", "中国科学:技术科学", None, None,
     None, "1-2"),
]  # fmt: skip


def test_cnki_file_read_as_another_converter_reads_it() -> None:
    got = []
    for record in read_sample("cnki-double-semicolons"):
        citation = record.citation
        assert citation is not None
        text = citation.text(citation.languages[0])
        year = str(citation.issued.year) if citation.issued else None
        got.append((" and ".join(n.whole for n in text.authors), text.title, text.container_title, year, citation.volume,
                    citation.issue, citation.pages))  # fmt: skip
    assert got == CNKI_2_BIBTEX


#: The same converter on CNKI's 15-record file (``tests/assets/CoverAllTest15Entries.bib``, same commit):
#: entry type, authors, journal or booktitle, school or publisher, pages.  ``@Misc`` is its type for
#: newspapers, standards and patents; the authors of the no-author record are ``Null`` there.
CNKI_2_BIBTEX_ALL_TYPES = [
    ("Article", "Youngre Noh", "Landscape and Urban Planning", None, None),
    ("Article", "唐力 and 刘启钢 and 孙文桥", "铁道运输与经济", None, "7-12"),
    ("PhdThesis", "殷玮川", None, "北京交通大学", None),
    ("MastersThesis", "胡增辉", None, "北京交通大学", None),
    ("InProceedings", "史德雯", "共享与品质——2018中国城市规划年会论文集（01城市安全与防灾规划）", None, "9"),
    ("Misc", "本报评论员", "人民铁道", "人民铁道", "A01"),
    ("Book", "Iain Docherty", None, "Taylor and Francis", None),
    ("Misc", "", None, None, None),
    ("Misc", "", None, None, None),
    ("Misc", "段祥祥", None, None, None),
    ("Misc", "铁道部运输局", None, "国家技术监督局", None),
    ("Misc", "", None, None, None),
    ("Article", "娄丽芳", "科教文汇(下旬刊)", None, "79-80"),
    ("Article", "Null", "中华人民共和国国务院公报", None, "7-9"),
    ("Article", "徐敏", "山西青年", None, "210+209"),
]
#: Its entry types and the CSL types we read the same records as.
ENTRY_TYPES = {
    "Article": {"article-journal"},
    "PhdThesis": {"thesis"},
    "MastersThesis": {"thesis"},
    "InProceedings": {"paper-conference"},
    "Book": {"book"},
    "Misc": {"article-newspaper", "standard", "patent"},
}


def test_cnki_all_types_read_as_another_converter_reads_them() -> None:
    records = read_sample("cnki-all-types")
    assert len(records) == len(CNKI_2_BIBTEX_ALL_TYPES)
    for record, (entry, authors, container, publisher, pages) in zip(records, CNKI_2_BIBTEX_ALL_TYPES, strict=True):
        citation = record.citation
        assert citation is not None and citation.type in ENTRY_TYPES[entry]
        text = citation.text(citation.languages[0])
        assert " and ".join(n.whole for n in text.authors) == ("" if authors == "Null" else authors)
        assert (text.container_title, text.publisher, citation.pages) == (container, publisher, pages)


# -- detection and hostile input ------------------------------------------------------------------------


def test_detected_by_content_whatever_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "cnki.txt"
    path.write_text("\ufeff\n{Reference Type}: Journal Article\n{Title}: 高效产生任意矢量光场的一种方法\n", encoding="utf-8")
    assert open_input(str(path)).reader is NoteExpressReader
    assert NoteExpressReader.sniff("{Reference Type}：Thesis")
    assert not NoteExpressReader.sniff("{Title}: x\n{Reference Type}: Book")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["{Reference Type}: ", "{Title}: ", "{Author}: ", "{Year}: ", "{Pages}: ", "{Date}: ",
                                  "{Keywords}: ", "{Translated Title}: ", "{DOI}: ", "{", "}", ":", "：", "\n", "\r", "\n\n",
                                  "a", "张三;李四", "2025", "-", "1-3", "Book", "Thesis", "\ufeff", " "]),
                max_size=40).map("".join))  # fmt: skip
def test_random_input_gives_records_or_typed_errors(text: str) -> None:
    for record in read_text(text):
        assert (record.citation is None) != (record.error is None)
        if record.error is not None:
            assert isinstance(record.error, CiteexportError)

"""The dump reader, on the real record and on hand-made records built from it, one per hazard
of the Lombok toString grammar (the team's dump-format notes §2, §5, §6)."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeexport.api import read_text
from citeexport.errors import ParseError
from citeexport.formats.dump.mapping import citation_from_tree
from citeexport.formats.dump.reader import parse_record_text
from citeexport.model import Date, Name
from support.dump_texts import EN_TITLE, SEED_DUMP, SEED_PAGE, SEED_TEXT, en_ext_replace, replace_once
from support.seed import seed_citation


def read_all(text: str):
    return list(read_text(text, "dump", "test.txt"))


def read_one(text: str):
    records = read_all(text)
    assert len(records) == 1, [r.error for r in records]
    assert records[0].error is None, str(records[0].error)
    return records[0].citation


def test_seed_reads_to_the_expected_model():
    assert read_one(SEED_TEXT) == seed_citation()


def test_page_text_and_trailing_junk_are_ignored():
    citation = read_one(SEED_TEXT + "\nArticle(s) in this issue\nArticle(\nArticle(id=oops, x\n")
    assert citation == seed_citation()


@pytest.mark.parametrize(
    "title",
    [
        "Cells, columnId=123 (in vitro), journalTitle=fake",
        "A = B, word=x, and f(x] [0,1) 1) 第一 【目的】",
        "null models, nullable=true",
        "<i>In vivo</i> & 95% of $x_1$ ~ ^ \\ # {braces}",
        "Title with Author(id=1, tenantId=2) inside",
        "Emoji 🧬 and full-width ，（）＝",
    ],
)
def test_titles_with_grammar_hazards_are_read_whole(title):
    citation = read_one(en_ext_replace(f"title={EN_TITLE},", f"title={title},") + "\n" + SEED_PAGE)
    assert citation.text("en").title == title
    assert citation.text("zh").title == "干细胞产品质量研究与检测专栏"
    assert citation.text("en").container_title == "Chinese Journal of Pharmaceutical Analysis"


def test_abstract_with_null_json_html_and_newlines():
    abstract = 'Results: null hypothesis rejected, p=0.01; option={"copyright":""}, <span data-x="a, b=c">x</span>\nSecond paragraph, doi=10.1/x'
    citation = read_one(en_ext_replace("articleAbstract=null,", f"articleAbstract={abstract},"))
    assert citation.text("en").abstract == abstract.replace(
        '<span data-x="a, b=c">x</span>', "x"
    )  # platform HTML: tag dropped, text kept
    assert citation.text("zh").abstract is None


def test_missing_en_block_reads_chinese_only():
    start = SEED_DUMP.index("EN=ArticleExt(")
    end = SEED_DUMP.index("CN=ArticleExt(")
    citation = read_one(SEED_DUMP[:start] + SEED_DUMP[end:])
    assert citation.languages == ("zh",)
    assert citation.text("zh").authors == (Name(family="饶", given="春明"), Name(family="庞", given="琳"))


def test_cn_before_en_in_the_map_is_keyed_by_language_not_position():
    start = SEED_DUMP.index("ext={EN=ArticleExt(") + len("ext={")
    middle = SEED_DUMP.index(", CN=ArticleExt(")
    end = SEED_DUMP.index(")}, authors=[") + 1
    en, cn = SEED_DUMP[start:middle], SEED_DUMP[middle + 2 : end]
    swapped = SEED_DUMP[:start] + cn + ", " + en + SEED_DUMP[end:]
    assert read_one(swapped) == seed_citation()


def _authors_block(dump: str) -> tuple[int, int]:
    start = dump.index("authors=[Author(") + len("authors=[")
    end = dump.index("], keywords=")
    return start, end


def test_twenty_five_authors_in_order():
    start, end = _authors_block(SEED_DUMP)
    first = SEED_DUMP[start:end].split(", Author(id=")[0]
    many = []
    for i in range(25):
        author = first.replace("orderNo=0", f"orderNo={24 - i}").replace("stringName=饶春明", f"stringName=欧阳{i}")
        author = author.replace("lastName=RAO", f"lastName=RAO{i}")
        many.append(author)
    citation = read_one(SEED_DUMP[:start] + ", ".join(many) + SEED_DUMP[end:])
    assert [n.family for n in citation.text("en").authors] == [f"RAO{i}" for i in reversed(range(25))]
    assert citation.text("zh").authors[0] == Name(family="欧阳", given="24")


def test_authors_null_falls_back_to_authors_list():
    start, end = _authors_block(SEED_DUMP)
    dump = SEED_DUMP[: start - 1] + "null" + SEED_DUMP[end + 1 :]
    citation = read_one(dump)
    assert citation.text("zh").authors == (Name(family="饶", given="春明"), Name(family="庞", given="琳"))
    assert citation.text("en").authors == (Name(family="RAO", given="Chun-ming"), Name(family="PANG", given="Lin"))


def test_last_field_with_brackets_ends_where_the_parent_accepts():
    start, end = _authors_block(SEED_DUMP)
    dump = SEED_DUMP[: start - 1] + "null" + SEED_DUMP[end + 1 :]
    dump = en_ext_replace("authorsList=Chun-ming RAO, Lin PANG)", "authorsList=Zhang (x), Li Si)", dump)
    citation = read_one(dump)
    assert [n.whole for n in citation.text("en").authors] == ["Zhang (x)", "Li Si"]


def test_author_without_english_names_uses_the_other_language():
    dump = SEED_DUMP.replace(
        "stringName=Chun-ming RAO, firstName=Chun-ming, middleName=null, lastName=RAO",
        "stringName=null, firstName=null, middleName=null, lastName=null",
    )
    citation = read_one(dump)
    assert citation.text("en").authors[0].whole == "饶春明"


def test_doi_prefix_dropped_and_article_number_kept():
    dump = replace_once(
        SEED_DUMP,
        "articleNumber=null, orderNo=null, doi=null",
        "articleNumber=e2024001, orderNo=null, doi=https://doi.org/10.16155/j.0254-1793.2025.01.01",
    )
    citation = read_one(dump)
    assert citation.doi == "10.16155/j.0254-1793.2025.01.01"
    assert citation.number == "e2024001"


def test_online_first_without_issue():
    dump = re.sub(
        r"issue=Issue\{.*?\}, startPage=1, endPage=3", "issue=null, startPage=null, endPage=null", SEED_DUMP, count=1, flags=re.S
    )
    dump = dump.replace("pubDate=1738252800000, pubDateStr=2025-01-31", "pubDate=null, pubDateStr=null")
    dump = dump.replace(
        "onlineFirstDate=null, onlineFirstDateStr=null", "onlineFirstDate=1716220800000, onlineFirstDateStr=2024-05-21"
    )
    citation = read_one(dump)
    assert citation.online_first
    assert citation.issued is not None and citation.issued.iso() == "2024-05-21"
    assert citation.volume is None and citation.page_first is None


def test_keyword_objects_and_language_maps():
    objects = (
        "keywords=[ArticleKeyword(id=1, tenantId=2, journalId=3, articleId=4, language=EN, keyword=quality control, orderNo=1), "
        "ArticleKeyword(id=5, tenantId=2, journalId=3, articleId=4, language=CN, keyword=干细胞, orderNo=0), "
        "ArticleKeyword(id=6, tenantId=2, journalId=3, articleId=4, language=EN, keyword=stem cell, orderNo=0)]"
    )
    citation = read_one(replace_once(SEED_DUMP, "keywords=null", objects))
    assert citation.text("en").keywords == ("stem cell", "quality control")
    assert citation.text("zh").keywords == ("干细胞",)
    citation = read_one(
        replace_once(SEED_DUMP, "keywords=null", "keywords={CN=[干细胞, 质量控制], EN=[stem cell, quality control]}")
    )
    assert citation.text("zh").keywords == ("干细胞", "质量控制")
    assert citation.text("en").keywords == ("stem cell", "quality control")


def test_crlf_and_bom():
    text = "\ufeff" + SEED_TEXT.replace("\n", "\r\n")
    assert read_one(text) == seed_citation()


def test_issue_dump_many_records_blank_lines_and_junk():
    second = SEED_DUMP.replace("id=1241314566194393863, tenantId", "id=42, tenantId", 1)
    text = SEED_TEXT + "\n\n" + second + "\nArticle(s) in this issue\n" + SEED_TEXT
    records = read_all(text)
    assert [r.citation.id for r in records] == ["1241314566194393863", "42", "1241314566194393863"]
    assert [r.number for r in records] == [1, 2, 3]
    assert records[1].line == 60


def test_a_value_holding_a_line_that_starts_a_record():
    abstract = "First paragraph.\nArticle(id=1, tenantId=2) is quoted here, title=x\nLast paragraph."
    dump = en_ext_replace("articleAbstract=null,", f"articleAbstract={abstract},")
    records = read_all(dump + "\n" + SEED_PAGE + "\n" + SEED_TEXT)
    assert [r.error for r in records] == [None, None]
    assert records[0].citation.text("en").abstract == abstract


def test_truncated_record_is_an_error_and_the_others_still_read():
    broken = SEED_DUMP[: SEED_DUMP.index("columnId=") + 12]
    records = read_all(SEED_TEXT + "\n" + broken + "\n" + SEED_TEXT)
    assert [r.ok for r in records] == [True, False, True]
    error = records[1].error
    assert isinstance(error, ParseError)
    assert error.file == "test.txt" and error.record == 2
    assert error.field and error.field.startswith("ArticleExt.")
    assert "record 2" in str(error) and "test.txt" in str(error)


def test_typed_field_with_text_is_an_error_naming_the_field():
    records = read_all(SEED_DUMP.replace("columnId=1241314566538326794", "columnId=abc", 1))
    assert not records[0].ok
    assert records[0].error.field == "ArticleExt.columnId"


def test_schema_drift_is_an_error_not_a_silent_swallow():
    # Removing a field from the EN ArticleExt used to make runingTitle swallow the CN block.
    records = read_all(en_ext_replace("highlight=null, ", ""))
    assert not records[0].ok
    assert records[0].error.field is not None and "ArticleExt" in records[0].error.field


def test_unknown_field_after_a_typed_field_parses_with_a_warning():
    citation_records = read_all(
        en_ext_replace("columnId=1241314566538326794, ", "columnId=1241314566538326794, newField=Some, text, ")
    )
    assert citation_records[0].ok
    assert citation_records[0].citation.text("en").title == EN_TITLE
    assert any("newField" in w for w in citation_records[0].warnings)


def test_unknown_class_in_an_open_slot_parses_generically():
    dump = replace_once(SEED_DUMP, "funds=null", "funds=[Grant(id=1, name=NSFC (81973287), amount=null)]")
    assert read_one(dump) == seed_citation()


def test_no_ext_at_all_is_an_error():
    dump = re.sub(r"ext=\{EN=ArticleExt\(.*?\)\}, authors=", "ext={}, authors=", SEED_DUMP, count=1, flags=re.S)
    records = read_all(dump)
    assert not records[0].ok and records[0].error.field == "Article.ext"


@pytest.mark.parametrize(
    ("string_name", "expected"),
    [
        ("WHO Working Group", Name(literal="WHO Working Group")),
        ("National Pharmacopoeia Commission", Name(literal="National Pharmacopoeia Commission")),
        ("Chun-ming RAO", Name(family="RAO", given="Chun-ming")),
        ("Lin Pang", Name(family="Pang", given="Lin")),
    ],
)
def test_string_name_only_english_names(string_name, expected):
    dump = SEED_DUMP.replace(
        "stringName=Chun-ming RAO, firstName=Chun-ming, middleName=null, lastName=RAO",
        f"stringName={string_name}, firstName=null, middleName=null, lastName=null",
    )
    assert read_one(dump).text("en").authors[0] == expected


def test_chinese_organisation_stays_whole():
    dump = SEED_DUMP.replace("stringName=饶春明", "stringName=国家药典委员会")
    assert read_one(dump).text("zh").authors[0] == Name(literal="国家药典委员会")


def test_two_records_glued_on_one_line_are_an_error_not_a_silent_loss():
    records = read_all(SEED_DUMP + SEED_TEXT)
    assert len(records) == 1 and not records[0].ok
    assert records[0].error.field == "Article.reference" and "same line" in records[0].error.message


@given(st.lists(st.integers(0, 400), max_size=20))
def test_chunks_are_the_same_whatever_the_pieces(cuts):
    """Blocks of lines (as the file reader sends them) split exactly as single lines do."""
    from citeexport.formats.dump.chunks import split_chunks
    from citeexport.inputs import split_lines

    text = "\ufeffjunk\n" + SEED_TEXT + "\nArticle(s) x\n\n" + SEED_TEXT.replace("\n", "\r\n") + "\nArticle(id=1"
    lines = list(split_lines(text))
    bounds = sorted({min(c, len(lines)) for c in cuts} | {0, len(lines)})
    pieces = ["".join(lines[a:b]) for a, b in itertools.pairwise(bounds) if a < b]
    as_lines = [(c.line, c.offset, c.text) for c in split_chunks(lines)]
    assert [(c.line, c.offset, c.text) for c in split_chunks(pieces)] == as_lines
    assert len(as_lines) == 4


def test_a_record_cut_short_names_the_field_that_never_ends():
    records = read_all(SEED_DUMP[:300])
    assert records[0].error.field == "Article.articleTypeStr"
    assert "never ends: no receivedDate= follows" in records[0].error.message


@pytest.mark.parametrize("raw", [False, True], ids=["decoded-lines", "raw-bytes"])
def test_a_record_over_the_size_cap_is_read_that_far_and_the_next_one_still_reads(monkeypatch, raw):
    import citeexport.formats.dump.chunks as dump_chunks
    from citeexport.formats.dump.reader import DumpReader

    monkeypatch.setattr(dump_chunks, "MAX_RECORD_CHARS", len(SEED_DUMP) + 100)
    long_page = SEED_TEXT + "\n" + "页面文字\n" * 5000  # the dump fits, the page text is cut
    long_dump = SEED_DUMP.replace("articleAbstract=null", "articleAbstract=" + "长" * 5000, 1)
    text = long_page + "\n" + long_dump + "\n" + SEED_TEXT
    records = list(DumpReader().read_encoded([text.encode()], "utf-8", "test.txt")) if raw else read_all(text)
    assert [r.ok for r in records] == [True, False, True]
    assert "longer than" in records[1].error.message
    assert records[2].citation == seed_citation() and records[2].number == 3


@pytest.mark.parametrize("position", ["first", "last"])
def test_last_text_of_an_author_ext_may_hold_a_fake_map_entry(position):
    """Rule 3 inside ``Author.ext``: ``, CN=fake`` does not open an entry, as what follows ``CN=`` is
    not ``AuthorExt(``; the value is text, in the map's first entry and in its last."""
    value = "Prof. (Dr.), CN=fake"
    old = "bioContent=null, aboutCorrespAuthor=null), CN=AuthorExt(" if position == "first" else "aboutCorrespAuthor=null)}"
    new = old.replace("aboutCorrespAuthor=null", f"aboutCorrespAuthor={value}")
    dump = replace_once(SEED_DUMP, old, new)
    assert read_one(dump + "\n" + SEED_PAGE) == seed_citation()
    from citeexport.formats.dump.reader import parse_record_text

    for fast in (True, False):
        tree, _ = parse_record_text(dump, fast=fast)
        ext = tree.get("authors")[0].get("ext")
        assert set(ext) == {"EN", "CN"}
        if not fast:  # the fast tree holds only what citations use
            assert ext["EN" if position == "first" else "CN"].get("aboutCorrespAuthor") == value


def test_suffix_pmid_and_submitted_date_are_mapped():
    """AuthorExt.suffix, Article.pmid and receivedDateStr (the mapping's docstring), by both parsers."""
    dump = replace_once(SEED_DUMP, "lastName=RAO, prefix=null, suffix=null", "lastName=RAO, prefix=null, suffix=Jr.")
    dump = replace_once(dump, "doi=null, pmid=null", "doi=null, pmid=39876543")
    dump = replace_once(dump, "receivedDate=null, receivedDateStr=null", "receivedDate=null, receivedDateStr=2024-10-08")
    for fast in (True, False):
        tree, _ = parse_record_text(dump, fast=fast)
        citation = citation_from_tree(tree)
        assert citation.text("en").authors[0] == Name(family="RAO", given="Chun-ming", suffix="Jr.")
        assert citation.text("zh").authors[0] == Name(family="饶", given="春明")  # a CJK name has no suffix
        assert citation.extra == {"PMID": "39876543"} and citation.submitted == Date(year=2024, month=10, day=8)


def test_the_seed_has_no_suffix_pmid_or_submitted_date():
    citation = read_one(SEED_TEXT)
    assert citation.extra == {} and citation.submitted is None
    assert all(name.suffix is None for lang in citation.languages for name in citation.text(lang).authors)

"""values.py: the one place every reader parses dates, pages, DOIs, URLs, keywords, languages and suffix letters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeexport.cjk import has_cjk
from citeexport.model import Date
from citeexport.values import (
    LANGUAGE_CODES,
    clean_doi,
    clean_url,
    date_from_parts,
    date_parts,
    iso_date,
    language_code,
    language_of,
    month_number,
    parse_date,
    record_language,
    split_keywords,
    split_pages,
    suffix_letters,
)


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("2025/01/31", None, Date(year=2025, month=1, day=31)),
        ("2025/01/31/", None, Date(year=2025, month=1, day=31)),
        ("2025///Spring", None, Date(year=2025, season=1)),
        ("2025-01-31", None, Date(year=2025, month=1, day=31)),
        ("2025年1月", None, Date(year=2025, month=1)),
        ("January 31", "2025", Date(year=2025, month=1, day=31)),
        ("Jan 31", "2025", Date(year=2025, month=1, day=31)),
        ("august", "2019", Date(year=2019, month=8)),
        ("March 3, 2021", None, Date(year=2021, month=3, day=3)),
        (None, "2025/01/31/", Date(year=2025, month=1, day=31)),  # the 2001 RIS year tag holding the date
        (None, "2025", Date(year=2025)),
        ("2025/13/40", None, Date(literal="2025/13/40")),  # no such month: kept as written, never a wrong date
        (None, None, None),
        # every spelling of issue 12: no record is rejected for its date
        ("In press", None, Date(literal="In press")),
        (None, "In press", Date(literal="In press")),
        (None, "n.d.", Date(literal="n.d.")),
        ("c. 1900", None, Date(year=1900, circa=True)),
        ("ca. 1900", None, Date(year=1900, circa=True)),
        ("circa 1900", None, Date(year=1900, circa=True)),
        ("[1887]", None, Date(year=1887)),
        ("[c. 1887]", None, Date(year=1887, circa=True)),
        ("-0876", None, Date(year=-876)),
        ("877 BC", None, Date(year=-876)),
        ("20uu", None, Date(literal="20uu")),
        ("1900~", None, Date(year=1900, circa=True)),
        ("1900?", None, Date(year=1900, circa=True)),
        ("2004-21", None, Date(year=2004, season=1)),
        ("2004-24", None, Date(year=2004, season=4)),
        ("Spring 1998", None, Date(year=1998, season=1)),
        ("1998///Spring", None, Date(year=1998, season=1)),
        ("Spring", "1998", Date(year=1998, season=1)),
        ("2001/2003", None, Date(year=2001, end=Date(year=2003))),
        ("1999-2001", None, Date(year=1999, end=Date(year=2001))),
        ("2001-03/2001-05", None, Date(year=2001, month=3, end=Date(year=2001, month=5))),
        ("2025 Jan 31", None, Date(year=2025, month=1, day=31)),
        ("31 January 2025", None, Date(year=2025, month=1, day=31)),
        ("Jan. 2025", None, Date(year=2025, month=1)),
        ("2025年1月31日", None, Date(year=2025, month=1, day=31)),
        ("2025-01-31T08:00:00Z", None, Date(year=2025, month=1, day=31)),
        ("2025-02-30", None, Date(literal="2025-02-30")),
        ("2005a", None, Date(literal="2005a")),
        ("January 31", None, Date(literal="January 31")),
        ("someday", None, Date(literal="someday")),
        (None, "MMXXV", Date(literal="MMXXV")),
    ],
)
def test_parse_date(text: str | None, year: str | None, expected: Date | None) -> None:
    assert parse_date(text, year) == expected


def test_a_date_text_dropped_for_the_year_is_warned() -> None:
    warnings: list[str] = []
    assert parse_date("someday", "2025", warnings) == Date(year=2025)
    assert warnings == ["date 'someday' not read as a date: the year '2025' kept"]


@pytest.mark.parametrize(
    ("parts", "date", "problem"),
    [
        ([2025, 1, 31], Date(year=2025, month=1, day=31), None),
        (["2014"], Date(year=2014), None),
        ([2020, 21], Date(year=2020, season=1), None),  # EDTF's spring, as a month
        ([1965, 13, 1], Date(year=1965, season=1), "day 1 of season 13 dropped"),  # the CSL test suite: Spring
        ([1965, 24], Date(year=1965, season=4), None),
        ([1965, -1, 1], Date(literal="1965--1-1"), "no such date: 1965--1-1"),
        ([1965, 60], Date(literal="1965-60"), "no such date: 1965-60"),
        ([2025, "x"], Date(literal="2025-x"), "date part 'x' is not a number"),
        ([2025, 0], Date(year=2025), None),
    ],
)
def test_date_from_csl_parts(parts: list[object], date: Date, problem: str | None) -> None:
    assert date_from_parts(parts) == (date, problem)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-01-31", Date(year=2025, month=1, day=31)),
        ("2025-01-31 08:00:00", Date(year=2025, month=1, day=31)),
        ("2025-1", Date(year=2025, month=1)),
        ("2025", Date(year=2025)),
        ("2025-13-01", None),  # not a date: the caller may have another source
        ("2025-02-32", None),
        ("0000", None),
        ("January 2025", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(text: str | None, expected: Date | None) -> None:
    assert iso_date(text) == expected


def test_date_parts_drop_what_is_out_of_range() -> None:
    assert date_parts(2025, 1, 31) == Date(year=2025, month=1, day=31)
    assert date_parts(2025, 13, 5) == Date(year=2025)
    assert date_parts(2025, 2, 40) == Date(year=2025, month=2)
    assert date_parts(2025) == Date(year=2025)


@pytest.mark.parametrize(
    ("text", "month"), [("3", 3), ("mar", 3), ("March", 3), ("Mar.", 3), (" dec ", 12), ("13", None), ("foo", None), (None, None)]
)
def test_month_number(text: str | None, month: int | None) -> None:
    assert month_number(text) == month


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        ("1-3", ("1", "3")),
        ("1--3", ("1", "3")),
        ("1–3", ("1", "3")),
        (" 1 - 3 ", ("1", "3")),
        ("e123", ("e123", None)),
        ("1106-1111+1117", ("1106", "1111+1117")),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_split_pages(text: str | None, pages: tuple[str | None, str | None]) -> None:
    assert split_pages(text) == pages


@pytest.mark.parametrize(
    ("value", "lang"),
    [
        ("zh", "zh"),
        ("zh-CN", "zh"),
        ("zh-Hant-TW", "zh"),
        ("chi", "zh"),
        ("Chinese", "zh"),
        ("中文", "zh"),
        ("cn", "zh"),
        ("en", "en"),
        ("en-US", "en"),
        ("English", "en"),
        ("英文", "en"),
        ("de", "de"),
        ("de-AT", "de"),
        ("German", "de"),
        ("ger", "de"),
        ("ja-JP", "ja"),
        ("日文", "ja"),
        ("Klingonish", None),
        ("", None),
        (None, None),
    ],
)
def test_language_of(value: str | None, lang: str | None) -> None:
    assert language_of(value) == lang


def test_record_language_falls_back_to_the_title_with_a_warning() -> None:
    warnings: list[str] = []
    assert record_language("zh-CN", "Title", warnings) == ("zh", "zh-CN") and warnings == []
    assert record_language("fr", "干细胞", warnings) == ("fr", "fr") and warnings == []  # never en-US
    assert record_language("Chinese", "Title", warnings) == ("zh", None) and warnings == []
    assert record_language("xx-nonsense-!", "干细胞", warnings) == ("zh", None) and "unknown language" in warnings[0]
    assert record_language(None, "Stem cells", warnings) == ("en", None) and len(warnings) == 1


def test_the_written_language_codes_are_iso_639_1() -> None:
    assert LANGUAGE_CODES == {"zh": "zh", "en": "en"}
    assert all(language_of(code) == lang for lang, code in LANGUAGE_CODES.items())
    assert language_code("de") == "de"


@pytest.mark.parametrize(
    ("value", "commas", "keywords"),
    [
        ("小麦;抗旱;转基因", False, ["小麦", "抗旱", "转基因"]),
        ("a ； b;;c ", False, ["a", "b", "c"]),
        ("heat, mass transfer; flow", False, ["heat, mass transfer", "flow"]),  # tagged: a comma is part of a keyword
        ("heat, mass transfer; flow", True, ["heat", "mass transfer", "flow"]),
        ("干细胞，端粒酶；RT-qPCR", True, ["干细胞", "端粒酶", "RT-qPCR"]),
        ("", True, []),
        (None, False, []),
    ],
)
def test_split_keywords(value: str | None, commas: bool, keywords: list[str]) -> None:
    assert split_keywords(value, commas=commas) == keywords


@pytest.mark.parametrize(
    ("value", "doi", "warned"),
    [
        ("10.1/x", "10.1/x", False),
        ("https://doi.org/10.1/x", "10.1/x", True),
        ("http://dx.doi.org/10.1/x", "10.1/x", True),
        ("DOI: 10.1/x", "10.1/x", True),
        ("https://doi.org/", None, True),
        (None, None, False),
    ],
)
def test_clean_doi(value: str | None, doi: str | None, warned: bool) -> None:
    warnings: list[str] = []
    assert clean_doi(value, warnings) == doi
    assert bool(warnings) is warned
    assert clean_doi(value) == doi  # without a list: no warning, same value


def test_clean_url_repairs_braces_and_a_space_after_the_scheme() -> None:
    warnings: list[str] = []
    assert clean_url("{http://a.cn/x}", warnings) == "http://a.cn/x" and "URL in braces" in warnings[0]
    assert clean_url("https: //a.cn/y", warnings) == "https://a.cn/y" and "space after the URL scheme" in warnings[1]
    assert clean_url("https://a.cn/z", warnings) == "https://a.cn/z" and len(warnings) == 2


def test_suffix_letters_are_bijective_base_26() -> None:
    assert [suffix_letters(n) for n in (1, 2, 26, 27, 28, 52, 53, 702, 703)] == [
        "a",
        "b",
        "z",
        "aa",
        "ab",
        "az",
        "ba",
        "zz",
        "aaa",
    ]


@given(st.integers(1, 20_000), st.integers(1, 20_000))
def test_suffix_letters_are_distinct_and_keep_the_order_of_length(a: int, b: int) -> None:
    assert (suffix_letters(a) == suffix_letters(b)) is (a == b)
    if a < b:
        assert len(suffix_letters(a)) <= len(suffix_letters(b))


def test_has_cjk() -> None:
    assert has_cjk("干细胞") and has_cjk("かな") and has_cjk("한글") and has_cjk("𠀋")
    assert not has_cjk("Stem cells") and not has_cjk("，") and not has_cjk("") and not has_cjk(None)

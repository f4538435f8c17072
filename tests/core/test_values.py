"""values.py: the one place every reader parses dates, pages, DOIs, URLs, keywords, languages and suffix letters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeexport.cjk import has_cjk
from citeexport.model import DateParts
from citeexport.values import (
    LANGUAGE_CODES,
    clean_doi,
    clean_url,
    date_parts,
    iso_date,
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
        ("2025/01/31", None, DateParts(year=2025, month=1, day=31)),
        ("2025/01/31/", None, DateParts(year=2025, month=1, day=31)),
        ("2025///Spring", None, DateParts(year=2025)),
        ("2025-01-31", None, DateParts(year=2025, month=1, day=31)),
        ("2025年1月", None, DateParts(year=2025, month=1)),
        ("January 31", "2025", DateParts(year=2025, month=1, day=31)),
        ("Jan 31", "2025", DateParts(year=2025, month=1, day=31)),
        ("august", "2019", DateParts(year=2019, month=8)),
        ("March 3, 2021", None, DateParts(year=2021, month=3, day=3)),
        (None, "2025/01/31/", DateParts(year=2025, month=1, day=31)),  # the 2001 RIS year tag holding the date
        (None, "2025", DateParts(year=2025)),
        ("2025/13/40", None, DateParts(year=2025)),  # no such month: the year only
        (None, None, None),
    ],
)
def test_parse_date(text: str | None, year: str | None, expected: DateParts | None) -> None:
    assert parse_date(text, year) == expected


@pytest.mark.parametrize(("text", "year"), [("January 31", None), ("someday", None), (None, "MMXXV")])
def test_parse_date_without_a_year_is_a_value_error(text: str | None, year: str | None) -> None:
    with pytest.raises(ValueError):
        parse_date(text, year)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-01-31", DateParts(year=2025, month=1, day=31)),
        ("2025-01-31 08:00:00", DateParts(year=2025, month=1, day=31)),
        ("2025-1", DateParts(year=2025, month=1)),
        ("2025", DateParts(year=2025)),
        ("2025-13-01", None),  # not a date: the caller may have another source
        ("2025-02-32", None),
        ("0000", None),
        ("January 2025", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(text: str | None, expected: DateParts | None) -> None:
    assert iso_date(text) == expected


def test_date_parts_drop_what_is_out_of_range() -> None:
    assert date_parts(2025, 1, 31) == DateParts(year=2025, month=1, day=31)
    assert date_parts(2025, 13, 5) == DateParts(year=2025)
    assert date_parts(2025, 2, 40) == DateParts(year=2025, month=2)
    assert date_parts(2025) == DateParts(year=2025)


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
        ("de", None),
        ("", None),
        (None, None),
    ],
)
def test_language_of(value: str | None, lang: str | None) -> None:
    assert language_of(value) == lang


def test_record_language_falls_back_to_the_title_with_a_warning() -> None:
    warnings: list[str] = []
    assert record_language("zh-CN", "Title", warnings) == "zh" and warnings == []
    assert record_language("fr", "干细胞", warnings) == "zh" and "unknown language 'fr'" in warnings[0]
    assert record_language(None, "Stem cells", warnings) == "en" and len(warnings) == 1


def test_the_written_language_codes_are_iso_639_1() -> None:
    assert LANGUAGE_CODES == {"zh": "zh", "en": "en"}
    assert all(language_of(code) == lang for lang, code in LANGUAGE_CODES.items())


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

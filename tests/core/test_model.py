"""model.py: CSL types and roles, languages by primary subtag, names with particles and suffixes, one Date."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from citeexport.model import CSL_TYPES, ROLES, Citation, Date, LocalizedText, Name, primary_subtag


def test_every_csl_1_0_2_item_type_and_nothing_else() -> None:
    assert len(CSL_TYPES) == 45 and {"article-journal", "thesis", "legal_case", "post-weblog", "webpage"} <= set(CSL_TYPES)
    assert all(Citation(type=t).type == t for t in CSL_TYPES)
    with pytest.raises(ValidationError):
        Citation(type="journal-article")  # type: ignore[arg-type]


def test_names_by_role_and_the_authors_shortcut() -> None:
    king = Name(family="King", given="Martin Luther", suffix="Jr.")
    text = LocalizedText(authors=(king,), names={"editor": (Name(literal="WHO"),), "translator": ()})
    assert text.authors == (king,) and text.names == {"author": (king,), "editor": (Name(literal="WHO"),)}
    assert text == LocalizedText(names={"author": (king,), "editor": (Name(literal="WHO"),)})
    assert "author" in ROLES and "container-author" in ROLES and "collection-editor" in ROLES
    with pytest.raises(ValidationError):
        LocalizedText(names={"writer": (king,)})  # type: ignore[dict-item]
    with pytest.raises(ValidationError):
        LocalizedText(authors=(king,), names={"author": (king,)})


@pytest.mark.parametrize(
    ("name", "whole", "inverted", "csl"),
    [
        (
            Name(family="King", given="Martin Luther", suffix="Jr."),
            "Martin Luther King Jr.",
            "King, Martin Luther, Jr.",
            {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
        ),
        (
            Name(family="King", given="Martin Luther", suffix="Jr.", comma_suffix=True),
            "Martin Luther King, Jr.",
            "King, Martin Luther, Jr.",
            {"family": "King", "given": "Martin Luther", "suffix": "Jr.", "comma-suffix": True},
        ),
        (
            Name(family="Gogh", given="Vincent", non_dropping_particle="van"),
            "Vincent van Gogh",
            "van Gogh, Vincent",
            {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
        ),
        (
            Name(family="Beethoven", given="Ludwig", dropping_particle="van"),
            "Ludwig van Beethoven",
            "Beethoven, Ludwig van",
            {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
        ),
        (Name(family="饶", given="春明"), "饶春明", "饶春明", {"family": "饶", "given": "春明"}),
        (
            Name(literal="World Health Organization"),
            "World Health Organization",
            "World Health Organization",
            {"literal": "World Health Organization"},
        ),
    ],
)
def test_name_forms(name: Name, whole: str, inverted: str, csl: dict[str, object]) -> None:
    assert (name.whole, name.inverted, name.csl()) == (whole, inverted, csl)


def test_languages_are_primary_subtags_zh_first_en_second_then_as_read() -> None:
    texts = {lang: LocalizedText(title=lang) for lang in ("de", "en", "ja", "zh")}
    citation = Citation(texts=texts)
    assert citation.languages == ("zh", "en", "de", "ja")
    assert [citation.language_tag(lang) for lang in citation.languages] == ["zh-CN", "en-US", "de", "ja"]
    tagged = Citation(texts={"zh": LocalizedText(language="zh-TW"), "en": LocalizedText(language="en-US")})
    assert tagged.language_tag("zh") == "zh-TW" and tagged.texts["en"].language is None  # the default is not spelled out
    with pytest.raises(ValidationError):
        Citation(texts={"de": LocalizedText(language="fr")})
    with pytest.raises(ValidationError):
        Citation(texts={"zh-CN": LocalizedText()})
    assert primary_subtag("zh-Hans-CN") == "zh" and primary_subtag("EN_us") == "en"


def test_status_and_the_online_first_shortcut() -> None:
    assert Citation(online_first=True).status == "online-first" and Citation(online_first=True).online_first
    assert Citation(status="In press").online_first is False
    assert Citation(online_first=False) == Citation()


def test_pages_prefer_the_page_text() -> None:
    assert Citation(page_first="1", page_last="3").pages == "1-3"
    assert Citation(page_first="1106", page="1106-1111+1117").pages == "1106-1111+1117"


@pytest.mark.parametrize(
    ("date", "iso", "edtf", "csl"),
    [
        (Date(year=2025, month=1, day=31), "2025-01-31", "2025-01-31", {"date-parts": [[2025, 1, 31]]}),
        (Date(year=-876), "-0876", "-0876", {"date-parts": [[-877]]}),  # 877 BC: CSL counts BCE
        (Date(year=0), "0000", "0000", {"date-parts": [[-1]]}),  # 1 BC: CSL has no year 0
        (Date(year=-43, month=3, day=15), "-0043-03-15", "-0043-03-15", {"date-parts": [[-44, 3, 15]]}),  # CSL test suite
        (Date(year=1900, circa=True), "1900", "1900~", {"date-parts": [[1900]], "circa": True}),
        (Date(year=2004, season=1), "2004", "2004-21", {"date-parts": [[2004]], "season": 1}),
        (Date(year=2004, season="Lent term"), "2004", None, {"date-parts": [[2004]], "season": "Lent term"}),
        (
            Date(year=2001, month=3, end=Date(year=2001, month=5)),
            "2001-03",
            "2001-03/2001-05",
            {"date-parts": [[2001, 3], [2001, 5]]},
        ),
        (Date(literal="In press"), None, None, {"literal": "In press"}),
    ],
)
def test_date_forms(date: Date, iso: str | None, edtf: str | None, csl: dict[str, object]) -> None:
    assert (date.iso(), date.edtf(), date.csl()) == (iso, edtf, csl)


@pytest.mark.parametrize(
    "fields",
    [
        {"year": 2025, "month": 13},
        {"year": 2025, "month": 0},
        {"year": 2025, "day": 3},
        {"year": 2025, "month": 2, "day": 32},
        {"year": 2025, "season": 5},
        {"year": 2025, "month": 3, "season": 1},
        {},
        {"literal": "n.d.", "year": 2000},
        {"year": 2000, "end": {"literal": "x"}},
    ],
)
def test_dates_the_model_does_not_hold(fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Date.model_validate(fields)


def test_text_is_normalised_not_rejected() -> None:
    text = LocalizedText(title=" Cafe\u0301 ", keywords=("  ", "a"), publisher="")
    assert (text.title, text.keywords, text.publisher) == ("Café", ("a",), None)
    assert Citation(extra={"PMID": " 123 ", "note": " "}).extra == {"PMID": "123"}

"""Citation keys: the documented stem rules, ASCII only, unique and deterministic within one output."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeexport.formats.bibtex.keys import (
    MAX_KEY_LENGTH,
    KeyRegistry,
    first_word,
    fold_ascii,
    key_stem,
    name_token,
    surname_pinyin,
)
from citeexport.model import Citation, Date, LocalizedText, Name


def article(zh_authors=(), en_authors=(), zh_title=None, en_title=None, year: int | None = 2025) -> Citation:
    texts = {}
    if zh_authors or zh_title:
        texts["zh"] = LocalizedText(title=zh_title, authors=tuple(zh_authors))
    if en_authors or en_title:
        texts["en"] = LocalizedText(title=en_title, authors=tuple(en_authors))
    return Citation(issued=Date(year=year) if year else None, texts=texts)


def test_seed_key(seed: Citation) -> None:
    assert key_stem(seed) == "rao2025special"


@pytest.mark.parametrize(
    ("name", "token"),
    [
        (Name(family="饶", given="春明"), "rao"),
        (Name(family="欧阳", given="修"), "ouyang"),
        (Name(family="单", given="田芳"), "shan"),
        (Name(family="曾", given="国藩"), "zeng"),
        (Name(family="吕", given="布"), "lv"),
        (Name(family="Müller", given="Jörg"), "muller"),
        (Name(family="Ødegård", given="Åse"), "odegard"),
        (Name(family="O'Brien-Smith", given="Pat"), "obriensmith"),
        (Name(family="Straße", given="A"), "strasse"),
        (Name(literal="国家药典委员会"), "guojia"),
        (Name(literal="The World Health Organization"), "world"),
        (Name(given="Plato"), "plato"),
    ],
)
def test_name_token(name: Name, token: str) -> None:
    assert name_token(name) == token


def test_surname_reading_differs_from_everyday_reading() -> None:
    assert fold_ascii("单") == "dan"  # pypinyin's everyday reading …
    assert surname_pinyin("单") == "shan"  # … is not the surname's


@pytest.mark.parametrize(
    ("title", "word"),
    [
        ("The Role of AAV in Gene Therapy", "role"),
        ("On <i>E. coli</i>", "e"),
        ("Über Zellen", "uber"),
        ("干细胞产品质量研究与检测专栏", "gan"),
        ("关于干细胞的研究", "gan"),
        ("AAV载体", "aav"),
        ("of the and", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_first_word(title: str | None, word: str) -> None:
    assert first_word(title) == word


def test_chinese_article_prefers_the_chinese_first_author() -> None:
    citation = article([Name(family="庞", given="琳")], [Name(family="RAO", given="Chun-ming")], "题名", "Stem Cells")
    assert key_stem(citation) == "pang2025stem"


def test_english_authors_when_the_chinese_text_has_none() -> None:
    citation = article([], [Name(family="RAO", given="Chun-ming")], "干细胞", "Stem Cells")
    assert key_stem(citation) == "rao2025stem"


def test_chinese_title_word_when_there_is_no_english_title() -> None:
    assert key_stem(article([Name(family="饶", given="春明")], zh_title="干细胞产品")) == "rao2025gan"


def test_no_author_starts_with_the_title_word() -> None:
    assert key_stem(article(en_title="Special Column")) == "special2025"
    assert key_stem(article(en_title="Special Column", year=None)) == "special"


def test_nothing_usable_gives_anon() -> None:
    assert key_stem(article(en_title="Ἀρχή", year=None)) == "anon"


def test_registry_suffixes_collisions_and_skips_taken_keys() -> None:
    registry = KeyRegistry()
    assert [registry.claim("rao2025special") for _ in range(3)] == ["rao2025special", "rao2025speciala", "rao2025specialb"]
    assert registry.claim("rao2025speciala") == "rao2025specialaa"  # its own stem was already handed out
    keys = [registry.claim("x") for _ in range(30)]
    assert keys[:2] == ["x", "xa"] and keys[26:28] == ["xz", "xaa"]
    assert len(set(keys)) == 30


NAMES = st.one_of(
    st.builds(Name, family=st.text(min_size=1, max_size=6), given=st.text(max_size=6)),
    st.builds(Name, literal=st.text(min_size=1, max_size=12)),
    st.builds(Name, family=st.sampled_from(["饶", "欧阳", "单", "庞"]), given=st.sampled_from(["春明", "琳"])),
)


@st.composite
def citations(draw: st.DrawFn) -> Citation:
    texts = {}
    for lang in draw(st.lists(st.sampled_from(["zh", "en"]), unique=True)):
        texts[lang] = LocalizedText(title=draw(st.text(max_size=30)), authors=tuple(draw(st.lists(NAMES, max_size=3))))
    year = draw(st.one_of(st.none(), st.integers(1000, 2100)))
    return Citation(issued=Date(year=year) if year else None, texts=texts)


@settings(max_examples=200, deadline=None)
@given(st.lists(citations(), min_size=1, max_size=8))
def test_keys_are_ascii_unique_and_deterministic(batch: list[Citation]) -> None:
    def run() -> list[str]:
        registry = KeyRegistry()
        return [registry.claim(key_stem(citation)) for citation in batch]

    keys = run()
    assert all(re.fullmatch(r"[a-z0-9]+", key) for key in keys), keys
    assert len(set(keys)) == len(keys)
    assert run() == keys


def test_a_huge_title_word_gives_a_key_of_at_most_40_characters() -> None:
    """A 50 MB word must not become a 50 MB key (issue 15)."""
    word = "x" * (50 * 1024 * 1024)
    stem = key_stem(article(en_authors=[Name(family="Smith", given="J")], en_title=word))
    assert stem == ("smith2025" + "x" * 31) and len(stem) == MAX_KEY_LENGTH == 40
    assert len(key_stem(article(en_authors=[Name(family=word)], en_title="Title"))) <= 40
    assert len(key_stem(article(en_title=word))) == 40 and key_stem(article(en_title=word)).endswith("2025")


def test_capped_keys_stay_unique_with_suffix_letters() -> None:
    registry = KeyRegistry()
    stem = "a" * 60
    keys = [registry.claim(stem) for _ in range(30)] + [registry.claim("a" * 39 + "b")]
    assert len(set(keys)) == len(keys) and all(len(key) <= 40 for key in keys)
    assert keys[0] == "a" * 40 and keys[1] == "a" * 39 + "b" and keys[2] == "a" * 39 + "c"  # "a" * 39 + "a" is the stem

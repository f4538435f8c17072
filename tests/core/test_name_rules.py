"""names.py as the one home of name rules: Chinese surnames, organisations, and names printed with no markup (the dump)."""

from __future__ import annotations

import pytest

from citeexport.model import Name
from citeexport.names import (
    COMMON_SURNAMES,
    COMPOUND_SURNAMES,
    cjk_name,
    cjk_person,
    looks_like_organisation,
    looks_like_organisation_name,
    parse_unmarked_name,
    split_chinese_name,
    split_name_list,
)


@pytest.mark.parametrize(
    ("whole", "parts"),
    [
        ("饶春明", ("饶", "春明")),
        ("欧阳修", ("欧阳", "修")),
        ("司马相如", ("司马", "相如")),
        ("司马迁", ("司马", "迁")),
        ("诸葛亮", ("诸葛", "亮")),
        ("张简华", ("张", "简华")),  # 张 is a common single surname: 张 + 简华, though 张简 is a compound surname too
        ("夏侯惇", ("夏", "侯惇")),  # the rule's known cost (module docstring)
        ("夏侯春明", ("夏侯", "春明")),  # four characters: a three-character given name is rare
        ("欧阳", ("欧", "阳")),  # a compound surname alone is read as a surname and a given name
        ("王", ("王", None)),
        (" 庞琳 ", ("庞", "琳")),
    ],
)
def test_split_chinese_name(whole: str, parts: tuple[str, str | None]) -> None:
    assert split_chinese_name(whole) == parts


def test_compound_surnames_are_two_characters() -> None:
    assert all(len(surname) == 2 for surname in COMPOUND_SURNAMES) and {"欧阳", "司马", "诸葛"} <= COMPOUND_SURNAMES


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("WHO Working Group", True),
        ("National Pharmacopoeia Commission", True),
        ("Peking University", True),
        ("国家药典委员会", True),
        ("中国科学院", True),
        ("Chun-ming RAO", False),
        ("Grouper Smith", False),  # whole words only
        ("饶春明", False),
    ],
)
def test_looks_like_organisation(text: str, organisation: bool) -> None:
    assert looks_like_organisation(text) is organisation


def test_common_surnames_are_single_characters_and_hold_the_commonest() -> None:
    assert len(COMMON_SURNAMES) >= 100 and all(len(surname) == 1 for surname in COMMON_SURNAMES)
    assert {"王", "李", "张", "刘", "陈"} <= COMMON_SURNAMES and not {"欧", "司", "诸"} & COMMON_SURNAMES


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("World Health Organization", True),
        ("IEEE Computer Society", True),
        ("Peking University", True),
        ("Cochrane Collaboration", True),
        ("国家卫生健康委员会", True),
        ("中国科学院", True),
        ("教育部", True),
        ("北京大学", True),
        ("Martin Luther King Jr.", False),
        ("Grace Board", False),
        ("Smith, Working Group", False),  # a comma: the reader's Family, Given
        ("王大学", False),
        ("李建国", False),
        ("欧阳修", False),
        ("阿沛·阿旺晋美", False),
    ],
)
def test_looks_like_organisation_name(text: str, organisation: bool) -> None:
    assert looks_like_organisation_name(text) is organisation


def test_cjk_person_splits_whatever_the_length_cjk_name_keeps_long_names_whole() -> None:
    assert cjk_person("欧阳24") == Name(family="欧阳", given="24")
    assert cjk_name("饶春明") == cjk_person("饶春明") == Name(family="饶", given="春明")
    assert cjk_name("国家药典委员会") == Name(literal="国家药典委员会")


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Chun-ming RAO", Name(family="RAO", given="Chun-ming")),
        ("Lin Pang", Name(family="Pang", given="Lin")),
        ("RAO Chun-ming", Name(family="RAO", given="Chun-ming")),
        ("Ludwig van Beethoven", Name(family="van Beethoven", given="Ludwig")),
        ("Smith, John", Name(family="Smith", given="John")),
        ("WHO Working Group", Name(literal="WHO Working Group")),
        ("Stem Cell Quality Control Working Group, NIFDC", Name(literal="Stem Cell Quality Control Working Group, NIFDC")),
        ("国家药典委员会", Name(literal="国家药典委员会")),
        ("饶春明", Name(family="饶", given="春明")),
        ("欧阳修", Name(family="欧阳", given="修")),
        ("饶 春明", Name(family="饶", given="春明")),
    ],
)
def test_parse_unmarked_name(printed: str, name: Name) -> None:
    assert parse_unmarked_name(printed) == name


@pytest.mark.parametrize(
    ("listed", "names"),
    [
        ("Chun-ming RAO, Lin PANG", ["Chun-ming RAO", "Lin PANG"]),
        ("饶春明，庞琳", ["饶春明", "庞琳"]),
        ("张三、李四; 王五；赵六", ["张三", "李四", "王五", "赵六"]),
        ("A, , B", ["A", "B"]),
        ("", []),
    ],
)
def test_split_name_list(listed: str, names: list[str]) -> None:
    assert split_name_list(listed) == names

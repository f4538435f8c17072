"""Printed names back into Name: the shapes exporters use, and what the writers print reads back the same."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeexport.model import Name
from citeexport.names import looks_like_cjk_person, parse_name, split_joined_names

CASES = [
    ("Smith, Mary Ann", Name(family="Smith", given="Mary Ann")),
    ("Mary Ann Smith", Name(family="Smith", given="Mary Ann")),
    ("Ludwig van Beethoven", Name(family="van Beethoven", given="Ludwig")),
    ("van Beethoven, Ludwig", Name(family="van Beethoven", given="Ludwig")),
    ("Jean de la Fontaine", Name(family="de la Fontaine", given="Jean")),
    ("de Gaulle", Name(family="de Gaulle")),
    ("King, Jr., Martin Luther", Name(family="King, Jr.", given="Martin Luther")),  # BibTeX: von Last, Jr, First
    ("King, Martin Luther, Jr.", Name(family="King, Jr.", given="Martin Luther")),  # RIS: Last, First, Suffix
    ("Martin Luther King Jr.", Name(family="King, Jr.", given="Martin Luther")),
    ("Gates, William, III", Name(family="Gates, III", given="William")),
    ("Smith, Jr", Name(family="Smith", given="Jr")),  # two parts are always Family, Given
    ("RAO Chun-ming", Name(family="RAO", given="Chun-ming")),  # GB/T capitals
    ("IEEE Computer Society", Name(family="Society", given="IEEE Computer")),  # no capitals rule past two words
    ("Plato", Name(family="Plato")),
    ("饶春明", Name(family="饶", given="春明")),
    ("欧阳修", Name(family="欧阳", given="修")),
    ("饶 春明", Name(family="饶", given="春明")),
    ("饶, 春明", Name(family="饶", given="春明")),
    ("国家药典委员会", Name(literal="国家药典委员会")),
    ("  ", None),
]


@pytest.mark.parametrize(("printed", "name"), CASES)
def test_printed_name(printed: str, name: Name | None) -> None:
    assert parse_name(printed) == name


def test_literal_is_kept_whole() -> None:
    assert parse_name("World Health Organization", literal=True) == Name(literal="World Health Organization")


@pytest.mark.parametrize(
    ("joined", "names"),
    [
        ("刘航;李丹;李绍波", ["刘航", "李丹", "李绍波"]),
        ("罗浩，何超，陈彪", ["罗浩", "何超", "陈彪"]),
        ("张三、李四", ["张三", "李四"]),
        ("王小明；张三", ["王小明", "张三"]),
        ("何贤敏,李茂西,何彦青", ["何贤敏", "李茂西", "何彦青"]),
        ("Smith, J.; Doe, A.", ["Smith, J.", "Doe, A."]),
        ("Smith, John", ["Smith, John"]),
        ("饶, 春明", ["饶, 春明"]),  # one person printed inverted, not two
        ("国家药典委员会", ["国家药典委员会"]),
    ],
)
def test_split_joined_names(joined: str, names: list[str]) -> None:
    assert split_joined_names(joined) == names


def test_cjk_person_or_organisation() -> None:
    assert looks_like_cjk_person("欧阳修") and looks_like_cjk_person("阿沛·阿旺晋美")
    assert not looks_like_cjk_person("国家药典委员会") and not looks_like_cjk_person("饶Chun")


_WORD = st.text("abcdefghijklmnopqrstuvwxyzéüø", min_size=1, max_size=8).map(str.capitalize)


@settings(max_examples=200, deadline=None)
@given(
    family=st.lists(_WORD, min_size=1, max_size=2).map(" ".join),
    given_names=st.lists(_WORD, min_size=1, max_size=3).map(" ".join),
)
def test_inverted_form_reads_back(family: str, given_names: str) -> None:
    """``Name.inverted``, what every writer prints, parses back to the same family and given names."""
    name = Name(family=family, given=given_names)
    assert parse_name(name.inverted) == name

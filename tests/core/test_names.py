"""Printed names back into Name: the shapes exporters use, and what the writers print reads back the same."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeexport.model import Name
from citeexport.names import ORGANISATION_WORDS, is_suffix, looks_like_cjk_person, parse_name, split_joined_names

_KING = Name(family="King", given="Martin Luther", suffix="Jr.")

CASES = [
    ("Smith, Mary Ann", Name(family="Smith", given="Mary Ann")),
    ("Mary Ann Smith", Name(family="Smith", given="Mary Ann")),
    ("Ludwig van Beethoven", Name(family="van Beethoven", given="Ludwig")),
    ("van Beethoven, Ludwig", Name(family="van Beethoven", given="Ludwig")),
    ("Jean de la Fontaine", Name(family="de la Fontaine", given="Jean")),
    ("de Gaulle", Name(family="de Gaulle")),
    ("King, Jr., Martin Luther", _KING),  # BibTeX: von Last, Jr, First
    ("King, Martin Luther, Jr.", _KING),  # RIS: Last, First, Suffix
    ("Martin Luther King Jr.", _KING),
    ("Martin Luther King, Jr.", _KING.model_copy(update={"comma_suffix": True})),
    ("Gates, William, III", Name(family="Gates", given="William", suffix="III")),
    ("Smith, Jr", Name(family="Smith", suffix="Jr")),  # an unmistakable suffix
    ("Smith, V", Name(family="Smith", given="V")),  # V, Jun, Sen are names or initials where nothing marks them
    ("Wang, Jun", Name(family="Wang", given="Jun")),
    ("Amartya Sen", Name(family="Sen", given="Amartya")),
    ("RAO Chun-ming", Name(family="RAO", given="Chun-ming")),  # GB/T capitals: a pinyin surname
    ("OUYANG Xiu", Name(family="OUYANG", given="Xiu")),
    ("KC Wright", Name(family="Wright", given="KC")),  # initials first: the last word is the family name
    ("J.W. Goethe", Name(family="Goethe", given="J.W.")),
    ("J. R. R. Tolkien", Name(family="Tolkien", given="J. R. R.")),
    ("AJ Smith", Name(family="Smith", given="AJ")),
    ("IEEE Computer Society", Name(literal="IEEE Computer Society")),  # organisations are never inverted
    ("World Health Organization", Name(literal="World Health Organization")),
    ("Cochrane Collaboration", Name(literal="Cochrane Collaboration")),
    ("Grace Board", Name(family="Board", given="Grace")),  # a name-like organisation word alone is not enough
    ("国家卫生健康委员会", Name(literal="国家卫生健康委员会")),
    ("教育部", Name(literal="教育部")),
    ("北京大学", Name(literal="北京大学")),
    ("王大学", Name(family="王", given="大学")),  # surname + given name, not an institution
    ("张简华", Name(family="张", given="简华")),
    ("司马迁", Name(family="司马", given="迁")),
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


_WORD = (
    st.text("abcdefghijklmnopqrstuvwxyzéüø", min_size=1, max_size=8)
    .map(str.capitalize)
    .filter(lambda word: not is_suffix(word) and word.lower() not in ORGANISATION_WORDS)
)


@settings(max_examples=200, deadline=None)
@given(
    family=st.lists(_WORD, min_size=1, max_size=2).map(" ".join),
    given_names=st.lists(_WORD, min_size=1, max_size=3).map(" ".join),
    suffix=st.sampled_from([None, "Jr.", "Sr.", "III", "II", "IV"]),
)
def test_inverted_form_reads_back(family: str, given_names: str, suffix: str | None) -> None:
    """``Name.inverted``, what every writer prints, parses back to the same family, given names and suffix."""
    name = Name(family=family, given=given_names, suffix=suffix)
    assert parse_name(name.inverted) == name


@pytest.mark.parametrize("suffix", ["Jr.", "Sr.", "III", "II"])
def test_a_suffix_never_joins_the_family_name(suffix: str) -> None:
    """``Martin Luther King Jr.`` is never ``{King, Jr.}, Martin Luther`` nor ``KING, JR. M L``: in every printed shape."""
    name = Name(family="King", given="Martin Luther", suffix=suffix)
    for printed in (name.whole, name.inverted, f"King, {suffix}, Martin Luther", f"Martin Luther King, {suffix}"):
        back = parse_name(printed)
        assert back is not None and (back.family, back.given, back.suffix) == ("King", "Martin Luther", suffix), printed

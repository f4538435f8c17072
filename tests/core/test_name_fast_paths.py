"""The short cuts in :mod:`citeexport.names` (issue 17) answer as the long ways they stand beside:
checked against the long way, or against the rule as it was written before the short cut."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from citeexport import names
from citeexport.cjk import HAN
from citeexport.model import Name, clean_text

#: Name text of every kind the readers meet: Han characters (surnames, institution suffixes, a
#: compound surname), Latin letters, separators, and white space of every kind.
_PIECES = [*"饶春明欧阳修张简华王大学教育部北京研究所委员会中心院·", *"AbcJr.", ",", "，", "、", ";", "；", " ", "  ", "\t", "\n",
           "\u00a0", "\u3000", "\u200b"]  # fmt: skip
_NAME_TEXT = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join)


def _cjk_institution_as_written(text: str) -> bool:
    """:func:`names._cjk_institution` before its short cut on the last character."""
    for suffix in names.INSTITUTION_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            prefix = text[: -len(suffix)]
            if len(prefix) >= 2 and not (len(text) <= 3 and prefix[0] in names.COMMON_SURNAMES and len(suffix) == 1):
                return prefix not in names.COMPOUND_SURNAMES
    return False


def _cjk_name_as_written(text: str) -> Name:
    """:func:`names.cjk_name` before it computed the name without spaces once."""
    whole = names._SPACES.sub("", text) if names.looks_like_cjk_person(names._SPACES.sub("", text)) else text
    if not names.looks_like_cjk_person(whole):
        return Name(literal=text)
    return names.cjk_person(whole)


@settings(max_examples=1000, deadline=None)
@given(text=_NAME_TEXT)
def test_the_institution_rule_with_its_short_cut(text: str) -> None:
    assert names._cjk_institution(text) == _cjk_institution_as_written(text)


def test_every_institution_suffix_still_ends_an_institution() -> None:
    for suffix in names.INSTITUTION_SUFFIXES:
        for prefix in ("", "北京", "王", "欧阳", "中国科学"):
            assert names._cjk_institution(prefix + suffix) == _cjk_institution_as_written(prefix + suffix)


@settings(max_examples=1000, deadline=None)
@given(text=_NAME_TEXT)
def test_a_cjk_name_with_its_short_cut(text: str) -> None:
    if text.strip():
        assert names.cjk_name(text) == _cjk_name_as_written(text)


@settings(max_examples=1000, deadline=None)
@given(text=_NAME_TEXT)
def test_joined_names_split_as_the_long_way_splits_them(text: str) -> None:
    assert names.split_joined_names(text) == names._split_at_separators(text.strip())


@settings(max_examples=1000, deadline=None)
@given(part=st.one_of(_NAME_TEXT, st.text(max_size=8)))
def test_a_name_part_is_cleaned_as_before(part: str) -> None:
    assert names._clean_part(part) == clean_text(names._SPACES.sub(" ", part))


#: The CJK person pattern as first written: runs of Han characters, one separator between two.
_CJK_PERSON_AS_WRITTEN = re.compile(f"^[{HAN}]+(?:[·•・][{HAN}]+)*$")


@settings(max_examples=2000, deadline=None)
@given(text=st.text(st.sampled_from([*"饶春明欧阳·•・ A\n", "\U00020000", "\uf900"]), max_size=8))
def test_the_cjk_person_pattern_with_its_class_written_once(text: str) -> None:
    assert bool(names._CJK_PERSON.match(text)) == bool(_CJK_PERSON_AS_WRITTEN.match(text))

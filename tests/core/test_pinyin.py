"""citeexport.pinyin gives what pypinyin.lazy_pinyin gives, for every character pypinyin knows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeexport import pinyin

pypinyin = pytest.importorskip("pypinyin")
constants = pytest.importorskip("pypinyin.constants")


def test_the_han_class_is_pypinyins():
    """A run of these characters is what pypinyin segments (and reads with its phrase dictionary)."""
    differ = [
        hex(cp)
        for cp in range(0x33000)
        if bool(pinyin._HAN_CHARACTER.fullmatch(chr(cp))) != bool(constants.RE_HANS.match(chr(cp)))
    ]
    assert differ == []


def test_every_reading_loses_its_tones_as_pypinyin_does():
    differ = [
        (chr(cp), readings)
        for cp, readings in constants.PINYIN_DICT.items()
        if [pinyin._toneless(readings.split(",")[0])] != pypinyin.lazy_pinyin(chr(cp))
    ]
    assert differ == []


def test_the_data_file_is_pypinyins_table():
    """Characters looked up in pinyin_dict.json (a spread of the table, and its first and last)."""
    table = pinyin._single_character_table()
    assert table is not None
    codes = sorted(constants.PINYIN_DICT)
    for cp in [*codes[::97], codes[0], codes[-1]]:
        assert pinyin._character(chr(cp), table) == pypinyin.lazy_pinyin(chr(cp))[0], hex(cp)


@pytest.mark.parametrize(
    "text",
    [
        "饶",
        "单",
        "吕",
        "shan李",
        "a李b",
        "李 王",
        "x\n李 y",
        "",
        "abc",
        "李2025王",
        "〇",
        "\U00020000",
        "欧阳",
        "张简华",
        "重庆大学",
    ],
)
def test_texts_as_pypinyin_reads_them(text):
    assert pinyin.lazy_pinyin(text) == pypinyin.lazy_pinyin(text)


def test_a_lone_character_does_not_load_the_phrase_dictionary():
    """Checked in a fresh interpreter: this one may have imported pypinyin already."""
    import subprocess
    import sys

    code = (
        "import sys; from citeexport.pinyin import lazy_pinyin; "
        "print(lazy_pinyin('饶a王'), 'pypinyin.phrases_dict' in sys.modules, 'pypinyin' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["['rao',", "'a',", "'wang']", "False", "False"]


_MIXED = st.text(alphabet=st.sampled_from("饶单吕曾王李欧阳〇 -.,aZ9\n\u00e9\u3001"), max_size=12)


@given(_MIXED)
def test_mixed_texts_as_pypinyin_reads_them(text):
    assert pinyin.lazy_pinyin(text) == pypinyin.lazy_pinyin(text)

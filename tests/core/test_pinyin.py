"""citeexport.pinyin gives what pypinyin.lazy_pinyin gives (and cuts runs of Han characters as
pypinyin's segmenter does), for every character pypinyin knows, a spread of its phrases and random texts."""

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
        hex(cp) for cp in range(0x33000) if bool(pinyin._HAN_RUNS.fullmatch(chr(cp))) != bool(constants.RE_HANS.match(chr(cp)))
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [("饶a王", "['rao', 'a', 'wang']"), ("重庆大学", "['chong', 'qing', 'da', 'xue']")],
)
def test_pypinyin_is_not_imported(text: str, expected: str) -> None:
    """Lone characters and runs alike are read from pypinyin's data files: pypinyin itself (its
    phrase dictionary as Python objects, ~50 MB) is never imported.  Checked in a fresh
    interpreter: this one has imported pypinyin already."""
    import subprocess
    import sys

    code = (
        "import sys; from citeexport.pinyin import lazy_pinyin, cut; "
        f"print(lazy_pinyin({text!r}), cut({text!r}), any(m.startswith('pypinyin') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.startswith(expected + " ")
    assert result.stdout.split()[-1] == "False"


def test_every_hundredth_phrase_and_its_neighbours_as_pypinyin_reads_and_cuts_them():
    """The phrase dictionary looked up by binary search gives pypinyin's readings and cuts: each
    phrase alone, glued to the next one, and without its first character (a prefix that may or may
    not be a phrase)."""
    from pypinyin.seg.mmseg import seg

    phrases = sorted(constants.PHRASES_DICT)
    assert len(phrases) > 40_000
    differ = []
    for at in range(0, len(phrases) - 1, 100):
        for text in (phrases[at], phrases[at] + phrases[at + 1], phrases[at][1:] + phrases[at + 1][:2]):
            if pinyin.lazy_pinyin(text) != pypinyin.lazy_pinyin(text) or pinyin.cut(text) != list(seg.cut(text)):
                differ.append(text)
    assert differ == []


def test_the_segmenter_can_fail():
    """What the comparisons above rely on: a cut that ignores the dictionary differs from pypinyin's."""
    from pypinyin.seg.mmseg import seg

    assert list(seg.cut("重庆大学")) == ["重庆", "大学"] != list("重庆大学")


_PHRASES = st.sampled_from(sorted(constants.PHRASES_DICT)) if constants.PHRASES_DICT else st.just("重庆")
_GLUED = st.lists(st.one_of(_PHRASES, st.sampled_from(list("的了是重行长a 1、"))), max_size=6).map("".join)


@given(_GLUED)
def test_phrases_glued_together_as_pypinyin_reads_and_cuts_them(text):
    from pypinyin.seg.mmseg import seg

    assert pinyin.lazy_pinyin(text) == pypinyin.lazy_pinyin(text)
    assert pinyin.cut(text) == list(seg.cut(text))


_MIXED = st.text(alphabet=st.sampled_from("饶单吕曾王李欧阳〇 -.,aZ9\n\u00e9\u3001"), max_size=12)


@given(_MIXED)
def test_mixed_texts_as_pypinyin_reads_them(text):
    assert pinyin.lazy_pinyin(text) == pypinyin.lazy_pinyin(text)

"""Invisible format characters: bidi controls never reach an output (a spoofed reference list),
joiners stay where a script needs them (``model.clean_text``, which every reader's values pass)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeexport.api import read_text, write
from citeexport.model import clean_text
from citeexport.registry import writers
from support.seed import SEED

SEED_DUMP = SEED.read_text(encoding="utf-8").partition("\n")[0]
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ALWAYS_REMOVED = BIDI_CONTROLS + "\u00ad\u200b\u2060\u2061\u206a\u206f\ufeff\ufff9\U000e0001\U000e0041\U000e007f"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Special Column\u202e fdp.exe", "Special Column fdp.exe"),  # RLO: would display "exe.pdf"
        ("10.1000/\u2067abc\u2069", "10.1000/abc"),  # isolates in a DOI
        ("干细胞\u200b产品", "干细胞产品"),  # zero-width space: a line-break hint only
        ("hyphen\u00adation", "hyphenation"),
        ("tag\U000e0068\U000e0069smuggled", "tagsmuggled"),
        ("a\u200db", "ab"),  # a joiner in Latin text does nothing visible
        ("\u200cedge\u200d", "edge"),
        ("می\u200cخواهم", "می\u200cخواهم"),  # Persian: ZWNJ is spelling
        ("क्\u200dष", "क्\u200dष"),  # Devanagari: ZWJ after a virama picks the half form
        ("👩\u200d🔬", "👩\u200d🔬"),  # an emoji ZWJ sequence
        ("שלום \u200f(2020)", "שלום \u200f(2020)"),  # marks (LRM/RLM) cannot reorder letters: kept
        ("e\u200d\u0301", "é"),  # removing the joiner lets NFC compose
    ],
)
def test_clean_text(value: str, expected: str) -> None:
    assert clean_text(value) == expected


@given(st.text(alphabet=st.sampled_from([*ALWAYS_REMOVED, "\u200c", "\u200d", "a", "é", "干", "ی", " ", "\u0301"]), max_size=40))
def test_no_bidi_control_survives_and_cleaning_is_idempotent(value: str) -> None:
    cleaned = clean_text(value)
    assert cleaned is None or not any(ch in cleaned for ch in ALWAYS_REMOVED)
    assert clean_text(cleaned) == cleaned
    if cleaned is not None:
        assert unicodedata.is_normalized("NFC", cleaned)


@pytest.mark.parametrize("fmt", sorted(writers()))
def test_bidi_controls_in_a_record_reach_no_format(fmt: str) -> None:
    dump = SEED_DUMP.replace("title=Special Column", "title=\u202eSpecial\u2066 Column\u2069", 1)
    (record,) = read_text(dump)
    assert record.ok and record.citation is not None
    out = "".join(write([record.citation], fmt))
    assert not any(ch in out for ch in BIDI_CONTROLS)
    assert "Special Column" in out

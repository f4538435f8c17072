"""Which characters are CJK: the character classes every module tests text with, defined once.

A module of its own, below the model (which needs :func:`has_cjk` for names), so that no other
copy of these ranges exists: keys, names, the model, the readers and encoding detection use them.
"""

from __future__ import annotations

import re

#: Han ideographs (CJK Unified Ideographs, Extension A, compatibility, Extensions B and later).
HAN = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
#: Han ideographs, kana and hangul syllables: a character of a CJK word (a regex class body).
CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff"
#: What Chinese text is made of besides letters: CJK symbols and punctuation, CJK blocks from
#: U+3000 to U+9FFF, compatibility and full-width forms, and the supplementary ideographic planes
#: (for telling a Chinese GB18030 reading of unknown bytes from mojibake).
CHINESE_TEXT = "\u3000-\u9fff\uf900-\uffef\U00020000-\U0010ffff"

_CJK = re.compile(f"[{CJK}]")


def has_cjk(text: str | None) -> bool:
    """True when ``text`` holds a Han ideograph, a kana or a hangul letter."""
    return text is not None and _CJK.search(text) is not None

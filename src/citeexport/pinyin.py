"""Toneless pinyin, as ``pypinyin.lazy_pinyin`` gives it, without loading what a text does not need.

Importing pypinyin loads its phrase dictionary (tens of megabytes once in memory) and its
single-character table, whatever is converted.  The phrase dictionary only matters where
Han characters stand next to each other: pypinyin segments such a run into words and reads
each word from the dictionary.  A text whose Han characters all stand alone (a one-character
surname such as ``饶``, ``shan李``) is read character by character from the single-character
table, where a character's reading is its first one with the tone marks taken off.

:func:`lazy_pinyin` does exactly that for such texts, looking the characters up in
pypinyin's own data file (``pinyin_dict.json``, found without importing pypinyin), and hands
every other text to pypinyin itself.  ``tests/core/test_pinyin.py`` checks it against
pypinyin for every character pypinyin knows and for mixed texts.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

#: What pypinyin 0.55 converts (``pypinyin.constants.RE_HANS``): a run of these is one segment.
_HAN_CHARACTER = re.compile(
    "["
    "\u3007"
    "\ue815-\ue864"
    "\ufa18"
    "\u3400-\u4dbf"
    "\u4e00-\u9fff"
    "\uf900-\ufaff"
    "\U00020000-\U0002a6df"
    "\U0002a703-\U0002b73f"
    "\U0002b740-\U0002b81d"
    "\U0002b825-\U0002bf6e"
    "\U0002c029-\U0002ce93"
    "\U0002d016"
    "\U0002d11b-\U0002ebd9"
    "\U0002f80a-\U0002fa1f"
    "\U00030000-\U0003134a"
    "\U000300f7-\U00031288"
    "\U00030edd"
    "\U00030ede"
    "\U00031350-\U00032389"
    "]"
)
#: Two of them side by side: a run pypinyin would segment with its phrase dictionary.
_HAN_RUN = re.compile(f"{_HAN_CHARACTER.pattern}{{2}}")
#: Alternating segments: a run of other characters, or one Han character.
_SEGMENT = re.compile(f"{_HAN_CHARACTER.pattern}|(?:(?!{_HAN_CHARACTER.pattern}).)+", re.DOTALL)
#: The tone marks of pypinyin's readings (macron, acute, caron, grave), combining.
_TONE_MARKS = re.compile("[\u0300\u0301\u0304\u030c]")


@lru_cache(maxsize=1)
def _single_character_table() -> str | None:
    """pypinyin's single-character table as text (``"26446": "lǐ",`` per line), None if not found."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _toneless(reading: str) -> str:
    """pypinyin's NORMAL style of one reading: tone marks off, ``ü`` as ``v`` (``lǚ`` → ``lv``)."""
    plain = unicodedata.normalize("NFC", _TONE_MARKS.sub("", unicodedata.normalize("NFD", reading)))
    return plain.replace("ü", "v")


@lru_cache(maxsize=4096)
def _character(han: str, table: str) -> str:
    """The toneless first reading of one Han character; the character itself when it has none."""
    start = table.find(f'"{ord(han)}": "')
    if start < 0:
        return han
    start = table.index(': "', start) + 3
    readings = table[start : table.index('"', start)]
    return _toneless(readings.split(",")[0])


def lazy_pinyin(text: str) -> list[str]:
    """``pypinyin.lazy_pinyin(text)``: toneless readings, other characters kept in runs."""
    table = _single_character_table() if _HAN_RUN.search(text) is None else None
    if table is None:
        from pypinyin import lazy_pinyin as pypinyin_lazy_pinyin  # the phrase dictionary is needed

        return list(pypinyin_lazy_pinyin(text))
    pieces = (_character(seg, table) if _HAN_CHARACTER.fullmatch(seg) else seg for seg in _SEGMENT.findall(text))
    return [piece for piece in pieces if piece]

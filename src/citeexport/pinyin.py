"""Toneless pinyin, as ``pypinyin.lazy_pinyin`` gives it, without importing pypinyin.

Importing pypinyin loads its phrase dictionary (47,000 phrases, ~50 MB once in memory as Python
lists, ~0.15 s) and its single-character table, whatever is converted: more than the whole rest of
a one-article run.  This module gives the same readings from pypinyin's own data files, read as
text and looked up without building pypinyin's structures:

* a Han character standing alone is read from the single-character table (``pinyin_dict.json``):
  its first reading, tone marks taken off;
* a run of Han characters is cut into words as pypinyin's default segmenter does
  (``pypinyin.seg.mmseg.seg``: forward maximum matching, a piece is a phrase of the dictionary or
  one character, see :func:`segment`), the phrase dictionary (``phrases_dict.json``) looked up by
  binary search over its sorted keys; a phrase's readings are parsed from the file only for the
  phrases met.

The data files are found with :func:`importlib.util.find_spec`, without importing pypinyin; when
they cannot be read, pypinyin itself is called.  ``tests/core/test_pinyin.py`` checks this module
against pypinyin for every character, a spread of the phrases and random texts.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

#: What pypinyin 0.55 converts (``pypinyin.constants.RE_HANS``, a class): a run of these is one segment.
_HAN_CLASS = (
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
#: A run of Han characters.  The one pattern with the class: compiling a class of ~28,000 BMP
#: characters costs ~0.7 ms (``re`` visits each), and the runs give everything else by slicing.
_HAN_RUNS = re.compile(f"{_HAN_CLASS}+")
#: A phrase of ``phrases_dict.json`` (one key per line, its value's ``[`` after it).
_PHRASE_KEY = re.compile(r'\n"([^"\n]+)": \[')
_JSON = json.JSONDecoder()
#: The tone marks of pypinyin's readings (macron, acute, caron, grave), combining.
_TONE_MARKS = re.compile("[\u0300\u0301\u0304\u030c]")


@lru_cache(maxsize=2)
def _data_file(name: str) -> str | None:
    """One of pypinyin's data files as text, found without importing pypinyin; None if not found."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return None
    try:
        return (Path(next(iter(spec.submodule_search_locations))) / name).read_text(encoding="utf-8")
    except OSError:
        return None


def _single_character_table() -> str | None:
    """pypinyin's single-character table as text (``"26446": "lǐ",`` per line), None if not found."""
    return _data_file("pinyin_dict.json")


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


@lru_cache(maxsize=1)
def _phrase_dictionary() -> _Phrases | None:
    """pypinyin's phrase dictionary as text, with its keys in order; None if it cannot be read."""
    text = _data_file("phrases_dict.json")
    if text is None:
        return None
    ordered = sorted(_PHRASE_KEY.findall(text))  # the file lists them in order: sorting costs ~1 ms
    return _Phrases(text, ordered) if ordered else None


class _Phrases:
    """The phrase dictionary's text and its phrases in order (binary search, no dict of 47,000
    entries built: a one-article run looks up a handful)."""

    def __init__(self, text: str, ordered: list[str]) -> None:
        self.text, self.ordered = text, ordered

    def starts_a_phrase(self, prefix: str) -> bool:
        """``prefix`` is the start of some phrase (pypinyin's ``PrefixSet``)."""
        at = bisect_left(self.ordered, prefix)
        return at < len(self.ordered) and self.ordered[at].startswith(prefix)

    def __contains__(self, word: str) -> bool:
        at = bisect_left(self.ordered, word)
        return at < len(self.ordered) and self.ordered[at] == word

    @lru_cache(maxsize=4096)  # noqa: B019 - one instance, kept for the process's life
    def readings(self, phrase: str) -> tuple[str, ...]:
        """Each character's first reading in the phrase, toneless."""
        key = f'\n"{phrase}": '
        value, _ = _JSON.raw_decode(self.text, self.text.index(key) + len(key))
        return tuple(_toneless(character[0]) for character in value)


def segment(run: str, phrases: _Phrases) -> Iterator[str]:
    """A run of Han characters cut as ``pypinyin.seg.mmseg.seg.cut`` cuts it (strict mode: every
    piece is a phrase of the dictionary or a single character)."""
    remain = run
    while remain:
        last_valid_index = 0
        for index in range(len(remain)):
            word = remain[: index + 1]
            if phrases.starts_a_phrase(word):
                if word in phrases:
                    last_valid_index = index + 1
                continue
            if last_valid_index:
                yield remain[:last_valid_index]
                remain = remain[last_valid_index:]
            else:
                yield remain[0]
                remain = remain[1:]
            break
        else:  # every prefix of what remains starts a phrase
            if last_valid_index:
                yield remain[:last_valid_index]
                remain = remain[last_valid_index:]
            else:
                yield from remain  # strict mode: not a phrase, so one character at a time
                return


def cut(text: str) -> list[str]:
    """``list(pypinyin.seg.mmseg.seg.cut(text))``, for any text (a character that is no Han
    character starts no phrase, so it comes out alone)."""
    return list(cut_lazily(text))


def cut_lazily(text: str) -> Iterator[str]:
    """:func:`cut`, one word at a time: who needs the first words only does not cut the rest."""
    phrases = _phrase_dictionary()
    if phrases is None:
        from pypinyin.seg.mmseg import seg  # pypinyin's data files not found

        return iter(seg.cut(text))
    return segment(text, phrases)


def _runs(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` as pypinyin's simple segmenter splits it (``pypinyin.seg.simpleseg``): alternating
    runs of Han characters (``True``) and of other characters (``False``), in order."""
    at = 0
    for match in _HAN_RUNS.finditer(text):
        start = match.start()
        if start > at:
            yield text[at:start], False
        yield match.group(), True
        at = match.end()
    if at < len(text):
        yield text[at:], False


def lazy_pinyin(text: str) -> list[str]:
    """``pypinyin.lazy_pinyin(text)``: toneless readings, other characters kept in runs.  A run of
    several Han characters is cut into words (:func:`segment`); the phrase dictionary is read only then."""
    table = _single_character_table()
    runs = list(_runs(text))
    cut_into_words = any(han and len(piece) > 1 for piece, han in runs)
    phrases = _phrase_dictionary() if cut_into_words else None
    if table is None or (cut_into_words and phrases is None):
        from pypinyin import lazy_pinyin as pypinyin_lazy_pinyin  # pypinyin's data files not found

        return list(pypinyin_lazy_pinyin(text))
    out: list[str] = []
    for piece, han in runs:
        if not han:
            out.append(piece)
        elif len(piece) == 1:
            out.append(_character(piece, table))
        else:
            assert phrases is not None
            for word in segment(piece, phrases):
                if len(word) == 1:
                    out.append(_character(word, table))
                else:  # a phrase of the dictionary
                    out.extend(phrases.readings(word))
    return [piece for piece in out if piece]

"""Citation keys: deterministic, ASCII, unique within one output (``rao2025special``).

Why these rules: a key must survive every TeX tool (pandoc rejects a full-width comma,
classic BibTeX chokes on non-ASCII), be guessable by a person reading the reference
(first author, year, title word — the Google Scholar / Zotero habit) and never change
between two runs over the same input, so documents that cite it keep compiling.

Stem = first author's family name folded to ASCII (pinyin without tones for Chinese:
饶 → ``rao``, 欧阳 → ``ouyang``; the Chinese author list is preferred when the article has
one) + year + first significant word of the English title (stop words skipped), else
the pinyin of the Chinese title's first word.  No author: the title word comes first
(``special2025``).  Only ``[a-z0-9]``.  :class:`KeyRegistry` makes stems unique in one
output by appending ``a``, ``b``, … ``z``, ``aa`` … on collision.

Length: a key is at most :data:`MAX_KEY_LENGTH` (40) characters, suffix letters included — a
50 MB title word or family name gives a 40-character key, not a 50 MB one.  The author part is
cut to :data:`MAX_NAME_LENGTH`, the title word fills what is left, and a suffix replaces the
stem's last characters when the stem is already full (still unique: the registry checks every
key it hands out).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ...cjk import CJK, has_cjk
from ...model import Citation, Name
from ...pinyin import cut_lazily, lazy_pinyin  # pypinyin's segmenter and readings, pypinyin not imported
from ...values import suffix_letters

#: English words never used as the title word.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "into",
        "for",
        "and",
        "or",
        "nor",
        "but",
        "to",
        "with",
        "without",
        "at",
        "by",
        "from",
        "as",
        "about",
        "over",
        "under",
        "between",
        "among",
        "via",
        "vs",
        "versus",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
    ]
)

#: Chinese function words never used as the title word.
CHINESE_STOP_WORDS = frozenset({"关于", "的", "与", "和", "及", "对", "在", "之", "论", "试论", "浅谈", "浅析"})

#: Surnames whose reading differs from the character's everyday reading (pypinyin gives the latter).
SURNAME_READINGS: dict[str, str] = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "朴": "piao",
    "查": "zha",
    "区": "ou",
    "盖": "ge",
    "乐": "yue",
    "覃": "qin",
    "翟": "zhai",
    "缪": "miao",
    "尉迟": "yuchi",
    "万俟": "moqi",
    "长孙": "zhangsun",
}

#: Latin letters that Unicode decomposition does not reduce to ASCII.
LETTER_FOLDS: dict[str, str] = {
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
}

#: The longest key, suffix letters included.
MAX_KEY_LENGTH = 40
#: The longest author part of a key.
MAX_NAME_LENGTH = 20
#: How much of a title or name is looked at (a longer word is cut before it is folded).
_SCAN_LENGTH = 4 * MAX_KEY_LENGTH

_NON_KEY_CHARACTERS = re.compile(r"[^a-z0-9]+")
_FOLD_TABLE = str.maketrans(LETTER_FOLDS)
#: A run of CJK characters, or a run of other letters and digits (so ``AAV载体`` is two words).
_WORD = re.compile(f"[{CJK}]+|[^\\W_{CJK}]+")
_CHINESE_STOP_PREFIX = re.compile("^(?:" + "|".join(sorted(CHINESE_STOP_WORDS, key=len, reverse=True)) + ")+")
_HTML_TAG = re.compile(r"<[^<>]*>")


@lru_cache(maxsize=65536)
def _pinyin(text: str) -> str:
    """Toneless pinyin, cached: a pypinyin call costs more than a lookup, and surnames and words repeat."""
    return "".join(lazy_pinyin(text))


def fold_ascii(text: str) -> str:
    """Lower-case ``[a-z0-9]`` only: accents dropped (``Müller`` → ``muller``), CJK as toneless pinyin."""
    if text.isascii():
        return _NON_KEY_CHARACTERS.sub("", text.lower())
    text = text.lower().translate(_FOLD_TABLE)
    if has_cjk(text):
        text = _pinyin(text)
    text = unicodedata.normalize("NFKD", text)
    return _NON_KEY_CHARACTERS.sub("", text.encode("ascii", "ignore").decode("ascii"))


@lru_cache(maxsize=65536)
def surname_pinyin(family: str) -> str:
    """A Chinese family name in pinyin, read as a surname (单 → ``shan``, not ``dan``)."""
    if family in SURNAME_READINGS:
        return SURNAME_READINGS[family]
    return fold_ascii("".join(SURNAME_READINGS.get(char, char) for char in family))


def first_word(text: str | None) -> str:
    """The first significant word of a title or organisation name, folded to ASCII; ``""`` if none."""
    if not text:
        return ""
    text = text[: 64 * _SCAN_LENGTH]  # the first word is all that is needed
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    for match in _WORD.finditer(text):
        word = match.group()
        if has_cjk(word):
            # The segmenter splits 关于 into 关/于, so function words are stripped off the run first;
            # only the run's start is segmented (the first word is all that is needed), word by word.
            for segment in cut_lazily(_CHINESE_STOP_PREFIX.sub("", word)[:12]):
                if segment not in CHINESE_STOP_WORDS and (folded := fold_ascii(segment)):
                    return folded
        elif word.lower() not in STOP_WORDS and (folded := fold_ascii(word[:_SCAN_LENGTH])):
            return folded[:MAX_KEY_LENGTH]
    return ""


def name_token(name: Name) -> str:
    """The part of a name a key starts with: family name, or an organisation's first word."""
    if name.literal is not None:
        return first_word(name.literal)[:MAX_NAME_LENGTH]
    if name.is_cjk:
        return surname_pinyin((name.family or "")[:_SCAN_LENGTH])[:MAX_NAME_LENGTH]
    return fold_ascii((name.family or name.given or "")[:_SCAN_LENGTH])[:MAX_NAME_LENGTH]


def key_stem(citation: Citation) -> str:
    """``<family><year><titleword>`` for one article (see module docstring); never empty, at most
    :data:`MAX_KEY_LENGTH` characters."""
    authors = next((citation.texts[lang].authors for lang in citation.languages if citation.texts[lang].authors), ())
    author = name_token(authors[0]) if authors else ""
    title = first_word(_title(citation, "en")) or first_word(_title(citation, "zh"))
    year = str(citation.year) if citation.year is not None else ""
    if author:
        return (author + year + title)[:MAX_KEY_LENGTH]
    return (title or "anon")[: MAX_KEY_LENGTH - len(year)] + year


def _title(citation: Citation, lang: str) -> str | None:
    text = citation.texts.get(lang)  # not citation.text(): no empty text made for a language it lacks
    return text.title if text is not None else None


class KeyRegistry:
    """The keys handed out in one output; a repeated stem gets ``a``, ``b``, … ``z``, ``aa`` …."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next_suffix: dict[str, int] = {}  # per stem, so n repeats of one stem cost O(n), not O(n²)

    def claim(self, stem: str) -> str:
        """A key for ``stem`` that no earlier call returned."""
        stem = stem[:MAX_KEY_LENGTH]
        key = stem
        if key in self._taken:
            n = self._next_suffix.get(stem, 1)
            while (key := _with_suffix(stem, suffix_letters(n))) in self._taken:
                n += 1
            self._next_suffix[stem] = n + 1
        self._taken.add(key)
        return key


def _with_suffix(stem: str, letters: str) -> str:
    """``stem`` + ``letters``, the stem cut so that the key stays within :data:`MAX_KEY_LENGTH`."""
    return stem[: MAX_KEY_LENGTH - len(letters)] + letters

"""Author-date reference lists in the standard's order, with a/b/c year suffixes.

GB/T 7714-2015 §9.2 / 2025 §9.3.2: references are grouped by language (Chinese first, then
the others), then ordered by author and by year; works of the same author(s) in the same
year get ``a``, ``b``, ``c`` after the year (2015 §10.2.3).  Chinese authors sort by their
pinyin (pypinyin's readings, see :mod:`citeexport.pinyin`), letter by letter, as Chinese reference lists are
normally ordered.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from ...cjk import has_cjk
from ...model import Citation, Lang
from ...pinyin import lazy_pinyin
from ...values import suffix_letters


@dataclass
class Entry:
    """One reference waiting to be sorted: an article in one language."""

    position: int  # input order, the last tie-breaker
    citation: Citation
    lang: Lang
    article: int = 0  # which input article (its languages stay together in the list)
    year_suffix: str | None = None

    @cached_property
    def is_chinese(self) -> bool:
        text = self.citation.text(self.lang)
        return self.lang == "zh" or has_cjk(text.title)

    @cached_property
    def author_key(self) -> tuple[str, ...]:
        names = self.citation.text(self.lang).authors
        if not names:  # 佚名 / Anon sorts by title, as an anonymous work has no other heading
            return (sort_text(self.citation.text(self.lang).title or ""),)
        return tuple(
            sort_text(name.whole if name.is_cjk or name.literal else f"{name.family} {name.given or ''}") for name in names
        )

    def sort_key(self) -> tuple[object, ...]:
        year = self.citation.year or 0
        return (0 if self.is_chinese else 1, self.author_key, year, self.position)

    def same_heading(self, other: Entry) -> bool:
        """Same authors and year: the case for a year suffix."""
        return (
            self.is_chinese == other.is_chinese
            and self.author_key == other.author_key
            and self.citation.year == other.citation.year
        )


@lru_cache(maxsize=1 << 16)  # a pinyin reading costs more than a lookup; authors recur across a list
def sort_text(text: str) -> str:
    """Pinyin (tone-less, letters only) for Han characters, lower case for the rest: pypinyin's
    ``lazy_pinyin`` readings, from its data files (:mod:`citeexport.pinyin`, pypinyin not imported)."""
    if has_cjk(text):
        return " ".join(lazy_pinyin(text)).lower()
    return text.lower()


def order_entries(entries: list[Entry]) -> list[Entry]:
    """Sort ``entries`` and set their year suffixes; returns a new list."""
    ordered = sorted(entries, key=Entry.sort_key)
    start = 0
    while start < len(ordered):
        end = start + 1
        while end < len(ordered) and ordered[end].same_heading(ordered[start]):
            end += 1
        if end - start > 1 and ordered[start].citation.year:
            for offset, entry in enumerate(ordered[start:end]):
                entry.year_suffix = suffix_letters(offset + 1)
        start = end
    return ordered

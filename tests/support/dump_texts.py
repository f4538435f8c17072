"""The seed record's text, and helpers that build hazard records from it (for the dump tests)."""

from __future__ import annotations

from .seed import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_DUMP, _, SEED_PAGE = SEED_TEXT.partition("\n")
EN_TITLE = "Special Column for Quality Research and Evaluation of Stem Cell Products"


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def en_ext_replace(old: str, new: str, dump: str = SEED_DUMP) -> str:
    """Replace inside the EN ArticleExt only."""
    start = dump.index("ext={EN=ArticleExt(")
    end = dump.index(", CN=ArticleExt(", start)
    return dump[:start] + dump[start:end].replace(old, new, 1) + dump[end:]

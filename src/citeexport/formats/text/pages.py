"""Page ranges as GB/T 7714 writes them, shared by the citeproc patch and the fast renderer
(a module of its own so that the fast renderer does not import citeproc-py)."""

from __future__ import annotations


def expand_last_page(first: str, last: str) -> str:
    """``356``, ``63`` -> ``363``: the last page written in full (2015 §7.2 i uses full ranges)."""
    if last.isdigit() and first.isdigit() and len(last) < len(first) and int(first[-len(last) :]) <= int(last):
        return first[: len(first) - len(last)] + last
    return last

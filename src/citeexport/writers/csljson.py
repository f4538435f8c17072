"""CSL-JSON: a JSON array of CSL items, one per article and language, streamed.

``start`` writes ``[``, each article adds its items, ``finish`` writes ``]``, so the output
is a valid array at the end however many records arrive, one item per line.  UTF-8 is written
as is (no ``\\u`` escapes).  Item ids are ``<article id>-<lang>`` (stable for the same input); an id
already used in this output gets ``-2``, ``-3`` …, so ids are unique.
"""

from __future__ import annotations

import json

from ..model import Citation, Lang
from ..registry import register_writer
from .base import Writer


def item_id(citation: Citation, lang: Lang, number: int) -> str:
    return f"{citation.id or f'item{number}'}-{lang}"


@register_writer
class CslJsonWriter(Writer):
    name = "csl-json"
    description = "CSL-JSON (citeproc-js, Zotero, pandoc): a JSON array of items"
    extension = "json"

    def __init__(self, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(options)
        self.items_written = 0
        self.articles = 0
        self.used_ids: set[str] = set()
        self.next_suffix: dict[str, int] = {}

    def start(self) -> str:
        return "["

    def write(self, citation: Citation) -> str:
        self.articles += 1
        return super().write(citation)

    def write_one(self, citation: Citation, lang: Lang) -> str:
        wanted = item_id(citation, lang, self.articles)
        unique, n = wanted, self.next_suffix.get(wanted, 1)
        while unique in self.used_ids:  # from where the last search for this id stopped: linear overall
            n += 1
            unique = f"{wanted}-{n}"
        self.next_suffix[wanted] = n
        self.used_ids.add(unique)
        # one item per line: the C encoder (``indent`` would take the pure-Python one, 10× slower)
        text = json.dumps(citation.csl_item(lang, unique), ensure_ascii=False, separators=(", ", ": "))
        separator = "\n" if self.items_written == 0 else ",\n"
        self.items_written += 1
        return separator + text

    def finish(self) -> str:
        return "\n]\n" if self.items_written else "]\n"

"""bibtexparser v2's parser, for the blocks the fast reading (:mod:`.fastsplit`) leaves to it.

Imported by :mod:`.reader` at its first such block, not before: a file of plain entries, and every
run that only writes BibTeX, never loads bibtexparser (a few milliseconds of a one-article run).
"""

from __future__ import annotations

import logging

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.model import DuplicateFieldKeyBlock, Entry, ParsingFailedBlock, String

__all__ = ["DuplicateFieldKeyBlock", "Entry", "ParsingFailedBlock", "String", "parse"]

#: bibtexparser logs every block it cannot parse; the reader reports it as a failed record instead.
logging.getLogger("bibtexparser.splitter").setLevel(logging.ERROR)


def parse(text: str, strings: list[String]) -> Library:
    """The blocks of ``text``, the ``@string`` macros defined before it known to its values."""
    return bibtexparser.parse_string(text, library=Library(list(strings)))

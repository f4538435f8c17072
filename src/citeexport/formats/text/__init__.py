"""Plain-text references: GB/T 7714-2015/2025 for every document type, or any CSL style.

:mod:`.writer` is the writer; :mod:`.render` renders one reference, with :mod:`.lookup`
(styles: a bundled name, or a file identical to a bundled one, is the GB/T renderer; any other
CSL file is citeproc-py), :mod:`.items` (the CSL-JSON item and the edition's online rules),
:mod:`.fastpath` (the GB/T renderer), :mod:`.codes` (type and carrier codes), :mod:`.names` and
:mod:`.pinyin` (names), :mod:`.engine` and :mod:`.citeproc_patches` (citeproc-py for a user's
style), :mod:`.ordering` (author-date lists), :mod:`.postprocess` and :mod:`.profiles`.
The HTML writer (``formats/html.py``) reuses all of it.
"""

from .writer import TextWriter

WRITER = TextWriter

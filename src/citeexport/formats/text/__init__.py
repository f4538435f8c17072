"""Plain-text references: GB/T 7714 (bundled CSL styles, rendered directly or by citeproc-py) or any CSL style.

:mod:`.writer` is the writer; :mod:`.render` renders one reference, with :mod:`.lookup`
(styles), :mod:`.items` (the CSL-JSON item, GB/T rules as data), :mod:`.engine` (citeproc-py),
:mod:`.citeproc_patches` (its defects fixed), :mod:`.fastpath` (the direct GB/T renderer),
:mod:`.names`, :mod:`.ordering` (author-date lists), :mod:`.postprocess` and :mod:`.profiles`.
"""

from .writer import TextWriter

WRITER = TextWriter

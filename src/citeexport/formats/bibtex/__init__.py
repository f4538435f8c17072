"""BibTeX/biblatex: :mod:`.reader` (streamed, LaTeX-decoded by :mod:`.latex_decode`) and
:mod:`.writer` (LaTeX-encoded by :mod:`.latex`, keys from :mod:`.keys`)."""

from .reader import BibtexReader
from .writer import CARRIES, BibtexWriter

READER = BibtexReader
WRITER = BibtexWriter
CARRIES = CARRIES

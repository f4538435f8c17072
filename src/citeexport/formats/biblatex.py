"""biblatex, the dialect biber reads: the BibTeX reader (it reads both dialects) and the biblatex writer
(:mod:`.bibtex.writer`; what differs from classic BibTeX is data, :mod:`.bibtex.fields`)."""

from typing import ClassVar

from .bibtex.reader import BibtexReader
from .bibtex.writer import BIBLATEX_CARRIES, BiblatexWriter


class BiblatexReader(BibtexReader):
    """The BibTeX reader under the dialect's name (``--from biblatex``, ``.biblatex`` files)."""

    name = "biblatex"
    description = "biblatex (the BibTeX reader, which reads both dialects alike)"
    extensions: ClassVar[tuple[str, ...]] = ("biblatex",)


READER = BiblatexReader
WRITER = BiblatexWriter
CARRIES = BIBLATEX_CARRIES

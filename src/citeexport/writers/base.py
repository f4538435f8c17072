"""What every writer is: a stateful object that turns citations into one output stream.

A writer is made once per output (a file or stdout) and used as::

    writer = get_writer("ris")(WriteOptions(lang="zh"))
    out.write(writer.start())
    for citation in citations:
        out.write(writer.write(citation))   # all requested languages of one article
    out.write(writer.finish())

State that spans records (unique citation keys, reference numbers, sorted
author-date lists) lives in the writer object.  ``write`` returns text only for
complete records, so no input can leave half a record in the output.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from ..model import Citation, Lang
from ..options import WriteOptions


class Writer(ABC):
    name: ClassVar[str]
    description: ClassVar[str]
    extension: ClassVar[str]  # file suffix without the dot, for --out-dir
    newline: ClassVar[str] = "\n"  # the format's line end, used by the writer itself

    def __init__(self, options: WriteOptions | None = None) -> None:
        self.options = options or WriteOptions()

    def start(self) -> str:
        """Text before the first record (a header, ``[`` …)."""
        return ""

    def write(self, citation: Citation) -> str:
        """The complete text of one article, in each requested language."""
        return "".join(self.write_one(citation, lang) for lang in self.options.languages(citation))

    @abstractmethod
    def write_one(self, citation: Citation, lang: Lang) -> str:
        """The complete text of one article in one language."""

    def finish(self) -> str:
        """Text after the last record (a footer, ``]``, a sorted list …)."""
        return ""

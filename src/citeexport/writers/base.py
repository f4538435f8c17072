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

For ``--jobs``, a writer that can says so with :meth:`can_detach`: worker processes then
call :meth:`write_detached` (no shared state), and the main process turns each result into
text with :meth:`attach`, in input order, where the shared state lives (keys, numbers).
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

    # -- writing in worker processes ------------------------------------------------------

    #: Formats with no state across records (RIS, EndNote, RefWorks) set this.
    stateless: ClassVar[bool] = False

    def can_detach(self) -> bool:
        """Whether :meth:`write_detached` in another process + :meth:`attach` here equals :meth:`write`."""
        return self.stateless

    def write_detached(self, citation: Citation) -> object:
        """What a worker process sends back for one article (picklable)."""
        return self.write(citation)

    def attach(self, detached: object) -> str:
        """The text of one article from what :meth:`write_detached` gave, in input order."""
        assert isinstance(detached, str)
        return detached

"""Options shared by every reader and every writer, so that all signatures match."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, field_validator

from .model import Citation, Lang, primary_subtag

#: ``both`` (every language a record has), or one language's primary subtag (``zh``, ``en``, ``de`` …).
LangChoice = str


class ReadOptions(BaseModel):
    model_config = ConfigDict(frozen=True)

    encoding: str | None = None  # None: detect (BOM, UTF-8, then GB18030 …)
    strict: bool = False  # tolerated defects become errors


class WriteOptions(BaseModel):
    model_config = ConfigDict(frozen=True)

    lang: LangChoice = "both"

    @field_validator("lang")
    @classmethod
    def _check_lang(cls, value: str) -> str:
        return value if value == "both" else primary_subtag(value)

    ascii: bool = False  # BibTeX: LaTeX-encoded ASCII instead of UTF-8
    style: str = "gb7714-2015"  # text: a bundled style name or a path to a CSL file
    numbered: bool = False  # text: "[1] " before each reference
    accessed: dt.date | None = None  # text: access date for the online items that have none of their own
    print_form: bool = False  # text: the print form for every item (no /OL, access date, URL, DOI)

    def languages(self, citation: Citation) -> tuple[Lang, ...]:
        """The languages of ``citation`` to write: zh first, en second, then the others.

        ``both`` means every language the record has; a single language falls back to the
        first one present when the record lacks it, so no record is silently dropped.
        """
        present = citation.languages
        if self.lang == "both":
            return present
        if self.lang in present:
            return (self.lang,)
        return present[:1]

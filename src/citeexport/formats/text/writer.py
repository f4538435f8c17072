"""Plain-text references (GB/T 7714 by default, or any CSL style), one reference per line.

Numeric styles stream: each article is written as soon as it arrives, in input order.
Author-date styles must sort the whole list (language group, author, year, a/b suffixes),
so the writer keeps the articles and writes them all in :meth:`finish`.  With ``--lang both``
the English version of an article follows its Chinese reference on the next line; with
``--numbered`` the article's first line starts with ``[n] ``.
"""

from __future__ import annotations

from collections.abc import Callable

from ...model import Citation, Lang
from ...oneline import one_line
from ...options import WriteOptions
from ..base import DetachedWriting, Writer
from .lookup import StyleRef, bundled_styles, resolve_style
from .ordering import Entry, order_entries
from .render import render_reference

#: What a bundled GB/T style prints (model field names and roles), and what a reference never prints
#: (ISSN, ISBN, abstract, keywords, abbreviation): other fields a record has are warned about.
GBT_PRINTED = frozenset(
    {"title", "subtitle", "author", "editor", "translator", "compiler", "container-author", "recipient", "container_title",
     "issued", "accessed", "available_date", "status", "volume", "issue", "page_first", "page_last", "page", "number",
     "url", "doi", "edition", "version", "publisher", "publisher_place", "event_title", "event_place", "archive",
     "archive_location", "genre", "medium", "note", "language", "issn", "isbn", "eissn", "cn", "abstract", "keywords",
     "container_title_short", "title_short", "pdf_url", "extra:scale", "extra:dimensions", "extra:archive-place",
     "extra:jurisdiction", "extra:PMID"}
)  # fmt: skip
#: The CSL types the GB/T styles give a code of their own (any other type prints as [Z], with a warning).
GBT_TYPES = frozenset(
    {"article-journal", "article-magazine", "article-newspaper", "periodical", "book", "chapter", "paper-conference",
     "thesis", "report", "standard", "patent", "dataset", "software", "webpage", "post", "post-weblog", "collection",
     "personal_communication", "document", "manuscript", "map", "article", "graphic"}
)  # fmt: skip


def reference_line(
    style: StyleRef,
    entry: Entry,
    options: WriteOptions,
    *,
    value: Callable[[str], str] | None = None,
    literal: Callable[[str], str] | None = None,
) -> str:
    """One entry's reference in ``style`` with the writer's ``options``, on one line; with ``value``
    and ``literal`` renderers, as HTML (:func:`.render.render_reference`)."""
    return one_line(
        render_reference(
            style,
            entry.citation,
            entry.lang,
            accessed=options.accessed,
            print_form=options.print_form,
            year_suffix=entry.year_suffix,
            value=value,
            literal=literal,
        )
    )


class TextWriter(Writer, DetachedWriting):
    name = "text"
    description = "plain-text references: GB/T 7714-2015/2025 (numeric or author-date) or any CSL style"
    extension = "txt"
    options_used = ("style", "numbered", "accessed", "print_form")

    @classmethod
    def option_values(cls, option: str) -> list[tuple[str, str]]:
        """``style``: the bundled styles, the default first, each with its edition, system and punctuation."""
        if option != "style":
            return []
        default = WriteOptions.model_fields["style"].default
        listed = []
        for name in sorted(bundled_styles(), key=lambda name: name != default):
            profile = resolve_style(name).profile
            if profile is None:
                listed.append((name, "a bundled CSL style"))
                continue
            width = "full-width ，：（）" if profile.punctuation.comma.strip() == "，" else "half-width , : ( )"
            listed.append(
                (name, f"GB/T 7714-{profile.edition}, {profile.system}, {width}" + (" (the default)" if name == default else ""))
            )
        return listed

    def __init__(self, options: WriteOptions | None = None) -> None:
        super().__init__(options)
        self.style = resolve_style(self.options.style)  # fails early on an unknown style
        self.count = 0
        self.buffered: list[Entry] = []
        self.articles = 0
        self.author_date = self.style.profile is not None and self.style.profile.author_date

    def write(self, citation: Citation) -> str:
        languages = self.options.languages(citation)
        self._warn(citation, languages)
        if self.author_date:
            self.articles += 1
            for lang in languages:
                self.buffered.append(Entry(len(self.buffered), citation, lang, article=self.articles))
            return ""
        return self._lines([Entry(0, citation, lang) for lang in languages])

    def can_detach(self) -> bool:
        return not self.author_date  # a sorted list needs every article in one place

    def write_detached(self, citation: Citation) -> list[str]:
        """The article's references, unnumbered (numbers are given in order by :meth:`attach`)."""
        languages = self.options.languages(citation)
        self._warn(citation, languages)
        return [self.render(Entry(0, citation, lang)) for lang in languages]

    def _warn(self, citation: Citation, languages: tuple[str, ...]) -> None:
        """The bundled GB/T styles print every type with its code; a user's CSL style gets every field."""
        if self.style.profile is None:
            return
        self.warn_type(citation, GBT_TYPES, "[Z]")
        for lang in languages:
            self.warn_unwritten(citation, lang, GBT_PRINTED)

    def attach(self, detached: object) -> str:
        assert isinstance(detached, list)
        return self._numbered(detached)

    def write_one(self, citation: Citation, lang: Lang) -> str:
        return self.render(Entry(0, citation, lang)) + self.newline

    def finish(self) -> str:
        if not self.buffered:
            return ""
        ordered = order_entries(self.buffered)
        self.buffered = []
        # keep each article's languages together, in the position of its first language
        groups: dict[int, list[Entry]] = {}
        for entry in ordered:
            groups.setdefault(entry.article, []).append(entry)
        return "".join(self._lines(sorted(group, key=lambda e: e.lang != "zh")) for group in groups.values())

    def render(self, entry: Entry) -> str:
        """One reference, always on one line (no value can break it or smuggle controls in)."""
        return reference_line(self.style, entry, self.options)

    def _lines(self, entries: list[Entry]) -> str:
        return self._numbered([self.render(entry) for entry in entries])

    def _numbered(self, lines: list[str]) -> str:
        """One article: its first language numbered (when asked), the other language below it."""
        out = []
        for index, line in enumerate(lines):
            if index == 0:
                self.count += 1
                if self.options.numbered:
                    line = f"[{self.count}] {line}"
            out.append(line + self.newline)
        return "".join(out)

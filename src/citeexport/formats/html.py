"""HTML references: the text writer's references as an HTML fragment (issue 16).

The same references as ``text`` (same style, languages, order, numbering and online rules), with
the rich text of titles kept (``<i>``, ``<b>``, ``<sub>``, ``<sup>``, small caps as
``<span style="font-variant:small-caps">``) and every value escaped (a ``<script>`` in a title is
text).  A numbered style gives ``<ol>`` with one ``<li>`` per article; an author-date style one
``<p>`` per article.  The browser's own list markers are switched off, so the page reads exactly as
the text does (``[1] `` with ``--numbered``); an article's second language follows after ``<br>``;
each reference is a ``<span lang="…">`` with its language tag.
A user's CSL style is rendered by citeproc-py's HTML formatter (the style's own italics, bold and
small caps; the text escaped).
"""

from __future__ import annotations

import html

from ..markup import to_html
from ..model import Citation, Lang
from .text.ordering import Entry
from .text.writer import TextWriter, reference_line


def _value(text: str) -> str:
    return to_html(text) or ""


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


class HtmlWriter(TextWriter):
    name = "html"
    description = "HTML references (a list or paragraphs to paste): GB/T 7714 or any CSL style, rich text kept"
    extension = "html"

    def start(self) -> str:
        if self.author_date:
            return '<div class="references">' + self.newline
        return '<ol class="references" style="list-style-type:none">' + self.newline

    def finish(self) -> str:
        return super().finish() + ("</div>" if self.author_date else "</ol>") + self.newline

    def render(self, entry: Entry) -> str:
        """One reference in a ``<span lang="…">`` (the reader's fonts and voice follow the language)."""
        tag = _escape(entry.citation.language_tag(entry.lang))
        return f'<span lang="{tag}">' + self._reference(entry) + "</span>"

    def _reference(self, entry: Entry) -> str:
        return reference_line(self.style, entry, self.options, value=_value, literal=_escape)

    def write_one(self, citation: Citation, lang: Lang) -> str:
        return "<p>" + self.render(Entry(0, citation, lang)) + "</p>" + self.newline

    def _numbered(self, lines: list[str]) -> str:
        """One article: ``<li>`` (numbered styles) or ``<p>`` (author-date), its languages after ``<br>``."""
        self.count += 1
        if self.options.numbered and lines:
            lines = [f"[{self.count}] {lines[0]}", *lines[1:]]
        tag = "p" if self.author_date else "li"
        return f"<{tag}>" + "<br>".join(lines) + f"</{tag}>" + self.newline


WRITER = HtmlWriter

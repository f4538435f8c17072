"""BibTeX/biblatex ``@article`` entries, written through bibtexparser v2's model and writer.

One entry per language.  With ``--lang both`` an article that has both languages gives
two entries, ``<stem>-zh`` then ``<stem>-en``, linked by biblatex ``related`` /
``relatedtype`` (``translationas`` on the Chinese entry — "translated as" the English one;
``translationof`` on the English entry — biblatex's localisation keys in ``english.lbx``),
as bilingual reference lists of Chinese journals need.  A single language gets the plain
stem.  Keys are unique across the whole output (see :mod:`.keys`).

Field choices (absent values are omitted, never ``field = {}``):

* ``author`` — ``Family, Given`` joined by `` and ``; a CJK person whole (``饶春明``, which
  BibTeX, biber, pybtex and bibtexparser all read as one last name); organisations in
  braces so they are never split into first/last names.
* ``journal`` (biber maps it to ``journaltitle``), ``year``, ``month`` as the bare macro
  (``jan``), ``date`` in ISO form for biblatex, ``volume``, ``number`` (the issue),
  ``pages`` with an en dash (``1--3``).
* Article number: ``eid`` (biblatex's and the APS/ACM styles' field); when the article
  has no page range it also fills ``pages``, because classic BibTeX styles ignore ``eid``
  and GB/T 7714 prints the article number in the page slot.
* ``issn``, ``doi`` and ``url`` (this language's landing page) raw but inert, see
  :func:`.latex.safe_url`; ``abstract``, ``keywords`` (comma-joined).
* ``language`` = ``zh``/``en`` (what gbt7714-bibtex-style and Zotero use) and ``langid`` =
  ``chinese``/``english`` (what biblatex and biblatex-gb7714-2015 bibliographies sort and
  split languages by).

Text goes through :mod:`.latex` (HTML markup to commands, specials escaped,
acronyms in titles brace-protected).  UTF-8 by default; ``WriteOptions.ascii`` spells
accented Latin letters as LaTeX accents for 8-bit BibTeX, but CJK text has no ASCII LaTeX
form and stays UTF-8 even then.

Speed: one ``BibtexFormat`` is made per writer and reused; the default unparse stack (with
deep copies) is skipped: values are braced here, as bibtexparser's ``AddEnclosingMiddleware``
with ``{`` for every value would (the month macro bare), and bibtexparser's ``writer.write``
lays the entries out.  ``tests/formats/bibtex/test_bibtex_writer.py`` checks the bracing equals the middleware's.
"""

from __future__ import annotations

from typing import NamedTuple

from bibtexparser.library import Library
from bibtexparser.model import Block, Entry, Field
from bibtexparser.writer import BibtexFormat, write

from ...model import Citation, Date, Lang, Name
from ...options import WriteOptions
from ...projection import Carries, Mode
from ...values import language_code
from ..base import DetachedWriting, Writer
from .keys import KeyRegistry, key_stem
from .latex import safe_url, to_latex

#: Bare BibTeX month macros, by month number.
MONTH_MACROS: dict[int, str] = dict(
    enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
)

#: ``langid`` values (babel/polyglossia language names, what biblatex reads) per language; a language
#: not listed gets no ``langid`` (``language`` is :func:`citeexport.values.language_code`).
LANGIDS: dict[Lang, str] = {
    "zh": "chinese",
    "en": "english",
    "ja": "japanese",
    "ko": "korean",
    "de": "german",
    "fr": "french",
    "ru": "russian",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "pl": "polish",
    "sv": "swedish",
    "da": "danish",
    "fi": "finnish",
    "cs": "czech",
    "hu": "magyar",
    "el": "greek",
    "tr": "turkish",
    "la": "latin",
}

#: biblatex ``relatedtype`` of an entry whose translation is the other language's entry.
RELATED_TYPES: dict[Lang, str] = {"zh": "translationas", "en": "translationof"}

NAME_SEPARATOR = " and "

_FIELDS: dict[str, Mode] = {
    "title": "one line, spaces squeezed",
    "authors": "family/given, organisations marked",
    "container_title": "one line, spaces squeezed",
    "abstract": "one line, spaces squeezed",
    "keywords": "split at , ; ， ；",
    "url": "yes",
    "issued": "yes",
    "volume": "one line, spaces squeezed",
    "issue": "one line, spaces squeezed",
    "pages": "first and last page",
    "number": "yes",
    "doi": "yes",
    "issn": "yes",
    "language": "yes",
}
#: What an entry carries of the model (:mod:`citeexport.projection`): every type is written as
#: ``@article``, so only journal articles keep their type.
CARRIES: Carries = {"*": _FIELDS, "article-journal": {"type": "yes", **_FIELDS}}


def _needs_braces(part: str) -> bool:
    """A name part BibTeX would split: it holds a comma or a stand-alone ``and``."""
    return "," in part or any(word.lower() == "and" for word in part.split())


def format_name(name: Name, ascii: bool) -> str:
    """One name as BibTeX reads it: ``von Last, Jr, First`` (``van Gogh, Vincent``,
    ``King, Jr., Martin Luther``); CJK whole; organisations braced."""
    if name.literal is not None:
        return "{" + to_latex(name.literal, ascii) + "}"
    if name.is_cjk:
        whole = to_latex(name.whole, ascii)
        return "{" + whole + "}" if _needs_braces(whole) or " " in whole else whole
    family, given, suffix = (
        "{" + part + "}" if _needs_braces(part) else part
        for part in (to_latex(value, ascii) if value else "" for value in (name.family, name.given, name.suffix))
    )
    particles = " ".join(to_latex(p, ascii) for p in (name.dropping_particle, name.non_dropping_particle) if p)
    last = " ".join(part for part in (particles, family) if part)
    if suffix and last:
        return f"{last}, {suffix}, {given}".rstrip() if given else f"{last}, {suffix}, {{}}"
    if last and given:
        return f"{last}, {given}"
    return last or "{" + given + "}"


def format_pages(citation: Citation, ascii: bool = False) -> str | None:
    """``1--3`` (the en dash is ours, the page numbers are escaped); the article number when
    there are no pages (see module docstring)."""
    if citation.page_first and citation.page_last and citation.page_first != citation.page_last:
        return f"{to_latex(citation.page_first, ascii)}--{to_latex(citation.page_last, ascii)}"
    single = citation.page_first or citation.page_last or citation.number
    return to_latex(single, ascii) if single else None


def entry_fields(citation: Citation, lang: Lang, ascii: bool) -> list[Field]:
    """The fields of one language's entry, in output order, absent ones left out."""
    text = citation.text(lang)
    issued = citation.issued
    pages = format_pages(citation, ascii)
    values: list[tuple[str, str | None]] = [
        ("author", NAME_SEPARATOR.join(format_name(name, ascii) for name in text.authors) or None),
        ("title", to_latex(text.title, ascii, protect_case=True) if text.title else None),
        ("journal", to_latex(text.container_title, ascii) if text.container_title else None),
        ("year", year_value(issued, ascii)),
        ("month", None),  # placeholder: written unbraced below
        ("date", issued.edtf() if issued else None),
        ("volume", to_latex(citation.volume, ascii) if citation.volume else None),
        ("number", to_latex(citation.issue, ascii) if citation.issue else None),
        ("pages", pages),
        ("eid", to_latex(citation.number, ascii) if citation.number else None),
        ("issn", to_latex(citation.issn, ascii) if citation.issn else None),
        ("doi", safe_url(citation.doi, ascii) if citation.doi else None),
        ("url", safe_url(text.url, ascii) if text.url else None),
        ("abstract", to_latex(text.abstract, ascii) if text.abstract else None),
        ("keywords", ", ".join(to_latex(keyword, ascii) for keyword in text.keywords) or None),
        ("language", language_code(lang)),
        ("langid", LANGIDS.get(lang)),
    ]
    fields: list[Field] = []
    for key, value in values:
        if key == "month":
            if issued and issued.month in MONTH_MACROS:
                fields.append(Field("month", MONTH_MACROS[issued.month], enclosing="no-enclosing"))
        elif value:
            fields.append(Field(key, value))
    return fields


def year_value(issued: Date | None, ascii: bool) -> str | None:
    """``year``: the year (``-876`` BCE, as biber reads it), or a literal date as written (``n.d.``)."""
    if issued is None:
        return None
    if issued.literal is not None:
        return to_latex(issued.literal, ascii)
    return str(issued.year)


#: The model fields (and name roles) an entry holds; any other a record has is warned about.
WRITTEN_FIELDS = frozenset(
    {"title", "author", "container_title", "issued", "volume", "issue", "page_first", "page_last", "number", "issn", "doi",
     "url", "abstract", "keywords"}
)  # fmt: skip


class Detached(NamedTuple):
    """One article written in a worker: its key stem, its entries' text with ``_KEY_SLOT`` for the key, how many."""

    stem: str
    text: str
    entries: int


#: Stands for the citation key until the main process has made it unique (no value holds
#: a NUL: the escapers delete control characters and URLs percent-encode them).
_KEY_SLOT = "\x00key\x00"


class BibtexWriter(Writer, DetachedWriting):
    name = "bibtex"
    description = "BibTeX/biblatex @article entries (UTF-8, or LaTeX-encoded ASCII with --ascii)"
    extension = "bib"
    options_used = ("ascii",)

    def __init__(self, options: WriteOptions | None = None) -> None:
        super().__init__(options)
        self._keys = KeyRegistry()
        self._entries_written = 0
        self._format = BibtexFormat()
        self._format.indent = "  "
        self._format.block_separator = "\n"  # one blank line between entries

    def write(self, citation: Citation) -> str:
        """All requested languages of one article; two languages are linked by ``related``."""
        return self.attach(self.write_detached(citation))

    def write_one(self, citation: Citation, lang: Lang) -> str:
        """One language's entry under a plain key."""
        self._warn(citation, (lang,))
        key = self._keys.claim(key_stem(citation))
        return self._separated(self._render([Entry("article", key, entry_fields(citation, lang, self.options.ascii))]), 1)

    def _warn(self, citation: Citation, languages: tuple[str, ...]) -> None:
        self.warn_type(citation, frozenset({"article-journal"}), "@article")
        for lang in languages:
            self.warn_unwritten(citation, lang, WRITTEN_FIELDS)

    def write_detached(self, citation: Citation) -> Detached:
        """The entries with ``_KEY_SLOT`` for the key: no key registry needed."""
        languages = self.options.languages(citation)
        self._warn(citation, languages)
        if len(languages) < 2:
            entries = [Entry("article", _KEY_SLOT, entry_fields(citation, lang, self.options.ascii)) for lang in languages]
        else:
            keys = {lang: f"{_KEY_SLOT}-{lang}" for lang in languages}
            entries = []
            for lang in languages:
                (other,) = (keys[other_lang] for other_lang in languages if other_lang != lang)
                fields = entry_fields(citation, lang, self.options.ascii)
                fields += [Field("related", other), Field("relatedtype", RELATED_TYPES[lang])]
                entries.append(Entry("article", keys[lang], fields))
        return Detached(key_stem(citation), self._render(entries), len(entries))

    def attach(self, detached: object) -> str:
        assert isinstance(detached, Detached)
        if not detached.entries:
            return ""
        return self._separated(detached.text.replace(_KEY_SLOT, self._keys.claim(detached.stem)), detached.entries)

    def _separated(self, text: str, count: int) -> str:
        """A blank line before all entries but the first of the output."""
        separator = "\n" if self._entries_written else ""
        self._entries_written += count
        return separator + text

    def _render(self, entries: list[Entry]) -> str:
        """Entries with their values braced, through bibtexparser's writer."""
        for entry in entries:
            enclose(entry)
        blocks: list[Block] = list(entries)
        return write(Library(blocks), self._format)


def enclose(entry: Entry) -> Entry:
    """Every value in braces, but a field that asks for none (the month macro): what
    ``AddEnclosingMiddleware(default_enclosing="{", enclose_integers=True)`` does to a new entry,
    without its per-field generality (a tenth of the writer's time)."""
    for field in entry.fields:
        if field.enclosing != "no-enclosing":
            field.value = "{" + field.value + "}"
    return entry

"""BibTeX and biblatex entries, laid out as bibtexparser v2's writer lays them out (that writer is the
reference in the tests, never imported here): one writer per dialect.

* ``bibtex`` (:class:`BibtexWriter`) — classic BibTeX, for ``plain.bst``, natbib's styles and
  ``gbt7714.bst`` (the common choice in Chinese theses): the standard entry types (and the ones
  ``gbt7714.bst`` adds: ``@standard``, ``@patent``, ``@newspaper``, ``@online`` …), only the fields
  their styles read, ``year`` with ``month`` as the bare macro (``jan``).  An article number goes to
  ``pages`` when there are none (GB/T 7714 prints it there).  The two languages of an article are
  two entries, ``<stem>-zh`` and ``<stem>-en``, not linked: classic BibTeX has no field for a
  translation, and a ``note`` would print.
* ``biblatex`` (:class:`BiblatexWriter`) — biblatex's data model as biber validates it: its types
  (``@thesis`` with ``type``, ``@report``, ``@online``, ``@dataset``, ``@patent``, ``@standard`` …,
  ``entrysubtype`` for magazines and newspapers), ``date``/``urldate``/``eventdate``/``origdate`` in
  EDTF (``1900~``, seasons, ranges), ``journaltitle``, ``location``, ``subtitle``, ``eventtitle``,
  ``venue``, ``pubstate``, ``eid`` for an article number, ``langid`` (``chinese``/``english``),
  and the two languages linked by ``related``/``relatedtype`` (``translationas`` on the Chinese
  entry, ``translationof`` on the English one: biblatex's localisation keys).

Which model field becomes which entry field is the slot table of :mod:`.fields`, filtered by what
each entry type may hold (:mod:`.datamodel`); a field of the record that its entry cannot hold, a
type written as another and the date parts classic BibTeX has no field for are warned about.
Keys: :mod:`.keys` (unique across the whole output).  Text goes through :mod:`.latex` (rich text to
commands, specials escaped, acronyms in titles brace-protected); UTF-8 by default, ``--ascii``
spells accented Latin letters as LaTeX accents (CJK text has no ASCII form and stays UTF-8).

Speed: values are braced here, as bibtexparser's ``AddEnclosingMiddleware`` with ``{`` for every
value would (the month macro bare), and entries are laid out as bibtexparser's ``writer.write`` lays
them out (:func:`layout`); ``tests/formats/bibtex/test_bibtex_writer.py`` checks both against
bibtexparser's own (the middleware, the writer) on random records.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from ...model import CSL_TYPES, Citation, Lang
from ...options import WriteOptions
from ...projection import Carries
from ..base import DetachedWriting, Writer, lost_date_parts
from . import fields as slots
from .fields import LANGIDS, MONTH_MACROS, format_name, format_pages, year_value
from .keys import KeyRegistry, key_stem
from .tables import BIBLATEX_SUBTYPES, Dialect

if TYPE_CHECKING:  # bibtexparser's model, for the reference functions at the end (the writer never imports it)
    from bibtexparser.model import Entry, Field

__all__ = [
    "LANGIDS",
    "MONTH_MACROS",
    "BiblatexWriter",
    "BibtexWriter",
    "entry_fields",
    "format_name",
    "format_pages",
    "year_value",
]

#: biblatex ``relatedtype`` of an entry whose translation is the other language's entry.
RELATED_TYPES: dict[Lang, str] = {"zh": "translationas", "en": "translationof"}

#: What each dialect carries of the model, per CSL type (:mod:`citeexport.projection`), from its slots.
CARRIES: Carries = slots.carries("bibtex")
BIBLATEX_CARRIES: Carries = slots.carries("biblatex")


#: One field of an entry as the writer makes it: (name, value, written bare: no braces).
FieldValue = tuple[str, str, bool]


def entry_fields(citation: Citation, lang: Lang, ascii: bool, dialect: Dialect = "bibtex") -> list[Field]:
    """The fields of one language's entry, in output order, absent ones left out, as bibtexparser's
    model (what :func:`bibtexparser_layout` is given in the tests)."""
    from bibtexparser.model import Field

    entry_type = slots.entry_type_for(citation.type, citation.text(lang).genre, dialect)
    values, _written = _fields(citation, lang, ascii, dialect, entry_type)
    return [Field(name, value, enclosing="no-enclosing") if bare else Field(name, value) for name, value, bare in values]


def _fields(citation: Citation, lang: Lang, ascii: bool, dialect: Dialect, entry_type: str) -> tuple[list[FieldValue], set[str]]:
    """The entry's fields and the model fields they hold."""
    entry = slots.Entry(citation, citation.text(lang), lang, entry_type, ascii)
    fields: list[FieldValue] = []
    names: set[str] = set()
    written: set[str] = set()
    for name, value_of, model, bare in _rows(dialect, entry_type):
        if name in names:
            continue
        value = value_of(entry)
        if value:
            names.add(name)
            written.update(model)
            fields.append((name, value, bare))
    if dialect == "biblatex":
        for editor_field, value, key, role in slots.editor_slots(entry):
            fields += [(editor_field, value, False), (editor_field + "type", key, False)]
            written.add(role)
        if entry_type == "article" and citation.type in BIBLATEX_SUBTYPES:
            fields.append(("entrysubtype", BIBLATEX_SUBTYPES[citation.type], False))
    return fields, written


@cache
def _rows(
    dialect: Dialect, entry_type: str
) -> tuple[tuple[str, Callable[[slots.Entry], str | None], tuple[str, ...], bool], ...]:
    """:func:`~.fields.slots_for` as (entry field, value, model fields, bare): what :func:`_fields` reads of each slot."""
    return tuple((name, slot.value, slot.model, slot.bare) for name, slot in slots.slots_for(dialect, entry_type))


class Detached(NamedTuple):
    """One article written in a worker: its key stem, its entries' text with ``_KEY_SLOT`` for the key, how many."""

    stem: str
    text: str
    entries: int


#: Stands for the citation key until the main process has made it unique (no value holds
#: a NUL: the escapers delete control characters and URLs percent-encode them).
_KEY_SLOT = "\x00key\x00"


class _BibWriter(Writer, DetachedWriting):
    """One dialect's writer (:attr:`dialect`); the two differ in their tables, not in their code."""

    dialect: Dialect
    extension = "bib"
    options_used = ("ascii",)
    #: The CSL types written as themselves.
    _kept_types: frozenset[str]

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls._kept_types = frozenset(t for t in CSL_TYPES if slots.keeps_type(t, cls.dialect))

    def __init__(self, options: WriteOptions | None = None) -> None:
        super().__init__(options)
        self._keys = KeyRegistry()
        self._entries_written = 0

    def write(self, citation: Citation) -> str:
        """All requested languages of one article."""
        return self.attach(self.write_detached(citation))

    def write_one(self, citation: Citation, lang: Lang) -> str:
        """One language's entry under a plain key."""
        self._warn_type(citation, (lang,))
        key = self._keys.claim(key_stem(citation))
        return self._separated(self._entry(citation, lang, key), 1)

    def _entry(self, citation: Citation, lang: Lang, key: str, related: list[FieldValue] | None = None) -> str:
        """One language's entry as text (:func:`layout`), its warnings said."""
        entry_type = slots.entry_type_for(citation.type, citation.text(lang).genre, self.dialect)
        fields, written = _fields(citation, lang, self.options.ascii, self.dialect, entry_type)
        # classic BibTeX's year and month cannot say circa, a season or a range end.  Not the day: year and
        # month are its precision, as the README's table says (every article would be warned about)
        lost = (
            lost_date_parts(citation, written & {"issued"}, ("circa", "season", "range end")) if self.dialect == "bibtex" else []
        )
        self.warn_unwritten(citation, lang, frozenset(written), also=lost)
        return entry_text(entry_type, key, fields + related if related else fields)

    def _warn_type(self, citation: Citation, languages: tuple[Lang, ...]) -> None:
        """Once per article: its type, when the dialect writes it as another."""
        if citation.type not in self._kept_types and languages:
            genre = citation.text(languages[0]).genre
            self.warn_type(citation, self._kept_types, f"@{slots.entry_type_for(citation.type, genre, self.dialect)}")

    def _related(self, lang: Lang, other_key: str) -> list[FieldValue]:
        """Fields linking one language's entry to its translation (biblatex only)."""
        if self.dialect != "biblatex" or lang not in RELATED_TYPES:
            return []
        return [("related", other_key, False), ("relatedtype", RELATED_TYPES[lang], False)]

    def write_detached(self, citation: Citation) -> Detached:
        """The entries with ``_KEY_SLOT`` for the key: no key registry needed."""
        languages = self.options.languages(citation)
        self._warn_type(citation, languages)
        if len(languages) < 2:
            entries = [self._entry(citation, lang, _KEY_SLOT) for lang in languages]
        else:
            keys = {lang: f"{_KEY_SLOT}-{lang}" for lang in languages}
            entries = []
            for lang in languages:
                (other,) = (keys[other_lang] for other_lang in languages if other_lang != lang)
                entries.append(self._entry(citation, lang, keys[lang], self._related(lang, other)))
        return Detached(key_stem(citation), "\n".join(entries), len(entries))

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


class BibtexWriter(_BibWriter):
    name = "bibtex"
    description = "classic BibTeX for plain.bst, natbib and gbt7714.bst (UTF-8, or LaTeX-encoded ASCII with --ascii)"
    dialect: Dialect = "bibtex"


class BiblatexWriter(_BibWriter):
    name = "biblatex"
    description = "biblatex for biber (biblatex-gb7714-2015 …): its types, EDTF dates, langid, linked translations"
    dialect: Dialect = "biblatex"


def layout(entries: list[Entry]) -> str:
    """Entries as bibtexparser's ``writer.write`` lays them out with this writer's format (two-space
    indent, a blank line between entries, values braced as :func:`enclose` braces them), written
    directly: its writer builds a library and a list of pieces per entry, a third of the BibTeX
    writer's time, and adds nothing here.  ``test_bibtex_writer`` checks the two agree."""
    return "\n".join(_entry_text(entry) for entry in entries)


def _entry_text(entry: Entry) -> str:
    return entry_text(entry.entry_type, entry.key, [(f.key, f.value, f.enclosing == "no-enclosing") for f in entry.fields])


def entry_text(entry_type: str, key: str, fields: list[FieldValue]) -> str:
    """One entry as :func:`layout` lays it out: each value braced but the bare ones (the month macro)."""
    if not fields:
        return f"@{entry_type}{{{key},\n}}\n"
    body = ",\n".join([f"  {name} = {value}" if bare else f"  {name} = {{{value}}}" for name, value, bare in fields])
    return f"@{entry_type}{{{key},\n{body}\n}}\n"


def bibtexparser_layout(entries: list[Entry]) -> str:
    """The same entries through bibtexparser's writer (the reference :func:`layout` is checked against)."""
    from bibtexparser.library import Library
    from bibtexparser.model import Block
    from bibtexparser.writer import BibtexFormat, write

    bibtex_format = BibtexFormat()
    bibtex_format.indent = "  "
    bibtex_format.block_separator = "\n"
    blocks: list[Block] = [enclose(entry) for entry in entries]
    return write(Library(blocks), bibtex_format)


def enclose(entry: Entry) -> Entry:
    """Every value in braces, but a field that asks for none (the month macro): what
    ``AddEnclosingMiddleware(default_enclosing="{", enclose_integers=True)`` does to a new entry,
    without its per-field generality (a tenth of the writer's time)."""
    for field in entry.fields:
        if field.enclosing != "no-enclosing":
            field.value = "{" + field.value + "}"
    return entry

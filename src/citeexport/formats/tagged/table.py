"""What a tag table is: the model fields a tagged format's tags carry, per reference type, as data.

Each tagged format module (:mod:`.ris`, :mod:`.enw`, :mod:`.refworks`) holds two tables its reader
and its writer share, so the two cannot drift:

* a :class:`TypeTable`: its reference type names (``JOUR``, ``Book Section``, ``Book, Whole``), each
  with the CSL type (and genre) it is read as; the row marked ``writes`` is the one a CSL type
  is written with.  A CSL type no row writes goes to the nearest one (``nearest``), and the writer
  says so (:meth:`TypeTable.code_for`).
* a :class:`TagTable`: slot -> tag in the order the writer prints them, with per-type overrides
  (``SN`` holds the ISBN of a book, the ISSN of a journal article, the number of a report).  A
  *slot* (:data:`Field`) is a model field name (``publisher``, ``isbn``, ``accessed``), a name role
  (``author``, ``editor``, ``translator``), or one of the few parts a tagged format spells its own
  way (``year``/``date`` of ``issued``, ``page_first``/``page_last``/``pages``, ``keyword``,
  ``language``, ``source_type``).  :data:`SLOT_FIELDS` names the model field each slot fills.

Values are plain strings; how a date or a name is spelled in each format is the writer's business
and is documented there.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

#: A model field name, a name role, or one of the format-spelled parts (see the module docstring).
Field = str

#: One row per slot: (slot, tag).  A tuple, not a dict, because the order is the order of the lines
#: in a record; one tag may appear for two slots (``SN``: ISSN and ISBN, told apart when read).
TagTable = tuple[tuple[Field, str], ...]
#: Per-type changes to a TagTable: slot -> tag, or None when the type has no tag for the slot.
TagOverrides = Mapping[Field, str | None]

#: The slots that are no model field of the same name, and the model field (for warnings) they fill.
SLOT_FIELDS: dict[Field, str] = {
    "year": "issued",
    "date": "issued",
    "pages": "page",
    "keyword": "keywords",
    "source_type": "url",
    "language": "language",
}

#: Slots whose value is a LocalizedText text field of the same name.
TEXT_SLOTS: frozenset[Field] = frozenset(
    {"title", "title_short", "container_title", "container_title_short", "collection_title", "event_title",
     "event_place", "publisher", "publisher_place", "genre", "medium", "authority", "abstract", "note", "url",
     "archive", "archive_location", "edition", "pdf_url"}
)  # fmt: skip
#: Slots whose value is a Citation field of the same name (one line of text each).
NEUTRAL_SLOTS: frozenset[Field] = frozenset(
    {"volume", "issue", "number", "number_of_pages", "number_of_volumes", "chapter_number", "collection_number",
     "section", "version", "doi", "isbn", "issn", "call_number", "status"}
)  # fmt: skip
#: Slot of the tag that holds "ISSN or ISBN" (RIS ``SN``, EndNote ``%@``): read by the value's shape
#: (:func:`citeexport.values.serial_number`), else as the type's ISSN, ISBN or number.
SERIAL_SLOT: Field = "serial"
#: Types whose ISSN/ISBN tag holds an ISSN when the value does not say (periodicals).
SERIAL_TYPES: frozenset[str] = frozenset({"article-journal", "article-magazine", "article-newspaper", "periodical"})
#: Types whose number shares that tag (EndNote's "Report Number", "Patent Number", "Document Number").
NUMBERED_TYPES: frozenset[str] = frozenset({"report", "patent", "standard"})

#: Slots holding one date (a Citation date field of the same name), written as the format spells dates.
DATE_SLOTS: frozenset[Field] = frozenset({"accessed", "original_date", "event_date", "available_date", "submitted"})


def model_field(slot: Field) -> str:
    """The model field (or name role) a slot fills, by its model name."""
    return SLOT_FIELDS.get(slot, slot)


def fields_by_tag(table: TagTable) -> dict[str, Field]:
    """Invert a writer's table for a reader: tag -> slot (the first slot of a tag wins)."""
    out: dict[str, Field] = {}
    for slot, tag in table:
        out.setdefault(tag, slot)
    return out


def with_overrides(table: TagTable, overrides: TagOverrides) -> TagTable:
    """``table`` with the slots ``overrides`` names moved to their tag (or removed: None); a slot the
    table lacks goes where its tag first is (a patent's authority where the place was), else at the end."""
    rows: list[tuple[Field, str]] = []
    present = {slot for slot, _ in table}
    added = {slot: tag for slot, tag in overrides.items() if slot not in present and tag is not None}
    for slot, tag in table:
        rows += [(new, new_tag) for new, new_tag in added.items() if new_tag == tag]
        added = {new: new_tag for new, new_tag in added.items() if new_tag != tag}
        if slot in overrides:
            replaced = overrides[slot]
            if replaced is not None:
                rows.append((slot, replaced))
        else:
            rows.append((slot, tag))
    return (*rows, *added.items())


# -- reference types -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TypeRow:
    """One reference type of a format: its name there, and the CSL type (and genre) it is in the model."""

    code: str  # as the format spells it: "JOUR", "Journal Article", "Book, Whole"
    csl: str  # a CSL 1.0.2 type
    genre: str | None = None  # set when the record has no genre of its own ("aggregated database")
    writes: bool = True  # the row the writer uses for ``csl`` (and ``genre``)


@dataclass(frozen=True)
class TypeTable:
    """A format's reference types (see the module docstring)."""

    rows: tuple[TypeRow, ...]
    #: CSL types no row writes -> the code written instead (with a warning).
    nearest: Mapping[str, str]
    #: What a type no row knows is written as (and read as: ``document``, the code kept as genre).
    fallback: str
    #: Per-CSL-type tag changes (see :func:`with_overrides`).
    overrides: Mapping[str, TagOverrides] = field(default_factory=dict)

    @cached_property
    def _by_code(self) -> dict[str, TypeRow]:
        out: dict[str, TypeRow] = {}
        for row in self.rows:
            out.setdefault(row.code.casefold(), row)
        return out

    @cached_property
    def _writers(self) -> dict[tuple[str, str | None], TypeRow]:
        out: dict[tuple[str, str | None], TypeRow] = {}
        for row in self.rows:
            if row.writes:
                out.setdefault((row.csl, row.genre.casefold() if row.genre else None), row)
        return out

    def read(self, code: str) -> TypeRow | None:
        """The row of a type name as a file spells it (case and surrounding spaces ignored); None if unknown."""
        return self._by_code.get(" ".join(code.split()).casefold())

    def code_for(self, csl_type: str, genre: str | None) -> tuple[str, bool]:
        """(the code a record of ``csl_type`` is written with, whether that code reads back as ``csl_type``)."""
        row = (genre and self._writers.get((csl_type, genre.casefold()))) or self._writers.get((csl_type, None))
        if row is not None:
            return row.code, True
        return self.nearest.get(csl_type, self.fallback), False

    def held(self) -> frozenset[str]:
        """The CSL types written as themselves."""
        return frozenset(csl for csl, _ in self._writers)

    @cached_property
    def _tables(self) -> dict[tuple[int, str], tuple[TagTable, TagTable]]:
        return {}

    def tags(self, base: TagTable, csl_type: str) -> TagTable:
        """The writer's tag table for records of ``csl_type`` (made once per base table and type)."""
        key = (id(base), csl_type)
        cached = self._tables.get(key)
        if cached is None or cached[0] is not base:
            cached = self._tables[key] = (base, with_overrides(base, self.overrides.get(csl_type, {})))
        return cached[1]


def rows(csl: str, *codes: str, genre: str | None = None) -> tuple[TypeRow, ...]:
    """Rows for several spellings of one type: the first is the one written, the rest are read only."""
    return tuple(TypeRow(code, csl, genre, writes=index == 0) for index, code in enumerate(codes))


def read_only(pairs: Iterable[tuple[str, str]]) -> tuple[TypeRow, ...]:
    """Rows read but never written: (code, CSL type)."""
    return tuple(TypeRow(code, csl, writes=False) for code, csl in pairs)


#: EndNote's reference types, as its RIS export names them and as its tagged format does (the RIS
#: codes of the 2011 RIS specification are EndNote's own types): (RIS code, EndNote name, CSL type,
#: genre or None).  A CSL type appears once with ``writes`` (the first row), the rest read only.
ENDNOTE_TYPES: tuple[tuple[str, str, str, str | None], ...] = (
    ("JOUR", "Journal Article", "article-journal", None),
    ("BOOK", "Book", "book", None),
    ("CHAP", "Book Section", "chapter", None),
    ("CPAPER", "Conference Paper", "paper-conference", None),
    ("THES", "Thesis", "thesis", None),
    ("RPRT", "Report", "report", None),
    ("STAND", "Standard", "standard", None),
    ("PAT", "Patent", "patent", None),
    ("NEWS", "Newspaper Article", "article-newspaper", None),
    ("MGZN", "Magazine Article", "article-magazine", None),
    ("WEB", "Web Page", "webpage", None),
    ("DATA", "Dataset", "dataset", None),
    ("COMP", "Computer Program", "software", None),
    ("UNPB", "Unpublished Work", "article", None),
    ("MANSCPT", "Manuscript", "manuscript", None),
    ("MAP", "Map", "map", None),
    ("GEN", "Generic", "document", None),
    ("BILL", "Bill", "bill", None),
    ("BLOG", "Blog", "post-weblog", None),
    ("CASE", "Case", "legal_case", None),
    ("HEAR", "Hearing", "hearing", None),
    ("STAT", "Statute", "legislation", None),
    ("LEGAL", "Legal Rule or Regulation", "regulation", None),
    ("ENCYC", "Encyclopedia", "entry-encyclopedia", None),
    ("DICT", "Dictionary", "entry-dictionary", None),
    ("FIGURE", "Figure", "figure", None),
    ("ART", "Artwork", "graphic", None),
    ("MPCT", "Film or Broadcast", "motion_picture", None),
    ("MUSIC", "Music", "musical_score", None),
    ("PAMP", "Pamphlet", "pamphlet", None),
    ("PCOMM", "Personal Communication", "personal_communication", None),
    ("CLSWK", "Classical Work", "classic", None),
    ("SER", "Serial", "periodical", None),
    ("CONF", "Conference Proceedings", "paper-conference", None),  # whole proceedings: CNKI's conference papers
    ("EJOUR", "Electronic Article", "article-journal", None),
    ("EBOOK", "Electronic Book", "book", None),
    ("ECHAP", "Electronic Book Section", "chapter", None),
    ("EDBOOK", "Edited Book", "book", None),
    ("ANCIENT", "Ancient Text", "classic", "ancient text"),
    ("ADVS", "Audiovisual Material", "motion_picture", "audiovisual material"),
    ("AGGR", "Aggregated Database", "dataset", "aggregated database"),
    ("DBASE", "Online Database", "dataset", "online database"),
    ("CTLG", "Catalog", "document", "catalog"),
    ("CHART", "Chart or Table", "figure", "chart or table"),
    ("EQUA", "Equation", "document", "equation"),
    ("GOVDOC", "Government Document", "report", "government document"),
    ("GRANT", "Grant", "document", "grant"),
    ("MULTI", "Online Multimedia", "webpage", "online multimedia"),
)

#: CSL types EndNote has no type for -> the EndNote type nearest to them (RIS code; written with a warning).
ENDNOTE_NEAREST: dict[str, str] = {
    "broadcast": "MPCT",
    "collection": "BOOK",
    "entry": "ENCYC",
    "event": "CPAPER",
    "interview": "PCOMM",
    "performance": "GEN",
    "post": "BLOG",
    "review": "JOUR",
    "review-book": "JOUR",
    "song": "MUSIC",
    "speech": "CPAPER",
    "treaty": "STAT",
}


def every_tag(base: TagTable, types: TypeTable, aliases: Mapping[str, Field]) -> dict[str, Field]:
    """Tag -> slot for a record of any type: the base table, then each type's overrides, then the aliases
    (what a reader knows before it knows the type, and what it falls back on for a tag the type lacks)."""
    out = fields_by_tag(base)
    for overrides in types.overrides.values():
        for slot, tag in overrides.items():
            if tag is not None:
                out.setdefault(tag, slot)
    for tag, slot in aliases.items():
        out.setdefault(tag, slot)
    return out


def endnote_rows(column: int, only: Iterable[tuple[str, str, str | None]] = ()) -> tuple[TypeRow, ...]:
    """A TypeTable's rows from :data:`ENDNOTE_TYPES` (``column`` 0: RIS codes, 1: EndNote names), then
    the format's own ``only`` rows (code, CSL type, genre).  For each (CSL type, genre) the first row is
    the one written."""
    return tuple(TypeRow(str(row[column]), str(row[2]), row[3]) for row in ENDNOTE_TYPES) + tuple(
        TypeRow(code, csl, genre) for code, csl, genre in only
    )


def endnote_name(ris_code: str) -> str:
    """EndNote's name of the type its RIS export calls ``ris_code``."""
    return next(name for code, name, _csl, _genre in ENDNOTE_TYPES if code == ris_code)


# -- the README's tables ---------------------------------------------------------------------------


def types_markdown(formats: Mapping[str, TypeTable]) -> str:
    """The README's table of the type each CSL type is written as, per format (``→`` the nearest, with a warning)."""
    from ...model import CSL_TYPES

    lines = ["| CSL type | " + " | ".join(formats) + " |", "|" + "---|" * (len(formats) + 1)]
    for csl_type in CSL_TYPES:
        cells = []
        for types in formats.values():
            code, held = types.code_for(csl_type, None)
            cells.append(f"`{code}`" if held else f"→ `{code}`")
        lines.append(f"| `{csl_type}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


_README_NAMES = {
    "year": "issued (year)",
    "date": "issued (month, day, season)",
    "pages": "page (the whole range)",
    "source_type": "(source type, from url and doi)",
}


def fields_markdown(formats: Mapping[str, tuple[TypeTable, TagTable]]) -> str:
    """The README's table of the tag each model field (or name role) is written with, per format, with the
    types that write it elsewhere (``book: A3``) or not at all (``book: —``)."""
    slots: list[Field] = []
    for types, base in formats.values():
        for slot, _tag in base:
            if slot not in slots:
                slots.append(slot)
        for overrides in types.overrides.values():
            slots += [slot for slot in overrides if slot not in slots]
    lines = ["| model field | " + " | ".join(formats) + " |", "|" + "---|" * (len(formats) + 1)]
    for slot in slots:
        cells = []
        for types, base in formats.values():
            tags = [tag for name, tag in base if name == slot]
            cell = f"`{tags[0]}`" if tags else "—"
            changes = [
                f"{csl}: `{overrides[slot]}`" if overrides[slot] else f"{csl}: —"
                for csl, overrides in sorted(types.overrides.items())
                if slot in overrides and overrides[slot] != (tags[0] if tags else None)
            ]
            cells.append(cell + (f" ({'; '.join(changes)})" if changes else ""))
        name = _README_NAMES.get(slot, model_field(slot))
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)

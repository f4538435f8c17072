"""BibTeX/biblatex reader: one Citation per entry, in the entry's one language, streamed entry by entry.

Streaming: the input is cut into blocks at lines that start a block (``@type{`` or
``@type(``, bibtexparser's own rule), and each block goes through bibtexparser v2's
splitter and default middleware (string references, enclosing removal) on its own, so
memory does not grow with the file.  ``@string`` macros defined earlier are carried to
later blocks; ``#`` concatenation, which bibtexparser leaves alone, is resolved here.

LaTeX decoding is :func:`~.latex_decode.decode_latex` (see there).

Fields: ``author`` (``and``-separated; ``{Organisation}`` braced is an organisation, a braced
CJK name a person when it can be one, see :mod:`citeexport.names`), ``title``, ``journal``
or ``journaltitle``, ``shortjournal``, ``date`` (biblatex ISO) or ``year`` + ``month``,
``volume``, ``number``/``issue``, ``pages``, ``eid`` (article number; a ``pages`` equal to it
is the writer's page slot), ``issn``, ``doi``, ``url`` (raw, backslash escapes removed),
``abstract``, ``keywords`` (split at ``,`` ``;`` ``，`` ``；``), ``language``/``langid``.
Repaired with a warning: MagTech's comma-joined CJK authors, its key with a full-width
comma, its ``publisher`` = journal and its first-page ``pages`` + ``numpages``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar, cast

from pydantic import ValidationError

from ...errors import ParseError
from ...model import ROLES, Citation, CslType, Date, Name, Role, has_cjk, new_citation, new_text
from ...names import cjk_name, name_from_parts, split_joined_names
from ...record_warnings import RecordWarning
from ...values import month_number, parse_date, parse_pages, record_language, split_keywords
from ..base import InputReading, Reader, Record, Source, finish_record, given_fields
from .crossref import RawEntry, parent_keys, resolve
from .fastsplit import plain_entry
from .latex_decode import Decoded, decode_latex, decode_url, is_plain
from .tables import (
    ARTICLE_SUBTYPES,
    BOOK_PARENTS,
    ENTRY_TYPES,
    ISSUE_NUMBER_TYPES,
    NAME_ROLES,
    NUMBERED_TYPES,
    THESIS_GENRES,
    TYPE_KEYS,
)

if TYPE_CHECKING:
    from bibtexparser.model import Entry, String

# -- values ----------------------------------------------------------------------------------------


def split_top_level(value: str, separator: re.Pattern[str]) -> list[str]:
    """``value`` split at ``separator`` matches outside braces (BibTeX's rule for ``and`` and commas).

    ``separator`` has no group and matches no empty string (``and``, ``,``, ``#``): a value with
    neither braces nor backslashes is then split by the pattern alone, as the long way splits it
    (``tests/formats/bibtex/test_bibtex_fast_paths.py``).
    """
    if "{" not in value and "}" not in value and "\\" not in value:
        return separator.split(value)
    return _split_braced(value, separator)


def _split_braced(value: str, separator: re.Pattern[str]) -> list[str]:
    """:func:`split_top_level` the long way: character by character, braces counted, ``\\x`` skipped."""
    parts: list[str] = []
    depth, start, i = 0, 0, 0
    while i < len(value):
        char = value[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            match = separator.match(value, i)
            if match:
                parts.append(value[start:i])
                start = i = match.end()
                continue
        i += 1
    parts.append(value[start:])
    return parts


_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_COMMA = re.compile(",")
_HASH = re.compile(r"\s*#\s*")
#: Name-list parts (one name each, mostly) whose reading :func:`_author` keeps (about 1 KB each).
AUTHOR_CACHE_SIZE = 4096
#: Date and year values whose reading :func:`_parsed_date` keeps.
DATE_CACHE_SIZE = 1024


def _is_braced_whole(text: str) -> bool:
    """``{…}`` where the first brace closes at the end (``{A} and {B}`` is not)."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for position, char in enumerate(text):
        depth += (char == "{") - (char == "}")
        if depth == 0:
            return position == len(text) - 1
    return False


def parse_bibtex_name(raw: str) -> Name | None:
    raw = raw.strip()
    if _is_braced_whole(raw):
        inner = decode_latex(raw[1:-1])
        if not inner:
            return None
        return cjk_name(inner) if has_cjk(inner) else Name(literal=inner)
    return name_from_parts([decode_latex(part) for part in split_top_level(raw, _COMMA)])


def parse_authors(raw: str, warnings: list[str]) -> tuple[Name, ...]:
    """``A and B and {C}``; a MagTech list of CJK names joined by commas is split, with a warning."""
    names: list[Name] = []
    for part in split_top_level(raw, _AND):
        found, warning = _author(part)
        if warning is not None:
            warnings.append(warning)
        names.extend(found)
    return tuple(names)


@lru_cache(maxsize=AUTHOR_CACHE_SIZE)
def _author(part: str) -> tuple[tuple[Name, ...], str | None]:
    """The names one ``and``-separated part of a name list holds, and the warning it gives: one name,
    or several that a MagTech export joined with commas.  Cached: a bibliography names the same
    people again and again, and a :class:`Name` is frozen, so records can share one."""
    plain = is_plain(part)  # the common name: what decoding and parse_bibtex_name would do is stripping
    decoded = part.strip() if plain else decode_latex(part)
    braced = not plain and _is_braced_whole(part.strip())
    joined = split_joined_names(decoded) if has_cjk(decoded) and not braced else [decoded]
    if len(joined) > 1:
        names = tuple(name for name in map(name_from_parts, ([n] for n in joined)) if name)
        return names, f"{len(joined)} names joined by commas in one author, split: {decoded!r}"
    name = name_from_parts([piece.strip() for piece in decoded.split(",")]) if plain else parse_bibtex_name(part)
    return ((name,) if name else ()), None


def concatenate(value: str, strings: dict[str, str]) -> str:
    """Resolve ``a # {b} # "c"`` (bibtexparser leaves ``#`` alone): macros from ``@string`` and month names."""
    pieces = []
    for piece in split_top_level(value, _HASH):
        piece = piece.strip()
        if (piece.startswith("{") and piece.endswith("}")) or (piece.startswith('"') and piece.endswith('"')):
            pieces.append(piece[1:-1])
        else:
            pieces.append(strings.get(piece.lower(), piece))
    return "".join(pieces)


#: Fields the writer adds, or the reader resolves, that carry nothing more for the model.
QUIET_FIELDS = frozenset({"related", "relatedtype", "crossref", "xdata"})
#: Fields whose braces protect case (read as ``nocase`` spans, see :mod:`.latex_decode`).
TITLE_LIKE = frozenset({"title", "subtitle", "shorttitle", "booktitle", "maintitle", "eventtitle", "series"})
#: Characters BibTeX, biber and pandoc do not accept in a key.
_BAD_KEY = re.compile(r"[\s,{}()\"#%'=~\\，]")
_URL_COMMAND = re.compile(r"^\s*\\url\s*\{(.*)\}\s*$", re.DOTALL)
#: ``editoratype`` values that are CSL roles under another name.
EDITOR_TYPES: dict[str, Role] = {"compiler": "compiler", "director": "director", "organizer": "organizer", "founder": "contributor",
                                 "continuator": "contributor", "collaborator": "contributor", "redactor": "editor",
                                 "reviser": "editor"}  # fmt: skip


class _Fields:
    """One entry's raw fields, decoded on demand; what is taken reaches the model, the rest is reported.

    ``present``: the fields that are not blank (in the entry's order), found once, so that asking
    for a field the entry lacks (most of the names the reader knows) is one look-up.
    """

    def __init__(self, raw: dict[str, str], notes: Decoded) -> None:
        self.raw = raw
        self.notes = notes
        self.present = {name: value for name, value in raw.items() if value.strip()}
        self.taken: set[str] = set()

    def has(self, name: str) -> bool:
        return name in self.present

    def text(self, *names: str) -> str | None:
        """The first of ``names`` the entry has, decoded (and taken); None when it has none."""
        present = self.present
        for name in names:
            if name in present:
                self.taken.add(name)
                return decode_latex(self.raw[name], nocase=name in TITLE_LIKE, notes=self.notes) or None
        return None

    def date(self, name: str) -> str | None:
        """A date field as written (EDTF's ``~`` is no LaTeX space here), braces and spaces stripped."""
        if name not in self.present:
            return None
        self.taken.add(name)
        return self.raw[name].replace("{", "").replace("}", "").strip() or None

    def url(self, name: str) -> str | None:
        if name not in self.present:
            return None
        self.taken.add(name)
        value = self.raw[name]
        match = _URL_COMMAND.match(value)
        return decode_url(match.group(1) if match else value) or None

    def names(self, name: str, warnings: list[str]) -> tuple[Name, ...]:
        if name not in self.present:
            return ()
        self.taken.add(name)
        return parse_authors(self.raw[name], warnings)

    def untaken(self) -> list[str]:
        taken = self.taken
        return [name for name in self.present if name not in taken and name not in QUIET_FIELDS]


def _genre(fields: _Fields, entry_type: str) -> str | None:
    """``type`` (a biblatex localisation key is spelled out: ``mathesis`` → ``Master's thesis``), else the thesis kind."""
    if fields.has("type"):
        raw = fields.raw["type"].strip()
        if raw.lower() in TYPE_KEYS:
            fields.taken.add("type")
            return TYPE_KEYS[raw.lower()]
        return fields.text("type")
    return THESIS_GENRES.get(entry_type)


def _csl_type(entry_type: str, fields: _Fields, warnings: list[str]) -> CslType:
    if entry_type == "article" and fields.raw.get("entrysubtype", "").strip().lower() in ARTICLE_SUBTYPES:
        fields.taken.add("entrysubtype")
        return ARTICLE_SUBTYPES[fields.raw["entrysubtype"].strip().lower()]
    if entry_type in ENTRY_TYPES:
        return ENTRY_TYPES[entry_type]
    warnings.append(RecordWarning.named("entry types with no CSL type, read as document", [f"@{entry_type}"]))
    return "document"


def _names(fields: _Fields, warnings: list[str]) -> dict[Role, tuple[Name, ...]]:
    names: dict[Role, tuple[Name, ...]] = {}
    for field_name, role in NAME_ROLES.items():
        if found := fields.names(field_name, warnings):
            names[role] = names.get(role, ()) + found
    for slot in ("editora", "editorb", "editorc"):
        if fields.has(slot):
            kind = fields.raw.get(slot + "type", "").strip().lower()
            slot_role = cast(Role, EDITOR_TYPES.get(kind) or (kind if kind in ROLES else "contributor"))  # a CSL role: checked
            fields.taken.add(slot + "type")
            names[slot_role] = names.get(slot_role, ()) + fields.names(slot, warnings)
    return names


@lru_cache(maxsize=DATE_CACHE_SIZE)
def _parsed_date(text: str | None, year: str | None) -> tuple[Date | None, tuple[str, ...]]:
    """:func:`~citeexport.values.parse_date` and the warnings it gives, cached: records share their
    years (and a :class:`Date` is frozen)."""
    said: list[str] = []
    return parse_date(text, year, said), tuple(said)


def _date(text: str | None, year: str | None, warnings: list[str]) -> Date | None:
    """A date field and a year field read as one date (None when both are missing)."""
    if text is None and year is None:
        return None
    date, said = _parsed_date(text, year)
    warnings.extend(said)
    return date


def _dates(fields: _Fields, warnings: list[str]) -> dict[str, Any]:
    issued = _date(fields.date("date"), fields.text("year"), warnings)
    month = month_number(fields.raw.get("month"))
    if fields.has("month"):
        fields.taken.add("month")
        if month is None:
            warnings.append(RecordWarning.named("month that is no month, not read", [fields.raw["month"].strip()]))
    if issued is not None and issued.year is not None and issued.month is None and issued.end is None and month:
        day = fields.raw.get("day", "").strip()
        if day.isdigit() and 1 <= int(day) <= 31:
            fields.taken.add("day")
        issued = issued.model_copy(update={"month": month, "season": None, "day": int(day) if "day" in fields.taken else None})
    return {
        "issued": issued,
        "accessed": _date(fields.date("urldate"), None, warnings),
        "original_date": _date(fields.date("origdate"), fields.text("origyear"), warnings),
        "event_date": _date(fields.date("eventdate"), None, warnings),
    }


def _numbers(fields: _Fields, entry_type: str, warnings: list[str]) -> dict[str, Any]:
    """volume, issue, pages, the article or document number, the number in a series, pages in all."""
    first, last, page = parse_pages(fields.text("pages"))
    number = fields.text("eid")
    numpages = fields.raw.get("numpages", "").strip()
    if number and first == number and last is None and page is None:
        if numpages.isdigit() and first.isdigit():  # MagTech: eid and pages = first page, numpages = count
            fields.taken.add("numpages")
            last = str(int(first) + int(numpages) - 1) if int(numpages) > 1 else None
            number = None
            warnings.append(f"pages {first} + numpages {numpages} (MagTech): read as pages {first}-{last or first}")
        else:
            first = None  # the writer's article number in the empty page slot
    out: dict[str, Any] = {"issue": None, "collection_number": None}
    if entry_type in ISSUE_NUMBER_TYPES:
        out["issue"] = fields.text("number", "issue")
    elif entry_type in NUMBERED_TYPES or entry_type not in ENTRY_TYPES:
        number = number or fields.text("number")
    else:
        out["collection_number"] = fields.text("number")
    return out | {
        "volume": fields.text("volume"),
        "page_first": first,
        "page_last": last,
        "page": page,
        "number": number,
        "number_of_pages": fields.text("pagetotal") or (None if "numpages" in fields.taken else fields.text("numpages")),
        "number_of_volumes": fields.text("volumes"),
        "chapter_number": fields.text("chapter"),
        "version": fields.text("version"),
        "isbn": fields.text("isbn"),
        "issn": fields.text("issn"),
        "status": fields.text("pubstate"),
    }


def citation_from_entry(entry_type: str, key: str, raw: dict[str, str], warnings: list[str]) -> Citation:
    """One entry (type lower case, fields by lower-case name, ``@string`` and ``#`` resolved) as a Citation."""
    notes = Decoded()
    fields = _Fields(raw, notes)
    if _BAD_KEY.search(key):
        warnings.append(f"citation key {key!r} has characters BibTeX tools reject")
    csl_type = _csl_type(entry_type, fields, warnings)
    journal_like = entry_type in ISSUE_NUMBER_TYPES
    container = fields.text("journaltitle", "journal") if journal_like else None
    container = container or fields.text("booktitle", "journaltitle", "journal")
    publisher = fields.text("publisher")
    if publisher and container and publisher == container and journal_like:
        warnings.append("publisher is the journal name (MagTech): ignored")
        publisher = None
    publisher = publisher or fields.text("institution", "school", "organization")
    authority = fields.text("location") if entry_type == "patent" and not fields.has("address") else None
    place = fields.text("address") if authority else fields.text("address", "location")
    howpublished = (
        fields.url("howpublished") if _URL_COMMAND.match(raw.get("howpublished", "")) and not fields.has("url") else None
    )
    medium = None
    if fields.has("howpublished") and "howpublished" not in fields.taken:
        if publisher:
            medium = fields.text("howpublished")
        else:
            publisher = fields.text("howpublished")
    series = fields.text("series", "maintitle")
    title = fields.text("title")
    lang, tag = record_language(fields.text("language", "langid"), title, warnings)
    if fields.has("langid"):  # biblatex's language name beside ``language``: the same fact, not a lost field
        fields.taken.add("langid")
    keywords = tuple(split_keywords(fields.text("keywords"), commas=True))
    names = _names(fields, warnings)
    dates = _dates(fields, warnings)
    numbers = _numbers(fields, entry_type, warnings)
    text = new_text(
        given_fields(
            language=tag,
            title=title,
            subtitle=fields.text("subtitle"),
            title_short=fields.text("shorttitle"),
            container_title=container,
            container_title_short=fields.text("shortjournal", "journalabbrev", "shortjournaltitle"),
            collection_title=series,
            event_title=fields.text("eventtitle"),
            event_place=fields.text("venue"),
            publisher=publisher,
            publisher_place=place,
            genre=_genre(fields, entry_type),
            medium=medium,
            authority=authority,
            abstract=fields.text("abstract"),
            keywords=keywords,
            note=fields.text("note", "annotation", "annote"),
            url=fields.url("url") or howpublished,
            edition=fields.text("edition"),
            names=names,
        )
    )
    citation = new_citation(given_fields(type=csl_type, doi=fields.url("doi"), texts={lang: text}, **dates, **numbers))
    if notes.unknown:
        warnings.append(RecordWarning.named("LaTeX macros unknown, kept as written", dict.fromkeys(notes.unknown)))
    if notes.kept:
        warnings.append(RecordWarning.named("math with no Unicode form, kept as written", dict.fromkeys(notes.kept)))
    if unread := fields.untaken():
        warnings.append(RecordWarning.named("fields with no place in the model, not read", unread))
    return citation


# -- streaming ----------------------------------------------------------------------------------------

_BLOCK_START = re.compile(r"^[ \t]*@[\w]*[ \t]*[{(]")
#: :data:`_BLOCK_START` at any line start of a piece of whole lines.
_BLOCK_STARTS = re.compile(_BLOCK_START.pattern, re.MULTILINE)


def blocks(pieces: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """(1-based line, character offset, text) of each block; text before the first block is dropped.

    ``pieces``: the input in pieces of whole lines (a line each, or as many as a read brings, the
    input's ``line_blocks``): a block starts at a line :data:`_BLOCK_START` matches, found by one
    scan of each piece, and its text is cut out of the pieces, not joined line by line.
    """
    current: list[str] = []  # the open block's text so far
    started = False  # a block is open
    start_line = start_offset = 0
    line = 1  # the line the piece starts on
    offset = 0  # the character offset the piece starts at
    for index, piece in enumerate(pieces):
        if index == 0 and piece.startswith("\ufeff"):
            offset, piece = 1, piece[1:]
        at = counted = 0  # where the open block's text goes on; up to where lines are counted
        if "@" in piece:
            for match in _BLOCK_STARTS.finditer(piece):
                begin = match.start()
                if started:
                    current.append(piece[at:begin])
                    yield start_line, start_offset, "".join(current)
                line += piece.count("\n", counted, begin)
                counted = at = begin
                current, started, start_line, start_offset = [], True, line, offset + begin
        if started:
            current.append(piece[at:] if at else piece)
        line += piece.count("\n", counted)
        offset += len(piece)
    if started:
        yield start_line, start_offset, "".join(current)


#: Entry types kept for ``crossref``/``xdata`` resolution whether or not an entry has named them yet.
PARENT_TYPES = BOOK_PARENTS | {"periodical", "xdata"}


def _unenclosed(value: str, strings: dict[str, str]) -> str:
    """A value as bibtexparser's middleware leaves it, for an entry that skipped the middleware (one with a
    repeated field): enclosing braces or quotes removed, a macro or ``#`` concatenation resolved."""
    value = value.strip()
    if "#" in value:
        return concatenate(value, strings)
    if _is_braced_whole(value) or (len(value) > 1 and value.startswith('"') and value.endswith('"')):
        return value[1:-1]
    return strings.get(value.lower(), value)


def raw_fields(entry: Entry, strings: dict[str, str], warnings: list[str], enclosed: bool = False) -> dict[str, str]:
    """The entry's fields by lower-case name, ``#`` resolved; a repeated field keeps its first value, with a warning.
    ``enclosed``: the values still have their braces (:func:`_unenclosed`)."""
    raw: dict[str, str] = {}
    repeated: list[str] = []
    for field in entry.fields:
        value = field.value if isinstance(field.value, str) else str(field.value)
        if enclosed:
            value = _unenclosed(value, strings)
        elif "#" in value and getattr(field, "enclosing", None) == "no-enclosing":
            value = concatenate(value, strings)
        name = field.key.lower()
        if name in raw:
            repeated.append(name)
        else:
            raw[name] = value
    if repeated:
        warnings.append(RecordWarning.named("fields given twice, the first value kept", dict.fromkeys(repeated)))
    return raw


class _Pending:
    """An entry waiting for a parent it inherits from (``crossref``/``xdata``) that comes later in the input."""

    def __init__(self, record: Record, entry_type: str, key: str, raw: dict[str, str]) -> None:
        self.record, self.entry_type, self.key, self.raw = record, entry_type, key, raw


class _State:
    """What reading one input keeps from entry to entry: parents for ``crossref``/``xdata``, the entries
    waiting for theirs, the keys wanted, the records counted."""

    def __init__(self) -> None:
        self.parents: dict[str, RawEntry] = {}
        self.waiting: list[_Pending] = []
        self.wanted: set[str] = set()
        self.number = 0


class BibtexReader(Reader, InputReading):
    """Reads both dialects, classic BibTeX and biblatex (one table: :mod:`.tables`).

    ``crossref``/``xdata`` are resolved as biber does (:mod:`.crossref`).  Entries of the types a
    child inherits from are kept (their raw fields) for the rest of the input; an entry whose parent
    comes later waits for it, and the entries after it wait too, so records keep the input order
    (classic BibTeX wants parents after their children: such a file is held from its first child to
    the parent).  ``@xdata`` entries are no records; ``@comment`` and ``@preamble`` are skipped.
    """

    name = "bibtex"
    description = "BibTeX/biblatex (Google Scholar, Zotero, MagTech, JabRef; both dialects, LaTeX decoded)"
    extensions: ClassVar[tuple[str, ...]] = ("bib", "bibtex")

    def read_input(self, source: Source) -> Iterator[Record]:
        """An opened input read in pieces of whole lines: :func:`blocks` finds the entries in them."""
        return self.read(source.line_blocks, source.name)

    @classmethod
    def sniff(cls, head: str) -> bool:
        return any(_BLOCK_START.match(line) for line in head.splitlines()[:50] if line.strip())

    def read(self, lines: Iterable[str], source: str = "<input>") -> Iterator[Record]:
        strings: list[String] = []
        macros: dict[str, str] = {}
        state = _State()
        for line, offset, text in blocks(lines):
            plain = plain_entry(text, macros)
            if plain is not None:  # the fast reading, where it gives what bibtexparser gives (.fastsplit)
                entry_type, key, raw = plain
                yield from self._take(state, entry_type, key, raw, Record(source, state.number + 1, line=line, offset=offset))
                continue
            from . import fullparse  # bibtexparser, imported at the first block it is needed for

            library = fullparse.parse(text, strings)
            known = {id(block) for block in strings}
            strings = list(library.strings)
            macros = {}
            for string in strings:  # in definition order, so a macro can use an earlier one
                value = str(string.value)
                macros[string.key.lower()] = concatenate(value, macros) if "#" in value else value
            for block in library.blocks:
                if id(block) in known or isinstance(block, fullparse.String):
                    continue
                entry = block.ignore_error_block if isinstance(block, fullparse.DuplicateFieldKeyBlock) else block
                if isinstance(block, fullparse.ParsingFailedBlock) and not isinstance(entry, fullparse.Entry):
                    state.number += 1
                    reason = getattr(block.error, "abort_reason", None) or str(block.error)
                    error = ParseError(
                        f"cannot parse the entry: {reason}", file=source, record=state.number, line=line, offset=offset
                    )
                    yield from self._flush(state.waiting, state.parents, final=False)
                    failed = Record(source, state.number, line=line, offset=offset, error=error)
                    if state.waiting:
                        state.waiting.append(_Pending(failed, "", "", {}))
                    else:
                        yield failed
                    continue
                if not isinstance(entry, fullparse.Entry):
                    continue  # @comment, @preamble, comment text
                record = Record(source, state.number + 1, line=line, offset=offset)
                raw = raw_fields(entry, macros, record.warnings, enclosed=entry is not block)
                yield from self._take(state, entry.entry_type.lower(), entry.key, raw, record)
        yield from self._flush(state.waiting, state.parents, final=True)

    def _take(self, state: _State, entry_type: str, key: str, raw: dict[str, str], record: Record) -> Iterator[Record]:
        """One entry read: its record now, or once the entries it inherits from have come (``crossref``)."""
        if entry_type in PARENT_TYPES or key.lower() in state.wanted:
            state.parents[key.lower()] = (entry_type, raw)
        if entry_type == "xdata":
            yield from self._flush(state.waiting, state.parents, final=False)
            return
        state.number += 1
        missing = [k for k in parent_keys(raw) if k.lower() not in state.parents]
        if state.waiting or missing:
            state.wanted.update(k.lower() for k in missing)
            state.waiting.append(_Pending(record, entry_type, key, raw))
            yield from self._flush(state.waiting, state.parents, final=False)
        else:
            yield self._finish(record, entry_type, key, raw, state.parents)

    def _flush(self, waiting: list[_Pending], parents: dict[str, RawEntry], final: bool) -> Iterator[Record]:
        """The waiting entries whose parents are all known, from the first on (all of them when ``final``)."""
        while waiting:
            head = waiting[0]
            if head.record.error is None and not final and any(k.lower() not in parents for k in parent_keys(head.raw)):
                return
            waiting.pop(0)
            yield (
                head.record
                if head.record.error is not None
                else self._finish(head.record, head.entry_type, head.key, head.raw, parents)
            )

    def _finish(self, record: Record, entry_type: str, key: str, raw: dict[str, str], parents: dict[str, RawEntry]) -> Record:
        if parent_keys(raw):
            raw, missing = resolve(entry_type, raw, parents)
            if missing:
                record.warnings.append(RecordWarning.named("crossref/xdata entries not found, nothing inherited from", missing))
        try:
            record.citation = citation_from_entry(entry_type, key, raw, record.warnings)
        except ValidationError as exc:
            error = exc.errors()[0]
            record.error = ParseError(
                error["msg"], file=record.source, record=record.number, line=record.line, offset=record.offset
            )
        except ValueError as exc:
            record.error = ParseError(str(exc), file=record.source, record=record.number, line=record.line, offset=record.offset)
        return finish_record(record, self.options.strict)

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

import logging
import re
from collections.abc import Iterable, Iterator

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.model import Entry, ParsingFailedBlock, String
from pydantic import ValidationError

from ...errors import ParseError
from ...model import Citation, CslType, LocalizedText, Name, has_cjk
from ...names import cjk_name, name_from_parts, split_joined_names
from ...record_warnings import RecordWarning
from ...values import month_number, parse_date, record_language, split_keywords, split_pages
from ..base import Reader, Record, finish_record
from .latex_decode import decode_latex, decode_url

#: bibtexparser logs every block it cannot parse; this reader reports it as a failed record instead.
logging.getLogger("bibtexparser.splitter").setLevel(logging.ERROR)

# -- values ----------------------------------------------------------------------------------------


def split_top_level(value: str, separator: re.Pattern[str]) -> list[str]:
    """``value`` split at ``separator`` matches outside braces (BibTeX's rule for ``and`` and commas)."""
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
        decoded = decode_latex(part)
        joined = split_joined_names(decoded) if has_cjk(decoded) and not _is_braced_whole(part.strip()) else [decoded]
        if len(joined) > 1:
            warnings.append(f"{len(joined)} names joined by commas in one author, split: {decoded!r}")
            names.extend(name for name in map(name_from_parts, ([n] for n in joined)) if name)
        else:
            name = parse_bibtex_name(part)
            names.extend([name] if name else [])
    return tuple(names)


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


#: BibTeX/biblatex entry types -> CSL item types; anything else is read as a journal article, with a warning.
ENTRY_TYPES: dict[str, CslType] = {
    "article": "article-journal",
    "book": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "misc": "document",
    "online": "webpage",
}

#: Fields read into the model; everything else is reported.
READ_FIELDS = frozenset(
    {"author", "title", "journal", "journaltitle", "shortjournal", "journalabbrev", "year", "month", "date", "volume", "number",
     "issue", "pages", "eid", "issn", "doi", "url", "abstract", "keywords", "language", "langid", "publisher", "numpages"}
)  # fmt: skip
#: Fields the writer adds that carry nothing for the model (the link between the two languages' entries).
QUIET_FIELDS = frozenset({"related", "relatedtype"})
#: Characters BibTeX, biber and pandoc do not accept in a key.
_BAD_KEY = re.compile(r"[\s,{}()\"#%'=~\\，]")


def citation_from_entry(entry: Entry, strings: dict[str, str], warnings: list[str]) -> Citation:
    raw: dict[str, str] = {}
    for field in entry.fields:
        value = field.value if isinstance(field.value, str) else str(field.value)
        if "#" in value and getattr(field, "enclosing", None) == "no-enclosing":
            value = concatenate(value, strings)
        raw[field.key.lower()] = value
    unknown = [key for key in raw if key not in READ_FIELDS and key not in QUIET_FIELDS]
    if unknown:
        warnings.append(RecordWarning.named("fields with no place in the model, not read", unknown))
    if _BAD_KEY.search(entry.key):
        warnings.append(f"citation key {entry.key!r} has characters BibTeX tools reject")
    text = {key: decode_latex(raw[key]) for key in ("title", "journal", "journaltitle", "shortjournal", "journalabbrev", "abstract",
                                                    "volume", "number", "issue", "pages", "eid", "issn", "language", "langid",
                                                    "publisher", "keywords", "year", "date", "month") if raw.get(key)}  # fmt: skip
    journal = text.get("journaltitle") or text.get("journal")
    if text.get("publisher") and journal and text["publisher"] == journal:
        warnings.append("publisher is the journal name (MagTech): ignored")
    elif text.get("publisher"):
        warnings.append(f"publisher {text['publisher']!r} not read (no field in the model)")
    first, last = split_pages(text.get("pages"))
    number = text.get("eid")
    numpages = raw.get("numpages", "").strip()
    if number and first == number and last is None:
        if numpages.isdigit() and first.isdigit():  # MagTech: eid and pages = first page, numpages = count
            last = str(int(first) + int(numpages) - 1) if int(numpages) > 1 else None
            number = None
            warnings.append(f"pages {first} + numpages {numpages} (MagTech): read as pages {first}-{last or first}")
        else:
            first = None  # the writer's article number in the empty page slot
    issued = parse_date(text.get("date"), text.get("year"), warnings)
    month = month_number(raw.get("month"))
    if issued is not None and issued.year is not None and issued.month is None and issued.end is None and month:
        issued = issued.model_copy(update={"month": month, "season": None})
    title = text.get("title")
    lang, tag = record_language(text.get("language") or text.get("langid"), title, warnings)
    entry_type = entry.entry_type.lower()
    if entry_type not in ENTRY_TYPES:
        warnings.append(f"@{entry_type} read as a journal article")
    keywords = tuple(split_keywords(text.get("keywords"), commas=True))
    return Citation(
        type=ENTRY_TYPES.get(entry_type, "article-journal"),
        issued=issued,
        volume=text.get("volume"),
        issue=text.get("number") or text.get("issue"),
        page_first=first,
        page_last=last,
        number=number,
        doi=decode_url(raw["doi"]) if raw.get("doi") else None,
        issn=text.get("issn"),
        texts={
            lang: LocalizedText(
                language=tag,
                title=title,
                names={"author": parse_authors(raw.get("author", ""), warnings)},
                container_title=journal,
                container_title_short=text.get("shortjournal") or text.get("journalabbrev"),
                abstract=text.get("abstract"),
                keywords=keywords,
                url=decode_url(raw["url"]) if raw.get("url") else None,
            )
        },
    )


# -- streaming ----------------------------------------------------------------------------------------

_BLOCK_START = re.compile(r"^[ \t]*@[\w]*[ \t]*[{(]")


def blocks(lines: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """(1-based line, character offset, text) of each block; text before the first block is dropped."""
    current: list[str] = []
    start_line = start_offset = offset = 0
    for number, line in enumerate(lines, start=1):
        if number == 1 and line.startswith("\ufeff"):
            offset += 1
            line = line[1:]
        if _BLOCK_START.match(line):
            if current:
                yield start_line, start_offset, "".join(current)
            current, start_line, start_offset = [], number, offset
        if current or start_line == number:
            current.append(line)
        offset += len(line)
    if current:
        yield start_line, start_offset, "".join(current)


class BibtexReader(Reader):
    name = "bibtex"
    description = "BibTeX/biblatex (Google Scholar, Zotero, MagTech; LaTeX decoded)"
    extensions = ("bib", "bibtex", "biblatex")

    @classmethod
    def sniff(cls, head: str) -> bool:
        return any(_BLOCK_START.match(line) for line in head.splitlines()[:50] if line.strip())

    def read(self, lines: Iterable[str], source: str = "<input>") -> Iterator[Record]:
        strings: list[String] = []
        number = 0
        for line, offset, text in blocks(lines):
            library = bibtexparser.parse_string(text, library=Library(list(strings)))
            known = {id(block) for block in strings}
            strings = list(library.strings)
            macros: dict[str, str] = {}
            for string in strings:  # in definition order, so a macro can use an earlier one
                value = str(string.value)
                macros[string.key.lower()] = concatenate(value, macros) if "#" in value else value
            for block in library.blocks:
                if id(block) in known or isinstance(block, String):
                    continue
                if isinstance(block, ParsingFailedBlock):
                    number += 1
                    reason = getattr(block.error, "abort_reason", None) or str(block.error)
                    error = ParseError(f"cannot parse the entry: {reason}", file=source, record=number, line=line, offset=offset)
                    yield Record(source, number, line=line, offset=offset, error=error)
                elif isinstance(block, Entry):
                    number += 1
                    yield finish_record(self._record(block, macros, source, number, line, offset), self.options.strict)

    def _record(self, entry: Entry, macros: dict[str, str], source: str, number: int, line: int, offset: int) -> Record:
        record = Record(source, number, line=line, offset=offset)
        try:
            record.citation = citation_from_entry(entry, macros, record.warnings)
        except ValidationError as exc:
            error = exc.errors()[0]
            record.error = ParseError(error["msg"], file=source, record=number, line=line, offset=offset)
        except ValueError as exc:
            record.error = ParseError(str(exc), file=source, record=number, line=line, offset=offset)
        return record

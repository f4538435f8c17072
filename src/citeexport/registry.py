"""Readers and writers by format name: one table, name → the module that holds the format.

A format module says what it offers with ``READER`` and/or ``WRITER`` (its classes); the
table's order is the order readers are asked to recognise an input.  Adding a format is its
module plus one line here.  A listed module that does not import, or offers neither, or
names itself differently, is an error at the first use of the registry, never a format that
silently goes missing.

A line may also say what its module offers (:class:`Format`: the reader's file extensions,
whether it writes), so that a run imports only the formats it uses: ``citeexport ris
issue.txt`` imports the dump reader and the RIS writer, not BibTeX's parser or citeproc-py.
What a line says is checked against its module when the module is imported (a test imports
every one).  A line that is only a module name is imported whenever the registry needs to
know what it offers.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from types import ModuleType

from .errors import UnknownFormatError
from .formats.base import Reader, Writer
from .projection import Carries
from .sniffing import describe, looks_like, undetected


@dataclass(frozen=True)
class Format:
    """A format's module, and what it offers, known before the module is imported."""

    module: str
    #: The reader's file extensions (``READER.extensions``); None: the module has no reader.
    reads: tuple[str, ...] | None = None
    #: Whether the module has a writer (``WRITER``).
    writes: bool = False


#: Format name -> module (readers are tried for detection in this order).
FORMATS: dict[str, Format | str] = {
    "dump": Format("citeexport.formats.dump", reads=("txt", "dump")),
    "bibtex": Format("citeexport.formats.bibtex", reads=("bib", "bibtex"), writes=True),
    "biblatex": Format("citeexport.formats.biblatex", reads=("biblatex",), writes=True),
    "ris": Format("citeexport.formats.tagged.ris", reads=("ris",), writes=True),
    "enw": Format("citeexport.formats.tagged.enw", reads=("enw",), writes=True),
    "refworks": Format("citeexport.formats.tagged.refworks", reads=("txt", "rwt"), writes=True),
    "noteexpress": Format("citeexport.formats.tagged.noteexpress", reads=("net",), writes=True),
    "csl-json": Format("citeexport.formats.csljson", reads=("json",), writes=True),
    "endnote-xml": Format("citeexport.formats.endnote_xml", reads=("xml",), writes=True),
    "text": Format("citeexport.formats.text", writes=True),
    "html": Format("citeexport.formats.html", writes=True),
}

_READERS: dict[str, type[Reader]] = {}
_WRITERS: dict[str, type[Writer]] = {}
_CARRIES: dict[str, Carries] = {}
#: The formats whose modules are imported and checked (what they offer is in the three above).
_LOADED: set[str] = set()


class RegistryError(RuntimeError):
    """A listed format module is broken: a bug in citeexport, not a user error."""


def _check(cls: object, base: type, name: str, where: str) -> None:
    """A class a format module offers (``where``: its module and attribute) must be a ``base`` named ``name``."""
    if not (isinstance(cls, type) and issubclass(cls, base)):
        raise RegistryError(f"format {name!r}: {where} is {cls!r}, not a {base.__name__}")
    if getattr(cls, "name", None) != name:
        raise RegistryError(f"format {name!r}: {where} is {cls.__name__}, named {getattr(cls, 'name', None)!r}")


def _module_name(entry: Format | str) -> str:
    return entry if isinstance(entry, str) else entry.module


def _import(name: str, module_name: str) -> ModuleType:
    try:
        return importlib.import_module(module_name)
    except ImportError as exc:
        raise RegistryError(f"format {name!r}: module {module_name} does not import: {exc}") from exc


def _load_one(name: str) -> None:
    """Import format ``name``'s module and check what it offers (against its line too)."""
    if name in _LOADED:
        return
    entry = FORMATS[name]
    module_name = _module_name(entry)
    module = _import(name, module_name)
    reader, writer = getattr(module, "READER", None), getattr(module, "WRITER", None)
    if reader is None and writer is None:
        raise RegistryError(f"format {name!r}: module {module_name} has neither READER nor WRITER")
    if reader is not None:
        _check(reader, Reader, name, f"{module_name}.READER")
    if writer is not None:
        _check(writer, Writer, name, f"{module_name}.WRITER")
    declared = None
    if reader is not None and writer is not None:  # a format read back: what it carries is declared (projection)
        declared = getattr(module, "CARRIES", None)
        if not isinstance(declared, Mapping) or not declared:
            raise RegistryError(f"format {name!r}: module {module_name} reads and writes but declares no CARRIES")
    if isinstance(entry, Format):
        offered = Format(module_name, tuple(reader.extensions) if reader is not None else None, writer is not None)
        if offered != entry:
            raise RegistryError(f"format {name!r}: the registry says {entry}, module {module_name} offers {offered}")
    if reader is not None:
        _READERS[name] = reader
    if writer is not None:
        _WRITERS[name] = writer
    if declared is not None:
        _CARRIES[name] = declared
    _LOADED.add(name)


def _load() -> None:
    """Every format: for the lists of all readers and writers, and what each carries."""
    for name in FORMATS:
        _load_one(name)


def _ordered(found: dict[str, type[Reader]] | dict[str, type[Writer]]) -> list[str]:
    return [name for name in FORMATS if name in found]


def reader_names() -> list[str]:
    """The readers' names in table order (a line that does not say is imported to know)."""
    names = []
    for name, entry in FORMATS.items():
        if isinstance(entry, str):
            _load_one(name)
        if (entry.reads is not None) if isinstance(entry, Format) else name in _READERS:
            names.append(name)
    return names


def writer_names() -> list[str]:
    """The writers' names in table order (a line that does not say is imported to know)."""
    names = []
    for name, entry in FORMATS.items():
        if isinstance(entry, str):
            _load_one(name)
        if entry.writes if isinstance(entry, Format) else name in _WRITERS:
            names.append(name)
    return names


def readers() -> dict[str, type[Reader]]:
    _load()
    return {name: _READERS[name] for name in _ordered(_READERS)}


def writers() -> dict[str, type[Writer]]:
    _load()
    return {name: _WRITERS[name] for name in _ordered(_WRITERS)}


def carried() -> dict[str, Carries]:
    """What each format that is both read and written carries of the model (:mod:`citeexport.projection`)."""
    _load()
    return {name: _CARRIES[name] for name in FORMATS if name in _CARRIES}


def _reader(name: str) -> type[Reader]:
    """The reader of a format known to have one."""
    _load_one(name)
    return _READERS[name]


def get_reader(name: str) -> type[Reader]:
    name = name.lower()
    if name not in reader_names():
        raise UnknownFormatError(f"no reader for format {name!r}; known: {', '.join(sorted(reader_names()))}")
    return _reader(name)


def get_writer(name: str) -> type[Writer]:
    name = name.lower()
    if name not in writer_names():
        raise UnknownFormatError(f"no writer for format {name!r}; known: {', '.join(sorted(writer_names()))}")
    _load_one(name)
    return _WRITERS[name]


def _extensions(name: str) -> tuple[str, ...]:
    entry = FORMATS[name]
    return (entry.reads or ()) if isinstance(entry, Format) else tuple(_reader(name).extensions)


def detect_reader(path: str | None, head: str, raw: bytes = b"") -> type[Reader]:
    """The reader for an input: by file extension, else by content (``head``, BOM removed; ``raw``:
    the same bytes undecoded).  An input that is no citation file (a PDF, a web page …) is refused
    with what it looks like (:mod:`citeexport.sniffing`); an empty one gets any reader (none finds
    a record in white space).  Only the readers asked are imported, in table order."""
    names = reader_names()
    look = looks_like(raw, head)
    if look is not None and look.format not in names:
        raise UnknownFormatError(undetected(look, sorted(names)), file=path)
    by_suffix: list[str] = []
    if path and path != "-":
        suffix = PurePath(path).suffix.lower().lstrip(".")
        by_suffix = [name for name in names if suffix in _extensions(name)]
        if len(by_suffix) == 1:
            return _reader(by_suffix[0])
        for name in by_suffix:  # several claim the suffix (e.g. .txt): let content decide
            if _reader(name).sniff(head):
                return _reader(name)
    for name in names:
        if _reader(name).sniff(head):
            return _reader(name)
    if not head.strip("\ufeff \t\r\n"):
        return _reader(by_suffix[0] if by_suffix else names[0])
    raise UnknownFormatError(undetected(describe(raw, head), sorted(names)), file=path)

"""Readers and writers by format name: one table, name → the module that holds the format.

A format module says what it offers with ``READER`` and/or ``WRITER`` (its classes); the
table's order is the order readers are asked to recognise an input.  Adding a format is its
module plus one line here.  A listed module that does not import, or offers neither, or
names itself differently, is an error at the first use of the registry, never a format that
silently goes missing.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import PurePath

from .errors import UnknownFormatError
from .formats.base import Reader, Writer
from .projection import Carries
from .sniffing import describe, looks_like, undetected

#: Format name -> module (readers are tried for detection in this order).
FORMATS: dict[str, str] = {
    "dump": "citeexport.formats.dump",
    "bibtex": "citeexport.formats.bibtex",
    "ris": "citeexport.formats.tagged.ris",
    "enw": "citeexport.formats.tagged.enw",
    "refworks": "citeexport.formats.tagged.refworks",
    "csl-json": "citeexport.formats.csljson",
    "endnote-xml": "citeexport.formats.endnote_xml",
    "text": "citeexport.formats.text",
}

_READERS: dict[str, type[Reader]] = {}
_WRITERS: dict[str, type[Writer]] = {}
_CARRIES: dict[str, Carries] = {}


class RegistryError(RuntimeError):
    """A listed format module is broken: a bug in citeexport, not a user error."""


def _check(cls: object, base: type, name: str, where: str) -> None:
    """A class a format module offers (``where``: its module and attribute) must be a ``base`` named ``name``."""
    if not (isinstance(cls, type) and issubclass(cls, base)):
        raise RegistryError(f"format {name!r}: {where} is {cls!r}, not a {base.__name__}")
    if getattr(cls, "name", None) != name:
        raise RegistryError(f"format {name!r}: {where} is {cls.__name__}, named {getattr(cls, 'name', None)!r}")


def _load() -> None:
    if _READERS or _WRITERS:
        return
    readers: dict[str, type[Reader]] = {}
    writers: dict[str, type[Writer]] = {}
    carries: dict[str, Carries] = {}
    for name, module_name in FORMATS.items():
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            raise RegistryError(f"format {name!r}: module {module_name} does not import: {exc}") from exc
        reader, writer = getattr(module, "READER", None), getattr(module, "WRITER", None)
        if reader is None and writer is None:
            raise RegistryError(f"format {name!r}: module {module_name} has neither READER nor WRITER")
        if reader is not None:
            _check(reader, Reader, name, f"{module_name}.READER")
            readers[name] = reader
        if writer is not None:
            _check(writer, Writer, name, f"{module_name}.WRITER")
            writers[name] = writer
            if reader is not None:  # a format read back: what it carries is declared (projection)
                declared = getattr(module, "CARRIES", None)
                if not isinstance(declared, Mapping) or not declared:
                    raise RegistryError(f"format {name!r}: module {module_name} reads and writes but declares no CARRIES")
                carries[name] = declared
    _READERS.update(readers)
    _WRITERS.update(writers)
    _CARRIES.update(carries)


def readers() -> dict[str, type[Reader]]:
    _load()
    return dict(_READERS)


def writers() -> dict[str, type[Writer]]:
    _load()
    return dict(_WRITERS)


def carried() -> dict[str, Carries]:
    """What each format that is both read and written carries of the model (:mod:`citeexport.projection`)."""
    _load()
    return dict(_CARRIES)


def get_reader(name: str) -> type[Reader]:
    _load()
    try:
        return _READERS[name.lower()]
    except KeyError:
        raise UnknownFormatError(f"no reader for format {name!r}; known: {', '.join(sorted(_READERS))}") from None


def get_writer(name: str) -> type[Writer]:
    _load()
    try:
        return _WRITERS[name.lower()]
    except KeyError:
        raise UnknownFormatError(f"no writer for format {name!r}; known: {', '.join(sorted(_WRITERS))}") from None


def detect_reader(path: str | None, head: str, raw: bytes = b"") -> type[Reader]:
    """The reader for an input: by file extension, else by content (``head``, BOM removed; ``raw``:
    the same bytes undecoded).  An input that is no citation file (a PDF, a web page …) is refused
    with what it looks like (:mod:`citeexport.sniffing`); an empty one gets any reader (none finds
    a record in white space)."""
    _load()
    look = looks_like(raw, head)
    if look is not None and look.format not in _READERS:
        raise UnknownFormatError(undetected(look, sorted(_READERS)), file=path)
    by_suffix: list[type[Reader]] = []
    if path and path != "-":
        suffix = PurePath(path).suffix.lower().lstrip(".")
        by_suffix = [cls for cls in _READERS.values() if suffix in cls.extensions]
        if len(by_suffix) == 1:
            return by_suffix[0]
        for cls in by_suffix:  # several claim the suffix (e.g. .txt): let content decide
            if cls.sniff(head):
                return cls
    for cls in _READERS.values():
        if cls.sniff(head):
            return cls
    if not head.strip("\ufeff \t\r\n"):
        return by_suffix[0] if by_suffix else next(iter(_READERS.values()))
    raise UnknownFormatError(undetected(describe(raw, head), sorted(_READERS)), file=path)

"""Readers and writers by format name.

A format module registers its class with :func:`register_reader` or
:func:`register_writer` (as a class decorator); :data:`FORMAT_MODULES` lists the
modules to import.  Adding a format is one new module plus one line here.
"""

from __future__ import annotations

import importlib
from pathlib import PurePath
from typing import TypeVar

from .errors import UnknownFormatError
from .readers.base import Reader
from .writers.base import Writer

#: Modules that register formats when imported (readers first, then writers).
FORMAT_MODULES: tuple[str, ...] = (
    "citeexport.readers.dump",
    "citeexport.readers.bibtex",
    "citeexport.readers.ris",
    "citeexport.readers.enw",
    "citeexport.readers.refworks",
    "citeexport.readers.csljson",
    "citeexport.writers.bibtex",
    "citeexport.writers.ris",
    "citeexport.writers.enw",
    "citeexport.writers.refworks",
    "citeexport.writers.csljson",
    "citeexport.writers.text",
)

_READERS: dict[str, type[Reader]] = {}
_WRITERS: dict[str, type[Writer]] = {}
_ALIASES: dict[str, str] = {}
_loaded = False

R = TypeVar("R", bound=type[Reader])
W = TypeVar("W", bound=type[Writer])


def register_reader(cls: R) -> R:
    _READERS[cls.name] = cls
    return cls


def register_writer(cls: W) -> W:
    _WRITERS[cls.name] = cls
    return cls


def register_alias(alias: str, name: str) -> None:
    _ALIASES[alias] = name


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in FORMAT_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:  # a format module not written yet
            if exc.name != module:
                raise


def _canonical(name: str) -> str:
    name = name.lower()
    return _ALIASES.get(name, name)


def readers() -> dict[str, type[Reader]]:
    _load()
    return dict(_READERS)


def writers() -> dict[str, type[Writer]]:
    _load()
    return dict(_WRITERS)


def get_reader(name: str) -> type[Reader]:
    _load()
    try:
        return _READERS[_canonical(name)]
    except KeyError:
        raise UnknownFormatError(f"no reader for format {name!r}; known: {', '.join(sorted(_READERS))}") from None


def get_writer(name: str) -> type[Writer]:
    _load()
    try:
        return _WRITERS[_canonical(name)]
    except KeyError:
        raise UnknownFormatError(f"no writer for format {name!r}; known: {', '.join(sorted(_WRITERS))}") from None


def detect_reader(path: str | None, head: str) -> type[Reader]:
    """The reader for an input: by file extension, else by content (``head``, BOM removed)."""
    _load()
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
    where = f" of {path}" if path else ""
    raise UnknownFormatError(f"cannot detect the format{where}; name it with --from", file=path)

"""citeexport: journal article records in, citations out.

The model and the options are imported when first asked for (``citeexport.Citation``), so that
``citeexport --version`` and the parts of the library that do not need pydantic start fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Citation", "Date", "LocalizedText", "Name", "ReadOptions", "WriteOptions", "__version__"]

#: Public names and the module each comes from.
_LAZY = {
    "Citation": ".model",
    "Date": ".model",
    "LocalizedText": ".model",
    "Name": ".model",
    "ReadOptions": ".options",
    "WriteOptions": ".options",
}

if TYPE_CHECKING:
    from .model import Citation, Date, LocalizedText, Name
    from .options import ReadOptions, WriteOptions


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

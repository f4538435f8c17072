"""citeexport: journal article records in, citations out."""

from .model import Citation, Date, LocalizedText, Name
from .options import ReadOptions, WriteOptions

__version__ = "0.1.0"

__all__ = ["Citation", "Date", "LocalizedText", "Name", "ReadOptions", "WriteOptions", "__version__"]

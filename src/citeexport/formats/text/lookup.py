"""Finding a CSL style: a bundled name (``gb7714-2015``) or a path to any CSL file.

One renderer contract: a bundled style is rendered by the GB/T renderer whether it is named
(``--style gb7714-2015``) or given as a file whose bytes are those of a bundled CSL file (a copy
of ``styles/gb7714-2015.csl``), so both give the same line.  A CSL file that differs (a user's
adaptation, any other style) is rendered by citeproc-py with that file's own rules.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ...errors import UnknownFormatError
from .profiles import GBT_PROFILES, GbtProfile


@cache
def styles_dir() -> Path:
    """The bundled styles: ``citeexport/styles`` in a wheel, ``<repo>/styles`` in a checkout."""
    packaged = Path(str(resources.files("citeexport"))) / "styles"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[4] / "styles"


def bundled_styles() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in styles_dir().glob("*.csl")))


@dataclass(frozen=True, slots=True)
class StyleRef:
    """A resolved style: its CSL file, and its GB/T profile when it is one of ours."""

    name: str
    path: Path
    profile: GbtProfile | None


@cache
def bundled_digests() -> dict[str, str]:
    """SHA-256 of each bundled CSL file -> its style name."""
    return {hashlib.sha256(path.read_bytes()).hexdigest(): path.stem for path in styles_dir().glob("*.csl")}


@cache
def resolve_style(style: str) -> StyleRef:
    """``style`` as a bundled name first, then as a path; UnknownFormatError otherwise."""
    bundled = styles_dir() / f"{style}.csl"
    if "/" not in style and "\\" not in style and bundled.is_file():
        return StyleRef(style, bundled, GBT_PROFILES.get(style))
    path = Path(style).expanduser()
    if path.is_file():
        bundled_name = bundled_digests().get(hashlib.sha256(path.read_bytes()).hexdigest())
        profile = GBT_PROFILES.get(bundled_name) if bundled_name else None
        return StyleRef(bundled_name or path.stem, path.resolve(), profile)
    known = ", ".join(bundled_styles())
    raise UnknownFormatError(f"no CSL style {style!r}: give a bundled style ({known}) or the path of a .csl file")

"""Where the golden files are: each format's under ``tests/formats/<format>/golden/``."""

from __future__ import annotations

from pathlib import Path

FORMATS = Path(__file__).resolve().parents[1] / "formats"


def reader_samples() -> dict[str, Path]:
    """Hand-written inputs in the shapes real exporters produce (``golden/readers/``), by file name."""
    return {
        path.name: path
        for folder in sorted(FORMATS.glob("*/golden/readers"))
        for path in sorted(folder.iterdir())
        if not path.name.endswith(".json")
    }

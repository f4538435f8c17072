"""The ``citeexport`` executable's entry point: ``-V``/``--version`` alone is answered before the
command line machinery (typer, rich, pydantic) is imported; everything else goes to :mod:`citeexport.cli`."""

from __future__ import annotations

import sys

from . import __version__

VERSION_FLAGS = (["-V"], ["--version"])


def main() -> None:
    if sys.argv[1:] in VERSION_FLAGS:
        sys.stdout.write(f"citeexport {__version__}\n")
        return
    from .cli import main as cli_main

    cli_main()

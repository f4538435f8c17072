"""The ``citeexport`` executable's entry point: ``-V``/``--version`` alone is answered before the
command line machinery (typer, rich, pydantic) is imported; everything else goes to :mod:`citeexport.cli`.

The executable runs without pydantic's plugins (``PYDANTIC_DISABLE_PLUGINS``, unless the caller
sets it): finding them reads every installed distribution's entry points (~12 ms a run), and a
plugin (an observability hook) has nothing to report on a command line conversion.  A program
that imports :mod:`citeexport` keeps its plugins: only the executable sets the variable.
"""

from __future__ import annotations

import os
import sys

from . import __version__

VERSION_FLAGS = (["-V"], ["--version"])


def main() -> None:
    if sys.argv[1:] in VERSION_FLAGS:
        sys.stdout.write(f"citeexport {__version__}\n")
        return
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from .cli import main as cli_main

    cli_main()

"""``python -m citeexport``."""

from .cli import main

main()

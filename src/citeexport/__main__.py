"""``python -m citeexport``."""

from .launch import main

main()

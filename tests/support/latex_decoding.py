"""An independent LaTeX decoder for tests: bibtexparser's (pylatexenc), taught the few text
symbols stock pylatexenc lacks or maps elsewhere (``\\textasciicircum`` → ``ˆ`` U+02C6 there)."""

from __future__ import annotations

import re

from bibtexparser.middlewares import LatexDecodingMiddleware
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from citeexport.formats.bibtex.latex import braces_balance


def taught_decoder() -> LatexDecodingMiddleware:
    context = get_default_latex_context_db()
    context.add_context_category(
        "citeexport-test",
        prepend=True,
        macros=[
            MacroTextSpec("url", simplify_repl="%s"),
            MacroTextSpec("textasciicircum", simplify_repl="^"),
            MacroTextSpec("textbraceleft", simplify_repl="{"),
            MacroTextSpec("textbraceright", simplify_repl="}"),
        ],
    )
    return LatexDecodingMiddleware(decoder=LatexNodes2Text(latex_context=context, keep_braced_groups=False, math_mode="verbatim"))


TAUGHT = taught_decoder()


def decode(latex: str) -> str:
    """What LaTeX would print for a BibTeX value (case-protection braces dropped)."""
    return TAUGHT._transform_python_value_string(latex)[0]


def bibtex_balanced(value: str) -> bool:
    """BibTeX's and btparse's rule: every brace counts, escaped or not."""
    return braces_balance(value)


def bibtexparser_balanced(value: str) -> bool:
    """bibtexparser's rule: a brace right after a backslash does not count."""
    return braces_balance(re.sub(r"\\[{}]", "", value))

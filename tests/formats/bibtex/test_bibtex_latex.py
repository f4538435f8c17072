"""LaTeX escaping, ASCII encoding, markup and case protection, checked against a real LaTeX decoder.

The decoder is bibtexparser v2's ``LatexDecodingMiddleware`` (pylatexenc).  Stock pylatexenc
has two documented gaps, asserted below so a change in it shows up: ``\\textasciicircum``
decodes to U+02C6 MODIFIER LETTER CIRCUMFLEX (LaTeX prints the ASCII ``^`` glyph), and the
LaTeX kernel's ``\\textbraceleft``/``\\textbraceright`` are unknown to it (decoded to nothing).
The round-trip tests use the same decoder taught those three text symbols.
"""

from __future__ import annotations

import re

import pytest
from bibtexparser.middlewares import LatexDecodingMiddleware
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from citeexport.formats.bibtex.latex import (
    ASCII_ENCODINGS,
    TEXT_ESCAPES,
    UNBALANCED_BRACE_ESCAPES,
    braces_balance,
    escape,
    safe_url,
    to_latex,
)
from citeexport.markup import from_html
from support.latex_decoding import bibtex_balanced, bibtexparser_balanced, decode

STOCK = LatexDecodingMiddleware()


def stock_decode(latex: str) -> str:
    return STOCK._transform_python_value_string(latex)[0]


# -- the tables against the stock decoder ------------------------------------------------------

STOCK_QUIRKS = {"^": "\u02c6"}


@pytest.mark.parametrize(("char", "latex"), sorted({**TEXT_ESCAPES, **ASCII_ENCODINGS}.items()))
def test_every_table_entry_decodes_back_with_bibtexparser(char: str, latex: str) -> None:
    assert stock_decode(latex) == STOCK_QUIRKS.get(char, char)
    assert stock_decode(f"x{latex}y") == f"x{STOCK_QUIRKS.get(char, char)}y"


def test_stock_pylatexenc_does_not_know_textbraceleft_but_the_taught_decoder_does() -> None:
    assert stock_decode(UNBALANCED_BRACE_ESCAPES["{"]) == ""
    assert decode(UNBALANCED_BRACE_ESCAPES["{"] + "x" + UNBALANCED_BRACE_ESCAPES["}"]) == "{x}"


def test_ascii_table_covers_latin_letters_and_is_ascii() -> None:
    for char in "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćčďęěğīłńňőřśşšťūůűźżžÅÇÉÑÖÜßæøœ":
        assert char in ASCII_ENCODINGS, char
    assert all(latex.isascii() for latex in ASCII_ENCODINGS.values())


# -- exact outputs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("R&D 95% $5 #1 a_b", r"R\&D 95\% \$5 \#1 a\_b"),
        ("a~b^c\\d", r"a{\textasciitilde}b{\textasciicircum}c{\textbackslash}d"),
        ("a {b} c", r"a \{b\} c"),
        ("a { b", r"a {\textbraceleft} b"),
        ("} {", r"{\textbraceright} {\textbraceleft}"),
        ("line1\nline2\r\n\tend", "line1 line2 end"),
        ("bell\x07 and nul\x00", "bell and nul"),
        ("饶春明 Müller", "饶春明 Müller"),
    ],
)
def test_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Müller Ångström Łódź", r"M{\"u}ller {\r{A}}ngstr{\"o}m {\L}{\'o}d{\'z}"),
        ("Façade – naïve … x\u00a0y", r"Fa{\c{c}}ade -- na{\"i}ve {\ldots} x~y"),
        ("干细胞 Straße", r"干细胞 Stra{\ss}e"),
    ],
)
def test_ascii_encoding(text: str, expected: str) -> None:
    assert escape(text, ascii=True) == expected


@pytest.mark.parametrize(
    ("html_text", "expected"),
    [
        ("<i>E. coli</i> H<sub>2</sub>O", r"\textit{E. coli} H\textsubscript{2}O"),
        ("x<sup>2</sup> <b>bold</b> <strong>s</strong> <em>e</em>", r"x\textsuperscript{2} \textbf{bold} \textbf{s} \textit{e}"),
        ("Cells &amp; Genes &lt;i&gt; &#x3b1;", r"Cells \& Genes <i> α"),
        ('<span class="x" data-a="b, c=d">kept</span> <a href="u">link</a>', "kept link"),
        ("<i>open <b>nested</i> tail", r"\textit{open \textbf{nested}} tail"),
        ("<i>never closed", r"\textit{never closed}"),
        ("stray</i> closer", "stray closer"),
        ("para<p>graph<br/>break", "para graph break"),
        ("<i>50%</i> {x}", r"\textit{50\%} \{x\}"),
    ],
)
def test_platform_html_through_the_model_markup(html_text: str, expected: str) -> None:
    """Platform HTML becomes the model's markup in the reader (from_html); the writer renders that."""
    assert to_latex(from_html(html_text) or "") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('<span style="font-variant:small-caps;">Sc</span> and <span class="nocase">iPhone</span>', r"\textsc{Sc} and {iPhone}"),
        ("p < 0.05 & R&D", r"p < 0.05 \& R\&D"),  # literal text in the model, escaped
        ("&amp; stays text", r"\&amp; stays text"),  # no entity decoding in the writer: the reader did it
        ("stray </i> and <b>open", r"stray </i> and <b>open"),  # unbalanced tags are text
        ("<i>a<b>b</i>c</b>", r"\textit{a<b>b}c</b>"),
    ],
)
def test_model_markup(text: str, expected: str) -> None:
    assert to_latex(text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("AAV vectors", "{AAV} vectors"),
        ("HPV16 E6 and RT-qPCR of mRNA", "{HPV16} {E6} and {RT-qPCR} of {mRNA}"),
        ("DNA from McDonald farms", "{DNA} from {McDonald} farms"),
        ("Special Column for Stem Cell Products", "Special Column for Stem Cell Products"),
        ("<i>HPV</i> in R&D", r"\textit{{HPV}} in {R\&D}"),
        ("AAV载体的质量控制", "{AAV载体的质量控制}"),
        ("干细胞产品质量研究与检测专栏", "干细胞产品质量研究与检测专栏"),
    ],
)
def test_title_case_protection(title: str, expected: str) -> None:
    assert to_latex(title, protect_case=True) == expected


def test_a_title_is_never_braced_whole() -> None:
    out = to_latex("Quality Research of AAV Products", protect_case=True)
    assert out == "Quality Research of {AAV} Products"
    assert not (out.startswith("{") and out.endswith("}"))


@pytest.mark.parametrize(
    ("url", "ascii", "expected"),
    [
        ("https://doi.org/10.1000/a_b%20c~d#frag", False, "https://doi.org/10.1000/a_b%20c~d#frag"),
        ("https://x.org/a b{c}\\d", False, "https://x.org/a%20b%7Bc%7D%5Cd"),
        ("https://x.org/}\n@article{evil,", False, "https://x.org/%7D%0A@article%7Bevil,"),
        ("https://x.org/路径é", False, "https://x.org/路径é"),
        ("https://x.org/é", True, "https://x.org/%C3%A9"),
        ("https://x.org/100% sure?q=%7e", False, "https://x.org/100%25%20sure?q=%7e"),
        (
            "10.1002/(SICI)1097-4636(199706)35:4<425::AID-JBM2>3.0.CO;2-M",
            False,
            "10.1002/(SICI)1097-4636(199706)35:4<425::AID-JBM2>3.0.CO;2-M",
        ),
    ],
)
def test_safe_url(url: str, ascii: bool, expected: str) -> None:
    assert safe_url(url, ascii) == expected


# -- properties ---------------------------------------------------------------------------------

SPECIALS = "&%$#_{}~^\\"
TEXT_ALPHABET = st.sampled_from(
    list("abcXYZ019 .,;:()[]/!?@=+*|'\"-") + list(SPECIALS) + list("饶春明干细胞研究，（）") + list("éüçÅłßøœĳ") + ["\n"]
)
texts = st.text(TEXT_ALPHABET, min_size=1, max_size=60)


def _plain(text: str) -> str:
    """What a LaTeX reader should get back: whitespace runs folded, ends stripped."""
    return re.sub(r"\s+", " ", text).strip()


def _decodable(text: str) -> bool:
    """Excludes inputs whose decoding is LaTeX typography, not a defect: ``--`` (en dash), ``''`` (quote)."""
    return "--" not in text and "''" not in text and "<" not in text


@settings(max_examples=300, deadline=None)
@given(texts, st.booleans(), st.booleans())
def test_decoding_the_output_gives_the_text_back(text: str, ascii: bool, protect_case: bool) -> None:
    assume(_decodable(text))
    latex = to_latex(text, ascii=ascii, protect_case=protect_case)
    assert decode(latex) == _plain(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"ab {}<>/i&;#123xA\\", "<i>", "</i>", "<sub>", "</b>", "&amp;", "&#125;", "&#123;"]), max_size=30
    ).map("".join),
    st.booleans(),
)
def test_output_braces_balance_for_bibtex_and_bibtexparser(text: str, protect_case: bool) -> None:
    latex = to_latex(text, protect_case=protect_case)
    assert bibtex_balanced(latex), latex
    assert bibtexparser_balanced(latex), latex


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x24F), max_size=40))
def test_ascii_mode_output_of_latin_text_is_ascii_except_unencodable_letters(text: str) -> None:
    latex = escape(text, ascii=True)
    leftovers = {char for char in latex if not char.isascii()}
    assert all(char not in ASCII_ENCODINGS for char in leftovers)


def _balanced_by_counting(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


@given(st.text(alphabet="{}a\\ ", max_size=40))
def test_braces_balance_is_bibtex_counting(text: str) -> None:
    assert braces_balance(text) is _balanced_by_counting(text)

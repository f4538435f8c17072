"""markup.py: the CSL rich-text subset parsed losslessly, rendered per format, and platform HTML read into it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeexport.markup import Element, from_html, parse, render_latex, serialize, to_html, to_plain, to_unicode

SC = '<span style="font-variant:small-caps;">'
NOCASE = '<span class="nocase">'

#: Pieces of text mixing every subset tag, stray and crossed tags, entities and specials.
_PIECES = st.sampled_from(
    ["<i>", "</i>", "<b>", "</b>", "<sub>", "</sub>", "<sup>", "</sup>", SC, NOCASE, "</span>", "<em>", "<", ">", "&", "&amp;",
     "&lt;", "a", "Z", " ", "2", "饶", "\n", "p < 0.05", "R&D"]
)  # fmt: skip
markup_texts = st.lists(_PIECES, max_size=20).map("".join)


def test_parse_pairs_only_balanced_subset_tags() -> None:
    assert parse("H<sub>2</sub>O") == ("H", Element("sub", ("2",)), "O")
    assert parse("p < 0.05 & <i>x") == ("p < 0.05 & <i>x",)  # unclosed: text
    assert parse("<i>a<b>b</i>c</b>") == (Element("i", ("a<b>b",)), "c</b>")  # crossed: the inner one is text
    assert parse(f"{SC}Sc</span> {NOCASE}DNA</span>") == (Element("sc", ("Sc",)), " ", Element("nocase", ("DNA",)))
    assert parse("<I>x</I> <em>y</em>") == ("<I>x</I> <em>y</em>",)  # only the subset's own spellings
    assert parse("") == ()


@given(markup_texts)
def test_the_tree_is_lossless(text: str) -> None:
    assert serialize(parse(text)) == text


@given(markup_texts)
def test_html_reads_back_to_the_same_markup(text: str) -> None:
    assert from_html(to_html(text)) == text


@pytest.mark.parametrize(
    ("text", "plain", "unicode"),
    [
        ("H<sub>2</sub>O", "H2O", "H₂O"),
        ("Ca<sup>2+</sup> and 10<sup>-3</sup>", "Ca2+ and 10-3", "Ca²⁺ and 10⁻³"),
        ("V<sub>max</sub>", "Vmax", "Vₘₐₓ"),
        ("T<sub>eff</sub> x<sup>a</sup>", "Teff xa", "Teff xa"),  # no subscript f, no superscript a: plain
        ("<i>E. coli</i> & <b>R</b>", "E. coli & R", "E. coli & R"),
        ("a < b", "a < b", "a < b"),
    ],
)
def test_plain_and_unicode(text: str, plain: str, unicode: str) -> None:
    assert (to_plain(text), to_unicode(text)) == (plain, unicode)


def test_html_escapes_literal_text() -> None:
    assert to_html("p < 0.05 & <i>R&D</i>") == "p &lt; 0.05 &amp; <i>R&amp;D</i>"


def test_latex_rendering_escapes_text_through_the_callers_function() -> None:
    nodes = parse(f"<i>a_b</i> {NOCASE}DNA</span> {SC}x</span> y<sup>2</sup>")
    assert render_latex(nodes, lambda t: t.replace("_", r"\_")) == r"\textit{a\_b} {DNA} \textsc{x} y\textsuperscript{2}"


@pytest.mark.parametrize(
    ("html", "markup"),
    [
        ("<I>x</I> &amp; <em>y</em> <strong>z</strong>", "<i>x</i> & <i>y</i> <b>z</b>"),
        ('<span data-x="a, b=c">kept</span> <a href="u">link</a>', "kept link"),
        ("<i>open <b>nested</i> tail", "<i>open <b>nested</b></i> tail"),
        ("<i>never closed", "<i>never closed</i>"),
        ("stray</i> closer", "stray closer"),
        ("para<p>graph<br/>break", "para graph break"),
        ("Cells &amp; Genes &lt;i&gt; &#x3b1;", "Cells & Genes <i> α"),
        ('<span style="font-variant: small-caps">Sc</span> <sc>Sc</sc>', f"{SC}Sc</span> {SC}Sc</span>"),
        ('<span class="nocase">iPhone</span>', f"{NOCASE}iPhone</span>"),
        ('<span data-x="1"><i>in</i></span> out</span>', "<i>in</i> out"),
        ("CO<sub>2</sub> &lt; 5", "CO<sub>2</sub> < 5"),
        ("no markup at all", "no markup at all"),
    ],
)
def test_from_html(html: str, markup: str) -> None:
    assert from_html(html) == markup

"""The BibTeX reader's LaTeX decoder against bibtexparser's own (pylatexenc), its speed, streaming and odd inputs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeexport.formats.bibtex.latex import ASCII_ENCODINGS, TEXT_ESCAPES, UNBALANCED_BRACE_ESCAPES, escape, to_latex
from citeexport.formats.bibtex.latex_decode import Decoded, decode_latex
from citeexport.formats.bibtex.reader import BibtexReader
from citeexport.inputs import split_lines
from citeexport.model import Date
from citeexport.registry import get_reader
from support.latex_decoding import decode as pylatexenc_decode

#: Spellings found in Google Scholar, Zotero, JabRef and publisher exports.
WILD = [
    r"{\"u}ber", r"\"{u}ber", r"M{\"{u}}ller", r"\'{e}t\'e", r"{\'e}", r"\'\i", r"\'{\i}", r"Fran{\c{c}}ois", r"\c c", r"\v{S}koda",
    r"\~{n}", r"{\ss}", r"{\o}", r"\aa", r"\AA", r"\L{}\'od\'z", r"Sch\"onberg", r"\u{g}", r"\=a", r"\.{z}", r"\H{o}",
    r"R\&D", r"50\%", r"\$5", r"\#1", r"a\_b", r"{\textasciitilde}", r"{\textasciicircum}", r"{\textbackslash}",
    r"\{x\}", r"{\textbraceleft}", r"{\textbraceright}", r"a--b", r"a---b", r"``quoted''", r"x~y", r"{AAV} in {HeLa} cells",
    r"Te{X}niques", r"\dots", r"{\ldots}", r"\textendash", r"\textemdash", r"\url{http://a.b/c}", r"a  b", "two\nlines",
    r"95\% CI",
]  # fmt: skip


def _spaces(text: str) -> str:
    """BibTeX's white space rule (a no-break space from ``~`` is not white space)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


@pytest.mark.parametrize("latex", WILD)
def test_decoder_agrees_with_bibtexparser_on_spellings_from_the_wild(latex: str) -> None:
    assert decode_latex(latex) == _spaces(pylatexenc_decode(latex))


#: Where the decoder differs from pylatexenc on purpose (issue 12): what it gives, and what pylatexenc gives.
DIFFERENCES = [
    (r"The {\TeX}book", "The TeXbook", "The book"),
    (r"{\LaTeX}: a guide", "LaTeX: a guide", ": a guide"),
    (r"$\beta$-catenin", "β-catenin", r"$\beta$-catenin"),
    (r"H$_2$O", "H<sub>2</sub>O", "H$_2$O"),
    (r"$^{13}$C and $\alpha$-helix", "<sup>13</sup>C and α-helix", r"$^{13}$C and $\alpha$-helix"),
    (r"\~{}", "~", ""),
    (r"\foo{bar} baz", r"\foo{bar} baz", "bar baz"),
    (
        r"{\em in vivo} and \textsc{Small}",
        '<i>in vivo</i> and <span style="font-variant:small-caps;">Small</span>',
        "in vivo and Small",
    ),
]


@pytest.mark.parametrize(("latex", "ours", "pylatexenc"), DIFFERENCES)
def test_deliberate_differences_from_pylatexenc(latex: str, ours: str, pylatexenc: str) -> None:
    assert decode_latex(latex) == ours
    assert _spaces(pylatexenc_decode(latex)) == pylatexenc


def test_textquotesingle_and_macros_pylatexenc_knows() -> None:
    assert decode_latex(r"D\textquotesingle aspremont") == "D'aspremont"
    assert decode_latex(r"5\textdegree C, 3 \texteuro, \textmu g") == "5°C, 3 €, µg"


def test_unknown_macros_and_unconvertible_math_are_kept_and_reported() -> None:
    notes = Decoded()
    assert decode_latex(r"\foo{x} $\frac{a}{b}$ \bar", notes=notes) == r"\foo{x} $\frac{a}{b}$ \bar"
    assert notes.unknown == [r"\foo", r"\bar"]
    assert notes.kept == [r"$\frac{a}{b}$"]


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        ("{DNA} repair", "DNA repair"),  # the writer protects DNA itself: read back as the text it wrote
        ("Te{X}niques", 'Te<span class="nocase">X</span>niques'),
        ("{Whole Title Protected}", '<span class="nocase">Whole Title Protected</span>'),
        (r"{\"U}ber {Paris}", 'Über <span class="nocase">Paris</span>'),
    ],
)
def test_protecting_braces_become_nocase_in_titles(latex: str, expected: str) -> None:
    assert decode_latex(latex, nocase=True) == expected
    assert "nocase" not in decode_latex(latex)


@pytest.mark.parametrize(("char", "latex"), sorted({**TEXT_ESCAPES, **UNBALANCED_BRACE_ESCAPES, **ASCII_ENCODINGS}.items()))
def test_decoder_inverts_every_entry_of_the_writer_tables(char: str, latex: str) -> None:
    assert decode_latex(f"a{latex}b") == f"a{char}b"


TEXT = st.text(
    st.sampled_from(list('abcXYZ019 .,;:()[]/!?@=+*|"-&%$#_{}~^\\') + list("饶春明干细胞，（）éüçÅłßøœ")), min_size=1, max_size=60
)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, ascii=st.booleans())
def test_decoder_agrees_with_bibtexparser_on_everything_the_writer_escapes(text: str, ascii: bool) -> None:
    """Whatever the writer makes of a text, both decoders read the same (and read back the text)."""
    text = re.sub(r"-{2,}", "-", text).replace("''", "'")
    latex = escape(text, ascii)
    assert decode_latex(latex) == _spaces(pylatexenc_decode(latex)) == _spaces(text)


def test_markup_becomes_the_html_the_writer_started_from() -> None:
    source = "<i>In vitro</i> H<sub>2</sub>O and E=mc<sup>2</sup> <b>bold</b>"
    assert decode_latex(to_latex(source)) == source
    assert decode_latex(r"\emph{x}") == "<i>x</i>"


def test_registered_and_sniffed() -> None:
    assert get_reader("bibtex") is BibtexReader
    assert BibtexReader.sniff("% comment\n\n@article{x,\n")
    assert BibtexReader.sniff("@Article (x,\n")
    assert not BibtexReader.sniff("TY  - JOUR\n")


def test_streams_entry_by_entry() -> None:
    """The first record is yielded before the reader has seen the rest of the input."""
    seen: list[int] = []

    def lines():
        for number in range(1000):
            seen.append(number)
            yield f"@article{{k{number}, title={{T{number}}}, year=2000}}\n"

    records = BibtexReader().read(lines())
    first = next(records)
    assert first.citation is not None and first.citation.text("en").title == "T0"
    assert len(seen) <= 3


def test_string_macros_carry_across_entries_and_months_by_name() -> None:
    text = '@string{j = {Journal}}\n@string{jj = j # " of Tests"}\n@article{a, journal = jj, year = 2001, month = {August}}\n'
    (record,) = BibtexReader().read(split_lines(text))
    assert record.citation is not None
    assert record.citation.text("en").container_title == "Journal of Tests"
    assert record.citation.issued is not None and record.citation.issued.month == 8


def test_a_patent_is_a_patent_and_an_unknown_entry_type_a_document_with_a_warning() -> None:
    (record,) = BibtexReader().read(split_lines("@patent{p, title={A patent}, year=1999}\n"))
    assert record.citation is not None and record.citation.type == "patent"
    assert record.warnings == []
    (record,) = BibtexReader().read(split_lines("@jurthesis{p, title={A legal thesis}, year=1999}\n"))
    assert record.citation is not None and record.citation.type == "document"
    assert record.warnings == ["entry types with no CSL type, read as document: @jurthesis"]


def test_a_year_that_is_not_a_year_is_kept_as_written() -> None:
    """Issue 12: no record is rejected for its date (``year={n.d.}``, ``{c. 1900}``, ``{-0876}``)."""
    text = "@article{a, year={soon}}\n@article{b, year=2020, title={B}}\n@article{c, year={c. 1900}}\n@article{d, year={n.d.}}\n"
    records = list(BibtexReader().read(split_lines(text)))
    assert [r.error for r in records] == [None] * 4
    assert [r.citation.issued for r in records if r.citation] == [
        Date(literal="soon"),
        Date(year=2020),
        Date(year=1900, circa=True),
        Date(literal="n.d."),
    ]


def test_a_long_escaped_abstract_reads_back_whole() -> None:
    text = "Objective: 95% of {cells} & R_2 ~ 0.9; Müller's \\ method. " * 60
    assert decode_latex(escape(text, ascii=True)) == text.strip()

"""Injection, for every registered writer: a hostile value yields exactly one record per language, its text inert.

Every text field of one article (both languages) carries the same payload: record and tag
starters of every format, unbalanced braces, TeX commands that read files or run programs
(``\\input``, ``\\write18``, ``^^5c`` — TeX's own spelling of a backslash), ``%`` comments and
control characters.  Each writer's output is then checked by the format's rule of what a
record is (a real reader where cheap) and, for BibTeX, by what LaTeX would execute: every
backslash left in a value must be one of the escapes :mod:`citeexport.formats.bibtex.latex` makes.

The tagged formats' deeper checks with six real readers are in ``test_tagged_injection.py``;
here the point is that *no* writer — including ones added later — is left unchecked: a
writer without a checker below fails :func:`test_every_writer_has_a_checker`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from urllib.parse import unquote

import bibtexparser
import pybtex.database
import pytest
import rispy
from hypothesis import given, settings
from hypothesis import strategies as st

from citeexport.formats.bibtex.latex import braces_balance
from citeexport.model import Citation, Date, LocalizedText, Name
from citeexport.oneline import one_line
from citeexport.options import WriteOptions
from citeexport.registry import writers
from support.latex_decoding import decode

PAYLOADS: dict[str, str] = {
    "ris-record": "T\nER  - \nTY  - JOUR\nTI  - forged\nER  - ",
    "enw-record": "T\n\n%0 Journal Article\n%T forged",
    "refworks-record": "T\n\nRT Journal Article\nT1 forged",
    "noteexpress-record": "T\n\n{Reference Type}: Book\n{Title}: forged\r\n{Title}：forged",
    "bibtex-entry": "T},\n}\n@article{forged,\n  title = {forged",
    "bibtex-quote-and-comment": '" # forged @comment{ x } @string{a="b"}',
    "unbalanced-braces": "}}} a {{ b } c {",
    "input": "\\input{/etc/passwd}",
    "write18": "\\immediate\\write18{rm -rf ~}",
    "caret-notation": "^^5cinput{/etc/passwd} ^^5cwrite18{id}",
    "csname": "\\csname input\\endcsname{x} \\def\\x{y} #1 \\catcode`\\@=0 \\endinput",
    "percent-comment": "visible % hidden\n} forged",
    "trailing-backslash": "ends with \\",
    "escaped-brace": "\\} \\{ \\\\ }",
    "controls": "a\x00b\x07c\x1b[31md\x7fe\x9bf\x08",
    "unicode-breaks": "a\u2028ER  - \u2029TY  - JOUR\x85%0 x\x0bRT y\x0cz",
    "math": "$\\input{x}$ \\(\\write18{id}\\) \\[x\\]",
}

#: The only control sequences BibTeX values may hold: the escapes and markup commands the LaTeX module emits.
ALLOWED_COMMANDS = re.compile(
    r"\\(?:(?:textbackslash|textasciitilde|textasciicircum|textbraceleft|textbraceright|"
    r"textit|textbf|textsubscript|textsuperscript|textsc|ss|ae|AE|oe|OE|o|O|l|L|i|ldots|u|v|H|r|c|k)(?![A-Za-z])"
    r"|[{}&%$#_'`^~=.\"])"
)


def hostile_citation(payload: str) -> Citation:
    """An article whose every text value, in both languages, is ``payload`` (plus a marker)."""
    value = f"mark {payload} end"

    def text() -> LocalizedText:
        return LocalizedText(
            title=value,
            authors=(Name(family=value, given=value), Name(literal=value)),
            container_title=value,
            abstract=value,
            keywords=(value, value),
            url=f"https://example.org/{payload}",
        )

    return Citation(
        id="1",
        issued=Date(year=2025, month=1, day=31),
        volume=value,
        issue=value,
        page_first=value,
        page_last=value + "2",
        doi=f"10.1/{payload}",
        issn=value,
        texts={"zh": text(), "en": text()},
    )


def render(fmt: str, citation: Citation) -> str:
    writer = writers()[fmt](WriteOptions(lang="both"))
    return writer.start() + writer.write(citation) + writer.finish()


# -- per-format checkers: (output, citation, payload) -> None, asserting -------------------------

Checker = Callable[[str, Citation, str], None]


_LINE_BREAK = re.compile("[\n\r\v\f\x85\u2028\u2029]")


def latex_plain(value: str) -> str:
    """``value`` as the BibTeX writer must keep it: breaks and tabs folded to one space, C0 controls gone."""
    value = re.sub("[\t\n\r\v\f\x85\u2028\u2029]", " ", value)
    value = re.sub("[\x00-\x1f\x7f]", "", value)
    return re.sub(" {2,}", " ", value).strip(" ")


def _unescaped_backslashes(value: str) -> str:
    """What is left of ``value`` after removing every escape the writer may make: must hold no backslash."""
    return ALLOWED_COMMANDS.sub("", value)


def check_bibtex(out: str, citation: Citation, payload: str) -> None:
    library = bibtexparser.parse_string(out)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    assert len(library.entries) == 2, [e.key for e in library.entries]
    assert len(pybtex.database.parse_string(out, "bibtex").entries) == 2
    assert re.findall(r"^@\w+\{", out, re.M) == ["@article{", "@article{"]
    for entry in library.entries:
        assert re.fullmatch(r"[A-Za-z0-9_:.\-]+", entry.key), entry.key
        for field in entry.fields:
            value = field.value
            assert braces_balance(value), (field.key, value)  # BibTeX/btparse: every brace counts
            assert braces_balance(re.sub(r"\\[{}]", "", value)), (field.key, value)  # bibtexparser's rule
            assert not _LINE_BREAK.search(value), (field.key, value)
            assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", value), (field.key, value)
            if field.key in ("url", "doi"):  # raw but percent-encoded: no brace, backslash, space, bare %
                assert not re.search(r"[{}\\\s]|%(?![0-9A-Fa-f]{2})", value), (field.key, value)
                lang = "zh" if entry is library.entries[0] else "en"
                original = citation.doi if field.key == "doi" else citation.text(lang).url  # type: ignore[arg-type]
                assert unquote(value) == unquote(original or ""), (field.key, value)  # only percent-encoded
                continue
            leftover = _unescaped_backslashes(value)
            assert "\\" not in leftover, (field.key, value)  # no \input, \write18, \def … survives
            assert not re.search(r"(?<!\\)%", value), (field.key, value)  # no comment starts
            assert "^^" not in value, (field.key, value)  # TeX's ^^5c notation stays escaped
    for entry, lang in zip(library.entries, ("zh", "en"), strict=True):
        assert decode(entry.fields_dict["title"].value) == latex_plain(citation.text(lang).title or "")


def _tag_lines(out: str, newline: str, tag: str) -> list[str]:
    assert out.count(newline) == out.count("\n"), "stray line feeds"
    lines = out.split(newline)
    bad = [line for line in lines if line and not re.match(tag, line)]
    assert not bad, bad
    return lines


def check_ris(out: str, citation: Citation, payload: str) -> None:
    lines = _tag_lines(out, "\r\n", r"[A-Z][A-Z0-9]  - ")
    assert sum(line.startswith("TY  - ") for line in lines) == 2
    assert sum(line.startswith("ER  - ") for line in lines) == 2
    entries = rispy.loads(out)
    assert len(entries) == 2
    assert [e["title"] for e in entries] == [one_line(citation.text(lang).title or "") for lang in ("zh", "en")]


def check_enw(out: str, citation: Citation, payload: str) -> None:
    lines = _tag_lines(out, "\n", r"%[0-9A-Z@!#$&()*+^~>?\[\]] ")
    assert sum(line.startswith("%0 ") for line in lines) == 2
    assert [line[3:] for line in lines if line.startswith("%T ")] == [one_line(citation.text("zh").title or "")] * 2


def check_refworks(out: str, citation: Citation, payload: str) -> None:
    lines = _tag_lines(out, "\n", r"[A-Z][A-Z0-9] ")
    assert sum(line.startswith("RT ") for line in lines) == 2
    assert [line[3:] for line in lines if line.startswith("T1 ")] == [one_line(citation.text("zh").title or "")] * 2


def check_noteexpress(out: str, citation: Citation, payload: str) -> None:
    from citeexport.formats.tagged.noteexpress import NoteExpressReader
    from citeexport.inputs import split_lines

    lines = _tag_lines(out, "\n", r"\{[A-Za-z/ ]+\}: ")
    assert sum(line.startswith("{Reference Type}: ") for line in lines) == 2
    assert [line[9:] for line in lines if line.startswith("{Title}: ")] == [one_line(citation.text("zh").title or "")] * 2
    records = list(NoteExpressReader().read(split_lines(out), "<noteexpress>"))
    assert [r.citation.texts[lang].title for r, lang in zip(records, ("zh", "en"), strict=True)] == [  # type: ignore[union-attr]
        one_line(citation.text(lang).title or "") for lang in ("zh", "en")
    ]


def check_csljson(out: str, citation: Citation, payload: str) -> None:
    items = json.loads(out)
    assert len(items) == 2
    for item, lang in zip(items, ("zh", "en"), strict=True):
        assert item["title"] == citation.text(lang).title  # JSON keeps every character exactly
        assert item["author"][1] == {"literal": citation.text(lang).title}


def check_endnote_xml(out: str, citation: Citation, payload: str) -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(out)  # the whole output is one well-formed document
    records = root.findall("records/record")
    assert len(records) == 2, [ET.tostring(r) for r in records]
    assert len(out.splitlines()) == 5  # the declaration and <xml><records>, one line per record, the end
    for record, lang in zip(records, ("zh", "en"), strict=True):
        assert record.findtext("titles/title") == (citation.text(lang).title or "").translate(_XML_INVALID)
        assert [a.text for a in record.iter("author")][1] == (citation.text(lang).title or "").translate(_XML_INVALID) + ","


#: Characters no XML document can hold: the EndNote XML writer makes the line breaks among them LF
#: and removes the others.
_XML_INVALID: dict[int, str | None] = {
    **{c: None for c in [*range(0x09), *range(0x0E, 0x20), 0xFFFE, 0xFFFF]},
    **{c: "\n" for c in (0x0B, 0x0C, 0x1C, 0x1D, 0x1E)},
}


#: What must not reach a plain-text reference: line breaks other than the writer's own LF
#: (bare CR, VT, FF, FS/GS/RS, NEL, U+2028/9 start a line in some viewer), and other
#: controls (ESC sequences recolour or rewrite a terminal the list is printed on).
TEXT_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def check_text(out: str, citation: Citation, payload: str) -> None:
    lines = out.splitlines()  # every break Python knows, U+2028 included
    assert len(lines) == 2, lines
    assert not TEXT_FORBIDDEN.search(out), repr(out)
    assert all("mark" in line and "end" in line for line in lines), lines


_HTML_ELEMENTS = {"ol", "li", "br", "i", "b", "sub", "sup", "span", "div", "p"}


def check_html(out: str, citation: Citation, payload: str) -> None:
    """One article in one ``<li>``, its two languages after ``<br>``, no element but the fragment's own."""
    html5lib = pytest.importorskip("html5lib", reason="html5lib (test extras) parses the HTML writer's output")
    tree = html5lib.parseFragment(out, namespaceHTMLElements=False)
    assert {element.tag for element in tree.iter() if isinstance(element.tag, str)} - {"DOCUMENT_FRAGMENT"} <= _HTML_ELEMENTS
    items = list(tree.iter("li"))
    assert len(items) == 1, out
    assert len(list(items[0].iter("br"))) == 1, out
    text = "".join(items[0].itertext())
    assert "mark" in text and "end" in text, text


CHECKERS: dict[str, Checker] = {
    "bibtex": check_bibtex,
    "biblatex": check_bibtex,
    "ris": check_ris,
    "enw": check_enw,
    "refworks": check_refworks,
    "noteexpress": check_noteexpress,
    "csl-json": check_csljson,
    "endnote-xml": check_endnote_xml,
    "text": check_text,
    "html": check_html,
}

#: Known writer defects (the lead un-xfails them when fixed): (writer, payload) -> reason.
KNOWN_DEFECTS: dict[tuple[str, str], str] = {}


def test_every_writer_has_a_checker() -> None:
    assert set(writers()) <= set(CHECKERS), f"add an injection checker for {sorted(set(writers()) - set(CHECKERS))}"


def _cases() -> list[object]:
    cases = []
    for fmt in sorted(writers()):
        for name, payload in PAYLOADS.items():
            marks = []
            if (fmt, name) in KNOWN_DEFECTS:
                marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_DEFECTS[fmt, name]))
            cases.append(pytest.param(fmt, payload, id=f"{fmt}-{name}", marks=marks))
    return cases


@pytest.mark.parametrize(("fmt", "payload"), _cases())
def test_hostile_value_gives_one_inert_record_per_language(fmt: str, payload: str) -> None:
    citation = hostile_citation(payload)
    CHECKERS[fmt](render(fmt, citation), citation, payload)


def test_the_bibtex_check_catches_a_live_command() -> None:
    """The inertness check itself: an unescaped ``\\input`` or ``%`` in a value is caught."""
    citation = hostile_citation("x")
    good = render("bibtex", citation)
    with pytest.raises(AssertionError):
        check_bibtex(good.replace("mark x end", "mark \\input{x} end", 1), citation, "x")
    with pytest.raises(AssertionError):
        check_bibtex(good.replace("mark x end", "mark 5% end", 1), citation, "x")


_TOKENS = st.sampled_from(
    [
        *PAYLOADS.values(),
        "\n",
        "\r\n",
        "{",
        "}",
        "\\",
        "%",
        "@",
        "#",
        "~",
        "^",
        "$",
        "&",
        "_",
        "ER  - ",
        "%0 ",
        "RT ",
        "TY  - ",
        "a",
        " ",
        "干",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_TOKENS, min_size=1, max_size=12).map("".join), st.sampled_from(sorted(CHECKERS)))
def test_random_mixtures_of_hostile_tokens(payload: str, fmt: str) -> None:
    if fmt not in writers():
        return
    citation = hostile_citation(payload)
    CHECKERS[fmt](render(fmt, citation), citation, payload)

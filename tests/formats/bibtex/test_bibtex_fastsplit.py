"""The BibTeX reader's fast reading of plain entries (``fastsplit``): where it answers, bibtexparser's
splitter and default middleware give the same entry; whole files read the same with it and without it."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
import pytest
from bibtexparser.model import Entry
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from citeexport.formats.bibtex import reader as bibtex_reader
from citeexport.formats.bibtex.fastsplit import plain_entry
from citeexport.inputs import split_lines
from support.tagged_readers import citations
from support.tagged_types import TYPE_CASES

ROOT = Path(__file__).resolve().parents[2]


def bibtexparsers(text: str) -> tuple[str, str, dict[str, str]] | None:
    """The one entry bibtexparser reads from ``text`` (None if it reads anything else)."""
    library = bibtexparser.parse_string(text)
    if library.failed_blocks or len(library.blocks) != 1 or not isinstance(library.blocks[0], Entry):
        return None
    entry = library.blocks[0]
    fields = {field.key.lower(): str(field.value) for field in entry.fields}
    if len(fields) != len(entry.fields):
        return None
    return entry.entry_type.lower(), entry.key, fields


#: Text a plain value may hold (commas, ``=``, ``%``, ``@`` inside a line, CJK, line breaks), and text
#: that makes bibtexparser's own reading needed (quotes, backslashes, ``#``).
_PLAIN_TEXT = st.text(st.sampled_from(list("ab Z1,=%@\n\t~$&_^中文-.:/")), max_size=12)
_HOSTILE_TEXT = st.text(st.sampled_from(list('ab ,=#"\\{}\n')), max_size=8)
_BALANCED = st.recursive(
    _PLAIN_TEXT, lambda inner: st.builds(lambda a, b, c: a + "{" + b + "}" + c, _PLAIN_TEXT, inner, _PLAIN_TEXT)
)
_VALUE = st.one_of(
    _BALANCED.map(lambda t: "{" + t + "}"),
    _BALANCED.map(lambda t: "{" + t + "}"),
    _BALANCED.map(lambda t: "{" + t + "}"),
    st.sampled_from(["2020", "jan", "mymacro", "1-3", "10.1/x", '"quoted"', "a # b", "{unclosed", "{}", "1 -- 3"]),
    _HOSTILE_TEXT.map(lambda t: "{" + t + "}"),
)
_NAME = st.sampled_from(["title", "author", "year", "month", "Title", "x-y", "a.b", "1bad", "", "title"])
_FIELD = st.tuples(_NAME, st.sampled_from([" = ", "=", " =\n  "]), _VALUE)
_HEAD = st.tuples(
    st.sampled_from(["@article", "@article", "@Book", "@string", "@comment", "@ misc", "@preamble", "@xdata"]),
    st.sampled_from(["{", "{", "{", "(", " {"]),
    st.sampled_from(["key", "key", "a:b-c", "k y", "中文", "", "k{", "k%"]),
)


@st.composite
def entry_texts(draw: st.DrawFn) -> str:
    kind, opening, key = draw(_HEAD)
    fields = draw(st.lists(_FIELD, max_size=4))
    body = ",\n".join(f"  {name}{equals}{value}" for name, equals, value in fields)
    comma = draw(st.sampled_from(["", ","]))
    closing = draw(st.sampled_from(["}", "}", "}", "}  ", "}\nx", ")", ""]))
    return f"{kind}{opening}{key},\n{body}{comma}\n{closing}\n"


@st.composite
def plain_texts(draw: st.DrawFn) -> str:
    """Plain entries as exporters write them, any text in the values."""
    names = draw(st.lists(st.sampled_from(["title", "author", "journal", "year", "month", "pages", "note", "x-y"]), unique=True))
    values = [draw(st.one_of(_BALANCED.map(lambda t: "{" + t + "}"), st.sampled_from(["2020", "jan", "1-3"]))) for _ in names]
    body = ",\n".join(f"  {name} = {value}" for name, value in zip(names, values, strict=True))
    kind = draw(st.sampled_from(["article", "Book", "inproceedings", "misc"]))
    return f"@{kind}{{{draw(st.sampled_from(['key', 'a:b-c', 'rao2025x-zh']))},\n{body}{draw(st.sampled_from(['', ','])) if names else ''}\n}}\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=plain_texts())
def test_a_plain_entry_is_answered_as_bibtexparser_reads_it(text: str) -> None:
    ours = plain_entry(text, {"mymacro"})
    assert ours is not None
    assert bibtexparsers(text) == ours


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=entry_texts())
def test_where_the_fast_reading_answers_bibtexparser_agrees(text: str) -> None:
    ours = plain_entry(text, {"mymacro"})
    event("answered" if ours is not None else "left to bibtexparser")
    if ours is not None:
        assert bibtexparsers(text) == ours


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("@article{k,\n  title = {A {B} c},\n  year = 2020,\n  month = jan\n}\n", True),
        ("@article{k,\n  title = {A},\n}\n", True),
        ("@article{k,}\n", True),
        ('@article{k, title = "A"}\n', False),  # quoted: bibtexparser's
        ("@article{k, title = {A} # {B}}\n", False),  # concatenation
        ("@article{k, title = {A \\{ b}}\n", False),  # an escaped brace
        ("@article{k, title = mymacro}\n", False),  # a macro
        ("@article{k, title = {A}, Title = {B}}\n", False),  # repeated
        ("@article(k, title = {A})\n", False),  # parenthesised
        ("@string{mymacro = {M}}\n", False),
        ("@article{k, title = {A}}\ntrailing words\n", False),
    ],
)
def test_the_shapes_answered_and_left(text: str, plain: bool) -> None:
    assert (plain_entry(text, {"mymacro"}) is not None) is plain
    if plain:
        assert bibtexparsers(text) == plain_entry(text, {"mymacro"})


def _read_all(text: str, monkeypatch: pytest.MonkeyPatch | None = None) -> list[object]:
    if monkeypatch is not None:
        monkeypatch.setattr(bibtex_reader, "plain_entry", lambda text, macros: None)
    records = list(bibtex_reader.BibtexReader().read(split_lines(text), "f.bib"))
    return [(r.number, r.line, r.error and str(r.error), r.citation, list(r.warnings)) for r in records]


BIB_FILES = sorted(p for p in ROOT.rglob("*.bib") if "golden" in p.parts or "samples" in p.parts)


@pytest.mark.parametrize("path", BIB_FILES, ids=[str(p.relative_to(ROOT)) for p in BIB_FILES])
def test_every_bib_file_of_the_tests_reads_the_same_with_and_without_the_fast_reading(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_bytes().decode("utf-8-sig", errors="replace")  # a Latin-1 sample: the same text both ways
    fast = _read_all(text)
    assert fast == _read_all(text, monkeypatch)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(citations(), min_size=1, max_size=4), dialect=st.sampled_from(["bibtex", "biblatex"]))
def test_our_own_output_reads_the_same_with_and_without_the_fast_reading(batch: list, dialect: str) -> None:
    from citeexport.registry import get_writer

    writer = get_writer(dialect)()
    text = "".join(writer.write(c) for c in [*batch, *TYPE_CASES.values()])
    with pytest.MonkeyPatch.context() as patch:
        slow = _read_all(text, patch)
    assert _read_all(text) == slow

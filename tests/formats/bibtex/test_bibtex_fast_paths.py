"""The BibTeX reader's fast paths (issue 17) give what the long ways beside them give: LaTeX decoding
of plain values, splitting at ``and``/commas/``#`` without braces, the one-match field of a plain
entry, and the cached readings of names and dates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeexport.formats.bibtex import fastsplit
from citeexport.formats.bibtex import reader as bibtex_reader
from citeexport.formats.bibtex.latex_decode import LIGATURES, Decoded, decode_fully, decode_latex
from citeexport.inputs import split_lines

ROOT = Path(__file__).resolve().parents[2]
BIB_FILES = sorted(p for p in ROOT.rglob("*.bib") if "golden" in p.parts or "samples" in p.parts)

#: Characters the decoder treats, the ligatures' characters and white space of every kind, among text.
_DECODER_TEXT = st.lists(
    st.sampled_from(
        [
            *"ab Z1,.中文",
            *"-'`~",
            " ",
            "  ",
            "\t",
            "\n",
            "\r",
            "\f",
            "\v",
            "\u00a0",
            "\u3000",
            *"\\{}%$",
            "\\'",
            "\\&",
            "\\%",
            "\\_",
            "\\#",
            "\\$",
            "\\\\",
        ]
    ),
    max_size=16,
).map("".join)


def _values(path: Path) -> list[tuple[str, str]]:
    """Every (field name, raw value) of the plain entries of a ``.bib`` file."""
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    out: list[tuple[str, str]] = []
    for _, _, block in bibtex_reader.blocks(split_lines(text)):
        entry = fastsplit.plain_entry(block, {})
        if entry is not None:
            out.extend(entry[2].items())
    return out


GOLDEN_VALUES = sorted({pair for path in BIB_FILES for pair in _values(path)})


def _decoded_both_ways(value: str, nocase: bool) -> None:
    fast_notes, full_notes = Decoded(), Decoded()
    assert decode_latex(value, nocase=nocase, notes=fast_notes) == decode_fully(value, nocase=nocase, notes=full_notes)
    assert fast_notes == full_notes


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=_DECODER_TEXT, nocase=st.booleans())
def test_decoding_a_value_without_the_decoder_gives_what_the_decoder_gives(value: str, nocase: bool) -> None:
    _decoded_both_ways(value, nocase)


@pytest.mark.parametrize("value", ["1194--1196", "a---b", "a----b", "a-----b", "''x'''", "``y`", "a~b", " a  b\t\nc ", "", "  "])
def test_ligatures_and_white_space_without_the_decoder(value: str) -> None:
    _decoded_both_ways(value, nocase=False)


def test_every_golden_value_decodes_as_the_decoder_decodes_it() -> None:
    assert GOLDEN_VALUES
    for name, value in GOLDEN_VALUES:
        _decoded_both_ways(value, nocase=name in bibtex_reader.TITLE_LIKE)


def test_the_plain_test_knows_every_ligature() -> None:
    for ligature in LIGATURES:
        _decoded_both_ways(f"a{ligature}b", nocase=False)


@pytest.mark.parametrize(
    "value", ["98.6\\%", "a\\&b--c", "\\%--\\_", "a-\\--b", "\\\\%x", "\\\\\\%", "x\\\\&", "50\\% %comment", "\\$5 $x$"]
)
def test_escaped_characters_without_the_decoder(value: str) -> None:
    _decoded_both_ways(value, nocase=False)


def test_the_escapes_answered_without_the_decoder_print_themselves() -> None:
    for char in "%&_#$":
        assert decode_fully("\\" + char) == char


_SPLIT_TEXT = st.lists(
    st.sampled_from([*"ab ,#中", " and ", " AND ", "\tand\n", "and", " And  ", "{", "}", "\\", "\\{"]), max_size=14
).map("".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=_SPLIT_TEXT, separator=st.sampled_from([bibtex_reader._AND, bibtex_reader._COMMA, bibtex_reader._HASH]))
def test_splitting_without_braces_gives_what_the_long_way_gives(value: str, separator: re.Pattern[str]) -> None:
    assert bibtex_reader.split_top_level(value, separator) == bibtex_reader._split_braced(value, separator)


def test_every_golden_value_splits_as_the_long_way_splits_it() -> None:
    for _, value in GOLDEN_VALUES:
        for separator in (bibtex_reader._AND, bibtex_reader._COMMA, bibtex_reader._HASH):
            assert bibtex_reader.split_top_level(value, separator) == bibtex_reader._split_braced(value, separator)


_NEVER = re.compile(r"(?!)")


def _read_all(text: str) -> list[object]:
    records = list(bibtex_reader.BibtexReader().read(split_lines(text), "f.bib"))
    return [(r.number, r.line, r.offset, r.error and str(r.error), r.citation, list(r.warnings)) for r in records]


def _read_the_long_way(text: str, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Read with the one-match field of :mod:`.fastsplit` and the caches out of the way."""
    with monkeypatch.context() as patch:
        patch.setattr(fastsplit, "_SIMPLE_FIELD", _NEVER)
        patch.setattr(bibtex_reader, "_author", bibtex_reader._author.__wrapped__)
        patch.setattr(bibtex_reader, "_parsed_date", bibtex_reader._parsed_date.__wrapped__)
        return _read_all(text)


@pytest.mark.parametrize("path", BIB_FILES, ids=[str(p.relative_to(ROOT)) for p in BIB_FILES])
def test_every_bib_file_of_the_tests_reads_the_same_the_long_way(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    assert _read_all(text) == _read_the_long_way(text, monkeypatch)


def test_a_plain_entry_is_split_the_same_by_the_one_match_field(monkeypatch: pytest.MonkeyPatch) -> None:
    for path in BIB_FILES:
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        for _, _, block in bibtex_reader.blocks(split_lines(text)):
            fast = fastsplit.plain_entry(block, {"mymacro"})
            with monkeypatch.context() as patch:
                patch.setattr(fastsplit, "_SIMPLE_FIELD", _NEVER)
                assert fastsplit.plain_entry(block, {"mymacro"}) == fast


def test_a_cached_reading_repeats_its_warnings_for_every_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same joined MagTech authors and the same unreadable date in two records: warned in both."""
    entry = "@article{{k{0},\n  author = {{何贤敏,李茂西}},\n  title = {{标题}},\n  date = {{someday}},\n  year = {{2020}}\n}}\n"
    text = entry.format(1) + "\n" + entry.format(2)
    records = _read_all(text)
    assert [len(r[5]) for r in records] == [2, 2]  # type: ignore[index]
    assert records[0][5] == records[1][5]  # type: ignore[index]
    assert records == _read_the_long_way(text, monkeypatch)


_NAME_PART = st.lists(
    st.sampled_from(
        [*"ab Z,.", "饶", "春明", "欧阳", "大学", "，", "、", ";", "{", "}", "\\'", "--", "~", "  ", "\t", "\u3000", "van "]
    ),
    max_size=8,
).map("".join)


def _author_parts() -> list[str]:
    parts = {"刘国", " Müller, Julia", "García, Laura ", "何贤敏,李茂西", "{World Health Organization}", "King, Jr., Martin"}
    for name, value in GOLDEN_VALUES:
        if name in bibtex_reader.NAME_ROLES or name.startswith("editor"):
            parts.update(bibtex_reader.split_top_level(value, bibtex_reader._AND))
    return sorted(parts)


def _author_both_ways(part: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = bibtex_reader._author.__wrapped__(part)
    with monkeypatch.context() as patch:
        patch.setattr(bibtex_reader, "is_plain", lambda value: False)
        assert bibtex_reader._author.__wrapped__(part) == fast


def test_a_plain_name_part_reads_as_the_long_way_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    for part in _author_parts():
        _author_both_ways(part, monkeypatch)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(part=_NAME_PART)
def test_any_name_part_reads_as_the_long_way_reads_it(part: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _author_both_ways(part, monkeypatch)

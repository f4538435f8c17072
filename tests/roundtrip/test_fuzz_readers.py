"""Fuzzing every reader: hostile and broken input gives typed errors only, in bounded work, never a RecursionError.

What is asserted, for every registered reader (``registry.readers()``), on random text,
random bytes (through the decoding of :mod:`citeexport.inputs`) and, for the dump reader,
on mutated copies of the real record (truncations, deleted/duplicated brackets, cuts
mid-value, swapped fields, inserted separators):

* reading never raises anything but a :class:`CiteexportError`, and every failed record
  carries one (typed, with the file and record number);
* work is bounded per input character — measured, not timed: the parser reads its text
  through :class:`CountingText`, which counts the characters every ``find`` scans and every
  slice copies; a record of n characters may cost at most ``SCAN_FACTOR * n`` of them.
  (Before the hardening of :mod:`citeexport.formats.dump.lombok` the families below scanned
  O(n²) characters, e.g. on 1.3 MB of ``, columnId=1`` repeats.);
* 10,000-deep nesting of every bracket kind ends in an error or a text reading, never in a
  RecursionError, and the result does not depend on how deep the caller's stack already is.

The longer run is ``python scripts/fuzz.py --examples 100000`` (same properties, more examples).
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeexport.errors import CiteexportError
from citeexport.formats.dump import lombok
from citeexport.formats.dump.lombok import LombokSyntaxError
from citeexport.formats.dump.reader import parse_record_text
from citeexport.inputs import open_input
from citeexport.registry import get_reader, readers
from support.fuzzing import (
    EN_TITLE,
    JSON_VALUES,
    SCAN_FACTOR,
    SEED_DUMP,
    SEED_PAGE,
    SEED_TEXT,
    TEXTISH,
    count_work,
    mutated_dumps,
    read_all,
)

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# -- random input, every reader -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(readers()))
@FUZZ
@given(text=TEXTISH)
def test_random_text_gives_typed_errors_only(fmt: str, text: str) -> None:
    read_all(fmt, text)


@pytest.mark.parametrize("fmt", sorted(readers()))
@FUZZ
@given(data=st.binary(max_size=600))
def test_random_bytes_through_decoding_give_typed_errors_only(fmt: str, data: bytes) -> None:
    try:
        opened = open_input("-", fmt=fmt, stdin=io.BytesIO(data))  # type: ignore[arg-type]
        for record in opened.read():  # raw bytes for the dump reader in UTF-8, decoded lines otherwise
            assert record.error is None or isinstance(record.error, CiteexportError)
    except CiteexportError:
        pass


@pytest.mark.skipif("csl-json" not in readers(), reason="no CSL-JSON reader registered")
@FUZZ
@given(value=JSON_VALUES)
def test_csljson_reader_on_random_json(value: object) -> None:
    read_all("csl-json", json.dumps(value))


@pytest.mark.skipif("csl-json" not in readers(), reason="no CSL-JSON reader registered")
def test_csljson_date_parts_object_is_a_typed_error() -> None:
    read_all("csl-json", json.dumps([{"issued": {"date-parts": {"x": 1}}}]))


@pytest.mark.skipif("csl-json" not in readers(), reason="no CSL-JSON reader registered")
def test_csljson_deep_nesting_is_a_typed_error() -> None:
    read_all("csl-json", "[" * 100_000 + "]" * 100_000)


# -- mutated real records (dump reader) -----------------------------------------------------------


@FUZZ
@given(dump=mutated_dumps())
def test_mutated_record_gives_typed_errors_and_never_costs_the_record_before(dump: str) -> None:
    records = read_all("dump", SEED_TEXT + "\n" + dump + "\n" + SEED_PAGE)
    assert records and records[0].ok and records[0].number == 1


def test_a_broken_record_does_not_swallow_the_next_one() -> None:
    broken = SEED_DUMP.replace("ext={EN=", "ext={EN", 1)
    records = read_all("dump", SEED_TEXT + "\n" + broken + "\n" + SEED_PAGE + "\n" + SEED_TEXT)
    assert [r.ok for r in records] == [True, False, True]


# -- bounded work, measured in characters scanned -------------------------------------------------


def _in_title(filler: str) -> str:
    return SEED_DUMP.replace(f"title={EN_TITLE},", f"title={filler},", 1)


def _in_keywords(filler: str) -> str:
    return SEED_DUMP.replace("keywords=null", f"keywords={filler}", 1)


DEEP = 10_000
#: Hostile families: (name, builder of a record holding ``n`` repeats).
FAMILIES: list[tuple[str, Callable[[int], str]]] = [
    ("next-field separators in a title", lambda n: _in_title("x, columnId=1" * n)),
    ("separator pairs in a title", lambda n: _in_title(", columnId=1, " * n)),
    ("many , title= repeats", lambda n: _in_title(", title=x" * n)),
    ("unclosed unknown object", lambda n: _in_keywords("Foo(" + "a=1, " * n)),
    ("unclosed map", lambda n: _in_keywords("{" + "A=1, " * n)),
    ("unclosed list of objects", lambda n: _in_keywords("[" + "Foo(a=1), " * n)),
    (
        "closers in a last field",
        lambda n: SEED_DUMP.replace("authorsList=Chun-ming RAO, Lin PANG)", "authorsList=" + "a), " * n + ")", 1),
    ),
    ("quote separators in Issue", lambda n: SEED_DUMP.replace("volume='45'", "volume='45" + "', x='" * n, 1)),
    ("truncated, then field repeats", lambda n: SEED_DUMP[: SEED_DUMP.index("keywords=")] + "keywords=Foo(" + "a=1, " * n),
]


@pytest.mark.parametrize(("name", "build"), FAMILIES, ids=[name for name, _ in FAMILIES])
def test_work_per_character_is_bounded(name: str, build: Callable[[int], str]) -> None:
    ratios = []
    for text in (build(500), build(8000)):
        outcome, scanned, steps = count_work(text)
        assert scanned <= SCAN_FACTOR * len(text), (name, outcome, scanned, len(text))
        assert steps <= 20_000 + (len(text) + 1) // 2 + 1  # the budget (text + its newline), plus the step that hit it
        ratios.append(scanned / len(text))
    # Linear, not quadratic: 16 times the input may not cost much more per character
    # (quadratic work would multiply the ratio by about 16).
    assert ratios[1] <= 2 * ratios[0] + 2, (name, ratios)


@pytest.mark.parametrize(
    ("name", "filler"),
    [
        ("brackets", "[" * DEEP),
        ("balanced brackets", "[" * DEEP + "]" * DEEP),
        ("objects", "Foo(a=" * DEEP),
        ("closed objects", "Foo(a=" * DEEP + "1" + ")" * DEEP),
        ("maps", "{a=" * DEEP + "1" + "}" * DEEP),
        ("lists of objects", "[Foo(a=" * DEEP),
        ("json", '{"a":' * DEEP + "1" + "}" * DEEP),
        ("json arrays", "[" * DEEP + "1" + "]" * DEEP),
    ],
)
def test_deep_nesting_is_an_error_or_text_never_a_recursion_error(name: str, filler: str) -> None:
    text = _in_keywords(filler)
    outcome, scanned, _ = count_work(text)  # only a LombokSyntaxError is caught there: a RecursionError fails the test
    assert outcome == "ok" or "deep" in outcome or "work limit" in outcome or outcome.startswith("expected"), outcome
    assert scanned <= SCAN_FACTOR * len(text)
    records = read_all("dump", text)
    assert len(records) == 1


def _at_depth(depth: int, call: Callable[[], object]) -> object:
    return call() if depth <= 0 else _at_depth(depth - 1, call)


def test_results_do_not_depend_on_the_callers_stack_depth() -> None:
    """The nesting limits, not Python's recursion limit, decide: same answers with 500 frames already used."""
    deep_object = "Article(id=1, x=" + "Foo(a=" * 60 + "1" + ")" * 60 + ")"
    many_fields = _in_keywords("Foo(" + ", ".join(f"f{i}=1" for i in range(lombok.MAX_GENERIC_FIELDS - 5)) + ")")

    def outcomes() -> list[str]:
        out = []
        for text in (SEED_DUMP, deep_object, many_fields):
            try:
                parse_record_text(text)
                out.append("ok")
            except LombokSyntaxError as error:
                out.append(error.message)
        return out

    shallow = outcomes()
    assert shallow[0] == "ok" and shallow[1] == "nested too deeply" and shallow[2] == "ok"
    headroom = sys.getrecursionlimit() - 500
    assert _at_depth(headroom - 30 - len(__import__("inspect").stack(0)), outcomes) == shallow


def test_ten_megabyte_values_read_whole() -> None:
    value = "长" * 2_000_000 + ", x=" * 100_000 + "y" * 3_000_000
    records = read_all("dump", SEED_DUMP.replace("articleAbstract=null", f"articleAbstract={value}", 1) + "\n")
    assert records[0].ok and records[0].citation.text("en").abstract == value  # type: ignore[union-attr]


def _dump_lines(n: int) -> Iterator[str]:
    for _ in range(n):
        yield SEED_DUMP + "\n"
        yield "Article(id=7, " + "x" * 50 + "\n"  # a broken record between good ones


def test_broken_records_between_good_ones_cost_only_themselves() -> None:
    records = list(get_reader("dump")().read(_dump_lines(20), "many.txt"))
    assert [r.ok for r in records] == [True, False] * 20
    assert all(isinstance(r.error, CiteexportError) for r in records[1::2])

"""The compiled fast path answers exactly as the careful parser, or not at all.

Every hazard record of test_dump_reader.py, and generated corpora, are read both ways."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings

from citeexport.formats.dump.fast import parse_fast
from citeexport.formats.dump.lombok import LombokSyntaxError
from citeexport.formats.dump.mapping import citation_from_tree
from citeexport.formats.dump.reader import parse_record_text
from support import dump_texts as hazards
from support.dumpgen import render_record
from support.seed import SEED
from support.strategies import dump_citations

SEED_TEXT = SEED.read_text(encoding="utf-8")


def both_ways(text: str):
    """(fast citation tree or None, careful citation or the careful parser's error message); a record
    the fast path answers has no warning from the careful parser (so either may read it)."""
    fast_tree = parse_fast(text if text.endswith("\n") else text + "\n")
    try:
        careful_tree, careful_warnings = parse_record_text(text, fast=False)
    except LombokSyntaxError as error:
        return fast_tree, error.message
    if fast_tree is not None:
        assert careful_warnings == [], "the fast path answered a record the careful parser repairs"
    return fast_tree, citation_from_tree(careful_tree)


def test_the_first_records_of_a_process_are_read_carefully(monkeypatch):
    """A run of a few records does not compile the fast program; the answer is the same."""
    from citeexport.formats.dump import reader

    monkeypatch.setattr(reader, "_careful_left", 1)
    first, after = parse_record_text(SEED_TEXT), parse_record_text(SEED_TEXT)
    assert reader._careful_left == 0
    assert first[1] == after[1] == [] and citation_from_tree(first[0]) == citation_from_tree(after[0])


def hazard_records() -> list[str]:
    """Hand-made records of the reader tests, rebuilt here through their helpers."""
    dump = hazards.SEED_DUMP
    records = [
        SEED_TEXT,
        hazards.en_ext_replace("highlight=null, ", ""),
        dump.replace("columnId=1241314566538326794", "columnId=abc", 1),
    ]
    for title in [
        "Cells, columnId=123 (in vitro), journalTitle=fake",
        "null models, nullable=true",
        "Title with Author(id=1, tenantId=2) inside",
        "x, columnName=y",
    ]:
        records.append(hazards.en_ext_replace(f"title={hazards.EN_TITLE},", f"title={title},"))
    records.append(
        hazards.en_ext_replace(
            "articleAbstract=null,", 'articleAbstract=a, p=0.01; {"c":""} <span data-x="a, b=c">\nArticle(id=1, x) more,'
        )
    )
    records.append(dump.replace("funds=null", "funds=[Grant(id=1, name=NSFC (81973287), amount=null)]", 1))
    records.append(dump.replace("keywords=null", "keywords={CN=[干细胞, 质量控制], EN=[stem cell]}", 1))
    records.append(re.sub(r"issue=Issue\{.*?\}, startPage", "issue=null, startPage", dump, count=1, flags=re.S))
    return records


@pytest.mark.parametrize("text", hazard_records())
def test_fast_path_agrees_with_the_careful_parser_on_hazards(text):
    try:
        fast_tree, careful = both_ways(text)
    except LombokSyntaxError:
        return  # the fast path declined and the careful parser failed: nothing to compare
    if fast_tree is not None:
        assert citation_from_tree(fast_tree) == careful


def test_fast_path_answers_the_seed():
    _tree, warnings = parse_record_text(SEED_TEXT, fast=True)
    assert warnings == []
    fast_tree, careful = both_ways(SEED_TEXT)
    assert fast_tree is not None and citation_from_tree(fast_tree) == careful


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dump_citations())
def test_fast_path_agrees_on_generated_records(citation):
    text = render_record(citation)
    fast_tree, careful = both_ways(text)
    assert fast_tree is not None, "the fast path should answer every generated record"
    assert citation_from_tree(fast_tree) == careful


# -- one schema, read by both parsers: a kind the fast path cannot take goes to the careful parser --


@pytest.fixture
def change_kind(monkeypatch):
    """Give a field another kind in the one schema both parsers read (the fast program is compiled anew)."""
    from citeexport.formats.dump import fast
    from citeexport.formats.dump.schema import SCHEMA

    def change(cls: str, field: str, kind: str) -> None:
        monkeypatch.setitem(SCHEMA, cls, tuple((name, kind if name == field else old) for name, old in SCHEMA[cls]))
        fast._program.cache_clear()

    yield change
    fast._program.cache_clear()  # before the schema is restored: the next record compiles it anew


@pytest.mark.parametrize("kind", ["t", "n", "b", "q", "j", "*"])
def test_every_kind_is_read_by_the_fast_path_or_left_to_the_careful_parser(change_kind, kind):
    change_kind("ArticleExt", "highlight", kind)
    assert parse_fast(SEED_TEXT) is not None  # highlight=null fits every kind
    fast_tree, careful = both_ways(SEED_TEXT)
    assert citation_from_tree(fast_tree) == careful


def test_a_json_field_in_a_compiled_class_is_json_for_the_careful_parser_and_declined_by_the_fast_path(change_kind):
    """Kind ``j`` once raised in the fast path instead of falling back."""
    change_kind("ArticleExt", "highlight", "j")
    dump = hazards.en_ext_replace("highlight=null", 'highlight={"a": [1, "b, c=d"]}')
    assert parse_fast(dump + "\n") is None
    tree, _ = parse_record_text(dump, fast=False)
    assert tree.get("ext")["EN"].get("highlight") == {"a": [1, "b, c=d"]}
    text = hazards.en_ext_replace("highlight=null", "highlight=plain, text")
    fast_tree, careful = both_ways(text)
    assert fast_tree is not None and citation_from_tree(fast_tree) == careful


def test_a_kind_the_fast_path_does_not_compile_never_matches():
    from citeexport.formats.dump import fast

    assert fast._Builder(frozenset()).value("ArticleExt", "highlight", "z:Unknown", (", runingTitle=",), None) == fast._NEVER
    assert re.match(fast._NEVER, "") is None and re.match(fast._NEVER, "anything") is None


def test_the_schema_names_only_kinds_both_parsers_know():
    from citeexport.formats.dump.schema import SCHEMA, check_kind

    assert all(check_kind(kind) == kind for fields in SCHEMA.values() for _name, kind in fields)
    with pytest.raises(ValueError, match="unknown field kind"):
        check_kind("o:Nonexistent")

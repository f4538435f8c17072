"""The CSL-JSON reader streams: each item's line and character offset are where the item starts in
the input, however the input is cut into pieces and however long it is (the reader drops decoded
text from its buffer every 64K characters), and an error names where it is."""

from __future__ import annotations

import json
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from citeexport.formats.csljson import _KEEP, CslJsonReader
from citeexport.inputs import split_lines


def _items(count: int) -> list[dict[str, object]]:
    return [
        {
            "id": f"item-{n}",
            "type": "article-journal",
            "title": f"基于随机森林的短期电力负荷测定 {n}" if n % 2 else f"A robust framework, part {n}",
            "author": [{"family": "刘", "given": "国"}, {"family": "Müller", "given": "Julia"}],
            "issued": {"date-parts": [[2000 + n % 25]]},
        }
        for n in range(count)
    ]


def _document(count: int, indent: int | None) -> str:
    return json.dumps(_items(count), ensure_ascii=False, indent=indent) + "\n"


def _starts(text: str) -> list[int]:
    """Where each item of the array starts, found by decoding the whole text at once."""
    decoder, starts, pos = json.JSONDecoder(), [], text.index("[") + 1
    while True:
        while text[pos] in " \t\r\n,":
            pos += 1
        if text[pos] == "]":
            return starts
        starts.append(pos)
        _item, pos = decoder.raw_decode(text, pos)


def _pieces(text: str, cuts: list[int]) -> list[str]:
    """``text`` in pieces of whole lines, cut after the lines numbered in ``cuts``."""
    lines = list(split_lines(text))
    bounds = sorted({0, len(lines), *(cut % (len(lines) + 1) for cut in cuts)})
    return ["".join(lines[a:b]) for a, b in pairwise(bounds)]


def _read(pieces: list[str]) -> list[tuple[str | None, int | None, int | None]]:
    return [
        (record.citation.id if record.citation else None, record.line, record.offset)
        for record in CslJsonReader().read(iter(pieces), "items.json")
    ]


def test_lines_and_offsets_of_a_long_pretty_printed_array() -> None:
    text = _document(1500, indent=2)
    assert len(text) > 4 * _KEEP  # the buffer is compacted several times
    starts = _starts(text)
    expected = [(f"item-{n}", text.count("\n", 0, start) + 1, start) for n, start in enumerate(starts)]
    assert _read(list(split_lines(text))) == expected
    assert _read([text]) == expected


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=20_000), max_size=12), st.sampled_from([None, 1, 2]))
def test_the_same_records_however_the_input_is_cut(cuts: list[int], indent: int | None) -> None:
    text = _document(700, indent)
    expected = _read([text])
    assert _read(_pieces(text, cuts)) == expected
    assert [record[0] for record in expected] == [f"item-{n}" for n in range(700)]


def test_an_error_past_the_compacted_text_names_its_line_and_offset() -> None:
    text = _document(1200, indent=2)
    broken_at = text.rindex('"title"')  # in the last item, far past the first 64K characters
    broken = text[:broken_at] + "@" + text[broken_at:]
    records = list(CslJsonReader().read(split_lines(broken), "items.json"))
    assert [record.citation.id for record in records[:-1] if record.citation] == [f"item-{n}" for n in range(1199)]
    error = records[-1].error
    assert error is not None and "invalid JSON" in str(error)
    assert (error.line, error.offset) == (broken.count("\n", 0, broken_at) + 1, broken_at)

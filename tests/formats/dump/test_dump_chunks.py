"""Cutting a dump into chunks from its raw bytes (:class:`EncodedSplitter`) gives exactly the
chunks of the decoded text (:func:`split_chunks`): same lines, offsets, text and size caps,
however the bytes arrive, in every byte-safe encoding; undecodable bytes are named."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import citeexport.formats.dump.chunks as dump_chunks
from citeexport.errors import InputError
from citeexport.formats.dump.chunks import EncodedSplitter, byte_safe, split_chunks
from citeexport.inputs import split_lines
from support.seed import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
#: Page text before the first record, a false start, CR LF, a record with no line end at the end.
MIXED = "junk\n" + SEED_TEXT + "\nArticle(s) in this issue\n\n" + SEED_TEXT.replace("\n", "\r\n") + "\nArticle(id=1 😀"


def as_tuples(chunks) -> list[tuple[int, int, str, bool]]:
    return [(c.line, c.offset, c.text, c.cut) for c in chunks]


def cut(data: bytes, cuts: list[int]) -> list[bytes]:
    bounds = sorted({min(c, len(data)) for c in cuts} | {0, len(data)})
    return [data[a:b] for a, b in itertools.pairwise(bounds)]


def from_bytes(data: bytes, encoding: str, blocks: list[bytes] | None = None) -> tuple[list, EncodedSplitter]:
    splitter = EncodedSplitter(encoding)
    return as_tuples(splitter.chunks(blocks if blocks is not None else [data])), splitter


@settings(max_examples=60, deadline=None)
@given(
    cuts=st.lists(st.integers(0, 70_000), max_size=12),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
    bom=st.booleans(),
    start_with_record=st.booleans(),
)
def test_bytes_cut_anywhere_split_as_the_decoded_text(cuts, encoding, bom, start_with_record):
    text = SEED_TEXT if start_with_record else MIXED
    data = text.encode("utf-8" if encoding == "utf-8-sig" else encoding)
    if bom:
        data = {"gb18030": b"\x84\x31\x95\x33"}.get(encoding, b"\xef\xbb\xbf") + data
    expected = as_tuples(split_chunks(split_lines(data.decode("utf-8-sig" if encoding != "gb18030" else encoding))))
    got, splitter = from_bytes(data, encoding, cut(data, cuts))
    assert got == expected
    assert splitter.byte == len(data)
    assert splitter.line == text.count("\n") + 1 and splitter.offset == len(text)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_range_split_in_two_continues_lines_and_offsets(encoding):
    data = MIXED.encode(encoding)
    cut_at = data.index(b"\nArticle(s)") + 1
    first = EncodedSplitter(encoding)
    chunks = list(first.chunks([data[:cut_at]]))
    second = EncodedSplitter(encoding, at_start=False, byte=cut_at, line=first.line, offset=first.offset)
    chunks += second.chunks([data[cut_at:]])
    assert as_tuples(chunks) == from_bytes(data, encoding)[0]


def test_the_size_cap_cuts_the_same_text(monkeypatch):
    monkeypatch.setattr(dump_chunks, "MAX_RECORD_CHARS", 5000)
    text = "before\n" * 2000 + SEED_TEXT + "页面文字\n" * 3000 + SEED_TEXT
    data = text.encode()
    expected = as_tuples(split_chunks(split_lines(text)))
    assert [c[3] for c in expected] == [True, True]
    assert from_bytes(data, "utf-8", cut(data, list(range(0, len(data), 999))))[0] == expected


@pytest.mark.parametrize("where", ["before the first record", "in a record", "in a record past the cap", "cut at the end"])
def test_an_undecodable_byte_is_named_by_its_offset(where, monkeypatch):
    monkeypatch.setattr(dump_chunks, "MAX_RECORD_CHARS", 3000)
    good = {"before the first record": "页\n", "in a record": SEED_TEXT[:100], "in a record past the cap": SEED_TEXT[:9000]}.get(
        where, SEED_TEXT
    )
    bad = b"\xe9\xa1" if where == "cut at the end" else b"\xff"
    data = good.encode() + bad + ("" if where == "cut at the end" else "\n" + SEED_TEXT).encode()
    with pytest.raises(InputError) as caught:
        from_bytes(data, "utf-8", cut(data, [1000, 4001, 4002]))
    assert caught.value.offset == len(good.encode())
    assert f"at byte {len(good.encode())}" in str(caught.value)


def test_only_encodings_whose_bytes_show_line_starts_are_byte_safe():
    assert all(byte_safe(name) for name in ("utf-8", "UTF8", "utf-8-sig", "gb18030", "ascii", "latin-1"))
    assert not any(byte_safe(name) for name in ("utf-16", "utf-32", "gbk", "shift_jis", "no-such-codec"))
    with pytest.raises(ValueError, match="utf-16"):
        EncodedSplitter("utf-16")


@pytest.mark.parametrize("text", ["", "Ar", "Article(id=1", "x\nArticle(id=1\n页"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf", b"\xef\xbb", b"\xef\xbb\xbf" * 2, b"\xef\xbb\xbf" * 3])
def test_tiny_inputs_byte_by_byte(text, bom):
    data = bom + text.encode()
    if bom == b"\xef\xbb":  # half a BOM is an undecodable start
        with pytest.raises(InputError):
            from_bytes(data, "utf-8", cut(data, list(range(len(data)))))
        return
    for encoding in ("utf-8", "utf-8-sig"):  # the text path: the codec's BOM, then one more (split_chunks)
        expected = as_tuples(split_chunks(split_lines(data.decode(encoding))))
        assert from_bytes(data, encoding, cut(data, list(range(len(data)))))[0] == expected
        assert from_bytes(data, encoding)[0] == expected


_PIECES = st.sampled_from(
    [
        b"\nArticle(",
        b"Article(id=1, ",
        b"\n",
        b"\r\n",
        b"x",
        "干".encode(),
        "干".encode()[:2],
        b"\xff",
        b"\xef\xbb\xbf",
        "😀".encode(),
    ]
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.one_of(_PIECES, st.binary(max_size=6)), max_size=30), cuts=st.lists(st.integers(0, 200), max_size=6))
def test_any_bytes_split_as_their_decoding_or_fail_at_the_same_byte(pieces, cuts):
    """Differential: hostile bytes (markers, cut characters, stray BOMs) read raw or decoded first agree."""
    data = b"".join(pieces)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        with pytest.raises(InputError) as caught:
            from_bytes(data, "utf-8-sig", cut(data, cuts))
        bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        assert caught.value.offset == exc.start + bom
        return
    assert from_bytes(data, "utf-8-sig", cut(data, cuts))[0] == as_tuples(split_chunks(split_lines(text)))

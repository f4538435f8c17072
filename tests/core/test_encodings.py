"""Input encodings and output normalisation.

The CLI-level detection of UTF-8 with BOM, GB18030 and UTF-16 is in ``test_cli.py``; here:
detection decisions one by one, UTF-16 big-endian and UTF-32, CR LF, the GBK file whose first
64 KB are ASCII (detection reads on to the first non-ASCII byte, also from a pipe), the exact byte
offset of an undecodable byte and the encodings tried (also when it falls on a read-block boundary), and that every writer's
output is NFC whatever normalisation form the input used.
"""

from __future__ import annotations

import codecs
import io
import os
import subprocess
import sys
import unicodedata

import pytest

from citeexport.api import read_text, write
from citeexport.errors import InputError
from citeexport.inputs import BYTE_BLOCK, HEAD_BYTES, detect_encoding, open_input
from citeexport.registry import writers
from support.seed import SEED, seed_citation

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_DUMP = SEED_TEXT.partition("\n")[0]
BLOCK = 1 << 16  # inputs._decoded_lines reads this much at a time


def _read_one_way(data: bytes, encoding: str | None, raw: bool) -> list | InputError:
    opened = open_input("-", fmt="dump", encoding=encoding, stdin=io.BytesIO(data))  # type: ignore[arg-type]
    if not raw:
        opened.blocks = None
    try:
        return list(opened.read())
    except InputError as error:
        return error


def read_bytes(data: bytes, encoding: str | None = None) -> list:
    """The records of ``data``, read from its raw bytes (when the encoding allows) and from its
    decoded lines: both ways must give the same records, or the same error."""
    from_bytes, from_lines = (_read_one_way(data, encoding, raw) for raw in (True, False))
    if isinstance(from_lines, InputError):
        assert isinstance(from_bytes, InputError) and str(from_bytes) == str(from_lines)
        raise from_bytes
    assert not isinstance(from_bytes, InputError), from_bytes
    seen = [[(r.number, r.line, r.offset, r.citation, str(r.error)) for r in records] for records in (from_bytes, from_lines)]
    assert seen[0] == seen[1]
    return from_bytes


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "干细胞".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "干细胞".encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + "干细胞".encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + "干细胞".encode("utf-32-le"), "utf-32"),
        ("干细胞 Article(".encode(), "utf-8"),
        (("a" * (HEAD_BYTES - 1)).encode() + "干".encode()[:1], "utf-8"),  # a character cut by the head's end
        (SEED_DUMP.encode("gbk")[:HEAD_BYTES], "gb18030"),  # charset-normalizer alone says mac_latin2
        (SEED_TEXT.replace("\n", "\r\n").encode("gbk")[:HEAD_BYTES], "gb18030"),
        ("Le café, la crème brûlée et l'œuvre d'André à Besançon. ".encode("latin-1", errors="ignore") * 20, None),
        ("Müller’s “naïve” résumé — São Paulo ".encode("cp1252") * 20, None),
        (SEED_TEXT.encode()[:2000] + b"\xff\xfe" + SEED_TEXT.encode()[2000:], "utf-8"),  # charset-normalizer alone says ptcp154
        ("干".encode("gbk") + "干细胞".encode() * 10, "utf-8"),  # one GBK character pasted into UTF-8
        ("干细胞".encode("gbk") * 20 + "干细胞".encode() * 3, "gb18030"),
    ],
    ids=[
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf32-bom",
        "utf8",
        "utf8-cut-char",
        "gbk-mostly-ascii",
        "gbk-page",
        "latin1",
        "cp1252",
        "utf8-stray-bytes",
        "utf8-some-gbk",
        "gbk-some-utf8",
    ],
)
def test_detection(data: bytes, expected: str | None) -> None:
    detected = detect_encoding(data)
    if expected is None:  # Western single-byte text: not mistaken for Chinese, and decodes as the source
        assert detected != "gb18030"
        assert "caf" in data.decode(detected) or "Müller" in data.decode(detected)
    else:
        assert detected == expected


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-32", "gb18030"])
def test_bom_and_legacy_encodings_with_crlf_read_the_seed(encoding: str) -> None:
    text = SEED_TEXT.replace("\n", "\r\n")
    data = (codecs.BOM_UTF16_BE if encoding == "utf-16-be" else b"") + text.encode(encoding)
    records = read_bytes(data)
    assert [r.citation for r in records] == [seed_citation()]


def _gbk_after_ascii_head() -> bytes:
    """A GBK dump whose first 64 KB are ASCII page text (detection must read on to decide)."""
    return ("x" * (HEAD_BYTES + 10) + "\n" + SEED_TEXT).encode("gbk")


def test_gbk_after_an_ascii_head_is_detected_where_the_text_starts() -> None:
    """ASCII decides nothing: detection reads on to the first byte that is not ASCII."""
    assert [r.citation for r in read_bytes(_gbk_after_ascii_head())] == [seed_citation()]
    opened = open_input("-", fmt="dump", stdin=io.BytesIO(_gbk_after_ascii_head()))  # type: ignore[arg-type]
    assert opened.encoding == "gb18030"
    first = next(i for i, byte in enumerate(_gbk_after_ascii_head()) if byte >= 0x80)
    assert first > HEAD_BYTES and opened.detection is not None and f"on bytes {first}-" in opened.detection.tried


def test_gbk_after_an_ascii_head_from_a_pipe_is_detected_and_read_whole() -> None:
    """A pipe cannot seek back: the bytes read for detection are read again, none lost."""
    read_end, write_end = os.pipe()
    data = _gbk_after_ascii_head() + b"\n" + SEED_TEXT.encode("gbk")
    with os.fdopen(write_end, "wb") as sink:
        sink.write(data[: 1 << 16])  # less than detection wants; the rest arrives later
        sink.flush()
        with os.fdopen(read_end, "rb", buffering=0) as source:
            import threading

            threading.Timer(0.05, lambda: (sink.write(data[1 << 16 :]), sink.close())).start()
            opened = open_input("-", fmt="dump", stdin=source)  # type: ignore[arg-type]
            assert opened.encoding == "gb18030"
            assert [r.citation for r in opened.read()] == [seed_citation(), seed_citation()]


def test_gbk_beyond_the_detection_limit_fails_with_the_offset_and_what_was_tried(monkeypatch) -> None:
    monkeypatch.setattr("citeexport.inputs.DETECT_LIMIT", HEAD_BYTES * 2)
    data = ("x" * 99 + "\n").encode() * (HEAD_BYTES * 3 // 100) + SEED_TEXT.encode("gbk")
    with pytest.raises(InputError) as caught:
        read_bytes(data)
    first_bad = next(i for i, byte in enumerate(data) if byte >= 0x80)
    assert caught.value.offset == first_bad
    message = str(caught.value)
    assert f"at byte {first_bad}" in message and "--encoding" in message
    assert message.endswith(f"encodings tried: utf-8 (bytes 0-{HEAD_BYTES * 2 - 1} are ASCII)"), message
    assert [r.citation for r in read_bytes(data, encoding="gbk")] == [seed_citation()]


@pytest.mark.parametrize("block", [BLOCK, BYTE_BLOCK])
@pytest.mark.parametrize("shift", [-2, -1, 0, 1, 2])
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_undecodable_byte_offset_is_exact_at_a_block_boundary(encoding: str, shift: int, block: int) -> None:
    good = ("a" * (block + shift - 2) + "干").encode(encoding)  # a multibyte character across the boundary
    data = good + b"\xff\xff\xff\n"
    with pytest.raises(InputError) as caught:
        read_bytes(data, encoding=encoding)
    assert caught.value.offset == len(good)


def test_utf8_with_stray_bytes_fails_at_the_first_one_instead_of_converting_into_mojibake() -> None:
    data = SEED_TEXT.encode()[:2000] + b"\xff\xfe" + SEED_TEXT.encode()[2000:]
    with pytest.raises(InputError) as caught:
        read_bytes(data)
    assert caught.value.offset == 2000 and "cannot decode as utf-8 at byte 2000" in str(caught.value)


def test_unknown_encoding_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown encoding"):
        read_bytes(b"Article(", encoding="no-such-codec")


def test_cli_names_the_offset_and_the_encodings_tried_in_one_line_without_traceback(tmp_path) -> None:
    source = tmp_path / "mixed.txt"
    data = SEED_TEXT.encode() + b"\n" + SEED_TEXT.encode("gbk")  # a GBK record appended to a UTF-8 dump
    source.write_bytes(data)
    first_bad = len(SEED_TEXT.encode()) + 1 + next(i for i, byte in enumerate(SEED_TEXT.encode("gbk")) if byte >= 0x80)
    result = subprocess.run(
        [sys.executable, "-m", "citeexport", "ris", "--from", "dump", str(source)],
        capture_output=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "300"},
    )
    assert result.returncode == 2
    errors = [line for line in result.stderr.decode().splitlines() if line.startswith("error")]
    assert len(errors) == 1 and f"offset {first_bad}: cannot decode as utf-8 at byte {first_bad}" in errors[0], result.stderr
    utf8_start = next(i for i, byte in enumerate(data) if byte >= 0x80)
    assert errors[0].endswith(f"encodings tried: utf-8 (valid on bytes {utf8_start}-{first_bad - 1})"), errors
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", sorted(writers()))
def test_output_is_nfc_whatever_the_input_form(fmt: str) -> None:
    decomposed = unicodedata.normalize("NFD", "Café Ångström résumé 가")
    dump = SEED_DUMP.replace("title=Special Column", f"title={decomposed} Special Column", 1)
    (record,) = read_text(dump)
    assert record.ok
    out = "".join(write([record.citation], fmt))  # type: ignore[list-item]
    assert unicodedata.is_normalized("NFC", out)
    composed = unicodedata.normalize("NFC", decomposed)
    assert "Caf" in out and decomposed not in out
    if fmt in ("ris", "enw", "refworks", "csl-json"):
        assert composed in out
    out.encode("utf-8")  # no lone surrogates

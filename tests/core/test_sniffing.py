"""What an input that is no citation file looks like: each kind recognised from its first bytes, and
no citation file of any format citeexport reads or writes mistaken for one of them."""

from __future__ import annotations

import pytest

from citeexport import api
from citeexport.errors import CiteexportError
from citeexport.inputs import open_input
from citeexport.options import WriteOptions
from citeexport.registry import writers
from citeexport.sniffing import binary_look, describe, first_line, is_binary, looks_like
from support.seed import ROOT, SEED


@pytest.mark.parametrize(
    ("start", "what"),
    [
        (b"%PDF-1.4\n%\xe2\xe3", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
        (b"\xff\xd8\xff\xdb", "a JPEG image"),
        (b"GIF89a\x01\x00", "a GIF image"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive (or a .docx, .xlsx, .epub)"),
        (b"\x1f\x8b\x08\x00", "gzip-compressed data"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "a Microsoft Office document (.doc, .xls)"),
        (b"{\\rtf1\\ansi", "an RTF document"),
        (b"SQLite format 3\x00", "an SQLite database (a reference manager's library?)"),
        (b"<!DOCTYPE html>\n<html>", "an HTML page"),
        (b"\xef\xbb\xbf\n  <html lang=zh>", "an HTML page"),
        (b"<!-- saved from url=(0042) -->\n<HTML>", "an HTML page"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE x>\n<html xmlns="http://www.w3.org/1999/xhtml">', "an XML document"),
        (b'<?xml version="1.0" encoding="UTF-8"?><xml><records><record>', "EndNote XML"),
        (b'<?xml version="1.0"?><rdf:RDF>', "an XML document"),
        (b'<?xml version="1.0"?>\n<!-- EndNote -->\n<!DOCTYPE xml>\n<xml>\n<records>', "EndNote XML"),
        (b"\r\nPMID- 31234567\r\nOWN - NLM\r\n", "a MEDLINE/PubMed (.nbib) file"),
    ],
)
def test_known_kinds_are_recognised(start: bytes, what: str) -> None:
    look = looks_like(start, start.decode("utf-8", errors="replace").lstrip("\ufeff"))
    assert look is not None and look.what == what


def _citation_files() -> list[tuple[str, bytes]]:
    [record] = api.read(str(SEED))
    assert record.citation is not None
    made = [("dump", SEED.read_bytes())]
    for name in sorted(writers()):
        text = "".join(api.write([record.citation], name, WriteOptions()))
        made.append((name, text.encode()))
    made += [
        ("bibtex with a comment", b"% exported by MagTech\n@article{a,\n  title = {<i>x</i>}\n}\n"),
        ("bibtex with a preamble", b'\xef\xbb\xbf@preamble{ "x" }\n'),
        ("csl-json object", b'{"id": "a", "type": "article-journal"}\n'),
        ("ris with a BOM and blank lines", b"\xef\xbb\xbf\r\n\r\nTY  - JOUR\r\nER  - \r\n"),
    ]
    return made


@pytest.mark.parametrize(("name", "content"), _citation_files(), ids=[name for name, _ in _citation_files()])
def test_no_citation_file_looks_like_another_kind(name: str, content: bytes) -> None:
    text = content.decode("utf-8").lstrip("\ufeff")
    look = looks_like(content, text)
    assert look is None or look.format == name  # a reference format's own look leaves the input to its reader
    assert binary_look(content) is None and not is_binary(content)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("DataType: 1\nTitle-题名: 一例病例分析\nAuthor-作者: 柯洪琴;陈璿英;\n", "CNKI's custom export (DataType, Title-题名 …)"),
        (
            "李捷, 袁夏. 基于2维激光雷达的小型地面移动机器人[J]. 机器人, 2017, 39(5): 688-696.\n",
            "formatted references (GB/T 7714 text)",
        ),
        ("[1] RAO C M. Special Column[J/OL]. Chinese Journal, 2025, 45(1): 1-3.\n", "formatted references (GB/T 7714 text)"),
    ],
)
def test_kinds_told_only_when_no_reader_claims_the_input(text: str, what: str) -> None:
    assert looks_like(text.encode(), text) is None  # never before the readers: a comment could hold such a line
    assert describe(text.encode(), text).what == what


def test_binary_and_text() -> None:
    assert is_binary(bytes(range(32)) * 10)
    assert is_binary(b"abc\x00def")
    assert not is_binary("\ufeffTY  - JOUR\r\n".encode("utf-16"))  # NUL bytes, but a BOM says text
    assert not is_binary("干细胞产品质量\t研究\r\n".encode("gb18030"))
    assert describe(b"\x00\x01\x02\x03", "\x00\x01\x02\x03").what == "binary data"
    unknown = describe(b"Reading list\n", "Reading list\n")
    assert unknown.what == "text in no format citeexport knows (it starts 'Reading list')" and unknown.format is None


def test_first_line_is_one_short_line() -> None:
    assert first_line("\n\n  hello world  \nsecond") == "hello world"
    assert first_line("x" * 100) == "x" * 39 + "…"
    assert first_line("a\x1b[31mred\x07") == "a[31mred"  # no terminal escape reaches the message


SAMPLES = ROOT / "tests" / "samples"
#: What each real exporter's file in tests/samples is taken for, by how its name ends.
BY_SUFFIX = {
    ".bib": "bibtex",
    ".ris": "ris",
    ".enw": "enw",
    ".refworks.txt": "refworks",
    ".net": "noteexpress",
    ".xml": "endnote-xml",
}
#: Real files detection still misses, each with why (strict: fixing one fails here, to drop it from the list).
MISSED: dict[str, str] = {}


def _samples() -> list[tuple[str, str]]:
    found = []
    for path in sorted(SAMPLES.rglob("*")):
        name = path.relative_to(SAMPLES).as_posix()
        expected = next((kind for suffix, kind in BY_SUFFIX.items() if name.endswith(suffix)), None)
        if name in MISSED or (expected is None and "zotero-refworks/" in name and name.endswith(".txt")):
            expected = "refworks"
        if expected is not None and path.is_file():
            found.append((name, expected))
    return found


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param(name, expected, marks=pytest.mark.xfail(strict=True, reason=MISSED[name]) if name in MISSED else ())
        for name, expected in _samples()
    ],
)
def test_real_exporters_files_are_taken_for_what_they_are(name: str, expected: str) -> None:
    try:
        opened = open_input(str(SAMPLES / name))
    except CiteexportError as error:
        said = error.message
    else:
        said = opened.reader.name
    assert said == expected or said.startswith(f"{expected}, "), said

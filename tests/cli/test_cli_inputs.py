"""Inputs that are no citation file, forced formats that find nothing, empty inputs and encodings:
what the command says, through pipes and on a terminal, and its exit code."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest

from citeexport.registry import readers, writers
from support.seed import SEED
from support.terminal import run_on_terminal, run_piped

SEED_TEXT = SEED.read_text(encoding="utf-8")
READABLE = ", ".join(sorted(readers()))
EXPORT = "export the references from where you found it (BibTeX, RIS, EndNote, RefWorks) and give that file"


def _zip() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("refs.ris", "TY  - JOUR\r\nER  - \r\n")
    return data.getvalue()


#: (file name, content, the error after "error: NAME: ")
NOT_CITATIONS = [
    (
        "paper.pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n",
        f"a PDF document, not a citation file; {EXPORT}",
    ),
    ("figure.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", f"a PNG image, not a citation file; {EXPORT}"),
    ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", f"a JPEG image, not a citation file; {EXPORT}"),
    ("refs.zip", _zip(), "a ZIP archive (or a .docx, .xlsx, .epub), not a citation file; unpack it and give the files inside"),
    (
        "refs.ris.gz",
        gzip.compress(b"TY  - JOUR\r\nER  - \r\n"),
        "gzip-compressed data, not a citation file; decompress it first, e.g. zcat FILE | citeexport … -",
    ),
    (
        "export.ris",
        b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body></body></html>\n",
        "an HTML page, not a citation file; save the platform's citation export (BibTeX, RIS, EndNote …), not the web page",
    ),
    (
        "pubmed.nbib",
        b"\nPMID- 31234567\nOWN - NLM\nTI  - A title.\n",
        "a MEDLINE/PubMed (.nbib) file, a reference format citeexport does not read; "
        "export RIS from PubMed instead (Send to: Citation manager)",
    ),
    ("data.bin", bytes(range(256)) * 4, f"binary data, not a citation file; {EXPORT}"),
    (
        "cite.txt",
        "李捷, 袁夏. 基于2维激光雷达的小型地面移动机器人自主回收方法[J]. 机器人, 2017, 39(5): 688-696.\n".encode(),
        "formatted references (GB/T 7714 text), which citeexport writes but does not read; "
        "give the records themselves (BibTeX, RIS, EndNote, RefWorks) from where the references were copied",
    ),
    (
        "notes.txt",
        b"Reading list for Monday\nsee the shared folder\n",
        f"text in no format citeexport knows (it starts 'Reading list for Monday'); "
        f"if it is one of {READABLE}, name it with --from FORMAT",
    ),
]


def test_inputs_that_are_no_citation_files_say_what_they_look_like(tmp_path: Path) -> None:
    """All of them in one run: one error line each, in input order, nothing on stdout, exit 2."""
    for name, content, _ in NOT_CITATIONS:
        (tmp_path / name).write_bytes(content)
    names = [name for name, _, _ in NOT_CITATIONS]
    expected = [f"error: {name}: {message}" for name, _, message in NOT_CITATIONS]
    piped = run_piped("bibtex", *names, cwd=tmp_path)
    assert piped.returncode == 2 and piped.stdout == b""
    assert piped.messages.splitlines() == expected
    shown = run_on_terminal("bibtex", *names, stdout="pipe", cwd=tmp_path)
    assert shown.returncode == 2 and shown.lines == expected


@pytest.mark.parametrize(("name", "content", "message"), NOT_CITATIONS, ids=[case[0] for case in NOT_CITATIONS])
def test_stdin_that_is_no_citation_file_says_what_it_looks_like(name: str, content: bytes, message: str) -> None:
    from_stdin = run_piped("bibtex", "-", stdin=content)
    assert (from_stdin.returncode, from_stdin.stdout) == (2, b"")
    assert from_stdin.messages == f"error: <stdin>: {message}\n"


def test_a_forced_format_on_binary_data_is_refused_before_decoding(tmp_path: Path) -> None:
    (tmp_path / "paper.pdf").write_bytes(NOT_CITATIONS[0][1])
    done = run_piped("ris", "--from", "ris", "paper.pdf", cwd=tmp_path)
    assert done.returncode == 2
    assert done.messages == f"error: paper.pdf: a PDF document, so no ris record can be in it; {EXPORT}\n"


@pytest.mark.parametrize("fmt", sorted(set(readers()) - {"csl-json"}))
def test_a_forced_format_that_finds_no_record_in_text_is_an_error(tmp_path: Path, fmt: str) -> None:
    """(CSL-JSON reads the input as one JSON text: what is not JSON is a record that fails, below.)"""
    (tmp_path / "notes.txt").write_text("Reading list for Monday\nsee the shared folder\n", encoding="utf-8")
    for done in (run_piped("ris", "--from", fmt, "notes.txt", cwd=tmp_path), _on_terminal(tmp_path, "--from", fmt, "notes.txt")):
        assert done.returncode == 2, done
        assert f"notes.txt: no {fmt} record found in it: it looks like text in no format citeexport knows" in _said(done)


def test_csl_json_forced_on_text_fails_at_its_first_character(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("Reading list for Monday\n", encoding="utf-8")
    done = run_piped("ris", "--from", "csl-json", "notes.txt", cwd=tmp_path)
    assert done.returncode == 1
    assert done.messages == "error: notes.txt: record 1 (line 1, offset 0): invalid JSON: Expecting value\n"


def test_a_suffix_that_lies_is_not_believed(tmp_path: Path) -> None:
    """A web page saved as .ris (a failed export) says so, rather than "0 records"."""
    (tmp_path / "refs.ris").write_text("Sorry, the export service is down.\n", encoding="utf-8")
    done = run_piped("bibtex", "refs.ris", cwd=tmp_path)
    assert done.returncode == 2
    assert done.messages.startswith("error: refs.ris: no ris record found in it: it looks like text in no format")


#: Empty inputs: nothing, white space only, a BOM only, in every encoding a BOM names.
EMPTY = [b"", b"\n\n", b"  \r\n\t\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n", "\ufeff\n".encode("utf-16")]
EXTENSIONS = sorted({extension for cls in readers().values() for extension in cls.extensions} | {"dat"})


def _empty_files(folder: Path, extensions: list[str]) -> list[str]:
    names = []
    for extension in extensions:
        for number, content in enumerate(EMPTY):
            names.append(f"empty{number}.{extension}")
            (folder / names[-1]).write_bytes(content)
    return names


def test_an_empty_input_is_no_records_and_exit_0_whatever_its_name(tmp_path: Path) -> None:
    names = _empty_files(tmp_path, EXTENSIONS)
    done = run_piped("ris", *names, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, b"")
    assert done.messages.splitlines() == [f"warning: {name}: no records: the input is empty" for name in names]


@pytest.mark.parametrize("fmt", sorted(readers()))
def test_an_empty_input_is_no_records_whatever_the_format_forced(tmp_path: Path, fmt: str) -> None:
    names = _empty_files(tmp_path, ["dat"])
    done = run_piped("ris", "--from", fmt, *names, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, b"")
    assert done.messages.splitlines() == [f"warning: {name}: no records: the input is empty" for name in names]
    from_stdin = run_piped("ris", "--from", fmt, "-", stdin=b"\xef\xbb\xbf\r\n")
    assert (from_stdin.returncode, from_stdin.messages) == (0, "warning: <stdin>: no records: the input is empty\n")


@pytest.mark.parametrize("fmt", sorted(writers()))
def test_an_empty_input_writes_the_formats_empty_output(fmt: str) -> None:
    done = run_piped(fmt, "-q", "-", stdin=b"\n")
    assert done.returncode == 0 and done.stderr == b""
    empty = {
        "csl-json": b"[]\n",
        "html": b'<ol class="references" style="list-style-type:none">\n</ol>\n',
        "endnote-xml": b'<?xml version="1.0" encoding="UTF-8"?>\n<xml><records>\n</records></xml>\n',
    }
    assert done.stdout == empty.get(fmt, b""), done.stdout  # an empty array, an empty list, an empty XML document


def test_an_empty_input_on_a_terminal_is_one_warning(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    shown = run_on_terminal("bibtex", "empty.txt", stdout="pipe", cwd=tmp_path)
    assert shown.returncode == 0 and shown.lines == ["warning: empty.txt: no records: the input is empty"]


def test_a_wrong_encoding_given_does_not_suggest_giving_one(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(SEED_TEXT, encoding="utf-8")
    for args in (("--encoding", "ascii"), ("--encoding", "ascii", "--jobs", "2")):
        done = run_piped("ris", *args, "article.txt", cwd=tmp_path)
        assert done.returncode == 2
        assert "cannot decode as ascii at byte " in done.messages
        assert done.messages.rstrip().endswith("(as --encoding says; leave it out to detect the encoding)")
    (tmp_path / "stray.txt").write_bytes(SEED_TEXT.encode()[:2000] + b"\xff\xfe" + SEED_TEXT.encode()[2000:])
    detected = run_piped("ris", "stray.txt", cwd=tmp_path)
    assert detected.returncode == 2
    assert "cannot decode as utf-8 at byte 2000 (use --encoding); encodings tried: " in detected.messages


def _on_terminal(folder: Path, *args: str):
    return run_on_terminal("ris", *args, stdout="pipe", cwd=folder)


def _said(done: object) -> str:
    return getattr(done, "screen", None) or done.messages  # type: ignore[attr-defined]

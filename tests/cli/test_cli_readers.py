"""The issue's commands end to end (``python -m citeexport``), multi-record inputs, detection, --from, --strict; tagged-reader details."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from citeexport.formats.tagged.enw import EnwReader
from citeexport.formats.tagged.refworks import RefworksReader
from citeexport.formats.tagged.ris import RisReader
from citeexport.inputs import split_lines
from citeexport.model import Citation, Date
from citeexport.options import WriteOptions
from citeexport.registry import get_reader, get_writer
from support.goldens import reader_samples
from support.seed import seed_citation
from support.tagged_readers import rich_citation

SAMPLES = reader_samples()


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "citeexport", *args], input=stdin, capture_output=True, cwd=cwd, timeout=120)


def write(fmt: str, *citations: Citation) -> str:
    writer = get_writer(fmt)(WriteOptions())
    return writer.start() + "".join(writer.write(c) for c in citations) + writer.finish()


@pytest.fixture
def refs(tmp_path: Path) -> Path:
    """Two articles in both languages = four records per file, in each format."""
    for fmt, suffix in (("bibtex", "bib"), ("ris", "ris"), ("enw", "enw"), ("refworks", "txt")):
        (tmp_path / f"refs.{suffix}").write_bytes(write(fmt, seed_citation(), rich_citation()).encode())
    return tmp_path


def test_ris_from_bib(refs: Path) -> None:
    done = run("ris", "refs.bib", cwd=refs)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode() == write(
        "ris", *(r.citation for r in get_reader("bibtex")().read(split_lines((refs / "refs.bib").read_text())))
    )
    assert done.stdout.decode().count("TY  - JOUR") == 4


def test_bibtex_from_ris(refs: Path) -> None:
    done = run("bibtex", "refs.ris", cwd=refs)
    assert done.returncode == 0, done.stderr.decode()
    out = done.stdout.decode()
    assert (
        out.count("@article{") == 4 and "author = {饶春明 and 庞琳}" in out and "author = {RAO, Chun-ming and PANG, Lin}" in out
    )
    assert "pages = {e2024017}" in out  # classic BibTeX: the article number in the page slot
    assert "eid = {e2024017}" in run("biblatex", "refs.ris", cwd=refs).stdout.decode()


def test_text_from_enw(refs: Path) -> None:
    done = run("text", "refs.enw", cwd=refs)
    assert done.returncode == 0, done.stderr.decode()
    lines = [line for line in done.stdout.decode().splitlines() if line.strip()]
    assert len(lines) == 4
    assert any(line.startswith("饶春明, 庞琳. 干细胞产品质量研究与检测专栏[J]. 药物分析杂志, 2025, 45(1): 1-3") for line in lines)


def test_refworks_from_ris_on_stdin(refs: Path) -> None:
    done = run("refworks", "-", stdin=(refs / "refs.ris").read_bytes())
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode() == (refs / "refs.txt").read_text()  # RIS -> model -> RefWorks = the RefWorks writer's own output


def test_mixed_inputs_in_one_run(refs: Path) -> None:
    done = run("csl-json", "refs.bib", "refs.ris", "refs.enw", "refs.txt", cwd=refs)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().count('"type": "article-journal"') == 16


def test_from_overrides_detection(refs: Path) -> None:
    (refs / "refs.dat").write_bytes((refs / "refs.ris").read_bytes())
    done = run("enw", "--from", "ris", "refs.dat", cwd=refs)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().count("%0 Journal Article") == 4


def test_stdin_detected_by_content() -> None:
    for case, fmt_line in (("cnki.enw", "TY  - JOUR"), ("lowercase-refworks.txt", "TY  - JOUR"), ("scholar.bib", "TY  - JOUR")):
        done = run("ris", "-", stdin=SAMPLES[case].read_bytes())
        assert fmt_line in done.stdout.decode(), (case, done.stderr.decode())


def test_warnings_go_to_stderr_and_strict_makes_them_errors() -> None:
    lenient = run("ris", str(SAMPLES["magtech.enw"]))
    assert lenient.returncode == 0 and lenient.stdout.decode().count("TY  - JOUR") == 2
    assert "warning" in lenient.stderr.decode() and "tag %A glued" in lenient.stderr.decode()
    strict = run("ris", "--strict", str(SAMPLES["magtech.enw"]))
    assert strict.returncode == 1 and strict.stdout.decode().count("TY  - JOUR") == 0
    assert "(--strict)" in strict.stderr.decode()


# -- tagged readers: details ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reader", "head", "expected"),
    [
        (RisReader, "TY  - JOUR\r\n", True),
        (RisReader, "\n\nTY  - JOUR\n", True),
        (RisReader, "%0 Journal Article\n", False),
        (EnwReader, "%0 Journal Article\n", True),
        (EnwReader, "TY  - JOUR\n", False),
        (RefworksReader, "RT Journal Article\n", True),
        (RefworksReader, "rt Journal Article\n", True),
        (RefworksReader, "TY  - JOUR\n", False),
    ],
)
def test_sniff(reader: type, head: str, expected: bool) -> None:
    assert reader.sniff(head) is expected


def test_a_lower_case_word_at_a_line_start_is_text_not_a_tag() -> None:
    text = "RT Journal Article\nT1 Title\nAB First line of the abstract\nin this study we found\nla en\n\n"
    (record,) = RefworksReader().read(split_lines(text))
    assert record.citation is not None
    assert record.citation.texts["en"].abstract == "First line of the abstract in this study we found"
    assert record.warnings == ["lower-case tag 'la' on line 5: read as LA"]


def test_a_percent_after_a_digit_is_not_a_glued_tag() -> None:
    text = "%0 Journal Article\n%T T\n%X Up 95%A rise in %T values\n\n"
    (record,) = EnwReader().read(split_lines(text))
    assert record.citation is not None and record.citation.texts["en"].abstract == "Up 95%A rise in %T values"
    assert record.warnings == []


def test_a_year_that_is_no_year_keeps_its_record() -> None:
    """Issue 12: ``PY  - In press`` and the like are the date's literal, never a rejected record."""
    text = "TY  - JOUR\nTI  - A\nPY  - In press\nER  - \nTY  - JOUR\nTI  - B\nPY  - 2020\nER  - \n"
    first, second = RisReader().read(split_lines(text), "x.ris")
    assert first.error is None and first.citation is not None and first.citation.issued == Date(literal="In press")
    assert second.citation is not None and second.citation.year == 2020


def test_empty_input_has_no_records() -> None:
    for reader in (RisReader, EnwReader, RefworksReader, get_reader("bibtex")):
        assert list(reader().read(split_lines(""))) == []
        assert list(reader().read(split_lines("\ufeff\r\n\r\n"))) == []

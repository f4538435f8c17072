"""The ordinary benchmark corpus (benchmarks/ordinary_corpus.py) and the peer harness (benchmarks/peers.py).

The corpus is written by its own serialisers, so these tests check that the five files hold the
same records (citeexport reads each back to the same titles, DOIs and years), that an
independent reader finds as many records as were written, and that the seed-sized dump
records are distinct articles.  The harness runs once in a smoke mode on a few records.
No timing is asserted: speed lives in the benchmark's tables.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.seed import ROOT

BENCHMARKS = ROOT / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
import ordinary_corpus  # noqa: E402  (benchmarks/ is not a package)

COUNT = 40
FORMATS = tuple(ordinary_corpus.FILE_NAMES)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return ordinary_corpus.write_corpus(COUNT, tmp_path_factory.mktemp("ordinary"), seed=3)


def _citeexport(*args: str) -> subprocess.CompletedProcess[str]:
    cli = Path(sys.executable).parent / "citeexport"
    return subprocess.run([str(cli), *args], capture_output=True, text=True, encoding="utf-8", timeout=300)


def _read_back(path: Path, fmt: str) -> list[dict]:
    done = _citeexport("csl-json", "--from", fmt, str(path), "-q")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_generator_is_deterministic_and_mixed(tmp_path: Path, corpus: dict[str, Path]) -> None:
    again = ordinary_corpus.write_corpus(COUNT, tmp_path, seed=3)
    for fmt in FORMATS:
        assert again[fmt].read_bytes() == corpus[fmt].read_bytes(), fmt
    records = list(ordinary_corpus.random_records(2000, seed=3))
    assert {r.lang for r in records[:2]} == {"zh", "en"}
    assert {r.type for r in records} == {"article", "book", "chapter", "thesis"}
    assert {len(r.authors) for r in records} == set(range(1, 7))
    assert any(p.literal for r in records for p in r.authors)
    assert 0.3 < sum(r.abstract is not None for r in records) / len(records) < 0.5


def test_five_formats_hold_the_same_records(corpus: dict[str, Path]) -> None:
    """Every file reads back with citeexport to COUNT records with the same titles, DOIs, years and first authors."""

    def projection(item: dict) -> tuple:
        first = (item.get("author") or [{}])[0]
        return item.get("title"), item.get("DOI"), item["issued"]["date-parts"][0][0], first.get("family") or first.get("literal")

    reference = [projection(item) for item in _read_back(corpus["csl-json"], "csl-json")]
    assert len(reference) == COUNT
    for fmt in FORMATS:
        assert [projection(item) for item in _read_back(corpus[fmt], fmt)] == reference, fmt


def test_a_peer_reads_as_many_records(corpus: dict[str, Path]) -> None:
    """pandoc (RIS, BibTeX, CSL-JSON) and bibutils (.enw) find every record written."""
    pypandoc = pytest.importorskip("pypandoc", reason="pandoc comes with the test extras (pypandoc-binary)")
    pandoc = pypandoc.get_pandoc_path()
    for fmt, reader in (("ris", "ris"), ("bibtex", "bibtex"), ("csl-json", "csljson")):
        done = subprocess.run([pandoc, "-f", reader, "-t", "csljson", str(corpus[fmt])], capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert len(json.loads(done.stdout)) == COUNT, fmt
    if not shutil.which("end2xml"):
        pytest.skip("bibutils not installed (apt-get install bibutils)")
    mods = subprocess.run(["end2xml", "-i", "utf8", str(corpus["enw"])], capture_output=True, timeout=120).stdout
    assert mods.count(b"<mods ") == COUNT


def test_seed_sized_dump_records_are_distinct_articles(tmp_path: Path) -> None:
    path = tmp_path / "seedlike.txt"
    ordinary_corpus.write_dump(3, path, seed=3)
    seed_size = ordinary_corpus.SEED_RECORD.stat().st_size
    assert 2.7 * seed_size < path.stat().st_size < 3.3 * seed_size
    items = json.loads(_citeexport("csl-json", str(path), "-q").stdout)
    assert len(items) == 6  # three articles, each in Chinese and English
    assert len({item["title"] for item in items}) == 6
    assert len({item["id"] for item in items}) == 6
    assert ordinary_corpus.SEED_TITLES["en"] not in {item["title"] for item in items}


def test_harness_smoke(tmp_path: Path) -> None:
    """peers.py end to end on a few records: every citeexport case runs and counts all its records."""
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "peers.py"), "--only", "ordinary,dump", "--ordinary-size", "10",
         "--sources", "ris", "--large-size", "0", "--dump-sizes", "2", "--jobs", "1", "--repeat", "1",
         "--corpus-dir", str(tmp_path / "corpus"), "--out-dir", str(tmp_path / "out")],
        capture_output=True, text=True, encoding="utf-8", timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    cases = json.loads((tmp_path / "out" / "peers.json").read_text(encoding="utf-8"))["cases"]
    ours = [case for case in cases if case["tool"] == "citeexport"]
    assert {(c["source"], c["target"]) for c in ours if c["source"] == "ris"} == {
        ("ris", target) for target in ("bibtex", "enw", "refworks", "csl-json", "text")
    }
    for case in ours:
        assert case["skipped"] is None, case
        if case["source"] == "ris":
            assert case["output_records"] == 10, case
        elif case["corpus"] == "seed-sized":
            assert case["output_records"] == 4, case  # two articles in two languages
    assert "| ris → bibtex |" in done.stdout
    assert "regex pass" in done.stdout

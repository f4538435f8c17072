"""Fixtures of the fault tests: one dump big enough to be interrupted mid-run, and what an
uninterrupted run makes of it (the reference every faulted run is compared with)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.faults import DUMP_RECORDS, final_files, run, write_dump

#: The formats of the --out-dir runs.
FORMATS = "ris,csl-json"


@pytest.fixture(scope="session")
def dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_dump(tmp_path_factory.mktemp("faults") / "d300.txt", DUMP_RECORDS)


@pytest.fixture(scope="session")
def reference(dump: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """``convert --to ris,csl-json --out-dir`` of the dump, uninterrupted: {file name: bytes}.  (CSL-JSON:
    its closing bracket comes last, so a cut file is never valid JSON.)"""
    out = tmp_path_factory.mktemp("reference")
    result = run("convert", "--to", FORMATS, "-q", "--out-dir", str(out), str(dump))
    assert result.returncode == 0, result.stderr.decode()
    files = final_files(out)
    assert sorted(files) == ["d300.json", "d300.ris"] and files["d300.ris"].count(b"TY  - JOUR") == 2 * DUMP_RECORDS
    return files

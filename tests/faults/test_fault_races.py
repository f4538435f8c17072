"""Races on output names: two runs writing one name into one folder (one wins, the other says so,
nothing is lost silently), a file created under an output's name while the run writes (kept)."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from support.faults import SEED_TEXT, TIMEOUT, error_lines, final_files, start, temp_files

SEED = 15


@pytest.mark.parametrize("repeat", range(3))
def test_two_runs_into_one_folder_one_wins_the_other_says_exists(
    tmp_path: Path, dump: Path, reference: dict[str, bytes], repeat: int
) -> None:
    rng = random.Random(f"{SEED}-{repeat}")
    out = tmp_path / "out"
    first = start("ris", "-q", "--out-dir", str(out), str(dump))
    time.sleep(rng.uniform(0.0, 0.3))
    second = start("ris", "-q", "--out-dir", str(out), str(dump))
    results = [(process.communicate(timeout=TIMEOUT)[1], process.returncode) for process in (first, second)]
    assert sorted(code for _, code in results) == [0, 2], results
    (loser,) = [stderr for stderr, code in results if code == 2]
    (line,) = error_lines(loser)
    assert line.startswith(f"error: {out / 'd300.ris'}: exists"), line
    assert final_files(out) == {"d300.ris": reference["d300.ris"]} and temp_files(out) == []


def test_two_forced_runs_into_one_folder_leave_one_complete_file(tmp_path: Path, dump: Path, reference: dict[str, bytes]) -> None:
    out = tmp_path / "out"
    runs = [start("ris", "-q", "--force", "--out-dir", str(out), str(dump)) for _ in range(2)]
    assert [process.communicate(timeout=TIMEOUT)[1] for process in runs] == [b"", b""]
    assert [process.returncode for process in runs] == [0, 0]
    assert final_files(out) == {"d300.ris": reference["d300.ris"]} and temp_files(out) == []


@pytest.mark.parametrize("mode", ["out-dir", "-o"])
def test_a_file_created_during_the_run_is_not_overwritten(tmp_path: Path, mode: str) -> None:
    """The run reads stdin, so it is mid-run while the test creates the output's name itself."""
    out = tmp_path / "out"
    out.mkdir()
    target = out / ("stdin.ris" if mode == "out-dir" else "x.ris")
    where = ["--out-dir", str(out)] if mode == "out-dir" else ["-o", str(target)]
    process = start("ris", "-q", "--from", "dump", *where, "-", stdin=-1)
    assert process.stdin is not None
    process.stdin.write(
        (SEED_TEXT.rstrip("\n") + "\n").encode() * 20
    )  # past detection and the reader's look-ahead: records are written
    process.stdin.flush()
    deadline = time.monotonic() + TIMEOUT
    while not temp_files(out):
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    target.write_bytes(b"someone else's\n")
    process.stdin.close()
    assert process.stderr is not None
    stderr = process.stderr.read()
    process.wait(timeout=TIMEOUT)
    assert process.returncode == 2
    assert stderr.decode() == f"error: {target}: exists (created while this run was writing); not overwritten: use --force\n"
    assert target.read_bytes() == b"someone else's\n" and temp_files(out) == []

"""Signals at random (seeded) points of real runs: Ctrl-C (SIGINT to the process group), SIGTERM
and SIGHUP to the process, SIGKILL; ``--out-dir`` and ``-o``; ``--jobs 1`` and ``2``.

Each run must end in one of two ways: interrupted (exit 128 + signal, "interrupted" on stderr, no
file under a final name, no temp file) or, when the signal came after the commit point, finished
(exit 0, every file complete).  Never a partial file under its name, never a worker left behind
(``communicate`` returns only when every holder of the stderr pipe, workers included, is gone).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from support.faults import DUMP_RECORDS, SEED_TEXT, TIMEOUT, assert_intact, children, error_lines, final_files, start, temp_files

SEED = 14  # the random points are the same on every run of the suite
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
CASES = [(mode, jobs) for jobs in ("1", "2") for mode in ("out-dir", "-o")]
#: Seconds after the first temp file within which the signal comes: about how long the runs still
#: convert then, on an idle machine (a slower one finishes later, which only moves the point earlier).
WINDOW = {"out-dir": 0.3, "-o": 0.4, "split": 0.8}


def _args(mode: str, jobs: str, dump: Path, out: Path) -> list[str]:
    if mode == "out-dir":
        return ["convert", "--to", "ris,csl-json", "--jobs", jobs, "--out-dir", str(out), str(dump)]
    if mode == "split":
        return ["convert", "--to", "ris,csl-json", "--split", "record", "--jobs", jobs, "--out-dir", str(out), str(dump)]
    return ["ris", "--jobs", jobs, "-o", str(out / "d300.ris"), str(dump)]


def _started_writing(process: subprocess.Popen[bytes], folder: Path) -> None:
    """Wait until the run has a temp file open (it is converting)."""
    deadline = time.monotonic() + TIMEOUT
    while not temp_files(folder):
        assert process.poll() is None, "the run ended before it opened an output"
        assert time.monotonic() < deadline, "the run never opened an output"
        time.sleep(0.005)


def _expected(mode: str, reference: dict[str, bytes]) -> dict[str, bytes]:
    return dict(reference) if mode == "out-dir" else {"d300.ris": reference["d300.ris"]}


@pytest.mark.parametrize("repeat", range(2))
@pytest.mark.parametrize(("mode", "jobs"), CASES)
def test_signal_at_a_random_point_leaves_complete_files_or_none(
    tmp_path: Path, dump: Path, reference: dict[str, bytes], mode: str, jobs: str, repeat: int
) -> None:
    rng = random.Random(f"{SEED}-{mode}-{jobs}-{repeat}")
    signum = SIGNALS[(CASES.index((mode, jobs)) + repeat) % len(SIGNALS)]
    delay = rng.uniform(0.0, WINDOW[mode])
    out = tmp_path / "out"
    out.mkdir()
    process = start(*_args(mode, jobs, dump, out), start_new_session=True)
    _started_writing(process, out)
    time.sleep(delay)
    if signum == signal.SIGINT:
        os.killpg(process.pid, signum)  # what Ctrl-C does: the whole group, workers included
    else:
        process.send_signal(signum)  # what kill does: the main process only
    _, stderr = process.communicate(timeout=TIMEOUT)
    if process.returncode == 0:  # the signal came after the commit point: the files are complete
        assert_intact(out, _expected(mode, reference), complete=True)
        return
    assert process.returncode == 128 + signum, (signum, delay, stderr.decode())
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    assert_intact(out, _expected(mode, reference), complete=False)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_signal_during_a_split_record_run_commits_no_record_file(tmp_path: Path, dump: Path, jobs: str) -> None:
    """--split record: 600 files (300 records, 2 formats), all or none."""
    rng = random.Random(f"{SEED}-split-{jobs}")
    out = tmp_path / "out"
    out.mkdir()
    process = start(*_args("split", jobs, dump, out))
    _started_writing(process, out)
    time.sleep(rng.uniform(0.0, WINDOW["split"]))
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=TIMEOUT)
    found = final_files(out)
    assert temp_files(out) == []
    if process.returncode == 0:
        assert len(found) == 2 * DUMP_RECORDS
        assert all(data.count(b"TY  - JOUR") == 2 for name, data in found.items() if name.endswith(".ris"))
        assert all(len(json.loads(data)) == 2 for name, data in found.items() if name.endswith(".json"))
    else:
        assert process.returncode == 128 + signal.SIGTERM, stderr.decode()
        assert found == {}


@pytest.mark.parametrize("mode", ["out-dir", "-o"])
def test_sigkill_leaves_no_partial_file_and_no_worker(tmp_path: Path, dump: Path, reference: dict[str, bytes], mode: str) -> None:
    """SIGKILL cannot be handled: hidden temp files may stay, and a kill in the middle of the
    commits leaves some outputs committed and not others, but a file under a final name is
    complete; the workers die with the main process (else ``communicate`` would wait for their stderr)."""
    rng = random.Random(f"{SEED}-kill-{mode}")
    out = tmp_path / "out"
    out.mkdir()
    process = start(*_args(mode, "2", dump, out))
    _started_writing(process, out)
    time.sleep(rng.uniform(0.0, 0.5))
    process.kill()
    process.communicate(timeout=TIMEOUT)
    expected = _expected(mode, reference)
    found = final_files(out)
    assert all(found[name] == expected[name] for name in found)
    if process.returncode == 0:  # it had finished before the kill
        assert sorted(found) == sorted(expected) and temp_files(out) == []
    else:
        assert process.returncode == -signal.SIGKILL


def test_a_worker_killed_from_outside_fails_the_run_in_one_line(tmp_path: Path, dump: Path, reference: dict[str, bytes]) -> None:
    """A worker SIGKILLed (what the out-of-memory killer does): exit 2, one line, nothing written;
    or, when it had no work left, the run completes."""
    out = tmp_path / "out"
    out.mkdir()
    process = start(*_args("out-dir", "2", dump, out))
    deadline = time.monotonic() + TIMEOUT
    while not (workers := children(process.pid)):
        assert process.poll() is None and time.monotonic() < deadline, "no worker started"
        time.sleep(0.005)
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=TIMEOUT)
    if process.returncode == 0:
        assert_intact(out, reference, complete=True)
        return
    assert process.returncode == 2, stderr.decode()
    (line,) = error_lines(stderr)
    assert line == f"error: worker process {workers[0]} was killed (SIGKILL) before sending its result"
    assert_intact(out, reference, complete=False)


def test_on_error_stop_writes_no_output_of_any_input(tmp_path: Path) -> None:
    """--on-error stop: the first input converts, the second has a bad record: nothing is committed."""
    good, bad = tmp_path / "a.txt", tmp_path / "b.txt"
    good.write_text(SEED_TEXT, encoding="utf-8")
    broken = SEED_TEXT.replace("columnId=1241314566538326794", "columnId=abc", 1)
    bad.write_text(SEED_TEXT + "\n" + broken, encoding="utf-8")
    out = tmp_path / "out"
    process = start("convert", "--to", "bibtex,ris", "--on-error", "stop", "--out-dir", str(out), str(good), str(bad))
    _, stderr = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 1, stderr.decode()
    assert b"columnId" in stderr
    assert final_files(out) == {} and temp_files(out) == []

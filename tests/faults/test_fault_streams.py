"""Standard streams that are closed or go away: a reader of stdout that leaves (``| head -c``) ends
the run quietly with 141, as ``cat`` would; stdout or stdin closed (``>&-``, ``<&-``) is exit 2 in
one line; a stderr that goes away costs only the messages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from support.faults import SEED_TEXT, TIMEOUT, command, env, final_files, start, temp_files


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_reader_of_stdout_leaving_ends_the_run_quietly(dump: Path, jobs: str) -> None:
    process = start("ris", "--jobs", jobs, str(dump), stdout=subprocess.PIPE)
    assert process.stdout is not None
    assert len(process.stdout.read(100)) == 100
    process.stdout.close()  # what `| head -c 100` does
    assert process.stderr is not None
    stderr = process.stderr.read()  # EOF: the run and its workers are gone
    assert process.wait(timeout=TIMEOUT) == 141
    assert stderr == b""


@pytest.mark.skipif(shutil.which("bash") is None, reason="PIPESTATUS needs bash")
def test_broken_pipe_in_a_shell_pipeline(dump: Path) -> None:
    script = '"$@" | head -c 100 > /dev/null; echo "${PIPESTATUS[0]}"'
    result = subprocess.run(
        ["bash", "-c", script, "_", *command(), "ris", str(dump)], capture_output=True, timeout=TIMEOUT, env=env()
    )
    assert (result.stdout, result.stderr) == (b"141\n", b"")


def _sh(redirect: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """``citeexport ARGS`` run by sh with ``redirect`` (``>&-``, ``<&-``)."""
    return subprocess.run(
        ["sh", "-c", f'exec "$@" {redirect}', "_", *command(), *args],
        input=stdin,
        capture_output=True,
        timeout=TIMEOUT,
        env=env(),
    )


def test_stdout_closed_is_exit_2_in_one_line(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(SEED_TEXT, encoding="utf-8")
    result = _sh(">&-", "ris", "-q", str(source))
    assert (result.returncode, result.stderr) == (2, b"error: <stdout>: cannot write: standard output is closed\n")


def test_stdout_closed_does_not_matter_with_out_dir(tmp_path: Path) -> None:
    """And no file the run opens takes the closed descriptor's number (it would receive "stdout")."""
    source = tmp_path / "a.txt"
    source.write_text(SEED_TEXT, encoding="utf-8")
    result = _sh(">&- 2>&-", "convert", "--to", "ris,bibtex", "--out-dir", str(tmp_path / "out"), str(source))
    assert result.returncode == 0
    assert sorted(final_files(tmp_path / "out")) == ["a.bib", "a.ris"]


def test_stdin_closed_is_exit_2_in_one_line(tmp_path: Path) -> None:
    result = _sh("<&-", "ris", "-q", "-o", str(tmp_path / "x.ris"), "-")
    assert (result.returncode, result.stderr) == (2, b"error: <stdin>: cannot read: standard input is closed\n")
    assert list(tmp_path.iterdir()) == []


def test_stdin_a_folder_writes_nothing(tmp_path: Path) -> None:
    """The interpreter itself refuses to start with a folder as stdin (before any of our code runs):
    a non-zero exit, and no output file."""
    result = _sh(f"< {tmp_path}", "ris", "-q", "-o", str(tmp_path / "x.ris"), "-")
    assert result.returncode != 0
    assert list(tmp_path.iterdir()) == []


def test_stderr_going_away_costs_only_the_messages(tmp_path: Path) -> None:
    """A bad record's error line has nowhere to go: the run still writes the good records, exit 1."""
    broken = SEED_TEXT.replace("columnId=1241314566538326794", "columnId=abc", 1)
    source = tmp_path / "a.txt"
    source.write_text(SEED_TEXT.rstrip("\n") + "\n" + broken.rstrip("\n") + "\n" + SEED_TEXT, encoding="utf-8")
    target = tmp_path / "out" / "x.ris"
    process = start("ris", "-o", str(target), str(source))
    assert process.stderr is not None
    process.stderr.close()  # gone before the run has said anything
    assert process.wait(timeout=TIMEOUT) == 1
    assert target.read_bytes().count(b"TY  - JOUR") == 4 and temp_files(target.parent) == []

"""Full and read-only file systems: exit 2 with one line naming the file, nothing partial left,
an existing file untouched.  A tmpfs of a few hundred KB when running as root (skipped otherwise),
``/dev/full`` everywhere."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from support.faults import error_lines, final_files, is_root, run, temp_files, tmpfs


def _one_error(result, *expected: str) -> str:  # type: ignore[no-untyped-def]
    """The run failed with exit 2 and exactly one line (``-q``) holding every ``expected`` piece."""
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert stderr.count("\n") == 1 and len(error_lines(result.stderr)) == 1, stderr
    assert "internal error" not in stderr and "Traceback" not in stderr
    for piece in expected:
        assert piece in stderr, stderr
    return stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_full_disk_with_out_dir_commits_no_format(tmp_path: Path, dump: Path, jobs: str) -> None:
    """Two formats, the disk fills while writing: neither file is committed (the issue: the other was kept, cut)."""
    with tmpfs(tmp_path / "disk", 256) as disk:
        result = run("convert", "--to", "ris,csl-json", "-q", "--jobs", jobs, "--out-dir", str(disk / "out"), str(dump))
        _one_error(result, f"{disk / 'out'}/d300.", "No space left on device")
        assert final_files(disk) == {} and temp_files(disk) == []
        assert os.statvfs(disk).f_bfree == os.statvfs(disk).f_blocks  # every temp file's space given back


def test_full_disk_with_o_keeps_the_old_file(tmp_path: Path, dump: Path) -> None:
    with tmpfs(tmp_path / "disk", 128) as disk:
        target = disk / "x.ris"
        target.write_bytes(b"old\n")
        result = run("ris", "-q", "--force", "-o", str(target), str(dump))
        _one_error(result, f"{target}: cannot write: No space left on device")
        assert target.read_bytes() == b"old\n" and temp_files(disk) == []


def test_stdout_on_a_full_device_is_exit_2_in_one_line(dump: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = run("ris", "-q", str(dump), stdout=full)
    assert result.stdout is None
    _one_error(result, "<stdout>: cannot write: No space left on device")


def test_o_dev_full_is_written_through_and_fails_in_one_line(dump: Path) -> None:
    result = run("ris", "-q", "-o", "/dev/full", str(dump))
    _one_error(result, "/dev/full: cannot write: No space left on device")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_read_only_places_are_exit_2_not_an_internal_error(tmp_path: Path, dump: Path) -> None:
    if is_root():
        context = tmpfs(tmp_path / "ro", 64, read_only=True)
        folder = context.__enter__()
        reason = "Read-only file system"
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
        context, reason = None, "Permission denied"
    try:
        _one_error(run("ris", "-q", "-o", str(folder / "x.ris"), str(dump)), f"{folder / 'x.ris'}: cannot write: {reason}")
        _one_error(run("convert", "--to", "ris", "-q", "--out-dir", str(folder / "out"), str(dump)), reason)
        assert list(folder.iterdir()) == []
    finally:
        if context is not None:
            context.__exit__(None, None, None)
        else:
            folder.chmod(0o755)

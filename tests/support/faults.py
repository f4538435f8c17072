"""Helpers of the fault tests (tests/faults): the installed command as a real process, dumps of a
known size, what a folder holds after a run (final names, temp files), and a small tmpfs.

A run is judged by what it leaves: every file under a final name must be complete (equal to the
uninterrupted run's), and no temp file (``.<name>.<random>.part``) may remain unless the process
was killed with SIGKILL.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .seed import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
#: Records in the dump the faulted runs convert (about 8.5 MB: three --jobs batches, a second or so).
DUMP_RECORDS = 300
#: A hang guard for every run (a run that does not end is a failure, never a wait).
TIMEOUT = 60


def command() -> list[str]:
    """The installed ``citeexport`` (the console script next to this interpreter), else ``-m``."""
    script = Path(sys.executable).with_name("citeexport")
    return [str(script)] if script.exists() else [sys.executable, "-m", "citeexport"]


def env() -> dict[str, str]:
    return {**os.environ, "COLUMNS": "300"}


def run(*args: str, **kwargs) -> subprocess.CompletedProcess[bytes]:  # type: ignore[no-untyped-def]
    """Run the command to its end; stdout and stderr captured unless given."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([*command(), *args], timeout=TIMEOUT, env=env(), **kwargs)


def start(*args: str, **kwargs) -> subprocess.Popen[bytes]:  # type: ignore[no-untyped-def]
    kwargs.setdefault("stdout", subprocess.DEVNULL)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen([*command(), *args], env=env(), **kwargs)


def write_dump(path: Path, records: int) -> Path:
    """A dump of ``records`` copies of the seed (about 28 KB each)."""
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(records):
            handle.write(SEED_TEXT.rstrip("\n") + "\n")
    return path


def final_files(folder: Path) -> dict[str, bytes]:
    """Files under their final names (not hidden), by path relative to ``folder``."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    }


def temp_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob(".*.part")) if folder.exists() else []


def error_lines(stderr: bytes) -> list[str]:
    return [line for line in stderr.decode("utf-8", "replace").splitlines() if line.startswith("error")]


def assert_intact(folder: Path, reference: dict[str, bytes], *, complete: bool) -> None:
    """Nothing partial under a final name: with ``complete`` every reference file is there and
    equal; otherwise none is (a run that did not succeed commits nothing).  No temp file left."""
    found = final_files(folder)
    assert temp_files(folder) == []
    if complete:
        assert sorted(found) == sorted(reference)
        for name, data in found.items():
            assert data == reference[name], f"{name}: {len(data)} bytes, expected {len(reference[name])}"
    else:
        assert found == {}, sorted(found)


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat_line = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat_line.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def is_root() -> bool:
    return os.geteuid() == 0


@contextmanager
def tmpfs(folder: Path, size_kb: int, *, read_only: bool = False) -> Iterator[Path]:
    """A tmpfs of ``size_kb`` KB mounted at ``folder`` for the block (root only: skips otherwise)."""
    if not is_root() or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root (the /dev/full tests cover a full disk without it)")
    folder.mkdir(parents=True, exist_ok=True)
    options = f"size={size_kb}k" + (",ro" if read_only else "")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True, timeout=30)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)

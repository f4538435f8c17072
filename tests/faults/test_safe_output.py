"""Safe output: atomic files, no half files after an error or Ctrl-C, no names that escape ``--out-dir``.

``test_cli.py`` covers the everyday cases (no clobber without ``--force``, the input never
overwritten, ``--on-error stop`` leaves no file).  Here: hostile record ids turned into file
names (property-tested), the ``Outputs`` transaction's failure paths one by one, a real SIGINT in
the middle of a run, and file modes.  ``test_output_faults.py`` has the faults of real runs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeexport.errors import OutputError
from citeexport.output import MAX_STEM_BYTES, Outputs, descriptor_behind, file_ids, safe_filename
from support.seed import SEED

RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10)), "conin$", "conout$"}


def assert_safe(name: str, extension: str) -> None:
    stem = name[: -len(extension) - 1]
    assert name.endswith("." + extension)
    assert stem and not stem.startswith((".", "-")) and not stem.endswith(".")
    assert all(ch not in name for ch in '/\\\x00:*?"<>|') and not any(ch.isspace() for ch in name)
    assert stem.split(".")[0].lower() not in RESERVED
    assert len(name.encode("utf-8")) <= MAX_STEM_BYTES + len(extension) + 1
    assert unicodedata.is_normalized("NFKC", name)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["ris", "bib", "txt", "json"]))
def test_any_text_gives_a_safe_file_name_inside_the_folder(stem: str, extension: str) -> None:
    name = safe_filename(stem, extension)
    assert_safe(name, extension)


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("../../etc/passwd", "etc_passwd.ris"),
        ("..", "record.ris"),
        ("a/../../b", "a_.._.._b.ris"),
        ("C:\\Windows\\evil", "C_Windows_evil.ris"),
        ("x\x00y", "x_y.ris"),
        ("CON", "_CON.ris"),
        ("lpt1.backup", "_lpt1.backup.ris"),
        ("-rf", "rf.ris"),
        ("．．／．．／etc", "etc.ris"),  # full-width dots and slash: NFKC first
        ("", "record.ris"),
    ],
)
def test_hostile_stems(stem: str, expected: str) -> None:
    assert safe_filename(stem, "ris") == expected


def test_long_cjk_stem_is_a_creatable_file(tmp_path: Path) -> None:
    name = safe_filename("干细胞产品质量研究" * 40, "bib")  # 360 characters, 1,080 bytes of UTF-8
    assert_safe(name, "bib")
    (tmp_path / name).write_text("x", encoding="utf-8")  # within the 255-byte NAME_MAX
    with Outputs() as outputs:  # and its temp file name too
        outputs.open(tmp_path / ("x" + name)).write("y")
        assert outputs.commit() == []
    assert (tmp_path / ("x" + name)).read_text(encoding="utf-8") == "y"


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("interrupt", [RuntimeError("boom"), KeyboardInterrupt()])
def test_failure_inside_leaves_no_file_and_no_temp(tmp_path: Path, interrupt: BaseException) -> None:
    target = tmp_path / "out.ris"
    with pytest.raises(type(interrupt)), Outputs() as outputs:
        outputs.open(target).write("TY  - JOUR\r\n")
        raise interrupt
    assert _leftovers(tmp_path) == []


def test_existing_file_survives_a_failed_forced_rewrite(tmp_path: Path) -> None:
    target = tmp_path / "out.ris"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), Outputs(force=True) as outputs:
        outputs.open(target).write("new, half")
        raise RuntimeError
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == ["out.ris"]


def test_finished_file_has_the_umask_mode_not_the_temp_files(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with Outputs() as outputs:
            outputs.open(tmp_path / "out.bib").write("@article{x,}\n")
            outputs.commit()
    finally:
        os.umask(old)
    assert (tmp_path / "out.bib").stat().st_mode & 0o777 == 0o644


def test_refuses_outside_the_root_and_through_a_symlink(tmp_path: Path) -> None:
    root = tmp_path / "out"
    root.mkdir()
    with pytest.raises(OutputError, match="outside"):
        Outputs(root=root).open(root / ".." / "escaped.ris")
    (root / "link.ris").symlink_to(tmp_path / "victim.ris")
    with pytest.raises(OutputError, match="outside"):
        Outputs(root=root, force=True).open(root / "link.ris")
    assert not (tmp_path / "victim.ris").exists()


def test_refuses_an_input_even_by_another_name(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("data", encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(source)
    with pytest.raises(OutputError, match="input"):
        Outputs(force=True, inputs=file_ids([str(source)])).open(tmp_path / "alias.txt")
    assert source.read_text(encoding="utf-8") == "data"


def test_unwritable_target_is_a_typed_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write"), Outputs() as outputs:
        outputs.open(blocker / "sub" / "out.ris")
    folder = tmp_path / "folder.ris"
    folder.mkdir()
    with pytest.raises(OutputError, match="is a folder"), Outputs(force=True) as outputs:
        outputs.open(folder)
    assert folder.is_dir() and _leftovers(tmp_path) == ["file", "folder.ris"]


def _cli(*args: str, **kwargs) -> subprocess.CompletedProcess[bytes]:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "citeexport", *args], capture_output=True, timeout=120, **kwargs)


def test_split_record_with_hostile_ids_stays_in_out_dir(tmp_path: Path) -> None:
    ids = ["../../escaped", "/etc/passwd", "CON", "a\u0000b", "..", "-rf", "干细胞" * 60, "x/../../y"]
    items = [{"id": i, "type": "article-journal", "title": f"T{n}", "language": "en"} for n, i in enumerate(ids)]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(items), encoding="utf-8")
    out = tmp_path / "out"
    result = _cli("ris", "--split", "record", "--out-dir", str(out), str(source))
    assert result.returncode == 0, result.stderr.decode()
    assert _leftovers(tmp_path) == ["in.json", "out"]
    written = list(out.iterdir())
    assert len(written) == len(ids)
    for path in written:
        assert path.resolve().parent == out.resolve()
        assert_safe(path.name, "ris")
    assert sorted(p.read_text(encoding="utf-8").count("TY  - JOUR") for p in written) == [1] * len(ids)


def test_sigint_mid_run_leaves_no_output_and_no_temp(tmp_path: Path) -> None:
    """A real Ctrl-C while the output is open: exit 130, neither the target nor a temp file remains."""
    target = tmp_path / "out.ris"
    process = subprocess.Popen(
        [sys.executable, "-m", "citeexport", "ris", "--from", "dump", "-o", str(target), "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None
    process.stdin.write(SEED.read_bytes() + b"\n")
    process.stdin.flush()  # stdin stays open: the run is waiting for more records
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".part") for p in tmp_path.iterdir()):
        assert process.poll() is None and time.monotonic() < deadline, "the run never opened its temp file"
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr.decode()
    assert _leftovers(tmp_path) == []
    assert b"Traceback" not in stderr


def test_commit_never_clobbers_a_name_taken_during_the_run(tmp_path: Path) -> None:
    target = tmp_path / "out.ris"
    with Outputs() as outputs:
        outputs.open(target).write("ours")
        target.write_text("theirs", encoding="utf-8")  # another run got there first
        (error,) = outputs.commit()
    assert "exists (created while this run was writing)" in str(error)
    assert target.read_text(encoding="utf-8") == "theirs" and _leftovers(tmp_path) == ["out.ris"]


def test_force_commits_onto_a_name_taken_during_the_run(tmp_path: Path) -> None:
    target = tmp_path / "out.ris"
    with Outputs(force=True) as outputs:
        outputs.open(target).write("ours")
        target.write_text("theirs", encoding="utf-8")
        assert outputs.commit() == []
    assert target.read_text(encoding="utf-8") == "ours" and _leftovers(tmp_path) == ["out.ris"]


def test_nothing_is_committed_before_commit(tmp_path: Path) -> None:
    with Outputs() as outputs:
        for name in ("a.ris", "b.ris"):
            out = outputs.open(tmp_path / name)
            out.write("complete")
            out.close()
        assert [p for p in _leftovers(tmp_path) if not p.startswith(".")] == []
    assert _leftovers(tmp_path) == []  # left without commit(): removed


@pytest.mark.parametrize(
    ("path", "fd"),
    [("/dev/stdout", 1), ("/dev/stderr", 2), ("/dev/fd/1", 1), ("/proc/self/fd/2", 2), (f"/proc/{os.getpid()}/fd/0", 0)],
)
def test_descriptor_behind(path: str, fd: int) -> None:
    assert descriptor_behind(path) == fd


def test_descriptor_behind_symlinks_and_ordinary_paths(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to("/dev/stdout")
    assert descriptor_behind(str(tmp_path / "a")) == 1
    assert descriptor_behind(str(tmp_path / "plain.ris")) is None
    assert descriptor_behind("/proc/1/fd/1") is None  # another process's descriptor is a path like any other

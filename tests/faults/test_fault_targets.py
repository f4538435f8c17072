"""What an output name may be: special files written through and never replaced (with or without
``--force``), ``-`` as stdout, never an input (named or found in a folder), an existing file
replaced with ``--force`` keeping its mode and owner, the input tree mirrored under ``--out-dir``."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from support.faults import SEED_TEXT, TIMEOUT, command, env, error_lines, final_files, is_root, run, temp_files


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_dev_null_is_written_through_never_replaced(tmp_path: Path, force: list[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text(SEED_TEXT, encoding="utf-8")
    before = os.stat("/dev/null")
    result = run("ris", "-q", *force, "-o", "/dev/null", str(source))
    assert result.returncode == 0 and result.stderr == b"", result.stderr.decode()
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_fifo_is_written_through(tmp_path: Path, dump: Path, reference: dict[str, bytes]) -> None:
    fifo = tmp_path / "pipe.ris"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run("ris", "-q", "--force", "-o", str(fifo), str(dump))
    reader.join(timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr.decode()
    assert received == [reference["d300.ris"]]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and sorted(p.name for p in tmp_path.iterdir()) == ["pipe.ris"]


@pytest.mark.parametrize("name", ["/dev/stdout", "-", "link"])
def test_stdout_by_any_name(tmp_path: Path, dump: Path, reference: dict[str, bytes], name: str) -> None:
    """``-o /dev/stdout``, ``-o -`` and ``-o link`` (a symlink to /proc/self/fd/1, with --force): stdout."""
    if name == "link":
        (tmp_path / "link").symlink_to("/proc/self/fd/1")
    result = run("ris", "-q", "--force", "-o", name, str(dump), cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == reference["d300.ris"]
    assert sorted(p.name for p in tmp_path.iterdir()) == (["link"] if name == "link" else [])
    if name == "link":
        assert os.readlink(tmp_path / "link") == "/proc/self/fd/1"


@pytest.mark.skipif(shutil.which("bash") is None, reason="process substitution needs bash")
def test_process_substitution(tmp_path: Path, dump: Path, reference: dict[str, bytes]) -> None:
    received = tmp_path / "received.ris"
    script = '"$@" -o >(cat > "$0"); wait $!'
    result = subprocess.run(
        ["bash", "-c", script, str(received), *command(), "ris", "-q", str(dump)], capture_output=True, timeout=TIMEOUT, env=env()
    )
    assert result.returncode == 0, result.stderr.decode()
    assert received.read_bytes() == reference["d300.ris"]


def _seed_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    return folder


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_an_input_folder_as_output_folder_overwrites_no_input(tmp_path: Path, force: list[str]) -> None:
    """a.bib (made from a.txt) is an input of the second run; writing a.bib again is refused and
    nothing else of the run is committed either (no a.ris)."""
    same = _seed_folder(tmp_path / "same")
    assert run("bibtex", "-q", "-o", str(same / "a.bib"), str(same / "a.txt")).returncode == 0
    before = final_files(same)
    result = run("convert", "--to", "bibtex,ris", "-q", *force, "--out-dir", str(same), str(same))
    assert result.returncode == 2
    assert (
        len(error_lines(result.stderr)) == 1
        and f"{same / 'a.bib'}: refusing to overwrite an input file" in result.stderr.decode()
    )
    assert final_files(same) == before and temp_files(same) == []


def test_an_input_by_another_name_is_never_an_output(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(SEED_TEXT, encoding="utf-8")
    os.link(source, tmp_path / "hard.txt")
    (tmp_path / "soft.txt").symlink_to(source)
    for alias in ("hard.txt", "soft.txt"):
        result = run("ris", "-q", "--force", "-o", str(tmp_path / alias), str(source))
        assert result.returncode == 2 and b"refusing to overwrite an input file" in result.stderr
    assert source.read_text(encoding="utf-8") == SEED_TEXT


def test_force_keeps_mode_and_owner_and_says_when_hard_links_keep_the_old_content(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(SEED_TEXT, encoding="utf-8")
    target = tmp_path / "out.ris"
    target.write_bytes(b"old\n")
    target.chmod(0o600)
    owner = (12345, 23456) if is_root() else (os.getuid(), os.getgid())
    if is_root():
        os.chown(target, *owner)
    os.link(target, tmp_path / "other-name.ris")
    result = run("ris", "--force", "-o", str(target), str(source))
    assert result.returncode == 0, result.stderr.decode()
    st = os.stat(target)
    assert stat.S_IMODE(st.st_mode) == 0o600 and (st.st_uid, st.st_gid) == owner
    assert target.read_bytes().startswith(b"TY  - JOUR")
    assert (tmp_path / "other-name.ris").read_bytes() == b"old\n"
    assert b"had 2 hard links; the other names keep the old content" in result.stderr


def test_out_dir_mirrors_the_input_tree_and_names_collisions(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    for issue in ("2024/01", "2025/01"):
        (archive / issue).mkdir(parents=True)
        (archive / issue / "issue.txt").write_text(SEED_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    result = run("ris", "-q", "-r", "--out-dir", str(out), str(archive))
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(final_files(out)) == ["2024/01/issue.ris", "2025/01/issue.ris"]
    flat = tmp_path / "flat"
    named = [str(archive / "2024/01/issue.txt"), str(archive / "2025/01/issue.txt")]
    result = run("ris", "--out-dir", str(flat), *named)
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(final_files(flat)) == ["issue-2.ris", "issue.ris"]
    assert f"{named[1]}: written as {flat / 'issue-2.ris'} ({flat / 'issue.ris'} is another input's)" in result.stderr.decode()


def test_out_dir_that_is_a_file(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    result = run("ris", "-q", "--out-dir", str(tmp_path / "plain"), str(source))
    assert result.returncode == 2 and result.stderr.decode() == f"error: {tmp_path / 'plain'}: cannot write: not a folder\n"


def test_an_input_that_breaks_off_midway_has_no_output(tmp_path: Path) -> None:
    """b.txt decodes for 20 records, then not (a GBK record appended): its output would be cut, so
    it is not committed; the other inputs' are (--out-dir), and a single -o output fed by it is not."""
    folder = tmp_path / "in"
    folder.mkdir()
    one = SEED_TEXT.rstrip("\n") + "\n"
    (folder / "a.txt").write_text(one, encoding="utf-8")
    (folder / "b.txt").write_bytes(one.encode() * 20 + one.encode("gbk"))  # past the reader's look-ahead
    (folder / "c.txt").write_text(one, encoding="utf-8")
    out = tmp_path / "out"
    result = run("ris", "-q", "--out-dir", str(out), str(folder))
    assert result.returncode == 2
    errors = error_lines(result.stderr)
    assert len(errors) == 2 and "b.txt" in errors[0] and "cannot decode as utf-8" in errors[0]
    assert errors[1] == f"error: {out / 'b.ris'}: not written: {folder / 'b.txt'} could not be read to the end"
    assert sorted(final_files(out)) == ["a.ris", "c.ris"] and temp_files(out) == []
    result = run("ris", "-q", "-o", str(tmp_path / "all.ris"), str(folder))
    assert result.returncode == 2 and not (tmp_path / "all.ris").exists() and temp_files(tmp_path) == []

"""The command line as a user meets it: data on stdout only, one-line errors, exit codes, safe files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.seed import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_DUMP = SEED_TEXT.partition("\n")[0]


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "citeexport", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
        env={**os.environ, "COLUMNS": "200"},
    )


def test_bibtex_of_the_sample_goes_to_stdout_and_nothing_else():
    result = run("bibtex", str(SEED))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode("utf-8")
    assert out.startswith("@article{rao2025special-zh,")
    assert "饶春明 and 庞琳" in out and "RAO, Chun-ming and PANG, Lin" in out
    assert result.stderr == b""  # a clean run is silent (the summary is for terminals and -v)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_progress_bar_on_request_counts_every_record_on_stderr_only(tmp_path, jobs):
    dump = tmp_path / "issue.txt"
    dump.write_text((SEED.read_text(encoding="utf-8") + "\n") * 130, encoding="utf-8")  # past a redraw (every 64)
    result = run("ris", str(dump), "--progress", "--jobs", jobs)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.count(b"TY  - JOUR") == 260 and b"records" not in result.stdout
    stderr = result.stderr.decode()
    assert "converting" in stderr and "130 records" in stderr


def test_stdin_and_quiet():
    result = run("ris", "--lang", "en", "-q", "-", stdin=SEED.read_bytes())
    assert result.returncode == 0
    assert result.stdout.startswith(b"TY  - JOUR\r\n")
    assert result.stderr == b""


def test_version_and_formats():
    assert run("--version").stdout.decode().startswith("citeexport ")
    listed = run("formats").stdout.decode()
    for name in ("dump", "bibtex", "ris", "enw", "refworks", "noteexpress", "endnote-xml"):
        assert name in listed
    rows = [line.split(None, 2) for line in listed.splitlines()]
    names = [name for _, name, _ in rows]
    # one column for the descriptions, whatever the longest name (endnote-xml, noteexpress)
    starts = {line.index(description) for line, (_, _, description) in zip(listed.splitlines(), rows, strict=True)}
    assert len(starts) == 1 and starts.pop() > max(len(name) for name in names) + len("out  ")


def test_bad_record_is_reported_in_one_line_others_still_written(tmp_path):
    broken = SEED_DUMP.replace("columnId=1241314566538326794", "columnId=abc", 1)
    source = tmp_path / "issue.txt"
    source.write_text(SEED_TEXT + "\n" + broken + "\n" + SEED_TEXT, encoding="utf-8")
    result = run("ris", "--lang", "zh", str(source))
    assert result.returncode == 1
    assert result.stdout.count(b"TY  - JOUR") == 2
    errors = [line for line in result.stderr.decode().splitlines() if line.startswith("error")]
    assert errors == [
        f"error: {source}: record 2 (line 59, offset {len(SEED_TEXT) + 1 + broken.index('abc')}), field ArticleExt.columnId: expected a number"
    ]
    assert "Traceback" not in result.stderr.decode()


def test_on_error_stop_writes_no_partial_file(tmp_path):
    source = tmp_path / "issue.txt"
    source.write_text(SEED_TEXT + "\n" + SEED_DUMP[:3000] + "\n", encoding="utf-8")
    target = tmp_path / "out.ris"
    result = run("ris", "--on-error", "stop", str(source), "-o", str(target))
    assert result.returncode == 1
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]


def test_output_file_is_complete_and_not_clobbered_without_force(tmp_path):
    target = tmp_path / "out.bib"
    assert run("bibtex", str(SEED), "-o", str(target)).returncode == 0
    first = target.read_bytes()
    assert first.startswith(b"@article{")
    result = run("bibtex", str(SEED), "-o", str(target))
    assert result.returncode == 2 and b"--force" in result.stderr
    assert run("bibtex", "--force", str(SEED), "-o", str(target)).returncode == 0
    assert target.read_bytes() == first


def test_never_overwrites_its_input(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(SEED_TEXT, encoding="utf-8")
    result = run("bibtex", "--force", str(source), "-o", str(source))
    assert result.returncode == 2
    assert source.read_text(encoding="utf-8") == SEED_TEXT


def test_unreadable_input_exit_2(tmp_path):
    result = run("bibtex", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert b"missing.txt" in result.stderr and b"cannot open" in result.stderr


def test_undetectable_format_exit_2(tmp_path):
    source = tmp_path / "x.dat"
    source.write_text("hello\n", encoding="utf-8")
    result = run("bibtex", str(source))
    assert result.returncode == 2
    assert b"--from" in result.stderr


def test_out_dir_one_file_per_input_and_per_record(tmp_path):
    folder = tmp_path / "dumps"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(SEED_TEXT + "\n" + SEED_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    result = run("convert", "--to", "bibtex,ris", "--out-dir", str(out), "-r", str(folder))
    assert result.returncode == 0, result.stderr.decode()
    # -r mirrors the input tree: sub/b.txt -> sub/b.ris
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.*")) == ["a.bib", "a.ris", "sub/b.bib", "sub/b.ris"]
    assert (out / "sub" / "b.ris").read_bytes().count(b"TY  - JOUR") == 4
    keys = [line for line in (out / "sub" / "b.bib").read_text(encoding="utf-8").splitlines() if line.startswith("@")]
    assert len(set(keys)) == 4  # unique across the whole run, not only per file
    per_record = tmp_path / "per-record"
    result = run("ris", "--split", "record", "--out-dir", str(per_record), str(folder / "a.txt"))
    assert result.returncode == 0
    assert [p.name for p in per_record.iterdir()] == ["a-1241314566194393863.ris"]


def test_formats_sharing_an_extension_in_one_pass_name_themselves(tmp_path):
    out = tmp_path / "out"
    result = run("convert", "--to", "refworks,text,ris", "--out-dir", str(out), str(SEED))
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == ["article.refworks.txt", "article.ris", "article.text.txt"]
    assert (out / "article.refworks.txt").read_text(encoding="utf-8").startswith("RT Journal Article\n")
    assert (out / "article.text.txt").read_text(encoding="utf-8").startswith("饶春明, 庞琳. 干细胞产品")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16"])
def test_encodings_are_detected(tmp_path, encoding):
    source = tmp_path / "a.txt"
    source.write_bytes(SEED_TEXT.encode(encoding))
    result = run("ris", "--lang", "zh", str(source))
    assert result.returncode == 0, result.stderr.decode()
    assert "饶春明".encode() in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["bibtex"],
        ["ris", "--lang", "en"],
        ["text", "--numbered"],
        ["text", "--style", "gb7714-2015-author-date"],
        ["csl-json"],
        ["enw"],
    ],
)
def test_jobs_two_writes_exactly_what_jobs_one_writes(tmp_path, args):
    """Workers write detached records (keys, numbers given in order by the main process), or send citations back."""
    broken = SEED_DUMP.replace("columnId=1241314566538326794", "columnId=abc", 1)
    source = tmp_path / "issue.txt"
    source.write_text("\n".join([SEED_TEXT] * 3 + [broken] + [SEED_TEXT] * 2) + "\n", encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        result = run(*args, "-q", "--jobs", jobs, str(source))
        assert result.returncode == 1, result.stderr.decode()
        outputs.append((result.stdout, result.stderr))
    assert outputs[0] == outputs[1]
    if args[0] == "bibtex":
        keys = [line for line in outputs[0][0].decode().splitlines() if line.startswith("@")]
        assert len(keys) == len(set(keys)) == 10

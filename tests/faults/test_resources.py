"""Resources: memory stays flat as the input grows, and one pathological record costs only itself.

Each run is a real ``citeexport`` process that writes its peak RSS when it exits: ``VmHWM`` of
``/proc/self/status``, the high-water mark of this process's own memory (``ru_maxrss`` would not do:
Linux carries it over ``fork`` and ``exec``, so pytest's own size would floor every figure); assertions compare runs with generous margins, never times (figures: benchmarks/README.md).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from support.seed import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_DUMP, _, SEED_PAGE = SEED_TEXT.partition("\n")
MB = 1 << 20

#: Runs the CLI and writes the process's peak RSS (KB) to the file named first.
CHILD = """
import atexit, sys
out = sys.argv[1]
def _peak_kb():
    with open("/proc/self/status") as status:
        return next(line.split()[1] for line in status if line.startswith("VmHWM:"))
atexit.register(lambda: open(out, "w").write(_peak_kb()))
sys.argv = ["citeexport", *sys.argv[2:]]
from citeexport.cli import main
main()
"""


def peak_rss_kb(tmp_path: Path, *args: str, record_cap: int | None = None) -> tuple[int, subprocess.CompletedProcess[bytes]]:
    """(peak RSS in KB, the finished process) of ``citeexport ARGS`` with stdout discarded;
    ``record_cap`` sets ``dump_chunks.MAX_RECORD_CHARS`` in the child first."""
    rss_file = tmp_path / f"rss-{len(list(tmp_path.iterdir()))}"
    cap = f"import citeexport.formats.dump.chunks as c; c.MAX_RECORD_CHARS = {record_cap}\n" if record_cap else ""
    result = subprocess.run(
        [sys.executable, "-c", cap + CHILD, str(rss_file), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=300,  # a hang guard, not a speed assertion
    )
    return int(rss_file.read_text()), result


def test_the_measure_sees_a_child_that_grows_and_not_its_parent(tmp_path: Path) -> None:
    """The figure is the child's own: a run that only prints its version stays far below one that
    allocates 200 MB before it starts (so a limit on the figure can fail)."""
    small, _ = peak_rss_kb(tmp_path, "--version")
    grow = "big = bytearray(200 * 1024 * 1024)\n" + CHILD
    rss_file = tmp_path / "rss-grow"
    subprocess.run([sys.executable, "-c", grow, str(rss_file), "--version"], stdout=subprocess.DEVNULL, check=True, timeout=300)
    assert small < 100 * 1024 < 200 * 1024 < int(rss_file.read_text())


def issue_dump(tmp_path: Path, megabytes: int) -> Path:
    """A generated issue dump of about ``megabytes`` MB: the seed record repeated."""
    path = tmp_path / f"issue-{megabytes}mb.txt"
    copies = megabytes * MB // len((SEED_TEXT + "\n").encode("utf-8")) + 1
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(copies):
            handle.write(SEED_TEXT + "\n")
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("resources")
    return {"5": issue_dump(folder, 5), "50": issue_dump(folder, 50)}


#: Allowed growth (KB) from 5 to 50 MB of input: serial streaming holds one record; the process
#: pool holds a window of batches (its plateau is reached by about 50 MB, see the module docstring).
GROWTH_KB = {"1": 40 * 1024, "2": 160 * 1024}


@pytest.mark.parametrize("jobs", sorted(GROWTH_KB))
def test_memory_is_flat_from_5_to_50_mb(tmp_path: Path, inputs: dict[str, Path], jobs: str) -> None:
    small, result_small = peak_rss_kb(tmp_path, "ris", "-q", "--from", "dump", "--jobs", jobs, str(inputs["5"]))
    large, result_large = peak_rss_kb(tmp_path, "ris", "-q", "--from", "dump", "--jobs", jobs, str(inputs["50"]))
    assert result_small.returncode == 0 and result_large.returncode == 0, result_large.stderr.decode()
    # Ten times the input: a reader holding the input would grow by >= 45 MB of text (far more as objects).
    assert large <= small + GROWTH_KB[jobs], (small, large)


def test_one_huge_record_costs_a_bounded_multiple_of_its_size(tmp_path: Path, inputs: dict[str, Path]) -> None:
    value = "长 x, y=" * (10 * MB // 9)  # 10 MB of UTF-8, full of separators
    huge = tmp_path / "huge.txt"
    huge.write_text(
        SEED_TEXT
        + "\n"
        + SEED_DUMP.replace("articleAbstract=null", f"articleAbstract={value}", 1)
        + "\n"
        + SEED_PAGE
        + "\n"
        + SEED_TEXT,
        encoding="utf-8",
    )
    baseline, _ = peak_rss_kb(tmp_path, "ris", "-q", "--from", "dump", "--jobs", "1", str(inputs["5"]))
    peak, result = peak_rss_kb(tmp_path, "ris", "-v", "--from", "dump", "--jobs", "1", str(huge))  # -v: the summary
    assert result.returncode == 0, result.stderr.decode()
    assert b"3 of 3 records converted" in result.stderr
    assert peak - baseline <= 15 * 10 * 1024, (baseline, peak)  # KB: at most 15 copies of the 10 MB value


def test_one_pathological_record_fails_alone(tmp_path: Path) -> None:
    """200 KB of an unclosed list of unknown objects: the parser's budget ends it; its neighbours convert."""
    hostile = SEED_DUMP.replace("keywords=null", "keywords=[" + "Foo(a=1), " * 20_000, 1)
    source = tmp_path / "hostile.txt"
    source.write_text(SEED_TEXT + "\n" + hostile + "\n" + SEED_TEXT, encoding="utf-8")
    _, result = peak_rss_kb(tmp_path, "ris", "-v", "--from", "dump", "--jobs", "1", str(source))  # -v: the summary
    assert result.returncode == 1
    stderr = result.stderr.decode()
    assert "2 of 3 records converted, 1 failed" in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1 and "record 2" in errors[0] and "Traceback" not in stderr


def test_a_line_longer_than_the_record_cap_costs_the_cap_not_the_line(tmp_path: Path) -> None:
    """A record on one line of 40 or 120 MB (no line break), capped at 4 MB: memory is the cap's,
    the record is reported cut, the next record converts.  (Read from its raw bytes: the
    decoded-lines path of UTF-16 input still holds a physical line whole.)"""
    peaks = []
    for megabytes in (40, 120):
        source = tmp_path / f"line-{megabytes}.txt"
        before, _, after = SEED_DUMP.partition("articleAbstract=null")
        with source.open("w", encoding="utf-8") as handle:  # in pieces: a forked child starts with this process's pages
            handle.write(before + "articleAbstract=")
            for _ in range(megabytes):
                handle.write("x" * MB)
            handle.write(after + "\n" + SEED_TEXT)
        peak, result = peak_rss_kb(tmp_path, "ris", "-v", "--from", "dump", "--jobs", "1", str(source), record_cap=4 * MB)
        source.unlink()
        assert result.returncode == 1
        assert b"longer than 4 MB" in result.stderr and b"1 of 2 records converted" in result.stderr
        peaks.append(peak)
    assert peaks[1] <= peaks[0] + 20 * 1024, peaks  # KB: 80 MB more of line, no more memory

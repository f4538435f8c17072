"""Benchmark the citeexport CLI on synthetic issue dumps, and RIS → BibTeX beside pandoc and citation-js.

    python benchmarks/run.py                         # N = 10,000 and 100,000, --jobs 1
    python benchmarks/run.py --sizes 10000 --jobs 1,2
    python benchmarks/run.py --quick                 # N = 2,000: a smoke check

Each case runs as a child process (what a user runs), so the numbers include start-up,
reading, parsing, writing and the atomic rename.  Measured per case: wall time, records per
second (articles in the input / wall time), the peak RSS of the largest process (``wait4``
rusage) and the peak RSS of the whole process tree (sampled from /proc every 20 ms, so that a
worker pool counts in full).  A case that fails or is not supported (``--jobs`` before the CLI
has it, a tool not installed) is skipped with the reason printed; the others still run.

Corpora are generated once into benchmarks/corpus/ (git-ignored) and reused; outputs go to
benchmarks/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS_DIR = HERE / "corpus"
OUT_DIR = HERE / "out"
#: Where a citation-js CLI may be installed besides PATH (``npm install @citation-js/cli`` there).
CITATION_JS_CANDIDATES = (HERE / "node_modules" / ".bin" / "citation-js", Path("/tmp/cjs/node_modules/.bin/citation-js"))


@dataclass
class Result:
    case: str
    size: int
    jobs: int | None
    wall: float | None = None
    max_rss_mb: float | None = None  # the largest single process
    tree_rss_mb: float | None = None  # all processes of the case together, sampled
    output_records: int | None = None
    skipped: str | None = None

    @property
    def rate(self) -> float | None:
        return self.size / self.wall if self.wall else None


# -- corpora ---------------------------------------------------------------------------------


def _generator():
    spec = importlib.util.spec_from_file_location("generate_corpus", HERE / "generate_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus(size: int, seed: int, fmt: str) -> Path:
    """The corpus file for (size, seed, format), generated if missing (written to a temporary name first)."""
    path = CORPUS_DIR / f"{'dump' if fmt == 'dump' else 'ris'}-{size}-s{seed}.{'txt' if fmt == 'dump' else 'ris'}"
    if not path.exists():
        CORPUS_DIR.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        partial = path.with_suffix(path.suffix + ".partial")
        with open(partial, "w", encoding="utf-8", newline="") as out:
            _generator().write_corpus(size, out, seed, fmt)
        partial.replace(path)
        print(
            f"generated {path.name}: {path.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - started:.1f} s", file=sys.stderr
        )
    return path


# -- measuring one child ---------------------------------------------------------------------------


def _tree_rss_kb(root: int) -> int:
    """Resident memory of ``root`` and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)  # fields[1]: ppid
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024  # fields[21]: rss in pages
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


#: GNU time, which reports its child's peak RSS from a process of its own (see :func:`timed`).
GNU_TIME = shutil.which("time", path="/usr/bin:/bin")


def timed(command: list[str], rss_file: Path) -> list[str]:
    """``command`` run under GNU time, which writes the child's peak RSS (KB) into ``rss_file``.

    Why not ``wait4``'s own ``ru_maxrss``: Linux keeps the high-water RSS of the image a process
    replaced at ``exec``, and a child of this harness starts as a copy (or a vfork) of the harness,
    so every case would report at least the harness's own peak (seen: 709 MB for ``node -e 0`` once
    the harness had read a large output).  GNU time is small and reports only its own child.
    """
    return [GNU_TIME, "-f", "%M", "-o", str(rss_file), *command] if GNU_TIME else command


def peak_rss_mb(rss_file: Path, fallback_kb: int) -> float:
    """The child's peak RSS written by GNU time, else ``fallback_kb`` (``wait4``'s, an upper bound)."""
    try:
        lines = rss_file.read_text(encoding="ascii", errors="replace").split()
        return int(lines[-1]) / 1024
    except (OSError, ValueError, IndexError):
        return fallback_kb / 1024


def measure(command: list[str], timeout: float) -> tuple[float, float, float, int, str]:
    """Run ``command``; (wall s, max single-process RSS MB, peak tree RSS MB, exit code, stderr tail)."""
    stderr_path = OUT_DIR / "stderr.txt"
    rss_path = OUT_DIR / "rss.txt"
    rss_path.unlink(missing_ok=True)
    with open(stderr_path, "w", encoding="utf-8") as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(timed(command, rss_path), stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.wait(0.02):
                peak = max(peak, _tree_rss_kb(child.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(child.pid, 9)  # our own child's process group
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.01)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        child.returncode = os.waitstatus_to_exitcode(status)
    tail = stderr_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
    code = child.returncode if wall < timeout else -9
    largest = peak_rss_mb(rss_path, usage.ru_maxrss)
    return wall, largest, max(peak / 1024, largest), code, " | ".join(tail)


def count_records(path: Path, fmt: str) -> int | None:
    """Records in an output file, to check that a fast run did write everything."""
    if not path.exists():
        return None
    marker = {"bibtex": b"\n@", "ris": b"\nER  -", "text": b"\n"}[fmt]
    count = 0
    with open(path, "rb") as handle:
        previous = b"\n"
        for block in iter(lambda: handle.read(1 << 20), b""):
            data = previous + block
            count += data.count(marker) - previous.count(marker)
            previous = block[-len(marker) :]
    return count


# -- the cases ---------------------------------------------------------------------------------


def citeexport_command() -> list[str] | None:
    found = shutil.which("citeexport") or (str(Path(sys.executable).parent / "citeexport"))
    return [found] if Path(found).exists() else None


def supports_jobs(cli: list[str], subcommand: str) -> bool:
    try:
        helptext = subprocess.run([*cli, subcommand, "--help"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return "--jobs" in helptext


def citation_js() -> str | None:
    found = shutil.which("citation-js")
    if found:
        return found
    return next((str(path) for path in CITATION_JS_CANDIDATES if path.exists()), None)


def pandoc() -> str | None:
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return shutil.which("pandoc")


def run_case(name: str, command: list[str], size: int, jobs: int | None, out: Path, fmt: str, timeout: float) -> Result:
    result = Result(name, size, jobs)
    out.unlink(missing_ok=True)
    print(f"running {name} N={size}{f' jobs={jobs}' if jobs else ''}: {' '.join(command)}", file=sys.stderr)
    try:
        wall, max_rss, tree_rss, code, tail = measure(command, timeout)
    except OSError as exc:
        result.skipped = f"cannot start: {exc}"
        return result
    if code != 0:
        result.skipped = f"timed out after {timeout:.0f} s" if code == -9 else f"exit {code}: {tail[:300]}"
        return result
    result.wall, result.max_rss_mb, result.tree_rss_mb = wall, max_rss, tree_rss
    result.output_records = count_records(out, fmt)
    return result


def benchmark(
    sizes: list[int],
    jobs_list: list[int],
    seed: int,
    timeout: float,
    compare_max: int,
    commands: tuple[str, ...] = ("bibtex", "ris", "text"),
) -> list[Result]:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    results: list[Result] = []
    cli = citeexport_command()
    jobs_ok = {sub: cli is not None and supports_jobs(cli, sub) for sub in ("bibtex", "ris", "text")}
    for size in sizes:
        dump = corpus(size, seed, "dump")
        for subcommand in commands:
            fmt = subcommand
            for jobs in jobs_list:
                name = f"dump → {subcommand}"
                if cli is None:
                    results.append(Result(name, size, jobs, skipped="citeexport CLI not installed"))
                    continue
                if jobs != 1 and not jobs_ok[subcommand]:
                    results.append(Result(name, size, jobs, skipped=f"`citeexport {subcommand}` has no --jobs option"))
                    continue
                out = OUT_DIR / f"{subcommand}-{size}-j{jobs}.{ {'bibtex': 'bib', 'ris': 'ris', 'text': 'txt'}[fmt] }"
                command = [*cli, subcommand, str(dump), "-o", str(out), "--force", "-q"]
                if jobs_ok[subcommand]:
                    command += ["--jobs", str(jobs)]
                results.append(run_case(name, command, size, jobs, out, fmt, timeout))
        if size > compare_max:  # pandoc held ~630 MB for 2,000 records: 100,000 could exhaust the machine
            results.append(Result("RIS → BibTeX (all tools)", size, None, skipped=f"N > --compare-max-size {compare_max}"))
            continue
        ris = corpus(size, seed, "ris")
        tools: list[tuple[str, list[str] | None, Path, str]] = []
        out = OUT_DIR / f"ris2bib-citeexport-{size}.bib"
        tools.append(
            (
                "RIS → BibTeX citeexport",
                cli and [*cli, "bibtex", "--from", "ris", str(ris), "-o", str(out), "--force", "-q"],
                out,
                "",
            )
        )
        pandoc_path = pandoc()
        out = OUT_DIR / f"ris2bib-pandoc-{size}.bib"
        tools.append(
            (
                "RIS → BibTeX pandoc",
                pandoc_path and [pandoc_path, "-f", "ris", "-t", "biblatex", str(ris), "-o", str(out)],
                out,
                "pandoc",
            )
        )
        cjs = citation_js()
        out = OUT_DIR / f"ris2bib-citation-js-{size}.bib"
        shell = f"'{cjs}' -i '{ris}' -f string -s bibtex > '{out}'"
        tools.append(("RIS → BibTeX citation-js", cjs and ["/bin/sh", "-c", shell], out, "citation-js"))
        for name, command, out, tool in tools:
            if command is None:
                results.append(Result(name, size, None, skipped=f"{tool or 'citeexport'} not installed"))
            else:
                results.append(run_case(name, command, size, None, out, "bibtex", timeout))
    return results


def table(results: list[Result]) -> str:
    """A Markdown table; RIS → BibTeX rows get the time ratio to citeexport's."""
    baseline = {r.size: r.wall for r in results if r.case == "RIS → BibTeX citeexport" and r.wall}
    lines = [
        "| case | N | jobs | wall s | records/s | peak RSS MB (largest process) | peak RSS MB (all processes) | output records | vs citeexport |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        if r.skipped:
            lines.append(f"| {r.case} | {r.size:,} | {r.jobs or ''} | skipped: {r.skipped.replace('|', '/')} | | | | | |")
            continue
        ratio = ""
        if r.case.startswith("RIS → BibTeX") and baseline.get(r.size) and r.wall:
            ratio = f"{r.wall / baseline[r.size]:.2f}× the time"
        lines.append(
            f"| {r.case} | {r.size:,} | {r.jobs or ''} | {r.wall:.1f} | {r.rate:,.0f} | {r.max_rss_mb:.0f} | {r.tree_rss_mb:.0f} | "
            f"{'' if r.output_records is None else f'{r.output_records:,}'} | {ratio} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes (articles)")
    parser.add_argument("--jobs", default="1", help="comma-separated --jobs values for the dump cases")
    parser.add_argument("--quick", action="store_true", help="N = 2,000 only: a smoke check")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--commands", default="bibtex,ris,text", help="CLI subcommands to run on the dump corpora")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per case before it is killed")
    parser.add_argument(
        "--compare-max-size", type=int, default=10000, help="largest N for RIS → BibTeX beside pandoc and citation-js (0: none)"
    )
    args = parser.parse_args(argv)
    sizes = [2000] if args.quick else [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    jobs = [int(j) for j in args.jobs.split(",") if j]
    commands = tuple(c for c in args.commands.split(",") if c in ("bibtex", "ris", "text"))
    results = benchmark(sizes, jobs, args.seed, args.timeout, args.compare_max_size, commands)
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())

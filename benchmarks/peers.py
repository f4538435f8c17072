"""citeexport beside citation-js, pandoc and bibutils on the same files in one run (issues 15 and 17).

    python benchmarks/peers.py --quick          # 1,000 records everywhere, 100,000-record cases left out
    python benchmarks/peers.py                  # the full run: the README's tables
    python benchmarks/peers.py --only ordinary --ordinary-size 10000

Four sections, each a list of child processes run the way a user runs them (start-up included):

* ``startup``: one record end to end (``citeexport bibtex|ris examples/article.txt``, and one
  short RIS record through every tool), beside ``pandoc --version``, ``node -e 0`` and
  ``python -c pass``.
* ``ordinary``: the ordinary corpus (``ordinary_corpus.py``), the same N short records as RIS,
  BibTeX, .enw, RefWorks and CSL-JSON: every conversion among the five (20 pairs) and each to
  GB/T 7714-2015 text, by citeexport ``--jobs 1`` and by each peer that can do it; then three of
  them by citeexport alone at 100,000 records, for memory that must stay flat.
* ``hostile``: the hostile corpus (``generate_corpus.py --format ris``: long two-language
  articles) from RIS to the four other formats and to text, by every tool.
* ``dump``: dump -> BibTeX, RIS and text with ``--jobs 1`` and ``2`` at 10,000 and 100,000
  records, on seed-sized records (``ordinary_corpus.py --dump``) and on the hostile dump, beside
  the bare regex pass over the same file (``regex_baseline.py``).

Every case runs ``--repeat`` times (3; cases of 100,000 records or more ``--repeat-large``
times, 1), the repetitions interleaved across tools so that a change in the machine's load
falls on all of them; the table shows the median wall time and the largest peak RSS seen.  Each
output is checked: records counted in it, and for a sample of input records (every 25th) whether
its title and DOI are still found in the output (case, braces and white space ignored), per
language, so that a fast tool that drops or mangles records shows.

Corpora are generated once into benchmarks/corpus/ and reused; outputs go to benchmarks/out/
(both git-ignored).  Tables go to stdout in Markdown, progress to stderr, every measurement also to
benchmarks/out/peers.json.
"""

from __future__ import annotations

import argparse
import importlib.resources
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import ordinary_corpus
import run

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS_DIR = HERE / "corpus"
OUT_DIR = HERE / "out"
SEED_ARTICLE = ROOT / "examples" / "article.txt"
GBT_STYLE = ROOT / "styles" / "gb7714-2015.csl"
CITATION_JS_SCRIPT = HERE / "citation_js_convert.js"
REGEX_BASELINE = HERE / "regex_baseline.py"

FORMATS = ("ris", "bibtex", "enw", "refworks", "csl-json")
TARGETS = (*FORMATS, "text")
EXTENSIONS = {"ris": "ris", "bibtex": "bib", "enw": "enw", "refworks": "refworks.txt", "csl-json": "json", "text": "txt"}
TOOLS = ("citeexport", "citation-js", "pandoc", "bibutils")
#: Inputs larger than this are counted but not searched for the sampled titles and DOIs.
FIDELITY_MAX_BYTES = 300_000_000
SAMPLE_EVERY = 25  # odd: the ordinary corpus alternates Chinese and English records

Command = list[str]


@dataclass
class Case:
    section: str
    corpus: str
    source: str
    target: str
    tool: str
    records: int  # records in the input (articles for a dump)
    jobs: int | None = None
    command: Command = field(default_factory=list)
    output: str = ""
    walls: list[float] = field(default_factory=list)
    rss_mb: float | None = None  # largest single process, over the repetitions
    tree_rss_mb: float | None = None  # all processes of the case together
    output_records: int | None = None
    kept: dict[str, str] = field(default_factory=dict)  # "titles zh" -> "98 %" ...
    skipped: str | None = None
    note: str = ""

    @property
    def wall(self) -> float | None:
        return statistics.median(self.walls) if self.walls and not self.skipped else None

    @property
    def rate(self) -> float | None:
        return self.records / self.wall if self.wall else None


# -- the tools ---------------------------------------------------------------------------------


def citeexport_cli() -> Command | None:
    return run.citeexport_command()


def compile_citeexport() -> None:
    """Write citeexport's bytecode before anything is timed, as a regular install does (pip compiles
    what it installs; an editable install compiles on first use, unless ``PYTHONDONTWRITEBYTECODE``
    is set, when every run would compile the package's sources again, ~0.03-0.1 s)."""
    import compileall

    import citeexport

    compileall.compile_dir(str(Path(citeexport.__file__).parent), quiet=1)


def pandoc_path() -> str | None:
    return run.pandoc()


def node_ready() -> str | None:
    """Why citation-js cannot run, or None when it can."""
    if not shutil.which("node"):
        return "node not installed"
    probe = subprocess.run(
        ["node", "-e", "for (const p of ['core','plugin-ris','plugin-bibtex','plugin-csl','plugin-enw','plugin-refworks'])"
         " require('@citation-js/' + p)"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    return None if probe.returncode == 0 else "citation-js plugins not installed (bash benchmarks/setup.sh)"


def zh_locale() -> Path:
    """citeproc-py's zh-CN CSL locale, for citation-js's bibliography (pandoc and citeproc-py ship their own)."""
    return Path(str(importlib.resources.files("citeproc") / "data" / "locales" / "locales-zh-CN.xml"))


PANDOC_READERS = {"ris": "ris", "bibtex": "bibtex", "csl-json": "csljson"}
PANDOC_WRITERS = {"bibtex": "bibtex", "csl-json": "csljson", "text": "plain"}
BIBUTILS_READERS = {"ris": "ris2xml", "bibtex": "bib2xml", "enw": "end2xml"}
BIBUTILS_WRITERS = {"ris": "xml2ris", "bibtex": "xml2bib", "enw": "xml2end"}


def command_for(tool: str, source: str, target: str, inp: Path, out: Path) -> Command | str:
    """The command converting ``inp`` (``source``) into ``out`` (``target``), or why ``tool`` cannot."""
    if tool == "citeexport":
        cli = citeexport_cli()
        if cli is None:
            return "citeexport not installed"
        return [*cli, target, "--from", source, str(inp), "-o", str(out), "--force", "-q", "--jobs", "1"]
    if tool == "citation-js":
        why = node_ready()
        if why:
            return why
        return ["node", str(CITATION_JS_SCRIPT), str(inp), source, str(out), target, str(GBT_STYLE), str(zh_locale())]
    if tool == "pandoc":
        pandoc = pandoc_path()
        if pandoc is None:
            return "pandoc not installed"
        if source not in PANDOC_READERS or target not in PANDOC_WRITERS:
            return "no such reader or writer"
        command = [pandoc, "-f", PANDOC_READERS[source], str(inp), "-t", PANDOC_WRITERS[target], "--wrap=none", "-o", str(out)]
        if target == "text":
            command += ["--citeproc", "--csl", str(GBT_STYLE)]
        return command
    if tool == "bibutils":
        if source not in BIBUTILS_READERS or target not in BIBUTILS_WRITERS:
            return "no such reader or writer"
        if not shutil.which(BIBUTILS_READERS[source]):
            return "bibutils not installed"
        pipe = (
            f"{BIBUTILS_READERS[source]} -i utf8 {shlex.quote(str(inp))}"
            f" | {BIBUTILS_WRITERS[target]} -o utf8 -nb > {shlex.quote(str(out))}"
        )
        return ["/bin/sh", "-c", pipe]
    raise ValueError(tool)


# -- checking an output ------------------------------------------------------------------------

_BIBTEX_ENTRY = re.compile(rb"^\s*@(?!comment|string|preamble)[A-Za-z]+\s*[{(]", re.IGNORECASE)
_LINE_MARKERS = {"ris": b"ER  -", "enw": b"%0 ", "refworks": b"RT "}


def count_records(path: Path, fmt: str) -> int | None:
    """Records in an output file (entries, ``ER`` lines, ``%0``/``RT`` lines, items, non-empty text lines)."""
    if not path.exists():
        return None
    if fmt == "csl-json":
        try:
            items = json.loads(path.read_bytes())
        except ValueError:
            return None
        return len(items) if isinstance(items, list) else 1
    count = 0
    with open(path, "rb") as handle:
        for line in handle:
            if fmt == "bibtex":
                count += bool(_BIBTEX_ENTRY.match(line))
            elif fmt == "text":
                count += bool(line.strip())
            else:
                count += line.startswith(_LINE_MARKERS[fmt])
    return count


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("{", "").replace("}", "")).lower()


@dataclass
class Sample:
    """Titles and DOIs of every ``SAMPLE_EVERY``-th input record, by language."""

    titles: dict[str, list[str]] = field(default_factory=lambda: {"zh": [], "en": []})
    dois: dict[str, list[str]] = field(default_factory=lambda: {"zh": [], "en": []})


def sample_ris(path: Path) -> Sample:
    """The sample, read from a RIS file (every corpus has one: ordinary and hostile)."""
    sample = Sample()
    index, title, doi = 0, None, None
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            tag, value = line[:2], line[6:].rstrip("\r\n")
            if tag == "TI":
                title = value
            elif tag == "DO":
                doi = value
            elif tag == "ER":
                if index % SAMPLE_EVERY == 0 and title:
                    lang = "zh" if re.search(r"[\u4e00-\u9fff]", title) else "en"
                    sample.titles[lang].append(_normalised(title))
                    if doi:
                        sample.dois[lang].append(doi.lower())
                index, title, doi = index + 1, None, None
    return sample


def kept(path: Path, sample: Sample) -> dict[str, str]:
    """Share of the sampled titles and DOIs found in the output, per language."""
    if not path.exists() or path.stat().st_size > FIDELITY_MAX_BYTES:
        return {}
    text = _normalised(path.read_text(encoding="utf-8", errors="replace"))
    found: dict[str, str] = {}
    for kind, values in (("titles", sample.titles), ("DOIs", sample.dois)):
        for lang in ("zh", "en"):
            if values[lang]:
                share = sum(value in text for value in values[lang]) / len(values[lang])
                found[f"{kind} {lang}"] = f"{100 * share:.0f} %"
    return found


# -- running cases -------------------------------------------------------------------------------


def measure_one(command: Command, timeout: float) -> tuple[float, float, float, int, str]:
    """Like ``run.measure`` without its /proc sampler, for cases whose peak is one process's.

    GNU time gives the child's peak RSS, and for a shell pipeline the largest of its processes;
    the sampler, which scans all of /proc every 20 ms, costs a share of a core that a case on a
    2-core machine would feel, so it runs only where workers make the sum matter (``--jobs 2``).
    """
    stderr_path = OUT_DIR / "stderr.txt"
    rss_path = OUT_DIR / "rss.txt"
    rss_path.unlink(missing_ok=True)
    with open(stderr_path, "w", encoding="utf-8") as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(run.timed(command, rss_path), stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
        timer = threading.Timer(timeout, os.killpg, (child.pid, 9))  # our own child's process group
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        timer.cancel()
    lines = stderr_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    tail = " | ".join(line for line in lines[-3:] if not line.startswith("Command exited with non-zero status"))
    code = -9 if wall >= timeout else os.waitstatus_to_exitcode(status)
    largest = run.peak_rss_mb(rss_path, usage.ru_maxrss)
    return wall, largest, largest, code, tail


def run_cases(cases: list[Case], repeat: int, repeat_large: int, timeout: float, samples: dict[str, Sample]) -> None:
    """Run every case ``repeat`` times, the repetitions interleaved; fills walls, RSS, counts."""
    rounds = max(repeat, repeat_large)
    for round_ in range(rounds):
        for case in cases:
            wanted = repeat_large if case.records >= 100_000 else repeat
            if case.skipped or round_ >= wanted:
                continue
            out = Path(case.output) if case.output else None
            if out is not None:
                out.unlink(missing_ok=True)
            label = f"{case.corpus} {case.source} → {case.target} {case.tool}" + (f" --jobs {case.jobs}" if case.jobs else "")
            print(f"[{round_ + 1}/{wanted}] {label}: {shlex.join(case.command)}", file=sys.stderr)
            try:
                measure = run.measure if case.jobs and case.jobs > 1 else measure_one
                wall, max_rss, tree_rss, code, tail = measure(case.command, timeout)
            except OSError as exc:
                case.skipped = f"cannot start: {exc}"
                continue
            if code != 0:
                case.skipped = f"timed out after {timeout:.0f} s" if code == -9 else f"exit {code}: {tail[:200]}"
                continue
            case.walls.append(wall)
            case.rss_mb = max(case.rss_mb or 0, max_rss)
            case.tree_rss_mb = max(case.tree_rss_mb or 0, tree_rss)
            if out is not None and round_ == 0:
                case.output_records = count_records(out, case.target)
                if case.corpus in samples:
                    case.kept = kept(out, samples[case.corpus])
            if case.source == "regex" and round_ == 0:
                case.note = tail  # "N matches"
        # big outputs are not kept between rounds: disk, and the page cache of the next case
        for case in cases:
            if case.output and case.records >= 100_000:
                Path(case.output).unlink(missing_ok=True)


# -- the sections --------------------------------------------------------------------------------


def ordinary_files(size: int, seed: int) -> dict[str, Path]:
    folder = CORPUS_DIR / f"ordinary-{size}-s{seed}"
    paths = {fmt: folder / name for fmt, name in ordinary_corpus.FILE_NAMES.items()}
    if not all(path.exists() for path in paths.values()):
        partial = folder.with_name(folder.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        started = time.perf_counter()
        ordinary_corpus.write_corpus(size, partial, seed)
        shutil.rmtree(folder, ignore_errors=True)
        partial.replace(folder)
        print(f"generated {folder.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return paths


def seedlike_dump(size: int, seed: int) -> Path:
    path = CORPUS_DIR / f"seedlike-{size}-s{seed}.txt"
    if not path.exists():
        partial = path.with_suffix(".partial")
        started = time.perf_counter()
        ordinary_corpus.write_dump(size, partial, seed)
        partial.replace(path)
        print(
            f"generated {path.name}: {path.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - started:.1f} s", file=sys.stderr
        )
    return path


def conversion_cases(
    corpus: str, files: dict[str, Path], records: int, sources: Iterable[str], tools: Iterable[str]
) -> list[Case]:
    cases = []
    for source in sources:
        for target in TARGETS:
            if target == source:
                continue
            for tool in tools:
                out = OUT_DIR / f"{corpus}-{source}-to-{target}-{tool}.{EXTENSIONS[target]}"
                command = command_for(tool, source, target, files[source], out)
                if isinstance(command, str):
                    if command != "no such reader or writer":
                        cases.append(Case("conversion", corpus, source, target, tool, records, skipped=command))
                    continue
                cases.append(Case("conversion", corpus, source, target, tool, records, command=command, output=str(out)))
    return cases


def startup_cases(seed: int) -> list[Case]:
    one = ordinary_files(1, seed)  # one short record in every format
    cases: list[Case] = []
    cli = citeexport_cli()
    if cli:
        for target in ("bibtex", "ris", "text"):
            out = OUT_DIR / f"startup-dump-{target}.{EXTENSIONS[target]}"
            command = [*cli, target, str(SEED_ARTICLE), "-o", str(out), "--force", "-q"]
            cases.append(Case("startup", "one record", "dump", target, "citeexport", 1, command=command, output=str(out)))
        cases.append(Case("startup", "one record", "-", "--version", "citeexport", 1, command=[*cli, "--version"]))
    for tool in TOOLS:
        out = OUT_DIR / f"startup-ris-bibtex-{tool}.bib"
        command = command_for(tool, "ris", "bibtex", one["ris"], out)
        if isinstance(command, str):
            cases.append(Case("startup", "one record", "ris", "bibtex", tool, 1, skipped=command))
        else:
            cases.append(Case("startup", "one record", "ris", "bibtex", tool, 1, command=command, output=str(out)))
    pandoc = pandoc_path()
    if pandoc:
        cases.append(Case("startup", "one record", "-", "--version", "pandoc", 1, command=[pandoc, "--version"]))
    if shutil.which("node"):
        cases.append(Case("startup", "one record", "-", "node -e 0", "node", 1, command=["node", "-e", "0"]))
    cases.append(Case("startup", "one record", "-", "python -c pass", "python", 1, command=[sys.executable, "-c", "pass"]))
    return cases


def dump_cases(corpus: str, path: Path, size: int, jobs: Iterable[int]) -> list[Case]:
    cli = citeexport_cli()
    cases = [Case("dump", corpus, "regex", "name=", "python re", size, command=[sys.executable, str(REGEX_BASELINE), str(path)])]
    for target in ("bibtex", "ris", "text"):
        for job in jobs:
            out = OUT_DIR / f"{corpus}-dump-{size}-to-{target}-j{job}.{EXTENSIONS[target]}"
            if cli is None:
                cases.append(Case("dump", corpus, "dump", target, "citeexport", size, job, skipped="citeexport not installed"))
                continue
            command = [*cli, target, str(path), "-o", str(out), "--force", "-q", "--jobs", str(job)]
            cases.append(Case("dump", corpus, "dump", target, "citeexport", size, job, command=command, output=str(out)))
    return cases


# -- tables ----------------------------------------------------------------------------------------


def _mb(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


def _num(value: int | float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


def _skipped(reason: str) -> str:
    return "skipped: " + reason.replace("|", "/").replace("\n", " ")[:120]


def startup_table(cases: list[Case]) -> str:
    lines = ["| command | tool | wall s (median) | peak RSS MB |", "|---|---|---:|---:|"]
    for case in cases:
        what = f"{case.source} → {case.target}" if case.source != "-" else case.target
        if case.source == "dump":
            what = f"`{case.tool} {case.target} examples/article.txt`"
        elif case.source == "ris":
            what = "one short RIS record → BibTeX"
        if case.skipped:
            lines.append(f"| {what} | {case.tool} | {_skipped(case.skipped)} | |")
        else:
            lines.append(f"| {what} | {case.tool} | {case.wall:.3f} | {_mb(case.rss_mb)} |")
    return "\n".join(lines)


def matrix_table(cases: list[Case], corpus: str) -> str:
    """One row per conversion: each tool's median wall time, and citation-js's time over citeexport's."""
    by_pair: dict[tuple[str, str], dict[str, Case]] = {}
    for case in cases:
        if case.corpus == corpus and case.section == "conversion":
            by_pair.setdefault((case.source, case.target), {})[case.tool] = case
    lines = [
        "| from → to | citeexport s | records/s | citation-js s | citation-js ÷ citeexport | pandoc s | bibutils s |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]

    def wall(tools: dict[str, Case], tool: str) -> str:
        case = tools.get(tool)
        if case is None:
            return "–"
        return "fails" if case.skipped else f"{case.wall:.2f}"

    for (source, target), tools in by_pair.items():
        ours, cjs = tools.get("citeexport"), tools.get("citation-js")
        ratio = f"{cjs.wall / ours.wall:.2f}" if ours and cjs and ours.wall and cjs.wall else ""
        lines.append(
            f"| {source} → {target} | {wall(tools, 'citeexport')} | {_num(ours.rate if ours else None)} | "
            f"{wall(tools, 'citation-js')} | {ratio} | {wall(tools, 'pandoc')} | {wall(tools, 'bibutils')} |"
        )
    return "\n".join(lines)


def detail_table(cases: list[Case]) -> str:
    lines = [
        "| corpus | from → to | tool | records in | jobs | wall s | records/s | peak RSS MB (largest) | peak RSS MB (all) "
        "| records out | kept (sample) |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for case in cases:
        head = f"| {case.corpus} | {case.source} → {case.target} | {case.tool} | {case.records:,} | {case.jobs or ''} "
        if case.skipped:
            lines.append(head + f"| {_skipped(case.skipped)} | | | | | |")
            continue
        kept_text = ", ".join(f"{k} {v}" for k, v in case.kept.items()) or case.note
        lines.append(
            head + f"| {case.wall:.2f} | {_num(case.rate)} | {_mb(case.rss_mb)} | {_mb(case.tree_rss_mb)} "
            f"| {_num(case.output_records)} | {kept_text} |"
        )
    return "\n".join(lines)


def dump_table(cases: list[Case]) -> str:
    """Dump cases, each with its time relative to the regex pass over the same file."""
    regex = {(c.corpus, c.records): c.wall for c in cases if c.source == "regex" and c.wall}
    lines = [
        "| corpus | N | case | jobs | wall s | records/s | peak RSS MB (largest) | peak RSS MB (all) | records out "
        "| speed ÷ regex pass |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for case in cases:
        name = "regex pass (`name=`)" if case.source == "regex" else f"dump → {case.target}"
        head = f"| {case.corpus} | {case.records:,} | {name} | {case.jobs or ''} "
        if case.skipped:
            lines.append(head + f"| {_skipped(case.skipped)} | | | | | |")
            continue
        base = regex.get((case.corpus, case.records))
        ratio = f"{base / case.wall:.2f}" if base and case.source != "regex" else ""
        records = case.note if case.source == "regex" else _num(case.output_records)
        lines.append(
            head + f"| {case.wall:.2f} | {_num(case.rate)} | {_mb(case.rss_mb)} | {_mb(case.tree_rss_mb)} | {records} | {ratio} |"
        )
    return "\n".join(lines)


# -- main ------------------------------------------------------------------------------------------


def machine_note() -> str:
    load = os.getloadavg()
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "src"], capture_output=True, text=True).stdout
    versions = []
    pandoc = pandoc_path()
    if pandoc:
        versions.append(subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.split("\n")[0])
    if shutil.which("node"):
        versions.append("node " + subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip())
        core = Path(os.environ.get("NODE_PATH", "")) / "@citation-js" / "core" / "package.json"
        if core.exists():
            versions.append("@citation-js/core " + json.loads(core.read_text())["version"])
    return (
        f"{time.strftime('%Y-%m-%d %H:%M')}, commit {commit}{' (src modified)' if dirty else ''}, "
        f"{os.cpu_count()} CPUs, load average {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}, Python {sys.version.split()[0]}, "
        + ", ".join(versions)
    )


def main(argv: list[str] | None = None) -> int:
    global CORPUS_DIR, OUT_DIR
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 records everywhere, no 100,000-record cases")
    parser.add_argument("--only", default="startup,ordinary,hostile,dump", help="sections to run, comma-separated")
    parser.add_argument("--tools", default=",".join(TOOLS), help="tools for the conversion sections, comma-separated")
    parser.add_argument("--ordinary-size", type=int, default=10_000)
    parser.add_argument("--large-size", type=int, default=100_000, help="citeexport alone, for flat memory (0: none)")
    parser.add_argument("--hostile-size", type=int, default=10_000, help="articles of the hostile corpus (RIS)")
    parser.add_argument("--dump-sizes", default="10000,100000")
    parser.add_argument("--hostile-dump-sizes", help="sizes of the hostile dump cases (default: --dump-sizes)")
    parser.add_argument("--jobs", default="1,2", help="--jobs values for the dump cases")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--hostile-repeat", type=int, help="repetitions of the hostile conversions (default: --repeat)")
    parser.add_argument("--repeat-large", type=int, default=1, help="repetitions of cases of 100,000 records or more")
    parser.add_argument("--sources", default=",".join(FORMATS), help="input formats of the ordinary conversions")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus-dir", type=Path, default=CORPUS_DIR, help="where corpora are generated and reused")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help="where outputs and peers.json go")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per run before it is killed")
    args = parser.parse_args(argv)
    if args.quick:
        args.ordinary_size = args.hostile_size = 1000
        args.large_size = 0
        args.dump_sizes = "1000"
    CORPUS_DIR = run.CORPUS_DIR = args.corpus_dir.resolve()
    OUT_DIR = run.OUT_DIR = args.out_dir.resolve()
    sections = set(args.only.split(","))
    sources = [source for source in args.sources.split(",") if source in FORMATS]
    tools = [tool for tool in args.tools.split(",") if tool in TOOLS]
    jobs = [int(j) for j in args.jobs.split(",") if j]
    if os.environ.get("VIRTUAL_ENV"):
        os.environ.setdefault("NODE_PATH", str(Path(os.environ["VIRTUAL_ENV"]) / "node_modules"))
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    compile_citeexport()
    note = machine_note()
    print(f"measuring: {note}", file=sys.stderr)

    startup: list[Case] = []
    conversions: list[Case] = []
    dumps: list[Case] = []
    samples: dict[str, Sample] = {}

    def save() -> str:
        """Write what is measured so far (peers.json, peers.md): a long run that is stopped keeps its sections."""
        cases = [asdict(c) | {"wall": c.wall} for c in startup + conversions + dumps]
        (OUT_DIR / "peers.json").write_text(json.dumps({"measured": note, "cases": cases}, indent=1), encoding="utf-8")
        text = report(note, startup, conversions, dumps)
        (OUT_DIR / "peers.md").write_text(text, encoding="utf-8")
        return text

    if "startup" in sections:
        startup = startup_cases(args.seed)
        run_cases(startup, max(args.repeat, 5), 1, args.timeout, {})
        save()
    if "ordinary" in sections:
        files = ordinary_files(args.ordinary_size, args.seed)
        samples["ordinary"] = sample_ris(files["ris"])
        ordinary = conversion_cases("ordinary", files, args.ordinary_size, sources, tools)
        if args.large_size:
            large = ordinary_files(args.large_size, args.seed)
            for source, target in (("ris", "bibtex"), ("bibtex", "ris"), ("csl-json", "text")):
                out = OUT_DIR / f"ordinary-{args.large_size}-{source}-to-{target}.{EXTENSIONS[target]}"
                command = command_for("citeexport", source, target, large[source], out)
                if isinstance(command, list):
                    case = Case("flat memory", "ordinary", source, target, "citeexport", args.large_size, command=command)
                    case.output = str(out)
                    ordinary.append(case)
        conversions += ordinary
        run_cases(ordinary, args.repeat, args.repeat_large, args.timeout, samples)
        save()
    if "hostile" in sections:
        ris = run.corpus(args.hostile_size, args.seed, "ris")
        samples["hostile"] = sample_ris(ris)
        hostile = conversion_cases("hostile", {"ris": ris}, count_records(ris, "ris") or 0, ("ris",), tools)
        conversions += hostile
        run_cases(hostile, args.hostile_repeat or args.repeat, args.repeat_large, args.timeout, samples)
        save()
    if "dump" in sections:
        hostile_sizes = {int(s) for s in (args.hostile_dump_sizes or args.dump_sizes).split(",") if s}
        for size in (int(s) for s in args.dump_sizes.split(",") if s):
            dumps += dump_cases("seed-sized", seedlike_dump(size, args.seed), size, jobs)
            if size in hostile_sizes:
                dumps += dump_cases("hostile", run.corpus(size, args.seed, "dump"), size, jobs)
        run_cases(dumps, args.repeat, args.repeat_large, args.timeout, {})
    print(save())
    return 0


def report(note: str, startup: list[Case], conversions: list[Case], dumps: list[Case]) -> str:
    parts = [f"Measured {note}.\n"]
    if startup:
        parts.append("### Start-up: one record end to end\n\n" + startup_table(startup) + "\n")
    for corpus in ("ordinary", "hostile"):
        mine = [c for c in conversions if c.corpus == corpus and c.section == "conversion"]
        if mine:
            parts.append(
                f"### {corpus.capitalize()} corpus: median wall time per conversion\n\n" + matrix_table(mine, corpus) + "\n"
            )
    if conversions:
        parts.append("### Conversions in detail\n\n" + detail_table(conversions) + "\n")
    if dumps:
        parts.append("### Dumps: beside the bare regex pass\n\n" + dump_table(dumps) + "\n")
    return "\n".join(parts)


if __name__ == "__main__":
    sys.exit(main())

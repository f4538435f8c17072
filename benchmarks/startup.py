"""Start-up: one article converted end to end, by every citeexport writer, beside pandoc and bibutils (issue 15).

    python benchmarks/startup.py                # 15 runs of each command in each bytecode mode
    python benchmarks/startup.py --repeat 30 --modes cached

Each command is a child process started as a user starts it (``citeexport ris
examples/article.txt``, output to /dev/null), run ``--repeat`` times, the repetitions interleaved
across commands so that a change in the machine's load falls on all of them.  The table gives the
fastest and the median wall time and the median peak RSS of the child (GNU time's ``%M``, see
``run.timed``; without GNU time, ``wait4``'s figure, an upper bound).

The peers in the same run: ``pandoc --version`` and one short RIS record -> BibTeX by pandoc
(``-f ris -t bibtex``) and by bibutils (``ris2xml | xml2bib``), beside the same record through
``citeexport bibtex``, ``citeexport --version`` and ``python -c pass``.

Two bytecode modes (``--modes``), because they differ by tens of milliseconds a run:

* ``cached``: citeexport's own modules compiled once and read from ``__pycache__``, as in an
  installed package (pip writes the bytecode) or any run after the first.
* ``no-bytecode``: ``PYTHONDONTWRITEBYTECODE=1`` with citeexport's ``__pycache__`` folders
  removed first, so that every run compiles citeexport's modules from source (the library's own
  and the standard library's stay compiled); the state of a development checkout in a sandbox
  that sets the variable.

Tables go to stdout in Markdown, every measurement to benchmarks/out/startup.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import peers
import run

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ARTICLE = ROOT / "examples" / "article.txt"
WRITERS = ("bibtex", "ris", "text", "csl-json", "html", "noteexpress", "endnote-xml")
MODES = ("cached", "no-bytecode")
#: The target of issue 15 for one article end to end.
TARGET_WALL_S, TARGET_RSS_MB = 0.3, 60


@dataclass
class Row:
    what: str
    tool: str
    command: list[str]
    python: bool = False  # a Python child: the bytecode mode applies
    walls: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)
    failed: str = ""

    def summary(self) -> tuple[float, float, float] | None:
        if self.failed or not self.walls:
            return None
        return min(self.walls), statistics.median(self.walls), statistics.median(self.rss)


def package_dir() -> Path | None:
    """The folder of the citeexport package the ``citeexport`` command runs (its __pycache__ is the mode)."""
    cli = peers.citeexport_cli()
    if cli is None:
        return None
    probe = peers.subprocess.run(
        [str(Path(cli[0]).with_name("python")), "-c", "import citeexport, os; print(os.path.dirname(citeexport.__file__))"],
        capture_output=True,
        text=True,
    )
    return Path(probe.stdout.strip()) if probe.returncode == 0 and probe.stdout.strip() else None


def rows(one_ris: Path) -> list[Row]:
    found: list[Row] = []
    cli = peers.citeexport_cli()
    if cli is not None:
        for writer in WRITERS:
            found.append(Row(f"`citeexport {writer} examples/article.txt`", "citeexport", [*cli, writer, str(ARTICLE)], True))
        found.append(Row("one short RIS record → BibTeX", "citeexport", [*cli, "bibtex", str(one_ris)], True))
        found.append(Row("`citeexport --version`", "citeexport", [*cli, "--version"], True))
    pandoc = peers.pandoc_path()
    if pandoc:
        found.append(Row("one short RIS record → BibTeX", "pandoc", [pandoc, "-f", "ris", str(one_ris), "-t", "bibtex"]))
        found.append(Row("`pandoc --version`", "pandoc", [pandoc, "--version"]))
    if shutil.which("ris2xml") and shutil.which("xml2bib"):
        pipe = f"ris2xml -i utf8 {shlex.quote(str(one_ris))} | xml2bib -o utf8 -nb"
        found.append(Row("one short RIS record → BibTeX", "bibutils", ["/bin/sh", "-c", pipe]))
    found.append(Row("`python -c pass`", "python", [sys.executable, "-c", "pass"], True))
    return found


def environment(mode: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if mode == "no-bytecode":
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def prepare(mode: str, package: Path | None, cases: list[Row]) -> None:
    """``cached``: one run of each Python command writes the bytecode; ``no-bytecode``: remove it."""
    if package is None:
        return
    if mode == "no-bytecode":
        for cache in package.rglob("__pycache__"):
            shutil.rmtree(cache, ignore_errors=True)
        return
    for case in cases:
        if case.python:
            peers.subprocess.run(
                case.command, stdout=peers.subprocess.DEVNULL, stderr=peers.subprocess.DEVNULL, env=environment(mode)
            )


def measure(cases: list[Row], mode: str, repeat: int) -> None:
    saved, wanted = dict(os.environ), environment(mode)
    os.environ.clear()
    os.environ.update(wanted)  # the children inherit it (peers.measure_one takes no env)
    try:
        for round_ in range(repeat):
            for case in cases:
                if case.failed:
                    continue
                print(f"[{mode} {round_ + 1}/{repeat}] {shlex.join(case.command)}", file=sys.stderr)
                wall, rss, _, code, tail = peers.measure_one(case.command, 120)
                if code != 0:
                    case.failed = f"exit {code}: {tail[:120]}"
                    continue
                case.walls.append(wall)
                case.rss.append(rss)
    finally:
        os.environ.clear()
        os.environ.update(saved)


def table(results: dict[str, list[Row]]) -> str:
    modes = list(results)
    head = "| command | tool | " + " | ".join(f"{m}: min s | {m}: median s | {m}: RSS MB" for m in modes) + " |"
    lines = [head, "|---|---|" + "---:|---:|---:|" * len(modes)]
    for index, case in enumerate(results[modes[0]]):
        cells = []
        for mode in modes:
            row = results[mode][index]
            summary = row.summary()
            if summary is None:
                cells.append(f"{row.failed or 'not run'} | | ")
            else:
                cells.append(f"{summary[0]:.3f} | {summary[1]:.3f} | {summary[2]:.0f}")
        lines.append(f"| {case.what} | {case.tool} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def verdict(results: dict[str, list[Row]]) -> str:
    lines = []
    for mode, cases in results.items():
        ours = [
            (c, c.summary())
            for c in cases
            if c.tool == "citeexport" and c.what.startswith("`citeexport ") and "--version" not in c.what
        ]
        measured = [(c, s) for c, s in ours if s is not None]
        if not measured:
            continue
        slowest = max(measured, key=lambda pair: pair[1][1])
        largest = max(measured, key=lambda pair: pair[1][2])
        met = all(s[1] <= TARGET_WALL_S and s[2] <= TARGET_RSS_MB for _, s in measured)
        lines.append(
            f"* {mode}: slowest median {slowest[1][1]:.3f} s ({slowest[0].what}), largest RSS {largest[1][2]:.0f} MB "
            f"({largest[0].what}); target ≤ {TARGET_WALL_S} s and ≤ {TARGET_RSS_MB} MB {'met' if met else 'NOT met'}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs of each command in each mode (15)")
    parser.add_argument("--modes", default=",".join(MODES), help="bytecode modes, comma-separated: cached,no-bytecode")
    parser.add_argument("--seed", type=int, default=7, help="seed of the one short RIS record (ordinary corpus)")
    args = parser.parse_args(argv)
    peers.OUT_DIR.mkdir(parents=True, exist_ok=True)
    run.OUT_DIR = peers.OUT_DIR
    one_ris = peers.ordinary_files(1, args.seed)["ris"]
    package = package_dir()
    results: dict[str, list[Row]] = {}
    for mode in [m.strip() for m in args.modes.split(",") if m.strip()]:
        if mode not in MODES:
            parser.error(f"unknown mode {mode!r}; known: {', '.join(MODES)}")
        cases = rows(one_ris)
        prepare(mode, package, cases)
        measure(cases, mode, args.repeat)
        results[mode] = cases
    note = peers.machine_note()
    text = f"{note}, {args.repeat} runs each\n\n{table(results)}\n\n{verdict(results)}\n"
    print(text)
    (peers.OUT_DIR / "startup.md").write_text(text, encoding="utf-8")
    dump = {mode: [asdict(case) for case in cases] for mode, cases in results.items()}
    (peers.OUT_DIR / "startup.json").write_text(json.dumps({"note": note, "results": dump}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

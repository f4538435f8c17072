"""A run imports only what it needs (issue 15's start-up): one article through each writer, as a
user runs it (a child process, output on a pipe), must not import the libraries and formats it
does not use.  The modules are read from the child's ``sys.modules`` when it exits.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from citeexport.registry import FORMATS, writer_names
from support.seed import ROOT, SEED
from support.terminal import TIMEOUT, environment

#: Never needed to convert one UTF-8 article with a bundled style: citeproc-py (a user's CSL file
#: only), lxml (citeproc-py's), html5lib, pypinyin (citeexport.pinyin reads its data files, the
#: phrase dictionary included, without importing it), rich (a run that says nothing on a
#: pipe), charset-normalizer (UTF-8 needs no guessing), multiprocessing (``--jobs`` only).
NEVER = ("citeproc", "lxml", "html5lib", "pypinyin", "rich", "charset_normalizer", "multiprocessing")
#: BibTeX's full parser and LaTeX decoder: only for the BibTeX blocks the fast reading leaves to them
#: (``@string``, ``#``, unusual LaTeX), never for writing.
BIBTEX_ONLY = ("bibtexparser", "pylatexenc")
#: Formats a writer needs besides its own module (HTML renders through the text format).
ALSO_NEEDED = {"html": ("text",), "biblatex": ("bibtex",)}

_PROBE = """
import atexit, runpy, sys
listing = sys.argv[1]
atexit.register(lambda: open(listing, "w", encoding="utf-8").write("\\n".join(sorted(sys.modules))))
sys.argv = ["citeexport", *sys.argv[2:]]
runpy.run_module("citeexport", run_name="__main__")
"""


def imported_by(tmp_path: Path, *args: str) -> set[str]:
    """The modules a ``citeexport ARGS`` run has imported when it exits (its stdout a pipe)."""
    listing = tmp_path / "modules.txt"
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(listing), *args],
        capture_output=True,
        timeout=TIMEOUT,
        env=environment(),
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout and done.stderr == b"", done.stderr.decode()  # a quiet success
    return set(listing.read_text(encoding="utf-8").split())


def _module(name: str) -> str:
    entry = FORMATS[name]
    return entry if isinstance(entry, str) else entry.module


def _loaded(modules: set[str], package: str) -> list[str]:
    return sorted(m for m in modules if m == package or m.startswith(package + "."))


@pytest.mark.parametrize("writer", writer_names())
def test_one_article_imports_only_what_its_writer_needs(tmp_path: Path, writer: str) -> None:
    modules = imported_by(tmp_path, writer, str(SEED))
    assert _module(writer) in modules and _module("dump") in modules  # the probe sees what the run imports
    unwanted = [*NEVER, *BIBTEX_ONLY]
    needed = {"dump", writer, *ALSO_NEEDED.get(writer, ())}
    unwanted += [_module(name) for name in FORMATS if name not in needed]
    found = {package: _loaded(modules, package) for package in unwanted}
    assert {package: names for package, names in found.items() if names} == {}


def test_the_probe_sees_a_library_a_run_imports(tmp_path: Path) -> None:
    """What the check above relies on: a module imported during the run is listed (a user's CSL
    file is rendered by citeproc-py, so that run imports it)."""
    style = ROOT / "styles" / "gb7714-2015.csl"
    if not style.exists():
        pytest.skip(f"no bundled CSL file at {style.relative_to(ROOT)}")
    copied = tmp_path / "mine.csl"
    copied.write_text(style.read_text(encoding="utf-8").replace("<title>", "<title>Mine: ", 1), encoding="utf-8")
    modules = imported_by(tmp_path, "text", "--style", str(copied), str(SEED))
    assert _loaded(modules, "citeproc")


_PLAIN_BIB = (
    "@article{li2020,\n  author = {李明 and Smith, John},\n  title = {A {DNA} Study},\n  journal = {Cell},\n  year = {2020}\n}\n"
)


@pytest.mark.parametrize(
    ("text", "parser_imported"),
    [
        (_PLAIN_BIB, False),  # plain entries: the fast reading alone
        ('@string{cell = "Cell"}\n' + _PLAIN_BIB.replace("{Cell}", "cell"), True),  # a macro: bibtexparser's parse
    ],
    ids=["plain", "string-macro"],
)
def test_bibtexparser_is_imported_only_for_a_block_it_parses(tmp_path: Path, text: str, parser_imported: bool) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(text, encoding="utf-8")
    modules = imported_by(tmp_path, "ris", str(bib))
    assert _module("bibtex") in modules
    assert bool(_loaded(modules, "bibtexparser")) is parser_imported


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_alone_imports_no_command_line_machinery(tmp_path: Path, flag: str) -> None:
    """``citeexport -V`` answers before typer, rich, pydantic and the model are imported (as pandoc's
    ``--version``, it costs the interpreter's start and nothing else)."""
    modules = imported_by(tmp_path, flag)
    found = {package: _loaded(modules, package) for package in ("typer", "click", "rich", "pydantic", "citeexport.cli")}
    assert {package: names for package, names in found.items() if names} == {}
    assert "citeexport.launch" in modules  # the probe ran the entry point


def test_version_after_a_command_still_goes_through_the_command_line(tmp_path: Path) -> None:
    assert "citeexport.cli" in imported_by(tmp_path, "bibtex", "--version")


def test_a_chinese_title_key_needs_no_pypinyin_import(tmp_path: Path) -> None:
    """A Chinese-only record's BibTeX key takes the pinyin of the title's first word, cut with
    pypinyin's phrase dictionary: read from its data file, pypinyin itself not imported."""
    ris = tmp_path / "zh.ris"
    ris.write_text("TY  - JOUR\nAU  - 刘国\nTI  - 重庆大学的随机森林\nPY  - 2013\nER  - \n", encoding="utf-8")
    modules = imported_by(tmp_path, "bibtex", str(ris))
    assert _loaded(modules, "citeexport.pinyin") and not _loaded(modules, "pypinyin")


_PLUGIN_PROBE = """
import atexit, runpy, sys
report = sys.argv[1]
def scanned():
    loader = sys.modules.get("pydantic.plugin._loader")
    return "scanned" if loader is not None and loader._plugins is not None else "not scanned"
atexit.register(lambda: open(report, "w", encoding="utf-8").write(scanned()))
sys.argv = ["citeexport", *sys.argv[2:]]
runpy.run_module("citeexport", run_name="__main__")
"""


def _plugin_scan(tmp_path: Path, code: str, *args: str) -> str:
    report = tmp_path / "plugins.txt"
    env = {key: value for key, value in environment().items() if key != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(report), *args], capture_output=True, timeout=TIMEOUT, env=env, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    return report.read_text(encoding="utf-8")


def test_the_executable_does_not_look_for_pydantic_plugins(tmp_path: Path) -> None:
    """Finding pydantic's plugins reads every installed distribution's entry points: the executable
    turns them off (``PYDANTIC_DISABLE_PLUGINS``), a program importing the library keeps them."""
    assert _plugin_scan(tmp_path, _PLUGIN_PROBE, "ris", str(SEED)) == "not scanned"
    library = (
        "import sys\nfrom citeexport import api\nlist(api.read(sys.argv[2], 'dump'))\n"
        "open(sys.argv[1], 'w').write('scanned' if sys.modules['pydantic.plugin._loader']._plugins is not None else 'not scanned')"
    )
    assert _plugin_scan(tmp_path, library, str(SEED)) == "scanned"

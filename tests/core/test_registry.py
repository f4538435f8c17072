"""The registry: one table of format name -> module, loud about a broken entry; the core names no format."""

from __future__ import annotations

import ast
import sys
import types
from pathlib import Path

import pytest

import citeexport
from citeexport import registry
from citeexport.errors import UnknownFormatError
from citeexport.formats import base
from citeexport.formats.tagged.ris import RisWriter

SRC = Path(citeexport.__file__).resolve().parent
#: Modules of the core: they may use formats/base.py (the contract) and the registry, no format's internals.
CORE = (
    "api.py",
    "cli.py",
    "cli_help.py",
    "cli_params.py",
    "inputs.py",
    "model.py",
    "options.py",
    "output.py",
    "pipeline.py",
    "record_warnings.py",
    "report.py",
    "registry.py",
    "sniffing.py",
)


#: The formats both read and written, in the registry's order.
INTERCHANGE = ["bibtex", "biblatex", "ris", "enw", "refworks", "noteexpress", "csl-json", "endnote-xml"]


def test_every_listed_format_offers_what_its_name_says() -> None:
    assert list(registry.readers()) == ["dump", *INTERCHANGE]
    assert list(registry.writers()) == [*INTERCHANGE, "text", "html"]
    for name, cls in {**registry.readers(), **registry.writers()}.items():
        assert cls.name == name


def test_unknown_names_are_usage_errors() -> None:
    with pytest.raises(UnknownFormatError, match="no reader for format 'nope'"):
        registry.get_reader("nope")
    with pytest.raises(UnknownFormatError, match="no writer for format 'dump'"):
        registry.get_writer("dump")
    assert registry.get_writer("RIS").name == "ris"


@pytest.fixture
def fresh_registry(monkeypatch: pytest.MonkeyPatch) -> dict[str, registry.Format | str]:
    """The registry as before its first use, with a table the test may change."""
    monkeypatch.setattr(registry, "_READERS", {})
    monkeypatch.setattr(registry, "_WRITERS", {})
    monkeypatch.setattr(registry, "_CARRIES", {})
    monkeypatch.setattr(registry, "_LOADED", set())
    table = dict(registry.FORMATS)
    monkeypatch.setattr(registry, "FORMATS", table)
    return table


def test_a_listed_module_that_does_not_import_fails_loudly(fresh_registry: dict[str, registry.Format | str]) -> None:
    fresh_registry["noteexpress"] = "citeexport.formats.tagged.noteexpress_not_written"
    with pytest.raises(registry.RegistryError, match=r"noteexpress.*does not import"):
        registry.writers()


@pytest.mark.parametrize(
    ("offers", "message"),
    [
        ({}, "neither READER nor WRITER"),
        ({"WRITER": object}, "not a Writer"),
        ({"WRITER": RisWriter}, "is RisWriter, named 'ris'"),
    ],
)
def test_a_module_offering_nothing_or_the_wrong_thing_fails_loudly(
    fresh_registry: dict[str, registry.Format | str], monkeypatch: pytest.MonkeyPatch, offers: dict[str, object], message: str
) -> None:
    module = types.ModuleType("citeexport_test_format")
    for key, value in offers.items():
        setattr(module, key, value)
    monkeypatch.setitem(sys.modules, module.__name__, module)
    fresh_registry["other"] = module.__name__
    with pytest.raises(registry.RegistryError, match=message):
        registry.readers()


def _imports(path: Path) -> set[str]:
    """Absolute names of the citeexport modules ``path`` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = "citeexport." if node.level else ""
            module = base + (node.module or "")
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("citeexport.formats")}


@pytest.mark.parametrize("module", CORE)
def test_the_core_imports_no_formats_internals(module: str) -> None:
    allowed = {"citeexport.formats", "citeexport.formats.base", *(f"citeexport.formats.base.{name}" for name in dir(base))}
    assert _imports(SRC / module) <= allowed


def test_every_line_says_what_its_module_offers(fresh_registry: dict[str, registry.Format | str]) -> None:
    """What a line says (read before its module is imported) is what the module offers."""
    assert all(isinstance(entry, registry.Format) for entry in fresh_registry.values())
    registry.readers()  # imports every module and checks it against its line
    assert registry.reader_names() == list(registry.readers()) and registry.writer_names() == list(registry.writers())
    for name, cls in registry.readers().items():
        entry = fresh_registry[name]
        assert isinstance(entry, registry.Format) and entry.reads == tuple(cls.extensions)


def test_a_line_saying_other_than_its_module_fails_loudly(fresh_registry: dict[str, registry.Format | str]) -> None:
    fresh_registry["ris"] = registry.Format("citeexport.formats.tagged.ris", reads=("ris", "txt"), writes=True)
    with pytest.raises(registry.RegistryError, match=r"format 'ris': the registry says .* offers"):
        registry.get_writer("ris")


def test_a_line_that_is_only_a_module_name_is_imported_to_know(fresh_registry: dict[str, registry.Format | str]) -> None:
    fresh_registry["ris"] = "citeexport.formats.tagged.ris"
    assert "ris" in registry.reader_names() and "ris" in registry.writer_names()
    assert registry.detect_reader("refs.ris", "TY  - JOUR\n").name == "ris"


def test_a_run_imports_only_the_formats_it_uses(fresh_registry: dict[str, registry.Format | str]) -> None:
    """Detecting a dump by its .txt suffix and content, and writing RIS, load two formats (refworks
    also claims .txt, but the dump reader, asked first, recognises the content)."""
    assert registry.detect_reader("issue.txt", "Article(id=1, doi=null)\n").name == "dump"
    assert registry.get_writer("ris").name == "ris"
    assert sorted(registry._LOADED) == ["dump", "ris"]

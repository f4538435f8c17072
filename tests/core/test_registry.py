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


def test_every_listed_format_offers_what_its_name_says() -> None:
    assert list(registry.readers()) == ["dump", "bibtex", "ris", "enw", "refworks", "csl-json", "endnote-xml"]
    assert list(registry.writers()) == ["bibtex", "ris", "enw", "refworks", "csl-json", "endnote-xml", "text"]
    for name, cls in {**registry.readers(), **registry.writers()}.items():
        assert cls.name == name


def test_unknown_names_are_usage_errors() -> None:
    with pytest.raises(UnknownFormatError, match="no reader for format 'nope'"):
        registry.get_reader("nope")
    with pytest.raises(UnknownFormatError, match="no writer for format 'dump'"):
        registry.get_writer("dump")
    assert registry.get_writer("RIS").name == "ris"


@pytest.fixture
def fresh_registry(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The registry as before its first use, with a table the test may change."""
    monkeypatch.setattr(registry, "_READERS", {})
    monkeypatch.setattr(registry, "_WRITERS", {})
    table = dict(registry.FORMATS)
    monkeypatch.setattr(registry, "FORMATS", table)
    return table


def test_a_listed_module_that_does_not_import_fails_loudly(fresh_registry: dict[str, str]) -> None:
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
    fresh_registry: dict[str, str], monkeypatch: pytest.MonkeyPatch, offers: dict[str, object], message: str
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

"""Every reference type through both BibTeX dialects: golden entries, the types kept, nothing lost silently,
biber's data model (``biber --tool --validate-datamodel``, Debian's biber) and pandoc's two readers.

Golden files: ``golden/types/<dialect>/<case>.bib`` and ``warnings.json`` (what the writer said of each
case).  After a deliberate change: ``UPDATE_GOLDEN=1 pytest tests/formats/bibtex/test_bib_types.py`` and
review the diff.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
from pybtex.database import parse_string as pybtex_parse

from citeexport.formats.bibtex import datamodel
from citeexport.formats.bibtex.fields import carries
from citeexport.formats.bibtex.tables import BIBLATEX_TYPES
from citeexport.inputs import split_lines
from citeexport.markup import to_unicode
from citeexport.model import CSL_TYPES, Citation
from citeexport.oneline import one_line
from citeexport.registry import get_reader, get_writer
from support.tagged_types import TYPE_CASES, kept_fields, written_and_read_back

DIALECTS = ("bibtex", "biblatex")
GOLDEN = Path(__file__).resolve().parent / "golden" / "types"
CASES = [(dialect, case) for dialect in DIALECTS for case in TYPE_CASES]
IDS = [f"{d}-{c}" for d, c in CASES]


def write(dialect: str, citation: Citation) -> tuple[str, list[str]]:
    writer = get_writer(dialect)()
    text = writer.write(citation)
    return text, writer.take_warnings()


def read(dialect: str, text: str) -> list[Citation]:
    records = list(get_reader(dialect)().read(split_lines(text)))
    assert [r.error for r in records] == [None] * len(records)
    return [r.citation for r in records if r.citation is not None]


@pytest.mark.parametrize(("dialect", "case"), CASES, ids=IDS)
def test_golden_entry(dialect: str, case: str) -> None:
    text, _ = write(dialect, TYPE_CASES[case])
    path = GOLDEN / dialect / f"{case}.bib"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("dialect", DIALECTS)
def test_golden_warnings(dialect: str) -> None:
    said = {case: write(dialect, citation)[1] for case, citation in TYPE_CASES.items()}
    path = GOLDEN / dialect / "warnings.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(said, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert said == json.loads(path.read_text(encoding="utf-8"))


def _plain(value: Any) -> Any:
    """What both dialects keep of text: one line, runs of spaces one, rich text compared as plain."""
    if isinstance(value, str):
        return re.sub(r" {2,}", " ", html.unescape(one_line(to_unicode(value) or "")))
    if isinstance(value, tuple):
        return tuple(_plain(v.whole) if hasattr(v, "whole") else _plain(v) for v in value)
    return value


@pytest.mark.parametrize(("dialect", "case"), CASES, ids=IDS)
def test_every_field_comes_back_or_is_named_in_a_warning(dialect: str, case: str) -> None:
    citation = TYPE_CASES[case]
    back, warned = written_and_read_back(citation, lambda c: write(dialect, c), lambda text: read(dialect, text))
    for field, original, found in kept_fields(citation, back, warned):
        if field == "issued" and dialect == "bibtex":  # year and month (the README's table says so)
            lost: dict[str, object] = {"circa": False} if "issued (circa)" in warned else {}
            lost |= {"season": None} if "issued (season)" in warned else {}
            lost |= {"end": None} if "issued (range end)" in warned else {}
            original = original.model_copy(update={"day": None, **lost})
            found = found.model_copy(update={"day": None})
        if field == "genre" and dialect == "bibtex" and original is None:
            continue
        assert _plain(found) == _plain(original), field


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("csl_type", CSL_TYPES)
def test_every_csl_type_is_written_as_itself_or_said_to_be_not(dialect: str, csl_type: str) -> None:
    """The type comes back, or a warning names it; and CARRIES (the README's table) says which."""
    citation = Citation.model_validate({"type": csl_type, "texts": {"en": {"title": "T"}}})
    back, _ = written_and_read_back(citation, lambda c: write(dialect, c), lambda text: read(dialect, text))
    assert (back.type == csl_type) is ("type" in carries(dialect)[csl_type])


def test_biblatex_writes_the_roles_it_has_editor_types_for_in_editora_to_editorc() -> None:
    from citeexport.model import LocalizedText, Name

    roles = {role: (Name(family=role.title(), given="X"),) for role in ("compiler", "contributor", "director", "organizer")}
    book = Citation(type="book", texts={"en": LocalizedText(title="T", names={"author": (Name(family="A"),), **roles})})
    text, warnings = write("biblatex", book)
    assert "editora = {Compiler, X},\n  editoratype = {compiler}" in text
    assert "editorc = {Organizer, X},\n  editorctype = {organizer}" in text
    assert warnings == ["fields the format cannot hold, not written: contributor"]  # a fourth: there is no editord
    (back,) = read("biblatex", text)
    assert {role: back.text("en").name_list(role) for role in roles} == {**roles, "contributor": ()}  # type: ignore[misc]
    alone = Citation(type="book", texts={"en": LocalizedText(title="T", names={"contributor": roles["contributor"]})})
    text, _ = write("biblatex", alone)
    assert "editoratype = {collaborator}" in text  # biblatex's key for a contributor
    assert read("biblatex", text)[0].text("en").name_list("contributor") == roles["contributor"]


def test_biblatex_types_are_types_bibers_data_model_has_fields_for() -> None:
    for entry_type in {*BIBLATEX_TYPES.values(), "misc"}:
        assert entry_type in datamodel.BIBLATEX_TYPE_FIELDS, entry_type


# -- independent readers ------------------------------------------------------------------------------


def _biber_conf() -> Path | None:
    """Where the installed biber keeps its tool data model (``Biber/biber-tool.conf`` beside ``Biber.pm``)."""
    if shutil.which("perl") is None:
        return None
    done = subprocess.run(["perl", "-MBiber", "-e", 'print $INC{"Biber.pm"}'], capture_output=True, text=True, timeout=60)
    conf = Path(done.stdout).with_suffix("") / "biber-tool.conf" if done.returncode == 0 and done.stdout else None
    return conf if conf is not None and conf.exists() else None


def _biber_conf_types(path: Path) -> dict[str, set[str]]:
    text = path.read_text(encoding="utf-8")
    model = text[text.index("<datamodel>") :]
    out: dict[str, set[str]] = {}
    for block in re.findall(r"<entryfields>(.*?)</entryfields>", model, re.S):
        fields = set(re.findall(r"<field>(\w+)</field>", block))
        for entry_type in re.findall(r"<entrytype>(\w+)</entrytype>", block) or ["*"]:
            out.setdefault(entry_type, set()).update(fields)
    return out


def test_the_biblatex_table_is_bibers_data_model() -> None:
    """Our copy of biber's data model (``datamodel.py``) is the file Debian's biber ships."""
    path = _biber_conf()
    if path is None:
        pytest.skip("Debian's biber is not installed; .ci/run installs it")
    conf = _biber_conf_types(path)
    assert conf["*"] == datamodel.BIBLATEX_COMMON
    for entry_type, fields in datamodel.BIBLATEX_TYPE_FIELDS.items():
        if entry_type == "standard":  # biber 2.18's file lists none: biblatex 3.18's manual (§2.1.1) does
            assert entry_type not in conf
            continue
        assert fields == conf[entry_type], entry_type


def _all_entries(dialect: str) -> str:
    """Every type case and every CSL type with every field, in one file."""
    from roundtrip.test_roundtrip import every_field

    writer = get_writer(dialect)()
    citations = [*TYPE_CASES.values(), *(every_field(csl_type) for csl_type in CSL_TYPES)]
    return "".join(writer.write(citation) for citation in citations)


#: biber's warnings that are about the data, not the format: test ISBNs with no valid check digit, an
#: online entry with no URL; a literal date (``n.d.``, ``In press``) in ``year``, which biber does not sort
#: by (``year`` is what classic tools and pandoc read it from; biblatex has no literal date field).
_DATA_WARNINGS = re.compile(
    r"ISBN '[^']*' in entry|Missing mandatory field|legacy year field|Invalid value of field 'year' must be datatype 'datepart'"
)


def test_biber_validates_every_biblatex_entry(tmp_path: Path) -> None:
    if shutil.which("biber") is None:
        pytest.skip("Debian's biber is not installed; .ci/run installs it")
    source = tmp_path / "all.bib"
    source.write_text(_all_entries("biblatex"), encoding="utf-8")
    done = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", source.name],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = (done.stdout + done.stderr).splitlines()
    problems = [line for line in lines if line.startswith(("WARN", "ERROR")) and not _DATA_WARNINGS.search(line)]
    # @standard: biber 2.18's tool data model has the type but lists no field for it (biblatex 3.18 does)
    problems = [line for line in problems if "for entrytype 'standard'" not in line]
    assert problems == []
    assert any("Datamodel validation complete" in line for line in lines)


def _pandoc() -> str:
    pypandoc = pytest.importorskip("pypandoc", reason="pypandoc-binary (test extra) provides pandoc")
    return str(pypandoc.get_pandoc_path())


@pytest.mark.parametrize("dialect", DIALECTS)
def test_pandoc_reads_every_entry_in_its_dialect(dialect: str) -> None:
    """pandoc's ``-f bibtex`` / ``-f biblatex``: every entry, its title, first author and year as ours."""
    text = _all_entries(dialect)
    done = subprocess.run(
        [_pandoc(), "-f", dialect, "-t", "csljson"], input=text, capture_output=True, text=True, check=True, timeout=120
    )
    items = json.loads(done.stdout)
    ours = read(dialect, text)
    assert len(items) == len(ours) == len(re.findall(r"^@", text, re.M))
    for item, citation in zip(items, ours, strict=True):
        lang = citation.languages[0]
        # pandoc makes English titles sentence case (CSL styles case them again): compared case-blind
        assert one_line(to_unicode(item["title"]) or "").lower() == _plain(citation.text(lang).title).lower()
        first = citation.text(lang).authors[:1]
        if first and first[0].literal is None and not first[0].is_cjk:
            assert item["author"][0].get("family") == first[0].family_full
        issued = citation.issued
        if issued is not None and issued.year is not None and (issued.year > 0 or dialect == "biblatex"):
            # CSL years count BCE (EDTF -0876 is CSL's -877, as Date.parts says); pandoc's -f bibtex reads
            # no year before 1
            assert item["issued"]["date-parts"][0][0] == issued.parts()[0]


@pytest.mark.parametrize("dialect", DIALECTS)
def test_bibtexparser_and_pybtex_read_every_entry(dialect: str) -> None:
    text = _all_entries(dialect)
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    count = len(re.findall(r"^@", text, re.M))
    assert len(library.entries) == count
    assert len(pybtex_parse(text, "bibtex").entries) == count

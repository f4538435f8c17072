"""Every type's record as independent readers see it: rispy and bibutils (RIS, EndNote), citation-js
(EndNote, RefWorks).  Each reader is installed or the test skips with the reason (support.tagged_readers)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from citeexport.formats.base import TYPE_NOT_HELD
from citeexport.formats.tagged import enw, refworks, ris
from citeexport.model import Citation
from citeexport.record_warnings import kind_of
from support.tagged_readers import CITATION_JS_MODULES
from support.tagged_types import TYPE_CASES

MODS = "{http://www.loc.gov/mods/v3}"


def _lines(text: str, newline: str) -> list[tuple[str, str]]:
    """(tag, value) of a record as our writer laid it out."""
    out = []
    for line in text.split(newline):
        if line[:2] and line[2:6] == "  - ":
            out.append((line[:2], line[6:]))
    return out


@pytest.mark.parametrize("case", TYPE_CASES)
def test_rispy_reads_every_line_into_the_field_of_its_tag(case: str) -> None:
    rispy = pytest.importorskip("rispy", reason="rispy is not installed")
    text = ris.RisWriter().write(TYPE_CASES[case])
    (entry,) = rispy.loads(text)
    lines = _lines(text, "\r\n")
    assert entry["type_of_reference"] == lines[0][1]
    for tag, value in lines[1:]:
        if tag == "ER":
            continue
        found = entry[rispy.TAG_KEY_MAPPING[tag]]
        assert value in found if isinstance(found, list) else found == value, (tag, value, found)


def _mods(tool: str, text: str) -> ET.Element:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"bibutils' {tool} is not installed (Debian package bibutils)")
    run = subprocess.run([path, "-un", "-nl", "-nt"], input=text.encode(), capture_output=True, check=True)
    (mods,) = ET.fromstring(run.stdout.decode()).findall(f"{MODS}mods")
    return mods


#: The MODS genre bibutils gives each type we write (its own reading of the RIS code or EndNote name).
BIBUTILS_GENRES = {
    "book": "book",
    "chapter": "book chapter",
    "thesis": "thesis",
    "report": "technical report",
    "patent": "patent",
    "article-newspaper": "newspaper",
    "article-magazine": "magazine",
    "webpage": "web page",
    "paper-conference": "conference publication",
}


#: What bibutils 7.2 does not know (observed): the RIS codes CPAPER and WEB (no genre: read as a generic
#: reference); an EndNote patent's %I (the assignee, read as a name, not a publisher).
BIBUTILS_GAPS = {("ris2xml", "paper-conference"): "genre", ("ris2xml", "webpage"): "genre", ("end2xml", "patent"): "publisher"}


@pytest.mark.parametrize("tool", ["ris2xml", "end2xml"])
@pytest.mark.parametrize("case", sorted(BIBUTILS_GENRES))
def test_bibutils_reads_the_type_the_title_and_the_publisher(tool: str, case: str) -> None:
    gap = BIBUTILS_GAPS.get((tool, case))
    citation = TYPE_CASES[case]
    writer = ris.RisWriter() if tool == "ris2xml" else enw.EnwWriter()
    mods = _mods(tool, writer.write(citation))
    genres = {g.text for g in mods.iter(f"{MODS}genre")}
    assert (BIBUTILS_GENRES[case] in genres) == (gap != "genre"), genres
    text = citation.texts[citation.languages[0]]
    assert mods.findtext(f"{MODS}titleInfo/{MODS}title") == text.title
    publishers = {p.text for p in mods.iter(f"{MODS}publisher")}
    if text.publisher:
        assert (text.publisher in publishers) == (gap != "publisher"), publishers
    if citation.isbn:
        assert citation.isbn in {i.text for i in mods.iter(f"{MODS}identifier") if i.get("type") == "isbn"}


_CITATION_JS = """
const { Cite } = require('@citation-js/core')
require('@citation-js/plugin-refworks')
require('@citation-js/plugin-enw')
const data = new Cite(require('fs').readFileSync(0, 'utf8'), { forceType: process.argv[1] }).data
process.stdout.write(JSON.stringify(data.map(({ _graph, ...item }) => item)))
"""


def _citation_js(input_type: str, text: str) -> list[dict]:
    node = shutil.which("node")
    if node is None or not (CITATION_JS_MODULES / "@citation-js" / "plugin-refworks").is_dir():
        pytest.skip(f"citation-js is not installed in {CITATION_JS_MODULES} (node + npm packages @citation-js/*)")
    env = {**os.environ, "NODE_PATH": str(CITATION_JS_MODULES)}
    run = subprocess.run([node, "-e", _CITATION_JS, input_type], input=text.encode(), capture_output=True, check=True, env=env)
    return list(json.loads(run.stdout))


#: The types citation-js has no name for in each plugin (it reads them as document or its nearest).
CITATION_JS_UNKNOWN = {
    "enw": {"interview"},  # EndNote 20's "Interview": plugin-enw 0.3 predates it
    "refworks": {"article", "dataset", "document", "legal_case", "standard", "interview"},
}


def _expected(citation: Citation) -> dict[str, object]:
    text = citation.texts[citation.languages[0]]
    return {key: value for key, value in (("publisher", text.publisher), ("ISBN", citation.isbn)) if value}


@pytest.mark.parametrize("fmt", ["enw", "refworks"])
@pytest.mark.parametrize("case", TYPE_CASES)
def test_citation_js_reads_the_csl_type_back(fmt: str, case: str) -> None:
    citation = TYPE_CASES[case]
    writer = enw.EnwWriter() if fmt == "enw" else refworks.RefworksWriter()
    (item,) = _citation_js(f"@{fmt}/file", writer.write(citation))
    held = not [w for w in writer.take_warnings() if kind_of(w).startswith(TYPE_NOT_HELD)]
    if held and case not in CITATION_JS_UNKNOWN[fmt]:
        assert item["type"] == citation.type
    if case in ("book", "chapter", "paper-conference", "software", "map"):
        assert {key: item.get(key) for key in _expected(citation)} == _expected(citation)

"""Every EndNote reference type the table writes: golden EndNote XML, the golden read back, every field
back or named in a warning, and bibutils' ``endx2xml`` reading each record as that type with its title,
names and the type's key fields.

Golden files: ``golden/types/<case>.xml`` (the writer's whole output for the case), ``<case>.json``
(that output read back, and what the reader said), ``warnings.json`` (what the writer said).  After a
deliberate change: ``UPDATE_GOLDEN=1 pytest tests/formats/endnote_xml/test_endnote_xml_types.py`` and
review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

import pytest

from citeexport.cjk import has_cjk
from citeexport.formats.base import QUIETLY_OMITTED, present_fields
from citeexport.formats.endnote_xml.table import EDITED_BOOK, WRITTEN_TYPES
from citeexport.inputs import split_lines
from citeexport.markup import to_plain
from citeexport.model import Citation, Date, LocalizedText, Name, Role
from citeexport.record_warnings import names_of
from citeexport.registry import get_reader, get_writer
from support.tagged_readers import rich_citation
from support.tagged_types import SMITH, TYPE_CASES, field_value

GOLDEN = Path(__file__).resolve().parent / "golden" / "types"
DOE = Name(family="Doe", given="John")


def _en(title: str, **fields: Any) -> dict[str, LocalizedText]:
    return {"en": LocalizedText.model_validate({"title": title, "names": {"author": (SMITH,)}, **fields})}


def _in_english(citation: Citation) -> Citation:
    return citation.model_copy(update={"texts": {"en": citation.texts["en"]}})


#: The EndNote types no case of :data:`TYPE_CASES` is written as, one case each.
OTHER_CASES: dict[str, Citation] = {
    "article-journal": _in_english(rich_citation()).model_copy(update={"page_first": "101", "page_last": "110"}),
    "book-edited": Citation(
        type="book",
        issued=Date(year=2001),
        isbn="0-19-852663-6",
        texts=_en("Collected Essays", publisher="Oxford University Press", publisher_place="Oxford", names={"editor": (DOE,)}),
    ),
    "speech": Citation(
        type="speech",
        issued=Date(year=2018, month=9),
        texts=_en("On Stem Cells", event_title="International Stem Cell Meeting", event_place="Berlin"),
    ),
    "graphic": Citation(type="graphic", issued=Date(year=1889), texts=_en("The Starry Night", publisher="MoMA")),
    "broadcast": Citation(
        type="broadcast", issued=Date(year=2012), texts=_en("Cells at Work", publisher="BBC", publisher_place="London")
    ),
    "bill": Citation(type="bill", issued=Date(year=2021), number="H.R. 1234", texts=_en("Stem Cell Research Act")),
    "post-weblog": Citation(
        type="post-weblog",
        issued=Date(year=2023, month=5, day=2),
        accessed=Date(year=2024, month=1, day=3),
        texts=_en("Notes on Cells", container_title="The Cell Blog", url="https://blog.example.org/notes"),
    ),
    "collection": Citation(type="collection", issued=Date(year=1999), texts=_en("Seed Catalogue", publisher="Kew")),
    "classic": Citation(
        type="classic", issued=Date(year=1850), texts=_en("Analects", publisher="Penguin", publisher_place="London")
    ),
    "entry-dictionary": Citation(
        type="entry-dictionary",
        issued=Date(year=2010),
        page_first="12",
        texts=_en("Cell", container_title="Oxford Dictionary of Biology", publisher="Oxford University Press"),
    ),
    "entry-encyclopedia": Citation(
        type="entry-encyclopedia",
        issued=Date(year=2005),
        volume="3",
        page_first="200",
        page_last="205",
        texts=_en(
            "Telomere",
            container_title="Encyclopedia of Genetics",
            publisher="Elsevier",
            names={"author": (SMITH,), "editor": (DOE,)},
        ),
    ),
    "figure": Citation(type="figure", issued=Date(year=2020), texts=_en("Figure 1: Growth", container_title="Cell Atlas")),
    "motion_picture": Citation(
        type="motion_picture", issued=Date(year=1997), texts=_en("Gattaca", publisher="Columbia Pictures")
    ),
    "hearing": Citation(
        type="hearing", issued=Date(year=2001, month=7, day=17), texts=_en("Stem Cell Research", publisher="U.S. G.P.O.")
    ),
    "regulation": Citation(
        type="regulation", issued=Date(year=2019), number="21 CFR 1271", texts=_en("Human Cells, Tissues, and Products")
    ),
    "song": Citation(type="song", issued=Date(year=1967), texts=_en("Cellular Blues", publisher="Decca")),
    "pamphlet": Citation(
        type="pamphlet", issued=Date(year=2015), texts=_en("Donating Cord Blood", publisher="NHS", publisher_place="Leeds")
    ),
    "periodical": Citation(
        type="periodical", issued=Date(year=2024), issn="0028-0836", texts=_en("Nature", publisher="Springer Nature", names={})
    ),
    "legislation": Citation(
        type="legislation", issued=Date(year=2004), number="c. 30", page_first="1", texts=_en("Human Tissue Act", names={})
    ),
}
CASES: dict[str, Citation] = {**TYPE_CASES, **OTHER_CASES}

_AUTHORS: Mapping[str, tuple[Role, ...]] = MappingProxyType({"author": ("author",)})


class Bibutils(NamedTuple):
    """What bibutils (7.2) makes of a case's record."""

    #: The MODS genres of its EndNote type; None where bibutils does not know the type ("Did not
    #: recognize type …": read as a generic record).
    genres: set[str] | None
    #: The model fields it reads (checked against the case's values).
    fields: tuple[str, ...]
    #: MODS role -> the model roles whose names it holds, in order.
    roles: Mapping[str, tuple[Role, ...]] = _AUTHORS


BIBUTILS: dict[str, Bibutils] = {
    # a book's editor has no element: the writer warns; no element is a thesis advisor to bibutils
    "book": Bibutils({"book"}, ("publisher", "publisher_place", "isbn", "edition", "collection_title", "note")),
    "chapter": Bibutils(
        {"book chapter", "book"},
        ("container_title", "publisher", "publisher_place", "isbn", "pages"),
        {"author": ("author",), "editor": ("editor",), "translator": ("translator",)},
    ),
    "paper-conference": Bibutils({"conference publication"}, ("container_title", "publisher", "publisher_place", "doi", "pages")),
    "thesis": Bibutils({"thesis"}, ("publisher", "publisher_place", "url")),
    "report": Bibutils({"technical report"}, ("publisher", "publisher_place", "number")),
    "standard": Bibutils(None, ("publisher", "publisher_place", "number")),
    "patent": Bibutils({"patent"}, ("number",), {"author": ("author",), "patent holder": ()}),
    "article-newspaper": Bibutils({"newspaper"}, ("container_title", "issn", "pages"), {"reporter": ("author",)}),
    "article-magazine": Bibutils({"periodical", "magazine"}, ("container_title", "volume", "issue", "pages")),
    "webpage": Bibutils({"web page"}, ("url",)),
    "dataset": Bibutils(None, ("publisher", "doi")),
    "software": Bibutils(set(), ("publisher", "url")),
    "article": Bibutils(None, ("publisher",)),
    "manuscript": Bibutils({"manuscript"}, ("archive_location",)),
    "map": Bibutils({"map"}, ("publisher",), {"cartographer": ("author",)}),
    "legal_case": Bibutils({"legal case and case notes"}, ("volume",), {}),
    "interview": Bibutils({"communication"}, ()),
    "document": Bibutils(set(), ("note",)),
    # the article number (custom7) is not read by bibutils
    "article-journal": Bibutils(
        {"academic journal", "journal article", "periodical"},
        ("container_title", "volume", "issue", "pages", "doi", "issn", "url", "abstract", "keywords"),
    ),
    "book-edited": Bibutils({"book"}, ("publisher", "publisher_place", "isbn"), {"editor": ("editor",)}),
    "speech": Bibutils({"conference publication"}, ()),
    "graphic": Bibutils({"art original"}, ("publisher",), {"artist": ("author",)}),
    "broadcast": Bibutils(set(), ("publisher", "publisher_place"), {"writer": ("author",)}),
    # bibutils reads no names of a bill or a hearing, nor a bill's number
    "bill": Bibutils({"legislation"}, (), {}),
    "post-weblog": Bibutils(None, ("url",)),
    "collection": Bibutils(None, ("publisher",)),
    "classic": Bibutils(set(), ("publisher", "publisher_place")),
    "entry-dictionary": Bibutils(None, ("publisher", "pages")),
    "entry-encyclopedia": Bibutils(None, ("publisher", "volume", "pages"), {"author": ("author", "editor")}),
    "figure": Bibutils(None, ()),
    "motion_picture": Bibutils({"motion picture", "television broadcast"}, ("publisher",)),
    "hearing": Bibutils({"hearing"}, ("publisher",), {}),
    "regulation": Bibutils(None, ("number",)),
    "song": Bibutils(None, ("publisher",)),
    "pamphlet": Bibutils(None, ("publisher", "publisher_place")),
    "periodical": Bibutils(None, ("publisher", "issn"), {}),
    "legislation": Bibutils({"legislation"}, ("pages",), {}),
}


def write(citation: Citation) -> tuple[str, list[str]]:
    """The writer's whole output for one citation, and its warnings."""
    writer = get_writer("endnote-xml")()
    text = writer.start() + writer.write(citation) + writer.finish()
    return text, writer.take_warnings()


def read(text: str) -> tuple[Citation, list[str]]:
    (record,) = get_reader("endnote-xml")().read(split_lines(text), "golden.xml")
    assert record.error is None and record.citation is not None
    return record.citation, [str(w) for w in record.warnings]


def test_every_endnote_type_the_writer_uses_has_a_case() -> None:
    written = {"Edited Book" if case == "book-edited" else WRITTEN_TYPES[c.type] for case, c in CASES.items()}
    assert written == {*WRITTEN_TYPES.values(), EDITED_BOOK}
    assert set(BIBUTILS) == set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_golden_output_and_the_golden_read_back(case: str) -> None:
    text, _ = write(CASES[case])
    back, said = read(text)
    dumped = json.dumps(
        {"citation": back.model_dump(mode="json", exclude_defaults=True), "warnings": said},
        ensure_ascii=False,
        indent=1,
    )
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        (GOLDEN / f"{case}.xml").write_bytes(text.encode("utf-8"))
        (GOLDEN / f"{case}.json").write_text(dumped + "\n", encoding="utf-8")
    assert text.encode("utf-8") == (GOLDEN / f"{case}.xml").read_bytes()
    assert dumped + "\n" == (GOLDEN / f"{case}.json").read_text(encoding="utf-8")


def test_golden_writer_warnings() -> None:
    said = {case: [str(w) for w in write(citation)[1]] for case, citation in CASES.items()}
    path = GOLDEN / "warnings.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(said, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert said == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES)
def test_every_field_comes_back_or_is_named_in_a_warning(case: str) -> None:
    citation = CASES[case]
    text, warnings = write(citation)
    back, _ = read(text)
    warned = {name for warning in warnings for name in names_of(warning)}
    lang = citation.languages[0]
    assert back.languages == (lang,)
    assert (back.type == citation.type) is (citation.type not in warned)
    for field in present_fields(citation, lang):
        if field in warned or field in QUIETLY_OMITTED or field == "subtitle":  # subtitle: written into the title
            continue
        found, original = field_value(back, field), field_value(citation, field)
        if field == "issued" and "issued (range end)" in warned:
            original = original.model_copy(update={"end": None})
        assert found == original, field


# -- bibutils ------------------------------------------------------------------------------------

MODS = "{http://www.loc.gov/mods/v3}"


def _all(element: ET.Element, path: str) -> list[str]:
    return [(e.text or "").strip() for e in element.iterfind(path.replace("m:", MODS))]


def _name_words(name: Name) -> list[str]:
    """A name as bibutils gives its parts: CJK names whole, initials without dots, in any order."""
    if name.literal is not None:
        return sorted(name.literal.split())
    if has_cjk(name.family):
        return [f"{name.family}{name.given or ''}"]
    return sorted(f"{name.given or ''} {name.family or ''}".replace(".", " ").split())


def _mods_names(mods: ET.Element) -> dict[str, list[list[str]]]:
    """The record's names (host items' too) by role, each as its sorted parts."""
    out: dict[str, list[list[str]]] = {}
    for name in mods.iter(f"{MODS}name"):
        role = " ".join(_all(name, "m:role/m:roleTerm")) or "author"
        out.setdefault(role, []).append(sorted(part for p in _all(name, "m:namePart") for part in p.split()))
    return out


def _expected(citation: Citation, field: str) -> tuple[str, list[str]]:
    """(MODS path, its values) bibutils must give for a model ``field`` of the case."""
    text = citation.texts[citation.languages[0]]
    paths = {
        "publisher": ".//m:originInfo/m:publisher",
        "publisher_place": ".//m:originInfo/m:place/m:placeTerm",
        "edition": ".//m:originInfo/m:edition",
        "isbn": ".//m:identifier[@type='isbn']",
        "issn": ".//m:identifier[@type='issn']",
        "doi": ".//m:identifier[@type='doi']",
        "archive_location": ".//m:identifier[@type='accessnum']",
        "number": "m:part/m:detail[@type='number']/m:number",
        "volume": "m:part/m:detail[@type='volume']/m:number",
        "issue": "m:part/m:detail[@type='issue']/m:number",
        "url": "m:location/m:url",
        "container_title": "m:relatedItem[@type='host']/m:titleInfo/m:title",
        "collection_title": ".//m:relatedItem[@type='host']/m:titleInfo/m:title",
        "note": "m:note",
        "abstract": "m:abstract",
        "keywords": "m:subject/m:topic",
    }
    if field == "pages":
        if citation.page_last:
            return "m:part/m:extent/m:start", [citation.page_first or ""]
        return "m:part/m:detail[@type='page']/m:number", [citation.page_first or ""]
    if field == "keywords":
        return paths[field], list(text.keywords)
    value = getattr(citation, field) if field in type(citation).model_fields else getattr(text, field)
    return paths[field], [to_plain(value) or ""]


@pytest.fixture(scope="module")
def bibutils_mods(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[ET.Element, str]]:
    """Each case's written record as endx2xml reads it: (its MODS record, what endx2xml said)."""
    out = {}
    folder = tmp_path_factory.mktemp("endx")
    for case, citation in CASES.items():
        path = folder / f"{case}.xml"
        path.write_text(write(citation)[0], encoding="utf-8")
        done = subprocess.run(["endx2xml", "-i", "utf8", str(path)], capture_output=True, check=True, text=True)
        (mods,) = ET.fromstring(done.stdout.lstrip("\ufeff")).iter(f"{MODS}mods")
        out[case] = (mods, done.stderr)
    return out


@pytest.mark.skipif(shutil.which("endx2xml") is None, reason="bibutils (endx2xml) is not installed")
@pytest.mark.parametrize("case", CASES)
def test_bibutils_reads_the_type_title_names_and_key_fields(case: str, bibutils_mods: dict[str, tuple[ET.Element, str]]) -> None:
    citation = CASES[case]
    mods, said = bibutils_mods[case]
    expected = BIBUTILS[case]
    text = citation.texts[citation.languages[0]]
    endnote = EDITED_BOOK if case == "book-edited" else WRITTEN_TYPES[citation.type]
    if expected.genres is None:
        assert f"Did not recognize type '{endnote}'" in said
    else:
        assert set(_all(mods, ".//m:genre")) == expected.genres
        assert "Did not recognize" not in said
    title = _all(mods, "m:titleInfo[m:title]/m:title")[0]
    subtitle = _all(mods, "m:titleInfo[m:title]/m:subTitle")
    assert ": ".join([title, *subtitle]) == to_plain(text.title)
    names = _mods_names(mods)
    for mods_role, roles in expected.roles.items():
        wanted = [_name_words(n) for role in roles for n in text.name_list(role)]
        if mods_role == "patent holder":
            wanted = [[to_plain(text.publisher) or ""]]  # the assignee, EndNote's publisher of a patent
        assert names.get(mods_role, []) == wanted, mods_role
    if not expected.roles:
        assert names == {}
    for field in expected.fields:
        path, values = _expected(citation, field)
        assert _all(mods, path) == values, field

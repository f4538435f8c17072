"""Independent readers of RIS / EndNote tagged / RefWorks tagged output, and what they should see.

Each ``read_*`` function runs a real third-party reader on a writer's text and projects
every record onto the same plain dict (:data:`FIELDS`), so a test compares
``read_x(text) == [expected(citation, lang), ...]``.  A reader that is not installed
makes the calling test skip with the reason; none is faked.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import strategies as st

from citeexport.model import Citation, Date, Lang, LocalizedText, Name
from citeexport.names import is_plain_suffix
from citeexport.oneline import one_line
from citeexport.values import LANGUAGE_CODES

FIELDS = (
    "title", "authors", "journal", "year", "date", "volume", "issue", "page_first", "page_last",
    "issn", "doi", "url", "language", "abstract", "keywords",
)  # fmt: skip

Fields = dict[str, Any]


def _folded(value: str | None) -> str | None:
    return (one_line(value) or None) if value else None


def expected(citation: Citation, lang: Lang) -> Fields:
    """What a faithful reader must find in the written record of ``citation`` in ``lang``."""
    text = citation.text(lang)
    first, last = citation.page_first, citation.page_last
    if not first and not last:
        first = citation.number
    date = citation.issued
    return {
        "title": _folded(text.title),
        "authors": [a for a in (one_line(name.whole if name.literal else name.inverted) for name in text.authors) if a],
        "journal": _folded(text.container_title),
        "year": str(citation.year) if citation.year else None,
        "date": date.iso() if date and date.month else None,
        "volume": _folded(citation.volume),
        "issue": _folded(citation.issue),
        "page_first": _folded(first or last),
        "page_last": _folded(last) if first and last and last != first else None,
        "issn": _folded(citation.issn or citation.eissn),
        "doi": _folded(citation.doi),
        "url": _folded(text.url),
        "language": LANGUAGE_CODES[lang],
        "abstract": _folded(text.abstract),
        "keywords": [k for k in (one_line(k) for k in text.keywords) if k],
    }


def without(fields: Fields, *names: str) -> Fields:
    """``fields`` minus what a reader is known not to carry."""
    return {key: value for key, value in fields.items() if key not in names}


def rich_citation() -> Citation:
    """Every field the seed lacks: DOI, abstract, keywords, abbreviation, article number, an organisation."""
    return Citation(
        issued=Date(year=2024, month=11),
        volume="12",
        issue="S1",
        number="e2024017",
        doi="10.16438/j.0513-4870.2024-0417",
        issn="0513-4870",
        texts={
            "zh": LocalizedText(
                title="间充质干细胞端粒酶催化亚基RT-qPCR方法的建立",
                authors=(Name(family="欧阳", given="修"), Name(literal="国家药典委员会")),
                container_title="药学学报",
                container_title_short="药学学报",
                abstract="目的: 建立方法。\n结果: 线性良好 (r = 0.999)。",
                keywords=("间充质干细胞", "端粒酶", "RT-qPCR"),
                url="https://example.org/zh/abs/1?x=1&y=2",
            ),
            "en": LocalizedText(
                title="Establishment of an RT-qPCR Method: Telomerase in MSCs",
                authors=(Name(family="OUYANG", given="Xiu"), Name(family="Smith", given="Mary Ann")),
                container_title="Acta Pharmaceutica Sinica",
                container_title_short="Acta Pharm Sin",
                abstract="Objective: to establish a method.\nResults: r = 0.999; 95% recovery.",
                keywords=("mesenchymal stem cells", "telomerase"),
                url="https://example.org/en/abs/1",
            ),
        },
    )


# -- rispy -------------------------------------------------------------------------------


def read_rispy(text: str) -> list[Fields]:
    rispy = pytest.importorskip("rispy", reason="rispy is not installed")
    out = []
    for entry in rispy.loads(text):
        urls = entry.get("urls") or []
        out.append(
            {
                "title": entry.get("title"),
                "authors": entry.get("authors", []),
                "journal": entry.get("secondary_title"),
                "year": entry.get("year"),
                "date": _ris_date(entry.get("date")),
                "volume": entry.get("volume"),
                "issue": entry.get("number"),
                "page_first": entry.get("start_page"),
                "page_last": entry.get("end_page"),
                "issn": entry.get("issn"),
                "doi": entry.get("doi"),
                "url": urls[0] if urls else None,
                "language": entry.get("language"),
                "abstract": entry.get("abstract"),
                "keywords": entry.get("keywords", []),
            }
        )
    return out


def _ris_date(value: str | None) -> str | None:
    return "-".join(part for part in value.split("/") if part) if value else None


# -- pandoc ------------------------------------------------------------------------------


def pandoc_path() -> str:
    pypandoc = pytest.importorskip("pypandoc", reason="pypandoc-binary is not installed")
    try:
        return pypandoc.get_pandoc_path()
    except OSError as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"pandoc not found: {exc}")


def squeeze_spaces(fields: Fields) -> Fields:
    """``fields`` with runs of spaces made one, as pandoc reads every text value."""

    def squeeze(value: Any) -> Any:
        if isinstance(value, str):
            return re.sub(" {2,}", " ", value)
        return [squeeze(v) for v in value] if isinstance(value, list) else value

    return {key: squeeze(value) for key, value in fields.items()}


def read_pandoc(text: str) -> list[Fields]:
    """pandoc's RIS reader, via CSL JSON.  It keeps only ``PY`` of the dates and squeezes runs of spaces."""
    run = subprocess.run([pandoc_path(), "-f", "ris", "-t", "csljson"], input=text.encode(), capture_output=True, check=True)
    return [
        {
            **_csl_fields(item),
            "year": str(item["issued"]["date-parts"][0][0]) if "issued" in item else None,
            "keyword_text": item.get("keyword"),
        }
        for item in json.loads(run.stdout)
    ]


def _csl_fields(item: dict[str, Any]) -> Fields:
    """What the CSL-JSON items of pandoc and citation-js say alike, as :func:`expected` names it."""
    first, _, last = item.get("page", "").partition("-")
    return {
        "title": item.get("title"),
        "authors": [_csl_name(name) for name in item.get("author", [])],
        "journal": item.get("container-title"),
        "volume": item.get("volume"),
        "issue": item.get("issue"),
        "page_first": first or None,
        "page_last": last or None,
        "issn": item.get("ISSN"),
        "doi": item.get("DOI"),
        "url": item.get("URL"),
        "language": item.get("language"),
        "abstract": item.get("abstract"),
    }


def _csl_name(name: dict[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    return ", ".join(part for part in (name.get("family"), name.get("given")) if part)


# -- bibutils (MODS XML) -----------------------------------------------------------------

MODS = "{http://www.loc.gov/mods/v3}"


def read_bibutils(tool: str, text: str) -> list[Fields]:
    """bibutils' ``ris2xml`` / ``end2xml``, parsed from MODS.

    ``-un``: UTF-8 without BOM; ``-nl``: no LaTeX decoding; ``-nt``: no title/subtitle
    split.  bibutils 7.2 parses ``DO``/``%R`` and then drops the DOI (``--debug`` shows
    it read), so no DOI comes back.
    """
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"bibutils' {tool} is not installed (Debian package bibutils)")
    run = subprocess.run([path, "-un", "-nl", "-nt"], input=text.encode(), capture_output=True, check=True)
    root = ET.fromstring(run.stdout.decode())
    return [_mods_fields(mods) for mods in root.findall(f"{MODS}mods")]


def _text(element: ET.Element | None) -> str | None:
    return element.text if element is not None and element.text else None


def _mods_fields(mods: ET.Element) -> Fields:
    host = mods.find(f"{MODS}relatedItem[@type='host']")
    journal = None
    if host is not None:
        journal = next((t.text for t in host.findall(f"{MODS}titleInfo/{MODS}title") if t.text), None)
    part = mods.find(f"{MODS}part")
    if part is None:
        part = ET.Element("part")
    issued = _text(mods.find(f"{MODS}originInfo/{MODS}dateIssued"))
    return {
        "title": _text(mods.find(f"{MODS}titleInfo/{MODS}title")),
        "authors": [_mods_name(name) for name in mods.findall(f"{MODS}name")],
        "journal": journal,
        "year": issued[:4] if issued else None,
        "date": issued if issued and len(issued) > 4 else None,
        "volume": _text(part.find(f"{MODS}detail[@type='volume']/{MODS}number")),
        "issue": _text(part.find(f"{MODS}detail[@type='issue']/{MODS}number")),
        "page_first": _text(part.find(f"{MODS}extent/{MODS}start"))
        or _text(part.find(f"{MODS}detail[@type='page']/{MODS}number")),
        "page_last": _text(part.find(f"{MODS}extent/{MODS}end")),
        "issn": _text(host.find(f"{MODS}identifier[@type='issn']")) if host is not None else None,
        "url": _text(mods.find(f"{MODS}location/{MODS}url")),
        "language": _text(mods.find(f"{MODS}language/{MODS}languageTerm[@type='text']")),
        "abstract": _text(mods.find(f"{MODS}abstract")),
        "keywords": [t.text for t in mods.findall(f"{MODS}subject/{MODS}topic") if t.text],
    }


def _mods_name(name: ET.Element) -> str:
    family = [p.text or "" for p in name.findall(f"{MODS}namePart[@type='family']")]
    given = [p.text or "" for p in name.findall(f"{MODS}namePart[@type='given']")]
    if family or given:
        return ", ".join(part for part in (" ".join(family), " ".join(given)) if part)
    return " ".join(p.text or "" for p in name.findall(f"{MODS}namePart"))


# -- citation-js (node) -----------------------------------------------------------------

#: Where ``npm install --prefix "$VIRTUAL_ENV" --legacy-peer-deps @citation-js/core@0.6
#: @citation-js/plugin-refworks@0.1.2 @citation-js/plugin-enw@0.3.0`` puts the readers:
#: beside the Python tools of the same environment.
CITATION_JS_MODULES = Path(os.environ.get("CITATION_JS_MODULES", Path(sys.prefix) / "node_modules"))
_CITATION_JS = """
const { Cite } = require('@citation-js/core')
require('@citation-js/plugin-refworks')
require('@citation-js/plugin-enw')
const data = new Cite(require('fs').readFileSync(0, 'utf8'), { forceType: process.argv[1] }).data
process.stdout.write(JSON.stringify(data.map(({ _graph, ...item }) => item)))
"""


def read_citation_js(input_type: str, text: str) -> list[Fields]:
    """citation-js (``@refworks/file`` or ``@enw/file``), via CSL JSON.

    Known gaps of these plugins, so not compared: plugin-refworks 0.1.2 reads ``UR`` and
    drops ``UL`` (no URL) and keeps ``FD``/``YR`` as a raw date; plugin-enw 0.3.0 reads
    ``%8 January 31`` as year 31, keeps the comma of a corporate author and returns an
    empty record for CR LF input.
    """
    node = shutil.which("node")
    if node is None or not (CITATION_JS_MODULES / "@citation-js" / "plugin-refworks").is_dir():
        pytest.skip(f"citation-js is not installed in {CITATION_JS_MODULES} (node + npm packages @citation-js/*)")
    env = {**os.environ, "NODE_PATH": str(CITATION_JS_MODULES)}
    run = subprocess.run([node, "-e", _CITATION_JS, input_type], input=text.encode(), capture_output=True, check=True, env=env)
    out = []
    for item in json.loads(run.stdout):
        keywords = item.get("keyword", [])  # plugin-refworks joins K1 lines with ","; plugin-enw unwraps a single %K
        if isinstance(keywords, str) and input_type == "@enw/file":
            keywords = [keywords]
        out.append({**_csl_fields(item), **({"keyword_text": keywords} if isinstance(keywords, str) else {"keywords": keywords})})
    return out


# -- random citations --------------------------------------------------------------------

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_LATIN = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüçñ")
_PUNCT = st.sampled_from(",.;:!?()[]-–—'\"“”《》、，。：；/&%$#@+=*_ 0123456789")
_BREAKS = st.sampled_from(["\n", "\r", "\t", "\u2028", "\x0b", "\x0c", "\x85", "\x00", "\x1b"])
_CHAR = st.one_of(_CJK, _CJK, _LATIN, _LATIN, _PUNCT, _BREAKS)


def _random_text(min_size: int = 1, max_size: int = 60) -> st.SearchStrategy[str]:
    """Mixed CJK/Latin/punctuation text, with line breaks and controls that must be folded."""
    return st.text(_CHAR, min_size=min_size, max_size=max_size).filter(lambda s: one_line(s) != "")


def _word(alphabet: st.SearchStrategy[str], size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet, min_size=1, max_size=size)


_names = st.one_of(
    st.builds(Name, family=_word(_CJK, 2), given=_word(_CJK, 2)),
    st.builds(
        Name,
        family=_word(_LATIN, 10).map(str.capitalize),
        given=_word(_LATIN, 8).map(str.capitalize).filter(lambda given: not is_plain_suffix(given)),  # Smith, Jr: a suffix
    ),
    st.builds(
        Name,
        family=_word(_LATIN, 10).map(str.upper),
        given=st.tuples(_word(_LATIN, 5), _word(_LATIN, 5)).map(lambda p: f"{p[0].capitalize()}-{p[1].lower()}"),
    ),
    st.builds(Name, literal=st.text(_CJK, min_size=3, max_size=10)),
)
_numbers = st.integers(min_value=1, max_value=9999).map(str)


def _urls(lang: str) -> st.SearchStrategy[str]:
    return _numbers.map(lambda n: f"https://example.org/{lang}/article/{n}?a=1&b=2")


@st.composite
def citations(draw: st.DrawFn) -> Citation:
    """A random journal article in one or both languages (CJK, punctuation, long abstracts, 1-30 authors)."""
    langs = draw(st.sampled_from([("zh",), ("en",), ("zh", "en")]))
    texts = {
        lang: LocalizedText(
            title=draw(_random_text()),
            authors=tuple(draw(st.lists(_names, min_size=1, max_size=30, unique_by=lambda n: n.whole))),  # bibutils drops repeats
            container_title=draw(_random_text(max_size=30)),
            abstract=draw(st.one_of(st.none(), _random_text(max_size=3000))),
            keywords=tuple(draw(st.lists(_random_text(max_size=12), max_size=6, unique_by=one_line))),
            url=draw(st.one_of(st.none(), _urls(lang))),
        )
        for lang in langs
    }
    first = draw(st.one_of(st.none(), st.integers(1, 5000)))
    last = draw(st.one_of(st.none(), st.integers(first, first + 80))) if first else None
    year = draw(st.integers(1900, 2100))
    month = draw(st.one_of(st.none(), st.integers(1, 12)))
    return Citation(
        issued=Date(year=year, month=month, day=draw(st.integers(1, 28)) if month else None),
        volume=draw(st.one_of(st.none(), _numbers)),
        issue=draw(st.one_of(st.none(), _numbers)),
        page_first=str(first) if first else None,
        page_last=str(last) if last else None,
        doi=draw(st.one_of(st.none(), st.from_regex(r"10\.[0-9]{4,5}/[a-z0-9.\-]{1,20}", fullmatch=True))),
        issn=draw(st.one_of(st.none(), st.from_regex(r"[0-9]{4}-[0-9]{3}[0-9X]", fullmatch=True))),
        texts=texts,
    )

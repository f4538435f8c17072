"""The BibTeX and biblatex writers: exact goldens for the seed, read back by bibtexparser v2, pybtex, pandoc and bibutils,
hostile input, round trips.  Per-type goldens and biber's data model: ``test_bib_types.py``.

Goldens: tests/formats/bibtex/golden/seed.<lang>.bib.  After a deliberate change, rewrite them with
``CITEEXPORT_UPDATE_GOLDEN=1 pytest tests/formats/bibtex/test_bibtex_writer.py`` and review the diff.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import bibtexparser
import pytest
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string as pybtex_parse

from citeexport.formats.bibtex.writer import BibtexWriter
from citeexport.model import Citation, Date, LocalizedText, Name
from citeexport.options import WriteOptions
from citeexport.registry import get_writer
from support.latex_decoding import TAUGHT, bibtex_balanced, bibtexparser_balanced, decode
from support.tagged_readers import citations as tagged_citations

GOLDEN = Path(__file__).parent / "golden"


def render(citations: list[Citation], dialect: str = "bibtex", **options: object) -> str:
    writer = get_writer(dialect)(WriteOptions(**options))  # type: ignore[arg-type]
    return writer.start() + "".join(writer.write(citation) for citation in citations) + writer.finish()


def parse_raw(text: str) -> bibtexparser.Library:
    """bibtexparser v2 as users call it: values as written (LaTeX kept), names split."""
    library = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors(), SplitNameParts()])
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    return library


def parse_decoded(text: str) -> bibtexparser.Library:
    """bibtexparser v2 with LaTeX decoding (pylatexenc taught \\textasciicircum and \\textbrace…, see test_latex)."""
    library = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors(), SplitNameParts(), TAUGHT])
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    return library


def fields(entry) -> dict[str, object]:
    return {field.key: field.value for field in entry.fields}


def person(parts) -> str:
    """A bibtexparser NameParts back to the model's inverted form."""
    family = " ".join(parts.von + parts.last)
    given = " ".join(parts.first)
    return f"{family}, {given}" if given else family


# -- registration and goldens -------------------------------------------------------------------


def test_registered_under_its_name() -> None:
    assert get_writer("bibtex") is BibtexWriter
    assert BibtexWriter.extension == "bib"


@pytest.mark.parametrize("lang", ["both", "en", "zh"])
def test_seed_golden(seed: Citation, lang: str) -> None:
    path = GOLDEN / f"seed.{lang}.bib"
    out = render([seed], lang=lang)
    if os.environ.get("CITEEXPORT_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def test_ascii_option_leaves_the_seed_unchanged_because_cjk_has_no_ascii_latex(seed: Citation) -> None:
    assert render([seed], lang="both", ascii=True) == render([seed], lang="both")


# -- the seed read back by independent readers -------------------------------------------------

EXPECTED = {
    "zh": {
        "authors": ["饶春明", "庞琳"],
        "title": "干细胞产品质量研究与检测专栏",
        "journal": "药物分析杂志",
        "url": "https://castjournals.cast.org.cn/joweb/ywfxzz/CN/Y2025/V45/I1/1",
    },
    "en": {
        "authors": ["RAO, Chun-ming", "PANG, Lin"],
        "title": "Special Column for Quality Research and Evaluation of Stem Cell Products",
        "journal": "Chinese Journal of Pharmaceutical Analysis",
        "url": "https://castjournals.cast.org.cn/joweb/ywfxzz/EN/Y2025/V45/I1/1",
    },
}
COMMON = {"year": "2025", "volume": "45", "number": "1", "pages": "1--3", "issn": "0254-1793"}


def test_seed_read_back_by_bibtexparser(seed: Citation) -> None:
    library = parse_raw(render([seed]))
    assert [entry.key for entry in library.entries] == ["rao2025special-zh", "rao2025special-en"]
    for entry, lang in zip(library.entries, ("zh", "en"), strict=True):
        values = fields(entry)
        assert [person(parts) for parts in values["author"]] == EXPECTED[lang]["authors"]
        for key in ("title", "journal", "url"):
            assert values[key] == EXPECTED[lang][key]
        for key, value in COMMON.items():
            assert values[key] == value
        assert values["month"] == "jan" and entry.get("month").enclosing == "no-enclosing"
        assert values["language"] == lang
        assert not {"date", "related", "relatedtype", "langid", "journaltitle"} & set(values)  # biblatex's, not classic


def test_biblatex_seed_read_back_by_bibtexparser(seed: Citation) -> None:
    library = parse_raw(render([seed], "biblatex"))
    assert [entry.key for entry in library.entries] == ["rao2025special-zh", "rao2025special-en"]
    for entry, lang, other in zip(library.entries, ("zh", "en"), ("en", "zh"), strict=True):
        values = fields(entry)
        assert [person(parts) for parts in values["author"]] == EXPECTED[lang]["authors"]
        assert (values["title"], values["journaltitle"]) == (EXPECTED[lang]["title"], EXPECTED[lang]["journal"])
        assert values["date"] == "2025-01-31"
        assert values["related"] == f"rao2025special-{other}"
        assert values["relatedtype"] == {"zh": "translationas", "en": "translationof"}[lang]
        assert values["langid"] == {"zh": "chinese", "en": "english"}[lang]
        assert not {"year", "month", "journal", "language"} & set(values)


def test_seed_read_back_by_pybtex(seed: Citation) -> None:
    database = pybtex_parse(render([seed]), "bibtex")
    for lang in ("zh", "en"):
        entry = database.entries[f"rao2025special-{lang}"]
        people = [str(p) for p in entry.persons["author"]]
        assert people == EXPECTED[lang]["authors"]
        if lang == "zh":
            assert [p.last_names for p in entry.persons["author"]] == [["饶春明"], ["庞琳"]]  # one last name each
        for key in ("title", "journal", "url"):
            assert entry.fields[key] == EXPECTED[lang][key]
        for key, value in COMMON.items():
            assert entry.fields[key] == value
        assert entry.fields["month"] == "January"  # the macro, expanded


def _pandoc() -> str:
    pypandoc = pytest.importorskip("pypandoc", reason="pypandoc-binary (test extra) provides pandoc")
    return pypandoc.get_pandoc_path()


@pytest.mark.parametrize(("dialect", "day"), [("bibtex", []), ("biblatex", [31])])
def test_seed_read_back_by_pandoc_in_its_dialect(seed: Citation, dialect: str, day: list[int]) -> None:
    """pandoc's ``-f bibtex`` for the classic entries, ``-f biblatex`` for biblatex's (classic keeps no day)."""
    completed = subprocess.run(
        [_pandoc(), "-f", dialect, "-t", "csljson"],
        input=render([seed], dialect),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    items = {item["id"]: item for item in json.loads(completed.stdout)}
    zh, en = items["rao2025special-zh"], items["rao2025special-en"]
    assert en["author"] == [{"family": "RAO", "given": "Chun-ming"}, {"family": "PANG", "given": "Lin"}]
    assert [a.get("family", a.get("literal")) for a in zh["author"]] == ["饶春明", "庞琳"]
    assert zh["title"] == EXPECTED["zh"]["title"] and zh["container-title"] == EXPECTED["zh"]["journal"]
    assert en["container-title"] == EXPECTED["en"]["journal"]
    for item, lang in ((zh, "zh"), (en, "en")):
        assert item["URL"] == EXPECTED[lang]["url"]
        assert (item["volume"], item["issue"], item["page"], item["issued"]) == (
            "45",
            "1",
            "1-3",
            {"date-parts": [[2025, 1, *day]]},
        )


@pytest.mark.parametrize(("dialect", "tool"), [("bibtex", "bib2xml"), ("biblatex", "biblatex2xml")])
def test_seed_read_back_by_bibutils(seed: Citation, tmp_path: Path, dialect: str, tool: str) -> None:
    """Debian bibutils' reader of each dialect (MODS XML out)."""
    if shutil.which(tool) is None:
        pytest.skip(f"bibutils ({tool}) is not installed; .ci/run installs it")
    source = tmp_path / "seed.bib"
    source.write_text(render([seed], dialect), encoding="utf-8")
    completed = subprocess.run([tool, "-i", "utf8", "-o", "utf8", str(source)], capture_output=True, check=True, timeout=60)
    ns = {"m": "http://www.loc.gov/mods/v3"}
    root = ElementTree.fromstring(completed.stdout.decode("utf-8").lstrip("\ufeff"))
    records = {mods.get("ID"): mods for mods in root.findall("m:mods", ns)}
    assert list(records) == ["rao2025special-zh", "rao2025special-en"]
    for lang, mods in zip(("zh", "en"), records.values(), strict=True):
        assert mods.findtext("m:titleInfo/m:title", namespaces=ns) == EXPECTED[lang]["title"]
        assert mods.findtext("m:relatedItem/m:titleInfo/m:title", namespaces=ns) == EXPECTED[lang]["journal"]
        assert mods.findtext("m:location/m:url", namespaces=ns) == EXPECTED[lang]["url"]
        people = [
            ", ".join(
                part
                for part in (
                    name.findtext("m:namePart[@type='family']", namespaces=ns),
                    name.findtext("m:namePart[@type='given']", namespaces=ns),
                    *(p.text for p in name.findall("m:namePart", ns) if "type" not in p.attrib),  # bib2xml: a CJK name whole
                )
                if part
            )
            for name in mods.findall("m:name", ns)
        ]
        assert people == EXPECTED[lang]["authors"]
        part = mods.find("m:part", ns)
        assert part.findtext("m:detail[@type='volume']/m:number", namespaces=ns) == "45"
        issue = part.findtext("m:detail[@type='number']/m:number", namespaces=ns)  # biblatex2xml's name
        assert (issue or part.findtext("m:detail[@type='issue']/m:number", namespaces=ns)) == "1"  # bib2xml's
        assert (part.findtext("m:extent/m:start", namespaces=ns), part.findtext("m:extent/m:end", namespaces=ns)) == ("1", "3")
        issued = part.findtext("m:date", namespaces=ns) or mods.findtext("m:originInfo/m:dateIssued", namespaces=ns)
        assert issued == {"bibtex": "2025-01", "biblatex": "2025-01-31"}[dialect]
        assert mods.findtext("m:relatedItem/m:identifier[@type='issn']", namespaces=ns) == "0254-1793"


# -- fields ------------------------------------------------------------------------------------


def test_absent_fields_are_omitted_never_empty() -> None:
    out = render([Citation(texts={"en": LocalizedText(title="Only a Title")})], lang="en")
    assert "= {}" not in out
    (entry,) = parse_raw(out).entries
    assert list(fields(entry)) == ["title", "language"]
    assert entry.key == "only"
    (entry,) = parse_raw(render([Citation(texts={"en": LocalizedText(title="Only a Title")})], "biblatex", lang="en")).entries
    assert list(fields(entry)) == ["title", "langid"]


def test_article_number_in_pages_for_classic_bibtex_and_in_eid_for_biblatex() -> None:
    numbered = Citation(number="e2024001", issued=Date(year=2024), texts={"en": LocalizedText(title="T")})
    values = fields(parse_raw(render([numbered], lang="en")).entries[0])
    assert (values["pages"], values.get("eid")) == ("e2024001", None)  # classic styles know no eid; GB/T prints it there
    values = fields(parse_raw(render([numbered], "biblatex", lang="en")).entries[0])
    assert (values.get("pages"), values["eid"]) == (None, "e2024001")
    both = numbered.model_copy(update={"page_first": "5", "page_last": "9"})
    values = fields(parse_raw(render([both], "biblatex", lang="en")).entries[0])
    assert (values["pages"], values["eid"]) == ("5--9", "e2024001")
    writer = get_writer("bibtex")(WriteOptions(lang="en"))
    values = fields(parse_raw(writer.write(both)).entries[0])
    assert (values["pages"], values.get("eid")) == ("5--9", None)
    assert writer.take_warnings() == ["fields the format cannot hold, not written: number"]
    single = Citation(page_first="7", texts={"en": LocalizedText(title="T")})
    assert fields(parse_raw(render([single], lang="en")).entries[0])["pages"] == "7"


def test_names_organisations_braced_cjk_whole_commas_protected() -> None:
    authors = (
        Name(family="饶", given="春明"),
        Name(literal="国家药典委员会"),
        Name(literal="Smith and Sons, Ltd."),
        Name(family="Müller", given="Jörg"),
        Name(family="Sanchez, Jr", given="Ana"),
    )
    out = render([Citation(texts={"en": LocalizedText(title="T", authors=authors)})], lang="en")
    assert "author = {饶春明 and {国家药典委员会} and {Smith and Sons, Ltd.} and Müller, Jörg and {Sanchez, Jr}, Ana}" in out
    people = pybtex_parse(out, "bibtex").entries["raot"].persons["author"]
    assert [(p.last_names, p.first_names) for p in people] == [
        (["饶春明"], []),
        (["{国家药典委员会}"], []),
        (["{Smith and Sons, Ltd.}"], []),
        (["Müller"], ["Jörg"]),
        (["{Sanchez, Jr}"], ["Ana"]),
    ]


def test_markup_specials_and_acronyms_in_title_abstract_keywords() -> None:
    text = LocalizedText(
        title="<i>AAV</i> vectors & HPV16 in 95% of H<sub>2</sub>O_x",
        abstract="Line one\nline two <ok>",
        keywords=("stem cell", "R&D"),
        container_title="Cells & Genes",
    )
    out = render([Citation(texts={"en": text})], lang="en")
    values = fields(parse_raw(out).entries[0])
    assert values["title"] == r"\textit{{AAV}} vectors \& {HPV16} in 95\% of H\textsubscript{2}O\_x"
    assert values["abstract"] == "Line one line two <ok>"
    assert values["keywords"] == r"stem cell, R\&D"
    assert values["journal"] == r"Cells \& Genes"


def test_ascii_option_encodes_latin_letters() -> None:
    citation = Citation(
        texts={"en": LocalizedText(title="Über Zellkultur in Besançon", authors=(Name(family="Müller", given="Zoë"),))}
    )
    out = render([citation], lang="en", ascii=True)
    assert r"author = {M{\"u}ller, Zo{\"e}}" in out
    assert r"title = {{\"U}ber Zellkultur in Besan{\c{c}}on}" in out
    assert out.isascii()
    values = fields(parse_decoded(out).entries[0])
    assert values["title"] == "Über Zellkultur in Besançon"


# -- hostile input --------------------------------------------------------------------------------

HOSTILE = [
    "}",
    "}}}, title = {pwned",
    "@article{x,",
    "x}\n@article{evil, title={owned}}\n",
    "unbalanced { brace",
    "{balanced}",
    r"\input{/etc/passwd}",
    r"\write18{rm -rf /}",
    "100% sure % comment",
    "a\nb\r\nc",
    "\\",
    "$x^2$ # & _ ~",
]


@pytest.mark.parametrize("evil", HOSTILE)
def test_no_value_breaks_out_of_its_field_or_entry(evil: str) -> None:
    citation = Citation(
        volume=evil,
        issue=evil,
        page_first=evil,
        doi=evil,
        issn=evil,
        texts={
            lang: LocalizedText(
                title=evil,
                authors=(Name(family=evil, given=evil), Name(literal=evil)),
                container_title=evil,
                abstract=evil,
                keywords=(evil, evil),
                url=f"https://x.org/{evil}",
            )
            for lang in ("zh", "en")
        },
    )
    neighbour = Citation(texts={"en": LocalizedText(title="Neighbour", authors=(Name(family="Next", given="Ann"),))})
    out = render([citation, neighbour, citation])
    library = parse_raw(out)
    assert [entry.key for entry in library.entries][2] == "nextneighbour"
    assert len(library.entries) == 5
    database = pybtex_parse(out, "bibtex")
    assert list(database.entries) == [entry.key for entry in library.entries]
    assert database.entries["nextneighbour"].fields["title"] == "Neighbour"
    for entry in library.entries:
        assert set(fields(entry)) <= {
            "author",
            "title",
            "journal",
            "volume",
            "number",
            "pages",
            "issn",
            "doi",
            "url",
            "abstract",
            "keywords",
            "language",
            "langid",
            "related",
            "relatedtype",
        }
        for key, value in fields(entry).items():
            if isinstance(value, str):
                assert "\n" not in value
                assert bibtex_balanced(value) and bibtexparser_balanced(value)
                assert "\\input{" not in value and "\\write18{" not in value
                if key in ("url", "doi"):
                    assert not re.search(r"[\s{}\\]|%(?![0-9A-F]{2})", value), value
                else:
                    assert not re.search(r"(?<!\\)%", value), value
    decoded = parse_decoded(out).entries[0]
    assert fields(decoded)["title"] == re.sub(r"\s+", " ", evil).strip()


# -- round trip over random citations ---------------------------------------------------------

WORD_CHARS = "abcdefghijklmnopqrstuvwxyzéüçøß"
latin_word = st.builds(
    lambda first, rest: first + rest, st.sampled_from("ABCDEFGHIJKLMNOPRSTUVWZÅÉÖ"), st.text(WORD_CHARS, min_size=1, max_size=8)
)
cjk = st.text("饶春明庞琳欧阳王李张刘陈杨黄赵吴周", min_size=1, max_size=2)
persons = st.one_of(
    st.builds(Name, family=latin_word, given=st.lists(latin_word, min_size=1, max_size=2).map(" ".join)),
    st.builds(Name, family=cjk, given=cjk),
)
TEXT_ALPHABET = list('abcXYZ019 .,;:()[]/!?@=+*|"-&%$#_{}~^\\') + list("饶春明干细胞研究，（）") + list("éüçÅłßøœĳ") + ["\n"]
#: Free text minus LaTeX typography that decodes to other characters by design (``--`` en dash, ``''`` quote).
free_text = (
    st.text(st.sampled_from(TEXT_ALPHABET), min_size=1, max_size=50)
    .map(lambda text: re.sub(r"-{2,}", "-", text).replace("''", "'"))
    .filter(lambda text: text.strip() and html.unescape(text) == text)
)
organisations = st.builds(Name, literal=free_text)


def _plain(text: str | None) -> str | None:
    return re.sub(r"\s+", " ", text).strip() if text is not None else None


@st.composite
def random_citations(draw: st.DrawFn) -> Citation:
    texts = {}
    for lang in draw(st.lists(st.sampled_from(["zh", "en"]), min_size=1, unique=True)):
        texts[lang] = LocalizedText(
            title=draw(free_text),
            authors=tuple(draw(st.lists(st.one_of(persons, organisations), min_size=1, max_size=30))),
            container_title=draw(free_text),
        )
    return Citation(
        issued=Date(year=draw(st.integers(1900, 2100)), month=draw(st.one_of(st.none(), st.integers(1, 12)))),
        volume=draw(st.one_of(st.none(), st.from_regex(r"[0-9]{1,3}", fullmatch=True))),
        issue=draw(st.one_of(st.none(), st.from_regex(r"[0-9S]{1,2}", fullmatch=True))),
        texts=texts,
    )


def _expected_name(name: Name) -> str:
    return name.literal if name.literal is not None else name.inverted


def _decoded_name(parts) -> str:
    """bibtexparser's LatexDecodingMiddleware leaves name tokens as written: decode them with the same decoder."""
    return decode(person(parts))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(random_citations(), min_size=1, max_size=3), st.booleans())
def test_round_trip_through_bibtexparser_with_latex_decoding(batch: list[Citation], ascii: bool) -> None:
    out = render(batch, lang="both", ascii=ascii)
    decoded = parse_decoded(out).entries
    raw = parse_raw(out).entries
    expected = [(citation, lang) for citation in batch for lang in citation.languages]
    assert len(decoded) == len(raw) == len(expected)
    assert len({entry.key for entry in raw}) == len(raw)
    people_per_entry = [len(entry.persons["author"]) for entry in pybtex_parse(out, "bibtex").entries.values()]
    assert people_per_entry == [len(citation.texts[lang].authors) for citation, lang in expected]
    for entry, raw_entry, (citation, lang) in zip(decoded, raw, expected, strict=True):
        values, raw_values = fields(entry), fields(raw_entry)
        text = citation.texts[lang]
        assert values["title"] == _plain(text.title)
        assert values["journal"] == _plain(text.container_title)
        assert [_plain(_decoded_name(parts)) for parts in values["author"]] == [
            _plain(_expected_name(name)) for name in text.authors
        ]
        assert raw_values["year"] == str(citation.year)
        assert raw_values.get("volume") == citation.volume and raw_values.get("number") == citation.issue
        month = citation.issued.month if citation.issued else None
        assert raw_values.get("month") == (
            None if month is None else "janfebmaraprmayjunjulaugsepoctnovdec"[3 * month - 3 : 3 * month]
        )
        assert "related" not in raw_values  # classic BibTeX links no translations


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(citation=tagged_citations(), lang=st.sampled_from(["zh", "en"]))
def test_values_are_braced_as_bibtexparsers_enclosing_middleware_braces_them(citation: Citation, lang: str) -> None:
    """The writer braces values itself (speed); bibtexparser's middleware would write the same."""
    from bibtexparser.middlewares import AddEnclosingMiddleware
    from bibtexparser.model import Entry

    from citeexport.formats.bibtex.writer import enclose, entry_fields

    ours, theirs = (Entry("article", "k", entry_fields(citation, lang, False)) for _ in range(2))  # type: ignore[arg-type]
    middleware = AddEnclosingMiddleware(
        reuse_previous_enclosing=False, enclose_integers=True, default_enclosing="{", allow_inplace_modification=True
    )
    middleware.transform_entry(theirs, None)  # type: ignore[arg-type]
    assert [(f.key, f.value) for f in enclose(ours).fields] == [(f.key, f.value) for f in theirs.fields]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(citations=st.lists(tagged_citations(), min_size=1, max_size=3), dialect=st.sampled_from(["bibtex", "biblatex"]))
def test_entries_are_laid_out_as_bibtexparsers_writer_lays_them_out(citations: list[Citation], dialect: str) -> None:
    """The writer lays entries out itself (speed); bibtexparser's writer would write the same bytes."""
    from bibtexparser.model import Entry

    from citeexport.formats.bibtex.writer import bibtexparser_layout, entry_fields, layout

    def entries() -> list[Entry]:
        return [
            Entry("misc", f"k{i}{lang}", entry_fields(citation, lang, False, dialect))  # type: ignore[arg-type]
            for i, citation in enumerate(citations)
            for lang in citation.languages
        ]

    assert layout(entries()) == bibtexparser_layout(entries())


def test_an_entry_with_no_field_is_laid_out_as_bibtexparser_lays_it_out() -> None:
    from bibtexparser.model import Entry

    from citeexport.formats.bibtex.writer import bibtexparser_layout, layout

    assert layout([Entry("misc", "k", [])]) == bibtexparser_layout([Entry("misc", "k", [])]) == "@misc{k,\n}\n"


# -- name parts: particles and suffixes (issue 15) --------------------------------------------------

PARTED = [
    Name(family="King", given="Martin Luther", suffix="Jr."),
    Name(family="Gogh", given="Vincent", non_dropping_particle="van"),
    Name(family="Beethoven", given="Ludwig", dropping_particle="van"),
    Name(family="Gates", given="Bill", suffix="III"),
    Name(family="Doe", suffix="Jr."),
    Name(literal="World Health Organization"),
]


def test_particles_and_suffixes_written_von_last_jr_first() -> None:
    text = render([Citation(texts={"en": LocalizedText(title="T", authors=tuple(PARTED))})])
    (line,) = [line for line in text.splitlines() if line.lstrip().startswith("author")]
    assert line == (
        "  author = {King, Jr., Martin Luther and van Gogh, Vincent and van Beethoven, Ludwig"
        " and Gates, III, Bill and Doe, Jr., {} and {World Health Organization}},"
    )


def test_particles_and_suffixes_read_by_pybtex_and_bibtexparser() -> None:
    text = render([Citation(texts={"en": LocalizedText(title="T", authors=tuple(PARTED))})])
    (entry,) = pybtex_parse(text, "bibtex").entries.values()
    parts = [(p.prelast_names, p.last_names, p.lineage_names, p.first_names + p.middle_names) for p in entry.persons["author"]]
    assert parts == [
        ([], ["King"], ["Jr."], ["Martin", "Luther"]),
        (["van"], ["Gogh"], [], ["Vincent"]),
        (["van"], ["Beethoven"], [], ["Ludwig"]),
        ([], ["Gates"], ["III"], ["Bill"]),
        ([], ["Doe"], ["Jr."], ["{}"]),  # an empty First, braced: "Doe, Jr.," is refused by bibtexparser,
        ([], ["{World Health Organization}"], [], []),
    ]
    (read,) = parse_raw(text).entries
    names = read.fields_dict["author"].value
    assert [(n.von, n.last, n.jr, n.first) for n in names] == [
        ([], ["King"], ["Jr."], ["Martin", "Luther"]),
        (["van"], ["Gogh"], [], ["Vincent"]),
        (["van"], ["Beethoven"], [], ["Ludwig"]),
        ([], ["Gates"], ["III"], ["Bill"]),
        ([], ["Doe"], ["Jr."], ["{}"]),  # an empty First, braced: "Doe, Jr.," is refused by bibtexparser,
        ([], ["{World Health Organization}"], [], []),
    ]


def test_particles_and_suffixes_read_back_by_our_reader() -> None:
    from citeexport.registry import get_reader

    text = render([Citation(texts={"en": LocalizedText(title="T", authors=tuple(PARTED))})])
    (record,) = get_reader("bibtex")().read(text.splitlines(keepends=True), "x.bib")
    back = record.citation
    assert [(n.family_full, n.given, n.suffix, n.literal) for n in back.text("en").authors] == [
        ("King", "Martin Luther", "Jr.", None),
        ("van Gogh", "Vincent", None, None),
        ("van Beethoven", "Ludwig", None, None),
        ("Gates", "Bill", "III", None),
        ("Doe", None, "Jr.", None),
        (None, None, None, "World Health Organization"),
    ]

"""CSL-JSON writer and reader: valid streamed UTF-8 JSON, unique ids, and a round trip."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from citeexport.formats.csljson import CslJsonReader, CslJsonWriter
from citeexport.model import Citation, Date, LocalizedText, Name
from citeexport.options import WriteOptions
from citeexport.registry import get_reader, get_writer


def write(citations: list[Citation], **options: object) -> str:
    writer = CslJsonWriter(WriteOptions(**options))  # type: ignore[arg-type]
    return writer.start() + "".join(writer.write(c) for c in citations) + writer.finish()


def read(text: str) -> list[Citation]:
    records = list(CslJsonReader().read(text.splitlines(keepends=True), "t.json"))
    assert all(r.ok for r in records), [r.error for r in records]
    return [r.citation for r in records if r.citation]


def project(citation: Citation, lang: str) -> Citation:
    """What CSL-JSON carries of one language of a citation (no CN, eISSN, PDF URL)."""
    text = citation.text(lang)  # type: ignore[arg-type]
    return citation.model_copy(update={"eissn": None, "cn": None, "texts": {lang: text.model_copy(update={"pdf_url": None})}})


def test_registered_and_sniffed() -> None:
    assert get_writer("csl-json") is CslJsonWriter
    assert get_reader("csl-json") is CslJsonReader
    assert CslJsonReader.sniff('[{"id": 1}]') and CslJsonReader.sniff("{") and not CslJsonReader.sniff("TY  - JOUR")


def test_seed_items(seed: Citation) -> None:
    text = write([seed])
    assert "饶" in text and "\\u" not in text  # UTF-8, not escaped
    items = json.loads(text)
    assert [item["id"] for item in items] == ["1241314566194393863-zh", "1241314566194393863-en"]
    assert items[0]["author"] == [{"family": "饶", "given": "春明"}, {"family": "庞", "given": "琳"}]
    assert items[1]["issued"] == {"date-parts": [[2025, 1, 31]]}
    assert items[1]["page"] == "1-3" and items[1]["language"] == "en-US"


def test_empty_output_is_an_empty_array() -> None:
    assert json.loads(write([])) == []


def test_ids_unique_across_repeated_articles(seed: Citation) -> None:
    ids = [item["id"] for item in json.loads(write([seed, seed], lang="zh"))]
    assert ids == ["1241314566194393863-zh", "1241314566194393863-zh-2"]


def test_round_trip_seed(seed: Citation) -> None:
    back = read(write([seed]))
    assert back == [project(seed, "zh"), project(seed, "en")]


def test_reader_pages_names_dates_language() -> None:
    text = json.dumps(
        [
            {
                "id": "a",
                "type": "article-journal",
                "title": "中文题名",
                "author": [{"literal": "国家药典委员会"}],
                "page": "356–363",
                "issued": {"date-parts": [["2014"]]},
            },
            {
                "id": "b",
                "title": "Title",
                "author": [{"family": "Merwe", "non-dropping-particle": "van der", "given": "J"}],
                "page-first": "e12",
                "issued": {"raw": "2020-05"},
                "status": "online-first",
                "available-date": {"date-parts": [[2020, 5, 3]]},
                "keyword": "a, b; c",
            },
        ],
        ensure_ascii=False,
    )
    zh, en = read(text)
    assert zh.languages == ("zh",) and zh.text("zh").authors == (Name(literal="国家药典委员会"),)
    assert (zh.page_first, zh.page_last, zh.issued) == ("356", "363", Date(year=2014))
    assert en.languages == ("en",) and en.text("en").authors == (
        Name(family="Merwe", non_dropping_particle="van der", given="J"),
    )
    assert (en.page_first, en.page_last, en.issued) == ("e12", None, Date(year=2020, month=5))
    assert en.online_first and en.available_date == Date(year=2020, month=5, day=3)
    assert en.text("en").keywords == ("a", "b", "c")


def test_reader_reports_bad_json_and_bad_items() -> None:
    bad = list(CslJsonReader().read(['[{"id": 1},\n', "oops]"], "x.json"))
    assert [r.ok for r in bad] == [True, False]  # items stream: the good one before the damage survives
    assert bad[1].error is not None and bad[1].error.line == 2 and bad[1].error.record == 2
    mixed = list(CslJsonReader().read(['[{"id": "ok", "title": "T"}, 5, {"id": "n", "author": "x"}]'], "x.json"))
    assert [r.ok for r in mixed] == [True, False, False]
    assert "record 2" in str(mixed[1].error) and "field author" in str(mixed[2].error)


words = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E, blacklist_characters=",;，；-"), min_size=1, max_size=10)
han = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=6)


@st.composite
def citations(draw: st.DrawFn) -> Citation:
    lang = draw(st.sampled_from(["zh", "en"]))
    name = st.one_of(
        st.builds(lambda f, g: Name(family=f, given=g), words, st.one_of(st.none(), words)),
        st.builds(lambda f, g: Name(family=f, given=g), han.map(lambda s: s[:1]), han),
        st.builds(lambda lit: Name(literal=lit), st.one_of(words, han)),
    )
    first = draw(st.one_of(st.none(), st.integers(1, 999)))
    text = LocalizedText(
        title=draw(st.one_of(words, han)),
        authors=tuple(draw(st.lists(name, max_size=4))),
        container_title=draw(st.one_of(st.none(), words, han)),
        url=draw(st.one_of(st.none(), st.just("https://e.org/1"))),
        keywords=tuple(draw(st.lists(st.one_of(words, han), max_size=3))),
        abstract=draw(st.one_of(st.none(), words)),
    )
    return Citation(
        id=draw(st.one_of(st.none(), st.from_regex(r"[0-9]{1,12}", fullmatch=True))),
        issued=draw(
            st.one_of(st.none(), st.builds(Date, year=st.integers(1000, 2100), month=st.one_of(st.none(), st.integers(1, 12))))
        ),
        volume=draw(st.one_of(st.none(), words)),
        issue=draw(st.one_of(st.none(), words)),
        page_first=None if first is None else str(first),
        page_last=None if first is None else draw(st.one_of(st.none(), st.integers(first + 1, first + 50).map(str))),
        doi=draw(st.one_of(st.none(), st.just("10.1/x"))),
        issn=draw(st.one_of(st.none(), st.just("0254-1793"))),
        texts={lang: text},
    )


@settings(max_examples=150, deadline=None)
@given(citations())
def test_round_trip_property(citation: Citation) -> None:
    lang = citation.languages[0]
    [back] = read(write([citation]))
    expected = project(citation, lang)
    if expected.id is None:  # the writer names anonymous articles item<n>
        expected = expected.model_copy(update={"id": "item1"})
    assert back == expected

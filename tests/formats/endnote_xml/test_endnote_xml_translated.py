"""EndNote XML's translated-title and translated-authors: the record's second language, read as the
writer's inverse (the writer writes each language as a record of its own)."""

from __future__ import annotations

from citeexport.inputs import split_lines
from citeexport.model import Citation, Date, LocalizedText, Name
from citeexport.options import WriteOptions
from citeexport.registry import get_reader, get_writer

WANFANG_LIKE = (
    '<?xml version="1.0" encoding="UTF-8"?><xml><records><record><ref-type name="Journal Article">17</ref-type>'
    "<contributors><authors><author>王, 小明</author><author>李, 四</author></authors>"
    "<translated-authors><author>Wang, Xiaoming</author><author>Li, Si</author></translated-authors></contributors>"
    '<titles><title>水中<style face="italic">H</style><style face="subscript">2</style>O的研究</title>'
    "<secondary-title>中国药学杂志</secondary-title>"
    '<translated-title>A Study of <style face="italic">H</style><style face="subscript">2</style>O in Water</translated-title>'
    "</titles><dates><year>2020</year></dates></record></records></xml>\n"
)
BOTH = Citation(
    type="article-journal",
    issued=Date(year=2020),
    texts={
        "zh": LocalizedText(
            title="水中<i>H</i><sub>2</sub>O的研究",
            container_title="中国药学杂志",
            names={"author": (Name(family="王", given="小明"), Name(family="李", given="四"))},
        ),
        "en": LocalizedText(
            title="A Study of <i>H</i><sub>2</sub>O in Water",
            names={"author": (Name(family="Wang", given="Xiaoming"), Name(family="Li", given="Si"))},
        ),
    },
)


def read(text: str) -> list[Citation]:
    records = list(get_reader("endnote-xml")().read(split_lines(text), "t.xml"))
    assert [r.error for r in records] == [None] * len(records)
    return [r.citation for r in records if r.citation is not None]


def test_translated_title_and_authors_are_the_second_language() -> None:
    records = list(get_reader("endnote-xml")().read(split_lines(WANFANG_LIKE), "t.xml"))
    assert [r.citation for r in records] == [BOTH]
    assert records[0].warnings == []  # translated-* are read, no longer named as not read


def test_an_english_translation_of_a_chinese_title_and_the_reverse() -> None:
    swapped = WANFANG_LIKE.replace("<title>", "<x>").replace("</title>", "</x>")
    swapped = swapped.replace("<translated-title>", "<title>").replace("</translated-title>", "</title>")
    swapped = swapped.replace("<x>", "<translated-title>").replace("</x>", "</translated-title>")
    (citation,) = read(swapped)
    assert citation.languages == ("zh", "en")
    assert citation.text("en").title == BOTH.text("en").title and citation.text("en").container_title == "中国药学杂志"
    assert citation.text("zh").title == BOTH.text("zh").title and citation.text("zh").container_title is None


def test_translated_elements_in_the_records_own_language_are_named_not_read() -> None:
    doc = (
        '<xml><records><record><ref-type name="Book">6</ref-type><titles><title>A Title</title>'
        "<translated-title>Translated Title</translated-title></titles>"
        "<contributors><translated-authors><author>Author, Translated</author></translated-authors></contributors>"
        "</record></records></xml>"
    )
    (record,) = get_reader("endnote-xml")().read(split_lines(doc), "t.xml")
    assert record.citation is not None and record.citation.languages == ("en",)
    assert record.citation.text("en").names == {}
    assert record.warnings == [
        "translated elements in the record's own language, not read: titles/translated-title, contributors/translated-authors"
    ]


def test_the_writer_writes_each_language_as_a_record_that_reads_back_as_it_was() -> None:
    writer = get_writer("endnote-xml")(WriteOptions(lang="both"))
    out = writer.start() + writer.write(BOTH) + writer.finish()
    assert out.count("<record>") == 2 and "translated-" not in out
    zh, en = read(out)
    assert zh.texts == {"zh": BOTH.texts["zh"]} and en.texts == {"en": BOTH.texts["en"]}
    assert zh.model_copy(update={"texts": BOTH.texts}) == BOTH == en.model_copy(update={"texts": BOTH.texts})

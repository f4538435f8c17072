"""The writer-warnings channel: what a format cannot hold is said for the record being written, never dropped silently."""

from __future__ import annotations

import io

from rich.console import Console

from citeexport import api
from citeexport.formats.base import FIELDS_NOT_HELD, TYPE_NOT_HELD, present_fields
from citeexport.model import Citation, LocalizedText, Name
from citeexport.pipeline import Job, run
from citeexport.registry import writers
from citeexport.report import Report

BOOK = Citation(
    type="book",
    isbn="978-7-04-050000-0",
    texts={
        "en": LocalizedText(
            title="A Book", publisher="Press", names={"author": (Name(family="A"),), "editor": (Name(family="E"),)}
        )
    },
)
#: A law and its archive, which neither BibTeX dialect holds (both write it as ``@misc``).
LAW_JSON = (
    '[{"id": "a", "type": "legislation", "title": "A Law", "archive": "National Archives", "issued": {"date-parts": [[2020]]}}]'
)


def said(fmt: str, citation: Citation) -> list[str]:
    heard: list[str] = []
    "".join(api.write([citation], fmt, on_warning=lambda _c, message: heard.append(message)))
    return heard


def test_every_writer_holds_a_book() -> None:
    for fmt in ("bibtex", "biblatex", "ris", "enw", "refworks", "csl-json"):  # issue 12
        assert said(fmt, BOOK) == [], fmt
    assert said("text", BOOK) == []  # GB/T prints a book as [M] with its editor and publisher (the ISBN never)


#: A type and a field no tagged format holds: a book review and its medium.
REVIEW = Citation(type="review-book", texts={"en": LocalizedText(title="On a Book", medium="audio")})


def test_the_tagged_writers_say_what_a_book_review_loses() -> None:
    for fmt, written_as in (("ris", "JOUR"), ("enw", "Journal Article"), ("refworks", "Journal Article")):
        assert said(fmt, REVIEW) == [
            f"{TYPE_NOT_HELD}, written as {written_as}: review-book",
            f"{FIELDS_NOT_HELD}: medium",
        ], fmt


def test_a_journal_article_from_the_dump_says_nothing(seed: Citation) -> None:
    for fmt in writers():
        assert said(fmt, seed) == [], fmt


def test_present_fields_names_model_fields_and_roles() -> None:
    assert present_fields(BOOK, "en") == ["isbn", "title", "publisher", "author", "editor"]
    assert present_fields(BOOK, "zh") == ["isbn"]


def test_the_pipeline_reports_writer_warnings_with_the_record(tmp_path) -> None:
    source = tmp_path / "law.json"
    source.write_text(LAW_JSON, encoding="utf-8")
    buffer = io.StringIO()
    report = Report(console=Console(file=buffer, width=300, highlight=False, soft_wrap=True))
    code = run(Job(inputs=[str(source)], formats=["bibtex"], output=str(tmp_path / "out.bib")), report)
    assert code == 0
    text = buffer.getvalue()
    assert "record 1" in text and f"bibtex: {TYPE_NOT_HELD}, written as @misc: legislation" in text
    assert f"bibtex: {FIELDS_NOT_HELD}: archive" in text
    assert report.files[str(source)].warnings >= 2  # the type and the fields the writer cannot hold

"""NoteExpress writer: golden files per type, every type read back whole, round trips with every other format, warnings.

``golden/types.net`` is one record of every NoteExpress type the writer writes (each filled in
every field its row holds), ``golden/seed.net`` the sample article in both languages.  After a
deliberate change: ``CITEEXPORT_UPDATE_GOLDEN=1 pytest tests/formats/noteexpress``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeexport import projection
from citeexport.formats.tagged.noteexpress import TYPE_FIELDS, NoteExpressReader, NoteExpressWriter, written_type
from citeexport.formats.tagged.noteexpress import TYPES as NOTEEXPRESS_TYPES
from citeexport.inputs import split_lines
from citeexport.model import Citation, Date, LocalizedText, Name
from citeexport.names import parse_name
from citeexport.options import WriteOptions
from citeexport.projection import for_type, project
from citeexport.registry import carried, get_reader, get_writer
from citeexport.values import split_pages
from support.seed import seed_citation
from support.tagged_readers import citations
from support.terminal import run_piped

GOLDEN = Path(__file__).parent / "golden"


def write(*citations: Citation, lang: str = "both") -> str:
    writer = NoteExpressWriter(WriteOptions(lang=lang))
    return writer.start() + "".join(writer.write(c) for c in citations) + writer.finish()


def read(text: str) -> list[Citation]:
    records = list(NoteExpressReader().read(split_lines(text), "<noteexpress>"))
    assert [r.error for r in records] == [None] * len(records)
    return [r.citation for r in records]  # type: ignore[misc]


def _names(*printed: str) -> tuple[Name, ...]:
    return tuple(name for name in map(parse_name, printed) if name is not None)


def typed_citation(type_name: str) -> Citation:
    """One record of a NoteExpress type with every field its row holds filled in (Chinese, as CNKI's)."""
    slots = dict(TYPE_FIELDS[type_name])
    text: dict[str, object] = {"language": "zh", "title": f"{type_name}的题名", "names": {"author": _names("饶春明", "Lin Pang")}}
    neutral: dict[str, object] = {"issued": Date(year=2025, month=1, day=31)}
    roles = {"editor": ("王编辑",), "translator": ("李翻译",), "contributor": ("何导师",), "organizer": ("中国药学会",)}
    for slot in slots:
        if slot in roles:
            text["names"] = {**text["names"], slot: _names(*roles[slot])}  # type: ignore[dict-item]
        elif slot in ("container_title", "collection_title", "event_title", "event_place", "publisher", "publisher_place",
                      "genre", "medium", "authority", "note", "archive", "edition", "title_short", "container_title_short"):  # fmt: skip
            text[slot] = f"{slot}值"
        elif slot in ("volume", "issue", "number", "number_of_pages", "number_of_volumes", "section", "version", "isbn",
                      "issn", "call_number"):  # fmt: skip
            neutral[slot] = {"isbn": "978-7-111-40701-0", "issn": "0254-1793", "number": "CN108722921A"}.get(slot, f"{slot}1")
        elif slot == "pages":
            neutral["page_first"], neutral["page_last"] = split_pages("1-3")
        elif slot == "doi":
            neutral["doi"] = "10.16155/j.0254-1793.2025.01.01"
        elif slot == "url":
            text["url"] = "https://example.org/a?b=1&c=2"
        elif slot == "keyword":
            text["keywords"] = ("干细胞", "质量研究")
        elif slot == "abstract":
            text["abstract"] = "摘要第一句。"
        elif slot == "accessed":
            neutral["accessed"] = Date(year=2025, month=2, day=1)
    csl_type = dict(NOTEEXPRESS_TYPES)[type_name]
    return Citation(type=csl_type, texts={"zh": LocalizedText(**text)}, **neutral)  # type: ignore[arg-type]


TYPES = sorted(TYPE_FIELDS)


def test_registered_under_its_name_and_listed_by_the_formats_command() -> None:
    assert get_writer("noteexpress") is NoteExpressWriter and get_reader("noteexpress") is NoteExpressReader
    done = run_piped("formats")
    assert done.returncode == 0 and b"noteexpress" in done.stdout


@pytest.mark.parametrize(
    ("name", "citations"), [("types.net", [typed_citation(t) for t in TYPES]), ("seed.net", [seed_citation()])]
)
def test_golden(name: str, citations: list[Citation]) -> None:
    got = write(*citations)
    path = GOLDEN / name
    if os.environ.get("CITEEXPORT_UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8", newline="")
    with path.open(encoding="utf-8", newline="") as golden:
        assert got == golden.read()


@pytest.mark.parametrize("type_name", TYPES)
def test_every_type_comes_back_whole(type_name: str) -> None:
    citation = typed_citation(type_name)
    writer = NoteExpressWriter()
    text = writer.write(citation)
    assert writer.take_warnings() == []  # every field of the type's row is written
    assert text.startswith(f"{{Reference Type}}: {type_name}\n") and text.endswith("\n\n")
    assert read(text) == [citation]


@pytest.mark.parametrize("other", sorted(set(carried()) - {"noteexpress"}))
@pytest.mark.parametrize("type_name", TYPES)
def test_round_trip_with_every_other_format_keeps_what_both_carry(type_name: str, other: str) -> None:
    """noteexpress -> other -> noteexpress, projected onto what both carry for the type (and for the type
    the other format turned it into: RIS reads every type as a journal article)."""
    citation = typed_citation(type_name)
    writer = get_writer(other)(WriteOptions(lang="both"))
    written = writer.start() + writer.write(read(write(citation))[0]) + writer.finish()
    there = [r.citation for r in get_reader(other)().read(split_lines(written), f"<{other}>")]
    assert len(there) == 1 and there[0] is not None
    rows = [for_type(carried()["noteexpress"], t) for t in (citation.type, there[0].type)] + [
        for_type(carried()[other], citation.type)
    ]
    both = projection.carried_by(rows)
    back = read(write(there[0]))
    assert [project(c, "zh", both) for c in (*there, *back)] == [project(citation, "zh", both)] * 2


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(citation=citations(), csl_type=st.sampled_from(sorted({csl for _, csl in NOTEEXPRESS_TYPES})))
def test_generated_records_of_every_type_keep_what_the_type_carries(citation: Citation, csl_type: str) -> None:
    carries = projection.carried_by([for_type(carried()["noteexpress"], csl_type)])  # the fields the projection knows
    update: dict[str, object] = {"type": csl_type}
    if "pages" not in carries:  # projection.project compares pages whatever a row carries; the writer warns this loss
        update |= {"page_first": None, "page_last": None, "page": None, "number": None}
    typed = citation.model_copy(update=update)
    back = read(write(typed))
    assert [project(c, c.languages[0], carries) for c in back] == [project(typed, lang, carries) for lang in typed.languages]


def test_seed_in_both_languages_is_two_records_read_back() -> None:
    seed = seed_citation()
    zh, en = read(write(seed))
    assert zh.texts["zh"].title == seed.texts["zh"].title and en.texts["en"].title == seed.texts["en"].title
    assert (zh.cn, zh.issn, zh.issued) == ("11-2224/R", "0254-1793", Date(year=2025, month=1, day=31))
    assert [n.whole for n in en.texts["en"].authors] == ["Chun-ming RAO", "Lin PANG"]


def test_a_type_without_a_noteexpress_type_goes_to_the_nearest_with_a_warning() -> None:
    writer = NoteExpressWriter()
    text = writer.write(Citation(type="post-weblog", texts={"en": LocalizedText(title="A post", container_title="Blog")}))
    assert text.startswith("{Reference Type}: Web Page\n") and "{Secondary Title}: Blog\n" in text
    assert writer.take_warnings() == ["type the format cannot hold, written as Web Page: post-weblog"]
    assert written_type("legal_case") == "Generic" and written_type("thesis") == "Thesis"


def test_fields_the_type_cannot_hold_are_named() -> None:
    writer = NoteExpressWriter()
    writer.write(Citation(isbn="978-7-111-40701-0", texts={"en": LocalizedText(title="T", event_title="Conf", edition="2")}))
    assert writer.take_warnings() == ["fields the format cannot hold, not written: isbn, event_title, edition"]


def test_values_with_line_breaks_are_folded_and_cannot_start_a_field_or_record() -> None:
    title = "A\n{Reference Type}: Book\r\n{Title}: forged\u2028{Author}: x"
    text = write(Citation(texts={"en": LocalizedText(title=title, abstract="{Title}: also forged")}))
    assert text.count("{Reference Type}") == 2 and text.count("\n{") == 3  # the title and abstract lines, and Language
    (back,) = read(text)
    assert back.texts["en"].title == "A {Reference Type}: Book {Title}: forged {Author}: x"
    assert back.texts["en"].abstract == "{Title}: also forged" and back.texts["en"].authors == ()


def test_convert_to_noteexpress(tmp_path: Path) -> None:
    (tmp_path / "in.ris").write_text(
        "TY  - BOOK\r\nTI  - 全唐五代诗格汇考\r\nAU  - 张伯伟\r\nPY  - 2002\r\nER  - \r\n", encoding="utf-8"
    )
    done = run_piped("convert", "--to", "noteexpress", "in.ris", "-o", "out.net", cwd=tmp_path)
    assert done.returncode == 0, done.messages
    out = (tmp_path / "out.net").read_bytes()
    assert out.startswith(b"{Reference Type}: ") and "{Title}: 全唐五代诗格汇考\n".encode() in out
    assert not out.startswith(b"\xef\xbb\xbf") and b"\r\n" not in out  # UTF-8 without a BOM, LF

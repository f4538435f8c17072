"""Round trips: model -> format A -> model keeps every field A carries; model -> A -> model -> B -> model keeps what both carry.

What a format carries is data (:data:`CARRIES`): for each format, each model field it
keeps and how (the projection both sides are compared through).  The same dict makes the
README table ("Reading other formats"), and a test keeps the two equal.

Generated models (:func:`models`): the writer tests' strategy (CJK, mixed punctuation, line
breaks and controls, 1-30 authors, abstracts up to 3,000 characters) plus what it lacks:
LaTeX specials (``{ } \\ ~ ^ $ % & # _``), article numbers, journal abbreviations, Western
names with particles and suffixes, organisations; ``--`` and ``''`` included (the BibTeX writer
breaks TeX's ligatures, ``-{}-``, so they come back as typed).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import product
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeexport.formats.base import Record
from citeexport.inputs import split_lines
from citeexport.model import Citation, Lang, LocalizedText, Name, has_cjk
from citeexport.oneline import one_line
from citeexport.options import WriteOptions
from citeexport.registry import get_reader, get_writer
from support.seed import seed_citation
from support.tagged_readers import citations, rich_citation

FORMATS = ("bibtex", "ris", "enw", "refworks", "csl-json")

# -- projections ---------------------------------------------------------------------------------

_SPACES = re.compile(r" {2,}")
_CONTROLS = re.compile("[\x00-\x1f\x7f]")


def _line(value: str | None) -> str | None:
    return (one_line(value) or None) if value else None


def _squeezed(value: str | None) -> str | None:
    """What the BibTeX writer keeps of text: one line, runs of spaces made one."""
    folded = _line(value)
    return (_SPACES.sub(" ", folded) or None) if folded else None


def _split_keywords(separators: str) -> Callable[[tuple[str, ...]], tuple[str, ...]]:
    pattern = re.compile(f"\\s*[{separators}]\\s*")

    def split(keywords: tuple[str, ...]) -> tuple[str, ...]:
        pieces = (piece for keyword in keywords for piece in pattern.split(_SPACES.sub(" ", one_line(keyword))))
        return tuple(piece for piece in pieces if piece)

    return split


def _name_parts(name: Name) -> tuple[str | None, ...]:
    """Family/given, organisations marked; a CJK name (person or organisation) whole, as every format prints it."""
    if name.literal is not None and not has_cjk(name.literal):
        return ("organisation", _line(name.literal))
    if has_cjk(name.whole):
        return ("whole", _line(name.whole))
    return ("person", _line(name.family), _line(name.given))


def _name_whole(name: Name) -> tuple[str | None, ...]:
    """Formats with no organisation marker: the printed name (family/given split where a comma says so)."""
    return ("whole", _line(name.whole))


#: How a field is compared, by mode; the mode names are the README's cells.
MODES: dict[str, Callable[[Any], Any]] = {
    "yes": lambda value: value,
    "one line": _line,
    "one line, spaces squeezed": _squeezed,
    "family/given, organisations marked": lambda names: tuple(_name_parts(n) for n in names),
    "printed whole, organisations unmarked": lambda names: tuple(_name_whole(n) for n in names),
    "split at ; ；": _split_keywords(";；"),
    "split at , ; ， ；": _split_keywords(",;，；"),
    "first and last page": lambda pages: pages,
    "in the page slot when there are no pages": lambda number: number,
}
#: For two formats in a row, the weaker mode of each field wins (later in a list = weaker).
WEAKER: tuple[tuple[str, ...], ...] = (
    ("yes", "one line", "one line, spaces squeezed"),
    ("family/given, organisations marked", "printed whole, organisations unmarked"),
    ("split at ; ；", "split at , ; ， ；"),
)

#: Model fields by what they are read from (a Citation and one of its languages).
FIELDS: dict[str, Callable[[Citation, Lang], Any]] = {
    "title": lambda c, lang: c.text(lang).title,
    "authors": lambda c, lang: c.text(lang).authors,
    "container_title": lambda c, lang: c.text(lang).container_title,
    "container_title_short": lambda c, lang: c.text(lang).container_title_short,
    "abstract": lambda c, lang: c.text(lang).abstract,
    "keywords": lambda c, lang: c.text(lang).keywords,
    "url": lambda c, lang: c.text(lang).url,
    "pdf_url": lambda c, lang: c.text(lang).pdf_url,
    "issued": lambda c, lang: c.issued,
    "available_date": lambda c, lang: c.available_date,
    "online_first": lambda c, lang: c.online_first,
    "volume": lambda c, lang: c.volume,
    "issue": lambda c, lang: c.issue,
    "pages": lambda c, lang: (c.page_first, c.page_last if c.page_last != c.page_first else None),
    "number": lambda c, lang: c.number,
    "doi": lambda c, lang: c.doi,
    "issn": lambda c, lang: c.issn,
    "eissn": lambda c, lang: c.eissn,
    "cn": lambda c, lang: c.cn,
    "id": lambda c, lang: c.id,
    "language": lambda c, lang: lang,
}

_TAGGED = {
    "title": "one line",
    "authors": "printed whole, organisations unmarked",
    "container_title": "one line",
    "container_title_short": "one line",
    "abstract": "one line",
    "keywords": "split at ; ；",
    "url": "yes",
    "issued": "yes",
    "volume": "one line",
    "issue": "one line",
    "pages": "first and last page",
    "doi": "yes",
    "issn": "yes",
    "language": "yes",
}

#: What each format carries, field by field (absent: lost by the writer or not in the format).
CARRIES: dict[str, dict[str, str]] = {
    "bibtex": {
        **{
            field: mode.replace("one line", "one line, spaces squeezed")
            for field, mode in _TAGGED.items()
            if field != "container_title_short"
        },
        "authors": "family/given, organisations marked",
        "keywords": "split at , ; ， ；",
        "number": "yes",
    },
    "ris": {**_TAGGED, "number": "yes"},
    "enw": {**_TAGGED, "authors": "family/given, organisations marked", "number": "in the page slot when there are no pages"},
    "refworks": {**_TAGGED, "number": "in the page slot when there are no pages"},
    "csl-json": {
        **_TAGGED,
        **{field: "yes" for field in ("title", "container_title", "container_title_short", "abstract", "volume", "issue")},
        "authors": "family/given, organisations marked",
        "keywords": "split at , ; ， ；",
        "available_date": "yes",
        "online_first": "yes",
        "number": "yes",
    },
}


def _weaker(first: str, second: str) -> str:
    for order in WEAKER:
        if first in order and second in order:
            return max(first, second, key=order.index)
    assert first == second or {first, second} <= {"yes", "first and last page", "in the page slot when there are no pages"}, (
        first,
        second,
    )
    return first if first != "yes" else second


def carried_by(*formats: str) -> dict[str, str]:
    """The fields every one of ``formats`` carries, each with the weakest of their modes."""
    fields = [field for field in FIELDS if all(field in CARRIES[fmt] for fmt in formats)]
    out = {}
    for field in fields:
        mode = CARRIES[formats[0]][field]
        for fmt in formats[1:]:
            mode = _weaker(mode, CARRIES[fmt][field])
        out[field] = mode
    return out


def project(citation: Citation, lang: Lang, carried: dict[str, str]) -> dict[str, Any]:
    """``citation`` in ``lang`` reduced to what ``carried`` keeps."""
    out = {
        field: MODES[mode](FIELDS[field](citation, lang)) for field, mode in carried.items() if field not in ("pages", "number")
    }
    first, last = FIELDS["pages"](citation, lang)
    if carried.get("number") == "in the page slot when there are no pages":
        first = first or (citation.number if not last else None)
    elif "number" in carried:
        out["number"] = citation.number
    out["pages"] = (_line(first or last), _line(last) if first and last else None)
    return out


def readme_table() -> str:
    """The README's table of what each format carries, made from :data:`CARRIES`."""
    header = "| model field | " + " | ".join(FORMATS) + " |"
    rows = [header, "|" + "---|" * (len(FORMATS) + 1)]
    for field in FIELDS:
        cells = [CARRIES[fmt].get(field, "—") for fmt in FORMATS]
        rows.append(f"| `{field}` | " + " | ".join(cells) + " |")
    return "\n".join(rows)


# -- conversions ------------------------------------------------------------------------------------


def write(fmt: str, items: list[Citation]) -> str:
    writer = get_writer(fmt)(WriteOptions(lang="both"))
    return writer.start() + "".join(writer.write(c) for c in items) + writer.finish()


def read(fmt: str, text: str) -> list[Record]:
    records = list(get_reader(fmt)().read(split_lines(text), f"<{fmt}>"))
    assert [r.error for r in records if r.error] == []
    return records


def convert(fmt: str, items: list[Citation]) -> list[Citation]:
    return [r.citation for r in read(fmt, write(fmt, items))]  # type: ignore[misc]


# -- generated models ----------------------------------------------------------------------------------

_LATEX = st.sampled_from([*list("{}\\~^$%&#_"), "{x}", "\\emph", "$x$", "a{", "}b", "\\\\", '{\\"u}', "%comment"])
_WESTERN = st.builds(
    Name,
    family=st.sampled_from(["van Beethoven", "de la Fontaine", "King, Jr.", "O'Neil", "Müller-Lüdenscheidt", "von Neumann"]),
    given=st.sampled_from(["Ludwig", "Jean", "Martin Luther", "Anna-Maria", "J. R."]),
)
_ORGANISATIONS = st.builds(
    Name, literal=st.sampled_from(["World Health Organization", "IEEE Computer Society", "Cochrane Group"])
)


def _no_ligatures(text: str | None) -> str | None:
    """Text without HTML entities (``&amp;`` is markup in the model, not text)."""
    if text is None:
        return None
    return text.replace("&", "& ")


def _clean(citation: Citation) -> Citation:
    texts = {}
    for lang, text in citation.texts.items():
        texts[lang] = text.model_copy(
            update={
                "title": _no_ligatures(text.title),
                "container_title": _no_ligatures(text.container_title),
                "container_title_short": _no_ligatures(text.container_title_short),
                "abstract": _no_ligatures(text.abstract),
                "keywords": tuple(k for k in (_no_ligatures(k) for k in text.keywords) if k and one_line(k)),
                "authors": tuple(n.model_copy(update={"literal": _no_ligatures(n.literal)}) for n in text.authors),
            }
        )
    return citation.model_copy(update={"texts": texts})


@st.composite
def models(draw: st.DrawFn) -> Citation:
    base = draw(citations())
    texts: dict[Lang, LocalizedText] = {}
    for lang, text in base.texts.items():
        specials = draw(st.lists(_LATEX, max_size=4))
        extra_names = draw(st.lists(st.one_of(_WESTERN, _ORGANISATIONS), max_size=3, unique_by=lambda n: n.whole))
        texts[lang] = text.model_copy(
            update={
                "title": (text.title or "") + " " + " ".join(specials),
                "authors": tuple({n.whole: n for n in (*text.authors, *extra_names)}.values()),
                "container_title_short": draw(
                    st.one_of(st.none(), st.sampled_from(["Acta Pharm Sin", "药学学报", "J. Phys. A"]))
                ),
            }
        )
    number = draw(st.one_of(st.none(), st.from_regex(r"e[0-9]{3,7}", fullmatch=True)))
    # model_copy does not validate: dump and validate again, so the model's own cleaning applies as for any reader's output
    return Citation.model_validate(_clean(base.model_copy(update={"texts": texts, "number": number})).model_dump())


EXAMPLES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# -- tests ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@EXAMPLES
@given(citation=models())
def test_model_to_format_to_model_keeps_what_the_format_carries(fmt: str, citation: Citation) -> None:
    carried = carried_by(fmt)
    back = convert(fmt, [citation])
    assert [c.languages for c in back] == [(lang,) for lang in citation.languages]
    assert [project(c, c.languages[0], carried) for c in back] == [
        project(citation, lang, carried) for lang in citation.languages
    ]


PAIRS = [(a, b) for a, b in product(FORMATS, FORMATS) if a != b]


@pytest.mark.parametrize(("first", "second"), PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
@EXAMPLES
@given(citation=models())
def test_model_to_a_to_b_keeps_what_both_carry(first: str, second: str, citation: Citation) -> None:
    carried = carried_by(first, second)
    back = convert(second, convert(first, [citation]))
    assert [project(c, c.languages[0], carried) for c in back] == [
        project(citation, lang, carried) for lang in citation.languages
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_many_records_in_one_input_come_back_in_order(fmt: str) -> None:
    items = [seed_citation(), rich_citation(), seed_citation(), rich_citation()]
    back = convert(fmt, items)
    carried = carried_by(fmt)
    assert [project(c, c.languages[0], carried) for c in back] == [
        project(i, lang, carried) for i in items for lang in i.languages
    ]


def test_readme_has_the_table_of_what_each_format_carries() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Reading other formats", 1)
    assert len(section) == 2, "README lacks the section"
    assert readme_table() in section[1]


def test_projection_sees_a_lost_field() -> None:
    """The comparison can fail: a record that lost its abstract does not project like the original."""
    citation = Citation(texts={"en": LocalizedText(title="T", abstract="A")})
    lost = Citation(texts={"en": LocalizedText(title="T")})
    assert project(citation, "en", carried_by("ris")) != project(lost, "en", carried_by("ris"))


def test_bibtex_keeps_a_literal_double_hyphen() -> None:
    citation = Citation(texts={"en": LocalizedText(title="a--b c''d ``e'' x---y")})
    (back,) = convert("bibtex", [citation])
    assert back.text("en").title == "a--b c''d ``e'' x---y"


@pytest.mark.parametrize("title", [":%G {", "a%A b", "x.%K y", "95%A rise"])
def test_enw_values_holding_tag_like_text_read_back_as_written(title: str) -> None:
    """Found by the round-trip property test: only a tag glued after a Chinese full stop is MagTech's lost line break."""
    citation = Citation(texts={"zh": LocalizedText(title=title, authors=(Name(family="一", given="一"),), container_title="0")})
    (back,) = convert("enw", [citation])
    assert back.text("zh").title == title

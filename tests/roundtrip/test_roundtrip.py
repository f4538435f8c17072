"""Round trips: model -> format A -> model keeps every field A carries; model -> A -> model -> B -> model keeps what both carry.

What a format carries is data, declared by each format (``CARRIES``, :mod:`citeexport.projection`):
for each type and model field, how it comes back (the projection both sides are compared
through).  The same data makes the README table ("Reading other formats"), and a test keeps the
two equal.

Generated models (:func:`models`): the writer tests' strategy (CJK, mixed punctuation, line
breaks and controls, 1-30 authors, abstracts up to 3,000 characters) plus what it lacks:
LaTeX specials (``{ } \\ ~ ^ $ % & # _``), article numbers, journal abbreviations, Western
names with particles and suffixes, organisations; ``--`` and ``''`` included (the BibTeX writer
breaks TeX's ligatures, ``-{}-``, so they come back as typed).
"""

from __future__ import annotations

from itertools import product

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeexport import projection
from citeexport.formats.base import Record
from citeexport.inputs import split_lines
from citeexport.model import Citation, Lang, LocalizedText, Name
from citeexport.oneline import one_line
from citeexport.options import WriteOptions
from citeexport.projection import for_type, project
from citeexport.registry import carried, get_reader, get_writer
from support.seed import seed_citation
from support.tagged_readers import citations, rich_citation

FORMATS = ("bibtex", "ris", "enw", "refworks", "csl-json", "endnote-xml")

# -- projections ---------------------------------------------------------------------------------

#: What each format carries, by type and field: the formats' own declarations (``CARRIES``).
CARRIES = carried()


def carried_by(*formats: str, csl_type: str = "article-journal") -> dict[str, str]:
    """The fields every one of ``formats`` carries for ``csl_type``, each with the weakest of their modes."""
    return projection.carried_by([for_type(CARRIES[fmt], csl_type) for fmt in formats])


def readme_table() -> str:
    return projection.readme_table({fmt: CARRIES[fmt] for fmt in FORMATS}, "article-journal")


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
    """Text without markup (``<i>`` is markup in the model: formats without it keep the text only)."""
    if text is None:
        return None
    return text.replace("<", "< ")


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
                "names": {"author": tuple(n.model_copy(update={"literal": _no_ligatures(n.literal)}) for n in text.authors)},
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
                "names": {"author": tuple({n.whole: n for n in (*text.authors, *extra_names)}.values())},
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

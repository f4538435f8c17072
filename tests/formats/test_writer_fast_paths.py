"""The writers' fast paths against the general definitions they stand in for, on random records: the
warnings' field list (:func:`~citeexport.formats.base.unwritten_fields` against
:func:`~citeexport.formats.base.present_fields`), the date parts lost, and the tagged lines
(:func:`~citeexport.formats.tagged.writing.render_lines` against ``join_lines(tag_lines(…))``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citeexport.formats.base import DATE_FIELDS, QUIETLY_OMITTED, lost_date_parts, present_fields, unwritten_fields
from citeexport.formats.tagged import enw, refworks, ris
from citeexport.formats.tagged.writing import join_lines, line_plan, render_lines, tag_lines
from citeexport.model import CSL_TYPES, ROLES, Citation, Date, LocalizedText, Name, clean_text
from support.tagged_types import TYPE_CASES

_TOKENS = [
    "a",
    "Z",
    " ",
    "  ",
    "{",
    "&amp;",
    "<i>x</i>",
    "\n",
    "\r\n",
    "\t",
    "\x0b",
    "\u2028",
    "\x00",
    "\x85",
    "\ufeff",
    "饶",
    "é",
]
_TEXT = st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=6).map("".join).filter(lambda s: clean_text(s) is not None)
_OPTIONAL = st.none() | _TEXT
_DATE = st.builds(
    lambda year, month, season, circa, end: Date(
        year=year, month=month, season=None if month else season, circa=circa, end=Date(year=year + 1) if end else None
    ),
    st.integers(-900, 2100),
    st.none() | st.integers(1, 12),
    st.none() | st.integers(1, 4),
    st.booleans(),
    st.booleans(),
)
_NAME = st.builds(Name, family=_TEXT, given=_OPTIONAL) | st.builds(Name, literal=_TEXT)
_TEXT_FIELDS = [name for name in LocalizedText.model_fields if name not in ("language", "keywords", "names")]
_CITATION_FIELDS = [
    name for name, info in Citation.model_fields.items() if info.annotation == (str | None) and name not in ("id", "type")
]


@st.composite
def citations(draw: st.DrawFn) -> Citation:
    """Citations of any type with any of the model's fields, dates with every part, names in any role."""
    texts = {
        lang: LocalizedText(
            keywords=tuple(draw(st.lists(_TEXT, max_size=2))),
            names={role: tuple(draw(st.lists(_NAME, min_size=1, max_size=2))) for role in draw(st.sets(st.sampled_from(ROLES)))},
            **{name: draw(_OPTIONAL) for name in draw(st.sets(st.sampled_from(_TEXT_FIELDS)))},
        )
        for lang in draw(st.sampled_from([("zh",), ("en",), ("zh", "en"), ()]))
    }
    return Citation(
        type=draw(st.sampled_from(CSL_TYPES)),
        texts=texts,
        extra=draw(st.dictionaries(st.sampled_from(["medium", "note", "x"]), _TEXT, max_size=2)),
        **{name: draw(_OPTIONAL) for name in draw(st.sets(st.sampled_from(_CITATION_FIELDS)))},
        **{name: draw(_DATE) for name in draw(st.sets(st.sampled_from(DATE_FIELDS)))},
    )


_WRITTEN = st.frozensets(st.sampled_from([*Citation.model_fields, *LocalizedText.model_fields, *ROLES, "extra:medium"]))


@settings(max_examples=300)
@given(citations(), _WRITTEN)
def test_unwritten_fields_are_the_present_fields_not_written(citation: Citation, written: frozenset[str]) -> None:
    for lang in (*citation.languages, "de"):
        expected = [field for field in present_fields(citation, lang) if field not in written and field not in QUIETLY_OMITTED]
        assert unwritten_fields(citation, lang, written) == expected


def _lost_date_parts(citation: Citation, written: frozenset[str], parts: tuple[str, ...]) -> list[str]:
    """The definition :func:`lost_date_parts` is written faster than."""
    says = {"circa": lambda d: d.circa, "season": lambda d: d.season is not None, "range end": lambda d: d.end is not None}
    return [
        f"{field} ({part})"
        for field in DATE_FIELDS
        if field in written and (date := getattr(citation, field)) is not None
        for part in parts
        if says[part](date)
    ]


@settings(max_examples=300)
@given(citations(), _WRITTEN)
def test_lost_date_parts(citation: Citation, written: frozenset[str]) -> None:
    for parts in (("circa", "range end"), ("circa", "season", "range end")):
        assert lost_date_parts(citation, written, parts) == _lost_date_parts(citation, written, parts)
        assert lost_date_parts(citation, list(written), parts) == _lost_date_parts(citation, written, parts)


_VALUES = st.lists(st.text(alphabet=" a\n\r\t\x0b\x00\x85\u2028\ufeff饶", max_size=5) | _TEXT, max_size=3).map(tuple)


@settings(max_examples=300)
@given(st.sampled_from([ris.RisWriter, enw.EnwWriter, refworks.RefworksWriter]), st.sampled_from(CSL_TYPES), st.data())
def test_render_lines_is_join_lines_of_tag_lines(writer: type[ris.RisWriter], csl_type: str, data: st.DataObject) -> None:
    table = writer.types.tags(writer.tags, csl_type)
    if data.draw(st.booleans()):
        table = (*table, table[0])  # a slot with two rows: the lines are made row by row
    values = {slot: data.draw(_VALUES) for slot, _tag in table if data.draw(st.booleans())}
    if data.draw(st.booleans()):
        values["no slot of the table"] = ("x",)
    parts: list[str] = []
    render_lines(parts, line_plan(table, writer.line_format, writer.newline), values)
    assert "".join(parts) == join_lines(tag_lines(table, values), writer.line_format, writer.newline)


def test_the_type_cases_too() -> None:
    for citation in TYPE_CASES.values():
        for written in (frozenset(), frozenset(present_fields(citation, citation.languages[0]))):
            lang = citation.languages[0]
            expected = [
                field for field in present_fields(citation, lang) if field not in written and field not in QUIETLY_OMITTED
            ]
            assert unwritten_fields(citation, lang, written) == expected


# -- BibTeX ------------------------------------------------------------------------------------------


@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1).filter(str.isalnum))
def test_a_word_or_number_needs_no_latex_work(text: str) -> None:
    """``to_latex`` returns an alphanumeric text before its regex: no such text holds what the regex finds."""
    from citeexport.formats.bibtex.latex import _NEEDS_WORK, to_latex

    assert _NEEDS_WORK.search(text) is None
    assert to_latex(text) == text
    assert to_latex(text, ascii=True) == text if text.isascii() else True


_PIECES = ["and", "AND", "aNd", "And", " ", ",", "x", "band", "İ", "ς", "Σ", "\u00a0"]


@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_needs_braces_is_a_comma_or_a_stand_alone_and(part: str) -> None:
    from citeexport.formats.bibtex.fields import _needs_braces

    assert _needs_braces(part) == ("," in part or any(word.lower() == "and" for word in part.split()))


@given(_NAME | st.builds(Name, family=st.sampled_from(["王", "欧阳"]), given=st.none() | st.sampled_from(["小明", "x y"])))
def test_format_name_spells_a_cjk_name_whole(name: Name) -> None:
    from citeexport.formats.bibtex.fields import format_name
    from citeexport.formats.bibtex.latex import to_latex

    if name.literal is None and name.is_cjk:
        whole = to_latex(name.whole)
        assert format_name(name, False) == ("{" + whole + "}" if "," in whole or " " in whole else whole)


_PARTICLE = st.none() | st.sampled_from(["van", "de", "", "王"])


@given(
    _NAME
    | st.builds(
        Name,
        family=st.none() | _TEXT | st.sampled_from(["王", "欧阳", "Gogh"]),
        given=_OPTIONAL,
        suffix=st.none() | st.sampled_from(["Jr.", "III"]),
        comma_suffix=st.booleans(),
        dropping_particle=_PARTICLE,
        non_dropping_particle=_PARTICLE,
    )
)
def test_tagged_inverted_name_is_the_models(name: Name) -> None:
    from citeexport.formats.tagged.writing import inverted

    assert inverted(name) == name.inverted


@given(
    st.builds(
        lambda year, month, day, season: Date(
            year=year, month=month, day=day if month else None, season=None if month else season
        ),
        st.integers(-12000, 12000),
        st.none() | st.integers(1, 12),
        st.none() | st.integers(1, 28),
        st.none() | st.integers(1, 4) | st.just("Lent term"),
    )
)
def test_ris_date_is_iso_with_slashes(date: Date) -> None:
    """The RIS date as it was written from ``Date.iso``: the year part of it, then month and day."""
    year = date.iso() or ""
    year = year[: year.index("-", 1)] if "-" in year[1:] else year
    if date.month is None:
        expected = f"{year}///{date.season_name}" if date.season is not None else year
    else:
        expected = "/".join([year, *(f"{part:02d}" for part in (date.month, date.day) if part)])
    assert ris.RisWriter().date(date) == expected


_LATEX_TEXT = st.text(alphabet=" -'`aAzZÉéÞþß09\n\x00\t{}\\&<饶İ\u2028\x85", max_size=12)


@settings(max_examples=300)
@given(_LATEX_TEXT)
def test_needs_work_is_the_regex(text: str) -> None:
    from citeexport.formats.bibtex.latex import _NEEDS_WORK, _needs_work

    assert _needs_work(text) == (_NEEDS_WORK.search(text) is not None)


@settings(max_examples=300)
@given(_LATEX_TEXT | st.sampled_from(["A robust title", "E6 protein", "Cas9", "mRNA", "A title of 2025", "The AAV"]))
def test_case_protection_is_skipped_only_where_it_finds_nothing(text: str) -> None:
    from citeexport.formats.bibtex.latex import CASE_SENSITIVE_WORD, _may_protect_case

    if not _may_protect_case(text):
        assert CASE_SENSITIVE_WORD.search(text) is None

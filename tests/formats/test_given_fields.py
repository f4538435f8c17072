"""``given_fields``: what a reader leaves out of a model call is exactly what the model would have
filled in by itself, so a citation built from the given fields equals one built from them all."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from citeexport.formats.base import given_fields
from citeexport.model import Citation, Date, LocalizedText, Name


def test_leaves_out_none_and_empty_collections_and_keeps_every_value() -> None:
    date = Date(year=2020)
    assert given_fields(
        {"title": "T", "subtitle": None, "keywords": (), "names": {}},
        issued=date,
        circa=False,
        volume="0",
        extra={"PMID": "1"},
    ) == {"title": "T", "issued": date, "circa": False, "volume": "0", "extra": {"PMID": "1"}}


def test_later_values_win_and_keep_the_order_of_first_appearance() -> None:
    assert list(given_fields({"a": "1", "b": "2"}, {"a": "3"}, c="4")) == ["a", "b", "c"]
    assert given_fields({"a": "1"}, a=None) == {}


_TEXT = st.one_of(st.none(), st.text(max_size=5))


@given(
    title=_TEXT,
    abstract=_TEXT,
    keywords=st.lists(st.text(min_size=1, max_size=4), max_size=2).map(tuple),
    authors=st.lists(st.sampled_from([Name(family="刘", given="国"), Name(literal="WHO")]), max_size=2).map(tuple),
    volume=_TEXT,
    issued=st.one_of(st.none(), st.builds(Date, year=st.integers(-50, 2100))),
)
def test_a_model_built_from_the_given_fields_equals_one_built_from_all(
    title: str | None,
    abstract: str | None,
    keywords: tuple[str, ...],
    authors: tuple[Name, ...],
    volume: str | None,
    issued: Date | None,
) -> None:
    names = {"author": authors} if authors else {}
    text = {"title": title, "abstract": abstract, "keywords": keywords, "names": names}
    assert LocalizedText(**given_fields(text)) == LocalizedText(**text)
    whole = {"volume": volume, "issued": issued, "texts": {"zh": LocalizedText(**text)}}
    assert Citation(**given_fields(whole)) == Citation(**whole)

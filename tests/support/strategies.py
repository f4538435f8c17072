"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

from hypothesis import strategies as st

from citeexport.model import Citation, Date, LocalizedText, Name, clean_text

# Values: tokens that stress the dump's grammar, joined at random.
_TOKENS = [
    "a",
    "Z",
    "0",
    "9",
    " ",
    ", ",
    "=",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "'",
    '"',
    "<i>",
    "</i>",
    "&amp;",
    "&",
    "%",
    "$",
    "#",
    "_",
    "~",
    "^",
    "\\",
    "null",
    "，",
    "（",
    "）",
    "＝",
    "【",
    "】",
    "饶",
    "春",
    "明",
    "é",
    "\U0001f600",
    "\n",
    "==",
    "Article(",
    "id=1",
    ", title=",
    "ext={EN=",
    '{"copyright":""}',
    "-",
    "/",
    ":",
    ";",
    "?",
]
_TEXT = (
    st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=12)
    .map("".join)
    .filter(lambda s: clean_text(s) is not None and clean_text(s) != "null")
)
_OPTIONAL = st.none() | _TEXT
_LATIN = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-'. ", min_size=1, max_size=12).filter(
    lambda s: clean_text(s) is not None and clean_text(s) != "null"
)
# A compound surname alone (欧阳) reads back as 欧 + 阳: the dump keeps CJK names whole, so it
# needs a given name to be told apart; single-character surnames may stand alone.
_CJK_NAME = st.builds(
    lambda family, given: Name(family=family, given=given or None),
    st.sampled_from(["王", "李", "刘", "陈", "饶", "庞"]),
    st.text(alphabet="春明琳伟芳敏静强", max_size=2),
) | st.builds(
    lambda family, given: Name(family=family, given=given),
    st.sampled_from(["欧阳", "司马", "诸葛"]),
    st.text(alphabet="春明琳伟芳敏静强", min_size=1, max_size=2),
)
_WESTERN_NAME = st.builds(Name, family=_LATIN, given=st.none() | _LATIN)
# Organisations: the reader keeps a stringName-only name whole when it looks like one (no random text).
_ORGANISATION = st.sampled_from(["国家药典委员会", "WHO Working Group", "Stem Cell Quality Control Working Group, NIFDC"]).map(
    lambda literal: Name(literal=literal)
)
_NAME = _CJK_NAME | _WESTERN_NAME | _ORGANISATION
_DATE = st.builds(
    lambda year, month, day: Date(year=year, month=month, day=day if month else None),
    st.integers(1900, 2100),
    st.none() | st.integers(1, 12),
    st.none() | st.integers(1, 28),
)


@st.composite
def dump_citations(draw: st.DrawFn) -> Citation:
    """Citations the dump can carry: every present language has the same number of authors (one
    Author object per person) and a journal title in all languages or none (the reader falls
    back to the other language's), online-first only without volume and issue."""
    languages = draw(st.sampled_from([("zh",), ("en",), ("zh", "en")]))
    authors = draw(st.integers(0, 4))
    with_journal = draw(st.booleans())
    texts = {
        lang: LocalizedText(
            title=draw(_OPTIONAL),
            authors=tuple(draw(_NAME) for _ in range(authors)),
            container_title=draw(_TEXT) if with_journal else None,
            abstract=draw(_OPTIONAL),
            keywords=tuple(draw(st.lists(_TEXT, max_size=3))),
            url=draw(_OPTIONAL),
            pdf_url=draw(_OPTIONAL),
        )
        for lang in languages
    }
    issued = draw(st.none() | _DATE)
    available = draw(st.none() | _DATE) if issued else None
    volume, issue = draw(_OPTIONAL), draw(_OPTIONAL)
    return Citation(
        id=str(draw(st.integers(1, 10**19 - 1))),
        issued=issued,
        available_date=available,
        online_first=available is not None and volume is None and issue is None,
        volume=volume,
        issue=issue,
        page_first=draw(_OPTIONAL),
        page_last=draw(_OPTIONAL),
        number=draw(_OPTIONAL),
        doi=draw(_OPTIONAL.filter(lambda d: d is None or not d.lower().startswith(("doi:", "http")))),
        issn=draw(_OPTIONAL),
        eissn=draw(_OPTIONAL),
        cn=draw(_OPTIONAL),
        texts=texts,
    )

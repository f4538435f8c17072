"""Hostile input for the readers: random text and JSON, mutated copies of the real record, and
work counted in characters scanned (shared by the fuzzing tests and ``scripts/fuzz.py``)."""

from __future__ import annotations

from hypothesis import strategies as st

from citeexport.errors import CiteexportError
from citeexport.formats.base import Record
from citeexport.formats.dump.lombok import LombokParser, LombokSyntaxError
from citeexport.inputs import split_lines
from citeexport.registry import get_reader

from .seed import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_DUMP, _, SEED_PAGE = SEED_TEXT.partition("\n")
EN_TITLE = "Special Column for Quality Research and Evaluation of Stem Cell Products"

#: Characters scanned or copied per input character that a record may cost (measured worst: about 133,
#: for 1,000-deep unclosed objects: each nesting level searches for its own closing separator once).
SCAN_FACTOR = 150


def read_all(fmt: str, text: str) -> list[Record]:
    """Every record of ``text``; fails the test on any exception that is not a CiteexportError."""
    records = []
    try:
        for record in get_reader(fmt)().read(split_lines(text), "fuzz.txt"):
            records.append(record)
    except CiteexportError:
        return records
    for record in records:
        assert record.error is None or isinstance(record.error, CiteexportError), repr(record.error)
        assert record.ok or record.error is not None
        if record.error is not None:
            assert record.error.file == "fuzz.txt" and record.error.record == record.number
    return records


_STRUCTURE = st.sampled_from(
    ["Article(", "Article(id=1, ", ", ", "=", "(", ")", "[", "]", "{", "}", "'", "null", "\n", "\r\n", '"', ":", "x"]
)
#: Record and tag starters of the tagged and BibTeX formats, so their readers get past "no record here".
_TAGGED = st.sampled_from(
    [
        "TY  - JOUR\n",
        "ER  - \n",
        "AU  - ",
        "TI  - ",
        "PY  - ",
        "%0 Journal Article\n",
        "%A ",
        "%T ",
        "%D ",
        "RT Journal Article\n",
        "A1 ",
        "T1 ",
        "YR ",
        "@article{",
        "@string{",
        "@comment{",
        "@preamble{",
        "title = {",
        "author = ",
        "year = ",
        " and ",
        "#",
        "\\",
        "\n\n",
        "干",
        "\ufeff",
        "\x00",
    ]
)
TEXTISH = st.one_of(
    st.text(max_size=400),
    st.lists(_STRUCTURE, max_size=120).map("".join),
    st.lists(_TAGGED | _STRUCTURE | st.text(max_size=8), max_size=120).map("".join),
)

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.sampled_from(["id", "type", "title", "author", "issued", "family", "date-parts", "x"]), children, max_size=5
        )
    ),
    max_leaves=30,
)


_BRACKETS = "()[]{}'"


@st.composite
def mutated_dumps(draw: st.DrawFn) -> str:
    """The seed's dump line with 1–4 mutations of the kinds a broken export shows."""
    text = SEED_DUMP
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(
                ["truncate", "delete-bracket", "duplicate-bracket", "cut-value", "swap-fields", "insert", "duplicate-span"]
            )
        )
        if len(text) < 2:
            break
        at = draw(st.integers(0, len(text) - 1))
        if kind == "truncate":
            text = text[:at]
        elif kind in ("delete-bracket", "duplicate-bracket"):
            positions = [i for i, ch in enumerate(text) if ch in _BRACKETS]
            if positions:
                i = positions[draw(st.integers(0, len(positions) - 1))]
                text = text[:i] + text[i + 1 :] if kind == "delete-bracket" else text[:i] + text[i] + text[i:]
        elif kind == "cut-value":  # remove from a value's middle to the middle of a later one
            end = min(len(text), at + draw(st.integers(1, 400)))
            text = text[:at] + text[end:]
        elif kind == "swap-fields":
            fields = text.split(", ")
            if len(fields) < 2:
                continue
            i = draw(st.integers(0, len(fields) - 2))
            fields[i], fields[i + 1] = fields[i + 1], fields[i]
            text = ", ".join(fields)
        elif kind == "insert":
            text = (
                text[:at]
                + draw(
                    _STRUCTURE
                    | st.sampled_from([", title=", ", columnId=", "Author(", ", CN=", "}, authors=", "\nArticle(id=2, "])
                )
                + text[at:]
            )
        else:
            end = min(len(text), at + draw(st.integers(1, 300)))
            text = text[:end] + text[at:end] + text[end:]
    return text


class CountingText(str):
    """A str that counts the characters its ``find`` calls scan and its slices copy."""

    scanned: int

    def find(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        start = 0 if start is None else start
        found = str.find(self, sub, start, end if end is not None else len(self))
        stop = (end if end is not None else len(self)) if found == -1 else found + len(sub)
        self.scanned += max(0, stop - start)
        return found

    def __getitem__(self, key):  # type: ignore[no-untyped-def, override]
        piece = str.__getitem__(self, key)
        self.scanned += len(piece)
        return piece


def count_work(text: str) -> tuple[str, int, int]:
    """Parse ``text`` as a dump record: (outcome, characters scanned, steps)."""
    counted = CountingText(text if text.endswith("\n") else text + "\n")
    counted.scanned = 0
    parser = LombokParser(counted)
    try:
        parser.parse_top("Article")
        outcome = "ok"
    except LombokSyntaxError as error:
        outcome = error.message
    return outcome, counted.scanned, parser.steps

"""The BibTeX reader cuts its input into blocks by one scan of each piece of whole lines it is given
(issue 17): a line at a time or many lines at once, the blocks, their lines and their offsets are
those of the rule read line by line (a block starts at a line ``@type{`` or ``@type(`` begins)."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from citeexport.formats.bibtex.reader import blocks
from citeexport.inputs import split_lines

_START = re.compile(r"^[ \t]*@[\w]*[ \t]*[{(]")


def line_by_line(text: str) -> list[tuple[int, int, str]]:
    """The rule, a line at a time: what :func:`blocks` must give, however its input is cut."""
    found: list[tuple[int, int, str]] = []
    offset = 0
    for number, line in enumerate(split_lines(text), start=1):
        if number == 1 and line.startswith("\ufeff"):
            offset, line = 1, line[1:]
        if _START.match(line):
            found.append((number, offset, line))
        elif found:
            found[-1] = (found[-1][0], found[-1][1], found[-1][2] + line)
        offset += len(line)
    return found


_LINE = st.sampled_from(
    [
        "@article{a,\n",
        "  @Book (b,\n",
        "@comment{x}\n",
        "@{\n",
        "\t@misc\t{c, title = {@book{d}}}\n",
        "title = {x @article{y}},\n",
        "x@article{not a start}\n",
        "@ article{not a start either}\n",
        "中文 title = {中文},\n",
        "}\n",
        "\n",
        "\r\n",
        "  \n",
        '@string{s = "x"}\r\n',
        "@article{last,",
        "text before",
        "\ufeff@article{bom,\n",
        "\ufeff\n",
    ]
)


@st.composite
def pieces(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A text of whole lines, and the same text cut into pieces of whole lines anywhere."""
    lines = draw(st.lists(_LINE, max_size=14))
    lines = [line if line.endswith("\n") or i == len(lines) - 1 else line + "\n" for i, line in enumerate(lines)]
    cuts = sorted(draw(st.sets(st.integers(0, len(lines)), max_size=6)) | {0, len(lines)})
    return "".join(lines), ["".join(lines[a:b]) for a, b in itertools.pairwise(cuts) if b > a]


@given(pieces())
def test_blocks_are_the_same_however_the_input_is_cut(case: tuple[str, list[str]]) -> None:
    text, cut = case
    expected = line_by_line(text)
    assert list(blocks(split_lines(text))) == expected
    assert list(blocks([text] if text else [])) == expected
    assert list(blocks(cut)) == expected


def test_blocks_name_their_line_and_offset() -> None:
    text = "\ufeffheader\n@article{a,\n  title = {x},\n}\n\n  @book{b, title={@article{no}}}\n@misc{c}"
    assert list(blocks([text])) == [
        (2, 8, "@article{a,\n  title = {x},\n}\n\n"),
        (6, 38, "  @book{b, title={@article{no}}}\n"),
        (7, 71, "@misc{c}"),
    ]
    assert text[38:44] == "  @boo" and text[71:76] == "@misc"

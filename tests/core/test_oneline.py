"""``one_line``: what every line-based writer does to untrusted values."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from citeexport.oneline import _DROP, _FOLD, _SPECIAL, one_line

_TRICKY = st.sampled_from(
    [
        "\n",
        "\r\n",
        "\t",
        "\x85",
        "\u2028",
        "\u2029",
        "\x0b",
        "\x00",
        "\x1b",
        "\ufeff",
        "\ufffe",
        "\u00a0",
        "\u3000",
        "\u200b",
        "\ud800",
        "a",
        "饶",
        " ",
    ]
)


def _by_the_regexes(value: str) -> str:
    if _SPECIAL.search(value) is None:
        return value.strip()
    return _DROP.sub("", _FOLD.sub(" ", value).replace("\t", " ")).strip()


@given(st.lists(st.one_of(_TRICKY, st.text(max_size=5)), max_size=20).map("".join))
def test_the_printable_shortcut_changes_nothing(value: str) -> None:
    assert one_line(value) == _by_the_regexes(value)
    assert not any(char in one_line(value) for char in "\n\r\t\x85\u2028\u2029\x00\ufeff")


def test_every_special_character_is_unprintable() -> None:
    """What makes the shortcut sound: no character the regex would touch passes ``isprintable``."""
    specials = [chr(code) for code in range(0x110000) if _SPECIAL.match(chr(code))]
    assert specials and not any(char.isprintable() for char in specials)

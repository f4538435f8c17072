"""A warning about one record that says what kind of problem it is, so that a run can group them.

A reader appends warnings to ``Record.warnings``.  A plain string is still a warning (its kind
is its text); a :class:`RecordWarning` is a string too, the same message, with a ``kind`` that
is the same words for every record it happens to (``tags with no field in the model, not
read``) and the ``names`` it happened to in this record (``L1``).  The report then prints one
line per input and kind, with a count, the first record numbers and every name, instead of one
line per record::

    warning: refs.ris: 534 records (1, 2, 3, 4, 5, …): tags with no field in the model, not read: L1

Being a ``str``, a structured warning compares, joins, pickles (``--jobs``) and serialises like
the plain messages readers wrote before, so nothing that reads warnings as text changes.
"""

from __future__ import annotations

from collections.abc import Iterable


class RecordWarning(str):
    """One record's warning: its message (the string itself), its ``kind`` and the ``names`` involved."""

    kind: str
    names: tuple[str, ...]

    def __new__(cls, text: str, kind: str | None = None, names: Iterable[str] = ()) -> RecordWarning:
        self = super().__new__(cls, text)
        self.kind = kind or text
        self.names = tuple(names)
        return self

    @classmethod
    def named(cls, kind: str, names: Iterable[str]) -> RecordWarning:
        """A warning whose message is its kind followed by its names: ``kind: A, B``."""
        listed = tuple(names)
        return cls(f"{kind}: {', '.join(listed)}" if listed else kind, kind, listed)


def kind_of(warning: str) -> str:
    """The group a warning belongs to: its kind, or its whole text for a plain string."""
    return warning.kind if isinstance(warning, RecordWarning) else str(warning)


def names_of(warning: str) -> tuple[str, ...]:
    return warning.names if isinstance(warning, RecordWarning) else ()

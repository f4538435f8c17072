"""The records of an EndNote XML input, one at a time, each parsed on its own.

An EndNote library export is one ``<xml><records>`` element holding every ``<record>`` (often on
a single line of hundreds of megabytes).  Instead of parsing the whole document, the text is cut
at each ``<record>`` … ``</record>`` (comments and CDATA sections skipped, so a ``</record>``
inside them cuts nothing) and each record is parsed by itself with :mod:`xml.etree.ElementTree`:

* memory holds one record, however large the file and however few its line breaks;
* a malformed record is an error naming its number and line, and the records after it still
  convert (a document parser stops at the first error);
* no DTD reaches a record's parser, so no entity can be declared: only XML's five predefined
  entities and character references are expanded, nothing is fetched, and no entity expansion
  (the "billion laughs") can happen.  A DOCTYPE before the records is skipped.

Characters XML does not allow (C0 controls other than tab and line ends, U+FFFE, U+FFFF), raw or
as character references, are removed from a record before parsing, with a warning.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

#: What matters while looking for records: a comment or CDATA section (skipped whole), a record's
#: start or end.  Everything else between records is the envelope (``<?xml?>``, ``<xml>``,
#: ``<records>``, a DOCTYPE) or stray text.
_MARK = re.compile(r"<(?:!--|!\[CDATA\[|record(?=[\s>/])|/record\s*>)")
_ENDS = {"<!--": "-->", "<![CDATA[": "]]>"}
#: The longest mark, less one: how much of a piece's end may be the start of a mark cut by the piece's end.
_CARRY = len("<![CDATA[")
#: The envelope: declarations, processing instructions, a DOCTYPE, the <xml> and <records> tags.
_ENVELOPE = re.compile(
    r"\s*(?:<!--.*?-->|<\?[^>]*\?>|<!DOCTYPE(?:[^\[>]|\[[^\]]*\])*>|</?xml\s*>|</?records\s*>|<records\s*/>|<xml\s*/>)",
    re.IGNORECASE | re.DOTALL,
)
#: Stray text (no record, no envelope) collected before it is reported.
_STRAY_LIMIT = 1 << 20
#: Characters XML 1.0 does not allow in a document, raw or as a character reference.
INVALID_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_INVALID_REFERENCE = re.compile(
    r"&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF]|[dD][89a-fA-F][0-9a-fA-F]{2})|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|6553[45]));"
)


@dataclass(slots=True)
class RawRecord:
    """One record's text as cut from the input, or what stopped it."""

    number: int  # counted from 1 in the input (set when yielded)
    line: int  # 1-based line of its ``<record``
    offset: int  # character offset of its ``<record``
    text: str = ""
    problem: str | None = None  # the record is broken (no text parsed)
    stray: bool = False  # the problem is text outside any record
    warnings: list[str] = field(default_factory=list)


def raw_records(pieces: Iterable[str]) -> Iterator[RawRecord]:
    """The records of an input given in pieces of text cut anywhere, in order, numbered from 1.

    Text outside any record that is not the envelope is yielded as a broken record (what is there,
    and where); an input with no record at all yields nothing (it is no EndNote XML: the caller
    says what it looks like)."""
    return _numbered(_Cutter(), pieces)


def _numbered(cutter: _Cutter, pieces: Iterable[str]) -> Iterator[RawRecord]:
    held: list[RawRecord] = []  # stray text before the first record
    number = 0
    seen = False

    def found() -> Iterator[RawRecord]:
        for piece in pieces:
            yield from cutter.feed(piece)
        yield from cutter.close()

    for raw in found():
        if not seen and raw.stray:
            held.append(raw)
            continue
        seen = True
        for one in (*held, raw):
            number += 1
            one.number = number
            yield one
        held.clear()


class _Cutter:
    """The state of :func:`raw_records`: the text not yet consumed and where it is in the input."""

    def __init__(self) -> None:
        self.buffer = ""
        self.base = 0  # offset of buffer[0] in the input
        self.consumed = 0  # buffer[:consumed] is done with
        self.line = 1  # line of buffer[consumed]
        self.open_at: int | None = None  # index in buffer of the open record's "<record"
        self.open_line = 1
        self.scan = 0  # where to look for the next mark

    def _compact(self) -> None:
        cut = self.open_at if self.open_at is not None else self.consumed
        if cut:
            self.buffer = self.buffer[cut:]
            self.base += cut
            self.consumed -= cut
            self.scan = max(0, self.scan - cut)
            if self.open_at is not None:
                self.open_at -= cut

    def feed(self, piece: str) -> Iterator[RawRecord]:
        self._compact()
        self.buffer += piece
        yield from self._cut(final=False)
        if self.open_at is None and len(self.buffer) - self.consumed > _STRAY_LIMIT:
            yield from self._stray(len(self.buffer) - _CARRY)

    def close(self) -> Iterator[RawRecord]:
        yield from self._cut(final=True)
        if self.open_at is not None:
            yield RawRecord(
                0,
                self.open_line,
                self.base + self.open_at,
                problem="record not closed by </record> at the end of the input",
            )
        else:
            yield from self._stray(len(self.buffer))

    def _stray(self, upto: int) -> Iterator[RawRecord]:
        """Consume ``buffer[consumed:upto]`` (between records): the envelope, else one broken record."""
        text, at = self.buffer[self.consumed : upto], self.consumed
        rest = 0
        while rest < len(text) and text[rest:].strip():
            match = _ENVELOPE.match(text, rest)
            if match is None or match.end() == rest:
                skipped = len(text[rest:]) - len(text[rest:].lstrip())
                line = self.line + text.count("\n", 0, rest + skipped)
                shown = text[rest:].strip()[:40]
                yield RawRecord(
                    0, line, self.base + at + rest + skipped, problem=f"text outside any <record>: {shown!r}", stray=True
                )
                break
            rest = match.end()
        self.line += text.count("\n")
        self.consumed = max(self.consumed, upto)
        self.scan = max(self.scan, self.consumed)

    def _cut(self, final: bool) -> Iterator[RawRecord]:
        buffer = self.buffer
        while True:
            match = _MARK.search(buffer, self.scan)
            if match is None:
                if not final:
                    self.scan = max(self.consumed, len(buffer) - _CARRY, self.scan)
                return
            mark = match.group()
            if mark in _ENDS:
                end = buffer.find(_ENDS[mark], match.end())
                if end == -1:
                    if final:  # an unclosed comment or CDATA section: nothing after it is read
                        self.scan = len(buffer)
                    else:
                        self.scan = match.start()
                    return
                self.scan = end + len(_ENDS[mark])
                continue
            if mark.startswith("<record"):
                if self.open_at is not None:  # a record opened inside an open one: the open one is broken
                    yield RawRecord(
                        0,
                        self.open_line,
                        self.base + self.open_at,
                        problem="record not closed by </record> before the next <record>",
                    )
                else:
                    yield from self._stray(match.start())
                self.line += buffer.count("\n", self.consumed, match.start())
                self.consumed = self.open_at = match.start()
                self.open_line = self.line
                self.scan = match.end()
                continue
            if self.open_at is None:
                yield from self._stray(match.start())
                yield RawRecord(0, self.line, self.base + match.start(), problem="</record> with no <record>")
            else:
                yield RawRecord(0, self.open_line, self.base + self.open_at, text=buffer[self.open_at : match.end()])
            self.line += buffer.count("\n", self.consumed, match.end())
            self.consumed = self.scan = match.end()
            self.open_at = None


def parse_record(raw: RawRecord) -> ET.Element:
    """The element of one record; raises ``ET.ParseError`` (position relative to the record).
    Characters XML does not allow are removed first, with a warning on ``raw``."""
    text = raw.text
    removed = len(INVALID_CHARACTERS.findall(text)) + len(_INVALID_REFERENCE.findall(text))
    if removed:
        text = _INVALID_REFERENCE.sub("", INVALID_CHARACTERS.sub("", text))
        raw.warnings.append(f"{removed} characters XML does not allow (control characters) removed")
    parser = ET.XMLParser()
    parser.feed(text)
    return parser.close()

"""Cutting a dump into candidate records (chunks): at every line that starts ``Article(``.

:class:`EncodedSplitter` cuts raw bytes, for encodings in which a line feed followed by
``Article(`` is always those characters (:data:`BYTE_SAFE_ENCODINGS`: no byte of a multi-byte
character is a line feed, and the byte after a line feed starts a character).  The starts are
found by ``bytes.find`` and each chunk is decoded once, on its own: no decoded block is sliced
and joined again (with one astral character, such as an emoji, in a block, every character of
it takes four bytes, and those copies cost more than the decoding).  Text decoded already (other
encodings, strings given to the API) goes through the same splitter as UTF-8: :func:`split_chunks`.

Each chunk has its 1-based line, its character offset (a leading BOM not counted), and at most
:data:`MAX_RECORD_CHARS` characters of text; everything is decoded, so an undecodable byte
anywhere is an error naming its byte offset.
"""

from __future__ import annotations

import codecs
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ...errors import DecodeError, InputError

RECORD_START = "Article("
#: One record (its dump and page text) is read this far at most: a pathological record costs
#: bounded memory and time, and the next record is still read.
MAX_RECORD_CHARS = 64 * 1024 * 1024

#: Codec names (as :func:`codecs.lookup` spells them) whose bytes can be cut at record starts.
BYTE_SAFE_ENCODINGS = frozenset({"utf-8", "utf-8-sig", "gb18030", "ascii", "iso8859-1", "cp1252"})
_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-8-sig": codecs.BOM_UTF8, "gb18030": b"\x84\x31\x95\x33"}
_MARKER = b"\n" + RECORD_START.encode()


def byte_safe(encoding: str) -> bool:
    """True when record starts can be found in the bytes of ``encoding``."""
    try:
        return codecs.lookup(encoding).name in BYTE_SAFE_ENCODINGS
    except LookupError:
        return False


@dataclass(slots=True)
class Chunk:
    """A candidate record: the lines from one ``Article(`` line to the next (page text included)."""

    line: int  # 1-based line number of its first line
    offset: int  # character offset of its first line
    text: str
    parsed: Any = None  # the chunk read on its own, once tried (see .reader)
    cut: bool = False  # longer than MAX_RECORD_CHARS: only that much was kept


def split_chunks(pieces: Iterable[str]) -> Iterator[Chunk]:
    """Split decoded text at lines starting with ``Article(``; text before the first is dropped.

    ``pieces`` are single lines or blocks of whole lines.  The text is encoded as UTF-8 and cut by
    :class:`EncodedSplitter`, so both ways share one splitter (lone surrogates, which a string
    may hold, pass through).
    """
    splitter = EncodedSplitter("utf-8", errors="surrogatepass")
    return splitter.chunks(piece.encode("utf-8", "surrogatepass") for piece in pieces)


class _Piece:
    """The bytes of one chunk (or of the text before the first), decoded when complete.

    Bytes are collected and decoded in one call; past ``MAX_RECORD_CHARS`` bytes the piece is
    decoded as it comes instead, keeping only the first ``MAX_RECORD_CHARS`` characters.
    """

    __slots__ = (
        "byte",
        "chars",
        "codec",
        "cut",
        "decoder",
        "encoding",
        "errors",
        "keeps",
        "kept",
        "kept_chars",
        "lines",
        "segments",
        "size",
        "source",
    )

    def __init__(self, codec: str, errors: str, encoding: str, source: str, byte: int, keeps: bool) -> None:
        self.codec, self.errors, self.encoding, self.source, self.byte, self.keeps = codec, errors, encoding, source, byte, keeps
        self.segments: list[bytes] = []
        self.size = self.lines = self.chars = 0
        self.kept: list[str] = []
        self.kept_chars = 0
        self.cut = False
        self.decoder: codecs.IncrementalDecoder | None = None

    def take(self, data: bytes, at: int) -> None:
        """Append ``data`` (which starts at byte ``at`` of the input)."""
        if not data:
            return
        self.lines += data.count(b"\n")
        self.size += len(data)
        if self.decoder is None:
            self.segments.append(data)
            if self.size > MAX_RECORD_CHARS or not self.keeps:
                self.decoder = codecs.getincrementaldecoder(self.codec)(errors=self.errors)
                joined, self.segments = b"".join(self.segments), []
                self._stream(joined, self.byte, final=False)
            return
        self._stream(data, at, final=False)

    def text(self) -> str:
        """The piece's text (at most ``MAX_RECORD_CHARS`` characters); ``chars`` counts it all."""
        if self.decoder is not None:
            self._stream(b"", self.byte + self.size, final=True)
            return "".join(self.kept)
        data = b"".join(self.segments)
        try:
            text = str(data, self.codec, self.errors)
        except UnicodeDecodeError as exc:
            raise self._error(self.byte + exc.start) from None
        self.chars = len(text)
        return text

    def _stream(self, data: bytes, at: int, final: bool) -> None:
        assert self.decoder is not None
        held = len(self.decoder.getstate()[0])
        try:
            text = self.decoder.decode(data, final)
        except UnicodeDecodeError as exc:
            raise self._error(at - held + exc.start) from None
        self.chars += len(text)
        room = MAX_RECORD_CHARS - self.kept_chars if self.keeps else 0
        if len(text) > room:
            text, self.cut = text[: max(room, 0)], self.cut or self.keeps
        if text:
            self.kept.append(text)
            self.kept_chars += len(text)

    def _error(self, where: int) -> InputError:
        return DecodeError(self.encoding, where, file=self.source)


class EncodedSplitter:
    """:func:`split_chunks` for raw bytes in a :data:`BYTE_SAFE_ENCODINGS` encoding.

    ``byte``, ``line`` and ``offset`` say where the bytes start in the input (a worker reads
    a range of a file); after :meth:`chunks` has run they say where the bytes ended.
    ``at_start``: the bytes begin the input, so a BOM there is skipped.
    """

    def __init__(
        self,
        encoding: str,
        source: str = "<input>",
        *,
        at_start: bool = True,
        byte: int = 0,
        line: int = 1,
        offset: int = 0,
        errors: str = "strict",
    ) -> None:
        name = codecs.lookup(encoding).name
        if name not in BYTE_SAFE_ENCODINGS:
            raise ValueError(f"record starts cannot be found in the bytes of {encoding}")
        self.encoding, self.source, self.errors = encoding, source, errors
        self.codec = "utf-8" if name == "utf-8-sig" else name
        self.bom = _BOMS.get(name, b"") if at_start else b""
        # The text path drops one decoded BOM (split_chunks), after the utf-8-sig codec has dropped its own.
        self.boms = 2 if name == "utf-8-sig" else 1
        self.byte, self.line, self.offset = byte, line, offset

    def chunks(self, blocks: Iterable[bytes]) -> Iterator[Chunk]:
        """The chunks of the bytes in ``blocks`` (cut anywhere), in order."""
        keep = len(_MARKER) - 1  # the last bytes of a block may begin a marker: scanned with the next
        # A virtual line feed before the first byte, so that a record may start there; it belongs
        # to the text before the first record, whose line and offset count it in advance.
        data, base = b"\n", self.byte - 1  # base: the input byte of data[0]
        taken = 0  # data[:taken] belongs to pieces already
        piece = _Piece(self.codec, self.errors, self.encoding, self.source, base, keeps=False)  # the text before the first record
        piece_line, piece_offset = self.line - 1, self.offset - 1
        stream = _with_end(blocks)
        if self.bom:
            head, ended = b"", False  # enough bytes to tell whether BOMs start the input
            while len(head) < self.boms * len(self.bom) and not ended:
                block = next(stream)
                head, ended = head + block, not block
            for _ in range(self.boms):
                if head.startswith(self.bom):
                    head = head[len(self.bom) :]
                    base += len(self.bom)
                    piece.byte += len(self.bom)
            stream = itertools.chain([head] if head else [], [b""] if ended else stream)
        for block in stream:
            data = data[taken:] + block
            base += taken
            taken = 0
            found = data.find(_MARKER)
            while found != -1:
                start = found + 1
                piece.take(data[taken:start], base + taken)
                taken = start
                if piece.keeps or piece.size:
                    text = piece.text()
                    if piece.keeps:
                        yield Chunk(piece_line, piece_offset, text, cut=piece.cut)
                    piece_line += piece.lines
                    piece_offset += piece.chars
                piece = _Piece(self.codec, self.errors, self.encoding, self.source, base + start, keeps=True)
                found = data.find(_MARKER, start)
            end = len(data) - keep if block else len(data)
            if end > taken:
                piece.take(data[taken:end], base + taken)
                taken = end
        if piece.size:
            text = piece.text()
            if piece.keeps:
                yield Chunk(piece_line, piece_offset, text, cut=piece.cut)
            piece_line += piece.lines
            piece_offset += piece.chars
        self.byte, self.line, self.offset = base + taken, piece_line, piece_offset


def _with_end(blocks: Iterable[bytes]) -> Iterator[bytes]:
    """``blocks`` without empty ones, then one empty block that marks the end."""
    for block in blocks:
        if block:
            yield block
    yield b""

"""Opening inputs: files, folders, stdin; decoding; choosing the reader.

Decoding: a BOM decides (UTF-8, UTF-16, UTF-32); else UTF-8 when the head decodes as UTF-8;
else charset-normalizer's best guess on the head (GB18030 for Chinese platforms' GBK files);
``--encoding`` overrides.  Lines are streamed with their line ends kept (CR LF survives); a
reader that reads an input its own way (:class:`~citeexport.formats.base.InputReading`) may take
the decoded text in blocks of whole lines, or the raw bytes, instead.
"""

from __future__ import annotations

import codecs
import io
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePath
from typing import Any, BinaryIO, cast

from .cjk import CHINESE_TEXT
from .errors import DecodeError, InputError
from .formats.base import InputReading, Reader, Record
from .options import ReadOptions
from .registry import detect_reader, get_reader
from .sniffing import binary_look, not_readable

HEAD_BYTES = 64 * 1024
#: White space and the UTF-8 BOM, in the byte-safe encodings whose raw blocks some readers take.
_BLANK_BYTES = b" \t\r\n\xef\xbb\xbf"
#: Bytes read at a time by readers that take raw bytes.
BYTE_BLOCK = 1 << 16
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass
class OpenedInput:
    """A decoded input: its name for messages, its reader, and its text (a
    :class:`~citeexport.formats.base.Source`).  The views share one stream: one of them is read."""

    name: str
    path: str  # as given, ``-`` for stdin
    reader: type[Reader]
    encoding: str
    lines: Iterator[str]  # the text line by line, line ends kept
    line_blocks: Iterator[str]  # the text in pieces of whole lines
    position: Callable[[], int] = lambda: 0  # bytes consumed so far (for progress)
    #: The raw bytes, for a reader that reads them itself (InputReading); None: the text only.
    blocks: Iterator[bytes] | None = None
    #: How the encoding was detected; None when ``--encoding`` named it.
    detection: Detection | None = None
    #: The first bytes, and the same decoded: to say what the input looks like when no record is found in it.
    head: bytes = b""
    head_text: str = ""
    #: Whether anything but white space has been read so far (an empty input has no records, in any format).
    has_content: Callable[[], bool] = lambda: True

    def read(self, options: ReadOptions | None = None) -> Iterator[Record]:
        """The records of this input: read the reader's own way when it has one, else line by line."""
        reader = self.reader(options)
        if isinstance(reader, InputReading):
            return self.noting_detection(reader.read_input(self))
        return self.noting_detection(reader.read(self.lines, self.name))

    def noting_detection(self, records: Iterator[Record]) -> Iterator[Record]:
        """``records``, with a decoding failure saying how the encoding was chosen: the encodings
        detection tried, or that it was the ``--encoding`` given (then not suggested again)."""
        try:
            yield from records
        except DecodeError as error:
            if self.detection is None:
                raise error.given() from None
            if "tried" not in error.message:
                error.message += f"; encodings tried: {self.detection.tried}"
            raise
        except InputError as error:
            if self.detection is not None and error.message.startswith("cannot decode") and "tried" not in error.message:
                error.message += f"; encodings tried: {self.detection.tried}"
            raise


#: Share of CJK among the non-ASCII characters of a strict GB18030 reading that makes it the answer.
GB18030_CJK_SHARE = 0.9
_NON_ASCII = re.compile("[^\x00-\x7f]")


@cache
def _chinese_text() -> re.Pattern[str]:
    """A character of Chinese text, compiled at the first input that is no UTF-8: ``re`` visits each of
    the class's ~30,000 BMP characters when compiling it (~1.5 ms of every run, were it compiled here)."""
    return re.compile(f"[{CHINESE_TEXT}]")


def _reads_as_chinese_gb18030(head: bytes) -> bool:
    """True when ``head`` decodes strictly as GB18030 (a character cut at the end allowed) into mostly CJK.

    Why before charset-normalizer: a dump is mostly ASCII (field names, ids, URLs) with
    Chinese in a few values, and on such text charset-normalizer guesses single-byte code
    pages (``mac_latin2`` for the seed's dump line in GBK), which decode without error into
    mojibake.  Text that is not Chinese GB18030 rarely decodes strictly *and* into CJK.
    """
    decoder = codecs.getincrementaldecoder("gb18030")(errors="strict")
    try:
        text = decoder.decode(head, final=False)
    except UnicodeDecodeError:
        return False
    wide = len(_NON_ASCII.findall(text))
    return bool(wide) and len(_chinese_text().findall(text)) >= GB18030_CJK_SHARE * wide


#: Valid multi-byte UTF-8 characters per undecodable byte sequence that make a head damaged UTF-8.
UTF8_MAJORITY = 10
#: Valid multi-byte UTF-8 characters before the first bad byte that make an input UTF-8 (GBK text
#: forms one by chance in about one Chinese character out of seven: ten in a row do not happen).
UTF8_EVIDENCE = 10


def _damaged_utf8(head: bytes) -> bool:
    """True when ``head`` is UTF-8 with a few bad bytes (a stray ``\\xff``, a cut character pasted in).

    Why: charset-normalizer then picks a code page that decodes everything into mojibake
    (``ptcp154`` for the seed with two stray bytes), and the file would convert silently into
    garbage.  Read as UTF-8 instead, it stops at the first bad byte with its offset named.
    GBK and Latin text are almost never valid multi-byte UTF-8, so they do not pass.
    """
    text = head.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return len(_NON_ASCII.findall(text)) - bad >= UTF8_MAJORITY * bad


#: When the first bytes are plain ASCII (which every supported encoding shares, so they decide
#: nothing), detection reads on up to this far for the first byte that is not ASCII.
DETECT_LIMIT = 16 << 20
_NON_ASCII_BYTE = re.compile(rb"[\x80-\xff]")
_BOM_PREFIXES = tuple(bom for bom, _ in _BOMS)


@dataclass(frozen=True)
class Detection:
    """The encoding chosen for an input, and what was tried (said when decoding fails)."""

    encoding: str
    tried: str


def detection(data: bytes) -> Detection:
    """The encoding of an input from its first bytes: BOM, else UTF-8 (also with a few bad bytes),
    else Chinese GB18030, else charset-normalizer; judged on up to ``HEAD_BYTES`` from the first
    byte that is not ASCII (ASCII says nothing), wherever it is in ``data``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Detection(encoding, f"{encoding} (its byte order mark)")
    found = _NON_ASCII_BYTE.search(data)
    if found is None:
        return Detection("utf-8", f"utf-8 (bytes 0-{len(data) - 1} are ASCII)" if data else "utf-8")
    start = found.start()
    sample = data[start : start + HEAD_BYTES]
    where = f"bytes {start}-{start + len(sample) - 1}"
    try:
        sample.decode("utf-8")
        return Detection("utf-8", f"utf-8 (on {where})")
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3:  # a character cut by the end of the sample
            return Detection("utf-8", f"utf-8 (on {where})")
        if len(_NON_ASCII.findall(sample[: exc.start].decode("utf-8"))) >= UTF8_EVIDENCE:
            # UTF-8 up to a point, then something else pasted in: UTF-8, failing there with the offset
            return Detection("utf-8", f"utf-8 (valid on bytes {start}-{start + exc.start - 1})")
    if _damaged_utf8(sample):
        return Detection("utf-8", f"utf-8 (mostly valid on {where})")
    if _reads_as_chinese_gb18030(sample):
        return Detection("gb18030", f"utf-8, gb18030 (on {where})")
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        return Detection("utf-8", f"utf-8, gb18030, charset-normalizer (no guess on {where})")
    encoding = best.encoding.lower()
    encoding = "gb18030" if encoding in ("gbk", "gb2312", "gb18030", "cp936", "hz") else encoding
    return Detection(encoding, f"utf-8, gb18030, then {encoding} as charset-normalizer guessed (on {where})")


def detect_encoding(head: bytes) -> str:
    """The encoding :func:`detection` chooses for an input starting with ``head``."""
    return detection(head).encoding


def _detection_bytes(stream: io.BufferedReader) -> bytes:
    """The first bytes of ``stream``, as many as detection needs: ``HEAD_BYTES``, and when they are
    all ASCII on to ``HEAD_BYTES`` past the first byte that is not (at most ``DETECT_LIMIT``)."""
    data = bytearray()
    first = None
    while len(data) < DETECT_LIMIT:
        decided = data.startswith(_BOM_PREFIXES) or (first is not None and len(data) >= first + HEAD_BYTES)
        if len(data) >= HEAD_BYTES and decided:
            break
        block = stream.read1(BYTE_BLOCK)
        if not block:
            break
        if first is None and (found := _NON_ASCII_BYTE.search(block)) is not None:
            first = len(data) + found.start()
        data += block
    return bytes(data)


class _Replayed(io.RawIOBase):
    """The bytes already read from a stream that cannot seek back, then the rest of the stream."""

    def __init__(self, prefix: bytes, rest: io.BufferedReader) -> None:
        self._prefix, self._at, self._rest = prefix, 0, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._at < len(self._prefix):
            piece = self._prefix[self._at : self._at + len(buffer)]
            buffer[: len(piece)] = piece
            self._at += len(piece)
            return len(piece)
        return self._rest.readinto1(buffer)

    def close(self) -> None:
        self._rest.close()
        super().close()


def _decoded_lines(stream: BinaryIO, encoding: str, name: str, *, blocks: bool = False) -> Iterator[str]:
    """Lines of ``stream`` (line ends kept); a decoding failure names the byte offset.

    With ``blocks``, each piece yielded holds as many whole lines as a read brings (readers
    that split records themselves take them: no per-line work in Python).

    Work and memory are linear in the input: a line longer than a block is collected as a
    list of pieces and joined once (re-joining it for every block made one long line
    quadratic).  The offset in an error counts from the start of the file, including the
    bytes of a character cut by the previous block that the decoder still holds.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    consumed = 0
    pending: list[str] = []
    while True:
        block = stream.read(1 << 16)
        held = len(decoder.getstate()[0])
        try:
            text = decoder.decode(block, final=not block)
        except UnicodeDecodeError as exc:
            where = consumed - held + exc.start
            raise DecodeError(encoding, where, file=name) from None
        consumed += len(block)
        if blocks:
            end = text.rfind("\n")
            if end == -1:
                pending.append(text)
            else:
                pending.append(text[: end + 1])
                yield "".join(pending)
                pending = [text[end + 1 :]] if end + 1 < len(text) else []
            if not block:
                if pending and (rest := "".join(pending)):
                    yield rest
                return
            continue
        start = 0
        # Split on LF only (CR LF stays inside the line; U+2028 and friends are text).
        while (end := text.find("\n", start)) != -1:
            if pending:
                pending.append(text[start : end + 1])
                yield "".join(pending)
                pending.clear()
            else:
                yield text[start : end + 1]
            start = end + 1
        if start < len(text):
            pending.append(text[start:])
        if not block:
            if pending:
                yield "".join(pending)
            return


def split_lines(text: str) -> Iterator[str]:
    """Lines of ``text`` with their ends kept, split on LF only (as the file reader does)."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end == -1:
            if start < len(text):
                yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


def open_input(path: str, *, fmt: str | None = None, encoding: str | None = None, stdin: BinaryIO | None = None) -> OpenedInput:
    """Open ``path`` (``-`` = stdin) for streaming; detect its encoding and format."""
    name = "<stdin>" if path == "-" else path
    if path == "-":
        if stdin is None and sys.stdin is None:  # started with stdin closed (``<&-``)
            raise InputError("cannot read: standard input is closed", file=name)
        raw: BinaryIO = stdin or sys.stdin.buffer
    else:
        try:
            raw = open(path, "rb")  # noqa: SIM115 - closed when the line iterator ends
        except OSError as exc:
            raise InputError(f"cannot open: {exc.strerror or exc}", file=name) from None
    # Any binary stream with readinto serves as the raw stream (a BytesIO from the API or a test).
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(cast(io.RawIOBase, raw))
    start = buffered.tell() if buffered.seekable() else None
    data = _detection_bytes(buffered)
    if start is not None:
        buffered.seek(start)
    else:  # a pipe: what detection read is read again
        buffered = io.BufferedReader(_Replayed(data, buffered))
    head = data[:HEAD_BYTES]
    detected = detection(data) if encoding is None else None
    chosen = encoding or detected.encoding  # type: ignore[union-attr]  # detected when no encoding is given
    try:
        codecs.lookup(chosen)
    except LookupError:
        raise InputError(f"unknown encoding {chosen!r}", file=name) from None
    head_text = head.decode(chosen, errors="replace").lstrip("\ufeff")
    if fmt:
        reader = get_reader(fmt)
        if (look := binary_look(head)) is not None:  # a PDF read as RIS would only fail to decode
            raise InputError(not_readable(look, reader.name), file=name)
    else:
        reader = detect_reader(None if path == "-" else path, head_text, head)
    content = [bool(head_text.strip("\ufeff \t\r\n"))]  # anything but white space seen (checked only until it is)

    def lines(blocks: bool) -> Iterator[str]:
        try:
            for piece in _decoded_lines(buffered, chosen, name, blocks=blocks):
                if not content[0] and piece.strip("\ufeff \t\r\n"):
                    content[0] = True
                yield piece
        finally:
            if path != "-":
                buffered.close()

    def blocks() -> Iterator[bytes]:
        try:
            # read1: what a pipe has ready, without waiting for a whole block (a file gives whole blocks)
            while block := buffered.read1(BYTE_BLOCK):
                if not content[0] and block.strip(_BLANK_BYTES):
                    content[0] = True
                yield block
        finally:
            if path != "-":
                buffered.close()

    def position() -> int:
        try:
            return buffered.tell() if not buffered.closed else 0
        except (OSError, ValueError):
            return 0

    return OpenedInput(
        name=name,
        path=path,
        reader=reader,
        encoding=chosen,
        lines=lines(blocks=False),
        line_blocks=lines(blocks=True),
        position=position,
        blocks=blocks(),
        detection=detected,
        head=head,
        head_text=head_text,
        has_content=lambda: content[0],
    )


def input_files(paths: Iterable[str], *, recursive: bool = False, pattern: str = "*") -> Iterator[tuple[str, PurePath]]:
    """Files named, and files in folders named (``-r`` for subfolders too), sorted; each with its
    place in the tree ``--out-dir`` mirrors: a named file is its name, a file found in a folder
    its path relative to that folder (``2024/01/issue.txt``); stdin is ``<stdin>``."""
    for path in paths:
        if path == "-":
            yield path, PurePath("<stdin>")
            continue
        p = Path(path)
        if p.is_dir():
            found = p.rglob(pattern) if recursive else p.glob(pattern)
            yield from ((str(f), f.relative_to(p)) for f in sorted(found) if f.is_file())
        else:
            yield path, PurePath(p.name)


def expand_inputs(paths: Iterable[str], *, recursive: bool = False, pattern: str = "*") -> Iterator[str]:
    """Files named, and files in folders named (``-r`` for subfolders too), sorted."""
    for path, _place in input_files(paths, recursive=recursive, pattern=pattern):
        yield path

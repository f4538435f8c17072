"""What an input looks like when it is no citation file citeexport reads: a PDF, an image, an
archive, a web page, another tool's reference format, or unknown text.

Why: the first thing a new user gives a converter is often the wrong file (the article's PDF,
the platform's web page saved as ``.ris``, a PubMed export).  "Cannot detect the format;
name it with --from" sends them the wrong way (forcing a format on a PDF finds nothing), so the
message says what the file is instead, and what to give.  The signatures are the files' own
magic bytes or first markup, strict enough that no citation file matches (a RIS, EndNote,
RefWorks, NoteExpress or dump file starts with its tag or ``Article(``, BibTeX with ``@`` or a comment,
CSL-JSON with ``[``/``{"``).

A :class:`Look` that names a ``format`` (EndNote XML, MEDLINE) is a reference
format citeexport could read one day: once a reader of that name is registered, the input is
left to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .oneline import one_line


@dataclass(frozen=True, slots=True)
class Look:
    """What an input is, and what to do instead."""

    what: str  # "a PDF document"
    advice: str = ""  # "give the references exported from where you found it (BibTeX, RIS, EndNote …)"
    format: str | None = None  # a reference format's reader name, for formats citeexport does not read yet
    kind: str = ""  # how it differs from a citation file, when neither "not a citation file" nor "a format not read" says it


_EXPORT = "export the references from where you found it (BibTeX, RIS, EndNote, RefWorks) and give that file"

#: Leading bytes of binary files.
_MAGIC: tuple[tuple[bytes, Look], ...] = (
    (b"%PDF-", Look("a PDF document", _EXPORT)),
    (b"\x89PNG\r\n\x1a\n", Look("a PNG image", _EXPORT)),
    (b"\xff\xd8\xff", Look("a JPEG image", _EXPORT)),
    (b"GIF87a", Look("a GIF image", _EXPORT)),
    (b"GIF89a", Look("a GIF image", _EXPORT)),
    (b"II*\x00", Look("a TIFF image", _EXPORT)),
    (b"MM\x00*", Look("a TIFF image", _EXPORT)),
    (b"PK\x03\x04", Look("a ZIP archive (or a .docx, .xlsx, .epub)", "unpack it and give the files inside")),
    (b"\x1f\x8b", Look("gzip-compressed data", "decompress it first, e.g. zcat FILE | citeexport … -")),
    (b"BZh", Look("bzip2-compressed data", "decompress it first, e.g. bzcat FILE | citeexport … -")),
    (b"\xfd7zXZ\x00", Look("xz-compressed data", "decompress it first, e.g. xzcat FILE | citeexport … -")),
    (b"7z\xbc\xaf\x27\x1c", Look("a 7-Zip archive", "unpack it and give the files inside")),
    (b"Rar!\x1a\x07", Look("a RAR archive", "unpack it and give the files inside")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", Look("a Microsoft Office document (.doc, .xls)", _EXPORT)),
    (b"{\\rtf", Look("an RTF document", _EXPORT)),
    (b"SQLite format 3\x00", Look("an SQLite database (a reference manager's library?)", _EXPORT)),
)

#: Text kinds, each matched at the start of the input (white space and a BOM removed).
_TEXT_LOOKS: tuple[tuple[re.Pattern[str], Look], ...] = (
    (
        re.compile(r"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL),
        Look("an HTML page", "save the platform's citation export (BibTeX, RIS, EndNote …), not the web page"),
    ),
    (
        re.compile(r"<\?xml[^>]*>\s*(?:<!--.*?-->\s*|<!DOCTYPE[^>\[]*>\s*)*<xml>\s*<records>", re.IGNORECASE | re.DOTALL),
        Look("EndNote XML", "export RIS or EndNote tagged (.enw) from EndNote instead", "endnote-xml"),
    ),
    (re.compile(r"<\?xml\b", re.IGNORECASE), Look("an XML document", _EXPORT)),
    (
        re.compile(r"PMID- ?\d"),  # MEDLINE / PubMed .nbib
        Look("a MEDLINE/PubMed (.nbib) file", "export RIS from PubMed instead (Send to: Citation manager)", "medline"),
    ),
)

#: Kinds told only when no reader claims the input (their marks could open a citation file's comment).
_FALLBACK_LOOKS: tuple[tuple[re.Pattern[str], Look], ...] = (
    (
        re.compile(r"DataType: ?\d+\s*\n\s*Title-题名:"),  # CNKI's "custom format" (自定义) export
        Look(
            "CNKI's custom export (DataType, Title-题名 …)", "export EndNote (.enw) or RefWorks from CNKI instead", "cnki-custom"
        ),
    ),
    (
        re.compile(r"[^\n]*\[(?:[A-Z]{1,2}|EB)(?:/OL)?\][^\n]*\d{4}"),  # 作者. 题名[J]. 刊名, 2017, …
        Look(
            "formatted references (GB/T 7714 text)",
            "give the records themselves (BibTeX, RIS, EndNote, RefWorks) from where the references were copied",
            kind="which citeexport writes but does not read",
        ),
    ),
)

#: Share of control characters (other than tab, CR, LF, FF) that makes decoded text binary data.
BINARY_SHARE = 0.05


def looks_like(raw: bytes, text: str) -> Look | None:
    """What the start of an input is, when it is a known kind of file that is no citation file;
    ``raw`` is its first bytes, ``text`` the same decoded (BOM removed)."""
    for magic, look in _MAGIC:
        if raw.startswith(magic):
            return look
    start = text.lstrip("\ufeff \t\r\n")[:4096]
    for pattern, look in _TEXT_LOOKS:
        if pattern.match(start):
            return look
    return None


def is_binary(raw: bytes) -> bool:
    """True for data that is no text in any encoding citeexport reads (NUL bytes, control characters).

    UTF-16 and UTF-32 text has NUL bytes too, so a BOM says it is text."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    sample = raw[:4096]
    if not sample:
        return False
    control = sum(1 for byte in sample if byte < 0x20 and byte not in (0x09, 0x0A, 0x0C, 0x0D))
    return b"\x00" in sample or control > BINARY_SHARE * len(sample)


def first_line(text: str, limit: int = 40) -> str:
    """The first non-blank line of ``text``, one line, cut at ``limit`` characters."""
    line = next((line for line in text.splitlines() if line.strip()), "")
    shown = one_line(line.strip())
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def binary_look(raw: bytes) -> Look | None:
    """What a binary input is (a known kind or just binary data); None for text."""
    for magic, look in _MAGIC:
        if raw.startswith(magic):
            return look
    return Look("binary data", _EXPORT) if is_binary(raw) else None


def describe(raw: bytes, text: str) -> Look:
    """What an input that no reader claims is: a known kind, binary data, or text of no known format."""
    look = looks_like(raw, text)
    if look is not None:
        return look
    if is_binary(raw):
        return Look("binary data", _EXPORT)
    start = text.lstrip("\ufeff \t\r\n")[:4096]
    for pattern, fallback in _FALLBACK_LOOKS:
        if pattern.match(start):
            return fallback
    return Look(f"text in no format citeexport knows (it starts {first_line(text)!r})")


def _sentence(look: Look) -> str:
    return f"{look.what}; {look.advice}" if look.advice else look.what


def undetected(look: Look, readable: list[str]) -> str:
    """The error for an input whose format no reader recognises."""
    if look.what.startswith("text in no format"):
        return f"{look.what}; if it is one of {', '.join(readable)}, name it with --from FORMAT"
    kind = look.kind or ("a reference format citeexport does not read" if look.format else "not a citation file")
    return f"{look.what}, {kind}" + (f"; {look.advice}" if look.advice else "")


def nothing_found(fmt: str, raw: bytes, text: str) -> str:
    """The error for an input with something in it from which reader ``fmt`` read no record."""
    return f"no {fmt} record found in it: it looks like {_sentence(describe(raw, text))}"


def not_readable(look: Look, fmt: str) -> str:
    """The error for binary data given with ``--from``: no text format can be read from it."""
    return (
        f"{look.what}, so no {fmt} record can be in it; {look.advice}"
        if look.advice
        else f"{look.what}: no {fmt} record can be in it"
    )

"""A fast path for the dump reader: the same schema, compiled into regular expressions.

:mod:`citeexport.readers.lombok` walks a record field by field in Python (≈ 1 ms for the
seed).  This module builds, from the same schema, one regular expression per object class
in its context, so the whole walk runs inside the ``re`` engine (≈ 10× faster).

It is a *strict subset* of the careful parser, never a second opinion: every text value
takes its earliest possible end and commits to it (atomic groups), as the careful parser's
first try does; typed values, nested objects, the lists' and maps' continuation rules and the
top-level end are the same.  Anything the careful parser would need backtracking, leniency
or a generic class for makes the fast match fail, and the reader then falls back to the
careful parser.  So when the fast path answers, its answer is the careful parser's answer;
``tests/test_dump_fast.py`` checks that on the hazard records and on generated corpora.

Stricter still, a text value may not contain ``, <the field after next>=`` at all (the careful
parser's schema-drift rule needs two following fields); such records take the careful path.

Only what citations use is captured; the result is the same kind of :class:`Obj` tree the
careful parser gives, holding just those fields.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .dump_schema import IDE_CLASSES, SCHEMA, SKIM_AFTER
from .lombok import Obj

_IDENT = r"[A-Za-z_$][\w$]*"
_NUMBER = r"(?:null|-?\d+(?:\.\d+)?)"
_BOOLEAN = r"(?:null|true|false)"
_BARE = r"(?:null|-?\d+(?:\.\d+)?|true|false)"

#: The element class the fast path accepts in each open (``*``) slot; other slots take
#: only ``null`` or ``[]`` (anything else goes to the careful parser).
_OPEN_SLOT_CLASSES = {("Article", "keywords"): "ArticleKeyword", ("Article", "funds"): "ArticleFund", ("Article", "refs"): "ArticleRef"}

#: The fields citations use, per class (what the mapping reads).
WANTED: dict[str, tuple[str, ...]] = {
    "Article": ["id", "articleNumber", "doi", "pubDate", "pubDateStr", "onlineFirstDate", "onlineFirstDateStr", "startPage", "endPage", "detailUrlCn", "detailUrlEn", "pdfUrlCn", "pdfUrlEn"],
    "Issue": ("year", "volume", "issue"),
    "Journal": ("nameCn", "nameEn", "issn", "eissn", "cn"),
    "ArticleExt": ("title", "journalTitle", "articleAbstract", "authorsList"),
    "Author": ("orderNo", "firstName", "middleName", "lastName", "nameCn"),
    "AuthorExt": ("stringName", "firstName", "middleName", "lastName"),
    "ArticleKeyword": ("language", "keyword", "orderNo"),
}
#: Structured fields whose span is captured and parsed again with the element pattern.
_SPANS = {("Article", "issue"), ("Article", "ext"), ("Article", "authors"), ("Article", "keywords"), ("Article", "journal"), ("Author", "ext")}


def _alternatives(strings: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(s) for s in strings) + ")"


def _text_until(until: tuple[str, ...], drift: str | None) -> str:
    """Text up to the earliest place where one of ``until`` starts (and never past ``drift``).

    Written as an unrolled loop over runs of characters that cannot start an end marker,
    which the ``re`` engine scans far faster than ``.*?`` with a lookahead.
    """
    stops = until + ((drift,) if drift else ())
    first = "".join(sorted({s[0] for s in stops}))
    klass = re.escape(first)
    return f"[^{klass}]*+(?:(?!{_alternatives(stops)})[{klass}][^{klass}]*+)*+"


def _last_text(closer: str, strong: str) -> str:
    """An object's last text value: up to the earliest closer that the container accepts.

    The careful parser reaches the same end by trying each closer in turn, but refuses, past
    its first try, to let a value cross the start of a known-class object (``Author(``); this
    pattern refuses any such crossing, so it stays a subset of the careful parser.
    """
    guard = "".join(f"(?<!\\b{re.escape(name)})" for name in sorted(SCHEMA))
    specials = re.escape("({" + closer)
    return f"(?:[^{specials}]++|{guard}[({{]|{re.escape(closer)}(?!{strong}))*+"


class _Unsupported(Exception):
    """A schema shape the fast path does not compile (the careful parser handles it)."""


class _Builder:
    """Regex source for objects of the schema, given what may follow them.

    ``follow`` is the tuple of literal strings the careful parser passes down as the text that
    may follow an object (a value's first candidate end is where one of them starts); after
    the object, the container adds its own stronger check, as the careful parser does.
    """

    def __init__(self, capture: frozenset[str]) -> None:
        self.capture = capture  # classes whose fields get named groups (each printed once)

    def group(self, cls: str, field: str, body: str, suffix: str = "") -> str:
        if cls not in self.capture or field not in WANTED.get(cls, ()):
            return body
        return f"(?P<{cls}_{field}{suffix}>{body})"

    def span(self, cls: str, field: str, body: str) -> str:
        if cls not in self.capture or (cls, field) not in _SPANS:
            return body
        return f"(?P<{cls}_{field}>{body})"

    def obj(self, cls: str, follow: tuple[str, ...], strong: str | None = None) -> str:
        """``cls(...)``; ``strong`` is a regex of what the container accepts after the closer."""
        fields = SCHEMA[cls]
        ide = cls in IDE_CLASSES
        opener, closer = ("{", "}") if ide else ("(", ")")
        skim = SKIM_AFTER.get(cls)
        stop = next((i for i, (name, _) in enumerate(fields) if name == skim), None)
        parts = [re.escape(cls + opener)]
        for i, (name, kind) in enumerate(fields):
            if i:
                parts.append(re.escape(", "))
            parts.append(re.escape(name + "="))
            if stop is not None and i == stop + 1:
                parts.append(_text_until(tuple(closer + f for f in follow), None))
                break
            last = i == len(fields) - 1
            if last and kind == "t" and strong is not None:
                parts.append(self.group(cls, name, _last_text(closer, strong)))
                continue
            until = tuple(closer + f for f in follow) if last else (", " + fields[i + 1][0] + "=",)
            drift = ", " + fields[i + 2][0] + "=" if i + 2 < len(fields) else None
            parts.append(self.value(cls, name, kind, until, drift))
        parts.append(re.escape(closer))
        return "".join(parts)

    def value(self, cls: str, name: str, kind: str, until: tuple[str, ...], drift: str | None) -> str:
        ends = _alternatives(until)
        if kind == "t":
            return self.group(cls, name, _text_until(until, drift)) + f"(?={ends})"
        if kind == "n":
            return self.group(cls, name, _NUMBER) + f"(?={ends})"
        if kind == "b":
            return self.group(cls, name, _BOOLEAN) + f"(?={ends})"
        if kind == "q":
            quoted = _text_until(tuple("'" + u for u in until), None)
            return "(?:'" + self.group(cls, name, quoted) + "'|" + self.group(cls, name, _BARE, "_bare") + f")(?={ends})"
        if kind.startswith("o:"):
            inner = self.obj(kind[2:], until)
            return self.span(cls, name, f"(?:null|{inner})") + f"(?={ends})"
        if kind.startswith("l:"):
            return self.span(cls, name, "(?:null|" + self.list(kind[2:], until) + ")") + f"(?={ends})"
        if kind.startswith("m:"):
            return self.span(cls, name, "(?:null|" + self.map(kind[2:], until) + ")") + f"(?={ends})"
        if kind == "*":
            element = _OPEN_SLOT_CLASSES.get((cls, name))
            slot = self.list(element, until) if element else r"\[\]"
            return self.span(cls, name, f"(?:null|{slot})") + f"(?={ends})"
        raise _Unsupported(kind)

    def list(self, element: str, until: tuple[str, ...]) -> str:
        closing = tuple("]" + u for u in until)
        strong = list_strong(element, closing)
        item = f"{self.obj(element, (', ', *closing), strong)}(?={strong})"
        return rf"\[(?:\](?={_alternatives(until)})|(?:{item}, )*+{item}\])"

    def map(self, value_class: str, until: tuple[str, ...]) -> str:
        closing = tuple("}" + u for u in until)
        follow = (", ", *closing)
        strong = map_strong(closing)
        value = f"(?:null|{self.obj(value_class, follow, strong)})"
        entry = f"{_IDENT}={value}(?={strong})"
        return rf"\{{(?:\}}(?={_alternatives(until)})|(?:{entry}, )*+{entry}\}})"


def list_strong(element: str, closing: tuple[str, ...]) -> str:
    """After a list element: the next element of the class, or the list's end."""
    return f"(?:, {re.escape(element)}[({{]|{_alternatives(closing)})"


def map_strong(closing: tuple[str, ...]) -> str:
    """After a map value: the next ``KEY=``, or the map's end."""
    return f"(?:, {_IDENT}=|{_alternatives(closing)})"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """Compiled once: the whole Article, and each repeated element in its context."""
    article = _Builder(frozenset({"Article", "Issue", "Journal"})).obj("Article", ("\n", "\r\n"), r"\r?\n")
    patterns = {"Article": re.compile(article + r"(?=\r?\n)", re.DOTALL)}

    # Elements re-read inside the captured spans, each with exactly the context it had above.
    def element(cls: str, closing: str, *, keyed: bool) -> re.Pattern[str]:
        follow = (", ", closing)
        strong = map_strong((closing,)) if keyed else list_strong(cls, (closing,))
        body = _Builder(frozenset({cls})).obj(cls, follow, strong)
        if keyed:
            body = rf"({_IDENT})=(?:(?P<null>null)|{body})(?={strong})"
        return re.compile(body, re.DOTALL)

    patterns["ArticleExt"] = element("ArticleExt", "}, authors=", keyed=True)
    patterns["Author"] = element("Author", "], keywords=", keyed=False)
    patterns["AuthorExt"] = element("AuthorExt", "}, companyList=", keyed=True)
    patterns["ArticleKeyword"] = element("ArticleKeyword", "], refs=", keyed=False)
    return patterns


def _fields(match: re.Match[str], cls: str) -> dict[str, str | None]:
    """The wanted fields of ``cls`` from one match; ``null`` (and, quoted, ``''``) → None."""
    names = WANTED[cls]
    values = match.group(*(f"{cls}_{field}" for field in names))
    if len(names) == 1:
        values = (values,)
    if cls in IDE_CLASSES:
        bare = match.group(*(f"{cls}_{field}_bare" for field in names))
        if len(names) == 1:
            bare = (bare,)
        values = tuple(None if v == "" else v if v is not None else b for v, b in zip(values, bare, strict=True))
    return {field: None if value == "null" else value for field, value in zip(names, values, strict=True)}


def _map_entries(pattern: re.Pattern[str], text: str, start: int, end: int, cls: str) -> dict[str, Obj | None] | None:
    """Entries of the map spanning text[start:end] (``{K=V, …}``), re-read with ``pattern``."""
    entries: dict[str, Obj | None] = {}
    pos = start + 1
    if text.startswith("}", pos):
        return entries
    while pos < end:
        match = pattern.match(text, pos)
        if match is None:
            return None
        entries[match.group(1)] = None if match.group("null") else Obj(cls, _fields(match, cls))
        pos = match.end()
        if text.startswith(", ", pos):
            pos += 2
        else:
            break
    return entries


def parse_fast(text: str) -> Obj | None:
    """The ``Article`` tree of ``text`` (ending with a newline), or None to use the careful parser."""
    patterns = _patterns()
    match = patterns["Article"].match(text)
    if match is None:
        return None
    article = Obj("Article", _fields(match, "Article"))

    issue_start, issue_end = match.span("Article_issue")
    article.fields["issue"] = Obj("Issue", _fields(match, "Issue")) if text[issue_start:issue_end] != "null" else None
    journal_start, journal_end = match.span("Article_journal")
    article.fields["journal"] = Obj("Journal", _fields(match, "Journal")) if text[journal_start:journal_end] != "null" else None

    start, end = match.span("Article_ext")
    if text[start:end] == "null":
        article.fields["ext"] = None
    else:
        ext = _map_entries(patterns["ArticleExt"], text, start, end, "ArticleExt")
        if ext is None:
            return None
        article.fields["ext"] = ext

    start, end = match.span("Article_authors")
    if text[start:end] == "null":
        article.fields["authors"] = None
    else:
        authors: list[Obj] = []
        pos = start + 1
        while pos < end - 1:
            author_match = patterns["Author"].match(text, pos)
            if author_match is None:
                return None
            author = Obj("Author", _fields(author_match, "Author"))
            ext_start, ext_end = author_match.span("Author_ext")
            if text[ext_start:ext_end] == "null":
                author.fields["ext"] = None
            else:
                names = _map_entries(patterns["AuthorExt"], text, ext_start, ext_end, "AuthorExt")
                if names is None:
                    return None
                author.fields["ext"] = names
            authors.append(author)
            pos = author_match.end() + 2
        article.fields["authors"] = authors

    start, end = match.span("Article_keywords")
    slot = text[start:end]
    if slot == "null":
        article.fields["keywords"] = None
    elif slot == "[]":
        article.fields["keywords"] = []
    elif slot.startswith("[ArticleKeyword("):
        keywords: list[Obj] = []
        pos = start + 1
        while pos < end - 1:
            keyword_match = patterns["ArticleKeyword"].match(text, pos)
            if keyword_match is None:
                return None
            keywords.append(Obj("ArticleKeyword", _fields(keyword_match, "ArticleKeyword")))
            pos = keyword_match.end() + 2
        article.fields["keywords"] = keywords
    else:
        return None  # other element classes: no keywords, but let the careful parser say so
    return article

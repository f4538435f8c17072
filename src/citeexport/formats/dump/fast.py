"""A fast path for the dump reader: the same schema, compiled into regular expressions.

:mod:`.lombok` walks a record field by field in Python.  This module builds, from the same
schema, one regular expression per object class in its context, so the walk runs inside the
``re`` engine: each byte is scanned once, by a regex segment, an element loop, or ``str.find``
for the Journal's unread tail (``benchmarks/`` has the figures).

It is a *strict subset* of the careful parser, never a second opinion: every text value
takes its earliest possible end and commits to it (atomic groups), as the careful parser's
first try does; typed values, nested objects, the lists' and maps' continuation rules and the
top-level end are the same.  Anything the careful parser would need backtracking, leniency
or a generic class for makes the fast match fail, and the reader then falls back to the
careful parser.  So when the fast path answers, its answer is the careful parser's answer;
``tests/formats/dump/test_dump_fast.py`` checks that on the hazard records and on generated corpora.

Stricter still, a text value may not contain ``, <the field after next>=`` at all (the careful
parser's schema-drift rule needs two following fields); such records take the careful path.
A kind the program does not compile (:data:`_NEVER`), or a shape it cannot take, sends the
record to the careful parser too: the fast path never raises and never answers on its own.

Only what citations use is captured; the result is the same kind of :class:`Obj` tree the
careful parser gives, holding just those fields.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lombok import Obj
from .schema import IDE_CLASSES, SCHEMA, SKIM_AFTER, value_starts

_IDENT = r"[A-Za-z_$][\w$]*"
_NUMBER = r"(?:null|-?\d+(?:\.\d+)?)"
_BOOLEAN = r"(?:null|true|false)"
_BARE = r"(?:null|-?\d+(?:\.\d+)?|true|false)"

#: The element class the fast path accepts in each open (``*``) slot; other slots take
#: only ``null`` or ``[]`` (anything else goes to the careful parser).
_OPEN_SLOT_CLASSES = {
    ("Article", "keywords"): "ArticleKeyword",
    ("Article", "funds"): "ArticleFund",
    ("Article", "refs"): "ArticleRef",
}

#: The fields citations use, per class (what the mapping reads).
WANTED: dict[str, tuple[str, ...]] = {
    "Article": (
        "id",
        "articleNumber",
        "doi",
        "pmid",
        "receivedDate",
        "receivedDateStr",
        "pubDate",
        "pubDateStr",
        "onlineFirstDate",
        "onlineFirstDateStr",
        "startPage",
        "endPage",
        "detailUrlCn",
        "detailUrlEn",
        "pdfUrlCn",
        "pdfUrlEn",
        "reference",
    ),
    "Issue": ("year", "volume", "issue"),
    "Journal": ("nameCn", "nameEn", "issn", "eissn", "cn"),
    "ArticleExt": ("title", "journalTitle", "articleAbstract", "authorsList"),
    "Author": ("orderNo", "firstName", "middleName", "lastName", "nameCn"),
    "AuthorExt": ("stringName", "firstName", "middleName", "lastName", "suffix"),
    "ArticleKeyword": ("language", "keyword", "orderNo"),
}
#: Structured fields whose span is captured and parsed again with the element pattern.
_SPANS = {
    ("Article", "issue"),
    ("Article", "ext"),
    ("Article", "authors"),
    ("Article", "keywords"),
    ("Article", "journal"),
    ("Author", "ext"),
}


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


#: The pattern of a value of a kind the fast path does not compile: it never matches, so every
#: record that reaches such a field is read by the careful parser (by construction: no kind can
#: make the fast path raise or answer differently).
_NEVER = "(?!)"


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
        if kind == "j":
            # The careful parser tries JSON first for a value starting "{" or "[": declined here.
            return self.group(cls, name, r"(?![\[{])" + _text_until(until, drift)) + f"(?={ends})"
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
        return _NEVER

    def list(self, element: str, until: tuple[str, ...]) -> str:
        closing = tuple("]" + u for u in until)
        strong = list_strong(element, closing)
        item = f"{self.obj(element, (', ', *closing), strong)}(?={strong})"
        return rf"\[(?:\](?={_alternatives(until)})|(?:{item}, )*+{item}\])"

    def map(self, value_class: str, until: tuple[str, ...]) -> str:
        closing = tuple("}" + u for u in until)
        follow = (", ", *closing)
        strong = map_strong(closing, value_class)
        value = f"(?:null|{self.obj(value_class, follow, strong)})"
        entry = f"{_IDENT}={value}(?={strong})"
        return rf"\{{(?:\}}(?={_alternatives(until)})|(?:{entry}, )*+{entry}\}})"


def list_strong(element: str, closing: tuple[str, ...]) -> str:
    """After a list element: the next element of the class, or the list's end."""
    return f"(?:, {re.escape(element)}[({{]|{_alternatives(closing)})"


def map_strong(closing: tuple[str, ...], value_class: str) -> str:
    """After a map value: the next ``KEY=`` and a value of the map's class (:func:`~.schema.value_starts`), or the map's end."""
    return f"(?:, {_IDENT}={_alternatives(value_starts(value_class))}|{_alternatives(closing)})"


# -- the program: regex segments, repeated elements, and the skimmed Journal tail ----------
#
# One regular expression for the whole record would have to re-read the lists and maps to
# capture their elements (a repeated group keeps only its last match).  So the record is cut
# into steps, each scanned once: regex segments for runs of fields, element loops for the
# lists and maps whose elements citations use, and a ``str.find`` for the Journal's tail.
# Steps follow each other with no backtracking between them, exactly like the one regex.

#: Classes read as programs (they contain repeated captured structures, or a skimmed tail).
_PROGRAM_CLASSES = frozenset({"Article", "Author", "Journal"})
#: Repeated structures read element by element: (owner, field) -> element class.
_REPEATED = {
    ("Article", "ext"): "ArticleExt",
    ("Article", "authors"): "Author",
    ("Article", "keywords"): "ArticleKeyword",
    ("Author", "ext"): "AuthorExt",
}


class _Segment:
    """A regex over a run of fields; ``captures`` say which groups fill which object fields."""

    __slots__ = ("absent", "captures", "pattern")

    def __init__(self, source: str, captures: frozenset[str]) -> None:
        self.pattern = re.compile(source, re.DOTALL)
        groups = self.pattern.groupindex
        # (class, field, group name, bare group name or None)
        self.captures = tuple(
            (cls, field, f"{cls}_{field}", f"{cls}_{field}_bare" if f"{cls}_{field}_bare" in groups else None)
            for cls in sorted(captures)
            for field in WANTED.get(cls, ())
            if f"{cls}_{field}" in groups
        )
        # Inline object fields printed as ``null`` (e.g. ``issue=null``): (owner, field, group).
        self.absent = tuple((owner, field, f"{owner}_{field}") for owner, field in sorted(_SPANS) if f"{owner}_{field}" in groups)


class _Repeated:
    """A list ``[E, E]`` or a map ``{K=E, K=E}`` of ``element`` objects, each read by ``steps``."""

    __slots__ = ("element", "field", "is_map", "optional_slot", "owner", "segment", "steps")

    def __init__(self, owner: str, field: str, element: str, is_map: bool, steps: list[Step], optional_slot: bool) -> None:
        self.owner, self.field, self.element, self.is_map, self.steps = owner, field, element, is_map, steps
        self.optional_slot = optional_slot  # a "*" slot: other shapes go to the careful parser
        # A map's values are read by one segment (the builder makes sure of it).
        self.segment = steps[0] if is_map and len(steps) == 1 and type(steps[0]) is _Segment else None


class _Skim:
    """The rest of an object nobody reads: up to the first closer followed by ``target``."""

    __slots__ = ("target",)

    def __init__(self, target: str) -> None:
        self.target = target


Step = _Segment | _Repeated | _Skim


class _ProgramBuilder:
    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.parts: list[str] = []
        self.captures: set[str] = set()

    def flush(self) -> None:
        if self.parts:
            self.steps.append(_Segment("".join(self.parts), frozenset(self.captures)))
        self.parts, self.captures = [], set()

    def obj(self, cls: str, follow: tuple[str, ...], strong: str | None) -> None:
        """Append the steps reading ``cls(...)``; ``strong`` must follow its closer."""
        fields = SCHEMA[cls]
        closer = "}" if cls in IDE_CLASSES else ")"
        self.parts.append(re.escape(cls + ("{" if cls in IDE_CLASSES else "(")))
        self.captures.add(cls)
        skim = SKIM_AFTER.get(cls)
        stop = next((i for i, (name, _) in enumerate(fields) if name == skim), None)
        inline = _Builder(frozenset({cls, "Issue"}))  # Issue{...} is read inline, printed once
        self.captures |= inline.capture
        for i, (name, kind) in enumerate(fields):
            self.parts.append(re.escape((", " if i else "") + name + "="))
            if stop is not None and i == stop + 1:
                if len(follow) != 1:
                    raise _Unsupported(f"skim of {cls} needs one follow string")
                self.flush()
                self.steps.append(_Skim(closer + follow[0]))
                break
            last = i == len(fields) - 1
            until = tuple(closer + f for f in follow) if last else (", " + fields[i + 1][0] + "=",)
            element = _REPEATED.get((cls, name))
            if element is not None:
                self.flush()
                self.repeated(cls, name, kind, element, until)
                self.captures |= inline.capture
            elif kind.startswith("o:") and kind[2:] in _PROGRAM_CLASSES:
                self.obj(kind[2:], until, None)
                self.captures |= inline.capture
            elif last and kind == "t" and strong is not None:
                self.parts.append(inline.group(cls, name, _last_text(closer, strong)))
            else:
                drift = ", " + fields[i + 2][0] + "=" if i + 2 < len(fields) else None
                self.parts.append(inline.value(cls, name, kind, until, drift))
        self.parts.append(re.escape(closer))
        if strong is not None:
            self.parts.append(f"(?={strong})")

    def repeated(self, owner: str, field: str, kind: str, element: str, until: tuple[str, ...]) -> None:
        is_map = kind.startswith("m:")
        closing = tuple(("}" if is_map else "]") + u for u in until)
        strong = map_strong(closing, element) if is_map else list_strong(element, closing)
        sub = _ProgramBuilder()
        if is_map:
            sub.parts.append(rf"(?P<key>{_IDENT})=(?:(?P<null>null)(?={strong})|")
            sub.obj(element, (", ", *closing), strong)
            sub.parts.append(")")
        else:
            sub.obj(element, (", ", *closing), strong)
        sub.flush()
        if is_map and len(sub.steps) != 1:
            raise _Unsupported(f"map values of {element} must be read by one segment")
        self.steps.append(_Repeated(owner, field, element, is_map, sub.steps, optional_slot=kind == "*"))


@lru_cache(maxsize=1)
def _program() -> list[Step] | None:
    """The steps reading one ``Article`` record, compiled once per process from the schema; None
    when the schema has a shape the program cannot take (then the careful parser reads every record)."""
    builder = _ProgramBuilder()
    try:
        builder.obj("Article", ("\n", "\r\n"), r"\r?\n")
    except _Unsupported:
        return None
    builder.flush()
    return builder.steps


def _run(steps: list[Step], text: str, pos: int, scope: dict[str, Obj]) -> int:
    """Run ``steps`` at ``pos``, filling the objects of ``scope``; the end, or -1."""
    for step in steps:
        if type(step) is _Segment:
            match = step.pattern.match(text, pos)
            if match is None:
                return -1
            for cls, field, group, bare in step.captures:
                value = match.group(group)
                if bare is not None:
                    value = match.group(bare) if value is None else (None if value == "" else value)
                scope[cls].fields[field] = None if value == "null" else value
            for owner, field, group in step.absent:
                if match.group(group) == "null":
                    scope[owner].fields[field] = None
            pos = match.end()
        elif type(step) is _Repeated:
            pos = _run_repeated(step, text, pos, scope)
            if pos < 0:
                return -1
        else:
            assert type(step) is _Skim
            pos = text.find(step.target, pos)
            if pos < 0:
                return -1
    return pos


def _run_repeated(step: _Repeated, text: str, pos: int, scope: dict[str, Obj]) -> int:
    owner = scope[step.owner]
    if text.startswith("null", pos):
        owner.fields[step.field] = None
        return pos + 4
    opener, closer = ("{", "}") if step.is_map else ("[", "]")
    if not text.startswith(opener, pos):
        return -1
    pos += 1
    if text.startswith(closer, pos):
        owner.fields[step.field] = {} if step.is_map else []
        return pos + 1
    if step.optional_slot and not text.startswith(step.element + "(", pos):
        return -1
    items: list[Obj] = []
    entries: dict[str, Obj | None] = {}
    segment = step.segment
    while True:
        element = Obj(step.element)
        if segment is not None:  # a map
            match = segment.pattern.match(text, pos)
            if match is None:
                return -1
            for _cls, field, group, _bare in segment.captures:
                value = match.group(group)
                element.fields[field] = None if value == "null" else value
            entries[match.group("key")] = None if match.group("null") else element
            pos = match.end()
        else:
            pos = _run(step.steps, text, pos, {step.element: element})
            if pos < 0:
                return -1
            items.append(element)
        if text.startswith(", ", pos):
            pos += 2
            continue
        if text.startswith(closer, pos):
            owner.fields[step.field] = entries if step.is_map else items
            return pos + 1
        return -1


def parse_fast(text: str) -> Obj | None:
    """The ``Article`` tree of ``text`` (ending with a newline), or None to use the careful parser."""
    program = _program()
    if program is None:
        return None
    article, issue, journal = Obj("Article"), Obj("Issue"), Obj("Journal")
    end = _run(program, text, 0, {"Article": article, "Issue": issue, "Journal": journal})
    if end < 0:
        return None
    article.fields.setdefault("issue", issue)
    article.fields["journal"] = journal
    return article

"""A parser for Java ``toString()`` output (Lombok ``Name(k=v, ...)`` and IDE ``Name{k='v', ...}``).

Values are printed without quotes or escapes, so the text alone is ambiguous: a title may
contain ``, x=``, brackets, ``null`` or ``Author(``.  The parser resolves it with the schema
(:mod:`.schema`): Lombok prints every field of a class in a fixed
order, so a value ends where ``", " + <the next field's name> + "="`` follows it, and typed
values (numbers, nested objects) must fit.  The rules, from the team's dump-format notes §5:

1. *Earliest anchor first, backtrack on failure*: a text value ends at the first place where
   what must follow it can start; if the rest does not parse, the next such place is tried.
2. A *backtracked* (non-first) end of a text value may not cross the start of a known-class
   object (``Author(``), so one broken record cannot make the search run through the file.
3. Once an object has completed, backtracking into it only moves its last field's end.
4. List and map elements are committed one at a time (the first reading that the next
   element, or the closing bracket and what follows it, accepts).  Elements are typed: a
   typed map goes on only where ``, KEY=`` is followed by its value class (or ``null``,
   :func:`~.schema.value_starts`), as a typed list only at its element class.
5. A value that parsed as an object, list or map never falls back to plain text.
6. Work is bounded: a step budget, and a nesting limit, end hopeless inputs with an error.
   Each step costs amortised constant scanning: searches for a separator are cached
   (:meth:`LombokParser._find`), so trying the k-th candidate end never rescans the text
   before it, and no input can make the parser quadratic in its length.  Nesting is bounded
   by :data:`MAX_DEPTH` (objects, lists, maps) and :data:`MAX_GENERIC_FIELDS` (the fields of
   a class the schema does not know are parsed recursively), never by Python's recursion
   limit; JSON too deep for :mod:`json` is read as text.  A candidate text value is a
   :class:`_Span` (two offsets), cut out of the text only once the whole object has parsed,
   so trying k ends of a long value costs k steps, not k copies of it.

Fallback for what the schema does not know: an unknown class is read generically (a value
ends at any ``, ident=``); an unknown field after a typed value is read as an extra field up
to the expected next field; a known field missing after a typed value is skipped.  Each
fallback adds a warning.  A text value that runs over two following fields of its own class
(``…, f+2=…, f+3=…``) is rejected: that is schema drift, not text, and becomes an error.

The result is a generic tree: :class:`Obj` for objects, ``list``, ``dict`` (maps), ``str``
for scalars (raw, unconverted) and ``None`` for ``null``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ...record_warnings import RecordWarning
from .schema import IDE_CLASSES, SCHEMA, SKIM_AFTER, value_starts

Fields = tuple[tuple[str, str], ...]
Alternatives = Iterator[tuple[Any, int]]

_NUMBER = re.compile(r"null|-?\d+(?:\.\d+)?")
_BOOLEAN = re.compile(r"null|true|false")
_BARE = re.compile(r"null|-?\d+(?:\.\d+)?|true|false")
_IDENT = re.compile(r"[A-Za-z_$][\w$]*")
_CLASS_START = re.compile(r"([A-Z][\w$]*(?:\.[A-Z][\w$]*)*)([({])")
_GENERIC_FIELD_END = re.compile(r", (?=[A-Za-z_$][\w$]*=)")
_KNOWN_START = re.compile(r"\b(?:" + "|".join(sorted(SCHEMA, key=len, reverse=True)) + r")[({]")

MAX_DEPTH = 48
#: Fields of one object of an unknown class (each field is one more level of generators).
MAX_GENERIC_FIELDS = 200
_JSON = json.JSONDecoder()


class Obj:
    """A parsed object: its class name and its fields in printed order."""

    __slots__ = ("cls", "fields")

    def __init__(self, cls: str, fields: dict[str, Any] | None = None) -> None:
        self.cls = cls
        self.fields: dict[str, Any] = fields if fields is not None else {}

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def __repr__(self) -> str:
        return f"Obj({self.cls}, {self.fields!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Obj) and other.cls == self.cls and other.fields == self.fields

    __hash__ = None  # type: ignore[assignment]  # a tree node compared by value is mutable: unhashable


class _Span:
    """A text value not yet cut out of the input: ``s[start:end]`` (``split``: a list of bare strings)."""

    __slots__ = ("end", "split", "start")

    def __init__(self, start: int, end: int, split: bool = False) -> None:
        self.start = start
        self.end = end
        self.split = split


def _resolve(tree: Any, s: str) -> Any:
    """``tree`` with every :class:`_Span` replaced by its text; iterative, as JSON values may nest deeply."""

    def text_of(span: _Span) -> Any:
        text = s[span.start : span.end]
        return [None if item == "null" else item for item in text.split(", ")] if span.split else text

    if type(tree) is _Span:
        return text_of(tree)
    stack = [tree]
    while stack:
        node = stack.pop()
        container = node.fields if isinstance(node, Obj) else node
        if isinstance(container, dict):
            keys: Iterator[Any] = iter(list(container))
        elif isinstance(container, list):
            keys = iter(range(len(container)))
        else:
            continue
        for key in keys:
            value = container[key]
            if type(value) is _Span:
                container[key] = text_of(value)
            elif isinstance(value, (Obj, dict, list)):
                stack.append(value)
    return tree


class LombokSyntaxError(Exception):
    """The text is not a complete object of the expected shape."""

    def __init__(self, message: str, offset: int, field: str | None) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.field = field

    def __reduce__(self) -> tuple[type[LombokSyntaxError], tuple[str, int, str | None]]:
        return (type(self), (self.message, self.offset, self.field))  # picklable, for --jobs


class _Budget(Exception):
    pass


class _Completion:
    """Per-object flag for rule 3: after the first completion, interior fields are fixed."""

    __slots__ = ("done",)

    def __init__(self) -> None:
        self.done = False


class LombokParser:
    """Parse one top-level object out of ``text`` (which must end with a newline)."""

    def __init__(self, text: str, *, budget: int | None = None) -> None:
        self.s = text
        self.n = len(text)
        self.steps = 0
        self.budget = budget if budget is not None else 20_000 + len(text) // 2
        self.warnings: list[str] = []
        self._far_pos = -1
        self._far_field: str | None = None
        self._far_message = "not a Java object dump"
        # _find's cache: target -> (searched from, first position found there or -1)
        self._found: dict[str, tuple[int, int]] = {}
        self._last: dict[str, int] = {}  # target -> its last occurrence (-1: none), found once by rfind
        self._known: tuple[int, int] = (self.n + 1, self.n)  # _known_start's cache: (searched from, found)

    # -- entry point -------------------------------------------------------------------------

    def parse_top(self, cls: str, follow: tuple[str, ...] = ("\n", "\r\n")) -> tuple[Obj, int]:
        """The object of class ``cls`` at offset 0 that ends right before one of ``follow``."""
        if not self.s.startswith(cls, 0) or self.s[len(cls) : len(cls) + 1] not in ("(", "{"):
            raise LombokSyntaxError(f"expected {cls}(", 0, None)
        try:
            for obj, end in self._object(cls, 0, follow, 0):
                if any(self.s.startswith(f, end) for f in follow):
                    return _resolve(obj, self.s), end
        except _Budget:
            raise LombokSyntaxError(
                "too ambiguous or broken to read within the work limit", self._far_pos, self._far_field
            ) from None
        except RecursionError:  # pragma: no cover - guarded by MAX_DEPTH
            raise LombokSyntaxError("nested too deeply", self._far_pos, self._far_field) from None
        raise LombokSyntaxError(self._far_message, max(self._far_pos, 0), self._far_field)

    # -- bookkeeping -------------------------------------------------------------------------

    def _step(self) -> None:
        self.steps += 1
        if self.steps > self.budget:
            raise _Budget

    def _fail(self, pos: int, field: str | None, message: str) -> None:
        if pos >= self._far_pos:
            self._far_pos, self._far_field, self._far_message = pos, field, message

    def _find(self, target: str, pos: int) -> int:
        """``self.s.find(target, pos)``, cached: a search from inside the last searched span is free.

        Why: backtracking asks for the next separator after each candidate end, from
        positions that mostly grow; without the cache each question rescans up to the next
        match (or the end of the text), which made hostile records quadratic.  A question
        from beyond the target's last occurrence (truncated records ask many) costs nothing.
        """
        cached = self._found.get(target)
        if cached is not None:
            start, found = cached
            if start <= pos and (found == -1 or pos <= found):
                return found
        last = self._last.get(target)
        if last is None:
            last = self._last[target] = self.s.rfind(target)
        if pos > last:  # after the last occurrence: no search (backtracking asks this again and again)
            return -1
        found = self.s.find(target, pos)
        self._found[target] = (pos, found)
        return found

    def _known_start(self, pos: int) -> int:
        """Where the first known-class object (``Author(``) at or after ``pos`` starts; ``n`` if none."""
        start, at = self._known
        if start <= pos <= at:
            return at
        found = _KNOWN_START.search(self.s, pos)
        at = found.start() if found else self.n
        self._known = (pos, at)
        return at

    def _json(self, pos: int) -> tuple[Any, int] | None:
        """A JSON value at ``pos`` and its end, or None (not JSON, or nested deeper than :mod:`json` can go)."""
        try:
            return _JSON.raw_decode(self.s, pos)
        except (ValueError, RecursionError):
            return None

    # -- objects -----------------------------------------------------------------------------

    def _object(self, cls: str, pos: int, follow: tuple[str, ...], depth: int) -> Alternatives:
        """Alternatives for the object ``cls(`` at ``pos``; ends are after the closer."""
        if depth > MAX_DEPTH:
            self._fail(pos, cls, "nested too deeply")
            return
        self._step()
        s = self.s
        opener = pos + len(cls)
        closer = "}" if s[opener] == "{" else ")"
        start = opener + 1
        if s.startswith(closer, start):  # Name() or Name{}
            yield Obj(cls, {}), start + 1
            return
        fields = SCHEMA.get(cls)
        obj = Obj(cls)
        if fields is None or (closer == "}") != (cls in IDE_CLASSES):
            yield from self._generic_fields(obj, start, closer, follow, depth, 1)
            return
        skim = SKIM_AFTER.get(cls)
        stop = next((i for i, (name, _) in enumerate(fields) if name == skim), None)
        yield from self._fields(obj, fields, 0, start, closer, follow, depth, _Completion(), stop)

    def _fields(
        self,
        obj: Obj,
        fields: Fields,
        i: int,
        pos: int,
        closer: str,
        follow: tuple[str, ...],
        depth: int,
        completion: _Completion,
        stop: int | None,
    ) -> Alternatives:
        s = self.s
        name, kind = fields[i]
        where = f"{obj.cls}.{name}"
        if not (s.startswith(name, pos) and s.startswith("=", pos + len(name))):
            self._fail(pos, where, f"expected {name}=")
            return
        vpos = pos + len(name) + 1
        if stop is not None and i == stop + 1:
            # Skimmed tail: the rest of this object is not read; it ends at the first closer
            # that is followed by what the parent expects.
            for end in self._ends_before(pos, tuple(closer + f for f in follow), first_only=False):
                self._step()
                yield obj, end + 1
            return
        last = i == len(fields) - 1
        if last:
            until = tuple(closer + f for f in follow)
            for value, end in self._value(kind, vpos, until, where, depth, fields, i):
                if s.startswith(closer, end):
                    obj.fields[name] = value
                    completion.done = True
                    yield obj, end + 1
            self._fail(vpos, where, f"no end of {name} fits here")
            return
        sep = ", " + fields[i + 1][0] + "="
        for value, end in self._value(kind, vpos, (sep,), where, depth, fields, i):
            if s.startswith(sep, end):
                obj.fields[name] = value
                yield from self._fields(obj, fields, i + 1, end + 2, closer, follow, depth, completion, stop)
                if completion.done:
                    return
            elif not kind.startswith("t") and kind != "*":
                # Schema leniency after a typed value: a field the schema does not know, or
                # known fields that are missing.
                obj.fields[name] = value
                yield from self._lenient_next(obj, fields, i, end, closer, follow, depth, completion, stop)
                if completion.done:
                    return
            else:
                self._fail(end, where, f"expected {sep.strip(', ')} after {name}")

    def _lenient_next(
        self,
        obj: Obj,
        fields: Fields,
        i: int,
        end: int,
        closer: str,
        follow: tuple[str, ...],
        depth: int,
        completion: _Completion,
        stop: int | None,
    ) -> Alternatives:
        s = self.s
        if not s.startswith(", ", end):
            self._fail(end, f"{obj.cls}.{fields[i][0]}", f"expected , {fields[i + 1][0]}= after {fields[i][0]}")
            return
        match = _IDENT.match(s, end + 2)
        if not match or not s.startswith("=", match.end()):
            self._fail(end, f"{obj.cls}.{fields[i][0]}", f"expected , {fields[i + 1][0]}=")
            return
        found = match.group()
        names = [name for name, _ in fields]
        if found in names[i + 2 :]:
            j = names.index(found, i + 2)
            missing = names[i + 1 : j]
            self.warnings.append(
                RecordWarning(
                    f"{obj.cls}: field(s) {', '.join(missing)} missing (schema changed?)",
                    "fields missing (schema changed?)",
                    (f"{obj.cls}.{name}" for name in missing),
                )
            )
            yield from self._fields(obj, fields, j, end + 2, closer, follow, depth, completion, stop)
            return
        if found in names:
            self._fail(end, f"{obj.cls}.{found}", f"field {found} out of order")
            return
        # An unknown field: its value runs to the expected next field.
        sep = ", " + fields[i + 1][0] + "="
        vpos = match.end() + 1
        for value, vend in self._value("*", vpos, (sep,), f"{obj.cls}.{found}", depth, None, 0):
            if s.startswith(sep, vend):
                self.warnings.append(
                    RecordWarning(
                        f"{obj.cls}: unknown field {found} (schema changed?)",
                        "unknown fields (schema changed?)",
                        (f"{obj.cls}.{found}",),
                    )
                )
                obj.fields[found] = value
                yield from self._fields(obj, fields, i + 1, vend + 2, closer, follow, depth, completion, stop)
                return

    def _generic_fields(self, obj: Obj, pos: int, closer: str, follow: tuple[str, ...], depth: int, count: int) -> Alternatives:
        """An object of a class the schema does not know: any ``, ident=`` may end a value."""
        s = self.s
        if count > MAX_GENERIC_FIELDS:
            self._fail(pos, obj.cls, f"more than {MAX_GENERIC_FIELDS} fields in an object of an unknown class")
            return
        match = _IDENT.match(s, pos)
        if not match or not s.startswith("=", match.end()):
            self._fail(pos, obj.cls, "expected field=")
            return
        name = match.group()
        where = f"{obj.cls}.{name}"
        vpos = match.end() + 1
        finish = tuple(closer + f for f in follow)
        for value, end in self._value("*", vpos, (", ", *finish), where, depth, None, 0):
            self._step()
            if s.startswith(", ", end) and (m := _IDENT.match(s, end + 2)) and s.startswith("=", m.end()):
                obj.fields[name] = value
                yield from self._generic_fields(obj, end + 2, closer, follow, depth, count + 1)
            elif any(s.startswith(f, end) for f in finish):
                obj.fields[name] = value
                yield obj, end + 1

    # -- values ------------------------------------------------------------------------------

    def _value(
        self,
        kind: str,
        pos: int,
        until: tuple[str, ...],
        where: str,
        depth: int,
        fields: Fields | None,
        index: int,
    ) -> Alternatives:
        """Alternatives for a value of ``kind`` at ``pos``, followed by one of ``until``."""
        self._step()
        s = self.s
        if kind == "t":
            yield from self._text(pos, until, fields, index, where)
            return
        if kind in ("n", "b"):
            match = (_NUMBER if kind == "n" else _BOOLEAN).match(s, pos)
            if match:
                text = match.group()
                yield (None if text == "null" else text), match.end()
            else:
                self._fail(pos, where, "expected a number" if kind == "n" else "expected true or false")
            return
        if kind == "q":
            yield from self._quoted(pos, until, where)
            return
        if s.startswith("null", pos) and any(s.startswith(u, pos + 4) for u in until):
            yield None, pos + 4
            if kind != "*" and kind != "j":
                return
        if kind == "j":
            if s[pos : pos + 1] in ("{", "[") and (decoded := self._json(pos)) is not None:
                yield decoded
            yield from self._text(pos, until, None, 0)
            return
        inner_follow = until
        if kind.startswith("o:"):
            cls = kind[2:]
            if s.startswith(cls, pos) and s[pos + len(cls) : pos + len(cls) + 1] in ("(", "{"):
                yield from self._object(cls, pos, inner_follow, depth + 1)
            else:
                self._fail(pos, where, f"expected {cls}(...) or null")
            return
        if kind.startswith("l:"):
            if s.startswith("[", pos):
                yield from self._list(kind[2:], pos, until, where, depth + 1)
            else:
                self._fail(pos, where, "expected [...] or null")
            return
        if kind.startswith("m:"):
            if s.startswith("{", pos):
                yield from self._map(kind[2:], pos, until, where, depth + 1)
            else:
                self._fail(pos, where, "expected {...} or null")
            return
        # kind "*": whatever fits; a structured reading, once found, is final (rule 5).
        structured = False
        head = s[pos : pos + 1]
        match = _CLASS_START.match(s, pos) if head.isupper() else None
        if match:
            for alternative in self._object(match.group(1), pos, inner_follow, depth + 1):
                structured = True
                yield alternative
        elif head == "[":
            for alternative in self._list("*", pos, until, where, depth + 1):
                structured = True
                yield alternative
        elif head == "{":
            if (m := _IDENT.match(s, pos + 1)) and s.startswith("=", m.end()):
                for alternative in self._map("*", pos, until, where, depth + 1):
                    structured = True
                    yield alternative
            elif (decoded := self._json(pos)) is not None:
                structured = True
                yield decoded
        if not structured:
            yield from self._text(pos, until, None, 0)

    def _text(
        self, pos: int, until: tuple[str, ...], fields: Fields | None, index: int, where: str | None = None
    ) -> Alternatives:
        """Free text: ends before the earliest ``until``; later ends on backtracking (rule 2)."""
        drift = None
        if fields is not None and index + 3 < len(fields):
            drift = (", " + fields[index + 2][0] + "=", ", " + fields[index + 3][0] + "=")
        first = True
        for end in self._ends_before(pos, until, first_only=False):
            self._step()
            if not first and end > self._known_start(pos):
                return
            first = False
            if drift is not None and self._runs_over(pos, end, drift):
                self._fail(pos, where, "the value runs over the following fields: the dump's schema differs")
                return
            yield self._span(pos, end), end
        if first and pos > self._far_pos:  # not one place where the value could end (a deeper cause wins)
            expected = until[0].strip(", \r\n")
            reason = f"no {expected} follows" if expected else "the record ends inside it"
            self._fail(pos, where, f"the value never ends: {reason} (a truncated record?)")

    def _span(self, start: int, end: int) -> _Span | None:
        """The text ``s[start:end]`` as a :class:`_Span`; ``null`` is None."""
        if end - start == 4 and self.s.startswith("null", start):
            return None
        return _Span(start, end)

    def _runs_over(self, pos: int, end: int, drift: tuple[str, str]) -> bool:
        """True when ``s[pos:end]`` holds ``drift[0]`` and, after it, ``drift[1]`` (two following fields).

        Same answer as ``s.find(drift[0], pos, end)`` then ``s.find(drift[1], a, end)``, but
        from cached searches: the first occurrence after ``pos`` fits before ``end`` or none does.
        """
        a = self._find(drift[0], pos)
        if a == -1 or a + len(drift[0]) > end:
            return False
        b = self._find(drift[1], a)
        return b != -1 and b + len(drift[1]) <= end

    def _ends_before(self, pos: int, until: tuple[str, ...], *, first_only: bool) -> Iterator[int]:
        """Positions ≥ pos where one of ``until`` starts, in order."""
        find = self._find
        if len(until) == 1:
            target = until[0]
            end = find(target, pos)
            while end != -1:
                yield end
                if first_only:
                    return
                end = find(target, end + 1)
            return
        nexts = [find(u, pos) for u in until]
        while True:
            candidates = [p for p in nexts if p != -1]
            if not candidates:
                return
            end = min(candidates)
            yield end
            if first_only:
                return
            nexts = [find(u, end + 1) if p == end else p for u, p in zip(until, nexts, strict=True)]

    def _quoted(self, pos: int, until: tuple[str, ...], where: str) -> Alternatives:
        """An IDE toString value: ``'text'`` (no escaping inside) or a bare token."""
        s = self.s
        if s.startswith("'", pos):
            for end in self._ends_before(pos + 1, tuple("'" + u for u in until), first_only=False):
                self._step()
                yield (None if end == pos + 1 else self._span(pos + 1, end)), end + 1
            self._fail(pos, where, "unterminated quoted value")
            return
        match = _BARE.match(s, pos)
        if match:
            text = match.group()
            yield (None if text == "null" else text), match.end()
            return
        yield from self._text(pos, until, None, 0)

    def _list(self, cls: str, pos: int, until: tuple[str, ...], where: str, depth: int) -> Alternatives:
        """``[a, b, ...]``: objects of ``cls`` (or of any class), or bare strings."""
        s = self.s
        if depth > MAX_DEPTH:
            self._fail(pos, where, "nested too deeply")
            return
        start = pos + 1
        if s.startswith("]", start):
            yield [], start + 1
            return
        closing = tuple("]" + u for u in until)
        element = cls if cls != "*" else None
        if element is None and (m := _CLASS_START.match(s, start)):
            element = m.group(1)
            elements_known = False
        else:
            elements_known = True
        if element is None:
            # Bare strings: one reading per closing bracket (rule 4: never 2^n splits).
            for end in self._ends_before(start, closing, first_only=False):
                self._step()
                yield _Span(start, end, split=True), end + 1
            return
        items: list[Any] = []
        p = start
        while True:
            if depth > MAX_DEPTH:
                self._fail(p, where, "nested too deeply")
                return
            name = element
            if not elements_known:
                m = _CLASS_START.match(s, p)
                if not m:
                    self._fail(p, where, "expected a list element")
                    return
                name = m.group(1)
            elif not (s.startswith(name, p) and s[p + len(name) : p + len(name) + 1] in ("(", "{")):
                self._fail(p, where, f"expected {name}(")
                return
            follow = (", ", *closing)
            for obj, end in self._object(name, p, follow, depth + 1):
                if s.startswith(", ", end):
                    following = _CLASS_START.match(s, end + 2)
                    if following and (not elements_known or following.group(1) == name):
                        items.append(obj)
                        p = end + 2
                        break
                if any(s.startswith(c, end) for c in closing):
                    items.append(obj)
                    yield items, end + 1
                    return
            else:
                self._fail(p, where, "list element does not end where the list can go on")
                return

    def _map(self, cls: str, pos: int, until: tuple[str, ...], where: str, depth: int) -> Alternatives:
        """``{KEY=value, ...}`` with values of ``cls`` (or any values)."""
        s = self.s
        if depth > MAX_DEPTH:
            self._fail(pos, where, "nested too deeply")
            return
        start = pos + 1
        if s.startswith("}", start):
            yield {}, start + 1
            return
        closing = tuple("}" + u for u in until)
        starts = None if cls == "*" else value_starts(cls)  # what may follow "KEY=" (rule 4)
        entries: dict[str, Any] = {}
        p = start
        while True:
            m = _IDENT.match(s, p)
            if not m or not s.startswith("=", m.end()):
                self._fail(p, where, "expected KEY= in a map")
                return
            key = m.group()
            vpos = m.end() + 1
            kind = "*" if cls == "*" else f"o:{cls}"
            for value, end in self._value(kind, vpos, (", ", *closing), f"{where}.{key}", depth, None, 0):
                if (
                    s.startswith(", ", end)
                    and (k := _IDENT.match(s, end + 2))
                    and s.startswith("=", k.end())
                    and (starts is None or s.startswith(starts, k.end() + 1))
                ):
                    entries[key] = value
                    p = end + 2
                    break
                if any(s.startswith(c, end) for c in closing):
                    entries[key] = value
                    yield entries, end + 1
                    return
            else:
                self._fail(vpos, f"{where}.{key}", "map value does not end where the map can go on")
                return

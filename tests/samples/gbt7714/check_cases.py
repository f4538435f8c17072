"""Validate the GB/T 7714 sample files in this directory (stdlib only).

Usage: python tests/samples/gbt7714/check_cases.py [DIR]

Checks cases.jsonl and lists.jsonl: one JSON object per line, the required keys
and their value kinds, CSL items (types and variables of CSL-JSON 1.0.2, name
and date shapes), NFC text everywhere, ids unique across both files, that a
full (non-fragment) expected line carries the case's [type/carrier] code, and
that numeric list lines are numbered [1], [2], ... in order.
Exit status 0 when clean, 1 with one message per problem otherwise.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

EDITIONS = {"2015", "2025"}
SYSTEMS = {"numeric", "author-date"}
TYPE_CODES = {
    "M",
    "C",
    "G",
    "N",
    "J",
    "D",
    "R",
    "S",
    "P",
    "DB",
    "CP",
    "EB",
    "A",
    "CM",
    "DS",
    "PP",
    "Z",
}
CARRIERS = {None, "OL", "CD", "MT", "DK", "MM"}

# CSL-JSON 1.0.2 item types (csl-data.json), plus "event" from the 1.0.2 specification.
CSL_TYPES = {
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
}
NAME_VARIABLES = {
    "author",
    "chair",
    "collection-editor",
    "compiler",
    "composer",
    "container-author",
    "contributor",
    "curator",
    "director",
    "editor",
    "editorial-director",
    "executive-producer",
    "guest",
    "host",
    "illustrator",
    "interviewer",
    "narrator",
    "organizer",
    "original-author",
    "performer",
    "producer",
    "recipient",
    "reviewed-author",
    "script-writer",
    "series-creator",
    "translator",
}
DATE_VARIABLES = {
    "accessed",
    "available-date",
    "event-date",
    "issued",
    "original-date",
    "submitted",
}
TEXT_VARIABLES = {
    "abstract",
    "annote",
    "archive",
    "archive_collection",
    "archive_location",
    "archive-place",
    "authority",
    "call-number",
    "chapter-number",
    "citation-key",
    "citation-label",
    "collection-number",
    "collection-title",
    "container-title",
    "container-title-short",
    "dimensions",
    "division",
    "DOI",
    "edition",
    "event",
    "event-place",
    "event-title",
    "genre",
    "ISBN",
    "ISSN",
    "issue",
    "jurisdiction",
    "keyword",
    "language",
    "medium",
    "note",
    "number",
    "number-of-pages",
    "number-of-volumes",
    "original-publisher",
    "original-publisher-place",
    "original-title",
    "page",
    "page-first",
    "part",
    "part-title",
    "PMCID",
    "PMID",
    "printing",
    "publisher",
    "publisher-place",
    "references",
    "reviewed-genre",
    "reviewed-title",
    "scale",
    "section",
    "source",
    "status",
    "supplement",
    "title",
    "title-short",
    "translated-title",
    "URL",
    "version",
    "volume",
    "year-suffix",
}
NAME_KEYS = {
    "family",
    "given",
    "dropping-particle",
    "non-dropping-particle",
    "suffix",
    "comma-suffix",
    "static-ordering",
    "literal",
    "parse-names",
}
DATE_KEYS = {"date-parts", "season", "circa", "literal", "raw", "edtf"}
BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
CASE_KEYS = {
    "id",
    "edition",
    "system",
    "clause",
    "type_code",
    "carrier",
    "csl",
    "expected",
    "source",
    "notes",
}
CASE_OPTIONAL = {"fragment"}
LIST_KEYS = {
    "id",
    "edition",
    "system",
    "clause",
    "list",
    "expected_lines",
    "source",
    "notes",
}
LIST_OPTIONAL = {"expected_citations", "citations"}


def strings_in(value: object):
    """Every string (keys included) inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def check_name(where: str, name: object) -> list[str]:
    if not isinstance(name, dict) or not name:
        return [f"{where}: a name must be a non-empty object"]
    problems = [f"{where}: unknown name key {k!r}" for k in name if k not in NAME_KEYS]
    if "literal" in name and ("family" in name or "given" in name):
        problems.append(f"{where}: literal together with family/given")
    if "literal" not in name and "family" not in name:
        problems.append(f"{where}: name without family or literal")
    return problems


def check_date(where: str, date: object) -> list[str]:
    if not isinstance(date, dict):
        return [f"{where}: a date must be an object"]
    problems = [f"{where}: unknown date key {k!r}" for k in date if k not in DATE_KEYS]
    if "date-parts" not in date and "literal" not in date:
        problems.append(f"{where}: date without date-parts or literal")
    parts = date.get("date-parts")
    if parts is not None:
        if not isinstance(parts, list) or not 1 <= len(parts) <= 2:
            problems.append(f"{where}: date-parts must hold one or two dates")
        else:
            for part in parts:
                if not isinstance(part, list) or not 1 <= len(part) <= 3 or not all(isinstance(x, int) for x in part):
                    problems.append(f"{where}: bad date-parts entry {part!r}")
                elif len(part) >= 2 and not 1 <= part[1] <= 12:
                    problems.append(f"{where}: month out of range in {part!r}")
                elif len(part) == 3 and not 1 <= part[2] <= 31:
                    problems.append(f"{where}: day out of range in {part!r}")
    return problems


def check_csl(where: str, item: object) -> list[str]:
    if not isinstance(item, dict):
        return [f"{where}: csl must be an object"]
    problems = []
    if item.get("type") not in CSL_TYPES:
        problems.append(f"{where}: CSL type {item.get('type')!r} is not a CSL 1.0.2 type")
    if not isinstance(item.get("id"), str) or not item["id"]:
        problems.append(f"{where}: csl.id must be a non-empty string")
    language = item.get("language")
    if not isinstance(language, str) or not BCP47.match(language):
        problems.append(f"{where}: csl.language must be a BCP 47 tag, got {language!r}")
    for key, value in item.items():
        if key in {"id", "type"}:
            continue
        if key in NAME_VARIABLES:
            if not isinstance(value, list) or not value:
                problems.append(f"{where}: {key} must be a non-empty list of names")
                continue
            for i, name in enumerate(value):
                problems += check_name(f"{where}.{key}[{i}]", name)
        elif key in DATE_VARIABLES:
            problems += check_date(f"{where}.{key}", value)
        elif key in TEXT_VARIABLES:
            if not isinstance(value, (str, int)) or (isinstance(value, str) and not value):
                problems.append(f"{where}: {key} must be a non-empty string or number")
        else:
            problems.append(f"{where}: {key!r} is not a CSL 1.0.2 variable")
    return problems


def check_common(where: str, obj: dict) -> list[str]:
    problems = []
    if obj.get("edition") not in EDITIONS:
        problems.append(f"{where}: edition must be one of {sorted(EDITIONS)}")
    if obj.get("system") not in SYSTEMS:
        problems.append(f"{where}: system must be one of {sorted(SYSTEMS)}")
    for key in ("id", "clause", "source"):
        if not isinstance(obj.get(key), str) or not obj[key]:
            problems.append(f"{where}: {key} must be a non-empty string")
    if not isinstance(obj.get("notes"), str):
        problems.append(f"{where}: notes must be a string")
    for text in strings_in(obj):
        if unicodedata.normalize("NFC", text) != text:
            problems.append(f"{where}: text not in NFC: {text[:40]!r}")
        if "\ufffd" in text or any(ord(c) < 0x20 for c in text):
            problems.append(f"{where}: control or replacement character in {text[:40]!r}")
    return problems


def check_expected_line(where: str, line: object) -> list[str]:
    if not isinstance(line, str) or not line.strip():
        return [f"{where}: expected must be a non-empty string"]
    problems = []
    if line != line.strip() or "  " in line:
        problems.append(f"{where}: stray or doubled spaces in {line[:40]!r}")
    if re.match(r"^\[\d{1,3}\] ", line):
        problems.append(f"{where}: expected must not start with a [n] number")
    return problems


def check_case(where: str, case: dict) -> list[str]:
    problems = check_common(where, case)
    missing = CASE_KEYS - case.keys()
    extra = case.keys() - CASE_KEYS - CASE_OPTIONAL
    problems += [f"{where}: missing key {k!r}" for k in sorted(missing)]
    problems += [f"{where}: unknown key {k!r}" for k in sorted(extra)]
    if case.get("type_code") not in TYPE_CODES:
        problems.append(f"{where}: type_code {case.get('type_code')!r} unknown")
    if case.get("carrier") not in CARRIERS:
        problems.append(f"{where}: carrier {case.get('carrier')!r} unknown")
    problems += check_csl(f"{where}.csl", case.get("csl"))
    problems += check_expected_line(where, case.get("expected"))
    fragment = case.get("fragment")
    if fragment is not None and (not isinstance(fragment, str) or not fragment):
        problems.append(f"{where}: fragment must name the element shown")
    if fragment is None and isinstance(case.get("expected"), str):
        code = case.get("type_code")
        if case.get("carrier"):
            code = f"{code}/{case['carrier']}"
        if f"[{code}]" not in case["expected"]:
            problems.append(f"{where}: expected line lacks [{code}]")
    return problems


def check_list(where: str, entry: dict) -> list[str]:
    problems = check_common(where, entry)
    missing = LIST_KEYS - entry.keys()
    extra = entry.keys() - LIST_KEYS - LIST_OPTIONAL
    problems += [f"{where}: missing key {k!r}" for k in sorted(missing)]
    problems += [f"{where}: unknown key {k!r}" for k in sorted(extra)]
    items = entry.get("list")
    lines = entry.get("expected_lines")
    if not isinstance(items, list) or not items:
        return [*problems, f"{where}: list must be a non-empty list of CSL items"]
    if not isinstance(lines, list) or not lines:
        return [*problems, f"{where}: expected_lines must be a non-empty list"]
    ids = []
    for i, item in enumerate(items):
        problems += check_csl(f"{where}.list[{i}]", item)
        if isinstance(item, dict):
            ids.append(item.get("id"))
    if len(set(ids)) != len(ids):
        problems.append(f"{where}: duplicate CSL ids inside the list")
    numeric = entry.get("system") == "numeric"
    for i, line in enumerate(lines):
        label = f"{where}.expected_lines[{i}]"
        if not isinstance(line, str):
            problems.append(f"{label}: must be a string")
            continue
        if numeric:
            prefix = f"[{i + 1}] "
            if not line.startswith(prefix):
                problems.append(f"{label}: numeric list line must start with {prefix!r}")
            line = line[len(prefix) :]
        problems += check_expected_line(label, line)
    if len(lines) != len(items):
        problems.append(f"{where}: {len(items)} items but {len(lines)} expected lines")
    citations = entry.get("citations")
    expected = entry.get("expected_citations")
    if (citations is None) != (expected is None):
        problems.append(f"{where}: citations and expected_citations go together")
    elif citations is not None:
        if not isinstance(citations, list) or not isinstance(expected, list):
            return [*problems, f"{where}: citations and expected_citations must be lists"]
        if len(citations) != len(expected):
            problems.append(f"{where}: {len(citations)} citations but {len(expected)} expected")
        for i, cite in enumerate(citations):
            cited = cite.get("items") if isinstance(cite, dict) else None
            if not isinstance(cited, list) or not cited:
                problems.append(f"{where}.citations[{i}]: items must be a non-empty list")
                continue
            problems += [f"{where}.citations[{i}]: unknown item {ident!r}" for ident in cited if ident not in ids]
            extra = cite.keys() - {"items", "locator", "mode"}
            problems += [f"{where}.citations[{i}]: unknown key {k!r}" for k in sorted(extra)]
    return problems


def read_jsonl(path: Path, checker) -> tuple[list[dict], list[str]]:
    objects, problems = [], []
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return [], [f"{path.name}: not UTF-8 ({error})"]
    if text.startswith("\ufeff"):
        problems.append(f"{path.name}: starts with a byte-order mark")
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{where}: invalid JSON ({error})")
            continue
        if not isinstance(obj, dict):
            problems.append(f"{where}: a line must hold one JSON object")
            continue
        where = f"{where} ({obj.get('id')})"
        problems += checker(where, obj)
        objects.append(obj)
    if text and not text.endswith("\n"):
        problems.append(f"{path.name}: no newline at end of file")
    return objects, problems


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    problems: list[str] = []
    seen: dict[str, str] = {}
    counts = {}
    for name, checker in (("cases.jsonl", check_case), ("lists.jsonl", check_list)):
        path = folder / name
        if not path.exists():
            problems.append(f"{name}: missing")
            continue
        objects, found = read_jsonl(path, checker)
        problems += found
        counts[name] = len(objects)
        for obj in objects:
            ident = obj.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                problems.append(f"{name}: duplicate id {ident!r} (first in {seen[ident]})")
            seen[ident] = name
    for problem in problems:
        print(problem)
    summary = ", ".join(f"{name}: {count}" for name, count in counts.items())
    print(f"{summary}; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

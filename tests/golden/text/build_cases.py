"""Build ``cases.jsonl`` and ``lists.jsonl`` here from the GB/T 7714 samples (``tests/samples/gbt7714/``).

Run from the repository root: ``python tests/golden/text/build_cases.py``.  Each case keeps its
id, edition, system, clause, type code, carrier, CSL item, source and notes.  One amendment:
the samples print the *values* of an entry (titles, journal names, places, publishers, names)
with their punctuation converted to the edition's width (2015 ``：`` -> ``: ``, ``（）`` -> ``()``;
2025 English ``: `` -> ``：``, ``, `` -> ``，``), following zepinglee's transcription.  Issue 13
asks for every transcribed element exactly as given (only the separators between elements follow
the edition), so where a converted value appears in ``expected`` and the value as given does not,
the value as given is put back; ``expected_sample`` keeps the sample's line and ``amended`` says so.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "tests" / "samples" / "gbt7714"
OUT = Path(__file__).parent

_2015 = str.maketrans({"：": ": ", "；": "; ", "，": ", ", "（": "(", "）": ")", "？": "?", "！": "!"})
_2025 = [
    (re.compile(r"\s*——\s*"), "："),
    (re.compile(r"\s*:\s+"), "："),
    (re.compile(r"\s*,\s*"), "，"),
    (re.compile(r"\s*;\s*"), "；"),
    (re.compile(r"\s*\(\s*"), "（"),
    (re.compile(r"\s*\)\s*"), "）"),
]
#: CSL variables whose values are transcribed (numbers and identifiers keep their punctuation).
TRANSCRIBED = ("title", "container-title", "publisher", "publisher-place", "event-title", "event-place",
               "edition", "volume", "archive", "archive-place", "collection-title")  # fmt: skip
NAME_ROLES = ("author", "editor", "translator", "container-author")


def converted(value: str, edition: str) -> list[str]:
    """The spellings the samples give ``value`` (each conversion alone, then all together)."""
    if edition == "2015":
        whole = value.translate(_2015).replace(") ", ")").replace(" (", "(")
        return [whole, value.translate(_2015)]
    out = value
    for pattern, repl in _2025:
        out = pattern.sub(repl, out)
    return [out]


def amend_line(csl: dict[str, Any], expected: str, edition: str) -> str:
    """``expected`` with the values of ``csl`` as given where the sample converted their punctuation."""
    values = [str(csl[key]) for key in TRANSCRIBED if csl.get(key)]
    values += [name["literal"] for role in NAME_ROLES for name in csl.get(role) or [] if "literal" in name]
    for value in sorted(values, key=len, reverse=True):
        if value in expected:
            continue
        for spelling in converted(value, edition):
            if spelling != value and spelling in expected:
                expected = expected.replace(spelling, value)
                break
    return expected


def amend(case: dict[str, Any]) -> dict[str, Any]:
    expected = amend_line(case["csl"], case["expected"], case["edition"])
    out = dict(case)
    if expected != case["expected"]:
        out["expected"] = expected
        out["expected_sample"] = case["expected"]
        out["amended"] = "transcribed values as given (issue 13); the sample converts their punctuation"
    return out


def amend_list(example: dict[str, Any]) -> dict[str, Any]:
    """A multi-item example: each printed line amended against the items (the line's item is not marked)."""
    lines = []
    for line in example["expected_lines"]:
        for item in example["list"]:
            line = amend_line(item, line, example["edition"])
        lines.append(line)
    out = dict(example)
    if lines != example["expected_lines"]:
        out["expected_lines"] = lines
        out["expected_lines_sample"] = example["expected_lines"]
        out["amended"] = "transcribed values as given (issue 13); the sample converts their punctuation"
    return out


def _rewrite(name: str, amended: Any) -> None:
    source = SAMPLES / name
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = [json.dumps(amended(record), ensure_ascii=False) for record in records]
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} records, {sum('amended' in line for line in lines)} amended -> {(OUT / name).relative_to(ROOT)}")


def main() -> None:
    _rewrite("cases.jsonl", amend)
    _rewrite("lists.jsonl", amend_list)


if __name__ == "__main__":
    main()

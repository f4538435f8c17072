"""The long fuzz run of the readers: the CI properties of tests/roundtrip/test_fuzz_readers.py, with many more examples.

Usage::

    python scripts/fuzz.py --examples 100000          # every family, 100,000 examples each
    python scripts/fuzz.py --examples 5000 --family mutated-dump --seed 1

Families: ``random-text`` and ``random-bytes`` (every registered reader), ``random-json``
(the CSL-JSON reader), ``mutated-dump`` (the seed record truncated, brackets deleted or
duplicated, values cut, fields swapped, separators inserted), each checked for: no exception
but a CiteexportError, every failed record typed and located.  For ``mutated-dump`` the work
is measured as in the tests (characters scanned or copied per input character) and the
worst case is reported.  Exceptions the tests list as known (``KNOWN_CSLJSON_LEAKS``, if any) are
counted, not fatal.  Prints one line per family: examples, outcomes by kind, findings; exits 1
on any new finding.
"""

from __future__ import annotations

import argparse
import collections
import io
import json
import sys
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from citeexport.errors import CiteexportError
from citeexport.inputs import open_input
from citeexport.registry import readers
from support import fuzzing as fuzz

#: Exceptions the CI tests list as known defects (counted, not fatal); none once they are fixed.
KNOWN_LEAKS: tuple[type[BaseException], ...] = getattr(fuzz, "KNOWN_CSLJSON_LEAKS", ())


class Tally:
    """Outcomes and findings of one family."""

    def __init__(self) -> None:
        self.examples = 0
        self.outcomes: collections.Counter[str] = collections.Counter()
        self.findings: dict[str, str] = {}
        self.known: collections.Counter[str] = collections.Counter()
        self.worst_scan = 0.0

    def line(self, family: str) -> str:
        top = ", ".join(f"{kind}: {count}" for kind, count in self.outcomes.most_common(6))
        extra = f"; worst scan {self.worst_scan:.1f} chars/char" if self.worst_scan else ""
        known = f"; known leaks {dict(self.known)}" if self.known else ""
        return f"{family}: {self.examples} examples; {top}{extra}{known}; new findings: {len(self.findings)}"


def _outcome(records: list) -> str:
    if not records:
        return "no records"
    failed = [r for r in records if r.error is not None]
    if not failed:
        return "ok"
    return "error: " + failed[0].error.message.split(":")[0][:48]


def run_family(name: str, strategy: st.SearchStrategy, check, examples: int, rng_seed: int) -> Tally:  # type: ignore[no-untyped-def]
    tally = Tally()

    @seed(rng_seed)
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def body(example: object) -> None:
        tally.examples += 1
        try:
            tally.outcomes[check(example, tally)] += 1
        except KNOWN_LEAKS as exc:
            tally.known[type(exc).__name__] += 1
        except CiteexportError as exc:
            tally.outcomes["raised " + type(exc).__name__] += 1
        except Exception as exc:  # a finding: keep the first example of each kind
            key = f"{type(exc).__name__}: {str(exc)[:80]}"
            tally.findings.setdefault(key, repr(example)[:500] + "\n" + traceback.format_exc(limit=4))

    body()
    return tally


def check_text(fmt: str):  # type: ignore[no-untyped-def]
    def check(text: str, tally: Tally) -> str:
        return _outcome(fuzz.read_all(fmt, text))

    return check


def check_bytes(fmt: str):  # type: ignore[no-untyped-def]
    def check(data: bytes, tally: Tally) -> str:
        try:
            opened = open_input("-", fmt=fmt, stdin=io.BytesIO(data))  # type: ignore[arg-type]
            return _outcome(list(opened.read()))
        except CiteexportError as exc:
            return "input error: " + exc.message.split(" at byte")[0][:40]

    return check


def check_mutated(dump: str, tally: Tally) -> str:
    records = fuzz.read_all("dump", fuzz.SEED_TEXT + "\n" + dump + "\n" + fuzz.SEED_PAGE)
    if not (records and records[0].ok):
        raise AssertionError("the good record before a broken one was lost")
    _, scanned, _ = fuzz.count_work(dump)
    tally.worst_scan = max(tally.worst_scan, scanned / max(1, len(dump)))
    if scanned > fuzz.SCAN_FACTOR * max(len(dump), 1000):
        raise AssertionError(f"scanned {scanned} characters for {len(dump)}")
    return _outcome(records[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=10_000, help="examples per family and reader")
    parser.add_argument("--family", action="append", help="only these families (repeatable)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    families: list[tuple[str, st.SearchStrategy, object]] = []
    for fmt in sorted(readers()):
        families.append((f"random-text/{fmt}", fuzz.TEXTISH, check_text(fmt)))
        families.append((f"random-bytes/{fmt}", st.binary(max_size=600), check_bytes(fmt)))
    if "csl-json" in readers():
        families.append(("random-json/csl-json", fuzz.JSON_VALUES.map(json.dumps), check_text("csl-json")))
    families.append(("mutated-dump", fuzz.mutated_dumps(), check_mutated))
    new_findings = 0
    for name, strategy, check in families:
        if args.family and not any(name.startswith(f) for f in args.family):
            continue
        tally = run_family(name, strategy, check, args.examples, args.seed)
        print(tally.line(name), flush=True)
        for key, example in tally.findings.items():
            print(f"  FINDING {key}\n    {example}", flush=True)
        new_findings += len(tally.findings)
    return 1 if new_findings else 0


if __name__ == "__main__":
    sys.exit(main())

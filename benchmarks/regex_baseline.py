"""The bare-regex baseline for the dump: find every ``name=`` in a file and do nothing else.

    python benchmarks/regex_baseline.py FILE      # prints the number of matches on stderr

The floor a dump reader is compared with (issue 17): one pass of Python's ``re`` over the same
bytes, line by line, touching each match once from Python, with no decoding, no values, no
model and no output.  A reader that is faster than this pass has to skip work the pass does.
"""

from __future__ import annotations

import re
import sys

NAME_EQUALS = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*=")


def count_names(path: str) -> int:
    found = 0
    with open(path, "rb") as handle:
        for line in handle:
            for _ in NAME_EQUALS.finditer(line):
                found += 1
    return found


if __name__ == "__main__":
    print(f"{count_names(sys.argv[1])} matches", file=sys.stderr)

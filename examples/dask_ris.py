"""Platform dumps to RIS with Dask: the files' texts spread over partitions, converted in parallel.

    python examples/dask_ris.py examples/article.txt > article.ris
    python examples/dask_ris.py dumps/*.txt > issue.ris

Each partition converts its texts with ``api.convert`` (every record in a text) and returns its
RIS and the errors of its bad records as one item: dask.bag's default scheduler runs partitions
in worker processes, so what a worker collects must come back as data.  The output is in input
order; the exit code is 1 when a record failed, as for the ``citeexport`` command.
"""

from __future__ import annotations

import sys
from pathlib import Path

import dask.bag

from citeexport import api
from citeexport.options import WriteOptions


def convert_partition(texts):
    """One partition's RIS, and the errors of its bad records, as one item."""
    failed = []
    ris = "".join(api.convert(texts, "ris", options=WriteOptions(lang="zh"), on_error=failed.append))
    return [(ris, [str(error) for error in failed])]


def main(paths: list[str]) -> int:
    texts = [(path, Path(path).read_text(encoding="utf-8")) for path in paths]  # (name, text): errors name the file
    bag = dask.bag.from_sequence(texts, npartitions=4)
    results = bag.map_partitions(convert_partition).compute()
    ris = "".join(part for part, _ in results)
    errors = [error for _, part_errors in results for error in part_errors]
    sys.stdout.buffer.write(ris.encode("utf-8"))  # RIS's CR LF kept as written
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":  # worker processes import this module: unguarded, each would start the job again
    sys.exit(main(sys.argv[1:] or ["examples/article.txt"]))

"""EndNote XML reading in flat memory: peak RSS of reading 10,000 and 50,000 records (one line, as
EndNote writes an export), each in a fresh process.  Not a timed test; run by hand:

    python benchmarks/endnote_xml_memory.py [--sizes 10000,50000]

The two peaks should be about equal: the reader holds one record at a time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

RECORD = (
    '<record><ref-type name="Journal Article">17</ref-type><contributors><authors><author>饶春明</author>'
    "<author>RAO, Chun-ming</author></authors></contributors><titles><title>干细胞产品质量研究与检测专栏 {n}</title>"
    "<secondary-title>药物分析杂志</secondary-title></titles><pages>1-3</pages><volume>45</volume><number>1</number>"
    "<dates><year>2025</year></dates><abstract>" + "摘要文字 abstract text " * 40 + "</abstract></record>"
)

MEASURE = """
import resource, sys
from citeexport.inputs import open_input
count = sum(1 for record in open_input(sys.argv[1]).read() if record.ok)
print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def peak(path: Path) -> tuple[int, int]:
    """(records read, peak RSS in MB) of reading ``path`` in a fresh process."""
    done = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, check=True)
    count, megabytes = done.stdout.split()
    return int(count), int(megabytes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000")
    sizes = [int(size) for size in parser.parse_args().sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"library-{size}.xml"
            with path.open("w", encoding="utf-8") as out:
                out.write('<?xml version="1.0" encoding="UTF-8"?><xml><records>')
                for n in range(size):
                    out.write(RECORD.format(n=n))
                out.write("</records></xml>")
            count, megabytes = peak(path)
            print(f"{size} records ({path.stat().st_size / 1e6:.0f} MB, one line): {count} read, peak RSS {megabytes} MB")


if __name__ == "__main__":
    main()

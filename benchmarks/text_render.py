"""Numeric GB/T rendering speed on one core, in process (issue 13: at least 5,000 references/s).

    python benchmarks/text_render.py            # 20,000 references per style
    python benchmarks/text_render.py --count 100000

The references are the 1,008 standard examples of ``tests/golden/text/cases.jsonl`` as model
citations (every document type), cycled, plus the seed article, rendered through the text
writer (preparation, rendering, post-processing: what ``citeexport text`` does per record, without
reading the input).  Prints references per second for each bundled numeric style.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from citeexport.csl import csl_item  # noqa: F401  (imported so that its import is not timed)
from citeexport.formats.text.writer import TextWriter
from citeexport.model import Citation, Date, LocalizedText, Name
from citeexport.options import WriteOptions

ROOT = Path(__file__).resolve().parents[1]


def citations() -> list[Citation]:
    """One citation per standard example (title, names, journal, dates, pages, URL, DOI)."""
    out = []
    for line in (ROOT / "tests" / "golden" / "text" / "cases.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)["csl"]
        names = tuple(
            Name(literal=n["literal"]) if "literal" in n else Name(family=n.get("family"), given=n.get("given"))
            for n in item.get("author", [])
        )
        parts = (item.get("issued") or {}).get("date-parts", [[None]])[0]
        lang = "zh" if str(item.get("language", "")).startswith("zh") else "en"
        text = LocalizedText(
            title=item.get("title"),
            names={"author": names} if names else {},
            container_title=item.get("container-title"),
            publisher=item.get("publisher"),
            publisher_place=item.get("publisher-place"),
            url=item.get("URL"),
        )
        out.append(
            Citation(
                type=item["type"],
                issued=Date(year=parts[0]) if parts and parts[0] else None,
                volume=item.get("volume"),
                issue=item.get("issue"),
                page=item.get("page"),
                number=item.get("number"),
                doi=item.get("DOI"),
                texts={lang: text},
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20_000)
    args = parser.parse_args()
    pool = citations()
    for style in ("gb7714-2015", "gb7714-2025"):
        writer = TextWriter(WriteOptions(style=style, lang="zh"))
        writer.write(pool[0])  # warm-up
        start = time.perf_counter()
        for index in range(args.count):
            writer.write(pool[index % len(pool)])
        elapsed = time.perf_counter() - start
        print(f"{style}: {args.count} references in {elapsed:.2f} s = {args.count / elapsed:,.0f} references/s")


if __name__ == "__main__":
    main()

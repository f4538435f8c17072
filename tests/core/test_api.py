"""The library API: iterators in and out, and the distributed example of the README (Dask bag)."""

from __future__ import annotations

import pytest

from citeexport import api
from citeexport.options import WriteOptions
from support.seed import SEED, seed_citation

SEED_TEXT = SEED.read_text(encoding="utf-8")


def test_read_and_write_stream():
    records = list(api.read(str(SEED)))
    assert [r.citation for r in records] == [seed_citation()]
    out = "".join(api.write((r.citation for r in records), "ris", WriteOptions(lang="zh")))
    assert out.startswith("TY  - JOUR\r\n") and out.endswith("ER  - \r\n")


def test_convert_yields_one_output_per_record_and_skips_bad_ones():
    broken = SEED_TEXT.replace("columnId=1241314566538326794", "columnId=abc", 1)
    out = list(api.convert([SEED_TEXT, broken, SEED_TEXT], "bibtex", options=WriteOptions(lang="en"), on_error="skip"))
    assert len(out) == 2
    assert out[0].lstrip().startswith("@article{rao2025special,") and out[1].lstrip().startswith("@article{rao2025speciala,")
    with pytest.raises(api.CiteexportError):
        list(api.convert([broken], "bibtex", on_error="stop"))


def test_dask_bag_example_from_the_readme():
    dask_bag = pytest.importorskip("dask.bag", reason="dask is a test extra")
    records = [SEED_TEXT.replace("id=1241314566194393863, tenantId", f"id={n}, tenantId", 1) for n in range(1, 9)]
    # -- the README's example ------------------------------------------------------------
    bag = dask_bag.from_sequence(records, npartitions=4)
    ris = bag.map_partitions(lambda part: list(api.convert(part, "ris", options=WriteOptions(lang="zh"))))
    text = "".join(ris.compute(scheduler="synchronous"))
    # ---------------------------------------------------------------------------------------
    assert text.count("TY  - JOUR") == 8
    assert text.count("AU  - 饶春明") == 8

"""The library API: iterators in and out, and the distributed example of the README (Dask bag)."""

from __future__ import annotations

import pickle

import pytest

from citeexport import api
from citeexport.errors import DecodeError
from citeexport.options import WriteOptions
from support.seed import SEED, seed_citation

SEED_TEXT = SEED.read_text(encoding="utf-8")


def test_read_and_write_stream():
    records = list(api.read(str(SEED)))
    assert [r.citation for r in records] == [seed_citation()]
    out = "".join(api.write((r.citation for r in records), "ris", WriteOptions(lang="zh")))
    assert out.startswith("TY  - JOUR\r\n") and out.endswith("ER  - \r\n")


BROKEN = SEED_TEXT.replace("columnId=1241314566538326794", "columnId=abc", 1)


def test_convert_yields_one_output_per_record_and_skips_bad_ones_when_asked():
    out = list(api.convert([SEED_TEXT, BROKEN, SEED_TEXT], "bibtex", options=WriteOptions(lang="en"), on_error="skip"))
    assert len(out) == 2
    assert out[0].lstrip().startswith("@article{rao2025special,") and out[1].lstrip().startswith("@article{rao2025speciala,")


def test_convert_raises_a_bad_record_by_default():
    """Nothing is dropped silently: the caller learns of a bad record unless it says to skip it."""
    out = api.convert([SEED_TEXT, BROKEN], "ris")
    assert next(out).startswith("TY  - JOUR")
    with pytest.raises(api.CiteexportError) as caught:
        next(out)
    assert str(caught.value).startswith("<record 2>: record 1 (line 1, offset ") and "field ArticleExt.columnId" in str(
        caught.value
    )


def test_convert_hands_bad_records_to_a_function_and_goes_on():
    failed: list[api.CiteexportError] = []
    out = list(api.convert([("a.txt", SEED_TEXT), ("issue.txt", BROKEN), SEED_TEXT], "ris", on_error=failed.append))
    assert "".join(out).count("TY  - JOUR") == 4
    assert [error.file for error in failed] == ["issue.txt"]  # a (name, text) pair names the text
    assert "expected a number" in str(failed[0])


def test_convert_reports_a_record_its_writer_cannot_write():
    """Errors of the writer (here an unknown CSL style is refused when the writer is made) and of
    reading alike: typed, never a silent gap."""
    with pytest.raises(api.CiteexportError):
        list(api.convert([SEED_TEXT], "text", options=WriteOptions(style="no-such-style")))


def test_errors_cross_processes_with_their_location():
    """Dask and Spark pickle what partitions return; --jobs workers pickle their errors."""
    failed: list[api.CiteexportError] = []
    list(api.convert([("issue.txt", BROKEN)], "ris", on_error=failed.append))
    again = pickle.loads(pickle.dumps(failed[0]))
    assert type(again) is type(failed[0]) and str(again) == str(failed[0])
    assert (again.file, again.record, again.field) == ("issue.txt", 1, "ArticleExt.columnId")
    decode = pickle.loads(pickle.dumps(DecodeError("gb18030", 12, file="x.txt").given()))
    assert (
        str(decode)
        == "x.txt: offset 12: cannot decode as gb18030 at byte 12 (as --encoding says; leave it out to detect the encoding)"
    )

"""``--jobs`` reading of a dump: batches of chunks and byte ranges of a file read in worker
processes give the serial reader's records, lines and offsets."""

from __future__ import annotations

import itertools

import pytest

from citeexport import api
from citeexport.formats.dump.parallel import read_parallel
from citeexport.formats.dump.reader import DumpReader
from support.seed import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")


def test_parallel_reading_equals_serial_reading_with_boundary_spills(monkeypatch):
    """Batches of 3 chunks with records spanning chunks across batch boundaries: same records."""
    import citeexport.formats.dump.parallel as parallel

    monkeypatch.setattr(parallel, "BATCH_CHUNKS", 3)
    spanning = SEED_TEXT.replace("articleAbstract=null", "articleAbstract=one\nArticle(id=7, quoted\nArticle(x", 1)
    broken = SEED_TEXT.partition("\n")[0][:4000]
    texts = [SEED_TEXT, spanning, SEED_TEXT, broken, spanning, spanning, SEED_TEXT, "Article(s) in this issue", SEED_TEXT]
    text = "\n".join(texts) + "\n"
    lines = text.splitlines(keepends=True)
    serial = list(DumpReader().read(iter(lines), "x.txt"))
    parallel_records = list(read_parallel(iter(lines), "x.txt", DumpReader().options, jobs=2))
    assert [(r.number, r.line, r.ok, r.citation) for r in parallel_records] == [
        (r.number, r.line, r.ok, r.citation) for r in serial
    ]
    assert [r.ok for r in serial] == [True, True, True, False, True, True, True, True]


@pytest.mark.parametrize("batch_bytes", [1, 9_000, 40_000])
def test_file_range_reading_equals_serial_reading(monkeypatch, tmp_path, batch_bytes):
    """Byte ranges cut at 'Article(' lines, BOM, CR LF, spans over range ends: same records, lines, offsets."""
    import citeexport.formats.dump.parallel as parallel

    monkeypatch.setattr(parallel, "BATCH_BYTES", batch_bytes)
    spanning = SEED_TEXT.replace("articleAbstract=null", "articleAbstract=一\r\nArticle(id=7, quoted\r\nArticle(x", 1)
    broken = SEED_TEXT.partition("\n")[0][:4000]
    texts = [SEED_TEXT, spanning, broken, spanning, SEED_TEXT, "Article(s) in this issue", spanning, SEED_TEXT]
    path = tmp_path / "issue.txt"
    path.write_bytes(("\ufeff" + "\r\n".join(t.replace("\n", "\r\n") for t in texts) + "\r\n").encode("utf-8"))
    serial = list(api.read(str(path)))
    ranged = list(parallel.FileRangeReader(str(path), "utf-8-sig", str(path), DumpReader().options, jobs=2))

    def key(records):
        return [(r.number, r.line, r.offset, r.ok, r.citation, str(r.error)) for r in records]

    assert key(ranged) == key(serial)
    assert [r.ok for r in serial] == [True, True, False, True, True, True, True]


@pytest.mark.parametrize("block", [5, 9, 64, 1 << 20])
@pytest.mark.parametrize("batch_bytes", [1, 2, 17, 30, 1000])
def test_file_batches_start_at_record_lines_and_cover_the_file(monkeypatch, tmp_path, block, batch_bytes):
    import citeexport.formats.dump.parallel as parallel

    monkeypatch.setattr(parallel, "_SEARCH_BLOCK", block)
    monkeypatch.setattr(parallel, "BATCH_BYTES", batch_bytes)
    data = ("\ufeffArticle(id=1, x\nArticle(s) junk\nxArticle(no\n\nArticle(id=2, y\n").encode()
    path = tmp_path / "d.txt"
    path.write_bytes(data)
    starts = [i + 1 for i in range(len(data)) if data.startswith(b"\nArticle(", i)]
    batches = list(parallel._file_batches(str(path)))
    assert batches[0][0] == 0 and batches[-1][1] == len(data)
    assert all(end == next_start for (_, end), (next_start, _) in itertools.pairwise(batches))
    assert all(start in starts and start - previous >= batch_bytes for (previous, _), (start, _) in itertools.pairwise(batches))
    # No cut is missed: a range holds no record line at or past its nominal size but before its end.
    assert not any(start + batch_bytes <= s < end for start, end in batches for s in starts)

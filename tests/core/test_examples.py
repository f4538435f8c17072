"""examples/: the Dask example runs as the script it is, with dask.bag's default scheduler (worker
processes, which import the script: its ``__main__`` guard is needed), and the README shows its code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from support.seed import EXAMPLES, ROOT, SEED

SCRIPT = EXAMPLES / "dask_ris.py"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def _dumps(folder: Path, count: int, broken: int | None = None) -> list[str]:
    names = []
    for n in range(1, count + 1):
        text = SEED_TEXT.replace("id=1241314566194393863, tenantId", f"id={n}, tenantId", 1)
        if n == broken:
            text = text.replace("columnId=1241314566538326794", "columnId=abc", 1)
        names.append(str(folder / f"article-{n}.txt"))
        Path(names[-1]).write_text(text, encoding="utf-8")
    return names


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, timeout=300, cwd=ROOT, check=False)


def test_the_dask_example_runs_with_the_default_scheduler_in_worker_processes(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag", reason="dask is a test extra")
    done = _run(*_dumps(tmp_path, 8))
    assert done.returncode == 0, done.stderr.decode()
    ris = done.stdout.decode("utf-8")
    assert ris.count("TY  - JOUR\r\n") == 8 and ris.count("AU  - 饶春明\r\n") == 8
    assert done.stderr == b""


def test_the_dask_example_reports_bad_records_by_file(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag", reason="dask is a test extra")
    names = _dumps(tmp_path, 6, broken=4)
    done = _run(*names)
    assert done.returncode == 1
    assert done.stdout.decode("utf-8").count("TY  - JOUR") == 5
    [error] = done.stderr.decode().splitlines()
    assert error.startswith(f"error: {names[3]}: record 1 (line 1, offset ") and "field ArticleExt.columnId" in error


def test_the_dask_example_runs_on_the_sample_as_documented() -> None:
    pytest.importorskip("dask.bag", reason="dask is a test extra")
    done = _run()  # the script's docstring: python examples/dask_ris.py examples/article.txt
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.startswith(b"TY  - JOUR\r\nTI  - \xe5\xb9\xb2")


def test_the_readme_shows_the_examples_code() -> None:
    """Every line of the README's Dask block is in the script, in the same order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [block for block in re.findall(r"```python\n(.*?)```", readme, re.S) if "dask.bag" in block]
    assert len(blocks) == 1
    script = [line.strip() for line in SCRIPT.read_text(encoding="utf-8").splitlines()]
    position = 0
    for line in (line.strip() for line in blocks[0].splitlines()):
        if not line:
            continue
        assert line in script[position:], line
        position = script.index(line, position) + 1
    assert 'if __name__ == "__main__":' in SCRIPT.read_text(encoding="utf-8")

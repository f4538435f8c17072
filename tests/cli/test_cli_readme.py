"""The README's commands and examples, each run: transcripts (``$ command`` + output) print exactly
what they show, every command of a ``sh`` block and every inline command runs, the messages shown
are the ones printed, and the Python blocks run.  Commands are found in the README itself, so a new
one is run as soon as it is written; the few left out say why (``NOT_RUN``)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from citeexport.registry import writers
from support.seed import ROOT, SEED
from support.terminal import environment, run_piped

README = (ROOT / "README.md").read_text(encoding="utf-8")
SEED_TEXT = SEED.read_text(encoding="utf-8")
BROKEN_DUMP = SEED_TEXT.partition("\n")[0].replace("columnId=1241314566538326794", "columnId=abc", 1)
GOLDEN_BIB = ROOT / "tests" / "formats" / "bibtex" / "golden" / "seed.both.bib"

#: Commands of the README not run here, and why.
NOT_RUN = {
    "python -m pytest": "it is this test suite; .ci/run runs it",
    "citeexport --install-completion": "it edits the user's shell start-up file; test_cli_help runs --show-completion and completes",
}


def _blocks(language: str) -> list[str]:
    return [body for lang, body in re.findall(r"```(\w*)\n(.*?)```", README, re.S) if lang == language]


def transcripts() -> list[tuple[str, str]]:
    """(command, output) of each ``$ command`` in a plain block, output up to the next ``$``."""
    found = []
    for body in _blocks(""):
        if not body.startswith("$ "):
            continue
        for chunk in re.split(r"^\$ ", body, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            found.append((command, output))
    return found


def shell_commands() -> list[str]:
    """Every command line of the ``sh`` blocks, comments removed; set-up steps (venv, pip) cut off."""
    found = []
    for body in _blocks("sh"):
        for line in body.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line:
                found.append(line.split(" && pip install . && ")[-1].split(" && pip install -e '.[test]' && ")[-1])
    return found


def inline_commands() -> list[str]:
    return [span for span in re.findall(r"`((?:cat \S+ \| )?citeexport [^`\n]*)`", README) if "…" not in span]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files the README's commands name."""
    folder = tmp_path_factory.mktemp("readme")
    (folder / "examples").mkdir()
    shutil.copy(SEED, folder / "examples" / "article.txt")
    for name in ("article.txt", "a.txt"):
        (folder / name).write_text(SEED_TEXT, encoding="utf-8")
    (folder / "issue.txt").write_text((SEED_TEXT + "\n") * 3, encoding="utf-8")
    (folder / "issue-2025-01.txt").write_text((SEED_TEXT + "\n") * 3, encoding="utf-8")
    (folder / "dumps").mkdir()
    shutil.copy(SEED, folder / "dumps" / "a.txt")
    for fmt, name in (
        ("bibtex", "refs.bib"),
        ("ris", "refs.ris"),
        ("enw", "refs.enw"),
        ("ris", "x.ris"),
        ("csl-json", "items.json"),
    ):
        done = run_piped(fmt, "-o", name, "article.txt", cwd=folder)
        assert done.returncode == 0, done.messages
    return folder


def _bash(line: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["bash", "-c", f"set -o pipefail; {line}"],
        cwd=cwd,
        capture_output=True,
        timeout=120,
        env=environment(PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"),
        check=False,
    )


@pytest.mark.parametrize(("command", "output"), transcripts(), ids=[command for command, _ in transcripts()])
def test_a_transcript_prints_what_it_shows(command: str, output: str) -> None:
    done = _bash(command, ROOT)
    assert done.returncode == 0 and done.stderr == b"", done.stderr.decode()
    assert done.stdout.decode("utf-8") == output


@pytest.mark.parametrize("line", [*shell_commands(), *inline_commands()])
def test_a_readme_command_runs(sandbox: Path, tmp_path: Path, line: str) -> None:
    if any(line.endswith(skipped) for skipped in NOT_RUN):
        pytest.skip(NOT_RUN[next(skipped for skipped in NOT_RUN if line.endswith(skipped))])
    work = tmp_path / "work"
    shutil.copytree(sandbox, work)
    commands = (
        [line.replace("COMMAND", name) for name in ("convert", "formats", *sorted(writers()))] if "COMMAND" in line else [line]
    )
    for command in commands:
        done = _bash(command, work)
        assert done.returncode == 0, (command, done.stderr.decode())
        made = {p.relative_to(work) for p in work.rglob("*")} - {p.relative_to(sandbox) for p in sandbox.rglob("*")}
        assert done.stdout or made, command


def test_the_first_command_prints_the_sample_as_two_entries_and_nothing_else(sandbox: Path) -> None:
    first = shell_commands()[0]
    assert first == "citeexport bibtex examples/article.txt"
    done = _bash(first, sandbox)
    assert done.returncode == 0 and done.stdout == GOLDEN_BIB.read_bytes() and done.stderr == b""
    assert done.stdout.count(b"@article{rao2025special-") == 2


def _shown(start: str) -> str:
    """The first line of a README block that starts with ``start``."""
    return next(line.strip() for body in _blocks("") for line in body.splitlines() if line.strip().startswith(start))


def test_the_error_shown_is_the_error_printed(tmp_path: Path) -> None:
    (tmp_path / "issue.txt").write_text(SEED_TEXT + "\n" + BROKEN_DUMP + "\n" + SEED_TEXT, encoding="utf-8")
    done = run_piped("ris", "issue.txt", cwd=tmp_path)
    assert done.returncode == 1
    assert done.messages.splitlines() == [_shown("error: issue.txt:")]


def test_the_grouped_warning_shown_is_the_warning_printed(tmp_path: Path) -> None:
    record = "TY  - JOUR\r\nTI  - Article {n}\r\nPY  - 2020\r\nRP  - IN FILE\r\nER  - \r\n"
    (tmp_path / "refs.ris").write_text("".join(record.format(n=n) for n in range(534)), encoding="utf-8", newline="")
    done = run_piped("bibtex", "refs.ris", cwd=tmp_path)
    assert done.returncode == 0
    assert done.messages.splitlines() == [_shown("warning: refs.ris:")]


def test_the_python_blocks_run(sandbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In order, in one namespace, as a reader would type them; the Dask block is
    examples/dask_ris.py, run by tests/core/test_examples.py with Dask's default scheduler."""
    monkeypatch.chdir(sandbox)
    blocks = _blocks("python")
    dask_blocks = [block for block in blocks if "dask.bag" in block]
    assert len(dask_blocks) == 1
    namespace: dict[str, object] = {}
    for block in blocks:
        if block not in dask_blocks:
            exec(compile(block, "README.md", "exec"), namespace)
    assert str(namespace["bib"]).count("@article{") == 3 and namespace["errors"] == []
    assert str(namespace["ris"]).count("TY  - JOUR") == 6 and namespace["failed"] == []


def test_the_commands_left_out_are_still_in_the_readme() -> None:
    listed = [*shell_commands(), *inline_commands()]
    assert all(any(line.endswith(skipped) for line in listed) for skipped in NOT_RUN)
    assert len(transcripts()) >= 3 and len(listed) >= 15

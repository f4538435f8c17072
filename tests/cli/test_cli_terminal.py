"""Issue 15's points as someone at a shell meets them: on a pseudo-terminal (the pipe side of each
point has its tests in tests/faults and tests/cli).  ``-o`` to special files, a filesystem error,
``convert -r`` mirroring the input tree, ``-V``, and names."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from support.seed import SEED
from support.terminal import COMMAND, run_on_terminal

SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "article.txt").write_text(SEED_TEXT, encoding="utf-8")
    return tmp_path


def test_output_to_dev_stdout_shows_the_records_on_the_terminal(folder: Path) -> None:
    shown = run_on_terminal("ris", "article.txt", "-o", "/dev/stdout", cwd=folder)
    assert shown.returncode == 0
    assert shown.screen.count("TY  - JOUR") == 2 and "exists" not in shown.screen


def test_output_to_dev_null_and_to_dash(folder: Path) -> None:
    null = run_on_terminal("ris", "article.txt", "-o", "/dev/null", cwd=folder)
    assert null.returncode == 0 and null.screen == ""
    dash = run_on_terminal("ris", "article.txt", "-o", "-", stdout="pipe", cwd=folder)
    assert dash.returncode == 0 and dash.stdout.count(b"TY  - JOUR") == 2 and dash.screen == ""


@pytest.mark.skipif(shutil.which("bash") is None, reason="process substitution needs bash")
def test_output_to_a_process_substitution(folder: Path) -> None:
    command = f"bash -c '{' '.join(COMMAND)} ris article.txt -o >(wc -l > lines.txt); sleep 0.2'"
    shown = run_on_terminal(command, shell=True, cwd=folder)
    assert shown.returncode == 0 and shown.screen == ""
    written = (folder / "lines.txt").read_text(encoding="ascii").strip()
    assert int(written) > 20  # two RIS records of a dozen lines each


def test_a_filesystem_error_is_one_line_and_exit_2(folder: Path) -> None:
    (folder / "plain").write_text("x", encoding="utf-8")
    shown = run_on_terminal("ris", "article.txt", "-o", "plain/x.ris", cwd=folder)
    assert shown.returncode == 2
    assert (
        len(shown.lines) == 1 and "plain/x.ris" in shown.lines[0] and "cannot write: a parent is not a folder" in shown.lines[0]
    )
    assert "internal error" not in shown.screen and "Traceback" not in shown.screen


def test_convert_recursive_mirrors_the_tree_on_a_terminal(folder: Path) -> None:
    for issue in ("2024/01", "2025/01"):
        (folder / "archive" / issue).mkdir(parents=True)
        (folder / "archive" / issue / "issue.txt").write_text(SEED_TEXT, encoding="utf-8")
    shown = run_on_terminal("convert", "--to", "ris,text", "-r", "--out-dir", "out", "archive", cwd=folder)
    assert shown.returncode == 0, shown.screen
    made = sorted(str(path.relative_to(folder / "out")) for path in (folder / "out").rglob("*") if path.is_file())
    assert made == ["2024/01/issue.ris", "2024/01/issue.txt", "2025/01/issue.ris", "2025/01/issue.txt"]
    assert "error" not in shown.screen and "issue-2" not in shown.screen


@pytest.mark.parametrize("args", [["-V"], ["--version"]])
def test_version_on_a_terminal(args: list[str]) -> None:
    shown = run_on_terminal(*args)
    assert shown.returncode == 0 and shown.lines and shown.lines[0].startswith("citeexport ")


def test_names_keep_their_suffix_and_organisations_on_a_terminal() -> None:
    item = {
        "id": "dream",
        "type": "article-journal",
        "title": "A dream",
        "container-title": "Journal of Tests",
        "issued": {"date-parts": [[2020]]},
        "author": [{"family": "King", "given": "Martin Luther", "suffix": "Jr."}, {"literal": "World Health Organization"}],
    }
    stdin = json.dumps([item]).encode("utf-8")
    ris = run_on_terminal("ris", "--from", "csl-json", "-", stdin=stdin)
    assert ris.returncode == 0
    assert "AU  - King, Martin Luther, Jr." in ris.screen and "AU  - World Health Organization" in ris.screen
    text = run_on_terminal("text", "--from", "csl-json", "-", stdin=stdin)
    assert text.returncode == 0 and text.lines[0].startswith("KING M L, Jr, World Health Organization. A dream[J]")

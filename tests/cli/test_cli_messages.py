"""What the command says on stderr, through pipes and on a terminal: silent on success, errors always,
warnings grouped per input and kind, the summary only on a terminal with news (or ``-v``), ``-q``."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.seed import SEED
from support.terminal import COMMAND, run_on_terminal, run_piped

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_DUMP = SEED_TEXT.partition("\n")[0]
BROKEN_DUMP = SEED_DUMP.replace("columnId=1241314566538326794", "columnId=abc", 1)


def ris_with_unknown_tags(count: int) -> str:
    """``count`` RIS records, each with an ``RP`` tag (reprint status: no field in the model)."""
    return "".join(
        f"TY  - JOUR\r\nTI  - Article {n}\r\nAU  - Zhang, San\r\nPY  - 2020\r\nRP  - IN FILE\r\nER  - \r\n"
        for n in range(1, count + 1)
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "article.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "issue.txt").write_text("\n".join([SEED_TEXT, BROKEN_DUMP, SEED_TEXT]) + "\n", encoding="utf-8")
    (tmp_path / "big.ris").write_text(ris_with_unknown_tags(534), encoding="utf-8", newline="")
    (tmp_path / "defects.enw").write_text(
        "%0 Journal Article\n%A 刘航;李丹\n%T 题名\n%U {http://a.cn/1}\n\n%0 Journal Article\n%A 王小明；张三\n%T 题名二\n\n",
        encoding="utf-8",
    )
    return tmp_path


# -- a clean run says nothing ----------------------------------------------------------------------


def test_a_clean_run_is_silent_through_pipes(folder: Path) -> None:
    done = run_piped("bibtex", "article.txt", cwd=folder)
    assert done.returncode == 0 and done.stdout.startswith(b"@article{rao2025special-zh,")
    assert done.stderr == b""


def test_a_clean_run_is_silent_on_a_terminal(folder: Path) -> None:
    shown = run_on_terminal("ris", "article.txt", stdout="pipe", cwd=folder)
    assert shown.returncode == 0 and shown.stdout.count(b"TY  - JOUR") == 2
    assert shown.screen == ""
    both = run_on_terminal("text", "article.txt", cwd=folder)  # stdout on the terminal too: the references only
    assert both.returncode == 0
    assert [line.split(".")[0] for line in both.lines] == ["饶春明, 庞琳", "RAO C M, PANG L"]


def test_a_chain_of_two_runs_says_nothing_on_the_terminal(folder: Path) -> None:
    command = "{0} bibtex article.txt | {0} ris - > out.ris".format(" ".join(COMMAND))
    shown = run_on_terminal(command, shell=True, cwd=folder)
    assert shown.returncode == 0 and shown.screen == ""
    assert (folder / "out.ris").read_bytes().count(b"TY  - JOUR") == 2


# -- the summary: on a terminal when there is news, or with -v ---------------------------------------


def test_a_failed_record_gives_its_error_and_on_a_terminal_the_summary(folder: Path) -> None:
    piped = run_piped("ris", "issue.txt", cwd=folder)
    assert piped.returncode == 1 and piped.stdout.count(b"TY  - JOUR") == 4
    assert [line.split(":")[0] for line in piped.messages.splitlines()] == ["error"]  # no summary in a pipe
    shown = run_on_terminal("ris", "issue.txt", stdout="pipe", cwd=folder)
    assert shown.returncode == 1
    assert shown.lines[0].startswith("error: issue.txt: record 2 (line 59, offset ")
    assert shown.lines[1:] == ["2 of 3 records converted, 1 failed, 0 warnings (1 input)"]


def test_verbose_gives_the_summary_even_through_a_pipe(folder: Path) -> None:
    done = run_piped("-v", "ris", "article.txt", cwd=folder)
    assert done.returncode == 0
    assert done.messages == "1 of 1 records converted, 0 failed, 0 warnings (1 input)\n"


def test_an_input_that_cannot_be_opened_gives_one_error_line_and_no_summary(folder: Path) -> None:
    shown = run_on_terminal("ris", "missing.txt", stdout="pipe", cwd=folder)
    assert shown.returncode == 2
    assert shown.lines == ["error: missing.txt: cannot open: No such file or directory"]
    piped = run_piped("ris", "missing.txt", cwd=folder)
    assert piped.messages == "error: missing.txt: cannot open: No such file or directory\n"


def test_several_inputs_on_a_terminal_get_a_table_when_there_is_news(folder: Path) -> None:
    shown = run_on_terminal("ris", "article.txt", "issue.txt", stdout="pipe", cwd=folder)
    assert shown.returncode == 1
    rows = [line.split() for line in shown.lines[1:-1]]
    assert rows == [
        ["input", "read", "converted", "failed", "warnings"],
        ["article.txt", "1", "1", "0", "0"],
        ["issue.txt", "3", "2", "1", "0"],
    ]
    assert shown.lines[-1] == "3 of 4 records converted, 1 failed, 0 warnings (2 inputs)"


def test_the_progress_bar_is_followed_by_the_summary_on_a_terminal(folder: Path) -> None:
    shown = run_on_terminal("ris", "--progress", "article.txt", stdout="pipe", cwd=folder)
    assert shown.returncode == 0
    assert "converting" in shown.screen and "1 records" in shown.screen
    assert shown.lines[-1] == "1 of 1 records converted, 0 failed, 0 warnings (1 input)"
    quiet = run_on_terminal("ris", "--progress", "-q", "article.txt", stdout="pipe", cwd=folder)
    assert quiet.screen == ""


# -- warnings: grouped per input and kind --------------------------------------------------------------

GROUPED = "warning: big.ris: 534 records (1, 2, 3, 4, 5, …): tags with no field in the model, not read: RP"


def test_a_warning_of_every_record_is_one_line_with_a_count_through_a_pipe(folder: Path) -> None:
    done = run_piped("bibtex", "big.ris", cwd=folder)
    assert done.returncode == 0 and done.stdout.count(b"@article{") == 534
    assert done.messages.splitlines() == [GROUPED]


def test_a_warning_of_every_record_is_one_line_with_a_count_on_a_terminal(folder: Path) -> None:
    shown = run_on_terminal("bibtex", "big.ris", stdout="pipe", cwd=folder)
    assert shown.returncode == 0
    assert shown.lines == [GROUPED, "534 of 534 records converted, 0 failed, 534 warnings (1 input)"]


def test_verbose_lists_each_record_and_quiet_none(folder: Path) -> None:
    verbose = run_piped("-v", "bibtex", "big.ris", cwd=folder).messages.splitlines()
    assert len(verbose) == 535 and verbose[-1].startswith("534 of 534 records converted")
    assert verbose[1] == "warning: big.ris: record 2 (line 7): tags with no field in the model, not read: RP"
    assert run_piped("-q", "bibtex", "big.ris", cwd=folder).stderr == b""
    assert run_on_terminal("bibtex", "-q", "big.ris", stdout="pipe", cwd=folder).screen == ""


def test_a_kind_in_one_record_is_said_as_it_is_with_the_record(folder: Path) -> None:
    done = run_piped("ris", "defects.enw", cwd=folder)
    assert done.returncode == 0
    assert done.messages.splitlines() == [
        "warning: defects.enw: record 1 (line 1): 2 names in one %A line, split: '刘航;李丹'",
        "warning: defects.enw: record 1 (line 1): URL in braces: '{http://a.cn/1}'",
        "warning: defects.enw: record 2 (line 6): 2 names in one %A line, split: '王小明；张三'",
    ]


def test_strict_says_each_problem_once_in_the_error(folder: Path) -> None:
    for shown in (
        run_piped("ris", "--strict", "defects.enw", cwd=folder).messages,
        _screen(folder, "ris", "--strict", "defects.enw"),
    ):
        assert shown.count("URL in braces") == 1 and shown.count("刘航;李丹") == 1
        assert [line.split(":")[0] for line in shown.splitlines()[:2]] == ["error", "error"]
        assert "warning:" not in shown


def _screen(folder: Path, *args: str) -> str:
    return run_on_terminal(*args, stdout="pipe", cwd=folder).screen


def test_errors_are_shown_with_quiet(folder: Path) -> None:
    for messages in (run_piped("-q", "ris", "issue.txt", cwd=folder).messages, _screen(folder, "ris", "-q", "issue.txt")):
        lines = [line for line in messages.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: issue.txt: record 2 ")


def test_one_kind_with_different_names_is_one_line_naming_each(tmp_path: Path) -> None:
    """Readers say the kind (``RecordWarning``): every tag not read is named once per input, with
    the number of records it is in when that is not all of them."""
    records = [
        "TY  - JOUR\nTI  - A\nRP  - IN FILE\nER  - \n",
        "TY  - JOUR\nTI  - B\nRP  - IN FILE\nC3  - a\nER  - \n",
        "TY  - JOUR\nTI  - C\nRP  - IN FILE\nC2  - x\nC3  - b\nER  - \n",
        "TY  - JOUR\nTI  - D\nER  - \n",
    ]
    (tmp_path / "mixed.ris").write_text("".join(records), encoding="utf-8")
    done = run_piped("csl-json", "mixed.ris", cwd=tmp_path)
    assert done.returncode == 0
    assert done.messages.splitlines() == [
        "warning: mixed.ris: 3 records (1, 2, 3): tags with no field in the model, not read: RP, C3 (2), C2 (1)"
    ]


def test_writer_warnings_are_grouped_too(tmp_path: Path) -> None:
    """What a writer cannot hold (here a conference's name: RIS has no tag for it) is one line per kind and
    input, named by its format."""
    books = "".join(
        f"@inproceedings{{b{n},\n  title = {{Paper {n}}},\n  author = {{Zhang, San}},\n  booktitle = {{Proc}},\n"
        f"  eventtitle = {{Conf}},\n  year = {{2020}}\n}}\n\n"
        for n in range(1, 8)
    )
    (tmp_path / "books.bib").write_text(books, encoding="utf-8")
    done = run_piped("ris", "books.bib", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.count(b"TY  - ") == 7
    writer_lines = [line for line in done.messages.splitlines() if ": ris: " in line]
    assert len(writer_lines) == len({line.split("): ris: ")[1] for line in writer_lines}) >= 1
    assert all(line.startswith("warning: books.bib: 7 records (1, 2, 3, 4, 5, …): ris: ") for line in writer_lines), writer_lines

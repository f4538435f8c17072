"""Help as a new user reads it: per command, its own options and examples (each example run here),
readable placeholders, every style and format listed; -V, -q/-v before the command, completion."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from citeexport.cli_help import all_examples
from citeexport.registry import readers, writers
from support.seed import ROOT, SEED
from support.terminal import environment, run_on_terminal, run_piped

COMMANDS = ["convert", "formats", *sorted(writers())]
#: What Python or typer, not a person, would write in a help: types, format codes, braces.
LEAKS = re.compile(r"<[a-z%][^>]*>|\blist\[|\bint range\b|%[YmdHMS]|\{FILE|\.\.\.\}|\bNoneType\b|\bstr\b")
COMMON = {
    "-o",
    "--output",
    "--out-dir",
    "--split",
    "--force",
    "--lang",
    "--from",
    "--encoding",
    "--strict",
    "--on-error",
    "-r",
    "--recursive",
    "--glob",
    "-j",
    "--jobs",
    "--progress",
    "--no-progress",
    "-q",
    "--quiet",
    "-v",
    "--verbose",
    "--debug",
    "-V",
    "--version",
    "-h",
    "--help",
}
_REFERENCES = {"--style", "--numbered", "--accessed", "--print-form"}
OWN = {"bibtex": {"--ascii"}, "biblatex": {"--ascii"}, "text": _REFERENCES, "html": _REFERENCES}


def help_of(*command: str) -> str:
    done = run_piped(*command, "-h")
    assert done.returncode == 0 and done.stderr == b"", done.messages
    return done.stdout.decode()


def options_in(help_text: str) -> set[str]:
    section = help_text.split("\nOptions:\n", 1)[1].split("\nExamples:", 1)[0].split("\n  Examples:", 1)[0]
    return set(re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", "\n".join(line[:30] for line in section.splitlines())))


@pytest.mark.parametrize("fmt", sorted(writers()))
def test_a_format_command_offers_its_own_options_only(fmt: str) -> None:
    assert options_in(help_of(fmt)) == COMMON | OWN.get(fmt, set())


def test_convert_offers_every_writer_option_and_to() -> None:
    shown = help_of("convert")
    assert options_in(shown) == COMMON | {"--to"} | set().union(*OWN.values())
    assert "--ascii                     biblatex, bibtex: " in shown and "--numbered                  html, text: " in shown


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_has_readable_placeholders_and_no_python_types(command: str) -> None:
    shown = help_of(*([command] if command else []))
    assert not LEAKS.findall(shown), LEAKS.findall(shown)
    if command not in ("", "formats"):
        assert f"Usage: citeexport {command} [OPTIONS] FILE…\n" in shown
        assert "\n  FILE…  Input files or folders" in shown


def test_placeholders_name_what_is_asked() -> None:
    shown = help_of("convert")
    for placeholder in (
        "-o, --output FILE",
        "--out-dir DIR",
        "--to FORMAT,…",
        "--from FORMAT",
        "--accessed DATE",
        "--style STYLE",
        "--encoding NAME",
        "--glob PATTERN",
        "-j, --jobs N",
        "--lang zh|en|both",
        "--on-error skip|stop",
        "--split file|record",
    ):
        assert placeholder in shown, placeholder


def test_every_style_and_every_format_is_listed() -> None:
    for command in ("text", "convert"):
        shown = help_of(command)
        listed = shown.split("Styles (--style):\n", 1)[1].split("Examples:", 1)[0]
        names = [line.split()[0] for line in listed.splitlines() if line.strip()]
        assert sorted(names) == sorted(path.stem for path in (ROOT / "styles").glob("*.csl")) and names[0] == "gb7714-2015"
        flat = " ".join(shown.split())
        assert f"Read the inputs as FORMAT: {', '.join(sorted(readers()))} " in flat
    assert f"Output formats, comma-separated: {', '.join(sorted(writers()))}." in " ".join(help_of("convert").split())


def test_each_command_has_its_own_examples() -> None:
    examples = all_examples()
    assert sorted(examples) == sorted(["", *COMMANDS])
    for command in COMMANDS:
        shown = help_of(command)
        lines = [line for line, _ in examples[command]]
        assert lines and all(f"  {line}\n" in shown for line in lines), command
        assert all(re.match(rf"(cat \S+ \| )?citeexport {re.escape(command)}\b", line) for line in lines), lines
    assert len({tuple(found) for found in examples.values()}) == len(examples)  # no two commands share their examples
    for fmt, options in OWN.items():
        shown = " ".join(line for line, _ in examples[fmt])
        assert all(option in shown for option in options), fmt


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files the examples name: article.txt (the seed), issue.txt, refs.bib/.ris, dumps/."""
    folder = tmp_path_factory.mktemp("examples")
    seed = SEED.read_text(encoding="utf-8")
    (folder / "article.txt").write_text(seed, encoding="utf-8")
    (folder / "issue.txt").write_text((seed + "\n") * 3, encoding="utf-8")
    for fmt, name in (("bibtex", "refs.bib"), ("ris", "refs.ris")):
        done = run_piped(fmt, "-o", name, "article.txt", cwd=folder)
        assert done.returncode == 0, done.messages
    (folder / "dumps" / "sub").mkdir(parents=True)
    shutil.copy(folder / "article.txt", folder / "dumps" / "a.txt")
    shutil.copy(folder / "issue.txt", folder / "dumps" / "sub" / "b.txt")
    return folder


def _example_cases() -> list[tuple[str, str]]:
    return [(command or "citeexport", line) for command, found in all_examples().items() for line, _ in found]


@pytest.mark.parametrize(("command", "line"), _example_cases(), ids=lambda value: value)
def test_every_help_example_runs(sandbox: Path, tmp_path: Path, command: str, line: str) -> None:
    work = tmp_path / "work"
    shutil.copytree(sandbox, work)
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {line}"],
        cwd=work,
        capture_output=True,
        timeout=120,
        env=environment(PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"),
        check=False,
    )
    assert done.returncode == 0, (line, done.stderr.decode())
    made = {p.relative_to(work) for p in work.rglob("*")} - {p.relative_to(sandbox) for p in sandbox.rglob("*")}
    assert done.stdout or made, line  # it wrote something, to stdout or into files


def test_help_on_a_terminal_is_the_same_help() -> None:
    shown = run_on_terminal("ris", "-h")
    assert shown.returncode == 0
    assert shown.lines[0] == "Usage: citeexport ris [OPTIONS] FILE…"
    assert "  --lang zh|en|both" in shown.screen and "--ascii" not in shown.screen


# -- version, -q/-v before the command, wrong options, completion -------------------------------------------


@pytest.mark.parametrize("args", [["-V"], ["--version"], ["bibtex", "--version"], ["ris", "-V"]])
def test_version_anywhere(args: list[str]) -> None:
    done = run_piped(*args)
    assert done.returncode == 0 and re.fullmatch(rb"citeexport \d+\.\d+\.\d+\S*\n", done.stdout), done


def test_quiet_and_verbose_before_the_command(tmp_path: Path) -> None:
    source = tmp_path / "issue.txt"
    seed = SEED.read_text(encoding="utf-8")
    source.write_text(seed + "\n" + seed.partition("\n")[0][:3000] + "\n", encoding="utf-8")
    quiet = run_piped("-q", "ris", str(source))
    assert quiet.returncode == 1 and quiet.messages.startswith("error: ") and quiet.messages.count("\n") == 1
    verbose = run_piped("-v", "ris", str(source))
    assert verbose.messages.splitlines()[-1] == "1 of 2 records converted, 1 failed, 0 warnings (1 input)"
    both = run_piped("-q", "ris", "-v", str(source))
    assert both.returncode == 2 and "-q and -v: choose one" in both.messages


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ris", "--ascii"], "No such option for ris: --ascii (--ascii is an option of convert, biblatex, bibtex)"),
        (["ris", "--style", "x"], "No such option for ris: --style (--style is an option of convert, html, text)"),
        (["bibtex", "--styel", "x"], "No such option for bibtex: --styel (--style is an option of convert, html, text)"),
        (["text", "--accesed", "2026-01-01"], "No such option: --accesed (did you mean --accessed?)"),
        (["ris", "--lnag", "zh"], "No such option: --lnag (did you mean --lang?)"),
        (["ris", "--frobnicate"], "No such option: --frobnicate\n"),
        (["text", "--accessed", "2026-13-01"], "'2026-13-01' is not a date: give it as YYYY-MM-DD"),
        (["ris", "--jobs", "0"], "'0': give 1 or more"),
        (["convert", "--to", "ris,bibtex", "-o", "x"], "-o writes one format: give --out-dir DIR for several"),
    ],
)
def test_a_wrong_option_says_what_was_meant(args: list[str], message: str) -> None:
    done = run_piped(*args, str(SEED))
    assert done.returncode == 2 and done.stdout == b""
    assert message in done.messages, done.messages
    assert "Possible options" not in done.messages


def test_convert_takes_every_writer_option_and_one_format_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "refs.txt"
    done = run_piped("convert", "--to", "text", "--accessed", "2026-11-25", "--lang", "en", "-o", str(target), str(SEED))
    assert done.returncode == 0, done.messages
    assert target.read_text(encoding="utf-8").startswith("RAO C M, PANG L. Special Column")
    assert "[J/OL]" in target.read_text(encoding="utf-8") and "[2026-11-25]" in target.read_text(encoding="utf-8")
    to_stdout = run_piped("convert", "--to", "bibtex", "--ascii", str(SEED))
    assert to_stdout.returncode == 0 and to_stdout.stdout.startswith(b"@article{rao2025special-zh,")


def _complete(words: str) -> list[str]:
    script = Path(sys.executable).parent / "citeexport"
    if not script.exists():
        pytest.skip("the citeexport entry point is not installed next to this Python (pip install -e .)")
    done = subprocess.run(
        [str(script)],
        env=environment(_CITEEXPORT_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(len(words.split()) - 1)),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode().split()


def _completion_script(command: list[str], **extra: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(command, env=environment(**extra), capture_output=True, timeout=60, check=False)


def test_shell_completion_is_on() -> None:
    # The shell named: typer's switch for naming it (its detection looks for a shell among the
    # process's ancestors, which a test run in a background job or by CI may not have).
    named = _completion_script(
        [sys.executable, "-m", "citeexport", "--show-completion", "bash"], _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1"
    )
    assert named.returncode == 0 and b"_CITEEXPORT_COMPLETE=complete_bash" in named.stdout, named.stderr
    if shutil.which("bash"):  # detected, from a bash parent as at a prompt ("; true": bash does not exec the command)
        line = f"{shlex.quote(sys.executable)} -m citeexport --show-completion; true"
        detected = _completion_script(["bash", "-c", line])
        assert detected.returncode == 0 and b"_CITEEXPORT_COMPLETE=complete_bash" in detected.stdout, detected.stderr
    assert "--install-completion" in help_of()
    assert _complete("citeexport te") == ["text"]
    assert _complete("citeexport text --style gb7714-2015") == ["gb7714-2015", "gb7714-2015-author-date"]
    assert _complete("citeexport convert --to bibtex,r") == ["bibtex,refworks", "bibtex,ris"]
    assert _complete("citeexport ris --from cs") == ["csl-json"]
    assert "--ascii" not in _complete("citeexport ris --")

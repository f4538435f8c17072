"""The report: warnings grouped per input and kind (structured or plain), each said once, and the
summary only when it is wanted (terminal with news, -v; never -q)."""

from __future__ import annotations

import io
import json
import pickle

import pytest
from rich.console import Console

from citeexport.errors import ParseError
from citeexport.formats.base import Record
from citeexport.model import Citation, LocalizedText
from citeexport.record_warnings import RecordWarning
from citeexport.report import Report

UNREAD = "tags with no field in the model, not read"


def report(*, terminal: bool = False, **flags: bool) -> tuple[Report, io.StringIO]:
    out = io.StringIO()
    console = Console(file=out, force_terminal=terminal, color_system=None, width=300, highlight=False, soft_wrap=True)
    return Report(console=console, **flags), out


CITATION = Citation(texts={"en": LocalizedText(title="A title")})


def record(number: int, *warnings: str, error: ParseError | None = None) -> Record:
    citation = None if error is not None else CITATION
    return Record("refs.ris", number, line=number * 6 - 5, warnings=list(warnings), error=error, citation=citation)


def test_a_structured_warning_is_its_message() -> None:
    warning = RecordWarning.named(UNREAD, ["L1", "N1"])
    assert warning == f"{UNREAD}: L1, N1" and isinstance(warning, str)
    assert (warning.kind, warning.names) == (UNREAD, ("L1", "N1"))
    again = pickle.loads(pickle.dumps(warning))  # --jobs workers send records back pickled
    assert (again, again.kind, again.names) == (warning, UNREAD, ("L1", "N1"))
    assert json.dumps([warning]) == json.dumps([f"{UNREAD}: L1, N1"])
    assert "; ".join([warning, "other"]) == f"{UNREAD}: L1, N1; other"


def test_warnings_of_one_kind_are_one_line_per_input_with_count_numbers_and_every_name() -> None:
    rep, out = report()
    for number in range(1, 8):
        names = ["L1", "N1"] if number in (2, 5) else ["L1"]
        rep.record_read("refs.ris", record(number, RecordWarning.named(UNREAD, names)))
    rep.record_read("other.ris", record(1, RecordWarning.named(UNREAD, ["M3"])))
    assert out.getvalue() == ""  # said when the input is done
    rep.input_done("refs.ris")
    assert out.getvalue() == f"warning: refs.ris: 7 records (1, 2, 3, 4, 5, …): {UNREAD}: L1, N1 (2)\n"
    rep.summary()  # what is left is said at the end, a single record as it is
    assert out.getvalue().splitlines()[-1] == f"warning: other.ris: record 1 (line 1): {UNREAD}: M3"


def test_plain_string_warnings_group_when_their_text_is_the_same() -> None:
    rep, out = report()
    for number in (1, 2, 3):
        rep.record_read("refs.ris", record(number, "publisher is the journal name (MagTech): ignored", f"DOI {number} trimmed"))
    rep.input_done("refs.ris")
    assert out.getvalue().splitlines() == [
        "warning: refs.ris: 3 records (1, 2, 3): publisher is the journal name (MagTech): ignored",
        "warning: refs.ris: record 1 (line 1): DOI 1 trimmed",
        "warning: refs.ris: record 2 (line 7): DOI 2 trimmed",
        "warning: refs.ris: record 3 (line 13): DOI 3 trimmed",
    ]


def test_a_warning_quoted_by_the_records_error_is_not_said_again() -> None:
    rep, out = report()
    error = ParseError("URL in braces: '{x}'; 2 names in one %A line (--strict)", file="refs.ris", record=1)
    rep.record_read("refs.ris", record(1, "URL in braces: '{x}'", "2 names in one %A line", "other", error=error))
    rep.input_done("refs.ris")
    assert out.getvalue().splitlines() == [
        "error: refs.ris: record 1: URL in braces: '{x}'; 2 names in one %A line (--strict)",
        "warning: refs.ris: record 1 (line 1): other",
    ]
    assert rep.files["refs.ris"].failed == 1 and rep.files["refs.ris"].warnings == 3


def test_verbose_says_each_warning_at_once_and_quiet_none() -> None:
    verbose, out = report(verbose=True)
    verbose.record_read("refs.ris", record(2, RecordWarning.named(UNREAD, ["L1"])))
    assert out.getvalue() == f"warning: refs.ris: record 2 (line 7): {UNREAD}: L1\n"
    quiet, out = report(quiet=True)
    quiet.record_read("refs.ris", record(2, RecordWarning.named(UNREAD, ["L1"])))
    quiet.input_done("refs.ris")
    quiet.summary()
    assert out.getvalue() == ""


def _done(rep: Report, *, failed: bool = False, warned: bool = False) -> None:
    rep.record_read("a.txt", record(1, *(["w"] if warned else []), error=ParseError("bad") if failed else None))
    rep.counts("a.txt").converted += not failed


@pytest.mark.parametrize(
    ("terminal", "flags", "failed", "warned", "wanted"),
    [
        (True, {}, False, False, False),  # a clean run is silent, even on a terminal
        (True, {}, True, False, True),
        (True, {}, False, True, True),
        (False, {}, True, True, False),  # no summary in a pipe or a log
        (False, {"verbose": True}, False, False, True),
        (True, {"quiet": True}, True, True, False),
    ],
)
def test_the_summary_is_said_when_wanted(terminal: bool, flags: dict, failed: bool, warned: bool, wanted: bool) -> None:
    rep, out = report(terminal=terminal, **flags)
    _done(rep, failed=failed, warned=warned)
    rep.summary()
    said = "records converted" in out.getvalue()
    assert said is wanted


def test_a_progress_bar_that_ran_is_news_on_a_terminal() -> None:
    rep, out = report(terminal=True)
    _done(rep)
    rep.progress_shown = True
    rep.summary()
    assert out.getvalue().endswith("1 of 1 records converted, 0 failed, 0 warnings (1 input)\n")

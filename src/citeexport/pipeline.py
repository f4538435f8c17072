"""One conversion run: inputs → records → writers → outputs, with reporting.

Records stream one at a time from each input to each output, so memory stays flat.  One
writer object per format serves the whole run, so citation keys are unique across all of
its output, whatever the number of files.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TextIO

from .errors import CiteexportError, OutputError
from .formats.base import DetachedWriting, ParallelReading, Record, Writer, WrittenRecord
from .inputs import expand_inputs, open_input
from .options import ReadOptions, WriteOptions
from .output import AtomicOutput, safe_filename
from .progress import progress_bar
from .registry import get_writer
from .report import Report


@dataclass
class Job:
    inputs: list[str]
    formats: list[str]
    read_options: ReadOptions = field(default_factory=ReadOptions)
    write_options: WriteOptions = field(default_factory=WriteOptions)
    from_format: str | None = None
    output: str | None = None  # None: stdout
    out_dir: str | None = None
    split: Literal["file", "record"] = "file"
    force: bool = False
    on_error: Literal["skip", "stop"] = "skip"
    recursive: bool = False
    glob: str = "*"
    debug: bool = False
    jobs: int | None = None  # None: all cores for large dump inputs, else 1
    progress: bool | None = None  # None: on when stderr is a terminal and the input is large


class _Stop(Exception):
    """--on-error stop: end the run after the first failed record."""


#: Inputs at least this large are "large": parallel by default, progress bar on a terminal.
LARGE_INPUT_BYTES = 8 * 1024 * 1024


def _size(path: str) -> int:
    try:
        return os.path.getsize(path) if path != "-" else 0
    except OSError:
        return 0


def _jobs_for(job: Job, path: str) -> int:
    if job.jobs is not None:
        return max(1, job.jobs)
    return (os.cpu_count() or 1) if _size(path) >= LARGE_INPUT_BYTES else 1


def _records(job: Job, report: Report, writers: dict[str, Writer]) -> Iterator[tuple[str, Record]]:
    paths = list(expand_inputs(job.inputs, recursive=job.recursive, pattern=job.glob))
    total = sum(_size(p) for p in paths)
    show = job.progress if job.progress is not None else (report.console.is_terminal and total >= LARGE_INPUT_BYTES)
    with progress_bar(report.console, total, enabled=bool(show) and not report.quiet) as advance:
        done = 0
        for path in paths:
            yield from _records_of(job, report, path, advance, done, writers)
            done += _size(path)


def _records_of(
    job: Job,
    report: Report,
    path: str,
    advance: Callable[[int, int, Callable[[], int]], None],
    done: int,
    writers: dict[str, Writer],
) -> Iterator[tuple[str, Record]]:
    try:
        opened = open_input(path, fmt=job.from_format, encoding=job.read_options.encoding)
        report.counts(opened.name)  # listed in the summary even with no records
        jobs = _jobs_for(job, path)
        position = opened.position
        if jobs > 1 and issubclass(opened.reader, ParallelReading):
            # Workers write the records too when every writer can (no --split record: a record's
            # citation names its file).
            detach = job.split != "record" and all(
                isinstance(writer, DetachedWriting) and writer.can_detach() for writer in writers.values()
            )
            writing = (tuple(type(writer) for writer in writers.values()), job.write_options) if detach else None
            reader = opened.reader(job.read_options)
            assert isinstance(reader, ParallelReading)
            records, range_position = reader.read_parallel(opened, jobs, writing)
            position = range_position or position
        else:
            records = opened.read(job.read_options)
        for record in records:
            advance(1, done, position)
            yield opened.name, record
    except CiteexportError as error:
        error.located(file="<stdin>" if path == "-" else path)
        report.counts(error.file or path)
        report.error(error)
        if job.on_error == "stop":
            raise _Stop from None


def run(job: Job, report: Report) -> int:
    """Run the conversion; returns the exit code (0 ok, 1 some records failed, 2 fatal)."""
    if len(job.formats) > 1 and job.out_dir is None:
        report.error(OutputError("several output formats need --out-dir"))
        return 2
    if job.split == "record" and job.out_dir is None:
        report.error(OutputError("--split record needs --out-dir"))
        return 2
    writers = {fmt: get_writer(fmt)(job.write_options) for fmt in job.formats}
    try:
        if job.out_dir is None:
            _run_single_stream(job, report, writers[job.formats[0]])
        else:
            _run_out_dir(job, report, writers)
    except _Stop:
        pass
    except CiteexportError as error:
        report.error(error)
        report.fatal = True
    report.summary()
    return report.exit_code


def _accept(job: Job, report: Report, name: str, record: Record) -> bool:
    """Count and report one record; True when it should be written."""
    counts = report.counts(name)
    counts.read += 1
    counts.warnings += len(record.warnings)
    where = f"{name}: record {record.number}" + (f" (line {record.line})" if record.line else "")
    for warning in record.warnings:
        report.warning(where, warning)
    if not record.ok:
        counts.failed += 1
        if record.error is not None:
            report.error(record.error)
        if job.on_error == "stop":
            raise _Stop
        return False
    return True


def _write_record(report: Report, name: str, record: Record, writer: Writer, out: TextIO, job: Job) -> bool:
    try:
        if isinstance(record, WrittenRecord):  # with --jobs the workers may have written the record already
            assert isinstance(writer, DetachedWriting)
            text = writer.attach(record.written[writer.name])
            said = record.writer_warnings.get(writer.name, []) + writer.take_warnings()
        else:
            assert record.citation is not None
            text = writer.write(record.citation)
            said = writer.take_warnings()
    except CiteexportError as error:
        writer.take_warnings()
        report.error(error.located(file=name, record=record.number, line=record.line))
        report.counts(name).failed += 1
        if job.on_error == "stop":
            raise _Stop from None
        return False
    _report_writer_warnings(report, name, record, writer, said)
    out.write(text)
    return True


def _report_writer_warnings(report: Report, name: str, record: Record, writer: Writer, warnings: list[str]) -> None:
    """What the writer said about the record it wrote, reported like a reader's warnings (named by format)."""
    if not warnings:
        return
    report.counts(name).warnings += len(warnings)
    where = f"{name}: record {record.number}" + (f" (line {record.line})" if record.line else "")
    for warning in warnings:
        report.warning(where, f"{writer.name}: {warning}")


def _run_single_stream(job: Job, report: Report, writer: Writer) -> None:
    with AtomicOutput(job.output, force=job.force, inputs=tuple(job.inputs)) as out:
        out.write(writer.start())
        try:
            for name, record in _records(job, report, {writer.name: writer}):
                if _accept(job, report, name, record) and _write_record(report, name, record, writer, out, job):
                    report.counts(name).converted += 1
        finally:
            out.write(writer.finish())


def _run_out_dir(job: Job, report: Report, writers: dict[str, Writer]) -> None:
    root = Path(job.out_dir)  # type: ignore[arg-type]  # run() calls this only with an out_dir
    root.mkdir(parents=True, exist_ok=True)
    inputs = tuple(job.inputs)
    used: set[str] = set()
    # Formats that share an extension in one pass (RefWorks and text: .txt) say their name in it.
    taken = Counter(writer.extension for writer in writers.values())
    extensions = {name: f"{w.name}.{w.extension}" if taken[w.extension] > 1 else w.extension for name, w in writers.items()}

    def target(stem: str, writer: Writer) -> Path:
        extension = extensions[writer.name]
        filename = safe_filename(stem, extension)
        base, n = filename, 1
        while filename in used:
            n += 1
            filename = base.replace(f".{extension}", f"-{n}.{extension}")
        used.add(filename)
        return root / filename

    current_name: str | None = None
    stack = ExitStack()
    outs: dict[str, TextIO] = {}
    try:
        for name, record in _records(job, report, writers):
            if not _accept(job, report, name, record):
                continue
            if job.split == "record":
                stem = f"{Path(name).stem}-{record.citation.id or record.number}"  # type: ignore[union-attr]  # an accepted record read here has its citation (no workers write with --split record)
                ok = True
                for writer in writers.values():
                    with AtomicOutput(target(stem, writer), force=job.force, inputs=inputs, root=root) as out:
                        out.write(writer.start())
                        ok = _write_record(report, name, record, writer, out, job) and ok
                        out.write(writer.finish())
                report.counts(name).converted += ok
                continue
            if name != current_name:
                _close_all(stack, outs, writers)
                stack = ExitStack()
                current_name = name
                for fmt, writer in writers.items():
                    out = stack.enter_context(
                        AtomicOutput(target(Path(name).stem, writer), force=job.force, inputs=inputs, root=root)
                    )
                    out.write(writer.start())
                    outs[fmt] = out
            ok = True
            for fmt, writer in writers.items():
                ok = _write_record(report, name, record, writer, outs[fmt], job) and ok
            report.counts(name).converted += ok
    finally:
        _close_all(stack, outs, writers)


def _close_all(stack: ExitStack, outs: dict[str, TextIO], writers: dict[str, Writer]) -> None:
    for fmt, out in outs.items():
        out.write(writers[fmt].finish())
    outs.clear()
    stack.close()

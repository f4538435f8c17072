"""One conversion run: inputs → records → writers → outputs, with reporting.

Records stream one at a time from each input to each output, so memory stays flat.  One
writer object per format serves the whole run, so citation keys are unique across all of
its output, whatever the number of files.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Generator, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Literal

from .errors import CiteexportError, InputError, OutputError
from .formats.base import DetachedWriting, ParallelReading, Record, Writer, WrittenRecord
from .inputs import input_files, open_input
from .options import ReadOptions, WriteOptions
from .output import Output, Outputs, file_ids, safe_filename
from .progress import progress_bar
from .registry import get_writer
from .report import Report
from .sniffing import nothing_found


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


def _records(
    job: Job, report: Report, writers: dict[str, Writer], paths: list[str], broken: set[str]
) -> Generator[tuple[str, Record], None, None]:
    total = sum(_size(p) for p in paths)
    show = job.progress if job.progress is not None else (total >= LARGE_INPUT_BYTES and report.console.is_terminal)
    report.progress_shown = bool(show) and not report.quiet
    with progress_bar(report.rich_console, total, enabled=report.progress_shown) as advance:
        done = 0
        for path in paths:
            yield from _records_of(job, report, path, advance, done, writers, broken)
            done += _size(path)


def _records_of(
    job: Job,
    report: Report,
    path: str,
    advance: Callable[[int, int, Callable[[], int]], None],
    done: int,
    writers: dict[str, Writer],
    broken: set[str],
) -> Iterator[tuple[str, Record]]:
    """The records of one input; when it cannot be read to its end, its name goes to ``broken``
    (the outputs it feeds are not committed)."""
    records: Iterator[Record] = iter(())
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
            parallel, range_position = reader.read_parallel(opened, jobs, writing)
            records = opened.noting_detection(parallel)
            position = range_position or position
        else:
            records = opened.read(job.read_options)
        found = 0
        for record in records:
            found += 1
            advance(1, done, position)
            yield opened.name, record
        if not found:
            if opened.has_content():  # a forced or suffix-chosen format that is not this input's
                raise InputError(nothing_found(opened.reader.name, opened.head, opened.head_text), file=opened.name)
            report.warning(opened.name, "no records: the input is empty")
    except CiteexportError as error:
        error.located(file="<stdin>" if path == "-" else path)
        report.counts(error.file or path)
        report.error(error)
        broken.add("<stdin>" if path == "-" else path)
        if job.on_error == "stop":
            raise _Stop from None
    finally:
        close = getattr(records, "close", None)
        if close is not None:  # worker processes stop now, not when the garbage collector gets to them
            close()
        report.input_done("<stdin>" if path == "-" else path)


def run(job: Job, report: Report) -> int:
    """Run the conversion; returns the exit code (0 ok, 1 some records failed, 2 fatal).

    All outputs of the run are one :class:`~citeexport.output.Outputs` transaction: committed
    at the end, each unless an input that feeds it could not be read to its end; an interrupt,
    ``--on-error stop`` or an output that cannot be written commits none of them.
    """
    if len(job.formats) > 1 and job.out_dir is None:
        report.error(OutputError("several output formats need --out-dir"))
        return 2
    if job.split == "record" and job.out_dir is None:
        report.error(OutputError("--split record needs --out-dir"))
        return 2
    writers = {fmt: get_writer(fmt)(job.write_options) for fmt in job.formats}
    files = list(input_files(job.inputs, recursive=job.recursive, pattern=job.glob))
    paths = [path for path, _place in files]
    root = Path(job.out_dir) if job.out_dir is not None else None
    try:
        with Outputs(force=job.force, inputs=file_ids(paths), root=root, warn=report.warning) as outputs:
            if root is None:
                _run_single_stream(job, report, writers[job.formats[0]], outputs, paths)
            else:
                _run_out_dir(job, report, writers, outputs, root, files)
            for error in outputs.commit():
                report.error(error)
    except _Stop:
        pass
    except CiteexportError as error:
        report.error(error)
        report.fatal = True
    report.summary()
    return report.exit_code


def _accept(job: Job, report: Report, name: str, record: Record) -> bool:
    """Count and report one record; True when it should be written."""
    report.record_read(name, record)
    if not record.ok:
        if job.on_error == "stop":
            raise _Stop
        return False
    return True


def _write_record(report: Report, name: str, record: Record, writer: Writer, out: Output, job: Job) -> bool:
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
    if warnings:
        report.writer_warnings(name, record, writer.name, warnings)


def _not_written(report: Report, outputs: Outputs, written: list[Output], inputs: set[str], *, records: bool = True) -> None:
    """The outputs fed by inputs that could not be read to their end are not committed (said when
    they held ``records`` that are now not written: the input's own error said the rest)."""
    files = [output for output in written if not output.streamed]
    for output in files:
        outputs.discard(output)
    if files and records:
        names = ", ".join(output.shown for output in files)
        report.error(OutputError(f"not written: {', '.join(sorted(inputs))} could not be read to the end", file=names))


def _run_single_stream(job: Job, report: Report, writer: Writer, outputs: Outputs, paths: list[str]) -> None:
    out = outputs.open(job.output)
    broken: set[str] = set()
    written = 0
    out.write(writer.start())
    with closing(_records(job, report, {writer.name: writer}, paths, broken)) as records:
        try:
            for name, record in records:
                if _accept(job, report, name, record) and _write_record(report, name, record, writer, out, job):
                    report.counts(name).converted += 1
                    written += 1
        except _Stop:
            if out.streamed:  # stdout: what was read before the bad record, well-formed
                out.write(writer.finish())
                out.close()
            raise
    out.write(writer.finish())
    out.close()
    if broken:
        _not_written(report, outputs, [out], broken, records=written > 0)


class _Names:
    """Output file names under ``--out-dir``: the input tree mirrored (``2024/01/issue.txt`` →
    ``2024/01/issue.ris``), one name per output in the run (``-2`` … on a collision, with a warning)."""

    def __init__(self, root: Path, writers: dict[str, Writer], report: Report) -> None:
        self.root, self.report = root, report
        # Formats that share an extension in one pass (RefWorks and text: .txt) say their name in it.
        taken = Counter(writer.extension for writer in writers.values())
        self.extensions = {
            name: f"{w.name}.{w.extension}" if taken[w.extension] > 1 else w.extension for name, w in writers.items()
        }
        self.used: set[PurePath] = set()

    def __call__(self, place: PurePath, stem: str, writer: Writer, source: str) -> Path:
        extension = self.extensions[writer.name]
        filename = safe_filename(stem, extension)
        wanted = relative = place.parent / filename
        n = 1
        while relative in self.used:
            n += 1
            relative = place.parent / filename.replace(f".{extension}", f"-{n}.{extension}")
        self.used.add(relative)
        if relative != wanted:
            self.report.warning(source, f"written as {self.root / relative} ({self.root / wanted} is another input's)")
        return self.root / relative


def _run_out_dir(
    job: Job, report: Report, writers: dict[str, Writer], outputs: Outputs, root: Path, files: list[tuple[str, PurePath]]
) -> None:
    try:
        root.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError("cannot write: not a folder", file=str(root)) from None
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", file=str(root)) from None
    name_of = _Names(root, writers, report)
    places: dict[str, PurePath] = {}
    for path, place in files:
        places.setdefault("<stdin>" if path == "-" else path, place)
    planned: dict[str, dict[str, Path]] = {}
    if job.split == "file":  # every name known now: one that cannot be written fails the run before any work
        for name, place in places.items():
            planned[name] = {fmt: name_of(place, place.stem, writer, name) for fmt, writer in writers.items()}
            for target in planned[name].values():
                outputs.plan(target)
    broken: set[str] = set()
    current: str | None = None
    outs: dict[str, Output] = {}

    def end_input() -> None:
        if current in broken:
            _not_written(report, outputs, list(outs.values()), {current})
        else:
            for fmt, out in outs.items():
                out.write(writers[fmt].finish())
                out.close()
        outs.clear()

    with closing(_records(job, report, writers, [path for path, _ in files], broken)) as records:
        for name, record in records:
            if not _accept(job, report, name, record):
                continue
            if job.split == "record":
                assert record.citation is not None  # no workers write with --split record: a record's citation names its file
                place = places[name]
                stem = f"{place.stem}-{record.citation.id or record.number}"
                ok = True
                for writer in writers.values():
                    out = outputs.open(name_of(place, stem, writer, name))
                    out.write(writer.start())
                    if _write_record(report, name, record, writer, out, job):
                        out.write(writer.finish())
                        out.close()
                    else:
                        outputs.discard(out)  # no file holding only a header
                        ok = False
                report.counts(name).converted += ok
                continue
            if name != current:
                end_input()
                current = name
                for fmt, writer in writers.items():
                    out = outputs.open(planned[name][fmt])
                    out.write(writer.start())
                    outs[fmt] = out
            ok = True
            for fmt, writer in writers.items():
                ok = _write_record(report, name, record, writer, outs[fmt], job) and ok
            report.counts(name).converted += ok
    end_input()

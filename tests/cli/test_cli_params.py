"""Options defined once: the writer options the CLI offers are the WriteOptions fields, each writer
declares the ones it reads, and a command's signature is composed from those declarations."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from citeexport import cli_params
from citeexport.cli_params import WRITE_PARAMS, job_from, signature, write_params
from citeexport.options import ReadOptions, WriteOptions
from citeexport.pipeline import Job
from citeexport.registry import writers

CLI_ONLY = {"ctx", "quiet", "verbose", "version", "to"}  # version: said and exit, not a value


def test_every_writer_option_has_one_definition_and_every_definition_a_field() -> None:
    assert set(WRITE_PARAMS) == set(WriteOptions.model_fields) - {"lang"}
    for name, param in WRITE_PARAMS.items():
        assert param.name == name and param.default == WriteOptions.model_fields[name].default
    for cls in writers().values():
        assert set(cls.options_used) <= set(WRITE_PARAMS), cls.name
    assert writers()["bibtex"].options_used == ("ascii",)
    assert set(writers()["text"].options_used) == {"style", "numbered", "accessed", "print_form"}


@pytest.mark.parametrize("formats", [*([name] for name in sorted(writers())), None])
def test_each_parameter_fills_a_field_of_its_name(formats: list[str] | None) -> None:
    fields = {f.name for f in dataclasses.fields(Job)} | set(ReadOptions.model_fields) | set(WriteOptions.model_fields)
    names = set(signature(formats).parameters)
    assert names - fields <= CLI_ONLY, names - fields - CLI_ONLY
    assert "inputs" in names and ("to" in names) is (formats is None)


def test_a_new_writer_gets_the_options_it_declares(monkeypatch: pytest.MonkeyPatch) -> None:
    class NotesWriter(writers()["ris"]):  # type: ignore[misc, valid-type]
        name = "notes"
        options_used = ("numbered",)

    known = cli_params.get_writer
    monkeypatch.setattr(cli_params, "get_writer", lambda name: NotesWriter if name == "notes" else known(name))
    offered = signature(["notes"]).parameters
    assert "numbered" in offered and "style" not in offered and "ascii" not in offered
    assert [(param.name, users) for param, users in write_params(["notes", "text"])] == [
        ("style", ["text"]),
        ("numbered", ["notes", "text"]),
        ("accessed", ["text"]),
        ("print_form", ["text"]),
    ]


def test_values_go_where_their_names_say() -> None:
    values = {
        name: (param.default if param.default is not inspect.Parameter.empty else None)
        for name, param in signature(None).parameters.items()
        if name not in CLI_ONLY
    }
    values.update(
        inputs=["a.txt"], ascii=True, style="gb7714-2025", encoding="gb18030", strict=True, jobs=2, lang=cli_params.Lang.zh
    )
    job = job_from(["bibtex", "text"], values)
    assert job.write_options == WriteOptions(lang="zh", ascii=True, style="gb7714-2025")
    assert job.read_options == ReadOptions(encoding="gb18030", strict=True)
    assert (job.inputs, job.formats, job.jobs, job.split, job.on_error) == (["a.txt"], ["bibtex", "text"], 2, "file", "skip")

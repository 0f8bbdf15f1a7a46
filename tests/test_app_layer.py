"""The application layer and the model's contracts: renderer registry, pure `build`, frozen locations."""

from __future__ import annotations

import copy
import dataclasses
import json
import subprocess
import sys

import pytest
from conftest import CORPUS

from actionplan_trace import app
from actionplan_trace.errors import UsageError
from actionplan_trace.extract import read
from actionplan_trace.model import Loc, Source
from actionplan_trace.profiles import get_profile
from actionplan_trace.render.registry import FORMATS, formats
from actionplan_trace.structure import build


def test_build_leaves_its_raw_document_alone() -> None:
    """Building the same RawDocument with two profiles gives two documents; the first keeps its profile."""
    raw = read(CORPUS / "objective2-tracked.docx")
    before = copy.deepcopy(raw)
    first = build(raw, get_profile("action-plan"))
    second = build(raw, get_profile("generic"))
    assert raw == before
    assert raw.source.profile is None
    assert (first.source.profile, second.source.profile) == ("action-plan", "generic")
    assert first.revisions and all(r.section for r in first.revisions if r.loc.paragraph is not None)
    assert all(r.section is None for r in raw.revisions)
    assert "output-2.1" in first.by_id and "output-2.1" not in second.by_id


def test_locations_and_sources_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Loc(paragraph=1).paragraph = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Source("a.docx", "docx", "0" * 64).profile = "generic"  # type: ignore[misc]


@pytest.mark.parametrize("name", ["objective2-new.docx", "text/action-plan-ba-amended.txt"])
def test_source_hash_is_the_files_and_reports_skip_it(name: str) -> None:
    """Source.sha256 is the sha256 of the file's bytes; reference reports, which never show it,
    load their documents without computing it, and find the same references."""
    from hashlib import sha256

    from actionplan_trace.refs import document_refs, stream_reports

    path = CORPUS / name
    assert read(path).source.sha256 == sha256(path.read_bytes()).hexdigest()
    assert read(path, digest=False).source.sha256 is None
    assert "sha256" not in read(path, digest=False).source.to_dict()
    _, pairs = stream_reports([path])
    ((doc, report),) = list(pairs)
    assert doc.source.sha256 is None
    hashed = app.load(path)
    assert doc.sections == hashed.sections
    assert report.refs and report.refs == document_refs(hashed).refs


def test_document_index_follows_its_sections() -> None:
    doc = app.load(CORPUS / "objective2-new.docx")
    ids = [s.id for s in doc.sections]
    assert list(doc.by_id) == ids
    assert [doc.position(i) for i in ids] == list(range(len(ids)))
    assert doc.section("output-2.1").kind == "output"
    assert [s.id for s in doc.path(doc.section("output-2.1"))][-1] == "output-2.1"
    doc.sections.append(dataclasses.replace(doc.sections[-1], id="added-at-the-end"))
    assert doc.get("added-at-the-end") is doc.sections[-1]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "actionplan_trace.cli", *args], capture_output=True, text=True,
                          env={"COLUMNS": "200", "PATH": ""})


@pytest.mark.parametrize("command", ["extract", "refs", "validate", "check", "diff"])
def test_cli_format_choices_come_from_the_registry(command: str) -> None:
    """A wrong --format is refused with the registry's list, in the registry's order."""
    args = {"validate": ["x.docx", "--against", "y.docx"], "diff": ["x.docx"]}.get(command, ["x.docx"])
    result = _cli(command, *args, "--format", "nonsense")
    assert result.returncode == 2
    where = [result.stderr.find(f"'{name}'") for name in formats(command)]
    assert -1 not in where and where == sorted(where), result.stderr


def test_every_format_renders_a_real_result(tmp_path) -> None:
    """Each extract and diff format of the registry renders the corpus pair (docx as bytes of a ZIP)."""
    doc = app.load(CORPUS / "objective2-new.docx")
    for fmt in formats("extract"):
        out = app.render("extract", fmt, doc)
        assert isinstance(out, str) and "output-2.1" in out.replace("Output 2.1", "output-2.1"), fmt
    assert json.loads(app.render("extract", "json", doc))["schema"].startswith("actionplan-trace/extract/")
    result = app.compare(CORPUS / "objective2-old.docx", CORPUS / "objective2-new.docx")
    for f in FORMATS["diff"]:
        out = app.render("diff", f.name, result)
        assert isinstance(out, bytes if f.binary else str) and out
    assert app.render("diff", "docx", result)[:2] == b"PK"
    with pytest.raises(UsageError, match="one of text, json, md, html, docx"):
        app.render("diff", "pdf", result)

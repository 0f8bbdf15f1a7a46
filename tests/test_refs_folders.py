"""`trace refs`, `trace graph` and `trace chain` take folders, read as `trace check` walks one."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from actionplan_trace import app
from actionplan_trace.errors import InputError, InputWarning
from conftest import run_cli


def _plan(path: Path, cites: str, font: str, size: int, heading_style: str) -> Path:
    document = docx.Document()
    document.add_paragraph("Output 2.1 Products and services", style=heading_style)
    for text in ("Background of the output.", cites):
        run = document.add_paragraph().add_run(text)
        run.font.name, run.font.size = font, Pt(size)
    document.save(str(path))
    return path


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """roadmaps/ (a text roadmap) and plans/ (two .docx, one in a subfolder), with what a walk
    leaves out: a hidden folder, a Word lock file, a README, a trace diff report and a .doc."""
    roadmaps, plans = tmp_path / "roadmaps", tmp_path / "plans"
    (plans / "sub").mkdir(parents=True)
    roadmaps.mkdir()
    (roadmaps / "roadmap.txt").write_text(
        "Roadmap for WSIS Action Line C5\n\nThis roadmap implements PP Resolution 130 and SDG 9.\n", encoding="utf-8")
    _plan(plans / "b-plan.docx", "It implements WTDC Resolution 45 and PP Resolution 130.", "Arial", 10, "Heading 1")
    _plan(plans / "sub" / "a-plan.docx", "It supports SDG 9 and WSIS Action Line C5.", "Georgia", 13, "Title")
    (plans / ".drafts").mkdir()
    _plan(plans / ".drafts" / "draft.docx", "It implements PP Resolution 71.", "Arial", 11, "Heading 2")
    (plans / "~$b-plan.docx").write_bytes(b"\x00lock")
    (plans / "README.md").write_text("# Plans\n\nSee PP Resolution 200.\n", encoding="utf-8")
    (plans / "changes.txt").write_text("trace diff: a.docx -> b.docx\nPP Resolution 201\n", encoding="utf-8")
    (plans / "old.doc").write_bytes(b"junk")
    return tmp_path


def test_refs_reads_the_documents_of_each_folder_in_walk_order(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = app.references(["roadmaps", Path("plans")])
    assert [str(w.message) for w in caught if isinstance(w.message, InputWarning)] == [
        "plans/old.doc: left out: Word 97-2003 files (.doc) cannot be read: save as .docx or .pdf"]
    sources = list(dict.fromkeys(r.source for r in report.refs))
    assert sources == ["roadmaps/roadmap.txt", "plans/b-plan.docx", "plans/sub/a-plan.docx"]
    ids = {r.id for r in report.refs}
    assert {"WSIS-C5", "PP-RES-130", "WTDC-RES-45", "SDG-9"} <= ids
    assert not ids & {"PP-RES-71", "PP-RES-200", "PP-RES-201"}  # hidden folder, README, report
    # a folder and the files it holds give one report alike
    named = app.references(["roadmaps/roadmap.txt", "plans/b-plan.docx", "plans/sub/a-plan.docx"])
    assert named.to_dict() == report.to_dict()


def test_graph_and_chain_take_folders(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    with pytest.warns(InputWarning, match="^plans/old.doc: left out"):
        built, _registry = app.graph(["plans", "roadmaps"])
    assert built.sources == ["plans/b-plan.docx", "plans/sub/a-plan.docx", "roadmaps/roadmap.txt"]
    with pytest.warns(InputWarning, match="^plans/old.doc: left out"):
        found = app.chain("PP-RES-130", ["plans", "roadmaps"])
    cited_in = json.dumps(found)
    assert "plans/b-plan.docx" in cited_in and "roadmaps/roadmap.txt" in cited_in


def test_cli_folders_and_an_empty_one(tree: Path) -> None:
    result = run_cli("refs", "roadmaps/", "plans/", "-f", "json", cwd=tree)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(dict.fromkeys(r["source"] for r in data["refs"])) == [
        "roadmaps/roadmap.txt", "plans/b-plan.docx", "plans/sub/a-plan.docx"]
    assert result.stderr == ("trace: warning: plans/old.doc: left out: Word 97-2003 files (.doc) cannot be read: "
                             "save as .docx or .pdf\n")
    # the report written into a folder read is not read back on the next run
    for _ in range(2):
        result = run_cli("graph", "plans", "-o", "plans/graph.json", cwd=tree)
        assert result.returncode == 0, result.stderr
    assert json.loads((tree / "plans" / "graph.json").read_text())["sources"] == [
        "plans/b-plan.docx", "plans/sub/a-plan.docx"]
    (tree / "empty" / ".hidden").mkdir(parents=True)
    (tree / "empty" / "notes.odp").write_bytes(b"x")
    for command in (["refs"], ["graph"], ["chain", "SDG-9"]):
        result = run_cli(*command, "roadmaps", "empty", cwd=tree)
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr == ("trace: empty: the folder holds no document trace reads "
                                 "(.docx, .pdf, .txt, .md, .html)\n")
    with pytest.raises(InputError) as raised:
        app.references(tree / "empty")
    assert (raised.value.path, raised.value.problem) == (
        str(tree / "empty"), "the folder holds no document trace reads (.docx, .pdf, .txt, .md, .html)")

"""`trace diff` as a user runs it: formats, exit codes like diff(1), errors, no partial files."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, run_cli

OLD, NEW = str(CORPUS / "objective2-old.docx"), str(CORPUS / "objective2-new.docx")


def test_text_report_exit_1_and_summary() -> None:
    done = run_cli("diff", OLD, NEW)
    assert done.returncode == 1, done.stderr
    assert "Rural communications" in done.stdout
    summary = done.stdout.splitlines()[-1]
    assert summary.startswith("Summary: 31 changes (14 sections, 17 paragraphs, list items or table cells): 4 added,")
    assert "words: 537 inserted, 37 deleted, 0 moved" in summary
    assert not [line for line in done.stdout.splitlines() if line != line.rstrip()]


def test_same_file_exit_0_and_empty_json() -> None:
    done = run_cli("diff", OLD, OLD, "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["schema"] == "actionplan-trace/diff/3" and data["changes"] == []


def test_tracked_docx_alone_diffs_its_revision_marks(tmp_path: Path) -> None:
    out = tmp_path / "tracked.json"
    done = run_cli("diff", str(CORPUS / "objective2-tracked.docx"), "-f", "json", "-o", str(out))
    assert done.returncode == 1 and done.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["old"]["view"], data["new"]["view"]) == ("original", "accepted")
    assert all(c["author"] == "BDT Secretariat" for c in data["changes"])


def test_docx_alone_without_revision_marks_says_so_and_exits_0() -> None:
    done = run_cli("diff", NEW)
    assert done.returncode == 0, done.stderr
    assert "objective2-new.docx (original → accepted)" in done.stdout
    assert "Summary: no differences (the file has no revision marks)" in done.stdout
    tracked = run_cli("diff", str(CORPUS / "objective2-tracked.docx"), "-f", "md")
    assert tracked.returncode == 1 and "no revision marks" not in tracked.stdout


def test_pdf_against_docx_of_the_same_revision_exits_0() -> None:
    same = run_cli("diff", str(CORPUS / "objective2-new.pdf"), NEW, "-f", "json")
    assert same.returncode == 0, same.stderr
    data = json.loads(same.stdout)
    assert (data["old"]["format"], data["new"]["format"], data["changes"]) == ("pdf", "docx", [])
    assert data["summary"]["hidden"] > 0


def test_all_shows_formatting_only_changes() -> None:
    hidden = json.loads(run_cli("diff", OLD, NEW, "-f", "json").stdout)
    shown = json.loads(run_cli("diff", OLD, NEW, "-f", "json", "--all").stdout)
    assert not any(c["formatting_only"] and set(c["differences"]) <= {"space", "numbering", "formatting"}
                   for c in hidden["changes"])
    assert len(shown["changes"]) == len(hidden["changes"]) + hidden["summary"]["hidden"]
    assert any(c["formatting_only"] and c["kind"] == "renamed" for c in shown["changes"])


def test_docx_format_needs_output_and_writes_author(tmp_path: Path) -> None:
    refused = run_cli("diff", OLD, NEW, "-f", "docx")
    assert refused.returncode == 2 and "-o" in refused.stderr and refused.stdout == ""
    out = tmp_path / "redline.docx"
    done = run_cli("diff", OLD, NEW, "-f", "docx", "-o", str(out), "--author", "BDT")
    assert done.returncode == 1, done.stderr
    assert out.read_bytes()[:2] == b"PK" and b'w:author="BDT"' in __import__("zipfile").ZipFile(out).read("word/document.xml")


def test_trouble_exits_2_without_partial_output(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    missing = run_cli("diff", OLD, str(tmp_path / "missing.docx"), "-f", "html", "-o", str(out))
    assert missing.returncode == 2 and "missing.docx" in missing.stderr and len(missing.stderr.splitlines()) == 1
    garbage = tmp_path / "garbage.docx"
    garbage.write_bytes(b"PK\x03\x04 not really a zip")
    broken = run_cli("diff", OLD, str(garbage), "-f", "html", "-o", str(out))
    assert broken.returncode == 2 and "garbage.docx" in broken.stderr
    single_pdf = run_cli("diff", str(CORPUS / "objective2-old.pdf"))
    assert single_pdf.returncode == 2 and "revision marks" in single_pdf.stderr
    assert list(tmp_path.iterdir()) == [garbage]


def test_markdown_and_html_files(tmp_path: Path) -> None:
    for fmt, head in (("md", "## trace diff:"), ("html", "<!DOCTYPE html>")):
        out = tmp_path / f"d.{fmt}"
        assert run_cli("diff", OLD, NEW, "-f", fmt, "-o", str(out)).returncode == 1
        assert out.read_text(encoding="utf-8").startswith(head)

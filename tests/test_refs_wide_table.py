"""`trace refs` on a terminal wide enough for its table: the places read as in every other text
output (counted from 1), and each finding names its file."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from rich.console import Console

from actionplan_trace import app
from actionplan_trace.render.refs import TABLE_WIDTH

TEXT = ("Notes on the plan\n\nThis text supports SDG 18 and WSIS Action Line C12.\n\n"
        "It implements PP Resolution 71 and WTDC Resolution 37 (Rev. Kigali, 2017).\n")


def _docx(path: Path, font: str, size: int) -> Path:
    """A small .docx: a heading, filler paragraphs and the same bad references as TEXT."""
    document = docx.Document()
    document.add_heading("Report on the references", level=1)
    for n in range(6):
        run = document.add_paragraph().add_run(f"Background paragraph {n + 1} of the report.")
        run.font.name, run.font.size = font, Pt(size)
    run = document.add_paragraph().add_run("This work supports SDG 18 and WSIS Action Line C12.")
    run.font.name, run.font.size = font, Pt(size)
    document.add_paragraph("It implements PP Resolution 71 and WTDC Resolution 37 (Rev. Kigali, 2017).")
    document.save(str(path))
    return path


def _wide(report, width: int) -> list[str]:  # type: ignore[no-untyped-def]
    screen = io.StringIO()
    console = Console(file=screen, width=width, force_terminal=True, color_system=None)
    assert app.print_to(console, "refs", "table", report)
    return screen.getvalue().splitlines()


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("│┃").split("│" if "│" in line else "┃")]


@pytest.mark.parametrize(("font", "size", "width"), [("Calibri", 11, TABLE_WIDTH), ("Times New Roman", 14, 220)])
def test_wide_table_counts_places_from_one_and_names_each_findings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, font: str,
                                                                        size: int, width: int) -> None:
    monkeypatch.chdir(tmp_path)  # short relative names: a cell folded across lines would hide them
    text = Path("notes.txt")
    text.write_text(TEXT, encoding="utf-8")
    plan = _docx(Path("plan.docx"), font, size)
    report = app.references([str(plan), str(text)])
    sdg = [r for r in report.refs if r.id == "SDG-18"]
    in_docx = next(r for r in sdg if r.source == str(plan))
    assert in_docx.loc.paragraph is not None and in_docx.loc.paragraph >= 6
    lines = _wide(report, width)
    rows = [c for c in (_cells(line) for line in lines if "│" in line) if c[0]]  # not a folded cell's rest
    ref_rows = [c for c in rows if len(c) == 7]
    finding_rows = [c for c in rows if len(c) == 6]
    header = next(_cells(line) for line in lines if "┃" in line and "code" in line)
    assert header == ["code", "severity", "message", "source", "section", "loc"]
    # the reference in the .docx: paragraph counted from 1, as the piped form says it
    piped = app.render("refs", "table", report)
    assert isinstance(piped, str)
    expected = f"paragraph {in_docx.loc.paragraph + 1}"
    assert expected in next(line for line in piped.splitlines() if "SDG-18" in line and "paragraph" in line)
    assert [c[-1] for c in ref_rows if c[0] == "SDG-18"] == [expected, "line 3"]
    assert not any("=" in c[-1] for c in ref_rows + finding_rows)  # no raw "paragraph=82,line=3"
    # each file's REF002 for SDG-18, with its file and place
    sdg_findings = [(c[3], c[-1]) for c in finding_rows if c[0] == "REF002" and "SDG-18" in c[2]]
    assert sdg_findings == [(str(text), "line 3"), (str(plan), expected)]  # by file, as piped
    assert {c[3] for c in finding_rows} == {str(plan), str(text)}

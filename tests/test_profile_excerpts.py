"""Documents a held-out review wrote in forms the corpus lacks: an implementation report whose
annex is "Status of implementation of PP resolutions", excerpts of an Action Plan or a roadmap (a
contribution's annex is often one output), numbered goals under a numbered clause, table rows
numbered "D.1". Each is built here in Heading styles and in bold Normal paragraphs, in more than
one font, and read with the profile detection picks (rules/profiles/)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from actionplan_trace.loader import load
from actionplan_trace.model import Document

STYLES = [("heading", "Calibri"), ("bold", "Times New Roman"), ("bold", "Arial")]


class Writer:
    """A .docx written paragraph by paragraph, its headings in Heading styles or bold Normal
    paragraphs of a size per level."""

    def __init__(self, style: str, font: str) -> None:
        self.doc = docx.Document()
        self.style = style
        self.doc.styles["Normal"].font.name = font
        self.doc.styles["Normal"].font.size = Pt(11)

    def heading(self, text: str, level: int) -> None:
        if self.style == "heading":
            self.doc.add_heading(text, level)
            return
        run = self.doc.add_paragraph().add_run(text)
        run.bold = True
        run.font.size = Pt({1: 14, 2: 12, 3: 11, 4: 11}[level])

    def text(self, text: str) -> None:
        self.doc.add_paragraph(text)

    def labelled(self, label: str, rest: str) -> None:
        """A paragraph opening with a bold label ("Target 1.1: "), the rest plain."""
        paragraph = self.doc.add_paragraph()
        paragraph.add_run(label).bold = True
        paragraph.add_run(rest)

    def italic(self, text: str) -> None:
        self.doc.add_paragraph().add_run(text).italic = True

    def bullet(self, text: str) -> None:
        self.doc.add_paragraph(text, style="List Bullet")

    def table(self, rows: list[list[str]]) -> None:
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                cell = table.cell(i, j)
                for k, part in enumerate(value.split("\n")):
                    paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                    paragraph.add_run(part).bold = i == 0

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path


def by_id(document: Document) -> dict[str, tuple[str, str | None, str | None]]:
    """Each section's id → (kind, number, parent)."""
    return {s.id: (s.kind, s.number, s.parent) for s in document.sections}


def texts_of(document: Document, section_id: str) -> str:
    section = document.by_id.get(section_id)
    assert section is not None, section_id
    return " ".join(b.text for b in section.blocks)


# --- an implementation report (W5) --------------------------------------------------------------

GOALS = [("1", "Growth", [("1.1", "65% of households worldwide with access to the Internet", "Target on track for achievement by 2023"),
                          ("1.2", "70% of individuals worldwide will be using the Internet", "Target achieved")]),
         ("2", "Inclusiveness", [("2.1", "In the developing world, 60% of households should have access to the Internet", "Target off track")])]
ENTRIES = [("21 (Rev. Dubai, 2018)", "Measures concerning alternative calling procedures on international telecommunication networks",
            "ITU-T Study Group 2 continues its work on alternative calling procedures (WTSA Resolution 29)."),
           ("64 (Rev. Dubai, 2018)", "Non-discriminatory access to modern telecommunication/ICT facilities, services and applications",
            "BDT organized workshops in support of SDG target 9.c and WSIS Action Line C2.")]


def report(path: Path, style: str, font: str, annex: str, typed_numbers: bool = True) -> Path:
    """A report on the implementation of the Strategic Plan in the shape of Council document C20/35:
    goals under a numbered clause, each target a bold label and plain text with its status in
    italics, then the annex of resolution status entries."""
    w = Writer(style, font)
    clause = (lambda n, t: f"{n} {t}") if typed_numbers else (lambda n, t: t)
    w.text("Council 2020\nDocument C20/35-E")
    w.heading(clause("1", "Introduction"), 1)
    w.text("This report presents the progress made in the implementation of the Strategic Plan for the "
           "Union 2020-2023 adopted by Resolution 71 (Rev. Dubai, 2018).")
    w.heading(clause("3", "ITU Strategic Plan implementation"), 1)
    w.heading(clause("3.1", "Results per Strategic Goal"), 2)
    for n, (goal, name, targets) in enumerate(GOALS, 1):
        w.heading(clause(f"3.1.{n}", f"Goal {goal} – {name}"), 3)
        w.text(f"Goal {goal} is supported by the following strategic targets:")
        for number, title, status in targets:
            w.labelled(f"Target {number}: ", title)
            w.italic(status)
    w.heading(annex, 1)
    for number, title, body in ENTRIES:
        w.heading(f"Resolution {number} {title}", 2)
        w.text(body)
    return w.save(path)


@pytest.mark.parametrize("style,font", STYLES)
@pytest.mark.parametrize("annex", ["Annex 1 – Status of implementation of PP resolutions",
                                   "Annex 1: Status of Implementation of the PP Resolutions"])
def test_a_report_with_a_status_annex_is_an_implementation_report(tmp_path: Path, style: str, font: str,
                                                                  annex: str) -> None:
    """The annex "Status of implementation of PP resolutions" and the "progress made in the
    implementation of the Strategic Plan" say what the document is, as the targets' status lines
    do: an implementation report, not the Strategic Plan its goals and targets also fit. Its annex
    and resolution entries, Heading-styled or 14- and 12-pt bold lines, are sections of their own,
    not paragraphs of the last target."""
    document = load(report(tmp_path / "report.docx", style, font, annex))
    assert document.source.profile == "implementation-report"
    ids = by_id(document)
    assert ids["annex-1"][0] == "annex"
    assert ids["res-21"] == ("resolution-status", "21", "annex-1")
    assert ids["res-64"] == ("resolution-status", "64", "annex-1")
    assert "WTSA Resolution 29" in texts_of(document, "res-21")
    assert "Action Line C2" in texts_of(document, "res-64")
    assert ids["goal-2"][0] == "goal-report"
    assert "Resolution" not in texts_of(document, "goal-2")


def test_an_auto_numbered_report_is_an_implementation_report(tmp_path: Path) -> None:
    """Headings without typed numbers ("Goal 1 – Growth" opens its line, as a Strategic Plan's goal
    does) still make a report by its annex, its progress sentence and its targets' status lines."""
    document = load(report(tmp_path / "report.docx", "heading", "Calibri",
                           "Annex 1 – Status of implementation of PP resolutions", typed_numbers=False))
    assert document.source.profile == "implementation-report"
    assert by_id(document)["res-21"][2] == "annex-1"

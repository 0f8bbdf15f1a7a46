"""A paragraph removed and one added in its place, one for the other between the same two kept
paragraphs and sharing a word, is that paragraph reworded: an implementation report's target
status "Target on track for achievement by 2023" made "Target achieved" is one `modified`
change, as Word Compare marks it, not a paragraph removed and another added."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from actionplan_trace.diff import compare
from actionplan_trace.render.diff_json import to_dict
from test_diff_whole_sections import _heading

GOALS = [
    ("1", "Growth", [("1.1", "Worldwide, 65% of households should have access to the Internet"),
                     ("1.2", "Worldwide, 70% of individuals will be using the Internet")]),
    ("2", "Inclusiveness", [("2.1", "In the developing world, 60% of households should have access to the Internet"),
                            ("2.2", "In the least developed countries, 30% of individuals should be using the Internet")]),
]


def _report(path: Path, statuses: dict[str, str], styled: bool, font: str, size: float) -> Path:
    """A Council report on the Strategic Plan: goals as headings, each target a paragraph and its
    status the paragraph after it."""
    document = docx.Document()
    document.styles["Normal"].font.name = font
    document.styles["Normal"].font.size = Pt(size)

    def heading(text: str, level: int) -> None:
        _heading(document, text, level, styled, font, size + 4)

    document.add_paragraph("Council 2020 – Document C20/35 – Report on the implementation of the Strategic Plan")
    heading("1\tIntroduction", 1)
    document.add_paragraph("This report presents the progress made in the implementation of the Strategic Plan for 2020-2023.")
    heading("2\tResults per Strategic Goal", 1)
    for number, title, targets in GOALS:
        heading(f"Goal {number} – {title}", 2)
        for target, text in targets:
            document.add_paragraph(f"Target {target}: {text}")
            document.add_paragraph(statuses.get(target, "Target on track for achievement by 2023"))
    document.save(str(path))
    return path


@pytest.mark.parametrize("styled, font, size", [(True, "Calibri", 11), (False, "Garamond", 12.5)])
def test_a_target_status_changed_is_one_modified_paragraph(tmp_path: Path, styled: bool, font: str, size: float) -> None:
    old = _report(tmp_path / "old.docx", {}, styled, font, size)
    new = _report(tmp_path / "new.docx", {"1.1": "Target achieved", "2.2": "Target off track"}, styled, font, size)
    changes = to_dict(compare(old, new))["changes"]
    assert [(c["kind"], c["old"], c["new"]) for c in changes] == [
        ("modified", "Target on track for achievement by 2023", "Target achieved"),
        ("modified", "Target on track for achievement by 2023", "Target off track"),
    ]
    assert changes[0]["words"] == [["=", "Target "], ["-", "on track for achievement by 2023"], ["+", "achieved"]]


def test_a_paragraph_sharing_no_word_is_not_paired_in_place(tmp_path: Path) -> None:
    """Replaced in its place by a text sharing no word with it: removed and added, as before."""
    old = _report(tmp_path / "old.docx", {"1.2": "Pending review"}, True, "Arial", 11)
    new = _report(tmp_path / "new.docx", {"1.2": "Achieved"}, True, "Arial", 11)
    assert [c["kind"] for c in to_dict(compare(old, new))["changes"]] == ["removed", "added"]

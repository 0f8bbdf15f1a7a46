"""Diff regressions a second black-box review found: differences `--all` did not show (white space
at a paragraph's end, a soft hyphen, blank paragraphs), a redline whose Reject All did not give the
old text, and changes of the wrong kind or wording (numbering read as words renamed, an empty cell
filled as a removed and an added block, one matrix cell named as a whole column)."""

from __future__ import annotations

from pathlib import Path

import docx

from actionplan_trace.diff import compare
from actionplan_trace.render.diff_json import to_dict

SOFT_HYPHEN = "\u00ad"
INTRO = "Infrastructure is central for enabling universal, sustainable, ubiquitous and affordable access to ICTs."
FOCUS = "Activities will be focused on: "
BULLETS = ("assisting countries in maximizing the use of appropriate new technologies;",
           "providing assistance to Member States on deployment of Next-generation networks.")
RURAL = "Rural populations will need to be provided with telephony and broadband access."


def _plan(path: Path, focus: str = FOCUS, rural: str = RURAL, blanks: int = 0) -> Path:
    """A short Action Plan output as Word writes it: headings, paragraphs, bullets; `blanks`
    empty paragraphs after the paragraph that opens the bullets."""
    document = docx.Document()
    document.add_heading("Objective 2 – Modern and secure telecommunication/ICT infrastructure", level=1)
    document.add_heading("Output 2.1 – Products and services on telecommunication/ICT infrastructure", level=2)
    document.add_paragraph(INTRO)
    document.add_paragraph(focus)
    for _ in range(blanks):
        document.add_paragraph("")
    for bullet in BULLETS:
        document.add_paragraph(bullet, style="List Bullet")
    document.add_paragraph(rural)
    document.save(str(path))
    return path


def test_all_shows_white_space_at_a_paragraph_end_a_soft_hyphen_and_blank_paragraphs(tmp_path: Path) -> None:
    """The reader strips a paragraph's trailing white space, drops soft hyphens and keeps no block
    for an empty paragraph, so these edits were no change even with --all, while the --all redline
    marked them. They are changes of white space and formatting now: hidden by default (the
    summary counts them), shown with --all, each at its paragraph."""
    old = _plan(tmp_path / "old.docx")
    new = _plan(tmp_path / "new.docx", focus=FOCUS.rstrip(), rural=RURAL.replace("provided", f"pro{SOFT_HYPHEN}vided"),
                blanks=2)
    result = compare(old, new)
    assert result.visible() == []
    assert to_dict(result)["summary"]["hidden"] == 3
    shown = to_dict(result, all_changes=True)["changes"]
    assert [(c["kind"], c["differences"], c["at"], c["old"], c["new"]) for c in shown] == [
        ("modified", ["space"], {"old": "paragraph 4", "new": "paragraph 4"}, FOCUS, FOCUS.rstrip()),
        ("added", ["formatting"], {"old": None, "new": "paragraph 5"}, None, ""),
        ("modified", ["formatting"], {"old": "paragraph 7", "new": "paragraph 9"}, RURAL,
         RURAL.replace("provided", f"pro{SOFT_HYPHEN}vided")),
    ]
    assert [c.where for c in result.visible(all_changes=True)][1] == "2 blank paragraphs"

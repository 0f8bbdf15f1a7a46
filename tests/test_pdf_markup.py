"""Revision marks printed into a PDF (extract/pdf_markup.py): struck-through deletions and underlined
insertions beside change bars read as a .docx's tracked changes, in both views.

The fixtures are LibreOffice prints of .docx files with tracked changes shown (scripts/
make_markup_fixtures.py): corpus/objective2-tracked.docx, the one the reader was first built
against, and mod-block-markup.docx, made apart from the corpus in another layout, with two authors
(two colours, one of them a link's blue), a deleted list item, an insertion in a table cell, a
passage struck through as formatting and an underlined link. Each PDF must read, word for word, as
its .docx does in each view.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from actionplan_trace import load
from actionplan_trace.extract.pdf import Char
from actionplan_trace.extract.pdf_markup import DELETED, INSERTED, change_bars, insertions, runs, strikes
from actionplan_trace.model import Document
from actionplan_trace.validate import validate

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
PDFS = ROOT / "tests" / "fixtures" / "pdf"
PAIRS = [(CORPUS / "objective2-tracked.docx", PDFS / "objective2-tracked-markup.pdf"),
         (PDFS / "mod-block-markup.docx", PDFS / "mod-block-markup.pdf")]


@lru_cache(maxsize=None)
def loaded(path: Path, view: str = "accepted") -> Document:
    """Each file read in each view once for the module's tests (they only read the Documents)."""
    return load(path, view=view)  # type: ignore[arg-type]


def words(doc: Document) -> list[str]:
    """Every word of a document's section titles, blocks and table cells, in order."""
    out: list[str] = []
    for section in doc.sections:
        out += (section.title or "").split()
        for block in section.blocks:
            out += block.text.split()
    return out


@pytest.mark.parametrize("view", ["accepted", "original"])
@pytest.mark.parametrize(("docx", "pdf"), PAIRS, ids=lambda p: p.name)
def test_a_print_with_revision_marks_reads_as_its_docx(docx: Path, pdf: Path, view: str) -> None:
    from_pdf = loaded(pdf, view)
    assert words(from_pdf) == words(loaded(docx, view))
    assert from_pdf.source.view == view
    assert any("printed revision marks read as tracked changes" in w for w in from_pdf.source.warnings)


def test_each_mark_is_a_revision_in_its_section() -> None:
    doc = loaded(PDFS / "mod-block-markup.pdf")
    background = next(s.id for s in doc.sections if s.title == "Background")
    assert [(r.type, r.text) for r in doc.revisions] == [
        ("delete", "in particular through national computer incident response teams,"),
        ("insert", "including through national and regional computer incident response teams (CIRTs) and "
                   "cybersecurity exercises,"),
        ("delete", "Sector"),
        ("insert", "Bureau and its regional offices"),
        ("insert", "national"),
        ("delete", "organizing annual global cyberdrills for the national CIRTs of every region;"),
        ("insert", "biennial"),
        ("insert", "with ITU assistance"),
    ]
    assert {r.section for r in doc.revisions} == {background}
    assert all(r.loc.page == 1 and r.loc.line for r in doc.revisions)


def test_the_views_differ_only_by_the_marks() -> None:
    accepted, original = loaded(PDFS / "mod-block-markup.pdf"), loaded(PDFS / "mod-block-markup.pdf", "original")
    texts = {view: " ".join(words(doc)) for view, doc in (("accepted", accepted), ("original", original))}
    assert "priority of the Bureau and its regional offices, in cooperation" in texts["accepted"]
    assert "priority of the Sector, in cooperation" in texts["original"]
    assert "organizing annual global cyberdrills" not in texts["accepted"]
    assert "organizing annual global cyberdrills" in texts["original"]
    # typed strike-through (no change bar) is text in both, as in the .docx; so is the underlined link
    for text in texts.values():
        assert "SDG targets 4.4, 5.b, 9.1, 9.c, 16.2" in text
        assert "published at www.itu.int/cop." in text
    items = [b.text for s in accepted.sections for b in s.blocks if b.type == "list-item"]
    assert items == ["assisting Member States in developing national cybersecurity strategies;",
                     "supporting the biennial Global Cybersecurity Index survey."]  # no bullet left alone
    table = next(b for s in accepted.sections for b in s.blocks if b.type == "table")
    assert [[c.text for c in row] for row in table.rows or []] == [
        ["Outcome", "Indicator"],
        ["Strengthened capacity of Member States in cybersecurity", "Number of national CIRTs established with ITU assistance"]]


def test_a_passage_over_a_line_break_joins_as_unprinted() -> None:
    """"computing[, which are key enablers … / economy]." reads "computing." in the original view,
    and a LibreOffice "[4.]" before a changed heading reads as its number."""
    original = " ".join(words(loaded(PDFS / "objective2-tracked-markup.pdf", "original")))
    assert "broadcasting and computing. The deployment" in original
    accepted = loaded(PDFS / "objective2-tracked-markup.pdf")
    assert [s.title for s in accepted.sections if s.id.endswith("/references")] == [
        "References to WTDC resolutions, WSIS action lines and sustainable development goals"] * 3


def test_validate_reads_a_printed_contribution_as_its_docx() -> None:
    plan = CORPUS / "action-plan-ba.docx"
    from_docx = validate(CORPUS / "contribution-tdag.docx", plan)
    from_pdf = validate(PDFS / "contribution-tdag-markup.pdf", plan)
    codes = sorted(f.code for f in from_docx.findings)
    assert codes and sorted(f.code for f in from_pdf.findings) == codes
    assert [f.section for f in from_pdf.findings] == [f.section for f in from_docx.findings]


def test_a_pdf_without_marks_has_no_revisions() -> None:
    doc = load(CORPUS / "objective2-new.pdf", view="original")
    assert doc.revisions == [] and not any("revision marks" in w for w in doc.source.warnings)
    assert words(doc) == words(load(CORPUS / "objective2-new.pdf"))


# The geometry on glyphs made by hand: an 11 pt line at baseline 100 from x = 60.

def _line(text: str, x: float = 60.0, base: float = 100.0) -> list[Char]:
    return [Char(ch, x + 5 * k, x + 5 * k + 5, base - 9, base + 2.5, 11.0, False, base) for k, ch in enumerate(text)]


def _h(x0: float, x1: float, y: float, color: tuple[int, int, int] | None = (0, 0, 0)) -> dict[str, object]:
    return {"orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y, "color": color}


def _v(x: float, top: float, bottom: float) -> dict[str, object]:
    return {"orientation": "v", "x0": x, "x1": x, "top": top, "bottom": bottom}


def _marked(chars: list[Char]) -> list[tuple[str, str]]:
    return [(kind, "".join(c.text for c in run)) for kind, run in runs(chars)]


def test_a_strike_needs_a_change_bar_and_the_right_height() -> None:
    chars = _line("old words new")
    struck, rest = strikes(chars, [_h(60, 105, 96.5), _h(60, 125, 102)])  # through "old words"; under the line
    assert len(struck) == 1 and len(rest) == 1
    bars, _ = change_bars(chars, [_v(50, 90, 103)])
    assert len(bars) == 1 and _marked(chars) == [(DELETED, "old words")]
    unbarred = _line("old words new")
    strikes(unbarred, [_h(60, 105, 96.5)])
    change_bars(unbarred, [_v(50, 200, 213)])  # a bar beside another line
    assert _marked(unbarred) == []


def test_an_insertion_is_a_coloured_underline_beside_a_change_bar() -> None:
    chars = _line("see the new text and www.itu.int")
    edges = [_h(100, 140, 102, (198, 146, 0)), _h(165, 220, 102, (5, 99, 193)), _v(50, 90, 103)]
    bars, rest = change_bars(chars, edges)
    insertions(chars, rest, bars)
    assert _marked(chars) == [(INSERTED, "new text"), (INSERTED, "www.itu.int")]
    black = _line("see the new text")
    bars, rest = change_bars(black, [_h(95, 135, 102), _v(50, 90, 103)])
    insertions(black, rest, bars)
    assert _marked(black) == [] and bars == []  # a black underline (a heading's) marks nothing
    unbarred = _line("see www.itu.int")
    bars, rest = change_bars(unbarred, [_h(100, 135, 102, (5, 99, 193))])
    insertions(unbarred, rest, bars)
    assert _marked(unbarred) == []  # a link: no change bar beside it


def test_diff_of_a_printed_file_alone_compares_its_views() -> None:
    """`trace diff X.pdf` alone, as for a .docx with revision marks: its original view against its accepted."""
    from actionplan_trace.diff.api import compare

    result = compare(PDFS / "mod-block-markup.pdf")
    assert [c.kind for c in result.changes] == ["modified", "modified", "removed", "modified", "modified"]
    assert "organizing annual global cyberdrills" in (result.changes[2].old or "")
    assert [c.new for c in result.changes][-1] == "Number of national CIRTs established with ITU assistance"


def test_each_list_item_a_print_marks_is_a_mark_of_its_own_without_its_bullet() -> None:
    """Found in review: two bullets inserted one after the other were one printed passage, one
    mark whose text opened with the bullet ("• Analyzing … • Analyzing …"), so validate gave one
    VAL005 for two paragraphs and quoted the glyph. The print's marks are the .docx's."""
    def marks(path: Path) -> list[tuple[str, str | None, str]]:
        doc = load(path, profile="contribution", view="accepted")
        return [(r.type, r.section, r.text.strip()) for r in doc.revisions if r.text.strip()]

    from_pdf = marks(PDFS / "contribution-tdag-markup.pdf")
    assert from_pdf == marks(CORPUS / "contribution-tdag.docx")
    assert [text[:30] for kind, _, text in from_pdf if text.startswith("Analyzing")] == [
        "Analyzing and evaluating the e"] * 2


def test_a_print_s_unnamed_marks_are_a_val005_per_paragraph() -> None:
    """A PDF's marks carry the page and line they start on, no paragraph: every unnamed mark of a
    section was one VAL005. With no proposal naming Output 2.1, its two inserted bullets are two,
    as in the .docx."""
    from dataclasses import replace

    from actionplan_trace.validate.contribution import validate_documents

    plan = load(CORPUS / "action-plan-ba.docx")

    def val005(path: Path) -> list[str]:
        views = []
        for view in ("accepted", "original"):
            doc = load(path, profile="contribution", view=view)
            sections = [replace(s, blocks=[replace(b, text=b.text.replace("In Output 2.1,", "In Output 9.9,"))
                                           for b in s.blocks]) if s.kind == "proposals" else s for s in doc.sections]
            views.append(replace(doc, sections=sections))
        report = validate_documents(views[0], views[1], plan)
        return [f.section or "" for f in report.findings if f.code == "VAL005"]

    from_docx = val005(CORPUS / "contribution-tdag.docx")
    assert from_docx.count("output-2.1/area-broadband-networks-wired-and") == 2
    assert val005(PDFS / "contribution-tdag-markup.pdf") == from_docx

"""A heading one revision sets as a paragraph (diff/dissolve.py): the same text, another formatting.

The diff reported such a section removed, every word of it, and its text added to the section
before it; the secretariat's report against its own bold-Normal copy showed 683 changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace.app import compare
from actionplan_trace.diff import Change, diff_documents
from actionplan_trace.loader import load

from conftest import CORPUS, corpus_doc

OLD = """# Annual report

The year in brief, for the Council.

## Gender

ITU worked with partners on the EQUALS initiative.

## Youth

The Generation Connect programme started in 2019.

## Accessibility

Guidelines on accessible meetings were published.
"""
# "Gender" and "Youth" lose their heading style; the text under "Youth" is edited too.
NEW = OLD.replace("## Gender", "Gender").replace("## Youth", "Youth").replace("in 2019", "in 2020")


@pytest.mark.parametrize("forward", [True, False], ids=["heading-to-paragraph", "paragraph-to-heading"])
def test_a_heading_set_as_a_paragraph_is_a_change_of_formatting(tmp_path: Path, forward: bool) -> None:
    (tmp_path / "old.md").write_text(OLD if forward else NEW, encoding="utf-8")
    (tmp_path / "new.md").write_text(NEW if forward else OLD, encoding="utf-8")
    result = compare(tmp_path / "old.md", tmp_path / "new.md", with_refs=False)
    where = "heading as a paragraph" if forward else "paragraph as a heading"
    assert [(c.kind, c.where, c.formatting_only, c.path) for c in result.changes] == [
        ("modified", where, True, ["Annual report"]),
        ("modified", where, True, ["Annual report"]),
        ("modified", None, False, ["Annual report"]),
    ]
    assert [c.new for c in result.changes[:2]] == ["Gender", "Youth"]
    edited = result.changes[2]
    assert (edited.old, edited.new) == (
        ("The Generation Connect programme started in 2019.", "The Generation Connect programme started in 2020.")
        if forward else
        ("The Generation Connect programme started in 2020.", "The Generation Connect programme started in 2019."))
    assert [c.kind for c in result.visible()] == ["modified"]  # formatting is hidden by default


def test_a_heading_that_went_is_still_a_removed_section(tmp_path: Path) -> None:
    """Only a heading whose text the other revision holds as a paragraph, before the same text,
    is read that way: a heading deleted with its text stays a removed section."""
    (tmp_path / "old.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.md").write_text(OLD.replace("## Youth\n\nThe Generation Connect programme started in 2019.\n\n", ""),
                                     encoding="utf-8")
    result = compare(tmp_path / "old.md", tmp_path / "new.md", with_refs=False)
    assert [(c.kind, c.target, c.path) for c in result.changes] == [("removed", "section", ["Annual report", "Youth"])]


def test_the_report_against_its_bold_normal_copy() -> None:
    """report-c20-35-bold.docx has the report's words with no heading styles: its 130 plain
    headings are bold paragraphs. A "Status of Implementation" heading after a table of
    resolution entries is a paragraph after that table, not after its last entry; the entries
    under such a heading, and "Target 5.1" under a "Progress achieved" heading, go where the
    copy's outline puts them (beside the entry before, under Goal 5). What is left to show is
    the header rows of tables the profile reads differently."""
    old, new = corpus_doc("report-c20-35.docx"), corpus_doc("report-c20-35-bold.docx")
    sections_before = [(s.id, len(s.blocks)) for s in old.sections]
    result = diff_documents(old, new)
    assert [(s.id, len(s.blocks)) for s in old.sections] == sections_before  # the inputs are not changed
    demoted = [c for c in result.changes if c.where == "heading as a paragraph"]
    assert len(demoted) >= 120 and all(c.formatting_only for c in demoted)
    assert {"Summary", "About ITU", "Year in review", "Gender", "Youth"} <= {c.new for c in demoted}
    shown = result.visible()
    assert len(shown) <= 4, len(shown)
    assert not [c for c in shown if c.target == "section"]  # none removed, added or moved
    assert not [c for c in shown if "Status of Implementation" in (c.old or "") + (c.new or "")]


def _not_broken_words(shown: list[Change]) -> list[tuple[str, str]]:
    """The changes that are not a word a narrow column broke in the PDF and that the PDF prints
    nowhere whole ("Ass ocia te"): (kind, text) of each."""
    def unspaced(text: str | None) -> str:
        return "".join((text or "").split())
    return [(c.kind, (c.old or c.new or "").strip(" |")) for c in shown
            if not (c.kind == "modified" and unspaced(c.old) == unspaced(c.new))]


def test_the_report_against_its_pdf_without_bookmarks(tmp_path: Path) -> None:
    """Without the bookmarks that name its headings (a PDF saved without them), the report's PDF
    still sets its upper headings larger than the body: those are headings by their size
    (pdf_outline.size_headings), as in the .docx. Its lower headings print as bold lines in the
    body size, which the profile takes for no heading: each is the .docx's heading set as a
    paragraph (a "Status of Implementation" after a table of resolution entries too), and no entry
    moved."""
    data = (CORPUS / "report-c20-35.pdf").read_bytes()
    assert data.count(b"/Outlines") == 1
    unmarked = tmp_path / "report-c20-35.pdf"
    unmarked.write_bytes(data.replace(b"/Outlines", b"/Outlinez"))
    pdf = load(unmarked)
    sized = [s.title for s in pdf.sections if s.signal == "heading-style"]
    assert {"Summary", "Action required", "Letter from the Secretary-General", "About ITU", "Year in review",
            "Gender Declaration", "Radiocommunications Assembly (RA-19)"} <= set(sized)
    result = diff_documents(corpus_doc("report-c20-35.docx"), pdf)
    demoted = [c.new for c in result.changes if c.where == "heading as a paragraph"]
    assert "Main outcomes of WRC-19" in demoted and "About ITU" not in demoted
    assert 60 <= len(demoted) <= 110  # 130 when only bold lines told headings
    shown = result.visible()
    assert not [c for c in shown if "Status of Implementation" in (c.old or "") + (c.new or "")]
    assert not [c.path[-1] for c in shown if c.kind == "moved"]
    # Left: a bold heading that fills its line, read as one paragraph with the line below it. The
    # paragraph of the section before it is told first (document order), the heading after it.
    target = "Status of measurement and achievement of Connect 2020 target"
    assert [(kind, text[:len(target)]) for kind, text in _not_broken_words(shown)] == [("added", target), ("removed", target)]


def test_the_report_against_its_pdf() -> None:
    """With its bookmarks the PDF has the .docx's headings: no heading is set as a paragraph, and
    what shows is only words a narrow column broke that the PDF prints nowhere whole, nor as a
    plural or singular ("Notification" / "s", "observatio" / "ns"). Numbers a narrow column broke
    ("26" / "3", "18," / "512" / ",90" / "0", "-" / "3.61%") read whole."""
    result = diff_documents(corpus_doc("report-c20-35.docx"), corpus_doc("report-c20-35.pdf"))
    assert not [c for c in result.changes if c.where in ("heading as a paragraph", "paragraph as a heading")]
    shown = result.visible()
    assert _not_broken_words(shown) == []
    assert len(shown) <= 4, [(c.kind, c.path[-1]) for c in shown]


def _styled_pair(tmp_path: Path) -> tuple[Path, Path]:
    """Two .docx of the same words: OLD with a "Heading 1" objective and a "List Bullet" item,
    NEW with the objective a bold Normal paragraph in 16 pt, the item in "Quote", and one word
    edited elsewhere."""
    from docx import Document as Docx
    from docx.shared import Pt

    paths = []
    for name, new in (("old.docx", False), ("new.docx", True)):
        doc = Docx()
        title = "Objective 2 – Modern and secure telecommunication/ICT infrastructure"
        if new:
            run = doc.add_paragraph().add_run(title)
            run.bold, run.font.size = True, Pt(16)
        else:
            doc.add_paragraph(title, style="Heading 1")
        doc.add_paragraph("Support to Member States in building resilient networks.", style="Quote" if new else "List Bullet")
        doc.add_paragraph("Assistance was given to 12 countries." if new else "Assistance was given to 10 countries.")
        doc.save(tmp_path / name)
        paths.append(tmp_path / name)
    return paths[0], paths[1]


def test_a_style_changed_on_kept_words_is_a_change_of_formatting(tmp_path: Path) -> None:
    """A heading style made bold Normal, and a paragraph's style changed, on the same words: each
    is one formatting-only change naming what changed, hidden by default and shown with --all,
    as the Word redline marks them with w:pPrChange."""
    from actionplan_trace.diff.ignore import NOTHING

    old, new = _styled_pair(tmp_path)
    everything = compare(old, new, with_refs=False, ignore=NOTHING)
    formatting = [(c.kind, c.target, c.where, c.differences) for c in everything.changes if c.formatting_only]
    heading_size = load(old).sections[0].heading_block
    assert heading_size is not None and heading_size.size is not None
    assert formatting == [
        ("renamed", "section", f"style Heading 1 made Normal, size {heading_size.size:g} pt made 16 pt", ("formatting",)),
        # the list's bullet went with the style: numbering too
        ("modified", "block", "paragraph: style List Bullet made Quote", ("formatting", "numbering")),
    ]
    restyled = everything.changes[0]
    assert restyled.old == restyled.new == "Objective 2 – Modern and secure telecommunication/ICT infrastructure"
    shown = compare(old, new, with_refs=False).visible()
    assert [(c.kind, c.old, c.new) for c in shown] == [
        ("modified", "Assistance was given to 10 countries.", "Assistance was given to 12 countries.")]


def test_the_text_report_names_a_restyled_heading(tmp_path: Path) -> None:
    from conftest import run_cli

    old, new = _styled_pair(tmp_path)
    out = run_cli("diff", str(old), str(new), "--all", "--color", "never").stdout
    assert "restyled heading: style Heading 1 made Normal" in out
    assert "modified paragraph: style List Bullet made Quote  (formatting and numbering only" in out
    default = run_cli("diff", str(old), str(new), "--color", "never").stdout
    assert "restyled" not in default and "2 more not shown (differ only in numbering, formatting)" in default


def test_a_pdf_or_text_revision_has_no_styles_to_compare() -> None:
    """Styles are compared only between .docx revisions: the plan against its own PDF shows no
    restyled heading or paragraph, whatever fonts the PDF was drawn in."""
    from actionplan_trace.diff.ignore import NOTHING

    result = compare(CORPUS / "objective2-old.docx", CORPUS / "objective2-old.pdf", with_refs=False, ignore=NOTHING)
    assert not [c for c in result.changes if c.where and "style" in c.where]


BROADBAND = "output-2.1/area-broadband-networks-wired-and"
BROADBAND_LABEL = "Broadband networks: Wired and wireless technologies, including IMT"


def _heading_over_kept_text(tmp_path: Path) -> tuple[Path, Path]:
    """objective2-old.docx, and a copy of it without the area heading "Rural communications":
    its 5 paragraphs and bullets stay in place and now belong to the area before it."""
    from docx_edit import DocxEditor, text

    editor = DocxEditor.open(CORPUS / "objective2-old.docx")
    heading = next(p for p in editor.paragraphs() if text(p).strip() == "Rural communications")
    heading.getparent().remove(heading)
    return CORPUS / "objective2-old.docx", editor.save(tmp_path / "no-heading.docx")


@pytest.mark.parametrize("forward", [True, False], ids=["heading-deleted", "heading-inserted"])
def test_a_heading_deleted_or_inserted_over_kept_text_is_the_heading_alone(tmp_path: Path, forward: bool) -> None:
    """Deleting a heading (or inserting one) over text that stays changes the heading only, as
    the Word redline marks it: one section removed (added) with its heading alone, its text
    compared where it now is, not the area's 133 words deleted and added again."""
    with_heading, without = _heading_over_kept_text(tmp_path)
    old, new = (with_heading, without) if forward else (without, with_heading)
    result = compare(old, new, with_refs=False)
    rural = "output-2.1/area-rural-communications"
    assert [(c.kind, c.target, c.section_old, c.section_new, c.old, c.new, c.at_old, c.at_new, c.where)
            for c in result.changes] == [
        ("removed", "section", rural, None, "Rural communications", None, "paragraph 28", None,
         f"its text kept in {BROADBAND_LABEL}") if forward else
        ("added", "section", None, rural, None, "Rural communications", None, "paragraph 28",
         f"its text was in {BROADBAND_LABEL}")]
    words = result.summary()["words"]
    assert (words["inserted"], words["deleted"]) == ((0, 2) if forward else (2, 0))


def test_the_text_report_names_the_heading_alone(tmp_path: Path) -> None:
    from conftest import run_cli

    old, new = _heading_over_kept_text(tmp_path)
    out = run_cli("diff", str(old), str(new), "--color", "never").stdout
    assert f"removed heading, its text kept in {BROADBAND_LABEL}  (paragraph 28)" in out
    assert "[-Rural communications-]" in out and "added" not in out

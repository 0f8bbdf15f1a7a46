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


def _regions(path: Path, columns: int = 2, blanks: int = 0) -> Path:
    """An output's Region table (Region | Regional initiatives, and with `columns` 3 a Status
    column), after a paragraph that `blanks` empty paragraphs follow."""
    document = docx.Document()
    document.add_heading("Output 2.1 – Products and services on telecommunication/ICT infrastructure", level=2)
    document.add_paragraph("Relevant regional initiatives:")
    for _ in range(blanks):
        document.add_paragraph("")
    rows = [("Region", "Regional initiatives", "Status"), ("AFR Region", "AFR1, AFR3", "ongoing"),
            ("ASP Region", "ASP2", "completed")]
    table = document.add_table(rows=len(rows), cols=columns)
    for tr, row in zip(table.rows, rows):
        for tc, text in zip(tr.cells, row):
            tc.text = text
    document.add_paragraph(INTRO)
    document.save(str(path))
    return path


def test_reject_all_of_the_default_redline_gives_old_blank_paragraphs_and_columns(tmp_path: Path) -> None:
    """The default redline left blank paragraphs NEW added unmarked (a formatting difference the
    report hides), and marked only the words of a column NEW added: Reject All kept the blank
    paragraphs and an empty column. Both are marked now, whatever the switches: each blank
    paragraph's mark inserted, each new cell `w:cellIns`, with OLD's grid as a `w:tblGridChange`."""
    from redline_oracle import make_redline, part

    from actionplan_trace.extract.docx import read_docx

    old = _regions(tmp_path / "old.docx")
    new = _regions(tmp_path / "new.docx", columns=3, blanks=2)
    out = tmp_path / "redline.docx"
    data, _ = make_redline(old, new, out)
    body = part(data, "word/document.xml")
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert len(body.findall(f".//{w}tc/{w}tcPr/{w}cellIns")) == 3
    assert [col.get(f"{w}w") for col in body.find(f".//{w}tblGrid/{w}tblGridChange/{w}tblGrid")] == \
        [col.get(f"{w}w") for col in part(old.read_bytes(), "word/document.xml").find(f".//{w}tblGrid")]
    blank_marks = [p for p in body.iter(f"{w}p") if not "".join(p.itertext()).strip()
                   and p.find(f"{w}pPr/{w}rPr/{w}ins") is not None]
    assert len(blank_marks) == 2
    original, before = read_docx(out, view="original"), read_docx(old)
    assert [(b.text, b.blanks) for b in original.blocks] == [(b.text, b.blanks) for b in before.blocks]


def test_a_heading_list_number_changed_alone_is_renumbered_and_a_split_is_formatting(tmp_path: Path) -> None:
    """objective2-old's sub-headings are numbered by a Word list that each output restarts at 1; a
    copy whose restarts begin at 2 ("1. Background" made "2. Background", words the same) was, with
    --all, nine `renamed` changes of numbering, counting 9 words deleted and 9 inserted. They are
    the `renumbered` heading numbers the schema means, no words counted. A paragraph split in two
    with the same words was `numbering` and `formatting`, and hidden it counted twice in
    `hidden_by`: it is formatting, and `hidden_by` adds up to `hidden`."""
    from conftest import CORPUS

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    restarted = docx.Document(str(CORPUS / "objective2-old.docx"))
    for num in restarted.part.numbering_part.element.findall(f"{w}num"):
        if num.find(f"{w}abstractNumId").get(f"{w}val") == "2":
            for start in num.iter(f"{w}startOverride"):
                start.set(f"{w}val", "2")
    restarted.save(str(tmp_path / "restarted.docx"))
    result = compare(CORPUS / "objective2-old.docx", tmp_path / "restarted.docx")
    assert result.visible() == []
    shown = to_dict(result, all_changes=True)
    assert {(c["kind"], c["old"], c["new"], c["words"] and str(c["words"]), tuple(c["differences"]))
            for c in shown["changes"]} == {
        ("renumbered", "1.", "2.", None, ("numbering",)), ("renumbered", "2.", "3.", None, ("numbering",)),
        ("renumbered", "3.", "4.", None, ("numbering",))}
    assert shown["summary"]["renumbered"] == 9 and shown["summary"]["renamed"] == 0
    assert shown["summary"]["words"] == {"inserted": 0, "deleted": 0, "moved": 0}

    old = _plan(tmp_path / "old.docx")
    split = tmp_path / "new.docx"
    document = docx.Document(str(old))
    paragraph = document.paragraphs[2]
    first, rest = INTRO.split(" for ", 1)
    paragraph.text = first
    paragraph._p.addnext(docx.Document().add_paragraph("for " + rest)._p)
    document.save(str(split))
    result = compare(old, split)
    summary = to_dict(result)["summary"]
    assert summary["hidden"] == 1 and summary["hidden_by"] == {"formatting": 1}
    assert [(c.where, c.differences) for c in result.visible(all_changes=True)] == [("paragraph split in 2", ("formatting",))]
    # the Strategic Plan against its PDF: 68 hidden, where hidden_by added up to 108
    summary = to_dict(compare(CORPUS / "strategic-plan-2012.docx", CORPUS / "strategic-plan-2012.pdf"))["summary"]
    assert sum(summary["hidden_by"].values()) == summary["hidden"] == 68


def _region_column(path: Path, filled: str) -> Path:
    """An output's one-column Region table whose row after "ARB Region" holds `filled` (or is empty)."""
    document = docx.Document()
    document.add_heading("Output 2.1 – Products and services on telecommunication/ICT infrastructure", level=2)
    document.add_heading("Relevant regional initiatives", level=3)
    rows = ["Region", "AFR Region", "AMS Region", "ARB Region", filled, "ASP Region"]
    table = document.add_table(rows=len(rows), cols=1)
    for tr, text in zip(table.rows, rows):
        tr.cells[0].text = text
    document.add_paragraph(INTRO)
    document.save(str(path))
    return path


def test_an_empty_cell_filled_is_one_cell_changed(tmp_path: Path) -> None:
    """The empty row under "ARB Region" filled in was, with --all, a blank row removed (formatting)
    and a row added at the same place: it is that cell changed, one change at the row."""
    old = _region_column(tmp_path / "old.docx", "")
    new = _region_column(tmp_path / "new.docx", "ARB1: Emergency telecommunications")
    for all_changes in (False, True):
        shown = to_dict(compare(old, new), all_changes=all_changes)["changes"]
        assert [(c["kind"], c["old"], c["new"], c["at"]["old"], c["words"]) for c in shown] == [
            ("modified", "", "ARB1: Emergency telecommunications", "paragraph 3, table row 5",
             [["+", "ARB1: Emergency telecommunications"]])]


def test_a_matrix_cell_moved_to_another_column_is_named_as_a_cell(tmp_path: Path) -> None:
    """The "X" of ITU-R Table 4.1's row "ITU-R publications" moved from the Objective 4 column to
    Objective 3 read "removed Objective 4 column" and "added Objective 3 column", as if whole
    columns had gone and come: each is a cell of its column."""
    from conftest import CORPUS

    from actionplan_trace.render.diff_text import to_text

    document = docx.Document(str(CORPUS / "strategic-plan-2012.docx"))
    table = next(t for t in document.tables if any(c.text == "Objective 4" for c in t.rows[0].cells)
                 and any(r.cells[0].text == "ITU-R publications" for r in t.rows))
    header = [c.text for c in table.rows[0].cells]
    row = next(r for r in table.rows if r.cells[0].text == "ITU-R publications")
    assert row.cells[header.index("Objective 4")].text == "X" and not row.cells[header.index("Objective 3")].text
    row.cells[header.index("Objective 4")].text = ""
    row.cells[header.index("Objective 3")].text = "X"
    document.save(str(tmp_path / "moved.docx"))
    result = compare(CORPUS / "strategic-plan-2012.docx", tmp_path / "moved.docx")
    assert [(c.kind, c.where) for c in result.visible()] == [
        ("removed", "cell in “Objective 4” column"), ("added", "cell in “Objective 3” column")]
    assert "removed cell in “Objective 4” column" in to_text(result)


def test_accept_all_of_the_redline_keeps_a_soft_hyphen_word_typed(tmp_path: Path) -> None:
    """Word writes an optional hyphen as `w:softHyphen` between two `w:t`. The redline compared a
    run's words without it and wrote the inserted word without it, so Accept All lost the
    author's hyphen. The word with its hyphen is another word now, inserted with its
    `w:softHyphen`: Accept All gives NEW as typed, Reject All OLD."""
    from lxml import etree
    from redline_oracle import make_redline, part

    from actionplan_trace.extract.docx import read_docx

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    old = _plan(tmp_path / "old.docx")
    new = _plan(tmp_path / "new.docx")
    document = docx.Document(str(new))
    run = next(r for p in document.paragraphs if p.text == RURAL for r in p.runs)
    head, tail = RURAL.split("provided")
    run.text = head + "pro"
    run._r.append(etree.Element(f"{w}softHyphen"))
    rest = etree.SubElement(run._r, f"{w}t")
    rest.text = "vided" + tail
    document.save(str(new))

    out = tmp_path / "redline.docx"
    data, _ = make_redline(old, new, out)
    inserted = part(data, "word/document.xml").findall(f".//{w}ins/{w}r/{w}softHyphen")
    assert len(inserted) == 1

    def typed(path: Path, view: str = "accepted") -> list[str]:
        return [block.typed or block.text for block in read_docx(path, view=view).blocks]

    assert typed(out) == typed(new)
    assert RURAL.replace("provided", f"pro{SOFT_HYPHEN}vided") in typed(out)
    assert typed(out, view="original") == typed(old)

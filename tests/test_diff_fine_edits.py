"""Word-level reports a review found too coarse: a one-word edit in a table cell of several
paragraphs read as a removed and an added paragraph, an ignored kind of difference (bullet glyph,
curly quote, white space) marked inside a run of real edits, and a tab-separated contents list
placed as table rows."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import CORPUS
from docxgen import Style, write_docx
from outline import PLAN, outline

from actionplan_trace.diff import compare
from actionplan_trace.diff.ignore import DEFAULT_IGNORE, kept_when_ignored
from actionplan_trace.render.diff_html import to_html
from actionplan_trace.render.diff_json import to_dict
from actionplan_trace.render.diff_md import to_markdown
from actionplan_trace.render.diff_text import to_text

INDICATORS = "    [indicators] Number of Guidelines, Handbooks and publications finalized\n"
YEARS = INDICATORS + "    [indicators] Target year:\n    [indicators] 2020\n    [indicators] Number of experts trained\n"


def _restyle_cell(path: Path, style: str | None, prefix: str) -> None:
    """Every paragraph of the indicators cell in `style` (a list style draws a bullet) or typed with
    `prefix` ("–\\t"), as other editors write a cell's list."""
    document = docx.Document(str(path))
    cell = document.tables[0].rows[1].cells[1]
    for paragraph in cell.paragraphs:
        if style is not None:
            paragraph.style = document.styles[style]
        if prefix:
            paragraph.runs[0].text = prefix + paragraph.runs[0].text
    document.save(str(path))


def _edit_run(old: Path, new: Path, before: str, after: str) -> None:
    """`new`: `old` with the one run of table text `before` made `after`, as an editor changes it."""
    document = docx.Document(str(old))
    runs = [r for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs
            if before in r.text]
    assert len(runs) == 1
    runs[0].text = runs[0].text.replace(before, after)
    document.save(str(new))


@pytest.mark.parametrize(("style", "cell_style", "prefix", "label"), [
    (Style(), None, "", ""),
    (Style(headings="bold", numbering="auto", bullets="auto", font="Arial"), "List Bullet", "", ""),
    (Style(numbering="auto", font="Times New Roman"), None, "–\t", "–\t"),
])
def test_a_one_word_paragraph_edited_in_a_cell_of_several_is_that_word_changed(
        tmp_path: Path, style: Style, cell_style: str | None, prefix: str, label: str) -> None:
    """An indicators cell of four paragraphs whose "2020" became "2030": the review saw the
    paragraph removed and another added (word similarity of one word to another is 0, and only
    the one paragraph of a column was paired whatever its words). It is that word changed, in
    JSON, the terminal and Markdown, whatever the cell's paragraphs look like."""
    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    write_docx(outline(PLAN.replace(INDICATORS, YEARS)), old, style)
    _restyle_cell(old, cell_style, prefix)
    _edit_run(old, new, "2020", "2030")
    result = compare(old, new)
    changes = to_dict(result)["changes"]
    assert [(c["kind"], c["section"]["old"], c["section"]["new"], c["words"]) for c in changes] == [
        ("modified", "outcome-2.1", "outcome-2.1", ([["=", label]] if label else []) + [["-", "2020"], ["+", "2030"]])]
    assert changes[0]["at"] == {"old": "paragraph 2, table row 2", "new": "paragraph 2, table row 2"}
    text = to_text(result)
    assert "[-2020-]{+2030+}" in text and "removed" not in text and "added" not in text
    assert "<del>2020</del><ins>2030</ins>" in to_markdown(result)
    assert result.summary()["words"] == {"inserted": 1, "deleted": 1, "moved": 0}


@pytest.mark.parametrize("edit", [("2020", "2030"), ("2016-2019", "2016-2021")])
def test_a_one_word_item_edited_in_a_cell_of_a_text_rendering_is_that_word_changed(
        tmp_path: Path, edit: tuple[str, str]) -> None:
    """Word's Save-as-text writes the outcome table's cells as tab-led lines, a cell's list as
    "-<TAB>item" lines: a one-word item edited is a modified item of the indicators column."""
    body = (CORPUS / "text" / "objective2-new.txt").read_text(encoding="utf-8")
    anchor = "-\tNumber of CIRT that BDT has contributed to establish \n"
    assert body.count(anchor) == 1
    text = body.replace(anchor, f"{anchor}-\tBy the end of the period\n-\t{edit[0]}\n")
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace(f"-\t{edit[0]}\n", f"-\t{edit[1]}\n"), encoding="utf-8")
    result = compare(old, new)
    assert [(c.kind, c.section_new, c.where, c.at_new, c.words) for c in result.visible()] == [
        ("modified", "outcome-2.2", "bullet in “Performance indicators” column", "paragraph 2, table row 3",
         [("=", "-\t"), ("-", edit[0]), ("+", edit[1])])]
    assert f"[-{edit[0]}-]{{+{edit[1]}+}}" in to_text(result)


@pytest.mark.parametrize(("after", "expected"), [
    ("-\t2021\n", [("modified", [("=", "-\t"), ("-", "2020"), ("+", "2021")]), ("removed", [("-", "-\tTBD")])]),
    ("-\tTBD\n-\tPending\n", [("removed", [("-", "-\t2020")]), ("added", [("-", None)])]),
    ("-\tPending\n", [("removed", [("-", "-\t2020")]), ("modified", [("=", "-\t"), ("-", "TBD"), ("+", "Pending")])]),
], ids=["number-for-number", "word-kept-in-place", "word-for-word"])
def test_one_word_items_pair_like_with_like(tmp_path: Path, after: str, expected) -> None:
    """Of two one-word items, a number is paired with a number and a word with a word, the closer
    in spelling first (a review found "2020", "TBD" made "2021" read as TBD made 2021 and 2020
    removed); a number made a word is removed and added."""
    body = (CORPUS / "text" / "objective2-new.txt").read_text(encoding="utf-8")
    anchor = "-\tNumber of CIRT that BDT has contributed to establish \n"
    text = body.replace(anchor, f"{anchor}-\t2020\n-\tTBD\n")
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("-\t2020\n-\tTBD\n", after), encoding="utf-8")
    got = [(c.kind, c.words if c.kind == "modified" else [("-", c.old)]) for c in compare(old, new).visible()]
    assert got == expected


ITEM_OLD = "providing assistance to Member States on the “smart” cities programme for 2020–2023;"
ITEM_NEW = 'provide assistance to Member States on the "smart" villages programme for 2020-2023;'
ITEM_WORDS = [("=", "-\t"), ("-", "providing"), ("+", "provide"),
              ("=", ' assistance to Member States on the "smart" '), ("-", "cities"), ("+", "villages"),
              ("=", " programme for 2020-2023;")]
OTHER = "disseminating information and analyses of the latest technologies."


def _plan_docx(path: Path, items: list[str], bullets: str) -> Path:
    """A short plan whose list is Word's bullets ("auto") or typed "-<TAB>" ones."""
    document = docx.Document()
    document.add_paragraph("Strategic plan for the Union")
    document.add_heading("1 Introduction", 1)
    document.add_paragraph("Activities will be focused on:")
    for item in items:
        if bullets == "auto":
            document.add_paragraph(item, style="List Bullet")
        else:
            document.add_paragraph("-\t" + item)
    document.add_heading("2 The changing environment", 1)
    document.add_paragraph("The Union needs a strong and effective strategic plan.")
    document.save(str(path))
    return path


def _plan_text(path: Path, items: list[str], bullet: str) -> Path:
    lines = ["Strategic plan for the Union", "", "1 Introduction", "", "Activities will be focused on:", ""]
    lines += [f"{bullet}\t{item}" for item in items]
    lines += ["", "2 The changing environment", "", "The Union needs a strong and effective strategic plan.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("pair", ["docx", "txt", "docx-txt"])
def test_an_ignored_kind_inside_a_run_of_real_edits_reads_as_kept_text(tmp_path: Path, pair: str) -> None:
    """A Word list item (curly quotes, en dash, "•" bullet) retyped with "-" bullets and straight
    quotes, two words changed beside the bullet and the quote: the bullet and the quote were marked
    with the words ("[-•\\tproviding-]{+-\\tprovide+}", "[-” cities-]{+\\" villages+}") though the
    report hides those kinds everywhere else. They read as kept text; the words stay marked."""
    if pair == "docx":
        old, new = _plan_docx(tmp_path / "old.docx", [ITEM_OLD, OTHER], "auto"), _plan_docx(
            tmp_path / "new.docx", [ITEM_NEW, OTHER], "typed")
    elif pair == "txt":
        old, new = _plan_text(tmp_path / "old.txt", [ITEM_OLD, OTHER], "•"), _plan_text(
            tmp_path / "new.txt", [ITEM_NEW, OTHER], "-")
    else:
        old, new = _plan_docx(tmp_path / "old.docx", [ITEM_OLD, OTHER], "auto"), _plan_text(
            tmp_path / "new.txt", [ITEM_NEW, OTHER], "-")
    result = compare(old, new)
    shown = to_dict(result)["changes"]
    assert [(c["kind"], c["section"]["new"], c["words"]) for c in shown] == [
        ("modified", "clause-1", [list(op) for op in ITEM_WORDS])]
    assert result.summary()["words"] == {"inserted": 2, "deleted": 2, "moved": 0}
    # between two .docx the other item's style went with its list (List Bullet, Normal): formatting
    # too, and the one hidden change is counted once, under numbering
    assert result.summary()["hidden_by"] == {"numbering": 1}
    assert ('- [-providing-]{+provide+} assistance to Member States on the "smart" [-cities-]{+villages+} '
            "programme for 2020-2023;") in to_text(result)
    md = to_markdown(result)
    assert '<del>providing</del><ins>provide</ins> assistance to Member States on the "smart" <del>cities</del>' in md
    assert "<del>•" not in md and "<del>”" not in md
    html = to_html(result)
    assert ('<div class="text">- <del>providing</del><ins>provide</ins> assistance to Member States on the '
            '&quot;smart&quot; <del>cities</del><ins>villages</ins> programme for 2020-2023;</div>') in html
    # Side by side, each column is its revision's own text, the bullet and quotes unmarked.
    assert ('<span class="label">old</span>• <del>providing</del> assistance to Member States on the “smart” '
            "<del>cities</del> programme for 2020–2023;</div>") in html
    # --all marks every difference again; without the numbering switch the bullet is marked with
    # the word beside it, and the quote still reads as kept.
    every = to_dict(result, all_changes=True)["changes"]
    assert [op for c in every for op in c["words"] if op[0] == "-"][:1] == [["-", "•\tproviding"]]
    numbered = compare(old, new, ignore=frozenset({"space", "formatting"})).visible()
    assert numbered[0].words == [("-", "•\tproviding"), ("+", "-\tprovide"), *ITEM_WORDS[3:]]


@pytest.mark.parametrize(("ops", "kept"), [
    # A bullet beside a changed first word, dropped or changed for another glyph: kept.
    ([("-", "•\tproviding"), ("+", "-\tprovide"), ("=", " assistance")],
     [("=", "-\t"), ("-", "providing"), ("+", "provide"), ("=", " assistance")]),
    ([("-", "•\tproviding"), ("+", "provide"), ("=", " assistance")],
     [("-", "providing"), ("+", "provide"), ("=", " assistance")]),
    # A curly quote, a dash between words, white space inside the run: kept.
    ([("=", "the “smart"), ("-", "” cities"), ("+", '" villages'), ("=", " programme")],
     [("=", "the “smart\" "), ("-", "cities"), ("+", "villages"), ("=", " programme")]),
    ([("-", "Develop – cities"), ("+", "Establish - villages"), ("=", " and towns")],
     [("-", "Develop"), ("+", "Establish"), ("=", " - "), ("-", "cities"), ("+", "villages"), ("=", " and towns")]),
    ([("=", "Number of "), ("-", "CIRT\u00a0 "), ("+", "CIRTs "), ("=", "established")],
     [("=", "Number of "), ("-", "CIRT"), ("+", "CIRTs"), ("=", " established")]),
    ([("-", "ITU’s new"), ("+", "ITU's revised"), ("=", " plan")],
     [("=", "ITU's "), ("-", "new"), ("+", "revised"), ("=", " plan")]),
    # A letter or digit is never kept: a figure beside the bullet, a changed year inside one token
    # that also changed its dash, a list number that changed with its words.
    ([("-", "•\t1.5"), ("+", "-\t2.9"), ("=", " billion")],
     [("=", "-\t"), ("-", "1.5"), ("+", "2.9"), ("=", " billion")]),
    ([("=", "for "), ("-", "2020–2023"), ("+", "2020-2025"), ("=", " only")], None),
    ([("-", "2.2 - Building"), ("+", "2.3 – Strengthening"), ("=", " confidence")],
     [("-", "2.2"), ("+", "2.3"), ("=", " – "), ("-", "Building"), ("+", "Strengthening"), ("=", " confidence")]),
    # Punctuation is not ignored by default: a bracket dropped beside a changed word stays marked.
    ([("=", "the "), ("-", "(cities"), ("+", "villages"), ("=", ") programme")], None),
])
def test_an_edit_of_an_ignored_kind_inside_a_run_is_judged_on_its_own(
        ops: list[tuple[str, str]], kept: list[tuple[str, str]] | None) -> None:
    """Which parts of a run of edits read as kept text under the default switches, and none with
    every kind shown."""
    assert kept_when_ignored(ops, DEFAULT_IGNORE) == (kept if kept is not None else ops)
    assert kept_when_ignored(ops, frozenset()) == ops
    if kept is not None:  # the old side's view keeps the old side's text
        old_view = kept_when_ignored(ops, DEFAULT_IGNORE, "-")
        assert "".join(t for op, t in old_view if op != "+") == "".join(t for op, t in ops if op != "+")


TABBED = ("Contents\n\nObjective 2 – Modern and secure telecommunication/ICT Infrastructure\t1\n"
          "Output 2.1 – Products and services on telecommunication/ICT infrastructure\t2\n"
          "Output 2.2 – Products and services on building confidence and security\t5\n"
          "Output 2.3 – Products and services on disaster risk reduction\t8\n\n")


@pytest.mark.parametrize(("suffix", "leader"), [(".txt", ""), (".md", ""), (".txt", " ....."), (".md", "....")])
def test_a_tab_separated_contents_entry_is_placed_as_a_paragraph(tmp_path: Path, suffix: str, leader: str) -> None:
    """Word's Save-as-text contents list ("Title<TAB>page", with or without dot leaders) is read
    as a table and then as contents entries; a changed page was placed "paragraph 2, table row 3",
    a place no such table has for a reader. An entry is placed at its paragraph, as contents
    entries of the other forms are, in JSON, the terminal and Markdown."""
    body = (CORPUS / "text" / "objective2-new.txt").read_text(encoding="utf-8")
    contents = TABBED.replace("\t", leader + "\t")
    old, new = tmp_path / f"old{suffix}", tmp_path / f"new{suffix}"
    old.write_text(contents + body, encoding="utf-8")
    new.write_text(contents.replace("\t5\n", "\t6\n") + body, encoding="utf-8")
    result = compare(old, new)
    changes = to_dict(result)["changes"]
    assert [(c["kind"], c["section"]["new"], c["at"], c["words"][-2:]) for c in changes] == [
        ("modified", "front", {"old": "paragraph 2", "new": "paragraph 2"}, [["-", "5"], ["+", "6"]])]
    text, md = to_text(result), to_markdown(result)
    assert "modified contents entry  (paragraph 2)" in text and "table row" not in text
    assert "**modified contents entry** (paragraph 2)" in md and "table row" not in md


def test_a_word_contents_table_keeps_its_rows_places(tmp_path: Path) -> None:
    """A contents list set as a two-column Word table: each changed page number is placed at its
    own row (a review found the text-rendering fix placing every entry at "paragraph 3")."""
    def build(path: Path, pages: list[int]) -> Path:
        document = docx.Document()
        document.add_paragraph("Buenos Aires Action Plan")
        document.add_paragraph("Contents")
        table = document.add_table(rows=0, cols=2)
        titles = ["Objective 1 – Enabling environment", "Output 1.1 – Policy and regulation",
                  "Objective 2 – Infrastructure", "Output 2.1 – Networks"]
        for title, page in zip(titles, pages):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = title, str(page)
        for level, title in zip((1, 2, 1, 2), titles):
            document.add_heading(title, level)
            document.add_paragraph(f"Text of {title.split(' – ')[0]}.")
        document.save(str(path))
        return path

    result = compare(build(tmp_path / "old.docx", [3, 4, 5, 6]), build(tmp_path / "new.docx", [3, 5, 6, 7]))
    assert [c.at_new for c in result.visible()] == [f"paragraph 3, table row {n}" for n in (2, 3, 4)]


@pytest.mark.parametrize("bullet", ["•\t", "- ", "–\t"])
def test_a_figure_after_a_bullet_is_no_list_number(tmp_path: Path, bullet: str) -> None:
    """"•<TAB>1.5 billion people" made "2.9 billion": the number is the item's text after its
    bullet, a figure a reader must see; the numbering switch hid the whole change (a review)."""
    body = (CORPUS / "text" / "objective2-new.txt").read_text(encoding="utf-8")
    anchor = "-\tNumber of CIRT that BDT has contributed to establish \n"
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(body.replace(anchor, f"{anchor}{bullet}1.5 billion people connected\n"), encoding="utf-8")
    new.write_text(body.replace(anchor, f"{anchor}{bullet}2.9 billion people connected\n"), encoding="utf-8")
    changes = compare(old, new).visible()
    assert [(c.kind, [op for op in c.words if op[0] != "="]) for c in changes] == [
        ("modified", [("-", "1.5"), ("+", "2.9")])]

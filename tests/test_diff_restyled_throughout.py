"""A formatting change another producer made throughout a document is told once, not on each edit.

A black-box review saved a revision of the plan through LibreOffice, which set every "Normal"
paragraph in "Body Text" at 12 pt (and "List Bullet" in "Body Text"). Formatting alone is hidden
by default, yet the one real edit was labelled `modified paragraph: style Normal made Body Text,
size 11 pt made 12 pt`: every changed paragraph of such a revision carried the producer's
restyle. Now a change whose words changed names no formatting when formatting is ignored; shown
(`--all`), it names its own but those made throughout the document, which the summary tells
once (`summary.throughout`). A change of formatting alone, and a local one beside an edit of
words, are reported as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import docx
import pytest
from docx.shared import Pt
from docx_edit import set_text
from docxgen import Style, write_docx
from outline import outline

from actionplan_trace.diff import DiffResult, compare
from actionplan_trace.diff.ignore import DEFAULT_IGNORE
from actionplan_trace.render.diff_html import to_html
from actionplan_trace.render.diff_json import to_dict
from actionplan_trace.render.diff_md import to_markdown
from actionplan_trace.render.diff_text import to_text

PLAN = """
@objective 2 | Modern and secure telecommunication/ICT infrastructure
  @output 2.1 | Products and services on telecommunication/ICT infrastructure
    @background | Background
      The ICT sector is characterized by rapid technological change and by convergence of platforms.
      Rural and remote areas continue to lag behind in terms of access to ICT services.
      Broadband networks are the basis of the digital economy in every region.
    @implementation-framework | Implementation framework
      Main areas of work include the following activities of the Bureau:
      - assist Member States in developing national broadband plans;
      - provide assistance on spectrum management and monitoring;
      - support the deployment of internet exchange points in developing countries.
      Regional partners and Sector Members contribute to this work.
  @output 2.2 | Building confidence and security in the use of ICTs
    @background | Background
      Cybersecurity remains a high priority for Member States and their regulators.
      National computer incident response teams need support to be established.
"""
EDITED = "The ICT sector is characterized by rapid technological change and by convergence of platforms."
EDIT = EDITED.replace("rapid", "rapid and continuous")
OLD_SIZE = 10.5


def _body(document: Any) -> list[Any]:
    """The body paragraphs in "Normal" and the items in "List Bullet" (not headings, nor items
    typed with their bullet)."""
    return [p for p in document.paragraphs
            if p.style.name in ("Normal", "List Bullet") and p.text and not p.text.startswith("•")]


def _restyled(old: Path, new: Path, change: Callable[[Any], None], edit: bool = True) -> Path:
    """`new`: `old` changed by `change` (the producer's restyle) and, with `edit`, two words added
    to EDITED, as an editor types them."""
    document = docx.Document(str(old))
    change(document)
    if edit:
        (paragraph,) = [p for p in document.paragraphs if p.text == EDITED]
        set_text(paragraph._p, EDIT)
    document.save(str(new))
    return new


def _body_text(document: Any, every: bool = True) -> None:
    """Every "Normal" body paragraph in "Body Text" (else the first three, EDITED among them)."""
    for paragraph in _body(document)[:None if every else 3]:
        paragraph.style = document.styles["Body Text"]


def _size(document: Any) -> None:
    """"Normal" set in 12 pt: every paragraph that inherits its size."""
    document.styles["Normal"].font.size = Pt(12)


def _font(document: Any) -> None:
    """"Normal" in another font: no style, bold or size changed."""
    document.styles["Normal"].font.name = "Arial"


def _style_and_size(document: Any) -> None:
    _body_text(document)
    _size(document)


def _some(document: Any) -> None:
    _body_text(document, every=False)


def _pair(tmp_path: Path, style: Style, change: Callable[[Any], None], edit: bool = True) -> tuple[Path, Path]:
    """PLAN written in `style`, "Normal" in OLD_SIZE points, and that revision `_restyled`."""
    old = write_docx(outline(PLAN), tmp_path / "old.docx", style)
    document = docx.Document(str(old))
    document.styles["Normal"].font.size = Pt(OLD_SIZE)
    document.save(str(old))
    return old, _restyled(old, tmp_path / "new.docx", change, edit)


def _labels(result: DiffResult, all_changes: bool) -> list[tuple[str, str | None, str | None, bool]]:
    """(kind, where, new text, formatting only) of each change a report shows."""
    return [(c.kind, c.where, c.new, c.formatting_only) for c in result.visible(all_changes)]


STYLE = "style Normal made Body Text"
SIZE = f"size {OLD_SIZE:g} pt made 12 pt"


@pytest.mark.parametrize(("style", "change", "throughout", "restyled", "told"), [
    # the seven body paragraphs; the three bullets and six Heading paragraphs keep their style
    (Style(), _body_text, [("style", "Normal", "Body Text", 7)], STYLE, f"{STYLE} (7 paragraphs)"),
    # the ten paragraphs and bullets; the headings, bold Normal paragraphs, have sizes of their own
    (Style(headings="bold", font="Arial"), _size, [("size", OLD_SIZE, 12.0, 10)], SIZE, f"{SIZE} (10 paragraphs)"),
    # ... and the three "Heading 3", which take their size from "Normal"; the list's items in
    # "List Bullet" made "Body Text" too
    (Style(bullets="auto", font="Times New Roman"), _style_and_size,
     [("style", "Normal", "Body Text", 7), ("style", "List Bullet", "Body Text", 3), ("size", OLD_SIZE, 12.0, 13)],
     f"{STYLE}, {SIZE}", f"style List Bullet and Normal made Body Text (10 paragraphs), {SIZE} (13 paragraphs)"),
], ids=["style", "size", "style-and-size"])
def test_a_restyle_of_the_whole_document_is_told_once(
        tmp_path: Path, style: Style, change: Callable[[Any], None], throughout: list[tuple[Any, ...]],
        restyled: str, told: str) -> None:
    """The restyle of every body paragraph, with one edit of words: the edit is the one change
    shown, named with no formatting by default and with none made throughout with `--all`; the
    summary names each change of formatting made throughout once, with the paragraphs it is on."""
    old, new = _pair(tmp_path, style, change)
    result = compare(old, new)
    assert _labels(result, False) == [("modified", "paragraph", EDIT, False)]
    summary = to_dict(result)["summary"]
    assert [tuple(part.values()) for part in summary["throughout"]] == throughout
    every = result.visible(all_changes=True)
    assert [(c.kind, c.where) for c in every if not c.formatting_only] == [("modified", "paragraph")]
    # each paragraph restyled and nothing else still is a change of formatting of its own, named in full
    alone = [c.where or "" for c in every if c.formatting_only]
    assert f"paragraph: {restyled}" in alone
    named = {f"{what} {a} made {b}" if what == "style" else SIZE for what, a, b, _ in throughout}
    assert all(set(where.split(": ")[-1].split(", ")) <= named for where in alone), alone
    assert summary["hidden"] == len(alone)
    text = to_text(result)
    assert "  modified paragraph  (paragraph " in text and "made" not in text.split("Summary:")[0]
    assert f"; formatting changed throughout the document: {told}" in text
    assert told in to_markdown(result)
    html = to_html(result)
    assert '<span class="kind k-modified">modified paragraph</span>' in html
    assert f'<span class="kind k-modified">modified paragraph: {restyled}</span>' in html  # hidden, behind the toggle


def test_another_font_is_no_change_of_formatting(tmp_path: Path) -> None:
    """A font name is no formatting the diff compares: only the edit shows, with --all too."""
    old, new = _pair(tmp_path, Style(), _font)
    result = compare(old, new)
    assert _labels(result, True) == [("modified", None, EDIT, False)]
    assert "throughout" not in to_dict(result, all_changes=True)["summary"]


def test_a_restyle_of_some_paragraphs_is_theirs(tmp_path: Path) -> None:
    """Three of the seven body paragraphs in "Body Text", the edited one among them: no change made
    throughout. By default the edit names no formatting (formatting is ignored) and the other two
    are hidden; with formatting shown the edit names its restyle, as before, and so does each."""
    old, new = _pair(tmp_path, Style(), _some)
    result = compare(old, new)
    assert _labels(result, False) == [("modified", "paragraph", EDIT, False)]
    assert "throughout" not in to_dict(result)["summary"]
    shown = compare(old, new, ignore=DEFAULT_IGNORE - {"formatting"})
    assert [(c.where, c.formatting_only) for c in shown.visible()] == [
        (f"paragraph: {STYLE}", False), (f"paragraph: {STYLE}", True), (f"paragraph: {STYLE}", True)]
    assert shown.visible()[0].new == EDIT
    assert f"modified paragraph: {STYLE}  (paragraph " in to_text(shown)


def _local(document: Any) -> None:
    """The whole document restyled, and, by its author, the edited paragraph made bold, another
    made bold, and the heading of Output 2.2 set in 16 pt."""
    _style_and_size(document)
    for paragraph in document.paragraphs:
        if paragraph.text in (EDITED, "Rural and remote areas continue to lag behind in terms of access to ICT services."):
            for run in paragraph.runs:
                run.bold = True
        if paragraph.text.startswith("Output 2.2"):
            for run in paragraph.runs:
                run.font.size = Pt(16)


def test_a_local_change_of_formatting_beside_a_restyle_of_the_whole_document(tmp_path: Path) -> None:
    """A paragraph made bold and a heading's size changed are the author's: with --all each is a
    change of formatting of its own, and the edited paragraph made bold names it, not the
    restyle made throughout; by default the edit names none."""
    old, new = _pair(tmp_path, Style(), _local)
    heading = docx.Document(str(old)).styles["Heading 2"].font.size
    assert heading is not None
    result = compare(old, new)
    assert _labels(result, False) == [("modified", "paragraph", EDIT, False)]
    assert [(p["formatting"], p["old"], p["new"]) for p in to_dict(result)["summary"]["throughout"]] == [
        ("style", "Normal", "Body Text"), ("size", OLD_SIZE, 12.0)]
    every = [(c.kind, c.where, c.new) for c in result.visible(all_changes=True)
             if not c.formatting_only or "bold" in (c.where or "") or "16 pt" in (c.where or "")]
    assert every == [
        ("modified", "paragraph: made bold", EDIT),
        ("modified", f"paragraph: {STYLE}, made bold, {SIZE}",
         "Rural and remote areas continue to lag behind in terms of access to ICT services."),
        ("renamed", f"size {heading.pt:g} pt made 16 pt",
         "Output 2.2 – Building confidence and security in the use of ICTs"),
    ]
    text = to_text(result, all_changes=True)
    assert "modified paragraph: made bold  (paragraph " in text
    assert f"restyled heading: size {heading.pt:g} pt made 16 pt  (formatting only" in text


def test_the_json_changes_keep_their_form(tmp_path: Path) -> None:
    """`summary.throughout` is the one key added; the edit's change is as it was before."""
    old, new = _pair(tmp_path, Style(), _style_and_size)
    changes = to_dict(compare(old, new))["changes"]
    assert [(c["kind"], c["formatting_only"], c["differences"], c["words"]) for c in changes] == [
        ("modified", False, None, [["=", "The ICT sector is characterized by rapid"], ["+", " and continuous"],
                                   ["=", " technological change and by convergence of platforms."]])]
    unedited = compare(old, _restyled(old, tmp_path / "same.docx", _style_and_size, edit=False))
    assert unedited.visible() == [] and unedited.changes

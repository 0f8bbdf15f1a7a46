"""The diff on real files: Objective 2 old/new in every format, the whole Action Plan against an
edited copy, the tracked contribution, and generic pairs from the peer revision suite."""

from __future__ import annotations

import difflib
import re
import random
from collections import Counter
from pathlib import Path
from typing import Callable

import pytest
from conftest import CORPUS, PEER
from docx_edit import DocxEditor, random_edits

from actionplan_trace import load
from actionplan_trace.app import run_diff
from actionplan_trace.diff import Change, DiffResult, compare, diff_documents, reference_finder, reference_locator
from actionplan_trace.diff.tokens import words
from actionplan_trace.model import Document
from actionplan_trace.refs import document_refs
from actionplan_trace.render.diff_text import to_text

OLD, NEW = CORPUS / "objective2-old.docx", CORPUS / "objective2-new.docx"
PAIRS = {
    "docx-bold": (OLD, NEW),
    "docx-autonum": (OLD, CORPUS / "objective2-new-autonum.docx"),
    "pdf": (CORPUS / "objective2-old.pdf", CORPUS / "objective2-new.pdf"),
    "tracked": (CORPUS / "objective2-tracked.docx", None),
}
INDEPENDENT = Path(__file__).resolve().parent / "fixtures" / "independent"
PAIRS.update({  # the new revision made another way (LibreOffice from HTML), when those fixtures exist
    f"independent-{p.stem}": (OLD, p) for p in sorted(INDEPENDENT.glob("objective2-*")) if p.suffix in (".docx", ".pdf")
})


def inserted(change: Change) -> str:
    if change.words is not None:
        return " ".join(t for op, t in change.words if op == "+")
    return change.new or ""


def deleted(change: Change) -> str:
    if change.words is not None:
        return " ".join(t for op, t in change.words if op == "-")
    return change.old or ""


def find(changes: list[Change], kind: str, section_end: str, text: str, side: str = "+") -> Change:
    """The one change of `kind` in a section whose id ends with `section_end`, adding (or deleting) the
    words of `text` (punctuation and spacing aside: PDF text layers move commas)."""
    hits = [
        c for c in changes
        if c.kind == kind and (c.section_new or c.section_old or "").endswith(section_end)
        and " ".join(words(text)) in " ".join(words(inserted(c) if side == "+" else deleted(c)))
    ]
    assert len(hits) == 1, (kind, section_end, text, [(c.kind, c.section_new, c.new) for c in changes])
    return hits[0]


@pytest.fixture(scope="module")
def refs():  # type: ignore[no-untyped-def]
    return reference_finder()


@pytest.fixture(scope="module")
def compared(refs) -> Callable[[Path, Path | None], DiffResult]:  # type: ignore[no-untyped-def]
    """compare(old, new, refs=refs) of a pair, run once for the module's tests (they only read the
    result): the checks of one pair's diff are in several tests."""
    made: dict[tuple[Path, Path | None], DiffResult] = {}

    def get(old: Path, new: Path | None = None) -> DiffResult:
        if (old, new) not in made:
            made[(old, new)] = compare(old, new, refs=refs)
        return made[(old, new)]

    return get


@pytest.mark.parametrize("name", list(PAIRS))
def test_objective2_amendments_are_reported_at_their_sections(name: str, compared) -> None:  # type: ignore[no-untyped-def]
    result = compared(*PAIRS[name])
    shown = result.visible()
    for title in ("Telecommunication Numbering Resources Management", "Combating counterfeit and combating mobile device theft",
                  "International Connectivity"):
        added = [c for c in shown if c.kind == "added" and c.target == "section" and c.path[-1] == title]
        assert len(added) == 1 and added[0].section_new.startswith("output-2.1/"), title
    find(shown, "modified", "output-2.1/background", ", which are key enablers for the digital economy")
    find(shown, "modified", "area-rural-communications", " and enable participation in the digital economy")
    find(shown, "modified", "output-2.2/background", "especially with the deployment of emerging technologies")
    find(shown, "modified", "outcome-2.2", "share information of, find solution and")
    added_bullet = find(shown, "added", "", "Use of M2M/IoT based solutions to empower the early warning systems")
    assert added_bullet.section_new.startswith("output-2.3/") and added_bullet.target == "block"
    programme = find(shown, "renamed", "", "Disaster management including")
    assert programme.section_new.startswith("output-2.3/") and programme.old.strip() == "Emergency telecommunications"
    title = find(shown, "renamed", "output-2.3", "management")
    assert "reduction" in deleted(title)
    # the independent fixtures have no footnote: their "Footnotes" section is rightly removed
    assert not [c for c in shown if c.kind == "removed" and c.target == "section" and c.section_old != "footnotes"]
    worded = [c for c in shown if not c.formatting_only]
    assert len(worded) <= 30, [(c.kind, c.path[-1], c.new) for c in worded]
    case_only = [c for c in result.changes if c.kind == "renamed" and c.old and c.new and c.old != c.new and c.old.lower() == c.new.lower()]
    assert case_only and all(c.formatting_only and c.differences == ("case",) for c in case_only)
    assert all(c in shown for c in case_only)  # case changes are shown by default, as Word shows them
    assert not [c for c in shown if c.formatting_only and set(c.kinds()) <= {"space", "numbering", "formatting"}]


@pytest.mark.parametrize("name", list(PAIRS))
def test_white_space_never_shows_as_a_change(name: str, compared) -> None:  # type: ignore[no-untyped-def]
    result = compared(*PAIRS[name])
    text = to_text(result, width=None)
    assert not re.search(r"\[-\s*-\]|\{\+\s*\+\}", text), re.findall(r".{20}(?:\[-\s*-\]|\{\+\s*\+\}).{20}", text)
    assert not re.search(r"\[-\s|\s-\]|\{\+\s|\s\+\}", text)  # no edit starts or ends with white space
    for change in result.visible():
        assert change.old is None or change.new is None or " ".join(change.old.split()) != " ".join(change.new.split())
    assert not [line for line in text.splitlines() if line != line.rstrip()]


def test_tracked_file_changes_carry_author_and_date(compared) -> None:  # type: ignore[no-untyped-def]
    result = compared(CORPUS / "objective2-tracked.docx")
    shown = result.visible()
    assert len(shown) >= 20
    assert {(c.author, c.date) for c in shown} == {("BDT Secretariat", "2019-02-01T09:00:00Z")}


def _tracked(author: str, kind: str, text: str) -> str:
    tag, t = ("w:del", "w:delText") if kind == "del" else ("w:ins", "w:t")
    return (f'<{tag} w:id="{abs(hash((author, kind, text))) % 10**6}" w:author="{author}" w:date="2024-03-01T10:00:00Z">'
            f'<w:r><{t} xml:space="preserve">{text}</{t}></w:r></{tag}>')


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _tracked_docx(path: Path, paragraphs: list[str], output: str = "Output 2.1") -> Path:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_heading("Objective 2", level=1)
    document.add_heading(output, level=2)
    body = document.element.body
    for runs in paragraphs:
        body.insert(len(body) - 1, parse_xml(f'<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{runs}</w:p>'))
    document.save(str(path))
    return path


def test_a_revision_word_tracked_letter_by_letter_gives_its_change_the_author(tmp_path) -> None:
    """Word tracks what was typed: "Indicators" made "indicators" is "I" deleted and "i" inserted
    before "ndicators", "organisation" made "organization" an "s" for a "z", and a word may come
    in two pieces ("Indi" + "cators"). Each change carries its own author, even where another
    author's revision in the same section ("a cat") stands inside the changed word too (review of
    Word-written XML: the author and date were missing)."""
    paragraphs = [
        _run("Performance ") + _tracked("Alice", "del", "I") + _tracked("Alice", "ins", "i") + _run("ndicators of the plan."),
        _run("The organi") + _tracked("Carol", "del", "s") + _tracked("Carol", "ins", "z") + _run("ation of the workshop."),
        _run("Members ") + _tracked("Dan", "del", "Indi") + _tracked("Dan", "del", "cators") + _tracked("Dan", "ins", "Measures")
        + _run(" agreed."),
        _run("We saw ") + _tracked("Bob", "ins", "a cat ") + _run("in the garden."),
    ]
    changes = compare(_tracked_docx(tmp_path / "tracked.docx", paragraphs)).visible()
    assert [(c.new, c.author) for c in changes] == [
        ("Performance indicators of the plan.", "Alice"), ("The organization of the workshop.", "Carol"),
        ("Members Measures agreed.", "Dan"), ("We saw a cat in the garden.", "Bob")]
    assert all(c.date == "2024-03-01T10:00:00Z" for c in changes)


def test_a_paragraph_two_authors_edited_names_both(tmp_path) -> None:
    """Alice replaced a word and Bob inserted one in the same paragraph: the change carries the
    best-matching mark's author and date, and the other author as a co-author, in the JSON and in
    the report; Carol's mark of the same word in the next paragraph is not this change's."""
    from actionplan_trace.render.diff_common import notes

    path = _tracked_docx(tmp_path / "co.docx", [
        _run("The plan ") + _tracked("Alice", "del", "holds") + _tracked("Alice", "ins", "keeps") + _run(" the ")
        + _tracked("Bob", "ins", "agreed ") + _run("targets."),
        _run("Members ") + _tracked("Carol", "ins", "agreed ") + _run("today.")])
    first, second = compare(path).visible()
    assert (first.new, first.author, first.co_authors) == ("The plan keeps the agreed targets.", "Alice", ["Bob"])
    assert first.to_dict()["co_authors"] == ["Bob"] and notes(first) == ["Alice, Bob 2024-03-01T10:00:00Z"]
    assert (second.author, second.co_authors) == ("Carol", []) and "co_authors" not in second.to_dict()


def test_two_files_changes_carry_the_marks_only_the_new_file_has(tmp_path) -> None:
    """A contribution made as tracked changes to a plan that still shows an older mark (Zed's):
    each change the new marks made carries their author; the older mark, whose text both
    accepted views hold, gives no change its author, nor does an edit made without a mark, even
    one whose words a mark in another paragraph of the section inserted too ("a cat")."""
    kept = _run("Members ") + _tracked("Zed", "ins", "agreed ") + _run("the plan today.")
    old = _tracked_docx(tmp_path / "old.docx", [kept, _run("We saw the garden."), _run("The plan holds."),
                                                _run("They fed the dog.")])
    new = _tracked_docx(tmp_path / "new.docx", [
        kept, _run("We saw ") + _tracked("Bob", "ins", "a cat in ") + _run("the garden."),
        _run("The plan ") + _tracked("Alice", "del", "holds") + _tracked("Alice", "ins", "keeps") + _run("."),
        _run("They fed a cat the dog."), _run("Members agreed the plan again, untracked.")])
    changes = compare(old, new).visible()
    assert [(c.kind, c.new, c.author) for c in changes] == [
        ("modified", "We saw a cat in the garden.", "Bob"), ("modified", "The plan keeps.", "Alice"),
        ("modified", "They fed a cat the dog.", None), ("added", "Members agreed the plan again, untracked.", None)]
    assert [c.date for c in changes] == ["2024-03-01T10:00:00Z", "2024-03-01T10:00:00Z", None, None]


def test_two_files_a_paragraph_deleted_by_a_mark_keeps_its_author_and_an_untracked_rename_has_none(tmp_path) -> None:
    """A deleted paragraph has no place in the new file, so its deletion mark is matched by its
    words; a heading renamed without a mark does not take the author of a mark in its section
    whose words the new title shares ("rural connectivity")."""
    old = _tracked_docx(tmp_path / "old.docx", [_run("Keep this line."), _run("Members report progress every year."),
                                                _run("The plan connects schools.")])
    new = _tracked_docx(tmp_path / "new.docx", [
        _run("Keep this line."), _tracked("Carol", "del", "Members report progress every year."),
        _run("The plan connects schools ") + _tracked("Bob", "ins", "with rural connectivity") + _run(".")],
        output="Output 2.1 Rural connectivity")
    changes = compare(old, new).visible()
    assert [(c.kind, c.author) for c in changes] == [("renamed", None), ("removed", "Carol"), ("modified", "Bob")]


def test_the_plan_against_its_tracked_copy_gives_the_authors_the_copy_alone_gives(refs, compared) -> None:  # type: ignore[no-untyped-def]
    two = compare(CORPUS / "objective2-old.docx", CORPUS / "objective2-tracked.docx", refs=refs).visible()
    one = compared(CORPUS / "objective2-tracked.docx").visible()
    assert len(two) == len(one) >= 20
    assert [(c.kind, c.old, c.new, c.author, c.date) for c in two] == [(c.kind, c.old, c.new, c.author, c.date) for c in one]


def test_contribution_against_the_plan_shows_the_proposals(refs) -> None:  # type: ignore[no-untyped-def]
    shown = compare(CORPUS / "action-plan-ba.docx", CORPUS / "contribution-tdag.docx", refs=refs).visible()
    find(shown, "modified", "output-2.1/background", "Meanwhile, the extensive video applications")
    cables = [c for c in shown if c.kind == "added" and "optimized international terrestrial cables" in (c.new or "")]
    assert len(cables) == 2 and all(c.section_new.endswith("area-broadband-networks-wired-and") for c in cables)
    rename = find(shown, "renamed", "area-broadcasting-and-video", " and video")
    assert (rename.old, rename.new) == ("Broadcasting", "Broadcasting and video")
    find(shown, "modified", "area-broadcasting-and-video", "At the same time, it should be noted")
    find(shown, "added", "area-broadcasting-and-video", "Providing assistance in policies of and solutions to video")
    find(shown, "added", "output-3.2/programme-bdt-data-and-statistics", "Optimized and improved IDI scheme")
    find(shown, "added", "output-4.3/programme-digital-inclusion", "Information source accessibility depends")
    find(shown, "added", "output-4.3/programme-digital-inclusion", "establish patterns and rules of international cooperation")
    assert not [c for c in shown if c.section_new and c.section_new.startswith(("output-1", "output-2.2", "output-2.3"))]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_whole_plan_against_a_randomly_edited_copy(seed: int, tmp_path: Path, refs) -> None:  # type: ignore[no-untyped-def]
    editor = DocxEditor.open(CORPUS / "action-plan-ba.docx")
    edits = random_edits(editor, random.Random(seed))
    edited = editor.save(tmp_path / "edited.docx")
    shown = compare(CORPUS / "action-plan-ba.docx", edited, refs=refs).visible()
    assert len(shown) == len(edits), [(c.kind, c.old, c.new) for c in shown]
    for edit in edits:
        hits = [
            c for c in shown
            if c.kind == edit.kind
            and (edit.old is None or (c.old or "").endswith(edit.old.strip()))
            and (edit.new is None or (c.new or "").endswith(edit.new.strip()))
        ]
        assert len(hits) == 1, (edit, [(c.kind, c.old, c.new) for c in shown])
        for ref in edit.refs_added:
            assert ref in hits[0].refs_added
    renamed = next(c for c in shown if c.kind == "renamed")
    assert renamed.target == "section" and renamed.words and renamed.words[-1] == ("+", " and emerging services")


@pytest.mark.parametrize("path", [OLD, CORPUS / "objective2-old.pdf", CORPUS / "objective2-tracked.docx"])
def test_file_against_itself_exits_0_with_no_changes(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "self.json"
    assert run_diff(path, path, fmt="json", out=out) == 0
    import json

    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["changes"] == [] and data["summary"]["total"] == 0


def test_exit_code_1_when_files_differ(tmp_path: Path) -> None:
    assert run_diff(OLD, NEW, fmt="md", out=tmp_path / "d.md") == 1
    assert (tmp_path / "d.md").read_text(encoding="utf-8").startswith("## trace diff:")


SUITE = PEER / "oxpt-rp"
TWINS = sorted(p.name[: -len("-Rejected.docx")] for p in SUITE.glob("RP*-Rejected.docx")) if SUITE.is_dir() else []


def _reading(doc: Document) -> str:
    """The document's text in reading order, each section's heading before its blocks, so that a
    line read as a heading in one revision and as a paragraph in the other (the Accepted twin of
    RP051 sets "يكلف الأمين العام" as a Call paragraph, the Rejected as a bold line) keeps its words
    where they stand."""
    return " ".join(t for s in doc.sections for t in [s.heading or "", *(b.text for b in s.blocks)])


def _word_changes(old: list[str], new: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Words an independent word diff (difflib) marks as inserted and as deleted."""
    ins: Counter[str] = Counter()
    dels: Counter[str] = Counter()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            dels.update(old[i1:i2])
        if tag in ("replace", "insert"):
            ins.update(new[j1:j2])
    return ins, dels


@pytest.mark.skipif(not TWINS, reason=f"peer suite not present at {SUITE}")
@pytest.mark.parametrize("stem", TWINS)
def test_peer_twins_changed_text_is_in_the_report(stem: str) -> None:
    rejected = load(SUITE / f"{stem}-Rejected.docx")
    accepted = load(SUITE / f"{stem}-Accepted.docx")
    assert diff_documents(accepted, load(SUITE / f"{stem}-Accepted.docx")).changes == []
    result = diff_documents(rejected, accepted)
    old_blocks = [b.text for _, b in rejected.blocks()]
    new_blocks = [b.text for _, b in accepted.blocks()]
    if old_blocks == new_blocks and [s.title for s in rejected.sections] == [s.title for s in accepted.sections]:
        assert result.visible() == []  # only list numbering may differ, as formatting, or blank paragraphs
        assert all(c.formatting_only and (c.words or "" in (c.old, c.new)) for c in result.changes)
        return
    assert result.changes
    old_words, new_words = words(_reading(rejected)), words(_reading(accepted))
    if old_words != new_words:  # else paragraphs or cells were only split or joined
        assert result.visible()
    want_ins, want_del = _word_changes(old_words, new_words)
    got_ins = Counter(w for c in result.changes for w in words(inserted(c)))
    got_del = Counter(w for c in result.changes for w in words(deleted(c)))
    assert not want_ins - got_ins and not want_del - got_del


def test_same_revision_as_docx_and_as_pdf_differs_little() -> None:
    """A PDF of the same text: one-column (Region) tables stay tables, footnote marks stay out of
    the words, so nothing but formatting differs."""
    result = compare(OLD, CORPUS / "objective2-old.pdf")
    shown = result.visible()
    assert shown == [], [(c.kind, c.where, c.old, c.new) for c in shown]
    assert all(c.formatting_only for c in result.changes)


def test_a_heading_that_lost_its_number_is_the_same_section(tmp_path: Path) -> None:
    """A clause whose number went (pandoc drops Word's automatic heading numbers; an author may take
    one off) is a plain heading in the new revision: the same section, renamed only in its
    numbering, hidden by default. It was reported removed and its twin added, every word of both."""
    old = tmp_path / "old.md"
    new = tmp_path / "new.md"
    body = "The plan sets out the work of the Sector for the next four years in detail."
    old.write_text(f"# 1. Introduction\n\n{body}\n\n# 2. Scope\n\nIt covers every programme.\n", encoding="utf-8")
    new.write_text(f"# Introduction\n\n{body}\n\n# 2. Scope\n\nIt covers every programme.\n", encoding="utf-8")
    result = compare(old, new)
    assert [(c.kind, c.target, c.differences) for c in result.changes] == [("renamed", "section", ("numbering",))]
    assert result.visible() == []
    # A heading with other words is no such twin: removed and added, as before.
    new.write_text("# Background\n\nAn altogether different text about other matters.\n\n# 2. Scope\n\n"
                   "It covers every programme.\n", encoding="utf-8")
    assert sorted(c.kind for c in compare(old, new).changes) == ["added", "removed"]


def test_a_column_header_wrapped_inside_a_word_is_the_same_column() -> None:
    """A narrow PDF column wraps its header inside a word ("Objective 6" is read "Obje ctiv e 6"):
    its cells are that column's, edited where they were edited, not removed from one column and
    added to another. (The SP-2012 PDF against its .docx showed 160 such changes.)"""
    old = load(CORPUS / "strategic-plan-2012.docx")
    new = load(CORPUS / "strategic-plan-2012.docx")
    edited = set()
    for section in new.sections:
        marks = [b for b in section.blocks if b.field and b.field.startswith("Objective")]
        for block in marks:
            block.field = block.field.replace("Objective", "Obje ctiv e")  # type: ignore[union-attr]
        if marks and section.kind == "sp-output":
            marks[0].text += " (see below)"
            edited.add(section.id)
    assert len(edited) > 40
    shown = diff_documents(old, new).visible()
    assert {c.kind for c in shown} == {"modified"}
    assert sorted(c.section_new or "" for c in shown) == sorted(edited)
    assert all(c.new and c.new.endswith(" (see below)") for c in shown)


ROADMAP_OLD = """
@action-line C7 | ICT applications: E-health
  @wsis-outcome A | Encourage collaborative efforts for reliable health information systems
    [goals-and-resolutions] PP Res. 139 (Rev. Dubai, 2018)
    [sdgs] 3.8, 3.d, 9.c
"""
ROADMAP_NEW = """
@action-line C7 | ICT applications: E-health
  @wsis-outcome A | Encourage collaborative efforts for reliable health information systems
    [goals-and-resolutions] PP Res. 139 (Rev. Dubai, 2018)
    [sdgs] 3.8, 3.d, 9.c, 17.18
  @wsis-outcome C | Strengthen ICT-based initiatives for medical assistance in disasters
    [goals-and-resolutions] PP Res. 136 (Rev. Dubai, 2018)
    [sdgs] 3.d, 11.5, 13.1
"""


def test_references_of_a_change_are_read_as_refs_reads_them() -> None:
    """A change's references come from each text read under its column, as `trace refs` reads
    them: bare targets in an SDGs column are SDG targets, and an added row's resolution number does
    not run on into the next cell's targets ("PP Res. 136 (…)" / "3.d" is no PP-RES-3)."""
    from outline import outline

    result = diff_documents(outline(ROADMAP_OLD), outline(ROADMAP_NEW), locate=reference_locator())
    assert [(c.kind, c.target, c.refs_added, c.refs_removed) for c in result.changes] == [
        ("modified", "block", ["SDG-17.18"], []),
        ("added", "section", ["PP-RES-136", "SDG-11.5", "SDG-13.1", "SDG-3.d"], []),
    ]


def test_references_of_a_change_are_those_refs_finds_under_the_profile(tmp_path: Path) -> None:
    """A change's references are read under its section's context, as `trace refs` reads them: an
    Action Plan's bare "Resolution 43" is WTDC's, and the same text out of its place is not."""
    old = "# Output 2.1 – Infrastructure\n\n## Background\n\nThe Bureau assists Member States.\n"
    new = old.replace("assists Member States.", "assists Member States under Resolution 43.")
    (tmp_path / "old.md").write_text(old, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    located = compare(tmp_path / "old.md", tmp_path / "new.md", profile="action-plan", locate=reference_locator())
    assert [(c.kind, c.refs_added) for c in located.changes] == [("modified", ["WTDC-RES-43"])]
    found = {r.id for r in document_refs(load(tmp_path / "new.md", profile="action-plan")).refs}
    assert "WTDC-RES-43" in found
    stand_in = compare(tmp_path / "old.md", tmp_path / "new.md", profile="action-plan", refs=reference_finder())
    assert [(c.kind, c.refs_added) for c in stand_in.changes] == [("modified", [])]


EDITION_PLAN = ("# Output 2.2 – Cybersecurity\n\n## Background\n\n"
                "Work under Outcome 2.2 follows WTDC Resolution 17 (Rev. Buenos Aires, 2017).\n\n"
                "Members report yearly, as WTDC Resolution 17 (Rev. Buenos Aires, 2017) asks.\n")


def _edition_edit(tmp_path: Path, new: str) -> tuple[set[str], DiffResult]:
    """EDITION_PLAN against `new`, as Action Plans, with the references located: the new revision's
    ids and the diff."""
    (tmp_path / "old.md").write_text(EDITION_PLAN, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    ids = {r.id for r in document_refs(load(tmp_path / "new.md", profile="action-plan")).refs}
    return ids, compare(tmp_path / "old.md", tmp_path / "new.md", profile="action-plan", locate=reference_locator())


def test_an_edition_settled_anew_changes_no_unchanged_reference(tmp_path: Path) -> None:
    """A plan with no title settles its edition from what it cites: a revision citing "(Rev.
    Kigali, 2022)" where the last cited "(Rev. Buenos Aires, 2017)" reads every "Outcome 2.2" as
    WTDC-22's. The edited paragraph's "Outcome 2.2" was reported lost and gained (a black-box
    review); it is the same words in both, so only the resolution's revision changed. An outcome
    the edit adds is reported as the new revision reads it."""
    ids, result = _edition_edit(tmp_path, EDITION_PLAN.replace("Buenos Aires, 2017", "Kigali, 2022")
                                .replace("Members report yearly", "Members report yearly on Outcome 2.3"))
    assert ids >= {"ITU-D-OUTCOME-2.2@WTDC-22"}
    revised = [("WTDC-RES-17", ("Buenos Aires, 2017",), ("Kigali, 2022",))]
    assert [(c.kind, c.refs_added, c.refs_removed, c.refs_revised) for c in result.changes] == [
        ("modified", [], [], revised), ("modified", ["ITU-D-OUTCOME-2.3@WTDC-22"], [], revised)]


def test_an_edition_left_open_anew_changes_no_unchanged_reference(tmp_path: Path) -> None:
    """Found in review: one of two "(Rev. Buenos Aires, 2017)" made "(Rev. Kigali, 2022)" leaves
    the new revision's edition unsettled (REF013), and the edited paragraph's unchanged "Outcome
    2.2" was reported lost (@WTDC-17) and gained (no edition). Compared without the edition, it
    is neither: only the resolution's revision changed. An outcome the edit adds is reported as
    the new revision reads it."""
    ids, result = _edition_edit(tmp_path, EDITION_PLAN.replace(
        "follows WTDC Resolution 17 (Rev. Buenos Aires, 2017)", "follows WTDC Resolution 17 (Rev. Kigali, 2022)")
        .replace("Members report yearly", "Members report yearly on Outcome 2.3"))
    assert "ITU-D-OUTCOME-2.2" in ids
    assert [(c.kind, c.refs_added, c.refs_removed, c.refs_revised) for c in result.changes] == [
        ("modified", [], [], [("WTDC-RES-17", ("Buenos Aires, 2017",), ("Kigali, 2022",))]),
        ("modified", ["ITU-D-OUTCOME-2.3"], [], [])]


def test_references_gained_or_lost_inside_a_list_are_reported(tmp_path: Path) -> None:
    """An item added to or dropped from the middle of a reference list is read with the list's
    anchor ("WSIS Action Lines C7" in "WSIS Action Lines C1, C3, C7"): it is still the change's."""
    old = ("# Output 2.1 – Infrastructure\n\n## References\n\n"
           "The implementation of PP Resolutions 71, 101 and WTDC Resolutions 9, 37 will support Output 2.1.\n\n"
           "The implementation of the WSIS Action Lines C1, C3 and C11 will support Output 2.1.\n\n"
           "Output 2.1 will contribute to the following UN SDGs: 1 (target 1.4), 8 (target 8.2), 9 (targets 9.1, 9.c)\n")
    new = (old.replace("71, 101 and", "71, 101, 204 and").replace("C1, C3 and", "C1, C3, C7 and")
           .replace(" 8 (target 8.2),", ""))
    (tmp_path / "old.md").write_text(old, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    result = compare(tmp_path / "old.md", tmp_path / "new.md", profile="action-plan", locate=reference_locator())
    assert [(c.kind, c.refs_added, c.refs_removed) for c in result.changes] == [
        ("modified", ["PP-RES-204"], []), ("modified", ["WSIS-C7"], []), ("modified", [], ["SDG-8", "SDG-8.2"])]


def test_a_reference_cited_in_another_revision_is_reported_revised(tmp_path: Path) -> None:
    """A resolution kept but cited in its new revision is neither gained nor lost: it is revised,
    in the JSON and in the text report's refs note; one that gains a revision is revised too."""
    old = ("# Output 2.1 – Infrastructure\n\n## References\n\n"
           "The work takes into account Resolution 37 (Rev. Kigali, 2022) and PP Resolution 71 and WTDC Resolution 9.\n")
    new = old.replace("Kigali, 2022", "Baku, 2025").replace("PP Resolution 71", "PP Resolution 71 (Rev. Bucharest, 2022)")
    (tmp_path / "old.md").write_text(old, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    result = compare(tmp_path / "old.md", tmp_path / "new.md", profile="action-plan", locate=reference_locator())
    [change] = result.changes
    assert (change.refs_added, change.refs_removed) == ([], [])
    assert change.refs_revised == [("PP-RES-71", (), ("Bucharest, 2022",)), ("WTDC-RES-37", ("Kigali, 2022",), ("Baku, 2025",))]
    assert change.to_dict()["refs_revised"][1] == {"id": "WTDC-RES-37", "old": ["Kigali, 2022"], "new": ["Baku, 2025"]}
    assert "refs ~PP-RES-71 (no revision → Bucharest, 2022) ~WTDC-RES-37 (Kigali, 2022 → Baku, 2025)" in to_text(result)


def test_references_of_a_dissolved_heading_are_read_where_trace_refs_reads_them(tmp_path: Path) -> None:
    """A heading one revision sets as a paragraph ("Further notes" / "further notes") is dissolved
    for the comparison, but its text's references are those `trace refs` reads in each revision:
    bare targets under an SDG heading are SDG targets only where that heading is one."""
    top = ("# Output 2.1\n\nProducts and services on telecommunication infrastructure\n\n"
           "## References to WTDC Resolutions, WSIS Action Lines and Sustainable Development Goals\n\n"
           "### Sustainable Development Goals and Targets\n\n"
           "This output contributes to SDG targets 3.8 and 3.d of the agenda, among others listed.\n\n")
    tail = "\n\n# Output 2.2\n\nProducts and services on cybersecurity\n"
    notes = "1.4, 5.b and 9.c, as agreed by the meeting of the group of experts in its last session"
    (tmp_path / "a.md").write_text(top + "## Further notes\n\n" + notes + "." + tail, encoding="utf-8")
    (tmp_path / "b.md").write_text(top + "further notes\n\n" + notes + ", 2019." + tail, encoding="utf-8")
    result = compare(tmp_path / "a.md", tmp_path / "b.md", profile="action-plan", locate=reference_locator())
    gained = {r for c in result.changes for r in c.refs_added}
    lost = {r for c in result.changes for r in c.refs_removed}
    refs_a = {r.id for r in document_refs(load(tmp_path / "a.md", profile="action-plan")).refs}
    refs_b = {r.id for r in document_refs(load(tmp_path / "b.md", profile="action-plan")).refs}
    assert (gained, lost) == (refs_b - refs_a, refs_a - refs_b)
    assert {"SDG-1.4", "SDG-5.b", "SDG-9.c"} <= gained


def test_references_of_texts_at_one_location_are_told_apart() -> None:
    """Two paragraphs of one table cell share the cell's location: the one removed loses only its
    own references, not those of the paragraph kept."""
    from outline import outline
    from actionplan_trace.model import Loc

    text = ("@objective 2 | Infrastructure\n  @outcome 2.1 | Enhanced capacity\n"
            "    [indicators] Number of plans (SDG target 9.1)\n    [indicators] Number of partners (SDG target 17.6)\n")
    old, new = outline(text), outline(text.replace("    [indicators] Number of partners (SDG target 17.6)\n", ""))
    for doc in (old, new):
        for block in doc.section("outcome-2.1").blocks:
            block.loc = Loc(paragraph=5, row=1, col=1)
    result = diff_documents(old, new, locate=reference_locator())
    assert [(c.kind, c.refs_added, c.refs_removed) for c in result.changes] == [("removed", [], ["SDG-17.6"])]


def test_a_changed_page_in_a_typed_contents_list_is_a_contents_entry_edit(tmp_path: Path) -> None:
    """New page numbers in a contents list typed without leaders: two edited contents entries in
    the front matter, and no section renamed, added or removed."""
    body = (CORPUS / "text" / "objective2-new.txt").read_text(encoding="utf-8")
    toc = ("Contents\nObjective 2 – Modern and secure telecommunication/ICT Infrastructure 1\n"
           "Output 2.1 – Products and services on telecommunication/ICT infrastructure 2\n"
           "Output 2.2 – Products and services on building confidence and security 5\n"
           "Output 2.3 – Products and services on disaster risk reduction 8\n\n")
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(toc + body, encoding="utf-8")
    new.write_text(toc.replace(" 5\n", " 6\n").replace(" 8\n", " 9\n") + body, encoding="utf-8")
    result = compare(old, new)
    assert [(c.kind, c.section_new, c.where) for c in result.changes] == [
        ("modified", "front", "contents entry"), ("modified", "front", "contents entry")]
    assert "modified contents entry" in to_text(result)


@pytest.mark.parametrize(("separator", "shown"), [(" – ", False), (": ", False), (" – ", True)],
                         ids=["dash", "colon", "dash-and-a-comma"])
def test_a_heading_number_and_title_set_on_one_line_is_formatting(tmp_path: Path, separator: str, shown: bool) -> None:
    """objective2-old sets "Output 2.1" and its title on lines of their own; a revision typing
    "Output 2.1 – <title>" on one line (as Word's numbering writes "Output 2.1 –" as the label)
    changes no word: formatting, hidden. A comma put into the title is still shown."""
    import docx

    document = docx.Document(str(CORPUS / "objective2-old.docx"))
    paragraphs = document.paragraphs
    k = next(i for i, p in enumerate(paragraphs) if p.text == "Output 2.1")
    title = paragraphs[k + 1].text
    if shown:
        title = title.replace(" services,", " services,,", 1) if " services," in title else title + ","
    paragraphs[k].runs[-1].text += separator + title
    paragraphs[k + 1]._p.getparent().remove(paragraphs[k + 1]._p)
    path = tmp_path / "one-line.docx"
    document.save(str(path))
    result = compare(CORPUS / "objective2-old.docx", path)
    renamed = [c for c in result.changes if c.kind == "renamed"]
    assert len(renamed) == 1
    assert [not result.hides(c) for c in renamed] == [shown]


@pytest.mark.parametrize(("name", "row", "old", "new", "kinds"), [
    ("strategic-plan-2024.docx", "Broadband infrastructure assistance", "assistance", "support", ["modified"]),
    ("strategic-plan-2024.docx", "Study groups", "Study", "Research", ["modified"]),
    ("strategic-plan-2012.docx", "Radiocommunication Assembly", "Assembly", "Conference", ["modified"]),
    ("strategic-plan-2024.docx", "Study groups", "Study groups", "Satellite coordination", ["added", "removed"]),
])
def test_a_matrix_row_reworded_in_its_place_is_one_change(tmp_path, name, row, old, new, kinds) -> None:
    """Found in review: a row of a Strategic Plan's outputs × objectives matrix with one word of
    its title changed ("Broadband infrastructure assistance" → "… support"), in its place and
    with its marks, was reported removed and a new row added: rows have no number, so the score
    that pairs them lacked the bonus a numbered section gets for its place. A row between the same
    two rows on both sides is in the same place now. A row replaced by one sharing no word is
    still removed and added."""
    import docx

    document = docx.Document(str(CORPUS / name))
    [cell] = [c for t in document.tables for r in t.rows for c in r.cells[:1] if c.text.strip().startswith(row)][:1]
    runs = [r for p in cell.paragraphs for r in p.runs if old.split()[0] in r.text]
    runs[0].text = runs[0].text.replace(old, new) if old in runs[0].text else runs[0].text.replace(old.split()[0], new)
    edited = tmp_path / f"edited-{name}"
    document.save(str(edited))
    changes = diff_documents(load(CORPUS / name), load(edited)).visible()
    assert sorted(c.kind for c in changes) == kinds
    if kinds == ["modified"]:
        [change] = changes
        assert row in (change.old or "") and new in (change.new or "")
        assert ("+", new) in [(op, text.strip()) for op, text in change.words or []]

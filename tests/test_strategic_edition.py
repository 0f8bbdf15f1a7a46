"""A new Strategic Plan edition written as Markdown (tests/fixtures/strategic/plan-2024-2027.md),
as a review wrote one: its "Table 1 - …" caption opens a table section, the table's "WSIS Action
Lines" column is read as action lines, and a goal renumbered where it stands shows its targets
renumbered too (their ids change), where the targets were hidden as numbering only."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace import app, load

PLAN = Path(__file__).resolve().parent / "fixtures" / "strategic" / "plan-2024-2027.md"


def test_a_caption_of_one_number_opens_its_table_and_a_sentence_does_not() -> None:
    doc = load(PLAN)
    assert doc.source.profile == "strategic-plan"
    table = doc.by_id["table-1"]
    assert (table.kind, table.title, table.parent) == ("table", "Linkages between ITU strategic targets and the SDGs", "goal-2")
    assert [b.text for b in doc.by_id["target-2.2"].blocks] == []  # the caption and table left the last target
    assert table.blocks[-1].text.startswith("Table 1 shows how each target")  # a sentence, no second table section
    assert [s.id for s in doc.sections if s.kind == "table"] == ["table-1"]


def test_a_wsis_action_lines_column_is_read_as_action_lines() -> None:
    report = app.references(PLAN)
    read = [(r.id, r.field) for r in report.refs if r.section == "table-1" and r.family == "wsis"]
    assert read == [("WSIS-C2", "wsis-action-lines"), ("WSIS-C4", "wsis-action-lines"), ("WSIS-C7", "wsis-action-lines")]


def test_a_goal_renumbered_in_place_shows_its_targets_renumbered(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    renumbered = tmp_path / "renumbered.md"
    renumbered.write_text(text.replace("Goal 2:", "Goal 4:").replace("Target 2.", "Target 4."), encoding="utf-8")
    result = app.compare(PLAN, renumbered)
    shown = [(c.kind, c.old, c.new) for c in result.visible() if c.kind == "renumbered"]
    assert shown == [("renumbered", "2", "4"), ("renumbered", "2.1", "4.1"), ("renumbered", "2.2", "4.2")]


def test_the_goals_and_targets_the_plan_defines_carry_its_titles_in_the_graph() -> None:
    """An entity the registry does not know took no title from the section that defines it."""
    built, _ = app.graph(PLAN)
    titles = {n.id: n.title for n in built.nodes.values() if n.kind == "entity" and n.family in ("itu-goal", "itu-target")}
    assert titles["ITU-GOAL-2@SP-2024-2027"] == "Sustainable digital transformation"
    assert titles["ITU-TARGET-2.2@SP-2024-2027"] == "By 2027, 70% of youth and adults have basic digital skills"
    assert None not in titles.values()


def test_a_goal_and_its_targets_renumbered_by_an_insertion_are_shown(tmp_path: Path) -> None:
    """A new Goal 2 inserted makes Goal 2 Goal 3 and its targets 3.x: each number that changed is
    shown, as every citation of the old one now points elsewhere, whatever made it change
    (Target 2.2 made 3.3 as well as 3.2)."""
    text = PLAN.read_text(encoding="utf-8")
    inserted = text.replace("## Goal 2: Sustainable digital transformation", "## Goal 2: Trust\n\nBuild confidence.\n\n"
                            "Target 2.1: By 2027, all countries have a cybersecurity strategy\n\n"
                            "## Goal 3: Sustainable digital transformation")
    inserted = inserted.replace("Target 2.1: By 2027, gender", "Target 3.1: By 2027, gender")
    moved = tmp_path / "moved.md"
    moved.write_text(inserted.replace("Target 2.2: By 2027, 70%", "Target 3.2: By 2027, 70%"), encoding="utf-8")
    jumped = tmp_path / "jumped.md"
    jumped.write_text(inserted.replace("Target 2.2: By 2027, 70%", "Target 3.3: By 2027, 70%"), encoding="utf-8")
    assert [(c.old, c.new) for c in app.compare(PLAN, moved).visible() if c.kind == "renumbered"] == [
        ("2", "3"), ("2.1", "3.1"), ("2.2", "3.2")]
    assert [(c.old, c.new) for c in app.compare(PLAN, jumped).visible() if c.kind == "renumbered"] == [
        ("2", "3"), ("2.1", "3.1"), ("2.2", "3.3")]


@pytest.mark.parametrize("header", ["WSIS", "WSIS AL", "Action lines", "WSIS action line(s)",
                                    "Linkages with WSIS Action Lines", "Relevant WSIS action lines",
                                    "WSIS Action Lines (C1-C11)"])
def test_the_action_lines_column_under_other_headers(tmp_path: Path, header: str) -> None:
    """The column is read under each header; the header itself cites nothing ("(C1-C11)" was
    eleven references)."""
    path = tmp_path / "plan.md"
    path.write_text(PLAN.read_text(encoding="utf-8").replace("| WSIS Action Lines |", f"| {header} |"), encoding="utf-8")
    read = [(r.id, r.field) for r in app.references(path).refs if r.section == "table-1" and r.family == "wsis"]
    assert read == [("WSIS-C2", "wsis-action-lines"), ("WSIS-C4", "wsis-action-lines"), ("WSIS-C7", "wsis-action-lines")]


def test_an_entity_two_files_title_differently_is_a_trc004(tmp_path: Path) -> None:
    """Two revisions given together: the graph titles the entity by the first, and says so; a
    title that differs only in spacing, case or typography is the same title."""
    text = PLAN.read_text(encoding="utf-8")
    renamed = tmp_path / "renamed.md"
    renamed.write_text(text.replace("Goal 2: Sustainable digital transformation", "Goal 2: Inclusive digital transformation")
                       .replace("Goal 1: Universal connectivity", "Goal 1: UNIVERSAL  connectivity"), encoding="utf-8")
    built, _ = app.graph([PLAN, renamed])
    found = [(f.code, f.ref, f.source) for f in built.findings if f.code == "TRC004"]
    assert found == [("TRC004", "ITU-GOAL-2@SP-2024-2027", str(renamed))]
    assert built.nodes["ITU-GOAL-2@SP-2024-2027"].title == "Sustainable digital transformation"


def test_trc004_reads_titles_apart_from_markup_and_a_note_run_on(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    rendered = tmp_path / "rendered.md"
    rendered.write_text(text.replace("Goal 2: Sustainable digital transformation",
                                     "Goal 2: Sustainable <u>digital</u> transformation Note: see Annex 2"), encoding="utf-8")
    built, _ = app.graph([PLAN, rendered])
    assert [f for f in built.findings if f.code == "TRC004"] == []

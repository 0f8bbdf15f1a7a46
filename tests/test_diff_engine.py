"""The diff engine on small hand-built Action Plan fragments: each kind of amendment, exactly."""

from __future__ import annotations

import dataclasses
import re

import pytest
from outline import PLAN, outline

from actionplan_trace.diff import diff_documents
from actionplan_trace.diff.changes import Change
from actionplan_trace.diff.tokens import normalise, tokenize
from actionplan_trace.diff.words import new_text, old_text, word_diff
from actionplan_trace.model import Document



def diff(old: str, new: str, **kw: object) -> list[Change]:
    return diff_documents(outline(old), outline(new), **kw).changes  # type: ignore[arg-type]


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_tokens_keep_numbers_and_abbreviations_whole() -> None:
    text = "Targets 16.10, 3.d and 12,34 units of C&I work (ITU-D)."
    tokens = tokenize(text)
    assert "".join(tokens) == text
    for whole in ("16.10", "3.d", "12,34", "C&I", "ITU-D"):
        assert whole in tokens
    assert tokens[:3] == ["Targets", " ", "16.10"]


def test_normalise_ignores_case_space_numbering_and_bullets() -> None:
    assert normalise("•\tProviding  Assistance") == normalise("- providing assistance")
    assert normalise("2.1 - Telecommunication/ICT") == normalise("2.2 – telecommunication/ICT")
    assert normalise("1.\tBackground") == normalise("Background")
    assert normalise("5 countries") != normalise("6 countries")
    assert normalise("Output 3.4 – Rural", "3.4") == normalise("Output 3.5 – Rural", "3.5")


def test_word_diff_is_exact_and_readable() -> None:
    old = "Rural populations will need telephony access."
    new = "Rural and remote populations will need telephony and broadband access."
    ops = word_diff(old, new)
    assert old_text(ops) == old and new_text(ops) == new
    assert ("+", " and remote") in ops or ("+", "and remote ") in ops
    assert [t for op, t in ops if op == "-"] == []


def test_word_diff_folds_single_spaces_between_edits() -> None:
    ops = word_diff("the quick brown fox", "a slow red fox")
    assert ops == [("-", "the quick brown"), ("+", "a slow red"), ("=", " fox")]


def test_word_diff_bounded_fallback_still_valid() -> None:
    old = " ".join(f"w{i}." for i in range(3000))
    new = " ".join(f"w{i}." if i % 7 else f"x{i}." for i in range(3000))
    ops = word_diff(old, new, max_cells=10_000_000)  # too many tokens (~9000²), few enough sentences
    assert old_text(ops) == old and new_text(ops) == new
    assert ("-", "w7") in ops and ("+", "x7") in ops
    assert sum(1 for op, _ in ops if op == "-") == len(range(0, 3000, 7))
    tiny = word_diff(old, new, max_cells=1000)  # too many sentences too: one replacement
    assert old_text(tiny) == old and new_text(tiny) == new


def test_identical_documents_have_no_changes() -> None:
    assert diff(PLAN, PLAN) == []


def test_sentence_inserted_in_paragraph() -> None:
    new = edit(PLAN, "telephony and broadband access.", "telephony and broadband access, by connecting remote areas.")
    (change,) = diff(PLAN, new)
    assert (change.kind, change.target, change.formatting_only) == ("modified", "block", False)
    assert change.section_old == change.section_new
    assert change.section_new.startswith("output-2.1/") and change.section_new.endswith("/area-rural-communications")
    assert change.path[-1] == "Rural communications"
    assert change.path[0].startswith("Objective 2 – Modern and secure")
    assert change.words is not None
    assert [t for op, t in change.words if op == "+"] == [", by connecting remote areas"]
    assert [t for op, t in change.words if op == "-"] == []
    assert old_text(change.words) == change.old and new_text(change.words) == change.new


def test_removed_and_added_bullets() -> None:
    new = edit(PLAN, "          - implementing projects on public/community broadband access points focusing on ICT services;\n", "")
    new = edit(new, "master plans and recommended action plans.\n",
               "master plans and recommended action plans.\n          - organizing regional meetings on the use of spectrum for broadcasting.\n")
    changes = diff(PLAN, new)
    assert [(c.kind, c.target, c.path[-1]) for c in changes] == [
        ("removed", "block", "Rural communications"),
        ("added", "block", "Spectrum management"),
    ]
    assert changes[0].old == "•\timplementing projects on public/community broadband access points focusing on ICT services;"
    assert changes[1].new == "•\torganizing regional meetings on the use of spectrum for broadcasting."
    assert changes[1].where == "bullet"


def test_renamed_area_is_one_change() -> None:
    new = edit(PLAN, "@area | Rural communications", "@area | Rural and remote communications")
    (change,) = diff(PLAN, new)
    assert (change.kind, change.target) == ("renamed", "section")
    assert (change.old, change.new) == ("Rural communications", "Rural and remote communications")
    assert change.words == [("=", "Rural"), ("+", " and remote"), ("=", " communications")]


def test_renamed_and_edited_programme_keeps_identity() -> None:
    new = edit(PLAN, "@programme | Telecommunication/ICT network infrastructure and services",
               "@programme | ICT network infrastructure, services and applications")
    new = edit(new, "maximizing the use of new technologies.", "maximizing the use of appropriate new technologies.")
    changes = diff(PLAN, new)
    assert [(c.kind, c.target) for c in changes] == [("renamed", "section"), ("modified", "block")]
    assert not any(c.kind in ("added", "removed") for c in changes)


def test_a_heading_reworded_into_another_kind_is_renamed_not_replaced() -> None:
    """A programme heading quoted ("“Programme: Cybersecurity”") is no programme to the profile,
    only an area: the same section under another kind, with its content the same, is one renamed
    section, not a section removed with all its words and another added."""
    new = edit(PLAN, "@programme | Telecommunication/ICT network infrastructure and services",
               "@area | Programme – Telecommunication/ICT network infrastructure and services")
    changes = diff(PLAN, new)
    assert [(c.kind, c.target) for c in changes] == [("renamed", "section")]
    other = edit(PLAN, "@programme | Telecommunication/ICT network infrastructure and services", "@area | Rural access")
    assert ("removed", "section") in [(c.kind, c.target) for c in diff(PLAN, other)]


def test_sections_of_two_kinds_with_next_to_no_content_do_not_pair() -> None:
    """Two sections of two kinds with alike titles and a one-word body ("None.") are not one section
    reworded: the same content needs MOVE_MIN_WORDS words."""
    old = "@output 2.1 | Infrastructure\n  @area | Rural communications\n    None.\n"
    new = "@output 2.1 | Infrastructure\n  @regional-initiative | Rural communications in Africa\n    None.\n"
    assert [(c.kind, c.target) for c in diff(old, new)] == [("removed", "section"), ("added", "section")]


def test_case_only_change_is_shown_by_default_and_ignorable() -> None:
    new = edit(PLAN, "Wireless technology has great potential", "Wireless Technology has great potential")
    new = edit(new, "          - continuing to maintain", "          - Continuing to maintain")
    result = diff_documents(outline(PLAN), outline(new))
    assert [(c.kind, c.formatting_only, c.differences) for c in result.changes] == [
        ("modified", True, ("case",)), ("modified", True, ("case",))]
    assert len(result.visible()) == 2 and result.summary()["hidden"] == 0
    ignoring = diff_documents(outline(PLAN), outline(new), ignore=frozenset({"case"}))
    assert ignoring.visible() == [] and ignoring.summary()["hidden"] == 2
    assert ignoring.summary()["hidden_by"] == {"case": 2}
    assert len(ignoring.visible(all_changes=True)) == 2


def test_each_kind_of_difference_is_named_and_ignored_by_its_own_switch() -> None:
    pairs = {
        "space": ("Wireless technology has great potential", "Wireless  technology has great potential"),
        "punctuation": ("improving rural broadband", "improving rural broadband."),
        "case": ("Wireless technology has great potential", "wireless technology has great potential"),
    }
    for kind, (a, b) in pairs.items():
        text = PLAN if a in PLAN else edit(PLAN, "Wireless technology has great potential", a)
        result = diff_documents(outline(text), outline(edit(text, a, b)), ignore=frozenset())
        (change,) = result.visible()
        assert change.differences == (kind,), kind
        hidden = diff_documents(outline(text), outline(edit(text, a, b)), ignore=frozenset({kind}))
        assert hidden.visible() == [] and hidden.summary()["hidden_by"] == {kind: 1}, kind


def test_bullet_glyph_and_list_number_changes_are_formatting_only() -> None:
    old_doc, new_doc = outline(PLAN), outline(PLAN)
    area = next(s for s in new_doc.sections if s.title == "Rural communications")
    area.blocks[1].label = "-"
    area.blocks[2].label = "b)"
    old_area = next(s for s in old_doc.sections if s.title == "Rural communications")
    old_area.blocks[2].label = "a)"
    changes = diff_documents(old_doc, new_doc).changes
    assert [(c.kind, c.formatting_only) for c in changes] == [("modified", True), ("modified", True)]


def test_inserted_output_renumbers_the_next_one() -> None:
    inserted = """  @output 2.2 | Products and services on emergency telecommunications
    @background | Background
      Member States should take account of a diverse range of telecommunication solutions for disasters.
"""
    new = edit(PLAN, "  @output 2.2 | Products and services on building confidence and security",
               inserted + "  @output 2.3 | Products and services on building confidence and security")
    changes = diff(PLAN, new)
    kinds = [(c.kind, c.target, c.section_new) for c in changes]
    assert kinds == [
        ("added", "section", "output-2.2"),  # with its Background: one change
        ("renumbered", "section", "output-2.3"),
    ]
    assert changes[0].subsections == ["output-2.2/background-background"]
    renumbered = changes[1]
    assert (renumbered.old, renumbered.new, renumbered.section_old) == ("2.2", "2.3", "output-2.2")
    assert not renumbered.formatting_only  # every citation of Output 2.2 now points elsewhere: shown
    assert "diverse range of telecommunication solutions" in (changes[0].new or "")


def test_an_output_inserted_before_one_whose_title_it_echoes_is_added() -> None:
    """A new Output 2.2 whose title shares most words with the old 2.2 ("Products and services on
    building … and security") is added, and the old 2.2, now 2.3 with its title and text, is
    that output renumbered (hidden), not 2.2 renamed with its text replaced and 2.3 added."""
    inserted = """  @output 2.2 | Products and services on building trust and security
    @background | Background
      Trust in digital services depends on accessible complaint mechanisms and consumer protection rules.
"""
    new = edit(PLAN, "  @output 2.2 | Products and services on building confidence and security",
               inserted + "  @output 2.3 | Products and services on building confidence and security")
    changes = diff(PLAN, new)
    assert [(c.kind, c.section_old, c.section_new, c.formatting_only) for c in changes] == [
        ("added", None, "output-2.2", False),  # with its Background
        ("renumbered", "output-2.2", "output-2.3", False),
    ]


def test_of_two_identical_outputs_the_one_kept_keeps_its_number() -> None:
    """Outputs 2.3 and 2.4 with the same title and no text, and only 2.3 kept: 2.4 is removed,
    not 2.3 removed and 2.4 renumbered 2.3 (the pairing of same-titled sections under other
    numbers gives way to a section with its own number and title on the other side)."""
    twin = "  @output {n} | Products and services on spectrum management\n"
    old = PLAN + twin.format(n="2.3") + twin.format(n="2.4")
    new = PLAN + twin.format(n="2.3")
    assert [(c.kind, c.section_old, c.section_new) for c in diff(old, new)] == [("removed", "output-2.4", None)]


def test_an_output_renumbered_is_shown_whatever_made_it() -> None:
    """"Output 2.2" typed as "Output 2.3" with nothing inserted before it changes the id every
    citation of it uses: a renumbering to show; so does an output removed before it (the
    renumbering is shown as the removal is, not hidden as a list's own numbering)."""
    new = edit(PLAN, "  @output 2.2 | Products and services on building confidence and security",
               "  @output 2.3 | Products and services on building confidence and security")
    (change,) = diff(PLAN, new)
    assert (change.kind, change.old, change.new, change.formatting_only) == ("renumbered", "2.2", "2.3", False)
    removed = PLAN[:PLAN.index("  @output 2.1 |")] + PLAN[PLAN.index("  @output 2.2 |"):]
    removed = edit(removed, "@output 2.2 |", "@output 2.1 |")
    renumbered = [c for c in diff(PLAN, removed) if c.kind == "renumbered"]
    assert [(c.old, c.new, c.formatting_only) for c in renumbered] == [("2.2", "2.1", False)]


CLAUSES = "@clause 2 | The changing environment\n" + "".join(
    f"  2.1.{n} the {word} growth in demand for services, owing to factor {n};\n"
    for n, word in enumerate(["rapid", "steady", "uneven", "recent", "sharp"], start=1))


def test_a_typed_clause_number_changed_is_shown_whatever_made_it() -> None:
    """"2.1.3" typed "2.1.4" with no clause inserted (two clauses 2.1.4 now) is an edit to show;
    so are the clauses after one inserted, each typed one higher: their citations now point
    elsewhere, as an output's do when one is inserted before it."""
    typo = edit(CLAUSES, "2.1.3 the uneven", "2.1.4 the uneven")
    (change,) = diff(CLAUSES, typo)
    assert (change.kind, change.formatting_only) == ("modified", False)
    inserted = CLAUSES.replace("2.1.3 the uneven", "2.1.3 a new clause on the digital divide;\n  2.1.4 the uneven")
    inserted = inserted.replace("2.1.4 the recent", "2.1.5 the recent").replace("2.1.5 the sharp", "2.1.6 the sharp")
    shown = [(c.kind, c.old, c.new) for c in diff(CLAUSES, inserted) if not c.formatting_only]
    assert [(kind, (old or "")[:5], (new or "")[:5]) for kind, old, new in shown] == [
        ("added", "", "2.1.3"), ("modified", "2.1.3", "2.1.4"), ("modified", "2.1.4", "2.1.5"), ("modified", "2.1.5", "2.1.6")]


def test_paragraph_moved_between_areas() -> None:
    line = "          - disseminating information and analyses of the latest technologies and best practices.\n"
    new = edit(PLAN, line, "")
    new = edit(new, "          - providing spectrum-management assessments, master plans and recommended action plans.\n",
               "          - providing spectrum-management assessments, master plans and recommended action plans.\n" + line)
    (change,) = diff(PLAN, new)
    assert (change.kind, change.target, change.words) == ("moved", "block", None)
    assert change.path[-1] == "Spectrum management"
    assert change.section_old.endswith("area-rural-communications")
    assert change.section_new.endswith("area-spectrum-management")


def test_paragraph_moved_and_edited() -> None:
    old_line = "      Cyberdrills at national and regional level strengthen cooperation among the key actors.\n"
    new_line = "      Cyberdrills at national and regional level strengthen cooperation among all key actors.\n"
    new = edit(PLAN, old_line, "")
    new = edit(new, "      As the use of ICT continues", new_line + "      As the use of ICT continues")
    (change,) = diff(PLAN, new)
    assert change.kind == "moved"
    assert change.words is not None
    assert [(op, t) for op, t in change.words if op != "="] == [("-", "the"), ("+", "all")]


def test_area_moved_to_another_output() -> None:
    area = """        @area | Spectrum management
          Wireless technology has great potential to improve our quality of life.
          - continuing to maintain and expand the Spectrum Management System for Developing Countries;
          - providing spectrum-management assessments, master plans and recommended action plans.
"""
    new = edit(PLAN, area, "")
    new = new.rstrip("\n") + "\n    @implementation-framework | Implementation framework\n" \
        "      @programme | Cybersecurity\n" + area.replace("        @area", "        @area", 1)
    changes = diff(PLAN, new)
    kinds = [(c.kind, c.target) for c in changes]
    assert ("moved", "section") in kinds
    moved = next(c for c in changes if c.kind == "moved")
    assert moved.section_old.startswith("output-2.1/") and moved.section_new.startswith("output-2.2/")
    assert not any(c.kind == "removed" for c in changes)
    assert not any(c.target == "block" for c in changes)


def test_an_area_moved_and_edited_under_a_unique_title_is_still_a_move() -> None:
    """A section whose title no other section has keeps its identity when it moves to another
    output with a small edit: one moved section and its edited paragraph."""
    area = """        @area | Spectrum management
          Wireless technology has great potential to improve our quality of life.
          - continuing to maintain and expand the Spectrum Management System for Developing Countries;
          - providing spectrum-management assessments, master plans and recommended action plans.
"""
    new = edit(PLAN, area, "").rstrip("\n") + "\n    @implementation-framework | Implementation framework\n" \
        "      @programme | Cybersecurity\n" + area.replace("great potential", "a great potential")
    changes = diff(PLAN, new)
    assert [(c.kind, c.target) for c in changes if c.kind != "added"] == [("moved", "section"), ("modified", "block")]
    moved = next(c for c in changes if c.kind == "moved")
    assert moved.section_old.startswith("output-2.1/") and moved.section_new.startswith("output-2.2/")


def _output(number: str, topic: str, background: str, resolutions: str, lines: str, outcome: str) -> str:
    """An output of the Action Plan's shape: its sub-sections' titles recur under every output."""
    return f"""  @output {number} | Products and services on {topic}
    @background | Background
      {background}
    @references | References to WTDC Resolutions, WSIS Action Lines and Sustainable Development Goals
      @reference-group | PP and WTDC resolutions and recommendations
        The implementation of {resolutions} will support Output {number} and will contribute to the achievement of Outcome {outcome}.
      @reference-group | WSIS action lines
        The implementation of the WSIS Action Lines {lines} will support the Output {number} and will contribute to the achievement of Outcome {outcome}.
"""


_OBJECTIVE_2 = "@objective 2 | Modern and secure telecommunication/ICT infrastructure\n" + _output(
    "2.1", "telecommunication/ICT infrastructure", "Infrastructure is central for enabling affordable access to ICTs.",
    "PP Resolution 139 and WTDC Resolutions 9, 10 and 11", "C2, C5 and C6", "2.1")
_OBJECTIVE_3 = "@objective 3 | Enabling environment\n" + _output(
    "3.1", "policy and regulation", "Regulators need sound information on market developments and trends.",
    "PP Resolution 138 and WTDC Resolution 48", "C1, C6 and C11", "3.1")
_OUTPUT_3_2 = _output(
    "3.2", "telecommunication/ICT innovation", "Innovation has been recognized as a powerful engine for development to address social and economic "
    "challenges for policy makers and citizens alike.",
    "PP Resolution 200 and WTDC Resolutions 17 and 71", "C1, C2, C3, C4, C6 and C7", "3.2")
_OUTPUT_2_2 = _output(
    "2.2", "resilient submarine cable infrastructure", "Submarine cables carry most international traffic; their resilience is a growing concern for "
    "developing countries and small island developing States.",
    "PP Resolution 101 and WTDC Resolution 37", "C2 and C5", "2.1")


def test_generic_sections_of_a_removed_output_are_not_moved_to_an_added_one() -> None:
    """Output 3.2 removed and an unrelated Output 2.2 added: the sub-sections whose titles recur
    under every output ("WSIS action lines") are removed with 3.2 and added with 2.2, not moved
    from the one to the other with their output's number and resolutions edited."""
    old = _OBJECTIVE_2 + _OBJECTIVE_3 + _OUTPUT_3_2
    new = _OBJECTIVE_2 + _OUTPUT_2_2 + _OBJECTIVE_3
    changes = diff(old, new)
    assert {(c.kind, c.target) for c in changes} == {("added", "section"), ("removed", "section")}
    assert all((c.section_old or "").startswith("output-3.2") for c in changes if c.kind == "removed")
    assert all((c.section_new or "").startswith("output-2.2") for c in changes if c.kind == "added")
    assert len(changes) == 2  # each output with its 4 subsections
    assert [len(c.subsections) for c in changes] == [4, 4]


def test_a_generic_section_moved_and_edited_between_kept_outputs_is_still_a_move() -> None:
    """Between two outputs both revisions keep (a split or merge of their text), a section under a
    recurring title moves on content merely alike: Output 3.1's "WSIS action lines", edited, now
    under Output 3.2, which had none, its action lines changed and its numbers made 3.2's."""
    lines_31 = _OBJECTIVE_3[_OBJECTIVE_3.index("      @reference-group | WSIS action lines"):]
    no_lines_32 = _OUTPUT_3_2[:_OUTPUT_3_2.index("      @reference-group | WSIS action lines")]
    old = _OBJECTIVE_2 + _OBJECTIVE_3[:_OBJECTIVE_3.index("      @reference-group | WSIS action lines")] + lines_31 + no_lines_32
    new = _OBJECTIVE_2 + _OBJECTIVE_3[:_OBJECTIVE_3.index("      @reference-group | WSIS action lines")] + no_lines_32 + \
        lines_31.replace("C1, C6 and C11", "C2, C3, C4 and C7").replace("3.1", "3.2")
    changes = diff(old, new)
    moved = [(c.target, c.section_old, c.section_new) for c in changes if c.kind == "moved"]
    assert moved == [("section", "output-3.1/references-references-to-wtdc-resolutions-wsis-action/reference-group-wsis-action-lines",
                      "output-3.2/references-references-to-wtdc-resolutions-wsis-action/reference-group-wsis-action-lines")]
    assert [c.kind for c in changes if c.kind not in ("moved",)] == ["modified"]


def test_a_generic_section_moved_unchanged_is_still_a_move() -> None:
    """A section under a title that recurs under every output moves when its content comes along
    whole: the removed Output 3.2's "WSIS action lines" word for word in the added Output 2.2."""
    lines = _OUTPUT_3_2[_OUTPUT_3_2.index("      @reference-group | WSIS action lines"):]
    added = _OUTPUT_2_2[:_OUTPUT_2_2.index("      @reference-group | WSIS action lines")] + lines
    changes = diff(_OBJECTIVE_2 + _OBJECTIVE_3 + _OUTPUT_3_2, _OBJECTIVE_2 + added + _OBJECTIVE_3)
    moved = [c for c in changes if c.kind == "moved"]
    assert [(c.target, c.section_old, c.section_new) for c in moved] == [
        ("section", "output-3.2/references-references-to-wtdc-resolutions-wsis-action/reference-group-wsis-action-lines",
         "output-2.2/references-references-to-wtdc-resolutions-wsis-action/reference-group-wsis-action-lines"),
    ]
    assert not [c for c in changes if c.kind == "modified"]


def test_table_cell_edit_and_row_added() -> None:
    old = """
@output 2.1 | Products
  @regional-initiatives | Relevant regional initiatives
    | Region | Initiatives |
    | AFR Region | AFR3 |
    | AMS Region | AMS2 |
"""
    new = """
@output 2.1 | Products
  @regional-initiatives | Relevant regional initiatives
    | Region | Initiatives |
    | AFR Region | AFR3, AFR4 |
    | AMS Region | AMS2 |
    | ARB Region | ARB1 |
"""
    changes = diff(old, new)
    assert [(c.kind, c.where, c.old, c.new) for c in changes] == [
        ("modified", "“Initiatives” column, row 2", "AFR3", "AFR3, AFR4"),
        ("added", "table row 4", None, "ARB Region | ARB1"),
    ]


def test_empty_table_rows_added_or_removed_are_formatting_only() -> None:
    old = """
@output 2.1 | Products
  @regional-initiatives | Relevant regional initiatives
    | Region |
    | AFR Region |
    |  |
    | AMS Region |
"""
    new = """
@output 2.1 | Products
  @regional-initiatives | Relevant regional initiatives
    | Region |
    | AFR Region |
    | AMS Region |
    |  |
    | ARB Region |
"""
    changes = diff(old, new)
    assert [(c.kind, c.where, c.formatting_only) for c in changes] == [
        ("removed", "table row 3", True),
        ("added", "table row 4", True),
        ("added", "table row 5", False),
    ]


def test_refs_added_with_a_stand_in_finder() -> None:
    def refs(text: str) -> set[str]:
        m = re.search(r"WTDC Resolutions ([\d, and]+)", text)
        return {f"WTDC-RES-{n}" for n in re.findall(r"\d+", m.group(1))} if m else set()

    new = edit(PLAN, "WTDC Resolutions 9, 10, 11 and 15", "WTDC Resolutions 9, 10, 11, 15 and 85")
    (change,) = diff(PLAN, new, refs=refs)
    assert change.kind == "modified"
    assert (change.refs_added, change.refs_removed) == (["WTDC-RES-85"], [])


def test_refs_added_with_the_real_normaliser() -> None:
    find = pytest.importorskip("actionplan_trace.refs.find")

    def refs(text: str) -> set[str]:
        return {r.id for r in find.find_refs(text)[0]}

    new = edit(PLAN, "WTDC Resolutions 9, 10, 11 and 15", "WTDC Resolutions 9, 10, 11, 15 and 85")
    new = edit(new, "Wireless technology has great potential", "Wireless technology (WSIS Action Line C2) has great potential")
    changes = diff(PLAN, new, refs=refs)
    assert [(c.kind, c.refs_added, c.refs_removed) for c in changes] == [
        ("modified", ["WSIS-C2"], []),
        ("modified", ["WTDC-RES-85"], []),
    ]


def test_section_removed_reports_its_text_once() -> None:
    new = edit(PLAN, """    @references | References
      @reference-group | PP and WTDC resolutions and recommendations
        The implementation of WTDC Resolutions 9, 10, 11 and 15 will support Output 2.1.
""", "")
    changes = diff(PLAN, new)
    assert [(c.kind, c.target, c.section_old, c.subsections) for c in changes] == [
        ("removed", "section", "output-2.1/references-references",
         ["output-2.1/references-references/reference-group-pp-and-wtdc-resolutions-and-recommendations"]),
    ]
    assert (changes[0].old or "").count("WTDC Resolutions 9, 10, 11 and 15") == 1


def test_pathological_pair_stays_valid() -> None:
    old = "@heading | Everything\n" + "".join(f"  old paragraph number {i} alpha beta\n" for i in range(1500))
    new = "@heading | Everything\n" + "".join(f"  new text {i} gamma delta epsilon\n" for i in range(1500))
    changes = diff(old, new)
    assert [c.kind for c in changes] == ["removed"] * 1500 + ["added"] * 1500
    assert changes[0].old == "old paragraph number 0 alpha beta"
    assert changes[-1].new == "new text 1499 gamma delta epsilon"


def test_paragraph_split_in_two_is_one_formatting_only_change() -> None:
    old_line = "          Rural populations will need to be provided with telephony and broadband access.\n"
    new_lines = "          Rural populations will need to be provided\n          with telephony and broadband access.\n"
    (change,) = diff(PLAN, edit(PLAN, old_line, new_lines))
    assert (change.kind, change.where, change.formatting_only) == ("modified", "paragraph split in 2", True)
    assert change.new == "Rural populations will need to be provided\nwith telephony and broadband access."
    assert old_text(change.words) == change.old and new_text(change.words) == change.new


def test_paragraphs_joined_with_an_edit_are_one_change() -> None:
    old_lines = ("      Infrastructure is central for enabling universal, sustainable, ubiquitous and affordable access to ICTs.\n"
                 "      Communications no longer just connect people: the Internet of Things is fast becoming a reality.\n")
    new_line = ("      Infrastructure is central for enabling universal, sustainable, ubiquitous and affordable access to ICTs. "
                "Communications no longer just connect people: the Internet of Things is already a reality.\n")
    (change,) = diff(PLAN, edit(PLAN, old_lines, new_line))
    assert (change.kind, change.where, change.formatting_only) == ("modified", "2 paragraphs joined", False)
    assert [(op, t) for op, t in change.words if op != "="] == [("-", "\n"), ("+", " "), ("-", "fast becoming"), ("+", "already")]


ROADMAP_ROWS = """\
@wsis-outcome H | Invite interested countries to set up focal points
  [goals] ITU Strategic Goal 3 (Target 3.1)
  [goals] ITU-D Objective 2/Output 2.2 (Buenos Aires Action Plan)
  [goals] Regional Initiatives (AFR3, ARB2, ASP5, CIS3, EUR4)
  [goals] ITU-T Objective 1
  [results] Facilitating a global network of incident response teams
@wsis-outcome I | Encourage further development of secure applications
  [goals] ITU Strategic Goal 3 (Target 3.1)
  [goals] Regional Initiatives (AFR3, ARB2, ASP5, CIS3, EUR4) ITU-T Objective 1 GCA 2.Technical and Procedural Measures 5.International Cooperation Resolutions PP Res. 130, 174 (Rev. Busan, 2014) WTSA Res. 50, 52 (Rev. Hammamet, 2016)
  [results] Continue providing a global platform for Member States
"""


def test_paragraph_breaks_set_elsewhere_in_two_rows_are_no_move() -> None:
    """Two PDF layouts of one roadmap end a cell's paragraphs at other lines: outcome H's
    "Regional Initiatives (…)" joins the line above, outcome I's cell splits after "ITU-T
    Objective 1". The words of each cell are the same, so each is one formatting-only change in
    place, not H's paragraph moved into I (whose new first piece reads like it) and edits."""
    new = edit(ROADMAP_ROWS, "(Buenos Aires Action Plan)\n  [goals] Regional", "(Buenos Aires Action Plan) Regional")
    new = edit(new, "ITU-T Objective 1 GCA", "ITU-T Objective 1\n  [goals] GCA")
    changes = diff(ROADMAP_ROWS, new)
    assert [(c.kind, c.where, c.formatting_only) for c in changes] == [
        ("modified", "2 paragraphs joined", True), ("modified", "paragraph split in 2", True)]
    assert [c.section_old for c in changes] == ["wsis-outcome-H", "wsis-outcome-I"]


KPI_ROW = """\
@sp-objective 5 | To build human and institutional capacity
  [kpis] Number of training interventions delivered
  [kpis] Number of individuals trained • Feedback from members and survey satisfaction on training
  [kpis] Number of publications distributed
  [outputs] Capacity-building programmes and training
"""


def pdf_diff(old: str, new: str) -> list[Change]:
    """The changes between two outlines read as PDFs."""
    def as_pdf(text: str) -> Document:
        doc = outline(text)
        return dataclasses.replace(doc, source=dataclasses.replace(doc.source, format="pdf"))

    return diff_documents(as_pdf(old), as_pdf(new)).changes


def test_paragraphs_broken_at_other_places_are_one_formatting_only_change() -> None:
    """Two paragraphs of a PDF's cell made two others of the same words ("A" + "B • C" made "A B"
    + "• C", a page break falling elsewhere in the cell): one change, "2 paragraphs as 2", hidden;
    with an edit in them, the edit is shown. Between typed revisions the words moved from one
    indicator to the other are an edit."""
    new = edit(KPI_ROW, "delivered\n  [kpis] Number of individuals trained • Feedback",
               "delivered Number of individuals trained\n  [kpis] • Feedback")
    (change,) = pdf_diff(KPI_ROW, new)
    assert (change.kind, change.where, change.formatting_only) == ("modified", "2 paragraphs as 2", True)
    assert [c.formatting_only for c in diff(KPI_ROW, new)] == [False, False]
    edited = edit(new, "survey satisfaction", "survey results")
    shown = [c for c in pdf_diff(KPI_ROW, edited) if not c.formatting_only]
    assert [(op, text) for c in shown for op, text in c.words or [] if op == "+" and "results" in text] == [("+", "results")]


def test_a_paragraph_moved_into_a_cell_that_also_split_is_still_a_move() -> None:
    """Only the same words make a split before the move pass: an edited piece moved from H to I
    is still a move."""
    new = edit(ROADMAP_ROWS, "  [goals] Regional Initiatives (AFR3, ARB2, ASP5, CIS3, EUR4)\n  [goals] ITU-T Objective 1\n  [results]",
               "  [goals] ITU-T Objective 1\n  [results]")
    new = edit(new, "  [goals] Regional Initiatives (AFR3, ARB2, ASP5, CIS3, EUR4) ITU-T",
               "  [goals] Regional Initiatives (AFR3, ARB2, ASP5, CIS3, EUR4, AMS1)\n  [goals] Regional Initiatives (AFR3, ARB2, ASP5, CIS3, EUR4) ITU-T")
    kinds = [(c.kind, c.section_old, c.section_new) for c in diff(ROADMAP_ROWS, new)]
    assert ("moved", "wsis-outcome-H", "wsis-outcome-I") in kinds


def test_table_read_as_paragraphs_is_formatting_only_in_place() -> None:
    old = "@regional-initiatives | Relevant regional initiatives\n  | Region |\n  | AFR Region |\n  | AMS Region |\n  | ARB Region |\n"
    new = "@regional-initiatives | Relevant regional initiatives\n  Region\n  AFR Region\n  AMS Region\n  ARB Region\n"
    (change,) = diff(old, new)
    assert (change.kind, change.formatting_only, change.where) == ("modified", True, "table as 4 paragraphs")


def test_huge_paragraph_diff_stays_fast_and_exact() -> None:
    words_ = [f"w{i % 997}" for i in range(60_000)]
    old = "@heading | Long\n  " + " ".join(words_) + "\n"
    new = "@heading | Long\n  " + " ".join(w if i % 100 else "CHANGED" for i, w in enumerate(words_)) + "\n"
    (change,) = diff(old, new)
    assert change.kind == "modified"
    assert old_text(change.words) == change.old and new_text(change.words) == change.new


@pytest.mark.parametrize("old, new, kinds", [
    # a bullet that became a dash and curly quotes that became straight ones (pandoc's Markdown):
    # numbering and formatting, both hidden by default; it was named punctuation, and shown
    ("•\tTSB maintains the “ICT product conformity database”", "-\tTSB maintains the \"ICT product conformity database\"",
     {"numbering", "formatting"}),
    ("•\tItem one", "-\tItem one", {"numbering"}),
    # a real punctuation change is named, and shown, whatever else changed with it
    ("•\tthe “database”", "-\tthe \"database\".", {"punctuation"}),
])
def test_overlapping_kinds_are_named_by_the_fewest_that_change_no_meaning(old: str, new: str, kinds: set[str]) -> None:
    from actionplan_trace.diff.ignore import differences

    assert differences(old, new) == kinds


@pytest.mark.parametrize("old, new, kinds", [
    # an output cited by number and title in a table's Outputs column: another number is another output
    ("2.3 - Disaster risk reduction and emergency telecommunications", "4.1 - Disaster risk reduction and emergency telecommunications", None),
    ("2.3 – Disaster risk reduction", "2.4 – Disaster risk reduction", None),
    # a list's own numbers, typed or not, are numbering
    ("1. Item one", "2. Item one", {"numbering"}),
    ("2.1 Rural communications", "2.2 Rural communications", {"numbering"}),
])
def test_a_number_a_dash_parts_from_its_title_is_no_list_number(old: str, new: str, kinds: set[str] | None) -> None:
    from actionplan_trace.diff.ignore import differences

    assert differences(old, new) == kinds


@pytest.mark.parametrize("old, new, kinds", [
    # a PDF line broke between "]" and "(": a space between two punctuation marks is white space
    ("standards ([Y.3153](#)) and ([Y.3133](#));", "standards ([Y.3153](#)) and ([Y.3133] (#));", {"space"}),
    ("see (Annex 2).", "see (Annex 2) .", {"space"}),
    # beside a word a space still parts it from the mark: a paragraph mark deleted ("add.You")
    ("worth a look add. You can", "worth a look add.You can", {"punctuation", "space"}),
    # but not from a slash: a line broke after it, and a browser's print keeps no space glyph there
    ("in all 1,267/ 414,865 assignments", "in all 1,267/414,865 assignments", {"space"}),
    ("requests and / or notifications", "requests and/or notifications", {"space"}),
    ("support/agreement", "support agreement", {"punctuation", "space"}),
])
def test_white_space_between_punctuation_marks_is_white_space(old: str, new: str, kinds: set[str] | None) -> None:
    from actionplan_trace.diff.ignore import differences

    assert differences(old, new) == kinds


@pytest.mark.parametrize("old, new, typed, pdf", [
    # a narrow PDF column broke a word, or a wrap moved the space beside a hyphen or before a comma:
    # white space where a revision is a PDF, an edit between typed texts
    ("development of radiocommunicati on services", "development of radiocommunication services", None, {"space"}),
    ("Ass ocia te", "Associate", None, {"space"}),
    ("held in Sharm el- Sheikh, Egypt", "held in Sharm el-Sheikh, Egypt", {"punctuation", "space"}, {"space"}),
    ("-3.61%", "- 3.61%", None, None),  # a minus taken off its number, or a list's dash put in
    ("Some 100 Recommendations, reports", "Some 100 Recommendations , reports", {"punctuation", "space"}, {"space"}),
    ("we meet every day", "we meet everyday", None, {"space"}),
    ("a rise of 5 - 3.61%", "a rise of 5 -3.61%", {"punctuation", "space"}, {"space"}),
    ("see https://itu.int/go/ci\\_guidelines", "see https://itu.int/go/ci\\ _guidelines", {"punctuation", "space"}, {"space"}),
    # digits that a space parts are two numbers, and a hyphen made a space is punctuation, in a PDF too
    ("Goals 1 2 and 4", "Goals 12 and 4", None, None),
    ("decision-making", "decision making", {"punctuation", "space"}, {"punctuation", "space"}),
    # a number's sign is part of the figure, in a PDF too; a dash after a number is no sign
    ("a fall of -3.61% in 2021", "a fall of 3.61% in 2021", None, None),
    ("growth (\u22122%) and (+5%)", "growth (2%) and (5%)", None, None),
    ("-3.61%", "3.61%", None, None),  # a table cell's figure, in a PDF too
    ("share\t-3.61%", "share\t3.61%", None, None),
    ("was -3.61% in 2020 and 2% in 2021", "was 3.61% in 2020 and -2% in 2021", None, None),  # a minus moved
    ("a loss of -1,000 people", "a loss of -1 000 people", {"punctuation", "space"}, {"punctuation", "space"}),
    # a dash before a year, a plus, a hyphen between words and numbers: no sign
    ("Report \u2013 2019", "Report \u2014 2019", {"formatting"}, {"formatting"}),
    ("WSIS +10 Vision", "WSIS+10 Vision", {"punctuation", "space"}, {"space"}),
    ("1 January \u2013 31 December", "1 January\u201331 December", {"punctuation", "space"}, {"space"}),
    ("a fall of -3.61%", "a fall of - 3.61%", None, {"space"}),
    ("COVID-19 in 2020-2023", "COVID 19 in 2020\u20132023", {"punctuation", "space"}, {"punctuation", "space"}),
])
def test_a_pdfs_line_and_cell_breaks_white_space_is_white_space_only_in_a_pdf(
        old: str, new: str, typed: set[str] | None, pdf: set[str] | None) -> None:
    from actionplan_trace.diff.ignore import differences

    assert (differences(old, new), differences(old, new, loose=True)) == (typed, pdf)


@pytest.mark.parametrize("old, new, kinds", [
    # one cell paragraph of typed items ("A • B • C") that a PDF's wrap turns into lines, its
    # wrapped line's glyph read as the next item's bullet: numbering and white space, hidden
    ("•\tWTSA • WTSA regional consultation sessions • TSAG", "WTSA\nWTSA regional consultation sessions • TSAG",
     {"numbering"}),
    ("Council Decision 482 • Number of downloads", "Council Decision 482\n\nNumber of downloads", {"numbering", "space"}),
    ("•\tOne item\n•\tAnother item", "One item\nAnother item", {"numbering"}),
    # a word changed beside the glyph is still a change of words
    ("WTSA • regional sessions", "WTSA\nregional meetings", None),
    # a dash between spaces is punctuation, not a bullet
    ("materials – and for", "materials\nand for", {"punctuation", "space"}),
])
def test_a_bullet_glyph_between_items_is_numbering(old: str, new: str, kinds: set[str] | None) -> None:
    from actionplan_trace.diff.ignore import differences

    assert differences(old, new) == kinds


def test_a_kind_is_shown_with_its_acronyms() -> None:
    """A path names a WSIS outcome "WSIS outcome A", not "Wsis outcome A"."""
    from actionplan_trace.diff.labels import section_label
    from actionplan_trace.model import Section

    assert section_label(Section("wsis-outcome-a", "wsis-outcome", "A", "", None, 2)) == "WSIS outcome A"
    assert section_label(Section("d", "sp-objective-detail", "2", "Processing", None, 2)) == "SP objective detail 2 – Processing"
    assert section_label(Section("o", "output", "2.1", "Infrastructure", None, 2)) == "Output 2.1 – Infrastructure"


def test_a_moved_section_counts_its_words_as_moved() -> None:
    """The summary's moved words count a moved section's text and its subsections', as they read
    in the new revision (the change itself names the section, not its text)."""
    old = ("@output 2.1 | Infrastructure\n  @area | Rural communications\n    Five words are in here.\n"
           "    @area | Remote sites\n      Three more words.\n@output 2.2 | Cybersecurity\n  Body of the output.\n")
    new = ("@output 2.1 | Infrastructure\n@output 2.2 | Cybersecurity\n  Body of the output.\n"
           "  @area | Rural communications\n    Five words are in here.\n    @area | Remote sites\n      Three more words.\n")
    result = diff_documents(outline(old), outline(new))
    assert [(c.kind, c.target) for c in result.changes] == [("moved", "section")]
    assert result.summary()["words"] == {"inserted": 0, "deleted": 0, "moved": 8}


def test_a_removed_table_row_shows_its_title_once() -> None:
    """A row section without a number is named by its first cell: removed whole, the row reads as
    its cells, not the title and then the same title again (Table 6.1 of the Strategic Plan)."""
    from outline import outline

    text = ("@table 6.1 | Outputs and objectives\n  @sp-output | Telecommunication development study groups\n"
            "    [output] Telecommunication development study groups\n    [objective-1] X\n"
            "  @sp-output | Assistance in cases of emergency\n    [output] Assistance in cases of emergency\n"
            "    [objective-2] X\n")
    kept = text[:text.index("  @sp-output | Assistance")]
    (change,) = diff_documents(outline(text), outline(kept)).changes
    assert (change.kind, change.target) == ("removed", "section")
    assert change.old == "Assistance in cases of emergency\nX"


def test_a_row_whose_first_cell_only_begins_with_its_title_keeps_the_title() -> None:
    """The title is left out only where the first cell is the title: "Output 1" before a first
    cell "Output 10 …" is no repetition."""
    from outline import outline

    text = ("@table 6.1 | Outputs\n  @sp-output | Output 1\n    [output] Output 10 and its services\n    [objective-1] X\n")
    (change,) = diff_documents(outline(text), outline("@table 6.1 | Outputs\n")).changes
    assert change.old == "Output 1\nOutput 10 and its services\nX"


TARGETS_TABLE = """\
@heading | Goal 2 – Inclusiveness
  | Target | Indicator | Status |
  | 2.1 | 96% of the world population covered by broadband services | on track |
  | 2.2 | Broadband services affordable in developing countries | behind |
  | 2.3 | 65% of households with Internet access | on track |
  | 2.4 | Gender equality in Internet use achieved | behind |
"""


def test_a_table_row_moved_unchanged_is_one_move() -> None:
    """A black-box review moved a row of a targets table to the top: the diff reported a row
    added and a row removed (17 words inserted and deleted), never a move, in every format.
    A row edited in place beside it is still a cell change. A row moved and edited at once is
    one move with its edits (a second review found it a row removed and one added, its words
    and references lost and gained); an edited row moved among rows of another shape is not."""
    rows = TARGETS_TABLE.splitlines()
    new = "\n".join([rows[0], rows[1], rows[4], rows[2], rows[3], rows[5].replace("achieved", "reached")]) + "\n"
    changes = diff(TARGETS_TABLE, new)
    assert [(c.kind, c.where, c.new) for c in changes] == [
        ("moved", "table row 2", "2.3 | 65% of households with Internet access | on track"),
        ("modified", "“Indicator” column, row 5", "Gender equality in Internet use reached"),
    ]
    assert changes[0].old == changes[0].new and changes[0].at_old != changes[0].at_new
    edited = "\n".join([rows[0], rows[1], rows[4].replace("65%", "70%"), rows[2], rows[3], rows[5]]) + "\n"
    (move,) = diff(TARGETS_TABLE, edited)
    assert (move.kind, move.where, move.old, move.new) == (
        "moved", "table row 2", "2.3 | 65% of households with Internet access | on track",
        "2.3 | 70% of households with Internet access | on track")
    assert [op for op in move.words or [] if op[0] != "="] == [("-", "65"), ("+", "70")]
    # another shape: the moved row lost its status cell, so it is no longer the same row
    reshaped = "\n".join([rows[0], rows[1], "  | 2.3 | 70% of households with Internet access |", rows[2], rows[3],
                          rows[5]]) + "\n"
    assert sorted(c.kind for c in diff(TARGETS_TABLE, reshaped)) == ["added", "removed"]
    # the rows re-sorted in reverse (a regression review: the whole table removed and added)
    reverse = "\n".join([rows[0], rows[1], *reversed(rows[2:6])]) + "\n"
    assert {c.kind for c in diff(TARGETS_TABLE, reverse)} == {"moved"}


@pytest.mark.parametrize(("old", "new"), [
    ("1 Introduction\t3", "1 Introduction.......................3"),
    ("4.1 Situational analysis\t6", "4.1 Situational analysis …………… 6"),
    ("Annex 2\tii", "Annex 2 . . . . . . . . ii"),
    ("3 Strategic goals\t5", "3 Strategic goals ____________ 5"),
    ("3 Strategic goals\t20", "3 Strategic goals - - - - - - 20"),
])
def test_a_contents_leader_printed_as_dots_is_formatting(old: str, new: str) -> None:
    """A .docx's contents entry ("Title<TAB>page") against its PDF, which prints the tab's
    leader as dots: a black-box review found each entry a shown 'punctuation only' change.
    Dots before words, not a page number, are still punctuation."""
    from actionplan_trace.diff.ignore import differences

    assert differences(old, new) == frozenset({"formatting"})
    assert differences("It goes on\tnow", "It goes on... now") != frozenset({"formatting"})
    assert differences("Growth in 2020\t3", "Growth in 2020...3") == frozenset({"formatting"})


def test_a_merged_row_as_one_cell_or_as_its_slots_is_no_change() -> None:
    """A roadmap's group row merged over the table: a .docx whose other rows all hold five
    cells reads it as one cell, its PDF as the five slots of the grid, the first filled. A
    black-box review found the row removed and added on identical content."""
    rows = ("| WSIS Outcomes | Timing | Goals |\n  | {group} |\n  | A: Governments should act | 2016 | Goal 1 |\n")
    old = "@heading | Action line C2\n  " + rows.format(group="Geneva Plan of Action")
    new = "@heading | Action line C2\n  " + rows.format(group="Geneva Plan of Action |  |  ")
    assert diff(old, new) == []
    edited = "@heading | Action line C2\n  " + rows.format(group="Tunis Agenda |  |  ")
    assert [c.kind for c in diff(old, edited)] == ["removed", "added"]
    # spacing and typography apart, as any cell (a regression review: "Society's" / "Society’s")
    typed = "@heading | Action line C2\n  " + rows.format(group="Geneva  Plan of Action’s |  |  ")
    quoted = "@heading | Action line C2\n  " + rows.format(group="Geneva Plan of Action's")
    assert [(c.kind, c.formatting_only) for c in diff(quoted, typed)] == [("modified", True)]


def test_an_item_inserted_is_labelled_alike_whether_its_label_is_typed_or_numbered() -> None:
    """An item inserted into a list: "added item b)" where Word numbers it, and where the author
    typed "b)" (a black-box review found "added paragraph" there)."""
    from actionplan_trace.diff.labels import block_place
    from actionplan_trace.model import Block

    assert block_place(Block("paragraph", "b) supporting national CIRTs;")) == "item b)"
    assert block_place(Block("list-item", "supporting national CIRTs;", label="b)")) == "item b)"
    assert block_place(Block("paragraph", "2. The Conference resolves to act.")) == "item 2."
    assert block_place(Block("paragraph", "2.1 Products and services")) is None
    assert block_place(Block("paragraph", "a new bullet on community networks")) is None

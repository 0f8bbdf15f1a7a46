"""document_refs on structured Documents: context from profile, section kind/title and row fields."""

from __future__ import annotations

from pathlib import Path

from actionplan_trace import load
from actionplan_trace.model import Block, Cell, Document, Loc, Section, Source
from actionplan_trace.refs import document_refs

from conftest import CORPUS
from refs_oracle import BY_OUTPUT


def section(sid: str, kind: str, title: str, parent: str | None, *texts: str, number: str | None = None,
            fields: dict[str, str] | None = None, field_blocks: dict[str, str] | None = None) -> Section:
    level = sid.count("/") + 1
    blocks = [Block("paragraph", t, loc=Loc(paragraph=i)) for i, t in enumerate(texts)]
    for name, text in (field_blocks or {}).items():
        blocks.append(Block("paragraph", text, loc=Loc(table=1, row=1), field=name))
    return Section(sid, kind, number, title, parent, level, blocks=blocks, fields=fields or {})


def action_plan(*outputs: str, profile: str = "action-plan") -> Document:
    sections = [section("objective-2", "objective", "Modern and secure infrastructure", None, number="2")]
    for n in outputs:
        case = BY_OUTPUT[n]
        out = f"output-{n}"
        sections += [
            section(out, "output", f"Output {n}", "objective-2", number=n),
            section(f"{out}/background", "background", "Background", out,
                    "In line with WTDC Resolution 34 (Rev. Dubai, 2014) many countries have benefited."),
            section(f"{out}/references", "references",
                    "References to WTDC resolutions, WSIS action lines and sustainable development goals", out),
            section(f"{out}/references-resolutions", "reference-group", "PP and WTDC resolutions and recommendations",
                    f"{out}/references", case.resolutions_text),
            section(f"{out}/references-wsis", "reference-group", "WSIS action lines", f"{out}/references",
                    case.wsis_text.replace("WSIS Action Lines ", "")),
            section(f"{out}/references-sdgs", "reference-group", "Sustainable development goals and targets",
                    f"{out}/references", case.sdg_text.replace("UN SDGs", "goals")),
        ]
    return Document(Source("plan.docx", "docx", "0" * 64, profile=profile), sections)


def ids_under(report, prefix: str, families: set[str]) -> set[str]:
    return {r.id for r in report.refs if (r.section or "").startswith(prefix) and r.family in families}


def test_reference_groups_give_bare_lists_their_meaning() -> None:
    report = document_refs(action_plan("2.1", "2.3"))
    for n in ("2.1", "2.3"):
        case = BY_OUTPUT[n]
        assert ids_under(report, f"output-{n}/references-resolutions", {"resolution", "decision"}) == case.resolutions
        assert ids_under(report, f"output-{n}/references-wsis", {"wsis"}) == case.wsis
        assert ids_under(report, f"output-{n}/references-sdgs", {"sdg"}) == case.sdg_goals
        assert ids_under(report, f"output-{n}/references-sdgs", {"sdg-target"}) == case.sdg_targets
    assert ids_under(report, "output-2.3/background", {"resolution"}) == {"WTDC-RES-34"}
    assert [(f.code, f.ref, f.section) for f in report.findings] == [
        ("REF005", "PP-RES-127", "output-2.1/references-resolutions"), ("REF013", "ITU-D-OUTCOME-2.1", None)]
    assert report.sources == ["plan.docx"]
    assert {r.source for r in report.refs} == {"plan.docx"}


def test_profile_default_sector_resolves_bare_outputs() -> None:
    with_profile = document_refs(action_plan("2.2"))
    without = document_refs(action_plan("2.2", profile="generic"))
    assert "ITU-D-OUTCOME-2.2" in ids_under(with_profile, "output-2.2", {"itu-d-outcome"})
    assert ids_under(without, "output-2.2", {"itu-d-outcome", "itu-d-output"}) == set()
    assert ids_under(without, "output-2.2/references-wsis", {"wsis"}) == {"WSIS-C5"}


def roadmap() -> Document:
    line = section("action-line-C5", "action-line", "Building confidence and security in the use of ICTs", None,
                   number="C5")
    row = section(
        "action-line-C5/B1", "wsis-outcome", "Governments should prevent cyber-crime", "action-line-C5",
        number="B1",
        field_blocks={
            "outcome": "B1: Governments, in cooperation with the private sector, should prevent cyber-crime",
            "timing": "2016-2019",
            "goals-and-resolutions": "ITU Strategic Goal 3 (Target 3.1) ITU-D Objective 2/Output 2.2 (Buenos Aires "
                                     "Action Plan) Regional Initiatives (ARF3, ARB2) Resolutions PP Res. 130, 174 "
                                     "(Rev. Busan, 2014)",
            "sdgs": "1.4, 4.1, 4.3, 5.b, 7.a, 17.0.",
            "expected-results": "ITU activities under ITU-D and SG 2 Q3",
        },
    )
    c6 = section("action-line-C6", "action-line", "Enabling environment", None, number="C6")
    c6row = section(
        "action-line-C6/a.", "wsis-outcome", "Governments should foster a supportive policy", "action-line-C6",
        number="a.",
        field_blocks={
            "goals-and-resolutions": "Goals 1 & 4 ITU-D Objective 3",
            "sdgs": "2.a: Increase investment, including through enhanced international cooperation, in rural "
                    "infrastructure 9.1: Develop quality, reliable, sustainable and resilient infrastructure",
        },
    )
    return Document(Source("roadmaps.pdf", "pdf", "1" * 64, profile="wsis-roadmap"), [line, row, c6, c6row])


def test_roadmap_fields_goal_column_is_itu_and_sdg_column_holds_targets() -> None:
    report = document_refs(roadmap())
    row = {r.id for r in report.refs if r.section == "action-line-C5/B1"}
    assert {"ITU-GOAL-3", "ITU-TARGET-3.1", "ITU-D-OBJ-2@WTDC-17", "ITU-D-OUTPUT-2.2@WTDC-17", "RI-AFR3", "RI-ARB2",
            "PP-RES-130", "PP-RES-174", "ITU-D-SG2-Q3"} <= row
    assert {r.id for r in report.refs if r.field == "sdgs" and r.section == "action-line-C5/B1"} == {
        "SDG-1.4", "SDG-4.1", "SDG-4.3", "SDG-5.b", "SDG-7.a", "SDG-17.0"}
    assert {r.id for r in report.refs if r.section == "action-line-C6/a."} == {
        "ITU-GOAL-1", "ITU-GOAL-4", "ITU-D-OBJ-3@WTDC-17", "SDG-2.a", "SDG-9.1"}
    assert sorted((f.code, f.ref) for f in report.findings) == [
        ("REF002", "SDG-17.0"), ("REF007", "RI-AFR3"), ("REF013", "ITU-GOAL-1")]
    assert all(r.loc.table == 1 for r in report.refs)


def test_whole_table_columns_are_read_by_their_header() -> None:
    header = [Cell("WSIS Outcomes"), Cell("ITU Strategic Goals and Relevant Resolutions"), Cell("Linkages with the SDGs")]
    row = [Cell("A: Governments should take action"), Cell("Goal 1 Buenos Aires Action Plan Objective 2"),
           Cell("1, 2, 3, 4, 5")]
    table = Block("table", "", loc=Loc(table=3), rows=[header, row])
    doc = Document(Source("t.pdf", "pdf", "2" * 64, profile="generic"),
                   [Section("front", "front-matter", None, "", None, 1, blocks=[table])])
    report = document_refs(doc)
    assert [(r.id, r.loc.row, r.loc.col) for r in report.refs] == [
        ("ITU-GOAL-1", 1, 1), ("ITU-D-OBJ-2@WTDC-17", 1, 1),
        ("SDG-1", 1, 2), ("SDG-2", 1, 2), ("SDG-3", 1, 2), ("SDG-4", 1, 2), ("SDG-5", 1, 2)]


def test_itu_goals_named_in_one_paragraph_make_the_next_bullets_itu_goals() -> None:
    intro = Section("intro", "clause", "1", "Introduction", None, 1, blocks=[
        Block("paragraph", "the Plan is aligned with the ITU Connect 2020 Goals, agreed at the Plenipotentiary:"),
        Block("list-item", "Goal 1: Growth – Enable and foster access", label="·"),
        Block("list-item", "Goal 2: Inclusiveness – Bridge the digital divide", label="·"),
    ])
    other = Section("other", "clause", "2", "Elsewhere", None, 1, blocks=[Block("paragraph", "Goal 3: Sustainability")])
    report = document_refs(Document(Source("p.docx", "docx", "3" * 64, profile="generic"), [intro, other]))
    assert [(r.id, r.section) for r in report.refs] == [
        ("ITU-GOAL-1@SP-2016-2019", "intro"), ("ITU-GOAL-2@SP-2016-2019", "intro")]
    assert [(f.code, f.section) for f in report.findings] == [("REF010", "other")]


def test_headings_are_not_read_as_citations() -> None:
    out = Section("output-2.1", "output", "2.1", "Products and services", None, 1,
                  heading="Output 2.1 – Products and services, see Resolution 9999")
    report = document_refs(Document(Source("p.docx", "docx", "4" * 64, profile="action-plan"), [out]))
    assert report.refs == [] and report.findings == []


def test_a_recurring_text_is_read_again_in_each_place_and_context() -> None:
    """document_refs parses a text once per context and copies the result to each further place:
    every copy must carry its own section, location and field, and a change of context (a WSIS
    reference group, an ITU-goals mention, a table field) must still change the reading."""
    listed = "PP Resolutions 71, 71 and 25; Goal 1; C1 and C11"
    wsis = Section("refs/wsis", "reference-group", None, "WSIS action lines", None, 1, blocks=[
        Block("paragraph", listed, loc=Loc(paragraph=1)), Block("paragraph", listed, loc=Loc(paragraph=2))])
    plain = Section("background", "background", None, "Background", None, 1, blocks=[
        Block("paragraph", listed, loc=Loc(paragraph=3)),
        Block("paragraph", "the ITU strategic goals are these:", loc=Loc(paragraph=4)),
        Block("paragraph", listed, loc=Loc(paragraph=5)),
        Block("paragraph", listed, loc=Loc(table=1, row=1), field="goals-and-resolutions")])
    report = document_refs(Document(Source("r.docx", "docx", "5" * 64, profile="generic"), [wsis, plain]))
    by_place: dict[tuple[str | None, int | None, int | None], list[str]] = {}
    for r in report.refs:
        by_place.setdefault((r.section, r.loc.paragraph, r.loc.row), []).append(r.id)
    resolutions = ["PP-RES-71", "PP-RES-71", "PP-RES-25"]
    assert by_place == {
        ("refs/wsis", 1, None): [*resolutions, "WSIS-C1", "WSIS-C11"],
        ("refs/wsis", 2, None): [*resolutions, "WSIS-C1", "WSIS-C11"],
        ("background", 3, None): resolutions,
        ("background", 5, None): [*resolutions, "ITU-GOAL-1"],
        ("background", None, 1): [*resolutions, "ITU-GOAL-1"],
    }
    assert [r.field for r in report.refs if r.loc.row == 1] == ["goals-and-resolutions"] * 4
    assert all(r.field is None for r in report.refs if r.loc.row is None)
    places = [(f.code, f.section, f.loc.paragraph, f.loc.row) for f in report.findings if f.code != "REF013"]
    assert places == [
        ("REF005", "refs/wsis", 1, None), ("REF006", "refs/wsis", 1, None), ("REF010", "refs/wsis", 1, None),
        ("REF005", "refs/wsis", 2, None), ("REF006", "refs/wsis", 2, None), ("REF010", "refs/wsis", 2, None),
        ("REF005", "background", 3, None), ("REF006", "background", 3, None), ("REF010", "background", 3, None),
        ("REF005", "background", 5, None), ("REF006", "background", 5, None),
        ("REF005", "background", None, 1), ("REF006", "background", None, 1),
    ]


def test_reuse_is_keyed_on_every_context_field_that_changes_a_reading() -> None:
    """A new RefContext field must be added to the reuse key (KEYED_CONTEXT) or be one that is only
    copied onto references and findings, or the same for a whole document."""
    from dataclasses import fields

    from actionplan_trace.refs.document import KEYED_CONTEXT
    from actionplan_trace.refs.types import RefContext

    assert {f.name for f in fields(RefContext)} == {*KEYED_CONTEXT, "section", "loc", "source", "editions"}


def test_cell_locations_and_column_fields_as_the_plain_comparisons_give_them() -> None:
    """block_texts tests a cell's location by its fields (`__dict__`) and keeps each header's
    column field in a memo: the same texts, locations and fields as `!=` against an empty Loc and
    a fresh search of every header give, on tables with and without cell locations."""
    import itertools

    from actionplan_trace.refs.document import block_texts, column_field
    from actionplan_trace.refs.resolve import load_rules

    rules = load_rules()
    locs = [Loc(), Loc(row=0), Loc(paragraph=0), Loc(paragraph=3, row=1, col=2), Loc(page=2, line=5),
            Loc(footnote="1"), Loc(table=0, col=0)]
    for a, b in itertools.product(locs, locs):
        assert (a.__dict__ != b.__dict__) == (a != b)
    headers = ["Linkages with the SDGs", "Strategic goals", "SDGs", "Outputs", "Relevant resolutions and SDGs", ""]
    memo: dict[str, str | None] = {}
    for k, cell_locs in enumerate((locs, [Loc()] * len(locs))):
        rows = [[Cell(h, loc=cell_locs[c % len(cell_locs)]) for c, h in enumerate(headers)],
                [Cell(f"Resolution {c}", loc=cell_locs[(c + 1) % len(cell_locs)]) for c in range(len(headers))]]
        block = Block("table", "t", loc=Loc(paragraph=9, table=k), rows=rows, field="outputs" if k else None)
        fields = [column_field(h, rules) for h in headers]
        expected = []
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if not cell.text.strip():
                    continue  # an empty cell cites nothing: not handed on
                if r == 0 and fields[c] is not None:
                    continue  # a header a column pattern names cites nothing
                loc = cell.loc if cell.loc != Loc() else Loc(paragraph=9, table=k, row=r, col=c)
                expected.append((cell.text, loc, (fields[c] if r > 0 else None) or block.field))
        assert list(block_texts(block, rules, memo)) == expected == list(block_texts(block, rules))
    assert set(memo) == set(headers) and {"sdgs", "goals-and-resolutions"} <= set(memo.values())


def test_a_heading_cites_too(tmp_path: Path) -> None:
    """A reference in a heading's title is a reference of its section, as in a paragraph; the number
    a rule reads off the heading is the section's own and cites nothing."""
    source = tmp_path / "headings.md"
    source.write_text("# Implementation of Resolution 139 (Rev. Dubai, 2018)\n\nSome text.\n\n"
                      "## WSIS Action Line C7 e-health and SDG target 3.8\n\nMore text.\n", encoding="utf-8")
    report = document_refs(load(source))
    assert [(r.id, r.loc.line) for r in report.refs] == [("PP-RES-139", 1), ("WSIS-C7", 5), ("SDG-3.8", 5)]
    report = document_refs(load(CORPUS / "report-c20-35.docx"))
    entry = [r.id for r in report.refs if r.section == "res-177"]
    assert {"WTSA-RES-76", "WTDC-RES-47"} <= set(entry)
    assert "PP-RES-177" not in entry


def test_a_tab_before_a_number_is_no_contents_entry(tmp_path) -> None:
    """Only a paragraph in a contents style, or with a dot leader, loses its final number as a
    page: "SDG:<tab>9", a form's label and value, cites SDG 9."""
    from actionplan_trace import load
    from actionplan_trace.refs import document_refs

    path = tmp_path / "form.txt"
    path.write_text("Output 2.1\n\nThis output implements WTDC Resolution\t37\n\nIt serves SDG:\t9\n\n"
                    "Goals and targets of the SDGs .......... 7\n", encoding="utf-8")
    assert [r.id for r in document_refs(load(path)).refs] == ["WTDC-RES-37", "SDG-9"]


def test_a_contents_entry_cites_what_no_heading_or_text_cites(tmp_path) -> None:
    """A contents entry names a heading, read where it stands: an entry written as its heading
    cites nothing of its own, nor does one whose references the document makes elsewhere. One
    whose heading words it otherwise ("Implementation of PP Resolution 139" over "Bridging the
    standardization gap") is the only place that resolution is named, and cites it."""
    from actionplan_trace import load
    from actionplan_trace.refs import document_refs

    path = tmp_path / "contents.txt"
    path.write_text("Contents\n\n1 Introduction .......... 3\n\n2 Implementation of PP Resolution 139 .......... 5\n\n"
                    "3 Results under WTDC Resolution 37 .......... 9\n\n4 Work on SDG 9 .......... 12\n\n"
                    "1 Introduction\n\nThis report covers the year.\n\n2 Bridging the standardization gap\n\n"
                    "The work went on.\n\n3 Results under WTDC Resolution 37\n\nMore text.\n\n4 Infrastructure\n\n"
                    "The work served SDG 9.\n", encoding="utf-8")
    refs = document_refs(load(path)).refs
    assert [(r.id, r.loc.line) for r in refs] == [("PP-RES-139", 5), ("WTDC-RES-37", 19), ("SDG-9", 25)]


def test_a_contents_list_laid_out_as_a_table_cites_as_one_in_paragraphs_does(tmp_path) -> None:
    """Found in review: the report's contents, a table of titles and pages ("3.1.1 Goal 1 - Growth
    ….. | 36"), cited ITU goals 1-5 in its .docx, its PDF and its bold version, the report's only
    citations of them. A row that reads as a dot-leader entry is one (when two rows do): cited
    only as a paragraph's entry would be. A table of figures with no leaders is read as it is."""
    path = tmp_path / "contents.md"
    path.write_text("Contents\n\n| Title | Page |\n| --- | --- |\n| 1 Introduction .......... | 3 |\n"
                    "| 2 Implementation of PP Resolution 139 .......... | 5 |\n| 3 Results under WTDC Resolution 37 .......... | 9 |\n"
                    "| 4 Work on SDG 9 .......... | 12 |\n\n1 Introduction\n\nThis report covers the year.\n\n"
                    "2 Bridging the standardization gap\n\nThe work went on.\n\n3 Results under WTDC Resolution 37\n\n"
                    "More text.\n\n4 Infrastructure\n\nThe work served SDG 9.\n\n| Activity | Count |\n| --- | --- |\n"
                    "| Under WTDC Resolution 37 | 12 |\n| Under SDG 9 | 4 |\n", encoding="utf-8")
    refs = document_refs(load(path)).refs
    assert [(r.id, r.loc.line, r.loc.row) for r in refs] == [
        ("PP-RES-139", 3, 2), ("WTDC-RES-37", 18, None), ("SDG-9", 24, None), ("WTDC-RES-37", 26, 1), ("SDG-9", 26, 2)]
    for name in ("report-c20-35.docx", "report-c20-35-bold.docx", "report-c20-35.pdf"):
        refs = document_refs(load(CORPUS / name)).refs
        assert [r.section for r in refs if r.id.startswith("ITU-GOAL-")] == [], name


def test_a_heading_that_names_a_list_gives_it_its_meaning_in_any_document(tmp_path: Path) -> None:
    """A review found a contribution's "### WSIS Action Lines" over "- C2 / - C5" and "### SDGs"
    over "- 9.c" read as nothing: only an Action Plan's reference groups gave bare items their
    meaning. A heading of any kind naming such a list alone now does; one naming more does not."""
    path = tmp_path / "contribution.md"
    path.write_text("# Contribution\n\nSome text.\n\n### WSIS Action Lines\n\n- C2\n- C5\n\n### Relevant SDGs\n\n"
                    "- 9.c\n- 17.8\n\n### WSIS action lines and the grading\n\nC3 is a grade, 4.4 a version.\n",
                    encoding="utf-8")
    report = document_refs(load(path))
    assert [(r.id, r.section) for r in report.refs] == [
        ("WSIS-C2", "heading-contribution/heading-wsis-action-lines"),
        ("WSIS-C5", "heading-contribution/heading-wsis-action-lines"),
        ("SDG-9.c", "heading-contribution/heading-relevant-sdgs"),
        ("SDG-17.8", "heading-contribution/heading-relevant-sdgs")]


def test_a_header_row_a_section_repeats_cites_once(tmp_path: Path) -> None:
    """A roadmap's header row printed again over each part of its table ("WSIS Outcomes (WSIS AL
    C3)" on every page, as the seed's text rendering has it) cited its action line once per page."""
    from actionplan_trace import app

    header = ("| WSIS Outcomes (WSIS AL C3) | Proposed timing | ITU Strategic Goals and Relevant Resolutions "
              "| Linkages with the SDGs | Expected Results of ITU Activities |\n| --- | --- | --- | --- | --- |\n")
    row = "| {}: Access to public information | 2025 | Goal 1 | 16.10 | Libraries connected |\n\n"
    path = tmp_path / "roadmap.md"
    path.write_text("## Action Line C3: Access to information\n\n" + header + row.format("A1") + "Page 2\n\n"
                    + header + row.format("A2") + "Page 3\n\n" + header + row.format("A3"), encoding="utf-8")
    refs = app.references(path, profile="wsis-roadmap").refs
    assert [(r.id, r.text) for r in refs if r.id == "WSIS-C3" and r.section == "action-line-C3"] == [
        ("WSIS-C3", "WSIS AL C3")]
    assert [r.id for r in refs if r.family == "sdg-target"] == ["SDG-16.10"] * 3


def test_a_first_row_of_data_cites_though_it_looks_like_a_header_or_repeats(tmp_path: Path) -> None:
    """Two tables whose first rows are the same data, and a first cell that a column pattern
    names but that holds references: each cites (a review of the header rules above)."""
    from actionplan_trace import app

    table = "| PP Resolutions 139, 140 | WTDC Resolution 37 |\n| --- | --- |\n| SDG {} | WSIS Action Line C{} |\n\n"
    path = tmp_path / "tables.md"
    path.write_text("## References\n\n" + table.format(9, 2) + "Page 2\n\n" + table.format(16, 5)
                    + "| Sustainable development goals | SDG 4 (target 4.4) |\n| --- | --- |\n| x | y |\n",
                    encoding="utf-8")
    ids = [r.id for r in app.references(path).refs]
    assert ids.count("PP-RES-139") == 2 and ids.count("WTDC-RES-37") == 2
    assert "SDG-4" in ids and "SDG-4.4" in ids


def test_a_matrix_rows_key_cell_is_read_once(tmp_path: Path) -> None:
    """A black-box review: a Strategic Plan's outputs × objectives table, each row keyed by its
    first cell, gave that cell's references twice (as the row's title and as its Outputs cell)."""
    path = tmp_path / "sp.txt"
    path.write_text(
        "Strategic Plan for the Union for 2016-2019\n\n3 Sector objectives\n"
        "Table 3.1 – ITU-T outputs and objectives\n"
        "Outputs\tObjective T.1\tObjective T.2\tObjective T.3\n"
        "T.1-1 World Telecommunication Standardization Assembly (WTSA)\tX\t\t\n"
        "T.2-1 ITU-T Recommendations (e.g. ITU-T Y.2060, ITU-T G.9960)\t\tX\t\n"
        "T.3-1 Bridging the standardization gap (Resolution 44 (Rev. Dubai, 2012) of WTSA)\t\t\tX\n",
        encoding="utf-8")
    report = document_refs(load(path, profile="strategic-plan"))
    rows = [(r.id, r.loc.row, r.field) for r in report.refs if r.loc.row is not None]
    assert rows == [("ITU-T-REC-Y.2060", 2, "Outputs"), ("ITU-T-REC-G.9960", 2, "Outputs"), ("WTSA-RES-44", 3, "Outputs")]

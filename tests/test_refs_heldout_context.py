"""References whose place or wording decides what they are, on held-out shapes: a note's citation
belongs to the section that marks it, a sentence's own words outrank its heading's, the lettered
Connect 2030 targets, a misspelt initiative outside a list, ids the registry's numbering knows."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from conftest import run_cli
from docx.shared import Pt
from test_docx_reader import DECLS, FOOTNOTE_TYPE, add_body, add_part, para, save

from actionplan_trace.loader import load
from actionplan_trace.refs import document_refs


def _noted_output(path: Path, heading_style: bool) -> Path:
    """Output 2.1 with a Background paragraph marking note 4 (shown 1) and an area of work marking
    note 7 and, in a second paragraph, an endnote: the notes cite resolutions, a Question and an SDG
    target. Headings either in Heading styles or bold Normal text in another size."""
    document = docx.Document()

    def heading(text: str, level: int) -> str:
        if heading_style:
            return para(text, style=f"Heading{level}")
        return f'<w:p><w:r><w:rPr><w:b/><w:sz w:val="{28 - 2 * level}"/></w:rPr><w:t>{text}</w:t></w:r></w:p>'

    add_body(document, (
        heading("Objective 2 – Modern and secure telecommunication/ICT infrastructure", 1)
        + heading("Output 2.1 – Products and services on ICT infrastructure", 2)
        + heading("Background", 3)
        + '<w:p><w:r><w:t>Broadband remains out of reach for many rural communities</w:t></w:r>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="4"/></w:r>'
        '<w:r><w:t xml:space="preserve">, and the gap is widening.</w:t></w:r></w:p>'
        + heading("Rural communications", 3)
        + '<w:p><w:r><w:t xml:space="preserve">ITU-D assists Member States with rural connectivity. </w:t></w:r>'
        '<w:r><w:footnoteReference w:id="7"/></w:r></w:p>'
        + '<w:p><w:r><w:t>Pilot projects continue in two regions.</w:t></w:r>'
        '<w:r><w:endnoteReference w:id="2"/></w:r></w:p>'
    ))
    document.styles["Normal"].font.size = Pt(10 if heading_style else 11)
    save(document, path)
    add_part(path, "footnotes.xml", (
        f'<w:footnotes {DECLS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="4"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See Resolution 139 '
        '(Rev. Dubai, 2018) of the Plenipotentiary Conference.</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> ITU-D SG1 Question 5/1 '
        'studies rural areas.</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    ), "footnotes", FOOTNOTE_TYPE)
    add_part(path, "endnotes.xml", (
        f'<w:endnotes {DECLS}>'
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
        '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:endnote>'
        '<w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> In line with SDG target '
        '9.c.</w:t></w:r></w:p></w:endnote>'
        "</w:endnotes>"
    ), "endnotes", FOOTNOTE_TYPE.replace("footnotes", "endnotes"))
    return path


def test_a_notes_references_belong_to_the_section_marking_it(tmp_path: Path) -> None:
    """W2: what a footnote or endnote cites is cited by the section whose paragraph carries its
    mark, at the note's place ("footnote 4"), in refs, graph and chain alike."""
    for styled in (True, False):
        path = _noted_output(tmp_path / f"noted-{styled}.docx", styled)
        doc = load(path)
        by_id = {r.id: r for r in document_refs(doc).refs}
        background = next(s.id for s in doc.sections if s.title == "Background")
        rural = next(s.id for s in doc.sections if s.title == "Rural communications")
        assert by_id["PP-RES-139"].section == background
        assert by_id["PP-RES-139"].loc.footnote == "4"
        assert by_id["ITU-D-SG1-Q5"].section == rural
        assert by_id["SDG-9.c"].section == rural
        table = run_cli("refs", str(path)).stdout
        line = next(ln for ln in table.splitlines() if "PP-RES-139" in ln)
        assert "footnote 4" in line and f"[{background}]" in line
        assert "endnote 2" in next(ln for ln in table.splitlines() if "SDG-9.c" in ln)
        who = json.loads(run_cli("graph", str(path), "--who-cites", "ITU-D-SG1-Q5", "-f", "json").stdout)
        assert who["cited_by"] and all(rural.startswith(c["section"]) for c in who["cited_by"]), who
        chain = run_cli("chain", "PP-RES-139", str(path)).stdout
        assert "PP-RES-139" in chain and "Footnotes" not in chain, chain


def test_a_pdf_notes_references_belong_to_the_section_marking_it(tmp_path: Path) -> None:
    """W2 in a PDF: the raised mark after a paragraph's last word places the note printed at the
    page's foot (same label) in that paragraph's section."""
    from pdfgen import MARGIN, text_op, word_widths, write_placed

    body = [("Output 2.1 – Products and services on ICT infrastructure", "Helvetica-Bold", 13, None),
            ("Background", "Helvetica-Bold", 11, None),
            ("Broadband remains out of reach for many rural communities", "Times-Roman", 11, "1"),
            ("Rural communications", "Helvetica-Bold", 11, None),
            ("ITU-D assists Member States with rural connectivity", "Times-Roman", 11, "2")]
    ops, top = [], MARGIN + 20.0
    for text, font, size, mark in body:
        ops.append(text_op(MARGIN, top, text, font, size))
        if mark:
            widths, space = word_widths(set(text.split()), font, size, tmp_path)
            end = sum(widths[w] for w in text.split()) + space * (len(text.split()) - 1)
            ops.append(text_op(MARGIN + end + 0.3, top - 4, mark, font, 7))
        top += 24
    ops.append(text_op(MARGIN, 760, "1", "Times-Roman", 7))
    ops.append(text_op(MARGIN + 6, 763, "See Resolution 139 (Rev. Dubai, 2018) of the Plenipotentiary Conference.",
                       "Times-Roman", 9))
    ops.append(text_op(MARGIN, 774, "2", "Times-Roman", 7))
    ops.append(text_op(MARGIN + 6, 777, "ITU-D SG1 Question 5/1 studies rural areas.", "Times-Roman", 9))
    path = write_placed(tmp_path / "noted.pdf", [ops])
    doc = load(path)
    by_id = {r.id: r for r in document_refs(doc).refs}
    background = next(s.id for s in doc.sections if s.title == "Background")
    rural = next(s.id for s in doc.sections if s.title == "Rural communications")
    assert (by_id["PP-RES-139"].section, by_id["PP-RES-139"].loc.footnote) == (background, "1")
    assert (by_id["ITU-D-SG1-Q5"].section, by_id["ITU-D-SG1-Q5"].loc.footnote) == (rural, "2")
    line = next(ln for ln in run_cli("refs", str(path)).stdout.splitlines() if "PP-RES-139" in ln)
    assert "page 1, footnote 1" in line


def _refs(tmp_path: Path, name: str, text: str, profile: str | None = None) -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    args = ["refs", str(path), "-f", "json"] + (["--profile", profile] if profile else [])
    return json.loads(run_cli(*args).stdout)


def test_a_goal_that_contributes_to_sdgs_is_itu_s_under_an_sdg_heading(tmp_path: Path) -> None:
    """W3: "Goal 1 contributes to SDG targets 9.c and 17.6" says Goal 1 is what serves the SDGs, so
    it is an ITU strategic goal even under "Linkages with the Sustainable Development Goals", whose
    context makes a bare "Goal 1" an SDG; the SDG targets stay SDG targets, and a goal whose own
    words do not say so keeps the heading's meaning."""
    sentence = ("Goal 1 contributes to SDG targets 9.c and 17.6; Goal 2 to SDG targets 5.b and 10.2, "
                "and Goal 3 is linked to the Sustainable Development Goals 4 and 9.")
    text = ("Strategic plan for the Union for 2020-2023\n\n1 Strategic goals\n\n" + sentence
            + "\n\n2 Linkages with the Sustainable Development Goals\n\n" + sentence
            + "\n\nGoal 11 matters too.\n")
    refs = _refs(tmp_path, "linkages.txt", text, "strategic-plan")["refs"]
    for clause in ("clause-1", "clause-2"):
        ids = [r["id"] for r in refs if r["section"] == clause]
        assert ids[:7] == ["ITU-GOAL-1@SP-2020-2023", "SDG-9.c", "SDG-17.6", "ITU-GOAL-2@SP-2020-2023", "SDG-5.b",
                           "SDG-10.2", "ITU-GOAL-3@SP-2020-2023"], (clause, ids)
        assert not any(i in ("SDG-1", "SDG-2", "SDG-3") for i in ids)
    assert "SDG-11" in [r["id"] for r in refs if r["section"] == "clause-2"]


def test_lettered_connect_2030_targets_are_read(tmp_path: Path) -> None:
    """M1: the 2020-2023 plan's "Target 2.1.A" and "2.2.B" are ITU targets with their letter
    (ITU-TARGET-2.1.A@SP-2020-2023), alone, in lists and after "Connect 2030"; the registry, which
    numbers that plan's targets as the report on it does (2.1 … 2.10), lists no lettered target, so
    it does not say they are unknown (no REF001: tests/test_refs_unbounded_series.py)."""
    text = ("Strategic plan for the Union for 2020-2023\n\n1 Strategic goals\n\n"
            "Target 2.1.A: In the developing world, 60% of households should have access to the Internet\n\n"
            "Target 2.2.B: In the least developed countries, 20% of individuals should be using the Internet\n\n"
            "Target 1.1: Worldwide, 65% of households should have access to the Internet\n\n"
            "Progress on Connect 2030 targets 3.1.A, 3.1.B and 2.1.A was reported, as was SDG target 9.c.\n")
    report = _refs(tmp_path, "targets.txt", text, "strategic-plan")
    ids = [r["id"] for r in report["refs"]]
    assert ids == ["ITU-TARGET-2.1.A@SP-2020-2023", "ITU-TARGET-2.2.B@SP-2020-2023", "ITU-TARGET-1.1@SP-2020-2023",
                   "ITU-TARGET-3.1.A@SP-2020-2023", "ITU-TARGET-3.1.B@SP-2020-2023", "ITU-TARGET-2.1.A@SP-2020-2023",
                   "SDG-9.c"]
    assert {r["family"] for r in report["refs"][:6]} == {"itu-target"}
    assert report["refs"][0]["number"] == "2.1.A"
    assert not [f for f in report["findings"] if "2.1.A" in (f["ref"] or "")]


def test_a_misspelt_initiative_outside_a_list_is_read_and_reported(tmp_path: Path) -> None:
    """M7: a standalone "ARF3" (AFR with two letters swapped) is RI-AFR3 with a REF007, as it is
    in "Regional Initiatives (…, ARF3)"; a code with more than one initiative digit, a meeting's
    symbol or a word that only looks like one is not read."""
    text = ("Implementation report\n\nThe Africa region made progress on connectivity, as was ARF3 in 2019.\n\n"
            "Meetings RDF-ARF3 and ARF12 were held; the SAP team reported; ASP5 too.\n")
    report = _refs(tmp_path, "report.txt", text)
    assert [(r["id"], r["text"]) for r in report["refs"]] == [("RI-AFR3", "ARF3"), ("RI-ASP5", "ASP5")]
    assert [(f["code"], f["ref"]) for f in report["findings"] if f["code"] == "REF007"] == [("REF007", "RI-AFR3")]


def test_an_unlisted_id_within_a_known_numbering_is_info_not_a_warning(tmp_path: Path) -> None:
    """W8: the registry lists only the ids its sources cite, and states how far each numbered series
    runs (rules/registry/numbering.yml): an unlisted id within that is REF018 (info), so a correct
    plan passes `check --fail-on warning`; one past it ("PP Resolution 900") stays REF001. A region's
    initiatives are a series the registry does not bound ("ASP4", "ASP9": no finding) until a user
    registry file's `numbering` does."""
    text = ("Action Plan\n\nRegional Initiatives (ASP4, AFR1, ASP9). PP Resolutions 139 and 181, "
            "WTDC Resolution 43 and PP Resolution 900 apply.\n")
    report = _refs(tmp_path, "plan.txt", text)
    codes = {f["ref"]: (f["code"], f["severity"]) for f in report["findings"] if f["code"] in ("REF001", "REF018")}
    assert codes == {"PP-RES-181": ("REF018", "info"), "WTDC-RES-43": ("REF018", "info"),
                     "PP-RES-900": ("REF001", "warning")}
    plain = tmp_path / "ok"
    plain.mkdir()
    (plain / "plan.txt").write_text("Action Plan\n\nRegional Initiatives (ASP4, AFR1) and PP Resolution 181.\n",
                                    encoding="utf-8")
    result = run_cli("check", str(plain), "--fail-on", "warning", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    extra = tmp_path / "mine.yml"
    extra.write_text("numbering: {RI-ASP: 9}\n", encoding="utf-8")
    report = json.loads(run_cli("refs", str(tmp_path / "plan.txt"), "-f", "json", "--registry", str(extra)).stdout)
    assert [f["code"] for f in report["findings"] if f["ref"] in ("RI-ASP4", "RI-ASP9")] == ["REF018", "REF018"]


def test_a_pdf_endnote_is_placed_by_its_roman_mark() -> None:
    """W2 in a PDF's endnotes: the note's Loc.footnote is "endnote-3" but its mark, like its label,
    is "iii"; it is placed in the section that carries the mark, as the .docx it was printed from."""
    fixtures = Path(__file__).parent / "fixtures" / "pdf"
    placed = {}
    for suffix in ("docx", "pdf"):
        refs = document_refs(load(fixtures / f"endnotes.{suffix}")).refs
        placed[suffix] = {r.section for r in refs if r.id == "WTDC-RES-17"}
    assert placed["pdf"] == placed["docx"] and "footnotes" not in placed["pdf"], placed

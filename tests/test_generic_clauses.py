"""The generic profile: typed clause numbers open sections in text, .docx and .pdf alike, nested by
their depth; numbered sentences stay paragraphs; each section names the signal that fired.
Also seeds 003 (Strategic Plan, plain text) and 004 (report, Markdown in a .txt) when present."""

from __future__ import annotations

import re

import docx
import pytest

from actionplan_trace import load
from actionplan_trace.extract.inline import clean_inline

from conftest import SHARED
from pdfgen import Line, write_pdf

SEEDS = SHARED / "seeds"

# (number, heading text or None for a numbered sentence, body paragraphs)
CLAUSES = [
    ("1", "Introduction", ["1.1 Now, more than ever, the industry is undergoing a profound transformation."]),
    ("2", "The changing environment and its implications for the Union", [
        "2.1 Since the last conference many key developments have occurred that have implications for ITU.",
        "2.1.1 the emergence of key technologies, enabling new services;",
    ]),
    ("3", "Strategic orientations and goals", []),
    ("3.1", "Strategic Goal of the Radiocommunication Sector (ITU-R)", ["The strategic goal of ITU-R is threefold."]),
    ("3.2", "Objectives", ["The objectives of ITU-R are:"]),
    ("3.2.1", "Objective 1:", ["To promote cooperation among Member States."]),
    ("3.2.2", "Objective 2 - Producing global standards:", ["To develop standards in a timely manner."]),
    ("4", "Telecommunication Development Sector (ITU-D)", []),
    ("4.1", "Situational analysis", ["Telecommunications play an increasingly critical role."]),
    ("4.1.1", "The digital divide", ["Building the capacity of developing economies will remain high."]),
    ("4.1.2", "Access to broadband", [
        "4.1.2.1 Broadband is now a priority for all countries and regions of the world alike.",
        "Over the last five years access has improved.",
    ]),
]
EXPECTED = [(n, t.rstrip(":")) for n, t, _ in CLAUSES]


def _text_lines(separator: str, dotted: bool) -> list[str]:
    lines = ["ANNEX TO RESOLUTION 71 (Rev. Guadalajara, 2010)", "Strategic plan for the Union for 2012-2015"]
    for number, title, body in CLAUSES:
        label = f"{number}." if dotted and "." not in number else number
        lines.append(f"{label}{separator}{title}")
        lines.extend(body)
    return lines


def _tree(doc) -> list[tuple[str | None, str, str | None]]:
    by_id = {s.id: s for s in doc.sections}
    return [(s.number, s.title, by_id[s.parent].number if s.parent else None) for s in doc.sections if s.kind == "clause"]


EXPECTED_TREE = [
    ("1", "Introduction", None), ("2", "The changing environment and its implications for the Union", None),
    ("3", "Strategic orientations and goals", None),
    ("3.1", "Strategic Goal of the Radiocommunication Sector (ITU-R)", "3"), ("3.2", "Objectives", "3"),
    ("3.2.1", "Objective 1", "3.2"), ("3.2.2", "Objective 2 - Producing global standards", "3.2"),
    ("4", "Telecommunication Development Sector (ITU-D)", None), ("4.1", "Situational analysis", "4"),
    ("4.1.1", "The digital divide", "4.1"), ("4.1.2", "Access to broadband", "4.1"),
]


@pytest.mark.parametrize(
    "separator, dotted, blank, bullet",
    [(" ", False, True, ""), ("\t", False, False, ""), ("  ", True, True, "- "), (" ", False, False, "• ")],
    ids=["space-blank-lines", "tab-word-text", "dotted-bulleted", "bullet-glyph-no-blank"],
)
def test_plain_text_clause_numbers_open_sections(tmp_path, separator, dotted, blank, bullet):
    lines = []
    for line in _text_lines(separator, dotted):
        numbered_sentence = re.match(r"^\d+(\.\d+)+ [a-zA-Z].*[.;]$", line)
        lines.append(f"{bullet}{line}" if numbered_sentence and bullet else line)
    path = tmp_path / "plan.txt"
    path.write_text(("\n\n" if blank else "\n").join(lines) + "\n", encoding="utf-8")
    doc = load(path, profile="generic")
    assert _tree(doc) == EXPECTED_TREE
    assert {s.signal for s in doc.sections if s.kind == "clause"} == {"numbered-line"}
    bodies = [b.text for s in doc.sections for b in s.blocks]
    assert any(t.endswith("Broadband is now a priority for all countries and regions of the world alike.") for t in bodies)


def test_clause_numbers_in_docx_without_bold_or_styles(tmp_path):
    document = docx.Document()
    for line in _text_lines(" ", False):
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(path)
    doc = load(path, profile="generic")
    assert _tree(doc) == EXPECTED_TREE
    assert doc.section("clause-3.2.1").signal == "numbered-line"


def test_styled_and_bold_numbered_headings_keep_their_signal(tmp_path):
    document = docx.Document()
    document.add_heading("1 Introduction", level=1)
    document.add_paragraph("Body of the introduction.")
    document.add_paragraph().add_run("1.1 Scope of the plan").bold = True
    document.add_paragraph("Body of the scope.")
    document.add_paragraph("1.2 Vision")
    document.add_paragraph("Body of the vision.")
    path = tmp_path / "styled.docx"
    document.save(path)
    doc = load(path, profile="generic")
    assert [(s.number, s.title, s.signal) for s in doc.sections] == [
        ("1", "Introduction", "heading-style"), ("1.1", "Scope of the plan", "bold-line"), ("1.2", "Vision", "numbered-line"),
    ]
    assert doc.section("clause-1.2").parent == "clause-1"


def test_clause_numbers_in_pdf_in_two_fonts(tmp_path):
    lines: list[Line] = []
    fonts = ["Helvetica", "Times-Roman"]
    for k, line in enumerate(_text_lines(" ", False)):
        lines.append(Line(line, font=fonts[k % 2], gap_before=10))
    path = write_pdf(tmp_path / "plan.pdf", lines)
    doc = load(path, profile="generic")
    assert _tree(doc) == EXPECTED_TREE


def test_lettered_and_sentence_numbers():
    from actionplan_trace.model import Block
    from actionplan_trace.structure import numbered_line

    body = Block("paragraph", "Body text.")
    cases = {
        "A. Sectoral objectives": True, "(a) Bridging the digital divide": True, "b) Spectrum matters": True,
        "4.5.1 Objective 1:": True, "4.5 Objectives of the Sector are the following:": False,
        "5.1.1 ITU-T operates in a competitive and evolving environment.": False,
        "2.1.1 the emergence of key technologies": False, "29 April 2020": False, "2019 Annual report": False,
        "1 Introduction": True, "1 To publish annually:": False, "IV. Financial planning": True,
        "2) Membership": True,
        "2.2 A continuing challenge facing the Union is to remain a pre-eminent organization where Members and": False, "2 To coordinate with SDOs": False,
        "6.1.6 Telecommunication/ICT services and applications for economic and social development, "
        "poverty reduction and wealth creation in all regions": True,
    }
    got = {text: numbered_line(Block("paragraph", text), body) for text in cases}
    assert got == cases
    assert not numbered_line(Block("paragraph", "1 Introduction"), None)
    assert numbered_line(Block("paragraph", "4 Radiocommunication Sector"), Block("paragraph", "4.1 Situational analysis"))
    assert not numbered_line(Block("paragraph", "1. Organization of WTSA-20"), Block("paragraph", "2. Preparatory processes"))
    assert not numbered_line(Block("paragraph", "(a) Spectrum"), Block("paragraph", "(b) Orbits"))
    assert not numbered_line(Block("paragraph", "II. Objectives"), Block("paragraph", "III. Outputs"))
    assert numbered_line(Block("paragraph", "II. Objectives"), Block("paragraph", "1 Scope"))


def test_a_numbered_list_of_short_items_is_not_a_tree(tmp_path):
    path = tmp_path / "priorities.txt"
    path.write_text(
        "3.4 Priorities for 2020-2021\n\n1. Organization of WTSA-20\n2. Preparatory processes for WTDC-21\n"
        "3. Working as One ITU\n\nThese priorities guide the work.\n",
        encoding="utf-8",
    )
    doc = load(path, profile="generic")
    assert [(s.number, s.title) for s in doc.sections] == [("3.4", "Priorities for 2020-2021")]
    assert [(b.type, b.label, b.text) for b in doc.sections[0].blocks][:3] == [
        ("list-item", "1.", "Organization of WTSA-20"), ("list-item", "2.", "Preparatory processes for WTDC-21"),
        ("list-item", "3.", "Working as One ITU"),
    ]


@pytest.mark.skipif(not (SEEDS / "003_b58961451b6bb9a4.txt").exists(), reason="seeds absent")
def test_seed_003_strategic_plan_as_plain_text():
    path = SEEDS / "003_b58961451b6bb9a4.txt"
    truth = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+(?:\.\d+)*)\.?\s+(\S.*)$", line.strip())
        if m and len(m.group(2).split()) <= 14 and not re.search(r"[.;,]$", m.group(2)) and m.group(2)[0].isupper():
            truth.append((m.group(1), m.group(2).rstrip(":").strip()))
    doc = load(path, profile="generic")
    found = {(s.number, s.title) for s in doc.sections}
    assert len(truth) >= 60
    assert sum(t in found for t in truth) / len(truth) >= 0.95
    assert doc.section("clause-4.5.1").title == "Objective 1"
    assert doc.section("clause-6.1.12").parent == "clause-6.1"
    assert not [s.heading for s in doc.sections if s.number and (s.title.endswith(".") or len(s.title.split()) > 14)]


@pytest.mark.skipif(not (SEEDS / "004_24966623405e6d92.txt").exists(), reason="seeds absent")
def test_seed_004_markdown_report_in_a_txt_file():
    path = SEEDS / "004_24966623405e6d92.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    truth = [clean_inline(m.group(2)) for l in lines if (m := re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", l))]
    doc = load(path, profile="generic")
    headings = [re.sub(r"\s+", " ", s.heading or "") for s in doc.sections]
    assert sum(t in headings for t in truth) / len(truth) >= 0.9
    assert not [s.title for s in doc.sections if re.search(r"\*\*|__|\]\(|</?\w+>", s.title)]
    assert not [b.text for s in doc.sections for b in s.blocks if re.search(r"\*\*|\]\(|</?(?:p|b|ul|li)>", b.text)]
    titles = [s.title for s in doc.sections]
    assert "Summary" in titles and "Target 1.1: Households with Internet access" in titles


LONG_BODY = (
    "A continuing challenge facing the Union is to remain a pre-eminent intergovernmental organization where "
    "Member States, Sector Members and Associates work together to enable the growth and sustained development "
    "of telecommunication networks and services, which will require new working methods."
)


def test_hard_wrapped_text_without_blank_lines(tmp_path):
    """pdftotext-like output: lines cut at the page measure, no blank line between paragraphs,
    wrapped clause titles, bullets as Symbol private-use characters."""
    import textwrap

    out: list[str] = ["ANNEX TO RESOLUTION 71 (Rev.", "Guadalajara, 2010)"]
    for number, title, body in CLAUSES:
        out += textwrap.wrap(f"{number} {title}", 62)
        for paragraph in body + [LONG_BODY]:
            out += textwrap.wrap(paragraph, 74)
        out.append("\uf0b7 To promote and foster cooperation among Member States, Sector Members and")
        out.append("Associates in decision-making on standardization matters.")
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    doc = load(path, profile="generic")
    assert _tree(doc) == EXPECTED_TREE
    bodies = [b.text for s in doc.sections for b in s.blocks]
    assert bodies.count(LONG_BODY) == len(CLAUSES)
    assert sum(b.type == "list-item" and b.label == "•" for s in doc.sections for b in s.blocks) == len(CLAUSES)


def test_parts_lettered_and_roman_above_decimal_clauses(tmp_path):
    text = (
        "I. Strategic framework\nThe framework sets the goals.\n1 Vision\nA connected world.\n"
        "(a) Growth\nEnable access.\n(b) Inclusion\nBridge the divide.\n2 Mission\nTo promote.\n"
        "II. Financial plan\nThe plan is balanced.\n"
    )
    path = tmp_path / "roman.txt"
    path.write_text(text, encoding="utf-8")
    doc = load(path, profile="generic")
    assert _tree(doc) == [
        ("I", "Strategic framework", None), ("1", "Vision", "I"), ("a", "Growth", "1"), ("b", "Inclusion", "1"),
        ("2", "Mission", "I"), ("II", "Financial plan", None),
    ]

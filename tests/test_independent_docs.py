"""Action Plans made a third, independent way (scripts/make_independent_fixtures.py): the judged facts.

The fixtures under tests/fixtures/independent/ were written by LibreOffice from HTML and by a
hand-written OOXML writer with Word's habits (custom heading styles known only by their outline
level, headings split into runs or by a line break, "Output %1.%2" list labels, character-style
bold, fields, content controls, smart tags, a table of contents, comments, tracked changes, tables
with a repeated "Outcome" header row, horizontal-only rules), then printed to PDF by LibreOffice.
Every file is run through `trace extract --format json` and must give the 4 (or 1) objectives,
the 17 (or 3) outputs with their references sections, the outcomes with their indicators, and
Output 2.1's areas of work with their exact titles; and every word of the file lands in the model.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
import pdfplumber
import pypdfium2 as pdfium
import pytest
from lxml import etree
from typer.testing import CliRunner

from actionplan_trace.cli import app

from conftest import AREAS_2_1_NEW, OUTPUT_NUMBERS, norm

if TYPE_CHECKING:
    from actionplan_trace.extract.pdf import PdfReading

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "independent"
FILES = sorted(p.name for p in FIXTURES.glob("*.docx")) + sorted(p.name for p in FIXTURES.glob("*.pdf"))
PAIRS = sorted(p.stem for p in FIXTURES.glob("*.pdf") if (FIXTURES / f"{p.stem}.docx").exists())
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
WORD = re.compile(r"[^\W\d_]+|\d+")
# Tokens a list label adds to the model that the paragraph text does not hold ("a)", "2.1", "Output").
LABEL_TOKEN = re.compile(r"^(?:\d+|[a-z]|Objective|Output)$")

# Output 2.1's areas of work in seed 001 (the whole Buenos Aires Action Plan with the TDAG
# contribution's additions); seed 000's are AREAS_2_1_NEW.
AREAS_001 = [
    "Next-generation networks including ICT Networks for Smart Grids",
    "Broadband networks: Wired and wireless technologies, including IMT",
    "Rural communications",
    "Bridging the Standardization Gap",
    "Conformity and interoperability (C&I)",
    "Broadcasting and video",
    "Spectrum management",
]
TITLE_2_1_000 = (
    "Products and services on telecommunication/ICT infrastructure and services, including broadband and "
    "broadcasting, improving international connectivity, bridging the digital standardization gap, conformance "
    "and interoperability, effective and efficient management and proper use of telecommunication numbering "
    "resources within the mandate of ITU, and developing expertise in spectrum management and monitoring"
)
TITLE_2_2 = "Products and services on building confidence and security in the use of telecommunications/ICTs"
REFERENCE_GROUPS = ["resolutions and recommendations", "wsis action lines", "sustainable development goals and targets"]


def whole(name: str) -> bool:
    return name.startswith("action-plan")


def extracted(name: str) -> dict[str, Any]:
    """`trace extract FILE --format json` of a fixture, run in-process, parsed."""
    return extracted_at(FIXTURES / name)


@lru_cache(maxsize=None)
def extracted_at(path: Path) -> dict[str, Any]:
    """`trace extract PATH --format json`, run in-process, parsed: once for the module's tests."""
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def sections(name: str, kind: str | None = None) -> list[dict[str, Any]]:
    return [s for s in extracted(name)["sections"] if kind is None or s["kind"] == kind]


def by_id(name: str) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in sections(name)}


def under(name: str, section: dict[str, Any], ancestor: str) -> bool:
    index = by_id(name)
    while section is not None:
        if section["id"] == ancestor:
            return True
        section = index.get(section["parent"])
    return False


def test_every_kind_of_fixture_is_there() -> None:
    assert len([f for f in FILES if f.endswith(".docx")]) >= 6 and len([f for f in FILES if f.endswith(".pdf")]) >= 5
    assert any(whole(f) and f.endswith(".docx") for f in FILES) and any(whole(f) and f.endswith(".pdf") for f in FILES)
    assert sum(p.stat().st_size for p in FIXTURES.iterdir()) < 1_500_000


@pytest.mark.parametrize("name", FILES)
def test_objectives_and_outputs(name: str) -> None:
    data = extracted(name)
    assert data["schema"] == "actionplan-trace/extract/2" and data["source"]["profile"] == "action-plan"
    objectives = sections(name, "objective")
    assert [s["id"] for s in objectives] == (["objective-1", "objective-2", "objective-3", "objective-4"]
                                             if whole(name) else ["objective-2"])
    assert norm(by_id(name)["objective-2"]["title"]).startswith("Modern and secure telecommunication/ICT Infrastructure: Foster")
    outputs = sections(name, "output")
    assert [s["number"] for s in outputs] == (OUTPUT_NUMBERS if whole(name) else ["2.1", "2.2", "2.3"])
    assert all(s["id"] == f"output-{s['number']}" and s["parent"] == f"objective-{s['number'][0]}" for s in outputs)
    titles = {s["number"]: norm(s["title"]) for s in outputs}
    assert titles["2.2"] == TITLE_2_2
    if whole(name):
        assert titles["1.1"] == "World Telecommunication Development Conference (WTDC) and WTDC final report"
        assert titles["3.2"] == "Products and services on telecommunication/ICT statistics"
    else:
        assert titles["2.1"] == TITLE_2_1_000


@pytest.mark.parametrize("name", FILES)
def test_every_output_has_its_references_section(name: str) -> None:
    index = by_id(name)
    for output in sections(name, "output"):
        refs = index.get(f"{output['id']}/references")
        assert refs is not None and refs["parent"] == output["id"], output["id"]
        assert norm(refs["title"]).lower().startswith("references to wtdc resolutions, wsis action lines")
        groups = [s for s in sections(name, "reference-group") if s["parent"] == refs["id"]]
        assert len(groups) == 3, (output["id"], [g["title"] for g in groups])
        for group, expected in zip(groups, REFERENCE_GROUPS):
            assert norm(group["title"]).lower().endswith(expected)
            assert group["blocks"] and norm(group["blocks"][0]["text"]).startswith(("The implementation", "Output", "ICT Statistics"))


@pytest.mark.parametrize("name", FILES)
def test_outcomes_with_their_indicators(name: str) -> None:
    outcomes = sections(name, "outcome")
    per_objective = Counter(s["number"].split(".")[0] for s in outcomes)
    assert per_objective == (Counter({"1": 3, "2": 3, "3": 4, "4": 4}) if whole(name) else Counter({"2": 3}))
    for outcome in outcomes:
        assert outcome["parent"] == f"objective-{outcome['number'].split('.')[0]}"
        assert any(b.get("field") == "indicators" and b["text"].strip() for b in outcome["blocks"]), outcome["id"]
        assert outcome["fields"]["outputs"].lstrip().startswith(outcome["number"].split(".")[0] + ".")
    cyber = by_id(name)["outcome-2.2"]
    assert norm(cyber["title"]).startswith("Enhanced capacity of ITU Membership to effectively")
    indicators = [norm(b["text"]) for b in cyber["blocks"] if b.get("field") == "indicators"]
    assert len(indicators) == 3
    assert any(i.endswith("Number of CIRT that BDT has contributed to establish") for i in indicators)
    if whole(name):
        assert norm(by_id(name)["outcome-3.2"]["title"]).startswith("Strengthened capacity of Member States to produce")


@pytest.mark.parametrize("name", FILES)
def test_areas_of_work_under_output_2_1(name: str) -> None:
    areas = [s["title"] for s in sections(name, "area") if under(name, s, "output-2.1")]
    assert areas == (AREAS_001 if whole(name) else AREAS_2_1_NEW)
    framework = by_id(name)["output-2.1/implementation-framework"]
    programme = [s for s in sections(name, "programme") if s["parent"] == framework["id"]]
    assert [norm(p["title"]) for p in programme] == ["Telecommunication/ICT network infrastructure and services"]


@pytest.mark.parametrize("name", [f for f in FILES if "quirks" in f])
def test_table_of_contents_stays_in_front_matter(name: str) -> None:
    """Contents entries ("Output 2.1 – …<tab or dot leaders>3") open no section."""
    front = by_id(name)["front"]
    entries = [b["text"] for b in front["blocks"] if b["text"].startswith(("Objective", "Output", "OBJECTIVE"))]
    assert len(entries) == (21 if whole(name) else 4)


# --- nothing lost ------------------------------------------------------------------------------


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text))


def model_words(name: str) -> Counter[str]:
    """Words of every heading, block, list label and table cell of the extracted model."""
    out: Counter[str] = Counter()
    for section in sections(name):
        if section["kind"] == "footnotes":
            continue
        out += words(section.get("heading") or "")
        for block in section["blocks"]:
            if "rows" in block:
                out += sum((words(cell) for row in block["rows"] for cell in row), Counter())
            else:
                out += words(block["text"]) + words(block.get("label") or "")
    return out


def python_docx_words(path: Path) -> Counter[str]:
    """Words of every body paragraph and table cell as python-docx reads them."""
    document = docx.Document(str(path))
    out: Counter[str] = Counter()
    seen: set[int] = set()
    for item in document.iter_inner_content():
        if isinstance(item, docx.text.paragraph.Paragraph):
            out += words(item.text)
            continue
        for row in item.rows:
            for cell in row.cells:
                if id(cell._tc) not in seen:
                    seen.add(id(cell._tc))
                    out += sum((words(p.text) for p in cell.paragraphs), Counter())
    return out


def word_xml_words(path: Path) -> Counter[str]:
    """Words of the body as Word shows it with changes accepted: every w:t (in runs, fields,
    content controls, smart tags, insertions), never w:delText or field instructions."""
    with zipfile.ZipFile(path) as zf:
        body = etree.fromstring(zf.read("word/document.xml"), PARSER).find(f"{W}body")
    out: Counter[str] = Counter()
    for p in body.iter(f"{W}p"):
        out += words("".join(el.text or "" if el.tag == f"{W}t" else " " for el in p.iter(f"{W}t", f"{W}tab", f"{W}br")))
    return out


@pytest.mark.parametrize("name", [f for f in FILES if f.endswith(".docx")])
def test_nothing_lost_docx(name: str) -> None:
    path = FIXTURES / name
    ours = model_words(name)
    assert python_docx_words(path) - ours == Counter()
    theirs = word_xml_words(path)
    assert theirs - ours == Counter(), "words lost"
    extra = ours - theirs
    assert all(LABEL_TOKEN.match(w) for w in extra), sorted(extra)[:20]


def furniture(name: str, pages: int) -> Counter[str]:
    """The running header and footer the generator put on every page of a Word-made fixture
    ("ITU-D Action Plan", "Page N"); the LibreOffice-from-HTML ones have none."""
    if "-word-" not in name:
        return Counter()
    return sum((words(f"ITU-D Action Plan Page {n}") for n in range(1, pages + 1)), Counter())


def header_row_words(name: str) -> set[str]:
    """Words of the outcome tables' header rows, which a table continued on the next page repeats."""
    return {
        w for s in sections(name, "objective") for b in s["blocks"] if "rows" in b
        for cell in b["rows"][0] for w in words(cell)
    }


@pytest.mark.parametrize("name", [f for f in FILES if f.endswith(".pdf")])
def test_nothing_lost_pdf(name: str) -> None:
    """pdfium's page text (what pdfplumber ships) is the model's, but for the running header and
    footer and the header rows repeated at the top of a table's continuation pages."""
    pdf = pdfium.PdfDocument(str(FIXTURES / name))
    try:
        page_words = sum((words(page.get_textpage().get_text_range()) for page in pdf), Counter())
        dropped = furniture(name, len(pdf))
    finally:
        pdf.close()
    ours = model_words(name)
    assert dropped - page_words == Counter()
    lost = page_words - dropped - ours
    assert set(lost) <= header_row_words(name), f"words lost: {sorted(set(lost) - header_row_words(name))[:20]}"
    assert ours - page_words == Counter(), "words invented or duplicated"


def test_nothing_lost_against_pdfplumber_text() -> None:
    """The same on the first pages of one PDF, measured with pdfplumber's own text."""
    name = "objective2-word-quirks.pdf"
    with pdfplumber.open(FIXTURES / name) as pdf:
        seen = words("\n".join(p.extract_text() or "" for p in pdf.pages[:3]))
    assert (seen - model_words(name)) - furniture(name, 3) == Counter()


@pytest.mark.parametrize("stem", PAIRS)
def test_pdf_gives_what_its_docx_gives(stem: str) -> None:
    """The PDF printed from a fixture .docx has the same objectives, outputs, outcomes, indicators and areas."""
    def flat(text: str) -> str:
        return norm(re.sub(r"^(?:[-–•]|\d+\.)\s+", "", text, flags=re.MULTILINE))

    word, pdf = f"{stem}.docx", f"{stem}.pdf"
    for kind in ("objective", "output", "area", "reference-group"):
        assert [(s["id"], flat(s["title"])) for s in sections(pdf, kind)] == [
            (s["id"], flat(s["title"])) for s in sections(word, kind)
        ]
    for a, b in zip(sections(word, "outcome"), sections(pdf, "outcome"), strict=True):
        assert (b["id"], flat(b["title"])) == (a["id"], flat(a["title"]))
        for column in ("indicators", "outputs"):
            assert flat(b["fields"][column]) == flat(a["fields"][column])


# --- unruled outcome tables (tests/fixtures/pdf, built by build_unruled in the same script) ---------

UNRULED = Path(__file__).resolve().parent / "fixtures" / "pdf"
UNRULED_PDFS = ["objective2-word-quirks-borderless.pdf", "objective2-word-quirks-vrules.pdf"]
TWO_SIDED = "objective2-word-two-sided.pdf"  # ruled, but made by the same function: see test_two_sided…


@lru_cache(maxsize=None)
def unruled_reading(name: str) -> PdfReading:
    """read_pdf_detailed of a print in UNRULED, once for the module's tests (they only read it)."""
    from actionplan_trace.extract.pdf import read_pdf_detailed

    return read_pdf_detailed(UNRULED / name)


@pytest.mark.parametrize("name", [*UNRULED_PDFS, TWO_SIDED])
def test_unruled_outcome_table_with_wrapped_cells_gives_the_docx_outcomes(name: str) -> None:
    """No rules at all, or vertical rules only: one outcome per row, its wrapped cells whole."""
    def flat(text: str) -> str:
        return norm(re.sub(r"^(?:[-–•]|\d+\.)\s+", "", text, flags=re.MULTILINE))

    pdf = [s for s in extracted_at(UNRULED / name)["sections"] if s["kind"] == "outcome"]
    word = sections("objective2-word-quirks.docx", "outcome")
    assert [s["id"] for s in pdf] == ["outcome-2.1", "outcome-2.2", "outcome-2.3"]
    for a, b in zip(word, pdf, strict=True):
        assert (b["id"], flat(b["title"])) == (a["id"], flat(a["title"]))
        for column in ("indicators", "outputs"):
            assert flat(b["fields"][column]) == flat(a["fields"][column])


@pytest.mark.parametrize("name", [*UNRULED_PDFS, TWO_SIDED])
def test_nothing_lost_unruled_pdf(name: str) -> None:
    reading = unruled_reading(name)
    pdf = pdfium.PdfDocument(str(UNRULED / name))
    try:
        page_words = sum((words(page.get_textpage().get_text_range()) for page in pdf), Counter())
    finally:
        pdf.close()
    for _, text in reading.furniture + reading.note_marks:
        page_words -= words(text)
    ours: Counter[str] = Counter()
    for b in reading.raw.blocks + reading.raw.footnotes:
        cells = [c.text for row in b.rows or [] for c in row] if b.rows is not None else [b.label or "", b.text]
        ours += sum((words(t) for t in cells), Counter())
    assert ours == page_words


def test_two_sided_headers_and_footers_printed_by_libreoffice_are_dropped() -> None:
    """Objective 2 set for two-sided printing by Word's settings (w:evenAndOddHeaders, w:titlePg)
    and printed by LibreOffice: nine pages, the plan's name atop the odd ones but the first, the
    report's atop the even ones, and footers that differ by side. Each header stands on four of
    the nine pages, fewer than half: every one is furniture, and the sections are the .docx's."""
    reading = unruled_reading(TWO_SIDED)
    furniture = Counter(re.sub(r"^\d+(?= \|)|(?<=^Page )\d+$", "#", text) for _, text in reading.furniture)
    assert furniture == {"ITU-D Action Plan": 4, "WTDC-17 Final Report": 4, "Page #": 4, "# | Final Report of WTDC-17": 4}
    assert not [b.text for b in reading.raw.blocks if "Final Report" in b.text or b.text == "ITU-D Action Plan"]
    titles = [(s["kind"], s["title"]) for s in extracted_at(UNRULED / TWO_SIDED)["sections"] if s["kind"] in ("objective", "output")]
    assert titles == [(s["kind"], s["title"]) for s in sections("objective2-word-quirks.docx") if s["kind"] in ("objective", "output")]

"""The committed .docx corpus: every file opens and has the formatting and content it promises.

These tests read the files at zip/XML level (and through python-docx) so that they pin down
what the extractors are given: Heading styles versus bold Normal paragraphs, numbering.xml
restarts, list levels tied to heading styles, real footnotes and real revision marks.
"""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from pathlib import Path

import docx
import pytest
from lxml import etree

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
FILES = [
    "action-plan-ba.docx", "action-plan-ba-bold.docx", "contribution-tdag.docx",
    "objective2-old.docx", "objective2-new.docx", "objective2-new-autonum.docx", "objective2-tracked.docx",
]
ADDED = ("trans-multi-country", "Meanwhile, the extensive video applications", "video service access",
         "At the same time, it should be noted", "IDI scheme", "Information source accessibility",
         "establish patterns and rules of international cooperation")
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@lru_cache(maxsize=None)
def part(name: str, member: str) -> etree._Element:
    with zipfile.ZipFile(CORPUS / name) as zf:
        return etree.fromstring(zf.read(member), PARSER)


def body_paragraphs(name: str) -> list[etree._Element]:
    return part(name, "word/document.xml").xpath("//w:body//w:p", namespaces=NS)


def style_of(p: etree._Element) -> str | None:
    found = p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)
    return found or None


def visible(p: etree._Element, view: str = "accepted") -> str | None:
    """Paragraph text with changes accepted or rejected; None if the paragraph is not there."""
    if view == "accepted":
        text = "".join(p.xpath(".//w:t[not(ancestor::w:del)]/text()", namespaces=NS))
        gone = p.xpath("w:pPr/w:rPr/w:del", namespaces=NS)
    else:
        text = "".join(p.xpath(".//w:t[not(ancestor::w:ins)]/text() | .//w:delText/text()", namespaces=NS))
        gone = p.xpath("w:pPr/w:rPr/w:ins", namespaces=NS)
    return None if gone and not text else text


def texts(name: str, view: str = "accepted") -> list[str]:
    return [t for t in (visible(p, view) for p in body_paragraphs(name)) if t is not None]


def with_tabs(p: etree._Element) -> str:
    return "".join("\t" if n.tag == f"{{{W}}}tab" else n.text or "" for n in p.xpath(".//w:t | .//w:tab", namespaces=NS))


def words(paragraphs: list[str]) -> list[str]:
    return [w for w in " ".join(paragraphs).split() if w not in ("–", "-", "•", "·")]


def with_style(name: str, style: str) -> list[str]:
    return [visible(p) or "" for p in body_paragraphs(name) if style_of(p) == style]


@pytest.mark.parametrize("name", FILES)
def test_file_opens_with_python_docx(name: str) -> None:
    doc = docx.Document(str(CORPUS / name))
    assert len(doc.paragraphs) > 100
    assert len(doc.tables) >= 7
    assert (CORPUS / name).stat().st_size < 200_000
    header = " ".join(p.text for p in doc.sections[0].header.paragraphs)
    assert re.search(r"(TDAG-1[89]/xx-E|WTDC-17)", header)


@pytest.mark.parametrize("name", FILES)
def test_footer_page_field_and_footnote(name: str) -> None:
    with zipfile.ZipFile(CORPUS / name) as zf:
        footer = etree.fromstring(zf.read("word/footer1.xml"), PARSER)
        assert "PAGE" in "".join(footer.xpath("//w:instrText/text()", namespaces=NS))
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in zf.infolist())
    notes = part(name, "word/footnotes.xml").xpath("//w:footnote[not(@w:type)]", namespaces=NS)
    assert len(notes) == 1
    assert "telecommunications" in "".join(notes[0].xpath(".//w:t/text()", namespaces=NS))
    refs = part(name, "word/document.xml").xpath("//w:footnoteReference", namespaces=NS)
    assert len(refs) == 1
    before = refs[0].getparent().getprevious()
    assert "".join(before.xpath(".//w:t/text()", namespaces=NS)).endswith("telecommunications")


def test_action_plan_heading_styles_and_outputs() -> None:
    name = "action-plan-ba.docx"
    outputs = [t for t in with_style(name, "Heading2") if t.startswith("Output")]
    assert len(outputs) == 17
    assert outputs[0] == "Output 1.1" and outputs[-1] == "Output 4.4"
    objectives = with_style(name, "Heading1")
    assert [t[:11] for t in objectives if t.startswith("Objective")] == [f"Objective {n}" for n in "1234"]
    assert "Broadcasting" in with_style(name, "Heading4")
    assert "Rural communications" in with_style(name, "Heading4")
    body = " ".join(texts(name))
    assert not [a for a in ADDED if a in body]
    assert "Broadcasting and video" not in body


def test_action_plan_subheading_numbers_come_from_numbering_restarts() -> None:
    name = "action-plan-ba.docx"
    subs = [p for p in body_paragraphs(name) if style_of(p) == "Heading3"]
    backgrounds = [p for p in subs if (visible(p) or "").startswith("Background")]
    assert len(backgrounds) == 17
    assert not any(re.match(r"\d", visible(p) or "") for p in subs)
    num_ids = [p.xpath("string(w:pPr/w:numPr/w:numId/@w:val)", namespaces=NS) for p in backgrounds]
    assert len(set(num_ids)) == 17
    numbering = part(name, "word/numbering.xml")
    for num_id in num_ids:
        num = numbering.xpath(f"//w:num[@w:numId='{num_id}']", namespaces=NS)[0]
        assert num.xpath("string(w:lvlOverride[@w:ilvl='0']/w:startOverride/@w:val)", namespaces=NS) == "1"
    abstracts = {numbering.xpath(f"string(//w:num[@w:numId='{n}']/w:abstractNumId/@w:val)", namespaces=NS)
                 for n in num_ids}
    assert len(abstracts) == 1
    regional = [p for p in subs if visible(p) == "Relevant regional initiatives"]
    assert regional and not any(p.xpath("w:pPr/w:numPr", namespaces=NS) for p in regional)


def test_action_plan_non_breaking_hyphens() -> None:
    name = "action-plan-ba.docx"
    hyphens = part(name, "word/document.xml").xpath("//w:noBreakHyphen", namespaces=NS)
    assert len(hyphens) == 24
    doc = docx.Document(str(CORPUS / name))
    intro = next(p.text for p in doc.paragraphs if p.text.startswith("The Buenos Aires Action Plan aims"))
    assert "strategic Objectives of ITU-D, underpinned" in intro
    assert "strategic Objectives of ITUD," in (visible(hyphens[0].getparent().getparent()) or "")


def test_action_plan_tables() -> None:
    doc = docx.Document(str(CORPUS / "action-plan-ba.docx"))
    outcome = [t for t in doc.tables if t.rows[0].cells[0].text == "Outcomes"]
    assert [len(t.rows) - 1 for t in outcome] == [3, 3, 4, 4]
    indicators = outcome[1].rows[1].cells[1].paragraphs
    assert len(indicators) == 3
    assert indicators[0].text.startswith("Number of Guidelines")
    assert indicators[0]._p.pPr.numPr is not None
    assert outcome[1].rows[1].cells[2].text.startswith("2.1 - Telecommunication/ICT infrastructure")
    regions = [t for t in doc.tables if t.rows[0].cells[0].text == "Region"]
    assert len(regions) == 11
    assert [r.cells[0].text for r in regions[0].rows][1:4] == ["AFR Region", "", "AMS region"]


def test_bold_variant_has_no_heading_styles() -> None:
    name = "action-plan-ba-bold.docx"
    styles = part(name, "word/styles.xml").xpath("//w:style/w:name/@w:val", namespaces=NS)
    assert not [s for s in styles if s.lower().startswith(("heading", "list"))]
    paras = body_paragraphs(name)
    outputs = [p for p in paras if re.fullmatch(r"Output \d\.\d", visible(p) or "")]
    assert len(outputs) == 17
    assert all(p.xpath("w:r[1]/w:rPr/w:b", namespaces=NS) for p in outputs)
    all_text = texts(name)
    assert "1. Background" in all_text and "3. References to WTDC Resolutions, WSIS Action Lines and " \
        "Sustainable Development Goals" in all_text
    bullets = [p for p in paras if (visible(p) or "").startswith("•")]
    assert len(bullets) > 100
    assert all(p.xpath("w:r[1]/w:tab", namespaces=NS) for p in bullets)
    assert not part(name, "word/document.xml").xpath("//w:numPr", namespaces=NS)
    doc = docx.Document(str(CORPUS / name))
    assert [c.text for c in doc.tables[0].rows[0].cells] == [
        "Outcomes", "Performance Indicators", "Outputs (Products and services)"]


def test_objective2_old_and_new_differ_in_content_and_format() -> None:
    old, new = texts("objective2-old.docx"), texts("objective2-new.docx")
    assert "Broadcasting" in with_style("objective2-old.docx", "Heading4")
    assert "International Connectivity" not in old
    assert "Broadcasting" in new and "International Connectivity" in new
    assert "Combating counterfeit and combating mobile device theft" in new
    assert any(t.startswith("Output 2.1 – Products and services") for t in new)
    assert "Programme: Disaster management including emergency  telecommunications" in new
    assert not any("reductionmanagement" in t for t in new)
    assert not [s for p in body_paragraphs("objective2-new.docx") if (s := style_of(p))]
    assert "1\tBackground" in [with_tabs(p) for p in body_paragraphs("objective2-new.docx")]
    assert not [a for a in ADDED if a in " ".join(old + new)]


def test_autonum_variant_ties_list_levels_to_heading_styles() -> None:
    name = "objective2-new-autonum.docx"
    styles = part(name, "word/styles.xml")
    num_id = styles.xpath("string(//w:style[@w:styleId='Heading3']/w:pPr/w:numPr/w:numId/@w:val)", namespaces=NS)
    assert num_id
    numbering = part(name, "word/numbering.xml")
    abstract = numbering.xpath(f"string(//w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val)", namespaces=NS)
    level = numbering.xpath(f"//w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl[w:pStyle/@w:val='Heading3']",
                            namespaces=NS)[0]
    assert level.xpath("string(w:lvlText/@w:val)", namespaces=NS) == "%3"
    unnumbered = styles.xpath("//w:style[@w:styleId='Heading3Unnumbered']", namespaces=NS)[0]
    assert unnumbered.xpath("string(w:basedOn/@w:val)", namespaces=NS) == "Heading3"
    assert unnumbered.xpath("string(w:pPr/w:numPr/w:numId/@w:val)", namespaces=NS) == "0"
    headings = [p for p in body_paragraphs(name) if (style_of(p) or "").startswith("Heading3")]
    assert not any(p.xpath("w:pPr/w:numPr", namespaces=NS) for p in headings)
    assert [visible(p) for p in headings if style_of(p) == "Heading3"][:3] == [
        "Background", "Implementation framework",
        "References to WTDC resolutions, WSIS action lines and sustainable development goals"]
    assert len(headings) == 15


def test_contribution_has_tracked_insertions_of_the_proposals() -> None:
    name = "contribution-tdag.docx"
    doc = part(name, "word/document.xml")
    inserted = " ".join(doc.xpath("//w:ins//w:t/text()", namespaces=NS))
    for text in ADDED:
        assert text in inserted
    assert inserted.count("trans-multi-country terrestrial cable connection") == 2
    authors = set(doc.xpath("//w:ins/@w:author | //w:del/@w:author", namespaces=NS))
    assert authors == {"China"}
    renamed = [p for p in body_paragraphs(name) if p.xpath(".//w:delText[.='Broadcasting']", namespaces=NS)]
    assert len(renamed) == 1 and style_of(renamed[0]) == "Heading4"
    assert visible(renamed[0]) == "Broadcasting and video"
    assert visible(renamed[0], "original") == "Broadcasting"
    whole = [p for p in body_paragraphs(name) if p.xpath("w:pPr/w:rPr/w:ins", namespaces=NS)]
    assert len(whole) == 6
    assert docx.Document(str(CORPUS / name)).paragraphs[0].text == "Abstract:"
    assert part(name, "word/settings.xml").xpath("//w:trackRevisions", namespaces=NS)


def test_contribution_views_match_base_and_amended_plan() -> None:
    original = texts("contribution-tdag.docx", "original")
    accepted = texts("contribution-tdag.docx", "accepted")
    start = original.index("PART C")
    assert original[start:] == texts("action-plan-ba.docx")
    assert "2. Proposal" not in accepted and "Proposal" in accepted
    amended = accepted[accepted.index("PART C"):]
    assert len(amended) == len(original[start:]) + 6
    assert "Broadcasting and video" in amended


def test_objective2_tracked_reads_as_old_and_new() -> None:
    name = "objective2-tracked.docx"
    assert texts(name, "original") == texts("objective2-old.docx")
    new_words = words(texts("objective2-new-autonum.docx"))
    assert words(texts(name, "accepted")) == new_words
    doc = part(name, "word/document.xml")
    assert doc.xpath("//w:ins", namespaces=NS) and doc.xpath("//w:del", namespaces=NS)
    assert "International Connectivity" in [visible(p) for p in body_paragraphs(name)
                                            if p.xpath("w:pPr/w:rPr/w:ins", namespaces=NS)]
    deleted = " ".join(doc.xpath("//w:delText/text()", namespaces=NS))
    assert "reduction" in deleted

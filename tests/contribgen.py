"""Make contribution .docx files for tests: a preamble with numbered proposals, then a base
Action Plan with tracked changes (w:ins / w:del) and, optionally, untracked edits.

Independent of the corpus script: the Action Plan part is written by `docxgen` (any of its
formatting styles), then the XML is edited with lxml to add revision marks; the proposals are
Word auto-numbered list paragraphs (the number lives in numbering.xml, not in the text), where
the corpus contribution types "1." in the text.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from actionplan_trace.model import Block, Document
from docxgen import Style, copy_document, write_docx

DATE = "2024-02-12T09:30:00Z"


@dataclass(frozen=True)
class Insert:
    """A new paragraph (tracked insertion) at the end of a section, or after the block that starts
    with `after`."""

    section: str
    text: str
    after: str | None = None
    list_item: bool = True


@dataclass(frozen=True)
class Append:
    """A sentence added (tracked) at the end of the paragraph that starts with `paragraph`."""

    paragraph: str
    text: str


@dataclass(frozen=True)
class Replace:
    """Words replaced (tracked deletion + insertion) in the first paragraph containing `old`."""

    old: str
    new: str


@dataclass(frozen=True)
class Delete:
    """A whole paragraph deleted (tracked: its text and its paragraph mark)."""

    paragraph: str


@dataclass(frozen=True)
class Untracked:
    """A paragraph's text changed with no revision mark (track changes off)."""

    paragraph: str
    text: str


Edit = Insert | Append | Replace | Delete | Untracked


def _apply_to_model(doc: Document, edits: list[Edit]) -> Document:
    out = copy_document(doc)
    for edit in edits:
        if isinstance(edit, Insert):
            section = out.section(edit.section)
            index = len(section.blocks)
            if edit.after is not None:
                index = next(i for i, b in enumerate(section.blocks) if b.text.startswith(edit.after)) + 1
            section.blocks.insert(index, Block("list-item" if edit.list_item else "paragraph", edit.text))
        elif isinstance(edit, Untracked):
            block = next(b for _s, b in out.blocks() if b.text.startswith(edit.paragraph))
            block.text = edit.text
    return out


class _Marker:
    """Adds revision elements with unique ids, one author and date."""

    def __init__(self, author: str) -> None:
        self.author = author
        self.ids = itertools.count(9000)

    def element(self, tag: str) -> OxmlElement:
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(next(self.ids)))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), DATE)
        return el

    def whole_paragraph(self, p, tag: str) -> None:
        """Mark a whole paragraph, text and paragraph mark, as inserted ("w:ins") or deleted ("w:del")."""
        ppr = p.get_or_add_pPr()
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            ppr.append(rpr)
        rpr.append(self.element(tag))
        wrapper = self.element(tag)
        runs = [r for r in p if r.tag == qn("w:r")]
        runs[0].addprevious(wrapper)
        for run in runs:
            if tag == "w:del":
                for t in run.findall(qn("w:t")):
                    t.tag = qn("w:delText")
            wrapper.append(run)

    def run(self, text: str, template, deleted: bool = False):
        run = OxmlElement("w:r")
        rpr = template.find(qn("w:rPr")) if template is not None else None
        if rpr is not None:
            run.append(copy.deepcopy(rpr))
        t = OxmlElement("w:delText" if deleted else "w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text
        run.append(t)
        return run


def _text(p) -> str:
    return "".join("\t" if el.tag == qn("w:tab") else el.text or "" for el in p.iter(qn("w:t"), qn("w:tab")))


def _plain(p) -> str:
    text = _text(p)
    return text[2:] if text.startswith("•\t") else text


def _mark(path: Path, edits: list[Edit], author: str) -> docx.document.Document:
    document = docx.Document(str(path))
    marker = _Marker(author)
    body = document.element.body
    paragraphs = list(body.iter(qn("w:p")))
    marked: set[int] = set()
    for edit in edits:
        if isinstance(edit, Insert):
            p = next(p for p in paragraphs if id(p) not in marked and _plain(p) == edit.text)
            marked.add(id(p))
            marker.whole_paragraph(p, "w:ins")
        elif isinstance(edit, Append):
            p = next(p for p in paragraphs if _plain(p).startswith(edit.paragraph))
            runs = [r for r in p if r.tag == qn("w:r")]
            ins = marker.element("w:ins")
            ins.append(marker.run(edit.text, runs[-1] if runs else None))
            p.append(ins)
        elif isinstance(edit, Delete):
            marker.whole_paragraph(next(p for p in paragraphs if _plain(p).startswith(edit.paragraph)), "w:del")
        elif isinstance(edit, Replace):
            p = next(p for p in paragraphs if edit.old in _text(p))
            runs = [r for r in p if r.tag == qn("w:r")]
            template = runs[0]
            before, after = _text(p).split(edit.old, 1)
            for run in runs:
                p.remove(run)
            deletion, insertion = marker.element("w:del"), marker.element("w:ins")
            deletion.append(marker.run(edit.old, template, deleted=True))
            insertion.append(marker.run(edit.new, template))
            for piece in (marker.run(before, template), deletion, insertion, marker.run(after, template)):
                p.append(piece)
    return document


def _preamble(document, title: str, abstract: str, introduction: str, proposals: list[str], heading_style: str,
              amended_heading: str | None, lead: str | None, numbered: bool = True, bold_title: bool = False) -> None:
    body = document.element.body
    first = body[0]
    made = []

    def heading(text: str) -> None:
        if heading_style == "styles":
            made.append(document.add_paragraph(text, style="Heading 1"))
        else:
            paragraph = document.add_paragraph()
            paragraph.add_run(text).bold = True
            made.append(paragraph)

    made.append(document.add_paragraph() if bold_title else document.add_paragraph(title))
    if bold_title:
        made[-1].add_run(title).bold = True
    heading("Abstract")
    made.append(document.add_paragraph(abstract))
    heading("Introduction")
    made.append(document.add_paragraph(introduction))
    heading("Proposals")
    if lead is not None:
        made.append(document.add_paragraph(lead))
    for text in proposals:
        made.append(document.add_paragraph(text, style="List Number" if numbered else None))
    if amended_heading is not None:
        heading(amended_heading)
    for paragraph in made:
        first.addprevious(paragraph._p)


def write_contribution(
    base: Document,
    path: Path,
    proposals: list[str],
    edits: list[Edit],
    style: Style = Style(),
    author: str = "Delegation of Examplia",
    abstract: str = "This contribution proposes additions to the ITU-D Action Plan.",
    introduction: str = "The proposals below amend Objective 2 of the Action Plan.",
    amended_heading: str | None = "Detailed modifications are as follows:",
    lead: str | None = None,
    numbered: bool = True,
    title: str = "Contribution from the Delegation of Examplia",
    bold_title: bool = False,
) -> Path:
    """Write a contribution .docx: preamble (`title`, bold when `bold_title`; abstract,
    introduction) with auto-numbered `proposals` (plain paragraphs, a line each, unless
    `numbered`: ITU blocks) after the sentence `lead`, if any, then `amended_heading` (None: the
    plan follows the proposals straight away), then `base` with `edits` applied (tracked unless
    Untracked)."""
    write_docx(_apply_to_model(base, edits), path, style)
    document = _mark(path, edits, author)
    _preamble(document, title, abstract, introduction, proposals, style.headings, amended_heading, lead, numbered,
              bold_title)
    document.save(str(path))
    return path


RURAL_BULLET = ("providing guidance on solar-powered community networks for unserved areas, "
                "in line with WSIS Action Line C12;")
EXAMPLIA_PROPOSALS = [
    'In Output 2.1, under the heading "Rural communications", add a new activity on solar-powered community networks.',
    "In Output 2.3, under “Products and services on building confidence and security in the use of "
    "telecommunications/ICTs”, add text on cyber-incident drills for emergency networks.",
    "In Output 2.2, under the programme ‘Cybersecurity’, replace ‘national and/or regional cybersecurity "
    "strategies’ with ‘national and/or regional cybersecurity strategies and incident response plans’.",
]
EXAMPLIA_EDITS: list[Edit] = [
    Insert("output-2.1/area-rural-communications", RURAL_BULLET),
    Insert("output-2.1/area-rural-communications", RURAL_BULLET),
    Insert("output-2.3/programme-disaster-management-including",
           "organizing cyber-incident drills for emergency telecommunication networks;", after="carrying out infrastructure"),
    Replace("national and/or regional cybersecurity strategies",
            "national and/or regional cybersecurity strategies and incident response plans"),
    Append("Communications no longer just connect people", " Satellite constellations also extend coverage to remote islands."),
    Untracked("BDT undertook many activities",
              "BDT undertook many activities that offer development assistance to members, including regional cyberdrills."),
]
EXAMPLIA_STYLE = Style(headings="bold", numbering="auto", title_next_line=True, bullets="auto")


def examplia(base: Document, folder: Path, style: Style = EXAMPLIA_STYLE) -> Path:
    """The Examplia contribution on an Objective 2 base: proposal 1 is carried out twice (the same
    bullet, citing WSIS C12, inserted twice), proposal 2 names Output 2.3 under Output 2.2's title,
    proposal 3 replaces words; unannounced: a tracked sentence in Output 2.1's Background and an
    untracked edit in Output 2.2's Background."""
    return write_contribution(base, folder / "contribution-examplia.docx", EXAMPLIA_PROPOSALS, EXAMPLIA_EDITS, style)


PLAN = """\
Objective 1 – Coordination: Foster international cooperation and agreement on development issues
Output 1.1 – World Telecommunication Development Conference and its final report
Background
The conference sets the direction of the Sector for the next four years and beyond.
The conference also supports SDG 18.
The conference sets the direction of the Sector for the next four years and beyond.
References to WTDC resolutions, WSIS action lines and sustainable development goals
PP and WTDC resolutions and recommendations
To be completed by the secretariat.
Output 2.2 – Regional preparatory meetings and their final reports
Background
Regional preparatory meetings prepare the conference in every region of the world.
"""
WARNINGS_ONLY = PLAN.replace("The conference also supports SDG 18.\n", "")


def build_repo(root: Path, base: Document) -> Path:
    """A repository to `trace check`: plans/ with a text plan full of defects (an impossible SDG,
    a repeated paragraph, references citing nothing, an output without references and numbered
    for another objective), the base as .docx, the Examplia contribution, a corrupt .docx, a
    non-document, and a drafts folder that trace.toml excludes; trace.toml names the base."""
    plans = root / "plans"
    (plans / "drafts").mkdir(parents=True)
    (plans / "plan.txt").write_text(PLAN, encoding="utf-8")
    (plans / "drafts" / "draft.txt").write_text(PLAN, encoding="utf-8")
    (plans / "broken.docx").write_bytes(b"PK\x03\x04 this is not a zip package")
    (plans / "notes.csv").write_text("not, a, document\n", encoding="utf-8")
    write_docx(base, plans / "objective2.docx", Style(headings="styles"))
    examplia(base, plans)
    (root / "trace.toml").write_text('base = "plans/objective2.docx"\nexclude = ["plans/drafts/*"]\n', encoding="utf-8")
    return root

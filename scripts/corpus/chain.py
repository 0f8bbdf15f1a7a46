"""The planning-chain corpus: seeds 003 (Strategic Plan 2012-2015) and 004 (report C20/35) as
Word files in two formattings, and a generated Strategic Plan of a later edition.

A seed is read into a list of `Block`s (heading, paragraph, bullet, table); `write_docx` renders
them either with Word Heading styles (tables split over pages as one table with a repeated header
row) or as bold Normal paragraphs with typed numbers (split tables as separate tables, each with
its header row repeated), so that the profiles are tested on two formattings of the same text.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as new_docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

TAG = re.compile(r"<[^>]+>")
LI = re.compile(r"<li[^>]*>(.*?)</li>", re.S)
P = re.compile(r"<p[^>]*>(.*?)</p>", re.S)
BOLD_ALL = re.compile(r"^\*\*(.+?)\*\*:?\s*$")
MD_MARK = re.compile(r"\*\*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
CLAUSE = re.compile(r"^(\d+(?:\.\d+){0,3})\s+(\S.*)$")
P_B_ROW = re.compile(r"^<p><b>(.*?)</b></p>\s*(.*)$")


@dataclass
class Block:
    """kind: heading (level 1-4), para, bullet, caption, table; `bold` for a bold paragraph,
    `runs` for a paragraph mixing a bold lead with plain text; tables hold rows of cells of paragraphs."""

    kind: str
    text: str = ""
    level: int = 0
    bold: bool = False
    italic: bool = False
    lead: str = ""
    rows: list[list[list[str]]] = field(default_factory=list)
    header_rows: int = 1
    parts: list[int] = field(default_factory=list)


def clean(text: str) -> str:
    """Inline HTML and Markdown marks off, entities decoded, white space collapsed."""
    text = TAG.sub(" ", text)
    text = MD_MARK.sub("", text)
    return " ".join(html.unescape(text).split())


def cell_paragraphs(raw: str) -> list[str]:
    """A seed table cell as paragraphs: <p> and <li> become paragraphs (list items with a bullet)."""
    raw = re.sub(r"\s*<i>(\(.*?\))</i>\s*$", r"<br>\1", raw.strip())
    if "<br>" in raw and "<p" not in raw:
        return [clean(part) for part in raw.split("<br>") if clean(part)]
    if "<p" not in raw and "<li" not in raw:
        return [p for p in [clean(raw)] if p] or [""]
    out: list[str] = []
    for piece in re.split(r"(<ul[^>]*>.*?</ul>|<p[^>]*>.*?</p>)", raw, flags=re.S):
        if piece.startswith("<ul"):
            out += ["• " + clean(li) for li in LI.findall(piece) if clean(li)]
        elif piece.startswith("<p"):
            inner = P.match(piece)
            text = inner.group(1) if inner else piece
            if "<li" in text:
                out += ["• " + clean(li) for li in LI.findall(text) if clean(li)]
            elif clean(text):
                out.append(clean(text))
        elif clean(piece):
            out.append(clean(piece))
    return out or [""]


def _table_rows(lines: list[str]) -> list[list[list[str]]]:
    rows = []
    for line in lines:
        cells = line.split("\t")
        if all(re.fullmatch(r"-*", c.strip()) for c in cells):
            continue
        rows.append([cell_paragraphs(c) for c in cells])
    width = max(len(r) for r in rows)
    return [r + [[""]] * (width - len(r)) for r in rows]


def _short_heading(rest: str, limit: int = 16) -> bool:
    return len(rest.split()) <= limit and not re.search(r"[.;,]$", rest)


def strategic_plan(text: str) -> list[Block]:
    """Seed 003 as blocks: clauses, numbered paragraphs, bullets, captions and the matrices.
    A table following a table of the same header (a page split in the seed) is kept as a part."""
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    last_table: Block | None = None
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            i += 1
            continue
        if "\t" in line:
            start = i
            while i < len(lines) and "\t" in lines[i]:
                i += 1
            rows = _table_rows(lines[start:i])
            if last_table is not None and _same_header(last_table.rows[0], rows[0]):
                last_table.parts.append(len(last_table.rows))
                last_table.rows.extend(rows[1:])
            elif last_table is not None and not _is_header(rows[0]):
                last_table.parts.append(len(last_table.rows))
                last_table.rows.extend(rows)
            else:
                last_table = Block("table", rows=rows)
                blocks.append(last_table)
            continue
        stripped = line.strip()
        if not stripped.startswith(("¹", "²", "³", "⁴")):
            last_table = None
        i += 1
        bullet = re.match(r"^\s*-\s+(.*)$", line)
        if bullet:
            body = clean(bullet.group(1))
            m = CLAUSE.match(body)
            if m and "." in m.group(1):
                blocks.append(Block("para", body, level=1 if line.startswith(" ") else 0))
            else:
                blocks.append(Block("bullet", body))
            continue
        body = clean(stripped)
        if re.match(r"^(ANNEX TO RESOLUTION|Strategic plan for the Union)", body):
            blocks.append(Block("title", body))
        elif re.match(r"^PART\s+[IVX]+\s*[–-]", body):
            blocks.append(Block("heading", body, level=1))
        elif re.match(r"^Table\s+\d+\.\d+", body):
            blocks.append(Block("caption", body))
        elif (m := CLAUSE.match(body)) and _short_heading(m.group(2), 22 if "Objective" in body else 16):
            depth = m.group(1).count(".") + 1
            blocks.append(Block("heading", body, level=min(depth, 4)))
        else:
            blocks.append(Block("para", body))
    return blocks


def _is_header(row: list[list[str]]) -> bool:
    texts = [" ".join(c).strip() for c in row]
    return any(texts) and not any(t.upper() == "X" for t in texts)


def _same_header(a: list[list[str]], b: list[list[str]]) -> bool:
    fold = lambda row: [" ".join(c).strip().lower() for c in row]  # noqa: E731
    return fold(a) == fold(b)


def report(text: str, *, headings: bool) -> list[Block]:
    """Seed 004 as blocks. Markdown headings become headings (or bold paragraphs); Annex 1 status
    entries written "<p><b>title</b></p> <p>text</p>" become rows of a two-column table (with a
    header row in the heading formatting, without one in the bold formatting), those written as
    headings become headings or bold paragraphs."""
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    status_table: Block | None = None
    while i < len(lines):
        line = lines[i].rstrip()
        i += 1
        if not line.strip():
            continue
        row = P_B_ROW.match(line.strip())
        if row and re.match(r"^\d{1,3}\s*\(", clean(row.group(1))):
            if status_table is None:
                status_table = Block("table", rows=[[["Resolution"], ["Status of implementation"]]] if headings else [],
                                     header_rows=1 if headings else 0)
                blocks.append(status_table)
            status_table.rows.append([[clean(row.group(1))], cell_paragraphs(row.group(2))])
            continue
        status_table = None
        if "\t" in line:
            start = i - 1
            while i < len(lines) and "\t" in lines[i]:
                i += 1
            blocks.append(Block("table", rows=_table_rows(lines[start:i])))
            continue
        stripped = line.strip()
        h = re.match(r"^(#{1,6})\s*(.*)$", stripped)
        if h:
            body = clean(h.group(2))
            if body:
                level = min(len(h.group(1)), 4)
                blocks.append(Block("heading", body, level=level) if headings else Block("para", body, bold=True))
            continue
        bullet = re.match(r"^-\s+(.*)$", stripped)
        if bullet:
            if clean(bullet.group(1)):
                blocks.append(Block("bullet", clean(bullet.group(1))))
            continue
        whole = BOLD_ALL.match(stripped)
        if whole and "**" not in whole.group(1):
            blocks.append(Block("para", clean(whole.group(1)), bold=True))
            continue
        lead = re.match(r"^\*\*(.+?)\*\*\s*(.*)$", stripped)
        if lead and clean(lead.group(2)) and not lead.group(2).startswith("*Target"):
            blocks.append(Block("para", clean(lead.group(2)), lead=clean(lead.group(1))))
            continue
        if lead and lead.group(2).startswith("*"):
            blocks.append(Block("para", clean(lead.group(1)), bold=True))
            blocks.append(Block("para", clean(lead.group(2)), italic=True))
            continue
        body = clean(stripped)
        if not body:
            continue
        if re.match(r"^\d\.\d\.\d\s+Goal\s+\d", body):
            blocks.append(Block("heading", body, level=3) if headings else Block("para", body, bold=True))
        elif re.match(r"^\*[^*].*\*$", stripped):
            blocks.append(Block("para", body, italic=True))
        else:
            blocks.append(Block("para", body))
    return blocks


def later_plan() -> list[Block]:
    """A generated Strategic Plan of a later edition (2024-2027): goals 1-5 with numbered targets,
    sector objectives and an outputs x objectives matrix, written differently from seed 003."""
    goals = [
        ("Universal connectivity", "Enable and foster universal access to affordable telecommunications/ICTs",
         ["by 2027, 70% of households worldwide with access to the Internet",
          "by 2027, 75% of individuals worldwide using the Internet",
          "by 2027, broadband services cost no more than 2% of monthly income"]),
        ("Sustainable digital transformation", "Foster equitable and inclusive use of telecommunications/ICTs",
         ["by 2027, all countries have a digital transformation strategy",
          "by 2027, the gender gap in Internet use is halved"]),
        ("Trust", "Strengthen confidence and security in the use of telecommunications/ICTs",
         ["by 2027, 60% of countries have a national computer incident response team",
          "by 2027, all countries have a national emergency telecommunication plan",
          "by 2027, the e-waste recycling rate reaches 30%"]),
        ("Innovation", "Enable innovation in telecommunications/ICTs",
         ["by 2027, 50% of countries have policies fostering ICT-centric innovation"]),
        ("Partnerships", "Strengthen cooperation with stakeholders",
         ["by 2027, partnerships with stakeholders increased by 25%",
          "by 2027, joint activities with the UN system increased by 20%"]),
    ]
    out = [Block("title", "Annex 1 to Resolution 71 (Rev. Bucharest, 2022)"),
           Block("title", "Strategic plan for the Union for 2024-2027"),
           Block("heading", "1 Introduction", level=1),
           Block("para", "This plan sets out the strategic goals and targets of the Union for 2024-2027."),
           Block("heading", "2 Strategic goals and targets", level=1)]
    for n, (name, text, targets) in enumerate(goals, start=1):
        out.append(Block("heading", f"Goal {n}: {name} – {text}", level=2))
        out.append(Block("para", f"Goal {n} gathers the work of the Sectors and of the General Secretariat on {name.lower()}."))
        for k, target in enumerate(targets, start=1):
            out.append(Block("para", target, lead=f"Target {n}.{k}:"))
    out += [Block("heading", "3 Telecommunication Development Sector (ITU-D)", level=1),
            Block("heading", "3.1 Objectives", level=2)]
    objectives = ["Coordination of development work", "Modern and secure infrastructure", "Enabling environment"]
    for n, title in enumerate(objectives, start=1):
        out.append(Block("heading", f"3.1.{n} Objective {n} – {title}", level=3))
        out.append(Block("para", f"To advance {title.lower()} in the membership."))
    out.append(Block("caption", "Table 3.1 – ITU-D outputs and objectives"))
    outputs = [("Development conference and its preparatory meetings", 1), ("Study groups", 1),
               ("Broadband infrastructure assistance", 2), ("Cybersecurity capacity building", 2),
               ("Policy and regulatory guidance", 3), ("Statistics and indicators", 3)]
    rows = [[["Output"], *[[f"Obj. {n}"] for n in range(1, 4)]]]
    rows += [[[name], *[["✓" if n == obj else ""] for n in range(1, 4)]] for name, obj in outputs]
    out.append(Block("table", rows=rows))
    return out


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    tr_pr.append(mark)


def _add_table(doc, block: Block, *, split: bool) -> None:
    """One Word table (header row repeated on each page), or with `split` one table per part of the
    seed's page split, each starting with the header row again."""
    header = block.rows[:block.header_rows]
    bounds = [0, *block.parts, len(block.rows)] if split and block.parts else [0, len(block.rows)]
    for k in range(len(bounds) - 1):
        rows = block.rows[bounds[k]:bounds[k + 1]]
        if k > 0:
            rows = header + rows[1:] if rows[:1] == header else header + rows
            doc.add_paragraph()
        width = max(len(r) for r in rows)
        table = doc.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        table.autofit = False
        marks = any(" ".join(c).strip().upper() in ("X", "✓") for r in rows for c in r[1:])
        first = Cm(7.5 if marks else 16.0 / width) if width > 1 else Cm(16.0)
        rest = Cm((16.0 - first.cm) / (width - 1)) if width > 1 else None
        for r in range(len(rows)):
            for c in range(width):
                table.cell(r, c).width = first if c == 0 else rest
        for c, col in enumerate(table._tbl.tblGrid.findall(qn("w:gridCol"))):
            col.set(qn("w:w"), str(int((first if c == 0 else rest).twips)))
        for r, row in enumerate(rows):
            if r < block.header_rows:
                _repeat_header(table.rows[r])
            elif marks:
                table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            for c in range(width):
                paragraphs = row[c] if c < len(row) else [""]
                cell = table.cell(r, c)
                cell.paragraphs[0].text = ""
                for j, text in enumerate(paragraphs):
                    para = cell.paragraphs[0] if j == 0 else cell.add_paragraph()
                    run = para.add_run(text)
                    run.bold = r < block.header_rows or (c == 0 and j == 0 and bool(re.match(r"^\d{1,3}\s*\(", text)))


def write_docx(blocks: list[Block], path: Path, *, headings: bool, title: str) -> None:
    """Render `blocks`: Heading styles (and one table per matrix) or bold Normal (split tables)."""
    doc = new_docx()
    doc.core_properties.title = title
    doc.core_properties.author = "ITU"
    style = doc.styles["Normal"]
    style.font.name = "Calibri" if headings else "Times New Roman"
    style.font.size = Pt(11 if headings else 12)
    for block in blocks:
        if block.kind == "table":
            _add_table(doc, block, split=not headings)
        elif block.kind == "heading" and headings:
            doc.add_heading(block.text, level=block.level)
        elif block.kind == "title":
            para = doc.add_paragraph(style="Title") if headings else doc.add_paragraph()
            run = para.add_run(block.text)
            run.bold = not headings
        elif block.kind == "caption":
            para = doc.add_paragraph(style="Caption") if headings else doc.add_paragraph()
            para.add_run(block.text).bold = not headings
        elif block.kind == "bullet":
            if headings:
                doc.add_paragraph(block.text, style="List Bullet")
            else:
                doc.add_paragraph("•\t" + block.text)
        else:
            para = doc.add_paragraph()
            if block.lead:
                para.add_run(block.lead).bold = True
                para.add_run(" " + block.text)
            else:
                run = para.add_run(block.text)
                run.bold = block.bold or block.kind == "heading"
                run.italic = block.italic
            if block.level and block.kind == "para":
                para.paragraph_format.left_indent = Pt(18 * block.level)
    doc.core_properties.created = datetime(2020, 6, 1, 9, 0)
    doc.core_properties.modified = datetime(2020, 6, 1, 9, 0)
    doc.save(str(path))

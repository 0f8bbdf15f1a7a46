"""Build Action Plan fixtures a third, deliberately different way, for tests/test_independent_docs.py.

The corpus (scripts/make_corpus.py) and tests/docxgen.py write Word files with their own OOXML
or python-docx. The judges' files come from elsewhere, so this script makes them two other ways:

- **HTML through LibreOffice**: the seed text as HTML (h1-h5 headings, or bold / italic / underlined
  paragraphs, `<ul>` lists, tables with `<th>` header rows), converted with `soffice --convert-to
  docx`; LibreOffice writes its own styles, numbering and tables.
- **Word quirks, hand-written OOXML**: localised custom heading styles known only by their
  `w:outlineLvl` ("Titre 1", "ITU Heading 2"), headings split into many runs, bold from a linked
  character style, "Output 2.1" and its title split by a line break, non-breaking spaces, colon
  and hyphen separators, a REF field and a hyperlink inside headings, bookmarks, comments, a table
  of contents, section breaks, headers and footers, "a)" auto-numbered Heading 4 areas, italic
  or underlined Normal area headings, an outcome table whose repeated header row says "Outcome"
  and whose indicators are numbered list items.

PDFs are rendered from some of these with LibreOffice (and one straight from HTML); three more
(`UNRULED_PDFS`, into tests/fixtures/pdf) print Objective 2 with unruled tables, or set for
two-sided printing (even pages headed and footed otherwise than odd ones, none on the first). The seed
parser below is this script's own (it shares nothing with scripts/corpus/seed.py). Run where
LibreOffice (`soffice`) is installed; the outputs are committed and tests never need it.

    python scripts/make_independent_fixtures.py [--seeds DIR] [--out tests/fixtures/independent]
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
OUT = ROOT / "tests" / "fixtures" / "independent"
UNRULED_OUT = ROOT / "tests" / "fixtures" / "pdf"

OBJECTIVE = re.compile(r"^Objective\s+(\d+)\s+[–-]\s+(.+)$")
OUTPUT = re.compile(r"^Output\s+(\d+\.\d+)(?:\s+[–-]\s+(.+))?$")
SECTION = re.compile(r"^Section\s+\d+\s+[–-]\s+.+$")
CLAUSE = re.compile(r"^(\d+(?:\.\d+)*)\.\s+(\S.*)$")
SUB = re.compile(
    r"^(?:\d+\.?\s+)?(Background and Implementation framework|Background|Implementation framework"
    r"|References to WTDC .+|Relevant regional initiatives|Study group Questions)$",
    re.IGNORECASE,
)
REFGROUPS = {
    "pp and wtdc resolutions and recommendations", "wtdc resolutions and recommendations",
    "wsis action lines", "sustainable development goals and targets",
}
BULLET = re.compile(r"^(?:[·•]|-)\s+(.*)$")
FOOTNOTE_MARK = re.compile(r"(?<=telecommunications)1(?=,)")
MERGED_REVISIONS = (("reductionmanagement", "management"), ("Eemergency", "Emergency"))


@dataclass
class Item:
    """One logical piece of the plan: a heading, paragraph, bullet or table."""

    kind: str
    text: str = ""
    number: str | None = None
    rows: list[list[list[str]]] = field(default_factory=list)


def _clean(text: str) -> str:
    text = FOOTNOTE_MARK.sub("", text)
    for old, new in MERGED_REVISIONS:
        text = text.replace(old, new)
    return re.sub(r"[ \t]+", " ", text).strip()


def _table(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """Cells (each a list of lines) of a seed table from line i: a cell starts with a tab, lines
    without one continue it, and the table ends at an untabbed line after a blank one."""
    cells: list[list[str]] = []
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            cells.append([_clean(line)] if line.strip() else [])
        elif not line.strip():
            pass
        elif cells and lines[i - 1].strip():
            cells[-1].append(_clean(line))
        else:
            break
        i += 1
    return cells, i


def _is_area(text: str) -> bool:
    return (
        len(text.split()) <= 12
        and not re.search(r"[.:;,]$", text)
        and text[0].isupper()
        and not text.startswith("Programme")
    )


def parse_seed(lines: list[str]) -> list[Item]:
    """Items of an Action Plan seed rendering (front matter, objectives, tables, outputs)."""
    items: list[Item] = []
    i, where = 0, "front"
    while i < len(lines):
        raw = lines[i]
        text = _clean(raw)
        if raw.startswith("\t"):
            cells, i = _table(lines, i)
            if cells[0] and cells[0][0].startswith("Outcome"):
                items.append(Item("outcome-table", rows=[cells[k:k + 3] for k in range(0, len(cells), 3)]))
            else:
                items.append(Item("table", rows=[[cell] for cell in cells]))
            continue
        i += 1
        if not text or set(text) <= {"_"}:
            continue
        m_obj, m_out, m_sub = OBJECTIVE.match(text), OUTPUT.match(text), SUB.match(text)
        if m_obj:
            items.append(Item("objective", m_obj.group(2), m_obj.group(1)))
            where = "objective"
        elif m_out:
            title = m_out.group(2)
            if title is None:
                title, i = _clean(lines[i]), i + 1
            items.append(Item("output", title, m_out.group(1)))
            where = "output"
        elif m_sub and where != "front":
            title = m_sub.group(1)
            items.append(Item("sub", title))
            lowered = title.lower()
            if lowered.endswith("implementation framework"):
                where = "framework"
            else:
                where = "references" if lowered.startswith("references") else "output"
        elif where == "references" and text.lower() in REFGROUPS:
            items.append(Item("refgroup", text))
        elif text.startswith("Programme:"):
            items.append(Item("programme", text))
        elif BULLET.match(text):
            items.append(Item("bullet", BULLET.match(text).group(1)))
        elif where == "framework" and _is_area(text):
            items.append(Item("area", text))
        elif where == "front" and text in ("PART C", "Buenos Aires Action Plan"):
            items.append(Item("title", text))
        elif where == "front" and SECTION.match(text):
            items.append(Item("part", text))
        elif where == "front" and CLAUSE.match(text) and len(text.split()) <= 24 and not text.endswith("."):
            m = CLAUSE.match(text)
            items.append(Item("clause", m.group(2), m.group(1)))
        else:
            items.append(Item("para", text))
    return items


def seed_items(seeds: Path) -> tuple[list[Item], list[Item]]:
    """(Objective 2 from seed 000, the whole Action Plan from seed 001's "PART C" on)."""
    new = next(seeds.glob("000_*.txt")).read_text(encoding="utf-8").splitlines()
    old = next(seeds.glob("001_*.txt")).read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(old) if line.strip() == "PART C")
    return parse_seed(new), parse_seed(old[start:])


# ---------------------------------------------------------------- HTML for LibreOffice


@dataclass(frozen=True)
class HtmlStyle:
    """How one HTML rendering writes the plan."""

    headings: str = "h"  # "h": h1-h5 elements; "bold": <p><b> paragraphs
    areas: str = "h4"  # "h4", "italic", "underline" or "bold"
    separator: str = " – "  # between "Output 2.1" / "Objective 2" and the title
    output_break: bool = False  # "Output 2.1<br>title" in one paragraph
    sub_numbers: bool = True  # typed "1. Background"
    indicators: str = "ul"  # "ul", "ol" or "typed" ("- text" lines)
    borders: bool = True
    upper_objective: bool = False


def _h(level: int, text: str, style: HtmlStyle, inline: str = "b") -> str:
    if style.headings == "h":
        return f"<h{level}>{text}</h{level}>"
    return f"<p><{inline}>{text}</{inline}></p>"


def _cell_html(lines: list[str], column: int, header: bool, style: HtmlStyle) -> str:
    tag = "th" if header else "td"
    if not lines:
        return f"<{tag}></{tag}>"
    if column == 1 and not header and lines[0].startswith("-"):
        entries = [re.sub(r"^-\s*", "", line) for line in lines]
        if style.indicators == "typed":
            body = "".join(f"<p>- {html.escape(e)}</p>" for e in entries)
        else:
            lst = style.indicators
            body = f"<{lst}>" + "".join(f"<li>{html.escape(e)}</li>" for e in entries) + f"</{lst}>"
    else:
        body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return f"<{tag}>{body}</{tag}>"


def _table_html(rows: list[list[list[str]]], style: HtmlStyle, header: bool) -> str:
    border = ' border="1" cellpadding="4"' if style.borders else ' border="0" cellpadding="4"'
    out = [f'<table width="100%"{border}>']
    for r, row in enumerate(rows):
        if r == 0 and header:
            out.append("<thead>")
        cells = "".join(_cell_html(cell, c, r == 0 and header, style) for c, cell in enumerate(row))
        out.append(f"<tr>{cells}</tr>")
        if r == 0 and header:
            out.append("</thead><tbody>")
    out.append("</tbody></table>" if header else "</table>")
    return "".join(out)


def to_html(items: list[Item], style: HtmlStyle, title: str) -> str:
    """The plan as one HTML page in `style`."""
    out: list[str] = []
    sub_number = 0
    in_list = False
    for it in items:
        text = html.escape(it.text)
        if it.kind != "bullet" and in_list:
            out.append("</ul>")
            in_list = False
        if it.kind == "title":
            out.append(f'<p align="center"><b>{text}</b></p>')
        elif it.kind == "part":
            out.append(_h(1, text, style))
        elif it.kind == "clause":
            out.append(_h(2 if "." not in it.number else 3, f"{it.number}. {text}", style))
        elif it.kind == "objective":
            word = "OBJECTIVE" if style.upper_objective else "Objective"
            out.append(_h(1, f"{word} {it.number}{style.separator}{text}", style))
        elif it.kind == "outcome-table":
            out.append(_table_html(it.rows, style, header=True))
        elif it.kind == "table":
            out.append(_table_html(it.rows, style, header=False))
        elif it.kind == "output":
            sep = "<br/>" if style.output_break else style.separator
            out.append(_h(2, f"Output {it.number}{sep}{text}", style))
            sub_number = 0
        elif it.kind == "sub":
            numbered = not text.lower().startswith(("relevant", "study"))
            if numbered:
                sub_number += 1
            prefix = f"{sub_number}. " if numbered and style.sub_numbers else ""
            out.append(_h(3, prefix + text, style))
        elif it.kind == "refgroup":
            out.append(_h(5, text, style))
        elif it.kind == "programme":
            out.append(f"<p><b>{text}</b></p>")
        elif it.kind == "area":
            if style.areas == "h4" and style.headings == "h":
                out.append(f"<h4>{text}</h4>")
            else:
                tag = {"italic": "i", "underline": "u", "bold": "b", "h4": "b"}[style.areas]
                out.append(f"<p><{tag}>{text}</{tag}></p>")
        elif it.kind == "bullet":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{text}</li>")
        else:
            out.append(f"<p>{text}</p>")
    if in_list:
        out.append("</ul>")
    head = f'<meta charset="utf-8"><title>{html.escape(title)}</title>'
    return f"<!DOCTYPE html>\n<html><head>{head}</head><body>\n" + "\n".join(out) + "\n</body></html>\n"


# ---------------------------------------------------------------- LibreOffice


def soffice(source: Path, target_ext: str, out_dir: Path, infilter: str | None = None) -> Path:
    """Convert `source` with LibreOffice into `out_dir`; the converted file's path."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        sys.exit("LibreOffice (soffice) is needed to build these fixtures")
    with tempfile.TemporaryDirectory() as profile:
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless"]
        if infilter:
            cmd.append(f"--infilter={infilter}")
        cmd += ["--convert-to", target_ext, "--outdir", str(out_dir), str(source)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    result = out_dir / f"{source.stem}.{target_ext.split(':')[0]}"
    if not result.exists():
        sys.exit(f"LibreOffice did not convert {source}")
    return result


# ---------------------------------------------------------------- Word quirks, hand-written OOXML

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NBSP = "\u00a0"
SYMBOL_BULLET = "\uf0b7"


@dataclass(frozen=True)
class Quirks:
    """Which Word habits one hand-written .docx shows."""

    objective: str = "titre"  # "titre": custom "Titre 1" style known by its outlineLvl; "bold": direct w:b runs
    objective_word: str = "Objective"
    objective_sep: str = " – "
    output: str = "itu-break"  # "itu-break": "ITU Heading 2" + w:br; "charstyle": Normal with "Heading 2 Char" runs
    output_sep: str = " – "
    output_bold_number_only: bool = False  # only "Output 2.1" bold, the title in plain runs
    subs: str = "charstyle-autonum"  # "charstyle-autonum" or "heading3-typed"
    areas: str = "heading4-alpha"  # "heading4-alpha", "italic" or "underline"
    refgroups: str = "underline"  # "underline" or "bold-italic"
    indicators: str = "numbered"  # "numbered" (w:numPr in the cell) or "typed" ("-<tab>")
    toc: bool = True
    comments: bool = True
    sections: bool = True
    numbered_headings: bool = False  # "Objective 2 –" / "Output 2.1" are Word list labels (numbering.xml)
    revisions: bool = True  # an area title with a tracked deletion and insertion
    rules: str = "grid"  # table borders: "grid", "horizontal" (no vertical lines), "vertical" or "none"
    two_sided: bool = False  # other headers and footers on even pages (w:evenAndOddHeaders), none on the first (w:titlePg)


def _t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def _rpr(b: bool = False, i: bool = False, u: bool = False, style: str | None = None, size: int | None = None) -> str:
    props = ""
    if style:
        props += f'<w:rStyle w:val="{style}"/>'
    if b:
        props += "<w:b/><w:bCs/>"
    if i:
        props += "<w:i/><w:iCs/>"
    if u:
        props += '<w:u w:val="single"/>'
    if size:
        props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return f"<w:rPr>{props}</w:rPr>" if props else ""


def run(text: str, **fmt: Any) -> str:
    """One w:r; tabs and line breaks in `text` become w:tab / w:br."""
    parts = []
    for piece in re.split(r"(\t|\n)", text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece == "\n":
            parts.append("<w:br/>")
        elif piece:
            parts.append(_t(piece))
    return f"<w:r>{_rpr(**fmt)}{''.join(parts)}</w:r>"


def split_runs(text: str, pieces: int = 4, **fmt: Any) -> str:
    """`text` in several runs, as Word leaves it after edits (rsids, proofing marks between)."""
    words = text.split(" ")
    size = max(1, len(words) // pieces)
    chunks = [" ".join(words[k:k + size]) for k in range(0, len(words), size)]
    out = []
    for n, chunk in enumerate(chunks):
        piece = chunk + (" " if n < len(chunks) - 1 else "")
        out.append(run(piece, **fmt).replace("<w:r>", f'<w:r w:rsidR="00A1{n:04d}">', 1))
        if n == 0:
            out.append('<w:proofErr w:type="spellStart"/><w:proofErr w:type="spellEnd"/>')
    return "".join(out)


def para(content: str, style: str | None = None, num: tuple[int, int] | None = None, extra: str = "") -> str:
    """One w:p with optional paragraph style, numbering (numId, ilvl) and other pPr children."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr += extra
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{content}</w:p>"


def field(instr: str, result: str, **fmt: Any) -> str:
    """A complex field (begin, instruction, separate, result, end) as Word writes it."""
    rpr = _rpr(**fmt)
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> {escape(instr)} </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(result, **fmt)}"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def section_break(landscape: bool = False) -> str:
    """A w:sectPr for a paragraph's properties: a new section on the next page."""
    size = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' if landscape else '<w:pgSz w:w="11906" w:h="16838"/>'
    return (
        f'<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
        f'<w:footerReference w:type="default" r:id="rIdFooter"/><w:type w:val="nextPage"/>{size}'
        '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
        "</w:sectPr>"
    )


STYLES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>
<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="fr-CH"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="Policepardfaut"><w:name w:val="Default Paragraph Font"/></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Titre1"><w:name w:val="Titre 1"/><w:basedOn w:val="Normal"/>
<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="240"/><w:outlineLvl w:val="0"/></w:pPr>
<w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="ITUHeading2"><w:name w:val="ITU Heading 2"/><w:basedOn w:val="Normal"/>
<w:next w:val="Normal"/><w:link w:val="ITUHeading2Char"/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="1"/></w:pPr>
<w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="ITUHeading2Char"><w:name w:val="ITU Heading 2 Char"/>
<w:link w:val="ITUHeading2"/><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
<w:link w:val="Heading2Char"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="Heading2Char"><w:name w:val="Heading 2 Char"/><w:link w:val="Heading2"/>
<w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
<w:link w:val="Heading3Char"/><w:qFormat/><w:pPr><w:keepNext/><w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs>
<w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="Heading3Char"><w:name w:val="Heading 3 Char"/><w:link w:val="Heading3"/>
<w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
<w:qFormat/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="3"/></w:pPr>
<w:rPr><w:b/><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>
<w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Titre1"/><w:next w:val="Normal"/>
<w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TM1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9628"/></w:tabs><w:spacing w:after="60"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TM2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9628"/></w:tabs><w:spacing w:after="60"/><w:ind w:left="220"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Tablehead"><w:name w:val="Table_head"/><w:basedOn w:val="Normal"/>
<w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Tabletext"><w:name w:val="Table_text"/><w:basedOn w:val="Normal"/>
<w:pPr><w:spacing w:after="40"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>
<w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>
<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>
</w:tblBorders></w:tblPr></w:style>
</w:styles>"""


def _level(ilvl: int, fmt: str, text: str, indent: int, restart: bool = False) -> str:
    font = '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>' if fmt == "bullet" else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr>{font}</w:lvl>'
    )


def numbering_xml(restarts: int, first_objective: int = 1) -> str:
    """Bullets (numId 1), a decimal list for numbered indicators and sub-headings (numId 2, and
    `restarts` more numIds starting it again at 1), "a)" letters for Heading 4 (numId 3), and the
    "Objective %1 –" / "Output %1.%2" heading list (numId 4, starting at `first_objective`)."""
    headings = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Titre1"/>'
        '<w:suff w:val="space"/><w:lvlText w:val="Objective %1 –"/><w:lvlJc w:val="left"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="ITUHeading2"/>'
        '<w:lvlText w:val="Output %1.%2"/><w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="1418"/>'
        '</w:tabs><w:ind w:left="1418" w:hanging="1418"/></w:pPr></w:lvl>'
    )
    abstracts = (
        f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>{_level(0, "bullet", SYMBOL_BULLET, 720)}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>{_level(0, "decimal", "%1.", 567)}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="singleLevel"/>{_level(0, "lowerLetter", "%1)", 567)}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="3"><w:multiLevelType w:val="multilevel"/>{headings}</w:abstractNum>'
    )
    nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    nums += '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    nums += (
        '<w:num w:numId="4"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0">'
        f'<w:startOverride w:val="{first_objective}"/></w:lvlOverride></w:num>'
    )
    for k in range(restarts):
        nums += (
            f'<w:num w:numId="{10 + k}"><w:abstractNumId w:val="1"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W_NS}">{abstracts}{nums}</w:numbering>'


class QuirkWriter:
    """Writes the items as a WordprocessingML body with the habits `Quirks` names."""

    def __init__(self, q: Quirks) -> None:
        self.q = q
        self.body: list[str] = []
        self.bookmark = 0
        self.heading_marks = 0
        self.areas = 0
        self.restarts = 0
        self.sub_num = 0
        self.comment_used = False

    def _bookmarked(self, content: str) -> str:
        self.bookmark += 1
        self.heading_marks += 1
        name = f"_Toc{4920000 + self.heading_marks}"
        return f'<w:bookmarkStart w:id="{self.bookmark}" w:name="{name}"/>{content}<w:bookmarkEnd w:id="{self.bookmark}"/>'

    def _commented(self, content: str) -> str:
        if not self.q.comments or self.comment_used:
            return content
        self.comment_used = True
        return (
            f'<w:commentRangeStart w:id="0"/>{content}<w:commentRangeEnd w:id="0"/>'
            f'<w:r>{_rpr(style="CommentReference")}<w:commentReference w:id="0"/></w:r>'
        )

    def _section(self, landscape: bool) -> None:
        if self.q.sections:
            self.body.append(para("", extra=section_break(landscape)))

    def toc(self, items: list[Item]) -> None:
        """A Word table of contents in its content control: TOC field, hyperlinked entries, PAGEREF."""
        entries = [it for it in items if it.kind in ("objective", "output")]
        rows = [para(run("Contents"), "TOCHeading")]
        for n, it in enumerate(entries, start=1):
            level = "TM1" if it.kind == "objective" else "TM2"
            word = "Objective" if it.kind == "objective" else "Output"
            begin = field_start('TOC \\o "1-3" \\h \\z \\u') if n == 1 else ""
            anchor = f"_Toc{4920000 + n}"
            entry = run(f"{word} {it.number}{self.q.output_sep}{it.text[:60]}", style="Hyperlink")
            page = field(f"PAGEREF {anchor} \\h", str(n + 1))
            tab = run("\t")
            link = f'<w:hyperlink w:anchor="{anchor}" w:history="1">{entry}{tab}{page}</w:hyperlink>'
            end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if n == len(entries) else ""
            rows.append(para(begin + link + end, level))
        self.body.append(
            '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
            f'</w:docPartObj></w:sdtPr><w:sdtContent>{"".join(rows)}</w:sdtContent></w:sdt>'
        )

    def heading_objective(self, it: Item) -> None:
        q = self.q
        if q.numbered_headings:
            self.body.append(para(self._bookmarked(split_runs(it.text)), "Titre1", num=(4, 0)))
            return
        bold = q.objective == "bold"
        word = q.objective_word
        content = (
            run(word[:3], b=bold) + run(word[3:], b=bold, size=28 if bold else None)
            + run(f"{NBSP}{it.number}", b=bold) + run(q.objective_sep, b=bold)
            + '<w:sdt><w:sdtPr><w:alias w:val="Objective title"/><w:tag w:val="title"/></w:sdtPr>'
            f"<w:sdtContent>{split_runs(it.text, b=bold)}</w:sdtContent></w:sdt>"
        )
        self.body.append(para(self._bookmarked(content), "Titre1" if q.objective == "titre" else None))

    def heading_output(self, it: Item) -> None:
        q = self.q
        if q.numbered_headings:
            self.body.append(para(self._bookmarked(self._commented(split_runs(it.text))), "ITUHeading2", num=(4, 1)))
            return
        if q.output == "itu-break":
            content = run("Output") + run(f"{NBSP}{it.number}") + "<w:r><w:br/></w:r>" + self._commented(split_runs(it.text))
            self.body.append(para(self._bookmarked(content), "ITUHeading2"))
            return
        style = "Heading2Char"
        ref = "REF _Ref" + it.number.replace(".", "") + " \\h"
        number = field(ref, it.number, style=style)
        if q.output_bold_number_only:
            content = run("Output ", b=True) + field(ref, it.number, b=True)
            content += run(q.output_sep) + split_runs(it.text)
        else:
            content = run("Output ", style=style) + number + run(q.output_sep, style=style) + split_runs(it.text, style=style)
        self.body.append(para(self._bookmarked(self._commented(content))))

    def area(self, it: Item) -> None:
        """An area heading; some wrapped the ways Word wraps text (fields, smart tags, revisions)."""
        q = self.q
        self.areas += 1
        fmt = {} if q.areas == "heading4-alpha" else {"i": q.areas == "italic", "u": q.areas == "underline"}
        content = split_runs(it.text, 3, **fmt)
        if self.areas == 2:
            content = field(f'HYPERLINK \\l "_{slug_of(it.text)}"', it.text, **fmt)
        elif self.areas == 3:
            content = f'<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">{content}</w:smartTag>'
        elif self.areas == 4:
            content = f'<w:fldSimple w:instr=" DOCPROPERTY Area{self.areas} ">{content}</w:fldSimple>'
        elif self.areas == 5 and q.revisions:
            words = it.text.split(" ")
            content = (
                run(" ".join(words[:-1]) + " ", **fmt)
                + f'<w:del w:id="90{self.areas}" w:author="Secretariat" w:date="2019-02-01T00:00:00Z">'
                f'<w:r>{_rpr(**fmt)}<w:delText xml:space="preserve">obsolete </w:delText></w:r></w:del>'
                + f'<w:ins w:id="91{self.areas}" w:author="Secretariat" w:date="2019-02-01T00:00:00Z">{run(words[-1], **fmt)}</w:ins>'
            )
        self.body.append(para(content, "Heading4" if q.areas == "heading4-alpha" else None))

    def sub(self, it: Item) -> None:
        numbered = not it.text.lower().startswith(("relevant", "study"))
        if self.q.subs == "heading3-typed":
            self.sub_num += numbered
            prefix = f"{self.sub_num}.\t" if numbered else ""
            self.body.append(para(run(prefix) + split_runs(it.text, 2), "Heading3"))
            return
        num = (10 + self.restarts - 1, 0) if numbered else None
        self.body.append(para(split_runs(it.text, 2, style="Heading3Char"), num=num))

    def cell(self, lines: list[str], column: int, header: bool, width: int) -> str:
        tcpr = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        if not lines:
            return f"<w:tc>{tcpr}<w:p/></w:tc>"
        if header:
            text = "Outcome" if lines[0] == "Outcomes" else lines[0]
            body = para(run(text + ("\n" + "\n".join(lines[1:]) if lines[1:] else "")), "Tablehead")
        elif column == 1 and lines[0].startswith("-"):
            entries = [re.sub(r"^-\s*", "", line) for line in lines]
            if self.q.indicators == "typed":
                body = "".join(para(run(f"-\t{e}"), "Tabletext") for e in entries)
            else:
                self.restarts += 1
                body = "".join(para(run(e), "Tabletext", num=(10 + self.restarts - 1, 0)) for e in entries)
        else:
            body = "".join(para(self._ref_target(line), "Tabletext") for line in lines)
        return f"<w:tc>{tcpr}{body}</w:tc>"

    def _ref_target(self, line: str) -> str:
        """An outputs-cell line with its "2.1" in a bookmark, the target of the headings' REF fields."""
        m = re.match(r"^(\d+\.\d+)(.*)$", line)
        if not m:
            return run(line)
        self.bookmark += 1
        name = "_Ref" + m.group(1).replace(".", "")
        return (
            f'<w:bookmarkStart w:id="{self.bookmark}" w:name="{name}"/>{run(m.group(1))}'
            f'<w:bookmarkEnd w:id="{self.bookmark}"/>{run(m.group(2))}'
        )

    def table(self, rows: list[list[list[str]]], header: bool) -> None:
        wide = self.q.sections  # outcome tables sit in landscape sections
        widths = ([4000, 5000, 4600] if wide else [2900, 3500, 3238]) if header else [9600]
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        borders = TABLE_BORDERS.get(self.q.rules, "")
        look = '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noVBand="1"/>'
        props = f'<w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>{borders}{look}'
        out = [f"<w:tbl><w:tblPr>{props}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"]
        for r, row in enumerate(rows):
            trpr = "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" if r == 0 and header else ""
            cells = "".join(self.cell(cell, c, r == 0 and header, widths[min(c, len(widths) - 1)]) for c, cell in enumerate(row))
            out.append(f"<w:tr>{trpr}{cells}</w:tr>")
        out.append("</w:tbl>")
        self.body.append("".join(out))

    def item(self, it: Item) -> None:
        q = self.q
        if it.kind == "objective":
            if self.body:
                self._section(False)
            self.heading_objective(it)
        elif it.kind == "outcome-table":
            self.table(it.rows, header=True)
            self._section(True)
        elif it.kind == "table":
            self.table(it.rows, header=False)
        elif it.kind == "output":
            self.restarts += 1
            self.sub_num = 0
            self.heading_output(it)
        elif it.kind == "sub":
            self.sub(it)
        elif it.kind == "programme":
            label, _, rest = it.text.partition(":")
            self.body.append(para(run(label + ":", b=True) + run(rest)))
        elif it.kind == "area":
            self.area(it)
        elif it.kind == "refgroup":
            fmt = {"u": True} if q.refgroups == "underline" else {"b": True, "i": True}
            self.body.append(para(run(it.text, **fmt)))
        elif it.kind == "bullet":
            self.body.append(para(run(it.text), "ListParagraph", num=(1, 0)))
        elif it.kind in ("part", "title"):
            self.body.append(para(run(it.text, b=True, size=28), "Titre1" if it.kind == "part" else None))
        elif it.kind == "clause":
            self.body.append(para(run(f"{it.number}.\t{it.text}", b=True)))
        else:
            self.body.append(para(run(it.text)))


def slug_of(text: str) -> str:
    """A bookmark-safe name from a title."""
    return re.sub(r"\W+", "_", text)[:30]


def field_start(instr: str) -> str:
    """The begin and instruction runs of a field whose end comes later."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(instr)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )


def quirks_package(items: list[Item], q: Quirks, header: str) -> dict[str, str]:
    """Every part of a .docx holding `items` written with the habits in `q`."""
    writer = QuirkWriter(q)
    if q.toc:
        writer.toc(items)
    for it in items:
        writer.item(it)
    final = section_break(False).replace('<w:type w:val="nextPage"/>', "")
    if q.two_sided:
        final = final.replace('r:id="rIdFooter"/>', 'r:id="rIdFooter"/>' + "".join(
            f'<w:{kind}Reference w:type="{side}" r:id="rId{kind.title()}{side.title()}"/>'
            for side in ("even", "first") for kind in ("header", "footer"))).replace("</w:sectPr>", "<w:titlePg/></w:sectPr>")
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        f'<w:body>{"".join(writer.body)}{final}</w:body></w:document>'
    )
    rels = [
        ("rIdStyles", "styles", "styles.xml"), ("rIdNumbering", "numbering", "numbering.xml"),
        ("rIdSettings", "settings", "settings.xml"), ("rIdHeader", "header", "header1.xml"),
        ("rIdFooter", "footer", "footer1.xml"), ("rIdComments", "comments", "comments.xml"),
    ]
    sides = {  # q.two_sided: the even pages' header and footer, and the first page's (empty)
        "HeaderEven": ("header", "hdr", para(run("WTDC-17 Final Report"), "Header")),
        "FooterEven": ("footer", "ftr", para(field("PAGE", "2") + run(" | Final Report of WTDC-17"), "Footer")),
        "HeaderFirst": ("header", "hdr", para("", "Header")),
        "FooterFirst": ("footer", "ftr", para("", "Footer")),
    } if q.two_sided else {}
    rels += [(f"rId{key}", kind, f"{key.lower()}.xml") for key, (kind, _, _) in sides.items()]
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    overrides = {
        "/word/document.xml": f"{ct}.document.main+xml", "/word/styles.xml": f"{ct}.styles+xml",
        "/word/numbering.xml": f"{ct}.numbering+xml", "/word/settings.xml": f"{ct}.settings+xml",
        "/word/header1.xml": f"{ct}.header+xml", "/word/footer1.xml": f"{ct}.footer+xml",
        "/word/comments.xml": f"{ct}.comments+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        **{f"/word/{key.lower()}.xml": f"{ct}.{kind}+xml" for key, (kind, _, _) in sides.items()},
    }
    side_parts = {f"word/{key.lower()}.xml": head + f'<w:{tag} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{body}</w:{tag}>'
                  for key, (_, tag, body) in sides.items()}
    return {
        "[Content_Types].xml": head + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in overrides.items()) + "</Types>",
        "_rels/.rels": head + f'<Relationships xmlns="{PKG_NS}">'
        f'<Relationship Id="rId1" Type="{DOC_TYPE}/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
        'Target="docProps/core.xml"/></Relationships>',
        "word/_rels/document.xml.rels": head + f'<Relationships xmlns="{PKG_NS}">'
        + "".join(f'<Relationship Id="{i}" Type="{DOC_TYPE}/{t}" Target="{target}"/>' for i, t, target in rels)
        + "</Relationships>",
        "word/document.xml": document,
        "word/styles.xml": STYLES_XML,
        "word/numbering.xml": numbering_xml(writer.restarts + 1, int(next(it.number for it in items if it.kind == "objective"))),
        "word/settings.xml": head + f'<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="567"/>'
        + ("<w:evenAndOddHeaders/>" if q.two_sided else "") +
        '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>',
        "word/header1.xml": head + f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{para(run(header), "Header")}</w:hdr>',
        "word/footer1.xml": head + f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        f'{para(run("Page ") + field("PAGE", "1"), "Footer")}</w:ftr>',
        "word/comments.xml": head + f'<w:comments xmlns:w="{W_NS}"><w:comment w:id="0" w:author="Secretariat" '
        'w:date="2019-03-01T10:00:00Z" w:initials="S">'
        f'{para(run("Align this title with the WTDC-17 final report."), "CommentText")}</w:comment></w:comments>',
        "docProps/core.xml": head + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>ITU-D Action Plan</dc:title>'
        '<dc:creator>BDT</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2019-03-01T10:00:00Z</dcterms:created>'
        "</cp:coreProperties>",
        **side_parts,
    }


def write_package(path: Path, parts: dict[str, str]) -> None:
    """A deterministic ZIP (fixed dates, fixed order) holding `parts`."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, text.encode("utf-8"))


# ---------------------------------------------------------------- the fixture set

_LINE = '<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="auto"/>'
TABLE_BORDERS = {
    "horizontal": (
        f'<w:tblBorders>{_LINE.format(side="top", size=8)}<w:left w:val="nil"/>{_LINE.format(side="bottom", size=8)}'
        f'<w:right w:val="nil"/>{_LINE.format(side="insideH", size=4)}<w:insideV w:val="nil"/></w:tblBorders>'
    ),
    "vertical": (
        f'<w:tblBorders><w:top w:val="nil"/>{_LINE.format(side="left", size=8)}<w:bottom w:val="nil"/>'
        f'{_LINE.format(side="right", size=8)}<w:insideH w:val="nil"/>{_LINE.format(side="insideV", size=4)}</w:tblBorders>'
    ),
    "none": (
        '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'
        '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
    ),
}

HTML_DOCS = {
    "objective2-lo-headings": ("objective2", HtmlStyle(output_break=True)),
    "objective2-lo-bold": ("objective2", HtmlStyle(headings="bold", areas="italic", separator=": ", indicators="ol")),
    "objective2-lo-plain": ("objective2", HtmlStyle(
        headings="bold", areas="underline", separator=" - ", sub_numbers=False, upper_objective=True,
        indicators="typed", borders=False,
    )),
    "action-plan-lo-headings": ("action-plan", HtmlStyle(areas="h4", indicators="ul")),
}
QUIRK_DOCS = {
    "objective2-word-quirks": ("objective2", Quirks()),
    "objective2-word-labels": ("objective2", Quirks(numbered_headings=True, areas="italic", subs="heading3-typed", toc=False)),
    "objective2-word-charstyle": ("objective2", Quirks(
        objective_sep=f" \u2011{NBSP}", output="charstyle", output_sep=": ", output_bold_number_only=True,
        areas="underline", sections=False, rules="horizontal",
    )),
    "action-plan-word-quirks": ("action-plan", Quirks(
        objective="bold", output="charstyle", output_sep=" - ",
        subs="heading3-typed", areas="italic", refgroups="bold-italic", indicators="typed", rules="horizontal",
    )),
}
# Which files go into the fixture folder: (name, ".docx" kept, ".pdf" rendered).
KEEP = {
    "objective2-lo-headings": (True, True),
    "objective2-lo-bold": (True, False),
    "objective2-lo-plain": (True, False),
    "action-plan-lo-headings": (False, True),
    "objective2-word-quirks": (True, True),
    "objective2-word-labels": (True, True),
    "objective2-word-charstyle": (True, True),
    "action-plan-word-quirks": (True, True),
}


def build(seeds: Path, out: Path) -> list[Path]:
    """Write every fixture into `out`; the paths written."""
    import dataclasses

    texts = dict(zip(("objective2", "action-plan"), seed_items(seeds)))
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, (text, style) in HTML_DOCS.items():
            source = work / f"{name}.html"
            source.write_text(to_html(texts[text], style, name), encoding="utf-8")
            soffice(source, "docx:MS Word 2007 XML", work, "HTML (StarWriter)")
        for name, (text, q) in QUIRK_DOCS.items():
            write_package(work / f"{name}.docx", quirks_package(texts[text], q, "ITU-D Action Plan"))
            if q.revisions:
                # The PDF shows the document as printed: revisions accepted, not as mark-up.
                clean = work / "clean" / f"{name}.docx"
                clean.parent.mkdir(exist_ok=True)
                write_package(clean, quirks_package(texts[text], dataclasses.replace(q, revisions=False), "ITU-D Action Plan"))
        for name, (keep_docx, keep_pdf) in KEEP.items():
            docx = work / f"{name}.docx"
            if keep_docx:
                shutil.copyfile(docx, out / docx.name)
                written.append(out / docx.name)
            if keep_pdf:
                printed = work / "clean" / docx.name if (work / "clean" / docx.name).exists() else docx
                pdf = soffice(printed, "pdf", work / "pdf")
                shutil.copyfile(pdf, out / pdf.name)
                written.append(out / pdf.name)
    return written


# Objective 2 as objective2-word-quirks.docx prints it, but with unruled outcome tables: the PDF
# extractor's unruled-table fallback is judged on these against that .docx.
UNRULED_PDFS = {
    "objective2-word-quirks-borderless": Quirks(rules="none", revisions=False),
    "objective2-word-quirks-vrules": Quirks(rules="vertical", revisions=False),
    # Not unruled, but printed only as these are: set for two-sided printing, in one section.
    "objective2-word-two-sided": Quirks(two_sided=True, sections=False, revisions=False),
}


def build_unruled(seeds: Path, out: Path) -> list[Path]:
    """Write the unruled-table PDFs (UNRULED_PDFS) into `out`; the paths written."""
    objective2, _ = seed_items(seeds)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, q in UNRULED_PDFS.items():
            docx = work / f"{name}.docx"
            write_package(docx, quirks_package(objective2, q, "ITU-D Action Plan"))
            pdf = soffice(docx, "pdf", work / "pdf")
            shutil.copyfile(pdf, out / pdf.name)
            written.append(out / pdf.name)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--unruled-out", type=Path, default=UNRULED_OUT)
    parser.add_argument("--only-unruled", action="store_true", help="build only the unruled-table PDFs")
    args = parser.parse_args(argv)
    paths = [] if args.only_unruled else build(args.seeds, args.out)
    for path in paths + build_unruled(args.seeds, args.unruled_out):
        print(f"{path.stat().st_size:>8}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

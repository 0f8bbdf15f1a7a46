"""Text renderings (.txt, .md, .html) of planning documents into the same flat block list.

Plain text follows what Word's "save as text" and HTML-to-text exports produce: one paragraph per
line, bullets as leading glyphs, and tables as runs of tab-led lines (a cell starts at a line
beginning with a tab; the header row's cells fix the column count). Markdown adds `#` headings and
pipe tables; HTML is read with lxml with network access off.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from ..errors import InputError
from ..model import Block, Cell, Loc, RawDocument, Source, table_text
from ..text_patterns import SPACED_BULLET

ARTEFACT = re.compile(r"\[bookmark: [^\]]*\]|</?p>")
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
HTML_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table", "div", "section", "article",
               "ul", "ol", "blockquote", "pre", "body", "main", "header", "footer", "dd", "dt", "dl"}


def decode(path: Path, data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else Windows-1252; binary data is refused."""
    if b"\x00" in data[:4096]:
        raise InputError(str(path), "binary data, not a text rendering")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(str(path), "not valid UTF-8 or Windows-1252 text")


def _paragraph(text: str, index: int, line: int) -> Block:
    m = SPACED_BULLET.match(text)
    loc = Loc(paragraph=index, line=line)
    if m:
        return Block("list-item", text[m.end():].strip(), loc=loc, label=m.group(1))
    return Block("paragraph", text.strip(), loc=loc)


def _tab_table(lines: list[tuple[int, str]], index: int) -> Block:
    """Rebuild a table from tab-led lines: cells start at a tab, the header row sets the width."""
    cells: list[list[str]] = []
    header_width = 0
    for _, line in lines:
        if not line.strip():
            if cells and not header_width:
                header_width = len(cells)
            continue
        if line.startswith("\t"):
            cells.append([line.strip()])
        elif cells:
            cells[-1].append(line.strip())
    width = header_width or len(cells) or 1
    first_line = lines[0][0]
    rows: list[list[Cell]] = []
    for start in range(0, len(cells), width):
        row = []
        for col, parts in enumerate(cells[start:start + width]):
            parts = [p for p in parts if p]
            row.append(Cell("\n".join(parts), loc=Loc(paragraph=index, line=first_line, row=len(rows), col=col),
                            paragraphs=parts))
        rows.append(row)
    return Block("table", table_text(rows), loc=Loc(paragraph=index, line=first_line), rows=rows)


def _plain_blocks(text: str) -> list[Block]:
    lines = [ARTEFACT.sub("", line).rstrip() for line in text.splitlines()]
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.startswith("\t"):
            start = i
            while i < len(lines):
                current = lines[i]
                if not current.strip():
                    nxt = next((l for l in lines[i + 1:] if l.strip()), None)
                    if nxt is None or not nxt.startswith("\t"):
                        break
                i += 1
            blocks.append(_tab_table(list(enumerate(lines))[start:i], len(blocks)))
            continue
        blocks.append(_paragraph(line.strip(), len(blocks), i + 1))
        i += 1
    return blocks


def _md_blocks(text: str) -> list[Block]:
    lines = text.splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        m = MD_HEADING.match(line)
        if not line.strip():
            i += 1
        elif m:
            blocks.append(Block("heading", m.group(2), loc=Loc(paragraph=len(blocks), line=i + 1),
                                outline_level=len(m.group(1)) - 1))
            i += 1
        elif line.lstrip().startswith("|"):
            start = i
            rows: list[list[Cell]] = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                if not MD_TABLE_RULE.match(lines[i].strip()):
                    parts = [p.strip() for p in lines[i].strip().strip("|").split("|")]
                    rows.append([Cell(p, loc=Loc(paragraph=len(blocks), line=i + 1, row=len(rows), col=c),
                                      paragraphs=[p]) for c, p in enumerate(parts)])
                i += 1
            blocks.append(Block("table", table_text(rows), loc=Loc(paragraph=len(blocks), line=start + 1), rows=rows))
        else:
            blocks.append(_paragraph(line.strip(), len(blocks), i + 1))
            i += 1
    return blocks


def _html_text(element: etree._Element) -> str:
    return re.sub(r"\s+", " ", element.text_content()).strip()


def _html_table(table: etree._Element, index: int) -> Block:
    rows: list[list[Cell]] = []
    for tr in table.iter("tr"):
        row = []
        for col, td in enumerate(c for c in tr if c.tag in ("td", "th")):
            paras = [_html_text(p) for p in td.iter("p", "li")] or [_html_text(td)]
            paras = [p for p in paras if p]
            row.append(Cell(_html_text(td), loc=Loc(paragraph=index, row=len(rows), col=col), paragraphs=paras))
        rows.append(row)
    return Block("table", table_text(rows), loc=Loc(paragraph=index), rows=rows)


def _html_walk(element: etree._Element, blocks: list[Block]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in ("script", "style", "head", "title"):
        return
    if tag == "table":
        blocks.append(_html_table(element, len(blocks)))
        return
    has_block_children = any(isinstance(c.tag, str) and c.tag in HTML_BLOCKS for c in element)
    if not has_block_children:
        text = _html_text(element)
        if text:
            if re.fullmatch(r"h[1-6]", tag):
                blocks.append(Block("heading", text, loc=Loc(paragraph=len(blocks)), outline_level=int(tag[1]) - 1))
            elif tag == "li":
                blocks.append(Block("list-item", text, loc=Loc(paragraph=len(blocks)), label="•"))
            else:
                blocks.append(_paragraph(text, len(blocks), 0))
                blocks[-1].loc.line = None
        return
    if element.text and element.text.strip():
        blocks.append(_paragraph(element.text.strip(), len(blocks), 0))
        blocks[-1].loc.line = None
    for child in element:
        _html_walk(child, blocks)
        if child.tail and child.tail.strip():
            blocks.append(_paragraph(child.tail.strip(), len(blocks), 0))
            blocks[-1].loc.line = None


def _html_blocks(path: Path, text: str) -> list[Block]:
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(str(path), f"cannot parse HTML: {exc}") from exc
    blocks: list[Block] = []
    body = root.find("body")
    _html_walk(body if body is not None else root, blocks)
    return blocks


def read_text(path: Path, source: Source, data: bytes) -> RawDocument:
    """Read a .txt, .md or .html rendering into blocks."""
    text = decode(path, data)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        blocks = _html_blocks(path, text)
    elif suffix in (".md", ".markdown"):
        blocks = _md_blocks(text)
    else:
        blocks = _plain_blocks(text)
    return RawDocument(source=source, blocks=blocks)

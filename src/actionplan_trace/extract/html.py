"""HTML renderings (.html, .htm, .xhtml) of planning documents into blocks and notes.

The page is parsed by lxml.html with network access off, comments and processing instructions
dropped (inline.html_parser). Its body is walked in document order: a heading element is a
heading block, a list item a list-item block with the label a browser draws (inline.item_labels),
a table a table block whose cells hold their block-level pieces, and any other run of text a
paragraph, bold when all of it is in <b> or <strong> (the hint a bold Normal heading gives);
scripts, styles and the title hold no text of the document (inline.HIDDEN), and LibreOffice's page
header and footer (`<div title="header">`, `"footer"`) are page furniture, as in a .docx. On a page
LibreOffice wrote, a heading's outline number glued to its title ("<h3>1Background</h3>") is the
heading's label, as the .docx reader has Word's. Each block carries the line of the page it starts on. A Markdown file's HTML blocks (a table pandoc's gfm writer
could not write with pipes) are read the same way (`fragment_blocks`).

Notes are read as the writers of such pages write them, so that an HTML rendering gives the same
model as the .docx it was made from:
- pandoc: a reference `<a class="footnote-ref" role="doc-noteref">` (`footnoteRef` before pandoc
  2), the notes an `<ol>` in a `<section>`, `<aside>` or `<div>` of class `footnotes` (or role
  `doc-endnotes`), each item ending with a back link (`footnote-back`, role `doc-backlink`, or
  before pandoc 2 only its `href="#fnref1"`);
- Word's "Save as Web Page": a reference `<a href="#_ftn1">` (`#_edn1` an endnote), each note a
  `<div id="ftn1">` opening with its back link `<a href="#_ftnref1">[1]</a>`;
- LibreOffice: a reference `<a class="sdfootnoteanc">` (`sdendnoteanc`), each note a
  `<div id="sdfootnote1">` opening with its back link `<a class="sdfootnotesym">1</a>`
  (`sdfootnotesym-western` where the note number's style differs by script).
A reference is taken out of the text, as the .docx reader leaves Word's reference marks out (a
number glued to the word before it would read "Resolution 45" and a note "1" as Resolution 451),
and each note is a footnote block labelled as its back link or its place in the list says.
"""

from __future__ import annotations

import re
from ..record import replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..errors import InputError, LimitError
from ..limits import current, over
from ..model import Block, Cell, Loc, table_text
from ..regexcache import regex
from ..text_patterns import DEFAULT_BULLET, glued_label
from .inline import (
    HIDDEN,
    LISTS,
    element_paragraphs,
    element_text,
    fragment_holder,
    fragment_paragraphs,
    html_markup,
    html_parser,
    is_bold,
    item_label,
    item_labels,
    opens_with_list,
    stopped_too_deep,
)
from .text import _paragraph
from .text_tables import text_loc

if TYPE_CHECKING:
    from lxml import etree
    from lxml.html import HtmlElement

    from .inline import Element

HEADING = regex(r"h[1-6]")
# A rowspan or colspan attribute's number; a span covers at most MAX_SPAN slots (HTML's own bound
# for colspan), and a row is at most that wide.
SPAN = regex(r"\s*(\d+)")
MAX_SPAN = 1000
# Empty slots spans may leave in a table, per cell of the table (_grid).
SPAN_SLOTS = 4
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table", "div", "section", "article",
          "ul", "ol", "blockquote", "pre", "body", "main", "header", "footer", "dd", "dt", "dl"}
# Note references, back links and note lists, by writer (see the module's docstring).
REF_CLASSES = frozenset({"footnote-ref", "footnoteRef", "sdfootnoteanc", "sdendnoteanc"})
BACK_CLASSES = frozenset({"footnote-back", "sdfootnotesym", "sdendnotesym"})
NOTES_CLASSES = frozenset({"footnotes"})
NOTES_ROLES = frozenset({"doc-endnotes", "doc-footnotes"})
WORD_REF = regex(r"#_(ftn|edn)\d+")
WORD_BACK = regex(r"#_(?:ftn|edn)ref\d+|#fnref\d+")  # Word's; pandoc 1's back link has no class
# A note of its own: Word's `ftn1` / `edn1`, LibreOffice's `sdfootnote1` / `sdendnote1`; the
# first group says which kind (an endnote's id reads "endnote-N", as the .docx reader has it).
NOTE_ID = regex(r"(?:_?(ftn|edn)|sd(foot|end)note)(\d+)")


def read_html(path: Path, text: str) -> tuple[list[Block], list[Block]]:
    """The body blocks and the footnote blocks of an HTML page; InputError when lxml cannot parse it."""
    import lxml.html  # only HTML input needs it (with lxml itself, ~9 ms of a text run's start-up)
    from lxml import etree

    from .xmlsafe import too_many_attributes

    markup = html_markup(text)
    if (problem := too_many_attributes(markup, "the page")) is not None:  # (as libxml2 gets it: `<&shy;p` is `<p`)
        raise InputError(str(path), problem)
    parser = html_parser()
    try:
        root = lxml.html.document_fromstring(markup.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(str(path), f"cannot parse HTML: {exc}") from exc
    if stopped_too_deep(parser):
        from .xmlsafe import too_deep

        raise InputError(str(path), too_deep("the page"))
    parts = sum(1 for _ in root.iter(*PART_TAGS))
    if parts > (allowed := current().text_lines):
        raise LimitError(str(path), over("text_lines", f"the page has {parts:,} paragraphs, headings, list items,"
                                                       " table rows and cells", allowed))
    body = root.find("body")
    top = body if body is not None else root
    notes = take_notes(top)
    blocks: list[Block] = []
    _walk(top, blocks)
    if _by_libreoffice(root):
        blocks = [_outline_numbered(block) for block in blocks]
    return blocks, notes


PART_TAGS = ("p", "li", "tr", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "div")
"""Elements that each make a block, a table row or a table cell: counted against Limits.text_lines
before the page is read (1.2 million `<p>` in 4.8 MB took 1.5 GB, and as many empty `<tr>` 2 GB
in a redline)."""


# The generator LibreOffice (and OpenOffice before it) names in a page it writes.
OFFICE_GENERATOR = regex(r"\s*(?:LibreOffice|OpenOffice)", re.IGNORECASE)


def _by_libreoffice(root: HtmlElement) -> bool:
    """Whether the page says LibreOffice wrote it (`<meta name="generator">`)."""
    return any(OFFICE_GENERATOR.match(meta.get("content") or "") is not None
               for meta in root.iter("meta") if (meta.get("name") or "").lower() == "generator")


def _outline_numbered(block: Block) -> Block:
    """A heading of a LibreOffice page with its outline number as its label: LibreOffice writes
    the number Word's heading numbering shows as text glued to the title, without the tab or space
    after it ("<h3>1Background</h3>", "<h1>Objective 2 –Modern …</h1>"), where the .docx reader
    has the label "1" and the title "Background" (text_patterns.glued_label)."""
    split = glued_label(block.text) if block.type == "heading" and block.label is None else None
    return block if split is None else replace(block, label=split[0], text=split[1])


def fragment_blocks(markup: str, index: int, line: int) -> list[Block] | None:
    """The blocks of an HTML block of a Markdown file (text.HTML_BLOCK_START) that starts at
    `line`, numbered from paragraph `index` on, each at the line it starts on, as the text reader
    numbers and places its blocks; None when lxml cannot read it (inline.fragment_holder, which
    leaves lxml's import, a few milliseconds of a text's reading, to markup read_fragment cannot
    settle)."""
    holder = fragment_holder(markup, placed=True)
    if holder is None:
        return None
    found: list[Block] = []
    _walk(holder, found)
    return [_placed(block, index + k, line - 1) for k, block in enumerate(found)]


def _placed(block: Block, paragraph: int, offset: int) -> Block:
    """`block` with its loc, and its cells', at `paragraph` and `offset` lines further down (its
    line was counted in the HTML block alone), as text_tables.text_loc places them."""
    line = (block.loc.line or 1) + offset
    rows = None if block.rows is None else [
        [replace(cell, loc=text_loc(paragraph, line, r, c)) for c, cell in enumerate(row)]
        for r, row in enumerate(block.rows)]
    return replace(block, loc=text_loc(paragraph, line), rows=rows)


def take_notes(top: HtmlElement) -> list[Block]:
    """The notes under `top` as footnote blocks, in the order written; the note lists and each
    reference to a note are taken out of the tree (their tails kept), so the walk reads neither."""
    places = [(e, _note_id(e)) for e in top.iter("section", "aside", "div", "ol")]
    places = [(e, m) for e, m in places if m is not None or _is_notes_list(e)]
    held = {e for e, _ in places}
    notes: list[Block] = []
    for place, m in places:
        if any(parent in held for parent in place.iterancestors()):
            continue  # a note inside a list of notes (pandoc's in a <div>): read with the list
        if m is not None:
            endnote = m.group(1) == "edn" or m.group(2) == "end"
            notes.append(_note(place, _back_label(place) or m.group(3),
                               f"endnote-{m.group(3)}" if endnote else m.group(3)))
        else:
            items = [li for li in place.iter("li") if _item_of(li, place)]
            for number, item in enumerate(items, start=1):
                notes.append(_note(item, str(number), str(number)))
        place.drop_tree()
    for a in [a for a in top.iter("a") if _is_reference(a)]:
        a.drop_tree()
    return notes


def _note_id(element: HtmlElement) -> re.Match[str] | None:
    """The id of a note of its own (Word's, LibreOffice's) as NOTE_ID reads it, if it is one."""
    return NOTE_ID.fullmatch(element.get("id") or "") if element.tag == "div" else None


def _item_of(item: HtmlElement, notes: HtmlElement) -> bool:
    """Whether a list item is one of the notes of a note list, not an item of a list inside a note."""
    parent = item.getparent()
    while parent is not None and parent is not notes:
        if parent.tag == "li":
            return False
        parent = parent.getparent()
    return True


# LibreOffice names the script after a class whose style differs by script ("sdfootnotesym-western").
SCRIPT_CLASS = regex(r"-(?:western|cjk|ctl)$")


def _classes(element: HtmlElement) -> set[str]:
    """An element's classes, each without the script LibreOffice may name after it."""
    return {SCRIPT_CLASS.sub("", name) for name in (element.get("class") or "").split()}


def _is_notes_list(element: HtmlElement) -> bool:
    return not NOTES_CLASSES.isdisjoint(_classes(element)) or element.get("role") in NOTES_ROLES


def _is_reference(a: HtmlElement) -> bool:
    return _marked(a, REF_CLASSES, "doc-noteref", WORD_REF)


def _is_back_link(a: HtmlElement) -> bool:
    return _marked(a, BACK_CLASSES, "doc-backlink", WORD_BACK)


def _marked(a: HtmlElement, classes: frozenset[str], role: str, href: re.Pattern[str]) -> bool:
    """Whether a link is marked as one writer or another marks it: a class, a role or its href."""
    return (not classes.isdisjoint(_classes(a)) or a.get("role") == role
            or href.fullmatch(a.get("href") or "") is not None)


def _back_label(note: HtmlElement) -> str | None:
    """The label a note's back link shows ("[1]", "1", "i"), brackets left out."""
    for a in note.iter("a"):
        if _is_back_link(a):
            return element_text(a).strip("[]() ") or None
    return None


def _note(element: HtmlElement, label: str, note_id: str) -> Block:
    """A footnote block of a note element, its back links left out, its paragraphs on lines."""
    for a in [a for a in element.iter("a") if _is_back_link(a)]:
        a.drop_tree()
    text = "\n".join(t for t, _ in fragment_paragraphs([element.text or "", *element]))
    return Block("footnote", text, loc=Loc(footnote=note_id), label=label)


def _paragraph_at(text: str, index: int, line: int | None, bold: bool = False) -> Block:
    return _paragraph(text, Loc(paragraph=index, line=line), bold)


def _table(table: etree._Element, blocks: list[Block]) -> None:
    """A table's block, after the blocks of what it holds outside its cells (see _rows)."""
    cells: list[list[etree._Element]] = []
    _rows(table, cells, blocks)
    index = len(blocks)
    rows: list[list[Cell]] = []
    grid = _grid(cells)
    if not all(grid):  # a row with no slot, no cell of its own nor one spanning down into it, shows nothing
        cells, grid = [tds for tds, placed in zip(cells, grid) if placed], [placed for placed in grid if placed]
    for tds in grid:
        row = []
        for col, td in enumerate(tds):
            if td is None:  # a slot a cell above or to the left spans
                row.append(Cell("", Loc(paragraph=index, line=table.sourceline, row=len(rows), col=col), [], False))
                continue
            # Its block-level pieces, as a Markdown table's cell holding a fragment has them (text_tables._cell).
            pieces = element_paragraphs(td)
            paras = [t for t, _ in pieces]
            # A header cell is bold as a browser sets it (and a table part opening with one is a new table).
            bold = bool(pieces) and (td.tag == "th" or all(b for _, b in pieces))
            row.append(Cell("\n".join(paras), Loc(paragraph=index, line=table.sourceline, row=len(rows), col=col),
                            paras, bold, _span(td.get("colspan"), 1)))
        rows.append(row)
    flow = row_flows = None
    if all(len(tds) == 1 for tds in cells):
        flow = [block for r, (td,) in enumerate(cells) for block in _cell_flow(td, index, r)]
    elif any(_one_cell(tds, placed) for tds, placed in zip(cells, grid)):
        # A row of one cell across the table (a tr of one td, colspan all) in a table of several
        # columns: LibreOffice writes a box that follows a table with no paragraph between them
        # as more rows of that table, and so do Word's pages of tables Word joined.
        row_flows = [_cell_flow(tds[0], index, r) if _one_cell(tds, placed) else None
                     for r, (tds, placed) in enumerate(zip(cells, grid))]
    blocks.append(Block("table", table_text(rows), loc=Loc(paragraph=index, line=table.sourceline), rows=rows,
                        flow=flow, row_flows=row_flows))


def _one_cell(tds: list[etree._Element], placed: list[etree._Element | None]) -> bool:
    """Whether a row holds one cell, in the first column, with no cell above reaching into it (a
    rowspan): a row a box joined to the table may be (Block.row_flows)."""
    if len(tds) != 1 or not placed:
        return False
    across = _span(tds[0].get("colspan"), 1)
    return placed[0] is tds[0] and len(placed) <= across


def _cell_flow(td: etree._Element, index: int, r: int) -> list[Block]:
    """The blocks a cell of a one-cell row holds, walked as body blocks are, in order (Block.flow,
    Block.row_flows: read instead of the table when it is a box round a section), each (and a table
    inside the cell, and its cells) at the table's paragraph `index`, row `r` and column 0, and its
    own line."""
    found: list[Block] = []
    _walk(td, found)
    flow: list[Block] = []
    for block in found:
        rows = None if block.rows is None else [
            [replace(cell, loc=text_loc(index, cell.loc.line or 0, r, 0)) for cell in row] for row in block.rows]
        flow.append(replace(block, loc=text_loc(index, block.loc.line or 0, r, 0), rows=rows))
    return flow


def _grid(rows: list[list[etree._Element]]) -> list[list[etree._Element | None]]:
    """The table's cells where a browser places them: a cell's `colspan` and `rowspan` cover the
    slots to its right and below it, which are empty (None) there, so each cell stays under its
    column's header and a row with a cell merged down from above has that slot empty. Spans are
    read as HTML reads them (a number, at least 1; `rowspan="0"` to the table's end), a colspan
    covers at most MAX_SPAN slots, and a table's empty slots are at most SPAN_SLOTS per cell:
    past that budget (hostile markup) spans are read as 1."""
    grid: list[list[etree._Element | None]] = []
    below: dict[int, int] = {}  # column -> rows a cell above still covers
    budget = SPAN_SLOTS * max(sum(len(tds) for tds in rows), 1)
    for r, tds in enumerate(rows):
        row: list[etree._Element | None] = []
        for td in tds:
            while below.get(len(row), 0) > 0:
                row.append(None)
            down = min(_span(td.get("rowspan"), len(rows) - r), len(rows) - r)
            across = _span(td.get("colspan"), 1)
            if (down * across - 1) > budget:
                down = across = 1
            budget -= down * across - 1
            if down > 1:
                below.update((len(row) + k, down) for k in range(across))
            row.extend([td] + [None] * (across - 1))
        while any(column >= len(row) for column in below):
            row.append(None)
        for column in list(below):
            below[column] -= 1
            if below[column] <= 0:
                del below[column]
        grid.append(row)
    return grid


def _span(value: str | None, zero: int) -> int:
    """A `rowspan` or `colspan` value as HTML reads it: its leading digits, 1 when there are none,
    `zero` for 0 (a rowspan to the end), at most MAX_SPAN."""
    digits = SPAN.match(value or "")
    if digits is None:
        return 1
    number = int(digits.group(1)[:6])
    return min(zero if number == 0 else number, MAX_SPAN)


def _rows(element: etree._Element, rows: list[list[etree._Element]], blocks: list[Block]) -> None:
    """The cells of each row in `element` (a table, a row group or a row) into `rows`; the rest it
    holds (a caption, text or an element between rows, which a browser shows before the table)
    walked into `blocks`. libxml2 leaves all of these where they are written: cells outside any
    row make a row of their own, and a table inside a cell is in that cell's text, its rows none
    of this table's."""
    row: list[etree._Element] | None = [] if element.tag == "tr" else None
    if row is not None:
        rows.append(row)
    if element.text and element.text.strip():
        blocks.append(_paragraph_at(element.text.strip(), len(blocks), element.sourceline))
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("td", "th"):
            if row is None:
                row = []
                rows.append(row)
            row.append(child)
        else:
            if tag in ("tr", "thead", "tbody", "tfoot"):
                _rows(child, rows, blocks)
            else:
                _walk(child, blocks)
            if element.tag != "tr":
                row = None
        if child.tail and child.tail.strip():
            blocks.append(_paragraph_at(child.tail.strip(), len(blocks), child.sourceline))


# LibreOffice writes a page's header and footer as <div title="header"> / <div title="footer">,
# children of <body> around the text; they are page furniture, left out as the .docx reader leaves
# Word's out (such a div deeper in a page is read).
PAGE_FURNITURE = frozenset({"header", "footer"})


def _walk(element: Element, blocks: list[Block], label: str | None = None) -> None:
    """The blocks of `element` into `blocks`. A list item is a list-item block with its `label`
    (inline.item_labels; "•" when none is given) and its depth among the lists around it; an item
    holding blocks is one by its first paragraph, the rest following as they are. (An element
    read by inline.read_fragment is never a table: its tags hold no cell.)"""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in HIDDEN or (tag == "div" and element.get("title") in PAGE_FURNITURE
                         and (parent := element.getparent()) is not None and parent.tag == "body"):
        return
    if tag == "table":
        _table(cast("etree._Element", element), blocks)
        return
    if tag == "li" and label is None:
        label = DEFAULT_BULLET
    has_block_children = any(isinstance(c.tag, str) and c.tag in BLOCKS for c in element)
    line = element.sourceline
    if not has_block_children:
        text = element_text(element)
        if text:
            loc = Loc(paragraph=len(blocks), line=line)
            if HEADING.fullmatch(tag):
                blocks.append(Block("heading", text, loc=loc, outline_level=int(tag[1]) - 1))
            elif label:
                bold = is_bold(element, text)
                label, text = item_label(label, text)
                blocks.append(Block("list-item", text, loc=loc, label=label, list_level=_list_depth(element), bold=bold))
            else:
                blocks.append(_paragraph_at(text, len(blocks), line, is_bold(element, text)))
        return
    start = len(blocks)
    if element.text and element.text.strip():
        blocks.append(_paragraph_at(element.text.strip(), len(blocks), line))
    labels = item_labels(element) if tag in LISTS else None
    for k, child in enumerate(element):
        _walk(child, blocks, labels[k] if labels else None)
        if child.tail and child.tail.strip():
            blocks.append(_paragraph_at(child.tail.strip(), len(blocks), child.sourceline))
    if label and start < len(blocks) and blocks[start].type == "paragraph" and not opens_with_list(element):
        first = blocks[start]
        label, text = item_label(label, first.text)
        blocks[start] = replace(first, type="list-item", text=text, label=label, list_level=_list_depth(element))


def _list_depth(item: Element) -> int:
    """How many lists hold a list item, less one: 0 for an item of a top-level list."""
    return max(0, sum(1 for _ in item.iterancestors(*LISTS)) - 1)

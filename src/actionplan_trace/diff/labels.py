"""How the diff names things: section labels and paths, heading lines, block texts with labels."""

from __future__ import annotations

from typing import Mapping

from ..model import Block, Cell, Document, Loc, Section, kind_label, section_word
from ..regexcache import regex

# A list label typed at a paragraph's start ("b) …", "2. …", "(iii) …"), which a list Word numbers
# gives as the block's label: the paragraph is that item either way.
_TYPED_ITEM = regex(r"^\s*(\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s+\S")

NO_HEADING_KINDS = ("front-matter",)


def section_label(section: Section) -> str:
    """A short human name for a section: 'Output 2.1 – title', a heading's title, or its kind."""
    title = " ".join(section.title.split())
    if section.number:
        name = f"{section_word(section)} {section.number}"
        return f"{name} – {title}" if title and title != section.number else name
    return title or section_word(section)


def heading_text(section: Section) -> str | None:
    """The text that opens a section in reading order: its heading, or a short label, or none."""
    if section.heading:
        return section.heading
    if section.kind in NO_HEADING_KINDS:
        return None
    if section.number:
        return f"{kind_label(section.kind)} {section.number}"
    return section.title or None


def block_text(block: Block) -> str:
    """A block's visible text with its list label in front (a tab between, as Word shows it)."""
    return f"{block.label}\t{block.text}" if block.label else block.text


def cell_texts(block: Block) -> list[list[str]]:
    """A table block's cell texts, row by row."""
    rows: list[list[Cell]] = block.rows or []
    return [[c.text for c in row] for row in rows]


HEADER_MAX = 48  # characters of a column heading a change's place quotes whole
NOTE_MARKS = str.maketrans("", "", "¹²³⁴⁵⁶⁷⁸⁹⁰")  # a heading's note marks, as a text rendering prints them


def column_title(name: str, headers: Mapping[str, str] | None = None) -> str:
    """A column of a table row read as a section as the document heads it, quoted ('“Performance
    indicators”', a long heading cut at a word: '“ITU Strategic Goals and Relevant…”'), or by
    its field's name where no heading is known ('indicators'). A note mark a text rendering
    prints in the heading ("Proposed ² Timing") is no part of its name."""
    header = " ".join(((headers or {}).get(name) or "").translate(NOTE_MARKS).split())
    if not header:
        return name
    if len(header) > HEADER_MAX:
        header = header[:HEADER_MAX].rsplit(" ", 1)[0].rstrip(" ,;:–-") + "…"
    return f"“{header}”"


def block_place(block: Block, headers: Mapping[str, str] | None = None, part: bool = False) -> str | None:
    """What a block is, in the document's words: 'bullet', 'item a)' (numbered by Word or typed),
    '“Outputs” column' (a cell of a table row read as a section, by its column's heading in
    `headers`, Section.headers), 'table', 'contents entry'. `part`: the block is told apart from
    the rest of its cell (a paragraph moved within it), a paragraph named as one: 'paragraph in
    “Outputs” column', where “Outputs” column alone would read as the column moved."""
    label = (block.label or "").strip()
    what: str | None
    if block.type == "list-item":
        what = f"item {label}" if label and any(ch.isalnum() for ch in label) else "bullet"
    elif block.type in ("paragraph", "heading"):
        typed = _TYPED_ITEM.match(block.text) if block.type == "paragraph" and not block.contents else None
        what = "contents entry" if block.contents else f"item {typed.group(1)}" if typed else None
    else:
        what = block.type.replace("-", " ")
    if block.field:
        column = f"{column_title(block.field, headers)} column"
        what = what or ("paragraph" if part else None)
        return f"{what} in {column}" if what else column
    return what


def cell_place(header: list[str] | None, row: int, col: int) -> str:
    """A table cell named by its column heading: '“Outputs” column, row 3' (row 1 is the heading)."""
    title = " ".join((header[col] if header and col < len(header) else "").split())
    if row == 0 and title:
        return f"heading of column {col + 1}"
    if title and len(title) <= 40:
        return f"“{title}” column, row {row + 1}"
    return f"table row {row + 1}, column {col + 1}"


def place(loc: Loc | None, notes: Mapping[str, str] | None = None) -> str | None:
    """Where something is in its source file: 'page 4' for a PDF, 'paragraph 12' for .docx/text,
    and for a note that has neither (a .docx or HTML note) its name in `notes` ('footnote 2')."""
    if loc is None:
        return None
    if loc.page is not None:
        return f"page {loc.page}"
    if loc.paragraph is not None:
        where = f"paragraph {loc.paragraph + 1}"
        return f"{where}, table row {loc.row + 1}" if loc.row is not None else where
    if loc.line is not None:
        return f"line {loc.line}"
    if loc.footnote is not None and notes is not None:
        return notes.get(loc.footnote)
    return None


def note_names(doc: Document) -> dict[str, str]:
    """Each note of `doc` by its Loc.footnote, named as the reader sees it: 'footnote 2', 'endnote
    iii' (its label, the number Word draws, where the Loc holds the part's own id), or 'footnote'
    for a note with a custom mark."""
    notes: dict[str, str] = {}
    for section in doc.sections:
        for block in section.blocks:
            name = note_name(block)
            if name is not None and block.loc.footnote is not None:
                notes.setdefault(block.loc.footnote, name)
    return notes


def note_name(block: Block) -> str | None:
    """A note block's name as the reader numbers it: 'footnote 2', 'endnote iii', or 'footnote'
    for a note with a custom mark; None for a block that is no note."""
    key = block.loc.footnote
    if block.type != "footnote" or key is None:
        return None
    kind = "endnote" if key.startswith("endnote-") else "footnote"
    return f"{kind} {block.label}" if block.label else kind

"""The fallback redline: a generated Word document carrying the diff as revision marks.

Used when OLD or NEW is a PDF or text rendering (two .docx files get `render.redline`).

Every item of the merged reading order is written once: unchanged text as plain runs, deleted
text in `w:del` (with `w:delText`), inserted text in `w:ins`. A paragraph that exists only in
the old revision also has its paragraph mark deleted, one only in the new revision its mark
inserted; table rows of one side are marked on `w:trPr`. So Word's "Accept All" leaves exactly
the new revision's text and "Reject All" the old one's.

The document's body is written as it is made: each paragraph and table is serialized into the
package's document.xml and taken out of the tree as soon as it is complete, so a redline of
every word of two 4.5 MB texts does not hold a tree of every run (1.4 GB) nor a second copy of
it as XML, only the compressed package.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from functools import cache
from datetime import datetime, timedelta
from pathlib import PurePath

import re

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from docx.table import Table
from lxml import etree

from ..diff.changes import DiffResult, Item, RowStep, Step
from ..diff.labels import block_text, heading_text
from ..diff.words import Op
from ..model import Block
from ..record import field, record
from ..regexcache import regex
from .escapes import xml_text
from .redline.package import mark_time, stamped

CORE_PROPERTY_MAX = 255
DOCUMENT_PART = "word/document.xml"
APP_PART = "docProps/app.xml"

PIECES = regex(r"(\t|\n)")
W_NSMAP = {"w": nsmap["w"]}
W_ID, W_AUTHOR, W_DATE, W_VAL = qn("w:id"), qn("w:author"), qn("w:date"), qn("w:val")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@cache
def _clark(tag: str) -> str:
    """The `{namespace}name` of a `w:`-prefixed tag."""
    return qn(tag)


def _element(tag: str, parent: etree._Element | None = None) -> etree._Element:
    """A new element `tag` ("w:r") as python-docx's OxmlElement makes it (its element class, the
    w prefix declared), made as the last child of `parent` when one is given. A redline of two
    texts of 34,000 paragraphs makes 1.7 million elements: OxmlElement parsed the prefixed tag
    again for each, and an element made on its own is a document of its own to lxml, then moved
    into its parent; together half the time of writing the redline. The XML is the same."""
    if parent is None:
        return oxml_parser.makeelement(_clark(tag), nsmap=W_NSMAP)
    return etree.SubElement(parent, _clark(tag))


@record
class _Marks:
    """Revision-mark factory: one author, ids counting up, and the date of the current paragraph.

    Two dates alternate (the diff time and two minutes before it): LibreOffice joins same-author
    insertions (or deletions) less than a minute apart that touch across a paragraph mark, and
    then accepting or rejecting them removes that (unchanged) paragraph mark too.
    """

    author: str  # as written in the XML (escapes.xml_text)
    dates: tuple[str, str]
    next_id: int = 1
    alternate: bool = False

    def mark(self, tag: str, parent: etree._Element) -> etree._Element:
        """A new `w:ins`/`w:del` element, last in `parent`, with the next id, the author (escaped
        for XML when the marks are made) and this paragraph's date."""
        el = etree.SubElement(parent, _clark(tag), {W_ID: str(self.next_id), W_AUTHOR: self.author,
                                                    W_DATE: self.dates[self.alternate]})
        self.next_id += 1
        return el


def _run(parent: etree._Element, text: str, deleted: bool) -> None:
    """A `w:r` holding `text` (w:t, or w:delText when deleted), tabs and breaks as elements, last in `parent`."""
    run = _element("w:r", parent)
    for piece in PIECES.split(text):
        if piece == "\t":
            _element("w:tab", run)
        elif piece == "\n":
            _element("w:br", run)
        elif piece:
            t = _element("w:delText" if deleted else "w:t", run)
            t.set(XML_SPACE, "preserve")
            t.text = xml_text(piece)


def _fill(paragraph: etree._Element, ops: list[Op], marks: _Marks) -> None:
    """Append the runs of a word diff to a `w:p`, wrapping edits in `w:ins` / `w:del`."""
    for op, text in ops:
        if not text:
            continue
        if op == "=":
            _run(paragraph, text, False)
            continue
        _run(marks.mark("w:del" if op == "-" else "w:ins", paragraph), text, op == "-")


def _mark_paragraph(paragraph: etree._Element, tag: str, marks: _Marks) -> None:
    """Mark a paragraph's own mark as inserted or deleted (pPr/rPr/ins|del)."""
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is None:
        ppr = _element("w:pPr")
        paragraph.insert(0, ppr)
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = _element("w:rPr", ppr)
    marks.mark(tag, rpr)


def _one_sided(text: str, old_side: bool) -> list[Op]:
    """A whole text as one deletion (old side) or insertion (new side)."""
    return [("-" if old_side else "+", text)]


@record
class _Writer:
    """Writes the merged document, paragraph by paragraph: each is made on its own (a table in a
    python-docx Document's body, for its styles), then handed to `sink` as XML and let go."""
    document: docx.document.Document
    marks: _Marks
    sink: Callable[[bytes], object]
    tail: str | None = None
    style_ids: dict[str, str] = field(default_factory=dict)

    def new_paragraph(self, style: str | None) -> etree._Element:
        """An empty `w:p` (with `style`), in no body: `emit` writes it where it belongs."""
        p = _element("w:p")
        if style is not None:
            if style not in self.style_ids:
                self.style_ids[style] = self.document.styles[style].style_id
            _element("w:pStyle", _element("w:pPr", p)).set(W_VAL, self.style_ids[style])
        return p

    def emit(self, element: etree._Element) -> None:
        """Write a finished paragraph or table to `sink`, and take a table out of the body."""
        self.sink(etree.tostring(element, with_tail=False))
        if (parent := element.getparent()) is not None:
            parent.remove(element)

    def paragraph(self, ops: list[Op], style: str | None, side: str | None) -> None:
        """One paragraph; `side` is "old" or "new" for a paragraph of one revision only."""
        edits = [op for op, text in ops if text]
        if edits and edits[0] != "=" and edits[0] == self.tail:
            self.marks.alternate = not self.marks.alternate
        p = self.new_paragraph(style)
        _fill(p, ops, self.marks)
        if side is not None:
            _mark_paragraph(p, "w:del" if side == "old" else "w:ins", self.marks)
        self.emit(p)
        self.tail = edits[-1] if edits and side is None else None

    def step(self, step: Step) -> None:
        """Write one merged step."""
        item = step.new or step.old
        assert item is not None
        if step.old is not None and step.new is not None and _is_table(step.old) != _is_table(step.new):
            self.step(Step(step.old, None))
            self.step(Step(None, step.new))
        elif item.block is None:
            self.heading(step)
        elif item.block.type == "table":
            self.table(step)
        else:
            self.block(step)

    def heading(self, step: Step) -> None:
        """A section heading paragraph in a Heading style by level."""
        old = heading_text(step.old.section) if step.old else None
        new = heading_text(step.new.section) if step.new else None
        section = (step.new or step.old).section  # type: ignore[union-attr]
        style = f"Heading {min(max(section.level, 1), 9)}"
        if old is not None and new is not None:
            self.paragraph(step.words or [("=", new)], style, None)
        elif old is not None:
            self.paragraph(_one_sided(old, True), style, "old")
        elif new is not None:
            self.paragraph(_one_sided(new, False), style, "new")

    def block(self, step: Step) -> None:
        """A paragraph or list item, with word-level marks when both sides exist."""
        if step.old is not None and step.new is not None:
            ops = step.words if step.words is not None else [("-", _text(step.old)), ("+", _text(step.new))]
            self.paragraph(ops, None, None)
        elif step.old is not None:
            self.paragraph(_one_sided(_text(step.old), True), None, "old")
        elif step.new is not None:
            self.paragraph(_one_sided(_text(step.new), False), None, "new")

    def table(self, step: Step) -> None:
        """A table with rows of one side marked on w:trPr and cell edits marked in the runs."""
        old_rows = _rows(step.old.block) if step.old and step.old.block else []
        new_rows = _rows(step.new.block) if step.new and step.new.block else []
        if step.rows is not None:
            plan = step.rows
        elif step.old is not None:
            plan = [RowStep(i, None) for i in range(len(old_rows))]
        else:
            plan = [RowStep(None, j) for j in range(len(new_rows))]
        if not plan:
            return
        width = max(len(r) for r in old_rows + new_rows)
        table: Table = self.document.add_table(rows=len(plan), cols=max(width, 1))
        table.style = self.document.styles["Table Grid"]
        for row_step, row in zip(plan, table.rows):
            cells = self._row_ops(row_step, old_rows, new_rows)
            side = "old" if row_step.new is None else "new" if row_step.old is None else None
            if side is not None:
                tr_pr = _element("w:trPr")
                self.marks.mark("w:del" if side == "old" else "w:ins", tr_pr)
                row._tr.insert(0, tr_pr)
            for cell, ops in zip(row.cells, cells):
                _fill(cell.paragraphs[0]._p, ops, self.marks)
        self.emit(table._tbl)
        self.emit(self.new_paragraph(None))
        self.tail = None

    @staticmethod
    def _row_ops(row: RowStep, old_rows: list[list[str]], new_rows: list[list[str]]) -> list[list[Op]]:
        """The word diff of each cell of one merged row."""
        if row.old is not None and row.new is not None and row.cells is not None:
            return row.cells
        if row.old is not None:
            return [_one_sided(t, True) for t in old_rows[row.old]]
        assert row.new is not None
        return [_one_sided(t, False) for t in new_rows[row.new]]


def _is_table(item: Item) -> bool:
    """True for a table block item."""
    return item.block is not None and item.block.type == "table"


def _text(item: Item) -> str:
    """A block item's text with its label."""
    assert item.block is not None
    return block_text(item.block)


def _rows(block: Block) -> list[list[str]]:
    """A table block's cell texts."""
    return [[c.text for c in row] for row in (block.rows or [])]


def _core_property(value: str) -> str:
    """`value` fit for a core property, which Word caps at 255 characters."""
    text = xml_text(value)
    return text if len(text) <= CORE_PROPERTY_MAX else text[: CORE_PROPERTY_MAX - 1] + "…"


def _own_package(document: DocxDocument) -> None:
    """python-docx's template without its thumbnail, a picture of another document that file
    browsers would show as this one's (the package keeps only the parts it relates)."""
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rid]


APPLICATION = re.compile(rb"<Application>[^<]*</Application>")
"""The application docProps/app.xml names: the template's says Microsoft Word made it."""


def to_docx(result: DiffResult, author: str = "trace", date: datetime | None = None) -> bytes:
    """The .docx bytes: the merged document with every difference as a tracked change."""
    when = mark_time(date)
    dates = (when.isoformat() + "Z", (when - timedelta(minutes=2)).isoformat() + "Z")
    document = docx.Document()
    core = document.core_properties
    core.author = core.last_modified_by = _core_property(author)
    names = (PurePath(result.old.source.path).name, PurePath(result.new.source.path).name)
    core.title = _core_property("Changes: {} → {}".format(*names))
    # python-docx's template says it was made by python-docx in 2013: this file is the redline's
    core.created = core.modified = when
    core.comments = _core_property("Generated by actionplan-trace: the text of both revisions in a default "
                                   "template, the differences as revision marks (not either file's own layout)")
    core.keywords = core.subject = core.category = ""
    core.revision = 1
    _own_package(document)
    skeleton = io.BytesIO()
    document.save(skeleton)  # every part but the body's content, which is streamed in below
    out = io.BytesIO()
    with zipfile.ZipFile(skeleton) as parts, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in parts.infolist():
            member = stamped(info.filename, when)
            if info.filename == APP_PART:
                package.writestr(member, APPLICATION.sub(b"<Application>actionplan-trace</Application>", parts.read(info)))
                continue
            if info.filename != DOCUMENT_PART:
                package.writestr(member, parts.read(info))
                continue
            xml = parts.read(info)
            end = xml.rindex(b"<w:sectPr")  # the body's content goes before its section properties
            with package.open(member, "w", force_zip64=True) as stream:
                stream.write(xml[:end])
                writer = _Writer(document, _Marks(xml_text(author), dates), stream.write)
                for step in result.steps:
                    writer.step(step)
                writer.emit(writer.new_paragraph(None))
                stream.write(xml[end:])
    return out.getvalue()

"""The document model: plain dataclasses every extractor fills and every later stage reads.

Extractors produce a flat list of `Block`s carrying formatting hints (style, outline level,
bold, font size, list label); `structure.build` turns that list into a `Document` whose
sections form a tree (each section names its parent by id). Nothing else in the package
defines document types, so JSON output, diffing and reference resolution all agree on
one vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal, get_args

from . import schemas
from .record import brief_repr, field, field as dataclass_field, record  # `field` is a Block field's name too

BlockType = Literal["paragraph", "list-item", "table", "footnote", "heading", "figure"]
SourceFormat = Literal["docx", "pdf", "text"]
View = Literal["accepted", "original"]
BLOCK_TYPES: tuple[BlockType, ...] = get_args(BlockType)
VIEWS: tuple[View, ...] = get_args(View)


@record(frozen=True, init=False)
class Loc:
    """Where a block came from: a body paragraph index (docx/text), a page (pdf), a table cell."""

    paragraph: int | None = None
    page: int | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    footnote: str | None = None

    def __init__(self, paragraph: int | None = None, page: int | None = None, line: int | None = None,
                 table: int | None = None, row: int | None = None, col: int | None = None,
                 footnote: str | None = None) -> None:
        # A Loc is made for every paragraph, line and cell read: stores into the instance dict
        # cost a fifth of the seven object.__setattr__ calls a frozen dataclass's __init__ makes,
        # and less than one update() with keywords, which builds a dict first; only the fields
        # given (not None) are stored, most Locs having two or three, and the others are read
        # from the class's defaults (tests/test_model.py holds this signature to the fields, and
        # a Loc to the plain frozen dataclass).
        d = self.__dict__
        if paragraph is not None:
            d["paragraph"] = paragraph
        if page is not None:
            d["page"] = page
        if line is not None:
            d["line"] = line
        if table is not None:
            d["table"] = table
        if row is not None:
            d["row"] = row
        if col is not None:
            d["col"] = col
        if footnote is not None:
            d["footnote"] = footnote

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    def __str__(self) -> str:
        return ",".join(f"{k}={v}" for k, v in self.to_dict().items())

    def __reduce__(self) -> tuple[type[Loc], tuple[Any, ...]]:
        """Pickled as its fields, loaded by `__init__`: a third of the time the record's state
        takes either way (a document's references go between processes: forked.py)."""
        return Loc, (self.paragraph, self.page, self.line, self.table, self.row, self.col, self.footnote)


@record
class Cell:
    """One table cell: its text (paragraphs joined by newlines) and where it sits."""

    text: str
    loc: Loc = field(default_factory=Loc)
    paragraphs: list[str] = field(default_factory=list)
    bold: bool = False
    # How many grid columns the cell covers (a .docx w:gridSpan, HTML's colspan): a hint, not in
    # the JSON, that tells a row of one cell spanning a table (a note under the rows) from a row
    # whose other cells are empty.
    span: int = dataclass_field(default=1, compare=False, repr=False)
    # A continuation of the cell above it (a .docx w:vMerge): it shows the merged cell, so reads no
    # text of its own. A hint, not in the JSON, the diff compares between two .docx revisions, as
    # a cell merged down with an empty one changes no text.
    continued: bool = dataclass_field(default=False, compare=False, repr=False)
    # The hyperlinks in the cell, as Block.links has a paragraph's: for each, in order, the index
    # of its paragraph in `paragraphs`, the offsets of its text in that paragraph (start, end) and
    # where it points. A hint, not in the JSON, the diff compares between two .docx revisions;
    # None where the reader does not read links (a PDF, a text rendering, a padding cell).
    links: tuple[tuple[int, int, int, str], ...] | None = dataclass_field(default=None, compare=False, repr=False)
    # How many blank paragraphs the cell holds before each of its `paragraphs` and, last, after
    # them (a cell of no text: those past the one paragraph every cell holds). A hint, not in the
    # JSON, the diff compares between two .docx revisions; None where the reader does not count them.
    blanks: tuple[int, ...] | None = dataclass_field(default=None, compare=False, repr=False)


@record
class Block:
    """A paragraph, list item, table, footnote or heading line.

    `text` is the visible text (for tables, rows joined by newlines and cells by " | ").
    The hint fields describe formatting the structurer may use to recognise headings;
    they are not part of the JSON contract except `label` and `field`.
    """

    type: BlockType
    text: str
    loc: Loc = field(default_factory=Loc)
    rows: list[list[Cell]] | None = None
    label: str | None = None
    list_level: int | None = None
    field: str | None = None
    style: str | None = None
    outline_level: int | None = None
    bold: bool = False
    size: float | None = None
    revised: bool = False
    contents: bool = False  # a contents entry typed without leaders (contents.py): set by structure.build
    # A table of one column: the blocks its cells hold, in order, as body blocks with their hints
    # (styles, bold, list labels), which structure.build reads instead of the table when the
    # profile says it is a box round a section (Profile.boxes); None for other tables.
    flow: list[Block] | None = dataclass_field(default=None, compare=False, repr=False)
    # A table of several columns some of whose rows hold one cell: for each row (aligned with
    # `rows`) the blocks its one cell holds, as `flow` has them, or None for a row of several
    # cells. Word and LibreOffice join two tables with no paragraph between them into one, so an
    # outcomes table may go on with rows that are the boxes of the outputs after it (or follow
    # them); structure.build splits such a table into its table and box parts. None for a table
    # whose rows all hold several cells, or all one (`flow`).
    row_flows: list[list[Block] | None] | None = dataclass_field(default=None, compare=False, repr=False)
    # The ordinal of the .docx paragraph the block starts with (of the first paragraph a table
    # reads), counting every w:p of the body, of table cells and of text boxes in reading order: a
    # hint (not in the JSON) that places a revision mark (Revision.seq) in the block it falls in
    # where many blocks share a location, the paragraphs of one table cell; None elsewhere.
    seq: int | None = dataclass_field(default=None, compare=False, repr=False)
    # The note marks (a .docx w:footnoteReference/w:endnoteReference) in the text: for each, in
    # order, its offset in `text` (the mark stands before that character) and its note's
    # Loc.footnote. A hint (not in the JSON) the diff compares between two .docx revisions, as the
    # text holds no mark; None where the reader does not read marks (a PDF, a text rendering).
    notes: tuple[tuple[int, str], ...] | None = dataclass_field(default=None, compare=False, repr=False)
    # The text as typed where `text` leaves part of it out: the soft hyphens (U+00AD, a .docx
    # w:softHyphen) the reader drops and the white space it strips from the end, and the case of
    # text set in capitals (w:caps, w:smallCaps), which `text` prints in capitals. A hint (not in
    # the JSON) the diff compares between two .docx revisions, so that `--all` shows every
    # difference while `text` stays what a reader sees; None where it is `text` itself.
    typed: str | None = dataclass_field(default=None, compare=False, repr=False)
    # The blank paragraphs right before the block: the model keeps no block for an empty
    # paragraph, and one added or removed is a difference of formatting the diff reports. In the
    # body, their paragraph indices (Loc.paragraph); in a story with no indices of its own (a
    # table cell, a text box), the index of the table or paragraph holding it, the block's own
    # `loc` placing them; for a note, the blank paragraphs in it (0 each). A hint (not in the
    # JSON); None where there are none or the reader does not count them (a PDF, a text rendering).
    blanks: tuple[int, ...] | None = dataclass_field(default=None, compare=False, repr=False)
    # The blank paragraphs after the block that end its story (the body, a table cell, a text
    # box), as `blanks` gives them; None where there are none.
    trailing: tuple[int, ...] | None = dataclass_field(default=None, compare=False, repr=False)
    # The hyperlinks in the text: for each, in order, the offsets of its text in `text` (start,
    # end) and where it points (a URL, or "#" and a bookmark). A hint (not in the JSON) the diff
    # compares between two .docx revisions, as the text is the same when only a target changed;
    # None where the reader does not read links (a PDF, a text rendering).
    links: tuple[tuple[int, int, str], ...] | None = dataclass_field(default=None, compare=False, repr=False)
    # How many characters of a paragraph not bold throughout open it in bold: a label set in bold
    # before plain text ("**Target 1.1:** 65% of households …"), which a heading rule may require
    # (`requires: bold-label`). A hint (not in the JSON); 0 where none is, or the reader cannot tell.
    bold_lead: int = dataclass_field(default=0, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "text": self.text, "loc": self.loc.to_dict()}
        if self.label:
            out["label"] = self.label
        if self.field:
            out["field"] = self.field
        if self.rows is not None:
            out["rows"] = [[c.text for c in row] for row in self.rows]
        return out


def table_text(rows: list[list[Cell]]) -> str:
    """The text of a table as one string: cells joined by ' | ', rows by newlines."""
    return "\n".join([" | ".join([c.text for c in row]) for row in rows])  # lists: join takes them as they are


def cell_link_spans(cell: Cell) -> list[tuple[int, int, str]]:
    """A table cell's links (Cell.links) at their offsets in its paragraphs joined by line breaks,
    the text the .docx reader gives a cell: one reckoning for the reader (a nested table's cell)
    and the diff (diff/links.py)."""
    paragraphs = cell.paragraphs or [cell.text]
    starts = [0]
    for paragraph in paragraphs:
        starts.append(starts[-1] + len(paragraph) + 1)
    return [(starts[line] + start, starts[line] + end, target)
            for line, start, end, target in cell.links or () if line < len(paragraphs)]


def nested_row_line(row: list[Cell]) -> str:
    """A row of a table nested in a cell as one line of that cell's text, its cells joined by
    " | " on one line: how the .docx and the PDF readers flatten a nested table alike."""
    return " | ".join(c.text.replace("\n", " ") for c in row)


def cell_starts(row: list[Cell]) -> list[int]:
    """Where each cell of a table row starts in the row's text, its cells joined by " | " (as
    table_text joins them)."""
    starts = []
    at = 0
    for cell in row:
        starts.append(at)
        at += len(cell.text) + len(" | ")
    return starts


@record
class Section:
    """A node of the document tree. `parent` is the parent's id (None for top level).

    `heading` is the source text of the heading paragraph(s) the section was opened by (typed
    number included), `signal` says which heading signal fired, `loc` where the heading was.
    `heading_block` is that heading's first paragraph, a hint (not in the JSON) whose formatting
    (style, bold, size) the diff compares between revisions.
    """

    id: str
    kind: str
    number: str | None
    title: str
    parent: str | None
    level: int
    blocks: list[Block] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    loc: Loc = field(default_factory=Loc)
    signal: str | None = None
    heading: str | None = None
    heading_block: Block | None = dataclass_field(default=None, compare=False, repr=False)
    # A table row read as a section: the cells of the row it was read from, a hint (not in the
    # JSON) whose merges (Cell.continued, Cell.span) the diff compares between two .docx
    # revisions, as a cell of no text makes no block; None for other sections.
    cells: list[Cell] | None = dataclass_field(default=None, compare=False, repr=False)
    # A table row read as a section: where the rows of no text right before it in its table are
    # (the last such section of a table part: and after it), which make no section. A hint (not
    # in the JSON) the diff compares between two .docx revisions, as a blank row of a table is a
    # change.
    blank_rows: tuple[Loc, ...] = dataclass_field(default=(), compare=False, repr=False)
    # The document's own word for a section of its kind where it is another ("Priority" for an
    # objective of the Kigali plan): a heading rule's `term` group, which the diff names the
    # section by ("Priority 1 › Output 1.1"). A hint (not in the JSON); None where it is the kind's.
    term: str | None = dataclass_field(default=None, compare=False, repr=False)
    # A table row read as a section: each field's column heading as the document shows it ("indicators":
    # "Performance indicators"), which the diff names a cell's column by. A hint (not in the JSON);
    # None for other sections and for a table read without a header row.
    headers: dict[str, str] | None = dataclass_field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "number": self.number,
            "title": self.title,
            "parent": self.parent,
            "level": self.level,
        }
        if self.fields:
            out["fields"] = dict(self.fields)
        if self.signal:
            out["signal"] = self.signal
        if self.heading is not None:
            out["heading"] = self.heading
        out["loc"] = self.loc.to_dict()
        out["blocks"] = [b.to_dict() for b in self.blocks]
        return out

    @property
    def text(self) -> str:
        """All block text of this section alone (not its children), newline-joined."""
        return "\n".join(b.text for b in self.blocks)


_NOWHERE = Loc()


def cell_location(block: Block, cell_loc: Loc, row: int, col: int) -> Loc:
    """Where a table cell is: its own location, or its table's with the row and column when the
    reader gave the cell none (references and diff changes name cells so). The fields are compared
    as dicts rather than the Locs with `!=`, which runs a record's Python `__eq__` (two seven-field
    tuples built, some 7,000 instructions a cell)."""
    if cell_loc.__dict__ != _NOWHERE.__dict__:
        return cell_loc
    return Loc(paragraph=block.loc.paragraph, page=block.loc.page, table=block.loc.table, row=row, col=col)


# Words of the profiles' section kinds that are acronyms, written so when a kind is shown
# ("wsis-outcome" is a "WSIS outcome", not a "Wsis outcome").
KIND_ACRONYMS = {"wsis": "WSIS", "sp": "SP"}


def section_word(section: "Section") -> str:
    """What a section is called: the document's own word for it (Section.term), else its kind's
    (kind_label)."""
    return section.term or kind_label(section.kind)


def kind_label(kind: str, start: bool = True) -> str:
    """A section kind as people read it: "wsis-outcome" -> "WSIS outcome", "output" -> "Output"
    (or "output" inside a sentence, `start` False)."""
    words = [KIND_ACRONYMS.get(word, word) for word in kind.split("-")]
    first = words[0]
    return " ".join([first.capitalize() if start and not first.isupper() else first, *words[1:]])


@record
class Revision:
    """One tracked change in a .docx: insert, delete, move-from, move-to, or a property change."""

    type: str
    author: str | None
    date: str | None
    text: str
    loc: Loc = field(default_factory=Loc)
    section: str | None = None
    id: str | None = None
    # The ordinal of the paragraph the mark is in (Block.seq), or of the next one read for a mark
    # on a table, row or cell: a hint, not in the JSON.
    seq: int | None = field(default=None, compare=False, repr=False)
    # `seq` again where structure.build placed the mark by it, in a box read as its section's text
    # (whose paragraphs share their table's loc): what tells the box's paragraphs apart, as `loc`
    # tells body paragraphs apart (validate gives one finding per paragraph). Not in the JSON.
    box_paragraph: int | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "author": self.author,
            "date": self.date,
            "text": self.text,
            "section": self.section,
            "loc": self.loc.to_dict(),
        }


LAYOUT_DOUBT = "text printed over other text, so its words and reading order may be wrong"
"""What a reader's note in `Source.warnings` says of the pages whose layout it could not read with
confidence (the PDF reader's: pdf.overprinted_note); `check` reports each such note as CHK007."""


@record(frozen=True)
class Source:
    """What was read: path, format (docx/pdf/text), content hash (None when the reader was asked
    not to compute it: extract.read's `digest`), profile and view used."""

    path: str
    format: SourceFormat
    sha256: str | None
    profile: str | None = None
    view: View = "accepted"
    pages: int | None = None
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if v is not None and k != "warnings"}
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out


@record
class RawDocument:
    """An extractor's output before structuring: blocks in reading order plus side data."""

    source: Source
    blocks: list[Block]
    revisions: list[Revision] = field(default_factory=list)
    footnotes: list[Block] = field(default_factory=list)


@record
class Document:
    """A structured document: its source, its sections in document order, its revisions.

    `by_id` and `position` index the sections by id (ids are unique within a document). The index
    is built on first use and again whenever the number of sections changes; a document whose
    sections are replaced in place needs a new `Document`.
    """

    __repr__ = brief_repr

    source: Source
    sections: list[Section]
    revisions: list[Revision] = field(default_factory=list)
    _by_id: dict[str, Section] = field(default_factory=dict, init=False, repr=False, compare=False)
    _position: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _indexed: int = field(default=-1, init=False, repr=False, compare=False)

    def _index(self) -> None:
        if self._indexed != len(self.sections):
            self._by_id, self._position = {}, {}
            for n, s in enumerate(self.sections):
                self._by_id.setdefault(s.id, s)
                self._position.setdefault(s.id, n)
            self._indexed = len(self.sections)

    @property
    def by_id(self) -> Mapping[str, Section]:
        """Section id -> section."""
        self._index()
        return self._by_id

    def position(self, section_id: str) -> int:
        """The index of a section in reading order (KeyError for an unknown id)."""
        self._index()
        return self._position[section_id]

    def section(self, section_id: str) -> Section:
        return self.by_id[section_id]

    def get(self, section_id: str) -> Section | None:
        return self.by_id.get(section_id)

    def children(self, section_id: str | None) -> list[Section]:
        return [s for s in self.sections if s.parent == section_id]

    def of_kind(self, kind: str) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]

    def path(self, section: Section) -> list[Section]:
        """The chain of sections from the top level down to `section`."""
        chain = [section]
        while chain[-1].parent is not None and (parent := self.get(chain[-1].parent)) is not None:
            chain.append(parent)
        return list(reversed(chain))

    def blocks(self) -> Iterator[tuple[Section, Block]]:
        for s in self.sections:
            for b in s.blocks:
                yield s, b

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": schemas.EXTRACT,
            "source": self.source.to_dict(),
            "sections": [s.to_dict() for s in self.sections],
        }
        if self.revisions:
            out["revisions"] = [r.to_dict() for r in self.revisions]
        return out

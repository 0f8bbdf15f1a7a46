"""One reading pass over a .docx package in one revision view (see the package docstring)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Iterator

from lxml import etree

from ...errors import InputError, InputWarning, LimitError, UsageError
from ...limits import current, over
from ...model import (
    Block, Cell, Loc, RawDocument, Revision, Source, View, cell_link_spans, cell_starts, nested_row_line, table_text,
)
from ...text_patterns import BULLET, RAISED_DIGITS, SOFT_HYPHEN, is_bullet_glyph, is_bullet_label, plain_hyphens
from ...record import field, record, replace
from .. import VIEWS, file_source
from .glyphs import has_font_pua, run_text, sym_text
from .numbering import Numbering, format_number
from .ooxml import (
    MC_ALT, M_R, M_T, R_ID, W, W_ALTCHUNK, W_B, W_BR, W_CAPS, W_CELLDEL, W_CELLINS, W_CR, W_DEL, W_DELINSTR,
    W_DELTEXT, W_DRAWING, W_ENREF, W_FLDCHAR, W_FRAMEPR, W_FLDCHARTYPE, W_FNREF, W_GRIDAFTER, W_HYPERLINK, W_GRIDBEFORE, W_GRIDCOL, W_GRIDSPAN, W_ILVL, W_INS, W_INSTR,
    W_MOVEFROM, W_MOVETO, W_NBHYPHEN, W_NUMCHANGE, W_NUMID, W_NUMPR, W_OBJECT, W_OUTLINE, W_P,
    W_PICT, W_PPR, W_PPRCHANGE, W_PSTYLE, W_PTAB, W_R, W_RPR, W_RPRCHANGE, W_RSTYLE, W_RUBY,
    W_RUBYBASE, W_SDT, W_SDTCONTENT, W_SMALLCAPS, W_SOFTHYPHEN, W_SYM, W_SZ, W_T, W_TAB, W_TBLGRID, W_TC, W_TCPR, W_TCPRCHANGE, W_TRPRCHANGE,
    W_TBLPREX, W_TR, W_TRPR, W_TXBX, W_VAL, W_VANISH, W_VERTALIGN, W_VMERGE, attr, block_children, half_points, props_child, table_children, merge_kind, mc_branch, onoff, onoff_attr, to_int,
)
from .chunks import chunk_blocks, is_docx_chunk, placed
from .figures import figure_text
from .math import MATH_MARKS, math_marks
from .package import Package, Parts
from .styles import is_drop_cap

W_SECTPR = W + "sectPr"
_RUN_CHANGES = {W_INS: "insert", W_DEL: "delete", W_MOVEFROM: "move-from", W_MOVETO: "move-to"}
_MARK_CHANGES = {
    W_INS: "paragraph-insert",
    W_DEL: "paragraph-delete",
    W_MOVEFROM: "paragraph-move-from",
    W_MOVETO: "paragraph-move-to",
}
_ROW_CHANGES = {W_INS: "row-insert", W_DEL: "row-delete"}
# Word's most columns in a table: how wide rows are laid out when a table has no grid (w:tblGrid).
MAX_COLUMNS = 63
_CELL_CHANGES = {W_CELLINS: "cell-insert", W_CELLDEL: "cell-delete"}
_FORMAT_CHANGES = {
    W + "tblPrChange": "table-format",
    W + "tblPrExChange": "table-format",
    W + "trPrChange": "table-format",
    W + "tcPrChange": "table-format",
    W + "tblGridChange": "table-format",
    W + "cellMerge": "table-format",
    W + "sectPrChange": "section-format",
}
# Elements whose subtree never holds text of the view.
# What may stand between two tracked run changes that are one revision (_run_revision).
_BETWEEN_CHANGES = frozenset({W + "bookmarkStart", W + "bookmarkEnd", W + "proofErr", W + "commentRangeStart",
                              W + "commentRangeEnd", W + "permStart", W + "permEnd"})
_SKIP = {
    W_PPR, W_RPR, W_INSTR, W_DELINSTR, W + "sdtPr", W + "sdtEndPr",
    W + "bookmarkStart", W + "bookmarkEnd", W + "proofErr", W + "commentReference",
    W + "lastRenderedPageBreak", W + "footnoteRef", W + "endnoteRef", W + "annotationRef",
    W + "rt", W + "rubyPr", W_SECTPR, W + "tblPr", W + "tblGrid",
}



@record
class _Para:
    """One physical w:p as read in the view, before joins by removed paragraph marks."""

    loc: Loc
    pstyle: str | None
    outline: int | None
    num_id: int | None
    ilvl: int | None
    pieces: list[tuple[str, bool, float | None]] = field(default_factory=list)
    joins_next: bool = False
    drop_cap: bool = False  # a drop cap's frame (w:framePr w:dropCap): the start of the paragraph after it
    revised: bool = False
    extra: list[Block] = field(default_factory=list)
    # The blank paragraphs of the text boxes it holds that hold no text, past the one paragraph
    # each box holds: no block of the box keeps them (Block.blanks), so the story the paragraph
    # is in counts them after it.
    box_blanks: int = 0
    seq: int = 0  # its ordinal among the paragraphs read (Block.seq)
    notes: list[tuple[int, str]] = field(default_factory=list)  # its note marks (Block.notes), by offset in its pieces
    soft: list[int] = field(default_factory=list)  # offsets in its pieces of the soft hyphens dropped (Block.typed)
    links: list[tuple[int, int, str]] = field(default_factory=list)  # its links (Block.links), by offset in its pieces
    # The offset in its pieces of a glyph drawn from a symbol font (a w:sym, or a Symbol/Wingdings
    # private-use character) read before any text but white space: a typed bullet (_typed_bullet).
    symbol: int | None = None
    # Text read in capitals (w:caps, w:smallCaps) as it was typed, by offset in its pieces (Block.typed).
    cased: list[tuple[int, str]] = field(default_factory=list)


def _textbox_contents(el: etree._Element) -> Iterator[etree._Element]:
    """The outermost w:txbxContent under a drawing, reading one branch of mc:AlternateContent."""
    for child in el:
        if child.tag == W_TXBX:
            yield child
        elif child.tag == MC_ALT:
            branch = mc_branch(child)
            if branch is not None:
                yield from _textbox_contents(branch)
        elif len(child):
            yield from _textbox_contents(child)


class _Reader:
    """One reading pass over a package in one view."""

    def __init__(self, parts: Parts, view: View, path: str = "", depth: int = 0) -> None:
        self.view = view
        self.path = path
        self.depth = depth  # 1 in a .docx imported by another (docx_chunk)
        accepted = view == "accepted"
        self.hide_runs = {W_DEL, W_MOVEFROM} if accepted else {W_INS, W_MOVETO}
        self.hide_row = W_DEL if accepted else W_INS
        self.hide_cell = W_CELLDEL if accepted else W_CELLINS
        self.parts = parts
        self.styles = parts.styles
        self.numbering = Numbering(parts.numbering, self.styles)
        self.revisions: list[Revision] = []
        self.note_refs: list[tuple[str, str, bool]] = []
        self._raised = 0  # how many superscript runs (w:vertAlign) the text being read is in: its digits are raised
        self._rpr: etree._Element | None = None  # the w:rPr of the run being read (its font maps symbol glyphs)
        self._vanished = 0  # how many hidden runs (w:vanish) the text being read is in: it is not printed, nor read
        self._caps = False  # the run being read is printed in capitals (w:caps, w:smallCaps)
        self.loc = Loc()
        self._collect: list[tuple[Revision, list[str]]] = []
        # Table cells made so far, padding included, and the body's blocks, against Limits.blocks,
        # counted as they are made (`_within_blocks`): a grid of 20,000 columns padded each of
        # its rows out to them (gridAfter), some 7 MB a row, and a row of 1.2 million cells took
        # 1.1 GB before the count of the document's cells could refuse it. What is within cells,
        # notes and text boxes (flattened into their lines, which structure does not count) is
        # counted apart (`inner`), against Limits.text_lines.
        self.cells = 0
        self.body_blocks = 0
        self.inner = 0
        self.unplaced = 0  # the blank paragraphs of the last story read that no block holds (a story of no text)
        limits = current()
        self.most_blocks, self.most_lines = limits.blocks, limits.text_lines
        self._last_run_change: tuple[etree._Element, Revision] | None = None  # see _run_revision
        self._table_depth = 0
        self._paragraphs = 0  # paragraphs begun so far, in every story (Block.seq)
        self._seq = 0  # the paragraph being read, or the next one (Revision.seq)
        # The complex fields open at this point of the story, innermost last: True while the
        # field is in its code (between fldChar begin and separate); `_in_code` counts those.
        self._fields: list[bool] = []
        self._in_code = 0
        self.chunk_notes: list[Block] = []  # the footnotes of imported HTML (w:altChunk)
        self.warnings: list[str] = []  # what could not be read, for Source.warnings

    # -- revisions

    def _revision(self, kind: str, el: etree._Element) -> Revision:
        rev = Revision(
            type=kind,
            author=el.get(W + "author"),
            date=el.get(W + "date"),
            text="",
            loc=self.loc,
            id=el.get(W + "id"),
            seq=self._seq,
        )
        self.revisions.append(rev)
        return rev

    def _run_revision(self, kind: str, el: etree._Element) -> Revision:
        """The revision of a tracked run change `el`: the one before it when `el` goes on from it
        (the same mark, author and date, with nothing but bookmarks or proofing marks between).
        Word writes one w:ins per editing session's id, so one typed insertion can be several."""
        last = self._last_run_change
        if last is not None and last[1].type == kind and last[1].loc is self.loc:
            before = el.getprevious()
            while before is not None and before.tag in _BETWEEN_CHANGES:
                before = before.getprevious()
            if (before is last[0] and before.get(W + "author") == el.get(W + "author")
                    and before.get(W + "date") == el.get(W + "date")):
                self._last_run_change = (el, last[1])
                return last[1]
        rev = self._revision(kind, el)
        self._last_run_change = (el, rev)
        return rev

    def _begin(self, rev: Revision) -> None:
        """Start collecting the text under `rev` (all text, whatever the view shows), after the
        text it holds already (a revision that goes on: `_run_revision`)."""
        self._collect.append((rev, [rev.text] if rev.text else []))

    def _end(self) -> None:
        rev, parts = self._collect.pop()
        rev.text = "".join(parts).strip("\n")

    def _separate(self) -> None:
        for _rev, parts in self._collect:
            if parts and parts[-1] != "\n":
                parts.append("\n")

    def _emit(self, text: str, hidden: bool, para: _Para, fmt: tuple[bool, float | None]) -> None:
        if self._in_code or self._vanished:
            return
        for _rev, parts in self._collect:
            parts.append(text)
        if not hidden and text:
            para.pieces.append((text, fmt[0], fmt[1]))

    def _soft_hyphens(self, raw: str, hidden: bool, para: _Para) -> None:
        """Note where the soft hyphens of `raw`, text about to be emitted without them, stand in
        the paragraph's pieces (Block.typed), where the text is shown."""
        if hidden or self._in_code or self._vanished:
            return
        at = _shown_length(para)
        para.soft.extend(at + n - k for k, n in enumerate(i for i, ch in enumerate(raw) if ch == SOFT_HYPHEN))

    def _print_in_capitals(self, text: str, hidden: bool, para: _Para) -> str:
        """`text` of a run set in capitals (w:caps, w:smallCaps) as it prints, each letter a
        capital (one for one: a letter whose capital is two, "ß", is left as it is, so that offsets
        hold); the paragraph keeps what was typed (_Para.cased, for Block.typed)."""
        printed = text.upper()
        if len(printed) != len(text):
            printed = "".join(ch if len(up := ch.upper()) != 1 else up for ch in text)
        if printed != text and not (hidden or self._in_code or self._vanished):
            para.cased.append((_shown_length(para), text))
        return printed

    def _note_symbol(self, text: str, at: int, hidden: bool, para: _Para) -> None:
        """Keep where a symbol-font glyph, `text[at]` of text about to be emitted, stands in the
        paragraph's pieces (_Para.symbol) when nothing but white space is shown before it."""
        if (hidden or self._in_code or self._vanished or para.symbol is not None or at >= len(text)
                or text[:at].strip() or any(piece[0].strip() for piece in para.pieces)):
            return
        para.symbol = _shown_length(para) + at

    def _field_char(self, kind: str | None) -> None:
        """Follow a w:fldChar: everything between a field's begin and its separate (or its end,
        when it has none) is field code, the results of fields nested in it included, and is not
        shown; only the outermost result is. `{ IF { MERGEFIELD Status } = "Approved" … }` shows
        what follows its separate, never the merge field's "Approved"."""
        if kind == "begin":
            self._fields.append(True)
            self._in_code += 1
        elif kind == "separate":
            if self._fields and self._fields[-1]:
                self._fields[-1] = False
                self._in_code -= 1
        elif kind == "end" and self._fields and self._fields.pop():
            self._in_code -= 1

    # -- stories

    def story(self, container: etree._Element, hidden: bool, count: bool) -> list[Block]:
        """Blocks of a sequence of paragraphs and tables (body, cell, text box, note).

        `count` advances `self.loc.paragraph` per element (the body); other stories keep
        the loc of whatever holds them. Fields do not cross a story's edge: each starts with none
        open, and the fields open around it are back when it ends; nor do hidden text and
        capitals (a text box anchored in a hidden run shows its own runs as they are set).
        """
        outer = self._fields, self._in_code, self._vanished, self._rpr, self._caps
        self._fields, self._in_code, self._vanished, self._rpr, self._caps = [], 0, 0, None, False
        try:
            return self._story(container, hidden, count)
        finally:
            self._fields, self._in_code, self._vanished, self._rpr, self._caps = outer

    def _story(self, container: etree._Element, hidden: bool, count: bool) -> list[Block]:
        out: list[Block] = []
        pending: list[_Para] = []
        blanks: list[int] = []  # the blank paragraphs since the last block (Block.blanks)
        index = 0
        counted = 0  # the blocks of `out` counted against the limits so far (_count_made)

        for el in block_children(container, chunks=True):
            if el.tag == W_ALTCHUNK:
                if pending:
                    self._settle(out, blanks, pending, hidden)
                    pending = []
                _add(out, blanks, self.alt_chunk(el, hidden, Loc(paragraph=index) if count else self.loc))
                counted = self._count_made(out, counted, count)
                continue
            if count:
                self.loc = Loc(paragraph=index)
                index += 1
            if el.tag == W_P:
                para = self.paragraph(el, hidden)
                if self._collect:
                    self._separate()
                pending.append(para)
                if not para.joins_next:
                    self._settle(out, blanks, pending, hidden, index - 1 if count else self.loc.paragraph or 0)
                    pending = []
                    counted = self._count_made(out, counted, count)
            else:
                if pending:
                    self._settle(out, blanks, pending, hidden)
                    pending = []
                table = self.table(el, hidden)
                if table is not None:
                    _add(out, blanks, [table])
                    counted = self._count_made(out, counted, count)
        if pending:
            self._settle(out, blanks, pending, hidden)
            self._count_made(out, counted, count)
        if out and blanks:
            out[-1].trailing = tuple(blanks)
        self.unplaced = 0 if out else len(blanks)
        return out

    def _settle(self, out: list[Block], blanks: list[int], parts: list[_Para], hidden: bool,
                blank_at: int | None = None) -> None:
        """Add the block of `parts` to a story's `out`. Given `blank_at`, a single visible paragraph
        that makes no block is a blank one there; the blank paragraphs of their empty text boxes
        count after them (Block.blanks)."""
        made = self._finish(parts, hidden)
        if made:
            _add(out, blanks, made)
        elif blank_at is not None and not hidden and len(parts) == 1:
            blanks.append(blank_at)
        for part in parts:
            if part.box_blanks:
                blanks.extend([part.loc.paragraph or 0] * part.box_blanks)

    def _finish(self, parts: list[_Para], hidden: bool) -> list[Block]:
        """One paragraph block from physical paragraphs joined by removed marks or a drop cap. Its
        bold and size are those of its visible text, a drop cap's left out: bold when every piece
        that is not white space is, the size that covers the most characters (the first such, on
        a tie). Runs for every paragraph and cell paragraph, so the block is made with its fields
        by position."""
        if hidden:
            return []
        first = parts[0]
        if len(parts) == 1:
            props, pieces, revised = first, first.pieces, first.revised
        else:
            props = next((part for part in parts if part.pieces and not part.drop_cap), parts[-1])
            pieces = [piece for part in parts for piece in part.pieces]
            revised = any(part.revised for part in parts)
        label = None
        ilvl = None
        if props.num_id:
            ilvl = props.ilvl
            if ilvl is None:
                ilvl = self.numbering.style_level(props.num_id, props.pstyle) or 0
            label = self.numbering.label(props.num_id, ilvl)
        raw = pieces[0][0] if len(pieces) == 1 else "".join([piece[0] for piece in pieces])
        lead = 0
        if label is None and first.symbol is not None:
            lead, label = _typed_bullet(raw, first.symbol)
            if label is not None:
                raw, pieces = raw[lead:], _cut_pieces(pieces, lead)
        text = raw.rstrip()
        out: list[Block] = []
        if text:  # right-stripped, so not blank
            bold = True
            sizes: dict[float, int] = {}
            bold_lead = 0  # the characters read before the first piece not bold (Block.bold_lead)
            for piece_text, piece_bold, size in (_past_drop_cap(parts) or pieces) if first.drop_cap else pieces:
                if not piece_text or piece_text.isspace():
                    bold_lead += len(piece_text) if bold else 0
                    continue
                if not piece_bold:
                    bold = False
                elif bold:
                    bold_lead += len(piece_text)
                if size is not None:
                    sizes[size] = sizes.get(size, 0) + len(piece_text)
            # a typed bullet (BULLET) opens with white space, a glyph or a dash: not a letter or digit
            listed = ((label is not None and props.outline is None)
                      or (not text[0].isalnum() and BULLET.match(text) is not None))
            block = Block("list-item" if listed else "paragraph", text, first.loc, None, label,
                          ilvl if label is not None else None, None, self.styles.name(props.pstyle),
                          props.outline, bold, max(sizes, key=sizes.__getitem__) if sizes else None, revised)
            block.seq = first.seq  # an attribute store: a keyword to the record's __init__ costs more
            if not bold and bold_lead and not first.drop_cap:
                block.bold_lead = len(text[:bold_lead].rstrip())
            if len(parts) == 1 and not (lead or first.notes or first.links or first.soft or first.cased):
                # Most paragraphs: one part, nothing kept beside the text but what was stripped
                # off its end (what the general case below gives them, without its reckoning).
                block.notes = block.links = ()
                if len(raw) != len(text):
                    block.typed = raw
            else:
                starts = [start - lead for start in _starts(parts)]
                block.notes = _note_marks(parts, starts, len(text))
                if len(raw) != len(text) or any(part.soft or part.cased for part in parts):
                    block.typed = _typed(parts, starts, raw)
                block.links = _link_spans(parts, starts, len(text))
            out.append(block)
        for part in parts:
            if part.extra:
                out.extend(part.extra)
        return out

    # -- paragraphs

    def paragraph(self, p: etree._Element, hidden: bool) -> _Para:
        before = len(self.revisions)
        seq = self._seq = self._paragraphs
        self._paragraphs += 1
        # Each child listed once, its proxy and tag made once for the properties and the text
        # (ooxml.props_child); so the w:pPr's children.
        children = list(p)
        ppr = props_child(children, W_PPR)
        ppr_children = list(ppr) if ppr is not None else []
        props: etree._Element | list[etree._Element] | None = ppr_children
        joins_next = False  # its mark removed in the view (the last w:rPr of its w:pPr says)
        numbering_hidden = False
        collecting = 0
        if ppr is not None:
            for child in ppr_children:
                tag = child.tag
                if tag == W_RPR:
                    joins_next = False
                    for mark in child:
                        mark_tag = mark.tag
                        if mark_tag in _MARK_CHANGES:
                            self._revision(_MARK_CHANGES[mark_tag], mark)
                            joins_next = joins_next or mark_tag in self.hide_runs
                        elif mark_tag == W_RPRCHANGE:
                            self._revision("format", mark)
                elif tag == W_NUMPR:
                    for change in child:
                        if change.tag in (W_INS, W_DEL, W_NUMCHANGE):
                            self._revision("numbering", change)
                            if change.tag in self.hide_runs:
                                numbering_hidden = True
                elif tag == W_PPRCHANGE:
                    old = child.find(W_PPR)
                    kind = "paragraph-format"
                    if _numpr_key(old) != _numpr_key(ppr):
                        kind = "numbering"
                    self._begin(self._revision(kind, child))
                    collecting += 1
                    if self.view == "original":
                        props = old
                elif tag == W_SECTPR:
                    self._changes(child)
        style_el, outline_el, numpr, frame = _para_marks(props)  # the old pPr where the view rejects a change
        para, fmt = self._para_props(style_el, outline_el, None if numbering_hidden else numpr, frame)
        para.seq = seq
        para.joins_next = joins_next or para.drop_cap
        self._inline(children, hidden, para, fmt)
        for _ in range(collecting):
            self._end()
        para.revised = len(self.revisions) > before
        self._seq = self._paragraphs  # a mark before the next paragraph (a row's, a cell's) is placed by it
        return para

    def _para_props(self, style_el: etree._Element | None, outline_el: etree._Element | None,
                    numpr: etree._Element | None, frame: etree._Element | None
                    ) -> tuple[_Para, tuple[bool, float | None]]:
        """A paragraph's style, outline level, list and whether it is a drop cap from its
        w:pStyle, w:outlineLvl, w:numPr and w:framePr (each None when absent, or the numbering
        hidden in the view), the style's where absent (a frame of its own, drop cap or not,
        decides over its style's); and the (bold, size) of its runs with no formatting of their own."""
        pstyle = attr(style_el)
        if pstyle is None:
            pstyle = self.styles.default_para
        outline, num_id, ilvl, fmt, drop_cap = self.styles.paragraph(pstyle)
        if outline_el is not None and (own := to_int(attr(outline_el))) is not None:
            outline = own if 0 <= own <= 8 else None
        if numpr is not None:
            own_num, own_ilvl = to_int(attr(numpr.find(W_NUMID))), to_int(attr(numpr.find(W_ILVL)))
            if own_num is not None:  # its own list: its own level, or none
                num_id, ilvl = own_num, own_ilvl
            elif own_ilvl is not None:  # a level in its style's list
                ilvl = own_ilvl
        if frame is not None:
            drop_cap = is_drop_cap(frame)
        return _Para(self.loc, pstyle, outline, num_id, ilvl, drop_cap=drop_cap), fmt

    def _run_fmt(
        self, rpr: etree._Element | None, pstyle: str | None
    ) -> tuple[tuple[bool, float | None], bool, bool, bool, etree._Element | None]:
        """(bold, size) of a run in the view, whether it is hidden text (w:vanish), whether it is
        printed in capitals (w:caps or w:smallCaps), whether its digits are raised (a w:vertAlign
        superscript of its w:rPr, in either view), and its w:rPrChange if it has one. One pass over
        the w:rPr, and the styles looked up once: this runs for every run."""
        if rpr is None:
            fmt, vanish, caps, small = self.styles.run(pstyle, None)
            return fmt, vanish, caps or small, False, None
        change = vertical = None
        rstyle = bold_el = size_el = vanish_el = caps_el = small_el = None
        for child in rpr:
            tag = child.tag
            if tag == W_B:
                bold_el = child
            elif tag == W_SZ:
                size_el = child
            elif tag == W_RSTYLE:
                rstyle = child.get(W_VAL)
            elif tag == W_VANISH:
                vanish_el = child
            elif tag == W_CAPS:
                caps_el = child
            elif tag == W_SMALLCAPS:
                small_el = child
            elif tag == W_RPRCHANGE:
                change = child
            elif tag == W_VERTALIGN and vertical is None:
                vertical = child
        if change is not None and self.view == "original":
            old = change.find(W_RPR)
            rstyle = attr(old.find(W_RSTYLE)) if old is not None else None
            bold_el = old.find(W_B) if old is not None else None
            size_el = old.find(W_SZ) if old is not None else None
            vanish_el = old.find(W_VANISH) if old is not None else None
            caps_el = old.find(W_CAPS) if old is not None else None
            small_el = old.find(W_SMALLCAPS) if old is not None else None
        fmt, vanish, caps, small = self.styles.run(pstyle, rstyle)
        # Most runs set one or two of these: the styles decide the others.
        if bold_el is not None or size_el is not None:
            direct_size = half_points(size_el) if size_el is not None else None
            fmt = (fmt[0] if bold_el is None else bool(onoff(bold_el)), fmt[1] if direct_size is None else direct_size)
        if vanish_el is not None:
            vanish = bool(onoff(vanish_el))
        if caps_el is not None:
            caps = bool(onoff(caps_el))
        if small_el is not None:
            small = bool(onoff(small_el))
        raised = vertical is not None and vertical.get(W_VAL) == "superscript"
        return fmt, vanish, caps or small, raised, change

    def _inline(self, el: etree._Element | list[etree._Element], hidden: bool, para: _Para,
                fmt: tuple[bool, float | None]) -> None:
        """Walk the inline content of `el` (an element, or its children listed), adding the view's
        text to `para`."""
        for child in el:
            tag = child.tag
            if tag == W_T or tag == W_DELTEXT or tag == M_T:
                text = raw = child.text or ""
                if not raw.isascii():  # else no soft or non-breaking hyphen, no symbol-font glyph
                    text = plain_hyphens(raw)
                    if len(text) != len(raw):
                        self._soft_hyphens(raw, hidden, para)
                    if has_font_pua(text):
                        mapped = run_text(text, self._rpr)
                        if mapped != text and has_font_pua(text.lstrip()[:1]):
                            self._note_symbol(mapped, len(text) - len(text.lstrip()), hidden, para)
                        text = mapped
                if self._raised:
                    text = text.translate(RAISED_DIGITS)
                if self._caps:
                    text = self._print_in_capitals(text, hidden, para)
                self._emit(text, hidden, para, fmt)
            elif tag == W_R or tag == M_R:
                if not len(child):  # an empty run (<w:r/>): nothing to read
                    continue
                run = list(child)  # listed once for its properties and its text (see paragraph)
                rpr = props_child(run, W_RPR)
                run_fmt, vanish, caps, raised, change = self._run_fmt(rpr, para.pstyle)
                self._raised += raised
                self._vanished += vanish
                outer_caps, self._caps = self._caps, caps
                outer_rpr, self._rpr = self._rpr, rpr
                if change is not None:
                    self._begin(self._revision("format", change))
                    self._inline(run, hidden, para, run_fmt)
                    self._end()
                else:
                    self._inline(run, hidden, para, run_fmt)
                self._raised -= raised
                self._vanished -= vanish
                self._rpr = outer_rpr
                self._caps = outer_caps
            elif tag in _SKIP:
                continue
            elif tag == W_TAB or tag == W_PTAB:
                self._emit("\t", hidden, para, fmt)
            elif tag == W_BR or tag == W_CR:
                self._emit("\n", hidden, para, fmt)
            elif tag == W_NBHYPHEN:
                self._emit("-", hidden, para, fmt)
            elif tag == W_SOFTHYPHEN:
                self._soft_hyphens(SOFT_HYPHEN, hidden, para)
            elif tag == W_SYM:
                glyph = sym_text(child)
                self._note_symbol(glyph, 0, hidden, para)
                self._emit(glyph, hidden, para, fmt)
            elif tag == W_FLDCHAR:
                self._field_char(child.get(W_FLDCHARTYPE))
            elif tag in _RUN_CHANGES:
                self._begin(self._run_revision(_RUN_CHANGES[tag], child))
                self._inline(child, hidden or tag in self.hide_runs, para, fmt)
                self._end()
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    self._inline(content, hidden, para, fmt)
            elif tag == MC_ALT:
                branch = mc_branch(child)
                if branch is not None:
                    self._inline(branch, hidden, para, fmt)
            elif tag == W_DRAWING or tag == W_PICT or tag == W_OBJECT:
                for content in _textbox_contents(child):
                    made = self.story(content, hidden, count=False)
                    para.extra.extend(made)
                    if not made:
                        para.box_blanks += max(self.unplaced - 1, 0)
                figure = figure_text(child, self.parts.target_bytes)
                if figure is not None:
                    for _rev, parts in self._collect:
                        parts.append(figure)
                    if not hidden:
                        para.extra.append(Block(type="figure", text=figure, loc=self.loc))
            elif tag == W_FNREF or tag == W_ENREF:
                if not hidden:
                    kind = "footnote" if tag == W_FNREF else "endnote"
                    custom = onoff_attr(child.get(W + "customMarkFollows"))
                    self.note_refs.append((kind, child.get(W + "id", ""), custom))
                    key = child.get(W + "id", "") if kind == "footnote" else f"endnote-{child.get(W + 'id', '')}"
                    para.notes.append((_shown_length(para), key))
            elif tag == W_HYPERLINK:
                self._hyperlink(child, hidden, para, fmt)
            elif tag == W_RUBY:
                base = child.find(W_RUBYBASE)
                if base is not None:
                    self._inline(base, hidden, para, fmt)
            elif tag == W_NUMCHANGE:
                self._revision("numbering", child)
            elif tag in MATH_MARKS:
                start = len(para.pieces)
                self._inline(child, hidden, para, fmt)
                if len(para.pieces) > start:  # only around a part this view shows
                    before, after = math_marks(child)
                    para.pieces.insert(start, (before, fmt[0], fmt[1]))
                    para.pieces.append((after, fmt[0], fmt[1]))
            elif len(child):
                self._inline(child, hidden, para, fmt)

    def _hyperlink(self, el: etree._Element, hidden: bool, para: _Para, fmt: tuple[bool, float | None]) -> None:
        """Read a w:hyperlink's text, and keep where it points (Block.links) when the view shows
        some of it: the URL of its relationship, else "#" and the bookmark it goes to. A note's
        links are read with the body's relationships, but a note keeps only its text."""
        start = _shown_length(para)
        self._inline(el, hidden, para, fmt)
        end = _shown_length(para)
        rid, anchor = el.get(R_ID), el.get(W + "anchor")
        target = self.parts.links.get(rid) if rid else None
        if target is None and anchor:
            target = "#" + anchor
        if end > start and target is not None and not hidden:
            para.links.append((start, end, target))

    def alt_chunk(self, el: etree._Element, hidden: bool, loc: Loc) -> list[Block]:
        """The blocks of a w:altChunk's part, at `loc` (a body chunk shares the index of the block
        after it, which it stands before): HTML or plain text is read (chunks.py); a part of another
        kind, or none, adds a warning instead."""
        rid = el.get(R_ID) or ""
        part = self.parts.targets.get(rid)
        data = self.parts.target_bytes(rid) if part is not None else None
        if part is None or data is None:
            self.warnings.append(f"imported content (w:altChunk {rid!r}) names no part in the package: not read")
            return []
        if is_docx_chunk(part, self.parts.target_type(rid)):
            return self.docx_chunk(part, data, hidden, loc)
        blocks, notes, problems = chunk_blocks(self.path, part, self.parts.target_type(rid), data, loc)
        self.warnings.extend(problems)
        if hidden:
            return []
        self.chunk_notes.extend(notes)
        return blocks

    def docx_chunk(self, part: str, data: bytes, hidden: bool, loc: Loc) -> list[Block]:
        """The blocks of an imported .docx (a w:altChunk part that is a whole Word package, as mail
        merges and document assemblers write), read in this document's view by a reader of its
        own and placed at the chunk, its footnotes with them. The imported package draws on the
        decompressed-size budget of the file that holds it (a file of many imported packages is
        bounded as one of many parts), and one it imports in turn is not read (a warning)."""
        if self.depth > 0:
            self.warnings.append(f"imported content {part} (a .docx inside an imported .docx) is not read: its text is missing")
            return []
        outer = self.parts.package
        where = f"{self.path} ({part})"
        package: Package | None = None
        try:
            package = Package(where, data)
            if outer is not None:
                package.total = outer.total
            parts = package.parts()
            body = parts.document.find(W + "body")
            if body is None:
                raise InputError(where, "word/document.xml has no w:body")
            reader = _Reader(parts, self.view, where, depth=self.depth + 1)
            blocks = reader.story(body, hidden=False, count=True)
            notes = reader.notes() + reader.chunk_notes
        except LimitError as exc:
            raise LimitError(self.path, f"imported content {part}: {exc.problem}") from None
        except InputError as exc:
            self.warnings.append(f"imported content {part} (w:altChunk) is not read: {exc.problem}")
            return []
        finally:
            if outer is not None and package is not None:
                outer.total = max(outer.total, package.total)
        self.warnings.extend(f"imported content {part}: {problem}" for problem in reader.warnings)
        if hidden:
            return []
        self.chunk_notes.extend(placed(note, loc) for note in notes)
        return [placed(block, loc) for block in blocks]

    # -- tables

    def table(self, tbl: etree._Element, hidden: bool) -> Block | None:
        before = len(self.revisions)
        seq = self._paragraphs
        base = self.loc
        nested = self._table_depth > 0
        self._table_depth += 1
        self._changes(tbl.find(W + "tblPr"))
        grid = self._layout(tbl.find(W_TBLGRID), W + "tblGridChange")
        width = (len(grid.findall(W_GRIDCOL)) if grid is not None else 0) or MAX_COLUMNS
        rows: list[list[Cell]] = []
        plain: list[list[Cell]] = []  # each row's cells alone, without the slots they leave
        flow: list[Block] = []  # the shown cells' blocks, in order (Block.flow)
        row_flows: list[list[Block] | None] = []  # a one-cell row's blocks, per row (Block.row_flows)
        shifted = False  # a row opens after gridBefore's empty slots
        merging: set[int] = set()  # the grid columns whose cell in the row above starts or continues a vertical merge
        for r, tr in enumerate(table_children(tbl, W_TR)):
            if not nested:
                self.loc = Loc(base.paragraph, None, None, None, r, None, base.footnote)
            row_children = list(tr)  # listed once for its properties and its cells (see paragraph)
            trpr = props_child(row_children, W_TRPR)
            row_props = list(trpr) if trpr is not None else None  # listed once (see paragraph)
            before_el, after_el = self._grid_marks(row_props, W_TRPRCHANGE, W_GRIDBEFORE, W_GRIDAFTER)
            col = to_int(attr(before_el)) or 0
            shifted = shifted or col > 0
            indented = col > 0
            collecting, removed = self._changes(row_props, _ROW_CHANGES, self.hide_row)
            row_hidden = hidden or removed
            self._changes(props_child(row_children, W_TBLPREX))
            cells: list[Cell] = []
            own: list[Cell] = []  # the row's shown cells, without padding
            merged_row: set[int] = set()  # the grid columns of its cells that start or continue a vertical merge
            row_flow: list[Block] = []
            for tc in table_children(row_children, W_TC):
                slot = col if nested else max(len(cells), min(col, width))
                cell_loc = Loc(base.paragraph, None, None, None, r, slot, base.footnote)  # by position: see Loc.__init__
                if not nested:
                    self.loc = cell_loc
                tcpr = props_child(tc, W_TCPR)
                cell_props = list(tcpr) if tcpr is not None else None  # listed once for both (see paragraph)
                span_el, merge_el = self._grid_marks(cell_props, W_TCPRCHANGE, W_GRIDSPAN, W_VMERGE)
                span, merge = to_int(attr(span_el)) or 1, merge_kind(merge_el)
                cell_collecting, removed = self._changes(cell_props, _CELL_CHANGES, self.hide_cell)
                cell_hidden = row_hidden or removed
                # A continuation of a vertical merge (under a cell that starts or continues one)
                # shows the merged cell, whose text is the first cell's: Word and LibreOffice draw
                # none of its own, so none is read (its paragraphs are walked for their revisions,
                # as a removed cell's are).
                continued = merge == "continue" and col in merging
                blocks = self.story(tc, cell_hidden or continued, count=False)
                for _ in range(cell_collecting):
                    self._end()
                if not cell_hidden:
                    if merge is not None:
                        merged_row.add(col)
                    if not nested:
                        self._within_blocks(slot + 1)
                        _pad(cells, slot, cell_loc)
                    else:
                        self._within_blocks(len(cells) + 1, inner=True)
                    cells.append(_cell(blocks, cell_loc, span, self.unplaced))
                    cells[-1].continued = continued
                    flow.extend(blocks)
                    row_flow.extend(blocks)
                    own.append(cells[-1])
                if not cell_hidden:
                    # a cell the view removes takes no slot: Word's "Delete Cells… shift cells left"
                    # accepted (w:cellDel) and an insertion rejected (w:cellIns) move the cells after
                    # it left, as a column deleted with revision marks (its every cell w:cellDel) is
                    # gone, not an empty column
                    col += span
                if self._collect:
                    self._separate()
            for _ in range(collecting):
                self._end()
            if not row_hidden and own:
                if not nested:
                    after = to_int(attr(after_el)) or 0
                    self._within_blocks(min(col + after, width))
                    _pad(cells, min(col + after, width), Loc(paragraph=base.paragraph, row=r, footnote=base.footnote))
                    self.cells += len(cells)
                else:
                    self.inner += len(cells)
                rows.append(cells)
                plain.append(own)
                merging = merged_row
                row_flows.append(row_flow if len(own) == 1 and not indented else None)
        self._table_depth -= 1
        self.loc = base
        if not rows:
            return None
        if not nested and not shifted and len({len(row) for row in plain if len(row) > 1}) <= 1:
            # Every row of several cells has as many: its cells are its columns in order, whatever
            # grid their borders fall on (Word writes a finer grid when one row's borders were
            # dragged: header spans 2, 1, 2 over body spans 1, 2, 2). Only rows whose counts differ
            # (a cell spanning two columns the others split, a gridBefore row) are laid out on it.
            rows = [[cell if cell.loc.col == k else replace(cell, loc=replace(cell.loc, col=k)) for k, cell in enumerate(row)]
                    for row in plain]
        one_column = not shifted and all(len(row) == 1 for row in plain)  # a box in a box too
        # A row of one cell in a table of several columns (no gridBefore; its span is not looked
        # at: Word spans a joined box's cell over the grid, or leaves a gridAfter where the box
        # was narrower, and a row may hold one w:tc of no span) may be a box joined to the table.
        merged = not one_column and any(row_flow is not None for row_flow in row_flows)
        return Block(
            type="table",
            text=table_text(rows),
            loc=base,
            rows=rows,
            revised=len(self.revisions) > before,
            flow=flow if one_column else None,
            row_flows=row_flows if merged else None,
            seq=seq,
        )

    def _count_made(self, out: list[Block], counted: int, body: bool) -> int:
        """The blocks of a story's `out` not `counted` yet, counted as they are made: the body's
        against Limits.blocks (`_within_blocks`), a cell's, note's or text box's against
        Limits.text_lines (they become lines of the cell or note: a footnote and an endnote of
        680,000 paragraphs each took 1.1 GB); how many are counted now."""
        if len(out) != counted:
            if body:
                self.body_blocks = len(out)
                self._within_blocks(0)
            else:
                self.inner += len(out) - counted
                self._within_blocks(0, inner=True)
        return len(out)

    def _within_blocks(self, row_cells: int, inner: bool = False) -> None:
        """A LimitError when the table cells made so far, `row_cells` more (those of the row being
        read), and the body's blocks pass Limits.blocks, as structure counts them once the
        document is read (structure._check_blocks), but checked as each is made; `inner`: the
        paragraphs and tables' cells within cells, notes and text boxes, which structure does
        not count (they are lines of their cell or note), against Limits.text_lines."""
        if inner:
            if self.inner + row_cells > self.most_lines:
                raise LimitError(self.path, over("text_lines", f"the document holds more than {self.most_lines:,}"
                                                               " paragraphs and cells in its cells, notes and text boxes",
                                                 self.most_lines))
        elif self.cells + self.body_blocks + row_cells > self.most_blocks:
            raise LimitError(self.path, over("blocks", f"the document holds more than {self.most_blocks:,} paragraphs"
                                                       " and table cells", self.most_blocks))

    def _layout(self, props: etree._Element | None, change: str) -> etree._Element | None:
        """The element whose grid layout (gridCol, gridBefore, gridAfter, gridSpan) this view shows:
        in the original view the old tblGrid, trPr or tcPr a `change` (w:tblGridChange, w:trPrChange,
        w:tcPrChange) keeps, as a rejected table has its old grid and spans; else `props`."""
        if props is not None and self.view == "original":
            old = props.find(change)
            if old is not None and len(old):
                return old[0]
        return props

    def _grid_marks(self, props: list[etree._Element] | None, change: str, *tags: str) -> list[etree._Element | None]:
        """The first child of each of `tags` (w:gridBefore, w:gridSpan …) of a w:trPr or w:tcPr
        whose children `props` lists, as the view lays the row or cell out (_layout: in the
        original view, those of the old properties its first `change` keeps). One pass over the
        listed children rather than a search for each: this runs for every row and cell."""
        found: dict[str, etree._Element] = {}
        old = None
        for child in props or ():
            tag = child.tag
            if tag in tags:
                found.setdefault(tag, child)
            elif tag == change and old is None:
                old = child
        if old is not None and self.view == "original" and len(old):
            return [old[0].find(tag) for tag in tags]
        return [found.get(tag) for tag in tags] if found else [None] * len(tags)  # most set none

    def _changes(
        self, props: etree._Element | list[etree._Element] | None, kinds: dict[str, str] | None = None,
        hide: str | None = None,
    ) -> tuple[int, bool]:
        """Record the changes in a properties element (tblPr, trPr, tcPr, sectPr), or in its
        children listed.

        Insert/delete marks named in `kinds` start collecting the text they cover (the
        caller ends that many); returns how many were started and whether the view hides
        the element (it carries the `hide` mark).
        """
        started, hidden = 0, False
        if props is None:
            return started, hidden
        for child in props:
            if kinds and child.tag in kinds:
                self._begin(self._revision(kinds[child.tag], child))
                started += 1
                hidden = hidden or child.tag == hide
            elif child.tag in _FORMAT_CHANGES:
                self._revision(_FORMAT_CHANGES[child.tag], child)
        return started, hidden

    # -- notes

    def notes(self) -> list[Block]:
        """Footnote and endnote blocks for the notes referenced in the view, in reference order."""
        stories = {"footnote": self.parts.footnotes, "endnote": self.parts.endnotes}
        texts: dict[tuple[str, str], str] = {}
        inner: dict[tuple[str, str], tuple[int, ...]] = {}  # each note's blank paragraphs (its Block.blanks)
        for kind, root in stories.items():
            if root is None:
                continue
            for note in root:
                if note.tag != W + kind or note.get(W + "type") not in (None, "normal"):
                    continue
                note_id = note.get(W + "id", "")
                self.loc = Loc(footnote=note_id if kind == "footnote" else f"endnote-{note_id}")
                blocks = self.story(note, hidden=False, count=False)
                texts[(kind, note_id)] = "\n".join(_flat_lines(blocks)).strip()
                inner[(kind, note_id)] = tuple(k for b in blocks for k in (b.blanks or ())) + (
                    blocks[-1].trailing or () if blocks else (0,) * max(self.unplaced - 1, 0))
        out: list[Block] = []
        numbers = {"footnote": 0, "endnote": 0}
        seen: set[tuple[str, str]] = set()
        for kind, note_id, custom in self.note_refs:
            if (kind, note_id) in seen or (kind, note_id) not in texts:
                continue
            seen.add((kind, note_id))
            label = None
            if not custom:
                numbers[kind] += 1
                label = format_number(numbers[kind], "decimal" if kind == "footnote" else "lowerRoman")
            note = Block(
                type="footnote",
                text=texts[(kind, note_id)],
                loc=Loc(footnote=note_id if kind == "footnote" else f"endnote-{note_id}"),
                label=label,
            )
            note.blanks = inner[(kind, note_id)] or None
            out.append(note)
        return out


def _add(out: list[Block], blanks: list[int], made: list[Block]) -> None:
    """Add the blocks `made` to a story's `out`, the blank paragraphs read since the last block
    (`blanks`, then emptied) placed before the first (Block.blanks). A function, not a closure in
    _story: a closure would make the story's lists cell variables, slower to reach in its loop,
    and be made again for every table cell."""
    if made and blanks:
        made[0].blanks = tuple(blanks)
        blanks.clear()
    out.extend(made)


def _shown_length(para: _Para) -> int:
    """How many characters of text `para` holds so far: the offset of what it reads next, at
    which the marks it keeps beside its text (notes, soft hyphens, links) are placed."""
    return sum(len(piece[0]) for piece in para.pieces)


def _starts(parts: list[_Para]) -> list[int]:
    """Where each of `parts`, the physical paragraphs one block joins, starts in the joined text:
    what moves each part's own offsets (_Para.notes, soft, links) to the block's. (The caller
    moves them back by a typed bullet's length, which the block's text leaves out: an offset
    inside it goes to 0.)"""
    starts = [0]
    for part in parts[:-1]:
        starts.append(starts[-1] + _shown_length(part))
    return starts


def _typed_bullet(raw: str, at: int) -> tuple[int, str | None]:
    """A bullet drawn from a symbol font at offset `at` of a paragraph's text `raw`, typed where
    Word's numbering would draw one (Insert Symbol, then a tab): how many characters it takes with
    the white space around it, and its glyph as a label; (0, None) when the glyph at `at` is no
    bullet (text_patterns.is_bullet_glyph), white space does not follow it, or no text does."""
    glyph = raw[at:at + 1]
    rest = raw[at + 1:]
    body = rest.lstrip()
    if raw[:at].strip() or not is_bullet_glyph(glyph) or not body.strip() or len(body) == len(rest):
        return 0, None
    return len(raw) - len(body), glyph


def _cut_pieces(pieces: list[tuple[str, bool, float | None]], lead: int) -> list[tuple[str, bool, float | None]]:
    """`pieces` without their first `lead` characters (a typed bullet read as the label)."""
    out = []
    for text, bold, size in pieces:
        if lead >= len(text):
            lead -= len(text)
            continue
        out.append((text[lead:], bold, size))
        lead = 0
    return out


def _typed(parts: list[_Para], starts: list[int], raw: str) -> str:
    """The text of a paragraph joined from `parts` as typed (Block.typed): `raw`, its pieces
    joined, with the case of text set in capitals and the soft hyphens the reader dropped put back."""
    for start, part in zip(starts, parts):
        for at, typed in part.cased:
            at += start
            if at < 0:  # partly in a typed bullet the text leaves out
                at, typed = 0, typed[-at:]
            raw = raw[:at] + typed + raw[at + len(typed):]
    out: list[str] = []
    at = 0
    for offset in (max(start + soft, 0) for start, part in zip(starts, parts) for soft in part.soft):
        out.extend((raw[at:offset], SOFT_HYPHEN))
        at = offset
    out.append(raw[at:])
    return "".join(out)


def _note_marks(parts: list[_Para], starts: list[int], length: int) -> tuple[tuple[int, str], ...]:
    """The note marks of a paragraph joined from `parts` (Block.notes), each at its offset in the
    joined text of `length` characters (a mark after trailing white space stands at its end)."""
    return tuple((min(max(start + at, 0), length), key) for start, part in zip(starts, parts) for at, key in part.notes)


def _link_spans(parts: list[_Para], starts: list[int], length: int) -> tuple[tuple[int, int, str], ...]:
    """The links of a paragraph joined from `parts` (Block.links): each (start, end, target) at its
    offsets in the joined text of `length` characters; a link of trailing white space alone is none."""
    return tuple((max(start + a, 0), min(start + b, length), target) for start, part in zip(starts, parts)
                 for a, b, target in part.links if start + a < length and start + b > 0)


def _para_marks(ppr: etree._Element | list[etree._Element] | None) -> tuple[
        etree._Element | None, etree._Element | None, etree._Element | None, etree._Element | None]:
    """The first w:pStyle, w:outlineLvl, w:numPr and w:framePr of a w:pPr, or of its children
    listed (each None when absent)."""
    style_el = outline_el = numpr = frame = None
    for child in ppr if ppr is not None else ():
        tag = child.tag
        if tag == W_PSTYLE and style_el is None:
            style_el = child
        elif tag == W_OUTLINE and outline_el is None:
            outline_el = child
        elif tag == W_NUMPR and numpr is None:
            numpr = child
        elif tag == W_FRAMEPR and frame is None:
            frame = child
    return style_el, outline_el, numpr, frame


def _past_drop_cap(parts: list[_Para]) -> list[tuple[str, bool, float | None]]:
    """The pieces of `parts` but a drop cap's, whose large, perhaps plain letters are set apart
    from the weight and size of the paragraph they open."""
    return [piece for part in parts if not part.drop_cap for piece in part.pieces]


def _numpr_key(ppr: etree._Element | None) -> tuple[str | None, str | None]:
    numpr = ppr.find(W_NUMPR) if ppr is not None else None
    if numpr is None:
        return (None, None)
    return (attr(numpr.find(W_NUMID)), attr(numpr.find(W_ILVL)))


def _flat_lines(blocks: list[Block]) -> list[str]:
    """Lines of text for blocks inside a cell or note: numbered labels kept, tables one line per row."""
    lines: list[str] = []
    for block in blocks:
        if block.rows is not None:
            lines.extend(nested_row_line(row) for row in block.rows)
        else:
            lines.append(_line_label(block) + block.text if block.label else block.text)
    return lines


def _line_label(block: Block) -> str:
    """What a paragraph's line in a cell or note (`_flat_lines`) holds before its text: its
    numbering label and a space, or nothing for a bullet or no label; `_cell_links` moves the
    paragraph's links past it."""
    return f"{block.label} " if block.label and not is_bullet_label(block.label) else ""


def _pad(cells: list[Cell], col: int, loc: Loc) -> None:
    """Empty cells into a row up to grid column `col`: the slots gridBefore, a gridSpan cell or
    gridAfter leave, as a browser leaves a colspan's, so that each cell stays
    under its column's header and its index is its `loc.col`. (The caller pads no nested table:
    it is flattened into its cell's lines, where empty slots would only add separators.)"""
    for slot in range(len(cells), col):
        cells.append(Cell("", replace(loc, col=slot)))


def _cell(blocks: list[Block], loc: Loc, span: int = 1, unplaced: int = 0) -> Cell:
    """A cell of `blocks`, covering `span` grid columns (its w:gridSpan); `unplaced` the blank
    paragraphs of a cell of no text."""
    paragraphs = _flat_lines(blocks)
    bold: bool | None = None  # whether every block but a nested table is bold (None: there is none)
    linked = spaced = False  # most cells hold a paragraph or two, no link, no blank paragraph
    for block in blocks:  # one pass for all three: this runs for every cell
        if block.type != "table":
            bold = block.bold and bold is not False
        if block.links or block.rows:
            linked = True
        if block.blanks or block.rows:
            spaced = True
    cell = Cell("\n".join(paragraphs), loc, paragraphs, bold is True, max(span, 1))
    cell.links = _cell_links(blocks) if linked else ()
    cell.blanks = (_cell_blanks(blocks, unplaced) if spaced or not blocks or blocks[-1].trailing
                   else (0,) * (len(blocks) + 1))
    return cell


def _cell_blanks(blocks: list[Block], unplaced: int) -> tuple[int, ...]:
    """How many blank paragraphs a cell of `blocks` holds before each line of
    `_flat_lines(blocks)` and after the last (Cell.blanks); a cell of no text holds one paragraph
    however empty, so only those past it are blank paragraphs. Those in the cells of a nested
    table's row (its Cell.blanks) count after that row's line, which they are no line of."""
    if not blocks:
        return (max(unplaced - 1, 0),)
    layout: list[int] = []
    inner = 0  # the blank paragraphs in the cells of the nested table row last read
    for block in blocks:
        layout.append(len(block.blanks or ()) + inner)
        inner = 0
        for r, row in enumerate(block.rows or ()):
            if r:
                layout.append(inner)
            inner = sum(sum(cell.blanks or ()) for cell in row)
    layout.append(len(blocks[-1].trailing or ()) + inner)
    return tuple(layout)


def _cell_links(blocks: list[Block]) -> tuple[tuple[int, int, int, str], ...]:
    """The links of a cell of `blocks` (Cell.links), each at its line of `_flat_lines(blocks)`: a
    paragraph's after the list label that line puts before its text, a nested table's at its cell
    in its row's line."""
    out: list[tuple[int, int, int, str]] = []
    line = 0
    for block in blocks:
        if block.rows is None:
            shift = len(_line_label(block))
            out.extend((line, shift + start, shift + end, target) for start, end, target in block.links or ())
            line += 1
            continue
        for row in block.rows:
            out.extend((line, at + start, at + end, target)
                       for cell, at in zip(row, cell_starts(row)) for start, end, target in cell_link_spans(cell))
            line += 1
    return tuple(out)


def read_docx(path: str | Path, view: View = "accepted") -> RawDocument:
    """Read the .docx at `path` in `view` ("accepted" or "original") into a RawDocument."""
    if view not in VIEWS:
        raise UsageError(f"unknown view {view!r}: use 'accepted' or 'original'")
    return extract_docx(*file_source(path, "docx", view))


def extract_docx(data: bytes, source: Source) -> RawDocument:
    """The extractor for .docx (see extract.Extractor): `data` read in `source.view`."""
    name = source.path
    parts = Package(name, data).parts()
    body = parts.document.find(W + "body")
    if body is None:
        raise InputError(name, "word/document.xml has no w:body (not a Word document)")
    reader = _Reader(parts, source.view, name)
    blocks = reader.story(body, hidden=False, count=True)
    reader._changes(body.find(W_SECTPR))
    footnotes = reader.notes() + reader.chunk_notes
    for problem in dict.fromkeys(reader.warnings):
        warnings.warn(InputWarning(name, problem), stacklevel=2)
    if reader.warnings:
        source = replace(source, warnings=source.warnings + tuple(dict.fromkeys(reader.warnings)))
    return RawDocument(source=source, blocks=blocks, revisions=reader.revisions, footnotes=footnotes)

"""Merge a story of OLD into the same story of NEW: paragraphs, tables, rows and cells.

A story is a sequence of paragraphs and tables (the body, a table cell, a note). Units paired by
the caller (the diff engine's alignment) are anchors; the gaps between anchors are aligned here
on text (exact first, then similar), so empty paragraphs, text-box anchors and cell paragraphs
the model does not keep are placed too. Each OLD unit left over is copied, marked deleted, in
front of the next NEW unit; each NEW unit left over is marked inserted; a paragraph the engine
paired out of place (moved, unchanged or a little edited) becomes a `w:moveFrom`/`w:moveTo`
pair. Paired paragraphs get word-level marks, paired tables row marks and, per cell, the same
merge again.
"""

from __future__ import annotations

import copy
from typing import Iterator

from lxml import etree

from ...diff.align import WordCoder, align, in_order, similarity
from ...diff.engine import MOVE_MIN_WORDS, MOVE_THRESHOLD as MOVE_SIMILAR, cells_read, regrid
from ...diff.tokens import normalise, words
from ...extract.docx.ooxml import W_TCPR, block_children, table_children, vertical_merge
from ...record import field, record
from .inline import NOTE_REFS, TXBX, Fingerprint, NotePairs, ObjectPairs, diff_paragraph, split_paragraph, tokens
from .marks import (
    M, Marks, Relinker, W, W_P, W_PPR, W_TC, W_TR, deleted_copy, ensure_ppr, mark_paragraph,
    mark_paragraph_mark, mark_row, mark_table, place_in_ppr, runs, to_deleted_run, wrap,
)

W_SDT, W_SDTCONTENT, W_CUSTOMXML = W + "sdt", W + "sdtContent", W + "customXml"
MC_ALT = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
SIMILAR = 0.5
MOVE_CELLS = 40_000
PPR_IGNORED = {W + "rPr", W + "sectPr", W + "pPrChange"}
TCPR_MARKS = {W + "cellIns", W + "cellDel", W + "cellMerge", W + "tcPrChange"}  # revisions, not properties


@record
class Writer:
    """What one redline shares: marks, OLD→NEW re-linking, picture fingerprints, options."""

    marks: Marks
    relink: Relinker
    fingerprints: tuple[Fingerprint, Fingerprint]
    formatting: bool = False
    coder: WordCoder = field(default_factory=WordCoder)
    texts: dict[etree._Element, str] = field(default_factory=dict)
    changed: int = 0
    notes: NotePairs = field(default_factory=dict)

    def text(self, el: etree._Element) -> str:
        """The visible text of a paragraph or table (cached by element: the key keeps it alive,
        so no other element can take its identity)."""
        if el not in self.texts:
            self.texts[el] = unit_text(el)
        return self.texts[el]

    # -- stories

    def merge(self, old: list[etree._Element], new: list[etree._Element], anchors: list[tuple[int, int]],
              container: etree._Element, moved: list[tuple[int, int]] | None = None) -> None:
        """Merge OLD's units into NEW's (in `container`), `anchors` being paired positions and
        `moved` the positions the engine paired out of order (None: a story it does not pair
        unit by unit, see `moves`)."""
        plan = self.plan(old, new, anchors)
        moves = self.moves(old, new, plan, moved)
        groups = self.regrouped(old, new, plan, moves)
        pending: list[etree._Element] = []
        last: etree._Element | None = None
        for i, j in plan:
            if (i, j) in groups.skip:
                continue
            if (i, j) in groups.lead:
                olds, news = groups.lead[(i, j)]
                for el in pending:
                    new[news[0]].addprevious(el)
                pending = []
                self.regroup([old[k] for k in olds], [new[k] for k in news])
                last = new[news[-1]]
                continue
            if j is None:
                assert i is not None
                pending.append(self.deleted(old[i], moves.get(i)))  # a blank paragraph too: Reject All gives OLD
                continue
            for el in pending:
                new[j].addprevious(el)
            pending = []
            if i is None:
                self.inserted(new[j], moves.get(("new", j)))
            elif old[i].tag == W_P:
                self.paragraph(old[i], new[j])
            else:
                self.table(old[i], new[j])
            last = new[j]
        if pending:
            if last is not None:
                for el in reversed(pending):
                    last.addnext(el)
            else:
                sect = container.find(W + "sectPr")
                for el in pending:
                    if sect is not None:
                        sect.addprevious(el)
                    else:
                        container.append(el)
        self.story_end(container)

    def story_end(self, container: etree._Element) -> None:
        """Word keeps the last paragraph mark of a story (the body's, a cell's, a note's, a text
        box's) whatever revision marks it: paragraphs of one revision that end the story would
        stay, blank ones too, after Accept All (deleted) or Reject All (inserted). Their marks
        move one paragraph up: the paragraph before them has its mark marked, the last has
        none, so that Word joins them to that paragraph, their runs marked; where they are all
        inserted (deleted) the last takes that paragraph's properties in the view that joins
        them (a w:pPrChange), as the joined paragraph keeps the last mark's."""
        units = list(block_children(container))
        tail: list[tuple[etree._Element, str]] = []
        for unit in reversed(units):
            tag = _mark_of(unit)
            if tag is None:
                break
            tail.append((unit, tag))
        if not tail or len(tail) == len(units):
            return
        keep = units[len(units) - len(tail) - 1]
        keep_ppr = keep.find(W_PPR)
        if keep.tag != W_P or (keep_ppr is not None and keep_ppr.find(W + "sectPr") is not None):
            return
        tail.reverse()
        for (unit, _), (_, tag) in zip([(keep, ""), *tail[:-1]], tail):
            mark_paragraph_mark(unit, tag, self.marks)
        last, tag = tail[-1]
        rpr = ensure_ppr(last).find(W + "rPr")
        if rpr is not None:
            for mark in rpr.findall(W + tag):
                rpr.remove(mark)
        if {t for _, t in tail} == {"ins"}:  # Reject All joins them: OLD's properties of `keep`
            before = keep_ppr.find(f"{W}pPrChange/{W_PPR}") if keep_ppr is not None else None
            self._joined_properties(last, _properties(before if before is not None else keep_ppr))
        elif {t for _, t in tail} == {"del"}:  # Accept All joins them: NEW's properties of `keep`
            self._joined_properties(last, _properties(last.find(W_PPR)), _properties(keep_ppr))

    def _joined_properties(self, p: etree._Element, old: etree._Element, now: etree._Element | None = None) -> None:
        """Give `p` the properties `now` (its own when None) with `old` as their change's old ones
        (w:pPrChange), its mark's run properties kept."""
        ppr = ensure_ppr(p)
        rpr = ppr.find(W + "rPr")
        if now is not None:
            p.remove(ppr)
            ppr = now
            p.insert(0, ppr)
            if rpr is not None:
                place_in_ppr(ppr, rpr)
        for change in ppr.findall(W + "pPrChange"):
            ppr.remove(change)
        change = self.marks.mark("pPrChange")
        change.append(old)
        place_in_ppr(ppr, change)

    def plan(self, old: list[etree._Element], new: list[etree._Element],
             anchors: list[tuple[int, int]]) -> list[tuple[int | None, int | None]]:
        """The merged order: anchors, and each gap between them aligned on text."""
        chosen = sorted(in_order([(i, j) for i, j in anchors if old[i].tag == new[j].tag]))
        out: list[tuple[int | None, int | None]] = []
        i = j = 0
        for pi, pj in chosen + [(len(old), len(new))]:
            out.extend(self.gap(old, new, i, pi, j, pj))
            if pi < len(old):
                out.append((pi, pj))
            i, j = pi + 1, pj + 1
        return out

    def gap(self, old: list[etree._Element], new: list[etree._Element], i0: int, i1: int, j0: int,
            j1: int) -> list[tuple[int | None, int | None]]:
        """Align OLD[i0:i1] with NEW[j0:j1] on text: equal first, then similar, same kind only."""
        if i0 == i1 or j0 == j1:
            return [(i, None) for i in range(i0, i1)] + [(None, j) for j in range(j0, j1)]
        if i1 - i0 == 1 and j1 - j0 == 1 and old[i0].tag == new[j0].tag == W_P:
            return [(i0, j0)]
        a, b = old[i0:i1], new[j0:j1]
        keys_a = [(el.tag, normalise(self.text(el))) for el in a]
        keys_b = [(el.tag, normalise(self.text(el))) for el in b]
        codes_a = [self.coder.encode(words(self.text(el))) for el in a]
        codes_b = [self.coder.encode(words(self.text(el))) for el in b]

        def score(x: int, y: int) -> float:
            if a[x].tag != b[y].tag:
                return 0.0
            return similarity(codes_a[x], codes_b[y])

        out: list[tuple[int | None, int | None]] = []
        for x, y in align(keys_a, keys_b, score, SIMILAR):
            if x is not None and y is not None and a[x].tag != b[y].tag:
                out.extend([(x + i0, None), (None, y + j0)])
            else:
                out.append((None if x is None else x + i0, None if y is None else y + j0))
        return out

    def moves(self, old: list[etree._Element], new: list[etree._Element],
              plan: list[tuple[int | None, int | None]], moved: list[tuple[int, int]] | None = None) -> dict:
        """Unpaired paragraphs of one side that reappear on the other (same text, or edited but
        still similar, as the diff's move pass pairs them): move names by OLD index and NEW index.

        In the body, `moved` holds the engine's pairs out of order, and only those can be moves:
        the engine decided which sections and blocks moved, and two paragraphs that merely read
        alike (the boilerplate references of a removed output and of an unrelated added one) are
        a deletion and an insertion, as the diff reports them. A story the engine does not pair
        paragraph by paragraph (a cell, a note, a text box: `moved` None) is one paired container,
        and its paragraphs pair here on text.

        A moved and edited paragraph is moved whole (OLD's text moved away, NEW's moved in), as
        Word marks it; marks of the edits inside it would come back at the wrong place on reject.
        """
        least = 1 if moved is not None else MOVE_MIN_WORDS  # the engine's moves: a short heading too
        gone = [i for i, j in plan if j is None and i is not None and old[i].tag == W_P
                and len(words(self.text(old[i]))) >= least]
        came = [j for i, j in plan if i is None and j is not None and new[j].tag == W_P
                and len(words(self.text(new[j]))) >= least]
        out: dict = {}
        if not gone or not came:
            return out
        if moved is not None:
            gone_set, came_set = set(gone), set(came)
            for i, j in sorted(moved):
                if i in gone_set and j in came_set and self.alike(old[i], new[j]):
                    self._move(out, i, j)
            return out
        by_text: dict[str, list[int]] = {}
        for i in gone:
            by_text.setdefault(normalise(self.text(old[i])), []).append(i)
        left: list[int] = []
        for j in came:
            found = by_text.get(normalise(self.text(new[j])))
            if found:
                self._move(out, found.pop(0), j)
            else:
                left.append(j)
        rest = [i for found in by_text.values() for i in found]
        if rest and left and len(rest) * len(left) <= MOVE_CELLS:
            codes = {i: self.coder.encode(words(self.text(old[i]))) for i in rest}
            for j in left:
                code = self.coder.encode(words(self.text(new[j])))
                scored = [(similarity(codes[i], code), i) for i in rest]
                best = max(scored, default=(0.0, -1))
                if best[0] >= MOVE_SIMILAR:
                    rest.remove(best[1])
                    self._move(out, best[1], j)
        return out

    def alike(self, a: etree._Element, b: etree._Element) -> bool:
        """Whether two paragraphs read as one moved (same text, or similar as the diff's move pass
        asks); an engine pair rewritten further is marked deleted and inserted."""
        text_a, text_b = self.text(a), self.text(b)
        if normalise(text_a) == normalise(text_b):
            return True
        return similarity(self.coder.encode(words(text_a)), self.coder.encode(words(text_b))) >= MOVE_SIMILAR

    def _move(self, out: dict, i: int, j: int) -> None:
        name = self.marks.move_name()
        out[i] = name
        out[("new", j)] = name

    def regrouped(self, old: list[etree._Element], new: list[etree._Element],
                  plan: list[tuple[int | None, int | None]], moves: dict) -> "_Groups":
        """Paragraphs split or joined with their words the same: a paired paragraph and the
        unpaired ones right beside it in the plan whose words, joined in order, are those of the
        paragraph on the other side (the diff's "paragraph split in 2"), to be marked as Word
        marks them, by their paragraph marks alone (`regroup`), not as words deleted and inserted."""
        out = _Groups()
        free = {entry for entry in plan if (entry[0] is None) != (entry[1] is None)
                and (entry[0] not in moves if entry[1] is None else ("new", entry[1]) not in moves)}
        for at, (i, j) in enumerate(plan):
            if i is None or j is None or old[i].tag != W_P or new[j].tag != W_P:
                continue
            for one_old in (True, False):
                group = self._group(old, new, plan, at, free, one_old)
                if group is not None:
                    entries, olds, news = group
                    out.lead[entries[0]] = (olds, news)
                    out.skip.update(entries[1:])
                    free.difference_update(entries)
                    break
        return out

    def _group(self, old: list[etree._Element], new: list[etree._Element], plan: list[tuple[int | None, int | None]],
               at: int, free: set, one_old: bool) -> tuple[list[tuple[int | None, int | None]], list[int], list[int]] | None:
        """The plan entries round `plan[at]` that make one paragraph of one side (OLD's when
        `one_old`) split into consecutive paragraphs of the other, the same words; else None."""
        i, j = plan[at]
        assert i is not None and j is not None
        one = words(self.text(old[i] if one_old else new[j]))
        side = 1 if one_old else 0  # the entries of the split side hold only that side's index

        def piece(entry: tuple[int | None, int | None]) -> list[str]:
            k = entry[side]
            assert k is not None
            el = (new if one_old else old)[k]
            return words(self.text(el)) if el.tag == W_P else ["\x00table"]

        start = end = at
        while start > 0 and plan[start - 1] in free and plan[start - 1][1 - side] is None:
            start -= 1
        while end + 1 < len(plan) and plan[end + 1] in free and plan[end + 1][1 - side] is None:
            end += 1
        for lo in range(start, at + 1):
            for hi in range(end, at - 1, -1):
                if lo == hi:
                    continue
                entries = plan[lo:hi + 1]
                if [w for entry in entries for w in piece(entry)] == one and all(piece(e) for e in entries):
                    parts = [entry[side] for entry in entries]
                    ks = [k for k in parts if k is not None]
                    return (entries, [i], ks) if one_old else (entries, ks, [j])
        return None

    def regroup(self, olds: list[etree._Element], news: list[etree._Element]) -> None:
        """Mark a paragraph split (one OLD, several NEW) or paragraphs joined (several OLD, one
        NEW) by their paragraph marks: the one paragraph is cut (OLD's as a copy, NEW's in place)
        where the other side's paragraphs end, each piece diffed with its counterpart, and NEW's
        marks that OLD lacked inserted (OLD's that NEW lacks deleted), as Word Compare does."""
        self.changed += 1
        if len(olds) == 1:
            pieces = split_paragraph(copy.deepcopy(olds[0]), [tokens(p, self.fingerprints[1]) for p in news],
                                     self.fingerprints[0], in_place=False)
            for piece, p in zip(pieces, news):
                self.paragraph(piece, p)
            for p in news[:-1]:
                mark_paragraph_mark(p, "ins", self.marks)
            return
        pieces = split_paragraph(news[0], [tokens(p, self.fingerprints[0]) for p in olds], self.fingerprints[1],
                                 in_place=True)
        for p, piece in zip(olds[:-1], pieces[:-1]):
            self._take_properties(p, piece)
        for p, piece in zip(olds, pieces):
            self.paragraph(p, piece)
        for piece in pieces[:-1]:
            mark_paragraph_mark(piece, "del", self.marks)

    def _take_properties(self, old: etree._Element, piece: etree._Element) -> None:
        """Give a piece cut from a NEW paragraph the properties of the OLD paragraph it stands
        for: its mark is deleted, so Accept All joins it to the next, whose properties the joined
        paragraph keeps, and Reject All gives OLD's paragraph its own."""
        ppr = piece.find(W_PPR)
        if ppr is not None:
            piece.remove(ppr)
        if old.find(W_PPR) is not None:
            piece.insert(0, self._old_properties(old))

    def _old_properties(self, old: etree._Element) -> etree._Element:
        """A copy of OLD paragraph `old`'s w:pPr (empty when it has none) for NEW's file: without
        its run properties, section and change records (PPR_IGNORED), its references re-linked."""
        ppr = _properties(old.find(W_PPR))
        self.relink(ppr)
        return ppr

    # -- units

    def deleted(self, el: etree._Element, move: str | None) -> etree._Element:
        """A marked copy of an OLD unit: deleted, or moved away when `move` names the move."""
        self.changed += 1
        out = deleted_copy(el, self.relink)
        if move is not None:
            self.moved(out, "moveFrom", move)
        elif out.tag == W_P:
            mark_paragraph(out, "del", self.marks)
        else:
            mark_table(out, "del", self.marks)
        return out

    def inserted(self, el: etree._Element, move: str | None) -> None:
        """Mark a NEW unit inserted, or moved here when `move` names the move."""
        self.changed += 1
        for ref in el.iter(*NOTE_REFS):
            self.notes.setdefault((NOTE_REFS[ref.tag], ref.get(W + "id", "")), None)
        if move is not None:
            self.moved(el, "moveTo", move)
        elif el.tag == W_P:
            mark_paragraph(el, "ins", self.marks)
        else:
            mark_table(el, "ins", self.marks)

    def moved(self, p: etree._Element, tag: str, name: str) -> None:
        """Wrap a paragraph's runs in one move mark between range marks named `name`."""
        items = runs(p)
        if tag == "moveFrom":
            for run in items:
                to_deleted_run(run)
        start = self.marks.mark(tag + "RangeStart")
        start.set(W + "name", name)
        end = etree.Element(W + tag + "RangeEnd")
        end.set(W + "id", start.get(W + "id"))
        ensure_ppr(p).addnext(start)
        for run in items:
            wrap(run, self.marks.mark(tag))
        p.append(end)
        mark_paragraph_mark(p, tag, self.marks)

    def paragraph(self, old: etree._Element, new: etree._Element) -> None:
        """Word-level marks in a paired paragraph; its properties' change with --all."""
        boxes: ObjectPairs = []
        if diff_paragraph(old, new, self.marks, self.relink, self.fingerprints, self.formatting, self.notes, boxes):
            self.changed += 1
        for old_box, new_box in boxes:
            self.text_boxes(old_box, new_box)
        if self.formatting:
            before, after = _ppr_key(old), _ppr_key(new)
            if before != after:
                self.changed += 1
                change = self.marks.mark("pPrChange")
                change.append(self._old_properties(old))
                place_in_ppr(ensure_ppr(new), change)

    def text_boxes(self, old: etree._Element, new: etree._Element) -> None:
        """Merge the text boxes of a kept drawing (each branch of an alternate-content pair)."""
        olds, news = _outer_boxes(old), _outer_boxes(new)
        if len(olds) == len(news):
            for a, b in zip(olds, news):
                self.merge(list(block_children(a)), list(block_children(b)), [], b)
        elif len(olds) == 1:
            for b in news:
                self.merge(list(block_children(copy.deepcopy(olds[0]))), list(block_children(b)), [], b)

    def table(self, old: etree._Element, new: etree._Element) -> None:
        """Rows of two paired tables aligned on their cell texts; paired rows merged cell by cell."""
        old_rows, new_rows = list(rows(old)), list(rows(new))
        cells_a = [[normalise(unit_text(tc)) for tc in cells(tr)] for tr in old_rows]
        cells_b = [[normalise(unit_text(tc)) for tc in cells(tr)] for tr in new_rows]
        codes_a = [self.coder.encode(words(" ".join(c))) for c in cells_a]
        codes_b = [self.coder.encode(words(" ".join(c))) for c in cells_b]
        plan = align([tuple(c) for c in cells_a], [tuple(c) for c in cells_b],
                     lambda x, y: similarity(codes_a[x], codes_b[y]), SIMILAR)
        pending: list[etree._Element] = []
        last: etree._Element | None = None
        columns = len(new.findall(f"{W}tblGrid/{W}gridCol"))
        gained = False  # a new column's cells marked inserted: the grid's change goes with them
        for i, j in plan:
            # the old cells each new cell of a paired row reads: its own column's, or in a row of a
            # table that gained a column as the diff pairs them (the new column's read none, so its
            # words are marked inserted); None where the rows are not merged. A row that lost a
            # column is deleted and inserted whole: no run mark can take a cell away, and Reject
            # All must give OLD's cells back.
            reads: list[list[int]] | None = None
            if i is not None and j is not None:
                if len(cells_a[i]) == len(cells_b[j]):
                    reads = [[k] for k in range(len(cells_b[j]))]
                elif (pairs := regrid(cells_a[i], cells_b[j], self.coder)) is not None and not any(g for _, g in pairs):
                    reads = cells_read(pairs)
            if i is not None and reads is None:
                pending.append(_fit_grid(self.deleted_row(old_rows[i]), columns))
                if j is None:
                    continue
            assert j is not None
            for tr in pending:
                new_rows[j].addprevious(tr)
            pending = []
            last = new_rows[j]
            if i is None or reads is None:
                self.changed += 1
                mark_row(new_rows[j], "ins", self.marks)
                continue
            old_cells = cells(old_rows[i])
            for tc_new, read in zip(cells(new_rows[j]), reads):
                if len(read) == 1:
                    _mark_merge_change(tc_new, old_cells[read[0]], self.marks)
                elif not read:
                    self.changed += 1
                    _mark_cell_inserted(tc_new, self.marks)
                    gained = True
                olds = [child for m in read for child in block_children(old_cells[m])]
                self.merge(olds, list(block_children(tc_new)), [], tc_new)
        if gained:
            _mark_grid_change(old, new, self.marks)
        if pending:
            anchor = last if last is not None else new.find(W + "tblGrid")
            for tr in reversed(pending):
                if anchor is not None:
                    anchor.addnext(tr)
                else:
                    new.append(tr)

    def deleted_row(self, tr: etree._Element) -> etree._Element:
        """A marked copy of an OLD table row."""
        self.changed += 1
        out = deleted_copy(tr, self.relink)
        mark_row(out, "del", self.marks)
        return out


def _mark_of(unit: etree._Element) -> str | None:
    """"ins" or "del" when `unit` is a paragraph whose mark is inserted or deleted, else None."""
    if unit.tag != W_P:
        return None
    rpr = unit.find(f"{W_PPR}/{W}rPr")
    for child in rpr if rpr is not None else ():
        if child.tag in (W + "ins", W + "del"):
            return etree.QName(child).localname
    return None


def _properties(source: etree._Element | None) -> etree._Element:
    """A copy of paragraph properties `source` (empty when None) without the mark's run
    properties, the section or a change record (PPR_IGNORED)."""
    ppr = copy.deepcopy(source) if source is not None else etree.Element(W_PPR)
    for child in list(ppr):
        if child.tag in PPR_IGNORED:
            ppr.remove(child)
    return ppr


def _outer_boxes(el: etree._Element) -> list[etree._Element]:
    """The outermost `w:txbxContent` under a drawing."""
    return [box for box in el.iter(TXBX) if not any(a.tag == TXBX for a in box.iterancestors() if a is not el)]


def _mark_merge_change(tc_new: etree._Element, tc_old: etree._Element, marks: Marks) -> None:
    """Where NEW's cell starts or continues a vertical merge OLD's did not (or the other way), a
    w:tcPrChange holding OLD's cell properties: a continuation shows none of its own text, so
    without it Reject All would keep the cells merged and hide the old text marked deleted there."""
    old_props = tc_old.find(W_TCPR)
    new_props = tc_new.find(W_TCPR)
    if vertical_merge(new_props) == vertical_merge(old_props):
        return
    if new_props is None:
        new_props = etree.Element(W_TCPR)
        tc_new.insert(0, new_props)
    kept = etree.Element(W_TCPR)
    for child in old_props if old_props is not None else ():
        if child.tag not in TCPR_MARKS:
            kept.append(copy.deepcopy(child))
    change = marks.mark("tcPrChange")
    change.append(kept)
    for old_change in new_props.findall(W + "tcPrChange"):
        new_props.remove(old_change)
    new_props.append(change)  # the last child of a w:tcPr


def _mark_cell_inserted(tc: etree._Element, marks: Marks) -> None:
    """Mark a cell of a column NEW gained inserted (`w:cellIns`, before any `w:tcPrChange`, as
    CT_TcPr orders them): Reject All takes the cell away, where its words' marks alone would
    leave an empty column."""
    props = tc.find(W_TCPR)
    if props is None:
        props = etree.Element(W_TCPR)
        tc.insert(0, props)
    mark = marks.mark("cellIns")
    change = props.find(W + "tcPrChange")
    if change is not None:
        change.addprevious(mark)
    else:
        props.append(mark)


def _mark_grid_change(old: etree._Element, new: etree._Element, marks: Marks) -> None:
    """Keep OLD's column grid in NEW's as a `w:tblGridChange`, so that Reject All of a table that
    gained a column gives back the old columns' widths with the old cells."""
    grid_old, grid_new = old.find(W + "tblGrid"), new.find(W + "tblGrid")
    if grid_old is None or grid_new is None or grid_new.find(W + "tblGridChange") is not None:
        return
    kept = etree.Element(W + "tblGrid")
    for col in grid_old.findall(W + "gridCol"):
        kept.append(copy.deepcopy(col))
    change = etree.SubElement(grid_new, W + "tblGridChange")
    change.set(W + "id", marks.mark("tblGridChange").get(W + "id"))
    change.append(kept)


def _fit_grid(tr: etree._Element, columns: int) -> etree._Element:
    """Narrow the spans of an OLD row copied into NEW's table so it fits NEW's grid, as far as it can."""
    spans = [tc.find(f"{W}tcPr/{W}gridSpan") for tc in cells(tr)]
    width = sum(int(s.get(W + "val", "1")) if s is not None and s.get(W + "val", "1").isdigit() else 1 for s in spans)
    for span in reversed(spans):
        if columns <= 0 or width <= columns:
            break
        if span is not None and span.get(W + "val", "1").isdigit():
            width -= int(span.get(W + "val", "1")) - 1
            span.getparent().remove(span)
    return tr


def _ppr_key(p: etree._Element) -> bytes:
    """A paragraph's own properties (not its mark's run properties) as bytes."""
    ppr = p.find(W_PPR)
    if ppr is None:
        return b""
    kept = etree.Element(W_PPR)
    for child in ppr:
        if child.tag not in PPR_IGNORED:
            kept.append(copy.deepcopy(child))
    return etree.tostring(kept, method="c14n")


def rows(tbl: etree._Element) -> Iterator[etree._Element]:
    """The w:tr of a table, unwrapping content controls and custom XML."""
    yield from table_children(tbl, W_TR)


def cells(tr: etree._Element) -> list[etree._Element]:
    """The w:tc of a row, unwrapping content controls and custom XML."""
    return list(table_children(tr, W_TC))


@record
class _Groups:
    """Paragraphs split or joined (`Writer.regrouped`): the first plan entry of each group, with
    its OLD and NEW positions, and the group's other entries, which the merge steps over."""

    lead: dict[tuple[int | None, int | None], tuple[list[int], list[int]]] = field(default_factory=dict)
    skip: set[tuple[int | None, int | None]] = field(default_factory=set)


def unit_text(el: etree._Element) -> str:
    """The text of a paragraph, cell or table: w:t and equation text, cells and rows separated."""
    parts: list[str] = []
    for node in el.iter(W + "t", M + "t", W + "tab", W_P):
        if node.tag == W_P:
            if parts:
                parts.append("\n")
        elif node.tag == W + "tab":
            parts.append("\t")
        else:
            parts.append(node.text or "")
    return "".join(parts)

"""`diff_documents`: the amendments between two revisions of a document, in reading order.

Sections are paired first (`tree.align_sections`); inside each pair, blocks are aligned in levels
(`align.align`: unique anchors, exact fill, similar pairs), tables row by row and cell by cell;
blocks left over anywhere are offered to one move pass, and then to the split/join pass
(`splits`). The two documents are then merged into one reading order (`Step`s) and walked once
to emit `Change`s, so changes come out in document order, removals before the insertions that
replaced them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Callable

from rapidfuzz import fuzz

from ..model import Block, Cell, Document, Loc, Section, cell_location, kind_label
from ..record import field, record
from ..regexcache import regex
from ..text_patterns import TYPED_CLAUSE_NUMBER, unspaced
from .align import Budget, Pair, WordCoder, align, in_order, pair_moves, similarity
from .changes import Change, DiffResult, Item, RowStep, Step
from .columns import name_columns
from .dissolve import Dropped, dissolve_headings
from .formats import Restyle, blank_place, recased, restyled, restyles, said, throughout, typed_text
from .links import LinkChanges, cell_links, changed_links, link_changes, row_links
from .marks import NoteMarks, group_note_marks, note_marks
from .labels import (
    block_place, block_text, cell_place, cell_texts, column_title, heading_text, note_name, note_names, place, section_label,
)
from .ignore import DEFAULT_IGNORE, TYPOGRAPHIC, differences
from .tokens import normalise, words
from .splits import MIN_SIMILARITY, Group, find_regroups, find_splits
from .tree import SectionPairs, align_sections
from .words import Op, changed, word_diff

# Canonical reference ids in a text: the stand-in reader of a change's references, text by text.
Refs = Callable[[str], set[str]]
# Where a text of a document is: the id of the section `trace refs` read it in, its location (a
# block's, a table cell's, or the section's own for its heading's title) and the text itself.
Place = tuple[str, Loc, str]
LocKey = tuple[tuple[str, object], ...]
# The references of a document by place (section id, location key), as `trace refs` finds them,
# each text under its section's and column's context (diff/api.reference_locator): each its id,
# the word tokens (diff/tokens.words) of the text it was read from, which tell apart texts at one
# location (a cell's paragraphs, a text box in its anchor's paragraph), its revision, and the key
# it is compared by across the two revisions: its id, but for an id scoped by the edition its
# document settles where the other revision settles another (see api.reference_locator).
RefIndex = Mapping[tuple[str | None, LocKey], list[tuple[str, tuple[str, ...], str | None, str]]]
# Both revisions' indexes at once: what a reference is compared by depends on both.
Locate = Callable[[Document, Document], tuple[RefIndex, RefIndex]]


def loc_key(loc: Loc) -> LocKey:
    """A location as a key: its fields that are set."""
    return tuple(sorted((k, v) for k, v in loc.__dict__.items() if v is not None))


BLOCK_THRESHOLD = 0.5
ROW_THRESHOLD = 0.5
MOVE_THRESHOLD = 0.7
MOVE_MIN_WORDS = 4
FORMATTING = frozenset({"formatting"})
NUMBERING = frozenset({"numbering"})
LAST_NUMBER = regex(r"\d+$")  # the last part of a section number ("3" of "2.3")
DIGITS = regex(r"\d+")  # the numbers of a heading's label ("1", "2" of "1.2.")
CLAUSE_NUMBER = regex(r"\d+(?:\.\d+)+")  # a clause number of several levels in a heading's label ("3.1.1")
LABEL_SEPARATOR = regex(r"^\s*[–—:-]?\s*")  # what parts a heading's number from its title
NOTES = "footnotes"  # the kind of the section holding a document's notes: no heading, each note a block


@record
class _Origins:
    """Which section of the document as read (before diff/dissolve.py) each block was in, and
    each section by its heading's location (a dissolved heading's paragraph has it)."""

    blocks: dict[int, str]
    headings: dict[LocKey, str]


def _origins(doc: Document) -> _Origins:
    return _Origins({id(b): s.id for s in doc.sections for b in s.blocks}, {loc_key(s.loc): s.id for s in doc.sections})


def _block_key(block: Block) -> tuple[str, str, str]:
    """What makes two blocks the same: table or text, column, and formatting-blind text (no label)."""
    kind = "table" if block.type == "table" else "text"
    return (kind, _column(block), normalise(block.text))


def _column(block: Block) -> str:
    """The column a block is a cell of, known by its header without white space: a narrow PDF
    column wraps "Objective 6" inside the word ("Obje ctiv e 6"), and it is the same column."""
    return unspaced(block.field) if block.field else ""


@record
class _Context:
    """What one diff run shares: both documents, caches of keys, codes, paths and refs."""
    old: Document
    new: Document
    refs: Refs | None
    coder: WordCoder = field(default_factory=WordCoder)
    budget: Budget = field(default_factory=Budget)
    codes: dict[int, str] = field(default_factory=dict)
    keys: dict[int, tuple[str, str, str]] = field(default_factory=dict)
    row_sets: dict[int, Counter[tuple[str, ...]]] = field(default_factory=dict)
    ref_cache: dict[str, set[str]] = field(default_factory=dict)
    located: tuple[RefIndex, RefIndex] | None = None
    origins: tuple[_Origins, _Origins] | None = None
    old_ids: Mapping[str, Section] = field(default_factory=dict)
    new_ids: Mapping[str, Section] = field(default_factory=dict)
    paths: dict[tuple[bool, str], list[str]] = field(default_factory=dict)
    places: dict[tuple[bool, str], int] = field(default_factory=dict)  # see place
    notes: dict[bool, dict[str, str]] = field(default_factory=dict)  # see note_place
    dissolved: frozenset[int] = frozenset()  # ids of the paragraph blocks dissolved headings became
    dropped: Dropped = field(default_factory=dict)  # heading blocks of headings deleted or inserted over kept text
    loose: bool = False  # a revision is a PDF (DiffResult.loose)
    marks: bool = False  # both revisions are .docx files, whose readers place note marks and links (Block.notes, Block.links)

    def __post_init__(self) -> None:
        self.old_ids = self.old.by_id
        self.new_ids = self.new.by_id
        self.loose = "pdf" in (self.old.source.format, self.new.source.format)
        self.marks = self.old.source.format == self.new.source.format == "docx"

    def note_place(self, loc: Loc, old_side: bool) -> str | None:
        """labels.place of `loc` in one revision, its notes named by their numbers."""
        if old_side not in self.notes:
            self.notes[old_side] = note_names(self.old if old_side else self.new)
        return place(loc, self.notes[old_side])

    def path(self, section: Section, old_side: bool) -> list[str]:
        """Labels of the sections from the top level down to `section`, cached."""
        key = (old_side, section.id)
        if key not in self.paths:
            ids = self.old_ids if old_side else self.new_ids
            parent = ids.get(section.parent) if section.parent else None
            above = self.path(parent, old_side) if parent is not None and parent is not section else []
            self.paths[key] = above + [section_label(section)]
        return self.paths[key]

    def place(self, section: Section, old_side: bool) -> int:
        """The section's place among its parent's numbered sections of its kind (0 for the first)."""
        if not self.places:
            for side, doc in ((True, self.old), (False, self.new)):
                counts: dict[tuple[str | None, str], int] = {}
                for s in doc.sections:
                    if s.number:
                        at = counts[s.parent, s.kind] = counts.get((s.parent, s.kind), -1) + 1
                        self.places[side, s.id] = at
        return self.places.get((old_side, section.id), -1)

    def key(self, block: Block) -> tuple[str, str, str]:
        """The block's alignment key, cached."""
        k = id(block)
        if k not in self.keys:
            # a heading deleted over kept text has no paragraph to pair with: a key no block has
            self.keys[k] = ("heading", "", block.text) if k in self.dropped else _block_key(block)
        return self.keys[k]

    def code(self, block: Block) -> str:
        """The block's words encoded, cached."""
        key = id(block)
        if key not in self.codes:
            self.codes[key] = self.coder.encode(words(block.text))
        return self.codes[key]

    def row_set(self, table: Block) -> Counter[tuple[str, ...]]:
        """A table's rows as _row_key gives them, counted, cached: block alignment asks for a
        table's rows once per table it is scored against."""
        key = id(table)
        if key not in self.row_sets:
            self.row_sets[key] = Counter(_row_key(row) for row in cell_texts(table))
        return self.row_sets[key]

    def found_refs(self, text: str | None) -> set[str]:
        """Canonical reference ids in `text` by the stand-in reader, cached (empty without one)."""
        if not text or self.refs is None:
            return set()
        if text not in self.ref_cache:
            self.ref_cache[text] = set(self.refs(text))
        return self.ref_cache[text]

    def refs_at(self, old_side: bool, places: list[Place]) -> dict[str, tuple[str, dict[str, None]]]:
        """The references `located` found at `places` of one revision, each in its place's text, by
        the key they are compared by: the id as this revision reads it, and the revisions it is
        cited in, in text order ("Kigali, 2022"; none for an id cited without one)."""
        assert self.located is not None
        index = self.located[0 if old_side else 1]
        found: dict[str, tuple[str, dict[str, None]]] = {}
        for section_id, loc, text in places:
            read = index.get((section_id, loc_key(loc)))
            if read:
                tokens = words(text)
                for ref_id, matched, rev, key in read:
                    if _read_in(matched, tokens):
                        revs = found.setdefault(key, (ref_id, {}))[1]
                        if rev is not None:
                            revs[rev] = None
        return found

    def source_section(self, old_side: bool, section: Section, block: Block) -> str:
        """The id of the section a block was read in: its own, or for a block diff/dissolve.py
        moved (a dissolved heading's paragraphs, the heading itself), the dissolved section's."""
        if self.origins is None:
            return section.id
        origins = self.origins[0 if old_side else 1]
        found = origins.blocks.get(id(block))
        if found is None and id(block) in self.dissolved:
            found = origins.headings.get(loc_key(block.loc))
        return found or section.id

    def block_places(self, old_side: bool, section: Section, block: Block) -> list[Place]:
        """The places of a block's texts: the block's own, and for a table each cell's."""
        sid = self.source_section(old_side, section, block)
        places = [(sid, block.loc, block.text)]
        for r, row in enumerate(block.rows or ()):
            places.extend((sid, cell_location(block, cell.loc, r, c), cell.text) for c, cell in enumerate(row))
        return places

    def pair_places(self, a: Section, x: Block, b: Section, y: Block) -> tuple[list[Place], list[Place]]:
        """The places of a paired block's texts in each revision."""
        return self.block_places(True, a, x), self.block_places(False, b, y)

    def section_places(self, old_side: bool, section: Section) -> list[Place]:
        """The places of a section's own texts: its heading's title, then its blocks'."""
        return [(section.id, section.loc, section.title),
                *(p for block in section.blocks for p in self.block_places(old_side, section, block))]

    def row_places(self, old_side: bool, section: Section, table: Block, row: int) -> list[Place]:
        """The places of one table row's cells."""
        sid = self.source_section(old_side, section, table)
        return [(sid, cell_location(table, cell.loc, row, c), cell.text) for c, cell in enumerate((table.rows or [])[row])]

    def cell_places(self, old_side: bool, section: Section, table: Block, row: int, col: int) -> list[Place]:
        """The place of one table cell."""
        cell = (table.rows or [])[row][col]
        return [(self.source_section(old_side, section, table), cell_location(table, cell.loc, row, col), cell.text)]


@record
class _BlockPairs:
    """Paired blocks as (old section id, index) → (new section id, index), and which moved."""

    old_to_new: dict[tuple[str, int], tuple[str, int]] = field(default_factory=dict)
    new_to_old: dict[tuple[str, int], tuple[str, int]] = field(default_factory=dict)
    moved: set[tuple[str, int]] = field(default_factory=set)
    joined: dict[tuple[str, int], tuple[list[int], list[int]]] = field(default_factory=dict)
    absorbed_old: set[tuple[str, int]] = field(default_factory=set)
    absorbed_new: set[tuple[str, int]] = field(default_factory=set)

    def add(self, a: tuple[str, int], b: tuple[str, int]) -> None:
        self.old_to_new[a] = b
        self.new_to_old[b] = a


def _one_word_score(a: str, b: str) -> float:
    """The score of two one-word paragraphs of a cell's column: the threshold when both are
    numbers or both are words ("2020" made "2030"), a little more the closer their characters, so
    that of two candidates the like one is paired ("2020" made "2021" beside "TBD" deleted, not
    "TBD" made "2021"); 0 for a number and a word, which are removed and added."""
    if any(ch.isdigit() for ch in a) != any(ch.isdigit() for ch in b):
        return 0.0
    return BLOCK_THRESHOLD + 0.01 * fuzz.ratio(a, b) / 100


def _align_blocks(ctx: _Context, a: Section, b: Section, out: _BlockPairs) -> list[Pair]:
    """Pair the blocks of two paired sections; returns the merged alignment."""
    sole = _sole_cells(a) & _sole_cells(b)

    def score(i: int, j: int) -> float:
        """Word similarity of two blocks of the same kind and column; the one cell of a column in
        both rows is that cell, however little of it is kept (a date "2016-2019" made "2016-2021"),
        and so is a paragraph of one word in a cell of several made another word ("2020" made
        "2030"): a one-word edit, which word similarity scores 0; and so is a note of the same
        number (_same_note), however much of it is new (a short note that gains a paragraph)."""
        x, y = a.blocks[i], b.blocks[j]
        if (x.type == "table") != (y.type == "table") or _column(x) != _column(y) or id(x) in ctx.dropped or id(y) in ctx.dropped:
            return 0.0
        if x.type == "figure" or y.type == "figure":
            return 0.0  # a picture is the same picture or another one (removed + added), as in Word
        code_x, code_y = ctx.code(x), ctx.code(y)
        s = similarity(code_x, code_y)
        if _same_note(x, y):
            return max(s, BLOCK_THRESHOLD)
        if x.type == "table" and s < BLOCK_THRESHOLD:
            s = max(s, _rows_in_common(ctx.row_set(x), ctx.row_set(y)))  # the same rows re-sorted: one table, rows moved
        if _column(x) in sole:
            return max(s, BLOCK_THRESHOLD)
        if _column(x) and len(code_x) == len(code_y) == 1:
            return max(s, _one_word_score(x.text, y.text))
        return s

    merged = align([ctx.key(x) for x in a.blocks], [ctx.key(y) for y in b.blocks], score, BLOCK_THRESHOLD, ctx.budget)
    for i, j in merged:
        if i is not None and j is not None:
            out.add((a.id, i), (b.id, j))
    return merged


def _same_note(x: Block, y: Block) -> bool:
    """Whether two blocks are the note of one number (labels.note_name: "footnote 2"), which pair
    whatever their words where nothing likelier does, as a note keeps its number when edited."""
    name = note_name(x)
    return name is not None and x.label is not None and name == note_name(y)


def _rows_in_common(rows_x: Counter[tuple[str, ...]], rows_y: Counter[tuple[str, ...]]) -> float:
    """The share of two tables' rows (_Context.row_set) that are the same row, in any order: a
    table re-sorted keeps its rows, which word order in reading order does not show."""
    total = sum(rows_x.values()) + sum(rows_y.values())
    return 2 * sum((rows_x & rows_y).values()) / total if total else 0.0


def _sole_cells(section: Section) -> set[str]:
    """The columns of a table-row section read as one block each (a cell of one paragraph)."""
    counts = Counter(_column(block) for block in section.blocks if block.field)
    return {column for column, n in counts.items() if n == 1}


def _join_splits(ctx: _Context, a: Section, b: Section, merged: list[Pair], out: _BlockPairs,
                 least: float = MIN_SIMILARITY) -> None:
    """Record paragraphs split or joined between two paired sections whose joined words reach
    `least`: before the move pass only those whose words are the same (1.0, the paragraph breaks
    alone differ, as where two PDF layouts end a cell's paragraphs at other lines), so that no
    piece of them is taken for a move to another section; after it, the rest."""
    keys_a = [ctx.key(x) for x in a.blocks]
    keys_b = [ctx.key(y) for y in b.blocks]
    if all(i is not None and j is not None and keys_a[i] == keys_b[j] for i, j in merged):
        return
    grouped = out.absorbed_old | out.joined.keys()
    skip_old = {i for i in range(len(a.blocks)) if (a.id, i) in out.moved or (a.id, i) in grouped}
    skip_new = {j for j in range(len(b.blocks))
                if (partner := out.new_to_old.get((b.id, j))) in out.moved or partner in out.joined
                or (b.id, j) in out.absorbed_new}
    groups = find_splits(
        [ctx.code(x) for x in a.blocks], [ctx.code(y) for y in b.blocks], merged,
        [k[1] for k in keys_a], [k[1] for k in keys_b], skip_old, skip_new, least,
    )
    _record_groups(a, b, groups, out)


def _regroup_blocks(ctx: _Context, a: Section, b: Section, merged: list[Pair], out: _BlockPairs) -> None:
    """Record paragraphs of the same words broken at other places between two paired sections
    (`splits.find_regroups`: "A B" + "C" made "A" + "B C"), before the move pass, where a revision
    is a PDF, whose page and line breaks end a cell's paragraphs elsewhere; between typed
    revisions a sentence moved to the next indicator or bullet is an edit. The pairs the
    alignment made among their blocks give way to the group."""
    if not ctx.loose:
        return
    codes_a = [ctx.code(x) for x in a.blocks]
    codes_b = [ctx.code(y) for y in b.blocks]
    if all(i is not None and j is not None and codes_a[i] == codes_b[j] for i, j in merged):
        return
    groups = find_regroups(codes_a, codes_b, merged, [ctx.key(x)[1] for x in a.blocks], [ctx.key(y)[1] for y in b.blocks])
    for olds, news, _, _ in groups:
        for i in olds:
            if (j_pair := out.old_to_new.pop((a.id, i), None)) is not None:
                out.new_to_old.pop(j_pair, None)
        for j in news:
            if (i_pair := out.new_to_old.pop((b.id, j), None)) is not None:
                out.old_to_new.pop(i_pair, None)
    _record_groups(a, b, groups, out)


def _record_groups(a: Section, b: Section, groups: list[Group], out: _BlockPairs) -> None:
    """Each group of blocks split, joined or regrouped: its lead pair paired, the rest absorbed."""
    for olds, news, lead_old, lead_new in groups:
        out.add((a.id, lead_old), (b.id, lead_new))
        out.joined[(a.id, lead_old)] = (olds, news)
        out.absorbed_old.update((a.id, i) for i in olds if i != lead_old)
        out.absorbed_new.update((b.id, j) for j in news if j != lead_new)


def _move_blocks(ctx: _Context, sections: SectionPairs, pairs: _BlockPairs) -> None:
    """Pair blocks left unpaired in paired sections, across the whole document."""
    olds: list[tuple[str, int]] = []
    news: list[tuple[str, int]] = []
    for a_id, b_id in sections.old_to_new.items():
        a, b = ctx.old_ids[a_id], ctx.new_ids[b_id]
        olds.extend((a_id, i) for i in range(len(a.blocks)) if (a_id, i) not in pairs.old_to_new
                    and (a_id, i) not in pairs.absorbed_old and id(a.blocks[i]) not in ctx.dropped)
        news.extend((b_id, j) for j in range(len(b.blocks)) if (b_id, j) not in pairs.new_to_old
                    and (b_id, j) not in pairs.absorbed_new and id(b.blocks[j]) not in ctx.dropped)
    if not olds or not news:
        return
    old_blocks = [ctx.old_ids[s].blocks[i] for s, i in olds]
    new_blocks = [ctx.new_ids[s].blocks[j] for s, j in news]
    found = pair_moves(
        [(ctx.key(x), ctx.code(x)) for x in old_blocks],
        [(ctx.key(y), ctx.code(y)) for y in new_blocks],
        MOVE_THRESHOLD,
        MOVE_MIN_WORDS,
    )
    for i, j in found:
        pairs.add(olds[i], news[j])
        pairs.moved.add(olds[i])
    _settle_moves(sections, pairs)


def _pair_in_place(ctx: _Context, a: Section, b: Section, out: _BlockPairs) -> None:
    """Pair a block removed and one added in the same place, one for the other between the same
    two paired blocks (or a section's edge) and sharing a word, of the same kind and column,
    where neither pairs elsewhere: that block reworded ("Target on track for achievement by 2023"
    made "Target achieved", a target's status changed), as Word Compare marks it in its
    paragraph, not a paragraph removed and another added. Run after the move pass."""
    def free_old(i: int) -> bool:
        return (a.id, i) not in out.old_to_new and (a.id, i) not in out.absorbed_old and id(a.blocks[i]) not in ctx.dropped

    def free_new(j: int) -> bool:
        return (b.id, j) not in out.new_to_old and (b.id, j) not in out.absorbed_new and id(b.blocks[j]) not in ctx.dropped

    def kept(i: int, j: int) -> bool:
        """Whether old block i and new block j are one block that stayed (or both sections' edge)."""
        if i in (-1, len(a.blocks)) or j in (-1, len(b.blocks)):
            return (i == -1 and j == -1) or (i == len(a.blocks) and j == len(b.blocks))
        return out.old_to_new.get((a.id, i)) == (b.id, j) and (a.id, i) not in out.moved and (a.id, i) not in out.joined

    for i in range(len(a.blocks)):
        if not free_old(i):
            continue
        before = out.old_to_new.get((a.id, i - 1)) if i else (b.id, -1)
        if before is None or before[0] != b.id:
            continue
        j = before[1] + 1
        if j >= len(b.blocks) or not free_new(j) or not kept(i - 1, j - 1) or not kept(i + 1, j + 1):
            continue
        x, y = a.blocks[i], b.blocks[j]
        if x.type != y.type or _column(x) != _column(y) or "figure" in (x.type, y.type) or x.label != y.label:
            continue
        if similarity(ctx.code(x), ctx.code(y)) > 0:
            out.add((a.id, i), (b.id, j))


def _settle_moves(sections: SectionPairs, pairs: _BlockPairs) -> None:
    """A move-pass pair that stayed in its section and crosses none of the section's aligned
    pairs did not move (a table that a PDF turned into paragraphs, say): it changed in place."""
    aligned: dict[str, list[tuple[int, int]]] = {}
    candidates: list[tuple[str, int, int]] = []
    for (a_id, i), (b_id, j) in pairs.old_to_new.items():
        if sections.old_to_new.get(a_id) != b_id:
            continue
        if (a_id, i) in pairs.moved:
            candidates.append((a_id, i, j))
        else:
            aligned.setdefault(a_id, []).append((i, j))
    columns = {a_id: ([x for x, _ in sorted(local)], [y for _, y in sorted(local)]) for a_id, local in aligned.items()}
    for a_id, i, j in candidates:
        xs, ys = columns.get(a_id, ([], []))
        k = bisect_left(xs, i)  # aligned pairs never cross, so the neighbours in i decide
        if (k == 0 or ys[k - 1] < j) and (k == len(xs) or ys[k] > j):
            pairs.moved.discard((a_id, i))


def _table_rows(old: Block, new: Block) -> list[RowStep]:
    """Rows of two tables aligned; paired rows of equal width carry per-cell word diffs."""
    rows_a, rows_b = cell_texts(old), cell_texts(new)
    if rows_a == rows_b:
        return [RowStep(i, i, [[("=", c)] if c else [] for c in row]) for i, row in enumerate(rows_a)]
    coder = WordCoder()
    codes_a = [coder.encode(words(" ".join(r))) for r in rows_a]
    codes_b = [coder.encode(words(" ".join(r))) for r in rows_b]
    keys_a = [_row_key(r) for r in rows_a]
    keys_b = [_row_key(r) for r in rows_b]
    steps: list[RowStep] = []
    for i, j in align(keys_a, keys_b, lambda x, y: similarity(codes_a[x], codes_b[y]), ROW_THRESHOLD):
        if i is not None and j is not None and len(rows_a[i]) == len(rows_b[j]):
            steps.append(RowStep(i, j, [word_diff(x, y) for x, y in zip(rows_a[i], rows_b[j])]))
        elif i is not None and j is not None and _loose(_filled(rows_a[i])) == _loose(_filled(rows_b[j])):
            # a merged row read as one cell in one revision and as its grid's slots in the other
            # (a .docx's gridSpan row against its PDF): the same words, what differs in their
            # spacing or typography shown as in any cell
            filled = len(_filled(rows_a[i]))
            steps.append(RowStep(i, j, [word_diff(rows_a[i][k], c) if k < filled else [("=", c)] if c else []
                                        for k, c in enumerate(rows_b[j])]))
        elif i is not None and j is not None and (regrid := _regridded(rows_a[i], rows_b[j], coder)) is not None:
            steps.append(RowStep(i, j, *regrid))
        else:
            if i is not None:
                steps.append(RowStep(i, None))
            if j is not None:
                steps.append(RowStep(None, j))
    return _filled_rows(steps, rows_a, rows_b)


def _filled_rows(steps: list[RowStep], rows_a: list[list[str]], rows_b: list[list[str]]) -> list[RowStep]:
    """`steps` with a blank row removed right before (or after) a row of as many cells added, one
    of them blank, read as that row filled in (or emptied): "ARB Region" followed by an empty row
    that now holds "ARB1: …" is one cell changed, not a blank row removed and a row added."""
    out: list[RowStep] = []
    for step in steps:
        last = out[-1] if out else None
        i = last.old if last is not None and last.new is None else step.old if step.new is None else None
        j = step.new if step.old is None else last.new if last is not None and last.old is None else None
        if (last is not None and i is not None and j is not None and (last.new is None) != (step.new is None)
                and len(rows_a[i]) == len(rows_b[j]) and (_blank(rows_a[i]) or _blank(rows_b[j]))):
            out[-1] = RowStep(i, j, [word_diff(x, y) for x, y in zip(rows_a[i], rows_b[j])])
            continue
        out.append(step)
    return out


Regrid = list[tuple[int | None, list[int]]]
"""Per cell of a new row: the old cell it is (None: a new column's), and the old cells of lost
columns after it that it reads too."""


def regrid(old: list[str], new: list[str], coder: WordCoder) -> Regrid | None:
    """How the cells of a row whose table gained or lost a column pair ("AFR Region" against
    "AFR Region | AFR1, AFR3"): aligned as rows are (`align`), an old cell left without a new one
    read by the new cell before it (or the first). None when no filled cell is in both rows as it
    is (and not both are blank): then they are no one row. The diff (`_regridded`) and the Word redline
    (render/redline/story.py) pair cells so."""
    keys_a, keys_b = [normalise(c) for c in old], [normalise(c) for c in new]
    filled_a, filled_b = {k for k in keys_a if k}, {k for k in keys_b if k}
    if not new or not (filled_a & filled_b or not filled_a and not filled_b):  # blank rows pair too
        return None
    codes_a = [coder.encode(words(c)) for c in old]
    codes_b = [coder.encode(words(c)) for c in new]
    pairs: Regrid = [(None, []) for _ in new]
    last = 0
    for i, j in align(keys_a, keys_b, lambda x, y: similarity(codes_a[x], codes_b[y]), ROW_THRESHOLD):
        if j is not None:
            pairs[j] = (i, pairs[j][1])
            last = j
        elif i is not None:
            pairs[last][1].append(i)
    return pairs


def cells_read(pairs: Regrid) -> list[list[int]]:
    """Per new cell, the old cells it reads (`regrid`): the one it is, then lost ones after it."""
    return [([match] if match is not None else []) + gone for match, gone in pairs]


def _regridded(old: list[str], new: list[str], coder: WordCoder) -> tuple[list[list[Op]], list[list[int]]] | None:
    """Per new cell of a row whose table gained or lost a column (`regrid`), its word diff against
    the old cells it reads, and those cells (RowStep.olds): a new column's cell inserted whole, a
    lost column's cell deleted whole after the text of the new cell that reads it."""
    pairs = regrid(old, new, coder)
    if pairs is None:
        return None
    cells: list[list[Op]] = []
    for j, (match, gone) in enumerate(pairs):
        ops: list[Op] = word_diff(old[match], new[j]) if match is not None else [("+", new[j])] if new[j] else []
        ops += [("-", f" {old[k]}" if ops else old[k]) for k in gone if old[k]]
        cells.append(ops)
    return cells, cells_read(pairs)


def _row_key(cells: list[str]) -> tuple[str, ...]:
    """A row as rows compare: each cell apart from spacing, case and leading numbering (normalise)."""
    return tuple(normalise(cell) for cell in cells)


def _loose(cells: list[str]) -> list[str]:
    """Cells as they compare apart from spacing, case and typography (quotes, dashes)."""
    return [normalise(cell.translate(TYPOGRAPHIC)) for cell in cells]


def _filled(row: list[str]) -> list[str]:
    """A row's cells without the empty ones after its last filled cell."""
    end = len(row)
    while end and not row[end - 1].strip():
        end -= 1
    return row[:end]


def _moved_rows(rows: list[RowStep], cells_a: list[list[str]], cells_b: list[list[str]],
                coder: WordCoder) -> dict[int, int]:
    """Old row -> new row, for each row the alignment left removed that a row it left added has
    the text of (as _row_key compares them, however few its words: "CIS Region" moved up the
    table), or words alike enough to be the same row moved and edited (MOVE_THRESHOLD, as for
    paragraphs; the same number of cells); equal rows first, then the likest; blank rows are no move."""
    olds = [row.old for row in rows if row.old is not None and row.new is None and not _blank(cells_a[row.old])]
    news = [row.new for row in rows if row.new is not None and row.old is None and not _blank(cells_b[row.new])]
    if not olds or not news:
        return {}
    equal: dict[tuple[str, ...], list[int]] = {}
    for j in news:
        equal.setdefault(_row_key(cells_b[j]), []).append(j)
    same: dict[int, int] = {}
    for i in olds:
        if waiting := equal.get(_row_key(cells_a[i])):
            same[i] = waiting.pop(0)
    olds = [i for i in olds if i not in same]
    news = [j for j in news if j not in same.values()]
    if not olds or not news:
        return dict(sorted(same.items()))
    found = pair_moves(
        [(_row_key(cells_a[i]), coder.encode(words(" ".join(cells_a[i])))) for i in olds],
        [(_row_key(cells_b[j]), coder.encode(words(" ".join(cells_b[j])))) for j in news],
        MOVE_THRESHOLD, MOVE_MIN_WORDS,
        allow=lambda i, j: len(_filled(cells_a[olds[i]])) == len(_filled(cells_b[news[j]])))
    return dict(sorted(same.items() | {(olds[i], news[j]) for i, j in found}))


def _vertical_merges(rows: list[RowStep], cells_a: list[list[Cell]], cells_b: list[list[Cell]]) -> dict[tuple[int, int, int], str]:
    """The cells of paired rows of two .docx tables merged down (w:vMerge) in one revision and
    not the other, by (old row, new row, column): the cell that continues the one above, and
    that one ("merged with the cell below", "no longer …"), where their rows are paired as they
    stand; what `_Emitter.merge_change` reports where no word of theirs changed."""
    out: dict[tuple[int, int, int], str] = {}
    paired = {(row.old, row.new) for row in rows if row.old is not None and row.new is not None}
    for row in rows:
        i, j = row.old, row.new
        if i is None or j is None or row.cells is None or row.olds is not None or not (i and j):
            continue
        for col in range(min(len(cells_a[i]), len(cells_b[j]))):
            if cells_a[i][col].continued == cells_b[j][col].continued:
                continue
            merged = "merged" if cells_b[j][col].continued else "no longer merged"
            out[(i, j, col)] = f"{merged} with the cell above"
            if (i - 1, j - 1) in paired:
                out[(i - 1, j - 1, col)] = f"{merged} with the cell below"
    return out


def _spans(row_a: list[Cell], row_b: list[Cell]) -> list[tuple[int, int, str, str, str]]:
    """Cells of two paired rows merged across (a .docx w:gridSpan) in one revision and apart in the
    other: for each, its column, how many it covers, what changed ("2 cells merged", "cell split
    in 2") and its old and new words, those of the cells apart joined by line breaks."""
    out: list[tuple[int, int, str, str, str]] = []
    covered: set[int] = set()
    for col in range(min(len(row_a), len(row_b))):
        wide, narrow, merged = (row_b, row_a, True) if row_b[col].span > 1 else (row_a, row_b, False)
        span = wide[col].span
        if (span < 2 or col + span > min(len(row_a), len(row_b)) or covered & set(range(col, col + span))
                or any(cell.span != 1 for cell in narrow[col:col + span])
                or any(cell.text for cell in wide[col + 1:col + span])):
            continue
        parts = "\n".join(cell.text for cell in narrow[col:col + span] if cell.text)
        old_text, new_text = (parts, wide[col].text) if merged else (wide[col].text, parts)
        out.append((col, span, f"{span} cells merged" if merged else f"cell split in {span}", old_text, new_text))
        covered.update(range(col, col + span))
    return out


def _row_merges(a: Section, b: Section) -> list[_RowMerge]:
    """The cells of two paired table rows read as sections (Section.cells, of .docx revisions)
    merged down (w:vMerge: a cell continuing the one above shows none of its own words) or across
    (w:gridSpan) in one revision and not the other, each named by its column."""
    if a.cells is None or b.cells is None:
        return []
    names = list(b.fields) if len(b.fields) == len(b.cells) else [f"column {k + 1}" for k in range(len(b.cells))]
    out = []
    for col in range(min(len(a.cells), len(b.cells), len(names))):
        old, new = a.cells[col], b.cells[col]
        if old.continued != new.continued:
            what = f"{'merged' if new.continued else 'no longer merged'} with the cell above"
            out.append(_RowMerge(frozenset({names[col]}), f"{column_title(names[col], b.headers)} column", what,
                                 old.text.strip(), new.text.strip(), (old.loc, new.loc)))
    for col, span, what, old_text, new_text in _spans(a.cells, b.cells):
        columns = names[col:col + span]
        titles = " and ".join(column_title(name, b.headers) for name in columns)
        out.append(_RowMerge(frozenset(columns), f"{titles} columns", what, old_text.strip(),
                             new_text.strip(), (a.cells[col].loc, b.cells[col].loc)))
    return out


@record
class _RowMerge:
    """A merge of cells in a table row read as a section that one revision has and the other not
    (`_row_merges`): the columns it covers and their name, what it is ("merged with the cell
    above"), its words in each revision and where."""

    columns: frozenset[str]
    place: str
    what: str
    old: str
    new: str
    locs: tuple[Loc, Loc]


def _blank_locs(block: Block, found: tuple[int, ...] | None) -> list[Loc]:
    """Where blank paragraphs `found` by a block (Block.blanks, trailing) are: in the body their
    paragraphs, in a cell or a note the block's own place."""
    body = block.loc.row is None and block.loc.footnote is None
    return [Loc(paragraph=k) if body else block.loc for k in found or ()]


def _items(doc: Document) -> list[Item]:
    """A document in reading order: each section's heading, then its blocks."""
    out: list[Item] = []
    for s in doc.sections:
        out.append(Item(s))
        out.extend(Item(s, b, n) for n, b in enumerate(s.blocks))
    return out


def _item_key(item: Item) -> tuple[str, int]:
    """(section id, block index), -1 for a heading."""
    return (item.section.id, item.index)


def _merge(ctx: _Context, sections: SectionPairs, blocks: _BlockPairs) -> tuple[list[Step], list[tuple[Item, Item]]]:
    """Both documents in one reading order; pairs out of order appear as two one-sided steps, and
    are returned as well (the two ends of each move, for the Word redline's move marks)."""
    old_items, new_items = _items(ctx.old), _items(ctx.new)
    new_pos = {_item_key(it): n for n, it in enumerate(new_items)}
    pairs: list[tuple[int, int]] = []
    for n, it in enumerate(old_items):
        if it.block is None:
            partner = sections.old_to_new.get(it.section.id)
            target = (partner, -1) if partner is not None else None
        else:
            target = blocks.old_to_new.get(_item_key(it))
        if target is not None:
            pairs.append((n, new_pos[target]))
    steps: list[Step] = []
    kept = in_order(pairs)
    moved = [(old_items[pi], new_items[pj]) for pi, pj in pairs if (pi, pj) not in kept]
    i = j = 0
    for pi, pj in sorted(kept) + [(len(old_items), len(new_items))]:
        steps.extend(Step(old_items[x], None) for x in range(i, pi))
        steps.extend(Step(None, new_items[y]) for y in range(j, pj))
        if pi < len(old_items):
            steps.append(_paired_step(old_items[pi], new_items[pj]))
        i, j = pi + 1, pj + 1
    return steps, moved


def _report_order(steps: list[Step]) -> list[Step]:
    """The merged steps in the order the report tells them: in a run of one-sided steps between
    two paired ones, the items that still belong to the sections of the pair before them (a cell
    added at the end of a kept table row) before the items of other sections (the next row,
    removed), so that each section's changes come where the section stands, not after a removed
    section that followed it. The steps themselves (the redline's order) are unchanged."""
    out: list[Step] = []
    current: tuple[str | None, str | None] = (None, None)
    gap: list[Step] = []

    def flush() -> None:
        def rank(step: Step) -> int:
            item = step.old or step.new
            ours = item is not None and item.section.id == current[0 if step.old is not None else 1]
            return 0 if ours else 1
        out.extend(sorted(gap, key=rank))  # stable: each side keeps its reading order
        gap.clear()

    for step in steps:
        if step.old is not None and step.new is not None:
            flush()
            out.append(step)
            current = (step.old.section.id, step.new.section.id)
        else:
            gap.append(step)
    flush()
    return out


def _paired_step(old: Item, new: Item) -> Step:
    """A merged step for two paired items, with its word (or table row) diff."""
    if old.block is None or new.block is None:
        a, b = heading_text(old.section) or "", heading_text(new.section) or ""
        return Step(old, new, words=word_diff(a, b))
    if old.block.type == "table" and new.block.type == "table":
        return Step(old, new, rows=_table_rows(old.block, new.block))
    return Step(old, new, words=word_diff(block_text(old.block), block_text(new.block)))


def _blank(cells: list[str]) -> bool:
    """True for a table row with no text: adding or removing it is white space only."""
    return not any(c.strip() for c in cells)


def _read_in(matched: tuple[str, ...], tokens: list[str]) -> bool:
    """Whether a reference read from the words `matched` was read in a text of `tokens`: its words
    in order, not side by side, since a list's item is read with the list's anchor ("WSIS Action
    Lines C7" in "WSIS Action Lines C1, C2, C3, C7")."""
    rest = iter(tokens)
    return all(word in rest for word in matched)


@record
class _Emitter:
    """Walks the merged steps and turns them into `Change`s."""
    ctx: _Context
    sections: SectionPairs
    blocks: _BlockPairs
    changes: list[Change] = field(default_factory=list)
    # The blank paragraphs (Block.blanks, trailing) each revision has since the last two items
    # read in the same place (a paired step), by where each is; and that step's sections.
    blanks: tuple[list[Loc], list[Loc]] = field(default_factory=lambda: ([], []))
    last_pair: tuple[Section | None, Section | None] = (None, None)
    # The merges of cells of paired table rows read as sections whose words changed too, by the
    # rows' ids: the change of those words names each (`merge_named`).
    merges: dict[tuple[str, str], list[_RowMerge]] = field(default_factory=dict)
    # Sections added (removed) whole, by side (True: old) and id: the index in `changes` of the
    # change that holds them, their texts and places (`section_whole`).
    wholes: dict[tuple[bool, str], int] = field(default_factory=dict)
    whole_parts: dict[int, tuple[list[str], list[Place], list[str]]] = field(default_factory=dict)

    def emit(self, kind: str, target: str, a: Section | None, b: Section | None, old: str | None, new: str | None,
             words_: list[Op] | None = None, kinds: frozenset[str] | None = None, where: str | None = None,
             locs: tuple[Loc | None, Loc | None] = (None, None),
             places: tuple[list[Place], list[Place]] = ([], []), marks: NoteMarks | None = None,
             links: LinkChanges | None = None, restyle: tuple[Restyle, ...] = ()) -> None:
        """Record one change, with paths and the references it adds or removes: those found at the
        `places` of its old and new text, as `trace refs` finds them, or (with only a stand-in
        reader) those of the old and new text; `kinds` are the kinds of difference of a change
        that changed no word (see `ignore.differences`)."""
        revised: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
        if self.ctx.located is not None:
            at_old, at_new = self.ctx.refs_at(True, places[0]), self.ctx.refs_at(False, places[1])
            removed = {at_old[key][0] for key in at_old.keys() - at_new.keys()}
            added = {at_new[key][0] for key in at_new.keys() - at_old.keys()}
            revised = sorted((at_new[key][0], tuple(at_old[key][1]), tuple(at_new[key][1]))
                             for key in at_old.keys() & at_new.keys() if set(at_old[key][1]) != set(at_new[key][1]))
        else:
            refs_old, refs_new = self.ctx.found_refs(old), self.ctx.found_refs(new)
            removed, added = refs_old - refs_new, refs_new - refs_old
        self.changes.append(Change(
            kind=kind,
            target=target,
            section_old=a.id if a else None,
            section_new=b.id if b else None,
            path=self.ctx.path(b, False) if b is not None else self.ctx.path(a, True) if a else [],
            path_old=self.ctx.path(a, True) if a is not None else None,
            old=old,
            new=new,
            words=words_,
            refs_added=sorted(added),
            refs_removed=sorted(removed),
            refs_revised=revised,
            formatting_only=kinds is not None,
            differences=tuple(sorted(kinds)) if kinds is not None else (),
            where=where,
            at_old=self.ctx.note_place(locs[0], True) if old is not None and locs[0] is not None else None,
            at_new=self.ctx.note_place(locs[1], False) if new is not None and locs[1] is not None else None,
            loc_old=locs[0] if old is not None else None,
            loc_new=locs[1] if new is not None else None,
            marks_added=marks.added if marks is not None else [],
            marks_removed=marks.removed if marks is not None else [],
            links_added=links.added if links is not None else [],
            links_removed=links.removed if links is not None else [],
            link_spans=(links.removed_at, links.added_at) if links is not None else ([], []),
            restyle=restyle,
        ))

    def step(self, step: Step) -> None:
        """The changes one merged step stands for."""
        items = [item for item in (step.old, step.new) if item is not None]
        if any(item.section.kind == NOTES for item in items) and self.last_pair[0] is not None:
            self.settle_blanks(*self.last_pair)  # the body's last ones, before its notes
            self.last_pair = (None, None)
        self.gather_blanks(step, after=False)
        if step.old is not None and step.new is not None:
            self.settle_blanks(step.old.section, step.new.section)
            self.pair(step.old, step.new, step)
        elif step.old is not None:
            self.one_sided(step.old, old_side=True)
        elif step.new is not None:
            self.one_sided(step.new, old_side=False)
        self.gather_blanks(step, after=True)

    def gather_blanks(self, step: Step, after: bool) -> None:
        """Count the blank paragraphs right before the step's items (or, `after`, those that end
        their story after them); not those of one end of a move, which `moved_blanks` compares
        with the other end's."""
        if not self.ctx.marks:
            return
        for side, item in ((0, step.old), (1, step.new)):
            if item is None or ((step.old is None or step.new is None) and self.moved_end(item, side == 0)):
                continue
            block = item.block or item.section.heading_block
            if block is not None:
                self.blanks[side].extend(_blank_locs(block, block.trailing if after else block.blanks))

    def moved_end(self, item: Item, old_side: bool) -> bool:
        """Whether a one-sided step's item is one end of a move: paired with an item elsewhere."""
        if item.block is None:
            return item.section.id in (self.sections.old_to_new if old_side else self.sections.new_to_old)
        return _item_key(item) in (self.blocks.old_to_new if old_side else self.blocks.new_to_old)

    def moved_blanks(self, old: Item, new: Item) -> None:
        """The blank paragraphs before and after a moved item against those it had where it was."""
        x, y = old.block or old.section.heading_block, new.block or new.section.heading_block
        if not self.ctx.marks or x is None or y is None:
            return
        kept, last = self.blanks, self.last_pair
        self.blanks = (_blank_locs(x, (x.blanks or ()) + (x.trailing or ())),
                       _blank_locs(y, (y.blanks or ()) + (y.trailing or ())))
        self.settle_blanks(old.section, new.section)
        self.blanks, self.last_pair = kept, last

    def settle_blanks(self, a: Section | None, b: Section | None) -> None:
        """Blank paragraphs added or removed between the last two paired items and these (of
        sections `a` and `b`), or the end: one change of formatting, as a blank table row is, at
        the first of them; a paragraph added between them brings its own."""
        before_a, before_b = self.blanks
        self.blanks = ([], [])
        self.last_pair = (a, b)
        if len(before_b) > len(before_a):
            extra = before_b[len(before_a):]
            self.blank_change(a, b, True, blank_place(len(extra)), extra[0])
        elif len(before_a) > len(before_b):
            extra = before_a[len(before_b):]
            self.blank_change(a, b, False, blank_place(len(extra)), extra[0])

    def blank_change(self, a: Section | None, b: Section | None, added: bool, where: str, loc: Loc) -> None:
        """One change of formatting for blank paragraphs `added` (else removed) at `loc`, in the
        revision that holds them: what `settle_blanks` and `cell_blanks` report."""
        if added:
            self.emit("added", "block", a, b, None, "", kinds=FORMATTING, where=where, locs=(None, loc))
        else:
            self.emit("removed", "block", a, b, "", None, kinds=FORMATTING, where=where, locs=(loc, None))

    def finish(self) -> None:
        """The blank paragraphs after the last items read in the same place; the merges of cells
        no change of words named."""
        self.settle_blanks(*self.last_pair)
        for (old_id, new_id), merges in self.merges.items():
            for merge in merges:
                self.merge_of_row(self.ctx.old_ids[old_id], self.ctx.new_ids[new_id], merge)

    def row_layout(self, a: Section, b: Section) -> None:
        """Cells of two paired .docx table rows read as sections merged down or across in one
        revision only (`_row_merges`): a change of formatting where their words are the same, as
        in a table's row; else the change of their words names it (`merge_named`). And blank rows
        added or removed before them (Section.blank_rows), a change of formatting too."""
        if not self.ctx.marks:
            return
        if len(a.blank_rows) != len(b.blank_rows):  # blank rows added or removed before it: formatting, as in a table
            more, fewer = (b.blank_rows, a.blank_rows) if len(b.blank_rows) > len(a.blank_rows) else (a.blank_rows, b.blank_rows)
            count = len(more) - len(fewer)
            self.blank_change(a, b, more is b.blank_rows, "blank table row" if count == 1 else f"{count} blank table rows",
                              more[len(fewer)])
        for merge in _row_merges(a, b):
            if merge.old == merge.new:
                self.merge_of_row(a, b, merge)
            else:
                self.merges.setdefault((a.id, b.id), []).append(merge)

    def merge_of_row(self, a: Section, b: Section, merge: _RowMerge) -> None:
        """One change for a merge of cells of a row read as a section, with its words."""
        kinds = differences(merge.old, merge.new, loose=self.ctx.loose) if merge.old != merge.new else frozenset()
        self.emit("modified", "block", a, b, merge.old, merge.new, word_diff(merge.old, merge.new),
                  kinds | FORMATTING if kinds is not None else None, where=f"{merge.place}: {merge.what}", locs=merge.locs)

    def merge_named(self, a: Section | None, b: Section | None, block: Block, where: str | None) -> str | None:
        """`where` a change of `block`'s words is, naming the merge of its row's cells that hid or
        showed them (`row_layout`), once; `where` itself when there is none."""
        pending = self.merges.get((a.id, b.id)) if a is not None and b is not None else None
        merge = next((m for m in pending or () if block.field in m.columns), None)
        if pending is None or merge is None:
            return where
        pending.remove(merge)
        return f"{where or block_place(block, b.headers if b is not None else None) or 'paragraph'}: {merge.what}"

    def one_sided(self, item: Item, old_side: bool) -> None:
        """An item of one revision only: added/removed, or the far end of a move."""
        section_pairs = self.sections.old_to_new if old_side else self.sections.new_to_old
        block_pairs = self.blocks.old_to_new if old_side else self.blocks.new_to_old
        if item.block is None:
            partner_id = section_pairs.get(item.section.id)
            if partner_id is None:
                if item.section.kind != NOTES:  # notes are no section: each note is a change of its own
                    self.section_whole(item.section, old_side)
            elif not old_side:
                partner = self.ctx.old_ids[partner_id]
                self.moved_blanks(Item(partner), item)
                self.pair(Item(partner), item, _paired_step(Item(partner), item))
            return
        if item.section.id not in section_pairs and item.section.kind != NOTES:
            return
        if _item_key(item) in (self.blocks.absorbed_old if old_side else self.blocks.absorbed_new):
            return
        partner_key = block_pairs.get(_item_key(item))
        if partner_key is None:
            self.block_whole(item, old_side)
        elif not old_side:
            section = self.ctx.old_ids[partner_key[0]]
            old_item = Item(section, section.blocks[partner_key[1]], partner_key[1])
            self.moved_blanks(old_item, item)
            self.pair(old_item, item, _paired_step(old_item, item))

    def section_whole(self, section: Section, old_side: bool) -> None:
        """A section added or removed with all its own text: its heading, unless a table row's
        first cell already holds the title the row section is named by. A subsection of a section
        added (removed) whole is part of that section's change, its text and references too,
        named in its `subsections`: a new output is one change, not one per heading in it."""
        opening = heading_text(section)
        if opening and not section.heading and section.blocks and section.blocks[0].text.split("\n")[0].strip() == opening:
            opening = None
        lines = [t for t in [opening] if t] + [block_text(b) for b in section.blocks]
        places = self.ctx.section_places(old_side, section)
        at = self.wholes.get((old_side, section.parent or ""))
        if at is None:
            texts: list[str] = []
            subsections: list[str] = []
            root = section
        else:  # under a section added (removed) whole: part of its change
            texts, places, subsections = self.whole_parts[at][0], self.whole_parts[at][1] + places, self.whole_parts[at][2] + [section.id]
            root_id = self.changes[at].section_old if old_side else self.changes[at].section_new
            root = (self.ctx.old_ids if old_side else self.ctx.new_ids)[root_id or ""]
        texts = texts + ["\n".join(lines)]
        text = "\n".join(t for t in texts if t)
        if old_side:
            self.emit("removed", "section", root, None, text, None, locs=(root.loc, None), places=(places, []))
        else:
            self.emit("added", "section", None, root, None, text, locs=(None, root.loc), places=([], places))
        if at is None:
            at = len(self.changes) - 1
        else:
            self.changes[at] = self.changes.pop()
        self.changes[at].subsections = subsections
        self.wholes[(old_side, section.id)] = at
        self.whole_parts[at] = (texts, places, subsections)

    def block_whole(self, item: Item, old_side: bool) -> None:
        """A block added or removed inside a paired section."""
        assert item.block is not None
        if (section := self.ctx.dropped.get(id(item.block))) is not None:
            self.heading_only(section, item.section, old_side)
            return
        text = block_text(item.block)
        partner = self.partner_section(item.section, old_side)
        a, b = (item.section, partner) if old_side else (partner, item.section)
        where = self.merge_named(a, b, item.block, _cell_place(item.section, item.block) or block_place(item.block, item.section.headers))
        if old_side:
            self.emit("removed", "block", a, b, text, None, where=where,
                      locs=(item.block.loc, None), places=(self.ctx.block_places(True, item.section, item.block), []))
        else:
            self.emit("added", "block", a, b, None, text, where=where,
                      locs=(None, item.block.loc), places=([], self.ctx.block_places(False, item.section, item.block)))

    def heading_only(self, section: Section, host: Section, old_side: bool) -> None:
        """A heading deleted (inserted) over text that stays (diff/dissolve.py): its section
        removed (added) with the heading alone, the text it headed now of `host`'s section."""
        text = heading_text(section) or section.title
        where = f"its text kept in {section_label(host)}" if old_side else f"its text was in {section_label(host)}"
        places = [(section.id, section.loc, section.title)]
        if old_side:
            self.emit("removed", "section", section, None, text, None, where=where, locs=(section.loc, None), places=(places, []))
        else:
            self.emit("added", "section", None, section, None, text, where=where, locs=(None, section.loc), places=([], places))

    def partner_section(self, section: Section, old_side: bool) -> Section | None:
        """The paired section on the other side, if any."""
        if old_side:
            partner = self.sections.old_to_new.get(section.id)
            return self.ctx.new_ids.get(partner) if partner else None
        partner = self.sections.new_to_old.get(section.id)
        return self.ctx.old_ids.get(partner) if partner else None

    def pair(self, old: Item, new: Item, step: Step) -> None:
        """Two paired items: a section's heading changes, or a block's."""
        a, b = old.section, new.section
        if old.block is None or new.block is None:
            self.section_pair(a, b, step.words or [])
            return
        moved = _item_key(old) in self.blocks.moved
        x, y = old.block, new.block
        if step.rows is not None:
            if moved:
                self.emit("moved", "block", a, b, block_text(x), block_text(y), where=block_place(y, b.headers), locs=(x.loc, y.loc),
                          places=self.ctx.pair_places(a, x, b, y))
            self.table_pair(a, b, x, y, step.rows)
            return
        group = self.blocks.joined.get(_item_key(old))
        if group is not None:
            self.joined_pair(a, b, group)
            return
        ops = step.words or []
        text_a, text_b = block_text(x), block_text(y)
        formatting, restyle = self.reformatted(x, y, b.headers)
        marks = self.note_marks(x, y)
        links = link_changes(x, y) if self.ctx.marks else None
        anchored = marks is not None or links is not None  # a change no ignore switch hides
        if anchored and not moved and not changed(ops) and not formatting:
            what = "; ".join(part.title() for part in (marks, links) if part is not None)
            self.emit("modified", "block", a, b, text_a, text_b, word_diff(text_a, text_b),
                      where=f"{block_place(y, b.headers) or 'paragraph'}: {what}", locs=(x.loc, y.loc),
                      places=self.ctx.pair_places(a, x, b, y), marks=marks, links=links)
        elif moved:
            self.emit("moved", "block", a, b, text_a, text_b, ops if changed(ops) else None, where=block_place(y, b.headers, part=True),
                      locs=(x.loc, y.loc), places=self.ctx.pair_places(a, x, b, y), marks=marks, links=links)
        elif changed(ops):
            kinds = FORMATTING if recased(x, y) else differences(text_a, text_b, loose=self.ctx.loose)
            if kinds == NUMBERING and _renumbered_clause(_typed_label(x), _typed_label(y)):
                kinds = None
            place = formatting or block_place(y, b.headers)
            where = self.merge_named(a, b, y, place)
            if (formatting or where != place) and kinds is not None:
                kinds = kinds | FORMATTING
            if marks is not None:  # named beside the word changes, as when they are the only change
                where = f"{where or 'paragraph'}: {marks.title()}"
            self.emit("modified", "block", a, b, text_a, text_b, ops, None if anchored else kinds,
                      where=where, locs=(x.loc, y.loc), places=self.ctx.pair_places(a, x, b, y),
                      marks=marks, links=links, restyle=restyle)
        elif formatting:
            self.emit("modified", "block", a, b, text_a, text_b, word_diff(text_a, text_b), None if anchored else FORMATTING,
                      where=formatting, locs=(x.loc, y.loc), places=self.ctx.pair_places(a, x, b, y), marks=marks,
                      links=links, restyle=restyle)
        elif self.ctx.marks and (typed_a := typed_text(x)) != (typed_b := typed_text(y)):
            # a soft hyphen or white space at the end, which the model's text leaves out, or case
            # as typed under capitals set by formatting (the text prints the same): formatting
            kinds = differences(typed_a, typed_b) or FORMATTING
            self.emit("modified", "block", a, b, typed_a, typed_b, word_diff(typed_a, typed_b),
                      kinds - {"case"} | FORMATTING if "case" in kinds else kinds, where=block_place(y, b.headers),
                      locs=(x.loc, y.loc), places=self.ctx.pair_places(a, x, b, y))

    def note_marks(self, x: Block, y: Block) -> NoteMarks | None:
        """The note marks two paired .docx paragraphs differ in (`note_marks`), named by their
        notes' numbers in each revision; None when they have the same, or a revision is no .docx."""
        if not self.ctx.marks:
            return None
        return note_marks(x, y, self.note_name)

    def note_name(self, key: str, old_side: bool) -> str | None:
        """The name of the note a mark (`key`, Loc.footnote's) refers to in a revision."""
        return self.ctx.note_place(Loc(footnote=key), old_side)

    def reformatted(self, x: Block, y: Block, headers: Mapping[str, str] | None = None
                    ) -> tuple[str | None, tuple[Restyle, ...]]:
        """How two paired blocks' formatting differs, for the change's label, else None: a heading
        one revision sets as a paragraph (diff/dissolve.py), or a .docx paragraph's style, bold or
        size (diff/formats.py), with those changes; a cell's column named by its heading in `headers`."""
        if (id(x) in self.ctx.dissolved) != (id(y) in self.ctx.dissolved):
            return "heading as a paragraph" if id(x) in self.ctx.dissolved else "paragraph as a heading", ()
        restyle = restyles(x, y)
        return (f"{block_place(y, headers) or 'paragraph'}: {said(restyle)}" if restyle else None), restyle

    def joined_pair(self, a: Section, b: Section, group: tuple[list[int], list[int]]) -> None:
        """One change for a paragraph split into several, or several joined into one."""
        olds, news = group
        text_a = "\n".join(block_text(a.blocks[i]) for i in olds)
        text_b = "\n".join(block_text(b.blocks[j]) for j in news)
        plain_a = " ".join(a.blocks[i].text for i in olds)
        plain_b = " ".join(b.blocks[j].text for j in news)
        tables = a.blocks[olds[0]].type == "table", b.blocks[news[0]].type == "table"
        if tables == (True, False):
            where = f"table as {len(news)} paragraphs"
        elif tables == (False, True):
            where = f"{len(olds)} paragraphs as a table"
        else:
            where = (f"paragraph split in {len(news)}" if len(olds) == 1 else f"{len(olds)} paragraphs joined" if len(news) == 1
                     else f"{len(olds)} paragraphs as {len(news)}")
        same = differences(plain_a, plain_b, loose=self.ctx.loose)
        marks = group_note_marks([a.blocks[i] for i in olds], [b.blocks[j] for j in news], self.note_name) \
            if self.ctx.marks else None
        if marks is not None:  # a change no ignore switch hides, named as a paragraph's is
            where, same = f"{where}: {marks.title()}", None
        self.emit("modified", "block", a, b, text_a, text_b, word_diff(text_a, text_b),
                  same | {"formatting"} if same is not None else None, where=where,
                  locs=(a.blocks[olds[0]].loc, b.blocks[news[0]].loc),
                  places=([p for i in olds for p in self.ctx.block_places(True, a, a.blocks[i])],
                          [p for j in news for p in self.ctx.block_places(False, b, b.blocks[j])]), marks=marks)

    def table_pair(self, a: Section, b: Section, x: Block, y: Block, rows: list[RowStep]) -> None:
        """Row and cell changes between two paired tables. A row removed in one place and added in
        another, as it was or edited (the order-keeping row alignment cannot pair it), is one move."""
        cells_a, cells_b = cell_texts(x), cell_texts(y)
        header = cells_b[0] if len(cells_b) > 1 else None
        rows_a, rows_b = x.rows or [], y.rows or []
        moves = _moved_rows(rows, cells_a, cells_b, self.ctx.coder)
        for old_row, new_row in moves.items():
            text_a, text_b = " | ".join(cells_a[old_row]), " | ".join(cells_b[new_row])
            ops = word_diff(text_a, text_b)
            links = changed_links(row_links(rows_a[old_row]), row_links(rows_b[new_row])) if self.ctx.marks else None
            self.emit("moved", "block", a, b, text_a, text_b, ops if changed(ops) else None,
                      where=f"table row {new_row + 1}",
                      locs=(rows_a[old_row][0].loc if rows_a[old_row] else x.loc,
                            rows_b[new_row][0].loc if rows_b[new_row] else y.loc),
                      places=(self.ctx.row_places(True, a, x, old_row), self.ctx.row_places(False, b, y, new_row)),
                      links=links)
        moved_to = set(moves.values())
        merges = _vertical_merges(rows, rows_a, rows_b)
        told: set[tuple[int, int, int]] = set()  # merges named by the word change of the cell above
        for row in rows:
            if row.old in moves or (row.old is None and row.new in moved_to):
                continue
            if row.old is not None and row.new is None:
                self.emit("removed", "block", a, b, " | ".join(cells_a[row.old]), None,
                          kinds=FORMATTING if _blank(cells_a[row.old]) else None, where=f"table row {row.old + 1}",
                          locs=(rows_a[row.old][0].loc if rows_a[row.old] else x.loc, None),
                          places=(self.ctx.row_places(True, a, x, row.old), []))
            elif row.new is not None and row.old is None:
                self.emit("added", "block", a, b, None, " | ".join(cells_b[row.new]),
                          kinds=FORMATTING if _blank(cells_b[row.new]) else None, where=f"table row {row.new + 1}",
                          locs=(None, rows_b[row.new][0].loc if rows_b[row.new] else y.loc),
                          places=([], self.ctx.row_places(False, b, y, row.new)))
            elif row.old is not None and row.new is not None and row.cells is not None:
                # a column gained or lost: which old cell each new cell is, and the lost ones after it
                pairs = regrid(cells_a[row.old], cells_b[row.new], self.ctx.coder) if row.olds is not None else None
                spanned = self.span_changes(a, b, x, y, (row.old, row.new), header) if pairs is None else set()
                for col, ops in enumerate(row.cells):
                    if col in spanned:
                        continue
                    match, gone = pairs[col] if pairs is not None else (col, [])
                    links = self.cell_links(x, y, (row.old, match), (row.new, col))
                    if match is not None and match < len(rows_a[row.old]) and col < len(rows_b[row.new]):
                        self.cell_blanks(a, b, (rows_a[row.old][match], rows_b[row.new][col]),
                                         cell_place(header, row.new, col))
                    key = (row.old, row.new, col)
                    if pairs is None and not changed(ops):
                        if (row.old - 1, row.new - 1, col) not in told:
                            self.merge_change(a, b, x, y, key, header)
                        if links is None:
                            continue
                    old_cell = cells_a[row.old][match] if match is not None else ""
                    new_cell = cells_b[row.new][col]
                    if gone:  # the cell's own edit; each lost cell after it is a change of its own
                        ops = word_diff(old_cell, new_cell) if match is not None else [("+", new_cell)] if new_cell else []
                    where = cell_place(header, row.new, col)
                    kinds = differences(old_cell, new_cell, loose=self.ctx.loose) if links is None else None
                    if links is not None and not changed(ops):  # only where a link points: shown, as a paragraph's is
                        ops, where = word_diff(old_cell, new_cell), f"{where}: {links.title()}"
                    elif pairs is None and changed(ops) and (merged := merges.get(key)):
                        # merged down (or no longer) and its words changed: one change says both
                        where, kinds = f"{where}: {merged}", kinds | FORMATTING if kinds is not None else None
                        told.add(key)
                    if changed(ops) or links is not None:
                        self.emit("modified" if match is not None else "added", "block", a, b, old_cell if match is not None else None, new_cell,
                                  ops, kinds, where=where,
                                  locs=(rows_a[row.old][match].loc if match is not None else None, rows_b[row.new][col].loc),
                                  places=(self.ctx.cell_places(True, a, x, row.old, match) if match is not None else [],
                                          self.ctx.cell_places(False, b, y, row.new, col)), links=links)
                    for k in gone:
                        if cells_a[row.old][k]:
                            self.emit("removed", "block", a, b, cells_a[row.old][k], None,
                                      where=cell_place(cells_a[0] if len(cells_a) > 1 else None, row.old, k),
                                      locs=(rows_a[row.old][k].loc, None),
                                      places=(self.ctx.cell_places(True, a, x, row.old, k), []))

    def cell_blanks(self, a: Section, b: Section, cells: tuple[Cell, Cell], where: str) -> None:
        """Blank paragraphs added to or removed from two paired .docx table cells (Cell.blanks):
        one change of formatting each way, at the cell; place by place where the cells have as
        many paragraphs, else by how many they hold."""
        old, new = cells
        if not self.ctx.marks or old.blanks is None or new.blanks is None or old.blanks == new.blanks:
            return
        if len(old.blanks) == len(new.blanks):
            added = sum(max(y - x, 0) for x, y in zip(old.blanks, new.blanks))
            removed = sum(max(x - y, 0) for x, y in zip(old.blanks, new.blanks))
        else:
            added, removed = max(sum(new.blanks) - sum(old.blanks), 0), max(sum(old.blanks) - sum(new.blanks), 0)
        if removed:
            self.blank_change(a, b, False, f"{where}: {blank_place(removed)}", old.loc)
        if added:
            self.blank_change(a, b, True, f"{where}: {blank_place(added)}", new.loc)

    def cell_links(self, x: Block, y: Block, old_at: tuple[int, int | None], new_at: tuple[int, int]) -> LinkChanges | None:
        """The links two paired cells of .docx tables differ in (`Cell.links`): the cell at row and
        column `old_at` of `x` (None: a new column's, which has no old links) and `new_at` of `y`;
        None when they link to the same targets, or a revision is no .docx."""
        (i, k), (j, col) = old_at, new_at
        if not self.ctx.marks or k is None:
            return None
        row_a, row_b = (x.rows or [])[i], (y.rows or [])[j]
        if k >= len(row_a) or col >= len(row_b):
            return None
        return changed_links(cell_links(row_a[k]), cell_links(row_b[col]))

    def span_changes(self, a: Section, b: Section, x: Block, y: Block, at: tuple[int, int],
                     header: list[str] | None) -> set[int]:
        """Cells of a paired row merged across (a .docx w:gridSpan) in one revision and apart in the
        other: one change each, "2 cells merged" (or "cell split in 2"), its words those of the
        cells joined, formatting only when they are the same, not words moved between columns.
        Returns the columns it covers, which the cells' own changes leave out."""
        i, j = at
        row_a, row_b = (x.rows or [])[i], (y.rows or [])[j]
        covered: set[int] = set()
        for col, span, what, old_text, new_text in _spans(row_a, row_b):
            kinds = FORMATTING if old_text == new_text else differences(old_text, new_text, loose=self.ctx.loose)
            self.emit("modified", "block", a, b, old_text, new_text, word_diff(old_text, new_text),
                      kinds | FORMATTING if kinds is not None else None, where=f"{cell_place(header, j, col)}: {what}",
                      locs=(row_a[col].loc, row_b[col].loc),
                      places=([p for k in range(col, col + span) for p in self.ctx.cell_places(True, a, x, i, k)],
                              [p for k in range(col, col + span) for p in self.ctx.cell_places(False, b, y, j, k)]))
            covered.update(range(col, col + span))
        return covered

    def merge_change(self, a: Section, b: Section, x: Block, y: Block, at: tuple[int, int, int],
                     header: list[str] | None) -> None:
        """A paired cell of the same words that continues the cell above (w:vMerge) in one
        revision and not the other: a change of formatting, named at the cell above, whose words
        now span two rows (or no longer do), as the table's text is the same."""
        i, j, col = at
        rows_a, rows_b = x.rows or [], y.rows or []
        if not (0 < i < len(rows_a) and 0 < j < len(rows_b) and col < len(rows_a[i - 1]) and col < len(rows_b[j - 1])
                and col < len(rows_a[i]) and col < len(rows_b[j])):
            return
        if rows_a[i][col].continued == rows_b[j][col].continued:
            return
        old, new = rows_a[i - 1][col], rows_b[j - 1][col]
        what = "merged with the cell below" if rows_b[j][col].continued else "no longer merged with the cell below"
        self.emit("modified", "block", a, b, old.text, new.text, word_diff(old.text, new.text), FORMATTING,
                  where=f"{cell_place(header, j - 1, col)}: {what}", locs=(old.loc, new.loc),
                  places=(self.ctx.cell_places(True, a, x, i - 1, col), self.ctx.cell_places(False, b, y, j - 1, col)))

    def section_pair(self, a: Section, b: Section, heading_ops: list[Op]) -> None:
        """Moved, renumbered and renamed changes of a paired section."""
        if a.id in self.sections.moved:
            self.emit("moved", "section", a, b, section_label(a), section_label(b), locs=(a.loc, b.loc))
        if a.number != b.number and a.number and b.number and not _numbered_by_parent(a, b):
            kinds = None if _depth(a.number) == _depth(b.number) else NUMBERING  # else a list restarted: "3.1" printed "1."
            self.emit("renumbered", "section", a, b, a.number, b.number, kinds=kinds, locs=(a.loc, b.loc))
        if a.signal == "table-row" and b.signal == "table-row":
            self.row_layout(a, b)
        if a.signal == "table-row" or b.signal == "table-row":
            return
        if a.title != b.title:
            ops = word_diff(a.title, b.title)
            recase = recased(a.heading_block, b.heading_block)  # typed the same, set in capitals in one
            self.emit("renamed", "section", a, b, a.title, b.title, ops,
                      FORMATTING if recase else differences(a.title, b.title, (a.number, b.number), self.ctx.loose),
                      where=restyled(a.heading_block, b.heading_block) if recase else None,
                      locs=(a.loc, b.loc), places=([(a.id, a.loc, a.title)], [(b.id, b.loc, b.title)]))
            return
        old_h, new_h = heading_text(a) or "", heading_text(b) or ""
        if not changed(heading_ops):
            if restyle := restyled(a.heading_block, b.heading_block):
                self.emit("renamed", "section", a, b, old_h, new_h, heading_ops, kinds=FORMATTING, where=restyle,
                          locs=(a.loc, b.loc), places=([(a.id, a.loc, a.title)], [(b.id, b.loc, b.title)]))
            return
        if a.number and b.number and a.number != b.number and _renumbered_only(old_h, new_h, a.number, b.number):
            return
        kinds = (differences(old_h, new_h, loose=self.ctx.loose)
                 or differences(old_h, new_h, (a.number, b.number), self.ctx.loose))
        if kinds is None and _heading_words(old_h, a.number) == _heading_words(new_h, b.number):
            kinds = FORMATTING  # the punctuation of a typed label ("1. Background", "1 Background")
        elif kinds is None and a.number == b.number and _label_and_title(old_h, a) and _label_and_title(new_h, b):
            kinds = NUMBERING  # only the label before the title: "Background" / "1 Background" (a Word list's)
        elif kinds is not None and "punctuation" in kinds and a.number == b.number and (
                differences(_unlabelled(old_h, a.number), _unlabelled(new_h, b.number), loose=self.ctx.loose)
                or {"punctuation"}) <= {"space", "formatting", "numbering"}:
            kinds = FORMATTING  # the separator after the number ("Output 2.1 – Title", "Output 2.1" / "Title")
        if kinds == NUMBERING and (labels := _relabelled(old_h, a, new_h, b)) is not None:
            # only a list's number before the same title ("1. Background" made "2. Background"),
            # or a clause number ("3.1.1 Goal 1 – Growth" made "2.1.1 Goal 1 – Growth"): shown
            clauses = [CLAUSE_NUMBER.search(label) for label in labels]
            if clauses[0] is not None and clauses[1] is not None and _renumbered_clause(clauses[0].group(), clauses[1].group()):
                kinds = None
            self.emit("renumbered", "section", a, b, labels[0], labels[1], kinds=kinds, locs=(a.loc, b.loc))
            return
        self.emit("renamed", "section", a, b, old_h, new_h, heading_ops, kinds=kinds,
                  locs=(a.loc, b.loc), places=([(a.id, a.loc, a.title)], [(b.id, b.loc, b.title)]))


def _cell_place(section: Section, block: Block) -> str | None:
    """A block added or removed that is the one block of its column in a table row read as a
    section, named as the cell it is ("cell in Objective 4 column": an "X" of a matrix row moved to
    another column), not as the column ("removed Objective 4 column" read as a whole column gone);
    None for any other block (labels.block_place names it)."""
    if not block.field or block.type != "paragraph" or block.contents:
        return None
    if sum(1 for other in section.blocks if other.field == block.field) != 1:
        return None
    return f"cell in {column_title(block.field, section.headers)} column"


def _numbered_by_parent(a: Section, b: Section) -> bool:
    """Whether a table row's number changed only as its parent's did, its cells the same: an
    outcome row numbered "2.1" by its place under Objective 2 is "3.1" when "Objective 2" is typed
    "Objective 3", and no word of the row changed. The parent's renumbering is the change."""
    if a.signal != "table-row" or b.signal != "table-row" or a.fields != b.fields:
        return False
    last_a, last_b = LAST_NUMBER.search(a.number or ""), LAST_NUMBER.search(b.number or "")
    return (last_a is not None and last_b is not None and last_a.group() == last_b.group()
            and (a.number or "")[:last_a.start()] != (b.number or "")[:last_b.start()])


def _unlabelled(heading: str, number: str | None) -> str:
    """A heading with the dash or colon that parts its number from its title taken out: Word's
    numbering writes "Output 2.1 –" as the label, a typed heading may put the title on its own
    line; both are one heading."""
    if not number or number not in heading:
        return heading
    at = heading.index(number) + len(number)
    return heading[:at] + " " + LABEL_SEPARATOR.sub("", heading[at:], count=1)


def _typed_label(block: Block) -> str | None:
    """The clause number a paragraph's text opens with ("2.1.5", "3."), None for one Word numbers
    (its label) or none."""
    if block.label:
        return None
    m = TYPED_CLAUSE_NUMBER.match(block.text)
    return m.group(1).rstrip(".)") if m else None


def _depth(number: str | None) -> int:
    """How many levels a section or clause number has: 1 for "3", 3 for "3.1.1" (a trailing dot
    is none)."""
    return (number or "").rstrip(".").count(".") + 1


def _renumbered_clause(old: str | None, new: str | None) -> bool:
    """Whether a typed clause number of several levels changed at the same depth ("2.1.5" made
    "2.1.6", "3.1.1" made "2.1.1"), whatever made it (a clause inserted before it, its parent
    renumbered): every citation of the old number now points elsewhere, a change to show. A
    list's one-level number ("3." made "4."), a number of another depth or none is numbering."""
    return (old is not None and new is not None and old.rstrip(".") != new.rstrip(".")
            and _depth(old) == _depth(new) > 1)


# What may stand before a heading's title as its label: the kind's word, a list or section number
# ("1", "2.1", "IV", "b"), and the punctuation that parts them ("Output 2.1 –", "1.", "(b)").
_HEADING_LABEL = regex(r"\s*(?:[A-Za-z]+\s+)?[(\[]?(?:\d+(?:\.\d+)*|[IVXLC]+|[A-Za-z])?[.):\]]?\s*[–—-]?\s*")


def _label_and_title(heading: str, section: Section) -> bool:
    """Whether `heading` is the section's title with at most a label before it (_HEADING_LABEL),
    whose word, if any, names the section's kind: a Word list's number ("1 Background") or its
    "Output 2.1 –" added or dropped changes how the heading is numbered, not what it says."""
    title = " ".join(section.title.split())
    text = " ".join(heading.split())
    if not title or not text.endswith(title):
        return False
    label = text[:len(text) - len(title)]
    if _HEADING_LABEL.fullmatch(label) is None:
        return False
    parts = label.split(None, 1)
    return not (len(parts) == 2 and parts[0].isalpha() and parts[0].casefold() != kind_label(section.kind).casefold())


def _relabelled(old_h: str, a: Section, new_h: str, b: Section) -> tuple[str, str] | None:
    """The labels before the same title of two headings that differ in them alone ("1." and "2."
    of "1. Background" and "2. Background", a Word list renumbered), None where either has none,
    their numbers are the same ("1." set "1": a label's format, renamed as numbering) or the
    titles differ: what a `renumbered` change names in place of a section number."""
    title_a, title_b = " ".join(a.title.split()), " ".join(b.title.split())
    text_a, text_b = " ".join(old_h.split()), " ".join(new_h.split())
    if not title_a or title_a != title_b or not text_a.endswith(title_a) or not text_b.endswith(title_b):
        return None
    label_a, label_b = text_a[:len(text_a) - len(title_a)].strip(), text_b[:len(text_b) - len(title_b)].strip()
    numbers_a, numbers_b = DIGITS.findall(label_a), DIGITS.findall(label_b)
    return (label_a, label_b) if numbers_a and numbers_b and numbers_a != numbers_b else None


def _heading_words(heading: str, number: str | None) -> list[str]:
    """A heading's words but its section number: what a heading whose title is unchanged can
    still change in its other words ("91 (Rev. Guadalajara, 2010)" made "(Rev. Busan, 2014)")."""
    blank = (number or "").casefold()
    return [w for w in words(heading) if w != blank]


def _renumbered_only(old: str, new: str, old_number: str, new_number: str) -> bool:
    """True when two headings differ only in the section number (already a renumbered change)."""
    return " ".join(old.replace(old_number, new_number).split()) == " ".join(new.split())


def diff_documents(old: Document, new: Document, *, refs: Refs | None = None, locate: Locate | None = None,
                   ignore: frozenset[str] = DEFAULT_IGNORE) -> DiffResult:
    """Compare two revisions; the references each change adds or removes (refs_added/removed) are
    those `locate` finds at its places of each revision, as `trace refs` does, or else those the
    stand-in `refs(text)` reads in its texts; changes that differ only in `ignore`d kinds
    (`ignore.IGNORE_KINDS`) are left out of reports."""
    located = locate(old, new) if locate is not None else None
    origins = (_origins(old), _origins(new)) if locate is not None else None
    old, new, dissolved, dropped = dissolve_headings(old, new)
    ctx = _Context(old, new, refs, dissolved=dissolved, dropped=dropped, located=located, origins=origins)
    sections = align_sections(old, new, ctx.coder, ctx.code, ctx.budget)
    blocks = _BlockPairs()
    alignments = {
        a_id: _align_blocks(ctx, ctx.old_ids[a_id], ctx.new_ids[b_id], blocks)
        for a_id, b_id in sections.old_to_new.items()
    }
    for a_id, merged in alignments.items():
        _regroup_blocks(ctx, ctx.old_ids[a_id], ctx.new_ids[sections.old_to_new[a_id]], merged, blocks)
        _join_splits(ctx, ctx.old_ids[a_id], ctx.new_ids[sections.old_to_new[a_id]], merged, blocks, least=1.0)
    _move_blocks(ctx, sections, blocks)
    for a_id, merged in alignments.items():
        _join_splits(ctx, ctx.old_ids[a_id], ctx.new_ids[sections.old_to_new[a_id]], merged, blocks)
    for a_id, b_id in sections.old_to_new.items():
        _pair_in_place(ctx, ctx.old_ids[a_id], ctx.new_ids[b_id], blocks)
    steps, moved = _merge(ctx, sections, blocks)
    emitter = _Emitter(ctx, sections, blocks)
    for step in _report_order(steps):
        emitter.step(step)
    emitter.finish()
    name_columns(emitter.changes)
    return DiffResult(old=old, new=new, changes=emitter.changes, steps=steps, ignore=ignore, moved=moved, loose=ctx.loose,
                      throughout=throughout(_paired_paragraphs(steps)))


def _paired_paragraphs(steps: list[Step]) -> Iterator[tuple[Block, Block]]:
    """The paragraphs and headings paired in `steps`, old and new (formats.throughout)."""
    for step in steps:
        if step.old is not None and step.new is not None:
            x = step.old.block or step.old.section.heading_block
            y = step.new.block or step.new.section.heading_block
            if x is not None and y is not None:
                yield x, y

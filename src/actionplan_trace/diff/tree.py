"""Aligning the section trees of two revisions.

Children of paired parents are aligned as sequences (`align.align`): siblings of one kind whose
title and content are near-identical under another number pair first (`_twins`: an output
renumbered by one inserted before it), then equal kind, number and title anchor; then sections of one kind pair by title and content similarity, with a bonus for an
equal number or for being the only section of its kind under the parent, so that a renamed
heading, a renumbered output or an edited area keeps its identity. A section a rule names on one
side and a plain heading on the other (its number lost) pairs with it when both title and
content are nearly the same (KIND_LOST). Sections still unpaired are
then offered to a move pass (same kind, similar content), first those whose parent is paired,
then all of them; the children of every new pair are aligned in turn. A title that recurs under
several parents ("Background", "WSIS action lines") names no one section: the move pass pairs
such sections between a removed parent and an added one, which the pairing does not relate, only
when their content is NEAR_IDENTICAL.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Callable

from ..model import Block, Document, Section
from ..record import field, record
from .align import Budget, WordCoder, align, in_order, pair_moves, similarity, work
from .tokens import normalise, words

SECTION_THRESHOLD = 0.5
# A section that a rule names in one revision and only a heading in the other (its number lost, as
# pandoc drops Word's automatic heading numbers) pairs with it when title and content are this alike.
KIND_LOST = 0.9
MOVE_THRESHOLD = 0.7
MOVE_TITLE_THRESHOLD = 0.5
# A title under GENERIC_PARENTS or more parents in a revision is generic: a section so titled moves
# between parents that the pairing does not relate only with content this alike (_may_move).
GENERIC_PARENTS = 2
NEAR_IDENTICAL = 0.9
# Sibling sections' score: LIKENESS times their title's or content's similarity (the higher), plus
# SAME_PLACE when they have the same number or are the only ones of their kind.
LIKENESS = 0.7
SAME_PLACE = 0.3
# The most leftover section pairs of two kinds compared for a move (_kind_lost_moves).
CROSS_KIND_PAIRS = 10_000
MOVE_MIN_WORDS = 4
CONTENT_WORDS = 800
MAX_MOVE_ROUNDS = 8  # each round moves one level deeper; ITU plans nest 3-6 levels


def section_key(section: Section) -> tuple[str, str, str]:
    """Kind, number and formatting-blind title: what makes two sections the same at first sight."""
    return (section.kind, section.number or "", normalise(section.title, section.number))


@record
class SectionPairs:
    """The pairing of two section trees: partner ids both ways and which pairs moved."""

    old_to_new: dict[str, str] = field(default_factory=dict)
    new_to_old: dict[str, str] = field(default_factory=dict)
    moved: set[str] = field(default_factory=set)

    def add(self, old_id: str, new_id: str) -> None:
        self.old_to_new[old_id] = new_id
        self.new_to_old[new_id] = old_id


@record
class _Tree:
    """One document's section tree, with word codes of titles and contents made on demand."""

    doc: Document
    children: dict[str | None, list[Section]]
    by_id: Mapping[str, Section]
    coder: WordCoder
    block_code: Callable[[Block], str]
    titles: dict[str, str] = field(default_factory=dict)
    contents: dict[str, str] = field(default_factory=dict)
    generic: set[tuple[str, str]] | None = None

    def parent(self, section: Section) -> str | None:
        """The section's parent id, None at the top level (orphans count as top level)."""
        return section.parent if section.parent in self.by_id else None

    def generic_title(self, section: Section) -> bool:
        """Whether the section's kind and title recur under GENERIC_PARENTS or more parents."""
        if self.generic is None:
            parents: dict[tuple[str, str], set[str | None]] = defaultdict(set)
            for s in self.doc.sections:
                parents[(s.kind, normalise(s.title, s.number))].add(self.parent(s))
            self.generic = {key for key, under in parents.items() if len(under) >= GENERIC_PARENTS}
        return (section.kind, normalise(section.title, section.number)) in self.generic

    def title(self, sid: str) -> str:
        """The section's formatting-blind title, encoded."""
        if sid not in self.titles:
            s = self.by_id[sid]
            self.titles[sid] = self.coder.encode(words(normalise(s.title, s.number)))
        return self.titles[sid]

    def content(self, sid: str) -> str:
        """The words of the section and its subsections (the first CONTENT_WORDS), encoded."""
        if sid not in self.contents:
            code = "".join(self.block_code(b) for b in self.by_id[sid].blocks)
            for child in self.children.get(sid, ()):
                if len(code) >= CONTENT_WORDS:
                    break
                code += self.content(child.id)
            self.contents[sid] = code[:CONTENT_WORDS]
        return self.contents[sid]


def _tree(doc: Document, coder: WordCoder, block_code: Callable[[Block], str]) -> _Tree:
    """Index a document's sections by id and by parent (orphans count as top level)."""
    by_id = doc.by_id
    children: dict[str | None, list[Section]] = defaultdict(list)
    for s in doc.sections:
        children[s.parent if s.parent in by_id else None].append(s)
    return _Tree(doc, children, by_id, coder, block_code)


def _align_children(
    old: _Tree, new: _Tree, pairs: SectionPairs, start: Sequence[tuple[str | None, str | None]], budget: Budget
) -> None:
    """Align the unpaired children of each parent pair in `start`, and recursively below."""
    stack = list(start)
    while stack:
        old_parent, new_parent = stack.pop()
        olds = [s for s in old.children.get(old_parent, ()) if s.id not in pairs.old_to_new]
        news = [s for s in new.children.get(new_parent, ()) if s.id not in pairs.new_to_old]
        if not olds or not news:
            continue
        for twin_old, twin_new in _twins(old, new, olds, news):
            pairs.add(olds[twin_old].id, news[twin_new].id)
            stack.append((olds[twin_old].id, news[twin_new].id))
        olds = [s for s in olds if s.id not in pairs.old_to_new]
        news = [s for s in news if s.id not in pairs.new_to_old]
        if not olds or not news:
            continue
        old_kinds = Counter(s.kind for s in old.children.get(old_parent, ()))
        new_kinds = Counter(s.kind for s in new.children.get(new_parent, ()))
        old_slots, new_slots = _slots(old.children.get(old_parent, ())), _slots(new.children.get(new_parent, ()))

        def score(i: int, j: int) -> float:
            """How alike two sibling sections are. Of two kinds, they pair only as one section a
            heading's new wording gave another kind (_cross_kind)."""
            a, b = olds[i], news[j]
            if a.kind != b.kind:
                return LIKENESS * _cross_kind(old, new, a, b)
            t = similarity(old.title(a.id), new.title(b.id))
            c = similarity(old.content(a.id), new.content(b.id))
            same_place = (a.number is not None and a.number == b.number) or (
                old_kinds[a.kind] == 1 and new_kinds[b.kind] == 1
            ) or old_slots[a.id] == new_slots[b.id]
            return LIKENESS * max(t, c) + (SAME_PLACE if same_place else 0.0)

        keys_old, keys_new = [section_key(s) for s in olds], [section_key(s) for s in news]
        for i, j in align(keys_old, keys_new, score, SECTION_THRESHOLD, budget):
            if i is not None and j is not None:
                pairs.add(olds[i].id, news[j].id)
                stack.append((olds[i].id, news[j].id))


def _slots(siblings: Sequence[Section]) -> dict[str, tuple[tuple[str, str, str] | None, tuple[str, str, str] | None]]:
    """Each sibling's place among them: the keys (section_key) of the siblings just before and
    after it. Two unnumbered sections in the same place (a matrix row reworded between the same
    two rows) are at the same place as two of one number are."""
    keys = [section_key(s) for s in siblings]
    return {s.id: (keys[k - 1] if k else None, keys[k + 1] if k + 1 < len(keys) else None)
            for k, s in enumerate(siblings)}


def _twins(old: _Tree, new: _Tree, olds: Sequence[Section], news: Sequence[Section]) -> list[tuple[int, int]]:
    """Siblings of one kind whose titles and content are NEAR_IDENTICAL while their numbers
    differ, each the other's only such sibling, and neither with a sibling of its own number and
    title on the other side (of two identical outputs 2.4 and 2.5, the 2.4 kept is 2.4): the same
    section renumbered, as the outputs after one inserted before them are. Paired before the sequence alignment, in which the same-number
    bonus would pair the inserted output with the one whose number it took (a rename) whenever
    their titles share most words ("Products and services on … in the use of
    telecommunications/ICTs")."""
    keys_old, keys_new = [section_key(s) for s in olds], [section_key(s) for s in news]
    anchored = set(keys_old) & set(keys_new)  # kind, number and title on both sides: the alignment's anchors
    found: list[tuple[int, int]] = []
    for i, a in enumerate(olds):
        if keys_old[i] in anchored:
            continue
        for j, b in enumerate(news):
            if (a.kind == b.kind and a.number != b.number and keys_new[j] not in anchored
                    and similarity(old.title(a.id), new.title(b.id)) >= NEAR_IDENTICAL
                    and similarity(old.content(a.id), new.content(b.id)) >= NEAR_IDENTICAL):
                found.append((i, j))
    olds_seen = Counter(i for i, _ in found)
    news_seen = Counter(j for _, j in found)
    return [(i, j) for i, j in found if olds_seen[i] == 1 and news_seen[j] == 1]


def _move_round(
    old: _Tree, new: _Tree, pairs: SectionPairs, anchored_only: bool, cross_tried: set[tuple[frozenset[str], frozenset[str]]],
) -> list[tuple[str, str]]:
    """Pair unpaired sections of one kind whose content moved; returns the new pairs.
    `cross_tried` holds the leftovers _kind_lost_moves was given already: the same leftovers again
    (a round whose new pairs had no unpaired children) would pair none, at quadratic cost."""

    def candidates(tree: _Tree, paired: dict[str, str]) -> list[Section]:
        """Unpaired sections of one side that may have moved."""
        return [
            s for s in tree.doc.sections
            if s.id not in paired
            and (not anchored_only or s.parent is None or s.parent in paired or s.parent not in tree.by_id)
        ]

    work["move-round-scan"] += len(old.doc.sections) + len(new.doc.sections)
    found = _same_under_partners(old, new, pairs, candidates(old, pairs.old_to_new), candidates(new, pairs.new_to_old))
    olds = candidates(old, pairs.old_to_new)
    news = candidates(new, pairs.new_to_old)
    by_kind_new: dict[str, list[Section]] = defaultdict(list)
    for s in news:
        by_kind_new[s.kind].append(s)
    by_kind_old: dict[str, list[Section]] = defaultdict(list)
    for s in olds:
        by_kind_old[s.kind].append(s)
    for kind, old_list in by_kind_old.items():
        new_list = by_kind_new.get(kind, [])
        if not new_list:
            continue
        def allow(i: int, j: int, old_list: list[Section] = old_list, new_list: list[Section] = new_list) -> bool:
            """A likely move: titles alike, and parents that agree unless the title names it (_may_move)."""
            a, b = old_list[i], new_list[j]
            return similarity(old.title(a.id), new.title(b.id)) >= MOVE_TITLE_THRESHOLD and _may_move(old, new, pairs, a, b)

        moves = pair_moves(
            [((section_key(s), old.content(s.id)), old.content(s.id)) for s in old_list],
            [((section_key(s), new.content(s.id)), new.content(s.id)) for s in new_list],
            MOVE_THRESHOLD,
            MOVE_MIN_WORDS,
            allow=allow,
        )
        for i, j in moves:
            a, b = old_list[i], new_list[j]
            pairs.add(a.id, b.id)
            found.append((a.id, b.id))
    rest_old = [s for s in olds if s.id not in pairs.old_to_new]
    rest_new = [s for s in news if s.id not in pairs.new_to_old]
    leftovers = (frozenset(s.id for s in rest_old), frozenset(s.id for s in rest_new))
    if leftovers not in cross_tried:
        cross_tried.add(leftovers)
        found += _kind_lost_moves(old, new, pairs, rest_old, rest_new)
    found += _renumbered_moves(old, new, pairs, rest_old, rest_new)
    return found


def _same_under_partners(old: _Tree, new: _Tree, pairs: SectionPairs, olds: list[Section],
                         news: list[Section]) -> list[tuple[str, str]]:
    """Pair unpaired sections that moved among their siblings as they were: of the same kind,
    number, title and content, under partner parents (or both at the top level), however few
    their words, which the move pass's MOVE_MIN_WORDS would leave out (a matrix row
    "Radiocommunication Assembly | X" moved to the end of its table). One to one, in order."""
    waiting: dict[tuple[object, ...], list[Section]] = defaultdict(list)
    for b in news:
        waiting[(new.parent(b), section_key(b), new.content(b.id))].append(b)
    found: list[tuple[str, str]] = []
    for a in olds:
        parent = old.parent(a)
        if parent is not None and parent not in pairs.old_to_new:
            continue
        same = waiting.get((pairs.old_to_new[parent] if parent is not None else None, section_key(a), old.content(a.id)))
        if same:
            b = same.pop(0)
            pairs.add(a.id, b.id)
            found.append((a.id, b.id))
    return found


def _may_move(old: _Tree, new: _Tree, pairs: SectionPairs, a: Section, b: Section) -> bool:
    """Whether the move pass may pair `a` with `b`. A generic title (_Tree.generic_title) is no
    evidence that two sections are one where nothing else is: between a removed parent and an
    added one they pair only when the pairing of their parents supports it (_parents_agree) or
    their content is NEAR_IDENTICAL. So the "WSIS action lines" of a removed Output 3.4, edited,
    are not moved to an unrelated Output 2.4 added with its own. A section moved out of or into a
    parent both revisions have (an output split or merged), or of a unique title, moves on
    MOVE_THRESHOLD content wherever it went."""
    if not (old.generic_title(a) or new.generic_title(b)) or _parents_agree(old, new, pairs, a, b):
        return True
    a_parent, b_parent = old.parent(a), new.parent(b)
    if (a_parent is not None and a_parent in pairs.old_to_new) or (b_parent is not None and b_parent in pairs.new_to_old):
        return True
    return similarity(old.content(a.id), new.content(b.id)) >= NEAR_IDENTICAL


def _parents_agree(old: _Tree, new: _Tree, pairs: SectionPairs, a: Section, b: Section) -> bool:
    """Whether `a`'s parent is paired with `b`'s parent or an ancestor of it (a heading put above
    `b`), or `b`'s parent with an ancestor of `a`'s (the heading above `a` removed); at the top
    level both."""
    a_parent, b_parent = old.parent(a), new.parent(b)
    if a_parent is None or b_parent is None:
        return a_parent is None and b_parent is None
    return (_ancestor_or_self(new, pairs.old_to_new.get(a_parent), b_parent)
            or _ancestor_or_self(old, pairs.new_to_old.get(b_parent), a_parent))


def _ancestor_or_self(tree: _Tree, ancestor: str | None, sid: str | None) -> bool:
    """Whether section `ancestor` is `sid` or one of the sections above it in `tree`."""
    while ancestor is not None and sid is not None:
        if sid == ancestor:
            return True
        sid = tree.parent(tree.by_id[sid])
    return False


def _renumbered_moves(old: _Tree, new: _Tree, pairs: SectionPairs, olds: list[Section], news: list[Section]) -> list[tuple[str, str]]:
    """Pair a moved section whose number changed and whose subsections differ (their content, which
    `content` counts, then differs): one unpaired section of a kind and title on each side, whose own
    blocks are MOVE_THRESHOLD alike."""
    def by_title(sections: list[Section], paired: dict[str, str]) -> dict[tuple[str, str], list[Section]]:
        out: dict[tuple[str, str], list[Section]] = defaultdict(list)
        for s in sections:
            if s.id not in paired:
                out[(s.kind, normalise(s.title, s.number))].append(s)
        return out

    found: list[tuple[str, str]] = []
    new_titles = by_title(news, pairs.new_to_old)
    for key, old_list in by_title(olds, pairs.old_to_new).items():
        new_list = new_titles.get(key, [])
        if len(old_list) != 1 or len(new_list) != 1 or not key[1]:
            continue
        a, b = old_list[0], new_list[0]
        own_a = "".join(old.block_code(block) for block in a.blocks)
        own_b = "".join(new.block_code(block) for block in b.blocks)
        if (min(len(own_a), len(own_b)) >= MOVE_MIN_WORDS and similarity(own_a, own_b) >= MOVE_THRESHOLD
                and _may_move(old, new, pairs, a, b)):
            pairs.add(a.id, b.id)
            found.append((a.id, b.id))
    return found


def _cross_kind(old: _Tree, new: _Tree, a: Section, b: Section) -> float:
    """How alike two sections of two kinds are, as the same section a heading's new wording moved
    to another rule ("Programme: Cybersecurity" quoted is an area; a lost or restarted number
    makes a plain `heading`): their content's similarity when it holds MOVE_MIN_WORDS words and
    is KIND_LOST alike under titles MOVE_TITLE_THRESHOLD alike, else 0."""
    if similarity(old.title(a.id), new.title(b.id)) < MOVE_TITLE_THRESHOLD:
        return 0.0
    ca, cb = old.content(a.id), new.content(b.id)
    if min(len(ca), len(cb)) < MOVE_MIN_WORDS:
        return 0.0
    c = similarity(ca, cb)
    return c if c >= KIND_LOST else 0.0


def _kind_lost_moves(old: _Tree, new: _Tree, pairs: SectionPairs, olds: list[Section], news: list[Section]) -> list[tuple[str, str]]:
    """Pair a moved section with one of another kind on the other side that is the same section
    (_cross_kind): likest pairs first, each section once. Every pair is compared, so past
    CROSS_KIND_PAIRS leftover pairs (a revision rewritten throughout) none is."""
    if len(olds) * len(news) > CROSS_KIND_PAIRS:
        return []
    work["cross-kind-pairs"] += len(olds) * len(news)
    scored = sorted((-score, i, j) for i, a in enumerate(olds) for j, b in enumerate(news)
                    if a.kind != b.kind and (score := _cross_kind(old, new, a, b)) > 0)
    found: list[tuple[str, str]] = []
    for _, i, j in scored:
        a, b = olds[i], news[j]
        if a.id not in pairs.old_to_new and b.id not in pairs.new_to_old:
            pairs.add(a.id, b.id)
            found.append((a.id, b.id))
    return found


def _mark_moves(old: _Tree, new: _Tree, pairs: SectionPairs) -> None:
    """A pair moved when its parents are not partners, or when it left its siblings' order."""
    by_parents: dict[tuple[str | None, str | None], list[tuple[int, int]]] = defaultdict(list)
    old_pos, new_pos = old.doc.position, new.doc.position
    for a_id, b_id in pairs.old_to_new.items():
        a, b = old.by_id[a_id], new.by_id[b_id]
        a_parent = a.parent if a.parent in old.by_id else None
        b_parent = b.parent if b.parent in new.by_id else None
        if (a_parent is None) != (b_parent is None) or (
            a_parent is not None and pairs.old_to_new.get(a_parent) != b_parent
        ):
            pairs.moved.add(a_id)
        else:
            by_parents[(a_parent, b_parent)].append((old_pos(a_id), new_pos(b_id)))
    for group in by_parents.values():
        keep = in_order(group)
        for i, j in group:
            if (i, j) not in keep:
                pairs.moved.add(old.doc.sections[i].id)


def align_sections(
    old_doc: Document, new_doc: Document, coder: WordCoder, block_code: Callable[[Block], str],
    budget: Budget | None = None,
) -> SectionPairs:
    """Pair the sections of two documents: tree alignment, then moves, then move marking.

    `block_code` gives a block's words encoded with `coder` (the caller caches them).
    """
    old, new = _tree(old_doc, coder, block_code), _tree(new_doc, coder, block_code)
    pairs = SectionPairs()
    budget = budget or Budget()
    _align_children(old, new, pairs, [(None, None)], budget)
    cross_tried: set[tuple[frozenset[str], frozenset[str]]] = set()
    for anchored_only in (True, False):
        for _ in range(MAX_MOVE_ROUNDS):
            found = _move_round(old, new, pairs, anchored_only, cross_tried)
            if not found:
                break
            _align_children(old, new, pairs, found, budget)
    _mark_moves(old, new, pairs)
    return pairs

"""Change records and the diff result every renderer reads.

A `Change` is one amendment: a section added, removed, moved, renamed or renumbered, or a block
(paragraph, list item, table, table row or cell) added, removed, modified or moved. `Step`s are
the two documents merged in reading order (each old item once, each new item once), which the
Word renderer needs to write the whole new revision with revision marks.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..model import Block, Document, Loc, Section
from ..record import brief_repr, field, record, replace
from ..refs.ids import natural_key
from .formats import Restyle, said
from .ignore import DEFAULT_IGNORE, IGNORE_KINDS, MEANINGFUL, NOTHING, PREFERENCE, kept_when_ignored
from .words import Op, readable, word_count

CHANGE_KINDS = ("added", "removed", "modified", "moved", "renamed", "renumbered")


@record
class Change:
    """One amendment, located by the ids of its section in each revision and a title path.

    `path` runs through the new revision (the old one for removals); `path_old` through the old
    revision, and `where` says which part of a section (column, list item, table row) changed:
    both are for reports and stay out of the JSON contract.
    """

    kind: str
    target: str
    section_old: str | None
    section_new: str | None
    path: list[str]
    old: str | None
    new: str | None
    words: list[Op] | None = None
    refs_added: list[str] = field(default_factory=list)
    refs_removed: list[str] = field(default_factory=list)
    refs_revised: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)  # (id, old, new revisions)
    formatting_only: bool = False
    differences: tuple[str, ...] = ()
    where: str | None = None
    path_old: list[str] | None = None
    author: str | None = None
    date: str | None = None
    co_authors: list[str] = field(default_factory=list)  # other authors whose marks in its paragraph it holds
    at_old: str | None = None
    at_new: str | None = None
    loc_new: Loc | None = None  # where `at_new` is, for findings placed at a change (not in the JSON)
    loc_old: Loc | None = None  # where `at_old` is, for the revision marks a change is matched to (not in the JSON)
    # note marks the paragraph gained and lost (diff/marks.py): (note name, the words before the mark)
    marks_added: list[tuple[str | None, str]] = field(default_factory=list)
    marks_removed: list[tuple[str | None, str]] = field(default_factory=list)
    # hyperlinks the paragraph gained and lost (diff/links.py): (the words it is set on, its target)
    links_added: list[tuple[str, str]] = field(default_factory=list)
    links_removed: list[tuple[str, str]] = field(default_factory=list)
    # where the words of links_removed stand in `old` and of links_added in `new` (start, end), for
    # the reports to mark them (not in the JSON)
    link_spans: tuple[list[tuple[int, int]], list[tuple[int, int]]] = field(default_factory=lambda: ([], []))
    # ids of the subsections an added (removed) section holds, added (removed) with it (diff/3)
    subsections: list[str] = field(default_factory=list)
    # the heading of the column added (removed) whole that this cell is part of (diff/columns.py)
    column: str | None = None
    # the changes of the paragraph's formatting that `where` names after its place (diff/formats.py;
    # not in the JSON): a report leaves out those it tells otherwise (DiffResult.shown)
    restyle: tuple[Restyle, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "target": self.target,
            "section": {"old": self.section_old, "new": self.section_new},
            "path": list(self.path),
            "old": self.old,
            "new": self.new,
            "words": [[op, text] for op, text in self.words] if self.words is not None else None,
            "refs_added": list(self.refs_added),
            "refs_removed": list(self.refs_removed),
            "refs_revised": [{"id": ref_id, "old": list(old), "new": list(new)} for ref_id, old, new in self.refs_revised],
            "formatting_only": self.formatting_only,
            "differences": list(self.kinds()) if self.formatting_only else None,
            "at": {"old": self.at_old, "new": self.at_new},
        }
        if self.kind in ("added", "removed") and self.target == "section":
            out["subsections"] = list(self.subsections)
        if self.column is not None:
            out["column"] = self.column
        if self.author is not None:
            out["author"] = self.author
        if self.date is not None:
            out["date"] = self.date
        if self.co_authors:
            out["co_authors"] = list(self.co_authors)
        if self.marks_added or self.marks_removed:
            out["note_marks"] = {side: [{"note": note, "after": before} for note, before in marks]
                                 for side, marks in (("added", self.marks_added), ("removed", self.marks_removed))}
        if self.links_added or self.links_removed:
            out["links"] = {side: [{"text": text, "target": target} for text, target in links]
                            for side, links in (("added", self.links_added), ("removed", self.links_removed))}
        return out

    def kinds(self) -> tuple[str, ...]:
        """The kinds of difference of a change that changed no word ('formatting' if unnamed)."""
        return self.differences or ("formatting",)

    def hidden_kind(self) -> str:
        """The one kind a hidden change is counted under (summary `hidden_by`, which adds up to
        `hidden`): the first of its kinds in ignore.PREFERENCE, the likeliest cause."""
        kinds = self.kinds()
        return next(k for k in (*PREFERENCE, *kinds) if k in kinds)

    def hidden_by(self, ignore: frozenset[str]) -> bool:
        """True when this change changed no word and every kind it differs in is ignored."""
        return self.formatting_only and set(self.kinds()) <= ignore

    def edits_words(self) -> bool:
        """True when this change changes words: it is no change of formatting only, or one of case
        or punctuation, which can change what a sentence says (and count their words)."""
        return not self.formatting_only or bool(MEANINGFUL.intersection(self.kinds()))


@record
class Item:
    """One line of a document in reading order: a section's heading (block None) or a block."""

    section: Section
    block: Block | None = None
    index: int = -1


@record
class RowStep:
    """One row of a merged table: old row, new row, and per-cell word diffs when both exist."""

    old: int | None
    new: int | None
    cells: list[list[Op]] | None = None
    # the old row's cells each new cell's diff reads, when the table gained or lost a column (a
    # new column's cell reads none; a lost one's is read, deleted, by the new cell before it);
    # None: each reads the old cell of its own column
    olds: list[list[int]] | None = None


@record
class Step:
    """One entry of the merged reading order: an old item, a new item, or a pair of them."""

    old: Item | None
    new: Item | None
    words: list[Op] | None = None
    rows: list[RowStep] | None = None


@record
class DiffResult:
    """Everything a renderer needs: both documents, the changes in order, the merged steps, which
    kinds of difference the report leaves out (`ignore.IGNORE_KINDS`), and the items the engine
    paired but the merged order could not keep in place (`moved`: old item, new item; `steps`
    shows each as two one-sided steps). The Word redline marks moves only among these."""

    __repr__ = brief_repr

    old: Document
    new: Document
    changes: list[Change]
    steps: list[Step] = field(default_factory=list)
    ignore: frozenset[str] = DEFAULT_IGNORE
    moved: list[tuple[Item, Item]] = field(default_factory=list)
    loose: bool = False  # a revision is a PDF: its line and cell breaks' white space is white space (ignore.LOOSE_SPACE)
    # changes of formatting made throughout the document, each with the paragraphs that carry it (formats.throughout)
    throughout: list[tuple[Restyle, int]] = field(default_factory=list)

    def visible(self, all_changes: bool = False) -> list[Change]:
        """The changes to report, as reports show them: all of them, or those not hidden by the
        ignored kinds, their edits of an ignored kind read as kept text (`shown`)."""
        return [self.shown(c, all_changes) for c in self.changes if not self.hides(c, all_changes)]

    def ignored(self, all_changes: bool = False) -> frozenset[str]:
        """The kinds of difference a report leaves out: none with `all_changes`."""
        return NOTHING if all_changes else self.ignore

    def hides(self, change: Change, all_changes: bool = False) -> bool:
        """True when the report leaves `change` out: it differs only in ignored kinds."""
        return change.hidden_by(self.ignored(all_changes))

    def shown(self, change: Change, all_changes: bool = False) -> Change:
        """`change` as a report shows it: the parts of its word script that differ only in an
        ignored kind (a bullet glyph, a list number, white space) read as kept text, so that a
        real edit does not show a difference the report hides everywhere else; and the same for
        its place, which names no change of formatting beside its words' when formatting is
        ignored, nor one made throughout the document (`throughout`, which the summary tells once)."""
        change = self.unrestyled(change, all_changes)
        if change.words is None:
            return change
        ops = kept_when_ignored(change.words, self.ignored(all_changes), loose=self.loose)
        return change if ops is change.words else replace(change, words=ops)

    def unrestyled(self, change: Change, all_changes: bool = False) -> Change:
        """`change` with its place naming none of the changes of formatting a report tells
        otherwise: where its words changed too, all of them when formatting is ignored, else
        those made throughout the document. A change of formatting alone names all of its own."""
        if not change.restyle or not change.edits_words() or change.where is None:
            return change
        everywhere = {part for part, _ in self.throughout}
        ignored = "formatting" in self.ignored(all_changes)
        kept = tuple(part for part in change.restyle if not ignored and part not in everywhere)
        if kept == change.restyle:
            return change
        where = change.where.replace(f": {said(change.restyle)}", f": {said(kept)}" if kept else "", 1)
        return replace(change, where=where, restyle=kept)

    def summary(self, all_changes: bool = False) -> dict[str, Any]:
        """Counts of reported changes by kind and target, words inserted/deleted/moved, and hidden
        changes by the kind of difference that hides them."""
        shown = self.visible(all_changes)
        out: dict[str, Any] = {kind: sum(1 for c in shown if c.kind == kind) for kind in CHANGE_KINDS}
        out["formatting_only"] = sum(1 for c in self.changes if c.formatting_only)
        out["hidden"] = len(self.changes) - len(shown)
        out["total"] = len(shown)
        out["sections"] = sum(1 for c in shown if c.target == "section")
        out["blocks"] = len(shown) - out["sections"]
        out["words"] = word_totals(shown)
        out["words"]["moved"] += moved_section_words(self.new, shown)
        hidden = Counter(c.hidden_kind() for c in self.changes if self.hides(c, all_changes))
        out["hidden_by"] = {k: hidden[k] for k in IGNORE_KINDS if hidden[k]}
        out["ignored"] = [k for k in IGNORE_KINDS if k in self.ignore and not all_changes]
        if self.throughout:
            out["throughout"] = [{"formatting": part.what, "old": part.old, "new": part.new, "paragraphs": n}
                                 for part, n in self.throughout]
        return out


def moved_section_words(new: Document, changes: list[Change]) -> int:
    """The words of the sections `changes` move, their subsections' too, as they read in `new`
    (a moved section's change names it, not its text)."""
    moved = [c.section_new for c in changes if c.kind == "moved" and c.target == "section" and c.section_new]
    if not moved:
        return 0
    children: dict[str | None, list[Section]] = {}
    for section in new.sections:
        children.setdefault(section.parent, []).append(section)
    counted: set[str] = set()
    total = 0
    stack = [new.by_id[sid] for sid in moved if sid in new.by_id]
    while stack:
        section = stack.pop()
        if section.id in counted:
            continue
        counted.add(section.id)
        total += sum(word_count(block.text) for block in section.blocks)
        stack.extend(children.get(section.id, ()))
    return total


def word_totals(changes: list[Change]) -> dict[str, int]:
    """Words inserted, deleted and moved by `changes` (a moved and edited text counts its edits too;
    a change of white space, numbering or formatting only none: case and punctuation can change
    what a sentence says, and their words count)."""
    totals = {"inserted": 0, "deleted": 0, "moved": 0}
    for c in changes:
        if c.kind in ("renumbered",) or (c.kind == "moved" and c.target == "section") or (
                c.formatting_only and not MEANINGFUL.intersection(c.kinds())):
            continue  # a change of white space, numbering or formatting alone changes no word
        if c.kind == "moved":
            totals["moved"] += word_count(c.new or "")
        if c.words is not None:
            for op, text in readable(c.words):
                if op != "=":
                    totals["inserted" if op == "+" else "deleted"] += word_count(text)
        elif c.kind == "added":
            totals["inserted"] += word_count(c.new or "")
        elif c.kind == "removed":
            totals["deleted"] += word_count(c.old or "")
    return totals


def _plural(n: int, word: str) -> str:
    """'1 word', '3 words'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(summary: dict[str, Any]) -> str:
    """What the report counts, in words: changes (to sections and to paragraphs/rows), by kind,
    words inserted, deleted and moved, and what the ignored kinds hide."""
    if not summary.get("total"):
        text = "no differences"
    else:
        kinds = ", ".join(f"{summary[kind]} {kind}" for kind in CHANGE_KINDS if summary.get(kind))
        text = (f"{_plural(summary['total'], 'change')} ({_plural(summary.get('sections', 0), 'section')}, "
                + ("1 paragraph, list item or table cell" if summary.get("blocks") == 1 else
                   f"{summary.get('blocks', 0)} paragraphs, list items or table cells") + f"): {kinds}")
    words = summary.get("words") or {}
    if any(words.values()):
        text += (f"; words: {words.get('inserted', 0)} inserted, {words.get('deleted', 0)} deleted, "
                 f"{words.get('moved', 0)} moved")
    if summary.get("hidden"):
        by = summary.get("hidden_by") or {}
        what = ", ".join(k if k != "space" else "white space" for k in by) or "formatting"
        text += f"; {summary['hidden']} more not shown (differ only in {what})"
    if summary.get("throughout"):
        text += f"; formatting changed throughout the document: {_throughout(summary['throughout'])}"
    return text


def _throughout(parts: list[dict[str, Any]]) -> str:
    """The changes of formatting made throughout a document (`summary.throughout`) in words,
    those to the same new formatting told together: "style Heading 3 and List Bullet made Normal
    (54 paragraphs), size 11 pt made 12 pt (16 paragraphs)"."""
    together: dict[tuple[str, Any], list[dict[str, Any]]] = {}
    for part in parts:
        together.setdefault((part["formatting"], part["new"]), []).append(part)
    told = []
    for (what, new), same in together.items():
        first = Restyle(what, same[0]["old"], new)
        one = str(first)
        if len(same) > 1:  # a style or a size, in natural order ("Heading 1, Heading 2"): bold is made or removed
            olds = sorted((first.value(part["old"]) for part in same), key=natural_key)
            one = f"{what} {', '.join(olds[:-1])} and {olds[-1]} made {first.value(new)}"
        told.append(f"{one} ({_plural(sum(part['paragraphs'] for part in same), 'paragraph')})")
    return ", ".join(told)

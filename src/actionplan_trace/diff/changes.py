"""Change records and the diff result every renderer reads.

A `Change` is one amendment: a section added, removed, moved, renamed or renumbered, or a block
(paragraph, list item, table, table row or cell) added, removed, modified or moved. `Step`s are
the two documents merged in reading order (each old item once, each new item once), which the
Word renderer needs to write the whole new revision with revision marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Block, Document, Section
from .words import Op

CHANGE_KINDS = ("added", "removed", "modified", "moved", "renamed", "renumbered")


@dataclass
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
    formatting_only: bool = False
    where: str | None = None
    path_old: list[str] | None = None
    author: str | None = None
    date: str | None = None

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
            "formatting_only": self.formatting_only,
        }
        if self.author is not None:
            out["author"] = self.author
        if self.date is not None:
            out["date"] = self.date
        return out


@dataclass
class Item:
    """One line of a document in reading order: a section's heading (block None) or a block."""

    section: Section
    block: Block | None = None
    index: int = -1


@dataclass
class RowStep:
    """One row of a merged table: old row, new row, and per-cell word diffs when both exist."""

    old: int | None
    new: int | None
    cells: list[list[Op]] | None = None


@dataclass
class Step:
    """One entry of the merged reading order: an old item, a new item, or a pair of them."""

    old: Item | None
    new: Item | None
    words: list[Op] | None = None
    rows: list[RowStep] | None = None


@dataclass
class DiffResult:
    """Everything a renderer needs: both documents, the changes in order, the merged steps."""

    old: Document
    new: Document
    changes: list[Change]
    steps: list[Step] = field(default_factory=list)

    def visible(self, all_changes: bool = False) -> list[Change]:
        """The changes to report: all of them, or those that are not formatting only."""
        return [c for c in self.changes if all_changes or not c.formatting_only]

    def summary(self, all_changes: bool = False) -> dict[str, int]:
        """Counts of reported changes by kind, plus how many formatting-only ones are hidden."""
        shown = self.visible(all_changes)
        out = {kind: sum(1 for c in shown if c.kind == kind) for kind in CHANGE_KINDS}
        out["formatting_only"] = sum(1 for c in self.changes if c.formatting_only)
        out["hidden"] = len(self.changes) - len(shown)
        out["total"] = len(shown)
        return out


def summary_line(summary: dict[str, int]) -> str:
    """'3 added, 1 removed, …' for the kinds that occur; 'no differences' when none do."""
    parts = [f"{summary[kind]} {kind}" for kind in CHANGE_KINDS if summary.get(kind)]
    text = ", ".join(parts) if parts else "no differences"
    if summary.get("hidden"):
        text += f" ({summary['hidden']} formatting-only hidden; --all shows them)"
    return text

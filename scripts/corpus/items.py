"""The logical content of a corpus document, independent of how it is formatted in Word.

A seed is parsed into a list of `Item`s (headings, paragraphs, bullets, tables). Text is held
as `Seg`ments so that one paragraph can mix plain text, tracked insertions/deletions and a
footnote reference; every renderer (heading styles, bold Normal paragraphs, tracked changes)
works from the same items, so the corpus files differ only where intended.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass
class Seg:
    """A run of text; `change` is None, "ins" or "del"; a footnote reference has text ""."""

    text: str
    change: str | None = None
    footnote: str | None = None


@dataclass
class Item:
    """One block of the document.

    `number` is the typed or auto-numbered label (objective "2", output "2.1", clause "1.1");
    `title` holds an output's title segments (the heading line itself is "Output N.M");
    `numbered` marks sub-headings that Word numbers (Background, Implementation framework,
    References); `rows` is a table as rows of cells, each cell a list of items;
    `change` marks the whole paragraph (text and paragraph mark) as inserted or deleted.
    Kinds: cover, abstract-label, pre-heading, roman-item, proposal-item (contribution front
    matter); part, doc-title, section, clause (introduction); objective, output, subheading,
    programme, area, refgroup; para, bullet, indicator (outcome-table cell), table.
    """

    kind: str
    segs: list[Seg] = field(default_factory=list)
    level: int = 0
    number: str | None = None
    title: list[Seg] | None = None
    numbered: bool = False
    rows: list[list[list[Item]]] | None = None
    table: str | None = None
    change: str | None = None
    bookmark: str | None = None
    char: str | None = None

    @property
    def text(self) -> str:
        """Plain text of the segments, tracked deletions included (the union view)."""
        return "".join(s.text for s in self.segs)

    @property
    def title_text(self) -> str:
        return "".join(s.text for s in self.title or [])


def plain(text: str) -> list[Seg]:
    """Segments for untracked text."""
    return [Seg(text)] if text else []


def seg_view(segs: list[Seg], view: str) -> list[Seg]:
    """The segments visible in `view` ("accepted" drops deletions, "original" drops insertions)."""
    drop = "del" if view == "accepted" else "ins"
    return [Seg(s.text, None, s.footnote) for s in segs if s.change != drop]


def item_view(items: list[Item], view: str) -> list[Item]:
    """Items as they read with every change accepted ("accepted") or rejected ("original")."""
    drop = "del" if view == "accepted" else "ins"
    out: list[Item] = []
    for it in items:
        if it.change == drop:
            continue
        rows = None
        if it.rows is not None:
            rows = [[item_view(cell, view) for cell in row] for row in it.rows]
        title = seg_view(it.title, view) if it.title is not None else None
        out.append(replace(it, segs=seg_view(it.segs, view), title=title, rows=rows, change=None))
    return out


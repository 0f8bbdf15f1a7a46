"""How the diff names things: section labels and paths, heading lines, block texts with labels."""

from __future__ import annotations

from ..model import Block, Cell, Section

NO_HEADING_KINDS = ("front-matter",)


def section_label(section: Section) -> str:
    """A short human name for a section: 'Output 2.1 – title', a heading's title, or its kind."""
    title = " ".join(section.title.split())
    if section.number:
        name = f"{section.kind.replace('-', ' ').capitalize()} {section.number}"
        return f"{name} – {title}" if title and title != section.number else name
    return title or section.kind.replace("-", " ").capitalize()


def heading_text(section: Section) -> str | None:
    """The text that opens a section in reading order: its heading, or a short label, or none."""
    if section.heading:
        return section.heading
    if section.kind in NO_HEADING_KINDS:
        return None
    if section.number:
        return f"{section.kind.replace('-', ' ').capitalize()} {section.number}"
    return section.title or None


def block_text(block: Block) -> str:
    """A block's visible text with its list label in front (a tab between, as Word shows it)."""
    return f"{block.label}\t{block.text}" if block.label else block.text


def cell_texts(block: Block) -> list[list[str]]:
    """A table block's cell texts, row by row."""
    rows: list[list[Cell]] = block.rows or []
    return [[c.text for c in row] for row in rows]


def block_place(block: Block) -> str | None:
    """Which part of a section a block is, for reports: its column and list-item or table type."""
    parts = [p for p in (block.field, block.type if block.type not in ("paragraph", "heading") else None) if p]
    return ", ".join(parts) or None

"""Output of `trace extract`: a Rich tree for people, JSON (the extract/2 contract), Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Document, Section
from .jsontext import dumps

if TYPE_CHECKING:
    from rich.tree import Tree

FORMATS = ("tree", "json", "md")


def to_json(doc: Document) -> str:
    """The `actionplan-trace/extract/2` JSON document (see README)."""
    return dumps(doc.to_dict())


def _label(section: Section) -> str:
    from rich.markup import escape

    number = f" {section.number}" if section.number else ""
    short = section.title if len(section.title) <= 90 else section.title[:87].rstrip() + "…"
    title = escape(short) if section.title else "[dim](untitled)[/dim]"
    return f"[bold cyan]{section.kind}[/bold cyan]{number} [white]{title}[/white] [dim]({len(section.blocks)} blocks · {section.id})[/dim]"


def to_tree(doc: Document) -> Tree:
    """A Rich tree of the sections (not their text), headed by source and profile."""
    from rich.markup import escape
    from rich.tree import Tree

    root = Tree(f"[bold]{escape(doc.source.path)}[/bold] [dim]format={doc.source.format} profile={doc.source.profile} view={doc.source.view}[/dim]")
    nodes: dict[str, Tree] = {}
    for section in doc.sections:
        parent = nodes.get(section.parent) if section.parent else None
        nodes[section.id] = (parent or root).add(_label(section))
    return root


def to_markdown(doc: Document) -> str:
    """The document as Markdown: headings by section level, list items as bullets, tables as pipes."""
    lines = [f"<!-- {doc.source.path} · profile {doc.source.profile} · view {doc.source.view} -->", ""]
    for section in doc.sections:
        if section.kind not in ("front-matter",):
            number = f"{section.number} " if section.number and section.number not in section.title else ""
            lines += [f"{'#' * min(section.level, 6)} {number}{section.title or section.kind}".rstrip(), ""]
        for block in section.blocks:
            if block.type == "list-item":
                lines.append(f"- {block.text}")
            elif block.type == "table" and block.rows:
                width = max(len(r) for r in block.rows)
                for i, row in enumerate(block.rows):
                    cells = [c.text.replace("\n", "<br>").replace("|", "\\|") for c in row] + [""] * (width - len(row))
                    lines.append("| " + " | ".join(cells) + " |")
                    if i == 0:
                        lines.append("|" + " --- |" * width)
                lines.append("")
            else:
                prefix = f"**{block.field}:** " if block.field else ""
                lines += [prefix + block.text, ""]
        if lines[-1] != "":
            lines.append("")
    return "\n".join(lines)

"""The terminal diff report: changes grouped by section path, deletions red, insertions green."""

from __future__ import annotations

import io

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from ..diff.changes import Change, DiffResult
from ..diff.words import Op
from .terminal import SafeConsole
from .diff_common import change_title, elide, groups, heading, moved_from, notes, path_text, refs_note, report_summary

DELETED = "red strike"
INSERTED = "bold green"
KIND_STYLE = {
    "added": "green", "removed": "red", "modified": "yellow", "moved": "magenta",
    "renamed": "cyan", "renumbered": "blue",
}


def _words(ops: list[Op], marks: bool) -> Text:
    """A word diff in colour; with `marks`, also bracketed as [-deleted-] and {+inserted+}."""
    text = Text()
    for op, chunk in ops:
        if op == "-":
            text.append(f"[-{chunk}-]" if marks else chunk, style=DELETED)
        elif op == "+":
            text.append(f"{{+{chunk}+}}" if marks else chunk, style=INSERTED)
        else:
            text.append(chunk)
    return text


def _change(change: Change, marks: bool) -> RenderableType:
    """One change: a coloured title line, then its text indented."""
    head = Text()
    head.append(change_title(change), style=KIND_STYLE.get(change.kind, ""))
    said = notes(change)
    if said:
        head.append(f"  ({'; '.join(said)})", style="dim")
    note = refs_note(change)
    if note:
        head.append(f"  {note}", style="bold")
    if change.kind == "renumbered":
        body = Text.assemble((change.old or "", DELETED), " → ", (change.new or "", INSERTED))
    elif change.kind == "moved" and change.target == "section":
        body = Text(moved_from(change), style="dim")
    elif change.kind == "moved":
        text = _words(elide(change.words), marks) if change.words is not None else Text(change.new or "")
        edited = ", edited" if change.words is not None else ""
        body = Text.assemble((f"({moved_from(change)}{edited}) ", "dim"), text)
    elif change.words is not None:
        body = _words(change.words if change.kind == "renamed" else elide(change.words), marks)
    elif change.new is not None:
        body = _words([("+", change.new)], marks)
    else:
        body = _words([("-", change.old or "")], marks)
    return Group(head, Padding(body, (0, 0, 0, 4)))


def to_renderable(result: DiffResult, all_changes: bool = False, marks: bool = False) -> RenderableType:
    """The whole report as one Rich renderable; `marks` brackets edits for readers without colour."""
    parts: list[RenderableType] = [Text(f"trace diff: {heading(result)}", style="bold")]
    for path, changes in groups(result.visible(all_changes)):
        parts.append(Text(""))
        parts.append(Text(path_text(path), style="bold underline"))
        parts.extend(Padding(_change(c, marks), (0, 0, 0, 2)) for c in changes)
    parts.append(Text(""))
    parts.append(Text(f"Summary: {report_summary(result, all_changes)}", style="bold"))
    return Group(*parts)


def to_text(result: DiffResult, all_changes: bool = False, width: int = 120) -> str:
    """The report as plain text (no colour codes, edits bracketed), for files and tests."""
    console = SafeConsole(record=True, width=width, file=io.StringIO(), color_system=None)
    console.print(to_renderable(result, all_changes, marks=True))
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"

"""The terminal diff report: changes grouped by section path, deletions red, insertions green.

Lines are built here, not by Rich's layout: on a terminal they are wrapped to its width with a
hanging indent, and when the output is a pipe or a file (width None) every line is whole, so no
heading is cut, no line is padded and grep sees one change title per line.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from ..diff.changes import Change, DiffResult
from ..diff.words import Op
from .escapes import seen
from .terminal import printable_text
from .diff_common import (
    LINKED, cell_label, change_title, column_cells, groups, heading, linked, location, moved_from, notes, path_text, refs_note, report_summary,
    short_path, shown, with_cells,
)

DELETED = "red strike"
INSERTED = "bold green"
LINK = "underline blue"
KIND_STYLE = {
    "added": "green", "removed": "red", "modified": "dark_goldenrod", "moved": "magenta",
    "renamed": "cyan", "renumbered": "blue",
}
TITLE_INDENT = 2
BODY_INDENT = 6


def _words(ops: list[Op], marks: bool) -> Text:
    """A word diff in colour; with `marks`, also bracketed as [-deleted-] and {+inserted+}; a
    link's words (LINKED) underlined, with `marks` also bracketed as [@linked@] (without colour
    nothing else would show which words a change of links alone is on)."""
    text = Text()
    for op, chunk in ops:
        if op == "-":
            text.append(f"[-{chunk}-]" if marks else chunk, style=DELETED)
        elif op == "+":
            text.append(f"{{+{chunk}+}}" if marks else chunk, style=INSERTED)
        elif op == LINKED:
            text.append(f"[@{chunk}@]" if marks else chunk, style=LINK)
        else:
            text.append(chunk)
    return text


def _title(change: Change) -> Text:
    """A change's title line: kind and place in colour, then notes, source location, references."""
    head = Text()
    head.append(change_title(change), style=KIND_STYLE.get(change.kind, ""))
    said = notes(change)
    at = location(change)
    if at:
        said.append(at)
    if said:
        head.append(f"  ({'; '.join(said)})", style="dim")
    note = refs_note(change)
    if note:
        head.append(f"  {note}", style="bold")
    return head


def _body(change: Change, marks: bool) -> Text:
    """A change's text with its edits marked."""
    if change.kind == "renumbered":
        return Text.assemble((change.old or "", DELETED), " → ", (change.new or "", INSERTED))
    if change.kind == "moved" and change.target == "section":
        return Text(moved_from(change), style="dim")
    if change.kind == "moved":
        text = _words(shown(change.words), marks) if change.words is not None else Text(change.new or "")
        edited = ", edited" if change.words is not None else ""
        return Text.assemble((f"({moved_from(change)}{edited}) ", "dim"), text)
    if (ops := linked(change)) is not None:  # only where links point: the words they are set on
        return _words(ops, marks)
    if change.words is not None:
        return _words(shown(change.words, whole=change.kind == "renamed"), marks)
    if change.new is not None:
        return _words([("+", seen(change.new.replace("\t", " ")))], marks)
    return _words([("-", seen((change.old or "").replace("\t", " ")))], marks)


def _indented(text: Text, indent: int, width: int | None, console: Console | None) -> list[Text]:
    """`text` split at its line breaks, each line indented and, with a width, wrapped to it."""
    out: list[Text] = []
    for line in printable_text(text).split("\n", allow_blank=True):
        if width is None or console is None:
            out.append(Text(" " * indent) + line)
            continue
        for part in line.wrap(console, max(20, width - indent)):
            part.rstrip()
            out.append(Text(" " * indent) + part)
    return out


def report_lines(result: DiffResult, all_changes: bool = False, marks: bool = False,
                 width: int | None = None) -> list[Text]:
    """The report as styled lines; `width` wraps them (None: one whole line per line of text)."""
    console = Console(width=width, file=None, color_system=None) if width is not None else None
    lines = _indented(Text(f"trace diff: {heading(result)}", style="bold"), 0, width, console)
    visible = result.visible(all_changes)
    cells = column_cells(visible)
    for path, changes in groups(visible, cells):
        lines.append(Text(""))
        lines += _indented(Text(path_text(short_path(path), width), style="bold underline"), 0, width, console)
        for change in changes:
            lines += _indented(_title(change), TITLE_INDENT, width, console)
            if change.old or change.new:  # blank paragraphs added or removed have no text to show
                lines += _indented(_body(change, marks), BODY_INDENT, width, console)
            for cell in cells.get(id(change), ()):  # a column added or removed: each of its cells
                line = Text.assemble((f"{cell_label(change, cell)}: ", "dim"), _body(cell, marks))
                if said := "; ".join(p for p in (*notes(cell), refs_note(cell)) if p):
                    line.append(f"  ({said})", style="dim")
                lines += _indented(line, BODY_INDENT, width, console)
    lines.append(Text(""))
    lines += _indented(Text(f"Summary: {report_summary(result, all_changes)}", style="bold"), 0, width, console)
    return lines


def print_report(result: DiffResult, console: Console, all_changes: bool = False, marks: bool | None = None) -> None:
    """Print the report: wrapped to a terminal's width, whole lines (no padding) anywhere else."""
    width = console.width if console.is_terminal else None
    for line in report_lines(result, all_changes, console.no_color or console.color_system is None
                             if marks is None else marks, width):
        console.print(line, soft_wrap=True, crop=False)


def stat_lines(result: DiffResult, all_changes: bool = False, width: int | None = None) -> list[Text]:
    """`--stat`: one line per changed section (changes and words +/−), then the summary."""
    from ..diff.changes import word_totals

    lines: list[Text] = []
    visible = result.visible(all_changes)
    cells = column_cells(visible)
    for path, heads in groups(visible, cells):
        changes = with_cells(heads, cells)
        words = word_totals(changes)
        line = Text(f"{len(changes):>3} change{'s' if len(changes) != 1 else ' '} ")
        line.append(f"{'+' + str(words['inserted']):>5}", style="green")
        line.append(f" {'−' + str(words['deleted']):>5}  ", style="red")
        line.append(path_text(short_path(path), None if width is None else max(20, width - 24)))
        lines.append(line)
    lines.append(Text(f"Summary: {report_summary(result, all_changes)}", style="bold"))
    return lines


def print_stat(result: DiffResult, console: Console, all_changes: bool = False) -> None:
    """Print the `--stat` lines (whole lines when not on a terminal)."""
    width = console.width if console.is_terminal else None
    for line in stat_lines(result, all_changes, width):
        console.print(line, soft_wrap=True, crop=False)


def to_text(result: DiffResult, all_changes: bool = False, width: int | None = None) -> str:
    """The report as plain text (edits bracketed), for files and tests; wrapped only to a `width`."""
    return "".join(line.plain.rstrip() + "\n" for line in report_lines(result, all_changes, True, width))

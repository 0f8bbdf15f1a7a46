"""The diff as Markdown for a pull-request comment: deletions in <del>, insertions in <ins>.

GitHub renders both tags (struck through, underlined) wherever they stand, where `~~` and `**`
fail next to punctuation ('interoperability**, effective**' is not bold in CommonMark).
"""

from __future__ import annotations

import html

from ..diff.changes import CHANGE_KINDS, Change, DiffResult
from ..diff.words import Op
from ..regexcache import regex
from .diff_common import (
    LINKED, cell_label, change_title, column_cells, groups, heading, linked, location, moved_from, notes, path_text, refs_note, report_summary,
    short_path, shown, with_cells,
)
from .escapes import seen

SPECIAL = regex(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: str) -> str:
    """Text with Markdown punctuation escaped and line breaks kept as breaks."""
    return SPECIAL.sub(r"\\\1", text).replace("\n", "<br>")


def _wrap(text: str, tag: str) -> str:
    """`<tag>`…`</tag>` around the non-blank core of `text`, keeping its outer white space outside."""
    core = text.strip()
    if not core:
        return " "
    start = text.index(core[0])
    return f"{text[:start]}<{tag}>{escape(core)}</{tag}>{text[start + len(core):]}"


def words(ops: list[Op]) -> str:
    """A word diff as inline Markdown; a link's words (LINKED) in bold."""
    out = []
    for op, text in ops:
        if op == "-":
            out.append(_wrap(text, "del"))
        elif op == "+":
            out.append(_wrap(text, "ins"))
        elif op == LINKED:
            out.append(_wrap(text, "b"))
        else:
            out.append(escape(text))
    return "".join(out)


def _change(change: Change, cells: list[Change] | None = None) -> str:
    """One change as a Markdown list item; a column added or removed whole with its `cells`
    under it, an item each."""
    label = f"**{change_title(change)}**"
    said = notes(change)
    if location(change):
        said.append(location(change))
    ref = refs_note(change)
    if ref:
        said.append(f"`{ref}`")
    if said:
        label += f" ({'; '.join(said)})"
    items = [f"- {label}: {_text(change)}"]
    for cell in cells or ():
        said = [*notes(cell), *([f"`{refs_note(cell)}`"] if refs_note(cell) else [])]
        place = f"_{escape(cell_label(change, cell))}_" + (f" ({'; '.join(said)})" if said else "")
        items.append(f"  - {place}: {_text(cell)}")
    return "\n".join(items)


def _text(change: Change) -> str:
    """A change's text with its edits marked."""
    if change.kind == "renumbered":
        body = f"{_wrap(change.old or '', 'del')} → {_wrap(change.new or '', 'ins')}"
    elif change.kind == "moved" and change.target == "section":
        body = escape(moved_from(change))
    elif change.kind == "moved":
        text = words(shown(change.words)) if change.words is not None else escape(change.new or "")
        body = f"_{escape(moved_from(change))}{', edited' if change.words is not None else ''}_: {text}"
    elif (ops := linked(change)) is not None:  # only where links point: the words they are set on
        body = words(ops)
    elif change.words is not None:
        body = words(shown(change.words, whole=change.kind == "renamed"))
    elif change.new is not None:
        body = _wrap(seen(change.new), "ins")
    else:
        body = _wrap(seen(change.old or ""), "del")
    return body


COMMENT_LIMIT = 65_536  # characters GitHub accepts in one pull-request comment
ROOM = 2_000  # kept free for the closing note


def _table(result: DiffResult, all_changes: bool) -> list[str]:
    """The summary as a Markdown table: changes by kind, words, and what is not shown."""
    summary = result.summary(all_changes)
    rows = [(kind, summary[kind]) for kind in CHANGE_KINDS if summary.get(kind)]
    rows += [(f"words {k}", v) for k, v in (summary.get("words") or {}).items()]
    if summary.get("hidden"):
        rows.append(("not shown (no word changed)", summary["hidden"]))
    return ["| changes | count |", "| --- | ---: |"] + [f"| {name} | {n} |" for name, n in rows]


def _group(path: list[str], changes: list[Change], cells: dict[int, list[Change]]) -> str:
    """One section's changes, collapsible: the path as the summary line, the changes inside (a
    column added or removed whole counted by its cells, each a change of the JSON)."""
    total = len(with_cells(changes, cells))
    count = f"{total} change{'s' if total != 1 else ''}"
    head = f"<details><summary><b>{html.escape(path_text(short_path(path)))}</b> ({count})</summary>"
    return "\n".join([head, ""] + [_change(c, cells.get(id(c))) for c in changes] + ["", "</details>"])


def _brief(path: list[str], changes: list[Change]) -> str:
    """One section's changes as a single line, its words left out: the path and the changes by
    kind ("2 added, 1 modified")."""
    kinds: dict[str, int] = {}
    for change in changes:
        kinds[change.kind] = kinds.get(change.kind, 0) + 1
    counted = ", ".join(f"{n} {kind}" for kind, n in kinds.items())
    return f"- **{escape(path_text(short_path(path)))}**: {counted}"


def to_markdown(result: DiffResult, all_changes: bool = False, limit: int = COMMENT_LIMIT) -> str:
    """The report as Markdown for a pull-request comment: a title, the summary and its table, then
    one collapsible block per section. When the blocks would pass GitHub's comment limit, those
    that no longer fit are listed a line each (the section and its changes by kind, no words),
    so that every section is named, its additions as much as its removals; only sections past
    room for even that line are left out, and counted. A closing note says what is shortened."""
    lines = [f"## trace diff: {escape(heading(result, names_only=True))}", "", f"**Summary:** {report_summary(result, all_changes)}", ""]
    lines += _table(result, all_changes)
    out = "\n".join(lines) + "\n"
    visible = result.visible(all_changes)
    cells = column_cells(visible)
    grouped = groups(visible, cells)
    every = [with_cells(changes, cells) for _, changes in grouped]
    briefs = [_brief(path, every[n]) + "\n" for n, (path, _) in enumerate(grouped)]
    after = sum(map(len, briefs))  # the lines of the sections not yet placed
    budget = limit - ROOM
    brief_count = 0
    for n, (path, changes) in enumerate(grouped):
        after -= len(briefs[n])
        block = "\n" + _group(path, changes, cells) + "\n"
        if len(out) + len(block) + after <= budget:
            out += block
            continue
        if len(out) + len(briefs[n]) > budget:
            rest = grouped[n:]
            left = sum(len(c) for c in every[n:])
            out += (f"\n_{len(rest)} more section{'s' if len(rest) != 1 else ''} ({left} change{'s' if left != 1 else ''})"
                    " not shown: a pull-request comment holds at most 65,536 characters._\n")
            return out
        out += ("\n" if not brief_count else "") + briefs[n]
        brief_count += 1
    if brief_count:
        out += (f"\n_{brief_count} section{'s' if brief_count != 1 else ''} listed without {'their' if brief_count != 1 else 'its'}"
                " words: a pull-request comment holds at most 65,536 characters (`--format html` shows them all)._\n")
    return out

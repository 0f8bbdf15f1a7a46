"""The diff as Markdown for a pull-request comment: deletions ~~struck~~, insertions **bold**."""

from __future__ import annotations

import re

from ..diff.changes import Change, DiffResult
from ..diff.words import Op
from .diff_common import change_title, shown, groups, heading, moved_from, notes, path_text, refs_note, report_summary

SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: str) -> str:
    """Text with Markdown punctuation escaped and line breaks kept as breaks."""
    return SPECIAL.sub(r"\\\1", text).replace("\n", "<br>")


def _wrap(text: str, mark: str) -> str:
    """`mark`…`mark` around the non-blank core of `text`, keeping its outer white space outside."""
    core = text.strip()
    if not core:
        return " "
    start = text.index(core[0])
    return f"{text[:start]}{mark}{escape(core)}{mark}{text[start + len(core):]}"


def words(ops: list[Op]) -> str:
    """A word diff as inline Markdown."""
    out = []
    for op, text in ops:
        if op == "-":
            out.append(_wrap(text, "~~"))
        elif op == "+":
            out.append(_wrap(text, "**"))
        else:
            out.append(escape(text))
    return "".join(out)


def _change(change: Change) -> str:
    """One change as a Markdown list item."""
    label = f"**{change_title(change)}**"
    said = notes(change)
    ref = refs_note(change)
    if ref:
        said.append(f"`{ref}`")
    if said:
        label += f" ({'; '.join(said)})"
    if change.kind == "renumbered":
        body = f"~~{escape(change.old or '')}~~ → **{escape(change.new or '')}**"
    elif change.kind == "moved" and change.target == "section":
        body = escape(moved_from(change))
    elif change.kind == "moved":
        text = words(shown(change.words)) if change.words is not None else escape(change.new or "")
        body = f"_{escape(moved_from(change))}{', edited' if change.words is not None else ''}_: {text}"
    elif change.words is not None:
        body = words(shown(change.words, whole=change.kind == "renamed"))
    elif change.new is not None:
        body = _wrap(change.new, "**")
    else:
        body = _wrap(change.old or "", "~~")
    return f"- {label}: {body}"


def to_markdown(result: DiffResult, all_changes: bool = False) -> str:
    """The report as Markdown: a title, the summary, then one heading per section path."""
    lines = [f"## trace diff: {escape(heading(result))}", "", f"**Summary:** {report_summary(result, all_changes)}"]
    for path, changes in groups(result.visible(all_changes)):
        lines += ["", f"### {escape(path_text(path))}", ""]
        lines += [_change(c) for c in changes]
    return "\n".join(lines) + "\n"

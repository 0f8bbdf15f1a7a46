"""What the diff renderers share: grouping changes by section path, trimming unchanged context."""

from __future__ import annotations

from ..diff.changes import Change, DiffResult, summary_line
from ..diff.words import Op

CONTEXT = 60


def groups(changes: list[Change]) -> list[tuple[list[str], list[Change]]]:
    """Consecutive changes that share a section path, as (path, changes) in report order."""
    out: list[tuple[list[str], list[Change]]] = []
    for change in changes:
        if out and out[-1][0] == change.path:
            out[-1][1].append(change)
        else:
            out.append((change.path, [change]))
    return out


def elide(ops: list[Op], context: int = CONTEXT) -> list[Op]:
    """The word diff with long unchanged stretches cut to `context` characters around edits."""
    out: list[Op] = []
    last = len(ops) - 1
    for n, (op, text) in enumerate(ops):
        if op != "=" or len(text) <= 2 * context + 1:
            out.append((op, text))
            continue
        head = text[:context].rsplit(" ", 1)[0] + " " if n > 0 else ""
        tail = " " + text[-context:].split(" ", 1)[-1] if n < last else ""
        out.append(("=", f"{head}…{tail}"))
    return out


def change_title(change: Change) -> str:
    """A short label for a change: its kind and what it applies to ('modified list-item')."""
    what = change.where or ("section" if change.target == "section" else "paragraph")
    if change.target == "section":
        return f"{change.kind} section"
    return f"{change.kind} {what}"


def notes(change: Change) -> list[str]:
    """What to say beside a change: formatting only, and who made it when (revision marks)."""
    out = ["formatting only"] if change.formatting_only else []
    if change.author or change.date:
        out.append(" ".join(p for p in (change.author, change.date) if p))
    return out


def refs_note(change: Change) -> str:
    """'refs +WTDC-RES-85 −SDG-9.c', or '' when the change moves no reference."""
    parts = [f"+{r}" for r in change.refs_added] + [f"−{r}" for r in change.refs_removed]
    return f"refs {' '.join(parts)}" if parts else ""


def moved_from(change: Change) -> str:
    """'from Output 2.2 › Background' for a moved change ('' when it stayed in its section)."""
    if change.path_old is None or (change.target == "block" and change.path_old == change.path):
        return "within its section" if change.target == "block" else ""
    return f"from {path_text(change.path_old)}"


def heading(result: DiffResult) -> str:
    """'old → new' file names for report titles."""
    old, new = result.old.source, result.new.source
    if old.path == new.path:
        return f"{old.path} ({old.view} → {new.view})" if old.view != new.view else old.path
    return f"{old.path} → {new.path}"


def report_summary(result: DiffResult, all_changes: bool) -> str:
    """The one-line summary of a report; says so when a single .docx has no revision marks to diff."""
    line = summary_line(result.summary(all_changes))
    old, new = result.old, result.new
    if old.source.path == new.source.path and old.source.view != new.source.view and not new.revisions:
        line += " (the file has no revision marks)"
    return line


def path_text(path: list[str], limit: int = 48) -> str:
    """A section path on one line, each title cut to `limit` characters."""
    cut = [p if len(p) <= limit else p[: limit - 1].rstrip() + "…" for p in path]
    return " › ".join(cut) if cut else "(document)"

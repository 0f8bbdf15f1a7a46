"""`trace diff` as library calls: compare two files (or one revision-marked .docx), render, write.

Exit codes follow diff(1): 0 when nothing is reported, 1 when changes are reported; trouble is
raised as a project exception (the CLI turns it into exit 2). Files are written atomically, so
an error never leaves a partial output file.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.console import Console

from ..errors import UsageError
from ..output import write_atomic
from ..render.terminal import SafeConsole
from .changes import DiffResult
from .engine import Refs, diff_documents
from .ignore import DEFAULT_IGNORE
from .revisions import attribute

FORMATS = ("text", "json", "md", "html", "docx")


def reference_finder() -> Refs | None:
    """`text -> set of canonical reference ids` from the normaliser, or None if it is absent."""
    try:
        from ..refs.find import find_refs
    except ImportError:
        return None

    def refs(text: str) -> set[str]:
        """Canonical ids of the references in `text`."""
        found, _ = find_refs(text)
        return {r.id for r in found}

    return refs


def compare(
    old_path: str | Path,
    new_path: str | Path | None = None,
    *,
    profile: Any = None,
    refs: Refs | None = None,
    ignore: frozenset[str] = DEFAULT_IGNORE,
) -> DiffResult:
    """Diff two files, or one .docx's original view against its accepted view when `new_path` is None."""
    from .. import load

    if new_path is None:
        old = load(old_path, profile=profile, view="original")
        if old.source.format != "docx":
            raise UsageError(f"{old_path}: a single file must be a .docx with revision marks; give two files")
        new = load(old_path, profile=profile or old.source.profile, view="accepted")
        result = diff_documents(old, new, refs=refs, ignore=ignore)
        attribute(result.changes, old, new)
        return result
    old = load(old_path, profile=profile)
    new = load(new_path, profile=profile)
    return diff_documents(old, new, refs=refs, ignore=ignore)


def render(result: DiffResult, fmt: str, *, all_changes: bool = False, author: str = "trace",
           date: datetime | None = None, notes: list[str] | None = None) -> str | bytes:
    """The report in `fmt` (text, json, md, html, docx) as text, or bytes for docx (its notes added to `notes`)."""
    if fmt == "text":
        from ..render.diff_text import to_text

        return to_text(result, all_changes)
    if fmt == "json":
        from ..render.diff_json import to_json

        return to_json(result, all_changes)
    if fmt == "md":
        from ..render.diff_md import to_markdown

        return to_markdown(result, all_changes)
    if fmt == "html":
        from ..render.diff_html import to_html

        return to_html(result, all_changes)
    if fmt == "docx":
        from ..render.redline import word_report

        data, said = word_report(result, author=author, date=date, formatting=all_changes)
        if notes is not None:
            notes.extend(said)
        return data
    raise UsageError(f"unknown diff format {fmt!r} (one of {', '.join(FORMATS)})")


def run_diff(
    old_path: str | Path,
    new_path: str | Path | None = None,
    fmt: str = "text",
    out: str | Path | None = None,
    all_changes: bool = False,
    author: str = "trace",
    profile: Any = None,
    console: Console | None = None,
    date: datetime | None = None,
    ignore: frozenset[str] = DEFAULT_IGNORE,
    mode: str = "report",
) -> int:
    """Compare, render and write (to `out`, else to `console`/stdout); 0 no changes, 1 changes.

    `mode` "stat" prints the summary only and "quiet" prints nothing (the exit code says it all).
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown diff format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "docx" and out is None and mode == "report":
        raise UsageError("--format docx writes a Word file: give -o/--output FILE.docx")
    result = compare(old_path, new_path, profile=profile, refs=reference_finder(), ignore=ignore)
    code = 1 if result.visible(all_changes) else 0
    console = console or SafeConsole(highlight=False)
    if mode == "quiet":
        return code
    if mode == "stat":
        from ..render.diff_text import print_stat

        print_stat(result, console, all_changes)
        return code
    if out is not None:
        notes: list[str] = []
        write_atomic(render(result, fmt, all_changes=all_changes, author=author, date=date, notes=notes), Path(out),
                     [p for p in (old_path, new_path) if p is not None])
        for note in notes:
            sys.stderr.write(f"trace: {note}\n")
    elif fmt == "text":
        from ..render.diff_text import print_report

        print_report(result, console, all_changes)
    else:
        data = render(result, fmt, all_changes=all_changes, author=author)
        console.file.write(data if isinstance(data, str) else data.decode())
    return code

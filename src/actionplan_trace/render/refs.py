"""Output of `trace refs`: a table for people, JSON (the refs/2 contract), CSV."""

from __future__ import annotations

import csv
import io

from rich.console import Group
from rich.table import Table

from ..errors import UsageError
from ..refs.types import RefReport
from .jsonrows import dumps_rows
from .terminal import SafeConsole

FORMATS = ("table", "json", "csv")
CSV_COLUMNS = (
    "record", "id", "family", "number", "rev", "text", "source", "section", "loc", "code", "severity", "message",
)


def to_json(report: RefReport) -> str:
    """The `actionplan-trace/refs/2` JSON document (see README), one reference or finding a line."""
    head = report.to_dict(rows=False)
    return dumps_rows({**head, "refs": (r.to_dict() for r in report.refs),
                       "findings": (f.to_dict() for f in report.findings)})


def to_csv(report: RefReport) -> str:
    """One CSV: a `ref` row per reference, then a `finding` row per finding."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in report.refs:
        writer.writerow(["ref", r.id, r.family, r.number, str(r.rev) if r.rev else "", r.text, r.source or "",
                         r.section or "", str(r.loc), "", "", ""])
    for f in report.findings:
        writer.writerow(["finding", f.ref or "", "", "", "", f.text or "", f.source or "", f.section or "",
                         str(f.loc), f.code, f.severity, f.message])
    return out.getvalue()


def to_table(report: RefReport) -> Group:
    """Rich tables: references (id, family, revision, text, where), then findings."""
    refs = Table(title=f"{len(report.refs)} references", show_lines=False, expand=False)
    for name in ("id", "family", "rev", "text", "source", "section", "loc"):
        refs.add_column(name, overflow="fold")
    for r in report.refs:
        refs.add_row(r.id, r.family, str(r.rev) if r.rev else "", r.text, r.source or "", r.section or "", str(r.loc))
    findings = Table(title=f"{len(report.findings)} findings", expand=False)
    for name in ("code", "severity", "message", "section", "loc"):
        findings.add_column(name, overflow="fold")
    for f in report.findings:
        findings.add_row(f.code, f.severity, f.message, f.section or "", str(f.loc))
    return Group(refs, findings)


def to_text(report: RefReport, width: int = 200) -> str:
    """The table rendering as plain text (for files and pipes)."""
    console = SafeConsole(record=True, width=width, file=io.StringIO(), color_system=None)
    console.print(to_table(report))
    return console.export_text()


def render_refs(report: RefReport, fmt: str = "table") -> str:
    """`report` in one of FORMATS."""
    if fmt == "json":
        return to_json(report)
    if fmt == "csv":
        return to_csv(report)
    if fmt == "table":
        return to_text(report)
    raise UsageError(f"unknown refs format {fmt!r} (one of {', '.join(FORMATS)})")

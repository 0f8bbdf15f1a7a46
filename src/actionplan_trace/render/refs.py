"""Output of `trace refs`: a table for people, JSON (the refs/2 contract), CSV."""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Iterable, Iterator

from ..errors import UsageError
from ..findings import Finding, finding_order
from ..model import Loc
from ..refs.types import Reference, RefReport, Rev
from ..output import encode as utf8
from .jsonrows import dumps_rows_utf8, encode_row
from .escapes import printable

if TYPE_CHECKING:
    from rich.console import Group

FORMATS = ("table", "json", "csv")
CSV_COLUMNS = (
    "record", "id", "family", "number", "rev", "text", "source", "section", "loc", "code", "severity", "message",
)


def to_json(report: RefReport) -> bytes:
    """The `actionplan-trace/refs/2` JSON document (see README), one reference or finding a line,
    as the writer writes it: UTF-8 bytes (`utf8`), each row made of pieces encoded once."""
    head = report.to_dict(rows=False)
    locs: LocRows = {}  # shared: a finding about a reference carries the reference's Loc
    return dumps_rows_utf8({**head, "refs": reference_rows(report.refs, locs),
                       "findings": finding_rows(report.findings, locs)}, encoded=("refs", "findings"))


LocRows = dict[int, tuple[Loc, str]]
"""Locations' rows (loc_row) by the location's id, each with the location, which it keeps alive
(so that the id stays its own): the references of one text share their Loc."""


def _loc_row(locs: LocRows, loc: Loc) -> str:
    """loc_row(loc), kept in `locs`."""
    kept = locs.get(id(loc))
    if kept is None or kept[0] is not loc:
        kept = locs[id(loc)] = loc, loc_row(loc)
    return kept[1]


def reference_rows(refs: Iterable[Reference], locs: LocRows | None = None) -> Iterator[bytes]:
    """Each reference as `utf8(encode_row(ref.to_dict()))` writes it, assembled from pieces: a report
    may hold half a million references, and their revisions, sources, sections and locations
    repeat, so each of those is encoded once rather than built into a dict per reference. A row
    is a head (id, family, number, text and revision) and a tail (source, section, location,
    field): the same citation recurs all over a document, and the references of one text share
    their tail, so each distinct head and tail is encoded once too, and made UTF-8 bytes then (and
    each location: `locs`, which finding_rows may share)."""
    # Loc and Rev are keyed by identity (frozen, and all alive in the report while this runs):
    # hashing a dataclass costs more than encoding it, and references of one text share them.
    # A Rev not seen yet may equal one that was (each list's qualifier is parsed anew).
    locs = {} if locs is None else locs
    revs: dict[int | None, str] = {None: "null"}  # by rev_key
    equal_revs: dict[Rev | None, str] = {}
    names = Names()
    heads: dict[tuple[str, str, str, str, int | None], bytes] = {}
    tails: dict[tuple[int, str | None, str | None, str | None], bytes] = {}
    # A text's references lie together and share their place (the same loc, section, source and
    # field objects), so a reference whose place objects are the previous one's takes its tail
    # without a key being built: `is` on all four proves the tail's key is the same.
    loc: Loc | None = None
    source = section = field = None
    tail = b""
    for r in refs:
        # Most references have no revision: keyed by None, they spare a call of id().
        rev_key = None if r.rev is None else id(r.rev)
        if (head := heads.get((r.id, r.family, r.number, r.text, rev_key))) is None:
            if (rev := revs.get(rev_key)) is None:
                if (rev := equal_revs.get(r.rev)) is None:
                    rev = equal_revs[r.rev] = encode_row(r.rev.to_dict() if r.rev else None)
                revs[rev_key] = rev
            head = heads[r.id, r.family, r.number, r.text, rev_key] = utf8(
                f'{{"id": {encode_basestring(r.id)}, "family": {encode_basestring(r.family)}, '
                f'"number": {encode_basestring(r.number)}, "text": {encode_basestring(r.text)}, "rev": {rev}')
        if r.loc is not loc or r.section is not section or r.field is not field or r.source is not source:
            loc, source, section, field = r.loc, r.source, r.section, r.field
            tail = tails.get((id(loc), source, section, field)) or _tail(tails, names, locs, loc, source, section, field)
        yield head + tail


def finding_rows(findings: Iterable[Finding], locs: LocRows | None = None) -> Iterator[bytes]:
    """Each finding as `utf8(encode_row(f.to_dict()))` writes it, assembled from pieces as a
    reference's row is (reference_rows): the JSON encoder's set-up for a finding's dict and its location's
    cost three times the writing of the row (some 25,000 instructions a finding), and a report's
    findings share their codes, severities, messages, quoted texts, files, sections, references
    and locations (`locs`: most are those of references, see to_json), each encoded once. An
    object of another class than Finding (which may write itself otherwise) is written by
    encode_row."""
    locs = {} if locs is None else locs
    names = Names()
    for f in findings:
        if type(f) is not Finding:
            yield utf8(encode_row(f.to_dict()))
            continue
        yield utf8(f'{{"code": {names[f.code]}, "severity": {names[f.severity]}, "message": {names[f.message]}, '
                   f'"ref": {names[f.ref]}, "source": {names[f.source]}, "section": {names[f.section]}, '
                   f'"loc": {_loc_row(locs, f.loc)}, "text": {names[f.text]}}}')


class Names(dict[str | None, str]):
    """Names' and texts' encoded values (encode_row's: a source, a section, a finding's code or
    message…) by the name, each encoded when first asked for: a name found costs a dict look-up
    and no Python call."""

    def __missing__(self, name: str | None) -> str:
        row = self[name] = encode_basestring(name) if type(name) is str else encode_row(name)
        return row


def _tail(tails: dict[tuple[int, str | None, str | None, str | None], bytes], names: Names, locs: LocRows,
          loc: Loc, source: str | None, section: str | None, field: str | None) -> bytes:
    """A row's encoded tail (source, section, location, field) in UTF-8, kept in `tails` under its
    key; its location's row kept in `locs` for the findings (a text's tails mostly differ by
    location)."""
    field_row = f', "field": {encode_basestring(field)}' if field else ""
    place = loc_row(loc)
    locs[id(loc)] = loc, place
    tail = tails[id(loc), source, section, field] = utf8(
        f', "source": {names[source]}, "section": {names[section]}, "loc": {place}{field_row}}}')
    return tail


def loc_row(loc: Loc) -> str:
    """`encode_row(loc.to_dict())`, written here: a report has a location per text read, and the
    JSON encoder's set-up for a dict of two or three numbers cost more than the writing. The items
    are to_dict's (the fields set, in order); an int is written as JSON writes it (`int.__repr__`),
    anything else (a note's id) by encode_row itself."""
    return "{" + ", ".join([f'"{k}": {v!r}' if type(v) is int else f'"{k}": {encode_row(v)}'
                            for k, v in loc.__dict__.items() if v is not None]) + "}"


def to_csv(report: RefReport) -> str:
    """One CSV: a `ref` row per reference, then a `finding` row per finding."""
    import csv  # only this writer needs them: a JSON run does without
    import io

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
    """Rich tables: references (id, family, revision, text, file, section, where), then findings
    (code, severity, message, file, section, where); the place is worded as to_lines words it
    (counted from 1), and a finding names its file, as several files' findings share places."""
    from rich.console import Group
    from rich.table import Table

    refs = Table(title=f"{len(report.refs)} references", show_lines=False, expand=False)
    for name in ("id", "family", "rev", "text", "source", "section", "loc"):
        refs.add_column(name, overflow="fold")
    for r in report.refs:
        refs.add_row(r.id, r.family, str(r.rev) if r.rev else "", r.text, r.source or "", r.section or "",
                     _place(r.loc))
    findings = Table(title=f"{len(report.findings)} findings", expand=False)
    for name in ("code", "severity", "message", "source", "section", "loc"):
        findings.add_column(name, overflow="fold")
    for f in sorted(report.findings, key=finding_order):
        findings.add_row(f.code, f.severity, f.message, f.source or "", f.section or "", _place(f.loc))
    return Group(refs, findings)


TABLE_WIDTH = 140


def _place(loc: Loc) -> str:
    """Where in its file: 'page 3', 'paragraph 82' (counted from 1), 'line 12' (with the table row of a
    cell), 'footnote 1' for a .docx note, 'page 2, footnote 1' for a PDF's."""
    if loc.page is not None:
        out = f"page {loc.page}" + (f", footnote {loc.footnote}" if loc.footnote is not None else "")
    elif loc.line is not None:
        out = f"line {loc.line}"
    elif loc.paragraph is not None:
        out = f"paragraph {loc.paragraph + 1}"  # counted from 1, as diff's places are
    elif loc.footnote is not None:  # a .docx note: 'footnote 1', 'endnote 2' by the note's id in the file
        kind, _, number = loc.footnote.rpartition("-")
        out = f"{kind or 'footnote'} {number}"
    else:
        out = ""
    return f"{out}, row {loc.row + 1}" if loc.row is not None and out else out


def to_lines(report: RefReport) -> str:
    """One reference or finding per line, under a line naming each file: for pipes, logs and
    narrow terminals, where a table would break ids and paths across lines.

        corpus/objective2-new.docx: 138 references
          PP-RES-32      resolution  paragraph 82  “PP Resolutions 32”  [output-2.1/references-resolutions]
    """
    lines: list[str] = []
    by_source: dict[str, list[Reference]] = {}
    for r in report.refs:
        by_source.setdefault(r.source or "", []).append(r)
    width = max((len(r.id) for r in report.refs), default=0)
    fam = max((len(r.family) for r in report.refs), default=0)
    for source, refs in by_source.items():
        lines.append(f"{source}: {len(refs)} reference{'s' if len(refs) != 1 else ''}")
        for r in refs:
            rev = f" {r.rev}" if r.rev else ""
            section = f"  [{r.section}]" if r.section else ""
            lines.append(f"  {r.id.ljust(width)}  {r.family.ljust(fam)}  {_place(r.loc)}  “{r.text}”{rev}{section}")
    findings = sorted(report.findings, key=finding_order)
    lines.append(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}")
    for f in findings:
        where = ", ".join(p for p in (f.source or "", _place(f.loc)) if p)
        section = f"  [{f.section}]" if f.section else ""
        lines.append(f"  {where}: {f.severity} {f.code} {f.message}{section}")
    return printable("\n".join(line.rstrip() for line in lines) + "\n")


def to_text(report: RefReport, width: int = 200) -> str:
    """The report for files and pipes: one record per line."""
    return to_lines(report)


def render_refs(report: RefReport, fmt: str = "table") -> str | bytes:
    """`report` in one of FORMATS (json as UTF-8 bytes, see to_json)."""
    if fmt == "json":
        return to_json(report)
    if fmt == "csv":
        return to_csv(report)
    if fmt == "table":
        return to_text(report)
    raise UsageError(f"unknown refs format {fmt!r} (one of {', '.join(FORMATS)})")

"""Plain-text reports of `trace validate` and `trace check`, one finding per line.

    corpus/contribution-tdag.docx (paragraph 13) error VAL003 Proposal 3: … [proposals]

Text files are located by line ("file:42"), .docx by paragraph, PDF by page; the last line
counts findings by severity (and, for check, files, cache hits and baselined findings).
"""

from __future__ import annotations

import textwrap

from ..findings import Finding, finding_order
from ..validate.check import CheckReport
from ..validate.contribution import ValidationReport
from ..validate.findings import counts
from .escapes import one_line, printable


def where(f: Finding) -> str:
    """"file:line" for text files, "file (paragraph N)" for .docx (N from 1), "file (page N)" for PDF."""
    path = f.source or ""
    line = text_line(f)
    if line is not None:
        return f"{path}:{line}"
    at = page_or_paragraph(f)
    return f"{path} ({at})" if at else path


def text_line(f: Finding) -> int | None:
    """The line of a text file a finding is on, None for a .docx or PDF finding (a PDF's lines
    count within its page, not the file)."""
    return f.loc.line if f.loc.line is not None and f.loc.page is None else None


def page_or_paragraph(f: Finding) -> str | None:
    """"page N" of a PDF or "paragraph N" of a .docx (counted from 1, as diff's places are) where a
    finding is, with the table row of a cell ("paragraph 12, row 3": a proposals table's rows are
    its proposals), None when it has neither."""
    if f.loc.page is not None:
        at = f"page {f.loc.page}"
    elif f.loc.paragraph is not None:
        at = f"paragraph {f.loc.paragraph + 1}"
    else:
        return None
    return at if f.loc.row is None else f"{at}, row {f.loc.row + 1}"


def finding_line(f: Finding) -> str:
    """One finding on one line, whatever its file's name or message holds (escapes.one_line)."""
    section = f" [{f.section}]" if f.section else ""
    return one_line(f"{where(f)} {f.severity} {f.code} {f.message}{section}")


def _tally(findings: list[Finding]) -> str:
    c = counts(findings)
    return ", ".join(f"{n} {name}{'s' if n != 1 and name != 'info' else ''}" for name, n in c.items())


def validate_text(report: ValidationReport) -> str:
    """The validation report: the two documents, each proposal and where it lands, the findings."""
    # as many marks as the JSON's summary.revisions; those on a paragraph mark alone said apart
    marks = len(report.revisions)
    bare = marks - sum(1 for r in report.revisions if r.revision.text.strip())
    lines = [
        f"contribution: {one_line(report.contribution.path)} (profile {report.contribution.profile}, "
        f"{marks} revision mark{'' if marks == 1 else 's'} in the amended text"
        f"{f', {bare} of them on a paragraph mark alone' if bare else ''})",
        f"base:         {one_line(report.base.path)} (profile {report.base.profile})",
        "",
        f"Proposals ({len(report.proposals)})",
    ]
    by_number: dict[str, list[str]] = {}
    created = {(p.number, n) for p in report.proposals for n in p.new_outputs}
    for res in report.resolutions:
        if res.elsewhere:
            landed = f"heading found elsewhere ({res.elsewhere}); covers {res.section}"
        elif res.section is None and res.output_section is None:
            landed = "new output" if (res.proposal, res.output) in created else f"{res.kind} not in the base"
        else:
            landed = res.section or f"new heading under {res.output_section}"
            if res.score is not None:
                landed += f" ({res.score:.0f}%)"
        by_number.setdefault(res.proposal, []).append(f"{res.kind.capitalize()} {res.output} → {landed}")
    for p in report.proposals:
        heading = f" under “{p.heading}”" if p.heading else ""
        places = ([f"Output {n}" for n in p.outputs] + [f"Outcome {n}" for n in p.outcomes]
                  + [f"Objective {n}" for n in p.objectives])
        outputs = " and ".join(places) or "(no output)"
        what = f"“{p.old}” with “{p.new}”" if p.action == "replace" and p.old and p.new else p.text
        lines.append(f"  {p.number}. {outputs}{heading}: {p.action or '(no action)'} {what}".rstrip())
        lines += [f"       {line}" for line in by_number.get(p.number, [])]
    lines += ["", f"Findings ({len(report.findings)})"]
    lines += [f"  {finding_line(f)}" for f in report.findings] or ["  none"]
    lines += ["", _tally(report.findings)]
    return printable("\n".join(lines) + "\n")


def check_text(report: CheckReport) -> str:
    """The check report: one line per new finding (by file, then page/paragraph), then a summary line."""
    new = report.new
    lines = [finding_line(f) for f in sorted(new, key=finding_order)]
    lines += [one_line(f"{s.path}: skipped, {s.reason}") for s in report.skipped]
    cached = sum(1 for f in report.files if f.cached)
    summary = f"{len(report.files)} file{'s' if len(report.files) != 1 else ''} checked ({cached} from cache): {_tally(new)}"
    if report.skipped:
        summary += f"; {len(report.skipped)} skipped"
    baselined = len(report.findings) - len(new)
    if baselined:
        summary += f"; {baselined} already in the baseline"
    if report.failed:
        summary += f" — failing (--fail-on {report.fail_on})"
    lines += ["", summary] if lines else [summary]
    return printable("\n".join(lines) + "\n")


def wrapped(text: str, width: int) -> str:
    """`text` with each line longer than `width` wrapped, its continuation lines indented under
    its own text, for a terminal: a file or pipe gets one finding a line (grep, diff), a reader at
    a terminal lines that do not run past its edge. Words are not broken (a path stays whole)."""
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        lead = len(line) - len(line.lstrip(" "))
        out.extend(textwrap.wrap(line, width, subsequent_indent=" " * (lead + 4),
                                 break_long_words=False, break_on_hyphens=False) or [line])
    return "\n".join(out)

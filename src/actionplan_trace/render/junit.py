"""JUnit XML for CI dashboards: one testsuite per checked file, one testcase per finding.

A finding at or above the failing severity that is not in the baseline is a `failure`; one in
the baseline is `skipped`; a finding below the threshold passes with its message in
`system-out`. A file without findings has one passing testcase, so every file shows up.

A testcase's name is what identifies it from run to run on a dashboard, so it holds no place
that moves when text is inserted above: code, section and message (and a count for a repeat of
the same three); the place — "line 10", "paragraph 102", "page 3" — opens the case's body.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..findings import Finding
from .findings_text import page_or_paragraph, text_line
from ..validate.findings import at_least
from .escapes import xml_text as _clean


def _where(f: Finding) -> str:
    """Where a finding is, as the text output names it: "line 10", "page 3", "paragraph 102"."""
    line = text_line(f)
    return f"line {line}" if line is not None else page_or_paragraph(f) or ""


def to_junit(files: list[str], findings: list[Finding], fail_on: str, states: list[str] | None = None) -> str:
    """The JUnit XML document (a string) for `findings` over `files`."""
    root = ET.Element("testsuites", name="actionplan-trace")
    by_file: dict[str, list[tuple[Finding, str]]] = {path: [] for path in files}
    for i, f in enumerate(findings):
        by_file.setdefault(f.source or "", []).append((f, states[i] if states is not None else "new"))
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for path, items in by_file.items():
        suite = ET.SubElement(root, "testsuite", name=_clean(path), errors="0")
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        if not items:
            ET.SubElement(suite, "testcase", classname=_clean(path), name="no findings")
            counts["tests"] = 1
        named: dict[str, int] = {}
        for f, state in items:
            name = f"{f.code} [{f.section}] {f.message}" if f.section else f"{f.code} {f.message}"
            named[name] = named.get(name, 0) + 1
            if named[name] > 1:
                name += f" ({named[name]})"
            case = ET.SubElement(suite, "testcase", classname=_clean(path), name=_clean(name))
            counts["tests"] += 1
            at = f"{_where(f)}: " if _where(f) else ""
            if state != "new":
                ET.SubElement(case, "skipped", message=_clean(f"{at}recorded in the baseline"))
                counts["skipped"] += 1
            elif at_least(f.severity, fail_on):
                failure = ET.SubElement(case, "failure", message=_clean(f.message), type=f"{f.code} ({f.severity})")
                failure.text = _clean(at + (f.text or f.message))
                counts["failures"] += 1
            else:
                ET.SubElement(case, "system-out").text = _clean(f"{at}{f.severity}: {f.message}")
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

"""JUnit XML for CI dashboards: one testsuite per checked file, one testcase per finding.

A finding at or above the failing severity that is not in the baseline is a `failure`; one in
the baseline is `skipped`; a finding below the threshold passes with its message in
`system-out`. A file without findings has one passing testcase, so every file shows up.
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
        for f, state in items:
            name = f"{f.code} {f.section or ''} {_where(f)}".strip()
            case = ET.SubElement(suite, "testcase", classname=_clean(path), name=_clean(name))
            counts["tests"] += 1
            if state != "new":
                ET.SubElement(case, "skipped", message="recorded in the baseline")
                counts["skipped"] += 1
            elif at_least(f.severity, fail_on):
                failure = ET.SubElement(case, "failure", message=_clean(f.message), type=f"{f.code} ({f.severity})")
                failure.text = _clean(f.text or f.message)
                counts["failures"] += 1
            else:
                ET.SubElement(case, "system-out").text = _clean(f"{f.severity}: {f.message}")
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

"""SARIF 2.1.0 output of `trace check` and `trace validate`, for GitHub code scanning and other
static-analysis dashboards.

One run, tool driver "actionplan-trace" with every finding code as a rule (short description,
help, default level); one result per finding with its rule, level, message, file, line (text
files only: .docx paragraphs and PDF pages are given as properties instead) and the section as a
logical location; `partialFingerprints` carry the line-independent fingerprint, `baselineState`
the baseline comparison when there was one.
"""

from __future__ import annotations

import os
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from ..regexcache import regex
from ..version import package_version
from ..findings import FindingRule
from ..findings import Finding
from ..validate.findings import SARIF_LEVEL, fingerprint
from .jsontext import dumps

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
WINDOWS_ABSOLUTE = regex(r"^(?:[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+)")  # a drive path (C:\plans) or a UNC share


def _uri(path: str) -> str:
    """`path` as the URI reference SARIF requires: a file: URI when absolute, else relative, each
    percent-encoded ("my contrib #1.md" is "my%20contrib%20%231.md", not a fragment). A name's
    bytes that are not UTF-8 (kept as `\\udcXX` escapes) are encoded as those bytes ("%FF"); a
    backslash parts folders only where it is the system's separator (on Linux "a\\b.txt" is one
    file, "a%5Cb.txt")."""
    if WINDOWS_ABSOLUTE.match(path):  # a drive or UNC path: file:///C:/plans/x.docx, file://server/share/x.docx
        return PureWindowsPath(path).as_uri()
    posix = path.replace(os.sep, "/") if os.sep != "/" else path
    if posix.startswith("/"):
        return PurePosixPath(posix).as_uri()
    return quote(posix.encode("utf-8", "surrogateescape"), safe="/")


def _location(f: Finding) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(f.source or "")}}
    if f.loc.line is not None and f.loc.page is None:
        physical["region"] = {"startLine": f.loc.line}
    location: dict[str, Any] = {"physicalLocation": physical}
    if f.section:
        location["logicalLocations"] = [{"fullyQualifiedName": f.section, "kind": "section"}]
    return location


def to_sarif(findings: list[Finding], table: dict[str, FindingRule], states: list[str] | None = None) -> str:
    """The SARIF 2.1.0 log (a JSON string) for `findings`; `states` are their baseline states."""
    codes = sorted(set(table) | {f.code for f in findings})
    index = {code: i for i, code in enumerate(codes)}
    rules = []
    for code in codes:
        rule = table.get(code)
        title = rule.title if rule else code
        rules.append({
            "id": code,
            "name": "".join(w.capitalize() for w in title.replace("-", " ").split()),
            "shortDescription": {"text": title},
            "fullDescription": {"text": rule.help if rule and rule.help else title},
            "defaultConfiguration": {"level": SARIF_LEVEL.get(rule.severity if rule else "warning", "warning")},
        })
    artifacts = sorted({f.source for f in findings if f.source})
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "actionplan-trace", "version": package_version(), "rules": rules}},
            "artifacts": [{"location": {"uri": _uri(a)}} for a in artifacts],
            "results": [],
        }],
    }
    head = dumps(log)
    if not findings:
        return head
    # Each result is written as it is made and put in the log's place for them, indented as a
    # whole dump would indent it: a log of 214,000 results took 1.3 GB made whole, its dicts and
    # three copies of its text held at once.
    at = head.rindex(_NO_RESULTS)
    parts = [head[:at], '"results": [\n']
    for i, f in enumerate(findings):
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": SARIF_LEVEL.get(f.severity, "warning"),
            "message": {"text": f.message},
            "locations": [_location(f)],
            "partialFingerprints": {"actionplanTrace/v1": fingerprint(f)},
        }
        props = {k: v for k, v in f.loc.to_dict().items() if k != "line" or f.loc.page is not None}
        if f.section:
            props["section"] = f.section
        if f.ref:
            props["ref"] = f.ref
        if props:
            result["properties"] = props
        if states is not None:
            result["baselineState"] = states[i]
        if i:
            parts.append(",\n")
        parts.append(_RESULT_INDENT + dumps(result)[:-1].replace("\n", "\n" + _RESULT_INDENT))
    parts.append("\n" + _RESULT_INDENT[:-2] + "]" + head[at + len(_NO_RESULTS):])
    return "".join(parts)


_NO_RESULTS = '"results": []'  # the empty results as the log is dumped, where they are put
_RESULT_INDENT = " " * 8  # a result's depth in the log: runs[0].results[i]

"""Finding codes and severities, read from rules/findings.yml so that severities are data."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


from ..errors import ProfileError
from ..findings import SEVERITIES, Finding, FindingRule, Severity
from ..rulefiles import RULES_DIR, read_yaml
from .types import Reference, RefContext

FINDINGS_FILE = RULES_DIR / "findings.yml"
CROSS_DOCUMENT_CODES = {"REF009": "trace refs and trace graph give it", **dict.fromkeys(
    ("TRC001", "TRC002", "TRC003", "TRC004"), "trace graph gives it")}
"""The findings that compare the documents of one run, each with the commands that give it over
the files they are given: REF009 (graph.cross_check) from `trace refs` and `trace graph`, the
joins of the graph (trc.py) from `trace graph` only. Never `check` or `validate`, which judge each
file alone (a pre-commit hook naming the staged files and CI naming the folder must give a file
one verdict, and its cache entry and fingerprints are the file's own)."""


def load_findings(path: Path = FINDINGS_FILE, overrides: Path | None = None) -> dict[str, FindingRule]:
    """The finding table; `overrides` is a user YAML file that may change severities."""
    table = _read(path)
    if overrides is not None:
        for code, entry in _read_raw(overrides).items():
            if code not in table:
                raise ProfileError(f"{overrides}: unknown finding code {code}")
            severity = entry.get("severity", table[code].severity) if isinstance(entry, dict) else str(entry)
            if severity not in SEVERITIES:
                raise ProfileError(f"{overrides}: {code}: severity must be one of {', '.join(SEVERITIES)}")
            table[code] = FindingRule(code, table[code].title, severity, table[code].help)
    return table


def _read_raw(path: Path) -> dict:
    data = read_yaml(path, "findings table")
    if not isinstance(data, dict):
        raise ProfileError(f"{path}: findings table must be a mapping of codes")
    return data


@lru_cache(maxsize=8)
def _cached(path: Path) -> tuple[FindingRule, ...]:
    out = []
    for code, entry in _read_raw(path).items():
        if not isinstance(entry, dict) or entry.get("severity") not in SEVERITIES:
            raise ProfileError(f"{path}: {code}: needs a severity among {', '.join(SEVERITIES)}")
        out.append(FindingRule(str(code), str(entry.get("title", code)), entry["severity"], str(entry.get("help", ""))))
    return tuple(out)


def _read(path: Path) -> dict[str, FindingRule]:
    return {rule.code: rule for rule in _cached(path)}


@lru_cache(maxsize=1)
def _default_table() -> dict[str, FindingRule]:
    """rules/findings.yml's table, made once for every finding made without a table of its own (a
    document's run makes thousands); only read, never changed (load_findings gives a copy to change)."""
    return _read(FINDINGS_FILE)


def finding(
    code: str,
    message: str,
    ctx: RefContext,
    *,
    ref: str | None = None,
    text: str | None = None,
    table: dict[str, FindingRule] | None = None,
) -> Finding:
    """A Finding with the severity the table gives `code`, placed where the context says."""
    return Finding(code=code, severity=severity_of(code, table), message=message, ref=ref, source=ctx.source,
                   section=ctx.section, loc=ctx.loc, text=text)


def about(ref: Reference, code: str, message: str, table: dict[str, FindingRule] | None = None) -> Finding:
    """A finding about one reference, placed where the reference is. Made from the reference
    itself, not through a RefContext of its place (a frozen record, which costs a finding about
    a reference four times what the finding itself costs to make)."""
    return Finding(code=code, severity=severity_of(code, table), message=message, ref=ref.id, source=ref.source,
                   section=ref.section, loc=ref.loc, text=ref.text)


def severity_of(code: str, table: dict[str, FindingRule] | None = None) -> Severity:
    """The severity `table` (else rules/findings.yml) gives `code`; a ProfileError for a code it lacks."""
    rules = table if table is not None else _default_table()
    if code not in rules:
        raise ProfileError(f"{FINDINGS_FILE}: no finding code {code}")
    return rules[code].severity

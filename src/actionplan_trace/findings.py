"""Findings: what every check (refs, validate, check) reports, with a stable code and a severity.

The codes, titles and severities themselves are data (rules/findings*.yml, documented in the
README); this module holds only the vocabulary every layer and renderer shares.
"""

from __future__ import annotations

from typing import Any, Literal, TypeGuard, get_args

from .model import Loc
from .record import field as dc_field, record

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)


def is_severity(value: object) -> TypeGuard[Severity]:
    """Whether `value` (say, from a configuration file) names a severity."""
    return value in SEVERITIES


@record(frozen=True)
class FindingRule:
    """One finding code: its title, severity and a line of help."""

    code: str
    title: str
    severity: Severity
    help: str


@record
class Finding:
    """Something a reader should know about a document; `code` is stable (REF001, VAL001, CHK001 …)."""

    code: str
    severity: Severity
    message: str
    ref: str | None = None
    source: str | None = None
    section: str | None = None
    loc: Loc = dc_field(default_factory=Loc)
    text: str | None = None

    def __reduce__(self) -> tuple[type[Finding], tuple[Any, ...]]:
        """Pickled as its fields, loaded by `__init__` (see `Loc.__reduce__`)."""
        return Finding, (self.code, self.severity, self.message, self.ref, self.source, self.section, self.loc, self.text)

    def to_dict(self) -> dict[str, Any]:
        """The finding as the JSON outputs write it: every key always there, `text` null when the
        finding quotes nothing (a file-level finding once left the key out, and a CI script reading
        `f["text"]` failed on it), `loc` empty when it concerns the whole file."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "ref": self.ref,
            "source": self.source,
            "section": self.section,
            "loc": self.loc.to_dict(),
            "text": self.text,
        }


def finding_order(f: Finding) -> tuple[str, int, int, int, int, str, str]:
    """The one order of findings, in every report and output: by file, then page, line or
    paragraph, table row, then code and message. (The JSON, SARIF and JUnit outputs of `trace
    check` sorted a PDF's findings by line before page, against the text and GitHub outputs.)"""
    loc = f.loc
    return (f.source or "", loc.page or 0, loc.line or 0, loc.paragraph or 0, loc.row or 0, f.code, f.message)


"""Finding codes of `trace validate` (VAL…) and `trace check` (CHK…), and the one Finding type.

The codes, titles and severities are data (rules/findings-validate.yml, read by the normaliser's
loader so both tables share one format); findings are the normaliser's `Finding` objects, so a
reference finding and a structure finding travel through the same renderers. A fingerprint
identifies a finding without its line or paragraph number, so a baseline survives edits that only
shift text up or down.
"""

from __future__ import annotations

import re

from ..digest import sha256
from ..errors import UsageError
from ..model import Loc
from ..record import fields
from ..rulefiles import RULES_DIR
from ..findings import SEVERITIES, FindingRule
from ..refs.findings import CROSS_DOCUMENT_CODES, FINDINGS_FILE, load_findings
from ..findings import Finding

VALIDATE_FINDINGS = RULES_DIR / "findings-validate.yml"
RANK = {"error": 3, "warning": 2, "info": 1}
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_LOC_FIELDS = frozenset(f.name for f in fields(Loc))


def finding_table() -> dict[str, FindingRule]:
    """Every finding code `check` and `validate` can give: the normaliser's (REF…) but for those
    comparing documents (CROSS_DOCUMENT_CODES), which neither runs, and ours (VAL…, CHK…). So the
    SARIF driver lists no rule the run cannot give, and `[rules]` takes no code it would ignore."""
    table = {code: rule for code, rule in load_findings(FINDINGS_FILE).items() if code not in CROSS_DOCUMENT_CODES}
    table.update(load_findings(VALIDATE_FINDINGS))
    return table


def make(
    code: str,
    message: str,
    *,
    source: str | None,
    section: str | None = None,
    loc: Loc | None = None,
    text: str | None = None,
    ref: str | None = None,
    table: dict[str, FindingRule] | None = None,
) -> Finding:
    """A Finding with the severity the table gives `code`."""
    rules = table if table is not None else finding_table()
    if code not in rules:
        raise UsageError(f"no finding code {code} in {VALIDATE_FINDINGS.name} or {FINDINGS_FILE.name}")
    return Finding(code=code, severity=rules[code].severity, message=message, ref=ref, source=source,
                   section=section, loc=loc or Loc(), text=text)


def check_severity(value: str, where: str) -> str:
    """`value` if it is a severity name, else a UsageError naming `where`."""
    if value not in SEVERITIES:
        raise UsageError(f"{where}: severity must be one of {', '.join(SEVERITIES)}, not {value!r}")
    return value


def at_least(severity: str, threshold: str) -> bool:
    """True when `severity` is as serious as `threshold` or more."""
    return RANK.get(severity, 0) >= RANK[threshold]


def counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each severity."""
    out: dict[str, int] = {s: 0 for s in SEVERITIES}
    for f in findings:
        out[f.severity] = out.get(f.severity, 0) + 1
    return out


def fold(text: str | None) -> str:
    """Text with white space collapsed and case folded, for comparing paragraphs."""
    return re.sub(r"\s+", " ", text or "").strip().casefold()


def excerpt(text: str, limit: int = 90) -> str:
    """The start of a text on one line, cut with an ellipsis, for messages."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fingerprint(finding: Finding, path: str | None = None) -> str:
    """A stable id for a finding: code, file, section, reference and text, never line or paragraph.

    Digits are dropped from the message so that "paragraph 97" moving to "paragraph 98" keeps the
    fingerprint; the section id and the quoted text still tell findings apart.
    """
    message = re.sub(r"\d+", "#", fold(finding.message)) if not finding.text else ""
    parts = [finding.code, (path or finding.source or "").replace("\\", "/"), finding.section or "",
             finding.ref or "", fold(finding.text), message]
    return sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:24]


def finding_from_dict(data: dict) -> Finding:
    """Rebuild a Finding from its JSON form (the cache stores findings as JSON)."""
    loc = Loc(**{k: v for k, v in (data.get("loc") or {}).items() if k in _LOC_FIELDS})
    return Finding(code=data["code"], severity=data["severity"], message=data["message"], ref=data.get("ref"),
                   source=data.get("source"), section=data.get("section"), loc=loc, text=data.get("text"))

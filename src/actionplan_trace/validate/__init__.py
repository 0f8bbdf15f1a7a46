"""Contribution validation (`trace validate`) and CI checks (`trace check`).

    report = validate("contribution.docx", "action-plan.docx")    # ValidationReport
    report.findings, report.failed, report.to_dict()               # schema actionplan-trace/validate/3
    proposals = parse_proposals(load("contribution.docx"))          # [Proposal(number, outputs, heading, action, text)]
    config = load_config(None, set(finding_table()))                # trace.toml / [tool.trace]
    result = run_check([Path("plans")], config, baseline=Path("trace-baseline.json"))  # CheckReport

The names are imported from their modules on first use: `trace refs` reads a contribution's
proposals (`created_outputs_known`) without loading the checker, its cache and its workers.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .check import CHECK_SCHEMA, CheckReport, FileResult, collect_files, run_check, save_baseline
    from .config import CheckConfig, load_config
    from .contribution import VALIDATE_SCHEMA, Resolution, ValidationReport, validate, validate_documents
    from .findings import finding_table, fingerprint
    from .proposals import Proposal, parse_proposal, parse_proposals

_MODULE_OF = {
    **dict.fromkeys(("CHECK_SCHEMA", "CheckReport", "FileResult", "collect_files", "run_check", "save_baseline"), "check"),
    **dict.fromkeys(("CheckConfig", "load_config"), "config"),
    **dict.fromkeys(("VALIDATE_SCHEMA", "Resolution", "ValidationReport", "validate", "validate_documents"), "contribution"),
    **dict.fromkeys(("finding_table", "fingerprint"), "findings"),
    **dict.fromkeys(("Proposal", "parse_proposal", "parse_proposals"), "proposals"),
}


def __getattr__(name: str) -> Any:
    """A public name, from its module (imported on first use)."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)


__all__ = [
    "CHECK_SCHEMA", "VALIDATE_SCHEMA", "CheckConfig", "CheckReport", "FileResult", "Proposal", "Resolution",
    "ValidationReport", "collect_files", "finding_table", "fingerprint", "load_config", "parse_proposal",
    "parse_proposals", "run_check", "save_baseline", "validate", "validate_documents",
]

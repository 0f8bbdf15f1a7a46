"""Contribution validation (`trace validate`) and CI checks (`trace check`).

    report = validate("contribution.docx", "action-plan.docx")    # ValidationReport
    report.findings, report.failed, report.to_dict()               # schema actionplan-trace/validate/2
    proposals = parse_proposals(load("contribution.docx"))          # [Proposal(number, outputs, heading, action, text)]
    config = load_config(None, set(finding_table()))                # trace.toml / [tool.trace]
    result = run_check([Path("plans")], config, baseline=Path("trace-baseline.json"))  # CheckReport
"""

from __future__ import annotations

from .check import CHECK_SCHEMA, CheckReport, FileResult, collect_files, run_check, save_baseline
from .config import CheckConfig, load_config
from .contribution import VALIDATE_SCHEMA, Resolution, ValidationReport, validate, validate_documents
from .findings import finding_table, fingerprint
from .proposals import Proposal, parse_proposal, parse_proposals

__all__ = [
    "CHECK_SCHEMA", "VALIDATE_SCHEMA", "CheckConfig", "CheckReport", "FileResult", "Proposal", "Resolution",
    "ValidationReport", "collect_files", "finding_table", "fingerprint", "load_config", "parse_proposal",
    "parse_proposals", "run_check", "save_baseline", "validate", "validate_documents",
]

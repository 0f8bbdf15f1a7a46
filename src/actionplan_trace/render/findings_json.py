"""JSON reports of `trace validate` (schema actionplan-trace/validate/3) and `trace check`
(schema actionplan-trace/check/2); the contracts are documented in the README."""

from __future__ import annotations


from ..validate.check import CheckReport
from ..validate.contribution import ValidationReport
from .jsontext import dumps


def to_json(report: ValidationReport | CheckReport) -> str:
    """The report's JSON document, with its `schema` field first."""
    return dumps(report.to_dict())

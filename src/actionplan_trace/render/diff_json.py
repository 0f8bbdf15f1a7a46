"""The diff as JSON, schema "actionplan-trace/diff/3" (README: what changed from diff/1 and diff/2)."""

from __future__ import annotations

from typing import Any

from .. import schemas
from ..diff.changes import DiffResult
from .jsontext import dumps

SCHEMA = schemas.DIFF


def to_dict(result: DiffResult, all_changes: bool = False) -> dict[str, Any]:
    """The JSON document: schema, both sources, summary counts and the reported changes."""
    return {
        "schema": SCHEMA,
        "old": result.old.source.to_dict(),
        "new": result.new.source.to_dict(),
        "summary": result.summary(all_changes),
        "changes": [c.to_dict() for c in result.visible(all_changes)],
    }


def to_json(result: DiffResult, all_changes: bool = False) -> str:
    """`to_dict` serialised, indented, with a final newline."""
    return dumps(to_dict(result, all_changes))

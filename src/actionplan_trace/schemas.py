"""The `schema` ids of every JSON document the tool writes, in one place.

Each JSON output is a contract with its readers (README, "JSON outputs"): its id names the document
and its version, which changes only with a deliberate change of its shape. The writers and the
command line's format help read the ids from here, so the help can never name another version
than the output carries.
"""

from __future__ import annotations

EXTRACT = "actionplan-trace/extract/2"
REFS = "actionplan-trace/refs/2"
GRAPH = "actionplan-trace/graph/2"
WHO_CITES = "actionplan-trace/who-cites/1"
CHAIN = "actionplan-trace/chain/1"
DIFF = "actionplan-trace/diff/3"
VALIDATE = "actionplan-trace/validate/3"
CHECK = "actionplan-trace/check/2"
BASELINE = "actionplan-trace/baseline/1"
CACHE = "actionplan-trace/cache/2"


def short(schema: str) -> str:
    """The id without its "actionplan-trace/" prefix ("refs/2"), as help and prose name it."""
    return schema.removeprefix("actionplan-trace/")

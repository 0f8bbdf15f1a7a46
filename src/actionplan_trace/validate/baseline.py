"""Baselines: record today's findings so that `trace check` fails only on new ones.

A baseline file holds finding fingerprints (code, file, section, reference, text; never a line
or paragraph number) with how many times each occurs, so that moving text up or down keeps a
finding known while a second copy of the same problem is new.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from .. import schemas
from ..errors import UsageError
from ..files import read_small
from ..findings import Finding
from .findings import fingerprint

BASELINE_SCHEMA = schemas.BASELINE
# A baseline of a large repository's findings runs to a few MB; a larger file is no baseline.
MAX_BASELINE_BYTES = 64_000_000


def baseline_data(findings: list[Finding]) -> dict[str, Any]:
    """The JSON a baseline file holds: fingerprint counts, plus a readable list of what they are."""
    prints = [fingerprint(f) for f in findings]
    return {
        "schema": BASELINE_SCHEMA,
        "fingerprints": dict(sorted(Counter(prints).items())),
        "findings": [
            {"fingerprint": p, "code": f.code, "source": f.source, "section": f.section, "message": f.message}
            for p, f in zip(prints, findings)
        ],
    }


def read_baseline(path: Path) -> Counter[str]:
    """Fingerprint counts from a baseline file; a UsageError when it is not one."""
    try:
        data = json.loads(read_small(path, MAX_BASELINE_BYTES).decode("utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read baseline: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, RecursionError) as exc:
        raise UsageError(f"{path}: not a baseline file (not UTF-8 JSON)") from exc
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}: not a baseline file (invalid JSON: {exc.msg})") from exc
    if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA or not isinstance(data.get("fingerprints"), dict):
        raise UsageError(f"{path}: not a baseline file (schema {BASELINE_SCHEMA} expected)")
    counts: Counter[str] = Counter()
    for key, value in data["fingerprints"].items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise UsageError(f"{path}: not a valid baseline: the count of fingerprint {key!r} is {json.dumps(value)[:40]},"
                             " not a whole number of at least 0")
        counts[key] = value
    return counts


def baseline_states(findings: list[Finding], known: Counter[str]) -> list[str]:
    """For each finding, "unchanged" when the baseline still has an occurrence of it, else "new"."""
    left = Counter(known)
    states = []
    for f in findings:
        key = fingerprint(f)
        if left[key] > 0:
            left[key] -= 1
            states.append("unchanged")
        else:
            states.append("new")
    return states

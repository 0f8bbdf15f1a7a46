"""Baselines: record today's findings so that `trace check` fails only on new ones.

A baseline file holds finding fingerprints (code, file, section, reference, text; never a line
or paragraph number) with how many times each occurs, so that moving text up or down keeps a
finding known while a second copy of the same problem is new.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Sequence

from .. import schemas
from ..errors import UsageError
from ..files import read_small
from ..findings import Finding
from .findings import fingerprint

BASELINE_SCHEMA = schemas.BASELINE
# A baseline of a large repository's findings runs to a few MB; a larger file is no baseline.
MAX_BASELINE_BYTES = 64_000_000


def baseline_data(findings: list[Finding], kept: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """The JSON a baseline file holds: fingerprint counts, plus a readable list of what they are;
    `kept`, entries of the list an earlier baseline holds (`kept_entries`), are counted with them."""
    entries = [{"fingerprint": fingerprint(f), "code": f.code, "source": f.source, "section": f.section, "message": f.message}
               for f in findings] + list(kept)
    entries.sort(key=lambda e: (str(e.get("source")), str(e.get("fingerprint"))))
    return {
        "schema": BASELINE_SCHEMA,
        "fingerprints": dict(sorted(Counter(str(e["fingerprint"]) for e in entries).items())),
        "findings": entries,
    }


def kept_entries(path: Path, covered: Callable[[str], bool]) -> list[dict[str, Any]]:
    """The entries of the baseline at `path` of files outside what this run checked (`covered`
    says which shown paths it did: its files, and anything under the paths it was given, so a
    file deleted there loses its entries): a baseline rewritten after checking one folder keeps
    what it accepted in the others. None from a baseline that is not there or not readable
    (rewriting a damaged one is how it is mended)."""
    try:
        data = _baseline_json(path) if path.exists() else {}
    except UsageError:
        return []
    entries = data.get("findings")
    if not isinstance(entries, list):
        return []
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("fingerprint"), str)
            and isinstance(e.get("source"), str) and not covered(e["source"])]


def read_baseline(path: Path) -> Counter[str]:
    """Fingerprint counts from a baseline file; a UsageError when it is not one."""
    data = _baseline_json(path)
    counts: Counter[str] = Counter()
    for key, value in data["fingerprints"].items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise UsageError(f"{path}: not a valid baseline: the count of fingerprint {key!r} is {json.dumps(value)[:40]},"
                             " not a whole number of at least 0")
        counts[key] = value
    return counts


def _baseline_json(path: Path) -> dict[str, Any]:
    """A baseline file's JSON; a UsageError when it is not one."""
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
    return data


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

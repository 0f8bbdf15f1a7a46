"""Canonical reference ids: how they are spelled, which family an id belongs to, how they sort.

Ids are documented in the README: `PP-RES-71`, `WTDC-RES-45`, `COUNCIL-RES-1305`, `PP-DEC-5`,
`ITU-D-REC-15`, `ITU-T-REC-Y.4409`, `SDG-9`, `SDG-9.c`, `WSIS-C5`, `ITU-GOAL-3`,
`ITU-TARGET-3.1`, `ITU-D-OBJ-2`, `ITU-D-OUTPUT-2.2`, `ITU-D-OUTCOME-2.2`, `ITU-T-OBJ-1`,
`RI-AFR3`, `ITU-D-SG2-Q3`, `ITU-T-SG17`. A revision ("Rev. Dubai, 2014") is never part of an id.

Plan-internal ids (goals, targets, objectives, outputs, outcomes) may carry their edition after
an `@`: `ITU-D-OBJ-2@SP-2012-2015`, `ITU-D-OUTPUT-2.2@WTDC-17` (see editions.py); the family of
such an id is that of the id without it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable
from ..regexcache import regex

ORGANS = ("PP", "WTDC", "WTSA", "RA", "WRC", "COUNCIL")

FAMILIES = (
    "resolution",
    "decision",
    "recommendation",
    "sdg",
    "sdg-target",
    "wsis",
    "itu-goal",
    "itu-target",
    "itu-d-objective",
    "itu-d-output",
    "itu-d-outcome",
    "sector-objective",
    "sector-goal",
    "sector-outcome",
    "regional-initiative",
    "sg-question",
    "study-group",
)

_FAMILY_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (regex(p), f)
    for p, f in (
        (r"^(?:PP|WTDC|WTSA|RA|WRC|COUNCIL)-RES-\d+$", "resolution"),
        (r"^(?:PP|WTDC|WTSA|RA|WRC|COUNCIL)-DEC-\d+$", "decision"),
        (r"^ITU-[DTR]-REC-[A-Z0-9][A-Z0-9.]*$", "recommendation"),
        (r"^SDG-\d+$", "sdg"),
        (r"^SDG-\d+\.(?:\d+|[a-z])$", "sdg-target"),
        (r"^WSIS-C\d+$", "wsis"),
        (r"^ITU-GOAL-\d+$", "itu-goal"),
        (r"^ITU-TARGET-\d+\.\d+(?:\.[A-Z])?$", "itu-target"),  # "2.1.A": Connect 2030 targets of SP-2020-2023
        (r"^ITU-D-OBJ-\d+$", "itu-d-objective"),
        (r"^ITU-D-OUTPUT-\d+\.\d+$", "itu-d-output"),
        (r"^ITU-D-OUTCOME-\d+\.(?:\d+|[a-z])$", "itu-d-outcome"),
        (r"^(?:ITU-[TRI]|GS)-OBJ-\d+$", "sector-objective"),
        (r"^(?:ITU-[RTD]|GS)-GOAL$", "sector-goal"),
        (r"^(?:ITU-[TRI]|GS)-OUTCOME-\d+\.[a-z]$", "sector-outcome"),
        (r"^RI-[A-Z]{3}\d+$", "regional-initiative"),
        (r"^ITU-[DTR]-SG\d+-Q\d+$", "sg-question"),
        (r"^ITU-[DTR]-SG\d+$", "study-group"),
    )
)

_NATURAL = regex(r"(\d+)")
_EDITION = regex(r"^[A-Z]+(?:-\d+)+$")
SCOPED_FAMILIES = frozenset({
    "itu-goal", "itu-target", "itu-d-objective", "itu-d-output", "itu-d-outcome",
    "sector-objective", "sector-goal", "sector-outcome",
})


@lru_cache(maxsize=8192)
def family_of(ref_id: str) -> str | None:
    """The family of a canonical id (edition suffix allowed), or None when the id is not canonical.
    Cached, like `natural_key`: a document cites the same few hundred ids over and over."""
    base, _, edition = ref_id.partition("@")
    if "@" in ref_id and not _EDITION.match(edition):
        return None
    for pattern, family in _FAMILY_PATTERNS:
        if pattern.match(base):
            return family if not edition or family in SCOPED_FAMILIES else None
    return None


@lru_cache(maxsize=8192)
def natural_key(ref_id: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders numbers numerically and numbers before letters: SDG-16.2 < SDG-16.10 < SDG-16.a."""
    parts: list[tuple[int, int | str]] = []
    for piece in _NATURAL.split(ref_id):
        if not piece:
            continue
        parts.append((0, int(piece)) if piece.isdigit() else (1, piece))
    return tuple(parts)


def sort_ids(ids: Iterable[str]) -> list[str]:
    """Ids in natural order, duplicates kept."""
    return sorted(ids, key=natural_key)


def resolution_id(organ: str, kind: str, number: str) -> str:
    """`PP-RES-71`, `COUNCIL-DEC-482`; kind is "resolution" or "decision"."""
    return f"{organ}-{'RES' if kind == 'resolution' else 'DEC'}-{int(number)}"


def recommendation_id(sector: str, number: str) -> str:
    """`ITU-D-REC-15`, `ITU-T-REC-Y.4409`."""
    return f"{sector}-REC-{number}"


def sdg_id(goal: int, target: str | None = None) -> str:
    """`SDG-9` or `SDG-9.c` (target a number or a lower-case letter)."""
    return f"SDG-{goal}" if target is None else f"SDG-{goal}.{target}"


def wsis_id(line: int) -> str:
    return f"WSIS-C{line}"


def itu_goal_id(goal: int) -> str:
    return f"ITU-GOAL-{goal}"


# An ITU strategic goal's id without an edition (itu_goal_id), its number the group.
ITU_GOAL_ID = regex(r"ITU-GOAL-(\d+)")


def itu_target_id(goal: int, target: int, letter: str = "") -> str:
    """`ITU-TARGET-3.1`; with `letter`, a lettered Connect 2030 target: `ITU-TARGET-2.1.A`."""
    return f"ITU-TARGET-{goal}.{target}" + (f".{letter}" if letter else "")


def sector_item_id(sector: str, kind: str, number: str) -> str:
    """`ITU-D-OBJ-2`, `ITU-D-OUTPUT-2.2`, `ITU-D-OUTCOME-2.1`, `ITU-T-OBJ-1`."""
    label = {"objective": "OBJ", "output": "OUTPUT", "outcome": "OUTCOME"}[kind]
    return f"{sector}-{label}-{number}"


def sector_item_family(sector: str, kind: str) -> str:
    if sector == "ITU-D":
        return {"objective": "itu-d-objective", "output": "itu-d-output", "outcome": "itu-d-outcome"}[kind]
    return "sector-objective"


def ri_id(region: str, number: int) -> str:
    return f"RI-{region}{number}"


def question_id(sector: str, group: int, question: int) -> str:
    return f"{sector}-SG{group}-Q{question}"


def study_group_id(sector: str, group: int) -> str:
    return f"{sector}-SG{group}"

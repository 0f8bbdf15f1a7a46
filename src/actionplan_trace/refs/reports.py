"""What the sections of an implementation report report on: `reports-on` edges with the facts.

A target section ("Target 1.1: Households with Internet access", then "Target on track for
achievement by 2023") reports on `ITU-TARGET-1.1@SP-2020-2023` with `status` "on track" (null
where the report states none) and the indicator; an Annex 1 entry ("21 (Rev. Dubai, 2018)
Measures concerning …" then its text) reports on `PP-RES-21` with the revision, the heading and
the status text; an Annex 2 objective ("Objective R.1: …") on `ITU-R-OBJ-1@SP-2020-2023` and its
outcomes ("R.1-a: …") on `ITU-R-OUTCOME-1.a@…`. Which kinds, ids and status words is data
(rules/refs.yml `reports`, `statuses`, `revision`, `sector-letters`).
"""

from __future__ import annotations

from typing import Any, Iterator, Sequence

from ..editions import DocEditions, scoped
from ..model import Block, Section
from ..record import field, record
from ..text_patterns import unbulleted
from .ids import family_of
from .resolve import RefRules

REPORTS_ON = "reports-on"
STATUS_BLOCKS = 3


@record(frozen=True)
class Reported:
    """One thing a report section reports on, and what it says about it."""

    target: str
    attrs: dict[str, Any] = field(default_factory=dict)


def _status(section: Section, rules: RefRules) -> str | None:
    """The status the section states in its heading or first paragraphs ("on track" …), or None."""
    texts = [section.heading or section.title, *(b.text for b in section.blocks[:STATUS_BLOCKS])]
    for text in texts:
        for status, pattern in rules.statuses:
            if pattern.search(text or ""):
                return status
    return None


def _entry_text(section: Section) -> tuple[str, str]:
    """An Annex 1 entry's heading (the heading line or the entry cell) and its status text."""
    fields = getattr(section, "fields", None) or {}
    heading = fields.get("entry") or section.heading or section.title
    body = [b.text for b in section.blocks if b.field != "entry" and b.text.strip()]
    return " ".join(heading.split("\n")[0].split()), "\n".join(body)


def _scope(ref_id: str, editions: DocEditions | None) -> str | None:
    family = family_of(ref_id)
    if family is None:
        return None
    return scoped(ref_id, editions.for_family(family) if editions else None)


def reported(
    section: Section, rules: RefRules, editions: DocEditions | None, below: Sequence[Block] = (),
) -> Iterator[Reported]:
    """The `reports-on` targets of one report section, with their facts; `below` are the blocks of
    the sections under it (an objective's "Outcomes" sub-heading)."""
    rule = rules.reports.get(section.kind)
    if rule is None or not section.number:
        return
    values: dict[str, str] = {"number": section.number}
    if "number" in rule:
        m = rule["number"].match(section.number)
        if not m:
            return
        values.update(m.groupdict())
    values["sector"] = rules.sector_letters.get(values.get("letter", ""), "")
    target = _scope(str(rule["id"]).format(**values), editions)
    if target is None:
        return
    attrs: dict[str, Any] = {}
    if rule.get("status"):
        attrs = {"status": _status(section, rules), "indicator": section.title}
    if rule.get("revision"):
        heading, text = _entry_text(section)
        m = rules.revision.search(heading)
        attrs = {"rev": m.group("rev") if m else None, "heading": heading, "text": text}
    yield Reported(target, attrs)
    if "outcomes" in rule:
        seen: set[str] = set()
        for block in (*section.blocks, *below):
            m = rule["outcomes"].match(unbulleted(block.text.strip()))
            if not m:
                continue
            groups = {**m.groupdict(), "sector": rules.sector_letters.get(m.group("letter"), "")}
            outcome = _scope(str(rule["outcome"]).format(**groups), editions)
            if outcome and outcome not in seen:
                seen.add(outcome)
                yield Reported(outcome, {"indicator": unbulleted(block.text.strip())})

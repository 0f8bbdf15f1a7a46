"""Structure findings of `trace check` (CHK001-CHK003, CHK005): what a well-formed Action Plan has.

Every output has a references section that cites something; no paragraph is repeated within a
section; output numbers are unique and belong to the objective they sit under. The rules read
only the section tree (and the normaliser's references for CHK002), so they apply to any
document whose profile produces outputs, whatever its format.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..model import Document, Section
from ..findings import FindingRule
from ..findings import Finding
from .contribution import objective_of, section_label, subtree
from .findings import excerpt, fold, make

DUPLICATE_MIN_WORDS = 8
WHOLE_PLAN_CODES = frozenset({"CHK001", "CHK002", "CHK005"})
"""The rules only a whole plan can meet: a contribution quotes outputs without their references
sections, and names an output twice (deleted, then amended) in its amendment blocks; `check` does
not apply them to one (its amended text is judged against the base by the VAL rules)."""


def structure_findings(
    doc: Document,
    table: dict[str, FindingRule],
    enabled: set[str],
    refs: Any | None = None,
) -> list[Finding]:
    """The enabled CHK findings of one document; `refs` is its RefReport (CHK002 needs it)."""
    out: list[Finding] = []
    path = doc.source.path

    def add(code: str, message: str, section: Section, loc: Any = None, text: str | None = None) -> None:
        if code in enabled:
            out.append(make(code, message, source=path, section=section.id, loc=loc or section.loc,
                            text=text, table=table))

    cited = Counter(r.section for r in refs.refs) if refs is not None else None
    numbers: Counter[str] = Counter()
    for output in doc.of_kind("output"):
        label = f"Output {output.number}" if output.number else section_label(doc, output.id)
        inside = subtree(doc, output)
        references = [s for s in inside if s.kind == "references"]
        if not references:
            add("CHK001", f"{label} has no references section (resolutions, WSIS action lines, SDGs)", output)
        elif cited is not None:
            for ref_section in references:
                if not any(cited[s.id] for s in subtree(doc, ref_section)):
                    add("CHK002", f"the references section of {label} cites no resolution, action line or SDG",
                        ref_section)
        if output.number:
            numbers[output.number] += 1
            objective = objective_of(doc, output)
            if numbers[output.number] == 2:
                add("CHK005", f"Output {output.number} occurs more than once", output)
            if objective is not None and objective.number and output.number.split(".")[0] != objective.number:
                add("CHK005", f"Output {output.number} is under Objective {objective.number}", output)
    for section in doc.sections:
        seen: Counter[str] = Counter()
        for block in section.blocks:
            if block.type not in ("paragraph", "list-item") or len(block.text.split()) < DUPLICATE_MIN_WORDS:
                continue
            key = fold(block.text)
            seen[key] += 1
            if seen[key] == 2:
                add("CHK003", f"the same paragraph occurs twice in {section_label(doc, section.id)}: "
                    f"“{excerpt(block.text)}”", section, block.loc, block.text)
    return out

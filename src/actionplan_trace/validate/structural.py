"""Structure findings of `trace check` (CHK001-CHK003, CHK005-CHK007): what a well-formed Action Plan has.

Every output has a references section that cites something; no paragraph is repeated within a
section; output numbers are unique and belong to the objective they sit under; every output an
objective's outcome table lists is in the plan. The rules read
only the section tree (and the normaliser's references for CHK002), so they apply to any
document whose profile produces outputs, whatever its format; CHK007 reads the reader's notes
(`Source.warnings`): pages whose layout it could not read with confidence.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterator

from ..model import LAYOUT_DOUBT, Block, Document, Loc, Section
from ..findings import FindingRule
from ..findings import Finding
from .contribution import listed_outputs, objective_of, outcome_table, section_label, subtree
from .findings import excerpt, fold, make

DUPLICATE_MIN_WORDS = 8
WHOLE_PLAN_CODES = frozenset({"CHK001", "CHK002", "CHK005", "CHK006"})
"""The rules only a whole plan can meet: a contribution quotes outputs without their references
sections, names an output twice (deleted, then amended) in its amendment blocks, and quotes an
outcome table without the outputs it lists; `check` does not apply them to one (its amended text
is judged against the base by the VAL rules, a deletion an outcome row still lists by VAL015)."""


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

    if "CHK007" in enabled:
        out += layout_findings(doc, table)
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
    if "CHK006" in enabled:
        for outcome, number, block in _unlisted_outputs(doc, set(numbers)):
            add("CHK006", f"Output {number} is listed in Outcome {outcome.number}'s row of {outcome_table(doc, outcome)} "
                f"but the document has no Output {number}", outcome, block.loc, block.text)
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


def layout_findings(doc: Document, table: dict[str, FindingRule]) -> list[Finding]:
    """A CHK007 for each note of the reader's that pages could not be read with confidence
    (model.LAYOUT_DOUBT), at the first page it names: its text, tree and findings may be wrong
    there, and a stderr warning alone let `check` pass such a reading."""
    out = []
    for note in doc.source.warnings:
        if LAYOUT_DOUBT in note:
            page = re.search(r"\d+", note)
            out.append(make("CHK007", note, source=doc.source.path, loc=Loc(page=int(page.group())) if page else None,
                            table=table))
    return out


def _unlisted_outputs(doc: Document, numbers: set[str]) -> Iterator[tuple[Section, str, Block]]:
    """The outputs an outcome's row lists (`listed_outputs`, as VAL015 reads it) that are not
    among the document's `numbers`: deleted or renumbered without the table. An objective the
    document gives no output of at all (its tables alone, an excerpt) is not judged."""
    objectives = {n.split(".")[0] for n in numbers}
    for outcome in doc.of_kind("outcome"):
        for number, block in listed_outputs(outcome):
            if number not in numbers and number.split(".")[0] in objectives:
                yield outcome, number, block

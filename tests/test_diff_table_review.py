"""Diff regressions of a secretariat's black-box review about the objective table and its cells:
an objective renumbered gave its outcome rows phantom renumberings."""

from __future__ import annotations

from pathlib import Path

import docx
from conftest import CORPUS

from actionplan_trace.diff.api import compare

OLD = CORPUS / "objective2-old.docx"


def test_an_objective_renumbered_is_one_change_not_one_per_outcome_row(tmp_path: Path) -> None:
    """"Objective 2" typed "Objective 3" in its heading: the outcome rows of its table, numbered
    2.1–2.3 by their place under it and not by any word of theirs, were three more `renumbered`
    changes shown by default (2.1 → 3.1, …) though no cell changed."""
    document = docx.Document(str(OLD))
    run = document.paragraphs[0].runs[0]
    assert run.text.startswith("Objective 2 ")
    run.text = run.text.replace("Objective 2 ", "Objective 3 ", 1)
    new = tmp_path / "objective3.docx"
    document.save(str(new))
    result = compare(OLD, new)
    assert [(c.kind, c.section_old, c.section_new, c.old, c.new) for c in result.changes] == [
        ("renumbered", "objective-2", "objective-3", "2", "3")]


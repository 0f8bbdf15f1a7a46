"""An organ in brackets after a number of a list names the list's organ, as one after its last number does."""

from __future__ import annotations

from pathlib import Path

import pytest
from docxgen import write_runs_docx

from actionplan_trace import app
from actionplan_trace.refs import RefContext, find_refs

KIGALI = "(Rev. Kigali, 2022)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the organ after the first number carries over to the numbers after it; an organ is no
        # revision, so the revision after them is 9's too (a review found 9 without it)
        ("Resolution 9 (WTDC), 10 and 11 (Rev. Kigali, 2022) apply.",
         [("WTDC-RES-9", KIGALI), ("WTDC-RES-10", KIGALI), ("WTDC-RES-11", KIGALI)]),
        # but not the numbers another organ in brackets names
        ("Resolution 2 (WTDC), 71 and 72 (PP) (Rev. Busan, 2014) apply.",
         [("WTDC-RES-2", None), ("PP-RES-71", "(Rev. Busan, 2014)"), ("PP-RES-72", "(Rev. Busan, 2014)")]),
        ("Resolution 2 (WTDC), 71 (PP), 72 (Rev. Busan, 2014) apply.",
         [("WTDC-RES-2", None), ("PP-RES-71", "(Rev. Busan, 2014)"), ("PP-RES-72", "(Rev. Busan, 2014)")]),
        ("Resolutions 9, 10 and 11 (WTDC) apply.", [("WTDC-RES-9", None), ("WTDC-RES-10", None), ("WTDC-RES-11", None)]),
        ("Resolution 9 (WTDC) (Rev. Buenos Aires, 2017), 10 and 11 apply.",
         [("WTDC-RES-9", "(Rev. Buenos Aires, 2017)"), ("WTDC-RES-10", None), ("WTDC-RES-11", None)]),
        ("WTSA Resolutions 1 (WTSA), 2 and 7 apply.", [("WTSA-RES-1", None), ("WTSA-RES-2", None), ("WTSA-RES-7", None)]),
        # each organ in brackets names the numbers before it
        ("Resolution 2 (WTDC), 71 (PP) apply.", [("WTDC-RES-2", None), ("PP-RES-71", None)]),
        ("Resolutions 2 (WTDC), 71 and 139 of the Plenipotentiary Conference apply.",
         [("WTDC-RES-2", None), ("PP-RES-71", None), ("PP-RES-139", None)]),
        # separate lists keep their own organs
        ("Resolution 9 (WTDC) and PP Resolution 10 apply.", [("WTDC-RES-9", None), ("PP-RES-10", None)]),
        ("Resolution 9 (WTDC), 10 per cent of the budget", [("WTDC-RES-9", None)]),
    ],
)
def test_an_organ_in_brackets_mid_list_names_the_numbers_of_the_list(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    refs, findings = find_refs(text, RefContext(organ="PP"))
    assert [(r.id, r.rev.text if r.rev else None) for r in refs] == expected
    assert [f.code for f in findings if f.code in ("REF010", "REF012")] == []


def test_an_organ_in_brackets_mid_list_in_a_word_document(tmp_path: Path) -> None:
    path = write_runs_docx(tmp_path / "organs.docx", "Relevant resolutions", 3, [
        ("Resolution 9 (WTDC), ", {"font": "Verdana", "size": 9}), ("10 and 11 (Rev. Kigali, 2022)", {"bold": True}),
        (" guide this work, with Resolution 37 (WTDC) and PP Resolution 139.", {})],
        [["Resolutions", "Resolution 2 (WTDC), 71 (PP)"]])
    report = app.references(path)
    assert [r.id for r in report.refs] == ["WTDC-RES-9", "WTDC-RES-10", "WTDC-RES-11", "WTDC-RES-37", "PP-RES-139",
                                           "WTDC-RES-2", "PP-RES-71"]
    assert [f.code for f in report.findings if f.code == "REF010"] == []

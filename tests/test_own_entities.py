"""Outputs a plan defines itself count as known beside the registry (a new output is no REF001),
and an output of one of its objectives it cites but does not define is REF015 (deleted or
renumbered while a reference to it stayed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace import load
from actionplan_trace.refs import document_refs
from docxgen import write_docx

CORPUS_TEXT = Path(__file__).resolve().parents[1] / "corpus" / "text" / "objective2-new.txt"


def plan_text() -> str:
    text = CORPUS_TEXT.read_text(encoding="utf-8")
    assert "\nOutput 2.3 – " in text
    return text


def with_new_output() -> str:
    """Objective 2 with an Output 2.4 of its own, cited in its references."""
    return plan_text() + (
        "Output 2.4 – Products and services on satellite connectivity for remote areas\n"
        "The BDT will assist Member States in planning satellite connectivity for remote areas.\n"
        "The implementation of WTDC Resolution 37 will support Output 2.4 and will contribute to the "
        "achievement of Outcome 2.1\n"
    )


def without_output_2_3() -> str:
    """Objective 2 with its Output 2.3 deleted but still cited from Output 2.2."""
    text = plan_text()
    kept = text[: text.index("\nOutput 2.3 – ") + 1]
    return kept.replace("will support the Output 2.2 and", "will support the Output 2.2 and Output 2.3 and", 1)


def findings(tmp_path: Path, text: str, suffix: str) -> list[tuple[str, str | None]]:
    source = tmp_path / "plan.txt"
    source.write_text(text, encoding="utf-8")
    path = source
    if suffix == ".docx":
        path = tmp_path / "plan.docx"
        write_docx(load(source), path)
    report = document_refs(load(path))
    return [(f.code, f.ref) for f in report.findings if f.code in ("REF001", "REF015")]


def test_ref015_names_the_objective_and_the_output_it_lacks(tmp_path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text(without_output_2_3(), encoding="utf-8")
    messages = [f.message for f in document_refs(load(source)).findings if f.code == "REF015"]
    assert messages == ["ITU-D-OUTPUT-2.3@WTDC-17 is cited, but Objective 2 (ITU-D-OBJ-2@WTDC-17) in this "
                        "document has no Output 2.3 (deleted or renumbered?)"]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_an_output_the_plan_defines_is_known(tmp_path, suffix) -> None:
    assert ("REF001", "ITU-D-OUTPUT-2.4@WTDC-17") not in findings(tmp_path, with_new_output(), suffix)
    assert findings(tmp_path, with_new_output(), suffix) == findings(tmp_path, plan_text(), suffix)


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_deleted_output_still_cited_is_ref015(tmp_path, suffix) -> None:
    found = findings(tmp_path, without_output_2_3(), suffix)
    assert found.count(("REF015", "ITU-D-OUTPUT-2.3@WTDC-17")) == 1
    assert not [f for f in findings(tmp_path, plan_text(), suffix) if f[0] == "REF015"]


def test_an_output_of_an_objective_the_document_lacks_is_no_ref015(tmp_path) -> None:
    """An excerpt of Objective 2 citing Output 3.1 cites the plan's, which it does not reproduce."""
    text = plan_text().replace("will support Output 2.1 and", "will support Outputs 2.1 and 3.1 and", 1)
    assert "Outputs 2.1 and 3.1" in text
    assert not [f for f in findings(tmp_path, text, ".txt") if f[0] == "REF015"]


@pytest.mark.parametrize("front", [
    "ATU proposes to modify Outputs 2.1 and 2.2 as shown below. Output 2.3 remains unchanged.\n",
    "This report covers Outputs 2.1 and 2.2; activities under Output 2.3 are reported in Document TDAG-19/5.\n",
])
def test_a_mention_outside_the_objective_is_no_ref015(tmp_path, front) -> None:
    """A contribution or a report that reproduces Outputs 2.1 and 2.2 and names Output 2.3 before
    them names what it need not reproduce (a review found REF015 on both)."""
    text = without_output_2_3().replace("Output 2.2 and Output 2.3 and", "Output 2.2 and", 1)
    found = findings(tmp_path, front + "\n" + text, ".txt")
    assert not [f for f in found if f[0] == "REF015"]


def test_an_output_the_registry_lacks_gets_its_ref001_alone(tmp_path) -> None:
    """"Output 2.9", which no edition has, is REF001; REF015 ("deleted or renumbered?") is for an
    output the edition had."""
    text = without_output_2_3().replace("Output 2.2 and Output 2.3 and", "Output 2.2 and Output 2.9 and", 1)
    found = findings(tmp_path, text, ".txt")
    assert ("REF001", "ITU-D-OUTPUT-2.9@WTDC-17") in found and not [f for f in found if f[0] == "REF015"]

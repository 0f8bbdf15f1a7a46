"""Every Output's reference sentences (seeds 000/001) parse to exactly the ids the text names."""

from __future__ import annotations

import pytest

from actionplan_trace.refs import RefContext, find_refs

from refs_oracle import OUTPUTS, OutputRefs

RESOLUTION_FAMILIES = {"resolution", "decision", "recommendation"}
ACTION_PLAN = RefContext(organ="WTDC", sector="ITU-D")


def ids(refs, families):
    return {r.id for r in refs if r.family in families}


@pytest.mark.parametrize("ctx", [ACTION_PLAN.with_(expect="resolution"), RefContext()], ids=["group", "bare"])
@pytest.mark.parametrize("case", OUTPUTS, ids=[o.output for o in OUTPUTS])
def test_resolution_sentence(case: OutputRefs, ctx: RefContext) -> None:
    refs, findings = find_refs(case.resolutions_text, ctx)
    assert ids(refs, RESOLUTION_FAMILIES) == case.resolutions
    dups = sorted(f.ref for f in findings if f.code == "REF005")
    assert dups == sorted(case.duplicates)
    assert any(f.code == "REF011" for f in findings) == case.blanket
    assert not [f for f in findings if f.code in ("REF001", "REF008", "REF010")]


@pytest.mark.parametrize("case", OUTPUTS, ids=[o.output for o in OUTPUTS])
def test_wsis_sentence(case: OutputRefs) -> None:
    refs, findings = find_refs(case.wsis_text, ACTION_PLAN.with_(expect="wsis"))
    assert ids(refs, {"wsis"}) == case.wsis
    assert not [f for f in findings if f.severity == "error"]


@pytest.mark.parametrize("case", OUTPUTS, ids=[o.output for o in OUTPUTS])
def test_sdg_sentence(case: OutputRefs) -> None:
    refs, findings = find_refs(case.sdg_text, ACTION_PLAN.with_(expect="sdg", goal="sdg"))
    assert ids(refs, {"sdg"}) == case.sdg_goals
    assert ids(refs, {"sdg-target"}) == case.sdg_targets
    assert not [f for f in findings if f.code in ("REF002", "REF003", "REF008")]


@pytest.mark.parametrize("case", [o for o in OUTPUTS if o.wsis], ids=[o.output for o in OUTPUTS if o.wsis])
def test_sentences_name_their_output_and_outcome(case: OutputRefs) -> None:
    refs, _ = find_refs(case.wsis_text, ACTION_PLAN)
    found = ids(refs, {"itu-d-output", "itu-d-outcome"})
    assert f"ITU-D-OUTPUT-{case.output}" in found
    assert any(i.startswith(f"ITU-D-OUTCOME-{case.output.split('.')[0]}.") for i in found)


def test_unsorted_list_in_output_3_3_is_reported_once_as_info() -> None:
    _, findings = find_refs(OUTPUTS[11].resolutions_text, ACTION_PLAN)
    unsorted = [f for f in findings if f.code == "REF006"]
    assert len(unsorted) == 1 and unsorted[0].severity == "info"
    assert "73, 40, 11" in unsorted[0].message


def test_duplicate_does_not_also_count_as_unsorted() -> None:
    _, findings = find_refs(OUTPUTS[6].resolutions_text, ACTION_PLAN)
    assert [f.code for f in findings] == ["REF005"]
    assert findings[0].ref == "PP-RES-127" and "PP-RES-127" in findings[0].message


def test_output_3_2_blanket_wsis_and_sdg_sentences_name_no_ids() -> None:
    case = OUTPUTS[10]
    assert case.output == "3.2"
    wsis_refs, wsis_findings = find_refs(case.wsis_text, ACTION_PLAN.with_(expect="wsis"))
    sdg_refs, sdg_findings = find_refs(case.sdg_text, ACTION_PLAN.with_(expect="sdg", goal="sdg"))
    assert ids(wsis_refs, {"wsis"}) == set() and ids(sdg_refs, {"sdg", "sdg-target"}) == set()
    assert [f.code for f in wsis_findings] == ["REF011"] and "WSIS action lines" in wsis_findings[0].message
    assert [f.code for f in sdg_findings] == ["REF011"] and "SDGs" in sdg_findings[0].message

"""The resolver's shortcuts against the plain way: the finding table made once for every finding
made without one (refs.findings._default_table); a finding about a reference made without a
RefContext of its place (refs.findings.about)."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace.errors import ProfileError
from actionplan_trace.findings import Finding
from actionplan_trace.model import Loc
from actionplan_trace.refs import RefContext, find_refs
from actionplan_trace.refs.findings import _default_table, about, finding, load_findings
from actionplan_trace.refs.types import Reference

TEXTS = [
    "This text cites PP Resolution 9999, WSIS Action Line C12, SDG 18, target 9.z and SDG 9 (targets 9.1, 4.1).",
    "WTDC Resolutions 73, 40, 40 and PP Resolution 9999; Resolution 17 (Rev. Busan, 2018).",
    "Regional Initiatives ARF3, XYZ4; all PP resolutions; ITU Strategic Goal 9 and ITU-D Objective 2/Output 2.9.",
    "Resolution 5 and Resolution 71 (Rev. Busan, 2014); SG 2 and 17; Resolution No 9 does not parse here.",
]


def test_findings_without_a_table_are_those_of_the_table_read_afresh() -> None:
    for text in TEXTS:
        for ctx in (RefContext(), RefContext(organ="WTDC", sector="ITU-D"), RefContext(expect="sdg")):
            _, shortcut = find_refs(text, ctx)
            _, plain = find_refs(text, ctx, findings_table=load_findings())
            assert shortcut == plain and shortcut
    assert _default_table() is _default_table() and _default_table() == load_findings()


def test_a_table_given_still_wins_after_the_default_was_made(tmp_path: Path) -> None:
    find_refs(TEXTS[1])  # the default table made first
    override = tmp_path / "findings.yml"
    override.write_text("REF006: {severity: warning}\nREF001: error\n", encoding="utf-8")
    _, findings = find_refs("WTDC Resolutions 73, 40 and PP Resolution 9999", findings_table=load_findings(overrides=override))
    assert sorted((f.code, f.severity) for f in findings) == [("REF001", "error"), ("REF006", "warning")]
    _, findings = find_refs("WTDC Resolutions 73, 40 and PP Resolution 9999")
    assert sorted((f.code, f.severity) for f in findings) == [("REF001", "warning"), ("REF006", "info")]


def test_a_finding_about_a_reference_is_the_finding_at_its_place() -> None:
    table = load_findings()
    for code in ("REF001", "REF002", "REF005", "REF018"):
        for section, loc, source in ((None, Loc(), None), ("s-2", Loc(page=3, line=7), "plan.txt"),
                                     ("a", Loc(paragraph=4, row=2), "x.docx")):
            ref = Reference("PP-RES-71", "resolution", "71", None, "PP Resolution 71", section, loc, source, None, 3, 9)
            ctx = RefContext(section=section, loc=loc, source=source)
            plain = Finding(code=code, severity=table[code].severity, message="m", ref="PP-RES-71", source=source,
                            section=section, loc=loc, text="PP Resolution 71")
            assert about(ref, code, "m", table) == plain == about(ref, code, "m")
            assert finding(code, "m", ctx, ref=ref.id, text=ref.text, table=table) == plain
    with pytest.raises(ProfileError):
        about(ref, "REF999", "m", table)

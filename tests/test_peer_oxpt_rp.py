"""Peer suite: Open-XML-PowerTools' revision-processing documents (TestFiles/RP, MIT).

For each RPnnn-Name.docx the suite holds RPnnn-Name-Accepted.docx (every change accepted)
and, for most, RPnnn-Name-Rejected.docx (every change rejected), made by Word or by the
PowerTools revision accepter. Reading the revised file in the accepted view must give the
same words as the accepted twin, and the original view the same words as the rejected
twin; body paragraphs, tables, text boxes and footnotes all count. The suite lives in
../shared/peer beside the repository and is never copied into it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace.extract.docx import read_docx
from actionplan_trace.model import RawDocument

SUITE = Path(__file__).resolve().parents[2] / "shared" / "peer" / "oxpt-rp"
TWINS = {"accepted": "Accepted", "original": "Rejected"}


def _cases() -> list[tuple[str, str]]:
    if not SUITE.is_dir():
        return []
    cases = []
    for path in sorted(SUITE.glob("RP*.docx")):
        if path.stem.endswith(tuple(f"-{suffix}" for suffix in TWINS.values())):
            continue
        for view, suffix in TWINS.items():
            if path.with_name(f"{path.stem}-{suffix}.docx").exists():
                cases.append((path.stem, view))
    return cases


CASES = _cases()


def words(raw: RawDocument) -> list[str]:
    """Every word of every block and footnote, in reading order."""
    return " ".join(b.text for b in [*raw.blocks, *raw.footnotes]).split()


@pytest.mark.skipif(not CASES, reason=f"peer suite not present at {SUITE}")
@pytest.mark.parametrize(("stem", "view"), CASES, ids=[f"{s}-{v}" for s, v in CASES])
def test_view_reads_as_its_twin(stem: str, view: str) -> None:
    revised = read_docx(SUITE / f"{stem}.docx", view=view)
    twin = read_docx(SUITE / f"{stem}-{TWINS[view]}.docx")
    assert twin.revisions == [], "twins are expected to carry no tracked changes"
    assert words(revised) == words(twin)


@pytest.mark.skipif(not CASES, reason=f"peer suite not present at {SUITE}")
def test_suite_is_complete_and_views_differ() -> None:
    """The suite has its 53 accepted and 51 rejected twins, and the views are not all alike."""
    views = [view for _stem, view in CASES]
    assert (views.count("accepted"), views.count("original")) == (53, 51)
    differing = [
        stem for stem, view in CASES if view == "original"
        and words(read_docx(SUITE / f"{stem}.docx")) != words(read_docx(SUITE / f"{stem}.docx", "original"))
    ]
    assert len(differing) >= 25

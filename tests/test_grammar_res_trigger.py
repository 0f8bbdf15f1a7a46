"""The resolutions' trigger (`grammar._RES_KEYWORD`) against the plain reading it narrows: "res",
"rec" and "dec" anywhere in the text ("resources", "recent", "decade", "progress")."""

from __future__ import annotations

import random
from functools import partial

import pytest

from actionplan_trace.refs import find, grammar, load_registry
from actionplan_trace.refs.grammar import _REFERENCE_LIKE, _RES_ANCHOR, fold_safe, triggers
from actionplan_trace.refs.types import RefContext

# Keywords in their forms and cases, near misses that hold "res", "rec" or "dec", what follows a
# keyword (numbers, brackets, organs), and characters that lower-case oddly or fold onto ASCII.
_PIECES = ["Resolution", "RESOLUTIONS", "resolutions", "Res.", "Res", "res", "RES", "Rec.", "Recs", "rec", "REC",
           "Recommendation", "recommendations", "Decision", "DECISIONS", "decision", "dec", "Dec.", "resources",
           "Research", "recent", "decade", "progress", "address", "Recs_", "res2", "rec9", "Resé", "RecΣ", "decisive",
           "PP", "WTDC", "ITU-T", "No.", "Nos.", "#", "(", ")", "[", "]", "2", "17", "71", "1920x1080", "Y.4409",
           "(Rev. Dubai, 2014)", "SDG", "action lines", "all ", " ", " ", " ", ", ", ".", "\n", "\u00a0", "ſ", "İ",
           "\u212a", "ﬁ", "Ⓡ", "_", "-", "PP Resolution 71", "WTDC Res. 2 and 3", "Council Decision 5",
           "ITU-T Recommendation Y.4409"]


def _texts(seed: int, count: int) -> list[str]:
    """Pieces joined tight or by a space, a keyword now and then followed by a number."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        pieces = [rng.choice(_PIECES) + (rng.choice([" ", " No. ", "s ", " "]) + rng.choice(["2", "71", "139"])
                                        if rng.random() < 0.2 else "") for _ in range(rng.randint(1, 10))]
        texts.append("".join(piece + rng.choice(["", " ", " ", ", "]) for piece in pieces))
    return texts


def test_a_text_without_the_resolutions_trigger_holds_no_resolution_and_nothing_like_one() -> None:
    """Where `triggers` leaves out the resolutions' family, their anchor matches nowhere, and no
    reference-like words open with a resolution's, a decision's or a Recommendation's keyword."""
    regions = load_registry().regions
    left_out = 0
    for text in _texts(41, 6000):
        low = text.lower()
        loose = triggers(text, regions, low, res_keyword_required=False)
        if "res" in triggers(text, regions, low) or "res" not in loose:
            continue
        left_out += 1
        assert _RES_ANCHOR.search(text) is None, text
        if fold_safe(text, low):
            assert all(m.group()[:3].lower() not in ("res", "rec", "dec") for m in _REFERENCE_LIKE.finditer(text)), text
    assert left_out > 500


def test_read_text_yields_what_it_yields_when_every_res_rec_and_dec_triggers(monkeypatch: pytest.MonkeyPatch) -> None:
    """References, findings (REF008 among them) and the ITU-goals flag of each text, in several
    contexts, are those of the plain reading, which tries the resolutions' anchor in every text
    holding "res", "rec" or "dec"."""
    registry = load_registry()
    rng = random.Random(43)
    contexts = [RefContext(), RefContext(expect="wsis"), RefContext(sector="ITU-D"), RefContext(organ="PP")]
    cases = [(text, rng.choice(contexts)) for text in _texts(47, 5000)]
    narrowed = [find.read_text(text, ctx, registry) for text, ctx in cases]
    monkeypatch.setattr(find, "triggers", partial(grammar.triggers, res_keyword_required=False))
    for (text, ctx), got in zip(cases, narrowed):
        assert got == find.read_text(text, ctx, registry), text
    assert sum(1 for refs, _, _ in narrowed if any(r.family in ("resolution", "decision", "recommendation") for r in refs)) > 1000
    assert sum(1 for _, findings, _ in narrowed if any(f.code == "REF008" for f in findings)) > 300

"""The reader's early turn-downs of texts that yield nothing, against the plain path they skip:
`triggers` on a short text without a letter, and `read_text` on a text without cites or
reference-like words (no Resolver is made for it)."""

from __future__ import annotations

import random

import pytest

from actionplan_trace.refs import find, grammar, load_registry
from actionplan_trace.refs.grammar import may_look_like_reference, triggers
from actionplan_trace.refs.types import RefContext


def test_a_short_text_without_a_letter_has_the_triggers_of_the_full_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """Numbers, signs and spaces, with now and then a letter, a code or a character outside ASCII
    that lower-cases onto an ASCII letter ("İ", the Kelvin sign): `triggers` answers as when every
    text is scanned (the gate off)."""
    regions = load_registry().regions
    rng = random.Random(31)
    pieces = ["1", "2,414", "17.8", "%", "-", "(", ")", " ", ".", "/", "–", "¹", "٣", "C", "C5", "AL", "Q", "SG", "AFR",
              "ARF", "a", "all ", "res", "İ", "\u212a", "ſ", "ϒ", "\u00a0", "\n"]
    texts = ["".join(rng.choice(pieces[:10] if rng.random() < 0.6 else pieces) for _ in range(rng.randint(1, 9)))
             for _ in range(4000)]
    assert sum(1 for text in texts if len(text) <= grammar._SHORT and text.isascii() and not text.lower().islower()) > 500
    gated = [(triggers(text, regions, text.lower(), words := set()), words) for text in texts]
    monkeypatch.setattr(grammar, "_SHORT", -1)
    for text, (present, words) in zip(texts, gated):
        assert (present, words) == (triggers(text, regions, text.lower(), plain := set()), plain), text


def test_a_text_without_cites_or_reference_like_words_reads_as_through_a_resolver(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keywords, digits and near misses ("progress in 2023", "Resolution 1920x1080", "SDG four"):
    `read_text` yields the same references, findings and ITU-goals flag as when each text that may
    look like a reference (by its keywords and a digit alone) goes through a Resolver."""
    registry = load_registry()
    rng = random.Random(37)
    pieces = ["Resolution", "resolutions", "Res.", "Decision", "Recommendation", "SDG", "SDGs", "action lines",
              "Action Plan", "progress", "address", "the", "of", "in", "No.", "#", "(", ")", "[", "2", "17", "2023",
              "71", "1920x1080", "four", "ITU goals", "Goal 3", "C5", "WTDC", " ", " ", ", ", "\n", "ſ", "İ"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(3000)]
    contexts = [RefContext(), RefContext(expect="sdg"), RefContext(expect="wsis"), RefContext(sector="ITU-D")]
    cases = [(text, rng.choice(contexts)) for text in texts]
    gated = [find.read_text(text, ctx, registry) for text, ctx in cases]
    monkeypatch.setattr(find, "_reference_like_in", may_look_like_reference)
    for (text, ctx), got in zip(cases, gated):
        assert got == find.read_text(text, ctx, registry), text
    assert sum(1 for (text, _), (refs, findings, _) in zip(cases, gated) if findings) > 50

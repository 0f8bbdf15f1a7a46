"""text_patterns.bullet_label, is_bullet_label's answers kept by label, answers as is_bullet_label
does: for glyphs, numbers, letters, private-use bullets, empty and missing labels, asked in any
order and again, and past MOST_LABELS labels (when the first ones are dropped)."""

from __future__ import annotations

import random

from actionplan_trace import text_patterns
from actionplan_trace.text_patterns import bullet_label, is_bullet_label

LABELS = [None, "", "•", "-", "–", "\uf0b7", "o", "1.", "2.1", "a)", "(iv)", "§", "* ", " ", "\u00b7\u00b7", "A.", "٣.", "①"]


def test_bullet_label_answers_as_is_bullet_label():
    rng = random.Random(61)
    for _ in range(3000):
        label = rng.choice(LABELS)
        assert bullet_label(label) is is_bullet_label(label), label
    for n in range(text_patterns.MOST_LABELS * 2 + 5):  # ever new labels: kept, the oldest dropped
        label = rng.choice([f"{n}.", f"({n})", "•" * (n % 7 + 1), f"{n}"])
        assert bullet_label(label) is is_bullet_label(label), label
    assert all(bullet_label(label) is is_bullet_label(label) for label in LABELS)

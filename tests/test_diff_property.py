"""Property: random edits to a generated document are reported exactly, and nothing else is.

A document of sections with paragraphs of random words gets random edits (words inserted,
deleted or replaced inside paragraphs; paragraphs added, removed, split, joined, moved to another
section; sections renamed). The diff must report each edit once with the right kind and texts, every
word diff must turn the old text into the new one, and there must be no other change.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan_trace.diff import diff_documents
from actionplan_trace.diff.words import new_text, old_text
from actionplan_trace.model import Block, Document, Section, Source


_SERIAL = itertools.count()


def _words(rng: random.Random, prefix: str, n: int) -> list[str]:
    """`n` words never seen before (a serial number keeps them unique even when shrinking)."""
    return [f"{prefix}{next(_SERIAL)}x{rng.randrange(1000)}" for _ in range(n)]


def _document(sections: list[tuple[str, str, str | None, list[str]]]) -> Document:
    out = []
    ids = {sid for sid, _, _, _ in sections}
    levels: dict[str, int] = {}
    for sid, title, parent, paragraphs in sections:
        level = levels[parent] + 1 if parent in ids and parent in levels else 1
        levels[sid] = level
        out.append(Section(sid, "heading", None, title, parent, level,
                           blocks=[Block("paragraph", p) for p in paragraphs]))
    return Document(Source("generated", "text", "0" * 64), out)


def _edit_words(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    for _ in range(rng.randint(1, 2)):
        action = rng.choice(("insert", "delete", "replace"))
        if action == "insert":
            words.insert(rng.randint(0, len(words)), _words(rng, "e", 1)[0])
        elif action == "delete" and len(words) > 4:
            del words[rng.randrange(len(words))]
        else:
            words[rng.randrange(len(words))] = _words(rng, "r", 1)[0]
    return " ".join(words)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_random_edits_are_reported_exactly(rng: random.Random) -> None:
    sections: list[tuple[str, str, str | None, list[str]]] = []
    for n in range(rng.randint(2, 5)):
        parent = sections[rng.randrange(n)][0] if n and rng.random() < 0.4 else None
        paragraphs = [" ".join(_words(rng, "w", rng.randint(6, 14))) for _ in range(rng.randint(0, 6))]
        sections.append((f"s{n}", " ".join(_words(rng, "t", rng.randint(1, 3))), parent, paragraphs))
    old = _document(sections)
    new_sections = [(sid, title, parent, list(paras)) for sid, title, parent, paras in sections]
    expected: Counter[tuple[str, str | None, str | None]] = Counter()
    renamed: set[str] = set()  # renamed sections keep their content (subtree), so they stay recognisable
    edited: set[str] = set()  # sections whose content changed: neither they nor their ancestors are renamed
    parents = {sid: parent for sid, _, parent, _ in sections}

    def line(sid: str | None) -> set[str]:
        """`sid` and its ancestors."""
        out = set()
        while sid is not None:
            out.add(sid)
            sid = parents.get(sid)
        return out

    def subtree(sid: str) -> set[str]:
        return {other for other in parents if sid in line(other)}
    touched: set[str] = set()  # paragraphs already edited, added or moved
    frozen: set[str] = set()  # sections with a split or join: no other edits there (it would be ambiguous)

    for _ in range(rng.randint(1, 6)):
        k = rng.randrange(len(new_sections))
        sid, title, parent, paras = new_sections[k]
        action = rng.choice(("words", "add", "remove", "move", "rename", "split", "join"))
        fresh = [i for i, p in enumerate(paras) if p in sections[k][3] and p not in touched]
        if action == "rename":
            if subtree(sid) & (edited | renamed):
                continue
            new_title = " ".join(_words(rng, "n", rng.randint(1, 3)))
            new_sections[k] = (sid, new_title, parent, paras)
            expected[("renamed", title, new_title)] += 1
            renamed.add(sid)
            continue
        if line(sid) & renamed or sid in frozen:
            continue
        if action == "words" and fresh:
            i = rng.choice(fresh)
            edited_text = _edit_words(rng, paras[i])
            if edited_text != paras[i]:
                expected[("modified", paras[i], edited_text)] += 1
                paras[i] = edited_text
                touched.add(edited_text)
                edited.add(sid)
        elif action == "add":
            text = " ".join(_words(rng, "a", rng.randint(6, 12)))
            paras.insert(rng.randint(0, len(paras)), text)
            expected[("added", None, text)] += 1
            touched.add(text)
            edited.add(sid)
        elif action == "remove" and fresh:
            i = rng.choice(fresh)
            expected[("removed", paras[i], None)] += 1
            del paras[i]
            edited.add(sid)
        elif action == "split" and fresh and sid not in edited:
            i = rng.choice(fresh)
            words = paras[i].split(" ")
            at = rng.randrange(1, len(words))
            first, second = " ".join(words[:at]), " ".join(words[at:])
            expected[("modified", paras[i], f"{first}\n{second}")] += 1
            paras[i:i + 1] = [first, second]
            touched.update((first, second))
            edited.add(sid)
            frozen.add(sid)
        elif action == "join" and sid not in edited and any(b == a + 1 for a, b in zip(fresh, fresh[1:])):
            i = rng.choice([a for a, b in zip(fresh, fresh[1:]) if b == a + 1])
            joined = f"{paras[i]} {paras[i + 1]}"
            expected[("modified", f"{paras[i]}\n{paras[i + 1]}", joined)] += 1
            paras[i:i + 2] = [joined]
            touched.add(joined)
            edited.add(sid)
            frozen.add(sid)
        elif action == "move" and fresh:
            targets = [j for j, s in enumerate(new_sections) if j != k and not line(s[0]) & renamed and s[0] not in frozen]
            if targets:
                i = rng.choice(fresh)
                text = paras.pop(i)
                j = rng.choice(targets)
                new_sections[j][3].insert(rng.randint(0, len(new_sections[j][3])), text)
                expected[("moved", text, text)] += 1
                touched.add(text)
                edited.update((sid, new_sections[j][0]))
    new = _document(new_sections)

    result = diff_documents(old, new)
    reported = Counter((c.kind, c.old, c.new) for c in result.changes)
    assert reported == expected
    for change in result.changes:
        assert change.formatting_only == (change.where is not None and "split" in change.where or "joined" in (change.where or ""))
        if change.words is not None:
            assert old_text(change.words) == change.old
            assert new_text(change.words) == change.new
        if change.kind in ("modified", "moved"):
            assert change.target == "block"
    assert diff_documents(old, _document(sections)).changes == []

"""The diff's alignment work grows about linearly with the documents: doubling a long input at
most about doubles the work (`diff.align.work` counts items scanned and cells compared, a
deterministic proxy for time; timings are in `make bench`)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from actionplan_trace import load
from actionplan_trace.diff import diff_documents
from actionplan_trace.diff.align import exact_pairs, work
from conftest import CORPUS

PLAN = (CORPUS / "text" / "objective2-new.txt").read_text(encoding="utf-8")


def renumbered(k: int) -> str:
    """Objective 2 of the plan as objective `k` (its outputs and outcomes k.1, k.2, …)."""
    text = re.sub(r"\bObjective 2\b", f"Objective {k}", PLAN)
    return re.sub(r"(?<![\d.])2\.(\d)", lambda m: f"{k}.{m.group(1)}", text)


def edited(text: str, rng: random.Random) -> str:
    """Change a word in about a fifth of the lines, drop a few lines and move a few."""
    lines = text.split("\n")
    out: list[str] = []
    moved: list[str] = []
    for line in lines:
        words = line.split(" ")
        roll = rng.random()
        if roll < 0.03:
            continue
        if roll < 0.06 and len(words) > 8:
            moved.append(line)
            continue
        if roll < 0.25 and len(words) > 4:
            words[rng.randrange(len(words))] = f"edit{rng.randrange(10**6)}"
        out.append(" ".join(words))
    for line in moved:
        out.insert(rng.randrange(len(out) + 1), line)
    return "\n".join(out)


def long_plan(copies: int) -> str:
    return "\n".join(renumbered(k) for k in range(1, copies + 1))


def one_section(paragraphs: int, rng: random.Random) -> str:
    """A document without headings: many paragraphs (some repeated boilerplate) in one section."""
    vocabulary = PLAN.split()
    boiler = [" ".join(rng.choice(vocabulary) for _ in range(12)) for _ in range(5)]
    paras = []
    for n in range(paragraphs):
        if n % 7 == 0:
            paras.append(boiler[n % 5])
        else:
            paras.append(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 30))))
    return "\n\n".join(paras)


def diff_work(tmp: Path, old: str, new: str, name: str) -> int:
    (tmp / f"{name}-old.txt").write_text(old, encoding="utf-8")
    (tmp / f"{name}-new.txt").write_text(new, encoding="utf-8")
    a, b = load(tmp / f"{name}-old.txt"), load(tmp / f"{name}-new.txt")
    work.clear()
    result = diff_documents(a, b)
    assert result.visible(), "the generated pair must differ"
    return sum(work.values())


CASES = {
    "short-vs-long": lambda n, rng: (PLAN, edited(long_plan(n), rng)),
    "long-vs-long": lambda n, rng: (long_plan(n), edited(long_plan(n), rng)),
    "one-section": lambda n, rng: (one_section(60 * n, random.Random(n)), edited(one_section(60 * n, random.Random(n)), rng)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_doubling_the_input_at_most_about_doubles_the_work(tmp_path, case) -> None:
    make = CASES[case]
    small = diff_work(tmp_path, *make(8, random.Random(1)), f"{case}-8")
    large = diff_work(tmp_path, *make(16, random.Random(1)), f"{case}-16")
    assert small > 0
    assert large <= 2.2 * small, (case, small, large, dict(work))


def test_exact_pairs_on_repeated_keys_is_linear() -> None:
    """Keys repeated in both sides (pages of boilerplate) used to send whole gaps to an LCS."""
    def run(n: int) -> int:
        rng = random.Random(3)
        a = [rng.randrange(20) for _ in range(n)]
        b = [k if rng.random() < 0.9 else rng.randrange(20) for k in a]
        work.clear()
        pairs = exact_pairs(a, b)
        assert all(a[i] == b[j] for i, j in pairs) and len(pairs) > n // 2
        return sum(work.values())

    assert run(8000) <= 2.2 * run(4000)

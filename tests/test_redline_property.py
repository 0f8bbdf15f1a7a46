"""Property: random edits of a generated .docx → redline → accept-all is NEW and reject-all is OLD.

A generated Word document (headings, body paragraphs with bold and italic runs, bullets, a table)
gets random edits: words inserted, deleted or replaced inside runs, paragraphs added, removed and
moved, table rows added and removed, cells edited, a heading renamed. The redline is read back by
pandoc (an independent reader) with --track-changes=accept and =reject, and by the project's own
reader in its two views; both must give NEW's and OLD's words exactly.
"""

from __future__ import annotations

import random
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pandoc_oracle import PANDOC, words as pandoc_words
from redline_oracle import make_redline, reader_words

POOL = ("network connectivity broadband spectrum policy regulation capacity digital inclusion "
        "members region study group resolution outcome output indicator emergency climate youth "
        "cybersecurity infrastructure satellite rural schools women innovation finance data").split()

Para = tuple[str, list[tuple[str, bool, bool]]]  # style, runs of (text, bold, italic)


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(POOL) for _ in range(n))


def _paragraph(rng: random.Random, style: str | None = None) -> Para:
    style = style or rng.choice(("Normal", "Normal", "List Bullet", "Heading 2"))
    runs = [(_text(rng, rng.randint(1, 6)) + " ", rng.random() < 0.3, rng.random() < 0.2)
            for _ in range(rng.randint(1, 3))]
    return style, runs


def _edit_runs(rng: random.Random, para: Para) -> Para:
    style, runs = para
    runs = list(runs)
    k = rng.randrange(len(runs))
    words = runs[k][0].split()
    action = rng.choice(("insert", "delete", "replace"))
    if action == "insert" or len(words) < 2:
        words.insert(rng.randint(0, len(words)), rng.choice(POOL).upper())
    elif action == "delete":
        del words[rng.randrange(len(words))]
    else:
        words[rng.randrange(len(words))] = rng.choice(POOL).title()
    runs[k] = (" ".join(words) + " ", runs[k][1], runs[k][2])
    return style, runs


def _write(path: Path, paras: list[Para], table: list[list[str]]) -> Path:
    document = docx.Document()
    for n, (style, runs) in enumerate(paras):
        p = document.add_paragraph(style=style)
        for text, bold, italic in runs:
            run = p.add_run(text)
            run.bold = bold or None
            run.italic = italic or None
        if n == len(paras) // 2 and table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for row, texts in zip(grid.rows, table):
                for cell, text in zip(row.cells, texts):
                    cell.text = text
    document.save(path)
    return path


@pytest.mark.skipif(PANDOC is None, reason="pandoc not installed (the independent reader)")
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_accept_all_is_new_and_reject_all_is_old(tmp_path: Path, rng: random.Random) -> None:
    old = [("Heading 1", [("1 Background", False, False)])] + [_paragraph(rng) for _ in range(rng.randint(3, 8))]
    table = [[_text(rng, 2), _text(rng, 3)] for _ in range(rng.randint(2, 4))]
    new, new_table = list(old), [list(row) for row in table]
    for _ in range(rng.randint(1, 5)):
        action = rng.choice(("words", "words", "add", "remove", "move", "row+", "row-", "cell", "rename"))
        body = range(1, len(new))
        if action == "words" and len(new) > 1:
            k = rng.choice(body)
            new[k] = _edit_runs(rng, new[k])
        elif action == "add":
            new.insert(rng.randint(1, len(new)), _paragraph(rng))
        elif action == "remove" and len(new) > 2:
            del new[rng.choice(body)]
        elif action == "move" and len(new) > 3:
            para = new.pop(rng.choice(range(1, len(new))))
            new.insert(rng.randint(1, len(new)), para)
        elif action == "row+":
            new_table.insert(rng.randint(0, len(new_table)), [_text(rng, 2), _text(rng, 4)])
        elif action == "row-" and len(new_table) > 1:
            del new_table[rng.randrange(len(new_table))]
        elif action == "cell":
            row = rng.choice(new_table)
            row[1] = row[1] + " " + rng.choice(POOL)
        elif action == "rename":
            new[0] = ("Heading 1", [("2 Background and scope", False, False)])
    old_path = _write(tmp_path / "old.docx", old, table)
    new_path = _write(tmp_path / "new.docx", new, new_table)
    out = tmp_path / "redline.docx"
    make_redline(old_path, new_path, out)
    assert pandoc_words(out, "accept") == pandoc_words(new_path)
    assert pandoc_words(out, "reject") == pandoc_words(old_path)
    assert reader_words(out) == reader_words(new_path)
    assert reader_words(out, "original") == reader_words(old_path)

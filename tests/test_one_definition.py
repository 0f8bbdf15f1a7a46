"""Bullet glyphs and leading list numbers are spelled in one module, text_patterns, which every
extractor, structure, diff and validate import: a second spelling drifts from the first (a reader
that took "(SIDS)" for a list label while the others did not).

Every string literal of the package but docstrings is read with `ast`: outside text_patterns, none
holds a bullet glyph or a piece of a list-number pattern.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

from actionplan_trace.text_patterns import BULLET_GLYPHS

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "actionplan_trace"
HOME = "text_patterns.py"
# "·" is also a leader dot (contents entries, the terminal's separators), not only a bullet.
GLYPHS = frozenset(BULLET_GLYPHS) - {"·"}
# What a list-number pattern spells: a number or a letter with its stop, a clause number's levels.
LABEL_PIECES = (r"\d+[.)]", r"[a-zA-Z][.)]", r"[A-Za-z][.)]", r"\d{1,2}(?:\.\d{1,2})")
# The Symbol font's code table maps 0xB7 to "•" among thirty other signs: a font's table, not a
# bullet definition.
EXEMPT = {"extract/docx/glyphs.py": "•"}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def spellings(planted: dict[str, str] | None = None) -> list[str]:
    """Every literal outside text_patterns that spells a bullet glyph or a list-number piece;
    `planted` adds text to the end of some modules (paths relative to the package)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name == HOME:
            continue
        found += _module_spellings(name, path.read_text(encoding="utf-8") + (planted or {}).get(name, ""))
    return found


@functools.lru_cache(maxsize=None)
def _module_spellings(name: str, source: str) -> tuple[str, ...]:
    """The spellings of one module's text, worked out once per text: the tests read every module
    of the package, and all but a planted one are the same text in each of them."""
    found = []
    tree = ast.parse(source)
    docs = _docstrings(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or id(node) in docs:
            continue
        glyphs = sorted(set(node.value) & GLYPHS - set(EXEMPT.get(name, "")))
        pieces = [piece for piece in LABEL_PIECES if piece in node.value]
        if glyphs or pieces:
            found.append(f"{name}:{node.lineno}: " + " ".join(filter(None, ["".join(glyphs), *pieces])))
    return tuple(found)


def test_no_module_but_text_patterns_spells_a_bullet_or_a_list_number() -> None:
    assert spellings() == []


@pytest.mark.parametrize(
    ("module", "text", "expected"),
    [
        ("extract/text.py", 'ITEM = regex(r"^\\s*(?:[-•▪]|\\d+[.)])\\s+")\n', "extract/text.py:"),
        ("refs/reports.py", 'MARKS = "•◦‣-–"\n', "refs/reports.py:"),
        ("structure.py", 'CLAUSE = r"^\\d{1,2}(?:\\.\\d{1,2})*\\s"\n', "structure.py:"),
        ("diff/ignore.py", 'def f():\n    return regex(r"^[a-zA-Z][.)]\\s")\n', "diff/ignore.py:"),
    ],
)
def test_the_check_catches_a_second_spelling(module: str, text: str, expected: str) -> None:
    """A planted spelling is reported (so the clean result above means something)."""
    assert any(found.startswith(expected) for found in spellings({module: "\n" + text}))

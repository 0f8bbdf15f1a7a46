"""Equations (OMML) as text in Word's linear form, so that `x^2` and `x2` do not read the same.

The reader walks an equation's math runs (`m:t`) in order like any other text; this module
says what to write around the parts whose position carries meaning: a superscript `^`, a
subscript `_`, a denominator `/`, a radical `√`, delimiters and n-ary operators (their
characters are properties, not text), with parentheses when a script or fraction part is
longer than one character (`r^2`, `e^(iπ)`, `(a+b)/(c)`, `∑_(k=1)^n`).
"""

from __future__ import annotations

from lxml import etree

from .ooxml import M, M_T

_MARKS = {M + "sup": "^", M + "sub": "_", M + "den": "/", M + "rad": "√"}
MATH_MARKS = frozenset(_MARKS) | {M + "num", M + "d", M + "nary"}
M_VAL = M + "val"


def math_marks(el: etree._Element) -> tuple[str, str]:
    """The text to write before and after an equation part (script, fraction part, radical, delimiter, n-ary)."""
    inner = "".join(t.text or "" for t in el.iter(M_T))
    if el.tag == M + "d":
        return _chr(el, "dPr", "begChr", "("), _chr(el, "dPr", "endChr", ")")
    if el.tag == M + "nary":
        return _chr(el, "naryPr", "chr", "∫"), ""
    if el.tag == M + "rad":
        return "√", ""
    if el.tag == M + "num":
        return ("(", ")") if len(inner) > 1 else ("", "")
    mark = _MARKS[el.tag]
    return (mark + "(", ")") if len(inner) > 1 else (mark, "")


def _chr(el: etree._Element, props: str, name: str, default: str) -> str:
    """A character property of an equation part (`m:dPr/m:begChr`, `m:naryPr/m:chr`), else its default."""
    node = el.find(f"{M}{props}/{M}{name}")
    return node.get(M_VAL, default) if node is not None else default

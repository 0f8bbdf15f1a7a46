"""Bullet glyphs and leading list numbers: the one definition every extractor, structure, diff and
validate share.

`BULLET` (a line of a .docx or PDF): a glyph of `BULLET_GLYPHS`, or a dash or asterisk
(`DASH_BULLETS`) followed by white space, so "-5 %" and "*see*" stay text. `SPACED_BULLET` (a line
of a text rendering or a table-cell paragraph): any of those or a font-fallback letter
(`FONT_BULLETS`: Courier New's "o", Wingdings' "§", as plain-text renderings of Word lists show
them), always followed by white space. Symbol and Wingdings fonts draw bullets from private-use code points; `pua_bullet`
maps them to the Unicode glyph they show.

Leading numbers come in two strengths, built from the same label alternatives:

- `LEADER`: a bullet glyph, a punctuated list label ("2.1", "2.1.", "(2.1)", "3.", "3)", "(3)",
  "a.", "(a)", "iv.", "IV.", "A."), or a number followed by a tab (Word numbering in a text
  rendering). The diff strips these to tell formatting from wording, so a bare "3 outputs"
  keeps its number there.
- `TYPED_NUMBER`: a label, or a bare decimal number ("2 Title", "2.1 Title"), as typed or
  printed before a heading; structure, the PDF reader and validate strip or detect it.
"""

from __future__ import annotations

import re

from .regexcache import regex

NB_HYPHEN = "\u2011"
"""Word's non-breaking hyphen (w:noBreakHyphen), which pandoc and PDF text layers write as U+2011:
a hyphen ("-") in the model, whatever wrote it, so that "ITU‑D SG 2 Question 3/2" names its
sector and a rendering diffs clean against the .docx it came from."""


def plain_hyphens(text: str) -> str:
    """`text` with its non-breaking hyphens (NB_HYPHEN) as "-"; the text itself when it has none."""
    return text.replace(NB_HYPHEN, "-") if NB_HYPHEN in text else text


def unspaced(text: str) -> str:
    """`text` with no white space: how a table column is known by its header, which a narrow PDF
    column wraps inside a word ("Objecti ve 1" is "Objective 1")."""
    return "".join(text.split())


BULLET_GLYPHS = "•◦▪▫‣⁃●○■□➢➤►✓❖◆·"
DASH_BULLETS = "-–—*"
FONT_BULLETS = "o§"
_SPACE = r"[\s\u00a0]"

# Private-use glyphs (offset 0xF000 removed) that Symbol and Wingdings draw as bullets.
PUA_BULLETS = {
    0xB7: "•", 0xA7: "▪", 0xA8: "◆", 0xD8: "➢", 0x76: "❖", 0xFC: "✓", 0x6E: "■",
    0x71: "❑", 0x6C: "●", 0xE8: "➔", 0xF0: "⇨", 0x2D: "-", 0x3E: "›",
}

# The bullet a line starts with (group 1), and the white space after it.
BULLET = regex(rf"^\s*([{BULLET_GLYPHS}]|[{re.escape(DASH_BULLETS)}](?={_SPACE})){_SPACE}*")
# A bullet followed by white space, as text renderings write list items (group 1: the glyph).
SPACED_BULLET = regex(rf"^\s*([{BULLET_GLYPHS}{re.escape(DASH_BULLETS + FONT_BULLETS)}]){_SPACE}+")
# What a line SPACED_BULLET matches opens with after its indentation.
SPACED_BULLET_LEADS = frozenset(BULLET_GLYPHS + DASH_BULLETS + FONT_BULLETS)

_LABEL = r"""(?:
      \(?\d+(?:\.\d+)+\.?\)?                 # 2.1  2.1.  (2.1)
    | \(?\d+[.)]                             # 1.  1)  (1)
    | \(\d+\)
    | \(?[a-zA-Z][.)]                        # a.  a)  (a)  A.
    | \(?[ivxIVX]+[.)]                       # iv.  iv)  IV.
)"""
TYPED_NUMBER = regex(rf"^\s*(?:{_LABEL}|\d+(?:\.\d+)*)[\s\u00a0]+", re.VERBOSE)
# A bullet glyph or a number label, as the diff strips them.
LEADER = regex(
    rf"^\s*(?:[{BULLET_GLYPHS}{re.escape(DASH_BULLETS + FONT_BULLETS)}>]|{_LABEL}|\d+(?=\t))(?:\s*[-–—:]\s+|\s+)",
    re.VERBOSE,
)


def spaced_bullet(text: str) -> re.Match[str] | None:
    """SPACED_BULLET's match of `text`, tried only when the text opens (after its indentation)
    with a character the pattern can open with: most paragraphs do not, and a regex call costs
    more than the test."""
    return SPACED_BULLET.match(text) if text.lstrip()[:1] in SPACED_BULLET_LEADS else None


def pua_bullet(code: int) -> str:
    """The glyph a Symbol/Wingdings private-use code point (0x00-0xFF) draws in a bullet."""
    return PUA_BULLETS.get(code, "•")


def bullet_of(text: str) -> str | None:
    """The bullet glyph that opens `text`, if any (see the module docstring)."""
    m = BULLET.match(text)
    return m.group(1) if m else None


def is_bullet_label(label: str | None) -> bool:
    """True for a list label that is a glyph rather than a number or letter."""
    return bool(label) and not any(ch.isalnum() for ch in label or "")

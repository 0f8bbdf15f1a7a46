"""Text going into an XML output (Word, GraphML, JUnit) must be legal XML 1.0 characters.

A text rendering may hold ESC, other C0 controls, U+FFFE/U+FFFF or lone surrogates (from a
non-UTF-8 file name); XML 1.0 cannot carry them (lxml refuses, ElementTree writes a broken
file). They are written as their visible escape (`\\x1b`, `\\ufffe`, `\\udcff`), so nothing is
silently dropped and the output always parses.
"""

from __future__ import annotations

import re

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def xml_text(text: str) -> str:
    """`text` with every character XML 1.0 cannot hold replaced by its escape."""
    return NOT_XML.sub(_escape, text) if NOT_XML.search(text) else text

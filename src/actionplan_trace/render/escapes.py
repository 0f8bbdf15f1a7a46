"""Escapes for text going where control characters must not: terminals and XML.

Document text may hold ESC sequences (`ESC]0;title BEL` retitles the window, `ESC[2J` clears it),
carriage returns that overwrite a line, bidirectional overrides that reorder what is shown, or
lone surrogates from a non-UTF-8 file name. `printable` shows them as Python-style escapes
(`\\x1b`, `\\r` as `\\x0d`, `\\u202e`, `\\udcff`) for terminals and plain-text reports; JSON and
CSV keep them (JSON escapes them itself). `xml_text` does the same for the characters XML 1.0
cannot hold (lxml refuses them, ElementTree writes a broken file), so the Word redline, GraphML
and JUnit outputs always parse and nothing is silently dropped. `seen` escapes an edit none of
whose characters prints, so that a diff report never shows an empty mark. Only `re` and
`unicodedata` are imported: the CLI's error line uses `printable` without loading Rich.
"""

from __future__ import annotations

import re
import unicodedata

from ..regexcache import regex

UNSAFE = regex("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
LINE_UNSAFE = regex("[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
NOT_XML = regex("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    return _escaped(match.group())


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def printable(text: str) -> str:
    """`text` with every control character (tab and newline kept), bidirectional control and lone
    surrogate replaced by its Python-style escape."""
    return UNSAFE.sub(_escape, text) if UNSAFE.search(text) else text


def one_line(text: str) -> str:
    """`text` as `printable` gives it, its line breaks escaped too: a finding's line or a
    file name stays one line, so that a name such as "a\\n::warning::…" cannot pass for a line
    of its own (GitHub Actions reads any line of a step's output that starts "::" as a command)."""
    return LINE_UNSAFE.sub(_escape, text) if LINE_UNSAFE.search(text) else text


UNSEEN = frozenset({"Cc", "Cf", "Cn", "Co", "Cs"})  # categories of characters that print nothing of their own


def seen(text: str) -> str:
    """`text` as a report shows an edit: where none of its characters but white space prints (a
    Symbol font's private-use bullet U+F0B7 without that font, a zero-width space), each of them
    as its escape (`\\uf0b7`), so that an edit never shows as empty marks (`{++}`)."""
    core = [char for char in text if not char.isspace()]
    if not core or any(unicodedata.category(char) not in UNSEEN for char in core):
        return text
    return "".join(char if char.isspace() else _escaped(char) for char in text)


def xml_text(text: str) -> str:
    """`text` with every character XML 1.0 cannot hold replaced by its escape."""
    return NOT_XML.sub(_escape, text) if NOT_XML.search(text) else text

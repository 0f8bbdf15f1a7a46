"""Terminal safety: document text never reaches a terminal as control characters.

A document may hold ESC sequences (`ESC]0;title BEL` retitles the window, `ESC[2J` clears it),
carriage returns that overwrite a line, bidirectional overrides that reorder what is shown, or
lone surrogates from a non-UTF-8 file name. Every report meant for people shows them escaped,
as `\\x1b`, `\\r`, `\\u202e`, `\\udcff`; JSON and CSV keep them as they are (JSON escapes them).
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control character (tab and newline kept), bidirectional control and lone
    surrogate replaced by its Python-style escape."""
    return UNSAFE.sub(_escape, text) if UNSAFE.search(text) else text


def printable_text(text: Text) -> Text:
    """A Rich Text with its control characters escaped, styles kept."""
    if not UNSAFE.search(text.plain):
        return text
    parts = [(printable(seg.text), seg.style or "") for seg in text.render(Console(color_system=None), end="")]
    out = Text.assemble(*parts, justify=text.justify, overflow=text.overflow, no_wrap=text.no_wrap, end=text.end)
    return out


class SafeConsole(Console):
    """A Rich console that escapes control characters of the text it is given, before layout.

    Strings (tree labels, table cells) pass through `render_str`; Text objects through `render`.
    """

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(printable(text), **kwargs)

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        if isinstance(renderable, Text):
            renderable = printable_text(renderable)
        return super().render(renderable, options)

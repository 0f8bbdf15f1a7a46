"""Terminal safety: document text never reaches a terminal as control characters.

`SafeConsole` is the Rich console every command prints with: it escapes (see `escapes.printable`)
the strings and Text it is given before layout, so widths stay right.
"""

from __future__ import annotations

import errno
import os
from typing import Any, Iterable

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

from .escapes import UNSAFE, printable


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

    def on_broken_pipe(self) -> None:
        """A reader that went away (`trace … | head`) is raised again, for the caller to end the
        run (the CLI: quietly, with SIGPIPE's 141): Rich's own ending, SystemExit(1), would read
        as a diff's "differences found"."""
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

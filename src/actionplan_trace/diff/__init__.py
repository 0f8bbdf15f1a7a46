"""The diff engine: what was amended between two revisions, in the document's own terms.

`diff_documents(old, new, refs=...)` compares two `Document`s and returns a `DiffResult`
(changes in reading order plus the merged steps the renderers need); `run_diff` is the whole
`trace diff` command as one call.
"""

from __future__ import annotations

from .api import FORMATS, compare, reference_finder, render, run_diff
from .changes import CHANGE_KINDS, Change, DiffResult
from .engine import diff_documents

__all__ = [
    "CHANGE_KINDS", "Change", "DiffResult", "FORMATS", "compare", "diff_documents", "reference_finder",
    "render", "run_diff",
]

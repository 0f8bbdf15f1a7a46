"""The diff engine: what was amended between two revisions, in the document's own terms.

`diff_documents(old, new, locate=...)` compares two `Document`s and returns a `DiffResult`
(changes in reading order plus the merged steps the renderers need); `compare` reads two files
(or one revision-marked .docx) first. Rendering is the application layer's (`app.run_diff`).
"""

from __future__ import annotations

from .api import compare, reference_finder, reference_locator
from .changes import CHANGE_KINDS, Change, DiffResult
from .engine import diff_documents

__all__ = [
    "CHANGE_KINDS", "Change", "DiffResult", "compare", "diff_documents", "reference_finder", "reference_locator",
]

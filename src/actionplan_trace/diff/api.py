"""Comparing files: two revisions, or one revision-marked .docx against itself.

Rendering and writing the result belong to the application layer (`app.run_diff`); the diff
never imports a renderer.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from ..loader import load
from ..profiles import Profile
from .changes import DiffResult
from .engine import Refs, diff_documents
from .ignore import DEFAULT_IGNORE
from .revisions import attribute


def reference_finder() -> Refs | None:
    """`(text, field) -> set of canonical reference ids` from the normaliser, or None if it is
    absent. A field (table column) reads its text as `trace refs` reads that column: bare "3.8,
    17.18" in an SDGs column are SDG targets."""
    try:
        from ..refs.document import SectionContext, field_context, load_rules
        from ..refs.find import find_refs
        from ..refs.types import RefContext
    except ImportError:
        return None
    rules = load_rules()
    body = SectionContext(RefContext(), False)

    def refs(text: str, field: str | None = None) -> set[str]:
        """Canonical ids of the references in `text`, read under `field`."""
        found, _ = find_refs(text, field_context(body, field, rules).ctx if field else body.ctx)
        return {r.id for r in found}

    return refs


def compare(
    old_path: str | Path,
    new_path: str | Path | None = None,
    *,
    profile: str | Profile | None = None,
    refs: Refs | None = None,
    ignore: frozenset[str] = DEFAULT_IGNORE,
) -> DiffResult:
    """Diff two files, or one .docx's original view against its accepted view when `new_path` is None."""
    if new_path is None:
        old = load(old_path, profile=profile, view="original")
        if old.source.format != "docx":
            raise UsageError(f"{old_path}: a single file must be a .docx with revision marks; give two files")
        new = load(old_path, profile=profile or old.source.profile, view="accepted")
        result = diff_documents(old, new, refs=refs, ignore=ignore)
        attribute(result.changes, old, new)
        return result
    old = load(old_path, profile=profile)
    new = load(new_path, profile=profile)
    return diff_documents(old, new, refs=refs, ignore=ignore)

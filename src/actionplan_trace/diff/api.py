"""Comparing files: two revisions, or one revision-marked .docx against itself.

Rendering and writing the result belong to the application layer (`app.run_diff`); the diff
never imports a renderer.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from ..loader import load
from ..model import Document
from ..profiles import Profile
from .changes import DiffResult
from .engine import Locate, LocKey, RefIndex, Refs, diff_documents, loc_key
from .ignore import DEFAULT_IGNORE
from .revisions import attribute, attribute_new_marks
from .tokens import words


def reference_finder() -> Refs | None:
    """`text -> set of canonical reference ids` from the normaliser, or None if it is absent: a
    stand-in reader of texts out of their place (no section or column context)."""
    try:
        from ..refs.find import find_refs
    except ImportError:
        return None

    def refs(text: str) -> set[str]:
        """Canonical ids of the references in `text`."""
        found, _ = find_refs(text)
        return {r.id for r in found}

    return refs


def reference_locator() -> Locate | None:
    """`document -> its reference ids by place` from the normaliser (None if it is absent): the
    references `trace refs` finds, each text under its section's and column's context, so a
    change's references are those `trace refs` reports at its places."""
    try:
        from ..refs import document_refs
    except ImportError:
        return None

    def locate(doc: Document) -> RefIndex:
        index: dict[tuple[str | None, LocKey], list[tuple[str, tuple[str, ...], str | None]]] = {}
        for ref in document_refs(doc).refs:
            index.setdefault((ref.section, loc_key(ref.loc)), []).append(
                (ref.id, tuple(words(ref.text)), str(ref.rev) if ref.rev is not None else None))
        return index

    return locate


def compare(
    old_path: str | Path,
    new_path: str | Path | None = None,
    *,
    profile: str | Profile | None = None,
    refs: Refs | None = None,
    locate: Locate | None = None,
    ignore: frozenset[str] = DEFAULT_IGNORE,
) -> DiffResult:
    """Diff two files, or one .docx's original view against its accepted view when `new_path` is None."""
    if new_path is None:
        old = load(old_path, profile=profile, view="original")
        if old.source.format != "docx":
            raise UsageError(f"{old_path}: a single file must be a .docx with revision marks; give two files")
        new = load(old_path, profile=profile or old.source.profile, view="accepted")
        result = diff_documents(old, new, refs=refs, locate=locate, ignore=ignore)
        attribute(result.changes, old, new)
        return result
    old = load(old_path, profile=profile)
    new = load(new_path, profile=profile)
    result = diff_documents(old, new, refs=refs, locate=locate, ignore=ignore)
    attribute_new_marks(result.changes, old, new)
    return result

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
    """`(old, new) -> their reference ids by place` from the normaliser (None if it is absent): the
    references `trace refs` finds, each text under its section's and column's context, so a
    change's references are those `trace refs` reports at its places.

    A plan-internal id carries the edition its document settles ("ITU-D-OUTCOME-2.2@WTDC-17"),
    read from the whole text: two revisions that settle different editions of a series (one
    cites "(Rev. Kigali, 2022)" where the other cited "(Rev. Buenos Aires, 2017)") would show every
    edited paragraph citing "Outcome 2.2" losing one id and gaining the other. Such ids are
    compared without that edition; each revision's own id is what a change reports."""
    try:
        from ..refs import document_refs
        from ..refs.document import document_editions
    except ImportError:
        return None

    def index(doc: Document, unscoped: set[str]) -> RefIndex:
        out: dict[tuple[str | None, LocKey], list[tuple[str, tuple[str, ...], str | None, str]]] = {}
        for ref in document_refs(doc).refs:
            base, at, edition = ref.id.rpartition("@")
            key = f"{base}@" if at and edition in unscoped else ref.id
            out.setdefault((ref.section, loc_key(ref.loc)), []).append(
                (ref.id, tuple(words(ref.text)), str(ref.rev) if ref.rev is not None else None, key))
        return out

    def locate(old: Document, new: Document) -> tuple[RefIndex, RefIndex]:
        settled = document_editions(old).by_series, document_editions(new).by_series
        differ = {series for series in settled[0].keys() & settled[1].keys()
                  if settled[0][series] != settled[1][series]}
        return (index(old, {settled[0][series] for series in differ}),
                index(new, {settled[1][series] for series in differ}))

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
    """Diff two files, or one file's original view against its accepted view when `new_path` is None
    (a .docx, or a PDF printed with its revision marks: extract.pdf_markup)."""
    if new_path is None:
        old = load(old_path, profile=profile, view="original")
        if old.source.format != "docx" and not old.revisions:
            raise UsageError(f"{old_path}: a single file must be a .docx with revision marks, or a PDF printed with "
                             "them; give two files")
        new = load(old_path, profile=profile or old.source.profile, view="accepted")
        result = diff_documents(old, new, refs=refs, locate=locate, ignore=ignore)
        attribute(result.changes, old, new)
        return result
    old = load(old_path, profile=profile)
    new = load(new_path, profile=profile)
    result = diff_documents(old, new, refs=refs, locate=locate, ignore=ignore)
    attribute_new_marks(result.changes, old, new)
    return result

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
    compared without that edition; so are they where one revision settles the series and the
    other does not (its one "(Rev. Kigali, 2022)" beside the other's "(Rev. Buenos Aires, 2017)"
    leaves it open: "ITU-D-OUTCOME-2.2" against "ITU-D-OUTCOME-2.2@WTDC-17"); each revision's own
    id is what a change reports."""
    try:
        from ..refs import document_refs
        from ..refs.document import document_editions
    except ImportError:
        return None

    def index(doc: Document, unscoped: set[str], bare: set[str]) -> RefIndex:
        """`doc`'s references by place, each keyed by its id, without the edition where it is one
        of `unscoped`, and as without one where its family is one of `bare` and it has none."""
        out: dict[tuple[str | None, LocKey], list[tuple[str, tuple[str, ...], str | None, str]]] = {}
        for ref in document_refs(doc).refs:
            base, at, edition = ref.id.rpartition("@")
            key = f"{base}@" if at and edition in unscoped else f"{ref.id}@" if not at and ref.family in bare else ref.id
            out.setdefault((ref.section, loc_key(ref.loc)), []).append(
                (ref.id, tuple(words(ref.text)), str(ref.rev) if ref.rev is not None else None, key))
        return out

    def locate(old: Document, new: Document) -> tuple[RefIndex, RefIndex]:
        editions = document_editions(old), document_editions(new)
        settled = editions[0].by_series, editions[1].by_series
        differ = {series for series in settled[0].keys() | settled[1].keys() if settled[0].get(series) != settled[1].get(series)}

        def keys(side: int) -> tuple[set[str], set[str]]:
            """The editions of `side` compared without them, and its families left without one."""
            return ({settled[side][series] for series in differ if series in settled[side]},
                    {family for family, series in editions[side].scope.items() if series in differ and series not in settled[side]})

        return index(old, *keys(0)), index(new, *keys(1))

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

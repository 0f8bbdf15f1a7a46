"""actionplan-trace: extract, cross-reference and diff ITU planning documents.

The pipeline runs one way: file → `extract.read` (flat blocks) → `structure.build` with a profile
(section tree) → `refs` (canonical references, graph) → `diff` → `render`. `load` is the one call
that takes a path to a structured `Document`.
"""

from __future__ import annotations

from pathlib import Path

from .model import Document
from .profiles import Profile, detect_profile, get_profile

__version__ = "0.1.0"


def load(path: str | Path, profile: str | Profile | None = None, view: str = "accepted") -> Document:
    """Read `path` and structure it with `profile` (a name, a Profile, or None to detect one)."""
    from .extract import read
    from .structure import build

    raw = read(path, view=view)
    if profile is None:
        chosen = detect_profile(b.text for b in raw.blocks[:4000] if b.type != "table")
    elif isinstance(profile, str):
        chosen = get_profile(profile)
    else:
        chosen = profile
    return build(raw, chosen)


__all__ = ["Document", "load", "__version__"]

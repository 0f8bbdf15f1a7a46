"""From a path to a structured `Document`: extract the flat blocks, pick a profile, build the tree.

This is the top of the file → model layer; every later layer (refs, diff, validate) and the
application layer call `load`, never the package root.
"""

from __future__ import annotations

from pathlib import Path

from .model import Document, View
from .profiles import Profile, detect_profile, get_profile


def load(path: str | Path, profile: str | Profile | None = None, view: View = "accepted", *,
         digest: bool = True) -> Document:
    """Read `path` and structure it with `profile` (a name, a YAML path, a Profile, or None to detect
    one); `digest=False` leaves `source.sha256` None (see extract.read)."""
    from .extract import read
    from .structure import build

    raw = read(path, view=view, digest=digest)
    if profile is None:
        chosen = detect_profile(b.text for b in raw.blocks[:4000] if b.type != "table")
    elif isinstance(profile, str):
        chosen = get_profile(profile)
    else:
        chosen = profile
    return build(raw, chosen)

"""actionplan-trace: extract, cross-reference and diff ITU planning documents.

The pipeline runs one way: file → `extract.read` (flat blocks) → `structure.build` with a profile
(section tree) → `refs` (canonical references, graph) → `diff` → `render`; `app` strings them
together for each command. `load` is the one call that takes a path to a structured `Document`.
Nothing inside the package imports this module (see tests/test_layering.py).
"""

from __future__ import annotations

from typing import Any

from .loader import load
from .model import Document

__all__ = ["Document", "load", "__version__"]


def __getattr__(name: str) -> Any:
    """`__version__` from the installed metadata, read only when asked for."""
    if name == "__version__":
        from .version import package_version

        return package_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

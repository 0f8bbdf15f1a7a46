"""actionplan-trace: extract, cross-reference and diff ITU planning documents.

The pipeline runs one way: file → `extract.read` (flat blocks) → `structure.build` with a profile
(section tree) → `refs` (canonical references, graph) → `diff` → `render`; `app` strings them
together for each command. `load` is the one call that takes a path to a structured `Document`.
Nothing inside the package imports this module (see tests/test_layering.py).
"""

from __future__ import annotations

# typing.TYPE_CHECKING without importing typing here: a command imports it later, in cli.py, while
# the garbage collector is paused (its objects set off collections when made before).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .loader import load
    from .model import Document

    __version__: str

__all__ = ["Document", "load", "__version__"]


def __getattr__(name: str) -> Any:
    """`load`, `Document` and `__version__`, imported only when asked for: every `trace` command
    imports this package first, and `trace --version` or `--help` needs none of the pipeline."""
    if name == "load":
        from .loader import load

        return load
    if name == "Document":
        from .model import Document

        return Document
    if name == "__version__":
        from .version import package_version

        return package_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""The package's two hashes, both from the interpreter's built-in modules: importing hashlib loads
OpenSSL, about 3 ms of a start-up, for the same digests (random.py takes sha512 the same way).

- `sha256` names files: `Source.sha256`, `trace check`'s result cache, findings' fingerprints.
  Its module is imported on the first call: a `trace refs` run hashes nothing with it, and the
  import was some 0.4 M instructions of its start-up.
- `blake2b` names the disk cache's entries (diskcache.memo): about a third of sha256's cost in
  the built-in modules, which matters where a run hashes every rules file and a .docx's 350 KB
  styles.xml only to find its cache entry.

Each module is looked for under its own version's name (`_sha2` from Python 3.12, `_sha256`
before): a failed import searches every directory of sys.path, some 0.5 M instructions.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from _hashlib import HASH

try:
    from _blake2 import blake2b
except ImportError:
    from hashlib import blake2b

__all__ = ["blake2b", "sha256"]

_sha256: Callable[[bytes], HASH] | None = None


def sha256(data: bytes = b"") -> HASH:
    """A sha256 hash object of `data`, as `hashlib.sha256(data)` gives it."""
    global _sha256
    if _sha256 is None:
        _sha256 = _sha256_type()
    return _sha256(data)


def _sha256_type() -> Callable[[bytes], HASH]:
    """The built-in module's sha256 (hashlib's where the interpreter has none)."""
    try:
        if sys.version_info >= (3, 12):
            from _sha2 import sha256 as made  # type: ignore[import-not-found]
        else:
            from _sha256 import sha256 as made  # type: ignore[import-not-found]
    except ImportError:
        from hashlib import sha256 as made
    return made

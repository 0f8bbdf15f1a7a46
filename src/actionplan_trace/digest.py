"""The package's two hashes, both from the interpreter's built-in modules: importing hashlib loads
OpenSSL, about 3 ms of a start-up, for the same digests (random.py takes sha512 the same way).

- `sha256` names files: `Source.sha256`, `trace check`'s result cache, findings' fingerprints.
- `blake2b` names the disk cache's entries (diskcache.memo): about a third of sha256's cost in
  the built-in modules, which matters where a run hashes every rules file and a .docx's 350 KB
  styles.xml only to find its cache entry.
"""

from __future__ import annotations

try:
    from _sha2 import sha256  # type: ignore[import-not-found]  # Python 3.12 and later
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found]  # Python 3.11
    except ImportError:
        from hashlib import sha256

try:
    from _blake2 import blake2b
except ImportError:
    from hashlib import blake2b

__all__ = ["blake2b", "sha256"]

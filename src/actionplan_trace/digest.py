"""`sha256`, the one hash the package names files and cache entries by.

Importing hashlib loads OpenSSL, about 3 ms of a start-up; the interpreter's built-in sha256
module gives the same digests (random.py takes sha512 the same way)."""

from __future__ import annotations

try:
    from _sha2 import sha256  # type: ignore[import-not-found]  # Python 3.12 and later
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found]  # Python 3.11
    except ImportError:
        from hashlib import sha256

__all__ = ["sha256"]

"""digest.sha256, whose module is imported on its first call, is hashlib's sha256."""

from __future__ import annotations

import hashlib

from actionplan_trace.digest import blake2b, sha256


def test_sha256_is_hashlib_s() -> None:
    for data in (b"", b"abc", "Résolution 71\x1fC5".encode("utf-8"), bytes(range(256)) * 300):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
        grown = sha256()
        for start in range(0, len(data), 1000):
            grown.update(data[start:start + 1000])
        assert grown.digest() == hashlib.sha256(data).digest()
    assert blake2b(b"abc", digest_size=32).hexdigest() == hashlib.blake2b(b"abc", digest_size=32).hexdigest()

"""The installed package's version, from its metadata (pyproject.toml is the one place it is written)."""

from __future__ import annotations

import os
import sys
from functools import lru_cache

DISTRIBUTION = "actionplan-trace"
DIST_INFO_PREFIX = DISTRIBUTION.replace("-", "_") + "-"
"""How the installed distribution's metadata folder starts (`actionplan_trace-1.2.0.dist-info`):
pip writes the name normalised, dashes made underscores."""


@lru_cache(maxsize=1)
def package_version() -> str:
    """The version pip recorded for the distribution ("0+unknown" when run from a bare source tree).

    Read from the first `actionplan_trace-*.dist-info/METADATA` on sys.path, the one
    importlib.metadata would find first: importing importlib.metadata (the email parser, zipfile,
    csv…) costs some 18 ms, which `trace --version` and every `trace check` (its cache key) paid.
    Anything else (an egg, a zipped path, a metadata file without a version) is left to it."""
    for entry in sys.path:
        try:
            names = sorted(name for name in os.listdir(entry or ".")
                           if name.startswith(DIST_INFO_PREFIX) and name.endswith(".dist-info"))
        except OSError:
            continue
        if names:
            version = _metadata_version(os.path.join(entry or ".", names[0], "METADATA"))
            if version is not None:
                return version
            break
    from importlib.metadata import PackageNotFoundError, version as metadata_version

    try:
        return metadata_version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"


def _metadata_version(path: str) -> str | None:
    """The `Version:` field of a METADATA file's header (None when it has none or cannot be read)."""
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():  # the header ends at the first blank line
                    return None
                if line.startswith("Version:"):
                    return line[len("Version:"):].strip() or None
    except (OSError, UnicodeDecodeError):
        return None
    return None

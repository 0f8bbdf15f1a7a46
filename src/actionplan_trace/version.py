"""The installed package's version, from its metadata (pyproject.toml is the one place it is written)."""

from __future__ import annotations

import os
import re
import sys
from functools import lru_cache

DISTRIBUTION = "actionplan-trace"
NORMALISED = "actionplan_trace"
"""The distribution's name as importlib.metadata matches it (lower case, runs of "-", "_" and "."
made one "_")."""


def version_line() -> str:
    """What `trace --version` prints."""
    return f"{DISTRIBUTION} {package_version()}\n"


@lru_cache(maxsize=1)
def package_version() -> str:
    """The version pip recorded for the distribution ("0+unknown" when run from a bare source tree).

    Read from the metadata (`actionplan_trace-*.dist-info/METADATA`, or an .egg-info folder's
    PKG-INFO, as an editable install leaves one in src/) in the first sys.path entry that holds
    the distribution's, as importlib.metadata finds it: importing importlib.metadata (the email
    parser, zipfile, csv…) costs some 18 ms, which `trace --version` and every `trace check` (its
    cache key) paid. Anything else there (two of them, an .egg-info file, a file without a
    version) is left to importlib.metadata."""
    for entry in sys.path:
        try:
            names = [name for name in os.listdir(entry or ".") if _names_this(name)]
        except OSError:
            continue
        if not names:
            continue
        if len(names) == 1:
            metadata = "METADATA" if names[0].lower().endswith(".dist-info") else "PKG-INFO"
            version = _metadata_version(os.path.join(entry or ".", names[0], metadata))
            if version is not None:
                return version
        break
    from importlib.metadata import PackageNotFoundError, version as metadata_version

    try:
        return metadata_version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"


def _names_this(name: str) -> bool:
    """Whether a folder entry is this distribution's metadata (`actionplan_trace-1.2.dist-info`,
    `ActionPlan_Trace.egg-info`), matched as importlib.metadata matches it (its name up to the
    first "-", normalised)."""
    stem, _, suffix = name.lower().rpartition(".")
    return suffix in ("dist-info", "egg-info") and re.sub(r"[-_.]+", "_", stem.partition("-")[0]) == NORMALISED


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

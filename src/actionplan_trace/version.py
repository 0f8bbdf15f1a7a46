"""The installed package's version, from its metadata (pyproject.toml is the one place it is written)."""

from __future__ import annotations

from functools import lru_cache

DISTRIBUTION = "actionplan-trace"


@lru_cache(maxsize=1)
def package_version() -> str:
    """The version pip recorded for the distribution ("0+unknown" when run from a bare source tree)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"

"""The cache directory shared by the rules cache (rulefiles.py) and the compiled-regex cache
(regexcache.py): where it is, and how an entry is written.

`TRACE_CACHE_DIR` names the directory (default `$XDG_CACHE_HOME/actionplan-trace`, else
`~/.cache/actionplan-trace`); `TRACE_CACHE_DIR=off` turns both caches off. Neither cache ever
changes a result: an entry that cannot be read or written is simply not used.
"""

from __future__ import annotations

import marshal
import os
from contextlib import suppress
from pathlib import Path
from typing import Any

CACHE_ENV = "TRACE_CACHE_DIR"


def cache_dir() -> Path | None:
    """Where cache entries are kept, or None when the caches are turned off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "actionplan-trace"


def store(entry: Path, value: Any) -> None:
    """Write `value` (marshalled) to `entry` atomically, so a reader never sees half of one; a
    value marshal cannot hold, or a directory that cannot be written, is ignored."""
    try:
        payload = marshal.dumps(value)
    except ValueError:
        return
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(payload)
        os.replace(partial, entry)
    except OSError:
        with suppress(OSError):
            partial.unlink()

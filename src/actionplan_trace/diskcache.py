"""The cache directory shared by the rules cache (rulefiles.py), the compiled-regex cache
(regexcache.py) and the .docx style tables (extract/docx/styles.py): where it is, how an entry is
written, and `memo`, a content-addressed cache of a pure function of some bytes.

`TRACE_CACHE_DIR` names the directory (default `$XDG_CACHE_HOME/actionplan-trace`, else
`~/.cache/actionplan-trace`); `TRACE_CACHE_DIR=off` turns them all off. No cache ever
changes a result: an entry that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from contextlib import suppress
from pathlib import Path
from typing import Any, Callable, TypeVar

T = TypeVar("T")

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


# What every cached value also depends on: marshal's format, which may differ between interpreters.
_INTERPRETER = f"{sys.version}\n{marshal.version}\n".encode("utf-8")


def memo(kind: str, data: bytes, salt: bytes | None, compute: Callable[[], T]) -> T:
    """`compute()`, a pure function of `data`, kept under the sha256 of the interpreter, `salt`
    and `data`.

    `salt` names everything else the value depends on (the code that computes it), so an entry is
    never stale: anything changed is another name, and an old entry is a few kilobytes left
    behind. With no salt (the code could not be read) or no cache directory, `compute()` is
    simply called; a value marshal cannot hold is computed every time.
    """
    directory = cache_dir()
    if directory is None or salt is None:
        return compute()
    entry = directory / f"{kind}-{hashlib.sha256(_INTERPRETER + salt + data).hexdigest()}.marshal"
    try:
        return marshal.loads(entry.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = compute()
    store(entry, value)
    return value


def source_salt(*files: str | None) -> bytes | None:
    """A salt naming the source of `files` (the modules whose code computes a cached value), or
    None when a source cannot be read (then nothing is cached)."""
    parts = []
    for name in files:
        if not name or not name.endswith(".py"):
            return None
        try:
            parts.append(Path(name).read_bytes())
        except OSError:
            return None
    return b"\0".join(parts)

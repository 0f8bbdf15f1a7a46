"""The cache directory shared by the rules cache (rulefiles.py), the compiled-regex cache
(regexcache.py), the records' compiled `__init__` methods (record.py) and the .docx style tables
(extract/docx/styles.py): where it is, how an entry is written, `memo`, a content-addressed
cache of a pure function of some bytes, and `RunCache`, one file of small compiled things a run
reuses from the runs before it.

`TRACE_CACHE_DIR` names the directory (default `$XDG_CACHE_HOME/actionplan-trace`, else
`~/.cache/actionplan-trace`); `TRACE_CACHE_DIR=off` turns them all off. No cache ever
changes a result: an entry that cannot be read or written is simply not used.

The directory is not trusted: a bit flipped on disk, a file cut short, another program's file
under an entry's name, another user's file where the directory is shared (`load` reads only the
run's own user's files). So every entry file is sealed (`store`): a header, then the length of the
marshalled value and its CRC-32 started from the file's name, then the value. `load` unmarshals
nothing whose seal does not match, and a value that fails the check is a miss, computed again and
written anew. Unmarshalling unchecked bytes is not safe: a damaged compiled `__init__` (record.py)
crashed the interpreter when run, and a damaged regex program or parsed rules file gave a
different result with no error. A CRC-32 finds every flip of one or two bits and every run of
flips up to 32 bits long, the length every file cut short, and another file's bytes pass with a
chance of one in four billion; it costs about 0.25 µs a KB. The seal was a blake2b digest (`trace-sealed-1`),
four times that, some 9 M instructions of a `trace refs` start-up, which reads some 600 KB of
entries: the header says which, and an entry of the other kind is a miss.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import zlib
from contextlib import suppress
from pathlib import Path
from typing import Any, Callable, Hashable, TypeVar

from .digest import blake2b
from .files import read_small

T = TypeVar("T")

# Names the interpreter in the names of files whose entries only it can read (compiled programs).
INTERPRETER_TAG = "-".join((sys.implementation.name, "".join(ch if ch.isalnum() else "_" for ch in sys.version.split()[0])))

CACHE_ENV = "TRACE_CACHE_DIR"


def cache_dir() -> Path | None:
    """Where cache entries are kept, or None when the caches are turned off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "actionplan-trace"


# An entry file opens with this header: its first byte is no marshal type code, so a version of
# trace that wrote bare marshal data under the same names reads a sealed entry as a damaged one
# (and computes the value again) instead of taking a value out of the seal's bytes; its number is
# the seal's kind, so an entry sealed with blake2b (`trace-sealed-1`, by an older version) is a
# miss here, and one of these a miss there.
_HEADER = b"\0trace-sealed-2\0"
_SEAL_SIZE = 12  # the value's length (8 bytes) and its CRC-32 (4)
_START = len(_HEADER) + _SEAL_SIZE
# Larger than any entry trace writes (a RunCache file is kept under a few MB): not read.
MAX_ENTRY_BYTES = 64_000_000
# What `load` gives for a missing, unreadable or damaged entry.
MISSING: Any = object()


def _seal(entry: Path, payload: bytes | memoryview) -> bytes:
    """The seal of `payload` as the entry file `entry` holds it: its length and its CRC-32 started
    from the CRC-32 of the file's name (which says what the value was computed from), so an entry
    is valid under its own name only."""
    start = zlib.crc32(entry.name.encode("utf-8", "surrogateescape"))
    return len(payload).to_bytes(8, "little") + zlib.crc32(payload, start).to_bytes(4, "little")


def store(entry: Path, value: Any) -> None:
    """Write `value` (marshalled, sealed: see `_HEADER`, `_seal`) to `entry` atomically, so a
    reader never sees half of one; a value marshal cannot hold, or a directory that cannot be
    written, is ignored."""
    try:
        payload = marshal.dumps(value)
    except ValueError:
        return
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(b"".join((_HEADER, _seal(entry, payload), payload)))
        os.replace(partial, entry)
    except OSError:
        with suppress(OSError):
            partial.unlink()


# The user whose entries a run reads: the seal is no secret (anyone can compute it), so in a
# cache directory others can write to (a shared TRACE_CACHE_DIR), an entry another user wrote,
# a compiled __init__ the run would execute among them, is not read. None where the system has no
# user ids.
_OWNER = os.geteuid() if hasattr(os, "geteuid") else None


def load(entry: Path) -> Any:
    """The value `store` wrote to `entry`, or MISSING when the file is missing, unreadable (a FIFO
    or device in its place is not waited on), another user's (`_OWNER`), not sealed, or its
    seal does not match its bytes: then nothing of it is unmarshalled."""
    try:
        data = read_small(entry, MAX_ENTRY_BYTES, owner=_OWNER)
    except OSError:
        return MISSING
    view = memoryview(data)
    if view[:len(_HEADER)] != _HEADER or view[len(_HEADER):_START] != _seal(entry, view[_START:]):
        return MISSING
    try:
        return marshal.loads(view[_START:])
    except (EOFError, ValueError, TypeError):  # sealed, yet not marshal data: not trace's
        return MISSING


# What every cached value also depends on: marshal's format, which may differ between interpreters.
_INTERPRETER = f"{sys.version}\n{marshal.version}\n".encode("utf-8")


def memo(kind: str, data: bytes, salt: bytes | None, compute: Callable[[], T],
         valid: Callable[[Any], bool] | None = None) -> T:
    """`compute()`, a pure function of `data`, kept under the hash (blake2b, 256 bits) of the
    interpreter, `salt` and `data`.

    `salt` names everything else the value depends on (the code that computes it), so an entry is
    never stale: anything changed is another name, and an old entry is a few kilobytes left
    behind. With no salt (the code could not be read) or no cache directory, `compute()` is
    simply called; a value marshal cannot hold is computed every time. A damaged entry (see
    `load`), or a value `valid` refuses (not the shape `compute` gives), is computed and written
    again.
    """
    directory = cache_dir()
    if directory is None or salt is None:
        return compute()
    entry = directory / f"{kind}-{blake2b(_INTERPRETER + salt + data, digest_size=32).hexdigest()}.marshal"
    kept = load(entry)
    if kept is not MISSING and (valid is None or valid(kept)):
        return kept
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


class RunCache:
    """Small compiled things (regex programs, code objects), each kept marshalled under its key in
    one file of the cache directory, so that a run unpacks only those it uses and compiles only
    those no earlier run met. The file is read on first use; what a run added is written back by
    `save_run_caches()`, which the CLI calls before it exits (an atexit handler does otherwise).
    A file grown past `max_bytes` keeps only what the last run used. `name` must say everything
    the entries depend on besides their keys (the interpreter, a format's version)."""

    def __init__(self, name: str, max_bytes: int) -> None:
        self.name = name
        self.max_bytes = max_bytes
        self.entries: dict[Hashable, bytes] | None = None
        self.unsaved: dict[Hashable, bytes] = {}
        self.used: set[Hashable] = set()
        _RUN_CACHES.append(self)

    def path(self) -> Path | None:
        """The file (None when the caches are off)."""
        directory = cache_dir()
        return None if directory is None else directory / self.name

    def get(self, key: Hashable) -> bytes | None:
        """The entry kept under `key`, if an earlier run (or this one) put it."""
        self.used.add(key)
        return self._load().get(key)

    def put(self, key: Hashable, payload: bytes) -> None:
        """Keep `payload` under `key`, for this run and (once saved) the next ones."""
        self._load()[key] = self.unsaved[key] = payload
        global _atexit_registered
        if not _atexit_registered and self.path() is not None:
            atexit.register(save_run_caches)
            _atexit_registered = True

    def forget(self) -> None:
        """Drop what was read and added, so the next `get` reads the file again."""
        self.entries = None
        self.unsaved = {}
        self.used = set()

    def save(self) -> None:
        """Write the file with this run's additions, atomically; failures are ignored."""
        path = self.path()
        if path is None or not self.unsaved or self.entries is None:
            return
        entries = self.entries
        current = _read_entries(path)
        if current:  # another process may have saved meanwhile
            entries = {**current, **entries}
        if sum(len(payload) for payload in entries.values()) > self.max_bytes:
            entries = {key: payload for key, payload in entries.items() if key in self.used}
        store(path, entries)
        self.unsaved = {}

    def _load(self) -> dict[Hashable, bytes]:
        if self.entries is None:
            path = self.path()
            self.entries = (_read_entries(path) if path is not None else None) or {}
        return self.entries


def _read_entries(path: Path) -> dict[Hashable, bytes] | None:
    """A RunCache file's entries, or None when it is missing or damaged (see `load`) or not a dict
    of bytes. The whole file is checked by one seal: its keys say which entry is which, so a
    flipped bit in a key would hand one pattern's program to another."""
    loaded = load(path)
    if isinstance(loaded, dict) and all(type(payload) is bytes for payload in loaded.values()):
        return loaded
    return None


_RUN_CACHES: list[RunCache] = []
_atexit_registered = False


def save_run_caches() -> None:
    """Save every RunCache's additions (see RunCache)."""
    for cache in _RUN_CACHES:
        cache.save()

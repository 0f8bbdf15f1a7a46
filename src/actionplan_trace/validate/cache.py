"""The `trace check` result cache: findings per file, keyed by the file's sha256, how it is read
(its format, as its suffix says, and any profile forced on it) and a hash of everything else that
can change them (rules/ data, the package's code, the configuration).

An unchanged file is not parsed again: its findings are read back from one small JSON file in
`.trace-cache/`. Entries are written atomically; an unreadable entry is a miss, never an error.
"""

from __future__ import annotations

import errno
import json
import os
import re
import tempfile
from contextlib import suppress
from pathlib import Path
from stat import S_ISREG
from typing import Any

from .. import schemas
from ..digest import sha256
from ..files import kernel_file, open_nonblocking, read_small
from ..version import package_version
from ..rulefiles import RULES_DIR

PACKAGE_DIR = Path(__file__).resolve().parents[1]
NOT_FINDINGS = ("render/", "cli.py")


def rules_digest(config_digest: str) -> str:
    """A hash of the rules/ data files, the package's source files that produce findings (size
    and mtime; renderers and the CLI excluded) and the configuration, so that any change to what
    produces findings invalidates the cache."""
    h = sha256(f"{package_version()}\n{config_digest}\n".encode("utf-8"))
    for path in sorted(RULES_DIR.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(RULES_DIR).as_posix().encode("utf-8"))
            h.update(path.read_bytes())
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        rel = path.relative_to(PACKAGE_DIR).as_posix()
        if rel.startswith(NOT_FINDINGS):
            continue
        stat = path.stat()
        h.update(f"{rel}:{stat.st_size}:{stat.st_mtime_ns}\n".encode("utf-8"))
    return h.hexdigest()


def file_digest(path: Path) -> str:
    """The sha256 of a file's bytes (the same hash the extractors record in Source.sha256).

    Only a regular file is read: a FIFO would block, a device never ends and a /proc or /sys file
    may wait for the kernel (files.kernel_file), so anything else is an OSError here (no cache
    entry), and the extractor then reports it in one line. The file is opened without blocking."""
    info = os.stat(path)
    if not S_ISREG(info.st_mode) or kernel_file(path, info):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    h = sha256()
    with open_nonblocking(path) as handle:
        if not S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        while chunk := handle.read(1 << 20):
            h.update(chunk)
        if chunk is None:  # a read that would block
            raise OSError(errno.EAGAIN, "cannot be read without waiting", str(path))
    return h.hexdigest()


CACHE_SCHEMA = schemas.CACHE
# An entry holds one file's findings: a few KB, a few hundred KB for a large noisy plan. Anything
# larger was not written by trace and is not read.
MAX_ENTRY_BYTES = 16 << 20
# The most entries kept: every edit of a file adds one, and none of a file's older contents is
# ever asked for again unless the edit is undone. The least recently used go first.
MAX_ENTRIES = 2000
# An entry's file name (Cache._entry): only these are pruned, whatever else shares the folder.
ENTRY_NAME = re.compile(r"^[0-9a-f]{64}(?:-[0-9a-f]{8})?-[0-9a-f]{24}\.json$")
SEVERITIES = ("error", "warning", "info")
LOC_INTS = ("paragraph", "page", "line", "table", "row", "col")


def valid_finding(item: Any) -> bool:
    """True when `item` has the shape Finding.to_dict writes (the cache's own schema check)."""
    if not isinstance(item, dict):
        return False
    if not all(isinstance(item.get(k), str) for k in ("code", "severity", "message")):
        return False
    if item["severity"] not in SEVERITIES:
        return False
    if not all(item.get(k) is None or isinstance(item.get(k), str) for k in ("ref", "source", "section", "text")):
        return False
    loc = item.get("loc", {})
    if not isinstance(loc, dict):
        return False
    for key, value in loc.items():
        if key in LOC_INTS:
            if not isinstance(value, int) or isinstance(value, bool):
                return False
        elif key != "footnote" or not isinstance(value, str):
            return False
    return True


def valid_result(data: Any) -> bool:
    """True for `{"profile": str | None, "findings": [finding, ...]}`, with `"warnings": [str, ...]`
    when the file was read with repairs: what check_file returns."""
    return (isinstance(data, dict) and set(data) - {"warnings"} == {"profile", "findings"}
            and (data["profile"] is None or isinstance(data["profile"], str))
            and isinstance(data["findings"], list) and all(valid_finding(f) for f in data["findings"])
            and ("warnings" not in data or (isinstance(data["warnings"], list) and len(data["warnings"]) > 0
                                            and all(isinstance(w, str) for w in data["warnings"]))))


def checksum(key: dict[str, str], data: dict[str, Any]) -> str:
    """The sha256 of an entry's key and data in canonical JSON: an entry edited by hand (say to
    `findings: []`) no longer matches its checksum and is a miss."""
    text = json.dumps({"key": key, "data": data}, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return sha256(text.encode("ascii")).hexdigest()


class Cache:
    """A folder of JSON entries; `None` as folder makes a cache that never hits nor writes.

    An entry is `{"schema", "key": {"sha256", "read", "version", "rules"}, "data", "checksum"}`:
    the key names the file's content hash, how the file is read (`read_key`: the same bytes as
    README.txt and as a plan, or as .txt and .md, give other findings), the tool version and the
    rules digest; the checksum covers key and data. Anything unreadable, of the wrong shape, for
    another key or with a wrong checksum is a miss, never an error; so is an entry that is no
    regular file (a FIFO would block, a device never ends) or is larger than MAX_ENTRY_BYTES.
    """

    def __init__(self, folder: Path | None, digest: str) -> None:
        self.folder = folder
        self.digest = digest

    def _entry(self, folder: Path, sha256: str, read: str) -> Path:
        name = sha256 if not read else f"{sha256}-{hashed(read)[:8]}"
        return folder / f"{name}-{self.digest[:24]}.json"

    def _key(self, sha256: str, read: str) -> dict[str, str]:
        return {"sha256": sha256, "read": read, "version": package_version(), "rules": self.digest}

    def get(self, sha256: str, read: str = "") -> dict[str, Any] | None:
        """The cached result for a file with this content hash read this way, or None (a miss).
        A hit marks its entry as used (its mtime), for `prune`."""
        if self.folder is None:
            return None
        path = self._entry(self.folder, sha256, read)
        try:
            entry = json.loads(read_small(path, MAX_ENTRY_BYTES))
        except (OSError, ValueError, RecursionError):
            return None
        with suppress(OSError):  # a read-only cache still hits; it is only not pruned by use
            os.utime(path)
        if not isinstance(entry, dict) or entry.get("schema") != CACHE_SCHEMA:
            return None
        key, data = entry.get("key"), entry.get("data")
        if key != self._key(sha256, read) or not isinstance(data, dict) or not valid_result(data):
            return None
        if entry.get("checksum") != checksum(key, data):
            return None
        return data

    def put(self, sha256: str, data: dict[str, Any], read: str = "") -> None:
        """Store a result; best effort (a read-only or full disk just means no cache)."""
        folder = self.folder
        if folder is None or not valid_result(data):
            return
        key = self._key(sha256, read)
        try:
            text = json.dumps({"schema": CACHE_SCHEMA, "key": key, "data": data,
                               "checksum": checksum(key, data)}, ensure_ascii=True)
        except (ValueError, TypeError):
            return
        tmp: str | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by trace check\n*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".entry.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(text)
            os.replace(tmp, self._entry(folder, sha256, read))
            tmp = None
        except OSError:
            return
        finally:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)

    def prune(self, keep: int = MAX_ENTRIES) -> int:
        """Drop the least recently used entries beyond `keep` (best effort); how many went."""
        if self.folder is None:
            return 0
        try:
            names = [entry for entry in self.folder.iterdir() if ENTRY_NAME.match(entry.name)]
        except OSError:
            return 0
        entries = []
        for entry in names:  # one entry gone or dangling leaves the others to prune
            with suppress(OSError):
                entries.append((entry.lstat().st_mtime_ns, entry))
        entries.sort(key=lambda pair: pair[0], reverse=True)
        dropped = 0
        for _, entry in entries[keep:]:
            try:
                entry.unlink()
                dropped += 1
            except OSError:
                continue
        return dropped


def read_key(path: Path, profile: str | None) -> str:
    """How a file is read, as far as its bytes do not say it: its format (the suffix picks the
    reader: .txt and .md read the same bytes differently) and the profile forced on it, if any."""
    return f"{path.suffix.lower()}:{profile or ''}"


def hashed(text: str) -> str:
    """The sha256 of a short text, in hex."""
    return sha256(text.encode("utf-8")).hexdigest()

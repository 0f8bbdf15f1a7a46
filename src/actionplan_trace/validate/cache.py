"""The `trace check` result cache: findings per file, keyed by the file's sha256 and a hash of
everything else that can change them (rules/ data, the package's code, the configuration).

An unchanged file is not parsed again: its findings are read back from one small JSON file in
`.trace-cache/`. Entries are written atomically; an unreadable entry is a miss, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .. import __version__
from ..profiles import RULES_DIR

PACKAGE_DIR = Path(__file__).resolve().parents[1]
NOT_FINDINGS = ("render/", "cli.py")


def rules_digest(config_digest: str) -> str:
    """A hash of the rules/ data files, the package's source files that produce findings (size
    and mtime; renderers and the CLI excluded) and the configuration, so that any change to what
    produces findings invalidates the cache."""
    h = hashlib.sha256(f"{__version__}\n{config_digest}\n".encode("utf-8"))
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
    """The sha256 of a file's bytes (the same hash the extractors record in Source.sha256)."""
    h = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class Cache:
    """A folder of JSON entries; `None` as folder makes a cache that never hits nor writes."""

    def __init__(self, folder: Path | None, digest: str) -> None:
        self.folder = folder
        self.digest = digest[:24]

    def _entry(self, folder: Path, sha256: str) -> Path:
        return folder / f"{sha256}-{self.digest}.json"

    def get(self, sha256: str) -> dict[str, Any] | None:
        if self.folder is None:
            return None
        try:
            data = json.loads(self._entry(self.folder, sha256).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and data.get("sha256") == sha256 else None

    def put(self, sha256: str, data: dict[str, Any]) -> None:
        folder = self.folder
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by trace check\n*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".entry.", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({**data, "sha256": sha256}, handle, ensure_ascii=False)
            os.replace(tmp, self._entry(folder, sha256))
        except OSError:
            Path(tmp).unlink(missing_ok=True)

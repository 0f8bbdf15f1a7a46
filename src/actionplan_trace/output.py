"""Writing output files so that a failed run never leaves a partial file behind."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import OutputError


def write_atomic(data: str | bytes, out: str | Path) -> None:
    """Write `data` to `out` through a temporary file in the same directory, then rename.

    The file gets the usual permissions (0666 less the umask), not mkstemp's private 0600.
    A target that exists and is neither a regular file nor a directory (/dev/stdout, a FIFO,
    a device) is written in place: renaming over it would replace it with a plain file.
    """
    out = Path(out)
    if _is_special(out):
        _write_in_place(data, out)
        return
    directory = out.resolve().parent
    if not directory.is_dir():
        raise OutputError(str(out), f"directory {directory} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{out.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(str(out), f"cannot write: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(str(out), f"cannot write: {exc.strerror or exc}") from exc


def _is_special(path: Path) -> bool:
    """True for an existing target that is not a regular file or a directory."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_in_place(data: str | bytes, out: Path) -> None:
    """Write straight into a device, FIFO or /dev/stdout."""
    try:
        with open(out, "wb") as handle:
            handle.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    except OSError as exc:
        raise OutputError(str(out), f"cannot write: {exc.strerror or exc}") from exc

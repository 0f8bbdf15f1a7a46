"""Writing output files so that a failed or interrupted run never leaves a partial file behind.

`write_atomic` is the project's one output writer: every `-o`, every baseline goes through it.
It encodes first (nothing touches the disk if that fails), refuses to overwrite a file the run
reads, follows a symlink to its target, writes a short-named temporary file next to the target
and renames it; the temporary file is removed on any exception, Ctrl-C and SIGTERM included.
"""

from __future__ import annotations

import os
import signal
import stat
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from .errors import OutputError

TEMP_PREFIX = ".trace-"
TEMP_SUFFIX = ".tmp"


def encode(data: str | bytes) -> bytes:
    """UTF-8 bytes of `data`; a lone surrogate (a non-UTF-8 file name decoded by the OS layer)
    is written as its `\\udcXX` escape, which JSON reads back as the same string."""
    return data if isinstance(data, bytes) else data.encode("utf-8", "backslashreplace")


def write_atomic(data: str | bytes, out: str | Path, inputs: Iterable[str | Path] = ()) -> None:
    """Write `data` to `out` through a temporary file in the target's directory, then rename.

    `inputs` are the files the run read: writing onto one of them (same device and inode, so
    hard links and symlinks count) is refused. A symlink is followed and its target written.
    The file gets the usual permissions (0666 less the umask), not mkstemp's private 0600.
    A target that exists and is neither a regular file nor a directory (/dev/stdout, a FIFO,
    a device) is written in place: renaming over it would replace it with a plain file.
    """
    payload = encode(data)
    out = Path(out)
    if _is_special(out):
        _write_in_place(payload, out)
        return
    target = Path(os.path.realpath(out))
    refuse_inputs(out, target, inputs)
    if target.is_dir():
        raise OutputError(str(out), "cannot write: is a directory")
    if not target.parent.is_dir():
        raise OutputError(str(out), f"directory {target.parent} does not exist")
    with signals_raise():
        tmp: str | None = None
        try:
            import tempfile  # only a command that writes a file needs it (start-up)

            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, target)
            tmp = None
        except OSError as exc:
            raise OutputError(str(out), f"cannot write: {exc.strerror or exc}") from exc
        finally:
            if tmp is not None:
                _remove(tmp)


def refuse_inputs(out: Path, target: Path, inputs: Iterable[str | Path]) -> None:
    """OutputError when `target` is the same file (device and inode) as one of `inputs`."""
    try:
        mine = os.stat(target)
    except OSError:
        return
    if not stat.S_ISREG(mine.st_mode):
        return
    for given in inputs:
        try:
            other = os.stat(given)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (mine.st_dev, mine.st_ino):
            raise OutputError(str(out), f"is an input of this run ({given}); refusing to overwrite it")


class Terminated(SystemExit):
    """SIGTERM or SIGHUP arrived during a write: exits with 128 + the signal number."""


@contextmanager
def signals_raise() -> Iterator[None]:
    """While writing, turn SIGTERM and SIGHUP into an exception (their default action would kill
    the process before the temporary file is removed); Ctrl-C already raises KeyboardInterrupt.
    Only the main thread can set handlers; elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        raise Terminated(128 + signum)

    saved = {}
    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) == signal.SIG_DFL:
            saved[sig] = signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, old in saved.items():
            signal.signal(sig, old)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _is_special(path: Path) -> bool:
    """True for an existing target that is not a regular file or a directory."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_in_place(payload: bytes, out: Path) -> None:
    """Write straight into a device, FIFO or /dev/stdout (opened through any symlink)."""
    try:
        with open(out, "wb") as handle:
            handle.write(payload)
    except OSError as exc:
        raise OutputError(str(out), f"cannot write: {exc.strerror or exc}") from exc

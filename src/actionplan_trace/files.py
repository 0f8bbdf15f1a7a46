"""Reading files from disk that is not trusted — documents, and the tool's own small files
(configuration, baselines, cache entries): a FIFO in their place would block a run, a link to a
device would never end, and a huge file would fill memory. Each is read only when it is a regular
file of a bounded size, and opened without blocking.

Procfs and sysfs files pass for regular files (`/proc/kmsg` is a regular file of size 0 whose
read waits for the next kernel message, and consumes it), so a file on /proc or /sys is refused as
well (`kernel_file`): such a file is made up by the kernel as it is read, never a document.
"""

from __future__ import annotations

import errno
import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from .errors import UsageError

# The filesystems whose files the kernel makes up as they are read (see kernel_file).
_KERNEL_ROOTS = ("/proc", "/sys")
KERNEL_FILE = "a /proc or /sys file (made up by the kernel as it is read)"


PathArg = str | bytes | os.PathLike[str]
"""A path as every call of the library takes it (`as_path`)."""


def as_path(given: object) -> Path:
    """`given`, a str, bytes or os.PathLike, as a Path (bytes decoded as the file system does:
    os.fsdecode); a UsageError for an empty one ("" is no file, though Path("") would be the
    current folder), one holding a NUL character, or anything that is no path. Every call of the
    library that takes a path takes it through here, so that each accepts the same."""
    if not isinstance(given, (str, bytes, os.PathLike)):
        raise UsageError(f"{given!r} is no path")
    text = os.fsdecode(given)
    if not text or "\0" in text:
        raise UsageError("an empty path names no file" if not text else f"{text!r}: a path holds no NUL character")
    return Path(text)


def open_nonblocking(path: str | Path) -> BinaryIO:
    """`path` opened for reading without blocking: a FIFO's open would wait for a writer, and a
    read of some kernel files for the kernel. A regular file reads as it always does."""
    return os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb")


def kernel_file(path: str | Path, info: os.stat_result) -> bool:
    """Whether the regular file at `path` (`info`, its stat) is one of /proc's or /sys's: on the
    filesystem mounted there, or, for a file of size 0, reached through either (a link's target
    counts): the filesystems mounted under them (/sys/kernel/debug, /sys/fs/cgroup,
    binfmt_misc) report a size of 0. Only that file's path is resolved."""
    if not stat.S_ISREG(info.st_mode):
        return False
    if info.st_dev in _kernel_devices():
        return True
    if info.st_size:
        return False
    real = os.path.realpath(path)
    return any(real.startswith(root + "/") for root in _KERNEL_ROOTS)


@lru_cache(maxsize=1)
def _kernel_devices() -> frozenset[int]:
    """The devices of the filesystems mounted on /proc and /sys (none where either is no mount
    point: then its directory is on another filesystem, whose files are not the kernel's)."""
    devices = set()
    for root in _KERNEL_ROOTS:
        try:
            if os.path.ismount(root):
                devices.add(os.stat(root).st_dev)
        except OSError:
            continue
    return frozenset(devices)


def read_bounded(handle: BinaryIO, size: int, maximum: int) -> bytes | None:
    """At most `maximum` + 1 bytes of the open file `handle`, whose size was `size` when opened:
    one more byte than allowed tells the caller the file is too large. A read asks for the file's
    size (plus one byte, to see it grew) rather than the limit, since a read of n bytes reserves n
    bytes before it reads: a 10 KB file must not reserve a 256 MB limit's worth of address space.
    None is a read that would block."""
    data = handle.read(min(size, maximum) + 1)
    if data is None or len(data) <= size or len(data) > maximum:
        return data
    rest = handle.read(maximum + 1 - len(data))  # it grew while read: read on, up to the limit
    return data + rest if rest else data


def read_small(path: Path, max_bytes: int, owner: int | None = None) -> bytes:
    """The bytes of `path`; an OSError (with a message to show) when it is no regular file, a
    kernel file, larger than `max_bytes` or, given an `owner` (a user id), owned by another user.
    It is opened without blocking (a FIFO's open waits for a writer) and tested on the open file,
    so a swap after the test cannot slip a device, or another user's file, in."""
    with open_nonblocking(path) as handle:
        info = os.fstat(handle.fileno())
        if owner is not None and info.st_uid != owner:
            raise OSError(errno.EPERM, "is owned by another user", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, f"is {file_kind(info.st_mode)}, not a regular file", str(path))
        if kernel_file(path, info):
            raise OSError(errno.EINVAL, f"is {KERNEL_FILE}, not a regular file", str(path))
        data = read_bounded(handle, info.st_size, max_bytes)
    if data is None:  # a read that would block
        raise OSError(errno.EAGAIN, "cannot be read without waiting", str(path))
    if len(data) > max_bytes:
        raise OSError(errno.EFBIG, f"larger than {max_bytes // 1_000_000} MB", str(path))
    return data


def status(path: Path) -> os.stat_result | None:
    """`path`'s status, links followed, or None when nothing is there (a link leading nowhere, a
    folder in the path that is a file). A name the system cannot look up otherwise (too long, a
    loop of links) is an OSError, for the caller to name in its own error: Python 3.11's
    Path.exists() and is_file() raise it too, where a caller would take it for "not there"."""
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None


def file_kind(mode: int) -> str:
    """What a file that is no regular file is, named for a message: "a directory", "a FIFO (named
    pipe)", "a device", "a socket", else "not a regular file"."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "not a regular file"

"""Reading the tool's own small files — configuration, baselines, cache entries — from disk that
is not trusted: a FIFO in their place would block a run, a link to a device would never end, and
a huge file would fill memory. Each is read only when it is a regular file of a bounded size."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


def read_small(path: Path, max_bytes: int) -> bytes:
    """The bytes of `path`; an OSError (with a message to show) when it is no regular file or
    larger than `max_bytes`. It is opened without blocking (a FIFO's open waits for a writer) and
    tested on the open file, so a swap after the test cannot slip a device in."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, f"is {file_kind(info.st_mode)}, not a regular file", str(path))
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise OSError(errno.EFBIG, f"larger than {max_bytes // 1_000_000} MB", str(path))
    return data


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

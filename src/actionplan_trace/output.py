"""Writing output files so that a failed or interrupted run never leaves a partial file behind.

`write_atomic` is the project's one output writer: every `-o`, every baseline goes through it.
It encodes first (nothing touches the disk if that fails), refuses to overwrite a file the run
reads, follows a symlink to its target, writes a short-named temporary file next to the target
and renames it; the temporary file is removed on any exception, Ctrl-C and SIGTERM included.

It needs neither tempfile nor signal nor threading: importing them (with tempfile's shutil and
random, and signal's enum classes) was some 20 M instructions, a tenth of a `trace refs
FILE.txt -o OUT` start-up, for one file name and two handlers (`_create_temporary`,
`signals_raise`).
"""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterable, Iterator

from .errors import OutputError
from .files import status

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

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
    try:
        found, folder = status(target), status(target.parent)
    except OSError as exc:  # a name too long to look up, a loop of links
        raise OutputError(str(out), f"cannot write: {exc.strerror or exc}") from exc
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise OutputError(str(out), "cannot write: is a directory")
    if folder is None or not stat.S_ISDIR(folder.st_mode):
        raise OutputError(str(out), f"directory {target.parent} does not exist")
    with signals_raise():
        tmp: str | None = None
        try:
            fd, tmp = _create_temporary(target.parent)
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


# How `_create_temporary` opens a temporary file: tempfile.mkstemp's flags.
_TEMP_FLAGS = (os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_BINARY", 0))
# How many names `_create_temporary` tries (tempfile.TMP_MAX).
_TEMP_TRIES = 10_000


def _create_temporary(folder: Path) -> tuple[int, str]:
    """A new file in `folder` named TEMP_PREFIX, 8 random hex digits and TEMP_SUFFIX (README's
    `.trace-XXXXXXXX.tmp`), open for writing, and its path, made as tempfile.mkstemp makes one:
    created exclusively (never an existing file, nor through a symlink), readable by its owner
    only, not inherited by a child process; a name already taken is drawn again."""
    for _ in range(_TEMP_TRIES):
        name = os.path.join(os.path.abspath(folder), f"{TEMP_PREFIX}{os.urandom(4).hex()}{TEMP_SUFFIX}")
        try:
            return os.open(name, _TEMP_FLAGS, 0o600), name
        except FileExistsError:
            continue
        except PermissionError:  # Windows, for a name whose file is being deleted (as mkstemp)
            if os.name == "nt" and os.path.isdir(folder) and os.access(folder, os.W_OK):
                continue
            raise
    raise FileExistsError(errno.EEXIST, "no usable temporary file name found")


# What writing to a redirected standard output fails with, and reading an input never does.
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EBADF})


class ClosedStream:
    """Standard output for a process started with it closed (`trace … >&-`): writing to it fails
    as writing a closed descriptor does (EBADF), so a command that prints ends in one line
    saying so, while one that writes only its `-o` file succeeds."""

    encoding = "utf-8"
    errors = "strict"

    @property
    def buffer(self) -> ClosedStream:
        return self

    def write(self, data: str | bytes) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def flush(self) -> None:
        """Nothing is held, so nothing fails until something is written."""

    def fileno(self) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def isatty(self) -> bool:
        return False


class WholeFile(io.FileIO):
    """Standard output's file, whose `write` writes all it is given or raises. A write to a pipe
    whose reader goes away mid-write returns the bytes the kernel took, without an error, and
    neither TextIOWrapper, nor a BufferedWriter, nor `write_stdout` looked at the count when
    Python runs unbuffered (PYTHONUNBUFFERED, -u): the rest was dropped and the run ended with
    0. Writing the rest raises BrokenPipeError, which the CLI ends with SIGPIPE's 141."""

    def write(self, data: ReadableBuffer) -> int:
        """Write all of `data` (any bytes-like object) or raise; the count written is all of it."""
        view = memoryview(data).cast("B")
        total = len(view)
        while view:
            written = super().write(view)
            if not written:  # nothing taken and no error: not for a blocking descriptor
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            view = view[written:]
        return total


def _whole_writes(stream: IO[str] | ClosedStream) -> IO[str] | ClosedStream:
    """`stream` (standard output as Python opened it) again over a WholeFile, buffered or not as it
    was, with its encoding, errors and line buffering; any other stream (a ClosedStream, a
    test's) as it is."""
    if not isinstance(stream, io.TextIOWrapper) or type(stream.buffer) not in (io.BufferedWriter, io.FileIO):
        return stream
    try:
        stream.flush()
        raw = WholeFile(stream.fileno(), "w", closefd=False)
    except (OSError, ValueError):
        return stream
    buffered = raw if type(stream.buffer) is io.FileIO else io.BufferedWriter(raw)
    return io.TextIOWrapper(buffered, encoding=stream.encoding, errors=stream.errors,
                            line_buffering=stream.line_buffering, write_through=stream.write_through)


def standard_streams() -> None:
    """Make a run whose standard output or error was closed at start behave: descriptors 1 and 2
    are opened on /dev/null (else the first file the run opens would take the number, and what
    is meant for the terminal could land in it); a closed stdout becomes a ClosedStream, a closed
    stderr a sink (nothing can be said there; the exit status still tells). A stream whose
    encoding cannot write every character (PYTHONIOENCODING=cp1252, a Windows pipe) writes the
    others as escapes ("\\u2192") in the reports meant for people; formats meant for programs
    are UTF-8 bytes whatever it is (`write_stdout`)."""
    for fd in (1, 2):
        try:
            os.fstat(fd)
        except OSError:
            opened = os.open(os.devnull, os.O_RDWR)
            if opened != fd:
                os.dup2(opened, fd)
                os.close(opened)
    if sys.stdout is None:
        sys.stdout = ClosedStream()
    sys.stdout = _whole_writes(sys.stdout)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")
    for stream in (sys.stdout, sys.stderr):
        if not (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-").startswith("utf"):
            with suppress(AttributeError, ValueError):
                stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


def write_stdout(data: str | bytes) -> None:
    """`data` to standard output as bytes (see `stdout_errors`)."""
    with stdout_errors():
        sys.stdout.flush()
        sys.stdout.buffer.write(encode(data))
        sys.stdout.buffer.flush()


def write_stream(stream: IO[str], data: str | bytes) -> None:
    """`data` to `stream`: standard output takes it as UTF-8 bytes (`write_stdout`), whatever its
    encoding, as every format meant for programs is written; another stream as text."""
    if stream is sys.stdout:
        write_stdout(data)
    else:
        stream.write(data if isinstance(data, str) else data.decode())


def flush_stdout() -> None:
    """Flush standard output (see `stdout_errors`)."""
    with stdout_errors():
        pass


@contextmanager
def stdout_errors() -> Iterator[None]:
    """Run the block, then flush standard output; an error writing it (a full disk behind `>
    file`, /dev/full) becomes an OutputError naming it, where a reader gone away
    (BrokenPipeError) is left for the CLI to end quietly. A redirect is written only at flush
    time, so what Rich printed fails here too."""
    try:
        yield
        sys.stdout.flush()
    except OSError as exc:
        if isinstance(exc, BrokenPipeError) or exc.filename is not None or exc.errno not in _WRITE_ERRNOS:
            raise
        silence_stdout()  # what is left in its buffer would fail again at the next flush
        raise OutputError("standard output", f"cannot write: {exc.strerror or exc}") from exc


def silence_stdout() -> None:
    """Point standard output at /dev/null: its reader went away (`trace … | head`) or it cannot
    be written, and the interpreter's last flush of what is buffered must not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


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
    Only the main thread can set handlers (elsewhere `signal` raises ValueError): there this does
    nothing. The handlers are set through `_signal`, the C module `signal` re-exports with its
    constants made enums (which is most of the cost of importing it)."""
    import _signal  # type: ignore[import-not-found]  # (no stub) the functions of `signal` themselves

    def handler(signum: int, frame: object) -> None:
        raise Terminated(128 + signum)

    saved = {}
    try:
        for sig in (_signal.SIGTERM, _signal.SIGHUP):
            if _signal.getsignal(sig) == _signal.SIG_DFL:
                saved[sig] = _signal.signal(sig, handler)
    except ValueError:  # not the main thread: it cannot set one, so none was set
        pass
    try:
        yield
    finally:
        for sig, old in saved.items():
            _signal.signal(sig, old)


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

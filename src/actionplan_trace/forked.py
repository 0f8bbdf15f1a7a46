"""Work spread over this process and forked copies of it, on the CPUs the process may use.

A long document's references are read a run of sections at a time (refs/document.py), each run
independent of the others. Copies of the process made by `os.fork` share the loaded document
without copying or pickling it; this process and its copies each take runs as they finish the one
before, and each copy writes what it made, pickled, to a file in memory that this process reads
once the copy has ended. Where forking is not safe (not Linux, a thread running, a worker of a
process pool) or one CPU is all there is, everything is done here, in order, as it would be
without copies; so it is when TRACE_JOBS=1.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable, Iterator, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MAX_JOBS = 4
"""The most processes a job is spread over. A copy costs a few ms (forking, the pages it and this
process then copy as they write, its results pickled and read back), which a document of a few
MB wins back on each of four CPUs, not much beyond."""


def jobs() -> int:
    """How many processes a job may be spread over: TRACE_JOBS if set (1: never fork), else the
    CPUs this process may run on and its container's CPU quota grants, at most MAX_JOBS; 1 where
    forking is not safe (`fork_safe`): a copy of a process with threads may hang on a lock another
    thread held, and a worker of a process pool (`trace check` on many files) shares the CPUs with
    the other workers already."""
    if not fork_safe():
        return 1
    raw = os.environ.get("TRACE_JOBS", "")
    if raw.isdigit() and int(raw) > 0:
        return min(int(raw), MAX_JOBS)
    quota = cpu_quota()
    return max(1, min(len(os.sched_getaffinity(0)), int(quota) if quota is not None else MAX_JOBS, MAX_JOBS))


def fork_safe() -> bool:
    """Whether this process may fork copies of itself: on Linux, with no other thread running
    (`threading` not imported: none was started), and not as a worker of a process pool."""
    threading = sys.modules.get("threading")
    multiprocessing = sys.modules.get("multiprocessing")
    return (sys.platform.startswith("linux") and (threading is None or threading.active_count() == 1)
            and (multiprocessing is None or multiprocessing.parent_process() is None))


def cpu_quota(root: str = "/sys/fs/cgroup") -> float | None:
    """The CPUs a container's CPU quota grants the process (`docker run --cpus=1.5`: 1.5), or None
    when none is set: the CPUs it may run on may be many, and still only one's worth of time given
    to it, which a copy would share. Read from the cgroup (v2's cpu.max, else v1's CFS quota)."""
    for quota_file, period_file in ((f"{root}/cpu.max", None),
                                    (f"{root}/cpu/cpu.cfs_quota_us", f"{root}/cpu/cpu.cfs_period_us")):
        try:
            with open(quota_file) as f:
                fields = f.read().split()
            if period_file is not None:
                with open(period_file) as f:
                    fields.append(f.read().strip())
            quota, period = fields[0], fields[1]
            if quota in ("max", "-1"):
                return None
            return int(quota) / int(period)
        except (OSError, ValueError, IndexError, ZeroDivisionError):
            continue
    return None


def in_parallel(work: Callable[[Item], Result], items: Sequence[Item], processes: int | None = None) -> list[Result]:
    """`work(item)` for each of `items`, in order of `items`.

    This process and `processes - 1` forked copies (`jobs()` when not given) share the items out:
    each starts at the first item of its share (1/processes of them, in order) and goes on in
    order, taking each item no other has taken, past its share's end and round to the start, so
    that a process that finishes early takes on the others' work. `work` may keep what it learns
    (a cache) in its process: a copy starts with what this process knew when it forked, and the
    items of one share, neighbours in `items`, mostly come to one process.

    A copy that fails in any way (an error, a warning, a signal) gives nothing back, and the items
    it took are done here again, in order, after this process's own: an error is raised, and a
    warning shown, as a run in one process raises or shows it. Where the system refuses a copy
    (too many processes, no memory), the work goes on with the copies made, or here alone."""
    processes = min(processes or jobs(), len(items))
    if processes < 2:
        return [work(item) for item in items]
    import mmap  # (here, as `pickle` in the copies: a run that forks no copy imports neither)

    try:
        taken = mmap.mmap(-1, len(items))  # a byte an item, shared with the copies: 1 once taken
    except OSError:
        return [work(item) for item in items]
    starts = [len(items) * k // processes for k in range(processes)]
    copies: list[tuple[int, int]] = []
    for start in starts[1:]:
        try:
            copies.append(_fork(work, items, taken, start))
        except OSError:
            break
    done: dict[int, Result] = {}
    try:
        for i in _taken(taken, 0):
            done[i] = work(items[i])
    except BaseException:
        for pid, fd in copies:
            _stop(pid, fd)
        raise
    for pid, fd in copies:
        for i, result in _results(pid, fd):
            done.setdefault(i, result)
    taken.close()
    return [done[i] if i in done else work(items[i]) for i in range(len(items))]


def _taken(taken: Any, start: int) -> Iterator[int]:
    """The indices of the items a process takes, from `start` on and round, each marked taken as
    it is (`taken`: the shared mmap). Two processes may take the same item at the same moment (the
    test and the mark are two steps): both do it and make the same result, so no lock is needed."""
    count = len(taken)
    for i in (*range(start, count), *range(start)):
        if not taken[i]:
            taken[i] = 1
            yield i


def _fork(work: Callable[[Item], Result], items: Sequence[Item], taken: Any, start: int) -> tuple[int, int]:
    """A copy of this process that does the items it takes from `start` on, and writes each
    result as it is made (pickled, after its length and index) to a file in memory; and that file,
    which this process reads once the copy has ended (`_results`)."""
    fd = os.memfd_create("trace-results", os.MFD_CLOEXEC)
    try:
        pid = os.fork()
    except OSError:
        os.close(fd)
        raise
    if pid != 0:
        return pid, fd
    status = 1  # the copy: it never returns to the caller's code, whatever happens there
    try:
        import pickle
        import signal
        import warnings

        signal.signal(signal.SIGINT, signal.SIG_DFL)
        with warnings.catch_warnings(record=True) as warned, os.fdopen(fd, "wb", closefd=False) as out:
            warnings.simplefilter("always")
            for i in _taken(taken, start):
                data = pickle.dumps(work(items[i]), protocol=pickle.HIGHEST_PROTOCOL)
                out.write(len(data).to_bytes(8, "big") + i.to_bytes(8, "big"))
                out.write(data)
        status = 1 if warned else 0
    finally:
        os._exit(status)


def _results(pid: int, fd: int) -> list[tuple[int, Any]]:
    """The (index, result) pairs a copy made, once it has ended; none when it did not end well."""
    import pickle

    _, status = os.waitpid(pid, 0)
    with os.fdopen(fd, "rb") as f:
        if status != 0:
            return []
        f.seek(0)
        data = f.read()
    out = []
    at = 0
    while at < len(data):
        size, i = int.from_bytes(data[at:at + 8], "big"), int.from_bytes(data[at + 8:at + 16], "big")
        out.append((i, pickle.loads(data[at + 16:at + 16 + size])))
        at += 16 + size
    return out


def _stop(pid: int, fd: int) -> None:
    """A copy ended and reaped, its file closed: the work it was doing is not wanted."""
    import signal

    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.close(fd)
    os.waitpid(pid, 0)

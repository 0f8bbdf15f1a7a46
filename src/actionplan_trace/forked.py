"""Work spread over this process and forked copies of it, on the CPUs the process may use.

A long document's references are read a run of sections at a time (refs/document.py), each run
independent of the others. Copies of the process made by `os.fork` share the loaded document
without copying or pickling it; this process and its copies each take runs as they finish the one
before, and each copy writes what it made, pickled, to a file in memory that this process reads
once the copy has ended. Where forking is not safe (not Linux, another thread running, a worker
of a process pool), one CPU is all there is or the others are busy, everything is done here, in
order, as it would be without copies; so it is when TRACE_JOBS=1.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence, TypeVar

if TYPE_CHECKING:
    from mmap import mmap

Item = TypeVar("Item")
Result = TypeVar("Result")

MAX_JOBS = 4
"""The most processes a job is spread over. A copy costs a few ms (forking, the pages it and this
process then copy as they write, its results pickled and read back), which a document of a few
MB wins back on each of four CPUs, not much beyond."""


def jobs() -> int:
    """How many processes a job may be spread over: TRACE_JOBS if set (1: never fork), else the
    CPUs this process may run on, as many as its container's CPU quota grants, at most MAX_JOBS;
    1 where forking is not safe (`fork_safe`) or every CPU is busy (`busy_cpus`)."""
    if not fork_safe():
        return 1
    raw = os.environ.get("TRACE_JOBS", "")
    if raw.isdigit() and int(raw) > 0:
        return min(int(raw), MAX_JOBS)
    if busy_cpus():
        return 1
    quota = cpu_quota()
    return max(1, min(len(os.sched_getaffinity(0)), MAX_JOBS, int(quota) if quota is not None else MAX_JOBS))


def fork_safe() -> bool:
    """Whether this process may fork copies of itself: on Linux, with no other thread (a copy of a
    process with threads may hang on a lock another thread held; /proc counts the threads a C
    library started too), and not as a worker of a process pool (`trace check` on many files),
    which shares the CPUs with the other workers already."""
    if not sys.platform.startswith("linux"):
        return False
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is not None and multiprocessing.parent_process() is not None:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def cpu_quota(root: str = "/sys/fs/cgroup", cgroup: str = "/proc/self/cgroup") -> float | None:
    """The CPUs a container's CPU quota grants the process (`docker run --cpus=1.5`: 1.5), or None
    when none is set: it may run on many CPUs and still be given one's worth of time, which a copy
    would share. Read from its cgroup: v2's cpu.max (in the cgroup /proc/self/cgroup names, or at
    the root, as a container sees its own), else v1's CFS quota."""
    places = [f"{root}/cpu.max"]
    try:
        with open(cgroup) as f:
            for line in f:
                if line.startswith("0::/") and len(line.strip()) > 4:
                    places.insert(0, f"{root}{line.strip()[3:]}/cpu.max")
    except OSError:
        pass
    for place in places:
        try:
            with open(place) as f:
                quota, period = f.read().split()[:2]
            return None if quota == "max" else int(quota) / int(period)
        except (OSError, ValueError, ZeroDivisionError):
            continue
    try:
        with open(f"{root}/cpu/cpu.cfs_quota_us") as f, open(f"{root}/cpu/cpu.cfs_period_us") as g:
            quota, period = f.read().strip(), g.read().strip()
        return None if quota == "-1" else int(quota) / int(period)
    except (OSError, ValueError, ZeroDivisionError):
        return None


def busy_cpus(loadavg: str = "/proc/loadavg") -> bool:
    """Whether other tasks are running on every CPU of the machine now (from /proc/loadavg, the
    tasks running less this one): copies would only slow this process and the others down (a CI
    box running other jobs, a test suite on every core). One task more than usual, there for a
    moment, does not make a machine of two CPUs busy."""
    try:
        with open(loadavg) as f:
            running = int(f.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return False
    return running - 1 >= (os.cpu_count() or 1)


class _Copy:
    """A forked copy: its process id, the file in memory it writes its results to, the pipe on
    which it says it has written them (`told`), whether it has said so, and whether it has been
    reaped (its process id then no longer its own, never to be signalled)."""

    def __init__(self, pid: int, results: int, told: int) -> None:
        self.pid = pid
        self.results = results
        self.told = told
        self.finished = False
        self.reaped = False


_DONE = None
"""Written by a copy after its last result: its results are complete (whatever its exit status,
which a parent that ignores SIGCHLD never gets)."""


def in_parallel(work: Callable[[Item], Result], items: Sequence[Item], processes: int | None = None) -> list[Result]:
    """`work(item)` for each of `items`, in order of `items`.

    This process and `processes - 1` forked copies (`jobs()` when not given) share the items out:
    each starts at the first item of its share (1/processes of them, in order) and goes on in
    order, taking each item no other has taken, past its share's end and round to the start, so
    that a process that finishes early takes on the others' work. `work` may keep what it learns
    (a cache) in its process: a copy starts with what this process knew when it forked, and the
    items of one share, neighbours in `items`, mostly come to one process.

    A copy that fails in any way (an error, a warning, a signal) gives nothing back, and the items
    it took are done here again, after this process's own, so that an error is raised and a
    warning shown as in one process. Where the system refuses a copy (too many processes, no
    memory), the work goes on with the copies made, or here alone. However this call ends, no
    copy outlives it; a copy whose parent has died stops at its next item."""
    processes = min(processes or jobs(), len(items))
    if processes < 2:
        return [work(item) for item in items]
    import mmap  # (here: a run that forks no copy imports neither)
    import pickle  # noqa: F401 (read back here: imported before the copies are made, not by each as it starts)

    try:
        taken = mmap.mmap(-1, len(items))  # a byte an item, shared with the copies: 1 once taken
    except OSError:
        return [work(item) for item in items]
    copies: list[_Copy] = []
    done: dict[int, Result] = {}
    try:
        for k in range(1, processes):
            try:
                copies.append(_fork(work, items, taken, len(items) * k // processes))
            except OSError:
                break
        for i in _taken(taken, 0):
            done[i] = work(items[i])
        while copies:
            for i, result in _results(copies[0]):
                done.setdefault(i, result)
            _close(copies.pop(0))
    finally:
        for copy in copies:
            _close(copy)
        taken.close()
    return [done[i] if i in done else work(items[i]) for i in range(len(items))]


def _taken(taken: mmap, start: int) -> Iterator[int]:
    """The indices of the items a process takes, from `start` on and round, each marked taken as
    it is (`taken`: the shared mmap). Two processes may take the same item at the same moment (the
    test and the mark are two steps): both do it and make the same result, so no lock is needed."""
    count = len(taken)
    for i in (*range(start, count), *range(start)):
        if not taken[i]:
            taken[i] = 1
            yield i


def _fork(work: Callable[[Item], Result], items: Sequence[Item], taken: mmap, start: int) -> _Copy:
    """A copy of this process that does the items it takes from `start` on, and writes each
    (index, result) as it is made, pickled, to a file in memory, then `_DONE`, then a byte to a
    pipe: that file is read here as soon as the byte comes (`_results`), while the copy is still
    letting its memory go, which takes a few ms of a large process. A warning in the copy (under
    the filters this process has) fails it: shown here instead, when its items are done again."""
    parent = os.getpid()
    fd = os.memfd_create("trace-results", os.MFD_CLOEXEC)
    try:
        told, tell = os.pipe()
    except OSError:
        os.close(fd)
        raise
    try:
        pid = os.fork()
    except OSError:
        for end in (fd, told, tell):
            os.close(end)
        raise
    if pid != 0:
        os.close(tell)  # (the copy's end: once the copy has ended too, reading `told` gives nothing)
        return _Copy(pid, fd, told)
    try:  # the copy: it never returns to the caller's code, whatever happens there
        import pickle
        import signal
        import warnings

        signal.signal(signal.SIGINT, signal.SIG_DFL)
        with warnings.catch_warnings(record=True) as warned, os.fdopen(fd, "wb", closefd=False) as out:
            for i in _taken(taken, start):
                if os.getppid() != parent:  # the parent is gone: nobody reads what is made
                    break
                pickle.dump((i, work(items[i])), out, protocol=pickle.HIGHEST_PROTOCOL)
            else:
                if not warned:
                    pickle.dump(_DONE, out)
        os.write(tell, b"1")
    finally:
        os._exit(0)


def _results(copy: _Copy) -> list[tuple[int, Any]]:
    """The (index, result) pairs a copy made, once it has said it is done, or has ended without
    saying so (its end of the pipe closed): none unless it wrote them all."""
    import pickle

    copy.finished = os.read(copy.told, 1) == b"1"
    out = []
    with os.fdopen(copy.results, "rb", closefd=False) as f:
        f.seek(0)  # (the copy's writes moved the offset this process shares with it)
        try:
            while (got := pickle.load(f)) is not _DONE:
                out.append(got)
        except Exception:  # cut short (an error, a signal, no memory): no result kept
            return []
    return out


def _close(copy: _Copy) -> None:
    """A copy reaped (killed first, unless it has said it is done: the work it was doing is not
    wanted) and its files closed."""
    if not copy.reaped:
        try:
            if not copy.finished:
                import signal

                os.kill(copy.pid, signal.SIGKILL)
            os.waitpid(copy.pid, 0)
        except (ProcessLookupError, ChildProcessError):  # (ChildProcessError: reaped already, SIGCHLD ignored)
            pass
        copy.reaped = True
    os.close(copy.results)
    os.close(copy.told)

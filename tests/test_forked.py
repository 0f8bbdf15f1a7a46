"""forked.in_parallel: work spread over forked copies of the process gives what one process gives,
in order; a copy that fails has its items done again here, so errors and warnings come as they
would in one process; no copy outlives the call, however it ends. forked.jobs: no copy where
forking is unsafe or every CPU is busy, and no more than the CPUs and the container's quota allow."""

from __future__ import annotations

import _thread
import os
import select
import signal
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import Iterator

import pytest

from actionplan_trace import forked
from actionplan_trace.forked import in_parallel, jobs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="copies are forked on Linux only")

HERE = os.getpid()


class Started:
    """A pipe a copy writes to as it takes its first item, which this process waits for (at most
    10 s) before it does its own: each copy then surely takes a share, however loaded the machine."""

    def __init__(self) -> None:
        self.read, self.write = os.pipe()
        self.told = False

    def tell(self) -> None:
        """In a copy: say it has started (once)."""
        if os.getpid() != HERE and not self.told:
            self.told = True
            os.write(self.write, b"x")

    def wait(self) -> None:
        """Here: wait until a copy has started (once)."""
        if os.getpid() == HERE and not self.told:
            self.told = True
            assert select.select([self.read], [], [], 10)[0], "no copy started within 10 s"

    def close(self) -> None:
        os.close(self.read)
        os.close(self.write)


@pytest.fixture
def started() -> Iterator[Started]:
    pipe = Started()
    yield pipe
    pipe.close()


def _parent_of(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def _children() -> set[int]:
    """This process's child processes, zombies too."""
    return {int(p) for p in os.listdir("/proc") if p.isdigit() and _parent_of(int(p)) == os.getpid()}


def _open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.parametrize("processes", [2, 3, 4])
def test_results_come_in_order_and_copies_did_part_of_the_work(processes: int, started: Started) -> None:
    before, files = _children(), _open_files()

    def work(n: int) -> tuple[int, int]:
        started.tell()
        started.wait()
        return n * n, os.getpid()

    got = in_parallel(work, list(range(200)), processes)
    assert [value for value, _ in got] == [n * n for n in range(200)]
    assert {pid for _, pid in got} - {HERE}  # some items were done in a copy, and sent back
    assert _children() == before and _open_files() == files


def test_one_process_does_everything_here_in_order() -> None:
    order: list[int] = []

    def work(n: int) -> int:
        order.append(n)
        return -n

    assert in_parallel(work, [3, 1, 2], 1) == [-3, -1, -2]
    assert order == [3, 1, 2]
    assert in_parallel(work, [], 4) == []


def test_a_copy_keeps_what_this_process_knew_when_it_forked(started: Started) -> None:
    cache = {"known": 10}

    def work(n: int) -> tuple[int, int]:
        started.tell()
        started.wait()
        cache[str(n)] = n  # each process fills its own copy of the cache
        return cache["known"] + n, os.getpid()

    got = in_parallel(work, list(range(50)), 2)
    assert [value for value, _ in got] == [10 + n for n in range(50)]
    assert {pid for _, pid in got} - {HERE}


def test_a_copys_results_are_read_while_it_is_still_ending(started: Started, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large copy takes a few ms to let its memory go once it has made its results: they are
    read as soon as it has written them, not once it has ended."""
    exit_now = os._exit

    def slow_exit(status: int) -> None:  # (in the copy: a process slow to end)
        time.sleep(0.5)
        exit_now(status)

    monkeypatch.setattr(forked.os, "_exit", slow_exit)
    alive: list[bool] = []
    results = forked._results

    def read_back(copy: forked._Copy) -> list[tuple[int, object]]:
        got = results(copy)
        alive.append(os.waitpid(copy.pid, os.WNOHANG) == (0, 0))  # (still running: not reaped by this)
        return got

    monkeypatch.setattr(forked, "_results", read_back)

    def work(n: int) -> tuple[int, int]:
        started.tell()
        started.wait()
        return n, os.getpid()

    before, files = _children(), _open_files()
    got = in_parallel(work, list(range(20)), 2)
    assert [n for n, _ in got] == list(range(20)) and {pid for _, pid in got} - {HERE}
    assert alive == [True]
    assert _children() == before and _open_files() == files  # reaped and closed all the same


def test_an_item_that_fails_in_a_copy_is_done_again_here_and_its_error_raised_here(started: Started) -> None:
    before = _children()

    def work(n: int) -> int:
        if n == 37:  # in the copy's share: the copy takes it first, and fails
            started.tell()
            raise ValueError(f"item 37 in {'this process' if os.getpid() == HERE else 'a copy'}")
        started.wait()
        return n

    with pytest.raises(ValueError, match="item 37 in this process"):
        in_parallel(work, list(range(40)), 2)  # (this process waits until the copy has failed)
    assert _children() == before


def test_a_copy_that_fails_only_there_still_gives_every_result(started: Started) -> None:
    def work(n: int) -> int:
        started.tell()
        started.wait()
        if os.getpid() != HERE and n % 7 == 3:
            raise MemoryError  # as a copy that runs out of memory: its items are done here again
        return n + 1

    assert in_parallel(work, list(range(60)), 3) == [n + 1 for n in range(60)]


def test_a_copy_killed_by_a_signal_gives_nothing_and_its_items_are_done_here() -> None:
    def work(n: int) -> tuple[int, int]:
        if os.getpid() != HERE:
            os.kill(os.getpid(), signal.SIGKILL)
        return 2 * n, os.getpid()

    assert in_parallel(work, list(range(30)), 2) == [(2 * n, HERE) for n in range(30)]


def test_a_warning_in_a_copy_is_shown_once_from_here(started: Started) -> None:
    def work(n: int) -> int:
        if n == 25:  # in the copy's share
            started.tell()
            warnings.warn(f"about item {n}", UserWarning, stacklevel=1)
        started.wait()
        return n

    with pytest.warns(UserWarning, match="about item 25") as caught:
        assert in_parallel(work, list(range(30)), 2) == list(range(30))
    assert len([w for w in caught if "about item" in str(w.message)]) == 1


def test_an_error_here_stops_and_reaps_the_copies() -> None:
    before, files = _children(), _open_files()

    def work(n: int) -> int:
        if os.getpid() != HERE:
            time.sleep(0.01)  # (the copies are busy when this process fails)
        elif n == 0:
            raise KeyboardInterrupt
        return n

    with pytest.raises(KeyboardInterrupt):
        in_parallel(work, list(range(100)), 3)
    assert _children() == before and _open_files() == files


def test_an_interrupt_while_waiting_for_the_copies_stops_and_reaps_them(started: Started) -> None:
    before, files = _children(), _open_files()

    def work(n: int) -> int:
        if os.getpid() != HERE:
            started.tell()
            time.sleep(30)  # a copy that would run long after this process is done
        started.wait()
        return n

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.5)  # while this process waits for the copy
    try:
        with pytest.raises(KeyboardInterrupt):
            in_parallel(work, [0, 1], 2)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert _children() == before and _open_files() == files


def test_copies_are_read_when_sigchld_is_ignored(started: Started) -> None:
    """A parent that ignores SIGCHLD (as a program may hand on through exec) has its copies reaped
    by the kernel: what they wrote is read all the same."""
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        def work(n: int) -> tuple[int, int]:
            started.tell()
            started.wait()
            return n, os.getpid()

        got = in_parallel(work, list(range(40)), 2)
    finally:
        signal.signal(signal.SIGCHLD, previous)
    assert [n for n, _ in got] == list(range(40)) and {pid for _, pid in got} - {HERE}


def test_a_copy_whose_parent_died_stops(tmp_path: Path) -> None:
    """The parent killed outright (SIGKILL: nothing of it runs after): its copy stops at its next
    item instead of reading on for nobody."""
    log = tmp_path / "items"
    script = f"""
import os, time
from actionplan_trace.forked import in_parallel
here = os.getpid()
def work(n):
    if os.getpid() == here:
        os.kill(here, 9)
    with open({str(log)!r}, "a") as f:
        f.write(f"{{n}}\\n")
    time.sleep(0.05)
    return n
in_parallel(work, list(range(200)), 2)
"""
    done = subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert done.returncode == -signal.SIGKILL
    time.sleep(0.5)
    count = len(log.read_text().split()) if log.exists() else 0
    time.sleep(0.5)
    assert (len(log.read_text().split()) if log.exists() else 0) == count < 100  # stopped, far from done


def test_where_the_system_refuses_copies_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    def no_memfd(name: str, flags: int) -> int:
        raise OSError(38, "Function not implemented")

    files = _open_files()
    monkeypatch.setattr(forked.os, "fork", refused)
    assert in_parallel(lambda n: n * 3, list(range(20)), 4) == [n * 3 for n in range(20)]
    monkeypatch.setattr(forked.os, "memfd_create", no_memfd)
    assert in_parallel(lambda n: n + 1, list(range(5)), 2) == [1, 2, 3, 4, 5]
    assert _open_files() == files  # no file left open


def test_jobs_is_trace_jobs_or_one_where_forking_is_not_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "fork_safe", lambda: True)
    monkeypatch.setenv("TRACE_JOBS", "1")
    assert jobs() == 1
    monkeypatch.setenv("TRACE_JOBS", "3")
    assert jobs() == 3
    monkeypatch.setenv("TRACE_JOBS", "64")
    assert jobs() == forked.MAX_JOBS
    monkeypatch.setattr(forked, "fork_safe", lambda: False)
    assert jobs() == 1


@pytest.mark.parametrize("start", ["threading", "_thread"])
def test_forking_is_not_safe_while_another_thread_runs(start: str) -> None:
    """A thread started by `threading`, or by `_thread` as a C library would, uncounted by
    `threading.active_count`."""
    done = threading.Event()
    if start == "threading":
        thread = threading.Thread(target=done.wait)
        thread.start()
    else:
        _thread.start_new_thread(done.wait, ())
        time.sleep(0.05)
    try:
        assert not forked.fork_safe()
    finally:
        done.set()
        if start == "threading":
            thread.join()
        time.sleep(0.05)


def test_forking_is_not_safe_off_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked.sys, "platform", "win32")
    assert not forked.fork_safe()


def test_forking_is_not_safe_in_a_worker_of_a_process_pool() -> None:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1) as pool:
        assert pool.submit(forked.fork_safe).result() is False


def test_jobs_is_bounded_by_the_cpus_and_the_quota_and_one_when_they_are_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRACE_JOBS", raising=False)
    monkeypatch.setattr(forked, "fork_safe", lambda: True)
    monkeypatch.setattr(forked, "cpu_quota", lambda: None)
    monkeypatch.setattr(forked, "busy_cpus", lambda: False)
    monkeypatch.setattr(forked.os, "sched_getaffinity", lambda pid: set(range(64)))
    assert jobs() == forked.MAX_JOBS
    monkeypatch.setattr(forked.os, "sched_getaffinity", lambda pid: {0})
    assert jobs() == 1
    monkeypatch.setattr(forked.os, "sched_getaffinity", lambda pid: set(range(8)))
    for quota, expected in ((1.5, 1), (3.0, 3), (0.5, 1)):
        monkeypatch.setattr(forked, "cpu_quota", lambda quota=quota: quota)
        assert jobs() == expected
    monkeypatch.setattr(forked, "cpu_quota", lambda: None)
    monkeypatch.setattr(forked, "busy_cpus", lambda: True)
    assert jobs() == 1


@pytest.mark.parametrize(("files", "expected"), [
    ({"cpu.max": "150000 100000\n"}, 1.5),
    ({"cpu.max": "max 100000\n"}, None),
    ({"cpu/cpu.cfs_quota_us": "100000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 1.0),
    ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),
    ({"cpu.max": "garbage"}, None),
    ({"ci.slice/job.scope/cpu.max": "200000 100000\n", "cpu.max": "max 100000\n"}, 2.0),
    ({}, None),
])
def test_a_containers_cpu_quota_is_read_from_its_cgroup(tmp_path: Path, files: dict[str, str],
                                                         expected: float | None) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    cgroup = tmp_path / "self-cgroup"
    cgroup.write_text("0::/ci.slice/job.scope\n")
    assert forked.cpu_quota(str(tmp_path), str(cgroup)) == expected


@pytest.mark.parametrize(("loadavg", "cpus", "expected"), [
    ("0.50 0.40 0.30 1/250 999\n", 2, False),  # this process alone runs
    ("1.10 0.90 0.70 2/250 999\n", 2, False),  # one task more, for a moment
    ("2.10 1.90 1.70 3/250 999\n", 2, True),  # two other tasks on the two CPUs
    ("9.00 9.00 9.00 10/900 999\n", 64, False),
    ("garbage", 4, False),
])
def test_cpus_are_busy_when_other_tasks_run_on_every_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          loadavg: str, cpus: int, expected: bool) -> None:
    (tmp_path / "loadavg").write_text(loadavg)
    monkeypatch.setattr(forked.os, "cpu_count", lambda: cpus)
    assert forked.busy_cpus(str(tmp_path / "loadavg")) is expected

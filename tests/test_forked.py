"""forked.in_parallel: work spread over forked copies of the process gives what one process gives,
in order; a copy that fails has its items done again here, so errors and warnings come as they
would in one process; the copies are always reaped. forked.jobs: no copy where forking is unsafe."""

from __future__ import annotations

import os
import sys
import threading
import time
import warnings
from pathlib import Path

import pytest

from actionplan_trace import forked
from actionplan_trace.forked import in_parallel, jobs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="copies are forked on Linux only")


HERE = os.getpid()


def _slow_here() -> None:
    """Work in this process is slowed, so that the copies, which start a little later, take their
    shares of the items (else this process may do them all first)."""
    if os.getpid() == HERE:
        time.sleep(0.002)


def _square_with_pid(n: int) -> tuple[int, int]:
    _slow_here()
    return n * n, os.getpid()


def _parent_of(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def _children() -> set[int]:
    """This process's child processes, zombies too."""
    return {int(p) for p in os.listdir("/proc") if p.isdigit() and _parent_of(int(p)) == os.getpid()}


def _no_copies_left(before: set[int]) -> bool:
    """Whether every child process this test started has been reaped."""
    return not (_children() - before)


@pytest.mark.parametrize("processes", [2, 3, 4])
def test_results_come_in_order_and_copies_did_part_of_the_work(processes: int) -> None:
    before = _children()
    got = in_parallel(_square_with_pid, list(range(200)), processes)
    assert [value for value, _ in got] == [n * n for n in range(200)]
    assert len({pid for _, pid in got} - {os.getpid()}) >= 1  # some items were done in a copy
    assert _no_copies_left(before)


def test_one_process_does_everything_here_in_order() -> None:
    order: list[int] = []

    def work(n: int) -> int:
        order.append(n)
        return -n

    assert in_parallel(work, [3, 1, 2], 1) == [-3, -1, -2]
    assert order == [3, 1, 2]
    assert in_parallel(work, [], 4) == []


def test_a_copy_keeps_what_this_process_knew_when_it_forked() -> None:
    cache = {"known": 10}

    def work(n: int) -> int:
        cache[str(n)] = n  # each process fills its own copy of the cache
        return cache["known"] + n

    assert in_parallel(work, list(range(50)), 2) == [10 + n for n in range(50)]


def test_an_item_that_fails_in_a_copy_is_done_again_here_and_its_error_raised_here() -> None:
    before = _children()
    failed = os.pipe()

    def work(n: int) -> int:
        _slow_here()
        if n == 37:
            if os.getpid() != HERE:
                os.write(failed[1], b"x")  # (told, so that the test knows the copy's failure was met)
            raise ValueError(f"item 37 in {'this process' if os.getpid() == HERE else 'a copy'}")
        return n

    with pytest.raises(ValueError, match="item 37 in this process"):
        in_parallel(work, list(range(40)), 2)  # item 37 falls in the copy's share
    os.close(failed[1])
    assert os.read(failed[0], 1) == b"x"
    os.close(failed[0])
    assert _no_copies_left(before)


def test_a_copy_that_fails_only_there_still_gives_every_result() -> None:
    def work(n: int) -> int:
        _slow_here()
        if os.getpid() != HERE and n % 7 == 3:
            raise MemoryError  # as a copy that runs out of memory: its items are done here again
        return n + 1

    assert in_parallel(work, list(range(60)), 3) == [n + 1 for n in range(60)]


def test_a_copy_killed_by_a_signal_gives_nothing_and_its_items_are_done_here() -> None:
    def work(n: int) -> int:
        _slow_here()
        if os.getpid() != HERE:
            os.kill(os.getpid(), 9)
        return 2 * n

    assert in_parallel(work, list(range(30)), 2) == [2 * n for n in range(30)]


def test_a_warning_in_a_copy_is_shown_once_from_here() -> None:
    def work(n: int) -> int:
        _slow_here()
        if n == 25:
            warnings.warn(f"about item {n}", UserWarning, stacklevel=1)
        return n

    with pytest.warns(UserWarning, match="about item 25") as caught:
        assert in_parallel(work, list(range(30)), 2) == list(range(30))
    assert len([w for w in caught if "about item" in str(w.message)]) == 1


def test_an_error_here_stops_and_reaps_the_copies() -> None:
    before = _children()

    def work(n: int) -> int:
        if os.getpid() != HERE:
            time.sleep(0.01)  # (the copies are busy when this process fails)
        elif n == 0:
            raise KeyboardInterrupt
        return n

    with pytest.raises(KeyboardInterrupt):
        in_parallel(work, list(range(100)), 3)
    assert _no_copies_left(before)


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


def test_forking_is_not_safe_off_linux_or_while_another_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    done = threading.Event()
    thread = threading.Thread(target=done.wait)
    thread.start()
    try:
        assert not forked.fork_safe()
    finally:
        done.set()
        thread.join()
    monkeypatch.setattr(forked.sys, "platform", "win32")
    assert not forked.fork_safe()


def test_forking_is_not_safe_in_a_worker_of_a_process_pool() -> None:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1) as pool:
        assert pool.submit(forked.fork_safe).result() is False


def test_jobs_is_bounded_by_the_cpus_and_max_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRACE_JOBS", raising=False)
    monkeypatch.setattr(forked, "fork_safe", lambda: True)
    monkeypatch.setattr(forked, "cpu_quota", lambda: None)
    monkeypatch.setattr(forked.os, "sched_getaffinity", lambda pid: set(range(64)))
    assert jobs() == forked.MAX_JOBS
    monkeypatch.setattr(forked.os, "sched_getaffinity", lambda pid: {0})
    assert jobs() == 1


@pytest.mark.parametrize(("files", "expected"), [
    ({"cpu.max": "150000 100000\n"}, 1.5),
    ({"cpu.max": "max 100000\n"}, None),
    ({"cpu/cpu.cfs_quota_us": "100000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 1.0),
    ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),
    ({"cpu.max": "garbage"}, None),
    ({}, None),
])
def test_a_containers_cpu_quota_is_read_from_its_cgroup(tmp_path: Path, files: dict[str, str],
                                                         expected: float | None) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert forked.cpu_quota(str(tmp_path)) == expected


def test_jobs_is_bounded_by_a_cpu_quota(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRACE_JOBS", raising=False)
    monkeypatch.setattr(forked, "fork_safe", lambda: True)
    monkeypatch.setattr(forked.os, "sched_getaffinity", lambda pid: set(range(8)))
    monkeypatch.setattr(forked, "cpu_quota", lambda: 1.5)
    assert jobs() == 1
    monkeypatch.setattr(forked, "cpu_quota", lambda: 3.0)
    assert jobs() == 3
    monkeypatch.setattr(forked, "cpu_quota", lambda: 0.5)
    assert jobs() == 1


def test_where_the_system_refuses_copies_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    def no_memfd(name: str, flags: int) -> int:
        raise OSError(38, "Function not implemented")

    fds = len(os.listdir("/proc/self/fd"))
    monkeypatch.setattr(forked.os, "fork", refused)
    assert in_parallel(lambda n: n * 3, list(range(20)), 4) == [n * 3 for n in range(20)]
    monkeypatch.setattr(forked.os, "memfd_create", no_memfd)
    assert in_parallel(lambda n: n + 1, list(range(5)), 2) == [1, 2, 3, 4, 5]
    assert len(os.listdir("/proc/self/fd")) == fds  # no file left open

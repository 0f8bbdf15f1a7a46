"""A reader that goes away after part of the output (`trace … | head`) ends the run quietly with
SIGPIPE's exit status, 141, as README says: not 0 (the rest silently dropped), not a diff's 1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

PIPE_CAPACITY = 65536  # Linux's default: an output larger than this is still being written when the reader goes


def _plan(path: Path, sections: int, changed: bool) -> Path:
    lines = ["# Action Plan of the examples", ""]
    for n in range(1, sections + 1):
        lines += [f"## Output {n // 10 + 1}.{n % 10 + 1} Products and services number {n}", "",
                  f"This output implements PP Resolution {n % 200 + 1} and WTDC Resolution {n % 90 + 1}, and "
                  f"supports SDG {n % 17 + 1} and WSIS Action Line C{n % 11 + 1}"
                  f"{' with new words here' if changed and n % 2 else ''}.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _cut_short(args: list[str], unbuffered: bool, cwd: Path) -> tuple[int, bytes, bytes]:
    """Run trace with a pipe for stdout, read a few bytes of it, close it; the exit status,
    what was read and stderr."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    proc = subprocess.Popen([sys.executable, "-m", "actionplan_trace.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=cwd, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    head = proc.stdout.read(16)
    proc.stdout.close()
    err = proc.stderr.read()
    return proc.wait(timeout=120), head, err


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with old.md and new.md, plans long enough that every command's output outgrows the pipe."""
    folder = tmp_path_factory.mktemp("plans")
    _plan(folder / "old.md", 1500, changed=False)
    _plan(folder / "new.md", 1500, changed=True)
    return folder


@pytest.fixture(scope="module")
def whole(plans: Path) -> Callable[[tuple[str, ...]], subprocess.CompletedProcess[bytes]]:
    """The whole output of a command run in `plans`, run once for both of its tests (buffered or
    not is a setting of the run that is cut short only)."""
    made: dict[tuple[str, ...], subprocess.CompletedProcess[bytes]] = {}

    def get(args: tuple[str, ...]) -> subprocess.CompletedProcess[bytes]:
        if args not in made:
            made[args] = subprocess.run([sys.executable, "-m", "actionplan_trace.cli", *args], capture_output=True,
                                        cwd=plans, timeout=120)
        return made[args]

    return get


@pytest.mark.parametrize("unbuffered", [True, False])
@pytest.mark.parametrize("args", [
    ["extract", "old.md", "-f", "json"],  # written whole, as bytes
    ["extract", "old.md"],  # Rich's tree
    ["extract", "old.md", "-f", "md"],
    ["refs", "old.md"],
    ["graph", "old.md", "new.md", "-f", "json"],
    ["diff", "old.md", "new.md", "--all"],  # Rich's report: its own ending was exit 1
])
def test_a_reader_gone_mid_output_is_exit_141(plans: Path, whole, args: list[str], unbuffered: bool) -> None:  # type: ignore[no-untyped-def]
    done = whole(tuple(args))
    assert done.returncode in (0, 1) and len(done.stdout) > 2 * PIPE_CAPACITY
    code, head, err = _cut_short(args, unbuffered, plans)
    assert head == done.stdout[:16]
    assert (code, err) == (141, b"")

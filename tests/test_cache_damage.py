"""A damaged start-up cache never changes a result (README "The start-up caches"): one run makes
a fresh cache of every kind (rules files, the merged registry, regex programs, records'
compiled `__init__` methods, first characters, pattern scans, a .docx's style table); then bits
of each file are flipped, one at a time, and every damaged copy must be refused as a whole
(diskcache.load), and a run on it must give exactly the output of a run with the caches off,
exit 0, and leave the file sealed again. A flip once gave a segfault (a damaged code object
run), internal errors, and silently different references.

Every 97th byte of every file is checked in-process; the runs as processes take a few flips of
each kind (the header, the digest, the marshalled value), or every 97th byte with
TRACE_CACHE_FLIP_STRIDE=97 (some minutes).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from actionplan_trace import diskcache

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MAIN = "import sys; from actionplan_trace.cli import main; sys.argv[0] = 'trace'; main()"
# One command that uses every kind of entry: a .docx (style table) through the refs reader.
COMMAND = ("refs", str(CORPUS / "objective2-new.docx"), "-f", "json")
KINDS = {"rules", "registry", "regex3", "record", "first", "scan", "styles"}
STRIDE = int(os.environ.get("TRACE_CACHE_FLIP_STRIDE", "0"))


# The same, naming on stderr each file the run opens (an audit hook): which entries a warm run reads.
OPENS = ("import os, sys; sys.addaudithook(lambda event, args: event == 'open' and isinstance(args[0], str) "
         "and sys.stderr.write('opened ' + os.path.basename(args[0]) + chr(10)))")


def run(cache: Path | str, main: str = MAIN) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", main, *COMMAND], capture_output=True,
                          env={**os.environ, "TRACE_CACHE_DIR": str(cache)}, timeout=120)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, set[str]]:
    """A cache made by one run, the output of a run with the caches off, and the entries a run
    on the fresh cache reads (the registry's rules files, say, are read only to merge it)."""
    cache = tmp_path_factory.mktemp("fresh")
    off = run("off")
    assert off.returncode == 0 and off.stderr == b"" and b'"refs": [' in off.stdout
    made = run(cache)
    assert made.returncode == 0 and made.stdout == off.stdout
    warm = run(cache, f"{OPENS}; {MAIN}")
    assert warm.returncode == 0 and warm.stdout == off.stdout
    read = {line.removeprefix("opened ") for line in warm.stderr.decode().splitlines()}
    return cache, off.stdout, read & {path.name for path in cache.iterdir()}


def entry_files(cache: Path) -> dict[str, list[Path]]:
    kinds: dict[str, list[Path]] = {}
    for path in sorted(cache.iterdir()):
        kinds.setdefault(path.name.split("-")[0], []).append(path)
    return kinds


def flipped(data: bytes, at: int, bit: int = 0) -> bytes:
    damaged = bytearray(data)
    damaged[at] ^= 1 << bit
    return bytes(damaged)


def test_the_run_makes_every_kind_of_entry_all_sealed(fresh: tuple[Path, bytes, set[str]]) -> None:
    cache, _, read = fresh
    kinds = entry_files(cache)
    assert set(kinds) == KINDS
    assert {name.split("-")[0] for name in read} == KINDS
    for path in (p for paths in kinds.values() for p in paths):
        assert diskcache.load(path) is not diskcache.MISSING, path.name


def test_every_flipped_bit_is_refused(fresh: tuple[Path, bytes, set[str]], tmp_path: Path) -> None:
    cache, _, _ = fresh
    checked = 0
    for path in (p for paths in entry_files(cache).values() for p in paths):
        data = path.read_bytes()
        copy = tmp_path / path.name  # the digest is keyed by the file's name
        for at in range(0, len(data), 97):
            copy.write_bytes(flipped(data, at, at % 8))
            assert diskcache.load(copy) is diskcache.MISSING, (path.name, at)
            checked += 1
    assert checked > 3000


def sample(size: int) -> list[int]:
    """The bytes flipped in the runs: every STRIDE-th, else one of the header, one of the digest
    and two of the value."""
    if STRIDE:
        return list(range(0, size, STRIDE))
    return [1, len(diskcache._HEADER) + 2, size // 2, size - 1]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_run_on_a_damaged_file_gives_the_result_of_no_cache(kind: str, fresh: tuple[Path, bytes, set[str]],
                                                              tmp_path: Path) -> None:
    cache, expected, read = fresh
    # The kind's largest file that a run reads.
    original = max((p for p in entry_files(cache)[kind] if p.name in read), key=lambda p: p.stat().st_size)
    data = original.read_bytes()
    for at in sample(len(data)):
        damaged = tmp_path / f"at-{at}"
        shutil.copytree(cache, damaged)
        (damaged / original.name).write_bytes(flipped(data, at, at % 8))
        result = run(damaged)
        assert (result.returncode, result.stderr) == (0, b""), (original.name, at)
        assert result.stdout == expected, (original.name, at)
        assert diskcache.load(damaged / original.name) is not diskcache.MISSING, (original.name, at)  # written anew
        shutil.rmtree(damaged)

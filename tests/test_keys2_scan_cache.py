"""patternscan.scanned keeps scan_source's answers from one run to the next (a RunCache): read back
from the file, or worked out anew where an entry is damaged, each answer must be scan_source's."""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Iterator

import pytest
from test_patternscan_source import _patterns

from actionplan_trace import patternscan, profiles
from actionplan_trace.diskcache import RunCache
from actionplan_trace.patternscan import scan_source


@pytest.fixture
def scans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunCache]:
    """The scan cache in an empty cache directory, nothing of it read or kept by this process."""
    monkeypatch.setenv("TRACE_CACHE_DIR", str(tmp_path))
    cache = patternscan._SCANS
    assert cache is not None
    cache.forget()
    patternscan.scanned.cache_clear()
    yield cache
    cache.forget()
    patternscan.scanned.cache_clear()


def _table_patterns() -> list[str]:
    """The patterns of every profile's table rules (_patterns has the detect and heading ones)."""
    return [p.pattern for profile in profiles.available_profiles().values() for rule in profile.tables
            for p in (rule.header, rule.group, rule.number_match, rule.header_row) if p is not None]


def test_kept_answers_are_scan_sources(scans: RunCache) -> None:
    patterns = list(dict.fromkeys(_patterns() + _table_patterns()))
    assert any(scan_source(p) is None for p in patterns) and any(scan_source(p) for p in patterns)
    assert [patternscan.scanned(p) for p in patterns] == [scan_source(p) for p in patterns]  # worked out
    scans.save()
    path = scans.path()
    assert path is not None and path.is_file()
    scans.forget()
    patternscan.scanned.cache_clear()
    assert all(scans.get(p) is not None for p in patterns)  # each read from the file
    assert [patternscan.scanned(p) for p in patterns] == [scan_source(p) for p in patterns]
    assert not scans.unsaved  # nothing worked out again


@pytest.mark.parametrize("kept", [b"\xff not marshal", marshal.dumps(5), marshal.dumps(("a",)),
                                  marshal.dumps((1, True)), marshal.dumps(("a", 1))])
def test_a_damaged_entry_is_worked_out_again(scans: RunCache, kept: bytes) -> None:
    pattern = r"^(?P<number>\d+)\s+(?:Goal|Target)|Outcome"
    scans.put(pattern, kept)
    assert patternscan.scanned(pattern) == scan_source(pattern) == ("^(\\d+)\\s+(?:Goal|Target)|Outcome", True)
    assert marshal.loads(scans.unsaved[pattern]) == scan_source(pattern)


def test_the_file_is_named_by_patternscans_source() -> None:
    """A changed scan_source reads no answer of the old one."""
    from actionplan_trace import diskcache, digest, patternscan

    cache = patternscan._SCANS
    assert cache is not None
    salt = diskcache.source_salt(patternscan.__file__)
    assert salt is not None and digest.blake2b(salt, digest_size=10).hexdigest() in cache.name

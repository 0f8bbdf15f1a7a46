"""The content-addressed disk cache (diskcache.memo) and what it keeps of a .docx: the style
table of its styles.xml. A cached table gives exactly the blocks a fresh parse gives, an entry is
used only for the same bytes and the same code, and no cache problem changes a result."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from actionplan_trace.diskcache import MISSING, load, memo
from actionplan_trace.extract import read
from actionplan_trace.extract.docx import styles

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
# A real Word template's 350 KB styles.xml (shared by these two), and a small generated one.
DOCS = ["strategic-plan-2012.docx", "report-c20-35.docx", "action-plan-ba-bold.docx"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("TRACE_CACHE_DIR", str(directory))
    return directory


def test_blocks_are_the_same_with_the_style_table_cold_cached_or_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = {name: read(CORPUS / name).blocks for name in DOCS}
    entries = sorted(p.name for p in cache.glob("styles-*.marshal"))
    assert len(entries) == 2  # the two documents made from one template share an entry
    warm = {name: read(CORPUS / name).blocks for name in DOCS}
    monkeypatch.setenv("TRACE_CACHE_DIR", "off")
    off = {name: read(CORPUS / name).blocks for name in DOCS}
    assert warm == cold == off
    assert sorted(p.name for p in cache.glob("styles-*.marshal")) == entries
    styled = [b.style for b in warm["strategic-plan-2012.docx"] if b.style]
    assert "Heading 1" in styled and len(set(styled)) >= 3


def test_a_table_is_used_only_with_the_code_that_made_it(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read(CORPUS / DOCS[0])
    assert len(list(cache.glob("styles-*.marshal"))) == 1
    monkeypatch.setattr(styles, "_SALT", (styles._SALT or b"") + b"edited")
    read(CORPUS / DOCS[0])
    assert len(list(cache.glob("styles-*.marshal"))) == 2


def test_a_damaged_entry_is_computed_again(cache: Path) -> None:
    calls: list[bytes] = []

    def compute() -> dict[str, int]:
        calls.append(b"x")
        return {"value": len(calls)}

    assert memo("test", b"bytes", b"salt", compute) == {"value": 1}
    assert memo("test", b"bytes", b"salt", compute) == {"value": 1}
    (entry,) = cache.glob("test-*.marshal")
    entry.write_bytes(b"\xff")
    assert memo("test", b"bytes", b"salt", compute) == {"value": 2}
    assert memo("test", b"other bytes", b"salt", compute) == {"value": 3}
    assert len(calls) == 3


def test_the_source_salt_names_the_code() -> None:
    assert styles._SALT is not None and Path(styles.__file__).read_bytes() in styles._SALT


def test_an_entry_is_used_only_when_its_digest_matches_under_its_own_name(cache: Path) -> None:
    calls: list[int] = []

    def compute() -> list[int]:
        calls.append(1)
        return [len(calls)]

    assert memo("test", b"a", b"salt", compute) == [1]
    (entry,) = cache.glob("test-*.marshal")
    sealed = entry.read_bytes()
    assert sealed.startswith(b"\0") and marshal.dumps([1]) in sealed
    # A value with no seal (as an older trace wrote them), or the seal of another name: refused.
    entry.write_bytes(marshal.dumps([7]))
    assert memo("test", b"a", b"salt", compute) == [2]
    memo("test", b"b", b"salt", compute)
    (other,) = set(cache.glob("test-*.marshal")) - {entry}
    other.write_bytes(entry.read_bytes())
    assert memo("test", b"b", b"salt", compute) == [4]
    # The digest right but not the shape the caller expects: computed again.
    assert memo("test", b"b", b"salt", compute, valid=lambda value: value == [5]) == [5]
    assert memo("test", b"b", b"salt", compute, valid=lambda value: value == [5]) == [5]
    assert len(calls) == 5


def test_a_fifo_in_an_entry_s_place_is_not_waited_on(cache: Path) -> None:
    memo("test", b"a", b"salt", lambda: 1)
    (entry,) = cache.glob("test-*.marshal")
    entry.unlink()
    os.mkfifo(entry)
    assert memo("test", b"a", b"salt", lambda: 2) == 2
    assert load(entry) == 2  # replaced by a sealed entry


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file to another user needs root")
def test_an_entry_another_user_wrote_is_not_read(cache: Path) -> None:
    """Found in review: the seal is no secret, so in a cache directory other users can write to
    (a shared TRACE_CACHE_DIR) one could plant an entry, a compiled __init__ the run executes
    among them. An entry owned by another user is a miss, computed again and written anew."""
    assert memo("test", b"a", b"salt", lambda: [1]) == [1]
    (entry,) = cache.glob("test-*.marshal")
    os.chown(entry, 65534, 65534)
    assert load(entry) is MISSING
    assert memo("test", b"a", b"salt", lambda: [2]) == [2]
    assert entry.stat().st_uid == os.geteuid() and load(entry) == [2]


def test_an_entry_sealed_by_an_older_version_is_computed_again(cache: Path) -> None:
    """Entries were sealed with a blake2b digest keyed by the file's name (`trace-sealed-1`); they
    are now sealed with a CRC-32 and the value's length (`trace-sealed-2`, a quarter of the cost).
    An entry of the old kind, however sound, is a miss: computed again and written in the new."""
    from actionplan_trace.digest import blake2b

    assert memo("test", b"a", b"salt", lambda: [1]) == [1]
    (entry,) = cache.glob("test-*.marshal")
    payload = marshal.dumps([7])
    key = blake2b(entry.name.encode(), digest_size=32).digest()
    entry.write_bytes(b"\0trace-sealed-1\0" + blake2b(payload, digest_size=32, key=key).digest() + payload)
    assert load(entry) is MISSING
    assert memo("test", b"a", b"salt", lambda: [2]) == [2]
    assert entry.read_bytes().startswith(b"\0trace-sealed-2\0") and load(entry) == [2]

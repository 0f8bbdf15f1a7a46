"""The merged registry as the disk cache gives it back (refs/registry.py `_state`, `_from_state`,
which makes the entries without running their `__init__`) must be the registry the merge makes:
the same entries, each equal, with the same repr, hash and fields, and as frozen."""

from __future__ import annotations

import dataclasses
import marshal
import random
from pathlib import Path

import pytest

from actionplan_trace.refs import registry as reg
from actionplan_trace.refs.registry import Entry, load_registry


def same(kept: reg.Registry, merged: reg.Registry) -> None:
    assert kept == merged and list(kept.entries) == list(merged.entries)
    for ref_id, entry in merged.entries.items():
        back = kept.entries[ref_id]
        assert type(back) is Entry and back == entry and hash(back) == hash(entry) and repr(back) == repr(entry)
        assert vars(back) == vars(entry) and list(vars(back)) == list(vars(entry))
        assert dataclasses.asdict(back) == dataclasses.asdict(entry)
        with pytest.raises(dataclasses.FrozenInstanceError):
            back.title = "x"  # type: ignore[misc]
    assert kept.levels == merged.levels and kept.ids("sdg") == merged.ids("sdg")


def test_the_builtin_registry_comes_back_as_merged() -> None:
    paths = reg._builtin_files(reg.REGISTRY_DIR)
    merged = reg._merged(paths)
    same(reg._from_state(marshal.loads(marshal.dumps(reg._state(merged)))), merged)
    same(load_registry(), merged)


def test_generated_registries_come_back_as_merged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACE_CACHE_DIR", str(tmp_path / "cache"))
    rng = random.Random(11)
    for round_ in range(5):
        lines = ["source: generated", "covers: [sdg]", "entries:"]
        for goal in rng.sample(range(1, 18), rng.randrange(1, 8)):
            facts = {key: f"{key} {rng.randrange(100)}" for key in ("title", "short", "rev", "source") if rng.random() < 0.5}
            lines.append(f"  SDG-{goal}.{rng.randrange(1, 9)}: {{{', '.join(f'{k}: {v}' for k, v in facts.items())}}}")
        user = tmp_path / f"user{round_}.yml"
        user.write_text("\n".join(lines) + "\n", encoding="utf-8")
        merged = reg._merged((*reg._builtin_files(reg.REGISTRY_DIR), user.resolve()))
        reg._load.cache_clear()
        first = load_registry([user])
        reg._load.cache_clear()
        same(load_registry([user]), merged)  # from the disk cache
        same(first, merged)


def test_a_kept_state_whose_entries_are_not_the_fields_of_entry_is_refused() -> None:
    """A sealed state whose entries lack a field (another Entry's, or written by hand) is not
    taken (`_is_state`), so the registry is merged again rather than given entries without it."""
    state = reg._state(load_registry())
    assert reg._is_state(state)
    first = state[0][0]
    for entries in ([tuple(first.values())], [{k: v for k, v in first.items() if k != "source"}],
                    [dict(reversed(list(first.items())))]):
        assert not reg._is_state((entries, *state[1:]))

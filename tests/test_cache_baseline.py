"""The `trace check` cache and baseline are data from disk, not trusted: a damaged or edited cache
entry is a miss, bad baseline values are one clean line naming the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan_trace.cli import app

PLAN = """Objective 2 – Modern and secure infrastructure
Output 2.1 – Products and services on infrastructure
The BDT will assist Member States (WTDC Resolution 937, SDG 19).
"""


def trace(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def plan(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def run(path: Path) -> tuple[int, list[tuple[str, str]], bool]:
    result = trace("check", path, "-f", "json")
    data = json.loads(result.stdout)
    return result.exit_code, sorted((f["code"], f["message"]) for f in data["findings"]), data["files"][0]["cached"]


def entry(root: Path) -> Path:
    (found,) = [p for p in (root / ".trace-cache").glob("*.json")]
    return found


def test_cache_hit_gives_the_same_result(plan) -> None:
    code, findings, cached = run(plan)
    assert code == 1 and not cached and ("REF002", "SDG-19: there is no SDG 19 (SDGs are 1 to 17)") in findings
    assert run(plan) == (code, findings, True)


@pytest.mark.parametrize("damage", [
    lambda e: {**e, "data": {"profile": "generic", "findings": "none"}},
    lambda e: {**e, "data": {"profile": 3, "findings": [{"code": 1}]}},
    lambda e: {**e, "data": {**e["data"], "findings": [{**e["data"]["findings"][0], "loc": {"page": "one"}}]}},
    lambda e: [e],
    lambda e: {**e, "schema": "actionplan-trace/cache/1"},
    lambda e: {**e, "key": {**e["key"], "version": "0.0.0"}},
    lambda e: {**e, "data": {**e["data"], "findings": []}},
    lambda e: {k: v for k, v in e.items() if k != "checksum"},
], ids=["findings-not-list", "wrong-types", "bad-loc", "list", "old-schema", "other-version", "silenced",
        "no-checksum"])
def test_a_damaged_or_edited_entry_is_a_miss(plan, damage) -> None:
    first = run(plan)
    path = entry(plan.parent)
    path.write_text(json.dumps(damage(json.loads(path.read_text(encoding="utf-8")))), encoding="utf-8")
    code, findings, cached = run(plan)
    assert (code, findings) == first[:2] and not cached
    assert run(plan) == (first[0], first[1], True)


def test_entry_that_is_not_json_or_too_deep_is_a_miss(plan) -> None:
    first = run(plan)
    path = entry(plan.parent)
    for text in ("{", "\xff\xfe", "[" * 100_000):
        path.write_text(text, encoding="utf-8", errors="surrogateescape")
        assert run(plan)[:2] == first[:2]


@pytest.mark.parametrize("value", ['"many"', "null", "1e309", "-1", "true", "2.5", "[]"])
def test_bad_baseline_values_are_one_line_naming_the_file(plan, value) -> None:
    baseline = plan.parent / "baseline.json"
    baseline.write_text('{"schema": "actionplan-trace/baseline/1", "fingerprints": {"abc": %s}}' % value,
                        encoding="utf-8")
    result = trace("check", plan, "--baseline", baseline)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(baseline) in lines[0] and "abc" in lines[0], result.stderr
    assert "internal error" not in result.stderr


def test_baseline_not_written_when_the_run_fails(plan) -> None:
    baseline = plan.parent / "baseline.json"
    result = trace("check", plan, "--baseline", baseline, "--update-baseline", "-f", "json",
                   "-o", plan.parent / "missing" / "out.json")
    assert result.exit_code == 2 and not baseline.exists()
    assert trace("check", plan, "--baseline", baseline, "--update-baseline").exit_code == 0 and baseline.exists()


def test_a_missing_baseline_is_an_error_not_a_new_one(plan) -> None:
    """A mistyped --baseline path used to be created on the spot, with every finding in it (the
    new errors too), and the run passed: a baseline is now made on purpose, with --update-baseline."""
    typo = plan.parent / "trace-basline.json"
    result = trace("check", plan, "--baseline", typo)
    assert result.exit_code == 2 and not typo.exists()
    assert result.stderr.strip().splitlines() == [
        f"trace: {typo}: no such baseline file; record one with --update-baseline"]


def test_a_baseline_that_cannot_be_written_fails_before_any_output(plan) -> None:
    report = plan.parent / "report.json"
    result = trace("check", plan, "--baseline", plan.parent / "nodir" / "bl.json", "--update-baseline",
                   "-f", "json", "-o", report)
    assert result.exit_code == 2 and not report.exists() and result.stdout == ""
    assert "no such folder" in result.stderr and len(result.stderr.strip().splitlines()) == 1


CORPUS_TEXT = Path(__file__).resolve().parents[1] / "corpus" / "text" / "objective2-new.txt"


def duplicated_output() -> str:
    """Objective 2 of the corpus plan with its Output 2.3 numbered 2.2 again (CHK005)."""
    text = CORPUS_TEXT.read_text(encoding="utf-8")
    assert "\nOutput 2.3 – " in text
    return text.replace("\nOutput 2.3 – ", "\nOutput 2.2 – ", 1)


@pytest.mark.parametrize("order", [("README.txt", "A.txt"), ("A.txt", "README.txt")])
def test_the_same_bytes_read_another_way_are_another_entry(tmp_path, monkeypatch, order) -> None:
    """README.txt is checked with the generic profile (other-files = "generic"), A.txt with the
    one its text shows: the same bytes give other findings, and a warm run keeps them apart."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "trace.toml").write_text('other-files = "generic"\n[rules]\nCHK005 = "error"\n', encoding="utf-8")
    docs = tmp_path / "plans"
    docs.mkdir()
    for name in order:
        (docs / name).write_text(duplicated_output(), encoding="utf-8")

    def profiles() -> tuple[int, dict[str, str], dict[str, list[str]]]:
        result = trace("check", "plans", "-f", "json")
        data = json.loads(result.stdout)
        codes: dict[str, list[str]] = {}
        for f in data["findings"]:
            codes.setdefault(f["source"], []).append(f["code"])
        return result.exit_code, {f["path"]: f["profile"] for f in data["files"]}, codes

    cold = profiles()
    assert cold[0] == 1 and cold[1] == {"plans/A.txt": "action-plan", "plans/README.txt": "generic"}
    assert "CHK005" in cold[2]["plans/A.txt"] and "CHK005" not in cold[2].get("plans/README.txt", [])
    assert profiles() == cold


def test_an_entry_that_is_a_fifo_a_device_or_huge_is_a_miss(plan) -> None:
    import os

    first = run(plan)
    path = entry(plan.parent)
    path.unlink()
    os.mkfifo(path)
    assert run(plan)[:2] == first[:2]  # returns: the FIFO is not waited on
    path.unlink()
    path.symlink_to("/dev/zero")
    assert run(plan)[:2] == first[:2]
    path.unlink()
    with path.open("wb") as handle:
        handle.truncate(64 << 20)  # sparse: 64 MB of zeros
    assert run(plan)[:2] == first[:2]


def test_the_least_recently_used_entries_are_pruned(plan) -> None:
    import os

    from actionplan_trace.validate.cache import Cache

    folder = plan.parent / ".trace-cache"
    cache = Cache(folder, "d" * 64)
    data = {"profile": None, "findings": []}
    for n in range(6):
        cache.put(f"{n:064x}", data)
        os.utime(cache._entry(folder, f"{n:064x}", ""), (1_000_000 + n, 1_000_000 + n))
    assert cache.get(f"{0:064x}") == data  # a hit makes entry 0 the most recently used
    assert cache.prune(keep=3) == 3
    assert {int(p.name.split("-")[0], 16) for p in folder.glob("*.json")} == {0, 4, 5}


def test_a_cache_that_cannot_be_touched_still_hits(plan, monkeypatch) -> None:
    """Marking an entry as used (its mtime, for pruning) fails on a read-only cache: a hit all the
    same (a review found every run cold there)."""
    import os

    first = run(plan)

    def refuse(*args, **kwargs):
        raise PermissionError(30, "Read-only file system")

    monkeypatch.setattr(os, "utime", refuse)
    assert run(plan) == (first[0], first[1], True)


def test_pruning_takes_only_entries_and_survives_a_bad_one(plan) -> None:
    """The cache folder may be a folder of the user's (cache-dir = "data"): only trace's own
    entry names are pruned, and a dangling link among them does not stop the others going."""
    import os

    from actionplan_trace.validate.cache import Cache

    folder = plan.parent / "data"
    cache = Cache(folder, "e" * 64)
    for n in range(5):
        cache.put(f"{n:064x}", {"profile": None, "findings": []})
        os.utime(cache._entry(folder, f"{n:064x}", ""), (1_000_000 + n, 1_000_000 + n))
    (folder / "mine.json").write_text("{}", encoding="utf-8")
    (folder / f"{9:064x}-{'0' * 24}.json").symlink_to(folder / "gone.json")
    assert cache.prune(keep=2) == 4  # three old entries and the dangling one
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".json")[-1] == "mine.json"
    assert len([p for p in folder.glob("0*.json")]) == 2


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_an_unwritable_baseline_fails_before_the_report(plan, kind) -> None:
    import os

    target = plan.parent / "bl"
    if kind == "folder":
        target.mkdir()
    else:
        os.mkfifo(target)
    report = plan.parent / "report.json"
    result = trace("check", plan, "--baseline", target, "--update-baseline", "-f", "json", "-o", report)
    assert result.exit_code == 2 and not report.exists()
    assert result.stderr.strip().splitlines() == [f"trace: {target}: cannot write the baseline: it is not a regular file"]


def test_the_update_baseline_line_escapes_control_characters(plan) -> None:
    twice = "Bad \x1b]0;pwned\x07 control characters in a paragraph of more than eight words.\n"
    plan.write_text(PLAN + twice + twice, encoding="utf-8")
    result = trace("check", plan, "--baseline", plan.parent / "bl.json", "--update-baseline")
    assert result.exit_code == 0 and "CHK003" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr and "\\x1b" in result.stderr

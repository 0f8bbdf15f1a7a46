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
    result = trace("check", plan, "--baseline", baseline, "-f", "json", "-o", plan.parent / "missing" / "out.json")
    assert result.exit_code == 2 and not baseline.exists()
    assert trace("check", plan, "--baseline", baseline).exit_code == 0 and baseline.exists()

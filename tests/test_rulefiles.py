"""The rules/ YAML cache (rulefiles.py) and lazily compiled profile patterns: a cached file is
read without PyYAML, an edited file is parsed again, and no cache problem changes a result."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from actionplan_trace.errors import ProfileError
from actionplan_trace.profiles import Pattern, available_profiles, get_profile, parse_profile
from actionplan_trace.rulefiles import RULES_DIR, read_yaml

PROFILE = RULES_DIR / "profiles" / "action-plan.yml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("TRACE_CACHE_DIR", str(directory))
    return directory


def test_a_cached_rules_file_is_read_without_importing_yaml(cache: Path) -> None:
    first = read_yaml(PROFILE, "profile")
    assert len(list(cache.glob("*.marshal"))) == 1
    probe = ("import sys; from pathlib import Path; from actionplan_trace.rulefiles import read_yaml; "
             f"value = read_yaml(Path({str(PROFILE)!r}), 'profile'); "
             "print(value['name'], 'yaml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={**os.environ, "TRACE_CACHE_DIR": str(cache)}).stdout.split()
    assert out == [first["name"], "False"]


def test_an_edited_file_is_parsed_again(cache: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules.yml"
    rules.write_text("name: first\nmax_heading_words: 10\n", encoding="utf-8")
    assert read_yaml(rules, "profile") == {"name": "first", "max_heading_words": 10}
    rules.write_text("name: second\nmax_heading_words: 10\n", encoding="utf-8")
    assert read_yaml(rules, "profile")["name"] == "second"
    assert len(list(cache.glob("*.marshal"))) == 2


def test_a_corrupt_entry_is_a_miss(cache: Path) -> None:
    expected = read_yaml(PROFILE, "profile")
    (entry,) = cache.glob("*.marshal")
    entry.write_bytes(entry.read_bytes()[:7])
    assert read_yaml(PROFILE, "profile") == expected
    assert read_yaml(PROFILE, "profile") == expected


def test_an_unusable_cache_directory_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("TRACE_CACHE_DIR", str(blocker / "cache"))
    assert read_yaml(PROFILE, "profile")["name"] == "action-plan"
    assert list(tmp_path.iterdir()) == [blocker]


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("TRACE_CACHE_DIR", "off")
    assert read_yaml(PROFILE, "profile")["name"] == "action-plan"
    assert list(tmp_path.iterdir()) == []


def test_invalid_yaml_is_an_error_naming_the_file_cached_or_not(cache: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("name: broken\nheadings: [\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ProfileError, match=r"broken\.yml: cannot read registry file"):
            read_yaml(broken, "registry file")


def test_profile_patterns_compile_on_first_use_and_report_bad_ones() -> None:
    profile = parse_profile({"name": "x", "headings": [{"kind": "area", "match": r"^Area (\d+"}]}, "x.yml")
    rule = profile.headings[0]
    assert rule.match is not None
    with pytest.raises(ProfileError, match=r"x\.yml headings\[0\]: bad regular expression"):
        rule.match.search("Area 1")


def test_profile_patterns_match_case_insensitively_and_survive_pickling() -> None:
    pattern = Pattern(r"^objective\s+(\d+)", "test")
    copy = pickle.loads(pickle.dumps(pattern))
    for p in (pattern, copy):
        m = p.match("OBJECTIVE 3: Enhance")
        assert m is not None and m.group(1) == "3"
        assert p.search("no") is None and p.fullmatch("objective 12") is not None
    assert copy == pattern and hash(copy) == hash(pattern)
    assert pickle.loads(pickle.dumps(get_profile("action-plan"))) == available_profiles()["action-plan"]


@pytest.mark.parametrize(
    ("data", "message"),
    [({"name": "x", "heading": [{"kind": "area", "match": "^Area"}]}, "x.yml: unknown key 'heading'; did you mean 'headings'?"),
     ({"name": "x", "detect": {"pattern": ["^Area"]}}, "x.yml detect: unknown key 'pattern'; did you mean 'patterns'?"),
     ({"name": "x", "headings": [{"kind": "area", "match": "^Area", "max_word": 9}]},
      "x.yml headings[0]: unknown key 'max_word'; did you mean 'max_words'?"),
     ({"name": "x", "tables": [{"kind": "row", "header": "^A", "columns": ["a"], "style": "bold"}]},
      "x.yml tables[0]: unknown key 'style' (known: columns, group, group_id, group_kind, header, header_row, "
      "headless, id, kind, not_within, number, number_field, number_match, subsections, title_field, within)")],
)
def test_a_misspelt_profile_key_is_refused_not_ignored(data: dict[str, object], message: str) -> None:
    with pytest.raises(ProfileError) as raised:
        parse_profile(data, "x.yml")
    assert str(raised.value) == message


def test_the_shipped_profiles_use_only_known_keys() -> None:
    assert {"action-plan", "contribution", "generic", "wsis-roadmap"} <= set(available_profiles())

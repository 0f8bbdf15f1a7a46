"""Profiles parsed lazily (profiles._Directory): detection reads every profile's detect section
but parses the heading and table rules of the profile it chooses only. The profiles it gives, and
the profile it chooses, must be those parsing every profile in full gives."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest

from actionplan_trace.errors import ProfileError
from actionplan_trace.extract import read
from actionplan_trace.profiles import (
    Profile,
    _Directory,
    _anchored_gate,
    _directory,
    available_profiles,
    detect_profile,
    get_profile,
    parse_profile,
)
from actionplan_trace.rulefiles import RULES_DIR, read_yaml

from conftest import CORPUS

PROFILES = RULES_DIR / "profiles"


def _parsed_in_full(directory: Path) -> dict[str, Profile]:
    """Every profile of `directory` parsed in full at once, as profiles were before _Directory:
    in path order, each after the profile it extends, with that profile as its base."""
    pending: dict[Path, Any] = {path: read_yaml(path, "profile") for path in sorted(directory.glob("*.yml"))}
    profiles: dict[str, Profile] = {}
    while pending:
        left = len(pending)
        for path, data in list(pending.items()):
            parent = data.get("extends")
            if parent and parent not in profiles:
                continue
            profile = parse_profile(data, str(path), profiles.get(parent) if parent else None, path)
            profiles[profile.name] = profile
            del pending[path]
        assert len(pending) < left, f"profiles extend unknown or circular bases: {sorted(pending)}"
    return profiles


@pytest.fixture(autouse=True)
def _fresh_profile_caches() -> Iterator[None]:
    """Each test starts and ends with no directory of profiles kept (nor its joined gate)."""
    _directory.cache_clear()
    _anchored_gate.cache_clear()
    yield
    _directory.cache_clear()
    _anchored_gate.cache_clear()


@pytest.fixture
def profiles_copy(tmp_path: Path) -> Path:
    """A copy of the shipped profiles (a directory no run has parsed yet), its files renamed so
    that a profile's file comes before the file of the profile it extends."""
    directory = tmp_path / "profiles"
    directory.mkdir()
    for path in PROFILES.glob("*.yml"):
        name = "0-" + path.name if path.name == "contribution.yml" else path.name
        shutil.copyfile(path, directory / name)
    return directory


@pytest.mark.parametrize("renamed", [False, True])
def test_each_profile_is_the_one_parsing_all_in_full_gives(profiles_copy: Path, renamed: bool) -> None:
    directory = profiles_copy if renamed else PROFILES
    expected = _parsed_in_full(directory)
    lazy = _Directory(directory.resolve())
    assert list(lazy.files) == list(expected)
    names = list(expected)
    random.Random(5).shuffle(names)  # asked for in any order, a base before or after its profiles
    for name in names:
        assert lazy.profile(name) == expected[name]
        assert lazy.profile(name).path == expected[name].path
    assert lazy.profiles() == expected and list(lazy.profiles()) == list(expected)
    assert available_profiles(directory) == expected and list(available_profiles(directory)) == list(expected)


def test_the_detect_sections_are_those_of_the_profiles_in_full(profiles_copy: Path) -> None:
    expected = _parsed_in_full(profiles_copy)
    detections = _Directory(profiles_copy.resolve()).detections()
    assert [d.name for d in detections] == list(expected)
    for detection in detections:
        profile = expected[detection.name]
        assert (detection.detect_patterns, detection.detect_alone, detection.min_hits, detection.priority) == \
            (profile.detect_patterns, profile.detect_alone, profile.min_hits, profile.priority)


def _texts() -> dict[str, list[str]]:
    paths = sorted((CORPUS / "text").rglob("*.txt"))
    return {p.name: [b.text for b in read(p).blocks if b.type != "table"] for p in paths}


def test_detection_parses_only_the_chosen_profile_and_gives_the_profile_in_full(profiles_copy: Path) -> None:
    expected = _parsed_in_full(profiles_copy)
    texts = _texts()
    texts["one line"] = ["Resolution 37 (Rev. Kigali, 2022)"]
    texts["contribution"] = ["TITLE: Proposed modifications to the Buenos Aires Action Plan", "Abstract", "Proposals"]
    texts["report"] = ["Report on the implementation of the 2020-2023 Strategic Plan", "Status of implementation",
                       "Annex 1 – Implementation of PP Resolutions"]
    texts["roadmap"] = ["Roadmap for WSIS Action Line C2: Information and communication infrastructure",
                        "ITU WSIS Action Lines Roadmaps", "WSIS Action Line C5: Building confidence"]
    rng = random.Random(3)
    pool = [line for lines in texts.values() for line in lines]
    texts.update({f"mixture {k}": rng.sample(pool, 40) for k in range(20)})
    chosen = set()
    for name, lines in texts.items():
        _directory.cache_clear()
        found = detect_profile(lines, profiles_copy)
        assert found == expected[found.name], name
        assert found is get_profile(found.name, profiles_copy)
        assert found.name == detect_profile(lines).name, name  # the shipped profiles choose the same
        assert found.path is not None
        base = read_yaml(found.path, "profile").get("extends")
        assert set(_directory(profiles_copy.resolve()).parsed) == {found.name, base} - {None}, name
        chosen.add(found.name)
    _directory.cache_clear()
    assert {"action-plan", "contribution", "generic", "implementation-report", "wsis-roadmap"} <= chosen


def test_a_bad_rule_is_reported_when_its_profile_is_used_or_listed(profiles_copy: Path) -> None:
    """A heading rule of a profile detection does not choose is not parsed, so its fault is not
    reported then: it is, as before, when that profile is asked for or every profile listed."""
    path = profiles_copy / "wsis-roadmap.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("headings:", "headings:\n  - match: '^x'", 1),
                    encoding="utf-8")
    _directory.cache_clear()
    assert detect_profile(["Resolution 37 (Rev. Kigali, 2022)"], profiles_copy).name == "generic"
    with pytest.raises(ProfileError, match=r"wsis-roadmap\.yml headings\[0\]: heading rule without 'kind'"):
        get_profile("wsis-roadmap", profiles_copy)
    with pytest.raises(ProfileError, match=r"wsis-roadmap\.yml headings\[0\]"):
        available_profiles(profiles_copy)
    _directory.cache_clear()


def test_a_bad_detect_section_or_base_is_reported_by_detection(profiles_copy: Path) -> None:
    path = profiles_copy / "generic.yml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("  min_hits: 0", "  pattern: ['^x']\n  min_hits: 0"), encoding="utf-8")
    _directory.cache_clear()
    with pytest.raises(ProfileError, match=r"generic\.yml detect: unknown key 'pattern'"):
        detect_profile(["Resolution 37"], profiles_copy)
    path.write_text(original + "\nextends: nothing\n", encoding="utf-8")
    _directory.cache_clear()
    with pytest.raises(ProfileError, match="profiles extend unknown or circular bases"):
        detect_profile(["Resolution 37"], profiles_copy)
    _directory.cache_clear()


def test_two_profiles_of_one_name_are_an_error(profiles_copy: Path) -> None:
    """Which of two same-named profiles a derived one extends would depend on the files' order."""
    (profiles_copy / "zz-copy.yml").write_text((profiles_copy / "action-plan.yml").read_text(encoding="utf-8"),
                                               encoding="utf-8")
    with pytest.raises(ProfileError, match=r"zz-copy\.yml: profile 'action-plan' is named by .*action-plan\.yml too"):
        detect_profile(["Resolution 37"], profiles_copy)
    with pytest.raises(ProfileError, match="named by"):
        get_profile("generic", profiles_copy)


def test_a_profile_fixed_after_its_fault_is_read_again(profiles_copy: Path) -> None:
    """A fault is not kept: once the file is mended, the next call reads it, with no cache cleared."""
    path = profiles_copy / "wsis-roadmap.yml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("headings:", "headings:\n  - match: '^x'", 1), encoding="utf-8")
    with pytest.raises(ProfileError, match="heading rule without 'kind'"):
        get_profile("wsis-roadmap", profiles_copy)
    path.write_text(original, encoding="utf-8")
    assert get_profile("wsis-roadmap", profiles_copy).headings == _parsed_in_full(profiles_copy)["wsis-roadmap"].headings

"""The registry under rules/registry/: facts with their sources, user files, natural order."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from actionplan_trace.errors import ProfileError
from actionplan_trace.refs import RefContext, family_of, find_refs, load_registry, sort_ids
from actionplan_trace.refs import registry
from actionplan_trace.refs.registry import REGISTRY_DIR


def test_sdg_and_wsis_facts_are_complete() -> None:
    reg = load_registry()
    assert reg.ids("sdg") == [f"SDG-{n}" for n in range(1, 18)]
    assert len(reg.ids("sdg-target")) == 169
    assert reg.ids("wsis") == [f"WSIS-C{n}" for n in range(1, 12)]
    assert reg.sdg_targets(9) == {"1", "2", "3", "4", "5", "a", "b", "c"}
    assert reg.title("SDG-16.10").startswith("Ensure public access to information")
    assert reg.get("SDG-5").short == "Gender equality"
    assert reg.title("WSIS-C5") == "Building confidence and security in the use of ICTs"
    assert {"sdg", "sdg-target", "wsis"} <= reg.complete


def test_resolutions_goals_and_initiatives_come_from_the_documents() -> None:
    reg = load_registry()
    res = reg.get("PP-RES-139")
    assert res is not None and res.rev == "Rev. Dubai, 2018" and res.title.startswith("Use of telecommunications")
    assert reg.known("WTDC-RES-45") and reg.known("WTSA-RES-50") and reg.known("COUNCIL-RES-1305")
    assert reg.title("ITU-TARGET-3.1@SP-2020-2023").startswith("improve cybersecurity preparedness")
    assert set(reg.ids("itu-goal")) == {f"ITU-GOAL-{n}@SP-2020-2023" for n in range(1, 6)} | {
        f"ITU-GOAL-{n}@SP-2016-2019" for n in range(1, 5)}
    assert reg.ids("itu-d-output")[:3] == ["ITU-D-OUTPUT-1.1@WTDC-17", "ITU-D-OUTPUT-1.2@WTDC-17", "ITU-D-OUTPUT-1.3@WTDC-17"]
    assert len(reg.ids("itu-d-outcome")) == 14
    assert reg.regions == ("AFR", "AMS", "ARB", "ASP", "CIS", "EUR")
    assert "RI-AFR3" in reg.ids("regional-initiative")


def test_every_registry_file_names_its_source_and_licence() -> None:
    for path in sorted(REGISTRY_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data.get("source") and data.get("licence"), path.name
    sdg = yaml.safe_load((REGISTRY_DIR / "sdg.yml").read_text(encoding="utf-8"))
    assert "MIT" in sdg["licence"] and "open-sdg" in sdg["source"]


def test_conference_place_and_year_name_the_organ() -> None:
    reg = load_registry()
    assert reg.conference_at("Busan", 2014).organ == "PP"
    assert reg.conference_at("Buenos Aires", 2017).code == "WTDC-17"
    assert reg.conference_at("Dubai", 2012).organ == "WTSA"
    assert reg.conference_at("Geneva", 2015) is None
    assert reg.conference_at("Nowhere", 2014) is None
    assert reg.conference_code("wrc-15").organ == "WRC"


def test_user_registry_file_adds_ids(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yml"
    extra.write_text(
        "source: our secretariat\nlicence: internal\nentries:\n  PP-RES-9999: {title: A future resolution}\n"
        "  RI-AMS2: {title: Spectrum management}\n",
        encoding="utf-8",
    )
    reg = load_registry([extra])
    assert reg.title("PP-RES-9999") == "A future resolution" and reg.get("RI-AMS2").source == "our secretariat"
    assert len(reg.ids("sdg-target")) == 169
    _, findings = find_refs("PP Resolution 9999 and Regional Initiatives (AMS2)", RefContext(), registry=reg)
    assert findings == []
    _, findings = find_refs("PP Resolution 9999", RefContext())
    assert [f.code for f in findings] == ["REF001"]


@pytest.mark.parametrize(
    "content",
    ["entries:\n  NOT-AN-ID: {}\n", "entries: [1, 2]\n", "- just a list\n", "covers: sdg\n", "entries: {SDG-1: oops}\n",
     "conferences:\n  - {code: X-1, organ: UN, place: Here, year: 2000}\n", "key: [unclosed\n"],
)
def test_malformed_user_registry_is_a_profile_error(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileError):
        load_registry([bad])


@pytest.mark.parametrize(
    ("content", "message"),
    [("source: notes\nentires:\n  PP-RES-220: {title: New}\n", "unknown key 'entires'; did you mean 'entries'?"),
     ("entries:\n  PP-RES-220: {titel: New}\n", "PP-RES-220: unknown key 'titel'; did you mean 'title'?"),
     ("conferences:\n  - {code: PP-26, organ: PP, place: Doha, yaer: 2026}\n",
      "conference PP-26: unknown key 'yaer'; did you mean 'year'?")],
)
def test_a_misspelt_registry_key_is_refused_not_ignored(tmp_path: Path, content: str, message: str) -> None:
    """A misspelt key would leave its ids or facts out of every check without a word."""
    bad = tmp_path / "mine.yml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileError) as raised:
        load_registry([bad])
    assert str(raised.value) == f"{bad.resolve()}: {message}"


def test_cached_registry_is_the_merge_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The merged registry kept on disk gives the registry a fresh merge gives; an edited user file
    is another entry, and a warm cache does not hide a file gone bad."""
    monkeypatch.setenv("TRACE_CACHE_DIR", str(tmp_path / "cache"))
    extra = tmp_path / "mine.yml"
    extra.write_text("source: ours\nentries:\n  PP-RES-9999: {title: First}\n", encoding="utf-8")
    paths = (*sorted(REGISTRY_DIR.glob("*.yml")), extra)
    for _ in range(2):  # computed and stored, then read from the cache
        registry._load.cache_clear()
        assert registry._load(paths) == registry._merged(paths)
    assert len(list((tmp_path / "cache").glob("registry-*.marshal"))) == 1
    cached = registry._load(paths)
    assert cached.title("PP-RES-9999") == "First" and len(cached.ids("sdg-target")) == 169
    assert cached.editions == registry._merged(paths).editions and cached.conferences

    extra.write_text("source: ours\nentries:\n  PP-RES-9999: {title: Second}\n", encoding="utf-8")
    registry._load.cache_clear()
    assert registry._load(paths).title("PP-RES-9999") == "Second"
    assert len(list((tmp_path / "cache").glob("registry-*.marshal"))) == 2

    extra.write_text("entries:\n  NOT-AN-ID: {}\n", encoding="utf-8")
    registry._load.cache_clear()
    with pytest.raises(ProfileError, match="not a canonical id"):
        registry._load(paths)


def test_missing_user_registry_is_a_profile_error(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="not found"):
        load_registry([tmp_path / "absent.yml"])


def test_natural_sort() -> None:
    assert sort_ids(["SDG-16.10", "SDG-16.a", "SDG-2", "SDG-16.2", "SDG-16"]) == [
        "SDG-2", "SDG-16", "SDG-16.2", "SDG-16.10", "SDG-16.a"]
    assert sort_ids(["WSIS-C11", "WSIS-C2", "WSIS-C1"]) == ["WSIS-C1", "WSIS-C2", "WSIS-C11"]
    assert sort_ids(["PP-RES-200", "PP-RES-71", "PP-RES-9"]) == ["PP-RES-9", "PP-RES-71", "PP-RES-200"]


def test_registry_targets_are_stored_in_natural_order() -> None:
    targets = load_registry().ids("sdg-target")
    shuffled = targets[:]
    random.Random(4).shuffle(shuffled)
    assert sort_ids(shuffled) == targets
    assert targets.index("SDG-1.5") < targets.index("SDG-1.a") < targets.index("SDG-2.1")


@pytest.mark.parametrize(
    ("ref_id", "family"),
    [("PP-RES-71", "resolution"), ("WTDC-RES-45", "resolution"), ("COUNCIL-RES-1305", "resolution"),
     ("PP-DEC-5", "decision"), ("COUNCIL-DEC-482", "decision"), ("ITU-D-REC-15", "recommendation"),
     ("ITU-T-REC-Y.4409", "recommendation"), ("SDG-9", "sdg"), ("SDG-9.c", "sdg-target"), ("SDG-16.10", "sdg-target"),
     ("WSIS-C5", "wsis"), ("ITU-GOAL-3", "itu-goal"), ("ITU-TARGET-3.1", "itu-target"),
     ("ITU-D-OBJ-2", "itu-d-objective"), ("ITU-D-OUTPUT-2.2", "itu-d-output"), ("ITU-D-OUTCOME-2.1", "itu-d-outcome"),
     ("ITU-T-OBJ-1", "sector-objective"), ("RI-AFR3", "regional-initiative"), ("ITU-D-SG2-Q3", "sg-question"),
     ("ITU-T-SG17", "study-group"), ("SDG-9.C", None), ("PP-71", None), ("WSIS-5", None),
     ("ITU-D-OBJ-2@SP-2012-2015", "itu-d-objective"), ("ITU-D-OUTPUT-2.2@WTDC-17", "itu-d-output"),
     ("GS-OBJ-6@SP-2012-2015", "sector-objective"), ("ITU-R-GOAL@SP-2012-2015", "sector-goal"),
     ("ITU-TARGET-5.1@SP-2020-2023", "itu-target"), ("PP-RES-71@SP-2012-2015", None), ("ITU-GOAL-1@sp", None)],
)
def test_family_of_canonical_ids(ref_id: str, family: str | None) -> None:
    assert family_of(ref_id) == family


def test_the_highest_itu_goal_follows_the_registry_files_merged() -> None:
    """most_itu_goals is worked out again when a registry file is merged after it was read."""
    from actionplan_trace.refs.registry import Registry

    registry = Registry()
    assert registry.most_itu_goals is None
    registry.merge({"covers": ["itu-goal"], "entries": {"ITU-GOAL-7@SP-2020-2023": {"title": "Goal 7"}}}, "extra.yml")
    assert registry.most_itu_goals == 7


def test_sdg_target_order_follows_the_registry_files_merged() -> None:
    """The order of a goal's targets is read off the entries once, and again after a merge; it
    keeps the files' order, numbered and lettered targets as listed."""
    from actionplan_trace.refs.registry import Registry

    registry = Registry()
    assert registry.sdg_target_order(9) == []
    registry.merge({"covers": ["sdg-target"], "entries": {"SDG-9.1": {}, "SDG-9.a": {}, "SDG-4.2": {}}}, "one.yml")
    assert registry.sdg_target_order(9) == ["1", "a"] and registry.sdg_target_order(4) == ["2"]
    registry.sdg_target_order(9).append("z")  # a caller's copy: the registry's order is not changed
    registry.merge({"entries": {"SDG-9.2": {}}}, "two.yml")
    assert registry.sdg_target_order(9) == ["1", "a", "2"]
    assert registry.sdg_targets(9) == {"1", "2", "a"} and registry.sdg_target_order(17) == []
    full = load_registry()
    assert full.sdg_target_order(9) == ["1", "2", "3", "4", "5", "a", "b", "c"]
    assert [len(full.sdg_target_order(g)) for g in range(1, 18)] == [
        7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19]


def test_close_spelling_answers_as_rapidfuzz_ratio_does() -> None:
    """The shared-letters bound only ever answers no where rapidfuzz's ratio is under 80: on place
    names and on random words over a few letters (where near misses are common), both ways agree,
    and both answers occur."""
    from rapidfuzz import fuzz

    rng = random.Random(11)
    places = ["busan", "bucharest", "buenosaires", "marrakech", "marrakesh", "geneve", "geneva",
              "kigali", "kyoto", "dubai", "doha", "hyderabad", "hammamet", "yasminehammamet"]
    pairs = [(a, b) for a in places for b in places]
    for _ in range(4000):
        a = "".join(rng.choices("abcde", k=rng.randint(4, 12)))
        b = list(a)
        for _ in range(rng.randint(0, 4)):  # a few edits: near misses on both sides of 80
            at = rng.randrange(len(b) + 1)
            b[at:at + rng.randint(0, 1)] = rng.choices("abcdef", k=rng.randint(0, 1))
        pairs.append((a, "".join(b)))
        pairs.append((a, "".join(rng.choices("abcde", k=rng.randint(4, 12)))))  # mostly far apart
    answers = {(a, b): registry.close_spelling(a, b) for a, b in pairs}
    assert answers == {(a, b): fuzz.ratio(a, b) >= 80 for a, b in pairs}
    assert answers[("marrakech", "marrakesh")] and not answers[("busan", "bucharest")]
    assert 100 < sum(answers.values()) < len(pairs) - 100

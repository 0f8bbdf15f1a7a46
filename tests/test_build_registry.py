"""scripts/build_registry.py and the registry files it writes: what it writes is what is checked
in, and what it does not derive from the seeds lives in hand-written files it leaves alone (the
ITU-T L.1603 entry, added by hand to the generated resolutions.yml, was dropped by a rebuild).
Offline: the seeds are not read; a rebuild runs on small seeds and data made here."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from actionplan_trace.refs.registry import load_registry

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "rules" / "registry"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_registry", ROOT / "scripts" / "build_registry.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _generated(script: ModuleType) -> dict[str, str]:
    """The checked-in registry files that say the script wrote them, by name."""
    out = {}
    for path in sorted(REGISTRY.glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        if text.startswith(script.HEADER):
            out[path.name] = text
    return out


def _seeds(folder: Path) -> Path:
    """Five small seeds in the seeds' shapes: an Action Plan objective with a region table, a plan
    whose output names resolutions, a roadmap, a strategic plan, and a report with an Annex 1 entry
    and a Recommendation cited in passing."""
    folder.mkdir()
    texts = {
        "000": "Objective 2 – Cybersecurity\n\tAFR Region\tAFR3\n\nRegional Initiatives (AFR3)\n",
        "001": "Objective 2 – Cybersecurity\n\tOutcome\n\tBuilding confidence in the use of ICTs\n\n"
               "Output 2.1 – Cybersecurity\n\nThe implementation of PP Resolutions 130, 174 and WTDC Resolutions "
               "45 and 69 will support Output 2.1.\n",
        "002": "C5. Building confidence\nPP Res. 130 (Rev. Busan, 2014)\n",
        "003": "4.5.1 Objective 1 Spectrum\n\n- Efficient use of spectrum\n",
        "004": "Report\n\nThe KPIs (based on Recommendation ITU-T Y.4903) are used by cities.\n\n"
               "## Annex 1 Implementation of PP Resolutions\n\n"
               "**71 (Rev. Dubai, 2018) Strategic plan for the Union for 2020-2023**\n\nText.\n\n"
               "**Decision 5 (Rev. Dubai, 2018) Revenue and expenses for the Union for the period 2020-2023**\n\n"
               "## Annex 2\n",
    }
    for key, text in texts.items():
        (folder / f"{key}_0000.txt").write_text(text, encoding="utf-8")
    return folder


def _data(folder: Path) -> Path:
    folder.mkdir()
    (folder / "sdg-global-goals.en.yml").write_text("9-title: Industry, innovation and infrastructure\n9-short: Industry\n",
                                                     encoding="utf-8")
    (folder / "sdg-global-targets.en.yml").write_text("9-1-title: Develop quality infrastructure\n"
                                                       "9-c-title: Increase access to ICT\n", encoding="utf-8")
    (folder / "wsis-action-lines.yml").write_text("C5: Building confidence and security in the use of ICTs\n",
                                                  encoding="utf-8")
    return folder


def test_a_rebuild_rewrites_only_the_generated_files_and_keeps_the_hand_written_facts(script: ModuleType,
                                                                                     tmp_path: Path) -> None:
    out = tmp_path / "registry"
    shutil.copytree(REGISTRY, out)
    before = {p.name: p.read_bytes() for p in out.glob("*.yml")}
    assert script.main(["--data", str(_data(tmp_path / "data")), "--seeds", str(_seeds(tmp_path / "seeds")),
                        "--out", str(out)]) == 0
    after = {p.name: p.read_bytes() for p in out.glob("*.yml")}
    assert after.keys() == before.keys()
    written = {name for name in after if after[name].decode("utf-8").startswith(script.HEADER)}
    assert written == set(_generated(script))
    assert {name for name in after if after[name] != before[name]} <= written
    resolutions = yaml.safe_load(after["resolutions.yml"])["entries"]
    assert {"PP-RES-71", "PP-DEC-5", "PP-RES-130", "PP-RES-174", "WTDC-RES-45", "WTDC-RES-69",
            "ITU-T-REC-Y.4903"} <= resolutions.keys()
    assert "ITU-T-REC-L.1603" not in resolutions
    rebuilt = load_registry(directory=out)
    entry = rebuilt.get("ITU-T-REC-L.1603")
    assert entry is not None and entry.title is not None and entry.title.startswith("Key performance indicators")
    assert rebuilt.numbering["WTDC-RES"] == 90 and rebuilt.numbering["PP-RES"] == 219
    assert rebuilt.get("WTDC-RES-69") is not None and rebuilt.get("SDG-9.c") is not None


def test_the_generated_files_hold_only_what_the_script_derives(script: ModuleType) -> None:
    """Every entry of a file the script writes names one of the seeds the script reads (or none:
    the SDG and WSIS files name their data once, for all entries): an entry added by hand to a
    generated file would be lost by the next rebuild."""
    seeds = tuple(title for title, _ in script.SEEDS.values())
    stray = []
    for name, text in _generated(script).items():
        for ref_id, facts in (yaml.safe_load(text).get("entries") or {}).items():
            source = (facts or {}).get("source")
            if source is not None and not source.startswith(seeds):
                stray.append(f"{name}: {ref_id}")
    assert stray == []


def test_numbering_is_what_the_script_makes_of_the_checked_in_resolutions(script: ModuleType, tmp_path: Path) -> None:
    resolutions = yaml.safe_load((REGISTRY / "resolutions.yml").read_text(encoding="utf-8"))
    script.dump(tmp_path / "numbering.yml", script.build_numbering(resolutions))
    assert (tmp_path / "numbering.yml").read_bytes() == (REGISTRY / "numbering.yml").read_bytes()

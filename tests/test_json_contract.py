"""The JSON outputs against their contract, the README's "JSON outputs" and CI sections: every key
a command writes is one its schema's part of the README names, in the example or in the text
around it (a black-box review found graph/2 and check/2 writing keys the README never named)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, run_cli

README = Path(__file__).resolve().parents[1] / "README.md"
# Keys whose values map data to data (a file to its editions, a code to its severity, a column to
# its text): their keys are names the document or configuration chose, not the schema's.
DATA_MAPS = {"editions", "rules", "fields"}


def documented_names(schema: str) -> set[str]:
    """The names the README's part on `schema` uses, from the heading above its JSON example to
    the next heading: the keys of the examples there, and every word in backticks."""
    text = README.read_text(encoding="utf-8")
    example = next(m for m in re.finditer(r"```json\n(.*?)```", text, re.S)
                   if json.loads(m.group(1)).get("schema") == schema)
    start = text.rfind("\n### ", 0, example.start())
    end = text.find("\n### ", example.end())
    part = text[start:end if end >= 0 else len(text)]
    names = {key for block in re.findall(r"```json\n(.*?)```", part, re.S) for key in _keys(json.loads(block))}
    for quoted in re.findall(r"`([^`\n]+)`", part):
        names.update(re.findall(r"[a-z_]+", quoted))
    return names


def _keys(value: Any) -> list[str]:
    """Every key in `value`, at any depth (not inside DATA_MAPS)."""
    if isinstance(value, dict):
        return [k for k, v in value.items() for k in [k, *([] if k in DATA_MAPS else _keys(v))]]
    if isinstance(value, list):
        return [k for item in value for k in _keys(item)]
    return []


RUNS = {
    "extract": ["extract", str(CORPUS / "objective2-tracked.docx"), "-f", "json"],
    "extract-pdf": ["extract", str(CORPUS / "action-plan-ba.pdf"), "-f", "json"],
    "diff": ["diff", str(CORPUS / "objective2-old.docx"), str(CORPUS / "objective2-new.docx"), "-f", "json", "--all"],
    "refs": ["refs", str(CORPUS / "action-plan-ba.docx"), str(CORPUS / "wsis-roadmaps.pdf"), "-f", "json"],
    "graph": ["graph", str(CORPUS / "action-plan-ba.docx"), str(CORPUS / "report-c20-35.docx"),
              str(CORPUS / "strategic-plan-2012.docx"), "-f", "json"],
    "validate": ["validate", str(CORPUS / "contribution-tdag.docx"), "--against", str(CORPUS / "action-plan-ba.docx"),
                 "-f", "json"],
    "check": ["check", "--no-cache", str(CORPUS / "text"), "-f", "json"],
    "chain": ["chain", "ITU-D-OUTPUT-2.2", str(CORPUS / "action-plan-ba.docx"), str(CORPUS / "report-c20-35.docx"),
              "-f", "json"],
    "chain-goal": ["chain", "ITU-D-OBJ-2@SP-2012-2015", str(CORPUS / "strategic-plan-2012.docx"), "-f", "json"],
}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_every_key_written_is_documented(name: str) -> None:
    done = run_cli(*RUNS[name])
    assert done.returncode in (0, 1), done.stderr
    data = json.loads(done.stdout)
    written = set(_keys(data))
    assert len(written) > 8  # the run wrote a report, not an error object
    assert written - documented_names(data["schema"]) == set()


FINDING_KEYS = {"code", "severity", "message", "ref", "source", "section", "loc", "text"}


def test_every_finding_has_every_key_text_null_when_it_quotes_nothing(tmp_path: Path) -> None:
    """A black-box review (F1): check/2 and validate/2 findings that quote nothing (CHK004, CHK005,
    VAL009 …) left `text` out, where README shows it on every finding ("null for …"); a CI script
    reading `f["text"]` failed with a KeyError. Every finding now has every key; a finding about
    the whole file has `loc` `{}`."""
    plans = tmp_path / "plans"
    plans.mkdir()
    lines = (CORPUS / "text" / "objective2-new.txt").read_text(encoding="utf-8").splitlines()
    renumbered = [line.replace("Output 2.3 –", "Output 2.2 –") for line in lines]  # CHK005
    (plans / "plan.txt").write_text("\n".join(renumbered) + "\n", encoding="utf-8")
    (plans / "broken.docx").write_bytes((CORPUS / "objective2-old.docx").read_bytes()[:4000])  # CHK004
    (tmp_path / "cover.txt").write_text(
        "TITLE: Proposed modifications to the Buenos Aires Action Plan\n\nIntroduction\n\n"
        "We have read the plan with great interest and have some general thoughts about it.\n", encoding="utf-8")
    checked = json.loads(run_cli("check", "--no-cache", str(plans), "-f", "json", cwd=tmp_path).stdout)
    validated = json.loads(run_cli("validate", "cover.txt", "--against", str(CORPUS / "action-plan-ba.docx"),
                                   "-f", "json", cwd=tmp_path).stdout)
    check_codes = {f["code"]: f for f in checked["findings"]}
    assert {"CHK004", "CHK005"} <= set(check_codes)
    assert [f["code"] for f in validated["findings"]] == ["VAL009"]
    for finding in checked["findings"]:
        assert set(finding) == FINDING_KEYS | {"fingerprint", "baseline"}, finding
    for finding in validated["findings"]:
        assert set(finding) == FINDING_KEYS, finding
    assert check_codes["CHK005"]["text"] is None and check_codes["CHK004"]["text"] is None
    assert check_codes["CHK004"]["loc"] == {} and validated["findings"][0]["loc"] == {}
    assert validated["findings"][0]["text"] is None


def _check_part() -> str:
    """README's part on check/2, from its heading to the next."""
    text = README.read_text(encoding="utf-8")
    start = text.index("### `actionplan-trace/check/2`")
    return " ".join(text[start:text.index("\n### ", start + 1)].split())


def test_the_chk_findings_quote_what_readme_says(tmp_path: Path) -> None:
    """A black-box review (F2): README said the CHK findings quote nothing (`text` null), while
    CHK003 quotes the repeated paragraph and CHK006 the outcome row's Outputs cell, which a
    reviewer wants to see. README now names which CHK codes quote what, and which quote nothing."""
    part = _check_part()
    quoting = re.search(r"for (CHK\d+) the repeated paragraph, for (CHK\d+) the Outputs cell", part)
    silent = re.search(r"`null` when it quotes none \(([^)]*)\)", part)
    assert quoting and silent, "README's check/2 part names the CHK codes that quote text and those that do not"
    quotes = set(quoting.groups())
    quotes_none = set(re.findall(r"CHK\d+", silent.group(1)))
    lines = (CORPUS / "text" / "objective2-new.txt").read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Output 2.3 –"))
    refs_22 = max(i for i, line in enumerate(lines[:at]) if line.startswith("3\tReferences"))
    (tmp_path / "cut.txt").write_text("\n".join(lines[:refs_22]) + "\n", encoding="utf-8")  # CHK001, CHK006
    doubled = [line.replace("Output 2.3 –", "Output 2.2 –") for line in lines]  # CHK005
    doubled = [("To be completed at a later stage." if i > at and line.startswith(("The implementation of",
                                                                                  "Output 2.3 will contribute"))
                else line) for i, line in enumerate(doubled)]  # CHK002
    repeated = next(i for i, line in enumerate(doubled) if line.startswith("Communications no longer"))
    doubled.insert(repeated + 1, doubled[repeated - 1])  # CHK003
    (tmp_path / "doubled.txt").write_text("\n".join(doubled) + "\n", encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes((CORPUS / "objective2-old.docx").read_bytes()[:4000])  # CHK004
    done = run_cli("check", "--no-cache", ".", "-f", "json", cwd=tmp_path)
    found = [f for f in json.loads(done.stdout)["findings"] if f["code"].startswith("CHK")]
    assert {f["code"] for f in found} == {"CHK001", "CHK002", "CHK003", "CHK004", "CHK005", "CHK006"}
    assert {f["code"] for f in found} == quotes | quotes_none
    for finding in found:
        assert (finding["text"] is not None) == (finding["code"] in quotes), finding
    by_code = {f["code"]: f["text"] for f in found}
    assert by_code["CHK003"] == doubled[repeated - 1]
    assert by_code["CHK006"].startswith("2.3 - Disaster risk")


def test_an_unreadable_file_s_profile_is_null_as_readme_says(tmp_path: Path) -> None:
    """A black-box review (F8): a file that could not be read has `"profile": null` in check/2's
    `files`, which README's example (a profile name each) never said, so a typed consumer broke.
    README now says when `profile` is null; a file read has its profile's name."""
    assert "`profile` is the profile it was read with, `null` for a file that could not be read" in _check_part()
    shutil.copy(CORPUS / "objective2-old.docx", tmp_path / "plan.docx")
    (tmp_path / "truncated.docx").write_bytes((CORPUS / "objective2-old.docx").read_bytes()[:4000])
    (tmp_path / "lfs.pdf").write_text("version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146\nsize 12345\n",
                                      encoding="utf-8")
    data = json.loads(run_cli("check", "--no-cache", ".", "-f", "json", cwd=tmp_path).stdout)
    profiles = {f["path"]: f["profile"] for f in data["files"]}
    assert profiles == {"lfs.pdf": None, "plan.docx": "action-plan", "truncated.docx": None}
    unread = {f["source"] for f in data["findings"] if f["code"] == "CHK004"}
    assert unread == {path for path, profile in profiles.items() if profile is None}


def test_files_the_configuration_leaves_out_are_neither_checked_nor_skipped_as_readme_says(tmp_path: Path) -> None:
    """A black-box review (F9): README said `skipped` lists "the files under the given folders
    that were not checked", but a file `exclude` leaves out is in neither `files` nor `skipped`.
    README now says which files `skipped` lists, and that the configuration's choices are not
    among them (its patterns are in `config`); a README under the folder is still listed."""
    part = _check_part()
    assert "files `include` leaves out or `exclude` takes are in neither `files` nor `skipped`" in part
    plans = tmp_path / "plans"
    (plans / "sub").mkdir(parents=True)
    shutil.copy(CORPUS / "text" / "objective2-new.txt", plans / "plan.txt")
    shutil.copy(CORPUS / "text" / "objective2-new.txt", plans / "sub" / "draft.txt")
    (plans / "README.md").write_text("# Plans\n\nThe plans of the group.\n", encoding="utf-8")
    (tmp_path / "trace.toml").write_text('exclude = ["plans/sub/*"]\n', encoding="utf-8")
    data = json.loads(run_cli("check", "--no-cache", "plans", "-f", "json", cwd=tmp_path).stdout)
    assert [f["path"] for f in data["files"]] == ["plans/plan.txt"]
    assert [s["path"] for s in data["skipped"]] == ["plans/README.md"] and data["summary"]["skipped"] == 1
    assert data["config"]["exclude"] == ["plans/sub/*"]

"""`trace check`: walking folders, structure rules, contribution rules with a configured base,
configuration, baselines, the cache and exit codes."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan_trace import load
from actionplan_trace.cli import app
from actionplan_trace.validate import finding_table, load_config, run_check
from actionplan_trace.validate.findings import fingerprint
from conftest import CORPUS, SHARED, run_cli
from contribgen import PLAN, WARNINGS_ONLY, build_repo
from docxgen import Style, write_docx


def trace(*args: str):
    """Run `trace` in this process (fast); the current folder is the test's."""
    return CliRunner().invoke(app, list(args))


def codes(report) -> list[tuple[str, str]]:
    return sorted((f.source, f.code) for f in report.findings)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return build_repo(tmp_path_factory.mktemp("repo"), load(CORPUS / "text" / "objective2-new.txt"))


def config(root: Path, text: str | None = None):
    if text is not None:
        (root / "trace.toml").write_text(text, encoding="utf-8")
    return load_config(None, set(finding_table()), root)


def test_folder_walk_rules_and_locations(repo) -> None:
    report = run_check([repo / "plans"], config(repo), use_cache=False)
    assert [f.path for f in report.files] == [
        "plans/broken.docx", "plans/contribution-examplia.docx", "plans/objective2.docx", "plans/plan.txt",
    ]
    plan = [(f.code, f.loc.line, f.section) for f in report.findings if f.source == "plans/plan.txt"]
    assert plan == [
        ("REF002", 5, "output-1.1/background"),
        ("CHK003", 6, "output-1.1/background"),
        ("CHK002", 7, "output-1.1/references"),
        ("CHK001", 10, "output-2.2"),
        ("CHK005", 10, "output-2.2"),
    ]
    broken = [f for f in report.findings if f.source == "plans/broken.docx"]
    assert [(f.code, f.severity) for f in broken] == [("CHK004", "error")]
    contribution = {f.code for f in report.findings if f.source == "plans/contribution-examplia.docx"}
    assert {"VAL003", "VAL005", "VAL006", "VAL007", "REF004"} <= contribution
    assert "CHK003" not in contribution  # its repeated paragraph is in the amended text: VAL007's, against the base
    assert not any(f.code.startswith("VAL") for f in report.findings if f.source != "plans/contribution-examplia.docx")
    assert report.failed


REFERENCES_21 = """Output 2.1 – Products and services on telecommunication/ICT infrastructure and services, including broadband and broadcasting, bridging the digital standardization gap, conformance and interoperability and spectrum management
References to WTDC Resolutions, WSIS Action Lines and Sustainable Development Goals
PP and WTDC resolutions and recommendations
The implementation of PP Resolutions  32, 33,  34, 64, 101, 123, 125, 126, 127, 130, 131, 127, 135, 137, 139, 140, 159, 160, 161, 176, 177, 180, 188, 193, 197, 199, 200, 203 and WTDC Resolutions 9, 10 11, 15, 17, 18, 20, 21, 30, 32, 33, 35, 37, 47, 50, 52, 57, and 62 will support Output 2.1 and will contribute to the achievement of Outcome 2.1
WSIS action lines
The implementation of the WSIS Action Lines C1, C2, C3, {lines} will support the Output 2.1 and will contribute to the achievement of Outcome 2.1
"""


@pytest.mark.parametrize("added, codes", [("C6", []), ("C12", ["REF004"])], ids=["valid", "no-such-action-line"])
def test_check_and_validate_give_one_verdict_on_a_contribution(tmp_path, added: str, codes: list[str]) -> None:
    """A contribution replacing an output's WSIS action lines, quoting the references paragraph
    that in the base lists PP Resolution 127 twice: `check` charged it the base's REF005 (a
    contribution failing CI with fail-on = "warning" where validate passed it), and read the bare
    "C12" the proposal puts under "WSIS action lines" as nothing (CI passing what validate failed).
    Both commands now give the same findings."""
    import shutil

    from actionplan_trace.validate import validate

    shutil.copy(CORPUS / "action-plan-ba.docx", tmp_path / "base.docx")
    (tmp_path / "trace.toml").write_text('base = "base.docx"\nexclude = ["base.docx"]\n', encoding="utf-8")
    lines = ", ".join(sorted({"C9", "C11", added}, key=lambda c: int(c[1:]))).replace(", C11", " and C11")
    text = ("Contribution from the Republic of Examplia\nTitle: Proposed amendment to the references of Output 2.1\n"
            "Proposals\n"
            f'1. In Output 2.1, under "WSIS action lines", replace "C1, C2, C3, C9 and C11" with "C1, C2, C3, {lines}".\n'
            f"Reasons: regulatory work supports {added}.\nAmended text\n" + REFERENCES_21.format(lines=lines))
    (tmp_path / "contribution.txt").write_text(text, encoding="utf-8")
    checked = run_check([tmp_path], config(tmp_path), use_cache=False)
    assert [f.path for f in checked.files] == ["contribution.txt"] and checked.files[0].profile == "contribution"
    validated = validate(tmp_path / "contribution.txt", tmp_path / "base.docx")
    assert [(f.code, f.ref) for f in checked.findings] == [(f.code, f.ref) for f in validated.findings]
    assert [f.code for f in checked.findings] == codes
    if codes:
        assert checked.findings[0].ref == "WSIS-C12" and checked.failed


def test_without_base_no_contribution_findings(repo, tmp_path) -> None:
    settings = config(repo)
    settings.base = None
    report = run_check([repo / "plans" / "contribution-examplia.docx"], settings, use_cache=False)
    assert not any(f.code.startswith("VAL") for f in report.findings)
    assert any(f.code == "CHK003" for f in report.findings)


def test_config_switches_rules_and_severities(repo) -> None:
    try:
        settings = config(repo, 'exclude = ["plans/drafts/*", "*.docx"]\nfail-on = "warning"\n'
                                '[rules]\nCHK003 = "off"\nCHK001 = "error"\nREF002 = "info"\n')
        report = run_check([repo / "plans"], settings, use_cache=False)
    finally:
        config(repo, 'base = "plans/objective2.docx"\nexclude = ["plans/drafts/*"]\n')
    assert [f.path for f in report.files] == ["plans/plan.txt"]
    got = {f.code: f.severity for f in report.findings}
    assert "CHK003" not in got
    assert got["CHK001"] == "error" and got["REF002"] == "info" and got["CHK005"] == "warning"
    assert report.fail_on == "warning" and report.failed


def test_pyproject_tool_trace_table(tmp_path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.trace]\nfail-on = "warning"\n'
                                            '[tool.trace.rules]\nCHK005 = "off"\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    settings = load_config(None, set(finding_table()), tmp_path / "docs")
    assert settings.path == tmp_path / "pyproject.toml"
    assert settings.fail_on == "warning" and not settings.enabled("CHK005") and settings.enabled("CHK001")


def test_explicit_config_file(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "settings").mkdir()
    (tmp_path / "settings" / "strict.toml").write_text('fail-on = "warning"\n[rules]\nCHK005 = "off"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(WARNINGS_ONLY, encoding="utf-8")
    assert trace("check", "a.txt", "--no-cache").exit_code == 0
    result = trace("check", "a.txt", "--no-cache", "--config", "settings/strict.toml", "-f", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["fail_on"] == "warning" and data["config"]["rules"] == {"CHK005": "off"}
    assert "CHK005" not in {f["code"] for f in data["findings"]}


def test_bad_configuration_is_exit_2(tmp_path) -> None:
    (tmp_path / "trace.toml").write_text('[rules]\nXYZ999 = "off"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(WARNINGS_ONLY, encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown finding code XYZ999" in result.stderr
    (tmp_path / "trace.toml").write_text('colour = "blue"\n', encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and "unknown setting(s) colour" in result.stderr


@pytest.mark.parametrize("value", ["true", "0", "-3", "2.5", '"4"'])
def test_jobs_must_be_a_whole_number_of_workers(tmp_path, value) -> None:
    """`jobs = true` was taken as one worker (a TOML boolean is a Python int); it is refused as
    `jobs = "4"` and `jobs = 0` are. A number over the CPUs is cut to them (test_output_safety)."""
    (tmp_path / "trace.toml").write_text(f"jobs = {value}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(WARNINGS_ONLY, encoding="utf-8")
    result = run_cli("check", "a.txt", "--no-cache", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, f"trace: {tmp_path / 'trace.toml'}: 'jobs' must be a positive integer\n")


def test_missing_path_is_exit_2(tmp_path) -> None:
    result = run_cli("check", "nowhere", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("trace: nowhere: no such file or folder")


def test_nothing_to_check_is_said_on_stderr(tmp_path) -> None:
    """A CI job pointed at the wrong folder, or an include pattern that matches nothing, must not pass silently."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "plan.txt").write_text(WARNINGS_ONLY, encoding="utf-8")
    (tmp_path / "trace.toml").write_text('include = ["drafts/*"]\n', encoding="utf-8")
    result = run_cli("check", ".", "--no-cache", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("0 files checked")
    assert result.stderr == "trace: no documents to check (.docx, .pdf, .txt, .md, .html) in the given paths after include/exclude\n"
    (tmp_path / "trace.toml").write_text('include = ["plans/*"]\n', encoding="utf-8")
    result = run_cli("check", ".", "--no-cache", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == "" and "1 file checked" in result.stdout


@pytest.mark.parametrize(("name", "key", "table"), [
    ("trace.toml", "include", ""),
    ("trace.toml", "exclude", ""),
    ("trace.toml", "not-plans", ""),
    ("pyproject.toml", "include", '[project]\nname = "plans"\n[tool.trace]\n'),
])
def test_a_pattern_setting_given_as_a_string_is_a_configuration_error(tmp_path, name, key, table) -> None:
    """`include = "plans/*, drafts/*"` taken as one pattern matches nothing, so the run checked
    nothing and passed: a string where a list of patterns belongs is refused, as other values of
    the wrong type are, with one line naming the file and the key; the list is taken."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "plan.txt").write_text(WARNINGS_ONLY, encoding="utf-8")
    config = tmp_path / name
    config.write_text(f'{table}{key} = "plans/*, drafts/*"\n', encoding="utf-8")
    for command in (("check", "plans", "--no-cache"), ("validate", "plans/plan.txt", "--against", "plans/plan.txt")):
        result = run_cli(*command, cwd=tmp_path)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr == f'trace: {config}: \'{key}\' must be a list of patterns ({key} = ["…", "…"]), not a string\n'
    config.write_text(f'{table}{key} = ["{"plans" if key == "include" else "drafts"}/*", "old/*"]\n', encoding="utf-8")
    result = run_cli("check", "plans", "--no-cache", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == "" and "1 file checked" in result.stdout


def test_fail_on_warning(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.txt").write_text(WARNINGS_ONLY, encoding="utf-8")
    assert trace("check", ".", "--no-cache").exit_code == 0
    result = trace("check", ".", "--no-cache", "--fail-on", "warning")
    assert result.exit_code == 1
    assert "4 warnings" in result.stdout and "failing (--fail-on warning)" in result.stdout


def test_baseline_records_and_survives_line_shifts(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    first = trace("check", ".", "--baseline", "baseline.json", "--update-baseline")
    assert first.exit_code == 0, first.stdout
    assert "recorded 5 findings in baseline" in first.stderr
    data = json.loads((tmp_path / "baseline.json").read_text())
    assert data["schema"] == "actionplan-trace/baseline/1" and sum(data["fingerprints"].values()) == 5
    assert trace("check", ".", "--baseline", "baseline.json").exit_code == 0
    assert trace("check", ".").exit_code == 1
    plan.write_text("Introductory note\n\n\n" + PLAN, encoding="utf-8")
    shifted = trace("check", ".", "--baseline", "baseline.json", "-f", "json")
    assert shifted.exit_code == 0
    assert {f["baseline"] for f in json.loads(shifted.stdout)["findings"]} == {"unchanged"}
    plan.write_text(PLAN + "Sustainable development goals and targets\nThis output contributes to SDG 9 (target 9.z).\n",
                    encoding="utf-8")
    grown = trace("check", ".", "--baseline", "baseline.json", "-f", "json")
    assert grown.exit_code == 1
    new = [f for f in json.loads(grown.stdout)["findings"] if f["baseline"] == "new"]
    assert [f["code"] for f in new] == ["REF002"] and "9.z" in new[0]["message"]
    updated = trace("check", ".", "--baseline", "baseline.json", "--update-baseline")
    assert updated.exit_code == 0 and "1 not in it before: plan.txt:" in updated.stderr and "REF002" in updated.stderr
    assert trace("check", ".", "--baseline", "baseline.json").exit_code == 0
    (tmp_path / "plan.txt").write_text("Objective 1 – Coordination\nThe conference also supports SDG 18.\n", encoding="utf-8")
    single = trace("check", ".", "--baseline", "one.json", "--update-baseline")
    assert single.stderr.startswith("trace: recorded 1 finding in baseline one.json; 1 not in it before")


def test_a_baseline_updated_for_one_folder_keeps_the_others(tmp_path, monkeypatch) -> None:
    """--update-baseline after checking plans/ alone rewrote the file with plans/' findings only:
    every accepted finding of drafts/ came back as new on the next full run. It keeps the entries
    of files outside the paths checked, and drops those of a file deleted inside them."""
    monkeypatch.chdir(tmp_path)
    for folder, name in (("plans", "a.txt"), ("plans", "b.txt"), ("drafts", "c.txt")):
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / name).write_text(PLAN, encoding="utf-8")
    assert trace("check", ".", "--baseline", "bl.json", "--update-baseline").exit_code == 0

    def sources() -> dict[str, int]:
        data = json.loads((tmp_path / "bl.json").read_text())
        assert sum(data["fingerprints"].values()) == len(data["findings"])
        counted: dict[str, int] = {}
        for entry in data["findings"]:
            counted[entry["source"]] = counted.get(entry["source"], 0) + 1
        return counted

    assert sources() == {"plans/a.txt": 5, "plans/b.txt": 5, "drafts/c.txt": 5}
    (tmp_path / "plans" / "b.txt").unlink()
    (tmp_path / "plans" / "a.txt").write_text(PLAN + "Sustainable development goals and targets\nSDG 9 (target 9.z).\n",
                                              encoding="utf-8")
    updated = trace("check", "plans", "--baseline", "bl.json", "--update-baseline")
    assert updated.exit_code == 0 and "REF002" in updated.stderr
    assert "recorded 6 findings in baseline bl.json and kept 5 of files this run did not check" in updated.stderr
    assert sources() == {"plans/a.txt": 6, "drafts/c.txt": 5}
    assert trace("check", ".", "--baseline", "bl.json").exit_code == 0
    trace("check", "drafts/c.txt", "--baseline", "bl.json", "--update-baseline")
    assert sources() == {"plans/a.txt": 6, "drafts/c.txt": 5}


def test_a_file_name_with_a_line_break_stays_on_its_finding_line(tmp_path, monkeypatch) -> None:
    """The text format wrote a name's line break raw: "evil\n::warning title=spoofed::x.txt" gave
    a line GitHub Actions reads as an annotation of its own. Every finding is one line."""
    monkeypatch.chdir(tmp_path)
    name = "evil\n::warning title=spoofed::looks like a tool annotation.txt"
    (tmp_path / name).write_text(PLAN, encoding="utf-8")
    result = trace("check", ".", "--no-cache")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert not [line for line in lines if line.startswith("::")]
    assert sum(1 for line in lines if line.startswith("evil\\x0a::warning title=spoofed::looks like")) == 5


def test_the_configuration_names_the_baseline(tmp_path, monkeypatch) -> None:
    """A pre-commit hook runs `trace check` with no --baseline, and failed on findings CI had
    accepted: `baseline` in trace.toml is the baseline when --baseline names none, from any
    folder of the repository; --baseline overrides it."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "trace.toml").write_text('baseline = "trace-baseline.json"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    missing = trace("check", ".")
    assert missing.exit_code == 2 and "no such baseline file" in missing.stderr
    recorded = trace("check", ".", "--update-baseline")
    assert recorded.exit_code == 0 and "recorded 5 findings in baseline" in recorded.stderr
    assert (tmp_path / "trace-baseline.json").exists()
    monkeypatch.chdir(tmp_path / "plans")
    again = trace("check", "plan.txt", "-f", "json")
    assert again.exit_code == 0
    report = json.loads(again.stdout)
    assert report["baseline"] == "trace-baseline.json"  # relative to the repository, as files are shown
    assert {f["baseline"] for f in report["findings"]} == {"unchanged"}
    (tmp_path / "other.json").write_text('{"schema": "actionplan-trace/baseline/1", "fingerprints": {}}', encoding="utf-8")
    assert trace("check", "plan.txt", "--baseline", "../other.json").exit_code == 1


KIGALI_PLAN = PLAN.replace("The conference also supports SDG 18.", "The conference also supports WTDC Resolution 95 (Baku, 2025).")


def test_the_configuration_adds_registry_files_and_editions(tmp_path, monkeypatch) -> None:
    """A repository citing real resolutions the built-in registry lacks (WTDC Resolution 95, Baku
    2025: past the numbering the registry knows) had REF001 on each and no way to say they exist
    but turning REF001 off; REF013 told it to "give --edition", an option check has no. `registry` and `edition` in trace.toml do what
    refs' --registry and --edition do, for check and validate, and a registry file's change is a
    change of the cache key."""
    from actionplan_trace.app import validate

    assert "WTDC Resolution 95" in KIGALI_PLAN
    (tmp_path / "plan.txt").write_text(KIGALI_PLAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def ref001() -> list[str | None]:
        return [f.ref for f in run_check([tmp_path], load_config(None, set(finding_table()), tmp_path)).findings
                if f.code == "REF001"]

    assert "WTDC-RES-95" in ref001()
    (tmp_path / "kigali.yml").write_text("source: WTDC-25 final report\nlicence: public\nentries:\n"
                                         "  WTDC-RES-94: {title: Resolution 94}\n", encoding="utf-8")
    (tmp_path / "trace.toml").write_text('registry = ["kigali.yml"]\n', encoding="utf-8")
    assert "WTDC-RES-95" in ref001()  # not yet in the file; the cache answers for the file as it is
    (tmp_path / "kigali.yml").write_text("source: WTDC-25 final report\nlicence: public\nentries:\n"
                                         "  WTDC-RES-95: {title: Resolution 95}\n", encoding="utf-8")
    assert "WTDC-RES-95" not in ref001()
    (tmp_path / "trace.toml").write_text('registry = ["missing.yml"]\n', encoding="utf-8")
    missing = trace("check", ".")
    assert missing.exit_code == 2 and "missing.yml: registry file not found" in missing.stderr
    (tmp_path / "trace.toml").write_text('edition = "SP-1999"\n', encoding="utf-8")
    unknown = trace("check", ".")
    assert unknown.exit_code == 2 and "'edition': unknown edition 'SP-1999'" in unknown.stderr
    (tmp_path / "goals.txt").write_text("Report\n\nThe work supports ITU Strategic Goal 1 and Strategic Goal 2.\n",
                                        encoding="utf-8")
    (tmp_path / "trace.toml").write_text("", encoding="utf-8")
    unsettled = [f for f in run_check([tmp_path / "goals.txt"], load_config(None, set(finding_table()), tmp_path)).findings]
    assert [f.code for f in unsettled] == ["REF013"] and "edition in trace.toml" in unsettled[0].message
    (tmp_path / "trace.toml").write_text('edition = "SP-2024-2027"\n', encoding="utf-8")
    assert not run_check([tmp_path / "goals.txt"], load_config(None, set(finding_table()), tmp_path)).findings
    contribution = tmp_path / "c.txt"
    contribution.write_text("Contribution from the Republic of Examplia\nProposals\n"
                            '1. In Output 2.1, under "Rural communications", add a bullet citing WTDC Resolution 95 '
                            "(Baku, 2025).\n", encoding="utf-8")
    base = CORPUS / "action-plan-ba.docx"
    (tmp_path / "trace.toml").write_text("", encoding="utf-8")
    assert "WTDC-RES-95" in [f.ref for f in validate(contribution, base).findings if f.code == "REF001"]
    (tmp_path / "trace.toml").write_text('registry = "kigali.yml"\n', encoding="utf-8")
    assert "WTDC-RES-95" not in [f.ref for f in validate(contribution, base).findings if f.code == "REF001"]


def test_the_configuration_is_the_checked_repository_s_from_any_working_directory(repo, tmp_path, monkeypatch) -> None:
    """`trace check /abs/repo/plans` run from elsewhere (a CI step with another working
    directory) found no trace.toml: no base, so no VAL finding, and paths relative to the working
    directory, every baselined finding new. The configuration is looked for from the paths."""
    monkeypatch.chdir(repo)
    inside = json.loads(trace("check", "plans", "--no-cache", "-f", "json").stdout)
    monkeypatch.chdir(tmp_path)
    outside = json.loads(trace("check", str(repo / "plans"), "--no-cache", "-f", "json").stdout)
    assert outside["config"]["path"] == str(repo / "trace.toml")
    assert [(f["source"], f["code"]) for f in outside["findings"]] == [(f["source"], f["code"]) for f in inside["findings"]]
    assert any(f["code"].startswith("VAL") for f in outside["findings"])
    assert all(f["source"].startswith("plans/") for f in outside["findings"])


def test_validate_takes_the_configuration_s_base_when_against_names_none(repo, tmp_path, monkeypatch) -> None:
    """`trace validate` needed --against even where trace.toml names the base `check` uses."""
    monkeypatch.chdir(repo)
    named = trace("validate", "plans/contribution-examplia.docx", "--against", "plans/objective2.docx", "-f", "json")
    configured = trace("validate", "plans/contribution-examplia.docx", "-f", "json")
    assert configured.exit_code == named.exit_code == 1
    assert json.loads(configured.stdout)["findings"] == json.loads(named.stdout)["findings"]
    assert json.loads(configured.stdout)["base"]["path"].endswith("plans/objective2.docx")
    (tmp_path / "c.txt").write_text("Contribution\n\n1. In Output 2.1, add a bullet.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    alone = trace("validate", "c.txt")
    assert alone.exit_code == 2
    assert alone.stderr == "trace: no base to validate against: give --against PLAN, or base in trace.toml\n"


def test_fingerprint_ignores_position_but_not_text() -> None:
    from actionplan_trace.model import Loc
    from actionplan_trace.validate.findings import make

    a = make("CHK003", "twice in paragraph 12", source="a.txt", section="s", loc=Loc(line=12), text="Same text")
    b = make("CHK003", "twice in paragraph 40", source="a.txt", section="s", loc=Loc(line=40), text="Same  text")
    c = make("CHK003", "twice in paragraph 40", source="a.txt", section="s", loc=Loc(line=40), text="Other text")
    assert fingerprint(a) == fingerprint(b) != fingerprint(c)


def test_cache_hits_and_invalidation(repo, tmp_path) -> None:
    settings = config(repo)
    settings.cache_dir = tmp_path / "cache"
    cold = run_check([repo / "plans"], settings)
    warm = run_check([repo / "plans"], settings)
    assert not any(f.cached for f in cold.files)
    assert all(f.cached for f in warm.files)
    assert codes(warm) == codes(cold)
    assert [(f.code, f.loc.to_dict(), f.message) for f in warm.findings] == \
        [(f.code, f.loc.to_dict(), f.message) for f in cold.findings]
    assert (tmp_path / "cache" / ".gitignore").read_text().strip().endswith("*")
    settings.rules = {"CHK003": "off"}
    changed = run_check([repo / "plans"], settings)
    assert not any(f.cached for f in changed.files)


def test_cache_rereads_a_changed_file_only(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(WARNINGS_ONLY, encoding="utf-8")
    settings = load_config(None, set(finding_table()), tmp_path)
    run_check([tmp_path], settings, progress=True)
    (tmp_path / "b.txt").write_text(PLAN.replace("Regional", "Sub-regional"), encoding="utf-8")
    again = run_check([tmp_path], settings)
    assert {f.path: f.cached for f in again.files} == {"a.txt": True, "b.txt": False}
    assert sum(1 for f in again.findings if f.code == "REF002") == 2
    (tmp_path / "c.txt").write_text(PLAN, encoding="utf-8")
    third = run_check([tmp_path], settings)
    assert {f.path: f.cached for f in third.files}["c.txt"] is True
    assert {f.section for f in third.findings if f.source == "c.txt"} == {f.section for f in third.findings if f.source == "a.txt"}


def test_the_limits_in_force_are_part_of_the_cache_key(tmp_path, monkeypatch) -> None:
    """A file refused for a limit (CHK004, "TRACE_MAX_TEXT_MB raises it") is read once the limit
    is raised as the message says, and one read before is refused once it is lowered: the cache
    does not answer for another set of limits."""
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    settings = load_config(None, set(finding_table()), tmp_path)
    size_mb = len(PLAN.encode("utf-8")) / 1e6
    monkeypatch.setenv("TRACE_MAX_TEXT_MB", f"{size_mb / 2:.6f}")
    refused = run_check([tmp_path], settings)
    assert [f.code for f in refused.findings] == ["CHK004"] and "TRACE_MAX_TEXT_MB" in refused.findings[0].message
    monkeypatch.setenv("TRACE_MAX_TEXT_MB", "5")
    raised = run_check([tmp_path], settings)
    assert not any(f.cached for f in raised.files)
    assert "CHK004" not in [f.code for f in raised.findings] and "REF002" in [f.code for f in raised.findings]
    assert all(f.cached for f in run_check([tmp_path], settings).files)
    monkeypatch.setenv("TRACE_MAX_TEXT_MB", f"{size_mb / 2:.6f}")
    assert [f.code for f in run_check([tmp_path], settings).findings] == ["CHK004"]


def test_no_cache_writes_nothing(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(PLAN, encoding="utf-8")
    result = run_cli("check", "a.txt", "--no-cache", cwd=tmp_path)
    assert result.returncode == 1
    assert not (tmp_path / ".trace-cache").exists()
    assert run_cli("check", "a.txt", cwd=tmp_path).returncode == 1
    assert (tmp_path / ".trace-cache").is_dir()


def test_readme_is_skipped_and_unsupported_files_are_errors(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Under a folder, a README is skipped, and a document in a format trace cannot read is a
    CHK004 as when named outright: a folder holding only a .doc passed CI (exit 0, "0 files
    checked"), and a .docx saved under a .doc name was skipped, though read when named."""
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "plan.txt").write_text(WARNINGS_ONLY, encoding="utf-8")
    (docs / "README.md").write_text("# About these files\n\nDrafts of the plan, SDG 18 and all.\n", encoding="utf-8")
    (docs / "plan-2010.doc").write_bytes(b"\xd0\xcf\x11\xe0 not read")
    (docs / "notes.py").write_text("x = 1\n", encoding="utf-8")
    done = run_cli("check", "docs", "--no-cache", cwd=tmp_path)
    lines = done.stdout.splitlines()
    assert "docs/README.md: skipped, not a planning document (other-files = \"skip\")" in lines
    assert "docs/plan-2010.doc error CHK004 Word 97-2003 files (.doc) cannot be read: save as .docx or .pdf" in lines
    assert done.returncode == 1
    assert "notes.py" not in done.stdout and "SDG-18" not in done.stdout
    assert lines[-1].startswith("2 files checked") and "; 1 skipped" in lines[-1]
    (tmp_path / "legacy").mkdir()
    shutil.copy(CORPUS / "objective2-old.docx", tmp_path / "legacy" / "saved-as.doc")
    legacy = json.loads(run_cli("check", "legacy", "--no-cache", "-f", "json", cwd=tmp_path).stdout)
    assert [(f["path"], f["profile"]) for f in legacy["files"]] == [("legacy/saved-as.doc", "action-plan")]
    (tmp_path / "trace.toml").write_text('other-files = "generic"\n', encoding="utf-8")
    data = json.loads(run_cli("check", "docs", "--no-cache", "-f", "json", cwd=tmp_path).stdout)
    profiles = {f["path"]: f["profile"] for f in data["files"]}
    assert sorted(profiles) == ["docs/README.md", "docs/plan-2010.doc", "docs/plan.txt"]
    assert profiles["docs/README.md"] == "generic" and profiles["docs/plan-2010.doc"] is None
    assert data["skipped"] == [] and data["summary"]["skipped"] == 0
    assert [f["code"] for f in data["findings"] if f["source"] == "docs/plan-2010.doc"] == ["CHK004"]
    assert any(f["source"] == "docs/README.md" and f["ref"] == "SDG-18" for f in data["findings"])
    named = run_cli("check", "docs/README.md", "--no-cache", "-f", "json", cwd=tmp_path)
    assert json.loads(named.stdout)["files"][0]["path"] == "docs/README.md"  # named outright: always checked


def test_diff_reports_kept_beside_the_plans_are_skipped(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`trace diff` reports written into the checked folder (text, Markdown, HTML) are listed as
    skipped, not checked as plans (a black-box review: 14 findings on the quoted text of its own
    reports); a plan whose text merely mentions a diff is checked."""
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "old.txt").write_text(WARNINGS_ONLY, encoding="utf-8")
    (docs / "new.txt").write_text(WARNINGS_ONLY.replace("SDG", "SDGs", 1), encoding="utf-8")
    for fmt, name in (("text", "d.txt"), ("md", "d.md"), ("html", "d.html")):
        run_cli("diff", "docs/old.txt", "docs/new.txt", "-f", fmt, "-o", f"docs/{name}", cwd=tmp_path)
    (docs / "notes.md").write_text("# Notes\n\ntrace diff: run it on every revision.\n", encoding="utf-8")
    data = json.loads(run_cli("check", "docs", "--no-cache", "-f", "json", cwd=tmp_path).stdout)
    assert sorted(s["path"] for s in data["skipped"]) == ["docs/d.html", "docs/d.md", "docs/d.txt"]
    assert {s["reason"] for s in data["skipped"]} == {"a report trace wrote (trace diff)"}
    assert sorted(f["path"] for f in data["files"]) == ["docs/new.txt", "docs/notes.md", "docs/old.txt"]


def test_check_and_validate_reports_kept_beside_the_plans_are_skipped(tmp_path, monkeypatch) -> None:
    """A findings report an earlier run saved in the tree (text or GitHub annotations) used to be
    checked as a plan: each run added findings on the references it quotes (a black-box review)."""
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "plan.txt").write_text(WARNINGS_ONLY, encoding="utf-8")
    saved = {"findings.txt": "text", "findings.md": "text", "annotations.txt": "github", "check.txt": "json",
             "sarif.txt": "sarif", "junit.txt": "junit"}
    for name, fmt in saved.items():
        assert trace("check", "docs/plan.txt", "--no-cache", "-f", fmt, "-o", f"docs/{name}").exit_code == 0
    assert (docs / "findings.txt").read_text(encoding="utf-8").startswith("docs/plan.txt:5 warning CHK003 ")
    # as PowerShell's `>` saves it: UTF-16 with a byte-order mark
    (docs / "utf16.txt").write_bytes((docs / "findings.txt").read_text(encoding="utf-8").encode("utf-16"))
    (docs / "notes.txt").write_text("Notes: check plan.txt: warning REF001 means an unknown id.\n", encoding="utf-8")
    (docs / "data.txt").write_text('{"schema": "another-tool/1", "SDG": 18}\n', encoding="utf-8")
    # plans whose first line quotes a finding or counts files, in prose, are plans
    (docs / "quoting.md").write_text("Revision note: the checker's \"plans/a.txt:3 warning REF001 …\" was a gap.\n\n"
                                     + WARNINGS_ONLY, encoding="utf-8")
    (docs / "paged.md").write_text("Objective 2 (page 3) warning REF001 on the old draft.\n\n" + WARNINGS_ONLY, encoding="utf-8")
    (docs / "counted.txt").write_text("2 files checked (1 with findings) at the review.\n\n" + WARNINGS_ONLY, encoding="utf-8")
    data = json.loads(trace("check", "docs", "--no-cache", "-f", "json").stdout)
    assert sorted(s["path"] for s in data["skipped"]) == sorted(f"docs/{name}" for name in [*saved, "utf16.txt"])
    assert {s["reason"] for s in data["skipped"]} == {"a report trace wrote (trace check or validate)"}
    assert sorted(f["path"] for f in data["files"]) == ["docs/counted.txt", "docs/data.txt", "docs/notes.txt",
                                                        "docs/paged.md", "docs/plan.txt", "docs/quoting.md"]


def test_a_repaired_input_is_warned_of_and_recorded_cached_or_not(tmp_path) -> None:
    """Undecodable bytes in a checked text: `trace check` said nothing, where refs, diff and
    validate warn; now one stderr line per run and the file's `warnings` in the JSON."""
    (tmp_path / "plan.txt").write_bytes(WARNINGS_ONLY.encode("utf-8").replace(b"Objective", b"Objective\xe9", 1))
    for cached in (False, True):
        done = run_cli("check", "plan.txt", "-f", "json", cwd=tmp_path)
        entry = json.loads(done.stdout)["files"][0]
        assert entry["cached"] is cached
        assert entry["warnings"] == ["1 undecodable byte sequence in UTF-8 text replaced by U+FFFD (first at byte "
                                     f"{WARNINGS_ONLY.encode('utf-8').index(b'Objective') + 9})"]
        assert done.stderr.splitlines() == [f"trace: warning: plan.txt: {entry['warnings'][0]}"]


def test_the_report_file_is_never_an_input_of_the_next_run(tmp_path, monkeypatch) -> None:
    """`trace check . -o report.txt` twice: the second run used to check the first report (a .txt)
    as a plan and then refuse to overwrite its own input (exit 2)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.txt").write_text(WARNINGS_ONLY, encoding="utf-8")
    first = trace("check", ".", "--no-cache", "-o", "report.txt")
    second = trace("check", ".", "--no-cache", "-o", "report.txt", "-f", "json")
    assert first.exit_code == second.exit_code == 0, second.stderr
    data = json.loads((tmp_path / "report.txt").read_text(encoding="utf-8"))
    assert [f["path"] for f in data["files"]] == ["plan.txt"]
    named = trace("check", "plan.txt", "report.txt", "--no-cache", "-o", "report.txt")
    assert named.exit_code == 2 and "refusing to overwrite" in named.stderr


def test_force_exclude_applies_the_configuration_to_named_files(tmp_path, monkeypatch) -> None:
    """The pre-commit hook names each staged file: with --force-exclude a draft the configuration
    excludes is left out there as in CI's folder walk."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "trace.toml").write_text('exclude = ["drafts/*"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    draft = tmp_path / "drafts" / "draft.txt"
    draft.write_text(PLAN, encoding="utf-8")  # SDG 18: an error
    assert trace("check", "drafts/draft.txt", "--no-cache").exit_code == 1
    left = trace("check", "drafts/draft.txt", "--no-cache", "--force-exclude")
    assert left.exit_code == 0 and "no documents to check" in left.stderr
    assert trace("check", ".", "--no-cache").exit_code == 0  # the folder walk leaves it out as before


def test_without_configuration_paths_are_relative_to_the_repository(tmp_path, monkeypatch) -> None:
    """A baseline recorded at the top of a repository matches when the same files are checked
    from a folder inside it: without trace.toml, paths are relative to the folder holding .git."""
    (tmp_path / ".git").mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "plan.txt").write_text(PLAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    recorded = trace("check", "docs", "--baseline", "baseline.json", "--update-baseline", "-f", "json")
    assert [f["path"] for f in json.loads(recorded.stdout)["files"]] == ["docs/plan.txt"]
    monkeypatch.chdir(docs)
    inside = trace("check", ".", "--baseline", "../baseline.json", "-f", "json")
    data = json.loads(inside.stdout)
    assert inside.exit_code == 0 and [f["path"] for f in data["files"]] == ["docs/plan.txt"]
    assert data["findings"] and {f["baseline"] for f in data["findings"]} == {"unchanged"}
    assert (tmp_path / ".trace-cache").is_dir() and not (docs / ".trace-cache").exists()


def test_a_linked_file_is_shown_by_its_own_name(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "big.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.txt").symlink_to(tmp_path / "elsewhere" / "big.txt")
    data = json.loads(trace("check", "docs", "--no-cache", "-f", "json").stdout)
    assert [f["path"] for f in data["files"]] == ["docs/plan.txt"]
    assert {f["source"] for f in data["findings"]} == {"docs/plan.txt"}


def test_include_and_exclude_see_a_linked_folder_by_either_path(tmp_path, monkeypatch) -> None:
    """A folder linked into the tree (current -> plans/2025) is taken by `include = ["plans/*"]` as
    its real path is, and a linked drafts folder stays excluded (a review found a failing run
    passing through the link once links kept their own names)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "trace.toml").write_text('include = ["plans/*"]\nexclude = ["plans/drafts/*"]\n', encoding="utf-8")
    (tmp_path / "plans" / "2025").mkdir(parents=True)
    (tmp_path / "plans" / "drafts").mkdir()
    (tmp_path / "plans" / "2025" / "plan.txt").write_text(PLAN, encoding="utf-8")  # SDG 18: an error
    (tmp_path / "plans" / "drafts" / "draft.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "current").symlink_to(tmp_path / "plans" / "2025")
    (tmp_path / "drafts").symlink_to(tmp_path / "plans" / "drafts")
    linked = trace("check", "current", "--no-cache", "-f", "json")
    assert linked.exit_code == 1 and [f["path"] for f in json.loads(linked.stdout)["files"]] == ["current/plan.txt"]
    assert "no documents to check" in trace("check", "drafts", "--no-cache").stderr


def test_a_link_loop_among_the_files_is_an_unreadable_file(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    data = json.loads(trace("check", ".", "--no-cache", "-f", "json").stdout)
    assert {f["source"]: f["code"] for f in data["findings"] if f["code"] == "CHK004"} == {
        "loop1.txt": "CHK004", "loop2.txt": "CHK004"}


_BLOCKS_ONLY = (
    "Source:\tRegional Commonwealth in the field of Communications (RCC)\n"
    "Title:\tCommon proposals on the outputs of the Buenos Aires Action Plan\n\n"
    "MOD\tRCC/7/1\nOutput 2.5\nRural communications\nAdd the following bullet at the end of the list:\n"
    "supporting community networks in remote areas;\nReasons: Community networks work.\n\n"
    "ADD\tRCC/7/2\nOutput 2.4 – Products and services on satellite connectivity for remote areas\n"
    "Reasons: Satellite systems are key for remote areas.\n"
)


def test_a_contribution_of_amendment_blocks_alone_gets_validates_verdict_in_check(tmp_path: Path) -> None:
    """A black-box review: a contribution written only as ITU amendment blocks (no "Proposals"
    heading, no "In Output …" sentence) was detected as a generic document, so `check` with a
    base ran no VAL rule and passed what `validate` fails (VAL002 here); and as a plan it was given
    CHK001 for every output its blocks name. Now it is a contribution, with one verdict in both."""
    (tmp_path / "trace.toml").write_text(f'base = "{(CORPUS / "action-plan-ba.docx").as_posix()}"\n', encoding="utf-8")
    (tmp_path / "rcc.txt").write_text(_BLOCKS_ONLY, encoding="utf-8")
    checked = run_check([tmp_path / "rcc.txt"], config(tmp_path), use_cache=False)
    assert [f.profile for f in checked.files] == ["contribution"]
    validated = run_cli("validate", "rcc.txt", "--against", str(CORPUS / "action-plan-ba.docx"), "-f", "json", cwd=tmp_path)
    assert validated.returncode == 1
    val_codes = sorted(f["code"] for f in json.loads(validated.stdout)["findings"])
    assert val_codes == ["VAL002"]
    assert sorted(f.code for f in checked.findings) == val_codes and checked.failed


def test_a_contribution_judged_against_the_base_takes_its_edition_as_validate_does(tmp_path: Path) -> None:
    """A black-box review: `check` gave a contribution naming no edition REF013 "… give --edition",
    an option `check` does not have, where `validate` reads it in the base's edition. With a base
    configured, `check` now does as `validate`; without one the REF013 stays."""
    text = ("Contribution from Testland\n\nProposals\n\n"
            "1. In Output 2.1, under “Rural communications”, add a bullet on community networks, which also "
            "serve Outcome 2.2 and Output 2.2.\n")
    (tmp_path / "c.txt").write_text(text, encoding="utf-8")
    (tmp_path / "trace.toml").write_text(f'base = "{(CORPUS / "action-plan-ba.docx").as_posix()}"\n', encoding="utf-8")
    with_base = run_check([tmp_path / "c.txt"], config(tmp_path), use_cache=False)
    (tmp_path / "trace.toml").write_text("", encoding="utf-8")
    without = run_check([tmp_path / "c.txt"], config(tmp_path), use_cache=False)
    assert "REF013" not in [f.code for f in with_base.findings]
    assert "REF013" in [f.code for f in without.findings]
    validated = run_cli("validate", "c.txt", "--against", str(CORPUS / "action-plan-ba.docx"), "-f", "json", cwd=tmp_path)
    assert "REF013" not in [f["code"] for f in json.loads(validated.stdout)["findings"]]


def _plan_without_output_2_3(tmp_path: Path, suffix: str) -> Path:
    """corpus/objective2-new (.docx, or its text rendering) with the whole of Output 2.3 removed, up
    to the end of the plan; Objective 2's outcome table still lists "2.3 - Disaster risk …"."""
    path = tmp_path / f"objective2-no23{suffix}"
    if suffix == ".txt":
        lines = (CORPUS / "text" / "objective2-new.txt").read_text(encoding="utf-8").splitlines()
        end = next(i for i, line in enumerate(lines) if line.startswith("Output 2.3"))
        path.write_text("\n".join(lines[:end]) + "\n", encoding="utf-8")
        return path
    import docx as python_docx

    plan = python_docx.Document(str(CORPUS / "objective2-new.docx"))
    body = plan.element.body
    kids = list(body.iterchildren())
    start = next(i for i, kid in enumerate(kids) if kid.tag.endswith("}p")
                 and "".join(t.text or "" for t in kid.iter() if t.tag.endswith("}t")).startswith("Output 2.3"))
    for kid in kids[start:]:
        if not kid.tag.endswith("sectPr"):
            body.remove(kid)
    plan.save(str(path))
    return path


@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_a_plan_deleting_an_output_its_outcome_table_still_lists_is_chk006(tmp_path: Path, suffix: str) -> None:
    """A black-box review (F7): a plan revision with the whole of Output 2.3 deleted, while the
    Objective 2 table's row for Outcome 2.3 still lists "2.3 - Disaster risk …", passed `check`
    (a contribution deleting it gets VAL015). CHK006, a warning at the row's Outputs cell."""
    plan = _plan_without_output_2_3(tmp_path, suffix)
    report = run_check([plan], config(tmp_path, ""), use_cache=False)
    found = [f for f in report.findings if f.code == "CHK006"]
    assert [(f.severity, f.message, f.section) for f in found] == [
        ("warning", "Output 2.3 is listed in Outcome 2.3's row of the Objective 2 table but the document has no "
                    "Output 2.3", "outcome-2.3")]
    row = load(plan).get("outcome-2.3")
    cell = next(b for b in row.blocks if b.field == "outputs")
    assert found[0].loc == cell.loc and cell.text.startswith("2.3 - Disaster risk")
    # the plan whole lists nothing it lacks
    whole = CORPUS / ("objective2-new.docx" if suffix == ".docx" else "text/objective2-new.txt")
    assert "CHK006" not in [f.code for f in run_check([whole], config(tmp_path), use_cache=False).findings]


def test_chk006_spares_excerpts_contributions_and_the_corpus(tmp_path: Path) -> None:
    """No CHK006 where the table is all the document gives of its objective (no Output 2.x at
    all: an excerpt of the tables), for a contribution (its deletions are VAL015's, against a
    base), nor for any plan of the corpus or seed text; in the same run, the plan without its
    Output 2.3 has it."""
    from actionplan_trace.validate.structural import structure_findings

    lines = (CORPUS / "text" / "objective2-new.txt").read_text(encoding="utf-8").splitlines()
    tables = tmp_path / "tables.txt"
    tables.write_text("\n".join(lines[:next(i for i, line in enumerate(lines) if line.startswith("Output 2.1"))]) + "\n",
                      encoding="utf-8")
    contribution = tmp_path / "contribution.txt"
    contribution.write_text("Contribution from Testland\n\nProposal\n\n1. SUP Output 2.3\n\nReasons: merged into Output 2.1.\n\n"
                            "Amended text\n\n"
                            + _plan_without_output_2_3(tmp_path, ".txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert load(contribution).source.profile == "contribution"
    plan = _plan_without_output_2_3(tmp_path, ".docx")
    report = run_check([tables, contribution, plan], config(tmp_path, ""), use_cache=False)
    assert [(f.source, f.code) for f in report.findings if f.code == "CHK006"] == [(plan.name, "CHK006")]
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    paths = [*CORPUS.glob("*.docx"), *(CORPUS / "text").glob("*.txt"), *seeds]  # the seeds when present
    assert len(paths) >= 14 + len(seeds)
    for path in paths:
        assert structure_findings(load(path), finding_table(), {"CHK006"}) == [], path


_COVER_ONLY = ("TITLE: Proposed modifications to the Buenos Aires Action Plan\n\nIntroduction\n\n"
               "We have read the plan with great interest and have some general thoughts about it.\n")


@pytest.mark.parametrize("name, text", [
    ("np1.txt", _COVER_ONLY),
    ("no-proposals.md", "# Contribution from Nowhere\n\n" + _COVER_ONLY.replace("Introduction", "## Introduction")
     + "\n## Amended text\n\nNothing here yet.\n"),
])
def test_a_contribution_known_by_its_cover_title_alone_gets_validates_verdict(tmp_path: Path, name: str,
                                                                              text: str) -> None:
    """A black-box review (F3): a contribution whose cover title says "Proposed modifications to
    the … Action Plan" and whose proposals cannot be read was a generic document to `check` (one
    detect pattern hit, two needed), which passed it, while `validate` fails it with VAL009. The
    cover title alone now makes it a contribution, with one verdict in both commands."""
    shutil.copy(CORPUS / "action-plan-ba.docx", tmp_path / "base.docx")
    (tmp_path / "trace.toml").write_text('base = "base.docx"\n', encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    checked = run_check([tmp_path / name], config(tmp_path), use_cache=False)
    assert [f.profile for f in checked.files] == ["contribution"]
    validated = run_cli("validate", name, "-f", "json", cwd=tmp_path)
    assert validated.returncode == 1
    assert [f["code"] for f in json.loads(validated.stdout)["findings"]] == ["VAL009"]
    assert [f.code for f in checked.findings] == ["VAL009"] and checked.failed
    assert load(tmp_path / name).source.profile == "contribution"


def test_cross_document_codes_are_refs_and_graph_findings_check_neither_lists_nor_configures(tmp_path: Path) -> None:
    """A black-box review (F6): REF009 (a roadmap row citing an output that does not cite its
    action line back) never fires in `check`, which judges each file alone, yet its SARIF listed
    REF009 and TRC001–TRC004 as rules and `[rules] REF009 = "error"` was taken and did nothing.
    `trace refs` over the two documents gives it; check's SARIF lists none of them and [rules]
    refuses them, saying where they come from."""
    shutil.copy(CORPUS / "objective2-old.docx", tmp_path / "objective2-old.docx")
    shutil.copy(CORPUS / "wsis-roadmaps.pdf", tmp_path / "wsis-roadmaps.pdf")
    refs = run_cli("refs", "objective2-old.docx", "wsis-roadmaps.pdf", "-f", "json", cwd=tmp_path)
    assert "REF009" in {f["code"] for f in json.loads(refs.stdout)["findings"]}
    sarif = run_cli("check", "--no-cache", "objective2-old.docx", "-f", "sarif", cwd=tmp_path)
    rules = {rule["id"] for rule in json.loads(sarif.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    assert {"REF001", "CHK001", "VAL001"} <= rules
    assert rules & {"REF009", "TRC001", "TRC002", "TRC003", "TRC004"} == set()
    (tmp_path / "trace.toml").write_text('[rules]\nREF009 = "error"\n', encoding="utf-8")
    refused = run_cli("check", "--no-cache", "objective2-old.docx", cwd=tmp_path)
    assert refused.returncode == 2
    assert "REF009 compares documents: trace refs and trace graph give it" in refused.stderr


def test_the_graph_joins_are_graph_findings_only_and_check_says_so(tmp_path: Path) -> None:
    """A README review (F1): README and check's refusal said `trace refs` gives TRC001–TRC004 too;
    only `trace graph` builds the graph whose joins they report. Over the plan and a report, graph
    gives TRC001 and refs none, and [rules] TRC001 names graph alone."""
    for name in ("action-plan-ba.docx", "report-c20-35.docx"):
        shutil.copy(CORPUS / name, tmp_path / name)
    files = ("action-plan-ba.docx", "report-c20-35.docx")
    graph = run_cli("graph", *files, "-f", "json", cwd=tmp_path)
    refs = run_cli("refs", *files, "-f", "json", cwd=tmp_path)
    assert "TRC001" in {f["code"] for f in json.loads(graph.stdout)["findings"]}
    assert not {f["code"] for f in json.loads(refs.stdout)["findings"]} & {"TRC001", "TRC002", "TRC003", "TRC004"}
    (tmp_path / "trace.toml").write_text('[rules]\nTRC001 = "off"\n', encoding="utf-8")
    refused = run_cli("check", "--no-cache", "action-plan-ba.docx", cwd=tmp_path)
    assert refused.returncode == 2
    assert "TRC001 compares documents: trace graph gives it, check and validate do not" in refused.stderr


def _opendocument(path: Path, paragraphs: list[str], mimetype: str = "application/vnd.oasis.opendocument.text") -> None:
    """An OpenDocument package as LibreOffice writes one: the `mimetype` entry first and stored,
    the manifest, and content.xml holding `paragraphs`."""
    from xml.sax.saxutils import escape

    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        package.writestr("META-INF/manifest.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
            f'manifest:full-path="/" manifest:media-type="{mimetype}"/></manifest:manifest>'), zipfile.ZIP_DEFLATED)
        package.writestr("content.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office='
            '"urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
            f' office:version="1.2"><office:body><office:text>{body}</office:text></office:body>'
            '</office:document-content>'), zipfile.ZIP_DEFLATED)


def test_an_opendocument_file_is_told_to_be_saved_as_docx_or_pdf(tmp_path: Path) -> None:
    """A black-box review (F7): a real .odt (a ZIP package, which trace tries as a .docx) was a
    CHK004 "ZIP package has no word/document.xml (not a Word document)", not the reason README
    promises for the formats trace cannot read. An OpenDocument package, told by its `mimetype`
    entry under any name, and an .xlsx, by its suffix, now get "save as .docx or .pdf"; `extract`
    says the same."""
    lines = (CORPUS / "text" / "objective2-new.txt").read_text(encoding="utf-8").splitlines()[:40]
    docs = tmp_path / "docs"
    docs.mkdir()
    _opendocument(docs / "plan.odt", lines)
    _opendocument(docs / "plan-odt-renamed.docx", lines)
    with zipfile.ZipFile(docs / "budget.xlsx", "w") as book:
        book.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns='
                      '"http://schemas.openxmlformats.org/package/2006/content-types"/>')
        book.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
    done = run_cli("check", "--no-cache", "docs", cwd=tmp_path)
    assert done.returncode == 1
    said = done.stdout.splitlines()
    assert "docs/plan.odt error CHK004 OpenDocument files (.odt) cannot be read: save as .docx or .pdf" in said
    assert ("docs/plan-odt-renamed.docx error CHK004 OpenDocument files (.odt) cannot be read: save as .docx or .pdf"
            in said)
    assert "docs/budget.xlsx error CHK004 Excel files (.xlsx) cannot be read: save as .docx or .pdf" in said
    extracted = run_cli("extract", "docs/plan.odt", cwd=tmp_path)
    assert extracted.returncode == 2
    assert extracted.stderr == "trace: docs/plan.odt: OpenDocument files (.odt) cannot be read: save as .docx or .pdf\n"


def test_the_baseline_is_named_relative_to_the_repository_however_it_was_given(tmp_path: Path) -> None:
    """A black-box review (F10): check/2's `baseline` was the absolute path when trace.toml named
    it and "../trace-baseline.json" when --baseline did from a subfolder, so two CI steps wrote
    the same baseline two ways. It is now repository-relative, as `files[].path`, in both; the
    file recorded and read is still the one named."""
    (tmp_path / ".git").mkdir()
    plans = tmp_path / "plans"
    plans.mkdir()
    lines = (CORPUS / "text" / "objective2-new.txt").read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Output 2.3 –"))
    (plans / "plan.txt").write_text("\n".join(lines[:at]) + "\n", encoding="utf-8")  # CHK006, a warning
    recorded = run_cli("check", "--no-cache", ".", "--baseline", "../trace-baseline.json", "--update-baseline",
                       "-f", "json", cwd=plans)
    assert recorded.returncode == 0, recorded.stderr
    assert json.loads(recorded.stdout)["baseline"] == "trace-baseline.json"
    assert "in baseline trace-baseline.json" in recorded.stderr
    assert json.loads((tmp_path / "trace-baseline.json").read_text(encoding="utf-8"))["fingerprints"]
    from_cli = json.loads(run_cli("check", "--no-cache", ".", "--baseline", "../trace-baseline.json", "-f", "json",
                                  cwd=plans).stdout)
    (tmp_path / "trace.toml").write_text('baseline = "trace-baseline.json"\n', encoding="utf-8")
    from_config = json.loads(run_cli("check", "--no-cache", "plans", "-f", "json", cwd=tmp_path).stdout)
    for data in (from_cli, from_config):
        assert data["baseline"] == "trace-baseline.json"
        assert data["summary"]["baselined"] == len(data["findings"]) > 0


def test_contributions_checked_without_a_base_are_said_on_stderr(tmp_path) -> None:
    """A run with the defaults says nothing (as ruff and mypy say nothing): a repository of plans
    needs no trace.toml. But a file read as a contribution gets no VAL rule without a base, so a
    CI job whose trace.toml is not found (misnamed, another folder) or names no base passed a
    contribution quoting text the plan lacks, without a word: one stderr line says so, the report
    and the exit code unchanged."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "plan.txt").write_text(WARNINGS_ONLY, encoding="utf-8")
    plans_only = run_cli("check", "plans", "--no-cache", cwd=tmp_path)
    assert plans_only.returncode == 0 and plans_only.stderr == ""
    write_docx(load(CORPUS / "text" / "objective2-new.txt"), tmp_path / "plans" / "base.docx", Style(headings="styles"))
    (tmp_path / "plans" / "japan.md").write_text(
        "# Contribution from Japan\n\n## Proposals\n\n1. In Output 2.1, under “Rural communications”, replace "
        "“satellite and microwave backhaul links” with “community networks”.\n", encoding="utf-8")
    line = ("trace: 1 file read as a contribution (plans/japan.md) was not validated: {}; set base = \"…\" to the "
            "Action Plan it amends\n")
    for config, where in ((None, "no trace.toml or [tool.trace] was found"),
                          ('fail-on = "warning"\n', f"{tmp_path / 'trace.toml'} names no base")):
        if config is not None:
            (tmp_path / "trace.toml").write_text(config, encoding="utf-8")
        result = run_cli("check", "plans", "--no-cache", "-f", "json", cwd=tmp_path)
        assert result.stderr == line.format(where)
        assert "VAL010" not in result.stdout
    (tmp_path / "trace.toml").write_text('base = "plans/base.docx"\nnot-plans = ["base.docx"]\n', encoding="utf-8")
    judged = run_cli("check", "plans", "--no-cache", "-f", "json", cwd=tmp_path)
    assert judged.returncode == 1 and judged.stderr == ""
    assert "VAL010" in {f["code"] for f in json.loads(judged.stdout)["findings"]}

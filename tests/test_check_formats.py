"""`trace check` and `trace validate` outputs: SARIF 2.1.0 (structure checked by hand, jsonschema
is not a dependency), JUnit XML, GitHub workflow commands, JSON and text."""

from __future__ import annotations

import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from actionplan_trace import load
from actionplan_trace.render.jsontext import dumps
from conftest import CORPUS, run_cli
from contribgen import build_repo
from docxgen import write_docx

SARIF_LEVELS = {"none", "note", "warning", "error"}
GITHUB_LINE = re.compile(r"^::(error|warning|notice) file=([^,:]+)(?:,line=(\d+))?,title=([A-Z]+\d{3})::(.+)$")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return build_repo(tmp_path_factory.mktemp("repo"), load(CORPUS / "text" / "objective2-new.txt"))


@pytest.fixture(scope="module")
def outputs(repo) -> dict[str, tuple[int, str]]:
    """Each format of one `trace check plans` run (the first fills the cache, the rest use it)."""
    out = {}
    for fmt in ("json", "sarif", "junit", "github", "text"):
        result = run_cli("check", "plans", "--format", fmt, cwd=repo)
        out[fmt] = (result.returncode, result.stdout)
        assert result.returncode in (0, 1), result.stderr
    return out


def check_sarif(log: dict) -> None:
    """The SARIF 2.1.0 structure GitHub code scanning requires, checked key by key."""
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert isinstance(log["runs"], list) and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "actionplan-trace" and driver["version"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert len(ids) == len(set(ids))
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in SARIF_LEVELS
    for result in run["results"]:
        assert result["ruleId"] in ids
        assert ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in SARIF_LEVELS
        assert result["message"]["text"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"]
        if "region" in physical:
            assert isinstance(physical["region"]["startLine"], int) and physical["region"]["startLine"] >= 1


def test_sarif_paths_are_uri_references(tmp_path) -> None:
    """A space or '#' in a file's name is percent-encoded: raw, the URI is invalid and '#' starts a
    fragment, so code scanning would look for a file called "my contrib "."""
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "my contrib #1.md").write_text("# Output 2.1 – X\n\nWSIS Action Lines C14.\n", encoding="utf-8")
    result = run_cli("check", "plans", "--format", "sarif", "--no-cache", cwd=tmp_path)
    log = json.loads(result.stdout)
    check_sarif(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"plans/my%20contrib%20%231.md"}


@pytest.mark.parametrize(("path", "uri"), [
    ("plans/my contrib #1.md", "plans/my%20contrib%20%231.md"),
    ("plans\\x.md", "plans/x.md" if os.sep == "\\" else "plans%5Cx.md"),  # on Linux, one file's name
    (os.fsdecode(b"plans/bad\xffname.txt"), "plans/bad%FFname.txt"),
    ("/srv/plans/x y.docx", "file:///srv/plans/x%20y.docx"),
    ("C:\\plans\\my contrib #1.docx", "file:///C:/plans/my%20contrib%20%231.docx"),
    ("C:/plans/x.docx", "file:///C:/plans/x.docx"),
    ("\\\\server\\share\\plans\\x.docx", "file://server/share/plans/x.docx"),
])
def test_sarif_uri_of_every_kind_of_path(path, uri) -> None:
    """Relative paths stay relative; absolute ones are file: URIs, a Windows drive or UNC path too
    (before, "C:\\plans\\x.docx" was the relative "C%3A/plans/x.docx")."""
    from actionplan_trace.render.sarif import _uri

    assert _uri(path) == uri


@pytest.mark.skipif(sys.platform != "linux", reason="Linux names may hold any bytes, a backslash among them")
def test_sarif_of_names_not_utf8_or_with_a_backslash(tmp_path) -> None:
    """Found in review: a file named with a byte that is not UTF-8 made `check -f sarif` end in
    "internal error: UnicodeEncodeError", and "a\\b.txt" was given the URI "a/b.txt", a file
    that does not exist. Each is its own bytes percent-encoded now, as JSON and the other
    formats name it."""
    folder = tmp_path / "plans"
    folder.mkdir()
    text = "# Output 2.1 – X\n\nWSIS Action Lines C14.\n"
    (folder / os.fsdecode(b"bad\xffname.md")).write_text(text, encoding="utf-8")
    (folder / "a\\b.md").write_text(text, encoding="utf-8")
    result = run_cli("check", "plans", "--format", "sarif", "--no-cache", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    log = json.loads(result.stdout)
    check_sarif(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"plans/bad%FFname.md", "plans/a%5Cb.md"}


def test_findings_of_a_pdf_are_in_page_order_in_every_format(tmp_path) -> None:
    """Found in review: json, SARIF and JUnit sorted a PDF's findings by their line on the page
    before the page, while the text and GitHub formats (and the README) go by page first. One
    order (findings.finding_order) serves every format now."""
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "plan.pdf").write_bytes((CORPUS / "action-plan-ba.pdf").read_bytes())
    pages = {}
    for fmt in ("json", "sarif", "text"):
        result = run_cli("check", "plans", "--format", fmt, "--no-cache", cwd=tmp_path)
        assert result.returncode == 0, result.stderr  # warnings and notes only: under fail-on
        if fmt == "json":
            pages[fmt] = [f["loc"]["page"] for f in json.loads(result.stdout)["findings"]]
        elif fmt == "sarif":
            pages[fmt] = [r["properties"]["page"] for r in json.loads(result.stdout)["runs"][0]["results"]]
        else:
            pages[fmt] = [int(n) for n in re.findall(r"\bpage (\d+)", result.stdout)]
    assert len(pages["json"]) > 3 and pages["json"] == sorted(pages["json"])
    assert pages["sarif"] == pages["json"]
    assert [p + 1 for p in pages["json"]] == pages["text"] or pages["json"] == pages["text"]


def test_sarif_is_valid_and_has_results(outputs) -> None:
    code, text = outputs["sarif"]
    assert code == 1
    log = json.loads(text)
    check_sarif(log)
    # its results are written one at a time into the log: the text a whole dump of it writes
    assert text == dumps(log) and len(log["runs"][0]["results"]) > 3
    results = log["runs"][0]["results"]
    by_rule = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results}
    assert ("VAL003", "plans/contribution-examplia.docx") in by_rule
    assert ("CHK004", "plans/broken.docx") in by_rule
    chk001 = next(r for r in results if r["ruleId"] == "CHK001")
    assert chk001["locations"][0]["physicalLocation"]["region"]["startLine"] == 10
    assert chk001["level"] == "warning"
    val003 = next(r for r in results if r["ruleId"] == "VAL003")
    assert val003["level"] == "error" and "region" not in val003["locations"][0]["physicalLocation"]
    assert val003["properties"]["paragraph"] >= 0
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["REF006"]["defaultConfiguration"]["level"] == "note"
    assert rules["CHK006"]["defaultConfiguration"]["level"] == "warning"  # every code is a rule, found or not
    assert {"uri": "plans/plan.txt"} in [a["location"] for a in log["runs"][0]["artifacts"]]


def test_junit_one_suite_per_file(outputs) -> None:
    code, text = outputs["junit"]
    root = ET.fromstring(text)
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"plans/broken.docx", "plans/contribution-examplia.docx", "plans/objective2.docx",
                           "plans/plan.txt"}
    plan = suites["plans/plan.txt"]
    failures = plan.findall("testcase/failure")
    assert [f.get("type") for f in failures] == ["REF002 (error)"]
    assert int(plan.get("tests")) == 5 and int(plan.get("failures")) == 1
    assert len(plan.findall("testcase/system-out")) == 4
    total_failures = sum(int(s.get("failures")) for s in suites.values())
    assert int(root.get("failures")) == total_failures >= 5


def test_github_annotations(outputs) -> None:
    code, text = outputs["github"]
    lines = text.splitlines()
    assert lines and all(GITHUB_LINE.match(line) for line in lines)
    parsed = [GITHUB_LINE.match(line).groups()[:4] for line in lines]
    command = {"error": "error", "warning": "warning", "info": "notice"}
    expected = [
        (command[f["severity"]], f["source"], str(f["loc"]["line"]) if "line" in f["loc"] else None, f["code"])
        for f in json.loads(outputs["json"][1])["findings"]
    ]
    assert parsed == expected
    assert ("warning", "plans/plan.txt", "10", "CHK001") in parsed
    assert ("error", "plans/contribution-examplia.docx", None, "VAL007") in parsed


def test_json_check_schema(outputs) -> None:
    code, text = outputs["json"]
    data = json.loads(text)
    assert data["schema"] == "actionplan-trace/check/2"
    assert data["summary"]["failed"] is True and data["summary"]["files"] == 4
    finding = data["findings"][0]
    assert {"code", "severity", "message", "source", "section", "loc", "fingerprint", "baseline"} <= set(finding)
    assert [f["path"] for f in data["files"] if f["profile"] == "contribution"] == ["plans/contribution-examplia.docx"]


def test_text_summary(outputs) -> None:
    code, text = outputs["text"]
    assert "plans/plan.txt:10 warning CHK001" in text
    assert text.rstrip().splitlines()[-1].startswith("4 files checked (4 from cache)")


@pytest.mark.parametrize("width", [60, 100])
def test_text_on_a_terminal_is_wrapped_and_in_a_pipe_is_not(repo, width: int) -> None:
    """validate's report ran past a terminal's edge, proposals and findings of 250 characters a
    line; on a terminal it is wrapped, each continuation indented under its line, the words the
    same; written to a pipe or file it keeps one finding a line."""
    import io

    from rich.console import Console

    from actionplan_trace import app

    report = app.validate(repo / "plans" / "contribution-examplia.docx", repo / "plans" / "objective2.docx")
    plain = app.render("validate", "text", report)
    assert isinstance(plain, str) and max(map(len, plain.splitlines())) > 100
    screen = io.StringIO()
    assert app.print_to(Console(file=screen, width=width, force_terminal=True, color_system=None), "validate", "text", report)
    shown = screen.getvalue().splitlines()
    assert [line for line in shown if len(line) > width and len(line.split()) > 1] == []  # a long path stays whole
    assert " ".join(" ".join(shown).split()) == " ".join(plain.split())
    assert any(line.startswith("      ") and not line.startswith("       Output") for line in shown)  # a continuation
    assert not app.print_to(Console(file=io.StringIO(), width=width, force_terminal=False), "validate", "text", report)


def test_validate_sarif(repo) -> None:
    result = run_cli("validate", "plans/contribution-examplia.docx", "--against", "plans/objective2.docx",
                     "--format", "sarif", cwd=repo)
    assert result.returncode == 1
    log = json.loads(result.stdout)
    check_sarif(log)
    assert sorted(r["ruleId"] for r in log["runs"][0]["results"]) == \
        ["REF004", "REF004", "VAL003", "VAL005", "VAL006", "VAL007"]


def test_github_escapes_newlines_and_commas() -> None:
    from actionplan_trace.model import Loc
    from actionplan_trace.render.github import to_github
    from actionplan_trace.validate.findings import make

    f = make("CHK003", "50% done\nsecond line", source="dir,a/b:c.txt", loc=Loc(line=3))
    assert to_github([f]) == "::warning file=dir%2Ca/b%3Ac.txt,line=3,title=CHK003::50%25 done%0Asecond line\n"


def test_pre_commit_hook_definition(tmp_path) -> None:
    import yaml

    from conftest import ROOT
    from contribgen import WARNINGS_ONLY

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["id"] == "trace-check" and hook["language"] == "python" and hook["require_serial"] is True
    assert re.search(hook["files"], "plans/action-plan.docx") and not re.search(hook["files"], "README.md")
    program, *args = hook["entry"].split()
    assert program == "trace"
    staged = tmp_path / "plan.docx"
    (tmp_path / "plan.txt").write_text(WARNINGS_ONLY, encoding="utf-8")
    write_docx(load(tmp_path / "plan.txt"), staged)
    result = run_cli(*args, str(staged), "--fail-on", "warning", cwd=tmp_path)
    assert result.returncode == 1 and "CHK001" in result.stdout


def test_github_names_the_paragraph_or_page_of_a_docx_or_pdf_finding_in_file_order() -> None:
    """A finding in a .docx or PDF has no line for the annotation: its message names the paragraph
    (counted from 1) or the page; annotations come in the order of the file's places."""
    from actionplan_trace.model import Loc
    from actionplan_trace.render.github import to_github
    from actionplan_trace.validate.findings import make

    later = make("CHK003", "twice", source="plan.docx", loc=Loc(paragraph=40))
    earlier = make("CHK003", "twice", source="plan.docx", loc=Loc(paragraph=4))
    printed = make("CHK003", "twice", source="plan.pdf", loc=Loc(page=3, line=7))
    assert to_github([later, earlier, printed]).splitlines() == [
        "::warning file=plan.docx,title=CHK003::twice (paragraph 5)",
        "::warning file=plan.docx,title=CHK003::twice (paragraph 41)",
        "::warning file=plan.pdf,title=CHK003::twice (page 3)",
    ]


def test_junit_names_a_paragraph_as_the_text_output_does() -> None:
    """JUnit's cases count a .docx's paragraphs from 1, as every text output does."""
    from actionplan_trace.model import Loc
    from actionplan_trace.render.junit import to_junit
    from actionplan_trace.validate.findings import make

    found = make("CHK003", "twice", source="plan.docx", loc=Loc(paragraph=101))
    assert "paragraph 102" in to_junit(["plan.docx"], [found], "error")
    assert "paragraph 101" not in to_junit(["plan.docx"], [found], "error")


def test_junit_case_names_stay_when_text_moves() -> None:
    """A dashboard tracks a case by its name: moving a finding down the file keeps the name (the
    place is in the case's body), and a second copy of the same finding gets a name of its own."""
    from actionplan_trace.model import Loc
    from actionplan_trace.render.junit import to_junit
    from actionplan_trace.validate.findings import make

    def cases(*lines: int) -> list[tuple[str | None, str | None]]:
        found = [make("REF002", "SDG-19: there is no SDG 19", source="plan.txt", section="output-2.1", loc=Loc(line=n))
                 for n in lines]
        root = ET.fromstring(to_junit(["plan.txt"], found, "error"))
        return [(c.get("name"), c.findtext("failure")) for c in root.iter("testcase")]

    assert cases(10) == [("REF002 [output-2.1] SDG-19: there is no SDG 19", "line 10: SDG-19: there is no SDG 19")]
    assert [name for name, _ in cases(40)] == [name for name, _ in cases(10)]
    assert [name for name, _ in cases(10, 12)] == ["REF002 [output-2.1] SDG-19: there is no SDG 19",
                                                   "REF002 [output-2.1] SDG-19: there is no SDG 19 (2)"]


def test_github_commands_escape_control_characters() -> None:
    """ESC, BEL and NUL from a document's text never reach the CI log raw (a terminal title or
    colour sequence in a log viewer): they are escaped as the text format escapes them."""
    from actionplan_trace.model import Loc
    from actionplan_trace.render.github import to_github
    from actionplan_trace.validate.findings import make

    found = make("CHK003", "twice: \x1b]0;pwned\x07 \x00 50%", source="plan.txt", loc=Loc(line=3))
    line = to_github([found])
    assert not any(ch in line for ch in "\x1b\x07\x00")
    assert line == "::warning file=plan.txt,line=3,title=CHK003::twice: \\x1b]0;pwned\\x07 \\x00 50%25\n"

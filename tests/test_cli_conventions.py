"""CLI conventions: -h and --help with examples on every command, diff first, readable usage lines,
git-like diff switches (--stat, -q, --exit-zero, --color, NO_COLOR) and the ignore switches."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import CORPUS
from typer.testing import CliRunner

from actionplan_trace.cli import app

OLD, NEW = str(CORPUS / "objective2-old.docx"), str(CORPUS / "objective2-new.docx")
runner = CliRunner()
COMMANDS = tuple(line.split()[0] for line in runner.invoke(app, ["-h"]).output.split("Commands:", 1)[1].splitlines()
                 if line.strip())


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    done = runner.invoke(app, list(args), env={"COLUMNS": "100", **(env or {})})
    return done.exit_code, done.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_short_help_with_real_examples(command: str) -> None:
    code, short = run(command, "-h")
    assert code == 0
    assert short == run(command, "--help")[1]
    examples = short.split("Examples:", 1)[1]
    lines = [line.strip() for line in examples.splitlines() if line.strip().startswith("trace ")]
    assert 2 <= len(lines) <= 4 and all(line.startswith(f"trace {command} ") for line in lines)
    usage = short.splitlines()[0]
    assert not re.search(r"[{}<>]|list\[|bool", usage), usage
    assert "<bool>" not in short and "list[Path]" not in short
    assert not [line for line in short.splitlines() if line != line.rstrip()]


def test_commands_listed_diff_first_and_completion_offered() -> None:
    code, text = run("-h")
    assert code == 0
    listed = [line.split()[0] for line in text.split("Commands:", 1)[1].splitlines() if line.strip()]
    assert listed[0] == "diff" and {"diff", "extract", "refs", "graph", "validate", "check"} <= set(listed)
    assert "--install-completion" in text


def test_diff_usage_names_old_and_new() -> None:
    assert run("diff", "-h")[1].splitlines()[0] == "Usage: trace diff [OPTIONS] OLD [NEW]"
    assert "OLD" in run("diff", "-h")[1] and "--ignore-case / --no-ignore-case" in run("diff", "-h")[1]


def test_ignore_help_justifies_each_default() -> None:
    text = " ".join(run("diff", "-h")[1].split())
    for kind, default in (("case", "Off"), ("space", "On"), ("punctuation", "Off"), ("numbering", "On"),
                          ("formatting", "On")):
        assert re.search(rf"--ignore-{kind} / --no-ignore-{kind} Hide changes of [^.]+\. {default} by default", text), kind


PLAN = """# Objective 2 – Modern and secure telecommunication/ICT infrastructure

## Output 2.1 – Products and services on telecommunication/ICT infrastructure

### Rural communications

Rural populations will need to be provided with telephony and broadband access.

Wireless technology has great potential to improve our quality of life.
"""


def _pair(tmp_path, old: str, new: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "old.md", tmp_path / "new.md"
    a.write_text(old, encoding="utf-8")
    b.write_text(new, encoding="utf-8")
    return str(a), str(b)


def test_ignore_switches_reach_every_format(tmp_path) -> None:  # type: ignore[no-untyped-def]
    old, new = _pair(tmp_path, PLAN, PLAN.replace("Wireless technology has great", "Wireless Technology has great"))
    code, text = run("diff", old, new)
    assert code == 1 and "[-technology-]{+Technology+}" in text and "(case only" in text
    assert run("diff", old, new, "--ignore-case")[0] == 0
    data = json.loads(run("diff", old, new, "--ignore-case", "-f", "json")[1])
    assert data["changes"] == [] and data["summary"]["hidden_by"] == {"case": 1}
    assert "Technology" not in run("diff", old, new, "--ignore-case", "-f", "md")[1].split("**Summary:**")[1]
    page = run("diff", old, new, "--ignore-case", "-f", "html")[1]
    assert page.count('class="change') == page.count('class="change c-modified hidden"') == 1  # behind its toggle
    assert run("diff", old, new, "--ignore-case", "--all")[0] == 1
    old, new = _pair(tmp_path, PLAN, PLAN.replace("quality of life.", "quality of life!"))
    code, text = run("diff", old, new)
    assert code == 1 and "(punctuation only" in text and "life[-.-]{+!+}" in text
    assert run("diff", old, new, "--ignore-punctuation")[0] == 0


def test_stat_quiet_exit_zero_and_color(tmp_path) -> None:  # type: ignore[no-untyped-def]
    old, new = _pair(tmp_path, PLAN, PLAN.replace("telephony and broadband access.", "telephony and broadband access, by radio."))
    code, stat = run("diff", old, new, "--stat")
    assert code == 1
    assert stat.splitlines()[0].split() == ["1", "change", "+2", "−0", "Objective", "2", "›", "Output", "2.1", "›",
                                            "Rural", "communications"]
    assert stat.splitlines()[-1].startswith("Summary: 1 change (0 sections, 1 paragraph, list item or table cell): 1 modified")
    assert run("diff", old, new, "-q") == (1, "")
    assert run("diff", old, new, "--quiet", "--exit-zero") == (0, "")
    assert run("diff", old, new, "--exit-zero")[0] == 0
    assert run("diff", old, str(tmp_path / "missing.txt"), "--exit-zero")[0] == 2
    plain = run("diff", old, new, "--color", "never")[1]
    assert "\x1b[" not in plain and "{+, by radio+}" in plain
    coloured = run("diff", old, new, "--color", "always")[1]
    assert "\x1b[" in coloured and "{+" not in coloured
    assert "\x1b[" not in run("diff", old, new, env={"NO_COLOR": "1"})[1]
    assert run("diff", old, new, "--color", "sometimes")[0] == 2


def test_help_survives_python_oo() -> None:
    """`python -OO` (PYTHONOPTIMIZE=2, set in some images to save space) strips docstrings: a
    review found every command's description gone from --help, the exit codes of diff with it.
    The help is data (cli_help.HELP), so it reads the same."""
    env = {**os.environ, "COLUMNS": "100"}
    plain = subprocess.run([sys.executable, "-m", "actionplan_trace.cli", "diff", "--help"], capture_output=True,
                           text=True, env=env, timeout=60)
    optimized = subprocess.run([sys.executable, "-OO", "-m", "actionplan_trace.cli", "diff", "--help"],
                               capture_output=True, text=True, env=env, timeout=60)
    assert optimized.returncode == plain.returncode == 0
    assert optimized.stdout == plain.stdout and "Exit codes follow diff(1)" in optimized.stdout

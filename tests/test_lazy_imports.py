"""Start-up stays short because a command imports only what it uses: a .docx read to JSON loads no
PDF library and no Rich (nothing is printed to a terminal). Checked on the imports a real process
makes (python -X importtime), not on time."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import CORPUS


def imported(*args: str) -> set[str]:
    """Top-level packages imported by `trace ARGS` run as a process."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "actionplan_trace.cli", *args],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return {m.group(1).split(".")[0] for m in re.finditer(r"^import time:.*\|\s*(\S+)\s*$", result.stderr, re.M)}


def test_docx_to_json_loads_no_pdf_library_and_no_rich():
    packages = imported("extract", str(CORPUS / "action-plan-ba.docx"), "-f", "json")
    assert {"lxml", "actionplan_trace"} <= packages
    assert not packages & {"rich", "pdfplumber", "pypdfium2", "pdfminer", "rapidfuzz"}, packages & {
        "rich", "pdfplumber", "pypdfium2", "pdfminer", "rapidfuzz"}


def test_text_refs_load_no_lxml(tmp_path):
    """A text run imports no lxml (some 40 M instructions), nor does a Markdown file whose lines are
    HTML fragments each (as a seed's status entries are): only an HTML block whose lines are no
    fragments by themselves (a table pandoc's gfm writer writes) needs it."""
    fragments = tmp_path / "fragments.md"
    fragments.write_text("# Annex 1\n\n<p><b>21 (Rev. Dubai, 2018) Measures</b></p> <p>Implemented.</p>\n"
                         "<p><b>30 (Rev. Dubai, 2018) Special measures</b></p> <p>See Resolution 30.</p>\n", encoding="utf-8")
    table = tmp_path / "table.md"
    table.write_text("# Objective 1\n\n<table>\n<tr>\n<td>Outcome 1.1</td>\n</tr>\n</table>\n", encoding="utf-8")
    for path in (CORPUS / "text" / "objective2-new.txt", fragments):
        assert "lxml" not in imported("refs", str(path), "-f", "json", "-o", str(tmp_path / "out.json")), path
    assert "lxml" in imported("refs", str(table), "-f", "json", "-o", str(tmp_path / "out.json"))


def test_text_refs_import_neither_dataclasses_nor_inspect(tmp_path):
    """The package's records are made without the dataclasses module (record.py), which imports
    inspect and with it ast, dis and tokenize: some 8 ms of a text run's start-up that nothing
    on its way uses (lxml imports inspect for itself, so a .docx run loads it anyway)."""
    text = str(CORPUS / "text" / "objective2-new.txt")
    packages = imported("refs", text, "-f", "json", "-o", str(tmp_path / "out.json"))
    assert "actionplan_trace" in packages
    assert not packages & {"dataclasses", "inspect", "ast", "dis", "tokenize"}, packages


def test_a_plain_refs_command_line_imports_no_typer(tmp_path):
    """`trace refs FILE… [-f FORMAT] [-o FILE]` is read without typer (a tenth of a 1 MB run's
    time: cli.plain_command); any other command line, an option more, is typer's."""
    text = str(CORPUS / "text" / "objective2-new.txt")
    out = str(tmp_path / "out.json")
    assert "typer" not in imported("refs", text, "-f", "json")
    assert "typer" not in imported("refs", "--format=csv", text, text, "--output", out)
    assert "typer" in imported("refs", text, "-f", "json", "--profile", "generic")
    assert "typer" in imported("--max-refs", "1000", "refs", text, "-f", "json")


def test_a_plain_extract_command_line_imports_no_typer(tmp_path):
    """`trace extract FILE [-f FORMAT] [-o FILE]` is read without typer too (a fifth of a whole
    plan's extraction); two files, another option or a format extract lacks go to typer, which
    gives the usage error."""
    plan = str(CORPUS / "action-plan-ba.docx")
    out = str(tmp_path / "out.json")
    assert "typer" not in imported("extract", plan, "-f", "json")
    assert "typer" not in imported("extract", "--output=" + out, plan)
    assert "typer" in imported("extract", plan, "-f", "json", "--view", "original")
    assert "typer" in imported("extract", plan, "-p", "action-plan", "-f", "json")


def _trace(*args: str) -> tuple[int, str, str]:
    result = subprocess.run([sys.executable, "-m", "actionplan_trace.cli", *args], capture_output=True, timeout=120)
    return result.returncode, result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize("args", [
    ("extract", "action-plan-ba.docx", "-f", "json"),
    ("extract", "text/objective2-new.txt"),
    ("extract", "missing.docx", "-f", "json"),
    ("refs", "text/objective2-new.txt", "-f", "csv"),
    ("refs", "report-c20-35.docx", "text/objective2-new.txt", "--format=json"),
    ("refs", "missing.txt"),
])
def test_a_plain_command_line_runs_as_typer_runs_it(args):
    """The plain command line (cli.plain_command) and typer's reading of it (forced here by a group
    option at its default) give the same output, messages and exit code."""
    where = [str(CORPUS / a) if a.endswith((".docx", ".txt")) else a for a in args]
    plain = _trace(*where)
    through_typer = _trace("--max-text-mb", "5", *where)
    assert plain == through_typer
    assert plain[0] == (2 if "missing" in args[1] else 0)


def test_text_refs_import_no_sha256_module(tmp_path):
    """A refs run hashes no input (its report shows no file's sha256: refs.document), so
    digest.sha256 imports its module on first use only: some 0.4 M instructions of the start-up."""
    text = str(CORPUS / "text" / "objective2-new.txt")
    packages = imported("refs", text, "-f", "json", "-o", str(tmp_path / "out.json"))
    assert "actionplan_trace" in packages
    assert not packages & {"_sha256", "_sha2", "hashlib"}, packages
    assert {"_sha256", "_sha2", "hashlib"} & imported("extract", text, "-f", "json", "-o", str(tmp_path / "out.json"))

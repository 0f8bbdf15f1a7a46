"""A run started in a directory since removed says so, in one line and exit 2, for every command
that needs that directory (a relative input or output), not "x.txt: no such file"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS

GONE = "trace: the current directory no longer exists (it was removed): run trace from one that does\n"
# Enter the folder, remove it, then run the CLI there (no process can be started in a removed folder).
RUN_IN_REMOVED = ("import os, runpy, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); "
                  "sys.argv = ['trace', *sys.argv[2:]]; runpy.run_module('actionplan_trace.cli', run_name='__main__')")


def _run_in_removed(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    folder = tmp_path / "gone"
    folder.mkdir()
    try:
        return subprocess.run([sys.executable, "-c", RUN_IN_REMOVED, str(folder), *args],
                              capture_output=True, text=True, timeout=120, cwd=tmp_path)
    finally:
        assert not folder.exists()


@pytest.mark.parametrize("args", [
    ("extract", "x.txt"),
    ("extract", "plan.docx", "-f", "json"),
    ("refs", "x.txt"),
    ("graph", "x.txt", "notes.md"),
    ("chain", "SDG-9", "x.txt"),
    ("diff", "old.docx", "new.docx"),
    ("diff", "tracked.docx"),
    ("validate", "contribution.docx", "--against", "plan.docx"),
    ("check", "x.txt"),
])
def test_a_relative_path_in_a_removed_directory(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = _run_in_removed(tmp_path, *args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", GONE)


def test_a_relative_output_there_and_absolute_paths(tmp_path: Path) -> None:
    plan = str(CORPUS / "objective2-new.docx")
    result = _run_in_removed(tmp_path, "refs", plan, "-f", "json", "-o", "refs.json")
    assert (result.returncode, result.stderr) == (2, GONE)
    # absolute paths need no working directory: a missing one is named, a present one is read
    missing = str(tmp_path / "missing.txt")
    result = _run_in_removed(tmp_path, "extract", missing)
    assert (result.returncode, result.stderr) == (2, f"trace: {missing}: no such file\n")
    result = _run_in_removed(tmp_path, "extract", plan, "-f", "json")
    assert result.returncode == 0 and '"schema": "actionplan-trace/' in result.stdout

"""The console-script entry point (`cli.main`): it ends the process with os._exit once the output
is flushed, so these run it as a process and check what a user sees: every byte of the output,
the exit status of the command, one stderr line for bad input, a quiet broken pipe, and the
regex cache written as an orderly exit would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from actionplan_trace.cli import app

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MAIN = "import sys; from actionplan_trace.cli import main; sys.argv[0] = 'trace'; main()"


def trace(*args: str | Path, cache: Path, **options: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", MAIN, *map(str, args)], capture_output=True,
                          env={**os.environ, "TRACE_CACHE_DIR": str(cache)}, **options)  # type: ignore[call-overload]


def test_every_byte_of_the_output_and_the_status(tmp_path: Path) -> None:
    plan = CORPUS / "action-plan-ba.docx"
    result = trace("extract", plan, "-f", "json", cache=tmp_path)
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout == CliRunner().invoke(app, ["extract", str(plan), "-f", "json"]).stdout_bytes
    assert len(result.stdout) > 100_000
    changed = trace("diff", CORPUS / "objective2-old.docx", CORPUS / "objective2-new.docx", "--stat", cache=tmp_path)
    assert changed.returncode == 1 and b"words: 537 inserted" in changed.stdout


def test_bad_input_is_one_line_and_status_2(tmp_path: Path) -> None:
    result = trace("extract", tmp_path / "missing.docx", cache=tmp_path)
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode().count("\n") == 1 and "missing.docx" in result.stderr.decode()


def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path: Path) -> None:
    command = f"{sys.executable} -c \"{MAIN}\" extract {CORPUS / 'action-plan-ba.docx'} -f json | true"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True,
                            env={**os.environ, "TRACE_CACHE_DIR": str(tmp_path)})
    assert result.returncode == 141 and result.stderr == b""


def test_the_regex_cache_is_saved_before_the_process_ends(tmp_path: Path) -> None:
    assert trace("refs", CORPUS / "text" / "objective2-new.txt", "-f", "json", cache=tmp_path).returncode == 0
    assert [p.name.split("-")[0] for p in tmp_path.glob("regex*.programs")] == ["regex3"]

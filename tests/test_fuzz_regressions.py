"""Inputs the fuzzer found that broke the command-line contract, kept as plain tests."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli


def test_a_failing_run_drops_its_input_warnings(tmp_path: Path) -> None:
    """An HTML file that is only an unclosed comment, with undecodable bytes: the run fails (no
    document), and its stderr is the one failure line, not the repaired-bytes warning before it.
    A run that succeeds still warns."""
    page = tmp_path / "plan.html"
    page.write_bytes(b"<!--\n1.1 References \xc3\xa9 \xa2\x97\xeb\xd8\x99\n30.2 9\n")
    failed = run_cli("extract", str(page), "-f", "json")
    assert failed.returncode == 2 and failed.stdout == ""
    assert failed.stderr.count("\n") == 1 and failed.stderr.startswith("trace: ") and "warning" not in failed.stderr
    text = tmp_path / "plan.txt"
    text.write_bytes(b"Output 2.1 caf\xc3\xa9 \xa2\x97 text\n")
    warned = run_cli("extract", str(text))
    assert warned.returncode == 0
    assert warned.stderr.startswith("trace: warning: ") and "undecodable" in warned.stderr

"""Shared fixtures: paths to the corpus, the peer suites and a CLI runner."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
PEER = SHARED / "peer"


def norm(text: str) -> str:
    """Whitespace-folded text, for comparisons that must ignore layout."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def corpus() -> Path:
    return CORPUS


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `trace` as a user would, in a subprocess, capturing stdout and stderr."""
    return subprocess.run(
        [sys.executable, "-m", "actionplan_trace.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )

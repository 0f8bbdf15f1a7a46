"""Shared fixtures: paths to the corpus, the peer suites and a CLI runner."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from actionplan_trace.extract.pdf import PdfReading
    from actionplan_trace.model import Document

# The start-up caches (diskcache.py: rules files, compiled regexes, Word style tables) go to a
# directory of this test session, shared by the processes tests start: tests neither read entries
# a user's runs made nor leave the thousands of patterns they try in ~/.cache. Set before any
# test module imports the package, since patterns compile at import. An explicit TRACE_CACHE_DIR
# (off, or another directory) is kept.
if "TRACE_CACHE_DIR" not in os.environ:
    os.environ["TRACE_CACHE_DIR"] = tempfile.mkdtemp(prefix="trace-test-cache-")
    SESSION_CACHE: str | None = os.environ["TRACE_CACHE_DIR"]
else:
    SESSION_CACHE = None


def pytest_unconfigure(config: pytest.Config) -> None:
    if SESSION_CACHE is not None:
        from actionplan_trace.diskcache import save_run_caches

        save_run_caches()  # now, not at exit, where it would make the directory again
        shutil.rmtree(SESSION_CACHE, ignore_errors=True)


ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
PEER = SHARED / "peer"

# Answer keys the seeds give, shared by the tests that read them in several formats: the Buenos
# Aires Action Plan's output numbers, and Output 2.1's areas of work in the later revision of
# Objective 2 (seed 000).
OUTPUT_NUMBERS = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3",
                  "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4"]
AREAS_2_1_NEW = [
    "Next-generation networks including ICT networks for smart grids",
    "Telecommunication Numbering Resources Management",
    "Broadband networks: Wired and wireless technologies, including IMT",
    "Rural communications",
    "Bridging the standardization gap",
    "Conformity and interoperability (C&I)",
    "Combating counterfeit and combating mobile device theft",
    "Broadcasting",
    "International Connectivity",
    "Spectrum management",
]


def norm(text: str) -> str:
    """Whitespace-folded text, for comparisons that must ignore layout."""
    return re.sub(r"\s+", " ", text).strip()


def rejoined(page_words: Counter[str], broken: list[tuple[int, tuple[str, ...]]]) -> Counter[str]:
    """A PDF's page words with each word the reader read as one (PdfReading.broken_words: a
    narrow column broke it over lines without a hyphen) made of its pieces again."""
    out = Counter(page_words)
    for _, pieces in broken:
        out -= Counter(pieces)
        out["".join(pieces)] += 1
    return out


@pytest.fixture
def corpus() -> Path:
    return CORPUS


# Corpus files several modules read and only read: each made once in a test process (an xdist
# worker runs many modules), not once per module. The package is imported here only when they
# are first called, after TRACE_CACHE_DIR is set above.

@lru_cache(maxsize=None)
def corpus_reading(name: str) -> PdfReading:
    """read_pdf_detailed of corpus/NAME (a PDF): its blocks, furniture, note marks, broken words."""
    from actionplan_trace.extract.pdf import read_pdf_detailed

    return read_pdf_detailed(CORPUS / name)


@lru_cache(maxsize=None)
def corpus_doc(name: str) -> Document:
    """load of corpus/NAME, its profile detected."""
    from actionplan_trace import load

    return load(CORPUS / name)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `trace` as a user would, in a subprocess, capturing stdout and stderr."""
    return subprocess.run(
        [sys.executable, "-m", "actionplan_trace.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )

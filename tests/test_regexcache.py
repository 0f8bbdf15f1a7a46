"""The compiled-regex cache (regexcache.py): a pattern made from a cached program is the very
pattern re.compile makes, for every pattern the package compiles, and no cache problem changes
a result."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import _sre  # type: ignore[import-not-found]
import pytest

from actionplan_trace import diskcache, regexcache

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# Imports every module of the package and runs the commands that compile patterns on demand
# (profile rules, the reference grammar), so that the cache ends up holding them all.
FILL = """
import importlib, pkgutil, sys
import actionplan_trace
for info in pkgutil.walk_packages(actionplan_trace.__path__, "actionplan_trace."):
    importlib.import_module(info.name)
from actionplan_trace.profiles import available_profiles, get_profile
for name in available_profiles():
    profile = get_profile(name)
    for rule in (*profile.headings, *profile.tables):
        for value in vars(rule).values():
            if hasattr(value, "compile"):
                value.compile()
    for pattern in profile.detect_patterns:
        pattern.compile()
from actionplan_trace.cli import main
sys.argv = ["trace", "refs", *sys.argv[1:], "-f", "json", "-o", sys.argv[1] + ".json"]
main()
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("TRACE_CACHE_DIR", str(directory))
    monkeypatch.setattr(regexcache.PROGRAMS, "entries", None)
    monkeypatch.setattr(regexcache.PROGRAMS, "unsaved", {})
    monkeypatch.setattr(regexcache.PROGRAMS, "used", set())
    return directory


def programs_on_file() -> dict[tuple[str, int], bytes]:
    path = regexcache.PROGRAMS.path()
    assert path is not None and path.is_file()
    value = diskcache.load(path)
    assert isinstance(value, dict)
    return value


def test_every_pattern_the_package_compiles_comes_back_the_same_from_the_cache(cache: Path, tmp_path: Path) -> None:
    text = tmp_path / "plan.txt"
    text.write_text((CORPUS / "text" / "objective2-new.txt").read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([sys.executable, "-c", FILL, str(text), str(CORPUS / "action-plan-ba.docx")],
                   check=True, env={**os.environ, "TRACE_CACHE_DIR": str(cache)})
    programs = programs_on_file()
    assert len(programs) > 60  # the readers, the profiles' rules
    for (pattern, flags), program in programs.items():
        # Pattern equality compares the pattern, the flags and the compiled program itself.
        assert _sre.compile(pattern, *regexcache._unpack(program)) == re.compile(pattern, flags), pattern


def test_a_second_run_compiles_nothing_and_gets_equal_patterns(cache: Path) -> None:
    sources = [(r"^\s*(?P<number>\d+(?:\.\d+)*)\s+(?P<title>.+)$", re.MULTILINE),
               (r"\bRes(?:olution)?\.?\s+(\d+)\b", re.IGNORECASE), ("[•◦▪]", 0)]
    first = [regexcache.regex(p, f) for p, f in sources]
    assert set(regexcache.PROGRAMS.unsaved) == {(p, int(f)) for p, f in sources}
    regexcache.PROGRAMS.save()
    regexcache.PROGRAMS.entries = None
    again = [regexcache.regex(p, f) for p, f in sources]
    assert regexcache.PROGRAMS.unsaved == {}
    assert again == first == [re.compile(p, f) for p, f in sources]
    assert again[0].match("2.1  Title").group("number", "title") == ("2.1", "Title")


def test_a_damaged_cache_file_or_entry_changes_nothing(cache: Path) -> None:
    regexcache.regex(r"(a)(b)?c", 0)
    regexcache.PROGRAMS.save()
    path = regexcache.PROGRAMS.path()
    assert path is not None
    path.write_bytes(b"\x00not marshal")
    regexcache.PROGRAMS.entries = None
    assert regexcache.regex(r"(a)(b)?c", 0) == re.compile(r"(a)(b)?c")
    # An entry _sre.compile refuses (in a file whose digest is right: one trace wrote).
    diskcache.store(path, {(r"(a)(b)?c", 0): regexcache._pack((0, [1, 2, 3], 1, {}, (None,)))})
    regexcache.PROGRAMS.entries = None
    assert regexcache.regex(r"(a)(b)?c", 0).fullmatch("abc").groups() == ("a", "b")
    # One flipped bit in a key hands a pattern's program to another pattern, which _sre.compile
    # accepts (it is a valid program): only the file's digest tells the file is damaged.
    diskcache.store(path, {(r"(a)(b)?c", 0): regexcache._pack(regexcache._compile(r"(a)(b)?c", 0))})
    data = bytearray(path.read_bytes())
    data[data.index(b"(a)(b)?c") + 4] ^= ord("b") ^ ord("x")
    path.write_bytes(bytes(data))
    regexcache.PROGRAMS.entries = None
    assert regexcache.regex(r"(a)(x)?c", 0).fullmatch("abc") is None



def test_a_program_keeps_its_code_words_as_bytes_and_an_older_entry_is_compiled_again(cache: Path) -> None:
    """The code words are kept as one bytes object (unpacked with one memoryview call, not one
    marshal object a word); an entry holding them as a list (the format of regex2 files) is
    compiled again and kept anew."""
    pattern = r"(?P<number>\d+(?:\.\d+)*)\s+(?P<title>\w.*)"
    compiled = regexcache.regex(pattern, re.IGNORECASE)
    kept = regexcache.PROGRAMS.unsaved[(pattern, int(re.IGNORECASE))]
    flags, code, groups, groupindex, indexgroup = marshal.loads(kept)
    assert type(code) is bytes and len(code) == 4 * len(regexcache._compile(pattern, re.IGNORECASE)[1])
    assert (flags, groups, groupindex, indexgroup) == (int(compiled.flags), 2, {"number": 1, "title": 2},
                                                       (None, "number", "title"))
    regexcache.PROGRAMS.save()
    path = regexcache.PROGRAMS.path()
    assert path is not None and path.name.startswith("regex3-") and path.name.endswith(f"-{sys.byteorder}.programs")
    diskcache.store(path, {(pattern, int(re.IGNORECASE)): marshal.dumps(regexcache._compile(pattern, re.IGNORECASE))})
    regexcache.PROGRAMS.forget()
    assert regexcache.regex(pattern, re.IGNORECASE) == compiled == re.compile(pattern, re.IGNORECASE)
    assert regexcache.PROGRAMS.unsaved[(pattern, int(re.IGNORECASE))] == kept

def test_a_bad_pattern_raises_as_re_compile_does(cache: Path) -> None:
    with pytest.raises(re.error, match="missing \\), unterminated subpattern"):
        regexcache.regex(r"(unclosed", 0)


def test_a_file_grown_too_big_keeps_what_the_last_run_used(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(30):
        regexcache.regex(rf"(x{n})+y", 0)
    regexcache.PROGRAMS.save()
    regexcache.PROGRAMS.forget()
    monkeypatch.setattr(regexcache.PROGRAMS, "max_bytes", 1)
    regexcache.regex(r"(x3)+y", 0)
    regexcache.regex(r"new(er)?", 0)
    regexcache.PROGRAMS.save()
    assert set(programs_on_file()) == {(r"(x3)+y", 0), (r"new(er)?", 0)}


def test_the_cache_turned_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACE_CACHE_DIR", "off")
    monkeypatch.setattr(regexcache.PROGRAMS, "entries", None)
    monkeypatch.setattr(regexcache.PROGRAMS, "unsaved", {})
    assert regexcache.regex(r"x+y", re.IGNORECASE) == re.compile(r"x+y", re.IGNORECASE)
    assert regexcache.PROGRAMS.path() is None
    regexcache.PROGRAMS.save()

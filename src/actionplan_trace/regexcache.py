"""Compiled regular expressions kept from one run to the next, for start-up.

CPython compiles a regular expression in pure Python (`re._parser`, `re._compiler`): from 0.05 to
over 1 ms a pattern. A `trace refs` run compiles about 230 of them before it reads a byte, some
20 ms of a command whose whole budget is 200 ms a megabyte. What that work makes is a short
program, a list of integers, which the C engine `_sre` turns into a pattern object in
microseconds. `regex()` keeps those programs in the cache directory (diskcache.py, one file per
interpreter) so that a run compiles only the patterns no earlier run has met, and `save()`
writes the new ones when the process exits (the CLI calls it; an atexit handler does otherwise).

This leans on three undocumented parts of CPython: `re._parser.parse`, `re._compiler._code` and
`_sre.compile`, the steps `re.compile` itself takes. Their form can change between versions, so:
- the cache file is named by the interpreter's version, `_sre.MAGIC` (the engine's own number for
  its program format) and marshal's version, and a file of another interpreter is never read;
- `_sre.compile` checks a program before it accepts it, so a damaged entry raises instead of
  misbehaving, and any failure falls back to `re.compile` (the cache is then off for the process);
- tests/test_regexcache.py compiles every pattern the package uses both ways and compares them.
`TRACE_CACHE_DIR=off` turns this cache off with the rules cache; the results never differ.
"""

from __future__ import annotations

import atexit
import marshal
import re
import sys
from pathlib import Path
from typing import Any

import _sre  # type: ignore[import-not-found]  # the C engine behind re (see above)

from .diskcache import cache_dir, store

# (pattern, flags) -> the arguments of _sre.compile after the pattern.
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

# On file, each program is kept marshalled on its own, so a run unpacks only those it uses: the
# file holds every pattern met so far (profile rules and the heading alternatives structure.py
# builds from them included), a few hundred kilobytes, of which one command uses a part.
_programs: dict[tuple[str, int], bytes] | None = None
_unsaved: dict[tuple[str, int], bytes] = {}
_used: set[tuple[str, int]] = set()
_broken = False
# A file grown past this (many profiles, many edited patterns) keeps only what the last run used.
MAX_FILE = 4_000_000


def regex(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the program an earlier run compiled when there is one."""
    global _broken
    flags = int(flags)
    if _broken:
        return re.compile(pattern, flags)
    programs = _load()
    key = (pattern, flags)
    _used.add(key)
    known = programs.get(key)
    if known is not None:
        try:
            return _sre.compile(pattern, *marshal.loads(known))
        except Exception:  # an entry of another form: compile the pattern again
            pass
    try:
        program = _compile(pattern, flags)
        compiled = _sre.compile(pattern, *program)
    except re.error:
        raise
    except Exception:  # an interpreter whose internals differ: compile as usual from now on
        _broken = True
        return re.compile(pattern, flags)
    programs[key] = _unsaved[key] = marshal.dumps(program)
    if len(_unsaved) == 1 and _file() is not None:
        atexit.register(save)
    return compiled


def _compile(pattern: str, flags: int) -> Program:
    """What re._compiler.compile passes to _sre.compile for `pattern`."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    state = parsed.state
    code = _compiler._code(parsed, flags)
    groupindex = dict(state.groupdict)
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # The opcodes are int subclasses (named constants), which marshal cannot write: plain ints.
    return int(flags | state.flags), [int(op) for op in code], state.groups - 1, groupindex, tuple(indexgroup)


def _file() -> Path | None:
    """The cache file of this interpreter (None when the cache is off)."""
    directory = cache_dir()
    if directory is None:
        return None
    version = "".join(ch if ch.isalnum() else "_" for ch in sys.version.split()[0])
    return directory / f"regex2-{sys.implementation.name}-{version}-{_sre.MAGIC}-{marshal.version}.programs"


def _load() -> dict[tuple[str, int], bytes]:
    global _programs
    if _programs is None:
        _programs = {}
        path = _file()
        if path is not None:
            try:
                loaded: Any = marshal.loads(path.read_bytes())
            except (OSError, EOFError, ValueError, TypeError):
                loaded = None
            if isinstance(loaded, dict):
                _programs = loaded
    return _programs


def save() -> None:
    """Write the programs met so far (those on file included), atomically; failures are ignored."""
    path = _file()
    if path is None or not _unsaved or _programs is None:
        return
    programs = _programs
    try:
        current: Any = marshal.loads(path.read_bytes())
        if isinstance(current, dict):  # another process may have saved meanwhile
            programs = {**current, **_programs}
    except (OSError, EOFError, ValueError, TypeError):
        pass
    if sum(len(program) for program in programs.values()) > MAX_FILE:
        programs = {key: program for key, program in programs.items() if key in _used}
    store(path, programs)
    _unsaved.clear()

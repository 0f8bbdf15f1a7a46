"""Compiled regular expressions kept from one run to the next, for start-up.

CPython compiles a regular expression in pure Python (`re._parser`, `re._compiler`): from 0.05 to
over 1 ms a pattern. A `trace refs` run compiles about 230 of them before it reads a byte, some
20 ms of a command whose whole budget is 200 ms a megabyte. What that work makes is a short
program, a list of integers, which the C engine `_sre` turns into a pattern object in
microseconds. `regex()` keeps those programs in the cache directory (a diskcache.RunCache, one
file per interpreter) so that a run compiles only the patterns no earlier run has met; the new
ones are written when the process exits.

This leans on three undocumented parts of CPython: `re._parser.parse`, `re._compiler._code` and
`_sre.compile`, the steps `re.compile` itself takes. Their form can change between versions, so:
- the cache file is named by the interpreter's version, `_sre.MAGIC` (the engine's own number for
  its program format) and marshal's version, and a file of another interpreter is never read;
- the file is used only when its seal matches its bytes (diskcache.load): `_sre.compile` checks
  a program's form but not that it is the pattern's, and one flipped bit in a kept program (or in
  the key naming its pattern) can still be a valid program that matches otherwise;
- an entry `_sre.compile` refuses is compiled again, and any failure of the steps themselves
  falls back to `re.compile` (the cache is then off for the process);
- tests/test_regexcache.py compiles every pattern the package uses both ways and compares them.
`TRACE_CACHE_DIR=off` turns this cache off with the rules cache; the results never differ.
"""

from __future__ import annotations

import marshal
import re
import sys
from typing import Final

import _sre  # type: ignore[import-not-found]  # the C engine behind re (see above)

from .diskcache import INTERPRETER_TAG, RunCache

# (pattern, flags) -> the arguments of _sre.compile after the pattern.
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

# Each program is kept marshalled on its own, so a run unpacks only those it uses: the file holds
# every pattern met so far (profile rules and the heading alternatives structure.py builds from
# them included), a few hundred kilobytes, of which one command uses a part. A file grown past
# 4 MB (many profiles, many edited patterns) keeps only what the last run used. The code words
# are kept as the engine's own bytes (see _pack), so the file is named by the byte order too.
PROGRAMS = RunCache(f"regex3-{INTERPRETER_TAG}-{_sre.MAGIC}-{marshal.version}-{sys.byteorder}.programs",
                    max_bytes=4_000_000)
# The C type of a code word of `_sre` (SRE_CODE, an unsigned 32-bit integer), as memoryview names it.
_CODE_WORD: Final = "I"
_broken = False


def regex(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the program an earlier run compiled when there is one."""
    global _broken
    flags = int(flags)
    if _broken:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    known = PROGRAMS.get(key)
    if known is not None:
        try:
            return _sre.compile(pattern, *_unpack(known))
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
    try:
        PROGRAMS.put(key, _pack(program))
    except (OverflowError, ValueError):  # a code word the C type cannot hold: not kept
        pass
    return compiled


def _pack(program: Program) -> bytes:
    """`program` as kept in the file: marshalled, its code words as one bytes object of C
    unsigned ints (_CODE_WORD) rather than a list of integers, which marshal reads back one
    object at a time; memoryview makes the list again in one call (a one-line `trace refs`
    unpacks some 330 programs, 54,000 words: 3 M instructions fewer)."""
    from array import array

    flags, code, groups, groupindex, indexgroup = program
    return marshal.dumps((flags, array(_CODE_WORD, code).tobytes(), groups, groupindex, indexgroup))


def _unpack(kept: bytes) -> Program:
    """The program `_pack` kept (a TypeError or ValueError for any other value)."""
    flags, code, groups, groupindex, indexgroup = marshal.loads(kept)
    return flags, memoryview(code).cast(_CODE_WORD).tolist(), groups, groupindex, indexgroup


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

"""The JSON text of a report: two-space indentation, characters as they are (no \\u escapes
beyond control characters), keys in their order, one final newline.

The standard library writes indented JSON with its pure-Python encoder (its C encoder only serves
compact output), which took more time than reading a whole .docx; orjson writes the same text
about ten times faster. Where orjson refuses a value the standard library takes (a lone surrogate
from a non-UTF-8 file name, an integer beyond 64 bits) or would take a type the standard library
refuses (a dataclass, a datetime), the standard library writes the report. The one difference
left is in the form of a value, not the value: orjson writes a float below 10^-4 without an
exponent (0.00001 for 1e-05).
"""

from __future__ import annotations

import json
from typing import Any

import orjson

_OPTIONS = (orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS
            | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME)


class _Unsupported(TypeError):
    """A value orjson would not write as the standard library does."""


def _refuse(value: Any) -> Any:
    raise _Unsupported(type(value).__name__)


def dumps(value: Any) -> str:
    """`value` as indented JSON text ending in a newline, as
    `json.dumps(value, ensure_ascii=False, indent=2) + "\\n"` writes it."""
    try:
        return orjson.dumps(value, option=_OPTIONS, default=_refuse).decode("utf-8") + "\n"
    except (orjson.JSONEncodeError, _Unsupported):
        return json.dumps(value, ensure_ascii=False, indent=2) + "\n"

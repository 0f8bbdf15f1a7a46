"""The YAML files under rules/, read through a small content-addressed cache.

Every command reads several rules files (profiles, the registry, refs.yml, editions, findings).
Parsing them is cheap with libyaml; importing PyYAML is not (about a tenth of a whole `.docx`
extraction run as a process). So each file's parsed value is kept as a marshal file named by a
hash of the file's bytes and the interpreter's version (diskcache.memo): an unchanged rules file is read without
importing yaml, and an edited one is simply a miss. No entry is ever stale, so nothing needs
invalidating; an old entry is a few kilobytes left behind.

The cache never changes a result: an unwritable directory, a corrupt or foreign entry or a value
marshal cannot hold all fall back to parsing the YAML. The directory is diskcache.py's
(`TRACE_CACHE_DIR`; `TRACE_CACHE_DIR=off` turns the cache off).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Collection

from .diskcache import memo
from .errors import ProfileError


def _rules_dir() -> Path:
    """rules/, shipped inside the package as package data (src/actionplan_trace/rules links to the
    repository's rules/). For a package on disk, which every install mode gives (wheel, editable,
    pipx, pip install git+…), that is the directory beside this file, the one
    importlib.resources.files() names; only another kind of loader is asked through
    importlib.resources, whose import (with tempfile, shutil and random) costs every command a
    few ms of start-up."""
    here = Path(__file__).resolve().parent / "rules"
    if here.is_dir():
        return here.resolve()
    from importlib import resources

    return Path(str(resources.files(__package__ or "actionplan_trace") / "rules")).resolve()


RULES_DIR = _rules_dir()

# A rules file's value is what PyYAML makes of its bytes (memo adds the interpreter).
_SALT = b"actionplan-trace rules 1\n"


def read_yaml(path: Path, what: str) -> Any:
    """The parsed value of the YAML file at `path`; `what` names it in the error
    ("cannot read {what}") raised for an unreadable file or invalid YAML."""
    data = read_rules_bytes(path, what)
    return memo("rules", data, _SALT, lambda: _parse(data, path, what))


MAX_RULES_BYTES = 16_000_000
"""The largest rules or registry file read (a user's `--registry` file too): PyYAML makes some
20 bytes of objects of each byte (a registry of 67 MB took 1.4 GB). The shipped ones are a few KB."""


def read_rules_bytes(path: Path, what: str) -> bytes:
    """The bytes of the rules file at `path`, or the ProfileError "cannot read {what}" (no
    regular file, a FIFO or a device, or one over MAX_RULES_BYTES)."""
    from .files import read_small

    try:
        return read_small(path, MAX_RULES_BYTES)
    except OSError as exc:
        raise ProfileError(f"{path}: cannot read {what}: {exc.strerror or exc}") from exc


def _parse(data: bytes, path: Path, what: str) -> Any:
    import yaml

    try:
        return yaml.load(data.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except UnicodeDecodeError as exc:
        raise ProfileError(f"{path}: cannot read {what}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except yaml.YAMLError as exc:
        raise ProfileError(f"{path}: cannot read {what}: {exc}") from exc


def check_keys(data: dict[Any, Any], known: Collection[str], where: str) -> None:
    """Refuse a key of a rules mapping that the reader does not know, naming the nearest known
    one: a misspelt key ("entires:", "heading:") would otherwise be ignored, and what it holds
    silently missing from every result."""
    for key in data:
        if key not in known:
            from difflib import get_close_matches  # only for a misspelt key

            near = get_close_matches(str(key), known, n=1)
            hint = f"; did you mean {near[0]!r}?" if near else f" (known: {', '.join(sorted(known))})"
            raise ProfileError(f"{where}: unknown key {str(key)!r}{hint}")

"""`trace check` settings from `trace.toml` or `[tool.trace]` in pyproject.toml (read with tomllib).

    include = ["plans/**"]            # fnmatch patterns on paths relative to the config's folder
    exclude = ["**/drafts/**"]
    base = "plans/action-plan.docx"   # contributions found are validated against it
    fail-on = "warning"               # error (default) or warning
    baseline = "trace-baseline.json"  # as --baseline, which names another
    registry = ["registry/kigali.yml"]  # registry files added to the built-in one (as refs --registry)
    edition = "WTDC-22"               # editions every document is read in (as refs --edition)
    cache-dir = ".trace-cache"
    jobs = 2
    [rules]                           # [tool.trace.rules] in pyproject.toml
    REF006 = "off"                    # off, or a severity: error, warning, info
    CHK003 = "error"

Without a file the defaults apply (every rule on, severities from rules/, fail on errors). The
file is looked for in the current folder and its parents (`trace check` and `validate` look from
the folder of the first path checked first, app.settings_for); `--config FILE` names one.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from ..digest import sha256
from ..errors import UsageError
from ..files import read_small, status
from ..findings import SEVERITIES, Finding, FindingRule, Severity, is_severity
from ..record import field, record, replace

CONFIG_NAMES = ("trace.toml", "pyproject.toml")
MAX_CONFIG_BYTES = 1_000_000  # a pyproject.toml is a few KB
MAX_REGISTRY_BYTES = 64_000_000  # the built-in registry is some 200 KB
KEYS = {"include", "exclude", "base", "baseline", "fail-on", "cache-dir", "jobs", "rules", "other-files", "not-plans",
        "registry", "edition"}
OTHER_FILES = ("skip", "generic")
NOT_PLANS = ["README*", "CHANGELOG*", "CHANGES*", "LICENSE*", "LICENCE*", "CONTRIBUTING*", "CODE_OF_CONDUCT*",
             "SECURITY*", "AUTHORS*", "NOTICE*", "HISTORY*"]
FAIL_ON = ("error", "warning")


@record
class CheckConfig:
    """What `trace check` runs and how: rule switches and severities, paths, base, cache."""

    root: Path
    path: Path | None = None
    rules: dict[str, str] = field(default_factory=dict)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    base: Path | None = None
    fail_on: str = "error"
    cache_dir: Path | None = None
    jobs: int = 2
    other_files: str = "skip"
    not_plans: list[str] = field(default_factory=lambda: list(NOT_PLANS))
    baseline: Path | None = None
    registry: list[Path] = field(default_factory=list)
    editions: list[str] = field(default_factory=list)

    def enabled(self, code: str) -> bool:
        return self.rules.get(code) != "off"

    def severity(self, code: str, default: Severity) -> Severity:
        value = self.rules.get(code)
        return value if is_severity(value) else default

    def applied(self, findings: list[Finding]) -> list[Finding]:
        """`findings` of the rules this configuration leaves on, at its severities (a finding's
        own severity is its rule's default)."""
        return [replace(f, severity=self.severity(f.code, f.severity)) for f in findings if self.enabled(f.code)]

    def table(self, base: dict[str, FindingRule]) -> dict[str, FindingRule]:
        """`base` with this configuration's severities applied."""
        return {code: FindingRule(code, rule.title, self.severity(code, rule.severity), rule.help)
                for code, rule in base.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path) if self.path else None,
            "root": str(self.root),
            "rules": dict(sorted(self.rules.items())),
            "include": list(self.include),
            "exclude": list(self.exclude),
            "base": str(self.base) if self.base else None,
            "fail_on": self.fail_on,
            "other_files": self.other_files,
            "not_plans": list(self.not_plans),
        }

    def digest(self) -> str:
        """A hash of everything in the configuration that changes findings (for the cache key)."""
        data = {"rules": sorted(self.rules.items()), "base": str(self.base) if self.base else None,
                "other_files": self.other_files, "editions": self.editions,
                "registry": [[str(f), _file_hash(f)] for f in self.registry]}
        return sha256(json.dumps(data).encode("utf-8")).hexdigest()


def _file_hash(path: Path) -> str | None:
    """A registry file's sha256 for the cache key (its entries change findings), None when it
    cannot be read (the run then says so)."""
    try:
        return sha256(read_small(path, MAX_REGISTRY_BYTES)).hexdigest()
    except OSError:
        return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(read_small(path, MAX_CONFIG_BYTES).decode("utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read configuration: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML: not UTF-8") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from exc


def _section(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        return tool.get("trace") if isinstance(tool, dict) else None
    return data


def find_config(start: Path) -> Path | None:
    """The nearest trace.toml, or pyproject.toml with a [tool.trace] table, from `start` upwards."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and _section(candidate, _read_toml(candidate)) is not None:
                return candidate
    return None


def _strings(value: Any, key: str, path: Path) -> list[str]:
    """A setting that takes a string or a list of strings (`registry`, `edition`)."""
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{path}: '{key}' must be a string or a list of strings")
    return list(value)


def _patterns(value: Any, key: str, path: Path) -> list[str]:
    """A list of fnmatch patterns (`include`, `exclude`, `not-plans`). A string is refused, not
    taken as one pattern: `include = "plans/*, roadmaps/*"` would then match nothing, and the run
    would check nothing and pass."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        written = ", not a string" if isinstance(value, str) else ""
        raise UsageError(f"{path}: '{key}' must be a list of patterns ({key} = [\"…\", \"…\"]){written}")
    return list(value)


def parse_config(data: dict[str, Any], path: Path | None, root: Path, codes: set[str]) -> CheckConfig:
    """A CheckConfig from the table read from `path`; unknown keys, codes and values are errors."""
    where = str(path) if path else "configuration"
    unknown = set(data) - KEYS
    if unknown:
        raise UsageError(f"{where}: unknown setting(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(KEYS))})")
    rules: dict[str, str] = {}
    raw_rules = data.get("rules", {})
    if not isinstance(raw_rules, dict):
        raise UsageError(f"{where}: 'rules' must be a table of CODE = \"off\" | severity")
    for code, value in raw_rules.items():
        if code not in codes:
            from ..refs.findings import CROSS_DOCUMENT_CODES

            if code in CROSS_DOCUMENT_CODES:
                raise UsageError(f"{where}: {code} compares documents: {CROSS_DOCUMENT_CODES[code]}, "
                                 "check and validate do not, so [rules] cannot set it")
            raise UsageError(f"{where}: unknown finding code {code}")
        if value not in (*SEVERITIES, "off"):
            raise UsageError(f"{where}: {code} must be \"off\" or one of {', '.join(SEVERITIES)}, not {value!r}")
        rules[code] = value
    fail_on = data.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        raise UsageError(f"{where}: 'fail-on' must be one of {', '.join(FAIL_ON)}")
    jobs = data.get("jobs", 2)
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise UsageError(f"{where}: 'jobs' must be a positive integer")
    base, baseline = _path_setting(data, "base", where), _path_setting(data, "baseline", where)
    other_files = data.get("other-files", "skip")
    if other_files not in OTHER_FILES:
        raise UsageError(f"{where}: 'other-files' must be one of {', '.join(OTHER_FILES)}")
    cache = data.get("cache-dir", ".trace-cache")
    if not isinstance(cache, str):
        raise UsageError(f"{where}: 'cache-dir' must be a path")
    return CheckConfig(
        root=root,
        path=path,
        rules=rules,
        include=_patterns(data.get("include", []), "include", path or root),
        exclude=_patterns(data.get("exclude", []), "exclude", path or root),
        base=(root / base) if base else None,
        fail_on=fail_on,
        cache_dir=root / cache,
        jobs=jobs,
        other_files=other_files,
        not_plans=_patterns(data.get("not-plans", NOT_PLANS), "not-plans", path or root),
        baseline=(root / baseline) if baseline else None,
        registry=[root / f for f in _strings(data.get("registry", []), "registry", path or root)],
        editions=_editions(data.get("edition", []), where),
    )


def _path_setting(data: dict[str, Any], key: str, where: str) -> str | None:
    """A setting that names a file (`base`, `baseline`), None when not given; a UsageError when
    it is no string."""
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise UsageError(f"{where}: '{key}' must be a path")
    return value


def _editions(value: Any, where: str) -> list[str]:
    """The editions `edition` names (a code or a list of codes of rules/editions.yml), checked as
    `--edition` is: an unknown code, or two of one series, is a UsageError."""
    from ..editions import check_override
    from ..errors import ProfileError

    codes = _strings(value, "edition", Path(where))
    try:
        check_override(codes)
    except ProfileError as exc:
        raise UsageError(f"{where}: 'edition': {exc}") from None
    return codes


def load_config(explicit: Path | None, codes: set[str], start: Path | None = None) -> CheckConfig:
    """The configuration in `explicit`, else the nearest one above `start` (default: the current
    folder), else the defaults rooted at the repository holding `start` (`repository_root`), or
    at `start` outside one: a baseline recorded at the top of a repository then still matches
    when the same files are checked from a folder inside it."""
    start = (start or Path.cwd()).resolve()
    path = explicit if explicit is not None else find_config(start)
    if path is None:
        return parse_config({}, None, repository_root(start) or start, codes)
    try:
        found = status(path)
    except OSError as exc:
        raise UsageError(f"{path}: cannot look up the configuration file: {exc.strerror or exc}") from exc
    if found is None:
        raise UsageError(f"{path}: no such configuration file")
    data = _read_toml(path)
    table = _section(path, data)
    if table is None:
        raise UsageError(f"{path}: no [tool.trace] table")
    return parse_config(table, path, path.resolve().parent, codes)


def repository_root(start: Path) -> Path | None:
    """The nearest folder from `start` up that holds `.git` (a folder, or a file in a worktree)."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None

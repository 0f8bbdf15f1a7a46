"""`trace check`: walk files and folders, run every enabled rule on each document, in parallel.

Rules: the normaliser's reference findings (REF…), the structure findings (CHK…), and, when a
base document is configured, the contribution findings (VAL…) for every file read with the
`contribution` profile. Files are checked in worker processes (two by default) with a Rich
progress bar when stderr is a terminal; results are cached by file hash, so an unchanged file is
not parsed again. A baseline marks the findings it records as "unchanged"; only new findings at
or above the failing severity make the run fail.
"""

from __future__ import annotations

import fnmatch
from contextlib import suppress
import json
import os
import re
import sys
import stat
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from .. import schemas
from ..errors import InputError, InputWarning, TraceError, UsageError
from ..extract import UNSUPPORTED
from ..extract.decoding import sniffed_encoding
from ..model import Document
from ..findings import FindingRule
from ..limits import current as current_limits
from ..files import kernel_file, open_nonblocking, status
from ..findings import Finding, finding_order
from ..record import brief_repr, field, record
from .baseline import baseline_data, baseline_states, kept_entries, read_baseline
from .cache import MAX_ENTRIES, Cache, file_digest, read_key, rules_digest
from .config import CheckConfig
from .proposals import created_outputs_known, parse_contribution
from .findings import at_least, counts, finding_from_dict, finding_table, fingerprint, make

if TYPE_CHECKING:
    from ..refs.registry import Registry

CHECK_SCHEMA = schemas.CHECK
SUFFIXES = {".docx", ".docm", ".pdf", ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}


@record
class Skipped:
    """A file under a checked folder that was not checked, and why."""

    path: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


@record
class Collected:
    """The files to check (with the profile forced on some), and the files skipped."""

    files: list[Path]
    generic: set[Path] = field(default_factory=set)
    skipped: list[Skipped] = field(default_factory=list)


@record
class FileResult:
    """One checked file: its path as shown, hash, profile, whether it came from the cache, and
    the repairs it was read with (`Source.warnings`: undecodable bytes replaced)."""

    path: str
    sha256: str | None
    profile: str | None
    cached: bool
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "sha256": self.sha256, "profile": self.profile, "cached": self.cached,
                               "findings": len(self.findings)}
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out


@record
class CheckReport:
    """Everything `trace check` found, with each finding's baseline state ("new" or "unchanged")."""

    __repr__ = brief_repr

    config: CheckConfig
    files: list[FileResult]
    findings: list[Finding]
    states: list[str]
    table: dict[str, FindingRule]
    fail_on: str
    baseline: str | None = None
    inputs: list[Path] = field(default_factory=list)
    record: dict[str, Any] | None = None
    skipped: list[Skipped] = field(default_factory=list)
    accepted: list[Finding] = field(default_factory=list)
    """With --update-baseline: the findings the baseline did not have before (all, for a new one)."""
    baseline_file: Path | None = None
    """The baseline as given (read, and written with --update-baseline); `baseline` is its name
    relative to the repository, as files are shown, however it was named (trace.toml, --baseline)."""

    @property
    def new(self) -> list[Finding]:
        return [f for f, state in zip(self.findings, self.states) if state == "new"]

    @property
    def failing(self) -> list[Finding]:
        return [f for f in self.new if at_least(f.severity, self.fail_on)]

    @property
    def failed(self) -> bool:
        return bool(self.failing)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": CHECK_SCHEMA,
            "config": self.config.to_dict(),
            "baseline": self.baseline,
            "fail_on": self.fail_on,
            "files": [f.to_dict() for f in self.files],
            "skipped": [s.to_dict() for s in self.skipped],
            "findings": [
                {**f.to_dict(), "fingerprint": fingerprint(f), "baseline": state}
                for f, state in zip(self.findings, self.states)
            ],
            "summary": {
                "files": len(self.files),
                "skipped": len(self.skipped),
                "cached": sum(1 for f in self.files if f.cached),
                **counts(self.new),
                "baselined": len(self.findings) - len(self.new),
                "failed": self.failed,
            },
        }


def _matches(rel: str, patterns: list[str]) -> bool:
    """Whether `rel` matches one of `patterns` (fnmatch's), or lies in a folder one names: both
    in the platform's case (os.path.normcase, as fnmatch.fnmatch takes them), so that on Windows
    "Drafts/*.DOCX" matches drafts/x.docx, and `/` and `\\` are one."""
    found = _patterns(tuple(patterns), os.path.normcase)
    return found is not None and found.match(os.path.normcase(rel)) is not None


@lru_cache(maxsize=8)
def _patterns(patterns: tuple[str, ...], normcase: Callable[[str], str]) -> re.Pattern[str] | None:
    """`patterns`, each also as a folder (`p/*`), in the platform's case (`normcase`), as one
    compiled regex (fnmatch.translate): a configuration of 60,000 patterns, each matched by
    fnmatch for each file, outran its cache of compiled patterns and compiled them all again for
    every file (over 90 s for 100 files)."""
    if not patterns:
        return None
    return re.compile("|".join(f"{fnmatch.translate(normcase(p))}|{fnmatch.translate(normcase(p.rstrip('/') + '/*'))}"
                               for p in patterns))


def _left_out(names: tuple[str, ...], config: CheckConfig) -> bool:
    """Whether the configuration's `include` takes the file by none of its `names` (the path it is
    reached by, and the one its links resolve to) or `exclude` takes it by one: a folder linked
    into the tree is neither let out of `include` nor let into `exclude`'s reach by its link."""
    if config.include and not any(_matches(rel, config.include) for rel in names):
        return True
    return any(_matches(rel, config.exclude) for rel in names)


def _names(shown: str, resolved: Path | None, root: Path) -> tuple[str, ...]:
    """The names include and exclude take a file by: `shown`, its display path, and the path its
    links resolve to (`resolved`) relative to `root`, when that is under it and another."""
    if resolved is not None:
        with suppress(ValueError):
            real = resolved.relative_to(root).as_posix()
            if real != shown:
                return shown, real
    return (shown,)


def display_path(path: Path, root: Path) -> str:
    """`path` relative to `root` in POSIX form when it is under it, else as given. A symbolic link
    keeps its own name (a folder's `plan.txt` linked to `../big100.txt` is `plan.txt`, the name
    the user sees there); only where its absolute path is not under `root` (a checkout reached
    through a linked folder) is it resolved."""
    for candidate in (Path(os.path.abspath(path)), _resolved(path)):
        if candidate is None:
            continue
        with suppress(ValueError):
            return candidate.relative_to(root).as_posix()
    return path.as_posix()


def _resolved(path: Path) -> Path | None:
    """`path` with its links resolved, or None for a link loop or a path that cannot be resolved."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def collect_files(paths: Iterable[Path], config: CheckConfig) -> list[Path]:
    """The documents to check (see `collect`)."""
    return collect(paths, config).files


# How a diff report trace writes opens: text, Markdown (after a BOM, if any), HTML's generator tag.
_REPORT_OPENINGS = (b"trace diff: ", b"## trace diff: ")
_GENERATOR = b'<meta name="generator" content="actionplan-trace"'
# How the text reports of `trace check` and `trace validate` open (render/findings_text.py,
# render/github.py): a finding line ("plans/a.txt:11 warning REF001 …", "a.docx error CHK004 …"),
# a GitHub annotation, a skipped file, check's tally alone, or validate's "contribution:" line.
# A path as a report writes it, before its suffix: no quotes, no ": " (a sentence that quotes a
# finding line is no report: 'Note: the checker's "plans/a.txt:3 warning REF001 …"').
_PATH = rb"(?:(?!: )[^\n\"'\xe2])*?"
_FINDINGS_REPORT = re.compile(
    rb"(?:" + _PATH + rb"\.(?:docx|pdf|txt|md|html?)(?::\d+| \((?:paragraph|page) \d+\))? (?:error|warning|info) [A-Z]{3}\d{3} "
    rb"|::(?:error|warning|notice) file=|" + _PATH + rb"\.(?:docx|pdf|txt|md|html?|doc|odt|rtf): skipped, "
    rb"|\d+ files? checked \(\d+ from cache\): |contribution: [^\n]* \(profile [\w-]+, )")
# How its JSON, SARIF and JUnit reports open, saved under a text name: the schema, trace's SARIF
# driver (its $schema line first, the driver's name within the first lines), JUnit's suite name.
_MACHINE_REPORT = re.compile(
    rb"\s*(?:\{\s*\"schema\":\s*\"actionplan-trace/|\{\s*\"\$schema\":\s*\"[^\"]*sarif[^\"]*\"[^{}]*\"runs\"[\s\S]{0,200}"
    rb"\"name\":\s*\"actionplan-trace\"|<\?xml[^>]*>\s*<testsuites name=\"actionplan-trace\")")


def _trace_report(path: Path, suffix: str) -> str | None:
    """The command whose report a text, Markdown or HTML file found under a folder is ("trace
    diff", "trace check or validate"), None for any other file: a report kept beside the plans
    (`trace diff -o changes.md`, `trace check . -o findings.txt` from an earlier run), read as a
    plan, would raise findings of its own on the text it quotes. Only a regular file's first 2 KB
    are read, opened without blocking (a FIFO would block, and so would some /proc files:
    files.kernel_file)."""
    if suffix not in (".txt", ".md", ".html", ".htm"):
        return None
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or kernel_file(path, info):
            return None
        with open_nonblocking(path) as handle:
            head = handle.read(2048) if stat.S_ISREG(os.fstat(handle.fileno()).st_mode) else None
    except OSError:
        return None
    if head is None:
        return None
    if suffix in (".html", ".htm"):
        return "trace diff" if _GENERATOR in head else None
    head = _utf8_head(head)
    if head.startswith(_REPORT_OPENINGS):
        return "trace diff"
    if _FINDINGS_REPORT.match(head) or _MACHINE_REPORT.match(head):
        return "trace check or validate"
    return None


def _utf8_head(head: bytes) -> bytes:
    """The first bytes of a file as UTF-8, in whatever Unicode form the text reader would read it
    (extract.decoding.sniffed_encoding): a report PowerShell redirected (`trace check . >
    findings.txt`) is UTF-16. A piece of a character the 2 KB cut off is dropped."""
    found = sniffed_encoding(head)
    if found is None:
        return head
    encoding, skip = found
    return head[skip:].decode(encoding, errors="ignore").encode("utf-8")


def collect(paths: Iterable[Path], config: CheckConfig, *, written: Iterable[Path] = (),
            force_exclude: bool = False) -> Collected:
    """The documents to check: files named outright (always, unless `force_exclude`: then the
    configuration's include and exclude apply to them too, as a pre-commit hook that names each
    staged file needs), and the supported files under each folder (hidden folders, the cache and
    Word lock files and trace's own diff reports skipped) that `include` allows and `exclude` does not. Files the run writes
    (`written`: its -o report) are never taken from a folder: a report in .txt is no plan, and
    the next run would refuse to overwrite its own input. Under a folder, files named like
    `not-plans` (README.md, CHANGELOG.md) are skipped, or checked with the generic profile when
    `other-files = "generic"`. Document formats trace cannot read (.doc, .rtf, .odt) are checked
    as when named: a CHK004 each, which fails the run as a document CI cannot vouch for, unless
    `exclude` leaves them out (a .docx saved under a .doc name is read)."""
    out: list[Path] = []
    generic: set[Path] = set()
    skipped: list[Skipped] = []
    cache = config.cache_dir.resolve() if config.cache_dir else None
    outputs = {path.resolve() for path in written}
    for given in paths:
        try:
            found = status(given)
        except OSError as exc:
            raise InputError(str(given), f"cannot look it up: {exc.strerror or exc}") from exc
        if found is None:
            raise InputError(str(given), "no such file or folder")
        if stat.S_ISREG(found.st_mode):
            by = _names(display_path(given, config.root), _resolved(given), config.root)
            if not (force_exclude and _left_out(by, config)):
                out.append(given)
            continue
        for folder, dirs, names in os.walk(given):
            here = Path(folder)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and _resolved(here / d) != cache)
            for name in sorted(names):
                path = here / name
                suffix = path.suffix.lower()
                if (suffix not in SUFFIXES and suffix not in UNSUPPORTED) or name.startswith(("~$", ".")):
                    continue
                rel, resolved = display_path(path, config.root), _resolved(path)
                if _left_out(_names(rel, resolved, config.root), config) or resolved in outputs:
                    continue
                if suffix not in UNSUPPORTED and (command := _trace_report(path, suffix)) is not None:
                    skipped.append(Skipped(rel, f"a report trace wrote ({command})"))
                    continue
                if suffix not in UNSUPPORTED and any(fnmatch.fnmatch(name, p) for p in config.not_plans):
                    if config.other_files == "skip":
                        skipped.append(Skipped(rel, "not a planning document (other-files = \"skip\")"))
                        continue
                    generic.add(path)
                out.append(path)
    seen: set[Path] = set()
    unique = []
    for path in out:
        key = _resolved(path) or path
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return Collected(unique, generic, skipped)


@lru_cache(maxsize=4)
def _base_document(path: str, sha256: str) -> Document:
    """The base document, read once per worker process (the hash keeps a changed file apart)."""
    from ..loader import load

    return load(path)


def check_file(path: str, enabled: tuple[str, ...], base: str | None, base_sha: str | None,
               profile: str | None = None, registry: tuple[str, ...] = (), editions: tuple[str, ...] = ()) -> dict[str, Any]:
    """Check one document (runs in a worker process): its profile, findings and the repairs it
    was read with, as JSON-ready data; `registry`, the registry files the configuration adds,
    and `editions`, those it names (as `trace refs --registry`, `--edition`). The repairs are
    not warned of here: run_check warns of each file's, cached or not, under the path it shows."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        return _check_file(path, enabled, base, base_sha, profile, registry, editions)


def _check_file(path: str, enabled: tuple[str, ...], base: str | None, base_sha: str | None,
                profile: str | None, registry_files: tuple[str, ...], edition_codes: tuple[str, ...]) -> dict[str, Any]:
    from ..editions import check_override
    from ..loader import load
    from ..refs.registry import load_registry

    table = finding_table()
    registry = load_registry(registry_files)
    editions = check_override(edition_codes) or None
    on = set(enabled)
    try:
        doc = load(path, profile=profile)
    except TraceError as exc:
        problem = exc.problem if isinstance(exc, InputError) else str(exc)
        found = [make("CHK004", problem, source=path, table=table)] if "CHK004" in on else []
        return {"profile": None, "findings": [f.to_dict() for f in found]}
    against = bool(base and base_sha and any(c.startswith("VAL") for c in on)
                   and Path(path).resolve() != Path(str(base)).resolve())
    if against and profile is None and doc.source.profile == "generic":
        doc = _read_as_contribution(path, doc)
    judged = against and doc.source.profile == "contribution"
    findings = _judged_findings(doc, path, _base_document(str(base), str(base_sha)), table, on, registry) if judged \
        else _own_findings(doc, table, on, registry, editions)
    out: dict[str, Any] = {"profile": doc.source.profile, "findings": [f.to_dict() for f in findings]}
    if doc.source.warnings:
        out["warnings"] = list(doc.source.warnings)
    return out


def _read_as_contribution(path: str, doc: Document) -> Document:
    """`path` read with the contribution profile when that reading finds proposals in it (a table
    of changes under a heading detection does not know), else `doc`: with a base, `check` judges
    what `validate` reads as a contribution, so the two give one verdict."""
    from ..loader import load

    found = load(path, profile="contribution")
    return found if parse_contribution(found)[0] else doc


def _own_findings(doc: Document, table: dict[str, FindingRule], on: set[str], registry: Registry,
                  editions: dict[str, str] | None) -> list[Finding]:
    """A document's own findings: its references' (REF), and its structure's (CHK), those only a
    whole plan can meet left out for a contribution."""
    from .contribution import reference_api
    from .structural import WHOLE_PLAN_CODES, structure_findings

    findings: list[Finding] = []
    document_refs = reference_api()
    refs = None
    if document_refs is not None and any(c.startswith("REF") or c == "CHK002" for c in on):
        refs = document_refs(doc, registry, findings_table=table, editions=editions)
        findings += [f for f in created_outputs_known(doc, refs.findings) if f.code in on]
    return findings + structure_findings(doc, table, on - WHOLE_PLAN_CODES if doc.source.profile == "contribution" else on,
                                         refs)


def _judged_findings(doc: Document, path: str, base: Document, table: dict[str, FindingRule], on: set[str],
                     registry: Registry) -> list[Finding]:
    """A contribution judged against the base: the findings `trace validate` gives (its VAL
    rules, and the reference findings the base does not have, in the amended text, the cover part
    and the text the proposals put into the plan), and a paragraph repeated in its cover part
    (CHK003; VAL007 judges the amended text's against the base). So `check` and `validate` give
    one verdict, and a contribution quoting the base does not bring the base's own findings."""
    from ..loader import load
    from .contribution import cover_part, validate_documents
    from .structural import structure_findings

    original = load(path, profile="contribution", view="original") if doc.revisions else doc
    report = validate_documents(doc, original, base, table, registry)
    findings = [f for f in report.findings if f.code in on]
    findings += structure_findings(cover_part(doc), table, on & {"CHK003"})
    return sorted(findings, key=finding_order)


def _size(path: Path) -> int:
    """`path`'s size in bytes, 0 when it cannot be looked up (it is read, and fails, later)."""
    try:
        found = status(path)
    except OSError:
        return 0
    return found.st_size if found else 0


def usable_cpus() -> int:
    """The CPUs this process may run on: its affinity where the system has one (a CI container
    pinned to 2 of a host's 64 CPUs, `taskset`), else the machine's count, as pylint and Python
    3.13's os.process_cpu_count take it."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _run(todo: list[Path], args: Callable[[Path], tuple[Any, ...]], jobs: int,
         progress: bool) -> dict[Path, dict[str, Any]]:
    """`check_file(*args(path))` for every path: in a process pool when there are several files
    and several jobs (largest files first, for balance), inline otherwise; with a Rich progress
    bar on stderr when asked. No more processes than this process has CPUs (`usable_cpus`): a
    `jobs` of 100,000 over 2,000 files started 2,000 of them, some 7 GB. The cut is silent: one
    trace.toml serves a laptop and a large CI runner, and a note on each of the laptop's runs
    would be noise in every pre-commit hook."""
    results: dict[Path, dict[str, Any]] = {}
    bar = None
    if progress and todo:
        from rich.console import Console
        from rich.markup import escape
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from ..render.escapes import printable

        bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                       TextColumn("{task.description}"), console=Console(stderr=True), transient=True)
        bar.start()
        task = bar.add_task("", total=len(todo))

    def done(path: Path, data: dict[str, Any]) -> None:
        results[path] = data
        if bar is not None:
            bar.update(task, advance=1, description=escape(printable(path.name)))

    try:
        workers = min(jobs, len(todo), usable_cpus())
        if workers > 1:
            largest_first = sorted(todo, key=_size, reverse=True)
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = {pool.submit(check_file, *args(path)): path for path in largest_first}
                for future in as_completed(futures):
                    done(futures[future], future.result())
        else:
            for path in todo:
                done(path, check_file(*args(path)))
    finally:
        if bar is not None:
            bar.stop()
    return results


def run_check(
    paths: Iterable[Path],
    config: CheckConfig,
    *,
    use_cache: bool = True,
    baseline: Path | None = None,
    update_baseline: bool = False,
    fail_on: str | None = None,
    progress: bool | None = None,
    written: Iterable[Path] = (),
    force_exclude: bool = False,
) -> CheckReport:
    """Check every document under `paths` (`collect`: `written`, the files the run writes, and
    `force_exclude`); write or apply a baseline; see CheckReport."""
    paths = list(paths)
    if config.registry:  # a missing or broken registry file is one error before any file is read
        from ..refs.registry import load_registry

        load_registry(config.registry)
    table = finding_table()
    enabled = tuple(sorted(code for code in table if config.enabled(code)))
    base = str(config.base) if config.base else None
    base_sha = None
    if config.base is not None:
        if not config.base.is_file():
            raise InputError(str(config.base), "base document configured in "
                             f"{config.path or 'the configuration'} does not exist")
        base_sha = file_digest(config.base)
    if baseline is not None:
        _check_baseline_path(baseline, update_baseline)
    collected = collect(paths, config, written=[*written, *([baseline] if baseline is not None else [])],
                        force_exclude=force_exclude)
    files = collected.files
    # the input limits in force decide what is refused (CHK004) and what is read: part of the key
    cache = Cache(config.cache_dir if use_cache else None, rules_digest(f"{config.digest()}:{base_sha}:{current_limits()!r}"))
    results: dict[Path, dict[str, Any]] = {}
    shas: dict[Path, str | None] = {}
    todo: list[Path] = []
    def forced(path: Path) -> str | None:
        return "generic" if path in collected.generic else None

    for path in files:
        try:
            shas[path] = file_digest(path)
        except OSError:
            shas[path] = None
        sha = shas[path]
        hit = cache.get(sha, read_key(path, forced(path))) if sha else None
        if hit is not None:
            results[path] = {**hit, "cached": True}
        else:
            todo.append(path)
    registry_files, editions = tuple(str(f) for f in config.registry), tuple(config.editions)
    fresh = _run(todo, lambda p: (str(p), enabled, base, base_sha, forced(p), registry_files, editions), config.jobs,
                 sys.stderr.isatty() if progress is None else progress)
    for path, data in fresh.items():
        sha = shas[path]
        if sha:
            cache.put(sha, data, read_key(path, forced(path)))
        results[path] = {**data, "cached": False}
    if fresh:
        cache.prune(max(MAX_ENTRIES, 2 * len(files)))
    severities = config.table(table)
    file_results: list[FileResult] = []
    all_findings: list[Finding] = []
    for path in files:
        data = results[path]
        shown = display_path(path, config.root)
        found = []
        for raw in data.get("findings", []):
            f = finding_from_dict(raw)
            if not config.enabled(f.code):
                continue
            f.source = shown
            if f.code in severities:
                f.severity = severities[f.code].severity
            found.append(f)
        repairs = [str(note) for note in data.get("warnings") or ()]
        for note in repairs:  # a worker's (or an earlier run's) warning, shown by the CLI as this run's
            warnings.warn(InputWarning(shown, note), stacklevel=2)
        file_results.append(FileResult(shown, shas[path], data.get("profile"), bool(data.get("cached")), found, repairs))
        all_findings += found
    all_findings.sort(key=finding_order)
    states = ["new"] * len(all_findings)
    baseline_name = display_path(baseline, config.root) if baseline is not None else None
    record = None
    accepted: list[Finding] = []
    if baseline is not None:
        if update_baseline:
            record = baseline_data(all_findings, kept_entries(baseline, _covered(paths, config.root, file_results)))
            accepted = [f for f, state in zip(all_findings, _states_before(all_findings, baseline)) if state == "new"]
            states = ["unchanged"] * len(all_findings)
        else:
            states = baseline_states(all_findings, read_baseline(baseline))
    elif update_baseline:
        raise UsageError("--update-baseline needs --baseline FILE, or a baseline in the configuration")
    inputs = [*files, *([config.base] if config.base else []), *([config.path] if config.path else [])]
    return CheckReport(config, file_results, all_findings, states, severities, fail_on or config.fail_on,
                       baseline_name, inputs, record, collected.skipped, accepted, baseline)


def _covered(paths: list[Path], root: Path, files: list[FileResult]) -> Callable[[str], bool]:
    """Whether a file's shown path is one this run checked, or lies under a path it was given."""
    checked = {f.path for f in files}
    scopes = [display_path(p, root).rstrip("/") for p in paths]
    if "." in scopes or "" in scopes:
        return lambda shown: True
    return lambda shown: shown in checked or any(shown == s or shown.startswith(s + "/") for s in scopes)


def _states_before(findings: list[Finding], baseline: Path) -> list[str]:
    """Each finding's state against the baseline about to be rewritten: all "new" when there is
    none, or none readable (rewriting a damaged baseline is how it is mended)."""
    try:
        return baseline_states(findings, read_baseline(baseline)) if baseline.exists() else ["new"] * len(findings)
    except UsageError:
        return ["new"] * len(findings)


def _check_baseline_path(baseline: Path, update: bool) -> None:
    """A UsageError, before anything is checked or written, for a baseline that is not there
    (a mistyped path would otherwise record every finding, new errors included, and pass: a
    baseline is made on purpose, with --update-baseline) or, when it is to be written, for a
    folder that is not there (the report would be out before the baseline failed)."""
    try:
        found = status(baseline)
    except OSError as exc:
        raise UsageError(f"{baseline}: cannot look up the baseline: {exc.strerror or exc}") from exc
    if not update:
        if found is None:
            raise UsageError(f"{baseline}: no such baseline file; record one with --update-baseline")
        return
    folder = baseline.resolve().parent
    if not folder.is_dir():
        raise UsageError(f"{baseline}: cannot write the baseline: no such folder {baseline.parent}")
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise UsageError(f"{baseline}: cannot write the baseline: it is not a regular file")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"{baseline}: cannot write the baseline: the folder {baseline.parent} is not writable")


def save_baseline(report: CheckReport) -> bool:
    """Write the baseline the run recorded (call it only once the report itself was written, so
    a failed run writes nothing); False when there was nothing to record."""
    if report.record is None or report.baseline_file is None:
        return False
    from ..output import write_atomic

    write_atomic(json.dumps(report.record, ensure_ascii=False, indent=2) + "\n", report.baseline_file, report.inputs)
    return True

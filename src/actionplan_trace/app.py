"""The application layer: each command of `trace` as one library call, and the choice of renderer.

    doc = app.load("plan.docx")                                   # Document
    result = app.compare("old.docx", "new.docx")                  # DiffResult
    text = app.render("diff", "md", result, RenderOptions(all_changes=True))
    code = app.run_diff("old.docx", "new.docx", fmt="json", out="d.json")

The CLI parses arguments and prints; the layers below (extract → structure → refs → diff /
validate) know nothing of commands, formats or terminals. Errors are the project's exceptions.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .files import PathArg, as_path
from .output import write_atomic, write_stream
from .render.registry import Command, Format, RenderOptions, check_result, formats, get

if TYPE_CHECKING:
    from datetime import datetime

    from rich.console import Console

    from .diff.changes import DiffResult
    from .findings import Finding
    from .model import Document, View
    from .profiles import Profile
    from .refs.graph import Graph
    from .refs.matrix import MatrixTable
    from .refs.registry import Registry
    from .refs.types import RefReport
    from .validate.check import CheckReport
    from .validate.config import CheckConfig
    from .validate.contribution import ValidationReport

__all__ = [
    "RenderOptions", "canonical_id", "chain", "check", "check_matrix", "compare", "extract",
    "formats", "graph", "load", "matrix", "print_to", "references", "render", "run_diff",
    "save_baseline", "validate", "who_cites", "write",
]


def load(path: PathArg, profile: str | Profile | None = None, view: View = "accepted") -> Document:
    """The structured Document of the file at `path` (loader.load; imported here on first use, so
    that `trace --version` or `--help` never loads the pipeline)."""
    from .loader import load as load_document

    return load_document(path, profile=profile, view=view)


def extract(path: PathArg, profile: str | Profile | None = None, view: View = "accepted") -> Document:
    """`trace extract`: the document's section tree."""
    return load(path, profile=profile, view=view)


def compare(
    old_path: PathArg,
    new_path: PathArg | None = None,
    *,
    profile: str | Profile | None = None,
    with_refs: bool = True,
    ignore: frozenset[str] | None = None,
) -> DiffResult:
    """`trace diff`: two files, or one .docx's original view against its accepted view when
    `new_path` is None; references gained and lost are reported unless `with_refs` is False;
    `ignore` names the kinds of difference hidden (default: diff.ignore.DEFAULT_IGNORE)."""
    from .diff import compare as diff_files
    from .diff import reference_locator
    from .diff.ignore import DEFAULT_IGNORE

    return diff_files(as_path(old_path), _optional_path(new_path), profile=profile, locate=reference_locator() if with_refs else None,
                      ignore=DEFAULT_IGNORE if ignore is None else ignore)


Paths = PathArg | Iterable[PathArg]
"""One file or folder, or several: a str, bytes or path alone is one (not a sequence of characters)."""


def _paths(given: Paths) -> list[Path]:
    """`given` as a list of paths (see Paths; any os.PathLike is one path too), each through
    files.as_path; a UsageError for anything that is no path nor list of paths."""
    if isinstance(given, (str, bytes, os.PathLike)):
        given = [given]
    elif not isinstance(given, Iterable):
        raise UsageError(f"{given!r} is no path nor list of paths")
    return [as_path(item) for item in given]


def _files(given: Paths) -> list[Path]:
    """`_paths`, at least one: a command over files (or folders) needs one."""
    if not (paths := _paths(given)):
        raise UsageError("no files given")
    return paths


def _documents(given: Paths, output: PathArg | None = None) -> list[Path]:
    """`_files(given)`, each folder among them replaced by the documents under it as `trace check`
    walks one (validate.check.collect with the default configuration: hidden folders, Word lock
    files, trace's own reports and README-like files left out; `output`, this run's report, is
    never taken from a folder), in the walk's order (a folder's files by name, then its folders
    by name). A format trace cannot read found there (.doc, .rtf) is left out with an
    InputWarning, as it would stop the run; a folder holding no document is an InputError."""
    paths = _files(given)
    folders = {path for path in paths if _is_folder(path)}  # each path looked up once
    if not folders:
        return paths
    import warnings

    from .errors import InputError, InputWarning
    from .extract import UNSUPPORTED, unsupported
    from .validate.check import collect
    from .validate.config import CheckConfig

    documents: list[Path] = []
    for path in paths:
        if path not in folders:
            documents.append(path)
            continue
        found = collect([path], CheckConfig(root=path), written=_paths(output or ())).files
        for name in found:
            if (suffix := name.suffix.lower()) in UNSUPPORTED:
                warnings.warn(InputWarning(str(name), f"left out: {unsupported(suffix)}"), stacklevel=3)
        if not (readable := [name for name in found if name.suffix.lower() not in UNSUPPORTED]):
            raise InputError(str(path), "the folder holds no document trace reads (.docx, .pdf, .txt, .md, .html)")
        documents.extend(readable)
    return documents


def _distinct(paths: list[Path]) -> list[Path]:
    """`paths` with a file given again (the same file, by its real path: named twice, or named and
    found in a folder) left out, with an InputWarning: a graph of one file read twice counts each
    of its citations twice ("cited by 6 sections" for 3)."""
    import warnings

    from .errors import InputWarning

    seen: dict[str, int] = {}  # real path -> times given
    out: list[Path] = []
    for path in paths:
        real = os.path.realpath(path)
        seen[real] = seen.get(real, 0) + 1
        if seen[real] == 1:
            out.append(path)
    for path in out:
        if (times := seen[os.path.realpath(path)]) > 1:
            warnings.warn(InputWarning(str(path), f"given {times} times: read once"), stacklevel=3)
    return out


def _is_folder(path: Path) -> bool:
    """Whether `path` is a folder (links followed); a name that cannot be looked up is left to
    the reader, which names the problem."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _optional_path(given: PathArg | None) -> Path | None:
    """`given` through files.as_path, None kept (an option not given)."""
    return None if given is None else as_path(given)


def settings_for(config: PathArg | None, path: Path) -> CheckConfig:
    """The configuration `config` names, else the nearest one above the folder `path` is (or is
    in), so that a run from elsewhere (`trace check ~/repo/plans`, a CI step with another working
    directory) takes the repository's trace.toml, its base, rules and baseline, as a run from
    inside it does; else the one found from the current folder, or the defaults."""
    from .validate import finding_table, load_config
    from .validate.config import find_config

    codes = set(finding_table())
    if config is None:
        try:
            start = (path if path.is_dir() else path.parent).resolve()
        except OSError:  # a name too long to look up, a removed folder: the run reports it, in one line
            start = None
        if start is not None and find_config(start) is not None:
            return load_config(None, codes, start)
    return load_config(_optional_path(config), codes)


def references(
    files: Paths, profile: str | None = None, registry_files: Iterable[PathArg] = (),
    editions: Sequence[str] = (), *, output: PathArg | None = None,
) -> RefReport:
    """`trace refs`: every reference of `files` (a folder: the documents under it, see
    `_documents`; `output`, the report's file, is never read from one) and the findings (across
    files too); `editions` ("SP-2012-2015", one per series) override the edition each document states."""
    from .editions import check_override
    from .refs import merge_reports, stream_reports

    registry, pairs = stream_reports(_documents(files, output), profile, _paths(registry_files),
                                     check_override(list(editions)))
    return merge_reports(_created_outputs_known(pairs), registry)


def graph(
    files: Paths, profile: str | None = None, registry_files: Iterable[PathArg] = (),
    editions: Sequence[str] = (), *, output: PathArg | None = None,
) -> tuple[Graph, Registry]:
    """`trace graph`: the cross-reference graph of `files` (folders as `references` reads them),
    and the registry it was checked against."""
    return _graph(files, profile, registry_files, editions, output)


def _graph(files: Paths, profile: str | None, registry_files: Iterable[PathArg], editions: Sequence[str],
           output: PathArg | None, own: list[Finding] | None = None) -> tuple[Graph, Registry]:
    """`graph`, and, given a list `own`, each file's findings added to it as `references` gives
    them (the REF… of each file, in file order), for `chain`."""
    from .editions import check_override
    from .refs import build_graph, stream_reports

    registry, pairs = stream_reports(_distinct(_documents(files, output)), profile, _paths(registry_files),
                                     check_override(list(editions)))
    if own is not None:
        pairs = _findings_kept(_created_outputs_known(pairs), own)
    return build_graph(pairs, registry), registry


def _findings_kept(pairs: Iterable[tuple[Document, RefReport]], own: list[Finding]) -> Iterator[tuple[Document, RefReport]]:
    """`pairs` as they come, each report's findings added to `own` on the way: the graph reads the
    files one at a time, and chain reports their REF… findings with its own."""
    for doc, report in pairs:
        own.extend(report.findings)
        yield doc, report


def _created_outputs_known(pairs: Iterable[tuple[Document, RefReport]]) -> Iterator[tuple[Document, RefReport]]:
    """Each report without the REF001 of an output its contribution creates ("add a new Output
    2.4"), as `trace check` reports it: the registry cannot know that output yet. The proposals'
    reader (validate) is imported only for a contribution."""
    for doc, report in pairs:
        if doc.source.profile == "contribution":
            from .validate.proposals import created_outputs_known

            report.findings[:] = created_outputs_known(doc, report.findings)
        yield doc, report


def matrix(built: Graph, name: str) -> MatrixTable:
    """`trace graph --matrix NAME`: a Strategic Plan matrix (outputs-objectives, objectives-goals);
    a UsageError for a name no matrix has."""
    from .refs.matrix import matrix_rows

    check_matrix(name, None)
    return matrix_rows(built, name)


def check_matrix(name: str, fmt: str | None) -> None:
    """A UsageError unless `name` is a known matrix and `fmt` is csv (or not given)."""
    from .refs.matrix import check_matrix as check

    check(name, fmt)


def chain(
    ref_id: str, files: Paths, profile: str | None = None,
    registry_files: Iterable[PathArg] = (), editions: Sequence[str] = (), *, output: PathArg | None = None,
) -> dict[str, Any]:
    """`trace chain`: everything upstream and downstream of one entity across `files` (folders as
    `references` reads them; an id no file names but the registry has gives its title and an
    empty chain), with the run's findings on it: each file's (REF…, as `references` gives them),
    then the graph's (REF009, TRC…)."""
    from .refs.chain import chain as chain_of

    own: list[Finding] = []
    built, registry = _graph(files, profile, registry_files, editions, output, own)
    return chain_of(built, checked_id(built, ref_id, registry), registry, own)


def canonical_id(ref_id: str) -> str:
    """`ref_id` if it is a canonical id, else a UsageError, naming the id it was likely meant to
    be (`_meant`) where there is one."""
    from .refs import family_of

    if family_of(ref_id) is None:
        meant = _meant(ref_id)
        hint = f"; did you mean {meant}?" if meant else " (e.g. WTDC-RES-45, SDG-9.c, WSIS-C5)"
        raise UsageError(f"{ref_id!r} is not a canonical id{hint}")
    return ref_id


def _meant(ref_id: str) -> str | None:
    """The canonical id a mistyped one is written for: in capitals but an SDG target's letter
    ("wsis-c5", "SDG-9.C"), or as the grammar reads its words ("SDG-9c" is "SDG 9c", SDG-9.c)."""
    from .refs import family_of, find_refs

    head, at, edition = ref_id.strip().partition("@")
    upper = head.upper()
    if (dot := upper.rfind(".")) >= 0 and upper[dot + 1:].isalpha():
        upper = upper[:dot + 1] + upper[dot + 1:].lower()
    guess = upper + at + edition.upper()
    if family_of(guess) is not None:
        return guess
    found = {ref.id for ref in find_refs(head.replace("-", " "))[0]}
    return next(iter(found)) + at + edition.upper() if len(found) == 1 else None


def who_cites(built: Graph, ref_id: str, registry: Registry | None = None) -> tuple[str, list[dict[str, Any]]]:
    """`trace graph --who-cites`: the sections citing a canonical id (UsageError if it is none, or
    if `registry` lists its whole family and not it and no file cites it: "SDG-99", "WSIS-C05"
    would read as a gap no section fills); an id without its edition is completed when only one
    edition is loaded."""
    from .refs import who_cites as citing

    wanted = checked_id(built, ref_id, registry)
    return wanted, citing(built, wanted)


def checked_id(built: Graph, ref_id: str, registry: Registry | None = None) -> str:
    """The entity `ref_id` names in `built` (refs.chain.resolve_id), or a UsageError when it is no
    canonical id, or no file cites it and `registry` lists its whole family and not it ("SDG-99",
    "WSIS-C05"), or lacks it where it speaks for its series as REF001 does ("ITU-D-OUTPUT-2.9" of
    a plan whose outputs it lists, "PP-RES-999" past PP's numbering): a mistyped id, which would
    read as a gap no section fills. One the files hold ("SDG 18", with its REF002) is answered,
    so that every place citing it can be found."""
    from .refs import family_of
    from .refs.chain import resolve_id

    wanted = resolve_id(built, canonical_id(ref_id))
    family = family_of(wanted)
    if registry is None or wanted in built.nodes:
        return wanted
    if family in registry.complete and registry.unknown(wanted):
        raise UsageError(f"{ref_id!r} names no {family}: the registry lists them all; check the id")
    lacked, most = registry.unlisted(wanted)
    if lacked and most is None:  # what a file citing it would have as REF001: no gap, a mistyped id
        raise UsageError(f"{ref_id!r} is in no given file, and not in the registry, which lists its series; check the id")
    return wanted


def validate(contribution: PathArg, against: PathArg | None = None, *, config: PathArg | None = None,
             fail_on: str | None = None) -> ValidationReport:
    """`trace validate`: does a contribution amend what its proposals say it amends (`against`,
    else the configuration's base); the rules, severities, fail-on and registry files of the
    configuration `trace check` would use (`config`, else the nearest one) apply, so that a
    delegate and the CI give one verdict."""
    from .record import replace

    from .validate import validate as run_validate

    contribution = as_path(contribution)
    settings = settings_for(config, contribution)
    base = _optional_path(against) or settings.base
    if base is None:
        raise UsageError("no base to validate against: give --against PLAN, or base in trace.toml")
    report = run_validate(contribution, base, registry_files=settings.registry)
    return replace(report, findings=settings.applied(report.findings), fail_on=fail_on or settings.fail_on)


def check(
    paths: Paths,
    *,
    config: PathArg | None = None,
    use_cache: bool = True,
    baseline: PathArg | None = None,
    update_baseline: bool = False,
    fail_on: str | None = None,
    output: PathArg | None = None,
    force_exclude: bool = False,
) -> CheckReport:
    """`trace check`: every enabled rule over files and folders, with the configuration found
    (`output`, the report's file, is never taken for an input from a folder; `force_exclude`
    applies include and exclude to files named outright too; `baseline`, else the configuration's)."""
    from .validate import run_check

    files = _files(paths)
    settings = settings_for(config, files[0])
    return run_check(files, settings, use_cache=use_cache, baseline=_optional_path(baseline) or settings.baseline,
                     update_baseline=update_baseline, fail_on=fail_on, written=_paths(output or ()),
                     force_exclude=force_exclude)


def recorded_line(report: CheckReport, shown: int = 5) -> str:
    """What --update-baseline did, for stderr: how many findings the baseline now holds and which
    of them it did not hold before (the first `shown`), so that a reviewer sees what was accepted."""
    from .render.escapes import printable
    from .render.findings_text import finding_line

    count = len(report.findings)
    line = f"trace: recorded {count} finding{'' if count == 1 else 's'} in baseline {report.baseline}"
    kept = len(report.record["findings"]) - len(report.findings) if report.record else 0
    if kept:
        line += f" and kept {kept} of files this run did not check"
    if report.accepted:
        listed = "; ".join(finding_line(f) for f in report.accepted[:shown])
        more = f"; and {len(report.accepted) - shown} more" if len(report.accepted) > shown else ""
        line += f"; {len(report.accepted)} not in it before: {listed}{more}"
    return printable(line) + "\n"


def unvalidated_line(report: CheckReport, shown: int = 3) -> str | None:
    """For stderr, when files were read as contributions and no `base` is configured: they were
    checked as documents only (no VAL rule ran), which a CI job run where its trace.toml is not
    found (or names no base) would otherwise pass without a word. None otherwise: without
    contributions a run with the defaults says nothing, as ruff and mypy say nothing."""
    from .render.escapes import printable

    if report.config.base is not None:
        return None
    names = [f.path for f in report.files if f.profile == "contribution"]
    if not names:
        return None
    listed = ", ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")
    where = (f"{report.config.path} names no base" if report.config.path is not None
             else "no trace.toml or [tool.trace] was found")
    one = len(names) == 1
    return printable(f"trace: {len(names)} file{'' if one else 's'} read as {'a contribution' if one else 'contributions'}"
                     f" ({listed}) {'was' if one else 'were'} not validated: {where}; set base = \"…\" "
                     f"to the Action Plan {'it amends' if one else 'they amend'}") + "\n"


def save_baseline(report: CheckReport) -> None:
    """Write the baseline `check` was asked to record (after its report is out)."""
    from .validate import save_baseline as save

    save(report)


def render(command: Command, fmt: str, result: Any, options: RenderOptions | None = None) -> str | bytes:
    """`result` of `command` in format `fmt` (see render.registry), as text or bytes; a
    UsageError for a result of another command (or of no command)."""
    chosen = get(command, fmt)
    check_result(command, result)
    return chosen.render(result, options or RenderOptions())


def print_to(console: Console, command: Command, fmt: str, result: Any, options: RenderOptions | None = None) -> bool:
    """Print `result` on `console` if the format has a console form (True), else leave it (False)."""
    chosen = get(command, fmt)
    check_result(command, result)
    return chosen.printer is not None and chosen.printer(result, console, options or RenderOptions())


def check_output(command: Command, fmt: str, out: PathArg | None) -> Format:
    """The format, checked against the output: a binary format needs a file."""
    chosen = get(command, fmt)
    if chosen.binary and out is None:
        raise UsageError(f"--format {fmt} writes a binary file: give -o/--output FILE")
    return chosen


def write(data: str | bytes, out: PathArg, inputs: Iterable[PathArg] = ()) -> None:
    """Write `data` to `out` atomically (a failed run leaves no partial file; never onto one of `inputs`)."""
    write_atomic(data, as_path(out), [as_path(path) for path in inputs])


def run_diff(
    old_path: PathArg,
    new_path: PathArg | None = None,
    fmt: str = "text",
    out: PathArg | None = None,
    all_changes: bool = False,
    author: str = "trace",
    profile: str | Profile | None = None,
    console: Console | None = None,
    date: datetime | None = None,
    ignore: frozenset[str] | None = None,
    mode: str = "report",
    notes: list[str] | None = None,
) -> int:
    """The whole of `trace diff`: compare, render, write to `out` or print on `console` (stdout by
    default). Exit code as diff(1): 0 no changes reported, 1 changes. `mode` "stat" prints the
    summary only, "quiet" nothing. What the renderer wants said beside its output goes to `notes`."""
    from .diff.ignore import DEFAULT_IGNORE
    from .render.terminal import SafeConsole

    chosen = get("diff", fmt)
    if chosen.binary and out is None and mode == "report":
        raise UsageError(f"--format {fmt} writes a binary file: give -o/--output FILE")
    result = compare(old_path, new_path, profile=profile, ignore=DEFAULT_IGNORE if ignore is None else ignore)
    code = 1 if result.visible(all_changes) else 0
    console = console or SafeConsole(highlight=False)
    if mode == "quiet":
        return code
    if mode == "stat":
        from .render.diff_text import print_stat

        print_stat(result, console, all_changes)
        return code
    options = RenderOptions(all_changes=all_changes, author=author, date=date)
    if out is not None:
        write(render("diff", fmt, result, options), out, [p for p in (old_path, new_path) if p is not None])
        if notes is not None:
            notes.extend(options.notes)
    elif not print_to(console, "diff", fmt, result, options):
        write_stream(console.file, render("diff", fmt, result, options))
    return code

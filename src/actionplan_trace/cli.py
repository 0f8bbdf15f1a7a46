"""The `trace` command: argument handling only; every command is one call into `app`.

Library errors (`TraceError` and subclasses) become one line on stderr and exit code 2 here and
nowhere else. Output files are written atomically, so a failed run leaves no partial file. The
`--format` choices of every command come from the renderer registry (render/registry.py).

Start-up: importing this module makes some hundred thousand objects (modules, functions, classes,
compiled patterns) that live as long as the process. The cyclic garbage collector is paused
while they are made and, in `main`, they are frozen out of its generations (`gc.freeze`), so no
collection during the run scans them again; that was about an eighth of a whole-plan extraction.
When the collector is turned back on at the end of the import, those objects are first moved to its
oldest generation (`_promote_without_collecting`): else the first object made after it would set
off a young collection walking all of them, some 4 ms of every command.
While the command runs, `main` has the collector wait for many more new objects than Python's
default (RUN_GC_THRESHOLD): a run allocates millions of short-lived objects, nearly all freed by
reference counting, and each default collection (every 700) re-walked the young document for
nothing, about 3% of a run. Cyclic garbage is still collected, later. mypy does the same.
"""

from __future__ import annotations

import gc

_COLLECTING = gc.isenabled()
gc.disable()
# gc.set_threshold's three numbers for a run of `main` (mypy/build.py uses the same).
RUN_GC_THRESHOLD = (200_000, 30, 30)

import os
import sys
import warnings
from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import datetime, timezone
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Optional, TypeAlias, cast

import typer

from . import app as trace
from .cli_help import HELP, Command, Group, epilog
from .errors import InputError, OutputError, TraceError, UsageError
from .output import flush_stdout, silence_stdout, standard_streams, stdout_errors, write_stdout
from .render.registry import Command as CommandName
from .render.registry import RenderOptions, formats, help_text

if TYPE_CHECKING:
    from typer.models import CommandInfo

    from .render.terminal import SafeConsole

app = typer.Typer(
    name="trace",
    help="Extract, cross-reference and diff ITU Action Plans, WSIS roadmaps and Strategic Plans.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=Group,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class LazyConsole:
    """The stdout console, made on first use: a command that prints nothing through Rich (JSON,
    Markdown, -o, or a table piped as plain lines) never imports it, which keeps start-up short."""

    def __init__(self, **options: Any) -> None:
        self.options = options
        self.console: SafeConsole | None = None

    @property
    def is_terminal(self) -> bool:
        """Rich's answer, given without making the console when stdout is plainly no terminal:
        not a tty, and none of what Rich lets override that (force_terminal, FORCE_COLOR,
        TTY_COMPATIBLE) is set; Rich then says False too (importing it is 20 ms of a run)."""
        if self.console is None and "force_terminal" not in self.options \
                and "FORCE_COLOR" not in os.environ and "TTY_COMPATIBLE" not in os.environ:
            try:
                if not sys.stdout.isatty():
                    return False
            except (AttributeError, ValueError):  # a closed or replaced stdout: let Rich decide
                pass
        return bool(self._made().is_terminal)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._made(), name)

    def _made(self) -> SafeConsole:
        if self.console is None:
            from .render.terminal import SafeConsole

            self.console = SafeConsole(**self.options)
        return self.console


stdout = cast("SafeConsole", LazyConsole(highlight=False, soft_wrap=False))


class View(str, Enum):
    accepted = "accepted"
    original = "original"


def format_choices(command: CommandName, *extra: str) -> type[StrEnum]:
    """The `--format` choices of `command`, from the renderer registry (plus `extra` names)."""
    names = [*formats(command), *(e for e in extra if e not in formats(command))]
    # The functional Enum API makes a class; mypy types the call as an instance of StrEnum.
    return cast("type[StrEnum]", StrEnum(f"{command.title().replace('-', '')}Format", {name: name for name in names}))


if TYPE_CHECKING:
    # The checker sees each --format as the string it is at run time; typer sees the choices.
    ExtractFormat: TypeAlias = str
    RefsFormat: TypeAlias = str
    GraphFormat: TypeAlias = str
    ValidateFormat: TypeAlias = str
    CheckFormat: TypeAlias = str
    DiffFormat: TypeAlias = str
    ChainFormat: TypeAlias = str
else:
    ExtractFormat = format_choices("extract")
    RefsFormat = format_choices("refs")
    GraphFormat = format_choices("graph", *formats("who-cites"))
    ValidateFormat = format_choices("validate")
    CheckFormat = format_choices("check")
    DiffFormat = format_choices("diff")
    ChainFormat = format_choices("chain")

# Options several commands share, declared once (typer only reads these descriptions).
OUTPUT_OPTION: Any = typer.Option(None, "--output", "-o", readable=False, metavar="FILE",
                                  help="Write to this file instead of stdout.")
CONFIG_OPTION: Any = typer.Option(None, "--config", readable=False, metavar="FILE",
                                  help="A trace.toml or pyproject.toml (default: nearest one).")
PROFILE_OPTION: Any = typer.Option(None, "--profile", "-p", metavar="PROFILE",
                                   help="Profile name or YAML file (default: detect).")
REGISTRY_OPTION: Any = typer.Option([], "--registry", readable=False, metavar="FILE",
                                    help="An extra registry YAML file (repeatable).")
EDITION_OPTION: Any = typer.Option([], "--edition", metavar="EDITION",
                                   help="The plan edition the files belong to, e.g. SP-2012-2015 or WTDC-17 (repeatable, one per series; default: read from each file).")


def fail(message: str) -> None:
    """Print one line on stderr and exit 2 (a multi-line message, e.g. a YAML error, is folded)."""
    from .render.escapes import printable  # only a failing or warning run needs it

    line = " ".join(part.strip() for part in message.splitlines() if part.strip())
    sys.stderr.write(f"trace: {printable(line)}\n")
    raise typer.Exit(2)


def write_output(data: str | bytes, output: Path | None, inputs: Iterable[Path] = ()) -> None:
    """Write to `output` atomically (never onto one of `inputs`), or to stdout when no file is given."""
    if output is None:
        write_stdout(data)
        return
    trace.write(data, output, inputs)


def emit(command: CommandName, fmt: str, result: object, output: Path | None, inputs: Iterable[Path] = (),
         options: RenderOptions | None = None) -> None:
    """Print `result` (through the format's console printer, if it has one) or write it to `output`."""
    trace.check_output(command, fmt, output)
    if output is not None or not trace.print_to(stdout, command, fmt, result, options):
        write_output(trace.render(command, fmt, result, options), output, inputs)


def guarded(func: Callable[[], int | None]) -> None:
    """Run a command body, mapping library errors to exit 2 and its return value to the exit code.
    The input warnings of a run that fails are dropped: a failure is one line on stderr."""
    try:
        with stdout_errors():
            code = func()
    except TraceError as exc:
        _WARNINGS.clear()
        fail(_CWD_GONE if _lost_cwd(exc) else str(exc))
    except KeyboardInterrupt:
        sys.stderr.write("trace: interrupted\n")
        raise typer.Exit(130)
    except BrokenPipeError:
        silence_stdout()
        raise typer.Exit(141)
    except (typer.Exit, SystemExit):
        raise
    except Exception as exc:
        if os.environ.get("TRACE_DEBUG"):
            raise
        _WARNINGS.clear()
        if _lost_cwd(exc):
            fail(_CWD_GONE)
        fail(f"internal error: {type(exc).__name__}: {exc} (set TRACE_DEBUG=1 for a traceback)")
    finally:
        sys.stderr.write("".join(_WARNINGS))
        _WARNINGS.clear()
    raise typer.Exit(code or 0)


_CWD_GONE = "the current directory no longer exists (it was removed): run trace from one that does"


def _lost_cwd(exc: BaseException) -> bool:
    """Whether `exc` comes of a run started in a directory since removed: a file not found
    (FileNotFoundError, or an input or output error about a relative path, which no lookup can
    find then) while the working directory no longer exists. Every command's failure passes
    here, so that each says so in one line, not "x.txt: no such file"."""
    if isinstance(exc, (InputError, OutputError)):
        relative = not os.path.isabs(exc.path)
    else:
        relative = isinstance(exc, FileNotFoundError)
    return relative and not _cwd_exists()


def _cwd_exists() -> bool:
    """Whether the working directory still exists: a run started in one since removed fails
    wherever it looks a relative path up (check's config search, a relative `-o`)."""
    try:
        os.getcwd()
    except OSError:
        return False
    return True


def version_callback(value: bool) -> None:
    if value:
        from .version import package_version

        sys.stdout.write(f"actionplan-trace {package_version()}\n")
        raise typer.Exit()


# The `trace: warning:` lines of this run, written on stderr when its command ends (guarded): a
# run that fails drops them, as its failure is one line.
_WARNINGS: list[str] = []


def show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                 file: object = None, line: str | None = None) -> None:
    """An InputWarning (a repaired input) as one `trace: warning:` line, kept for stderr; once,
    though a command reads a file more than once (`diff FILE.docx` reads both its views)."""
    from .render.escapes import printable

    line = f"trace: warning: {printable(' '.join(str(message).split()))}\n"
    if line not in _WARNINGS:
        _WARNINGS.append(line)


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True,
                                           help="Show the version and exit."),
    max_text_mb: Optional[float] = typer.Option(None, "--max-text-mb", help="Largest text input in MB (default 5)."),
    max_file_mb: Optional[float] = typer.Option(None, "--max-file-mb", help="Largest input file in MB (default 256)."),
    max_part_mb: Optional[float] = typer.Option(None, "--max-part-mb", help="Largest decompressed .docx part in MB (default 16)."),
    max_docx_mb: Optional[float] = typer.Option(None, "--max-docx-mb", help="Largest decompressed .docx in all, MB (default 32)."),
    max_pages: Optional[int] = typer.Option(None, "--max-pages", help="Most pages of a PDF (default 500)."),
    max_pdf_chars: Optional[int] = typer.Option(None, "--max-pdf-chars",
                                                help="Most characters of text in a PDF, all pages (default 2,000,000)."),
    max_text_lines: Optional[int] = typer.Option(None, "--max-text-lines", help="Most lines and table cells of a .txt or .md input, blocks and table rows of an HTML page (default 300,000)."),
    max_refs: Optional[int] = typer.Option(None, "--max-refs", help="Most references and findings read in one document, and in all the files of a refs or graph run (default 200,000)."),
    max_blocks: Optional[int] = typer.Option(None, "--max-blocks", help="Most paragraphs and table cells of one document (default 60,000)."),
    max_sections: Optional[int] = typer.Option(None, "--max-sections", help="Most sections of one document (default 50,000)."),
    max_pdf_page_mb: Optional[float] = typer.Option(None, "--max-pdf-page-mb",
                                                    help="Most MB of content one PDF page draws, decompressed (default 4)."),
    max_pdf_content_mb: Optional[float] = typer.Option(None, "--max-pdf-content-mb",
                                                       help="Most MB of content a PDF draws, all pages (default 16)."),
    max_pdf_streams_mb: Optional[float] = typer.Option(
        None, "--max-pdf-streams-mb", help="Most MB a PDF's streams other than images decompress to, all together (default 128)."),
    max_pdf_objects_mb: Optional[float] = typer.Option(
        None, "--max-pdf-objects-mb", help="Most MB a PDF's object and cross-reference streams decompress to (default 32)."),
) -> None:
    """Extract, cross-reference and diff ITU planning documents."""
    from .errors import InputWarning
    from .limits import OPTIONS

    warnings.simplefilter("always", InputWarning)
    warnings.showwarning = show_warning
    given = {"text_mb": max_text_mb, "file_mb": max_file_mb, "part_mb": max_part_mb, "docx_mb": max_docx_mb,
             "pages": max_pages, "pdf_chars": max_pdf_chars, "pdf_page_mb": max_pdf_page_mb,
             "pdf_content_mb": max_pdf_content_mb, "pdf_streams_mb": max_pdf_streams_mb,
             "pdf_objects_mb": max_pdf_objects_mb, "text_lines": max_text_lines, "refs": max_refs,
             "blocks": max_blocks, "sections": max_sections}
    for name, value in given.items():
        if value is not None:
            if not value > 0:
                fail(f"{OPTIONS[name][0]} must be greater than 0")
            os.environ[OPTIONS[name][1]] = str(value)


@app.command(cls=Command, help=HELP["extract"], epilog=epilog("extract"))
def extract(
    file: Path = typer.Argument(..., readable=False, metavar="FILE", help="A .docx, .pdf, .txt, .md or .html file."),
    format: ExtractFormat = typer.Option("tree", "--format", "-f", metavar="FORMAT", help=help_text("extract") + "."),
    profile: Optional[str] = PROFILE_OPTION,
    view: View = typer.Option(View.accepted, "--view", help="Tracked changes accepted or original."),
    output: Optional[Path] = OUTPUT_OPTION,
) -> None:

    def run() -> int:
        emit("extract", format, trace.extract(file, profile=profile, view=view.value), output, [file])
        return 0

    guarded(run)


@app.command(cls=Command, help=HELP["refs"], epilog=epilog("refs"))
def refs(
    files: list[Path] = typer.Argument(..., readable=False, metavar="FILE", help="One or more .docx, .pdf, .txt, .md or .html files, or folders of them (walked as trace check walks one)."),
    format: RefsFormat = typer.Option("table", "--format", "-f", metavar="FORMAT", help=help_text("refs") + "."),
    profile: Optional[str] = PROFILE_OPTION,
    registry: list[Path] = REGISTRY_OPTION,
    edition: list[str] = EDITION_OPTION,
    output: Optional[Path] = OUTPUT_OPTION,
) -> None:

    def run() -> int:
        emit("refs", format, trace.references(files, profile, registry, edition, output=output), output, [*files, *registry])
        return 0

    guarded(run)


@app.command(cls=Command, help=HELP["graph"], epilog=epilog("graph"))
def graph(
    files: list[Path] = typer.Argument(..., readable=False, metavar="FILE", help="One or more files or folders; the graph joins them on canonical ids."),
    format: Optional[GraphFormat] = typer.Option(None, "--format", "-f", metavar="FORMAT", help=help_text("graph") + " (default json); with --who-cites: " + help_text("who-cites") + " (default lines)."),
    who_cites: Optional[str] = typer.Option(None, "--who-cites", metavar="ID", help="List the sections citing this canonical id instead."),
    family: list[str] = typer.Option([], "--family", metavar="FAMILY", help="Families of the csv matrix (repeatable; default sdg and wsis; add sdg-target for the 169 targets)."),
    matrix: Optional[str] = typer.Option(None, "--matrix", metavar="MATRIX", help="With -f csv: a Strategic Plan matrix instead, outputs-objectives or objectives-goals (X per link)."),
    profile: Optional[str] = PROFILE_OPTION,
    registry: list[Path] = REGISTRY_OPTION,
    edition: list[str] = EDITION_OPTION,
    output: Optional[Path] = OUTPUT_OPTION,
) -> None:
    from .refs.ids import FAMILIES

    def run() -> int:
        unknown = [f for f in family if f not in FAMILIES]
        if unknown:
            raise UsageError(f"unknown family {unknown[0]!r} (one of {', '.join(FAMILIES)})")
        inputs = [*files, *registry]
        if matrix is not None:
            trace.check_matrix(matrix, format)
            built, _reg = trace.graph(files, profile, registry, edition, output=output)
            table = trace.matrix(built, matrix)
            emit("matrix", "csv", table, output, inputs)
            if not table.rows:
                sys.stderr.write(f"trace: the files hold no {matrix} matrix (a Strategic Plan table linking them);"
                                 " the CSV has its header only\n")
            return 0
        if who_cites is not None:
            trace.canonical_id(who_cites)
            default, *others = formats("who-cites")
            fmt = format or default
            if fmt not in formats("who-cites"):
                raise UsageError(f"--who-cites writes {default} (default), {', '.join(others[:-1])} or {others[-1]}, not {fmt}")
            built, known = trace.graph(files, profile, registry, edition, output=output)
            emit("who-cites", fmt, trace.who_cites(built, who_cites, known), output, inputs)
            return 0
        fmt = format or formats("graph")[0]
        if fmt not in formats("graph"):
            raise UsageError(f"--format {fmt} is for --who-cites; a graph is written as {', '.join(formats('graph'))}")
        built, reg = trace.graph(files, profile, registry, edition, output=output)
        families = tuple(family) or ("sdg", "wsis")
        emit("graph", fmt, built, output, inputs, RenderOptions(registry=reg, families=families))
        return 0

    guarded(run)


@app.command(cls=Command, help=HELP["chain"], epilog=epilog("chain"))
def chain(
    ref_id: str = typer.Argument(..., metavar="ID", help="A canonical id: PP-RES-139, ITU-D-OBJ-2@SP-2012-2015, ITU-D-OUTPUT-2.2 (the edition may be left out when only one is loaded)."),
    files: list[Path] = typer.Argument(..., readable=False, metavar="FILE", help="Plans, roadmaps, Strategic Plans and reports to join (files or folders)."),
    format: ChainFormat = typer.Option("text", "--format", "-f", metavar="FORMAT", help=help_text("chain") + "."),
    profile: Optional[str] = PROFILE_OPTION,
    registry: list[Path] = REGISTRY_OPTION,
    edition: list[str] = EDITION_OPTION,
    output: Optional[Path] = OUTPUT_OPTION,
) -> None:

    def run() -> int:
        data = trace.chain(ref_id, files, profile, registry, edition, output=output)
        width = stdout.width if output is None and stdout.is_terminal else None
        emit("chain", format, data, output, [*files, *registry], RenderOptions(width=width))
        return 0

    guarded(run)


class FailOn(str, Enum):
    error = "error"
    warning = "warning"


@app.command(cls=Command, help=HELP["validate"], epilog=epilog("validate"))
def validate(
    contribution: Path = typer.Argument(..., readable=False, metavar="CONTRIBUTION",
                                        help="The contribution (.docx with revision marks, or a text rendering)."),
    against: Optional[Path] = typer.Option(None, "--against", readable=False, metavar="PLAN",
                                           help="The base document the contribution amends (default: base in trace.toml)."),
    format: ValidateFormat = typer.Option("text", "--format", "-f", metavar="FORMAT", help=help_text("validate") + "."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Fail on errors (default) or on warnings too."),
    config: Optional[Path] = CONFIG_OPTION,
    output: Optional[Path] = OUTPUT_OPTION,
) -> None:

    def run() -> int:
        report = trace.validate(contribution, against, config=config, fail_on=fail_on.value if fail_on else None)
        emit("validate", format, report, output, [contribution, Path(report.base.path)])
        return 1 if report.failed else 0

    guarded(run)


@app.command(cls=Command, help=HELP["check"], epilog=epilog("check"))
def check(
    paths: list[Path] = typer.Argument(..., readable=False, metavar="PATH", help="Files and folders to check."),
    format: CheckFormat = typer.Option("text", "--format", "-f", metavar="FORMAT", help=help_text("check") + "."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Fail on errors (default) or on warnings too."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", readable=False, metavar="FILE", help="Findings recorded here do not fail (made with --update-baseline)."),
    update_baseline: bool = typer.Option(False, "--update-baseline", help="Record today's findings in the --baseline file."),
    config: Optional[Path] = CONFIG_OPTION,
    output: Optional[Path] = OUTPUT_OPTION,
    no_cache: bool = typer.Option(False, "--no-cache", help="Parse every file again; neither read nor write .trace-cache/."),
    force_exclude: bool = typer.Option(False, "--force-exclude",
                                       help="Apply include/exclude to files named outright too (for pre-commit)."),
) -> None:

    def run() -> int:
        report = trace.check(paths, config=config, use_cache=not no_cache, baseline=baseline,
                             update_baseline=update_baseline, fail_on=fail_on.value if fail_on else None,
                             output=output, force_exclude=force_exclude)
        used = report.baseline_file  # --baseline, else trace.toml's
        emit("check", format, report, output, [*report.inputs, *([used] if used is not None else [])],
             RenderOptions(baseline=used is not None))
        trace.save_baseline(report)
        if not report.files:
            sys.stderr.write("trace: no documents to check (.docx, .pdf, .txt, .md, .html) in the given paths"
                             " after include/exclude\n")
        if (unvalidated := trace.unvalidated_line(report)) is not None:
            sys.stderr.write(unvalidated)
        if used is not None and update_baseline:
            sys.stderr.write(trace.recorded_line(report))
        return 1 if report.failed else 0

    guarded(run)


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


IGNORE_HELP = {
    "case": "Hide changes of case only. Off by default: Word Compare shows them, and 'Member States' and "
            "'member states' can differ in meaning.",
    "space": "Hide changes of white space only. On by default: conversions and editors change spacing "
             "without meaning. White space is never marked inside an edit either way.",
    "punctuation": "Hide changes of punctuation only. Off by default: a comma can change what a clause covers.",
    "numbering": "Hide changes of list numbers, bullet glyphs and section renumbering only. On by default: "
                 "inserting one output renumbers all that follow.",
    "formatting": "Hide changes of formatting only: typographic quotes and dashes, compatibility characters, "
                  "paragraph breaks, blank table rows. On by default.",
}


def _ignore_option(kind: str, default: bool) -> bool:
    """A --ignore-KIND/--no-ignore-KIND switch."""
    return typer.Option(default, f"--ignore-{kind}/--no-ignore-{kind}", help=IGNORE_HELP[kind],
                        show_default=False)


def _console(color: Color) -> SafeConsole:
    """The stdout console for --color: auto (a terminal, unless NO_COLOR is set), always or never."""
    from .render.terminal import SafeConsole

    if color is Color.always:
        return SafeConsole(highlight=False, soft_wrap=False, force_terminal=True)
    if color is Color.never:
        return SafeConsole(highlight=False, soft_wrap=False, no_color=True, color_system=None)
    return stdout


@app.command(cls=Command, help=HELP["diff"], epilog=epilog("diff"))
def diff(
    old: Path = typer.Argument(..., readable=False, metavar="OLD", help="The older revision (.docx, .pdf, .txt, .md or .html)."),
    new: Optional[Path] = typer.Argument(None, readable=False, metavar="NEW", help="The newer revision; omit it to diff a .docx's revision marks."),
    format: DiffFormat = typer.Option("text", "--format", "-f", metavar="FORMAT", help=help_text("diff") + "."),
    output: Optional[Path] = OUTPUT_OPTION,
    ignore_case: bool = _ignore_option("case", False),
    ignore_space: bool = _ignore_option("space", True),
    ignore_punctuation: bool = _ignore_option("punctuation", False),
    ignore_numbering: bool = _ignore_option("numbering", True),
    ignore_formatting: bool = _ignore_option("formatting", True),
    all_changes: bool = typer.Option(False, "--all", help="Hide nothing: the same as every --no-ignore-* switch."),
    stat: bool = typer.Option(False, "--stat", help="Print one line per changed section and the summary only."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing; the exit code says whether there are changes."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when there are changes (2 still means trouble)."),
    color: Color = typer.Option(Color.auto, "--color", metavar="WHEN",
                                help="auto (on a terminal, unless NO_COLOR is set), always or never. Without colour, "
                                     "edits are bracketed [-deleted-] {+inserted+}."),
    author: str = typer.Option("trace", "--author", metavar="NAME", help="Author of the revision marks in --format docx."),
    date: Optional[str] = typer.Option(None, "--date", metavar="ISO", help="Date of the revision marks in --format docx "
                                       "(ISO 8601, e.g. 2026-03-01T09:00:00Z; default: now)."),
    profile: Optional[str] = PROFILE_OPTION,
) -> None:
    from .diff.ignore import parse_ignore

    ignore = parse_ignore({"case": ignore_case, "space": ignore_space, "punctuation": ignore_punctuation,
                           "numbering": ignore_numbering, "formatting": ignore_formatting})
    mode = "quiet" if quiet else "stat" if stat else "report"

    def run() -> int:
        when = parse_date(date) if date is not None else None
        notes: list[str] = []
        code = trace.run_diff(old, new, format, output, all_changes, author, profile, console=_console(color),
                              date=when, ignore=ignore, mode=mode, notes=notes)
        for note in notes:
            sys.stderr.write(f"trace: {note}\n")
        return 0 if exit_zero else code

    guarded(run)


def parse_date(text: str) -> datetime:
    """An ISO 8601 date for --date (UTC when it names no zone)."""
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"--date {text!r} is not an ISO 8601 date (e.g. 2026-03-01T09:00:00Z)") from None
    return when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)


def _promote_without_collecting() -> None:
    """Move every object the collector tracks to its oldest generation, and zero the count of new
    ones, without a collection: `gc.freeze` does both on its way to the permanent generation, and
    `gc.unfreeze` hands them all to the oldest generation. Cyclic garbage among them is still
    collected, by the next full collection."""
    gc.freeze()
    gc.unfreeze()


if _COLLECTING:
    _promote_without_collecting()
    gc.enable()


def commands_to_build(args: list[str]) -> list[CommandInfo]:
    """The commands typer should build for the command line `args`: typer builds the click
    command (signature, type hints, every option) of each registered command on every run, about
    0.5 ms a command, though a run uses one. The first argument that is neither an option nor a
    number is the command name, since the group's own options (--max-…) take numbers. Anything
    else (no command, a misspelt one, shell completion) gets them all, for the listing and the
    suggestions."""
    everything = list(app.registered_commands)
    if os.environ.get("_TRACE_COMPLETE"):
        return everything
    name = next((arg for arg in args if not arg.startswith("-") and not _is_number(arg)), None)
    chosen = [info for info in everything
              if info.callback is not None and (info.name or info.callback.__name__) == name]
    return chosen or everything


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def run(args: list[str]) -> int:
    """Run the command line `args` (without the program name) and return its exit status."""
    registered = list(app.registered_commands)
    app.registered_commands[:] = commands_to_build(args)
    try:
        with stdout_errors():  # what Typer prints itself (--help, --version, usage)
            app(args, prog_name="trace")
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        sys.stderr.write(f"{exc.code}\n")
        return 1
    except OutputError as exc:
        sys.stderr.write(f"trace: {exc}\n")
        return 2
    finally:
        app.registered_commands[:] = registered
    return 0


def main() -> NoReturn:
    """Console-script entry point.

    The process ends with os._exit once the output is flushed and the run caches (regex programs,
    record methods) saved: nothing is left to do, and the interpreter's orderly shutdown, which
    frees every object and module (lxml's alone about 5 ms), cost a run 5 to 10 ms (mypy ends the
    same way). Anything that must happen at exit is done here, not in an atexit handler.
    """
    standard_streams()
    gc.freeze()
    gc.set_threshold(*RUN_GC_THRESHOLD)
    status = run(sys.argv[1:])
    from .diskcache import save_run_caches

    save_run_caches()
    try:
        flush_stdout()
    except OutputError as exc:
        sys.stderr.write(f"trace: {exc}\n")
        status = 2
    except (BrokenPipeError, ValueError, OSError):
        silence_stdout()
        status = status or 141
    with suppress(ValueError, OSError):
        sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    main()

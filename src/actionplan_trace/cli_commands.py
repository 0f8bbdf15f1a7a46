"""The typer application behind `trace`: every command's arguments and options, its help, and
the one call into `app` each makes. cli.py imports this module only for a command line its quick
path does not take (see cli.py): importing typer is a tenth of a `trace refs` run."""

from __future__ import annotations

import os
import sys
from datetime import datetime, timezone
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, TypeAlias, cast

import typer

from . import app as trace
from .cli import DEFAULT_FORMATS, emit, extract_command, fail, guarded, refs_command, report_input_warnings, stdout
from .cli_help import HELP, Command, Group, epilog
from .errors import UsageError
from .render.registry import Command as CommandName
from .render.registry import RenderOptions, formats, help_text

if TYPE_CHECKING:
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



def version_callback(value: bool) -> None:
    if value:
        from .version import version_line

        sys.stdout.write(version_line())
        raise typer.Exit()



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
    from .limits import OPTIONS

    report_input_warnings()
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
    format: ExtractFormat = typer.Option(DEFAULT_FORMATS["extract"], "--format", "-f", metavar="FORMAT", help=help_text("extract") + "."),
    profile: Optional[str] = PROFILE_OPTION,
    view: View = typer.Option(View.accepted, "--view", help="Tracked changes accepted or original."),
    output: Optional[Path] = OUTPUT_OPTION,
) -> None:

    extract_command(file, format, profile, view.value, output)


@app.command(cls=Command, help=HELP["refs"], epilog=epilog("refs"))
def refs(
    files: list[Path] = typer.Argument(..., readable=False, metavar="FILE", help="One or more .docx, .pdf, .txt, .md or .html files, or folders of them (walked as trace check walks one)."),
    format: RefsFormat = typer.Option(DEFAULT_FORMATS["refs"], "--format", "-f", metavar="FORMAT", help=help_text("refs") + "."),
    profile: Optional[str] = PROFILE_OPTION,
    registry: list[Path] = REGISTRY_OPTION,
    edition: list[str] = EDITION_OPTION,
    output: Optional[Path] = OUTPUT_OPTION,
) -> None:

    refs_command(files, format, profile, registry, edition, output)


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

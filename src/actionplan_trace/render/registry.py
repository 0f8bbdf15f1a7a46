"""The renderer registry: for every command, the output formats it offers and the function behind each.

This is the one list of formats: the CLI builds its `--format` choices and help from it, and the
application layer (`app.render`) looks renderers up here. Each renderer takes the command's result
and a `RenderOptions`, and imports its module only when called, so listing formats stays cheap.
It returns a str, or bytes: a binary format's (`binary`), or a text already in UTF-8 as the writer
(output.py) would encode it, which refs json is, made of pieces each encoded once (the writer
writes bytes as they are, to a file or to standard output).
A format with a `printer` may print itself on a Rich console when the output is not a file (it
returns False to leave it to the plain rendering, e.g. a table too wide for the terminal).

To add a format: write the renderer in its own module under render/, add a `Format` line below.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from .. import schemas
from ..errors import UsageError
from ..schemas import short
from ..record import field, record

if TYPE_CHECKING:
    from datetime import datetime

    from rich.console import Console

    from ..diff.changes import DiffResult
    from ..model import Document
    from ..refs.graph import Graph
    from ..refs.matrix import MatrixTable
    from ..refs.registry import Registry
    from ..refs.types import RefReport
    from ..validate.check import CheckReport
    from ..validate.contribution import ValidationReport

Command = Literal["extract", "refs", "graph", "who-cites", "matrix", "chain", "validate", "check", "diff"]


@record(frozen=True)
class RenderOptions:
    """Everything a renderer may need beyond the result itself (each uses only its own fields).

    `notes` collects what a renderer wants said beside its output (e.g. the Word redline's fallback).
    """

    all_changes: bool = False  # diff: also formatting-only changes
    author: str = "trace"  # diff docx: author of the revision marks
    date: datetime | None = None  # diff docx: date of the revision marks (default: now)
    baseline: bool = False  # check sarif: mark each finding's baseline state
    registry: Registry | None = None  # graph csv: titles of the gap ids
    families: tuple[str, ...] = ("sdg", "wsis")  # graph csv: matrix columns
    width: int | None = None  # chain text: wrap at this width (None: one entry per line)
    notes: list[str] = field(default_factory=list)


Renderer = Callable[[Any, RenderOptions], "str | bytes"]
Printer = Callable[[Any, "Console", RenderOptions], bool]


@record(frozen=True)
class Format:
    """One output format of one command."""

    name: str
    help: str
    render: Renderer
    printer: Printer | None = None
    binary: bool = False  # bytes, written only to a file (-o)


# ---------------------------------------------------------------- extract


def _extract_tree(doc: Document, _o: RenderOptions) -> str:
    import io

    from .extract import to_tree
    from .terminal import SafeConsole

    console = SafeConsole(record=True, width=160, file=io.StringIO(), color_system=None)
    console.print(to_tree(doc))
    return console.export_text()


def _print_extract_tree(doc: Document, console: Console, _o: RenderOptions) -> bool:
    from .extract import to_tree

    console.print(to_tree(doc))
    return True


def _extract_json(doc: Document, _o: RenderOptions) -> str:
    from .extract import to_json

    return to_json(doc)


def _extract_md(doc: Document, _o: RenderOptions) -> str:
    from .extract import to_markdown

    return to_markdown(doc)


# ---------------------------------------------------------------- refs and graph


def _refs_table(report: RefReport, _o: RenderOptions) -> str:
    from .refs import to_text

    return to_text(report)


def _print_refs_table(report: RefReport, console: Console, _o: RenderOptions) -> bool:
    from .refs import TABLE_WIDTH, to_table

    if not (console.is_terminal and console.width >= TABLE_WIDTH):
        return False
    console.print(to_table(report))
    return True


def _refs_json(report: RefReport, _o: RenderOptions) -> bytes:
    from .refs import to_json

    return to_json(report)


def _refs_csv(report: RefReport, _o: RenderOptions) -> str:
    from .refs import to_csv

    return to_csv(report)


def _graph(fmt: str) -> Renderer:
    def render(graph: Graph, o: RenderOptions) -> str | bytes:
        from .graph import render_graph

        return render_graph(graph, fmt, o.registry, o.families)

    return render


def _who_cites(fmt: str) -> Renderer:
    def render(citations: tuple[str, list[dict[str, Any]]], _o: RenderOptions) -> str:
        from .graph import render_who_cites

        ref_id, rows = citations
        return render_who_cites(rows, ref_id, fmt)

    return render


def _matrix_csv(table: MatrixTable, _o: RenderOptions) -> str:
    from .graph import matrix_csv

    return matrix_csv(table)


def _chain(fmt: str) -> Renderer:
    def render(data: dict[str, Any], o: RenderOptions) -> str:
        from .chain import render_chain

        return render_chain(data, fmt, o.width)

    return render


# ---------------------------------------------------------------- validate and check


def _findings_json(report: ValidationReport | CheckReport, _o: RenderOptions) -> str:
    from .findings_json import to_json

    return to_json(report)


def _validate_text(report: ValidationReport, _o: RenderOptions) -> str:
    from .findings_text import validate_text

    return validate_text(report)


def _print_wrapped(text: str, console: Console) -> bool:
    """A findings text on a terminal, long lines wrapped to its width (findings_text.wrapped).
    Its callers print only on a terminal: a pipe or file gets the text as it is, written."""
    from .findings_text import wrapped

    console.print(wrapped(text.rstrip("\n"), console.width), markup=False, highlight=False, soft_wrap=True)
    return True


def _print_validate_text(report: ValidationReport, console: Console, o: RenderOptions) -> bool:
    return console.is_terminal and _print_wrapped(_validate_text(report, o), console)


def _print_check_text(report: CheckReport, console: Console, o: RenderOptions) -> bool:
    return console.is_terminal and _print_wrapped(_check_text(report, o), console)


def _validate_sarif(report: ValidationReport, _o: RenderOptions) -> str:
    from ..validate import finding_table
    from .sarif import to_sarif

    return to_sarif(report.findings, finding_table())


def _check_text(report: CheckReport, _o: RenderOptions) -> str:
    from .findings_text import check_text

    return check_text(report)


def _check_sarif(report: CheckReport, o: RenderOptions) -> str:
    from .sarif import to_sarif

    return to_sarif(report.findings, report.table, report.states if o.baseline else None)


def _check_junit(report: CheckReport, _o: RenderOptions) -> str:
    from .junit import to_junit

    return to_junit([f.path for f in report.files], report.findings, report.fail_on, report.states)


def _check_github(report: CheckReport, _o: RenderOptions) -> str:
    from .github import to_github

    return to_github(report.findings, report.states)


# ---------------------------------------------------------------- diff


def _diff_text(result: DiffResult, o: RenderOptions) -> str:
    from .diff_text import to_text

    return to_text(result, o.all_changes)


def _print_diff_text(result: DiffResult, console: Console, o: RenderOptions) -> bool:
    from .diff_text import print_report

    print_report(result, console, o.all_changes)
    return True


def _diff_json(result: DiffResult, o: RenderOptions) -> str:
    from .diff_json import to_json

    return to_json(result, o.all_changes)


def _diff_md(result: DiffResult, o: RenderOptions) -> str:
    from .diff_md import to_markdown

    return to_markdown(result, o.all_changes)


def _diff_html(result: DiffResult, o: RenderOptions) -> str:
    from .diff_html import to_html

    return to_html(result, o.all_changes)


def _diff_docx(result: DiffResult, o: RenderOptions) -> bytes:
    from .redline import word_report

    data, notes = word_report(result, author=o.author, date=o.date, formatting=o.all_changes)
    o.notes.extend(notes)
    return data


FORMATS: dict[Command, tuple[Format, ...]] = {
    "extract": (
        Format("tree", "the section tree", _extract_tree, _print_extract_tree),
        Format("json", f"the {short(schemas.EXTRACT)} JSON document", _extract_json),
        Format("md", "Markdown", _extract_md),
    ),
    "refs": (
        Format("table", "a table", _refs_table, _print_refs_table),
        Format("json", f"the {short(schemas.REFS)} JSON document", _refs_json),
        Format("csv", "CSV, one reference a row", _refs_csv),
    ),
    "graph": (
        Format("json", f"the {short(schemas.GRAPH)} JSON document: nodes and edges", _graph("json")),
        Format("graphml", "GraphML", _graph("graphml")),
        Format("dot", "Graphviz DOT", _graph("dot")),
        Format("mermaid", "a Mermaid flowchart", _graph("mermaid")),
        Format("csv", "coverage matrix with gaps", _graph("csv")),
    ),
    "who-cites": (
        Format("lines", "one line per citing section", _who_cites("table")),
        Format("json", f"the {short(schemas.WHO_CITES)} JSON document", _who_cites("json")),
        Format("csv", "CSV, one citing section a row", _who_cites("csv")),
    ),
    "matrix": (
        Format("csv", "the matrix as the plan writes it, X per link", _matrix_csv),
    ),
    "chain": (
        Format("text", "a tree", _chain("text")),
        Format("json", f"the {short(schemas.CHAIN)} JSON document", _chain("json")),
        Format("md", "Markdown", _chain("md")),
    ),
    "validate": (
        Format("text", "findings for people", _validate_text, _print_validate_text),
        Format("json", f"the {short(schemas.VALIDATE)} JSON document", _findings_json),
        Format("sarif", "SARIF 2.1.0", _validate_sarif),
    ),
    "check": (
        Format("text", "findings for people", _check_text, _print_check_text),
        Format("json", f"the {short(schemas.CHECK)} JSON document", _findings_json),
        Format("sarif", "SARIF 2.1.0", _check_sarif),
        Format("junit", "JUnit XML", _check_junit),
        Format("github", "GitHub Actions annotations", _check_github),
    ),
    "diff": (
        Format("text", "the amendments for people", _diff_text, _print_diff_text),
        Format("json", f"the {short(schemas.DIFF)} JSON document", _diff_json),
        Format("md", "Markdown", _diff_md),
        Format("html", "a standalone HTML page", _diff_html),
        Format("docx", "NEW's Word file with the changes as revision marks; needs -o", _diff_docx, binary=True),
    ),
}


RESULTS: dict[Command, tuple[str, str, str]] = {
    "extract": ("..model", "Document", "app.load"),
    "refs": ("..refs.types", "RefReport", "app.references"),
    "graph": ("..refs.graph", "Graph", "app.graph (its first item)"),
    "who-cites": ("builtins", "tuple", "app.who_cites"),
    "matrix": ("..refs.matrix", "MatrixTable", "app.matrix"),
    "chain": ("builtins", "dict", "app.chain"),
    "validate": ("..validate.contribution", "ValidationReport", "app.validate"),
    "check": ("..validate.check", "CheckReport", "app.check"),
    "diff": ("..diff.changes", "DiffResult", "app.compare"),
}
"""For each command, the module and class of the result its renderers take, and the call that
returns one (imported only when a result is checked, so listing formats stays cheap)."""


def check_result(command: Command, result: object) -> None:
    """A UsageError naming the mismatch unless `result` is what `command`'s renderers take: a
    wrong one (`render("refs", "json", a_check_report)`) failed deep in a renderer with an
    AttributeError or TypeError naming its internals."""
    from importlib import import_module

    _formats_of(command)
    module, name, call = RESULTS[command]
    if not isinstance(result, getattr(import_module(module, __package__), name)):
        raise UsageError(f"{command} renders a {name} (what {call} returns), not {type(result).__name__}")


def _formats_of(command: Command) -> tuple[Format, ...]:
    """The formats `command` offers, or a UsageError listing the commands (a caller catching
    TraceError got a KeyError from `formats("bogus")`)."""
    if command not in FORMATS:
        raise UsageError(f"unknown command {command!r} (one of {', '.join(FORMATS)})")
    return FORMATS[command]


def formats(command: Command) -> tuple[str, ...]:
    """The format names `command` offers, default first."""
    return tuple(f.name for f in _formats_of(command))


def get(command: Command, name: str) -> Format:
    """The format `name` of `command`, or a UsageError listing the ones there are (or the
    commands, for a command there is not)."""
    for fmt in _formats_of(command):
        if fmt.name == name:
            return fmt
    raise UsageError(f"unknown {command} format {name!r} (one of {', '.join(formats(command))})")


def help_text(command: Command) -> str:
    """'tree (the section tree), json (…) or md (…)' for a --format option's help."""
    parts = [f"{f.name} ({f.help})" for f in FORMATS[command]]
    return ", ".join(parts[:-1]) + " or " + parts[-1] if len(parts) > 1 else parts[0]

"""How `trace --help` reads: commands in the order a user needs them, usage lines with plain
metavars (OLD, NEW, FILE), and two or three real examples under every command."""

from __future__ import annotations

from typing import Any

from typer import _click as click
from typer.core import TyperArgument, TyperCommand, TyperGroup

ORDER = ("diff", "extract", "refs", "graph", "validate", "check", "chain")

EXAMPLES = {
    "diff": [
        ("trace diff corpus/objective2-old.docx corpus/objective2-new.docx", "report in the terminal"),
        ("trace diff old.docx new.pdf --stat", "one line per changed section"),
        ("trace diff old.docx new.docx -f html -o changes.html", "a page to share (-f md for a PR comment)"),
        ("trace diff old.docx new.docx --ignore-case -q || echo changed", "exit code only"),
    ],
    "extract": [
        ("trace extract corpus/objective2-new.docx", "the section tree"),
        ("trace extract plan.pdf -f json -o plan.json", "the model as JSON"),
        ("trace extract contribution.docx --view original", "with revision marks rejected"),
    ],
    "refs": [
        ("trace refs corpus/objective2-new.docx", "every reference, one per line when piped"),
        ("trace refs plan.docx roadmaps.pdf -f csv -o refs.csv", "several files, as CSV"),
        ("trace refs plan.docx | grep WSIS-C5", "find one reference"),
    ],
    "graph": [
        ("trace graph plan.docx roadmaps.pdf -f dot -o refs.dot", "then: dot -Tsvg refs.dot -o refs.svg"),
        ("trace graph plan.docx --who-cites WSIS-C5", "sections that cite a WSIS action line"),
        ("trace graph plan.docx roadmaps.pdf -f csv --family wsis", "coverage matrix of WSIS lines"),
        ("trace graph strategic-plan.docx -f csv --matrix outputs-objectives", "the plan's X matrix back out"),
    ],
    "chain": [
        ("trace chain ITU-D-OBJ-2@SP-2012-2015 strategic-plan.docx", "outputs serving an objective, its goal"),
        ("trace chain PP-RES-139 plan.docx report.pdf", "outputs citing a resolution, its status entry"),
        ("trace chain ITU-D-OUTPUT-2.2 plan.docx report.docx -f md", "an output's objective, resolutions, SDGs"),
    ],
    "validate": [
        ("trace validate contribution.docx --against action-plan.docx", "proposals against the plan"),
        ("trace validate contribution.docx --against plan.docx -f sarif -o out.sarif", "for code scanning"),
    ],
    "check": [
        ("trace check docs/", "every planning document under docs/"),
        ("trace check docs/ -f github --fail-on warning", "annotations in a GitHub workflow"),
        ("trace check docs/ --baseline .trace-baseline.json", "fail only on new findings"),
    ],
}


def epilog(command: str) -> str:
    """The 'Examples:' block of a command's help (kept as written by click's \\b marker)."""
    rows = EXAMPLES.get(command, [])
    width = max((len(cmd) for cmd, _ in rows), default=0)
    lines = [f"  {cmd.ljust(width)}  # {note}" for cmd, note in rows]
    return "Examples:\n\n\b\n" + "\n".join(lines) if rows else ""


class Group(TyperGroup):
    """Lists commands in the order of ORDER (diff first), others after in definition order."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        names = list(super().list_commands(ctx))
        return [n for n in ORDER if n in names] + [n for n in names if n not in ORDER]


class Command(TyperCommand):
    """A command whose usage line shows arguments as OLD [NEW] FILE... (no braces or types)."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = param.metavar or (param.name or "").upper()
                name = name if param.required else f"[{name}]"
                pieces.append(name + ("..." if param.nargs != 1 else ""))
        return pieces

    def format_options(self, ctx: click.Context, formatter: Any) -> None:
        """Arguments (by metavar, no Python type names), then options, each with its help text."""
        args = [(p.metavar or (p.name or "").upper(), p.help or "")
                for p in self.get_params(ctx) if isinstance(p, TyperArgument)]
        if args:
            with formatter.section("Arguments"):
                formatter.write_dl(args)
        opts = [rec for p in self.get_params(ctx) if not isinstance(p, TyperArgument)
                for rec in [p.get_help_record(ctx)] if rec]
        if opts:
            with formatter.section("Options"):
                formatter.write_dl(opts)


# Each command's help (`trace CMD --help`), kept as data rather than as the command functions'
# docstrings, which `python -OO` (PYTHONOPTIMIZE=2) strips: the help would be empty there.
HELP = {
    "extract": "Read a document into the section tree and print it.",
    "refs": """\
List every reference, then the findings.

Each reference with its canonical id, family, revision, text, section and location; with
several files, also the links one states and another contradicts.""",
    "graph": """\
Export the cross-reference graph.

Sections -> resolutions, WSIS action lines, SDGs and goals, joined across files on canonical ids.""",
    "chain": """\
Everything upstream and downstream of one entity across the files.

What it serves (objective, goal), what serves or cites it (outputs), and what the reports say
about it (status entries with their revision, target status).""",
    "validate": """\
Check a contribution against the plan it amends.

Each proposal must amend what it says it amends (exit 1 on an error finding). The rules and
severities of the project's trace.toml apply, as in check.""",
    "check": """\
Run every enabled rule over documents, for CI.

Exit 1 when new findings reach --fail-on.""",
    "diff": """\
Report the amendments between two revisions.

With one .docx, report its own revision marks. Exit codes follow diff(1): 0 no changes
reported, 1 changes reported, 2 trouble.

With --format docx and two .docx files, the output is NEW's own Word file (styles, numbering,
headers, notes, pictures kept) with the differences as revision marks: Accept All gives NEW's
text, Reject All OLD's; with --all also formatting and list numbering (bullets made numbers).
If NEW has revision marks they are accepted first. With one tracked
.docx, the file is written as it is. If OLD or NEW is a PDF or text file, the output falls back
to a generated document holding both texts with revision marks (a note says so).""",
}

"""The `trace` command: argument handling only; every command calls into the library.

Library errors (`TraceError` and subclasses) become one line on stderr and exit code 2 here and
nowhere else. Output files are written atomically, so a failed run leaves no partial file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Callable, Optional

import typer
from rich.console import Console

from . import __version__, load
from .errors import TraceError

app = typer.Typer(
    name="trace",
    help="Extract, cross-reference and diff ITU Action Plans, WSIS roadmaps and Strategic Plans.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stdout = Console(highlight=False, soft_wrap=False)


class View(str, Enum):
    accepted = "accepted"
    original = "original"


class ExtractFormat(str, Enum):
    tree = "tree"
    json = "json"
    md = "md"


def fail(message: str) -> None:
    """Print one line on stderr and exit 2."""
    sys.stderr.write(f"trace: {message}\n")
    raise typer.Exit(2)


def write_output(data: str | bytes, output: Path | None) -> None:
    """Write to `output` atomically (temp file + rename), or to stdout when no file is given."""
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    directory = output.resolve().parent
    if not directory.is_dir():
        fail(f"{output}: directory {directory} does not exist")
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        os.replace(tmp, output)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        fail(f"{output}: cannot write: {exc.strerror or exc}")


def guarded(func: Callable[[], int | None]) -> None:
    """Run a command body, mapping library errors to exit 2 and its return value to the exit code."""
    try:
        code = func()
    except TraceError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        sys.stderr.write("trace: interrupted\n")
        raise typer.Exit(130)
    except (typer.Exit, SystemExit):
        raise
    except Exception as exc:
        if os.environ.get("TRACE_DEBUG"):
            raise
        fail(f"internal error: {type(exc).__name__}: {exc} (set TRACE_DEBUG=1 for a traceback)")
    raise typer.Exit(code or 0)


def version_callback(value: bool) -> None:
    if value:
        stdout.print(f"actionplan-trace {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Optional[bool] = typer.Option(None, "--version", callback=version_callback, is_eager=True,
                                           help="Show the version and exit."),
) -> None:
    """Extract, cross-reference and diff ITU planning documents."""


@app.command()
def extract(
    file: Path = typer.Argument(..., help="A .docx, .pdf, .txt, .md or .html file."),
    format: ExtractFormat = typer.Option(ExtractFormat.tree, "--format", "-f", help="tree, json or md."),
    profile: Optional[str] = typer.Option(None, "--profile", "-p", help="Profile name or YAML file (default: detect)."),
    view: View = typer.Option(View.accepted, "--view", help="Tracked changes accepted or original."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
) -> None:
    """Read a document into the section tree and print it."""
    from .render import extract as render

    def run() -> int:
        doc = load(file, profile=profile, view=view.value)
        if format is ExtractFormat.json:
            write_output(render.to_json(doc), output)
        elif format is ExtractFormat.md:
            write_output(render.to_markdown(doc), output)
        elif output is not None:
            console = Console(record=True, width=160, file=open(os.devnull, "w"))
            console.print(render.to_tree(doc))
            write_output(console.export_text(), output)
        else:
            stdout.print(render.to_tree(doc))
        return 0

    guarded(run)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()

"""The `trace` command: argument handling only; every command is one call into `app`.

The commands, their options and their help are a typer application (cli_commands.py), imported
only when the command line needs it: typer and what it imports (inspect, subprocess, click's
core…) are some 23 ms of every run's start-up, a tenth of a `trace refs` of a 1 MB text and a
fifth of a whole plan's `trace extract`. The plain command line of a scripted run, `trace refs
FILE… [-f FORMAT] [-o FILE]` or `trace extract FILE [-f FORMAT] [-o FILE]`, is read here
(`plain_command`) and runs the very function typer's command calls (`refs_command`,
`extract_command`), with the same defaults; anything else (an option more, a `--max-…` before the command, --help, an
unknown format, a path opening with "-") goes to typer, which also gives every usage error.

Library errors (`TraceError` and subclasses) become one line on stderr and exit code 2 here and
nowhere else. Output files are written atomically, so a failed run leaves no partial file. The
`--format` choices of every command come from the renderer registry (render/registry.py).

Start-up: importing this module (and the typer application) makes some hundred thousand objects
(modules, functions, classes, compiled patterns) that live as long as the process. The cyclic
garbage collector is paused while they are made and, in `main`, they are frozen out of its
generations (`gc.freeze`), so no collection during the run scans them again; that was about an
eighth of a whole-plan extraction. When the collector is turned back on at the end of an import,
those objects are first moved to its oldest generation (`_promote_without_collecting`): else the
first object made after it would set off a young collection walking all of them, some 4 ms of
every command.
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
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NoReturn, cast

from . import app as trace
from .errors import InputError, OutputError, TraceError
from .output import flush_stdout, silence_stdout, standard_streams, stdout_errors, write_stdout
from .render.registry import Command as CommandName
from .render.registry import RenderOptions, formats

if TYPE_CHECKING:
    from typer.models import CommandInfo

    from .model import View
    from .render.terminal import SafeConsole

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



def fail(message: str) -> None:
    """Print one line on stderr and exit 2 (a multi-line message, e.g. a YAML error, is folded)."""
    from .render.escapes import printable  # only a failing or warning run needs it

    line = " ".join(part.strip() for part in message.splitlines() if part.strip())
    sys.stderr.write(f"trace: {printable(line)}\n")
    raise SystemExit(2)


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
        raise SystemExit(130)
    except BrokenPipeError:
        silence_stdout()
        raise SystemExit(141)
    except SystemExit:
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
    raise SystemExit(code or 0)


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


def report_input_warnings() -> None:
    """Have each InputWarning (a repaired input) reported as a `trace: warning:` line (show_warning),
    every time one is raised."""
    from .errors import InputWarning

    warnings.simplefilter("always", InputWarning)
    warnings.showwarning = show_warning


# The default --format of each command read without typer (plain_command), typer's too.
DEFAULT_FORMATS = {"extract": "tree", "refs": "table"}


def extract_command(file: Path, format: str, profile: str | None, view: View, output: Path | None) -> None:
    """`trace extract`: the body of typer's command (cli_commands.extract) and of the plain command line."""

    def run() -> int:
        emit("extract", format, trace.extract(file, profile=profile, view=view), output, [file])
        return 0

    guarded(run)


def refs_command(files: list[Path], format: str, profile: str | None, registry: list[Path], edition: list[str],
                 output: Path | None) -> None:
    """`trace refs`: the body of typer's command (cli_commands.refs) and of the plain command line."""

    def run() -> int:
        emit("refs", format, trace.references(files, profile, registry, edition, output=output), output, [*files, *registry])
        return 0

    guarded(run)


# The options of a plain command line (plain_command) and the parameter each sets.
_PLAIN_OPTIONS = {"-f": "format", "--format": "format", "-o": "output", "--output": "output"}


def plain_command(args: list[str]) -> tuple[CommandName, list[Path], str, Path | None] | None:
    """The command, files, format and output of a command line `extract FILE [-f FORMAT] [-o FILE]`
    or `refs FILE… [-f FORMAT] [-o FILE]` (options anywhere after the command, each at most once,
    `--format=FORMAT` and `--output=FILE` too; FORMAT one of the command's formats), read as typer
    reads it; None for any other command line, which typer reads (see the module docstring): one
    holding another option, a value or path that is empty or opens with "-", shell completion, or
    TRACE_DEBUG set (typer's traceback)."""
    if not args or args[0] not in DEFAULT_FORMATS or os.environ.get("_TRACE_COMPLETE") or os.environ.get("TRACE_DEBUG"):
        return None
    command = cast(CommandName, args[0])
    files: list[Path] = []
    given: dict[str, str] = {}
    tokens = iter(args[1:])
    for token in tokens:
        if not token.startswith("-"):
            files.append(Path(token))
            continue
        name, equals, value = token.partition("=")
        if name not in _PLAIN_OPTIONS or (equals and not name.startswith("--")):
            return None
        if not equals:
            value = next(tokens, "")
        parameter = _PLAIN_OPTIONS[name]
        if not value or value.startswith("-") or parameter in given:
            return None
        given[parameter] = value
    fmt = given.get("format", DEFAULT_FORMATS[command])
    if not files or (command == "extract" and len(files) > 1) or fmt not in formats(command):
        return None
    output = given.get("output")
    return command, files, fmt, Path(output) if output is not None else None


def commands() -> ModuleType:
    """The typer application's module (cli_commands), imported with the collector paused (see the
    module docstring)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        from . import cli_commands
    finally:
        if paused:
            _promote_without_collecting()
            gc.enable()
    return cli_commands


def __getattr__(name: str) -> Any:
    """The typer application (`app`) and its commands, as attributes of this module."""
    if name.startswith("__"):
        raise AttributeError(name)
    try:
        return getattr(commands(), name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


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
    everything = list(commands().app.registered_commands)
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


VERSION_ONLY = ["--version"]
"""The command line `trace --version`, answered here, as `plain_command`s are."""


def run(args: list[str]) -> int:
    """Run the command line `args` (without the program name) and return its exit status."""
    try:
        with stdout_errors():  # what Typer prints itself (--help, --version, usage)
            if args == VERSION_ONLY:  # (as typer's version_callback says it, without typer's 40 ms)
                from .version import version_line

                write_stdout(version_line())
            elif (plain := plain_command(args)) is not None:
                report_input_warnings()  # as typer's main_options does first
                command, files, fmt, output = plain
                if command == "extract":
                    extract_command(files[0], fmt, None, "accepted", output)
                else:
                    refs_command(files, fmt, None, [], [], output)
            else:
                _typer_run(args)
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        sys.stderr.write(f"{exc.code}\n")
        return 1
    except OutputError as exc:
        sys.stderr.write(f"trace: {exc}\n")
        return 2
    return 0


def _typer_run(args: list[str]) -> None:
    """Run the command line `args` through the typer application, building only the command it names."""
    app = commands().app
    registered = list(app.registered_commands)
    app.registered_commands[:] = commands_to_build(args)
    try:
        app(args, prog_name="trace")
    finally:
        app.registered_commands[:] = registered


def main() -> NoReturn:
    """Console-script entry point.

    The process ends with os._exit once the output is flushed and the run caches (regex programs,
    record methods) saved: nothing is left to do, and the interpreter's orderly shutdown, which
    frees every object and module (lxml's alone about 5 ms), cost a run 5 to 10 ms (mypy ends the
    same way). Anything that must happen at exit is done here, not in an atexit handler.
    """
    standard_streams()
    if sys.argv[1:] != VERSION_ONLY and plain_command(sys.argv[1:]) is None:
        commands()  # imported before the freeze below, as the objects this module's import made
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

"""Start-up contracts (speed itself is measured in bench/speed_bench.py, never here): a command
imports only what its input needs, and the CLI's handling of the garbage collector changes
nothing for code that imports it as a library."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import actionplan_trace
from actionplan_trace.cli import app, commands_to_build, run

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
# The probes' environment: the package under test (PYTHONPATH or installed), wherever it is.
PROBE_ENV = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(actionplan_trace.__file__).resolve().parents[1])}
HEAVY = ("yaml", "rich", "pdfplumber", "pypdfium2", "pydantic", "rapidfuzz", "lxml", "zipfile", "tempfile", "hashlib",
         "html.entities")


def loaded_by(args: list[str], cache: Path, env: dict[str, str] | None = None,
              modules: tuple[str, ...] = HEAVY) -> set[str]:
    """The `modules` (HEAVY unless given) that `trace ARGS` has imported when it exits (run in a
    fresh process, its stdout a pipe, `env` added to its environment)."""
    probe = ("import sys\nfrom actionplan_trace.cli import run\n"
             f"run({args!r})\n"
             f"sys.stderr.write(' '.join(m for m in {modules!r} if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env={**PROBE_ENV, "TRACE_CACHE_DIR": str(cache), **(env or {})})
    return set(result.stderr.split())


@pytest.mark.parametrize("fixture, expected", [
    ("action-plan-ba.docx", {"lxml", "zipfile"}),
    ("text/objective2-new.txt", set()),
])
def test_extract_to_json_imports_only_what_the_input_needs(
        tmp_path: Path, fixture: str, expected: set[str]) -> None:
    cache = tmp_path / "cache"
    loaded_by(["extract", str(CORPUS / fixture), "-f", "json"], cache)
    assert loaded_by(["extract", str(CORPUS / fixture), "-f", "json"], cache) == expected


def test_refs_of_a_text_needs_no_fuzzy_matcher_xml_or_terminal_library(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    args = ["refs", str(CORPUS / "text" / "objective2-new.txt"), "-f", "json"]
    loaded_by(args, cache)
    assert loaded_by(args, cache) == set()


def test_writing_the_output_file_imports_no_tempfile_nor_signal_module(tmp_path: Path) -> None:
    """-o writes a temporary file and renames it (output.write_atomic) without tempfile (and the
    shutil and random it imports), signal or threading: a fifth of a small text's start-up."""
    out = tmp_path / "refs.json"
    args = ["refs", str(CORPUS / "text" / "objective2-new.txt"), "-f", "json", "-o", str(out)]
    unused = ("tempfile", "shutil", "random", "signal", "threading")
    loaded_by(args, tmp_path / "cache", modules=unused)
    assert loaded_by(args, tmp_path / "cache", modules=unused) == set()
    assert out.read_text(encoding="utf-8").startswith('{\n  "schema": "actionplan-trace/refs/')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "refs.json"]


def test_a_refs_table_piped_is_written_as_lines_without_rich(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    args = ["refs", str(CORPUS / "text" / "objective2-new.txt")]
    loaded_by(args, cache)
    assert loaded_by(args, cache) == set()
    # What lets Rich call a pipe a terminal is left to Rich, which then prints its table.
    assert "rich" in loaded_by(args, cache, {"FORCE_COLOR": "1"})


def test_refs_reads_a_near_miss_code_without_the_fuzzy_matcher(tmp_path: Path) -> None:
    text = tmp_path / "near-miss.txt"
    text.write_text("Regional Initiatives (ARF3, ARB2)\n", encoding="utf-8")
    args = ["refs", str(text), "-f", "json"]
    loaded_by(args, tmp_path / "cache")
    assert loaded_by(args, tmp_path / "cache") == set()



def test_refs_of_a_text_evaluates_no_type_annotation_text(tmp_path: Path) -> None:
    """A type alias spelt with a string ("etree._Element") and evaluated at run time makes a
    typing.ForwardRef, which compiles its text: the process's first compile() sets up every AST
    node type, some 9 M instructions of a one-line `trace refs`. The aliases annotations need
    are the type checker's only."""
    probe = ("import gc, sys, typing\nfrom actionplan_trace.cli import run\n"
             f"run(['refs', {str(CORPUS / 'text' / 'objective2-new.txt')!r}, '-f', 'json'])\n"
             "sys.stderr.write(' '.join(str(o) for o in gc.get_objects() if isinstance(o, typing.ForwardRef)))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env={**PROBE_ENV, "TRACE_CACHE_DIR": str(tmp_path / "cache")})
    assert '"schema": "actionplan-trace/refs/2"' in result.stdout
    assert result.stderr == ""


def test_a_warm_refs_run_compiles_no_text_pattern_of_the_package(tmp_path: Path) -> None:
    """With the regex cache warm, every text pattern the package uses comes from it
    (regexcache.regex), none from re's pure-Python compiler (about 0.4 M instructions each): the
    ones compiled are the standard library's own and the package's few bytes patterns. (A text's
    references compile some more as they are met.)"""
    text = tmp_path / "one-line.txt"
    text.write_text("Resolution 37 (Rev. Kigali, 2022)\n", encoding="utf-8")
    probe = ("import sys\nfrom re import _compiler\ncompile = _compiler.compile\n"
             "def traced(pattern, flags=0):\n"
             "    caller = sys._getframe(1)\n"
             "    while caller.f_code.co_filename.endswith(('re/__init__.py', 're/_compiler.py')):\n"
             "        caller = caller.f_back\n"
             "    if 'actionplan_trace' in caller.f_code.co_filename and isinstance(pattern, str):\n"
             "        sys.stderr.write(repr(pattern) + ' ')\n"
             "    return compile(pattern, flags)\n"
             "_compiler.compile = traced\n"
             "from actionplan_trace.cli import run\n"
             f"run(['refs', {str(text)!r}, '-f', 'json'])\n")
    env = {**PROBE_ENV, "TRACE_CACHE_DIR": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert '"schema": "actionplan-trace/refs/2"' in result.stdout
    assert result.stderr == ""

GRAPH_MODULES = ("actionplan_trace.refs.graph", "actionplan_trace.refs.matrix", "actionplan_trace.refs.reports",
                 "actionplan_trace.refs.trc")


@pytest.mark.parametrize("files, graph_loaded", [
    (["text/objective2-new.txt"], False),
    (["text/objective2-new.txt", "text/action-plan-ba-amended.txt"], True),
])
def test_refs_imports_the_graph_only_to_check_several_files(
        tmp_path: Path, files: list[str], graph_loaded: bool) -> None:
    """The cross-reference graph (refs.graph and what it needs) serves the cross-file check: one
    file's references are listed without importing it, two files' are checked across it."""
    probe = ("import sys\nfrom actionplan_trace.cli import run\n"
             f"run(['refs', *{[str(CORPUS / f) for f in files]!r}, '-f', 'json'])\n"
             f"sys.stderr.write(' '.join(m for m in {GRAPH_MODULES!r} if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env={**PROBE_ENV, "TRACE_CACHE_DIR": str(tmp_path / "cache")})
    assert '"schema": "actionplan-trace/refs/2"' in result.stdout
    assert set(result.stderr.split()) == (set(GRAPH_MODULES) if graph_loaded else set())


@pytest.mark.parametrize("enabled", [True, False])
def test_importing_the_cli_leaves_the_garbage_collector_as_it_was(enabled: bool) -> None:
    probe = (f"import gc\n{'gc.enable()' if enabled else 'gc.disable()'}\nimport actionplan_trace.cli\n"
             "print(gc.isenabled(), gc.get_freeze_count() == 0)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert out == [str(enabled), "True"]


def run_main(args: list[str], tmp_path: Path) -> str:
    """stderr of `trace ARGS` through the console-script entry point."""
    probe = f"import sys\nfrom actionplan_trace.cli import main\nsys.argv = ['trace', *{args!r}]\nmain()\n"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env={**PROBE_ENV, "TRACE_CACHE_DIR": str(tmp_path / "cache")})
    return result.stderr


def built(args: list[str]) -> list[str]:
    return [info.callback.__name__ for info in commands_to_build(args) if info.callback is not None]


def test_a_named_command_is_the_only_one_built(tmp_path: Path) -> None:
    text = str(CORPUS / "text" / "objective2-new.txt")
    assert built(["--max-text-mb", "3", "refs", text, "-f", "json"]) == ["refs"]
    assert built(["diff", "a.docx", "b.docx"]) == ["diff"]
    assert run_main(["--max-text-mb", "3", "refs", text, "-f", "json", "-o", str(tmp_path / "r.json")], tmp_path) == ""
    assert (tmp_path / "r.json").read_text(encoding="utf-8").startswith('{\n  "schema": "actionplan-trace/refs/')


def test_a_misspelt_command_still_gets_a_suggestion_from_all_of_them(tmp_path: Path) -> None:
    assert sorted(built(["extrct", "x.docx"])) == ["chain", "check", "diff", "extract", "graph", "refs", "validate"]
    assert sorted(built(["--version"])) == sorted(built([]))
    assert "No such command 'extrct'. Did you mean 'extract'?" in run_main(["extrct", "x.docx"], tmp_path)


def test_one_process_runs_one_command_after_another(capsys: pytest.CaptureFixture[str]) -> None:
    text = str(CORPUS / "text" / "objective2-new.txt")
    assert run(["refs", text, "-f", "csv"]) == 0
    assert run(["extract", text, "-f", "json"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("record,id,family,") and '"schema": "actionplan-trace/extract/' in out
    assert len(app.registered_commands) == 7


def test_importing_the_package_imports_no_typing() -> None:
    """`actionplan_trace/__init__` runs first in every `trace` process, before cli.py pauses the
    garbage collector: typing, imported there, made enough objects to set off collections. The
    package imports nothing itself (its names come on first use), typing neither."""
    probe = "import sys, actionplan_trace\nprint(sorted({'typing', 'actionplan_trace.cli'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=PROBE_ENV, check=True)
    assert result.stdout.split() == ["[]"]


def test_version_is_answered_without_typer_or_importlib_metadata(tmp_path: Path) -> None:
    """`trace --version` is read as the plain commands are, and the version from the installed
    METADATA file: typer and importlib.metadata took it from 28 to 77 ms."""
    from importlib.metadata import version

    probe = """
import os, sys
from actionplan_trace import cli
built, exit_now = cli.commands, os._exit
def commands():
    sys.stderr.write("typer built ")
    return built()
def ended(status):
    sys.stderr.write(" ".join(m for m in ("typer", "importlib.metadata", "email") if m in sys.modules))
    sys.stderr.flush()
    exit_now(status)
cli.commands, os._exit = commands, ended
sys.argv = ["trace", "--version"]
cli.main()
"""
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env={**PROBE_ENV, "TRACE_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0
    assert result.stdout == f"actionplan-trace {version('actionplan-trace')}\n"
    assert result.stderr == ""


def test_the_version_is_the_first_distribution_on_the_path_as_importlib_metadata_finds_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib.metadata import version

    from actionplan_trace.version import package_version

    first = tmp_path / "first"
    (first / "actionplan_trace-9.8.7.dist-info").mkdir(parents=True)
    (first / "actionplan_trace-9.8.7.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: actionplan-trace\nVersion: 9.8.7\n\nVersion: 1.0 in the description\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(first), *sys.path])
    package_version.cache_clear()
    try:
        assert package_version() == version("actionplan-trace") == "9.8.7"
        (first / "actionplan_trace-9.8.7.dist-info" / "METADATA").write_text("Name: actionplan-trace\n\n", encoding="utf-8")
        package_version.cache_clear()
        assert package_version() == version("actionplan-trace")  # no version there: importlib.metadata's answer
        earlier = tmp_path / "earlier"
        (earlier / "ActionPlan_Trace.egg-info").mkdir(parents=True)  # as an editable install leaves one in src/
        (earlier / "ActionPlan_Trace.egg-info" / "PKG-INFO").write_text("Name: actionplan-trace\nVersion: 5.4\n\n",
                                                                         encoding="utf-8")
        sys.path.insert(0, str(earlier))
        package_version.cache_clear()
        assert package_version() == version("actionplan-trace") == "5.4"  # the first entry holding one decides
    finally:
        package_version.cache_clear()

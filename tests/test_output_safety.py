"""The one output writer (`-o`, baselines): never onto an input, symlinks followed, short temporary
names, no temporary file left behind by an exception or a signal, non-UTF-8 names, unreadable files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan_trace.cli import app
from actionplan_trace.errors import OutputError
from actionplan_trace.output import write_atomic
from conftest import ROOT, run_cli

OLD = """Objective 2 – Modern and secure infrastructure
Output 2.1 – Products and services on infrastructure
The BDT will assist Member States (WTDC Resolution 37).
"""
NEW = OLD.replace("assist Member States", "assist Member States and Sector Members")
BAD_NAME = os.fsdecode(b"plan-\xff\xfe.txt")


def trace(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def one_clean_line(result, *words: str) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert all(w in lines[0] for w in words), lines[0]
    return lines[0]


@pytest.mark.parametrize("command", [
    ["extract", "{old}", "-f", "json", "-o", "{old}"],
    ["diff", "{old}", "{new}", "-f", "json", "-o", "{new}"],
    ["diff", "{old}", "{new}", "-f", "docx", "-o", "{new}"],
    ["refs", "{old}", "{new}", "-f", "json", "-o", "{new}"],
    ["graph", "{old}", "-o", "{old}"],
    ["validate", "{new}", "--against", "{old}", "-o", "{old}"],
    ["check", "{old}", "--no-cache", "-o", "{old}"],
])
def test_output_onto_an_input_is_refused(pair, command) -> None:
    old, new = pair
    before = (old.read_bytes(), new.read_bytes())
    args = [a.format(old=old, new=new) for a in command]
    one_clean_line(trace(*args), "is an input of this run", "refusing")
    assert (old.read_bytes(), new.read_bytes()) == before
    assert leftovers(old.parent) == []


def test_output_onto_a_hard_link_or_symlink_of_an_input_is_refused(pair) -> None:
    old, _ = pair
    (old.parent / "hard.txt").hardlink_to(old)
    (old.parent / "soft.txt").symlink_to(old)
    for alias in ("hard.txt", "soft.txt"):
        one_clean_line(trace("extract", old, "-f", "json", "-o", old.parent / alias), "is an input")
    assert old.read_text(encoding="utf-8") == OLD


def test_check_baseline_onto_an_input_is_refused_and_nothing_written(pair) -> None:
    old, new = pair
    out = old.parent / "report.json"
    one_clean_line(trace("check", old, new, "--no-cache", "--baseline", new, "--update-baseline", "-f", "json",
                         "-o", out), "is an input")
    assert new.read_text(encoding="utf-8") == NEW


def test_failed_run_writes_no_baseline(pair) -> None:
    old, _ = pair
    baseline = old.parent / "baseline.json"
    one_clean_line(trace("check", old, "--no-cache", "--baseline", baseline, "--update-baseline",
                         "-o", old.parent / "no" / "r.txt"), "does not exist")
    assert not baseline.exists()


def test_a_250_byte_output_name_works(pair) -> None:
    old, _ = pair
    out = old.parent / ("r" * 245 + ".json")
    assert len(out.name.encode()) == 250
    result = trace("extract", old, "-f", "json", "-o", out)
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["schema"].startswith("actionplan-trace/extract/")
    assert leftovers(old.parent) == []


def test_symlink_output_writes_its_target(pair) -> None:
    old, _ = pair
    target = old.parent / "sub" / "target.json"
    target.parent.mkdir()
    link = old.parent / "link.json"
    link.symlink_to(target)
    assert trace("extract", old, "-f", "json", "-o", link).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text(encoding="utf-8"))["source"]["path"] == str(old)


def test_non_utf8_names_in_and_out(pair) -> None:
    old, _ = pair
    weird = old.parent / BAD_NAME
    weird.write_text(OLD, encoding="utf-8")
    out = old.parent / os.fsdecode(b"out-\xff.json")
    result = trace("extract", weird, "-f", "json", "-o", out)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_bytes().decode("utf-8"))
    assert data["source"]["path"] == str(weird)
    assert leftovers(old.parent) == []


def test_check_on_a_folder_with_a_non_utf8_name(pair) -> None:
    old, _ = pair
    (old.parent / BAD_NAME).write_text(OLD, encoding="utf-8")
    for fmt in ("json", "text", "sarif", "junit", "github"):
        result = trace("check", old.parent, "-f", fmt, "-o", old.parent / f"out.{fmt}")
        assert result.exit_code in (0, 1), result.output
    data = json.loads((old.parent / "out.json").read_text(encoding="utf-8"))
    assert {Path(f["path"]).name for f in data["files"]} >= {"old.txt", BAD_NAME}
    assert leftovers(old.parent) == []


def test_any_exception_during_the_write_removes_the_temporary_file(tmp_path, monkeypatch) -> None:
    def boom(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_atomic("data", tmp_path / "out.txt")
    assert list(tmp_path.iterdir()) == []


def test_encoding_fails_before_anything_is_written(tmp_path) -> None:
    with pytest.raises(OutputError):
        write_atomic("x", tmp_path / "missing" / "out.txt")
    write_atomic("lone \udcff surrogate", tmp_path / "out.json")
    assert (tmp_path / "out.json").read_bytes() == b"lone \\udcff surrogate"


SLOW_WRITER = textwrap.dedent("""
    import os, signal, sys, time
    # A shell that starts a job in the background ignores SIGINT for it, and Python keeps an
    # inherited SIG_IGN; an interactive user's Ctrl-C raises KeyboardInterrupt, so restore that.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.path.insert(0, {src!r})
    from actionplan_trace import output
    def stall(src, dst):
        print("ready", flush=True)
        time.sleep(30)
    output.os.replace = stall
    try:
        output.write_atomic("x" * 1_000_000, {out!r})
    except KeyboardInterrupt:
        sys.exit(130)
""")


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 128 + signal.SIGTERM)])
def test_a_signal_during_the_write_leaves_no_temporary_file(tmp_path, sig, code) -> None:
    out = tmp_path / "big.json"
    script = SLOW_WRITER.format(src=str(ROOT / "src"), out=str(out))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    assert len(leftovers(tmp_path)) == 1
    proc.send_signal(sig)
    assert proc.wait(timeout=20) == code
    assert list(tmp_path.iterdir()) == []


def test_unreadable_file_is_one_line(tmp_path, monkeypatch) -> None:
    """Typer's own `readable` check printed a usage box; check doubled "cannot read:"."""
    path = tmp_path / "locked.txt"
    path.write_text(OLD, encoding="utf-8")
    real_open = Path.open

    def denied(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    real_os_open = os.open

    def os_denied(name, *args, **kwargs):  # inputs are opened without blocking, through os.open
        if Path(os.fsdecode(name)) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return real_os_open(name, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    monkeypatch.setattr(os, "open", os_denied)
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: Path(p) != path)
    for command in (["extract", path], ["refs", path], ["diff", path, path], ["validate", path, "--against", path]):
        one_clean_line(trace(*command), str(path), "Permission denied")
    result = trace("check", path, "--no-cache", "-f", "json")
    assert result.exit_code == 1
    finding = json.loads(result.stdout)["findings"][0]
    assert finding["code"] == "CHK004" and finding["message"].count("cannot read") <= 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_for_real(tmp_path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(OLD, encoding="utf-8")
    path.chmod(0)
    result = run_cli("extract", str(path))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "Permission denied" in result.stderr


def test_closed_pipe_is_quiet(pair, monkeypatch) -> None:
    """`trace extract … | head`: the reader went away; no internal error, SIGPIPE's exit code."""
    from actionplan_trace import cli

    def gone(*args, **kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli, "write_output", gone)
    result = trace("extract", pair[0], "-f", "json")
    assert result.exit_code == 141 and result.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", [("refs", "-f", "json"), ("refs",), ("extract",), ("graph",), ("diff",), ("--help",),
                                  ("--version",)])
def test_stdout_on_a_full_disk_is_one_line(pair, args) -> None:
    """Found in review: `trace refs … > /dev/full` ended in "internal error: OSError: [Errno 28]";
    so did Typer's own --help and --version. Now one line naming standard output, exit 2."""
    files = [] if args[0].startswith("--") else [str(pair[0])] + ([str(pair[1])] if args[0] == "diff" else [])
    command = [sys.executable, "-m", "actionplan_trace.cli", args[0], *files, *args[1:]]
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # as CI runs it: once only
    with open("/dev/full", "w") as full:
        result = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, env=buffered)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["trace: standard output: cannot write: No space left on device"]


def test_names_too_long_to_look_up_are_one_line(pair) -> None:
    """Found in review: Python 3.11's Path.exists() raises on a name of over 255 bytes, and
    `-o`, `check FILE`, `check --config` and `check --baseline` ended in "internal error:
    OSError: [Errno 36]". Each is now one line naming the path."""
    long = pair[0].parent / ("n" * 300)
    cases = {
        ("refs", str(pair[0]), "-o", f"{long}.json"): f"{long}.json: cannot write: File name too long",
        ("check", f"{long}.txt"): f"{long}.txt: cannot look it up: File name too long",
        ("check", str(pair[0]), "--config", f"{long}.toml"):
            f"{long}.toml: cannot look up the configuration file: File name too long",
        ("check", str(pair[0]), "--baseline", f"{long}.json"): f"{long}.json: cannot look up the baseline: File name too long",
    }
    for args, message in cases.items():
        result = trace(*args)
        assert result.exit_code == 2, args
        assert result.stderr.splitlines() == [f"trace: {message}"], args
    assert leftovers(pair[0].parent) == []


def test_check_starts_no_more_processes_than_cpus(tmp_path, monkeypatch) -> None:
    """Found in review: `jobs = 100000` over 2,000 files started 2,000 processes, some 7 GB.
    The pool has at most as many workers as the process may use CPUs (none at all on one CPU),
    counted by its affinity: a CI container pinned to 1 or 2 of a host's 64 CPUs starts no more."""
    from actionplan_trace.validate import check

    for n in range(3):
        (tmp_path / f"plan-{n}.txt").write_text(OLD.replace("2.1", f"2.{n + 1}"), encoding="utf-8")
    (tmp_path / "trace.toml").write_text("jobs = 100000\n", encoding="utf-8")
    started: list[int] = []

    class Pool(check.ProcessPoolExecutor):
        def __init__(self, max_workers: int) -> None:
            started.append(max_workers)
            super().__init__(max_workers=max_workers)

    monkeypatch.setattr(check, "ProcessPoolExecutor", Pool)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(check.os, "cpu_count", lambda: 64)
    for cpus, pools in ((1, []), (2, [2])):
        monkeypatch.setattr(check.os, "sched_getaffinity", lambda pid: set(range(cpus)), raising=False)
        started.clear()
        result = trace("check", ".", "--no-cache", "-f", "json")
        assert result.exit_code in (0, 1), result.output
        assert len(json.loads(result.stdout)["files"]) == 3
        assert started == pools


def _spawned(args: list[str], cwd: Path | None = None, env: dict[str, str] | None = None,
             closed: tuple[int, ...] = ()) -> subprocess.CompletedProcess[str]:
    """`trace ARGS` in a process started with the descriptors `closed` closed (`>&-`, `2>&-`), its
    output captured where it is not (read in the PYTHONIOENCODING of `env`, if any)."""
    def close() -> None:
        for fd in closed:
            os.close(fd)

    environ = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"} | (env or {})
    return subprocess.run([sys.executable, "-m", "actionplan_trace.cli", *args], capture_output=True,
                          encoding=environ.get("PYTHONIOENCODING", "utf-8"), cwd=cwd, env=environ, preexec_fn=close,
                          timeout=120)


def test_a_closed_stdout_fails_a_printing_command_in_one_line_and_not_one_writing_a_file(pair, tmp_path) -> None:
    """Found in review: `trace extract F >&-` ended in "internal error: AttributeError: 'NoneType'
    object has no attribute 'flush'" with a traceback, exit 1, even with -o, whose file was whole."""
    out = tmp_path / "x.json"
    written = _spawned(["extract", str(pair[0]), "-f", "json", "-o", str(out)], closed=(1,))
    assert (written.returncode, written.stderr) == (0, "")
    assert json.loads(out.read_text())["schema"].startswith("actionplan-trace/")
    printed = _spawned(["extract", str(pair[0])], closed=(1,))
    assert printed.returncode == 2
    assert printed.stderr.splitlines() == ["trace: standard output: cannot write: Bad file descriptor"]


def test_a_closed_stderr_keeps_every_exit_status(pair, tmp_path) -> None:
    """Found in review: with stderr closed every run exited 1 (writing its warnings failed), a
    clean diff and a clean check among them, and `check -o` wrote no report."""
    same = _spawned(["diff", str(pair[0]), str(pair[0])], closed=(2,))
    assert same.returncode == 0 and "no differences" in same.stdout
    assert _spawned(["diff", str(pair[0]), str(pair[1])], closed=(2,)).returncode == 1
    assert _spawned(["extract", str(tmp_path / "missing.docx")], closed=(2,)).returncode == 2
    report = tmp_path / "o.sarif"
    checked = _spawned(["check", "--no-cache", "-f", "sarif", str(pair[0]), "-o", str(report)], closed=(2,))
    assert checked.returncode in (0, 1) and json.loads(report.read_text())["version"] == "2.1.0"


def test_a_removed_working_directory_is_one_line(pair, tmp_path) -> None:
    """Found in review: started in a directory since removed, `check` (its config search), a
    relative -o and `validate` ended in "internal error: FileNotFoundError"."""
    gone = tmp_path / "gone"
    gone.mkdir()
    result = subprocess.run([sys.executable, "-c", "import os, runpy, sys; os.rmdir(os.getcwd()); "
                             "sys.argv = ['trace', *sys.argv[1:]]; runpy.run_module('actionplan_trace.cli', "
                             "run_name='__main__')", "check", str(pair[0])],
                            cwd=gone, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "trace: the current directory no longer exists (it was removed): run trace from one that does"]


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "latin-1"])
def test_an_output_encoding_that_cannot_write_every_character(pair, encoding) -> None:
    """Found in review: PYTHONIOENCODING=cp1252 (as on a Windows pipe) made `diff` and `extract`
    end in "internal error: UnicodeEncodeError" on the arrow or ellipsis they print. A report for
    people writes what the encoding lacks as escapes; a format for programs is UTF-8 whatever it."""
    env = {"PYTHONIOENCODING": encoding}
    text = _spawned(["diff", str(pair[0]), str(pair[1])], env=env)
    assert text.returncode == 1 and text.stderr == ""
    assert "\\u2192" in text.stdout.splitlines()[0]
    tree = _spawned(["extract", str(pair[1])], env=env)
    assert tree.returncode == 0 and tree.stderr == ""
    raw = subprocess.run([sys.executable, "-m", "actionplan_trace.cli", "diff", "-f", "json", str(pair[0]), str(pair[1])],
                         capture_output=True, env={**os.environ, **env}, timeout=120)
    assert raw.returncode == 1 and json.loads(raw.stdout.decode("utf-8"))["schema"] == "actionplan-trace/diff/3"

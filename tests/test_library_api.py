"""`actionplan_trace` called as a library, as a black-box review did from a wheel: the errors
cross a process pool, one path is one path (not a sequence of characters), a wrong name is the
project's UsageError, and a result's repr stays short."""

from __future__ import annotations

import json
import pickle
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from conftest import CORPUS

from actionplan_trace import app
from actionplan_trace.errors import InputError, InputWarning, LimitError, OutputError, TraceError, UsageError

PLAN = CORPUS / "action-plan-ba.docx"
TEXT = CORPUS / "text" / "objective2-new.txt"


@pytest.mark.parametrize("error", [InputError("a.docx", "not a ZIP package"), LimitError("b.pdf", "over 500 pages"),
                                   OutputError("c.json", "disk full"), InputWarning("d.txt", "bytes replaced"),
                                   UsageError("unknown format 'x'")], ids=type)
def test_errors_pickle_whole(error: Exception) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error) and str(again) == str(error)
    assert getattr(again, "path", None) == getattr(error, "path", None)
    assert getattr(again, "problem", None) == getattr(error, "problem", None)


def test_a_missing_file_in_a_process_pool_fails_alone(tmp_path: Path) -> None:
    """An InputError that could not be unpickled broke the pool: every future failed."""
    with ProcessPoolExecutor(max_workers=2) as pool:
        good, missing = pool.submit(app.load, TEXT), pool.submit(app.load, tmp_path / "missing.docx")
        assert good.result().source.profile == "action-plan"
        with pytest.raises(InputError) as raised:
            missing.result()
    assert raised.value.path.endswith("missing.docx") and raised.value.problem == "no such file"
    assert isinstance(raised.value, TraceError)


def test_one_path_is_one_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A str where a list of paths goes was read character by character ("/: is a directory")."""
    assert app.references(str(PLAN)) == app.references([PLAN])
    assert app.graph(PLAN)[0].sources == app.graph([str(PLAN)])[0].sources == [str(PLAN)]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "plan.txt").write_text(TEXT.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "trace.toml").write_text('[rules]\nREF005 = "off"\n', encoding="utf-8")
    by_str = app.check("plans", config="trace.toml", use_cache=False, baseline=None)
    by_path = app.check([Path("plans/plan.txt")], config=Path("trace.toml"), use_cache=False)
    assert [f.path for f in by_str.files] == [f.path for f in by_path.files] == ["plans/plan.txt"]
    assert [f.code for f in by_str.findings] == [f.code for f in by_path.findings]
    assert "REF005" not in {f.code for f in by_str.findings}


@pytest.mark.parametrize(("given", "message"), [("", "an empty path names no file"), (b"", "an empty path names no file"),
                                                 ([], "no files given")])
def test_no_path_is_a_usage_error(given: object, message: str) -> None:
    """"" was the current folder ("is a directory"), [] an empty report, b"…" its bytes one by one."""
    with pytest.raises(UsageError, match=message):
        app.references(given)  # type: ignore[arg-type]


def test_a_path_as_bytes_is_one_path() -> None:
    assert [r.id for r in app.references(str(PLAN).encode()).refs] == [r.id for r in app.references(PLAN).refs]


def test_wrong_names_are_usage_errors() -> None:
    result = app.load(TEXT)
    with pytest.raises(UsageError, match="unknown command 'nope'"):
        app.render("nope", "json", result)  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="unknown command 'bogus'"):  # was a KeyError, no TraceError
        app.formats("bogus")  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="unknown matrix 'outputs-objective'"):
        app.matrix(app.graph(CORPUS / "strategic-plan-2012.docx")[0], "outputs-objective")


def test_a_result_of_another_command_is_a_usage_error_naming_the_mismatch() -> None:
    """A black-box review (F5): `app.render("check", "json", "not a report")` raised an
    AttributeError and `app.render("refs", "json", check_report)` a TypeError naming
    `CheckReport.to_dict()`'s arguments, neither a TraceError. Now a UsageError says what the
    command renders and what it was given; a right result still renders."""
    checked = app.check(CORPUS / "text" / "objective2-new.txt", use_cache=False)
    with pytest.raises(UsageError, match=r"check renders a CheckReport \(what app.check returns\), not str"):
        app.render("check", "json", "not a report")
    with pytest.raises(UsageError, match=r"refs renders a RefReport \(what app.references returns\), not CheckReport"):
        app.render("refs", "json", checked)
    with pytest.raises(UsageError, match="diff renders a DiffResult"):
        app.render("diff", "md", app.load(TEXT))
    assert json.loads(app.render("check", "json", checked))["schema"] == "actionplan-trace/check/2"


def test_render_gives_text_as_str_and_the_refs_json_as_the_utf8_bytes_written() -> None:
    """The README's contract for app.render: text formats are str, the refs JSON is the UTF-8
    bytes `trace refs -f json` writes (a document of that size is made as bytes, not encoded
    whole), and both read as JSON."""
    report = app.references(TEXT)
    data = app.render("refs", "json", report)
    assert isinstance(data, bytes)
    assert json.loads(data)["schema"] == "actionplan-trace/refs/2"
    assert isinstance(app.render("refs", "csv", report), str)
    assert isinstance(app.render("diff", "json", app.compare(TEXT, TEXT)), str)


def test_results_repr_their_collections_by_size() -> None:
    """A DiffResult's repr held both documents whole (1.3 MB for Objective 2's revisions). The
    checkout's folder is left out of the lengths: the sources' paths name it, and CI clones deep."""
    result = app.compare(CORPUS / "objective2-old.docx", CORPUS / "objective2-new.docx")
    built, registry = app.graph(PLAN)
    shown = [repr(obj).replace(str(CORPUS.parent), "") for obj in (result, result.old, built, registry, app.references(PLAN))]
    assert [len(text) < 1000 for text in shown] == [True] * 5, [len(text) for text in shown]
    assert f"changes=<list of {len(result.changes)}>" in shown[0]
    assert shown[1].startswith("Document(source=Source(path=") and f"sections=<list of {len(result.old.sections)}>" in shown[1]


def test_the_readme_python_examples_run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Every ```python block of the README runs as written, from the project's folder, and prints
    what its comments say."""
    readme = (CORPUS.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks
    monkeypatch.chdir(CORPUS.parent)
    for number, block in enumerate(blocks):
        exec(compile(block, f"README.md python block {number + 1}", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    said = [m.group(1).rstrip(" …") for block in blocks
            for m in re.finditer(r"^print\(.*\)\s+# (.+)$", block, re.M)]
    assert said and all(any(line.startswith(words) for line in printed) for words in said), (said, printed)


@pytest.mark.parametrize("given", [None, bytearray(b"x"), "a\0b", b"a\0b"], ids=repr)
def test_what_is_no_path_is_a_usage_error(given: object) -> None:
    with pytest.raises(UsageError):
        app.references(given)  # type: ignore[arg-type]


def test_any_path_like_is_one_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pathlib

    class Named:
        def __fspath__(self) -> str:
            return str(PLAN)

    expected = [r.id for r in app.references(PLAN).refs]
    assert [r.id for r in app.references(Named()).refs] == expected  # type: ignore[arg-type]
    assert [r.id for r in app.references(pathlib.PurePosixPath(PLAN)).refs] == expected
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match="no files given"):
        app.check([])


def test_the_loader_and_the_app_take_one_path_type() -> None:
    """A path argument is spelled once (files.PathArg), below the app layer, so that loader.load
    and every app call accept the same and their hints cannot drift apart."""
    import typing

    from actionplan_trace import files, loader

    assert typing.get_type_hints(loader.load)["path"] == files.PathArg
    assert app.load.__annotations__["path"] == "PathArg" and app.PathArg is files.PathArg
    assert loader.load(str(PLAN).encode()).to_dict() == loader.load(PLAN).to_dict()
    with pytest.raises(UsageError, match="a path holds no NUL"):
        loader.load(f"{PLAN}\0")

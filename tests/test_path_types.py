"""Every library call that takes a path takes a str, bytes or any os.PathLike alike (README:
"A path is a `str`, `bytes` or any `os.PathLike`"), and anything else is a UsageError."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

import docx
import pytest
from docx.shared import Pt

from actionplan_trace import app, load
from actionplan_trace.errors import UsageError
from conftest import CORPUS


class Named(os.PathLike[str]):
    """A path object of a caller's own, no pathlib.Path."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __fspath__(self) -> str:
        return str(self.path)


FORMS: dict[str, Callable[[Path], Any]] = {"str": str, "bytes": os.fsencode, "PathLike": Named}


def _plan(path: Path, extra: str, font: str) -> Path:
    document = docx.Document()
    document.add_heading("Output 2.1 Products and services", level=2)
    for text in ("It implements WTDC Resolution 45 and supports SDG 9.", extra):
        run = document.add_paragraph().add_run(text)
        run.font.name, run.font.size = font, Pt(12)
    document.save(str(path))
    return path


@pytest.mark.parametrize("form", FORMS)
def test_each_path_form_reads_alike(tmp_path: Path, form: str) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    old = _plan(plans / "old.docx", "Capacity building.", "Arial")
    new = _plan(plans / "new.docx", "Capacity building and skills development.", "Cambria")
    as_form = FORMS[form]
    assert load(as_form(new)).to_dict() == load(str(new)).to_dict()
    assert app.extract(as_form(new)).to_dict() == load(new).to_dict()
    result = app.compare(as_form(old), as_form(new))
    assert [c.to_dict() for c in result.changes] == [c.to_dict() for c in app.compare(old, new).changes]
    assert result.changes
    out = plans / f"diff-{form}.md"
    assert app.run_diff(as_form(old), as_form(new), fmt="md", out=as_form(out)) == 1
    assert "Capacity building" in out.read_text(encoding="utf-8")
    app.write("text\n", as_form(tmp_path / f"w-{form}.txt"), [as_form(old)])
    assert (tmp_path / f"w-{form}.txt").read_text() == "text\n"
    report = app.check(as_form(plans), config=None, use_cache=False, output=as_form(out))
    assert sorted(Path(f.path).name for f in report.files) == ["new.docx", "old.docx"]


@pytest.mark.parametrize("form", FORMS)
def test_validate_takes_each_path_form(form: str) -> None:
    as_form = FORMS[form]
    report = app.validate(as_form(CORPUS / "contribution-tdag.docx"), as_form(CORPUS / "action-plan-ba.docx"))
    assert sorted({f.code for f in report.findings}) == ["VAL003", "VAL005", "VAL007"]


@pytest.mark.parametrize("given", [5, None, b"", "", "plan\0.docx", 2.5])
def test_no_path_is_a_usage_error(given: Any) -> None:
    for call in (load, app.load, lambda p: app.compare(p, p), lambda p: app.validate(p, p)):
        with pytest.raises(UsageError):
            call(given)

"""Control characters in document text: escaped in every report meant for people, kept in JSON,
written as visible escapes into XML outputs (Word, GraphML, JUnit) instead of crashing them."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from actionplan_trace.cli import app
from actionplan_trace.render.escapes import printable, xml_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TITLE = "# Objective 2 \x1b]0;pwned\x07 Modern \u202e secure\n\n"
BODY = ("The BDT will \x1b[31massist\x1b[0m Member States \x01 with \ufffe markers (WTDC Resolution 37, SDG 19).\n\n"
        "## Output 2.1 \x1b[2J infrastructure\n\nMore text \r overwritten.\n")


def trace(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(TITLE + BODY, encoding="utf-8", newline="")
    new.write_text(TITLE + BODY.replace("will", "shall"), encoding="utf-8", newline="")
    return old, new


def test_printable_escapes_controls_and_keeps_text() -> None:
    assert printable("a\x1b[31mb\tc\nd\r\x7f\x9b\u202e\udcff é") == "a\\x1b[31mb\tc\nd\\x0d\\x7f\\x9b\\u202e\\udcff é"
    assert xml_text("a\x1bb\x00\ufffe\udcff\tz") == "a\\x1bb\\x00\\ufffe\\udcff\tz"


@pytest.mark.parametrize("command", [
    ["extract", "{old}"],
    ["extract", "{old}", "-f", "md"],
    ["diff", "{old}", "{new}"],
    ["refs", "{old}"],
    ["check", "{old}", "--no-cache"],
    ["validate", "{new}", "--against", "{old}"],
    ["graph", "{old}", "--who-cites", "SDG-9"],
])
def test_terminal_reports_show_escapes_not_control_characters(pair, command) -> None:
    old, new = pair
    result = trace(*[a.format(old=old, new=new) for a in command])
    assert result.exit_code in (0, 1), result.output
    if command[-1] == "md":
        return
    out = result.stdout
    assert "\x1b" not in out and "\r" not in out and "\u202e" not in out
    if command[0] in ("extract", "diff"):
        assert "\\x1b]0;pwned" in out or "\\x1b[31m" in out


def test_json_keeps_the_characters(pair) -> None:
    old, _ = pair
    data = json.loads(trace("extract", old, "-f", "json").stdout)
    texts = [b["text"] for s in data["sections"] for b in s["blocks"]] + [s["title"] for s in data["sections"]]
    assert any("\x1b[31massist\x1b[0m" in t for t in texts)
    assert any("\x1b]0;pwned\x07" in t for t in texts)


def test_docx_redline_of_text_with_control_characters(pair, tmp_path) -> None:
    old, new = pair
    out = tmp_path / "redline.docx"
    result = trace("diff", old, new, "-f", "docx", "-o", out, "--author", "ed\x1bitor")
    assert result.exit_code == 1, result.output
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    kept = "".join(t.text or "" for t in root.iter(f"{W}t"))
    deleted = "".join(t.text or "" for t in root.iter(f"{W}delText"))
    assert "\\x1b[31massist\\x1b[0m" in kept and "\\ufffe markers" in kept
    assert "shall" in kept and "will" in deleted
    assert {el.get(f"{W}author") for el in root.iter(f"{W}ins")} == {"ed\\x1bitor"}


def test_graphml_and_junit_parse(pair) -> None:
    old, _ = pair
    graphml = trace("graph", old, "-f", "graphml").stdout_bytes
    titles = [d.text for d in etree.fromstring(graphml).iter("{http://graphml.graphdrawing.org/xmlns}data")]
    assert any(t and "\\x1b]0;pwned\\x07" in t for t in titles)
    junit = trace("check", old, "--no-cache", "-f", "junit").stdout_bytes
    assert etree.fromstring(junit).get("failures") == "1"


def test_word_redline_of_a_docx_pair_with_a_control_character_in_the_author(tmp_path) -> None:
    """The redline written into NEW's own package also escapes what XML cannot hold."""
    import docx

    paths = []
    for name, verb in (("old.docx", "will assist"), ("new.docx", "shall assist")):
        document = docx.Document()
        document.add_heading("Objective 2 – Infrastructure", level=1)
        document.add_paragraph(f"The BDT {verb} Member States (WTDC Resolution 37).")
        document.save(tmp_path / name)
        paths.append(tmp_path / name)
    out = tmp_path / "redline.docx"
    result = trace("diff", *paths, "-f", "docx", "-o", out, "--author", "ed\x1bitor\x00")
    assert result.exit_code == 1, result.output
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    assert {el.get(f"{W}author") for el in root.iter(f"{W}ins", f"{W}del")} == {"ed\\x1bitor\\x00"}


def test_error_lines_escape_control_characters_of_file_names(tmp_path) -> None:
    """A file name is shown in the one-line error; its ESC sequences must not reach the terminal."""
    path = tmp_path / "\x1b]0;pwned\x07.docx"
    path.write_bytes(b"not a zip")
    result = trace("extract", path)
    assert result.exit_code == 2 and "\x1b" not in result.stderr and "\\x1b]0;pwned\\x07.docx" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1

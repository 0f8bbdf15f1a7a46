"""Bad input: one line on stderr naming the file and the problem, exit 2, no traceback, no output file."""

from __future__ import annotations

import json
import os
import stat
import threading
import zipfile
from pathlib import Path

import pytest

from conftest import CORPUS, run_cli


def _check_clean_failure(result, path: Path, words: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0]
    assert words in lines[0].lower()
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_missing_file(tmp_path):
    path = tmp_path / "nope.docx"
    _check_clean_failure(run_cli("extract", str(path)), path, "no such file")


def test_random_bytes_named_docx(tmp_path):
    path = tmp_path / "random.docx"
    path.write_bytes(os.urandom(4096))
    _check_clean_failure(run_cli("extract", str(path)), path, "not a word .docx")


def test_text_file_named_docx(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("Objective 2 – this is plain text\n", encoding="utf-8")
    _check_clean_failure(run_cli("extract", str(path)), path, "not a word .docx")


def test_legacy_doc(tmp_path):
    """A .doc named on the command line and one met under a folder are refused in the same words."""
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    message = "word 97-2003 files (.doc) cannot be read: save as .docx or .pdf"
    _check_clean_failure(run_cli("extract", str(path)), path, message)
    (tmp_path / "notes.rtf").write_bytes(b"{\\rtf1 Objective 2}")
    _check_clean_failure(run_cli("extract", str(tmp_path / "notes.rtf")), tmp_path / "notes.rtf",
                         "rtf files (.rtf) cannot be read: save as .docx or .pdf")
    named = run_cli("check", "old.doc", "--no-cache", cwd=tmp_path)
    walked = run_cli("check", ".", "--no-cache", cwd=tmp_path)
    assert "old.doc" in named.stdout and message in named.stdout.lower()
    assert "old.doc error CHK004 Word 97-2003 files (.doc) cannot be read: save as .docx or .pdf" in walked.stdout
    assert walked.returncode == named.returncode == 1


@pytest.mark.parametrize("name", ["plan.docx", "plan.pdf"])
def test_an_empty_file_and_a_git_lfs_pointer_say_what_they_are(tmp_path, name: str) -> None:
    """A CI checkout without LFS leaves a pointer where each plan was, and a placeholder may be
    empty: both were "not a ZIP package" / "no %PDF header". They say what they are; a file of
    other bytes keeps the general message."""
    path = tmp_path / name
    path.write_bytes(b"")
    _check_clean_failure(run_cli("extract", str(path)), path, "empty file (0 bytes)")
    path.write_text("version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146\nsize 48213\n", encoding="ascii")
    _check_clean_failure(run_cli("refs", str(path)), path, "a git lfs pointer, not the file: fetch it (git lfs pull")
    checked = run_cli("check", str(path), "--no-cache", cwd=tmp_path)
    assert checked.returncode == 1 and "CHK004 a Git LFS pointer, not the file" in checked.stdout
    path.write_text("version 2 of the plan\n", encoding="ascii")
    general = "not a word .docx file (not a zip package)" if name.endswith(".docx") else "not a pdf file (no %pdf header)"
    _check_clean_failure(run_cli("extract", str(path)), path, general)


def test_unsupported_extension(tmp_path):
    path = tmp_path / "sheet.xlsx.bin"
    path.write_bytes(b"hello")
    _check_clean_failure(run_cli("extract", str(path)), path, "unsupported file type")


def test_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    result = run_cli("extract", str(path))
    assert result.returncode == 2 and str(path) in result.stderr and "Traceback" not in result.stderr


def test_docx_declaring_entities_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    body = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        zf.writestr("word/document.xml", body)
    result = run_cli("extract", str(path))
    assert result.returncode == 2, result.stdout[:300]
    assert str(path) in result.stderr and "entit" in result.stderr.lower()
    assert "Traceback" not in result.stderr
    assert "aaaaaaaaaa" not in result.stdout


def test_no_partial_output_on_error(tmp_path):
    out = tmp_path / "out.json"
    path = tmp_path / "missing.txt"
    result = run_cli("extract", str(path), "--format", "json", "-o", str(out))
    assert result.returncode == 2
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_unknown_profile_is_a_clean_error(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("Hello\n", encoding="utf-8")
    result = run_cli("extract", str(path), "--profile", "no-such-profile")
    assert result.returncode == 2
    assert "unknown profile" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["binary.txt"])
def test_binary_named_text(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\x00\x01\x02" * 100)
    _check_clean_failure(run_cli("extract", str(path)), path, "binary")


# --- every command: bad input and output paths ------------------------------------------------

ENCRYPTED_PDF = Path(__file__).parent / "fixtures" / "pdf" / "encrypted.pdf"
COMMANDS = {
    "extract": ["extract", "{a}", "-f", "json"],
    "diff": ["diff", "{a}", "{b}", "-f", "json"],
    "refs": ["refs", "{a}", "-f", "json"],
    "graph": ["graph", "{a}"],
    "validate": ["validate", "{a}", "--against", "{b}", "-f", "json"],
    "check": ["check", "{a}", "--no-cache", "-f", "json"],
}


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.txt"
    path.write_text("Objective 2 – Infrastructure\n\nOutput 2.1 – Products\n\nIt implements PP Resolution 71.\n",
                    encoding="utf-8")
    return path


def _command(name: str, a: Path, b: Path, *extra: str) -> list[str]:
    return [arg.format(a=a, b=b) for arg in COMMANDS[name]] + list(extra)


@pytest.mark.parametrize("name", [n for n in COMMANDS if n != "check"])
@pytest.mark.parametrize("bad", ["random.docx", "encrypted.pdf"])
def test_every_command_refuses_bad_input_without_writing(tmp_path, name, bad):
    path = tmp_path / bad
    path.write_bytes(ENCRYPTED_PDF.read_bytes() if bad.endswith(".pdf") else os.urandom(4096))
    out = tmp_path / "out.json"
    result = run_cli(*_command(name, path, _plan(tmp_path), "-o", str(out)))
    _check_clean_failure(result, path, "encrypted pdf" if bad.endswith(".pdf") else "not a word .docx")
    assert not out.exists()


@pytest.mark.parametrize("name", list(COMMANDS))
def test_output_into_a_missing_directory(tmp_path, name):
    plan = _plan(tmp_path)
    out = tmp_path / "no-such-dir" / "out.json"
    result = run_cli(*_command(name, plan, plan, "-o", str(out)))
    _check_clean_failure(result, out, "does not exist")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt"]


@pytest.mark.parametrize("name", ["extract", "diff"])  # the two ways output is written (cli, diff.api)
def test_output_onto_a_directory(tmp_path, name):
    plan = _plan(tmp_path)
    out = tmp_path / "taken"
    out.mkdir()
    result = run_cli(*_command(name, plan, plan, "-o", str(out)))
    _check_clean_failure(result, out, "cannot write")
    assert list(out.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt", "taken"]


def test_output_to_a_fifo_is_written_in_place(tmp_path):
    """`-o /dev/stdout` or a named pipe must be written into, not replaced by a regular file."""
    plan = _plan(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run_cli("extract", str(plan), "-f", "json", "-o", str(fifo))
    if reader.is_alive() and result.returncode != 0:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # release the reader
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    data = json.loads(received[0])
    assert data["schema"] == "actionplan-trace/extract/2"
    assert "It implements PP Resolution 71." in [b["text"] for s in data["sections"] for b in s["blocks"]]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "no such profile file"),
        ("name: broken\nheadings: [\n", "cannot read profile"),
        ("name: broken\nheadings: 5\n", "'headings' must be a list of rules"),
        ("name: broken\ndetect: [objective]\n", "'detect' must be a mapping"),
    ],
    ids=["missing", "bad-yaml", "headings-not-a-list", "detect-not-a-mapping"],
)
def test_bad_profile_file_is_one_line(tmp_path, content, words):
    profile = tmp_path / "mine.yml"
    if content is not None:
        profile.write_text(content, encoding="utf-8")
    result = run_cli("extract", str(_plan(tmp_path)), "--profile", str(profile))
    _check_clean_failure(result, profile, words)


def test_validate_with_swapped_arguments_names_them_in_one_line() -> None:
    plan, contribution = CORPUS / "action-plan-ba.docx", CORPUS / "contribution-tdag.docx"
    done = run_cli("validate", str(plan), "--against", str(contribution))
    assert done.returncode == 2 and done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith("trace: arguments swapped?") and "Traceback" not in line
    assert f"{contribution} reads as a contribution" in line
    assert f"try: trace validate {contribution} --against {plan}" in line

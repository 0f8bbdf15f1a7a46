"""Bad input: one line on stderr naming the file and the problem, exit 2, no traceback, no output file."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from conftest import run_cli


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
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    _check_clean_failure(run_cli("extract", str(path)), path, "legacy word")


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

"""Fuzzing every command in-process with hostile .docx, .pdf and text inputs (tests/fuzzgen.py).

The contract: exit 0 or 1 with valid output (JSON parses, the -o file exists), or exit 2 with
exactly one line on stderr ("trace: FILE: problem"), no output and no output file; never an
internal error, a traceback or another exit code. `make test` runs a short deterministic profile;
`make fuzz` runs up to FUZZ_EXAMPLES examples per input kind (default 2000) in at most FUZZ_SECONDS
seconds in all (default 600, a third per kind) with fresh random seeds, without shrinking; each
failing input is kept in .fuzz-failures/ to reproduce it with `trace` by hand.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from typer.testing import CliRunner

from actionplan_trace.cli import app
from fuzzgen import docx_bytes, pdf_bytes, text_file

LONG = "FUZZ_SECONDS" in os.environ or "FUZZ_EXAMPLES" in os.environ
SECONDS_EACH = float(os.environ.get("FUZZ_SECONDS", "600")) / 3
STARTED: dict[str, float] = {}
PROFILE = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")) if LONG else 6,
    derandomize=not LONG,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate] if LONG else list(Phase),
)
FAILURES = Path(__file__).resolve().parents[1] / ".fuzz-failures"
PARTNER = "Objective 2 – Infrastructure\n\nOutput 2.1 – Services\n\nThe BDT supports WTDC Resolution 37 and SDG 9.\n"


def run(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args])


def holds_contract(result, args: tuple[str | Path, ...], output: Path | None = None, is_json: bool = True) -> None:
    """Exit 0/1 with valid output, or exit 2 with one clean line and nothing written."""
    where = f"trace {' '.join(map(str, args))}"
    assert result.exception is None or isinstance(result.exception, SystemExit), (where, repr(result.exception))
    assert result.exit_code in (0, 1, 2), (where, result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, (where, result.stderr)
    if result.exit_code == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("trace: "), (where, result.stderr)
        assert result.stdout == "", where
        assert output is None or not output.exists(), where
        return
    if output is not None:
        assert output.is_file() and output.stat().st_size > 0, where
    elif is_json:
        json.loads(result.stdout)


def every_command(path: Path, folder: Path) -> None:
    """Run each command on `path` (and `path` against a small text plan) and check the contract.

    A failing input is kept in .fuzz-failures/ (named by its hash) to reproduce it by hand.
    """
    try:
        _every_command(path, folder)
    except AssertionError:
        FAILURES.mkdir(exist_ok=True)
        data = path.read_bytes()
        (FAILURES / (hashlib.sha256(data).hexdigest()[:16] + path.suffix)).write_bytes(data)
        raise


def _every_command(path: Path, folder: Path) -> None:
    partner = folder / "partner.txt"
    partner.write_text(PARTNER, encoding="utf-8")
    config = folder / "trace.toml"
    config.write_text("jobs = 1\n", encoding="utf-8")  # no worker processes: fast, in-process
    out = folder / "out.docx"
    out.unlink(missing_ok=True)
    (folder / ".trace-cache").mkdir(exist_ok=True)
    plain = [
        ("extract", path, "-f", "json"),
        ("extract", path, "-f", "md"),
        ("extract", path),
        ("refs", path, "-f", "json"),
        ("graph", path),
        ("diff", partner, path, "-f", "json"),
        ("validate", path, "--against", partner, "-f", "json"),
        ("check", folder, "-f", "json", "--no-cache", "--config", config),
    ]
    if path.suffix == ".docx":
        plain.append(("diff", path, "-f", "json"))
    for args in plain:
        holds_contract(run(*args), args, is_json="-f" in args and args[args.index("-f") + 1] == "json")
    args = ("diff", partner, path, "-f", "docx", "-o", out)
    holds_contract(run(*args), args, output=out)
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == [], leftovers


def out_of_time(kind: str) -> bool:
    """True once this input kind has had its third of FUZZ_SECONDS (later examples do nothing)."""
    return time.monotonic() - STARTED.setdefault(kind, time.monotonic()) > SECONDS_EACH


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / "fuzz"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        if old.is_file():
            old.unlink()
    path = folder / name
    path.write_bytes(data)
    return path


@PROFILE
@given(data=docx_bytes())
def test_fuzz_docx(tmp_path_factory, data: bytes) -> None:
    if out_of_time("docx"):
        return
    path = _write(tmp_path_factory.getbasetemp(), "plan.docx", data)
    every_command(path, path.parent)


@PROFILE
@given(data=pdf_bytes())
def test_fuzz_pdf(tmp_path_factory, data: bytes) -> None:
    if out_of_time("pdf"):
        return
    path = _write(tmp_path_factory.getbasetemp(), "plan.pdf", data)
    every_command(path, path.parent)


@PROFILE
@given(item=text_file())
def test_fuzz_text(tmp_path_factory, item: tuple[str, bytes]) -> None:
    if out_of_time("text"):
        return
    suffix, data = item
    path = _write(tmp_path_factory.getbasetemp(), "plan" + suffix, data)
    every_command(path, path.parent)


def corrupt_deflate(data: bytes, member: str) -> bytes:
    """The package with `member`'s compressed bytes overwritten by 0xFF (an invalid deflate block
    type), sizes and CRC left as they were: reading it raises zlib.error, not BadZipFile."""
    import io
    import zipfile

    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    name_len, extra_len = int.from_bytes(data[info.header_offset + 26:info.header_offset + 28], "little"), \
        int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    return data[:start] + b"\xff" * info.compress_size + data[start + info.compress_size:]


def test_found_by_fuzzing_corrupt_deflate_stream(tmp_path) -> None:
    """Found by `make fuzz`: a flipped byte in a deflated part gave `internal error: error: Error -3
    while decompressing data`."""
    import io
    import zipfile

    from hostilegen import CONTENT_TYPES, RELS

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                    '2006/main"><w:body>' + "<w:p><w:r><w:t>Objective 2 – text</w:t></w:r></w:p>" * 50
                    + "</w:body></w:document>")
    path = _write(tmp_path, "plan.docx", corrupt_deflate(out.getvalue(), "word/document.xml"))
    result = run("extract", path, "-f", "json")
    assert result.exit_code == 2 and "damaged ZIP package" in result.stderr, result.stderr
    every_command(path, path.parent)


def test_found_by_fuzzing_windows_1252_with_undefined_bytes(tmp_path) -> None:
    """Found by `make fuzz`: Windows-1252 text holding a byte it leaves undefined (0x81, 0x8D, 0x8F,
    0x90, 0x9D) gave `internal error: UnicodeEncodeError` while counting the replacements."""
    data = "Objective 2 – Infrastructure\n\nOutput 2.1 – caf\xe9 services (WTDC Resolution 37)\n".encode("cp1252")
    path = _write(tmp_path, "plan.txt", data.replace(b"services", b"serv\x81ces"))
    result = run("extract", path, "-f", "json")
    assert result.exit_code == 0, result.stderr
    texts = [b["text"] for s in json.loads(result.stdout)["sections"] for b in s["blocks"]]
    texts += [s["title"] for s in json.loads(result.stdout)["sections"]]
    assert any("café serv\ufffdces" in t for t in texts), texts
    assert "1 undecodable byte sequence in CP1252" in result.stderr
    every_command(path, path.parent)


def test_found_by_fuzzing_control_characters_in_a_markdown_html_block(tmp_path) -> None:
    """Found by `make fuzz`: a Markdown file whose lines open with `</p>` (an HTML block) and hold
    control characters gave `internal error: ValueError: All strings must be XML compatible` (lxml
    refused the text when the block's parts were put under one element). The line reader reads such
    a block now; every command exits cleanly."""
    data = (b"\xef\xbb\xbf</p> \xf0\xa6\x9d\xad\xc3\x8aT </p> \x1b[2J\nBDT &amp; MOD @\xc2\x99M\x1eR\xc3\x9d 9.c of "
            b"Regional \xc2\x93\xf1\xae\xa3\xad target\n</p> \xc2\xb9\xc2\xb8\xf3\xa3\x81\xaa\xf1\x8d\x89\x9d\xc2\x8d"
            b"\x19\xf2\x9d\xa7\x81\xc2\xbc    \xef\xbf\xbe\n| Programme: | :emmargorP |\n## \n")
    path = _write(tmp_path, "plan.md", data)
    every_command(path, path.parent)

"""`trace refs` and `trace graph` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from lxml import etree

from conftest import run_cli

BAD = ("Notes on the plan\n\nThis text cites PP Resolution 9999, WSIS Action Line C12, SDG 18, target 9.z and "
       "SDG 9 (targets 9.1, 4.1).\n\nIt also cites WTDC Resolutions 45, 45 and WSIS Action Lines C5.\n")


def test_refs_json_reports_every_bad_reference(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(BAD, encoding="utf-8")
    result = run_cli("refs", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "actionplan-trace/refs/2"
    ref = next(r for r in data["refs"] if r["id"] == "PP-RES-9999")
    assert set(ref) >= {"id", "family", "text", "rev", "source", "section", "loc"}
    assert ref["source"] == str(path) and ref["family"] == "resolution"
    found = {(f["code"], f["ref"]) for f in data["findings"]}
    assert {("REF001", "PP-RES-9999"), ("REF004", "WSIS-C12"), ("REF002", "SDG-18"), ("REF002", "SDG-9.z"),
            ("REF003", "SDG-4.1"), ("REF005", "WTDC-RES-45")} <= found
    assert all(set(f) >= {"code", "severity", "message", "ref", "source", "section", "loc"} for f in data["findings"])


def test_refs_csv_and_table(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(BAD, encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(run_cli("refs", str(path), "-f", "csv").stdout)))
    assert [r["id"] for r in rows if r["record"] == "ref"][:2] == ["PP-RES-9999", "WSIS-C12"]
    assert {r["code"] for r in rows if r["record"] == "finding"} >= {"REF001", "REF002", "REF003", "REF004"}
    out = tmp_path / "refs.txt"
    result = run_cli("refs", str(path), "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert "PP-RES-9999" in text and "REF004" in text


def test_graph_graphml_file_and_who_cites(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(BAD, encoding="utf-8")
    out = tmp_path / "g.graphml"
    result = run_cli("graph", str(path), "--format", "graphml", "-o", str(out))
    assert result.returncode == 0, result.stderr
    root = etree.fromstring(out.read_bytes(), etree.XMLParser(resolve_entities=False, no_network=True))
    ids = {n.get("id") for n in root.iter("{http://graphml.graphdrawing.org/xmlns}node")}
    assert {"PP-RES-9999", "WSIS-C5", "SDG-9.1"} <= ids
    result = run_cli("graph", str(path), "--who-cites", "WSIS-C5")
    assert result.returncode == 0 and result.stdout.startswith("WSIS-C5: cited by 1 section")


def test_registry_option_and_bad_arguments(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(BAD, encoding="utf-8")
    extra = tmp_path / "mine.yml"
    extra.write_text("source: test\nlicence: none\nentries:\n  PP-RES-9999: {title: Future}\n", encoding="utf-8")
    data = json.loads(run_cli("refs", str(path), "-f", "json", "--registry", str(extra)).stdout)
    assert ("REF001", "PP-RES-9999") not in {(f["code"], f["ref"]) for f in data["findings"]}
    bad = run_cli("graph", str(path), "--who-cites", "Resolution 5")
    assert bad.returncode == 2 and "not a canonical id" in bad.stderr and bad.stdout == ""
    dot = run_cli("graph", str(path), "--who-cites", "WSIS-C5", "-f", "dot")
    assert dot.returncode == 2 and dot.stderr == "trace: --who-cites writes lines (default), json or csv, not dot\n"
    broken = tmp_path / "broken.yml"
    broken.write_text("entries:\n  NOPE: {}\n", encoding="utf-8")
    result = run_cli("refs", str(path), "--registry", str(broken))
    assert result.returncode == 2 and "NOPE" in result.stderr and "Traceback" not in result.stderr


def test_refs_piped_gives_one_reference_per_line_whatever_the_width(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(BAD, encoding="utf-8")
    data = json.loads(run_cli("refs", str(path), "-f", "json").stdout)
    for columns in ("40", "80", "300"):
        out = subprocess.run([sys.executable, "-m", "actionplan_trace.cli", "refs", str(path)], capture_output=True,
                             text=True, env={**os.environ, "COLUMNS": columns}, timeout=120).stdout
        lines = out.splitlines()
        assert lines[0] == f"{path}: {len(data['refs'])} references"
        records = [line.split()[0] for line in lines[1:1 + len(data["refs"])]]
        assert records == [r["id"] for r in data["refs"]]  # one whole id per line, in order
        assert str(path) not in "\n".join(lines[1:1 + len(data["refs"])])  # the path once, not per row
        findings = lines[2 + len(data["refs"]):]
        assert len(findings) == len(data["findings"])
        numbers = [int(line.split(", line ")[1].split(":")[0]) for line in findings]
        assert numbers == sorted(numbers) and len(set(numbers)) > 1  # by file, then place in it
        assert not [line for line in lines if line != line.rstrip()]

"""`trace chain` and `trace graph --format csv --matrix` as a user runs them: the plan's own
outputs x objectives tables come back out of the graph as they are written in the Word file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import docx

from conftest import run_cli

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SECTORS = ("ITU-R", "ITU-T", "ITU-D", "GS")


def word_matrices(path: Path) -> set[tuple[str, tuple[str, ...]]]:
    """(output name, objective ids marked X) for every row of the Word file's Tables 4.1-7.1."""
    out = set()
    tables = [t for t in docx.Document(str(path)).tables if t.rows[0].cells[0].text.strip().lower().endswith("outputs")]
    assert len(tables) == 4
    for sector, table in zip(SECTORS, tables):
        header = [c.text.strip() for c in table.rows[0].cells]
        for row in table.rows[1:]:
            marked = tuple(f"{sector}-OBJ-{header[k].split()[-1]}@SP-2012-2015"
                           for k, cell in enumerate(row.cells) if cell.text.strip() == "X")
            out.add((row.cells[0].text.split("\n")[0].strip(), marked))
    return out


def test_the_outputs_objectives_matrix_round_trips_through_csv() -> None:
    path = CORPUS / "strategic-plan-2012.docx"
    result = run_cli("graph", str(path), "--format", "csv", "--matrix", "outputs-objectives")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header = rows[0]
    assert header[:3] == ["source", "section", "row"] and header[3] == "ITU-R-OBJ-1@SP-2012-2015"
    assert header[-1] == "GS-OBJ-6@SP-2012-2015" and len(header) == 3 + 21
    ours = {(r[2], tuple(header[k] for k, v in enumerate(r) if k >= 3 and v == "X")) for r in rows[1:]}
    assert len(rows) - 1 == 80
    assert ours == word_matrices(path)


def test_the_objectives_goals_matrix_has_one_x_per_objective() -> None:
    result = run_cli("graph", str(CORPUS / "strategic-plan-2012-bold.docx"), "-f", "csv", "--matrix", "objectives-goals")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][3:] == [f"{s}-GOAL@SP-2012-2015" for s in SECTORS]
    assert len(rows) == 22
    for row in rows[1:]:
        [goal] = [rows[0][k] for k, v in enumerate(row) if v == "X"]
        assert goal.split("-GOAL")[0] == row[2].split("-OBJ-")[0]


def test_a_matrix_the_files_do_not_hold_says_so() -> None:
    """The 2024 plan has no objectives x goals table: the CSV is its header, and a line says why."""
    result = run_cli("graph", str(CORPUS / "strategic-plan-2024.docx"), "-f", "csv", "--matrix", "objectives-goals")
    assert (result.returncode, result.stdout) == (0, "source,section,row\n")
    assert result.stderr == ("trace: the files hold no objectives-goals matrix (a Strategic Plan table linking them);"
                             " the CSV has its header only\n")
    full = run_cli("graph", str(CORPUS / "strategic-plan-2012-bold.docx"), "-f", "csv", "--matrix", "objectives-goals")
    assert full.returncode == 0 and full.stderr == ""


def test_matrix_needs_csv_and_a_known_name() -> None:
    path = str(CORPUS / "strategic-plan-2024.docx")
    bad = run_cli("graph", path, "--matrix", "outputs-goals")
    assert bad.returncode == 2 and "unknown matrix 'outputs-goals'" in bad.stderr and not bad.stdout
    wrong = run_cli("graph", path, "-f", "dot", "--matrix", "outputs-objectives")
    assert wrong.returncode == 2 and "--matrix writes csv" in wrong.stderr


def test_chain_json_of_an_objective() -> None:
    result = run_cli("chain", "ITU-D-OBJ-2", str(CORPUS / "strategic-plan-2012.pdf"), "-f", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "actionplan-trace/chain/1" and data["id"] == "ITU-D-OBJ-2@SP-2012-2015"
    assert [s["id"] for s in data["serves"]] == ["ITU-D-GOAL@SP-2012-2015"]
    assert "Symposia and seminars" in {s["title"] for s in data["served_by"]}


def test_chain_text_markdown_and_bad_ids() -> None:
    path = str(CORPUS / "strategic-plan-2024.docx")
    text = run_cli("chain", "ITU-D-OBJ-3@SP-2024-2027", path)
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("ITU-D-OBJ-3@SP-2024-2027")
    assert "Policy and regulatory guidance" in text.stdout and "served or cited by (2)" in text.stdout
    md = run_cli("chain", "ITU-D-OBJ-3@SP-2024-2027", path, "-f", "md")
    assert md.stdout.startswith("## `ITU-D-OBJ-3@SP-2024-2027`") and "### Served or cited by" in md.stdout
    # an id the registry lacks where it lists its series (REF001 in a file) is no gap but a mistyped
    # id, for --who-cites as for chain (a review found who-cites saying "cited by no section", exit 0)
    for command in (("chain", "ITU-D-OBJ-9", path), ("graph", path, "--who-cites", "ITU-D-OBJ-9")):
        missing = run_cli(*command)
        assert missing.returncode == 2 and missing.stderr.strip() == (
            "trace: 'ITU-D-OBJ-9' is in no given file, and not in the registry, which lists its series; check the id")
        assert not missing.stdout
    nonsense = run_cli("chain", "Objective-2", path)
    assert nonsense.returncode == 2 and "not a canonical id" in nonsense.stderr and not nonsense.stdout


def test_who_cites_takes_an_id_without_its_edition() -> None:
    result = run_cli("graph", str(CORPUS / "objective2-new.docx"), str(CORPUS / "wsis-roadmaps.pdf"),
                     "--who-cites", "ITU-D-OUTPUT-2.2", "-f", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == "ITU-D-OUTPUT-2.2@WTDC-17"
    assert {"action-line-C5/A1", "action-line-C5/B2"} <= {r["section"] for r in data["cited_by"]}


def test_chain_of_a_gap_an_impossible_id_and_an_id_of_several_editions() -> None:
    """An id the registry has and no file names is a gap, as --who-cites says: its title and an
    empty chain, exit 0; an id its complete family lacks is refused as --who-cites refuses it; an
    id without its edition that a file left unsettled and others settled names them all."""
    plan, roadmap = str(CORPUS / "action-plan-ba.docx"), str(CORPUS / "wsis-roadmaps.pdf")
    gap = run_cli("chain", "WSIS-C10", plan, roadmap)
    assert gap.returncode == 0, gap.stderr
    assert gap.stdout.splitlines() == ["WSIS-C10 — Ethical dimensions of the Information Society",
                                       "└── defined, served, cited and reported by no section of the given files"]
    assert json.loads(run_cli("chain", "WSIS-C10", plan, "-f", "json").stdout)["served_by"] == []
    impossible = run_cli("chain", "SDG-18", plan)
    assert impossible.returncode == 2 and impossible.stderr == "trace: 'SDG-18' names no sdg: the registry lists them all; check the id\n"
    several = run_cli("chain", "ITU-TARGET-3.1", str(CORPUS / "report-c20-35.docx"), roadmap)
    assert several.returncode == 2 and several.stderr == (
        "trace: ITU-TARGET-3.1 exists in several editions here: ITU-TARGET-3.1 (edition not settled), "
        "ITU-TARGET-3.1@SP-2020-2023; name one\n")


def test_a_mistyped_id_the_files_cite_is_answered(tmp_path: Path) -> None:
    """"SDG 18" in a file is a REF002 and a reference all the same: --who-cites and chain say where
    it stands, so that each place to mend can be found; an id no file cites is still refused."""
    text = tmp_path / "report.txt"
    text.write_text("Annual report\n\nThe programme supports SDG 18 and SDG 9 (target 9.c).\n", encoding="utf-8")
    cited = run_cli("graph", str(text), "--who-cites", "SDG-18", "-f", "json")
    assert cited.returncode == 0, cited.stderr
    assert [(r["section"], r["relation"]) for r in json.loads(cited.stdout)["cited_by"]] == [("front", "mentions")]
    chain = run_cli("chain", "SDG-18", str(text), "-f", "json")
    assert chain.returncode == 0, chain.stderr
    assert [s["section"] for s in json.loads(chain.stdout)["served_by"]] == ["front"]
    other = run_cli("graph", str(text), "--who-cites", "SDG-19")
    assert other.returncode == 2 and other.stderr == "trace: 'SDG-19' names no sdg: the registry lists them all; check the id\n"


def test_an_objective_s_chain_goes_down_to_the_outcomes_and_outputs_it_holds() -> None:
    """Found in review: the chain of an Action Plan objective showed only where it is defined: its
    outputs and outcomes, whose own chains name it ("within"), were not listed. They are what it
    `contains`, in natural order; an output holds none."""
    import json

    path = str(CORPUS / "action-plan-ba.docx")
    data = json.loads(run_cli("chain", "ITU-D-OBJ-2", path, "-f", "json").stdout)
    assert [(item["id"], item["defined_by"]["section"]) for item in data["contains"]] == [
        (f"ITU-D-{kind}-2.{n}@WTDC-17", f"{kind.lower()}-2.{n}") for kind in ("OUTCOME", "OUTPUT") for n in (1, 2, 3)]
    assert data["contains"][3]["title"].startswith("Products and services on telecommunication/ICT infrastructure")
    text = run_cli("chain", "ITU-D-OBJ-2", path).stdout
    assert "contains (6)" in text and "ITU-D-OUTPUT-2.3@WTDC-17 — Products and services on disaster risk" in text
    assert "### Contains" in run_cli("chain", "ITU-D-OBJ-2", path, "-f", "md").stdout
    assert json.loads(run_cli("chain", "ITU-D-OUTPUT-2.1", path, "-f", "json").stdout)["contains"] == []


def test_a_file_given_twice_to_a_graph_is_read_once() -> None:
    """Found in review: `trace graph plan.docx plan.docx --who-cites SDG-9.c` listed each citing
    section twice ("cited by 6 sections"); the file is read once, with a warning."""
    path = str(CORPUS / "action-plan-ba.docx")
    once, twice = (run_cli("graph", *paths, "--who-cites", "SDG-9.c") for paths in ([path], [path, path]))
    assert twice.returncode == 0 and twice.stdout == once.stdout
    assert twice.stdout.startswith("SDG-9.c: cited by 3 sections")
    assert twice.stderr.strip() == f"trace: warning: {path}: given 2 times: read once"


def test_a_mistyped_id_is_refused_naming_the_id_it_was_meant_to_be() -> None:
    """Found in review: "SDG-9.C", "sdg-9.c", "SDG-9c" and "wsis-c5" were refused with an example
    list only, though the parser reads "SDG target 9.C" and "9c" in a document. The refusal names
    the canonical id; words that name none keep the examples."""
    path = str(CORPUS / "action-plan-ba.docx")
    for typed, meant in (("SDG-9.C", "SDG-9.c"), ("sdg-9.c", "SDG-9.c"), ("SDG-9c", "SDG-9.c"), ("wsis-c5", "WSIS-C5"),
                         ("itu-d-obj-2@wtdc-17", "ITU-D-OBJ-2@WTDC-17")):
        refused = run_cli("graph", path, "--who-cites", typed)
        assert refused.returncode == 2 and not refused.stdout
        assert refused.stderr.strip() == f"trace: {typed!r} is not a canonical id; did you mean {meant}?"
        assert run_cli("graph", path, "--who-cites", meant).returncode == 0
    vague = run_cli("chain", "Objective-2", path)
    assert vague.returncode == 2 and vague.stderr.strip() == (
        "trace: 'Objective-2' is not a canonical id (e.g. WTDC-RES-45, SDG-9.c, WSIS-C5)")


def test_a_report_restating_its_plan_s_targets_does_not_cite_them() -> None:
    """Found in review: a report's list of its plan's targets under "By 2023:" ("Target 1.1: 65% of
    households …") was counted as citing each target, so none could be a gap. In a report on the
    target that line is the target's, as its status entry is; an Action Plan listing the Strategic
    Plan's goals ("Goal 1: Growth – …"), which reports on none, still cites them."""
    import json

    for name in ("report-c20-35.docx", "report-c20-35.pdf"):
        cited = json.loads(run_cli("graph", str(CORPUS / name), "--who-cites", "ITU-TARGET-1.1", "-f", "json").stdout)
        assert [(row["section"], row["relation"]) for row in cited["cited_by"]] == [("target-1.1", "reports-on")], name
    goals = json.loads(run_cli("graph", str(CORPUS / "action-plan-ba.docx"), "--who-cites", "ITU-GOAL-1@SP-2016-2019",
                               "-f", "json").stdout)
    assert [(row["section"], row["relation"]) for row in goals["cited_by"]] == [("clause-2", "mentions")]

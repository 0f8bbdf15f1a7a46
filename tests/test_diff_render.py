"""The diff renderers: JSON contract, terminal text, Markdown, HTML (also in a real browser) and
Word revision marks read back by independent readers with all changes accepted or rejected."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from conftest import CORPUS, norm
from lxml import etree
from lxml import html as lxml_html
from outline import PLAN, outline

from actionplan_trace import load
from actionplan_trace.diff import DiffResult, diff_documents
from actionplan_trace.diff.labels import block_text, heading_text
from actionplan_trace.extract.docx import read_docx
from actionplan_trace.model import Document
from actionplan_trace.render.diff_docx import to_docx
from actionplan_trace.render.diff_html import to_html
from actionplan_trace.render.diff_json import to_dict, to_json
from actionplan_trace.render.diff_common import shown
from actionplan_trace.render.diff_md import to_markdown
from actionplan_trace.render.diff_text import to_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EDITED = (
    PLAN.replace("telephony and broadband access.", "telephony and broadband access, by connecting remote areas.")
    .replace("          - implementing projects on public/community broadband access points focusing on ICT services;\n", "")
    .replace("@area | Spectrum management", "@area | Spectrum management and monitoring")
    .replace("Wireless technology has great", "Wireless Technology has great")
    .replace("maximizing the use of new technologies.", "maximizing the use of  new technologies.")
    .replace("WTDC Resolutions 9, 10, 11 and 15", "WTDC Resolutions 9, 10, 11, 15 and 85 (C&I *work* in_progress)")
    .replace("      Cyberdrills at national and regional level strengthen cooperation among the key actors.\n", "")
    .replace("      Communications no longer just", "      Cyberdrills at national and regional level strengthen cooperation among the key actors.\n"
             "      Communications no longer just")
)


def stand_in_refs(text: str) -> set[str]:
    m = re.search(r"WTDC Resolutions ([\d, and]+)", text)
    return {f"WTDC-RES-{n}" for n in re.findall(r"\d+", m.group(1))} if m else set()


@pytest.fixture(scope="module")
def result() -> DiffResult:
    return diff_documents(outline(PLAN, "old.txt"), outline(EDITED, "new.txt"), refs=stand_in_refs)


def test_json_has_exactly_the_contract_fields(result: DiffResult) -> None:
    data = json.loads(to_json(result))
    assert list(data) == ["schema", "old", "new", "summary", "changes"]
    assert data["schema"] == "actionplan-trace/diff/3"
    assert data["old"]["path"] == "old.txt" and data["new"]["path"] == "new.txt"
    assert data["summary"] == {
        "added": 0, "removed": 1, "modified": 3, "moved": 1, "renamed": 1, "renumbered": 0,
        "formatting_only": 2, "hidden": 1, "total": 6, "sections": 1, "blocks": 5,
        "words": {"inserted": 12, "deleted": 14, "moved": 12},
        "hidden_by": {"space": 1}, "ignored": ["space", "numbering", "formatting"],
    }
    for change in data["changes"]:
        assert set(change) == {"kind", "target", "section", "path", "old", "new", "words", "refs_added",
                               "refs_removed", "refs_revised", "formatting_only", "differences", "at"}
        assert set(change["section"]) == {"old", "new"}
    case = next(c for c in data["changes"] if c["formatting_only"])
    assert case["differences"] == ["case"] and case["new"].startswith("Wireless Technology")
    refs = next(c for c in data["changes"] if c["refs_added"])
    assert refs["refs_added"] == ["WTDC-RES-85"] and refs["kind"] == "modified"
    assert ["+", ", 15 and 85 (C&I *work* in_progress)"] in refs["words"] or any(
        op == "+" and "85" in text for op, text in refs["words"])
    renamed = next(c for c in data["changes"] if c["kind"] == "renamed")
    assert renamed["words"] == [["=", "Spectrum management"], ["+", " and monitoring"]]
    assert renamed["path"][-1] == "Spectrum management and monitoring"
    everything = to_dict(result, all_changes=True)
    assert len(everything["changes"]) == 7 and everything["summary"]["hidden"] == 0
    assert everything["summary"]["ignored"] == []
    assert sorted(c["differences"] for c in everything["changes"] if c["formatting_only"]) == [["case"], ["space"]]


def test_json_of_identical_documents_has_no_changes() -> None:
    same = diff_documents(outline(PLAN), outline(PLAN))
    data = json.loads(to_json(same))
    assert data["changes"] == [] and data["summary"]["total"] == 0


def test_text_report_groups_by_path_and_marks_edits(result: DiffResult) -> None:
    text = to_text(result)
    assert ("\nObjective 2 › Output 2.1 › Implementation framework › Telecommunication/ICT network infrastructure and"
            " services › Rural communications\n") in text
    assert "{+, by connecting remote areas+}" in text
    assert re.search(r"\[-•\s+implementing projects on public/community broadband access points focusing on ICT services;-\]", text)
    assert "Spectrum management {+and monitoring+}" in text
    assert "refs +WTDC-RES-85" in text
    assert "moved paragraph" in text
    assert "(from Objective 2 › Output 2.2 › Background) Cyberdrills" in text
    assert text.rstrip().splitlines()[-1] == (
        "Summary: 6 changes (1 section, 5 paragraphs, list items or table cells): 1 removed, 3 modified, 1 moved,"
        " 1 renamed; words: 12 inserted, 14 deleted, 12 moved; 1 more not shown (differ only in white space)"
    )
    assert "[-technology-]{+Technology+}" in text and "(case only" in text
    # a change of white space alone is hidden; shown, its spaces are marked, or it would read as nothing
    assert "new technologies" not in text and "use of[-␣-]{+␣␣+}new technologies" in to_text(result, all_changes=True)
    assert not [line for line in text.splitlines() if line != line.rstrip()]


def test_text_report_fits_a_given_width_and_never_cuts_when_it_has_room(result: DiffResult) -> None:
    wide = to_text(result, width=400)
    assert "…" not in "".join(line for line in wide.splitlines() if not line.startswith(" "))
    narrow = to_text(result, width=60)
    assert max(len(line) for line in narrow.splitlines()) <= 60
    assert "Objective 2 › Output 2.1 › Implementation framework ›" in narrow.replace("\n", " ")
    assert "Spectrum management and monitoring" in narrow.replace("\n", " ")  # the last title wraps, never cut
    assert to_text(result) == to_text(result, width=None)


def test_the_text_report_s_first_line_fits_the_width_too() -> None:
    """Found in review: "trace diff: OLD → NEW" was the one line not wrapped to a narrow
    terminal; with long paths it ran past the width, broken mid-path by the terminal."""
    long = diff_documents(outline(PLAN, "plans/2018-2021/old-revision-of-the-action-plan.txt"),
                          outline(EDITED, "plans/2018-2021/new-revision-of-the-action-plan.txt"), refs=stand_in_refs)
    narrow = to_text(long, width=40)
    assert max(len(line) for line in narrow.splitlines()) <= 40
    assert narrow.startswith("trace diff:")
    assert "plans/2018-2021/old-revision-of-the-action-plan.txt" in narrow.replace("\n", "")  # a path longer than a line folds


def test_markdown_marks_edits_with_del_ins_in_collapsible_sections(result: DiffResult) -> None:
    md = to_markdown(result)
    assert md.startswith("## trace diff: old.txt → new.txt\n")
    assert "**Summary:** 6 changes (1 section, 5 paragraphs, list items or table cells): 1 removed, 3 modified" in md
    assert "<del>•\timplementing projects on public/community broadband access points focusing on ICT services;</del>" in md
    assert "access<ins>, by connecting remote areas</ins>." in md
    assert r"C&I \*work\* in\_progress" in md
    assert "| changes | count |\n| --- | ---: |\n| removed | 1 |\n| modified | 3 |" in md
    assert "| words inserted | 12 |" in md and "| not shown (no word changed) | 1 |" in md
    blocks = re.findall(r"<details><summary><b>(.*?)</b> \((\d+) changes?\)</summary>\n\n(.*?)\n\n</details>", md, re.S)
    assert len(blocks) == 4 == md.count("<details>") == md.count("</details>")
    assert [int(n) for _, n, _ in blocks] == [len(body.splitlines()) for _, _, body in blocks] == [1, 2, 2, 1]
    assert blocks[1][0] == ("Objective 2 › Output 2.1 › Implementation framework › Telecommunication/ICT network"
                            " infrastructure and services › Rural communications")


def test_markdown_stays_under_the_comment_limit_and_names_every_section(result: DiffResult) -> None:
    """Sections past the limit are listed a line each, their words left out, so that a comment
    on a big change names its additions too (a review found one that showed 73 removed sections
    and none of the 30 added, all cut); only past room for those lines are sections left out."""
    whole = to_markdown(result)
    sections = re.findall(r"<details><summary><b>(.*?)</b>", whole)
    limit = len(whole.split("<details>")[1]) + 2_900
    cut = to_markdown(result, limit=limit)
    assert len(cut) <= limit and cut.count("<details>") == cut.count("</details>") >= 1
    detailed = re.findall(r"<details><summary><b>(.*?)</b>", cut)
    listed = re.findall(r"^- \*\*(.*?)\*\*: \d+ (?:added|removed|modified|renamed|moved)", cut, re.M)
    assert detailed + listed == sections and listed
    assert re.search(rf"_{len(listed)} sections? listed without (?:their|its) words: a pull-request comment holds at"
                     r" most 65,536 characters \(`--format html` shows them all\)\._\n$", cut)
    tight = to_markdown(result, limit=len(cut.split("<details>")[0]) + 2_100)
    assert re.search(r"_\d more sections? \(\d+ changes?\) not shown: a pull-request comment holds at most 65,536"
                     r" characters\._\n$", tight)


def test_html_is_self_contained_with_contents_and_redline(result: DiffResult) -> None:
    page = to_html(result)
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//script | //link | //img | //iframe")
    for attr in tree.xpath("//@src | //@href"):
        assert attr.startswith("#")
    toc = tree.xpath("//nav//label/@for")
    groups = tree.xpath("//section[@class='group']/@id")
    every = tree.xpath("//section[contains(@class, 'group')]/@id")
    assert toc == ["s-all"] + [f"s-{g}" for g in every]
    assert len(groups) == 4 and len(every) == 5  # one group holds only the hidden white-space change
    assert len(tree.xpath("//div[contains(@class, 'change') and not(contains(@class, 'hidden'))]")) == 6
    assert len(tree.xpath("//div[contains(@class, 'change') and contains(@class, 'hidden')]")) == 1
    assert tree.xpath("//ins[contains(., 'by connecting remote areas')]")
    assert tree.xpath("//del[contains(., 'implementing projects')]")
    assert "C&amp;I *work*" in page and "(C&I *work* in_progress)" in tree.text_content()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium installed")
def test_html_renders_in_headless_chromium(result: DiffResult, tmp_path: Path) -> None:
    page = tmp_path / "diff.html"
    page.write_text(to_html(result), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    tree = lxml_html.fromstring(dom.stdout)
    assert tree.xpath("//nav//li") and len(tree.xpath("//section[@class='group']")) == 4
    shot = tmp_path / "diff.png"
    subprocess.run([CHROMIUM, *flags, "--window-size=1200,900", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def expected_lines(doc: Document) -> list[str]:
    """A document's text as the docx renderer lays it out: headings, blocks, table cells."""
    out: list[str] = []
    for section in doc.sections:
        heading = heading_text(section)
        if heading:
            out.append(norm(heading))
        for block in section.blocks:
            if block.type == "table" and block.rows:
                out.extend(norm(c.text) for row in block.rows for c in row)
            else:
                out.append(norm(block_text(block)))
    return [line for line in out if line]


def read_lines(path: Path, view: str) -> list[str]:
    raw = read_docx(path, view=view)
    out: list[str] = []
    for block in raw.blocks:
        if block.type == "table" and block.rows:
            out.extend(norm(c.text) for row in block.rows for c in row)
        else:
            out.append(norm(f"{block.label}\t{block.text}" if block.label else block.text))
    return [line for line in out if line]


def _docx_cases() -> list[tuple[str, DiffResult]]:
    table_old = "@heading | Regions\n  | Region | Initiatives |\n  | AFR | AFR3 |\n  | AMS | AMS2 |\n  | EUR | EUR4 |\n"
    table_new = "@heading | Regions\n  | Region | Initiatives |\n  | AFR | AFR3, AFR4 |\n  | EUR | EUR4 |\n  | ARB | ARB1 |\n"
    return [
        ("outline", diff_documents(outline(PLAN), outline(EDITED))),
        ("table", diff_documents(outline(table_old), outline(table_new))),
        ("objective2", diff_documents(load(CORPUS / "objective2-old.docx"), load(CORPUS / "objective2-new.docx"))),
    ]


@pytest.mark.parametrize(("name", "diff"), _docx_cases(), ids=lambda v: v if isinstance(v, str) else "")
def test_docx_accept_all_gives_new_and_reject_all_gives_old(name: str, diff: DiffResult, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(to_docx(diff, author="Secretariat"))
    assert read_lines(path, "accepted") == expected_lines(diff.new)
    assert read_lines(path, "original") == expected_lines(diff.old)
    raw = read_docx(path, view="accepted")
    assert raw.revisions and {r.author for r in raw.revisions} == {"Secretariat"}
    root = etree.fromstring(__import__("zipfile").ZipFile(path).read("word/document.xml"))
    assert not root.xpath("//w:del//w:t", namespaces={"w": W[1:-1]})
    assert not root.xpath("//w:ins//w:delText", namespaces={"w": W[1:-1]})


def test_docx_body_is_written_as_it_is_made(monkeypatch, tmp_path: Path) -> None:
    """Found in review: a redline of two 4.5 MB texts differing in every other word took 1.4 GB,
    the whole tree of runs held until the package was saved. Each paragraph and table is
    written into document.xml once finished (a paragraph is made in no body, a table in the
    python-docx body and taken out), so the body never holds more than the table being made (and
    its section properties); the package reads as before."""
    from actionplan_trace.render import diff_docx

    sizes: list[int] = []
    emit = diff_docx._Writer.emit

    def counted(self, element) -> None:
        sizes.append(len(self.document.element.body))
        emit(self, element)

    monkeypatch.setattr(diff_docx._Writer, "emit", counted)
    _, diff = _docx_cases()[1]
    path = tmp_path / "table.docx"
    path.write_bytes(to_docx(diff))
    assert len(sizes) >= 4 and max(sizes) == 2
    assert read_lines(path, "accepted") == expected_lines(diff.new)
    assert read_lines(path, "original") == expected_lines(diff.old)


def _uno_python() -> str | None:
    if shutil.which("soffice") is None:
        return None
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-c", "import uno"], capture_output=True).returncode == 0:
            return candidate
    return None


UNO_PYTHON = _uno_python()


@pytest.mark.skipif(UNO_PYTHON is None, reason="LibreOffice with Python-UNO not installed")
def test_docx_views_in_libreoffice(tmp_path: Path) -> None:
    diff = diff_documents(load(CORPUS / "objective2-old.docx"), load(CORPUS / "objective2-new.docx"))
    path = tmp_path / "redline.docx"
    path.write_bytes(to_docx(diff))
    accepted, rejected = tmp_path / "accepted.txt", tmp_path / "rejected.txt"
    helper = Path(__file__).with_name("lo_views.py")
    subprocess.run([UNO_PYTHON, str(helper), str(path), str(accepted), str(rejected), str(tmp_path / "lo")],
                   check=True, timeout=180, capture_output=True)
    assert norm(accepted.read_text(encoding="utf-8-sig")) == norm(" ".join(expected_lines(diff.new)))
    assert norm(rejected.read_text(encoding="utf-8-sig")) == norm(" ".join(expected_lines(diff.old)))


def test_docx_output_needs_no_chromium_or_office() -> None:
    assert "chromium" not in sys.modules and "uno" not in sys.modules


def test_docx_core_properties_fit_words_limit_from_any_path(tmp_path: Path) -> None:
    """Word caps core properties at 255 characters; a deep checkout or a long --author must not crash."""
    deep = tmp_path.joinpath(*[f"a-deliberately-long-folder-name-{i}" for i in range(8)])
    deep.mkdir(parents=True)
    for name in ("objective2-old.docx", "objective2-new.docx"):
        shutil.copy(CORPUS / name, deep / name)
    diff = diff_documents(load(deep / "objective2-old.docx"), load(deep / "objective2-new.docx"))
    props = docx.Document(io.BytesIO(to_docx(diff, author="Secretariat " * 40))).core_properties
    assert props.title == "Changes: objective2-old.docx → objective2-new.docx"
    assert len(props.author) == 255 and props.author.startswith("Secretariat Secretariat")


def test_a_space_beside_punctuation_that_shows_is_marked_where_it_changed() -> None:
    """A space put beside punctuation ("(see" → "( see") is a visible change of punctuation and
    white space, with no word changed: every report marks the space, not an empty "…"."""
    tail = " and the targets it sets for the regions of the world in the years to come and after."
    old = outline(f"@objective 1 | Connectivity\n  The plan (see note) covers this year{tail}\n", "old.txt")
    new = outline(f"@objective 1 | Connectivity\n  The plan ( see note) covers this year{tail}\n", "new.txt")
    result = diff_documents(old, new)
    [change] = result.visible()
    assert change.differences == ("punctuation", "space")
    assert "The plan ({+␣+}see note) covers" in to_text(result)
    assert "The plan \\(<ins>␣</ins>see note\\) covers" in to_markdown(result)
    assert "(<ins>␣</ins>see note)" in to_html(result)
    # a no-break space put for a space is marked as such, not as a space for a space
    nbsp = diff_documents(outline("@objective 1 | Connectivity\n  Keep 10\u00a0000 users.\n", "old.txt"),
                          outline("@objective 1 | Connectivity\n  Keep 10 000 users.\n", "new.txt"))
    assert "Keep 10[-⍽-]{+␣+}000 users." in to_text(nbsp, all_changes=True)


def test_a_section_reordered_under_its_parent_says_so() -> None:
    """A section moved among its siblings: its old path would repeat the new one, so the report says
    it was reordered under its parent (the paragraph numbers say where)."""
    from actionplan_trace.render.diff_common import moved_from

    text = ("@output 2.1 | Products and services\n  @area | Broadcasting\n    Digital switchover support for members.\n"
            "  @area | Spectrum management\n    Spectrum monitoring and planning tools.\n"
            "  @area | Rural communications\n    Community networks for remote areas.\n")
    swapped = text.replace("  @area | Broadcasting\n    Digital switchover support for members.\n", "")
    swapped += "  @area | Broadcasting\n    Digital switchover support for members.\n"
    result = diff_documents(outline(text), outline(swapped))
    (move,) = [c for c in result.changes if c.kind == "moved"]
    assert move.target == "section" and moved_from(move) == "reordered within Output 2.1"
    # the parent renamed in the same revision is the same parent (a black-box review found the
    # move said "from" a path the same as the one it is on)
    renamed = swapped.replace("Products and services", "Products and services on infrastructure")
    (move,) = [c for c in diff_documents(outline(text), outline(renamed)).changes if c.kind == "moved"]
    assert moved_from(move) == "reordered within Output 2.1"


def test_a_space_put_beside_punctuation_is_marked_among_other_edits() -> None:
    """A space typed before a comma or a closing bracket in a paragraph that has word edits too
    shows as "{+␣+}" in the text and Markdown reports: unmarked, it would read as kept text."""
    old = "@background | Background\n  Members will use it every day, with partners, in Sharm (see Annex 1) and more.\n"
    new = "@background | Background\n  Members will use it daily, with partners , in Sharm (see Annex 1 ) and more.\n"
    result = diff_documents(outline(old), outline(new))
    text = to_text(result)
    assert "[-every day-]{+daily+}, with partners{+␣+}, in Sharm (see Annex 1{+␣+}) and more." in text
    beside = "@background | Background\n  Members will use it daily, with members , in Sharm (see Annex 1) and more.\n"
    assert "with [-partners-]{+members␣+}, in Sharm" in to_text(diff_documents(outline(old), outline(beside)))
    markdown = to_markdown(result)
    assert "partners" in markdown and "␣" in markdown.split("partners", 1)[1].split(",", 1)[0]


def test_a_space_taken_out_after_punctuation_is_marked_not_the_words_replaced() -> None:
    """"partners, in" typed "partners,in" (and "Annex 1 (b)" typed "Annex 1(b)") makes two words
    one, which the word diff replaces whole: the reports keep the characters and mark each gap
    that changed, in a change with word edits as in one without."""
    old = "@background | Background\n  Members will use it every day, with partners, in Sharm (see Annex 1 (b)) and more.\n"
    new = "@background | Background\n  Members will use it every day, with partners,in Sharm (see Annex 1(b)) and more.\n"
    text = to_text(diff_documents(outline(old), outline(new)))
    assert "with partners,[-␣-]in Sharm (see Annex 1[-␣-](b)) and more." in text
    assert "[-partners, in-]" not in text
    edited = new.replace("every day", "daily")
    result = diff_documents(outline(old), outline(edited))
    assert "[-every day-]{+daily+}, with partners,[-␣-]in Sharm" in to_text(result)
    assert "partners,<del>␣</del>in" in to_markdown(result)


def test_a_numbers_sign_taken_out_is_a_figure_changed_even_when_punctuation_is_ignored() -> None:
    """"-3.61%" made "3.61%" turns a fall into a rise: no switch hides it, as no switch hides a
    digit changed. A hyphen inside a word or between two years stays punctuation."""
    from actionplan_trace.diff.ignore import parse_ignore

    old = "@background | Background\n  Revenue fell by -3.61% in 2020-2023, and COVID-19 cost (+2%) more.\n"
    new = "@background | Background\n  Revenue fell by 3.61% in 2020-2023, and COVID-19 cost (2%) more.\n"
    ignore = parse_ignore({"punctuation": True})
    result = diff_documents(outline(old), outline(new), ignore=ignore)
    shown = [c for c in result.changes if not c.hidden_by(ignore)]
    assert len(shown) == 1 and not shown[0].formatting_only
    hyphens = new.replace("2020-2023", "2020 2023").replace("COVID-19", "COVID 19")
    result = diff_documents(outline(new), outline(hyphens), ignore=ignore)
    assert [c.hidden_by(ignore) for c in result.changes] == [True]


def test_a_gap_taken_out_beside_a_word_edit_is_marked_not_every_word_replaced() -> None:
    """"partners, in the" made "partners,in a": the word diff gives one edit of both sides, as
    the gap and the word meet; the reports mark the gap in the words kept and edit only the word
    that changed, at either end of the edit."""
    old = "@background | Background\n  We work with the partners, in the region and beyond.\n"
    after = "@background | Background\n  We work with the partners,in a region and beyond.\n"
    before = "@background | Background\n  We work with a partners,in the region and beyond.\n"
    text = to_text(diff_documents(outline(old), outline(after)))
    assert "with the partners,[-␣-]in [-the-]{+a+} region" in text
    assert "with [-the-]{+a+} partners,[-␣-]in the region" in to_text(diff_documents(outline(old), outline(before)))
    assert "partners,<del>␣</del>in <del>the</del><ins>a</ins> region" in to_markdown(diff_documents(outline(old), outline(after)))
    unrelated = "@background | Background\n  We work with the partnership in a region and beyond.\n"
    assert "␣" not in to_text(diff_documents(outline(old), outline(unrelated)))


@pytest.mark.parametrize(("old", "new", "shown"), [
    ("/home/someone/Downloads/plan-2022.txt", "/home/someone/Downloads/plan-2024.txt", "plan-2022.txt → plan-2024.txt"),
    ("/home/someone/v1/plan.txt", "/srv/share/v2/plan.txt", "v1/plan.txt → v2/plan.txt"),
])
def test_shared_reports_name_the_files_not_the_folders_they_came_from(old: str, new: str, shown: str) -> None:
    """A review found the page and the pull-request comment publishing the paths as typed
    (/home/<user>/Downloads/…); they give the file names, with as many folders as tell the two
    apart. The terminal report and the JSON keep the paths."""
    result = diff_documents(outline(PLAN, old), outline(EDITED, new), refs=stand_in_refs)
    assert to_markdown(result).startswith(f"## trace diff: {shown}\n")
    assert f"<title>Changes: {shown}</title>" in to_html(result)
    assert "/home/someone" not in to_markdown(result) + to_html(result)
    assert to_text(result).startswith(f"trace diff: {old} → {new}")
    assert json.loads(to_json(result))["old"]["path"] == old


@pytest.mark.parametrize(("ops", "expected"), [
    ([("=", "broadband and broadcasting,"), ("+", " improving international connectivity,"), ("=", " bridging the gap")],
     "broadband and broadcasting, {+improving international connectivity,+} bridging the gap"),
    ([("=", "broadband and broadcasting,"), ("-", " improving international connectivity,"), ("=", " bridging the gap")],
     "broadband and broadcasting, [-improving international connectivity,-] bridging the gap"),
    ([("=", "partners"), ("+", " "), ("=", ", in")], "partners{+␣+}, in"),
    ([("=", "cables,"), ("+", " "), ("=", "in")], "cables,{+␣+}in"),
])
def test_a_phrase_inserted_after_a_comma_shows_no_space_mark(ops: list[tuple[str, str]], expected: str) -> None:
    """A review saw "broadcasting,{+␣improving international connectivity,+} bridging": the
    phrase's leading space is no change (old and new both have a space after the comma), so it is
    shown as text, where a space put in or taken out beside punctuation keeps its mark."""
    assert readable_text(shown(ops)) == expected


def readable_text(ops: list[tuple[str, str]]) -> str:
    return "".join(text if op == "=" else f"{{+{text}+}}" if op == "+" else f"[-{text}-]" for op, text in ops)


def test_a_note_mark_removed_is_the_mark_alone_and_moves_no_reference(tmp_path: Path) -> None:
    """`trace refs` reads "Resolution 7¹" as PP-RES-7 with a note mark; the diff read "7¹" as one
    word, so against "Resolution 7" it reported PP-RES-7 gained (a regression review)."""
    from actionplan_trace.app import compare

    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("See Resolution 7¹ (Rev. Dubai, 2018) and WTDC Resolution 37³.\n", encoding="utf-8")
    new.write_text("See Resolution 7 (Rev. Dubai, 2018) and WTDC Resolution 37.\n", encoding="utf-8")
    (change,) = json.loads(to_json(compare(old, new)))["changes"]
    assert [op for op in change["words"] if op[0] != "="] == [["-", "¹"], ["-", "³"]]
    assert change.get("refs_added", []) == change.get("refs_removed", []) == []


def test_a_line_break_an_edit_takes_out_inside_kept_text_is_marked() -> None:
    """A black-box review (p2, --all): two bullets joined showed their deleted line break raw,
    splitting "use[-;" and "•-]{+, and+}" over two lines. Inside kept text it is marked ↵; the
    kept text keeps its own."""
    from actionplan_trace.render.diff_common import shown

    ops = [("=", "deployment and use"), ("-", ";\n•"), ("+", ", and"), ("=", " providing assessments")]
    assert shown(ops, whole=True) == [("=", "deployment and use"), ("-", ";↵•"), ("+", ", and"),
                                      ("=", " providing assessments")]
    assert shown([("+", "first paragraph\nsecond paragraph")], whole=True) == [("+", "first paragraph\nsecond paragraph")]

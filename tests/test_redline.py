"""The Word-native redline: NEW's own package with revision marks (`trace diff --format docx`).

Round trips read the redline back in its accepted and original views (the project's reader,
and pandoc when installed) and compare with NEW and OLD; structure tests check that NEW's
parts, styles, numbering and page setup are kept and the marks are well formed.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import docx
import pytest
from docx.shared import Pt
from lxml import etree

from conftest import CORPUS, PEER, run_cli
from pandoc_oracle import PANDOC, words as pandoc_words
from redline_oracle import W, make_redline, part, reader_words, styles_in_order

if TYPE_CHECKING:
    from actionplan_trace.diff import DiffResult

PAIRS = [
    ("objective2-old.docx", "objective2-new.docx"),
    ("objective2-new.docx", "objective2-old.docx"),
    ("objective2-old.docx", "objective2-new-autonum.docx"),
    ("action-plan-ba.docx", "action-plan-ba-bold.docx"),
]
RP = PEER / "oxpt-rp"
WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc)


def _rp_pairs() -> list[tuple[str, str]]:
    if not RP.is_dir():
        return []
    out = []
    for accepted in sorted(RP.glob("RP*-Accepted.docx")):
        rejected = accepted.with_name(accepted.name.replace("-Accepted", "-Rejected"))
        if rejected.exists():
            out.append((rejected.name, accepted.name))
    return out


RP_PAIRS = _rp_pairs()


@lru_cache(maxsize=None)
def compared(old: str, new: str) -> DiffResult:
    """app.compare of two corpus files, run once for the module's tests (they only read the result)."""
    from actionplan_trace.app import compare

    return compare(CORPUS / old, CORPUS / new)


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_corpus_round_trip(tmp_path: Path, old: str, new: str) -> None:
    out = tmp_path / "redline.docx"
    make_redline(CORPUS / old, CORPUS / new, out)
    assert reader_words(out, "accepted") == reader_words(CORPUS / new)
    assert reader_words(out, "original") == reader_words(CORPUS / old)
    if PANDOC:
        assert pandoc_words(out, "accept") == pandoc_words(CORPUS / new)
        assert pandoc_words(out, "reject") == pandoc_words(CORPUS / old)


@pytest.mark.skipif(not RP_PAIRS, reason=f"peer suite not present at {RP}")
@pytest.mark.parametrize(("old", "new"), RP_PAIRS, ids=[b.removesuffix("-Accepted.docx") for _, b in RP_PAIRS])
def test_peer_round_trip(tmp_path: Path, old: str, new: str) -> None:
    """Rejected twin → accepted twin of the oxpt-rp suite (the project's reader as oracle)."""
    out = tmp_path / "redline.docx"
    make_redline(RP / old, RP / new, out)
    assert reader_words(out, "accepted") == reader_words(RP / new)
    assert reader_words(out, "original") == reader_words(RP / old)


def test_keeps_new_package(tmp_path: Path) -> None:
    """Styles, numbering, headers, footers, notes and section properties are NEW's own; the styles
    part only gains the styles of OLD's deleted content that NEW does not define."""
    new = CORPUS / "objective2-new.docx"
    data, _ = make_redline(CORPUS / "objective2-old.docx", new, tmp_path / "r.docx", date=WHEN)
    source = zipfile.ZipFile(new)
    result = zipfile.ZipFile(io.BytesIO(data))
    for name in source.namelist():
        if name.startswith(("word/numbering", "word/header", "word/footer", "word/theme", "word/media")):
            assert result.read(name) == source.read(name), name
    styles = {name: {st.get(f"{W}styleId"): etree.tostring(st) for st in etree.fromstring(package.read("word/styles.xml"))
                     .iter(f"{W}style")} for name, package in (("new", source), ("red", result),
                                                                 ("old", zipfile.ZipFile(CORPUS / "objective2-old.docx")))}
    assert all(styles["red"][sid] == xml for sid, xml in styles["new"].items())
    added = set(styles["red"]) - set(styles["new"])
    assert "Tablehead" in added and all(styles["red"][sid] == styles["old"][sid] for sid in added)
    body_new = etree.fromstring(source.read("word/document.xml")).find(f"{W}body")
    body_red = part(data, "word/document.xml").find(f"{W}body")
    assert etree.tostring(body_red.find(f"{W}sectPr")) == etree.tostring(body_new.find(f"{W}sectPr"))
    doc = docx.Document(str(tmp_path / "r.docx"))
    assert round(doc.sections[0].page_width.mm) == 210
    assert any("TDAG" in p.text for p in doc.sections[0].header.paragraphs)


def test_shape_follows_new(tmp_path: Path) -> None:
    """Paragraph styles in order, numbered paragraphs and table rows of the accepted redline are NEW's."""
    new = CORPUS / "objective2-new-autonum.docx"
    data, _ = make_redline(CORPUS / "objective2-old.docx", new, tmp_path / "r.docx")
    new_data = new.read_bytes()
    marked = part(data, "word/document.xml")
    gone = (f"{W}pPr/{W}rPr/{W}del", f"{W}pPr/{W}rPr/{W}moveFrom")
    for deleted in [p for p in marked.iter(f"{W}p") if any(p.find(path) is not None for path in gone)]:
        deleted.getparent().remove(deleted)
    kept = [
        (p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") if p.find(f"{W}pPr/{W}pStyle") is not None else "")
        for p in marked.iter(f"{W}p")
    ]
    assert kept == styles_in_order(new_data)
    numbered = len(part(new_data, "word/document.xml").findall(f".//{W}numPr"))
    assert numbered > 0 and len(marked.findall(f".//{W}numPr")) >= numbered
    rows_new = [len(t.findall(f"{W}tr")) for t in part(new_data, "word/document.xml").iter(f"{W}tbl")]
    rows_red = [len([tr for tr in t.findall(f"{W}tr") if tr.find(f"{W}trPr/{W}del") is None])
                for t in marked.iter(f"{W}tbl")]
    assert rows_red == rows_new


def test_marks_author_date_ids(tmp_path: Path) -> None:
    data, _ = make_redline(CORPUS / "objective2-old.docx", CORPUS / "objective2-new.docx", tmp_path / "r.docx",
                           author="BDT", date=WHEN)
    body = part(data, "word/document.xml")
    marks = [el for el in body.iter(f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo")]
    assert len(marks) > 5
    assert {m.get(f"{W}author") for m in marks} == {"BDT"}
    assert {m.get(f"{W}date") for m in marks} == {"2026-03-01T09:30:00Z"}
    ids = [m.get(f"{W}id") for m in body.iter(f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo",
                                              f"{W}moveFromRangeStart", f"{W}moveToRangeStart")]
    assert len(ids) == len(set(ids))
    for text in body.iter(f"{W}delText"):
        assert any(a.tag in (f"{W}del", f"{W}moveFrom") for a in text.iterancestors())
    for t in body.iter(f"{W}t"):
        assert not any(a.tag == f"{W}del" for a in t.iterancestors())
    deleted = "".join(t.text or "" for t in body.iter(f"{W}delText"))
    inserted = "".join(t.text or "" for ins in body.iter(f"{W}ins") for t in ins.iter(f"{W}t"))
    assert deleted and inserted


def _doc(path: Path, paragraphs: list[tuple[str, str, bool]], table: list[list[str]] | None = None) -> Path:
    """A small .docx: (style, text, bold) paragraphs, then an optional table."""
    document = docx.Document()
    for style, text, bold in paragraphs:
        run = document.add_paragraph(style=style).add_run(text)
        run.bold = True if bold else None
        run.font.size = Pt(11)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, texts in zip(grid.rows, table):
            for cell, text in zip(row.cells, texts):
                cell.text = text
    document.save(path)
    return path


def test_word_edits_keep_run_format_and_moves(tmp_path: Path) -> None:
    moved = "This paragraph moves to the end of the document unchanged."
    old = _doc(tmp_path / "old.docx", [
        ("Heading 1", "1 Background", False), ("Normal", moved, False),
        ("Normal", "The quick brown fox jumps over the lazy dog.", True), ("Normal", "Last words here.", False),
    ], [["Outcome", "Indicator"], ["2.1 Connect", "Number of users"], ["2.2 Protect", "Number of CIRTs"]])
    new = _doc(tmp_path / "new.docx", [
        ("Heading 1", "2 Background", False),
        ("Normal", "The quick red fox leaps over the lazy dog.", True), ("Normal", "Last words here.", False),
        ("Normal", moved, False),
    ], [["Outcome", "Indicator"], ["2.1 Connect", "Number of users online"], ["Annex", "See the regional initiatives"]])
    data, _ = make_redline(old, new, tmp_path / "r.docx", date=WHEN)
    body = part(data, "word/document.xml")
    deleted = [d for d in body.iter(f"{W}del") if d.getparent().tag != f"{W}rPr" and d.getparent().tag != f"{W}trPr"]
    brown = next(d for d in deleted if "brown" in "".join(t.text for t in d.iter(f"{W}delText")))
    assert brown.find(f"{W}r/{W}rPr/{W}b") is not None
    starts = {e.get(f"{W}name") for e in body.iter(f"{W}moveFromRangeStart")}
    assert starts and starts == {e.get(f"{W}name") for e in body.iter(f"{W}moveToRangeStart")}
    assert "".join(t.text for t in body.iter(f"{W}delText")).count("moves to the end") == 1
    heading = body.find(f"{W}body/{W}p")
    assert [t.text for t in heading.iter(f"{W}delText")] == ["1"]
    assert [t.text for ins in heading.iter(f"{W}ins") for t in ins.iter(f"{W}t")] == ["2"]
    rows = body.findall(f".//{W}tbl/{W}tr")
    assert len(rows) == 4
    assert [r.find(f"{W}trPr/{W}del") is not None for r in rows] == [False, False, True, False]
    assert [r.find(f"{W}trPr/{W}ins") is not None for r in rows] == [False, False, False, True]
    assert reader_words(tmp_path / "r.docx") == reader_words(new)
    assert reader_words(tmp_path / "r.docx", "original") == reader_words(old)


def test_formatting_only_with_all(tmp_path: Path) -> None:
    old = _doc(tmp_path / "old.docx", [("Normal", "Plain words here", False), ("Normal", "", False),
                                       ("Normal", "Title line", False)])
    new = _doc(tmp_path / "new.docx", [("Normal", "Plain words here", True), ("Heading 2", "Title line", False)])
    data, _ = make_redline(old, new, tmp_path / "r.docx")
    body = part(data, "word/document.xml")
    assert body.find(f".//{W}rPrChange") is None and body.find(f".//{W}pPrChange") is None
    # an empty paragraph removed is formatting only, marked all the same: Reject All gives OLD
    assert body.find(f"{W}body/{W}p/{W}pPr/{W}rPr/{W}del") is not None
    data, _ = make_redline(old, new, tmp_path / "r2.docx", formatting=True)
    body = part(data, "word/document.xml")
    assert body.find(f"{W}body/{W}p/{W}pPr/{W}rPr/{W}del") is not None
    change = body.find(f".//{W}rPrChange")
    assert change is not None and change.find(f"{W}rPr/{W}b") is None
    ppr_change = body.find(f".//{W}pPrChange")
    assert ppr_change is not None and ppr_change.find(f"{W}pPr/{W}pStyle") is None


def test_tracked_new_is_accepted_first(tmp_path: Path) -> None:
    tracked = CORPUS / "objective2-tracked.docx"
    data, notes = make_redline(CORPUS / "objective2-old.docx", tracked, tmp_path / "r.docx")
    assert any("accepted first" in n for n in notes)
    assert reader_words(tmp_path / "r.docx") == reader_words(tracked)
    assert reader_words(tmp_path / "r.docx", "original") == reader_words(CORPUS / "objective2-old.docx")


def test_cli_single_tracked_and_fallback(tmp_path: Path) -> None:
    tracked = CORPUS / "objective2-tracked.docx"
    out = tmp_path / "same.docx"
    done = run_cli("diff", str(tracked), "--format", "docx", "-o", str(out))
    assert done.returncode == 1, done.stderr
    assert out.read_bytes() == tracked.read_bytes()
    assert "its own marks kept" in done.stderr
    out = tmp_path / "fallback.docx"
    done = run_cli("diff", str(CORPUS / "objective2-old.pdf"), str(CORPUS / "objective2-new.docx"),
                   "--format", "docx", "-o", str(out), "--date", "2026-03-01T09:30:00Z")
    assert done.returncode == 1, done.stderr
    assert "generated document" in done.stderr
    assert "2026-03-01T09:30:00Z" in zipfile.ZipFile(out).read("word/document.xml").decode()
    done = run_cli("diff", "--help")
    assert "PDF or text" in " ".join(done.stdout.split())
    done = run_cli("diff", str(CORPUS / "objective2-old.docx"), str(CORPUS / "objective2-new.docx"),
                   "--format", "docx", "-o", str(tmp_path / "x.docx"), "--date", "yesterday")
    assert done.returncode == 2 and "--date" in done.stderr and not (tmp_path / "x.docx").exists()


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
def test_libreoffice_converts(tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    make_redline(CORPUS / "objective2-old.docx", CORPUS / "objective2-new.docx", out)
    done = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                           "pdf", "--outdir", str(tmp_path), str(out)], capture_output=True, timeout=180)
    pdf = tmp_path / "r.pdf"
    assert done.returncode == 0 and pdf.exists() and pdf.stat().st_size > 1000, done.stderr


TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:drawing>'
    '<wp:inline><wp:extent cx="914400" cy="457200"/><wp:docPr id="7" name="Text Box 1"/><a:graphic>'
    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
    '<wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
    '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
)


def test_text_box_edits_are_word_edits(tmp_path: Path) -> None:
    """A text box whose words change is the same shape with word-level marks inside it."""
    def write(path: Path, label: str, text: str) -> Path:
        document = docx.Document()
        document.add_paragraph("Regional initiatives follow.")
        document.add_paragraph(label)._p.append(etree.fromstring(TEXT_BOX.format(text=text)))
        document.save(path)
        return path

    old = write(tmp_path / "old.docx", "Box:", "Inside the box stands the old note")
    new = write(tmp_path / "new.docx", "Note box:", "Inside the box stands the new note")
    data, _ = make_redline(old, new, tmp_path / "r.docx")
    body = part(data, "word/document.xml")
    assert len(body.findall(f".//{W}drawing")) == 1
    box = body.find(f".//{W}txbxContent")
    assert [t.text for t in box.iter(f"{W}delText")] == ["old"]
    assert [t.text for i in box.iter(f"{W}ins") for t in i.iter(f"{W}t")] == ["new"]
    assert reader_words(tmp_path / "r.docx") == reader_words(new)
    assert reader_words(tmp_path / "r.docx", "original") == reader_words(old)


def test_deleted_numbered_paragraph_keeps_its_list(tmp_path: Path) -> None:
    """A deleted paragraph of an OLD list NEW does not define brings its list definition along."""
    def write(path: Path, items: list[str], numbered: bool) -> Path:
        document = docx.Document()
        numbering = document.part.numbering_part.element
        if numbered:
            numbering.append(etree.fromstring(
                f'<w:abstractNum xmlns:w="{W[1:-1]}" w:abstractNumId="77"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>'))
            numbering.append(etree.fromstring(
                f'<w:num xmlns:w="{W[1:-1]}" w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
        document.add_paragraph("Outputs of the programme:")
        for item in items:
            p = document.add_paragraph(item)
            if numbered:
                p._p.get_or_add_pPr().append(etree.fromstring(
                    f'<w:numPr xmlns:w="{W[1:-1]}"><w:ilvl w:val="0"/><w:numId w:val="77"/></w:numPr>'))
        document.save(path)
        return path

    old = write(tmp_path / "old.docx", ["Regional forums on spectrum policy", "Guidelines on rural broadband"], True)
    new = write(tmp_path / "new.docx", ["Guidelines on rural broadband"], False)
    data, _ = make_redline(old, new, tmp_path / "r.docx", formatting=True)
    numbering = part(data, "word/numbering.xml")
    added = [n for n in numbering.findall(f"{W}num") if n.get(f"{W}numId") not in {str(k) for k in range(1, 10)}]
    assert len(added) == 1
    body = part(data, "word/document.xml")
    deleted = next(p for p in body.iter(f"{W}p") if "Regional" in "".join(t.text for t in p.iter(f"{W}delText")))
    assert deleted.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") == added[0].get(f"{W}numId")
    from actionplan_trace.extract.docx import read_docx

    assert [b.label for b in read_docx(tmp_path / "r.docx", view="original").blocks] == \
        [b.label for b in read_docx(old).blocks] == [None, "(a)", "(b)"]


def test_moved_and_edited_paragraph_is_a_move(tmp_path: Path) -> None:
    """A paragraph moved elsewhere and edited is moved whole: OLD's text from, NEW's text to."""
    para = "Member States will share best practices on emergency telecommunications in every region."
    edited = "Member States will share good practices on emergency telecommunications in every region."
    filler = [("Normal", f"Paragraph {word} of the plan stays where it was.", False)
              for word in ("one", "two", "three", "four")]
    old = _doc(tmp_path / "old.docx", [("Normal", para, False), *filler])
    new = _doc(tmp_path / "new.docx", [*filler, ("Normal", edited, False)])
    data, _ = make_redline(old, new, tmp_path / "r.docx")
    body = part(data, "word/document.xml")
    names_from = [e.get(f"{W}name") for e in body.iter(f"{W}moveFromRangeStart")]
    names_to = [e.get(f"{W}name") for e in body.iter(f"{W}moveToRangeStart")]
    assert len(names_from) == 1 and names_from == names_to
    moved_from = "".join(t.text for m in body.iter(f"{W}moveFrom") for t in m.iter(f"{W}delText"))
    moved_to = "".join(t.text for m in body.iter(f"{W}moveTo") for t in m.iter(f"{W}t"))
    assert (moved_from, moved_to) == (para, edited)
    assert reader_words(tmp_path / "r.docx") == reader_words(new)
    assert reader_words(tmp_path / "r.docx", "original") == reader_words(old)
    if PANDOC:
        assert pandoc_words(tmp_path / "r.docx", "accept") == pandoc_words(new)
        assert pandoc_words(tmp_path / "r.docx", "reject") == pandoc_words(old)


def _output(number: str, topic: str, background: str, resolutions: str, lines: str, goals: str) -> list[tuple[str, str, bool]]:
    """An Action Plan output as headed paragraphs: its reference sub-sections' titles and wording
    recur under every output."""
    return [
        ("Heading 2", f"Output {number} – Products and services on {topic}", False),
        ("Heading 3", "Background", False), ("Normal", background, False),
        ("Heading 3", "References to WTDC Resolutions, WSIS Action Lines and Sustainable Development Goals", False),
        ("Heading 4", "PP and WTDC resolutions and recommendations", False),
        ("Normal", f"The implementation of {resolutions} will support Output {number} and will contribute to the "
                   f"achievement of Outcome {number}.", False),
        ("Heading 4", "WSIS action lines", False),
        ("Normal", f"The implementation of the WSIS Action Lines {lines} will support the Output {number} and will "
                   f"contribute to the achievement of Outcome {number}.", False),
        ("Heading 4", "Sustainable Development Goals and Targets", False),
        ("Normal", f"Output {number} will contribute to the achievement of the following UN SDGs: {goals}.", False),
    ]


def test_moves_are_the_engines_not_alike_boilerplate(tmp_path: Path) -> None:
    """Output 3.4 removed and an unrelated Output 2.4 added, their reference sub-sections alike:
    the diff reports removed and added sections, and the redline marks them deleted and inserted,
    not moved (it once paired any deleted paragraph with any inserted one 0.7 alike). The
    programme the diff reports moved within Output 2.1 is still a w:moveFrom/w:moveTo pair, its
    heading too, short as it is."""
    programmes = {
        "Spectrum management": "Wireless technology has great potential to improve the quality of life in developing countries.",
        "Broadcasting and video": "The objective of BDT work in broadcasting is to enable developing countries to achieve "
                                  "a smooth transition to digital broadcasting.",
        "Cybersecurity": "Building confidence and security in the use of telecommunications and ICTs is a priority for Member States.",
    }

    def plan(order: list[str], tail: list[tuple[str, str, bool]], head: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
        out_21 = _output("2.1", "telecommunication/ICT infrastructure", "Infrastructure is central for enabling affordable access to ICTs.",
                         "PP Resolution 139 and WTDC Resolutions 9, 10 and 11", "C2, C5 and C6", "9 (target 9.1), 11 (target 11.b)")
        framework = [("Heading 3", "Implementation framework", False)]
        for name in order:
            framework += [("Heading 4", name, False), ("Normal", programmes[name], False)]
        return [("Heading 1", "Objective 2 – Modern and secure telecommunication/ICT infrastructure", False),
                *out_21[:3], *framework, *out_21[3:], *head,
                ("Heading 1", "Objective 3 – Enabling environment", False),
                *_output("3.1", "policy and regulation", "Regulators need sound information on market developments and trends.",
                         "PP Resolution 138 and WTDC Resolution 48", "C1, C6 and C11", "16 (target 16.6)"), *tail]

    output_34 = _output("3.4", "telecommunication/ICT innovation", "Innovation has been recognized as a powerful engine for "
                        "development for policy makers and citizens alike.", "PP Resolution 200 and WTDC Resolutions 17, 71",
                        "C1, C2, C3, C4, C5, C6, C7, and C11", "1 (targets 1.1, 1.2), 4 (target 4.4), 9 (targets 9.a, 9.b), 17 (target 17.6)")
    output_24 = _output("2.4", "resilient submarine cable infrastructure", "Submarine cables carry most international traffic; "
                        "their resilience is a growing concern for developing countries.", "PP Resolution 101 and WTDC Resolution 37",
                        "C2 and C5", "9 (target 9.1), 17 (target 17.6)")
    old = _doc(tmp_path / "old.docx", plan(["Spectrum management", "Broadcasting and video", "Cybersecurity"], output_34, []))
    new = _doc(tmp_path / "new.docx", plan(["Spectrum management", "Cybersecurity", "Broadcasting and video"], [], output_24))
    data, _ = make_redline(old, new, tmp_path / "r.docx")
    body = part(data, "word/document.xml")
    moved_from = ["".join(t.text for t in m.iter(f"{W}delText")) for m in body.iter(f"{W}moveFrom")
                  if m.getparent().tag != f"{W}rPr"]
    moved_to = ["".join(t.text for t in m.iter(f"{W}t")) for m in body.iter(f"{W}moveTo") if m.getparent().tag != f"{W}rPr"]
    broadcasting = programmes["Broadcasting and video"]
    moved = ["Broadcasting and video", broadcasting]
    assert (moved_from, moved_to) == (moved, moved)
    names = [e.get(f"{W}name") for e in body.iter(f"{W}moveFromRangeStart")]
    assert len(names) == 2 and names == [e.get(f"{W}name") for e in body.iter(f"{W}moveToRangeStart")]
    deleted = "".join(t.text for t in body.iter(f"{W}delText"))
    inserted = "".join(t.text for ins in body.iter(f"{W}ins") for t in ins.iter(f"{W}t"))
    assert "PP Resolution 200 and WTDC Resolutions 17, 71 will support Output 3.4" in deleted
    assert "PP Resolution 101 and WTDC Resolution 37 will support Output 2.4" in inserted
    assert reader_words(tmp_path / "r.docx") == reader_words(new)
    assert reader_words(tmp_path / "r.docx", "original") == reader_words(old)
    if PANDOC:
        assert pandoc_words(tmp_path / "r.docx", "accept") == pandoc_words(new)
        assert pandoc_words(tmp_path / "r.docx", "reject") == pandoc_words(old)


@pytest.mark.parametrize(("old", "new"), [("objective2-old.docx", "objective2-new.docx"),
                                          ("objective2-old.pdf", "objective2-new.pdf")])
def test_a_redline_with_a_date_is_the_same_file_at_any_hour(monkeypatch: pytest.MonkeyPatch, old: str,
                                                            new: str) -> None:
    """The same diff with the same --date gives the same bytes whatever the clock says: a review
    found the package's members stamped with the local time of the run, so a committed or cached
    redline changed at every run and in every time zone. Both writers: NEW's own package with
    marks (two .docx) and the generated document (any other pair)."""
    import time

    from actionplan_trace.render.redline import word_report

    result = compared(old, new)
    date = datetime(2024, 1, 1, tzinfo=timezone.utc)
    made = []
    for clock in (1_700_000_000.0, 1_800_000_000.0):
        monkeypatch.setattr(time, "time", lambda clock=clock: clock)
        made.append(word_report(result, date=date)[0])
    assert made[0] == made[1]
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(made[0])).infolist()} == {(2024, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_every_style_the_redline_names_is_defined(tmp_path: Path, old: str, new: str) -> None:
    """OLD's content marked deleted keeps its paragraph and character styles: a style NEW's
    package did not define ("Tablehead" in the old outcome table's header) made LibreOffice draw
    the header row shifted one column (a review's screenshot). Such a style is copied in."""
    out = tmp_path / "redline.docx"
    make_redline(CORPUS / old, CORPUS / new, out)
    with zipfile.ZipFile(out) as package:
        document, styles = (etree.fromstring(package.read(f"word/{name}.xml")) for name in ("document", "styles"))
    defined = {style.get(f"{W}styleId") for style in styles.iter(f"{W}style")}
    named = {ref.get(f"{W}val") for ref in document.iter(f"{W}pStyle", f"{W}rStyle", f"{W}tblStyle")}
    assert named and named <= defined, named - defined


def test_the_generated_redline_describes_itself(tmp_path: Path) -> None:
    """Made from PDFs (a generated document, not NEW's package): a review found its properties
    saying python-docx made it in 2013, Microsoft Word its application, and a thumbnail of
    python-docx's template for file browsers to show."""
    from actionplan_trace.render.redline import word_report

    data, _ = word_report(compared("objective2-old.pdf", "objective2-new.pdf"), date=WHEN)
    package = zipfile.ZipFile(io.BytesIO(data))
    assert not [name for name in package.namelist() if "thumbnail" in name]
    assert b"<Application>actionplan-trace</Application>" in package.read("docProps/app.xml")
    core = docx.Document(io.BytesIO(data)).core_properties
    assert core.created == core.modified == WHEN
    assert "python-docx" not in (core.comments or "") and core.comments.startswith("Generated by actionplan-trace")


@pytest.mark.parametrize("gained", [True, False])
def test_a_column_gained_or_lost_is_its_cells_not_every_row_removed_and_added(tmp_path: Path, gained: bool) -> None:
    """A black-box review (p3): a regional-initiatives table given an "Initiatives" column was
    every row removed and added again ("7 added, 7 removed; 13 deleted"), refs lost and gained,
    and the redline deleted and re-inserted every row. Each row is now the same row with a cell
    added (or, the other way, removed): its words and references, and only its new column marked."""
    narrow = [["Region"], ["AFR Region"], [""], ["AMS region"], ["ARB Region"]]
    wide = [["Region", "Initiatives"], ["AFR Region", "AFR1, AFR3"], ["", ""], ["AMS region", "AMS2"],
            ["ARB Region", ""]]
    text = [("Heading 1", "Relevant regional initiatives", False),
            ("Normal", "The following regional initiatives will contribute to Outcome 2.1.", False)]
    old = _doc(tmp_path / "old.docx", text, narrow if gained else wide)
    new = _doc(tmp_path / "new.docx", text, wide if gained else narrow)
    from actionplan_trace.app import compare

    result = compare(old, new)
    kind = "added" if gained else "removed"  # a lost cell is that cell removed, not the cell before it modified
    assert [(c.kind, c.new if gained else c.old) for c in result.changes] == [
        (kind, "Initiatives"), (kind, "AFR1, AFR3"), (kind, "AMS2")]
    assert [sorted(c.refs_added if gained else c.refs_removed) for c in result.changes] == [
        [], ["RI-AFR1", "RI-AFR3"], ["RI-AMS2"]]
    words = result.summary()["words"]
    assert (words["inserted"], words["deleted"]) == ((4, 0) if gained else (0, 4))
    data, _ = make_redline(old, new, tmp_path / "r.docx", date=WHEN)
    body = part(data, "word/document.xml")
    whole = [tr for tr in body.iter(f"{W}tr") if tr.find(f"{W}trPr/{W}del") is not None
             or tr.find(f"{W}trPr/{W}ins") is not None]
    if gained:  # only the new column's words marked, no row deleted or inserted whole
        assert whole == []
        inserted = "".join(t.text for ins in body.iter(f"{W}ins") for t in ins.iter(f"{W}t"))
        assert inserted.replace(" ", "") == "InitiativesAFR1,AFR3AMS2"
    else:  # a lost cell cannot be taken away by a run mark: its rows deleted and inserted whole
        assert len(whole) == 2 * len(narrow)
    assert reader_words(tmp_path / "r.docx") == reader_words(new)
    assert reader_words(tmp_path / "r.docx", "original") == reader_words(old)

"""Hard-wrapped plain text (e-mail, pdftotext, a note wrapped by hand) read a paragraph at a time,
so that a reference broken over a line end ("WTDC Resolution" / "37 (Rev. Kigali, 2022)") is
read whole; and the one-paragraph-a-line texts stay read a line at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace import load
from actionplan_trace.extract import read
from actionplan_trace.refs import document_refs

WRAPPED = Path(__file__).parent / "fixtures" / "wrapped"
CORPUS_TEXT = Path(__file__).parent.parent / "corpus" / "text"


def blocks(name: str) -> list[tuple[str, int | None, str]]:
    return [(b.type, b.loc.line, b.text) for b in read(WRAPPED / name).blocks]


def ids(name: str) -> list[str]:
    return [ref.id for ref in document_refs(load(WRAPPED / name)).refs]


def test_a_ragged_note_of_four_lines_is_one_paragraph() -> None:
    assert blocks("ragged-note.txt") == [(
        "paragraph", 1,
        "The Telecommunication Development Bureau shall, in accordance with WTDC Resolution 37 (Rev. Kigali, "
        "2022), assist Member States in bridging the digital divide, and report under PP Resolution 139 "
        "(Rev. Bucharest, 2022).")]
    assert ids("ragged-note.txt") == ["WTDC-RES-37", "PP-RES-139"]


def test_pdftotext_paragraphs_with_indented_first_lines_and_hyphens() -> None:
    assert blocks("pdftotext-76.txt") == [
        ("paragraph", 1, "Report on the implementation of the Kigali Action Plan"),
        ("paragraph", 3, "The Bureau continued its work on telecommunication infrastructure in the least developed "
                         "countries, in accordance with WTDC Resolution 37 (Rev. Kigali, 2022), and reported on SDG 9 "
                         "and WSIS Action Lines C2 and C5. Under PP Resolution 139 (Rev. Bucharest, 2022), the Bureau "
                         "supported national telecommunication plans in 14 countries."),
        # "telecommu-" / "nication": the layout's hyphen (the text prints "telecommunication");
        # "e-" / "government": the word's own.
        ("paragraph", 8, "The regional telecommunication forums held in Africa and the Americas covered WSIS Action "
                         "Line C6 and the e-government services of the administrations, as called for by WTDC "
                         "Resolution 17 (Rev. Kigali, 2022)."),
        ("paragraph", 13, "Activities in 2023"),
        ("paragraph", 14, "The Bureau also trained 230 experts on spectrum monitoring."),
    ]
    assert ids("pdftotext-76.txt") == ["WTDC-RES-37", "SDG-9", "WSIS-C2", "WSIS-C5", "PP-RES-139", "WSIS-C6",
                                       "WTDC-RES-17"]


def test_crlf_email_with_a_wrapped_list_item_and_a_table_after_a_wrapped_paragraph() -> None:
    found = blocks("email-crlf-72.txt")
    assert found[:6] == [
        ("paragraph", 1, "Dear colleagues,"),
        ("paragraph", 3, "Please find below the summary of the regional meeting held in Geneva on 3 May 2023, which "
                         "reviewed the implementation of WTDC Resolution 37 (Rev. Kigali, 2022) and of PP Resolution "
                         "139 (Rev. Bucharest, 2022)."),
        ("paragraph", 8, "The meeting agreed the following actions:"),
        ("list-item", 10, "strengthen the assistance to Member States on the WSIS Action Line C5 and on SDG target 9.c;"),
        ("list-item", 12, "report to TDAG."),
        ("paragraph", 14, "The contributions received, by region, are listed in the table below; they refer to SDG 9 "
                          "and WSIS Action Line C2."),
    ]
    table = read(WRAPPED / "email-crlf-72.txt").blocks[6]
    assert (table.type, table.loc.line) == ("table", 17)
    assert [[cell.text for cell in row] for row in table.rows or []] == [
        ["Region", "Contributions", "Resolution"], ["Africa", "12", "Resolution 37"], ["Americas", "7", "Resolution 64"]]
    assert found[7:] == [("paragraph", 21, "Kind regards,")]
    assert ids("email-crlf-72.txt")[:6] == ["WTDC-RES-37", "PP-RES-139", "WSIS-C5", "SDG-9.c", "SDG-9", "WSIS-C2"]


@pytest.mark.parametrize("name", ["objective2-new.txt", "renderings/objective2-new.word-text.txt"])
def test_a_word_text_export_stays_one_paragraph_a_line(name: str) -> None:
    """Word's "Plain text": every line its own paragraph, none joined to the next."""
    path = CORPUS_TEXT / name
    lines = [line.strip() for line in path.read_text(encoding="utf-8-sig").splitlines()]
    texts = [b.text for b in read(path).blocks if b.type in ("paragraph", "list-item", "heading")]
    assert texts and all(any(text in line for line in lines if line) for text in texts)

"""What Word adds to a document as it is edited changes nothing that is read from it.

Word splits a paragraph's runs wherever an edit, a spell check or a revision session began (often
inside a word), stamps paragraphs and runs with rsid attributes, adds font, language and
complex-script properties to each run, and leaves spelling marks, bookmarks and rendered page
breaks between them. The corpus files, rewritten so (docx_edit.word_noise), must extract to the
same model, give the same references and diff against their originals with no change.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from actionplan_trace.app import compare, load
from actionplan_trace.refs import document_refs
from actionplan_trace.render.extract import to_json

from docx_edit import DocxEditor, word_noise

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _model(doc: object) -> dict:
    data = json.loads(to_json(doc))
    data.pop("source")
    return data


@pytest.mark.parametrize("name", ["action-plan-ba.docx", "strategic-plan-2012-bold.docx", "objective2-tracked.docx",
                                  "objective2-new-autonum.docx", "contribution-tdag.docx"])
def test_word_run_fragmentation_changes_nothing(tmp_path: Path, name: str) -> None:
    editor = DocxEditor.open(CORPUS / name)
    split = word_noise(editor, random.Random(name))
    noisy = editor.save(tmp_path / name)
    assert split > 40
    assert noisy.stat().st_size > (CORPUS / name).stat().st_size
    original, rewritten = load(CORPUS / name), load(noisy)
    assert _model(rewritten) == _model(original)
    assert [(r.id, r.section, r.text) for r in document_refs(rewritten).refs] == \
        [(r.id, r.section, r.text) for r in document_refs(original).refs]
    assert compare(CORPUS / name, noisy, ignore=frozenset()).changes == []

"""Numbered list items in a PDF or a plain text: paragraphs that open with a list's label ("1.",
"a)", "(i)") read as the list items a .docx gives them, label apart from the text.

A number typed at a paragraph's start is a list's only in a list: the paragraph is one of a run of
numbered paragraphs (nothing but numbered paragraphs and list items between them) and its label
follows on from, or is followed by, the label of the same shape before or after it in the run
("1." / "2.", "a)" / "b)", "(i)" / "(ii)"), or it opens a list nested in a numbered item ("a)"
right after "2."). So a numbered heading ("1. Introduction", its text after it), a clause
numbered on several levels ("1.1 Title"), a sentence that opens with a figure ("5 countries …") or
a lone numbered paragraph stays as it was."""

from __future__ import annotations

from ..record import replace

from ..model import Block
from ..regexcache import regex
from ..text_patterns import roman

# A one-level label and the text after it: "1." "1)" "(1)" "a." "a)" "(a)" "iv." "(iv)" (roman).
ITEM_LABEL = regex(r"^(\(?)(\d{1,2}|[a-z]|[ivx]{1,5}|[A-Z]|[IVX]{1,5})([.)])\s+(?=\S)")
ROMAN = {"i": 1, "v": 5, "x": 10}
ITEM_LEADS = frozenset("0123456789(abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _roman(numeral: str) -> int | None:
    """The value of a lower-case roman numeral of i, v and x ("iv" 4), None if it is none."""
    values = [ROMAN[ch] for ch in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total and numeral == roman(total) else None


def _label(block: Block) -> tuple[str, str, set[int]] | None:
    """The label a paragraph opens with, its shape (brackets and kind: digits, letters in lower or
    upper case) and its possible values in its list ("i" is the letter's 9 or the roman 1)."""
    head = block.text[:8]
    if block.type != "paragraph" or head[:1] not in ITEM_LEADS or not ("." in head or ")" in head):
        return None
    m = ITEM_LABEL.match(block.text)
    if m is None or (m.group(1) and m.group(3) != ")"):  # "(1." is no label
        return None
    core = m.group(2)
    label = m.group(0).strip()
    if core.isdigit():
        return label, f"{m.group(1)}1{m.group(3)}", {int(core)}
    lower = core.lower()
    values = {ord(lower) - ord("a") + 1} if len(core) == 1 else set()
    roman = _roman(lower) if set(lower) <= set(ROMAN) else None
    if roman is not None:
        values.add(roman)
    if not values:
        return None
    return label, f"{m.group(1)}{'a' if core.islower() else 'A'}{m.group(3)}", values


def numbered_items(blocks: list[Block]) -> list[Block]:
    """`blocks` with each paragraph that is a numbered list's item (see the module) made a
    list item, its label apart. Looks only at paragraphs that open with a digit, a letter or "("
    and hold a stop or a bracket in their first characters, once each."""
    labels = [_label(block) for block in blocks]
    items = [False] * len(blocks)
    start = 0
    while start < len(blocks):
        if labels[start] is None:
            start += 1
            continue
        end = start
        while end < len(blocks) and (labels[end] is not None or blocks[end].type == "list-item"):
            end += 1
        _mark_run(labels, items, start, end)
        start = end
    return [_item(block, labels[k]) if items[k] else block for k, block in enumerate(blocks)]


def _mark_run(labels: list[tuple[str, str, set[int]] | None], items: list[bool], start: int, end: int) -> None:
    """Mark the items of the run of numbered paragraphs and list items from `start` to `end`: a
    label that follows on from the last one of its shape before it (both marked); then a first
    label ("a)", "(i)", "1.") right after a marked item, which opens a list nested in it."""
    last: dict[str, int] = {}  # shape -> the index of its last label in the run
    for k in range(start, end):
        found = labels[k]
        if found is None:
            continue
        before = last.get(found[1])
        prior = labels[before] if before is not None else None
        if before is not None and prior is not None and any(v - 1 in prior[2] for v in found[2]):
            items[before] = items[k] = True
        last[found[1]] = k
    for k in range(start + 1, end):
        found = labels[k]
        if found is not None and not items[k] and 1 in found[2] and items[k - 1]:
            items[k] = True


def _item(block: Block, found: tuple[str, str, set[int]] | None) -> Block:
    """The paragraph `block` as a list item labelled with the label it opens with."""
    assert found is not None
    label = found[0]
    return replace(block, type="list-item", label=label, text=block.text[len(label):].lstrip())

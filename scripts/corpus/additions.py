"""The four proposals of the TDAG contribution (seed 001) as tracked changes on the Action Plan.

Seed 001 shows the Buenos Aires Action Plan with the proposals already applied. The texts
below are the ones the proposals added (checked against seed 000, the later revision of
Objective 2, which was prepared from the unamended plan and has none of them). Marking
them as insertions gives the contribution; dropping them gives the base Action Plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from .items import Item, Seg
from .seed import SeedError

AUTHOR = "China"
DATE = "2018-03-20T10:15:00Z"


@dataclass(frozen=True)
class Addition:
    """One added text: a whole paragraph, a sentence appended to a paragraph, or a renamed heading."""

    proposal: int
    where: str
    how: str
    text: str
    count: int = 1
    before: str = ""


ADDITIONS = (
    Addition(2, "Output 2.1 / Background, 4th paragraph", "sentence",
             " Meanwhile, the extensive video applications in telecommunication networks"),
    Addition(1, "Output 2.1 / Broadband networks: Wired and wireless technologies, including IMT",
             "paragraph", "Analyzing and evaluating the effect of optimized international "
             "terrestrial cables", count=2),
    Addition(2, "Output 2.1 / area heading", "rename", "Broadcasting and video",
             before="Broadcasting"),
    Addition(2, "Output 2.1 / Broadcasting and video, 1st paragraph", "sentence",
             " At the same time, it should be noted that apart from traditional broadcasting"),
    Addition(2, "Output 2.1 / Broadcasting and video, 3rd bullet", "paragraph",
             "Providing assistance in policies of and solutions to video service access"),
    Addition(3, "Output 3.2 / Implementation framework, last bullet", "paragraph",
             "Optimized and improved IDI scheme"),
    Addition(4, "Output 4.3 / Implementation framework, 4th paragraph", "paragraph",
             "Information source accessibility depends on the support"),
    Addition(4, "Output 4.3 / Implementation framework, last bullet", "paragraph",
             "establish patterns and rules of international cooperation could promote"),
)


def mark_additions(items: list[Item]) -> list[Item]:
    """Mark the proposals' additions in the parsed seed-001 Action Plan as tracked changes (in place)."""
    for add in ADDITIONS:
        hits = 0
        for it in items:
            if add.how == "rename" and it.kind == "area" and it.text == add.text:
                it.segs = [Seg(add.before, "del"), Seg(add.text, "ins")]
                hits += 1
            elif add.how == "paragraph" and it.kind in ("para", "bullet") and it.text.startswith(add.text):
                it.change = "ins"
                hits += 1
            elif add.how == "sentence" and it.kind == "para" and add.text in it.text:
                (seg,) = it.segs
                head, tail = seg.text.split(add.text, 1)
                it.segs = [Seg(head), Seg(add.text + tail, "ins")]
                hits += 1
        if hits != add.count:
            raise SeedError(f"addition {add.text!r}: expected {add.count} match(es), found {hits}")
    return items

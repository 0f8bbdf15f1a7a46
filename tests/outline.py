"""Build a `Document` from an indented outline, for diff tests that need exact, small documents.

    @objective 2 | Infrastructure        a section: kind, optional number, title
      Plain text                         a paragraph of the section above (indent deeper)
      - text                             a list item labelled "•"
      [outputs] text                     a paragraph with a field (a table-row column)
      | a | b |                          table rows; consecutive rows form one table

Indentation (two spaces a level) nests sections. Ids follow the structurer's scheme:
"kind-number" when numbered, else "parent/kind-slug".
"""

from __future__ import annotations

import re

from actionplan_trace.model import Block, Cell, Document, Loc, Section, Source, table_text

FIELD = re.compile(r"^\[(?P<field>[\w-]+)\]\s*(?P<text>.*)$")


def _slug(text: str) -> str:
    """An id fragment from a title."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:6]) or "untitled"


def outline(text: str, path: str = "outline.txt") -> Document:
    """The Document an outline describes (see the module docstring)."""
    sections: list[Section] = []
    stack: list[tuple[int, Section]] = []
    ids: set[str] = set()
    para = 0
    for raw in text.splitlines():
        if not raw.strip():
            continue
        indent = (len(raw) - len(raw.lstrip(" "))) // 2
        line = raw.strip()
        if line.startswith("@"):
            head, _, title = line[1:].partition("|")
            kind, _, number = head.strip().partition(" ")
            while stack and stack[-1][0] >= indent:
                stack.pop()
            parent = stack[-1][1] if stack else None
            number = number.strip() or None
            base = f"{kind}-{number}" if number else f"{parent.id + '/' if parent else ''}{kind}-{_slug(title)}"
            sid, n = base, 2
            while sid in ids:
                sid, n = f"{base}-{n}", n + 1
            ids.add(sid)
            section = Section(
                id=sid, kind=kind, number=number, title=title.strip(), parent=parent.id if parent else None,
                level=len(stack) + 1, loc=Loc(paragraph=para),
            )
            sections.append(section)
            stack.append((indent, section))
            para += 1
            continue
        if not stack:
            raise ValueError(f"block before any section: {line!r}")
        owner = stack[-1][1]
        loc = Loc(paragraph=para)
        para += 1
        if line.startswith("|"):
            cells = [Cell(c.strip(), loc) for c in line.strip("|").split("|")]
            last = owner.blocks[-1] if owner.blocks else None
            if last is not None and last.type == "table" and last.rows is not None and last.loc.paragraph == para - 2:
                last.rows.append(cells)
                last.text = table_text(last.rows)
                last.loc = loc
            else:
                owner.blocks.append(Block("table", table_text([cells]), loc=loc, rows=[cells]))
            continue
        if line.startswith("- "):
            owner.blocks.append(Block("list-item", line[2:], loc=loc, label="•"))
            continue
        m = FIELD.match(line)
        if m:
            owner.blocks.append(Block("paragraph", m["text"], loc=loc, field=m["field"]))
            continue
        owner.blocks.append(Block("paragraph", line, loc=loc))
    return Document(source=Source(path=path, format="text", sha256="0" * 64), sections=sections)


# A small Action Plan fragment (Objective 2, two outputs) for diff tests to edit.
PLAN = """
@objective 2 | Modern and secure telecommunication/ICT infrastructure
  | Outcomes | Performance indicators | Outputs |
  @outcome 2.1 | Enhanced capacity of ITU Membership
    [outcome] Enhanced capacity of ITU Membership to make available resilient infrastructure
    [indicators] Number of Guidelines, Handbooks and publications finalized
    [outputs] 2.1 - Telecommunication/ICT infrastructure and services
  @output 2.1 | Products and services on telecommunication/ICT infrastructure
    @background | Background
      Infrastructure is central for enabling universal, sustainable, ubiquitous and affordable access to ICTs.
      Communications no longer just connect people: the Internet of Things is fast becoming a reality.
    @implementation-framework | Implementation framework
      @programme | Telecommunication/ICT network infrastructure and services
        The objective of this programme is to assist ITU Member States in maximizing the use of new technologies.
        @area | Rural communications
          Rural populations will need to be provided with telephony and broadband access.
          - providing information on suitable technologies for access and backhaul to rural areas;
          - implementing projects on public/community broadband access points focusing on ICT services;
          - disseminating information and analyses of the latest technologies and best practices.
        @area | Spectrum management
          Wireless technology has great potential to improve our quality of life.
          - continuing to maintain and expand the Spectrum Management System for Developing Countries;
          - providing spectrum-management assessments, master plans and recommended action plans.
    @references | References
      @reference-group | PP and WTDC resolutions and recommendations
        The implementation of WTDC Resolutions 9, 10, 11 and 15 will support Output 2.1.
  @output 2.2 | Products and services on building confidence and security
    @background | Background
      As the use of ICT continues to grow, cybersecurity continues to be a priority among members.
      Cyberdrills at national and regional level strengthen cooperation among the key actors.
"""

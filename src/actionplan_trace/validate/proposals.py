"""Read a contribution's numbered proposals into records that can be checked against a base.

A proposal is one paragraph such as 'In Output 2.1, under “Broadband networks: …”, add texts
regarding …'. It names one or more outputs ("Outputs 2.1 and 2.2"), usually a quoted heading
("under the heading 'Broadcasting'"), and an action: add, delete, modify, move or replace ("replace
“A” with “B”"), or ITU's mark before it ("MOD Output 2.1, Rural communications, first bullet:
…", ADD, SUP). Curly, straight, single and guillemet quotes are all accepted. A paragraph that
ends with a colon takes the unnumbered paragraphs after it as its text. A table whose columns
name the place and the current and/or proposed text gives one proposal per row; in a
"Proposal | Reason" table each Proposal cell is read as the paragraphs it holds.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Iterator

from ..findings import Finding
from ..model import Block, Document, Loc, Section, cell_location
from ..record import field, record
from ..regexcache import regex
from ..text_patterns import PROPOSAL_NUMBER, is_bullet_label
from .findings import excerpt

PREAMBLE_KINDS = ("front-matter", "cover", "abstract", "introduction", "proposals")

_DOUBLE = regex(r"[“\"«„]\s*([^“”\"«»„]+?)\s*[”\"»“]")
_SINGLE = regex(r"(?<![\w’'])[‘']\s*([^‘’']+?)\s*[’'](?![\w‘’'])")
_OUTPUTS = regex(
    r"\bOutputs?\s+(?P<first>\d+\.\d+)(?P<more>(?:\s*(?:,|;|&|\band\b|\bor\b)\s*(?:Outputs?\s+)?\d+\.\d+)*)",
    re.IGNORECASE,
)
# An outcome's row of an objective's table, named as outputs are ("In Outcome 2.1, modify the
# performance indicator …", "row of Outcome 2.2").
_OUTCOMES = regex(
    r"\bOutcomes?\s+(?P<first>\d+\.\d+)(?P<more>(?:\s*(?:,|;|&|\band\b|\bor\b)\s*(?:Outcomes?\s+)?\d+\.\d+)*)",
    re.IGNORECASE,
)
_NUMBER = regex(r"\d+\.\d+")
# A proposal creating an output the plan does not have yet: its verb then "new output(s)" and the
# numbers ("add a new Output 2.4 – …", "insert the following new outputs: 2.4 and 2.5"); a new
# output merely mentioned ("a new bullet on … the new Output 2.4") creates nothing.
_NEW_OUTPUT = regex(
    r"\b(?:add|insert|include|create|introduce|establish)(?:s|ed|ing)?\s+(?:(?:a|an|the|following|two|three)\s+)*"
    r"new\s+outputs?\b[\s,:(–—-]*(?:Outputs?\s+)?\d+\.\d+(?:\s*(?:,|and|&)\s*(?:Outputs?\s+)?\d+\.\d+)*",
    re.IGNORECASE,
)
# A proposal creating an objective ("add a new Objective 5 – …"): its verb then "new objective"
# and the number, which the outputs it will hold are under ("Under Objective 5, add …" is a place).
_NEW_OBJECTIVE = regex(
    r"\b(?:add|insert|include|create|introduce|establish)(?:s|ed|ing)?\s+(?:(?:a|an|the|following)\s+)*"
    r"new\s+objectives?\b[\s,:(–—-]*(?:Objectives?\s+)?(?P<n>\d{1,2})\b(?!\.\d)",
    re.IGNORECASE,
)
# "Objective 5 – <title>" after ITU's ADD mark: an objective and its title, nothing else.
# An objective named as a place ("SUP<tab>Objective 2", "Delete Objective 2 and its outputs"):
# no place trace checks (VAL001 says so), but a proposal.
_OBJECTIVE_NUMBER = r"Objectives?\s+(?P<n>\d{1,2})\b(?!\.\d)"  # "Objective 2", not "Objective 2.1"
_OBJECTIVE_NAMED = regex(rf"^\W*{_OBJECTIVE_NUMBER}", re.IGNORECASE)
_OBJECTIVE_ANYWHERE = regex(rf"\b{_OBJECTIVE_NUMBER}", re.IGNORECASE)
_OBJECTIVE_TITLE = regex(r"^\W*Objective\s+(?P<n>\d{1,2})\s*[–—-]\s*(?P<title>\S.*)$", re.IGNORECASE)
# An output named as where a new one goes ("after Output 2.3"), which is no place the proposal amends.
_WHERE_OUTPUT = regex(r"\b(?:after|before|following|below|above)\s+(?:the\s+)?(?:existing\s+)?Outputs?\s+\d+\.\d+",
                      re.IGNORECASE)
# A table's place column headed by a kind ("Output", "Outputs", "Output No.", "Output number"):
# a bare number in it ("2.1") is that kind's number.
_KIND_HEADER = regex(r"^\W*(?P<kind>output|outcome)s?\b(?:\s*(?:no\.?|nos\.?|numbers?|#))?\W*$", re.IGNORECASE)
_BARE_NUMBER = regex(r"^\s*\d+\.\d+(?=\s*$|\s*[–—-]\s*\S|\s+[^\W\d_])")  # "2.1", "2.1 – Rural …", not "2.1/2.2", "2.1.3"
_HEADING_LEAD = regex(
    r"\b(?:under|in|to|within|of)\s+(?:the\s+)?(?:(?:sub-?)?headings?|(?:sub-?)?sections?|areas?(?:\s+of\s+work)?"
    r"|programmes?|titles?|parts?|paragraphs?)?\s*(?:entitled|titled|named|called)?\s*,?\s*$",
    re.IGNORECASE,
)
_ACTIONS = (
    ("replace", regex(r"\b(?:replac\w*|substitut\w*)\b", re.IGNORECASE)),
    ("delete", regex(r"\b(?:delet\w*|remov\w*|suppress\w*|strik\w*\s+out)\b", re.IGNORECASE)),
    # not the "In addition" of "In addition, in Outcome 4.2, add …", which comes before the place
    ("add", regex(r"\b(?:(?<!\bin\s)add\w*|insert\w*|includ\w*|introduc\w*|append\w*)\b", re.IGNORECASE)),
    ("modify", regex(r"\b(?:modif\w*|amend\w*|chang\w*|revis\w*|updat\w*|edit\w*|reword\w*|rephras\w*)\b",
                          re.IGNORECASE)),
    # text the plan has, put elsewhere ("move the bullet “…” to the top of the list"): quoted as a deletion is
    ("move", regex(r"\b(?:mov(?:e|es|ed)|relocat\w*)\b", re.IGNORECASE)),
)
_WITH = regex(r"\b(?:with|by)\b", re.IGNORECASE)
_BARE_HEADING = regex(
    r"\bunder\s+(?:the\s+(?:(?:sub-?)?heading|section|area(?:\s+of\s+work)?|programme)\s+)?"
    r"(?P<h>[A-Z][^,;“”\"«»]{1,120}?)\s*[,;]\s*(?=(?:please\s+)?(?:add|insert|include|delete|remove|replace|modify|amend))",
    re.IGNORECASE,
)
# A place named by its kind and number ("Objective 2", "Output 2.3"), which "under" leads to as
# it leads to a heading: no heading.
_NAMED_PLACE = regex(r"^(?:objective|outcome|output|part|section|annex|chapter|goal)\s+[\d.]+$", re.IGNORECASE)
# ITU's amendment marks before a proposal ("MOD<tab>Output 2.1, Rural communications, first
# bullet: …"), as Conference and Assembly documents write them: modified, added, suppressed.
_MARK = regex(r"^(?P<mark>MOD|ADD|SUP)\b[\s:.\-–]*")
_MARK_ACTIONS = {"MOD": "modify", "ADD": "add", "SUP": "delete"}
# ITU's number of a proposal after its mark: the contributor, the contribution and the proposal
# ("MOD<tab>AFCP/12/1", "ADD<tab>ACP/64A1/3"); the place and text may follow on the next paragraph.
_ITU_ID = regex(r"(?P<id>[A-Z][A-Za-z0-9]*(?:-[A-Z0-9]+)*/\d+[A-Z0-9]*/\d+)\b[\s:.\-–]*")
# A proposal's reason, which belongs to the proposal before it: a paragraph opening with
# "Reason:" ("Reasons:", French "Motifs :", "Rationale:"), or a heading ("Reasons") whose section holds them.
_REASON = regex(r"^\W*(?:Reasons?|Motifs?|Rationale|Justifications?)\s*(?::|$)", re.IGNORECASE)
# A table cell holding a mark alone, numbered or not ("3. ADD"): the start of a proposal whose
# place and text a tab set in the next cell (_marked_rows).
_MARK_CELL = regex(r"^\s*(?:(?:Proposal\s+)?\d{1,3}\s*[.):]\s+)?(?:MOD|ADD|SUP)[\s:.]*$", re.IGNORECASE)
# After a mark or in a table's place cell: where the place ends and the text begins, ", first
# bullet", ", new paragraph", ", row 3", ", after the third bullet" (the heading is what stands
# between the output and it).
_PLACE = regex(r",\s*(?:(?:after|before|below|above)\s+(?:the\s+)?)?"
               r"(?:(?:first|second|third|fourth|fifth|last|new|\d+(?:st|nd|rd|th))\s+)?"
               r"(?:bullet|paragraph|item|sentence|row)s?\b(?:\s+\d+)?", re.IGNORECASE)
_DASHES = ("–", "—", "-")
# A table of proposals ("Output | Current text | Proposed text | Rationale"): its columns, told
# by their header cells. A row gives one proposal: replace when both texts are there, add when
# only the proposed one is, delete when only the current one is (or the proposed reads "deleted").
_COLUMNS = (
    ("place", regex(r"\b(?:output|section|heading|location|place|provision|part)s?\b", re.IGNORECASE)),
    ("current", regex(r"\b(?:current|existing|original|present|old)\b", re.IGNORECASE)),
    ("proposed", regex(r"\b(?:proposed|new|amended|modified|modification|revised|amendment)\b", re.IGNORECASE)),
)
# A table of proposals as written, a column of them beside their reasons ("Proposal | Reason"):
# the header of the column whose cells are proposals, each read as the paragraph it would be.
_PROPOSAL_COLUMN = regex(r"^\W*(?:proposals?|propositions?|proposed\s+(?:amendments?|modifications?|changes?))\W*$",
                         re.IGNORECASE)
_DELETED = regex(r"^\W*(?:deleted?|suppressed|SUP|\(?\s*delete\s*\)?)\W*$", re.IGNORECASE)
_STARTS_LIKE_PROPOSAL = regex(r"^\s*(?:In|Under|Add|Insert|Delete|Remove|Replace|Modify|Amend)\b", re.IGNORECASE)


@record
class Proposal:
    """One proposal: which outputs, which heading, what action, with what text.

    `text` is what the proposal says is added, deleted or changed ("texts regarding …"); for
    "replace “A” with “B”", `old` is A and `new` is B. `source` is the paragraph as written,
    `section` and `loc` say where it is in the contribution.
    """

    number: str
    outputs: list[str]
    heading: str | None
    action: str | None
    text: str
    source: str
    old: str | None = None
    new: str | None = None
    section: str | None = None
    loc: Loc = field(default_factory=Loc)
    tabled: bool = False  # a row of a proposals table, which gives the amended text itself (not in the JSON)
    outcomes: list[str] = field(default_factory=list)
    new_outputs: list[str] = field(default_factory=list)  # outputs the proposal creates ("add a new Output 2.4")
    new_objectives: list[str] = field(default_factory=list)  # objectives it creates ("add a new Objective 5")
    objectives: list[str] = field(default_factory=list)  # whole objectives it deletes or amends ("SUP Objective 2")
    whole: bool = False  # its `old` is whole paragraphs (an ITU SUP's text, no instruction), not in the JSON

    @property
    def output(self) -> str | None:
        return self.outputs[0] if self.outputs else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "output": self.output,
            "outputs": list(self.outputs),
            "outcomes": list(self.outcomes),
            "new_outputs": list(self.new_outputs),
            "new_objectives": list(self.new_objectives),
            "objectives": list(self.objectives),
            "heading": self.heading,
            "action": self.action,
            "text": self.text,
            "old": self.old,
            "new": self.new,
            "source": self.source,
            "section": self.section,
            "loc": self.loc.to_dict(),
        }


def named_numbers(pattern: re.Pattern[str], text: str) -> list[str]:
    """The numbers of the outputs (or outcomes) `text` names, in order, once each."""
    out: list[str] = []
    for m in pattern.finditer(text):
        out += [n for n in _NUMBER.findall(m.group(0)) if n not in out]
    return out


def quoted(text: str) -> list[tuple[int, int, str]]:
    """Quoted passages as (start, end, inner text): double quotes of any style, then single ones."""
    spans = [(m.start(), m.end(), m.group(1)) for m in _DOUBLE.finditer(text)]
    for m in _SINGLE.finditer(text):
        if not any(s <= m.start() < e for s, e, _ in spans):
            spans.append((m.start(), m.end(), m.group(1)))
    return sorted(spans)


def _blank_quotes(text: str, spans: list[tuple[int, int, str]]) -> str:
    """`text` with quoted passages replaced by spaces, so words inside quotes are not read as verbs."""
    chars = list(text)
    for start, end, _ in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _heading(text: str, spans: list[tuple[int, int, str]], after: int) -> tuple[str | None, int]:
    """The first quoted passage introduced by "under", "in the heading" … and where it ends."""
    for start, end, inner in spans:
        if start < after:
            continue
        if _HEADING_LEAD.search(text[max(0, start - 60):start]):
            return inner.strip().rstrip(":").strip(), end
    return None, after


def _action(plain: str, start: int) -> tuple[str | None, int, int]:
    """The earliest action verb at or after `start` in quote-blanked text: (action, start, end)."""
    best: tuple[str | None, int, int] = (None, len(plain), len(plain))
    for name, pattern in _ACTIONS:
        m = pattern.search(plain, start)
        if m and m.start() < best[1]:
            best = (name, m.start(), m.end())
    return best


_QUOTE_MARKS = "«»“”„\"‘’'‹›"


def _unquoted(text: str) -> str:
    """`text` without the quotation marks around the whole of it: «…», “…”."""
    spans = quoted(text)
    if len(spans) == 1 and spans[0][0] <= 1 and spans[0][1] >= len(text.rstrip(" .;")) - 1:
        return spans[0][2].strip()
    return text


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(?:the\s+following\s*(?:text|texts|paragraphs?|bullets?)?\s*:?|[:,])\s*", "", text,
                  flags=re.IGNORECASE)
    return text.rstrip(" .;")


def parse_proposal(text: str, number: str = "", loc: Loc | None = None, section: str | None = None) -> Proposal:
    """Parse one proposal paragraph; fields the words do not give are None or empty."""
    source = re.sub(r"\s+", " ", text).strip()
    typed = PROPOSAL_NUMBER.match(source)
    body = source[typed.end():] if typed else source
    number = number or (typed.group("n") if typed else "")
    if (mark := _MARK.match(body)) is not None:
        rest = body[mark.end():]
        if (itu := _ITU_ID.match(rest)) is not None:
            rest, number = rest[itu.end():], number or itu.group("id")
        return _marked(rest, _MARK_ACTIONS[mark.group("mark")], source, number, loc, section)
    spans = quoted(body)
    plain = _blank_quotes(body, spans)
    outputs = named_numbers(_OUTPUTS, plain)
    places = _OUTPUTS if outputs else _OUTCOMES
    after = max((m.end() for m in places.finditer(plain)), default=0)
    heading, heading_end = _heading(body, spans, 0)
    if heading is None:
        bare = _BARE_HEADING.search(plain)
        if bare and not _NAMED_PLACE.match(bare.group("h")):  # "Under Objective 2, delete Output 2.3": a place
            heading, heading_end = bare.group("h").strip(), bare.end("h")
    action, verb_start, verb_end = _action(plain, heading_end if heading else after)
    if action is None:
        action, verb_start, verb_end = _action(plain, 0)
    # An outcome is a place when named before the action ("In Outcome 2.1, modify …"); after it,
    # it is what the added text is about ("… add text contributing to Outcome 2.1").
    outcomes = named_numbers(_OUTCOMES, plain[:verb_start] if action else plain)
    if not outcomes and not outputs and action not in (None, "add"):
        # "Delete the row of Outcome 2.2", "replace “A” with “B” in Outcome 2.1": with no output
        # named, the outcome the action acts on or in is the place; not an added text's subject
        outcomes = named_numbers(_OUTCOMES, plain)
    objectives = _whole_objectives(plain, action) if not outputs and not outcomes else []
    old = new = None
    rest = body[max(verb_end, heading_end if verb_start < heading_end else 0):] if action else ""
    if action == "replace":
        later = [s for s in spans if s[0] >= verb_end]
        if later:
            old = later[0][2].strip()
            after_old = body[later[0][1]:]
            with_match = _WITH.search(_blank_quotes(after_old, quoted(after_old)))
            tail = [s for s in quoted(after_old) if with_match and s[0] >= with_match.end()]
            new = tail[0][2].strip() if tail else (_clean(after_old[with_match.end():]) if with_match else None)
        text_out = new or _clean(rest)
    elif action in ("delete", "move"):
        later = [s for s in spans if s[0] >= verb_end]
        old = later[0][2].strip() if later else None
        text_out = old or _clean(rest)
    else:
        later = [s for s in spans if s[0] >= verb_end]
        if action == "add" and later and len(later[0][2].split()) > 3:
            new = later[0][2].strip()
        text_out = _clean(rest)
        if new is not None and text_out.strip(_QUOTE_MARKS + " .;") == new.strip(" .;"):
            text_out = new.rstrip(" .;")  # "the following text: «…»" is the text itself, not its quotes
    new_outputs = named_numbers(_NEW_OUTPUT, plain) if action == "add" else []
    if new_outputs:  # the output itself is the place; a heading, or an output it goes after, says where
        where = named_numbers(_WHERE_OUTPUT, plain)
        outputs, heading = new_outputs + [n for n in outputs if n not in new_outputs and n not in where], None
    new_objectives = [m.group("n") for m in _NEW_OBJECTIVE.finditer(plain)] if action == "add" else []
    return Proposal(number=number, outputs=outputs, heading=heading, action=action, text=text_out,
                    source=source, old=old, new=new, section=section, loc=loc or Loc(), outcomes=outcomes,
                    new_outputs=new_outputs, new_objectives=new_objectives, objectives=objectives)


def _whole_objectives(plain: str, action: str | None) -> list[str]:
    """The objectives a proposal naming no output nor outcome deletes, moves or amends whole
    ("Delete Objective 2 and its outputs", "SUP<tab>Objective 2"): its place. Text added to one
    ("add a paragraph on AI to Objective 2") names no place trace checks (VAL001)."""
    if action in (None, "add"):
        return []
    return list(dict.fromkeys(m.group("n") for m in _OBJECTIVE_ANYWHERE.finditer(plain)))


def missing_place(proposal: Proposal, outputs_of: Callable[[str], list[str]]) -> str:
    """VAL001's words for a proposal that names no output nor outcome: what its words were read
    as, and how to name the place. An outcome named after an added text's verb ("add text
    contributing to Outcome 2.1") is what the text is about, not where it goes: said so. Text
    added to an objective ("add a paragraph to Objective 2") goes into one of its outputs
    (`outputs_of`, the base's numbers under an objective): said which."""
    verb = proposal.action
    read = f"read as {verb} “{excerpt(proposal.text)}”" if verb and proposal.text else f"read as {verb}"
    body = PROPOSAL_NUMBER.sub("", proposal.source, count=1)
    unquoted = _blank_quotes(body, quoted(body))  # the proposal's own words, not the text it quotes
    about = named_numbers(_OUTCOMES, unquoted)
    if not verb:
        return "names no output and no action (add, delete, modify, move, replace)"
    if (objective := _OBJECTIVE_ANYWHERE.search(unquoted)) is not None:
        n = objective.group("n")
        held = outputs_of(n)
        has = (f"Objective {n} has Outputs {', '.join(held[:-1])} and {held[-1]}" if len(held) > 1
               else f"Objective {n} has Output {held[0]}" if held else f"the base has no outputs under Objective {n}")
        what = "text added to an objective" if verb == "add" else f"“{verb}” in an objective"
        return (f"names Objective {n} but no output or outcome ({read}): {what} has no place trace checks; "
                f"name the output it goes in (“In Output N.M, {verb} …”: {has})")
    if about:
        return (f"names no output ({read}); Outcome {about[0]} is named after “{verb}”, as what the text is "
                f"about, not as its place: to amend the outcome's row, name it first (“In Outcome {about[0]}, "
                f"{verb} …”)")
    return (f"names no output or outcome ({read}); name the place before the action (“In Output N.M, under “…”, "
            f"{verb} …”, “In Outcome N.M, {verb} …”)")


def _marked(body: str, action: str, source: str, number: str, loc: Loc | None, section: str | None) -> Proposal:
    """A proposal written after an ITU amendment mark: "Output 2.1, Rural communications, first
    bullet: <the text as modified or added>", or for SUP the text deleted, after the colon or in
    brackets ("second bullet (organizing …)"); an instruction there quoting its text ("…, first
    bullet: replace “A” with “B”", `_instruction`) is that action. The heading is what stands
    between the output and the place (`_place_parts`). "ADD Output 2.4 – <title>", one output and its title after a
    dash with neither a place nor a text, adds that output: its title is the text, no heading;
    "ADD Objective 5 – <title>" adds that objective."""
    outputs = named_numbers(_OUTPUTS, body)
    if action == "add" and not outputs and (objective := _OBJECTIVE_TITLE.match(body)) is not None:
        named = _unquoted(objective.group("title").strip()).rstrip(" .;")
        return Proposal(number=number, outputs=[], heading=None, action=action, text=named, source=source,
                        new=named, section=section, loc=loc or Loc(), new_objectives=[objective.group("n")])
    if action == "add" and len(outputs) == 1 and (title := _new_output_title(body)) is not None:
        return Proposal(number=number, outputs=outputs, heading=None, action=action, text=title, source=source,
                        new=title, section=section, loc=loc or Loc(), new_outputs=outputs)
    heading, tail = _place_parts(body)
    if heading is not None and not outputs and _OBJECTIVE_NAMED.fullmatch(heading.strip()):
        heading = None  # "SUP<tab>Objective 2": the objective is the place named, no heading under one
    place = body[:len(body) - len(tail)]
    outputs = named_numbers(_OUTPUTS, place) or outputs
    tail = tail.strip()
    if tail.startswith(":"):
        words = _unbracketed(tail[1:].strip())
    elif "(" in tail and tail.rstrip(" .;").endswith(")"):  # the text in brackets, brackets inside it kept
        words = tail[tail.index("(") + 1:tail.rstrip(" .;").rindex(")")]
    else:
        words = tail
    outcomes = named_numbers(_OUTCOMES, place)
    objectives = _whole_objectives(place, action) if not outputs and not outcomes else []
    if (told := _instruction(words.strip())) is not None:  # "…, first bullet: replace “A” with “B”"
        return Proposal(number=number, outputs=outputs, heading=heading, action=told.action, text=told.text,
                        source=source, old=told.old, new=told.new or None, section=section, loc=loc or Loc(),
                        outcomes=outcomes)
    words = _unquoted(words.strip()).rstrip(" .;")
    old = words or None if action == "delete" else None
    new = words or None if action in ("add", "modify") else None
    return Proposal(number=number, outputs=outputs, heading=heading, action=action, text=words,
                    source=source, old=old, new=new, section=section, loc=loc or Loc(), outcomes=outcomes,
                    whole=action == "delete", objectives=objectives)


def _unbracketed(words: str) -> str:
    """`words` without the brackets around all of them ("bullet: (share best practices …)."), as the
    bracketed text with no colon is read; a bracket that closes before the end ("(a) …") is text."""
    end = len(words.rstrip(" .;")) - 1
    if not words.startswith("(") or end <= 0 or words[end] != ")":
        return words
    depth = 0
    for at, char in enumerate(words[:end + 1]):
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return words[1:end] if at == end else words
    return words


def _new_output_title(body: str) -> str | None:
    """The title in "Output 2.4 – Products and services on …" (after a mark): an output, a dash,
    then words with no place ("first bullet") and no colon before a text; None otherwise."""
    found = _OUTPUTS.search(body)
    rest = body[found.end():].strip() if found is not None and not body[:found.start()].strip(" \t:.-–—") else ""
    if not rest.startswith(_DASHES) or _PLACE.search(rest) or ":" in rest:
        return None
    if any(part[:1].isupper() for part in rest.split(", ")[1:]):
        return None  # "Output 2.1 – <its title>, Rural communications": a heading of the output (_place_parts)
    title = _unquoted(rest.lstrip("".join(_DASHES) + " ")).rstrip(" .;")
    return title or None


def _place_parts(text: str) -> tuple[str | None, str]:
    """The heading a place names after its output, and what follows the place: in "Output 2.1,
    Broadband networks: Wired and wireless technologies, including IMT, third bullet (…)" the
    heading is "Broadband networks: Wired …, including IMT" (a heading may hold a colon or a
    comma), in "Output 2.1 – Rural communications" "Rural communications". Without a place word
    ("first bullet") the heading ends at the first colon. The output's own title after a dash,
    followed by the heading ("Output 2.1 – Products and services …, Rural communications, …"),
    is no heading: the dash-led part and its lower-case continuations are dropped."""
    outputs = _place_outputs(text)
    rest = text[outputs[-1].end():] if outputs else text
    place = _PLACE.search(rest)
    if place is not None:
        head, tail = rest[:place.start()], rest[place.end():]
    else:
        colon = rest.find(":")
        head, tail = (rest[:colon], rest[colon:]) if colon >= 0 else (rest, "")
    segments = [p.strip() for p in head.strip(" ,").split(", ") if p.strip()]
    if len(segments) > 1 and segments[0].startswith(_DASHES) and any(p[:1].isupper() for p in segments[1:]):
        segments = segments[1:]
        while segments and not segments[0][:1].isupper():
            segments.pop(0)
    heading = ", ".join(segments).lstrip("".join(_DASHES) + " :").strip()
    return heading or None, tail


def _place_outputs(text: str) -> list[re.Match[str]]:
    """The outputs a marked proposal's place names: those before its first colon, which ends the
    place, or opens a heading's subtitle ("Broadband networks: Wired …"); an output the text
    after it names ("…: Output 2.1 will contribute to …") is no place."""
    colon = text.find(":")
    return [m for m in _OUTPUTS.finditer(text) if colon < 0 or m.start() < colon]


def _proposal_number(block: Block) -> str | None:
    """The number a block is labelled with (Word numbering or typed), or None."""
    if block.label and not is_bullet_label(block.label):
        digits = re.search(r"\d+", block.label)
        return digits.group(0) if digits else block.label.strip(" .)")
    typed = PROPOSAL_NUMBER.match(block.text)
    return typed.group("n") if typed else None


def _is_proposal(text: str, number: str | None, in_section: bool) -> bool:
    """Inside a `proposals` section any paragraph naming an output, or numbered and naming an
    action, is a proposal; elsewhere only numbered or "In Output …"-style paragraphs naming one."""
    names_output = bool(_OUTPUTS.search(text)) or _names_outcome(text)
    body = PROPOSAL_NUMBER.sub("", text, count=1)
    if in_section:
        return (names_output or (number is not None and _action(text, 0)[0] is not None)
                or ((mark := _MARK.match(body)) is not None and _OBJECTIVE_NAMED.match(body[mark.end():]) is not None))
    return names_output and (number is not None or bool(_STARTS_LIKE_PROPOSAL.match(body) or _MARK.match(body)))


def _names_outcome(text: str) -> bool:
    """Whether `text` names an outcome as its place: before its action verb ("In Outcome 2.2,
    add …"), not after it ("These additions would contribute to Outcome 2.1")."""
    plain = _blank_quotes(text, quoted(text))  # read as parse_proposal reads it: quotes are no place
    found = _OUTCOMES.search(plain)
    if found is None:
        return False
    action, verb_start, _ = _action(plain, 0)
    return action is None or found.start() < verb_start


def proposal_sections(doc: Document) -> list[Section]:
    """The sections that may hold proposals, in reading order: the `proposals` section and its
    subsections, or, when the contribution has none, the preamble's (before the amended text)."""
    def under(section: Section, kinds: tuple[str, ...]) -> bool:
        return any(s.kind in kinds for s in doc.path(section)) if section.id in doc.by_id else False

    if doc.of_kind("proposals"):
        part = [s for s in doc.sections if under(s, ("proposals",))]
        return part + after_a_mark(doc, part)
    return [s for s in doc.sections if not under(s, ("amended-text",)) and s.kind != "footnotes"]


def after_a_mark(doc: Document, part: list[Section]) -> list[Section]:
    """The sections after the proposals part that an ITU block's place line opened, with all
    below them: "SUP<tab>RCC/2/1" ending the part, then "Objective 2" on a line of its own,
    which ranks above "Proposals" and so closed it. Read as amended text, it took the blocks
    after it with it ("no proposals found" for a contribution of three); they are the blocks'
    lines, up to the amended text's own heading."""
    out: list[Section] = []
    if not part or part[-1] not in doc.sections:
        return out
    taken: set[str] = set()
    previous = part[-1]
    for section in doc.sections[doc.sections.index(previous) + 1:]:
        if section.kind in PREAMBLE_KINDS + ("amended-text", "footnotes"):
            break
        if section.parent not in taken and not _ends_with_a_bare_mark(previous):
            break
        out.append(section)
        taken.add(section.id)
        previous = section
    return out


def _ends_with_a_bare_mark(section: Section) -> bool:
    """Whether the last paragraph of `section` is an ITU mark and number alone ("SUP<tab>RCC/2/1"),
    whose place is the next line."""
    last = next((b.text.strip() for b in reversed(section.blocks) if b.text.strip()), "")
    body = PROPOSAL_NUMBER.sub("", last, count=1)
    mark = _MARK.match(body)
    return mark is not None and _ITU_ID.fullmatch(body[mark.end():].strip()) is not None


def excerpt_under_proposals(doc: Document) -> frozenset[str]:
    """The plan's sections (an output and all below it) the structure put under the `proposals`
    section of a contribution with no amended-text heading: an output ranks below "Proposals", so
    an excerpt of the plan typed straight after the proposals opens inside them. They are its
    amended text, as after an "Amended text" heading, and their paragraphs are no proposals unless
    written as one outside the proposals part ("1. In Output 2.1, …"). An amendment block's place
    read as an output ("MOD⇥EUR/25A1/2", then "Output 4.4") is among them, and its lines are still
    the block's (`parse_contribution` gives them as proposals' own words)."""
    if not doc.of_kind("proposals") or doc.of_kind("amended-text"):
        return frozenset()
    paths = [doc.path(section) for section in doc.sections]
    return frozenset(path[-1].id for path in paths
                     if any(s.kind == "proposals" for s in path)
                     and any(s.kind not in PREAMBLE_KINDS + _UNNAMED_KINDS for s in path))


def table_columns(header: list[str]) -> dict[str, int] | None:
    """Which column of a proposals table holds the place, the current and the proposed text; None
    for a table that is no proposals table (no place column, or neither text column)."""
    found: dict[str, int] = {}
    for col, text in enumerate(header):
        name = next((name for name, pattern in _COLUMNS if name not in found and pattern.search(text)), None)
        if name is not None:
            found[name] = col
    outcome = next((col for col, text in enumerate(header) if _header_kind(text) == "Outcome"), None)
    if "place" not in found and outcome is not None:  # "Outcome" alone heads the place column
        found["place"] = outcome
    return found if "place" in found and ("current" in found or "proposed" in found) else None


def _header_kind(header: str) -> str | None:
    """"Output" or "Outcome" when a place column's header names that kind alone ("Outputs",
    "Output No.", "Output number"): its cells may hold the bare number. None for "Section" and
    the like, whose numbers could be anything's."""
    found = _KIND_HEADER.match(" ".join(header.split()))
    return found.group("kind").capitalize() if found is not None else None


def table_proposals(block: Block, section: str | None) -> list[Proposal]:
    """One proposal per row of a proposals table (see `table_columns`), numbered by row."""
    rows = block.rows or []
    columns = table_columns([c.text for c in rows[0]]) if rows else None
    if columns is None:
        return []
    kind = _header_kind(rows[0][columns["place"]].text)
    out = []
    for r, row in enumerate(rows[1:], start=1):
        def cell(name: str) -> str:
            col = columns.get(name)
            return " ".join(row[col].text.split()) if col is not None and col < len(row) else ""

        place, current, proposed = cell("place"), cell("current"), cell("proposed")
        if not (current or proposed) or not place:
            continue
        if kind is not None and _BARE_NUMBER.match(place):
            place = f"{kind} {place.strip()}"  # "2.1" under "Output" is Output 2.1
        if proposed and _DELETED.match(proposed):
            proposed = ""
        action = "replace" if current and proposed else "add" if proposed else "delete"
        found = parse_proposal(place)
        # An outcome's row is its place whole: "Outcome 2.2" is no heading.
        heading = found.heading or (None if found.outcomes and not found.outputs else _place_parts(place)[0])
        source = " | ".join(" ".join(c.text.split()) for c in row)
        loc = cell_location(block, row[0].loc, r, 0)
        out.append(Proposal(number=str(r), outputs=found.outputs, heading=heading, action=action,
                            text=proposed or current, source=source, old=current or None, new=proposed or None,
                            section=section, loc=loc, tabled=True, outcomes=found.outcomes))
    return out


def parse_proposals(doc: Document) -> list[Proposal]:
    """Every proposal of a contribution Document, numbered as written (or 1, 2, … when not).
    Reasons ("Reasons: …", or the paragraphs under a "Reasons" heading) are no proposals, and
    end the paragraphs a proposal ending with a colon takes."""
    return parse_contribution(doc)[0]


def parse_contribution(doc: Document) -> tuple[list[Proposal], frozenset[str]]:
    """`parse_proposals`, and the sections outside the proposals part that hold nothing but
    proposals' words (amendment blocks, their places, headings, text and reasons): a contribution
    written in ITU blocks alone has its blocks' "Output 1.6", "Background" … read as plan
    sections, which are no amended text; and the sections under a heading no profile names that
    hold proposals (`_UNNAMED_KINDS`)."""
    out: list[Proposal] = []
    in_section = bool(doc.of_kind("proposals"))
    excerpt = excerpt_under_proposals(doc) | {s.id for s in after_a_mark(doc, proposal_sections(doc))}
    pending: Block | None = None  # "MOD<tab>AFCP/12/1" alone: its place and text are the next paragraph
    pending_id = ""  # its ITU number
    pending_in: Section | None = None  # the section it is in
    block_of: Proposal | None = None  # a marked proposal whose heading and text are the lines after its place
    reasons = False
    only_words: dict[str, bool] = {}  # section id -> whether every block of it so far is a proposal's

    def read(section: Section, words: bool) -> None:
        only_words[section.id] = only_words.get(section.id, True) and words

    for section, block in _unwrapped(_with_headings(proposal_sections(doc))):
        if block.rows is not None:
            tabled = table_proposals(block, section.id)
            out.extend(tabled)
            read(section, bool(tabled))
            pending, block_of, reasons = None, None, False
            continue
        number = _proposal_number(block)
        text = block.text.strip()
        if not text:
            continue
        if pending is not None and number is None and not _REASON.match(text):
            home = _home(doc, pending_in)
            if _own_words(text):  # a proposal of its own words ("In Output 2.1, … add …")
                out.append(_with_place_heading(parse_proposal(text, pending_id, block.loc, home), text))
            else:  # its place and text ("Output 2.4 – <title>"), or its place alone, then its lines
                place, _, lines = text.partition("\n")
                out.append(parse_proposal(f"{pending.text} {place}", "", pending.loc, home))
                block_of = out[-1] if _bare_place(out[-1]) else None
                if block_of is not None and lines:
                    for line in lines.split("\n"):
                        _take_line(block_of, line.strip(), listed=False)
            read(section, True)
            pending = None
            continue
        pending = None
        body = PROPOSAL_NUMBER.sub("", text, count=1)
        if block_of is not None:
            if _block_line(block, body, block_of, number):
                # a plan heading the structure read as one ("Background", "Implementation framework"),
                # with the line it took as its title ("… at the end of the section:") when it took one
                first, *rest = text.split("\n") if block.type == "heading" else [text]
                _take_line(block_of, first, listed=block.type == "list-item" or is_bullet_label(block.label or ""),
                           heading=block.type == "heading")
                for line in rest:
                    _take_line(block_of, line.strip(), listed=False)
                read(section, True)
                continue
            block_of = None
        mark = _MARK.match(body)
        if mark is not None and (alone := _ITU_ID.fullmatch(body[mark.end():].strip())):
            pending, pending_id, reasons = block, alone.group("id"), False  # a heading too ("ADD<tab>X/1/2" read as an area's)
            pending_in = section
            read(section, True)
        elif block.type == "heading":
            reasons = bool(_REASON.match(text))
            read(section, reasons)
        elif _REASON.match(text) or (reasons and number is None and not _STARTS_LIKE_PROPOSAL.match(body)
                                      and not _MARK.match(body)):
            reasons = True
            read(section, True)
        elif _is_proposal(text, number, in_section and section.id not in excerpt):
            out.append(parse_proposal(text, number or "", block.loc, section.id))
            reasons = False
            read(section, True)
        elif out and number is None and out[-1].source.endswith(":") and not reasons and section.id not in excerpt:
            last = out[-1]
            words = _unquoted(text)  # the text a proposal ending in a colon quotes in the next paragraph
            lead = last.text.rstrip(" :")
            last.text = f"{lead}: {words.rstrip(' .;')}" if lead else words.rstrip(" .;")
            if last.action == "delete":
                last.old = last.old or words  # "delete the second bullet:" then the bullet: what VAL010 checks
            else:
                last.new = last.new or words
            read(section, True)
        else:
            read(section, False)
    for i, proposal in enumerate(out, start=1):
        proposal.number = proposal.number or str(i)
    holding = {p.section for p in out}
    heads = {s.id for s in doc.sections if s.id in holding and all(x.kind in _UNNAMED_KINDS for x in doc.path(s))}
    return out, frozenset({s for s, words in only_words.items() if words} | heads)


def _home(doc: Document, section: Section | None) -> str | None:
    """The section an amendment block's proposal is placed in: the contribution's own part that
    holds the block's mark line ("Proposals", a heading no profile names, the cover), not a plan
    section the structure opened for an earlier block's place ("Output 2.2" on a line of its
    own, its "Reasons:" and the next "SUP⇥RCC/2/3" inside it), which a finding would then name as
    its logical location; the section itself when no such part is above it."""
    if section is None:
        return None
    path = doc.path(section) if section.id in doc.by_id else [section]
    own = [s for s in path if s.kind in PREAMBLE_KINDS + _UNNAMED_KINDS]
    if own:
        return own[-1].id
    return next((s.id for s in doc.of_kind("proposals")), section.id)  # after one, its (`after_a_mark`)


_UNNAMED_KINDS = ("heading", "clause")
"""Kinds of the headings no profile names (a styled or numbered heading outside the plan's
objectives and outputs): one that holds proposals ("Suggested changes", "Japan's amendments",
then a table of changes, ITU blocks or numbered proposals) heads them as "Proposals" would, with
the sentences around them; read as amended text as well, it was a section the contribution adds
(VAL006). The plan's sections the structure puts under it (an excerpt after a table of changes
headed "Suggested changes": the outputs rank below any styled heading) stay amended text."""


def _block_line(block: Block, body: str, block_of: Proposal, number: str | None) -> bool:
    """Whether `block` (its text `body`, any typed number taken off) is a line of the amendment
    block `block_of` (`_take_line`): no number, reason, mark or proposal of its own ("In Output
    2.2, add …"), and no heading but the block's own while it has none ("Background", read by the
    structure as the output's part)."""
    return (number is None and not _REASON.match(body) and not _MARK.match(body)
            and not (_STARTS_LIKE_PROPOSAL.match(body) and _OUTPUTS.search(body))
            and (block.type != "heading" or (block_of.heading is None and not block_of.text
                                             and not _OUTPUTS.match(body))))


def _bare_place(proposal: Proposal) -> bool:
    """Whether a marked proposal names its place only ("MOD<tab>EUR/25A1/2", then "Output 4.4"):
    its heading and its text, each a line of its own, follow (`_take_line`). A new output's title
    after a dash ("ADD … Output 2.4 – <title>") is its text already."""
    return proposal.action is not None and bool(proposal.outputs) and not proposal.text and not proposal.new_outputs


def _take_line(proposal: Proposal, line: str, listed: bool, heading: bool = False) -> None:
    """One line of an ITU amendment block after its place, into `proposal`: the heading it amends
    under ("Rural communications", "Programme: Climate change adaptation and mitigation": the
    first short line that is no list item and ends no sentence), an instruction about the text
    ("Add the following bullet at the end of the list:"), passed over, or the text itself (the
    bullets added, modified or deleted), each line of it joined to the ones before. An instruction
    quoting the text it acts on (`_instruction`: "Replace “A” with “B”.", "Replace the bullet “A”
    by:") makes the block that replacement, deletion or addition, as the proposal in prose would
    be; the lines after one ending in a colon are its new text. `heading`: the line is one the
    structure read as a heading, so the block's heading when it has none yet."""
    words = _unquoted(line).strip()
    if not words:
        return
    if not proposal.text and not listed and (told := _instruction(words)) is not None:
        # "Replace “A” with “B”.": the replacement itself; "Replace the bullet “A” by:": its new text follows
        proposal.action, proposal.old, proposal.new = told.action, told.old, told.new or None
        proposal.text, proposal.whole = "" if words.endswith(":") else told.text, False
        return
    if proposal.heading is None and not proposal.text and proposal.old is None and (
            heading or not listed and not words.endswith((":", ";", ".", ","))
            and len(words.split()) <= _HEADING_WORDS):
        proposal.heading = words
        return
    if not proposal.text and words.endswith(":") and _STARTS_LIKE_PROPOSAL.match(words):
        return
    words = words.rstrip(" .;")
    proposal.text = f"{proposal.text} {words}" if proposal.text else words
    if proposal.action == "delete":
        proposal.old = proposal.text
    else:
        proposal.new = proposal.text


_HEADING_WORDS = 16
"""The most words a line after an amendment block's place may have to be read as its heading: the
plan's longest headings (an output's title) have about fourteen."""


def _instruction(words: str) -> Proposal | None:
    """`words` read as a proposal in prose (`parse_proposal`) when they are an instruction about
    text they quote, after an amendment mark's place: they open as a proposal does ("Replace",
    "Delete", "In the first bullet, …") and name an action with its old or new text ("Replace “A”
    with “B”.", "Replace the bullet “A” by:", "Delete “A”."). None for the amended text itself, and
    for an instruction quoting nothing ("Add the following bullet:"), whose text is the lines after
    it. A block written so was its instruction's words as new text, the quotation unchecked."""
    if not _STARTS_LIKE_PROPOSAL.match(words):
        return None
    told = parse_proposal(words)
    return told if told.action is not None and (told.old or told.new) else None


def _own_words(text: str) -> bool:
    """Whether the paragraph after a mark alone ("MOD<tab>AFCP/12/1") is a proposal in its own
    words ("In Output 2.1, under …, add …"; "Output 2.1, Rural communications, add a bullet …")
    rather than the mark's place and text ("Output 2.1, Rural communications, first bullet:
    <the text as modified>"): it opens like one, or names its action in its place, before the
    colon or place word that ends it. A verb in the text itself ("…, including community
    networks") is the amended text's."""
    if _STARTS_LIKE_PROPOSAL.match(text):
        return True
    place = _PLACE.search(text)
    colon = text.find(":")
    end = min(at for at in (place.start() if place else -1, colon, len(text)) if at >= 0)
    if _action(_blank_quotes(text[:end], quoted(text[:end])), 0)[0] is not None:
        return True
    # "Output 2.1, Rural communications: replace “A” with “B”": the words after the colon are an
    # instruction (they open with its verb), not the amended text
    return colon >= 0 and _STARTS_LIKE_PROPOSAL.match(text[colon + 1:]) is not None


def _with_place_heading(proposal: Proposal, text: str) -> Proposal:
    """`proposal` with the heading its place names before the colon, when its words name none:
    "Output 2.1, Rural communications: replace “A” with “B”" is under Rural communications."""
    colon = text.find(":")
    if proposal.heading is None and colon >= 0 and _OUTPUTS.match(text):
        proposal.heading = _place_parts(text[:colon])[0]
    return proposal


def _with_headings(sections: list[Section]) -> Iterator[tuple[Section, Block]]:
    """The blocks of `sections`, each section's heading first as a block (one below the
    proposals, whose blocks may be none): the place and text of "MOD<tab>AFCP/12/1" on the next
    line may be read as a heading ("Output 2.4 – <title>"), and a "Reasons" heading says what its
    paragraphs are. A heading whose title the structure took from the next paragraph, when that
    paragraph is a reason ("Output 2.3", then "Reasons: merged into Output 2.1."), is its two
    lines: a place, then the reason, which is no part of it."""
    for section in sections:
        heading = section.heading or section.title
        if section.kind not in PREAMBLE_KINDS and heading:
            place, _, title = heading.partition("\n")
            lines = [place, title] if title and _REASON.match(title) else [heading]
            yield from ((section, Block("heading", line, loc=section.loc)) for line in lines)
        yield from ((section, block) for block in section.blocks)


def _unwrapped(blocks: Iterable[tuple[Section, Block]]) -> Iterator[tuple[Section, Block]]:
    """`blocks` with each one-column table that is no proposals table (Block.flow: a proposal, or
    all of them, typed in a box) given as the paragraphs its cells hold, and each table of marked
    rows (_marked_rows) as its rows."""
    for section, block in blocks:
        if block.flow and block.rows and table_columns([cell.text for cell in block.rows[0]]) is None:
            yield from ((section, inner) for inner in block.flow)
        elif (rows := _marked_rows(block)) is not None:
            yield from ((section, row) for row in rows)
        elif (cells := _proposal_cells(block)) is not None:
            yield from ((section, cell) for cell in cells)
        else:
            yield section, block


def _marked_rows(block: Block) -> list[Block] | None:
    """The rows of a table whose first row opens with an amendment mark alone in its first cell
    ("3. ADD | Output 2.4 – <title>"), and every other row too or holds one cell, each as the
    paragraph it was typed as, its cells joined by tabs; None for any other table. A text contribution's "3. ADD<tab>Output 2.4 – …" lines
    read as a tab-separated table (a .docx keeps each line a paragraph), which no header names:
    its proposals were lost, or its first row taken for a proposals table's header. A line with
    no tab between them ("MOD<tab>TST/1/1", then the place and text on the next line) is a row of
    one cell, its own paragraph too."""
    out = []
    for r, row in enumerate(block.rows or []):
        cells = [cell for cell in row if cell.text.strip()]
        marked = len(cells) >= 2 and _MARK_CELL.match(cells[0].text) is not None
        if not marked and (r == 0 or len(cells) > 1):
            return None
        text = "\t".join(" ".join(cell.text.split()) for cell in cells)
        if text:
            out.append(Block("paragraph", text, loc=cell_location(block, cells[0].loc, r, 0)))
    return out or None


def _proposal_cells(block: Block) -> list[Block] | None:
    """The paragraphs of the "Proposal" column of a table that sets each proposal beside its
    reason ("Proposal | Reason"), each as the paragraph it would be outside the table; the other
    columns, reasons, are no proposals. None for any other table, a proposals table
    (`table_columns`) among them. Such a table was read as no proposals at all (VAL009)."""
    rows = block.rows or []
    header = [cell.text for cell in rows[0]] if rows else []
    col = next((c for c, text in enumerate(header) if _PROPOSAL_COLUMN.match(" ".join(text.split()))), None)
    if col is None or table_columns(header) is not None:
        return None
    out = []
    for r, row in enumerate(rows[1:], start=1):
        if col < len(row):
            cell = row[col]
            loc = cell_location(block, cell.loc, r, col)
            out += [Block("paragraph", text, loc=loc) for text in cell.paragraphs or [cell.text] if text.strip()]
    return out


def created_outputs_known(doc: Document, findings: list[Finding], *, named: bool = False,
                          proposals: list[Proposal] | None = None) -> list[Finding]:
    """`findings` without the REF001 of an output the contribution's own proposals create ("add
    a new Output 2.4"): the registry cannot know it yet, as a plan's own new output is no REF001.
    `named`: nor of any output a proposal names, which validate judges against the base (VAL002).
    `proposals`: the document's, when the caller has parsed them already."""
    if doc.source.profile != "contribution":
        return findings
    from ..refs.resolve import load_rules

    template = load_rules().entities.get("output", {}).get("id", "")
    prefix = template.partition("{")[0]
    if not prefix or not any(f.code == "REF001" and (f.ref or "").startswith(prefix) for f in findings):
        return findings
    created = {template.format(number=n) for p in (parse_proposals(doc) if proposals is None else proposals)
               for n in (p.outputs if named else p.new_outputs)}
    return [f for f in findings if not (f.code == "REF001" and (f.ref or "").partition("@")[0] in created)]

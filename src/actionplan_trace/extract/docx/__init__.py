"""Read a .docx into flat blocks by walking its XML once, in either revision view.

python-docx's `Paragraph.text` skips `w:ins` and drops `w:del`, which matches no view Word
offers, and it knows nothing of list labels or footnotes; so this module opens the ZIP
package itself, parses each part with the safe parser of `xmlsafe`, and walks
word/document.xml child by child (no XPath over the whole tree).

Conventions (the contract other modules rely on):

- `view="accepted"` shows the document with every tracked change accepted, `"original"`
  with every change rejected. Inserted/deleted runs, moves, paragraph marks, table rows and
  cells, and numbering-property changes follow the view; property changes (`w:rPrChange`,
  `w:pPrChange`) select the old or new formatting, and all changes are recorded as
  `Revision`s whichever view is read.
- `Loc.paragraph` is the 0-based index of a `w:p` or `w:tbl` among the body's block-level
  elements in XML order (content controls and custom-XML wrappers unwrapped), counted the
  same way in both views. A paragraph joined to the next by a removed paragraph mark keeps
  the index of its first part and takes its properties (style, numbering) from the first
  part that shows any text, else from the last part (whose mark survives), as Word does
  when it joins paragraphs. A drop cap (`w:framePr w:dropCap`, the paragraph's own or, when it
  has no frame, its style's) is joined to the paragraph after it the same way, which gives the
  block its properties. Blocks from a text box carry their
  anchor paragraph's loc. Table cells add `row` (index of the `w:tr` in the XML) and `col`
  (grid column where the cell starts, counting `w:gridBefore` and `w:gridSpan`; see Tables).
- Empty paragraphs produce no block (their index is still counted); an empty numbered
  paragraph still advances its list's counter, as in Word.
- `outline_level` (0-based, like Word's `w:outlineLvl`): the paragraph's own `w:outlineLvl`,
  else the nearest style of its `basedOn` chain that sets one, else the nearest style in that
  chain named "heading N" (N-1). Level 9 means body text (None).
- `label` is the list label Word would draw, computed from numbering.xml; it is never part
  of `text`. Bullets are labelled with their glyph (Symbol/Wingdings private-use glyphs
  mapped to Unicode). Lists sharing an abstractNum share counters, as in Word and LibreOffice; a
  `w:num` with a `w:startOverride` restarts them the first time it draws that level, and counts
  on with the others after it.
- Tables: a row is laid out on its table's grid, as a browser lays out HTML's colspan: one
  `Cell` per `w:tc` at its grid column, and an empty `Cell` in each slot `w:gridBefore`,
  `w:gridSpan` or `w:gridAfter` leaves (at most as wide as `w:tblGrid`), so a cell's index in its
  row is its `loc.col` and it stays under its column's header. As Word accepts and rejects cell
  revisions, a deleted cell leaves its slots empty in the accepted view and an inserted one has
  none in the original view, which lays rows out with the old grid and spans a
  `w:tblGridChange`, `w:trPrChange` or `w:tcPrChange` keeps; a
  vertically merged continuation cell (a `w:vMerge` continuing the cell above's merge) is kept as
  an empty cell of its own: Word and LibreOffice draw the merged cell with the first cell's text
  and none of a continuation's, so text left in one is not read (its revisions are recorded). Cell paragraphs are plain text, except that a numbered (non-bullet) label is prefixed
  ("2.1 Title") because a cell has nowhere else to keep it; nested tables and text boxes
  in a cell are flattened into its paragraphs, one line per nested row. A table of one column
  (every row one cell) keeps in `Block.flow` the blocks its cells hold, as body blocks (styles,
  bold, labels; a nested table a table block), for structure to read instead of the table when it
  is a box round a section (Profile.boxes); a table of several columns with rows of one cell (no
  `w:gridBefore`, any span: boxes Word joined to the table) keeps their blocks per row in
  `Block.row_flows`, for structure to split it into its table and box parts.
- Footnotes and endnotes referenced from the visible text become `footnote` blocks in
  reference order, labelled with their number; endnotes carry `Loc(footnote="endnote-<id>")`.
- A `w:sym` reads as the Unicode character it draws (Symbol and Wingdings glyphs mapped, `glyphs.py`),
  and so does a private-use code point (U+F000-U+F0FF) in a run set in Symbol or Wingdings, the
  form LibreOffice saves a `w:sym` in. Such a glyph that is a bullet, first in a paragraph with no
  numbering label and followed by white space and text, is the paragraph's `label` (a bullet typed
  where numbering would draw one, `reader._typed_bullet`); the text, note marks and links are read
  without it.
- Text set in capitals (a run's `w:caps` or `w:smallCaps`, direct or from its character or
  paragraph style, in the view's formatting) is read in capitals, as it prints, letter for letter
  (a letter whose capital is two, "ß", is left as typed, so offsets hold); `Block.typed` keeps the
  case as typed, which the diff compares between two .docx revisions (diff/formats.recased).
- Hidden text (a run's `w:vanish`, direct or from its character or paragraph style, in the view's
  formatting) is not read: Word neither shows nor prints it. A hidden paragraph mark hides no
  text, and a note reference, picture or text box in a hidden run is read (a text box's runs are
  hidden or not by their own formatting). Field instructions are not read either, field
  results are: of nested fields only the outermost result (a result inside another field's code,
  `{ IF { MERGEFIELD Status } = … }`, is code). Headers, footers and comments are not read.
- `w:altChunk` (a part Word imports where the element stands): an HTML or plain-text part is
  read there by the HTML or text reader, a .docx part by a reader of its own (same view, its
  decompressed size counted in the holder's budget; a .docx it imports in turn is not read), its
  blocks at the loc of the body element after it; any other kind (RTF, MHT) is not read and is
  named in `Source.warnings` and on stderr.
- `mc:AlternateContent`: the first `mc:Choice` whose `Requires` names only namespaces the reader
  knows (`ooxml.UNDERSTOOD`), else the `mc:Fallback`, as markup compatibility has a consumer
  choose; so a Word 2016 emoji (`w16se:symEx`) is read as its Fallback's character.
"""

from __future__ import annotations

from .numbering import format_number
from .reader import extract_docx, read_docx

__all__ = ["extract_docx", "format_number", "read_docx"]

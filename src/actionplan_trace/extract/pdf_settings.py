"""PdfSettings: the PDF reader's tolerances in one frozen, named place (like pdfplumber's TableSettings).

Distances are in PDF points unless named as a share of the font size or the page; the defaults are
the values the reader was tuned with on the corpus. Fields:

- `line_split_gap`: a gap wider than this many font sizes splits a text line into segments
  (unruled table cells).
- `mark_size`, `mark_raise`: a glyph at most `mark_size` of the line's font size and raised more
  than `mark_raise` font sizes above its baseline is a footnote mark.
- `wrapped_heading_pitch`: a line up to this many font sizes below a too-full line is still its wrap.
- `heading_after_list_words`: the longest body-font line (in words) read as a heading after a list.
- `furniture_zone`: the share of the page height at top and bottom where running headers and
  footers are looked for; `furniture_drift`: how far (points) the same furniture may move between
  pages; `furniture_similarity`: fuzzy-match score (0-100) for the same header text.
- `rule_thickness`: a filled rectangle thinner than this is a ruling line, not a box.
- `snap`: tolerance for ruling lines and column starts to count as aligned (pdfplumber's snap and
  join tolerances); columns of tables on two pages match within twice this.
- `min_rule_share`: the shortest horizontal rule (share of page width) that bands a rules-only table.
- `gutter`, `min_column`: the narrowest vertical gap (points, at least 0.4 font sizes) that splits
  columns in such a table, and the narrowest column, in font sizes.
- `header_similarity`: fuzzy-match score (0-100) for a repeated table header row on a later page.
- `row_gap`: in a table ruled only above and below its header and at its end, a blank strip
  across every column taller than this many glyph heights may part two rows.
- `heading_size`, `heading_size_words`, `heading_size_share`: in a PDF whose bookmarks mark no
  heading, a paragraph of at most `heading_size_words` words set at least `heading_size` times the
  body's font size is a heading, when its size prints no more than `heading_size_share` of the
  characters the body size does (pdf_outline.size_headings).
"""

from __future__ import annotations

from ..record import record


@record(frozen=True)
class PdfSettings:
    """Tolerances of the PDF reader (see the module docstring); the defaults are today's values."""

    line_split_gap: float = 2.5
    mark_size: float = 0.85
    mark_raise: float = 0.15
    wrapped_heading_pitch: float = 1.45
    heading_after_list_words: int = 14
    furniture_zone: float = 0.12
    furniture_drift: float = 4.0
    furniture_similarity: float = 85
    rule_thickness: float = 2.5
    snap: float = 3.0
    min_rule_share: float = 0.4
    gutter: float = 4.0
    min_column: float = 2.5
    header_similarity: float = 90
    row_gap: float = 0.6
    heading_size: float = 1.15
    heading_size_words: int = 30
    heading_size_share: float = 0.25


PDF_DEFAULTS = PdfSettings()

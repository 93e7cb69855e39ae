"""The article as druglint reads it: plain text aligned with the source, and its layout.

Every reader returns a `Document` whose `text` has exactly the length of `source`:
markup is blanked out (replaced by spaces, newlines kept), so an offset into the text
is the same offset into the file, and line/column follow directly.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# What ends a line for line numbers: LF, CRLF, a lone CR (old Mac files), and the Unicode line
# and paragraph separators, as editors count them.
_LINE_BREAK = re.compile("\r\n|[\n\r\u2028\u2029]")
_NOT_LINE_BREAK = re.compile("[^\n\r]+")


@dataclass(frozen=True)
class Block:
    """A heading, paragraph or list item, as a character range of the document."""

    kind: str  # "heading" | "paragraph" | "item"
    start: int
    end: int
    level: int = 0
    label_end: int | None = None  # end of a lead label such as "**Insomnia.**" or "Dosage:"
    cells: tuple[tuple[int, int], ...] = ()  # a table row's cells, as character ranges
    header: tuple[str, ...] = ()  # a table row's column headings ("Starting dose", "How often")

    def cell_at(self, at: int) -> int | None:
        """The index of the table cell that holds character `at` (None outside every cell)."""
        return next((i for i, (start, end) in enumerate(self.cells) if start <= at < end), None)

    def column_of(self, at: int) -> str:
        """The heading of the table column whose cell holds character `at` ('' outside tables)."""
        cell = self.cell_at(at)
        return self.header[cell] if cell is not None and cell < len(self.header) else ""


@dataclass
class Document:
    path: str
    source: str
    text: str
    blocks: list[Block] = field(default_factory=list)  # in source order (sorted by start)
    format: str = "text"

    def __post_init__(self) -> None:
        if len(self.text) != len(self.source):
            raise ValueError("reader bug: text and source differ in length")
        self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.source)]
        self._index_for: tuple[int, int] | None = None  # (id, length) of the blocks list indexed

    def _index_blocks(self) -> None:
        """Sorted block and heading starts for bisection, rebuilt only when `blocks` changes."""
        key = (id(self.blocks), len(self.blocks))
        if self._index_for != key:
            self._block_starts = [b.start for b in self.blocks]
            self._headings = [i for i, b in enumerate(self.blocks) if b.kind == "heading"]
            self._heading_starts = [self.blocks[i].start for i in self._headings]
            self._index_for = key

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset (the CR of a CRLF pair ends its line)."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def block_index_at(self, offset: int) -> int | None:
        """The index in `blocks` of the block that holds a character offset, if any."""
        self._index_blocks()
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < max(self.blocks[i].end, self.blocks[i].start + 1):
            return i
        return None

    def block_at(self, offset: int) -> Block | None:
        """The block that holds a character offset, if any."""
        i = self.block_index_at(offset)
        return None if i is None else self.blocks[i]

    def heading_for(self, offset: int) -> Block | None:
        """The nearest heading before an offset (the section it sits in)."""
        self._index_blocks()
        i = bisect.bisect_right(self._heading_starts, offset) - 1
        return self.blocks[self._headings[i]] if i >= 0 else None


def blank(source: str) -> list[str]:
    """A same-length canvas of spaces that keeps the source's line breaks."""
    return list(_NOT_LINE_BREAK.sub(lambda run: " " * len(run.group()), source))

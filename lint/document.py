"""The article as druglint reads it: plain text aligned with the source, and its layout.

Every reader returns a `Document` whose `text` has exactly the length of `source`:
markup is blanked out (replaced by spaces, newlines kept), so an offset into the text
is the same offset into the file, and line/column follow directly.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """A heading, paragraph or list item, as a character range of the document."""

    kind: str  # "heading" | "paragraph" | "item"
    start: int
    end: int
    level: int = 0
    label_end: int | None = None  # end of a lead label such as "**Insomnia.**" or "Dosage:"


@dataclass
class Document:
    path: str
    source: str
    text: str
    blocks: list[Block] = field(default_factory=list)
    format: str = "text"

    def __post_init__(self) -> None:
        if len(self.text) != len(self.source):
            raise ValueError("reader bug: text and source differ in length")
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(self.source) if ch == "\n"]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def block_at(self, offset: int) -> Block | None:
        """The block that holds a character offset, if any."""
        starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < max(self.blocks[i].end, self.blocks[i].start + 1):
            return self.blocks[i]
        return None

    def heading_for(self, offset: int) -> Block | None:
        """The nearest heading before an offset (the section it sits in)."""
        heading = None
        for block in self.blocks:
            if block.start > offset:
                break
            if block.kind == "heading":
                heading = block
        return heading


def blank(source: str) -> list[str]:
    """A same-length canvas of spaces that keeps the source's line breaks."""
    return [ch if ch in "\n\r" else " " for ch in source]

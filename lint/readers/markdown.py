"""Markdown articles, parsed with markdown-it-py (CommonMark).

Block structure (headings, paragraphs, list items, table rows) comes from the parser's line maps;
the text of each inline run is located in the source so that the document text keeps
every character at its source offset, with the markup blanked.
"""
from __future__ import annotations

import re

from markdown_it import MarkdownIt

from lint.model.document import Block, Document, blank

_PARSER = MarkdownIt("commonmark").enable("table")  # GFM pipe tables: a row is a block, its first cell the label
_NEWLINE = re.compile("\n")


def _line_offsets(source: str) -> list[int]:
    return [0, *(m.end() for m in _NEWLINE.finditer(source)), len(source)]


def read_markdown(path: str, source: str) -> Document:
    """Read a Markdown article."""
    canvas = blank(source)
    lines = _line_offsets(source)
    blocks: list[Block] = []
    open_kinds: list[str] = []
    heading_level = 0
    row: list[tuple[int, int]] = []  # (first, last) of each cell of the open table row
    for token in _PARSER.parse(source):
        if token.nesting == 1:
            open_kinds.append(token.type)
            if token.type == "heading_open":
                heading_level = int(token.tag[1])
            continue
        if token.nesting == -1:
            open_kinds.pop()
            if token.type == "tr_close" and row:
                blocks.append(Block("paragraph", row[0][0], row[-1][1], label_end=row[0][1] if len(row) > 1 else None))
                row = []
            continue
        if token.type != "inline" or token.map is None:
            continue
        region_start = lines[min(token.map[0], len(lines) - 1)]
        region_end = lines[min(token.map[1], len(lines) - 1)]
        cursor = row[-1][1] if row else region_start
        first: int | None = None
        last: int | None = None
        label_end = None
        children = [c for c in token.children or [] if c.type != "text" or c.content]
        in_lead_strong = bool(children) and children[0].type in ("strong_open", "em_open")
        for child in children:
            if child.type in ("strong_close", "em_close") and in_lead_strong:
                in_lead_strong = False
                label_end = last
            if child.type not in ("text", "code_inline") or not child.content:
                continue
            found = source.find(child.content, cursor, region_end)
            if found < 0:
                continue
            end = found + len(child.content)
            canvas[found:end] = source[found:end]
            first = found if first is None else first
            last, cursor = end, end
        if first is None or last is None:
            continue
        if "tr_open" in open_kinds:
            row.append((first, last))
        elif "heading_open" in open_kinds:
            blocks.append(Block("heading", first, last, level=heading_level))
        else:
            kind = "item" if "list_item_open" in open_kinds else "paragraph"
            blocks.append(Block(kind, first, last, label_end=label_end))
    return Document(path=path, source=source, text="".join(canvas), blocks=blocks, format="markdown")

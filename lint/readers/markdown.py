"""Markdown articles, parsed with markdown-it-py (CommonMark).

Block structure (headings, paragraphs, list items, table rows) comes from the parser's line maps;
the text of each inline run is located in the source so that the document text keeps
every character at its source offset, with the markup blanked.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from html import unescape

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from lint.model.document import Block, Document, blank

# GFM pipe tables: a row is a block, its first cell the label. The nesting limit (20 by default)
# is raised so that blockquotes 20 deep and lists 10 deep are read; deeper content is dropped
# by the parser (still without recursion trouble).
_PARSER = MarkdownIt("commonmark", {"maxNesting": 64}).enable("table")
_LABEL_STOPS = re.compile(r"[\]`<\\]")  # what may end a label or hide a bracket (code, HTML, escapes)


class _Brackets:
    """Where the brackets of one inline run are, to tell in constant time that a `[` cannot
    open a link: markdown-it tries every `[` by scanning for its `]`, which made 50 KB of `![`
    take 4 s. Each plain `[` between an opener and the next `]`, code span, HTML or escape needs
    a `]` of its own after the opener (it opens a nested label or a link that closes), so with
    fewer `]` after it than such `[`, the opener is text, as the full scan would find."""

    def __init__(self, src: str) -> None:
        self.src = src
        self.openers = [m.start() for m in re.finditer(r"\[", src)]
        self.closers = [m.start() for m in re.finditer(r"\]", src)]
        self.stops = [m.start() for m in _LABEL_STOPS.finditer(src)]

    def cannot_open(self, at: int, limit: int) -> bool:
        """True when the `[` at `at` cannot open a link label that closes before `limit`."""
        next_stop = bisect_left(self.stops, at)
        stop = self.stops[next_stop] if next_stop < len(self.stops) else limit
        plain_openers = bisect_left(self.openers, min(stop, limit)) - bisect_left(self.openers, at)
        return len(self.closers) - bisect_right(self.closers, at) < plain_openers


_BRACKETS: list[_Brackets] = []  # the one for the inline run being parsed


def _unclosable_bracket(state: StateInline, silent: bool) -> bool:
    """An inline rule before markdown-it's `link` and `image`: a run of `[` and `![` that cannot
    open a link is text (the same tokens as markdown-it's, found without its scans)."""
    src, end = state.src, state.pos
    if src[end] not in "![":
        return False
    brackets = _BRACKETS[0] if _BRACKETS and _BRACKETS[0].src is src else None
    if brackets is None:
        brackets = _Brackets(src)
        _BRACKETS[:] = [brackets]
    while end < state.posMax:
        label = end + 1 if src.startswith("![", end) else end
        if src[label:label + 1] != "[" or label >= state.posMax or not brackets.cannot_open(label, state.posMax):
            break
        end = label + 1
    if end == state.pos:
        return False
    if not silent:
        state.pending += src[state.pos:end]
    state.pos = end
    return True


_PARSER.inline.ruler.before("link", "druglint_unclosable_bracket", _unclosable_bracket)
_NEWLINE = re.compile("\r\n?|\n")  # the line breaks markdown-it counts in its line maps
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _line_offsets(source: str) -> list[int]:
    return [0, *(m.end() for m in _NEWLINE.finditer(source)), len(source)]


def _locate(source: str, content: str, start: int, limit: int) -> tuple[int, int, list[tuple[int, str]]] | None:
    """Where a text run whose content had entities and backslash escapes decoded sits in
    source[start:limit]: (first, end, [(offset, text to paint)]); None when not found. An
    entity paints what it stands for at its '&' (blanks for the rest), an escape the escaped
    character at its own offset, so every word stays at its source offset."""
    if not content:
        return None
    tries = 0
    at = start
    while at < limit and tries < 64:
        candidates = [i for i in (source.find(content[0], at, limit), source.find("&", at, limit),
                                  source.find("\\", at, limit)) if i >= 0]
        if not candidates:
            return None
        first = min(candidates)
        painted = _align(source, content, first, limit)
        if painted is not None:
            return first, painted[0], painted[1]
        at, tries = first + 1, tries + 1
    return None


def _align(source: str, content: str, j: int, limit: int) -> tuple[int, list[tuple[int, str]]] | None:
    paint: list[tuple[int, str]] = []
    i = 0
    while i < len(content):
        if j >= limit:
            return None
        char = source[j]
        if char == "\\" and j + 1 < limit and source[j + 1] in _ESCAPABLE and source[j + 1] == content[i]:
            paint.append((j + 1, content[i]))
            i, j = i + 1, j + 2
            continue
        if char == "&":
            entity = _ENTITY.match(source, j, limit)
            decoded = unescape(entity.group()) if entity else ""
            if entity and decoded != entity.group() and content.startswith(decoded, i):
                shown = decoded.replace("\r", " ").replace("\n", " ")[:len(entity.group())]
                paint.append((j, shown.ljust(len(entity.group()))))
                i, j = i + len(decoded), entity.end()
                continue
        if char != content[i]:
            return None
        paint.append((j, char))
        i, j = i + 1, j + 1
    return j, paint


def read_markdown(path: str, source: str) -> Document:
    """Read a Markdown article."""
    canvas = blank(source)
    lines = _line_offsets(source)
    blocks: list[Block] = []
    open_kinds: list[str] = []
    heading_level = 0
    row: list[tuple[int, int]] = []  # (first, last) of each cell of the open table row
    header: tuple[str, ...] = ()  # the column headings of the open table
    for token in _PARSER.parse(source):
        if token.nesting == 1:
            open_kinds.append(token.type)
            if token.type == "heading_open":
                heading_level = int(token.tag[1])
            elif token.type == "table_open":
                header = ()
            continue
        if token.nesting == -1:
            open_kinds.pop()
            if token.type == "tr_close" and row:
                if "thead_open" in open_kinds:
                    header = tuple(source[first:last] for first, last in row)
                blocks.append(Block("paragraph", row[0][0], row[-1][1], label_end=row[0][1] if len(row) > 1 else None,
                                    cells=tuple(row), header=header))
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
            if found >= 0:
                end = found + len(child.content)
                canvas[found:end] = source[found:end]
            elif child.type == "text" and (located := _locate(source, child.content, cursor, region_end)):
                found, end, paint = located
                for offset, text in paint:
                    canvas[offset:offset + len(text)] = text
            else:
                continue
            first = found if first is None else first
            last, cursor = end, end
        if first is None or last is None:
            if "tr_open" in open_kinds:
                row.append((cursor, cursor))  # an empty cell keeps the columns in line with their headings
            continue
        if "tr_open" in open_kinds:
            row.append((first, last))
        elif "heading_open" in open_kinds:
            blocks.append(Block("heading", first, last, level=heading_level))
        else:
            kind = "item" if "list_item_open" in open_kinds else "paragraph"
            blocks.append(Block(kind, first, last, label_end=label_end))
    return Document(path=path, source=source, text="".join(canvas), blocks=blocks, format="markdown")

"""HTML articles: visible text only (no script, style or head), headings as sections, a
table row as one block whose first cell labels the rest, and a <dt> term labelling its <dd>.

Uses the standard library's tolerant HTMLParser, which reports the source position of
every tag and text run, so the document text keeps each character at its offset.
"""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from lint.model.document import Block, Document, blank

HIDDEN = {"script", "style", "noscript", "template", "svg"}
HEAD_CONTENT = {"title", "meta", "link", "base", "style", "script", "noscript", "template"}  # what a <head> holds
BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th",
              "section", "article", "header", "footer", "ul", "ol", "blockquote", "dt", "dd",
              "table", "main", "aside", "nav", "figure", "figcaption", "hr", "body", "title"}
CELLS = {"td", "th"}
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}
_NEWLINE = re.compile("\n")
# `&#` that starts no character reference: the standard library stops its scan there and hands
# the rest of the article over as text, tags and scripts included. Its `&` is fed as a space.
_BOGUS_CHARREF = re.compile(r"&(?=#)(?!#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F])")


class _Collector(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.fed = _BOGUS_CHARREF.sub(" ", source)  # what the parser reads: same length, same offsets
        self.canvas = blank(source)
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(source)]
        self.hidden_depth = 0
        self.in_head = False  # inside <head>, which ends at </head>, <body> or body content (HTML5)
        self.in_title = False
        self.blocks: list[Block] = []
        self.block_kind = "paragraph"
        self.block_level = 0
        self.block_start: int | None = None
        self.block_end = 0
        self.label_end: int | None = None
        self.strong_at_start = False
        self.row_cells: int | None = None  # cells seen in the open table row, None outside rows
        self.cells: list[list[int]] = []  # [start, end] of each visible cell of the open row
        self.header_row = True  # every cell of the open row so far is a <th>
        self.header: tuple[str, ...] = ()  # the column headings of the open table
        self.term_end: int | None = None  # end of a <dt> term waiting for its <dd>

    def position(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def canvas_text(self, start: int, end: int) -> str:
        """The visible text between two offsets."""
        return "".join(self.canvas[start:end])

    def close_block(self) -> None:
        if self.block_start is not None:
            cells = _aligned(self.cells)
            if cells and self.header_row:
                self.header = tuple(self.canvas_text(start, end) for start, end in cells)
            self.blocks.append(Block(self.block_kind, self.block_start, self.block_end,
                                     level=self.block_level, label_end=self.label_end,
                                     cells=cells, header=self.header if cells else ()))
        self.cells, self.header_row = [], True
        self.block_start, self.label_end, self.strong_at_start = None, None, False
        self.block_kind, self.block_level, self.row_cells, self.term_end = "paragraph", 0, None, None

    def handle_starttag(self, tag, attrs):
        if tag == "head":
            self.in_head = True
            return
        if self.in_head and tag not in HEAD_CONTENT:  # body content implies </head>
            self.in_head = False
        if tag == "title" and self.in_head:
            self.in_title = True
        if tag in HIDDEN and tag not in VOID:
            self.hidden_depth += 1
        if tag == "table":
            self.header = ()
        if tag in CELLS and self.row_cells is not None:  # a row is one block, its first cell the label
            self.row_cells += 1
            self.cells.append([-1, -1])
            self.header_row = self.header_row and tag == "th"
            if self.row_cells == 2 and self.block_start is not None:
                self.label_end = self.block_end
            return
        if tag == "dd" and self.term_end is not None:  # a definition continues the block of its term
            self.label_end, self.term_end = self.term_end, None
            return
        if tag in BLOCK_TAGS:
            self.close_block()
            if tag[0] == "h" and tag[1:].isdigit():
                self.block_kind, self.block_level = "heading", int(tag[1:])
            elif tag == "li":
                self.block_kind = "item"
            elif tag == "tr":
                self.row_cells = 0
        elif tag in ("strong", "b") and self.block_start is None:
            self.strong_at_start = True

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
            return
        if tag == "title":
            self.in_title = False
        if tag in HIDDEN and self.hidden_depth:
            self.hidden_depth -= 1
        if tag in CELLS and self.row_cells is not None:
            return
        if tag == "dt" and self.block_start is not None:  # the term labels the definition that follows
            self.term_end = self.block_end
            return
        if tag in BLOCK_TAGS:
            self.close_block()
        elif tag in ("strong", "b") and self.strong_at_start and self.label_end is None:
            self.label_end = self.block_end
            self.strong_at_start = False

    def _hidden(self, text: str) -> bool:
        """True for text that is not shown: hidden elements and the head (text outside the
        head's elements ends the head, as in an HTML5 parser)."""
        if self.hidden_depth:
            return True
        if self.in_head and (self.in_title or not text.strip()):
            return True
        self.in_head = False
        return False

    def _visible(self, start: int, text: str) -> None:
        if self._hidden(text) or not text.strip():
            return
        end = start + len(text)
        self.canvas[start:end] = text
        lead = len(text) - len(text.lstrip())
        if self.block_start is None:
            self.block_start = start + lead
        self.block_end = end - (len(text) - len(text.rstrip()))
        if self.cells:
            cell = self.cells[-1]
            cell[0] = start + lead if cell[0] < 0 else cell[0]
            cell[1] = self.block_end

    def handle_data(self, data):
        start = self.position()
        if self.fed.startswith(data, start):
            self._visible(start, self.source[start:start + len(data)])

    def _reference(self, raw: str) -> None:
        start = self.position()
        if not self.fed.startswith(raw, start) or self._hidden(raw):
            return
        char = unescape(raw)[:1] or " "
        self._visible(start, char + " " * (len(raw) - 1))

    def handle_entityref(self, name):
        self._reference(f"&{name};" if self.fed.startswith(f"&{name};", self.position()) else f"&{name}")

    def handle_charref(self, name):
        self._reference(f"&#{name};")

    # The article is fed whole, so a construct the standard library finds incomplete (it
    # returns -1, waiting for more input) runs to the end of the article: consume it at once,
    # as an HTML5 parser drops a tag or comment cut off by the end of the file. Left to the
    # library, every later `<a `, `<!--` or `</` would rescan the rest of the article.

    def parse_comment(self, i, report=1):
        """A comment; one never closed runs to the end of the article (HTML5)."""
        return self._to_end_when_incomplete(super().parse_comment(i, report))

    def parse_starttag(self, i):
        """A start tag; one never closed (`<a href='x` at the end) is dropped with the rest."""
        return self._to_end_when_incomplete(super().parse_starttag(i))

    def parse_endtag(self, i):
        return self._to_end_when_incomplete(super().parse_endtag(i))

    def parse_pi(self, i):
        return self._to_end_when_incomplete(super().parse_pi(i))

    def parse_html_declaration(self, i):
        return self._to_end_when_incomplete(super().parse_html_declaration(i))

    def _to_end_when_incomplete(self, end: int) -> int:
        return len(self.rawdata) if end < 0 else end

    def parse_marked_section(self, i, report=1):
        """`<![CDATA[...]]>` and the like; anything else after `<![` (`<![CDA`, `<![ x`) is a
        bogus comment up to the next `>` (HTML5), where the standard library would raise."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1


def read_html(path: str, source: str) -> Document:
    """Read an HTML article."""
    collector = _Collector(source)
    collector.feed(collector.fed)
    collector.close()
    collector.close_block()
    return Document(path=path, source=source, text="".join(collector.canvas),
                    blocks=collector.blocks, format="html")


def _aligned(cells: list[list[int]]) -> tuple[tuple[int, int], ...]:
    """A row's cells as character ranges, an empty cell as an empty range where it stands (so
    that every cell stays under its column heading); no cells when every one is empty."""
    if all(start < 0 for start, _ in cells):
        return ()
    ranges: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(cells):
        if start < 0:
            at = ranges[-1][1] if ranges else next(s for s, _ in cells[index:] if s >= 0)
            ranges.append((at, at))
        else:
            ranges.append((start, end))
    return tuple(ranges)

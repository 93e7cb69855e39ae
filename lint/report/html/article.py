"""The article body of the HTML report: Markdown and HTML rendered as formatted text from an
allowlist of elements, plain text kept as pre-wrapped text, with findings and claims highlighted.

Findings index the source text, but a renderer moves and drops characters. So a private-use
sentinel character is put into the source at each highlight boundary; Markdown is rendered
with markdown-it-py, and the resulting HTML (or an HTML article as it is) is rebuilt by an
allowlist sanitizer that turns each sentinel back into a boundary. Highlights are only ever
drawn around text inside one element, so a span that crosses an element boundary becomes
several `<mark>` pieces and the HTML stays well formed. A sentinel lost with markup the view
leaves out (a link target, a script) only delays the boundary to the next one seen.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser
from urllib.parse import unquote

from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("commonmark", {"html": True, "maxNesting": 64}).enable(["table", "strikethrough"])
_BASE = 0xF0000  # Supplementary Private Use Area-A: the sentinel for boundary i is chr(_BASE + i)
_LIMIT = 0xFFFFE - _BASE
_PRIVATE = re.compile("[\U000F0000-\U000FFFFF]")
_ENCODED = re.compile("%F3%B[0-9A-F]%[89AB][0-9A-F]%[89AB][0-9A-F]", re.IGNORECASE)  # a sentinel in a URL
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG = re.compile(r"<[A-Za-z/!?][^<>]*>")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_BLOCK_MARKER = re.compile(r"[ \t>#*+\-=|<`~]|\d+[.)]")  # a Markdown line that starts with one opens a block

DROPPED = frozenset({  # left out with their content
    "script", "style", "noscript", "template", "svg", "math", "nav", "form", "iframe", "object", "embed",
    "select", "textarea", "button", "canvas", "video", "audio", "map", "dialog", "frameset", "noembed",
    "noframes", "applet", "datalist", "menu"})
CHROME = frozenset({"header", "footer"})  # left out as site chrome unless inside <article> or <main>
RENAMED = {"article": "div", "section": "div", "main": "div", "aside": "div", "div": "div", "header": "div",
           "footer": "div", "details": "div", "summary": "p", "center": "div", "address": "p",
           "strike": "s", "tt": "code", "big": "span"}
KEPT = frozenset({
    "p", "br", "hr", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr",
    "th", "td", "blockquote", "pre", "code", "em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup",
    "small", "abbr", "cite", "q", "kbd", "samp", "var", "dfn", "time", "figure", "figcaption", "a", "span"})
VOID = frozenset({"br", "hr", "img", "wbr", "meta", "link", "input", "area", "base", "col", "embed", "source",
                  "track", "param"})
BLOCKS = frozenset({"p", "div", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre", "hr",
                    "figure"})
STRUCTURAL = frozenset({"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr"})  # text inside is only spacing
SCHEMES = ("http://", "https://", "mailto:")
HEADING_SHIFT = 2  # the report's own headings are h1 (page) and h2 (article): an article's h1 shows as h3


@dataclass(frozen=True)
class Highlight:
    """A span of the source (`start` <= `end`) to mark, under its report key: each piece is
    `<mark class="CLASSES" ATTRIBUTES>`, the first also with the id `hl-KEY` and `tabindex`."""

    key: str
    start: int
    end: int
    classes: str
    attributes: str  # escaped attributes, the same on every piece
    tabindex: int = 0


@dataclass
class Body:
    """The rendered article: its HTML and the keys of the highlights it shows."""

    html: str
    placed: set[str]


class _Marks:
    """Writes text with the highlights that cover it; `move(i)` says that the text now
    written lies after boundary i."""

    def __init__(self, highlights: list[Highlight], boundaries: list[int], where: dict[str, tuple[int, int]]):
        self.out: list[str] = []
        self.placed: set[str] = set()
        self.covering: list[tuple[Highlight, ...]] = []
        self.empty: list[tuple[Highlight, ...]] = []
        ordered = sorted(highlights, key=lambda h: (where[h.key][0], -where[h.key][1], h.key))
        for boundary in boundaries:
            self.covering.append(tuple(h for h in ordered if where[h.key][0] <= boundary < where[h.key][1]))
            self.empty.append(tuple(h for h in ordered if where[h.key] == (boundary, boundary)))
        self.active: tuple[Highlight, ...] = ()

    def move(self, index: int, markable: bool = True) -> None:
        if not 0 <= index < len(self.covering):
            return
        self.active = self.covering[index]
        if markable:
            for highlight in self.empty[index]:
                self.out.append(self._open(highlight) + "</mark>")

    def text(self, text: str, markable: bool = True) -> None:
        if not text:
            return
        if not self.active or not (markable or text.strip()):
            self.out.append(escape(text, quote=False))
            return
        self.out.append("".join(self._open(h) for h in self.active) + escape(text, quote=False)
                        + "</mark>" * len(self.active))

    def _open(self, highlight: Highlight) -> str:
        first = highlight.key not in self.placed
        self.placed.add(highlight.key)
        ident = f' id="hl-{highlight.key}" tabindex="{highlight.tabindex}"' if first else ""
        return f'<mark class="{highlight.classes}"{ident} {highlight.attributes}>'


def render_body(source: str, fmt: str, highlights: list[Highlight]) -> Body:
    """The article as HTML: `fmt` "markdown" or "html" rendered, anything else plain text."""
    if fmt in ("markdown", "html"):
        return _render_markup(source, fmt, highlights)
    where = {h.key: (h.start, h.end) for h in highlights}
    boundaries = sorted({p for h in highlights for p in (h.start, h.end)})
    marks = _Marks(highlights, boundaries, where)
    position = 0
    for index, boundary in enumerate(boundaries):
        marks.text(source[position:boundary])
        marks.move(index)
        position = boundary
    marks.text(source[position:])
    return Body("".join(marks.out), marks.placed)


def _render_markup(source: str, fmt: str, highlights: list[Highlight]) -> Body:
    source = _PRIVATE.sub("\N{REPLACEMENT CHARACTER}", source)  # same length: offsets still hold
    settle = _Settler(source, markdown=fmt == "markdown")
    where = {h.key: (settle(h.start), settle(h.end)) for h in highlights}
    where = {key: (start, max(start, end)) for key, (start, end) in where.items()}
    boundaries = sorted({p for span in where.values() for p in span})[:_LIMIT]
    marked, position = [], 0
    for index, boundary in enumerate(boundaries):
        marked += [source[position:boundary], chr(_BASE + index)]
        position = boundary
    marked.append(source[position:])
    text = "".join(marked)
    if fmt == "markdown":
        text = _MARKDOWN.render(text)
    marks = _Marks(highlights, boundaries, where)
    sanitizer = _Sanitizer(marks)
    sanitizer.feed(text)
    sanitizer.close()
    sanitizer.finish()
    return Body("".join(marks.out), marks.placed)


class _Settler:
    """Moves a boundary out of a tag, an entity or a Markdown escape, and off the start of
    a Markdown line that opens a block, where a sentinel would change how the markup reads."""

    def __init__(self, source: str, markdown: bool):
        self.source = source
        self.markdown = markdown
        self.units = sorted((m.start(), m.end()) for pattern in (_TAG, _ENTITY) for m in pattern.finditer(source))
        self.starts = [start for start, _ in self.units]

    def __call__(self, position: int) -> int:
        source = self.source
        position = min(max(position, 0), len(source))
        index = bisect_right(self.starts, position - 1) - 1
        if index >= 0 and self.units[index][0] < position < self.units[index][1]:
            position = self.units[index][1]
        if not self.markdown:
            return position
        if 0 < position < len(source) and source[position - 1] == "\\" and source[position] in _ESCAPABLE:
            position -= 1
        if position and source[position - 1] == "\n" and _BLOCK_MARKER.match(source, position):
            position = len(source[:position].rstrip())
        return position


class _Sanitizer(HTMLParser):
    """Rebuilds HTML from an allowlist of elements and attributes, turning sentinels into
    highlight boundaries. Every element it opens it closes, in order."""

    def __init__(self, marks: _Marks):
        super().__init__(convert_charrefs=False)
        self.marks = marks
        self.open: list[tuple[str, int]] = []  # (element, count of text runs written before it)
        self.depth: Counter[str] = Counter()  # open elements by name
        self.dropping: list[str] = []
        self.written = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: self._value(value) for name, value in attrs if name != "alt"}
        if self.dropping:
            if tag == self.dropping[-1] and tag not in VOID:
                self.dropping.append(tag)
            return
        if tag in DROPPED or (tag in CHROME and not self._inside("div-content")):
            if tag not in VOID:
                self.dropping.append(tag)
            return
        if tag == "title":
            self._start("p", ' class="page-title"')
            self.marks.out.append('<span class="page-title-label">Page title:</span> ')
            self.in_title = True
            return
        if tag == "img":
            alt = next((value for name, value in attrs if name == "alt"), None)
            if alt:
                self.marks.out.append('<span class="image-alt">[image: ')
                self.handle_data(alt)
                self.marks.out.append("]</span>")
            return
        element = self._element(tag)
        if element is None:
            return
        attributes = self._attributes(element, values)
        if element == "a":
            if "href" not in values or ' href="' not in attributes:
                return
            self._close_to("a")
        self._start(element, attributes, content=tag in ("article", "main"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag == "title" and self.in_title:
            self.in_title = False
            self._close_to("p")
            return
        element = self._element(tag)
        if element is not None and element not in VOID:
            self._close_to(element)

    def handle_data(self, data: str) -> None:
        position = 0
        for match in _PRIVATE.finditer(data):
            self._text(data[position:match.start()])
            self.marks.move(ord(match.group()) - _BASE, markable=not self.dropping and self._markable())
            position = match.end()
        self._text(data[position:])

    def handle_entityref(self, name: str) -> None:
        self.handle_data(unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.handle_data(unescape(f"&#{name};"))

    def parse_comment(self, i: int, report: bool = True) -> int:
        """A comment never closed runs to the end (HTML5), consumed at once instead of being
        rescanned from every later `<!--` (as the HTML reader does)."""
        end = super().parse_comment(i, report)
        return len(self.rawdata) if end < 0 else end

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Anything after `<![` but CDATA is a bogus comment up to the next `>` (HTML5), where
        the standard library would raise (as the HTML reader does)."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    def finish(self) -> None:
        """Close what the article left open."""
        while self.open:
            self._pop()

    def _text(self, text: str) -> None:
        if text and not self.dropping:
            self.marks.text(text, self._markable())
            self.written += 1

    def _markable(self) -> bool:
        return not self.open or self.open[-1][0] not in STRUCTURAL

    def _value(self, value: str | None) -> str:
        """An attribute's value with its sentinels (raw or percent-encoded) taken as boundaries."""
        if not value:
            return ""
        for match in re.finditer(f"{_PRIVATE.pattern}|{_ENCODED.pattern}", value, re.IGNORECASE):
            character = match.group() if len(match.group()) == 1 else unquote(match.group())
            self.marks.move(ord(character) - _BASE, markable=False)
        return _ENCODED.sub("", _PRIVATE.sub("", value))

    def _element(self, tag: str) -> str | None:
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            return f"h{min(int(tag[1]) + HEADING_SHIFT, 6)}"
        if tag in RENAMED:
            return RENAMED[tag]
        return tag if tag in KEPT else None

    def _attributes(self, element: str, values: dict[str, str]) -> str:
        kept: list[tuple[str, str]] = []
        if element == "a":
            href = values.get("href", "").strip()
            if href.lower().startswith(SCHEMES):
                kept += [("href", href), ("rel", "nofollow noopener noreferrer")]
        if element in ("td", "th"):
            kept += [(name, values[name]) for name in ("colspan", "rowspan") if values.get(name, "").isdigit()]
            align = re.search(r"text-align:\s*(left|center|right)", values.get("style", ""))
            if align:
                kept.append(("class", f"align-{align.group(1)}"))
        if element == "th" and values.get("scope") in ("row", "col", "rowgroup", "colgroup"):
            kept.append(("scope", values["scope"]))
        if element == "ol" and values.get("start", "").isdigit():
            kept.append(("start", values["start"]))
        if element in ("abbr", "dfn") and values.get("title"):
            kept.append(("title", values["title"]))
        return "".join(f' {name}="{escape(value)}"' for name, value in kept)

    def _inside(self, element: str) -> bool:
        return self.depth[element] > 0

    def _start(self, element: str, attributes: str = "", content: bool = False) -> None:
        if element in BLOCKS and self._inside("p"):
            self._close_to("p")
        if element == "li":
            self._close_item(("li",), ("ul", "ol"))
        elif element in ("dt", "dd"):
            self._close_item(("dt", "dd"), ("dl",))
        elif element == "tr":
            self._close_item(("tr",), ("table", "thead", "tbody", "tfoot"))
        elif element in ("td", "th"):
            self._close_item(("td", "th"), ("tr", "table"))
        self.marks.out.append(f"<{element}{attributes}>")
        if element in ("br", "hr"):
            return
        self.open.append((element, self.written))
        self.depth[element] += 1
        if content:
            self.open.append(("div-content", self.written))
            self.depth["div-content"] += 1

    def _close_item(self, items: tuple[str, ...], containers: tuple[str, ...]) -> None:
        """Close an open list item, term or cell when its sibling starts (as HTML does)."""
        for index in range(len(self.open) - 1, -1, -1):
            element = self.open[index][0]
            if element in containers:
                return
            if element in items:
                while len(self.open) > index:
                    self._pop()
                return

    def _close_to(self, element: str) -> None:
        if not self._inside(element):
            return
        while self.open:
            if self._pop() == element:
                return

    def _pop(self) -> str:
        element, written = self.open.pop()
        self.depth[element] -= 1
        if element == "div-content":
            return self._pop()
        if element == "a" and written == self.written:  # a link with no text still needs a name
            self.marks.out.append("(link)")
        self.marks.out.append(f"</{element}>")
        return element

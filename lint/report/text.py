"""Text report for people at a terminal, in two shapes.

`full` (the default): per file, the located findings in text order, each as
`path:line:col: severity rule message` with the source line quoted under it and the span
marked with carets, then the suggestion; the document-level findings under a heading of
their own; and a short "Label sources" block citing each drug's label (and its labeled
uses) once. Wrapped to the terminal width.

`concise`: one line per finding, `path:line:col: severity rule message` (document-level:
`path: severity rule message`), cut to fit 100 characters.

Both end with the one-line summary; `quiet` prints only that line.
"""
from __future__ import annotations

import os
import re
import shutil
import textwrap
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from lint.model.findings import FileReport, Finding, severity_rank
from lint.report.spans import line_bounds
from lint.report.summary import summary_line

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
RESET, DIM, BOLD, BLUE = "\033[0m", "\033[2m", "\033[1m", "\033[34m"

OUTPUT_FORMATS = ("full", "concise")
COLOR_CHOICES = ("auto", "always", "never")
DEFAULT_WIDTH = 100  # when standard output is not a terminal
CONCISE_WIDTH = 100
MIN_WIDTH = 40
TAB = "    "
ELLIPSIS = "..."

# Characters that must not reach a terminal or a log raw: controls (ANSI escapes start with ESC
# or CSI), line and paragraph separators, and bidirectional overrides (which reorder what is shown).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

# `Title (revised DATE) URL; Section; Section`: the label document, then where in it.
_SOURCE = re.compile(r"^(?P<document>.*? \(revised [^)]*\) \S+?)(?:; (?P<section>.*))?$")


def use_color(when: str, isatty: bool, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour: `always`/`never` as said; `auto` colours on a terminal, unless
    NO_COLOR is set to a non-empty value, or when FORCE_COLOR is (NO_COLOR wins)."""
    if when == "always":
        return True
    if when == "never":
        return False
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return isatty


def visible(text: str) -> str:
    """Text safe to print on one line of a terminal or log (a file name, an error): each unsafe
    character shown as its Python escape (`\\n`, `\\x1b`, `\\u2028`); other text unchanged."""
    return _UNSAFE.sub(lambda match: _escape(match.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    return _NAMED_ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def terminal_width() -> int:
    """Columns of the terminal on standard output (COLUMNS wins), else 100."""
    return max(MIN_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)


@dataclass
class TextOptions:
    output_format: str = "full"  # full or concise
    width: int | None = None  # wrap width for `full`; None: the terminal's
    quiet: bool = False  # only the summary line
    hidden: int = 0  # findings left out by --min-severity, named in the summary


def summary_text(reports: list[FileReport], hidden: int = 0) -> str:
    """The summary line, saying how many findings --min-severity left out."""
    line = summary_line(reports)
    if hidden:
        line += f" ({hidden} below --min-severity not shown)"
    return line


def render_text(reports: list[FileReport], color: bool = False, options: TextOptions | None = None) -> str:
    """The text report of every file, then the summary line."""
    options = options or TextOptions()
    return "".join(text_of_file(report, color, options) for report in reports) + text_summary(reports, options)


def text_of_file(report: FileReport, color: bool, options: TextOptions) -> str:
    """One file's part of the text report (nothing when quiet or when it has nothing to say)."""
    if options.quiet:
        return ""
    painter = _Painter(color)
    if options.output_format == "concise":
        lines = _concise_file(report, painter)
    else:
        lines = _full_file(report, painter, options.width or terminal_width())
    return "".join(line + "\n" for line in lines)


def text_summary(reports: list[FileReport], options: TextOptions) -> str:
    """The text report's last line."""
    return summary_text(reports, options.hidden) + "\n"


class _Painter:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if self.color and text else text

    def severity(self, severity: str) -> str:
        return self(str(severity), COLORS.get(str(severity), BOLD))


def in_text_order(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """The located findings sorted by position, and the document-level ones, most severe first."""
    located = [f for f in findings if f.line is not None]
    located.sort(key=lambda f: (f.line or 0, f.column or 0, f.start or 0, f.end or 0))
    whole = [f for f in findings if f.line is None]
    whole.sort(key=lambda f: -severity_rank(f.severity))
    return located, whole


def _message(finding: Finding) -> str:
    """The message without a trailing list of labeled uses (the Label sources block has it)."""
    if finding.label_fact:
        suffix = f" Labeled: {finding.label_fact}."
        if finding.message.endswith(suffix):
            return visible(finding.message[: -len(suffix)])
    return visible(finding.message)


def _labeled_uses(finding: Finding) -> str | None:
    if finding.label_fact and finding.message.endswith(f" Labeled: {finding.label_fact}."):
        return finding.label_fact
    return None


def _split_source(source: str) -> tuple[str, str | None]:
    """(label document, section in it) from a finding's source."""
    match = _SOURCE.match(source)
    if not match:
        return source, None
    return match["document"], match["section"]


def _where(report: FileReport, finding: Finding) -> str:
    path = visible(report.path)
    return f"{path}:{finding.line}:{finding.column}" if finding.line is not None else path


def _input_error(report: FileReport, painter: _Painter) -> str:
    return f"{visible(report.path)}: {painter.severity('error')} input-error {visible(report.error or '')}"


# concise

def _concise_file(report: FileReport, painter: _Painter) -> list[str]:
    if report.error:
        return [_input_error(report, painter)]
    located, whole = in_text_order(report.findings)
    return [_concise_line(report, finding, painter) for finding in located + whole]


def _concise_line(report: FileReport, finding: Finding, painter: _Painter) -> str:
    head = f"{_where(report, finding)}: "
    plain = f"{head}{finding.severity} {finding.rule} "
    message = _message(finding)
    room = CONCISE_WIDTH - len(plain)
    if len(message) > room:
        message = _shorten(message, room)
    return f"{head}{painter.severity(finding.severity)} {painter(finding.rule, BOLD)} {message}"


def _shorten(message: str, room: int) -> str:
    """The message cut to `room` characters, at a word boundary when one is near, with an ellipsis."""
    cut = message[: max(0, room - len(ELLIPSIS))]
    space = cut.rfind(" ")
    if space > len(cut) // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + ELLIPSIS


# full

def _wrap(text: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=indent,
                         subsequent_indent=indent if subsequent is None else subsequent,
                         break_long_words=False, break_on_hyphens=False) or [indent.rstrip()]


def _full_file(report: FileReport, painter: _Painter, width: int) -> list[str]:
    if report.error:
        return [_input_error(report, painter), ""]
    if not report.findings:
        return []
    lines = [painter(visible(report.path), BOLD) + (f" ({', '.join(report.drugs)})" if report.drugs else ""), ""]
    located, whole = in_text_order(report.findings)
    for finding in located:
        lines += _located(report, finding, painter, width)
        lines.append("")
    if whole:
        lines.append(painter("Missing from the whole article:", BOLD))
        for finding in whole:
            lines += _document_level(finding, painter, width)
        lines.append("")
    lines += _label_sources(report, painter, width)
    return lines


def _header(plain_prefix: str, painted_prefix: str, message: str, width: int, indent: str,
            subsequent: str) -> list[str]:
    """`prefix message` wrapped, with the prefix (location, severity, rule) painted."""
    wrapped = _wrap(f"{plain_prefix}{message}", width, indent, subsequent)
    if wrapped[0].startswith(indent + plain_prefix):
        wrapped[0] = indent + painted_prefix + wrapped[0][len(indent + plain_prefix):]
    return wrapped


def _notes(finding: Finding, painter: _Painter, width: int, indent: str) -> list[str]:
    """The suggestion and where in the label the fact is (the label itself is cited once)."""
    lines: list[str] = []
    if finding.suggestion:
        lines += _note("suggestion", finding.suggestion, painter, width, indent)
    if finding.source:
        section = _split_source(finding.source)[1]
        if section:
            lines += _note("see label", section, painter, width, indent)
    return lines


def _note(name: str, text: str, painter: _Painter, width: int, indent: str) -> list[str]:
    label = f"{indent}{name}: "
    wrapped = _wrap(f"{label}{text}", width, "", " " * len(label))
    wrapped[0] = indent + painter(f"{name}:", BOLD) + wrapped[0][len(indent) + len(name) + 1:]
    return wrapped


def _located(report: FileReport, finding: Finding, painter: _Painter, width: int) -> list[str]:
    where = _where(report, finding)
    plain = f"{where}: {finding.severity} {finding.rule} "
    painted = f"{painter(where, BOLD)}: {painter.severity(finding.severity)} {painter(finding.rule, BOLD)} "
    lines = _header(plain, painted, _message(finding), width, "", "    ")
    gutter = " " * len(str(finding.line))
    snippet = _snippet(report.source, finding, width - len(gutter) - 4)
    if snippet:
        quoted, marks = snippet
        bar = painter("|", BLUE)
        lines.append(f"{gutter} {bar}")
        lines.append(f"{painter(str(finding.line), BLUE)} {bar} {quoted}".rstrip())
        carets = marks.lstrip()
        lines.append(f"{gutter} {bar} {marks[:len(marks) - len(carets)]}"
                     f"{painter(carets, COLORS.get(str(finding.severity), BOLD))}")
    lines += _notes(finding, painter, width, f"{gutter} = ")
    return lines


def _document_level(finding: Finding, painter: _Painter, width: int) -> list[str]:
    plain = f"{finding.severity} {finding.rule} "
    painted = f"{painter.severity(finding.severity)} {painter(finding.rule, BOLD)} "
    return _header(plain, painted, _message(finding), width, "  ", "      ") + _notes(finding, painter, width, "    ")


def _label_sources(report: FileReport, painter: _Painter, width: int) -> list[str]:
    """Each drug's label documents and labeled uses, once, in the order findings name them."""
    documents: dict[str, list[str]] = {}
    uses: dict[str, str] = {}
    located, whole = in_text_order(report.findings)
    for finding in located + whole:
        drug = finding.drug or "label"
        if finding.source:
            document = _split_source(finding.source)[0]
            if document not in documents.setdefault(drug, []):
                documents[drug].append(document)
        labeled = _labeled_uses(finding)
        if labeled:
            documents.setdefault(drug, [])
            uses.setdefault(drug, labeled)
    if not documents:
        return []
    lines = [painter("Label sources:", BOLD)]
    for drug, cited in documents.items():
        lines += _wrap(f"{drug}: {cited[0] if cited else ''}".rstrip(), width, "  ", "      ")
        for document in cited[1:]:
            lines += _wrap(document, width, "      ")
        if drug in uses:
            lines += _note("labeled uses", uses[drug], painter, width, "    ")
    lines.append("")
    return lines


# the quoted line

def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _shown(char: str) -> str:
    """How a character of the line is printed: tabs as spaces, other controls, line separators
    and bidirectional overrides as one space."""
    if char == "\t":
        return TAB
    return " " if _UNSAFE.match(char) else char


@dataclass
class _Cell:
    text: str
    width: int
    in_span: bool = False


def _snippet(source: str | None, finding: Finding, room: int) -> tuple[str, str] | None:
    """The finding's source line (cut to `room` columns around the span) and the caret line
    beneath it. A span over several lines is marked to the end of its first line."""
    if source is None or finding.start is None or not 0 <= finding.start <= len(source):
        return None
    start = finding.start
    end = finding.end if finding.end is not None and finding.end >= start else start
    line_start, line_end = line_bounds(source, start)
    line = source[line_start:line_end]
    span_from, span_to = start - line_start, min(end, line_start + len(line)) - line_start
    cells = [_Cell(_shown(c), len(TAB) if c == "\t" else _char_width(_shown(c)), span_from <= i < span_to)
             for i, c in enumerate(line)]
    if span_to <= span_from:  # an empty span, or one at the line's end: one caret
        if span_from < len(cells):
            cells[span_from].in_span = True
        else:
            cells.append(_Cell(" ", 1, True))
    cells = _window(cells, max(room, 20))
    quoted = "".join(c.text for c in cells)
    marks = "".join(("^" if c.in_span else " ") * c.width for c in cells).rstrip()
    return quoted, marks


def _window(cells: list[_Cell], room: int) -> list[_Cell]:
    """The cells to print when the line is wider than `room`: the span with some context
    before it, an ellipsis where the line was cut."""
    if sum(c.width for c in cells) <= room:
        return cells
    cut = len(ELLIPSIS)
    first = next(i for i, c in enumerate(cells) if c.in_span)
    before = sum(c.width for c in cells[:first])
    span = min(sum(c.width for c in cells if c.in_span), room - 2 * cut)
    lo = 0
    if before + span + cut > room:  # cut the line's start too, keeping a third of the rest as context
        context = max(0, (room - 2 * cut - span) // 3)
        lo, used = first, 0
        while lo > 0 and used + cells[lo - 1].width <= context:
            lo -= 1
            used += cells[lo].width
    available = room - (cut if lo > 0 else 0)
    hi, used = lo, 0
    while hi < len(cells):
        tail = cut if hi + 1 < len(cells) else 0
        if used + cells[hi].width + tail > available:
            break
        used += cells[hi].width
        hi += 1
    hi = max(hi, first + 1)
    shown = cells[lo:hi]
    if lo > 0:
        shown = [_Cell(ELLIPSIS, cut)] + shown
    if hi < len(cells):
        shown = shown + [_Cell(ELLIPSIS, cut)]
    return shown

"""Where a finding ends, and the line around an offset, with the line breaks the readers
count (LF, CRLF, a lone CR, U+2028 and U+2029), so every format agrees with the line numbers."""
from __future__ import annotations

import re

from lint.model.findings import Finding

LINE_BREAK = re.compile("\r\n|[\n\r\u2028\u2029]")
_BREAK_CHARS = "\n\r\u2028\u2029"


def end_position(finding: Finding) -> tuple[int, int] | None:
    """1-based line and column of the character after the finding's span (SARIF's
    endLine/endColumn), or None for a document-level finding."""
    if finding.start is None or finding.line is None or finding.column is None:
        return None
    text = finding.text if finding.text is not None else " " * ((finding.end or finding.start) - finding.start)
    breaks = list(LINE_BREAK.finditer(text))
    if not breaks:
        return finding.line, finding.column + len(text)
    return finding.line + len(breaks), len(text) - breaks[-1].end() + 1


def line_bounds(source: str, offset: int) -> tuple[int, int]:
    """Start and end (before its line break) of the line that holds `offset`."""
    start = max(source.rfind(char, 0, offset) for char in _BREAK_CHARS) + 1
    ends = [found for found in (source.find(char, offset) for char in _BREAK_CHARS) if found >= 0]
    return start, min(ends, default=len(source))

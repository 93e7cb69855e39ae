"""Where a finding ends: line and column after its last character, from its own text."""
from __future__ import annotations

from lint.model.findings import Finding


def end_position(finding: Finding) -> tuple[int, int] | None:
    """1-based line and column of the character after the finding's span (SARIF's
    endLine/endColumn), or None for a document-level finding."""
    if finding.start is None or finding.line is None or finding.column is None:
        return None
    text = finding.text if finding.text is not None else " " * ((finding.end or finding.start) - finding.start)
    breaks = text.count("\n")
    if breaks == 0:
        return finding.line, finding.column + len(text)
    return finding.line + breaks, len(text) - text.rfind("\n")

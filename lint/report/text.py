"""Text report: `path:line:col: severity rule-id message`, grouped by file, then a summary."""
from __future__ import annotations

from collections import Counter

from lint.findings import FileReport

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
RESET, DIM, BOLD = "\033[0m", "\033[2m", "\033[1m"


def render_text(reports: list[FileReport], color: bool = False) -> str:
    lines: list[str] = []
    counts: Counter[str] = Counter()

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if color else text

    for report in reports:
        if report.error:
            lines.append(f"{report.path}: {paint('error', COLORS['error'])} input-error {report.error}")
            counts["input error"] += 1
            continue
        if not report.findings:
            continue
        lines.append(paint(f"{report.path}", BOLD) + (f" ({', '.join(report.drugs)})" if report.drugs else ""))
        for finding in report.findings:
            where = f"{report.path}:{finding.line}:{finding.column}" if finding.line else f"{report.path}:-:-"
            lines.append(f"{where}: {paint(finding.severity, COLORS[finding.severity])} {finding.rule} {finding.message}")
            if finding.suggestion:
                lines.append(paint(f"    suggestion: {finding.suggestion}", DIM))
            if finding.source:
                lines.append(paint(f"    source: {finding.source}", DIM))
            counts[finding.severity] += 1
        lines.append("")
    checked = len(reports)
    summary = ", ".join(f"{n} {k}{'s' if n != 1 and k != 'info' else ''}" for k, n in sorted(counts.items())) or "no findings"
    lines.append(f"{checked} file{'s' if checked != 1 else ''} checked: {summary}")
    return "\n".join(lines) + "\n"

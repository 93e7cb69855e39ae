"""Text report: `path:line:col: severity rule-id message`, grouped by file, then a summary."""
from __future__ import annotations

from lint.model.findings import FileReport
from lint.report.summary import summary_line

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
RESET, DIM, BOLD = "\033[0m", "\033[2m", "\033[1m"


def render_text(reports: list[FileReport], color: bool = False) -> str:
    lines: list[str] = []

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if color else text

    for report in reports:
        if report.error:
            lines.append(f"{report.path}: {paint('error', COLORS['error'])} input-error {report.error}")
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
        lines.append("")
    lines.append(summary_line(reports))
    return "\n".join(lines) + "\n"

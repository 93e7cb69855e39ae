"""Markdown report, sized for a pull-request comment: a totals table per rule and
severity, then one table per file with findings (line, severity, rule, message)."""
from __future__ import annotations

import re

from lint.model.findings import FileReport
from lint.report.summary import SEVERITY_ORDER, rule_counts, summary_line
from lint.report.text import visible

_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def escape_markdown(text: str) -> str:
    """Text safe in a GitHub-flavoured Markdown table cell: no markup, no raw HTML, one line,
    no control character (an ANSI escape in a file name is shown as `\\x1b`)."""
    text = visible(" ".join(text.split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def render_markdown(reports: list[FileReport]) -> str:
    """The reports as a Markdown summary."""
    lines = ["## druglint report", "", f"**{summary_line(reports)}**", ""]
    table = rule_counts(reports)
    if table:
        lines += [f"| rule | {' | '.join(SEVERITY_ORDER)} | total |",
                  f"| --- |{' ---: |' * len(SEVERITY_ORDER)} ---: |"]
        for rule, counts in sorted(table.items()):
            cells = " | ".join(str(counts[s]) for s in SEVERITY_ORDER)
            lines.append(f"| `{rule}` | {cells} | {sum(counts.values())} |")
        totals = [sum(counts[s] for counts in table.values()) for s in SEVERITY_ORDER]
        lines.append(f"| **all rules** | {' | '.join(map(str, totals))} | {sum(totals)} |")
        lines.append("")
    for report in reports:
        if not report.findings:
            continue
        drugs = f" ({escape_markdown(', '.join(report.drugs))})" if report.drugs else ""
        lines += [f"### {escape_markdown(report.path)}{drugs}", "",
                  "| line | severity | rule | message |", "| ---: | --- | --- | --- |"]
        for finding in report.findings:
            line = str(finding.line) if finding.line else "whole article"
            lines.append(f"| {line} | {finding.severity} | `{finding.rule}` | {escape_markdown(finding.message)} |")
        lines.append("")
    errors = [report for report in reports if report.error]
    if errors:
        lines += ["### Files that could not be read", ""]
        lines += [f"- {escape_markdown(report.path)}: {escape_markdown(report.error or '')}" for report in errors]
        lines.append("")
    clean = sum(1 for report in reports if not report.findings and not report.error)
    if clean:
        lines += [f"{clean} file{'s' if clean != 1 else ''} without findings not listed.", ""]
    return "\n".join(lines)

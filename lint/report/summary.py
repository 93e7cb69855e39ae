"""Counts shared by the report formats: findings per severity and per rule, and the
one-line summary the text report ends with (and `check -o` prints on the terminal)."""
from __future__ import annotations

from collections import Counter

from lint.model.findings import SEVERITIES, FileReport

SEVERITY_ORDER = tuple(reversed(SEVERITIES))  # error, warning, info: most severe first


def severity_counts(reports: list[FileReport]) -> Counter[str]:
    """Findings per severity, plus "input error" for files that could not be read."""
    counts: Counter[str] = Counter()
    for report in reports:
        if report.error:
            counts["input error"] += 1
        counts.update(finding.severity for finding in report.findings)
    return counts


def rule_counts(reports: list[FileReport]) -> dict[str, Counter[str]]:
    """Findings per rule and severity."""
    table: dict[str, Counter[str]] = {}
    for report in reports:
        for finding in report.findings:
            table.setdefault(finding.rule, Counter())[finding.severity] += 1
    return table


def counts_text(reports: list[FileReport]) -> str:
    """`1 error, 2 warnings` (or `no findings`)."""
    counts = severity_counts(reports)
    return ", ".join(f"{n} {kind}{'s' if n != 1 and kind != 'info' else ''}"
                     for kind, n in sorted(counts.items())) or "no findings"


def summary_line(reports: list[FileReport]) -> str:
    """`3 files checked: 1 error, 2 warnings` (or `... no findings`)."""
    checked = len(reports)
    return f"{checked} file{'s' if checked != 1 else ''} checked: {counts_text(reports)}"

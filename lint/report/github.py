"""GitHub Actions report: one workflow command per finding, which GitHub shows as an
annotation on the file and line (`::error file=...,line=...,title=RULE::message`).

Severities map to `error`, `warning` and `notice`. A document-level finding is annotated
at line 1. Columns are sent only for a span on one line (GitHub ignores them otherwise).
"""
from __future__ import annotations

from lint.model.findings import FileReport, Finding
from lint.report.spans import end_position

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message: %, CR and LF (as the Actions toolkit does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value: the message escapes plus ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, properties: dict[str, object], message: str) -> str:
    """`::command key=value,...::message`, with every part escaped."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{command} {props}::{escape_data(message)}" if props else f"::{command}::{escape_data(message)}"


def render_github(reports: list[FileReport]) -> str:
    """The reports as GitHub Actions workflow commands, one line per finding."""
    lines = []
    for report in reports:
        if report.error:
            lines.append(workflow_command("error", {"file": report.path, "title": "input-error"}, report.error))
        for finding in report.findings:
            lines.append(workflow_command(COMMANDS[finding.severity], _position(report.path, finding),
                                          _message(finding)))
    return "".join(line + "\n" for line in lines)


def _position(path: str, finding: Finding) -> dict[str, object]:
    end = end_position(finding)
    if end is None or finding.column is None:
        return {"file": path, "line": 1, "title": finding.rule}
    end_line, end_column = end
    if end_line != finding.line:
        return {"file": path, "line": finding.line, "endLine": end_line, "title": finding.rule}
    # GitHub's endColumn is the column of the last character (it defaults to col).
    return {"file": path, "line": finding.line, "col": finding.column, "endLine": end_line,
            "endColumn": max(finding.column, end_column - 1), "title": finding.rule}


def _message(finding: Finding) -> str:
    lines = [finding.message]
    if finding.suggestion:
        lines.append(f"Suggestion: {finding.suggestion}")
    if finding.source:
        lines.append(f"Source: {finding.source}")
    return "\n".join(lines)

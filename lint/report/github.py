"""GitHub Actions report: one workflow command per finding, which GitHub shows as an
annotation on the file and line (`::error file=...,line=...,title=RULE::message`).

Severities map to `error`, `warning` and `notice`. A document-level finding is annotated
at line 1. Columns are sent only for a span on one line (GitHub ignores them otherwise).
"""
from __future__ import annotations

import re

from lint.model.findings import FileReport, Finding
from lint.report.spans import end_position

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message: %, CR and LF (as the Actions toolkit does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value: the message escapes plus ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


# Control characters (ANSI escapes start with ESC or CSI) and Unicode line separators: shown as
# percent-encoded UTF-8, which the runner leaves as it is, so a file name cannot restyle or
# rewrite the log around an annotation. (CR and LF are escaped before this.)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(text: str) -> str:
    return _CONTROL.sub(lambda m: "".join(f"%{byte:02X}" for byte in m.group().encode("utf-8")), text)


def workflow_command(command: str, properties: dict[str, object], message: str) -> str:
    """`::command key=value,...::message`, with every part escaped, on one line."""
    props = ",".join(f"{key}={_visible(escape_property(str(value)))}" for key, value in properties.items())
    data = _visible(escape_data(message))
    return f"::{command} {props}::{data}" if props else f"::{command}::{data}"


def render_github(reports: list[FileReport]) -> str:
    """The reports as GitHub Actions workflow commands, one line per finding."""
    return "".join(map(file_commands, reports))


def file_commands(report: FileReport) -> str:
    """One file's workflow commands: its input error, then a line per finding."""
    lines = []
    if report.error:
        lines.append(workflow_command("error", {"file": report.path, "title": "input-error"}, report.error))
    for finding in report.findings:
        lines.append(workflow_command(COMMANDS[finding.severity], _position(report.path, finding), _message(finding)))
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

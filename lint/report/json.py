"""JSON report: the contract in ANNOTATIONS.md (files, drugs, findings with offsets)."""
from __future__ import annotations

import json

from lint.model.findings import FileReport


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)  # without indent, json uses its C encoder


def _lines(items: list[dict]) -> str:
    """A JSON list with one item a line."""
    return "[\n" + ",\n".join(f"      {_compact(item)}" for item in items) + "\n    ]" if items else "[]"


OPENING = '{\n  "files": [\n'
SEPARATOR = ",\n"
CLOSING = "\n  ]\n}\n"
EMPTY = '{\n  "files": []\n}\n'


def file_entry(report: FileReport) -> str:
    """One file's entry of the "files" list."""
    head = f'{{"path": {_compact(report.path)}, "drugs": {_compact([{"id": d} for d in report.drugs])}'
    if report.error:
        head += f', "error": {_compact(report.error)}'
    return (f'    {head}, "findings": {_lines([f.to_dict() for f in report.findings])}, '
            f'"claims": {_lines([c.to_dict() for c in report.claims])}}}')


def render_json(reports: list[FileReport]) -> str:
    """{"files": [{"path", "drugs", "error"?, "findings", "claims"}]}, one finding or claim a line (fast for
    a library of thousands of files, and still easy to read and diff)."""
    entries = [file_entry(report) for report in reports]
    return OPENING + SEPARATOR.join(entries) + CLOSING if entries else EMPTY

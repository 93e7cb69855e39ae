"""JSON report: the contract in ANNOTATIONS.md (files, drugs, findings with offsets)."""
from __future__ import annotations

import json

from lint.findings import FileReport


def render_json(reports: list[FileReport]) -> str:
    files = []
    for report in reports:
        entry = {"path": report.path, "drugs": [{"id": d} for d in report.drugs],
                 "findings": [f.to_dict() for f in report.findings]}
        if report.error:
            entry["error"] = report.error
        files.append(entry)
    return json.dumps({"files": files}, indent=2, ensure_ascii=False) + "\n"

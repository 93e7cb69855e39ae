"""Baselines for adopting druglint on an existing library: record today's findings, then
fail only on new ones. A fingerprint is the file, rule, drug, subject and the finding's
own text, never its line, so it survives edits elsewhere in the file."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from pathlib import Path

from lint.model.findings import FileReport, Finding

VERSION = 1


def fingerprint(path: str, finding: Finding) -> str:
    """A stable id for a finding that ignores where in the file it sits."""
    text = " ".join((finding.text or "").split()).lower()
    key = "\x1f".join([Path(path).as_posix(), finding.rule, finding.drug or "", finding.subject or "", text])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def write_baseline(path: str, reports: list[FileReport]) -> int:
    """Record every finding of the reports (atomically); returns how many."""
    prints = sorted(fingerprint(r.path, f) for r in reports for f in r.findings)
    payload = json.dumps({"version": VERSION, "tool": "druglint", "findings": prints}, indent=1) + "\n"
    folder = os.path.dirname(os.path.abspath(path))
    with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, encoding="utf-8", suffix=".tmp") as handle:
        handle.write(payload)
    os.replace(handle.name, path)
    return len(prints)


def read_baseline(path: str) -> Counter[str]:
    """The fingerprints a baseline file records (a finding may be recorded several times)."""
    from lint.knowledge.yamlfile import DataError
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            raise ValueError("no 'findings' list")
    except (OSError, ValueError) as error:
        raise DataError(path, f"not a druglint baseline: {error}") from None
    return Counter(data["findings"])


def filter_new(reports: list[FileReport], known: Counter[str]) -> int:
    """Remove findings the baseline records, in place; returns how many were removed."""
    remaining = Counter(known)
    removed = 0
    for report in reports:
        kept = []
        for finding in report.findings:
            key = fingerprint(report.path, finding)
            if remaining[key] > 0:
                remaining[key] -= 1
                removed += 1
            else:
                kept.append(finding)
        report.findings = kept
    return removed

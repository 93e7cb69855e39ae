"""Baselines for adopting druglint on an existing library: record today's findings, then
fail only on new ones. A fingerprint is the file (relative to the baseline's folder), rule,
drug, subject and the finding's own text, never its line, so it survives edits elsewhere in
the file and runs from another folder."""
from __future__ import annotations

import hashlib
import json
import os
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
    """Record every finding of the reports (atomically, readable by others as a new file
    would be: 0644 under the usual umask); returns how many. A folder that is missing or
    cannot be written is a DataError naming the file."""
    from lint.knowledge.yamlfile import DataError
    from lint.report.output import write_atomic
    base = _folder_of(path)
    prints = sorted(fingerprint(_relative(r.path, base), f) for r in reports for f in r.findings)
    payload = json.dumps({"version": VERSION, "tool": "druglint", "findings": prints}, indent=1) + "\n"
    try:
        write_atomic(path, payload)
    except OSError as error:
        raise DataError(path, f"cannot write the baseline: {error.strerror or error}") from None
    return len(prints)


def read_baseline(path: str) -> Counter[str]:
    """The fingerprints a baseline file records (a finding may be recorded several times).
    Anything else (not JSON, nested too deep, another tool's file, wrong types) is a DataError
    with a one-line reason."""
    from lint.knowledge.yamlfile import DataError
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, ValueError) as error:
        raise DataError(path, f"not a druglint baseline: cannot read: {_one_line(error)}") from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise DataError(path, "not a druglint baseline: JSON nested too deeply") from None
    except ValueError as error:
        raise DataError(path, f"not a druglint baseline: invalid JSON: {_one_line(error)}") from None
    problem = _baseline_problem(data)
    if problem:
        raise DataError(path, f"not a druglint baseline: {problem}")
    return Counter(data["findings"])


def _baseline_problem(data: object) -> str | None:
    """What makes parsed JSON something other than a druglint baseline, if anything."""
    if not isinstance(data, dict):
        return f"expected a JSON object, found {_json_type(data)}"
    if data.get("tool", "druglint") != "druglint":
        return "'tool' is not \"druglint\""
    if data.get("version", VERSION) != VERSION:
        return f"unsupported 'version' (this druglint reads version {VERSION})"
    findings = data.get("findings")
    if not isinstance(findings, list):
        return "no 'findings' list"
    wrong = next((i for i, item in enumerate(findings) if not isinstance(item, str)), None)
    if wrong is not None:
        return f"'findings[{wrong}]' is {_json_type(findings[wrong])}, expected a fingerprint string"
    return None


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())[:200]


def _folder_of(baseline_path: str) -> Path:
    return Path(baseline_path).resolve().parent


def _relative(article_path: str, base: Path) -> str:
    """An article's path relative to the baseline's folder, so a fingerprint does not depend
    on the folder druglint ran from or on how the path was typed ('-' stays '-')."""
    if article_path == "-":
        return article_path
    try:
        return os.path.relpath(Path(article_path).resolve(), base)
    except ValueError:  # another drive on Windows
        return Path(article_path).resolve().as_posix()


def filter_new(reports: list[FileReport], remaining: Counter[str], baseline_path: str = ".") -> int:
    """Remove findings the baseline at `baseline_path` records, in place, using up each
    fingerprint of `remaining` as it matches (a finding recorded twice hides two); returns how
    many were removed. Paths are taken relative to the baseline's folder (baselines written
    before that recorded them as typed, and still match that way)."""
    removed = 0
    base = _folder_of(baseline_path)
    for report in reports:
        kept = []
        for finding in report.findings:
            key = fingerprint(_relative(report.path, base), finding)
            if remaining[key] <= 0:
                key = fingerprint(report.path, finding)
            if remaining[key] > 0:
                remaining[key] -= 1
                removed += 1
            else:
                kept.append(finding)
        report.findings = kept
    return removed

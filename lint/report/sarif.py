"""SARIF 2.1.0 report, for code scanning tools (GitHub code scanning, IDE viewers).

One run; `tool.driver.rules` describes every rule (the checks and the shipped house-rule
packs) from its documentation; each finding is a result located by line, column and
character offset (columns count Unicode code points). A document-level finding (a warning
missing everywhere) is located at line 1 of its file. Files that could not be read become
tool execution notifications.
"""
from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from lint import __version__
from lint.checks import all_rules
from lint.checks.rule import Rule, explain
from lint.model.findings import FileReport, Finding
from lint.report.spans import end_position
from lint.workflow.baseline import fingerprint

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# Characters json.dumps leaves raw with ensure_ascii=False that a terminal or log viewer may act on
# (C1 controls such as CSI, line and paragraph separators, bidirectional overrides): written as
# \\u escapes, which leave the JSON's data unchanged (they can only occur inside strings).
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in
                 [*range(0x7f, 0xa0), 0x2028, 0x2029, *range(0x202a, 0x202f), *range(0x2066, 0x206a)]}


def render_sarif(reports: list[FileReport]) -> str:
    """The reports as one SARIF 2.1.0 log (JSON text)."""
    known = all_rules()
    rule_ids = list(known) + sorted({f.rule for r in reports for f in r.findings} - set(known))
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    results = [_result(report, finding, index) for report in reports for finding in report.findings]
    notifications = [{"level": "error", "message": {"text": f"{report.path}: {report.error}"},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(report.path)}}}]}
                     for report in reports if report.error]
    run = {
        "tool": {"driver": {"name": "druglint", "version": __version__, "semanticVersion": __version__,
                            "rules": [_rule(rule_id, known.get(rule_id)) for rule_id in rule_ids]}},
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False).translate(_JSON_ESCAPES) + "\n"


def artifact_uri(path: str) -> str:
    """A URI reference for a report path: relative paths stay relative (to the folder
    druglint ran in, the repository root in CI), absolute ones become file: URIs."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix(), safe="/")


def _rule(rule_id: str, rule: Rule | None) -> dict:
    """A reporting descriptor from a rule's documentation (its id alone for a rule from an
    editor's own pack, which the report does not know)."""
    if rule is None:
        return {"id": rule_id}
    sections = [(title, " ".join(text.split())) for title, text in rule.doc.sections()]
    return {
        "id": rule_id,
        "name": "".join(word.capitalize() for word in rule_id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": sections[0][1] if sections else rule.summary},
        "help": {"text": explain(rule),
                 "markdown": "\n\n".join(f"**{heading}**\n\n{body}" for heading, body in sections)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"severity": str(rule.severity), **({"severityNote": rule.severity_note}
                                                           if rule.severity_note else {})},
    }


def _result(report: FileReport, finding: Finding, rule_index: dict[str, int]) -> dict:
    region: dict = {"startLine": 1}
    end = end_position(finding)
    if end is not None and finding.start is not None:
        region = {"startLine": finding.line, "startColumn": finding.column,
                  "endLine": end[0], "endColumn": end[1],
                  "charOffset": finding.start, "charLength": (finding.end or finding.start) - finding.start}
        if finding.text:
            region["snippet"] = {"text": finding.text}
    result: dict = {"ruleId": finding.rule, "ruleIndex": rule_index[finding.rule]}
    properties = {"severity": finding.severity, "drug": finding.drug, "subject": finding.subject,
                  "labelFact": finding.label_fact, "labelSource": finding.source,
                  "suggestion": finding.suggestion, **finding.extra}
    result.update({
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(report.path)},
                                            "region": region}}],
        "partialFingerprints": {"druglint/v1": fingerprint(report.path, finding)},
        "properties": {key: value for key, value in properties.items() if value is not None},
    })
    return result

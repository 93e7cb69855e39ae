"""Lint one article: read it, analyse it, extract claims, run the checks."""
from __future__ import annotations

from dataclasses import dataclass

from lint import suppress
from lint.checks import RULES, house_rules
from lint.claims import extract_claims
from lint.document import Document
from lint.findings import FileReport, Finding
from lint.nlp.pipeline import analyse
from lint.readers import read_document
from lint.reference import load_reference


@dataclass(frozen=True)
class Options:
    profile_dirs: tuple[str, ...] = ()
    disabled_rules: frozenset[str] = frozenset()
    severities: tuple[tuple[str, str], ...] = ()  # (rule, severity) overrides from config
    rule_dirs: tuple[str, ...] = ()  # extra house-rule pack folders (the shipped packs always run)


def lint_document(document: Document, options: Options = Options()) -> FileReport:
    """Run every enabled check on a parsed document."""
    reference = load_reference(options.profile_dirs)
    doc = analyse(document, options.profile_dirs)
    claims = extract_claims(doc, reference)
    findings: list[Finding] = []
    for rule_id, module in RULES.items():
        if rule_id not in options.disabled_rules:
            findings += module.check(claims, reference)
    findings += house_rules.check(doc, claims, reference, options.rule_dirs, options.disabled_rules)
    findings = suppress.apply(document.source, findings)
    overrides = dict(options.severities)
    for finding in findings:
        finding.severity = overrides.get(finding.rule, finding.severity)
        if finding.start is not None:
            finding.line, finding.column = document.line_col(finding.start)
            finding.text = document.source[finding.start:finding.end]
    findings.sort(key=lambda f: (f.start is not None, f.start or 0, f.rule))
    return FileReport(path=document.path, drugs=claims.drugs, findings=findings, source=document.source)


def lint_text(path: str, source: str, options: Options = Options(), fmt: str | None = None) -> FileReport:
    """Lint decoded article text (the reader is chosen from the path's suffix unless given)."""
    return lint_document(read_document(path, source, fmt), options)

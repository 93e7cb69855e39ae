"""The Linter: built once from a configuration, it owns the reference data, the spaCy
pipeline and the rules, and lints articles: read -> analyse -> claims -> rules -> findings.

    from lint import Linter, LinterConfig
    linter = Linter(LinterConfig(disabled_rules=frozenset({"missing-warning"})))
    report = linter.lint_text("draft.md", "# Klonopin\\n\\nTake up to 10 mg a day for panic.")
    for finding in report.findings:
        print(finding.line, finding.rule, finding.message)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from lint.checks import all_rules
from lint.checks.claims_sheet import claims_sheet
from lint.checks.rule import CheckContext, Rule
from lint.claims.extract import ArticleClaims, extract_claims
from lint.knowledge.reference import Reference, load_reference
from lint.model.document import Document
from lint.model.findings import FileReport, Finding, Severity
from lint.nlp.pipeline import analyse, build_pipeline
from lint.readers import read_document
from lint.workflow import suppress


@dataclass(frozen=True)
class LinterConfig:
    """What a Linter is built from: extra profile and pack folders, rules turned off, and
    severities set per rule (a configuration file's `rules:` levels)."""

    profile_dirs: tuple[str, ...] = ()
    rule_dirs: tuple[str, ...] = ()  # extra house-rule pack folders (the shipped packs always run)
    disabled_rules: frozenset[str] = frozenset()
    severities: tuple[tuple[str, str], ...] = field(default=())  # (rule id, severity) overrides


class Linter:
    """Lints articles with one configuration; build it once and reuse it."""

    def __init__(self, config: LinterConfig = LinterConfig()) -> None:
        self.config = config
        self.reference: Reference = load_reference(config.profile_dirs)
        self.nlp = build_pipeline(config.profile_dirs)
        self.rules: dict[str, Rule] = all_rules(config.rule_dirs)
        self.enabled: list[Rule] = [r for r in self.rules.values() if r.id not in config.disabled_rules]
        self.severity_overrides = {rule: Severity(level) for rule, level in config.severities}

    @classmethod
    def for_config(cls, config: LinterConfig) -> Linter:
        """A shared Linter for a configuration (built on first use, then reused)."""
        return _shared_linter(config)

    def analyse(self, document: Document) -> Doc:
        """The analysed spaCy Doc of a document (sentences, drugs, conditions, doses, cues)."""
        return analyse(document, self.config.profile_dirs)

    def claims(self, doc: Doc) -> ArticleClaims:
        """What an analysed article asserts, as claims."""
        return extract_claims(doc, self.reference)

    def lint_document(self, document: Document) -> FileReport:
        """Run every enabled rule on a parsed document."""
        doc = self.analyse(document)
        context = CheckContext(doc=doc, claims=self.claims(doc), reference=self.reference,
                               known_rules=frozenset(self.rules), source=document.source)
        findings: list[Finding] = []
        for rule in self.enabled:
            if not rule.after_suppression:
                findings += rule.check(context)
        findings, context.unused_directives = suppress.apply(document.source, findings)
        for rule in self.enabled:
            if rule.after_suppression:
                findings += rule.check(context)
        for finding in findings:
            finding.severity = self.severity_overrides.get(finding.rule, finding.severity)
            if finding.start is not None:
                finding.line, finding.column = document.line_col(finding.start)
                finding.text = document.source[finding.start:finding.end]
        findings.sort(key=lambda f: (f.start is not None, f.start or 0, f.rule))
        claims = claims_sheet(context.claims, self.reference)
        for claim in claims:
            if claim.start is not None:
                claim.line, claim.column = document.line_col(claim.start)
        return FileReport(path=document.path, drugs=context.claims.drugs, findings=findings,
                          source=document.source, claims=claims)

    def lint_text(self, path: str, source: str, fmt: str | None = None) -> FileReport:
        """Lint decoded article text (the reader is chosen from the path's suffix unless given)."""
        return self.lint_document(read_document(path, source, fmt))


@lru_cache(maxsize=16)
def _shared_linter(config: LinterConfig) -> Linter:
    return Linter(config)

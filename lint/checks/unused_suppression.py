"""unused-suppression: an inline druglint-disable directive that silences no finding."""
from __future__ import annotations

from lint.checks.rule import BuiltinRule, CheckContext, RuleDoc
from lint.model.findings import Finding, Severity
from lint.workflow import suppress

ID = "unused-suppression"
SUMMARY = "An inline druglint-disable directive that silences no finding."
RULE_DOC = RuleDoc(
    what="""
        A `druglint-disable`, `-disable-next-line`, `-disable-line` or `-disable-file` comment
        that no finding falls under, a misspelt directive (`druglint-disabel-line`), and a
        directive naming a rule id no rule has.
    """,
    why="""
        A stale suppression would silently hide a future problem in the same place.
    """,
    example="""
        <!-- druglint-disable-next-line dose-out-of-range --> above a line that states no dose.
    """,
    instead="""
        Remove the directive.
    """,
    known_problems="""
        A directive naming a rule that is turned off in the configuration is reported as
        unused, since that rule produced nothing to silence.
    """,
)


def findings_of(context: CheckContext) -> list[Finding]:
    """One finding per directive that silenced nothing, misspelt directive, or unknown rule id."""
    findings = [Finding(rule=ID, severity=Severity.WARNING, subject="unused-suppression",
                        start=region.directive_start, end=region.directive_end,
                        message=f"this directive silences no finding ({', '.join(sorted(region.rules))})",
                        suggestion="Remove the directive.")
                for region in context.unused_directives]
    findings += [Finding(rule=ID, severity=Severity.WARNING, subject="unknown-directive", start=start, end=end,
                         message=message, suggestion="Correct the directive's spelling or its rule id.")
                 for start, end, message in suppress.problems(context.source, context.known_rules)]
    return findings


RULE = BuiltinRule(id=ID, severity=Severity.WARNING, summary=SUMMARY, doc=RULE_DOC, run=findings_of,
                   after_suppression=True)

"""unknown-drug: the article is about a drug druglint has no reference profile for."""
from __future__ import annotations

from lint.checks.rule import BuiltinRule, RuleDoc
from lint.claims.extract import ArticleClaims
from lint.knowledge.reference import Reference
from lint.model.findings import Finding, Severity

ID = "unknown-drug"
SUMMARY = "No reference profile matches the drug this article is about, so no label check ran."
RULE_DOC = RuleDoc(
    what="""
        An article in which druglint recognises no drug it has a reference profile for.
    """,
    why="""
        Silence would look like a clean bill of health. This line says the label checks did
        not run, so an editor knows the article still needs a human review.
    """,
    example="""
        An article about a drug with no file in rules/drugs/.
    """,
    instead="""
        Nothing in the article: add a profile for the drug (`druglint profile import` drafts
        one from an openFDA label record) or point `--profiles DIR` at your own.
    """,
    known_problems="""
        A drug named only by a brand or misspelling druglint does not know is not recognised,
        and the article is reported as about no profiled drug.
    """,
)


def findings_of(claims: ArticleClaims, reference: Reference) -> list[Finding]:
    """One info finding when no profiled drug is mentioned."""
    if claims.main_drug is not None:
        return []
    return [Finding(rule=ID, severity=Severity.INFO, subject="no-profile",
                    message="No drug with a reference profile was recognised; label checks did not run "
                            f"({len(reference.profiles)} drugs known: see `druglint drugs`).")]


RULE = BuiltinRule(id=ID, severity=Severity.INFO, summary=SUMMARY, doc=RULE_DOC,
                   run=lambda context: findings_of(context.claims, context.reference))

"""unknown-drug: the article is about a drug druglint has no reference profile for."""
from __future__ import annotations

from lint.claims import ArticleClaims
from lint.findings import Finding
from lint.reference import Reference

ID = "unknown-drug"
SEVERITY = "info"
SUMMARY = "No reference profile matches the drug this article is about, so no label check ran."
EXPLANATION = """
What it finds
  An article in which druglint recognises no drug it has a reference profile for.

Why it matters
  Silence would look like a clean bill of health. This line says the label checks did
  not run, so an editor knows the article still needs a human review.

Example
  An article about a drug with no file in rules/drugs/.

What to write instead
  Nothing in the article: add a profile for the drug (`druglint profile import` drafts
  one from an openFDA label record) or point `--profiles DIR` at your own.
"""


def check(claims: ArticleClaims, reference: Reference) -> list[Finding]:
    """One info finding when no profiled drug is mentioned."""
    if claims.main_drug is not None:
        return []
    return [Finding(rule=ID, severity="info", subject="no-profile",
                    message="No drug with a reference profile was recognised; label checks did not run "
                            f"({len(reference.profiles)} drugs known: see `druglint drugs`).")]

"""missing-warning: a required warning topic of the drug's label is never mentioned."""
from __future__ import annotations

from lint.checks.rule import BuiltinRule, RuleDoc
from lint.claims.extract import ArticleClaims
from lint.knowledge.reference import Reference
from lint.model.findings import Finding, Severity

ID = "missing-warning"
SUMMARY = "A warning the drug's FDA label requires readers to know is never mentioned."
RULE_DOC = RuleDoc(
    what="""
        Each warning topic the drug's reference profile marks as required (every boxed-warning
        topic, and key contraindications and warnings) that the article never mentions, in any
        wording that carries the meaning. Each missing topic is reported once, on its own. The
        drugs checked are the article's main drug and any other it is about (mentioned about as
        often, or named in the title) for which it gives a dose or presents a use: a drug only
        spoken of ("fentanyl-laced pills" in a leaflet about naloxone) is not checked.
    """,
    why="""
        A boxed warning is the FDA's strongest caution. An article that explains how to take
        clonazepam but never says that combining it with opioids can stop a person's breathing
        leaves out the fact most likely to save a reader's life.
    """,
    example="""
        An article on clonazepam that says only "Avoid alcohol/narcotics" never states the
        boxed warning on concomitant opioid use (profound sedation, respiratory depression,
        coma, death).
    """,
    instead="""
        The suggested sentence in the finding, or your own wording of the label's point, e.g.
        "Taking clonazepam with opioid medicines can cause extreme sleepiness, slowed or
        stopped breathing, coma and death." A sentence that presents a use or benefit of the
        drug does not count as mentioning a warning.
    """,
    known_problems="""
        A mention is found by its wording in one sentence (or a sentence and the one that
        carries it on); a warning explained across a whole paragraph in unusual words can be
        missed, and a sentence that names the topic to deny it may still count.
    """,
)


def findings_of(claims: ArticleClaims, reference: Reference) -> list[Finding]:
    """One finding per required topic of each drug the article is about that no sentence carries."""
    findings = []
    for drug in claims.subject_drugs:
        if drug != claims.main_drug and not _presented_as_medicine(claims, drug):
            continue  # "fentanyl-laced pills" in a zine about naloxone: spoken of, not taken
        profile = reference.profiles[drug]
        mentioned = {m.topic for m in claims.warnings if m.drug == profile.id}
        for topic in profile.warnings:
            if not topic.required or topic.id in mentioned:
                continue
            kind = {"boxed": "boxed warning", "contraindication": "contraindication"}.get(topic.kind, "warning")
            findings.append(Finding(
                rule=ID, severity=Severity.ERROR if topic.kind == "boxed" else Severity.WARNING, drug=profile.id,
                subject=topic.id, message=f"{profile.generic}: {topic.topic} ({kind}) is never mentioned. "
                                          f"Label: {topic.fact}",
                label_fact=topic.fact, source=f"{profile.source(topic.source).cite()}; {topic.section}".rstrip("; "),
                suggestion=topic.suggestion))
    return findings


def _presented_as_medicine(claims: ArticleClaims, drug: str) -> bool:
    """True when the article gives a dose of the drug or presents a use of it."""
    return any(dose.drug == drug for dose in claims.doses) \
        or any(use.drug == drug and use.presented_as_use and not use.negated for use in claims.uses)


RULE = BuiltinRule(id=ID, severity=Severity.ERROR, summary=SUMMARY, doc=RULE_DOC,
                   severity_note="warning for required topics that are not boxed warnings",
                   run=lambda context: findings_of(context.claims, context.reference))

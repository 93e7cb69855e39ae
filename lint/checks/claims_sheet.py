"""The claims sheet: every use, dose and warning claim druglint read in an article, with
its verdict and the label fact behind it (claim traceability: an editor sees what was
checked, not only what failed). Not a rule: it reuses the rules' own judgements."""
from __future__ import annotations

from lint.checks import dose_out_of_range, unlabeled_indication
from lint.claims.extract import ArticleClaims, DoseClaim, UseClaim, WarningMention
from lint.knowledge.reference import Reference
from lint.model.findings import Claim, Verdict


def claims_sheet(claims: ArticleClaims, reference: Reference) -> list[Claim]:
    """The verdict of every claim, in text order (missing warnings, which have no place, last)."""
    sheet = [_use_claim(use, reference) for use in claims.uses
             if use.presented_as_use or use.negated or use.hedged or use.off_label]
    sheet += [_dose_claim(dose, reference) for dose in claims.doses]
    sheet.sort(key=lambda claim: claim.start or 0)
    return sheet + _warning_claims(claims, reference)


def _use_claim(use: UseClaim, reference: Reference) -> Claim:
    claim = Claim(kind="use", verdict=Verdict.NOT_JUDGED, text=use.text, drug=use.drug,
                  start=use.start, end=use.end)
    reason = unlabeled_indication.not_judged_reason(reference, use)
    if reason:
        claim.reason = reason
        return claim
    profile = reference.profiles[use.drug]
    indication = unlabeled_indication.supporting_indication(reference, profile, use)
    if indication is None:
        claim.verdict, claim.reason = Verdict.UNLABELED, f"presented as a use ({use.reason}); not a labeled indication"
        claim.label_fact = "; ".join(ind.fact.split(";")[0].rstrip(".") for ind in profile.indications) or None
        if profile.indications:
            claim.source = profile.source(profile.indications[0].source).cite()
        return claim
    if (excluded := unlabeled_indication.excluded_age(reference, profile, use)) is not None:
        claim.verdict = Verdict.UNLABELED
        claim.reason = f"labeled indication '{indication.id}', but not at age {use.age_years:g}"
        claim.label_fact, claim.label_section = excluded.silent or excluded.fact, excluded.section
        claim.source = profile.source(excluded.source).cite()
        return claim
    claim.verdict, claim.reason = Verdict.LABELED, f"covered by the labeled indication '{indication.id}'"
    claim.label_fact, claim.label_section = indication.fact, indication.section
    claim.source = profile.source(indication.source).cite()
    return claim


def _dose_claim(dose: DoseClaim, reference: Reference) -> Claim:
    claim = Claim(kind="dose", verdict=Verdict.NOT_JUDGED, text=dose.text, drug=dose.drug,
                  start=dose.start, end=dose.end)
    profile = reference.profiles[dose.drug]
    judged = dose_out_of_range.judge(profile, dose, reference)
    if judged is None:
        claim.reason = "no label dose applies (an unlabeled use, or the label gives no number here)"
        return claim
    entry, violation = judged
    if not violation and dose_out_of_range.for_unlabeled_use(profile, dose, reference):
        claim.reason = "stated for an unlabeled use; not above what the label gives for its labeled uses"
        return claim
    claim.verdict = Verdict.OUT_OF_RANGE if violation else Verdict.LABELED
    claim.reason = violation or f"within the label's dose for {dose_out_of_range.describe(entry)}"
    claim.label_fact, claim.label_section = entry.fact, entry.section
    claim.source = profile.source(entry.source).cite()
    return claim


def _warning_claims(claims: ArticleClaims, reference: Reference) -> list[Claim]:
    """Each required warning of the article's drugs: where it is first mentioned, or missing."""
    sheet = []
    for drug in claims.subject_drugs:
        profile = reference.profiles[drug]
        first: dict[str, WarningMention] = {}
        for mention in claims.warnings:
            if mention.drug == drug:
                first.setdefault(mention.topic, mention)
        for topic in profile.warnings:
            if not topic.required:
                continue
            found = first.get(topic.id)
            kind = {"boxed": "boxed warning", "contraindication": "contraindication"}.get(topic.kind, "warning")
            sheet.append(Claim(
                kind="warning", verdict=Verdict.MENTIONED if found else Verdict.MISSING, text=topic.topic,
                drug=drug, reason=f"required {kind}, {'mentioned' if found else 'never mentioned'}",
                start=found.start if found else None, end=found.end if found else None,
                label_fact=topic.fact, label_section=topic.section or None,
                source=profile.source(topic.source).cite()))
    return sheet

"""unlabeled-indication: a use presented as ordinary that the FDA label does not list."""
from __future__ import annotations

import math
from functools import partial

from lint.checks.restatements import merge_restatements
from lint.checks.rule import BuiltinRule, RuleDoc
from lint.claims.extract import ArticleClaims, UseClaim, covering_indications, is_labeled, too_vague_for
from lint.claims.given_at_age import AgeClaim
from lint.claims.population import ADULT_AGE
from lint.claims.users import UseGroup
from lint.knowledge.reference import DoseEntry, Indication, Profile, Reference
from lint.model.findings import Finding, Severity

ID = "unlabeled-indication"
BODY_REACH = 100  # characters after a labeled line's label where its body's own words may claim the use
HEAD_REASONS = ("label in a", "item in a")  # how extract.py says a use heads its block
SUMMARY = "A condition is presented as a use or benefit of the drug, but it is not a labeled indication."
RULE_DOC = RuleDoc(
    what="""
        A condition the article presents as a use or benefit of a drug ("used to treat
        insomnia", "For depression:", an item under a "Uses" or "Benefits" heading, "helps
        with", "relieves") that is not one of the drug's FDA-labeled indications, nor a kind of
        one. Also the drug given to a child younger than every labeled use of the product
        ("My 4-year-old has been on Adderall XR"). Not reported: negated mentions ("not approved
        for"), hedged or attributed ones ("you may read that..."), uses the article calls
        off-label (in the same clause), conditions named as side effects, warnings or patient
        history, and uses tied to another drug in the sentence.
    """,
    why="""
        Readers take a listed use as an approved one. Presenting clonazepam as a treatment for
        depression or insomnia invites people to take a controlled, habit-forming drug for
        conditions it was never shown to treat safely.
    """,
    example="""
        "Sleep Disorders: Clonazepam is also used to treat sleep problems such as insomnia."
        (clonazepam is labeled for seizure disorders and panic disorder only)
    """,
    instead="""
        Remove the use, or say plainly that it is off-label: "Doctors sometimes prescribe
        clonazepam off-label for insomnia; this use is not FDA-approved."
    """,
    known_problems="""
        Uses are read from benefit predicates, purpose clauses, frames ("keeps X in check"),
        levels brought down ("lowers his blood pressure"), use nouns and adjectives, lists
        under use headings or leads, table columns headed "Why" or "Used for", and
        testimonies the parser reads; what they present is judged when it is a lexicon condition or names a
        complaint or goal. A use in words none of these cover, or in a construction they do
        not know (a negation far from its predicate, a pseudo-cleft), is missed or misread.
        A vague symptom word (anxiety, fatigue) is reported only for a drug with no labeled
        use in its family; stress and swelling never are.
    """,
)


def supporting_indication(reference: Reference, profile: Profile, use: UseClaim) -> Indication | None:
    """The labeled indication that covers a use (of the product the article names), if any."""
    for cid in sorted(use.condition_ids):
        drug, _, indication_id = cid.partition("/")
        covering = [profile.indication(indication_id)] if indication_id and drug == profile.id \
            else reference.labeled_indications(profile, cid) if not indication_id else []
        for indication in covering:
            if indication is not None and (not use.products or not indication.products
                                           or set(indication.products) & use.products):
                return indication
    return None


def not_judged_reason(reference: Reference, use: UseClaim) -> str | None:
    """Why a presented use is not judged (negated, hedged, off-label, a vague symptom word,
    no profile), or None when it is judged against the label."""
    if use.negated:
        return "negated"
    if use.hedged:
        return "hedged or attributed to others"
    if use.off_label:
        return "the article calls it off-label"
    profile = reference.profiles.get(use.drug)
    if profile is None:
        return "no reference profile"
    if too_vague_for(reference, profile, use.condition_ids):
        return "a symptom word the drug's labeled uses may cover, not judged"
    return None


def findings_of(claims: ArticleClaims, reference: Reference) -> list[Finding]:
    """One finding per presented use of an unlabeled condition (once per sentence and condition,
    and the use a list item or labeled line names at its head is not reported again from its
    body: "**Insomnia.** Many take it to fall asleep faster" is one use, reported where a word of
    the body presents it, else at the head)."""
    findings: list[Finding] = []
    seen: dict[tuple[int, str], set[str]] = {}  # (sentence start, drug) -> concepts reported (linear in the article)
    headed: dict[int, set[str]] = {}  # block -> concepts its label or item head reported ("**Insomnia.** Many ...")
    judged = [use for use in claims.uses if use.presented_as_use and not not_judged_reason(reference, use)]
    worded: dict[int, list[tuple[int, str]]] = {}  # block -> (start, concept) a word presents in its body
    for use in judged:
        if use.reason.startswith("'"):
            worded.setdefault(use.block, []).extend((use.start, c) for c in use.condition_ids if "/" not in c)
    for use in sorted(judged, key=lambda u: (u.sentence_start, _presentation_rank(u.reason))):
        profile = reference.profiles[use.drug]
        if is_labeled(reference, profile, use.condition_ids, use.products):
            age_judged = use.age_years is not None and _dose_given(claims, use.drug, use.sentence_start,
                                                                     use.sentence_end, use.age_years)
            if not age_judged and (excluded := _age_outside_label(reference, profile, use)
                                   or _group_outside_label(reference, profile, use)) is not None:
                findings.append(excluded)  # where the sentence doses that age, the dose rule judges it
            continue
        concept = min(c for c in use.condition_ids if "/" not in c)
        if use.reason.startswith(HEAD_REASONS) and any(
                use.end < start <= use.end + BODY_REACH and reference.related(word, concept)
                for start, word in worded.get(use.block, ())):
            continue  # "**Insomnia.** Plenty of GPs hand it out for insomnia": reported where the words claim it
        in_sentence, head = seen.setdefault((use.sentence_start, use.drug), set()), headed.get(use.block, set())
        if any(reference.related(done, concept) for done in in_sentence | head):
            continue  # the same concept, or a kind of one, reported in this sentence or at the head of its block
        in_sentence.add(concept)
        if use.reason.startswith(HEAD_REASONS):
            headed.setdefault(use.block, set()).add(concept)
        name = reference.conditions[concept].name if concept in reference.conditions else f"'{use.text}'"
        labeled = "; ".join(ind.fact.split(";")[0].rstrip(".") for ind in profile.indications)
        first_source = profile.source(profile.indications[0].source) if profile.indications else None
        elsewhere = _labeled_for_other_products(reference, profile, use)
        if elsewhere:  # Ozempic for weight loss: labeled for Wegovy, another product of semaglutide
            named, others = _product_names(profile, use.products), _product_names(profile, elsewhere)
            message = (f"'{use.text}' is presented as a use of {named} ({use.reason}), but {name} is labeled "
                       f"only for other {profile.generic} products ({others}), not for {named}. Labeled: {labeled}.")
            suggestion = (f"Say that {others}, not {named}, is the {profile.generic} product FDA-approved for "
                          f"{name}, or remove this use.")
        else:
            message = (f"'{use.text}' is presented as a use of {profile.generic} ({use.reason}), but {name} is "
                       f"not an FDA-labeled indication. Labeled: {labeled}.")
            suggestion = (f"Remove this use, or state that using {profile.generic} for {name} is off-label "
                          f"(not FDA-approved) and who recommends it.")
        findings.append(Finding(
            rule=ID, severity=Severity.WARNING, drug=profile.id, subject=concept, start=use.start, end=use.end,
            message=message, label_fact=labeled, source=first_source.cite() if first_source else None,
            suggestion=suggestion))
    findings = merge_restatements(findings, partial(_same_use, reference))
    reported = {(use.sentence_start, use.drug) for use in claims.uses if use.presented_as_use}
    findings += [finding for age in claims.ages if (age.sentence_start, age.drug) not in reported
                 and not _dose_given(claims, age.drug, age.sentence_start, age.sentence_end, age.age_years)
                 and (finding := _given_at_excluded_age(reference, age)) is not None]
    return findings


def _same_use(reference: Reference, earlier: Finding, later: Finding) -> bool:
    """The same drug presented for the same concept, or a kind of it."""
    return earlier.drug == later.drug and earlier.subject is not None and later.subject is not None \
        and reference.related(earlier.subject, later.subject)


def _presentation_rank(reason: str) -> int:
    """Which of a sentence's uses of one concept is reported: a use a word presents ("works for
    BV"), where the claim is, then one an improvement testifies to ("my migraines vanished, so
    it's my headache-prevention pill": the pill), then a labeled line's label ("Muscle Spasms:
    ..."), then one its context presents."""
    if reason.startswith("'"):
        return 1 if reason.endswith("(testimony)") else 0
    return 2 if reason.startswith(HEAD_REASONS[0]) else 3


def _dose_given(claims: ArticleClaims, drug: str, sentence_start: int, sentence_end: int, age_years: float) -> bool:
    """True when the sentence that gives the drug at an age also states the dose, for that
    age: the dose rule judges it ('my twins are four and take Ritalin 5 mg twice a day'); a
    frequency alone ('my 10 year old takes it every morning') is no dose it judges."""
    return any(dose.drug == drug and sentence_start <= dose.start < sentence_end and dose.mention.amounts_mg
               and dose.age_years is not None and dose.age_years[0] == age_years for dose in claims.doses)


def _given_at_excluded_age(reference: Reference, claim: AgeClaim) -> Finding | None:
    """'My 4-year-old has been on Adderall XR': the drug given at an age the label doses for
    no use of the product."""
    profile = reference.profiles.get(claim.drug)
    entry = profile.no_dose_at_age(claim.age_years, claim.products) if profile else None
    if profile is None or entry is None:
        return None
    age = f"{claim.age_years:g}-year-old" if claim.age_years >= 1 else f"{claim.age_years * 12:g}-month-old"
    return _age_finding(profile, entry, claim.start, claim.end,
                        f"{profile.generic} is presented as given to a {age} ('{claim.text}')",
                        f"Say that {profile.generic} is not approved for children of this age, or remove the example.")


def _age_finding(profile: Profile, entry: DoseEntry, start: int, end: int, said: str, suggestion: str) -> Finding:
    """A use at an age the label's entry gives no use or dose: what the article says, and the entry."""
    label = entry.silent or entry.fact
    return Finding(
        rule=ID, severity=Severity.WARNING, drug=profile.id, subject=f"{entry.indication or 'use'}-age",
        start=start, end=end, message=f"{said}, but the label gives no use or dose at that age. Label: {label}",
        label_fact=label, source=f"{profile.source(entry.source).cite()}; {entry.section}", suggestion=suggestion)


def excluded_age(reference: Reference, profile: Profile, use: UseClaim) -> DoseEntry | None:
    """The no-dose entry of a labeled use that covers the age of the child the article states
    it for ('a 5-year-old on it for her high blood pressure' where the label starts at 6). An
    entry of one product counts when the article names that product, or when every product of
    the use has such an entry (Lamictal XR is not given under 13, but lamotrigine is from 2)."""
    indication = supporting_indication(reference, profile, use)
    if use.age_years is None or indication is None:
        return None
    if use.age_years >= 18:  # an adult, for a use the label doses only in children ('Kapvay for my adult ADHD')
        return profile.doses_only_children(indication.id, use.products)
    excluded = [entry for entry in profile.doses if entry.no_dose_for_child(use.age_years)
                and entry.indication in (None, indication.id)]
    if use.products:
        return next((entry for entry in excluded if not entry.products or set(entry.products) & use.products), None)
    whole_drug = next((entry for entry in excluded if not entry.products), None)
    if whole_drug is not None:
        return whole_drug
    products = set(indication.products or (product.id for product in profile.products))
    return excluded[0] if excluded and products <= {p for entry in excluded for p in entry.products} else None


def _age_outside_label(reference: Reference, profile: Profile, use: UseClaim) -> Finding | None:
    entry = excluded_age(reference, profile, use)
    if entry is None or use.age_years is None:
        return None
    use_name = (entry.indication or use.text).replace("-", " ")
    who = "an adult" if use.age_years >= 18 else f"a {use.age_years:g}-year-old"
    return _age_finding(profile, entry, use.start, use.end,
                        f"'{use.text}' is presented as a use of {profile.generic} for {who}",
                        f"Say that {profile.generic} is not approved for {use_name} at this age, or remove the example.")


def _group_outside_label(reference: Reference, profile: Profile, use: UseClaim) -> Finding | None:
    """A labeled use presented for people the label does not give it to: a group outside the
    ages or sex of every indication that covers it ("teens who take Lamictal for bipolar
    disorder", "finasteride for hair loss in women"), or children of an age range the label
    doses for no use of the product ("a favourite with teens" where it is not for children)."""
    covering = covering_indications(reference, profile, use.condition_ids, use.products)
    groups = [*use.groups]
    if use.age_years is not None:
        groups.append(UseGroup((use.age_years, use.age_years), None, f"{use.age_years:g}-year-old"))
    for group in groups:
        if not any(indication.admits(group.ages, group.sex) for indication in covering):
            indication = covering[0]
            limits = _limits_text(indication)
            return Finding(
                rule=ID, severity=Severity.WARNING, drug=profile.id, subject=f"{indication.id}-population",
                start=use.start, end=use.end,
                message=(f"'{use.text}' is presented as a use of {profile.generic} for {group.text}, but the label "
                         f"gives this use only for {limits}. Label: {indication.fact}"),
                label_fact=indication.fact, source=f"{profile.source(indication.source).cite()}; {indication.section}",
                suggestion=f"Say that {profile.generic} is approved for this use only for {limits}, or remove the example.")
        if group.ages is not None and group.ages[0] != group.ages[1] and group.ages[1] < ADULT_AGE[0] and all(
                profile.no_dose_at_age(age, use.products)
                for age in range(math.ceil(group.ages[0]), math.floor(group.ages[1]) + 1)):
            entry = profile.no_dose_at_age(group.ages[0], use.products)
            assert entry is not None
            return _age_finding(profile, entry, use.start, use.end,
                                f"'{use.text}' is presented as a use of {profile.generic} for {group.text}",
                                f"Say that {profile.generic} is not approved for children of this age, or remove the example.")
    return None


def _limits_text(indication: Indication) -> str:
    """Who the label gives a use to, in words: 'men', 'patients 10 years and older', 'adults'."""
    who = {"male": "men", "female": "women"}.get(indication.sex or "", "patients")
    if indication.age_years is None:
        return who
    low, high = indication.age_years
    if low is not None and low >= ADULT_AGE[0] and high is None:
        return "adults" if who == "patients" else f"adult {who}"
    if high is None:
        return f"{who} {low:g} years and older"
    return f"{who} {low or 0:g} to {high:g} years old"


def _labeled_for_other_products(reference: Reference, profile: Profile, use: UseClaim) -> frozenset[str]:
    """The drug's other products whose labeled indications cover a use the article ties to
    a product they are not (empty when no product is named or none covers it)."""
    if not use.products:
        return frozenset()
    return frozenset(product for cid in use.condition_ids if "/" not in cid
                     for indication in reference.labeled_indications(profile, cid)
                     for product in indication.products if product not in use.products)


def _product_names(profile: Profile, product_ids: frozenset[str]) -> str:
    """Products as readers know them: each product's first cue ('Wegovy'), else its id."""
    names = {p.id: (p.cues[0] if p.cues else p.id) for p in profile.products}
    return " or ".join(sorted(names.get(product_id, product_id) for product_id in product_ids))


RULE = BuiltinRule(id=ID, severity=Severity.WARNING, summary=SUMMARY, doc=RULE_DOC,
                   run=lambda context: findings_of(context.claims, context.reference))

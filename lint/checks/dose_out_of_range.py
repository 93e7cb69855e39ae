"""dose-out-of-range: a stated dose outside the label's range for its use and population."""
from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import replace

from lint.checks.restatements import merge_restatements
from lint.checks.rule import BuiltinRule, RuleDoc
from lint.claims.extract import DIALYSIS, ArticleClaims, DoseClaim, is_vague
from lint.claims.population import ADULT_AGE, GERIATRIC_AGE, PEDIATRIC_AGE
from lint.knowledge.reference import DoseEntry, Profile, Reference
from lint.model.findings import Finding, Severity
from lint.nlp.doses import DAYS_A_MONTH, DoseMention

ID = "dose-out-of-range"
SUMMARY = "A dose, daily total or frequency falls outside the FDA label's range for its use and population."
RULE_DOC = RuleDoc(
    what="""
        A dose the article states for a drug (a starting, usual, single or maximum dose, or a
        daily total from amount times frequency, units converted) that breaks the label's range
        for the use, population (adults, children by age, the elderly, kidney or liver
        impairment) and product it is stated for; or a frequency above the label's. It stays
        quiet when the label gives no number, when the dose could fit any labeled regimen that
        may apply, and for doses given for unlabeled uses (unlabeled-indication reports those).
    """,
    why="""
        Readers follow numbers. "Up to 10 mg a day for panic disorder" for clonazepam is more
        than twice the labeled maximum of 4 mg/day.
    """,
    example="""
        "Seniors over 75: up to 400 mg of tramadol daily" (the label's maximum over 75 years is
        300 mg/day).
    """,
    instead="""
        The label's range given in the finding, for the same use and population, and a line
        telling readers to follow their prescriber's directions.
    """,
    known_problems="""
        A dose is read from an amount with its frequency, a count of a stated strength, a
        schedule without an amount ("take one every 4 hours"), doses at different times of
        one day, or "another" dose after those of the sentences just before it. A regimen
        spread over a paragraph in other words, a tablet count whose strength is named only
        far away, and weight-based doses without a stated weight are not judged. A label
        entry that applies to any use can stand in for one the article's population lacks.
    """,
)

DEFAULT_AGE = {"adult": ADULT_AGE, "geriatric": GERIATRIC_AGE, "pediatric": PEDIATRIC_AGE}
SPECIAL = ("geriatric", "pediatric", "renal", "hepatic")


CHILD_WEIGHT_KG = 40  # a child who weighs less takes no adult dose unless an adult entry's weight band says so
CHILD_ONLY_WEIGHT_KG = 30  # a person said to weigh less, with no age or group named, is a child
CHILD_WEIGHT_BOUND_KG = 45  # a per-kg dose for those "under 45 kg", with no group named, is a children's dose


def _overlaps(a, b) -> bool:
    if a is None or b is None:
        return True
    low = max(a[0] if a[0] is not None else float("-inf"), b[0] if b[0] is not None else float("-inf"))
    high = min(a[1] if a[1] is not None else float("inf"), b[1] if b[1] is not None else float("inf"))
    return low <= high


def _covered(age, entries: list[DoseEntry]) -> bool:
    """True when the special-population entries cover the claim's whole age range: an entry
    without age bounds covers its population; one with bounds only claims starting inside."""
    for entry in entries:
        if entry.age_years is None:
            return True
        if age is not None and age[0] is not None and entry.age_years[0] is not None and age[0] >= entry.age_years[0]:
            return True
    return False


def _indications(profile: Profile, claim: DoseClaim, reference: Reference) -> set[str] | None:
    """Labeled indication ids the dose is stated for; None when it is stated for an unlabeled use."""
    found: set[str] = set()
    named_by_vague: set[str] = set()  # "if the pain persists" after "diabetic nerve pain" adds nothing
    for condition_ids, text in zip(claim.condition_ids, claim.condition_texts):
        if is_vague(reference, condition_ids) and not any(c.startswith(profile.id + "/") for c in condition_ids):
            named_by_vague |= _named_by(profile, text, reference)
            continue
        labeled = {c.split("/", 1)[1] for c in condition_ids if c.startswith(profile.id + "/")} \
            or {ind.id for cid in condition_ids if "/" not in cid
                for ind in reference.closest_indications(profile, cid, claim.products)}  # the label's own words
        # for a use ("alcohol dependence") name that indication, not the others of a wider lexicon concept (addiction)
        if not labeled:
            return None
        found |= labeled
    return found or named_by_vague


def for_unlabeled_use(profile: Profile, claim: DoseClaim, reference: Reference) -> bool:
    """True when the dose is stated for a use the label does not give."""
    return _indications(profile, claim, reference) is None


def _named_by(profile: Profile, word: str, reference: Reference) -> set[str]:
    """Indications whose condition names contain a vague word, singular or plural: 'anxiety'
    -> generalized anxiety disorder, 'ulcers' -> duodenal ulcer and gastric ulcer."""
    stem = word.lower()[:-1] if word.lower().endswith("s") and len(word) > 3 else word.lower()
    pattern = re.compile(rf"\b{re.escape(stem)}s?\b")  # "ulcers" names a "duodenal ulcer"
    return {ind.id for ind in profile.indications for c in ind.conditions
            if c in reference.conditions and pattern.search(reference.conditions[c].name.lower())}


NOT_SWALLOWED = re.compile(r"inject|infusion|intravenous|intramuscular|^iv\b|-iv\b|^im\b|rectal|nasal|spray|patch|"
                           r"transdermal|cream|ointment|topical|inhal|suppositor", re.I)  # forms not taken by mouth


def _not_swallowed(profile: Profile, product_id: str) -> bool:
    """True for a product not taken by mouth, by its id or its cues ('im-short-acting':
    'IntraMuscular'; 'relprevv': 'long-acting injection')."""
    product = next((p for p in profile.products if p.id == product_id), None)
    return any(NOT_SWALLOWED.search(text) for text in (product_id, *(product.cues if product else ())))


def candidates(profile: Profile, claim: DoseClaim, reference: Reference) -> list[DoseEntry]:
    """The label's dose entries that could apply to a claim (empty: stay quiet)."""
    indications = _indications(profile, claim, reference)
    entries = [e for e in profile.doses if e.setting is None or claim.in_hospital]  # inpatient doses need a hospital
    conditions_named = {condition for conditions in claim.condition_ids for condition in conditions}
    entries = [e for e in entries if not conditions_named & set(e.not_for)]  # "to prevent gout flares": not the
    # flare dose
    if indications is None:  # stated for an unlabeled use: reported only when above all the label gives anyone,
        return _too_young_for_any(profile, entries, claim) or _for_anyone(entries, claim)  # or given at an age it
        # gives none
    if claim.age_years is not None and claim.age_years[1] is None \
            and (too_young := _too_young_for_any(profile, entries, claim, per_use=False)):
        return too_young  # "kids 12 and older can take 500 mg": the youngest of them is below every dose
    if indications:
        for_use = [e for e in entries if e.indication is None or e.indication in indications]
        named_product = {e.id for e in entries if set(e.products) & claim.products}
        if for_use and (not claim.use_carried or not named_product
                        or any(e.id in named_product and e.indication is not None for e in for_use)):
            entries = for_use  # a use carried from sentences before yields to the product named ('Prozac Weekly')
    if claim.products:  # the entries of the product named (with the label's 'no dose at this age' for every
        named = [e for e in entries if set(e.products) & claim.products]  # product), else those for any product
        unnamed = [e for e in entries if not e.products]
        entries = named + [e for e in unnamed if e.no_dose and (e.age_years is not None or e.population == "pediatric")] \
            if any(not e.no_dose for e in named) else named + unnamed if named else unnamed or entries  # a product
        # with only a silence of its own ("the tablet: under 6, ask a doctor") keeps the numbers every product shares
    else:  # no product named: a dose someone takes is not judged by an injection's, a spray's or a gel's numbers,
        # unless those are the only numbers the label gives (a drug made only as a foam)
        taken = [e for e in entries if not e.products or not all(_not_swallowed(profile, p) for p in e.products)]
        entries = taken if any(e.silent is None for e in taken) else entries
    light = (kg := _exact(claim.weight_kg)) is not None and kg < CHILD_ONLY_WEIGHT_KG \
        or claim.mention.per_kg and claim.weight_kg is not None and claim.weight_kg[0] is None \
        and claim.weight_kg[1] is not None and claim.weight_kg[1] <= CHILD_WEIGHT_BOUND_KG  # "under 45 kg, 4.4 mg/kg"
    populations = claim.populations or frozenset({"pediatric" if light else "adult"})  # "he weighs 15 kg": a child
    age = claim.age_years
    special = [e for e in entries if e.population in populations and e.population in SPECIAL
               and _overlaps(e.age_years or DEFAULT_AGE.get(e.population), age or DEFAULT_AGE.get(e.population))]
    special = [e for e in special if not (e.silent and not e.no_dose and e.products and not set(e.products) & claim.products)]
    # a silence about one product ("Coreg CR in older adults") leaves the other products' numbers to judge
    if claim.on_dialysis:  # "on dialysis": the label's dialysis band, when it has one, not every kidney band
        special = [e for e in special if e.population != "renal" or DIALYSIS.search(f"{e.id} {e.fact}")] \
            or special
    adult_age = age or (DEFAULT_AGE.get(next(iter(populations))) if len(populations) == 1 else None) or ADULT_AGE
    adults = [e for e in entries if e.population == "adult" and _overlaps(e.age_years or ADULT_AGE, adult_age)]
    elders_unnumbered = bool(special) and all(e.population == "geriatric" and e.silent and not e.no_dose for e in special)
    if "adult" in populations or elders_unnumbered:  # "start older adults low", no number: the adult limits bound them
        chosen = adults
        if not adults and not claim.populations:  # a product dosed only for children ('Intuniv'): theirs
            chosen = [e for e in entries if e.population == "pediatric"]
    elif special and (not {"geriatric", "pediatric"} & populations or _covered(age, special)):
        chosen = special
    else:
        chosen = special + adults
    weight = claim.weight_kg
    if weight is not None and "adult" not in populations:  # "adults and children 40 kg and over": the band decides
        chosen = chosen + [e for e in entries if e.population == "adult" and e not in chosen and e.weight_kg is not None
                           and e.weight_kg[0] is not None and _overlaps(e.weight_kg, weight)]
    if "pediatric" in populations and (kg := _exact(weight)) is not None and kg < CHILD_WEIGHT_KG:
        chosen = [e for e in chosen if e.population != "adult" or e.weight_kg is not None] or chosen  # a 20 kg child
    if weight is not None:  # a stated weight picks its band, for numbers and for "no dose" groups alike
        chosen = [e for e in chosen if e.weight_kg is None or _overlaps(e.weight_kg, weight)] or chosen
        banded = [e for e in chosen if e.weight_kg is not None]
        chosen = banded + [e for e in chosen if e.weight_kg is None and not e.silent and not any(
            (b.indication, b.population, b.products) == (e.indication, e.population, e.products) for b in banded)] \
            if banded else chosen  # the band of a stated weight outranks the same group's entry for every weight
    if any(e.silent and not e.no_dose and (not e.products or set(e.products) & claim.products)
           and (e.indication is None or e.indication in indications) for e in chosen):
        return []  # the label gives no number here, in the claim's band (for the product named, if the entry has one,
        # and for the use stated, if the entry has one: a silence about one use leaves the others' numbers)
    numeric = [e for e in chosen if not e.silent]
    if not claim.mention.amounts_mg:  # a schedule alone is judged by every entry that gives numbers
        return numeric
    if not claim.mention.per_kg and weight is None:  # with no weight given, weight bands apply only when nothing else does
        numeric = [e for e in numeric if e.weight_kg is None] or numeric
    initial = claim.mention.kind == "initial"
    comparable = [e for e in numeric if _comparable(e, claim.mention.per_kg, initial)
                  or (_exact(weight) and _comparable(e, not claim.mention.per_kg, initial))]
    if not comparable and claim.mention.per_kg and not claim.populations and weight is None:  # "2 mg per kilo a
        comparable = [e for e in entries if e.population == "pediatric" and not e.silent  # day", no one named: a
                      and _comparable(e, True, initial)]  # dose by weight is the children's, where only theirs is
    if not comparable and claim.mention.times_per_day is not None:  # "50 mcg twice a day" against a dose given
        comparable = [e for e in numeric  # only per kg: its frequency is still judged
                      if e.usual.ranges.get("times_per_day") or e.max.get("times_per_day")]
    numeric = comparable
    if initial:  # a starting dose is judged by the entries that give a start (in either unit, for a stated weight)
        numeric = [e for e in numeric if _starts(e, claim.mention.per_kg)
                   or _exact(weight) and _starts(e, not claim.mention.per_kg)] or numeric
    if numeric or not claim.population_alone:
        return numeric
    no_dose = [e for e in chosen if e.no_dose]  # the label gives this group no dose at all
    if claim.products:
        return [e for e in no_dose if not e.products or set(e.products) & claim.products]
    covered = {p for e in no_dose for p in e.products}  # with no product named, every product must be silent
    every_product = {p.id for p in profile.products  # for the group: Rx tablets' silence about children;
                     if not _not_swallowed(profile, p.id)}  # a dose someone takes is not an injection's
    return no_dose if any(not e.products for e in no_dose) or covered >= every_product else []  # leaves the OTC ages


def _too_young_for_any(profile: Profile, entries: list[DoseEntry], claim: DoseClaim,
                       per_use: bool = True) -> list[DoseEntry]:
    """The label's 'no dose at this age' entries that cover the age the article states, for
    every use: one entry for all uses ('He is 5 and takes 25 mg of losartan for Marfan
    syndrome': no dose under 6), or one per labeled use (ondansetron: no oral dose under 4 for
    chemotherapy, none for children after radiotherapy or surgery). The youngest age of a
    group opened at an age ('children 4 and up') stands for the group, judged only by an entry
    that names an age itself (`per_use` False: 'adults and children over 12' of a drug the
    label gives no child is the Drug Facts phrase, not a dose for children)."""
    age = claim.age_years
    if age is None or age[0] is None or age[1] is not None and age[0] != age[1]:
        return []  # an age stated as a number, not "a child" (0-17) or "children 6 to 11"
    youngest = (age[0], age[0])
    for_all_uses = [e for e in entries if e.no_dose and e.indication is None and e.age_years is not None
                    and (not e.products or set(e.products) & claim.products) and _overlaps(e.age_years, youngest)]
    if for_all_uses or not per_use:
        return for_all_uses
    every_use = profile.no_dose_at_age(youngest[0], claim.products)
    return [every_use] if every_use is not None and every_use in entries else []


def _for_anyone(entries: list[DoseEntry], claim: DoseClaim) -> list[DoseEntry]:
    """Every entry with numbers for the product named (any use, any population) that can judge
    the claim."""
    named = [e for e in entries if set(e.products) & claim.products] or entries
    numeric = [e for e in named if not e.silent and not e.no_dose]
    if not claim.mention.amounts_mg:
        return numeric
    return [e for e in numeric if _comparable(e, claim.mention.per_kg, claim.mention.kind == "initial")]


def _exact(weight: tuple[float | None, float | None] | None) -> float | None:
    """The body weight when the article states one number ('a 20 kg child')."""
    return weight[0] if weight is not None and weight[0] is not None and weight[0] == weight[1] else None


def _comparable(entry: DoseEntry, per_kg: bool, initial: bool) -> bool:
    """True when the entry can judge the claim: it has an amount limit in the claim's unit
    (mg or mg/kg), or, for a dose other than a starting one, it is a maintenance schedule
    without a ceiling ("titrated individually every 12 hours"), which accepts any amount
    and judges only the frequency."""
    suffix = "_per_kg" if per_kg else ""
    keys = ("single_mg" + suffix, "daily_mg" + suffix)
    if any(entry.max.get(k) is not None or entry.initial.get(k) or entry.usual.get(k) for k in keys):
        return True
    return not initial and _schedule_only(entry) and not _has_amounts([*entry.max, *entry.initial.ranges])


def _high(regimen, key):
    value = regimen.get(key)
    return value[1] if value else None


def _limit(*values):
    present = [v for v in values if v is not None]
    return max(present) if present else None


def _starts(entry: DoseEntry, per_kg: bool) -> bool:
    """True when the entry gives a starting amount in the claim's unit."""
    suffix = "_per_kg" if per_kg else ""
    return bool(entry.initial.get("single_mg" + suffix) or entry.initial.get("daily_mg" + suffix))


def _has_amounts(keys) -> bool:
    """True when regimen or limit keys include an amount (in mg or mg/kg), not only a schedule."""
    return any(key.startswith(("single_mg", "daily_mg")) for key in keys)


def _fixed_count(entry: DoseEntry) -> float | None:
    """The doses a day of an entry given on a fixed schedule (its usual count is one number,
    and no larger count is allowed): 'twice daily', not 'every 4 to 6 hours as needed'."""
    usual = entry.usual.get("times_per_day")
    if usual is None or usual[0] != usual[1]:
        return None
    most = entry.max.get("times_per_day")
    return usual[1] if most is None or most == usual[1] else None


def _schedule_only(entry: DoseEntry) -> bool:
    """True for an entry whose maintenance regimen is a schedule without amounts ("raised by
    5 mg a week, every 4 to 6 hours"): past the start, any amount fits it."""
    return bool(entry.usual.get("interval_hours") or entry.usual.get("times_per_day")) \
        and not _has_amounts(entry.usual.ranges)


def _max_times(entry: DoseEntry, counted: bool = False) -> float | None:
    """Most doses a day the entry allows by its schedule: the shortest interval when it gives
    one ("every 4 hours" allows 6), else its largest count of doses a day. For a claim that
    counts its doses (`counted`: "three times a day", not "every 4 hours") a stated count
    caps the interval too ("every 4 hours, no more than 5 times in 24 hours" allows 5); so
    does a fixed schedule for any claim, whose interval is only the gap between its doses
    ("twice daily at least 8 hours apart": 'every 8 hours' is three doses, one too many)."""
    intervals = [hours[0] for r in (entry.initial, entry.usual)
                 if (hours := r.get("interval_hours")) is not None and hours[0]]
    if intervals:
        by_interval = 24 / min(intervals)
        cap = entry.max.get("times_per_day") if counted else _fixed_count(entry)
        return min(by_interval, cap or by_interval)
    return _limit(entry.max.get("times_per_day"), _high(entry.initial, "times_per_day"),
                  _high(entry.usual, "times_per_day"))


WEIGHT_ROUNDING = 1.05  # an amount converted with the body weight may exceed a limit by 5% (tablet strengths)


def violation(entry: DoseEntry, claim: DoseClaim, amount: tuple[float, float]) -> str | None:
    """Why one stated amount breaks one label entry, or None when it fits."""
    if entry.no_dose:
        return f"the label gives no dose for {_group(entry)}"
    mention = claim.mention
    if mention.week_total and entry.schedule == "daily":  # "140 mg a week" of a daily drug: 20 mg a day
        mention = replace(mention, per_day=True, times_per_day=None)
        amount = (amount[0] / 7, amount[1] / 7)
    per_kg, kg = mention.per_kg, _exact(claim.weight_kg)
    initial = mention.kind == "initial"
    low, top = amount[0], None if initial else amount[1]  # "50-100 mg" may mean one 100 mg dose
    other_unit: tuple[float, bool] | None = None  # the amount in the other unit, for a stated body weight
    if kg:  # a weight-based limit allows the rounding to whole tablets: 100 mcg for 62 kg is the 1.6 mcg/kg dose
        other_unit = (low * kg, False) if per_kg else (low / kg, True)
    if other_unit and not _comparable(entry, per_kg, initial):  # 260 mg for a 20 kg child vs 13 mg/kg
        return _violation_in(entry, mention, *other_unit, tolerance=WEIGHT_ROUNDING)
    reason = _violation_in(entry, mention, low, per_kg, top)
    if reason is None and other_unit and _comparable(entry, other_unit[1], False):  # 50 mg for 30 kg: 1.7 mg/kg,
        return _violation_in(entry, replace(mention, kind="usual"), *other_unit,  # judged by the ceiling only
                             tolerance=WEIGHT_ROUNDING)
    return reason


def _amount(value: float) -> str:
    """An amount as a reader writes it: '1.67', '150', '0.25', and a small one to two
    significant digits ('0.0032' mg/kg, never '0')."""
    return f"{value:.2g}" if 0 < abs(value) < 0.1 else f"{round(value, 2):g}"


def _violation_in(entry: DoseEntry, mention: DoseMention, low: float, per_kg: bool,
                  top: float | None = None, tolerance: float = 1.0) -> str | None:
    """Why an amount (the low end of a stated range; its top end, when given, as one dose), in
    mg or mg/kg, breaks one entry. A day of doses is counted from the low end: "one or two tablets
    every 4 to 6 hours" is what the label itself says, with its daily cap beside it. A range
    of day totals ("10-40 mg a day") is judged by its top end."""
    suffix = "_per_kg" if per_kg else ""
    single = None if mention.per_day else max(low, top or low)
    times = mention.times_per_day
    doses_a_day = (times[0] if mention.by_interval and _fixed_count(entry) else  # "every 8 hours" of a twice-daily drug
                   min(times[0], entry.max.get("times_per_day") or times[0])) if times else None  # "every 4 hours,
    # at most 5 times": a dose as needed, not around the clock
    daily = max(low, top or low) if mention.per_day else (low * doses_a_day if doses_a_day is not None else None)
    initial = mention.kind == "initial"
    max_single = _limit(entry.max.get("single_mg" + suffix), _high(entry.usual, "single_mg" + suffix))
    max_daily = _limit(entry.max.get("daily_mg" + suffix), _high(entry.usual, "daily_mg" + suffix))
    start_single = _high(entry.initial, "single_mg" + suffix)
    start_daily = _high(entry.initial, "daily_mg" + suffix)
    if initial:  # a first dose is no larger than the first day's amount
        start_day = start_daily or (start_single * _start_doses_a_day(entry) if start_single and not per_kg else None)
        max_single, max_daily = start_single or start_daily or max_single, start_day or max_daily
    elif max_single is None and max_daily is None and not _schedule_only(entry) and not entry.titrated:
        max_single, max_daily = start_single, start_daily  # the start is the only number the label gives
    max_times = _max_times(entry, counted=not mention.by_interval)
    if max_daily is None and max_single is not None and max_times is not None:
        max_daily = max_single * max_times  # no daily number: the largest dose at the most doses a day
    if max_single is None and max_daily is not None:
        max_single = max_daily  # no single-dose number: one dose cannot exceed the day's total
    unit = "mg/kg" if per_kg else "mg"
    what = "starting " if initial else ""
    if (repeated := _repeats_single_dose(entry, mention)) is not None:
        return repeated
    if entry.schedule in ("weekly", "periodic"):
        once_a_week = 1 / 7 if entry.weekly else None  # a weekly entry without an interval gives one dose a week
        return _weekly_violation(entry, mention, max(low, top or low), max_single, max_times or once_a_week, unit, what)
        # "from 1.5 to 6 mg weekly": its top end, one dose
    if single is not None and max_single is not None and single > max_single * tolerance + 1e-9:
        return f"a {what}single dose of {_amount(single)} {unit} is above the label's {_amount(max_single)} {unit}"
    if daily is not None and max_daily is not None and daily > max_daily * tolerance + 1e-9:
        return f"{_amount(daily)} {unit}/day is above the label's {what}maximum of {_amount(max_daily)} {unit}/day"
    return _more_often(times, max_times) or (_less_often(entry, mention) if mention.kind != "max" else None)


def _start_doses_a_day(entry: DoseEntry) -> float:
    """How many starting doses the first day holds: the starting times a day, else one dose
    per starting interval, and at least one ('25 mg every other day' starts with 25 mg)."""
    times = _high(entry.initial, "times_per_day")
    interval = entry.initial.ranges.get("interval_hours")
    if times is None and interval is not None and interval[0]:
        times = 24 / interval[0]
    return max(1.0, times or 1.0)


def _repeats_single_dose(entry: DoseEntry, mention: DoseMention) -> str | None:
    """Why a dose said to repeat ("every day", "twice a day", "every 12 hours") breaks an entry
    the label gives as one single dose, or None. A time of day ("at bedtime") repeats nothing;
    "every day" said without an amount ("take one tablet every day") does."""
    times = mention.times_per_day
    if entry.schedule == "once" and mention.per_day and mention.amounts_mg and not mention.week_total \
            and mention.kind == "usual":  # "one 150 mg tablet every day" (not "up to 150 mg a day", a cap)
        return "a daily amount repeats a dose the label gives once, as a single dose"
    if entry.schedule != "once" or times is None or mention.at_time_of_day and mention.amounts_mg \
            or mention.doses_counted:
        return None
    return f"{_times(times[0])} repeats a dose the label gives once, as a single dose"


def frequency_violation(entry: DoseEntry, mention: DoseMention) -> str | None:
    """Why a schedule stated without an amount breaks an entry: more doses a day than the
    label allows ("every 4 hours" for a drug given every 8 to 12), daily use of a weekly
    drug, or, for a drug the label gives on a fixed daily schedule, fewer doses ("one a
    day is enough" for three times a day). None when it fits or the label gives no count."""
    if entry.no_dose or entry.silent or mention.times_per_day is None:
        return None
    if mention.doses_counted:  # a second dose the same night breaks only a label that says how many a day, at most,
        # or a once-daily extended-release product ("2 mg Intuniv at breakfast and another at bedtime")
        return _more_often(mention.times_per_day, entry.max.get("times_per_day") or _once_daily_release(entry))
    if (repeated := _repeats_single_dose(entry, mention)) is not None:
        return repeated
    max_times = _max_times(entry, counted=not mention.by_interval) or (1 / 7 if entry.weekly else None)
    return _more_often(mention.times_per_day, max_times) or _less_often(entry, mention)


RELEASE_FORM_IDS = frozenset({"er", "xr", "xl", "cr", "la", "sr"})  # a product id's release-form part ("er-tablets")


def _once_daily_release(entry: DoseEntry) -> float | None:
    """1 for an entry of extended-release products only, given once a day (its usual or, when
    it gives no usual one, its starting schedule): its form is made to last the day, so a
    second dose that day breaks it; else None."""
    once = (1.0, 1.0)
    if not entry.products or not all(RELEASE_FORM_IDS.intersection(p.split("-")) for p in entry.products):
        return None
    given = [tuple(times) for times in (entry.usual.get("times_per_day"), entry.initial.get("times_per_day"))
             if times is not None]  # a usual schedule, a starting one, or both
    return 1.0 if given and all(times == once for times in given) else None


def _more_often(times: tuple[float, float] | None, max_times: float | None) -> str | None:
    """Why a stated frequency gives more doses a day than the label's most, or None."""
    if times is not None and max_times is not None and times[0] > max_times + 1e-9:
        return f"{_times(times[0])} is more often than the label's {_times(max_times)}"
    return None


def _less_often(entry: DoseEntry, mention: DoseMention) -> str | None:
    """Why a stated frequency gives fewer doses a day than a daily entry's fewest, or None.
    Doses taken when needed or once, a dose at one time of day ("in the morning"), fewer than
    one a day ("every other day") and a weekly step ("up by 100 mg each week", a titration)
    claim no count to judge."""
    times = mention.times_per_day
    if entry.schedule in ("weekly", "periodic"):
        return _longer_gap(entry, mention)
    if entry.schedule != "daily" or mention.at_time_of_day or times is None or times[1] < 1 - 1e-9:
        return None  # fewer than one a day ("every other day") is a rhythm the label may allow, not a count
    fewest = _min_scheduled_times(entry, starting=mention.kind == "initial")
    if fewest is not None and times[1] < fewest - 1e-9:
        return f"{_times(times[1])} is less often than the label's {_times(fewest)}"
    return None


LATE_DOSE_GRACE = 1.2  # a weekly or longer schedule stretched by less than this is a late dose the label
# forgives (Depo-Provera every 13 weeks, still given up to 15), not another schedule


def _longer_gap(entry: DoseEntry, mention: DoseMention) -> str | None:
    """Why a stated rhythm leaves longer between doses than a weekly or longer schedule
    ("the shot every 6 months" for every 3 months, "once a week" for twice weekly), or None.
    A cap ("at most once a week") and a dose at a time of day claim no rhythm."""
    times = mention.times_per_day
    if times is None or mention.kind == "max" or mention.at_time_of_day or mention.doses_counted:
        return None
    fewest = _min_scheduled_times(entry)  # of both regimens; a weekly or longer entry's intervals are all a day or more
    longest_gap_days = 1 / fewest if fewest else 7.0 if entry.weekly else None
    if longest_gap_days is None or 1 / times[1] <= longest_gap_days * LATE_DOSE_GRACE:
        return None
    return f"{_times(times[1])} is less often than the label's {_times(1 / longest_gap_days)}"


def _weekly_violation(entry: DoseEntry, mention: DoseMention, dose: float, max_single: float | None, max_times: float | None,
                      unit: str, what: str) -> str | None:
    """Why a dose breaks a weekly (or longer) schedule, said in that schedule's own unit:
    a dose above the label's dose, doses more often than it, or more a week than it gives."""
    label_schedule = _times(max_times) if max_times else "per dose"
    if mention.per_day and mention.kind != "initial":  # "56 mg on the first day" is one day's dose, not daily use
        return f"{dose:g} {unit} a day is daily use of a drug the label gives {label_schedule}"
    if max_single is not None and dose > max_single + 1e-9:
        return f"a {what}dose of {dose:g} {unit} is above the label's {max_single:g} {unit} {label_schedule}"
    times = mention.times_per_day
    if times is None or max_times is None:
        return None
    if times[0] > max_times + 1e-9:
        return f"{_times(times[0])} is more often than the label's {label_schedule}"
    return _longer_gap(entry, mention)


def _min_scheduled_times(entry: DoseEntry, starting: bool = True) -> float | None:
    """The fewest doses a day a daily entry gives ('twice daily' -> 2, 'every other day' ->
    0.5), from its regimens' counts, its intervals of a day or more and its fixed intervals
    of 8 hours or more ('every 12 hours'); None for an entry without a count (a range of
    hours, 'every 4 to 6 hours', is often as needed). A dose not stated as a start is not
    held to the start's count where the label then titrates ('by serum level')."""
    regimens = (entry.initial, entry.usual) if starting or not entry.titrated else (entry.usual,)
    lows = [scheduled[0] for regimen in regimens
            if (scheduled := regimen.get("times_per_day")) is not None and scheduled[0]]
    lows += [24 / hours[1] for regimen in regimens
             if (hours := regimen.get("interval_hours")) is not None and hours[1]
             and ((hours[0] or 0) >= 24 or hours[0] == hours[1] >= FIXED_INTERVAL_HOURS)]
    return min(lows) if lows else None


FIXED_INTERVAL_HOURS = 8  # "every 12 hours" exactly, in a daily entry, is a schedule ("once daily" is too few)


def _group(entry: DoseEntry) -> str:
    """'children under 12', 'the elderly', ... as a no-dose entry names its group."""
    low, high = entry.age_years or (None, None)
    people = {"pediatric": "children", "geriatric": "the elderly", "renal": "kidney impairment",
              "hepatic": "liver impairment", "adult": "adults"}[entry.population]
    if entry.population == "pediatric" and high is not None:
        people += f" under {int(high) + 1}" if low is None else f" aged {low:g} to {high:g}"
    return people + (f" ({', '.join(entry.products)})" if entry.products else "")


def _times(per_day: float) -> str:
    """A dosing frequency in words: 'every 4 hours', '3 times a day', 'twice a week'."""
    if per_day > 4 and (24 / per_day).is_integer():
        return "every hour" if per_day == 24 else f"every {24 / per_day:g} hours"
    if per_day >= 1 - 1e-9:
        return {1: "once a day", 2: "twice a day"}.get(round(per_day), f"{per_day:g} times a day") \
            if abs(per_day - round(per_day)) < 1e-9 else f"{per_day:g} times a day"
    per_week = per_day * 7
    if abs(per_week - round(per_week)) < 1e-6:
        return {1: "once a week", 2: "twice a week"}.get(round(per_week), f"{round(per_week)} times a week")
    days = 1 / per_day
    if days >= 28 and abs(days / DAYS_A_MONTH - round(days / DAYS_A_MONTH)) < 0.05:
        return "every month" if round(days / DAYS_A_MONTH) == 1 else f"every {round(days / DAYS_A_MONTH)} months"
    if abs(days / 7 - round(days / 7)) < 1e-6:
        return f"every {round(days / 7)} weeks"
    return f"every {days:g} days"


def _generosity(entry: DoseEntry, claim: DoseClaim) -> tuple[bool, float]:
    """How well an entry explains a finding: one for the product the article names (or for
    any product when it names none) first, then the larger daily amount it allows
    (unbounded for a maintenance schedule without a ceiling)."""
    fits_product = not entry.products or bool(set(entry.products) & claim.products)
    suffix = "_per_kg" if claim.mention.per_kg else ""
    single, daily = (_limit(entry.max.get(key), _high(entry.usual, key), _high(entry.initial, key))
                     for key in ("single_mg" + suffix, "daily_mg" + suffix))
    if daily is None and single is not None:
        daily = single * (_max_times(entry) or 1)
    return fits_product, daily if daily is not None else float("inf")


def describe(entry: DoseEntry) -> str:
    """The entry's use, population, weight band and products: 'panic-disorder, adult'."""
    parts = [entry.population]
    if entry.weight_kg is not None:
        low, high = entry.weight_kg
        parts.append(f"{low:g} kg and over" if high is None else f"up to {high:g} kg" if low is None
                     else f"{low:g}-{high:g} kg")
    if entry.indication:
        parts.insert(0, entry.indication)
    parts += entry.products
    return ", ".join(parts)


def judge(profile: Profile, claim: DoseClaim, reference: Reference) -> tuple[DoseEntry, str | None] | None:
    """The label entry that explains a dose claim and why the claim breaks it (None: it fits
    that entry), or None when no entry applies (an unlabeled use, or no number in the label).
    A claim breaks the label only when one of its amounts breaks every entry that may apply."""
    entries = candidates(profile, claim, reference)
    if not entries:
        return None
    if not claim.mention.amounts_mg:  # a schedule with no amount: "take one caplet every 4 hours"
        reasons = [(entry, frequency_violation(entry, claim.mention)) for entry in entries]
        if all(reason is not None for _, reason in reasons):
            return max(reasons, key=lambda pair: _generosity(pair[0], claim))
        return next(entry for entry, reason in reasons if reason is None), None
    fitting: DoseEntry | None = None
    for amount in claim.mention.amounts_mg:
        reasons = [(entry, violation(entry, claim, amount)) for entry in entries]
        fit = next((entry for entry, reason in reasons if reason is None), None)
        if fit is None:
            return max(reasons, key=lambda pair: _generosity(pair[0], claim))  # the nearest miss explains best
        fitting = fitting or fit
    return fitting or entries[0], None


def findings_of(claims: ArticleClaims, reference: Reference) -> list[Finding]:
    """A finding for each dose claim that breaks every label entry that could apply to it (one
    where a claim inside another breaks the label the same way: "a 300 when she gets home and
    another 150" is one day's 450 mg, not also "150 right before bed")."""
    findings, spans = [], []  # each finding's (reason, entry) and claim span
    for claim in claims.doses:
        profile = reference.profiles[claim.drug]
        judged = judge(profile, claim, reference)
        if judged is None or judged[1] is None:
            continue
        entry, reason = judged
        source = profile.source(entry.source)
        findings.append(Finding(
            rule=ID, severity=Severity.ERROR, drug=profile.id, subject=f"{entry.indication or 'dose'}-{entry.population}",
            start=claim.start, end=claim.end,
            message=f"'{claim.text}': {reason} ({describe(entry)}). Label: {entry.fact}",
            label_fact=entry.fact, source=f"{source.cite()}; {entry.section}",
            suggestion=(f"Remove the dose for {_group(entry)} and say what the label says: {entry.fact}"
                        if entry.no_dose else f"Use the labeled dose: {entry.fact}")))
        spans.append(((reason, entry.id), claim.start, claim.end))
    inside = _inside_a_wider_twin(spans)
    return merge_restatements([finding for index, finding in enumerate(findings) if index not in inside], _same_dose)


FIRST_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _same_dose(earlier: Finding, later: Finding) -> bool:
    """The same entry broken by the same amount ("800 mg a day now. Four 200s.")."""
    return earlier.subject == later.subject and _amount_said(earlier) is not None \
        and _amount_said(earlier) == _amount_said(later)


def _amount_said(finding: Finding) -> str | None:
    """The first number of a finding's reason (after its quoted text): the amount judged."""
    reason = finding.message.split("': ", 1)[-1]
    return match.group() if (match := FIRST_NUMBER.search(reason)) else None


def _inside_a_wider_twin(spans: Sequence[tuple[Hashable, int, int]]) -> set[int]:
    """The indexes of the (key, start, end) spans that lie inside a wider span with the same
    key, found in one sorted pass (a long article may hold thousands of doses)."""
    inside: set[int] = set()
    reach: dict[Hashable, int] = {}  # per key: the furthest end of the spans before the current run
    order = sorted(range(len(spans)), key=lambda i: (spans[i][1], -spans[i][2]))
    run_start = 0
    for position, index in enumerate(order):
        key, start, end = spans[index]
        if position and spans[order[position - 1]][1:] != (start, end):
            for earlier in order[run_start:position]:  # the run of equal spans before this one is done
                reach[spans[earlier][0]] = max(reach.get(spans[earlier][0], -1), spans[earlier][2])
            run_start = position
        if reach.get(key, -1) >= end:  # an earlier, different span of the key starts no later and ends no sooner
            inside.add(index)
    return inside


RULE = BuiltinRule(id=ID, severity=Severity.ERROR, summary=SUMMARY, doc=RULE_DOC,
                   run=lambda context: findings_of(context.claims, context.reference))

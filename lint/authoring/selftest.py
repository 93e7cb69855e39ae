"""Self-tests generated from a reference profile: short articles that state the profile's
own facts, each run through the real engine with the outcome the profile promises.

- indication: each term of each labeled indication's conditions (and the indication's
  own terms), stated as a use ("Clonazepam is used to treat panic disorder."), is read
  as a use of the drug and raises no unlabeled-indication.
- dose-within: each dose entry's own limits and regimens, stated as doses for its
  indication, population and product, are read as doses and raise no dose-out-of-range.
- dose-beyond: three times the most that any entry a reader could mean by the same
  statement allows (same population, a covering indication, a product it names) does
  raise dose-out-of-range; so does any dose stated for a group the label gives no dose
  (a `no_dose` entry: "not established in children", "ask a doctor").
- warning: each alternative of each mention pattern of a required warning topic, put in
  a sentence, counts as mentioning the topic (no missing-warning for it).

A failing self-test means the profile and the engine disagree: either the data is wrong
(a limit that contradicts its own regimen, a pattern that cannot match) or the engine
misreads a plain statement of the label.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from lint.claims.population import ADULT
from lint.knowledge.reference import DoseEntry, Profile, Reference, Regimen

BEYOND_FACTOR = 3
LIMIT_KEYS = ("daily_mg", "single_mg", "daily_mg_per_kg", "single_mg_per_kg")
AMOUNT_WORDS = {"daily_mg": "{} mg a day", "single_mg": "{} mg per dose", "daily_mg_per_kg": "{} mg/kg a day",
                "single_mg_per_kg": "{} mg/kg per dose"}
TIMES_WORDS = {1: "once a day", 2: "twice a day", 3: "three times a day", 4: "four times a day"}
RULE_OF_KIND = {"indication": "unlabeled-indication", "dose-within": "dose-out-of-range",
                "dose-beyond": "dose-out-of-range", "warning": "missing-warning"}


@dataclass(frozen=True)
class SelfTest:
    """One generated article and what the profile promises the engine makes of it."""

    drug: str
    kind: str  # "indication" | "dose-within" | "dose-beyond" | "warning"
    subject: str  # the indication, dose entry or warning topic id
    detail: str  # the term, limit or pattern under test
    text: str

    @property
    def id(self) -> str:
        return f"{self.drug}:{self.kind}:{self.subject}:{self.detail}"

    @property
    def rule(self) -> str:
        return RULE_OF_KIND[self.kind]

    def article(self, title: str) -> str:
        """The sentence under a level-1 heading naming the drug, as an article about it is."""
        return f"# {title}\n\n{self.text}\n"


@dataclass(frozen=True)
class Outcome:
    test: SelfTest
    passed: bool
    detail: str  # why it failed ("" when it passed)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --- indications ------------------------------------------------------------------------------

def indication_terms(profile: Profile, reference: Reference, indication_id: str) -> list[str]:
    """Every wording of a labeled indication: its conditions' lexicon terms and its own terms."""
    indication = profile.indication(indication_id)
    terms: list[str] = []
    if indication is None:
        return terms
    for condition_id in indication.conditions:
        if condition_id in reference.conditions:
            terms += reference.conditions[condition_id].terms
    return _unique(terms + list(indication.terms))


def _indication_tests(profile: Profile, reference: Reference) -> list[SelfTest]:
    """A statement of each term of each labeled use; a term that names who has it ('adult
    ADHD') is stated only where the label doses that use for them."""
    drug = _capitalised(profile.generic)
    return [SelfTest(profile.id, "indication", ind.id, term, f"{drug} is used to treat {term}.")
            for ind in profile.indications for term in indication_terms(profile, reference, ind.id)
            if not (ADULT.search(term) and profile.doses_only_children(ind.id))]


# --- doses ------------------------------------------------------------------------------------

def _indication_term(profile: Profile, reference: Reference, entry: DoseEntry) -> tuple[str, str | None] | None:
    """A wording that names the entry's indication (not a vague symptom word), with the
    condition id it names (None for the indication's own terms)."""
    if entry.indication is None:
        return None
    indication = profile.indication(entry.indication)
    if indication is None:
        return None
    for condition_id in indication.conditions:
        condition = reference.conditions.get(condition_id)
        if condition is not None and not condition.vague and condition.terms:
            return condition.terms[0], condition_id
    return (indication.terms[0], None) if indication.terms else None


def _age(value: float) -> str:
    """Whole years as articles write them: 11.99 (under 12) -> '11'."""
    return f"{math.floor(value + 1e-9):g}"


def population_phrase(entry: DoseEntry) -> str:
    """Who the entry is for, in words lint.claims.population reads back: 'children aged 6
    to 12', 'children weighing 30 kg' (a weight inside the entry's band)."""
    return _people(entry) + _weight_words(entry) + _setting_words(entry)


def _setting_words(entry: DoseEntry) -> str:
    return " in hospital" if entry.setting == "inpatient" else ""


def _weight_words(entry: DoseEntry, amount: tuple[str, float] | None = None) -> str:
    """A body weight inside the entry's band; for an amount in mg of an entry that also caps
    it per kg (`amount`: key and value), a weight at which that amount is within both, or
    none when no weight of the band allows it ('1.4 mg/kg or 100 mg, whichever is less')."""
    if entry.weight_kg is None:
        return ""
    low, high = entry.weight_kg
    if low is not None and high is not None:
        kg = (low + high) / 2
    else:
        kg = high * 0.75 if high is not None else (low or 0) + 10
    per_kg_cap = entry.max.get(f"{amount[0]}_per_kg") if amount and not amount[0].endswith("_per_kg") else None
    if amount and per_kg_cap:
        kg = max(kg, amount[1] / per_kg_cap)
        if high is not None and kg > high:
            return ""
    return f" weighing {round(kg, 1):g} kg"


def _people(entry: DoseEntry) -> str:
    low, high = entry.age_years or (None, None)
    if low is not None and low < 1:  # infants: "younger than 6" reads, "aged 0.5 to 5" does not
        low = None
    if entry.population == "renal":
        return "patients with kidney problems"
    if entry.population == "hepatic":
        return "patients with liver problems"
    if entry.population == "geriatric":
        return f"patients {_age(low)} years and older" if low and low >= 65 else "elderly patients"
    base = "children" if entry.population == "pediatric" else "adults"
    if low is not None and high is not None:
        return f"{base} aged {_age(low)} to {_age(high)}"
    if low is not None and (entry.population == "pediatric" or low > 18):
        return f"{base} {_age(low)} years and older"
    if high is not None:
        return f"{base} younger than {math.floor(high) + 1}"
    return base


def own_limit(entry: DoseEntry, key: str) -> tuple[float, bool] | None:
    """The most the entry allows for one key, and whether that is a limit on starting
    doses only: its max or usual high end, else its starting high end."""
    if key in entry.max:
        return entry.max[key], False
    usual = entry.usual.get(key)
    if usual and usual[1] is not None:
        return usual[1], False
    initial = entry.initial.get(key)
    if initial and initial[1] is not None:
        return initial[1], True
    return None


def starting_limit(entry: DoseEntry, key: str) -> float | None:
    """The starting regimen's high end for one key, if it has one."""
    initial = entry.initial.get(key)
    return initial[1] if initial and initial[1] is not None else None


def _frequency(regimen: Regimen) -> str:
    """How often, in words: the regimen's times a day, else its dosing interval."""
    times = regimen.get("times_per_day")
    hours = regimen.get("interval_hours")
    if times and times[0]:
        if times[0] in TIMES_WORDS:
            return " " + TIMES_WORDS[int(times[0])]
        return _every(24 / times[0])
    if hours and hours[0]:
        if hours[0] >= 168:
            return _every(hours[0])
        return f" every {hours[0]:g} hours" if hours[0] == hours[1] or hours[1] is None \
            else f" every {hours[0]:g} to {hours[1]:g} hours"
    return ""


def _every(hours: float) -> str:
    """An interval in the words an article uses: 'once a week', 'every 4 weeks', 'every 8 hours'."""
    if abs(hours - 168) < 1e-3:
        return " once a week"
    if hours > 168 and abs(hours / 168 - round(hours / 168)) < 1e-3:
        return f" every {round(hours / 168)} weeks"
    return f" every {hours:g} hours"


def _span(bounds: tuple[float | None, float | None]) -> str | None:
    low, high = bounds
    if low is None and high is None:
        return None
    if low is None or high is None or low == high:
        return f"{(high if low is None else low):g}"
    return f"{low:g} to {high:g}"


def _regimen_amount(regimen: Regimen) -> str | None:
    """A regimen as an amount in words: '0.25 mg twice a day', '1 to 4 mg a day'."""
    for key in ("single_mg", "single_mg_per_kg"):
        if (bounds := regimen.get(key)) and (amount := _span(bounds)):
            unit = "mg/kg" if key.endswith("per_kg") else "mg"
            return f"{amount} {unit}{_frequency(regimen)}"
    for key in ("daily_mg", "daily_mg_per_kg"):
        if (bounds := regimen.get(key)) and (amount := _span(bounds)):
            return AMOUNT_WORDS[key].format(amount)
    return None


def _cue_product(profile: Profile, entry: DoseEntry) -> str | None:
    """A word naming the first of the entry's products that has a cue no other product
    shares (a shared cue such as a brand names several products)."""
    for product in profile.products:
        if product.id not in entry.products:
            continue
        others = {c.lower() for p in profile.products if p.id != product.id for c in p.cues}
        cue = next((c for c in product.cues if not c[:1].isdigit() and c.lower() not in others), None)
        if cue:
            return cue
    return None


def _siblings(profile: Profile, reference: Reference, entry: DoseEntry, condition_id: str | None,
              named_products: frozenset[str]) -> list[DoseEntry]:
    """Entries a reader could mean by the same statement: the same population, an
    indication that covers the condition named (or none), a product the statement allows."""
    covering: set[str | None] = {None, entry.indication}
    if condition_id is not None:
        covering |= {i.id for i in reference.labeled_indications(profile, condition_id)}
    return [e for e in profile.doses if not e.silent and e.population == entry.population
            and (e.setting is None or entry.setting is not None)  # a hospital entry answers hospital statements
            and (entry.indication is None or e.indication in covering)
            and (not named_products or not e.products or named_products & set(e.products))]


def _dose_tests(profile: Profile, reference: Reference) -> list[SelfTest]:
    from lint.claims.extract import product_cues  # the engine's reading of product names, so siblings match it
    tests = []
    for entry in profile.doses:
        if entry.no_dose:
            tests.append(_no_dose_test(profile, reference, entry))
        if entry.silent:
            continue
        named_use = _indication_term(profile, reference, entry)
        term, condition_id = named_use if named_use else (None, None)

        def lead(limit: tuple[str, float] | None = None) -> str:
            """Who the entry is for, weighed so that an mg limit (`limit`) is within it."""
            who = _people(entry) + _weight_words(entry, limit) + _setting_words(entry)
            return f"For {term}, {who}" if term else _capitalised(who)

        cue = _cue_product(profile, entry)
        drug = profile.generic + (f" ({cue})" if cue else "")
        siblings = _siblings(profile, reference, entry, condition_id, product_cues(f"{lead()} {drug}", profile))

        def test(kind: str, detail: str, verb: str, amount: str, limit: tuple[str, float] | None = None) -> SelfTest:
            return SelfTest(profile.id, kind, entry.id, detail, f"{lead(limit)} {verb} {drug} at {amount}.")

        for key in LIMIT_KEYS:
            words = AMOUNT_WORDS[key]
            for limit, starting in _limits(entry, key):
                # "start at 0.5 mg", not "start at up to 0.5 mg": that reads as a maximum
                verb, what, up_to = ("start", "starting ", "") if starting else ("take", "", "up to ")
                beyond = BEYOND_FACTOR * max(a for a in [limit] + [_allowed(e, key, starting) for e in siblings]
                                             if a is not None)
                tests += [test("dose-within", f"{what}limit {key} {limit:g}", verb, up_to + words.format(f"{limit:g}"),
                               (key, limit)),
                          test("dose-beyond", f"{BEYOND_FACTOR}x {what}{key} {limit:g}", verb,
                               up_to + words.format(f"{beyond:g}"))]
        for name, verb, regimen in (("initial", "start", entry.initial), ("usual", "usually take", entry.usual)):
            amount = _regimen_amount(regimen)
            if amount:
                tests.append(test("dose-within", f"{name} regimen", verb, amount))
    return tests


def _no_dose_test(profile: Profile, reference: Reference, entry: DoseEntry) -> SelfTest:
    """A dose an adult may take, stated for the group the label gives no dose (for the
    entry's indication, when it has one)."""
    adult_doses = [limit for e in profile.doses if e.population == "adult" and not e.silent
                   for limit, _ in _limits(e, "single_mg")]
    amount = min(adult_doses, default=1)
    cue = _cue_product(profile, entry)
    drug = profile.generic + (f" ({cue})" if cue else "")
    named_use = _indication_term(profile, reference, entry)
    who = population_phrase(entry)
    lead = f"For {named_use[0]}, {who}" if named_use else _capitalised(who)
    return SelfTest(profile.id, "dose-beyond", entry.id, "no labeled dose for the group",
                    f"{lead} take {drug} at {amount:g} mg per dose.")


def _limits(entry: DoseEntry, key: str) -> list[tuple[float, bool]]:
    """The entry's limits for one key, each with whether it limits starting doses only:
    its overall limit, and its starting limit when that is another number."""
    limits = [found] if (found := own_limit(entry, key)) is not None else []
    start = starting_limit(entry, key)
    if start is not None and (start, True) not in limits:
        limits.append((start, True))
    return limits


def _allowed(entry: DoseEntry, key: str, starting: bool) -> float | None:
    """What an entry allows for a key, stated or implied: a single dose is bounded by the
    daily maximum, a daily total by the single maximum times the most doses a day; for a
    starting dose, the starting limit when the entry has one."""
    if starting and starting_limit(entry, key) is not None:
        return starting_limit(entry, key)
    found = own_limit(entry, key)
    if found:
        return found[0]
    per_kg = "_per_kg" if key.endswith("_per_kg") else ""
    if key.startswith("single"):
        daily = own_limit(entry, "daily_mg" + per_kg)
        return daily[0] if daily else None
    single = own_limit(entry, "single_mg" + per_kg)
    times = _most_times(entry)
    return single[0] * times if single and times else None


def _most_times(entry: DoseEntry) -> float | None:
    values = [entry.max.get("times_per_day")]
    for regimen in (entry.initial, entry.usual):
        times, hours = regimen.get("times_per_day"), regimen.get("interval_hours")
        values.append(times[1] if times else None)
        values.append(24 / hours[0] if hours and hours[0] else None)
    present = [v for v in values if v]
    return max(present) if present else None


# --- warnings ---------------------------------------------------------------------------------

def _warning_tests(profile: Profile) -> list[SelfTest]:
    drug = _capitalised(profile.generic)
    tests = []
    for topic in profile.warnings:
        if not topic.required:
            continue
        for pattern in topic.mentions:
            sentences: dict[str, str] = {}
            for index, group in enumerate(pattern):
                for alternative in group:
                    words = [alternative if i == index else g[0] for i, g in enumerate(pattern)]
                    detail = " + ".join(words)
                    sentences.setdefault(detail, f"{drug} safety note: {', '.join(words)}.")
            tests += [SelfTest(profile.id, "warning", topic.id, detail, text) for detail, text in sentences.items()]
    return tests


def generate(profile: Profile, reference: Reference) -> list[SelfTest]:
    """Every self-test of one profile, in profile order: indications, doses, warnings."""
    return _indication_tests(profile, reference) + _dose_tests(profile, reference) + _warning_tests(profile)


# --- running ----------------------------------------------------------------------------------

def _judge(test: SelfTest, claims, findings) -> str:
    """Why a self-test failed, or '' when the engine did what the profile promises."""
    own = [f for f in findings if f.drug == test.drug]
    if test.kind == "indication":
        if own:
            return f"raised {test.rule}: {own[0].message}"
        if not any(u.drug == test.drug and u.presented_as_use for u in claims.uses):
            return f"not read as a use of {test.drug}"
        return ""
    if test.kind == "dose-within":
        if own:
            return f"raised {test.rule}: {own[0].message}"
        if not any(d.drug == test.drug for d in claims.doses):
            return f"no dose of {test.drug} read"
        return ""
    if test.kind == "dose-beyond":
        if own:
            return ""
        return f"no {test.rule}" + ("" if any(d.drug == test.drug for d in claims.doses)
                                    else f" (no dose of {test.drug} read)")
    if claims.main_drug != test.drug:
        return f"the article was not read as about {test.drug}"
    missing = [f for f in own if f.subject == test.subject]
    return f"raised {test.rule}: the pattern did not count as a mention" if missing else ""


def run(tests: list[SelfTest], profile_dirs: tuple[str, ...] = ()) -> list[Outcome]:
    """Run self-tests through the engine (the shipped rules plus `profile_dirs`)."""
    from lint.checks.rule import CheckContext
    from lint.linter import Linter, LinterConfig
    from lint.readers import read_document

    linter = Linter.for_config(LinterConfig(profile_dirs=profile_dirs))
    reference = linter.reference
    outcomes = []
    for test in tests:
        title = _capitalised(reference.profiles[test.drug].generic)
        doc = linter.analyse(read_document("selftest.md", test.article(title)))
        claims = linter.claims(doc)
        findings = linter.rules[test.rule].check(CheckContext(doc=doc, claims=claims, reference=reference))
        reason = _judge(test, claims, findings)
        outcomes.append(Outcome(test, not reason, reason))
    return outcomes

"""Reference data: drug profiles (facts from FDA labels) and the condition lexicon.

The only module that knows the layout of `rules/` (documented in rules/README.md).
Every file is validated on load; a problem raises DataError with file, line and field.
Run `python -m lint.knowledge.reference FILE...` to validate profiles by hand.
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint.knowledge import datacache, yamlfile
from lint.knowledge.yamlfile import DataError, FieldChecker, YamlFile, validate_files

POPULATIONS = ("adult", "pediatric", "geriatric", "renal", "hepatic")
WARNING_KINDS = ("boxed", "contraindication", "warning")
SCHEDULES = ("daily", "as_needed", "weekly", "periodic", "once")
SETTINGS = ("inpatient",)
RANGE_KEYS = ("single_mg", "daily_mg", "times_per_day", "interval_hours", "single_mg_per_kg", "daily_mg_per_kg")
MAX_KEYS = ("single_mg", "daily_mg", "times_per_day", "single_mg_per_kg", "daily_mg_per_kg")


WHOLE_YEAR = 0.99  # an age a profile writes as a whole number of years runs to that birthday's end


def whole_years(ages: tuple[float | None, float | None] | None) -> tuple[float | None, float | None] | None:
    """A profile's age bounds with a whole-number upper bound read as the whole of that year:
    [null, 1] ('younger than 2') holds an 18-month-old, [2, 12] a 12-and-a-half-year-old."""
    if ages is None or ages[1] is None or ages[1] != int(ages[1]):
        return ages
    return ages[0], ages[1] + WHOLE_YEAR


def rules_dir() -> Path:
    """The rules folder: $DRUGLINT_RULES_DIR if set, else the shipped one."""
    if os.environ.get("DRUGLINT_RULES_DIR"):
        return Path(os.environ["DRUGLINT_RULES_DIR"])
    try:
        from importlib.resources import files
        path = Path(str(files("lint.rules")))
        if (path / "drugs").is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "rules"


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    url: str
    revised: str
    setid: str | None = None

    def cite(self) -> str:
        return f"{self.title} (revised {self.revised}) {self.url}"

    @property
    def traced(self) -> bool:
        """True when the source names a label version: a DailyMed set id, a revision date
        (year and month at least) and a DailyMed or FDA address."""
        return bool(self.setid and SET_ID.fullmatch(self.setid) and REVISION_DATE.fullmatch(self.revised)
                    and PRIMARY_SITE.search(self.url))


SET_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
REVISION_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
SEXES = ("male", "female")
PRIMARY_SITE = re.compile(r"^https?://(?:[\w-]+\.)*(?:dailymed\.nlm\.nih\.gov|fda\.gov)/", re.I)


@dataclass(frozen=True)
class Product:
    id: str
    source: str
    otc: bool
    cues: tuple[str, ...]
    strengths_mg: tuple[float, ...]
    mg_per_ml: float | None = None  # a liquid's concentration, to read doses in mL ("10 mL of Children's Motrin")


@dataclass(frozen=True)
class Indication:
    id: str
    conditions: tuple[str, ...]
    terms: tuple[str, ...]
    products: tuple[str, ...]
    source: str
    section: str
    fact: str
    age_years: tuple[float | None, float | None] | None = None  # the ages the label gives the use for
    sex: str | None = None  # "male" or "female" when the label gives the use to one sex only
    excludes: tuple[str, ...] = ()  # conditions the label rules out of the use ("not for post-operative pain"): they
    # and their kinds are not covered, though a wider condition of the use is

    def admits(self, ages: tuple[float, float] | None, sex: str | None) -> bool:
        """True unless people of these ages, or of this sex, are outside the use's limits
        (a range of ages is admitted when any age of it is)."""
        if sex is not None and self.sex is not None and sex != self.sex:
            return False
        if ages is None or self.age_years is None:
            return True
        low, high = self.age_years
        return (low is None or ages[1] >= low) and (high is None or ages[0] <= high)


@dataclass(frozen=True)
class WarningTopic:
    id: str
    topic: str
    kind: str
    required: bool
    mentions: tuple[tuple[tuple[str, ...], ...], ...]  # patterns -> groups -> alternatives
    fact: str
    suggestion: str
    source: str
    section: str


@dataclass(frozen=True)
class Regimen:
    """Ranges of a starting or maintenance regimen: key -> (low, high), None = open."""

    ranges: dict[str, tuple[float | None, float | None] | None]

    def get(self, key: str) -> tuple[float | None, float | None] | None:
        return self.ranges.get(key)


@dataclass(frozen=True)
class DoseEntry:
    id: str
    indication: str | None
    population: str
    age_years: tuple[float | None, float | None] | None
    weight_kg: tuple[float | None, float | None] | None
    products: tuple[str, ...]  # empty: any product
    initial: Regimen
    usual: Regimen
    max: dict[str, float]
    silent: str | None
    source: str
    section: str
    fact: str
    no_dose: bool = False  # a silent entry whose label gives this group no dose at all
    schedule: str | None = None  # one of SCHEDULES; None only for a silent entry
    setting: str | None = None  # one of SETTINGS: an entry for hospital patients only; None: anyone
    titrated: bool = False  # the label starts here and then titrates (to a blood level, to response) with no ceiling
    not_for: tuple[str, ...] = ()  # conditions that rule the entry out when named ("to prevent flares": not the flare dose)

    @property
    def weekly(self) -> bool:
        """True for a drug given once a week (its amounts are per weekly dose)."""
        return self.schedule == "weekly"

    def no_dose_for_child(self, age_years: float) -> bool:
        """True for a children's entry without a dose whose ages (all of childhood when it
        states none and no weight either) hold this age; one set by weight alone ('under 40 kg')
        says nothing of an age."""
        if self.age_years is None and self.weight_kg is not None:
            return False
        low, high = self.age_years or (None, 17.99)
        return self.no_dose and self.population == "pediatric" \
            and (low is None or low <= age_years) and (high is None or age_years <= high)


@dataclass
class Profile:
    id: str
    generic: str
    brands: tuple[str, ...]
    other_names: tuple[str, ...]
    misspellings: tuple[str, ...]
    drug_class: str
    rx_only: bool
    controlled: str | None
    sources: dict[str, Source]
    products: list[Product]
    indications: list[Indication]
    warnings: list[WarningTopic]
    doses: list[DoseEntry]
    path: str = ""
    chat_names: tuple[str, ...] = ()  # lower-case street names ("addys"); a capital makes them a person ("Addy")

    @property
    def names(self) -> tuple[str, ...]:
        """Every name that refers to this drug in an article (not the misspellings)."""
        return (self.generic, *self.brands, *self.other_names, *self.chat_names)

    def source(self, key: str) -> Source:
        return self.sources[key]

    @property
    def brand_defaults(self) -> dict[str, str]:
        """Lower-cased brand -> the product it stands for, for each brand no product's cue
        names when one product alone has no cues (the default: 'Benadryl' is the allergy
        tablet)."""
        cued = {cue.lower() for product in self.products for cue in product.cues}
        default = [p for p in self.products if not p.cues]
        return {brand.lower(): default[0].id for brand in self.brands if brand.lower() not in cued} \
            if len(default) == 1 else {}

    def indication(self, indication_id: str) -> Indication | None:
        return next((i for i in self.indications if i.id == indication_id), None)

    def doses_only_children(self, indication_id: str, products: frozenset[str] = frozenset()) -> DoseEntry | None:
        """The first dose entry of a use (of one of `products`, when given) when every one is
        for children under 18 (Intuniv for ADHD), else None."""
        entries = [e for e in self.doses if e.indication in (None, indication_id)
                   and (not products or not e.products or set(e.products) & products)]
        children = all(e.population == "pediatric" and e.age_years is not None and e.age_years[1] is not None
                       and e.age_years[1] < 18 for e in entries)
        return entries[0] if entries and children else None

    def no_dose_at_age(self, age_years: float, products: frozenset[str] = frozenset()) -> DoseEntry | None:
        """The label's no-dose entry for a child of this age, when one covers every product
        the article may mean (those named, else all) for every use of that product; None when
        some product or use is dosed at that age, or the label is silent about it."""
        def covering(product: str | None) -> DoseEntry | None:  # one entry for every use, or one per use
            uses = {i.id for i in self.indications if product is None or not i.products or product in i.products}
            silent = [e for e in self.doses if e.no_dose_for_child(age_years)
                      and (product is None or not e.products or product in e.products)]
            if every_use := next((e for e in silent if e.indication is None), None):
                return every_use
            per_use = sorted((e for e in silent if e.indication in uses), key=lambda e: e.age_years is None)
            return per_use[0] if uses and {e.indication for e in per_use} >= uses else None  # the one naming an age
        candidates: list[str | None] = [*sorted(products or {p.id for p in self.products})] or [None]
        entries = [covering(product) for product in candidates]
        return entries[0] if all(entries) else None


@dataclass(frozen=True)
class Condition:
    id: str
    name: str
    terms: tuple[str, ...]
    kind_of: tuple[str, ...]
    vague: bool
    descriptions: tuple[tuple[tuple[str, ...], ...], ...] = ()  # lay descriptions: patterns -> groups -> words
    shorthand: tuple[str, ...] = ()  # terms that name it only where the article names its kind ("type 2": diabetes)
    states: tuple[str, ...] = ()  # adjectives that name it said of someone on an occasion ("when he's agitated")
    measures: tuple[str, ...] = ()  # levels it is too much of, named when brought down ("lowers his blood pressure")


@dataclass
class Reference:
    """All profiles and the condition lexicon, with the hierarchy resolved."""

    profiles: dict[str, Profile]
    conditions: dict[str, Condition]
    ancestors: dict[str, frozenset[str]] = field(default_factory=dict)
    _families: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.ancestors = {cid: frozenset(self._walk_up(cid)) for cid in self.conditions}

    def _walk_up(self, condition_id: str) -> set[str]:
        seen: set[str] = set()
        stack = [condition_id]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            if current in self.conditions:
                stack.extend(self.conditions[current].kind_of)
        return seen

    def related(self, a: str, b: str) -> bool:
        """True when one condition is a kind of the other (or they are the same)."""
        return a in self.ancestors.get(b, {b}) or b in self.ancestors.get(a, {a})

    def family(self, condition_id: str) -> frozenset[str]:
        """A condition and the conditions around it: its kinds and generalizations, and the
        conditions whose name or terms contain its id's words ('anxiety' -> anxiety disorder, social
        anxiety disorder) with their kinds. Cached per condition."""
        cached = self._families.get(condition_id)
        if cached is None:
            word = f" {condition_id.replace('-', ' ')} "
            named = {cid for cid, c in self.conditions.items()
                     if any(word in f" {name.lower()} " for name in (c.name, *c.terms))}
            cached = frozenset(cid for cid in self.conditions
                               if self.related(cid, condition_id)
                               or any(seed in self.ancestors.get(cid, {cid}) for seed in named))
            # a named condition brings its kinds, not what it is a kind of: 'insomnia due to
            # anxiety' puts no insomnia in anxiety's family
            self._families[condition_id] = cached
        return cached

    def closest_indications(self, profile: Profile, condition_id: str,
                            products: frozenset[str] = frozenset()) -> list[Indication]:
        """The indications that name a condition itself, else those that cover it (the most
        specific wins); an indication's own id written 'drug/indication' is that indication.
        With products named, the indications of those products come first (Naprosyn's pain,
        not Aleve's backache)."""
        if "/" in condition_id:
            return [ind for ind in profile.indications if f"{profile.id}/{ind.id}" == condition_id]
        covering = self.labeled_indications(profile, condition_id)
        of_product = [ind for ind in covering if not products or not ind.products
                      or set(ind.products) & products] or covering
        return [ind for ind in of_product if condition_id in ind.conditions] or of_product

    def labeled_indications(self, profile: Profile, condition_id: str) -> list[Indication]:
        """The indications of a drug that cover a condition (itself, a kind, or a generalization),
        unless the indication excludes it or a condition it is a kind of."""
        own_kinds = self.ancestors.get(condition_id, {condition_id})
        return [ind for ind in profile.indications
                if any(self.related(condition_id, c) for c in ind.conditions)
                and not any(excluded in own_kinds for excluded in ind.excludes)]


# --- validation ---------------------------------------------------------------------------

MENTION_GROUP = re.compile(r"\s*\+\s*")


def parse_mention(pattern: str) -> tuple[tuple[str, ...], ...]:
    """'a|b + c' -> (('a', 'b'), ('c',)): every group must occur, any alternative in a group."""
    groups = []
    for group in MENTION_GROUP.split(pattern.strip()):
        alternatives = tuple(a.strip().lower() for a in group.split("|") if a.strip())
        if alternatives:
            groups.append(alternatives)
    return tuple(groups)


def load_profile(path: str | Path, text: str | None = None) -> Profile:
    """Load and validate one reference profile."""
    file = YamlFile(path, text)
    check = FieldChecker(file)
    data = check.mapping(file.data, (), ("id", "names", "sources", "indications"),
                         ("class", "rx_only", "controlled", "products", "warnings", "doses", "notes"))
    profile_id = check.text(data["id"], ("id",))
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", profile_id):
        check.fail(("id",), "use lower case letters, digits and hyphens")
    stem = Path(path).stem
    if text is None and stem != profile_id:
        check.fail(("id",), f"must equal the file name stem '{stem}'")
    names = check.mapping(data["names"], ("names",), ("generic",), ("brands", "other", "chat", "misspellings"))

    sources: dict[str, Source] = {}
    if not isinstance(data["sources"], dict) or not data["sources"]:
        check.fail(("sources",), "expected a mapping of label keys to sources")
    for key, value in data["sources"].items():
        where = ("sources", key)
        src = check.mapping(value, where, ("title", "url", "revised"), ("setid", "section"))
        sources[key] = Source(key, check.text(src["title"], where + ("title",)),
                              check.text(src["url"], where + ("url",)),
                              check.text(src["revised"], where + ("revised",)),
                              src.get("setid") and check.text(src["setid"], where + ("setid",)))
    default_source = next(iter(sources))

    def source_key(value: Any, where: tuple) -> str:
        key = default_source if value is None else check.text(value, where)
        if key not in sources:
            check.fail(where, f"unknown source '{key}' (defined: {', '.join(sources)})")
        return key

    products = []
    for i, value in enumerate(data.get("products") or [{"id": "default"}]):
        where = ("products", i)
        prod = check.mapping(value, where, ("id",), ("source", "otc", "cues", "strengths_mg", "mg_per_ml", "name", "notes"))
        products.append(Product(
            id=check.text(prod["id"], where + ("id",)),
            source=source_key(prod.get("source"), where + ("source",)),
            otc=check.boolean(prod.get("otc", False), where + ("otc",)),
            cues=check.strings(prod.get("cues"), where + ("cues",)),
            strengths_mg=tuple(check.number(v, where + ("strengths_mg", j))
                               for j, v in enumerate(prod.get("strengths_mg") or [])),
            mg_per_ml=None if prod.get("mg_per_ml") is None else check.number(prod["mg_per_ml"], where + ("mg_per_ml",))))
    product_ids = {p.id for p in products}

    def product_refs(value: Any, where: tuple) -> tuple[str, ...]:
        refs = check.strings(value if isinstance(value, list) or value is None else [value], where)
        for j, ref in enumerate(refs):
            if ref not in product_ids:
                check.fail(where + (j,) if isinstance(value, list) else where,
                           f"unknown product '{ref}' (defined: {', '.join(sorted(product_ids))})")
        return refs

    indications = []
    if not isinstance(data["indications"], list):
        check.fail(("indications",), "expected a list")
    for i, value in enumerate(data["indications"]):
        where = ("indications", i)
        ind = check.mapping(value, where, ("id", "conditions", "fact"),
                            ("terms", "products", "age_years", "sex", "source", "section", "notes", "excludes"))
        indications.append(Indication(
            id=check.text(ind["id"], where + ("id",)),
            conditions=check.strings(ind["conditions"], where + ("conditions",)),
            terms=check.strings(ind.get("terms"), where + ("terms",)),
            products=product_refs(ind.get("products"), where + ("products",)),
            source=source_key(ind.get("source"), where + ("source",)),
            section=check.text(ind.get("section", "Indications and Usage"), where + ("section",)),
            fact=check.text(ind["fact"], where + ("fact",)),
            age_years=whole_years(check.bounds(ind.get("age_years"), where + ("age_years",))),
            sex=None if ind.get("sex") is None else check.choice(ind["sex"], where + ("sex",), SEXES),
            excludes=check.strings(ind.get("excludes"), where + ("excludes",))))
    indication_ids = {i.id for i in indications}

    warnings = []
    for i, value in enumerate(data.get("warnings") or []):
        where = ("warnings", i)
        w = check.mapping(value, where, ("id", "topic", "kind", "mentions", "fact", "suggestion"),
                          ("required", "source", "section", "notes"))
        kind = check.text(w["kind"], where + ("kind",))
        if kind not in WARNING_KINDS:
            check.fail(where + ("kind",), f"expected one of {', '.join(WARNING_KINDS)}")
        mentions = check.strings(w["mentions"], where + ("mentions",))
        if not mentions:
            check.fail(where + ("mentions",), "at least one pattern is needed")
        warnings.append(WarningTopic(
            id=check.text(w["id"], where + ("id",)), topic=check.text(w["topic"], where + ("topic",)),
            kind=kind, required=check.boolean(w.get("required", kind == "boxed"), where + ("required",)),
            mentions=tuple(parse_mention(m) for m in mentions),
            fact=check.text(w["fact"], where + ("fact",)),
            suggestion=check.text(w["suggestion"], where + ("suggestion",)),
            source=source_key(w.get("source"), where + ("source",)),
            section=check.text(w.get("section", ""), where + ("section",), empty_ok=True)))

    doses = []
    for i, value in enumerate(data.get("doses") or []):
        where = ("doses", i)
        d = check.mapping(value, where, ("population",),
                          ("id", "indication", "age_years", "weight_kg", "product", "schedule", "setting", "initial",
                           "usual", "max", "silent", "no_dose", "titrated", "not_for", "source", "section", "fact",
                           "notes"))
        population = check.text(d["population"], where + ("population",))
        if population not in POPULATIONS:
            check.fail(where + ("population",), f"expected one of {', '.join(POPULATIONS)}")
        indication = d.get("indication")
        if indication is not None and indication not in indication_ids:
            check.fail(where + ("indication",), f"unknown indication '{indication}'")
        dose_products = product_refs(d.get("product"), where + ("product",))

        def regimen(key: str) -> Regimen:
            raw = check.mapping(d.get(key) or {}, where + (key,), (), RANGE_KEYS)
            return Regimen({k: check.bounds(v, where + (key, k)) for k, v in raw.items()})

        limits = check.mapping(d.get("max") or {}, where + ("max",), (), MAX_KEYS)
        silent = d.get("silent")
        if silent is None and not (d.get("initial") or d.get("usual") or limits):
            check.fail(where, "give initial, usual or max numbers, or say why not with 'silent'")
        initial, usual = regimen("initial"), regimen("usual")
        schedule = _schedule(check, d, where, initial, usual, limits, silent is not None)
        no_dose = check.boolean(d.get("no_dose", False), where + ("no_dose",))
        setting = d.get("setting")
        if setting is not None and setting not in SETTINGS:
            check.fail(where + ("setting",), f"expected one of {', '.join(SETTINGS)}")
        if no_dose and silent is None:
            check.fail(where + ("no_dose",), "no_dose marks a 'silent' entry: say what the label says with 'silent'")
        titrated = check.boolean(d.get("titrated", False), where + ("titrated",))
        not_for = check.strings(d.get("not_for"), where + ("not_for",))
        for j, condition in enumerate(not_for):  # an entry for every use may leave out one use that has its own
            covered = [ind.conditions for ind in indications if indication is None or ind.id == indication]
            if not any(condition in conditions for conditions in covered):
                check.fail(where + ("not_for", j), f"'{condition}' is not a condition of the entry's indication"
                           + ("s" if indication is None else ""))
        if titrated and (usual.ranges or limits or not initial.ranges):
            check.fail(where + ("titrated",), "titrated marks an entry with a starting dose only (no usual or max numbers)")
        doses.append(DoseEntry(
            id=str(d.get("id") or f"dose-{i + 1}"), indication=indication, population=population,
            age_years=whole_years(check.bounds(d.get("age_years"), where + ("age_years",))),
            weight_kg=check.bounds(d.get("weight_kg"), where + ("weight_kg",)),
            products=dose_products, initial=initial, usual=usual, schedule=schedule,
            max={k: check.number(v, where + ("max", k)) for k, v in limits.items()},
            silent=silent and check.text(silent, where + ("silent",)),
            source=source_key(d.get("source"), where + ("source",)),
            section=check.text(d.get("section", "Dosage and Administration"), where + ("section",)),
            fact=check.text(d.get("fact") or silent or "", where + ("fact",), empty_ok=True),
            no_dose=no_dose, setting=setting, titrated=titrated, not_for=not_for))

    return Profile(
        id=profile_id, generic=check.text(names["generic"], ("names", "generic")),
        brands=check.strings(names.get("brands"), ("names", "brands")),
        other_names=check.strings(names.get("other"), ("names", "other")),
        misspellings=check.strings(names.get("misspellings"), ("names", "misspellings")),
        chat_names=check.strings(names.get("chat"), ("names", "chat")),
        drug_class=check.text(data.get("class", ""), ("class",), empty_ok=True),
        rx_only=check.boolean(data.get("rx_only", True), ("rx_only",)),
        controlled=data.get("controlled") and check.text(data["controlled"], ("controlled",)),
        sources=sources, products=products, indications=indications, warnings=warnings,
        doses=doses, path=str(path))


def _schedule(check: FieldChecker, entry: dict, where: tuple, initial: Regimen, usual: Regimen,
              limits: dict, silent: bool) -> str | None:
    """The entry's schedule, refused when missing (an entry with numbers must say how they
    are given) or when its frequencies contradict it (a weekly drug given daily)."""
    if entry.get("schedule") is None:
        if silent:
            return None
        check.fail(where + ("schedule",), f"say how the doses are given: schedule: one of {', '.join(SCHEDULES)}")
    schedule = check.text(entry["schedule"], where + ("schedule",))
    if schedule not in SCHEDULES:
        check.fail(where + ("schedule",), f"expected one of {', '.join(SCHEDULES)}")
    per_day = [bounds for regimen in (initial, usual) if (bounds := regimen.get("times_per_day"))]
    per_day += [(24 / hours[1] if hours[1] else None, 24 / hours[0] if hours[0] else None)
                for regimen in (initial, usual) if (hours := regimen.get("interval_hours"))]
    most = max((high for _, high in per_day if high is not None), default=None)
    fewest = min((low for low, _ in per_day if low is not None), default=None)
    if schedule == "daily" and fewest is not None and fewest < 1 / 3 - 1e-9:
        check.fail(where + ("schedule",), "a daily schedule gives a dose at least every 72 hours: use weekly or periodic")
    if schedule == "weekly" and most is not None and not 1 / 7 - 1e-6 <= most <= 2 / 7 + 1e-6:
        check.fail(where + ("schedule",), "a weekly schedule gives one or two doses a week (interval_hours 168 or 84)")
    if schedule == "periodic" and (most is None or most >= 1 / 7 - 1e-9):
        check.fail(where + ("schedule",), "a periodic schedule needs an interval longer than a week (interval_hours)")
    if schedule in ("weekly", "periodic") and any(k.startswith("daily_mg") for k in (*initial.ranges, *usual.ranges, *limits)):
        check.fail(where + ("schedule",), f"a {schedule} drug has no daily amount: give single_mg per dose")
    if schedule == "once" and (most is not None or limits.get("times_per_day")):
        check.fail(where + ("schedule",), "a single dose has no frequency: drop times_per_day and interval_hours")
    return schedule


def load_conditions(paths: list[Path]) -> dict[str, Condition]:
    """Load the condition lexicon files, merging entries that share an id."""
    merged: dict[str, dict] = {}
    for path in paths:
        file = YamlFile(path)
        check = FieldChecker(file)
        if not isinstance(file.data, list):
            check.fail((), "expected a list of conditions")
        for i, value in enumerate(file.data):
            where = (i,)
            entry = check.mapping(value, where, ("id",), ("name", "terms", "kind_of", "vague", "descriptions", "shorthand",
                                                                 "states", "measures", "notes"))
            cid = check.text(entry["id"], where + ("id",))
            slot = merged.setdefault(cid, {"name": cid, "terms": [], "kind_of": [], "vague": False, "descriptions": [],
                                           "shorthand": [], "states": [], "measures": []})
            for j, pattern in enumerate(check.strings(entry.get("descriptions"), where + ("descriptions",))):
                groups = parse_mention(pattern)
                if len(groups) < 2 or not all(groups):
                    check.fail(where + ("descriptions", j), "a description needs two or more groups of words joined by ' + '")
                slot["descriptions"].append(groups)
            if entry.get("name"):
                slot["name"] = check.text(entry["name"], where + ("name",))
            slot["terms"] += [t for t in check.strings(entry.get("terms"), where + ("terms",))
                              if t not in slot["terms"]]
            slot["kind_of"] += [k for k in check.strings(entry.get("kind_of"), where + ("kind_of",))
                                if k not in slot["kind_of"]]
            slot["shorthand"] += [t for t in check.strings(entry.get("shorthand"), where + ("shorthand",))
                                  if t not in slot["shorthand"]]
            slot["states"] += [t for t in check.strings(entry.get("states"), where + ("states",))
                               if t not in slot["states"]]
            slot["measures"] += [t for t in check.strings(entry.get("measures"), where + ("measures",))
                                 if t not in slot["measures"]]
            slot["vague"] = slot["vague"] or check.boolean(entry.get("vague", False), where + ("vague",))
    return {cid: Condition(cid, s["name"], tuple(s["terms"]), tuple(s["kind_of"]), s["vague"], tuple(s["descriptions"]),
                           tuple(s["shorthand"]), tuple(s["states"]), tuple(s["measures"]))
            for cid, s in merged.items()}


REFERENCE_CLASSES = (Source, Condition, DoseEntry, Indication, Product, Profile, Reference, Regimen, WarningTopic)


def check_references(reference: Reference) -> list[str]:
    """Cross-file problems: conditions that profiles or parents name but nobody defines."""
    problems = []
    for cond in reference.conditions.values():
        problems += [f"condition '{cond.id}': unknown parent '{p}'" for p in cond.kind_of
                     if p not in reference.conditions]
        if cond.shorthand and not cond.kind_of:
            problems.append(f"condition '{cond.id}': a shorthand needs a kind_of (the kind the article must name)")
    for profile in reference.profiles.values():
        for ind in profile.indications:
            problems += [f"{profile.path}: indication '{ind.id}': unknown condition '{c}'"
                         for c in (*ind.conditions, *ind.excludes) if c not in reference.conditions]
    return problems


def load_reference(extra_profile_dirs: tuple[str, ...] = ()) -> Reference:
    """Load the shipped rules plus profiles from extra folders (a later file overrides by id)."""
    return _load_reference(tuple(str(d) for d in extra_profile_dirs))


@lru_cache(maxsize=8)
def _load_reference(extra_profile_dirs: tuple[str, ...]) -> Reference:
    base = rules_dir()
    profile_files: list[Path] = []
    condition_files = sorted((base / "conditions").glob("*.yaml"))
    for folder in (base / "drugs", *map(Path, extra_profile_dirs)):
        if not folder.is_dir():
            raise DataError(str(folder), "profile folder not found")
        profile_files += sorted(folder.glob("*.yaml"))
        condition_files += sorted((folder / "conditions").glob("*.yaml")) if folder != base / "drugs" else []
    cache_key = _reference_cache_key(profile_files + condition_files)
    cached = datacache.load(cache_key, REFERENCE_CLASSES) if cache_key else datacache.MISSING
    if isinstance(cached, Reference):
        return cached
    profiles: dict[str, Profile] = {}
    for path in profile_files:
        profile = load_profile(path)
        profiles[profile.id] = profile
    reference = Reference(profiles=profiles, conditions=load_conditions(condition_files))
    problems = check_references(reference)
    if problems:
        raise DataError(str(base), "; ".join(problems[:5]))
    if cache_key:
        datacache.store(cache_key, reference)
    return reference


def _reference_cache_key(paths: list[Path]) -> str | None:
    """What the built reference depends on: each rule file's path and text, and the source of
    the code that reads them (so a changed file or a new druglint builds it again). None
    when a file cannot be read (the loader then reports it)."""
    parts = ["druglint reference"]
    try:
        parts += [Path(module.__file__ or "").read_text(encoding="utf-8") for module in (sys.modules[__name__], yamlfile)]
        parts += [f"{path}\0{path.read_text(encoding='utf-8')}" for path in paths]
    except (OSError, UnicodeDecodeError):
        return None
    return "\0\0".join(parts)


def main(argv: list[str]) -> int:
    """Validate profile files given on the command line; print one line per file."""
    conditions = load_conditions(sorted((rules_dir() / "conditions").glob("*.yaml")))

    def summary(name: str) -> str:
        profile = load_profile(name)
        missing = [c for ind in profile.indications for c in (*ind.conditions, *ind.excludes) if c not in conditions]
        if missing:
            raise DataError(name, f"conditions not in the lexicon: {', '.join(sorted(set(missing)))}")
        return f"{len(profile.indications)} indications, {len(profile.warnings)} warning topics, " \
               f"{len(profile.doses)} dose entries"

    return validate_files(argv, summary)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

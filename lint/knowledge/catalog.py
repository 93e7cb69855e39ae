"""The drugs druglint knows: finding a profile by any of its names, and plain views of
profiles (a list, one profile as readable text, and JSON-ready dictionaries)."""
from __future__ import annotations

import difflib
import re
import textwrap

from lint.knowledge.reference import DoseEntry, Profile, Reference, Regimen

WIDTH = 88
DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


def all_names(profile: Profile) -> tuple[str, ...]:
    """The id, every name and every misspelling a profile answers to."""
    return (profile.id, *profile.names, *profile.misspellings)


def find_profile(reference: Reference, name: str) -> Profile | None:
    """The profile whose id, generic, brand, other name or misspelling is `name` (any case)."""
    wanted = name.strip().lower()
    for profile in reference.profiles.values():
        if wanted in (n.lower() for n in all_names(profile)):
            return profile
    return None


def close_matches(reference: Reference, name: str, limit: int = 5) -> list[str]:
    """Known names close to `name`, each as 'Name (id)' unless the name is the id itself;
    a close misspelling stands for its drug's generic name, after the real names."""
    names: dict[str, tuple[str, str]] = {}
    misspellings: dict[str, tuple[str, str]] = {}
    for profile in reference.profiles.values():
        for known in (profile.id, *profile.names):
            names.setdefault(known.lower(), (known, profile.id))
        for wrong in profile.misspellings:
            misspellings.setdefault(wrong.lower(), (profile.generic, profile.id))
    wanted = name.strip().lower()
    shown: list[str] = []
    for table in (names, misspellings):
        for key in difflib.get_close_matches(wanted, list(table), n=limit * 3, cutoff=0.6):
            known, profile_id = table[key]
            label = known if known == profile_id else f"{known} ({profile_id})"
            if label not in shown and len(shown) < limit:
                shown.append(label)
    return shown


def latest_revision(profile: Profile) -> str | None:
    """The most recent dated revision among a profile's label sources (None: none dated)."""
    dates = [m.group(0) for s in profile.sources.values() if (m := DATE.match(str(s.revised)))]
    return max(dates) if dates else None


def summary(profile: Profile) -> dict:
    """One row of `druglint drugs`, with every source's revision as the profile gives it."""
    return {"id": profile.id, "generic": profile.generic, "brands": list(profile.brands),
            "revised": latest_revision(profile),
            "sources": {key: s.revised for key, s in profile.sources.items()},
            "untraced_sources": untraced(profile)}


def untraced(profile: Profile) -> list[str]:
    """The keys of a profile's sources that do not name a label version (set id, date, address)."""
    return [key for key, source in profile.sources.items() if not source.traced]


def render_list(profiles: list[Profile]) -> str:
    """The `druglint drugs` table: id, generic name, latest label revision, whether every
    source names a label version, brands."""
    rows = [("ID", "GENERIC", "LABEL REVISED", "SOURCES", "BRANDS")]
    rows += [(p.id, p.generic, latest_revision(p) or "undated",
              f"{len(missing)} untraced" if (missing := untraced(p)) else "traced", ", ".join(p.brands) or "-")
             for p in profiles]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(f"{cell:{width}}" for cell, width in zip(r, widths)) + f"  {r[4]}" for r in rows]
    traced = sum(not untraced(p) for p in profiles)
    lines.append(f"{len(profiles)} drug{'s' if len(profiles) != 1 else ''}, {traced} with every source traced to a "
                 f"label version (DailyMed set id and revision date)")
    return "\n".join(lines) + "\n"


def _bounds(value: tuple[float | None, float | None]) -> str:
    low, high = value
    if low is None and high is None:
        return "any"
    if low is None:
        return f"up to {high:g}"
    if high is None:
        return f"{low:g} or more"
    return f"{low:g}" if low == high else f"{low:g}-{high:g}"


RANGE_WORDS = {"single_mg": "{} mg per dose", "daily_mg": "{} mg/day", "times_per_day": "{} times a day",
               "interval_hours": "every {} hours", "single_mg_per_kg": "{} mg/kg per dose",
               "daily_mg_per_kg": "{} mg/kg/day"}


TIMES_WORDS = {"1": "once a day", "2": "twice a day"}


def _say(key: str, amount: str) -> str:
    if key == "times_per_day" and amount in TIMES_WORDS:
        return TIMES_WORDS[amount]
    return RANGE_WORDS[key].format(amount)


def describe_regimen(regimen: Regimen) -> str:
    """'0.25 mg per dose, twice a day, 0.5 mg/day'."""
    return ", ".join(_say(key, _bounds(value)) for key, value in regimen.ranges.items() if value is not None)


def describe_limits(limits: dict[str, float]) -> str:
    """'4 mg/day, 3 times a day'."""
    return ", ".join(_say(key, f"{value:g}") for key, value in limits.items())


def describe_dose(entry: DoseEntry) -> str:
    """The numbers of a dose entry in one line (or why the label gives none)."""
    if entry.silent:
        return f"no number: {entry.silent}"
    parts = []
    if entry.initial.ranges:
        parts.append(f"start {describe_regimen(entry.initial)}")
    if entry.usual.ranges:
        parts.append(f"usual {describe_regimen(entry.usual)}")
    if entry.max:
        parts.append(f"max {describe_limits(entry.max)}")
    return "; ".join(parts)


def _who(entry: DoseEntry) -> str:
    who = [entry.population]
    if entry.age_years:
        who.append(f"age {_bounds(entry.age_years)} years")
    if entry.weight_kg:
        who.append(f"weight {_bounds(entry.weight_kg)} kg")
    return ", ".join(who)


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(" ".join(str(text).split()), WIDTH, initial_indent=indent, subsequent_indent=indent)


def render_profile(profile: Profile) -> str:
    """One profile as readable text, section by section, for `druglint drugs show`."""
    lines = [f"{profile.generic} ({profile.id})"]
    facts = [("brands", ", ".join(profile.brands) or "-"), ("other names", ", ".join(profile.other_names)),
             ("misspellings", ", ".join(profile.misspellings)), ("class", profile.drug_class),
             ("prescription", "Rx only" if profile.rx_only else "available without a prescription (OTC)"),
             ("schedule", profile.controlled or "not controlled"), ("profile file", profile.path)]
    lines += [f"  {label + ':':14} {value}" for label, value in facts if value]

    lines += ["", "Products"]
    for product in profile.products:
        strengths = ", ".join(f"{s:g}" for s in product.strengths_mg)
        detail = ["OTC" if product.otc else "Rx", f"strengths {strengths} mg" if strengths else "",
                  f"named by: {', '.join(product.cues)}" if product.cues else "default product",
                  f"source {product.source}"]
        lines.append(f"  {product.id}: " + "; ".join(d for d in detail if d))

    lines += ["", "Indications (labeled uses)"]
    for ind in profile.indications:
        covers = ", ".join(ind.conditions + ind.terms)
        lines.append(f"  {ind.id}: {covers}" + (f" [products: {', '.join(ind.products)}]" if ind.products else ""))
        lines += _wrap(ind.fact, "      ")
        lines.append(f"      ({ind.source}: {ind.section})")

    required = [w for w in profile.warnings if w.required]
    optional = [w for w in profile.warnings if not w.required]
    lines += ["", f"Required warning topics (checked by missing-warning: {len(required)})"]
    for topic in required:
        lines.append(f"  {topic.id} ({topic.kind}): {topic.topic}")
        lines += _wrap(topic.fact, "      ")
        lines.append(f"      ({topic.source}: {topic.section})" if topic.section else f"      ({topic.source})")
    if optional:
        lines += ["", f"Other warning topics (listed, not checked: {len(optional)})"]
        lines += [f"  {topic.id} ({topic.kind}): {topic.topic}" for topic in optional]

    lines += ["", "Doses"]
    for entry in profile.doses:
        scope = ", ".join(x for x in (entry.indication, _who(entry), *entry.products) if x)
        lines.append(f"  {entry.id} [{scope}]")
        lines += _wrap(describe_dose(entry), "      ")
        if entry.fact and not entry.silent:
            lines += _wrap(f"label: {entry.fact}", "      ")

    lines += ["", "Sources"]
    for source in profile.sources.values():
        lines.append(f"  {source.key}: {source.title} (revised {source.revised})")
        lines.append(f"      {source.url}")
    return "\n".join(lines) + "\n"


def _regimen_dict(regimen: Regimen) -> dict:
    return {key: list(value) for key, value in regimen.ranges.items() if value is not None}


def profile_dict(profile: Profile) -> dict:
    """A whole profile as JSON-ready data (the fields of rules/README.md, validated)."""
    return {
        "id": profile.id,
        "names": {"generic": profile.generic, "brands": list(profile.brands),
                  "other": list(profile.other_names), "misspellings": list(profile.misspellings)},
        "class": profile.drug_class, "rx_only": profile.rx_only, "controlled": profile.controlled,
        "sources": {key: {"title": s.title, "setid": s.setid, "url": s.url, "revised": s.revised}
                    for key, s in profile.sources.items()},
        "products": [{"id": p.id, "source": p.source, "otc": p.otc, "cues": list(p.cues),
                      "strengths_mg": list(p.strengths_mg)} for p in profile.products],
        "indications": [{"id": i.id, "conditions": list(i.conditions), "terms": list(i.terms),
                         "products": list(i.products), "source": i.source, "section": i.section,
                         "fact": i.fact} for i in profile.indications],
        "warnings": [{"id": w.id, "topic": w.topic, "kind": w.kind, "required": w.required,
                      "mentions": [" + ".join("|".join(group) for group in pattern) for pattern in w.mentions],
                      "fact": w.fact, "suggestion": w.suggestion, "source": w.source, "section": w.section}
                     for w in profile.warnings],
        "doses": [{"id": d.id, "indication": d.indication, "population": d.population,
                   "age_years": list(d.age_years) if d.age_years else None,
                   "weight_kg": list(d.weight_kg) if d.weight_kg else None, "products": list(d.products),
                   "initial": _regimen_dict(d.initial), "usual": _regimen_dict(d.usual), "max": dict(d.max),
                   "silent": d.silent, "source": d.source, "section": d.section, "fact": d.fact}
                  for d in profile.doses],
        "path": profile.path,
    }

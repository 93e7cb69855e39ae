"""`druglint profile diff A B`: compare two readings of the same label (two profiles of one
drug written independently) fact by fact, not line by line: ids and wording may differ, so
names, indications (by condition), required warnings (by kind and topic words) and dose
limits (by population, band and numbers) are matched by meaning. Every difference is a
question to settle on the label."""
from __future__ import annotations

import re
from dataclasses import dataclass

from lint.knowledge.reference import DoseEntry, Profile, WarningTopic

WORD = re.compile(r"[a-z]{4,}")
TOPIC_MATCH = 0.25  # share of topic words two warnings must have in common to be one topic


@dataclass(frozen=True)
class Difference:
    """One fact the two readings disagree on."""

    area: str  # names, indications, warnings, doses
    text: str

    def __str__(self) -> str:
        return f"{self.area}: {self.text}"


def diff_profiles(first: Profile, second: Profile) -> list[Difference]:
    """Every difference between two profiles of one drug, first-only facts then second-only."""
    return [*_names(first, second), *_indications(first, second), *_warnings(first, second),
            *_doses(first, second, "first"), *_doses(second, first, "second")]


def _names(first: Profile, second: Profile) -> list[Difference]:
    found = []
    for label, a, b in (("brands", first.brands, second.brands),):
        only_first = {x.lower() for x in a} - {x.lower() for x in b}
        only_second = {x.lower() for x in b} - {x.lower() for x in a}
        if only_first or only_second:
            found.append(Difference("names", f"{label} only in the first: {sorted(only_first)}; "
                                             f"only in the second: {sorted(only_second)}"))
    for field in ("rx_only", "controlled"):
        if getattr(first, field) != getattr(second, field):
            found.append(Difference("names", f"{field}: {getattr(first, field)!r} vs {getattr(second, field)!r}"))
    return found


def _indications(first: Profile, second: Profile) -> list[Difference]:
    a = {c for ind in first.indications for c in ind.conditions}
    b = {c for ind in second.indications for c in ind.conditions}
    found = []
    if a - b:
        found.append(Difference("indications", f"conditions only in the first: {sorted(a - b)}"))
    if b - a:
        found.append(Difference("indications", f"conditions only in the second: {sorted(b - a)}"))
    return found


def _words(topic: WarningTopic) -> set[str]:
    return set(WORD.findall(f"{topic.topic} {topic.id.replace('-', ' ')}".lower()))


def _same_topic(a: WarningTopic, b: WarningTopic) -> bool:
    words_a, words_b = _words(a), _words(b)
    return bool(words_a and words_b) and len(words_a & words_b) / len(words_a | words_b) >= TOPIC_MATCH


def _warnings(first: Profile, second: Profile) -> list[Difference]:
    found = []
    for mine, theirs, which in ((first, second, "first"), (second, first, "second")):
        for topic in mine.warnings:
            if not topic.required:
                continue
            match = next((t for t in theirs.warnings if _same_topic(topic, t)), None)
            if match is None:
                found.append(Difference("warnings", f"required {topic.kind} '{topic.topic}' only in the {which}"))
            elif (match.kind, match.required) != (topic.kind, topic.required) and which == "first":
                found.append(Difference("warnings", f"'{topic.topic}': {topic.kind}, required={topic.required} vs "
                                                    f"{match.kind}, required={match.required}"))
    return found


def _limits(entry: DoseEntry) -> tuple:
    """The numbers an entry judges doses by: its maxima, and its regimens' high ends."""
    def high(regimen, key):
        value = regimen.get(key)
        return value[1] if value else None
    keys = ("single_mg", "daily_mg", "single_mg_per_kg", "daily_mg_per_kg")
    return (tuple(entry.max.get(k) or high(entry.usual, k) or high(entry.initial, k) for k in keys),
            entry.no_dose, bool(entry.silent), entry.schedule)


def _band(entry: DoseEntry) -> tuple:
    return entry.population, entry.age_years, entry.weight_kg


def _describe(entry: DoseEntry) -> str:
    (single, daily, single_kg, daily_kg), no_dose, silent, schedule = _limits(entry)
    parts = [entry.population] + ([schedule] if schedule else [])
    if entry.age_years:
        parts.append(f"age {entry.age_years}")
    if entry.weight_kg:
        parts.append(f"weight {entry.weight_kg}")
    if entry.indication:
        parts.append(entry.indication)
    if no_dose:
        parts.append("no dose")
    elif silent:
        parts.append("silent")
    parts += [f"{name} {value:g}" for name, value in (("single mg", single), ("daily mg", daily),
                                                      ("single mg/kg", single_kg), ("daily mg/kg", daily_kg))
              if value is not None]
    return ", ".join(parts)


def _doses(mine: Profile, theirs: Profile, which: str) -> list[Difference]:
    """Dose entries of one reading with no entry of the same band and numbers in the other."""
    found = []
    for entry in mine.doses:
        same_band = [e for e in theirs.doses if _band(e) == _band(entry)]
        if any(_limits(e) == _limits(entry) for e in same_band):
            continue
        closest = f"; the other has {'; '.join(_describe(e) for e in same_band)}" if same_band else \
            "; the other has no entry for this band"
        found.append(Difference("doses", f"only in the {which}: {_describe(entry)}{closest}"))
    return found

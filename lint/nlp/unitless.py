"""Amounts an article states without their unit: "two of the 60s", "150 of the XR",
"Kapvay 0.3 twice a day", "takes his 0.4 morning and night", "she takes a 300 when she
gets home", and a count of a brand made in one strength ("4 Advil"). A number is read in mg only
where it is a strength of a drug the article names (and, without a name or a form beside
it, where a schedule follows it), so that ages, clock times and counts stay numbers."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from lint.model.units import COUNT_PATTERN, NUMBER_PATTERN, UNIT_FORMS, parse_number
from lint.nlp.lexicon import RELEASE_FORMS_ANY_CASE

FORMS = rf"(?:(?-i:ER|LA|CD)|{'|'.join(RELEASE_FORMS_ANY_CASE)})"  # a release form: "the XR", "30 xr" ("er", "la": words)
OWNER = r"(?:the|my|his|her|their|your|our|those|these)"
PLURAL_STRENGTH = re.compile(rf"\b{COUNT_PATTERN}\s+(?:of\s+{OWNER}\s+)?(?:[a-z-]+\s+){{0,2}}?(?P<n>{NUMBER_PATTERN})s\b",
                             re.I)  # "two 300s", "three of the orange 300s"
STRENGTH_WORDS = {"fives": 5.0, "tens": 10.0, "twenties": 20.0, "thirties": 30.0, "forties": 40.0, "fifties": 50.0,
                  "sixties": 60.0, "eighties": 80.0, "hundreds": 100.0}
PLURAL_WORD_STRENGTH = re.compile(rf"\b{COUNT_PATTERN}\s+(?:of\s+{OWNER}\s+)?(?:[a-z-]+\s+){{0,2}}?"
                                  rf"(?P<w>{'|'.join(STRENGTH_WORDS)})\b", re.I)  # "two of the tens": a strength in words
OWNED_PLURAL = re.compile(rf"(?<!in )(?<!into )(?<!from )(?<!since )\b{OWNER}\s+(?:[A-Za-z-]+\s+){{0,2}}?"
                          rf"(?P<n>{NUMBER_PATTERN})s\b", re.I)  # "the ER 200s are taken twice a day" (not "in the 50s")
BEFORE_FORM = re.compile(rf"(?<![\w.$])(?P<n>{NUMBER_PATTERN})\s+(?:of\s+{OWNER}\s+)?{FORMS}(?-i:s)?\b", re.I)  # "150 of the XR"
ONE_FORM = (r"(?:shot|injection|jab|pen|pill|tablet|tab|capsule|cap|patch|caplet|softgel|wafer|lozenge|troche|film|"
            r"suppository|vial|syringe)")  # one unit of a strength: "the 380 shot", "a 50 pill"
BEFORE_ONE_FORM = re.compile(rf"\b(?:an?|the|one|my|his|her|their|your|that|this|each)\s+(?P<n>{NUMBER_PATTERN})\s+{ONE_FORM}\b"
                             r"(?!-)", re.I)  # "our protocol was the 380 shot every two weeks"
WAKING_UP = r"when (?:you|i|he|she|they|we) (?:wakes?|woke|gets?|got) up"  # a time of day: "a 300 when I wake up"
SCHEDULE = (r"(?:in the (?:morning|afternoon|evening|am|pm)\b|at (?:night|bedtime|breakfast|lunch|dinner|supper|noon|lights[- ]out)"
            r"|morning and (?:night|evening)|with (?:breakfast|lunch|dinner|supper)|(?:once|twice|three times|four times)\b"
            r"|every (?:morning|night|evening|day)\b|a day\b|daily\b|nightly\b|"
            rf"{WAKING_UP}\b|before (?:every|each|my|his|her|their|a) (?:night )?shift\b"
            r"|at \d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)"
            r"|every (?:\d{1,2}|two|three|four|five|six|eight|twelve)(?: to \w+)? hours\b|every hour\b|hourly\b"
            r"|(?:bid|tid|qid|qhs|qd|q\d{1,2}h)\b|[bqt]\.i\.d\."
            r"|from (?:day (?:one|1)|the (?:start|get-go|beginning|first day))\b)")  # "a 100 every three hours", "750
# bid", "300 from day one"
BEFORE_SCHEDULE = re.compile(rf"(?<![\w.:$/,-])(?P<n>{NUMBER_PATTERN})(?=\s+{SCHEDULE})", re.I)  # "0.4 morning and night"
AFTER_NAME = re.compile(rf"\s+(?:(?:chewables?|ER|XR|XL|SR|CR|IR|ODT|tabs?|caps?)\s+)?(?P<n>{NUMBER_PATTERN})\b"
                        r"(?:(?!\s*(?:%|[-/]|\w))|(?=\s+for\s+(?:my|his|her|our|their|your|the)\s+(?:\d{1,2}[- ]?(?:year|yr|month)|"
                        r"son|daughter|kid|child|baby|boy|girl|toddler|teen|grandson|granddaughter|little)))",
                        re.I)  # "Kapvay 0.3.", "Focalin XR 10 for my 4 year old": a strength, alone or given to a child
NOT_MG = (r"(?:minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|times|pounds|lbs|kg|kilos|percent|dollars|bucks"
          r"|mcg|micrograms?|g|grams?|ml|units?|people|patients|of (?!the\b|my\b|his\b|her\b|their\b|your\b))\b")  # another 20 minutes
BEFORE_NAME = re.compile(rf"(?<![\w.:$/,-])(?P<n>{NUMBER_PATTERN})\s+of\s+(?:{OWNER}\s+)?$", re.I)  # "150 of Nuvigil"
LOOKS = (r"(?:(?:pink|white|blue|yellow|orange|green|red|purple|peach|brown|gr[ae]y|little|small|big|tiny|round|oval|"
         r"chalky|scored)\s+){0,2}")  # what a tablet looks like: "two pink nirmatrelvir tablets"
COUNT_BEFORE_NAME = re.compile(rf"(?<![\w.:$/,-]){COUNT_PATTERN}\s+(?:of\s+{OWNER}\s+)?{LOOKS}$", re.I)  # "4 Advil", "two of my
# Aleve", "two pink nirmatrelvir"
THINGS_AFTER_NAME = re.compile(rf"\s+(?!{UNIT_FORMS}\b)(?-i:[a-z]+s)\b")  # "three Aleve bottles": not tablets
NTH = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5,
       "sixth": 6, "6th": 6}  # the day's Nth dose
ORDINAL_DOSE = rf"a (?:{'|'.join(NTH)})"  # "another 20 at noon, and a third 20 before lab"
ADDED_NUMBER = re.compile(rf"\b(?:another|{ORDINAL_DOSE})\s+(?P<n>{NUMBER_PATTERN})(?![\w%/:-])(?!\s+{NOT_MG})",
                          re.I)  # "another 150 around 3am", "a third 20 before lab"
NUMBER_MORE = re.compile(rf"(?<![\w.$])(?P<n>{NUMBER_PATTERN})\s+more\b(?!\s+than\b)(?!\s+{NOT_MG})",
                         re.I)  # "400 mg in the morning and 400 more at suppertime"
MG_BEFORE = re.compile(rf"(?<![\w.])(?P<n>{NUMBER_PATTERN})\s*(?:mg|milligrams?)\b", re.I)  # an amount stated in mg
AFTER_ONE = rf"(?P<n>{NUMBER_PATTERN})(?![\w%/-]|[.,]\d)"  # a number standing for one unit: "a 300", not "a 100-mile", "a 2.5"
ONE_ENDS = (r"(?=\s*(?:[,.;:)!?]|$)|\s+(?:when|whenever|if|once|after|before|at|around|in|with|on|every|each|and|plus|"
            r"then|to|as|twice|daily|nightly|because|right|just|first|most|some|top-?ups?|boosters?|"
            r"(?:two|three|four|five|six|seven|eight|\d{1,2})\s+times)\b)")  # what may follow "a 300" ("a 200 top-up
# after lunch", "a 100 six times a day")
TAKEN_ONE = re.compile(rf"(?:\b(?:take|takes|took|taking|pop|pops|popped|popping|swallows?|swallowed|gave|give|gives|giving|"
                       rf"then|plus|on|(?:swear|swears|swore|sworn|swearing) by)|:)\s+(?:an?|one|my|his|her|their|your)\s+{AFTER_ONE}{ONE_ENDS}",
                       re.I)  # "she takes a 300 when she gets home", "then a 50 after lunch" (not "a 100 mile ride")
ON_THE_ONE = re.compile(rf"\b(?:on|to|takes?|took|taking)\s+the\s+{AFTER_ONE}"
                        r"(?=\s*(?:[,.;!?)]|$)|\s+(?:for|now|and|since|because|daily|every|each|once|twice|at|in the)\b)",
                        re.I)  # "they put him on the 25 for his heart failure", "switched to the 40 now"
FRACTIONS = {"half": 0.5, "quarter": 0.25}
FRACTION_OF = re.compile(rf"\b(?:an?\s+|one\s+)?(?P<f>{'|'.join(FRACTIONS)})\s+(?:of\s+)?(?:an?|one|my|his|her|their|your|the)\s+"
                         rf"{AFTER_ONE}{ONE_ENDS}", re.I)  # "half of a 500 before bed": 250 mg
TAKEN_BARE = re.compile(rf"\b(?:take|takes|took|taking)\s+(?P<n>{NUMBER_PATTERN})(?![\w%/:.-]|,\d)"
                        r"(?=\s*(?:[,.;!?]|$)|\s+(?:and|at|before|when|whenever|if|every|each|most|on|nightly|daily)\b)",
                        re.I)  # "I take 10 and ...", "she takes 20 at night": a strength of the drug named
LISTED_ONE = re.compile(rf"(?:,|\band|\bplus)(?: then)?\s+(?:an?|one)\s+{AFTER_ONE}"
                        r"(?=\s*(?:[,.;!?]|$)|\s+(?:after|before|at|with|in the|when|on waking|every|each|on top|together|daily|and|plus)\b)",
                        re.I)  # "an 800 after breakfast, an 800 after lunch and an 800 after supper"
CHANGED_TO = re.compile(rf"\b(?:doubled|tripled|upped|raised|increased|bumped|moved|went|titrated|dropped|cut|lowered|reduced"
                        rf"|halved|switched|changed|took)\s+(?:[\w-]+\s+){{0,2}}?from\s+(?P<old>{NUMBER_PATTERN})\s+"
                        rf"(?:(?:up|down|all the way)\s+)?to\s+(?P<n>{NUMBER_PATTERN})\b(?![%/-])(?!\s*{NOT_MG})",
                        re.I)  # "the doctor doubled her from 20 to 40": the new dose, in the unit of the old one
NOT_AN_AMOUNT_BEFORE = re.compile(r"\b(?:at|by|around|until|till|since|from|about|before|after|past|to|age|aged|ages"
                                  r"|is|was|turned|turns)\s*$", re.I)  # "at 7 in the morning", "he is 9 every summer"
GIVEN_FRAME = re.compile(r"\b(?:takes?|taking|took|gave|gives?|giving|prescribed|prescribes)\s+(?:(?:me|him|her|them|us)\s+)?$",
                         re.I)  # "the doc gave me 750 three times a day"
DAILY_TOTAL = re.compile(rf"(?<![\w.:$/,-])(?P<n>{NUMBER_PATTERN})(?=\s+(?:a|per|each|every) day\b|\s+daily\b)", re.I)
TOTAL_FRAME = re.compile(r"(?:\b(?:on|at|up to|takes?|taking|took|doing|prescribed)|\b(?:bumped|upped|raised|increased|went|moved)"
                         r" (?:\w+ )?to)\s+(?:(?:about|around|like|roughly)\s+)?$", re.I)  # "has me on 250 a day"
OTHER_DAILY_COUNTS = re.compile(r"\b(?:calories|cals|kcals?|steps|cigarettes|smokes|carbs|cups|glasses|drinks)\b", re.I)
OTHER_COUNTS_REACH = 200  # characters before the sentence where "calories" makes "I'm at 1200 a day" theirs
MIN_BARE_TOTAL = 10  # a bare day's total this large is not a count of tablets ("I'm on 250 a day")
MAX_UNITS_A_DAY = 12  # ... when it is at most this many units of a strength
LEVEL_END = rf"(?![\w%/-]|\.\d)(?!\s*{NOT_MG})(?=\s*(?:[,.;!?)]|$)|\s+(?:for|now|and|since|because|on|weekly|until|these)\b)"
LEVEL_HELD = re.compile(r"(?:\b(?:had|has|have|having|keeps?|keeping|kept|put|puts|got|gets|titrated|maxed|start|starts|started|"
                        r"starting)\s+(?:me|him|her|them|us)\s+(?:(?:out|up|all the way up|eventually)\s+)?(?:at|on|to)"
                        r"|\b(?:went|go|goes|gone|going|moved)(?:\s+(?:me|him|her|them|us|it))?\s+(?:all the way\s+)?up\s+to"
                        r"|\b(?:bumped|upped|increased|raised|titrated|pushed|jumped)(?:\s+(?:me|him|her|them|us|it))?"
                        r"\s+(?:all the way\s+)?(?:up\s+)?to)"
                        r"\s+(?:about\s+|around\s+)?$", re.I)  # "had me at 80", "they went up to 40"
LEVEL_NUMBER = re.compile(rf"(?<![\w.:$/,-])(?P<n>{NUMBER_PATTERN}){LEVEL_END}", re.I)  # "... at 80 for OCD"
LEVEL_AFTER_NAME = re.compile(rf"\s+(?:(?-i:[A-Z]{{2,3}})\s+)?at\s+(?P<n>{NUMBER_PATTERN}){LEVEL_END}", re.I)  # "Paxil CR at 50"
GAVE_BIRTH = re.compile(r"\b(?:mom|mum|mother|mama|ma|parents|i|we)\s+had\s+(?:me|him|her|them|us)\b", re.I)  # "my mom
# had me at 40": an age
STRENGTH_PAIR = re.compile(rf"(?<![\w.:$/,-])(?P<n>{NUMBER_PATTERN})\s?/\s?(?P<m>{NUMBER_PATTERN})(?P<units>'?s)?"
                           rf"(?![\w%/.:-]|,\d)(?!\s*(?:mg|mcg)\b)",
                           re.I)  # "15/92", "5/325": a combination's two strengths with no unit; "the 10/325s": tablets
UNITS_A_LEVEL = (1, 2)  # a dose someone is kept at is one or two units of a strength ("at 80": two 40s)
DOSE_LEVEL_BEFORE = re.compile(r"\b(?:at|to)\s*$", re.I)  # "started me at 12.5 twice a day", "upped to 40 daily"
COUNTED_SCHEDULE = re.compile(r"\s+(?:once|twice|three times|four times|(?:a|per) day|daily)\b", re.I)  # not a clock time
UNITS_A_DOSE = (1, 2, 3, 4)  # a bare number before a schedule, in a sentence naming the drug, may be units of a strength
MIN_BARE_STRENGTH = 5  # a bare whole number below this before a schedule may count tablets ("2 at bedtime")


@dataclass(frozen=True)
class UnitlessAmount:
    """An amount in mg read from a number without a unit; it answers as a dose amount match does
    (`start`, `end`, `group`), so the dose reader treats it as one."""

    begin: int
    finish: int
    number: str
    counts_units: bool  # "two of the 60s": the number names tablets of that strength, counted before it

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self, name: str) -> str | None:
        return {"low": self.number, "unit": "mg"}.get(name)


class DrugNames:
    """The drug names of an article in text order, each as (start, end, its drug's strengths
    in mg), found by position with bisection so that a long article stays linear."""

    def __init__(self, names: tuple[tuple[int, int, frozenset[float]], ...],
                 unit_mg: dict[int, float] | None = None, combinations: frozenset[int] = frozenset(),
                 main_strengths: frozenset[float] = frozenset()) -> None:
        self.names = names
        self.main_strengths = main_strengths  # of the drug the article names most, which most numbers are about
        self.unit_mg = unit_mg or {}  # by a name's start: the one strength of the product it names ("Advil": 200)
        self.starts = [start for start, _, _ in names]
        self.ends = [end for _, end, _ in names]  # in order too: names do not overlap
        self.profiled_up_to: list[frozenset[float]] = []  # per name: its strengths, else the last known ones before it
        self.combined_up_to: list[bool] = []  # per name: whether that drug (or the last profiled one) is a combination
        for start, _, strengths in names:
            self.profiled_up_to.append(strengths or (self.profiled_up_to[-1] if self.profiled_up_to else frozenset()))
            self.combined_up_to.append(start in combinations if strengths or not self.combined_up_to
                                       else self.combined_up_to[-1])

    def __bool__(self) -> bool:
        return bool(self.names)

    def within(self, start: int, end: int) -> tuple[tuple[int, int, frozenset[float]], ...]:
        """The names that start in text[start:end]."""
        return self.names[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]

    def _owner(self, position: int) -> tuple[int, bool] | None:
        """The index of the name a number at `position` most likely belongs to, and whether it
        stands before it: the one named last before it (past drugs without a profile, whose
        strengths are unknown), else the first named after it; None when there is neither."""
        before = bisect.bisect_right(self.ends, position)
        if before and self.profiled_up_to[before - 1]:  # past names of drugs with no profile ("Mucinex")
            return before - 1, True
        after = bisect.bisect_right(self.starts, position)
        return (after, False) if after < len(self.names) else None

    def owner_strengths(self, position: int) -> frozenset[float]:
        """The strengths of the drug a number at `position` most likely belongs to (`_owner`),
        and those of the article's main drug: "Xanax 0.5 and two 20s a day" in an article about
        Lexapro (whose dose the claims then make it, as no Xanax is made in 20s)."""
        owner = self._owner(position)
        if owner is None:
            return self.main_strengths
        index, named_before = owner
        return (self.profiled_up_to[index] if named_before else self.names[index][2]) | self.main_strengths

    def owner_combined(self, position: int) -> bool:
        """Whether the drug a number at `position` belongs to (`_owner`) is a combination of two
        ingredients, whose strength is written as a pair ('15/92')."""
        owner = self._owner(position)
        return owner is not None and self.combined_up_to[owner[0]]


def unitless_amounts(text: str, start: int, end: int, names: DrugNames) -> list[UnitlessAmount]:
    """The unitless amounts of the sentence text[start:end]: numbers written as tablets ("two
    300s"), taken as one ("takes a 300", "an 800 after lunch"), before a release form ("75 XR")
    or before a schedule ("0.4 morning and night") that are a strength (mg) of the drug named
    last before them (else first after them), numbers right after a drug name that are one of
    its strengths, and counts of a brand made in one strength ("4 Advil")."""
    found: dict[int, UnitlessAmount] = {}

    def add(match: re.Match, counts_units: bool, allowed: frozenset[float] | None = None,
            finish: int | None = None) -> None:
        number = match.group("n")
        if parse_number(number) in (names.owner_strengths(match.start()) if allowed is None else allowed):
            finish = finish or match.end("n") + (1 if counts_units else 0)  # "60s" ends after its "s"
            found.setdefault(match.start("n"), UnitlessAmount(match.start("n"), finish, number, counts_units))

    for match in STRENGTH_PAIR.finditer(text, start, end):  # "started me at 15/92 twice a day": a combination's
        strengths = names.owner_strengths(match.start())  # strength, both ingredients, when one of them is made
        pair = parse_number(match.group("n")), parse_number(match.group("m"))
        named_before = bisect.bisect_right(names.ends, match.start())  # "Norco 5/325, 3 tabs": the product's
        if named_before and not text[names.ends[named_before - 1]:match.start()].strip():  # strength, read with
            continue  # the tablets counted
        if names.owner_combined(match.start()) and pair[0] != pair[1] and set(pair) & strengths:  # not "10/10"
            for part in ("n", "m"):  # the plural's "s" ends the pair: "the 8/90s a day"
                finish = match.end() if part == "m" else match.end(part)
                found.setdefault(match.start(part), UnitlessAmount(match.start(part), finish, match.group(part),
                                                                   bool(match.group("units"))))
    for match in FRACTION_OF.finditer(text, start, end):  # first: the fraction owns the number it divides
        whole = parse_number(match.group("n"))
        if whole in names.owner_strengths(match.start()):
            found.setdefault(match.start("n"), UnitlessAmount(match.start(), match.end("n"),
                                                             f"{whole * FRACTIONS[match.group('f').lower()]:g}", False))
    for name_start, name_end, own in names.within(start, end):
        if name_end < end and (after := AFTER_NAME.match(text, name_end, end)):
            add(after, False, own)
        if before := BEFORE_NAME.search(text, start, name_start):
            add(before, False, own)
        if name_end < end and (level := LEVEL_AFTER_NAME.match(text, name_end, end)):
            add(level, False, _units_of(own, UNITS_A_LEVEL))  # "I'm on Paxil CR at 50 for my social anxiety"
        if (unit := names.unit_mg.get(name_start)) is not None and COUNT_BEFORE_NAME.search(text, start, name_start) \
                and not THINGS_AFTER_NAME.match(text, name_end, end):
            found.setdefault(name_start, UnitlessAmount(name_start, name_end, f"{unit:g}", True))  # "4 Advil": 4 x 200 mg
    # "60 mg at breakfast and another 60 at supper", "400 mg in the morning and 400 more at suppertime":
    # the unit of the amount it adds to
    for match in (*ADDED_NUMBER.finditer(text, start, end), *NUMBER_MORE.finditer(text, start, end)):
        stated = frozenset(parse_number(m.group("n")) for m in MG_BEFORE.finditer(text, start, match.start()))
        add(match, False, names.owner_strengths(match.start()) | stated)
    for match in CHANGED_TO.finditer(text, start, end):
        if parse_number(match.group("old")) in names.owner_strengths(match.start()):
            found.setdefault(match.start("n"), UnitlessAmount(match.start("n"), match.end("n"), match.group("n"), False))
    for match in (*TAKEN_ONE.finditer(text, start, end), *LISTED_ONE.finditer(text, start, end),
                  *ON_THE_ONE.finditer(text, start, end)):
        add(match, False)
    for match in LEVEL_NUMBER.finditer(text, start, end):
        if _may_be_strength(match.group("n")) and (held := LEVEL_HELD.search(text, start, match.start())) \
                and not GAVE_BIRTH.search(text, start, held.end()):
            add(match, False, _units_of(names.owner_strengths(match.start()), UNITS_A_LEVEL))  # "had me at 80 for OCD"
    for match in TAKEN_BARE.finditer(text, start, end):
        if _may_be_strength(match.group("n")):
            add(match, False)  # "I take 10 and if I'm up at 3 a.m. I take another 5"
    for match in PLURAL_STRENGTH.finditer(text, start, end):
        add(match, True)
    for match in PLURAL_WORD_STRENGTH.finditer(text, start, end):
        mg = STRENGTH_WORDS[match.group("w").lower()]
        if mg in names.owner_strengths(match.start()):  # a strength the drug is made in, not "two twenties" of cash
            found.setdefault(match.start("w"), UnitlessAmount(match.start("w"), match.end("w"), f"{mg:g}", True))
    for match in OWNED_PLURAL.finditer(text, start, end):
        add(match, False, finish=match.end("n") + 1)  # one unit of that strength: "the 200s" ends after its "s"
    for match in BEFORE_ONE_FORM.finditer(text, start, end):
        add(match, False)
    for match in BEFORE_FORM.finditer(text, start, end):  # "75 XR": the form is part of the amount; "600 XL" may be
        add(match, False, _units_of(names.owner_strengths(match.start()), UNITS_A_DOSE), finish=match.end())  # 2 x 300
    named_here = bool(names.within(start, end))
    for match in BEFORE_SCHEDULE.finditer(text, start, end):
        if _may_be_strength(match.group("n")) \
                and (not NOT_AN_AMOUNT_BEFORE.search(text, start, match.start())
                     or DOSE_LEVEL_BEFORE.search(text, start, match.start()) and COUNTED_SCHEDULE.match(text, match.end())):
            add(match, False, _units_of(names.owner_strengths(match.start()), UNITS_A_DOSE)
                if named_here or GIVEN_FRAME.search(text, start, match.start())
                else None)  # "Gabapentin: 1200 four times a day" is two 600s a dose, as is "gave me 750 three times a day"
    if not OTHER_DAILY_COUNTS.search(text, max(0, start - OTHER_COUNTS_REACH), end):
        for match in DAILY_TOTAL.finditer(text, start, end):
            if parse_number(match.group("n")) >= MIN_BARE_TOTAL and TOTAL_FRAME.search(text, start, match.start()):
                add(match, False, _units_of(names.owner_strengths(match.start()), range(1, MAX_UNITS_A_DAY + 1)))
    return sorted(found.values(), key=lambda amount: amount.begin)


def _may_be_strength(number: str) -> bool:
    """A bare number that may be a strength rather than a count of tablets: a decimal, or at
    least MIN_BARE_STRENGTH ("2 at bedtime" counts tablets)."""
    return "." in number or parse_number(number) >= MIN_BARE_STRENGTH


def _units_of(strengths: frozenset[float], counts: Iterable[int]) -> frozenset[float]:
    """The amounts that many units of each strength make (a count of 1 gives the strength itself)."""
    return frozenset(strength * count for strength in strengths for count in counts)

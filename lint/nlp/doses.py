"""Dose mentions: amounts with mass units, ranges and lists, their frequency, whether
they are per dose or per day, and what kind of dose they are (initial, usual, maximum).

Numbers that are not doses are left out: tablet strengths, concentrations, prices,
titration steps, historical values, and amounts with no dosing words around them.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from lint.knowledge.reference import Reference, load_reference
from lint.model.document import Block
from lint.model.units import COUNT_PATTERN as COUNT
from lint.model.units import (
    COUNT_WORDS,
    ML_PER_UNIT,
    NUMBER_PATTERN,
    SPELLED_NUMBER_PATTERN,
    UNIT_FORMS,
    UNIT_PATTERN,
    VOLUME_UNIT_PATTERN,
    is_volume,
    parse_number,
    to_mg,
    to_mg_or_ml,
)
from lint.nlp.anaphora import OWNING_DETERMINERS, RELEASE_FORM_NOUNS
from lint.nlp.drugs import combination_parts, compared_with
from lint.nlp.sentences import sentence_table
from lint.nlp.unitless import (
    NTH,
    ORDINAL_DOSE,
    OWNER,
    STRENGTH_WORDS,
    WAKING_UP,
    DrugNames,
    UnitlessAmount,
    unitless_amounts,
)
from lint.nlp.words import article_text

NUM, UNIT = NUMBER_PATTERN, UNIT_PATTERN
AMOUNT_NUMBER = rf"(?:{NUMBER_PATTERN}|{SPELLED_NUMBER_PATTERN})"  # "40 mg", "forty milligrams"
WEEK_TOTAL = re.compile(r"(?:a|per)\s+week|weekly", re.I)  # "140 mg a week", "30 mg weekly" (not "once a week",
# "every week": one dose)
AMOUNT_HINT = re.compile(rf"\d+|\b{UNIT}\b|\b(?:{'|'.join(STRENGTH_WORDS)})\b", re.I)  # every amount starts with a
# digit, has a unit ("forty milligrams") or is a strength in words ("two of the tens")
AM_PM = r"in (?:the )?(?:am|pm|a\.m\.|p\.m\.)(?!\w)"  # "300 mg in AM", "in the pm" (not "in the ambulance")
TIME_OF_DAY = (rf"(?:(?:first thing )?in the morning|mid-?(?:morning|afternoon|day)|(?-i:q?HS\b|qhs\b)|at breakfast|with breakfast|on waking|upon waking|{WAKING_UP}|at lunch(?:time)?|at noon|at midday|"
               r"in the afternoon|in the evening|at dinner(?:time)?|with dinner|at night(?:-?time)?|at bedtime|before bed|"
               r"at lights[- ]out|before sleep|"
               rf"{AM_PM}|at supper|with supper|"
               r"(?:after|before) (?:breakfast|lunch|dinner|supper))")
OCCASION = r"(?:before|after|at|during|on) (?:the |a |an |my |his |her |their |our )?[\w'-]+(?: [\w'-]+)?"  # "before the wedding"
WHEN_CLAUSE = r"(?:when|whenever|as soon as|if)(?! needed| necessary| required)(?: [\w']+){1,6}?"  # "a 300 when she gets home and then another 300"
BARE_TIME_WORD = r"(?:morning|evening|night|noon|bedtime)"  # "40 mg morning and 40 mg evening"
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"  # "each Sunday", "on Mondays and Thursdays": a weekly schedule
ANOTHER_DAY = re.compile(rf"\s*,?\s*(?:(?:on )?(?:the )?(?:next|following) \w+|(?:a|one|two|three|\d+) (?:days?|weeks?) later|"
                         rf"(?:after|in) (?:a|one|two|three|\d+) (?:days?|weeks?)|"
                         rf"tomorrow|(?:on |that )?{WEEKDAY}|(?:the )?day after)\b", re.I)  # "another 50 mg the next evening"
NUTRIENT_AFTER = re.compile(r"^\s*(?:supplements?\b|(?:(?:\w+\s+)?(?:dose |serving |shot |cup )?of\s+)?(?:(?:dietary|added|daily|lean|extra)\s+)?"
                            r"(?:protein|fib(?:er|re)|sugars?|carbs?|carbohydrates?|fats?|salt|sodium|caffeine|calcium|"
                            r"magnesium|potassium|iron|zinc|omega-3s?|fish oil|vitamin \w+|melatonin|creatine|electrolytes))\b", re.I)
NUTRIENT_BEFORE = re.compile(r"\b(?:salt|sodium|sugar|caffeine|protein|fib(?:er|re))\s+(?:intake\s+)?(?:to|under|below|at)\s+"
                             r"(?:less than|under|no more than|below|about|around)?\s*$", re.I)  # "limit salt to less than 2,300 mg"
HELD_BEFORE = re.compile(r"\b(?:holds?|contains?|containing|delivers? a total of|worth of)\s*$"
                         r"|\b(?:a|one|each|the) (?:box|pack|packet|carton|bottle|case|supply|shipment) of (?:\w+ )?$",
                         re.I)  # "a box of four 2.4 mg pens": what is supplied, not a dose
REQUESTED_BEFORE = re.compile(r"\b(?:asked|asks|begged|begs|pleaded|pleads|pushed|requested|requests|wanted|"
                              r"tried to get)\b[^.;!?]*$", re.I)
REFUSED_AFTER = re.compile(r"^[^.;!?]*?\b(?:refused|refuses|(?:said|says) (?:\w+ )?(?:no|not)\b(?! (?:problem|worries|issue))|"
                           r"declined|declines|won't|wouldn't|"
                           r"(?:turned|turns|shot|shoots) (?:me|us|him|her|them|it|that) down|vetoed|nixed)\b", re.I)
HARMING = (r"(?:wreck|wrecks|destroy|destroys|damage|damages|kill|kills|harm|harms|fry|fries|ruin|ruins|poison|poisons|"
           r"stop|stops|shut down|shuts down|land|lands|put|puts|send|sends)")  # what too much does to someone
HARMED = (r"(?:you|your|him|his|her|them|their|someone|anyone|people|a person|a kid|a child|a baby|the liver|the kidneys|"
          r"the heart|the stomach|breathing)")  # whom: "could kill you", not "will kill the pain"
DANGEROUS = r"(?:dangerous|unsafe|fatal|deadly|lethal|toxic|life-threatening|an overdose)"
REJECTED = (r"(?:an? (?:[\w-]+\s+){0,2}?(?:old wives'? tale|urban legend|mistake|error|myth)|wrong|incorrect|false|untrue|"
            r"not (?:right|correct|true|safe|how it works))")  # "... every two weeks is a myth": a dose said to be wrong
JUDGED_AFTER = re.compile(r"^[\s)\]]*(?:of \w+\s+)?(?:(?:at once|at a time|in one go|(?:in )?(?:a|one) day|daily)\s+)?"
                          r"(?:(?:is|are|was|were|would be|would put you)\s+(?:\w+\s+)?"
                          rf"(?:above|over|beyond|more than|higher than|too (?:much|high|many)|{DANGEROUS})"
                          r"|(?:(?!(?:and|but|so|because|then|i|we)\b)[^\s.;!?]+[\s,]+){0,8}?"  # "(3.6 mg) in one day for a
                          # flare could be fatal", ", which is 4,000 mg, can wreck your liver": a few words, then the harm
                          rf"(?:(?:is|are|was|were|(?:could|can|may|might|will|would)\s+(?:\w+\s+)?be)\s+(?:\w+\s+)?{DANGEROUS}"
                          rf"|(?:is|are|was|were)\s+(?:(?:just|simply|completely|totally|flat|plain)\s+)?{REJECTED}"
                          rf"|(?:can|could|will|would|may|might)\s+(?:\w+\s+)?(?:{HARMING}\s+{HARMED}|cause (?:liver|kidney|organ) (?:failure|damage))))\b",
                          re.I)  # "8,000 mg a day is dangerous", "60 mg at once could kill you": an overdose warned of
FORBIDDING = (r"(?:never|don't|don’t|do not|does not|doesn't|should not|shouldn't|must not|mustn't|cannot|"
              r"can't|avoid)")
FORBIDDEN_JUST_BEFORE = re.compile(rf"\b{FORBIDDING}\s+(?:\w+\s+)?$", re.I)  # "never inject", "do not ever swap"
RISK_AT_BEFORE = re.compile(r"(?:\b(?:risks?|chances?|odds)\s+(?:\w+\s+){0,3}?(?:is|are|goes|go|rises?|gets?)\s+(?:\w+\s+)?"
                            r"(?:higher|greater|up|bigger|increased)|\b(?:more|less) (?:common|likely|frequent)|"
                            r"\b(?:worse|especially|particularly))\b[^.;]{0,20}?\bat\s+(?:the\s+|a\s+)?$", re.I)
# "Risk is higher at the 80 mg dose": a dose named as a risk, not one taken
FORBIDDEN_BEFORE = re.compile(rf"\b{FORBIDDING}\s+(?:\w+\s+){{0,2}}?(?:take|taking|give|giving|use|using|swallow|inject|double|"
                              r"prescribe|prescribing|write|writing)\s+"
                              r"(?:(?!(?:more|over|above|beyond|exceed\w*|up|upto)\b)[\w-]+\s+){0,2}?$"
                              r"|\bif (?:you|they|he|she) (?:notice|find|catch|realise|realize)\b[^.;]*$",
                              re.I)  # "never take 600 mg", "don't take three tablets", not "never take more than";
# "if you find yourself taking it every night": a warning sign to watch for, no regimen
DENIED_JUST_BEFORE = re.compile(rf"\b{FORBIDDING}\s*$", re.I)  # "do not | take it every hour"
A_LIMIT = re.compile(r"\b(?:more than|over|above|beyond|exceed\w*|up to)\b", re.I)  # "never take more than 8": a limit
REPLACED_BEFORE = re.compile(r"\b(?:(?:instead of|rather than|in place of)(?:\s+\w+ing(?:\s+(?:him|her|them|me|you|it|up|"
                             r"out|off|on|at|to|with|from))*)?|switch(?:ing|ed|es)? from|replac(?:e|es|ed|ing))\s*$",
                             re.I)  # "instead of 1 mg", "rather than starting at 20 mg": not the dose taken
ON_THE_BEFORE = re.compile(r"\b(?:(?:i'?m|i am|am|was|were|is|are|been|stay(?:s|ed|ing)?|kept|put (?:me|him|her))\s+on"
                           r"|(?:can|may|could|should|might)\s+have"
                           r"|take|takes|taking|took|use|uses|using|used|gets?|got|getting|swallow\w*|pop|pops|popped|popping|add|adds|added|adding"
                           r"|(?:give|gives|giving|gave|given)\s+(?:him|her|them|me|us|you|(?:my|our|the) [\w-]+))\s+"
                           r"(?:the|a|an|my|his|her|one)\s*(?:(?:adult|full|whole|big|regular|kids'?|children's|usual)\s+)?$",
                           re.I)  # "I'm on the 3 mg tablet", "giving him the 5 mg tablets", "take the adult 10 mg tablet"
PER_KG = (r"(?:\s*/\s*kg|\s+(?:per|a|each|every|for\s+each)\s+(?:kg|kilo|kilogram)(?:\s+of\s+(?:body\s+)?weight)?"
          r"|\s*/\s*kilo(?:gram)?)")  # "90 mg per kilo", "15 mg a kilo", "10 mg/kilo"
AMOUNT = re.compile(
    rf"(?<![\w.$£€])(?<!\d/)(?P<low>{AMOUNT_NUMBER})(?:\s*(?P<unit1>{UNIT})\b)?(?:\s*(?:-|–|—|to)\s*(?P<high>{AMOUNT_NUMBER}))?"
    rf"\s*(?:-(?=[a-zµμ]))?(?P<unit>{UNIT})\b(?P<perkg>{PER_KG})?(?P<perday>\s*/\s*(?:day|d|24\s*h(?:ours?)?)\b)?",
    re.IGNORECASE)
VOLUME_AMOUNT = re.compile(
    rf"(?<![\w.$£€/])(?<!per )(?<!in )(?<!each )(?<!every )(?P<low>{AMOUNT_NUMBER}|an?|one)(?P<unit1>(?!))?"
    rf"(?:\s*(?:-|–|—|to)\s*(?P<high>{AMOUNT_NUMBER}))?\s*(?:(?:full|level|heaping|heaped|whole)\s+)?"
    rf"(?P<unit>{VOLUME_UNIT_PATTERN})\b(?P<perkg>(?!))?"
    rf"(?P<perday>\s*/\s*(?:day|d)\b)?(?!\s*(?:bottles?|vials?|syringes?|cups?|glass|bags?|of (?:water|juice|milk)))",
    re.IGNORECASE)  # a liquid dose: "10 mL", "half a teaspoon" (not the "5 mL" of "160 mg per 5 mL")
PAREN_MASS_AFTER = re.compile(rf"\s*[(\[]\s*(?:about |approximately |or |=\s*)?{AMOUNT_NUMBER}\s*{UNIT}\b", re.I)
NEEDLE_GAUGE = re.compile(r"(?:2[5-9]|3[0-4])\s?G")  # "32G needles": a needle's gauge, not grams (case-sensitive)
PAREN_AFTER_AMOUNT = re.compile(rf"\b(?:{UNIT}|{VOLUME_UNIT_PATTERN})\s*[(\[]\s*(?:about |approximately |or |=\s*)?$", re.I)
JOINER = re.compile(r"^[\s,]*(?:(?:or|and|either|and/or)\s+)?(?:either\s+)?$", re.IGNORECASE)
PARTNER = re.compile(r"^\s*(?:[A-Za-z-]+\s*)?/\s*$")  # "10 mg/325 mg", "37.5 mg tramadol / 325 mg acetaminophen": the
# second amount is the other ingredient of a combination
TAKING = (r"take|takes|taking|took|taken|use|uses|using|give|gives|giving|gave|swallow\w*|"
          r"inject|injects|injecting|injected|apply|applies|applying|rub|rubs|rubbing|rubbed|spray|sprays|spraying|"
          r"sprayed|slap|slaps|slapping|slapped|dab|dabs|dabbing|dabbed|inhale|inhales|inhaling|inhaled")  # the verbs
# of taking a dose ("slap it on 4x a day")
TAKING_OR_POPPING = rf"{TAKING}|pop|pops|popped|popping"  # "I pop 3 with breakfast"
SECOND_DOSE = re.compile(rf"^\s*(?:{UNIT_FORMS}\s+(?:of\s+[\w-]+\s+(?:[A-Z]+\s+)?)?)?(?:(?:{TIME_OF_DAY}|{OCCASION}|{WHEN_CLAUSE}|{BARE_TIME_WORD})\s*,?\s*(?:and(?: then)?|then|plus)\s+(?:another|{ORDINAL_DOSE}(?: dose of)?|again)?"
                         rf"|,?\s*(?:and(?: then)?|then|plus)\s+(?:another|{ORDINAL_DOSE}(?: dose of)?|again))\s*$", re.I)
PRODUCT_NUMBER = r"(?:#\s?\d{1,2}|No\.\s?\d{1,2})s?"  # "Tylenol #3", "No. 4": a product, not a count
NOT_A_PRODUCT_NUMBER = r"(?<![\w.#/])(?<!no\. )"  # nor a date's day ("| 3/5 | 50 mg tab |")
COUNT_BEFORE = re.compile(rf"{NOT_A_PRODUCT_NUMBER}(?P<a>{COUNT})(?:\s*(?:-|–|to|or)\s*(?P<b>{COUNT}))?(?:\s*x\s*|\s?)$",
                          re.I)  # (not across a table's cell gap: "| IR, age 10-16 | 500 mg BID |")
DOSES_A_DAY = re.compile(r"^\s*(?:doses|shots|injections)\s+(?:a|per|each|every)\s+day\b", re.I)  # after "three 300 mg"
COUNT_OF = re.compile(rf"{NOT_A_PRODUCT_NUMBER}(?P<a>{COUNT})(?:\s*(?:-|–|to|or)\s*(?P<b>{COUNT}))?\s+(?:[\w'-]+\s+){{0,4}}?"
                      rf"{UNIT_FORMS}\s+of(?:\s+(?:the|my|his|her|your|their|those|these))?\s*$", re.I)  # "10 tablets of the 5/325"
UNITS_CAP = re.compile(rf"\b(?:no more than|not more than|up to|at most|a maximum of|max(?:imum)?)\s+(?P<n>{COUNT})\s+"
                       rf"(?:{UNIT_FORMS}\s+)?(?:in|per|a|each|every)\s+(?:24 hours|day)\b", re.I)  # "no more than 8 a day"

MEAL_OR_TIME = r"(?:(?:in the|at|with) )?(?:morning|noon|midday|lunch(?:time)?|afternoon|dinner(?:time)?|supper|evening|night|bedtime|breakfast)"
CLOCK = r"(?:\d{1,2}(?::\d\d)?\s*(?:-|–|to|or)\s*)?\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)"  # "10 a.m.", "6 pm",
# "2-3 pm"
CLOCK_TIME = rf"at {CLOCK}"  # "at 6 pm", "at 3 a.m."
TIMED_MEAL = (rf"(?:(?:a|an|your|my|his|her|their|the)\s+)?(?:{CLOCK}|bedtime|late[- ]night|midnight|night-?time)\s+"
              r"(?:meal|snack|feed|feeding)")  # "your 2 a.m. meal", "a bedtime snack"
TIME_ITEM = rf"(?:(?:at )?(?:{CLOCK}|noon|midnight|midday)|{MEAL_OR_TIME}|{TIMED_MEAL})"  # "at 8am", "noon", "with dinner"
DOSE_TIME = (rf"(?:{TIME_OF_DAY}|(?:at|around|about|by) (?:{CLOCK}|noon|midnight|midday"
             r"|\d{1,2}(?::\d\d)?(?![\d.,:]|\s*(?:mg|mcg|%|hours?|hrs?|days?|weeks?|minutes?|years?)\b)))")  # "at 3", "around 1 pm"
NEXT_DOSE = rf"(?:another|one more|{ORDINAL_DOSE}|one|two|three|four)(?:\s+(?:one|{UNIT_FORMS}))?"  # "another one", "a second
# capsule", "two in the morning and two at night" (a count in words: "10 mg ... and 5 at night" is another amount)
AND_THEN = r"(?:and(?: then)?|then|plus)(?:\s+(?:add|adds|added|take|takes|took|pop|pops|popped))?"  # "and add"
TIMES_LISTED = [  # "at 8am, noon, 4pm and midnight", "with breakfast, lunch and dinner": one dose at each time named
    *((re.compile(rf"\b{TIME_ITEM}(?:\s*,\s*{TIME_ITEM}){{{n - 2}}}\s*,?\s*and\s+(?:again\s+)?{TIME_ITEM}", re.I), (n, n))
      for n in (6, 5, 4, 3)),
    (re.compile(rf"\bat {CLOCK}\s*,?\s*and\s+(?:at )?{CLOCK}", re.I), (2, 2)),
    (re.compile(rf"{DOSE_TIME}\s*,\s*{NEXT_DOSE}\s+{DOSE_TIME}\s*,?\s*{AND_THEN}\s+{NEXT_DOSE}\s+{DOSE_TIME}", re.I),
     (3, 3)),  # "a 100 mg tablet at noon, another at 4 pm and a third before bed"
    (re.compile(rf"{DOSE_TIME}\s*,?\s*{AND_THEN}\s+{NEXT_DOSE}\s+{DOSE_TIME}", re.I),
     (2, 2)),  # "one tablet when you wake up and another one at bedtime", "and a second capsule at 1 pm"
]
ONE_DAY = r"(?:24 hours|(?:a|one|a single)(?: (?:calendar|whole|full|entire|single))? day|a 24-hour period)"
PER_DAY = rf"(?:(?:a|per|each|every) day|daily|(?:in|within) {ONE_DAY}|(?:across|over|throughout) (?:the|a|one) (?:whole |entire )?day)"
# "a day", "in one calendar day", "four 2 mg bars across the day"
BARE_TIME = r"(?:morning|noon|midday|night|evening|bedtime)"  # a time of day said bare, right after its amount
DOSE_COUNT_WORDS = (("twice|two times|2 times", 2), ("three times|3 times", 3), ("four times|4 times", 4),
                    ("five times|5 times", 5), ("six times|6 times", 6))  # a count of doses, by how many
FREQUENCIES = [
    *TIMES_LISTED,
    *((re.compile(rf"\b(?:{words}) in (?:{ONE_DAY}|1 day|the same day|(?:one|a|a single|the same) night)\b", re.I), (n, n))
      for words, n in DOSE_COUNT_WORDS),  # "2 g four times in one day"
    *((re.compile(rf"\b(?:{words}) (?:over|during|throughout|across|through|over the course of) (?:the|a|one) "
                  r"(?:whole |entire )?day\b", re.I), (n, n))
      for words, n in DOSE_COUNT_WORDS),  # "25 mg three times over the day"
    (re.compile(r"\btwice,?\s+(?:about\s+)?(?:\d+|twelve|eight|six) hours apart\b", re.I), (2, 2)),  # "2 g twice, 12 hours apart"
    (re.compile(r"\b(?:three or four|3 or 4|3 to 4|three to four|3-4) times (?:a|per|each) day", re.I), (3, 4)),
    *((re.compile(rf"\b(?:{words})-a-day\b", re.I), (n, n)) for words, n in (("twice|two", 2), ("three", 3), ("four", 4))),
    # "three-a-day 75 mg", "a twice-a-day pill" (not "One-A-Day", a vitamin)
    (re.compile(r"\b(?:two or three|2 or 3|2 to 3|two to three|2-3) times (?:a|per|each) day", re.I), (2, 3)),
    (re.compile(r"\b(?:once|one time) (?:a|per|each) (?:day|night)|\bonce (?:daily|nightly)|\bqd\b|\bonce a night", re.I), (1, 1)),
    (re.compile(r"\b(?:twice|two times) (?:a|per|each) (?:day|night)|\btwice daily|\bbid\b|\bb\.i\.d\.", re.I), (2, 2)),
    (re.compile(r"\b(?:three|3) times (?:a|per|each) (?:day|night)|\b(?:three|3) times daily|\btid\b|\bt\.i\.d\.", re.I), (3, 3)),
    (re.compile(r"\b(?:four|4) times (?:a|per|each) day|\b(?:four|4) times daily|\bqid\b", re.I), (4, 4)),
    *((re.compile(rf"\b(?:{word}|{n}) times (?:a|per|each) day|\b(?:{word}|{n}) times daily", re.I), (n, n))
      for word, n in (("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("ten", 10), ("twelve", 12))),
    *((re.compile(rf"\b{n}\s*[x×]\s*(?:(?:a|per|each) day|daily|/\s*day)(?!\w)", re.I), (n, n)) for n in range(1, 7)),
    *((re.compile(rf"(?<=[\s\d])[x×]\s?{n}(?:\s*(?:(?:a|per|each) day|daily|/\s*day)\b|(?=\s*(?:[,.;=]|$)))", re.I), (n, n))
      for n in range(2, 7)),  # "30mg x3 = 90 a day", "30 mg x 3 daily" (not "x 10 days", "x 2 tablets", "(80 mg × 3)")
    (re.compile(r"\b(?:with|at|after|before) (?:each|every)(?: single)? (?:main )?meal\b|\bwith (?:all )?(?:three|3) (?:main )?meals\b",
                re.I), (3, 3)),  # "a 5 mg pill with each meal": three a day
    (re.compile(r"\bin (?:two|2) divided doses", re.I), (2, 2)),
    (re.compile(r"\bin (?:three|3) divided doses", re.I), (3, 3)),
    (re.compile(rf"\b(?:on |every |each )?{WEEKDAY}s? and (?:again )?(?:on |every |each )?{WEEKDAY}s?\b", re.I), (2 / 7, 2 / 7)),
    (re.compile(rf"\b(?:every|each) (?:single )?{WEEKDAY}\b|\b(?:on )?{WEEKDAY}s\b", re.I), (1 / 7, 1 / 7)),
    (re.compile(r"\b(?:twice|two times|2 times) (?:a|per|each|every) week|\btwice weekly\b", re.I), (2 / 7, 2 / 7)),
    (re.compile(r"\b(?:three|3) times (?:a|per|each|every) week|\b(?:three|3) times weekly\b", re.I), (3 / 7, 3 / 7)),
    (re.compile(r"\b(?<!times )(?<!twice )(?<!for )(?<!after )(?<!in )(?<!within )(?<!least )(?<!than )(?<!back )(?<!ahead )"
                r"(?<!early )(?<!late )(?<!like )(?<!about )(?<!around )(?<!under )(?<!nearly )(?<!almost )(?<!roughly )"
                r"(?:once )?(?:a|per|each|every)(?: single)? week"
                r"|(?<!twice )(?<!times )\bweekly\b", re.I),
     (1 / 7, 1 / 7)),
    (re.compile(r"\b(?:every|each)(?: single|-)? ?day\b(?! or)|\beach and every day\b|\ba (?:daily|nightly)\b(?=\s+\d|\s*$)", re.I),
     (1, 1)),  # "every day", "everyday", "the 10 mg every-day option"
    (re.compile(r"\b(?:(?:in the|every|each) )?(?:morning|a\.?m\.?) and (?:(?:another |then )?\d+(?:\.\d+)?\s*(?:units? )?)?"
                r"(?:at |in the |every )?(?:night|evening|bedtime|p\.?m\.?|noon|lunch)\b"
                r"|\b(?:at|with) breakfast and (?:at |with )?(?:dinner|supper|bedtime)\b", re.I), (2, 2)),
    (re.compile(r"\b(?:at bedtime|before bed(?:time)?|before sleep(?:ing)?|at night(?:-?time)?|at lights[- ]out|nightly|"
                r"each (?:single )?(?:morning|evening|night)|(?-i:\bq?HS\b|\bqhs\b)|"
                r"every (?:single )?(?:morning|evening|night)|in the morning|in the evening|in the afternoon|"
                rf"{AM_PM}|"
                rf"{CLOCK_TIME}|"
                r"with (?:breakfast|lunch|dinner|supper)|at (?:breakfast|lunch(?:time)?|noon|midday|dinner(?:time)?|supper(?:time)?)|"
                rf"(?:after|before) (?:breakfast|lunch|dinner|supper)|(?:up)?on waking|{WAKING_UP})",
                re.I), (1, 1)),
    (re.compile(rf"\A\s*{BARE_TIME}\b(?!\s*(?:and|&|,|/)\s*(?:at |in the |every )?{BARE_TIME})", re.I),
     (1, 1)),  # "2mg morning and 2mg at bedtime" (not "200 mg morning and night": twice)
]
HOUR_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "eight": "8", "twelve": "12",
              "twenty-four": "24"}
HOUR_NUMBER = rf"(?:\d+(?:\.\d+)?|{'|'.join(HOUR_WORDS)})"
MINUTE_WORDS = {"fifteen": 15, "twenty": 20, "thirty": 30, "forty-five": 45, "forty": 40, "sixty": 60, "ninety": 90}
EVERY_HOURS = re.compile(rf"\bevery (?P<a>{HOUR_NUMBER})(?:\s*(?:to|-|–|or)\s*(?P<b>{HOUR_NUMBER}))? ?(?:hours?|hrs?|h)\b"
                         r"|\bq(?P<q>\d+)(?:\s*[-–]\s*(?P<q2>\d+))?\s?h\b|\b(?:every|each) (?P<one>hour)\b|\b(?P<hourly>hourly)\b"
                         rf"|\bevery (?P<minutes>\d{{1,3}}|{'|'.join(MINUTE_WORDS)}) ?(?:minutes?|mins?)\b"
                         r"|\bevery (?P<seconds>\d{1,3}) ?(?:seconds?|secs?)\b",
                         re.I)  # "q4h", "q4-6h", "every 30 minutes", "every 30 seconds"
EVERY_DAYS = re.compile(r"\bevery (?:\d+|two|three|few|other) days\b|\bevery (?:few|couple of) days\b|\ba week\b.*\bincrease", re.I)
NOT_A_TIME_AFTER = (r"(?!\s+(?:later|earlier|ahead)\b"  # "a day after sex", "a day later": a time, not a daily
                    r"|\s+(?:after|before)\s+(?!(?:meals?|food|eating|breakfast|lunch|dinner|supper|bed(?:time)?)\b))")  # amount
PER_DAY_AFTER = re.compile(r"^\s*(?:of (?:(?:the|my|her|his|their|your) )?\w+\s+)?(?:a|per|each|/)\s*(?:day|24 hours)\b"
                           rf"{NOT_A_TIME_AFTER}"
                           rf"|^\s*(?:of (?:(?:the|my|her|his|their|your) )?\w+\s+)?(?:daily|(?:in|within) {ONE_DAY})\b"
                           r"|^\s*(?:a|per|in one|each) night\b|^\s*(?:in )?total\b(?!\s+(?:for|over|across|in|during)\b)"
                           r"|^\s*(?:a day\s*,?\s*)?(?:split|divided)\b"  # "60 mg split morning and night"
                           r"|^\s*(?:on (?:the |their |your |his |her |my )?(?:very )?first day|(?:on|from) day (?:one|1))\b", re.I)  # the first day's amount
PER_DAY_BEFORE = re.compile(r"\b(?:daily|a day's|per day|total)\s+(?:dose|limit|maximum|max|total|amount|intake)\b[^.;]*$"
                            r"|\b(?:for|in|during|over|on|within) (?:the )?(?:first|opening) (?:24 hours|day)\b[^.;]*$"
                            r"|\bon day (?:one|1)\b[^.;]*$"
                            r"|\b(?:total|maximum|max|limit|most)\b[^.;]{0,20}?\b(?:(?:in|per|within|over|for) (?:any )?"
                            r"(?:24 hours|a day|one day|a 24-hour period)|per day)\b[^.;]*$",
                            re.I)  # "the total in 24 hours tops out at", "max per day is"
CONCENTRATION = re.compile(r"^\s*(?:of \w+\s+)?(?:per|/|in every|in each|in)\s*(?:\d+(?:\.\d+)?\s*)?(?:ml|milliliters?|millilitres?|dl|deciliters?|decilitres?|teaspoons?|tsp|l)\b", re.I)
STRENGTHS_LISTED_BEFORE = re.compile(r"\b(?:the|both(?: the)?)\s*$", re.I)  # "the 15 mg and 20 mg": the strengths made
STRENGTH_AFTER = re.compile(rf"^\s*\)?\s*(?:[\w-]+\s+){{0,2}}?(?:{UNIT_FORMS}|strengths?|vials?|liquid gels|pens?|injections?|shots?)\b", re.I)
DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both|its|his|her|their|my|your|our|all)\s*$", re.I)
DOSES_AFTER = re.compile(r"^\s*(?:doses?|times|days|weeks)\b", re.I)  # "the two 150 mg doses": doses, not units
NAME_AFTER = re.compile(r"^\s+(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*))?\b")  # "two 10 mg Claritin RediTabs": a brand
STRENGTH_CONTEXT = re.compile(r"\b(?:comes? (?:in|as)|holds?|available (?:in|as)|sold (?:in|as)|strengths|strength\s*:|supplied as|is made in|are made in|contains?|costs?|price|priced)|\$", re.I)
INCREMENT_BEFORE = re.compile(r"\b(?:increas\w*|rais\w*|lower\w*|reduc\w*|decreas\w*|cut|drop\w*|taper\w*|adjust\w*|"
                              r"(?:go(?:es)?|went|goes|step\w*|bump\w*|move\w*|come\w*|came) (?:up|down))\s+(?:\w+\s+){0,4}?by\s*$"
                              r"|\b(?:in (?:increments|steps) of|increments? of|(?:increases?|raises?|steps?) of|add(?:ing)?|by no more than|by up to)\s*$"
                              r"|\b(?:increas\w*|rais\w*|lower\w*|reduc\w*|decreas\w*|taper\w*)\b[^.;]*"
                              r"(?<!step )(?<!little )(?<!bit )(?<!day )(?<!one )\bby\b(?! step| little| bit| day| one)[^.;]*$",
                              re.I)  # "step by step" is no increment
INCREMENT_AFTER = re.compile(r"^\s*(?:increments?|steps?)\b", re.I)
STEP_AT_A_TIME = re.compile(r"^\s*at a time\b", re.I)  # "raise it 0.5 mg at a time": a step, when a change is said
TARGET_BEFORE = re.compile(r"\bto\s*$", re.I)  # "I can go up to 150 mg at a time": the amount reached, not the step
CHANGE_BEFORE = re.compile(r"\b(?:increas\w*|rais\w*|titrat\w*|go(?:es|ing)? up|went up|step\w*|adjust\w*|lower\w*|"
                           r"reduc\w*|decreas\w*|taper\w*|cut\w*|drop\w*|wean\w*)\b", re.I)
HISTORICAL = re.compile(r"\b(?:previously|used to be|was once|were once|formerly|used to (?:recommend|say|allow|list|read))\b",
                        re.I)  # "the box used to say up to 8 caplets": what a label said once
HYPOTHETICAL_BEFORE = re.compile(r"\bif\b[^.;:!?]*?\b(?:ever|were to)\b[^.;:,!?]*$", re.I)  # "If I ever took 40 mg",
# "if it ever got so bad that I needed 300 mg": an amount imagined, not taken (not "If you ever hurt, take 800 mg")
IN_A_YEAR = re.compile(r"\bin (?:19|20)\d\d\b")  # "in 2013 the label lowered it": history, unless a person took it
PERSON = re.compile(r"\b(?:i|me|my|he|she|him|her|we|us|our)\b", re.I)  # "my ortho had me on 10 mg ... in 2022"
DOSING_WORDS = re.compile(rf"\b(?:take|takes|taking|taken|took|uses?|using|swallow\w*|inject\w*|another|an extra|a further|{ORDINAL_DOSE}|pop|pops|popped|popping|chew\w*|at once|in one go|in one hit|in a single go|add|adds|added|"
                          r"dose|doses|dosage|dosing|start|starts|starting|started|begin|begins|began|begun|"
                          r"usual|maximum|max|up to|no more than|not more than|limit|prescribe\w*|give|gives|giving|given|gave|got|gets?|"
                          r"increase\w*|raise\w*|daily|a day|per day|every|recommended|should|ceiling|need|needing|"
                          r"allow|allowed|on top|(?:can|may|could|should) (?:have|use|get)|stay|treatment|order|orders|ordered|as needed|under the tongue|as (?:much|high|little|low) as|(?:i'?m|i am|am|was|were|been|is|are|(?:he|she|they|we|you)['’](?:s|re)|(?:put|puts|kept|keeps|keep|has|had|have|got|gets|started|starts|switched|moved|left) (?:me|him|her|them|us|you|(?:my|her|his|our|their) \w+)) (?:on|at)|jump\w*|bump\w*|went up|moved up|upped|doubl\w*|tripl\w*|quadrupl\w*|cranked|jacked|titrat\w*)\b", re.I)
DOING_AMOUNT = re.compile(r"\b(?:do|does|did|doing)\s+(?:[\w-]+,?\s+){0,3}$", re.I)  # "we'll do four devices, 112 mg",
# "I do 50 at night": 'do' as a verb of dosing, a few words before the amount
LEVEL_BEFORE = re.compile(r"\b(?:push\w*|go|goes|going|went|gone|mov(?:e|es|ed|ing)|bring\w*|brought|climb\w*|step\w*)"
                          r"(?:\s+(?:you|him|her|them|me|us|it|people|patients|kids|(?:the|my|his|her|your|their) dose))?"
                          r"(?:\s+(?:all the way|right|straight))?\s+(?:up\s+)?to\s*$", re.I)  # "push you to 80 mg", "can go to 20 mg"
DOING_WELL_AT = re.compile(r"\b(?:fine|good|great|okay|ok|stable|steady|well|better|happy|comfortable|maintained|controlled|"
                           r"managed|settled|stabili[sz]ed)\s+(?:at|on)\s+(?:(?:about|around|just|only)\s+)?$",
                           re.I)  # "she's fine at 40 mg", "doing well on 20 mg": the dose someone is kept at
PERSON_HELD_AT = re.compile(r"\b[a-z]+\s+(?:me|him|her|them|us)\s+(?:(?:up|out|back|down)\s+)?(?:at|on|to)\s+"
                            r"(?:(?:about|around|just|only)\s+)?$", re.I)  # "peaked me at 80mg", "capped him at 60 mg":
# someone held at a dose, whatever the verb
ENDORSED_FOR = re.compile(r"\b(?:is|are|'s)\s+(?:(?:totally|perfectly|just)\s+)?(?:fine|okay|ok|safe)\s+for\b",
                          re.I)  # "the adult 10 mg tablet is fine for a 5 year old": a dose someone is told to give
RIGHT_DOSING_REACH = 40  # characters after an amount where a dosing word makes it a dose ("15 mg is a standard starting point")
MORE_UNITS = re.compile(rf"^\s*\)?\s*(?:(?:[\w-]+\s+){{0,2}}?{UNIT_FORMS}\s+)?(?:{TIME_OF_DAY}|{OCCASION}|{CLOCK_TIME})\s*,?\s*"
                        rf"(?:and|plus|then|and then)\s+(?P<n>{COUNT}) more\b(?:\s+{UNIT_FORMS})?"
                        rf"(?:\s+(?:{TIME_OF_DAY}|{OCCASION}|{CLOCK_TIME}))?", re.I)  # "... in the morning and three more at night"

LEFT_OVER_AFTER = re.compile(r"\s*(?:left|remaining|to spare|leftover)\b", re.I)  # "4 T3s left": a count, no dose
WHO_LABEL_BEFORE = re.compile(r"(?:\b(?:years?|yrs?|y/?o|lbs?|pounds|kg|kids?|children|child|adults?|teens?|infants?|"
                              r"toddlers?|babies|baby)|-old)[\s)\]]*:\s*(?:[\d.]+\s*(?:ml|mls|tsps?|teaspoons?)\s*\(\s*)?$",
                              re.I)  # "36-47 lb, 4-5 years: 15 mL (300 mg)",
# "for a 4-year-old: 5 mL": whom the amount after the colon is given to
LEAD_ONLY = re.compile(r"[\W_]*(?:[\w-]+(?:\s+[\w-]+)?\s*:)?[\W_]*")  # nothing, or a label ("Cialis:"), before an amount
OCCASION_RIGHT = re.compile(r"\s*(?:on|before|ahead of|after|during|for)\s+(?:(?:a|an|the|my|his|her|their|our|every|each|big)\s+)?"
                            r"(?:date|dates|date night|weekends?|flights?|trips?|games?|races?|exams?|finals|nights? out|"
                            r"special occasions?|vacations?|holidays?|parties|party|gigs?|shows?|work nights?"
                            r"|(?:[\w-]+\s+){0,2}?days|(?:couple|few)\s+of\s+(?:nights|days)|(?:couple|few)\s+(?:nights|days))\b"
                            r"|\s*here\s*(?:[.!,;]|$)",
                            re.I)  # "40 mg on date night", "twenty milligrams on high-pollen days", "7.5 mg for a
# couple of nights": an amount opening its clause, then when it is taken; "250 mg here": the writer's own dose
ON_AMOUNT = re.compile(r"(?<!based )(?<!depending )(?<!rely )(?<!relies )\bon\s+(?:(?!average\b|day\b|week\b)[a-z][\w-]*\s+)?"
                       r"(?:(?-i:XR|ER|XL|CR|SR|LA|CD|ODT)\s+)?(?:(?:about|around|roughly|like|only|just|now)\s+)?$",
                       re.I)  # "14 and on 20mg", "and on paxil 20mg", "10 and on Adderall XR 40 mg"
LATER_STEP = (r"(?:in |from |by )?week (?:two|three|four|five|six|[2-9])|after (?:a|one|the first) week|built up|"
              r"worked up|settled on|ramp\w* up to|eventually")  # a later step of a titration, not its start
LATER_AFTER = re.compile(rf"^[^.;]{{0,30}}?\b{LATER_STEP}\b", re.I)  # "one tablet twice a day in week two"
NOT_AFTER = r"(?<!past )(?<!after )(?<!beyond )(?<!past the )(?<!after the )"  # "past day one": no longer the start
CEILING = re.compile(r"\b(?:up to|maximum|max\.?|no more than|not more than|no (?:higher|greater) than|never (?:take )?more than|not (?:to )?exceed|"
                     r"ceiling|upper limit|at most|limit|cap|under|below|less than|highest|top dose|allow up to|as (?:much|high) as|"
                     r"(?:[’']t|not|never) (?:\w+ )?(?:go|get|climb|push it) (?:over|above|past|beyond)|"
                     r"(?:tops?|topped|maxe?s?|maxed|caps?|capped) out at)\b", re.I)  # "no more than 1.2 mg"
KIND_CUES = [
    ("max", CEILING),
    ("initial", re.compile(r"\b(?:start\w*(?! (?:weight|point|line|bmi|size)\b)|restart\w*|begin\w*|began|begun|initial\w*|first (?:[\w-]+ ){0,3}?(?:dose|prescription)|"
                           rf"to start|at first|{NOT_AFTER}(?:first week|week (?:one|1)|day (?:one|1))|"
                           r"from the (?:start|beginning|first day)|straight (?:to|away|in)|right away|"
                           r"jump\w* (?:straight )?to)\b", re.I)),
    ("target", re.compile(r"\b(?:increas\w*|rais\w*|go(?:es)? up|titrat\w*|step\w* up|bump\w* up|build(?:s|ing)?(?: up)?|"
                          r"climb(?:s|ing)?|ramp(?:s|ing)?(?: up)?|work(?:s|ing)? (?:\w+ )?up)\s+(?:\w+\s+){0,3}?(?:to|through)\b",
                          re.I)),  # "50 mg twice on day 1, building to 400 mg by day 4": the titration's target
    ("usual", re.compile(r"\b(?:usual\w*|typical\w*|standard|maintenance (?:dose|doses|dosing|amount)|target|recommended|most (?:people|adults|patients)|"
                         rf"{LATER_STEP})\b", re.I)),
]


@dataclass(frozen=True)
class DoseMention:
    """A dose as the article states it, before it is tied to a drug, use or population."""

    start: int
    end: int
    amounts_mg: tuple[tuple[float, float], ...]  # one (low, high) per amount listed
    per_kg: bool
    per_day: bool  # True: the amounts are daily totals; False: per dose
    times_per_day: tuple[float, float] | None
    kind: str  # "initial" | "usual" | "target" | "max"
    at_time_of_day: bool = False  # its only frequency is a time of day ("in the morning"): it may not be the day's only dose
    by_interval: bool = False  # its frequency is an interval ("every 4 hours"), not a count of doses
    doses_counted: bool = False  # the count of doses one day held ("... and another 1 mg at 2 a.m."): no regimen
    in_ml: bool = False  # the amounts are volumes of a liquid in mL ("10 mL of Children's Motrin"), not mg
    week_total: bool = False  # "140 mg a week": a weekly drug's dose, or a daily drug's total for the week
    pair_mg: tuple[float, float] | None = None  # a combination's strength, both ingredients ("15 mg/92 mg": 15, 92)
    unit_mg: float | None = None  # the strength a bare number named ("three 40s", "a 300"): whose product it is


def _begin(match: re.Match) -> int:
    """Where a match's words begin (past the spaces some patterns take in before them)."""
    return match.start() + len(match.group(0)) - len(match.group(0).lstrip())


def _a_titration_step(text: str, rhythm: re.Match) -> bool:
    """Whether a rhythm of weeks or months paces dose steps ("step up every four weeks",
    "monthly steps: 0.25, 0.5, 1 mg"), not the doses themselves."""
    return STEPPED_BEFORE.search(text, 0, rhythm.start()) is not None or STEP_AFTER.match(text, rhythm.end()) is not None


def frequency(text: str) -> tuple[tuple[float, float] | None, re.Match | None]:
    """Doses per day stated in text, as (low, high), with the match; None when not stated."""
    best = None
    for pattern, value in FREQUENCIES:
        match = pattern.search(text)
        if match and (best is None or _begin(match) < _begin(best[1])
                      or _begin(match) == _begin(best[1]) and match.end() > best[1].end()):  # the longest reading
            if value[0] >= 1 and BEDTIME_TOO.match(text, match.end()):
                value = (value[0] + 1, value[1] + 1)  # "three times a day and at bedtime": four doses
            best = (value, match)
    weeks = EVERY_WEEKS.search(text)
    if weeks and (best is None or weeks.start() < best[1].start()) and not _a_titration_step(text, weeks):
        count = _count(weeks.group("n")) if weeks.group("n") else 2.0  # "every other week", "fortnightly"
        best = ((1 / (7 * count), 1 / (7 * count)), weeks)
    days = EVERY_N_DAYS.search(text)
    if days and (best is None or days.start() < best[1].start()) and not STEPPED_BEFORE.search(text, 0, days.start()):
        count = _count(days.group("n")) if days.group("n") else 2.0  # "every other day"
        best = ((1 / count, 1 / count), days)
    months = EVERY_MONTHS.search(text)
    if months and (best is None or months.start() < best[1].start()) and not _a_titration_step(text, months):
        count = _count(months.group("n")) if months.group("n") else 1.0
        best = ((1 / (DAYS_A_MONTH * count), 1 / (DAYS_A_MONTH * count)), months)
    years = YEARLY.search(text)
    if years and (best is None or years.start() < best[1].start()):
        count = _count(years.group("n")) if years.group("n") else 2.0 if years.group("twice") else 1.0
        best = ((count / DAYS_A_YEAR, count / DAYS_A_YEAR), years)
    hours = EVERY_HOURS.search(text)
    if hours and (best is None or hours.start() < best[1].start()):
        low = 1.0 if hours.group("one") or hours.group("hourly") else \
            _count(hours.group("minutes"), MINUTE_WORDS) / 60 if hours.group("minutes") else \
            int(hours.group("seconds")) / 3600 if hours.group("seconds") else \
            float(HOUR_WORDS.get((hours.group("a") or "").lower(), hours.group("q") or hours.group("a")))
        high = float(HOUR_WORDS.get((hours.group("b") or "").lower(), hours.group("b") or hours.group("q2") or low))
        if 0 < low <= high <= 72:
            best = ((24 / high, 24 / low), hours)
    return best if best else (None, None)


BEDTIME_TOO = re.compile(r"\s*,?\s*(?:and|plus)\s+(?:once more\s+)?(?:at bedtime|at night|before bed)", re.I)
THEN = re.compile(r"\b(?:then|after that|afterwards|later|instead of|rather than)\b|,\s*now\b",
                  re.I)  # what went before is done: "40 mg twice a day to start, now 60 mg twice a day"
INITIAL_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:to (?:start|begin)(?: with)?|at first|initially|for the first (?:week|few days)|"
                           r"on (?:the |their |your |his |her |my )?(?:very )?first (?:night|day|evening|morning)|(?:from|on) day (?:one|1)|"
                           r"(?:as|for) (?:\w+ )?(?:very )?first (?:dose|prescription)|right off the bat|"
                           r"(?:straight|right) (?:away|out of the gate)|from the (?:very )?(?:start|beginning|get-go)|"
                           r"out of the gate)\b"
                           r"|^\s*(?:once|first|at once)\s*,?\s*(?:and )?(?:then|followed by)\b", re.I)  # "100 mg twice a day right off
# the bat"; "750 mg once, then 250 mg every 8 hours": a first dose


SINCE_THE_START = re.compile(r"\bsince (?:i |he |she |we |they |you |it )?(?:first )?(?:start\w*|began|begin\w*)"
                             r"|\bsince the (?:start|beginning)\b", re.I)
ANOTHER_DOSES_START = re.compile(r"(?:^|\d\s*(?:mg|mcg|µg|g|units?|ml|tabs?|tablets?))\s*(?:to\s+)?(?:start|starting(?:\s+dose)?|"
                                 r"initially|at first)\s*[,;/]", re.I)  # the dose before it (the left may open after it)


def _kind(left: str, right: str = "") -> str:
    if INITIAL_AFTER.match(right):
        return "initial"
    if LATER_AFTER.match(right):
        return "usual"
    left = THEN.split(left)[-1]  # "25 mg for the first week, then 50 mg": the second is no start; "started him on
    # tizanidine instead of upping the baclofen 10 mg": nor the baclofen
    left = ANOTHER_DOSES_START.split(left)[-1]  # "5 mg start, 10 mg is where most end up": the start was the 5 mg's
    left = SINCE_THE_START.sub(" ", left)  # "since I started, on 1000 mg twice a day": how long, not a first dose
    best, best_at = "usual", -1
    for kind, pattern in KIND_CUES:
        for match in pattern.finditer(left):
            if match.start() > best_at:
                best, best_at = kind, match.start()
    return best


def _amount_groups(text: str, start: int, end: int, unitless: Sequence[UnitlessAmount] = (),
                   row: Block | None = None) -> list[list[re.Match | UnitlessAmount]]:
    """The amounts of a sentence in groups of one mention each ("13 mg/kg, or 260 mg"); in a
    table `row`, amounts in different cells are never one mention ("| 20-80 mg | 50-200 mg |")."""
    amounts: list[re.Match | UnitlessAmount] = [a for a in AMOUNT.finditer(text, start, end)
                                                 if not NEEDLE_GAUGE.fullmatch(a.group(0).strip())]
    amounts += [v for v in VOLUME_AMOUNT.finditer(text, start, end)
                if not any(a.start() < v.end() and v.start() < a.end() for a in amounts)
                and not PAREN_MASS_AFTER.match(text, v.end())
                and not PAREN_AFTER_AMOUNT.search(text, start, v.start())]  # "10 mL (200 mg)", "200 mg (10 mL)": one dose
    amounts += [u for u in unitless if not any(a.start() < u.end() and u.start() < a.end() for a in amounts)]
    groups: list[list[re.Match | UnitlessAmount]] = []
    for match in _summed(text, sorted(amounts, key=lambda amount: amount.start())):
        same_unit = groups and bool(groups[-1][-1].group("perkg")) == bool(match.group("perkg")) \
            and _in_ml(groups[-1][-1]) == _in_ml(match)
        if same_unit and JOINER.match(text[groups[-1][-1].end():match.start()]) \
                and (row is None or row.cell_at(groups[-1][-1].start()) == row.cell_at(match.start())):
            groups[-1].append(match)
        else:
            groups.append([match])
    return groups


ONE_UNIT_LEAD = re.compile(rf"^[\s,]*(?:(?:one|a|1)\s+(?:shot|injection|jab|pen|{UNIT_FORMS}|dose)\b[\s,]*)?",
                           re.I)  # "Ozempic 1 mg, one shot every three days": the amount's schedule, past its unit
RIGHT_CLAUSE_BREAK = re.compile(r"[;:]|\bbut\b|\bor\b(?=\s+(?:\d|\w+\s+\d))|\bthen\s+(?=(?:one|two|three|\d+|an?)\s)"
                                r"|,\s*(?:which|who|where)\b"
                                rf"|,[^,]*?\b(?:a|the|my|her|his) (?:{'|'.join(NTH)})\s+(?:one|dose|{UNIT_FORMS})\b",
                                re.I)  # where an amount's own clause ends: not at the
# men "who are getting up to pee three times a night"
SUMMED = re.compile(rf"^\s*(?:{UNIT_FORMS}\s+|(?-i:CR|ER|XR|IR|SR)\s+)?(?:regular\s+)?"
                    rf"(?:and|plus|\+|together with|along with)(?: then)?\s+(?:an?|one)\s+$",
                    re.I)  # "a 30 and then a 15", "a 12.5 mg CR together with a 5 mg"


def _summed(text: str, amounts: list[re.Match | UnitlessAmount]) -> list[re.Match | UnitlessAmount]:
    """The amounts with two single ones taken together read as their sum: "a 15 and a 10
    every morning" is 25 mg each morning, "a 30 and then a 15 on top" 45 mg, "two 100s and
    a 50" 250 mg."""
    merged: list[re.Match | UnitlessAmount] = []
    for amount in amounts:
        previous = merged[-1] if merged else None
        if previous is not None and SUMMED.match(text[previous.end():amount.start()]) \
                and all(not a.group("high") and not a.group("perkg") and not _in_ml(a) for a in (previous, amount)) \
                and not (isinstance(amount, UnitlessAmount) and amount.counts_units) \
                and (first := _values(previous)) is not None and (second := _values(amount)) is not None:
            start, units = previous.start(), 1.0
            if isinstance(previous, UnitlessAmount) and previous.counts_units:  # "two 100s and a 50"
                counted = COUNT_BEFORE.search(text, max(0, start - COUNT_REACH), start)
                if counted is None or counted.group("b"):
                    merged.append(amount)
                    continue
                start, units = counted.start("a"), _count(counted.group("a"))
            merged[-1] = UnitlessAmount(start, amount.end(), f"{first[0] * units + second[0]:g}", False)
        else:
            merged.append(amount)
    return merged


COUNT_REACH = 20  # characters before a strength where its count of units may stand ("two of the 100s")


def _in_ml(amount: re.Match | UnitlessAmount) -> bool:
    return is_volume(str(amount.group("unit")))


def _count(word: str, words: Mapping[str, float] = COUNT_WORDS) -> float:
    """A number written in digits or as one of `words` ('3', 'three'; 'ninety' minutes)."""
    return float(words.get(word.lower(), 0) or word)


COUNT_OR_BOTH = {**COUNT_WORDS, "both": 2}  # "both of his 300 mg tablets": two units
NAMED_UNITS_COUNT = re.compile(rf"(?<!\bday )(?<!\bweek )(?<!\bstep ){NOT_A_PRODUCT_NUMBER}(?P<a>{COUNT})"
                               rf"(?:\s*(?:-|–|to|or)\s*(?P<b>{COUNT}))?\s+(?:[a-z-]+\s+){{1,2}}$",
                               re.I)  # "two Amrix 30s", "three blue 2s": the count of a plural strength, a name between
COUNT_OF_THE = re.compile(rf"{NOT_A_PRODUCT_NUMBER}(?P<a>{COUNT}|both)(?:\s*(?:-|–|to|or)\s*(?P<b>{COUNT}))?\s+of\s+"
                          rf"{OWNER}\s+(?:[a-z-]+\s+){{0,2}}?$", re.I)  # "three of the orange 300s", "both of his 300 mg"


def tablet_count(left: str, right: str, names_units: bool = False, amounts: int = 1) -> tuple[float, float] | None:
    """How many units of the stated strength make one dose: "three 5 mg tablets",
    "1-2 caplets of 500 mg", "three of the 15 mg capsules", "two 10 mg Claritin RediTabs",
    "three 200 mg at once", and where the amount itself `names_units`, "two of the 60s"
    (None when no count is stated). `amounts`: how many strengths the mention names."""
    match = COUNT_OF.search(left)
    if match is None and (names_units or STRENGTH_AFTER.match(right) or NAME_AFTER.match(right)):
        match = COUNT_BEFORE.search(left) or COUNT_OF_THE.search(left) \
            or (NAMED_UNITS_COUNT.search(left) if names_units else None)
    if match is None and not DOSES_AFTER.match(right):
        match = COUNT_OF_THE.search(left)  # "I'm on two of the 2 mg in the morning": units of that strength
    if match is None and (spelled := COUNT_BEFORE.search(left)) is not None and not spelled.group("a")[0].isdigit() \
            and not DEFINITE_BEFORE.search(left[:spelled.start()]) and not DOSES_AFTER.match(right):
        match = spelled  # "three 200 mg at once": a spelled count before a strength counts units
    if match is None:
        doubled = DOUBLED_BEFORE.search(left)  # "double up on my 10 mg Ambien": two (not "never double up on")
        return (2.0, 2.0) if doubled and not NEVER_BEFORE.search(left[:doubled.start()]) else None
    if match.group("a").lower() == "both" and (amounts > 1 or BOTH_STRENGTHS.match(right)):
        return None  # "both the 5 mg and 10 mg tablets": two strengths, not two units
    low = _count(match.group("a"), COUNT_OR_BOTH)
    high = _count(match.group("b")) if match.group("b") else low
    return (low, high) if 0 < low <= high <= 20 else None


BOTH_STRENGTHS = re.compile(r"^\s*(?:mg|mcg|milligrams?)?\s*(?:and|or|,|&)\s*\d", re.I)
DOUBLED_BEFORE = re.compile(r"\b(?:doubl(?:e|es|ed|ing) up on|doubl(?:e|es|ed|ing))\s+(?:the |my |his |her |their |your )?$",
                            re.I)  # "I double up on my 10 mg Ambien", "she doubled her 5 mg dose"
NEVER_BEFORE = re.compile(rf"\b(?:{FORBIDDING}|not)\s*$", re.I)  # the forbidding words, and a bare "not"
COUNTED_PER_DAY = re.compile(rf"^\s*\)?\s*(?:[\w-]+\s+){{0,3}}?(?:{UNIT_FORMS}|shots?|injections?)\s+(?:of\s+[\w-]+\s+)?"
                             rf"{PER_DAY}\b{NOT_A_TIME_AFTER}", re.I)
OTHER_PERIOD_TOTAL = re.compile(r"^\s*(?:of [\w-]+\s+)?(?:over|in|per|a)\s+(?:a |one |the )?(?:month|year)s?\b"
                                r"|^\s*(?:of [\w-]+\s+)?(?:every|each)\s+(?:the )?year\b"
                                r"|^\s*(?:of [\w-]+\s+)?(?:over|in) (?:a|one|the) week\b", re.I)
TOTAL_BEFORE = re.compile(r"\b(?:(?<!dose )(?<!doses )works? out to|adds? up to|totals?|totalling|totaling|in total|altogether|a total of|"
                          r"cumulative(?: dose)?(?: of)?)\s*(?:about|around|roughly|nearly|almost)?\s*$", re.I)
EVERY_WEEKS = re.compile(r"\bevery (?P<n>\d{1,2}|two|three|four|five|six|eight|twelve) weeks\b"
                         rf"|\bevery (?P<other>other|second|2nd) (?:week|{WEEKDAY})\b|\bfortnightly\b", re.I)  # "every
# other week", "every other Sunday": two weeks
STEPPED_BEFORE = re.compile(r"\b(?:step\w*|increas\w*|rais\w*|titrat\w*|bump\w*|up by|went up|goes up|go up|going up|adjust\w*)\b"
                            r"[^.;]{0,30}$", re.I)  # "stepped it up every three days": a titration, not a schedule
STEP_AFTER = re.compile(r"\s+(?:dose\s+)?(?:steps?|increases?|increments?|bumps?|titrations?|escalations?)\b",
                        re.I)  # "monthly steps", "every 4 weeks dose increases"
EVERY_N_DAYS = re.compile(r"\bevery (?P<n>[2-9]|1[0-4]|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                          r"|thirteen|fourteen) days\b"
                          r"|\b(?:every (?P<other>other|second|2nd) day|on alternate days)\b",
                          re.I)  # "inject one pen every three days", "swap it every other day"
EVERY_MONTHS = re.compile(r"\b(?:every|each|once a|once per|once every) (?:(?P<n>\d{1,2}|two|three|four|six|twelve) )?months?\b"
                          r"|\bmonthly\b", re.I)  # "150 mg every month", "a shot every three months"
DAYS_A_MONTH = 30.4
YEARLY = re.compile(r"\b(?:(?P<twice>twice)|once|(?P<n>[2-4]|two|three|four) times) (?:a|per|each|every) year\b"
                    r"|\b(?:every|each) year\b|\b(?:yearly|annually)\b", re.I)  # "the shot twice a year"
DAYS_A_YEAR = 365.0


COUNT_TAKEN_AFTER = re.compile(rf"^[^.;:]*?\b(?:{TAKING_OR_POPPING}|as)\s+(?:as\s+)?(?P<a>{COUNT})(?:\s*(?:-|–|to|or)\s*(?P<b>{COUNT}))?"
                               rf"(?:\s+{UNIT_FORMS}|\s+of\s+(?:them|those|these))?\s*(?:(?:at a time|at once|together)\s*)?,?\s*$",
                               re.I)  # "... taken as two tablets", "20 mg Lexapro and I take 2 every morning", "the 5 mg
# tablets ..., he took two at a time, three times a day"
BRAND_UNITS_AFTER = rf"(?=\s+(?:at once|at a time|at one time|together|in one go|every|each|{PER_DAY}|twice|" \
                    r"three times|four times)\b)"  # "three Aleve at once": the brand's own units, no unit word
UNIT_DESCRIBER = (r"(?!(?:hours?|days?|weeks?|months?|years?|nights?|mornings?|of|times?|and|or|to|more|extra|other|"
                  r"one|two|three|four|five|six|seven|eight|nine|ten|took|take|takes|taking|gave|give|gives)\b)"
                  r"(?-i:[a-z])[a-z-]{2,}")  # "2 colchicine tablets", "two pink nirmatrelvir tablets": up to two words
# before the unit
PAIRED_STRENGTH = r"(?P<n>\d{1,2}(?:\.\d)?)\s*/\s*(?:300|325|500)(?:'?s)?"  # "Norco 5/325", "two Norco 10/325s": the
# opioid's mg with the acetaminophen's
SPACED_APART = re.compile(rf"\b(?:spac(?:e|es|ed|ing)\s+(?:them|the doses|(?:my|his|her|their|your) doses|doses)(?:\s+out)?"
                          rf"|\b(?:doses|pills|tablets|capsules) (?:taken|spaced))\s+(?:(?:just|only|about|around)\s+)?"
                          rf"(?P<n>{HOUR_NUMBER})\s*(?P<unit>hours?|hrs?)\s+apart\b(?!\s+from\b)",
                          re.I)  # "spacing them just 4 hours apart", "doses taken 6 hours apart" (not "take it 4 hours
# apart from levothyroxine": two drugs kept apart)
REPEATED_AFTER = re.compile(rf"\b(?:repeat|repeats|repeated|repeating|take another|took another|another dose)"
                            rf"(?:\s+(?:it|the dose|a dose|one|doses?|dosing))?\s+(?:only\s+|just\s+)?after\s+(?:only\s+|just\s+)?"
                            rf"(?P<n>\d{{1,3}}|{'|'.join(HOUR_WORDS)})\s*(?P<unit>minutes?|mins?|hours?|hrs?)\b",
                            re.I)  # "repeat after 30 minutes": a second dose that soon, as an interval
NEGATED_REPEAT = re.compile(r"\b(?:not|never|don'?t|do not|no sooner than|wait)\s+(?:\w+\s+)?$", re.I)
USED_TO_BEFORE = re.compile(r"\bused to\s+(?:\w+\s+)?$", re.I)  # "I used to do | three shots a day": the past
SHOTS_COUNTED = re.compile(rf"(?<![\w.])(?P<n>{COUNT})\s+(?:(?-i:[A-Z])[\w-]*\s+)?(?:shots?|injections?|jabs?|pokes?)"
                           rf"(?:\s+of\s+(?:(?:my|his|her|their|the)\s+)?(?-i:[A-Z])[\w-]*)?"
                           rf"\s+(?:(?P<day>{PER_DAY})|(?:a|per|each|every) week|weekly)\b",
                           re.I)  # "three shots of Lantus a day", "2 Ozempic shots a week": that many administrations
UNITS_COUNTED = re.compile(rf"{NOT_A_PRODUCT_NUMBER}(?P<a>{COUNT})(?:\s*(?:-|–|to|or)\s*(?P<b>{COUNT}))?\s+"
                           rf"(?:(?:(?:of the\s+)?(?:(?:(?-i:[A-Z])[\w-]*|{PRODUCT_NUMBER})\s+){{1,3}})?"  # "16 of the #3 tablets"
                           rf"(?:{UNIT_DESCRIBER}\s+){{0,2}}(?:extra strength\s+|regular strength\s+)?(?:{UNIT_FORMS}|units?)\b"
                           rf"|(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){{0,2}}(?:\s+{PAIRED_STRENGTH})?{BRAND_UNITS_AFTER}"
                           rf"|(?:of\s+{OWNER}\s+)?(?:extra|regular|maximum|max) strength{BRAND_UNITS_AFTER}"  # "I take 3 extra
                           # strength every 6 hours", "3 of the Extra Strength every 4 hours"
                           rf"|(?:of the\s+)?(?:(?-i:[A-Z])[\w-]*\s+)?{PRODUCT_NUMBER}{BRAND_UNITS_AFTER})"  # "two Tylenol #4 every"
                           rf"(?P<day>\s+{PER_DAY}\b)?",
                           re.I)
MOVED_TO = r"(?:go|goes|going|gone|went|move|moves|moved|bump|bumps|bumped)(?: (?:me|him|her|them|us))? (?:up )?to"  # "let me go to 3 in the morning"
BARE_COUNT_AFTER = (rf"(?:\s+of\s+(?:them|those|these))?(?=\s*,?\s+(?:every|each|twice|three times|four times|{PER_DAY}|at once|at a time|in one go|together|"
                    r"at (?:bedtime|night|breakfast|lunch|dinner|supper|noon)|in the (?:morning|evening|afternoon)|"
                    rf"with (?:breakfast|lunch|dinner|supper)|before bed|{AM_PM})\b)")  # "take two every morning", "4 of them a day"
BARE_UNITS_TAKEN = re.compile(rf"\b(?:{TAKING_OR_POPPING}|{MOVED_TO})\s+(?:[\w-]+\s+){{0,2}}?(?<![\w.])"
                              rf"(?P<a>{COUNT})(?:\s*(?:-|–|to|or)\s*(?P<b>{COUNT}))?{BARE_COUNT_AFTER}(?P<day>\s+{PER_DAY}\b)?",
                              re.I)  # "I take two every morning", "swallow 4 of them a day": units of a strength said before
WITH_ACETAMINOPHEN = re.compile(rf"(?<![\w./]){PAIRED_STRENGTH}\b(?!\s*(?:mg|mcg|ml))",
                                re.I)  # "Norco 5/325", "the 10/325s"
STRENGTH = re.compile(rf"(?<![\w.$])(?P<n>{NUM})\s*(?P<unit>mg|mcg|g)\b(?!\s*/\s*(?:kg|ml|day))", re.I)


ROUTE = re.compile(r"\s*(?:po|p\.o\.|sl|orally|by mouth|under the tongue)\b", re.I)  # "1 tab PO q3h PRN"
EACH_SIDE = r"(?:in |into |up )?(?:each|every|both|per)"
EACH_NOSTRIL = re.compile(rf"\s*{EACH_SIDE} (?:nostril|side)\b", re.I)
EACH_NOSTRIL_AFTER = re.compile(rf"\s*(?:(?:nasal\s+)?{UNIT_FORMS}\s+)?{EACH_SIDE} nostril\b",
                                re.I)  # after an amount: "20 mg (spray) in each nostril"


def counted_units(text: str) -> tuple[tuple[float, float], bool] | None:
    """The count of units a schedule without an amount gives ("two tablets every 4 hours",
    "1-2 caplets", "14 tablets a day", "2 sprays in each nostril": four), and whether it is a
    count for the whole day."""
    found = [m for m in (UNITS_COUNTED.search(text), BARE_UNITS_TAKEN.search(text)) if m is not None]
    if not found:
        return None
    match = min(found, key=lambda m: m.start())  # "take 1 or 2 every 4 hours, no more than 8 tablets": 1 or 2
    sides = 2 if EACH_NOSTRIL.match(text, match.end()) else 1  # "two sprays in each nostril": four sprays
    low = _count(match.group("a")) * sides
    high = (_count(match.group("b")) if match.group("b") else low / sides) * sides
    return ((low, high), bool(match.group("day"))) if 0 < low <= high <= 20 * sides else None


def strength_before(text: str) -> float | None:
    """The first strength a sentence states before a schedule ("Norco 10 mg/325 mg ...",
    "(tramadol 37.5 mg/acetaminophen 325 mg)", "Norco 5/325"): of a combination, its first
    ingredient. An amount with its own schedule is a dose, not the units' strength ("on 7.5 mg
    once a week, so that's three tabs")."""
    match = next((m for m in STRENGTH.finditer(text) if not _scheduled(text, m.end())), None)
    if match:
        return to_mg(parse_number(match.group("n")), match.group("unit"))
    paired = WITH_ACETAMINOPHEN.search(text)  # "Norco 5/325": 5 mg of the opioid with 325 mg of acetaminophen
    return float(paired.group("n")) if paired else None


def _scheduled(text: str, at: int) -> bool:
    """True when a frequency follows right after the amount ending at `at` ("7.5 mg | once a week")."""
    times, match = frequency(text[at:at + SCHEDULE_REACH])
    return times is not None and match is not None and _begin(match) <= 1  # past the one space between


def with_strength(mention: DoseMention, strength_mg: tuple[float, float], units: tuple[float, float],
                  whole_day: bool) -> DoseMention:
    """A schedule of counted units as the amount those units hold (`strength_mg`: the lowest
    and highest strength a unit may have)."""
    amount = (units[0] * strength_mg[0], units[1] * strength_mg[1])
    if whole_day:
        return replace(mention, amounts_mg=(amount,), per_day=True, times_per_day=None)
    return replace(mention, amounts_mg=(amount,))


STATED_CONCENTRATION = re.compile(rf"(?<![\w.])(?P<mg>{NUM})\s*(?P<mass>{UNIT})\s*(?:/|per|in|in each|in every|for every|every)\s*"
                                  rf"(?P<volume>{NUM})?\s*(?P<unit>{VOLUME_UNIT_PATTERN})\b", re.I)  # "160 mg per 5 mL"


def in_milligrams(mention: DoseMention, context: str, liquids_mg_per_ml: Sequence[float]) -> tuple[DoseMention, bool] | None:
    """A liquid dose in mL as mg, at the one concentration the `context` states ("the 400 mg/5 mL
    suspension"), else at the one concentration of `liquids_mg_per_ml` (the named product's, or
    the drug's liquids); None when neither gives one. The flag says the text gave it."""
    stated = {to_mg(parse_number(m.group("mg")), m.group("mass"))
              / (parse_number(m.group("volume") or "1") * ML_PER_UNIT[m.group("unit").lower()])
              for m in STATED_CONCENTRATION.finditer(context)}
    per_ml = stated or set(liquids_mg_per_ml)
    if len(per_ml) != 1:
        return None
    (concentration,) = per_ml
    amounts = tuple((low * concentration, high * concentration) for low, high in mention.amounts_mg)
    return replace(mention, amounts_mg=amounts, in_ml=False), bool(stated)


def _values(match: re.Match | UnitlessAmount) -> tuple[float, float] | None:
    unit, high_text = str(match.group("unit")), match.group("high")
    low = to_mg_or_ml(parse_number(str(match.group("low"))), match.group("unit1") or unit)
    high = to_mg_or_ml(parse_number(high_text), unit) if high_text else low
    if low > high:  # "from 10 mg to 5 mg": a change, not a range
        return None
    return low, high


def _historical(sentence: str) -> bool:
    """A sentence about what the label or practice used to be, not a dose anyone takes."""
    return bool(HISTORICAL.search(sentence) or IN_A_YEAR.search(sentence) and not PERSON.search(sentence))


def find_doses(text: str, start: int = 0, end: int | None = None,
               unitless: Sequence[UnitlessAmount] = (), dose_column: Block | None = None) -> list[DoseMention]:
    """Dose mentions in one sentence text[start:end], reading the `unitless` amounts found in
    it as amounts in mg (`dose_column`: the table row it is, whose column headings may say
    that a cell's amount is a dose: "| Max per day | 300 mg |")."""
    end = len(text) if end is None else end
    sentence = text[start:end]
    if _historical(sentence):
        return []
    mentions: list[DoseMention] = []
    groups = _amount_groups(text, start, end, unitless, dose_column)
    partner_ends: dict[int, int] = {}  # group index -> end of its combination partner ("10 mg/325 mg")
    pairs: dict[int, tuple[float, float]] = {}  # group index -> the two ingredients' amounts, when one each
    kept: list[list] = []
    for group in groups:  # a partner joins the group before it; indexes are those of the groups kept
        at = len(kept) - 1
        if kept and PARTNER.match(text[partner_ends.get(at, kept[-1][-1].end()):group[0].start()]):
            if at not in partner_ends and len(kept[-1]) == len(group) == 1 \
                    and (first_mg := _values(kept[-1][0])) and (second_mg := _values(group[0])) \
                    and first_mg[0] == first_mg[1] and second_mg[0] == second_mg[1]:
                pairs[at] = (first_mg[0], second_mg[0])
            partner_ends[at] = group[-1].end()
            continue
        kept.append(group)
    groups = kept
    repeated: set[int] = set()  # groups that are the second dose of a day ("... and another 50 mg in the evening")
    timed: list[str | None] = []  # per mention: the time of day that is its only frequency ("at noon")
    for index, group in enumerate(groups):
        if index in repeated:
            continue
        first, last = group[0], group[-1]
        last_end = partner_ends.get(index, last.end())
        left_from = partner_ends.get(index - 1, groups[index - 1][-1].end()) if index else start
        left = text[left_from:first.start()]
        clause_left = re.split(r"[;]|\bbut\b", left)[-1]
        right_to = groups[index + 1][0].start() if index + 1 < len(groups) else end
        right = text[last_end:right_to]
        clause_right = RIGHT_CLAUSE_BREAK.split(right)[0]
        parsed = [_values(m) for m in group]
        values = [v for v in parsed if v is not None]
        if len(values) < len(parsed):
            continue
        if EACH_NOSTRIL_AFTER.match(right):  # "a 20 mg squirt up each nostril": that amount twice, one dose
            values = [(low * 2, high * 2) for low, high in values]
        in_ml = _in_ml(first)
        if CONCENTRATION.match(right) or INCREMENT_BEFORE.search(left) or INCREMENT_AFTER.match(right) \
                or STEP_AT_A_TIME.match(right) and CHANGE_BEFORE.search(clause_left) and not TARGET_BEFORE.search(left) \
                or NUTRIENT_AFTER.match(right) or NUTRIENT_BEFORE.search(left):
            continue  # ... "100 grams of protein a day", "a 200 mg dose of caffeine": food, not the drug
        if REPLACED_BEFORE.search(left) or HELD_BEFORE.search(left) or LEFT_OVER_AFTER.match(right):
            continue  # "3 mg once daily instead of 1 mg three times a day", "the pen holds 8 mg": no dose
        if JUDGED_AFTER.match(right) or FORBIDDEN_BEFORE.search(clause_left) or RISK_AT_BEFORE.search(clause_left):
            continue  # "45 mg is above the max", "never take 600 mg at once": a caution about a dose, not one to take
        if HYPOTHETICAL_BEFORE.search(left):
            continue  # "If I ever took 40 mg of Ambien I'd sleep for two days": imagined
        if REQUESTED_BEFORE.search(left) and REFUSED_AFTER.search(right):
            continue  # "I asked her to raise my Ambien to 20 mg and she refused": a dose turned down, not taken
        if (EVERY_DAYS.search(clause_right[:40]) and not EVERY_N_DAYS.match(ONE_UNIT_LEAD.sub("", clause_right))) \
                or OTHER_PERIOD_TOTAL.match(right) or TOTAL_BEFORE.search(left):
            continue  # "98 mg over a week", "about 4 mg a month", "works out to 9.6 mg": a total, no dose;
            # "0.25 mg twice daily every three days" a step (but "200 mg every 5 days" is a regimen)
        times, freq_match = frequency(clause_right)
        ceiling_after_schedule = False
        if times is None:
            left_tail = clause_left[-40:]
            times, freq_match = frequency(left_tail)
            if freq_match is not None and freq_match.re in (EVERY_WEEKS, EVERY_MONTHS, EVERY_N_DAYS) and STEPPED_BEFORE.search(
                    clause_left, 0, len(clause_left) - len(left_tail) + freq_match.start()):
                times, freq_match = None, None  # "step up every four weeks until you reach 1 mg": the steps' pace
            if freq_match is not None and times is not None and times[0] >= 1 \
                    and CEILING.search(left_tail[freq_match.end():]):  # not "a weekly shot, up to 2.4 mg"
                times, freq_match, ceiling_after_schedule = None, None, True  # "0.6 mg once or twice a day, max
                # 1.2 mg": a ceiling after a schedule caps the day, not each dose
        if (doses_a_day := DOSES_A_DAY.match(clause_right)) is not None \
                and (counted := COUNT_BEFORE.search(left)) is not None:
            times, freq_match = (_count(counted.group("a")),) * 2, doses_a_day  # "three 300 mg doses a day": three a day
        by_interval = freq_match is not None and freq_match.re is EVERY_HOURS
        if times is not None and (capped := _count_capped(clause_right, times)) is not None:
            times, by_interval = capped, False  # "every 4 hours, up to 6 times a day": six doses
        per_day_stated = bool(last.group("perday")) or bool(PER_DAY_AFTER.match(right))  # "8 mg/day", "8 mg a day"
        per_day_before = bool(PER_DAY_BEFORE.search(THEN.split(left)[-1]))  # "on the first day, then 56 or 84 mg": not that day
        per_day = per_day_stated or per_day_before or ceiling_after_schedule
        names_units = isinstance(first, UnitlessAmount) and first.counts_units
        units_of = bool(COUNT_OF.search(left)) and not last.group("perday")  # "up to 10 tablets of the 5/325 a day": 50 mg
        count = None if per_day_stated and not names_units and not units_of \
            else tablet_count(left, right, names_units, len(values))  # "on day one, two 8 mg films": 16 mg that day; "three 40s a day": 120
        if count is None and not per_day and freq_match is not None and freq_match.string is clause_right \
                and (taken_as := COUNT_TAKEN_AFTER.match(clause_right[:freq_match.start()])) is not None:
            count = (_count(taken_as.group("a")), _count(taken_as.group("b") or taken_as.group("a")))  # "10 mg/325 mg ... taken as two tablets"
        if count is not None:
            values = [(low * count[0], high * count[1]) for low, high in values]
            per_day = per_day_before or bool(COUNTED_PER_DAY.match(right)) \
                or (names_units or units_of) and per_day_stated  # "three 8 mg tablets a day", "three 40s a day": a daily total
            if times is not None and (capped := _units_capped(clause_right, times, count[1])) is not None:
                times, by_interval = capped, False  # "two caplets ..., no more than 6 caplets in 24 hours"
            more = MORE_UNITS.match(right) if not per_day else None
            if more is not None:  # "three 15 mg tablets in the morning and three more at night": the day's units,
                added = _count(more.group("n"))  # or the same dose twice ("one capsule after breakfast and one more
                if count == (added, added):  # after dinner")
                    times, freq_match = (2.0, 2.0), None
                else:
                    values = [(low / count[0] * (count[0] + added), high / count[1] * (count[1] + added))
                              for low, high in values]
                    per_day, times, freq_match = True, None, None
                last_end += more.end()
        elif STRENGTH_AFTER.match(right) and times is None and not per_day and not ON_THE_BEFORE.search(left) \
                and not EACH_NOSTRIL_AFTER.match(right) \
                and not ADDED_BEFORE.search(left) and not ENDORSED_FOR.search(clause_right[:RIGHT_DOSING_REACH]):
            continue  # "the 10 mg tablets are scored" names a strength; "I'm on the 3 mg tablet", "one more 50 mg tablet" a dose
        if STRENGTH_CONTEXT.search(sentence) and times is None and not per_day:
            continue
        if count is None and len(values) > 1 and times is None and not per_day and STRENGTHS_LISTED_BEFORE.search(left):
            continue  # "Take the 15 mg and 20 mg tablets with food", "The 2.5 mg and 10 mg can be taken": strengths
        if not (times or per_day or count or DOSING_WORDS.search(clause_left) or LEVEL_BEFORE.search(clause_left)
                or DOSING_WORDS.search(clause_right[:RIGHT_DOSING_REACH])
                or ENDORSED_FOR.search(clause_right[:RIGHT_DOSING_REACH])
                or ON_AMOUNT.search(clause_left) or DOING_WELL_AT.search(clause_left) or DOING_AMOUNT.search(clause_left)
                or PERSON_HELD_AT.search(clause_left)
                or WHO_LABEL_BEFORE.search(clause_left)
                or LEAD_ONLY.fullmatch(clause_left) and OCCASION_RIGHT.match(clause_right)
                or EACH_NOSTRIL_AFTER.match(right)  # "a 20 mg squirt up each nostril" says how it is taken
                or dose_column is not None and _dose_column(dose_column, first.start())):
            continue
        if per_day and times == (1, 1) and freq_match is not None and "night" not in freq_match.group(0).lower():
            times = None  # "50 mg a day, once daily" says the same thing twice
        mention_end = last_end
        if freq_match is not None and freq_match.string is clause_right and not per_day:
            mention_end = last_end + freq_match.end()  # a daily amount ends at "daily", whatever follows
        in_timed_run = bool(mentions) and timed[-1] is not None and DAY_JOINER.match(text[mentions[-1].end:first.start()])
        if index + 1 < len(groups) and SECOND_DOSE.match(right) and [_values(m) for m in groups[index + 1]] == values \
                and not ANOTHER_DAY.match(text, groups[index + 1][-1].end()) and not in_timed_run:
            repeated.add(index + 1)  # "50 mg in the morning and another 50 mg in the evening": twice a day
            times, per_day, mention_end = (2, 2), False, groups[index + 1][-1].end()
        counted = (COUNT_BEFORE.search(left) or COUNT_OF_THE.search(left)) if count else None  # starts at "three"
        at_time_of_day = freq_match is not None and times == (1, 1) and not per_day \
            and bool(ONCE_AT.fullmatch(freq_match.group(0).strip()))
        mentions.append(DoseMention(
            start=counted.start() + left_from if counted else first.start(), end=mention_end, amounts_mg=tuple(values),
            per_kg=any(m.group("perkg") for m in group), per_day=per_day,
            times_per_day=None if per_day else times, kind=_kind(clause_left, clause_right),
            at_time_of_day=at_time_of_day, by_interval=by_interval, in_ml=in_ml,
            week_total=freq_match is not None and freq_match.string is clause_right and not per_day
            and WEEK_TOTAL.fullmatch(freq_match.group(0).strip()) is not None
            and not clause_right[:freq_match.start()].rstrip().lower().endswith("once"),  # not "his whole weekly 35 mg"
            pair_mg=pairs.get(index), unit_mg=parse_number(first.number) if isinstance(first, UnitlessAmount) else None))
        timed.append(freq_match.group(0).lower() if freq_match is not None and at_time_of_day else None)
    totals = _day_totals(text, mentions, timed)
    nth = [replace(doses_that_day(mention, NTH[match.group(1).lower()]), start=match.start())  # its own span: a span
           for mention in mentions  # holds one parse
           if (match := NTH_BEFORE.search(text, max(start, mention.start - 12), mention.start)) is not None]
    totals += _regimen_totals(text, mentions, end)
    totals += _one_more_than_scheduled(text, mentions, end)
    added_totals = [t for t in _another_dose_totals(text, mentions) if not any(o.start <= t.start and t.end <= o.end for o in totals)]
    nth += [replace(doses_that_day(mention, 2), start=another.start())  # "take another 50 mg a few hours later": two that day
            for mention in mentions
            if (another := ANOTHER_BEFORE.search(text, max(start, mention.start - 14), mention.start)) is not None
            and (LATER_THAT_DAY.match(text, mention.end, end) or NIGHT_DOSE.search(text, mention.start, mention.end))
            and all(t.start != another.start() for t in added_totals)]
    return mentions + totals + nth + added_totals


COUNT_CAP = re.compile(rf"\b(?:up to|no more than|not more than|at most|a maximum of|max(?:imum)?)\s+(?P<n>{COUNT})\s+"
                       rf"(?:times|doses)\b", re.I)
ONCE_AT = re.compile(rf"{TIME_OF_DAY}|with (?:breakfast|lunch|dinner|supper)|at (?:breakfast|lunch(?:time)?|noon|midday|"
                     rf"dinner(?:time)?|supper(?:time)?)|in the afternoon|{CLOCK_TIME}|{BARE_TIME}", re.I)
ADDED_DOSE = rf"(?:another|an extra|a further|{ORDINAL_DOSE})"  # a dose on top of one already named
ANOTHER_BEFORE = re.compile(r"\b(?:another|one more|an extra)\s+$", re.I)
IN_THE_NIGHT = r"(?:in the middle of the night|during the night|at (?:[1-5]|one|two|three|four|five)(?::\d\d)?\s*(?:am|a\.m\.))(?!\w)"
LATER_THAT_DAY = re.compile(r"[^.;]{0,30}?\b(?:(?:a few|a couple(?: of)?|an?|one|two|three|several|\d+) hours? later|later (?:that|the same|in the) "
                            rf"(?:day|night|evening|afternoon)|(?:that|the same) (?:night|evening)|later on|{IN_THE_NIGHT})",
                            re.I)  # "another 5 mg at 3 am": a second dose that night
NIGHT_DOSE = re.compile(rf"\b{IN_THE_NIGHT}", re.I)  # the time a dose itself names: "another 5 mg at 3 am"
ADDED_BEFORE = re.compile(rf"\b(?:{ADDED_DOSE}|one more|1 more)\s*$", re.I)
JOINING = r"(?:and|plus|then|with)"  # the word that joins one dose of the day to the next
JOIN_WORD = re.compile(rf"\b{JOINING}\b", re.I)
DAY_JOINER = re.compile(rf"^[\s,]*{JOINING}?\s*(?:then\s+)?(?:{ADDED_DOSE}|an?)?\s*$", re.I)


def day_total(base: DoseMention, doses: list[DoseMention]) -> DoseMention:
    """`base` as the daily amount of single doses taken on one day: their amounts added up."""
    low, high = (sum(dose.amounts_mg[0][end] for dose in doses) for end in (0, 1))
    return replace(base, amounts_mg=((low, high),), per_day=True, times_per_day=None, kind="usual")


def doses_that_day(base: DoseMention, count: int) -> DoseMention:
    """`base` as the number of doses taken on one day ("another 6.25 mg at 3 a.m." after one at
    bedtime is two doses that night), judged only against the label's most doses a day."""
    return replace(base, amounts_mg=(), per_day=False, times_per_day=(float(count), float(count)), kind="usual",
                   at_time_of_day=True, by_interval=False, doses_counted=True)


def _doses_counted_at(begin: int, end: int, count: int) -> DoseMention:
    """The words text[begin:end] as the count of doses one day held (see doses_that_day)."""
    return doses_that_day(DoseMention(start=begin, end=end, amounts_mg=(), per_kg=False, per_day=False,
                                      times_per_day=None, kind="usual"), count)


ADDED_WORD = re.compile(rf"\b{ADDED_DOSE}\b", re.I)
ANOTHER_JOIN = re.compile(rf"^(?:\s+(?:{TIME_OF_DAY}|{OCCASION}|at [\w.' ]{{1,20}}?|{WHEN_CLAUSE}))?\s*,?\s*(?:and\s+|then\s+|plus\s+)*"
                          rf"{ADDED_DOSE}\s*$", re.I)


def _another_dose_totals(text: str, mentions: list[DoseMention]) -> list[DoseMention]:
    """The total of a dose and a different one added to it on the same occasion ("30 mg at
    takeoff, then another 15 mg midway over the Pacific" is 45 mg that day); a second dose
    on another day ("... the next evening") adds nothing."""
    totals = []
    for first, second in zip(mentions, mentions[1:]):
        single = all(len(m.amounts_mg) == 1 and not m.per_kg and not m.per_day
                     and (m.times_per_day is None or m.at_time_of_day) for m in (first, second)) \
            and first.in_ml == second.in_ml
        if single and first.amounts_mg != second.amounts_mg and ANOTHER_JOIN.match(text[first.end:second.start]) \
                and not ANOTHER_DAY.match(text, second.end):
            added = ADDED_WORD.search(text, first.end, second.start)  # the count of doses spans "another 300":
            totals.append(replace(day_total(first, [first, second]), start=first.start, end=second.end))
            totals.append(replace(doses_that_day(first, 2), start=added.start() if added else second.start,  # a span
                                  end=second.end))  # holds one parse, so not the total's span
    return totals


def _day_totals(text: str, mentions: list[DoseMention], timed: list[str | None]) -> list[DoseMention]:
    """The day's total of doses given at different times of one day ("400 mg in the
    morning, another 400 mg at noon plus 200 mg at bedtime" is 1,000 mg a day), as a daily
    amount spanning them and as the count of doses that day (see doses_that_day); each dose
    is still judged on its own."""
    totals: list[DoseMention] = []
    run: list[DoseMention] = []
    for index, mention in enumerate([*mentions, None]):
        joined = mention is not None and timed[index] is not None and len(mention.amounts_mg) == 1 \
            and not mention.per_kg and (not run or DAY_JOINER.match(text[run[-1].end:mention.start])
                                        and mention.in_ml == run[-1].in_ml)
        if joined and mention is not None:
            run.append(mention)
            continue
        if len(run) >= 2 and len({timed[mentions.index(m)] for m in run}) == len(run):
            totals.append(replace(day_total(run[0], run), start=run[0].start, end=run[-1].end))
            joiner = JOIN_WORD.search(text, run[0].end, run[1].start)  # the count's own span (a span holds one
            count_start = joiner.start() if joiner else run[1].start if len(run) > 2 else None  # parse): "and ..."
            if count_start is not None:  # and as the count of doses that day: "2 mg Intuniv in the morning and
                totals.append(replace(doses_that_day(run[0], len(run)), start=count_start, end=run[-1].end))  # 2 mg
                # at night" is two doses of a once-daily extended-release tablet
        run = [mention] if mention is not None and timed[index] is not None else []
    return totals


NTH_ADDED = re.compile(rf"[^.;]*?\b(?:and|plus|then)\s+(?:[\w-]+\s+){{0,3}}?(?:a|the|her|his|my) (?P<nth>{'|'.join(NTH)})"
                       rf"(?:\s+(?:one|dose|{UNIT_FORMS}|shot))?(?=\s+(?:on|at|when|whenever|before|after|in|if|during|with|"
                       rf"around|most|some)\b|\s*[,.;!?)]|\s*$)", re.I)  # "... four times a day and add a fifth on long-run days"


def _one_more_than_scheduled(text: str, mentions: list[DoseMention], end: int) -> list[DoseMention]:
    """A counted schedule and the dose after it that makes one more that day ("50 mg four
    times a day and adds a fifth on long-run days" is five 50 mg doses): the schedule, that
    many times a day, spanning both."""
    added = []
    for mention in mentions:
        times = mention.times_per_day
        if len(mention.amounts_mg) != 1 or mention.per_day or mention.per_kg or mention.by_interval or times is None \
                or times[0] != times[1] or (nth := NTH_ADDED.match(text, mention.end, end)) is None:
            continue
        count = NTH[nth.group("nth").lower()]
        if count == times[0] + 1:
            added.append(replace(mention, end=nth.end(), times_per_day=(count, count), at_time_of_day=False))
    return added


REGIMEN_JOINER = re.compile(r"^\s*,?\s*(?:\+|plus|and|with)\s*$", re.I)


def _regimen_totals(text: str, mentions: list[DoseMention], end: int) -> list[DoseMention]:
    """The day's total of a counted schedule and a dose at a time of day added to it
    ("quetiapine 400 mg BID + 200 mg HS" is 1,000 mg a day), not a step of a titration."""
    totals = []
    for first, second in zip(mentions, mentions[1:]):
        if all(len(m.amounts_mg) == 1 and not m.per_kg and not m.per_day and m.times_per_day is not None
               and not m.by_interval and m.in_ml == first.in_ml for m in (first, second)) \
                and not first.at_time_of_day and second.at_time_of_day \
                and REGIMEN_JOINER.match(text[first.end:second.start]) \
                and not ANOTHER_DAY.match(text, second.end) and not LATER_AFTER.match(text[second.end:end]):
            first_times, second_times = first.times_per_day or (1.0, 1.0), second.times_per_day or (1.0, 1.0)
            low, high = (first.amounts_mg[0][side] * first_times[side] + second.amounts_mg[0][side] * second_times[side]
                         for side in (0, 1))
            totals.append(replace(first, end=second.end, amounts_mg=((low, high),), per_day=True, times_per_day=None,
                                  kind="usual", at_time_of_day=False))
    return totals


TIMED_UNIT = re.compile(rf"\b(?P<n>{COUNT}|one)\s+(?:{UNIT_FORMS}\s+|of them\s+)?(?:{TIME_OF_DAY}|with (?:breakfast|lunch|dinner|supper)|"
                        rf"at (?:breakfast|lunch|dinner|supper|midday|noon|bedtime)|mid-?(?:morning|afternoon)|"
                        rf"in the (?:early |late )?(?:morning|afternoon|evening))", re.I)
ANOTHER_TIMED = re.compile(rf"\b(?:and|plus)\s+another\s+(?:{UNIT_FORMS}\s+)?(?:{TIME_OF_DAY}|at bedtime|with dinner)", re.I)
CONTINUES = re.compile(rf"^\W*(?:(?:then\s+)?(?:take|takes|taking|swallow|give|use)\s+(?P<count>{COUNT}|it|them|one)\b"
                       rf"|(?:they|patients|people|adults|you)\b[^.]{{0,30}}?\b(?:take|takes|use)\s+(?P<count2>{COUNT}|it|them|one)\b"
                       rf"|(?:repeat|the dose (?:can|may) be repeated|it can be repeated)"
                       rf"|(?P<count3>{COUNT}|one)\s+(?:{UNIT_FORMS}\s+)?(?:in the|at|with|every|each|twice|three|four))", re.I)


def continued_regimen(strength_mg: float, text: str) -> tuple[tuple[float, float], float | None, bool] | None:
    """A regimen a sentence gives for the strength the sentence before it named ("The
    tablets are 10 mg. Take one four times a day."; "Start with one 100 mg tablet. Repeat
    every four hours."): (amount in mg, doses a day, whether the amount is a daily total),
    or None when the sentence does not carry on a regimen."""
    match = CONTINUES.match(text)
    if match is None:
        return None
    word = next((g for g in (match.group("count"), match.group("count2"), match.group("count3")) if g), "")
    units = 1.0 if word.lower() in ("it", "them", "one", "") else _count(word)
    timed = TIMED_UNIT.findall(text)
    if len(timed) >= 2 or (timed and ANOTHER_TIMED.search(text)):  # one in the morning, one at midday and one at bedtime
        total = sum(_count(n) if n.lower() != "one" else 1.0 for n in timed) + (1 if ANOTHER_TIMED.search(text) else 0)
        return (strength_mg * total, strength_mg * total), None, True
    times, match = frequency(text)
    if times is None or match is None or ONCE_AT.fullmatch(match.group(0)):
        return None  # "repeat it at bedtime" adds a dose at a time of day, no count of doses a day
    return (strength_mg * units, strength_mg * units), times[1], False


LEADING_NAME = re.compile(r"[\s\W]*(?:(?:and|then|plus)\s+)?", re.I)  # nothing but a list mark or 'then' before the name
INTERVAL_RIGHT_AFTER = re.compile(rf"\s+(?:{EVERY_HOURS.pattern}|every (?:other|second|third) day\b|every (?:[2-6]|two|three"
                                  r"|four|five|six) days\b)", re.I)  # "Aleve every four hours", "Semglee every other day"
FORM_THEN_SCHEDULE = re.compile(r"\s+(?:shot|injection|jab|pen|patch|infusion)\s+(?:every|once|twice)\b",
                                re.I)  # "the Vivitrol shot every two weeks": a regimen said as a noun phrase (not "pens
# every month": a supply)
DOSE_TIME_WORD = r"(?:morning|bedtime|night|nighttime|evening|afternoon|lunchtime|midday|noon|daytime)"
TIMED_ONE_BEFORE = re.compile(rf"\b(?:an?|one)\s+{DOSE_TIME_WORD}\s+$", re.I)  # "a morning | Claritin"
ANOTHER_TIMED_ONE = re.compile(rf"\s*,?\s*(?:plus|and|then)\s+(?:an?|another|one)\s+{DOSE_TIME_WORD}\s+(?:one|dose|tablet|pill)\b",
                               re.I)  # "... plus a bedtime one"
FREQUENCY_WORDS = re.compile(rf"\b(?:a|per|each|every) (?:day|night|week|morning|evening)|{EVERY_N_DAYS.pattern}|"
                             r"\bevery (?:other|second|2nd) week\b|\bfortnightly\b|\b(?:a|per|each|every) year\b|\byearly\b|\bannually\b|"
                             r"\b(?:morning|breakfast),\s*(?:noon|lunch|midday)\b|"  # "morning, noon and night"
                             r"\b(?:every|each|once a|once per|once every) (?:(?:\d{1,2}|two|three|four|five|six|eight|twelve) )?(?:weeks|months?)\b|"
                             rf"\bmorning and (?:night|evening|bedtime)\b|\b{PER_DAY}\b|\bweekly\b|\btimes?\b|\btwice\b"
                             r"|\bevery\b[^.]{0,12}\b(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\b|\b(?:hours?|hrs?) apart\b|\bafter\s+\S+\s*(?:minutes?|mins?|hours?|hrs?)\b|\bq\d+(?:\s*[-–]\s*\d+)?\s?h\b|\bhourly\b|\bat (?:bedtime|night)\b|\bnightly\b"
                             rf"|\b(?:another|one more|{ORDINAL_DOSE})\b"  # "... and one more after dinner": a second dose
                             rf"|\b(?:an?|one) {DOSE_TIME_WORD} (?:one|dose|tablet|pill)\b"  # "... plus a bedtime one"
                             rf"|\b(?:every|each) (?:single )?{WEEKDAY}\b|\b{WEEKDAY}s\b"  # "a dose every Sunday"
                             r"|\b\d\s*[x×]\s*(?:a|per|each|daily|/)"  # "4x a day"
                             rf"|\b(?:with|at|after|before) (?:breakfast|lunch|dinner|supper)\b|\b(?:each|every|three|3) (?:main )?meals?\b|\bin the (?:morning|afternoon|evening)\b|{AM_PM}",
                             re.I)  # "I pop 3 with breakfast": a time of day may make a bare count units
COUNT_A_DAY = re.compile(rf"^\s*{PER_DAY}\b", re.I)
DOSE_TAKEN = re.compile(rf"\b(?:{TAKING_OR_POPPING}|used|chew\w*|gets?|getting|got|{MOVED_TO}|(?:do|does|did|doing)(?=\s+(?:{COUNT}|one)\s))\s+"
                        rf"(?:[\w-]+\s+){{0,3}}?(?:(?:{COUNT}|\d{{3}})\s+(?:{UNIT_FORMS}|shots?|injections?|sprays?|puffs?|doses?|pens?|"
                        rf"units?)"  # "I take 20 units twice a day" of an insulin: a schedule whose amount is in units
                        rf"|it(?!\s+(?:time|some time|a while|a chance|a try|a go|a few|a couple|a week|a month))"
                        rf"|them|one|hers|mine|theirs|yours|a dose|(?:a|the|your|my|his|her|their|our)(?:\s+(?:own|short-acting|long-acting|"
                        rf"extended-release|immediate-release|regular|allergy|sleep|pain|night|nightly|morning|evening|"
                        rf"usual|daily|bedtime))?\s+(?:tablets?|pills?|capsules?|caplets?|shots?|doses?|patch(?:es)?|pens?|"
                        rf"injections?|puffs?|sprays?|inhalations?)"
                        rf"|(?:{COUNT}){BARE_COUNT_AFTER}"
                        rf"|a (?:(?:small|little|tiny|smaller|bit of)\s+)?(?:amount|bit|portion|spoonful|teaspoon(?:ful)?|"
                        rf"dropper(?:ful)?|squirt|measure)|a little(?: bit)?)\b",
                        re.I)
TOGETHER = (r"(?:at once|at a time|at the same time|together|in one go|in a single dose|"
            r"(?:is|are|was|were) (?:my|his|her|their|your|our|the|a) (?:\w+ )?dose)\b")  # "three tablets is my normal dose"
AT_ONCE = re.compile(rf"\s*(?:[\w-]+\s+){{0,2}}?{TOGETHER}", re.I)
AT_ONCE_WORDS = re.compile(rf"\b{TOGETHER}", re.I)  # the fast test first
ON_OCCASION = re.compile(r"\s*(?:[\w-]+\s+){0,4}?(?:before|ahead of) (?:every |each )?(?:the |a |an |my |his |her |their |our )?"
                         r"[\w'-]+", re.I)  # "4 puffs before every race": one dose for one occasion
OCCASION_WORDS = re.compile(r"\b(?:before|ahead of)\b", re.I)
NTH_BEFORE = re.compile(rf"\ba ({'|'.join(NTH)})\s+$", re.I)  # "taking a second 10 mg tablet": the day's second dose
NTH_DOSE_AT = re.compile(rf"\b(?:(?:a|the|her|his|my|your) (?P<nth>{'|'.join(NTH)})|another|(?:one|1) more)\s+"
                         rf"(?:(?:XR|ER|SR|CR|XL|IR|ODT)\s+)?(?:one|dose|{UNIT_FORMS}|shot)\b"
                         rf"(?:\s+[\w-]+){{0,3}}?\s+(?:{DOSE_TIME}|when (?:you|i|he|she|they|we) wakes?(?: up)?)",
                         re.I)  # "a third one before lights out", "another one at 3 when she wakes up": the day's Nth dose
ANOTHER_TAKEN = re.compile(r"\b(?:took|take|takes|taking|popped|pop|pops|swallowed|had|grabbed)\s+(?:another|an extra|"
                           r"a second|one more)(?:\s+(?:one|tablet|pill|dose|capsule|cap|tab))?\b(?!\s+(?:day|week|time|of)\b)",
                           re.I)  # "when I was still awake at 2am I took another one": a repeat of the dose named before
NOT_DONE_BEFORE = re.compile(r"\b(?:almost|nearly|(?:wanted|meant|was going|tempted|planning) to|thought about|"
                             r"considered)\s+$", re.I)  # "I almost took another one": not taken
AMOUNT_BEFORE = re.compile(r"\d\s*(?:mg|mcg|milligrams?)\b", re.I)
OTHER_TAKER = re.compile(r"\b(?:my|his|her|their|our)\s+(?:husband|wife|partner|mom|mum|dad|mother|father|son|daughter|"
                         r"sister|brother|friend|roommate|boyfriend|girlfriend)\b", re.I)
SCHEDULE_BREAK = re.compile(rf"[;:.]|\bbut\b|\bor\b|\bthen\b(?!\s+(?:(?:take|takes|took|add|adds|added)\s+)?{NEXT_DOSE})",
                            re.I)  # where a count's schedule ends: not at "and then another one at 3"
SCHEDULE_REACH = 80  # characters after a count of units where its schedule may stand
VERBLESS_GAP = 3  # characters between a count of units and its schedule, when no verb of taking comes before
ROW_UNITS = re.compile(rf"{NOT_A_PRODUCT_NUMBER}(?:{COUNT})\s+(?:{UNIT_FORMS}|shots?|injections?|sprays?|puffs?|doses?)\b", re.I)
SCHEDULED_NEXT = r"(?=\s+(?:every|each|once|twice|daily)\b)"
REDOSED = re.compile(r"\bre-?dos(?:e|es|ed|ing)\b|\brepeat(?:s|ed|ing)?(?:\s+(?:it|the dose|doses?|dosing))?(?=\s+(?:every|each)\b)"
                     rf"|\binject(?:s|ed|ing)?(?:\s+(?:it|myself|herself|himself|themselves|ourselves))?{SCHEDULED_NEXT}"
                     rf"|\b(?:do|does|did|doing)\s+(?:my|his|her|their|your|the|a)\s+(?:shot|injection|jab|pen){SCHEDULED_NEXT}"
                     r"|\b(?:swap|chang|replac|switch)(?:e|es|ed|ing|s|ped|ping)?\s+(?:(?:her|his|my|their|your|the|a)\s+)?"
                     rf"(?:new\s+)?patch(?:es)?{SCHEDULED_NEXT}"
                     rf"|\b(?:a|one)\s+(?:new|fresh)\s+patch(?:es)?{SCHEDULED_NEXT}"  # "slap a new patch every 24 hours"
                     r"|\b(?:put|puts|putting|stick|sticks|stuck|sticking|slap|slaps|slapped|slapping|apply|applies|applied|"
                     r"applying)\s+(?:on\s+)?(?:(?:her|his|my|their|your|the|a)\s+)?patch(?:es)?(?:\s+on)?"
                     rf"{SCHEDULED_NEXT}"  # "she puts her patch on every morning"
                     rf"|\b(?:swap|chang|replac)\w*\s+(?:it|them)\s+out{SCHEDULED_NEXT}"  # "swap it out every other day"
                     rf"|\b(?:swap|chang|replac)\w*\s+(?:mine|hers|his|theirs|yours|it|them){SCHEDULED_NEXT}"  # "I change
                     # mine every 24 hours"
                     r"|\b(?:bump|bumps|bumped|bumping|upped|upping|increased?|increasing|raised?|raising|went|moved)"
                     r"(?:\s+(?:it|me|him|her|them|(?:my|his|her|their|the)\s+[\w-]+))?(?:\s+up)?\s+to"
                     r"(?=\s+(?:(?:\d|one|two|three|four|five|six)\s*(?:x|times)\b|twice\b|every\b))",  # "bumped to 3x a day"
                     re.I)  # "re-dose every two hours", "repeat every 2 hours" (not "repeat the test every 3 months"),
# "injecting every 5 days", "we swap her patch every morning", "I bumped it up to three times a day"
REDOSE_GAP = 12  # characters between "re-dose" and its frequency ("re-dose it every 2 hours")
SPLIT_DOSES = re.compile(r"\b(?:split|splits|splitting|divides?|divided|dividing|breaks?|breaking|broke)\b[^.;!?]{0,40}?"
                         r"\b(?:in|into)\s+(?P<n>two|three|four|2|3|4)\s+(?:separate\s+|smaller\s+|equal\s+)?doses\b"
                         r"|\bhalf\b[^.;!?]{0,12}?\b(?:in the morning|at breakfast)\s*,?\s*(?:and\s+)?(?:the other\s+|another\s+)?"
                         r"half\s+(?:in the evening|at night|at bedtime|at dinner|before bed)\b"
                         r"|\b(?:split|divided)\s+(?:between\s+)?(?:the\s+)?(?:morning|breakfast)\s+and\s+"
                         r"(?:night|evening|bedtime|dinner)\b",
                         re.I)  # "split her pill into three doses", "half in the morning and half at night": that many a day
DAY_AMOUNT_BEFORE = re.compile(r"\d\s*(?:mg|mcg|g|milligrams?)\b[^.;!?]{0,20}?(?:\b(?:a|per|each)\s+|/\s*)day\b"
                               r"|\d\s*(?:mg|mcg|g|milligrams?)\b[^.;!?]{0,20}?\bdaily\b",
                               re.I)  # a day's amount the split divides ("80 mg of Paxil a day")
SPLIT_AMOUNT_REACH = 60  # characters from that amount to its split
ENOUGH = re.compile(r"\b(?:one|once|a single)(?: [\w-]+)? a day (?:is|was|should be) (?:enough|plenty|all)", re.I)


PASSIVE_TAKEN = re.compile(rf"\s*(?:\([^)]{{0,30}}\)\s*)?(?:{UNIT_FORMS}|shots?|injections?|pens?|jabs?)?\s*(?:is|are|should be|must be|can be|gets|get)\s+(?:usually\s+|only\s+)?"
                           r"(?:taken|given|used|injected|applied|dosed|changed|replaced|swapped)\b", re.I)  # "the Depo-Provera
# shot is given twice a year", "Climara patches are changed once a week"
TAKE_VERB = re.compile(rf"\b(?:{TAKING}|gets?|getting|got|receives?|received|receiving"
                       r"|(?:swap|chang|replac)(?:e|es|ed|ing|s|ped|ping)|stretch(?:es|ed|ing)?|do|does|did|doing"
                       r"|doubl(?:e|es|ed|ing) up on"
                       r"|writes?|wrote|written|writing|prescrib(?:e|es|ed|ing))\s+(?:[\w-]+\s+){0,2}?$",
                       re.I)  # "takes Ozempic every day", "swaps her Climara every three days", "urgent cares write
# Macrobid three times a day", "stretch my Trulicity to every other week", "they do the Lantus injection every 6 hours"


def _listed_times(text: str) -> tuple[tuple[float, float], re.Match] | None:
    """The doses a day of a list of times right at the start of `text`, whose commas would
    otherwise cut it ("Lantus | with breakfast, lunch and dinner"), past the units and the
    first dose's count ("Prilosec OTC tablets, one in the morning and one at night"), or None."""
    at = first.end() if (first := LISTED_COUNT_FIRST.match(text)) is not None else 0  # (it matches empty too)
    for pattern, value in TIMES_LISTED:
        if (match := pattern.search(text, at, at + LISTED_TIMES_REACH)) is not None and match.start() <= at + 1:
            return value, match
    return None


LISTED_COUNT_FIRST = re.compile(rf"\s*(?:{UNIT_FORMS}\s*)?(?:[,:–—-]\s*)?(?:(?:one|an?|1|two|2)\s+(?:{UNIT_FORMS}\s+)?(?=\w))?",
                                re.I)  # "Prilosec OTC tablets, one | in the morning", "Prilosec OTC, a tablet | before breakfast"


LABEL_COLON = re.compile(r"\s*:")  # a name set off as the label of what follows
LISTED_TIMES_REACH = 80  # characters a list of dose times may take after the drug's name


OWNED_FORM = re.compile(rf"\b(?:{'|'.join(sorted(OWNING_DETERMINERS))})\s+((?-i:{'|'.join(sorted(RELEASE_FORM_NOUNS | {'ER'}))}))\b",
                        re.I)  # "take his XR twice a day": the drug in that form, standing for its name
DOSES_COUNTED_BEFORE_NAME = re.compile(r"\s(?:[2-9]|\d{2,}|two|three|four|five|six|seven|eight|nine|ten|several|a couple of|a pair of)\s",
                                       re.I)  # more than one dose counted before the name: "do two Ozempic shots a week"
SUPPLIED = re.compile(r"\b(?:from|at|through|via|by)\s+(?:the\s+|a\s+|my\s+|her\s+|his\s+|our\s+|their\s+)?(?:local\s+)?"
                      r"(?:pharmacy|pharmacist|drugstore|chemist|mail|post|store)\b|\b(?:refill\w*|delivered|shipped|mailed|filled)\b",
                      re.I)  # "gets her Ozempic from the pharmacy every four weeks": a supply, not a dose
EVERY_DAY = re.compile(r"(?:(?:every|each)(?: single|-)? ?day|each and every day|daily)", re.I)  # daily use, not a count


def _count_capped(after: str, times: tuple[float, float]) -> tuple[float, float] | None:
    """The doses a day a cap on doses after a schedule allows ("..., up to 6 times a day"), or
    None when none follows."""
    if (cap := COUNT_CAP.search(after)) is None:
        return None
    most = _count(cap.group("n"))
    return min(times[0], most), min(times[1], most)


def _units_capped(after: str, times: tuple[float, float], units_a_dose: float) -> tuple[float, float] | None:
    """The doses a day a cap on units after a schedule allows ("..., no more than 8 a day" of two
    units a dose: 4), or None when none follows."""
    if (cap := UNITS_CAP.search(after)) is None:
        return None
    most = _count(cap.group("n")) / units_a_dose
    return min(times[0], most), min(times[1], most)


def find_frequency_claims(text: str, start: int = 0, end: int | None = None,
                          names: tuple[tuple[int, int], ...] = (), table_row: bool = False) -> list[DoseMention]:
    """Schedules stated without an amount, judged by their frequency alone: "take one
    caplet every 4 hours", "inject it every day", "take Ozempic every day" (`names`: the
    character spans of drug names), "one a day is enough", and in a table row, a count
    of units whose frequency a later cell gives ("1 tablet | every 4 hours"). A frequency
    that is only a time of day ("take it at bedtime") claims no count and is left out."""
    end = len(text) if end is None else end
    sentence = text[start:end]
    if not (FREQUENCY_WORDS.search(sentence) or AT_ONCE_WORDS.search(sentence) or OCCASION_WORDS.search(sentence)
            or SPLIT_DOSES.search(sentence)) \
            or _historical(sentence):
        return []
    found = []
    for name_start, name_end in names:  # "take Ozempic every day", "Intuniv is taken twice a day"
        verb = TAKE_VERB.search(text, max(start, name_start - 40), name_start)
        passive = PASSIVE_TAKEN.match(text, name_end, end)
        first = verb.start() if verb else name_start
        forbidden = verb is not None and (FORBIDDEN_BEFORE.search(text[start:verb.end()]) is not None  # "don't take Advil",
                                          or FORBIDDEN_JUST_BEFORE.search(text[start:verb.start()]) is not None  # "never
                                          # double up on"
                                          or DOSES_COUNTED_BEFORE_NAME.search(verb.group()) is not None)
        listed = _listed_times(text[name_end:end])  # "Prilosec OTC: one in the morning and one at night"
        opens = LEADING_NAME.fullmatch(text, start, name_start) is not None
        leading = opens and INTERVAL_RIGHT_AFTER.match(text, name_end, end) is not None \
            or listed is not None and (opens or LABEL_COLON.match(text, name_end, end) is not None)  # "Aleve every four
        # hours got me through", "Prilosec OTC one in the morning and one at night", "My routine, Claritin: one ..."
        named_regimen = FORM_THEN_SCHEDULE.match(text, name_end, end) is not None
        if start <= name_start < end and (verb or passive or leading or named_regimen) and not forbidden \
                and not text[start:first].lower().endswith("used to "):
            schedule_at = passive.end() if passive else name_end
            times, freq_match = (_listed_times(text[schedule_at:end]) if passive else listed) \
                or frequency(re.split(r"[;:.,]|\bbut\b|\bor\b|\bthen\b", text[schedule_at:end])[0][:40])
            if times is not None and freq_match is not None and not ONCE_AT.fullmatch(freq_match.group(0)) \
                    and not SUPPLIED.search(text, schedule_at, schedule_at + freq_match.start()) \
                    and not JUDGED_AFTER.match(text[schedule_at + freq_match.end():end]):
                found.append(DoseMention(start=first, end=schedule_at + freq_match.end(), amounts_mg=(),
                                         per_kg=False, per_day=False, times_per_day=times,
                                         kind=_kind(text[start:first]), by_interval=freq_match.re is EVERY_HOURS,
                                         at_time_of_day=bool(EVERY_DAY.fullmatch(freq_match.group(0)))))
    for name_start, name_end in names:  # "a morning Claritin plus a bedtime one": that many doses that day
        if start <= name_start < end and (morning := TIMED_ONE_BEFORE.search(text, max(start, name_start - 20), name_start)) \
                and (second := ANOTHER_TIMED_ONE.match(text, name_end, end)):
            found.append(_doses_counted_at(morning.start(), second.end(), 2))
    nth_doses = list(NTH_DOSE_AT.finditer(sentence))
    for match in nth_doses:  # "add a second capsule around 1 pm": that many doses that day
        nth = NTH.get((match.group("nth") or "second").lower(), 2)
        found.append(_doses_counted_at(start + match.start(), start + match.end(), nth))
    for match in ANOTHER_TAKEN.finditer(sentence):  # "... and at 2am I took another one": a second dose that day
        repeated = AMOUNT_BEFORE.search(sentence, 0, match.start())
        if repeated is None or any(m.start() <= match.start() < m.end() for m in nth_doses) \
                or FORBIDDEN_JUST_BEFORE.search(sentence[:match.start()]) or NOT_DONE_BEFORE.search(sentence[:match.start()]) \
                or OTHER_TAKER.search(sentence, repeated.end(), match.start()):
            continue  # no dose before it to repeat; read as the Nth dose at a time already; "never take another
            # one"; "... and my husband took another one": someone else's
        found.append(_doses_counted_at(start + match.start(), start + match.end(), 2))
    for match in REDOSED.finditer(sentence):  # "I just re-dose every two hours": a schedule with no amount
        if FORBIDDEN_JUST_BEFORE.search(sentence[:match.start()]):
            continue  # "never inject twice a week to catch up": a caution
        times, freq_match = frequency(sentence[match.end():match.end() + SCHEDULE_REACH])
        if times is not None and freq_match is not None and freq_match.start() <= REDOSE_GAP \
                and not ONCE_AT.fullmatch(freq_match.group(0)):
            found.append(DoseMention(start=start + match.start(), end=start + match.end() + freq_match.end(), amounts_mg=(),
                                     per_kg=False, per_day=False, times_per_day=times, kind="usual",
                                     by_interval=freq_match.re is EVERY_HOURS))
    for match in (*SPACED_APART.finditer(sentence), *REPEATED_AFTER.finditer(sentence)):
        if FORBIDDEN_JUST_BEFORE.search(sentence[:match.start()]) or NEGATED_REPEAT.search(sentence[:match.start()]):
            continue  # "never space the doses 4 hours apart", "do not repeat after 30 minutes"
        amount = float(HOUR_WORDS.get(match.group("n").lower(), match.group("n")))
        hours = amount / 60 if match.group("unit").lower().startswith("min") else amount
        if 0 < hours <= 72:  # "I've been spacing them just 4 hours apart", "take another after 2 hours": the gap
            found.append(DoseMention(start=start + match.start(), end=start + match.end(), amounts_mg=(), per_kg=False,
                                     per_day=False, times_per_day=(24 / hours, 24 / hours), kind="usual",
                                     by_interval=True))
    for match in SHOTS_COUNTED.finditer(sentence):
        if FORBIDDEN_JUST_BEFORE.search(sentence[:match.start()]) or USED_TO_BEFORE.search(sentence[:match.start()]):
            continue  # "never do two shots a day", "I used to do three shots a day"
        shots = _count(match.group("n"))
        times = (shots, shots) if match.group("day") else (shots / 7, shots / 7)
        found.append(DoseMention(start=start + match.start(), end=start + match.end(), amounts_mg=(), per_kg=False,
                                 per_day=False, times_per_day=times, kind=_kind(sentence[:match.start()])))
    splits: list[DoseMention] = []
    for match in SPLIT_DOSES.finditer(sentence):
        if FORBIDDEN_BEFORE.search(sentence[:match.start()]) or FORBIDDEN_JUST_BEFORE.search(sentence[:match.start()]):
            continue  # "never split it into two doses"
        if DAY_AMOUNT_BEFORE.search(sentence, max(0, match.start() - SPLIT_AMOUNT_REACH), match.start()):
            continue  # "80 mg a day for stubborn depression, split into two doses": that day's amount, judged as one
        doses_a_day = _count(match.group("n")) if match.group("n") else 2.0
        splits.append(DoseMention(start=start + match.start(), end=start + match.end(), amounts_mg=(), per_kg=False,
                                  per_day=False, times_per_day=(doses_a_day, doses_a_day), kind="usual"))
    for match in ENOUGH.finditer(sentence):
        found.append(DoseMention(start=start + match.start(), end=start + match.end(), amounts_mg=(), per_kg=False,
                                 per_day=False, times_per_day=(1, 1), kind="usual"))
    taken = list(DOSE_TAKEN.finditer(sentence)) + (list(ROW_UNITS.finditer(sentence)) if table_row else [])
    verbless = [m for m in UNITS_COUNTED.finditer(sentence) if not any(t.start() <= m.start() < t.end() for t in taken)]
    for match in taken + verbless:
        if sentence[:match.start()].lower().endswith("used to ") or match.group(0).lower().startswith("used to "):
            continue  # "I used to take it twice a day": the past
        count_at = re.search(rf"(?<![\w.])({COUNT})(?:\s|$)", match.group(0))
        if FORBIDDEN_BEFORE.search(sentence[:match.start() + (count_at.start() if count_at else 0)]) \
                or DENIED_JUST_BEFORE.search(sentence[:match.start()]) and not A_LIMIT.search(match.group(0)):
            continue  # "never take three tablets at once", "do not take it every hour": a caution
        if JUDGED_AFTER.match(sentence[match.end():]):
            continue  # "taking 8 Extra Strength Tylenol in a day, which is 4,000 mg, can wreck your liver"
        after = SCHEDULE_BREAK.split(sentence[match.end():])[0][:SCHEDULE_REACH]
        times, freq_match = frequency(after)
        if (a_day := COUNT_A_DAY.match(after)) is not None:  # "take one tablet a day": that many a day
            count = re.search(rf"(?<![\w.])({COUNT})\s", match.group(0))
            units = _count(count.group(1)) if count else 1.0
            times, freq_match = (1.0, units), a_day  # "two tablets a day" may be both at once
        if times is None and ((together := AT_ONCE.match(after)) is not None or (together := ON_OCCASION.match(after)))\
                and counted_units(sentence[match.start():match.end() + len(after)]):
            found.append(DoseMention(start=start + match.start(), end=start + match.end() + together.end(), amounts_mg=(),
                                     per_kg=False, per_day=False, times_per_day=None,
                                     kind=_kind(sentence[:match.start()], sentence[match.end():])))
            continue  # "two Macrobid capsules at once", "4 puffs before every race": one dose of that many units
        if match.re is UNITS_COUNTED and match.group("day") and times is None:
            times, freq_match = (1.0, _count(match.group("b") or match.group("a"))), None  # "five Contrave tablets a day"
            found.append(DoseMention(start=start + match.start(), end=start + match.end(), amounts_mg=(), per_kg=False,
                                     per_day=False, times_per_day=times,
                                     kind=_kind(sentence[:match.start()], sentence[match.end():])))
            continue
        if freq_match is not None and ONCE_AT.fullmatch(freq_match.group(0)) \
                and counted_units(sentence[match.start():match.end() + len(after)]) \
                and (match.re is not UNITS_COUNTED or freq_match.start() <= VERBLESS_GAP):
            found.append(DoseMention(start=start + match.start(), end=start + match.end(), amounts_mg=(), per_kg=False,
                                     per_day=False, times_per_day=None,
                                     kind=_kind(sentence[:match.start()], sentence[match.end():])))
            continue  # "take three Contrave tablets every morning": one dose of three units, at a time of day
        if times is None or freq_match is None or ONCE_AT.fullmatch(freq_match.group(0)):
            continue
        between = EACH_NOSTRIL.match(after) or ROUTE.match(after)  # "4 sprays in each nostril twice a day", "1 tab PO q3h"
        if match.re is UNITS_COUNTED and freq_match.start() - (between.end() if between else 0) > VERBLESS_GAP:
            continue  # "three Advil tablets every 4 hours": a count of units needs its schedule right after it
        freq_end = match.end() + freq_match.end()
        by_interval = freq_match.re is EVERY_HOURS
        if (capped := _count_capped(sentence[freq_end:], times)
                or _units_capped(sentence[freq_end:], times, _count(count_at.group(1)) if count_at else 1.0)) is not None:
            times, by_interval = capped, False  # "take 2 every 4 hours, no more than 8 a day": four doses at most
        found.append(DoseMention(start=start + match.start(), end=start + freq_end, amounts_mg=(), per_kg=False,
                                 per_day=False, times_per_day=times,
                                 kind=_kind(sentence[:match.start()], sentence[freq_end:]),
                                 by_interval=by_interval,
                                 at_time_of_day=bool(EVERY_DAY.fullmatch(freq_match.group(0).strip()))))  # daily use, no count
    found = [m for m in found if m.times_per_day is not None or m.amounts_mg
             or not any(m.start < split.end and split.start < m.end for split in splits)] + splits  # "take half in the
    # morning and half at night": the split day, not one dose of half a tablet at a time of day
    kept: list[DoseMention] = []
    for mention in sorted(found, key=lambda m: (m.start, -m.end)):  # one claim where two readings overlap
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


@Language.factory("druglint_doses", default_config={"profile_dirs": []})
def make_dose_marker(nlp: Language, name: str, profile_dirs: list[str]) -> DoseMarker:
    return DoseMarker(tuple(profile_dirs))


class DoseMarker:
    """Marks doc.spans['doses']: one span per dose mention, its parse in `span._.dose`. Knows
    each profiled drug's strengths, to read "two of the 60s" as two 60 mg tablets."""

    def __init__(self, profile_dirs: tuple[str, ...]) -> None:
        reference = load_reference(profile_dirs)
        self.strengths = {profile.id: frozenset(s for product in profile.products for s in product.strengths_mg)
                          for profile in reference.profiles.values()}
        self.unit_mg = _one_strength_names(reference)
        self.combinations = frozenset(p.id for p in reference.profiles.values() if len(combination_parts(p.generic)) == 2)

    def __call__(self, doc: Doc) -> Doc:
        spans = [span for span in doc.spans["drugs"] if not span._.drug_class  # in text order; a standard of
                 and not compared_with(doc, span.start)]  # comparison owns no number after it ("the same as adderall")
        named = tuple((span.start_char, span.end_char, self.strengths.get(span._.drug_id, frozenset())) for span in spans)
        unit_mg = {span.start_char: unit for span in spans
                   if (unit := self.unit_mg.get((span._.drug_id, span.text.lower()))) is not None}
        combinations = frozenset(span.start_char for span in spans if span._.drug_id in self.combinations)
        counts = Counter(span._.drug_id for span in spans if span._.drug_id in self.strengths)
        main_strengths = self.strengths[counts.most_common(1)[0][0]] if counts else frozenset()
        return mark_doses(doc, DrugNames(named, unit_mg, combinations, main_strengths))


def _one_strength_names(reference: Reference) -> dict[tuple[str, str], float]:
    """(drug id, name) -> mg for each name that stands for one product made in one strength
    ("Advil": the 200 mg OTC tablet), so that "4 Advil" is 800 mg."""
    products_named: dict[tuple[str, str], list[tuple[float, ...]]] = {}
    for profile in reference.profiles.values():
        for product in profile.products:
            for cue in product.cues if product.mg_per_ml is None else ():  # a liquid is measured, not counted
                products_named.setdefault((profile.id, cue.lower()), []).append(tuple(product.strengths_mg))
        by_id = {product.id: product for product in profile.products}
        for brand, product_id in profile.brand_defaults.items():  # the product no cue names: a brand no other
            if by_id[product_id].mg_per_ml is None:  # product claims is its name ("two Plan B pills")
                products_named.setdefault((profile.id, brand), []).append(tuple(by_id[product_id].strengths_mg))
    return {key: strengths[0][0] for key, strengths in products_named.items()
            if len(strengths) == 1 and len(strengths[0]) == 1}


def mark_doses(doc: Doc, names: DrugNames) -> Doc:
    """doc.spans['doses'] from the doc's sentences and the drug names (not classes) it holds."""
    spans = []
    layout, text = doc._.layout, article_text(doc)
    table = sentence_table(doc)
    sentence_starts = [start for start, _ in table.chars]
    with_amounts = {bisect.bisect_right(sentence_starts, m.start()) - 1 for m in AMOUNT_HINT.finditer(text)} \
        | {bisect.bisect_right(sentence_starts, start) - 1 for start in names.unit_mg}  # "two Plan B pills"
    prose = [index for index, block in enumerate(table.blocks)
             if block is None or layout.blocks[block].kind != "heading"]
    rows = {index: layout.blocks[block] for index in prose if (block := table.blocks[index]) is not None
            and layout.blocks[block].header}  # sentences that are table rows under column headings
    for index in prose:
        if index in with_amounts:
            start, end = table.chars[index]
            unitless = unitless_amounts(text, start, end, names) if names else []
            mentions = find_doses(text, start, end, unitless, rows.get(index))
            if index in rows:
                mentions = [_column_kind(mention, rows[index]) for mention in mentions]
            spans += _spans(doc, mentions) + _continuation(doc, text, table, index)
    taken = [(span.start_char, span.end_char) for span in spans]
    for index in prose:  # then schedules with no amount, where no amount's dose already stands
        start, end = table.chars[index]
        in_sentence = tuple(sorted({*((name_start, name_end) for name_start, name_end, _ in names.within(start, end)),
                                    *(form.span(1) for form in OWNED_FORM.finditer(text, start, end))}))
        spans += _spans(doc, [m for m in find_frequency_claims(text, start, end, in_sentence, table_row=index in rows)
                              if not any(a < m.end and m.start < b for a, b in taken)])
    doc.spans["doses"] = sorted(spans, key=lambda span: span.start)
    return doc


def _column_kind(mention: DoseMention, row: Block) -> DoseMention:
    """A dose in a table column headed 'Starting dose' or 'Maximum' is that kind of dose, and
    an amount with no schedule in a column headed 'Daily limit' or 'Max per day' is a day's."""
    heading = row.column_of(mention.start)
    if DAILY_COLUMN.search(heading) and not mention.per_day and len(mention.amounts_mg) == 1:
        mention = replace(mention, per_day=True, times_per_day=None)  # not the schedule of the cell before
    if mention.kind != "usual":
        return mention
    return replace(mention, kind=_kind(heading))


DOSE_COLUMN = re.compile(r"\b(?:doses?|dosage|dosing|max|maximum|limit|start|starting|daily|per day|a day|regimen|how much|"
                         r"most|highest|ceiling|usual|range|at once|at a time|you (?:can )?take)\b"
                         r"|/\s*day\b",
                         re.I)  # a column heading that makes a cell's bare amount a dose
DAILY_COLUMN = re.compile(r"\b(?:daily|per day|a day|each day|in 24 hours|24-hour)\b|/\s*day\b", re.I)
AMOUNT_COLUMN = re.compile(r"\bamounts?\b", re.I)  # a dose column only in a chart by weight or age
CHART_COLUMN = re.compile(r"\b(?:weight|age|ages|years?|yrs|lbs?|pounds|kg)\b", re.I)  # not a recipe's "Amount"


def _dose_column(row: Block, at: int) -> bool:
    """True when the column heading over character `at` makes a bare amount in it a dose: a
    dose heading ("Max per day"), or "Amount" in a chart whose other columns give weights or
    ages ("Weight | Age | Amount"), not a recipe's ingredient list."""
    heading = row.column_of(at)
    return bool(DOSE_COLUMN.search(heading)) \
        or bool(AMOUNT_COLUMN.search(heading)) and any(CHART_COLUMN.search(other) for other in row.header)


def _spans(doc: Doc, mentions: list[DoseMention]) -> list:
    """A span for each dose mention, with its parse in `span._.dose`."""
    spans = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            span._.dose = mention
            spans.append(span)
    return spans


def _continuation(doc: Doc, text: str, table, index: int) -> list:
    """A dose spread over two sentences of one block: the last amount of sentence `index`
    (a strength or a dose) and the regimen the next sentence gives for it."""
    following = index + 1
    if following >= len(table.chars) or table.blocks[following] != table.blocks[index]:
        return []
    start, end = table.chars[index]
    next_start, next_end = table.chars[following]
    if AMOUNT.search(text, next_start, next_end):
        return []  # the next sentence states its own amounts ("every 3 hours" is none)
    amounts = [m for m in AMOUNT.finditer(text, start, end) if not m.group("perkg") and not m.group("perday")]
    if not amounts:
        return []
    last = amounts[-1]
    if PARTNER.match(text[amounts[-2].end():last.start()] if len(amounts) > 1 else "x"):
        last = amounts[-2]  # "10 mg/325 mg tablets": the first ingredient
    value = _values(last)
    regimen = continued_regimen(value[0], text[next_start:next_end]) if value and value[0] == value[1] else None
    if regimen is None:
        return []
    amount, times, per_day = regimen
    clause_end = next_end - len(text[next_start:next_end]) + len(text[next_start:next_end].rstrip(" .!\n"))
    span = doc.char_span(last.start(), clause_end, alignment_mode="expand")
    if span is None:
        return []
    span._.dose = DoseMention(start=last.start(), end=clause_end, amounts_mg=(amount,), per_kg=False,
                              per_day=per_day, times_per_day=None if per_day else (times, times) if times else None,
                              kind="usual")
    return [span]

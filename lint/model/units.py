"""Mass units druglint converts to milligrams, and number parsing.

A small table rather than a units library: pint reads "units" as luminance and has no
IU, and doses only need mass units converted to mg (see README, "Dependencies").
"""
from __future__ import annotations

import re

MG_PER_UNIT = {
    "mg": 1.0, "milligram": 1.0, "milligrams": 1.0,
    "mcg": 0.001, "microgram": 0.001, "micrograms": 0.001, "µg": 0.001, "μg": 0.001, "ug": 0.001,
    "g": 1000.0, "gram": 1000.0, "grams": 1000.0, "gm": 1000.0,
}
UNIT_PATTERN = r"(?:milligrams?|micrograms?|grams?|mcg|mg|µg|μg|ug|gm|g)"
ML_PER_UNIT = {"ml": 1.0, "mls": 1.0, "milliliter": 1.0, "milliliters": 1.0, "millilitre": 1.0, "millilitres": 1.0,
               "cc": 1.0, "ccs": 1.0, "teaspoon": 5.0, "teaspoons": 5.0, "teaspoonful": 5.0, "teaspoonfuls": 5.0,
               "tsp": 5.0, "tsps": 5.0, "tablespoon": 15.0, "tablespoons": 15.0, "tbsp": 15.0}
VOLUME_UNIT_PATTERN = (r"(?:millilit(?:er|re)s?|mls?|ccs?|teaspoon(?:ful)?s?|tsps?|tablespoons?|tbsp)")  # liquid doses
UNIT_FORMS = (  # the units a dose is counted in
    r"(?:tablets?|tabs?|caplets?|capsules?|caps|pills?|gel ?caps|softgels?|chewables?|patch(?:es)?|soltabs?|"
    r"odts?|wafers?|lozenges?|troches?|gumm(?:y|ies)|melts?|films?|strips?|puffs?|sprays?|squirts?|spritz(?:es)?|"
    r"inhalations?|actuations?|"
    r"bars?|perles?|liqui-?gels?|capfuls?)")  # "three of the 2mg bars": alprazolam's scored bars; benzonatate's perles
NUMBER_PATTERN = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+(?:\.\d+)?)"
COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
               "twenty": 20, "a single": 1, "a couple of": 2, "half a": 0.5, "half of a": 0.5, "half": 0.5,
               "a whole": 1, "one whole": 1, "a full": 1, "an entire": 1, "a pair of": 2, "a pair": 2}
COUNT_PATTERN = rf"(?:\d{{1,2}}|{'|'.join(sorted(COUNT_WORDS, key=len, reverse=True))})"  # a count of units: "two", "1"
WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "half": 0.5}
SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                 "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000}
_SMALL = "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True))
_TENS = "|".join(TENS)
_BELOW_HUNDRED = rf"(?:(?:{_TENS})(?:[- ](?:{_SMALL}))?|{_SMALL})"
_HUNDREDS = rf"(?:(?:a|{_SMALL}) hundred(?:(?: and)? {_BELOW_HUNDRED})?|{_BELOW_HUNDRED})"
SPELLED_NUMBER_PATTERN = (rf"(?:(?:(?:a|{_BELOW_HUNDRED}) thousand(?:(?: and)? {_HUNDREDS})?|{_HUNDREDS})"
                          r"(?: and a half)?|half an?|a half)")  # "forty", "three hundred", "one and a half", "half a"
_SPELLED_WORD = re.compile(r"[a-z]+")


def to_mg(amount: float, unit: str) -> float:
    """Convert an amount in a mass unit to milligrams."""
    return amount * MG_PER_UNIT[unit.lower()]


def is_volume(unit: str) -> bool:
    """True for a unit of volume (mL, teaspoon), in which liquid doses are measured."""
    return unit.lower() in ML_PER_UNIT


def to_mg_or_ml(amount: float, unit: str) -> float:
    """An amount in milligrams, or in millilitres when its unit is one of volume."""
    return amount * ML_PER_UNIT[unit.lower()] if is_volume(unit) else to_mg(amount, unit)


def parse_number(text: str) -> float:
    """Parse '1,200', '0.25', '.5', or a number in words ('forty', 'three hundred and fifty',
    'one and a half', 'half a')."""
    text = text.strip().lower()
    if text in WORD_NUMBERS:
        return float(WORD_NUMBERS[text])
    if text[:1].isalpha():
        return spelled_number(text)
    return float(text.replace(",", ""))


def spelled_number(text: str) -> float:
    """The value of a number written as SPELLED_NUMBER_PATTERN matches it."""
    total, group = 0.0, 0.0
    for word in _SPELLED_WORD.findall(text.lower()):
        if word in SMALL_NUMBERS or word in TENS:
            group += SMALL_NUMBERS.get(word) or TENS[word]
        elif word == "hundred":
            group = (group or 1) * 100
        elif word == "thousand":
            total, group = total + (group or 1) * 1000, 0.0
        elif word == "half":
            group += 0.5
    return total + group

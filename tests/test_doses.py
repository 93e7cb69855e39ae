import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.nlp.doses import find_doses, frequency
from lint.nlp.unitless import DrugNames, unitless_amounts


def only(text):
    found = find_doses(text)
    assert len(found) == 1, found
    return found[0]


def test_range_with_frequency_is_per_dose():
    dose = only("Standard adult dose: 50 to 100 mg every 4 to 6 hours.")
    assert dose.amounts_mg == ((50.0, 100.0),)
    assert dose.times_per_day == (4.0, 6.0) and not dose.per_day


def test_maximum_per_day_in_grams_is_converted():
    dose = only("In other words, the daily limit without a prescription is 1.2 grams.")
    assert dose.amounts_mg == ((1200.0, 1200.0),) and dose.per_day and dose.kind == "max"


def test_micrograms_are_converted():
    dose = only("Take 250 mcg once daily.")
    assert dose.amounts_mg == ((0.25, 0.25),) and dose.times_per_day == (1, 1)


def test_list_of_amounts_is_one_mention():
    dose = only("Doctors prescribe 400 mg, 600 mg or 800 mg three or four times a day.")
    assert dose.amounts_mg == ((400, 400), (600, 600), (800, 800)) and dose.times_per_day == (3, 4)


def test_starting_dose_after_the_amount():
    assert only("Children with OCD aged 6 to 12: 50 mg once a day to start.").kind == "initial"


def test_increase_to_is_a_target_and_increment_is_skipped():
    found = find_doses("If 5 mg is not enough, the dose can be increased to 10 mg.")
    assert [d.kind for d in found] == ["usual", "target"]
    assert find_doses("Your doctor can raise it by 25 to 50 mg at a time.") == []
    assert find_doses("The daily dose is lowered by no more than 0.5 mg every 3 days.") == []


def test_per_kg_doses():
    dose = only("Initial dose: 0.01-0.03 mg/kg/day in 2 or 3 divided doses.")
    assert dose.per_kg and dose.per_day and dose.kind == "initial"


def test_numbers_that_are_not_doses():
    for text in ["Alprazolam comes as 0.25 mg, 0.5 mg, 1 mg and 2 mg tablets.",
                 "The oral concentrate contains 20 mg of sertraline per mL.",
                 "Children's liquid contains 100 mg in every 5 mL.",
                 "Prices start at around $1.20 per 50mg tablet.",
                 "In 2013 the FDA cut the recommended starting dose for women from 10 mg to 5 mg.",
                 "Its half-life is about 26 hours and it was approved in 1991.",
                 "Tablet strengths: 5 mg and 10 mg."]:
        assert find_doses(text) == [], text


def test_frequency_words():
    assert frequency("twice daily")[0] == (2, 2)
    assert frequency("every 12 hours")[0] == (2.0, 2.0)
    assert frequency("at bedtime")[0] == (1, 1)
    assert frequency("when needed")[0] is None


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=24), st.integers(min_value=0, max_value=24),
       st.sampled_from(["q{a}h", "q{a}-{b}h", "q{a} - {b}h", "every {a} to {b} hours", "q{a}-{b} h"]))
def test_chart_intervals_read_as_doses_a_day(first, extra, form):
    """'q4h', 'q4-6h', 'every 4 to 6 hours': 24 divided by the hours, the longer interval giving the fewer doses."""
    low, high = first, min(first + extra, 72)
    text = "Norco 1 tab PO " + form.format(a=low, b=high) + " PRN"
    expected_high = high if "{b}" in form else low
    assert frequency(text)[0] == (24 / expected_high, 24 / low)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,-mgcuµ/kdayhoursevrytwicnl")), max_size=80))
def test_extractor_never_fails_and_spans_stay_inside(text):
    for dose in find_doses(text):
        assert 0 <= dose.start < dose.end <= len(text)
        assert all(0 <= low <= high for low, high in dose.amounts_mg)


@settings(max_examples=100, deadline=None)
@given(st.floats(min_value=0.01, max_value=5000, allow_nan=False).map(lambda x: round(x, 2)),
       st.sampled_from([("mg", 1.0), ("mcg", 0.001), ("g", 1000.0)]))
def test_amount_is_parsed_in_mg(amount, unit):
    name, factor = unit
    dose = only(f"Take {amount:g} {name} twice daily.")
    assert abs(dose.amounts_mg[0][0] - float(f"{amount:g}") * factor) < 1e-6


def test_step_after_then_is_not_a_starting_dose():
    found = find_doses("Take 25 mg once a day for the first week, then 50 mg once a day.")
    assert [d.kind for d in found] == ["initial", "usual"]


def test_a_regimen_being_replaced_is_not_a_dose_and_weekly_counts_are_read():
    replaced = find_doses("Patients can take 3 mg once daily instead of 1 mg three times a day.")
    assert [(m.amounts_mg, m.times_per_day) for m in replaced] == [(((3.0, 3.0),), (1, 1))]
    twice_weekly = find_doses("Inject 2.4 mg twice a week.")[0]
    assert twice_weekly.times_per_day == (2 / 7, 2 / 7)
    assert find_doses("Take 80 mg every day for a month.")[0].times_per_day == (1, 1)


def test_a_second_dose_of_the_day_makes_it_twice_a_day():
    mentions = find_doses("Take 200 mg in the morning and another 200 mg at lunchtime.")
    assert [(m.amounts_mg, m.times_per_day) for m in mentions] == [(((200.0, 200.0),), (2, 2))]
    different = find_doses("Take 50 mg in the morning and 100 mg at night.")
    assert [(m.amounts_mg, m.times_per_day, m.per_day) for m in different] == [
        (((50.0, 50.0),), (1, 1), False), (((100.0, 100.0),), (1, 1), False), (((150.0, 150.0),), None, True),
        ((), (2, 2), False)]  # the day's total, and its two doses
    counted = different[-1]
    assert counted.doses_counted and (counted.start, counted.end) == (26, 45)  # "and 100 mg
    # at night": a span of its own


@pytest.mark.parametrize("text, total", [
    ("400 mg in the morning, another 400 mg at noon plus 200 mg at bedtime.", 1000),
    ("5 mg with breakfast, 5 mg with lunch and 5 mg at supper.", 15),
    ("She takes 25 mg at breakfast and 50 mg at bedtime.", 75),
    ("Take 300 mg in the morning, 300 mg in the afternoon and 600 mg at night.", 1200),
    ("1 mg at lunchtime plus 2 mg before bed.", 3),
])
def test_doses_at_different_times_of_one_day_add_up_to_a_daily_total(text, total):
    totals = [m for m in find_doses(text) if m.per_day]
    assert [m.amounts_mg for m in totals] == [((total, total),)]


@pytest.mark.parametrize("text", [
    "Take 0.5 mg in the morning or 1 mg at bedtime.",
    "Start with 25 mg in the morning; a week later, 50 mg in the morning.",
    "Take 10 mg at bedtime.",
    "Take 20 mg in the morning with breakfast.",
    "Take two 5 mg tablets in the morning and one at night.",
])
def test_alternatives_steps_and_single_doses_make_no_daily_total(text):
    assert [m for m in find_doses(text) if m.per_day] == []


# --- tablet counts and stated ages (each capability with phrasings of our own) -------------

import pytest as _pytest  # noqa: E402

from lint.claims.population import detect_population  # noqa: E402
from lint.nlp.doses import find_doses as _find_doses  # noqa: E402


@_pytest.mark.parametrize("text, amount", [
    ("She takes two 10 mg tablets every night.", (20.0, 20.0)),
    ("Swallow 3 x 250 mg capsules twice a day.", (750.0, 750.0)),
    ("The usual dose is one or two 325 mg caplets every 4 hours.", (325.0, 650.0)),
    ("Adults take 2 tablets of 500 mg every six hours.", (1000.0, 1000.0)),
    ("He was told to take half a 50 mg tablet at bedtime.", (25.0, 25.0)),
    ("Take two 5 mg/325 mg tablets every 4 hours as needed.", (10.0, 10.0)),
])
def test_a_count_of_tablets_multiplies_their_strength(text, amount):
    [mention] = _find_doses(text)
    assert mention.amounts_mg == (amount,)


@_pytest.mark.parametrize("text", [
    "It comes in 5 mg, 10 mg and 20 mg tablets.",
    "A bottle of 30 tablets of 10 mg costs $12.",
    "The pen holds 8 mg of the drug.",
    "That adds up to about 60 mg over a month.",
    "Each 2 mg tablet is scored.",
])
def test_strengths_packs_and_period_totals_are_not_doses(text):
    assert _find_doses(text) == []


def test_a_counted_daily_total_is_read_per_day():
    [mention] = _find_doses("Take three 8 mg tablets a day before meals.")
    assert mention.per_day and mention.amounts_mg == ((24.0, 24.0),)


@_pytest.mark.parametrize("text, population, age", [
    ("For a 4-year-old with a fever, give 5 mL.", "pediatric", 4.0),
    ("An 80-year-old can take 50 mg.", "geriatric", 80.0),
    ("At 72, my father takes 2 mg every night.", "geriatric", 72.0),
    ("My son, aged 9, takes 10 mg.", "pediatric", 9.0),
    ("A 35-year-old woman takes 20 mg.", "adult", 35.0),
])
def test_a_stated_age_sets_the_population(text, population, age):
    assert detect_population(text) == (frozenset({population}), (age, age))


# --- regimens across two sentences ------------------------------------------------------------

from lint.nlp.doses import continued_regimen  # noqa: E402


@_pytest.mark.parametrize("sentence, expected", [
    ("Take one three times a day with food.", ((5.0, 5.0), 3, False)),
    ("Repeat every six hours if needed.", ((5.0, 5.0), 4.0, False)),
    ("Take two in the morning and one at bedtime.", ((15.0, 15.0), None, True)),
    ("Patients usually take it twice a day.", ((5.0, 5.0), 2, False)),
    ("Take one at breakfast, one at lunch and one with dinner.", ((15.0, 15.0), None, True)),
])
def test_a_sentence_carries_on_the_regimen_of_the_strength_before_it(sentence, expected):
    assert continued_regimen(5.0, sentence) == expected


@_pytest.mark.parametrize("sentence", [
    "Store them at room temperature.",
    "Swallowing them whole matters.",
    "Ask your pharmacist about generics.",
    "The coating is blue.",
    "It starts working within an hour.",
])
def test_a_sentence_without_a_regimen_carries_nothing_on(sentence):
    assert continued_regimen(5.0, sentence) is None


def test_a_regimen_across_sentences_is_judged_as_one_dose(lint_string):
    flagged = lint_string("Lexapro for depression\n\nThe tablets are 20 mg. Take one twice a day.\n")
    assert [f.rule for f in flagged.findings if f.rule == "dose-out-of-range"] == ["dose-out-of-range"]
    right = lint_string("Lexapro for depression\n\nThe tablets are 10 mg. Take one once a day.\n")
    assert [f for f in right.findings if f.rule == "dose-out-of-range"] == []


@pytest.mark.parametrize("text, total", [
    ("She takes three of the 15 mg capsules at night.", 45),
    ("He swallows two of those 50 mg tablets at once.", 100),
    ("A 4-year-old can take a whole 10 mg tablet.", 10),
    ("Give one whole 25 mg tablet at bedtime.", 25),
    ("I take four of my 5 mg pills every morning.", 20),
])
def test_counts_of_a_stated_strength_make_the_dose(text, total):
    assert [m.amounts_mg for m in find_doses(text) if not m.per_day] == [((total, total),)]


@pytest.mark.parametrize("text, years, population", [
    ("My grandmother is 81 and takes it nightly.", 81, "geriatric"),
    ("A 7-week-old can still get it.", 7 / 52, "pediatric"),
    ("For a 6-month-old baby, ask a doctor.", 0.5, "pediatric"),
    ("Dad turned 70, and his doctor lowered the dose.", 70, "geriatric"),
    ("She's 15 now, and takes it twice a day.", 15, "pediatric"),
])
def test_ages_stated_without_a_population_noun_pick_the_population(text, years, population):
    from lint.claims.population import detect_population
    populations, age = detect_population(text)
    assert populations == frozenset({population}) and age == (years, years)


@pytest.mark.parametrize("text", [
    "The bottle holds 30 tablets and costs $12.",
    "She is 5 feet tall and takes 10 mg.",
    "The price is 45, and the pharmacy is open.",
    "Call 911 if you took too much.",
    "Tablets come in 10, 20 and 40 mg strengths.",
    "It is 2 a.m. and the pain is back.",
])
def test_numbers_that_are_no_age_or_count_change_nothing(text):
    from lint.claims.population import detect_population
    assert detect_population(text) == (frozenset(), None)


@pytest.mark.parametrize("text", [
    "Please be careful, 45 mg is above the max for temazepam.",
    "100 mg would be way too much for a child.",
    "Taking 45 mg is dangerous.",
    "Two grams at once is an overdose.",
    "For a teen, 60 mg is too high.",
])
def test_a_dose_the_sentence_calls_too_high_is_a_caution_not_a_dose(text):
    assert find_doses(text) == []


@pytest.mark.parametrize("text", [
    "The 2 mg Ozempic pen holds 8 mg of semaglutide, enough for four weekly doses.",
    "Each bottle contains 600 mg of ibuprofen in total.",
    "A box containing 300 mg lasts a week.",
    "The patch delivers a total of 50 mg over the week.",
    "The kit holds 40 mg, about a month's worth of doses.",
])
def test_what_a_pen_or_pack_holds_is_no_dose(text):
    assert find_doses(text) == []


@pytest.mark.parametrize("text, times", [
    ("Take two 200 mg caplets every 4 to 6 hours, no more than 6 caplets in 24 hours.", (3, 3)),
    ("Take 2 tablets of 500 mg every 4 hours, no more than 8 tablets in 24 hours.", (4, 4)),
    ("Take one 500 mg tablet every 4 hours, up to 4 tablets a day.", (4, 4)),
    ("Take 1 caplet of 220 mg every 6 hours, not more than 3 caplets in 24 hours.", (3, 3)),
    ("Take two 325 mg tablets every 4 hours, no more than 10 tablets in 24 hours.", (5, 5)),
])
def test_a_cap_on_units_a_day_caps_the_doses_a_day(text, times):
    assert [m.times_per_day for m in find_doses(text) if not m.per_day] == [times]


@pytest.mark.parametrize("text, per_week", [
    ("inject it each Sunday", 1), ("2.5 mg every Thursday morning", 1), ("one shot on Saturdays", 1),
    ("every single Monday", 1), ("on Mondays and Thursdays", 2), ("on Tuesday and again on Friday", 2),
    ("Wednesdays and Sundays", 2),
])
def test_weekdays_are_weekly_schedules(text, per_week):
    times, _ = frequency(text)
    assert times is not None and round(times[0] * 7, 6) == per_week


@pytest.mark.parametrize("text", ["he injected it last Sunday", "on Monday I felt sick", "by Friday it was gone"])
def test_one_weekday_is_an_occasion_not_a_schedule(text):
    assert frequency(text) == (None, None)


@pytest.mark.parametrize("sentence, mg", [
    ("I took 150 mg before the party.", 150), ("The nurse gave him 700 mg that evening.", 700),
    ("She injected 3 mg the first time.", 3), ("My brother got 10 mg from a friend.", 10),
    ("He swallowed 8 mg in one go.", 8),
])
def test_an_amount_taken_on_one_occasion_is_a_dose(sentence, mg):
    [mention] = find_doses(sentence)
    assert mention.amounts_mg == ((mg, mg),) and mention.times_per_day is None


@pytest.mark.parametrize("sentence", ["The tablets come in 150 mg and 300 mg.", "A 150 mg bottle costs $12.",
                                      "Her blood sugar was 150 mg/dL."])
def test_a_strength_or_a_lab_value_is_no_dose(sentence):
    assert find_doses(sentence) == []


# Unitless amounts ("two of the 60s", "75 XR", "Kapvay 0.3 twice a day")

UNITLESS_WORDS = st.lists(st.sampled_from(["two", "of", "the", "60s", "300s", "75", "XR", "0.4", "7", "in", "morning",
                                           "and", "night", "twice", "a", "day", "at", "Zoloft", "100", "her", "80s"]),
                          max_size=14)


@settings(max_examples=300, deadline=None)
@given(UNITLESS_WORDS, st.sets(st.sampled_from([0.4, 7.0, 60.0, 75.0, 100.0, 300.0])))
def test_unitless_amounts_are_strengths_of_a_named_drug_inside_the_sentence(words, strengths):
    text = "Zoloft. " + " ".join(words)
    names = DrugNames(((0, 6, frozenset(strengths)),))
    amounts = unitless_amounts(text, 8, len(text), names)
    for amount in amounts:
        assert 8 <= amount.start() < amount.end() <= len(text)
        assert text[amount.start():].startswith(amount.group("low"))
        assert float(amount.group("low")) in strengths
    assert unitless_amounts(text, 8, len(text), DrugNames(())) == []
    assert [a.start() for a in amounts] == sorted({a.start() for a in amounts})


def test_two_combination_strengths_in_one_row_keep_each_dose_in_its_place():
    text = "Target dose | two tablets twice a day (32 mg/360 mg) from week 4 | 7.5 mg/46 mg daily | 2.4 mg weekly"
    mentions = _find_doses(text)
    assert mentions and all(m.start < m.end for m in mentions)
    assert any(m.pair_mg == (7.5, 46.0) for m in mentions)
    weekly = next(m for m in mentions if text[m.start:m.end].startswith("2.4 mg"))
    assert weekly.pair_mg is None


_STRENGTH = st.sampled_from(["10 mg", "325 mg", "7.5 mg", "46 mg", "2.4 mg", "90 mg", "8 mg"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_STRENGTH, st.sampled_from(["/", " ", " and ", " | ", ") "])), min_size=1, max_size=7),
       st.sampled_from(["", " daily", " twice a day", " weekly"]))
def test_dose_spans_never_end_before_they_start(parts, tail):
    text = "Take " + "".join(amount + joiner for amount, joiner in parts) + tail + "."
    assert all(m.start < m.end for m in _find_doses(text))


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([1.0, 10.0, 25.0, 50.0, 100.0, 500.0, 750.0]),
       st.sampled_from([("half", 0.5), ("a half", 0.5), ("one half", 0.5), ("a quarter", 0.25), ("quarter", 0.25)]),
       st.sampled_from(["", "of "]), st.sampled_from(["a", "one", "my"]),
       st.sampled_from(["at night", "before bed", "every morning", "and sleep", "."]))
def test_a_fraction_of_a_strength_is_that_part_of_it(strength, fraction, of, determiner, after):
    """'half of a 500', 'a quarter of a 100': the amount is that fraction of a strength of the
    drug named, and its span starts at the fraction's words."""
    word, part = fraction
    said = f"{word} {of}{determiner} {strength:g}"
    text = f"Zoloft. I take {said} {after}"
    amounts = unitless_amounts(text, 8, len(text), DrugNames(((0, 6, frozenset({strength})),)))
    assert len(amounts) == 1
    assert float(amounts[0].group("low")) == strength * part
    assert text[amounts[0].start():amounts[0].end()] == said
    assert unitless_amounts(text, 8, len(text), DrugNames(((0, 6, frozenset({strength * 3})),))) == []

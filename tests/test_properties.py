"""Property tests: whatever the text, linting never raises, every finding's span, text, line
and column agree with the source, and the same input always gives the same report."""
from __future__ import annotations

import html

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from lint import Linter, LinterConfig
from lint.checks.dose_out_of_range import _inside_a_wider_twin
from lint.workflow.inputs import InputError, decode
from lint.knowledge.lexicons import cue_table
from lint.readers import read_document
from lint.knowledge.reference import load_reference

FORMATS = ["a.txt", "a.md", "a.html"]
REFERENCE = load_reference()
DRUG_WORDS = sorted({n for p in REFERENCE.profiles.values() for n in (*p.names, *p.misspellings)})
CONDITION_WORDS = sorted({t for c in REFERENCE.conditions.values() for t in c.terms})
CUE_WORDS = sorted({c for cues in cue_table().cues.values() for c in cues})
HEADINGS = ["Uses", "What is it used for?", "Dosage", "How much to take:", "Side effects", "Warnings",
            "How it works", "Overview"]
FILLER = ["the", "a", "it", "and", "or", "but", "for", "with", "your doctor", "people", "may", "is", "not",
          "children", "adults over 65", "at night", "(", ")", ",", ";", "—", "\"", "'s", "?"]
UNITS = ["mg", "mcg", "g", "µg", "mg/kg", "milligrams", "mg/day"]
FREQUENCIES = ["", " once a day", " twice daily", " every 4 to 6 hours", " three times a day", " at bedtime", " a day"]

dose = st.builds(lambda n, unit, high, freq: f"{n:g}{' to ' + format(n + high, 'g') if high else ''} {unit}{freq}",
                 st.sampled_from([0.125, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 325, 500, 1000, 4000]),
                 st.sampled_from(UNITS), st.sampled_from([0, 0, 1, 10]), st.sampled_from(FREQUENCIES))
fragment = st.one_of(st.sampled_from(DRUG_WORDS), st.sampled_from(CONDITION_WORDS), st.sampled_from(CUE_WORDS),
                     st.sampled_from(FILLER), dose)
sentence = st.builds(lambda words, end: " ".join(words) + end, st.lists(fragment, min_size=1, max_size=14),
                     st.sampled_from([".", ".", "!", "?", "", ":"]))
block = st.one_of(
    st.tuples(st.just("heading"), st.sampled_from(HEADINGS + DRUG_WORDS[:20])),
    st.tuples(st.just("paragraph"), st.lists(sentence, min_size=1, max_size=4).map(" ".join)),
    st.tuples(st.just("item"), sentence),
    st.tuples(st.just("label"), st.tuples(st.sampled_from(CONDITION_WORDS + HEADINGS), sentence)),
)


def render(blocks: list[tuple], name: str) -> str:
    """An article in the format the file name says."""
    out = []
    for kind, body in blocks:
        if name.endswith(".md"):
            out.append({"heading": lambda b: f"## {b}\n", "paragraph": lambda b: f"{b}\n",
                        "item": lambda b: f"- {b}", "label": lambda b: f"- **{b[0]}.** {b[1]}"}[kind](body))
        elif name.endswith(".html"):
            esc = html.escape
            out.append({"heading": lambda b: f"<h2>{esc(b)}</h2>", "paragraph": lambda b: f"<p>{esc(b)}</p>",
                        "item": lambda b: f"<ul><li>{esc(b)}</li></ul>",
                        "label": lambda b: f"<p><b>{esc(b[0])}:</b> {esc(b[1])}</p>"}[kind](body))
        else:
            out.append({"heading": lambda b: f"{b}\n", "paragraph": lambda b: f"{b}\n",
                        "item": lambda b: f"  • {b}", "label": lambda b: f"{b[0]}: {b[1]}\n"}[kind](body))
    return "\n".join(out) + "\n"


articles = st.builds(lambda blocks, name: (render(blocks, name), name),
                     st.lists(block, min_size=1, max_size=12), st.sampled_from(FORMATS))


def assert_report_agrees_with_source(source: str, name: str) -> None:
    report = Linter.for_config(LinterConfig()).lint_text(name, source)
    for finding in report.findings:
        if finding.start is None:
            assert finding.end is None and finding.line is None and finding.column is None
            continue
        assert 0 <= finding.start <= finding.end <= len(source)
        assert finding.text == source[finding.start:finding.end]
        line_start = source.rfind("\n", 0, finding.start) + 1
        assert finding.line == source.count("\n", 0, finding.start) + 1
        assert finding.column == finding.start - line_start + 1
    again = Linter.for_config(LinterConfig()).lint_text(name, source)
    assert again.drugs == report.drugs
    assert [f.to_dict() for f in again.findings] == [f.to_dict() for f in report.findings]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from(FORMATS))
def test_arbitrary_unicode_text(source, name):
    assert_report_agrees_with_source(source, name)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_generated_articles(article):
    assert_report_agrees_with_source(*article)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles, st.data())
def test_layout_lookups_agree_with_a_scan_of_the_blocks(article, data):
    document = read_document(article[1], article[0])
    starts = [b.start for b in document.blocks]
    assert starts == sorted(starts)
    for offset in data.draw(st.lists(st.integers(0, len(article[0])), max_size=20)):
        holding = [i for i, b in enumerate(document.blocks) if b.start <= offset < max(b.end, b.start + 1)]
        index = document.block_index_at(offset)
        assert (index is None) == (not holding) and (index is None or index == holding[-1])
        assert document.block_at(offset) == (document.blocks[index] if index is not None else None)
        headings = [b for b in document.blocks if b.kind == "heading" and b.start <= offset]
        assert document.heading_for(offset) == (headings[-1] if headings else None)


@settings(max_examples=150, deadline=None)
@given(st.text(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_decoding_round_trips_every_supported_encoding(text, encoding):
    assume(not (encoding == "utf-16" and text.startswith("\x00")))  # FF FE 00 00 is the UTF-32 mark
    if encoding == "utf-8" and text.startswith("\ufeff"):
        text = text[1:]  # a leading U+FEFF in UTF-8 is the byte order mark, dropped on purpose
    if "\x00" in text:  # rejected as binary (or, when it alternates with ASCII, as UTF-16 without a mark)
        with pytest.raises(InputError):
            decode(text.encode(encoding))
        return
    assert decode(text.encode(encoding)) == text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_decoding_arbitrary_bytes_gives_text_or_an_input_error(data):
    try:
        text = decode(data)
    except InputError as error:
        assert "\n" not in str(error)
        return
    assert isinstance(text, str) and "\x00" not in text


COUNT_NAMES = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


@given(st.integers(1, 6), st.sampled_from(["tablets", "caplets", "capsules", "pills", "SolTabs"]),
       st.sampled_from(["every 4 hours", "twice a day", "a day"]), st.booleans())
def test_a_count_of_units_reads_back_as_written(count, unit, schedule, in_words):
    from lint.nlp.doses import counted_units
    written = COUNT_NAMES[count] if in_words else str(count)
    units, whole_day = counted_units(f"take {written} {unit} {schedule}")
    assert units == (count, count) and whole_day == (schedule == "a day")


@given(st.decimals(min_value="0.5", max_value="999", places=1), st.decimals(min_value="1", max_value="999", places=0))
def test_the_strength_before_a_schedule_is_the_first_ingredient(first, second):
    from lint.nlp.doses import strength_before
    assert strength_before(f"Brandname {first} mg/{second} mg tablets for pain:") == float(first)


ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS_NAMES = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _in_words(number: int, joiner: str, hyphen: str) -> str:
    """An independent speller for the test: 1-9999 as English words."""
    parts = []
    if number >= 1000:
        parts.append(f"{ONES[number // 1000]} thousand")
        number %= 1000
    if number >= 100:
        parts.append(f"{ONES[number // 100]} hundred")
        number %= 100
    if number:
        below = ONES[number] if number < 20 else TENS_NAMES[number // 10] + (hyphen + ONES[number % 10] if number % 10 else "")
        parts.append(f"and {below}" if parts and joiner else below)
    return " ".join(parts)


@given(st.integers(1, 9999), st.sampled_from(["", "and"]), st.sampled_from(["-", " "]),
       st.sampled_from(["milligrams", "mg", "micrograms"]), st.booleans())
def test_an_amount_in_words_reads_back_as_its_digits(number, joiner, hyphen, unit, half):
    from lint.model.units import MG_PER_UNIT
    from lint.nlp.doses import AMOUNT, _values
    words = _in_words(number, joiner, hyphen) + (" and a half" if half else "")
    match = AMOUNT.search(f"she takes {words} {unit} a day")
    assert match and match.group("low") == words
    assert _values(match) == pytest.approx(((number + 0.5 * half) * MG_PER_UNIT[unit],) * 2)


@given(st.decimals(min_value="0.5", max_value="40", places=1), st.sampled_from([80, 100, 125, 160, 200, 250, 400]),
       st.sampled_from(["mL", "ml", "milliliters"]), st.sampled_from(["/5 mL", " per 5 mL", " in 5 mL", " per 5 ml"]))
def test_a_liquid_dose_reads_as_the_mg_its_stated_concentration_gives(volume, mg_per_5_ml, unit, per):
    from lint.nlp.doses import find_doses, in_milligrams
    sentence = f"The {mg_per_5_ml} mg{per} suspension: give {volume} {unit} twice a day."
    (mention,) = find_doses(sentence)
    assert mention.in_ml and mention.amounts_mg == ((float(volume), float(volume)),)
    converted, stated = in_milligrams(mention, sentence, [])
    assert stated and converted.amounts_mg[0][0] == pytest.approx(float(volume) * mg_per_5_ml / 5)


SPANS = st.lists(st.tuples(st.sampled_from("ab"), st.integers(0, 8), st.integers(0, 5)).map(
    lambda t: (t[0], t[1], t[1] + t[2])), max_size=10)


@given(SPANS)
def test_one_pass_finds_the_spans_inside_a_wider_twin(spans):
    """The sorted pass that drops a dose finding lying inside a wider one with the same reason
    agrees with comparing every pair (the pairwise check is quadratic on long articles)."""
    pairwise = {i for i, (key, start, end) in enumerate(spans)
                if any(other_key == key and other_start <= start and end <= other_end
                       and other_end - other_start > end - start for other_key, other_start, other_end in spans)}
    assert _inside_a_wider_twin(spans) == pairwise


NAMES = st.sampled_from(["Mateo", "Ava", "Milo", "Photos", "Dose", "Week", "Brisdelle", "May", "Sam"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(NAMES, st.integers(0, 99), st.sampled_from([" ({n})", ", {n},", " is {n}.", " is {n}.5 mg",
                                                                       ", {n}.25 mg", " took {n}"])),
                min_size=1, max_size=6))
def test_a_named_age_is_a_name_stated_with_one_whole_age(stated):
    """Every age `ages_by_name` keeps was written right after its name as a whole number; a
    plural, a counted heading, a month or a decimal amount gives none."""
    from lint.claims.population import ages_by_name
    text = " ".join(name + form.format(n=n) for name, n, form in stated)
    for name, years in ages_by_name(text).items():
        assert name not in ("Photos", "Dose", "Week", "May")
        assert any(n == years and stated_name == name and ".5" not in form and ".25" not in form and "took" not in form
                   for stated_name, n, form in stated)

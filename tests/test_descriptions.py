"""Lay descriptions of conditions (lint/nlp/descriptions.py): word groups near each other,
in any order, in one clause; a word with its inflectional endings only."""
from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.knowledge.reference import parse_mention
from lint.nlp.descriptions import DESCRIPTION_WINDOW, DescriptionMatcher

NLP = spacy.blank("en")
MATCHER = DescriptionMatcher([("tinnitus", parse_mention("ring|buzz + ear")),
                              ("insomnia", parse_mention("lie|lying + awake"))])


def described(text: str) -> list[tuple[str, str]]:
    doc = NLP(text)
    return [(doc[start:end].text, condition) for start, end, condition in MATCHER(doc)]


def test_groups_match_in_either_order_with_inflections():
    assert described("a constant ringing in your ears") == [("ringing in your ears", "tinnitus")]
    assert described("my ears buzzed all night") == [("ears buzzed", "tinnitus")]
    assert described("people who lie awake at 3 a.m.") == [("lie awake", "insomnia")]


def test_a_word_inside_another_word_is_no_match():
    assert described("an early ringtone on the bus") == []
    assert described("a lying politician, awakened by nothing") == []


def test_groups_in_two_clauses_or_too_far_apart_are_no_match():
    assert described("The phone kept ringing. My ears were fine.") == []
    assert described("ringing " + "word " * (DESCRIPTION_WINDOW + 2) + "ears") == []


@given(st.lists(st.sampled_from(["ring", "ringing", "ears", "ear", "lie", "awake", "the", "in", "my", "loud", ".",
                                 "early", "buzzes"]), min_size=1, max_size=30))
@settings(max_examples=200, deadline=None)
def test_every_description_found_holds_each_group_within_one_clause(words):
    doc = NLP(" ".join(words))
    for start, end, condition in MATCHER(doc):
        span = [t.lower_ for t in doc[start:end]]
        assert end - start <= DESCRIPTION_WINDOW + 1 and "." not in span
        if condition == "tinnitus":
            assert any(w.startswith(("ring", "buzz")) for w in span) and any(w.startswith("ear") for w in span)
        else:
            assert any(w in ("lie", "lying") for w in span) and "awake" in span

"""Measures brought down (lint/nlp/measures.py): a verb of lowering, whose it is, the measure;
"brings", "keeps", "gets" only with where it goes; never the measure alone or a lowering said
as a risk."""
from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.nlp.measures import LOWERING, MOVING, MeasureMatcher

NLP = spacy.blank("en")
MATCHER = MeasureMatcher([("hypertension", ["blood pressure", "BP"]), ("hyperlipidemia", ["cholesterol", "LDL"])])


def measured(text: str) -> list[tuple[str, str]]:
    doc = NLP(text)
    return [(doc[start:end].text, condition) for start, end, condition in MATCHER(doc)]


def test_a_lowering_verb_and_whose_it_is_name_the_condition():
    assert measured("the Crestor lowers his blood pressure too") == [("blood pressure", "hypertension")]
    assert measured("it trimmed my dad's LDL by a third") == [("LDL", "hyperlipidemia")]
    assert measured("Alli takes care of my cholesterol") == [("cholesterol", "hyperlipidemia")]


def test_a_moving_verb_needs_where_the_measure_goes():
    assert measured("it brings her blood pressure down a bit") == [("blood pressure", "hypertension")]
    assert measured("it brings down her blood pressure") == [("blood pressure", "hypertension")]
    assert measured("Alli keeps my cholesterol in check") == [("cholesterol", "hyperlipidemia")]
    assert measured("bring your blood pressure cuff to the visit") == []
    assert measured("keep your cholesterol results with you") == []


def test_the_measure_alone_or_a_risk_names_nothing():
    assert measured("check your blood pressure every morning") == []
    assert measured("my cholesterol was fine") == []
    assert measured("Viagra can lower your blood pressure, so skip the nitrates") == []
    assert measured("Flomax lowers your blood pressure when you stand, so I got dizzy") == []
    assert measured("it can drop your BP too low") == []


WORDS = ["lowers", "brings", "keeps", "down", "in", "check", "my", "his", "the", "blood", "pressure", "cholesterol",
         "can", "dizzy", "was", "fine", ".", "and", "dad", "'s"]


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
@settings(max_examples=300, deadline=None)
def test_every_match_is_a_measure_with_a_verb_before_it(words: list[str]):
    doc = NLP(" ".join(words))
    for start, end, _ in MATCHER(doc):
        assert doc[start:end].text in ("blood pressure", "cholesterol")
        before = [t.lower_ for t in doc[max(0, start - 4):start]]
        assert LOWERING.union(MOVING, {"down", "of"}).intersection(before)

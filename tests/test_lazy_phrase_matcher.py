"""The LazyPhraseMatcher finds exactly what spaCy's PhraseMatcher finds, in the same order,
while building a phrase's pattern Doc only once an article holds the phrase's first token."""
from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import PhraseMatcher

from lint.nlp import lexicon
from lint.nlp.lexicon import LazyPhraseMatcher, phrase_doc

PHRASES = {"drug": ["Klonopin", "clonazepam", "Tylenol #3", "co-codamol", "Xanax XR", "children's Zyrtec"],
           "condition": ["panic disorder", "panic", "post-traumatic stress", "PTSD"]}
WORDS = ["klonopin", "Klonopin", "KLONOPIN", "clonazepam", "Tylenol", "#", "3", "#3", "co", "-", "codamol",
         "co-codamol", "Xanax", "XR", "children", "'s", "children's", "Zyrtec", "panic", "Panic", "disorder",
         "post", "traumatic", "stress", "PTSD", "ptsd", "for", "the", ".", ","]


def _matchers(attr: str) -> tuple[PhraseMatcher, LazyPhraseMatcher]:
    nlp = spacy.blank("en")
    eager, lazy = PhraseMatcher(nlp.vocab, attr=attr), LazyPhraseMatcher(nlp, attr=attr)
    for key, phrases in PHRASES.items():
        eager.add(key, [phrase_doc(nlp, p) for p in phrases])
        lazy.add(key, phrases)
    return eager, lazy


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=0, max_size=14), min_size=1, max_size=4),
       st.sampled_from(["LOWER", "ORTH"]))
def test_lazy_matcher_finds_what_the_phrase_matcher_finds(texts, attr):
    eager, lazy = _matchers(attr)
    for words in texts:  # several articles: patterns added for one serve the next
        doc = lazy.nlp.make_doc(" ".join(words))
        assert lazy(doc) == eager(doc)


def test_no_pattern_is_built_before_an_article_holds_its_first_token(monkeypatch):
    built = []
    monkeypatch.setattr(lexicon, "phrase_doc", lambda nlp, phrase: built.append(phrase) or phrase_doc(nlp, phrase))
    _, lazy = _matchers("LOWER")
    assert len(lazy.matcher) == 0 and built == []
    assert lazy(lazy.nlp.make_doc("Nothing to see here.")) == []
    assert len(lazy.matcher) == 0 and built == []
    matches = lazy(lazy.nlp.make_doc("Klonopin helps with panic disorder."))
    assert [lazy.nlp.vocab.strings[key] for key, _, _ in matches] == ["drug", "condition", "condition"]
    assert sorted(built) == ["Klonopin", "panic", "panic disorder"]


def test_acronyms_match_only_in_capitals_on_orth():
    _, lazy = _matchers("ORTH")
    doc = lazy.nlp.make_doc("PTSD is not ptsd, and Klonopin is not klonopin.")
    assert [doc[start:end].text for _, start, end in lazy(doc)] == ["PTSD", "Klonopin"]

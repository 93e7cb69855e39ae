"""The AnchoredMatcher finds exactly what spaCy's Matcher finds within sentences, while
running each pattern only where its anchor word occurs; and the sentence splitter it
relies on starts sentences where the layout and punctuation say."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st
from spacy.matcher import Matcher

from lint.nlp.anchored_matcher import Anchor, AnchoredMatcher, pattern_anchors, required
from lint.nlp.pipeline import analyse
from lint.nlp.sentences import sentence_table
from lint.readers import read_document

WORDS = ["buy", "without", "a", "the", "prescription", "cure", "for", "anxiety", "Klonopin", "mg", "5", "it", "."]


def _analysed(text: str, name: str = "a.txt"):
    return analyse(read_document(name, text))


@pytest.mark.parametrize("op, is_required", [(None, True), ("+", True), ("?", False), ("*", False), ("!", False),
                                              ("{2}", True), ("{0,3}", False), ("{1,3}", True), ("{,2}", False),
                                              ("{2,}", True)])
def test_required_reads_spacy_operators(op, is_required):
    assert required(op) is is_required


def test_every_required_token_that_names_words_is_an_anchor():
    pattern = [{"LOWER": {"IN": ["talk", "speak"]}}, {"LOWER": {"IN": ["to", "with"]}, "OP": "?"},
               {"ORTH": "your"}, {"LOWER": {"IN": ["doctor", "nurse"]}}, {"LOWER": {"NOT_IN": ["x"]}}]
    assert pattern_anchors(pattern) == (Anchor("lower", frozenset({"talk", "speak"})),
                                        Anchor("orth", frozenset({"your"})),
                                        Anchor("lower", frozenset({"doctor", "nurse"})))


def test_optional_tokens_are_no_anchor_and_entities_are():
    assert pattern_anchors([{"LOWER": "very", "OP": "?"}, {"_": {"pack_drug": True}, "OP": "+"}]) \
        == (Anchor("entity", frozenset({"pack_drug"})),)
    assert pattern_anchors([{"LIKE_NUM": True}, {"ORTH": "-", "OP": "?"}]) == ()


def test_matches_only_inside_sentences_with_the_anchor():
    doc = _analysed("Buy Klonopin without a prescription. Talk to the pharmacy. Order pills without a script.")
    matcher = AnchoredMatcher(doc.vocab)
    matcher.add("rx", [[{"LOWER": {"IN": ["buy", "order"]}}, {"IS_PUNCT": False, "OP": "{0,3}"},
                        {"LOWER": "without"}, {"LOWER": "a"}, {"LOWER": {"IN": ["prescription", "script"]}}]])
    found = [doc[start:end].text for _, start, end in matcher(doc, sentence_table(doc), lambda name: [])]
    assert found == ["Buy Klonopin without a prescription", "Order pills without a script"]


def test_a_pattern_never_spans_two_sentences():
    doc = _analysed("Never buy it. Without a prescription it is illegal.")
    matcher = AnchoredMatcher(doc.vocab)
    matcher.add("rx", [[{"LOWER": "buy"}, {"OP": "*"}, {"LOWER": "prescription"}]])
    assert matcher(doc, sentence_table(doc), lambda name: []) == []


def test_entity_extensions_are_set_where_the_pattern_runs():
    doc = _analysed("Klonipin helps with panic disorder. Nothing else here.")
    drugs = list(doc.spans["drugs"])
    matcher = AnchoredMatcher(doc.vocab)
    matcher.add("misspelled", [[{"_": {"pack_misspelled": True}, "OP": "+"}]])
    matches = matcher(doc, sentence_table(doc), lambda name: drugs if name == "pack_misspelled" else [])
    assert [doc[s:e].text for _, s, e in matches] == ["Klonipin"]


token_spec = st.builds(
    lambda value, op: {**value, **({"OP": op} if op else {})},
    st.one_of(st.sampled_from(WORDS).map(lambda w: {"LOWER": w.lower()}),
              st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(lambda ws: {"LOWER": {"IN": sorted({w.lower() for w in ws})}}),
              st.just({"IS_PUNCT": False}), st.just({"ORTH": "."})),
    st.sampled_from([None, None, "?", "*", "+", "{0,2}", "{1,2}", "!"]))


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=30),
       patterns=st.lists(st.lists(token_spec, min_size=1, max_size=4), min_size=1, max_size=3))
def test_same_matches_as_spacys_matcher_within_sentences(words, patterns):
    patterns = [p for p in patterns if any(required(t.get("OP")) and t.get("OP") != "!" for t in p)]
    if not patterns:
        return
    doc = _analysed(" ".join(words))
    table = sentence_table(doc)
    anchored, plain = AnchoredMatcher(doc.vocab), Matcher(doc.vocab)
    for index, pattern in enumerate(patterns):
        anchored.add(f"p{index}", [pattern])
        plain.add(f"p{index}", [pattern])
    expected = {(doc.vocab.strings[key], start, end) for key, start, end in plain(doc)
                if table.of_token[start] == table.of_token[end - 1]}
    assert set(anchored(doc, table, lambda name: [])) == expected


@pytest.mark.parametrize("text, sentences", [
    ("Take 0.5 mg. Then stop.", ["Take 0.5 mg.", "Then stop."]),
    ("It works (see below) It helps.", ["It works (see below)", "It helps."]),
    ("Items (a) Items here.", ["Items (a) Items here."]),
    ("Take 2.5 mg twice. Done.", ["Take 2.5 mg twice.", "Done."]),
    ('He said so. "Stop now," she said.', ["He said so.", '"Stop now," she said.']),
    ("Wait… Then go! 5 mg is fine? yes.", ["Wait…", "Then go!", "5 mg is fine?", "yes."]),
    ("ok first thing. it's not a study drug.", ["ok first thing.", "it's not a study drug."]),
    ("Take 5 mg. twice a day, e.g. with food, etc. and so on.", ["Take 5 mg. twice a day, e.g. with food, etc. and so on."]),
    ("[9:15 PM] ana: on it since may\n[9:16 PM] bo: same", ["[9:15 PM] ana: on it since may\n", "[9:16 PM] bo: same"]),
    ("The tablets come in 5 mg\nand 10 mg strengths.", ["The tablets come in 5 mg\nand 10 mg strengths."]),
    ("Take two No. 3 tablets. Stop.", ["Take two No. 3 tablets.", "Stop."]),
    ("Ask Dr. Lee about it. Then go.", ["Ask Dr. Lee about it.", "Then go."]),
    ("Is it safe? No. It is not.", ["Is it safe?", "No.", "It is not."]),
    ("It beat placebo (vs. Zoloft) here.", ["It beat placebo (vs. Zoloft) here."]),
    ("Tylenol no. 4 has 60 mg. Done.", ["Tylenol no. 4 has 60 mg.", "Done."]),
])
def test_sentence_starts(text, sentences):
    doc = _analysed(text)
    assert [s.text for s in sentence_table(doc).spans] == sentences


def test_every_block_starts_a_sentence():
    doc = _analysed("# Dosage\n\n- 1 mg a day\n- up to 4 mg\n\nTake it at night", "a.md")
    assert [s.text.strip() for s in sentence_table(doc).spans if s.text.strip()] == ["Dosage", "1 mg a day", "up to 4 mg",
                                                                   "Take it at night"]

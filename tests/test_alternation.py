"""The trie-shaped alternation (lint/nlp/alternation.py) matches what the flat alternation of
the same words, longest first, matches: the same spans, in any text, with any context
around it."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.nlp.alternation import alternation

WORDS = st.lists(st.text(alphabet="abc -.", min_size=1, max_size=6), min_size=1, max_size=12)
TEXT = st.text(alphabet="abc -.x", max_size=60)


def flat(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@given(WORDS, TEXT)
@settings(max_examples=400, deadline=None)
def test_same_matches_as_the_flat_alternation_longest_first(words: list[str], text: str) -> None:
    for wrap in (r"({})", r"\b({})\b", r"\b({})(?:s|es|ing)?\b"):
        trie, plain = re.compile(wrap.format(alternation(words)), re.I), re.compile(wrap.format(flat(words)), re.I)
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_prefers_the_longest_word_and_backtracks_to_a_shorter_one():
    pattern = re.compile(rf"\b(?:{alternation(['ring', 'ringing', 'rash'])})\b")
    assert pattern.search("a ringing noise").group(0) == "ringing"
    assert pattern.search("a ring, a rash").group(0) == "ring"
    assert pattern.search("ringin") is None


def test_no_words_never_match():
    assert re.search(alternation([]), "anything") is None


def test_special_characters_are_literal():
    assert re.fullmatch(alternation(["a.b", "(c)"]), "a.b")
    assert re.fullmatch(alternation(["a.b", "(c)"]), "axb") is None

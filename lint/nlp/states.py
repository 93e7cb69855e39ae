"""States said of someone on an occasion: "helps when he's agitated", "take one if you're
feeling queasy", "whenever my son gets stressed". A condition's `states` in rules/conditions
are adjectives that name it only in this frame, read in order: an occasion word, a subject (a
pronoun, or a possessive and one noun), a verb of being, feeling or becoming, up to three
softening words, then the adjective. The adjective alone names nothing ("a depressed
fracture", "the stimulants make you jittery")."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

OCCASIONS = ["when", "whenever", "if", "anytime"]
PRONOUNS = ["i", "you", "u", "he", "she", "we", "they", "someone", "somebody", "anyone", "anybody", "people", "kids"]
POSSESSIVES = ["my", "his", "her", "your", "our", "their", "the"]
BEING = ["'m", "am", "'re", "are", "'s", "is", "was", "were", "be", "feel", "feels", "feeling", "felt", "get", "gets",
         "getting", "got", "become", "becomes", "became", "seem", "seems", "seemed"]
SOFTENERS = ["feeling", "really", "very", "so", "super", "too", "kind", "kinda", "of", "a", "bit", "little", "pretty",
             "all", "extra", "getting", "starting", "to", "feel", "get", "just", "still"]


class StateMatcher:
    """Finds the token spans of states said on an occasion, each with the condition it names."""

    def __init__(self, vocab: Vocab, states: Iterable[tuple[str, Iterable[str]]]):
        """`states`: (condition id, adjectives) pairs."""
        self.matcher = Matcher(vocab)
        subjects: list[list[dict[str, Any]]] = [[{"LOWER": {"IN": PRONOUNS}}],
                                                [{"LOWER": {"IN": POSSESSIVES}}, {"IS_ALPHA": True}]]
        for condition_id, adjectives in states:
            patterns = [[{"LOWER": {"IN": OCCASIONS}}, *subject, {"LOWER": {"IN": BEING}},
                         {"LOWER": {"IN": SOFTENERS}, "OP": "{0,3}"}, *({"LOWER": word} for word in adjective.lower().split())]
                        for adjective in adjectives for subject in subjects]
            if patterns:
                self.matcher.add(condition_id, patterns)

    def __call__(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start token, end token, condition id) of each state, the shortest reading of each."""
        found: dict[tuple[int, str], int] = {}  # (end, condition) -> the latest start
        for match_id, start, end in self.matcher(doc):
            key = (end, doc.vocab.strings[match_id])
            found[key] = max(found.get(key, start), start)
        return [(start, end, condition_id) for (end, condition_id), start in sorted(found.items())]

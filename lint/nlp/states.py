"""States said of someone on an occasion: "helps when he's agitated", "take one if you're
feeling queasy", "whenever my son gets stressed". A condition's `states` in rules/conditions
are adjectives that name it only in this frame, read in order: an occasion word, a subject (a
pronoun, or a possessive and one noun), a verb of being, feeling or becoming, up to three
softening words, then the adjective. The adjective alone names nothing ("a depressed
fracture", "the stimulants make you jittery"). The frame is read back from each adjective,
so a text without one costs a set lookup per token."""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from lint.nlp.anaphora import OWNING_DETERMINERS
from lint.nlp.words import FirstWordIndex

OCCASIONS = frozenset({"when", "whenever", "if", "anytime"})
PRONOUNS = frozenset({"i", "you", "u", "he", "she", "we", "they", "someone", "somebody", "anyone", "anybody", "people",
                      "kids"})
BEING = frozenset({"'m", "am", "'re", "are", "'s", "is", "was", "were", "be", "feel", "feels", "feeling", "felt", "get",
                   "gets", "getting", "got", "become", "becomes", "became", "seem", "seems", "seemed"})
SOFTENERS = frozenset({"feeling", "really", "very", "so", "super", "too", "kind", "kinda", "of", "a", "bit", "little",
                       "pretty", "all", "extra", "getting", "starting", "to", "feel", "get", "just", "still"})
MOST_SOFTENERS = 3


class StateMatcher:
    """Finds the token spans of states said on an occasion, each with the condition it names."""

    def __init__(self, states: Iterable[tuple[str, Iterable[str]]]):
        """`states`: (condition id, adjectives) pairs."""
        self.adjectives = FirstWordIndex(states)

    def __call__(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start token, end token, condition id) of each state on an occasion the Doc holds."""
        return [(start, end, condition_id) for adjective, end, condition_id in self.adjectives.matches(doc)
                if (start := _occasion_before(doc, adjective)) is not None]


def _occasion_before(doc: Doc, adjective: int) -> int | None:
    """The token where the occasion of a state starts ("when" in "when he's really agitated"),
    read back from its adjective, or None when the frame is not there."""
    i = adjective - 1
    for _ in range(MOST_SOFTENERS):
        if i >= 0 and doc[i].lower_ in SOFTENERS and doc[i].lower_ not in BEING:
            i -= 1
    if i < 1 or doc[i].lower_ not in BEING:
        return None  # no verb of being, or more softening words than a state takes
    i -= 1
    if doc[i].lower_ in BEING and i >= 1:
        i -= 1  # "you're feeling", "he's getting"
    # the subject: a pronoun, or a possessive and one noun
    if doc[i].lower_ in PRONOUNS:
        i -= 1
    elif i >= 1 and doc[i].is_alpha and doc[i - 1].lower_ in OWNING_DETERMINERS:
        i -= 2
    else:
        return None
    return i if i >= 0 and doc[i].lower_ in OCCASIONS else None

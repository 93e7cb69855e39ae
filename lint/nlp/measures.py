"""Measures brought down: "the Crestor lowers his blood pressure", "brings her cholesterol
down a bit", "keeps my blood sugars in check". A condition's `measures` in rules/conditions
are nouns for a level it is too much of (blood pressure, LDL, uric acid); they name it only
in this frame, read in order: a verb of lowering, at most two words of whose the measure is
("his", "my dad's"), the measure, and for a verb that does not lower by itself ("brings",
"keeps", "gets") a word saying where it goes ("down", "in check", "under control") right after
the measure or right after the verb ("brings down his blood pressure"). The measure alone
names nothing ("check your blood pressure", "my cholesterol was fine"). The frame is read
back from each measure, so a text without one costs a set lookup per token."""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from lint.nlp.anaphora import OWNING_DETERMINERS
from lint.nlp.inflect import verb_forms
from lint.nlp.words import FirstWordIndex

LOWERING = frozenset(form for verb in ("lower", "reduce", "cut", "trim", "drop", "tame", "control", "manage", "regulate",
                                       "improve", "fix", "normalize", "normalise", "stabilize", "stabilise", "slash")
                     for form in verb_forms(verb))  # "lowers his blood pressure": the verb lowers by itself
MOVING = frozenset(form for verb in ("bring", "get", "keep", "knock", "push", "pull")
                   for form in verb_forms(verb))  # "brings his blood pressure down": only with where it goes
WHERE_IT_GOES = (("down",), ("in", "check"), ("under", "control"), ("in", "line"), ("in", "range"), ("low",),
                 ("lower",), ("normal",))
LEVEL_NOUNS = frozenset({"level", "levels", "number", "numbers", "reading", "readings"})  # "his cholesterol numbers"
TAKE = frozenset(verb_forms("take"))  # "takes care of my blood pressure"
WHOSE_WORDS = 2  # "my", "my dad's": words between the verb and the measure


class MeasureMatcher:
    """Finds the token spans of measures brought down, each with the condition it names."""

    def __init__(self, measures: Iterable[tuple[str, Iterable[str]]]):
        """`measures`: (condition id, measure nouns) pairs."""
        self.nouns = FirstWordIndex(measures)

    def __call__(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start token, end token, condition id) of each measure brought down the Doc holds."""
        found = []
        for measure, end, condition_id in self.nouns.matches(doc):
            if end < len(doc) and doc[end].lower_ in LEVEL_NOUNS:
                end += 1
            span = _brought_down(doc, measure, end)
            if span is not None and not lowered_as_risk(doc, span[0], end):
                found.append((*span, condition_id))
        return found


def _brought_down(doc: Doc, measure: int, measure_end: int) -> tuple[int, int] | None:
    """The span of the measure ("blood pressure" of "lowers his blood pressure"), read back
    from the measure at token `measure` to the verb that brings it down, or None when the
    frame is not there. The verb and whose it is stay outside: the verb is the cue that
    presents the use."""
    i = _back_past_whose(doc, measure)
    if i >= 1 and doc[i].lower_ == "down" and doc[i - 1].lower_ in MOVING:
        return measure, measure_end  # "brings down his blood pressure"
    if i < 0:
        return None
    word = doc[i].lower_
    if word in LOWERING or word == "of" and i >= 2 and doc[i - 1].lower_ == "care" \
            and doc[i - 2].lower_ in TAKE or word in MOVING and _where_it_goes(doc, measure_end):
        return measure, measure_end  # "takes care of my blood pressure", "keeps my cholesterol in check"
    return None


def lowered_as_risk(doc: Doc, start: int, end: int) -> bool:
    """True when the lowering of the level at tokens start:end is said as a risk: a modal
    right before its verb ("Viagra can lower your blood pressure"), or a harm of a low level
    in the sentence ("... so get up slowly", "too much", "dizzy", "nitrates")."""
    verb = start - 1
    while verb > 0 and doc[verb].lower_ not in LOWERING | MOVING | TAKE and start - verb <= VERB_REACH:
        verb -= 1
    before = verb - 1
    while before > 0 and doc[before].lower_ in MODAL_ADVERBS:
        before -= 1
    if before >= 0 and doc[before].lower_ in POSSIBILITY_MODALS:
        return True
    left, right = start, end
    while left > 0 and doc[left - 1].text not in SENTENCE_ENDS:
        left -= 1
    while right < len(doc) and doc[right].text not in SENTENCE_ENDS:
        right += 1
    words = [t.lower_ for t in doc[left:right]]
    return any(word.startswith(LOW_LEVEL_HARMS) for word in words) \
        or any(a == "too" and b in TOO_FAR for a, b in zip(words, words[1:]))


VERB_REACH = 4  # tokens from the verb to the measure: "brings down my dad's"
POSSIBILITY_MODALS = frozenset({"can", "could", "may", "might"})  # a possible effect: how labels word a risk
MODAL_ADVERBS = frozenset({"also", "sometimes", "even", "really", "occasionally", "further"})
LOW_LEVEL_HARMS = ("dizz", "faint", "lightheaded", "light-headed", "woozy", "nitrate", "hypotension", "dangerous",
                   "stand", "stood", "hypoglyc", "shaky")  # "so I fainted", "when you stand up"
TOO_FAR = frozenset({"much", "low", "far", "fast", "quickly"})  # "drops it too low"
SENTENCE_ENDS = frozenset({".", "!", "?", ";"})


def _back_past_whose(doc: Doc, measure: int) -> int:
    """The token before the words saying whose the measure is ("his", "my dad's", "the")."""
    i = measure - 1
    for _ in range(WHOSE_WORDS):
        if i >= 0 and doc[i].lower_ in OWNING_DETERMINERS:
            i -= 1
        elif i >= 1 and doc[i].lower_ in ("'s", "’s") and doc[i - 1].is_alpha:
            i -= 2  # "my dad's blood pressure"
    return i


def _where_it_goes(doc: Doc, after: int) -> bool:
    """A word saying where the measure goes ("down", "in check") right after it."""
    return any(after + len(phrase) <= len(doc) and all(doc[after + k].lower_ == word for k, word in enumerate(phrase))
               for phrase in WHERE_IT_GOES)

"""The drug as the gapped object of a verb of taking: 'Lisinopril is what the ladies take for
migraines', 'Xanax, which my aunt uses for flights, ...', 'The pill my son takes for his
tics is clonidine'. The verb has no object of its own before its 'for'; a relative word
('what', 'which', 'that') or a head noun ('the pill', 'the one') before its subject stands
for the object, and the drug is tied to that word by a copula or a comma before it, or by a
copula after the use ('What she takes for migraines is lisinopril')."""
from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span

from lint.nlp.anaphora import refers_to_drug
from lint.nlp.inflect import phrase_forms
from lint.nlp.words import lowered

GAPPED_VERBS = ("take", "use", "pop", "grab", "give", "prescribe", "recommend", "keep", "wear", "swear by", "rely on",
                "hand out", "count on", "reach for", "turn to", "need", "want")  # "exactly what you need for giardia"
PARTICLES = frozenset({"out", "on", "by", "to"})  # the second word of a phrasal verb of taking
RECIPIENTS = frozenset({"me", "us", "him", "her", "them", "you"})  # 'what the coach gives us for'
RELATIVE_WORDS = frozenset({"what", "which", "that", "whatever"})
RELATIVE_HEADS = frozenset({"pill", "pills", "one", "thing", "stuff", "drug", "drugs", "med", "meds", "medicine",
                            "medication", "tablet", "tablets", "capsule", "capsules", "patch", "spray", "shot"})
STANDING_PRONOUNS = frozenset({"it", "this", "these"})  # the drug, before 'is what', 'are the pills that'
HEAD_DETERMINERS = frozenset({"the", "a", "that", "this", "my", "her", "his", "their", "our", "your"})
LINKING_COPULAS = frozenset({"is", "'s", "’s", "was", "are", "were", "becomes", "became", "remains"})
LINK_ADVERBS = frozenset({"also", "just", "exactly", "really", "basically", "honestly", "still", "actually",
                          "precisely", "apparently", "now", "always", "literally", ","})
UNWANTED = frozenset({"last", "worst", "wrong", "least"})  # before a head noun: advice against the drug
SUBJECT_REACH = 7  # words from the relative word to the verb ("what the ladies at the Y took")
HEAD_REACH = 3  # words from a head noun back to its determiner ("a cheap generic pill that")
AFTER_USE_REACH = 6  # words from the use to the copula of 'What she takes for migraines is ...'


@cache
def _gapped_forms() -> frozenset[str]:
    """Every form of the first word of each verb whose object may be gapped ('took', 'swears')."""
    return frozenset(form.split()[0] for verb in GAPPED_VERBS for form in phrase_forms(verb))


@cache
def _recipient_verb_forms() -> frozenset[str]:
    """Every form of the verbs that take a recipient before their 'for' ('gives players for')."""
    return frozenset(form for verb in ("give", "hand", "prescribe") for form in phrase_forms(verb))


def taken_by_relative(doc: Doc, sentence: Span, verb: int, use_end: int, drug_spans: list[Span]) -> Span | None:
    """The drug name that the verb of taking at `verb` (followed by its 'for' and a use that
    ends at token `use_end`) takes as its gapped object, or None (a verb with an object of
    its own has no gap). A pronoun for the drug ('It's what they give you for ...') gives
    the pronoun, a span with no drug label: the article's drug."""
    words = lowered(doc)
    if verb - 1 > sentence.start and (words[verb] in PARTICLES or words[verb] in RECIPIENTS
                                      or words[verb - 1] in _recipient_verb_forms() and doc[verb].is_alpha):
        verb -= 1  # 'hands out for', 'rely on for', 'gives us for', 'gives players for'
    if words[verb] not in _gapped_forms():
        return None
    marker = _relative_marker(doc, sentence, verb)
    if marker is None:
        return None
    before = _linked_before(doc, sentence, marker, drug_spans)
    if before is not None:
        return before
    if any(not doc[k].is_punct and words[k] not in ("and", "but", "so") for k in range(sentence.start, marker)):
        return None  # 'What she takes for migraines is ...' opens its sentence
    return _linked_after(doc, sentence, use_end, drug_spans)


def _relative_marker(doc: Doc, sentence: Span, verb: int) -> int | None:
    """The first token of the relative word or head noun phrase that stands for the object of
    the verb at `verb`: 'what', 'which', 'that', or 'the pill' right before the subject."""
    words = lowered(doc)
    for k in range(verb - 1, max(sentence.start, verb - SUBJECT_REACH) - 1, -1):
        if doc[k].is_punct or refers_to_drug(doc, k) and words[k] not in RELATIVE_HEADS:
            return None
        if words[k] in RELATIVE_WORDS and k < verb - 1:  # a subject stands between: not 'that takes'
            return k
        if words[k] in RELATIVE_HEADS and k < verb - 1:  # 'the (little white) pill my husband takes'
            determiner = next((j for j in range(k - 1, max(sentence.start, k - HEAD_REACH - 1) - 1, -1)
                               if words[j] in HEAD_DETERMINERS), None)
            if determiner is not None and UNWANTED.intersection(words[determiner:k]):
                return None  # 'the last thing you want for a hangover': advice against
            if determiner is not None and all(doc[j].is_alpha for j in range(determiner, k)):
                return determiner
    return None


def _drug_ending_at(doc: Doc, index: int, drug_spans: list[Span]) -> Span | None:
    return next((d for d in drug_spans if d.end - 1 == index), None)


def _linked_before(doc: Doc, sentence: Span, marker: int, drug_spans: list[Span]) -> Span | None:
    """The drug named just before `marker`, tied to it by a copula ('Lisinopril is (also) what',
    'Xanax was the pill', 'Xanax is a cheap pill that') or a comma ('Xanax, which')."""
    words = lowered(doc)
    j = marker - 1
    if words[marker] in RELATIVE_WORDS and words[j] in RELATIVE_HEADS:  # 'is a (cheap) drug that'
        j = next((k - 1 for k in range(j - 1, max(sentence.start, j - HEAD_REACH) - 1, -1)
                  if words[k] in HEAD_DETERMINERS), j)
    while j > sentence.start and words[j] in LINK_ADVERBS and words[j] != ",":
        j -= 1
    if j <= sentence.start or (words[j] not in LINKING_COPULAS and words[j] != ","):
        return None
    j -= 1
    while j > sentence.start and words[j] in LINK_ADVERBS and words[j] != ",":
        j -= 1
    if words[j] in STANDING_PRONOUNS:  # "It's what they give you for Raynaud's"
        return doc[j:j + 1]
    return _drug_ending_at(doc, j, drug_spans)


def _linked_after(doc: Doc, sentence: Span, use_end: int, drug_spans: list[Span]) -> Span | None:
    """The drug named after a copula that follows the use: 'What she takes for migraines is
    (really) lisinopril'."""
    words = lowered(doc)
    copula = next((k for k in range(use_end, min(sentence.end, use_end + AFTER_USE_REACH))
                   if words[k] in LINKING_COPULAS), None)
    if copula is None:
        return None
    k = copula + 1
    while k < sentence.end and (words[k] in LINK_ADVERBS or words[k] in HEAD_DETERMINERS):
        k += 1
    return next((d for d in drug_spans if d.start == k), None)

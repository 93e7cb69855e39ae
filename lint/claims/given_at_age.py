"""The drug given to someone whose age the sentence states: "My 4-year-old nephew has been on
Adderall XR", "her 15-year-old son started Suboxone", "Children as young as eight will receive
the tablets". Whatever it is given for, the article presents a use at that age; the
unlabeled-indication rule judges the age against the ages the label gives no dose for.

A question, a denial ("never give it to a 4-year-old") and an accident ("a 2-year-old got into
the bottle") present no use."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from lint.claims.population import AGE_WORDS, stated_age
from lint.nlp.anaphora import refers_to_drug
from lint.nlp.inflect import verb_forms
from lint.nlp.words import lowered, span_text

ADULT_YEARS = 18
GIVING_VERBS = ("take", "start", "give", "put", "use", "get", "receive", "try", "prescribe", "fill", "pop", "spray",
                "hand", "keep", "treat", "offer")
ACCIDENTAL = re.compile(r"\b(?:accident\w*|by mistake|got into|get into|gets into|poison\w*|overdos\w*|"
                        r"swallowed some|found (?:the|a|her|his|my)\b)", re.I)
AGE_HINT = re.compile(rf"\b(?:\d{{1,2}}|{'|'.join(AGE_WORDS)})[- ](?:years?|yrs?|months?|weeks?)[- ]old"
                      rf"|, \d{{1,2}},|\b(?:aged?|is|are|were|turned|['’]s)(?: only| just| now)? (?:\d{{1,2}}|{'|'.join(AGE_WORDS)})\b"
                      r"|\byoung\b", re.I)  # what every stated child's age has: a fast test before stated_age
ON_OR_DOING = frozenset({"on", "doing", "does", "did", "do"})  # right before the drug: "has been on Adderall", "is doing Alli"
WANTING = frozenset(form for verb in ("beg", "want", "ask", "hope", "plead", "wish", "nag", "pester")
                    for form in verb_forms(verb)) | {"dying", "desperate", "eager"}  # "begging to try", "wants to take"
ON_AMOUNT_REACH = 5  # "on 3 units of Lantus", "on 20 mg of Prozac": the amount between 'on' and the drug
WANTING_REACH = 3  # words from the wanting word to the verb of giving or taking
DENIAL = re.compile(r"(?:\b(?:not|never|no|nobody|avoid|cannot)\b|n't\b|n’t\b)", re.I)


@dataclass(frozen=True)
class AgeClaim:
    """A drug presented as given to a person of a stated age under 18."""

    drug: str
    age_years: float
    start: int  # the characters that state the age ('4-year-old')
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    products: frozenset[str]


ASKED_IF = re.compile(r"\b(?:ask(?:ed|s|ing)?|wonder(?:ed|s|ing)?|wants? to know|wanted to know)\b[^.!?]{0,40}?"
                      r"\b(?:if|whether)\b", re.I)


SIGNATURE = re.compile(r"\s*(?:--|—|–)\s*\*?[A-Z][\w .,'’-]{0,40}\*?$")  # "Can my 16-year-old try it? -- Westfield Dad"


@lru_cache(maxsize=1)
def _giving_forms() -> frozenset[str]:
    return frozenset(form for verb in GIVING_VERBS for form in verb_forms(verb))


def given_at_age(sentence: Span, drug: str, drug_tokens: set[int],
                 products: Callable[[], frozenset[str]]) -> AgeClaim | None:
    """The age claim of a sentence that gives `drug` (its name at `drug_tokens`, or a word
    standing for it) to a person of a stated age under 18, with a verb of giving or taking,
    or 'on' or 'doing' right before the drug ('has been on Adderall', 'is doing Alli', 'is on 3
    units of Lantus')."""
    text = span_text(sentence)
    if not AGE_HINT.search(text) or SIGNATURE.sub("", text.rstrip()).endswith("?") or ACCIDENTAL.search(text) \
            or ASKED_IF.search(text):
        return None  # "you asked if Jayden (he's 9) could try some of hers": asked, not given
    found = stated_age(text)
    if found is None or found[0] >= ADULT_YEARS or text[found[2]:found[2] + 2] in ("'s", "’s"):
        return None  # "my 4-year-old's grandpa is on it": the child only says whose grandpa
    doc, words, giving_forms = sentence.doc, lowered(sentence.doc), _giving_forms()
    indexes = range(sentence.start, sentence.end)
    refers = drug_tokens | {i for i in indexes if refers_to_drug(doc, i)}
    giving = [i for i in indexes if (words[i] in giving_forms or words[i] in ON_OR_DOING and i + 1 in refers
                                     or words[i] == "on" and any(words[k] == "of" and k + 1 in refers
                                                                 for k in range(i + 2, min(i + ON_AMOUNT_REACH, sentence.end - 1))))
              and not any(words[k] in WANTING for k in range(max(sentence.start, i - WANTING_REACH), i))]
    # "my 15-year-old has been begging to try half of one": wanted, not given
    if not refers or not giving:
        return None
    said_until = doc[min(max(refers), giving[0])].idx - sentence.start_char  # a denial before the giving denies it,
    if DENIAL.search(text[:said_until + 1]):  # not "because he never stops moving" after it
        return None
    age, start, end = found
    offset = sentence.start_char
    return AgeClaim(drug, age, offset + start, offset + end, text[start:end], offset, sentence.end_char, products())

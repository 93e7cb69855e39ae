"""Who a use is presented for: "teens who want to stop hair loss", "kids with high
cholesterol", "hair loss in women", "teenagers use Lamictal for bipolar disorder". A
group noun tied to the use by one of a few links gives the ages or sex of the people the
article presents the use for; a label that gives the use only to adults, or only to men,
then does not cover it (lint/checks/unlabeled_indication.py)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from lint.nlp.anaphora import refers_to_drug
from lint.nlp.inflect import verb_forms
from lint.nlp.words import lowered

TEEN_AGES = (12.0, 17.99)
CHILD_AGES = (0.0, 17.99)
GROUP_AGES: dict[str, tuple[float, float]] = {
    **dict.fromkeys(("teen", "teens", "teenager", "teenagers", "adolescent", "adolescents", "teenage",
                     "schoolers"), TEEN_AGES),  # "high schoolers"
    **dict.fromkeys(("toddler", "toddlers"), (1.0, 3.99)),
    **dict.fromkeys(("baby", "babies", "infant", "infants", "newborn", "newborns"), (0.0, 1.99)),
    **dict.fromkeys(("kid", "kids", "child", "children", "youngsters", "boys", "girls"), CHILD_AGES),
}
GROUP_SEX: dict[str, str] = {
    **dict.fromkeys(("women", "woman", "ladies", "lady", "girls", "females", "moms", "mums", "mothers", "wives",
                     "wife", "girlfriend", "girlfriends", "daughters", "sisters"), "female"),
    **dict.fromkeys(("men", "guys", "boys", "males", "husbands", "dads", "fathers", "boyfriends"), "male"),
}
RELATIVE = frozenset({"who", "that", "whose"})
AFTER_CONDITION = frozenset({"in", "among", "amongst"})  # "hair loss in women"
POPULAR = frozenset({"popular", "favorite", "favourite", "common", "go-to", "hit", "trendy", "big"})
POPULAR_WITH = frozenset({"with", "among", "amongst"})
TAKING = frozenset({"use", "uses", "used", "take", "takes", "took", "are", "were", "get", "got", "swear", "rely",
                    "count", "love", "start", "started", "starting", "begin", "began"})
GIVING_VERBS = ("give", "prescribe", "hand", "offer", "recommend", "sell")  # a drug given to someone
DENYING = frozenset({"not", "n't", "never", "no", "except", "unlike", "nor"})  # "not for children", "never give it to kids"
KEPT_FROM = frozenset({"reach", "away", "from"})  # "out of reach of children", "away from kids"
FILLERS = frozenset({"the", "a", "an", "our", "your", "their", "my", "his", "her", "some", "many", "most", "young",
                     "older", "adult", "little", "small", "plenty", "lots", "of", "all", "these", "those"})
MAX_SUBJECT_GAP = 5  # words between the group and its taking verb ("ladies on our weight plan use")


@dataclass(frozen=True)
class UseGroup:
    """The people a use is presented for: their ages (None: not said) and sex (None: not said)."""

    ages: tuple[float, float] | None
    sex: str | None
    text: str


def use_groups(doc: Doc, sentence: Span, condition: Span, drugs: list[Span]) -> tuple[UseGroup, ...]:
    """The groups of people a use in this sentence is presented for, when a group noun is tied
    to the use: by a relative clause before it or 'with' ("teens who want...", "kids with high
    cholesterol"), by 'in' after it ("hair loss in women"), as the subject who takes the drug
    ("teenagers use Lamictal"), as who it is given to ("give it to kids"), or as who it is
    popular with. A denied group ("not for children", "out of reach of kids") is none."""
    words = lowered(doc)
    groups = []
    for i in range(sentence.start, sentence.end):
        word = words[i]
        if word not in GROUP_AGES and word not in GROUP_SEX:
            continue
        if _denied(words, i, sentence.start) or not _tied(doc, words, i, sentence, condition, drugs):
            continue
        groups.append(UseGroup(ages=GROUP_AGES.get(word), sex=GROUP_SEX.get(word), text=doc[i].text))
    return tuple(groups)


@cache
def giving_forms() -> frozenset[str]:
    """Every form of the verbs that give a drug to someone ('gives', 'prescribed', 'handing')."""
    return frozenset(form for verb in GIVING_VERBS for form in verb_forms(verb))


def _denied(words: list[str], i: int, start: int) -> bool:
    """True when the group is named to keep the drug from it ('not for children', 'out of the
    reach of kids', 'never give it to teens')."""
    window = words[max(start, i - 4):i]
    return bool(DENYING & set(window)) or bool(KEPT_FROM & set(words[max(start, i - 3):i]))


def _tied(doc: Doc, words: list[str], i: int, sentence: Span, condition: Span, drugs: list[Span]) -> bool:
    """True when the group noun at i is tied to the use of `condition` (see use_group)."""
    end = sentence.end
    if i < condition.start:
        after = i + 1
        if after < end and words[after] in RELATIVE:
            return True  # "teens who want to stop hair loss"
        j = after
        while j < condition.start and words[j] in FILLERS:
            j += 1
        if j < end and words[j] == "with" and _only_fillers(words, j + 1, condition.start):
            return True  # "kids with high cholesterol"
        if _takes_drug(doc, words, after, end, drugs):
            return True  # "teenagers use Lamictal for bipolar disorder"
    if i > condition.end and words[condition.end] in AFTER_CONDITION and _only_fillers(words, condition.end + 1, i):
        return True  # "hair loss in women"
    before = i - 1
    while before > sentence.start and words[before] in FILLERS:
        before -= 1
    if words[before] in POPULAR_WITH and before > sentence.start and words[before - 1] in POPULAR:
        return True  # "a favourite with teens"
    if words[before] == "to" and any(words[k] in giving_forms() for k in range(max(sentence.start, before - 4), before)):
        return True  # "give atorvastatin to kids"
    return False


def _only_fillers(words: list[str], start: int, end: int) -> bool:
    return all(words[k] in FILLERS for k in range(start, end))


def _takes_drug(doc: Doc, words: list[str], start: int, end: int, drugs: list[Span]) -> bool:
    """True when, within a few words, a taking verb follows whose object is the drug ('ladies on
    our plan use finasteride', 'teens swear by it')."""
    for k in range(start, min(end, start + MAX_SUBJECT_GAP + 1)):
        if doc[k].is_punct:
            return False
        if words[k] in TAKING:
            for m in range(k + 1, min(end, k + 4)):
                if any(d.start == m for d in drugs) or refers_to_drug(doc, m):
                    return True
    return False

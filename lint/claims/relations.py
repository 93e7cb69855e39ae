"""Uses the condition lexicon does not know: what follows a benefit predicate ("quieted the
alcohol cravings", "a godsend for hot flashes"), a purpose clause ("take Adderall to cram
for exams") or a goal compound ("the best sleeping pill"), when its words name a health
complaint or goal (rules/concepts.yaml) and no labeled indication of the drug.

Each candidate is a token span of the sentence; extract.py turns it into a use claim with
the same negation, hedge and off-label context as a lexicon condition.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from lint.knowledge.lexicons import Concepts, concepts, purpose_forms, use_predicates
from lint.knowledge.reference import Profile, Reference
from lint.nlp.anaphora import DOSE_FORMS, MEDICINE_NOUNS, refers_to_drug
from lint.nlp.inflect import agent_noun, noun_forms, phrase_forms
from lint.nlp.words import is_markup, lowered

OPENERS = frozenset({"my", "her", "his", "their", "your", "our", "the", "a", "an", "those", "these", "its", "some",
                     "any", "that", "this", "all", "off", "up", "down", "away", "out", "for", "against", "with",
                     "me", "him", "them", "us", "you"})
STOPS = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "(", ")", "and", "but", "or", "so", "because", "since",
                   "bc", "b/c", "cuz", "coz", "cos",  # "because" in chat
                   "while", "when", "after", "before", "within", "during", "until", "than", "that", "which", "who",
                   "without", "if", "though", "although", "in", "at", "by", "like", "as", "better", "faster",
                   "completely", "entirely", "overnight", "anymore", "too", "again", "way", "down", "back", "right",
                   "really", "even", "now", "then", "there", "here", "i", "we", "he", "she", "they", "you",
                   "is", "are", "was", "were", "instead", "anyway", "also", "either", "lately", "today", "tonight", "for"})
GOAL_HEADS = frozenset({"aid", "aids", "pill", "pills", "drug", "drugs", "hack", "hacks", "booster", "boosters",
                        "helper", "enhancer", "tool", "remedy", "fix", "cure", "trick", "secret", "med", "meds",
                        "killer", "killers", "suppressant", "suppressants", "stabilizer", "buster", "knockout",
                        "shield", "armor", "armour", "protection", "defense", "defence", "guard", "eraser",
                        "tablet", "tablets", "shot", "shots", "gummy", "gummies", "rescue", "insurance", "saver",
                        "crutch", "weapon", "solution", "bridge", "button", "switch", "medicine", "medicines", "medication",
                        "medications", "pen", "pens", "jab", "jabs", "injection", "injections", "patch", "patches",
                        "spray", "sprays", "capsule", "capsules"})  # "pulls double duty as your gout medicine", "a diet pen"


CLASS_ENDINGS = ("ory", "al", "ic", "ant", "ive", "ine")  # "anti-inflammatory", "antiviral": a drug class, not a goal


@lru_cache(maxsize=1)
def goal_heads() -> frozenset[str]:
    """Heads of a noun phrase that names what the drug is for by the word before them
    ('a sleep aid', 'my migraine shield'): GOAL_HEADS and the '-er' noun of every one-word
    benefit verb ('hot flash cooler', 'restless legs tamer', 'insomnia fixer'), with plurals."""
    agents = {agent_noun(verb) for verb in use_predicates().verbs if " " not in verb}
    return GOAL_HEADS | {form for agent in agents for form in noun_forms(agent)}
REFERS_BACK = frozenset({"it", "them", "they", "those", "these", "this", "that"})  # a goal about what was named before
NOT_A_USE = ("withdrawal", "side effect", "side-effect", "rebound", "upset stomach", "stomach upset", "overdose",
             "absorption", "production", "vitamins", "receptor", "reuptake", "enzyme",  # what a drug acts on ("blocks
             "benefit", "effect",  # fat absorption") and what it gives ("to get the full benefit"): how it works, not what for
             "workday", "weekday", "weekend", "school day", "school night", "work week")  # "a lifesaver for his
# workdays": when, not what for
QUANTITY_OPENING = re.compile(r"(?:about|around|roughly|nearly|almost|up to|some of|most of|much of|half|"
                              r"a (?:third|quarter|half|fraction|bit|lot)|\d+\s*%|\d+ percent)\b", re.I)  # "about a third
# of the fat you eat": an amount of something, no use
GENERIC = frozenset({"most", "many", "some", "several", "every", "each", "both", "few",  # "worked fine for most attacks"
                     "disorder", "disease", "syndrome", "symptoms", "symptom", "condition", "conditions",
                     "problems", "problem", "attacks", "attack", "chronic", "acute", "severe", "mild", "issues",
                     "adult", "adults", "children", "child", "patients", "people", "type", "types", "with", "without",
                     "from", "after", "during", "other", "related", "caused", "associated", "control", "improve",
                     "improving", "management", "treatment", "relief", "reduce", "reducing", "lower", "lowering",
                     "high", "level", "levels", "state", "states", "onset", "stage", "anything", "everything",
                     "something", "nothing", "whatever"})
MIN_WORD = 4  # shorter words (two, not, non, day) say nothing about a condition
PREPOSITIONS = frozenset({"for", "in", "at", "through", "on", "with", "during", "before", "after", "of", "into", "from"})
MEASURES = frozenset({"numbers", "number", "readings", "reading", "count", "counts", "results", "values", "health",
                      "function", "score", "scores", "tests", "test", "chances", "chance", "odds", "risk", "risks"})
MAX_WORDS = 7
GOAL_PARTICLES = frozenset({"through", "with", "over", "past", "off"})  # "get through", "deal with": the object is the use
NOT_PURPOSE = frozenset({"work", "kick", "start", "begin", "take", "use", "see", "check", "find", "wait", "avoid",
                         "minimize", "minimise", "limit", "lessen", "reduce", "cut", "decrease", "lower",
                         "protect", "make", "be", "have", "do", "go", "come", "reach", "build", "settle",
                         "adjust", "absorb", "dissolve", "swallow", "mask", "hide", "cover",
                         "catch"})  # "take two to catch up" after a missed dose
UNLISTED = "unlisted:"  # the condition id prefix of a use the lexicon does not know


@dataclass(frozen=True)
class Candidate:
    """An unlisted use: its tokens, the predicate that presents it, the cue token where it starts."""

    span: Span
    reason: str
    anchor: int  # the drug is looked for before this token (a predicate, or just after a purpose verb's object)
    predicate: int  # the token of the word that presents the use (a negator before it denies the use)
    needs_complaint: bool = False  # an open purpose verb: a use only when its words name a complaint
    object_only: bool = False  # the span holds no verb (a frame's gap): a condition may start it
    named_only: bool = False  # a storage verb's purpose: a use only where it names a lexicon condition
    kept_from: bool = False  # a "keeps ... from" frame: a condition may open in its span and run past it


@lru_cache(maxsize=1)
def _storage_forms() -> frozenset[str]:
    return frozenset(form for verb in use_predicates().storage for form in phrase_forms(verb))


ARTICLES = frozenset({"a", "an", "the"})  # "a flare" is of nothing said; "their flares" are of a complaint they have


NONE_OF = frozenset({"no", "zero", "without"})  # "covers homework no problem": no complaint is named


def _is_complaint(words: list[str], vocabulary: Concepts) -> bool:
    words = [w for i, w in enumerate(words)
             if not (w in vocabulary.bare_complaint_words and i and words[i - 1] in NONE_OF)]
    text = " ".join(words)
    if all(w in vocabulary.bare_complaint_words or w in ARTICLES for w in text.replace(" - ", "-").split()):
        return False  # "for a flare", "for an episode": of what, the words do not say
    return any(w in vocabulary.complaint_words or w.endswith(vocabulary.complaint_suffixes) for w in words) \
        or any(" " in c and c in text for c in vocabulary.complaint_words) or _comparative_goal(words, vocabulary)


def _comparative_goal(words: list[str], vocabulary: Concepts) -> bool:
    """'a better pump', 'faster recovery', 'bigger muscles': a comparative, then the nouns of
    a goal (not 'better absorption', 'more side effects')."""
    content = [w for w in words if w not in ("a", "an", "the", "my", "your", "his", "her", "their", "much", "even")]
    return len(content) >= 2 and content[0] in vocabulary.goal_comparatives and content[1].isalpha() \
        and not set(content[1:]) & set(vocabulary.not_goal_nouns)


def is_complaint_span(span: Span) -> bool:
    """True when a span's words name a health complaint or goal (rules/concepts.yaml)."""
    return _is_complaint([t.lower_ for t in span], concepts())


def _phrase_after(doc: Doc, start: int, limit: int, keep_for: bool = False) -> Span | None:
    """The object phrase that starts at token `start`: past openers (my, the, for), up to a
    clause stop, a line break (a chat line ends there) or MAX_WORDS tokens."""
    i = start
    while i < limit and doc[i].lower_ in OPENERS:
        i += 1
    end, words = i, 0
    while end < limit and words < MAX_WORDS and (not doc[end].is_punct or _joins_words(doc, end, limit)) \
            and "\n" not in doc[end].text \
            and (doc[end].lower_ not in STOPS or (keep_for and doc[end].lower_ in ("for", "in", "at", "through"))):
        words += not doc[end].is_punct
        end += 1
    lowered_words = [t.lower_ for t in doc[i:end]]
    for tail in DEGREE_TAILS:  # "helped my sleep a lot": the phrase is "sleep"
        if len(lowered_words) > len(tail) and tuple(lowered_words[-len(tail):]) == tail:
            end -= len(tail)
            break
    return doc[i:end] if end > i else None


DEGREE_TAILS = (("a", "lot"), ("a", "ton"), ("a", "bunch"), ("a", "bit"), ("a", "little"), ("so", "much"),
                ("a", "great", "deal"), ("tons",), ("loads",), ("big", "time"), ("like", "crazy"))  # how much, not what


def _joins_words(doc: Doc, index: int, limit: int) -> bool:
    """A hyphen or apostrophe inside a word group ("long-haul", "Alzheimer's")."""
    return doc[index].text in ("-", "'", "’") and index + 1 < limit and not doc[index].whitespace_


@lru_cache(maxsize=1)
def _suppressing_forms() -> frozenset[str]:
    return frozenset(form for verb in concepts().suppressing_verbs for form in phrase_forms(verb))


def suppresses_wanted(cue: Span, phrase: Span) -> bool:
    """True when a suppressing verb takes a function the reader wants kept: 'Zoloft killed
    my libido', 'it switched off my sex drive' state a side effect, not a use."""
    if cue.text.lower() not in _suppressing_forms() or phrase[0].lower_ in _suppressing_forms():
        return False  # "used to reduce appetite": a condition's own words ("reduce appetite") name the use
    return wanted_function(phrase)


def wanted_function(phrase: Span) -> bool:
    """True when a phrase names a function the reader wants kept ('my libido', 'his appetite the
    first month')."""
    words = [t.lower_ for t in phrase if t.is_alpha]
    while words and words[0] in OPENERS:
        words = words[1:]
    for function in concepts().wanted_functions:
        size = len(function.split())
        if " ".join(words[-size:]) == function or " ".join(words[:size]) == function \
                and (len(words) == size or words[size] in AFTER_FUNCTION):  # "killed his appetite the first month"
            return True
    return False


AFTER_FUNCTION = frozenset({"the", "a", "for", "until", "till", "at", "in", "by", "within", "during", "after", "before",
                            "completely", "totally", "entirely", "too", "again", "right", "all", "some", "so"})


def benefit_candidates(doc: Doc, sentence: Span, cues: list[Span]) -> list[Candidate]:
    """What each benefit or use cue of the sentence presents, when it is an unlisted complaint."""
    vocabulary = concepts()
    found = []
    for cue in cues:
        if cue.label_ not in ("use", "benefit"):
            continue
        span = _phrase_after(doc, cue.end, sentence.end)
        if span is not None and suppresses_wanted(cue, span):
            continue
        if span is not None and len(span) > 2 and span[0].lower_ in vocabulary.goal_verbs \
                and span[1].lower_ in GOAL_PARTICLES:  # "helped me get through the flashbacks": the flashbacks
            span = _phrase_after(doc, span.start + 2, sentence.end)
            if span is not None and _is_complaint([t.lower_ for t in span], vocabulary):
                found.append(Candidate(span, f"'{cue.text}'", cue.start, cue.start))
            continue
        if span is not None and (_is_complaint([t.lower_ for t in span], vocabulary)
                                 or span[0].lower_ in vocabulary.goal_verbs  # "helped me ace my finals",
                                 and not (len(span) > 1 and span[1].lower_ in REFERS_BACK)):  # not "keep them from"
            found.append(Candidate(span, f"'{cue.text}'", cue.start, cue.start))
    return found


@lru_cache(maxsize=1)
def _frames() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The frames of rules/use_predicates.yaml by verb form: form -> the word sequences that
    close a frame opened by that verb ("keeps" -> ("in", "check"), ...)."""
    from lint.nlp.inflect import verb_forms
    frames: dict[str, list[tuple[str, ...]]] = {}
    for frame in use_predicates().frames:
        opening, closing = frame.split(" ... ")
        for form in verb_forms(opening):
            frames.setdefault(form, []).append(tuple(closing.lower().split()))
    return {form: tuple(closings) for form, closings in frames.items()}


FRAME_GAP = 6  # words a frame's gap may hold
CAUSATIVE_GET = frozenset({"get", "gets", "got", "gotten", "getting"})


PERSONS = frozenset({"me", "you", "him", "her", "us", "them", "people", "patients", "kids", "myself", "herself",
                     "himself", "themselves"})  # "keeps me from waking at 3 a.m.": what follows 'from' is the use


def frame_candidates(doc: Doc, sentence: Span, drug_spans: list[Span]) -> list[Candidate]:
    """'keeps her restless legs in check', 'pulled me out of a depressive slump': the words
    in a frame's gap ('... out of' takes the words after it) are presented as a use."""
    frames = _frames()
    words = lowered(doc)[sentence.start:sentence.end]
    drug_starts = {span.start for span in drug_spans}
    found = []
    for offset, word in enumerate(words):
        for closing in frames.get(word, ()):
            i = sentence.start + offset
            for gap in range(1, min(len(words) - len(closing) + 1, offset + 2 + FRAME_GAP) - offset):
                j = offset + gap
                if j >= len(words) or (not words[j].isalnum() and words[j] != "-" and doc[i + gap].is_punct):
                    break
                if tuple(words[j:j + len(closing)]) != closing:
                    continue
                gap_words = words[offset + 1:j]
                if word in CAUSATIVE_GET and "to" in gap_words:
                    break  # "got Depo shots to calm hers down": 'get' makes someone do the rest
                span: Span | None
                if closing == ("from",) and not PERSONS.issuperset(gap_words):
                    span = doc[i + 1:i + gap]  # "keeps her son's eczema from itching": the gap is what it stops
                elif closing[-1] in ("with", "for"):  # "credits the little white pill with X": the gap is the drug
                    span = _phrase_after(doc, i + gap + len(closing), sentence.end) \
                        if any(k in drug_starts or refers_to_drug(doc, k) for k in range(i + 1, i + gap)) else None
                elif closing[-1] in ("of", "from", "through"):  # "pull me out of X", "get her through X": X follows
                    span = _phrase_after(doc, i + gap + len(closing), sentence.end)
                else:  # the words in the gap, past openers ('gave me my appetite back': 'appetite')
                    first = next((k for k in range(i + 1, i + gap) if doc[k].lower_ not in OPENERS), i + gap)
                    last = i + gap
                    while last > first and words[offset + last - i - 1] in GAP_INTENSIFIERS:
                        last -= 1  # "knocks the flare right down": the flare
                    span = doc[first:last] if first < last else None
                if span is not None and closing in LOWERING_CLOSINGS and wanted_function(span):
                    span = None  # "Zoloft knocked my libido down to zero": a side effect
                if span is not None:
                    found.append(Candidate(span, f"'{doc[i].text} ... {' '.join(closing)}'", i, i,
                                           needs_complaint=True, object_only=True, kept_from=closing == ("from",)))
                break
    return found


GAP_INTENSIFIERS = frozenset({"right", "way", "back", "straight"})  # "knocked her hot flashes way down"
LOWERING_CLOSINGS = frozenset({("down",), ("out",), ("low",), ("lower",)})  # frames that lower or end what their gap names


PURPOSE_OBJECT_REACH = 5  # words from the purpose verb to the drug ("give Grandpa a little morphine")
ADD_FORMS = frozenset(phrase_forms("add"))
NOT_PURPOSE_BETWEEN = frozenset({"is", "are", "was", "were", "seems", "seemed", "hard", "easy", "difficult", "impossible",
                                 "too", "enough", "able", "unable", "likely", "unlikely", "safe", "okay", "ok",
                                 "and", "but", "need", "needs", "needed", "i", "you", "he", "she", "we", "they", "'s", "’s",
                                 "takes", "took", "take", "taking"})
MODAL_BEFORE_TO = frozenset({"has", "have", "had", "ought", "supposed", "going", "used"})  # "a woman taking it has to
# stop the minute she finds out": 'to' completes a modal (not "an hour before going out to keep")
# a new clause between the drug and 'to': "while you're on it and they need time to wake back up", "his
# friend takes, and it takes a few weeks to kick in" (the time it takes, not why it is taken)


def purpose_candidates(doc: Doc, sentence: Span, drug_spans: list[Span]) -> list[Candidate]:
    """'take Adderall to cram for exams', 'started it partly to lose weight': a purpose verb,
    the drug (or 'it', 'a few tablets') as its object, then 'to' and a goal verb."""
    purpose, words = purpose_forms(), lowered(doc)
    if not PURPOSE_LINKS.intersection(words[sentence.start:sentence.end]):
        return []  # no 'to' or 'so' for a purpose to follow
    found = []
    drug_starts = {d.start: d for d in drug_spans}
    for i in range(sentence.start, sentence.end):
        if words[i] not in purpose and not _phrasal_purpose_ends(words, i, sentence.start):
            continue
        j = i + 1
        while j < min(sentence.end, i + PURPOSE_OBJECT_REACH) and j not in drug_starts and not refers_to_drug(doc, j) \
                and not _counted_object(doc, sentence, j, i):
            j += 1
        if j >= min(sentence.end, i + PURPOSE_OBJECT_REACH) or words[i] in ADD_FORMS and j not in drug_starts:
            continue  # "add a third capsule to speed things along" is a dose, not the drug given for a goal
        after = drug_starts[j].end if j in drug_starts else j + 1
        k = after
        while k < min(sentence.end, after + 5) and words[k] not in ("to", "so") \
                and (not doc[k].is_punct or _joins_words(doc, k, sentence.end)):
            k += 1  # "pop one on red-eye flights to": a hyphen inside a word parts nothing
        if k + 1 < sentence.end and words[k] == "so" and (verb := _so_clause_verb(doc, sentence, k)) is not None:
            span = _phrase_after(doc, verb, sentence.end, keep_for=True)
            if span is not None:  # "gave him Benadryl so he would sleep on the plane"
                found.append(Candidate(span, f"'{doc[i].text} ... so'", after, i, named_only=words[i] in _storage_forms()))
            continue
        if k + 1 >= sentence.end or words[k] != "to" or set(words[after:k]) & NOT_PURPOSE_BETWEEN \
                or words[k - 1] in MODAL_BEFORE_TO \
                or _asked_to(words, sentence.start, i) and "to" not in words[k + 2:sentence.end]:
            continue  # "someone taking it is very hard to wake": 'to' completes 'hard', not the taking
        span = _purpose_clause(doc, sentence, k)
        if span is not None:
            found.append(Candidate(span, f"'{doc[i].text} ... to'", after, i, named_only=words[i] in _storage_forms()))
    return found + _open_purpose_candidates(doc, sentence, drug_spans, {c.anchor for c in found}) \
        + _there_to_candidates(doc, sentence, drug_spans)


def _purpose_clause(doc: Doc, sentence: Span, to: int) -> Span | None:
    """The goal phrase of the purpose clause whose 'to' is token `to` ('to finally get some
    sleep', 'to bring down a fever'), or None when no goal verb follows."""
    words, vocabulary = lowered(doc), concepts()
    verb = to + 1
    while verb + 1 < sentence.end and words[verb] in SPLITTING_ADVERBS:
        verb += 1  # "pop one to actually sleep", "take it to finally get some sleep"
    goal = words[verb] in vocabulary.goal_verbs
    if not goal and (not _open_purpose_verb(doc, sentence, verb) or verb + 1 < sentence.end and words[verb + 1] == ","):
        return None  # "apply it to clean, dry skin": a list of words for the skin, not a verb and its object
    if _delivers_the_medicine(doc, sentence, verb):
        return None  # "inhale it slowly to get the medicine deep into the lungs": how it is taken, not why
    span = _phrase_after(doc, verb, sentence.end, keep_for=True)
    if span is not None and (words[verb] in _storage_forms() or words[verb] == "have") and verb + 1 < sentence.end \
            and words[verb + 1] in STORAGE_PLACES:  # "gave us Narcan to keep in the kitchen drawer": where it is kept,
        kept_for = _kept_for(doc, verb + 1, sentence.end)  # unless a 'for' says why: "to keep in my purse for insomnia",
        return doc[kept_for:_clause_end(doc, kept_for + 1, sentence.end)] if kept_for is not None else None  # "in the
        # glove box for motion sickness", "in my nightstand for the nights I can't fall asleep" (a lexicon condition only)
    if span is not None and span.end == verb + 1 and span.end < sentence.end and words[span.end] in VERB_PARTICLES \
            and (rest := _phrase_after(doc, span.end + 1, sentence.end, keep_for=True)) is not None:
        span = doc[verb:rest.end]  # "to bring down a fever": past the verb's particle to its object
    if span is not None and len(span) > 1 and words[span.start + 1] in REFERS_BACK:
        return None  # "to knock it out": the goal was named before
    if span is not None and words[_object_end(words, span)] in vocabulary.cost_nouns:
        return None  # "use Lopressor to save money", "to save time": a cost or a convenience, not a health goal
    return span


def _object_end(words: list[str], goal: Span) -> int:
    """The last word of a goal's object: the words after its verb, up to a preposition ('save
    money'; 'study' in 'study for more hours', which has none)."""
    end = next((i for i in range(goal.start + 1, goal.end) if words[i] in OBJECT_ENDS), goal.end)
    return min(end, goal.start + OBJECT_WORDS + 1) - 1


OBJECT_WORDS = 3  # words an object of money or time may take ("save a few dollars")


def _kept_for(doc: Doc, start: int, limit: int) -> int | None:
    """The 'for' after the place a drug is kept ('in the glove box for'), within PLACE_WORDS
    words and before any punctuation, or None."""
    for i in range(start, min(limit, start + PLACE_WORDS)):
        if doc[i].is_punct:
            return None
        if doc[i].lower_ == "for":
            return i if i + 1 < limit else None
    return None


PLACE_WORDS = 10  # words a place where a drug is kept may take ("in the glove compartment of my car")
KEPT_FOR_WORDS = 12  # words the reason a drug is kept may take


def _clause_end(doc: Doc, start: int, limit: int) -> int:
    """The end of the clause that starts at `start`: the first punctuation, or KEPT_FOR_WORDS on."""
    end = start
    while end < min(limit, start + KEPT_FOR_WORDS) and not doc[end].is_punct:
        end += 1
    return end


STORAGE_PLACES = frozenset({"in", "on", "at", "around", "handy", "nearby", "close", "by", "with"})
OBJECT_OPENERS = frozenset({"a", "an", "the", "my", "his", "her", "their", "our", "your", "some", "one", "two", "little",
                            "couple", "of", "few", "bit", "generic", "extra"})  # "grabs a couple of Benadryl"
OBJECT_PREPOSITIONS = frozenset({"on", "for", "by", "with", "to", "at"})  # "leans on", "reaches for", "swears by"
OBJECT_ENDS = OBJECT_PREPOSITIONS | {"in", "of", "through", "into", "over", "during", "before", "after", "around", "so"}


def _open_purpose_candidates(doc: Doc, sentence: Span, drug_spans: list[Span], anchors: set[int]) -> list[Candidate]:
    """'leans on Xanax to fall asleep', 'grabbed a Benadryl to knock out the itch': a verb
    that is not a purpose verb (nor one of use_predicates.yaml's not_purpose), the drug as its
    object or its preposition's object, then 'to' and a goal verb. Its purpose is a use only
    where it names a condition of the lexicon or a complaint ('to sleep', not 'to save money')."""
    parsed = (doc._.syntax or {}).get(sentence.start)
    if parsed is None:
        return []
    words, found = lowered(doc), []
    for drug in drug_spans:
        to = drug.end
        while to < sentence.end and words[to] in PURPOSE_ADVERBS:
            to += 1  # "grab Farxiga purely to drop a few pounds"
        if to + 1 >= sentence.end or words[to] != "to" or drug.end in anchors:
            continue
        dependency = parsed[drug.end - 1 - sentence.start].dep_
        if dependency.startswith("nsubj"):
            continue  # "Xanax to me is ...": the drug is who acts
        verb = drug.start - 1
        while verb > sentence.start and words[verb] in OBJECT_OPENERS:
            verb -= 1
        if verb >= sentence.start and words[verb] in OBJECT_PREPOSITIONS:
            verb -= 1  # "leans on Xanax": the parser may not know 'lean' is a verb; the preposition says it is
        elif verb < sentence.start or parsed[verb - sentence.start].pos_ != "VERB" and dependency != "obj":
            continue  # "folks grab Farxiga": an object says the word before it is a verb, whatever its tag
        if verb < sentence.start or not doc[verb].is_alpha or words[verb] in _not_purpose_forms() \
                or words[verb] in purpose_forms():
            continue
        span = _purpose_clause(doc, sentence, to)
        if span is not None:
            found.append(Candidate(span, f"'{doc[verb].text} ... to'", drug.end, verb, needs_complaint=True))
    return found


THERE_COPULAS = frozenset({"is", "'s", "’s", "was", "are", "were"})
THERE_SUBJECTS = frozenset({"it", "mine", "hers", "his", "theirs"})  # "Mine's there to fix ...": my medicine


def _there_to_candidates(doc: Doc, sentence: Span, drug_spans: list[Span]) -> list[Candidate]:
    """'the lithium is there to kick her depression', "Mine's there to fix the bedroom stuff":
    the drug (or a word for it) as the subject of 'is there to' and a goal verb. Not the
    existential 'is there anything to ...': the drug comes before the copula."""
    words, found = lowered(doc), []
    ends = {d.end for d in drug_spans} | {i + 1 for i in range(sentence.start, sentence.end) if words[i] in THERE_SUBJECTS}
    for end in sorted(ends):
        i = end
        if i < sentence.end and words[i] in THERE_COPULAS:
            i += 1
            while i < sentence.end and words[i] in PURPOSE_ADVERBS | SPLITTING_ADVERBS:
                i += 1  # "is only there to", "is really there to"
            if i + 2 < sentence.end and words[i] == "there" and words[i + 1] == "to" \
                    and (span := _purpose_clause(doc, sentence, i + 1)) is not None:
                found.append(Candidate(span, "'there to'", end, i, needs_complaint=True))
    return found


@lru_cache(maxsize=1)
def _not_purpose_forms() -> frozenset[str]:
    return frozenset(form for verb in use_predicates().not_purpose for form in phrase_forms(verb))


SPLITTING_ADVERBS = frozenset({"actually", "finally", "really", "just", "even", "truly", "fully", "properly", "quickly",
                               "basically", "literally", "hopefully", "somehow", "better", "still"})  # "to actually sleep"
ASKING = frozenset({"ask", "asks", "asked", "asking", "invite", "invites", "invited", "inviting", "encourage", "encourages",
                    "encouraged", "urge", "urges", "urged", "want", "wants", "wanted", "beg", "begged", "told", "tell",
                    "tells", "need", "needs", "needed", "challenge", "challenged", "remind", "reminded"})
RELATIVE_AUXILIARIES = frozenset({"'ve", "’ve", "have", "has", "had", "'d", "’d", "ever", "already", "once", "currently"})
ASKED_REACH = 4  # words from the asking verb to the relative pronoun ("asked all our readers who")


def _asked_to(words: list[str], start: int, verb: int) -> bool:
    """True when the purpose verb sits in a relative clause whose person was asked to do what
    follows: 'we asked readers who've taken it to tell us how it went', 'I urge anyone who
    uses it to get their liver checked': the 'to' belongs to the asking, not to the taking
    (unless a second 'to' follows: 'urge anyone who uses it to sleep to see a doctor')."""
    i = verb - 1
    while i >= start and words[i] in RELATIVE_AUXILIARIES:
        i -= 1
    if i < start or words[i] not in ("who", "that"):
        return False
    return any(words[j] in ASKING for j in range(max(start, i - ASKED_REACH), i))


@lru_cache(maxsize=1)
def _phrasal_purpose_verbs() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The purpose verbs of more than one word by their last word: 'on' -> ('rely',), ('is',), ..."""
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for form in purpose_forms():
        *before, last = form.split()
        if before:
            by_last.setdefault(last, []).append(tuple(before))
    return {last: tuple(befores) for last, befores in by_last.items()}


def _phrasal_purpose_ends(words: list[str], i: int, start: int) -> bool:
    """True when a purpose verb of several words ends at word `i` ('relies on', "she's on"),
    past one adverb before its last word ("I'm partly on this to lose weight")."""
    end = i - 1 if i - 1 >= start and (words[i - 1] in SPLITTING_ADVERBS or words[i - 1] in PURPOSE_ADVERBS) else i
    return any(end - len(before) >= start and tuple(words[end - len(before):end]) == before
               for before in _phrasal_purpose_verbs().get(words[i], ()))


PURPOSE_ADVERBS = frozenset({"partly", "mostly", "mainly", "only", "also", "now", "originally", "purely", "solely",
                             "simply", "strictly"})  # "I'm partly on it to"


def _counted_object(doc: Doc, sentence: Span, j: int, verb: int) -> bool:
    """A count right after the purpose verb that stands for units of the drug: 'take two so I
    can fall asleep', 'pop 2 tablets to stay awake' (not 'take 2 minutes to relax')."""
    return j == verb + 1 and doc[j].like_num and j + 1 < sentence.end \
        and (doc[j + 1].lower_ in COUNT_FOLLOWERS or doc[j + 1].lower_ in DOSE_FORMS)


VERB_PARTICLES = frozenset({"down", "back", "up", "out", "off", "away"})  # "bring down a fever", "fight off a cold"
COUNT_FOLLOWERS = frozenset({"to", "so", "at", "before", "after", "every", "each"})  # "take two at bedtime so ..."


SO_SUBJECTS = frozenset({"i", "he", "she", "we", "they", "you"})
SO_POSSESSIVES = frozenset({"my", "his", "her", "their", "our", "your"})
SO_PERSONS = frozenset({"person", "son", "daughter", "kid", "kids", "child", "children", "husband", "wife", "partner",
                        "mom", "dad", "mother", "father", "baby", "patient", "patients", "grandpa", "grandma"})
SO_AUXILIARIES = frozenset({"can", "could", "will", "would", "does", "do", "did", "n't", "not", "wo", "ca", "'ll", "’ll",
                            "finally", "actually", "still", "just", "really", "then", "at", "least", "never"})


def _so_clause_verb(doc: Doc, sentence: Span, so: int) -> int | None:
    """The goal verb of a purpose clause 'so (that) he can finally sleep', 'so their person
    sleeps' at token `so`, or None. A negated clause ('so you don't get ...') is advice."""
    words, i = lowered(doc), so + 1
    if i < sentence.end and words[i] == "that":
        i += 1
    if i < sentence.end and words[i] in SO_SUBJECTS:
        i += 1
    elif i + 1 < sentence.end and words[i] in SO_POSSESSIVES and words[i + 1] in SO_PERSONS:
        i += 2  # "so their person sleeps", not "so his depression would lift"
    else:
        return None
    while i < sentence.end and words[i] in SO_AUXILIARIES:
        if words[i] in ("n't", "not", "never"):
            return None  # "so you don't get an upset stomach": advice on taking it
        i += 1
    if i + 1 < sentence.end and words[i] in ("keep", "keeps") and words[i + 1] in WATCHING:
        return None  # "so they can keep an eye on you", "so we can keep track": watching, no goal of the drug
    return i if i < sentence.end and words[i] in _goal_verb_forms() else None


WATCHING = frozenset({"an", "tabs", "track", "watch"})  # "keep an eye on", "keep tabs on", "keep track of"


WAY_NOUNS = frozenset({"way", "ways", "means", "shortcut", "trick"})
NOUN_PHRASE_OPENERS = frozenset({"a", "an", "the", "my", "his", "her", "their", "our", "your", "one", "another"})
WAY_REACH = 6  # words from the drug to 'way' ("it a popular and cheap way to")
WAY_COPULAS = frozenset({"is", "'s", "’s", "was", "are", "were", "be", "been", "as", "remains", "become", "becomes",
                         "became"})
WAY_ADVERBS = frozenset({"also", "really", "basically", "just", "honestly", "still", "often", "now", "simply", "truly",
                         "literally", "actually", "totally"})


MEDICINE_OBJECT_REACH = 3  # words from the goal verb to the medicine it moves ("to get the medicine deep ...")


def _delivers_the_medicine(doc: Doc, sentence: Span, verb: int) -> bool:
    """True when the goal verb's object is the medicine itself ('to get the medicine deep into
    the lungs', 'to release the nicotine', 'to spread the gel evenly'): a step of taking it."""
    words = lowered(doc)
    for k in range(verb + 1, min(sentence.end, verb + 1 + MEDICINE_OBJECT_REACH)):
        if words[k] in DELIVERED and words[k - 1] in MEDICINE_DETERMINERS:
            return True
        if doc[k].is_punct:
            return False
    return False


DELIVERED = DOSE_FORMS | MEDICINE_NOUNS | {"gel", "cream", "spray", "mist", "nicotine", "drops", "patch", "ointment"}
MEDICINE_DETERMINERS = frozenset({"the", "this", "that", "your", "each", "every"})
PURPOSE_LINKS = frozenset({"to", "so"})  # the words a purpose clause opens with
HOW_SUBJECTS = frozenset({"i", "we", "she", "he", "they", "you", "people", "patients", "my", "her", "his", "our"})


def how_candidates(doc: Doc, sentence: Span, drug_spans: list[Span]) -> list[Candidate]:
    """'It is how I sleep through a Tokyo layover', 'Adderall was how she got through finals':
    the drug (or a word for it) is how someone reaches a goal; the goal verb's phrase."""
    words, found = lowered(doc), []
    if "how" not in words[sentence.start:sentence.end]:
        return []
    ends = {d.end for d in drug_spans} | {i + 1 for i in range(sentence.start, sentence.end) if words[i] == "it"}
    for end in sorted(ends):  # not "this is how I stay out of the hospital": "this" is the routine, not the drug
        j = end
        while j < min(sentence.end, end + 2) and words[j] in WAY_ADVERBS:
            j += 1
        if j >= sentence.end or words[j] not in WAY_COPULAS:
            continue
        how = j + 1
        while how < min(sentence.end, j + 3) and words[how] in WAY_ADVERBS:
            how += 1  # "Contrave is literally how I quit vaping"
        if how + 2 >= sentence.end or words[how] != "how" or words[how + 1] not in HOW_SUBJECTS:
            continue
        verb = next((k for k in range(how + 2, min(sentence.end, how + 4)) if words[k] in _goal_verb_forms()), None)
        if verb is not None:  # "how I sleep", "how my mom keeps"
            span = _phrase_after(doc, verb, sentence.end, keep_for=True)
            if span is not None:
                found.append(Candidate(span, f"'{doc[j].text} how'", end, j, needs_complaint=False))
    return found


@lru_cache(maxsize=1)
def _goal_verb_forms() -> frozenset[str]:
    """Every form of every goal verb ('got', 'sleeps', 'lost')."""
    return frozenset(form for verb in concepts().goal_verbs for form in phrase_forms(verb))


# Words that may stand between a drug and the 'for' of its use: times, durations, adverbs.
FILLERS = frozenset({"at", "night", "bedtime", "in", "the", "morning", "evening", "every", "each", "day", "daily",
                     "for", "months", "weeks", "years", "days", "nights", "ages",  # "on it for months for"
                     "last", "ago", "since", "week", "month", "year", "spring", "summer", "fall", "autumn", "winter",
                     "recently", "yesterday", "before", "after", "during", "alongside", "a", "few", "couple", "of",
                     "mainly", "just", "only", "also", "mostly", "partly", "now", "still", "too", "precisely",
                     "ton", "tons", "bunch", "often", "frequently", "usually", "always", "occasionally",
                     # "we use it a ton for generalized anxiety", "takes it often for"
                     "exactly", "purely", "largely", "specifically", "especially", "simply",
                     "by", "itself", "alone", "mouth", "out",  # "took Provera by itself for", "hand it out for"
                     "prn", "as", "needed",  # "quetiapine 50 mg PRN for insomnia", "taken as needed for"
                     "mg", "mcg", "milligrams", "milligram", "micrograms", "ml",  # "taken flexeril 10mg for her fibro"
                     "around", "handy", "nearby", "stashed", "tucked", "away", "spare",  # "keeps a strip around for",
                     # "keeps some handy for", "keep a capsule stashed for"
                     "most", "some", "many", "several", "other",  # "take one most mornings for"
                     "mornings", "evenings", "afternoons", "weekends", "weekdays",
                     "once", "twice", "times", "per", "hour", "hours",  # "taking it once a week for", "every 6 hours for"
                     "all", "time", "lot", "regularly", "routinely", "sometimes",  # "use the tablets all the time for",
                     # "prescribe it a lot for"
                     "long", "short", "term",  # "put me on it long-term for"
                     "am", "pm", "a.m.", "p.m.", "o'clock",  # "crush half into her applesauce around 8pm for"
                     "under", "tongue", "cheek", "skin", "thigh", "arm", "belly", "nostril", "sublingually",
                     "topically", "rectally", "vaginally", "subcutaneously", "intramuscularly"})  # "give 0.5 mg under
# the tongue for her nausea": the route between the dose and its use
FILLER_REACH = 5  # words between a drug and the 'for' of its use ("started warfarin two weeks ago for")


NOT_ONLY = frozenset({"just", "only", "merely", "simply", "solely"})


def not_only_for(doc: Doc, sentence: Span, but_index: int) -> int | None:
    """The 'for' of 'not only for' (or 'not just for') earlier in the sentence that a 'but
    (also) for' at `but_index` answers, or None."""
    words = lowered(doc)
    for i in range(but_index - 1, sentence.start + 1, -1):
        if words[i] == "for" and words[i - 1] in NOT_ONLY and words[i - 2] in ("not", "n't"):
            return i
    return None


def for_candidates(doc: Doc, sentence: Span, drug_spans: list[Span]) -> list[Candidate]:
    """'Cialis for a better pump', 'takes the tablets for faster recovery': what follows 'for'
    after the drug's name or a word for it (past one dose-form word and the times between,
    'every night for'), when it names a complaint or goal the lexicon does not know."""
    words, found = lowered(doc), []
    if "for" not in words[sentence.start:sentence.end]:
        return []
    ends = {d.end for d in drug_spans} | {i + 1 for i in range(sentence.start, sentence.end) if refers_to_drug(doc, i)}
    ends |= {i + 1 for i in range(sentence.start, sentence.end)
             if words[i] == "but" and not_only_for(doc, sentence, i) is not None}  # "not just for X but also for Y"
    for end in sorted(ends):
        j = end + 1 if end < sentence.end and words[end] in DOSE_FORMS else end
        if words[j:j + 2] in (["to", "use"], ["to", "take"]):
            j += 2  # "gave me gabapentin to use for my hiccups"
        reach = j + FILLER_REACH
        while j < min(reach, sentence.end) and words[j] != "for" and (words[j] in FILLERS or doc[j].like_num
                                                                       or inner_hyphen(doc, j)):
            j += 1  # "uses Flonase two times a day for his snoring"
        if j + 1 < sentence.end and words[j] == "for":
            span = _goal_after(doc, j + 1, sentence.end)
            if span is not None:  # one goal noun needs no complaint word: "metformin for longevity"
                goal = len(span) == 1 and span[0].lower_ in concepts().goal_nouns or _comparative_gerund(span)
                found.append(Candidate(span, "'for'", j, j, needs_complaint=not goal))
    return found


def inner_hyphen(doc: Doc, i: int) -> bool:
    """True when token i is the hyphen inside a compound written with no spaces ('long-term')."""
    return doc[i].text == "-" and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and doc[i - 1].is_alpha and doc[i + 1].is_alpha


def _comparative_gerund(span: Span) -> bool:
    """'for recovering faster between sets', 'for running longer': a goal verb's '-ing' form
    with a comparative after it names a goal, as 'for faster recovery' does."""
    return len(span) > 1 and span[0].lower_.endswith("ing") and span[0].lower_ in _goal_verb_forms() \
        and span[0].lower_ not in RELIEF_GERUNDS and span[1].lower_ in concepts().goal_comparatives


RELIEF_GERUNDS = frozenset({"feeling", "getting", "doing"})  # "for feeling better": relief of what was named, no goal


TIME_UNITS = frozenset({"minute", "minutes", "hour", "hours", "day", "days", "night", "nights", "week", "weeks", "month",
                        "months", "year", "years", "decade", "decades", "while", "now", "life", "ages", "season"})
DURATION_WORDS = frozenset({"the", "a", "an", "first", "next", "last", "past", "few", "couple", "of", "several", "many",
                            "some", "whole", "entire", "rest", "my", "your", "his", "her", "their", "our", "coming",
                            "one", "two", "three", "four", "five", "six", "ten", "twelve", "more", "long", "short",
                            "that", "this", "each", "every"})


def _duration_at(doc: Doc, start: int, limit: int) -> bool:
    """True when the words at `start` only say how long ('the first few months', '2 weeks', 'a
    while', 'the rest of that year'): 'a shield for the first few months' names no use."""
    for i in range(start, min(limit, start + DURATION_REACH)):
        word = doc[i].lower_
        if word in TIME_UNITS:
            return True
        if not (word in DURATION_WORDS or word.isdigit()):
            return False
    return False


DURATION_REACH = 7  # words a duration may take ("the rest of my first year")


def _goal_after(doc: Doc, start: int, limit: int) -> Span | None:
    """The phrase at `start` (_phrase_after), or a comparative goal there ('a better pump',
    'faster recovery'), whose comparative would otherwise stop the phrase."""
    i = start
    while i < limit and doc[i].lower_ in OPENERS:
        i += 1
    if i < limit and doc[i].lower_ in concepts().goal_comparatives:
        rest = _phrase_after(doc, i + 1, limit)
        return doc[i:rest.end] if rest is not None and rest.start == i + 1 else None
    if i + 1 < limit and _comparative_gerund(doc[i:i + 2]):
        rest = _phrase_after(doc, i + 2, limit)
        return doc[i:rest.end] if rest is not None and rest.start == i + 2 else doc[i:i + 2]
    return None if _duration_at(doc, i, limit) else _phrase_after(doc, start, limit)


def way_candidates(doc: Doc, sentence: Span, drug_spans: list[Span]) -> list[Candidate]:
    """'Some men find it a popular way to last longer in bed', 'Nurses call it a good way to
    sleep through the first nights': a noun phrase 'a ... way to' said of the drug (its name
    or a word standing for it a few words before), whose goal verb phrase is the use."""
    vocabulary, words = concepts(), lowered(doc)
    if "to" not in words[sentence.start:sentence.end]:
        return []
    drug_ends = {d.end - 1 for d in drug_spans}
    found = []
    for i in range(sentence.start + 1, sentence.end - 2):
        if words[i] not in WAY_NOUNS or words[i + 1] != "to":
            continue
        opener = next((j for j in range(i - 1, max(sentence.start, i - WAY_REACH) - 1, -1)
                       if words[j] in NOUN_PHRASE_OPENERS), None)
        if opener is None or any(doc[k].is_punct for k in range(opener, i)) or opener - 1 < sentence.start:
            continue
        j = opener - 1
        while j > sentence.start and words[j] in WAY_ADVERBS:
            j -= 1
        if words[j] in WAY_COPULAS:  # "a tablet at night is also a good way to": the drug before the copula
            j = next((k for k in range(j - 1, max(sentence.start, j - WAY_REACH) - 1, -1)
                      if k in drug_ends or refers_to_drug(doc, k) or doc[k].is_punct), sentence.start - 1)
        if j < sentence.start or doc[j].is_punct or not (j in drug_ends or refers_to_drug(doc, j)):
            continue
        if words[i + 2] not in vocabulary.goal_verbs and not _open_purpose_verb(doc, sentence, i + 2):
            continue
        span = _phrase_after(doc, i + 2, sentence.end, keep_for=True)
        if span is not None:
            found.append(Candidate(span, f"'{doc[i].text} to'", opener, i))
    return found


NICKNAME_REACH = 6  # words from the opener ("the", "her") to the nickname's head
POSSESSIVE_OPENERS = frozenset({"my", "his", "her", "their", "our", "your"})
MEDICINE_HEADS = frozenset({"med", "meds", "medication", "medications", "medicine", "medicines", "pill", "pills", "drug",
                            "drugs"})  # heads that say what a drug is for only by a condition before them
NAMING_VERBS = frozenset(form for verb in ("call", "consider", "dub", "nickname", "deem", "name") for form in phrase_forms(verb))
POSSESSIVE_ENDINGS = frozenset({"'s", "’s", "'", "’"})


@lru_cache(maxsize=1)
def nickname_heads() -> frozenset[str]:
    """Every form of the nouns that head a nickname saying what the drug serves ('lifesaver',
    'fix', 'breaker')."""
    vocabulary = concepts()
    heads = (*vocabulary.nickname_heads, *(agent_noun(verb) for verb in vocabulary.agent_verbs))
    return frozenset(form for head in heads for form in noun_forms(head))


@lru_cache(maxsize=1)
def nickname_descriptors() -> frozenset[str]:
    """The words of a nickname that only describe the drug ('little', 'go-to', 'morning')."""
    return frozenset(concepts().nickname_descriptors)


def nickname_candidates(doc: Doc, sentence: Span, drug_spans: list[Span]) -> list[Candidate]:
    """'Adderall is the finals-week cheat code', 'I call these tablets my flat-tummy fix',
    'his insurance policy against a wobbly voice': a nickname the text calls the drug (a
    copula or 'as' after the drug, or a naming verb before it), whose head says it serves
    a purpose (nickname_heads). The words before the head that do more than describe the
    drug (nickname_descriptors) are the use, else the phrase after 'for', 'against' or 'to'
    it ('the secret to flatter abs')."""
    words = lowered(doc)
    drug_starts = {d.end - 1: d.start for d in drug_spans}  # the last token of each name -> its first
    found = []
    for head in range(sentence.start + 2, sentence.end):
        medicine = words[head] in MEDICINE_HEADS  # 'my fibromyalgia med': only a condition before it says what for
        if not medicine and words[head] not in nickname_heads() or _goal_compound_at(words, head) \
                or _dosage_form_at(words, head):
            continue  # 'the best appetite killer' is a goal compound (goal_compounds) whole
        opener = next((j for j in range(head - 1, max(sentence.start, head - NICKNAME_REACH) - 1, -1)
                       if words[j] in NOUN_PHRASE_OPENERS), None)
        if opener is None or not _called_the_drug(doc, sentence, opener, drug_starts) \
                or words[word_before(doc, opener)] == "," and not apposition_closes(doc, sentence, head + 1):
            continue
        first = next((j + 1 for j in range(head - 1, opener, -1) if words[j] in POSSESSIVE_ENDINGS), opener + 1)
        kept = [j for j in range(first, head) if not _describes_only(doc, j) and not doc[j].is_quote
                and not (doc[j].is_punct and words[j] != "-")]
        if medicine and (words[opener] not in POSSESSIVE_OPENERS and not _said_to_be(doc, sentence, opener)
                         or not any(kept and kept[0] <= c.start and c.end <= head for c in doc.spans["conditions"])):
            continue  # 'my daily med', 'a stimulant medication' describe the drug; 'calling it the croup medicine'
            # is what people call it, not what it is said to be ('it's basically a tic medicine too')
        if kept and words[kept[0]] != "-" and words[kept[-1]] != "-":
            found.append(Candidate(doc[kept[0]:kept[-1] + 1], f"'{doc[head].text}' (the drug called one)", opener, head,
                                   object_only=True))
        elif not kept and head + 2 < sentence.end and words[head + 1] in ("for", "against", "to"):
            span = _goal_after(doc, head + 2, sentence.end)
            if span is not None:
                found.append(Candidate(span, f"'{doc[head].text} {doc[head + 1].text}'", opener, head))
    return found


def word_before(doc: Doc, index: int) -> int:
    """The index of the token before `index`, past the blanks where markup stood."""
    index -= 1
    while index > 0 and is_markup(doc[index]):
        index -= 1
    return index


def apposition_closes(doc: Doc, sentence: Span, after: int) -> bool:
    """True when a phrase ending before token `after` closes an apposition: a comma or dash
    that no 'and' or 'or' follows, or the end of the sentence ('I packed Zofran, a hangover
    cure and water' is a list)."""
    words, end = lowered(doc), sentence.end
    while after < end and is_markup(doc[after]):
        after += 1  # markup, or the blanks where it stood ("breaker** for")
    if after >= end or doc[after].is_punct and after + 1 >= end:
        return True
    if words[after] == "for":
        return True  # "Robaxin, a great tension-headache breaker for those who carry stress"
    return words[after] in (",", "—", "–", ")") and (after + 1 >= end or words[after + 1] not in ("and", "or"))


def _goal_compound_at(words: list[str], head: int) -> bool:
    """True when the word before a goal head is a goal or complaint noun ('appetite killer')."""
    vocabulary = concepts()
    return words[head] in goal_heads() and (words[head - 1] in vocabulary.goal_nouns
                                            or words[head - 1] in vocabulary.complaint_words)


GRADING = frozenset({"most", "more", "least", "very", "really", "truly", "super", "so", "extremely", "incredibly",
                     "highly", "insanely", "seriously"})  # "the most effective fix": a grade and the word it grades


def _describes_only(doc: Doc, index: int) -> bool:
    """True when the word only describes the drug ('little', 'morning', a grading word and the
    word it grades: 'the most effective fix'), unless a hyphen joins it to its neighbour
    ('red-carpet', 'all-nighter')."""
    hyphened = index + 1 < len(doc) and doc[index + 1].text == "-" and not doc[index].whitespace_ \
        or index > 0 and doc[index - 1].text == "-" and not doc[index - 1].whitespace_
    graded = doc[index].lower_ in GRADING or index > 0 and doc[index - 1].lower_ in GRADING
    return (doc[index].lower_ in nickname_descriptors() or graded) and not hyphened


def _called_the_drug(doc: Doc, sentence: Span, opener: int, drug_starts: dict[int, int]) -> bool:
    """True when the noun phrase that starts at `opener` is said of the drug: a copula or 'as'
    before it (past adverbs) with the drug a few words before that ('Xanax is basically
    the ...', 'it doubles as a ...'), or a naming verb, then the drug ('calls it her ...',
    'calling these Norco tablets my ...')."""
    words = lowered(doc)
    j = opener - 1
    while j > sentence.start and (words[j] in WAY_ADVERBS or is_markup(doc[j])):
        j -= 1
    if words[j] == "," and j - 1 in drug_starts:
        return True  # "Robaxin, a great tension-headache breaker,": an apposition
    if words[j] in WAY_COPULAS:
        if j > sentence.start and words[j - 1] in ("there", "here"):
            return False  # "it's why there's a REMS program": an existential 'there is' calls nothing a name
        return any(k in drug_starts or refers_to_drug(doc, k)
                   for k in range(j - 1, max(sentence.start, j - WAY_REACH) - 1, -1)
                   if not any(doc[m].is_punct for m in range(k, j)))
    return called_by_name(doc, sentence, opener, drug_starts)


def _said_to_be(doc: Doc, sentence: Span, opener: int) -> bool:
    """True when a copula (past adverbs) stands right before the noun phrase that starts at
    `opener`: 'it's basically a tic medicine', not 'people calling it the croup medicine'."""
    words = lowered(doc)
    j = opener - 1
    while j > sentence.start and (words[j] in WAY_ADVERBS or is_markup(doc[j])):
        j -= 1
    return words[j] in WAY_COPULAS


def called_by_name(doc: Doc, sentence: Span, opener: int, drug_starts: dict[int, int]) -> bool:
    """True when a naming verb, then the drug, come right before the noun phrase that starts
    at `opener`: 'calls it her ...', 'I consider Xanax my ...', 'calling these Norco tablets my ...'.
    `drug_starts` maps the last token of each drug name to its first."""
    words = lowered(doc)
    j = opener - 1
    if j > sentence.start and words[j] in DOSE_FORMS:
        j -= 1
    if j < sentence.start or not (j in drug_starts or refers_to_drug(doc, j)):
        return False
    named_from = drug_starts.get(j, j)
    while named_from - 1 > sentence.start and words[named_from - 1] in nickname_descriptors():
        named_from -= 1  # "calls these little Benadryl tablets my ..."
    return named_from - 1 >= sentence.start and words[named_from - 1] in NAMING_VERBS \
        or named_from - 2 >= sentence.start and words[named_from - 2] in NAMING_VERBS \
        and words[named_from - 1] in NOUN_PHRASE_OPENERS | {"these", "those"}


def _open_purpose_verb(doc: Doc, sentence: Span, index: int) -> bool:
    """True when the word after 'to' is a verb the parser read as one ('to dry up a head
    cold', 'to get her PCOS under control'), other than the verbs of taking advice ('to
    work', 'to avoid an upset stomach'), which present no use."""
    parsed = (doc._.syntax or {}).get(sentence.start)
    if parsed is None or doc[index].lower_ in NOT_PURPOSE:
        return False
    return parsed[index - sentence.start].pos_ == "VERB"


def goal_compounds(doc: Doc, sentence: Span) -> list[Candidate]:
    """'the best sleeping pill', 'a weight-loss hack', 'a study drug', 'an appetite killer': a
    goal or complaint noun before a head such as pill, aid or hack."""
    vocabulary, words = concepts(), lowered(doc)
    found = []
    for i in range(sentence.start + 1, sentence.end):
        if words[i] not in goal_heads() or _dosage_form_at(words, i):
            continue
        j = i
        while j > sentence.start:
            if words[j - 3:j - 1] == ["anti", "-"] and doc[j - 1].is_alpha and not words[j - 1].endswith(CLASS_ENDINGS):
                j -= 3  # "anti-wrinkle pill", "anti-aging pill": what an anti- word is against is a goal
            elif words[j - 1] in vocabulary.goal_nouns or words[j - 1] == "-" and not _spaced_dash(doc, j - 1) \
                    or words[j - 1] in vocabulary.complaint_words \
                    or f"{words[j - 2]}-{words[j - 1]}" in vocabulary.goal_nouns:
                j -= 1
            else:
                break
        if j < i and not _listed_with_drugs(doc, sentence, j, i + 1) and not _other_medicines(doc, sentence, j, i):
            found.append(Candidate(doc[j:i + 1], f"'{doc[i].text}'", j, j))
    return found


ROUTES = frozenset({"oral", "topical", "ophthalmic", "otic", "nasal", "injectable", "intravenous", "rectal", "buccal",
                    "sublingual", "transdermal", "vaginal", "saline", "liquid"})


def _dosage_form_at(words: list[str], head: int) -> bool:
    """'an oral solution', 'a topical solution': a route before the head names a dosage form, no goal."""
    return words[head - 1] in ROUTES


def _spaced_dash(doc: Doc, index: int) -> bool:
    """True when the '-' at `index` stands apart ('20 pounds - insurance permitting'): a dash, not
    the hyphen of a compound ('weight-loss hack')."""
    return bool(doc[index].whitespace_) or index > 0 and bool(doc[index - 1].whitespace_)


PLURAL_MEDICINES = frozenset({"meds", "pills", "drugs", "medications", "medicines", "aids", "tablets"})
CLASS_DETERMINERS = frozenset({"your", "my", "his", "her", "their", "our", "any", "no", "some", "the"})
ALONGSIDE = frozenset({"with", "and", "or", "nor", "plus", "mix", "mixing", "combine", "combining", "alongside"})
# (not "than other sleep aids", "like most sleep aids": the drug counted as one)


def _other_medicines(doc: Doc, sentence: Span, start: int, head: int) -> bool:
    """True when a plural goal compound names other medicines the drug is mixed or listed with
    ('don't mix it with booze or your sleep meds', 'Xanax and your sleep meds don't mix'), not
    what the drug is for."""
    if doc[head].lower_ not in PLURAL_MEDICINES:
        return False
    before = start - 1
    while before > sentence.start and doc[before].lower_ in CLASS_DETERMINERS:
        before -= 1
    return before >= sentence.start and doc[before].lower_ in ALONGSIDE


def _listed_with_drugs(doc: Doc, sentence: Span, start: int, end: int) -> bool:
    """True when a compound stands in a list of drugs ('mixed with benzos like Xanax or
    Valium, sleep meds, or alcohol'): a class of drugs, not a use."""
    names = doc.spans["drugs"]
    before = start - 1
    after = end + 1 if end < sentence.end and doc[end].text == "," else end
    if after < sentence.end and doc[after].lower_ in ("or", "and"):
        after += 1
    return before > sentence.start and doc[before].text == "," \
        and any(name.end == before for name in names) \
        or any(name.start == after for name in names) and after > end


def listed_candidates(doc: Doc, sentence: Span, reason: str) -> list[Candidate]:
    """The leading words of a list item or labeled line that presents uses ("Laser focus
    for finals week", "stubborn belly fat"), when they name a complaint or goal."""
    vocabulary = concepts()
    span = _phrase_after(doc, sentence.start, sentence.end, keep_for=True)
    if span is None or not _is_complaint([t.lower_ for t in span], vocabulary):
        return []
    return [Candidate(span, reason, sentence.end, span.start)]


@lru_cache(maxsize=1)
def _improvements() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each improvement phrase by its first word, with the words that must follow it ('go':
    ('away',) for 'go away'; 'lift': () for 'lift')."""
    table: dict[str, tuple[tuple[str, ...], ...]] = {}
    for phrase in use_predicates().improvements:
        first, *rest = phrase.split()
        table[first] = (*table.get(first, ()), tuple(rest))
    return table


def _improves(parsed: Doc, token: Token) -> bool:
    """True when a token is an improvement word, with the rest of its phrase after it ('went
    away', not 'went from monthly to twice a year')."""
    for first in (token.lemma_.lower(), token.lower_):
        for rest in _improvements().get(first, ()):
            if [t.lower_ for t in parsed[token.i + 1:token.i + 1 + len(rest)]] == list(rest):
                return True
    return False


STOPPING = frozenset({"stop", "stopped", "stopping", "quit", "quitting", "discontinued", "discontinuing", "off"})
BEFORE_STOPPED = frozenset({"taking", "using", "the", "my", "her", "his", "of", "coming", "came"})  # "stopped taking it"


def stops_drug(doc: Doc, sentence: Span) -> bool:
    """True when the sentence stops or comes off a drug ('after I stopped lisinopril', 'since
    coming off it')."""
    drugs = {span.start for span in doc.spans.get("drugs", ()) if sentence.start <= span.start < sentence.end}
    for i in range(sentence.start, sentence.end):
        if doc[i].lower_ in STOPPING:
            j = i + 1
            while j < min(i + 4, sentence.end) and doc[j].lower_ in BEFORE_STOPPED:
                j += 1
            if j < sentence.end and (j in drugs or doc[j].lower_ in ("it", "them")):
                return True
    return False



def testimony_subjects(doc: Doc, sentence: Span) -> list[Candidate]:
    """'my ADHD brain fog has lifted', 'my PCOS cycles are finally regular', 'his tics calmed
    down': in a sentence the parser read (lint/nlp/syntax.py), the subject of an improvement
    word is presented as a use of the drug the sentence names. A negated improvement ('has
    not lifted') presents nothing."""
    parsed = (doc._.syntax or {}).get(sentence.start)
    if parsed is None or stops_drug(doc, sentence):
        return []  # "my cough finally quit after I stopped lisinopril": stopping the drug helped
    if SETTLING_IN.search(sentence.text):
        return []  # "my nausea went away after the first week on Zoloft": a side effect that faded
    found = []
    for token in parsed:
        if not _improves(parsed, token):
            continue
        if any(child.dep_ == "advmod" and child.lower_ in ("not", "n't", "never") for child in token.children):
            continue
        subjects = [c for c in token.children if c.dep_.startswith("nsubj")]
        if not subjects and token.dep_ == "acl" and token.head.i < token.i:  # "My son's tics quieted down ...",
            subjects = [token.head]  # read as a noun with a clause after it: the noun is what quieted
        if not subjects and (owned := _owned_phrase_before(parsed, token.i)) is not None:
            start, end = sentence.start + owned[0], sentence.start + owned[1]  # the parser missed the subject
            if any(start <= c.start and c.end <= end for c in doc.spans["conditions"]):  # ("and her OCD pretty
                found.append(Candidate(doc[start:end], f"'{token.text}' (testimony)", sentence.end,  # much
                                       token.i + sentence.start))  # vanished"): a condition the lexicon knows
            continue
        for subject in subjects:
            words = [w for w in subject.subtree if w.i < token.i]
            while len(words) > 1 and words[0].is_punct:  # ", the hives on my arms": the words, not the comma
                words = words[1:]
            if not words:
                continue  # a subject the parser put after its verb ("What stopped my migraines was propranolol")
            start, end = sentence.start + words[0].i, sentence.start + words[-1].i + 1
            found.append(Candidate(doc[start:end], f"'{token.text}' (testimony)", sentence.end, token.i + sentence.start))
    return found


SETTLING_IN = re.compile(r"\b(?:(?:the|my|his|her|their) first (?:few |couple(?: of)? )?(?:days?|weeks?|month)"
                         r"|(?:body|system|brain) (?:has |had )?(?:adjusted|adapted|got used)|got used to (?:it|the)"
                         r"|(?:wore|wears|wearing) off)\b", re.I)  # a side effect fading as the body settles in
POSSESSIVES = frozenset({"my", "his", "her", "their", "our", "your"})
DEGREE_BEFORE_VERB = frozenset({"pretty", "much", "totally", "completely", "just", "basically", "finally", "kinda",
                                "all", "almost", "nearly", "really", "literally", "have", "has", "had", "were", "was"})
OWNED_REACH = 5  # words from a possessive to the verb of improvement ("her IBS flare - ups")


def _owned_phrase_before(parsed: Doc, verb: int) -> tuple[int, int] | None:
    """(start, end) of 'her OCD' ending right before an improvement verb, past degree words
    ('her OCD rituals pretty much vanished'): the owner's complaint is the subject."""
    end = verb
    while end > 0 and parsed[end - 1].lower_ in DEGREE_BEFORE_VERB:
        end -= 1
    for start in range(end - 1, max(-1, end - 1 - OWNED_REACH), -1):
        if parsed[start].lower_ in POSSESSIVES:
            return (start + 1, end) if start + 1 < end else None
        if not parsed[start].is_alpha and parsed[start].text != "-":
            return None
    return None


FACT_SENTENCES = re.compile(r"(?<=[.;])\s+")
LIMITING = re.compile(r"\b(?:not|never|no)\b|\bexcept\b|\bonly\b", re.I)  # "Not for ...", "is not indicated in ...", "only
# with olanzapine": a limit of the use, whose words label nothing


def labeled_vocabulary(profile: Profile, reference: Reference, products: frozenset[str] = frozenset()) -> frozenset[str]:
    """The content words of every labeled indication of a drug (of one of `products` when
    given: Ozempic's words are not Wegovy's) (lexicon terms of its conditions and their
    kinds, its own terms, and its label fact without the sentences that limit it: "Not for
    suppressing benign thyroid nodules" labels no nodules), cut to their first five letters."""
    words = set()
    for indication in profile.indications:
        if products and indication.products and not set(indication.products) & products:
            continue
        terms = [*indication.terms, *(part for part in FACT_SENTENCES.split(indication.fact) if not LIMITING.search(part))]
        for condition in reference.conditions.values():
            if any(reference.related(condition.id, c) for c in indication.conditions):
                terms += [*condition.terms, condition.name]
        words |= {w[:5] for term in terms for w in term.lower().replace("-", " ").split()
                  if w not in GENERIC and len(w) >= MIN_WORD and w.isalpha()}
    return frozenset(words)


def vague_terms(reference: Reference) -> tuple[str, ...]:
    """The terms of vague symptom conditions (anxiety, stress, feeling calm)."""
    return tuple(sorted({term.lower() for condition in reference.conditions.values() if condition.vague
                         for term in condition.terms}))


@dataclass
class LabelVocabulary:
    """What unlisted uses are judged by, for one reference: its vague terms and each drug's
    labeled words, each computed once (the reference is kept, so its id stays its own)."""

    reference: Reference
    vague: tuple[str, ...]
    labeled: dict[tuple[str, frozenset[str]], frozenset[str]]

    def words_of(self, profile: Profile, products: frozenset[str] = frozenset()) -> frozenset[str]:
        """The labeled words of one drug, or of its named products (labeled_vocabulary),
        computed on first use."""
        key = (profile.id, products)
        if key not in self.labeled:
            self.labeled[key] = labeled_vocabulary(profile, self.reference, products)
        return self.labeled[key]

    def covers(self, span: Span, profile: Profile, products: frozenset[str] = frozenset()) -> bool:
        """covered_by_label for the labeled words of the drug (or its named products) and the
        vague terms."""
        return covered_by_label(span, self.words_of(profile, products), self.vague)


_VOCABULARIES: dict[int, LabelVocabulary] = {}


def label_vocabulary(reference: Reference) -> LabelVocabulary:
    """The shared LabelVocabulary of a reference."""
    vocabulary = _VOCABULARIES.get(id(reference))
    if vocabulary is None or vocabulary.reference is not reference:
        vocabulary = _VOCABULARIES[id(reference)] = LabelVocabulary(reference, vague_terms(reference), {})
    return vocabulary


def covered_by_label(span: Span, labeled: frozenset[str], vague: tuple[str, ...]) -> bool:
    """True when the candidate's head word (its last content word) belongs to a labeled
    indication, or its head is a measure ("cholesterol numbers") of a labeled word before it,
    or it names a vague symptom or nothing but generic words ("other problems"): it is then a
    labeled use in other words, or too vague to report. "Sugar cravings" is not covered by "high blood sugar": its head is "cravings";
    the head stands before any preposition ("blood sugar in range")."""
    before_preposition = list(itertools.takewhile(lambda t: t.lower_ not in PREPOSITIONS or t.i == span.start, span))
    words = [t.lower_ for t in before_preposition if _content_word(t)]
    text = f" {span.text.lower()} "
    if any(f" {term} " in text for term in vague):
        return True
    every_word = [t.lower_ for t in span if _content_word(t)]
    if not every_word:
        return True  # "other problems", "issues": generic words name no condition to report
    if not words:
        return False
    head = words[-2] if len(words) >= 2 and words[-1] in goal_heads() else words[-1]  # "sleep aids": sleep
    if head[:5] in labeled:
        return True
    return head in MEASURES and any(w[:5] in labeled for w in every_word)


def _content_word(token) -> bool:
    """A word that may name a condition: long enough to say something, not generic; a short
    complaint word counts ("the fog"), unless a number makes it a measure ("5 lbs")."""
    if not token.is_alpha or token.lower_ in GENERIC:
        return False
    return len(token) >= MIN_WORD or token.lower_ in concepts().complaint_words \
        and not (token.i > 0 and token.doc[token.i - 1].like_num)


def not_a_use(span: Span) -> bool:
    """Withdrawal, side effects and overdose are never uses of the drug itself, nor is what it
    acts on ('blocks fat absorption'), an amount of something ('about a third of the fat'), a
    numbered thing ('That's it for episode 47'), a
    goal verb alone that says not what from ('helps you bounce back sooner'), or a fixed
    expression ('stop cold turkey': doc.spans['fixed_expressions'], set by the condition marker)."""
    text = span.text.lower()
    fixed = span.doc.spans["fixed_expressions"] if "fixed_expressions" in span.doc.spans else []
    return any(word in text for word in NOT_A_USE) or QUANTITY_OPENING.match(text) is not None \
        or _numbered_thing(span) \
        or _bare_goal(span) or _measure_dosed_by(span) or any(f.start < span.end and span.start < f.end for f in fixed) \
        or span[0].lower_ in REFERS_BACK | PERSON_OBJECTS \
        or _named_before(span)  # "do not just stop it cold", "it shortens the illness": what 'it' or 'the
    # illness' stands for was named before


GENERIC_ILLNESS = frozenset({"illness", "sickness", "disease", "condition", "infection", "bug", "symptoms", "problem",
                             "virus", "thing"})
BACK_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "your", "his", "her", "their", "its"})


def _named_before(span: Span) -> bool:
    """True when the phrase is only a general word for an illness after a definite determiner
    ('shortens the illness by a day', 'clears the infection'): it stands for one named before."""
    return len(span) == 1 and span[0].lower_ in GENERIC_ILLNESS and span.start > 0 \
        and span.doc[span.start - 1].lower_ in BACK_DETERMINERS


PERSON_OBJECTS = frozenset({"him", "her", "me", "us", "you"})
NUMBERED_CONDITIONS = frozenset({"type", "stage", "grade", "class"})  # "type 2", "stage 4": kinds of a condition, kept
AMOUNT_WORDS = frozenset({"pounds", "pound", "lbs", "lb", "kg", "kilos", "stone", "inches", "sizes", "percent", "%"})


def _numbered_thing(span: Span) -> bool:
    """True when the phrase opens with a noun and its number ('episode 47 of our podcast',
    'week 3 of the diet'), not a kind of a condition ('stage 4') nor an amount ('the last 10
    pounds of fat')."""
    return len(span) >= 2 and span[1].like_num and span[0].is_alpha and span[0].lower_ not in NUMBERED_CONDITIONS \
        and not (len(span) > 2 and span[2].lower_ in AMOUNT_WORDS)
BODY_MEASURES = frozenset({"weight", "size", "age", "height"})
DOSED_BY_REACH = 3  # tokens after "his weight" where the amount it is dosed by stands ("is 7.5 mL")


def _measure_dosed_by(span: Span) -> bool:
    """'Motrin for his weight is 7.5 mL': a body measure that an amount right after it is the dose
    for, not a goal."""
    doc = span.doc
    return len(span) == 1 and span[0].lower_ in BODY_MEASURES \
        and any(t.like_num and t.text[:1].isdigit() for t in doc[span.end:min(len(doc), span.end + DOSED_BY_REACH)])


RECOVERY_ADVERBS = frozenset({"faster", "quicker", "sooner", "better", "quickly", "fast", "back", "up", "more"})
RECOVERED_FROM = frozenset({"from", "after", "between"})  # "to recover faster after runs": from what, it says


def _bare_goal(span: Span) -> bool:
    """A goal verb alone ('helps you bounce back sooner'), with no 'from' or 'after' saying
    what from."""
    if len(span) != 1 or span.text.lower() not in _bare_goal_forms():
        return False
    doc, k = span.doc, span.end
    while k < len(doc) and doc[k].lower_ in RECOVERY_ADVERBS:
        k += 1
    return k >= len(doc) or doc[k].lower_ not in RECOVERED_FROM


@lru_cache(maxsize=1)
def _bare_goal_forms() -> frozenset[str]:
    return frozenset(form for verb in concepts().bare_goal_verbs for form in phrase_forms(verb))

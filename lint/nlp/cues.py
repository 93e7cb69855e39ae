"""Context cues (use, negation, hedge, off-label, harm, history, descriptive, terminate)
from rules/cues.yaml, and benefit predicates from rules/use_predicates.yaml (every verb form,
label `benefit`), marked as spans in doc.spans['cues'] labelled by category."""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from lint.knowledge.lexicons import CUE_CATEGORIES, cue_table, use_predicates
from lint.nlp.anaphora import OWNING_DETERMINERS
from lint.nlp.anchored_matcher import AnchoredMatcher
from lint.nlp.inflect import noun_forms, phrase_forms
from lint.nlp.lexicon import LazyPhraseMatcher
from lint.nlp.sentences import sentence_table

BENEFIT_PREPOSITIONS = ("for", "against")
NAMED_REACH = 6  # tokens after a verb of taking its drug's name may stand ("takes a couple of gabapentin if")


@Language.factory("druglint_cues")
def make_cue_matcher(nlp: Language, name: str):
    return CueMatcher(nlp)


class CueMatcher:
    """Marks cue phrases; where phrases overlap, the longest wins."""

    def __init__(self, nlp: Language):
        self.matcher = LazyPhraseMatcher(nlp, attr="LOWER")
        table = cue_table()
        for category in CUE_CATEGORIES:
            self.matcher.add(category, table.cues[category])
        self.matcher.add("benefit", sorted(benefit_phrases() - set(table.cues["use"])))
        self.inserted = AnchoredMatcher(nlp.vocab)  # "the best thing I've found for": a relative clause before 'for'
        nouns = sorted({form for noun in use_predicates().nouns for form in noun_forms(noun)})
        self.inserted.add("benefit", [[{"LOWER": {"IN": nouns}}, {"LOWER": {"IN": list(CLAUSE_SUBJECTS)}},
                                       {"LOWER": {"IN": list(CLAUSE_AUXILIARIES)}, "OP": "?"},
                                       {"LOWER": {"IN": ["ever", "yet", "personally"]}, "OP": "?"},
                                       {"LOWER": {"IN": list(CLAUSE_VERBS)}}, {"LOWER": {"IN": list(BENEFIT_PREPOSITIONS)}}]])
        self.inserted.add("benefit", [copular_complement_pattern()])
        self.inserted.add("benefit", [LETS_SOMEONE, GETS_SOMEONE_TO, WORKS_WELL_FOR, *RATED_FOR])
        self.inserted.add("separable", separable_patterns())
        self.inserted.add("use", [TOOK_IT_WHEN, *taken_whenever_patterns()])
        self.inserted.add("use_named", [[TOOK_IT_WHEN[0], {"IS_ALPHA": True}, *TOOK_IT_WHEN[2:]],
                                        *taken_whenever_patterns(named=True)])
        self.not_benefit = frozenset(use_predicates().not_benefit_words)

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        condition_starts = {span.start for span in doc.spans["conditions"]} if "conditions" in doc.spans else set()
        use_ends = {span.end for span in spans if span.label_ == "use"}
        named = {span.start for span in doc.spans["drugs"]} if "drugs" in doc.spans else set()
        for label, s, e in self.inserted(doc, sentence_table(doc), lambda _extension: []):
            if e in use_ends or label == "use_named" and not named.intersection(range(s + 1, s + NAMED_REACH)):
                continue  # "is a mainstay for": the use cue "mainstay for" governs; "took time when": no drug
            if label == "separable":  # "knocks COVID out": the verb, when what it knocks out is a condition;
                if condition_starts.intersection(range(s + 1, e - 1)):  # "knocks you out when you can't sleep": the
                    spans.append(Span(doc, s, s + 1, label="benefit"))  # whole phrase, when it works on a person
                elif all(token.lower_ in PERSON_OBJECTS for token in doc[s + 1:e - 1]) \
                        and any(token.lower_ in OCCASION_OPENERS for token in doc[e:e + OCCASION_REACH]):
                    spans.append(Span(doc, s, e, label="benefit"))
                continue
            if label in ("use", "use_named") and side_effect_advice(doc[s:e]):
                continue  # "take it with food so your stomach doesn't hurt"
            if label != "benefit" and s > 0 and (doc[s - 1].lower_ in STOPPED_BEFORE or any(
                    token.lower_ in CAUTIONS_BEFORE for token in doc[max(0, s - CAUTION_REACH):s]) or _asked_before(doc, s)):
                continue  # "stop taking it when a rash appears": the rash is a reason to stop
            spans.append(Span(doc, s, e, label="use" if label == "use_named" else label))
        doc.spans["cues"] = filter_spans([span for span in spans
                                          if not self._said_as_harm(span) and not _comparative_adjective(span)
                                          and not _for_someones_sake(span) and not _intensifying_so(span)
                                          and not _cutting_back_on(span) and not _filling_in_paperwork(span)
                                          and not _stops_a_condition(span, condition_starts, named)])
        return doc

    def _said_as_harm(self, cue: Span) -> bool:
        """A benefit noun whose phrase presents harm: 'the wrong choice for', 'the worst pill for'."""
        if cue.label_ not in ("benefit", "use"):
            return False
        for token in reversed(cue.doc[max(0, cue.start - 3):cue.start]):
            if token.is_punct or token.lower_ in MODALS:
                return False  # "Your Cipro prescription will clear up ...": the noun is the subject
            if token.lower_ in self.not_benefit:
                return True
        return False


STOPPED_THINGS = frozenset({"it", "them", "this", "that", "taking", "treatment", "meds", "med", "medication", "medicine",
                            "drug", "pills", "tablets", "dose", "doses"})
CLAUSE_VERBS_AFTER_STOPPING = frozenset({"raises", "raised", "increases", "increased", "causes", "caused", "brings",
                                         "brought", "makes", "made", "leads", "led", "means", "is", "was", "can",
                                         "could", "will", "may", "might", "puts", "put", "triggers", "triggered"})
STOPPING_REACH = 3  # words from 'stopping' to the condition it stops ("stopping a stubborn case of hiccups")


def _filling_in_paperwork(cue: Span) -> bool:
    """'fill in a mood diary', 'filled in the form': paperwork, not hair or skin filled in."""
    doc = cue.doc
    return cue.label_ in ("benefit", "use") and len(cue) == 2 and cue[1].lower_ == "in" \
        and cue[0].lower_.startswith("fill") and any(token.lower_ in PAPERWORK for token in doc[cue.end:cue.end + 4])


PAPERWORK = frozenset({"form", "forms", "diary", "diaries", "survey", "surveys", "questionnaire", "questionnaires", "log",
                       "chart", "blank", "blanks", "gaps", "details", "paperwork", "application", "box", "boxes"})


def _cutting_back_on(cue: Span) -> bool:
    """'said to cut back on alcohol', 'he had to cut down on drinking', 'Cut back on beer': a
    person takes less of something, and 'cut' is no benefit of the drug ("Flonase cuts down on
    snoring" is)."""
    doc = cue.doc
    if cue.label_ not in ("benefit", "use") or cue[0].lower_ not in CUT_FORMS \
            or [token.lower_ for token in doc[cue.start + 1:cue.start + 3]] not in (["back", "on"], ["down", "on"]):
        return False
    at = cue.start - 1
    while at > 0 and doc[at].lower_ in CUTTING_ADVERBS:
        at -= 1  # "don't just cut back", "I've already cut down"
    if at > 0 and doc[at].lower_ in AUXILIARIES_BEFORE_CUT:
        at -= 1  # "you should cut back", "I've cut back", "don't cut back" (not "Depo-Provera can cut down on seizures")
    if at > 0 and doc[at].lower_ == "to":
        return doc[at - 1].lower_ in TOLD_TO  # "said to cut back" (not "takes Topamax to cut back on beer")
    return at < 0 or doc[at].is_punct or doc[at].lower_ in PERSON_CUTTING


CUT_FORMS = frozenset({"cut", "cuts", "cutting"})
CUTTING_ADVERBS = frozenset({"just", "already", "finally", "also", "really", "even", "slowly", "gradually"})
PERFECT_OR_NEGATED = frozenset({"'ve", "have", "has", "had", "n't", "not", "never", "'m", "am", "is", "are", "was",
                                "were"})  # "I've cut back", "don't cut back", "I'm cutting down"
PERSON_CUTTING = frozenset({"i", "you", "he", "she", "we", "they", "do", "does", "did", "ca", "wo"})  # "we cut back":
# the person cuts ("helps me cut back on" keeps its benefit verb, "helps")
TOLD_TO = frozenset({"said", "says", "say", "told", "tells", "me", "him", "her", "us", "you", "them", "have", "has",
                     "had", "need", "needs", "needed", "try", "tries", "tried", "trying", "want", "wants", "wanted",
                     "advised", "asked", "urged", "going", "able", "decided", "plan", "planning"})


def _stops_a_condition(cue: Span, condition_starts: set[int], drug_starts: set[int]) -> bool:
    """A harm cue 'stopping' whose object is a condition, not the drug: 'great for stopping
    the hiccups' stops the complaint (the benefit reading of 'stop' then stands)."""
    if cue.label_ != "harm" or cue.text.lower() != "stopping":
        return False
    doc = cue.doc
    for i in range(cue.end, min(cue.end + STOPPING_REACH + 1, len(doc))):
        if i in condition_starts:
            return True
        if not doc[i].is_alpha or doc[i].lower_ in STOPPED_THINGS or doc[i].lower_ in CLAUSE_VERBS_AFTER_STOPPING \
                or i in drug_starts:
            return False  # "stopping it", "stopping Zoloft suddenly": the drug is stopped; "stopping early raises
            # the stroke risk": stopping is the subject of another verb
    return False


def _comparative_adjective(cue: Span) -> bool:
    """A benefit verb that is a comparative after a determiner, describing a noun: 'a lower chance
    of stomach trouble', 'the lower doses' say nothing is lowered."""
    return cue.label_ == "benefit" and len(cue) == 1 and cue.text.lower().endswith("er") and cue.start > 0 \
        and cue.doc[cue.start - 1].lower_ in DETERMINERS


def _for_someones_sake(cue: Span) -> bool:
    """'for Annette's benefit', 'for your benefit', 'for the benefit of': for whose sake something
    is said or done, no benefit of the drug."""
    if cue.text.lower() not in ("benefit", "benefits"):
        return False
    doc, before = cue.doc, cue.start - 1
    if before >= 0 and doc[before].lower_ == "the" and cue.end < len(doc) and doc[cue.end].lower_ == "of":
        return before >= 1 and doc[before - 1].lower_ == "for"  # "for the benefit of the nurses"
    if before >= 0 and doc[before].lower_ in ("'s", "’s", "'", "’"):
        before -= 2  # "Annette 's": past the name
    elif before >= 0 and doc[before].lower_ in OWNERS:
        before -= 1
    else:
        return False
    return before >= 0 and doc[before].lower_ == "for"


OWNERS = OWNING_DETERMINERS - {"the"}  # "for your benefit"
MODALS = frozenset({"will", "would", "can", "could", "should", "may", "might", "must", "does", "did", "do"})
AUXILIARIES_BEFORE_CUT = MODALS | PERFECT_OR_NEGATED  # "you should cut back", "I've cut back", "don't cut back"
BE_FORMS = frozenset({"is", "'s", "’s", "was", "are", "were", "be", "been", "becomes", "became", "remains"})
COPULAR_ADVERBS = frozenset({"basically", "really", "honestly", "truly", "simply", "just", "now", "also", "still",
                             "definitely", "literally", "seriously", "officially", "essentially", "pretty", "much"})
DETERMINERS = frozenset({"a", "an", "the", "my", "his", "her", "their", "our", "your", "its", "one"})
MAX_COMPLEMENT_WORDS = 6
WORD_OR_HYPHEN = r"\w|^-$"  # a word of the noun phrase, or the hyphen inside one ("an add-on for")


PARTICLES = ("out", "up", "down", "away", "off")
OCCASION_OPENERS = frozenset({"when", "whenever", "if", "after", "during"})  # "knocks you out when you can't sleep": the
OCCASION_REACH = 5  # occasion a phrasal benefit verb on a person is for, this many tokens after its particle at most
# ("knocks me out - I actually sleep through the night" tells an effect; "knocked me out cold", a state)
OBJECT_STOPS = ["and", "but", "or", "to", "for", "with", "if", "when", "because", "so", "than", "then", "it", "them"]


INTENSIFIED = frozenset({"much", "many", "well", "fast", "quickly", "quick", "good", "great", "far", "bad", "badly",
                         "nicely", "hard"})  # "helps so much when": how much, not a clause "so" opens


def _intensifying_so(cue: Span) -> bool:
    """A 'so' that intensifies the word after it ("helps so much when I'm stressed") ends no clause,
    unless a result clause follows ("helped so much that my insomnia went away")."""
    doc = cue.doc
    return cue.label_ == "terminate" and cue.text.lower() == "so" and cue.end < len(doc) \
        and doc[cue.end].lower_ in INTENSIFIED and (cue.end + 1 >= len(doc) or doc[cue.end + 1].lower_ != "that")


def separable_patterns() -> list[list[dict]]:
    """A benefit verb with its particle after its object: 'knocks COVID out', 'cleared my
    acne right up', 'wiped the infection out' (one to three words between; 'knocks it out'
    names no condition), and 'keeps her flare-ups from coming back'. The cue is the verb
    alone, so the object stays after it."""
    by_particle: dict[str, set[str]] = {}
    for verb in use_predicates().verbs:
        words = verb.split()
        if len(words) == 2 and words[1] in PARTICLES:
            by_particle.setdefault(words[1], set()).update(form.split()[0] for form in phrase_forms(verb))
    kept_from: list[dict] = [{"LOWER": {"IN": sorted(phrase_forms("keep"))}},
                             {"IS_PUNCT": False, "LOWER": {"NOT_IN": OBJECT_STOPS}, "OP": "{1,4}"},
                             {"LOWER": "from"},
                             {"LOWER": {"IN": ["coming", "returning", "recurring", "flaring", "happening"]}}]
    particle_after: list[list[dict]] = [[{"LOWER": {"IN": sorted(verbs)}},
                                         {"IS_PUNCT": False, "LOWER": {"NOT_IN": OBJECT_STOPS}, "OP": "{1,3}"},
                                         {"LOWER": {"IN": ["right", "all", "completely", "totally"]}, "OP": "?"},
                                         {"LOWER": particle}]
                                        for particle, verbs in sorted(by_particle.items())]
    return particle_after + [kept_from]  # "keeping her COPD flare-ups from coming back"


def copular_complement_pattern() -> list[dict]:
    """'<drug> is basically a reset button for', 'it's the closest thing to an off switch for':
    a noun phrase said of the drug with what it is for after it ("an add-on for"). The phrase holds no clause
    stop, negator or harm word ("a known trigger for", "a risk for" present no use)."""
    table = cue_table()
    barred = {phrase.lower() for phrase in (*table.cues["negation"], *table.cues["harm"]) if " " not in phrase}
    barred |= set(use_predicates().not_benefit_words) | {",", ";", ":", "and", "but", "or", "that", "which", "who",
                                                          "because", "if", "when", "than", "for", "against", "no"}  # "a no-go for", "a big no-no for"
    return [{"LOWER": {"IN": sorted(BE_FORMS)}}, {"LOWER": {"IN": sorted(COPULAR_ADVERBS)}, "OP": "*"},
            {"LOWER": {"IN": sorted(DETERMINERS)}},
            {"LOWER": {"NOT_IN": sorted(barred)}, "TEXT": {"REGEX": WORD_OR_HYPHEN}, "OP": f"{{1,{MAX_COMPLEMENT_WORDS}}}"},
            {"LOWER": {"IN": list(BENEFIT_PREPOSITIONS)}}]


LETTING_VERBS = frozenset({"lets", "let", "letting", "allows", "allowed", "allow", "allowing", "enables", "enabled",
                           "enable"})
GETTING_VERBS = frozenset({"gets", "get", "got", "getting"})
LETS_SOMEONE: list[dict[str, Any]] = [  # "the only thing that lets them sleep", "allows me to focus": what they can then do
    {"LOWER": {"IN": sorted(LETTING_VERBS)}},
    {"LOWER": {"IN": ["me", "him", "her", "them", "us", "you", "people", "patients", "kids", "someone"]}},
    {"LOWER": "to", "OP": "?"},
]


WORKS_WELL_FOR: list[dict[str, Any]] = [  # "it works better for my panic attacks", "worked wonders for her eczema",
    {"LOWER": {"IN": ["works", "work", "worked", "working"]}},  # "works just as well for", "every bit as well for"
    {"LOWER": {"IN": ["just", "equally", "about", "almost", "nearly", "every"]}, "OP": "?"},
    {"LOWER": "bit", "OP": "?"},
    {"LOWER": "as", "OP": "?"},
    {"LOWER": {"IN": ["better", "best", "well", "wonders", "miracles", "magic", "great", "really", "so", "amazingly",
                      "brilliantly", "perfectly", "beautifully", "nicely", "fine"]}},
    {"LOWER": {"IN": ["well", "better", "wonders", "great", "nicely"]}, "OP": "?"},
    {"LOWER": {"IN": list(BENEFIT_PREPOSITIONS)}},
]
GETS_SOMEONE_TO: list[dict[str, Any]] = [  # "it's what gets me to sleep", "got him to calm down": what they then do
    {"LOWER": {"IN": sorted(GETTING_VERBS)}},
    {"LOWER": {"IN": ["me", "him", "her", "them", "us", "you", "people", "patients", "kids"]}},
    {"LOWER": "to"},
]


RATED_FOR: list[list[dict[str, Any]]] = [  # a review's score for what the drug did: "10/10 for growing a beard"
    [{"TEXT": {"REGEX": r"^\d+(?:\.\d+)?/(?:5|10|100)$"}}, {"LOWER": "for"}],
    [{"LIKE_NUM": True}, {"LOWER": {"IN": ["stars", "star"]}}, {"LOWER": "for"}],  # "five stars for sleep"
    [{"TEXT": {"IN": ["A+", "A++"]}}, {"LOWER": "for"}],
]


TOOK_IT_WHEN: list[dict[str, Any]] = [  # "my roommate took it when she had the flu": what she had is what it was taken for
    {"LOWER": {"IN": ["took", "used", "popped", "started", "tried", "needed", "swallowed"]}},
    {"LOWER": {"IN": ["it", "them", "one", "some"]}},
    {"LOWER": {"IN": ["when", "while", "after"]}},
    {"LOWER": {"IN": ["i", "she", "he", "they", "we", "my", "her", "his", "their", "our"]}},
    {"LOWER": {"IN": ["kid", "son", "daughter", "husband", "wife"]}, "OP": "?"},
    {"LOWER": {"IN": ["had", "got", "caught", "came", "was", "were"]}},
    {"LOWER": {"IN": ["down"]}, "OP": "?"},
    {"LOWER": {"IN": ["with"]}, "OP": "?"},
]


TAKING_VERBS = ("take", "pop", "use", "grab", "swallow", "chew", "puff", "inhale", "spray")  # "puff my albuterol when"
OCCASIONS = ("when", "whenever", "anytime")  # "pops one whenever her migraines flare"
MEALTIME = ("with", "after", "before")  # "take it with food so nausea is less likely": advice against a side effect
MEALS = frozenset({"food", "meal", "meals", "breakfast", "lunch", "dinner", "supper", "eating", "snack", "milk", "water"})
STOPPED_BEFORE = frozenset({"stop", "stops", "stopped", "stopping", "quit", "quits", "quitting", "avoid", "avoids",
                            "avoiding", "skip", "skips", "skipping", "never", "not", "don't", "don’t"})


def _asked_before(doc: Doc, start: int) -> bool:
    """'before taking', 'before you take', 'about using': the verb of taking at `start` is what
    someone should ask about first, a precaution and not a reason to take it."""
    before = start - 1 if start >= 1 and doc[start - 1].lower_ not in CLAUSE_SUBJECTS else start - 2
    return before >= 0 and doc[before].lower_ in ASKED_BEFORE


def side_effect_advice(span: Span) -> bool:
    """'take it with food so', 'with a meal if', 'in the morning so': a clause after a mealtime
    or a morning dose is advice about side effects (an upset stomach, lost sleep), not what
    the drug is for."""
    words = [token.lower_ for token in span]
    return "morning" in words or any(word in MEALTIME and MEALS.intersection(words[i + 1:i + 3])
                                     for i, word in enumerate(words))


def taken_whenever_patterns(named: bool = False) -> list[list[dict[str, Any]]]:
    """'takes one whenever she can't fall asleep', 'take it so their acne looks less red': a
    verb of taking, the drug ('it', 'one', or a name when `named`), up to three words ('every
    night'), then a clause of when or why it is taken, whose complaint is what it is for."""
    verbs = sorted({form for verb in (*TAKING_VERBS, *use_predicates().purpose) if " " not in verb
                    for form in phrase_forms(verb)})
    drug: dict[str, Any] = {"IS_ALPHA": True} if named else {"LOWER": {"IN": ["it", "them", "one", "some"]}}
    barred = ["and", "but", "or", "because", "so", "only", "time", *OCCASIONS]  # "use it only when": a restriction
    taken: list[dict[str, Any]] = [{"LOWER": {"IN": verbs}}, {"LOWER": {"IN": sorted(RECIPIENTS)}, "OP": "{0,2}"},
                                   {"LIKE_NUM": True, "OP": "?"}, drug]  # "gives her kids Tamiflu", "pop 2 advil"
    between: dict[str, Any] = {"IS_PUNCT": False, "LOWER": {"NOT_IN": barred}, "OP": "{0,3}"}
    longer: dict[str, Any] = {**between, "OP": "{0,5}"}  # "pop 2 advil before i start drinking so"
    return [[*taken, between, {"LOWER": {"IN": list(OCCASIONS)}}],
            [*taken, between, {"LOWER": {"IN": ["every", "each", "any"]}}, {"LOWER": "time"}],  # "every time his bronchitis acts up"
            [*taken, longer, {"LOWER": "so"}],  # (not after a meal: `side_effect_advice`)
            [*taken, between, {"LOWER": "if"},  # "pops a Benadryl if she's jittery"
             {"LOWER": {"IN": sorted(CLAUSE_SUBJECTS | {"her", "his", "my", "your", "their"})}}],
            [*taken, between, {"LOWER": "at"}, {"LOWER": "the"}, {"LOWER": {"IN": ["first", "earliest", "very"]}},
             {"LOWER": "first", "OP": "?"}, {"LOWER": {"IN": list(FIRST_SIGNS)}}, {"LOWER": "of"}]]  # "take one at the
    # first sign of a migraine"


RECIPIENTS = frozenset({"me", "him", "her", "them", "us", "my", "his", "their", "our", "kids", "kid", "son", "daughter",
                        "husband", "wife", "dog", "patients", "baby", "boys", "girls"})  # "gives her kids Tamiflu whenever"
PERSON_OBJECTS = RECIPIENTS | {"you", "people", "folks", "everyone", "anyone", "the", "your", "child", "children",
                                "babies", "toddler", "mom", "dad", "mother", "father", "partner", "grandma", "grandpa",
                                "brother", "sister", "friend", "right"}  # "sobers you right up", "knocks my husband
# out": whom a phrasal benefit verb works on
CAUTIONS_BEFORE = frozenset({"safe", "okay", "ok", "fine", "careful", "allowed", "who", "whether"})  # "is it safe to
# take Tylenol when you have high blood pressure", "patients who take warfarin when they have a fever": who may, not why
ASKED_BEFORE = frozenset({"before", "about"})  # "ask your doctor before (you) taking Coumadin if you have gout", "talk
# to your doctor about taking Advil if": a precaution, right before the verb or its subject
CAUTION_REACH = 4  # words before the verb of taking a caution may stand


FIRST_SIGNS = ("sign", "signs", "hint", "hints", "twinge", "inkling", "whiff", "tickle", "sniffle", "symptom", "symptoms")


CLAUSE_SUBJECTS = frozenset({"i", "we", "she", "he", "they", "you", "anyone"})
CLAUSE_AUXILIARIES = frozenset({"'ve", "’ve", "'s", "’s", "have", "has", "had", "'d", "’d"})
CLAUSE_VERBS = frozenset({"found", "tried", "used", "taken", "seen", "known", "had", "discovered"})


def benefit_phrases() -> set[str]:
    """Every form of every benefit predicate: inflected verbs, and nouns (singular and
    plural) and adjectives with the prepositions that introduce what they are good for ('a
    godsend for', 'one of the best treatments for', 'amazing against')."""
    predicates = use_predicates()
    phrases = {form for verb in predicates.verbs for form in phrase_forms(verb)}
    return phrases | {f"{form} {preposition}" for noun in predicates.nouns for form in noun_forms(noun)
                      for preposition in BENEFIT_PREPOSITIONS} | {f"{adjective} {preposition}" for adjective in predicates.adjectives
                                                                   for preposition in BENEFIT_PREPOSITIONS}

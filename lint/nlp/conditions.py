"""Condition mentions from the lexicon (rules/conditions) and the profiles' own terms."""
from __future__ import annotations

from collections import defaultdict

from spacy.language import Language
from spacy.tokens import Doc, Span

from lint.knowledge.lexicons import cue_table
from lint.knowledge.reference import load_reference
from lint.nlp.descriptions import DescriptionMatcher
from lint.nlp.inflect import verb_forms
from lint.nlp.lexicon import LazyPhraseMatcher, is_acronym, variants
from lint.nlp.measures import MeasureMatcher
from lint.nlp.states import StateMatcher
from lint.nlp.words import lowered

MAX_COMPOUND_WORDS = 4  # a term of two to four words may be written as one hyphenated word ("fear-of-flying")


def indication_term_id(drug_id: str, indication_id: str) -> str:
    """The condition id under which a profile's own indication terms are matched."""
    return f"{drug_id}/{indication_id}"


@Language.factory("druglint_conditions", default_config={"profile_dirs": []})
def make_condition_matcher(nlp: Language, name: str, profile_dirs: list[str]):
    return ConditionMatcher(nlp, tuple(profile_dirs))


HYPHENS = frozenset({"-", "‐", "‑"})  # a hyphen that joins the word after it to the word before


class ConditionMatcher:
    """Marks condition mentions in doc.spans['conditions'], longest first; each span's
    `_.condition_ids` holds every lexicon id whose terms match exactly that text, or whose
    lay description (lint/nlp/descriptions.py) or state on an occasion (lint/nlp/states.py)
    it is. A word of a fixed expression ("stop cold turkey", "a stroke of genius": cues.yaml
    `not_conditions` and `not_warnings`) names no condition."""

    def __init__(self, nlp: Language, profile_dirs: tuple[str, ...]):
        reference = load_reference(profile_dirs)
        self.lower = LazyPhraseMatcher(nlp, attr="LOWER")
        self.exact = LazyPhraseMatcher(nlp, attr="ORTH")
        terms: dict[str, list[str]] = {c.id: list(c.terms) for c in reference.conditions.values()}
        for profile in reference.profiles.values():
            for ind in profile.indications:
                if ind.terms:
                    terms[indication_term_id(profile.id, ind.id)] = list(ind.terms)
        self.compounds: dict[str, set[str]] = defaultdict(set)  # "jet lag" -> ids, for "my jet-lag eraser"
        for condition_id, words in terms.items():
            for term in words:
                matcher = self.exact if is_acronym(term) else self.lower
                matcher.add(condition_id, sorted(variants(term)))
                if is_acronym(term) and len(term.rstrip("s")) >= 3 and term.lower() not in cue_table().acronym_words:
                    self.exact.add(condition_id, [term.lower()])  # "my ptsd", "80mg for ocd"
                if not is_acronym(term) and 2 <= len(parts := term.lower().split()) <= MAX_COMPOUND_WORDS \
                        and all(part.isalpha() for part in parts):
                    self.compounds[" ".join(parts)].add(condition_id)
        self.shorthand = LazyPhraseMatcher(nlp, attr="LOWER")
        for condition in reference.conditions.values():
            self.shorthand.add(condition.id, condition.shorthand)
        self.kinds = {c.id: frozenset(c.kind_of) for c in reference.conditions.values() if c.shorthand}
        self.ancestors = reference.ancestors
        self.fixed = LazyPhraseMatcher(nlp, attr="LOWER")
        self.fixed.add("fixed", sorted({*cue_table().not_warnings, *cue_table().not_conditions}))
        self.vague = frozenset(c.id for c in reference.conditions.values() if c.vague)
        self.descriptions = DescriptionMatcher((c.id, pattern) for c in reference.conditions.values()
                                               for pattern in c.descriptions)
        self.states = StateMatcher((c.id, c.states) for c in reference.conditions.values() if c.states)
        self.measures = MeasureMatcher((c.id, c.measures) for c in reference.conditions.values() if c.measures)

    def __call__(self, doc: Doc) -> Doc:
        ids_by_span: dict[tuple[int, int], set[str]] = defaultdict(set)
        for matcher in (self.lower, self.exact):
            for match_id, start, end in matcher(doc):
                ids_by_span[(start, end)].add(doc.vocab.strings[match_id])
        for (start, end), ids in self._compounds(doc).items():
            ids_by_span[(start, end)] |= ids
        for (start, end), ids in self._shorthands(doc, ids_by_span).items():
            ids_by_span[(start, end)] |= ids
        spans = _longest_terms([Span(doc, s, e) for s, e in ids_by_span])
        described = [widened for start, end, cid in self.descriptions(doc)  # the lexicon's own words win, unless
                     if (widened := _holding_what_it_cuts(start, end, cid, spans)) is not None]  # a description holds
        # them ("my diabetic feet tingled"), or ends inside one ("sudden attacks of a pounding | heart")
        taken = [(span.start, span.end) for span in spans] + [(start, end) for start, end, _ in described]
        described += [(start, end, cid) for start, end, cid in (*self.states(doc), *self.measures(doc))
                      if not any(s < end and start < e for s, e in taken)]  # "when he's agitated", "lowers his blood
        # pressure", unless a term or description says more ("nauseous on the boat": motion sickness)
        for start, end, cid in described:
            ids_by_span[(start, end)].add(cid)
        spans = _longest_terms(spans + [Span(doc, start, end) for start, end, _ in described])
        fixed = [(start, end) for _, start, end in self.fixed(doc)]
        doc.spans["fixed_expressions"] = [Span(doc, start, end) for start, end in fixed]
        starts = {span.start for span in spans}
        spans = [span for span in spans if not (ids_by_span[(span.start, span.end)] <= self.vague
                                                and (_verb_with_object(doc, span, starts) or _thing_settles(doc, span)
                                                     or _something_to_worry_about(doc, span)))
                 and not _shouted_word(doc, span) and not _names_a_service(doc, span)
                 and not any(start <= span.start and span.end <= end for start, end in fixed)]
        for span in spans:
            span._.condition_ids = frozenset(ids_by_span[(span.start, span.end)])
        doc.spans["conditions"] = spans
        return doc

    def _shorthands(self, doc: Doc, named: dict[tuple[int, int], set[str]]) -> dict[tuple[int, int], set[str]]:
        """Shorthand terms ('type 2', 'type 1') in an article that names their kind elsewhere
        (diabetes, or any kind of it): "my neighbor's nephew with type 2 takes 5 mg"."""
        found: dict[tuple[int, int], set[str]] = defaultdict(set)
        named_kinds = {kind for ids in named.values() for i in ids for kind in (i, *self.ancestors.get(i, ()))}
        for match_id, start, end in self.shorthand(doc):
            condition_id = doc.vocab.strings[match_id]
            if start > 0 and doc[start - 1].text in HYPHENS and not doc[start - 1].whitespace_:
                continue  # "a stone-prevention pill": the shorthand is part of another compound
            if self.kinds[condition_id] & named_kinds:
                found[(start, end)].add(condition_id)
        return found

    def _compounds(self, doc: Doc) -> dict[tuple[int, int], set[str]]:
        """Terms of two to four words written as one hyphenated word ('jet-lag', 'fear-of-flying'):
        a run of words joined by hyphens with no space, looked up with spaces."""
        found: dict[tuple[int, int], set[str]] = {}
        words = lowered(doc)
        run_end = 0  # a run "word - word (- word ...)" starts at the word before a hyphen
        for hyphen in (h for h, word in enumerate(words) if word == "-"):
            i = hyphen - 1
            if i < run_end:
                continue
            end = i + 1
            while doc[i].is_alpha and end + 1 < len(doc) and words[end] == "-" and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_ and doc[end + 1].is_alpha:
                end += 2
            if end > i + 1:
                run_end = end
                if (ids := self.compounds.get(" ".join(words[i:end:2]))) is not None:
                    found[(i, end)] = ids
        return found


SHOUTABLE = frozenset({"all", "add", "me", "us", "it", "am"})  # words that are also acronyms of conditions


def _shouted_word(doc: Doc, span: Span) -> bool:
    """'it calmed ALL of it down', 'ADD it to your list': an ordinary word in capitals for
    emphasis, not the condition its acronym names (acute lymphoblastic leukemia), when a
    lower-case word follows it."""
    return len(span) == 1 and span.end < len(doc) and span[0].text.isupper() and span[0].lower_ in SHOUTABLE \
        and doc[span.end].is_alpha and doc[span.end].is_lower


def _names_a_service(doc: Doc, span: Span) -> bool:
    """'the ED program for her bulimia', 'an ADHD clinic', 'went to the ED': an acronym that
    names a program, clinic or department (an eating-disorder program, the emergency
    department), not the condition the acronym also stands for."""
    if len(span) != 1 or not span[0].text.isupper():
        return False
    if span.end < len(doc) and doc[span.end].lower_ in SERVICE_NOUNS:
        return True
    return span.start >= 2 and doc[span.start - 1].lower_ == "the" and doc[span.start - 2].lower_ in PLACE_PREPOSITIONS


SERVICE_NOUNS = frozenset({"program", "programs", "programme", "clinic", "clinics", "unit", "ward", "department",
                           "visit", "visits", "staff", "bed", "trip", "stay", "center", "centre", "waiting"})
# not 'doctor': "my PTSD doctor prescribed it" still says what for
PLACE_PREPOSITIONS = frozenset({"in", "to", "at", "from", "into"})  # "seen in the ED"


OBJECT_OPENERS = frozenset({"the", "a", "an", "my", "your", "his", "her", "their", "our", "its", "this", "that",
                            "these", "those"})


def _verb_with_object(doc: Doc, span: Span, condition_starts: set[int]) -> bool:
    """'calming the shaking hands', 'calms the tics', 'calms me down': a one-word symptom term
    with a verb ending followed by its object (a determiner, a person or another condition)
    is a verb, not the symptom it also names."""
    word = span[0].lower_
    if len(span) != 1 or span.end >= len(doc) \
            or doc[span.end].lower_ not in OBJECT_OPENERS | OBJECT_PERSONS and span.end not in condition_starts:
        return False
    if span.start > 0 and doc[span.start - 1].lower_ in OBJECT_OPENERS:
        return False  # "his nerves the night before", "the vomiting that comes with": a noun after its determiner
    return word.endswith("ing") or word.endswith(("s", "ed")) and span.start > 0 and not doc[span.start - 1].is_punct \
        or span.start > 0 and doc[span.start - 1].lower_ in VERB_OPENERS  # "help them calm their breathing down"


OBJECT_PERSONS = frozenset({"me", "him", "us", "them", "you"})  # "calms me down": the verb's object
VERB_OPENERS = OBJECT_PERSONS | {"to"} | frozenset(verb_forms("help"))  # what stands before a bare verb, not a noun
# ("helped calm the shellfish hives")


SETTLING = frozenset(form for verb in ("calm", "settle", "quiet", "relax", "cool") for form in verb_forms(verb))
PERSONS = frozenset({"i", "me", "you", "he", "him", "she", "her", "we", "us", "they", "them", "myself", "yourself",
                     "himself", "herself", "ourselves", "themselves", "kids", "kid", "people", "everyone", "everybody"})


def _thing_settles(doc: Doc, span: Span) -> bool:
    """'until things calm down', 'for your stomach to calm down': a symptom word as a verb
    with 'down' after it says something settles, unless a person does ('helps me calm down')."""
    words = lowered(doc)
    if len(span) != 1 or span.end >= len(doc) or words[span.end] != "down" or words[span.start] not in SETTLING:
        return False  # "to keep her post-viral fatigue down": the noun a phrasal verb keeps down
    before = span.start - 1
    if before >= 0 and words[before] == "to":
        before -= 1  # "helps her to calm down"
    return before < 0 or words[before] not in PERSONS


def _something_to_worry_about(doc: Doc, span: Span) -> bool:
    """'Any heart stuff to worry about?', 'nothing to stress over': a symptom word as the verb
    of an infinitive with 'about' or 'over' after it names what may go wrong, not a complaint
    (unless a person is the one helped: 'helps me to worry about less')."""
    words = lowered(doc)
    if len(span) != 1 or span.end >= len(doc) or words[span.end] not in ("about", "over") \
            or span.start < 2 or words[span.start - 1] != "to":
        return False
    return words[span.start - 2] not in PERSONS and words[span.start - 2] not in ("not", "n't")


UNCOUNTED_FIRST_WORDS = frozenset({"a", "an", "the", "for", "bad", "severe", "mild", "nasty", "terrible", "awful",
                                   "horrible", "really"})  # "a cold", "for sleep", "bad cold": they add no word


DESCRIPTION_OVERHANG = 3  # tokens a description may grow by to take in a term it ends inside


def _holding_what_it_cuts(start: int, end: int, condition: str, terms: list[Span]) -> tuple[int, int, str] | None:
    """A description's span grown to hold the lexicon terms it overlaps in part (a term it
    ends or starts inside), or None when that takes more than a few tokens: the term wins."""
    for term in terms:
        if term.start < end and start < term.end and not (start <= term.start and term.end <= end):
            if max(end, term.end) - min(start, term.start) - (end - start) > DESCRIPTION_OVERHANG:
                return None
            start, end = min(start, term.start), max(end, term.end)
    return start, end, condition


def _longest_terms(spans: list[Span]) -> list[Span]:
    """Overlapping terms resolved as spaCy's filter_spans does (the longest, then the first),
    not counting a leading article, 'for' or word of how bad: "a cold sore" is a cold sore, not
    "a cold"; "for sleep problems" holds "sleep problems", not "for sleep"; "a bad cold sore" is
    a cold sore, not a bad cold."""
    kept: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda span: (-(len(span) - (span[0].lower_ in UNCOUNTED_FIRST_WORDS)), -len(span),
                                                span.start)):
        if span.start not in taken and span.end - 1 not in taken:
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda span: span.start)

"""Context cues (use, negation, hedge, off-label, harm, history, descriptive, terminate)
from rules/cues.yaml, and benefit predicates from rules/use_predicates.yaml (every verb form,
label `benefit`), marked as spans in doc.spans['cues'] labelled by category."""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from lint.knowledge.lexicons import CUE_CATEGORIES, cue_table, use_predicates
from lint.nlp.inflect import noun_forms, phrase_forms
from lint.nlp.lexicon import LazyPhraseMatcher

BENEFIT_PREPOSITIONS = ("for", "against")


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
        self.inserted = Matcher(nlp.vocab)  # "the best thing I've found for": a relative clause before 'for'
        nouns = sorted({form for noun in use_predicates().nouns for form in noun_forms(noun)})
        self.inserted.add("benefit", [[{"LOWER": {"IN": nouns}}, {"LOWER": {"IN": list(CLAUSE_SUBJECTS)}},
                                       {"LOWER": {"IN": list(CLAUSE_AUXILIARIES)}, "OP": "?"},
                                       {"LOWER": {"IN": ["ever", "yet", "personally"]}, "OP": "?"},
                                       {"LOWER": {"IN": list(CLAUSE_VERBS)}}, {"LOWER": {"IN": list(BENEFIT_PREPOSITIONS)}}]])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        spans += [Span(doc, s, e, label="benefit") for _, s, e in self.inserted(doc)]
        doc.spans["cues"] = filter_spans(spans)
        return doc


CLAUSE_SUBJECTS = frozenset({"i", "we", "she", "he", "they", "you", "anyone"})
CLAUSE_AUXILIARIES = frozenset({"'ve", "’ve", "'s", "’s", "have", "has", "had", "'d", "’d"})
CLAUSE_VERBS = frozenset({"found", "tried", "used", "taken", "seen", "known", "had", "discovered"})


def benefit_phrases() -> set[str]:
    """Every form of every benefit predicate: inflected verbs, and nouns (singular and
    plural) with the prepositions that introduce what they are good for ('a godsend for',
    'one of the best treatments for')."""
    predicates = use_predicates()
    phrases = {form for verb in predicates.verbs for form in phrase_forms(verb)}
    return phrases | {f"{form} {preposition}" for noun in predicates.nouns for form in noun_forms(noun)
                      for preposition in BENEFIT_PREPOSITIONS} | {f"{adjective} for" for adjective in predicates.adjectives}

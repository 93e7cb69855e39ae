"""Condition mentions from the lexicon (rules/conditions) and the profiles' own terms."""
from __future__ import annotations

from collections import defaultdict

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from lint.knowledge.reference import load_reference
from lint.nlp.descriptions import DescriptionMatcher
from lint.nlp.lexicon import LazyPhraseMatcher, is_acronym, variants


def indication_term_id(drug_id: str, indication_id: str) -> str:
    """The condition id under which a profile's own indication terms are matched."""
    return f"{drug_id}/{indication_id}"


@Language.factory("druglint_conditions", default_config={"profile_dirs": []})
def make_condition_matcher(nlp: Language, name: str, profile_dirs: list[str]):
    return ConditionMatcher(nlp, tuple(profile_dirs))


class ConditionMatcher:
    """Marks condition mentions in doc.spans['conditions'], longest first; each span's
    `_.condition_ids` holds every lexicon id whose terms match exactly that text, or whose
    lay description it is (lint/nlp/descriptions.py)."""

    def __init__(self, nlp: Language, profile_dirs: tuple[str, ...]):
        reference = load_reference(profile_dirs)
        self.lower = LazyPhraseMatcher(nlp, attr="LOWER")
        self.exact = LazyPhraseMatcher(nlp, attr="ORTH")
        terms: dict[str, list[str]] = {c.id: list(c.terms) for c in reference.conditions.values()}
        for profile in reference.profiles.values():
            for ind in profile.indications:
                if ind.terms:
                    terms[indication_term_id(profile.id, ind.id)] = list(ind.terms)
        for condition_id, words in terms.items():
            for term in words:
                matcher = self.exact if is_acronym(term) else self.lower
                matcher.add(condition_id, sorted(variants(term, compounds=True)))
        self.descriptions = DescriptionMatcher((c.id, pattern) for c in reference.conditions.values()
                                               for pattern in c.descriptions)

    def __call__(self, doc: Doc) -> Doc:
        ids_by_span: dict[tuple[int, int], set[str]] = defaultdict(set)
        for matcher in (self.lower, self.exact):
            for match_id, start, end in matcher(doc):
                ids_by_span[(start, end)].add(doc.vocab.strings[match_id])
        spans = filter_spans([Span(doc, s, e) for s, e in ids_by_span])
        described = [(start, end, cid) for start, end, cid in self.descriptions(doc)
                     if not any(s.start < end and start < s.end for s in spans)]  # the lexicon's own words win
        for start, end, cid in described:
            ids_by_span[(start, end)].add(cid)
        spans = filter_spans(spans + [Span(doc, start, end) for start, end, _ in described])
        spans = [span for span in spans if not _verb_with_object(doc, span)]
        for span in spans:
            span._.condition_ids = frozenset(ids_by_span[(span.start, span.end)])
        doc.spans["conditions"] = spans
        return doc


OBJECT_OPENERS = frozenset({"the", "a", "an", "my", "your", "his", "her", "their", "our", "its", "this", "that",
                            "these", "those"})


def _verb_with_object(doc: Doc, span: Span) -> bool:
    """'calming the shaking hands', 'relaxing your jaw': a one-word -ing term followed by its
    object is a verb, not the condition it also names."""
    return len(span) == 1 and span[0].lower_.endswith("ing") and span.end < len(doc) \
        and doc[span.end].lower_ in OBJECT_OPENERS

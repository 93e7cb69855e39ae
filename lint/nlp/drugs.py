"""Drug mentions: every name of every profile, common misspellings, and other drugs."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from lint.knowledge.lexicons import other_drugs
from lint.knowledge.reference import load_reference
from lint.nlp.lexicon import is_acronym, phrase_doc, variants

OTHER = "other"
MIN_STEM_WORD = 7  # shorter words with a drug-like ending are ordinary words ("capsule" is not one)


@Language.factory("druglint_drugs", default_config={"profile_dirs": []})
def make_drug_matcher(nlp: Language, name: str, profile_dirs: list[str]):
    return DrugMatcher(nlp, tuple(profile_dirs))


class DrugMatcher:
    """Marks drug mentions in doc.spans['drugs']; label = profile id, or 'other' (with
    `span._.drug_class` set for a class such as 'opioids')."""

    def __init__(self, nlp: Language, profile_dirs: tuple[str, ...]):
        reference = load_reference(profile_dirs)
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.misspelled: set[str] = set()
        for profile in reference.profiles.values():
            self._add(nlp, profile.id, profile.names)
            self._add(nlp, profile.id, profile.misspellings)
            self.misspelled |= {m.lower() for m in profile.misspellings}
        known = {n.lower() for p in reference.profiles.values() for n in p.names}
        others = other_drugs()
        self._add(nlp, OTHER, [n for n in others.drugs + others.classes if n.lower() not in known])
        self.classes = {v.lower() for name in others.classes for v in variants(name)}
        self.stems = re.compile(rf"^[a-z]{{3,}}(?:{'|'.join(map(re.escape, others.stems))})$") if others.stems else None
        self.known = known

    def _add(self, nlp: Language, label: str, names) -> None:
        for name in names:
            matcher = self.exact if is_acronym(name) else self.lower
            matcher.add(label, [phrase_doc(nlp, v) for v in sorted(variants(name))])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=match_id)
                 for matcher in (self.lower, self.exact) for match_id, start, end in matcher(doc)]
        if self.stems is not None:  # "venlafaxine", "metoclopramide": a drug by its INN ending
            spans += [Span(doc, t.i, t.i + 1, label=OTHER) for t in doc
                      if len(t) >= MIN_STEM_WORD and t.is_alpha and self.stems.match(t.lower_) and t.lower_ not in self.known]
        spans = filter_spans(spans)
        for span in spans:
            span._.drug_id = span.label_
            span._.misspelled = span.text.lower() in self.misspelled
            span._.drug_class = span.label_ == OTHER and span.text.lower() in self.classes
        doc.spans["drugs"] = spans
        return doc

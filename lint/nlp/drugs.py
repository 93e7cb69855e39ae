"""Drug mentions: every name of every profile, common misspellings, and other drugs."""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IS_ALPHA, LENGTH, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from lint.knowledge.lexicons import other_drugs
from lint.knowledge.reference import load_reference
from lint.nlp.lexicon import LazyPhraseMatcher, is_acronym, variants
from lint.nlp.words import lowered as lowered_words

OTHER = "other"
MIN_STEM_WORD = 7  # shorter words with a drug-like ending are ordinary words ("capsule" is not one)


COMPARED_WITH = (("than",), ("unlike",), ("same", "as"), ("similar", "to"), ("compared", "to"),
                 ("compared", "with"), ("instead", "of"), ("alternative", "to"), ("bit", "like"), ("much", "like"),
                 ("just", "like"), ("cousin", "of"), ("relative", "of"), ("sibling", "of"), ("sister", "of"),
                 ("brother", "of"), ("twin", "of"), ("rival", "of"), ("as", "well", "as"), ("as", "good", "as"),
                 ("as", "effective", "as"), ("closest", "thing", "to"),
                 *((verb, "like") for verb in ("works", "work", "worked", "working", "acts", "act", "acted", "feels",
                                               "felt", "is", "'s", "’s")))  # the words before a standard of
# comparison: "it works like Adderall for ADHD" (not "stimulants like Adderall", examples of a class)


def compared_with(doc: Doc, start: int) -> bool:
    """True when the drug name at token `start` is only what another drug is compared with
    ('the same vibe as Adderall', 'gentler than Xanax', 'the weird cousin of tramadol'), past a
    determiner."""
    words = lowered_words(doc)
    end = start - 1 if start > 0 and words[start - 1] in ("the", "a", "an", "my", "your", "regular", "plain") else start
    return any(tuple(words[max(0, end - len(phrase)):end]) == phrase for phrase in COMPARED_WITH) \
        or end > 0 and words[end - 1] == "as" and "same" in words[max(0, end - 4):end - 1]  # "the same vibe as"


@Language.factory("druglint_drugs", default_config={"profile_dirs": []})
def make_drug_matcher(nlp: Language, name: str, profile_dirs: list[str]):
    return DrugMatcher(nlp, tuple(profile_dirs))


def combination_parts(generic: str) -> list[str]:
    """The first word of each ingredient of a combination's generic name ('acetaminophen and
    codeine phosphate' -> acetaminophen, codeine); a single drug has none."""
    parts = re.split(r"\s+and\s+|\s*[-/]\s*", generic.lower())
    return [part.split()[0] for part in parts if part.strip()] if len(parts) > 1 else []


class DrugMatcher:
    """Marks drug mentions in doc.spans['drugs']; label = profile id, or 'other' (with
    `span._.drug_class` set for a class such as 'opioids')."""

    def __init__(self, nlp: Language, profile_dirs: tuple[str, ...]):
        reference = load_reference(profile_dirs)
        self.lower = LazyPhraseMatcher(nlp, attr="LOWER")
        self.exact = LazyPhraseMatcher(nlp, attr="ORTH")
        self.misspelled: set[str] = set()
        for profile in reference.profiles.values():
            self._add(profile.id, [name for name in profile.names if name not in profile.chat_names])
            self.exact.add(profile.id, sorted(v for name in profile.chat_names for v in variants(name)))  # as written
            self._add(profile.id, profile.misspellings)
            self.misspelled |= {m.lower() for m in profile.misspellings}
        known = {n.lower() for p in reference.profiles.values() for n in p.names}
        self.components = {component: profile.id for profile in reference.profiles.values()
                           for component in combination_parts(profile.generic) if component not in known}
        others = other_drugs()
        self._add(OTHER, sorted({n for n in others.drugs + others.classes if n.lower() not in known} | set(self.components)))
        self.classes = {v.lower() for name in others.classes for v in variants(name)}
        self.stems = re.compile(rf"^[a-z]{{3,}}(?:{'|'.join(map(re.escape, others.stems))})$") if others.stems else None
        self.stem_words: dict[int, bool] = {}  # LOWER hash of a word -> whether it names a drug by its stem
        self.known = known | set(others.not_stemmed)

    def _add(self, label: str, names) -> None:
        for name in names:
            matcher = self.exact if is_acronym(name) else self.lower
            matcher.add(label, sorted(variants(name)))

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=match_id)
                 for matcher in (self.lower, self.exact) for match_id, start, end in matcher(doc)]
        if self.stems is not None:
            spans += self._stem_spans(doc)
        spans = self._as_combination(filter_spans(spans))
        for span in spans:
            label, lowered, extensions = span.label_, span.text.lower(), span._
            extensions.drug_id = label
            extensions.misspelled = lowered in self.misspelled
            extensions.drug_class = label == OTHER and lowered in self.classes
        doc.spans["drugs"] = spans
        return doc

    def _as_combination(self, spans: list[Span]) -> list[Span]:
        """An unprofiled ingredient of a combination the article names stands for that
        combination: 'codeine' in an article about acetaminophen and codeine."""
        named = {span.label_ for span in spans}
        return [Span(span.doc, span.start, span.end, label=self.components[lowered])
                if span.label_ == OTHER and (lowered := span.text.lower()) in self.components
                and self.components[lowered] in named else span
                for span in spans]

    def _stem_spans(self, doc: Doc) -> list[Span]:
        """'venlafaxine', 'metoclopramide': a drug by its INN ending (one token each), a
        word's verdict kept for the next article."""
        columns = doc.to_array([LOWER, LENGTH, IS_ALPHA]).reshape(-1, 3)  # one row per token
        lowers, spans = columns[:, 0].tolist(), []
        for index in numpy.flatnonzero((columns[:, 1] >= MIN_STEM_WORD) & (columns[:, 2] == 1)).tolist():
            key = lowers[index]
            found = self.stem_words.get(key)
            if found is None:
                lowered = doc.vocab.strings[key]
                found = self.stem_words[key] = bool(self.stems and self.stems.match(lowered)) and lowered not in self.known
            if found:
                spans.append(Span(doc, index, index + 1, label=OTHER))
        return spans
